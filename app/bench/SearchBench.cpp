// sextant-bench search: Sextant's search through its public query API beside
// raw hnswlib 0.6.2 built the way its users build it (the separate program
// sextant-hnswlib-peer, -O3 -march=native), on the same data file in the
// same run: per ef, queries per second on one thread, p50 and p99 latency
// and recall@10; the QPS at recall@10 = 0.95 interpolated between the two
// ef points that bracket it; build times; the medians of --runs runs (3 by
// default) in which the two sides take turns going first. Then, on Sextant's
// index of the last run: filtered queries at 50 %, 5 % and 0.1 %
// selectivity, the exact scan's throughput, estimateRecall, save and reopen.
//
// Data: the rows of an .fvecs / .npy file (--base), or seeded clustered unit
// vectors (default 100,000 x 384, 100 clusters) written to an .fvecs file
// first, so that both sides read the same file. The last --queries rows of
// the rows read are held out as queries. Items carry {"s50": i % 2,
// "s5": i % 20, "s01": i % 1000} so the filters {"s50": 0}, {"s5": 0},
// {"s01": 0} match 50 %, 5 % and 0.1 % of them, independently of the vectors.
//
// The metric is cosine on both sides: Sextant's cosine index normalises
// vectors for its graph, the peer normalises them as hnswlib's Python
// binding does for its "cosine" space. The truth both sides are scored
// against is Sextant's exact cosine search, written to an .ivecs file for the
// peer, which recomputes part of it by brute force to check that the two
// programs agree on what the nearest neighbours are.
//
// sextant-bench itself does not include hnswlib.

#include "BenchSupport.h"
#include "ChildProcess.h"

#include "sextant/Index.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <thread>
#include <cmath>
#include <optional>
#include <random>
#include <span>

#ifndef SEXTANT_HNSWLIB_PEER_PATH
#define SEXTANT_HNSWLIB_PEER_PATH ""
#endif

namespace sextant::bench {

namespace {

constexpr double kRecallTarget = 0.95;

struct Data {
    int dims = 0;
    qint64 n = 0;
    qint64 q = 0;
    std::vector<float> base;    // n x dims
    std::vector<float> queries; // q x dims
    QString file;               // what both sides read
    QString source;
};

void normalise(float *v, int dims)
{
    double s = 0;
    for (int i = 0; i < dims; ++i)
        s += double(v[i]) * v[i];
    const double n = std::sqrt(s);
    if (n > 0)
        for (int i = 0; i < dims; ++i)
            v[i] = float(v[i] / n);
}

// Seeded clustered unit vectors, n + q rows written to an .fvecs file.
QString writeClustered(const QString &path, qint64 rows, int dims, int clusters, quint64 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return QStringLiteral("cannot create %1: %2").arg(path, f.errorString());
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> centres(size_t(clusters) * dims);
    for (float &x : centres)
        x = normal(rng);
    for (int c = 0; c < clusters; ++c)
        normalise(&centres[size_t(c) * dims], dims);
    // Spread around each centre comparable to the spread between centres,
    // so that neighbours cross cluster borders (the hard case for a graph).
    const float spread = 1.0f / std::sqrt(float(dims));
    std::vector<float> row(static_cast<size_t>(dims));
    const qint32 d = dims;
    for (qint64 i = 0; i < rows; ++i) {
        const float *c = &centres[size_t(rng() % quint64(clusters)) * dims];
        for (int j = 0; j < dims; ++j)
            row[size_t(j)] = c[j] + spread * normal(rng);
        normalise(row.data(), dims);
        if (f.write(reinterpret_cast<const char *>(&d), 4) != 4 ||
            f.write(reinterpret_cast<const char *>(row.data()), qint64(dims) * 4) != qint64(dims) * 4)
            return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    }
    return {};
}

// .fvecs: per row an int32 dimension then that many float32. .npy: a 2-D
// float32 or float64 C-order array (version 1.0/2.0 header). At most `limit`
// rows (all when negative).
QString readVectors(const QString &path, std::vector<float> *out, int *dims, qint64 limit)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("cannot open %1: %2").arg(path, f.errorString());
    if (path.endsWith(QLatin1String(".fvecs"))) {
        qint32 d = 0;
        while (limit < 0 || qint64(out->size()) / std::max(1, *dims) < limit) {
            if (f.read(reinterpret_cast<char *>(&d), 4) != 4) break;
            if (d <= 0 || d > 65536 || (*dims && d != *dims))
                return QStringLiteral("%1: bad row dimension %2").arg(path).arg(d);
            *dims = d;
            const size_t at = out->size();
            out->resize(at + size_t(d));
            if (f.read(reinterpret_cast<char *>(out->data() + at), qint64(d) * 4) != qint64(d) * 4)
                return QStringLiteral("%1: truncated row").arg(path);
        }
        return {};
    }
    if (path.endsWith(QLatin1String(".npy"))) {
        const QByteArray magic = f.read(8);
        if (magic.size() != 8 || !magic.startsWith("\x93NUMPY")) return QStringLiteral("%1: not a .npy file").arg(path);
        quint32 headerLen = 0;
        if (magic[6] == 1) {
            quint16 h = 0;
            f.read(reinterpret_cast<char *>(&h), 2);
            headerLen = h;
        } else {
            f.read(reinterpret_cast<char *>(&headerLen), 4);
        }
        if (headerLen > (1u << 20)) return QStringLiteral("%1: bad .npy header").arg(path);
        const QByteArray header = f.read(headerLen);
        const bool f4 = header.contains("'<f4'"), f8 = header.contains("'<f8'");
        if ((!f4 && !f8) || header.contains("'fortran_order': True"))
            return QStringLiteral("%1: only little-endian float32/float64 C-order arrays are read").arg(path);
        const int open = header.indexOf("'shape': (");
        const int close = header.indexOf(')', open);
        if (open < 0 || close < 0) return QStringLiteral("%1: not a 2-D array").arg(path);
        const QList<QByteArray> shape = header.mid(open + 10, close - open - 10).split(',');
        if (shape.size() < 2) return QStringLiteral("%1: not a 2-D array").arg(path);
        qint64 rows = shape[0].trimmed().toLongLong();
        *dims = shape[1].trimmed().toInt();
        if (rows <= 0 || *dims <= 0 || *dims > 65536) return QStringLiteral("%1: bad shape").arg(path);
        if (limit >= 0) rows = std::min(rows, limit);
        out->resize(size_t(rows) * size_t(*dims));
        if (f4) {
            const qint64 bytes = rows * *dims * 4;
            if (f.read(reinterpret_cast<char *>(out->data()), bytes) != bytes)
                return QStringLiteral("%1: truncated").arg(path);
        } else {
            std::vector<double> tmp(size_t(rows) * size_t(*dims));
            const qint64 bytes = qint64(tmp.size()) * 8;
            if (f.read(reinterpret_cast<char *>(tmp.data()), bytes) != bytes)
                return QStringLiteral("%1: truncated").arg(path);
            for (size_t i = 0; i < tmp.size(); ++i)
                (*out)[i] = float(tmp[i]);
        }
        return {};
    }
    return QStringLiteral("%1: use a .fvecs or .npy file").arg(path);
}

QStringList hitIds(const QueryResult &r)
{
    QStringList ids;
    for (const QueryHit &h : r.hits)
        ids << h.id;
    return ids;
}

double recallAgainst(const QStringList &got, const QStringList &truth)
{
    if (truth.isEmpty()) return 1.0;
    int found = 0;
    for (const QString &id : got)
        found += truth.contains(id);
    return double(found) / double(truth.size());
}

// Item i is row i of the file.
// With --cli-import the items are sextant-cli's, named <file name>:<row>.
bool g_cliIds = false;
QString idOf(qint64 i)
{
    return g_cliIds ? QStringLiteral("v:%1").arg(i) : QStringLiteral("v%1").arg(i, 8, 10, QLatin1Char('0'));
}

// The row an id of idOf names.
qint64 rowOf(const QString &id) { return id.mid(g_cliIds ? 2 : 1).toLongLong(); }

QVector<float> queryVector(const Data &d, qint64 i)
{
    const float *p = &d.queries[size_t(i) * size_t(d.dims)];
    return QVector<float>(p, p + d.dims);
}

// The truth as base row numbers per query, for the peer.
QString writeTruthIvecs(const QString &path, const std::vector<QStringList> &truth)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return QStringLiteral("cannot create %1").arg(path);
    for (const QStringList &row : truth) {
        const qint32 k = qint32(row.size());
        f.write(reinterpret_cast<const char *>(&k), 4);
        for (const QString &id : row) {
            const qint32 r = qint32(rowOf(id));
            f.write(reinterpret_cast<const char *>(&r), 4);
        }
    }
    return f.error() == QFileDevice::NoError ? QString() : QStringLiteral("cannot write %1").arg(path);
}

