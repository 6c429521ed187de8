// The only translation unit that includes hnswlib (it defines non-inline
// functions in its headers). See Graph.h for what is wrapped and why.

#include "index/Graph.h"
#include "index/Distance.h"
#include "index/GraphInsertion.h"
#include "storage/Binary.h"
#include "base/Checksums.h"
#include "base/FileIo.h"

#include <hnswlib/hnswlib.h>

#include <QScopeGuard>
#include <sys/mman.h>
#include <unistd.h>
#include <QFile>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <cstring>
#include <queue>
#include <thread>
#include <system_error>
#include <unordered_set>

namespace sextant {

using namespace storage;
using namespace base;

QString graphfile::fileName(uint64_t number)
{
    return QStringLiteral("graph-%1.sxg").arg(number, 20, 10, QLatin1Char('0'));
}

namespace {

// hnswlib hands its distance function the space's parameter; it reads the
// first size_t as the dimension (getDataByLabel), so that comes first.
struct DistanceParam {
    size_t dims;
    const distance::Kernels *kernels;
};

float ipDistance(const void *a, const void *b, const void *param)
{
    const auto *p = static_cast<const DistanceParam *>(param);
    return 1.0f - p->kernels->dot(static_cast<const float *>(a), static_cast<const float *>(b), p->dims);
}

float l2Distance(const void *a, const void *b, const void *param)
{
    const auto *p = static_cast<const DistanceParam *>(param);
    return p->kernels->l2sq(static_cast<const float *>(a), static_cast<const float *>(b), p->dims);
}

// A quantized element: f32 scale s, f32 squared length of the decoded vector,
// then one int8 code c_i per dimension; the vector it stands for is s * c.
constexpr size_t kCodeHeader = 8;

struct CodeHeader {
    float scale, squaredLength;
};

inline CodeHeader codeHeader(const void *element)
{
    CodeHeader h;
    std::memcpy(&h, element, sizeof h);
    return h;
}

inline const int8_t *codes(const void *element) { return static_cast<const int8_t *>(element) + kCodeHeader; }

// 1 - <a, b> and |a - b|^2 = |a|^2 + |b|^2 - 2 <a, b>, with <a, b> = s_a s_b (c_a . c_b).
float sq8IpDistance(const void *a, const void *b, const void *param)
{
    const auto *p = static_cast<const DistanceParam *>(param);
    const CodeHeader ha = codeHeader(a), hb = codeHeader(b);
    return 1.0f - ha.scale * hb.scale * float(p->kernels->dotI8(codes(a), codes(b), p->dims));
}

float sq8L2Distance(const void *a, const void *b, const void *param)
{
    const auto *p = static_cast<const DistanceParam *>(param);
    const CodeHeader ha = codeHeader(a), hb = codeHeader(b);
    const float dot = ha.scale * hb.scale * float(p->kernels->dotI8(codes(a), codes(b), p->dims));
    return std::max(0.0f, ha.squaredLength + hb.squaredLength - 2.0f * dot);
}

class Space final : public hnswlib::SpaceInterface<float> {
public:
    Space(int dims, Metric metric, Quantization quantization)
        : m_metric(metric), m_quantization(quantization), m_dataSize(HnswGraph::elementDataSize(dims, quantization))
    {
        m_param = {size_t(dims), &distance::kernels()};
    }
    size_t get_data_size() override { return m_dataSize; }
    hnswlib::DISTFUNC<float> get_dist_func() override
    {
        if (m_quantization == Quantization::Sq8) return m_metric == Metric::L2 ? &sq8L2Distance : &sq8IpDistance;
        return m_metric == Metric::L2 ? &l2Distance : &ipDistance;
    }
    void *get_dist_func_param() override { return &m_param; }

private:
    Metric m_metric;
    Quantization m_quantization;
    size_t m_dataSize;
    DistanceParam m_param;
};

using Alg = hnswlib::HierarchicalNSW<float>;
using hnswlib::tableint;

constexpr int kMaxLevel = 64; // hnswlib draws levels from -ln(U)/ln(M): far below this

// hnswlib's locks, which only its addPoint takes: one per element of the
// capacity (40 bytes each, and constructed, so resident) and 65,536 for
// updates. A loaded graph is there to be searched: it goes without them
// (about 40 bytes per item) until it is first added to.
void dropAddLocks(Alg &a)
{
    std::vector<std::mutex>().swap(a.link_list_locks_);
    std::vector<std::mutex>().swap(a.link_list_update_locks_);
}

void ensureAddLocks(Alg &a)
{
    if (a.link_list_locks_.size() != a.max_elements_) std::vector<std::mutex>(a.max_elements_).swap(a.link_list_locks_);
    if (a.link_list_update_locks_.size() != Alg::max_update_element_locks)
        std::vector<std::mutex>(size_t(Alg::max_update_element_locks)).swap(a.link_list_update_locks_);
}

uint32_t metricCode(Metric m) { return m == Metric::Cosine ? 0 : m == Metric::L2 ? 1 : 2; }
uint32_t quantizationCode(Quantization q) { return q == Quantization::Sq8 ? 1 : 0; }

// Writes sequentially through a buffer, hashing what it writes.
class HashingWriter {
public:
    explicit HashingWriter(File &file) : m_file(file) { m_buffer.reserve(kChunk); }
    void put(const void *data, size_t size)
    {
        if (!m_error.ok()) return;
        m_xxh.update(data, size);
        m_sha.update(data, size);
        const char *p = static_cast<const char *>(data);
        while (size > 0) {
            const size_t room = kChunk - size_t(m_buffer.size());
            const size_t n = std::min(room, size);
            m_buffer.append(p, qsizetype(n));
            p += n;
            size -= n;
            if (m_buffer.size() == kChunk) flush();
        }
    }
    template <typename T>
    void pod(const T &v)
    {
        put(&v, sizeof v);
    }
    void flush()
    {
        if (!m_error.ok() || m_buffer.isEmpty()) return;
        m_error = m_file.writeAt(m_buffer.constData(), size_t(m_buffer.size()), m_offset);
        m_offset += m_buffer.size();
        m_buffer.clear();
    }
    qint64 position() const { return m_offset + m_buffer.size(); }
    quint64 xxh3() const { return m_xxh.digest(); }
    QString sha256() { return m_sha.finalHex(); }
    const Error &error() const { return m_error; }

private:
    static constexpr qsizetype kChunk = 4 * 1024 * 1024;
    File &m_file;
    QByteArray m_buffer;
    qint64 m_offset = 0;
    Xxh3Stream m_xxh;
    Sha256 m_sha;
    Error m_error;
};

// Bounds-checked reading of a mapped, checksum-verified file.
struct Reader {
    const uchar *data;
    qint64 size;
    qint64 pos = 0;
    bool failed = false;
    template <typename T>
    T pod()
    {
        T v{};
        if (pos < 0 || size - pos < qint64(sizeof(T))) {
            failed = true;
            return v;
        }
        std::memcpy(&v, data + pos, sizeof(T));
        pos += qint64(sizeof(T));
        return v;
    }
    const uchar *take(qint64 n)
    {
        if (n < 0 || pos < 0 || size - pos < n) {
            failed = true;
            return nullptr;
        }
        const uchar *p = data + pos;
        pos += n;
        return p;
    }
};

} // namespace

namespace {

// Long-lived helper threads for adding to the graph: a bulk build applies
// thousands of batches, and each would otherwise start and join its own
// threads. Started on first use by the thread that applies changes (the
// graph's maintenance thread, whose lowered priority they inherit), stopped
// with the graph.
class WorkerPool {
public:
    WorkerPool() = default;
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;
    ~WorkerPool()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        for (std::thread &t : m_threads)
            t.join();
    }

    // Runs `job` on the calling thread and on `helpers` pool threads at
    // once, and returns when every one of them has returned.
    void run(int helpers, const std::function<void()> &job)
    {
        if (helpers <= 0) {
            job();
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            while (int(m_threads.size()) < helpers) {
                const int index = int(m_threads.size());
                m_threads.emplace_back([this, index] { loop(index); });
            }
            m_job = &job;
            m_helpers = helpers;
            m_running = helpers;
            ++m_round;
        }
        m_wake.notify_all();
        job();
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [&] { return m_running == 0; });
        m_job = nullptr;
    }

private:
    void loop(int index)
    {
        uint64_t seen = 0;
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [&] { return m_stop || (m_round != seen && index < m_helpers); });
            if (m_stop) return;
            seen = m_round;
            const std::function<void()> *job = m_job;
            lock.unlock();
            (*job)();
            lock.lock();
            if (--m_running == 0) m_done.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    std::vector<std::thread> m_threads;
    const std::function<void()> *m_job = nullptr;
    int m_helpers = 0, m_running = 0;
    uint64_t m_round = 0;
    bool m_stop = false;
};

} // namespace

