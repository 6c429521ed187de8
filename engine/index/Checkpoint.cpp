// Checkpoint and compaction. A checkpoint freezes the memtable and starts a
// new log (quick, on the writer thread), then writes the frozen memtable as
// a segment and publishes a manifest on a background thread while writes go
// on into the new memtable and log. Until it is published, recovery finds
// the frozen records in the old log, which the new one follows in the chain.

#include "index/IndexImpl.h"
#include "base/FileIo.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace sextant {

using namespace storage;
using namespace base;

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
    if (next.graph) next.files.append(lookup(next.graph->file));
}

namespace {
Error removeLeftover(const QString &dir, const QString &name)
{
    for (const QString &m : {manifest::currentName(), manifest::previousName()}) {
        const QString path = dir + u'/' + m;
        if (!QFileInfo::exists(path)) continue;
        const Result<Manifest> read = Manifest::read(path);
        if (!read.ok() || read->fileRecord(name) || read->walFile == name)
            return Error(
                ErrorCode::Corruption,
                QStringLiteral("Refusing to replace %1: %2 names it (or cannot be read to tell), so it may hold live "
                               "data. The manifest's counters are wrong; run verify, then repair.")
                    .arg(name, m),
                dir + u'/' + name);
    }
    return removeFile(dir + u'/' + name);
}
} // namespace

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
        if (!written.ok() && written.error().code() == ErrorCode::AlreadyExists) {
            // Left by an attempt that failed before publishing (a full disk):
            // it may go when no manifest names it. One that a manifest names
            // is live and stays; that is an error.
            const QString name = deletion::fileName(changed[i]->segmentId(), generation);
            if (Error e = removeLeftover(dir, name)) return e;
            written = changed[i]->write(dir, generation, sync);
        }
        if (!written.ok()) return written.error();
        fresh->append(*written);
        ls.entry.deletionFile = written->name;
    }
    // A segment whose every row is gone is no longer needed.
    std::erase_if(segs, [](const LoadedSegment &s) { return s.entry.deletedRows == s.entry.rows; });
    return {};
}

Result<std::optional<LoadedSegment>> Index::Impl::writeNewSegment(const SegmentRowSource &rows,
                                                                  QList<FileRecord> *fresh)
{
    if (rows.rowCount() == 0) return std::optional<LoadedSegment>();
    const quint64 id = nextSegmentId++;
    const QString name = segment::fileName(id);
    {
        std::lock_guard lock(inProgressMutex);
        filesInProgress.insert(name);
    }
    Result<FileRecord> written = writeSegment(dir, id, schema.dimensions, rows, syncFiles());
    if (!written.ok()) return written.error();
    fresh->append(*written);
    Result<std::shared_ptr<Segment>> seg = Segment::open(filePath(written->name), id, schema.dimensions);
    if (!seg.ok()) return seg.error();
    LoadedSegment ls;
    ls.entry = SegmentEntry{id, written->name, rows.rowCount(), 0, {}};
    ls.segment = *seg;
    ls.deletions = std::make_shared<DeletionVector>(id, rows.rowCount());
    return std::optional<LoadedSegment>(ls);
}

void Index::Impl::doneWithFiles(const QList<FileRecord> &files)
{
    std::lock_guard lock(inProgressMutex);
    for (const FileRecord &f : files)
        filesInProgress.remove(f.name);
}

