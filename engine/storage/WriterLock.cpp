#include "storage/WriterLock.h"

#include "storage/FileIo.h"

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
} // namespace

QString WriterLock::lockPath(const QString &indexDir) { return indexDir + QStringLiteral("/LOCK"); }
QString WriterLock::ownerPath(const QString &indexDir) { return indexDir + QStringLiteral("/LOCK.owner"); }

WriterLock::~WriterLock()
{
    if (m_lock) {
        if (!m_ownerPath.isEmpty()) removeFile(m_ownerPath);
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
    if (h.pid > 0 && h.host == QSysInfo::machineHostName())
        h.stale = ::kill(pid_t(h.pid), 0) != 0 && errno == ESRCH;
    // The owner file is only believed when it was written by the same process.
    const Result<QByteArray> owner = readWholeFile(ownerPath(indexDir), 64 * 1024);
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
            return Error(ErrorCode::Locked,
                         QStringLiteral("The index is already open for writing by %1. Close it there, or open it read-only.")
                             .arg(h ? h->describe() : QStringLiteral("this program")),
                         indexDir);
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
                return Error(ErrorCode::Locked,
                             QStringLiteral("The index is open for writing by %1. Close it there, or open it read-only.")
                                 .arg(h ? h->describe() : QStringLiteral("another program")),
                             indexDir);
            }
            return Error(ErrorCode::Io,
                         QStringLiteral("Could not create the lock file in %1 (is the folder writable?).").arg(indexDir),
                         indexDir);
        }
        g_held.insert(key);
    }
    std::unique_ptr<WriterLock> w(new WriterLock);
    w->m_lock = std::move(lock);
    w->m_key = key;
    if (application.isEmpty()) {
        removeFile(ownerPath(indexDir)); // a dead holder's
    } else {
        const QJsonObject owner{{QStringLiteral("pid"), double(QCoreApplication::applicationPid())},
                                {QStringLiteral("application"), application}};
        // Informational only: no sync needed, a failure just loses the name.
        if (!saveFileAtomically(ownerPath(indexDir), QJsonDocument(owner).toJson(QJsonDocument::Compact), false))
            w->m_ownerPath = ownerPath(indexDir);
    }
    return w;
}

} // namespace sextant::storage