struct RunStats {
    double recall = 0;
    std::vector<double> ms;
    double seconds = 0;
    double cpuSeconds = 0; // of the whole process, user + system
    QMap<QString, int> strategies;
    int fellBack = 0;
    int maxEf = 0;
};

// Runs every query once on this thread and compares with `truth`.
RunStats runQueries(Index &index, const Data &d, const std::vector<QStringList> &truth, QueryMode mode, int ef,
                    const QByteArray &filter, bool withMetadata, qint64 count = -1)
{
    RunStats s;
    const qint64 q = count < 0 ? d.q : std::min(count, d.q);
    s.ms.reserve(size_t(q));
    const CpuTimes c0 = cpuTimes();
    const auto t0 = std::chrono::steady_clock::now();
    for (qint64 i = 0; i < q; ++i) {
        QueryRequest r;
        r.vector = queryVector(d, i);
        r.k = 10;
        r.ef = ef;
        r.mode = mode;
        r.filter = filter;
        r.withMetadata = withMetadata;
        const auto q0 = std::chrono::steady_clock::now();
        const Result<QueryResult> res = index.query(r);
        s.ms.push_back(msSince(q0));
        if (!res.ok()) {
            progress(QStringLiteral("query failed: %1").arg(res.error().message()));
            continue;
        }
        if (!truth.empty()) s.recall += recallAgainst(hitIds(*res), truth[size_t(i)]);
        s.strategies[queryStrategyName(res->strategy)] += 1;
        s.fellBack += res->fellBack;
        s.maxEf = std::max(s.maxEf, res->efUsed);
    }
    s.seconds = msSince(t0) / 1000.0;
    const CpuTimes c1 = cpuTimes();
    s.cpuSeconds = (c1.user - c0.user) + (c1.sys - c0.sys);
    s.recall /= double(std::max<qint64>(q, 1));
    return s;
}

QJsonObject strategiesJson(const QMap<QString, int> &m)
{
    QJsonObject o;
    for (auto it = m.begin(); it != m.end(); ++it)
        o[it.key()] = it.value();
    return o;
}

// ---- one side's figures per ef, and the QPS at a recall

struct EfPoint {
    int ef = 0;
    double recall = 0, qps = 0, p50 = 0, p99 = 0;
    double cpuQps = 0; // queries per CPU second of the process: what preemption by other programs does not change
};

struct AtRecall {
    bool bracketed = false;
    double qps = 0, cpuQps = 0;
    QString note;
};

// The QPS at `target` recall, linear in recall between the two consecutive
// ef points (in ef order) whose recalls bracket it.
AtRecall qpsAtRecall(std::vector<EfPoint> points, double target)
{
    std::sort(points.begin(), points.end(), [](const EfPoint &a, const EfPoint &b) { return a.ef < b.ef; });
    AtRecall a;
    if (points.empty()) {
        a.note = QStringLiteral("no ef measured");
        return a;
    }
    if (points.front().recall >= target) {
        a.note =
            QStringLiteral("not bracketed: recall %1 already at the smallest ef %2 (QPS there %3); add a smaller ef")
                .arg(points.front().recall, 0, 'f', 3)
                .arg(points.front().ef)
                .arg(points.front().qps, 0, 'f', 0);
        return a;
    }
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        const EfPoint &lo = points[i], &hi = points[i + 1];
        if (lo.recall < target && hi.recall >= target) {
            const double t = (target - lo.recall) / (hi.recall - lo.recall);
            a.bracketed = true;
            a.qps = lo.qps + t * (hi.qps - lo.qps);
            a.cpuQps = lo.cpuQps + t * (hi.cpuQps - lo.cpuQps);
            a.note = QStringLiteral("between ef %1 (recall %2) and ef %3 (recall %4)")
                         .arg(lo.ef)
                         .arg(lo.recall, 0, 'f', 3)
                         .arg(hi.ef)
                         .arg(hi.recall, 0, 'f', 3);
            return a;
        }
    }
    a.note = QStringLiteral("not bracketed: recall %1 at the largest ef %2; add a larger ef")
                 .arg(points.back().recall, 0, 'f', 3)
                 .arg(points.back().ef);
    return a;
}

QJsonObject atRecallJson(const AtRecall &a)
{
    QJsonObject o{{QStringLiteral("bracketed"), a.bracketed}, {QStringLiteral("note"), a.note}};
    if (a.bracketed) {
        o[QStringLiteral("qps")] = a.qps;
        o[QStringLiteral("queries_per_cpu_s")] = a.cpuQps;
    }
    return o;
}

double median(std::vector<double> v)
{
    if (v.empty()) return std::nan("");
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2.0;
}

QJsonValue numberOrNull(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }

struct SideRun {
    double buildSeconds = 0;
    double peakRssMiB = 0;  // the peer's, and Sextant's with --cli-import: the whole program's peak
    double graphRssMiB = 0; // the peer's graph, and Sextant's with --cli-import: resident growth
    std::vector<EfPoint> points;
    AtRecall atTarget;
    QJsonObject json;
};

// ---- the benchmark

class SearchBench {
public:
    Data data;
    int m = 16, efc = 200, buildThreads = 2;
    qint64 batchSize = 10000, warmup = 200, checkTruth = 100;
    QList<int> efs;
    QString scratch;
    QString peerPath;
    bool keep = false;
    bool deleteHalf = false; // extras: delete every other item and time the background rebuild
    // Build each run's index as a user would: `sextant-cli create` and
    // `sextant-cli import` of the base rows' file, measured as child programs.
    bool cliImport = false;
    QString cliPath, cliBaseFile;
    Quantization quantization = AnnParams::kDefaultQuantization;
    OpenOptions options;
    std::vector<QStringList> truth; // set by the first Sextant run
    QString truthFile;
    QJsonObject once; // exact scan: figures of the first Sextant run only

    std::optional<SideRun> runSextant(int run, bool first, bool extras, QJsonObject *extrasOut);
    std::optional<SideRun> runPeer(int run);
    bool buildWithCli(int run, const QString &path, SideRun *side);

private:
    void runExtras(std::shared_ptr<Index> &index, const QString &path, QJsonObject *out);
};

