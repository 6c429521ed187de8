// Commands that change an index: create, delete, compact, checkpoint, convert-graph
// (insert and import are in Ingest.cpp). They take the writer lock.

#include "Commands.h"

#include "sextant/EmbedderChoice.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

#include <functional>

namespace sextant::cli {

namespace {

QString unknownQuantization(const QString &text)
{
    return QStringLiteral("Unknown quantization \"%1\"; use sq8 (8-bit codes) or none (float vectors).").arg(text);
}

QString graphVectorsName(Quantization q)
{
    return q == Quantization::Sq8 ? QStringLiteral("8-bit codes (sq8)") : QStringLiteral("float vectors (none)");
}

// Schema files are a few lines; anything much larger is the wrong file.
constexpr qint64 kMaxSchemaFileBytes = 1024 * 1024;

Result<Schema> readSchemaFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io,
                     QStringLiteral("Could not open the schema file %1: %2").arg(fileName, file.errorString()),
                     fileName);
    if (file.size() > kMaxSchemaFileBytes)
        return Error(
            ErrorCode::MalformedInput,
            QStringLiteral("The schema file %1 is larger than 1 MiB; a schema is a small JSON object.").arg(fileName),
            fileName);
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("The schema file %1 is not valid JSON: %2 at byte %3.")
                         .arg(fileName, parseError.errorString())
                         .arg(parseError.offset),
                     fileName);
    if (!document.isObject())
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("The schema file %1 must hold a JSON object.").arg(fileName), fileName);
    auto schema = Schema::fromJson(document.object(), false);
    if (!schema.ok())
        return schema.error()
            .rephrased(QStringLiteral("%1 (in %2)").arg(schema.error().message(), fileName))
            .withPath(fileName);
    return schema;
}

} // namespace

