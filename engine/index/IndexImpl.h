#pragma once
// Private state of an open Index. Only the writer thread (or refresh() on a
// read-only index) changes it, and only while holding `stateMutex`
// exclusively; readers hold it shared.

#include "core/SharedMutex.h"
#include "sextant/Filter.h"
#include "index/Bitmap.h"
#include "index/FilterColumns.h"
#include "index/GraphManager.h"
#include "sextant/Index.h"
#include "index/Memtable.h"
#include "index/RowElements.h"
#include "index/WriteQueue.h"
#include "storage/DeletionVector.h"
#include "storage/Manifest.h"
#include "storage/Segment.h"
#include "storage/Wal.h"
#include "storage/WriterLock.h"

#include <QHash>
#include <QSet>
#include <list>
#include <functional>
#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <thread>

namespace sextant {

struct LoadedSegment {
    storage::SegmentEntry entry;
    std::shared_ptr<storage::Segment> segment;
    std::shared_ptr<const storage::DeletionVector> deletions; // never null
};

// Where the live version of an id is.
struct Location {
    const MemEntry *mem = nullptr;
    int segmentIndex = -1;
    qint64 row = -1;
    bool found() const { return mem || segmentIndex >= 0; }
};

// Filter columns and recent filter results of one (immutable) segment.
struct SegmentFilterCache {
    std::mutex mutex;
    std::optional<FilterColumns> columns;
    std::list<std::pair<QByteArray, std::shared_ptr<const Bitmap>>> recent; // canonical filter -> rows, newest first
    static constexpr size_t kRecent = 16;
};

// The index's graph manager. A graph conversion (GraphConversion.cpp)
// replaces it while queries, status polls and waits run on other threads, so
// each use holds a counted reference for the length of its expression
// (`graph->view(...)` keeps the manager alive until the statement ends), and
// a replaced manager goes when its last user is done with it.
class GraphSlot {
public:
    struct Pin {
        std::shared_ptr<GraphManager> manager;
        GraphManager *operator->() const { return manager.get(); }
    };
    Pin operator->() const { return {get()}; }
    std::shared_ptr<GraphManager> get() const
    {
        std::lock_guard lock(m_mutex);
        return m_manager;
    }
    explicit operator bool() const { return get() != nullptr; }
    // Returns the manager replaced, so that the caller decides where it is destroyed.
    std::shared_ptr<GraphManager> replace(std::shared_ptr<GraphManager> next)
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_manager, std::move(next));
    }
    void reset() { replace(nullptr); }

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<GraphManager> m_manager;
};

struct Index::Impl final : GraphManager::Host {
    ~Impl() override
    {
        graph.reset(); // its thread reads the state below
        if (flushThread.joinable()) flushThread.join();
        if (mergeThread.joinable()) mergeThread.join();
    }
    QString dir;
    OpenOptions options;
    // Fixed for the index's life and readable without stateMutex, except
    // ann.quantization: convertGraph() changes it under stateMutex (exclusive).
    Schema schema;
    Durability durability = Durability::Full;
    OpenReport openReport;
    std::unique_ptr<storage::WriterLock> lock;

    mutable SharedMutex stateMutex; // writer-preferring: long queries never starve the writer
    storage::Manifest manifest;
    QByteArray manifestBytes;
    std::vector<LoadedSegment> segments;
    Memtable mem;
    // A memtable frozen by a checkpoint and being written to a segment in
    // the background; its records are in the log files before the active one.
    std::shared_ptr<const Memtable> imm;
    quint64 immLastLsn = 0;
    qint64 liveCount = 0;
    quint64 lastLsn = 0;
    QString walFile;          // the active log: the last of the chain after the manifest's
    qint64 walEnd = 0;        // readers: how far they have read it
    qint64 olderLogBytes = 0; // the logs of the chain before the active one (not yet folded)

    // Writer only.
    std::optional<storage::WalWriter> wal;
    std::unique_ptr<WriteQueue> queue;
    Error failure; // set when a write could not be undone: the index must be reopened
    // Background work: one checkpoint and one merge may run beside the writer
    // thread. They write their segments unlocked; deciding which rows a new
    // segment replaces, writing deletion files and publishing the manifest
    // happen under publishMutex, one publisher at a time, against the
    // segments current at that moment.
    std::thread flushThread;
    std::atomic<bool> flushRunning{false};
    std::thread mergeThread;
    std::atomic<bool> mergeRunning{false};
    std::mutex publishMutex;
    std::atomic<quint64> nextSegmentId{1};
    std::mutex inProgressMutex;
    QSet<QString> filesInProgress; // written but not yet published: retiring skips them

    // Read-only only.
    std::mutex refreshMutex;

