// Helpers of `sextant-bench engine` and the bulk import that two scenarios share.

#include "EngineBench.h"

#include <QJsonArray>

#include <deque>

namespace sextant::bench {

QJsonObject paramsJson(const EngineParams &p, const CommonOptions &c)
{
    QJsonObject o;
    o[QStringLiteral("quick")] = c.quick;
    o[QStringLiteral("seed")] = QString::number(c.seed);
    o[QStringLiteral("dims")] = p.dims;
    o[QStringLiteral("metric")] = QStringLiteral("cosine");
    o[QStringLiteral("durability")] = durabilityName(p.durability);
    o[QStringLiteral("metadata")] = QStringLiteral("{\"n\":<item number>,\"src\":\"bench\"}");
    o[QStringLiteral("id_form")] = QStringLiteral("doc-<16 hex digits>, unordered");
    o[QStringLiteral("fsync_samples")] = p.fsyncSamples;
    o[QStringLiteral("single_warmup")] = p.singleWarmup;
    o[QStringLiteral("single_inserts")] = p.singleInserts;
    o[QStringLiteral("writers")] = p.writers;
    o[QStringLiteral("inserts_per_writer")] = p.perWriter;
    o[QStringLiteral("inflight")] = p.inflight;
    o[QStringLiteral("inflight_total")] = p.inflightTotal;
    o[QStringLiteral("bulk_items")] = double(p.bulkItems);
    o[QStringLiteral("bulk_batch")] = p.batch;
    o[QStringLiteral("bulk_batches_in_flight")] = p.window;
    o[QStringLiteral("large_index_items")] = double(p.largeItems);
    o[QStringLiteral("get_samples")] = p.getSamples;
    o[QStringLiteral("units")] = QStringLiteral("MB = 10^6 bytes, GB = 10^9 bytes, MiB = 2^20 bytes");
    if (!p.existingIndex.isEmpty()) o[QStringLiteral("existing_index")] = p.existingIndex;
    return o;
}

QJsonObject errorJson(const Error &e)
{
    QJsonObject o;
    o[QStringLiteral("code")] = e.codeName();
    o[QStringLiteral("message")] = e.toString();
    return o;
}

QJsonObject scenarioRecord(const QString &name)
{
    QJsonObject o;
    o[QStringLiteral("type")] = QStringLiteral("scenario");
    o[QStringLiteral("command")] = QStringLiteral("engine");
    o[QStringLiteral("scenario")] = name;
    return o;
}

WriteResult await(QFuture<WriteResult> future)
{
    try {
        future.waitForFinished();
        if (future.resultCount() == 0)
            return WriteResult{Error(ErrorCode::Cancelled, QStringLiteral("the write finished without a result")), 0,
                               0};
        return future.result();
    } catch (const std::exception &e) {
        return WriteResult{Error(ErrorCode::Cancelled, QString::fromLocal8Bit(e.what())), 0, 0};
    } catch (...) {
        return WriteResult{Error(ErrorCode::Cancelled, QStringLiteral("the write threw an exception")), 0, 0};
    }
}

Item makeItem(quint64 seed, qint64 i, int dims, VectorSource &vectors)
{
    QJsonObject meta;
    meta[QStringLiteral("n")] = double(i);
    meta[QStringLiteral("src")] = QStringLiteral("bench");
    return Item{itemId(seed, i), vectors.next(dims), meta};
}

qint64 payloadBytes(int dims, qint64 items)
{
    const qint64 idBytes = 20, metaBytes = 24; // "doc-" + 16 hex; {"n":123456,"src":"bench"}
    return items * (qint64(dims) * 4 + idBytes + metaBytes);
}

static Schema benchSchema(int dims)
{
    Schema s;
    s.dimensions = dims;
    s.metric = Metric::Cosine;
    return s;
}

OpenOptions benchOpenOptions()
{
    OpenOptions o;
    o.applicationName = QStringLiteral("sextant-bench");
    o.graph = false; // storage figures: the graph's build has its own benchmark (search)
    return o;
}

Result<std::shared_ptr<Index>> createIndex(const QString &path, const EngineParams &p)
{
    return Index::create(path, benchSchema(p.dims), p.durability, benchOpenOptions());
}

QJsonObject statsJson(const IndexStats &s)
{
    QJsonObject o;
    o[QStringLiteral("items")] = double(s.items);
    o[QStringLiteral("segments")] = double(s.segments);
    o[QStringLiteral("segment_rows")] = double(s.segmentRows);
    o[QStringLiteral("unflushed_items")] = double(s.unflushedItems);
    o[QStringLiteral("wal_bytes")] = double(s.walBytes);
    o[QStringLiteral("disk_bytes")] = double(s.diskBytes);
    o[QStringLiteral("generation")] = double(s.generation);
    o[QStringLiteral("pending_writes")] = double(s.pendingWrites);
    return o;
}

double closeIndex(std::shared_ptr<Index> &index, QJsonObject &results)
{
    const auto t0 = Clock::now();
    const Error e = index->close();
    const double ms = msSince(t0);
    results[QStringLiteral("close_ms")] = ms;
    if (e) results[QStringLiteral("close_error")] = errorJson(e);
    index.reset();
    return ms;
}

std::shared_ptr<Index> createIndexOrReport(const QString &path, const EngineParams &p, QJsonObject &rec)
{
    Result<std::shared_ptr<Index>> created = createIndex(path, p);
    if (created.ok()) return created.takeValue();
    rec[QStringLiteral("error")] = errorJson(created.error());
    emitJson(rec);
    return nullptr;
}

// ---------------------------------------------------------------- bulk import

BulkRun bulkImport(const QString &path, const EngineParams &p, quint64 seed, qint64 items, bool pregenerate)
{
    BulkRun run;
    Result<std::shared_ptr<Index>> created = createIndex(path, p);
    if (!created.ok()) {
        run.ok = false;
        run.results[QStringLiteral("error")] = errorJson(created.error());
        return run;
    }
    std::shared_ptr<Index> index = created.takeValue();
    VectorSource vectors(seed);
    const qint64 batches = (items + p.batch - 1) / p.batch;
    auto makeBatch = [&](qint64 b) {
        QList<WriteOp> ops;
        const qint64 first = b * p.batch, last = std::min(items, first + p.batch);
        ops.reserve(last - first);
        for (qint64 i = first; i < last; ++i)
            ops.append(WriteOp::insert(makeItem(seed, i, p.dims, vectors)));
        return ops;
    };
    std::vector<QList<WriteOp>> prepared;
    if (pregenerate) {
        prepared.reserve(size_t(batches));
        for (qint64 b = 0; b < batches; ++b)
            prepared.push_back(makeBatch(b));
    }

    int failures = 0;
    QString error;
    auto settle = [&](QFuture<WriteResult> f) {
        const WriteResult r = await(std::move(f));
        if (r.error && !failures++) error = r.error.toString();
    };
    const MemStatus memBefore = readMemStatus();
    Stopwatch sw;
    std::deque<QFuture<WriteResult>> pending;
    QJsonArray slices; // rate of submission per tenth (submission runs at most `window` batches ahead)
    double sliceMs = 0;
    qint64 sliceItems = 0;
    for (qint64 b = 0; b < batches; ++b) {
        QList<WriteOp> ops = pregenerate ? std::move(prepared[size_t(b)]) : makeBatch(b);
        if (int(pending.size()) >= p.window) {
            settle(pending.front());
            pending.pop_front();
        }
        pending.push_back(index->write(std::move(ops), Priority::Bulk));
        // Ten slices of the import: how the rate changes as segments accumulate.
        if ((b + 1) % std::max<qint64>(1, batches / 10) == 0 || b + 1 == batches) {
            const double now = sw.elapsedMs();
            const qint64 submitted = std::min(items, (b + 1) * p.batch);
            const IndexStats st = index->stats();
            QJsonObject slice;
            slice[QStringLiteral("submitted")] = double(submitted);
            slice[QStringLiteral("items_per_s")] = double(submitted - sliceItems) / ((now - sliceMs) / 1000.0);
            slice[QStringLiteral("segments")] = double(st.segments);
            slice[QStringLiteral("unflushed_items")] = double(st.unflushedItems);
            slices.append(slice);
            sliceMs = now;
            sliceItems = submitted;
            if (!pregenerate)
                progress(QStringLiteral("  %1 / %2 items, %3 segments").arg(submitted).arg(items).arg(st.segments));
        }
    }
    while (!pending.empty()) {
        settle(pending.front());
        pending.pop_front();
    }
    run.ackMs = sw.elapsedMs();
    QJsonObject cpuAck = sw.cpuJson();
    const IndexStats before = index->stats();
    const auto t0 = Clock::now();
    const WriteResult cp = await(index->checkpoint());
    run.checkpointMs = msSince(t0);
    QJsonObject cpuAll = sw.cpuJson();
    const IndexStats after = index->stats();
    const MemStatus memAfter = readMemStatus();
    run.closeMs = closeIndex(index, run.results);

    const double ackS = run.ackMs / 1000.0, allS = (run.ackMs + run.checkpointMs) / 1000.0;
    const double vectorMB = double(items) * p.dims * 4 / 1e6, payloadMB = double(payloadBytes(p.dims, items)) / 1e6;
    QJsonObject r = run.results;
    r[QStringLiteral("items")] = double(items);
    r[QStringLiteral("batches")] = double(batches);
    r[QStringLiteral("vector_mb")] = vectorMB;
    r[QStringLiteral("payload_mb")] = payloadMB;
    r[QStringLiteral("acked_ms")] = run.ackMs;
    r[QStringLiteral("checkpoint_ms")] = run.checkpointMs;
    r[QStringLiteral("total_ms")] = run.ackMs + run.checkpointMs;
    QJsonObject without, with;
    without[QStringLiteral("items_per_s")] = double(items) / ackS;
    without[QStringLiteral("vector_mb_per_s")] = vectorMB / ackS;
    without[QStringLiteral("payload_mb_per_s")] = payloadMB / ackS;
    with[QStringLiteral("items_per_s")] = double(items) / allS;
    with[QStringLiteral("vector_mb_per_s")] = vectorMB / allS;
    with[QStringLiteral("payload_mb_per_s")] = payloadMB / allS;
    r[QStringLiteral("without_final_checkpoint")] = without;
    r[QStringLiteral("with_final_checkpoint")] = with;
    r[QStringLiteral("stats_before_checkpoint")] = statsJson(before);
    r[QStringLiteral("stats_after_checkpoint")] = statsJson(after);
    r[QStringLiteral("rss_growth_mib")] = double(memAfter.vmRssKiB - memBefore.vmRssKiB) / 1024.0;
    r[QStringLiteral("rss_peak_mib")] = double(memAfter.vmHwmKiB) / 1024.0;
    r[QStringLiteral("cpu_until_acked")] = cpuAck;
    r[QStringLiteral("cpu_with_checkpoint")] = cpuAll;
    r[QStringLiteral("slices")] = slices;
    r[QStringLiteral("failures")] = failures;
    if (!error.isEmpty()) r[QStringLiteral("first_error")] = error;
    if (cp.error) r[QStringLiteral("checkpoint_error")] = errorJson(cp.error);
    int files = 0;
    r[QStringLiteral("folder_bytes")] = double(folderBytes(path, &files));
    r[QStringLiteral("folder_files")] = files;
    run.ok = failures == 0 && cp.error.ok();
    run.results = r;
    return run;
}

} // namespace sextant::bench