int runCreate(Invocation &invocation)
{
    Console &console = invocation.console;
    const QString path = invocation.path();
    Schema schema;
    bool haveDimensions = false;
    if (invocation.isSet(QStringLiteral("schema"))) {
        auto fromFile = readSchemaFile(invocation.value(QStringLiteral("schema")));
        if (!fromFile.ok()) return console.fail(fromFile.error());
        schema = *fromFile;
        haveDimensions = schema.dimensions > 0;
    }
    // The flags override the schema file.
    int exitCode = ExitSuccess;
    if (invocation.isSet(QStringLiteral("dims"))) {
        const auto dims =
            invocation.integerOption(QStringLiteral("dims"), Schema::kMinDimensions, Schema::kMaxDimensions, exitCode);
        if (!dims) return exitCode;
        schema.dimensions = int(*dims);
        haveDimensions = true;
    }
    if (invocation.isSet(QStringLiteral("embedder"))) {
        // An index for documents: the embedder's dimension, recorded with its id.
        Result<std::unique_ptr<embed::Embedder>> embedder =
            embed::embedderFromSpec(invocation.value(QStringLiteral("embedder")));
        if (!embedder.ok()) return console.usageError(embedder.error().message());
        if (Error e = embed::learnDimensions(**embedder)) return console.fail(e);
        if (haveDimensions && schema.dimensions != (*embedder)->dimensions())
            return console.usageError(
                QStringLiteral("The embedder %1 gives %2-dimensional vectors, not %3: leave out --dims.")
                    .arg((*embedder)->id())
                    .arg((*embedder)->dimensions())
                    .arg(schema.dimensions));
        schema.dimensions = (*embedder)->dimensions();
        schema.embedder = (*embedder)->id();
        haveDimensions = true;
    }
    if (!haveDimensions)
        return console.usageError(
            QStringLiteral("create needs the number of dimensions: --dims N "
                           "(or \"dimensions\" in the --schema file), or an --embedder for documents."));
    if (invocation.isSet(QStringLiteral("metric"))) {
        const auto metric = metricFromName(invocation.value(QStringLiteral("metric")));
        if (!metric)
            return console.usageError(QStringLiteral("Unknown metric \"%1\"; use cosine, l2 or dot.")
                                          .arg(invocation.value(QStringLiteral("metric"))));
        schema.metric = *metric;
    }
    // HNSW parameters; like --dims, they override the schema file's "ann".
    const struct {
        const char *option;
        qint64 minimum, maximum;
        int *value;
    } annOptions[] = {{"m", AnnParams::kMinM, AnnParams::kMaxM, &schema.ann.m},
                      {"ef-construction", AnnParams::kMinEf, AnnParams::kMaxEf, &schema.ann.efConstruction},
                      {"ef-search", AnnParams::kMinEf, AnnParams::kMaxEf, &schema.ann.efSearch}};
    for (const auto &ann : annOptions) {
        const QString option = QLatin1String(ann.option);
        if (!invocation.isSet(option)) continue;
        const auto value = invocation.integerOption(option, ann.minimum, ann.maximum, exitCode);
        if (!value) return exitCode;
        *ann.value = int(*value);
    }
    if (invocation.isSet(QStringLiteral("target-recall"))) {
        bool ok = false;
        const QString text = invocation.value(QStringLiteral("target-recall"));
        const double target = text.toDouble(&ok);
        if (!ok || !(target >= AnnParams::kMinTargetRecall && target <= AnnParams::kMaxTargetRecall))
            return console.usageError(QStringLiteral("--target-recall must be a number between %1 and %2, not \"%3\".")
                                          .arg(AnnParams::kMinTargetRecall)
                                          .arg(AnnParams::kMaxTargetRecall)
                                          .arg(text));
        schema.ann.targetRecall = target;
    }
    if (invocation.isSet(QStringLiteral("quantization"))) {
        const QString text = invocation.value(QStringLiteral("quantization"));
        const auto q = quantizationFromName(text);
        if (!q) return console.usageError(unknownQuantization(text));
        schema.ann.quantization = *q;
    }
    Durability durability = Durability::Full;
    if (invocation.isSet(QStringLiteral("durability"))) {
        const auto mode = durabilityFromName(invocation.value(QStringLiteral("durability")));
        if (!mode)
            return console.usageError(QStringLiteral("Unknown durability \"%1\"; use full, normal or off.")
                                          .arg(invocation.value(QStringLiteral("durability"))));
        durability = *mode;
    }
    if (Error error = schema.validateSelf()) return console.fail(error);

    OpenOptions options;
    options.applicationName = QStringLiteral("sextant-cli");
    options.graph = false; // nothing to index yet; the first graph-keeping opener builds it
    auto created = Index::create(path, schema, durability, options);
    if (!created.ok()) return console.fail(created.error());
    exitCode = closeIndex(console, **created, ExitSuccess);
    if (exitCode != ExitSuccess) return exitCode;

    const QString absolutePath = QFileInfo(path).absoluteFilePath();
    if (console.json())
        console.printJson(QJsonObject{{QStringLiteral("path"), absolutePath},
                                      {QStringLiteral("schema"), schema.toJson()},
                                      {QStringLiteral("durability"), durabilityName(durability)}});
    else
        console.printLine(
            QStringLiteral("created %1: %2 dimensions, %3, durability %4, HNSW M %5, efConstruction %6, efSearch %7, "
                           "target recall %8, %9")
                .arg(absolutePath)
                .arg(schema.dimensions)
                .arg(metricName(schema.metric), durabilityName(durability))
                .arg(schema.ann.m)
                .arg(schema.ann.efConstruction)
                .arg(schema.ann.efSearch)
                .arg(schema.ann.targetRecall)
                .arg(schema.ann.quantization == Quantization::Sq8 ? QStringLiteral("8-bit codes (sq8)")
                                                                  : QStringLiteral("float vectors")) +
            (schema.embedder.isEmpty() ? QString() : QStringLiteral(", embedder %1").arg(schema.embedder)));
    console.flush();
    return ExitSuccess;
}

