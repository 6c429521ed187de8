#pragma once
// Shared by the explore layer (engine/explore): Umap, NearDuplicates and
// IndexComparison sit above engine/index and use only Index's public API.
// Long runs report progress and can be cancelled through Task, and read
// neighbour lists from the index's own HNSW graph (Index::query in ANN mode),
// never by comparing all pairs.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Index.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <vector>

namespace sextant::explore {

// Progress and cancellation of a long run. `progress` is called on the
// thread that started the run (never on a worker) with a phase name, the
// work done and the work there is (total 0: unknown); `cancelled` is polled
// on that thread too. Both may be empty.
struct SEXTANT_API Task {
    std::function<void(const QString &phase, qint64 done, qint64 total)> progress;
    std::function<bool()> cancelled;
    int threads = 0; // workers for the neighbour queries; 0: QThread::idealThreadCount()

    void report(const QString &phase, qint64 done, qint64 total) const
    {
        if (progress) progress(phase, done, total);
    }
    bool isCancelled() const { return cancelled && cancelled(); }
    int workerCount() const;
};

SEXTANT_API Error cancelledError();

// One neighbour of an item as the graph found it. `distance` is lower for
// closer items: 1 - cosine similarity, the negated dot product, or the L2
// distance (the index's metric).
struct SEXTANT_API Neighbour {
    qint32 index = -1; // position in the `ids` asked for, or -1 when not among them
    QString id;
    float score = 0;    // the index's score (QueryHit::score)
    float distance = 0; // see above
};

// The distance for a score of `metric` (see Neighbour::distance).
SEXTANT_API float scoreToDistance(Metric metric, float score);

// Waits until the index's graph holds every committed change, reporting
// "graph" progress; refuses with the reason when the index keeps no graph
// or the graph failed. Cancellable.
SEXTANT_API Error waitForGraph(const Index &index, const Task &task);

// The `k` nearest live items of each of `ids` by the graph (the item itself
// left out), with `ef` candidates (0: the index's efSearch) and only items
// `filter` matches. Runs on task.workerCount() threads; the answer does not
// depend on their number. Reports the phase `phase`.
SEXTANT_API Result<std::vector<std::vector<Neighbour>>>
graphNeighbours(const Index &index, const QStringList &ids, int k, int ef, const QByteArray &filter, const Task &task,
                const QString &phase = QStringLiteral("neighbours"));

// Every live id the filter matches (all when empty), in id order.
SEXTANT_API Result<QStringList> allIds(const Index &index, const QByteArray &filter, const Task &task);

// Runs body(i) for i in [0, n) on `threads` threads while the calling thread
// reports progress every 100 ms and polls for cancellation. body returns
// false to stop everything (it sets its own error). Returns false when
// stopped or cancelled.
SEXTANT_API bool parallelFor(qint64 n, int threads, const Task &task, const QString &phase,
                             const std::function<bool(qint64)> &body);

} // namespace sextant::explore
