#pragma once
// A backup of a whole index folder as one zstd-compressed tar archive
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

// Stores every regular file of `indexDir` (and of its quarantine/ folder)
// except the writer lock, under a top folder named like the index folder.
// The archive is written under a temporary name, synced, then renamed, so a
// failed backup never leaves a file that looks complete. `progress` gets the
// bytes stored and the total; returning false cancels.
SEXTANT_API Result<BackupSummary>
writeBackupArchive(const QString &indexDir, const QString &archivePath,
                   const std::function<bool(qint64 done, qint64 total)> &progress = {});

// The default place: beside the folder, <folder>-backup-YYYYMMDD-HHMMSS.tar.zst.
SEXTANT_API QString defaultBackupPath(const QString &indexDir);

} // namespace sextant::archives
