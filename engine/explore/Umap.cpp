#include "sextant/Umap.h"

#include <QHash>
#include <algorithm>
#include <cstring>
#include <cmath>
#include <limits>
#include <mutex>
#include <random>

namespace sextant::explore {

namespace {

// A small, fast generator for the optimisation (splitmix64 seeding xoshiro-like steps).
struct Rng {
    quint64 s;
    explicit Rng(quint64 seed) : s(seed ^ 0x9e3779b97f4a7c15ull) { }
    quint64 next()
    {
        quint64 z = (s += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    quint32 below(quint32 n) { return quint32((next() >> 32) * n >> 32); }
};

// The vectors of `ids` as one n x d block (normalised for cosine).
Result<std::vector<float>> readVectors(const Index &index, const QStringList &ids, const Task &task)
{
    const int d = index.schema().dimensions;
    const bool normalise = index.schema().metric == Metric::Cosine;
    std::vector<float> data(size_t(ids.size()) * size_t(d));
    std::mutex errorMutex;
    Error firstError;
    const bool finished = parallelFor(ids.size(), task.workerCount(), task, QStringLiteral("vectors"), [&](qint64 i) {
        Result<Item> item = index.get(ids[i], true);
        if (!item.ok()) {
            std::lock_guard lock(errorMutex);
            if (!firstError) firstError = item.error();
            return false;
        }
        float *row = data.data() + size_t(i) * size_t(d);
        double norm = 0;
        for (int c = 0; c < d; ++c) {
            row[c] = item->vector[c];
            norm += double(row[c]) * row[c];
        }
        if (normalise && norm > 0) {
            const float inv = float(1.0 / std::sqrt(norm));
            for (int c = 0; c < d; ++c)
                row[c] *= inv;
        }
        return true;
    });
    if (firstError) return firstError;
    if (!finished) return cancelledError();
    return data;
}

// The first two principal components by subspace iteration (no d x d matrix).
std::vector<float> principalLayout(const std::vector<float> &data, qsizetype n, int d, quint64 seed)
{
    std::vector<double> mean(size_t(d), 0.0);
    for (qsizetype i = 0; i < n; ++i)
        for (int c = 0; c < d; ++c)
            mean[size_t(c)] += data[size_t(i) * size_t(d) + size_t(c)];
    for (double &m : mean)
        m /= double(std::max<qsizetype>(n, 1));
    Rng rng(seed ^ 0x5ca1ab1eull);
    std::vector<double> v[2];
    for (auto &axis : v) {
        axis.resize(size_t(d));
        for (double &x : axis)
            x = rng.uniform() - 0.5;
    }
    auto orthonormalise = [&] {
        for (int a = 0; a < 2; ++a) {
            for (int p = 0; p < a; ++p) {
                double dot = 0;
                for (int c = 0; c < d; ++c)
                    dot += v[a][size_t(c)] * v[p][size_t(c)];
                for (int c = 0; c < d; ++c)
                    v[a][size_t(c)] -= dot * v[p][size_t(c)];
            }
            double norm = 0;
            for (double x : v[a])
                norm += x * x;
            norm = std::sqrt(norm);
            if (norm == 0) {
                for (int c = 0; c < d; ++c)
                    v[a][size_t(c)] = (c == a) ? 1.0 : 0.0;
            } else {
                for (double &x : v[a])
                    x /= norm;
            }
        }
    };
    orthonormalise();
    std::vector<double> w[2] = {std::vector<double>(size_t(d)), std::vector<double>(size_t(d))};
    std::vector<double> centred(static_cast<size_t>(d));
    for (int iteration = 0; iteration < 30; ++iteration) {
        std::fill(w[0].begin(), w[0].end(), 0.0);
        std::fill(w[1].begin(), w[1].end(), 0.0);
        for (qsizetype i = 0; i < n; ++i) {
            const float *row = data.data() + size_t(i) * size_t(d);
            double p0 = 0, p1 = 0;
            for (int c = 0; c < d; ++c) {
                centred[size_t(c)] = row[c] - mean[size_t(c)];
                p0 += centred[size_t(c)] * v[0][size_t(c)];
                p1 += centred[size_t(c)] * v[1][size_t(c)];
            }
            for (int c = 0; c < d; ++c) {
                w[0][size_t(c)] += centred[size_t(c)] * p0;
                w[1][size_t(c)] += centred[size_t(c)] * p1;
            }
        }
        v[0].swap(w[0]);
        v[1].swap(w[1]);
        orthonormalise();
    }
    std::vector<float> xy(size_t(n) * 2);
    for (qsizetype i = 0; i < n; ++i) {
        const float *row = data.data() + size_t(i) * size_t(d);
        double p0 = 0, p1 = 0;
        for (int c = 0; c < d; ++c) {
            const double x = row[c] - mean[size_t(c)];
            p0 += x * v[0][size_t(c)];
            p1 += x * v[1][size_t(c)];
        }
        xy[size_t(i) * 2] = float(p0);
        xy[size_t(i) * 2 + 1] = float(p1);
    }
    return xy;
}

struct Edge {
    qint32 head, tail;
    float weight;
};

// The fuzzy simplicial set: per-item memberships from rho and sigma, then the fuzzy union.
std::vector<Edge> fuzzySimplicialSet(const std::vector<std::vector<Neighbour>> &knn, int k)
{
    const qsizetype n = qsizetype(knn.size());
    const double target = std::log2(double(std::max(k, 2)));
    double meanAll = 0;
    qint64 countAll = 0;
    for (const auto &list : knn)
        for (const Neighbour &nb : list)
            if (nb.index >= 0) {
                meanAll += std::max(0.0f, nb.distance);
                ++countAll;
            }
    meanAll = countAll ? meanAll / double(countAll) : 1.0;

    QHash<quint64, float> directed; // (i << 32 | j) -> membership of j in i's neighbourhood
    directed.reserve(qsizetype(countAll));
    for (qsizetype i = 0; i < n; ++i) {
        std::vector<double> dist;
        std::vector<qint32> to;
        for (const Neighbour &nb : knn[size_t(i)]) {
            if (nb.index < 0 || nb.index == i) continue;
            dist.push_back(std::max(0.0f, nb.distance));
            to.push_back(nb.index);
        }
        if (dist.empty()) continue;
        double rho = 0;
        for (double x : dist)
            if (x > 0) {
                rho = x;
                break;
            }
        // Binary search for sigma: sum of exp(-(d - rho) / sigma) = log2 k.
        double lo = 0, hi = std::numeric_limits<double>::infinity(), mid = 1;
        for (int step = 0; step < 64; ++step) {
            double sum = 0;
            for (double x : dist) {
                const double e = x - rho;
                sum += e > 0 ? std::exp(-e / mid) : 1.0;
            }
            if (std::abs(sum - target) < 1e-5) break;
            if (sum > target) {
                hi = mid;
                mid = (lo + hi) / 2;
            } else {
                lo = mid;
                mid = std::isinf(hi) ? mid * 2 : (lo + hi) / 2;
            }
        }
        double meanI = 0;
        for (double x : dist)
            meanI += x;
        meanI /= double(dist.size());
        const double sigma = std::max(mid, 1e-3 * (rho > 0 ? meanI : meanAll));
        for (size_t j = 0; j < dist.size(); ++j) {
            const double e = dist[j] - rho;
            const float w = float(e > 0 ? std::exp(-e / sigma) : 1.0);
            const quint64 key = (quint64(quint32(i)) << 32) | quint32(to[j]);
            directed.insert(key, std::max(directed.value(key, 0.0f), w));
        }
    }
    // Fuzzy union: w = a + b - ab over (i, j) and (j, i); each pair once, both directions kept for SGD.
    std::vector<Edge> edges;
    edges.reserve(size_t(directed.size()) * 2);
    for (auto it = directed.cbegin(); it != directed.cend(); ++it) {
        const qint32 i = qint32(it.key() >> 32), j = qint32(it.key() & 0xffffffffu);
        const float a = it.value();
        const auto back = directed.constFind((quint64(quint32(j)) << 32) | quint32(i));
        if (back != directed.cend() && j < i) continue; // counted from the other side
        const float b = back != directed.cend() ? back.value() : 0.0f;
        const float w = a + b - a * b;
        edges.push_back({std::min(i, j), std::max(i, j), w});
    }
    std::sort(edges.begin(), edges.end(),
              [](const Edge &x, const Edge &y) { return x.head != y.head ? x.head < y.head : x.tail < y.tail; });
    return edges;
}

inline float clip(float x) { return x > 4.0f ? 4.0f : (x < -4.0f ? -4.0f : x); }

// x^b for the optimisation's inner loop, as 2^(b log2 x) with both halves
// from polynomials fitted here by least squares on [0, 1) (log2(1 + t):
// 3e-5 absolute error; 2^f: 3e-7 relative), about 2e-5 relative in all:
// far below the noise of stochastic gradient steps, and several times
// faster than std::pow. Tiny and huge arguments go to std::pow.
inline float fastLog2(float x)
{
    quint32 bits;
    std::memcpy(&bits, &x, sizeof bits);
    const int exponent = int((bits >> 23) & 0xffu) - 127;
    bits = (bits & 0x007fffffu) | 0x3f800000u;
    float m;
    std::memcpy(&m, &bits, sizeof m);
    const float t = m - 1.0f;
    const float p =
        3.16815451e-05f +
        t * (1.44127084f + t * (-0.705719484f + t * (0.408749668f + t * (-0.187743998f + t * 0.0434343345f))));
    return float(exponent) + p;
}

inline float fastExp2(float p)
{
    const float whole = std::floor(p);
    const float f = p - whole;
    float r = 0.999999771f +
              f * (0.693156756f + f * (0.240131773f + f * (0.0558764436f + f * (0.00894062677f + f * 0.00189438851f))));
    quint32 bits;
    std::memcpy(&bits, &r, sizeof bits);
    bits += quint32(int(whole)) << 23;
    std::memcpy(&r, &bits, sizeof r);
    return r;
}

inline float powB(float x, float b)
{
    if (!(x > 1e-30f && x < 1e30f)) return std::pow(x, b);
    const float e = b * fastLog2(x);
    if (e < -120.0f || e > 120.0f) return std::pow(x, b);
    return fastExp2(e);
}

} // namespace

std::pair<double, double> fitUmapCurve(double minDist, double spread)
{
    constexpr int kPoints = 300;
    std::vector<double> xs(kPoints), ys(kPoints);
    for (int i = 0; i < kPoints; ++i) {
        xs[size_t(i)] = 3.0 * spread * double(i) / double(kPoints - 1);
        ys[size_t(i)] = xs[size_t(i)] < minDist ? 1.0 : std::exp(-(xs[size_t(i)] - minDist) / spread);
    }
    auto residuals = [&](double a, double b, std::vector<double> *r) {
        double sum = 0;
        for (int i = 0; i < kPoints; ++i) {
            const double x = xs[size_t(i)];
            const double f = 1.0 / (1.0 + a * (x > 0 ? std::pow(x, 2 * b) : 0.0));
            const double e = f - ys[size_t(i)];
            if (r) (*r)[size_t(i)] = e;
            sum += e * e;
        }
        return sum;
    };
    // Levenberg-Marquardt on (a, b), analytic derivatives.
    double a = 1.0, b = 1.0, lambda = 1e-3;
    std::vector<double> r(kPoints);
    double cost = residuals(a, b, &r);
    for (int iteration = 0; iteration < 500; ++iteration) {
        double jtj[2][2] = {{0, 0}, {0, 0}}, jtr[2] = {0, 0};
        for (int i = 0; i < kPoints; ++i) {
            const double x = xs[size_t(i)];
            if (x <= 0) continue;
            const double p = std::pow(x, 2 * b);
            const double den = 1.0 + a * p;
            const double da = -p / (den * den);
            const double db = -a * p * 2.0 * std::log(x) / (den * den);
            jtj[0][0] += da * da;
            jtj[0][1] += da * db;
            jtj[1][1] += db * db;
            jtr[0] += da * r[size_t(i)];
            jtr[1] += db * r[size_t(i)];
        }
        jtj[1][0] = jtj[0][1];
        bool improved = false;
        for (int tries = 0; tries < 20 && !improved; ++tries) {
            const double m00 = jtj[0][0] * (1 + lambda), m11 = jtj[1][1] * (1 + lambda), m01 = jtj[0][1];
            const double det = m00 * m11 - m01 * m01;
            if (det == 0) break;
            const double stepA = -(m11 * jtr[0] - m01 * jtr[1]) / det;
            const double stepB = -(-m01 * jtr[0] + m00 * jtr[1]) / det;
            const double na = a + stepA, nb = b + stepB;
            if (na > 0 && nb > 0) {
                std::vector<double> nr(kPoints);
                const double nc = residuals(na, nb, &nr);
                if (nc < cost) {
                    const bool converged = cost - nc < 1e-14;
                    a = na;
                    b = nb;
                    cost = nc;
                    r.swap(nr);
                    lambda = std::max(lambda / 10, 1e-12);
                    improved = true;
                    if (converged) return {a, b};
                    continue;
                }
            }
            lambda *= 10;
        }
        if (!improved) break;
    }
    return {a, b};
}

Result<QStringList> sampleIds(const Index &index, qint64 limit, quint64 seed, const Task &task, qint64 *total)
{
    if (limit < 1) return Error(ErrorCode::InvalidArgument, QStringLiteral("The sample must hold at least one item."));
    Result<QStringList> all = allIds(index, {}, task);
    if (!all.ok()) return all.error();
    QStringList ids = all.takeValue();
    if (total) *total = ids.size();
    if (ids.size() <= limit) return ids;
    // Algorithm R over the ids in id order, seeded.
    Rng rng(seed);
    QStringList kept = ids.mid(0, limit);
    for (qsizetype i = limit; i < ids.size(); ++i) {
        const quint64 slot = rng.next() % quint64(i + 1);
        if (slot < quint64(limit)) kept[qsizetype(slot)] = ids[i];
    }
    std::sort(kept.begin(), kept.end(), [](const QString &x, const QString &y) { return x.toUtf8() < y.toUtf8(); });
    return kept;
}

Result<Layout2d> pcaLayout(const Index &index, const QStringList &ids, quint64 seed, const Task &task)
{
    if (ids.isEmpty()) return Error(ErrorCode::InvalidArgument, QStringLiteral("There are no items to lay out."));
    Result<std::vector<float>> data = readVectors(index, ids, task);
    if (!data.ok()) return data.error();
    Layout2d out;
    out.ids = ids;
    out.xy = principalLayout(*data, ids.size(), index.schema().dimensions, seed);
    return out;
}

Result<Layout2d> umapLayout(const Index &index, const QStringList &ids, const UmapOptions &options, const Task &task,
                            const std::vector<float> &init)
{
    const qsizetype n = ids.size();
    if (n < 1) return Error(ErrorCode::InvalidArgument, QStringLiteral("There are no items to lay out."));
    if (options.neighbours < 2 || options.neighbours > 200)
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("The number of neighbours must be between 2 and 200, not %1.").arg(options.neighbours));
    if (!(options.minDist >= 0) || !(options.spread > 0) || options.minDist > options.spread)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("min_dist must be between 0 and the spread, and the spread above 0."));
    if (options.negativeSamples < 0 || options.negativeSamples > 100 || options.epochs < 0 || options.epochs > 10000 ||
        !(options.learningRate > 0))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The optimisation parameters are out of range."));
    if (!init.empty() && init.size() != size_t(n) * 2)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The starting layout does not match the sample."));

