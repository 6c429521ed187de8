#pragma once
// The HNSW graph of an index: hnswlib 0.6.2 underneath (Graph.cpp is the only
// translation unit that includes it), plus what hnswlib lacks:
//   - item ids: hnswlib knows numeric labels; a label is given to an id the
//     first time it is added and kept for the id's life (an update replaces
//     the vector under the same label, a delete marks it, a re-insert revives
//     it). The ids and labels are in an IdTable (index/IdTable.h);
//   - a per-query ef and our own dispatched distance kernels: hnswlib keeps ef
//     in the index object, so its searchKnn cannot run two efs at once;
//   - a checked file format around hnswlib's own layout (docs/format.md,
//     "Graph file"): every byte is covered by an XXH3 checked before anything
//     is parsed, and every link, level and label is range-checked on load;
//   - quantized graphs (AnnParams::quantization Sq8): each element holds an
//     8-bit code of its vector (a float scale, the code's squared length,
//     then one int8 per dimension) instead of float32s, so the graph takes
//     about a third of the memory and is built and walked with integer
//     kernels. Distances it returns are then approximate: the caller reranks
//     them with the float vectors (index/Search.cpp).
// Thread safety: search(), save() and the const accessors may run in
// parallel with each other; apply() needs exclusive access (GraphManager
// holds the lock for it, and only its maintenance thread changes the graph).
// What idOf() and rawId() return points into the id table, which apply() may
// move: it is used under the same shared access that read it.

#include "sextant/Error.h"
#include "sextant/Schema.h"
#include "index/IdTable.h"
#include "storage/Segment.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace sextant {

namespace graphfile {
constexpr char kMagic[8] = {'S', 'X', 'T', 'G', 'R', 'P', 'H', '1'};
constexpr char kFooterMagic[8] = {'S', 'X', 'T', 'G', 'R', 'F', 'T', '1'};
constexpr uint32_t kVersion = 1;          // float graphs: what every build reads
constexpr uint32_t kQuantizedVersion = 2; // 8-bit codes (the newest this build reads)
constexpr qint64 kHeaderSize = 64;
constexpr qint64 kFooterSize = 24;
QString fileName(uint64_t number); // graph-NNNNNNNNNNNNNNNNNNNN.sxg
} // namespace graphfile

class HnswGraph {
public:
    struct Candidate {
        float distance; // lower is closer (see distanceToScore)
        uint32_t label;
    };
    struct Change {
        QByteArray id;
        std::vector<float> vector; // empty: remove
        quint64 hash = 0;          // vectorHash() of the stored (raw) vector
    };

    HnswGraph(int dimensions, Metric metric, AnnParams params, size_t capacity = 1024);
    ~HnswGraph();
    HnswGraph(const HnswGraph &) = delete;
    HnswGraph &operator=(const HnswGraph &) = delete;

    int dimensions() const { return m_dims; }
    Metric metric() const { return m_metric; }
    const AnnParams &params() const { return m_params; }
    bool quantized() const { return m_params.quantization == Quantization::Sq8; }
    // Bytes of one element's vector data: 4 per dimension, or 8 + 1 per dimension when quantized.
    static size_t elementDataSize(int dimensions, Quantization q);

    // ---- ids and labels
    qint64 labelCount() const { return qint64(m_ids.size()); }
    std::optional<uint32_t> labelOf(QByteArrayView id) const { return m_ids.find(id); }
    // The id of `label` (< labelCount()), viewed in place: valid until the
    // graph next changes (apply()) or goes. Copy it (toByteArray()) to keep it.
    QByteArrayView idOf(uint32_t label) const { return m_ids.id(label); }
    // The same bytes as a QByteArray that does not own them (fromRawData): for
    // the APIs that take a QByteArray, without a copy per call. It must not
    // outlive the caller's shared access to the graph (nor be kept, or copied
    // into anything that is: a copy shares the same bytes).
    QByteArray rawId(uint32_t label) const
    {
        const QByteArrayView id = m_ids.id(label);
        return QByteArray::fromRawData(id.data(), id.size());
    }
    bool isLive(uint32_t label) const { return label < m_live.size() && m_live[label]; }
    quint64 hashOf(uint32_t label) const { return m_hashes[label]; }
    qint64 liveCount() const { return m_liveCount; }
    qint64 deletedCount() const; // in the graph, marked deleted
    qint64 capacity() const;
    qint64 memoryBytes() const;
    // Whether `id` is in the graph with exactly this vector.
    bool holds(QByteArrayView id, quint64 hash) const;

