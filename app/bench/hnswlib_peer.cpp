// sextant-hnswlib-peer: raw hnswlib 0.6.2 as its users build it, the peer
// `sextant-bench search` compares Sextant with.
//
// A program of its own so that it can be compiled the way hnswlib's users
// compile it (-O3 -march=native: hnswlib picks its SSE/AVX/AVX-512 kernels
// at compile time from the compiler's macros) without changing the flags of
// anything Sextant ships. It links nothing of Sextant: only the C++ standard
// library and the system's hnswlib headers. It is never installed nor
// packaged (app/bench/CMakeLists.txt), since a -march=native binary runs only
// on CPUs like the one that built it.
//
// It reads the first --rows rows of an .fvecs or .npy file; the last
// --queries of those are the queries, the others are indexed. For the cosine
// metric it normalises every vector as hnswlib's own Python binding does for
// its "cosine" space (base rows while adding them, queries per query, both
// inside the timed part) and searches with hnswlib's InnerProductSpace; "ip"
// and "l2" use the raw vectors with InnerProductSpace and L2Space.
//
// It builds with --threads threads (each takes the next row, as the Python
// binding's addItems does), then per ef runs every query once on one thread
// and reports queries per second, p50/p99 latency and recall@k against the
// exact top-k: from --truth (an .ivecs file of base row numbers per query,
// as `sextant-bench search` writes it) or computed here by brute force.
// With --truth, --check-truth N also computes the exact top-k of the first
// N queries here and reports how much of the given truth it agrees with, so
// a metric or data mismatch between the two programs shows at once.
//
// Prints one JSON object on standard output; progress and errors go to
// standard error. Exit status 2 for bad arguments or input.

#include <hnswlib/hnswlib.h>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <queue>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#ifndef SEXTANT_PEER_FLAGS
#define SEXTANT_PEER_FLAGS "unknown"
#endif

namespace {

struct Options {
    std::string base;
    long long rows = -1; // -1: all rows of the file
    long long queries = 1000;
    int m = 16;
    int efConstruction = 200;
    std::vector<int> efs{10, 16, 24, 32, 48, 64, 96, 128, 192, 256};
    int threads = 2;
    int k = 10;
    std::string metric = "cosine";
    std::string truth;
    std::string writeTruth;
    long long checkTruth = 0;
    long long warmup = 200;
};

[[noreturn]] void fail(const std::string &message)
{
    std::fprintf(stderr, "sextant-hnswlib-peer: %s\n", message.c_str());
    std::exit(2);
}

void progress(const std::string &line)
{
    std::fprintf(stderr, "[sextant-hnswlib-peer] %s\n", line.c_str());
    std::fflush(stderr);
}

long long toInt(const std::string &option, const std::string &value, long long min, long long max)
{
    char *end = nullptr;
    errno = 0;
    const long long v = std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || errno != 0 || v < min || v > max)
        fail(option + ": expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
             ", got '" + value + "'");
    return v;
}

void usage()
{
    std::printf("Usage: sextant-hnswlib-peer --base FILE [options]\n\n"
                "Raw hnswlib 0.6.2 (built with %s): builds an HNSW graph over an .fvecs or .npy file\n"
                "and prints build time, QPS, p50/p99 latency and recall@k per ef as JSON.\n\n"
                "  --base FILE            .fvecs, or .npy (2-D little-endian float32/float64, C order)\n"
                "  --rows N               read only the first N rows (default: all)\n"
                "  --queries N            the last N rows read are the queries (default 1000)\n"
                "  --metric cosine|ip|l2  (default cosine: vectors are normalised, inner-product space)\n"
                "  --m M                  (default 16)\n"
                "  --ef-construction EF   (default 200)\n"
                "  --efs LIST             ef values to measure (default 10,16,24,32,48,64,96,128,192,256)\n"
                "  --threads N            build threads (default 2); queries always run on one thread\n"
                "  -k K                   neighbours per query (default 10)\n"
                "  --truth FILE           exact top-k per query as an .ivecs of base row numbers\n"
                "  --check-truth N        with --truth: recompute the first N queries' truth here, report agreement\n"
                "  --write-truth FILE     write the truth used (given or computed) as .ivecs\n"
                "  --warmup N             unmeasured queries before the first ef (default 200)\n",
                SEXTANT_PEER_FLAGS);
}

