#include "storage/WriterLock.h"

#include "base/FaultInjection.h"
#include "base/FileIo.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutex>
#include <QSet>
#include <QSysInfo>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <QCoreApplication>

namespace sextant::storage {

namespace {
// QLockFile does not stop a second QLockFile in the same process from
// "taking over" a lock whose pid is our own, so the process keeps its own
// registry of folders it writes.
QMutex g_heldMutex;
QSet<QString> g_held;

QString canonical(const QString &dir)
{
    const QString c = QFileInfo(dir).canonicalFilePath();
    return c.isEmpty() ? QFileInfo(dir).absoluteFilePath() : c;
}

QString errnoText(int err)
{
    return QStringLiteral("%1 (errno %2)").arg(QString::fromLocal8Bit(std::strerror(err))).arg(err);
}

// The holder's fields on a lock error, so callers need not read the sentence.
Error withHolder(Error error, const std::optional<LockHolder> &h)
{
    if (h) error.withHolder(h->application, h->pid, h->host);
    return error;
}

// QLockFile says neither why it could not create or write LOCK ("unknown
// error") nor why it could not take over a dead writer's lock (it reports
// "locked", because writing LOCK.rmlock failed). Both hide a full disk or a
// read-only folder, so before the lock the folder is tried the way
// QLockFile uses it: an unnamed file (O_TMPFILE, so nothing is left behind
// by a crash) created there and written with as many bytes as a lock file
// holds. Returns 0, or the errno that stopped it; `what` says which step.
int probeWritable(const QString &indexDir, QString *what)
{
    const QByteArray native = QFile::encodeName(indexDir);
    int fd;
    do {
        fd = ::open(native.constData(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        const int err = errno;
        // A file system without unnamed files cannot be probed this way;
        // QLockFile's own error is all there is then.
        if (err == EOPNOTSUPP || err == EISDIR || err == EINVAL) return 0;
        *what = QStringLiteral("creating a file in %1").arg(indexDir);
        return err;
    }
    const QString probePath = WriterLock::lockPath(indexDir) + QStringLiteral(" (a test write)");
    char bytes[128];
    std::memset(bytes, ' ', sizeof bytes);
    int err = base::faults::maybeFail(base::faults::Op::Write, probePath);
    if (err == 0) {
        ssize_t written;
        do {
            written = ::write(fd, bytes, sizeof bytes);
        } while (written < 0 && errno == EINTR);
        if (written < 0)
            err = errno;
        else if (written != ssize_t(sizeof bytes))
            err = ENOSPC; // a short write: the space ran out
    }
    ::close(fd);
    if (err != 0) *what = QStringLiteral("writing a file in %1").arg(indexDir);
    return err;
}
} // namespace

QString WriterLock::lockPath(const QString &indexDir) { return indexDir + QStringLiteral("/LOCK"); }
QString WriterLock::ownerPath(const QString &indexDir) { return indexDir + QStringLiteral("/LOCK.owner"); }

WriterLock::~WriterLock()
{
    if (m_lock) {
        if (!m_ownerPath.isEmpty()) base::removeFile(m_ownerPath);
        m_lock->unlock();
        QMutexLocker g(&g_heldMutex);
        g_held.remove(m_key);
    }
}

std::optional<LockHolder> WriterLock::holder(const QString &indexDir)
{
    QLockFile probe(lockPath(indexDir));
    LockHolder h;
    if (!probe.getLockInfo(&h.pid, &h.host, &h.application)) return std::nullopt;
    if (h.pid > 0 && h.host == QSysInfo::machineHostName()) h.stale = ::kill(pid_t(h.pid), 0) != 0 && errno == ESRCH;
    // The owner file is only believed when it was written by the same process.
    const Result<QByteArray> owner = base::readWholeFile(ownerPath(indexDir), 64 * 1024);
    if (owner.ok()) {
        const QJsonObject o = QJsonDocument::fromJson(*owner).object();
        const QString app = o.value(QStringLiteral("application")).toString();
        if (qint64(o.value(QStringLiteral("pid")).toDouble(-1)) == h.pid && !app.isEmpty()) h.application = app;
    }
    return h;
}

Result<std::unique_ptr<WriterLock>> WriterLock::acquire(const QString &indexDir, const QString &application)
{
    const QString key = canonical(indexDir);
    auto lock = std::make_unique<QLockFile>(lockPath(indexDir));
    lock->setStaleLockTime(0);
    {
        QMutexLocker g(&g_heldMutex);
        if (g_held.contains(key)) {
            std::optional<LockHolder> h = holder(indexDir);
            return withHolder(
                Error(
                    ErrorCode::Locked,
                    QStringLiteral("The index is already open for writing by %1. Close it there, or open it read-only.")
                        .arg(h ? h->describe() : QStringLiteral("this program")),
                    indexDir),
                h);
        }
        QString probeStep;
        if (const int err = probeWritable(indexDir, &probeStep)) {
            // A live holder is the cause that matters; otherwise the errno is.
            const std::optional<LockHolder> h = holder(indexDir);
            if (h && !h->stale)
                return withHolder(
                           Error(ErrorCode::Locked,
                                 QStringLiteral(
                                     "The index is open for writing by %1. Close it there, or open it read-only.")
                                     .arg(h->describe()),
                                 indexDir),
                           h)
                    .withSystemError(err);
            if (h && h->stale)
                return withHolder(
                           Error(ErrorCode::Io,
                                 QStringLiteral(
                                     "Could not take over the writer lock of %1: the lock file names %2, which is "
                                     "no longer running, but %3 failed: %4.")
                                     .arg(indexDir, h->describe(), probeStep, errnoText(err)),
                                 lockPath(indexDir)),
                           h)
                    .withSystemError(err);
            return Error(ErrorCode::Io,
                         QStringLiteral("Could not take the writer lock of %1: %2 failed: %3.")
                             .arg(indexDir, probeStep, errnoText(err)),
                         lockPath(indexDir))
                .withSystemError(err);
        }
        bool locked = lock->tryLock(0);
        if (!locked && lock->error() == QLockFile::LockFailedError && !holder(indexDir)) {
            // An unreadable lock file: QLockFile creates the file before it
            // takes the flock and writes its content, so a writer killed in
            // between leaves an empty file that would lock the index forever.
            // Look again after a moment (a live writer is past that gap by
            // then); if it is still unreadable, removeStaleLockFile() succeeds
            // only when no live process holds the flock.
            QThread::msleep(50);
            if (!holder(indexDir) && lock->removeStaleLockFile()) locked = lock->tryLock(0);
        }
        if (!locked) {
            if (lock->error() == QLockFile::LockFailedError) {
                std::optional<LockHolder> h = holder(indexDir);
                if (h && h->stale)
                    return withHolder(
                        Error(ErrorCode::Locked,
                              QStringLiteral(
                                  "Could not take over the writer lock of %1: the lock file names %2, which is no "
                                  "longer running, but QLockFile did not take it over (another process may be "
                                  "doing so at this moment, or %3 is left over). Try again.")
                                  .arg(indexDir, h->describe(), lockPath(indexDir) + QStringLiteral(".rmlock")),
                              indexDir),
                        h);
                return withHolder(
                    Error(ErrorCode::Locked,
                          QStringLiteral("The index is open for writing by %1. Close it there, or open it read-only.")
                              .arg(h ? h->describe() : QStringLiteral("another program")),
                          indexDir),
                    h);
            }
            // The probe above wrote in the folder, so this is rarer: say what QLockFile says.
            const std::optional<LockHolder> h = holder(indexDir);
            const QString reason = lock->error() == QLockFile::PermissionError
                                       ? QStringLiteral("permission denied")
                                       : QStringLiteral("QLockFile reports an unknown error");
            if (h && h->stale)
                return Error(
                    ErrorCode::Io,
                    QStringLiteral("Could not take over the writer lock of %1 (the lock file names %2, which is no "
                                   "longer running): %3.")
                        .arg(indexDir, h->describe(), reason),
                    lockPath(indexDir));
            return Error(ErrorCode::Io,
                         QStringLiteral("Could not create the lock file %1: %2.").arg(lockPath(indexDir), reason),
                         lockPath(indexDir))
                .withSystemError(lock->error() == QLockFile::PermissionError ? EACCES : 0);
        }
        g_held.insert(key);
    }
    std::unique_ptr<WriterLock> w(new WriterLock);
    w->m_lock = std::move(lock);
    w->m_key = key;
    if (application.isEmpty()) {
        base::removeFile(ownerPath(indexDir)); // a dead holder's
    } else {
        const QJsonObject owner{{QStringLiteral("pid"), double(QCoreApplication::applicationPid())},
                                {QStringLiteral("application"), application}};
        // Informational only: no sync needed, a failure just loses the name.
        if (!base::saveFileAtomically(ownerPath(indexDir), QJsonDocument(owner).toJson(QJsonDocument::Compact), false))
            w->m_ownerPath = ownerPath(indexDir);
    }
    return w;
}

} // namespace sextant::storage