Error Index::Impl::publishLocked(Manifest next, std::vector<LoadedSegment> segs, const QList<FileRecord> &fresh,
                                 const std::function<void()> &alsoInstall)
{
    next.generation = manifest.generation + 1;
    next.nextSegmentId = std::max<quint64>(next.nextSegmentId, nextSegmentId.load());
    describeSegments(next, segs, manifest, fresh);
    // A manifest must never name a file that is not there: one removed while
    // the index was open (by hand, by another program) fails the publish.
    for (const FileRecord &f : next.files) {
        const QFileInfo info(filePath(f.name));
        if (!info.exists() || info.isSymLink() || (f.size > 0 && info.size() != f.size))
            return Error(
                ErrorCode::Corruption,
                QStringLiteral("%1, which the index uses, was %2 while the index was open; no manifest naming it "
                               "is published. Close the index, then verify and repair.")
                    .arg(f.name, !info.exists()     ? QStringLiteral("removed from the folder")
                                 : info.isSymLink() ? QStringLiteral("replaced by a symbolic link")
                                                    : QStringLiteral("changed (its size differs)")),
                filePath(f.name));
    }
    if (syncFiles())
        if (Error e = syncDirectory(dir)) return e;
    if (Error e = publishManifest(dir, next, manifestBytes, syncFiles())) return e;
    bool newSegments = false;
    {
        std::unique_lock lock(stateMutex);
        manifestBytes = next.encode();
        manifest = std::move(next);
        for (const LoadedSegment &ls : segs)
            newSegments = newSegments || std::none_of(segments.begin(), segments.end(), [&](const LoadedSegment &old) {
                              return old.segment == ls.segment;
                          });
        segments = std::move(segs);
        if (alsoInstall) alsoInstall();
    }
    // Where the new segments' items are, noted in the background (RowElements).
    if (newSegments && graph) graph->segmentsChanged();
    doneWithFiles(fresh);
    retireUnreferencedFiles();
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
    quint64 checkpointLsn = 0;
    {
        std::shared_lock lock(stateMutex); // a merge may be publishing a manifest
        checkpointLsn = manifest.checkpointLsn;
    }
    if (lastLsn == checkpointLsn) return {}; // nothing logged since the last checkpoint
    const QString nextName = wal::fileName(lastLsn + 1);
    // The active log starting at lastLsn + 1 holds no record yet: the
    // records to fold are all in the logs before it (a checkpoint that
    // failed, on a full disk say, left them there). Freeze them without a
    // new log; returning here instead would leave the chain unfolded.
    const bool activeIsEmpty = nextName == walFile;
    std::optional<WalWriter> fresh;
    if (!activeIsEmpty) {
        // The old log must be complete on disk before any record goes to the next.
        if (syncFiles() && !syncWal())
            if (Error e = wal->sync()) return e;
        // Its temporary name is in progress: a graph save publishing now
        // retires leftover .tmp logs, and must not take this one.
        const QString temp = nextName + QStringLiteral(".tmp");
        {
            std::lock_guard lock(inProgressMutex);
            filesInProgress.insert(temp);
        }
        Result<WalWriter> next = WalWriter::create(filePath(nextName), lastLsn + 1, syncFiles());
        {
            std::lock_guard lock(inProgressMutex);
            filesInProgress.remove(temp);
        }
        if (!next.ok() && next.error().code() == ErrorCode::AlreadyExists) {
            // An earlier freeze that failed after putting the log in place
            // (a failed folder sync): when it holds its header and no record,
            // it is ours to go on with; anything else stays and is an error.
            Result<File> existing = File::open(filePath(nextName), File::Mode::ReadOnly);
            Result<WalScanResult> scan =
                existing.ok() ? scanWal(*existing, 0, 0, {}) : Result<WalScanResult>(existing.error());
            if (scan.ok() && scan->frames == 0 && scan->firstLsn == lastLsn + 1 &&
                scan->tail.kind == WalTail::Kind::Clean)
                next = WalWriter::openForAppend(filePath(nextName), scan->validEnd, syncFiles());
        }
        if (!next.ok()) return next.error();
        if (syncFiles())
            if (Error e = syncDirectory(dir)) return e;
        fresh.emplace(next.takeValue());
    }
    std::unique_lock lock(stateMutex);
    imm = std::make_shared<const Memtable>(std::move(mem));
    mem.clear();
    immLastLsn = lastLsn;
    if (fresh) {
        olderLogBytes += wal->size();
        wal.emplace(std::move(*fresh));
        walFile = nextName;
    }
    return {};
}

Error Index::Impl::flushFrozen()
{
    std::shared_ptr<const Memtable> frozen;
    quint64 frozenLsn = 0;
    {
        std::shared_lock lock(stateMutex);
        frozen = imm;
        frozenLsn = immLastLsn;
    }
    if (!frozen) return {};

    // 1. The frozen memtable's live entries become a new segment.
    QList<FileRecord> fresh;
    Result<std::optional<LoadedSegment>> added = writeNewSegment(MemtableRows(*frozen), &fresh);
    if (!added.ok()) {
        doneWithFiles(fresh);
        return added.error();
    }

    // 2. Against the segments of this moment: the rows it replaced or deleted.
    std::lock_guard publishing(publishMutex);
    std::vector<LoadedSegment> segs = segments;
    std::vector<std::optional<DeletionVector>> changed;
    std::vector<QByteArray> ids;
    ids.reserve(frozen->entries.size());
    for (const auto &[id, e] : frozen->entries)
        ids.push_back(id);
    Error e = markLiveRows(segs, ids, changed);
    if (e.ok()) e = writeChangedDeletions(dir, segs, changed, manifest.generation + 1, syncFiles(), &fresh);
    if (e) {
        doneWithFiles(fresh);
        return e;
    }
    if (*added) segs.push_back(**added); // newest last

    // 3. Publish: the log after the frozen records was created by the freeze.
    Manifest next = manifest;
    next.checkpointLsn = frozenLsn;
    next.walFile = wal::fileName(frozenLsn + 1);
    next.checkpointed = QDateTime::currentDateTimeUtc();
    e = publishLocked(std::move(next), std::move(segs), fresh, [this] {
        imm.reset();
        olderLogBytes = 0; // the logs before the active one are folded and retired
    });
    if (e) doneWithFiles(fresh);
    return e;
}

void Index::Impl::maybeCheckpointInBackground()
{
    if (!failure.ok() || !wal) return;
    if (!mergeRunning.load()) {
        const QList<quint64> which = segmentsToMerge();
        if (!which.isEmpty()) {
            waitForMerge();
            mergeRunning = true;
            mergeThread = std::thread([this, which] {
                if (Error e = mergeSegments(which))
                    qWarning("sextant: merging segments failed: %s", qPrintable(e.toString()));
                mergeRunning = false;
            });
        }
    }
    if (wal->size() < options.checkpointWalBytes) return;
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

} // namespace sextant
