#include "sextant/NearDuplicates.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <numeric>

namespace sextant::explore {

namespace {

constexpr int kMaxNeighbours = 1024;

struct UnionFind {
    std::vector<qint32> parent;
    explicit UnionFind(qsizetype n) : parent(size_t(n)) { std::iota(parent.begin(), parent.end(), 0); }
    qint32 find(qint32 x)
    {
        while (parent[size_t(x)] != x) {
            parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
            x = parent[size_t(x)];
        }
        return x;
    }
    void unite(qint32 a, qint32 b)
    {
        a = find(a);
        b = find(b);
        if (a == b) return;
        if (a > b) std::swap(a, b);
        parent[size_t(b)] = a; // the smaller position is the root: deterministic
    }
};

double exactScore(Metric metric, const QVector<float> &a, const QVector<float> &b)
{
    double dot = 0, na = 0, nb = 0, l2 = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const double x = a[i], y = b[i];
        dot += x * y;
        na += x * x;
        nb += y * y;
        l2 += (x - y) * (x - y);
    }
    switch (metric) {
    case Metric::Cosine: return (na > 0 && nb > 0) ? dot / std::sqrt(na * nb) : 0.0;
    case Metric::Dot: return dot;
    case Metric::L2: return std::sqrt(l2);
    }
    return 0;
}

bool passes(Metric metric, double score, double threshold)
{
    return metric == Metric::L2 ? score <= threshold : score >= threshold;
}

} // namespace

qint64 DuplicateReport::duplicateItems() const
{
    qint64 n = 0;
    for (const DuplicateGroup &g : groups)
        n += g.ids.size();
    return n;
}

std::optional<double> defaultDuplicateThreshold(Metric metric)
{
    if (metric == Metric::Cosine) return 0.98;
    return std::nullopt;
}

Error validateDuplicateThreshold(Metric metric, double threshold)
{
    if (!std::isfinite(threshold))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The threshold must be a finite number."));
    if (metric == Metric::Cosine && (threshold < -1 || threshold > 1))
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("The threshold is a cosine similarity for this index and must be between -1 and 1, not %1.")
                .arg(threshold));
    if (metric == Metric::L2 && threshold < 0)
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("The threshold is a Euclidean distance for this index and must be 0 or more, not %1.")
                .arg(threshold));
    return {};
}

QString describeThreshold(Metric metric, double threshold)
{
    switch (metric) {
    case Metric::Cosine: return QStringLiteral("cosine similarity at least %1").arg(threshold);
    case Metric::Dot: return QStringLiteral("inner product at least %1").arg(threshold);
    case Metric::L2: return QStringLiteral("Euclidean distance at most %1").arg(threshold);
    }
    return {};
}