    // Search: the HNSW graph (null when OpenOptions::graph is off) and the
    // per-segment filter caches, by segment id.
    GraphSlot graph;
    mutable std::mutex filterCacheMutex;
    mutable QHash<quint64, std::shared_ptr<SegmentFilterCache>> filterCaches;

    bool closed = false;

    bool syncWal() const { return durability == Durability::Full; }
    QString filePath(const QString &name) const { return dir + u'/' + name; }

    // ---- IndexGraph.cpp: the graph's host
    void startGraph();
    void stopGraph(bool save);
    std::vector<HnswGraph::Change> currentVectors(const std::vector<QByteArray> &ids) override;
    Error forEachLiveItem(const LiveItem &item, int threads = 1) override;
    qint64 liveItemCount() override;
    Error publishGraph(const storage::FileRecord &file, const storage::GraphEntry &entry) override;
    QString directory() const override { return dir; }
    bool syncFiles() const override { return durability != Durability::Off; }
    void notePending(const QString &fileName, bool inProgress) override;
    bool graphCaughtUp(bool rebuilt) override;
    bool noteLocations(const HnswGraph &graph, const std::function<bool()> &keepGoing) override;
    // Segment row -> graph element, for the filtered scan over codes.
    mutable RowElements rowElements;
    const Index *owner = nullptr;                      // the Index this is the state of (tuning queries it)
    static constexpr qint64 kMinTuneItems = 500;       // smaller indexes keep efSearch
    static constexpr int kTuneSample = 100;            // sampled items per tuning
    static constexpr double kRebuildBelowRecall = 0.9; // recall at the highest ef tried below this: rebuild
    // Tuning: the ef that reaches the schema's target recall (from the
    // manifest, then re-measured on the graph's thread as the index changes),
    // and the measured costs the planner weighs. 0: not known yet.
    mutable std::mutex tuneMutex;
    std::optional<storage::TuningEntry> tuned; // guarded by tuneMutex
    bool tuningNow = false;                    // guarded by tuneMutex
    std::atomic<int> tunedEf{0};
    std::atomic<double> exactNsPerItem{0};    // exact scan, per item
    std::atomic<double> filteredNsPerItem{0}; // exact scan of scattered (matching) rows, per row
    std::atomic<double> graphMsPerEf{0};      // graph search time over ef, at the tuned ef
    // The filtered scan over 8-bit codes: per matching item scored from its
    // code, and per item of the float rerank after it.
    std::atomic<double> codeNsPerItem{0};
    std::atomic<double> rerankNsPerItem{0};
    // The ef a query without one searches with: the tuned one, else efSearch.
    int defaultEf() const
    {
        const int ef = tunedEf.load(std::memory_order_relaxed);
        return ef > 0 ? ef : schema.ann.efSearch;
    }
    // The graph's status with the tuning added.
    GraphStatus graphStatusNow() const;
    // Under the exclusive state lock, for every committed change.
    void graphChanged(const QByteArray &id)
    {
        if (graph) graph->changed(id);
    }

    // ---- GraphConversion.cpp: convertGraph() on the writer thread
    void convertGraphOnWriter(WriteRequest &request);
    // Read-only: the writer converted the graph; a refresh that read its
    // manifest follows (the schema's quantization, a graph manager of that kind).
    void followGraphConversion();

    // ---- Search.cpp
    // The rows of a segment that `filter` matches (deleted rows included).
    Result<std::shared_ptr<const Bitmap>> filterRows(const LoadedSegment &segment, const Filter &filter) const;

    // ---- Index.cpp
    Result<Location> locate(const QByteArray &id) const; // caller holds stateMutex

    // ---- Recovery.cpp: reading the manifest and the log chain
    Error loadFromManifest(bool writer);
    Result<bool> refreshReadOnly();
    struct ChainEnd {
        QString file;                // the last log of the chain
        storage::WalScanResult scan; // of that file
        quint64 lastLsn = 0;
        quint64 frames = 0;
        qint64 olderBytes = 0; // the logs read before the last one
    };
    // Makes a freshly read generation the current state.
    void installLoaded(storage::Manifest m, const QByteArray &bytes, std::vector<LoadedSegment> segs, Memtable replayed,
                       const ChainEnd &end);
    // Replays the log `firstFile` from `offset` and every log that follows
    // it (wal-<last LSN + 1>.log) into `into`. A frame holding a vector that
    // is not `dimensions` long is damage, like a failed checksum.
    Error replayChain(const QString &firstFile, qint64 offset, quint64 expectedLsn, int dimensions, Memtable *into,
                      QList<QPair<quint64, QList<storage::Record>>> *frames, ChainEnd *end, bool writer);
    Error handleWalTail(const storage::WalScanResult &scan, const QString &walPath, bool moreLogsFollow);
    Error quarantineBytes(const QString &walPath, qint64 offset, qint64 bytes, const QString &reason, QString *savedTo);