int runDelete(Invocation &invocation)
{
    Console &console = invocation.console;
    auto opened = openForWriting(console, invocation.path());
    if (!opened.ok()) return failOpen(console, opened.error());
    Index &index = **opened;

    // Submit every removal first so they share fdatasyncs, then report in order.
    const QStringList ids = invocation.arguments.mid(1);
    QList<QFuture<WriteResult>> removals;
    for (const QString &id : ids)
        removals.append(index.remove(id));

    int exitCode = ExitSuccess;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        WriteResult result = waitForWrite(removals[i]);
        if (result.error.ok() && result.items == 0)
            result.error = Error(ErrorCode::NotFound,
                                 QStringLiteral("No item has the id \"%1\"; nothing was deleted.").arg(shown(ids[i])));
        if (!result.error.ok()) {
            console.printError(QStringLiteral("item \"%1\": %2").arg(shown(ids[i]), result.error.toString()));
            if (console.json())
                console.printJson(
                    QJsonObject{{QStringLiteral("id"), ids[i]}, {QStringLiteral("error"), errorToJson(result.error)}});
            exitCode = std::max(exitCode, exitCodeFor(result.error.code()));
            continue;
        }
        if (console.json())
            console.printJson(QJsonObject{{QStringLiteral("id"), ids[i]},
                                          {QStringLiteral("lsn"), double(result.lsn)},
                                          {QStringLiteral("deleted"), true}});
        else
            console.printLine(QStringLiteral("deleted %1").arg(ids[i]));
    }
    console.flush();
    return closeIndex(console, index, exitCode);
}

namespace {

// compact and checkpoint: open PATH for writing, run the one maintenance
// write, close. On success `exitCode` is ExitSuccess and the index's figures
// before and after are filled in; otherwise the failure has been reported.
struct MaintenanceRun {
    int exitCode = ExitSuccess;
    IndexStats before;
    IndexStats after;
};

MaintenanceRun runMaintenanceWrite(Console &console, const QString &path,
                                   const std::function<QFuture<WriteResult>(Index &)> &write)
{
    MaintenanceRun run;
    auto opened = openForWriting(console, path);
    if (!opened.ok()) {
        run.exitCode = failOpen(console, opened.error());
        return run;
    }
    Index &index = **opened;
    run.before = index.stats();
    const WriteResult result = waitForWrite(write(index));
    if (!result.error.ok()) {
        const int exitCode = console.fail(result.error);
        run.exitCode = closeIndex(console, index, exitCode);
        return run;
    }
    run.after = index.stats();
    run.exitCode = closeIndex(console, index, ExitSuccess);
    return run;
}

} // namespace

int runCompact(Invocation &invocation)
{
    Console &console = invocation.console;
    const MaintenanceRun run =
        runMaintenanceWrite(console, invocation.path(), [](Index &index) { return index.compact(); });
    if (run.exitCode != ExitSuccess) return run.exitCode;
    const IndexStats &before = run.before;
    const IndexStats &after = run.after;

    auto statsJson = [](const IndexStats &stats) {
        return QJsonObject{{QStringLiteral("items"), double(stats.items)},
                           {QStringLiteral("segments"), double(stats.segments)},
                           {QStringLiteral("segmentRows"), double(stats.segmentRows)},
                           {QStringLiteral("deletedRows"), double(stats.deletedRows)},
                           {QStringLiteral("walBytes"), double(stats.walBytes)},
                           {QStringLiteral("diskBytes"), double(stats.diskBytes)}};
    };
    if (console.json())
        console.printJson(QJsonObject{{QStringLiteral("before"), statsJson(before)},
                                      {QStringLiteral("after"), statsJson(after)},
                                      {QStringLiteral("generation"), double(after.generation)}});
    else
        console.printLine(
            QStringLiteral("compacted: %1 items; segments %2 -> %3; %4 deleted rows dropped; disk %5 -> %6")
                .arg(after.items)
                .arg(before.segments)
                .arg(after.segments)
                .arg(std::max<qint64>(0, before.deletedRows - after.deletedRows))
                .arg(humanBytes(before.diskBytes), humanBytes(after.diskBytes)));
    console.flush();
    return ExitSuccess;
}

int runCheckpoint(Invocation &invocation)
{
    Console &console = invocation.console;
    const MaintenanceRun run =
        runMaintenanceWrite(console, invocation.path(), [](Index &index) { return index.checkpoint(); });
    if (run.exitCode != ExitSuccess) return run.exitCode;
    const IndexStats &before = run.before;
    const IndexStats &after = run.after;
    if (console.json())
        console.printJson(QJsonObject{{QStringLiteral("items"), double(after.items)},
                                      {QStringLiteral("checkpointLsn"), double(after.checkpointLsn)},
                                      {QStringLiteral("generation"), double(after.generation)},
                                      {QStringLiteral("segments"), double(after.segments)},
                                      {QStringLiteral("walBytesBefore"), double(before.walBytes)},
                                      {QStringLiteral("walBytesAfter"), double(after.walBytes)},
                                      {QStringLiteral("unflushedItemsBefore"), double(before.unflushedItems)}});
    else
        console.printLine(QStringLiteral("checkpoint: %1 items; %2 changes folded into segments; checkpoint lsn %3; "
                                         "segments %4 -> %5; log %6 -> %7; generation %8")
                              .arg(after.items)
                              .arg(before.unflushedItems)
                              .arg(after.checkpointLsn)
                              .arg(before.segments)
                              .arg(after.segments)
                              .arg(humanBytes(before.walBytes), humanBytes(after.walBytes))
                              .arg(after.generation));
    console.flush();
    return ExitSuccess;
}

