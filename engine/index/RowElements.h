#pragma once
// Which graph element holds the item of each segment row: what the filtered
// scan over the graph's 8-bit codes reads a row's code through (index/Search.cpp;
// docs/search.md, "The filtered scan over 8-bit codes").
//
// A row holds one id for good, and a label stands for one id for the graph's
// life and keeps its element (HnswGraph, "elements"), so a row's element
// never changes while the segment file and the graph object are both open.
// The tables are therefore keyed by HnswGraph::instance() and
// Segment::instance() (both unique within the process, never reused) and
// never hold a wrong entry; they only lack entries: rows whose item has no
// location hint yet. They are built from the hints in one pass over the
// graph's elements (4 bytes per row):
//   - by a query, when the tables it finds are not its graph's, lack one of
//     its segments, or more hints are known than when they were built (and
//     enough more to cover a good share of the rows they lack);
//   - by the graph's maintenance thread when it is idle after segments were
//     published (a checkpoint, a merge, a bulk ingestion) or the graph was
//     loaded, rebuilt or converted (note()): it first gives the rows without a
//     hint one (id -> label -> setLocationHint), then builds the tables and
//     publishes them, so that queries find them ready.
// Thread safety: get() and note() may run at once. A query calls get()
// holding the state lock shared and a graph view (the graph's read lock);
// note() runs on the thread that changes the graph, between its changes.

#include "index/Graph.h"

#include <QtGlobal>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace sextant {

struct LoadedSegment;

class RowElements {
public:
    static constexpr uint32_t kUnknown = 0xffffffffu;

    struct Tables {
        uint64_t graph = 0;       // HnswGraph::instance()
        uint64_t hintChanges = 0; // HnswGraph::hintChanges() when the pass began
        qint64 unknown = 0;       // live rows of these segments whose element is not known
        // (segment instance, element of each row), by instance.
        std::vector<std::pair<uint64_t, std::vector<uint32_t>>> segments;
        const std::vector<uint32_t> *find(uint64_t segmentInstance) const;
    };

    // Tables for `graph` covering every one of `segments`, built now when
    // those kept are stale (see above).
    std::shared_ptr<const Tables> get(const HnswGraph &graph, const std::vector<LoadedSegment> &segments);
    // The maintenance thread: notes the rows without a hint, then builds and
    // keeps the tables. False when `keepGoing` said to stop first (the hints
    // noted so far stay: each is true).
    bool note(const HnswGraph &graph, const std::vector<LoadedSegment> &segments,
              const std::function<bool()> &keepGoing);

    // Kept tables lacking rows are rebuilt once the hints changed this many
    // times since, and at least an eighth as many times as rows are lacking.
    static constexpr uint64_t kMinNewHints = 64;

private:
    static std::shared_ptr<Tables> build(const HnswGraph &graph, const std::vector<LoadedSegment> &segments);
    static bool current(const Tables &t, const HnswGraph &graph, const std::vector<LoadedSegment> &segments);

    std::mutex m_mutex;
    std::shared_ptr<const Tables> m_tables;
};

} // namespace sextant
