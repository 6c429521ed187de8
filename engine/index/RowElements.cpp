#include "index/RowElements.h"
#include "index/IndexImpl.h"

#include <algorithm>

namespace sextant {

using namespace storage;

const std::vector<uint32_t> *RowElements::Tables::find(uint64_t segmentInstance) const
{
    const auto it = std::lower_bound(segments.begin(), segments.end(), segmentInstance,
                                     [](const auto &entry, uint64_t key) { return entry.first < key; });
    return it != segments.end() && it->first == segmentInstance ? &it->second : nullptr;
}

std::shared_ptr<RowElements::Tables> RowElements::build(const HnswGraph &graph,
                                                        const std::vector<LoadedSegment> &segments)
{
    auto t = std::make_shared<Tables>();
    t->graph = graph.instance();
    // Read before the pass: a hint that changes during it makes the tables
    // look older than they are, never newer.
    t->hintChanges = graph.hintChanges();
    for (const LoadedSegment &ls : segments)
        t->segments.emplace_back(ls.segment->instance(),
                                 std::vector<uint32_t>(size_t(ls.segment->rowCount()), kUnknown));
    std::sort(t->segments.begin(), t->segments.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    // One pass over the elements: each element's label, the label's hint,
    // the hint's row. Consecutive elements mostly point into one segment.
    const uint32_t elements = graph.elementCount();
    uint64_t lastInstance = 0;
    std::vector<uint32_t> *table = nullptr;
    for (uint32_t e = 0; e < elements; ++e) {
        const uint64_t hint = graph.locationHint(graph.labelAt(e));
        if (!hint) continue;
        const uint64_t instance = hint >> 32;
        if (instance != lastInstance) {
            lastInstance = instance;
            table = const_cast<std::vector<uint32_t> *>(t->find(instance));
        }
        const size_t row = size_t(hint & 0xffffffffu);
        if (table && row < table->size()) (*table)[row] = e;
    }
    for (const LoadedSegment &ls : segments) {
        const std::vector<uint32_t> &rows = *t->find(ls.segment->instance());
        for (size_t row = 0; row < rows.size(); ++row)
            t->unknown += rows[row] == kUnknown && !ls.deletions->isDeleted(qint64(row));
    }
    return t;
}

bool RowElements::current(const Tables &t, const HnswGraph &graph, const std::vector<LoadedSegment> &segments)
{
    if (t.graph != graph.instance()) return false;
    for (const LoadedSegment &ls : segments)
        if (!t.find(ls.segment->instance())) return false;
    if (t.unknown == 0) return true;
    const uint64_t newHints = graph.hintChanges() - t.hintChanges;
    return newHints < std::max<uint64_t>(kMinNewHints, uint64_t(t.unknown) / 8);
}

std::shared_ptr<const RowElements::Tables> RowElements::get(const HnswGraph &graph,
                                                            const std::vector<LoadedSegment> &segments)
{
    // Built under the lock: queries that find the tables stale at once wait
    // for one pass instead of each making its own.
    std::lock_guard lock(m_mutex);
    if (m_tables && current(*m_tables, graph, segments)) return m_tables;
    m_tables = build(graph, segments);
    return m_tables;
}

bool RowElements::note(const HnswGraph &graph, const std::vector<LoadedSegment> &segments,
                       const std::function<bool()> &keepGoing)
{
    std::shared_ptr<Tables> t = build(graph, segments);
    bool stopped = false;
    if (t->unknown > 0) {
        // Rows whose item has no hint: look the id up. Rows of items the
        // graph does not hold stay unknown (they are pending, or the graph
        // failed to add them); the scan measures those with their floats.
        qint64 noted = 0, walked = 0;
        for (const LoadedSegment &ls : segments) {
            const Segment &seg = *ls.segment;
            const std::vector<uint32_t> &rows = *t->find(seg.instance());
            for (qint64 row = 0; row < qint64(rows.size()) && !stopped; ++row) {
                if (rows[size_t(row)] != kUnknown || ls.deletions->isDeleted(row)) continue;
                if (++walked % 4096 == 0 && !keepGoing()) stopped = true;
                const Result<QByteArrayView> id = seg.id(row);
                if (!id.ok()) continue; // damage: verify reports it; the scan measures the row with its floats
                const QByteArray key = QByteArray::fromRawData(id->data(), id->size());
                if (const auto label = graph.labelOf(key)) {
                    graph.setLocationHint(*label, HnswGraph::packLocation(seg.instance(), row));
                    ++noted;
                }
            }
        }
        if (noted > 0 && !stopped) t = build(graph, segments);
    }
    if (!stopped) {
        std::lock_guard lock(m_mutex);
        if (!m_tables || m_tables->graph != t->graph || m_tables->hintChanges <= t->hintChanges) m_tables = t;
    }
    return !stopped;
}

} // namespace sextant
