#include "Projection.h"

#include "sextant/Index.h"

#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QtConcurrent>
#include <algorithm>
#include <cmath>
#include <limits>

namespace sextant::ui {

namespace {

// Progress is reported on 0..1000: sampling ids, reading vectors, the
// principal components.
constexpr int kSampleEnd = 150, kReadEnd = 550, kPcaEnd = 1000;
constexpr int kMaxIterations = 80;
constexpr double kTolerance = 1e-7; // 1 - |cos| between successive directions

QRandomGenerator seededGenerator(quint64 seed)
{
    const quint32 words[2] = {quint32(seed), quint32(seed >> 32)};
    return QRandomGenerator(words, 2);
}

// Builds the metadata columns while the vectors are read.
class ColumnCollector {
public:
    ColumnCollector(const Schema &schema, qint64 rows) : m_rows(rows)
    {
        for (const FieldSpec &f : schema.fields)
            column(f.name);
        m_schemaColumns = int(m_columns.size());
    }

    void add(qint64 row, const QJsonObject &metadata)
    {
        for (auto it = metadata.begin(); it != metadata.end(); ++it) {
            const int c = column(it.key());
            if (c < 0) continue;
            MetadataColumn &col = m_columns[c];
            ++col.present;
            const QJsonValue v = it.value();
            if (v.isDouble()) {
                if (col.numbers.empty()) col.numbers.assign(size_t(m_rows), std::numeric_limits<float>::quiet_NaN());
                col.numbers[size_t(row)] = float(v.toDouble());
                ++col.numberRows;
                continue;
            }
            QString text;
            if (v.isString())
                text = v.toString();
            else if (v.isBool())
                text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            else if (v.isArray()) {
                QStringList parts;
                for (const QJsonValue &e : v.toArray())
                    parts.append(e.isString()   ? e.toString()
                                 : e.isDouble() ? QString::number(e.toDouble())
                                 : e.isBool()   ? (e.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                : QString());
                text = parts.join(QStringLiteral(", "));
            } else
                continue; // null, objects: present, but no colour
            if (col.codes.empty()) col.codes.assign(size_t(m_rows), -1);
            QHash<QString, qint32> &dict = m_dictionaries[c];
            auto found = dict.constFind(text);
            if (found != dict.constEnd()) {
                col.codes[size_t(row)] = *found;
            } else if (col.values.size() < MetadataColumn::kMaxDistinct) {
                const qint32 code = qint32(col.values.size());
                col.values.append(text);
                dict.insert(text, code);
                col.codes[size_t(row)] = code;
            } else {
                col.codes[size_t(row)] = -2;
            }
        }
    }

    // The schema's fields, then keys at least 5 % of the rows carry, most common first.
    QList<MetadataColumn> take(qint64 rows)
    {
        QList<MetadataColumn> out;
        QList<MetadataColumn> others;
        for (int i = 0; i < m_columns.size(); ++i) {
            MetadataColumn &c = m_columns[i];
            if (!c.numbers.empty()) c.numbers.resize(size_t(rows));
            if (!c.codes.empty()) c.codes.resize(size_t(rows));
            if (i < m_schemaColumns)
                out.append(std::move(c));
            else if (c.present * 20 >= rows && c.present > 0)
                others.append(std::move(c));
        }
        std::stable_sort(others.begin(), others.end(),
                         [](const MetadataColumn &a, const MetadataColumn &b) { return a.present > b.present; });
        for (MetadataColumn &c : others) {
            if (out.size() >= Projection::kMaxMetadataColumns) break;
            out.append(std::move(c));
        }
        return out;
    }

private:
    int column(const QString &key)
    {
        auto it = m_index.constFind(key);
        if (it != m_index.constEnd()) return *it;
        if (m_columns.size() >= 64) return -1; // enough candidates
        MetadataColumn c;
        c.key = key;
        m_columns.append(std::move(c));
        m_dictionaries.append(QHash<QString, qint32>());
        m_index.insert(key, int(m_columns.size() - 1));
        return int(m_columns.size() - 1);
    }

    qint64 m_rows;
    int m_schemaColumns = 0;
    QList<MetadataColumn> m_columns;
    QList<QHash<QString, qint32>> m_dictionaries;
    QHash<QString, int> m_index;
};

// W = X^T (X V) for the two columns of V, over the centred sample. Sums go
// through float blocks (vectorised) into doubles. False when cancelled.
bool multiply(const std::vector<float> &X, qint64 n, int d, const std::vector<float> (&v)[2],
              std::vector<double> (&w)[2], QPromise<ProjectionResult> &promise)
{
    constexpr qint64 kBlock = 256;
    std::vector<float> acc0(static_cast<size_t>(d)), acc1(static_cast<size_t>(d));
    for (int k = 0; k < 2; ++k)
        w[k].assign(size_t(d), 0.0);
    const float *v0 = v[0].data(), *v1 = v[1].data();
    for (qint64 start = 0; start < n; start += kBlock) {
        if (promise.isCanceled()) return false;
        std::fill(acc0.begin(), acc0.end(), 0.f);
        std::fill(acc1.begin(), acc1.end(), 0.f);
        float *a0 = acc0.data(), *a1 = acc1.data();
        const qint64 end = std::min(n, start + kBlock);
        for (qint64 r = start; r < end; ++r) {
            const float *x = X.data() + r * d;
            float p0 = 0, p1 = 0;
            for (int j = 0; j < d; ++j) {
                p0 += x[j] * v0[j];
                p1 += x[j] * v1[j];
            }
            for (int j = 0; j < d; ++j) {
                a0[j] += p0 * x[j];
                a1[j] += p1 * x[j];
            }
        }
        for (int j = 0; j < d; ++j) {
            w[0][size_t(j)] += a0[j];
            w[1][size_t(j)] += a1[j];
        }
    }
    return true;
}

double dot(const std::vector<double> &a, const std::vector<double> &b)
{
    double s = 0;
    for (size_t i = 0; i < a.size(); ++i)
        s += a[i] * b[i];
    return s;
}

// Gram–Schmidt: w0 normalised, w1 made orthogonal to it (the deflation of
// the first direction) and normalised. A vanishing w1 (d = 1, or rank 1)
// becomes zero.
void orthonormalise(std::vector<double> (&w)[2])
{
    const double n0 = std::sqrt(dot(w[0], w[0]));
    if (n0 > 0)
        for (double &x : w[0])
            x /= n0;
    const double p = dot(w[0], w[1]);
    for (size_t i = 0; i < w[1].size(); ++i)
        w[1][i] -= p * w[0][i];
    const double n1 = std::sqrt(dot(w[1], w[1]));
    for (double &x : w[1])
        x = n1 > 1e-12 * std::max(1.0, n0) ? x / n1 : 0.0;
}

} // namespace

QStringList Projection::sampleIds(const Index &index, int limit, quint64 seed, qint64 *total,
                                  QPromise<ProjectionResult> *promise)
{
    QRandomGenerator gen = seededGenerator(seed);
    QStringList reservoir;
    qint64 seen = 0;
    const qint64 expected = std::max<qint64>(1, index.count());
    QString after;
    do {
        if (promise && promise->isCanceled()) return {};
        Result<IdPage> page = index.listIds(after, 10000);
        if (!page.ok()) break;
        for (const QString &id : page->ids) {
            // Algorithm R: the i-th id replaces a random slot with probability limit/(i+1).
            if (seen < limit) {
                reservoir.append(id);
            } else {
                const quint64 j = gen.generate64() % quint64(seen + 1);
                if (j < quint64(limit)) reservoir[qsizetype(j)] = id;
            }
            ++seen;
        }
        after = page->nextAfter;
        if (promise) promise->setProgressValue(int(std::min<qint64>(kSampleEnd, kSampleEnd * seen / expected)));
    } while (!after.isEmpty());
    if (total) *total = seen;
    // Id order reads the storage front to back and makes the result independent of the slots.
    std::sort(reservoir.begin(), reservoir.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return reservoir;
}

void Projection::compute(QPromise<ProjectionResult> &promise, const Index &index, int sampleLimit, quint64 seed)
{
    promise.setProgressRange(0, kPcaEnd);
    ProjectionResult out;
    const Schema schema = index.schema();
    const int d = schema.dimensions;
    out.seed = seed;
    out.sampleLimit = sampleLimit;
    out.dimensions = d;
    out.normalised = schema.metric == Metric::Cosine;
    out.effectiveLimit = int(std::max<qint64>(1, std::min<qint64>(sampleLimit, kMaxSampleFloats / std::max(1, d))));

    // 1. The sample.
    promise.setProgressValueAndText(0, QObject::tr("Sampling items"));
    const QStringList sampled = sampleIds(index, out.effectiveLimit, seed, &out.totalItems, &promise);
    if (promise.isCanceled()) return;

    // 2. Its vectors and metadata. A deleted item (a write meanwhile) drops out.
    promise.setProgressValueAndText(kSampleEnd, QObject::tr("Reading vectors"));
    const qint64 capacity = sampled.size();
    std::vector<float> X(size_t(capacity) * size_t(d));
    ColumnCollector columns(schema, capacity);
    qint64 n = 0;
    auto addItem = [&](const Item &item) {
        if (n >= capacity || item.vector.size() != d) return;
        float *row = X.data() + n * d;
        std::copy(item.vector.begin(), item.vector.end(), row);
        if (out.normalised) {
            double norm = 0;
            for (int j = 0; j < d; ++j)
                norm += double(row[j]) * row[j];
            if (norm > 0) {
                const float inv = float(1 / std::sqrt(norm));
                for (int j = 0; j < d; ++j)
                    row[j] *= inv;
            }
        }
        columns.add(n, item.metadata);
        out.ids.append(item.id);
        ++n;
    };
    auto reportRead = [&] {
        promise.setProgressValue(kSampleEnd + int((kReadEnd - kSampleEnd) * n / std::max<qint64>(1, capacity)));
    };
    if (out.totalItems <= out.effectiveLimit) {
        // Everything: read pages in id order rather than one lookup per id.
        QString after;
        do {
            if (promise.isCanceled()) return;
            Result<ListPage> page = index.list(after, 512, true);
            if (!page.ok()) {
                out.error = page.error();
                break;
            }
            for (const Item &item : page->items)
                addItem(item);
            after = page->nextAfter;
            reportRead();
        } while (!after.isEmpty() && n < capacity);
    } else {
        for (qsizetype i = 0; i < sampled.size(); ++i) {
            if ((i & 255) == 0) {
                if (promise.isCanceled()) return;
                reportRead();
            }
            Result<Item> item = index.get(sampled[i], true);
            if (item.ok()) addItem(*item);
        }
    }
    X.resize(size_t(n) * size_t(d));
    out.columns = columns.take(n);

    // 3. Centre, then the top two principal directions by subspace iteration.
    promise.setProgressValueAndText(kReadEnd, QObject::tr("Computing principal components"));
    std::vector<double> mean(size_t(d), 0.0);
    for (qint64 r = 0; r < n; ++r)
        for (int j = 0; j < d; ++j)
            mean[size_t(j)] += X[size_t(r * d + j)];
    for (double &m : mean)
        m /= std::max<qint64>(1, n);
    double totalSquares = 0;
    for (qint64 r = 0; r < n; ++r) {
        float *row = X.data() + r * d;
        for (int j = 0; j < d; ++j) {
            row[j] = float(row[j] - mean[size_t(j)]);
            totalSquares += double(row[j]) * row[j];
        }
    }
    out.mean.assign(mean.begin(), mean.end());

    std::vector<float> v[2];
    std::vector<double> w[2], prev[2];
    QRandomGenerator gen = seededGenerator(seed ^ 0x9e3779b97f4a7c15ull);
    for (int k = 0; k < 2; ++k) {
        w[k].resize(size_t(d));
        for (double &x : w[k])
            x = gen.generateDouble() * 2 - 1;
    }
    orthonormalise(w);
    double lambda[2] = {0, 0};
    if (n >= 2 && totalSquares > 0) {
        for (int it = 0; it < kMaxIterations; ++it) {
            for (int k = 0; k < 2; ++k) {
                prev[k] = w[k];
                v[k].assign(w[k].begin(), w[k].end());
            }
            if (!multiply(X, n, d, v, w, promise)) return;
            orthonormalise(w);
            ++out.iterations;
            promise.setProgressValue(kReadEnd + (kPcaEnd - kReadEnd - 20) * (it + 1) / kMaxIterations);
            const double c0 = 1 - std::abs(dot(w[0], prev[0]));
            const double c1 = 1 - std::abs(dot(w[1], prev[1]));
            if (c0 < kTolerance && (c1 < kTolerance || dot(w[1], w[1]) == 0)) break;
        }
        // Rayleigh–Ritz in the span: H = V^T C V, rotated to its eigenvectors.
        for (int k = 0; k < 2; ++k)
            v[k].assign(w[k].begin(), w[k].end());
        std::vector<double> cv[2];
        if (!multiply(X, n, d, v, cv, promise)) return;
        const double a = dot(w[0], cv[0]), b = dot(w[0], cv[1]), c = dot(w[1], cv[1]);
        const double theta = 0.5 * std::atan2(2 * b, a - c);
        const double cs = std::cos(theta), sn = std::sin(theta);
        lambda[0] = a * cs * cs + 2 * b * sn * cs + c * sn * sn;
        lambda[1] = a * sn * sn - 2 * b * sn * cs + c * cs * cs;
        std::vector<double> r0(static_cast<size_t>(d)), r1(static_cast<size_t>(d));
        for (size_t j = 0; j < size_t(d); ++j) {
            r0[j] = cs * w[0][j] + sn * w[1][j];
            r1[j] = -sn * w[0][j] + cs * w[1][j];
        }
        w[0] = std::move(r0);
        w[1] = std::move(r1);
        if (lambda[1] > lambda[0]) {
            std::swap(w[0], w[1]);
            std::swap(lambda[0], lambda[1]);
        }
    }
    // A deterministic orientation: the largest component of each axis is positive.
    for (int k = 0; k < 2; ++k) {
        size_t big = 0;
        for (size_t j = 0; j < w[k].size(); ++j)
            if (std::abs(w[k][j]) > std::abs(w[k][big])) big = j;
        if (!w[k].empty() && w[k][big] < 0)
            for (double &x : w[k])
                x = -x;
        out.axis[k].assign(w[k].begin(), w[k].end());
        out.explained[k] = totalSquares > 0 ? std::max(0.0, lambda[k]) / totalSquares : 0;
    }

    // 4. Project.
    out.x.resize(size_t(n));
    out.y.resize(size_t(n));
    const float *a0 = out.axis[0].data(), *a1 = out.axis[1].data();
    for (qint64 r = 0; r < n; ++r) {
        const float *row = X.data() + r * d;
        float p0 = 0, p1 = 0;
        for (int j = 0; j < d; ++j) {
            p0 += row[j] * a0[j];
            p1 += row[j] * a1[j];
        }
        out.x[size_t(r)] = p0;
        out.y[size_t(r)] = p1;
    }
    promise.setProgressValue(kPcaEnd);
    promise.addResult(std::move(out));
}

QFuture<ProjectionResult> Projection::start(std::shared_ptr<Index> index, int sampleLimit, quint64 seed)
{
    return QtConcurrent::run([index, sampleLimit, seed](QPromise<ProjectionResult> &promise) {
        compute(promise, *index, sampleLimit, seed);
    });
}

} // namespace sextant::ui
