#include "index/Index.h"

#include "index/IndexImpl.h"
#include "storage/FileIo.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#include <thread>

namespace sextant {

using namespace storage;

QByteArray metadataBytes(const QJsonObject &metadata)
{
    if (metadata.isEmpty()) return QByteArrayLiteral("{}");
    return QJsonDocument(metadata).toJson(QJsonDocument::Compact);
}

QJsonObject parseMetadata(const QByteArray &bytes, Error *error)
{
    if (bytes.isEmpty() || bytes == "{}") return {};
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error) *error = Error(ErrorCode::Corruption, QStringLiteral("Stored metadata is not a JSON object."));
        return {};
    }
    return doc.object();
}

namespace {

Result<Location> locateIn(const std::vector<LoadedSegment> &segments, const Memtable &mem, const QByteArray &id)
{
    Location loc;
    if (const MemEntry *e = mem.find(id)) {
        if (!e->deleted) loc.mem = e;
        return loc;
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

bool liveInSegments(const std::vector<LoadedSegment> &segments, const QByteArray &id)
{
    static const Memtable empty;
    const Result<Location> loc = locateIn(segments, empty, id);
    return loc.ok() && loc->found();
}

qint64 countLive(const std::vector<LoadedSegment> &segments, const Memtable &mem)
{
    qint64 n = 0;
    for (const LoadedSegment &s : segments) n += s.segment->rowCount() - s.deletions->deletedCount();
    for (const auto &[id, entry] : mem.entries) {
        const bool before = liveInSegments(segments, id);
        n += int(!entry.deleted) - int(before);
    }
    return n;
}

// Opens the segments a manifest names, reusing ones already mapped.
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
                         QStringLiteral("Segment %1 holds %2 rows; the manifest says %3.").arg(e.file).arg(ls.segment->rowCount()).arg(e.rows),
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
    return e.code() == ErrorCode::Io && !QFileInfo::exists(e.path());
}

} // namespace

Result<Location> Index::Impl::locate(const QByteArray &id) const { return locateIn(segments, mem, id); }

// ------------------------------------------------------------------ open

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
    const QString base = QStringLiteral("%1/%2-offset%3-%4").arg(qdir, QFileInfo(walPath).fileName()).arg(offset).arg(stamp);
    if (Error e = saveFileAtomically(base + QStringLiteral(".bin"), raw, syncFiles())) return e;
    const QString report = QStringLiteral(
        "Sextant cut these %1 bytes from the end of %2 at offset %3 when opening the index.\n"
        "Reason: %4\nThey were never part of the index's acknowledged state that could be read back.\n")
                               .arg(bytes).arg(QFileInfo(walPath).fileName()).arg(offset).arg(reason);
    if (Error e = saveFileAtomically(base + QStringLiteral(".txt"), report.toUtf8(), syncFiles())) return e;
    *savedTo = base + QStringLiteral(".bin");
    return {};
}

Error Index::Impl::handleWalTail(const WalScanResult &scan, const QString &walPath)
{
    const WalTail &t = scan.tail;
    if (t.kind == WalTail::Kind::Clean) return {};
    const QString name = QFileInfo(walPath).fileName();
    const bool corrupt = t.kind == WalTail::Kind::Corrupt;
    if (options.recovery == RecoveryMode::AbsoluteConsistency
        || (corrupt && t.validFramesAfter && options.recovery == RecoveryMode::TolerateCorruptedTail)) {
        return Error(ErrorCode::Corruption,
                     corrupt && t.validFramesAfter
                         ? QStringLiteral("The write-ahead log %1 is damaged at byte %2 (%3) and valid records follow the damage. "
                                          "Open with point-in-time recovery to keep everything before the damage, or run repair.")
                               .arg(name).arg(t.offset).arg(t.reason)
                         : QStringLiteral("The write-ahead log %1 ends in %2 at byte %3 (%4), which absolute-consistency recovery does not accept.")
                               .arg(name, corrupt ? QStringLiteral("a damaged record") : QStringLiteral("an unfinished record"))
                               .arg(t.offset).arg(t.reason),
                     walPath);
    }
    openReport.tailCut = !options.readOnly;
    openReport.tailWasCorrupt = corrupt;
    openReport.cutOffset = t.offset;
    openReport.cutBytes = t.bytes;
    openReport.tailReason = t.reason;
    if (options.readOnly) {
        openReport.notes << QStringLiteral("The write-ahead log ends in %1 bytes that are not a complete record (%2); "
                                           "another process may be writing it.").arg(t.bytes).arg(t.reason);
        return {};
    }
    if (corrupt) {
        if (Error e = quarantineBytes(walPath, t.offset, t.bytes, t.reason, &openReport.quarantinedTo)) return e;
        openReport.notes << QStringLiteral("The write-ahead log held a damaged record at byte %1 (%2); the %3 bytes from there on "
                                           "were cut and saved to %4.")
                                .arg(t.offset).arg(t.reason).arg(t.bytes).arg(QDir(dir).relativeFilePath(openReport.quarantinedTo));
    } else {
        openReport.notes << QStringLiteral("The write-ahead log ended in an unfinished record (%1 bytes at byte %2), as an "
                                           "interrupted write leaves it; it was cut. No acknowledged write is affected.")
                                .arg(t.bytes).arg(t.offset);
    }
    return {};
}

