// A child program run to its end with its own peak memory.
//
// Linux counts a parent's memory in the peak resident set that wait4()
// reports for a child it started with posix_spawn() or fork(): the child
// runs on the parent's address space (vfork) or a copy of it (fork) until
// exec, and exec records that address space's high-water mark as the new
// program's starting peak. So a 3.6 GB sextant-bench that starts a 2.7 GB
// sextant-cli reads 3.6 GB for the child. runMeasuredChild() therefore starts
// a small launcher first (sextant-bench itself, before a QCoreApplication or the
// engine is touched), and the launcher starts the program and reports what
// wait4() gave it: the program's own peak, at least the launcher's few MiB.
#pragma once

#include <QString>
#include <QStringList>

namespace sextant::bench {

struct ChildRun {
    bool ok = false;
    int exitCode = -1;
    double seconds = 0;           // the program's, timed by the launcher
    long long peakRssKiB = 0;     // the program's own peak resident set
    long long launcherRssKiB = 0; // the launcher's resident set when it started the program: the floor of peakRssKiB
    QString error;
};

// Runs `program args` through the launcher; its standard output goes to the
// bench's standard error (the bench's standard output is its JSON).
ChildRun runMeasuredChild(const QString &program, const QStringList &args);

// The launcher: main() calls it for `sextant-bench _run-child FD PROGRAM
// ARGS...` before it creates a QCoreApplication. Writes "exit seconds
// peak_kib launcher_kib\n" to FD.
int runChildLauncher(int argc, char **argv);

// `sextant-bench _measure-child --hold-mib N PROGRAM ARGS...`: touches N MiB,
// then runs PROGRAM through runMeasuredChild and prints its figures as JSON
// (tests/bench/check_child_peak.sh).
int runMeasureChild(const QStringList &args);

} // namespace sextant::bench
