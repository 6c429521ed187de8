// The writer lock: one writer per index folder, the holder named when a
// second one is refused, and locks of dead processes taken over.

#include "storage/WriterLock.h"
#include "base/FaultInjection.h"

#include "TestSupport.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace sextant;
using namespace sextant::storage;
using namespace sextant::base;
using namespace testsupport;

namespace {

// A child process that holds the QLockFile of `dir` until it is killed.
struct LockHoldingChild {
    pid_t pid = -1;

    bool start(const QString &dir)
    {
        int fds[2];
        if (pipe(fds) != 0) return false;
        const QByteArray lockPath = WriterLock::lockPath(dir).toLocal8Bit();
        pid = fork();
        if (pid < 0) return false;
        if (pid == 0) {
            ::close(fds[0]);
            QLockFile lock(QString::fromLocal8Bit(lockPath));
            lock.setStaleLockTime(0);
            const char ok = lock.tryLock(0) ? '1' : '0';
            (void)!::write(fds[1], &ok, 1);
            for (;;)
                pause();
        }
        ::close(fds[1]);
        char ok = 0;
        const bool got = ::read(fds[0], &ok, 1) == 1 && ok == '1';
        ::close(fds[0]);
        return got;
    }
    void kill()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            int status = 0;
            waitpid(pid, &status, 0);
            pid = -1;
        }
    }
    ~LockHoldingChild() { kill(); }
};

// A child that creates LOCK empty and holds an flock on it, as a writer
// stopped between QLockFile's create and write would (if it were still alive).
struct EmptyLockHoldingChild {
    pid_t pid = -1;
    bool start(const QString &dir)
    {
        int fds[2];
        if (pipe(fds) != 0) return false;
        const QByteArray lockPath = QFile::encodeName(WriterLock::lockPath(dir));
        pid = fork();
        if (pid < 0) return false;
        if (pid == 0) {
            ::close(fds[0]);
            const int fd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_EXCL, 0644);
            const char ok = fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0 ? '1' : '0';
            (void)!::write(fds[1], &ok, 1);
            for (;;)
                pause();
        }
        ::close(fds[1]);
        char ok = 0;
        const bool got = ::read(fds[0], &ok, 1) == 1 && ok == '1';
        ::close(fds[0]);
        return got;
    }
    ~EmptyLockHoldingChild()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            int status = 0;
            waitpid(pid, &status, 0);
        }
    }
};

// A pid that certainly belongs to no running process: a child that has
// exited and been reaped.
pid_t deadPid()
{
    const pid_t p = fork();
    if (p == 0) _exit(0);
    int status = 0;
    waitpid(p, &status, 0);
    return p;
}

} // namespace

class TestLock : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void acquireCreatesLockFile();
    void secondAcquireInSameProcessIsRefused();
    void differentSpellingOfSameFolderIsRefused();
    void releasedOnDestruction();
    void independentFoldersDoNotInterfere();
    void lockOfLiveProcessIsRefusedWithHolder();
    void oldLockOfLiveProcessIsNotBroken();
    void lockOfKilledProcessIsTakenOver();
    void staleLockFileWithDeadPidIsTakenOver();
    void applicationNameIsShownToOthers();
    void ownerFileOfAnotherPidIsIgnored();
    void emptyLockFileOfDeadWriterIsTakenOver();
    void emptyLockFileHeldByLiveProcessIsRefused();
    void missingFolderIsIoError();
    void holderOfUnlockedFolderIsEmpty();
    void fullDiskWithStaleLockNamesTheCause();
    void fullDiskWithoutLockNamesTheCause();
    void fullDiskWithLiveHolderNamesTheHolder();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_app;
};

void TestLock::initTestCase()
{
    // QLockFile records the executable's name, whatever applicationName says.
    m_app = QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    QCOMPARE(m_app, QStringLiteral("tst_lock"));
}

void TestLock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLock::acquireCreatesLockFile()
{
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir->path());
    QVERIFY2(lock.ok(), qPrintable(lock.error().message()));
    QCOMPARE(WriterLock::lockPath(m_dir->path()), m_dir->path() + QStringLiteral("/LOCK"));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("LOCK"))));
    const std::optional<LockHolder> h = WriterLock::holder(m_dir->path());
    QVERIFY(h.has_value());
    QCOMPARE(h->pid, QCoreApplication::applicationPid());
    QCOMPARE(h->application, m_app);
    QVERIFY(!h->host.isEmpty());
}