Error Index::Impl::replayWal(WalScanResult *scan, Memtable *into, qint64 *liveDelta, quint64 *lastLsnOut,
                             const QString &walPath, qint64 startOffset, quint64 expectedLsn)
{
    Q_UNUSED(liveDelta);
    Result<File> f = File::open(walPath, File::Mode::ReadOnly);
    if (!f.ok()) return f.error();
    Result<WalScanResult> r = scanWal(*f, startOffset, expectedLsn,
                                      [&](uint64_t lsn, uint8_t, const char *payload, size_t size) -> Error {
                                          Result<QList<Record>> recs = decodeBatchPayload(payload, size);
                                          if (!recs.ok()) return recs.error();
                                          applyRecords(*into, *recs, lsn);
                                          return {};
                                      });
    if (!r.ok()) return r.error();
    *scan = *r;
    *lastLsnOut = r->lastLsn;
    return {};
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
        Result<std::vector<LoadedSegment>> segs = loadSegments(dir, *m, {});
        if (!segs.ok()) {
            last = segs.error();
            if (!writer && isMissingFile(last)) continue;
            return last;
        }
        Memtable replayed;
        WalScanResult scan;
        quint64 walLast = 0;
        const QString walPath = filePath(m->walFile);
        if (Error e = replayWal(&scan, &replayed, nullptr, &walLast, walPath, 0, 0)) {
            last = e;
            if (!writer && isMissingFile(e)) continue;
            return e;
        }
        if (scan.firstLsn != m->checkpointLsn + 1)
            return Error(ErrorCode::Corruption,
                         QStringLiteral("The write-ahead log %1 starts at record %2, but the manifest expects %3.")
                             .arg(m->walFile).arg(scan.firstLsn).arg(m->checkpointLsn + 1),
                         walPath);
        if (Error e = handleWalTail(scan, walPath)) return e;
        if (writer) {
            Result<WalWriter> w = WalWriter::openForAppend(walPath, scan.validEnd, syncFiles());
            if (!w.ok()) return w.error();
            wal.emplace(w.takeValue());
        }
        std::unique_lock lock(stateMutex);
        manifest = m.takeValue();
        manifestBytes = *bytes;
        segments = segs.takeValue();
        mem = std::move(replayed);
        lastLsn = std::max<quint64>(walLast, manifest.checkpointLsn);
        liveCount = countLive(segments, mem);
        walReadOffset = scan.validEnd;
        openReport.replayedFrames = quint64(scan.frames);
        openReport.lastLsn = lastLsn;
        return {};
    }
    return last;
}