Result<DuplicateReport> findNearDuplicates(const Index &index, const DuplicateOptions &options, const Task &task)
{
    const Schema schema = index.schema();
    DuplicateReport report;
    report.metric = schema.metric;
    if (options.threshold) {
        report.threshold = *options.threshold;
    } else if (auto t = defaultDuplicateThreshold(schema.metric)) {
        report.threshold = *t;
    } else {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("This index uses the %1 metric, which has no default threshold: give one (%2).")
                         .arg(metricName(schema.metric),
                              schema.metric == Metric::L2
                                  ? QStringLiteral("the largest Euclidean distance between duplicates")
                                  : QStringLiteral("the smallest inner product between duplicates")));
    }
    if (Error e = validateDuplicateThreshold(schema.metric, report.threshold)) return e;
    if (options.neighbours < 1 || options.neighbours > kMaxNeighbours)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("neighbours must be between 1 and %1.").arg(kMaxNeighbours));
    if (Error e = waitForGraph(index, task)) return e;

    Result<QStringList> listed = allIds(index, options.filter, task);
    if (!listed.ok()) return listed.error();
    const QStringList ids = listed.takeValue();
    report.itemsSearched = ids.size();
    QHash<QString, qint32> position;
    position.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        position.insert(ids[i], qint32(i));

    // Candidates from the graph: the neighbours whose graph score passes the
    // threshold, with a little slack for the graph's float arithmetic (the
    // exact check below decides). When every neighbour passes, the item may
    // have more: ask again with twice as many.
    const double slack = 1e-4 * std::max(1.0, std::abs(report.threshold));
    const double loose = schema.metric == Metric::L2 ? report.threshold + slack : report.threshold - slack;
    std::vector<std::vector<qint32>> candidates(size_t(ids.size()));
    std::mutex errorMutex;
    Error firstError;
    const bool finished =
        parallelFor(ids.size(), task.workerCount(), task, QStringLiteral("neighbours"), [&](qint64 i) {
            int k = options.neighbours;
            for (;;) {
                QueryRequest request;
                request.likeId = ids[i];
                request.k = k;
                request.ef = options.ef > 0 ? std::max(options.ef, k) : std::max(2 * k, schema.ann.efSearch);
                request.ef = std::min(request.ef, AnnParams::kMaxEf);
                request.filter = options.filter;
                request.mode = QueryMode::Ann;
                request.withMetadata = false;
                Result<QueryResult> result = index.query(request);
                if (!result.ok() || result->fellBack) {
                    std::lock_guard lock(errorMutex);
                    if (!firstError)
                        firstError = result.ok() ? Error(ErrorCode::NotReady,
                                                         QStringLiteral("The HNSW graph is not available: %1.")
                                                             .arg(result->fallbackReason))
                                                 : result.error();
                    return false;
                }
                std::vector<qint32> &out = candidates[size_t(i)];
                out.clear();
                bool allPass = !result->hits.isEmpty();
                for (const QueryHit &hit : result->hits) {
                    if (!passes(schema.metric, hit.score, loose)) {
                        allPass = false;
                        continue;
                    }
                    const qint32 j = position.value(hit.id, -1);
                    if (j >= 0 && j > i)
                        out.push_back(j);
                    else if (j >= 0 && j < i)
                        out.push_back(j); // checked once: see below
                }
                if (!allPass || result->hits.size() < k || k >= kMaxNeighbours) break;
                k = std::min(kMaxNeighbours, 2 * k);
            }
            return true;
        });
    if (firstError) return firstError;
    if (!finished) return cancelledError();

    // Each unordered pair once.
    std::vector<std::pair<qint32, qint32>> pairs;
    for (size_t i = 0; i < candidates.size(); ++i)
        for (qint32 j : candidates[i])
            pairs.emplace_back(std::min(qint32(i), j), std::max(qint32(i), j));
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    candidates = {};

    // The exact check, with each involved vector read once.
    QHash<qint32, QVector<float>> vectors;
    for (const auto &[a, b] : pairs) {
        vectors.insert(a, {});
        vectors.insert(b, {});
    }
    qint64 read = 0;
    for (auto it = vectors.begin(); it != vectors.end(); ++it) {
        if ((++read & 1023) == 0) {
            if (task.isCancelled()) return cancelledError();
            task.report(QStringLiteral("check"), read, vectors.size());
        }
        Result<Item> item = index.get(ids[it.key()], true);
        if (!item.ok()) {
            if (item.error().code() == ErrorCode::NotFound) continue; // deleted meanwhile: no pair
            return item.error();
        }
        it.value() = item->vector;
    }
    UnionFind sets(ids.size());
    struct Checked {
        qint32 a, b;
        double score;
    };
    std::vector<Checked> accepted;
    for (const auto &[a, b] : pairs) {
        const QVector<float> &va = vectors[a], &vb = vectors[b];
        if (va.isEmpty() || vb.isEmpty()) continue;
        ++report.pairsChecked;
        const double score = exactScore(schema.metric, va, vb);
        if (!passes(schema.metric, score, report.threshold)) {
            ++report.pairsRejected;
            continue;
        }
        accepted.push_back({a, b, score});
        sets.unite(a, b);
    }

    QHash<qint32, qsizetype> groupOf; // root -> group
    QList<QList<qint32>> members;
    for (const Checked &c : accepted) {
        for (qint32 x : {c.a, c.b}) {
            const qint32 root = sets.find(x);
            auto g = groupOf.find(root);
            if (g == groupOf.end()) {
                g = groupOf.insert(root, members.size());
                members.append(QList<qint32>());
            }
            if (!members[*g].contains(x)) members[*g].append(x);
        }
    }
    QList<QHash<qint32, qint32>> local(members.size());
    for (qsizetype g = 0; g < members.size(); ++g) {
        std::sort(members[g].begin(), members[g].end()); // positions follow id order
        DuplicateGroup group;
        for (qint32 x : members[g]) {
            local[g].insert(x, qint32(group.ids.size()));
            group.ids.append(ids[x]);
        }
        report.groups.append(group);
    }
    for (const Checked &c : accepted) {
        const qsizetype g = groupOf.value(sets.find(c.a));
        report.groups[g].pairs.append({local[g].value(c.a), local[g].value(c.b), c.score});
    }
    std::stable_sort(report.groups.begin(), report.groups.end(), [](const DuplicateGroup &x, const DuplicateGroup &y) {
        if (x.ids.size() != y.ids.size()) return x.ids.size() > y.ids.size();
        return x.ids.first() < y.ids.first();
    });
    return report;
}

