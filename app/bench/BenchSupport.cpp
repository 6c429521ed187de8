#include "BenchSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStorageInfo>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <numeric>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#ifndef SEXTANT_BENCH_BUILD_TYPE
#define SEXTANT_BENCH_BUILD_TYPE "unknown"
#endif

namespace sextant::bench {

// ---------------------------------------------------------------- options

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("quick"), QStringLiteral("Scaled-down smoke run (well under a minute).")},
        {QStringLiteral("dir"),
         QStringLiteral("Folder to create the scratch folder in (default: the system temp folder)."),
         QStringLiteral("path")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the random data (default 42)."), QStringLiteral("n")},
        {QStringLiteral("keep"), QStringLiteral("Keep the scratch folder and print its path.")},
        {QStringLiteral("pretty"), QStringLiteral("Indent the JSON output.")},
    });
}

CommonOptions commonOptions(const QCommandLineParser &parser)
{
    CommonOptions o;
    o.quick = parser.isSet(QStringLiteral("quick"));
    o.pretty = parser.isSet(QStringLiteral("pretty"));
    o.keep = parser.isSet(QStringLiteral("keep"));
    o.dir = parser.value(QStringLiteral("dir"));
    if (parser.isSet(QStringLiteral("seed"))) o.seed = parser.value(QStringLiteral("seed")).toULongLong();
    return o;
}

// ---------------------------------------------------------------- output

static bool g_pretty = false;

void setPrettyOutput(bool pretty) { g_pretty = pretty; }

void emitJson(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(g_pretty ? QJsonDocument::Indented : QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    if (!g_pretty) std::fputc('\n', stdout);
    std::fflush(stdout);
}

void progress(const QString &line)
{
    std::fprintf(stderr, "[sextant-bench] %s\n", qPrintable(line));
    std::fflush(stderr);
}

// ---------------------------------------------------------------- machine

// /proc files report a size of 0, so read them to the end instead of asking atEnd().
static QString firstMatch(const QString &file, const QString &key)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(key)) {
            const qsizetype colon = line.indexOf(u':');
            return colon < 0 ? QString() : line.mid(colon + 1).trimmed();
        }
    }
    return {};
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

