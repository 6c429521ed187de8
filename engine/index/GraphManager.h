#pragma once
// Keeps an index's HNSW graph in step with its committed items, off the
// writer thread.
//
// Every committed change enqueues the changed id ("sync this id"). One
// maintenance thread takes ids in batches, reads each id's current vector
// from the index (or finds it gone), and applies the batch to the graph
// under the graph's exclusive lock, adding on two threads. A sync reads the
// current state, so applying it late, twice, or out of order is harmless.
// Until an id's last sync is applied it is "pending": queries search the
// pending ids exactly and ignore the graph's entries for them, so a query
// always sees every acknowledged write.
//
// At start the thread loads the graph file the manifest names (checked
// before it is parsed; a damaged one is reported and rebuilt), then
// reconciles it with the items: every item the graph does not hold with the
// same vector hash, and every graph entry that is no longer an item, is
// synced. A missing graph is thus built from scratch the same way. The
// graph is saved (a new graph file, then a manifest naming it) when it has
// drifted from the saved one by a tenth, and at close.
//
// Upkeep, whenever the queue drains: when the graph's marked-deleted
// entries pass kRebuildDeletedShare of its elements, or the host reports
// recall it cannot reach at any ef, the thread builds a new graph from the
// items (a shadow, beside the one queries use), applies the changes that
// arrived meanwhile, and swaps it in under the graph's exclusive lock; then
// it saves it like any other save. Queries never wait for the rebuild: they
// use the old graph, whose deleted entries stay marked, and search pending
// changes exactly as always. The host then re-measures the ef it tunes.
//
// Location notes: after segments were published (segmentsChanged()) or the
// graph is new (loaded and reconciled, rebuilt), the thread, once the queue
// has drained, has the host note where the segments' items are
// (Host::noteLocations: the hints the rerank and the filtered scan over
// codes use). New changes interrupt it; it is done again after them.

#include "index/Graph.h"
#include "sextant/Query.h"
#include "storage/Manifest.h"

#include <QByteArray>
#include <QHash>
#include <QReadWriteLock>
#include <QSet>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace sextant {

class GraphManager {
public:
    // What the manager needs from the index it serves.
    struct Host {
        virtual ~Host() = default;
        // The current vector of each id (std::nullopt when it is not a live
        // item), read under the index's state lock.
        virtual std::vector<HnswGraph::Change> currentVectors(const std::vector<QByteArray> &ids) = 0;
        // Calls `item` for every live item (id, raw vector, and where it is:
        // HnswGraph::packLocation of its segment row, 0 for a memtable item),
        // reading a consistent snapshot; `item` returning false stops the
        // walk. With `threads` above 1 the segments' rows are shared among
        // that many threads, so `item` must then be safe to call concurrently.
        using LiveItem = std::function<bool(const QByteArray &, const float *, uint64_t location)>;
        virtual Error forEachLiveItem(const LiveItem &item, int threads = 1) = 0;
        virtual qint64 liveItemCount() = 0;
        // Publishes a manifest naming a newly written graph file.
        virtual Error publishGraph(const storage::FileRecord &file, const storage::GraphEntry &entry) = 0;
        virtual QString directory() const = 0;
        virtual bool syncFiles() const = 0;
        virtual void notePending(const QString &fileName, bool inProgress) = 0;
        // The graph holds every committed change (on the maintenance
        // thread): the host's upkeep, such as tuning ef. `rebuilt`: the
        // graph was just rebuilt. Returns true when the graph itself is the
        // problem (recall stays low at a high ef): a rebuild may help.
        virtual bool graphCaughtUp(bool rebuilt) = 0;
        // The graph holds every committed change, and segments were
        // published since the last call or the graph is new (loaded,
        // rebuilt): note where the segments' items are (location hints) for
        // the rerank and the filtered scan over codes (RowElements), on the
        // maintenance thread, which reads the graph without its lock. Returns
        // false when `keepGoing` said to stop first (it is called again later).
        virtual bool noteLocations(const HnswGraph &graph, const std::function<bool()> &keepGoing) = 0;
    };

    GraphManager(Host &host, int dimensions, Metric metric, AnnParams params, bool canSave);
    ~GraphManager(); // stops the thread (does not save: call saveNow() first)

