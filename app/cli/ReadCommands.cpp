// Commands that only read: info, get, list, count, export. They open
// the index read-only, so they work while another process holds the writer
// lock and never change the folder. (verify and repair: IntegrityCommands.cpp)

#include "Commands.h"

#include "sextant/Verifier.h"
#include "sextant/JsonLines.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <QSysInfo>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>

namespace sextant::cli {

namespace {

QJsonValue dateToJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QString dateToText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(Qt::ISODate) : QStringLiteral("never");
}

QString fieldsToText(const Schema &schema)
{
    if (schema.fields.isEmpty()) return QStringLiteral("none declared");
    QStringList parts;
    for (const FieldSpec &field : schema.fields)
        parts << QStringLiteral("%1 (%2%3)")
                     .arg(field.name, fieldTypeName(field.type),
                          field.required ? QStringLiteral(", required") : QString());
    return parts.join(QStringLiteral(", "));
}

// Every page of `list` in id order, for list and export.
template <typename OnPage>
Error forEachPage(const Index &index, QString after, qint64 limit, bool withVectors, OnPage onPage)
{
    constexpr int kPageSize = 1000;
    qint64 remaining = limit;
    for (;;) {
        const int pageSize = limit > 0 ? int(std::min<qint64>(kPageSize, remaining)) : kPageSize;
        auto page = index.list(after, pageSize, withVectors);
        if (!page.ok()) return page.error();
        onPage(*page);
        remaining -= page->items.size();
        after = page->nextAfter;
        if (after.isEmpty() || page->items.isEmpty() || (limit > 0 && remaining <= 0)) return {};
    }
}

} // namespace

