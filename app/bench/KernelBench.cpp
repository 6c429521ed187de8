// `sextant-bench kernels`: figures of the float32 distance kernels, one JSON
// line per (level, figure):
//
//   pair     dot and l2sq of one pair at --dims (384), operands in L1: ns per call
//   stream   dotMany and l2sqMany over a row-major matrix of --mib MiB (256,
//            far larger than the last-level cache): GB/s of rows read, on 1
//            thread and on 2 threads (each scanning half the rows)
//   gather   dotGather over the same rows in a shuffled order (scattered rows,
//            as an exact scan over a filtered subset or a graph search reads them)
//   one_stream_read  XOR of every 64-bit word of the matrix in order, on 1 and 2
//            threads: what a plain single-stream read reaches on this machine at
//            the same moment (context, not a ceiling: the Many kernels read four
//            streams at once and usually go faster)
//
// Data is seeded (--seed), uniform in [-1, 1). Each figure is the median and
// the best of --passes timed passes after one untimed warm-up pass.

#include "KernelBench.h"

#include "BenchSupport.h"

#include "index/Distance.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <barrier>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <thread>

namespace sextant::bench {

using namespace sextant::distance;

namespace {

using Clock = std::chrono::steady_clock;

struct KernelParams {
    int dims = 384;
    qint64 matrixMiB = 256;
    int passes = 7;
    qint64 pairCalls = 2000000;
    QList<int> threadCounts{1, 2};
    QList<SimdLevel> levels;
};

// Median and best of a set of samples where larger is better (GB/s) or smaller is better (ns).
QJsonObject summary(std::vector<double> samples, bool largerIsBetter, const char *unit)
{
    std::sort(samples.begin(), samples.end());
    QJsonObject o;
    o[QStringLiteral("unit")] = QLatin1String(unit);
    o[QStringLiteral("median")] = samples[samples.size() / 2];
    o[QStringLiteral("best")] = largerIsBetter ? samples.back() : samples.front();
    o[QStringLiteral("worst")] = largerIsBetter ? samples.front() : samples.back();
    QJsonArray all;
    for (double s : samples)
        all.append(s);
    o[QStringLiteral("samples")] = all;
    return o;
}

QJsonObject record(const char *figure, SimdLevel level)
{
    QJsonObject o;
    o[QStringLiteral("type")] = QStringLiteral("scenario");
    o[QStringLiteral("command")] = QStringLiteral("kernels");
    o[QStringLiteral("scenario")] = QLatin1String(figure);
    o[QStringLiteral("level")] = levelName(level);
    return o;
}

// Floats on a 64-byte boundary, as a segment's rows are when the dimension is
// a multiple of 16 (docs/format.md): a figure for unaligned rows would mostly
// measure loads split across cache lines.
struct AlignedFloats {
    explicit AlignedFloats(size_t count)
        : data(static_cast<float *>(std::aligned_alloc(64, (count * sizeof(float) + 63) / 64 * 64)))
    {
        if (!data) qFatal("sextant-bench: out of memory");
    }
    ~AlignedFloats() { std::free(data); }
    AlignedFloats(const AlignedFloats &) = delete;
    AlignedFloats &operator=(const AlignedFloats &) = delete;
    float *data;
};

// ns per call of one pair kernel, cycling over 8 in-cache pairs so that no
// two consecutive calls read the same operands.
void benchPairs(const Kernels &k, const KernelParams &p, quint64 seed)
{
    constexpr int kPairs = 8;
    const size_t n = size_t(p.dims);
    AlignedFloats data(2 * kPairs * n);
    VectorSource(seed).fill(data.data, int(2 * kPairs * n));
    QJsonObject rec = record("pair", k.level);
    rec[QStringLiteral("dims")] = p.dims;
    rec[QStringLiteral("calls_per_pass")] = double(p.pairCalls);
    for (const bool l2 : {false, true}) {
        float (*fn)(const float *, const float *, size_t) = l2 ? k.l2sq : k.dot;
        std::vector<double> ns;
        float sink = 0;
        for (int pass = 0; pass <= p.passes; ++pass) {
            const auto t0 = Clock::now();
            for (qint64 i = 0; i < p.pairCalls; ++i) {
                const size_t j = size_t(i % kPairs);
                sink += fn(data.data + j * n, data.data + (kPairs + (j * 3) % kPairs) * n, n);
            }
            const double ms = msSince(t0);
            if (pass > 0) ns.push_back(ms * 1e6 / double(p.pairCalls));
        }
        rec[QLatin1String(l2 ? "l2sq_ns" : "dot_ns")] = summary(ns, false, "ns per call");
        rec[QLatin1String(l2 ? "l2sq_checksum" : "dot_checksum")] = double(sink);
    }
    emitJson(rec);
}

struct Matrix {
    Matrix(size_t rows, size_t dims) : rows(rows), dims(dims), data(rows * dims) { }
    size_t rows, dims;
    AlignedFloats data;
    const float *row(size_t i) const { return data.data + i * dims; }
    double bytes() const { return double(rows) * double(dims) * sizeof(float); }
};

std::unique_ptr<Matrix> makeMatrix(const KernelParams &p, quint64 seed)
{
    const size_t dims = size_t(p.dims);
    auto m = std::make_unique<Matrix>(size_t((p.matrixMiB << 20) / qint64(dims * sizeof(float))), dims);
    VectorSource source(seed);
    for (size_t i = 0; i < m->rows; ++i)
        source.fill(m->data.data + i * dims, p.dims);
    return m;
}

// One timed pass of `work(first, count, out)` split over `threads` threads,
// each given a contiguous share of the rows: seconds from the first thread's
// start to the last one's end, clocked by the threads themselves (on a busy
// machine the launching thread may be descheduled at any moment).
template <class Work>
double timedPass(size_t rows, int threads, float *out, const Work &work)
{
    std::barrier start(threads);
    std::vector<Clock::time_point> begins(static_cast<size_t>(threads)), ends(static_cast<size_t>(threads));
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        const size_t first = rows * size_t(t) / size_t(threads);
        const size_t last = rows * size_t(t + 1) / size_t(threads);
        pool.emplace_back([&, t, first, last] {
            start.arrive_and_wait();
            begins[size_t(t)] = Clock::now();
            work(first, last - first, out + first);
            ends[size_t(t)] = Clock::now();
        });
    }
    for (std::thread &t : pool)
        t.join();
    const auto begin = *std::min_element(begins.begin(), begins.end());
    const auto end = *std::max_element(ends.begin(), ends.end());
    return std::chrono::duration<double>(end - begin).count();
}

template <class Work>
QJsonObject gbPerSecond(const Matrix &m, int threads, int passes, std::vector<float> &out, const Work &work)
{
    std::vector<double> gbs;
    for (int pass = 0; pass <= passes; ++pass) {
        const double s = timedPass(m.rows, threads, out.data(), work);
        if (pass > 0) gbs.push_back(m.bytes() / s / 1e9);
    }
    return summary(gbs, true, "GB/s");
}

void benchStream(const Kernels &k, const Matrix &m, const float *q, const KernelParams &p)
{
    std::vector<float> out(m.rows);
    for (const int threads : p.threadCounts) {
        QJsonObject rec = record("stream", k.level);
        rec[QStringLiteral("dims")] = int(m.dims);
        rec[QStringLiteral("rows")] = double(m.rows);
        rec[QStringLiteral("matrix_mib")] = m.bytes() / (1 << 20);
        rec[QStringLiteral("threads")] = threads;
        for (const bool l2 : {false, true}) {
            const auto many = l2 ? k.l2sqMany : k.dotMany;
            rec[QLatin1String(l2 ? "l2sqMany" : "dotMany")] =
                gbPerSecond(m, threads, p.passes, out, [&](size_t first, size_t count, float *o) {
                    many(q, m.row(first), m.dims, count, m.dims, o);
                });
        }
        if (k.level == SimdLevel::Avx2 && threads == 1) {
            const double median = rec[QStringLiteral("dotMany")].toObject()[QStringLiteral("median")].toDouble();
            rec[QStringLiteral("target")] = target(QStringLiteral("dotMany avx2 streaming, one thread"),
                                                   QStringLiteral(">="), 12, median, QStringLiteral("GB/s"));
        }
        emitJson(rec);
    }
}

void benchOneStreamRead(const Matrix &m, const KernelParams &p)
{
    std::vector<float> out(m.rows);
    for (const int threads : p.threadCounts) {
        QJsonObject rec;
        rec[QStringLiteral("type")] = QStringLiteral("scenario");
        rec[QStringLiteral("command")] = QStringLiteral("kernels");
        rec[QStringLiteral("scenario")] = QStringLiteral("one_stream_read");
        rec[QStringLiteral("threads")] = threads;
        rec[QStringLiteral("matrix_mib")] = m.bytes() / (1 << 20);
        rec[QStringLiteral("xor_read")] =
            gbPerSecond(m, threads, p.passes, out, [&](size_t first, size_t count, float *o) {
                const char *bytes = reinterpret_cast<const char *>(m.row(first));
                const size_t words = count * m.dims * sizeof(float) / sizeof(quint64);
                quint64 x = 0;
                for (size_t w = 0; w < words; ++w) {
                    quint64 v;
                    std::memcpy(&v, bytes + w * sizeof(quint64), sizeof v);
                    x ^= v;
                }
                std::memcpy(o, &x, sizeof(float)); // keeps the loop
            });
        emitJson(rec);
    }
}

void benchGather(const Kernels &k, const Matrix &m, const float *q, const std::vector<const float *> &shuffled,
                 const KernelParams &p)
{
    std::vector<float> out(m.rows);
    QJsonObject rec = record("gather", k.level);
    rec[QStringLiteral("dims")] = int(m.dims);
    rec[QStringLiteral("rows")] = double(m.rows);
    rec[QStringLiteral("threads")] = 1;
    rec[QStringLiteral("dotGather")] = gbPerSecond(m, 1, p.passes, out, [&](size_t first, size_t count, float *o) {
        k.dotGather(q, shuffled.data() + first, count, m.dims, o);
    });
    emitJson(rec);
}

QJsonObject kernelParamsJson(const KernelParams &p, const CommonOptions &c)
{
    QJsonObject o;
    o[QStringLiteral("quick")] = c.quick;
    o[QStringLiteral("seed")] = QString::number(c.seed);
    o[QStringLiteral("dims")] = p.dims;
    o[QStringLiteral("matrix_mib")] = double(p.matrixMiB);
    o[QStringLiteral("passes")] = p.passes;
    o[QStringLiteral("pair_calls")] = double(p.pairCalls);
    QJsonArray threads, levels, available;
    for (int t : p.threadCounts)
        threads.append(t);
    for (SimdLevel l : p.levels)
        levels.append(levelName(l));
    for (SimdLevel l : availableLevels())
        available.append(levelName(l));
    o[QStringLiteral("threads")] = threads;
    o[QStringLiteral("levels")] = levels;
    o[QStringLiteral("available_levels")] = available;
    o[QStringLiteral("kernels_level")] = levelName(kernels().level);
    o[QStringLiteral("SEXTANT_SIMD")] = QString::fromLocal8Bit(qgetenv("SEXTANT_SIMD"));
    return o;
}

} // namespace