    // ---- changes (exclusive access)
    // Applies the changes, adding in parallel on up to `threads` threads, and
    // grows the graph when it is full. Ids must be distinct within one call.
    Error apply(const std::vector<Change> &changes, int threads);

    // ---- search (shared access)
    // The query as the graph compares it: normalised for cosine, and encoded
    // when quantized (the bytes of an element's data).
    std::vector<char> prepareQuery(const float *query) const;
    // Up to `ef` nearest live entries to a prepared query, closest first.
    // The distances are exact for a float graph and approximate (from the
    // codes) for a quantized one.
    // `unlinked`: a label whose element the search neither returns nor walks
    // through (its links unused), as if it were not in the graph: the tuning of
    // ef searches for an item's neighbours the way a query unlike any item
    // would find them, not through the item's own links.
    std::vector<Candidate> search(const char *prepared, int ef, std::optional<uint32_t> unlinked = std::nullopt) const;
    float distanceToScore(float distance) const;

    // Where a label's item was last found (packed by the caller; 0: not
    // known). Only a hint, for the rerank of quantized searches: the caller
    // checks it before trusting it. Safe from any searching thread.
    uint64_t locationHint(uint32_t label) const
    {
        return label < m_hintCount ? m_hints[label].load(std::memory_order_relaxed) : 0;
    }
    void setLocationHint(uint32_t label, uint64_t packed) const
    {
        if (label >= m_hintCount || m_hints[label].load(std::memory_order_relaxed) == packed) return;
        m_hints[label].store(packed, std::memory_order_relaxed);
        m_hintChanges.fetch_add(1, std::memory_order_relaxed);
    }
    // How many times a hint changed since the graph was made: a cache built
    // from the hints (RowElements) knows when more of them are known.
    uint64_t hintChanges() const { return m_hintChanges.load(std::memory_order_relaxed); }
    // A number for this graph object, unique within the process and never
    // reused (a rebuilt or converted graph is a new object): what caches of
    // its elements are keyed by.
    uint64_t instance() const { return m_instance; }

    // ---- elements (shared access): hnswlib's slots, numbered from 0. A
    // label keeps its element for the graph's life (an update or a revival
    // rewrites the element in place; growing keeps the numbers).
    uint32_t elementCount() const;
    uint32_t labelAt(uint32_t element) const;
    std::optional<uint32_t> elementOf(uint32_t label) const;
    // Distances from a prepared query to these elements, from their data as
    // search() measures them (from the codes when quantized), the elements'
    // data prefetched ahead.
    void distances(const char *prepared, const uint32_t *elements, size_t count, float *out) const;
    // The packing the rerank uses: an opened segment file's instance number
    // (storage::Segment::instance) and a row; 0 (no hint) when either does
    // not fit.
    static uint64_t packLocation(uint64_t segmentInstance, qint64 row)
    {
        if (segmentInstance == 0 || segmentInstance >= 0xffffffffu || row < 0 || row > 0xffffffff) return 0;
        return (segmentInstance << 32) | uint64_t(row);
    }

    // ---- files
    // Writes the graph to `path` (a new file) and fsyncs it when `sync`.
    Result<storage::FileRecord> save(const QString &dir, const QString &name, bool sync) const;
    // Reads and checks a graph file; `expected` (from the manifest) gives its size.
    static Result<std::unique_ptr<HnswGraph>> load(const QString &path, int dimensions, Metric metric, AnnParams params,
                                                   qint64 expectedSize);
    // Checks a graph file without keeping it: the findings verify reports.
    static Error check(const QString &path, int dimensions, Metric metric, Quantization quantization,
                       qint64 expectedSize);

    static quint64 vectorHash(const float *vector, int dimensions);

    struct Hnsw;

private:
    Error addOne(const Change &c);
    uint32_t labelFor(QByteArrayView id);
    void encode(const float *prepared, char *out) const;

    int m_dims;
    Metric m_metric;
    AnnParams m_params;
    std::unique_ptr<Hnsw> m_hnsw;
    IdTable m_ids;
    std::vector<quint64> m_hashes;
    std::vector<uint8_t> m_live;
    qint64 m_liveCount = 0;
    // Location hints per label (grown with the labels, under exclusive access).
    std::unique_ptr<std::atomic<uint64_t>[]> m_hints;
    size_t m_hintCount = 0;
    mutable std::atomic<uint64_t> m_hintChanges{0};
    const uint64_t m_instance;
};

} // namespace sextant