int runInfo(Invocation &invocation)
{
    Console &console = invocation.console;
    const QString path = invocation.path();
    const bool withGraph = invocation.isSet(QStringLiteral("graph"));
    auto opened = openForReading(path, withGraph ? GraphUse::On : GraphUse::Off);
    if (!opened.ok()) return failOpen(console, opened.error());
    const Index &index = **opened;
    // The graph loads in the background; report it once it is current.
    const GraphWait graphWait = withGraph ? waitForGraph(console, index) : GraphWait();
    const IndexStats stats = index.stats();
    const AnnParams &ann = stats.schema.ann;
    const OpenReport &report = index.openReport();
    const std::optional<LockHolder> holder = Index::lockHolder(path);
    const bool staleLock = holder && holder->stale;
    const QString absolutePath = QFileInfo(path).absoluteFilePath();

    if (console.json()) {
        QJsonObject lock{{QStringLiteral("held"), holder.has_value() && !staleLock}};
        if (staleLock) lock.insert(QStringLiteral("stale"), true);
        if (holder)
            lock.insert(QStringLiteral("holder"), QJsonObject{{QStringLiteral("pid"), double(holder->pid)},
                                                              {QStringLiteral("host"), holder->host},
                                                              {QStringLiteral("application"), holder->application},
                                                              {QStringLiteral("description"), holder->describe()}});
        const QJsonObject openReport{{QStringLiteral("replayedFrames"), double(report.replayedFrames)},
                                     {QStringLiteral("lastLsn"), double(report.lastLsn)},
                                     {QStringLiteral("tailCut"), report.tailCut},
                                     {QStringLiteral("tailWasCorrupt"), report.tailWasCorrupt},
                                     {QStringLiteral("cutOffset"), double(report.cutOffset)},
                                     {QStringLiteral("cutBytes"), double(report.cutBytes)},
                                     {QStringLiteral("tailReason"), report.tailReason},
                                     {QStringLiteral("notes"), QJsonArray::fromStringList(report.notes)}};
        QJsonObject graph{{QStringLiteral("loaded"), withGraph},
                          {QStringLiteral("M"), ann.m},
                          {QStringLiteral("efConstruction"), ann.efConstruction},
                          {QStringLiteral("efSearch"), ann.efSearch}};
        if (withGraph) {
            const GraphStatus &g = stats.graph;
            graph.insert(QStringLiteral("state"), graphStateName(g.state));
            graph.insert(QStringLiteral("items"), double(g.items));
            graph.insert(QStringLiteral("pending"), double(g.pending));
            graph.insert(QStringLiteral("deleted"), double(g.deleted));
            graph.insert(QStringLiteral("capacity"), double(g.capacity));
            graph.insert(QStringLiteral("memoryBytes"), double(g.memoryBytes));
            graph.insert(QStringLiteral("file"), g.file.isEmpty() ? QJsonValue() : QJsonValue(g.file));
            graph.insert(QStringLiteral("message"), g.message);
            graph.insert(QStringLiteral("waitMs"), std::round(graphWait.seconds * 1000));
            graph.insert(QStringLiteral("tuning"), g.tuning);
            graph.insert(QStringLiteral("rebuilding"), g.rebuilding);
            graph.insert(QStringLiteral("rebuildReason"), g.rebuildReason);
            graph.insert(QStringLiteral("rebuildDone"), double(g.rebuildDone));
            graph.insert(QStringLiteral("rebuildTotal"), double(g.rebuildTotal));
            graph.insert(QStringLiteral("rebuilds"), g.rebuilds);
        }
        // The tuned ef is kept in the manifest: known with or without the graph.
        graph.insert(QStringLiteral("targetRecall"), ann.targetRecall);
        graph.insert(QStringLiteral("quantization"), quantizationName(ann.quantization));
        graph.insert(QStringLiteral("tunedEf"),
                     stats.graph.tunedEf > 0 ? QJsonValue(stats.graph.tunedEf) : QJsonValue());
        graph.insert(QStringLiteral("tunedRecall"),
                     stats.graph.tunedEf > 0 ? QJsonValue(stats.graph.tunedRecall) : QJsonValue());
        graph.insert(QStringLiteral("tunedItems"),
                     stats.graph.tunedEf > 0 ? QJsonValue(double(stats.graph.tunedItems)) : QJsonValue());
        console.printJson(QJsonObject{{QStringLiteral("path"), absolutePath},
                                      {QStringLiteral("schema"), stats.schema.toJson()},
                                      {QStringLiteral("dimensions"), stats.schema.dimensions},
                                      {QStringLiteral("metric"), metricName(stats.schema.metric)},
                                      {QStringLiteral("durability"), durabilityName(stats.durability)},
                                      {QStringLiteral("items"), double(stats.items)},
                                      {QStringLiteral("segments"), double(stats.segments)},
                                      {QStringLiteral("segmentRows"), double(stats.segmentRows)},
                                      {QStringLiteral("deletedRows"), double(stats.deletedRows)},
                                      {QStringLiteral("unflushedItems"), double(stats.unflushedItems)},
                                      {QStringLiteral("walBytes"), double(stats.walBytes)},
                                      {QStringLiteral("diskBytes"), double(stats.diskBytes)},
                                      {QStringLiteral("lastLsn"), double(stats.lastLsn)},
                                      {QStringLiteral("checkpointLsn"), double(stats.checkpointLsn)},
                                      {QStringLiteral("generation"), double(stats.generation)},
                                      {QStringLiteral("created"), dateToJson(stats.created)},
                                      {QStringLiteral("lastCheckpoint"), dateToJson(stats.lastCheckpoint)},
                                      {QStringLiteral("openedReadOnly"), true},
                                      {QStringLiteral("graph"), graph},
                                      {QStringLiteral("lock"), lock},
                                      {QStringLiteral("openReport"), openReport}});
        return checkStandardOutput(console, ExitSuccess);
    }

    auto row = [&](const QString &label, const QString &value) {
        console.printLine(QStringLiteral("%1 %2").arg(label, -16).arg(value));
    };
    row(QStringLiteral("index"), absolutePath);
    row(QStringLiteral("dimensions"), QString::number(stats.schema.dimensions));
    row(QStringLiteral("metric"), metricName(stats.schema.metric));
    row(QStringLiteral("embedder"),
        stats.schema.embedder.isEmpty() ? QStringLiteral("none (vectors made elsewhere)") : stats.schema.embedder);
    row(QStringLiteral("fields"), fieldsToText(stats.schema));
    row(QStringLiteral("max metadata"), QStringLiteral("%1 per item").arg(humanBytes(stats.schema.maxMetadataBytes)));
    row(QStringLiteral("durability"), durabilityName(stats.durability));
    row(QStringLiteral("items"), QString::number(stats.items));
    row(QStringLiteral("segments"),
        QStringLiteral("%1 (%2 rows, %3 deleted)").arg(stats.segments).arg(stats.segmentRows).arg(stats.deletedRows));
    row(QStringLiteral("wal"), QStringLiteral("%1 (%2 bytes), %3 changes not yet in segments")
                                   .arg(humanBytes(stats.walBytes))
                                   .arg(stats.walBytes)
                                   .arg(stats.unflushedItems));
    row(QStringLiteral("disk"), QStringLiteral("%1 (%2 bytes)").arg(humanBytes(stats.diskBytes)).arg(stats.diskBytes));
    row(QStringLiteral("last lsn"), QString::number(stats.lastLsn));
    row(QStringLiteral("checkpoint lsn"), QString::number(stats.checkpointLsn));
    row(QStringLiteral("generation"), QString::number(stats.generation));
    row(QStringLiteral("created"), dateToText(stats.created));
    row(QStringLiteral("last checkpoint"), dateToText(stats.lastCheckpoint));
    row(QStringLiteral("hnsw"), QStringLiteral("M %1, efConstruction %2, efSearch %3, %4")
                                    .arg(ann.m)
                                    .arg(ann.efConstruction)
                                    .arg(ann.efSearch)
                                    .arg(ann.quantization == Quantization::Sq8
                                             ? QStringLiteral("8-bit codes (sq8), reranked with the float vectors")
                                             : QStringLiteral("float vectors (no quantization)")));
    if (withGraph) {
        const GraphStatus &g = stats.graph;
        row(QStringLiteral("graph"), QStringLiteral("%1: %2 items, %3 deleted, %4 changes to apply, %5 in memory")
                                         .arg(graphStateName(g.state))
                                         .arg(g.items)
                                         .arg(g.deleted)
                                         .arg(g.pending)
                                         .arg(humanBytes(g.memoryBytes)));
        row(QStringLiteral("graph file"), g.file.isEmpty() ? QStringLiteral("none saved") : g.file);
        if (g.rebuilding)
            row(QStringLiteral("graph rebuild"), QStringLiteral("in the background (%1): %2 of %3 items")
                                                     .arg(g.rebuildReason)
                                                     .arg(g.rebuildDone)
                                                     .arg(g.rebuildTotal));
        else if (g.rebuilds > 0)
            row(QStringLiteral("graph rebuild"), QStringLiteral("%1 since the index was opened").arg(g.rebuilds));
        if (!g.message.isEmpty()) row(QStringLiteral("graph note"), g.message);
    } else {
        row(QStringLiteral("graph"), QStringLiteral("not loaded (info --graph loads it)"));
    }
    if (stats.graph.tunedEf > 0)
        row(QStringLiteral("recall"), QStringLiteral("target %1: ef %2 reaches %3 (measured at %4 items)%5")
                                          .arg(ann.targetRecall)
                                          .arg(stats.graph.tunedEf)
                                          .arg(stats.graph.tunedRecall, 0, 'f', 3)
                                          .arg(stats.graph.tunedItems)
                                          .arg(stats.graph.tunedRecall < ann.targetRecall
                                                   ? QStringLiteral("; no ef up to 1024 reaches the target")
                                                   : QString()));
    else
        row(QStringLiteral("recall"), QStringLiteral("target %1: not measured yet (queries use efSearch %2)")
                                          .arg(ann.targetRecall)
                                          .arg(ann.efSearch));
    if (withGraph && stats.graph.tuning) row(QStringLiteral("recall note"), QStringLiteral("measuring the ef now"));
    QString lockText = QStringLiteral("free");
    if (staleLock)
        lockText =
            QStringLiteral("free (the lock file names %1, which is no longer running; the next writer takes it over)")
                .arg(holder->describe());
    else if (holder)
        lockText = QStringLiteral("held by %1; this report is a read-only snapshot of what it has committed")
                       .arg(holder->describe());
    row(QStringLiteral("writer lock"), lockText);
    for (const QString &note : report.notes)
        row(QStringLiteral("note"), note);
    return checkStandardOutput(console, ExitSuccess);
}