Index::Index(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

Index::~Index()
{
    if (d && d->queue && d->queue->isWriterThread()) {
        // The last reference was dropped in a continuation running on the
        // writer thread, which cannot wait for itself: finish on another one.
        // close() there joins the writer thread once this continuation returns.
        std::thread([impl = d.release()] { Index(std::unique_ptr<Impl>(impl)).close(); }).detach();
        return;
    }
    close();
}

bool Index::exists(const QString &path)
{
    return QFileInfo::exists(path + u'/' + manifest::currentName());
}

std::optional<LockHolder> Index::lockHolder(const QString &path) { return WriterLock::holder(path); }

Result<std::shared_ptr<Index>> Index::create(const QString &path, const Schema &schema, Durability durability,
                                             const OpenOptions &options)
{
    if (Error e = schema.validateSelf()) return e;
    const QDir dir(path);
    if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
        if (exists(path))
            return Error(ErrorCode::AlreadyExists, QStringLiteral("There is already an index in %1.").arg(path), path);
        return Error(ErrorCode::AlreadyExists,
                     QStringLiteral("The folder %1 is not empty; choose an empty or new folder for the index.").arg(path), path);
    }
    if (!QDir().mkpath(path))
        return Error(ErrorCode::Io, QStringLiteral("Could not create the folder %1.").arg(path), path);
    const bool sync = durability != Durability::Off;
    {
        Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(path, options.applicationName);
        if (!lock.ok()) return lock.error();
        Manifest m;
        m.generation = 1;
        m.schema = schema;
        m.durability = durability;
        m.checkpointLsn = 0;
        m.walFile = wal::fileName(1);
        m.created = m.checkpointed = QDateTime::currentDateTimeUtc();
        Result<WalWriter> w = WalWriter::create(path + u'/' + m.walFile, 1, sync);
        if (!w.ok()) return w.error();
        if (Error e = publishManifest(path, m, {}, sync)) return e;
        if (sync) {
            const QString parent = QFileInfo(QFileInfo(path).absoluteFilePath()).absolutePath();
            if (Error e = syncDirectory(parent)) return e;
        }
    }
    return open(path, options);
}

Result<std::shared_ptr<Index>> Index::open(const QString &path, const OpenOptions &options)
{
    if (!QFileInfo(path).isDir())
        return Error(ErrorCode::NotFound, QStringLiteral("The folder %1 does not exist.").arg(path), path);
    if (!exists(path))
        return Error(ErrorCode::NotFound,
                     QStringLiteral("%1 is not a Sextant index: it has no MANIFEST file.").arg(path), path);
    auto impl = std::make_unique<Impl>();
    impl->dir = QFileInfo(path).absoluteFilePath();
    impl->options = options;
    if (!options.readOnly) {
        Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(impl->dir, options.applicationName);
        if (!lock.ok()) return lock.error();
        impl->lock = lock.takeValue();
    }
    if (Error e = impl->loadFromManifest(!options.readOnly)) return e;
    impl->durability = options.durability.value_or(impl->manifest.durability);
    impl->schema = impl->manifest.schema;
    if (!options.readOnly) {
        impl->retireUnreferencedFiles();
        Impl *raw = impl.get();
        impl->queue = std::make_unique<WriteQueue>([raw](WriteGroup &g) { raw->processGroup(g); });
    }
    return std::shared_ptr<Index>(new Index(std::move(impl)));
}

Error Index::close()
{
    if (!d || d->closed) return {};
    if (d->queue && d->queue->isWriterThread())
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("An index cannot be closed from a continuation running on its own writer thread; "
                                    "close it from another thread."));
    Error result;
    if (d->queue) {
        d->queue->stop();
        if (d->failure.ok()) {
            std::unique_lock lock(d->stateMutex, std::defer_lock); // checkpointLocked locks itself
            result = d->checkpointLocked();
            if (result.ok() && d->durability == Durability::Normal && d->wal) result = d->wal->sync();
        } else {
            result = d->failure;
        }
        if (d->wal) d->wal->close();
        d->queue.reset();
    }
    d->lock.reset();
    d->closed = true;
    return result;
}

QString Index::path() const { return d->dir; }
Schema Index::schema() const { return d->schema; }
bool Index::isReadOnly() const { return d->options.readOnly; }
Durability Index::durability() const { return d->durability; }
const OpenReport &Index::openReport() const { return d->openReport; }

// ----------------------------------------------------------------- writes

Error Index::validate(const WriteOp &op) const
{
    if (Error e = validateId(op.item.id)) return e;
    if (op.kind == WriteOp::Kind::Delete) return {};
    const Schema &schema = d->schema;
    if (Error e = schema.validateVector(std::span<const float>(op.item.vector.constData(), size_t(op.item.vector.size()))))
        return e;
    const QByteArray meta = metadataBytes(op.item.metadata);
    return schema.validateMetadata(op.item.metadata, meta.size());
}

