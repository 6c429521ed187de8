// Bulk ingestion: a large bulk batch whose ids the memtable does not hold is
// written straight into a new segment and published with the manifest,
// instead of going through the log and being written a second time at the
// next checkpoint (RocksDB's "ingest external file"). The manifest's
// checkpointLsn stays: the log's records since then touch other ids, so the
// order between them and the batch does not matter.

#include "index/IndexImpl.h"
#include "storage/FileIo.h"

#include <algorithm>

namespace sextant {

using namespace storage;

namespace {

class RecordRows : public SegmentRowSource {
public:
    explicit RecordRows(std::vector<const Record *> rows) : m_rows(std::move(rows)) {}
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
    // Publishing here must not race a background checkpoint's publishing.
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
    // so only segments can.
    std::vector<std::optional<DeletionVector>> changed(segments.size());
    std::vector<const Record *> puts;
    puts.reserve(size_t(records.size()));
    qint64 liveDelta = 0;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const Record &r = records[i];
        const Result<Location> loc = locate(r.id);
        if (!loc.ok()) {
            finishRequest(request, failedWrite(loc.error()));
            return true;
        }
        if (Error e = checkRecordAgainstState(r, loc->found(), i, records.size())) {
            finishRequest(request, failedWrite(e));
            return true;
        }
        if (loc->found()) {
            const size_t s = size_t(loc->segmentIndex);
            if (!changed[s]) changed[s] = *segments[s].deletions;
            changed[s]->markDeleted(loc->row);
        }
        liveDelta += int(!r.isDelete()) - int(loc->found());
        if (!r.isDelete()) puts.push_back(&r);
    }
    std::sort(puts.begin(), puts.end(), [](const Record *a, const Record *b) { return a->id < b->id; });

    const quint64 generation = manifest.generation + 1;
    Manifest next = manifest;
    std::vector<LoadedSegment> nextSegments = segments;
    QList<FileRecord> fresh;
    auto fail = [&](const Error &e) {
        finishRequest(request, failedWrite(e));
        return true; // files written so far are unreferenced and retired later
    };
    if (Error e = writeChangedDeletions(dir, nextSegments, changed, generation, syncFiles(), &fresh)) return fail(e);
    if (Error e = addNewSegment(dir, &next, schema.dimensions, RecordRows(std::move(puts)), syncFiles(), &nextSegments, &fresh))
        return fail(e);
    if (syncFiles())
        if (Error e = syncDirectory(dir)) return fail(e);
    next.generation = generation;
    describeSegments(next, nextSegments, manifest, fresh);
    if (Error e = publishManifest(dir, next, manifestBytes, syncFiles())) return fail(e);
    {
        std::unique_lock lock(stateMutex);
        manifestBytes = next.encode();
        manifest = std::move(next);
        segments = std::move(nextSegments);
        liveCount += liveDelta;
    }
    retireUnreferencedFiles();
    finishRequest(request, succeededWrite(lastLsn, int(records.size())));
    return true;
}

} // namespace sextant
