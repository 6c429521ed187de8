// `import` and `export`: every format Sextant reads and writes (docs/cli.md).
//
// import PATH SOURCE... sorts its sources: vector files and folders
// (sextant/VectorSource.h), backup archives (--format archive) and documents
// (files, folders, zip/tar bundles; --docs forces it). A PATH without an
// index gets one, shaped by the first source: its dimensions and metric for
// vectors, the embedder's for documents.

#include "Commands.h"
#include "Ingest.h"

#include "sextant/Backup.h"
#include "sextant/Restore.h"
#include "sextant/DocumentImport.h"
#include "sextant/EmbedderChoice.h"
#include "sextant/Export.h"
#include "sextant/VectorImport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <cmath>
#include <unistd.h>

namespace sextant::cli {

namespace {

constexpr int kMaxProblemsPrinted = 20;

struct ImportPlan {
    QStringList documents;                                    // paths for importDocuments
    QList<std::pair<QString, formats::SourceFormat>> vectors; // path and format, in the order given
};

Result<ImportPlan> planSources(const QStringList &sources, bool docs, std::optional<formats::SourceFormat> format)
{
    ImportPlan plan;
    for (const QString &source : sources) {
        if (!QFileInfo::exists(source))
            // Like any input that cannot be opened: an I/O error (exit status 2).
            return Error(ErrorCode::Io,
                         QStringLiteral("Could not open %1: there is no such file or folder.").arg(source), source);
        if (docs) {
            plan.documents << source;
            continue;
        }
        const formats::SourceFormat detected =
            format && *format != formats::SourceFormat::Auto ? *format : formats::detectSourceFormat(source);
        if (detected == formats::SourceFormat::Auto)
            plan.documents << source; // not a vector file: text, PDF, a folder or an archive of documents
        else
            plan.vectors.append({source, detected});
    }
    return plan;
}

QString problemLine(const formats::SourceProblem &p)
{
    QStringList where;
    if (!p.where.isEmpty()) where << p.where;
    if (!p.itemId.isEmpty()) where << QStringLiteral("id \"%1\"").arg(shown(p.itemId));
    return where.isEmpty() ? p.message : QStringLiteral("%1: %2").arg(where.join(QStringLiteral(", ")), p.message);
}

double perSecond(double count, double seconds) { return seconds >= 0.05 ? count / seconds : 0; }

// Creates the index for the first source when PATH holds none yet.
Error createIfMissing(Console &console, const QString &path, const ImportPlan &plan, const QString &embedderSpec,
                      bool *created)
{
    *created = false;
    if (Index::exists(path)) return {};
    Schema schema;
    if (!plan.vectors.isEmpty()) {
        Result<std::unique_ptr<formats::VectorSource>> source =
            formats::openVectorSource(plan.vectors.first().first, plan.vectors.first().second);
        if (!source.ok()) return source.error();
        // JSON Lines and CSV learn their dimension from the first record.
        if ((*source)->shape().dimensions <= 0) {
            Result<QList<Item>> first = (*source)->next(1);
            if (!first.ok()) return first.error();
        }
        if ((*source)->shape().dimensions <= 0)
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("%1 holds no vector to take the new index's dimensions from.")
                             .arg(plan.vectors.first().first));
        schema = formats::schemaForSource((*source)->shape()); // its notes are printed when it is read
    } else {
        Result<std::unique_ptr<embed::Embedder>> embedder = embed::embedderFromSpec(embedderSpec);
        if (!embedder.ok()) return embedder.error();
        if (Error e = embed::learnDimensions(**embedder)) return e;
        schema.dimensions = (*embedder)->dimensions();
        schema.metric = Metric::Cosine;
        schema.embedder = (*embedder)->id();
    }
    Result<std::shared_ptr<Index>> index = Index::create(path, schema);
    if (!index.ok()) return index.error();
    if (Error e = (*index)->close()) return e;
    *created = true;
    if (!console.json())
        console.printLine(QStringLiteral("created %1: %2 dimensions, %3%4")
                              .arg(QFileInfo(path).absoluteFilePath())
                              .arg(schema.dimensions)
                              .arg(metricName(schema.metric), schema.embedder.isEmpty()
                                                                  ? QString()
                                                                  : QStringLiteral(", embedder ") + schema.embedder));
    return {};
}

int importVectorSources(Invocation &invocation, Index &index, const ImportPlan &plan, QJsonArray &jsonSources,
                        bool *anyProblem, ProblemReport &report)
{
    Console &console = invocation.console;
    formats::VectorImportOptions options;
    options.upsert = invocation.isSet(QStringLiteral("upsert"));
    for (const auto &[path, format] : plan.vectors) {
        if (report.isOpen())
            options.onProblem = [&report, source = path](const formats::SourceProblem &p) {
                report.add(source, p.where, p.itemId, p.message, p.line, p.column);
            };
        Result<std::unique_ptr<formats::VectorSource>> source = formats::openVectorSource(path, format);
        if (!source.ok()) return console.fail(source.error());
        for (const QString &note : (*source)->shape().notes)
            console.printError(QStringLiteral("%1: %2").arg(path, note));
        const formats::VectorImportSummary s = formats::importVectors(index, **source, options);
        if (s.rejected + s.unreadable > 0) *anyProblem = true;
        if (console.json()) {
            QJsonArray problems;
            for (const formats::SourceProblem &p : s.problems)
                problems.append(QJsonObject{{QStringLiteral("where"), p.where},
                                            {QStringLiteral("id"), p.itemId},
                                            {QStringLiteral("message"), p.message}});
            jsonSources.append(QJsonObject{{QStringLiteral("source"), path},
                                           {QStringLiteral("format"), formats::sourceFormatName(format)},
                                           {QStringLiteral("read"), double(s.read)},
                                           {QStringLiteral("imported"), double(s.written)},
                                           {QStringLiteral("rejected"), double(s.rejected)},
                                           {QStringLiteral("unreadable"), double(s.unreadable)},
                                           {QStringLiteral("problems"), problems},
                                           {QStringLiteral("seconds"), s.seconds}});
        } else {
            for (qsizetype i = 0; i < s.problems.size() && i < kMaxProblemsPrinted; ++i)
                console.printError(QStringLiteral("%1: %2").arg(path, problemLine(s.problems[i])));
            if (s.rejected + s.unreadable > kMaxProblemsPrinted)
                console.printError(QStringLiteral("%1: … and %2 more problems (%3)")
                                       .arg(path)
                                       .arg(s.rejected + s.unreadable - kMaxProblemsPrinted)
                                       .arg(report.isOpen()
                                                ? QStringLiteral("every one is in %1").arg(report.fileName())
                                                : QStringLiteral("--report FILE writes every one")));
            QString line = QStringLiteral("%1 (%2): imported %3, rejected %4")
                               .arg(path, formats::sourceFormatName(format))
                               .arg(s.written)
                               .arg(s.rejected + s.unreadable);
            const double rate = perSecond(double(s.written), s.seconds);
            line += QStringLiteral(", %1 s").arg(s.seconds, 0, 'f', 3);
            if (rate > 0) line += QStringLiteral(" (%1 vectors/s)").arg(qint64(std::round(rate)));
            console.printLine(line);
        }
        if (s.error) return console.fail(s.error);
    }
    return ExitSuccess;
}

int importDocumentSources(Invocation &invocation, Index &index, const ImportPlan &plan, QJsonObject &jsonDocuments,
                          bool *anyProblem)
{
    Console &console = invocation.console;
    Result<std::unique_ptr<embed::Embedder>> embedder = embed::embedderForSchema(index.schema());
    if (!embedder.ok()) return console.fail(embedder.error());
    if (invocation.isSet(QStringLiteral("embedder"))) {
        Result<std::unique_ptr<embed::Embedder>> asked =
            embed::embedderFromSpec(invocation.value(QStringLiteral("embedder")));
        if (!asked.ok()) return console.usageError(asked.error().message());
        if (Error e = embed::learnDimensions(**asked)) return console.fail(e);
        if (Error e = embed::checkEmbedderMatches(index.schema(), **asked)) return console.fail(e);
    }
    documents::DocumentImportOptions options;
    int exitCode = ExitSuccess;
    if (invocation.isSet(QStringLiteral("chunk-size"))) {
        const auto v = invocation.integerOption(QStringLiteral("chunk-size"), 10, 100000, exitCode);
        if (!v) return exitCode;
        options.chunkSize = int(*v);
    }
    if (invocation.isSet(QStringLiteral("chunk-overlap"))) {
        const auto v = invocation.integerOption(QStringLiteral("chunk-overlap"), 0, 25000, exitCode);
        if (!v) return exitCode;
        options.chunkOverlap = int(*v);
    }
    if (invocation.isSet(QStringLiteral("chunk-unit"))) {
        const QString unit = invocation.value(QStringLiteral("chunk-unit"));
        if (unit == u"characters" || unit == u"chars")
            options.unit = documents::ChunkUnit::Characters;
        else if (unit == u"tokens")
            options.unit = documents::ChunkUnit::Tokens;
        else
            return console.usageError(QStringLiteral("--chunk-unit is characters or tokens, not \"%1\".").arg(unit));
    }
    if (options.chunkOverlap > options.chunkSize / 4)
        return console.usageError(QStringLiteral("--chunk-overlap may be at most a quarter of --chunk-size (%1).")
                                      .arg(options.chunkSize / 4));

    documents::ImportCallbacks callbacks;
    const bool terminal = ::isatty(STDERR_FILENO) == 1 && !console.json();
    if (terminal) {
        callbacks.progress = [&](const documents::ImportProgress &p) {
            const QString line = p.totalFiles > 0
                                     ? QStringLiteral("\r%1 of %2 documents").arg(p.doneFiles).arg(p.totalFiles)
                                     : QStringLiteral("\r%1 documents").arg(p.doneFiles);
            const QByteArray bytes = line.toUtf8();
            ::write(STDERR_FILENO, bytes.constData(), size_t(bytes.size()));
            return true;
        };
    }
    if (!console.json()) {
        callbacks.documentDone = [&](const documents::DocumentReport &r) {
            if (terminal) ::write(STDERR_FILENO, "\r\033[K", 4);
            QString line = QStringLiteral("%1  %2").arg(documents::documentOutcomeName(r.outcome), -9).arg(r.uri);
            if (r.outcome == documents::DocumentOutcome::Failed)
                line += QStringLiteral(": ") + r.reason;
            else
                line += r.chunks == 1 ? QStringLiteral(" (1 chunk)") : QStringLiteral(" (%1 chunks)").arg(r.chunks);
            console.printLine(line);
            console.flush();
        };
    }
    const documents::DocumentImportSummary s =
        documents::importDocuments(index, **embedder, plan.documents, options, callbacks);
    if (terminal) ::write(STDERR_FILENO, "\r\033[K", 4);
    if (s.failed > 0) *anyProblem = true;
    const double rate = perSecond(double(s.documents.size() - s.failed), s.seconds);
    const double megabytes = double(s.bytesRead) / 1e6;
    if (console.json()) {
        QJsonArray documents;
        for (const documents::DocumentReport &r : s.documents)
            documents.append(
                QJsonObject{{QStringLiteral("uri"), r.uri},
                            {QStringLiteral("title"), r.title},
                            {QStringLiteral("outcome"), documents::documentOutcomeName(r.outcome)},
                            {QStringLiteral("chunks"), r.chunks},
                            {QStringLiteral("bytes"), double(r.bytes)},
                            {QStringLiteral("reason"), r.reason.isEmpty() ? QJsonValue() : QJsonValue(r.reason)}});
        jsonDocuments = QJsonObject{{QStringLiteral("documents"), documents},
                                    {QStringLiteral("added"), s.added},
                                    {QStringLiteral("replaced"), s.replaced},
                                    {QStringLiteral("unchanged"), s.unchanged},
                                    {QStringLiteral("failed"), s.failed},
                                    {QStringLiteral("notDocuments"), s.skippedNotDocuments},
                                    {QStringLiteral("chunks"), double(s.chunksWritten)},
                                    {QStringLiteral("bytes"), double(s.bytesRead)},
                                    {QStringLiteral("seconds"), s.seconds},
                                    {QStringLiteral("embedder"), (*embedder)->id()}};
    } else {
        QString line = QStringLiteral("documents: %1 added, %2 replaced, %3 unchanged, %4 failed; %5 chunks written; "
                                      "%6 MB in %7 s")
                           .arg(s.added)
                           .arg(s.replaced)
                           .arg(s.unchanged)
                           .arg(s.failed)
                           .arg(s.chunksWritten)
                           .arg(megabytes, 0, 'f', 2)
                           .arg(s.seconds, 0, 'f', 2);
        if (rate > 0)
            line +=
                QStringLiteral(" (%1 documents/s, %2 MB/s)").arg(rate, 0, 'f', 1).arg(megabytes / s.seconds, 0, 'f', 2);
        if (s.skippedNotDocuments > 0)
            line += QStringLiteral("; %1 files were not documents and were left out").arg(s.skippedNotDocuments);
        console.printLine(line);
    }
    if (s.error) return console.fail(s.error);
    return ExitSuccess;
}

int restoreArchive(Invocation &invocation, const QStringList &sources)
{
    Console &console = invocation.console;
    if (sources.size() != 1)
        return console.usageError(QStringLiteral("--format archive restores one backup archive into PATH."));
    Result<RestoreSummary> restored = restoreBackupArchive(sources.first(), invocation.path());
    if (!restored.ok()) return console.fail(restored.error());
    if (console.json()) {
        console.printJson(QJsonObject{{QStringLiteral("restored"), restored->folder},
                                      {QStringLiteral("files"), restored->files},
                                      {QStringLiteral("bytes"), double(restored->bytes)},
                                      {QStringLiteral("items"), double(restored->liveItems)},
                                      {QStringLiteral("warnings"), QJsonArray::fromStringList(restored->warnings)}});
    } else {
        console.printLine(QStringLiteral("restored %1: %2 files, %3 items, verified")
                              .arg(restored->folder)
                              .arg(restored->files)
                              .arg(restored->liveItems));
        for (const QString &w : restored->warnings)
            console.printError(QStringLiteral("warning: ") + w);
    }
    return ExitSuccess;
}

} // namespace

