// sextant-cli publish (an index to a PostgreSQL table with pgvector) and
// import … --table (a pgvector table into a local index). The work is in
// engine/postgres/; this file parses options and reports. docs/postgres.md.

#include "Commands.h"

#include "sextant/Publish.h"
#include "sextant/Pull.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

#include <csignal>
#include <unistd.h>

namespace sextant::cli {

namespace {

// Progress on stderr in text mode: at most twice a second, and after the first batch.
class ProgressLine {
public:
    explicit ProgressLine(Console &console) : m_console(console) { m_timer.start(); }
    void report(const QString &verb, qint64 done, qint64 total, qint64 bytes)
    {
        if (m_console.json()) return;
        const qint64 ms = m_timer.elapsed();
        if (m_reported && ms - m_last < 500 && done != total) return;
        m_reported = true;
        m_last = ms;
        const double mbps = ms > 0 ? double(bytes) / 1e6 / (double(ms) / 1000.0) : 0;
        m_console.printError(QStringLiteral("%1 %2%3 items, %4 MB/s")
                                 .arg(verb)
                                 .arg(done)
                                 .arg(total >= 0 ? QStringLiteral("/%1").arg(total) : QString())
                                 .arg(mbps, 0, 'f', 2));
    }

private:
    Console &m_console;
    QElapsedTimer m_timer;
    qint64 m_last = 0;
    bool m_reported = false;
};

QJsonObject planJson(const postgres::PublishPlan &plan)
{
    return QJsonObject{{QStringLiteral("target"), plan.target},
                       {QStringLiteral("table"), plan.table},
                       {QStringLiteral("createTable"), plan.createTable},
                       {QStringLiteral("full"), plan.full},
                       {QStringLiteral("how"), plan.how},
                       {QStringLiteral("items"), double(plan.localItems)},
                       {QStringLiteral("upserts"), double(plan.upserts)},
                       {QStringLiteral("deletes"), double(plan.deletes)},
                       {QStringLiteral("unchanged"), double(plan.unchanged)},
                       {QStringLiteral("indexLsn"), double(plan.indexLsn)},
                       {QStringLiteral("publishedLsn"), double(plan.publishedLsn)},
                       {QStringLiteral("publish"), double(plan.publishNumber)},
                       {QStringLiteral("annIndex"), plan.annIndexSql},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(plan.notes)}};
}

} // namespace

int runPublish(Invocation &invocation)
{
    Console &console = invocation.console;
    postgres::PublishOptions options;
    options.conninfo = invocation.arguments.value(1);
    options.table = invocation.value(QStringLiteral("table"));
    if (options.table.isEmpty()) return console.usageError(QStringLiteral("publish needs --table NAME."));
    const bool create = invocation.isSet(QStringLiteral("create"));
    const bool upsert = invocation.isSet(QStringLiteral("upsert"));
    if (create && upsert) return console.usageError(QStringLiteral("--create and --upsert do not go together."));
    options.mode = create   ? postgres::TableMode::Create
                   : upsert ? postgres::TableMode::Upsert
                            : postgres::TableMode::Existing;
    if (invocation.isSet(QStringLiteral("index"))) {
        const std::optional<postgres::AnnIndexKind> kind =
            postgres::annIndexKindFromName(invocation.value(QStringLiteral("index")));
        if (!kind)
            return console.usageError(QStringLiteral("Unknown --index \"%1\": use hnsw, ivfflat or none.")
                                          .arg(invocation.value(QStringLiteral("index"))));
        options.annIndex = *kind;
    }
    int exitCode = ExitSuccess;
    if (invocation.isSet(QStringLiteral("batch"))) {
        const std::optional<qint64> batch =
            invocation.integerOption(QStringLiteral("batch"), 1, postgres::PublishOptions::kMaxBatch, exitCode);
        if (!batch) return exitCode;
        options.batch = int(*batch);
    }
    if (Error e = postgres::checkConninfo(options.conninfo)) return console.usageError(e.message());

    // Publishing only reads the index; it keeps its record in publish/.
    auto opened = openForReading(invocation.path());
    if (!opened.ok()) return failOpen(console, opened.error());
    postgres::Publisher publisher(*opened, options);
    Result<postgres::PublishPlan> plan = publisher.plan();
    if (!plan.ok()) return console.fail(plan.error());
    if (!console.json()) {
        console.printLine(QStringLiteral("publish #%1 of %2 to %3 on %4")
                              .arg(plan->publishNumber)
                              .arg(QFileInfo(invocation.path()).absoluteFilePath(), plan->table, plan->target));
        console.printLine(plan->how);
        console.printLine(QStringLiteral("%1 items: %2 to send, %3 to delete, %4 unchanged")
                              .arg(plan->localItems)
                              .arg(plan->upserts)
                              .arg(plan->deletes)
                              .arg(plan->unchanged));
        for (const QString &note : plan->notes)
            console.printLine(QStringLiteral("note: ") + note);
        console.flush();
    }
    ProgressLine line(console);
    Result<postgres::PublishSummary> summary = publisher.run([&](qint64 done, qint64 total, qint64 bytes) {
        line.report(QStringLiteral("published"), done, total, bytes);
        return true;
    });
    if (!summary.ok()) return console.fail(summary.error());
    const double mbps = summary->seconds > 0 ? double(summary->bytes) / 1e6 / summary->seconds : 0;
    if (console.json()) {
        QJsonObject out{{QStringLiteral("plan"), planJson(summary->plan)},
                        {QStringLiteral("upserted"), double(summary->upserted)},
                        {QStringLiteral("deleted"), double(summary->deleted)},
                        {QStringLiteral("batches"), double(summary->batches)},
                        {QStringLiteral("bytes"), double(summary->bytes)},
                        {QStringLiteral("seconds"), summary->seconds},
                        {QStringLiteral("annIndexCreated"), summary->annIndexCreated},
                        {QStringLiteral("query"), summary->exampleQuery}};
        console.printJson(out);
    } else {
        console.printLine(QStringLiteral("published: %1 sent, %2 deleted in %3 batches, %4 in %5 s (%6 MB/s)")
                              .arg(summary->upserted)
                              .arg(summary->deleted)
                              .arg(summary->batches)
                              .arg(humanBytes(summary->bytes))
                              .arg(summary->seconds, 0, 'f', 1)
                              .arg(mbps, 0, 'f', 2));
        if (summary->annIndexCreated) console.printLine(QStringLiteral("created: ") + summary->plan.annIndexSql);
        for (const QString &note : summary->plan.notes)
            if (!plan->notes.contains(note)) console.printLine(QStringLiteral("note: ") + note);
        if (!summary->exampleQuery.isEmpty())
            console.printLine(QStringLiteral("query it on the server, for example:\n") + summary->exampleQuery);
    }
    return checkStandardOutput(console, ExitSuccess);
}