Options parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            usage();
            std::exit(0);
        }
        if (i + 1 >= argc) fail("unknown option or missing value: " + a);
        const std::string v = argv[++i];
        if (a == "--base")
            o.base = v;
        else if (a == "--rows")
            o.rows = toInt(a, v, 2, 1ll << 40);
        else if (a == "--queries")
            o.queries = toInt(a, v, 1, 1ll << 30);
        else if (a == "--metric")
            o.metric = v;
        else if (a == "--m")
            o.m = int(toInt(a, v, 2, 1024));
        else if (a == "--ef-construction")
            o.efConstruction = int(toInt(a, v, 1, 1 << 20));
        else if (a == "--threads")
            o.threads = int(toInt(a, v, 1, 1024));
        else if (a == "-k" || a == "--k")
            o.k = int(toInt(a, v, 1, 10000));
        else if (a == "--truth")
            o.truth = v;
        else if (a == "--write-truth")
            o.writeTruth = v;
        else if (a == "--check-truth")
            o.checkTruth = toInt(a, v, 0, 1ll << 30);
        else if (a == "--warmup")
            o.warmup = toInt(a, v, 0, 1ll << 30);
        else if (a == "--efs") {
            o.efs.clear();
            std::stringstream s(v);
            std::string item;
            while (std::getline(s, item, ','))
                o.efs.push_back(int(toInt(a, item, 1, 1 << 20)));
            if (o.efs.empty()) fail("--efs: no values");
        } else
            fail("unknown option: " + a);
    }
    if (o.base.empty()) fail("--base FILE is required (see --help)");
    if (o.metric != "cosine" && o.metric != "ip" && o.metric != "l2") fail("--metric: cosine, ip or l2");
    return o;
}

