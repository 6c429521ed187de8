// Converting an index's HNSW graph between float vectors and 8-bit codes
// (Index::convertGraph; docs/search.md, "Quantized graphs").
//
// The request runs on the writer thread, so no write is applied while it
// runs. It stops the old graph's maintenance thread (which could otherwise
// save a graph of the old kind after the switch), then publishes one
// manifest generation whose schema names the new quantization and that
// names no graph: that publish is the only switch, and a crash on either
// side of it leaves an index of one kind, with a graph file of that kind or
// none. Publishing retires the old graph file (the previous manifest names
// it, the current one does not). A new graph manager of the new kind then
// builds the graph from the vectors in the background, as for any missing
// graph, and saves it like any other graph.

#include "index/IndexImpl.h"
#include "index/PublishedState.h"

namespace sextant {

using namespace storage;

void Index::Impl::convertGraphOnWriter(WriteRequest &request)
{
    GraphConversion &out = *request.conversion;
    const Quantization to = request.quantization;
    out.to = to;
    if (!failure.ok()) {
        finishRequest(request, failedWrite(failure));
        return;
    }
    {
        std::shared_lock lock(stateMutex);
        out.from = schema.ann.quantization;
        out.generation = manifest.generation;
    }
    if (out.from == to) {
        finishRequest(request, succeededWrite(lastLsn, 0));
        return;
    }

    // The old graph's thread stops first: it must not save a graph of the
    // old kind after the switch. Queries leave it before: a manager stopped
    // in the middle of its work may know of fewer pending changes than its
    // graph lacks. Until the new graph is loaded they scan exactly (the new
    // manager, not yet started, has no graph to offer).
    AnnParams params = schema.ann;
    params.quantization = to;
    std::shared_ptr<GraphManager> old;
    std::shared_ptr<GraphManager> fresh;
    {
        std::unique_lock lock(stateMutex);
        if (graph) {
            fresh = std::make_shared<GraphManager>(*this, schema.dimensions, schema.metric, params, true);
            old = graph.replace(fresh);
        }
    }
    if (old) old->stop();

    Error e;
    {
        std::lock_guard publishing(publishMutex);
        auto [next, segs] = publishedState(*this);
        next.schema.ann.quantization = to;
        next.graph.reset();
        // The ef tuned for the old graph says nothing about the new one: it is measured again.
        next.tuning.reset();
        e = publishLocked(std::move(next), std::move(segs), {}, [&] {
            schema.ann.quantization = to;
            out.generation = manifest.generation;
        });
    }
    if (e) {
        // Nothing switched: the manifest still names the old kind and its
        // graph file, which a new manager of the old kind loads again.
        startGraph();
        finishRequest(request, failedWrite(e));
        return;
    }
    {
        std::lock_guard lock(tuneMutex);
        tuned.reset();
    }
    tunedEf = 0;
    graphMsPerEf = 0;
    if (fresh) fresh->start(std::nullopt);
    out.changed = true;
    finishRequest(request, succeededWrite(lastLsn, 0));
    // `old` (and its graph's memory) goes here, unless a status poll still holds it.
}

void Index::Impl::followGraphConversion()
{
    // Read-only: only refresh() (under refreshMutex) changes the schema.
    Quantization now = Quantization::None;
    std::optional<GraphEntry> saved;
    {
        std::shared_lock lock(stateMutex);
        now = manifest.schema.ann.quantization;
        saved = manifest.graph;
    }
    if (now == schema.ann.quantization) return;
    // As on the writer: queries leave the old manager before it stops.
    AnnParams params = schema.ann;
    params.quantization = now;
    std::shared_ptr<GraphManager> old;
    std::shared_ptr<GraphManager> fresh;
    {
        std::unique_lock lock(stateMutex);
        schema.ann.quantization = now;
        if (graph) {
            fresh = std::make_shared<GraphManager>(*this, schema.dimensions, schema.metric, params, false);
            old = graph.replace(fresh);
        }
    }
    if (old) old->stop();
    if (fresh) fresh->start(saved);
}

qint64 graphBytesPerItem(int dimensions, int m, Quantization quantization)
{
    // hnswlib's size_data_per_element: the level-0 links (a count and 2M ids), the data, the label.
    return qint64(2 * m * 4 + 4) + qint64(HnswGraph::elementDataSize(dimensions, quantization)) + 8;
}

Result<GraphConversion> Index::convertGraph(Quantization to)
{
    if (d->closed) return Error(ErrorCode::Closed, QStringLiteral("The index is closed."));
    if (d->options.readOnly) return Error(ErrorCode::ReadOnly, QStringLiteral("The index is open read-only."));
    if (d->queue->isWriterThread())
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("A graph conversion cannot be started from a continuation running on the "
                                    "index's own writer thread."));
    auto request = std::make_unique<WriteRequest>();
    request->kind = WriteRequest::Kind::ConvertGraph;
    request->priority = Priority::Bulk; // after the writes queued before it
    request->quantization = to;
    const auto conversion = std::make_shared<GraphConversion>();
    request->conversion = conversion;
    QFuture<WriteResult> future = d->queue->submit(std::move(request));
    future.waitForFinished();
    const WriteResult result = future.result();
    if (!result.error.ok()) return result.error;
    return *conversion;
}

} // namespace sextant