std::optional<SideRun> SearchBench::runSextant(int run, bool first, bool extras, QJsonObject *extrasOut)
{
    SideRun side;
    const QString path = QDir(scratch).filePath(QStringLiteral("index-run%1").arg(run));
    Schema schema;
    schema.dimensions = data.dims;
    schema.metric = Metric::Cosine;
    schema.ann.m = m;
    schema.ann.efConstruction = efc;
    schema.ann.quantization = quantization;
    if (cliImport) {
        if (!buildWithCli(run, path, &side)) return std::nullopt;
    }
    const MemStatus memBefore = readMemStatus();
    Result<std::shared_ptr<Index>> created =
        cliImport ? Index::open(path, options) : Index::create(path, schema, Durability::Normal, options);
    if (!created.ok()) {
        std::fprintf(stderr, "sextant-bench search: %s\n", qPrintable(created.error().message()));
        return std::nullopt;
    }
    std::shared_ptr<Index> index = *created;
    if (!cliImport)
        progress(QStringLiteral("run %1, Sextant: importing %2 items and building the graph").arg(run).arg(data.n));
    Stopwatch build;
    for (qint64 start = 0; !cliImport && start < data.n; start += batchSize) {
        QList<WriteOp> batch;
        for (qint64 i = start; i < std::min(data.n, start + batchSize); ++i) {
            const float *v = &data.base[size_t(i) * size_t(data.dims)];
            batch.append(WriteOp::insert(Item{idOf(i), QVector<float>(v, v + data.dims),
                                              QJsonObject{{QStringLiteral("s50"), int(i % 2)},
                                                          {QStringLiteral("s5"), int(i % 20)},
                                                          {QStringLiteral("s01"), int(i % 1000)}}}));
        }
        QFuture<WriteResult> f = index->write(std::move(batch), Priority::Bulk);
        f.waitForFinished();
        if (f.result().error) {
            std::fprintf(stderr, "sextant-bench search: import failed: %s\n", qPrintable(f.result().error.message()));
            return std::nullopt;
        }
    }
    const double importSeconds = build.elapsedSeconds();
    if (!index->waitForGraph(4 * 3600 * 1000)) {
        std::fprintf(stderr, "sextant-bench search: the graph did not become ready: %s\n",
                     qPrintable(index->graphStatus().message));
        return std::nullopt;
    }
    const GraphStatus graph = index->graphStatus();
    const MemStatus memAfter = readMemStatus();
    QJsonObject buildJson = build.cpuJson();
    if (cliImport) {
        // The build was the child programs'; this process only opened the result.
        buildJson = side.json.value(QStringLiteral("build")).toObject();
        buildJson[QStringLiteral("graph_ready_after_open_s")] = build.elapsedSeconds();
        // What opening the index and loading its graph added to this
        // process's anonymous memory: the graph's own, measured.
        side.graphRssMiB = double(memAfter.rssAnonKiB - memBefore.rssAnonKiB) / 1024.0;
        buildJson[QStringLiteral("open_and_graph_load_rss_anon_growth_MiB")] = side.graphRssMiB;
    } else {
        side.buildSeconds = build.elapsedSeconds();
        buildJson[QStringLiteral("import_s")] = importSeconds;
    }
    buildJson[QStringLiteral("import_and_graph_s")] = side.buildSeconds;
    buildJson[QStringLiteral("items_per_s")] = double(data.n) / side.buildSeconds;
    buildJson[QStringLiteral("graph_memory_MiB")] = double(graph.memoryBytes) / (1024.0 * 1024.0);
    if (first) {
        buildJson[QStringLiteral("rss_growth_MiB")] = double(memAfter.vmRssKiB - memBefore.vmRssKiB) / 1024.0;
        buildJson[QStringLiteral("rss_MiB")] = double(memAfter.vmRssKiB) / 1024.0;
    }
    if (!cliImport)
        progress(QStringLiteral("run %1, Sextant: import %2 s, with graph %3 s")
                     .arg(run)
                     .arg(importSeconds, 0, 'f', 1)
                     .arg(side.buildSeconds, 0, 'f', 1));

    // ---- exact ground truth (and the scan's throughput), once
    if (truth.empty()) {
        progress(QStringLiteral("exact top-10 of %1 queries (the truth both sides are scored against)").arg(data.q));
        truth.resize(size_t(data.q));
        std::vector<double> ms;
        for (qint64 i = 0; i < data.q; ++i) {
            QueryRequest r;
            r.vector = queryVector(data, i);
            r.k = 10;
            r.mode = QueryMode::Exact;
            r.withMetadata = false;
            const auto q0 = std::chrono::steady_clock::now();
            const Result<QueryResult> res = index->query(r);
            ms.push_back(msSince(q0));
            if (!res.ok()) {
                std::fprintf(stderr, "sextant-bench search: exact query failed: %s\n",
                             qPrintable(res.error().message()));
                return std::nullopt;
            }
            truth[size_t(i)] = hitIds(*res);
        }
        const QJsonObject lat = latencySummary(ms);
        const double p50 = lat.value(QStringLiteral("p50_ms")).toDouble();
        const double bytes = double(data.n) * data.dims * 4;
        once[QStringLiteral("exact")] = QJsonObject{
            {QStringLiteral("latency"), lat},
            {QStringLiteral("scan_GBps_2_threads"), bytes / (p50 / 1000.0) / 1e9},
            {QStringLiteral("note"),
             QStringLiteral(
                 "one query at a time, the scan split over both cores; per-core kernel speed: sextant-bench kernels")}};
        truthFile = QDir(scratch).filePath(QStringLiteral("truth.ivecs"));
        if (const QString err = writeTruthIvecs(truthFile, truth); !err.isEmpty()) {
            std::fprintf(stderr, "sextant-bench search: %s\n", qPrintable(err));
            return std::nullopt;
        }
    }

    // ---- ANN per ef through the public API, after the same warm-up as the peer's
    runQueries(*index, data, {}, QueryMode::Ann, *std::max_element(efs.begin(), efs.end()), {}, false, warmup);
    QJsonArray annRows;
    for (int ef : efs) {
        const RunStats s = runQueries(*index, data, truth, QueryMode::Ann, ef, {}, false);
        const QJsonObject lat = latencySummary(s.ms);
        EfPoint p;
        p.ef = ef;
        p.recall = s.recall;
        p.qps = double(data.q) / s.seconds;
        p.p50 = lat.value(QStringLiteral("p50_ms")).toDouble();
        p.p99 = lat.value(QStringLiteral("p99_ms")).toDouble();
        p.cpuQps = s.cpuSeconds > 0 ? double(data.q) / s.cpuSeconds : 0;
        side.points.push_back(p);
        annRows.append(QJsonObject{{QStringLiteral("ef"), ef},
                                   {QStringLiteral("recall_at_10"), s.recall},
                                   {QStringLiteral("qps_1_thread"), p.qps},
                                   {QStringLiteral("queries_per_cpu_s"), p.cpuQps},
                                   {QStringLiteral("latency"), lat},
                                   {QStringLiteral("fell_back"), s.fellBack}});
        progress(QStringLiteral("run %1, Sextant: ef %2: recall %3, %4 q/s")
                     .arg(run)
                     .arg(ef)
                     .arg(s.recall, 0, 'f', 3)
                     .arg(p.qps, 0, 'f', 0));
    }
    side.atTarget = qpsAtRecall(side.points, kRecallTarget);
    side.json = QJsonObject{{QStringLiteral("build"), buildJson},
                            {QStringLiteral("ann"), annRows},
                            {QStringLiteral("qps_at_recall_0.95"), atRecallJson(side.atTarget)}};

    if (extras)
        runExtras(index, path, extrasOut);
    else
        index->close();
    index.reset();
    if (!keep || !extras) QDir(path).removeRecursively();
    return side;
}

// Filtered queries at 50 %, 5 % and 0.1 % selectivity with the planner on
// auto, on items that carry the bench's metadata: recall@10 against the
// exact top-10 among the matching items, latency, and the plans chosen.
QJsonArray filteredQueries(Index &index, const Data &data)
{
    QJsonArray filtered;
    struct Selectivity {
        const char *name;
        QByteArray filter;
    };
    const Selectivity selectivities[] = {{"50%", R"({"s50": 0})"}, {"5%", R"({"s5": 0})"}, {"0.1%", R"({"s01": 0})"}};
    for (const auto &sel : selectivities) {
        // Ground truth: the exact top-10 among matching items.
        std::vector<QStringList> ftruth(static_cast<size_t>(data.q));
        for (qint64 i = 0; i < data.q; ++i) {
            QueryRequest r;
            r.vector = queryVector(data, i);
            r.k = 10;
            r.mode = QueryMode::Exact;
            r.filter = sel.filter;
            r.withMetadata = false;
            const Result<QueryResult> res = index.query(r);
            if (res.ok()) ftruth[size_t(i)] = hitIds(*res);
        }
        const RunStats warm = runQueries(index, data, ftruth, QueryMode::Auto, 0, sel.filter, false);
        const RunStats s = runQueries(index, data, ftruth, QueryMode::Auto, 0, sel.filter, false);
        const QJsonObject lat = latencySummary(s.ms);
        // The slowest 1 % of the measured pass, and how many of those queries
        // were among the slowest 1 % of the first pass too: a tail of the
        // same queries is in the data, a tail of different ones is not.
        const auto slowest = [](const std::vector<double> &ms) {
            std::vector<size_t> order(ms.size());
            for (size_t i = 0; i < order.size(); ++i)
                order[i] = i;
            const size_t n = std::max<size_t>(1, ms.size() / 100);
            std::partial_sort(order.begin(), order.begin() + ptrdiff_t(std::min(n, order.size())), order.end(),
                              [&](size_t a, size_t b) { return ms[a] > ms[b]; });
            order.resize(std::min(n, order.size()));
            return order;
        };
        const std::vector<size_t> slow = slowest(s.ms), slowWarm = slowest(warm.ms);
        QJsonArray slowJson;
        int inBoth = 0;
        for (const size_t i : slow) {
            slowJson.append(QJsonArray{double(i), s.ms[i]});
            inBoth += std::find(slowWarm.begin(), slowWarm.end(), i) != slowWarm.end();
        }
        filtered.append(
            QJsonObject{{QStringLiteral("selectivity"), QLatin1String(sel.name)},
                        {QStringLiteral("slowest_1_percent"), slowJson},
                        {QStringLiteral("slowest_1_percent_also_in_first_pass"), inBoth},
                        {QStringLiteral("filter"), QString::fromUtf8(sel.filter)},
                        {QStringLiteral("recall_at_10"), s.recall},
                        {QStringLiteral("qps_1_thread"), double(data.q) / s.seconds},
                        {QStringLiteral("latency"), lat},
                        {QStringLiteral("first_pass_max_ms"), latencySummary(warm.ms).value(QStringLiteral("max_ms"))},
                        {QStringLiteral("strategies"), strategiesJson(s.strategies)},
                        {QStringLiteral("max_ef"), s.maxEf},
                        {QStringLiteral("targets"),
                         QJsonArray{target(QStringLiteral("recall@10"), QStringLiteral(">="), 0.95, s.recall, {}),
                                    target(QStringLiteral("p99"), QStringLiteral("<="), 5,
                                           lat.value(QStringLiteral("p99_ms")).toDouble(), QStringLiteral("ms"))}}});
        progress(QStringLiteral("filter %1: recall %2, p50 %3 ms, p99 %4 ms")
                     .arg(QLatin1String(sel.name))
                     .arg(s.recall, 0, 'f', 3)
                     .arg(lat.value(QStringLiteral("p50_ms")).toDouble(), 0, 'f', 2)
                     .arg(lat.value(QStringLiteral("p99_ms")).toDouble(), 0, 'f', 2));
    }
    return filtered;
}

