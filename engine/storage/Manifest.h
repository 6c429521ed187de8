#pragma once
// The single commit point of an index: a small file named MANIFEST that
// lists the schema, the segments (with their deletion files), the live WAL,
// and the size and SHA-256 of every immutable file. Replaced atomically;
// the generation before it is kept as MANIFEST.prev.
// Envelope: "SXTMANI1" | u32 version | u32 body length | u64 XXH3(body) | body (UTF-8 JSON).

#include "sextant/Error.h"
#include "sextant/Options.h"
#include "sextant/Schema.h"
#include "storage/Segment.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace sextant::storage {

namespace manifest {
constexpr char kMagic[8] = {'S', 'X', 'T', 'M', 'A', 'N', 'I', '1'};
// The newest format this build reads and writes. A manifest is written in
// the oldest format that can say what it holds: 1, unless the schema names a
// quantization (format 2), so that older builds keep opening every index
// they could open before and refuse a quantized one as newer.
constexpr uint32_t kVersion = 2;
constexpr uint32_t kFirstVersion = 1;
constexpr uint32_t kQuantizedVersion = 2;
constexpr qint64 kEnvelopeSize = 24;
constexpr qint64 kMaxBodyBytes = 64 * 1024 * 1024;
inline QString currentName() { return QStringLiteral("MANIFEST"); }
inline QString previousName() { return QStringLiteral("MANIFEST.prev"); }
} // namespace manifest

struct SegmentEntry {
    uint64_t id = 0;
    QString file;
    qint64 rows = 0;
    qint64 deletedRows = 0;
    QString deletionFile; // empty when no row is deleted
};

// The saved HNSW graph (derived data: rebuildable from the vectors). Its file
// is also in `files`, with size and SHA-256.
struct GraphEntry {
    QString file;
    uint64_t number = 0; // the NNN of graph-NNN.sxg; each save takes the next
    qint64 items = 0;    // live items in the graph when it was saved
    qint64 labels = 0;
    bool operator==(const GraphEntry &) const = default;
};

// The ef that reached the schema's target recall, as last measured
// (derived data: re-measured as the index changes).
struct TuningEntry {
    int ef = 0;
    double recall = 0;
    qint64 items = 0; // live items when measured
    bool operator==(const TuningEntry &) const = default;
};

struct Manifest {
    uint64_t generation = 0;
    Schema schema;
    Durability durability = Durability::Full;
    uint64_t checkpointLsn = 0; // every frame up to here is in segments
    QString walFile;            // frames after checkpointLsn
    uint64_t nextSegmentId = 1;
    qint64 liveItems = 0; // items in segments at checkpointLsn
    QList<SegmentEntry> segments;
    QList<FileRecord> files; // every segment, deletion and graph file
    std::optional<GraphEntry> graph;
    std::optional<TuningEntry> tuning;
    QDateTime created;
    QDateTime checkpointed;

    const FileRecord *fileRecord(const QString &name) const;
    // What is wrong with the counters and ids, though the checksum holds:
    // a segment id used twice, a file name that does not match its id, a
    // next segment id at or below one in use, a file listed twice. Empty
    // when consistent. A writer refuses such a manifest: its next file
    // would take the name of a live one.
    QStringList inconsistencies() const;
    QByteArray encode() const;
    static Result<Manifest> decode(const QByteArray &bytes, const QString &path);
    static Result<Manifest> read(const QString &path);
};

// Keeps the old manifest as MANIFEST.prev, then replaces MANIFEST atomically.
Error publishManifest(const QString &dir, const Manifest &next, const QByteArray &currentBytes, bool sync);

} // namespace sextant::storage
