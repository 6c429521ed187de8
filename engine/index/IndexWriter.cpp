// The writer side of an Index: group commit. Runs on the write queue's
// thread, the only one that changes the memtable.

#include "index/IndexImpl.h"
#include "base/FileIo.h"

#include <QHash>

namespace sextant {

using namespace storage;

Error checkRecordAgainstState(const Record &r, bool exists, qsizetype index, qsizetype count)
{
    const QString shown = QString::fromUtf8(r.id.left(200));
    Error err;
    if (r.type == RecordType::Insert && exists)
        err = Error(ErrorCode::AlreadyExists,
                    QStringLiteral("An item with the id \"%1\" already exists; use upsert to replace it.").arg(shown));
    else if (r.type == RecordType::Delete && !exists)
        err = Error(ErrorCode::NotFound, QStringLiteral("There is no item with the id \"%1\".").arg(shown));
    if (!err.ok() && count > 1)
        err = err.rephrased(QStringLiteral("Item %1 of the batch: %2").arg(index + 1).arg(err.message()));
    return err;
}

void Index::Impl::processGroup(WriteGroup &group)
{
    WriteRequest &first = *group.front();
    if (first.kind == WriteRequest::Kind::Ingest) {
        if (!failure.ok()) {
            finishRequest(first, failedWrite(failure));
            return;
        }
        if (!ingestBatch(first)) processWrites(group); // it touches the memtable: log it instead
        maybeCheckpointInBackground();
        return;
    }
    if (first.kind == WriteRequest::Kind::Compact && failure.ok()) {
        compactInBackground(std::move(group.front()));
        return;
    }
    if (first.kind == WriteRequest::Kind::ConvertGraph) {
        convertGraphOnWriter(first);
        return;
    }
    if (first.kind != WriteRequest::Kind::Write) {
        Error e = failure;
        if (e.ok()) e = checkpointLocked();
        finishRequest(first, e.ok() ? succeededWrite(lastLsn, 0) : failedWrite(e));
        return;
    }
    processWrites(group);
    maybeCheckpointInBackground();
}

void Index::Impl::processWrites(WriteGroup &group)
{
    if (!failure.ok()) {
        for (auto &req : group)
            finishRequest(*req, failedWrite(failure));
        return;
    }
    // Only this thread changes the memtable, but a background checkpoint may
    // install new segments meanwhile.
    std::shared_lock readLock(stateMutex);
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
            err = checkRecordAgainstState(r, exists, i, req->records.size());
            local.insert(r.id, !r.isDelete());
            liveDelta += int(!r.isDelete()) - int(exists);
        }
        if (!err.ok()) {
            finishRequest(*req, failedWrite(err));
            continue;
        }
        for (auto it = local.constBegin(); it != local.constEnd(); ++it)
            overlay.insert(it.key(), it.value());
        ++lsn;
        const qsizetype start = wal::beginFrame(frames, wal::kFrameBatch, lsn);
        encodeBatchPayload(frames, req->records);
        wal::endFrame(frames, start);
        accepted.push_back({req.get(), lsn, liveDelta});
    }
    readLock.unlock();
    if (accepted.empty()) return;

    // Before acknowledging anything: is the log still the file the folder
    // holds? (Removed, replaced, or its folder gone: nothing would survive.)
    if (Error gone = wal->checkStillInPlace()) {
        failure = gone;
        for (const Accepted &a : accepted)
            finishRequest(*a.request, failedWrite(gone));
        return;
    }
    Error ioError = wal->append(frames);
    if (ioError.ok() && syncWal()) {
        ioError = wal->sync();
        // After a failed fdatasync the kernel may have dropped the dirty
        // pages; nothing written since the last good sync can be trusted.
        if (!ioError.ok())
            failure = Error(
                ErrorCode::Io,
                QStringLiteral("%1. The index stopped accepting writes; close and reopen it.").arg(ioError.message()),
                ioError.path());
    } else if (!ioError.ok() && ioError.message().contains(QStringLiteral("cutting the partial write also failed"))) {
        failure = ioError;
    }
    if (!ioError.ok()) {
        for (const Accepted &a : accepted)
            finishRequest(*a.request, failedWrite(ioError));
        return;
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
                graphChanged(r.id);
            }
            liveCount += a.liveDelta;
        }
        lastLsn = lsn;
    }
    for (const Accepted &a : accepted)
        finishRequest(*a.request, succeededWrite(a.lsn, int(a.request->records.size())));
}

} // namespace sextant