    Layout2d out;
    out.ids = ids;
    out.totalItems = index.count();
    const int k = options.neighbours;
    // Ask for more neighbours when the sample is a part of the index, so that about k fall inside it.
    const double fraction = double(n) / double(std::max<qint64>(out.totalItems, n));
    // A few more than k, sorted by (distance, position) and cut to k: ties at
    // the boundary (exact duplicates) then fall the same way in every run.
    const int ask = int(std::min<double>(std::ceil(k / fraction) + 5, std::min(10 * k, 1000)));
    Result<std::vector<std::vector<Neighbour>>> knn = graphNeighbours(
        index, ids, ask, options.ef > 0 ? options.ef : std::max(2 * ask, index.schema().ann.efSearch), {}, task);
    if (!knn.ok()) return knn.error();
    for (auto &list : *knn) {
        list.erase(std::remove_if(list.begin(), list.end(), [](const Neighbour &nb) { return nb.index < 0; }),
                   list.end());
        std::sort(list.begin(), list.end(), [](const Neighbour &x, const Neighbour &y) {
            return x.distance != y.distance ? x.distance < y.distance : x.index < y.index;
        });
        if (list.size() > size_t(k)) list.resize(size_t(k));
    }
    if (task.isCancelled()) return cancelledError();
    task.report(QStringLiteral("graph"), 0, 0);
    std::vector<Edge> edges = fuzzySimplicialSet(*knn, k);
    knn->clear();
    out.edges = qint64(edges.size());