void TestLock::secondAcquireInSameProcessIsRefused()
{
    Result<std::unique_ptr<WriterLock>> first = WriterLock::acquire(m_dir->path());
    QVERIFY(first.ok());
    Result<std::unique_ptr<WriterLock>> second = WriterLock::acquire(m_dir->path());
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code(), ErrorCode::Locked);
    // The holder as fields (docs/errors.md): callers never read the sentence.
    QCOMPARE(second.error().holderPid(), QCoreApplication::applicationPid());
    QCOMPARE(second.error().holderApplication(), m_app);
    QCOMPARE(second.error().holderHost(), WriterLock::holder(m_dir->path())->host);
    QVERIFY(!second.error().holderHost().isEmpty());
    // The refusal did not disturb the holder.
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("LOCK"))));
    QCOMPARE(WriterLock::holder(m_dir->path())->pid, QCoreApplication::applicationPid());
}

void TestLock::differentSpellingOfSameFolderIsRefused()
{
    Result<std::unique_ptr<WriterLock>> first = WriterLock::acquire(m_dir->path());
    QVERIFY(first.ok());
    const QString dotted = m_dir->path() + QStringLiteral("/./");
    QCOMPARE(WriterLock::acquire(dotted).error().code(), ErrorCode::Locked);
    const QString link = m_dir->path() + QStringLiteral("-link");
    QFile::remove(link);
    QVERIFY(QFile::link(m_dir->path(), link));
    Result<std::unique_ptr<WriterLock>> viaLink = WriterLock::acquire(link);
    QFile::remove(link);
    QVERIFY(!viaLink.ok());
    QCOMPARE(viaLink.error().code(), ErrorCode::Locked);
}

void TestLock::releasedOnDestruction()
{
    {
        Result<std::unique_ptr<WriterLock>> first = WriterLock::acquire(m_dir->path());
        QVERIFY(first.ok());
    }
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("LOCK"))));
    QVERIFY(!WriterLock::holder(m_dir->path()).has_value());
    for (int i = 0; i < 3; ++i) {
        Result<std::unique_ptr<WriterLock>> again = WriterLock::acquire(m_dir->path());
        QVERIFY2(again.ok(), qPrintable(again.error().message()));
    }
}

void TestLock::independentFoldersDoNotInterfere()
{
    QTemporaryDir other;
    Result<std::unique_ptr<WriterLock>> a = WriterLock::acquire(m_dir->path());
    Result<std::unique_ptr<WriterLock>> b = WriterLock::acquire(other.path());
    QVERIFY(a.ok());
    QVERIFY(b.ok());
}

void TestLock::lockOfLiveProcessIsRefusedWithHolder()
{
    LockHoldingChild child;
    QVERIFY(child.start(m_dir->path()));
    const std::optional<LockHolder> h = WriterLock::holder(m_dir->path());
    QVERIFY(h.has_value());
    QCOMPARE(h->pid, qint64(child.pid));
    QVERIFY(!h->stale);
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir->path());
    QVERIFY(!lock.ok());
    QCOMPARE(lock.error().code(), ErrorCode::Locked);
    QCOMPARE(lock.error().holderPid(), qint64(child.pid));
    QCOMPARE(lock.error().holderHost(), h->host);
    // The refused attempt left the child's lock alone.
    QCOMPARE(WriterLock::holder(m_dir->path())->pid, qint64(child.pid));
}

void TestLock::oldLockOfLiveProcessIsNotBroken()
{
    // Stale time 0: however old the lock file is, a live holder keeps it.
    LockHoldingChild child;
    QVERIFY(child.start(m_dir->path()));
    QFile f(WriterLock::lockPath(m_dir->path()));
    QVERIFY(f.open(QIODevice::ReadWrite));
    const QDateTime old = QDateTime::currentDateTime().addDays(-30);
    QVERIFY(f.setFileTime(old, QFileDevice::FileModificationTime));
    f.close();
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir->path());
    QVERIFY(!lock.ok());
    QCOMPARE(lock.error().code(), ErrorCode::Locked);
}

