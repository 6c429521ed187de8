#pragma once
// Reading zip and tar archives (plain or compressed with gzip, bzip2, xz or
// zstd) that came from anywhere: document bundles and backups. An archive is
// hostile until proven otherwise, so it is read twice. The first pass reads
// every header and decompresses every byte (counting, keeping nothing) and
// refuses the WHOLE archive if anything in it is suspect; only then does the
// second pass deliver files, checking everything again (the file may have
// changed in between). Nothing is ever written to disk here.
//
// Refused: names that are absolute, climb out with "..", name a drive
// (C:), hold backslashes or control characters; symbolic and hard links,
// devices, FIFOs, sockets; encrypted entries; more entries, more bytes in
// one entry or in all, or a higher ratio of unpacked to packed bytes than
// the limits allow. Sizes are counted while decompressing; headers are not
// trusted (a header may only make an entry refused sooner).

#include "sextant/Api.h"
#include "sextant/Error.h"

#include <QByteArray>
#include <QString>
#include <functional>

namespace sextant::archives {

struct SEXTANT_API ArchiveLimits {
    qint64 maxTotalBytes = 4ll << 30;   // all entries, unpacked
    qint64 maxEntryBytes = 256ll << 20; // one entry, unpacked
    double maxRatio = 200.0;            // unpacked total / archive size
    int maxEntries = 100000;            // headers of any kind, folders included
    // Unpacked totals up to this never trip the ratio: a 2 KB zip of a
    // 600 KB text file is normal, and too small to hurt anyone.
    qint64 ratioFreeBytes = 1ll << 20;
};

struct SEXTANT_API ArchiveFile {
    QString path; // relative, '/'-separated, cleaned ("./a//b" is "a/b")
    QByteArray data;
    qint64 modified = 0; // ms since epoch, 0 when the archive does not say
};

// .zip .tar .tar.gz .tgz .tar.xz .txz .tar.zst .tzst .tar.bz2 .tbz2 (any case).
SEXTANT_API bool isArchiveFileName(const QString &fileName);

// Delivers the regular files of the archive in archive order; folders are
// skipped. `visit` returning false stops the reading (the result is then a
// Cancelled error). Errors name the archive and the entry:
// "bundle.zip: refused: the entry ../../etc/passwd would be written outside
// the target folder". `progress` gets bytes of the archive file read over
// both passes and their total (twice the file size); false cancels.
SEXTANT_API Error forEachArchiveFile(const QString &archivePath, const ArchiveLimits &limits,
                                     const std::function<bool(ArchiveFile &&)> &visit,
                                     const std::function<bool(qint64 done, qint64 total)> &progress = {});

// The streaming form, for entries too large to hold (restoring a backup):
// begin(path, modified), then data() with the entry's bytes in pieces, then
// end(); any returning false stops (a Cancelled error). The same two passes
// and the same refusals; a file may only be written once the first pass
// has accepted the whole archive, which this guarantees.
struct SEXTANT_API ArchiveStreamVisitor {
    std::function<bool(const QString &path, qint64 modified)> begin;
    std::function<bool(const char *data, qsizetype size)> data;
    std::function<bool()> end;
};
SEXTANT_API Error streamArchiveFiles(const QString &archivePath, const ArchiveLimits &limits,
                                     const ArchiveStreamVisitor &visitor,
                                     const std::function<bool(qint64 done, qint64 total)> &progress = {});

// The same over bytes in memory (fuzzing, nested use); `displayName` is the
// name errors give the archive.
SEXTANT_API Error forEachArchiveFileInMemory(const QByteArray &archive, const ArchiveLimits &limits,
                                             const std::function<bool(ArchiveFile &&)> &visit,
                                             const QString &displayName = QStringLiteral("the archive"));

} // namespace sextant::archives
