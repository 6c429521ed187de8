// sextant-bench explore: the explore layer on a large index with its graph
// ready: near-duplicates (engine/explore/NearDuplicates) and a UMAP layout
// (engine/explore/Umap) timed through the public API, with the issue's
// targets beside the figures (1M x 384 duplicates in 3 min, 100k x 384 UMAP
// in 60 s, on 2 cores).
//
// The data: `--clusters` Gaussian clusters in `--dims` dimensions, plus
// 1 % planted duplicates (half exact copies, half at cosine ~0.99). The
// index is built once and can be kept (--keep) and reused (--index PATH),
// since building the graph of a million items takes far longer than what
// is measured here.

#include "BenchSupport.h"

#include "sextant/NearDuplicates.h"
#include "sextant/Umap.h"
#include "sextant/Index.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <random>

namespace sextant::bench {

namespace {

QString benchId(qint64 i) { return QStringLiteral("e%1").arg(i, 8, 10, QLatin1Char('0')); }

explore::Task benchTask(const QString &what, int threads)
{
    explore::Task task;
    task.threads = threads;
    auto last = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
    task.progress = [what, last](const QString &phase, qint64 done, qint64 total) {
        if (msSince(*last) < 5000) return;
        *last = std::chrono::steady_clock::now();
        progress(QStringLiteral("%1: %2 %3/%4").arg(what, phase).arg(done).arg(total));
    };
    return task;
}

} // namespace

int runExploreBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Explore: near-duplicates and UMAP on an index with its graph ready."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("n"), QStringLiteral("Items (default 100000; --quick 10000)."), QStringLiteral("count")},
        {QStringLiteral("dims"), QStringLiteral("Dimensions (default 384)."), QStringLiteral("d")},
        {QStringLiteral("clusters"), QStringLiteral("Gaussian clusters (default 50)."), QStringLiteral("count")},
        {QStringLiteral("index"), QStringLiteral("Use (or, when missing, build and keep) the index in this folder."),
         QStringLiteral("path")},
        {QStringLiteral("threads"), QStringLiteral("Worker threads for the neighbour queries (default 2)."),
         QStringLiteral("count")},
        {QStringLiteral("only"), QStringLiteral("duplicates or umap (default both)."), QStringLiteral("what")},
        {QStringLiteral("sample"), QStringLiteral("UMAP sample cap (default 200000)."), QStringLiteral("count")},
    });
    parser.process(args);
    const CommonOptions common = commonOptions(parser);
    setPrettyOutput(common.pretty);
    const qint64 n = parser.isSet(QStringLiteral("n")) ? parser.value(QStringLiteral("n")).toLongLong()
                                                       : (common.quick ? 10000 : 100000);
    const int dims = parser.isSet(QStringLiteral("dims")) ? parser.value(QStringLiteral("dims")).toInt() : 384;
    const int clusters =
        parser.isSet(QStringLiteral("clusters")) ? parser.value(QStringLiteral("clusters")).toInt() : 50;
    const int threads = parser.isSet(QStringLiteral("threads")) ? parser.value(QStringLiteral("threads")).toInt() : 2;
    const QString only = parser.value(QStringLiteral("only"));
    if (n < 100 || dims < 2 || clusters < 1 || threads < 1) {
        std::fprintf(stderr, "sextant-bench explore: bad --n, --dims, --clusters or --threads\n");
        return 2;
    }

    std::unique_ptr<QTemporaryDir> scratch;
    QString path = parser.value(QStringLiteral("index"));
    if (path.isEmpty()) {
        scratch = std::make_unique<QTemporaryDir>((common.dir.isEmpty() ? QDir::tempPath() : common.dir) +
                                                  QStringLiteral("/sextant-bench-explore-XXXXXX"));
        scratch->setAutoRemove(!common.keep);
        path = scratch->filePath(QStringLiteral("index"));
    }
    QJsonObject out;
    out[QStringLiteral("bench")] = QStringLiteral("explore");
    out[QStringLiteral("machine")] = machineInfo(QFileInfo(path).absolutePath());

    OpenOptions options;
    options.applicationName = QStringLiteral("sextant-bench");
    std::shared_ptr<Index> index;
    qint64 planted = 0;
    if (Index::exists(path)) {
        progress(QStringLiteral("opening %1").arg(path));
        Result<std::shared_ptr<Index>> opened = Index::open(path, options);
        if (!opened.ok()) {
            std::fprintf(stderr, "sextant-bench explore: %s\n", qPrintable(opened.error().message()));
            return 1;
        }
        index = *opened;
    } else {
        Schema schema;
        schema.dimensions = dims;
        schema.metric = Metric::Cosine;
        Result<std::shared_ptr<Index>> created = Index::create(path, schema, Durability::Off, options);
        if (!created.ok()) {
            std::fprintf(stderr, "sextant-bench explore: %s\n", qPrintable(created.error().message()));
            return 1;
        }
        index = *created;
        progress(QStringLiteral("importing %1 x %2 clustered vectors (%3 clusters, 1 % planted duplicates)")
                     .arg(n)
                     .arg(dims)
                     .arg(clusters));
        std::mt19937_64 rng(common.seed);
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<std::vector<float>> centres(static_cast<size_t>(clusters),
                                                std::vector<float>(static_cast<size_t>(dims)));
        for (auto &c : centres)
            for (float &x : c)
                x = normal(rng);
        QVector<float> previous;
        Stopwatch build;
        constexpr qint64 kBatch = 2000;
        for (qint64 start = 0; start < n; start += kBatch) {
            QList<WriteOp> batch;
            for (qint64 i = start; i < std::min(n, start + kBatch); ++i) {
                QVector<float> v(dims);
                if (i % 100 == 99 && !previous.isEmpty()) {
                    // A planted duplicate of the item before: an exact copy or a near one.
                    v = previous;
                    if (i % 200 == 199)
                        for (float &x : v)
                            x += 0.02f * normal(rng);
                    ++planted;
                } else {
                    const auto &c = centres[size_t(rng() % quint64(clusters))];
                    for (int k = 0; k < dims; ++k)
                        v[k] = c[size_t(k)] + 0.35f * normal(rng);
                }
                previous = v;
                batch.append(WriteOp::insert(Item{benchId(i), v, {}}));
            }
            QFuture<WriteResult> f = index->write(std::move(batch), Priority::Bulk);
            f.waitForFinished();
            if (f.result().error) {
                std::fprintf(stderr, "sextant-bench explore: import failed: %s\n",
                             qPrintable(f.result().error.message()));
                return 1;
            }
        }
        progress(QStringLiteral("building the graph"));
        if (!index->waitForGraph(6 * 3600 * 1000)) {
            std::fprintf(stderr, "sextant-bench explore: the graph did not become ready\n");
            return 1;
        }
        out[QStringLiteral("build")] = build.cpuJson();
        progress(QStringLiteral("import and graph: %1 s").arg(build.elapsedSeconds(), 0, 'f', 1));
    }
    // Measured on a checkpointed index, as one is after it was opened: a
    // query walks the in-memory table of changes not yet in segments.
    progress(QStringLiteral("checkpoint"));
    index->checkpoint().waitForFinished();
    progress(QStringLiteral("waiting for the graph"));
    Stopwatch graphWait;
    if (!index->waitForGraph(6 * 3600 * 1000)) {
        std::fprintf(stderr, "sextant-bench explore: the graph did not become ready\n");
        return 1;
    }
    out[QStringLiteral("graph_ready_s")] = graphWait.elapsedSeconds();
    const Schema schema = index->schema();
    out[QStringLiteral("data")] = QJsonObject{{QStringLiteral("items"), double(index->count())},
                                              {QStringLiteral("dims"), schema.dimensions},
                                              {QStringLiteral("metric"), metricName(schema.metric)},
                                              {QStringLiteral("planted_duplicates"), double(planted)},
                                              {QStringLiteral("path"), path}};
    out[QStringLiteral("threads")] = threads;

    if (only.isEmpty() || only == u"duplicates") {
        progress(QStringLiteral("near-duplicates"));
        Stopwatch watch;
        Result<explore::DuplicateReport> report =
            explore::findNearDuplicates(*index, {}, benchTask(QStringLiteral("duplicates"), threads));
        if (!report.ok()) {
            std::fprintf(stderr, "sextant-bench explore: %s\n", qPrintable(report.error().message()));
            return 1;
        }
        QJsonObject d = watch.cpuJson();
        d[QStringLiteral("threshold")] = report->threshold;
        d[QStringLiteral("groups")] = double(report->groups.size());
        d[QStringLiteral("duplicate_items")] = double(report->duplicateItems());
        d[QStringLiteral("pairs_checked")] = double(report->pairsChecked);
        d[QStringLiteral("pairs_rejected")] = double(report->pairsRejected);
        d[QStringLiteral("items_per_s")] = double(report->itemsSearched) / watch.elapsedSeconds();
        d[QStringLiteral("target")] =
            target(QStringLiteral("duplicates 1M x 384"), QStringLiteral("<="), 180.0 * double(index->count()) / 1e6,
                   watch.elapsedSeconds(), QStringLiteral("s (the 3-minute target scaled to this size)"));
        out[QStringLiteral("duplicates")] = d;
        progress(QStringLiteral("duplicates: %1 s, %2 groups")
                     .arg(watch.elapsedSeconds(), 0, 'f', 1)
                     .arg(report->groups.size()));
    }
    if (only.isEmpty() || only == u"umap") {
        progress(QStringLiteral("UMAP"));
        explore::UmapOptions umap;
        umap.seed = common.seed;
        if (parser.isSet(QStringLiteral("sample"))) umap.sample = parser.value(QStringLiteral("sample")).toLongLong();
        std::vector<double> phase;
        Stopwatch watch;
        double neighboursDone = 0;
        const CpuTimes cpuStart = cpuTimes();
        CpuTimes cpuAtLayout;
        explore::Task task = benchTask(QStringLiteral("umap"), threads);
        auto inner = task.progress;
        task.progress = [&, inner](const QString &p, qint64 done, qint64 total) {
            if (p == u"layout" && neighboursDone == 0) {
                neighboursDone = watch.elapsedSeconds();
                cpuAtLayout = cpuTimes();
            }
            inner(p, done, total);
        };
        Result<explore::Layout2d> layout = explore::umapOfIndex(*index, umap, task);
        if (!layout.ok()) {
            std::fprintf(stderr, "sextant-bench explore: %s\n", qPrintable(layout.error().message()));
            return 1;
        }
        QJsonObject u = watch.cpuJson();
        u[QStringLiteral("points")] = double(layout->count());
        u[QStringLiteral("until_layout_s")] = neighboursDone;
        u[QStringLiteral("layout_s")] = watch.elapsedSeconds() - neighboursDone;
        const CpuTimes cpuEnd = cpuTimes();
        // CPU seconds of each part: the neighbours, vectors and PCA start run on
        // every worker; the optimisation on one thread.
        u[QStringLiteral("until_layout_cpu_s")] = cpuAtLayout.user + cpuAtLayout.sys - cpuStart.user - cpuStart.sys;
        u[QStringLiteral("layout_cpu_s")] = cpuEnd.user + cpuEnd.sys - cpuAtLayout.user - cpuAtLayout.sys;
        u[QStringLiteral("edges")] = double(layout->edges);
        u[QStringLiteral("epochs")] = layout->epochs;
        u[QStringLiteral("params")] = QJsonObject{
            {QStringLiteral("k"), umap.neighbours},  {QStringLiteral("min_dist"), umap.minDist},
            {QStringLiteral("spread"), umap.spread}, {QStringLiteral("negative_samples"), umap.negativeSamples},
            {QStringLiteral("a"), layout->a},        {QStringLiteral("b"), layout->b}};
        u[QStringLiteral("target")] =
            target(QStringLiteral("UMAP 100k x 384"), QStringLiteral("<="), 60.0 * double(layout->count()) / 1e5,
                   watch.elapsedSeconds(), QStringLiteral("s (the 60-second target scaled to this size)"));
        out[QStringLiteral("umap")] = u;
        progress(
            QStringLiteral("UMAP: %1 s for %2 points").arg(watch.elapsedSeconds(), 0, 'f', 1).arg(layout->count()));
    }
    index->close();
    emitJson(out);
    return 0;
}

} // namespace sextant::bench