int runImport(Invocation &invocation)
{
    Console &console = invocation.console;
    if (invocation.isSet(QStringLiteral("table"))) return runPostgresImport(invocation);
    if (invocation.isSet(QStringLiteral("where")) || invocation.isSet(QStringLiteral("metric")))
        return console.usageError(QStringLiteral("--where and --metric go with --table (a PostgreSQL table)."));
    const QStringList sources = invocation.arguments.mid(1);
    std::optional<formats::SourceFormat> format;
    const QString formatName = invocation.isSet(QStringLiteral("format")) ? invocation.value(QStringLiteral("format"))
                                                                          : QStringLiteral("auto");
    if (formatName == u"archive") {
        if (invocation.isSet(QStringLiteral("docs")))
            return console.usageError(
                QStringLiteral("--format archive restores a backup; document bundles need no --format."));
        return restoreArchive(invocation, sources);
    }
    format = formats::sourceFormatFromName(formatName);
    if (!format)
        return console.usageError(
            QStringLiteral("Unknown --format \"%1\": use auto, vectra, langchain, jsonl, csv, npy, fvecs, "
                           "bvecs or archive.")
                .arg(formatName));
    const bool docs = invocation.isSet(QStringLiteral("docs"));
    if (docs && *format != formats::SourceFormat::Auto)
        return console.usageError(
            QStringLiteral("--docs reads documents; it does not go with --format %1.").arg(formatName));
    Result<ImportPlan> plan = planSources(sources, docs, format);
    if (!plan.ok()) return console.fail(plan.error());

    // One JSON Lines file into an index keeps the line-by-line import, which
    // reports every rejected line by its number.
    const bool oneJsonLinesFile = plan->documents.isEmpty() && plan->vectors.size() == 1 &&
                                  plan->vectors.first().second == formats::SourceFormat::JsonLines;
    bool created = false;
    if (Error e =
            createIfMissing(console, invocation.path(), *plan, invocation.value(QStringLiteral("embedder")), &created))
        return console.fail(e);
    if (oneJsonLinesFile) return runJsonLinesImport(invocation, plan->vectors.first().first);

    ProblemReport report;
    if (invocation.isSet(QStringLiteral("report")))
        if (Error e = report.open(invocation.value(QStringLiteral("report")))) return console.fail(e);
    const bool keepGraph = !invocation.isSet(QStringLiteral("no-graph"));
    auto opened = openForWriting(console, invocation.path(), keepGraph ? GraphUse::On : GraphUse::Off);
    if (!opened.ok()) return failOpen(console, opened.error());
    Index &index = **opened;
    bool anyProblem = false;
    QJsonArray jsonSources;
    QJsonObject jsonDocuments;
    int exitCode = importVectorSources(invocation, index, *plan, jsonSources, &anyProblem, report);
    if (exitCode == ExitSuccess && !plan->documents.isEmpty())
        exitCode = importDocumentSources(invocation, index, *plan, jsonDocuments, &anyProblem);
    std::optional<GraphWait> graph;
    if (keepGraph && exitCode == ExitSuccess) graph = waitForGraph(console, index);
    exitCode = closeIndex(console, index, exitCode != ExitSuccess ? exitCode : anyProblem ? ExitProblem : ExitSuccess);
    if (Error e = report.close()) exitCode = std::max(exitCode, console.fail(e));
    if (console.json()) {
        QJsonObject out{{QStringLiteral("created"), created}, {QStringLiteral("items"), double(index.count())}};
        if (!jsonSources.isEmpty()) out.insert(QStringLiteral("sources"), jsonSources);
        if (!jsonDocuments.isEmpty()) out.insert(QStringLiteral("documents"), jsonDocuments);
        if (graph)
            out.insert(QStringLiteral("graph"),
                       QJsonObject{{QStringLiteral("state"), graphStateName(graph->status.state)},
                                   {QStringLiteral("ready"), graph->ready},
                                   {QStringLiteral("items"), double(graph->status.items)}});
        console.printJson(out);
    }
    console.flush();
    return exitCode;
}