KeepChoice keepChoiceFromText(const QString &text)
{
    if (text == u"first") return {KeepRule::First, {}};
    if (text == u"last") return {KeepRule::Last, {}};
    return {KeepRule::Field, text};
}

namespace {

// -1 when a < b: numbers before strings, numbers by value, strings by code units.
int compareValues(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isUndefined() || a.isNull()) return (b.isUndefined() || b.isNull()) ? 0 : -1;
    if (b.isUndefined() || b.isNull()) return 1;
    if (a.isDouble() && b.isDouble()) return a.toDouble() < b.toDouble() ? -1 : a.toDouble() > b.toDouble() ? 1 : 0;
    if (a.isDouble() != b.isDouble()) return a.isDouble() ? -1 : 1;
    if (a.isBool() && b.isBool()) return int(a.toBool()) - int(b.toBool());
    const QString sa = a.isString() ? a.toString()
                       : a.isBool() ? (a.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                    : QString();
    const QString sb = b.isString() ? b.toString()
                       : b.isBool() ? (b.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                    : QString();
    return sa < sb ? -1 : sa > sb ? 1 : 0;
}

} // namespace

qsizetype keptMember(const QStringList &ids, const QList<QJsonObject> &metadata, const KeepChoice &keep)
{
    if (ids.isEmpty()) return -1;
    if (keep.rule == KeepRule::First) return 0;
    if (keep.rule == KeepRule::Last) return ids.size() - 1;
    qsizetype kept = 0;
    QJsonValue best = metadata.value(0).value(keep.field);
    for (qsizetype i = 1; i < ids.size(); ++i) {
        const QJsonValue v = metadata.value(i).value(keep.field);
        if (compareValues(v, best) > 0) {
            best = v;
            kept = i;
        }
    }
    return kept;
}

Result<QStringList> idsToDelete(const Index &index, const DuplicateReport &report, const KeepChoice &keep)
{
    QStringList out;
    for (const DuplicateGroup &group : report.groups) {
        QList<QJsonObject> metadata;
        if (keep.rule == KeepRule::Field) {
            for (const QString &id : group.ids) {
                Result<Item> item = index.get(id, false);
                if (!item.ok() && item.error().code() != ErrorCode::NotFound) return item.error();
                metadata.append(item.ok() ? item->metadata : QJsonObject());
            }
        }
        const qsizetype kept = keptMember(group.ids, metadata, keep);
        for (qsizetype i = 0; i < group.ids.size(); ++i)
            if (i != kept) out.append(group.ids[i]);
    }
    return out;
}

Result<WriteResult> deleteItems(Index &index, const QStringList &ids)
{
    QList<WriteOp> batch;
    batch.reserve(ids.size());
    for (const QString &id : ids)
        batch.append(WriteOp::remove(id));
    if (batch.isEmpty()) return WriteResult{};
    QFuture<WriteResult> future = index.write(std::move(batch), Priority::Interactive);
    future.waitForFinished();
    if (future.resultCount() == 0)
        return Error(ErrorCode::Closed, QStringLiteral("The index closed before the deletes were written."));
    WriteResult result = future.result();
    if (result.error) return result.error;
    return result;
}

} // namespace sextant::explore
