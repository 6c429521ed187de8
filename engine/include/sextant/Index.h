#pragma once
// The engine's public face: one open index folder. Reads are safe from any
// thread and run in parallel with writes; writes go through a priority queue
// drained by one writer thread and come back as QFutures that finish only
// once the write is acknowledged under the index's durability mode.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Item.h"
#include "sextant/Options.h"
#include "sextant/Schema.h"
#include "sextant/Query.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace sextant {

enum class Priority { Interactive, Bulk };

struct SEXTANT_API WriteResult {
    Error error;
    quint64 lsn = 0; // the log sequence number of the frame that holds the write
    int items = 0;   // items changed
};

// What opening found in the write-ahead log and did about it.
struct SEXTANT_API OpenReport {
    quint64 replayedFrames = 0;
    quint64 lastLsn = 0;
    bool tailCut = false;        // a torn or damaged tail was cut off
    bool tailWasCorrupt = false; // ... and it was a complete frame that failed its checksum
    qint64 cutOffset = 0;
    qint64 cutBytes = 0;
    QString tailReason;
    QString quarantinedTo; // where the cut bytes were saved, if they were
    QStringList notes;     // sentences for the user
};

struct SEXTANT_API IndexStats {
    Schema schema;
    Durability durability = Durability::Full;
    bool readOnly = false;
    qint64 items = 0;
    qint64 segments = 0;
    qint64 segmentRows = 0;
    qint64 deletedRows = 0;    // rows in segments that compaction would drop
    qint64 unflushedItems = 0; // changes in the WAL, not yet in segments
    qint64 walBytes = 0;
    qint64 diskBytes = 0;
    quint64 lastLsn = 0;
    quint64 checkpointLsn = 0;
    quint64 generation = 0;
    QDateTime created;
    QDateTime lastCheckpoint;
    qint64 pendingWrites = 0;
    GraphStatus graph;
};

// What Index::convertGraph did.
struct SEXTANT_API GraphConversion {
    Quantization from = Quantization::None;
    Quantization to = Quantization::None;
    bool changed = false;   // false: the graph already held `to`, and nothing was written
    quint64 generation = 0; // the manifest generation that names `to` (the current one when unchanged)
};

// The bytes one item takes in the graph's base layer (its links, its vector
// or code, its label; docs/format.md, "Graph file"): what a conversion
// changes per item.
SEXTANT_API qint64 graphBytesPerItem(int dimensions, int m, Quantization quantization);

struct SEXTANT_API ListPage {
    QList<Item> items;
    QString nextAfter; // pass as `after` for the next page; empty when done
};

struct SEXTANT_API IdPage {
    QStringList ids;
    QString nextAfter;  // pass as `after` for the next page; empty when done
    qint64 scanned = 0; // live items walked to find these
};

class SEXTANT_API Index {
public:
    ~Index(); // closes, see close()

    // Creates a new index in `path` (created if missing; must be empty).
    static Result<std::shared_ptr<Index>> create(const QString &path, const Schema &schema,
                                                 Durability durability = Durability::Full,
                                                 const OpenOptions &options = {});
    static Result<std::shared_ptr<Index>> open(const QString &path, const OpenOptions &options = {});
    static bool exists(const QString &path);
    // True when `path` is a folder that holds a MANIFEST or a MANIFEST.prev:
    // an index, perhaps damaged or half-written, that open, verify and repair
    // should be given rather than an importer. Reads the folder (not on the
    // GUI thread).
    static bool looksLikeIndex(const QString &path);

    // Finishes queued writes, checkpoints (writers), releases the lock.
    // Further calls fail with ErrorCode::Closed.
    Error close();

    QString path() const;
    Schema schema() const;
    bool isReadOnly() const;
    Durability durability() const;
    const OpenReport &openReport() const;

    // ---- writes (all or nothing per call)
    QFuture<WriteResult> insert(Item item, Priority priority = Priority::Interactive);
    QFuture<WriteResult> upsert(Item item, Priority priority = Priority::Interactive);
    QFuture<WriteResult> remove(const QString &id, Priority priority = Priority::Interactive);
    QFuture<WriteResult> write(QList<WriteOp> batch, Priority priority = Priority::Interactive);
    // Checks an operation the way write() would, without queueing it.
    Error validate(const WriteOp &op) const;

    // Folds the WAL into segments and publishes a new manifest.
    QFuture<WriteResult> checkpoint();
    // Checkpoint, then rewrite all segments into one without deleted rows.
    QFuture<WriteResult> compact();

    // Changes how the HNSW graph holds vectors (Schema::ann.quantization;
    // docs/search.md, "Quantized graphs"). Runs on the writer thread after the
    // writes queued before it: publishes one new manifest generation whose
    // schema names `to` and that names no graph file, removes the old graph
    // file after that, and starts building the new graph from the vectors in
    // the background (waitForGraph() waits for it; close() saves it). Queries
    // keep working meanwhile, exactly until the graph is ready. Items, ids
    // and metadata are not touched. Blocks until published; not from a
    // continuation on the writer thread. ReadOnly when open read-only.
    Result<GraphConversion> convertGraph(Quantization to);

    // ---- reads
    Result<Item> get(const QString &id, bool withVector = true) const;
    bool contains(const QString &id) const;
    qint64 count() const;
    // Items with ids greater than `after` (all when empty), in id order
    // (bytewise UTF-8), at most `limit` of them.
    Result<ListPage> list(const QString &after, int limit, bool withVectors = false) const;
    // Only the ids, optionally of the items `filter` matches (the filter
    // language; empty matches all): cheap enough to walk a million items.
    // A selective filter may return fewer than `limit` ids with a non-empty
    // nextAfter: the walk stops after a bounded number of items so that it
    // never holds up the writer for long.
    Result<IdPage> listIds(const QString &after, int limit, const QByteArray &filter = {}) const;
    IndexStats stats() const;

    // ---- search (any thread; runs in parallel with writes and other queries)
    // The k nearest items to a vector (or to an item: "more like this") among
    // those the filter matches. Sees every write acknowledged before it started.
    Result<QueryResult> query(const QueryRequest &request) const;
    // The same on a worker thread (the engine's own pool, not QThreadPool::globalInstance()).
    QFuture<Result<QueryResult>> queryAsync(QueryRequest request) const;
    // Mean recall@k of the HNSW graph against exact search, with `sample`
    // live items (chosen with `seed`) as queries. NotReady without a graph.
    Result<RecallEstimate> estimateRecall(int sample, int k = 10, int ef = 0, quint64 seed = 1) const;
    // The smallest ef from efSearch up that reaches `targetRecall` (0: the index's target)
    // recall@10 on `sample` items. The index tunes itself this way in the
    // background; verify and the benchmark call it directly.
    Result<EfTuning> tuneEf(int sample = 100, double targetRecall = 0, quint64 seed = 1) const;
    GraphStatus graphStatus() const;
    // Waits until the graph holds every committed change; false on timeout
    // or when the index keeps no graph.
    bool waitForGraph(int timeoutMs) const;

    // Read-only indexes: picks up what the writer committed since. Returns
    // whether anything changed.
    Result<bool> refresh();

    static std::optional<LockHolder> lockHolder(const QString &path);

    struct Impl;

private:
    explicit Index(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace sextant
