// Bulk ingestion: a large bulk batch whose ids the memtable does not hold is
// written straight into a new segment and published with the manifest,
// instead of going through the log and being written a second time at the
// next checkpoint (RocksDB's "ingest external file"). The manifest's
// checkpointLsn stays: the log's records since then touch other ids, so the
// order between them and the batch does not matter.

#include "index/IndexImpl.h"
#include "base/FileIo.h"

#include <algorithm>

namespace sextant {

using namespace storage;

namespace {

class RecordRows : public SegmentRowSource {
public:
    explicit RecordRows(std::vector<const Record *> rows) : m_rows(std::move(rows)) { }
    qint64 rowCount() const override { return qint64(m_rows.size()); }
    QByteArrayView id(qint64 r) const override { return m_rows[size_t(r)]->id; }
    const float *vector(qint64 r) const override { return m_rows[size_t(r)]->vector.constData(); }
    QByteArrayView metadata(qint64 r) const override { return m_rows[size_t(r)]->metadata; }

private:
    std::vector<const Record *> m_rows;
};

} // namespace

bool Index::Impl::ingestBatch(WriteRequest &request)
{
    // A frozen memtable being checkpointed could hide the new segment's rows.
    waitForFlush();
    if (imm) {
        if (Error e = flushFrozen()) {
            finishRequest(request, failedWrite(e));
            return true;
        }
    }
    const QList<Record> &records = request.records;
    for (const Record &r : records)
        if (mem.find(r.id)) return false;

    // The same checks as a logged write; the memtable holds none of these ids,
    // so only segments can. (A merge running meanwhile changes where rows
    // are, not which ids exist.)
    std::vector<const Record *> puts;
    puts.reserve(size_t(records.size()));
    qint64 liveDelta = 0;
    {
        std::shared_lock lock(stateMutex);
        for (qsizetype i = 0; i < records.size(); ++i) {
            const Record &r = records[i];
            const Result<Location> loc = locate(r.id);
            Error e = loc.ok() ? checkRecordAgainstState(r, loc->found(), i, records.size()) : loc.error();
            if (e) {
                lock.unlock();
                finishRequest(request, failedWrite(e));
                return true;
            }
            liveDelta += int(!r.isDelete()) - int(loc->found());
            if (!r.isDelete()) puts.push_back(&r);
        }
    }
    std::sort(puts.begin(), puts.end(), [](const Record *a, const Record *b) { return a->id < b->id; });

    QList<FileRecord> fresh;
    auto fail = [&](const Error &e) {
        doneWithFiles(fresh); // what was written is unreferenced and retired later
        finishRequest(request, failedWrite(e));
        return true;
    };
    Result<std::optional<LoadedSegment>> added = writeNewSegment(RecordRows(std::move(puts)), &fresh);
    if (!added.ok()) return fail(added.error());

    std::lock_guard publishing(publishMutex);
    std::vector<LoadedSegment> segs = segments;
    std::vector<std::optional<DeletionVector>> changed;
    std::vector<QByteArray> ids;
    ids.reserve(size_t(records.size()));
    for (const Record &r : records)
        ids.push_back(r.id);
    if (Error e = markLiveRows(segs, ids, changed)) return fail(e);
    if (Error e = writeChangedDeletions(dir, segs, changed, manifest.generation + 1, syncFiles(), &fresh))
        return fail(e);
    if (*added) segs.push_back(**added);
    if (Error e = publishLocked(manifest, std::move(segs), fresh, [&] {
            liveCount += liveDelta;
            for (const Record &r : records)
                graphChanged(r.id);
        }))
        return fail(e);
    finishRequest(request, succeededWrite(lastLsn, int(records.size())));
    return true;
}

} // namespace sextant