int runExport(Invocation &invocation)
{
    Console &console = invocation.console;
    const QString formatName = invocation.isSet(QStringLiteral("format")) ? invocation.value(QStringLiteral("format"))
                                                                          : QStringLiteral("jsonl");
    const auto format = formats::exportFormatFromName(formatName);
    if (!format)
        return console.usageError(
            QStringLiteral("Unknown export format \"%1\": use jsonl, vectra, npy or archive.").arg(formatName));
    const QString destination = invocation.arguments.value(1);
    if (destination.isEmpty() && *format == formats::ExportFormat::Vectra)
        return console.usageError(QStringLiteral("export --format vectra needs a destination folder."));

    if (*format == formats::ExportFormat::Archive) {
        // A backup reads the files, not the items: it works on any index a
        // reader can open, and restores with `import --format archive`.
        const QString path = invocation.path();
        if (!Index::exists(path))
            return failOpen(console,
                            Error(ErrorCode::NotFound, QStringLiteral("There is no index in %1.").arg(path), path));
        const QString archive = destination.isEmpty() ? archives::defaultBackupPath(path) : destination;
        Result<archives::BackupSummary> written = archives::writeBackupArchive(path, archive);
        if (!written.ok()) return console.fail(written.error());
        if (console.json())
            console.printJson(QJsonObject{{QStringLiteral("archive"), written->file},
                                          {QStringLiteral("files"), written->files},
                                          {QStringLiteral("bytes"), double(written->bytes)},
                                          {QStringLiteral("archiveBytes"), double(written->archiveBytes)}});
        else
            console.printLine(QStringLiteral("wrote %1: %2 files, %3 bytes (%4 compressed)")
                                  .arg(written->file)
                                  .arg(written->files)
                                  .arg(written->bytes)
                                  .arg(written->archiveBytes));
        return ExitSuccess;
    }

    auto opened = openForReading(invocation.path());
    if (!opened.ok()) return failOpen(console, opened.error());
    const Index &index = **opened;
    Result<formats::ExportSummary> summary = Error();
    if (*format == formats::ExportFormat::Vectra) {
        summary = formats::exportVectra(index, destination);
    } else {
        QFile out;
        const bool toStdout = destination.isEmpty() || destination == u"-";
        if (toStdout) {
            console.flush();
            out.open(STDOUT_FILENO, QIODevice::WriteOnly, QFileDevice::DontCloseHandle);
        } else {
            out.setFileName(destination);
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return console.fail(Error(ErrorCode::Io,
                                          QStringLiteral("Could not write %1: %2").arg(destination, out.errorString()),
                                          destination));
        }
        if (*format == formats::ExportFormat::JsonLines) {
            summary = formats::exportJsonLines(index, out);
        } else {
            QFile ids;
            QString idsPath;
            if (!toStdout) {
                idsPath = QFileInfo(destination).path() + u'/' + QFileInfo(destination).completeBaseName() +
                          QStringLiteral(".ids.txt");
                ids.setFileName(idsPath);
                if (!ids.open(QIODevice::WriteOnly | QIODevice::Truncate))
                    return console.fail(Error(ErrorCode::Io,
                                              QStringLiteral("Could not write %1: %2").arg(idsPath, ids.errorString()),
                                              idsPath));
            }
            summary = formats::exportNpy(index, out, toStdout ? nullptr : &ids);
            if (summary.ok() && !toStdout)
                summary->notes << QStringLiteral("ids, one per line in row order: %1").arg(idsPath);
            if (summary.ok() && toStdout)
                summary->notes << QStringLiteral("the ids were not written (give a file name to get them beside it)");
        }
        out.flush();
        if (toStdout) {
            if (summary.ok() && (out.error() != QFileDevice::NoError))
                return console.fail(Error(
                    ErrorCode::Io, QStringLiteral("Could not write to standard output: %1").arg(out.errorString())));
            for (const QString &note : summary.ok() ? summary->notes : QStringList())
                console.printError(note);
            if (!summary.ok()) return console.fail(summary.error());
            return ExitSuccess;
        }
    }
    if (!summary.ok()) return console.fail(summary.error());
    if (console.json())
        console.printJson(QJsonObject{{QStringLiteral("destination"), destination},
                                      {QStringLiteral("items"), double(summary->items)},
                                      {QStringLiteral("format"), formats::exportFormatName(*format)},
                                      {QStringLiteral("notes"), QJsonArray::fromStringList(summary->notes)}});
    else {
        console.printLine(QStringLiteral("exported %1 items to %2 (%3)")
                              .arg(summary->items)
                              .arg(destination, formats::exportFormatName(*format)));
        for (const QString &note : summary->notes)
            console.printLine(note);
    }
    return ExitSuccess;
}

} // namespace sextant::cli
