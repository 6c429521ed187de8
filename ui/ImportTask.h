#pragma once
// Imports on a worker thread: dropped or chosen paths are first looked at
// (classifyImportInputs: vector files and folders by detectSourceFormat,
// everything else documents), then imported into an open index, or into a
// new index the task creates first. Vector sources go through
// formats::importVectors one by one, documents through documents::importDocuments with
// the index's embedder. Progress and each file's outcome reach the GUI
// through ImportTask's signals; cancelling goes through the future (the
// status bar's Cancel) or cancel().

#include "sextant/Options.h"
#include "sextant/Schema.h"
#include "sextant/Index.h"
#include "sextant/DocumentImport.h"
#include "sextant/VectorImport.h"
#include "sextant/VectorSource.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <optional>

namespace sextant::ui {

struct ImportShared;

enum class ImportInputKind {
    Documents,
    Vectors,
    SextantIndex, // a folder that holds a Sextant index (a drop opens it; an import refuses it)
    NotDocument,  // a file that is neither vectors nor a document nor an archive (reported, not read)
    Missing,
};

// One dropped or chosen path, as a worker found it.
struct ImportInput {
    QString path;
    ImportInputKind kind = ImportInputKind::Documents;
    formats::SourceFormat format = formats::SourceFormat::Auto; // vectors only
    bool isFolder = false;
    qint64 bytes = -1; // a file's size; -1 for folders
};

// Looks at each path (stat, magic bytes, folder contents): call it on a
// worker, never on the GUI thread.
QList<ImportInput> classifyImportInputs(const QStringList &paths);
QFuture<QList<ImportInput>> classifyImportInputsAsync(const QStringList &paths);

// "Documents (folder)", "Vectors: JSON Lines", "Vectra index folder", ...
QString describeImportInput(const ImportInput &input);
QString sourceFormatTitle(formats::SourceFormat format);

// The schema of a new index for these inputs: made for documents (the
// built-in embedder, its dimensions, cosine) when any input is documents,
// else the first vector source's shape (formats::schemaForSource). Opens the
// source to learn its shape: a worker's job.
Result<Schema> schemaForNewIndex(const QList<ImportInput> &inputs);
QFuture<Result<Schema>> schemaForNewIndexAsync(const QList<ImportInput> &inputs);

// The sentence the GUI shows when documents meet an index without an embedder.
QString documentsRefusedSentence();
// Why an input that is missing, an index folder or no document is not read.
QString unreadableInputReason(ImportInputKind kind);

enum class ImportOutcome { Added, Replaced, Unchanged, Incomplete, Failed };
QString importOutcomeLabel(ImportOutcome outcome); // translated: "added", "replaced", ...

// One line of the report: a document, or a vector file or folder.
struct ImportReportRow {
    QString uri;
    QString title;
    bool vectors = false; // a vector source (count = items), else a document (count = chunks)
    ImportOutcome outcome = ImportOutcome::Added;
    qint64 count = 0;
    qint64 bytes = -1;
    QString reason;      // why it failed, or what was left out
    QStringList details; // the problems, one sentence each (vector sources)
};

struct ImportRequest {
    QList<ImportInput> inputs; // Missing inputs are reported as failed
    documents::DocumentImportOptions documents;
    formats::VectorImportOptions vectors;
    // A new index: created at createPath with createSchema before anything
    // is read, closed when the import is done (the caller then opens it).
    QString createPath;
    Schema createSchema;
    Durability createDurability = Durability::Full;
};

struct ImportResult {
    QList<ImportReportRow> rows;
    int added = 0, replaced = 0, unchanged = 0, incomplete = 0, failed = 0;
    int skippedNotDocuments = 0; // files in folders and archives that are no documents
    qint64 itemsWritten = 0;     // vectors and chunks
    qint64 bytesRead = 0;
    double seconds = 0;
    bool cancelled = false;
    QString error;        // the import as a whole stopped (a sentence)
    bool created = false; // createPath now holds an index
};

// "12 files: 10 added, 1 unchanged, 1 failed · 340 items written in 2.1 s"
QString importSummarySentence(const ImportResult &result);

// What the progress display shows.
struct ImportProgressSnapshot {
    documents::ImportProgress progress;
    QString phase; // "Reading vectors", "Embedding documents"
};

class ImportTask : public QObject {
    Q_OBJECT
public:
    // Starts at once. `index` is the open index to write to, or null when
    // the request names createPath.
    ImportTask(std::shared_ptr<Index> index, ImportRequest request, QObject *parent = nullptr);
    ~ImportTask() override;

    QFuture<void> future() const { return m_future; }
    bool isRunning() const { return !m_done; }
    void cancel();
    const ImportRequest &request() const { return m_request; }
    ImportProgressSnapshot progress() const { return m_progress; }
    const QList<ImportReportRow> &rows() const { return m_rows; }
    // Valid once finished() was emitted.
    const ImportResult &result() const { return m_result; }

signals:
    void progressChanged();
    void rowsAdded(const QList<ImportReportRow> &rows);
    void finished();

private:
    void pollShared();

    ImportRequest m_request;
    std::shared_ptr<ImportShared> m_shared; // with the worker
    QFuture<void> m_future;
    QTimer m_poll;
    ImportProgressSnapshot m_progress;
    QList<ImportReportRow> m_rows;
    ImportResult m_result;
    bool m_done = false;
};

} // namespace sextant::ui
