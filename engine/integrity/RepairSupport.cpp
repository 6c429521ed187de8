#include "integrity/RepairSupport.h"
#include "storage/Binary.h"
#include "storage/FileIo.h"
#include "storage/Wal.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <queue>

namespace sextant::integrity {

using namespace storage;

// ---- quarantine/

Quarantine::Quarantine(const QString &indexDir)
    : m_dir(indexDir), m_stamp(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
{
}

Error Quarantine::ensureFolder()
{
    const QString q = m_dir + QStringLiteral("/quarantine");
    if (!QDir().mkpath(q)) return Error(ErrorCode::Io, QStringLiteral("Could not create the quarantine folder %1.").arg(q), q);
    return {};
}

Result<QString> Quarantine::copyBytes(const QString &file, qint64 offset, qint64 bytes, const QString &reason)
{
    if (Error e = ensureFolder()) return e;
    Result<File> src = File::open(m_dir + u'/' + file, File::Mode::ReadOnly);
    if (!src.ok()) return src.error();
    QByteArray raw(bytes, Qt::Uninitialized);
    if (Error e = src->readAt(raw.data(), size_t(bytes), offset)) return e;
    const QString base = QStringLiteral("quarantine/%1-offset%2-%3").arg(file).arg(offset).arg(m_stamp);
    if (Error e = saveFileAtomically(m_dir + u'/' + base + QStringLiteral(".bin"), raw)) return e;
    const QString report = QStringLiteral("A repair copied these %1 bytes from %2 at offset %3.\nReason: %4\n")
                               .arg(bytes).arg(file).arg(offset).arg(reason);
    if (Error e = saveFileAtomically(m_dir + u'/' + base + QStringLiteral(".txt"), report.toUtf8())) return e;
    return base + QStringLiteral(".bin");
}

Result<QString> Quarantine::copyWholeFile(const QString &file, const QString &reason)
{
    const QFileInfo info(m_dir + u'/' + file);
    if (!info.exists()) return Error(ErrorCode::NotFound, QStringLiteral("%1 does not exist.").arg(file), info.filePath());
    return copyBytes(file, 0, info.size(), reason);
}

Result<QString> Quarantine::moveFile(const QString &file, const QString &reason)
{
    if (Error e = ensureFolder()) return e;
    const QString target = QStringLiteral("quarantine/%1-%2").arg(file, m_stamp);
    if (Error e = renameFile(m_dir + u'/' + file, m_dir + u'/' + target)) return e;
    const QString report = QStringLiteral("A repair moved %1 here.\nReason: %2\n").arg(file, reason);
    if (Error e = saveFileAtomically(m_dir + u'/' + target + QStringLiteral(".txt"), report.toUtf8())) return e;
    syncDirectory(m_dir);
    return target;
}

Result<QString> Quarantine::writeItems(const QString &fromFile, const QList<SetAsideItem> &items)
{
    if (Error e = ensureFolder()) return e;
    QByteArray out;
    for (const SetAsideItem &it : items) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), it.id.isEmpty() ? QJsonValue() : QJsonValue(QString::fromUtf8(it.id)));
        if (it.row >= 0) o.insert(QStringLiteral("row"), it.row);
        if (it.lsn) o.insert(QStringLiteral("lsn"), qint64(it.lsn));
        o.insert(QStringLiteral("reason"), it.reason);
        if (it.vector.isEmpty()) {
            o.insert(QStringLiteral("vector"), QJsonValue());
        } else {
            QJsonArray v;
            for (float f : it.vector) v.append(std::isfinite(f) ? QJsonValue(double(f)) : QJsonValue(QString::number(f)));
            o.insert(QStringLiteral("vector"), v);
            if (it.vectorUnverified) o.insert(QStringLiteral("vectorVerified"), false);
        }
        // As stored: it may not be valid JSON, so it is kept as text.
        o.insert(QStringLiteral("metadata"), it.metadata.isNull() ? QJsonValue() : QJsonValue(QString::fromUtf8(it.metadata)));
        out += QJsonDocument(o).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    const QString name = QStringLiteral("quarantine/%1-%2-items.jsonl").arg(fromFile, m_stamp);
    if (Error e = saveFileAtomically(m_dir + u'/' + name, out)) return e;
    const QString report = QStringLiteral("A repair set %1 items of %2 aside; %3 holds one JSON object per item: its id, "
                                          "where it was, why, and what of its vector and metadata could be read.\n")
                               .arg(items.size()).arg(fromFile, QFileInfo(name).fileName());
    if (Error e = saveFileAtomically(m_dir + u'/' + name + QStringLiteral(".txt"), report.toUtf8())) return e;
    return name;
}

