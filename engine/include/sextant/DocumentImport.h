#pragma once
// Documents into an index: each file's text is cut into chunks, the chunks
// are embedded, and every chunk becomes one item whose metadata names its
// document. The index itself is the document catalog (docs/documents.md):
//  - a document's chunks have the ids "<documentId>#<chunk, 5 digits>",
//    documentId being the first 16 hex digits of SHA-256 over its uri, so
//    all of a document's chunks sit together in id order;
//  - each chunk's metadata holds uri, title, type, start and end (its range
//    in the document's text, UTF-16 code units, end exclusive), chunk,
//    chunks, documentHash (SHA-256 of the document's bytes) and text.
// A document whose hash is unchanged is skipped; a changed one has all its
// chunks replaced in one atomic write, so a reader never sees a mix of two
// versions. Runs on the caller's thread, which must not be the GUI's.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Index.h"
#include "sextant/Chunker.h"
#include "sextant/DocumentWalk.h"
#include "sextant/Embedder.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace sextant::documents {

struct SEXTANT_API DocumentImportOptions {
    int chunkSize = 1000;   // in `unit`s
    int chunkOverlap = 150; // in `unit`s; at most a quarter of the size
    ChunkUnit unit = ChunkUnit::Characters;
    int embedBatch = 64; // chunks per embedder call
    DocumentWalkOptions walk;
};

enum class DocumentOutcome { Added, Replaced, Unchanged, Failed };
SEXTANT_API QString documentOutcomeName(DocumentOutcome outcome); // "added", "replaced", "unchanged", "failed"

struct SEXTANT_API DocumentReport {
    QString uri;
    QString title;
    DocumentOutcome outcome = DocumentOutcome::Added;
    int chunks = 0; // chunks now stored for it
    qint64 bytes = 0;
    QString reason; // why it failed
};

struct SEXTANT_API ImportProgress {
    qint64 doneBytes = 0;
    qint64 totalBytes = 0; // 0 when unknown
    int doneFiles = 0;
    int totalFiles = 0; // 0 when unknown
    qint64 itemsWritten = 0;
    QString current; // the file or source being read
};

struct SEXTANT_API ImportCallbacks {
    // Called often; returning false cancels (the current document is not
    // written; everything written before it stays).
    std::function<bool(const ImportProgress &)> progress;
    std::function<void(const DocumentReport &)> documentDone;
};

struct SEXTANT_API DocumentImportSummary {
    QList<DocumentReport> documents;
    int added = 0, replaced = 0, unchanged = 0, failed = 0;
    int skippedNotDocuments = 0;
    qint64 chunksWritten = 0;
    qint64 bytesRead = 0;
    double seconds = 0;
    bool cancelled = false;
    Error error; // set when the import as a whole stopped (the index failed, the embedder does not match)
};

// The embedder must be the index's (Schema::embedder); otherwise nothing is
// read and the summary's error says so.
SEXTANT_API DocumentImportSummary importDocuments(Index &index, embed::Embedder &embedder, const QStringList &inputs,
                                                  const DocumentImportOptions &options = {},
                                                  const ImportCallbacks &callbacks = {});

SEXTANT_API QString documentIdForUri(const QString &uri);
SEXTANT_API QString chunkItemId(const QString &documentId, int chunk);

// One document as the index holds it.
struct SEXTANT_API CatalogEntry {
    QString uri;
    QString title;
    QString type;
    QString documentHash;
    QString documentId;
    int chunks = 0;
    QList<QPair<qint64, qint64>> ranges; // each chunk's [start, end)
};
// Every document in the index, in uri order (walks the chunks; a worker's job
// on a large index). `cancelled` returning true stops with ErrorCode::Cancelled.
SEXTANT_API Result<QList<CatalogEntry>> listDocuments(const Index &index, const std::function<bool()> &cancelled = {});

} // namespace sextant::documents