namespace {

// Asks the kernel to back the elements' table (hnswlib's level-0 memory,
// one large allocation) with 2 MiB pages where it can (Linux transparent
// huge pages, also when they are enabled only for regions that ask). A
// graph of a million elements has 128,000 4 KiB pages: touching each of
// them first, as loading a saved graph does, took 1.5 s on this machine,
// against 0.04-1.0 s with 2 MiB pages (docs/search.md, "The reopen at a
// million"). Only advice: where the kernel declines, nothing changes.
void adviseHugePages(const void *start, size_t bytes)
{
#ifdef MADV_HUGEPAGE
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    if (pageSize <= 0) return;
    const auto page = uintptr_t(pageSize);
    const uintptr_t from = (uintptr_t(start) + page - 1) & ~(page - 1);
    const uintptr_t to = uintptr_t(start) + bytes;
    if (to > from) ::madvise(reinterpret_cast<void *>(from), size_t(to - from), MADV_HUGEPAGE);
#else
    Q_UNUSED(start);
    Q_UNUSED(bytes);
#endif
}

void adviseHugePages(const Alg &a)
{
    adviseHugePages(a.data_level0_memory_, a.max_elements_ * a.size_data_per_element_);
}

} // namespace

struct HnswGraph::Hnsw {
    Hnsw(int dims, Metric metric, const AnnParams &p, size_t capacity)
        : space(dims, metric, p.quantization),
          alg(&space, std::max<size_t>(capacity, 1), size_t(p.m), size_t(p.efConstruction))
    {
        adviseHugePages(alg);
    }
    Space space;
    Alg alg;
    WorkerPool pool; // declared last: stopped first, before the graph it adds to goes
};

namespace {
std::atomic<uint64_t> nextGraphInstance{1};
} // namespace

HnswGraph::HnswGraph(int dimensions, Metric metric, AnnParams params, size_t capacity)
    : m_dims(dimensions), m_metric(metric), m_params(params),
      m_hnsw(std::make_unique<Hnsw>(dimensions, metric, params, capacity)),
      m_instance(nextGraphInstance.fetch_add(1, std::memory_order_relaxed))
{
}

HnswGraph::~HnswGraph() = default;

size_t HnswGraph::elementDataSize(int dimensions, Quantization q)
{
    return q == Quantization::Sq8 ? kCodeHeader + size_t(dimensions) : size_t(dimensions) * sizeof(float);
}

bool HnswGraph::holds(QByteArrayView id, quint64 hash) const
{
    const auto label = labelOf(id);
    return label && m_live[*label] && m_hashes[*label] == hash;
}

qint64 HnswGraph::deletedCount() const { return qint64(m_hnsw->alg.num_deleted_); }
qint64 HnswGraph::capacity() const { return qint64(m_hnsw->alg.max_elements_); }

qint64 HnswGraph::memoryBytes() const
{
    const Alg &a = m_hnsw->alg;
    // Level 0 and the link pointers are allocated for the capacity but only
    // touched (made resident) up to the element count; the levels vector is
    // zeroed at the capacity.
    qint64 bytes = qint64(a.cur_element_count) * qint64(a.size_data_per_element_ + sizeof(void *)) +
                   qint64(a.max_elements_) * qint64(sizeof(int));
    for (size_t i = 0; i < a.cur_element_count; ++i)
        if (a.element_levels_[i] > 0) bytes += qint64(a.size_links_per_element_) * a.element_levels_[i];
    // hnswlib's label map: a 32-byte node per element and a pointer per bucket.
    bytes += qint64(a.label_lookup_.size()) * 32 + qint64(a.label_lookup_.bucket_count()) * qint64(sizeof(void *));
    // Its locks for adding (none in a loaded graph until it is added to).
    bytes += qint64(a.link_list_locks_.size() + a.link_list_update_locks_.size()) * qint64(sizeof(std::mutex));
    bytes += m_ids.memoryBytes() + qint64(m_hashes.size()) * 9 + qint64(m_hintCount) * 8;
    return bytes;
}

quint64 HnswGraph::vectorHash(const float *vector, int dimensions)
{
    return xxh3(vector, size_t(dimensions) * sizeof(float));
}

std::vector<char> HnswGraph::prepareQuery(const float *query) const
{
    std::vector<float> v(query, query + m_dims);
    if (m_metric == Metric::Cosine) {
        const double n = distance::norm(v.data(), v.size());
        if (n > 0)
            for (float &x : v)
                x = float(x / n);
    }
    std::vector<char> out(elementDataSize(m_dims, m_params.quantization));
    if (quantized())
        encode(v.data(), out.data());
    else
        std::memcpy(out.data(), v.data(), out.size());
    return out;
}

// Symmetric 8-bit codes with one scale per vector: s = max |x_i| / 127,
// c_i = round(x_i / s) in [-127, 127] (-128 is never written, so the AVX2
// kernel's sign trick cannot overflow). A zero vector gets s = 0.
void HnswGraph::encode(const float *x, char *out) const
{
    float top = 0;
    for (int i = 0; i < m_dims; ++i)
        top = std::max(top, std::abs(x[i]));
    const float scale = top > 0 && std::isfinite(top) ? top / 127.0f : 0.0f;
    const float inverse = scale > 0 ? 127.0f / top : 0.0f;
    auto *c = reinterpret_cast<int8_t *>(out + kCodeHeader);
    int64_t squares = 0;
    for (int i = 0; i < m_dims; ++i) {
        const long q = std::lrint(double(x[i]) * double(inverse));
        const int8_t code = int8_t(std::clamp<long>(q, -127, 127));
        c[i] = code;
        squares += int64_t(code) * code;
    }
    const CodeHeader h{scale, float(double(scale) * double(scale) * double(squares))};
    std::memcpy(out, &h, sizeof h);
}

float HnswGraph::distanceToScore(float d) const
{
    return m_metric == Metric::L2 ? std::sqrt(std::max(d, 0.0f)) : 1.0f - d;
}

static_assert(Schema::kMaxIdBytes <= IdTable::kMaxIdBytes, "every id an index takes fits the id table");

uint32_t HnswGraph::labelFor(QByteArrayView id)
{
    // Room in the per-label arrays first: if anything throws, the tables still agree.
    if (m_hashes.size() == m_hashes.capacity()) m_hashes.reserve(m_hashes.size() * 2 + 16);
    if (m_live.size() == m_live.capacity()) m_live.reserve(m_live.size() * 2 + 16);
    bool added = false;
    const uint32_t label = m_ids.insert(id, &added);
    if (!added) return label;
    m_hashes.push_back(0);
    m_live.push_back(0);
    if (m_ids.size() > m_hintCount) {
        // Exclusive access (apply, load): no search reads the hints meanwhile.
        const size_t grown = std::max<size_t>(m_ids.size() + 1024, m_hintCount * 2);
        auto hints = std::make_unique<std::atomic<uint64_t>[]>(grown);
        for (size_t i = 0; i < grown; ++i)
            hints[i].store(i < m_hintCount ? m_hints[i].load(std::memory_order_relaxed) : 0, std::memory_order_relaxed);
        m_hints = std::move(hints);
        m_hintCount = grown;
    }
    return label;
}

