// Merging segments (in the background, or all of them for compact()) and
// retiring files no manifest needs. A merge writes its segment without
// blocking anyone; rows deleted meanwhile in its inputs (by checkpoints and
// ingestions that published while it ran) are carried over to the merged
// segment when it publishes.

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

// Live rows of several segments merged in id order. The segments' blocks
// are verified before this is built, so views into them are safe.
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
    const float *vector(qint64 r) const override
    {
        return refs[size_t(r)].seg->segment->vectorData(refs[size_t(r)].row);
    }
    QByteArrayView metadata(qint64 r) const override { return refs[size_t(r)].metadata; }
};

} // namespace

void Index::Impl::waitForMerge()
{
    if (mergeThread.joinable()) mergeThread.join();
}

void Index::Impl::compactInBackground(std::unique_ptr<WriteRequest> request)
{
    const quint64 lsn = lastLsn;
    if (Error e = checkpointLocked()) {
        finishRequest(*request, failedWrite(e));
        return;
    }
    {
        // Compaction folds every logged record; never report success otherwise.
        std::shared_lock lock(stateMutex);
        if (manifest.checkpointLsn < lsn) {
            finishRequest(*request,
                          failedWrite(Error(ErrorCode::Io,
                                            QStringLiteral("Compaction did not fold the log: records up to %1 are "
                                                           "logged, the checkpoint reached %2.")
                                                .arg(lsn)
                                                .arg(manifest.checkpointLsn),
                                            dir)));
            return;
        }
    }
    waitForMerge();
    qint64 deleted = 0;
    QList<quint64> all;
    for (const LoadedSegment &s : segments) {
        deleted += s.entry.deletedRows;
        all.append(s.entry.id);
    }
    if (segments.size() <= 1 && deleted == 0) {
        finishRequest(*request, succeededWrite(lsn, 0));
        return;
    }
    mergeRunning = true;
    mergeThread = std::thread([this, all, lsn, request = std::move(request)] {
        const Error e = mergeSegments(all);
        mergeRunning = false;
        finishRequest(*request, e.ok() ? succeededWrite(lsn, 0) : failedWrite(e));
    });
}

QList<quint64> Index::Impl::segmentsToMerge() const
{
    // Small segments (from checkpoints of a small log, or bulk batches of a
    // few thousand items) are merged once there are enough of them; large
    // ones are left alone. Each row is rewritten about once, and the number
    // of segments stays below (items / kSmallSegmentRows) + kMaxSmallSegments.
    // While writes are queued (a bulk import) merging waits for a pause,
    // unless small segments pile up regardless.
    std::shared_lock lock(stateMutex);
    QList<quint64> small;
    for (const LoadedSegment &s : segments)
        if (s.entry.rows - s.entry.deletedRows < kSmallSegmentRows) small.append(s.entry.id);
    const qsizetype needed = queue && queue->queued() > 0 ? 4 * kMaxSmallSegments : kMaxSmallSegments;
    if (small.size() < needed) return {};
    return small;
}