    // Start.
    std::vector<float> y;
    if (!init.empty()) {
        y = init;
    } else {
        Result<Layout2d> pca = pcaLayout(index, ids, options.seed, task);
        if (!pca.ok()) return pca.error();
        y = std::move(pca->xy);
    }
    {
        Rng rng(options.seed ^ 0x1111);
        for (int axis = 0; axis < 2; ++axis) {
            float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
            for (qsizetype i = 0; i < n; ++i) {
                lo = std::min(lo, y[size_t(i) * 2 + size_t(axis)]);
                hi = std::max(hi, y[size_t(i) * 2 + size_t(axis)]);
            }
            const float scale = hi > lo ? 10.0f / (hi - lo) : 1.0f;
            for (qsizetype i = 0; i < n; ++i) {
                float &v = y[size_t(i) * 2 + size_t(axis)];
                v = (v - lo) * scale + float((rng.uniform() - 0.5) * 1e-3);
            }
        }
    }

    const auto [a, b] = fitUmapCurve(options.minDist, options.spread);
    out.a = a;
    out.b = b;
    const int epochs = options.epochs > 0 ? options.epochs : (n <= 10000 ? 500 : 200);
    out.epochs = epochs;

    // Edges weaker than max / epochs would never be sampled.
    float maxWeight = 0;
    for (const Edge &e : edges)
        maxWeight = std::max(maxWeight, e.weight);
    edges.erase(
        std::remove_if(edges.begin(), edges.end(), [&](const Edge &e) { return e.weight < maxWeight / float(epochs); }),
        edges.end());
    const size_t m = edges.size();
    std::vector<float> epochsPerSample(m), nextSample(m), epochsPerNegative(m), nextNegative(m);
    for (size_t e = 0; e < m; ++e) {
        epochsPerSample[e] = maxWeight / edges[e].weight;
        nextSample[e] = epochsPerSample[e];
        epochsPerNegative[e] = options.negativeSamples > 0 ? epochsPerSample[e] / float(options.negativeSamples) : 0;
        nextNegative[e] = epochsPerNegative[e];
    }

