// Fuzz target: the saved HNSW graph file. check() and load() must refuse
// anything that could make hnswlib read out of bounds; a graph that loads
// must then survive what the opener does with it: searches, and the changes
// that reconcile it with the items (update, delete, insert).

#include "FuzzSupport.h"

#include "index/Graph.h"
#include "base/Checksums.h"

using namespace sextant;
using namespace sextant::storage;
using namespace sextant::base;

namespace {

// The checksum covers every byte before the last 16.
QByteArray withRepairedChecksum(QByteArray b)
{
    if (b.size() < graphfile::kHeaderSize + graphfile::kFooterSize) return b;
    fuzzsupport::putU64At(b, b.size() - 16, xxh3(b.constData(), size_t(b.size() - 16)));
    return b;
}

Metric metricOf(uint32_t code) { return code == 1 ? Metric::L2 : code == 2 ? Metric::Dot : Metric::Cosine; }

void exercise(HnswGraph &g)
{
    const int dims = g.dimensions();
    std::vector<float> query(size_t(dims), 0.5f);
    query[0] = 1.0f;
    const std::vector<char> prepared = g.prepareQuery(query.data());
    for (const HnswGraph::Candidate &c : g.search(prepared.data(), 16))
        if (!g.isLive(c.label)) fuzzsupport::propertyFailed("a search returned a label that is not live");

    std::vector<HnswGraph::Change> changes;
    std::vector<float> v(size_t(dims), -0.25f);
    if (g.labelCount() > 0) // an update of an item the graph has
        changes.push_back({g.idOf(0).toByteArray(), v, HnswGraph::vectorHash(v.data(), dims)});
    if (g.labelCount() > 1) // a delete
        changes.push_back({g.idOf(1).toByteArray(), {}, 0});
    v[0] = 2.0f; // an insert of an item it has not
    changes.push_back({QByteArray("fuzz-new-item"), v, HnswGraph::vectorHash(v.data(), dims)});
    if (g.labelOf(QByteArray("fuzz-new-item"))) changes.pop_back(); // ids must be distinct within a call
    if (g.apply(changes, 1)) return;
    for (const HnswGraph::Candidate &c : g.search(prepared.data(), 16))
        if (!g.isLive(c.label)) fuzzsupport::propertyFailed("a search after changes returned a label that is not live");
}

void load(const QByteArray &bytes)
{
    // The opener passes the schema's shape; take the file's when it is valid.
    const uint32_t fileDims = fuzzsupport::u32At(bytes, 12);
    const int dims = fileDims >= 1 && fileDims <= uint32_t(Schema::kMaxDimensions) ? int(fileDims) : 4;
    const Metric metric = metricOf(fuzzsupport::u32At(bytes, 16));
    // Float graphs and 8-bit code graphs (the header's field at 28).
    AnnParams params;
    params.quantization = fuzzsupport::u32At(bytes, 28) == 1 ? Quantization::Sq8 : Quantization::None;
    fuzzsupport::MemFile mem(bytes);
    const Error checked = HnswGraph::check(mem.path(), dims, metric, params.quantization, bytes.size());
    Result<std::unique_ptr<HnswGraph>> g = HnswGraph::load(mem.path(), dims, metric, params, bytes.size());
    if (!g.ok()) return;
    if (checked) fuzzsupport::propertyFailed("load accepted a file that check refused");
    exercise(**g);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    load(bytes);
    const QByteArray repaired = withRepairedChecksum(bytes);
    if (repaired != bytes) load(repaired);
    return 0;
}