    // Starts the maintenance thread: loads `saved` (if any), reconciles, then follows changes.
    void start(std::optional<storage::GraphEntry> saved);
    void stop();
    bool stopping() const; // stop() was called: long upkeep gives up

    // The writer, under the index's exclusive state lock, for each committed change.
    void changed(const QByteArray &id);
    // The index's content changed in ways not reported id by id (a read-only
    // refresh that read a new generation): reconcile again.
    void reconcileLater();
    // Segments were published (a checkpoint, a merge, a bulk ingestion, a
    // refresh): once the graph has caught up, the host notes where their
    // items are (Host::noteLocations).
    void segmentsChanged();

    // A query's view: the graph under a shared lock, and the ids it must
    // search exactly instead. `graph` is null when the graph cannot be used
    // (then `reason` says why).
    struct View {
        QReadLocker lock;
        const HnswGraph *graph = nullptr;
        QSet<QByteArray> pending;
        QString reason;
        explicit View(QReadWriteLock *l) : lock(l) { }
    };
    std::unique_ptr<View> view(qsizetype maxPending) const;

    GraphStatus status() const;
    // Waits until the graph is ready and nothing is pending (tests, benchmarks,
    // `query --ann`). False on timeout or failure.
    bool waitUntilCurrent(int timeoutMs) const;
    // Saves the graph if it changed since it was last saved (close()).
    Error saveNow();

    static constexpr qsizetype kBatch = 256;
    // A background rebuild starts when this share of the graph's elements is
    // marked deleted (and at least kRebuildMinDeleted are), ...
    static constexpr double kRebuildDeletedShare = 0.2;
    static constexpr qint64 kRebuildMinDeleted = 256;
    // ... or when the host reports low recall and at least this share is.
    static constexpr double kRebuildRecallDeletedShare = 0.05;

private:
    void run(std::optional<storage::GraphEntry> saved);
    void reconcile();
    bool takeBatch(std::vector<QByteArray> *ids);
    void finishBatch(const std::vector<QByteArray> &ids);
    Error saveLocked(); // caller holds saveMutex
    void setState(GraphStatus::State s, const QString &message = {});
    void upkeep();        // when the queue has drained
    void noteLocations(); // when due and the queue is empty
    bool notesReady() const { return m_notesDue && m_state == GraphStatus::State::Ready; } // under m_queueMutex
    // Builds a new graph from the items and swaps it in. False when stopped or failed (the old graph stays).
    bool rebuildShadow(const QString &reason);

    Host &m_host;
    const int m_dims;
    const Metric m_metric;
    const AnnParams m_params;
    const bool m_canSave;

    mutable QReadWriteLock m_graphLock; // prefers writers: searches never starve the maintenance thread
    std::unique_ptr<HnswGraph> m_graph;

    mutable std::mutex m_queueMutex;
    mutable std::condition_variable m_queueCond;
    std::deque<QByteArray> m_queue;
    QHash<QByteArray, int> m_pending; // id -> syncs queued or being applied
    bool m_stop = false;
    bool m_reconcileRequested = false;
    bool m_busy = false;     // a batch or reconcile is in progress
    bool m_upkeep = false;   // the queue drained: upkeep is due (waitUntilCurrent waits for it)
    bool m_notesDue = false; // Host::noteLocations is due (waitUntilCurrent waits for it too)
    bool m_noting = false;
    bool m_rebuilding = false;
    qint64 m_rebuildDone = 0, m_rebuildTotal = 0;
    QString m_rebuildReason;
    int m_rebuilds = 0;
    GraphStatus::State m_state = GraphStatus::State::Disabled;
    QString m_message;
    QString m_note; // what happened to the saved graph at start, kept for status()
    qint64 m_changesSinceSave = 0;
    std::optional<storage::GraphEntry> m_saved;
    // The graph's counts as of the last batch (under m_queueMutex), for
    // status() while a batch holds the graph's lock: status never waits for one.
    mutable qint64 m_lastItems = 0, m_lastDeleted = 0, m_lastCapacity = 0, m_lastMemory = 0;

    std::mutex m_saveMutex;
    std::thread m_thread;
};

} // namespace sextant