int runPostgresImport(Invocation &invocation)
{
    Console &console = invocation.console;
    if (invocation.arguments.size() != 2)
        return console.usageError(QStringLiteral("import --table takes PATH CONNINFO."));
    for (const char *other : {"format", "docs", "embedder", "chunk-size", "chunk-overlap", "chunk-unit", "no-graph"})
        if (invocation.isSet(QString::fromLatin1(other)))
            return console.usageError(QStringLiteral("--%1 does not go with --table.").arg(QString::fromLatin1(other)));
    postgres::PullOptions options;
    options.conninfo = invocation.arguments.value(1);
    options.table = invocation.value(QStringLiteral("table"));
    options.where = invocation.value(QStringLiteral("where"));
    int exitCode = ExitSuccess;
    if (invocation.isSet(QStringLiteral("batch"))) {
        const std::optional<qint64> batch = invocation.integerOption(QStringLiteral("batch"), 1, 10000, exitCode);
        if (!batch) return exitCode;
        options.batch = int(*batch);
    }
    if (Error e = postgres::checkConninfo(options.conninfo)) return console.usageError(e.message());
    std::optional<Metric> metric;
    if (invocation.isSet(QStringLiteral("metric"))) {
        metric = metricFromName(invocation.value(QStringLiteral("metric")));
        if (!metric)
            return console.usageError(QStringLiteral("Unknown --metric \"%1\": use cosine, l2 or dot.")
                                          .arg(invocation.value(QStringLiteral("metric"))));
    }

    postgres::Puller puller(options);
    Result<postgres::PullSource> source = puller.inspect();
    if (!source.ok()) return console.fail(source.error());
    const QString path = invocation.path();
    bool created = false;
    if (!Index::exists(path)) {
        Schema schema;
        schema.dimensions = source->dimensions;
        schema.metric = metric ? *metric : source->metric.value_or(Metric::Cosine);
        Result<std::shared_ptr<Index>> index = Index::create(path, schema);
        if (!index.ok()) return console.fail(index.error());
        if (Error e = (*index)->close()) return console.fail(e);
        created = true;
        if (!console.json())
            console.printLine(QStringLiteral("created %1: %2 dimensions, %3 (%4)")
                                  .arg(QFileInfo(path).absoluteFilePath())
                                  .arg(schema.dimensions)
                                  .arg(metricName(schema.metric),
                                       metric ? QStringLiteral("--metric")
                                       : source->metric
                                           ? QStringLiteral("from the table's ANN index")
                                           : QStringLiteral("the table has no ANN index to tell; --metric sets it")));
    }
    auto opened = openForWriting(console, path);
    if (!opened.ok()) return failOpen(console, opened.error());
    Index &index = **opened;
    ProgressLine line(console);
    Result<postgres::PullSummary> summary = puller.run(index, [&](qint64 items, qint64 total, qint64 bytes) {
        line.report(QStringLiteral("pulled"), items, total, bytes);
        return true;
    });
    if (!summary.ok()) {
        const int code = console.fail(summary.error());
        return closeIndex(console, index, code);
    }
    exitCode = closeIndex(console, index, ExitSuccess);
    if (exitCode != ExitSuccess) return exitCode;
    if (console.json())
        console.printJson(QJsonObject{{QStringLiteral("table"), summary->source.table},
                                      {QStringLiteral("target"), summary->source.target},
                                      {QStringLiteral("created"), created},
                                      {QStringLiteral("items"), double(summary->items)},
                                      {QStringLiteral("bytes"), double(summary->bytes)},
                                      {QStringLiteral("seconds"), summary->seconds}});
    else
        console.printLine(QStringLiteral("pulled %1 rows of %2 from %3 in %4 s")
                              .arg(summary->items)
                              .arg(summary->source.table, summary->source.target)
                              .arg(summary->seconds, 0, 'f', 1));
    return checkStandardOutput(console, ExitSuccess);
}

} // namespace sextant::cli