void TestLock::lockOfKilledProcessIsTakenOver()
{
    LockHoldingChild child;
    QVERIFY(child.start(m_dir->path()));
    const qint64 childPid = child.pid;
    child.kill(); // SIGKILL: the lock file stays behind
    QVERIFY(QFile::exists(WriterLock::lockPath(m_dir->path())));
    QCOMPARE(WriterLock::holder(m_dir->path())->pid, childPid);
    QVERIFY(WriterLock::holder(m_dir->path())->stale); // the lock file outlived its writer
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir->path());
    QVERIFY2(lock.ok(), qPrintable(lock.error().message()));
    QVERIFY(!WriterLock::holder(m_dir->path())->stale);
    QCOMPARE(WriterLock::holder(m_dir->path())->pid, QCoreApplication::applicationPid());
    // And it is really ours now: a second acquire is refused.
    QCOMPARE(WriterLock::acquire(m_dir->path()).error().code(), ErrorCode::Locked);
}

void TestLock::staleLockFileWithDeadPidIsTakenOver()
{
    // Take a lock to learn the exact file format of this Qt version, then
    // rewrite it with the pid of a process that no longer exists.
    QByteArray content;
    {
        QLockFile probe(WriterLock::lockPath(m_dir->path()));
        QVERIFY(probe.tryLock(0));
        content = readAll(WriterLock::lockPath(m_dir->path()));
    }
    QVERIFY(!content.isEmpty());
    QList<QByteArray> lines = content.split('\n');
    QCOMPARE(lines[0], QByteArray::number(QCoreApplication::applicationPid()));
    const pid_t dead = deadPid();
    lines[0] = QByteArray::number(dead);
    lines[1] = "crashed-writer";
    QVERIFY(writeAll(WriterLock::lockPath(m_dir->path()), lines.join('\n')));
    const std::optional<LockHolder> stale = WriterLock::holder(m_dir->path());
    QVERIFY(stale.has_value());
    QCOMPARE(stale->pid, qint64(dead));
    QCOMPARE(stale->application, QStringLiteral("crashed-writer"));

    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir->path());
    QVERIFY2(lock.ok(), qPrintable(lock.error().message()));
    QCOMPARE(WriterLock::holder(m_dir->path())->pid, QCoreApplication::applicationPid());
}

void TestLock::applicationNameIsShownToOthers()
{
    {
        Result<std::unique_ptr<WriterLock>> lock =
            WriterLock::acquire(m_dir->path(), QStringLiteral("Sextant Workbench"));
        QVERIFY2(lock.ok(), qPrintable(lock.error().message()));
        QCOMPARE(WriterLock::holder(m_dir->path())->application, QStringLiteral("Sextant Workbench"));
        Result<std::unique_ptr<WriterLock>> second = WriterLock::acquire(m_dir->path(), QStringLiteral("other"));
        QCOMPARE(second.error().code(), ErrorCode::Locked);
        QVERIFY2(second.error().message().contains(QStringLiteral("Sextant Workbench")),
                 qPrintable(second.error().message()));
    }
    // Released: neither the lock nor the name stays behind.
    QVERIFY(!WriterLock::holder(m_dir->path()).has_value());
    QVERIFY(!QFile::exists(WriterLock::ownerPath(m_dir->path())));
    // The next holder without a name is shown by its executable's name.
    Result<std::unique_ptr<WriterLock>> plain = WriterLock::acquire(m_dir->path());
    QVERIFY(plain.ok());
    QCOMPARE(WriterLock::holder(m_dir->path())->application, m_app);
}

void TestLock::ownerFileOfAnotherPidIsIgnored()
{
    // A name left behind by a writer that was killed must not be shown for
    // the next holder.
    QVERIFY(writeAll(WriterLock::ownerPath(m_dir->path()),
                     "{\"pid\":" + QByteArray::number(deadPid()) + ",\"application\":\"ghost\"}"));
    LockHoldingChild child;
    QVERIFY(child.start(m_dir->path()));
    const std::optional<LockHolder> h = WriterLock::holder(m_dir->path());
    QVERIFY(h.has_value());
    QCOMPARE(h->pid, qint64(child.pid));
    QVERIFY(h->application != QStringLiteral("ghost"));
    const Result<std::unique_ptr<WriterLock>> refused = WriterLock::acquire(m_dir->path());
    QVERIFY(!refused.error().message().contains(QStringLiteral("ghost")));
}