int runGet(Invocation &invocation)
{
    Console &console = invocation.console;
    auto opened = openForReading(invocation.path());
    if (!opened.ok()) return failOpen(console, opened.error());
    const auto item = (*opened)->get(invocation.arguments.value(1), true);
    if (!item.ok()) return console.fail(item.error());
    if (console.json()) {
        console.write(formats::itemToJsonLine(*item) + '\n');
    } else {
        console.printLine(QStringLiteral("id: %1").arg(item->id));
        console.printLine(QStringLiteral("metadata: %1")
                              .arg(QString::fromUtf8(QJsonDocument(item->metadata).toJson(QJsonDocument::Compact))));
        console.printLine(
            QStringLiteral("vector (%1 dimensions): %2").arg(item->vector.size()).arg(vectorToText(item->vector)));
    }
    return checkStandardOutput(console, ExitSuccess);
}

int runList(Invocation &invocation)
{
    Console &console = invocation.console;
    int exitCode = ExitSuccess;
    qint64 limit = 0; // 0: all
    if (invocation.isSet(QStringLiteral("limit"))) {
        const auto value =
            invocation.integerOption(QStringLiteral("limit"), 1, std::numeric_limits<int>::max(), exitCode);
        if (!value) return exitCode;
        limit = *value;
    }
    auto opened = openForReading(invocation.path());
    if (!opened.ok()) return failOpen(console, opened.error());

    QJsonArray items;
    QString nextAfter;
    const Error error =
        forEachPage(**opened, invocation.value(QStringLiteral("after")), limit, false, [&](const ListPage &page) {
            for (const Item &item : page.items) {
                if (console.json())
                    items.append(
                        QJsonObject{{QStringLiteral("id"), item.id}, {QStringLiteral("metadata"), item.metadata}});
                else
                    console.write(escapeControls(item.id).toUtf8() + '\n');
            }
            nextAfter = page.nextAfter;
        });
    if (error) return console.fail(error);
    if (console.json())
        console.printJson(
            QJsonObject{{QStringLiteral("items"), items},
                        {QStringLiteral("nextAfter"), nextAfter.isEmpty() ? QJsonValue() : QJsonValue(nextAfter)}});
    return checkStandardOutput(console, ExitSuccess);
}

int runCount(Invocation &invocation)
{
    Console &console = invocation.console;
    auto opened = openForReading(invocation.path());
    if (!opened.ok()) return failOpen(console, opened.error());
    const qint64 count = (*opened)->count();
    if (console.json())
        console.printJson(QJsonObject{{QStringLiteral("count"), double(count)}});
    else
        console.printLine(QString::number(count));
    return checkStandardOutput(console, ExitSuccess);
}

} // namespace sextant::cli