QFuture<WriteResult> Index::write(QList<WriteOp> batch, Priority priority)
{
    if (d->closed) return finishedWrite(failedWrite(Error(ErrorCode::Closed, QStringLiteral("The index is closed."))));
    if (d->options.readOnly)
        return finishedWrite(failedWrite(Error(ErrorCode::ReadOnly,
                                               QStringLiteral("The index is open read-only; it cannot be changed here."))));
    if (batch.isEmpty())
        return finishedWrite(failedWrite(Error(ErrorCode::InvalidArgument, QStringLiteral("The batch holds no items."))));
    auto request = std::make_unique<WriteRequest>();
    request->priority = priority;
    request->records.reserve(batch.size());
    const Schema &schema = d->schema;
    QSet<QByteArray> seen;
    seen.reserve(batch.size());
    for (qsizetype i = 0; i < batch.size(); ++i) {
        WriteOp &op = batch[i];
        auto fail = [&](const Error &e) {
            if (batch.size() == 1) return finishedWrite(failedWrite(e));
            return finishedWrite(failedWrite(Error(e.code(),
                                                   QStringLiteral("Item %1 of the batch (id \"%2\"): %3")
                                                       .arg(i + 1).arg(op.item.id.left(80), e.message()),
                                                   e.path())));
        };
        if (Error e = validateId(op.item.id)) return fail(e);
        Record r;
        r.id = op.item.id.toUtf8();
        if (seen.contains(r.id))
            return fail(Error(ErrorCode::DuplicateId,
                              QStringLiteral("The id \"%1\" appears more than once in the batch.").arg(op.item.id.left(80))));
        seen.insert(r.id);
        switch (op.kind) {
        case WriteOp::Kind::Insert: r.type = RecordType::Insert; break;
        case WriteOp::Kind::Upsert: r.type = RecordType::Upsert; break;
        case WriteOp::Kind::Delete: r.type = RecordType::Delete; break;
        }
        if (!r.isDelete()) {
            if (Error e = schema.validateVector(std::span<const float>(op.item.vector.constData(), size_t(op.item.vector.size()))))
                return fail(e);
            r.metadata = metadataBytes(op.item.metadata);
            if (Error e = schema.validateMetadata(op.item.metadata, r.metadata.size())) return fail(e);
            r.vector = std::move(op.item.vector);
        }
        request->bytes += 16 + r.id.size() + r.vector.size() * 4 + r.metadata.size();
        request->records.append(std::move(r));
    }
    return d->queue->submit(std::move(request));
}

QFuture<WriteResult> Index::insert(Item item, Priority priority) { return write({WriteOp::insert(std::move(item))}, priority); }
QFuture<WriteResult> Index::upsert(Item item, Priority priority) { return write({WriteOp::upsert(std::move(item))}, priority); }
QFuture<WriteResult> Index::remove(const QString &id, Priority priority) { return write({WriteOp::remove(id)}, priority); }

static QFuture<WriteResult> submitControl(Index::Impl *d, WriteRequest::Kind kind)
{
    if (d->closed) return finishedWrite(failedWrite(Error(ErrorCode::Closed, QStringLiteral("The index is closed."))));
    if (d->options.readOnly)
        return finishedWrite(failedWrite(Error(ErrorCode::ReadOnly, QStringLiteral("The index is open read-only."))));
    auto request = std::make_unique<WriteRequest>();
    request->kind = kind;
    request->priority = Priority::Bulk; // after the writes queued before it
    return d->queue->submit(std::move(request));
}

QFuture<WriteResult> Index::checkpoint() { return submitControl(d.get(), WriteRequest::Kind::Checkpoint); }
QFuture<WriteResult> Index::compact() { return submitControl(d.get(), WriteRequest::Kind::Compact); }

// ------------------------------------------------------------------ reads