QJsonObject machineInfo(const QString &scratchDir)
{
    QJsonObject m;
    m[QStringLiteral("cpu_model")] = firstMatch(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name"));
    m[QStringLiteral("cores_online")] = int(sysconf(_SC_NPROCESSORS_ONLN));
    m[QStringLiteral("ideal_thread_count")] = QThread::idealThreadCount();
    const QString flags = firstMatch(QStringLiteral("/proc/cpuinfo"), QStringLiteral("flags"));
    QJsonArray relevant;
    for (const char *flag : {"sse4_2", "avx2", "avx512f", "sha_ni", "aes"})
        if (flags.split(u' ').contains(QLatin1String(flag))) relevant.append(QLatin1String(flag));
    m[QStringLiteral("cpu_flags")] = relevant;
    utsname u{};
    if (uname(&u) == 0) {
        m[QStringLiteral("kernel")] =
            QStringLiteral("%1 %2").arg(QString::fromLocal8Bit(u.sysname), QString::fromLocal8Bit(u.release));
        m[QStringLiteral("kernel_version")] = QString::fromLocal8Bit(u.version);
        m[QStringLiteral("arch")] = QString::fromLocal8Bit(u.machine);
    }
    m[QStringLiteral("os")] = QSysInfo::prettyProductName();
    const QString memTotal = firstMatch(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal"));
    m[QStringLiteral("mem_total_mib")] = double(memTotal.split(u' ').value(0).toLongLong() / 1024);
    m[QStringLiteral("loadavg_at_start")] = loadAverage();
    m[QStringLiteral("qt_runtime")] = QString::fromLatin1(qVersion());
    m[QStringLiteral("compiler")] = QStringLiteral(__VERSION__);
    m[QStringLiteral("build_type")] = QStringLiteral(SEXTANT_BENCH_BUILD_TYPE);
    const QStorageInfo storage(scratchDir);
    QJsonObject fs;
    fs[QStringLiteral("path")] = scratchDir;
    fs[QStringLiteral("type")] = QString::fromLatin1(storage.fileSystemType());
    fs[QStringLiteral("device")] = QString::fromLocal8Bit(storage.device());
    fs[QStringLiteral("free_gib")] = double(storage.bytesAvailable() >> 20) / 1024.0;
    m[QStringLiteral("scratch_filesystem")] = fs;
    return m;
}

MemStatus readMemStatus()
{
    MemStatus s;
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return s;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        auto value = [&](const char *key, qint64 &out) {
            if (line.startsWith(key))
                out = line.mid(qsizetype(std::strlen(key))).trimmed().split(' ').value(0).toLongLong();
        };
        value("VmRSS:", s.vmRssKiB);
        value("RssAnon:", s.rssAnonKiB);
        value("RssFile:", s.rssFileKiB);
        value("VmHWM:", s.vmHwmKiB);
        value("VmSize:", s.vmSizeKiB);
    }
    return s;
}

QJsonObject memStatusJson(const MemStatus &m)
{
    QJsonObject o;
    o[QStringLiteral("vm_rss_mib")] = double(m.vmRssKiB) / 1024.0;
    o[QStringLiteral("rss_anon_mib")] = double(m.rssAnonKiB) / 1024.0;
    o[QStringLiteral("rss_file_mib")] = double(m.rssFileKiB) / 1024.0;
    o[QStringLiteral("vm_hwm_mib")] = double(m.vmHwmKiB) / 1024.0;
    o[QStringLiteral("vm_size_mib")] = double(m.vmSizeKiB) / 1024.0;
    return o;
}

CpuTimes cpuTimes()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    CpuTimes t;
    t.user = double(ru.ru_utime.tv_sec) + double(ru.ru_utime.tv_usec) / 1e6;
    t.sys = double(ru.ru_stime.tv_sec) + double(ru.ru_stime.tv_usec) / 1e6;
    t.voluntarySwitches = ru.ru_nvcsw;
    t.involuntarySwitches = ru.ru_nivcsw;
    t.majorFaults = ru.ru_majflt;
    t.minorFaults = ru.ru_minflt;
    return t;
}

qint64 storageReadBytes()
{
    const QString v = firstMatch(QStringLiteral("/proc/self/io"), QStringLiteral("read_bytes"));
    return v.isEmpty() ? -1 : v.toLongLong();
}

void Stopwatch::restart()
{
    m_cpu = cpuTimes();
    m_start = std::chrono::steady_clock::now();
}

double Stopwatch::elapsedMs() const { return msSince(m_start); }

