// sextant-bench: prints benchmark figures as JSON (one object per line on
// standard output; progress goes to standard error).
//
//   sextant-bench                      same as `sextant-bench engine`
//   sextant-bench engine [--quick] ... storage engine: inserts, bulk import, open, verify
//   sextant-bench verify [--quick] ... quick and full verify of a large index: GB/s
//   sextant-bench kernels [--quick] .. distance kernels: ns per pair, GB/s streaming, per SIMD level
//   sextant-bench search [--quick] ... HNSW search beside raw hnswlib (sextant-hnswlib-peer): QPS, recall, filters
//   sextant-bench text-vectors ....... a real-text .npy data set (chunks of /usr/share/doc, built-in embedder)
//   sextant-bench import [--quick] ... documents/s and MB/s (built-in embedder), vectors/s from .npy
//   sextant-bench postgres --conninfo URL ... publish throughput to PostgreSQL + pgvector
//   sextant-bench explore [--quick] .. near-duplicates and UMAP on an index with its graph ready
//   sextant-bench gui-sort --index P . time to build Browse's column-sort orderings of an index
//   sextant-bench help                 the list of commands
//
// Every command takes --quick, --dir, --seed, --keep, --pretty and --help.
// Adding a command (search, verify, import, ...) is one function with the
// signature of Command::run and one row in kCommands.

#include "BenchSupport.h"
#include "ChildProcess.h"
#include "KernelBench.h"

#include <QCoreApplication>
#ifdef SEXTANT_BENCH_GUI
#include <QApplication>
#endif
#include <memory>

#include <cstdio>
#include <cstring>
#include <iterator>

using namespace sextant::bench;

namespace {

const Command kCommands[] = {
    {"engine", "Storage engine: durable inserts, concurrent writers, bulk import, open of a large index, verify.",
     &runEngine, false},
    {"verify",
     "Verify: quick and full verification of a large index (default 1M x 384), warm and cold page cache, GB/s.",
     &runVerifyBench, false},
    {"kernels", "Distance kernels: ns per pair in cache, GB/s streaming a matrix from RAM, at every SIMD level.",
     &runKernels, false},
    {"search",
     "Search beside raw hnswlib (-march=native) on one data file: QPS, p50/p99, recall@10 per ef, QPS at recall 0.95.",
     &runSearch, false},
    {"text-vectors",
     "A real-text data set: chunks of /usr/share/doc embedded with the built-in embedder, saved as .npy.",
     &runTextVectors, false},
    {"import", "Import: documents/s and MB/s with the built-in embedder on /usr/share/doc; vectors/s from a .npy file.",
     &runImportBench, false},
    {"postgres",
     "Publish to PostgreSQL + pgvector (--conninfo): full publish of 100k x 384, then 1% changed; items/s, MB/s.",
     &runPostgresBench, false},
    {"explore", "Explore: near-duplicates and a UMAP layout of an index with its graph ready (default 100k x 384).",
     &runExploreBench, false},
#ifdef SEXTANT_BENCH_GUI
    {"gui", "GUI: worst event-loop stall while importing 1M vectors and scrolling a 1M-row table; open to first rows.",
     &runGui, false},
    {"gui-sort", "GUI: time to build a Browse column sort's ordering (natural id, id, a field, the norm) of an index.",
     &runGuiSort, false},
#endif
    {"_open-probe", "Internal: opens one index in a fresh process and reports time and memory.", &runOpenProbe, true},
    {"_measure-child", "Internal: holds memory, runs a program through the launcher, reports its peak.",
     &runMeasureChild, true},
};

void printUsage(FILE *to)
{
    std::fprintf(to, "Usage: sextant-bench [COMMAND] [OPTIONS]\n\n"
                     "Prints benchmark figures as JSON lines on standard output.\n"
                     "Without a command, runs `engine`. `sextant-bench COMMAND --help` lists its options.\n\n"
                     "Commands:\n");
    for (const Command &c : kCommands)
        if (!c.hidden) std::fprintf(to, "  %-12s %s\n", c.name, c.summary);
}

} // namespace

int main(int argc, char **argv)
{
    // The launcher of measured child programs (ChildProcess.h): before
    // a QCoreApplication exists, so that its own resident set stays small.
    if (argc > 1 && std::strcmp(argv[1], "_run-child") == 0) return runChildLauncher(argc, argv);
    // The gui command needs a QApplication (and a platform: offscreen
    // without a display); the others run without one.
    std::unique_ptr<QCoreApplication> app;
#ifdef SEXTANT_BENCH_GUI
    if (argc > 1 && qstrcmp(argv[1], "gui") == 0) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    }
#endif
    if (!app) app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sextant-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SEXTANT_BENCH_VERSION));

    QStringList args = QCoreApplication::arguments();
    QString name = QStringLiteral("engine");
    if (args.size() > 1 && !args.at(1).startsWith(u'-')) name = args.takeAt(1);
    if (name == QLatin1String("help")) {
        printUsage(stdout);
        return 0;
    }
    if (args.size() > 1 && (args.at(1) == QLatin1String("--list") || args.at(1) == QLatin1String("--commands"))) {
        printUsage(stdout);
        return 0;
    }
    for (const Command &c : kCommands) {
        if (name == QLatin1String(c.name)) {
            args[0] = QStringLiteral("sextant-bench ") + name;
            return c.run(args);
        }
    }
    std::fprintf(stderr, "sextant-bench: unknown command '%s'\n\n", qPrintable(name));
    printUsage(stderr);
    return 2;
}