Error Index::Impl::mergeSegments(const QList<quint64> &segmentIds)
{
    std::vector<LoadedSegment> inputs; // as they are now, deletion vectors included
    {
        std::shared_lock lock(stateMutex);
        for (const LoadedSegment &s : segments)
            if (segmentIds.contains(s.entry.id)) inputs.push_back(s);
    }
    if (inputs.empty()) return {};

    // Nothing damaged may be copied into the new segment unnoticed.
    for (const LoadedSegment &s : inputs) {
        Error bad;
        s.segment->verifyAllBlocks([&](qint64 offset, qint64) {
            if (bad.ok())
                bad = Error(
                    ErrorCode::Corruption,
                    QStringLiteral("Compaction stopped: segment %1 is damaged at byte %2. Run verify and repair first.")
                        .arg(s.entry.file)
                        .arg(offset),
                    filePath(s.entry.file));
        });
        if (bad) return bad;
    }
    // The live rows of the inputs in id order (each id is live in one place),
    // and where each input row went.
    MergedRows merged;
    std::vector<std::vector<qint64>> movedTo(inputs.size());
    std::vector<qint64> cursor(inputs.size(), 0);
    for (size_t i = 0; i < inputs.size(); ++i)
        movedTo[i].assign(size_t(inputs[i].segment->rowCount()), -1);
    for (;;) {
        int best = -1;
        QByteArrayView bestId;
        for (size_t i = 0; i < inputs.size(); ++i) {
            const LoadedSegment &s = inputs[i];
            while (cursor[i] < s.segment->rowCount() && s.deletions->isDeleted(cursor[i]))
                ++cursor[i];
            if (cursor[i] >= s.segment->rowCount()) continue;
            const Result<QByteArrayView> id = s.segment->id(cursor[i]);
            if (!id.ok()) return id.error();
            if (best < 0 || id->compare(bestId) < 0) {
                best = int(i);
                bestId = *id;
            }
        }
        if (best < 0) break;
        const size_t b = size_t(best);
        const Result<QByteArrayView> meta = inputs[b].segment->metadataView(cursor[b]);
        if (!meta.ok()) return meta.error();
        movedTo[b][size_t(cursor[b])] = merged.rowCount();
        merged.refs.push_back({&inputs[b], cursor[b], bestId, *meta});
        ++cursor[b];
    }
    QList<FileRecord> fresh;
    Result<std::optional<LoadedSegment>> added = writeNewSegment(merged, &fresh);
    if (!added.ok()) {
        doneWithFiles(fresh);
        return added.error();
    }

    std::lock_guard publishing(publishMutex);
    // Carry over what was deleted in the inputs while the merge ran. An input
    // that is gone was dropped because all its rows were deleted.
    std::optional<DeletionVector> carried;
    std::vector<LoadedSegment> segs;
    for (const LoadedSegment &now : segments) {
        if (!segmentIds.contains(now.entry.id)) segs.push_back(now);
    }
    if (*added) {
        for (size_t i = 0; i < inputs.size(); ++i) {
            const LoadedSegment *now = nullptr;
            for (const LoadedSegment &s : segments)
                if (s.entry.id == inputs[i].entry.id) now = &s;
            for (qint64 row = 0; row < inputs[i].segment->rowCount(); ++row) {
                const qint64 target = movedTo[i][size_t(row)];
                if (target < 0) continue;
                if (now && !now->deletions->isDeleted(row)) continue;
                if (!carried) carried.emplace((*added)->entry.id, (*added)->entry.rows);
                carried->markDeleted(target);
            }
        }
        LoadedSegment result = **added;
        segs.push_back(result);
        if (carried) {
            std::vector<std::optional<DeletionVector>> changed(segs.size());
            changed.back() = *carried;
            if (Error e = writeChangedDeletions(dir, segs, changed, manifest.generation + 1, syncFiles(), &fresh)) {
                doneWithFiles(fresh);
                return e;
            }
        }
    }
    Manifest next = manifest;
    next.checkpointed = QDateTime::currentDateTimeUtc();
    Error e = publishLocked(std::move(next), std::move(segs), fresh);
    if (e) doneWithFiles(fresh);
    return e;
}

void Index::Impl::retireUnreferencedFiles()
{
    // Runs where nothing else publishes: at open, or under publishMutex.
    // Files named by the current or the previous manifest stay: the previous
    // generation is the fallback repair can return to. So do the logs after
    // the older of the two checkpoints: they hold the records since then.
    QSet<QString> keep;
    quint64 keepLogsAfter = manifest.checkpointLsn;
    auto keepAll = [&](const Manifest &m) {
        keep.insert(m.walFile);
        for (const FileRecord &f : m.files)
            keep.insert(f.name);
        keepLogsAfter = std::min<quint64>(keepLogsAfter, m.checkpointLsn);
    };
    keepAll(manifest);
    const QString prevPath = filePath(manifest::previousName());
    if (QFileInfo::exists(prevPath)) {
        const Result<Manifest> prev = Manifest::read(prevPath);
        if (!prev.ok()) return; // unsure what it needs: remove nothing
        keepAll(*prev);
        // Except its graph, once a newer manifest names another: a graph is
        // derived data, and going back a generation brings the current graph
        // up to date or builds one (docs/format.md, "The folder"). So a
        // superseded graph goes as soon as the manifest replacing it is durable.
        if (prev->graph && (!manifest.graph || manifest.graph->file != prev->graph->file))
            keep.remove(prev->graph->file);
    }
    static const QRegularExpression walName(QStringLiteral("^wal-(\\d{20})\\.log$"));
    const QStringList ours =
        QDir(dir).entryList({QStringLiteral("seg-*.sxs"), QStringLiteral("del-*.sxd"), QStringLiteral("graph-*.sxg"),
                             QStringLiteral("wal-*.log"), QStringLiteral("wal-*.log.tmp")},
                            QDir::Files);
    bool removed = false;
    for (const QString &name : ours) {
        if (keep.contains(name)) continue;
        {
            std::lock_guard lock(inProgressMutex);
            if (filesInProgress.contains(name)) continue; // a background task is writing it
        }
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
