#pragma once
// A backup of an index folder as one zstd-compressed tar archive
// (libarchive). Repair writes one before it changes anything; restoring one
// (sextant/Restore.h) verifies it, so it sits above integrity/.

#include "sextant/Api.h"
#include "sextant/Error.h"

#include <QString>
#include <functional>

namespace sextant::archives {

struct SEXTANT_API BackupSummary {
    QString file;     // the archive, absolute
    int files = 0;    // regular files stored
    qint64 bytes = 0; // their total size before compression
    qint64 archiveBytes = 0;
};

// What a backup holds.
enum class BackupScope {
    // The index as it is now (docs/format.md, "Backups"): MANIFEST, the
    // segment, deletion and graph files it names, and the write-ahead log
    // after its checkpoint. Not MANIFEST.prev and the files only it needs,
    // leftovers, quarantine/ or publish/: a restore needs none of them.
    CurrentState,
    // Every regular file of the folder (quarantine/ and publish/ included)
    // except the writer lock: what a repair saves before it changes anything.
    WholeFolder,
};

// Stores the files `scope` selects under a top folder named like the index
// folder. The archive is written under a temporary name, synced, then
// renamed, so a failed backup never leaves a file that looks complete.
// `progress` gets the bytes stored and the total; returning false cancels.
// CurrentState needs a readable MANIFEST and works beside a writer: the files
// are opened before anything is stored, the log up to its size then.
SEXTANT_API Result<BackupSummary>
writeBackupArchive(const QString &indexDir, const QString &archivePath,
                   const std::function<bool(qint64 done, qint64 total)> &progress = {},
                   BackupScope scope = BackupScope::CurrentState);

// The default place: beside the folder, <folder>-backup-YYYYMMDD-HHMMSS.tar.zst.
SEXTANT_API QString defaultBackupPath(const QString &indexDir);

} // namespace sextant::archives
