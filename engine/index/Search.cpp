// Queries: the planner, the exact scan, the HNSW path with post-filtering,
// and recall estimation. docs/search.md describes the plans and their costs.
//
// A query holds the state lock shared for its whole run (the lock prefers
// the writer, so a stream of queries cannot starve it): the memtables,
// segments and deletion vectors it reads stay as they are meanwhile. The
// graph is read under its own shared lock, taken after the state lock.

#include "index/Distance.h"
#include "index/IndexImpl.h"

#include <QElapsedTimer>
#include <QThreadPool>
#include "core/WorkerPool.h"
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>
#include <bit>
#include <cmath>
#include <random>

namespace sextant {

using namespace storage;

QString queryModeName(QueryMode mode)
{
    switch (mode) {
    case QueryMode::Auto: return QStringLiteral("auto");
    case QueryMode::Exact: return QStringLiteral("exact");
    case QueryMode::Ann: return QStringLiteral("ann");
    }
    return {};
}

QString queryStrategyName(QueryStrategy s)
{
    switch (s) {
    case QueryStrategy::ExactScan: return QStringLiteral("exact");
    case QueryStrategy::ExactFiltered: return QStringLiteral("exact-filtered");
    case QueryStrategy::Ann: return QStringLiteral("ann");
    case QueryStrategy::AnnPostFiltered: return QStringLiteral("ann-post-filtered");
    case QueryStrategy::QuantizedFiltered: return QStringLiteral("quantized-filtered");
    }
    return {};
}

namespace {

constexpr int kMaxK = 10000;
// Auto scans indexes this small: the scan costs less than a graph search.
constexpr qint64 kExactBelow = 2048;
// More unapplied changes than this and the graph is not used: searching them
// one by one would cost more than the scan.
constexpr qsizetype kMaxPendingForAnn = 4096;
// Until the index has measured its costs: a graph search at ef computes about
// this many distances per unit of ef (measured on 100k x 384, M 16: 2,600
// distances at ef 64), and the exact scan costs this much per dimension and item.
constexpr double kDistancesPerEf = 40;
constexpr double kPriorNsPerDimension = 0.25;
constexpr int kMaxTunedEf = 1024; // the highest ef tuning tries
constexpr qint64 kChunkRows = 16384;
constexpr qint64 kParallelBelow = 32768; // smaller scans stay on the calling thread
// The filtered scan over 8-bit codes keeps this many of the best code
// distances for the float rerank (docs/search.md: what recall needs) ...
size_t codeScanKeep(int k) { return size_t(std::max(10 * k, 100)); }
// ... and is planned when the filter matches at least this many times as
// many items (fewer are scanned with their floats at about the same cost).
constexpr qint64 kCodeScanMinPerKept = 4;

struct Candidate {
    float distance;
    int source; // -1: memtable item `row`; >= 0: segment index
    qint64 row;
    bool operator<(const Candidate &o) const { return distance < o.distance; }
};

// The k smallest distances seen, as a max-heap.
class TopK {
public:
    explicit TopK(size_t k) : m_k(k) { m_heap.reserve(k + 1); }
    float worst() const
    {
        return m_heap.size() < m_k ? std::numeric_limits<float>::infinity() : m_heap.front().distance;
    }
    void push(const Candidate &c)
    {
        if (m_heap.size() < m_k) {
            m_heap.push_back(c);
            std::push_heap(m_heap.begin(), m_heap.end());
        } else if (c.distance < m_heap.front().distance) {
            std::pop_heap(m_heap.begin(), m_heap.end());
            m_heap.back() = c;
            std::push_heap(m_heap.begin(), m_heap.end());
        }
    }
    void merge(const TopK &other)
    {
        for (const Candidate &c : other.m_heap)
            push(c);
    }
    std::vector<Candidate> sorted() const
    {
        std::vector<Candidate> v = m_heap;
        std::sort(v.begin(), v.end());
        return v;
    }

private:
    size_t m_k;
    std::vector<Candidate> m_heap;
};

// The `keep` smallest distances seen, gathered without a heap: a candidate
// below the bound is appended, and when twice `keep` are held the best `keep`
// are selected and the bound tightened to the worst of them. About one
// comparison per candidate, where a heap of a hundred costs a dozen for
// each one it takes (and a scan over codes offers it hundreds).
class Shortlist {
public:
    explicit Shortlist(size_t keep) : m_keep(keep) { }
    float bound() const { return m_bound; }
    void push(const Candidate &c)
    {
        if (c.distance >= m_bound) return;
        m_items.push_back(c);
        if (m_items.size() >= 2 * m_keep) trim();
    }
    void merge(const Shortlist &other)
    {
        for (const Candidate &c : other.m_items)
            push(c);
    }
    std::vector<Candidate> best()
    {
        trim();
        std::sort(m_items.begin(), m_items.end());
        return m_items;
    }

private:
    void trim()
    {
        if (m_items.size() <= m_keep) return;
        std::nth_element(m_items.begin(), m_items.begin() + ptrdiff_t(m_keep - 1), m_items.end());
        m_bound = m_items[m_keep - 1].distance;
        m_items.resize(m_keep);
    }
    size_t m_keep;
    float m_bound = std::numeric_limits<float>::infinity();
    std::vector<Candidate> m_items;
};

// Everything a query reads, gathered under the state lock.
struct QueryContext {
    const Index::Impl &d;
    Metric metric;
    int dims;
    std::vector<float> q{}; // the query vector as given
    double qNorm = 0;
    QByteArray exclude{}; // "more like this": the item itself
    std::optional<Filter> filter;
    // The graph search does not walk through `exclude`'s own element.
    bool unlinkExcluded = false;
    std::vector<std::shared_ptr<const Bitmap>> segmentMatches{}; // per segment, when filtered
    // Live memtable items (the active memtable's version of an id wins), and
    // whether each matches the filter.
    std::vector<std::pair<const QByteArray *, const MemEntry *>> memItems{};
    std::vector<uint8_t> memMatches{};
    bool memtablesEmpty = true;

    // Distance as the graph measures it: lower is closer.
    float distanceFromDot(float dot, float norm) const
    {
        if (metric == Metric::Cosine) return (norm > 0 && qNorm > 0) ? 1.0f - float(dot / (qNorm * norm)) : 1.0f;
        return 1.0f - dot;
    }
    float distanceTo(const float *v) const
    {
        const distance::Kernels &k = distance::kernels();
        if (metric == Metric::L2) return k.l2sq(q.data(), v, size_t(dims));
        const float dot = k.dot(q.data(), v, size_t(dims));
        return distanceFromDot(dot, metric == Metric::Cosine ? float(distance::norm(v, size_t(dims))) : 1.0f);
    }
    float score(float distance) const
    {
        return metric == Metric::L2 ? std::sqrt(std::max(distance, 0.0f)) : 1.0f - distance;
    }

