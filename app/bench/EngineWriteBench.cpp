// The write scenarios of `sextant-bench engine`: the fdatasync floor, single
// durable inserts, concurrent writers, in-flight futures, bulk import.

#include "EngineBench.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

#include <algorithm>
#include <atomic>
#include <deque>
#include <fcntl.h>
#include <latch>
#include <thread>
#include <unistd.h>

namespace sextant::bench {

// ---------------------------------------------------------------- fsync floor

// Two ways of making one frame durable: appending (the file grows, so
// fdatasync must also commit the size through the ext4 journal) and
// overwriting a preallocated, already-written file (data only).
void benchFsyncFloor(const QString &scratch, const EngineParams &p)
{
    const std::vector<char> frame(size_t(p.dims) * 4 + 96, 'x'); // one single-insert WAL frame, roughly
    for (const bool overwrite : {false, true}) {
        QJsonObject rec = scenarioRecord(QStringLiteral("fsync_floor"));
        rec[QStringLiteral("variant")] =
            overwrite ? QStringLiteral("overwrite_preallocated") : QStringLiteral("append");
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
        params[QStringLiteral("what")] =
            overwrite ? QStringLiteral("pwrite() into an already written file + fdatasync(), no engine")
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
    std::shared_ptr<Index> index = createIndexOrReport(scratch + QStringLiteral("/single"), p, rec);
    if (!index) return false;
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
    rec[QStringLiteral("targets")] =
        QJsonArray{target(QStringLiteral("p50_ms"), QStringLiteral("<="), 0.5,
                          results[QStringLiteral("p50_ms")].toDouble(), QStringLiteral("ms"))};
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
    params[QStringLiteral("what")] =
        QStringLiteral("each thread: insert(item).waitForFinished() in a loop; items made before the clock starts");
    rec[QStringLiteral("params")] = params;
    std::shared_ptr<Index> index = createIndexOrReport(scratch + QStringLiteral("/concurrent"), p, rec);
    if (!index) return false;

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
    for (std::thread &t : threads)
        t.join();
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
    params[QStringLiteral("what")] =
        QStringLiteral("one thread keeps N insert futures outstanding, waiting for the oldest");
    rec[QStringLiteral("params")] = params;
    std::shared_ptr<Index> index = createIndexOrReport(scratch + QStringLiteral("/inflight"), p, rec);
    if (!index) return false;
    VectorSource vectors(seed);
    QList<Item> items;
    items.reserve(p.inflightTotal);
    for (int i = 0; i < p.inflightTotal; ++i)
        items.append(makeItem(seed, i, p.dims, vectors));

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
    rec[QStringLiteral("targets")] =
        QJsonArray{target(QStringLiteral("with_final_checkpoint.items_per_s"), QStringLiteral(">="), 200000,
                          with[QStringLiteral("items_per_s")].toDouble(), QStringLiteral("vectors/s")),
                   target(QStringLiteral("without_final_checkpoint.items_per_s"), QStringLiteral(">="), 200000,
                          without[QStringLiteral("items_per_s")].toDouble(), QStringLiteral("vectors/s"))};
    emitJson(rec);
    QDir(scratch + QStringLiteral("/bulk")).removeRecursively();
    return run.ok;
}

// ---------------------------------------------------------------- interactive during bulk

// One thread inserts interactively (each awaited) while the main thread runs
// a bulk import: does Priority::Interactive keep those inserts fast, and what
// does an automatic checkpoint (run on the writer thread) cost them?
bool benchMixed(const QString &scratch, const EngineParams &p, quint64 seed)
{
    QJsonObject rec = scenarioRecord(QStringLiteral("interactive_during_bulk"));
    const qint64 items = p.bulkItems;
    QJsonObject params;
    params[QStringLiteral("bulk_items")] = double(items);
    params[QStringLiteral("batch")] = p.batch;
    params[QStringLiteral("batches_in_flight")] = p.window;
    params[QStringLiteral("what")] =
        QStringLiteral("main thread: bulk import as in bulk_import; second thread: insert(item, "
                       "Interactive).waitForFinished() in a loop until it ends");
    rec[QStringLiteral("params")] = params;
    const QString path = scratch + QStringLiteral("/mixed");
    std::shared_ptr<Index> index = createIndexOrReport(path, p, rec);
    if (!index) return false;
    VectorSource vectors(seed);
    const qint64 batches = (items + p.batch - 1) / p.batch;
    std::vector<QList<WriteOp>> prepared(static_cast<size_t>(batches));
    for (qint64 b = 0; b < batches; ++b) {
        const qint64 first = b * p.batch, last = std::min(items, first + p.batch);
        prepared[size_t(b)].reserve(last - first);
        for (qint64 i = first; i < last; ++i)
            prepared[size_t(b)].append(WriteOp::insert(makeItem(seed, i, p.dims, vectors)));
    }

    std::atomic<bool> bulkDone{false};
    std::vector<double> lat;
    int interactiveFailures = 0;
    QString interactiveError;
    std::thread interactive([&] {
        VectorSource own(seed ^ 0x5555);
        const quint64 ownSeed = seed + 1000003;
        for (qint64 k = 0; !bulkDone.load(std::memory_order_acquire); ++k) {
            Item item = makeItem(ownSeed, k, p.dims, own);
            const auto t0 = Clock::now();
            const WriteResult r = await(index->insert(std::move(item), Priority::Interactive));
            lat.push_back(msSince(t0));
            if (r.error && !interactiveFailures++) interactiveError = r.error.toString();
        }
    });
    int failures = 0;
    QString error;
    auto settle = [&](QFuture<WriteResult> f) {
        const WriteResult r = await(std::move(f));
        if (r.error && !failures++) error = r.error.toString();
    };
    Stopwatch sw;
    std::deque<QFuture<WriteResult>> pending;
    for (qint64 b = 0; b < batches; ++b) {
        if (int(pending.size()) >= p.window) {
            settle(pending.front());
            pending.pop_front();
        }
        pending.push_back(index->write(std::move(prepared[size_t(b)]), Priority::Bulk));
    }
    while (!pending.empty()) {
        settle(pending.front());
        pending.pop_front();
    }
    const double bulkS = sw.elapsedSeconds();
    bulkDone.store(true, std::memory_order_release);
    interactive.join();
    rec[QStringLiteral("cpu")] = sw.cpuJson();

    QJsonObject results;
    results[QStringLiteral("bulk_items_per_s")] = double(items) / bulkS;
    results[QStringLiteral("bulk_failures")] = failures;
    if (!error.isEmpty()) results[QStringLiteral("bulk_first_error")] = error;
    results[QStringLiteral("interactive")] = latencySummary(lat);
    results[QStringLiteral("interactive_over_10ms")] =
        double(std::count_if(lat.begin(), lat.end(), [](double ms) { return ms > 10.0; }));
    results[QStringLiteral("interactive_over_100ms")] =
        double(std::count_if(lat.begin(), lat.end(), [](double ms) { return ms > 100.0; }));
    results[QStringLiteral("interactive_failures")] = interactiveFailures;
    if (!interactiveError.isEmpty()) results[QStringLiteral("interactive_first_error")] = interactiveError;
    const IndexStats st = index->stats();
    results[QStringLiteral("automatic_checkpoints")] = double(st.generation) - 1;
    results[QStringLiteral("stats_before_close")] = statsJson(st);
    closeIndex(index, results);
    rec[QStringLiteral("results")] = results;
    rec[QStringLiteral("targets")] = QJsonArray{target(
        QStringLiteral("interactive.p50_ms"), QStringLiteral("<="), 0.5,
        results[QStringLiteral("interactive")].toObject()[QStringLiteral("p50_ms")].toDouble(), QStringLiteral("ms"))};
    emitJson(rec);
    QDir(path).removeRecursively();
    return failures == 0 && interactiveFailures == 0;
}

} // namespace sextant::bench
