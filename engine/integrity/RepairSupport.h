#pragma once
// The pieces a repair is made of (internal to integrity/): quarantine/,
// copying a segment's readable rows, salvaging a damaged log chain, and
// recomputing which row of each id is live.

#include "sextant/Error.h"
#include "sextant/Schema.h"
#include "storage/DeletionVector.h"
#include "storage/Manifest.h"
#include "storage/Record.h"
#include "storage/Segment.h"

#include <QList>
#include <QSet>
#include <QString>
#include <memory>
#include <vector>

namespace sextant::integrity {

// An item repair takes out of the index, with what could be read of it.
struct SetAsideItem {
    QByteArray id;         // empty when unreadable
    qint64 row = -1;       // in a segment
    quint64 lsn = 0;       // in a log
    QVector<float> vector; // empty when unreadable
    QByteArray metadata;   // null when unreadable
    QString reason;
    qint64 offset = -1;            // byte offset of the log frame (log items)
    bool verified = true;          // false: read from bytes that failed their checksum
    QString record;                // the log record's kind: "insert", "upsert", "delete" (log items)
    bool vectorUnverified = false; // segment rows: `vector` is the stored bytes, no checksum confirms them
};

// What a damaged stretch [from, end) of a log held, as far as it can be
// read: one item per record that still decodes (unverified), and one without
// an id for each record or frame that does not, with its LSN and offset, so
// that no loss goes uncounted. LSNs [firstLsn, endLsn) are the frames the
// damage took (endLsn 0: unknown, the damage runs to the end of the log).
QList<SetAsideItem> itemsInDamagedLog(const QString &dir, const QString &file, qint64 from, qint64 end,
                                      quint64 firstLsn, quint64 endLsn, const QString &reason);

// quarantine/ of one index folder. Names carry a UTC time stamp; every
// file gets a .txt report beside it (docs/format.md, "quarantine/").
class Quarantine {
public:
    explicit Quarantine(const QString &indexDir);
    // Returns the path written, relative to the index folder.
    Result<QString> copyBytes(const QString &file, qint64 offset, qint64 bytes, const QString &reason);
    Result<QString> copyWholeFile(const QString &file, const QString &reason);
    Result<QString> moveFile(const QString &file, const QString &reason);
    // JSON Lines that `sextant-cli insert` takes back: id, vector, metadata
    // (an object) when readable, and a "quarantine" object with where the
    // item was, why, and what could not be given as a field (docs/format.md).
    Result<QString> writeItems(const QString &fromFile, const QList<SetAsideItem> &items);

private:
    Error ensureFolder();
    QString m_dir;
    QString m_stamp;
};

// Rows for writeSegment, appended in id order.
class RowBuffer : public storage::SegmentRowSource {
public:
    explicit RowBuffer(int dimensions) : m_dims(dimensions) { }
    void append(const QByteArray &id, const float *vector, const QByteArray &metadata);
    qint64 rowCount() const override { return qint64(m_ids.size()); }
    QByteArrayView id(qint64 row) const override { return m_ids[size_t(row)]; }
    const float *vector(qint64 row) const override { return m_vectors.data() + row * m_dims; }
    QByteArrayView metadata(qint64 row) const override { return m_metadata[size_t(row)]; }

private:
    int m_dims;
    std::vector<QByteArray> m_ids;
    std::vector<float> m_vectors;
    std::vector<QByteArray> m_metadata;
};

// A segment as the repair carries it into the new manifest.
struct RepairSegment {
    storage::SegmentEntry entry;
    std::shared_ptr<storage::Segment> segment;
    storage::FileRecord record;
    storage::DeletionVector deletions;
    storage::FileRecord deletionRecord;
    bool deletionsChanged = false;
};

struct SegmentRewrite {
    storage::FileRecord written; // the new segment (not written when rows == 0)
    qint64 rows = 0;
    QList<SetAsideItem> setAside;
};
// Copies the live, readable, valid rows of `source` to a new segment `newId`.
Result<SegmentRewrite> rewriteSegment(const QString &dir, const Schema &schema, const RepairSegment &source,
                                      uint64_t newId);

struct DamagedRange {
    QString file;
    qint64 offset = 0;
    qint64 bytes = 0;
    QString reason;
};
struct LogSalvage {
    std::vector<storage::Record> records; // valid records, in log order
    quint64 lastLsn = 0;                  // of the last valid frame (0: none)
    QList<DamagedRange> damaged;
    QList<SetAsideItem> setAside; // records with a valid checksum but invalid content
    QList<SetAsideItem> lost;     // what the damaged ranges held (itemsInDamagedLog)
    QStringList chain;            // the logs read
};
// Reads the chain from `base.walFile`, resuming after every damaged frame
// at the next valid one.
Result<LogSalvage> salvageLog(const QString &dir, const storage::Manifest &base);

// Newest segment wins for each id; ids in `deletedIds` lose every row.
// Writes new deletion files (generation `generation`) where they changed,
// adding their names to `written`. Returns the live row count.
Result<qint64> rebuildIdMap(const QString &dir, std::vector<RepairSegment> &segments,
                            const QSet<QByteArray> &deletedIds, quint64 generation, QStringList *written);

} // namespace sextant::integrity