    // A segment row the memtables replace, or the excluded item: not a result.
    bool hidden(const Segment &seg, qint64 row) const
    {
        if (memtablesEmpty && exclude.isEmpty()) return false;
        const Result<QByteArrayView> id = seg.id(row);
        if (!id.ok()) return true;
        if (!exclude.isEmpty() && *id == QByteArrayView(exclude)) return true;
        if (memtablesEmpty) return false;
        const QByteArray key = id->toByteArray();
        return d.mem.find(key) || (d.imm && d.imm->find(key));
    }
    bool memMatch(size_t i) const { return memMatches.empty() || memMatches[i]; }
    // Whether the item at a found location passes the filter.
    bool matchesAt(const Location &loc) const
    {
        if (!filter) return true;
        if (loc.mem) return filter->matchesJson(loc.mem->metadata);
        return segmentMatches[size_t(loc.segmentIndex)]->test(loc.row);
    }
};

// The filtered scan over the graph's 8-bit codes (docs/search.md, "The
// filtered scan over 8-bit codes"): a matching segment row whose item the
// graph holds as it is now is scored from its element's code, and the best
// `keep` of those are scored again with their float vectors afterwards. A
// matching row without a current code (its element not known yet, or its
// item pending: the graph has not caught up with it) is scored with its
// floats, as the exact scan does, and so are the memtables' items.
struct CodeScan {
    const HnswGraph &graph;
    std::vector<char> prepared;                             // the query as the graph compares it
    std::shared_ptr<const RowElements::Tables> tables;      // segment row -> element
    std::vector<const std::vector<uint32_t> *> bySegment{}; // per segment index (null: no table)
    std::vector<uint64_t> pending{};                        // a bit per element whose item is pending
    size_t keep = 0;
    // The element holding the current version of a row's item, or kUnknown.
    uint32_t elementAt(int segment, qint64 row) const
    {
        const std::vector<uint32_t> *t = bySegment[size_t(segment)];
        const uint32_t e = t ? (*t)[size_t(row)] : RowElements::kUnknown;
        if (e == RowElements::kUnknown || pending.empty()) return e;
        return size_t(e >> 6) < pending.size() && (pending[e >> 6] >> (e & 63)) & 1 ? RowElements::kUnknown : e;
    }
};

struct ScanChunk {
    int segment;
    qint64 begin, end;
    TopK top;
    Shortlist codeTop; // the best code distances (a code scan only)
    qint64 scanned = 0, coded = 0;
};

// Scans rows [begin, end) of one segment into `chunk.top`, and, with
// `codes`, the rows that have a current code into `chunk.codeTop`.
void scanChunk(const QueryContext &ctx, ScanChunk &chunk, const CodeScan *codes)
{
    const LoadedSegment &ls = ctx.d.segments[size_t(chunk.segment)];
    const Segment &seg = *ls.segment;
    const Bitmap *match = ctx.segmentMatches.empty() ? nullptr : ctx.segmentMatches[size_t(chunk.segment)].get();
    const distance::Kernels &k = distance::kernels();
    const size_t dims = size_t(ctx.dims);
    auto consider = [&](qint64 row, float raw) {
        const float dist = ctx.metric == Metric::L2
                               ? raw
                               : ctx.distanceFromDot(raw, ctx.metric == Metric::Cosine ? seg.norm(row) : 1.0f);
        if (dist < chunk.top.worst() && !ctx.hidden(seg, row)) chunk.top.push({dist, chunk.segment, row});
    };
    if (match) {
        // The rows the filter matches, gathered in small batches.
        constexpr int kBatch = 64;
        const float *rows[kBatch];
        qint64 ids[kBatch];
        float out[kBatch];
        int n = 0;
        auto flush = [&] {
            if (ctx.metric == Metric::L2)
                k.l2sqGather(ctx.q.data(), rows, size_t(n), dims, out);
            else
                k.dotGather(ctx.q.data(), rows, size_t(n), dims, out);
            for (int i = 0; i < n; ++i)
                consider(ids[i], out[i]);
            chunk.scanned += n;
            n = 0;
        };
        // Rows with a current code, likewise in batches (the graph's
        // distances() prefetches the codes ahead).
        uint32_t elements[kBatch];
        qint64 codeRows[kBatch];
        int m = 0;
        auto flushCodes = [&] {
            codes->graph.distances(codes->prepared.data(), elements, size_t(m), out);
            for (int i = 0; i < m; ++i)
                if (out[i] < chunk.codeTop.bound() && !ctx.hidden(seg, codeRows[i]))
                    chunk.codeTop.push({out[i], chunk.segment, codeRows[i]});
            chunk.coded += m;
            m = 0;
        };
        auto visit = [&](qint64 row) {
            if (ls.deletions->isDeleted(row)) return;
            if (codes) {
                const uint32_t e = codes->elementAt(chunk.segment, row);
                if (e != RowElements::kUnknown) {
                    elements[m] = e;
                    codeRows[m++] = row;
                    if (m == kBatch) flushCodes();
                    return;
                }
            }
            rows[n] = seg.vectorData(row);
            ids[n++] = row;
            if (n == kBatch) flush();
        };
        // The set bits of the chunk's words (a selective filter leaves most
        // rows out: they cost a word test each, not a row test).
        const quint64 *words = match->words();
        for (qint64 w = chunk.begin >> 6; w < (chunk.end + 63) >> 6; ++w) {
            for (quint64 bits = words[w]; bits; bits &= bits - 1) {
                const qint64 row = w * 64 + std::countr_zero(bits);
                if (row >= chunk.begin && row < chunk.end) visit(row);
            }
        }
        if (n) flush();
        if (m) flushCodes();
        return;
    }
    constexpr qint64 kBlock = 1024;
    std::vector<float> out(static_cast<size_t>(kBlock));
    for (qint64 start = chunk.begin; start < chunk.end; start += kBlock) {
        const qint64 n = std::min(kBlock, chunk.end - start);
        if (ctx.metric == Metric::L2)
            k.l2sqMany(ctx.q.data(), seg.vectorData(start), dims, size_t(n), dims, out.data());
        else
            k.dotMany(ctx.q.data(), seg.vectorData(start), dims, size_t(n), dims, out.data());
        chunk.scanned += n;
        for (qint64 i = 0; i < n; ++i) {
            const qint64 row = start + i;
            if (ls.deletions->isDeleted(row)) continue;
            consider(row, out[size_t(i)]);
        }
    }
}

// The exact top-k over every live (matching) item. With `codes` (a filtered
// scan only), the rows that have a current code are left out of it and
// their best code distances gathered into `codeBest` instead.
TopK exactSearch(const QueryContext &ctx, size_t k, qint64 *scanned, const CodeScan *codes = nullptr,
                 Shortlist *codeBest = nullptr, qint64 *coded = nullptr)
{
    TopK top(k);
    for (size_t i = 0; i < ctx.memItems.size(); ++i) {
        if (!ctx.memMatch(i) || *ctx.memItems[i].first == ctx.exclude) continue;
        top.push({ctx.distanceTo(ctx.memItems[i].second->vector.constData()), -1, qint64(i)});
        ++*scanned;
    }
    std::vector<ScanChunk> chunks;
    qint64 total = 0;
    for (size_t s = 0; s < ctx.d.segments.size(); ++s) {
        const qint64 rows = ctx.d.segments[s].segment->rowCount();
        for (qint64 b = 0; b < rows; b += kChunkRows)
            chunks.push_back({int(s), b, std::min(rows, b + kChunkRows), TopK(k), Shortlist(codes ? codes->keep : 0)});
        total += rows;
    }
    if (total < kParallelBelow || chunks.size() < 2) {
        for (ScanChunk &c : chunks)
            scanChunk(ctx, c, codes);
    } else {
        QtConcurrent::blockingMap(engineThreadPool(), chunks,
                                  [&ctx, codes](ScanChunk &c) { scanChunk(ctx, c, codes); });
    }
    for (const ScanChunk &c : chunks) {
        top.merge(c.top);
        *scanned += c.scanned;
        if (codes) {
            codeBest->merge(c.codeTop);
            *coded += c.coded;
        }
    }
    return top;
}

} // namespace

Result<std::shared_ptr<const Bitmap>> Index::Impl::filterRows(const LoadedSegment &ls, const Filter &filter) const
{
    std::shared_ptr<SegmentFilterCache> cache;
    {
        std::lock_guard lock(filterCacheMutex);
        // Drop the caches of segments that merges have replaced (the caller
        // holds the state lock, so `segments` is current).
        if (filterCaches.size() > qsizetype(segments.size()) + 16) {
            QSet<quint64> current;
            for (const LoadedSegment &s : segments)
                current.insert(s.entry.id);
            for (auto it = filterCaches.begin(); it != filterCaches.end();)
                it = current.contains(it.key()) ? std::next(it) : filterCaches.erase(it);
        }
        auto &slot = filterCaches[ls.entry.id];
        if (!slot) slot = std::make_shared<SegmentFilterCache>();
        cache = slot;
    }
    const QByteArray key = filter.canonical();
    std::lock_guard lock(cache->mutex);
    for (auto it = cache->recent.begin(); it != cache->recent.end(); ++it)
        if (it->first == key) {
            cache->recent.splice(cache->recent.begin(), cache->recent, it);
            return cache->recent.front().second;
        }
    const Segment &seg = *ls.segment;
    Error damage;
    auto metadataOf = [&](qint64 row) -> QByteArrayView {
        const Result<QByteArrayView> m = seg.metadataView(row);
        if (m.ok()) return *m;
        if (damage.ok()) damage = m.error();
        return {};
    };
    const QStringList fields = filter.fields();
    if (!cache->columns)
        cache->columns = FilterColumns::build(fields, seg.rowCount(), metadataOf);
    else
        cache->columns->addFields(fields, metadataOf);
    if (damage) {
        cache->columns.reset(); // do not keep columns built from damaged metadata
        return damage;
    }
    auto rows = std::make_shared<Bitmap>();
    filter.evaluate(*cache->columns, *rows);
    cache->recent.emplace_front(key, rows);
    if (cache->recent.size() > SegmentFilterCache::kRecent) cache->recent.pop_back();
    return std::shared_ptr<const Bitmap>(rows);
}

namespace {

struct Hit {
    float distance;
    // A graph search's hits view their ids in the graph (HnswGraph::rawId):
    // valid while the query holds the graph's view, which it keeps until
    // materialise() has copied what it returns.
    QByteArray id;
    Location loc;
};

// What the planner decided for one query.
struct QueryPlan {
    bool useGraph = false;
    int ef = 0;                        // the ef of an unfiltered graph search (at least k)
    int efFiltered = 0;                // the ef a post-filtered search starts at
    double exactMs = -1, graphMs = -1; // auto: the estimates it weighed
    // Auto with a filter on an sq8 index: the matching items are scanned over
    // the graph's codes (when the graph can be used when the query runs).
    bool codeScan = false;
};

// Checks the request and gathers what the query reads (the caller holds the
// state lock): the query vector, the live memtable items and what the filter
// matches. Fills `result.liveItems` and `result.matching`.
Error prepareQuery(const Index::Impl &d, const QueryRequest &req, QueryContext &ctx, QueryResult &result)
{
    result.liveItems = d.liveCount;
    if (!req.likeId.isEmpty()) {
        if (Error e = validateId(req.likeId)) return e;
        ctx.exclude = req.likeId.toUtf8();
        const Result<Location> loc = d.locate(ctx.exclude);
        if (!loc.ok()) return loc.error();
        if (!loc->found())
            return Error(ErrorCode::NotFound, QStringLiteral("There is no item with the id \"%1\".").arg(req.likeId));
        if (loc->mem) {
            ctx.q.assign(loc->mem->vector.cbegin(), loc->mem->vector.cend());
        } else {
            Result<std::vector<float>> v = d.segments[size_t(loc->segmentIndex)].segment->vectorChecked(loc->row);
            if (!v.ok()) return v.error();
            ctx.q = v.takeValue();
        }
    } else {
        ctx.q.assign(req.vector.cbegin(), req.vector.cend());
    }
    ctx.qNorm = distance::norm(ctx.q.data(), ctx.q.size());

    // Memtable items, then what the filter matches and how many that is.
    const Memtable *tables[2] = {&d.mem, d.imm.get()};
    for (const Memtable *t : tables) {
        if (!t) continue;
        for (const auto &[id, e] : t->entries) {
            ctx.memtablesEmpty = false;
            if (e.deleted || (t != &d.mem && d.mem.find(id))) continue;
            ctx.memItems.emplace_back(&id, &e);
        }
    }
    if (!ctx.filter) return {};
    qint64 matching = 0;
    ctx.memMatches.resize(ctx.memItems.size());
    for (size_t i = 0; i < ctx.memItems.size(); ++i) {
        ctx.memMatches[i] = ctx.filter->matchesJson(ctx.memItems[i].second->metadata);
        matching += ctx.memMatches[i];
    }
    for (const LoadedSegment &ls : d.segments) {
        Result<std::shared_ptr<const Bitmap>> rows = d.filterRows(ls, *ctx.filter);
        if (!rows.ok()) return rows.error();
        const qint64 rowCount = ls.segment->rowCount();
        const qint64 hits = (*rows)->count();
        // Deleted rows match as often as the others, on average.
        matching +=
            rowCount ? qint64(double(hits) * double(rowCount - ls.deletions->deletedCount()) / double(rowCount)) : 0;
        ctx.segmentMatches.push_back(*rows);
    }
    result.matching = std::min(matching, result.liveItems);
    return {};
}

// Exact scan or graph search, and with which ef. docs/search.md, "The planner".
QueryPlan planQuery(const Index::Impl &d, const QueryRequest &req, const QueryContext &ctx, const QueryResult &result)
{
    QueryPlan plan;
    plan.ef = std::max(req.ef > 0 ? req.ef : d.defaultEf(), req.k);
    const qint64 live = std::max<qint64>(result.liveItems, 1);
    const qint64 candidates = ctx.filter ? std::max<qint64>(result.matching, 0) : result.liveItems;
    // Post-filtering keeps a share `selectivity` of the graph's candidates:
    // for the recall the ef gives without a filter it searches ef over the
    // selectivity (and at least 2k over it, to meet k matches at all).
    const double selectivity = double(std::max<qint64>(candidates, 1)) / double(live);
    const double efNeeded = ctx.filter ? std::max(plan.ef, 2 * req.k) / selectivity : plan.ef;
    plan.efFiltered = int(std::min<double>(AnnParams::kMaxEf, std::ceil(std::max<double>(plan.ef, efNeeded))));
    if (req.mode == QueryMode::Exact) return plan;
    plan.useGraph = true;
    if (req.mode != QueryMode::Auto) return plan;
    if (result.liveItems < kExactBelow) {
        plan.useGraph = false;
        return plan;
    }
    // Measured costs (Impl::graphCaughtUp), or estimates until they are.
    double nsPerItem = d.exactNsPerItem.load(std::memory_order_relaxed);
    if (nsPerItem <= 0) nsPerItem = kPriorNsPerDimension * d.schema.dimensions;
    double msPerEf = d.graphMsPerEf.load(std::memory_order_relaxed);
    if (msPerEf <= 0) msPerEf = kDistancesPerEf * nsPerItem / 1e6;
    // A filter's matching rows are scattered: priced as measured (tuneEf),
    // or as rows of a full scan until then.
    double scanNs = nsPerItem;
    if (ctx.filter)
        if (const double f = d.filteredNsPerItem.load(std::memory_order_relaxed); f > 0) scanNs = f;
    plan.exactMs = double(candidates) * scanNs / 1e6;
    plan.graphMs = msPerEf * plan.efFiltered;
    const double budget = req.exactBudgetMs; // checked by runQuery
    // The true top-k whenever the float scan fits the budget.
    if (plan.exactMs <= budget) {
        plan.useGraph = false;
        return plan;
    }
    // Beyond it, on an index with an 8-bit graph, a filter matching many
    // items has them scanned over their codes: about a third of the bytes of
    // their floats, then `keep` of them reranked with their floats.
    const qint64 keep = qint64(codeScanKeep(req.k));
    if (ctx.filter && d.schema.ann.quantization == Quantization::Sq8 && candidates >= kCodeScanMinPerKept * keep &&
        d.graph) {
        // Measured (Impl::graphCaughtUp), or until then the float scan's time
        // per item scaled by the bytes read, and that time for a reranked row.
        double codeNs = d.codeNsPerItem.load(std::memory_order_relaxed);
        if (codeNs <= 0)
            codeNs = scanNs * double(HnswGraph::elementDataSize(d.schema.dimensions, Quantization::Sq8)) /
                     (4.0 * d.schema.dimensions);
        double rerankNs = d.rerankNsPerItem.load(std::memory_order_relaxed);
        if (rerankNs <= 0) rerankNs = scanNs;
        plan.codeScan = true;
        plan.exactMs = (double(candidates) * codeNs + double(keep) * rerankNs) / 1e6;
    }
    // A scan when it is within the budget, when it is cheaper than the
    // graph, or when post-filtering could not search wide enough for the recall.
    if (plan.exactMs <= budget || plan.exactMs <= plan.graphMs || efNeeded > AnnParams::kMaxEf) plan.useGraph = false;
    return plan;
}

// The graph's nearest (matching) items, plus the changes not yet in the
// graph measured exactly. Fills the result's strategy, plan and efUsed.
// For the rerank of a quantized graph's candidates: an item's current
// location and its exact distance, with the graph's location hints making
// the lookup a check instead of a search through the segments.
// A graph candidate on its way through the rerank: its id is looked up only
// if it makes the final k (a copy per candidate would touch each id's bytes).
struct Ranked {
    float distance;
    uint32_t label;
    Location loc;
};

class Reranker {
public:
    Reranker(const Index::Impl &d, const QueryContext &ctx, const HnswGraph &g) : m_d(d), m_ctx(ctx), m_g(g)
    {
        m_segments.reserve(d.segments.size());
        for (size_t i = 0; i < d.segments.size(); ++i)
            m_segments.emplace_back(d.segments[i].segment->instance(), int(i));
        std::sort(m_segments.begin(), m_segments.end());
    }

