// `sextant-bench engine`: the storage engine's figures from issue 2.
//
//   fsync_floor        one frame-sized write + fdatasync, appending and overwriting (the floor under durable inserts)
//   single_insert      one writer, durability full, each insert awaited before the next: latency percentiles
//   concurrent_writers N threads each inserting and awaiting sequentially: inserts/s (group commit)
//   inflight_futures   one thread keeping N insert futures in flight: inserts/s
//   bulk_import        Index::write batches with Priority::Bulk: items/s, MB/s, with and without the final checkpoint
//   build_large_index  the same at 1M (100k with --quick), then checkpoint and close; input for the next two
//   open               Index::open of that index in a fresh child process: ms, RSS growth, first get()
//   verify             verifyIndex quick and full, warm and cold page cache: GB/s
//
// All data is seeded (--seed): ids are hashes of the item number, vectors
// uniform in [-1, 1), metadata {"n": <number>, "src": "bench"}.

#include "BenchSupport.h"

#include "index/Index.h"
#include "integrity/Verifier.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <deque>
#include <fcntl.h>
#include <latch>
#include <thread>
#include <unistd.h>

namespace sextant::bench {

namespace {

using Clock = std::chrono::steady_clock;

struct EngineParams {
    int dims = 384;
    Durability durability = Durability::Full;
    int fsyncSamples = 1000;
    int singleWarmup = 50;
    int singleInserts = 2000;
    int writers = 64;
    int perWriter = 100;
    int inflight = 64;
    int inflightTotal = 6400;
    qint64 bulkItems = 200000;
    int batch = 1000;
    int window = 4; // bulk batches in flight
    qint64 largeItems = 1000000;
    int getSamples = 1000;
    QString existingIndex; // --index: reuse a large index built by an earlier --keep run
    QSet<QString> only;
    bool want(const char *group) const { return only.isEmpty() || only.contains(QLatin1String(group)); }
};

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

// Waits for a write without letting a cancelled or throwing future take the benchmark down.
WriteResult await(QFuture<WriteResult> future)
{
    try {
        future.waitForFinished();
        if (future.resultCount() == 0)
            return WriteResult{Error(ErrorCode::Cancelled, QStringLiteral("the write finished without a result")), 0, 0};
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

// Bytes an item carries into the engine: vector, id, compact metadata.
qint64 payloadBytes(int dims, qint64 items)
{
    const qint64 idBytes = 20, metaBytes = 24; // "doc-" + 16 hex; {"n":123456,"src":"bench"}
    return items * (qint64(dims) * 4 + idBytes + metaBytes);
}

Schema benchSchema(int dims)
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

// Closes and times it; a writer's close checkpoints whatever is left in the WAL.
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

// ---------------------------------------------------------------- fsync floor

// Two ways of making one frame durable: appending (the file grows, so
// fdatasync must also commit the size through the ext4 journal) and
// overwriting a preallocated, already-written file (data only).
void benchFsyncFloor(const QString &scratch, const EngineParams &p)
{
    const std::vector<char> frame(size_t(p.dims) * 4 + 96, 'x'); // one single-insert WAL frame, roughly
    for (const bool overwrite : {false, true}) {
        QJsonObject rec = scenarioRecord(QStringLiteral("fsync_floor"));
        rec[QStringLiteral("variant")] = overwrite ? QStringLiteral("overwrite_preallocated") : QStringLiteral("append");
        const QString path = scratch + QStringLiteral("/fsync-floor.bin");
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            rec[QStringLiteral("error")] = errorJson(Error::fromErrno(errno, QStringLiteral("open"), path));
            emitJson(rec);
            return;
        }
        if (overwrite) {
            const std::vector<char> zeros(frame.size() * size_t(p.fsyncSamples), '\0');
            if (::write(fd, zeros.data(), zeros.size()) != ssize_t(zeros.size()) || ::fsync(fd) != 0) {
                ::close(fd);
                continue;
            }
        }
        std::vector<double> lat;
        lat.reserve(size_t(p.fsyncSamples));
        Stopwatch sw;
        for (int i = 0; i < p.fsyncSamples; ++i) {
            const auto t0 = Clock::now();
            const off_t at = off_t(i) * off_t(frame.size());
            if (::pwrite(fd, frame.data(), frame.size(), at) != ssize_t(frame.size()) || ::fdatasync(fd) != 0) break;
            lat.push_back(msSince(t0));
        }
        ::close(fd);
        QFile::remove(path);
        QJsonObject params;
        params[QStringLiteral("write_bytes")] = double(frame.size());
        params[QStringLiteral("what")] = overwrite
            ? QStringLiteral("pwrite() into an already written file + fdatasync(), no engine")
            : QStringLiteral("pwrite() appending + fdatasync(), no engine: the floor under a durable insert");
        rec[QStringLiteral("params")] = params;
        rec[QStringLiteral("results")] = latencySummary(lat);
        rec[QStringLiteral("cpu")] = sw.cpuJson();
        emitJson(rec);
    }
}

// ---------------------------------------------------------------- single inserts

bool benchSingleInsert(const QString &scratch, const EngineParams &p, quint64 seed)
{
    QJsonObject rec = scenarioRecord(QStringLiteral("single_insert"));
    QJsonObject params;
    params[QStringLiteral("inserts")] = p.singleInserts;
    params[QStringLiteral("warmup")] = p.singleWarmup;
    params[QStringLiteral("priority")] = QStringLiteral("interactive");
    params[QStringLiteral("what")] = QStringLiteral("Index::insert(item).waitForFinished(), one after the other");
    rec[QStringLiteral("params")] = params;
    Result<std::shared_ptr<Index>> created = createIndex(scratch + QStringLiteral("/single"), p);
    if (!created.ok()) {
        rec[QStringLiteral("error")] = errorJson(created.error());
        emitJson(rec);
        return false;
    }
    std::shared_ptr<Index> index = created.takeValue();
    VectorSource vectors(seed);
    int failures = 0;
    Error firstError;
    for (int i = 0; i < p.singleWarmup; ++i) {
        const WriteResult r = await(index->insert(makeItem(seed, i, p.dims, vectors)));
        if (r.error && !failures++) firstError = r.error;
    }
    std::vector<double> lat;
    lat.reserve(size_t(p.singleInserts));
    Stopwatch sw;
    for (int i = 0; i < p.singleInserts; ++i) {
        Item item = makeItem(seed, p.singleWarmup + i, p.dims, vectors);
        const auto t0 = Clock::now();
        const WriteResult r = await(index->insert(std::move(item)));
        lat.push_back(msSince(t0));
        if (r.error && !failures++) firstError = r.error;
    }
    const double wallS = sw.elapsedSeconds();
    QJsonObject results = latencySummary(lat);
    results[QStringLiteral("inserts_per_s")] = double(p.singleInserts) / wallS;
    results[QStringLiteral("failures")] = failures;
    if (failures) results[QStringLiteral("first_error")] = errorJson(firstError);
    rec[QStringLiteral("cpu")] = sw.cpuJson();
    results[QStringLiteral("stats_before_close")] = statsJson(index->stats());
    closeIndex(index, results);
    rec[QStringLiteral("results")] = results;
    rec[QStringLiteral("targets")] = QJsonArray{
        target(QStringLiteral("p50_ms"), QStringLiteral("<="), 0.5, results[QStringLiteral("p50_ms")].toDouble(),
               QStringLiteral("ms"))};
    emitJson(rec);
    return failures == 0;
}

// ---------------------------------------------------------------- concurrent writers

bool benchConcurrentWriters(const QString &scratch, const EngineParams &p, quint64 seed)
{
    QJsonObject rec = scenarioRecord(QStringLiteral("concurrent_writers"));
    QJsonObject params;
    params[QStringLiteral("threads")] = p.writers;
    params[QStringLiteral("inserts_per_thread")] = p.perWriter;
    params[QStringLiteral("priority")] = QStringLiteral("interactive");
    params[QStringLiteral("what")] = QStringLiteral("each thread: insert(item).waitForFinished() in a loop; items made before the clock starts");
    rec[QStringLiteral("params")] = params;
    Result<std::shared_ptr<Index>> created = createIndex(scratch + QStringLiteral("/concurrent"), p);
    if (!created.ok()) {
        rec[QStringLiteral("error")] = errorJson(created.error());
        emitJson(rec);
        return false;
    }
    std::shared_ptr<Index> index = created.takeValue();

    std::vector<std::vector<double>> lat(size_t(p.writers));
    std::vector<int> failures(size_t(p.writers), 0);
    std::vector<QString> firstError(size_t(p.writers));
    std::latch ready(p.writers);
    std::latch go(1);
    std::vector<std::thread> threads;
    threads.reserve(size_t(p.writers));
    for (int t = 0; t < p.writers; ++t) {
        threads.emplace_back([&, t] {
            VectorSource vectors(seed + quint64(t) * 7919);
            QList<Item> items;
            items.reserve(p.perWriter);
            for (int k = 0; k < p.perWriter; ++k)
                items.append(makeItem(seed, qint64(t) * p.perWriter + k, p.dims, vectors));
            lat[size_t(t)].reserve(size_t(p.perWriter));
            ready.count_down();
            go.wait();
            for (int k = 0; k < p.perWriter; ++k) {
                const auto t0 = Clock::now();
                const WriteResult r = await(index->insert(std::move(items[k])));
                lat[size_t(t)].push_back(msSince(t0));
                if (r.error && !failures[size_t(t)]++) firstError[size_t(t)] = r.error.toString();
            }
        });
    }
    ready.wait();
    Stopwatch sw;
    go.count_down();
    for (std::thread &t : threads) t.join();
    const double wallS = sw.elapsedSeconds();
    rec[QStringLiteral("cpu")] = sw.cpuJson();

    std::vector<double> all;
    int failed = 0;
    QString error;
    for (int t = 0; t < p.writers; ++t) {
        all.insert(all.end(), lat[size_t(t)].begin(), lat[size_t(t)].end());
        failed += failures[size_t(t)];
        if (error.isEmpty()) error = firstError[size_t(t)];
    }
    const double total = double(p.writers) * p.perWriter;
    QJsonObject results;
    results[QStringLiteral("inserts")] = total;
    results[QStringLiteral("wall_s")] = wallS;
    results[QStringLiteral("inserts_per_s")] = total / wallS;
    results[QStringLiteral("latency")] = latencySummary(all);
    results[QStringLiteral("failures")] = failed;
    if (!error.isEmpty()) results[QStringLiteral("first_error")] = error;
    results[QStringLiteral("stats_before_close")] = statsJson(index->stats());
    closeIndex(index, results);
    rec[QStringLiteral("results")] = results;
    rec[QStringLiteral("targets")] = QJsonArray{target(QStringLiteral("inserts_per_s"), QStringLiteral(">="), 5000,
                                                       total / wallS, QStringLiteral("inserts/s"))};
    emitJson(rec);
    return failed == 0;
}

// ---------------------------------------------------------------- in-flight futures

bool benchInflightFutures(const QString &scratch, const EngineParams &p, quint64 seed)
{
    QJsonObject rec = scenarioRecord(QStringLiteral("inflight_futures"));
    QJsonObject params;
    params[QStringLiteral("in_flight")] = p.inflight;
    params[QStringLiteral("inserts")] = p.inflightTotal;
    params[QStringLiteral("priority")] = QStringLiteral("interactive");
    params[QStringLiteral("what")] = QStringLiteral("one thread keeps N insert futures outstanding, waiting for the oldest");
    rec[QStringLiteral("params")] = params;
    Result<std::shared_ptr<Index>> created = createIndex(scratch + QStringLiteral("/inflight"), p);
    if (!created.ok()) {
        rec[QStringLiteral("error")] = errorJson(created.error());
        emitJson(rec);
        return false;
    }
    std::shared_ptr<Index> index = created.takeValue();
    VectorSource vectors(seed);
    QList<Item> items;
    items.reserve(p.inflightTotal);
    for (int i = 0; i < p.inflightTotal; ++i) items.append(makeItem(seed, i, p.dims, vectors));

    int failures = 0;
    QString error;
    auto settle = [&](QFuture<WriteResult> f) {
        const WriteResult r = await(std::move(f));
        if (r.error && !failures++) error = r.error.toString();
    };
    Stopwatch sw;
    std::deque<QFuture<WriteResult>> pending;
    for (int i = 0; i < p.inflightTotal; ++i) {
        if (int(pending.size()) >= p.inflight) {
            settle(pending.front());
            pending.pop_front();
        }
        pending.push_back(index->insert(std::move(items[i])));
    }
    while (!pending.empty()) {
        settle(pending.front());
        pending.pop_front();
    }
    const double wallS = sw.elapsedSeconds();
    rec[QStringLiteral("cpu")] = sw.cpuJson();
    QJsonObject results;
    results[QStringLiteral("wall_s")] = wallS;
    results[QStringLiteral("inserts_per_s")] = double(p.inflightTotal) / wallS;
    results[QStringLiteral("failures")] = failures;
    if (!error.isEmpty()) results[QStringLiteral("first_error")] = error;
    closeIndex(index, results);
    rec[QStringLiteral("results")] = results;
    rec[QStringLiteral("targets")] = QJsonArray{target(QStringLiteral("inserts_per_s"), QStringLiteral(">="), 5000,
                                                       double(p.inflightTotal) / wallS, QStringLiteral("inserts/s"))};
    emitJson(rec);
    return failures == 0;
}

// ---------------------------------------------------------------- bulk import

struct BulkRun {
    bool ok = true;
    double ackMs = 0;        // first submit .. last batch acknowledged
    double checkpointMs = 0; // the explicit checkpoint after that
    double closeMs = 0;
    QJsonObject results;
};

// Imports `items` items through write() batches with Priority::Bulk, keeping
// `window` batches in flight. With `pregenerate`, every batch is built before
// the clock starts; otherwise they are built on the fly (and the figure
// includes making the data, as a real importer's would include parsing).
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
        for (qint64 i = first; i < last; ++i) ops.append(WriteOp::insert(makeItem(seed, i, p.dims, vectors)));
        return ops;
    };
    std::vector<QList<WriteOp>> prepared;
    if (pregenerate) {
        prepared.reserve(size_t(batches));
        for (qint64 b = 0; b < batches; ++b) prepared.push_back(makeBatch(b));
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
    for (qint64 b = 0; b < batches; ++b) {
        QList<WriteOp> ops = pregenerate ? std::move(prepared[size_t(b)]) : makeBatch(b);
        if (int(pending.size()) >= p.window) {
            settle(pending.front());
            pending.pop_front();
        }
        pending.push_back(index->write(std::move(ops), Priority::Bulk));
        if (!pregenerate && (b + 1) % 100 == 0)
            progress(QStringLiteral("  %1 / %2 items").arg((b + 1) * p.batch).arg(items));
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

bool benchBulkImport(const QString &scratch, const EngineParams &p, quint64 seed)
{
    QJsonObject rec = scenarioRecord(QStringLiteral("bulk_import"));
    QJsonObject params;
    params[QStringLiteral("items")] = double(p.bulkItems);
    params[QStringLiteral("batch")] = p.batch;
    params[QStringLiteral("batches_in_flight")] = p.window;
    params[QStringLiteral("priority")] = QStringLiteral("bulk");
    params[QStringLiteral("what")] = QStringLiteral(
        "Index::write(batch, Priority::Bulk), batches made before the clock starts; then Index::checkpoint()");
    rec[QStringLiteral("params")] = params;
    const BulkRun run = bulkImport(scratch + QStringLiteral("/bulk"), p, seed, p.bulkItems, true);
    rec[QStringLiteral("results")] = run.results;
    const auto with = run.results[QStringLiteral("with_final_checkpoint")].toObject();
    const auto without = run.results[QStringLiteral("without_final_checkpoint")].toObject();
    rec[QStringLiteral("targets")] = QJsonArray{
        target(QStringLiteral("with_final_checkpoint.items_per_s"), QStringLiteral(">="), 200000,
               with[QStringLiteral("items_per_s")].toDouble(), QStringLiteral("vectors/s")),
        target(QStringLiteral("without_final_checkpoint.items_per_s"), QStringLiteral(">="), 200000,
               without[QStringLiteral("items_per_s")].toDouble(), QStringLiteral("vectors/s"))};
    emitJson(rec);
    QDir(scratch + QStringLiteral("/bulk")).removeRecursively();
    return run.ok;
}

// ---------------------------------------------------------------- the large index

bool buildLargeIndex(const QString &path, const EngineParams &p, quint64 seed)
{
    QJsonObject rec = scenarioRecord(QStringLiteral("build_large_index"));
    QJsonObject params;
    params[QStringLiteral("items")] = double(p.largeItems);
    params[QStringLiteral("batch")] = p.batch;
    params[QStringLiteral("batches_in_flight")] = p.window;
    params[QStringLiteral("priority")] = QStringLiteral("bulk");
    params[QStringLiteral("what")] = QStringLiteral(
        "bulk import with batches made on the fly (data generation included), checkpoint, close");
    params[QStringLiteral("path")] = path;
    rec[QStringLiteral("params")] = params;
    progress(QStringLiteral("building a %1-item index in %2").arg(p.largeItems).arg(path));
    const BulkRun run = bulkImport(path, p, seed, p.largeItems, false);
    rec[QStringLiteral("results")] = run.results;
    emitJson(rec);
    return run.ok;
}

// Runs `_open-probe` in a fresh process so that the RSS baseline holds no
// leftovers of building the index, and returns what it printed.
QJsonObject runProbe(const QString &path, const EngineParams &p, quint64 seed, bool cold, bool readOnly)
{
    QStringList args{QStringLiteral("_open-probe"), QStringLiteral("--path"), path, QStringLiteral("--seed"),
                     QString::number(seed), QStringLiteral("--count"), QString::number(p.largeItems),
                     QStringLiteral("--gets"), QString::number(p.getSamples)};
    if (cold) args << QStringLiteral("--cold");
    if (readOnly) args << QStringLiteral("--read-only");
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), args);
    QJsonObject out;
    if (!child.waitForFinished(15 * 60 * 1000) || child.exitStatus() != QProcess::NormalExit) {
        child.kill();
        child.waitForFinished();
        out[QStringLiteral("error")] = QStringLiteral("the probe process failed: %1; stderr: %2")
                                           .arg(child.errorString(), QString::fromLocal8Bit(child.readAllStandardError()));
        return out;
    }
    const QList<QByteArray> lines = child.readAllStandardOutput().trimmed().split('\n');
    const QJsonDocument doc = QJsonDocument::fromJson(lines.value(lines.size() - 1));
    if (!doc.isObject()) {
        out[QStringLiteral("error")] = QStringLiteral("the probe printed no JSON (exit %1); stderr: %2")
                                           .arg(child.exitCode())
                                           .arg(QString::fromLocal8Bit(child.readAllStandardError()));
        return out;
    }
    return doc.object();
}

void benchOpen(const QString &path, const EngineParams &p, quint64 seed)
{
    struct Variant {
        const char *name;
        bool cold, readOnly;
    };
    for (const Variant v : {Variant{"warm_writer", false, false}, Variant{"warm_read_only", false, true},
                            Variant{"cold_writer", true, false}, Variant{"cold_read_only", true, true}}) {
        progress(QStringLiteral("open: %1").arg(QLatin1String(v.name)));
        if (!v.cold) warmPageCache(path);
        QJsonObject rec = scenarioRecord(QStringLiteral("open"));
        rec[QStringLiteral("variant")] = QLatin1String(v.name);
        QJsonObject params;
        params[QStringLiteral("items")] = double(p.largeItems);
        params[QStringLiteral("page_cache")] =
            v.cold ? QStringLiteral("cold: fdatasync + posix_fadvise(DONTNEED) on every file of the index just before open")
                   : QStringLiteral("warm: every file of the index read once just before open");
        params[QStringLiteral("mode")] = v.readOnly ? QStringLiteral("read-only") : QStringLiteral("writer");
        params[QStringLiteral("process")] = QStringLiteral("fresh child process; the index was closed by the parent");
        rec[QStringLiteral("params")] = params;
        const QJsonObject r = runProbe(path, p, seed, v.cold, v.readOnly);
        rec[QStringLiteral("results")] = r;
        if (!r.contains(QStringLiteral("error"))) {
            rec[QStringLiteral("targets")] = QJsonArray{
                target(QStringLiteral("open_ms"), QStringLiteral("<="), 100, r[QStringLiteral("open_ms")].toDouble(),
                       QStringLiteral("ms")),
                target(QStringLiteral("rss_growth_mib"), QStringLiteral("<="), 50,
                       r[QStringLiteral("rss_growth_mib")].toDouble(), QStringLiteral("MiB"))};
        }
        emitJson(rec);
    }
}

void benchVerify(const QString &path)
{
    const qint64 bytes = folderBytes(path);
    struct Variant {
        const char *name;
        bool full, cold;
    };
    for (const Variant v : {Variant{"quick_warm", false, false}, Variant{"full_warm", true, false},
                            Variant{"quick_cold", false, true}, Variant{"full_cold", true, true}}) {
        progress(QStringLiteral("verify: %1").arg(QLatin1String(v.name)));
        if (v.cold) dropPageCache(path);
        else warmPageCache(path);
        QJsonObject rec = scenarioRecord(QStringLiteral("verify"));
        rec[QStringLiteral("variant")] = QLatin1String(v.name);
        QJsonObject params;
        params[QStringLiteral("full")] = v.full;
        params[QStringLiteral("page_cache")] = v.cold ? QStringLiteral("cold (posix_fadvise DONTNEED before)")
                                                      : QStringLiteral("warm (every file read once before)");
        params[QStringLiteral("index_bytes")] = double(bytes);
        params[QStringLiteral("resident_fraction_before")] = residentFraction(path);
        rec[QStringLiteral("params")] = params;
        VerifyOptions options;
        options.full = v.full;
        Stopwatch sw;
        const Result<VerifyReport> report = verifyIndex(path, options);
        const double s = sw.elapsedSeconds();
        rec[QStringLiteral("cpu")] = sw.cpuJson();
        QJsonObject results;
        results[QStringLiteral("wall_ms")] = s * 1000;
        if (!report.ok()) {
            results[QStringLiteral("error")] = errorJson(report.error());
        } else {
            const VerifyReport &vr = *report;
            results[QStringLiteral("bytes_checked")] = double(vr.bytesChecked);
            results[QStringLiteral("files_checked")] = vr.filesChecked;
            results[QStringLiteral("report_elapsed_ms")] = double(vr.elapsedMs);
            results[QStringLiteral("clean")] = vr.clean();
            results[QStringLiteral("problems")] = vr.problemCount();
            results[QStringLiteral("findings")] = double(vr.findings.size());
            if (!vr.findings.isEmpty())
                results[QStringLiteral("first_finding")] =
                    QStringLiteral("%1 @%2: %3").arg(vr.findings.first().file).arg(vr.findings.first().offset)
                        .arg(vr.findings.first().message);
            const double gbps = double(vr.bytesChecked) / s / 1e9;
            results[QStringLiteral("checked_gb_per_s")] = gbps;
            results[QStringLiteral("index_gb_per_s")] = double(bytes) / s / 1e9;
            if (v.full)
                rec[QStringLiteral("targets")] = QJsonArray{
                    target(QStringLiteral("checked_gb_per_s"), QStringLiteral(">="), 1.0, gbps, QStringLiteral("GB/s"))};
        }
        rec[QStringLiteral("results")] = results;
        emitJson(rec);
    }
}

} // namespace

// ---------------------------------------------------------------- the probe (child process)

int runOpenProbe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("path"), QStringLiteral("Index folder."), QStringLiteral("path")},
                       {QStringLiteral("seed"), QStringLiteral("Seed the index was built with."), QStringLiteral("n")},
                       {QStringLiteral("count"), QStringLiteral("Items it was built with."), QStringLiteral("n")},
                       {QStringLiteral("gets"), QStringLiteral("Random get() calls after the first."), QStringLiteral("n")},
                       {QStringLiteral("cold"), QStringLiteral("Drop the index from the page cache first.")},
                       {QStringLiteral("read-only"), QStringLiteral("Open read-only.")}});
    parser.process(args);
    const QString path = parser.value(QStringLiteral("path"));
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong();
    const qint64 count = parser.value(QStringLiteral("count")).toLongLong();
    const int gets = parser.value(QStringLiteral("gets")).toInt();
    const bool cold = parser.isSet(QStringLiteral("cold"));

    QJsonObject out;
    // Everything that is not the engine's is prepared before the baseline.
    std::vector<QString> ids;
    quint64 pick = seed ^ 0xABCDEFull;
    for (int i = 0; i < gets; ++i) ids.push_back(itemId(seed, qint64(splitmix64(pick) % quint64(std::max<qint64>(count, 1)))));
    const QString firstId = itemId(seed, count / 2);
    std::vector<double> lat;
    lat.reserve(ids.size());
    OpenOptions options = benchOpenOptions();
    options.readOnly = parser.isSet(QStringLiteral("read-only"));
    (void)Index::exists(path); // loads the engine's code pages before the baseline

    out[QStringLiteral("resident_fraction_before_drop")] = residentFraction(path);
    if (cold) {
        out[QStringLiteral("files_dropped")] = dropPageCache(path);
        out[QStringLiteral("resident_fraction_at_open")] = residentFraction(path);
    }

    const MemStatus m0 = readMemStatus();
    const qint64 io0 = storageReadBytes();
    const CpuTimes c0 = cpuTimes();
    auto t0 = Clock::now();
    Result<std::shared_ptr<Index>> opened = Index::open(path, options);
    const double openMs = msSince(t0);
    const CpuTimes c1 = cpuTimes();
    const qint64 io1 = storageReadBytes();
    const MemStatus m1 = readMemStatus();
    out[QStringLiteral("open_ms")] = openMs;
    out[QStringLiteral("open_cpu_user_s")] = c1.user - c0.user;
    out[QStringLiteral("open_cpu_sys_s")] = c1.sys - c0.sys;
    out[QStringLiteral("open_major_faults")] = double(c1.majorFaults - c0.majorFaults);
    out[QStringLiteral("open_storage_read_kib")] = double(io1 - io0) / 1024.0;
    out[QStringLiteral("rss_growth_mib")] = double(m1.vmRssKiB - m0.vmRssKiB) / 1024.0;
    out[QStringLiteral("rss_anon_growth_mib")] = double(m1.rssAnonKiB - m0.rssAnonKiB) / 1024.0;
    out[QStringLiteral("rss_file_growth_mib")] = double(m1.rssFileKiB - m0.rssFileKiB) / 1024.0;
    out[QStringLiteral("vm_size_growth_mib")] = double(m1.vmSizeKiB - m0.vmSizeKiB) / 1024.0;
    out[QStringLiteral("mem_before_open")] = memStatusJson(m0);
    out[QStringLiteral("mem_after_open")] = memStatusJson(m1);
    if (!opened.ok()) {
        out[QStringLiteral("error")] = errorJson(opened.error());
        emitJson(out);
        return 1;
    }
    std::shared_ptr<Index> index = opened.takeValue();
    const OpenReport &report = index->openReport();
    out[QStringLiteral("replayed_frames")] = double(report.replayedFrames);
    out[QStringLiteral("tail_cut")] = report.tailCut;

    const CpuTimes c2 = cpuTimes();
    t0 = Clock::now();
    const Result<Item> first = index->get(firstId, true);
    out[QStringLiteral("first_get_ms")] = msSince(t0);
    const CpuTimes c3 = cpuTimes();
    out[QStringLiteral("first_get_major_faults")] = double(c3.majorFaults - c2.majorFaults);
    out[QStringLiteral("first_get_minor_faults")] = double(c3.minorFaults - c2.minorFaults);
    out[QStringLiteral("first_get_storage_read_kib")] = double(storageReadBytes() - io1) / 1024.0;
    out[QStringLiteral("first_get_ok")] = first.ok() && first->vector.size() > 0;
    if (!first.ok()) out[QStringLiteral("first_get_error")] = errorJson(first.error());
    const MemStatus m2 = readMemStatus();
    out[QStringLiteral("rss_growth_after_first_get_mib")] = double(m2.vmRssKiB - m0.vmRssKiB) / 1024.0;

    int missing = 0;
    for (const QString &id : ids) {
        const auto t = Clock::now();
        const Result<Item> item = index->get(id, true);
        lat.push_back(msSince(t));
        if (!item.ok()) ++missing;
    }
    out[QStringLiteral("random_gets")] = latencySummary(lat);
    out[QStringLiteral("random_get_failures")] = missing;
    const MemStatus m3 = readMemStatus();
    out[QStringLiteral("random_gets_storage_read_kib")] = double(storageReadBytes() - io1) / 1024.0;
    out[QStringLiteral("rss_growth_after_gets_mib")] = double(m3.vmRssKiB - m0.vmRssKiB) / 1024.0;

    t0 = Clock::now();
    out[QStringLiteral("count")] = double(index->count());
    out[QStringLiteral("count_ms")] = msSince(t0);
    const IndexStats stats = index->stats();
    out[QStringLiteral("segments")] = double(stats.segments);
    out[QStringLiteral("disk_bytes")] = double(stats.diskBytes);
    t0 = Clock::now();
    const Error closed = index->close();
    out[QStringLiteral("close_ms")] = msSince(t0);
    if (closed) out[QStringLiteral("close_error")] = errorJson(closed);
    emitJson(out);
    return 0;
}

