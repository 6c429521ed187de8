#pragma once
// One writer process per index: a QLockFile named LOCK in the index folder,
// held for the life of the writer (stale time 0, so age never breaks it; a
// lock whose process has died on this host is taken over).

#include "sextant/Error.h"
#include "sextant/Options.h"

#include <QString>
#include <memory>

class QLockFile;

namespace sextant::storage {

class WriterLock {
public:
    ~WriterLock();
    // `application` is shown to others who find the index locked; empty
    // means the executable's name.
    static Result<std::unique_ptr<WriterLock>> acquire(const QString &indexDir, const QString &application = {});
    // Who holds the lock now, if anyone.
    static std::optional<LockHolder> holder(const QString &indexDir);
    static QString lockPath(const QString &indexDir);
    // LOCK.owner: the holder's chosen application name (QLockFile itself
    // records the executable's name and must keep it to detect staleness).
    static QString ownerPath(const QString &indexDir);

private:
    WriterLock() = default;
    std::unique_ptr<QLockFile> m_lock;
    QString m_key;
    QString m_ownerPath;
};

} // namespace sextant::storage
