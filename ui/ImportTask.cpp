#include "ImportTask.h"

#include "AsyncTask.h"

#include "ErrorText.h"
#include "Format.h"
#include "sextant/DocumentText.h"
#include "sextant/DocumentWalk.h"
#include "sextant/EmbedderChoice.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMutexLocker>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace sextant::ui {

namespace {

// The translation context of the free functions and the worker.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ImportTask)
};

// Problems listed in a row's tooltip; the rest are counted.
constexpr int kDetailsPerRow = 20;

ImportOutcome outcomeOf(documents::DocumentOutcome outcome)
{
    switch (outcome) {
    case documents::DocumentOutcome::Added: return ImportOutcome::Added;
    case documents::DocumentOutcome::Replaced: return ImportOutcome::Replaced;
    case documents::DocumentOutcome::Unchanged: return ImportOutcome::Unchanged;
    case documents::DocumentOutcome::Failed: return ImportOutcome::Failed;
    }
    return ImportOutcome::Failed;
}

ImportReportRow rowOf(const documents::DocumentReport &report)
{
    ImportReportRow row;
    row.uri = report.uri;
    row.title = report.title;
    row.outcome = outcomeOf(report.outcome);
    row.count = report.chunks;
    row.bytes = report.bytes;
    row.reason = report.reason;
    return row;
}

QString problemSentence(const formats::SourceProblem &p)
{
    QString where = p.where;
    if (!p.itemId.isEmpty()) where = where.isEmpty() ? p.itemId : Text::tr("%1 (%2)").arg(where, p.itemId);
    return where.isEmpty() ? p.message : Text::tr("%1: %2").arg(where, p.message);
}

} // namespace

QList<ImportInput> classifyImportInputs(const QStringList &paths)
{
    QList<ImportInput> inputs;
    for (const QString &path : paths) {
        ImportInput in;
        in.path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
        const QFileInfo info(in.path);
        if (!info.exists()) {
            in.kind = ImportInputKind::Missing;
            inputs.append(in);
            continue;
        }
        in.isFolder = info.isDir();
        if (!in.isFolder) in.bytes = info.size();
        if (in.isFolder && Index::looksLikeIndex(in.path)) {
            in.kind = ImportInputKind::SextantIndex;
            inputs.append(in);
            continue;
        }
        in.format = formats::detectSourceFormat(in.path);
        in.kind = in.format == formats::SourceFormat::Auto ? ImportInputKind::Documents : ImportInputKind::Vectors;
        // The document walk takes a named file only when its name says it is
        // a document or an archive; say so here rather than skip it silently.
        if (in.kind == ImportInputKind::Documents && !in.isFolder && !documents::isWalkedFileName(info.fileName()))
            in.kind = ImportInputKind::NotDocument;
        inputs.append(in);
    }
    return inputs;
}

QFuture<QList<ImportInput>> classifyImportInputsAsync(const QStringList &paths)
{
    return QtConcurrent::run([paths]() { return classifyImportInputs(paths); });
}

QString sourceFormatTitle(formats::SourceFormat format)
{
    switch (format) {
    case formats::SourceFormat::Auto: return Text::tr("documents");
    case formats::SourceFormat::Vectra: return Text::tr("Vectra index");
    case formats::SourceFormat::LangChain: return Text::tr("LangChain HNSWLib folder");
    case formats::SourceFormat::JsonLines: return Text::tr("JSON Lines");
    case formats::SourceFormat::Csv: return Text::tr("CSV");
    case formats::SourceFormat::Npy: return Text::tr("NumPy array");
    case formats::SourceFormat::Fvecs: return Text::tr("fvecs");
    case formats::SourceFormat::Bvecs: return Text::tr("bvecs");
    }
    return {};
}

QString describeImportInput(const ImportInput &input)
{
    switch (input.kind) {
    case ImportInputKind::Missing: return Text::tr("not found");
    case ImportInputKind::SextantIndex: return Text::tr("a Sextant index: it opens instead");
    case ImportInputKind::NotDocument: return Text::tr("not a document or a vector file: not imported");
    case ImportInputKind::Vectors:
        if (input.isFolder) return Text::tr("vectors: %1 folder").arg(sourceFormatTitle(input.format));
        return Text::tr("vectors: %1, %2").arg(sourceFormatTitle(input.format), formatBytes(input.bytes));
    case ImportInputKind::Documents:
        if (input.isFolder) return Text::tr("documents: a folder (every document in it)");
        return Text::tr("documents: %1").arg(formatBytes(input.bytes));
    }
    return {};
}