    const float fa = float(a), fb = float(b);
    const quint32 count = quint32(n);
    Rng rng(options.seed ^ 0xfeedull);
    for (int epoch = 0; epoch < epochs; ++epoch) {
        if (task.isCancelled()) return cancelledError();
        const float alpha = float(options.learningRate * (1.0 - double(epoch) / double(epochs)));
        const float now = float(epoch);
        // Each undirected edge moves both of its ends, once from each side.
        for (size_t e = 0; e < m; ++e) {
            if (nextSample[e] > now) continue;
            for (int side = 0; side < 2; ++side) {
                const qint32 j = side == 0 ? edges[e].head : edges[e].tail;
                const qint32 k2 = side == 0 ? edges[e].tail : edges[e].head;
                float *cur = &y[size_t(j) * 2];
                float *oth = &y[size_t(k2) * 2];
                float dx = cur[0] - oth[0], dy = cur[1] - oth[1];
                float d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    const float pw = powB(d2, fb);
                    const float coeff = (-2.0f * fa * fb * pw / d2) / (fa * pw + 1.0f);
                    const float gx = clip(coeff * dx) * alpha, gy = clip(coeff * dy) * alpha;
                    cur[0] += gx;
                    cur[1] += gy;
                    oth[0] -= gx;
                    oth[1] -= gy;
                }
                if (options.negativeSamples > 0) {
                    const int negatives = int((now - nextNegative[e]) / epochsPerNegative[e]);
                    for (int p = 0; p < negatives; ++p) {
                        const quint32 r = rng.below(count);
                        if (qint32(r) == j) continue;
                        const float *neg = &y[size_t(r) * 2];
                        dx = cur[0] - neg[0];
                        dy = cur[1] - neg[1];
                        d2 = dx * dx + dy * dy;
                        float gx = 4.0f, gy = 4.0f;
                        if (d2 > 0) {
                            const float coeff = 2.0f * fb / ((0.001f + d2) * (fa * powB(d2, fb) + 1.0f));
                            gx = clip(coeff * dx);
                            gy = clip(coeff * dy);
                        }
                        cur[0] += gx * alpha;
                        cur[1] += gy * alpha;
                    }
                    if (side == 1) nextNegative[e] += float(negatives) * epochsPerNegative[e];
                }
            }
            nextSample[e] += epochsPerSample[e];
        }
        task.report(QStringLiteral("layout"), epoch + 1, epochs);
        if (options.snapshot && options.snapshotEvery > 0 && (epoch + 1) % options.snapshotEvery == 0 &&
            epoch + 1 < epochs)
            options.snapshot(y, epoch + 1, epochs);
    }
    if (options.snapshot) options.snapshot(y, epochs, epochs);
    out.xy = std::move(y);
    return out;
}