    // Where the item of `label` lives now; false when it is not a live item
    // (the graph has not caught up with a delete: it is pending, or about to be).
    bool locate(uint32_t label, Location *loc) const
    {
        if (!m_ctx.memtablesEmpty)
            for (const Memtable *t : {&m_d.mem, m_d.imm.get()})
                if (t)
                    if (const MemEntry *e = t->find(m_g.rawId(label))) {
                        if (e->deleted) return false;
                        loc->mem = e;
                        return true;
                    }
        // A hint names the row (of one opened segment file: its instance
        // number, never reused) where this label's item was found. A label
        // stands for one id for the graph's life and rows never change, so
        // that row holds this id for good; it is the item's current version
        // while the row is live, since an id is live in at most one segment
        // row and the memtables (checked above) are the only newer place.
        // So the check reads no id: one cache miss less per candidate.
        if (const uint64_t hint = m_g.locationHint(label)) {
            const uint64_t instance = hint >> 32;
            const qint64 row = qint64(hint & 0xffffffffu);
            const auto it = std::lower_bound(m_segments.begin(), m_segments.end(), std::pair(instance, -1));
            if (it != m_segments.end() && it->first == instance) {
                const LoadedSegment &ls = m_d.segments[size_t(it->second)];
                if (row < ls.segment->rowCount() && !ls.deletions->isDeleted(row)) {
                    loc->segmentIndex = it->second;
                    loc->row = row;
                    return true;
                }
            }
        }
        const Result<Location> l = m_d.locate(m_g.rawId(label));
        if (!l.ok() || !l->found()) return false;
        *loc = *l;
        if (!l->mem)
            m_g.setLocationHint(
                label, HnswGraph::packLocation(m_d.segments[size_t(l->segmentIndex)].segment->instance(), l->row));
        return true;
    }

