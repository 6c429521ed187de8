#pragma once
// Restoring a backup archive (sextant/Backup.h writes them). A layer above
// both archives/ and the verifier: the restored folder must verify before it
// gets its name, so this lives in integrity/ beside the repair that writes
// the backups.

#include "sextant/Api.h"
#include "sextant/Error.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace sextant {

struct SEXTANT_API RestoreSummary {
    QString folder;       // the restored index, absolute
    int files = 0;        // regular files restored
    qint64 bytes = 0;     // their total size
    qint64 liveItems = 0; // items the full verify counted
    QStringList warnings; // the verify's warnings (a restore with errors is refused)
};

// Restores a backup into `targetDir`, which must not exist or be empty (its
// parent must exist). The archive is refused as a whole when it is hostile
// (sextant/Archive.h's rules) or is anything but one top folder of regular
// files. It is extracted into a hidden temporary folder beside targetDir,
// every file synced; a FULL verify runs on that; only when it finds no
// error is the folder renamed to targetDir and the parent synced. On any
// failure or cancel nothing is left behind. `progress(done, total)` counts
// in units of the archive's size: reading it twice, then verifying as a
// third; false cancels.
SEXTANT_API Result<RestoreSummary>
restoreBackupArchive(const QString &archivePath, const QString &targetDir,
                     const std::function<bool(qint64 done, qint64 total)> &progress = {});

} // namespace sextant
