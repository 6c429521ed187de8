#include "integrity/RepairSupport.h"
#include "storage/Binary.h"
#include "base/FileIo.h"
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
using namespace base;

// ---- quarantine/

Quarantine::Quarantine(const QString &indexDir)
    : m_dir(indexDir), m_stamp(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
{
}

Error Quarantine::ensureFolder()
{
    const QString q = m_dir + QStringLiteral("/quarantine");
    if (!QDir().mkpath(q))
        return Error(ErrorCode::Io, QStringLiteral("Could not create the quarantine folder %1.").arg(q), q);
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
                               .arg(bytes)
                               .arg(file)
                               .arg(offset)
                               .arg(reason);
    if (Error e = saveFileAtomically(m_dir + u'/' + base + QStringLiteral(".txt"), report.toUtf8())) return e;
    return base + QStringLiteral(".bin");
}

Result<QString> Quarantine::copyWholeFile(const QString &file, const QString &reason)
{
    const QFileInfo info(m_dir + u'/' + file);
    if (!info.exists())
        return Error(ErrorCode::NotFound, QStringLiteral("%1 does not exist.").arg(file), info.filePath());
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
        // The fields insert reads, when they can be given as insert takes
        // them; everything else goes in "quarantine", which insert skips.
        QJsonObject o;
        QJsonObject q;
        if (!it.id.isEmpty()) {
            o.insert(QStringLiteral("id"), QString::fromUtf8(it.id));
            q.insert(QStringLiteral("idVerified"), it.verified); // false: read from damaged bytes, perhaps misread
        }
        q.insert(QStringLiteral("file"), fromFile);
        if (it.row >= 0) q.insert(QStringLiteral("row"), it.row);
        if (it.lsn) q.insert(QStringLiteral("lsn"), qint64(it.lsn));
        if (it.offset >= 0) q.insert(QStringLiteral("offset"), it.offset);
        if (!it.record.isEmpty()) q.insert(QStringLiteral("record"), it.record);
        q.insert(QStringLiteral("reason"), it.reason);
        if (!it.vector.isEmpty()) {
            bool finite = true;
            QJsonArray v;
            for (float f : it.vector) {
                finite = finite && std::isfinite(f);
                v.append(std::isfinite(f) ? QJsonValue(double(f)) : QJsonValue(QString::number(f)));
            }
            if (finite)
                o.insert(QStringLiteral("vector"), v);
            else
                q.insert(QStringLiteral("vectorRead"), v); // insert would refuse it
            q.insert(QStringLiteral("vectorVerified"), it.verified && !it.vectorUnverified);
        }
        if (!it.metadata.isNull()) {
            QJsonParseError pe;
            const QJsonDocument doc =
                QJsonDocument::fromJson(it.metadata.isEmpty() ? QByteArrayLiteral("{}") : it.metadata, &pe);
            if (pe.error == QJsonParseError::NoError && doc.isObject())
                o.insert(QStringLiteral("metadata"), doc.object());
            else
                q.insert(QStringLiteral("metadataText"),
                         QString::fromUtf8(it.metadata)); // as stored: not a JSON object
            q.insert(QStringLiteral("metadataVerified"), it.verified);
        }
        o.insert(QStringLiteral("quarantine"), q);
        out += QJsonDocument(o).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    const QString name = QStringLiteral("quarantine/%1-%2-items.jsonl").arg(fromFile, m_stamp);
    if (Error e = saveFileAtomically(m_dir + u'/' + name, out)) return e;
    const QString report =
        QStringLiteral("A repair set %1 items of %2 aside; %3 holds one JSON object per item: its id, "
                       "vector and metadata as far as they could be read, and under \"quarantine\" where "
                       "it was, why, and whether its bytes were verified. `sextant-cli insert --upsert` "
                       "takes the file back (lines without an id or a vector are rejected by name).\n")
            .arg(items.size())
            .arg(fromFile, QFileInfo(name).fileName());
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

Result<SegmentRewrite> rewriteSegment(const QString &dir, const Schema &schema, const RepairSegment &source,
                                      uint64_t newId)
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
                                SetAsideItem item;
                                item.id = r.id;
                                item.lsn = lsn;
                                item.vector = r.vector;
                                item.metadata = r.metadata;
                                item.reason = invalid;
                                item.record =
                                    r.type == RecordType::Insert ? QStringLiteral("insert") : QStringLiteral("upsert");
                                s.setAside.append(item);
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
                s.lost += itemsInDamagedLog(dir, file, std::max<qint64>(damageAt, damageAt == 0 ? wal::kHeaderSize : 0),
                                            end, expected, resume ? resume->second : 0, why);
                if (!resume) break;
                offset = resume->first;
                expected = resume->second;
            }
        } else {
            s.damaged.append(DamagedRange{file, 0, 0, f.error().message()});
            SetAsideItem gone;
            gone.lsn = expected;
            gone.verified = false;
            gone.reason =
                QStringLiteral("The log %1 cannot be read (%2); the records in it from LSN %3 on are lost, and "
                               "how many there were is unknown.")
                    .arg(file, f.error().message())
                    .arg(expected);
            s.lost.append(gone);
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

QList<SetAsideItem> itemsInDamagedLog(const QString &dir, const QString &file, qint64 from, qint64 end,
                                      quint64 firstLsn, quint64 endLsn, const QString &reason)
{
    QList<SetAsideItem> out;
    constexpr int kMaxUnnamed = 10000;
    int unnamed = 0;
    QSet<quint64> covered;
    auto unknown = [&](quint64 lsn, qint64 offset, const QString &why) {
        if (++unnamed > kMaxUnnamed) return;
        SetAsideItem it;
        it.lsn = lsn;
        it.offset = offset;
        it.verified = false;
        it.reason = why;
        out.append(it);
    };
    QByteArray bytes;
    if (end > from) {
        Result<File> f = File::open(dir + u'/' + file, File::Mode::ReadOnly);
        const qint64 len = std::min<qint64>(end - from, qint64(wal::kMaxPayload) + wal::kFrameOverhead);
        bytes.resize(len);
        if (!f.ok() || f->readAt(bytes.data(), size_t(len), from)) bytes.clear();
    }
    const char *p = bytes.constData();
    const qint64 len = bytes.size();
    quint64 guess = firstLsn;
    for (qint64 o = 0; o + wal::kFrameOverhead <= len;) {
        const quint64 payloadLen = getU32(p + o);
        const quint64 lsn = getU64(p + o + 8);
        const bool plausible =
            lsn >= firstLsn && (endLsn == 0 || lsn < endLsn) && (firstLsn == 0 || lsn < firstLsn + 1000000);
        const quint64 frameLsn = plausible ? lsn : guess;
        const bool whole = payloadLen <= wal::kMaxPayload && o + wal::kFrameOverhead + qint64(payloadLen) <= len;
        const qint64 frameEnd = whole ? o + wal::kFrameOverhead + qint64(payloadLen) : len;
        const qint64 payloadEnd = whole ? frameEnd - 8 : len;
        uint32_t declared = 0;
        const size_t payloadSize = size_t(std::max<qint64>(0, payloadEnd - o - wal::kFrameHeaderSize));
        QList<Record> records = decodeBatchPrefix(p + o + wal::kFrameHeaderSize, payloadSize, &declared);
        if (payloadSize >= 4) {
            // The count field may be the damaged part: read records on as
            // far as they decode, whatever it says.
            QByteArray copy(p + o + wal::kFrameHeaderSize, qsizetype(payloadSize));
            putU32(copy.data(), uint32_t((payloadSize - 4) / 8 + 1)); // the most the reader accepts
            uint32_t ignored = 0;
            QList<Record> more = decodeBatchPrefix(copy.constData(), payloadSize, &ignored);
            if (more.size() > records.size()) records = std::move(more);
        }
        const QString why = QStringLiteral("The log record (LSN %1, byte %2 of %3) is damaged: %4. What is given here "
                                           "was read from bytes that failed their checksum.")
                                .arg(frameLsn)
                                .arg(from + o)
                                .arg(file, reason);
        for (const Record &r : records) {
            SetAsideItem it;
            it.id = r.id;
            it.lsn = frameLsn;
            it.offset = from + o;
            it.vector = r.vector;
            if (!r.isDelete()) it.metadata = r.metadata;
            it.verified = false;
            it.record = r.type == RecordType::Insert   ? QStringLiteral("insert")
                        : r.type == RecordType::Upsert ? QStringLiteral("upsert")
                                                       : QStringLiteral("delete");
            it.reason = why;
            out.append(it);
        }
        const qint64 room = std::max<qint64>(0, payloadEnd - o - wal::kFrameHeaderSize) / 8 + 1;
        qint64 missing =
            declared >= uint32_t(records.size()) && qint64(declared) <= room ? qint64(declared) - records.size() : 0;
        if (records.isEmpty() && missing == 0) missing = 1;
        for (qint64 i = 0; i < missing; ++i)
            unknown(frameLsn, from + o,
                    QStringLiteral("%1 of the records of this damaged log frame could not be read; "
                                   "their ids are unknown (%2).")
                        .arg(missing)
                        .arg(why));
        covered.insert(frameLsn);
        guess = frameLsn + 1;
        o = frameEnd;
    }
    // Frames the damage took that were not found in its bytes at all.
    if (endLsn > firstLsn && firstLsn > 0)
        for (quint64 lsn = firstLsn; lsn < endLsn && lsn < firstLsn + kMaxUnnamed; ++lsn)
            if (!covered.contains(lsn))
                unknown(lsn, from,
                        QStringLiteral("The log record with LSN %1 was in the damaged bytes from byte %2 of %3 "
                                       "(%4); nothing of it could be read.")
                            .arg(lsn)
                            .arg(from)
                            .arg(file, reason));
    if (out.isEmpty() && end > from)
        unknown(firstLsn, from,
                QStringLiteral("The damaged bytes from byte %1 of %2 (%3) may have held a record; nothing of "
                               "it could be read.")
                    .arg(from)
                    .arg(file, reason));
    return out;
}

Result<qint64> rebuildIdMap(const QString &dir, std::vector<RepairSegment> &segments,
                            const QSet<QByteArray> &deletedIds, quint64 generation, QStringList *written)
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
    for (const RepairSegment &rs : segments)
        fresh.push_back(rs.deletions);
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
        if (repeat || deletedIds.contains(h.id.toByteArray()))
            fresh[h.segment].markDeleted(h.row);
        else
            ++live;
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