bool endsWith(const std::string &s, const std::string &tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Rows of an .fvecs file: per row an int32 dimension, then that many float32.
void readFvecs(const std::string &path, long long limit, std::vector<float> *out, int *dims)
{
    std::ifstream f(path, std::ios::binary);
    if (!f) fail("cannot open " + path);
    long long rows = 0;
    while (limit < 0 || rows < limit) {
        int32_t d = 0;
        if (!f.read(reinterpret_cast<char *>(&d), 4)) break;
        if (d <= 0 || d > 65536 || (*dims && d != *dims))
            fail(path + ": row " + std::to_string(rows) + " has dimension " + std::to_string(d));
        *dims = d;
        const size_t at = out->size();
        out->resize(at + size_t(d));
        if (!f.read(reinterpret_cast<char *>(out->data() + at), std::streamsize(d) * 4))
            fail(path + ": row " + std::to_string(rows) + " is truncated");
        ++rows;
    }
}

// A 2-D little-endian float32/float64 C-order .npy (versions 1, 2, 3).
void readNpy(const std::string &path, long long limit, std::vector<float> *out, int *dims)
{
    std::ifstream f(path, std::ios::binary);
    if (!f) fail("cannot open " + path);
    char magic[8];
    if (!f.read(magic, 8) || std::memcmp(magic, "\x93NUMPY", 6) != 0) fail(path + ": not a .npy file");
    uint32_t headerLen = 0;
    if (magic[6] == 1) {
        uint16_t h = 0;
        f.read(reinterpret_cast<char *>(&h), 2);
        headerLen = h;
    } else if (magic[6] == 2 || magic[6] == 3) {
        f.read(reinterpret_cast<char *>(&headerLen), 4);
    } else {
        fail(path + ": unknown .npy version");
    }
    if (!f || headerLen > (1u << 20)) fail(path + ": bad .npy header");
    std::string header(headerLen, '\0');
    if (!f.read(header.data(), headerLen)) fail(path + ": truncated .npy header");
    const bool f4 = header.find("'<f4'") != std::string::npos, f8 = header.find("'<f8'") != std::string::npos;
    if ((!f4 && !f8) || header.find("'fortran_order': True") != std::string::npos)
        fail(path + ": only little-endian float32/float64 C-order arrays are read");
    const size_t open = header.find("'shape': (");
    if (open == std::string::npos) fail(path + ": no shape in the header");
    long long shapeRows = 0, shapeDims = 0;
    if (std::sscanf(header.c_str() + open + 10, "%lld , %lld", &shapeRows, &shapeDims) != 2 || shapeRows <= 0 ||
        shapeDims <= 0 || shapeDims > 65536)
        fail(path + ": not a 2-D array of at least one row");
    *dims = int(shapeDims);
    const long long rows = limit < 0 ? shapeRows : std::min(shapeRows, limit);
    out->resize(size_t(rows) * size_t(shapeDims));
    if (f4) {
        if (!f.read(reinterpret_cast<char *>(out->data()), std::streamsize(out->size()) * 4))
            fail(path + ": truncated");
    } else {
        std::vector<double> row(static_cast<size_t>(shapeDims));
        for (long long r = 0; r < rows; ++r) {
            if (!f.read(reinterpret_cast<char *>(row.data()), std::streamsize(row.size()) * 8))
                fail(path + ": truncated");
            for (long long c = 0; c < shapeDims; ++c)
                (*out)[size_t(r * shapeDims + c)] = float(row[size_t(c)]);
        }
    }
}

std::vector<std::vector<int>> readIvecs(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    if (!f) fail("cannot open " + path);
    std::vector<std::vector<int>> rows;
    int32_t d = 0;
    while (f.read(reinterpret_cast<char *>(&d), 4)) {
        if (d < 0 || d > 100000) fail(path + ": bad row length " + std::to_string(d));
        std::vector<int> row(static_cast<size_t>(d));
        if (!f.read(reinterpret_cast<char *>(row.data()), std::streamsize(d) * 4)) fail(path + ": truncated");
        rows.push_back(std::move(row));
    }
    return rows;
}

void writeIvecs(const std::string &path, const std::vector<std::vector<int>> &rows)
{
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    for (const std::vector<int> &row : rows) {
        const int32_t d = int32_t(row.size());
        f.write(reinterpret_cast<const char *>(&d), 4);
        f.write(reinterpret_cast<const char *>(row.data()), std::streamsize(row.size()) * 4);
    }
    if (!f) fail("cannot write " + path);
}

void normalise(const float *in, float *out, int dims)
{
    float s = 0;
    for (int i = 0; i < dims; ++i)
        s += in[i] * in[i];
    const float inv = s > 0 ? 1.0f / std::sqrt(s) : 1.0f;
    for (int i = 0; i < dims; ++i)
        out[i] = in[i] * inv;
}

double secondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double percentile(const std::vector<double> &sorted, double p)
{
    // Nearest rank, as sextant-bench's latencySummary: the smallest value
    // with at least p of the samples at or below it.
    if (sorted.empty()) return 0;
    const size_t rank = size_t(std::ceil(p * double(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

// CPU seconds this process has used (all threads, user + system).
double cpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long long statusKiB(const char *key)
{
    std::ifstream f("/proc/self/status");
    std::string line;
    const size_t n = std::strlen(key);
    while (std::getline(f, line))
        if (line.rfind(key, 0) == 0) return std::atoll(line.c_str() + n);
    return 0;
}

long long peakRssKiB() { return statusKiB("VmHWM:"); }

std::string jsonString(const std::string &s)
{
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else
            out += c;
    }
    return out + "\"";
}

std::string num(double v)
{
    if (!std::isfinite(v)) return "null";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string simdLevel()
{
#if defined(USE_AVX512)
    return "AVX-512";
#elif defined(USE_AVX)
    return "AVX";
#elif defined(USE_SSE)
    return "SSE";
#else
    return "none";
#endif
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parse(argc, argv);

    // ---- data
    std::vector<float> all;
    int dims = 0;
    if (endsWith(o.base, ".fvecs"))
        readFvecs(o.base, o.rows, &all, &dims);
    else if (endsWith(o.base, ".npy"))
        readNpy(o.base, o.rows, &all, &dims);
    else
        fail(o.base + ": use an .fvecs or .npy file");
    if (dims <= 0) fail(o.base + ": no rows");
    const long long rows = (long long)(all.size() / size_t(dims));
    if (o.rows >= 0 && rows != o.rows)
        fail(o.base + ": " + std::to_string(rows) + " rows, fewer than --rows " + std::to_string(o.rows));
    const long long q = o.queries;
    const long long n = rows - q;
    if (n < 1) fail("--queries " + std::to_string(q) + " leaves no row to index (" + std::to_string(rows) + " rows)");
    const float *base = all.data();
    const float *queries = all.data() + size_t(n) * size_t(dims);
    const bool cosine = o.metric == "cosine";
    progress("read " + std::to_string(rows) + " x " + std::to_string(dims) + " from " + o.base);

    std::unique_ptr<hnswlib::SpaceInterface<float>> space;
    if (o.metric == "l2")
        space = std::make_unique<hnswlib::L2Space>(size_t(dims));
    else
        space = std::make_unique<hnswlib::InnerProductSpace>(size_t(dims));
    hnswlib::DISTFUNC<float> distance = space->get_dist_func();
    void *distanceParam = space->get_dist_func_param();

    // ---- exact truth (base row numbers, best first), computed here when needed
    auto exactTopK = [&](long long first, long long count) {
        std::vector<std::vector<int>> result(static_cast<size_t>(count));
        // Cosine: 1 - dot(q / |q|, b) / |b|, with the base rows' norms computed
        // once (no normalised copy of the base: it would inflate peak memory).
        std::vector<float> inverseNorm;
        if (cosine) {
            inverseNorm.resize(size_t(n));
            for (long long r = 0; r < n; ++r) {
                const float *bp = base + size_t(r) * size_t(dims);
                float s = 0;
                for (int c = 0; c < dims; ++c)
                    s += bp[c] * bp[c];
                inverseNorm[size_t(r)] = s > 0 ? 1.0f / std::sqrt(s) : 1.0f;
            }
        }
        std::atomic<long long> next{first};
        auto worker = [&] {
            std::vector<float> qv(static_cast<size_t>(dims));
            for (long long i = next++; i < first + count; i = next++) {
                const float *qp = queries + size_t(i) * size_t(dims);
                if (cosine) {
                    normalise(qp, qv.data(), dims);
                    qp = qv.data();
                }
                std::priority_queue<std::pair<float, int>> heap; // worst on top
                for (long long r = 0; r < n; ++r) {
                    const float *bp = base + size_t(r) * size_t(dims);
                    float d = distance(qp, bp, distanceParam);
                    if (cosine) d = 1.0f - (1.0f - d) * inverseNorm[size_t(r)];
                    if (heap.size() < size_t(o.k))
                        heap.emplace(d, int(r));
                    else if (d < heap.top().first) {
                        heap.pop();
                        heap.emplace(d, int(r));
                    }
                }
                std::vector<int> &row = result[size_t(i - first)];
                while (!heap.empty()) {
                    row.push_back(heap.top().second);
                    heap.pop();
                }
                std::reverse(row.begin(), row.end());
            }
        };
        std::vector<std::thread> pool;
        for (int t = 1; t < o.threads; ++t)
            pool.emplace_back(worker);
        worker();
        for (std::thread &t : pool)
            t.join();
        return result;
    };

    std::vector<std::vector<int>> truth;
    std::string truthSource;
    double truthAgreement = -1;
    long long truthChecked = 0;
    if (!o.truth.empty()) {
        truth = readIvecs(o.truth);
        if ((long long)truth.size() != q)
            fail(o.truth + ": " + std::to_string(truth.size()) + " rows of truth for " + std::to_string(q) +
                 " queries");
        for (const std::vector<int> &row : truth)
            for (const int r : row)
                if (r < 0 || r >= n) fail(o.truth + ": row number " + std::to_string(r) + " out of range");
        truthSource = o.truth;
        truthChecked = std::min(o.checkTruth, q);
        if (truthChecked > 0) {
            progress("checking the given truth on " + std::to_string(truthChecked) + " queries");
            const std::vector<std::vector<int>> mine = exactTopK(0, truthChecked);
            double agree = 0;
            for (long long i = 0; i < truthChecked; ++i) {
                const std::unordered_set<int> given(truth[size_t(i)].begin(), truth[size_t(i)].end());
                int same = 0;
                for (const int r : mine[size_t(i)])
                    same += int(given.count(r));
                agree += given.empty() ? 1.0 : double(same) / double(given.size());
            }
            truthAgreement = agree / double(truthChecked);
        }
    } else {
        progress("computing the exact top-" + std::to_string(o.k) + " of " + std::to_string(q) + " queries");
        truth = exactTopK(0, q);
        truthSource = "computed by brute force";
    }
    if (!o.writeTruth.empty()) writeIvecs(o.writeTruth, truth);

    // ---- build
    progress("building: " + std::to_string(n) + " items, M " + std::to_string(o.m) + ", efConstruction " +
             std::to_string(o.efConstruction) + ", " + std::to_string(o.threads) + " threads");
    // The graph's own memory: what the resident set grows by while it is
    // made and filled (the data and the truth are resident before).
    const long long rssBeforeGraph = statusKiB("VmRSS:");
    hnswlib::HierarchicalNSW<float> graph(space.get(), size_t(n), size_t(o.m), size_t(o.efConstruction));
    const auto b0 = std::chrono::steady_clock::now();
    {
        std::atomic<long long> next{0};
        auto worker = [&] {
            std::vector<float> v(static_cast<size_t>(dims));
            for (long long i = next++; i < n; i = next++) {
                const float *p = base + size_t(i) * size_t(dims);
                if (cosine) {
                    normalise(p, v.data(), dims);
                    p = v.data();
                }
                graph.addPoint(p, hnswlib::labeltype(i));
            }
        };
        std::vector<std::thread> pool;
        for (int t = 1; t < o.threads; ++t)
            pool.emplace_back(worker);
        worker();
        for (std::thread &t : pool)
            t.join();
    }
    const double buildSeconds = secondsSince(b0);
    const long long graphRssKiB = statusKiB("VmRSS:") - rssBeforeGraph;
    progress("built in " + num(buildSeconds) + " s");

    // ---- search, one thread
    std::vector<float> qv(static_cast<size_t>(dims));
    auto search = [&](long long i) {
        const float *p = queries + size_t(i) * size_t(dims);
        if (cosine) {
            normalise(p, qv.data(), dims);
            p = qv.data();
        }
        return graph.searchKnn(p, size_t(o.k));
    };
    if (o.warmup > 0) {
        graph.setEf(size_t(*std::max_element(o.efs.begin(), o.efs.end())));
        for (long long i = 0; i < std::min(o.warmup, q); ++i)
            search(i);
    }
    std::string rowsJson;
    for (const int ef : o.efs) {
        graph.setEf(size_t(ef));
        std::vector<double> ms;
        ms.reserve(size_t(q));
        std::vector<std::vector<int>> found(static_cast<size_t>(q));
        const double c0 = cpuSeconds();
        const auto s0 = std::chrono::steady_clock::now();
        for (long long i = 0; i < q; ++i) {
            const auto q0 = std::chrono::steady_clock::now();
            auto result = search(i);
            ms.push_back(secondsSince(q0) * 1000.0);
            std::vector<int> &row = found[size_t(i)];
            while (!result.empty()) {
                row.push_back(int(result.top().second));
                result.pop();
            }
        }
        const double seconds = secondsSince(s0);
        const double cpu = cpuSeconds() - c0;
        double recall = 0;
        for (long long i = 0; i < q; ++i) {
            const std::vector<int> &t = truth[size_t(i)];
            const std::unordered_set<int> want(t.begin(), t.end());
            int hit = 0;
            for (const int r : found[size_t(i)])
                hit += int(want.count(r));
            recall += want.empty() ? 1.0 : double(hit) / double(want.size());
        }
        recall /= double(q);
        std::sort(ms.begin(), ms.end());
        double mean = 0;
        for (const double x : ms)
            mean += x;
        mean /= double(ms.size());
        if (!rowsJson.empty()) rowsJson += ",";
        rowsJson += "{\"ef\":" + std::to_string(ef) + ",\"recall_at_k\":" + num(recall) +
                    ",\"qps_1_thread\":" + num(double(q) / seconds) +
                    ",\"queries_per_cpu_s\":" + num(cpu > 0 ? double(q) / cpu : 0) +
                    ",\"p50_ms\":" + num(percentile(ms, 0.50)) + ",\"p99_ms\":" + num(percentile(ms, 0.99)) +
                    ",\"mean_ms\":" + num(mean) + ",\"max_ms\":" + num(ms.back()) + "}";
        progress("ef " + std::to_string(ef) + ": recall " + num(recall) + ", " + num(double(q) / seconds) + " q/s");
    }

    std::string out = "{\"peer\":\"hnswlib\",\"hnswlib\":\"0.6.2 (system headers)\"";
    out += ",\"compiler\":" + jsonString(__VERSION__);
    out += ",\"flags\":" + jsonString(SEXTANT_PEER_FLAGS);
    out += ",\"simd\":" + jsonString(simdLevel());
    out += ",\"data\":{\"file\":" + jsonString(o.base) + ",\"rows\":" + std::to_string(rows) +
           ",\"dims\":" + std::to_string(dims) + ",\"items\":" + std::to_string(n) +
           ",\"queries\":" + std::to_string(q) + ",\"metric\":" + jsonString(o.metric) + "}";
    out += ",\"params\":{\"M\":" + std::to_string(o.m) + ",\"efConstruction\":" + std::to_string(o.efConstruction) +
           ",\"k\":" + std::to_string(o.k) + ",\"build_threads\":" + std::to_string(o.threads) +
           ",\"warmup_queries\":" + std::to_string(std::min(o.warmup, q)) + "}";
    out += ",\"truth\":{\"source\":" + jsonString(truthSource);
    if (truthChecked > 0)
        out += ",\"checked_queries\":" + std::to_string(truthChecked) + ",\"agreement\":" + num(truthAgreement);
    out += "}";
    out += ",\"build_s\":" + num(buildSeconds);
    out += ",\"graph_rss_growth_MiB\":" + num(double(graphRssKiB) / 1024.0);
    out += ",\"ann\":[" + rowsJson + "]";
    out += ",\"peak_rss_MiB\":" + num(double(peakRssKiB()) / 1024.0) + "}\n";
    std::fputs(out.c_str(), stdout);
    return 0;
}
