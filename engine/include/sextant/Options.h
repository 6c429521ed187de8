#pragma once

#include "sextant/Api.h"
#include <QString>
#include <optional>

namespace sextant {

// When a write counts as acknowledged (SQLite's names).
enum class Durability {
    Full,   // after its WAL frame is fdatasync'd: survives power loss
    Normal, // after write(): survives a crash of the process, not of the machine
    Off,    // no syncs at all, not even at checkpoint: for throwaway indexes
};
SEXTANT_API QString durabilityName(Durability d);
SEXTANT_API std::optional<Durability> durabilityFromName(const QString &name);

// What open does with a damaged write-ahead log (RocksDB's names).
enum class RecoveryMode {
    TolerateCorruptedTail, // default: cut a torn or damaged tail, report it; fail on damage with valid frames after it
    AbsoluteConsistency,   // fail on any damage, even a torn tail
    PointInTime,           // stop at the first damage, cut everything after it, report what was dropped
};
SEXTANT_API QString recoveryModeName(RecoveryMode m);
SEXTANT_API std::optional<RecoveryMode> recoveryModeFromName(const QString &name);

// Who holds an index's writer lock, as its lock file says.
struct SEXTANT_API LockHolder {
    qint64 pid = 0;
    QString host;
    QString application;
    // The process is gone (same host, pid not running): the lock is left
    // over from a crash and the next writer takes it over.
    bool stale = false;
    QString describe() const; // "sextant-cli (pid 1234 on host)"
};

struct SEXTANT_API OpenOptions {
    bool readOnly = false;
    std::optional<Durability> durability; // unset: the index's own setting
    RecoveryMode recovery = RecoveryMode::TolerateCorruptedTail;
    // Checkpoint automatically once the WAL holds this many bytes.
    qint64 checkpointWalBytes = 128ll * 1024 * 1024;
    // Shown to other processes in the lock file.
    QString applicationName;
    // Keep an HNSW graph for approximate search: loaded (or built) in the
    // background after open and kept up to date. Without it every query is
    // an exact scan. One-shot tools that do not query turn it off.
    bool graph = true;
};

} // namespace sextant
