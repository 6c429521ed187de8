#pragma once
// Shared pieces of sextant-bench: JSON output, machine facts, clocks,
// resident memory, seeded data, page-cache control and the command table.
// A benchmark prints figures; it never asserts them (targets are printed
// next to the figures with a "met" flag, and the exit code ignores them).

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <chrono>
#include <cstdint>
#include <vector>

namespace sextant::bench {

// ---- the command table (main.cpp). A later issue adds `search`, `verify`,
// `import` by writing one function and one row in kCommands.
struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args); // args[0] is "sextant-bench <name>"
    bool hidden;                         // internal helpers (child processes)
};

int runEngine(const QStringList &args);
int runVerifyBench(const QStringList &args); // engine --only=verify
int runSearch(const QStringList &args);
int runImportBench(const QStringList &args);   // ImportBench.cpp
int runPostgresBench(const QStringList &args); // PostgresBench.cpp
int runExploreBench(const QStringList &args);  // ExploreBench.cpp
int runTextVectors(const QStringList &args);   // TextVectors.cpp
int runOpenProbe(const QStringList &args);
int runGui(const QStringList &args);     // only with SEXTANT_BUILD_GUI // hidden: measures one open in a fresh process
int runGuiSort(const QStringList &args); // SortBench.cpp, only with SEXTANT_BUILD_GUI

// ---- options every command takes
struct CommonOptions {
    bool quick = false;
    bool pretty = false;
    bool keep = false;
    QString dir; // parent folder of the scratch folder; /tmp when empty
    quint64 seed = 42;
};
void addCommonOptions(QCommandLineParser &parser);
CommonOptions commonOptions(const QCommandLineParser &parser);

// ---- output: one JSON object per line on stdout, progress on stderr
void setPrettyOutput(bool pretty);
void emitJson(const QJsonObject &object);
void progress(const QString &line);

// ---- machine and process facts
QJsonObject machineInfo(const QString &scratchDir);
QString loadAverage();

struct MemStatus {
    qint64 vmRssKiB = 0, rssAnonKiB = 0, rssFileKiB = 0, vmHwmKiB = 0, vmSizeKiB = 0;
};
MemStatus readMemStatus(); // /proc/self/status
QJsonObject memStatusJson(const MemStatus &m);

// CPU seconds used by this process (all threads), for "where did the time go".
struct CpuTimes {
    double user = 0, sys = 0;
    long voluntarySwitches = 0, involuntarySwitches = 0;
    long majorFaults = 0, minorFaults = 0;
};
CpuTimes cpuTimes();
// Bytes this process caused to be fetched from storage (/proc/self/io read_bytes; includes mmap faults).
qint64 storageReadBytes();

// Wall clock and CPU between construction and json().
class Stopwatch {
public:
    Stopwatch() { restart(); }
    void restart();
    double elapsedMs() const;
    double elapsedSeconds() const { return elapsedMs() / 1000.0; }
    QJsonObject cpuJson() const; // wall_s, user_s, sys_s, cpu_util, context switches

private:
    std::chrono::steady_clock::time_point m_start;
    CpuTimes m_cpu;
};

inline double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// p50/p90/p99/p999/max/mean/min of latencies in ms (sorts a copy).
QJsonObject latencySummary(std::vector<double> ms);
double percentile(const std::vector<double> &sorted, double p);

// A target from the issue, printed next to its figure.
QJsonObject target(const QString &figure, const QString &op, double value, double measured, const QString &unit);

// ---- seeded data
inline quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class VectorSource {
public:
    explicit VectorSource(quint64 seed) : m_state(seed) { }
    // Uniform in [-1, 1).
    void fill(float *out, int n);
    QVector<float> next(int dims);

private:
    quint64 m_state;
};

// Deterministic, unordered, unique-in-practice id of item `i` of a data set.
QString itemId(quint64 seed, qint64 i);

// ---- files and the page cache
qint64 folderBytes(const QString &dir, int *files = nullptr);
// fdatasync + posix_fadvise(DONTNEED) on every file under `dir`; returns files handled.
int dropPageCache(const QString &dir);
// Reads every file under `dir` once so it sits in the page cache.
qint64 warmPageCache(const QString &dir);
// Fraction (0..1) of the pages of the files under `dir` that are in the page cache (mincore).
double residentFraction(const QString &dir);

} // namespace sextant::bench