// ---- rows

void RowBuffer::append(const QByteArray &id, const float *vector, const QByteArray &metadata)
{
    m_ids.push_back(id);
    m_vectors.insert(m_vectors.end(), vector, vector + m_dims);
    m_metadata.push_back(metadata.isEmpty() ? QByteArrayLiteral("{}") : metadata);
}

namespace {

// Id order is bytewise (docs/format.md), as QByteArrayView::compare gives it.
bool idLess(QByteArrayView a, QByteArrayView b) { return a.compare(b) < 0; }

// Why an item cannot stay, or empty.
QString invalidItem(const Schema &schema, std::span<const float> vector, const QByteArray &metadata)
{
    if (Error e = schema.validateVector(vector)) return e.message();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(metadata, &pe);
    if (!doc.isObject()) return QStringLiteral("The metadata is not a JSON object.");
    if (Error e = schema.validateMetadata(doc.object(), metadata.size())) return e.message();
    return {};
}

} // namespace

Result<SegmentRewrite> rewriteSegment(const QString &dir, const Schema &schema, const RepairSegment &source, uint64_t newId)
{
    const Segment &seg = *source.segment;
    const int dims = seg.dimensions();
    SegmentRewrite out;
    RowBuffer rows(dims);
    QByteArray previous;
    bool havePrevious = false;
    for (qint64 r = 0; r < seg.rowCount(); ++r) {
        if (source.deletions.isDeleted(r)) continue;
        SetAsideItem item;
        item.row = r;
        const Result<QByteArrayView> id = seg.id(r);
        const Result<std::vector<float>> vector = seg.vectorChecked(r);
        const Result<QByteArray> meta = seg.metadata(r);
        if (id.ok()) item.id = id->toByteArray();
        if (vector.ok()) {
            item.vector = QVector<float>(vector->begin(), vector->end());
        } else {
            // The bytes as they are: likely all but a few bits right, but
            // no checksum vouches for them.
            const Segment::UncheckedRow raw = seg.readUnchecked(r);
            item.vector.resize(dims);
            readF32Array(raw.vector, item.vector.data(), size_t(dims));
            item.vectorUnverified = true;
        }
        if (meta.ok()) item.metadata = *meta;
        if (!id.ok() || !vector.ok() || !meta.ok()) {
            item.reason = (!id.ok() ? id.error() : !vector.ok() ? vector.error() : meta.error()).message();
            out.setAside.append(item);
            continue;
        }
        if (havePrevious && !idLess(previous, item.id)) {
            item.reason = QStringLiteral("The id does not sort after the row before it (a repeated or misplaced row).");
            out.setAside.append(item);
            continue;
        }
        const QString invalid = invalidItem(schema, *vector, item.metadata);
        if (!invalid.isEmpty()) {
            item.reason = invalid;
            out.setAside.append(item);
            continue;
        }
        previous = item.id;
        havePrevious = true;
        rows.append(item.id, vector->data(), item.metadata);
    }
    out.rows = rows.rowCount();
    if (out.rows == 0) return out;
    Result<FileRecord> written = writeSegment(dir, newId, dims, rows, true);
    if (!written.ok()) return written.error();
    out.written = *written;
    return out;
}

