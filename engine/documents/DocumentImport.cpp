#include "sextant/DocumentImport.h"

#include "sextant/DocumentText.h"
#include "sextant/HashingEmbedder.h"
#include "sextant/EmbedderChoice.h"
#include "base/Checksums.h"

#include <QElapsedTimer>
#include <QJsonValue>
#include <QMap>

namespace sextant::documents {

namespace {

// Everything that changes how a document is cut: a changed chunking makes
// an unchanged document "changed".
QString chunkingName(const DocumentImportOptions &options)
{
    return QStringLiteral("%1/%2/%3")
        .arg(options.chunkSize)
        .arg(options.chunkOverlap)
        .arg(options.unit == ChunkUnit::Tokens ? QStringLiteral("tokens") : QStringLiteral("characters"));
}

// The ids the index holds for one document: they all start "<documentId>#".
Result<QStringList> storedChunkIds(const Index &index, const QString &documentId)
{
    const QString prefix = documentId + u'#';
    QStringList ids;
    QString after = prefix;
    for (;;) {
        Result<IdPage> page = index.listIds(after, 1000);
        if (!page.ok()) return page.error();
        for (const QString &id : page->ids) {
            if (!id.startsWith(prefix)) return ids;
            ids << id;
        }
        if (page->nextAfter.isEmpty()) return ids;
        after = page->nextAfter;
    }
}

// Whether a failure is the document's own (go on with the next) or the
// index's or the embedder's (every further document would fail the same way).
bool stopsTheImport(const Error &e)
{
    switch (e.code()) {
    case ErrorCode::Io:
    case ErrorCode::Closed:
    case ErrorCode::ReadOnly:
    case ErrorCode::Locked:
    case ErrorCode::Corruption:
    case ErrorCode::DimensionMismatch:
    case ErrorCode::Cancelled: return true;
    default: return false;
    }
}

class DocumentImporter {
public:
    DocumentImporter(Index &index, embed::Embedder &embedder, const DocumentImportOptions &options,
                     const ImportCallbacks &callbacks)
        : m_index(index), m_embedder(embedder), m_options(options), m_callbacks(callbacks)
    {
        m_chunking = chunkingName(options);
    }

    DocumentImportSummary run(const QStringList &inputs)
    {
        QElapsedTimer timer;
        timer.start();
        if (Error e = embed::checkEmbedderMatches(m_index.schema(), m_embedder)) {
            m_summary.error = e;
            return m_summary;
        }
        if (m_index.isReadOnly()) {
            m_summary.error =
                Error(ErrorCode::ReadOnly,
                      QStringLiteral("The index is open read-only; documents cannot be added to it here."));
            return m_summary;
        }
        const DocumentCount count = countDocuments(inputs, m_options.walk);
        m_progress.totalFiles = count.files;
        m_progress.totalBytes = count.bytes;
        if (!reportProgress()) return finish(timer);
        const DocumentWalkSummary walked = forEachDocument(
            inputs, m_options.walk, [&](DocumentFile &&file) { return take(std::move(file)); },
            [&](const DocumentFailure &failure) {
                DocumentReport report;
                report.uri = failure.uri;
                report.outcome = DocumentOutcome::Failed;
                report.reason = failure.reason;
                record(report);
                ++m_progress.doneFiles;
                return reportProgress();
            });
        m_summary.skippedNotDocuments = walked.skippedNotDocuments;
        return finish(timer);
    }

private:
    DocumentImportSummary finish(const QElapsedTimer &timer)
    {
        m_summary.seconds = double(timer.nsecsElapsed()) / 1e9;
        return m_summary;
    }

    bool reportProgress()
    {
        if (m_summary.cancelled) return false;
        if (m_callbacks.progress && !m_callbacks.progress(m_progress)) {
            m_summary.cancelled = true;
            return false;
        }
        return true;
    }

    void record(const DocumentReport &report)
    {
        switch (report.outcome) {
        case DocumentOutcome::Added: ++m_summary.added; break;
        case DocumentOutcome::Replaced: ++m_summary.replaced; break;
        case DocumentOutcome::Unchanged: ++m_summary.unchanged; break;
        case DocumentOutcome::Failed: ++m_summary.failed; break;
        }
        m_summary.documents.append(report);
        if (m_callbacks.documentDone) m_callbacks.documentDone(report);
    }

