#pragma once
// A backup of a whole index folder as one zstd-compressed tar archive
// (libarchive). Repair writes one before it changes anything.

#include "core/Error.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace sextant::archive {

struct BackupSummary {
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
Result<BackupSummary> writeBackupArchive(const QString &indexDir, const QString &archivePath,
                                         const std::function<bool(qint64 done, qint64 total)> &progress = {});

struct RestoreSummary {
    QString folder;       // the restored index, absolute
    int files = 0;        // regular files restored
    qint64 bytes = 0;     // their total size
    qint64 liveItems = 0; // items the full verify counted
    QStringList warnings; // the verify's warnings (a restore with errors is refused)
};

// Restores a backup into `targetDir`, which must not exist or be empty (its
// parent must exist). The archive is refused as a whole when it is hostile
// (archive/Archive.h's rules) or is anything but one top folder of regular
// files. It is extracted into a hidden temporary folder beside targetDir,
// every file synced; a FULL verify runs on that; only when it finds no
// error is the folder renamed to targetDir and the parent synced. On any
// failure or cancel nothing is left behind. `progress(done, total)` counts
// in units of the archive's size: reading it twice, then verifying as a
// third; false cancels.
Result<RestoreSummary> restoreBackupArchive(const QString &archivePath, const QString &targetDir,
                                            const std::function<bool(qint64 done, qint64 total)> &progress = {});

// The default place: beside the folder, <folder>-backup-YYYYMMDD-HHMMSS.tar.zst.
QString defaultBackupPath(const QString &indexDir);

} // namespace sextant::archive