Result<LogSalvage> salvageLog(const QString &dir, const Manifest &base)
{
    LogSalvage s;
    s.lastLsn = base.checkpointLsn;
    QString file = base.walFile;
    quint64 expected = base.checkpointLsn + 1;
    while (!file.isEmpty()) {
        s.chain.append(file);
        Result<File> f = File::open(dir + u'/' + file, File::Mode::ReadOnly);
        if (f.ok()) {
            const qint64 size = f->size().ok() ? *f->size() : 0;
            qint64 offset = 0;
            for (;;) {
                auto onFrame = [&](uint64_t lsn, uint8_t, const char *payload, size_t bytes) -> Error {
                    Result<QList<Record>> records = decodeBatchPayload(payload, bytes);
                    if (!records.ok()) return records.error();
                    for (Record &r : *records) {
                        if (!r.isDelete()) {
                            const QString invalid = invalidItem(base.schema, r.vector, r.metadata);
                            if (!invalid.isEmpty()) {
                                s.setAside.append(SetAsideItem{r.id, -1, lsn, r.vector, r.metadata, invalid});
                                continue;
                            }
                        }
                        s.records.push_back(std::move(r));
                    }
                    return {};
                };
                Result<WalScanResult> scan = scanWal(*f, offset, expected, onFrame);
                qint64 damageAt = -1;
                QString why;
                if (!scan.ok()) {
                    if (offset != 0) return scan.error(); // an I/O error, not damage
                    damageAt = 0;
                    why = scan.error().message();
                } else {
                    if (scan->frames > 0) {
                        s.lastLsn = std::max<quint64>(s.lastLsn, scan->lastLsn);
                        expected = scan->lastLsn + 1;
                    }
                    if (scan->tail.kind == WalTail::Kind::Clean) break;
                    damageAt = scan->tail.offset;
                    why = scan->tail.reason;
                }
                const auto resume = findValidFrame(*f, std::max<qint64>(damageAt + 1, wal::kHeaderSize), expected);
                const qint64 end = resume ? resume->first : size;
                if (end > damageAt) s.damaged.append(DamagedRange{file, damageAt, end - damageAt, why});
                if (!resume) break;
                offset = resume->first;
                expected = resume->second;
            }
        } else {
            s.damaged.append(DamagedRange{file, 0, 0, f.error().message()});
        }
        // The next log of the chain: the first one named after this one.
        QString nextFile;
        for (const QString &log : QDir(dir).entryList({QStringLiteral("wal-*.log")}, QDir::Files, QDir::Name))
            if (log > file) {
                nextFile = log;
                break;
            }
        file = nextFile;
    }
    // Damaged ranges of zero length (a missing log) are not copied.
    s.damaged.removeIf([](const DamagedRange &d) { return d.bytes == 0; });
    return s;
}

Result<qint64> rebuildIdMap(const QString &dir, std::vector<RepairSegment> &segments, const QSet<QByteArray> &deletedIds,
                            quint64 generation, QStringList *written)
{
    struct Head {
        size_t segment;
        qint64 row;
        QByteArrayView id;
    };
    auto later = [](const Head &a, const Head &b) {
        if (a.id == b.id) return a.segment < b.segment; // newest segment first among equals
        return idLess(b.id, a.id);
    };
    // Next live row with a readable id at or after `row`.
    auto advance = [&](size_t s, qint64 row, Head *out) {
        const RepairSegment &rs = segments[s];
        for (; row < rs.segment->rowCount(); ++row) {
            if (rs.deletions.isDeleted(row)) continue;
            const Result<QByteArrayView> id = rs.segment->id(row);
            if (!id.ok()) continue;
            *out = Head{s, row, *id};
            return true;
        }
        return false;
    };
    std::vector<storage::DeletionVector> fresh;
    for (const RepairSegment &rs : segments) fresh.push_back(rs.deletions);
    std::priority_queue<Head, std::vector<Head>, decltype(later)> heap(later);
    for (size_t s = 0; s < segments.size(); ++s) {
        Head h;
        if (advance(s, 0, &h)) heap.push(h);
    }
    qint64 live = 0;
    QByteArrayView current;
    bool haveCurrent = false;
    while (!heap.empty()) {
        const Head h = heap.top();
        heap.pop();
        const bool repeat = haveCurrent && h.id == current;
        if (repeat || deletedIds.contains(h.id.toByteArray())) fresh[h.segment].markDeleted(h.row);
        else ++live;
        current = h.id;
        haveCurrent = true;
        Head n;
        if (advance(h.segment, h.row + 1, &n)) heap.push(n);
    }
    for (size_t s = 0; s < segments.size(); ++s) {
        RepairSegment &rs = segments[s];
        if (!rs.deletionsChanged && fresh[s].deletedCount() == rs.deletions.deletedCount()) continue;
        rs.deletions = fresh[s];
        rs.entry.deletedRows = fresh[s].deletedCount();
        if (rs.entry.deletedRows == 0) {
            rs.entry.deletionFile.clear();
            continue;
        }
        Result<FileRecord> rec = fresh[s].write(dir, generation, true);
        if (!rec.ok()) return rec.error();
        rs.entry.deletionFile = rec->name;
        rs.deletionRecord = *rec;
        written->append(rec->name);
    }
    return live;
}

} // namespace sextant::integrity