    // The exact distances of located hits, as the exact scan computes them
    // (the same formula and stored norms, so the same scores up to the
    // rounding of the summation order), all rows scored together by the
    // gather kernels, which prefetch the scattered rows ahead.
    void score(std::vector<Ranked> &hits) const
    {
        const size_t n = hits.size();
        m_rows.resize(n);
        m_out.resize(n);
        for (size_t i = 0; i < n; ++i) {
            const Location &loc = hits[i].loc;
            m_rows[i] = loc.mem ? loc.mem->vector.constData()
                                : m_d.segments[size_t(loc.segmentIndex)].segment->vectorData(loc.row);
        }
        const distance::Kernels &k = distance::kernels();
        const size_t dims = size_t(m_ctx.dims);
        if (m_ctx.metric == Metric::L2) {
            k.l2sqGather(m_ctx.q.data(), m_rows.data(), n, dims, m_out.data());
            for (size_t i = 0; i < n; ++i)
                hits[i].distance = m_out[i];
            return;
        }
        k.dotGather(m_ctx.q.data(), m_rows.data(), n, dims, m_out.data());
        for (size_t i = 0; i < n; ++i) {
            const Location &loc = hits[i].loc;
            float norm = 1.0f;
            if (m_ctx.metric == Metric::Cosine)
                norm = loc.mem ? float(distance::norm(m_rows[i], dims))
                               : m_d.segments[size_t(loc.segmentIndex)].segment->norm(loc.row);
            hits[i].distance = m_ctx.distanceFromDot(m_out[i], norm);
        }
    }

private:
    const Index::Impl &m_d;
    const QueryContext &m_ctx;
    const HnswGraph &m_g;
    std::vector<std::pair<uint64_t, int>> m_segments; // (segment instance, index), by instance
    mutable std::vector<const float *> m_rows;
    mutable std::vector<float> m_out;
};

// The graph's nearest (matching) items, plus the changes not yet in the
// graph measured exactly. Fills the result's strategy, plan and efUsed.
// A quantized graph's candidates are all reranked by their exact distance.
std::vector<Hit> graphSearch(const Index::Impl &d, const QueryContext &ctx, const GraphManager::View &view,
                             const QueryPlan &plan, size_t k, QueryResult &result)
{
    std::vector<Hit> hits;
    const HnswGraph &g = *view.graph;
    const std::vector<char> prepared = g.prepareQuery(ctx.q.data());
    std::optional<Reranker> reranker;
    std::vector<Ranked> ranked;
    if (g.quantized()) reranker.emplace(d, ctx, g);
    int efNow = ctx.filter ? plan.efFiltered : plan.ef;
    const size_t rerankKeep = codeScanKeep(int(k));
    auto matches = [&](const QByteArray &id, Location *loc) -> bool {
        if (!ctx.filter) return true;
        const Result<Location> l = d.locate(id);
        if (!l.ok() || !l->found()) return false;
        *loc = *l;
        return ctx.matchesAt(*l);
    };
    for (;;) {
        hits.clear();
        const std::vector<HnswGraph::Candidate> cands =
            g.search(prepared.data(), efNow,
                     ctx.unlinkExcluded && !ctx.exclude.isEmpty() ? g.labelOf(ctx.exclude) : std::nullopt);
        if (reranker) {
            // Left out by id: the "more like this" item, and items whose
            // newer version the graph does not have yet (measured below).
            const bool byId = !ctx.exclude.isEmpty() || !view.pending.isEmpty();
            ranked.clear();
            // The candidates come nearest first by code distance; only the
            // best `rerankKeep` usable ones are read again with their floats
            // (the filtered scan over codes keeps as many, docs/search.md).
            for (const HnswGraph::Candidate &c : cands) {
                if (byId) {
                    const QByteArray id = g.rawId(c.label);
                    if (id == ctx.exclude || view.pending.contains(id)) continue;
                }
                Location loc;
                if (!reranker->locate(c.label, &loc) || !ctx.matchesAt(loc)) continue;
                ranked.push_back({0.0f, c.label, loc}); // scored below, all together
                if (ranked.size() == rerankKeep) break;
            }
            reranker->score(ranked);
            result.scanned += qint64(ranked.size());
            const auto nearer = [](const Ranked &a, const Ranked &b) { return a.distance < b.distance; };
            const size_t keep = std::min(ranked.size(), k);
            std::partial_sort(ranked.begin(), ranked.begin() + ptrdiff_t(keep), ranked.end(), nearer);
            for (size_t i = 0; i < keep; ++i)
                hits.push_back({ranked[i].distance, g.rawId(ranked[i].label), ranked[i].loc});
        } else {
            for (const HnswGraph::Candidate &c : cands) {
                const QByteArray id = g.rawId(c.label);
                if (id == ctx.exclude || view.pending.contains(id)) continue;
                Location loc;
                if (!matches(id, &loc)) continue;
                hits.push_back({c.distance, id, loc});
                if (hits.size() == k) break;
            }
        }
        // Too few matches among the candidates: widen the search.
        if (!ctx.filter || hits.size() >= k || qint64(cands.size()) < efNow || efNow >= AnnParams::kMaxEf) break;
        efNow = std::min(efNow * 2, AnnParams::kMaxEf);
    }
    result.efUsed = efNow;
    // Changes not yet in the graph: measured exactly.
    for (const QByteArray &id : view.pending) {
        if (id == ctx.exclude) continue;
        const Result<Location> l = d.locate(id);
        if (!l.ok() || !l->found()) continue;
        const Location loc = *l;
        if (!ctx.matchesAt(loc)) continue;
        const float *v =
            loc.mem ? loc.mem->vector.constData() : d.segments[size_t(loc.segmentIndex)].segment->vectorData(loc.row);
        hits.push_back({ctx.distanceTo(v), id, loc});
        ++result.scanned;
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.distance < b.distance; });
    if (hits.size() > k) hits.resize(k);
    result.strategy = ctx.filter ? QueryStrategy::AnnPostFiltered : QueryStrategy::Ann;
    if (reranker) {
        const QString reranked = size_t(efNow) > rerankKeep
                                     ? QStringLiteral("the best %1 reranked exactly").arg(rerankKeep)
                                     : QStringLiteral("reranked exactly");
        result.plan = !ctx.filter ? QStringLiteral("HNSW search over 8-bit codes, ef %1, %2").arg(efNow).arg(reranked)
                      : efNow == plan.ef
                          ? QStringLiteral("HNSW search over 8-bit codes, ef %1, %2, keeping matching items")
                                .arg(efNow)
                                .arg(reranked)
                          : QStringLiteral("HNSW search over 8-bit codes, ef %1 (grown from %2 for the filter), %3, "
                                           "keeping matching items")
                                .arg(efNow)
                                .arg(plan.ef)
                                .arg(reranked);
    } else if (!ctx.filter)
        result.plan = QStringLiteral("HNSW search, ef %1").arg(efNow);
    else if (efNow == plan.ef)
        result.plan = QStringLiteral("HNSW search, ef %1, keeping matching items").arg(efNow);
    else
        result.plan = QStringLiteral("HNSW search, ef %1 (grown from %2 for the filter), keeping matching items")
                          .arg(efNow)
                          .arg(plan.ef);
    if (!view.pending.isEmpty())
        result.plan += QStringLiteral("; %1 changes not yet in the graph searched exactly").arg(view.pending.size());
    return hits;
}

// What the filtered scans took, for the planner's tuning (tuneEf).
struct FilteredScanCost {
    qint64 floatNs = 0, floatRows = 0; // the float scan: time, matching rows
    // The scan over codes: time of the scan and of the rerank, matching rows
    // scanned (from codes or floats), rows reranked.
    qint64 scanNs = 0, rerankNs = 0;
    qint64 rows = 0, reranked = 0;
};

// The graph's codes for a filtered scan (the caller holds the state lock and
// the view); nullopt when the graph is not quantized.
std::optional<CodeScan> codeScanFor(const Index::Impl &d, const QueryContext &ctx, const GraphManager::View &view,
                                    size_t k)
{
    const HnswGraph &g = *view.graph;
    if (!g.quantized()) return std::nullopt;
    CodeScan codes{.graph = g,
                   .prepared = g.prepareQuery(ctx.q.data()),
                   .tables = d.rowElements.get(g, d.segments),
                   .keep = codeScanKeep(int(k))};
    for (const LoadedSegment &ls : d.segments)
        codes.bySegment.push_back(codes.tables->find(ls.segment->instance()));
    if (!view.pending.isEmpty()) {
        const uint32_t elements = g.elementCount();
        codes.pending.assign((size_t(elements) + 63) / 64, 0);
        for (const QByteArray &id : view.pending)
            if (const auto label = g.labelOf(id))
                if (const auto e = g.elementOf(*label); e && *e < elements)
                    codes.pending[*e >> 6] |= uint64_t(1) << (*e & 63);
    }
    return codes;
}

// The exact top-k of every live (matching) item, as hits. Fills the
// result's strategy, plan and scanned. With `codes`, a filtered scan over
// the graph's codes whose best `codes->keep` are reranked exactly.
Result<std::vector<Hit>> exactHits(const Index::Impl &d, const QueryContext &ctx, size_t k, QueryResult &result,
                                   const CodeScan *codes = nullptr, FilteredScanCost *cost = nullptr)
{
    std::vector<Hit> hits;
    QElapsedTimer timer;
    timer.start();
    Shortlist codeBest(codes ? codes->keep : 0);
    qint64 coded = 0, reranked = 0;
    TopK top = exactSearch(ctx, k, &result.scanned, codes, &codeBest, &coded);
    if (codes) {
        const qint64 scanNs = timer.nsecsElapsed();
        // The best by code distance, scored again with their floats.
        std::vector<Ranked> ranked;
        for (const Candidate &c : codeBest.best()) {
            Location loc;
            loc.segmentIndex = c.source;
            loc.row = c.row;
            ranked.push_back({0.0f, 0, loc});
        }
        Reranker(d, ctx, codes->graph).score(ranked);
        for (const Ranked &r : ranked)
            top.push({r.distance, r.loc.segmentIndex, r.loc.row});
        reranked = qint64(ranked.size());
        if (cost) {
            cost->scanNs += scanNs;
            cost->rerankNs += timer.nsecsElapsed() - scanNs;
            cost->rows += coded + result.scanned;
            cost->reranked += reranked;
        }
        result.scanned += reranked;
    }
    for (const Candidate &c : top.sorted()) {
        Hit h{c.distance, {}, {}};
        if (c.source < 0) {
            h.id = *ctx.memItems[size_t(c.row)].first;
            h.loc.mem = ctx.memItems[size_t(c.row)].second;
        } else {
            const Result<QByteArrayView> id = d.segments[size_t(c.source)].segment->id(c.row);
            if (!id.ok()) return id.error();
            h.id = id->toByteArray();
            h.loc.segmentIndex = c.source;
            h.loc.row = c.row;
        }
        hits.push_back(std::move(h));
    }
    if (codes) {
        result.strategy = QueryStrategy::QuantizedFiltered;
        // Memtable items, pending changes and rows not yet noted are scored without a code.
        const qint64 floats = result.scanned - reranked;
        if (reranked == 0)
            result.plan = QStringLiteral("scan of the %1 matching items over 8-bit codes: none has a current code yet, "
                                         "all scored exactly")
                              .arg(result.matching);
        else
            result.plan =
                QStringLiteral("scan of the %1 matching items over 8-bit codes, the best %2 reranked exactly")
                    .arg(result.matching)
                    .arg(reranked) +
                (floats ? QStringLiteral(" (%1 without a current code scored exactly)").arg(floats) : QString());
        return hits;
    }
    result.strategy = ctx.filter ? QueryStrategy::ExactFiltered : QueryStrategy::ExactScan;
    result.plan = ctx.filter ? QStringLiteral("exact scan of the %1 matching items").arg(result.matching)
                             : QStringLiteral("exact scan of %1 items").arg(result.liveItems);
    return hits;
}

// The hits as the caller asked for them: scores, and metadata and vectors
// read for the final hits only.
Error materialise(const Index::Impl &d, const QueryContext &ctx, const QueryRequest &req, std::vector<Hit> &hits,
                  QueryResult &result)
{
    for (Hit &h : hits) {
        QueryHit out;
        out.id = QString::fromUtf8(h.id);
        out.score = ctx.score(h.distance);
        if (req.withMetadata || req.withVectors) {
            if (!h.loc.found()) {
                const Result<Location> l = d.locate(h.id);
                if (!l.ok()) return l.error();
                h.loc = *l;
            }
            if (h.loc.found()) {
                Result<Item> item = itemAt(d, out.id, h.loc, req.withVectors);
                if (!item.ok()) return item.error();
                if (req.withMetadata) out.metadata = item->metadata;
                if (req.withVectors) out.vector = item->vector;
            }
        }
        result.hits.append(std::move(out));
    }
    return {};
}

// Times the filtered scans for `query` on a random sixteenth of the
// segments' rows (the planner's costs, measured by tuneEf): the float scan
// (its rows are scattered as a filter's are, so each costs more than in a
// scan of every row), then, when the graph is quantized and can be used
// now, the scan over codes. False when the float scan failed.
bool timeFilteredScans(const Index::Impl &d, const QVector<float> &query, std::mt19937_64 &rng, FilteredScanCost *cost)
{
    std::shared_lock lock(d.stateMutex);
    QueryContext ctx{.d = d, .metric = d.schema.metric, .dims = d.schema.dimensions, .filter = std::nullopt};
    ctx.q.assign(query.cbegin(), query.cend());
    ctx.qNorm = distance::norm(ctx.q.data(), ctx.q.size());
    ctx.memtablesEmpty = d.mem.entries.empty() && (!d.imm || d.imm->entries.empty());
    for (const LoadedSegment &ls : d.segments) {
        auto rows = std::make_shared<Bitmap>(ls.segment->rowCount());
        for (qint64 row = 0; row < rows->size(); ++row)
            if (rng() % 16 == 0) rows->set(row);
        ctx.segmentMatches.push_back(std::move(rows));
    }
    {
        QueryResult result;
        QElapsedTimer timer;
        timer.start();
        if (!exactHits(d, ctx, 10, result).ok()) return false;
        cost->floatNs += timer.nsecsElapsed();
        cost->floatRows += result.scanned;
    }
    if (!d.graph) return true;
    const std::unique_ptr<GraphManager::View> view = d.graph->view(kMaxPendingForAnn);
    if (!view->graph) return true;
    const std::optional<CodeScan> codes = codeScanFor(d, ctx, *view, 10);
    if (!codes) return true;
    QueryResult result;
    return exactHits(d, ctx, 10, result, &*codes, cost).ok();
}

// `unlinkLikeItem`: the graph search does not walk through the "more like
// this" item's own element (tuneEf).
Result<QueryResult> runQuery(const Index::Impl &impl, const QueryRequest &req, bool unlinkLikeItem)
{
    const Index::Impl *const d = &impl;
    QElapsedTimer timer;
    timer.start();
    if (d->closed) return Error(ErrorCode::Closed, QStringLiteral("The index is closed."));
    if (req.k < 1 || req.k > kMaxK)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("k must be between 1 and %1, not %2.").arg(kMaxK).arg(req.k));
    if (!(req.exactBudgetMs >= 0 && req.exactBudgetMs <= 60000))
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("The exact-scan budget must be between 0 and 60,000 ms, not %1.").arg(req.exactBudgetMs));
    if (req.ef < 0 || req.ef > AnnParams::kMaxEf)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("ef must be between 1 and %1 (0 for the index's default), not %2.")
                         .arg(AnnParams::kMaxEf)
                         .arg(req.ef));
    if (req.likeId.isEmpty() == req.vector.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("Give either a query vector or the id of an item (\"more like this\"), not both."));
    if (req.likeId.isEmpty())
        if (Error e =
                d->schema.validateVector(std::span<const float>(req.vector.constData(), size_t(req.vector.size()))))
            return e;
    std::optional<Filter> filter;
    if (!req.filter.trimmed().isEmpty()) {
        Result<Filter> f = Filter::parse(req.filter);
        if (!f.ok()) return f.error();
        if (!f->isEmpty()) filter = f.takeValue();
    }

    QueryContext ctx{.d = *d,
                     .metric = d->schema.metric,
                     .dims = d->schema.dimensions,
                     .filter = std::move(filter),
                     .unlinkExcluded = unlinkLikeItem};
    QueryResult result;
    std::shared_lock lock(d->stateMutex);
    if (Error e = prepareQuery(*d, req, ctx, result)) return e;
    const QueryPlan plan = planQuery(*d, req, ctx, result);

    std::unique_ptr<GraphManager::View> view;
    if (plan.codeScan && !plan.useGraph && d->graph) {
        // The scan over codes needs the graph as it is: without it, the
        // matching items are scanned with their floats (exact; no fallback).
        view = d->graph->view(kMaxPendingForAnn);
        if (!view->graph) view.reset();
    } else if (plan.useGraph) {
        if (!d->graph) {
            // Auto on an index opened without a graph is an exact query by
            // choice, not a fallback.
            result.fellBack = req.mode == QueryMode::Ann;
            if (result.fellBack) result.fallbackReason = QStringLiteral("the index was opened without a graph");
        } else {
            view = d->graph->view(kMaxPendingForAnn);
            if (!view->graph) {
                result.fellBack = true;
                result.fallbackReason = view->reason;
                view.reset();
            }
        }
    }
    std::vector<Hit> hits;
    if (view && plan.useGraph) {
        hits = graphSearch(*d, ctx, *view, plan, size_t(req.k), result);
    } else {
        const std::optional<CodeScan> codes =
            view ? codeScanFor(*d, ctx, *view, size_t(req.k)) : std::optional<CodeScan>();
        Result<std::vector<Hit>> exact = exactHits(*d, ctx, size_t(req.k), result, codes ? &*codes : nullptr);
        if (!exact.ok()) return exact.error();
        hits = exact.takeValue();
    }
    if (result.fellBack) result.plan += QStringLiteral(" (the graph was not used: %1)").arg(result.fallbackReason);
    if (Error e = materialise(*d, ctx, req, hits, result)) return e;
    view.reset();
    lock.unlock();
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace

