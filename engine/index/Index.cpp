#include "sextant/Index.h"

#include "index/IndexImpl.h"
#include "base/FileIo.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#include <cerrno>

#include <thread>

namespace sextant {

using namespace storage;
using namespace base;

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

Result<Location> Index::Impl::locate(const QByteArray &id) const { return locateIn(segments, mem, imm.get(), id); }

Index::Index(std::unique_ptr<Impl> impl) : d(std::move(impl)) { d->owner = this; }

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

bool Index::exists(const QString &path) { return QFileInfo::exists(path + u'/' + manifest::currentName()); }

bool Index::looksLikeIndex(const QString &path)
{
    if (!QFileInfo(path).isDir()) return false;
    return exists(path) || QFileInfo::exists(path + u'/' + manifest::previousName());
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
        return Error(
            ErrorCode::AlreadyExists,
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
        return Error(ErrorCode::NotFound, QStringLiteral("The folder %1 does not exist.").arg(path), path)
            .withSystemError(ENOENT); // tells it from a folder that holds no index
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
    std::shared_ptr<Index> index(new Index(std::move(impl)));
    index->d->startGraph(); // after `owner` is set: its upkeep queries the index
    return index;
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
        d->waitForFlush();
        d->waitForMerge();
        if (d->failure.ok()) {
            result = d->checkpointLocked();
            if (result.ok() && d->durability == Durability::Normal && d->wal) result = d->wal->sync();
        } else {
            result = d->failure;
        }
        // The graph is saved while the lock is still ours.
        d->stopGraph(d->failure.ok());
        if (d->wal) d->wal->close();
        d->queue.reset();
    } else {
        d->stopGraph(false);
    }
    d->lock.reset();
    d->closed = true;
    return result;
}

QString Index::path() const { return d->dir; }
Schema Index::schema() const
{
    std::shared_lock lock(d->stateMutex); // convertGraph() changes ann.quantization
    return d->schema;
}
bool Index::isReadOnly() const { return d->options.readOnly; }
Durability Index::durability() const { return d->durability; }
const OpenReport &Index::openReport() const { return d->openReport; }

// ----------------------------------------------------------------- writes

Error Index::validate(const WriteOp &op) const
{
    if (Error e = validateId(op.item.id)) return e;
    if (op.kind == WriteOp::Kind::Delete) return {};
    const Schema &schema = d->schema;
    if (Error e =
            schema.validateVector(std::span<const float>(op.item.vector.constData(), size_t(op.item.vector.size()))))
        return e;
    const QByteArray meta = metadataBytes(op.item.metadata);
    return schema.validateMetadata(op.item.metadata, meta.size());
}

QFuture<WriteResult> Index::write(QList<WriteOp> batch, Priority priority)
{
    if (d->closed) return finishedWrite(failedWrite(Error(ErrorCode::Closed, QStringLiteral("The index is closed."))));
    if (d->options.readOnly)
        return finishedWrite(failedWrite(
            Error(ErrorCode::ReadOnly, QStringLiteral("The index is open read-only; it cannot be changed here."))));
    if (batch.isEmpty())
        return finishedWrite(
            failedWrite(Error(ErrorCode::InvalidArgument, QStringLiteral("The batch holds no items."))));
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
            return finishedWrite(failedWrite(Error(
                e.code(),
                QStringLiteral("Item %1 of the batch (id \"%2\"): %3").arg(i + 1).arg(op.item.id.left(80), e.message()),
                e.path())));
        };
        if (Error e = validateId(op.item.id)) return fail(e);
        Record r;
        r.id = op.item.id.toUtf8();
        if (seen.contains(r.id))
            return fail(
                Error(ErrorCode::DuplicateId,
                      QStringLiteral("The id \"%1\" appears more than once in the batch.").arg(op.item.id.left(80))));
        seen.insert(r.id);
        switch (op.kind) {
        case WriteOp::Kind::Insert: r.type = RecordType::Insert; break;
        case WriteOp::Kind::Upsert: r.type = RecordType::Upsert; break;
        case WriteOp::Kind::Delete: r.type = RecordType::Delete; break;
        }
        if (!r.isDelete()) {
            if (Error e = schema.validateVector(
                    std::span<const float>(op.item.vector.constData(), size_t(op.item.vector.size()))))
                return fail(e);
            r.metadata = metadataBytes(op.item.metadata);
            if (Error e = schema.validateMetadata(op.item.metadata, r.metadata.size())) return fail(e);
            r.vector = std::move(op.item.vector);
        }
        request->bytes += 16 + r.id.size() + r.vector.size() * 4 + r.metadata.size();
        request->records.append(std::move(r));
    }
    if (priority == Priority::Bulk && request->records.size() >= Impl::kIngestMinRecords)
        request->kind = WriteRequest::Kind::Ingest;
    return d->queue->submit(std::move(request));
}