    bool take(DocumentFile &&file)
    {
        m_progress.current = file.uri;
        if (!reportProgress()) return false;
        DocumentReport report;
        report.uri = file.uri;
        report.bytes = file.bytes.size();
        m_summary.bytesRead += file.bytes.size();
        const Error stop = importOne(file, report);
        if (m_summary.cancelled) return false; // the document was not written; it is not reported
        if (stop) {
            m_summary.error = stop;
            report.outcome = DocumentOutcome::Failed;
            report.reason = stop.message();
        }
        record(report);
        ++m_progress.doneFiles;
        m_progress.doneBytes += file.bytes.size();
        m_progress.itemsWritten = m_summary.chunksWritten;
        return !stop && reportProgress();
    }

    // Fills `report`; returns an error only when the whole import must stop.
    Error importOne(const DocumentFile &file, DocumentReport &report)
    {
        auto fail = [&](const QString &reason) {
            report.outcome = DocumentOutcome::Failed;
            report.reason = reason;
            return Error();
        };
        const QString hash = base::sha256Hex(file.bytes.constData(), size_t(file.bytes.size()));
        const QString documentId = documentIdForUri(file.uri);
        Result<QStringList> stored = storedChunkIds(m_index, documentId);
        if (!stored.ok()) return stored.error();
        if (!stored->isEmpty()) {
            Result<Item> first = m_index.get(stored->first(), false);
            if (first.ok() && first->metadata.value(QStringLiteral("documentHash")).toString() == hash &&
                first->metadata.value(QStringLiteral("chunking")).toString() == m_chunking &&
                first->metadata.value(QStringLiteral("chunks")).toInt(-1) == stored->size()) {
                report.outcome = DocumentOutcome::Unchanged;
                report.title = first->metadata.value(QStringLiteral("title")).toString();
                report.chunks = int(stored->size());
                return {};
            }
        }

        Result<DocumentText> document = extractDocumentText(file.bytes, file.name, m_options.walk.limits, file.type);
        if (!document.ok()) return fail(document.error().message());
        report.title = document->title;
        ChunkOptions chunkOptions;
        chunkOptions.size = m_options.chunkSize;
        chunkOptions.overlap = m_options.chunkOverlap;
        chunkOptions.unit = m_options.unit;
        chunkOptions.kind = document->kind;
        QList<Chunk> chunks = chunkText(document->text, chunkOptions);
        // A chunk without a word (a rule of dashes, a table border) carries
        // nothing to search for.
        chunks.removeIf([](const Chunk &c) { return embed::HashingEmbedder::words(c.text).isEmpty(); });
        if (chunks.isEmpty()) return fail(QStringLiteral("The document has no text to index."));

        std::vector<QVector<float>> vectors;
        vectors.reserve(size_t(chunks.size()));
        const int batch = std::max(1, m_options.embedBatch);
        for (qsizetype at = 0; at < chunks.size(); at += batch) {
            if (!reportProgress()) return {};
            QStringList texts;
            for (qsizetype i = at; i < std::min(chunks.size(), at + batch); ++i)
                texts << chunks[i].text;
            Result<std::vector<QVector<float>>> embedded = m_embedder.embed(texts);
            if (!embedded.ok()) {
                if (stopsTheImport(embedded.error()) || embedded.error().code() != ErrorCode::InvalidArgument)
                    return embedded.error()
                        .rephrased(QStringLiteral("The embedder failed: %1").arg(embedded.error().message()))
                        .withSource(ErrorSource::Embedder);
                return fail(embedded.error().message());
            }
            for (auto &v : *embedded)
                vectors.push_back(std::move(v));
        }

        // One batch: the new chunks, and the removal of old chunks beyond them,
        // so readers see either the old document or the new one.
        QList<WriteOp> ops;
        ops.reserve(chunks.size() + stored->size());
        QSet<QString> written;
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            const Chunk &c = chunks[i];
            QJsonObject meta{{QStringLiteral("uri"), file.uri},
                             {QStringLiteral("title"), document->title},
                             {QStringLiteral("type"), document->type},
                             {QStringLiteral("start"), double(c.start)},
                             {QStringLiteral("end"), double(c.end)},
                             {QStringLiteral("chunk"), int(i)},
                             {QStringLiteral("chunks"), int(chunks.size())},
                             {QStringLiteral("documentHash"), hash},
                             {QStringLiteral("chunking"), m_chunking},
                             {QStringLiteral("text"), c.text}};
            const QString id = chunkItemId(documentId, int(i));
            written.insert(id);
            ops.append(WriteOp::upsert(Item{id, std::move(vectors[size_t(i)]), std::move(meta)}));
        }
        for (const QString &old : std::as_const(*stored))
            if (!written.contains(old)) ops.append(WriteOp::remove(old));
        QFuture<WriteResult> future = m_index.write(std::move(ops), Priority::Bulk);
        future.waitForFinished();
        const WriteResult result = future.result();
        if (result.error) {
            if (stopsTheImport(result.error)) return result.error;
            return fail(result.error.message());
        }
        report.outcome = stored->isEmpty() ? DocumentOutcome::Added : DocumentOutcome::Replaced;
        report.chunks = int(chunks.size());
        m_summary.chunksWritten += chunks.size();
        return {};
    }