namespace {

// Scores graph nodes against a float query: exact distances, several nodes
// at a time with the gather kernels.
struct FloatScorer {
    const Alg &a;
    const float *q;
    size_t dims;
    bool l2;
    const distance::Kernels &k = distance::kernels();
    std::vector<const float *> rows{};
    // Scores against this element's data (or a prepared query) from now on.
    void target(const char *element) { q = reinterpret_cast<const float *>(element); }
    float one(tableint id) const
    {
        const auto *v = reinterpret_cast<const float *>(a.getDataByInternalId(id));
        return l2 ? k.l2sq(q, v, dims) : 1.0f - k.dot(q, v, dims);
    }
    void many(const tableint *ids, size_t count, float *dist)
    {
        rows.resize(std::max(rows.size(), count));
        for (size_t i = 0; i < count; ++i)
            rows[i] = reinterpret_cast<const float *>(a.getDataByInternalId(ids[i]));
        if (l2) {
            k.l2sqGather(q, rows.data(), count, dims, dist);
        } else {
            k.dotGather(q, rows.data(), count, dims, dist);
            for (size_t i = 0; i < count; ++i)
                dist[i] = 1.0f - dist[i];
        }
    }
};

// Scores graph nodes against an encoded query: distances from the codes.
struct CodeScorer {
    const Alg &a;
    const char *q;
    size_t dims;
    bool l2;
    const distance::Kernels &k = distance::kernels();
    std::vector<const int8_t *> rows{};
    std::vector<int32_t> dots{};
    void target(const char *element) { q = element; }
    float fromDot(const void *element, int32_t dot) const
    {
        const CodeHeader hq = codeHeader(q), he = codeHeader(element);
        const float d = hq.scale * he.scale * float(dot);
        return l2 ? std::max(0.0f, hq.squaredLength + he.squaredLength - 2.0f * d) : 1.0f - d;
    }
    float one(tableint id) const
    {
        const char *e = a.getDataByInternalId(id);
        return fromDot(e, k.dotI8(codes(q), codes(e), dims));
    }
    void many(const tableint *ids, size_t count, float *dist)
    {
        rows.resize(std::max(rows.size(), count));
        dots.resize(std::max(dots.size(), count));
        for (size_t i = 0; i < count; ++i)
            rows[i] = codes(a.getDataByInternalId(ids[i]));
        k.dotI8Gather(codes(q), rows.data(), count, dims, dots.data());
        for (size_t i = 0; i < count; ++i)
            dist[i] = fromDot(rows[i] - kCodeHeader, dots[i]);
    }
};

// ---- links read and written while other threads add
//
// apply() adds on several threads at once. hnswlib's addPoint locks each
// node's link list whenever its search expands the node (one more random
// cache line and a lock per expansion: 11 % of a 1M build); Sextant's
// insertion (Inserter below) reads lists without a lock. That is safe
// because:
//  - every slot of a list, up to its capacity, always holds the number of an
//    element that is complete: lists are zeroed when their element is made
//    (and are only read once the element is published), and a number is
//    only ever stored into a list after its element's data, level and upper
//    lists are written (the release fence in Inserter::add before anything
//    publishes the element, paired with the acquire fence in readLinks);
//  - a writer stores the numbers first and then the count (writeLinks), a
//    reader loads the count first and then the numbers, so a reader never
//    sees a count that covers slots not yet written (slots that would hold
//    element 0 even on an upper level element 0 may not have);
//  - a count is a single 16-bit store, never above the list's capacity
//    (readers clamp it too), and each number a single 32-bit store: a list
//    rewritten while it is read (pruning rewrites a full list in place) shows
//    each slot's old or new number, both valid. Such a read may miss a link
//    or see one twice; the visited marks drop repeats, and the insertion that
//    read it works from a slightly different candidate set, which is what
//    any order of concurrent adds gives anyway;
//  - writers still lock the list they change (link_list_locks_), so two
//    changes to one list never interleave.
// Loads and stores are relaxed atomics (plain moves on x86) so that these
// races are defined behaviour. Queries (search()) never run during apply(),
// but read lists the same way.

inline hnswlib::linklistsizeint *linkList(const Alg &a, tableint id, int level)
{
    return level == 0 ? a.get_linklist0(id) : a.get_linklist(id, level);
}

inline size_t linkCapacity(const Alg &a, int level) { return level == 0 ? a.maxM0_ : a.maxM_; }

// Copies the links of `id` on `level` into `out` (room for the level's
// capacity); returns how many.
inline size_t readLinks(const Alg &a, tableint id, int level, tableint *out)
{
    const hnswlib::linklistsizeint *ll = linkList(a, id, level);
    const size_t n = std::min<size_t>(__atomic_load_n(reinterpret_cast<const uint16_t *>(ll), __ATOMIC_RELAXED),
                                      linkCapacity(a, level));
    std::atomic_thread_fence(std::memory_order_acquire);
    const auto *nb = reinterpret_cast<const tableint *>(ll + 1);
    for (size_t i = 0; i < n; ++i)
        out[i] = __atomic_load_n(nb + i, __ATOMIC_RELAXED);
    // What the numbers lead to (the elements' data and lists) was written before them.
    std::atomic_thread_fence(std::memory_order_acquire);
    return n;
}

// Replaces the links of `id` on `level` from slot `from` on (the caller holds the list's lock).
inline void writeLinks(const Alg &a, tableint id, int level, size_t from, const tableint *links, size_t n)
{
    hnswlib::linklistsizeint *ll = linkList(a, id, level);
    auto *nb = reinterpret_cast<tableint *>(ll + 1);
    for (size_t i = 0; i < n; ++i)
        __atomic_store_n(nb + from + i, links[i], __ATOMIC_RELAXED);
    std::atomic_thread_fence(std::memory_order_release);
    __atomic_store_n(reinterpret_cast<uint16_t *>(ll), uint16_t(from + n), __ATOMIC_RELAXED);
}

using Pair = std::pair<float, tableint>; // distance, element

// What a level's search works in; kept between searches to reuse the memory.
struct LayerScratch {
    explicit LayerScratch(const Alg &a) : ids(std::max(a.maxM0_, a.maxM_)), dist(ids.size()) { }
    std::vector<tableint> ids;
    std::vector<float> dist;
    std::vector<Pair> top;        // max-heap: the farthest kept on top
    std::vector<Pair> candidates; // min-heap (std::greater): the closest on top
};

// hnswlib's greedy descent: on each level from `top` down to `bottom` + 1,
// move to the closest neighbour as long as one is closer. `skip` is never
// moved to.
template <class Scorer>
void descend(const Alg &a, Scorer &scorer, tableint &cur, float &curDist, int top, int bottom,
             std::optional<tableint> skip, LayerScratch &s)
{
    for (int level = top; level > bottom; --level) {
        bool changed = true;
        while (changed) {
            changed = false;
            const size_t n = readLinks(a, cur, level, s.ids.data());
            scorer.many(s.ids.data(), n, s.dist.data());
            for (size_t i = 0; i < n; ++i)
                if (s.dist[i] < curDist && s.ids[i] != skip) {
                    curDist = s.dist[i];
                    cur = s.ids[i];
                    changed = true;
                }
        }
    }
}

// hnswlib's search of one level (searchBaseLayer for building,
// searchBaseLayerST for queries: the same beam), with any ef and scorer:
// leaves up to `ef` nearest elements in s.top (a max-heap). Elements marked
// deleted are walked through but not kept. `unlinked` is neither kept nor
// walked through (unless it is the entry). `visited` must be fresh (reset).
template <class Scorer>
void searchLayer(const Alg &a, Scorer &scorer, tableint entry, float entryDist, int level, size_t ef,
                 hnswlib::VisitedList &visited, std::optional<tableint> unlinked, LayerScratch &s)
{
    const auto closer = std::greater<Pair>();
    s.top.clear();
    s.candidates.clear();
    hnswlib::vl_type *mark = visited.mass;
    const hnswlib::vl_type tag = visited.curV;
    const bool hasDeleted = a.num_deleted_ > 0;
    float bound = std::numeric_limits<float>::max();
    if (!hasDeleted || !a.isMarkedDeleted(entry)) {
        s.top.emplace_back(entryDist, entry);
        bound = entryDist;
    }
    s.candidates.emplace_back(entryDist, entry);
    mark[entry] = tag;
    if (unlinked && *unlinked != entry) mark[*unlinked] = tag;
    tableint *ids = s.ids.data();
    float *dist = s.dist.data();
    while (!s.candidates.empty()) {
        const Pair c = s.candidates.front();
        // (Without deletions, top holds every candidate until it is full, so
        // hnswlib's two stopping rules agree.)
        if (c.first > bound && (s.top.size() == ef || !hasDeleted)) break;
        std::pop_heap(s.candidates.begin(), s.candidates.end(), closer);
        s.candidates.pop_back();
        // The next candidate's links are read after this batch: fetch them now.
        if (level == 0 && !s.candidates.empty()) __builtin_prefetch(a.get_linklist0(s.candidates.front().second), 0, 3);
        const size_t n = readLinks(a, c.second, level, ids);
        // The visited marks are scattered: ask for all of them before testing any.
        for (size_t i = 0; i < n; ++i)
            __builtin_prefetch(mark + ids[i], 0, 3);
        size_t m = 0;
        for (size_t i = 0; i < n; ++i) {
            const tableint id = ids[i];
            if (mark[id] == tag) continue;
            mark[id] = tag;
            ids[m++] = id;
        }
        if (m == 0) continue;
        scorer.many(ids, m, dist);
        for (size_t i = 0; i < m; ++i) {
            const float d = dist[i];
            if (s.top.size() < ef || d < bound) {
                s.candidates.emplace_back(d, ids[i]);
                std::push_heap(s.candidates.begin(), s.candidates.end(), closer);
                if (!hasDeleted || !a.isMarkedDeleted(ids[i])) {
                    s.top.emplace_back(d, ids[i]);
                    std::push_heap(s.top.begin(), s.top.end());
                    if (s.top.size() > ef) {
                        std::pop_heap(s.top.begin(), s.top.end());
                        s.top.pop_back();
                    }
                }
                if (!s.top.empty()) bound = s.top.front().first;
            }
        }
    }
}

// hnswlib's search (greedy descent through the upper levels, then a beam of
// width ef on level 0), with ef per call and any scorer.
template <class Scorer>
std::vector<HnswGraph::Candidate> searchGraph(const Alg &a, Scorer &scorer, int ef, std::optional<tableint> unlinked)
{
    LayerScratch s(a);
    tableint cur = a.enterpoint_node_;
    float curDist = scorer.one(cur);
    descend(a, scorer, cur, curDist, a.maxlevel_, 0, unlinked, s);
    hnswlib::VisitedList *visited = a.visited_list_pool_->getFreeVisitedList();
    searchLayer(a, scorer, cur, curDist, 0, size_t(ef), *visited, unlinked, s);
    a.visited_list_pool_->releaseVisitedList(visited);

    std::sort_heap(s.top.begin(), s.top.end()); // closest first
    std::vector<HnswGraph::Candidate> out(s.top.size());
    for (size_t i = 0; i < s.top.size(); ++i)
        out[i] = {s.top[i].first, uint32_t(a.getExternalLabel(s.top[i].second))};
    return out;
}

// Adds elements for labels new to the graph: hnswlib 0.6.2's addPoint (the
// same levels, searches, neighbour heuristic, pruning and entry point), on
// hnswlib's structures, so everything else (saving, loading, search) is as
// before. What differs: neighbours are scored in batches with the gather
// kernels (the scorer's many) instead of one distance call per pair; lists
// are read without locks (see "links read and written while other threads
// add" above); an element's own lock is held only while its own lists are
// written, not for its whole insertion; and the level is drawn under the
// slot lock rather than racing on the shared generator.
// One per adding thread; not shared.
template <class Scorer>
class Inserter {
public:
    Inserter(Alg &a, const Scorer &scorer)
        : m_a(a), m_query(scorer), m_pair(scorer), m_s(a), m_ids(std::max(a.maxM0_, a.maxM_) + a.M_ + 1),
          m_dist(m_ids.size()), m_visited(a.visited_list_pool_->getFreeVisitedList())
    {
    }
    ~Inserter() { m_a.visited_list_pool_->releaseVisitedList(m_visited); }
    Inserter(const Inserter &) = delete;
    Inserter &operator=(const Inserter &) = delete;