static Result<Item> itemAt(const Index::Impl &d, const QString &id, const Location &loc, bool withVector)
{
    Item item;
    item.id = id;
    Error err;
    if (loc.mem) {
        if (withVector) item.vector = loc.mem->vector;
        item.metadata = parseMetadata(loc.mem->metadata, &err);
    } else {
        const Segment &seg = *d.segments[size_t(loc.segmentIndex)].segment;
        if (withVector) {
            Result<std::vector<float>> v = seg.vectorChecked(loc.row);
            if (!v.ok()) return v.error();
            item.vector = QVector<float>(v->begin(), v->end());
        }
        Result<QByteArrayView> meta = seg.metadataView(loc.row);
        if (!meta.ok()) return meta.error();
        item.metadata = parseMetadata(meta->toByteArray(), &err);
    }
    if (err) return Error(err.code(), QStringLiteral("The metadata of item \"%1\" is damaged.").arg(id));
    return item;
}

Result<Item> Index::get(const QString &id, bool withVector) const
{
    if (Error e = validateId(id)) return e;
    std::shared_lock lock(d->stateMutex);
    const Result<Location> loc = d->locate(id.toUtf8());
    if (!loc.ok()) return loc.error();
    if (!loc->found())
        return Error(ErrorCode::NotFound, QStringLiteral("There is no item with the id \"%1\".").arg(id));
    return itemAt(*d, id, *loc, withVector);
}

bool Index::contains(const QString &id) const
{
    if (validateId(id)) return false;
    std::shared_lock lock(d->stateMutex);
    const Result<Location> loc = d->locate(id.toUtf8());
    return loc.ok() && loc->found();
}

qint64 Index::count() const
{
    std::shared_lock lock(d->stateMutex);
    return d->liveCount;
}

Result<ListPage> Index::list(const QString &after, int limit, bool withVectors) const
{
    if (limit < 0) return Error(ErrorCode::InvalidArgument, QStringLiteral("The page size must not be negative."));
    const QByteArray afterKey = after.toUtf8();
    std::shared_lock lock(d->stateMutex);
    ListPage page;
    // One cursor per source; the memtable's version of an id hides the segments'.
    auto memIt = after.isEmpty() ? d->mem.entries.begin() : d->mem.entries.upper_bound(afterKey);
    std::vector<qint64> rows(d->segments.size());
    for (size_t i = 0; i < d->segments.size(); ++i) {
        if (after.isEmpty()) continue;
        const Result<qint64> r = d->segments[i].segment->upperBound(afterKey);
        if (!r.ok()) return r.error();
        rows[i] = *r;
    }
    QByteArray lastId;
    while (page.items.size() < limit) {
        QByteArrayView best;
        int bestSource = -2; // -1 = memtable
        if (memIt != d->mem.entries.end()) {
            best = memIt->first;
            bestSource = -1;
        }
        for (size_t i = 0; i < d->segments.size(); ++i) {
            if (rows[i] >= d->segments[i].segment->rowCount()) continue;
            const Result<QByteArrayView> id = d->segments[i].segment->id(rows[i]);
            if (!id.ok()) return id.error();
            if (bestSource == -2 || id->compare(best) < 0) {
                best = *id;
                bestSource = int(i);
            }
        }
        if (bestSource == -2) break;
        if (bestSource == -1) {
            const QByteArray id = memIt->first;
            const MemEntry &e = memIt->second;
            ++memIt;
            if (e.deleted) continue;
            Location loc;
            loc.mem = &e;
            Result<Item> item = itemAt(*d, QString::fromUtf8(id), loc, withVectors);
            if (!item.ok()) return item.error();
            page.items.append(item.takeValue());
            lastId = id;
            continue;
        }
        const size_t i = size_t(bestSource);
        const qint64 row = rows[i]++;
        const QByteArray id = best.toByteArray();
        if (d->segments[i].deletions->isDeleted(row) || d->mem.find(id)) continue;
        Location loc;
        loc.segmentIndex = int(i);
        loc.row = row;
        Result<Item> item = itemAt(*d, QString::fromUtf8(id), loc, withVectors);
        if (!item.ok()) return item.error();
        page.items.append(item.takeValue());
        lastId = id;
    }
    if (page.items.size() == limit && limit > 0) page.nextAfter = QString::fromUtf8(lastId);
    return page;
}