int runKernels(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("sextant-bench kernels: distance kernel figures as JSON lines (ns "
                                                    "per pair in cache, GB/s streaming from RAM)."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("dims"), QStringLiteral("Vector dimensions (default 384)."), QStringLiteral("n")},
        {QStringLiteral("mib"), QStringLiteral("Size of the streamed matrix in MiB (default 256; 64 with --quick)."),
         QStringLiteral("n")},
        {QStringLiteral("passes"), QStringLiteral("Timed passes per figure (default 7; 3 with --quick)."),
         QStringLiteral("n")},
        {QStringLiteral("threads"),
         QStringLiteral("Comma-separated thread counts of the streaming figures (default 1,2)."),
         QStringLiteral("list")},
        {QStringLiteral("levels"),
         QStringLiteral("Comma-separated levels: scalar,sse,avx2,avx512 (default every level this CPU runs)."),
         QStringLiteral("list")},
    });
    parser.process(args);
    const CommonOptions common = commonOptions(parser);
    setPrettyOutput(common.pretty);

    KernelParams p;
    if (common.quick) {
        p.matrixMiB = 64;
        p.passes = 3;
        p.pairCalls = 200000;
    }
    if (parser.isSet(QStringLiteral("dims"))) p.dims = parser.value(QStringLiteral("dims")).toInt();
    if (parser.isSet(QStringLiteral("mib"))) p.matrixMiB = parser.value(QStringLiteral("mib")).toLongLong();
    if (parser.isSet(QStringLiteral("passes"))) p.passes = parser.value(QStringLiteral("passes")).toInt();
    if (parser.isSet(QStringLiteral("threads"))) {
        p.threadCounts.clear();
        for (const QString &t : parser.value(QStringLiteral("threads")).split(u',', Qt::SkipEmptyParts))
            p.threadCounts.append(t.trimmed().toInt());
    }
    for (const QString &name : parser.value(QStringLiteral("levels")).split(u',', Qt::SkipEmptyParts)) {
        const std::optional<SimdLevel> level = levelFromName(name);
        if (!level) {
            std::fprintf(stderr, "sextant-bench: unknown level '%s'\n", qPrintable(name));
            return 2;
        }
        if (!kernelsFor(*level)) {
            std::fprintf(stderr, "sextant-bench: this CPU cannot run level %s\n", qPrintable(levelName(*level)));
            return 2;
        }
        p.levels.append(*level);
    }
    if (p.levels.isEmpty()) p.levels = availableLevels();
    const bool threadsOk =
        std::all_of(p.threadCounts.begin(), p.threadCounts.end(), [](int t) { return t >= 1 && t <= 256; });
    if (p.dims < 1 || p.matrixMiB < 1 || p.passes < 1 || !threadsOk) {
        std::fprintf(stderr, "sextant-bench: sizes, passes and thread counts must be positive\n");
        return 2;
    }

    QJsonObject machine;
    machine[QStringLiteral("type")] = QStringLiteral("machine");
    machine[QStringLiteral("machine")] = machineInfo(QDir::tempPath());
    emitJson(machine);
    QJsonObject params;
    params[QStringLiteral("type")] = QStringLiteral("parameters");
    params[QStringLiteral("command")] = QStringLiteral("kernels");
    params[QStringLiteral("parameters")] = kernelParamsJson(p, common);
    emitJson(params);

    Stopwatch total;
    progress(QStringLiteral("pairs: %1 calls per pass").arg(p.pairCalls));
    for (SimdLevel level : p.levels)
        benchPairs(*kernelsFor(level), p, common.seed);

    progress(QStringLiteral("filling a %1 MiB matrix").arg(p.matrixMiB));
    const std::unique_ptr<Matrix> matrix = makeMatrix(p, common.seed + 1);
    const Matrix &m = *matrix;
    AlignedFloats q(m.dims);
    VectorSource(common.seed + 2).fill(q.data, p.dims);
    std::vector<const float *> shuffled(m.rows);
    for (size_t i = 0; i < m.rows; ++i)
        shuffled[i] = m.row(i);
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(common.seed + 3));
    progress(QStringLiteral("one-stream sequential read"));
    benchOneStreamRead(m, p);
    for (SimdLevel level : p.levels) {
        progress(QStringLiteral("streaming and gathering at %1").arg(levelName(level)));
        benchStream(*kernelsFor(level), m, q.data, p);
        benchGather(*kernelsFor(level), m, q.data, shuffled, p);
    }

    QJsonObject done;
    done[QStringLiteral("type")] = QStringLiteral("summary");
    done[QStringLiteral("command")] = QStringLiteral("kernels");
    done[QStringLiteral("cpu")] = total.cpuJson();
    done[QStringLiteral("loadavg_at_end")] = loadAverage();
    done[QStringLiteral("note")] = QStringLiteral(
        "GB/s counts the matrix rows read (rows x dims x 4 bytes) per second; targets never change the exit code.");
    emitJson(done);
    return 0;
}

} // namespace sextant::bench