    // Adds `data` (an element's bytes) under `label`, which the graph must not hold.
    void operator()(const char *data, hnswlib::labeltype label)
    {
        Alg &a = m_a;
        tableint cur = 0;
        int level = 0;
        char *upper = nullptr;
        {
            std::lock_guard slot(a.cur_element_count_guard_);
            if (a.label_lookup_.count(label)) throw std::logic_error("a label added as new is already in the graph");
            if (a.cur_element_count >= a.max_elements_)
                throw std::runtime_error("The number of elements exceeds the specified limit");
            level = a.getRandomLevel(a.mult_);
            if (level > 0) {
                upper = static_cast<char *>(std::calloc(a.size_links_per_element_ * size_t(level) + 1, 1));
                if (!upper) throw std::runtime_error("Not enough memory for an element's upper links");
            }
            cur = tableint(a.cur_element_count);
            try {
                a.label_lookup_[label] = cur;
            } catch (...) {
                std::free(upper);
                throw;
            }
            a.element_levels_[cur] = level;
            a.linkLists_[cur] = upper;
            ++a.cur_element_count;
        }
        std::memset(a.data_level0_memory_ + size_t(cur) * a.size_data_per_element_ + a.offsetLevel0_, 0,
                    a.size_data_per_element_);
        std::memcpy(a.getExternalLabeLp(cur), &label, sizeof label);
        char *own = a.getDataByInternalId(cur);
        std::memcpy(own, data, a.data_size_);
        // Everything above is written before any list names `cur` (readLinks).
        std::atomic_thread_fence(std::memory_order_release);

        // Held to the end when this element becomes the entry point, as in hnswlib.
        std::unique_lock entryLock(a.global);
        const int maxLevel = a.maxlevel_;
        const tableint entryPoint = a.enterpoint_node_;
        if (level <= maxLevel) entryLock.unlock();
        if (entryPoint == tableint(-1)) { // the first element
            a.enterpoint_node_ = cur;
            a.maxlevel_ = level;
            return;
        }

        m_query.target(own);
        tableint entry = entryPoint;
        float entryDist = m_query.one(entry);
        descend(a, m_query, entry, entryDist, maxLevel, level, cur, m_s);
        const bool entryPointDeleted = a.isMarkedDeleted(entryPoint);
        const float entryPointDist = entryPointDeleted ? m_query.one(entryPoint) : 0.0f;
        for (int l = std::min(level, maxLevel); l >= 0; --l) {
            m_visited->reset();
            searchLayer(a, m_query, entry, entryDist, l, a.ef_construction_, *m_visited, cur, m_s);
            std::vector<Pair> &found = m_s.top;
            if (entryPointDeleted) { // hnswlib keeps a deleted entry point as a candidate
                found.emplace_back(entryPointDist, entryPoint);
                std::push_heap(found.begin(), found.end());
                if (found.size() > a.ef_construction_) {
                    std::pop_heap(found.begin(), found.end());
                    found.pop_back();
                }
            }
            if (found.empty()) continue; // all it reached is deleted: nothing to link to here
            connect(cur, l, found);
            entry = m_kept.front().second; // the closest neighbour starts the next level
            entryDist = m_kept.front().first;
        }
        if (level > maxLevel) {
            a.enterpoint_node_ = cur;
            a.maxlevel_ = level;
        }
    }

private:
    // hnswlib's getNeighborsByHeuristic2: `cands` (distances to a base
    // element) by increasing distance, each kept unless a kept one is closer
    // to it than the base is, up to `limit`; fewer than `limit` are all kept.
    // Leaves them in m_kept, closest first. Reorders `cands`.
    void selectNeighbors(std::vector<Pair> &cands, size_t limit)
    {
        std::sort(cands.begin(), cands.end());
        m_kept.clear();
        if (cands.size() < limit) {
            m_kept.assign(cands.begin(), cands.end());
            return;
        }
        // Most candidates are turned away by one of the first kept, so the
        // distances to the kept ones are taken a few at a time.
        constexpr size_t kStep = 4;
        for (const Pair &c : cands) {
            if (m_kept.size() >= limit) break;
            m_pair.target(m_a.getDataByInternalId(c.second));
            bool good = true;
            for (size_t j = 0; j < m_kept.size() && good; j += kStep) {
                const size_t n = std::min(kStep, m_kept.size() - j);
                for (size_t i = 0; i < n; ++i)
                    m_ids[i] = m_kept[j + i].second;
                m_pair.many(m_ids.data(), n, m_dist.data());
                for (size_t i = 0; i < n && good; ++i)
                    good = !(m_dist[i] < c.first);
            }
            if (good) m_kept.push_back(c);
        }
    }