    Index &m_index;
    embed::Embedder &m_embedder;
    const DocumentImportOptions &m_options;
    const ImportCallbacks &m_callbacks;
    QString m_chunking;
    ImportProgress m_progress;
    DocumentImportSummary m_summary;
};

} // namespace

QString documentOutcomeName(DocumentOutcome outcome)
{
    switch (outcome) {
    case DocumentOutcome::Added: return QStringLiteral("added");
    case DocumentOutcome::Replaced: return QStringLiteral("replaced");
    case DocumentOutcome::Unchanged: return QStringLiteral("unchanged");
    case DocumentOutcome::Failed: return QStringLiteral("failed");
    }
    return {};
}

QString documentIdForUri(const QString &uri)
{
    const QByteArray utf8 = uri.toUtf8();
    return base::sha256Hex(utf8.constData(), size_t(utf8.size())).left(16);
}

QString chunkItemId(const QString &documentId, int chunk)
{
    return documentId + u'#' + QString::number(chunk).rightJustified(5, u'0');
}

DocumentImportSummary importDocuments(Index &index, embed::Embedder &embedder, const QStringList &inputs,
                                      const DocumentImportOptions &options, const ImportCallbacks &callbacks)
{
    DocumentImporter importer(index, embedder, options, callbacks);
    return importer.run(inputs);
}

Result<QList<CatalogEntry>> listDocuments(const Index &index, const std::function<bool()> &cancelled)
{
    QMap<QString, CatalogEntry> byUri;
    QString after;
    do {
        if (cancelled && cancelled())
            return Error(ErrorCode::Cancelled, QStringLiteral("Listing the documents was cancelled."));
        Result<ListPage> page = index.list(after, 1000, false);
        if (!page.ok()) return page.error();
        for (const Item &item : page->items) {
            const QJsonValue uri = item.metadata.value(QStringLiteral("uri"));
            if (!uri.isString()) continue;
            CatalogEntry &entry = byUri[uri.toString()];
            if (entry.uri.isEmpty()) {
                entry.uri = uri.toString();
                entry.documentId = documentIdForUri(entry.uri);
            }
            if (entry.title.isEmpty()) entry.title = item.metadata.value(QStringLiteral("title")).toString();
            if (entry.type.isEmpty()) entry.type = item.metadata.value(QStringLiteral("type")).toString();
            if (entry.documentHash.isEmpty())
                entry.documentHash = item.metadata.value(QStringLiteral("documentHash")).toString();
            ++entry.chunks;
            const QJsonValue start = item.metadata.value(QStringLiteral("start"));
            const QJsonValue end = item.metadata.value(QStringLiteral("end"));
            if (start.isDouble() && end.isDouble())
                entry.ranges.append({qint64(start.toDouble()), qint64(end.toDouble())});
        }
        after = page->nextAfter;
    } while (!after.isEmpty());
    QList<CatalogEntry> out = byUri.values();
    for (CatalogEntry &entry : out)
        std::sort(entry.ranges.begin(), entry.ranges.end());
    return out;
}

} // namespace sextant::documents