Result<Layout2d> umapOfIndex(const Index &index, const UmapOptions &options, const Task &task)
{
    if (options.sample < 1)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The sample must hold at least one item."));
    qint64 total = 0;
    Result<QStringList> ids = sampleIds(index, options.sample, options.seed, task, &total);
    if (!ids.ok()) return ids.error();
    Result<Layout2d> layout = umapLayout(index, *ids, options, task);
    if (layout.ok()) layout->totalItems = total;
    return layout;
}

double neighbourPreservation(const std::vector<float> &xy, const std::vector<std::vector<qint32>> &neighbours, int k)
{
    const size_t n = neighbours.size();
    if (n == 0 || k < 1) return 0;
    double sum = 0;
    std::vector<std::pair<float, qint32>> dist(n);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n; ++j) {
            const float dx = xy[i * 2] - xy[j * 2], dy = xy[i * 2 + 1] - xy[j * 2 + 1];
            dist[j] = {j == i ? std::numeric_limits<float>::max() : dx * dx + dy * dy, qint32(j)};
        }
        const size_t kk = std::min<size_t>(size_t(k), n - 1);
        std::partial_sort(dist.begin(), dist.begin() + qsizetype(kk), dist.end());
        int found = 0;
        const size_t want = std::min<size_t>(kk, neighbours[i].size());
        for (size_t t = 0; t < want; ++t)
            for (size_t s = 0; s < kk; ++s)
                if (dist[s].second == neighbours[i][t]) {
                    ++found;
                    break;
                }
        sum += want ? double(found) / double(want) : 0.0;
    }
    return sum / double(n);
}

