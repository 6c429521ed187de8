// sextant-bench search: build time, recall@k, QPS and latency per ef through
// Sextant's public query API, the same figures for raw hnswlib 0.6.2 on the
// same data (built in this process: the comparison the issue asks for),
// filtered queries at 50 %, 5 % and 0.1 % selectivity, the exact scan's
// throughput, and memory.
//
// Data: seeded clustered unit vectors (default 100,000 x 384, 100 clusters),
// or the rows of an .fvecs / .npy file (--base), whose last --queries rows
// are held out as queries. Items carry {"s50": i % 2, "s5": i % 20,
// "s01": i % 1000} so the filters {"s50": 0}, {"s5": 0}, {"s01": 0} match
// 50 %, 5 % and 0.1 % of them, independently of the vectors.
//
// This is the only translation unit of sextant-bench that includes hnswlib.

#include "BenchSupport.h"

#include "index/Index.h"

#include <hnswlib/hnswlib.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cmath>
#include <random>
#include <thread>

namespace sextant::bench {

namespace {

struct Data {
    int dims = 0;
    qint64 n = 0;
    std::vector<float> base;    // n x dims
    std::vector<float> queries; // q x dims
    qint64 q = 0;
    QString source;
};

void normalise(float *v, int dims)
{
    double s = 0;
    for (int i = 0; i < dims; ++i) s += double(v[i]) * v[i];
    const double n = std::sqrt(s);
    if (n > 0)
        for (int i = 0; i < dims; ++i) v[i] = float(v[i] / n);
}

Data clustered(qint64 n, qint64 q, int dims, int clusters, quint64 seed)
{
    Data d;
    d.dims = dims;
    d.n = n;
    d.q = q;
    d.source = QStringLiteral("clustered unit vectors: %1 clusters, seed %2").arg(clusters).arg(seed);
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> centres(size_t(clusters) * dims);
    for (float &x : centres) x = normal(rng);
    for (int c = 0; c < clusters; ++c) normalise(&centres[size_t(c) * dims], dims);
    // Spread around each centre comparable to the spread between centres,
    // so that neighbours cross cluster borders (the hard case for a graph).
    const float spread = 1.0f / std::sqrt(float(dims));
    auto point = [&](float *out) {
        const float *c = &centres[size_t(rng() % quint64(clusters)) * dims];
        for (int i = 0; i < dims; ++i) out[i] = c[i] + spread * normal(rng);
        normalise(out, dims);
    };
    d.base.resize(size_t(n) * dims);
    for (qint64 i = 0; i < n; ++i) point(&d.base[size_t(i) * dims]);
    d.queries.resize(size_t(q) * dims);
    for (qint64 i = 0; i < q; ++i) point(&d.queries[size_t(i) * dims]);
    return d;
}

// .fvecs: per row an int32 dimension then that many float32. .npy: a 2-D
// float32 or float64 C-order array (version 1.0/2.0 header).
QString readVectors(const QString &path, std::vector<float> *out, int *dims, qint64 limit)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("cannot open %1: %2").arg(path, f.errorString());
    if (path.endsWith(QLatin1String(".fvecs"))) {
        qint32 d = 0;
        while (limit < 0 || qint64(out->size()) / std::max(1, *dims) < limit) {
            if (f.read(reinterpret_cast<char *>(&d), 4) != 4) break;
            if (d <= 0 || d > 65536 || (*dims && d != *dims)) return QStringLiteral("%1: bad row dimension %2").arg(path).arg(d);
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
        const QByteArray header = f.read(headerLen);
        const bool f4 = header.contains("'<f4'"), f8 = header.contains("'<f8'");
        if ((!f4 && !f8) || header.contains("'fortran_order': True"))
            return QStringLiteral("%1: only little-endian float32/float64 C-order arrays are read").arg(path);
        const int open = header.indexOf("'shape': (");
        const int close = header.indexOf(')', open);
        const QList<QByteArray> shape = header.mid(open + 10, close - open - 10).split(',');
        if (open < 0 || shape.size() < 2) return QStringLiteral("%1: not a 2-D array").arg(path);
        qint64 rows = shape[0].trimmed().toLongLong();
        *dims = shape[1].trimmed().toInt();
        if (rows <= 0 || *dims <= 0) return QStringLiteral("%1: bad shape").arg(path);
        if (limit >= 0) rows = std::min(rows, limit);
        out->resize(size_t(rows) * size_t(*dims));
        if (f4) {
            const qint64 bytes = rows * *dims * 4;
            if (f.read(reinterpret_cast<char *>(out->data()), bytes) != bytes) return QStringLiteral("%1: truncated").arg(path);
        } else {
            std::vector<double> tmp(size_t(rows) * size_t(*dims));
            const qint64 bytes = qint64(tmp.size()) * 8;
            if (f.read(reinterpret_cast<char *>(tmp.data()), bytes) != bytes) return QStringLiteral("%1: truncated").arg(path);
            for (size_t i = 0; i < tmp.size(); ++i) (*out)[i] = float(tmp[i]);
        }
        return {};
    }
    return QStringLiteral("%1: use a .fvecs or .npy file").arg(path);
}

QStringList hitIds(const QueryResult &r)
{
    QStringList ids;
    for (const QueryHit &h : r.hits) ids << h.id;
    return ids;
}

double recallAgainst(const QStringList &got, const QStringList &truth)
{
    if (truth.isEmpty()) return 1.0;
    int found = 0;
    for (const QString &id : got) found += truth.contains(id);
    return double(found) / double(truth.size());
}

QString idOf(qint64 i) { return QStringLiteral("v%1").arg(i, 8, 10, QLatin1Char('0')); }

QVector<float> queryVector(const Data &d, qint64 i)
{
    const float *p = &d.queries[size_t(i) * size_t(d.dims)];
    return QVector<float>(p, p + d.dims);
}

struct RunStats {
    double recall = 0;
    std::vector<double> ms;
    double seconds = 0;
    QMap<QString, int> strategies;
    int fellBack = 0;
    int maxEf = 0;
};

// Runs every query once on this thread and compares with `truth`.
RunStats runQueries(Index &index, const Data &d, const std::vector<QStringList> &truth, QueryMode mode, int ef,
                    const QByteArray &filter, bool withMetadata)
{
    RunStats s;
    s.ms.reserve(size_t(d.q));
    const auto t0 = std::chrono::steady_clock::now();
    for (qint64 i = 0; i < d.q; ++i) {
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
        s.recall += recallAgainst(hitIds(*res), truth[size_t(i)]);
        s.strategies[queryStrategyName(res->strategy)] += 1;
        s.fellBack += res->fellBack;
        s.maxEf = std::max(s.maxEf, res->efUsed);
    }
    s.seconds = msSince(t0) / 1000.0;
    s.recall /= double(std::max<qint64>(d.q, 1));
    return s;
}

QJsonObject strategiesJson(const QMap<QString, int> &m)
{
    QJsonObject o;
    for (auto it = m.begin(); it != m.end(); ++it) o[it.key()] = it.value();
    return o;
}

} // namespace

int runSearch(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Search: build, recall@10, QPS and latency per ef, filtered queries, memory."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("n"), QStringLiteral("Items (default 100000; --quick 20000)."), QStringLiteral("count")},
        {QStringLiteral("dims"), QStringLiteral("Dimensions of generated data (default 384)."), QStringLiteral("d")},
        {QStringLiteral("queries"), QStringLiteral("Queries (default 1000; --quick 200)."), QStringLiteral("count")},
        {QStringLiteral("clusters"), QStringLiteral("Clusters of generated data (default 100)."), QStringLiteral("count")},
        {QStringLiteral("efs"), QStringLiteral("ef values to measure (default 16,32,64,128,256)."), QStringLiteral("list")},
        {QStringLiteral("m"), QStringLiteral("HNSW M (default 16)."), QStringLiteral("M")},
        {QStringLiteral("ef-construction"), QStringLiteral("HNSW efConstruction (default 200)."), QStringLiteral("ef")},
        {QStringLiteral("base"), QStringLiteral("Read vectors from an .fvecs or .npy file instead; its last --queries rows are the queries."),
         QStringLiteral("file")},
        {QStringLiteral("no-raw"), QStringLiteral("Skip the raw hnswlib comparison.")},
        {QStringLiteral("batch"), QStringLiteral("Import batch size (default 10000)."), QStringLiteral("count")},
    });
    parser.process(args);
    const CommonOptions common = commonOptions(parser);
    setPrettyOutput(common.pretty);
    auto intOpt = [&](const char *name, qint64 def) {
        const QString v = parser.value(QLatin1String(name));
        return v.isEmpty() ? def : v.toLongLong();
    };
    const qint64 n = intOpt("n", common.quick ? 20000 : 100000);
    const qint64 q = intOpt("queries", common.quick ? 200 : 1000);
    const int dims = int(intOpt("dims", 384));
    const int clusters = int(intOpt("clusters", 100));
    const int m = int(intOpt("m", 16));
    const int efc = int(intOpt("ef-construction", 200));
    const qint64 batchSize = intOpt("batch", 10000);
    QList<int> efs;
    for (const QString &e : parser.value(QStringLiteral("efs")).split(u',', Qt::SkipEmptyParts)) efs << e.toInt();
    if (efs.isEmpty()) efs = {16, 32, 64, 128, 256};

    // ---- data
    Data data;
    if (parser.isSet(QStringLiteral("base"))) {
        std::vector<float> all;
        int d = 0;
        if (const QString err = readVectors(parser.value(QStringLiteral("base")), &all, &d, n + q); !err.isEmpty()) {
            std::fprintf(stderr, "sextant-bench search: %s\n", qPrintable(err));
            return 2;
        }
        const qint64 rows = qint64(all.size()) / d;
        data.dims = d;
        data.q = std::min(q, rows / 10);
        data.n = rows - data.q;
        data.base.assign(all.begin(), all.begin() + data.n * d);
        data.queries.assign(all.begin() + data.n * d, all.end());
        data.source = parser.value(QStringLiteral("base"));
    } else {
        progress(QStringLiteral("generating %1 x %2 clustered vectors").arg(n).arg(dims));
        data = clustered(n, q, dims, clusters, common.seed);
    }

    QTemporaryDir scratch((common.dir.isEmpty() ? QDir::tempPath() : common.dir) + QStringLiteral("/sextant-bench-search-XXXXXX"));
    scratch.setAutoRemove(!common.keep);
    const QString path = scratch.filePath(QStringLiteral("index"));

    QJsonObject out;
    out[QStringLiteral("bench")] = QStringLiteral("search");
    out[QStringLiteral("machine")] = machineInfo(scratch.path());
    out[QStringLiteral("data")] = QJsonObject{{QStringLiteral("source"), data.source},
                                               {QStringLiteral("items"), double(data.n)},
                                               {QStringLiteral("dims"), data.dims},
                                               {QStringLiteral("queries"), double(data.q)},
                                               {QStringLiteral("metric"), QStringLiteral("cosine")}};
    out[QStringLiteral("params")] = QJsonObject{{QStringLiteral("M"), m}, {QStringLiteral("efConstruction"), efc}, {QStringLiteral("k"), 10}};
    const MemStatus memBefore = readMemStatus();

    // ---- import and graph build through the public API
    Schema schema;
    schema.dimensions = data.dims;
    schema.metric = Metric::Cosine;
    schema.ann.m = m;
    schema.ann.efConstruction = efc;
    OpenOptions options;
    options.applicationName = QStringLiteral("sextant-bench");
    Result<std::shared_ptr<Index>> created = Index::create(path, schema, Durability::Normal, options);
    if (!created.ok()) {
        std::fprintf(stderr, "sextant-bench search: %s\n", qPrintable(created.error().message()));
        return 1;
    }
    std::shared_ptr<Index> index = *created;
    progress(QStringLiteral("importing %1 items and building the graph").arg(data.n));
    Stopwatch build;
    for (qint64 start = 0; start < data.n; start += batchSize) {
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
            return 1;
        }
    }
    const double importSeconds = build.elapsedSeconds();
    if (!index->waitForGraph(3600 * 1000)) {
        std::fprintf(stderr, "sextant-bench search: the graph did not become ready: %s\n",
                     qPrintable(index->graphStatus().message));
        return 1;
    }
    const double buildSeconds = build.elapsedSeconds();
    const GraphStatus graph = index->graphStatus();
    const MemStatus memAfter = readMemStatus();
    QJsonObject buildJson = build.cpuJson();
    buildJson[QStringLiteral("import_s")] = importSeconds;
    buildJson[QStringLiteral("import_and_graph_s")] = buildSeconds;
    buildJson[QStringLiteral("items_per_s")] = double(data.n) / buildSeconds;
    buildJson[QStringLiteral("graph_memory_MiB")] = double(graph.memoryBytes) / (1024.0 * 1024.0);
    buildJson[QStringLiteral("rss_growth_MiB")] = double(memAfter.vmRssKiB - memBefore.vmRssKiB) / 1024.0;
    buildJson[QStringLiteral("rss_MiB")] = double(memAfter.vmRssKiB) / 1024.0;
    out[QStringLiteral("build")] = buildJson;
    progress(QStringLiteral("import %1 s, with graph %2 s").arg(importSeconds, 0, 'f', 1).arg(buildSeconds, 0, 'f', 1));

    // ---- exact ground truth (and the scan's throughput)
    std::vector<QStringList> truth(size_t(data.q));
    {
        RunStats s;
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
            if (res.ok()) truth[size_t(i)] = hitIds(*res);
        }
        const QJsonObject lat = latencySummary(ms);
        const double p50 = lat.value(QStringLiteral("p50_ms")).toDouble();
        const double bytes = double(data.n) * data.dims * 4;
        out[QStringLiteral("exact")] = QJsonObject{
            {QStringLiteral("latency"), lat},
            {QStringLiteral("scan_GBps_2_threads"), bytes / (p50 / 1000.0) / 1e9},
            {QStringLiteral("note"), QStringLiteral("one query at a time, the scan split over both cores; per-core kernel speed: sextant-bench kernels")}};
    }

    // ---- ANN per ef through the public API
    QJsonArray annRows;
    double sextantQpsAt64 = 0, recallAt64 = 0;
    for (int ef : efs) {
        const RunStats s = runQueries(*index, data, truth, QueryMode::Ann, ef, {}, false);
        const QJsonObject lat = latencySummary(s.ms);
        const double qps = double(data.q) / s.seconds;
        if (ef == 64) {
            sextantQpsAt64 = qps;
            recallAt64 = s.recall;
        }
        annRows.append(QJsonObject{{QStringLiteral("ef"), ef},
                                   {QStringLiteral("recall_at_10"), s.recall},
                                   {QStringLiteral("qps_1_thread"), qps},
                                   {QStringLiteral("latency"), lat},
                                   {QStringLiteral("fell_back"), s.fellBack}});
        progress(QStringLiteral("ef %1: recall %2, %3 q/s").arg(ef).arg(s.recall, 0, 'f', 3).arg(qps, 0, 'f', 0));
    }
    out[QStringLiteral("ann")] = annRows;
    {
        const RunStats s = runQueries(*index, data, truth, QueryMode::Ann, 64, {}, true);
        out[QStringLiteral("ann_ef64_with_metadata")] = QJsonObject{{QStringLiteral("recall_at_10"), s.recall},
                                                                    {QStringLiteral("qps_1_thread"), double(data.q) / s.seconds},
                                                                    {QStringLiteral("latency"), latencySummary(s.ms)}};
    }

    // ---- filtered queries, planner on auto
    QJsonArray filtered;
    const struct {
        const char *name;
        QByteArray filter;
        int modulus;
    } selectivities[] = {{"50%", R"({"s50": 0})", 2}, {"5%", R"({"s5": 0})", 20}, {"0.1%", R"({"s01": 0})", 1000}};
    for (const auto &sel : selectivities) {
        // Ground truth: the exact top-10 among matching items.
        std::vector<QStringList> ftruth(size_t(data.q));
        for (qint64 i = 0; i < data.q; ++i) {
            QueryRequest r;
            r.vector = queryVector(data, i);
            r.k = 10;
            r.mode = QueryMode::Exact;
            r.filter = sel.filter;
            r.withMetadata = false;
            const Result<QueryResult> res = index->query(r);
            if (res.ok()) ftruth[size_t(i)] = hitIds(*res);
        }
        const RunStats warm = runQueries(*index, data, ftruth, QueryMode::Auto, 0, sel.filter, false);
        const RunStats s = runQueries(*index, data, ftruth, QueryMode::Auto, 0, sel.filter, false);
        const QJsonObject lat = latencySummary(s.ms);
        filtered.append(QJsonObject{{QStringLiteral("selectivity"), QLatin1String(sel.name)},
                                    {QStringLiteral("filter"), QString::fromUtf8(sel.filter)},
                                    {QStringLiteral("recall_at_10"), s.recall},
                                    {QStringLiteral("qps_1_thread"), double(data.q) / s.seconds},
                                    {QStringLiteral("latency"), lat},
                                    {QStringLiteral("first_pass_max_ms"), latencySummary(warm.ms).value(QStringLiteral("max_ms"))},
                                    {QStringLiteral("strategies"), strategiesJson(s.strategies)},
                                    {QStringLiteral("max_ef"), s.maxEf},
                                    {QStringLiteral("targets"), QJsonArray{target(QStringLiteral("recall@10"), QStringLiteral(">="), 0.95, s.recall, {}),
                                                                            target(QStringLiteral("p99"), QStringLiteral("<="), 5, lat.value(QStringLiteral("p99_ms")).toDouble(), QStringLiteral("ms"))}}});
        progress(QStringLiteral("filter %1: recall %2, p99 %3 ms").arg(QLatin1String(sel.name)).arg(s.recall, 0, 'f', 3)
                     .arg(lat.value(QStringLiteral("p99_ms")).toDouble(), 0, 'f', 2));
    }
    out[QStringLiteral("filtered")] = filtered;

    // ---- estimateRecall (what the GUI's health display shows)
    {
        const auto t0 = std::chrono::steady_clock::now();
        const Result<RecallEstimate> est = index->estimateRecall(100, 10);
        if (est.ok())
            out[QStringLiteral("estimate_recall")] = QJsonObject{{QStringLiteral("sample"), est->queries},
                                                                 {QStringLiteral("recall_at_10"), est->recall},
                                                                 {QStringLiteral("ms"), msSince(t0)}};
    }

    // ---- close (saves the graph) and reopen (loads it)
    {
        const auto t0 = std::chrono::steady_clock::now();
        index->close();
        const double closeMs = msSince(t0);
        index.reset();
        const auto t1 = std::chrono::steady_clock::now();
        Result<std::shared_ptr<Index>> reopened = Index::open(path, options);
        const double openMs = msSince(t1);
        double readyMs = -1;
        if (reopened.ok() && (*reopened)->waitForGraph(600000)) readyMs = msSince(t1);
        out[QStringLiteral("persist")] = QJsonObject{{QStringLiteral("close_with_graph_save_ms"), closeMs},
                                                     {QStringLiteral("open_ms"), openMs},
                                                     {QStringLiteral("graph_ready_after_open_ms"), readyMs},
                                                     {QStringLiteral("folder_MiB"), double(folderBytes(path)) / (1024.0 * 1024.0)}};
        if (reopened.ok()) (*reopened)->close();
    }

    // ---- raw hnswlib on the same data, same parameters
    if (!parser.isSet(QStringLiteral("no-raw"))) {
        progress(QStringLiteral("raw hnswlib: building"));
        hnswlib::InnerProductSpace space(size_t(data.dims));
        hnswlib::HierarchicalNSW<float> raw(&space, size_t(data.n), size_t(m), size_t(efc));
        const auto t0 = std::chrono::steady_clock::now();
        std::atomic<qint64> next{0};
        auto worker = [&] {
            for (qint64 i = next++; i < data.n; i = next++) raw.addPoint(&data.base[size_t(i) * size_t(data.dims)], size_t(i));
        };
        std::thread other(worker);
        worker();
        other.join();
        const double rawBuild = msSince(t0) / 1000.0;
        QJsonArray rawRows;
        double rawQpsAt64 = 0;
        for (int ef : efs) {
            raw.setEf(size_t(ef));
            double recall = 0;
            std::vector<double> ms;
            const auto s0 = std::chrono::steady_clock::now();
            for (qint64 i = 0; i < data.q; ++i) {
                const auto q0 = std::chrono::steady_clock::now();
                auto res = raw.searchKnn(&data.queries[size_t(i) * size_t(data.dims)], 10);
                ms.push_back(msSince(q0));
                QStringList got;
                while (!res.empty()) {
                    got << idOf(qint64(res.top().second));
                    res.pop();
                }
                recall += recallAgainst(got, truth[size_t(i)]);
            }
            const double qps = double(data.q) / (msSince(s0) / 1000.0);
            if (ef == 64) rawQpsAt64 = qps;
            rawRows.append(QJsonObject{{QStringLiteral("ef"), ef},
                                       {QStringLiteral("recall_at_10"), recall / double(data.q)},
                                       {QStringLiteral("qps_1_thread"), qps},
                                       {QStringLiteral("latency"), latencySummary(ms)}});
        }
        out[QStringLiteral("raw_hnswlib")] = QJsonObject{
            {QStringLiteral("build_s_2_threads"), rawBuild},
            {QStringLiteral("ann"), rawRows},
            {QStringLiteral("note"), QStringLiteral("hnswlib 0.6.2's own searchKnn, compiled into sextant-bench with the baseline x86-64 flags")}};
        if (rawQpsAt64 > 0)
            out[QStringLiteral("targets")] = QJsonArray{
                target(QStringLiteral("Sextant QPS / raw hnswlib QPS at ef 64"), QStringLiteral(">="), 0.9, sextantQpsAt64 / rawQpsAt64, {}),
                target(QStringLiteral("recall@10 at ef 64"), QStringLiteral(">="), 0.95, recallAt64, {})};
    }
    if (common.keep) out[QStringLiteral("scratch")] = scratch.path();
    emitJson(out);
    return 0;
}

} // namespace sextant::bench
