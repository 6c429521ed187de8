// The writer side of an Index: group commit, checkpoint and compaction.
// Everything here runs on the write queue's thread (or in close(), after
// that thread has stopped), so it reads the state without locking and takes
// stateMutex exclusively only to change it.

#include "index/IndexImpl.h"
#include "storage/FileIo.h"

#include <QDir>
#include <QHash>

namespace sextant {

using namespace storage;

namespace {

WriteResult okResult(quint64 lsn, int items)
{
    WriteResult r;
    r.lsn = lsn;
    r.items = items;
    return r;
}

void finish(WriteRequest &req, const WriteResult &result)
{
    req.promise.addResult(result);
    req.promise.finish();
}

// Rows of the memtable's live entries, in id order.
class MemtableRows : public SegmentRowSource {
public:
    explicit MemtableRows(const Memtable &mem)
    {
        for (const auto &[id, e] : mem.entries)
            if (!e.deleted) m_rows.push_back({&id, &e});
    }
    qint64 rowCount() const override { return qint64(m_rows.size()); }
    QByteArrayView id(qint64 r) const override { return *m_rows[size_t(r)].first; }
    const float *vector(qint64 r) const override { return m_rows[size_t(r)].second->vector.constData(); }
    QByteArrayView metadata(qint64 r) const override { return m_rows[size_t(r)].second->metadata; }

private:
    std::vector<std::pair<const QByteArray *, const MemEntry *>> m_rows;
};

// Live rows of several segments merged in id order (for compaction). The
// segments' blocks are verified before this is built, so views are safe.
class MergedRows : public SegmentRowSource {
public:
    struct Ref {
        const LoadedSegment *seg;
        qint64 row;
        QByteArrayView id;
        QByteArrayView metadata;
    };
    std::vector<Ref> refs;
    qint64 rowCount() const override { return qint64(refs.size()); }
    QByteArrayView id(qint64 r) const override { return refs[size_t(r)].id; }
    const float *vector(qint64 r) const override { return refs[size_t(r)].seg->segment->vectorData(refs[size_t(r)].row); }
    QByteArrayView metadata(qint64 r) const override { return refs[size_t(r)].metadata; }
};

QList<FileRecord> fileRecordsOf(const std::vector<LoadedSegment> &segs, const Manifest &old,
                                const QList<FileRecord> &fresh)
{
    auto lookup = [&](const QString &name) -> FileRecord {
        for (const FileRecord &f : fresh)
            if (f.name == name) return f;
        if (const FileRecord *f = old.fileRecord(name)) return *f;
        return FileRecord{name, 0, {}};
    };
    QList<FileRecord> out;
    for (const LoadedSegment &s : segs) {
        out.append(lookup(s.entry.file));
        if (!s.entry.deletionFile.isEmpty()) out.append(lookup(s.entry.deletionFile));
    }
    return out;
}

} // namespace

void Index::Impl::processGroup(WriteGroup &group)
{
    WriteRequest &first = *group.front();
    if (first.kind != WriteRequest::Kind::Write) {
        Error e = failure;
        if (e.ok()) e = first.kind == WriteRequest::Kind::Checkpoint ? checkpointLocked() : compactLocked();
        finish(first, e.ok() ? okResult(lastLsn, 0) : failedWrite(e));
        return;
    }
    processWrites(group);
    if (failure.ok() && wal && wal->size() >= options.checkpointWalBytes) {
        if (Error e = checkpointLocked())
            qWarning("sextant: automatic checkpoint failed: %s", qPrintable(e.toString()));
    }
}

WriteResult Index::Impl::processWrites(WriteGroup &group)
{
    if (!failure.ok()) {
        for (auto &req : group) finish(*req, failedWrite(failure));
        return {};
    }
    // Existence as it will be after the requests accepted so far in this group.
    QHash<QByteArray, bool> overlay;
    auto existsNow = [&](const QByteArray &id, Error *err) -> bool {
        const auto it = overlay.constFind(id);
        if (it != overlay.constEnd()) return *it;
        const Result<Location> loc = locate(id);
        if (!loc.ok()) {
            *err = loc.error();
            return false;
        }
        return loc->found();
    };

    QByteArray frames;
    struct Accepted {
        WriteRequest *request;
        quint64 lsn;
        qint64 liveDelta; // items added minus items removed
    };
    std::vector<Accepted> accepted;
    quint64 lsn = lastLsn;
    for (auto &req : group) {
        Error err;
        QHash<QByteArray, bool> local;
        qint64 liveDelta = 0;
        for (qsizetype i = 0; i < req->records.size() && err.ok(); ++i) {
            const Record &r = req->records[i];
            const auto li = local.constFind(r.id);
            const bool exists = li != local.constEnd() ? *li : existsNow(r.id, &err);
            if (!err.ok()) break;
            const QString shown = QString::fromUtf8(r.id.left(200));
            if (r.type == RecordType::Insert && exists)
                err = Error(ErrorCode::AlreadyExists,
                            QStringLiteral("An item with the id \"%1\" already exists; use upsert to replace it.").arg(shown));
            else if (r.type == RecordType::Delete && !exists)
                err = Error(ErrorCode::NotFound, QStringLiteral("There is no item with the id \"%1\".").arg(shown));
            if (!err.ok() && req->records.size() > 1)
                err = Error(err.code(), QStringLiteral("Item %1 of the batch: %2").arg(i + 1).arg(err.message()));
            local.insert(r.id, !r.isDelete());
            liveDelta += int(!r.isDelete()) - int(exists);
        }
        if (!err.ok()) {
            finish(*req, failedWrite(err));
            continue;
        }
        for (auto it = local.constBegin(); it != local.constEnd(); ++it) overlay.insert(it.key(), it.value());
        ++lsn;
        const qsizetype start = wal::beginFrame(frames, wal::kFrameBatch, lsn);
        encodeBatchPayload(frames, req->records);
        wal::endFrame(frames, start);
        accepted.push_back({req.get(), lsn, liveDelta});
    }
    if (accepted.empty()) return {};

    Error ioError = wal->append(frames);
    if (ioError.ok() && syncWal()) {
        ioError = wal->sync();
        // After a failed fdatasync the kernel may have dropped the dirty
        // pages; nothing written since the last good sync can be trusted.
        if (!ioError.ok()) failure = Error(ErrorCode::Io,
                                           QStringLiteral("%1. The index stopped accepting writes; close and reopen it.")
                                               .arg(ioError.message()), ioError.path());
    } else if (!ioError.ok() && ioError.message().contains(QStringLiteral("cutting the partial write also failed"))) {
        failure = ioError;
    }
    if (!ioError.ok()) {
        for (const Accepted &a : accepted) finish(*a.request, failedWrite(ioError));
        return {};
    }

    {
        std::unique_lock lock(stateMutex);
        for (const Accepted &a : accepted) {
            for (Record &r : a.request->records) {
                MemEntry e;
                e.deleted = r.isDelete();
                e.vector = std::move(r.vector);
                e.metadata = std::move(r.metadata);
                e.lsn = a.lsn;
                mem.put(r.id, std::move(e));
            }
            liveCount += a.liveDelta;
        }
        lastLsn = lsn;
    }
    for (const Accepted &a : accepted) finish(*a.request, okResult(a.lsn, int(a.request->records.size())));
    return {};
}

Error Index::Impl::publish(Manifest next, std::vector<LoadedSegment> nextSegments)
{
    if (Error e = publishManifest(dir, next, manifestBytes, syncFiles())) return e;
    std::unique_lock lock(stateMutex);
    manifestBytes = next.encode();
    manifest = std::move(next);
    segments = std::move(nextSegments);
    return {};
}

Error Index::Impl::checkpointLocked()
{
    if (!wal) return {};
    if (lastLsn == manifest.checkpointLsn) return {}; // nothing logged since the last one
    const int dims = manifest.schema.dimensions;
    const quint64 generation = manifest.generation + 1;
    Manifest next = manifest;
    std::vector<LoadedSegment> nextSegments = segments;
    QList<FileRecord> fresh;

    // 1. The memtable's live entries become a new segment.
    const MemtableRows rows(mem);
    if (rows.rowCount() > 0) {
        const quint64 id = next.nextSegmentId++;
        Result<FileRecord> written = writeSegment(dir, id, dims, rows, syncFiles());
        if (!written.ok()) return written.error();
        Result<std::shared_ptr<Segment>> seg = Segment::open(filePath(written->name), id, dims);
        if (!seg.ok()) return seg.error();
        fresh.append(*written);
        LoadedSegment ls;
        ls.entry = SegmentEntry{id, written->name, rows.rowCount(), 0, {}};
        ls.segment = *seg;
        ls.deletions = std::make_shared<DeletionVector>(id, rows.rowCount());
        nextSegments.push_back(ls); // kept last: newest
    }

    // 2. Rows of older segments that the memtable replaced or deleted.
    std::vector<std::optional<DeletionVector>> changed(segments.size());
    for (const auto &[id, e] : mem.entries) {
        for (size_t i = 0; i < segments.size(); ++i) {
            const Result<std::optional<qint64>> row = segments[i].segment->find(id);
            if (!row.ok()) return row.error();
            if (!row->has_value() || segments[i].deletions->isDeleted(**row)) continue;
            if (!changed[i]) changed[i] = *segments[i].deletions;
            changed[i]->markDeleted(**row);
        }
    }
    for (size_t i = 0; i < segments.size(); ++i) {
        if (!changed[i]) continue;
        LoadedSegment &ls = nextSegments[i];
        ls.deletions = std::make_shared<DeletionVector>(*changed[i]);
        ls.entry.deletedRows = changed[i]->deletedCount();
        if (ls.entry.deletedRows == ls.entry.rows) continue; // dropped below
        Result<FileRecord> written = changed[i]->write(dir, generation, syncFiles());
        if (!written.ok()) return written.error();
        fresh.append(*written);
        ls.entry.deletionFile = written->name;
    }
    // A segment whose every row is gone is no longer needed.
    std::erase_if(nextSegments, [](const LoadedSegment &s) { return s.entry.deletedRows == s.entry.rows; });

    // 3. A fresh WAL for what comes after this checkpoint.
    const QString walName = wal::fileName(lastLsn + 1);
    std::optional<WalWriter> nextWal;
    Result<WalWriter> w = WalWriter::create(filePath(walName), lastLsn + 1, syncFiles());
    if (!w.ok()) return w.error();
    nextWal.emplace(w.takeValue());
    if (syncFiles())
        if (Error e = syncDirectory(dir)) return e;

    // 4. Publish.
    next.generation = generation;
    next.checkpointLsn = lastLsn;
    next.walFile = walName;
    next.liveItems = liveCount;
    next.checkpointed = QDateTime::currentDateTimeUtc();
    next.segments.clear();
    for (const LoadedSegment &s : nextSegments) next.segments.append(s.entry);
    next.files = fileRecordsOf(nextSegments, manifest, fresh);
    if (Error e = publish(std::move(next), std::move(nextSegments))) return e;
    {
        std::unique_lock lock(stateMutex);
        mem.clear();
        wal.emplace(std::move(*nextWal));
    }
    retireUnreferencedFiles();
    return {};
}

Error Index::Impl::compactLocked()
{
    if (Error e = checkpointLocked()) return e;
    qint64 deleted = 0;
    for (const LoadedSegment &s : segments) deleted += s.entry.deletedRows;
    if (segments.size() <= 1 && deleted == 0) return {};

    // Nothing damaged may be copied into the new segment unnoticed.
    for (const LoadedSegment &s : segments) {
        Error bad;
        s.segment->verifyAllBlocks([&](qint64 offset, qint64) {
            if (bad.ok())
                bad = Error(ErrorCode::Corruption,
                            QStringLiteral("Compaction stopped: segment %1 is damaged at byte %2. Run verify and repair first.")
                                .arg(s.entry.file).arg(offset),
                            filePath(s.entry.file));
        });
        if (bad) return bad;
    }
    MergedRows merged;
    merged.refs.reserve(size_t(liveCount));
    std::vector<qint64> cursor(segments.size(), 0);
    for (;;) {
        int best = -1;
        QByteArrayView bestId;
        for (size_t i = 0; i < segments.size(); ++i) {
            const LoadedSegment &s = segments[i];
            while (cursor[i] < s.segment->rowCount() && s.deletions->isDeleted(cursor[i])) ++cursor[i];
            if (cursor[i] >= s.segment->rowCount()) continue;
            const Result<QByteArrayView> id = s.segment->id(cursor[i]);
            if (!id.ok()) return id.error();
            if (best < 0 || id->compare(bestId) < 0) {
                best = int(i);
                bestId = *id;
            }
        }
        if (best < 0) break;
        const LoadedSegment &s = segments[size_t(best)];
        const Result<QByteArrayView> meta = s.segment->metadataView(cursor[size_t(best)]);
        if (!meta.ok()) return meta.error();
        merged.refs.push_back({&s, cursor[size_t(best)], bestId, *meta});
        ++cursor[size_t(best)];
    }

    Manifest next = manifest;
    const quint64 id = next.nextSegmentId++;
    Result<FileRecord> written = writeSegment(dir, id, manifest.schema.dimensions, merged, syncFiles());
    if (!written.ok()) return written.error();
    Result<std::shared_ptr<Segment>> seg = Segment::open(filePath(written->name), id, manifest.schema.dimensions);
    if (!seg.ok()) return seg.error();
    std::vector<LoadedSegment> nextSegments;
    if (merged.rowCount() > 0) {
        LoadedSegment ls;
        ls.entry = SegmentEntry{id, written->name, merged.rowCount(), 0, {}};
        ls.segment = *seg;
        ls.deletions = std::make_shared<DeletionVector>(id, merged.rowCount());
        nextSegments.push_back(ls);
    }
    next.generation = manifest.generation + 1;
    next.checkpointed = QDateTime::currentDateTimeUtc();
    next.liveItems = liveCount;
    next.segments.clear();
    for (const LoadedSegment &s : nextSegments) next.segments.append(s.entry);
    next.files = fileRecordsOf(nextSegments, manifest, {*written});
    if (Error e = publish(std::move(next), std::move(nextSegments))) return e;
    retireUnreferencedFiles();
    return {};
}

void Index::Impl::retireUnreferencedFiles()
{
    // Files named by the current or the previous manifest stay: the previous
    // generation is the fallback that repair can return to.
    QSet<QString> keep;
    auto keepAll = [&](const Manifest &m) {
        keep.insert(m.walFile);
        for (const FileRecord &f : m.files) keep.insert(f.name);
    };
    keepAll(manifest);
    const QString prevPath = filePath(manifest::previousName());
    if (QFileInfo::exists(prevPath)) {
        const Result<Manifest> prev = Manifest::read(prevPath);
        if (!prev.ok()) return; // unsure what it needs: remove nothing
        keepAll(*prev);
    }
    const QStringList ours = QDir(dir).entryList({QStringLiteral("seg-*.sxs"), QStringLiteral("del-*.sxd"),
                                                  QStringLiteral("wal-*.log")},
                                                 QDir::Files);
    bool removed = false;
    for (const QString &name : ours) {
        if (keep.contains(name)) continue;
        if (Error e = removeFile(filePath(name))) {
            qWarning("sextant: %s", qPrintable(e.toString()));
            continue;
        }
        removed = true;
    }
    if (removed && syncFiles()) syncDirectory(dir);
}

} // namespace sextant
