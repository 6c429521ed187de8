#include "storage/WriterLock.h"

#include <QLockFile>
#include <QMutex>
#include <QSet>
#include <QFileInfo>


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

WriterLock::~WriterLock()
{
    if (m_lock) {
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
    return h;
}

Result<std::unique_ptr<WriterLock>> WriterLock::acquire(const QString &indexDir)
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
        if (!lock->tryLock(0)) {
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
    return w;
}

} // namespace sextant::storage
