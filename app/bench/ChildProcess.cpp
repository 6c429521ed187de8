#include "ChildProcess.h"

#include "BenchSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace sextant::bench {

namespace {

bool writeAll(int fd, const char *p, size_t n)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= size_t(w);
    }
    return true;
}

} // namespace

int runChildLauncher(int argc, char **argv)
{
    // argv: sextant-bench _run-child FD PROGRAM ARGS...
    if (argc < 4) {
        std::fprintf(stderr, "sextant-bench _run-child: usage: _run-child FD PROGRAM [ARGS...]\n");
        return 2;
    }
    char *end = nullptr;
    const long fd = std::strtol(argv[2], &end, 10);
    if (!end || *end || fd < 3 || fd > 1000000) {
        std::fprintf(stderr, "sextant-bench _run-child: bad descriptor '%s'\n", argv[2]);
        return 2;
    }
    const int out = int(fd);
    // The program must not hold the result pipe: the bench reads it to its end.
    ::fcntl(out, F_SETFD, FD_CLOEXEC);
    const long long launcherKiB = readMemStatus().vmRssKiB;
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[3], nullptr, nullptr, argv + 3, environ);
    char line[160];
    if (spawned != 0) {
        std::snprintf(line, sizeof line, "spawn-failed %d\n", spawned);
        writeAll(out, line, std::strlen(line));
        return 1;
    }
    int status = 0;
    struct rusage use { };
    while (wait4(pid, &status, 0, &use) < 0)
        if (errno != EINTR) {
            std::snprintf(line, sizeof line, "wait-failed %d\n", errno);
            writeAll(out, line, std::strlen(line));
            return 1;
        }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const int exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::snprintf(line, sizeof line, "%d %.6f %ld %lld\n", exitCode, seconds, long(use.ru_maxrss), launcherKiB);
    return writeAll(out, line, std::strlen(line)) ? 0 : 1;
}

ChildRun runMeasuredChild(const QString &program, const QStringList &args)
{
    ChildRun r;
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
        r.error = QStringLiteral("cannot create a pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return r;
    }
    // The launcher inherits the write end under a number of its own (dup2
    // clears close-on-exec on the copy; the copy must be a different number).
    const int childFd = pipeFds[1] == 200 ? 201 : 200;
    std::vector<QByteArray> bytes{QFile::encodeName(QCoreApplication::applicationFilePath()),
                                  QByteArrayLiteral("_run-child"), QByteArray::number(childFd),
                                  QFile::encodeName(program)};
    for (const QString &a : args)
        bytes.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &b : bytes)
        argv.push_back(b.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], childFd);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    if (spawned != 0) {
        ::close(pipeFds[0]);
        r.error = QStringLiteral("cannot start %1: %2")
                      .arg(QString::fromUtf8(argv[0]), QString::fromLocal8Bit(std::strerror(spawned)));
        return r;
    }
    QByteArray report;
    char buf[256];
    for (;;) {
        const ssize_t n = ::read(pipeFds[0], buf, sizeof buf);
        if (n > 0) {
            report.append(buf, n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        break;
    }
    ::close(pipeFds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) break;
    const QList<QByteArray> f = report.trimmed().split(' ');
    bool okCode = false, okSeconds = false, okPeak = false, okLauncher = false;
    if (f.size() == 4) {
        r.exitCode = f[0].toInt(&okCode);
        r.seconds = f[1].toDouble(&okSeconds);
        r.peakRssKiB = f[2].toLongLong(&okPeak);
        r.launcherRssKiB = f[3].toLongLong(&okLauncher);
    }
    if (!(okCode && okSeconds && okPeak && okLauncher)) {
        r.error = QStringLiteral("%1 did not run (launcher: \"%2\", status %3)")
                      .arg(program, QString::fromUtf8(report.trimmed()))
                      .arg(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return r;
    }
    r.ok = r.exitCode == 0;
    if (!r.ok) r.error = QStringLiteral("%1 %2 failed (exit status %3)").arg(program, args.value(0)).arg(r.exitCode);
    return r;
}

int runMeasureChild(const QStringList &args)
{
    // Hidden: sextant-bench _measure-child --hold-mib N PROGRAM ARGS...
    QStringList rest = args.mid(1);
    qint64 holdMiB = 0;
    if (rest.size() >= 2 && rest.at(0) == QLatin1String("--hold-mib")) {
        holdMiB = rest.at(1).toLongLong();
        rest = rest.mid(2);
    }
    if (rest.isEmpty() || holdMiB < 0 || holdMiB > 65536) {
        std::fprintf(stderr, "usage: sextant-bench _measure-child [--hold-mib N] PROGRAM [ARGS...]\n");
        return 2;
    }
    // This process's memory, touched page by page and kept until the end.
    std::vector<char> held(size_t(holdMiB) << 20);
    for (size_t i = 0; i < held.size(); i += 4096)
        held[i] = char(i >> 12);
    const ChildRun r = runMeasuredChild(rest.at(0), rest.mid(1));
    long long sum = 0; // read back: the memory is held until here
    for (size_t i = 0; i < held.size(); i += 4096)
        sum += held[i];
    emitJson(QJsonObject{{QStringLiteral("ok"), r.ok},
                         {QStringLiteral("error"), r.error},
                         {QStringLiteral("exit_code"), r.exitCode},
                         {QStringLiteral("held_MiB"), double(holdMiB)},
                         {QStringLiteral("held_sum"), double(sum)},
                         {QStringLiteral("parent_rss_MiB"), double(readMemStatus().vmRssKiB) / 1024.0},
                         {QStringLiteral("child_peak_rss_MiB"), double(r.peakRssKiB) / 1024.0},
                         {QStringLiteral("launcher_rss_MiB"), double(r.launcherRssKiB) / 1024.0}});
    return r.ok ? 0 : 1;
}

} // namespace sextant::bench