void SearchBench::runExtras(std::shared_ptr<Index> &index, const QString &path, QJsonObject *out)
{
    {
        const RunStats s = runQueries(*index, data, truth, QueryMode::Ann, 64, {}, true);
        (*out)[QStringLiteral("ann_ef64_with_metadata")] =
            QJsonObject{{QStringLiteral("recall_at_10"), s.recall},
                        {QStringLiteral("qps_1_thread"), double(data.q) / s.seconds},
                        {QStringLiteral("latency"), latencySummary(s.ms)}};
    }

    // ---- filtered queries, planner on auto
    // Items imported by sextant-cli carry no metadata to filter on.
    if (cliImport) {
        progress(QStringLiteral("filtered queries skipped: the items sextant-cli imported have no metadata"));
        (*out)[QStringLiteral("filtered")] = QJsonArray();
    } else {
        (*out)[QStringLiteral("filtered")] = filteredQueries(*index, data);
    }

    // ---- the tuned ef: what queries that set no ef get (docs/search.md, "Tuned ef")
    {
        const GraphStatus g = index->graphStatus();
        const RunStats ann = runQueries(*index, data, truth, QueryMode::Ann, 0, {}, false);
        const RunStats autoRun = runQueries(*index, data, truth, QueryMode::Auto, 0, {}, false);
        (*out)[QStringLiteral("tuned")] = QJsonObject{
            {QStringLiteral("target_recall"), g.targetRecall},
            {QStringLiteral("tuned_ef"), g.tunedEf},
            {QStringLiteral("tuned_recall_on_sample"), g.tunedRecall},
            {QStringLiteral("ann_default_ef"),
             QJsonObject{{QStringLiteral("recall_at_10"), ann.recall},
                         {QStringLiteral("qps_1_thread"), double(data.q) / ann.seconds},
                         {QStringLiteral("latency"), latencySummary(ann.ms)}}},
            {QStringLiteral("auto"), QJsonObject{{QStringLiteral("recall_at_10"), autoRun.recall},
                                                 {QStringLiteral("qps_1_thread"), double(data.q) / autoRun.seconds},
                                                 {QStringLiteral("latency"), latencySummary(autoRun.ms)},
                                                 {QStringLiteral("strategies"), strategiesJson(autoRun.strategies)}}}};
        progress(QStringLiteral("tuned ef %1 (target %2): ANN recall %3, %4 q/s; auto recall %5, %6 q/s")
                     .arg(g.tunedEf)
                     .arg(g.targetRecall)
                     .arg(ann.recall, 0, 'f', 3)
                     .arg(double(data.q) / ann.seconds, 0, 'f', 0)
                     .arg(autoRun.recall, 0, 'f', 3)
                     .arg(double(data.q) / autoRun.seconds, 0, 'f', 0));
    }

    // ---- estimateRecall (what the GUI's health display shows)
    {
        const auto t0 = std::chrono::steady_clock::now();
        const Result<RecallEstimate> est = index->estimateRecall(100, 10);
        if (est.ok())
            (*out)[QStringLiteral("estimate_recall")] = QJsonObject{{QStringLiteral("sample"), est->queries},
                                                                    {QStringLiteral("recall_at_10"), est->recall},
                                                                    {QStringLiteral("ms"), msSince(t0)}};
    }

    // ---- delete half the items: the background rebuild (docs/search.md, "Background rebuild")
    if (deleteHalf) {
        const GraphStatus before = index->graphStatus();
        const auto t0 = std::chrono::steady_clock::now();
        for (qint64 start = 0; start < data.n; start += 2 * batchSize) {
            QList<WriteOp> batch;
            for (qint64 i = start; i < std::min(data.n, start + 2 * batchSize); i += 2)
                batch.append(WriteOp::remove(idOf(i)));
            QFuture<WriteResult> f = index->write(std::move(batch), Priority::Bulk);
            f.waitForFinished();
        }
        const double deleteMs = msSince(t0);
        const bool ready = index->waitForGraph(4 * 3600 * 1000);
        const double readyMs = msSince(t0);
        const GraphStatus after = index->graphStatus();
        // The truth among the remaining items.
        std::vector<QStringList> rtruth(static_cast<size_t>(data.q));
        for (qint64 i = 0; i < data.q; ++i) {
            QueryRequest r;
            r.vector = queryVector(data, i);
            r.k = 10;
            r.mode = QueryMode::Exact;
            r.withMetadata = false;
            const Result<QueryResult> res = index->query(r);
            if (res.ok()) rtruth[size_t(i)] = hitIds(*res);
        }
        const RunStats s64 = runQueries(*index, data, rtruth, QueryMode::Ann, 64, {}, false);
        const RunStats tuned = runQueries(*index, data, rtruth, QueryMode::Ann, 0, {}, false);
        (*out)[QStringLiteral("delete_half")] = QJsonObject{
            {QStringLiteral("deleted"), double((data.n + 1) / 2)},
            {QStringLiteral("delete_ms"), deleteMs},
            {QStringLiteral("graph_current_after_ms"), ready ? readyMs : -1},
            {QStringLiteral("note"), QStringLiteral("graph_current_after_ms: from the first delete until the graph "
                                                    "was rebuilt, swapped in, saved and its ef measured again")},
            {QStringLiteral("rebuilds"), after.rebuilds},
            {QStringLiteral("graph_memory_MiB_before"), double(before.memoryBytes) / (1024.0 * 1024.0)},
            {QStringLiteral("graph_memory_MiB_after"), double(after.memoryBytes) / (1024.0 * 1024.0)},
            {QStringLiteral("deleted_in_graph_after"), double(after.deleted)},
            {QStringLiteral("tuned_ef_after"), after.tunedEf},
            {QStringLiteral("ef64"), QJsonObject{{QStringLiteral("recall_at_10"), s64.recall},
                                                 {QStringLiteral("qps_1_thread"), double(data.q) / s64.seconds}}},
            {QStringLiteral("tuned_ef"),
             QJsonObject{{QStringLiteral("recall_at_10"), tuned.recall},
                         {QStringLiteral("qps_1_thread"), double(data.q) / tuned.seconds}}}};
        progress(QStringLiteral("deleted half: graph current after %1 s (%2 rebuild(s)), memory %3 -> %4 MiB, "
                                "recall@10 at ef 64 %5")
                     .arg(readyMs / 1000.0, 0, 'f', 1)
                     .arg(after.rebuilds)
                     .arg(double(before.memoryBytes) / (1024.0 * 1024.0), 0, 'f', 1)
                     .arg(double(after.memoryBytes) / (1024.0 * 1024.0), 0, 'f', 1)
                     .arg(s64.recall, 0, 'f', 3));
    }

    // ---- close (saves the graph) and reopen (loads it)
    const auto t0 = std::chrono::steady_clock::now();
    index->close();
    const double closeMs = msSince(t0);
    index.reset();
    const auto t1 = std::chrono::steady_clock::now();
    Result<std::shared_ptr<Index>> reopened = Index::open(path, options);
    const double openMs = msSince(t1);
    double readyMs = -1;
    if (reopened.ok() && (*reopened)->waitForGraph(600000)) readyMs = msSince(t1);
    (*out)[QStringLiteral("persist")] =
        QJsonObject{{QStringLiteral("close_with_graph_save_ms"), closeMs},
                    {QStringLiteral("open_ms"), openMs},
                    {QStringLiteral("graph_ready_after_open_ms"), readyMs},
                    {QStringLiteral("folder_MiB"), double(folderBytes(path)) / (1024.0 * 1024.0)}};
    if (reopened.ok()) (*reopened)->close();
}

