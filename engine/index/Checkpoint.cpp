// Checkpoint and compaction. A checkpoint freezes the memtable and starts a
// new log (quick, on the writer thread), then writes the frozen memtable as
// a segment and publishes a manifest on a background thread while writes go
// on into the new memtable and log. Until it is published, recovery finds
// the frozen records in the old log, which the new one follows in the chain.

#include "index/IndexImpl.h"
#include "storage/FileIo.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace sextant {

using namespace storage;

namespace {

// Rows of a memtable's live entries, in id order.
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

} // namespace

void describeSegments(Manifest &next, const std::vector<LoadedSegment> &segs, const Manifest &old,
                      const QList<FileRecord> &fresh)
{
    auto lookup = [&](const QString &name) -> FileRecord {
        for (const FileRecord &f : fresh)
            if (f.name == name) return f;
        if (const FileRecord *f = old.fileRecord(name)) return *f;
        return FileRecord{name, 0, {}};
    };
    next.segments.clear();
    next.files.clear();
    next.liveItems = 0;
    for (const LoadedSegment &s : segs) {
        next.segments.append(s.entry);
        next.liveItems += s.entry.rows - s.entry.deletedRows;
        next.files.append(lookup(s.entry.file));
        if (!s.entry.deletionFile.isEmpty()) next.files.append(lookup(s.entry.deletionFile));
    }
}

Error addNewSegment(const QString &dir, Manifest *next, int dimensions, const SegmentRowSource &rows, bool sync,
                    std::vector<LoadedSegment> *segs, QList<FileRecord> *fresh)
{
    if (rows.rowCount() == 0) return {};
    const quint64 id = next->nextSegmentId++;
    Result<FileRecord> written = writeSegment(dir, id, dimensions, rows, sync);
    if (!written.ok()) return written.error();
    Result<std::shared_ptr<Segment>> seg = Segment::open(dir + u'/' + written->name, id, dimensions);
    if (!seg.ok()) return seg.error();
    fresh->append(*written);
    LoadedSegment ls;
    ls.entry = SegmentEntry{id, written->name, rows.rowCount(), 0, {}};
    ls.segment = *seg;
    ls.deletions = std::make_shared<DeletionVector>(id, rows.rowCount());
    segs->push_back(ls); // newest last
    return {};
}