double silhouette(const std::vector<float> &xy, const std::vector<int> &labels)
{
    const size_t n = labels.size();
    int classes = 0;
    for (int l : labels)
        classes = std::max(classes, l + 1);
    if (n < 2 || classes < 2) return 0;
    std::vector<double> sums(static_cast<size_t>(classes));
    std::vector<int> sizes(size_t(classes), 0);
    for (int l : labels)
        ++sizes[size_t(l)];
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
        std::fill(sums.begin(), sums.end(), 0.0);
        for (size_t j = 0; j < n; ++j) {
            if (j == i) continue;
            const double dx = xy[i * 2] - xy[j * 2], dy = xy[i * 2 + 1] - xy[j * 2 + 1];
            sums[size_t(labels[j])] += std::sqrt(dx * dx + dy * dy);
        }
        const int own = labels[i];
        if (sizes[size_t(own)] < 2) continue; // s(i) = 0 for a singleton
        const double ai = sums[size_t(own)] / double(sizes[size_t(own)] - 1);
        double bi = std::numeric_limits<double>::max();
        for (int c = 0; c < classes; ++c)
            if (c != own && sizes[size_t(c)] > 0) bi = std::min(bi, sums[size_t(c)] / double(sizes[size_t(c)]));
        total += (bi - ai) / std::max(ai, bi);
    }
    return total / double(n);
}

} // namespace sextant::explore
