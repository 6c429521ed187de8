#pragma once
// Finding the documents among what a user dropped or named: files, folders
// (recursively) and archives (whose document entries count as files). The
// walk is for import: it reads one file at a time, reports every file it
// cannot take with the reason and goes on, and stops when asked.
//
// Rules (docs/documents.md): hidden entries (names starting with '.', such
// as .git) are skipped inside folders and archives, not counted; symbolic
// links inside folders are skipped (counted as not documents) unless
// followSymlinks, and then folder cycles are visited once; the inputs
// themselves are taken as named, links and hidden names included. Folders
// are walked depth first in name order, so runs are repeatable. An archive
// inside an archive is not opened (it counts as not a document).
//
// A file the user named explicitly is never left out silently: when its
// name says nothing (README.Debian, GPL-3, a file without extension) its
// content decides (documentTypeForContent), and when that says it is no
// document, or the input is not a regular file, it fails with the reason.

#include "sextant/Api.h"
#include "sextant/Archive.h"
#include "sextant/DocumentText.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>

namespace sextant::documents {

struct SEXTANT_API DocumentFile {
    QString uri;  // file URL; for an archive entry "<archive's file URL>!/<entry path>"
    QString name; // the file name (last part of the path), for documentTypeForFileName
    QByteArray bytes;
    qint64 modified = 0; // ms since epoch when known
    QString type;        // decided by content (a named file whose name says nothing); empty: by name
};

struct SEXTANT_API DocumentFailure {
    QString uri;
    QString reason; // a sentence: "too large (70 MB; the limit is 64 MB)", an archive's refusal, …
};

struct SEXTANT_API DocumentWalkOptions {
    DocumentLimits limits;
    archives::ArchiveLimits archiveLimits;
    bool followSymlinks = false;
};

struct SEXTANT_API DocumentWalkSummary {
    int files = 0;               // delivered to visit
    int skippedNotDocuments = 0; // files (and archive entries) that are no documents, links not followed
    int failed = 0;              // reported to failed
    bool cancelled = false;      // visit or failed returned false
};

// Every document under `inputs`. `visit` and `failed` returning false stops
// the walk (cancel).
SEXTANT_API DocumentWalkSummary forEachDocument(const QStringList &inputs, const DocumentWalkOptions &options,
                                                const std::function<bool(DocumentFile &&)> &visit,
                                                const std::function<bool(const DocumentFailure &)> &failed);

// A count of documents (and their total bytes) under inputs, cheaply (names
// and sizes only; archives counted as one file of their size), for progress.
struct SEXTANT_API DocumentCount {
    int files = 0;
    qint64 bytes = 0;
};
SEXTANT_API DocumentCount countDocuments(const QStringList &inputs, const DocumentWalkOptions &options);

// Whether a file named so is walked when found in a folder: a document
// (isDocumentFileName) or an archive of documents (isArchiveFileName).
SEXTANT_API bool isWalkedFileName(const QString &fileName);

// The URI forEachDocument gives a file, and an archive entry.
SEXTANT_API QString documentUri(const QString &path);
SEXTANT_API QString archiveEntryUri(const QString &archivePath, const QString &entryPath);

} // namespace sextant::documents