Error writeChangedDeletions(const QString &dir, std::vector<LoadedSegment> &segs,
                            const std::vector<std::optional<DeletionVector>> &changed, quint64 generation, bool sync,
                            QList<FileRecord> *fresh)
{
    for (size_t i = 0; i < changed.size(); ++i) {
        if (!changed[i]) continue;
        LoadedSegment &ls = segs[i];
        ls.deletions = std::make_shared<DeletionVector>(*changed[i]);
        ls.entry.deletedRows = changed[i]->deletedCount();
        if (ls.entry.deletedRows == ls.entry.rows) continue; // dropped below
        Result<FileRecord> written = changed[i]->write(dir, generation, sync);
        if (!written.ok()) return written.error();
        fresh->append(*written);
        ls.entry.deletionFile = written->name;
    }
    // A segment whose every row is gone is no longer needed.
    std::erase_if(segs, [](const LoadedSegment &s) { return s.entry.deletedRows == s.entry.rows; });
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

void Index::Impl::waitForFlush()
{
    if (flushThread.joinable()) flushThread.join();
}

Error Index::Impl::freezeMemtable()
{
    if (imm)
        if (Error e = flushFrozen()) return e; // an earlier background flush failed: retry it first
    if (lastLsn == manifest.checkpointLsn) return {}; // nothing logged since the last checkpoint
    const QString nextName = wal::fileName(lastLsn + 1);
    if (nextName == walFile) return {};
    // The old log must be complete on disk before any record goes to the next.
    if (syncFiles() && !syncWal())
        if (Error e = wal->sync()) return e;
    Result<WalWriter> next = WalWriter::create(filePath(nextName), lastLsn + 1, syncFiles());
    if (!next.ok()) return next.error();
    if (syncFiles())
        if (Error e = syncDirectory(dir)) return e;
    std::unique_lock lock(stateMutex);
    imm = std::make_shared<const Memtable>(std::move(mem));
    mem.clear();
    immLastLsn = lastLsn;
    wal.emplace(next.takeValue());
    walFile = nextName;
    return {};
}

Error Index::Impl::flushFrozen()
{
    std::shared_ptr<const Memtable> frozen;
    quint64 frozenLsn = 0;
    std::vector<LoadedSegment> base;
    {
        std::shared_lock lock(stateMutex);
        frozen = imm;
        frozenLsn = immLastLsn;
        base = segments;
    }
    if (!frozen) return {};
    const int dims = schema.dimensions;
    const quint64 generation = manifest.generation + 1;
    Manifest next = manifest;
    std::vector<LoadedSegment> nextSegments = base;
    QList<FileRecord> fresh;

    // 1. The frozen memtable's live entries become a new segment.
    if (Error e = addNewSegment(dir, &next, dims, MemtableRows(*frozen), syncFiles(), &nextSegments, &fresh)) return e;

    // 2. Rows of older segments that the frozen memtable replaced or deleted.
    std::vector<std::optional<DeletionVector>> changed(base.size());
    for (const auto &[id, e] : frozen->entries) {
        for (size_t i = 0; i < base.size(); ++i) {
            const Result<std::optional<qint64>> row = base[i].segment->find(id);
            if (!row.ok()) return row.error();
            if (!row->has_value() || base[i].deletions->isDeleted(**row)) continue;
            if (!changed[i]) changed[i] = *base[i].deletions;
            changed[i]->markDeleted(**row);
            break; // at most one live row holds an id
        }
    }
    if (Error e = writeChangedDeletions(dir, nextSegments, changed, generation, syncFiles(), &fresh)) return e;
    if (syncFiles())
        if (Error e = syncDirectory(dir)) return e;

    // 3. Publish: the log after the frozen records was created by the freeze.
    next.generation = generation;
    next.checkpointLsn = frozenLsn;
    next.walFile = wal::fileName(frozenLsn + 1);
    next.checkpointed = QDateTime::currentDateTimeUtc();
    describeSegments(next, nextSegments, manifest, fresh);
    if (Error e = publishManifest(dir, next, manifestBytes, syncFiles())) return e;
    {
        std::unique_lock lock(stateMutex);
        manifestBytes = next.encode();
        manifest = std::move(next);
        segments = std::move(nextSegments);
        imm.reset();
    }
    retireUnreferencedFiles();
    return {};
}

void Index::Impl::maybeCheckpointInBackground()
{
    if (!failure.ok() || !wal) return;
    if (wal->size() < options.checkpointWalBytes) {
        // No checkpoint due: merge segments if there are too many.
        if (flushRunning.load()) return;
        const std::vector<size_t> which = segmentsToMerge();
        if (which.empty()) return;
        waitForFlush();
        flushRunning = true;
        flushThread = std::thread([this, which] {
            if (Error e = mergeSegments(which)) qWarning("sextant: merging segments failed: %s", qPrintable(e.toString()));
            flushRunning = false;
        });
        return;
    }
    if (flushRunning.load()) {
        // Let the log grow while the last checkpoint finishes, within bounds.
        if (wal->size() < 2 * options.checkpointWalBytes) return;
    }
    waitForFlush();
    if (Error e = freezeMemtable()) {
        qWarning("sextant: checkpoint failed: %s", qPrintable(e.toString()));
        return;
    }
    if (!imm) return;
    flushRunning = true;
    flushThread = std::thread([this] {
        if (Error e = flushFrozen()) qWarning("sextant: background checkpoint failed: %s", qPrintable(e.toString()));
        flushRunning = false;
    });
}

Error Index::Impl::checkpointLocked()
{
    if (!wal) return {};
    waitForFlush();
    if (Error e = freezeMemtable()) return e;
    return flushFrozen();
}

Error Index::Impl::compactLocked()
{
    if (Error e = checkpointLocked()) return e;
    qint64 deleted = 0;
    for (const LoadedSegment &s : segments) deleted += s.entry.deletedRows;
    if (segments.size() <= 1 && deleted == 0) return {};
    std::vector<size_t> all(segments.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    return mergeSegments(all);
}

Error Index::Impl::mergeSegments(const std::vector<size_t> &which)
{
    std::vector<LoadedSegment> base;
    {
        std::shared_lock lock(stateMutex);
        base = segments;
    }
    std::vector<const LoadedSegment *> inputs;
    for (size_t i : which) inputs.push_back(&base[i]);

    // Nothing damaged may be copied into the new segment unnoticed.
    for (const LoadedSegment *s : inputs) {
        Error bad;
        s->segment->verifyAllBlocks([&](qint64 offset, qint64) {
            if (bad.ok())
                bad = Error(ErrorCode::Corruption,
                            QStringLiteral("Compaction stopped: segment %1 is damaged at byte %2. Run verify and repair first.")
                                .arg(s->entry.file).arg(offset),
                            filePath(s->entry.file));
        });
        if (bad) return bad;
    }
    // The live rows of the inputs in id order: each id is live in one place.
    MergedRows merged;
    std::vector<qint64> cursor(inputs.size(), 0);
    for (;;) {
        int best = -1;
        QByteArrayView bestId;
        for (size_t i = 0; i < inputs.size(); ++i) {
            const LoadedSegment &s = *inputs[i];
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
        const LoadedSegment &s = *inputs[size_t(best)];
        const Result<QByteArrayView> meta = s.segment->metadataView(cursor[size_t(best)]);
        if (!meta.ok()) return meta.error();
        merged.refs.push_back({&s, cursor[size_t(best)], bestId, *meta});
        ++cursor[size_t(best)];
    }

    Manifest next = manifest;
    std::vector<LoadedSegment> nextSegments;
    for (size_t i = 0; i < base.size(); ++i)
        if (std::find(which.begin(), which.end(), i) == which.end()) nextSegments.push_back(base[i]);
    QList<FileRecord> fresh;
    if (Error e = addNewSegment(dir, &next, schema.dimensions, merged, syncFiles(), &nextSegments, &fresh)) return e;
    if (syncFiles())
        if (Error e = syncDirectory(dir)) return e;
    next.generation = manifest.generation + 1;
    next.checkpointed = QDateTime::currentDateTimeUtc();
    describeSegments(next, nextSegments, manifest, fresh);
    if (Error e = publish(std::move(next), std::move(nextSegments))) return e;
    retireUnreferencedFiles();
    return {};
}

std::vector<size_t> Index::Impl::segmentsToMerge() const
{
    // Small segments (from checkpoints of a small log, or bulk batches of a
    // few thousand items) are merged once there are enough of them; large
    // ones are left alone. Each row is rewritten about once, and the number
    // of segments stays below (items / kSmallSegmentRows) + kMaxSmallSegments.
    // While writes are queued (a bulk import), merging would write the same
    // rows again and make them wait: it waits for a pause, unless small
    // segments pile up regardless.
    std::vector<size_t> small;
    for (size_t i = 0; i < segments.size(); ++i)
        if (segments[i].entry.rows - segments[i].entry.deletedRows < kSmallSegmentRows) small.push_back(i);
    const size_t needed = queue && queue->queued() > 0 ? 4 * kMaxSmallSegments : kMaxSmallSegments;
    if (small.size() < needed) return {};
    return small;
}

void Index::Impl::retireUnreferencedFiles()
{
    // Files named by the current or the previous manifest stay: the previous
    // generation is the fallback repair can return to. So do the logs after
    // the older of the two checkpoints: they hold the records since then.
    QSet<QString> keep;
    quint64 keepLogsAfter = manifest.checkpointLsn;
    auto keepAll = [&](const Manifest &m) {
        keep.insert(m.walFile);
        for (const FileRecord &f : m.files) keep.insert(f.name);
        keepLogsAfter = std::min<quint64>(keepLogsAfter, m.checkpointLsn);
    };
    keepAll(manifest);
    const QString prevPath = filePath(manifest::previousName());
    if (QFileInfo::exists(prevPath)) {
        const Result<Manifest> prev = Manifest::read(prevPath);
        if (!prev.ok()) return; // unsure what it needs: remove nothing
        keepAll(*prev);
    }
    static const QRegularExpression walName(QStringLiteral("^wal-(\\d{20})\\.log$"));
    const QStringList ours = QDir(dir).entryList({QStringLiteral("seg-*.sxs"), QStringLiteral("del-*.sxd"),
                                                  QStringLiteral("wal-*.log"), QStringLiteral("wal-*.log.tmp")},
                                                 QDir::Files);
    bool removed = false;
    for (const QString &name : ours) {
        if (keep.contains(name)) continue;
        // (a .tmp log never became part of the chain: the writer creating it died)
        const QRegularExpressionMatch m = walName.match(name);
        if (m.hasMatch() && m.captured(1).toULongLong() > keepLogsAfter) continue;
        if (Error e = removeFile(filePath(name))) {
            qWarning("sextant: %s", qPrintable(e.toString()));
            continue;
        }
        removed = true;
    }
    if (removed && syncFiles()) syncDirectory(dir);
}

} // namespace sextant