    // ---- IndexWriter.cpp: group commit
    void processGroup(WriteGroup &group);
    void processWrites(WriteGroup &group);

    // ---- Ingest.cpp: returns false, having done nothing, when the batch
    // must go through the log instead.
    bool ingestBatch(WriteRequest &request);
    static constexpr qsizetype kIngestMinRecords = 2048;

    // ---- Checkpoint.cpp
    Error checkpointLocked(); // freeze and flush, waiting for it
    void maybeCheckpointInBackground();
    Error freezeMemtable();
    Error flushFrozen();
    void waitForFlush();
    // Writes `rows` as a new segment (not yet published). No rows: nullopt.
    Result<std::optional<LoadedSegment>> writeNewSegment(const storage::SegmentRowSource &rows,
                                                         QList<storage::FileRecord> *fresh);
    void doneWithFiles(const QList<storage::FileRecord> &files);
    // Caller holds publishMutex: publishes `next` naming `segs`, installs it
    // (with `alsoInstall` run under the state lock) and retires old files.
    Error publishLocked(storage::Manifest next, std::vector<LoadedSegment> segs,
                        const QList<storage::FileRecord> &fresh, const std::function<void()> &alsoInstall = {});

    // ---- Merge.cpp
    // Checkpoint on the writer thread, then merge every segment on the merge
    // thread while writes go on; the request finishes when that is published.
    void compactInBackground(std::unique_ptr<WriteRequest> request);
    // Rewrites the live rows of the segments with these ids as one segment.
    Error mergeSegments(const QList<quint64> &segmentIds);
    QList<quint64> segmentsToMerge() const;
    void waitForMerge();
    static constexpr qint64 kSmallSegmentRows = 65536;
    static constexpr size_t kMaxSmallSegments = 8;
    void retireUnreferencedFiles();
};

// Where an id lives: the active memtable hides the frozen one, which hides the segments.
Result<Location> locateIn(const std::vector<LoadedSegment> &segments, const Memtable &mem, const Memtable *imm,
                          const QByteArray &id);
qint64 countLive(const std::vector<LoadedSegment> &segments, const Memtable &mem);
Result<std::vector<LoadedSegment>> loadSegments(const QString &dir, const storage::Manifest &m,
                                                const std::vector<LoadedSegment> &reuse);
void applyRecords(Memtable &mem, const QList<storage::Record> &records, quint64 lsn);
// An Io error about a file that no longer exists (retired by a writer meanwhile).
bool isMissingFile(const Error &e);

// Insert of a present id, delete of an absent one: the checks that need the state.
Error checkRecordAgainstState(const storage::Record &r, bool exists, qsizetype index, qsizetype count);
// The manifest's view of a list of segments: entries, live count, file records.
void describeSegments(storage::Manifest &next, const std::vector<LoadedSegment> &segs, const storage::Manifest &old,
                      const QList<storage::FileRecord> &fresh);
// Marks, in `changed` (index-aligned with `segs`), the live row that holds each id.
template <typename Ids>
Error markLiveRows(const std::vector<LoadedSegment> &segs, const Ids &ids,
                   std::vector<std::optional<storage::DeletionVector>> &changed)
{
    changed.resize(segs.size());
    for (const auto &id : ids) {
        for (size_t i = 0; i < segs.size(); ++i) {
            const Result<std::optional<qint64>> row = segs[i].segment->find(id);
            if (!row.ok()) return row.error();
            if (!row->has_value()) continue;
            const storage::DeletionVector &dv = changed[i] ? *changed[i] : *segs[i].deletions;
            if (dv.isDeleted(**row)) continue;
            if (!changed[i]) changed[i] = *segs[i].deletions;
            changed[i]->markDeleted(**row);
            break; // at most one live row holds an id
        }
    }
    return {};
}
// Writes the deletion files of the segments in `changed` (index-aligned with
// `segs`) and drops segments whose every row is deleted.
Error writeChangedDeletions(const QString &dir, std::vector<LoadedSegment> &segs,
                            const std::vector<std::optional<storage::DeletionVector>> &changed, quint64 generation,
                            bool sync, QList<storage::FileRecord> *fresh);

// The item at a location (metadata always, the vector when asked).
Result<Item> itemAt(const Index::Impl &d, const QString &id, const Location &loc, bool withVector);

// Compact JSON of an item's metadata, the form stored everywhere.
QByteArray metadataBytes(const QJsonObject &metadata);
QJsonObject parseMetadata(const QByteArray &bytes, Error *error);

} // namespace sextant