QJsonObject Stopwatch::cpuJson() const
{
    const double wall = elapsedSeconds();
    const CpuTimes now = cpuTimes();
    QJsonObject o;
    o[QStringLiteral("wall_s")] = wall;
    o[QStringLiteral("user_s")] = now.user - m_cpu.user;
    o[QStringLiteral("sys_s")] = now.sys - m_cpu.sys;
    o[QStringLiteral("cpu_util")] = wall > 0 ? (now.user - m_cpu.user + now.sys - m_cpu.sys) / wall : 0.0;
    o[QStringLiteral("voluntary_ctx_switches")] = double(now.voluntarySwitches - m_cpu.voluntarySwitches);
    o[QStringLiteral("involuntary_ctx_switches")] = double(now.involuntarySwitches - m_cpu.involuntarySwitches);
    o[QStringLiteral("loadavg")] = loadAverage();
    return o;
}

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty()) return 0;
    // Nearest rank: the smallest value with at least p of the samples at or below it.
    const size_t rank = size_t(std::ceil(p * double(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

QJsonObject latencySummary(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    QJsonObject o;
    o[QStringLiteral("samples")] = double(ms.size());
    if (ms.empty()) return o;
    o[QStringLiteral("min_ms")] = ms.front();
    o[QStringLiteral("p50_ms")] = percentile(ms, 0.50);
    o[QStringLiteral("p90_ms")] = percentile(ms, 0.90);
    o[QStringLiteral("p99_ms")] = percentile(ms, 0.99);
    o[QStringLiteral("p999_ms")] = percentile(ms, 0.999);
    o[QStringLiteral("max_ms")] = ms.back();
    o[QStringLiteral("mean_ms")] = std::accumulate(ms.begin(), ms.end(), 0.0) / double(ms.size());
    return o;
}

QJsonObject target(const QString &figure, const QString &op, double value, double measured, const QString &unit)
{
    QJsonObject t;
    t[QStringLiteral("figure")] = figure;
    t[QStringLiteral("target")] = QStringLiteral("%1 %2 %3").arg(op).arg(value).arg(unit);
    t[QStringLiteral("measured")] = measured;
    const bool met = op == QLatin1String("<=") ? measured <= value : measured >= value;
    t[QStringLiteral("met")] = met;
    return t;
}

// ---------------------------------------------------------------- data

void VectorSource::fill(float *out, int n)
{
    int i = 0;
    for (; i + 1 < n; i += 2) {
        const quint64 r = splitmix64(m_state);
        out[i] = float(uint32_t(r >> 40)) * (2.0f / 16777216.0f) - 1.0f;
        out[i + 1] = float(uint32_t((r >> 8) & 0xFFFFFF)) * (2.0f / 16777216.0f) - 1.0f;
    }
    if (i < n) out[i] = float(uint32_t(splitmix64(m_state) >> 40)) * (2.0f / 16777216.0f) - 1.0f;
}

QVector<float> VectorSource::next(int dims)
{
    QVector<float> v(dims);
    fill(v.data(), dims);
    return v;
}

QString itemId(quint64 seed, qint64 i)
{
    quint64 s = seed * 0x100000001B3ull ^ quint64(i);
    const quint64 h = splitmix64(s);
    return QStringLiteral("doc-%1").arg(h, 16, 16, QLatin1Char('0'));
}

// ---------------------------------------------------------------- page cache

static QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    return out;
}

qint64 folderBytes(const QString &dir, int *files)
{
    qint64 total = 0;
    const QStringList all = filesUnder(dir);
    for (const QString &f : all)
        total += QFileInfo(f).size();
    if (files) *files = int(all.size());
    return total;
}

int dropPageCache(const QString &dir)
{
    int n = 0;
    for (const QString &path : filesUnder(dir)) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        ::fdatasync(fd); // only clean pages can be dropped
        if (::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0) ++n;
        ::close(fd);
    }
    return n;
}

qint64 warmPageCache(const QString &dir)
{
    qint64 total = 0;
    std::vector<char> buf(4 << 20);
    for (const QString &path : filesUnder(dir)) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        ssize_t got;
        while ((got = ::read(fd, buf.data(), buf.size())) > 0)
            total += got;
        ::close(fd);
    }
    return total;
}

double residentFraction(const QString &dir)
{
    const long page = sysconf(_SC_PAGESIZE);
    qint64 pages = 0, resident = 0;
    for (const QString &path : filesUnder(dir)) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        const off_t size = ::lseek(fd, 0, SEEK_END);
        if (size > 0) {
            void *map = ::mmap(nullptr, size_t(size), PROT_READ, MAP_SHARED, fd, 0);
            if (map != MAP_FAILED) {
                const size_t n = size_t((size + page - 1) / page);
                std::vector<unsigned char> vec(n);
                if (::mincore(map, size_t(size), vec.data()) == 0) {
                    pages += qint64(n);
                    for (unsigned char c : vec)
                        resident += c & 1;
                }
                ::munmap(map, size_t(size));
            }
        }
        ::close(fd);
    }
    return pages ? double(resident) / double(pages) : 0.0;
}

} // namespace sextant::bench