Result<QueryResult> Index::query(const QueryRequest &req) const { return runQuery(*d, req, false); }

QFuture<Result<QueryResult>> Index::queryAsync(QueryRequest request) const
{
    return QtConcurrent::run(engineThreadPool(), [this, request = std::move(request)] { return query(request); });
}

GraphStatus Index::graphStatus() const { return d->graphStatusNow(); }

bool Index::waitForGraph(int timeoutMs) const { return d->graph && d->graph->waitUntilCurrent(timeoutMs); }

namespace {

// Up to `sample` live items (id and vector), chosen with `seed`. The caller holds the state lock.
std::vector<std::pair<QByteArray, QVector<float>>> sampleItems(const Index::Impl &d, int sample, quint64 seed)
{
    std::vector<std::pair<QByteArray, QVector<float>>> out;
    std::mt19937_64 rng(seed);
    qint64 rows = 0;
    for (const LoadedSegment &ls : d.segments)
        rows += ls.segment->rowCount();
    // Live memtable items (the active table's version of an id wins).
    std::vector<std::pair<const QByteArray *, const MemEntry *>> memLive;
    const Memtable *tables[2] = {&d.mem, d.imm.get()};
    for (const Memtable *t : tables) {
        if (!t) continue;
        for (const auto &[id, e] : t->entries)
            if (!e.deleted && (t == &d.mem || !d.mem.find(id))) memLive.emplace_back(&id, &e);
    }
    const qint64 total = rows + qint64(memLive.size());
    for (int attempt = 0; attempt < sample * 8 && int(out.size()) < sample && total > 0; ++attempt) {
        qint64 pick = qint64(rng() % quint64(total));
        if (pick >= rows) {
            const auto &[id, e] = memLive[size_t(pick - rows)];
            out.emplace_back(*id, e->vector);
            continue;
        }
        for (size_t s = 0; s < d.segments.size(); ++s) {
            const LoadedSegment &ls = d.segments[s];
            if (pick >= ls.segment->rowCount()) {
                pick -= ls.segment->rowCount();
                continue;
            }
            // Only a row that is its id's live version: not deleted, not
            // replaced by a memtable entry.
            const Result<QByteArrayView> id = ls.segment->id(pick);
            if (!id.ok()) break;
            const QByteArray key = id->toByteArray();
            const Result<Location> loc = d.locate(key);
            if (loc.ok() && loc->segmentIndex == int(s) && loc->row == pick) {
                const float *v = ls.segment->vectorData(pick);
                out.emplace_back(key, QVector<float>(v, v + d.schema.dimensions));
            }
            break;
        }
    }
    return out;
}

// How many of `got` are right against the exact `truth`. Ties: items as
// close as the exact k-th are as right as it is (with duplicate vectors,
// which of the tied ids make the top k is arbitrary).
double recallAgainst(const QList<QueryHit> &got, const QList<QueryHit> &truth, Metric metric)
{
    if (truth.isEmpty()) return 1.0;
    QSet<QString> ids;
    for (const QueryHit &h : truth)
        ids.insert(h.id);
    const bool lowerIsCloser = metric == Metric::L2;
    const float kth = truth.back().score;
    const float tolerance = 1e-5f * std::max(1.0f, std::abs(kth));
    int found = 0;
    for (const QueryHit &h : got)
        found += ids.contains(h.id) || (lowerIsCloser ? h.score <= kth + tolerance : h.score >= kth - tolerance);
    return double(std::min<qsizetype>(found, truth.size())) / double(truth.size());
}

} // namespace