    // Writes m_kept (closest first) into a list farthest first, as hnswlib
    // leaves them, from slot 0.
    void writeKept(tableint id, int level)
    {
        const size_t n = m_kept.size();
        for (size_t i = 0; i < n; ++i)
            m_ids[i] = m_kept[n - 1 - i].second;
        writeLinks(m_a, id, level, 0, m_ids.data(), n);
    }

    // hnswlib's mutuallyConnectNewElement: links `cur` to the neighbours the
    // heuristic picks from `found` (m_kept afterwards, closest first) and
    // each of them back to `cur`, pruning a full list with the heuristic.
    void connect(tableint cur, int level, std::vector<Pair> &found)
    {
        Alg &a = m_a;
        const size_t capacity = linkCapacity(a, level);
        selectNeighbors(found, a.M_);
        m_selected.assign(m_kept.begin(), m_kept.end());
        {
            std::lock_guard lock(a.link_list_locks_[cur]);
            // Another thread may have linked to `cur` on this level already
            // (it met `cur` as its entry from a level above): keep those too.
            const size_t had = readLinks(a, cur, level, m_ids.data());
            if (had == 0) {
                writeKept(cur, level);
            } else {
                m_merged.assign(m_selected.begin(), m_selected.end());
                size_t extra = 0;
                for (size_t i = 0; i < had; ++i) {
                    const tableint id = m_ids[i];
                    bool known = id == cur;
                    for (const Pair &p : m_merged)
                        known = known || p.second == id;
                    if (!known) m_ids[extra++] = id;
                }
                m_query.many(m_ids.data(), extra, m_dist.data());
                for (size_t i = 0; i < extra; ++i)
                    m_merged.emplace_back(m_dist[i], m_ids[i]);
                if (m_merged.size() > capacity) {
                    selectNeighbors(m_merged, capacity);
                } else {
                    std::sort(m_merged.begin(), m_merged.end());
                    m_kept.assign(m_merged.begin(), m_merged.end());
                }
                writeKept(cur, level);
            }
        }
        // The back links, farthest neighbour first as in hnswlib.
        for (size_t k = m_selected.size(); k-- > 0;) {
            const tableint other = m_selected[k].second;
            std::lock_guard lock(a.link_list_locks_[other]);
            const size_t n = readLinks(a, other, level, m_ids.data());
            bool present = false;
            for (size_t i = 0; i < n && !present; ++i)
                present = m_ids[i] == cur;
            if (present) continue; // it linked to `cur` itself (see above)
            if (n < capacity) {
                writeLinks(a, other, level, n, &cur, 1);
                continue;
            }
            // Full: keep what the heuristic keeps of its links and `cur`.
            m_ids[n] = cur;
            m_pair.target(a.getDataByInternalId(other));
            m_pair.many(m_ids.data(), n + 1, m_dist.data());
            m_merged.clear();
            for (size_t i = 0; i <= n; ++i)
                m_merged.emplace_back(m_dist[i], m_ids[i]);
            selectNeighbors(m_merged, capacity);
            writeKept(other, level);
        }
        // Callers read the closest selected neighbour from m_kept.
        m_kept.assign(m_selected.begin(), m_selected.end());
    }

    Alg &m_a;
    Scorer m_query; // against the element being added
    Scorer m_pair;  // against another element (the heuristic, pruning)
    LayerScratch m_s;
    std::vector<tableint> m_ids; // room for a full list, M more and one
    std::vector<float> m_dist;
    std::vector<Pair> m_kept, m_selected, m_merged;
    hnswlib::VisitedList *m_visited; // last: taken once the rest is made
};

std::atomic<int> insertionChoice{int(GraphInsertion::Sextant)};

} // namespace

void setGraphInsertion(GraphInsertion insertion) { insertionChoice.store(int(insertion)); }
GraphInsertion graphInsertion() { return GraphInsertion(insertionChoice.load()); }

std::vector<HnswGraph::Candidate> HnswGraph::search(const char *q, int ef, std::optional<uint32_t> unlinked) const
{
    const Alg &a = m_hnsw->alg;
    if (a.cur_element_count == 0 || m_liveCount == 0 || ef <= 0) return {};
    const bool l2 = m_metric == Metric::L2;
    std::optional<tableint> hidden;
    if (unlinked) {
        const auto it = a.label_lookup_.find(*unlinked);
        if (it != a.label_lookup_.end()) hidden = it->second;
    }
    if (quantized()) {
        CodeScorer scorer{a, q, size_t(m_dims), l2};
        return searchGraph(a, scorer, ef, hidden);
    }
    FloatScorer scorer{a, reinterpret_cast<const float *>(q), size_t(m_dims), l2};
    return searchGraph(a, scorer, ef, hidden);
}

Error HnswGraph::apply(const std::vector<Change> &changes, int threads)
{
    Alg &a = m_hnsw->alg;
    struct Add {
        uint32_t label;
        const Change *change;
        bool started = false;
    };
    std::vector<Add> adds;
    // Labels new to the graph (added first, by the insertion above) and the
    // others (updates and revivals: hnswlib's update path, after).
    std::vector<size_t> fresh, existing;
    try {
        std::unordered_set<uint32_t> freshLabels;
        for (const Change &c : changes) {
            if (c.vector.empty()) {
                const auto label = labelOf(c.id);
                if (!label || !m_live[*label]) continue;
                a.markDelete(*label);
                m_live[*label] = 0;
                --m_liveCount;
                continue;
            }
            if (int(c.vector.size()) != m_dims)
                return Error(ErrorCode::InvalidArgument, QStringLiteral("A graph vector has the wrong dimension."));
            const uint32_t label = labelFor(c.id);
            if (m_live[label] && m_hashes[label] == c.hash) continue;
            // (An id given twice is an update the second time.)
            const bool isNew = a.label_lookup_.find(label) == a.label_lookup_.end() && freshLabels.insert(label).second;
            (isNew ? fresh : existing).push_back(adds.size());
            adds.push_back({label, &c});
        }
        if (a.cur_element_count + fresh.size() > a.max_elements_) {
            a.resizeIndex(std::max(a.max_elements_ * 2, a.cur_element_count + fresh.size() + 1024));
            adviseHugePages(a); // (a move by realloc keeps the advice; a copy does not)
        }
        if (!adds.empty()) ensureAddLocks(a); // a loaded graph has none yet
    } catch (const std::exception &e) {
        return Error(ErrorCode::Io,
                     QStringLiteral("The HNSW graph could not grow: %1").arg(QString::fromLocal8Bit(e.what())));
    }

    std::atomic<bool> failed{false};
    QString failure;
    std::mutex failureMutex;
    const auto fail = [&](const std::exception &e) {
        std::lock_guard lock(failureMutex);
        failure = QString::fromLocal8Bit(e.what());
        failed = true;
    };
    const int n = std::clamp(threads, 1, 8);
    // Adds `which` on up to n threads, each with its own adder (made by makeAdder).
    const auto run = [&](const std::vector<size_t> &which, const auto &makeAdder) {
        if (which.empty() || failed) return;
        std::atomic<size_t> next{0};
        const auto worker = [&] {
            try {
                auto add = makeAdder();
                for (;;) {
                    const size_t k = next.fetch_add(1);
                    if (k >= which.size() || failed.load()) return;
                    Add &item = adds[which[k]];
                    item.started = true;
                    // Normalising and encoding run in parallel too.
                    const std::vector<char> prepared = prepareQuery(item.change->vector.data());
                    add(prepared.data(), item.label);
                }
            } catch (const std::exception &e) {
                fail(e);
            }
        };
        m_hnsw->pool.run(n == 1 || which.size() < 16 ? 0 : n - 1, worker);
    };
    const auto hnswlibAdder = [&] { return [&](const char *data, uint32_t label) { a.addPoint(data, label); }; };
    const bool l2 = m_metric == Metric::L2;
    if (graphInsertion() == GraphInsertion::Hnswlib)
        run(fresh, hnswlibAdder);
    else if (quantized())
        run(fresh, [&] { return Inserter<CodeScorer>(a, CodeScorer{a, nullptr, size_t(m_dims), l2}); });
    else
        run(fresh, [&] { return Inserter<FloatScorer>(a, FloatScorer{a, nullptr, size_t(m_dims), l2}); });
    // Never at the same time as the insertion above, whose lock-free reads
    // assume writers that follow writeLinks' order.
    run(existing, hnswlibAdder);

    // Record what is now in the graph (a failed add leaves its label as it was).
    for (const Add &item : adds) {
        if (!item.started) continue;
        const uint32_t label = item.label;
        const auto it = a.label_lookup_.find(label);
        if (it == a.label_lookup_.end() || a.isMarkedDeleted(it->second)) continue;
        if (!m_live[label]) ++m_liveCount;
        m_live[label] = 1;
        m_hashes[label] = item.change->hash;
    }
    if (failed) return Error(ErrorCode::Io, QStringLiteral("Adding to the HNSW graph failed: %1").arg(failure));
    return {};
}