QFuture<WriteResult> Index::insert(Item item, Priority priority)
{
    return write({WriteOp::insert(std::move(item))}, priority);
}
QFuture<WriteResult> Index::upsert(Item item, Priority priority)
{
    return write({WriteOp::upsert(std::move(item))}, priority);
}
QFuture<WriteResult> Index::remove(const QString &id, Priority priority)
{
    return write({WriteOp::remove(id)}, priority);
}

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

Result<Item> itemAt(const Index::Impl &d, const QString &id, const Location &loc, bool withVector)
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

// Visits the live ids greater than `after` in id order (bytewise UTF-8),
// with where each lives, until `visit` returns false. Caller holds stateMutex.
// A merge over one cursor per source: the active memtable hides the frozen
// one, and both hide the segments; on equal ids the higher wins.
static Error walkLive(const Index::Impl &d, const QByteArray &afterKey,
                      const std::function<bool(const QByteArray &, const Location &)> &visit)
{
    const Memtable *tables[2] = {&d.mem, d.imm.get()};
    std::map<QByteArray, MemEntry>::const_iterator tableIt[2];
    for (int t = 0; t < 2; ++t)
        if (tables[t])
            tableIt[t] = afterKey.isEmpty() ? tables[t]->entries.begin() : tables[t]->entries.upper_bound(afterKey);
    auto hiddenAbove = [&](int rank, const QByteArray &id) {
        for (int t = 0; t < std::min(rank, 2); ++t)
            if (tables[t] && tables[t]->find(id)) return true;
        return false;
    };
    std::vector<qint64> rows(d.segments.size());
    for (size_t i = 0; i < d.segments.size(); ++i) {
        if (afterKey.isEmpty()) continue;
        const Result<qint64> r = d.segments[i].segment->upperBound(afterKey);
        if (!r.ok()) return r.error();
        rows[i] = *r;
    }
    for (;;) {
        QByteArrayView best;
        int bestRank = -1; // 0, 1: memtables; 2 + i: segment i
        for (int t = 0; t < 2; ++t) {
            if (!tables[t] || tableIt[t] == tables[t]->entries.end()) continue;
            if (bestRank < 0 || QByteArrayView(tableIt[t]->first).compare(best) < 0) {
                best = tableIt[t]->first;
                bestRank = t;
            }
        }
        for (size_t i = 0; i < d.segments.size(); ++i) {
            if (rows[i] >= d.segments[i].segment->rowCount()) continue;
            const Result<QByteArrayView> id = d.segments[i].segment->id(rows[i]);
            if (!id.ok()) return id.error();
            if (bestRank < 0 || id->compare(best) < 0) {
                best = *id;
                bestRank = 2 + int(i);
            }
        }
        if (bestRank < 0) return {};
        const QByteArray id = best.toByteArray();
        Location loc;
        if (bestRank < 2) {
            const MemEntry &e = tableIt[bestRank]->second;
            ++tableIt[bestRank];
            if (e.deleted || hiddenAbove(bestRank, id)) continue;
            loc.mem = &e;
        } else {
            const size_t i = size_t(bestRank - 2);
            const qint64 row = rows[i]++;
            if (d.segments[i].deletions->isDeleted(row) || hiddenAbove(bestRank, id)) continue;
            loc.segmentIndex = int(i);
            loc.row = row;
        }
        if (!visit(id, loc)) return {};
    }
}