Result<RecallEstimate> Index::estimateRecall(int sample, int k, int ef, quint64 seed) const
{
    if (sample < 1 || sample > 100000)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The sample must hold between 1 and 100,000 queries."));
    if (!d->graph) return Error(ErrorCode::NotReady, QStringLiteral("The index was opened without an HNSW graph."));
    // Sampled items' vectors as the queries.
    std::vector<std::pair<QByteArray, QVector<float>>> queries;
    {
        std::shared_lock lock(d->stateMutex);
        queries = sampleItems(*d, sample, seed);
    }
    if (queries.empty()) return Error(ErrorCode::NotFound, QStringLiteral("The index holds no items to sample."));
    RecallEstimate est;
    est.k = k;
    est.ef = std::max(ef > 0 ? ef : d->defaultEf(), k); // what query() searches with
    double recallSum = 0;
    for (const auto &[id, v] : queries) {
        QueryRequest r;
        r.vector = v;
        r.k = k;
        r.ef = ef;
        r.withMetadata = false;
        r.mode = QueryMode::Ann;
        Result<QueryResult> ann = query(r);
        if (!ann.ok()) return ann.error();
        if (ann->fellBack)
            return Error(ErrorCode::NotReady,
                         QStringLiteral("The HNSW graph is not available: %1.").arg(ann->fallbackReason));
        r.mode = QueryMode::Exact;
        Result<QueryResult> exact = query(r);
        if (!exact.ok()) return exact.error();
        recallSum += recallAgainst(ann->hits, exact->hits, d->schema.metric);
        est.annMilliseconds += ann->milliseconds;
        est.exactMilliseconds += exact->milliseconds;
    }
    est.queries = int(queries.size());
    est.recall = recallSum / est.queries;
    est.annMilliseconds /= est.queries;
    est.exactMilliseconds /= est.queries;
    return est;
}

