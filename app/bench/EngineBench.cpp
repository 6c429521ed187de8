// `sextant-bench engine`: the storage engine's figures from issue 2.
//
//   fsync_floor        one frame-sized write + fdatasync, appending and overwriting (the floor under durable inserts)
//   single_insert      one writer, durability full, each insert awaited before the next: latency percentiles
//   concurrent_writers N threads each inserting and awaiting sequentially: inserts/s (group commit)
//   inflight_futures   one thread keeping N insert futures in flight: inserts/s
//   bulk_import        Index::write batches with Priority::Bulk: items/s, MB/s, with and without the final checkpoint
//   interactive_during_bulk  single interactive inserts while a bulk import runs: latency (priority, checkpoint stalls)
//   build_large_index  the same at 1M (100k with --quick), then checkpoint and close; input for the next two
//   open               Index::open of that index in a fresh child process: ms, RSS growth, first get()
//   verify             verifyIndex quick and full, warm and cold page cache: GB/s
//
// All data is seeded (--seed): ids are hashes of the item number, vectors
// uniform in [-1, 1), metadata {"n": <number>, "src": "bench"}.

#include "EngineBench.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

namespace sextant::bench {

// ---------------------------------------------------------------- the command

int runEngine(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "sextant-bench engine: storage engine figures as JSON lines (machine, parameters, one object per scenario)."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("only"),
         QStringLiteral(
             "Comma-separated groups: fsync,single,concurrent,inflight,bulk,mixed,open,verify (default all)."),
         QStringLiteral("list")},
        {QStringLiteral("dims"), QStringLiteral("Vector dimensions (default 384)."), QStringLiteral("n")},
        {QStringLiteral("durability"), QStringLiteral("full (default), normal or off."), QStringLiteral("mode")},
        {QStringLiteral("inserts"), QStringLiteral("Single durable inserts (default 2000)."), QStringLiteral("n")},
        {QStringLiteral("writers"), QStringLiteral("Concurrent writer threads (default 64)."), QStringLiteral("n")},
        {QStringLiteral("per-writer"), QStringLiteral("Inserts per writer thread (default 100)."), QStringLiteral("n")},
        {QStringLiteral("bulk"), QStringLiteral("Items of the bulk import (default 200000)."), QStringLiteral("n")},
        {QStringLiteral("batch"),
         QStringLiteral(
             "Items per bulk batch (default 10000; from 2,048 on, a bulk batch is ingested straight into a segment)."),
         QStringLiteral("n")},
        {QStringLiteral("window"), QStringLiteral("Bulk batches in flight (default 4)."), QStringLiteral("n")},
        {QStringLiteral("large"), QStringLiteral("Items of the index that open and verify use (default 1000000)."),
         QStringLiteral("n")},
        {QStringLiteral("index"),
         QStringLiteral("Use this large index (kept by an earlier --keep run with the same --seed and --large) instead "
                        "of building one."),
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
            std::fprintf(stderr, "sextant-bench: unknown durability '%s'\n",
                         qPrintable(parser.value(QStringLiteral("durability"))));
            return 2;
        }
        p.durability = *d;
    }
    p.existingIndex = parser.value(QStringLiteral("index"));
    for (const QString &g : parser.value(QStringLiteral("only")).split(u',', Qt::SkipEmptyParts))
        p.only.insert(g.trimmed());
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
    if (p.want("mixed")) {
        progress(QStringLiteral("interactive inserts during a bulk import of %1 items").arg(p.bulkItems));
        ok &= benchMixed(scratch, p, common.seed + 6);
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

int runVerifyBench(const QStringList &args)
{
    // The engine command's large index and verify group, on their own.
    QStringList forwarded = args;
    forwarded.insert(std::min<qsizetype>(1, forwarded.size()), QStringLiteral("--only=verify"));
    return runEngine(forwarded);
}

} // namespace sextant::bench