// ---------------------------------------------------------------- the command

int runEngine(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "sextant-bench engine: storage engine figures as JSON lines (machine, parameters, one object per scenario)."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("only"),
         QStringLiteral("Comma-separated groups: fsync,single,concurrent,inflight,bulk,open,verify (default all)."),
         QStringLiteral("list")},
        {QStringLiteral("dims"), QStringLiteral("Vector dimensions (default 384)."), QStringLiteral("n")},
        {QStringLiteral("durability"), QStringLiteral("full (default), normal or off."), QStringLiteral("mode")},
        {QStringLiteral("inserts"), QStringLiteral("Single durable inserts (default 2000)."), QStringLiteral("n")},
        {QStringLiteral("writers"), QStringLiteral("Concurrent writer threads (default 64)."), QStringLiteral("n")},
        {QStringLiteral("per-writer"), QStringLiteral("Inserts per writer thread (default 100)."), QStringLiteral("n")},
        {QStringLiteral("bulk"), QStringLiteral("Items of the bulk import (default 200000)."), QStringLiteral("n")},
        {QStringLiteral("batch"), QStringLiteral("Items per bulk batch (default 1000)."), QStringLiteral("n")},
        {QStringLiteral("window"), QStringLiteral("Bulk batches in flight (default 4)."), QStringLiteral("n")},
        {QStringLiteral("large"), QStringLiteral("Items of the index that open and verify use (default 1000000)."),
         QStringLiteral("n")},
        {QStringLiteral("index"),
         QStringLiteral("Use this large index (kept by an earlier --keep run with the same --seed and --large) instead of building one."),
         QStringLiteral("path")},
    });
    parser.process(args);
    const CommonOptions common = commonOptions(parser);
    setPrettyOutput(common.pretty);

    EngineParams p;
    if (common.quick) {
        p.fsyncSamples = 200;
        p.singleWarmup = 20;
        p.singleInserts = 300;
        p.perWriter = 20;
        p.bulkItems = 50000;
        p.largeItems = 100000;
        p.getSamples = 200;
    }
    auto intOption = [&](const char *name, auto &field) {
        if (parser.isSet(QLatin1String(name)))
            field = std::remove_reference_t<decltype(field)>(parser.value(QLatin1String(name)).toLongLong());
    };
    intOption("dims", p.dims);
    intOption("inserts", p.singleInserts);
    intOption("writers", p.writers);
    intOption("per-writer", p.perWriter);
    intOption("bulk", p.bulkItems);
    intOption("batch", p.batch);
    intOption("window", p.window);
    intOption("large", p.largeItems);
    p.inflight = p.writers;
    p.inflightTotal = p.writers * p.perWriter;
    if (parser.isSet(QStringLiteral("durability"))) {
        const auto d = durabilityFromName(parser.value(QStringLiteral("durability")));
        if (!d) {
            std::fprintf(stderr, "sextant-bench: unknown durability '%s'\n", qPrintable(parser.value(QStringLiteral("durability"))));
            return 2;
        }
        p.durability = *d;
    }
    p.existingIndex = parser.value(QStringLiteral("index"));
    for (const QString &g : parser.value(QStringLiteral("only")).split(u',', Qt::SkipEmptyParts)) p.only.insert(g.trimmed());
    if (p.dims < 1 || p.batch < 1 || p.window < 1 || p.writers < 1 || p.perWriter < 1 || p.largeItems < 1) {
        std::fprintf(stderr, "sextant-bench: sizes must be positive\n");
        return 2;
    }

    const QString parent = common.dir.isEmpty() ? QDir::tempPath() : common.dir;
    if (!QDir().mkpath(parent)) {
        std::fprintf(stderr, "sextant-bench: cannot create %s\n", qPrintable(parent));
        return 2;
    }
    QTemporaryDir scratchDir(parent + QStringLiteral("/sextant-bench-XXXXXX"));
    if (!scratchDir.isValid()) {
        std::fprintf(stderr, "sextant-bench: cannot create a scratch folder in %s: %s\n", qPrintable(parent),
                     qPrintable(scratchDir.errorString()));
        return 2;
    }
    scratchDir.setAutoRemove(!common.keep);
    const QString scratch = scratchDir.path();

    QJsonObject machine;
    machine[QStringLiteral("type")] = QStringLiteral("machine");
    machine[QStringLiteral("machine")] = machineInfo(scratch);
    emitJson(machine);
    QJsonObject params;
    params[QStringLiteral("type")] = QStringLiteral("parameters");
    params[QStringLiteral("command")] = QStringLiteral("engine");
    params[QStringLiteral("scratch")] = scratch;
    params[QStringLiteral("parameters")] = paramsJson(p, common);
    emitJson(params);

    Stopwatch total;
    bool ok = true;
    if (p.want("fsync")) {
        progress(QStringLiteral("fsync floor"));
        benchFsyncFloor(scratch, p);
    }
    if (p.want("single")) {
        progress(QStringLiteral("single durable inserts: %1").arg(p.singleInserts));
        ok &= benchSingleInsert(scratch, p, common.seed + 1);
    }
    if (p.want("concurrent")) {
        progress(QStringLiteral("concurrent writers: %1 x %2").arg(p.writers).arg(p.perWriter));
        ok &= benchConcurrentWriters(scratch, p, common.seed + 2);
    }
    if (p.want("inflight")) {
        progress(QStringLiteral("in-flight futures: %1 of %2").arg(p.inflight).arg(p.inflightTotal));
        ok &= benchInflightFutures(scratch, p, common.seed + 3);
    }
    if (p.want("bulk")) {
        progress(QStringLiteral("bulk import: %1 items").arg(p.bulkItems));
        ok &= benchBulkImport(scratch, p, common.seed + 4);
    }
    if (p.want("open") || p.want("verify")) {
        const quint64 largeSeed = common.seed + 5;
        QString large = p.existingIndex;
        bool built = true;
        if (large.isEmpty()) {
            large = scratch + QStringLiteral("/large");
            built = buildLargeIndex(large, p, largeSeed);
            ok &= built;
        }
        if (built) {
            if (p.want("open")) benchOpen(large, p, largeSeed);
            if (p.want("verify")) benchVerify(large);
        }
    }

    QJsonObject done;
    done[QStringLiteral("type")] = QStringLiteral("summary");
    done[QStringLiteral("command")] = QStringLiteral("engine");
    done[QStringLiteral("all_scenarios_ran_cleanly")] = ok;
    done[QStringLiteral("cpu")] = total.cpuJson();
    done[QStringLiteral("note")] = QStringLiteral(
        "Targets are printed next to the figures and never change the exit code; 'met' compares the measured figure.");
    if (common.keep) done[QStringLiteral("kept_scratch")] = scratch;
    emitJson(done);
    return ok ? 0 : 1;
}

} // namespace sextant::bench