Result<EfTuning> Index::tuneEf(int sample, double targetRecall, quint64 seed) const
{
    if (sample < 1 || sample > 100000)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The sample must hold between 1 and 100,000 queries."));
    if (!d->graph) return Error(ErrorCode::NotReady, QStringLiteral("The index was opened without an HNSW graph."));
    constexpr int k = 10;
    EfTuning t;
    t.targetRecall = targetRecall > 0 ? targetRecall : d->schema.ann.targetRecall;
    std::vector<std::pair<QByteArray, QVector<float>>> items;
    {
        std::shared_lock lock(d->stateMutex);
        items = sampleItems(*d, sample, seed);
        t.items = d->liveCount;
    }
    if (items.empty()) return Error(ErrorCode::NotFound, QStringLiteral("The index holds no items to sample."));
    // Each sampled item searches for its neighbours, itself left out: a
    // query the index has not seen, as a user's mostly is.
    QueryRequest r;
    r.k = k;
    r.withMetadata = false;
    std::vector<std::pair<QString, QList<QueryHit>>> truth; // id, its exact neighbours
    double exactNs = 0;
    qint64 exactItems = 0;
    for (const auto &item : items) {
        r.likeId = QString::fromUtf8(item.first);
        r.mode = QueryMode::Exact;
        const Result<QueryResult> exact = query(r);
        if (!exact.ok()) {
            if (exact.error().code() == ErrorCode::NotFound) continue; // deleted meanwhile
            return exact.error();
        }
        truth.emplace_back(r.likeId, exact->hits);
        if (d->graph->stopping()) return Error(ErrorCode::Cancelled, QStringLiteral("The index is closing."));
        exactNs += exact->milliseconds * 1e6;
        exactItems += std::max<qint64>(exact->liveItems, 1);
    }
    if (truth.empty()) return Error(ErrorCode::NotFound, QStringLiteral("The index holds no items to sample."));
    t.queries = int(truth.size());
    t.exactNsPerItem = exactNs / double(exactItems);
    {
        // The filtered scans (over codes on sq8 graphs), on ten of the sample.
        FilteredScanCost cost;
        std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ull);
        for (size_t i = 0; i < std::min<size_t>(items.size(), 10); ++i)
            if (!timeFilteredScans(*d, items[i].second, rng, &cost)) break;
        if (cost.floatRows > 0) t.filteredNsPerItem = double(cost.floatNs) / double(cost.floatRows);
        if (cost.rows > 0) t.codeNsPerItem = double(cost.scanNs) / double(cost.rows);
        if (cost.reranked > 0) t.rerankNsPerItem = double(cost.rerankNs) / double(cost.reranked);
    }
    // Rising ef from efSearch until the target is reached. Never below
    // efSearch: the sample is of the items, and a query unlike them (a
    // vector far from every item, say) needs more than they do.
    static constexpr int kLadder[] = {10, 12,  16,  20,  24,  32,  40,  48,  64,  80,
                                      96, 128, 160, 192, 256, 384, 512, 768, 1024};
    std::vector<int> efs{std::min(d->schema.ann.efSearch, kMaxTunedEf)};
    for (const int ef : kLadder)
        if (ef > efs.front()) efs.push_back(ef);
    for (const int ef : efs) {
        double recallSum = 0, ms = 0;
        int n = 0;
        for (const auto &[id, exactHits] : truth) {
            r.likeId = id;
            r.mode = QueryMode::Ann;
            r.ef = ef;
            const Result<QueryResult> ann = runQuery(*d, r, true);
            if (!ann.ok()) {
                if (ann.error().code() == ErrorCode::NotFound) continue;
                return ann.error();
            }
            if (ann->fellBack)
                return Error(ErrorCode::NotReady,
                             QStringLiteral("The HNSW graph is not available: %1.").arg(ann->fallbackReason));
            recallSum += recallAgainst(ann->hits, exactHits, d->schema.metric);
            ms += ann->milliseconds;
            ++n;
        }
        if (d->graph->stopping()) return Error(ErrorCode::Cancelled, QStringLiteral("The index is closing."));
        t.ef = ef;
        t.recall = recallSum / double(std::max(n, 1));
        t.graphMilliseconds = ms / double(std::max(n, 1));
        t.highEf = ef;
        t.highRecall = t.recall;
        t.reached = t.recall >= t.targetRecall;
        if (t.reached) break;
    }
    return t;
}

} // namespace sextant