// `sextant-cli create` with the bench's graph parameters, then `sextant-cli
// import` of the base rows (which waits for the graph and saves it), timed
// together; the peak memory is the larger child's.
bool SearchBench::buildWithCli(int run, const QString &path, SideRun *side)
{
    const QStringList create{QStringLiteral("create"),
                             path,
                             QStringLiteral("--dims"),
                             QString::number(data.dims),
                             QStringLiteral("--metric"),
                             QStringLiteral("cosine"),
                             QStringLiteral("--m"),
                             QString::number(m),
                             QStringLiteral("--ef-construction"),
                             QString::number(efc),
                             QStringLiteral("--quantization"),
                             quantizationName(quantization),
                             QStringLiteral("--durability"),
                             QStringLiteral("normal")};
    const QStringList import{QStringLiteral("import"), path, cliBaseFile};
    progress(
        QStringLiteral("run %1, Sextant: %2 %3 && %2 %4").arg(run).arg(cliPath, create.join(u' '), import.join(u' ')));
    const ChildRun c = runMeasuredChild(cliPath, create);
    if (!c.ok) {
        std::fprintf(stderr, "sextant-bench search: %s\n", qPrintable(c.error));
        return false;
    }
    const ChildRun i = runMeasuredChild(cliPath, import);
    if (!i.ok) {
        std::fprintf(stderr, "sextant-bench search: %s\n", qPrintable(i.error));
        return false;
    }
    side->buildSeconds = c.seconds + i.seconds;
    const double peakMiB = double(std::max(c.peakRssKiB, i.peakRssKiB)) / 1024.0;
    side->peakRssMiB = peakMiB;
    side->json[QStringLiteral("build")] =
        QJsonObject{{QStringLiteral("by"), QStringLiteral("sextant-cli create + import (child programs)")},
                    {QStringLiteral("create_s"), c.seconds},
                    {QStringLiteral("import_with_graph_s"), i.seconds},
                    {QStringLiteral("peak_rss_MiB"), peakMiB},
                    {QStringLiteral("peak_rss_by"),
                     QStringLiteral("wait4() of a launcher-started child: the program's own peak (ChildProcess.h)")},
                    {QStringLiteral("launcher_rss_MiB"), double(i.launcherRssKiB) / 1024.0}};
    progress(QStringLiteral("run %1, Sextant: sextant-cli import with graph %2 s, peak memory %3 MiB")
                 .arg(run)
                 .arg(side->buildSeconds, 0, 'f', 1)
                 .arg(peakMiB, 0, 'f', 0));
    return true;
}

std::optional<SideRun> SearchBench::runPeer(int run)
{
    QStringList efList;
    for (int ef : efs)
        efList << QString::number(ef);
    const QStringList args{
        QStringLiteral("--base"), data.file, QStringLiteral("--rows"), QString::number(data.n + data.q),
        QStringLiteral("--queries"), QString::number(data.q), QStringLiteral("--metric"), QStringLiteral("cosine"),
        QStringLiteral("--m"), QString::number(m), QStringLiteral("--ef-construction"), QString::number(efc),
        QStringLiteral("--threads"), QString::number(buildThreads), QStringLiteral("--efs"), efList.join(u','),
        QStringLiteral("-k"), QStringLiteral("10"), QStringLiteral("--truth"), truthFile,
        // The agreement check costs a brute-force pass; once is enough.
        QStringLiteral("--check-truth"), QString::number(run == 1 ? checkTruth : 0), QStringLiteral("--warmup"),
        QString::number(warmup)};
    progress(QStringLiteral("run %1, hnswlib: %2 %3").arg(run).arg(peerPath, args.join(u' ')));
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(peerPath, args);
    if (!p.waitForStarted(30000)) {
        std::fprintf(stderr, "sextant-bench search: cannot start %s: %s\n", qPrintable(peerPath),
                     qPrintable(p.errorString()));
        return std::nullopt;
    }
    p.waitForFinished(-1);
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "sextant-bench search: %s failed (exit %d)\n", qPrintable(peerPath), p.exitCode());
        return std::nullopt;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(out.trimmed(), &err);
    if (!doc.isObject()) {
        std::fprintf(stderr, "sextant-bench search: %s printed no JSON object: %s\n", qPrintable(peerPath),
                     qPrintable(err.errorString()));
        return std::nullopt;
    }
    SideRun side;
    side.json = doc.object();
    side.buildSeconds = side.json.value(QStringLiteral("build_s")).toDouble();
    side.peakRssMiB = side.json.value(QStringLiteral("peak_rss_MiB")).toDouble();
    side.graphRssMiB = side.json.value(QStringLiteral("graph_rss_growth_MiB")).toDouble();
    for (const QJsonValue &v : side.json.value(QStringLiteral("ann")).toArray()) {
        const QJsonObject o = v.toObject();
        EfPoint pt;
        pt.ef = o.value(QStringLiteral("ef")).toInt();
        pt.recall = o.value(QStringLiteral("recall_at_k")).toDouble();
        pt.qps = o.value(QStringLiteral("qps_1_thread")).toDouble();
        pt.p50 = o.value(QStringLiteral("p50_ms")).toDouble();
        pt.p99 = o.value(QStringLiteral("p99_ms")).toDouble();
        pt.cpuQps = o.value(QStringLiteral("queries_per_cpu_s")).toDouble();
        side.points.push_back(pt);
    }
    if (side.points.size() != size_t(efs.size())) {
        std::fprintf(stderr, "sextant-bench search: %s reported %zu ef points, expected %lld\n", qPrintable(peerPath),
                     side.points.size(), qlonglong(efs.size()));
        return std::nullopt;
    }
    side.atTarget = qpsAtRecall(side.points, kRecallTarget);
    side.json[QStringLiteral("qps_at_recall_0.95")] = atRecallJson(side.atTarget);
    return side;
}

// The peer program: --peer, else next to sextant-bench, else where this build put it.
QString findPeer(const QString &option)
{
    if (!option.isEmpty()) return option;
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/sextant-hnswlib-peer");
    if (QFileInfo(beside).isExecutable()) return beside;
    const QString built = QStringLiteral(SEXTANT_HNSWLIB_PEER_PATH);
    if (!built.isEmpty() && QFileInfo(built).isExecutable()) return built;
    return {};
}

// --reopen: opens an existing index `runs` times in this process and
// times each open, until the graph serves queries (loaded and reconciled:
// state Ready, nothing pending) and until it is current (waitForGraph: also
// the upkeep after it, which times the planner's scans). The index is not
// changed; opening it as a writer saves nothing when nothing changed.
// With `base` (the data file the index was built from), each open is then
// queried with the file's last `queries` rows at every ef of `efs` (q/s only:
// the same graph gives the same recall).
int reopenOnly(const QString &path, int runs, bool pretty, const QString &base, qint64 queries, const QList<int> &efs,
               bool filters)
{
    setPrettyOutput(pretty);
    Data data;
    if (!base.isEmpty()) {
        std::vector<float> all;
        if (const QString err = readVectors(base, &all, &data.dims, -1); !err.isEmpty()) {
            std::fprintf(stderr, "sextant-bench search --reopen: %s\n", qPrintable(err));
            return 2;
        }
        const qint64 rows = data.dims > 0 ? qint64(all.size()) / data.dims : 0;
        data.q = std::min(queries, rows);
        data.queries.assign(all.end() - ptrdiff_t(data.q * data.dims), all.end());
    }
    OpenOptions options;
    options.applicationName = QStringLiteral("sextant-bench");
    std::vector<double> opens, serving, ready;
    for (int run = 1; run <= runs; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        Result<std::shared_ptr<Index>> opened = Index::open(path, options);
        const double openMs = msSince(t0);
        if (!opened.ok()) {
            std::fprintf(stderr, "sextant-bench search --reopen: %s\n", qPrintable(opened.error().message()));
            return 1;
        }
        const std::shared_ptr<Index> index = opened.takeValue();
        double servingMs = -1;
        for (;;) {
            const GraphStatus s = index->graphStatus();
            if (s.state == GraphStatus::State::Ready && s.pending == 0) {
                servingMs = msSince(t0);
                break;
            }
            if (s.state == GraphStatus::State::Failed || msSince(t0) > 600000) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        const bool current = index->waitForGraph(600000);
        const double readyMs = current ? msSince(t0) : -1;
        const GraphStatus s = index->graphStatus();
        QJsonObject perEf;
        for (const int ef : efs) {
            if (data.q == 0) break;
            const RunStats st = runQueries(*index, data, {}, QueryMode::Ann, ef, {}, false);
            const double qps = double(data.q) / st.seconds;
            perEf[QString::number(ef)] = qps;
            progress(QStringLiteral("reopen %1: ef %2: %3 q/s").arg(run).arg(ef).arg(qps, 0, 'f', 0));
        }
        QJsonArray filtered;
        // The bench's own in-process indexes carry the metadata the filters test.
        if (filters && data.q > 0) filtered = filteredQueries(*index, data);
        index->close();
        opens.push_back(openMs);
        serving.push_back(servingMs);
        ready.push_back(readyMs);
        progress(QStringLiteral("reopen %1: open %2 ms, graph serving after %3 ms, current after %4 ms (%5 items)")
                     .arg(run)
                     .arg(openMs, 0, 'f', 1)
                     .arg(servingMs, 0, 'f', 1)
                     .arg(readyMs, 0, 'f', 1)
                     .arg(s.items));
        emitJson(QJsonObject{{QStringLiteral("scenario"), QStringLiteral("reopen")},
                             {QStringLiteral("run"), run},
                             {QStringLiteral("items"), double(s.items)},
                             {QStringLiteral("open_ms"), openMs},
                             {QStringLiteral("graph_serving_after_open_ms"), servingMs},
                             {QStringLiteral("graph_current_after_open_ms"), readyMs},
                             {QStringLiteral("qps_1_thread_by_ef"), perEf},
                             {QStringLiteral("filtered"), filtered}});
    }
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    emitJson(QJsonObject{{QStringLiteral("scenario"), QStringLiteral("reopen_median")},
                         {QStringLiteral("runs"), runs},
                         {QStringLiteral("open_ms"), median(opens)},
                         {QStringLiteral("graph_serving_after_open_ms"), median(serving)},
                         {QStringLiteral("graph_current_after_open_ms"), median(ready)}});
    return 0;
}

} // namespace