// ---- files

Result<FileRecord> HnswGraph::save(const QString &dir, const QString &name, bool sync) const
{
    const Alg &a = m_hnsw->alg;
    const QString path = dir + u'/' + name;
    Result<File> opened = File::open(path, File::Mode::CreateNew);
    if (!opened.ok()) return opened.error();
    File file = opened.takeValue();
    HashingWriter w(file);

    const size_t cur = a.cur_element_count;
    const uint64_t hnswLength = 96 + cur * a.size_data_per_element_ + [&] {
        uint64_t links = 0;
        for (size_t i = 0; i < cur; ++i)
            links += 4 + uint64_t(a.element_levels_[i] > 0 ? a.size_links_per_element_ * a.element_levels_[i] : 0);
        return links;
    }();
    // Header.
    w.put(graphfile::kMagic, 8);
    // A float graph stays version 1, which builds from before quantized
    // graphs read; a quantized one is version 2 and names its codes.
    w.pod(quantized() ? graphfile::kQuantizedVersion : graphfile::kVersion);
    w.pod(uint32_t(m_dims));
    w.pod(metricCode(m_metric));
    w.pod(uint32_t(m_params.m));
    w.pod(uint32_t(m_params.efConstruction));
    w.pod(quantizationCode(m_params.quantization));
    w.pod(uint64_t(m_ids.size()));
    w.pod(uint64_t(graphfile::kHeaderSize));
    w.pod(hnswLength);
    w.pod(uint64_t(graphfile::kHeaderSize) + hnswLength);
    // hnswlib 0.6.2's saveIndex layout, with max_elements = the element count.
    w.pod(uint64_t(a.offsetLevel0_));
    w.pod(uint64_t(cur));
    w.pod(uint64_t(cur));
    w.pod(uint64_t(a.size_data_per_element_));
    w.pod(uint64_t(a.label_offset_));
    w.pod(uint64_t(a.offsetData_));
    w.pod(int32_t(a.maxlevel_));
    w.pod(uint32_t(a.enterpoint_node_));
    w.pod(uint64_t(a.maxM_));
    w.pod(uint64_t(a.maxM0_));
    w.pod(uint64_t(a.M_));
    w.pod(double(a.mult_));
    w.pod(uint64_t(a.ef_construction_));
    w.put(a.data_level0_memory_, cur * a.size_data_per_element_);
    for (size_t i = 0; i < cur; ++i) {
        const uint32_t size = a.element_levels_[i] > 0 ? uint32_t(a.size_links_per_element_ * a.element_levels_[i]) : 0;
        w.pod(size);
        if (size) w.put(a.linkLists_[i], size);
    }
    // Labels.
    const qint64 labelsStart = w.position();
    for (size_t l = 0; l < m_ids.size(); ++l) {
        const QByteArrayView id = m_ids.id(uint32_t(l));
        w.pod(uint64_t(m_hashes[l]));
        w.pod(uint8_t(m_live[l]));
        w.pod(uint32_t(id.size()));
        w.put(id.data(), size_t(id.size()));
    }
    const uint64_t labelsLength = uint64_t(w.position() - labelsStart);
    w.pod(labelsLength);
    w.flush();
    const uint64_t sum = w.xxh3();
    w.pod(sum);
    w.put(graphfile::kFooterMagic, 8);
    w.flush();
    if (w.error()) {
        file.close();
        removeFile(path);
        return w.error();
    }
    if (sync)
        if (Error e = file.syncData()) {
            file.close();
            removeFile(path);
            return e;
        }
    FileRecord rec{name, w.position(), w.sha256()};
    file.close();
    return rec;
}