QString unreadableInputReason(ImportInputKind kind)
{
    switch (kind) {
    case ImportInputKind::Missing: return Text::tr("There is no file or folder at this path.");
    case ImportInputKind::SextantIndex:
        return Text::tr("This folder is a Sextant index: open it, or export it to a format to import.");
    case ImportInputKind::NotDocument:
        return Text::tr("Not a document Sextant reads (text, Markdown, HTML, PDF, source code, or a zip or tar archive "
                        "of them) nor a vector file.");
    case ImportInputKind::Documents:
    case ImportInputKind::Vectors: break;
    }
    return {};
}

QString documentsRefusedSentence()
{
    return Text::tr("This index holds vectors made elsewhere, so Sextant cannot embed documents into it. "
                    "Create a new index for documents.");
}

Result<Schema> schemaForNewIndex(const QList<ImportInput> &inputs)
{
    const bool anyDocuments = std::any_of(inputs.begin(), inputs.end(),
                                          [](const ImportInput &in) { return in.kind == ImportInputKind::Documents; });
    if (anyDocuments) {
        Result<std::unique_ptr<embed::Embedder>> embedder = embed::embedderFromSpec(QStringLiteral("hash"));
        if (!embedder.ok()) return embedder.error();
        Schema schema;
        schema.dimensions = (*embedder)->dimensions();
        schema.metric = Metric::Cosine;
        schema.embedder = (*embedder)->id();
        return schema;
    }
    for (const ImportInput &in : inputs) {
        if (in.kind != ImportInputKind::Vectors) continue;
        Result<std::unique_ptr<formats::VectorSource>> source = formats::openVectorSource(in.path, in.format);
        if (!source.ok())
            return source.error().rephrased(Text::tr("Sextant could not read %1: %2")
                                                .arg(QDir::toNativeSeparators(in.path), source.error().message()));
        return formats::schemaForSource((*source)->shape());
    }
    return Error(ErrorCode::InvalidArgument, Text::tr("There is nothing to import: none of the paths exists."));
}

QFuture<Result<Schema>> schemaForNewIndexAsync(const QList<ImportInput> &inputs)
{
    return QtConcurrent::run([inputs]() { return schemaForNewIndex(inputs); });
}

QString importOutcomeLabel(ImportOutcome outcome)
{
    switch (outcome) {
    case ImportOutcome::Added: return Text::tr("added");
    case ImportOutcome::Replaced: return Text::tr("replaced");
    case ImportOutcome::Unchanged: return Text::tr("unchanged");
    case ImportOutcome::Incomplete: return Text::tr("added in part");
    case ImportOutcome::Failed: return Text::tr("failed");
    }
    return {};
}

QString importSummarySentence(const ImportResult &r)
{
    QStringList counts;
    if (r.added) counts << Text::tr("%n added", nullptr, r.added);
    if (r.replaced) counts << Text::tr("%n replaced", nullptr, r.replaced);
    if (r.unchanged) counts << Text::tr("%n unchanged", nullptr, r.unchanged);
    if (r.incomplete) counts << Text::tr("%n added in part", nullptr, r.incomplete);
    if (r.failed) counts << Text::tr("%n failed", nullptr, r.failed);
    const int files = r.added + r.replaced + r.unchanged + r.incomplete + r.failed;
    QString text = files == 0 ? Text::tr("Nothing was imported.")
                              : Text::tr("%n file(s): %1.", nullptr, files).arg(counts.join(QStringLiteral(", ")));
    text += QLatin1Char(' ') +
            Text::tr("%n item(s) written in %1.", nullptr, int(std::min<qint64>(r.itemsWritten, INT_MAX)))
                .arg(formatMilliseconds(r.seconds * 1000));
    if (r.skippedNotDocuments > 0)
        text += QLatin1Char(' ') + Text::tr("%n file(s) in folders or archives were no documents and were skipped.",
                                            nullptr, r.skippedNotDocuments);
    if (r.cancelled) text += QLatin1Char(' ') + Text::tr("Cancelled: what was written before stays in the index.");
    if (!r.error.isEmpty()) text += QLatin1Char(' ') + Text::tr("The import stopped: %1").arg(r.error);
    return text;
}

// ---------------------------------------------------------------------------

// What the worker and the GUI share: the latest progress and the rows not
// yet handed over. The GUI polls it every 100 ms.
struct ImportShared {
    QMutex mutex;
    ImportProgressSnapshot progress;
    QList<ImportReportRow> newRows;
    bool changed = false;
    // Handed over here rather than through the future: a cancelled future
    // drops results added after the cancel.
    std::optional<ImportResult> final;

    void setProgress(const documents::ImportProgress &p, const QString &phase)
    {
        QMutexLocker lock(&mutex);
        progress.progress = p;
        progress.phase = phase;
        changed = true;
    }
    void addRow(const ImportReportRow &row)
    {
        QMutexLocker lock(&mutex);
        newRows.append(row);
        changed = true;
    }
};

