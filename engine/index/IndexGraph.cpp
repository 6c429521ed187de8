// The index as the host of its HNSW graph: what the GraphManager reads,
// and how a saved graph becomes part of the manifest.

#include "index/IndexImpl.h"
#include "index/PublishedState.h"
#include "base/FileIo.h"

#include <atomic>
#include <mutex>
#include <thread>

namespace sextant {

using namespace storage;
using namespace base;

void Index::Impl::startGraph()
{
    {
        std::shared_lock lock(stateMutex);
        std::lock_guard tuneLock(tuneMutex);
        tuned = manifest.tuning;
        if (tuned) tunedEf = tuned->ef;
    }
    if (!options.graph) return;
    graph.replace(
        std::make_shared<GraphManager>(*this, schema.dimensions, schema.metric, schema.ann, !options.readOnly));
    std::optional<GraphEntry> saved;
    {
        std::shared_lock lock(stateMutex);
        saved = manifest.graph;
    }
    graph->start(saved);
}

void Index::Impl::stopGraph(bool save)
{
    if (!graph) return;
    graph->stop();
    if (save)
        if (Error e = graph->saveNow())
            qWarning("sextant: saving the graph at close failed: %s", qPrintable(e.message()));
}

std::vector<HnswGraph::Change> Index::Impl::currentVectors(const std::vector<QByteArray> &ids)
{
    std::vector<HnswGraph::Change> out;
    out.reserve(ids.size());
    std::shared_lock lock(stateMutex);
    for (const QByteArray &id : ids) {
        HnswGraph::Change c;
        c.id = id;
        const Result<Location> loc = locate(id);
        if (loc.ok() && loc->found()) {
            const float *v = nullptr;
            if (loc->mem) {
                v = loc->mem->vector.constData();
            } else {
                v = segments[size_t(loc->segmentIndex)].segment->vectorData(loc->row);
            }
            c.vector.assign(v, v + schema.dimensions);
            c.hash = HnswGraph::vectorHash(v, schema.dimensions);
        }
        // A damaged segment block reads as "absent": the graph drops the id
        // and verify reports the damage.
        out.push_back(std::move(c));
    }
    return out;
}

Error Index::Impl::forEachLiveItem(const LiveItem &item, int threads)
{
    // Copy what the scan needs under the lock; segments are immutable and
    // stay mapped while we hold them.
    std::vector<LoadedSegment> segs;
    std::vector<std::pair<QByteArray, QVector<float>>> memItems;
    QSet<QByteArray> hidden; // ids whose segment rows the memtables replace
    {
        std::shared_lock lock(stateMutex);
        segs = segments;
        const Memtable *tables[2] = {&mem, imm.get()};
        for (const Memtable *t : tables) {
            if (!t) continue;
            for (const auto &[id, e] : t->entries) {
                if (hidden.contains(id)) continue; // the active memtable's version wins
                hidden.insert(id);
                if (!e.deleted) memItems.emplace_back(id, e.vector);
            }
        }
    }
    for (const auto &[id, v] : memItems)
        if (!item(id, v.constData(), 0)) return {};
    // The rows in chunks, taken in turn by each thread.
    constexpr qint64 kChunk = 8192;
    std::vector<std::pair<size_t, qint64>> chunks; // (segment, first row)
    for (size_t s = 0; s < segs.size(); ++s)
        for (qint64 row = 0; row < segs[s].segment->rowCount(); row += kChunk)
            chunks.emplace_back(s, row);
    std::atomic<size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex failureMutex;
    Error failure;
    auto walk = [&] {
        for (size_t c = next.fetch_add(1); c < chunks.size() && !stop.load(); c = next.fetch_add(1)) {
            const LoadedSegment &ls = segs[chunks[c].first];
            const Segment &seg = *ls.segment;
            const qint64 end = std::min(seg.rowCount(), chunks[c].second + kChunk);
            for (qint64 row = chunks[c].second; row < end; ++row) {
                if (ls.deletions->isDeleted(row)) continue;
                const Result<QByteArrayView> id = seg.id(row);
                if (!id.ok()) {
                    std::lock_guard lock(failureMutex);
                    if (!failure) failure = id.error();
                    stop = true;
                    return;
                }
                const QByteArray key = id->toByteArray();
                if (!hidden.isEmpty() && hidden.contains(key)) continue;
                if (!item(key, seg.vectorData(row), HnswGraph::packLocation(seg.instance(), row))) {
                    stop = true;
                    return;
                }
            }
        }
    };
    std::vector<std::thread> helpers;
    for (int t = 1; t < std::min<int>(threads, int(chunks.size())); ++t)
        helpers.emplace_back(walk);
    walk();
    for (std::thread &t : helpers)
        t.join();
    return failure;
}

qint64 Index::Impl::liveItemCount()
{
    std::shared_lock lock(stateMutex);
    return liveCount;
}

void Index::Impl::notePending(const QString &fileName, bool inProgress)
{
    std::lock_guard lock(inProgressMutex);
    if (inProgress)
        filesInProgress.insert(fileName);
    else
        filesInProgress.remove(fileName);
}

bool Index::Impl::graphCaughtUp(bool rebuilt)
{
    const qint64 live = liveItemCount();
    std::optional<TuningEntry> current;
    {
        std::lock_guard lock(tuneMutex);
        current = tuned;
    }
    // Re-measured when the item count moved by a tenth since, or the graph is new.
    const bool stale =
        rebuilt || !current || std::abs(live - current->items) * 10 >= std::max<qint64>(current->items, 1);
    if (live < kMinTuneItems || !owner) return false;
    if (!stale && exactNsPerItem.load() > 0) return false;
    // A read-only opener (info, verify, a second window) uses the stored ef
    // and only times the scan: measuring a 100-item sample would hold up
    // `info --graph`. Verify measures its own (VerifyContent.cpp).
    const bool measure = stale && !options.readOnly;
    {
        std::lock_guard lock(tuneMutex);
        tuningNow = true;
    }
    const auto done = qScopeGuard([&] {
        std::lock_guard lock(tuneMutex);
        tuningNow = false;
    });
    // Not stale, only the costs unknown (just opened): a few exact scans time them.
    const Result<EfTuning> t = owner->tuneEf(measure ? kTuneSample : 3, 0, quint64(live));
    if (!t.ok()) {
        if (t.error().code() != ErrorCode::Cancelled && t.error().code() != ErrorCode::Closed)
            qInfo("sextant: measuring the ef for the target recall failed: %s", qPrintable(t.error().message()));
        return false;
    }
    exactNsPerItem = t->exactNsPerItem;
    filteredNsPerItem = t->filteredNsPerItem;
    graphMsPerEf = t->graphMilliseconds / double(std::max(t->ef, 1));
    codeNsPerItem = t->codeNsPerItem;
    rerankNsPerItem = t->rerankNsPerItem;
    if (!measure) return false;
    tunedEf = t->ef;
    const TuningEntry entry{t->ef, t->recall, t->items};
    {
        std::lock_guard lock(tuneMutex);
        tuned = entry;
    }
    {
        // Kept in the manifest, so that the next open starts with it.
        std::lock_guard publishing(publishMutex);
        auto [next, segs] = publishedState(*this);
        if (next.tuning != entry) {
            next.tuning = entry;
            if (Error e = publishLocked(std::move(next), std::move(segs), {}))
                qWarning("sextant: saving the tuned ef failed: %s", qPrintable(e.message()));
        }
    }
    return !t->reached && t->highRecall < kRebuildBelowRecall;
}

bool Index::Impl::noteLocations(const HnswGraph &graph, const std::function<bool()> &keepGoing)
{
    std::vector<LoadedSegment> segs;
    {
        std::shared_lock lock(stateMutex);
        segs = segments; // immutable files and deletion vectors, kept alive by the copy
    }
    return rowElements.note(graph, segs, keepGoing);
}

GraphStatus Index::Impl::graphStatusNow() const
{
    const std::shared_ptr<GraphManager> manager = graph.get();
    GraphStatus s = manager ? manager->status() : GraphStatus{};
    s.targetRecall = schema.ann.targetRecall;
    std::lock_guard lock(tuneMutex);
    if (tuned) {
        s.tunedEf = tuned->ef;
        s.tunedRecall = tuned->recall;
        s.tunedItems = tuned->items;
    }
    s.tuning = tuningNow;
    return s;
}

Error Index::Impl::publishGraph(const FileRecord &file, const GraphEntry &entry)
{
    if (syncFiles())
        if (Error e = syncDirectory(dir)) return e;
    std::lock_guard publishing(publishMutex);
    auto [next, segs] = publishedState(*this);
    next.graph = entry;
    return publishLocked(std::move(next), std::move(segs), {file});
}

} // namespace sextant