int runConvertGraph(Invocation &invocation)
{
    Console &console = invocation.console;
    if (!invocation.isSet(QStringLiteral("quantization")))
        return console.usageError(QStringLiteral("convert-graph needs --quantization sq8 or --quantization none."));
    const QString text = invocation.value(QStringLiteral("quantization"));
    const auto to = quantizationFromName(text);
    if (!to) return console.usageError(unknownQuantization(text));
    const bool keepGraph = !invocation.isSet(QStringLiteral("no-graph"));
    const QString path = invocation.path();

    // The old graph is not loaded: the conversion replaces it.
    auto opened = openForWriting(console, path, GraphUse::Off);
    if (!opened.ok()) return failOpen(console, opened.error());
    Index &index = **opened;
    const Schema schema = index.schema();
    const Result<GraphConversion> conversion = index.convertGraph(*to);
    if (!conversion.ok()) return closeIndex(console, index, console.fail(conversion.error()));
    int exitCode = closeIndex(console, index, ExitSuccess);
    if (exitCode != ExitSuccess) return exitCode;

    const qint64 bytesBefore = graphBytesPerItem(schema.dimensions, schema.ann.m, conversion->from);
    const qint64 bytesAfter = graphBytesPerItem(schema.dimensions, schema.ann.m, conversion->to);
    const QString absolutePath = QFileInfo(path).absoluteFilePath();
    if (!console.json()) {
        if (conversion->changed)
            console.printLine(
                QStringLiteral("converted the graph of %1 from %2 to %3 (manifest generation %4); graph "
                               "memory per item %5 -> %6 bytes")
                    .arg(absolutePath, graphVectorsName(conversion->from), graphVectorsName(conversion->to))
                    .arg(conversion->generation)
                    .arg(bytesBefore)
                    .arg(bytesAfter));
        else
            console.printLine(QStringLiteral("the graph of %1 already holds %2; nothing changed")
                                  .arg(absolutePath, graphVectorsName(conversion->to)));
        console.flush();
    }

    // The new graph is built from the vectors by a writer that keeps one, and saved when it closes.
    std::optional<GraphWait> graph;
    if (keepGraph && conversion->changed) {
        auto reopened = openForWriting(console, path, GraphUse::On);
        if (!reopened.ok()) return failOpen(console, reopened.error());
        graph = waitForGraph(console, **reopened);
        exitCode = closeIndex(console, **reopened, ExitSuccess);
        if (graph->ready && !console.json())
            console.printLine(QStringLiteral("graph: ready, %1 items, %2 in memory, saved")
                                  .arg(graph->status.items)
                                  .arg(humanBytes(graph->status.memoryBytes)));
    }
    if (console.json()) {
        QJsonObject out{{QStringLiteral("path"), absolutePath},
                        {QStringLiteral("from"), quantizationName(conversion->from)},
                        {QStringLiteral("to"), quantizationName(conversion->to)},
                        {QStringLiteral("changed"), conversion->changed},
                        {QStringLiteral("generation"), double(conversion->generation)},
                        {QStringLiteral("bytesPerItemBefore"), double(bytesBefore)},
                        {QStringLiteral("bytesPerItemAfter"), double(bytesAfter)}};
        if (graph)
            out.insert(QStringLiteral("graph"),
                       QJsonObject{{QStringLiteral("state"), graphStateName(graph->status.state)},
                                   {QStringLiteral("ready"), graph->ready},
                                   {QStringLiteral("items"), double(graph->status.items)},
                                   {QStringLiteral("memoryBytes"), double(graph->status.memoryBytes)}});
        console.printJson(out);
    }
    console.flush();
    return exitCode;
}

} // namespace sextant::cli
