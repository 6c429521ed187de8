#include "sextant/Explore.h"

#include <QElapsedTimer>
#include <QThread>

#include <mutex>
#include <thread>

namespace sextant::explore {

int Task::workerCount() const { return threads > 0 ? threads : std::max(1, QThread::idealThreadCount()); }

Error cancelledError() { return Error(ErrorCode::Cancelled, QStringLiteral("Cancelled.")); }

float scoreToDistance(Metric metric, float score)
{
    switch (metric) {
    case Metric::Cosine: return 1.0f - score;
    case Metric::Dot: return -score;
    case Metric::L2: return score;
    }
    return score;
}

Error waitForGraph(const Index &index, const Task &task)
{
    for (;;) {
        const GraphStatus status = index.graphStatus();
        switch (status.state) {
        case GraphStatus::State::Disabled:
            return Error(
                ErrorCode::NotReady,
                QStringLiteral(
                    "The index was opened without its HNSW graph, which this needs for the neighbours of every item."));
        case GraphStatus::State::Failed:
            return Error(ErrorCode::NotReady,
                         QStringLiteral("The index's HNSW graph is not available: %1").arg(status.message));
        case GraphStatus::State::Ready:
            if (status.pending == 0) return {};
            break;
        default: break;
        }
        if (task.isCancelled()) return cancelledError();
        const qint64 total = index.count();
        task.report(QStringLiteral("graph"), std::max<qint64>(0, std::min(total, status.items)), total);
        if (index.waitForGraph(100)) return {};
    }
}

bool parallelFor(qint64 n, int threads, const Task &task, const QString &phase, const std::function<bool(qint64)> &body)
{
    std::atomic<qint64> next{0}, done{0};
    std::atomic<bool> stop{false};
    const int workers = int(std::max<qint64>(1, std::min<qint64>(threads, n)));
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w) {
        pool.emplace_back([&] {
            constexpr qint64 kChunk = 64;
            while (!stop.load(std::memory_order_relaxed)) {
                const qint64 begin = next.fetch_add(kChunk);
                if (begin >= n) return;
                const qint64 end = std::min(n, begin + kChunk);
                for (qint64 i = begin; i < end; ++i) {
                    if (!body(i)) {
                        stop = true;
                        return;
                    }
                }
                done.fetch_add(end - begin);
            }
        });
    }
    bool cancelled = false;
    QElapsedTimer timer;
    timer.start();
    while (done.load() < n && !stop.load()) {
        if (task.isCancelled()) {
            cancelled = true;
            stop = true;
            break;
        }
        task.report(phase, done.load(), n);
        std::this_thread::sleep_for(std::chrono::milliseconds(timer.elapsed() < 1000 ? 10 : 50));
    }
    for (std::thread &t : pool)
        t.join();
    if (!cancelled && !stop.load()) task.report(phase, n, n);
    return !cancelled && !stop.load();
}

Result<std::vector<std::vector<Neighbour>>> graphNeighbours(const Index &index, const QStringList &ids, int k, int ef,
                                                            const QByteArray &filter, const Task &task,
                                                            const QString &phase)
{
    if (Error e = waitForGraph(index, task)) return e;
    QHash<QString, qint32> position;
    position.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        position.insert(ids[i], qint32(i));
    const Metric metric = index.schema().metric;
    std::vector<std::vector<Neighbour>> out(size_t(ids.size()));
    std::mutex errorMutex;
    Error firstError;
    const bool finished = parallelFor(ids.size(), task.workerCount(), task, phase, [&](qint64 i) {
        QueryRequest request;
        request.likeId = ids[i];
        request.k = k;
        request.ef = ef > 0 ? std::max(ef, k) : 0;
        request.filter = filter;
        request.mode = QueryMode::Ann;
        request.withMetadata = false;
        Result<QueryResult> result = index.query(request);
        if (!result.ok() || result->fellBack) {
            std::lock_guard lock(errorMutex);
            if (!firstError) {
                firstError =
                    result.ok()
                        ? Error(ErrorCode::NotReady,
                                QStringLiteral("The HNSW graph is not available: %1.").arg(result->fallbackReason))
                        : result.error();
            }
            return false;
        }
        std::vector<Neighbour> &list = out[size_t(i)];
        list.reserve(size_t(result->hits.size()));
        for (const QueryHit &hit : result->hits)
            list.push_back({position.value(hit.id, -1), hit.id, hit.score, scoreToDistance(metric, hit.score)});
        return true;
    });
    if (firstError) return firstError;
    if (!finished) return cancelledError();
    return out;
}

Result<QStringList> allIds(const Index &index, const QByteArray &filter, const Task &task)
{
    QStringList ids;
    QString after;
    const qint64 total = index.count();
    for (;;) {
        if (task.isCancelled()) return cancelledError();
        Result<IdPage> page = index.listIds(after, 65536, filter);
        if (!page.ok()) return page.error();
        ids += page->ids;
        task.report(QStringLiteral("ids"), std::min<qint64>(ids.size(), total), total);
        if (page->nextAfter.isEmpty()) break;
        after = page->nextAfter;
    }
    return ids;
}

} // namespace sextant::explore