namespace {

struct Worker {
    Q_DECLARE_TR_FUNCTIONS(ImportTask)
public:
    const ImportRequest &request;
    QPromise<void> &promise;
    std::shared_ptr<ImportShared> shared;
    ImportResult result;
    // Files across the phases: vector sources (and missing paths) one by
    // one first, then the documents, whose count the engine learns as it
    // walks folders and archives.
    int otherInputs = 0;    // vector sources, missing paths, index folders
    int documentInputs = 0; // document paths as given (a folder counts once until walked)
    int filesBefore = 0;    // inputs of the first phase done
    qint64 itemsBefore = 0; // items written by the first phase
    bool inDocuments = false;

    bool cancelled() const { return promise.isCanceled(); }

    void report(documents::ImportProgress p, const QString &phase)
    {
        if (inDocuments) {
            p.totalFiles = filesBefore + (p.totalFiles > 0 ? p.totalFiles : documentInputs);
            p.doneFiles += filesBefore;
        } else {
            p.totalFiles = otherInputs + documentInputs;
            p.doneFiles = filesBefore;
        }
        p.itemsWritten += itemsBefore;
        if (p.totalBytes > 0) promise.setProgressValue(int(std::min<qint64>(1000, p.doneBytes * 1000 / p.totalBytes)));
        shared->setProgress(p, phase);
    }

    void addRow(const ImportReportRow &row)
    {
        result.rows.append(row);
        switch (row.outcome) {
        case ImportOutcome::Added: ++result.added; break;
        case ImportOutcome::Replaced: ++result.replaced; break;
        case ImportOutcome::Unchanged: ++result.unchanged; break;
        case ImportOutcome::Incomplete: ++result.incomplete; break;
        case ImportOutcome::Failed: ++result.failed; break;
        }
        shared->addRow(row);
    }

    void importVectorSource(Index &index, const ImportInput &input)
    {
        ImportReportRow row;
        row.uri = input.path;
        row.title = QFileInfo(input.path).fileName();
        row.vectors = true;
        row.bytes = input.bytes;
        documents::ImportProgress start;
        start.current = input.path;
        report(start, Text::tr("Reading vectors"));
        Result<std::unique_ptr<formats::VectorSource>> source = formats::openVectorSource(input.path, input.format);
        if (!source.ok()) {
            row.outcome = ImportOutcome::Failed;
            row.reason = source.error().message();
            addRow(row);
            return;
        }
        const formats::VectorImportSummary summary = formats::importVectors(
            index, **source, request.vectors, [this, &input](const documents::ImportProgress &p) {
                documents::ImportProgress q = p;
                if (q.current.isEmpty()) q.current = input.path;
                report(q, Text::tr("Reading vectors"));
                return !cancelled();
            });
        if (row.bytes < 0) row.bytes = (*source)->bytesTotal();
        result.itemsWritten += summary.written;
        itemsBefore += summary.written;
        result.bytesRead += (*source)->bytesDone();
        row.count = summary.written;
        for (const formats::SourceProblem &p : summary.problems) {
            if (row.details.size() >= kDetailsPerRow) break;
            row.details << problemSentence(p);
        }
        const qint64 leftOut = summary.rejected + summary.unreadable;
        if (summary.cancelled) result.cancelled = true;
        if (!summary.error.ok()) {
            row.outcome = summary.written > 0 ? ImportOutcome::Incomplete : ImportOutcome::Failed;
            row.reason = summary.written > 0 ? Text::tr("Stopped after %n item(s): %1", nullptr,
                                                        int(std::min<qint64>(summary.written, INT_MAX)))
                                                   .arg(summary.error.message())
                                             : summary.error.message();
        } else if (leftOut > 0) {
            row.outcome = summary.written > 0 ? ImportOutcome::Incomplete : ImportOutcome::Failed;
            row.reason = Text::tr("%n item(s) left out", nullptr, int(std::min<qint64>(leftOut, INT_MAX)));
            if (!row.details.isEmpty()) row.reason += Text::tr(", the first: %1").arg(row.details.first());
        } else if (summary.cancelled) {
            row.outcome = summary.written > 0 ? ImportOutcome::Incomplete : ImportOutcome::Failed;
            row.reason =
                Text::tr("Cancelled after %n item(s).", nullptr, int(std::min<qint64>(summary.written, INT_MAX)));
        } else {
            row.outcome = ImportOutcome::Added;
            if (summary.read == 0) row.reason = Text::tr("The source holds no items.");
        }
        addRow(row);
    }