namespace {

Error corruptGraph(const QString &path, const QString &what, qint64 offset = -1)
{
    return Error(ErrorCode::Corruption,
                 offset >= 0
                     ? QStringLiteral("The graph file %1 is damaged at byte %2: %3.").arg(path).arg(offset).arg(what)
                     : QStringLiteral("The graph file %1 is damaged: %2.").arg(path, what),
                 path);
}

struct ParsedGraph {
    uint32_t dims = 0, metric = 0, m = 0, efc = 0, quantization = 0;
    uint64_t labelCount = 0;
    // hnswlib header
    uint64_t cur = 0, sizePerElement = 0, labelOffset = 0, offsetData = 0, maxM = 0, maxM0 = 0, M = 0,
             efConstruction = 0;
    int32_t maxLevel = -1;
    uint32_t enterpoint = 0;
    double mult = 0;
    const uchar *level0 = nullptr;
    std::vector<const uchar *> links;
    std::vector<uint32_t> linkSizes;
    const uchar *labels = nullptr;
    uint64_t labelsLength = 0;
};

// Everything the loader needs is checked here, before hnswlib sees a byte.
Result<ParsedGraph> parseGraph(const uchar *data, qint64 size, const QString &path, int dims, Metric metric,
                               Quantization quantization)
{
    if (size < graphfile::kHeaderSize + graphfile::kFooterSize)
        return corruptGraph(path, QStringLiteral("it is too short (%1 bytes)").arg(size));
    const uchar *footer = data + size - graphfile::kFooterSize;
    if (std::memcmp(footer + 16, graphfile::kFooterMagic, 8) != 0)
        return corruptGraph(path, QStringLiteral("the footer is missing (torn or truncated file)"), size - 8);
    uint64_t stored = 0;
    std::memcpy(&stored, footer + 8, 8);
    if (xxh3(data, size_t(size - graphfile::kFooterSize + 8)) != stored)
        return corruptGraph(path, QStringLiteral("its checksum does not match its contents"));
    if (std::memcmp(data, graphfile::kMagic, 8) != 0) return corruptGraph(path, QStringLiteral("bad magic"), 0);

    ParsedGraph g;
    Reader r{data, size - graphfile::kFooterSize + 8};
    r.pos = 8;
    const uint32_t version = r.pod<uint32_t>();
    if (version > graphfile::kQuantizedVersion)
        return Error(ErrorCode::UnsupportedFormat,
                     QStringLiteral("The graph file %1 was made by a newer Sextant (graph format %2); this version "
                                    "reads formats 1 and %3.")
                         .arg(path)
                         .arg(version)
                         .arg(graphfile::kQuantizedVersion),
                     path);
    if (version < graphfile::kVersion) return corruptGraph(path, QStringLiteral("its version is 0"), 8);
    g.dims = r.pod<uint32_t>();
    g.metric = r.pod<uint32_t>();
    g.m = r.pod<uint32_t>();
    g.efc = r.pod<uint32_t>();
    g.quantization = r.pod<uint32_t>();
    // Version 1 holds floats (the field is 0); version 2 holds codes (1: sq8).
    if (g.quantization != (version == graphfile::kVersion ? 0u : 1u))
        return corruptGraph(path, QStringLiteral("its quantization field does not fit its version"), 28);
    g.labelCount = r.pod<uint64_t>();
    const uint64_t hnswOffset = r.pod<uint64_t>();
    const uint64_t hnswLength = r.pod<uint64_t>();
    const uint64_t labelsOffset = r.pod<uint64_t>();
    if (int(g.dims) != dims || g.metric != metricCode(metric))
        return corruptGraph(path, QStringLiteral("it was built for another vector shape or metric"), 12);
    if (g.quantization != quantizationCode(quantization))
        return corruptGraph(path,
                            g.quantization ? QStringLiteral("it holds 8-bit codes, but the index keeps float vectors")
                                           : QStringLiteral("it holds float vectors, but the index keeps 8-bit codes"),
                            28);
    if (g.m < uint32_t(AnnParams::kMinM) || g.m > uint32_t(AnnParams::kMaxM))
        return corruptGraph(path, QStringLiteral("M is out of range"), 20);
    if (hnswOffset != uint64_t(graphfile::kHeaderSize) || hnswLength > uint64_t(size) ||
        labelsOffset != hnswOffset + hnswLength || labelsOffset > uint64_t(size - graphfile::kFooterSize))
        return corruptGraph(path, QStringLiteral("its section offsets do not add up"), 40);
    r.pos = qint64(hnswOffset);
    const uint64_t offsetLevel0 = r.pod<uint64_t>();
    r.pod<uint64_t>(); // max_elements: capacity, ignored
    g.cur = r.pod<uint64_t>();
    g.sizePerElement = r.pod<uint64_t>();
    g.labelOffset = r.pod<uint64_t>();
    g.offsetData = r.pod<uint64_t>();
    g.maxLevel = r.pod<int32_t>();
    g.enterpoint = r.pod<uint32_t>();
    g.maxM = r.pod<uint64_t>();
    g.maxM0 = r.pod<uint64_t>();
    g.M = r.pod<uint64_t>();
    g.mult = r.pod<double>();
    g.efConstruction = r.pod<uint64_t>();
    const qint64 at = qint64(hnswOffset);
    if (r.failed) return corruptGraph(path, QStringLiteral("the hnswlib header is cut short"), at);
    if (offsetLevel0 != 0 || g.M != g.m || g.maxM != g.M || g.maxM0 != 2 * g.M)
        return corruptGraph(path, QStringLiteral("the hnswlib header does not match M = %1").arg(g.m), at);
    const uint64_t linksLevel0 = g.maxM0 * 4 + 4;
    if (g.offsetData != linksLevel0 || g.labelOffset != linksLevel0 + HnswGraph::elementDataSize(dims, quantization) ||
        g.sizePerElement != g.labelOffset + 8)
        return corruptGraph(path, QStringLiteral("the hnswlib element layout does not match the dimensions"), at);
    if (g.cur > (uint64_t(1) << 31) || g.cur > uint64_t(size) / g.sizePerElement)
        return corruptGraph(path, QStringLiteral("the element count is impossible for the file's size"), at + 16);
    if (g.cur == 0 ? g.maxLevel != -1 : (g.maxLevel < 0 || g.maxLevel > kMaxLevel || g.enterpoint >= g.cur))
        return corruptGraph(path, QStringLiteral("the entry point or top level is invalid"), at + 48);
    if (!(g.mult > 0 && g.mult < 10))
        return corruptGraph(path, QStringLiteral("the level multiplier is invalid"), at + 80);
    g.level0 = r.take(qint64(g.cur * g.sizePerElement));
    if (!g.level0) return corruptGraph(path, QStringLiteral("the element table is cut short"), r.pos);
    const uint64_t linksUpper = g.maxM * 4 + 4;
    g.links.resize(g.cur);
    g.linkSizes.resize(g.cur);
    for (uint64_t i = 0; i < g.cur; ++i) {
        const qint64 pos = r.pos;
        const uint32_t bytes = r.pod<uint32_t>();
        if (r.failed || bytes % linksUpper != 0 || bytes / linksUpper > uint64_t(kMaxLevel))
            return corruptGraph(path, QStringLiteral("the upper links of element %1 are invalid").arg(i), pos);
        g.linkSizes[i] = bytes;
        g.links[i] = bytes ? r.take(bytes) : nullptr;
        if (r.failed) return corruptGraph(path, QStringLiteral("the upper links are cut short"), pos);
    }
    if (uint64_t(r.pos) != labelsOffset)
        return corruptGraph(path, QStringLiteral("the hnswlib section has the wrong length"), r.pos);
    if (g.cur > 0 && int64_t(g.linkSizes[g.enterpoint] / linksUpper) != g.maxLevel)
        return corruptGraph(path, QStringLiteral("the entry point is not on the top level"), at + 52);
    // Every link points at an element that exists on that level.
    auto levelOf = [&](uint64_t i) { return uint64_t(g.linkSizes[i] / linksUpper); };
    for (uint64_t i = 0; i < g.cur; ++i) {
        const uchar *l0 = g.level0 + i * g.sizePerElement;
        uint16_t count = 0;
        std::memcpy(&count, l0, 2);
        if (count > g.maxM0)
            return corruptGraph(path, QStringLiteral("element %1 has too many links").arg(i),
                                at + 96 + qint64(i * g.sizePerElement));
        for (uint16_t j = 0; j < count; ++j) {
            uint32_t t = 0;
            std::memcpy(&t, l0 + 4 + 4 * j, 4);
            if (t >= g.cur)
                return corruptGraph(path, QStringLiteral("element %1 links to a missing element").arg(i),
                                    at + 96 + qint64(i * g.sizePerElement));
        }
        uint64_t label = 0;
        std::memcpy(&label, l0 + g.labelOffset, 8);
        if (label >= g.labelCount) return corruptGraph(path, QStringLiteral("element %1 has an unknown label").arg(i));
        const uint64_t levels = levelOf(i);
        for (uint64_t lv = 1; lv <= levels; ++lv) {
            const uchar *ll = g.links[i] + (lv - 1) * linksUpper;
            uint16_t n = 0;
            std::memcpy(&n, ll, 2);
            if (n > g.maxM)
                return corruptGraph(path, QStringLiteral("element %1 has too many links on level %2").arg(i).arg(lv));
            for (uint16_t j = 0; j < n; ++j) {
                uint32_t t = 0;
                std::memcpy(&t, ll + 4 + 4 * j, 4);
                if (t >= g.cur || levelOf(t) < lv)
                    return corruptGraph(
                        path, QStringLiteral("element %1 links to an element missing on level %2").arg(i).arg(lv));
            }
        }
    }
    g.labels = data + labelsOffset;
    g.labelsLength = uint64_t(size - graphfile::kFooterSize) - labelsOffset;
    uint64_t declared = 0;
    std::memcpy(&declared, footer, 8);
    if (declared != g.labelsLength)
        return corruptGraph(path, QStringLiteral("the label table has the wrong length"),
                            size - graphfile::kFooterSize);
    // Each label takes at least 14 bytes (hash, flag, length, a 1-byte id);
    // labels are 32-bit, the last value unused.
    if (g.labelCount > g.labelsLength / 14 || g.labelCount < g.cur || g.labelCount >= uint64_t(UINT32_MAX))
        return corruptGraph(path, QStringLiteral("the label count does not fit the label table"), 32);
    return g;
}

// Opens and maps a graph file (the mapping lives as long as `f`) and checks it.
Result<ParsedGraph> mapAndParse(QFile &f, const QString &path, int dimensions, Metric metric, Quantization quantization,
                                qint64 expectedSize)
{
    f.setFileName(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, QStringLiteral("Cannot open the graph file %1: %2").arg(path, f.errorString()),
                     path);
    if (expectedSize >= 0 && f.size() != expectedSize)
        return corruptGraph(path,
                            QStringLiteral("it has %1 bytes, the manifest says %2").arg(f.size()).arg(expectedSize));
    if (f.size() == 0) return corruptGraph(path, QStringLiteral("it is empty"));
    const uchar *map = f.map(0, f.size());
    if (!map) return Error(ErrorCode::Io, QStringLiteral("Cannot map the graph file %1.").arg(path), path);
    return parseGraph(map, f.size(), path, dimensions, metric, quantization);
}

} // namespace

Error HnswGraph::check(const QString &path, int dimensions, Metric metric, Quantization quantization,
                       qint64 expectedSize)
{
    QFile f;
    const Result<ParsedGraph> g = mapAndParse(f, path, dimensions, metric, quantization, expectedSize);
    return g.ok() ? Error() : g.error();
}