void TestLock::emptyLockFileOfDeadWriterIsTakenOver()
{
    // QLockFile creates the file before writing into it: a writer killed in
    // between leaves an empty LOCK that no live process holds.
    QVERIFY(writeAll(WriterLock::lockPath(m_dir->path()), QByteArray()));
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir->path());
    QVERIFY2(lock.ok(), qPrintable(lock.error().message()));
    QCOMPARE(WriterLock::holder(m_dir->path())->pid, QCoreApplication::applicationPid());
}

void TestLock::emptyLockFileHeldByLiveProcessIsRefused()
{
    EmptyLockHoldingChild child;
    QVERIFY(child.start(m_dir->path()));
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir->path());
    QVERIFY2(!lock.ok(), "took over a lock file that a live process holds");
    QCOMPARE(lock.error().code(), ErrorCode::Locked);
    QVERIFY(QFile::exists(WriterLock::lockPath(m_dir->path())));
}

void TestLock::missingFolderIsIoError()
{
    const QString missing = m_dir->filePath(QStringLiteral("does/not/exist"));
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(missing);
    QVERIFY(!lock.ok());
    QCOMPARE(lock.error().code(), ErrorCode::Io);
    QVERIFY(lock.error().message().contains(missing));
    // The failed attempt does not block a later one once the folder exists.
    QVERIFY(QDir().mkpath(missing));
    QVERIFY(WriterLock::acquire(missing).ok());
}

void TestLock::holderOfUnlockedFolderIsEmpty() { QVERIFY(!WriterLock::holder(m_dir->path()).has_value()); }

// U1 (issue 14): on a full disk, a stale LOCK was reported as "open for
// writing by <the dead process>", hiding the ENOSPC of the takeover. The
// disk is made full by fault injection: every write to a LOCK file fails.
void TestLock::fullDiskWithStaleLockNamesTheCause()
{
    LockHoldingChild child;
    QVERIFY(child.start(m_dir->path()));
    const qint64 childPid = child.pid;
    child.kill();
    QVERIFY(WriterLock::holder(m_dir->path())->stale);
    faults::arm({faults::Op::Write, 0, -1, ENOSPC, false, QStringLiteral("/LOCK")});
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir->path());
    const int injected = faults::injected();
    faults::disarm();
    QVERIFY(injected > 0);
    QVERIFY(!lock.ok());
    const QString message = lock.error().message();
    QCOMPARE(lock.error().code(), ErrorCode::Io);
    QVERIFY2(message.contains(QString::fromLocal8Bit(std::strerror(ENOSPC))), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("errno %1").arg(ENOSPC)), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("no longer running")) && message.contains(QString::number(childPid)),
             qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("open for writing by")), qPrintable(message));
    QCOMPARE(lock.error().path(), WriterLock::lockPath(m_dir->path()));
    // With room again, the stale lock is taken over as before.
    Result<std::unique_ptr<WriterLock>> again = WriterLock::acquire(m_dir->path());
    QVERIFY2(again.ok(), qPrintable(again.error().message()));
}

// U2: without a stale lock, a full disk got "is the folder writable?".
void TestLock::fullDiskWithoutLockNamesTheCause()
{
    faults::arm({faults::Op::Write, 0, -1, ENOSPC, false, QStringLiteral("/LOCK")});
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir->path());
    faults::disarm();
    QVERIFY(!lock.ok());
    const QString message = lock.error().message();
    QCOMPARE(lock.error().code(), ErrorCode::Io);
    QVERIFY2(message.contains(QString::fromLocal8Bit(std::strerror(ENOSPC))) && message.contains(m_dir->path()),
             qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("writable?")), qPrintable(message));
    QVERIFY(!QFile::exists(WriterLock::lockPath(m_dir->path()))); // nothing left behind
    QVERIFY(WriterLock::acquire(m_dir->path()).ok());
}

// A live holder stays the cause that is named, full disk or not.
void TestLock::fullDiskWithLiveHolderNamesTheHolder()
{
    LockHoldingChild child;
    QVERIFY(child.start(m_dir->path()));
    faults::arm({faults::Op::Write, 0, -1, ENOSPC, false, QStringLiteral("/LOCK")});
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir->path());
    faults::disarm();
    QVERIFY(!lock.ok());
    QCOMPARE(lock.error().code(), ErrorCode::Locked);
    QVERIFY2(lock.error().message().contains(QString::number(child.pid)), qPrintable(lock.error().message()));
}

QTEST_GUILESS_MAIN(TestLock)
#include "tst_lock.moc"
