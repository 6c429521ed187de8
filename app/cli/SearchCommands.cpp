// Commands that search: query and recall. Like the other reading commands
// they open the index read-only, so they work while another process writes.
//
// A one-shot process pays for whatever it loads. Loading (let alone
// building) the HNSW graph costs more than one exact scan of the vectors,
// so query answers exactly unless --ann asks for the graph; then it waits
// until the graph holds every committed change and searches it.

#include "Commands.h"
#include "QueryVector.h"

#include "sextant/Filter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>

namespace sextant::cli {

namespace {

// The engine's bounds (Index::query), checked here to give a usage error.
constexpr qint64 kMaxK = 10000;
constexpr int kDefaultK = 10;
constexpr int kDefaultRecallSample = 100;
// Metadata wider than this is cut when standard output is not a terminal.
constexpr int kMetadataWidthWhenPiped = 100;

QString shortestFloat(float value) { return vectorToText({value}); }

// A float as the JSON number that reads back to it, in its shortest form
// (QJsonDocument writes doubles in their shortest form, and the double
// nearest to the float's shortest decimal has that same shortest form).
double jsonFloat(float value)
{
    char text[32];
    const auto written = std::to_chars(text, text + sizeof text, value);
    double number = value;
    std::from_chars(text, written.ptr, number);
    return number;
}

// Figures without the noise of binary fractions (0.659, not 0.6590000000000003).
double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QString scoreMeaning(Metric metric)
{
    switch (metric) {
    case Metric::Cosine: return QStringLiteral("cosine similarity");
    case Metric::Dot: return QStringLiteral("dot product");
    case Metric::L2: return QStringLiteral("L2 distance");
    }
    return QStringLiteral("score");
}

int terminalWidth()
{
    if (::isatty(STDOUT_FILENO) != 1) return 0;
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

// At most `width` characters, the last of them "…" when something was cut.
QString elide(const QString &text, int width)
{
    if (text.size() <= width) return text;
    qsizetype cut = std::max(0, width - 1);
    if (cut > 0 && text.at(cut - 1).isHighSurrogate()) --cut;
    return text.left(cut) + QStringLiteral("…");
}

QString padRight(const QString &text, int width)
{
    return text + QString(std::max<qsizetype>(0, width - text.size()), u' ');
}

QString padLeft(const QString &text, int width)
{
    return QString(std::max<qsizetype>(0, width - text.size()), u' ') + text;
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonArray vectorToJson(const QVector<float> &vector)
{
    QJsonArray array;
    for (float value : vector)
        array.append(jsonFloat(value));
    return array;
}

void printResultJson(Console &console, const QueryResult &result, Metric metric, const QueryRequest &request)
{
    QJsonArray hits;
    for (const QueryHit &hit : result.hits) {
        QJsonObject object{{QStringLiteral("id"), hit.id}, {QStringLiteral("score"), jsonFloat(hit.score)}};
        if (request.withMetadata) object.insert(QStringLiteral("metadata"), hit.metadata);
        if (request.withVectors) object.insert(QStringLiteral("vector"), vectorToJson(hit.vector));
        hits.append(object);
    }
    console.printJson(QJsonObject{
        {QStringLiteral("hits"), hits},
        {QStringLiteral("metric"), metricName(metric)},
        {QStringLiteral("strategy"), queryStrategyName(result.strategy)},
        {QStringLiteral("plan"), result.plan},
        {QStringLiteral("fellBack"), result.fellBack},
        {QStringLiteral("fallbackReason"), result.fellBack ? QJsonValue(result.fallbackReason) : QJsonValue()},
        {QStringLiteral("liveItems"), double(result.liveItems)},
        {QStringLiteral("matching"), result.matching >= 0 ? QJsonValue(double(result.matching)) : QJsonValue()},
        {QStringLiteral("scanned"), double(result.scanned)},
        {QStringLiteral("efUsed"), result.efUsed},
        {QStringLiteral("milliseconds"), roundTo(result.milliseconds, 4)}});
}

// rank, id, score and (cut to fit) metadata, then the plan and the time.
// Ids are never cut: they are what a user copies into the next command.
void printResultTable(Console &console, const QueryResult &result, Metric metric, const QueryRequest &request)
{
    if (result.hits.isEmpty()) {
        console.printLine(QStringLiteral("no results"));
    } else {
        const QString rankHeader = QStringLiteral("rank");
        const QString idHeader = QStringLiteral("id");
        const QString scoreHeader = scoreMeaning(metric);
        int idWidth = int(idHeader.size());
        int scoreWidth = int(scoreHeader.size());
        QStringList scores;
        for (const QueryHit &hit : result.hits) {
            idWidth = std::max(idWidth, int(escapeControls(hit.id).size()));
            scores << shortestFloat(hit.score);
            scoreWidth = std::max(scoreWidth, int(scores.last().size()));
        }
        const int rankWidth = std::max(int(rankHeader.size()), int(QString::number(result.hits.size()).size()));
        const int used = rankWidth + 2 + idWidth + 2 + scoreWidth + 2;
        const int columns = terminalWidth();
        const int metadataWidth = columns > 0 ? std::max(20, columns - used) : kMetadataWidthWhenPiped;

        QString header = padLeft(rankHeader, rankWidth) + QStringLiteral("  ") + padRight(idHeader, idWidth) +
                         QStringLiteral("  ") + padLeft(scoreHeader, scoreWidth);
        if (request.withMetadata) header += QStringLiteral("  metadata");
        console.printLine(header);
        for (qsizetype i = 0; i < result.hits.size(); ++i) {
            const QueryHit &hit = result.hits[i];
            QString row = padLeft(QString::number(i + 1), rankWidth) + QStringLiteral("  ") +
                          padRight(escapeControls(hit.id), idWidth) + QStringLiteral("  ") +
                          padLeft(scores[i], scoreWidth);
            if (request.withMetadata) row += QStringLiteral("  ") + elide(compactJson(hit.metadata), metadataWidth);
            console.printLine(row);
            if (request.withVectors)
                console.printLine(QString(rankWidth + 2, u' ') + QStringLiteral("vector: ") + vectorToText(hit.vector));
        }
    }
    QString footer = QStringLiteral("plan: %1").arg(result.plan);
    if (result.matching >= 0)
        footer += QStringLiteral("; %1 of %2 items match the filter").arg(result.matching).arg(result.liveItems);
    footer += QStringLiteral("; %1 ms").arg(result.milliseconds, 0, 'f', 2);
    console.printLine(footer);
}

// Checks what can be checked before waiting for a graph, so that a typo
// fails at once: the filter, the vector's shape, the "like" item.
Error checkRequest(const Index &index, const QueryRequest &request)
{
    if (!request.filter.trimmed().isEmpty()) {
        Result<Filter> filter = Filter::parse(request.filter);
        if (!filter.ok()) return filter.error();
    }
    if (!request.vector.isEmpty())
        return index.schema().validateVector(
            std::span<const float>(request.vector.constData(), size_t(request.vector.size())));
    if (!index.contains(request.likeId))
        return Error(ErrorCode::NotFound,
                     QStringLiteral("There is no item with the id \"%1\".").arg(shown(request.likeId)));
    return {};
}

std::optional<int> optionalInteger(Invocation &invocation, const QString &option, qint64 minimum, qint64 maximum,
                                   int fallback, int &exitCode)
{
    if (!invocation.isSet(option)) return fallback;
    const auto value = invocation.integerOption(option, minimum, maximum, exitCode);
    if (!value) return std::nullopt;
    return int(*value);
}

} // namespace

int runQuery(Invocation &invocation)
{
    Console &console = invocation.console;
    if (invocation.isSet(QStringLiteral("text"))) return runTextQuery(invocation);
    if (invocation.isSet(QStringLiteral("mode")))
        return console.usageError(QStringLiteral("--mode chooses how --text is searched; it needs --text."));
    const bool byVector = invocation.isSet(QStringLiteral("vector"));
    const bool byId = invocation.isSet(QStringLiteral("like"));
    if (byVector == byId)
        return console.usageError(byVector
                                      ? QStringLiteral("Give either --vector or --like, not both.")
                                      : QStringLiteral("query needs a query: --vector JSON (- reads standard input, "
                                                       "@FILE a file), --like ID or --text WORDS."));
    const bool ann = invocation.isSet(QStringLiteral("ann"));
    if (ann && invocation.isSet(QStringLiteral("exact")))
        return console.usageError(QStringLiteral("--exact and --ann exclude each other."));
    if (invocation.isSet(QStringLiteral("ef")) && !ann)
        return console.usageError(QStringLiteral("--ef sets how widely the HNSW graph is searched; it needs --ann."));

    int exitCode = ExitSuccess;
    QueryRequest request;
    const auto k = optionalInteger(invocation, QStringLiteral("k"), 1, kMaxK, kDefaultK, exitCode);
    if (!k) return exitCode;
    request.k = *k;
    const auto ef =
        optionalInteger(invocation, QStringLiteral("ef"), AnnParams::kMinEf, AnnParams::kMaxEf, 0, exitCode);
    if (!ef) return exitCode;
    request.ef = *ef;
    request.mode = ann ? QueryMode::Ann : QueryMode::Exact;
    {
        Result<QByteArray> filter = invocation.filterText();
        if (!filter.ok()) return console.fail(filter.error());
        request.filter = filter.takeValue();
    }
    request.withMetadata = !invocation.isSet(QStringLiteral("no-metadata"));
    request.withVectors = invocation.isSet(QStringLiteral("with-vectors"));
    if (byVector) {
        Result<QVector<float>> vector = readQueryVector(invocation.value(QStringLiteral("vector")));
        if (!vector.ok()) return console.fail(vector.error());
        request.vector = vector.takeValue();
    } else {
        request.likeId = invocation.value(QStringLiteral("like"));
    }

    auto opened = openForReading(invocation.path(), ann ? GraphUse::On : GraphUse::Off);
    if (!opened.ok()) return failOpen(console, opened.error());
    const Index &index = **opened;
    if (Error error = checkRequest(index, request)) return console.fail(error);
    // A graph that is not ready in time or failed gets a warning; the query
    // then says in its plan that it fell back to the exact scan.
    if (ann) waitForGraph(console, index);

    const Result<QueryResult> result = index.query(request);
    if (!result.ok()) return console.fail(result.error());
    const Metric metric = index.schema().metric;
    if (console.json())
        printResultJson(console, *result, metric, request);
    else
        printResultTable(console, *result, metric, request);
    return checkStandardOutput(console, ExitSuccess);
}

int runRecall(Invocation &invocation)
{
    Console &console = invocation.console;
    int exitCode = ExitSuccess;
    const auto sample =
        optionalInteger(invocation, QStringLiteral("sample"), 1, 100000, kDefaultRecallSample, exitCode);
    if (!sample) return exitCode;
    const auto k = optionalInteger(invocation, QStringLiteral("k"), 1, kMaxK, kDefaultK, exitCode);
    if (!k) return exitCode;
    const auto ef =
        optionalInteger(invocation, QStringLiteral("ef"), AnnParams::kMinEf, AnnParams::kMaxEf, 0, exitCode);
    if (!ef) return exitCode;

    auto opened = openForReading(invocation.path(), GraphUse::On);
    if (!opened.ok()) return failOpen(console, opened.error());
    const Index &index = **opened;
    const GraphWait graph = waitForGraph(console, index);
    const Result<RecallEstimate> estimate = index.estimateRecall(*sample, *k, *ef);
    if (!estimate.ok()) return console.fail(estimate.error());

    const double speedup = estimate->annMilliseconds > 0 ? estimate->exactMilliseconds / estimate->annMilliseconds : 0;
    if (console.json()) {
        console.printJson(QJsonObject{{QStringLiteral("recall"), roundTo(estimate->recall, 6)},
                                      {QStringLiteral("k"), estimate->k},
                                      {QStringLiteral("ef"), estimate->ef},
                                      {QStringLiteral("queries"), estimate->queries},
                                      {QStringLiteral("annMilliseconds"), roundTo(estimate->annMilliseconds, 4)},
                                      {QStringLiteral("exactMilliseconds"), roundTo(estimate->exactMilliseconds, 4)},
                                      {QStringLiteral("liveItems"), double(index.count())},
                                      {QStringLiteral("graphItems"), double(graph.status.items)},
                                      {QStringLiteral("metric"), metricName(index.schema().metric)}});
    } else {
        console.printLine(QStringLiteral("recall@%1 %2 (%3 sampled items as queries, ef %4; %5 items, %6 in the graph)")
                              .arg(estimate->k)
                              .arg(estimate->recall, 0, 'f', 4)
                              .arg(estimate->queries)
                              .arg(estimate->ef)
                              .arg(index.count())
                              .arg(graph.status.items));
        QString times = QStringLiteral("mean query time: HNSW %1 ms, exact %2 ms")
                            .arg(estimate->annMilliseconds, 0, 'f', 3)
                            .arg(estimate->exactMilliseconds, 0, 'f', 3);
        if (speedup >= 1)
            times += QStringLiteral(" (HNSW %1x faster)").arg(speedup, 0, 'f', 1);
        else if (speedup > 0)
            times += QStringLiteral(" (HNSW %1x slower: on an index this small a scan costs less)")
                         .arg(1 / speedup, 0, 'f', 1);
        console.printLine(times);
    }
    return checkStandardOutput(console, ExitSuccess);
}

} // namespace sextant::cli