IndexStats Index::stats() const
{
    std::shared_lock lock(d->stateMutex);
    IndexStats s;
    s.schema = d->manifest.schema;
    s.durability = d->durability;
    s.readOnly = d->options.readOnly;
    s.items = d->liveCount;
    s.segments = qint64(d->segments.size());
    for (const LoadedSegment &ls : d->segments) {
        s.segmentRows += ls.segment->rowCount();
        s.deletedRows += ls.deletions->deletedCount();
    }
    s.unflushedItems = qint64(d->mem.entries.size());
    s.walBytes = d->wal ? d->wal->size() : d->walReadOffset;
    s.diskBytes = s.walBytes + d->manifestBytes.size();
    for (const FileRecord &f : d->manifest.files) s.diskBytes += f.size;
    s.lastLsn = d->lastLsn;
    s.checkpointLsn = d->manifest.checkpointLsn;
    s.generation = d->manifest.generation;
    s.created = d->manifest.created;
    s.lastCheckpoint = d->manifest.checkpointed;
    s.pendingWrites = d->queue ? d->queue->pending() : 0;
    return s;
}

Result<bool> Index::refresh()
{
    if (d->closed) return Error(ErrorCode::Closed, QStringLiteral("The index is closed."));
    if (!d->options.readOnly) return false; // the writer is always current
    std::lock_guard guard(d->refreshMutex);
    const QString mpath = d->filePath(manifest::currentName());
    Result<QByteArray> bytes = readWholeFile(mpath, manifest::kMaxBodyBytes + manifest::kEnvelopeSize);
    if (!bytes.ok()) return bytes.error();
    if (*bytes == d->manifestBytes) {
        // Same generation: read the frames appended since the last look.
        Memtable fresh;
        WalScanResult scan;
        quint64 last = 0;
        const QList<Record> none;
        QList<QPair<quint64, QList<Record>>> frames;
        Result<File> f = File::open(d->filePath(d->manifest.walFile), File::Mode::ReadOnly);
        if (!f.ok()) {
            if (!isMissingFile(f.error())) return f.error();
        } else {
            Result<WalScanResult> r = scanWal(*f, d->walReadOffset, d->lastLsn + 1,
                                              [&](uint64_t lsn, uint8_t, const char *payload, size_t size) -> Error {
                                                  Result<QList<Record>> recs = decodeBatchPayload(payload, size);
                                                  if (!recs.ok()) return recs.error();
                                                  frames.append({lsn, recs.takeValue()});
                                                  return {};
                                              });
            if (!r.ok()) return r.error();
            Q_UNUSED(last);
            Q_UNUSED(scan);
            if (frames.isEmpty()) return false;
            std::unique_lock lock(d->stateMutex);
            for (const auto &[lsn, recs] : frames) applyRecords(d->mem, recs, lsn);
            d->lastLsn = r->lastLsn;
            d->walReadOffset = r->validEnd;
            d->liveCount = countLive(d->segments, d->mem);
            return true;
        }
    }
    // A checkpoint happened: load the new generation, reusing mapped segments.
    for (int attempt = 0; attempt < 5; ++attempt) {
        Result<QByteArray> now = attempt == 0 ? bytes : readWholeFile(mpath, manifest::kMaxBodyBytes + manifest::kEnvelopeSize);
        if (!now.ok()) return now.error();
        Result<Manifest> m = Manifest::decode(*now, mpath);
        if (!m.ok()) return m.error();
        std::vector<LoadedSegment> reuse;
        {
            std::shared_lock lock(d->stateMutex);
            reuse = d->segments;
        }
        Result<std::vector<LoadedSegment>> segs = loadSegments(d->dir, *m, reuse);
        if (!segs.ok()) {
            if (isMissingFile(segs.error())) continue;
            return segs.error();
        }
        Memtable replayed;
        WalScanResult scan;
        quint64 walLast = 0;
        if (Error e = d->replayWal(&scan, &replayed, nullptr, &walLast, d->filePath(m->walFile), 0, 0)) {
            if (isMissingFile(e)) continue;
            return e;
        }
        std::unique_lock lock(d->stateMutex);
        d->manifest = m.takeValue();
        d->manifestBytes = *now;
        d->segments = segs.takeValue();
        d->mem = std::move(replayed);
        d->lastLsn = std::max<quint64>(walLast, d->manifest.checkpointLsn);
        d->walReadOffset = scan.validEnd;
        d->liveCount = countLive(d->segments, d->mem);
        return true;
    }
    return Error(ErrorCode::Io, QStringLiteral("The index kept changing while it was being re-read; try again."), d->dir);
}

} // namespace sextant