int runSearch(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Search: Sextant beside raw hnswlib (sextant-hnswlib-peer, -O3 -march=native) on the same data file; "
        "per ef QPS, p50, p99, recall@10, QPS at recall@10 0.95, medians of alternating runs; then filtered "
        "queries, exact scan, save and reopen."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("n"),
         QStringLiteral("Items (generated: default 100000, --quick 10000; with --base: all rows but the queries)."),
         QStringLiteral("count")},
        {QStringLiteral("dims"), QStringLiteral("Dimensions of generated data (default 384)."), QStringLiteral("d")},
        {QStringLiteral("queries"), QStringLiteral("Queries (default 1000; --quick 200)."), QStringLiteral("count")},
        {QStringLiteral("clusters"), QStringLiteral("Clusters of generated data (default 100)."),
         QStringLiteral("count")},
        {QStringLiteral("efs"), QStringLiteral("ef values to measure (default 10,16,24,32,48,64,96,128,192,256)."),
         QStringLiteral("list")},
        {QStringLiteral("m"), QStringLiteral("HNSW M (default 16)."), QStringLiteral("M")},
        {QStringLiteral("ef-construction"), QStringLiteral("HNSW efConstruction (default 200)."), QStringLiteral("ef")},
        {QStringLiteral("base"),
         QStringLiteral(
             "Read vectors from an .fvecs or .npy file; the last --queries of the rows read are the queries."),
         QStringLiteral("file")},
        {QStringLiteral("runs"), QStringLiteral("Runs of both sides, taking turns going first (default 3; --quick 2)."),
         QStringLiteral("count")},
        {QStringLiteral("peer"),
         QStringLiteral("The sextant-hnswlib-peer program (default: the one beside sextant-bench)."),
         QStringLiteral("path")},
        {QStringLiteral("build-threads"), QStringLiteral("The peer's build threads (default 2)."),
         QStringLiteral("count")},
        {QStringLiteral("warmup"),
         QStringLiteral("Unmeasured queries before the first ef, on both sides (default 200)."),
         QStringLiteral("count")},
        {QStringLiteral("no-peer"), QStringLiteral("Sextant alone: no raw hnswlib beside it.")},
        {QStringLiteral("no-extras"), QStringLiteral("Skip filtered queries, estimateRecall and save/reopen.")},
        {QStringLiteral("batch"), QStringLiteral("Import batch size (default 10000)."), QStringLiteral("count")},
        {QStringLiteral("delete-half"),
         QStringLiteral("Extras: then delete every other item and time the background graph rebuild.")},
        {QStringLiteral("quantization"),
         QStringLiteral("How Sextant's graph holds vectors: sq8 (8-bit codes, reranked with the float vectors; "
                        "the default) or none (float copies)."),
         QStringLiteral("kind")},
        {QStringLiteral("cli-import"),
         QStringLiteral("Build each Sextant index as a user would: sextant-cli create, then sextant-cli import of "
                        "the base rows written to an .fvecs file, timed as child programs with their peak memory "
                        "(no filtered queries then: the items have no metadata).")},
        {QStringLiteral("cli"),
         QStringLiteral("The sextant-cli program for --cli-import (default: the one this build made)."),
         QStringLiteral("path")},
        {QStringLiteral("reopen"),
         QStringLiteral("Only reopen this existing index --runs times (default 3): time the open, until its graph "
                        "serves queries and until it is current; with --base and --efs, then the q/s of the "
                        "file's last --queries rows at each ef; with --base and --filters, the filtered queries "
                        "at 50 %, 5 % and 0.1 % (an index a run kept with --keep: its items carry the filters' "
                        "fields)."),
         QStringLiteral("index")},
        {QStringLiteral("filters"), QStringLiteral("With --reopen and --base: the filtered queries too.")},
    });
    parser.process(args);
    const CommonOptions common = commonOptions(parser);
    setPrettyOutput(common.pretty);
    auto intOpt = [&](const char *name, qint64 def, qint64 min) {
        const QString v = parser.value(QLatin1String(name));
        if (v.isEmpty()) return def;
        bool ok = false;
        const qint64 x = v.toLongLong(&ok);
        if (!ok || x < min) {
            std::fprintf(stderr, "sextant-bench search: --%s: expected a whole number of at least %lld, got '%s'\n",
                         name, qlonglong(min), qPrintable(v));
            std::exit(2);
        }
        return x;
    };
    const bool fromFile = parser.isSet(QStringLiteral("base"));
    const qint64 n = intOpt("n", fromFile ? -1 : (common.quick ? 10000 : 100000), 1);
    const qint64 q = intOpt("queries", common.quick ? 200 : 1000, 1);
    const int dims = int(intOpt("dims", 384, 1));
    const int clusters = int(intOpt("clusters", 100, 1));
    const int runs = int(intOpt("runs", common.quick ? 2 : 3, 1));
    SearchBench bench;
    bench.m = int(intOpt("m", 16, 2));
    bench.efc = int(intOpt("ef-construction", 200, 1));
    bench.buildThreads = int(intOpt("build-threads", 2, 1));
    bench.warmup = intOpt("warmup", 200, 0);
    bench.batchSize = intOpt("batch", 10000, 1);
    bench.keep = common.keep;
    bench.deleteHalf = parser.isSet(QStringLiteral("delete-half"));
    if (parser.isSet(QStringLiteral("quantization"))) {
        const auto kind = quantizationFromName(parser.value(QStringLiteral("quantization")));
        if (!kind) {
            std::fprintf(stderr, "sextant-bench search: --quantization: expected none or sq8, got '%s'\n",
                         qPrintable(parser.value(QStringLiteral("quantization"))));
            return 2;
        }
        bench.quantization = *kind;
    }
    bench.cliImport = parser.isSet(QStringLiteral("cli-import"));
    if (bench.cliImport) {
        bench.cliPath = parser.value(QStringLiteral("cli"));
        if (bench.cliPath.isEmpty()) {
            const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/sextant-cli");
            bench.cliPath = QFileInfo(beside).isExecutable() ? beside : QStringLiteral(SEXTANT_CLI_PATH);
        }
        if (!QFileInfo(bench.cliPath).isExecutable()) {
            std::fprintf(stderr, "sextant-bench search: --cli-import: no sextant-cli at %s; name it with --cli\n",
                         qPrintable(bench.cliPath));
            return 2;
        }
        g_cliIds = true;
    }
    bench.options.applicationName = QStringLiteral("sextant-bench");
    for (const QString &e : parser.value(QStringLiteral("efs")).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int ef = e.trimmed().toInt(&ok);
        if (!ok || ef < 1) {
            std::fprintf(stderr, "sextant-bench search: --efs: '%s' is not an ef\n", qPrintable(e));
            return 2;
        }
        bench.efs << ef;
    }
    if (bench.efs.isEmpty()) bench.efs = {10, 16, 24, 32, 48, 64, 96, 128, 192, 256};
    std::sort(bench.efs.begin(), bench.efs.end());
    bench.efs.erase(std::unique(bench.efs.begin(), bench.efs.end()), bench.efs.end());

    if (parser.isSet(QStringLiteral("reopen")))
        return reopenOnly(
            parser.value(QStringLiteral("reopen")), runs, common.pretty, parser.value(QStringLiteral("base")), q,
            parser.isSet(QStringLiteral("efs")) ? bench.efs : QList<int>(), parser.isSet(QStringLiteral("filters")));
    const bool withPeer = !parser.isSet(QStringLiteral("no-peer"));
    if (withPeer) {
        bench.peerPath = findPeer(parser.value(QStringLiteral("peer")));
        if (bench.peerPath.isEmpty()) {
            std::fprintf(stderr,
                         "sextant-bench search: sextant-hnswlib-peer was not found beside sextant-bench; build the "
                         "target sextant-hnswlib-peer, name it with --peer, or run with --no-peer\n");
            return 2;
        }
    }

    QTemporaryDir scratch((common.dir.isEmpty() ? QDir::tempPath() : common.dir) +
                          QStringLiteral("/sextant-bench-search-XXXXXX"));
    if (!scratch.isValid()) {
        std::fprintf(stderr, "sextant-bench search: cannot create a scratch folder: %s\n",
                     qPrintable(scratch.errorString()));
        return 1;
    }
    scratch.setAutoRemove(!common.keep);
    bench.scratch = scratch.path();

    // ---- data: one file both sides read
    Data &data = bench.data;
    if (fromFile) {
        data.file = QFileInfo(parser.value(QStringLiteral("base"))).absoluteFilePath();
        data.source = data.file;
    } else {
        data.file =
            scratch.filePath(QStringLiteral("clustered-%1x%2-seed%3.fvecs").arg(n + q).arg(dims).arg(common.seed));
        data.source = QStringLiteral("clustered unit vectors: %1 clusters, seed %2, written to the scratch folder")
                          .arg(clusters)
                          .arg(common.seed);
        progress(QStringLiteral("writing %1 x %2 clustered vectors to %3").arg(n + q).arg(dims).arg(data.file));
        if (const QString err = writeClustered(data.file, n + q, dims, clusters, common.seed); !err.isEmpty()) {
            std::fprintf(stderr, "sextant-bench search: %s\n", qPrintable(err));
            return 1;
        }
    }
    {
        std::vector<float> all;
        int d = 0;
        if (const QString err = readVectors(data.file, &all, &d, n < 0 ? -1 : n + q); !err.isEmpty()) {
            std::fprintf(stderr, "sextant-bench search: %s\n", qPrintable(err));
            return 2;
        }
        const qint64 rows = d > 0 ? qint64(all.size()) / d : 0;
        if (rows < 20) {
            std::fprintf(stderr, "sextant-bench search: %s holds %lld rows; at least 20 are needed\n",
                         qPrintable(data.file), qlonglong(rows));
            return 2;
        }
        data.dims = d;
        data.q = std::min(q, rows / 10);
        data.n = rows - data.q;
        data.base.assign(all.begin(), all.begin() + data.n * d);
        data.queries.assign(all.begin() + data.n * d, all.end());
    }

    if (bench.cliImport) {
        // sextant-cli names the items of v.fvecs v:0, v:1, ... (idOf).
        bench.cliBaseFile = scratch.filePath(QStringLiteral("v.fvecs"));
        QFile f(bench.cliBaseFile);
        bool written = f.open(QIODevice::WriteOnly | QIODevice::NewOnly);
        const qint32 d = data.dims;
        for (qint64 i = 0; written && i < data.n; ++i)
            written = f.write(reinterpret_cast<const char *>(&d), 4) == 4 &&
                      f.write(reinterpret_cast<const char *>(&data.base[size_t(i) * size_t(d)]), qint64(d) * 4) ==
                          qint64(d) * 4;
        if (!written || !f.flush()) {
            std::fprintf(stderr, "sextant-bench search: cannot write %s: %s\n", qPrintable(bench.cliBaseFile),
                         qPrintable(f.errorString()));
            return 1;
        }
    }

    QJsonObject out;
    out[QStringLiteral("bench")] = QStringLiteral("search");
    out[QStringLiteral("machine")] = machineInfo(scratch.path());
    out[QStringLiteral("data")] = QJsonObject{{QStringLiteral("file"), data.file},
                                              {QStringLiteral("source"), data.source},
                                              {QStringLiteral("items"), double(data.n)},
                                              {QStringLiteral("dims"), data.dims},
                                              {QStringLiteral("queries"), double(data.q)},
                                              {QStringLiteral("queries_are"), QStringLiteral("the last rows read")},
                                              {QStringLiteral("metric"), QStringLiteral("cosine")}};
    QJsonArray efJson;
    for (int ef : bench.efs)
        efJson.append(ef);
    out[QStringLiteral("params")] = QJsonObject{{QStringLiteral("M"), bench.m},
                                                {QStringLiteral("efConstruction"), bench.efc},
                                                {QStringLiteral("quantization"), quantizationName(bench.quantization)},
                                                {QStringLiteral("k"), 10},
                                                {QStringLiteral("efs"), efJson},
                                                {QStringLiteral("runs"), runs},
                                                {QStringLiteral("warmup_queries"), double(bench.warmup)},
                                                {QStringLiteral("query_threads"), 1},
                                                {QStringLiteral("peer_build_threads"), bench.buildThreads}};

    // ---- the runs: Sextant first in odd runs (the first computes the truth), the peer first in even ones
    std::vector<SideRun> sextantRuns, peerRuns;
    QJsonArray runsJson;
    QJsonObject extras;
    for (int run = 1; run <= runs; ++run) {
        const bool sextantFirst = !withPeer || run % 2 == 1;
        QJsonObject runJson{{QStringLiteral("run"), run}};
        QJsonArray order;
        for (int turn = 0; turn < (withPeer ? 2 : 1); ++turn) {
            const bool sextantTurn = (turn == 0) == sextantFirst;
            const QString load = loadAverage();
            if (sextantTurn) {
                std::optional<SideRun> s =
                    bench.runSextant(run, run == 1, run == runs && !parser.isSet(QStringLiteral("no-extras")), &extras);
                if (!s) return 1;
                s->json[QStringLiteral("loadavg_before")] = load;
                runJson[QStringLiteral("sextant")] = s->json;
                sextantRuns.push_back(*s);
                order.append(QStringLiteral("sextant"));
            } else {
                std::optional<SideRun> p = bench.runPeer(run);
                if (!p) return 1;
                p->json[QStringLiteral("loadavg_before")] = load;
                runJson[QStringLiteral("hnswlib")] = p->json;
                peerRuns.push_back(*p);
                order.append(QStringLiteral("hnswlib"));
            }
        }
        runJson[QStringLiteral("order")] = order;
        runsJson.append(runJson);
    }
    out[QStringLiteral("runs")] = runsJson;
    for (auto it = bench.once.begin(); it != bench.once.end(); ++it)
        out[it.key()] = it.value();
    for (auto it = extras.begin(); it != extras.end(); ++it)
        out[it.key()] = it.value();

    // ---- medians over the runs
    auto sideMedians = [&](const std::vector<SideRun> &side, size_t efIndex) {
        std::vector<double> qps, p50, p99, recall, cpuQps;
        for (const SideRun &r : side) {
            qps.push_back(r.points[efIndex].qps);
            p50.push_back(r.points[efIndex].p50);
            p99.push_back(r.points[efIndex].p99);
            recall.push_back(r.points[efIndex].recall);
            cpuQps.push_back(r.points[efIndex].cpuQps);
        }
        return EfPoint{
            bench.efs[qsizetype(efIndex)], median(recall), median(qps), median(p50), median(p99), median(cpuQps)};
    };
    auto pointJson = [](const EfPoint &p) {
        return QJsonObject{{QStringLiteral("qps"), p.qps},
                           {QStringLiteral("p50_ms"), p.p50},
                           {QStringLiteral("p99_ms"), p.p99},
                           {QStringLiteral("recall_at_10"), p.recall},
                           {QStringLiteral("queries_per_cpu_s"), p.cpuQps}};
    };
    QJsonArray perEf;
    QStringList table;
    table << QStringLiteral("medians of %1 run(s), %2 x %3, %4 queries, M %5, efConstruction %6:")
                 .arg(runs)
                 .arg(data.n)
                 .arg(data.dims)
                 .arg(data.q)
                 .arg(bench.m)
                 .arg(bench.efc);
    table << QStringLiteral("    ef | Sextant q/s  q/CPU-s  p50 ms  p99 ms  recall |%1")
                 .arg(withPeer ? QStringLiteral(" hnswlib q/s  q/CPU-s  p50 ms  p99 ms  recall | ratio q/s  q/CPU-s")
                               : QString());
    for (size_t i = 0; i < size_t(bench.efs.size()); ++i) {
        const EfPoint s = sideMedians(sextantRuns, i);
        QJsonObject row{{QStringLiteral("ef"), s.ef}, {QStringLiteral("sextant"), pointJson(s)}};
        QString line = QStringLiteral("  %1 | %2  %3  %4  %5  %6 |")
                           .arg(s.ef, 4)
                           .arg(s.qps, 11, 'f', 0)
                           .arg(s.cpuQps, 7, 'f', 0)
                           .arg(s.p50, 6, 'f', 3)
                           .arg(s.p99, 6, 'f', 3)
                           .arg(s.recall, 6, 'f', 3);
        if (withPeer) {
            const EfPoint p = sideMedians(peerRuns, i);
            std::vector<double> ratios, cpuRatios;
            for (size_t r = 0; r < sextantRuns.size(); ++r) {
                ratios.push_back(sextantRuns[r].points[i].qps / peerRuns[r].points[i].qps);
                cpuRatios.push_back(sextantRuns[r].points[i].cpuQps / peerRuns[r].points[i].cpuQps);
            }
            row[QStringLiteral("hnswlib")] = pointJson(p);
            row[QStringLiteral("qps_ratio_sextant_to_hnswlib")] = median(ratios);
            row[QStringLiteral("cpu_qps_ratio_sextant_to_hnswlib")] = median(cpuRatios);
            line += QStringLiteral(" %1  %2  %3  %4  %5 | %6  %7")
                        .arg(p.qps, 11, 'f', 0)
                        .arg(p.cpuQps, 7, 'f', 0)
                        .arg(p.p50, 6, 'f', 3)
                        .arg(p.p99, 6, 'f', 3)
                        .arg(p.recall, 6, 'f', 3)
                        .arg(median(ratios), 9, 'f', 2)
                        .arg(median(cpuRatios), 7, 'f', 2);
        }
        perEf.append(row);
        table << line;
    }
    QJsonObject summary{
        {QStringLiteral("per_ef_medians"), perEf},
        {QStringLiteral("ratio_note"),
         QStringLiteral("ratios are Sextant / hnswlib within each run, then the median over the runs")}};
    auto buildMedian = [](const std::vector<SideRun> &side) {
        std::vector<double> v;
        for (const SideRun &r : side)
            v.push_back(r.buildSeconds);
        return median(v);
    };
    auto atTargetMedian = [](const std::vector<SideRun> &side, int *bracketed, bool cpu = false) {
        std::vector<double> v;
        for (const SideRun &r : side)
            if (r.atTarget.bracketed) v.push_back(cpu ? r.atTarget.cpuQps : r.atTarget.qps);
        *bracketed = int(v.size());
        return median(v);
    };
    int sextantBracketed = 0, peerBracketed = 0;
    const double sextantAt = atTargetMedian(sextantRuns, &sextantBracketed);
    const double sextantCpuAt = atTargetMedian(sextantRuns, &sextantBracketed, true);
    QJsonObject at{{QStringLiteral("recall_at_10"), kRecallTarget},
                   {QStringLiteral("sextant_qps"), numberOrNull(sextantAt)},
                   {QStringLiteral("sextant_queries_per_cpu_s"), numberOrNull(sextantCpuAt)},
                   {QStringLiteral("sextant_runs_bracketed"), sextantBracketed},
                   {QStringLiteral("sextant_note"), sextantRuns.back().atTarget.note}};
    QJsonObject buildSummary{{QStringLiteral("sextant_import_and_graph_s"), buildMedian(sextantRuns)}};
    table << QStringLiteral("build: Sextant import + graph %1 s").arg(buildMedian(sextantRuns), 0, 'f', 1);
    QString atLine =
        QStringLiteral("QPS (q/CPU-s) at recall@10 %1: Sextant %2")
            .arg(kRecallTarget)
            .arg(sextantBracketed ? QStringLiteral("%1 (%2)").arg(sextantAt, 0, 'f', 0).arg(sextantCpuAt, 0, 'f', 0)
                                  : sextantRuns.back().atTarget.note);
    if (withPeer) {
        const double peerAt = atTargetMedian(peerRuns, &peerBracketed);
        const double peerCpuAt = atTargetMedian(peerRuns, &peerBracketed, true);
        std::vector<double> ratios, cpuRatios;
        for (size_t r = 0; r < sextantRuns.size(); ++r)
            if (sextantRuns[r].atTarget.bracketed && peerRuns[r].atTarget.bracketed) {
                ratios.push_back(sextantRuns[r].atTarget.qps / peerRuns[r].atTarget.qps);
                cpuRatios.push_back(sextantRuns[r].atTarget.cpuQps / peerRuns[r].atTarget.cpuQps);
            }
        at[QStringLiteral("hnswlib_qps")] = numberOrNull(peerAt);
        at[QStringLiteral("hnswlib_queries_per_cpu_s")] = numberOrNull(peerCpuAt);
        at[QStringLiteral("cpu_ratio_sextant_to_hnswlib")] = numberOrNull(median(cpuRatios));
        at[QStringLiteral("hnswlib_runs_bracketed")] = peerBracketed;
        at[QStringLiteral("hnswlib_note")] = peerRuns.back().atTarget.note;
        at[QStringLiteral("ratio_sextant_to_hnswlib")] = numberOrNull(median(ratios));
        at[QStringLiteral("ratio_runs")] = int(ratios.size());
        buildSummary[QStringLiteral("hnswlib_build_s")] = buildMedian(peerRuns);
        buildSummary[QStringLiteral("hnswlib_build_threads")] = bench.buildThreads;
        table.last() += QStringLiteral(", hnswlib build (%1 threads) %2 s")
                            .arg(bench.buildThreads)
                            .arg(buildMedian(peerRuns), 0, 'f', 1);
        std::vector<double> buildRatios;
        for (size_t r = 0; r < sextantRuns.size(); ++r)
            buildRatios.push_back(sextantRuns[r].buildSeconds / peerRuns[r].buildSeconds);
        buildSummary[QStringLiteral("ratio_sextant_to_hnswlib")] = median(buildRatios);
        table.last() += QStringLiteral(", ratio %1").arg(median(buildRatios), 0, 'f', 2);
        if (bench.cliImport) {
            // Medians of one figure of each side over the runs, and of the per-run ratios.
            struct Medians {
                double sextant, peer, ratio;
            };
            auto medians = [&](double SideRun::*figure) {
                std::vector<double> s, p, ratios;
                for (size_t r = 0; r < sextantRuns.size(); ++r) {
                    s.push_back(sextantRuns[r].*figure);
                    p.push_back(peerRuns[r].*figure);
                    ratios.push_back(sextantRuns[r].*figure / peerRuns[r].*figure);
                }
                return Medians{median(s), median(p), median(ratios)};
            };
            const Medians peak = medians(&SideRun::peakRssMiB);
            buildSummary[QStringLiteral("sextant_cli_import_peak_rss_MiB")] = peak.sextant;
            buildSummary[QStringLiteral("hnswlib_peak_rss_MiB")] = peak.peer;
            buildSummary[QStringLiteral("peak_rss_ratio_sextant_to_hnswlib")] = peak.ratio;
            table << QStringLiteral("peak memory: sextant-cli import %1 MiB, hnswlib %2 MiB, ratio %3")
                         .arg(peak.sextant, 0, 'f', 0)
                         .arg(peak.peer, 0, 'f', 0)
                         .arg(peak.ratio, 0, 'f', 2);
            const Medians graphMemory = medians(&SideRun::graphRssMiB);
            buildSummary[QStringLiteral("sextant_open_and_graph_load_rss_anon_growth_MiB")] = graphMemory.sextant;
            buildSummary[QStringLiteral("hnswlib_graph_rss_growth_MiB")] = graphMemory.peer;
            buildSummary[QStringLiteral("graph_memory_ratio_sextant_to_hnswlib")] = graphMemory.ratio;
            table << QStringLiteral(
                         "graph memory: Sextant %1 MiB (open + graph load), hnswlib %2 MiB (build), ratio %3")
                         .arg(graphMemory.sextant, 0, 'f', 0)
                         .arg(graphMemory.peer, 0, 'f', 0)
                         .arg(graphMemory.ratio, 0, 'f', 2);
        }
        atLine += QStringLiteral(", hnswlib %1, ratio %2 (%3)")
                      .arg(peerBracketed ? QStringLiteral("%1 (%2)").arg(peerAt, 0, 'f', 0).arg(peerCpuAt, 0, 'f', 0)
                                         : peerRuns.back().atTarget.note)
                      .arg(ratios.empty() ? QStringLiteral("n/a") : QString::number(median(ratios), 'f', 2))
                      .arg(cpuRatios.empty() ? QStringLiteral("n/a") : QString::number(median(cpuRatios), 'f', 2));
        const QJsonObject first = runsJson.at(0).toObject().value(QStringLiteral("hnswlib")).toObject();
        out[QStringLiteral("peer")] = QJsonObject{{QStringLiteral("program"), bench.peerPath},
                                                  {QStringLiteral("compiler"), first.value(QStringLiteral("compiler"))},
                                                  {QStringLiteral("flags"), first.value(QStringLiteral("flags"))},
                                                  {QStringLiteral("simd"), first.value(QStringLiteral("simd"))},
                                                  {QStringLiteral("truth"), first.value(QStringLiteral("truth"))}};
        const double agreement =
            first.value(QStringLiteral("truth")).toObject().value(QStringLiteral("agreement")).toDouble(-1);
        if (agreement >= 0 && agreement < 0.99)
            progress(
                QStringLiteral("WARNING: the peer's own exact search agrees with Sextant's truth on only %1 of the "
                               "neighbours: the two sides do not search the same thing (ties among duplicate vectors "
                               "also lower this)")
                    .arg(agreement, 0, 'f', 3));
    }
    table << atLine;
    summary[QStringLiteral("build_medians")] = buildSummary;
    summary[QStringLiteral("qps_at_recall")] = at;
    summary[QStringLiteral("loadavg_at_end")] = loadAverage();
    out[QStringLiteral("summary")] = summary;
    for (const QString &line : std::as_const(table))
        progress(line);
    if (common.keep) out[QStringLiteral("scratch")] = scratch.path();
    emitJson(out);
    return 0;
}

} // namespace sextant::bench
