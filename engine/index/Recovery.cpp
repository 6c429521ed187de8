// Opening an index: the manifest, its segments, and the chain of logs after
// its checkpoint; also how a read-only index catches up with a writer.

#include "index/IndexImpl.h"
#include "base/FileIo.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>

namespace sextant {

using namespace storage;
using namespace base;

Result<Location> locateIn(const std::vector<LoadedSegment> &segments, const Memtable &mem, const Memtable *imm,
                          const QByteArray &id)
{
    Location loc;
    for (const Memtable *table : {&mem, imm}) {
        if (!table) continue;
        if (const MemEntry *e = table->find(id)) {
            if (!e->deleted) loc.mem = e;
            return loc;
        }
    }
    for (int i = int(segments.size()) - 1; i >= 0; --i) {
        const LoadedSegment &s = segments[size_t(i)];
        const Result<std::optional<qint64>> row = s.segment->find(id);
        if (!row.ok()) return row.error();
        if (row->has_value() && !s.deletions->isDeleted(**row)) {
            loc.segmentIndex = i;
            loc.row = **row;
            return loc;
        }
    }
    return loc;
}

qint64 countLive(const std::vector<LoadedSegment> &segments, const Memtable &mem)
{
    static const Memtable empty;
    qint64 n = 0;
    for (const LoadedSegment &s : segments)
        n += s.segment->rowCount() - s.deletions->deletedCount();
    for (const auto &[id, entry] : mem.entries) {
        const Result<Location> before = locateIn(segments, empty, nullptr, id);
        n += int(!entry.deleted) - int(before.ok() && before->found());
    }
    return n;
}

Result<std::vector<LoadedSegment>> loadSegments(const QString &dir, const Manifest &m,
                                                const std::vector<LoadedSegment> &reuse)
{
    std::vector<LoadedSegment> out;
    for (const SegmentEntry &e : m.segments) {
        LoadedSegment ls;
        ls.entry = e;
        for (const LoadedSegment &old : reuse)
            if (old.entry.id == e.id && old.entry.file == e.file) ls.segment = old.segment;
        if (!ls.segment) {
            Result<std::shared_ptr<Segment>> seg = Segment::open(dir + u'/' + e.file, e.id, m.schema.dimensions);
            if (!seg.ok()) return seg.error();
            ls.segment = *seg;
        }
        if (ls.segment->rowCount() != e.rows)
            return Error(ErrorCode::Corruption,
                         QStringLiteral("Segment %1 holds %2 rows; the manifest says %3.")
                             .arg(e.file)
                             .arg(ls.segment->rowCount())
                             .arg(e.rows),
                         dir + u'/' + e.file);
        if (e.deletionFile.isEmpty()) {
            ls.deletions = std::make_shared<DeletionVector>(e.id, e.rows);
        } else {
            Result<DeletionVector> dv = DeletionVector::read(dir + u'/' + e.deletionFile, e.id, e.rows);
            if (!dv.ok()) return dv.error();
            ls.deletions = std::make_shared<DeletionVector>(dv.takeValue());
        }
        out.push_back(std::move(ls));
    }
    return out;
}

void applyRecords(Memtable &mem, const QList<Record> &records, quint64 lsn)
{
    for (const Record &r : records) {
        MemEntry e;
        e.deleted = r.isDelete();
        e.vector = r.vector;
        e.metadata = r.metadata;
        e.lsn = lsn;
        mem.put(r.id, std::move(e));
    }
}

bool isMissingFile(const Error &e)
{
    return e.code() == ErrorCode::Io && !e.path().isEmpty() && !QFileInfo::exists(e.path());
}

Error Index::Impl::quarantineBytes(const QString &walPath, qint64 offset, qint64 bytes, const QString &reason,
                                   QString *savedTo)
{
    const QString qdir = dir + QStringLiteral("/quarantine");
    if (!QDir().mkpath(qdir))
        return Error(ErrorCode::Io, QStringLiteral("Could not create the quarantine folder %1.").arg(qdir), qdir);
    Result<File> src = File::open(walPath, File::Mode::ReadOnly);
    if (!src.ok()) return src.error();
    QByteArray raw(bytes, Qt::Uninitialized);
    if (Error e = src->readAt(raw.data(), size_t(bytes), offset)) return e;
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString base =
        QStringLiteral("%1/%2-offset%3-%4").arg(qdir, QFileInfo(walPath).fileName()).arg(offset).arg(stamp);
    if (Error e = saveFileAtomically(base + QStringLiteral(".bin"), raw, syncFiles())) return e;
    const QString report = QStringLiteral("Sextant cut these %1 bytes from %2 at offset %3 when opening the index.\n"
                                          "Reason: %4\n")
                               .arg(bytes)
                               .arg(QFileInfo(walPath).fileName())
                               .arg(offset)
                               .arg(reason);
    if (Error e = saveFileAtomically(base + QStringLiteral(".txt"), report.toUtf8(), syncFiles())) return e;
    *savedTo = base + QStringLiteral(".bin");
    return {};
}

Error Index::Impl::handleWalTail(const WalScanResult &scan, const QString &walPath, bool moreLogsFollow)
{
    WalTail t = scan.tail;
    if (t.kind == WalTail::Kind::Clean) return {};
    // A log is only left for the next one after all of its records are
    // complete, so damage in one that has a successor is damage mid-chain.
    if (moreLogsFollow) {
        t.kind = WalTail::Kind::Corrupt;
        t.validFramesAfter = true;
    }
    const QString name = QFileInfo(walPath).fileName();
    const bool corrupt = t.kind == WalTail::Kind::Corrupt;
    if (options.recovery == RecoveryMode::AbsoluteConsistency ||
        (corrupt && t.validFramesAfter && options.recovery == RecoveryMode::TolerateCorruptedTail)) {
        return Error(
            ErrorCode::Corruption,
            corrupt && t.validFramesAfter
                ? QStringLiteral(
                      "The write-ahead log %1 is damaged at byte %2 (%3) and valid records follow the damage. "
                      "Open with point-in-time recovery to keep everything before the damage, or run repair.")
                      .arg(name)
                      .arg(t.offset)
                      .arg(t.reason)
                : QStringLiteral("The write-ahead log %1 ends in %2 at byte %3 (%4), which absolute-consistency "
                                 "recovery does not accept.")
                      .arg(name, corrupt ? QStringLiteral("a damaged record") : QStringLiteral("an unfinished record"))
                      .arg(t.offset)
                      .arg(t.reason),
            walPath);
    }
    openReport.tailCut = !options.readOnly;
    openReport.tailWasCorrupt = corrupt;
    openReport.cutOffset = t.offset;
    openReport.cutBytes = t.bytes;
    openReport.tailReason = t.reason;
    if (options.readOnly) {
        openReport.notes << QStringLiteral("The write-ahead log ends in %1 bytes that are not a complete record (%2); "
                                           "another process may be writing it.")
                                .arg(t.bytes)
                                .arg(t.reason);
        return {};
    }
    if (corrupt) {
        if (t.bytes > 0)
            if (Error e = quarantineBytes(walPath, t.offset, t.bytes, t.reason, &openReport.quarantinedTo)) return e;
        openReport.notes
            << QStringLiteral(
                   "The write-ahead log %1 held a damaged record at byte %2 (%3); the %4 bytes from there on "
                   "were cut%5.")
                   .arg(name)
                   .arg(t.offset)
                   .arg(t.reason)
                   .arg(t.bytes)
                   .arg(openReport.quarantinedTo.isEmpty()
                            ? QString()
                            : QStringLiteral(" and saved to %1")
                                  .arg(QDir(dir).relativeFilePath(openReport.quarantinedTo)));
    } else {
        openReport.notes << QStringLiteral(
                                "The write-ahead log ended in an unfinished record (%1 bytes at byte %2), as an "
                                "interrupted write leaves it; it was cut. No acknowledged write is affected.")
                                .arg(t.bytes)
                                .arg(t.offset);
    }
    return {};
}

Error Index::Impl::replayChain(const QString &firstFile, qint64 offset, quint64 expectedLsn, int dimensions,
                               Memtable *into, QList<QPair<quint64, QList<Record>>> *frames, ChainEnd *end, bool writer)
{
    QString file = firstFile;
    int rereads = 0;
    for (;;) {
        const QString path = filePath(file);
        Result<File> f = File::open(path, File::Mode::ReadOnly);
        if (!f.ok()) return f.error();
        Result<WalScanResult> scan = scanWal(
            *f, offset, offset == 0 ? 0 : expectedLsn,
            [&](uint64_t lsn, uint8_t, const char *payload, size_t size) -> Error {
                Result<QList<Record>> recs = decodeBatchPayload(payload, size);
                if (!recs.ok()) return recs.error();
                // The checksum only says these are the bytes a writer wrote;
                // a vector of another length would be read past its end
                // by search and checkpoint.
                for (const Record &r : *recs)
                    if (!r.isDelete() && r.vector.size() != dimensions)
                        return Error(
                            ErrorCode::Corruption,
                            QStringLiteral("Malformed WAL batch: a %1-dimensional vector in a %2-dimensional index")
                                .arg(r.vector.size())
                                .arg(dimensions));
                if (into) applyRecords(*into, *recs, lsn);
                if (frames) frames->append({lsn, recs.takeValue()});
                return {};
            });
        if (!scan.ok()) return scan.error();
        if (offset == 0 && scan->firstLsn != expectedLsn)
            return Error(ErrorCode::Corruption,
                         QStringLiteral("The write-ahead log %1 starts at record %2, but record %3 comes next.")
                             .arg(file)
                             .arg(scan->firstLsn)
                             .arg(expectedLsn),
                         path);
        end->frames += quint64(scan->frames);
        end->lastLsn = scan->lastLsn;
        end->file = file;
        end->scan = *scan;
        const QString next = wal::fileName(scan->lastLsn + 1);
        const bool hasNext = next != file && QFileInfo::exists(filePath(next));
        const bool incomplete = scan->tail.kind == WalTail::Kind::Incomplete;
        if (!writer && incomplete && hasNext && ++rereads <= 3) {
            // The writer finished this log and moved on after we read it.
            offset = scan->validEnd;
            expectedLsn = scan->lastLsn + 1;
            continue;
        }
        if (Error e = handleWalTail(*scan, path, hasNext)) return e;
        if (!hasNext) return {};
        if (scan->tail.kind != WalTail::Kind::Clean) {
            // Point-in-time recovery stopped in this log: the later ones
            // cannot follow a cut and go to quarantine, whole.
            const QString qdir = dir + QStringLiteral("/quarantine");
            QDir().mkpath(qdir);
            for (QString later = next; QFileInfo::exists(filePath(later));) {
                Result<File> lf = File::open(filePath(later), File::Mode::ReadOnly);
                Result<WalScanResult> ls = lf.ok() ? scanWal(*lf, 0, 0, {}) : Result<WalScanResult>(lf.error());
                if (Error e = renameFile(filePath(later), qdir + u'/' + later)) return e;
                openReport.notes
                    << QStringLiteral("The log %1, which followed the damage, was moved to quarantine/.").arg(later);
                if (!ls.ok()) break;
                later = wal::fileName(ls->lastLsn + 1);
            }
            return {};
        }
        end->olderBytes += scan->validEnd;
        file = next;
        offset = 0;
        expectedLsn = scan->lastLsn + 1;
        rereads = 0;
    }
}

void Index::Impl::installLoaded(Manifest m, const QByteArray &bytes, std::vector<LoadedSegment> segs, Memtable replayed,
                                const ChainEnd &end)
{
    const qint64 live = countLive(segs, replayed);
    std::unique_lock lock(stateMutex);
    manifest = std::move(m);
    manifestBytes = bytes;
    segments = std::move(segs);
    mem = std::move(replayed);
    lastLsn = std::max<quint64>(end.lastLsn, manifest.checkpointLsn);
    liveCount = live;
    nextSegmentId = manifest.nextSegmentId;
    walFile = end.file;
    walEnd = end.scan.validEnd;
    olderLogBytes = end.olderBytes;
}

Error Index::Impl::loadFromManifest(bool writer)
{
    // A reader can race a writer that retires files between our reading the
    // manifest and opening them; then the newer manifest names files that exist.
    Error last;
    for (int attempt = 0; attempt < 5; ++attempt) {
        const QString mpath = filePath(manifest::currentName());
        Result<QByteArray> bytes = readWholeFile(mpath, manifest::kMaxBodyBytes + manifest::kEnvelopeSize);
        if (!bytes.ok()) return bytes.error();
        Result<Manifest> m = Manifest::decode(*bytes, mpath);
        if (!m.ok()) return m.error();
        // A checksum-valid manifest whose counters or ids are wrong: writing
        // on would give a new file the name of a live one. Readers go on.
        if (const QStringList wrong = m->inconsistencies(); writer && !wrong.isEmpty())
            return Error(
                ErrorCode::Corruption,
                QStringLiteral("The manifest %1 is inconsistent although its checksum is right: %2. Writing to the "
                               "index could replace live files, so it is not opened for writing; run verify, then "
                               "repair.")
                    .arg(mpath, wrong.join(QStringLiteral("; "))),
                mpath);
        Result<std::vector<LoadedSegment>> segs = loadSegments(dir, *m, {});
        if (!segs.ok()) {
            last = segs.error();
            if (!writer && isMissingFile(last)) continue;
            return last;
        }
        Memtable replayed;
        ChainEnd end;
        const OpenReport reportBefore = openReport;
        if (Error e = replayChain(m->walFile, 0, m->checkpointLsn + 1, m->schema.dimensions, &replayed, nullptr, &end,
                                  writer)) {
            last = e;
            openReport = reportBefore;
            if (!writer && isMissingFile(e)) continue;
            return e;
        }
        if (writer) {
            Result<WalWriter> w = WalWriter::openForAppend(filePath(end.file), end.scan.validEnd, syncFiles());
            if (!w.ok()) return w.error();
            wal.emplace(w.takeValue());
        }
        installLoaded(m.takeValue(), *bytes, segs.takeValue(), std::move(replayed), end);
        openReport.replayedFrames = end.frames;
        openReport.lastLsn = lastLsn;
        return {};
    }
    return last;
}

Result<bool> Index::Impl::refreshReadOnly()
{
    std::lock_guard guard(refreshMutex);
    // The open report describes the open; catching up adds nothing to it.
    const OpenReport report = openReport;
    const auto restoreReport = qScopeGuard([&] { openReport = report; });
    const QString mpath = filePath(manifest::currentName());
    for (int attempt = 0; attempt < 5; ++attempt) {
        Result<QByteArray> bytes = readWholeFile(mpath, manifest::kMaxBodyBytes + manifest::kEnvelopeSize);
        if (!bytes.ok()) return bytes.error();
        if (*bytes == manifestBytes) {
            // Same generation: the records appended since the last look.
            QList<QPair<quint64, QList<Record>>> frames;
            ChainEnd end;
            Error e = replayChain(walFile, walEnd, lastLsn + 1, schema.dimensions, nullptr, &frames, &end, false);
            if (e && isMissingFile(e)) continue; // a checkpoint retired it: reload below
            if (e) return e;
            if (frames.isEmpty() && end.file == walFile) return false;
            std::unique_lock lock(stateMutex);
            for (const auto &[lsn, recs] : frames) {
                applyRecords(mem, recs, lsn);
                for (const Record &r : recs)
                    graphChanged(r.id);
            }
            lastLsn = std::max(lastLsn, end.lastLsn);
            if (end.file != walFile) olderLogBytes += end.olderBytes;
            walFile = end.file;
            walEnd = end.scan.validEnd;
            liveCount = countLive(segments, mem);
            return !frames.isEmpty();
        }
        // A checkpoint happened: load the new generation, reusing mapped segments.
        Result<Manifest> m = Manifest::decode(*bytes, mpath);
        if (!m.ok()) return m.error();
        std::vector<LoadedSegment> reuse;
        {
            std::shared_lock lock(stateMutex);
            reuse = segments;
        }
        Result<std::vector<LoadedSegment>> segs = loadSegments(dir, *m, reuse);
        if (!segs.ok()) {
            if (isMissingFile(segs.error())) continue;
            return segs.error();
        }
        Memtable replayed;
        ChainEnd end;
        if (Error e = replayChain(m->walFile, 0, m->checkpointLsn + 1, m->schema.dimensions, &replayed, nullptr, &end,
                                  false)) {
            if (isMissingFile(e)) continue;
            return e;
        }
        installLoaded(m.takeValue(), *bytes, segs.takeValue(), std::move(replayed), end);
        followGraphConversion();
        if (graph) graph->reconcileLater();
        return true;
    }
    return Error(ErrorCode::Io, QStringLiteral("The index kept changing while it was being re-read; try again."), dir);
}

} // namespace sextant