    void importDocumentInputs(Index &index, const QStringList &paths)
    {
        const Schema schema = index.schema();
        auto failAll = [&](const QString &reason) {
            for (const QString &p : paths) {
                ImportReportRow row;
                row.uri = p;
                row.title = QFileInfo(p).fileName();
                row.outcome = ImportOutcome::Failed;
                row.reason = reason;
                addRow(row);
            }
        };
        if (schema.embedder.isEmpty()) {
            failAll(documentsRefusedSentence());
            return;
        }
        Result<std::unique_ptr<embed::Embedder>> embedder = embed::embedderForSchema(schema);
        if (!embedder.ok()) {
            failAll(userMessageText(embedder.error(), ErrorContext::Embed));
            return;
        }
        documents::ImportCallbacks callbacks;
        callbacks.progress = [this](const documents::ImportProgress &p) {
            report(p, Text::tr("Embedding documents"));
            return !cancelled();
        };
        callbacks.documentDone = [this](const documents::DocumentReport &d) { addRow(rowOf(d)); };
        const documents::DocumentImportSummary summary =
            documents::importDocuments(index, **embedder, paths, request.documents, callbacks);
        result.itemsWritten += summary.chunksWritten;
        result.skippedNotDocuments += summary.skippedNotDocuments;
        result.bytesRead += summary.bytesRead;
        if (summary.cancelled) result.cancelled = true;
        if (!summary.error.ok()) result.error = userMessageText(summary.error, ErrorContext::Import);
    }

    void run(Index *openIndex)
    {
        QElapsedTimer timer;
        timer.start();
        promise.setProgressRange(0, 1000);
        std::shared_ptr<Index> created;
        Index *index = openIndex;
        if (!request.createPath.isEmpty()) {
            OpenOptions options;
            options.applicationName = QStringLiteral("sextant");
            options.graph = false; // built when the GUI opens the index
            Result<std::shared_ptr<Index>> made =
                Index::create(request.createPath, request.createSchema, request.createDurability, options);
            if (!made.ok()) {
                result.error = userMessageText(made.error(), ErrorContext::Create);
                return;
            }
            created = made.takeValue();
            index = created.get();
            result.created = true;
        }
        QStringList documents;
        for (const ImportInput &in : request.inputs) {
            if (in.kind == ImportInputKind::Documents)
                documents << in.path;
            else
                ++otherInputs;
        }
        documentInputs = int(documents.size());
        for (const ImportInput &in : request.inputs) {
            if (cancelled()) break;
            if (in.kind == ImportInputKind::Missing || in.kind == ImportInputKind::SextantIndex ||
                in.kind == ImportInputKind::NotDocument) {
                ImportReportRow row;
                row.uri = in.path;
                row.title = QFileInfo(in.path).fileName();
                row.bytes = in.bytes;
                row.outcome = ImportOutcome::Failed;
                row.reason = unreadableInputReason(in.kind);
                addRow(row);
                ++filesBefore;
            } else if (in.kind == ImportInputKind::Vectors) {
                importVectorSource(*index, in);
                ++filesBefore;
            }
        }
        if (!documents.isEmpty() && !cancelled()) {
            inDocuments = true;
            importDocumentInputs(*index, documents);
        }
        if (cancelled()) result.cancelled = true;
        if (created) {
            if (Error e = created->close(); !e.ok() && result.error.isEmpty())
                result.error = userMessageText(e, ErrorContext::Write);
        }
        result.seconds = double(timer.nsecsElapsed()) / 1e9;
    }
};

} // namespace

ImportTask::ImportTask(std::shared_ptr<Index> index, ImportRequest request, QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_shared(std::make_shared<ImportShared>())
{
    std::shared_ptr<ImportShared> shared = m_shared;
    const ImportRequest req = m_request;
    m_future = QtConcurrent::run([index, req, shared](QPromise<void> &promise) {
        Worker worker{req, promise, shared, {}};
        worker.run(index.get());
        QMutexLocker lock(&shared->mutex);
        shared->final = std::move(worker.result);
    });
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &ImportTask::pollShared);
    m_poll.start();
    whenFinished(this, m_future, [this](const QFuture<void> &future) {
        m_poll.stop();
        pollShared();
        {
            QMutexLocker lock(&m_shared->mutex);
            if (m_shared->final) m_result = *m_shared->final;
        }
        m_result.cancelled = m_result.cancelled || future.isCanceled();
        m_done = true;
        emit finished();
    });
}

ImportTask::~ImportTask()
{
    // The worker holds its own copies; it stops at its next progress call.
    if (!m_done) m_future.cancel();
}

void ImportTask::cancel()
{
    if (!m_done) m_future.cancel();
}

void ImportTask::pollShared()
{
    QList<ImportReportRow> rows;
    bool changed = false;
    {
        QMutexLocker lock(&m_shared->mutex);
        changed = m_shared->changed;
        m_shared->changed = false;
        rows.swap(m_shared->newRows);
        m_progress = m_shared->progress;
    }
    if (!rows.isEmpty()) {
        m_rows += rows;
        emit rowsAdded(rows);
    }
    if (changed) emit progressChanged();
}

} // namespace sextant::ui