Result<ListPage> Index::list(const QString &after, int limit, bool withVectors) const
{
    if (limit < 0) return Error(ErrorCode::InvalidArgument, QStringLiteral("The page size must not be negative."));
    std::shared_lock lock(d->stateMutex);
    ListPage page;
    if (limit == 0) return page;
    Error failed;
    QByteArray lastId;
    const Error walked = walkLive(*d, after.toUtf8(), [&](const QByteArray &id, const Location &loc) {
        Result<Item> item = itemAt(*d, QString::fromUtf8(id), loc, withVectors);
        if (!item.ok()) {
            failed = item.error();
            return false;
        }
        page.items.append(item.takeValue());
        lastId = id;
        return page.items.size() < limit;
    });
    if (walked) return walked;
    if (failed) return failed;
    if (page.items.size() == limit) page.nextAfter = QString::fromUtf8(lastId);
    return page;
}

Result<IdPage> Index::listIds(const QString &after, int limit, const QByteArray &filter) const
{
    if (limit < 0) return Error(ErrorCode::InvalidArgument, QStringLiteral("The page size must not be negative."));
    std::optional<Filter> parsed;
    if (!filter.trimmed().isEmpty()) {
        Result<Filter> f = Filter::parse(filter);
        if (!f.ok()) return f.error();
        if (!f->isEmpty()) parsed = f.takeValue();
    }
    std::shared_lock lock(d->stateMutex);
    IdPage page;
    if (limit == 0) return page;
    // The rows each segment's filter matches (cached per segment and filter).
    std::vector<std::shared_ptr<const Bitmap>> matches;
    if (parsed) {
        matches.reserve(d->segments.size());
        for (const LoadedSegment &ls : d->segments) {
            Result<std::shared_ptr<const Bitmap>> rows = d->filterRows(ls, *parsed);
            if (!rows.ok()) return rows.error();
            matches.push_back(rows.takeValue());
        }
    }
    QByteArray lastId;
    qint64 visited = 0;
    const Error walked = walkLive(*d, after.toUtf8(), [&](const QByteArray &id, const Location &loc) {
        ++visited;
        lastId = id;
        bool keep = true;
        if (parsed)
            keep = loc.mem ? parsed->matchesJson(loc.mem->metadata) : matches[size_t(loc.segmentIndex)]->test(loc.row);
        if (keep) page.ids.append(QString::fromUtf8(id));
        // A selective filter must not hold the lock for the whole index:
        // stop after a bounded walk and let the caller continue.
        return page.ids.size() < limit && visited < qint64(limit) * 64 + 65536;
    });
    if (walked) return walked;
    page.scanned = visited;
    if (page.ids.size() == limit || visited >= qint64(limit) * 64 + 65536) page.nextAfter = QString::fromUtf8(lastId);
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
    s.unflushedItems = qint64(d->mem.entries.size()) + (d->imm ? qint64(d->imm->entries.size()) : 0);
    // Every log of the chain: older ones stay until a checkpoint folds them.
    s.walBytes = (d->wal ? d->wal->size() : d->walEnd) + d->olderLogBytes;
    s.diskBytes = s.walBytes + d->manifestBytes.size();
    for (const FileRecord &f : d->manifest.files)
        s.diskBytes += f.size;
    s.lastLsn = d->lastLsn;
    s.checkpointLsn = d->manifest.checkpointLsn;
    s.generation = d->manifest.generation;
    s.created = d->manifest.created;
    s.lastCheckpoint = d->manifest.checkpointed;
    s.pendingWrites = d->queue ? d->queue->pending() : 0;
    s.graph = d->graphStatusNow();
    return s;
}

Result<bool> Index::refresh()
{
    if (d->closed) return Error(ErrorCode::Closed, QStringLiteral("The index is closed."));
    if (!d->options.readOnly) return false; // the writer is always current
    return d->refreshReadOnly();
}

} // namespace sextant
