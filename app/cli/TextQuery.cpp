// `query --text`: a text search over a document index (sextant/TextSearch.h). The
// query is embedded with the embedder the index records, ranked by meaning,
// by BM25 keywords, or both fused (the default).

#include "Commands.h"

#include "sextant/DocumentImport.h"
#include "sextant/EmbedderChoice.h"
#include "sextant/TextSearch.h"

#include <QJsonArray>

namespace sextant::cli {

namespace {

// One line of a passage for the terminal: whitespace collapsed, cut with "…".
QString passageLine(const QString &passage, int width)
{
    const QString flat = passage.simplified();
    if (flat.size() <= width) return flat;
    return flat.left(std::max(1, width - 1)) + QStringLiteral("…");
}

QJsonObject hitToJson(const search::TextHit &hit)
{
    QJsonObject object{{QStringLiteral("id"), hit.id},
                       {QStringLiteral("score"), hit.score},
                       {QStringLiteral("vectorRank"), hit.vectorRank ? QJsonValue(hit.vectorRank) : QJsonValue()},
                       {QStringLiteral("keywordRank"), hit.keywordRank ? QJsonValue(hit.keywordRank) : QJsonValue()},
                       {QStringLiteral("passage"), hit.passage},
                       {QStringLiteral("uri"), hit.uri},
                       {QStringLiteral("title"), hit.title},
                       {QStringLiteral("metadata"), hit.metadata}};
    if (hit.vectorRank) object.insert(QStringLiteral("vectorScore"), double(hit.vectorScore));
    if (hit.keywordRank) object.insert(QStringLiteral("keywordScore"), hit.keywordScore);
    if (hit.start >= 0) {
        object.insert(QStringLiteral("start"), double(hit.start));
        object.insert(QStringLiteral("end"), double(hit.end));
    }
    return object;
}

void printHits(Console &console, const search::TextResult &result)
{
    if (result.hits.isEmpty()) console.printLine(QStringLiteral("no results"));
    for (qsizetype i = 0; i < result.hits.size(); ++i) {
        const search::TextHit &hit = result.hits[i];
        QStringList ranks;
        if (hit.vectorRank) ranks << QStringLiteral("meaning #%1").arg(hit.vectorRank);
        if (hit.keywordRank) ranks << QStringLiteral("keywords #%1").arg(hit.keywordRank);
        const QString document = hit.title.isEmpty() ? hit.uri
                                 : hit.uri.isEmpty()
                                     ? hit.title
                                     : QStringLiteral("%1 (%2)").arg(shown(hit.title), shown(hit.uri, 400));
        QString head = QStringLiteral("%1. %2  score %3").arg(i + 1).arg(hit.id).arg(hit.score, 0, 'g', 4);
        if (!ranks.isEmpty()) head += QStringLiteral("  [%1]").arg(ranks.join(QStringLiteral(", ")));
        console.printLine(head);
        if (!document.isEmpty()) {
            QString where = QStringLiteral("   %1").arg(document);
            if (hit.start >= 0) where += QStringLiteral(", characters %1–%2").arg(hit.start).arg(hit.end);
            console.printLine(where);
        }
        if (!hit.passage.isEmpty()) console.printLine(QStringLiteral("   ") + passageLine(hit.passage, 200));
    }
    console.printLine(QStringLiteral("plan: %1; %2 ms").arg(result.plan).arg(result.milliseconds, 0, 'f', 2));
}

} // namespace

int runTextQuery(Invocation &invocation)
{
    Console &console = invocation.console;
    for (const char *other : {"vector", "like", "ann", "exact", "with-vectors"})
        if (invocation.isSet(QLatin1String(other)))
            return console.usageError(QStringLiteral("--text cannot be combined with --%1.").arg(QLatin1String(other)));
    search::TextQuery query;
    query.text = invocation.value(QStringLiteral("text"));
    if (query.text.trimmed().isEmpty())
        return console.usageError(QStringLiteral("--text needs some words to search for."));
    if (invocation.isSet(QStringLiteral("mode"))) {
        const auto mode = search::textSearchModeFromName(invocation.value(QStringLiteral("mode")));
        if (!mode)
            return console.usageError(QStringLiteral("Unknown --mode \"%1\": use hybrid, vector or keyword.")
                                          .arg(invocation.value(QStringLiteral("mode"))));
        query.mode = *mode;
    }
    int exitCode = ExitSuccess;
    if (invocation.isSet(QStringLiteral("k"))) {
        const auto k = invocation.integerOption(QStringLiteral("k"), 1, 10000, exitCode);
        if (!k) return exitCode;
        query.k = int(*k);
    }
    {
        Result<QByteArray> filter = invocation.filterText();
        if (!filter.ok()) return console.fail(filter.error());
        query.filter = filter.takeValue();
    }

    auto opened = openForReading(invocation.path(), GraphUse::Off);
    if (!opened.ok()) return failOpen(console, opened.error());
    const Index &index = **opened;
    std::unique_ptr<embed::Embedder> embedder;
    if (query.mode != search::TextSearchMode::Keyword) {
        Result<std::unique_ptr<embed::Embedder>> made = embed::embedderForSchema(index.schema());
        if (!made.ok()) return console.fail(made.error());
        embedder = made.takeValue();
    }
    const Result<search::TextResult> result = search::searchText(index, embedder.get(), query);
    if (!result.ok()) return console.fail(result.error());
    if (console.json()) {
        QJsonArray hits;
        for (const search::TextHit &hit : result->hits)
            hits.append(hitToJson(hit));
        console.printJson(QJsonObject{{QStringLiteral("hits"), hits},
                                      {QStringLiteral("mode"), search::textSearchModeName(query.mode)},
                                      {QStringLiteral("plan"), result->plan},
                                      {QStringLiteral("keywordChunks"), double(result->keywordDocuments)},
                                      {QStringLiteral("milliseconds"), result->milliseconds}});
    } else {
        printHits(console, *result);
    }
    return checkStandardOutput(console, ExitSuccess);
}

int runDocuments(Invocation &invocation)
{
    Console &console = invocation.console;
    auto opened = openForReading(invocation.path(), GraphUse::Off);
    if (!opened.ok()) return failOpen(console, opened.error());
    const Result<QList<documents::CatalogEntry>> documents = documents::listDocuments(**opened);
    if (!documents.ok()) return console.fail(documents.error());
    if (console.json()) {
        QJsonArray list;
        for (const documents::CatalogEntry &d : *documents) {
            QJsonArray ranges;
            for (const auto &[start, end] : d.ranges)
                ranges.append(QJsonArray{double(start), double(end)});
            list.append(QJsonObject{{QStringLiteral("uri"), d.uri},
                                    {QStringLiteral("title"), d.title},
                                    {QStringLiteral("type"), d.type},
                                    {QStringLiteral("documentHash"), d.documentHash},
                                    {QStringLiteral("documentId"), d.documentId},
                                    {QStringLiteral("chunks"), d.chunks},
                                    {QStringLiteral("ranges"), ranges}});
        }
        console.printJson(QJsonObject{{QStringLiteral("documents"), list}});
    } else {
        qint64 chunks = 0;
        for (const documents::CatalogEntry &d : *documents) {
            chunks += d.chunks;
            const qint64 characters = d.ranges.isEmpty() ? 0 : d.ranges.last().second;
            console.printLine(
                QStringLiteral("%1  %2 chunks  %3 characters  %4%5")
                    .arg(d.type.isEmpty() ? QStringLiteral("-") : d.type, -8)
                    .arg(d.chunks, 5)
                    .arg(characters, 8)
                    .arg(d.uri)
                    .arg(d.title.isEmpty() ? QString() : QStringLiteral("  \u201c%1\u201d").arg(d.title)));
        }
        console.printLine(QStringLiteral("%1 documents, %2 chunks").arg(documents->size()).arg(chunks));
    }
    return checkStandardOutput(console, ExitSuccess);
}

} // namespace sextant::cli