Result<std::unique_ptr<HnswGraph>> HnswGraph::load(const QString &path, int dimensions, Metric metric, AnnParams params,
                                                   qint64 expectedSize)
{
    QFile f;
    Result<ParsedGraph> parsed = mapAndParse(f, path, dimensions, metric, params.quantization, expectedSize);
    if (!parsed.ok()) return parsed.error();
    const ParsedGraph &g = *parsed;
    params.m = int(g.m);
    params.efConstruction = int(std::max<uint64_t>(g.efConstruction, 1));

    auto graph = std::make_unique<HnswGraph>(dimensions, metric, params, size_t(g.cur) + 1024);
    // The label table and the elements are read at the same time, on two
    // threads (each touches only its own structures); their cross-checks
    // follow once both are done.
    // Labels: ids must be valid and distinct.
    auto readLabels = [&]() -> Error {
        Reader lr{g.labels, qint64(g.labelsLength)};
        // Each label is 13 bytes and its id's (parseGraph checked there are
        // at least 14 per label): the id table is sized once, exactly.
        graph->m_ids.reserve(size_t(g.labelCount), size_t(g.labelsLength - 13 * g.labelCount));
        graph->m_hashes.reserve(g.labelCount);
        graph->m_live.reserve(g.labelCount);
        for (uint64_t l = 0; l < g.labelCount; ++l) {
            const uint64_t hash = lr.pod<uint64_t>();
            const uint8_t live = lr.pod<uint8_t>();
            const uint32_t len = lr.pod<uint32_t>();
            const uchar *bytes = lr.take(len);
            if (lr.failed || live > 1)
                return corruptGraph(path, QStringLiteral("label %1 is cut short or invalid").arg(l));
            const QByteArrayView id(bytes, qsizetype(len));
            bool added = false;
            // (fromRawData: checked in place, not copied.)
            if (validateIdBytes(QByteArray::fromRawData(id.data(), id.size())) ||
                graph->m_ids.insert(id, &added) != l || !added)
                return corruptGraph(path, QStringLiteral("label %1 has an invalid or repeated id").arg(l));
            graph->m_hashes.push_back(hash);
            graph->m_live.push_back(live);
        }
        if (lr.pos != lr.size) return corruptGraph(path, QStringLiteral("the label table has trailing bytes"));
        return {};
    };
    Error labelsError;
    std::thread labelsThread([&] {
        try {
            labelsError = readLabels();
        } catch (const std::exception &e) { // out of memory
            labelsError = Error(
                ErrorCode::Io,
                QStringLiteral("Loading the graph %1 failed: %2").arg(path, QString::fromLocal8Bit(e.what())), path);
        }
    });
    auto joinLabels = qScopeGuard([&] {
        if (labelsThread.joinable()) labelsThread.join();
    });
    graph->m_hintCount = size_t(g.labelCount) + 1024;
    graph->m_hints = std::make_unique<std::atomic<uint64_t>[]>(graph->m_hintCount);
    for (size_t i = 0; i < graph->m_hintCount; ++i)
        graph->m_hints[i].store(0, std::memory_order_relaxed);

    Alg &a = graph->m_hnsw->alg;
    std::vector<uint8_t> deleted(g.labelCount, 0), seen(g.labelCount, 0);
    // The element table is copied in chunks by a helper thread, which starts
    // now, and by this thread once it has read the elements' labels, levels
    // and lists from the file's bytes (the same bytes, checked by
    // parseGraph): most of the copy's time is the first touch of each page
    // of the new table, which thus overlaps the rest of the load.
    const size_t tableBytes = size_t(g.cur * g.sizePerElement);
    constexpr size_t kCopyChunk = size_t(1) << 20; // (tst_graph_insert loads tables of several)
    const size_t copyChunks = (tableBytes + kCopyChunk - 1) / kCopyChunk;
    std::atomic<size_t> nextChunk{0};
    const auto copyChunksLeft = [&] {
        for (size_t c = nextChunk.fetch_add(1); c < copyChunks; c = nextChunk.fetch_add(1)) {
            const size_t at = c * kCopyChunk;
            std::memcpy(a.data_level0_memory_ + at, g.level0 + at, std::min(kCopyChunk, tableBytes - at));
        }
    };
    std::thread copyThread;
    try {
        copyThread = std::thread(copyChunksLeft);
    } catch (const std::system_error &) {
        // No thread to spare: this thread copies it all below.
    }
    auto joinCopy = qScopeGuard([&] {
        nextChunk.store(copyChunks); // on an early return: no new chunks
        if (copyThread.joinable()) copyThread.join();
    });
    try {
        a.label_lookup_.reserve(size_t(g.cur));
        for (uint64_t i = 0; i < g.cur; ++i) {
            const uchar *element = g.level0 + i * g.sizePerElement;
            uint64_t label = 0;
            std::memcpy(&label, element + g.labelOffset, 8);
            if (seen[label]) return corruptGraph(path, QStringLiteral("two elements carry label %1").arg(label));
            seen[label] = 1;
            const uint32_t bytes = g.linkSizes[i];
            a.element_levels_[i] = int(bytes / a.size_links_per_element_);
            if (bytes) {
                a.linkLists_[i] = static_cast<char *>(std::malloc(bytes));
                if (!a.linkLists_[i]) throw std::runtime_error("out of memory");
                std::memcpy(a.linkLists_[i], g.links[i], bytes);
            } else {
                a.linkLists_[i] = nullptr;
            }
            a.label_lookup_[label] = tableint(i);
            // cur_element_count grows as elements become complete, so the
            // destructor frees exactly the lists allocated so far.
            a.cur_element_count = i + 1;
            // hnswlib's isMarkedDeleted(): the third byte of the element's level-0 list.
            deleted[label] = (element[a.offsetLevel0_ + 2] & Alg::DELETE_MARK) != 0;
            if (deleted[label]) ++a.num_deleted_;
        }
        a.enterpoint_node_ = g.cur ? g.enterpoint : tableint(-1);
        a.maxlevel_ = g.maxLevel;
        dropAddLocks(a); // apply() makes them again before it adds
    } catch (const std::exception &e) {
        return Error(ErrorCode::Io,
                     QStringLiteral("Loading the graph %1 failed: %2").arg(path, QString::fromLocal8Bit(e.what())),
                     path);
    }
    copyChunksLeft();
    if (copyThread.joinable()) copyThread.join();
    labelsThread.join();
    if (labelsError) return labelsError;
    for (uint64_t l = 0; l < g.labelCount; ++l) {
        if (seen[l] && bool(graph->m_live[l]) == bool(deleted[l]))
            return corruptGraph(path, QStringLiteral("label %1's state disagrees with the graph").arg(l));
        if (graph->m_live[l] && !seen[l])
            return corruptGraph(path, QStringLiteral("live label %1 is not in the graph").arg(l));
    }
    for (uint8_t live : graph->m_live)
        graph->m_liveCount += live;
    return graph;
}

uint32_t HnswGraph::elementCount() const { return uint32_t(m_hnsw->alg.cur_element_count); }

uint32_t HnswGraph::labelAt(uint32_t element) const { return uint32_t(m_hnsw->alg.getExternalLabel(element)); }

std::optional<uint32_t> HnswGraph::elementOf(uint32_t label) const
{
    const Alg &a = m_hnsw->alg;
    const auto it = a.label_lookup_.find(label);
    if (it == a.label_lookup_.end()) return std::nullopt;
    return uint32_t(it->second);
}

void HnswGraph::distances(const char *prepared, const uint32_t *elements, size_t count, float *out) const
{
    const Alg &a = m_hnsw->alg;
    const bool l2 = m_metric == Metric::L2;
    if (!quantized()) {
        FloatScorer scorer{a, reinterpret_cast<const float *>(prepared), size_t(m_dims), l2};
        scorer.many(elements, count, out);
        return;
    }
    // The elements of a filtered scan are far apart (each one a miss to
    // memory) and each is scored quickly, so many must be on their way at
    // once: every line of the element kAhead places on is requested before
    // this one is scored.
    constexpr size_t kAhead = 8;
    const size_t bytes = elementDataSize(m_dims, m_params.quantization);
    const auto prefetch = [&](size_t i) {
        const char *p = a.getDataByInternalId(elements[i]);
        for (size_t line = 0; line < bytes; line += 64)
            __builtin_prefetch(p + line, 0, 3);
        __builtin_prefetch(p + bytes - 1, 0, 3);
    };
    for (size_t i = 0; i < count && i < kAhead; ++i)
        prefetch(i);
    const CodeScorer scorer{a, prepared, size_t(m_dims), l2};
    for (size_t i = 0; i < count; ++i) {
        if (i + kAhead < count) prefetch(i + kAhead);
        out[i] = scorer.one(elements[i]);
    }
}

} // namespace sextant
