// Commands that explore a collection (engine/explore): duplicates (groups of
// near-duplicate items, optionally deleting all but one of each), map (a 2-D
// UMAP or PCA layout as CSV) and compare (the same queries on two indexes).

#include "Commands.h"

#include "sextant/IndexComparison.h"
#include "sextant/NearDuplicates.h"
#include "sextant/Umap.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace sextant::cli {

namespace {

// Progress on stderr for a text-mode run: a line rewritten in place on a
// terminal, a line every few seconds in a log.
explore::Task progressTask(Console &console)
{
    explore::Task task;
    if (console.json()) return task;
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto next = std::make_shared<qint64>(1000);
    task.progress = [terminal, timer, next](const QString &phase, qint64 done, qint64 total) {
        if (timer->elapsed() < *next) return;
        *next = timer->elapsed() + (terminal ? 250 : 5000);
        const QString text = total > 0 ? QStringLiteral("%1: %2 of %3").arg(phase).arg(done).arg(total)
                                       : QStringLiteral("%1…").arg(phase);
        const QByteArray line = terminal ? QStringLiteral("\rsextant-cli: %1\x1b[K").arg(text).toUtf8()
                                         : QStringLiteral("sextant-cli: %1\n").arg(text).toUtf8();
        std::fwrite(line.data(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    };
    return task;
}

void endProgressLine()
{
    if (::isatty(STDERR_FILENO) == 1) {
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
    }
}

std::optional<double> doubleOption(Invocation &invocation, const QString &name, int &exitCode)
{
    bool ok = false;
    const double value = invocation.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        exitCode = invocation.console.usageError(
            QStringLiteral("--%1 must be a number, not \"%2\".").arg(name, invocation.value(name)));
        return std::nullopt;
    }
    return value;
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r')) return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString jsonValueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
    case QJsonValue::Undefined: return {};
    default: {
        const QJsonDocument document =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    }
    }
}

} // namespace

int runDuplicates(Invocation &invocation)
{
    Console &console = invocation.console;
    int exitCode = ExitSuccess;
    explore::DuplicateOptions options;
    if (invocation.isSet(QStringLiteral("threshold"))) {
        const auto t = doubleOption(invocation, QStringLiteral("threshold"), exitCode);
        if (!t) return exitCode;
        options.threshold = *t;
    }
    if (invocation.isSet(QStringLiteral("neighbours"))) {
        const auto k = invocation.integerOption(QStringLiteral("neighbours"), 1, 1024, exitCode);
        if (!k) return exitCode;
        options.neighbours = int(*k);
    }
    options.filter = invocation.value(QStringLiteral("filter")).toUtf8();
    const bool remove = invocation.isSet(QStringLiteral("delete"));
    const bool yes = invocation.isSet(QStringLiteral("yes"));
    if (yes && invocation.isSet(QStringLiteral("read-only")))
        return console.usageError(
            QStringLiteral("duplicates --delete --yes changes the index, which --read-only forbids."));
    if (!remove && (invocation.isSet(QStringLiteral("keep")) || yes))
        return console.usageError(QStringLiteral("--keep and --yes go with --delete."));
    explore::KeepChoice keep = explore::keepChoiceFromText(
        invocation.isSet(QStringLiteral("keep")) ? invocation.value(QStringLiteral("keep")) : QStringLiteral("first"));
    if (keep.rule == explore::KeepRule::Field && keep.field.trimmed().isEmpty())
        return console.usageError(QStringLiteral("--keep takes first, last or a metadata field name."));

    auto opened = (remove && yes) ? openForWriting(console, invocation.path(), GraphUse::On)
                                  : openForReading(invocation.path(), GraphUse::On);
    if (!opened.ok()) return failOpen(console, opened.error());
    Index &index = **opened;
    // Check the threshold before building a graph for nothing.
    if (options.threshold) {
        if (Error e = explore::validateDuplicateThreshold(index.schema().metric, *options.threshold))
            return console.fail(e);
    } else if (!explore::defaultDuplicateThreshold(index.schema().metric)) {
        return console.fail(Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("This index uses the %1 metric, which has no default threshold: give --threshold (%2).")
                .arg(metricName(index.schema().metric),
                     index.schema().metric == Metric::L2
                         ? QStringLiteral("the largest Euclidean distance between duplicates")
                         : QStringLiteral("the smallest inner product between duplicates"))));
    }
    const GraphWait wait = waitForGraph(console, index);
    if (!wait.ready) {
        const int code = console.fail(Error(
            ErrorCode::NotReady,
            QStringLiteral("Finding duplicates needs the HNSW graph, which is %1%2.")
                .arg(graphStateName(wait.status.state))
                .arg(wait.status.message.isEmpty() ? QString() : QStringLiteral(": %1").arg(wait.status.message))));
        return remove && yes ? closeIndex(console, index, code) : code;
    }
    QElapsedTimer timer;
    timer.start();
    Result<explore::DuplicateReport> found = explore::findNearDuplicates(index, options, progressTask(console));
    endProgressLine();
    if (!found.ok()) {
        const int code = console.fail(found.error());
        return remove && yes ? closeIndex(console, index, code) : code;
    }
    const explore::DuplicateReport &report = *found;
    const double seconds = double(timer.elapsed()) / 1000;

    QStringList toDelete;
    if (remove) {
        Result<QStringList> ids = explore::idsToDelete(index, report, keep);
        if (!ids.ok()) {
            const int code = console.fail(ids.error());
            return yes ? closeIndex(console, index, code) : code;
        }
        toDelete = ids.takeValue();
    }
    qint64 deleted = 0;
    if (remove && yes && !toDelete.isEmpty()) {
        Result<WriteResult> written = explore::deleteItems(index, toDelete);
        if (!written.ok()) return closeIndex(console, index, console.fail(written.error()));
        deleted = written->items;
    }

    if (console.json()) {
        QJsonArray groups;
        for (const explore::DuplicateGroup &g : report.groups) {
            QJsonArray pairs;
            for (const explore::DuplicatePair &p : g.pairs)
                pairs.append(QJsonObject{{QStringLiteral("a"), g.ids[p.a]},
                                         {QStringLiteral("b"), g.ids[p.b]},
                                         {QStringLiteral("score"), p.score}});
            groups.append(QJsonObject{{QStringLiteral("ids"), QJsonArray::fromStringList(g.ids)},
                                      {QStringLiteral("pairs"), pairs}});
        }
        QJsonObject out{{QStringLiteral("metric"), metricName(report.metric)},
                        {QStringLiteral("threshold"), report.threshold},
                        {QStringLiteral("itemsSearched"), double(report.itemsSearched)},
                        {QStringLiteral("pairsChecked"), double(report.pairsChecked)},
                        {QStringLiteral("pairsRejected"), double(report.pairsRejected)},
                        {QStringLiteral("duplicateItems"), double(report.duplicateItems())},
                        {QStringLiteral("groups"), groups},
                        {QStringLiteral("seconds"), seconds}};
        if (remove) {
            out.insert(QStringLiteral("toDelete"), QJsonArray::fromStringList(toDelete));
            out.insert(QStringLiteral("dryRun"), !yes);
            out.insert(QStringLiteral("deleted"), double(deleted));
        }
        console.printJson(out);
    } else {
        console.printLine(QStringLiteral("%1 group%2, %3 items (%4; %5 items searched, %6 s)")
                              .arg(report.groups.size())
                              .arg(report.groups.size() == 1 ? QString() : QStringLiteral("s"))
                              .arg(report.duplicateItems())
                              .arg(explore::describeThreshold(report.metric, report.threshold))
                              .arg(report.itemsSearched)
                              .arg(seconds, 0, 'f', 1));
        for (qsizetype g = 0; g < report.groups.size(); ++g) {
            const explore::DuplicateGroup &group = report.groups[g];
            console.printLine(QStringLiteral("group %1: %2 items").arg(g + 1).arg(group.ids.size()));
            for (const explore::DuplicatePair &p : group.pairs)
                console.printLine(
                    QStringLiteral("  %1  %2  %3").arg(group.ids[p.a], group.ids[p.b]).arg(p.score, 0, 'g', 6));
        }
        if (remove) {
            if (!yes) {
                console.printLine(
                    QStringLiteral("dry run: would delete %1 item%2 (keeping one per group); add --yes to delete them")
                        .arg(toDelete.size())
                        .arg(toDelete.size() == 1 ? QString() : QStringLiteral("s")));
                for (const QString &id : toDelete)
                    console.printLine(QStringLiteral("  would delete %1").arg(id));
            } else {
                console.printLine(QStringLiteral("deleted %1 item%2 in one batch")
                                      .arg(deleted)
                                      .arg(deleted == 1 ? QString() : QStringLiteral("s")));
            }
        }
    }
    if (remove && yes) return closeIndex(console, index, checkStandardOutput(console, ExitSuccess));
    return checkStandardOutput(console, ExitSuccess);
}

int runMap(Invocation &invocation)
{
    Console &console = invocation.console;
    int exitCode = ExitSuccess;
    const QString method = invocation.isSet(QStringLiteral("method")) ? invocation.value(QStringLiteral("method"))
                                                                      : QStringLiteral("umap");
    if (method != u"umap" && method != u"pca")
        return console.usageError(QStringLiteral("Unknown --method \"%1\": use umap or pca.").arg(method));
    if (!invocation.isSet(QStringLiteral("out")))
        return console.usageError(QStringLiteral("map needs --out FILE.csv."));
    const QString outPath = invocation.value(QStringLiteral("out"));
    if (QFileInfo::exists(outPath))
        return console.fail(Error(ErrorCode::AlreadyExists,
                                  QStringLiteral("%1 already exists; map never replaces a file.").arg(outPath),
                                  outPath),
                            ExitUsageOrIo);
    explore::UmapOptions options;
    if (invocation.isSet(QStringLiteral("sample"))) {
        const auto n = invocation.integerOption(QStringLiteral("sample"), 1, qint64(100) * 1000 * 1000, exitCode);
        if (!n) return exitCode;
        options.sample = *n;
    }
    if (invocation.isSet(QStringLiteral("seed"))) {
        const auto s =
            invocation.integerOption(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), exitCode);
        if (!s) return exitCode;
        options.seed = quint64(*s);
    }
    if (invocation.isSet(QStringLiteral("neighbours"))) {
        const auto k = invocation.integerOption(QStringLiteral("neighbours"), 2, 200, exitCode);
        if (!k) return exitCode;
        options.neighbours = int(*k);
    }
    if (invocation.isSet(QStringLiteral("epochs"))) {
        const auto e = invocation.integerOption(QStringLiteral("epochs"), 1, 10000, exitCode);
        if (!e) return exitCode;
        options.epochs = int(*e);
    }
    if (invocation.isSet(QStringLiteral("min-dist"))) {
        const auto m = doubleOption(invocation, QStringLiteral("min-dist"), exitCode);
        if (!m) return exitCode;
        if (*m < 0 || *m > options.spread)
            return console.usageError(QStringLiteral("--min-dist must be between 0 and 1, not %1.").arg(*m));
        options.minDist = *m;
    }
    const QString colour = invocation.value(QStringLiteral("colour"));

    auto opened = openForReading(invocation.path(), method == u"umap" ? GraphUse::On : GraphUse::Off);
    if (!opened.ok()) return failOpen(console, opened.error());
    const Index &index = **opened;
    if (method == u"umap") {
        const GraphWait wait = waitForGraph(console, index);
        if (!wait.ready)
            return console.fail(Error(
                ErrorCode::NotReady,
                QStringLiteral("UMAP needs the HNSW graph, which is %1%2.")
                    .arg(graphStateName(wait.status.state))
                    .arg(wait.status.message.isEmpty() ? QString() : QStringLiteral(": %1").arg(wait.status.message))));
    }
    QElapsedTimer timer;
    timer.start();
    const explore::Task task = progressTask(console);
    Result<explore::Layout2d> layout = Error(ErrorCode::InvalidArgument, QString());
    qint64 total = 0;
    if (method == u"umap") {
        layout = explore::umapOfIndex(index, options, task);
    } else {
        Result<QStringList> ids = explore::sampleIds(index, options.sample, options.seed, task, &total);
        if (!ids.ok()) return console.fail(ids.error());
        layout = explore::pcaLayout(index, *ids, options.seed, task);
        if (layout.ok()) layout->totalItems = total;
    }
    endProgressLine();
    if (!layout.ok()) return console.fail(layout.error());

    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly))
        return console.fail(
            Error(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(outPath, file.errorString()), outPath),
            ExitUsageOrIo);
    QByteArray text = QStringLiteral("id,x,y%1\n").arg(colour.isEmpty() ? QString() : u',' + csvField(colour)).toUtf8();
    for (qsizetype i = 0; i < layout->count(); ++i) {
        QString row = QStringLiteral("%1,%2,%3")
                          .arg(csvField(layout->ids[i]))
                          .arg(double(layout->xy[size_t(i) * 2]), 0, 'g', 9)
                          .arg(double(layout->xy[size_t(i) * 2 + 1]), 0, 'g', 9);
        if (!colour.isEmpty()) {
            Result<Item> item = index.get(layout->ids[i], false);
            row += u',' + csvField(item.ok() ? jsonValueText(item->metadata.value(colour)) : QString());
        }
        text += row.toUtf8();
        text += '\n';
        if (text.size() > (1 << 20)) {
            file.write(text);
            text.clear();
        }
    }
    file.write(text);
    if (!file.commit())
        return console.fail(
            Error(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(outPath, file.errorString()), outPath),
            ExitUsageOrIo);
    const double seconds = double(timer.elapsed()) / 1000;
    if (console.json()) {
        console.printJson(QJsonObject{{QStringLiteral("method"), method},
                                      {QStringLiteral("points"), double(layout->count())},
                                      {QStringLiteral("totalItems"), double(layout->totalItems)},
                                      {QStringLiteral("seed"), double(options.seed)},
                                      {QStringLiteral("out"), outPath},
                                      {QStringLiteral("seconds"), seconds}});
    } else {
        console.printLine(QStringLiteral("%1 layout of %2 of %3 items written to %4 (%5 s)")
                              .arg(method == u"umap" ? QStringLiteral("UMAP") : QStringLiteral("PCA"))
                              .arg(layout->count())
                              .arg(layout->totalItems)
                              .arg(outPath)
                              .arg(seconds, 0, 'f', 1));
    }
    return checkStandardOutput(console, ExitSuccess);
}

int runCompare(Invocation &invocation)
{
    Console &console = invocation.console;
    int exitCode = ExitSuccess;
    const bool hasQueries = invocation.isSet(QStringLiteral("queries")),
               hasSample = invocation.isSet(QStringLiteral("sample"));
    if (hasQueries == hasSample)
        return console.usageError(QStringLiteral("compare needs either --queries FILE or --sample N."));
    explore::CompareOptions options;
    if (invocation.isSet(QStringLiteral("k"))) {
        const auto k = invocation.integerOption(QStringLiteral("k"), 1, 10000, exitCode);
        if (!k) return exitCode;
        options.k = int(*k);
    }
    quint64 seed = 1;
    if (invocation.isSet(QStringLiteral("seed"))) {
        const auto s =
            invocation.integerOption(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), exitCode);
        if (!s) return exitCode;
        seed = quint64(*s);
    }
    options.filter = invocation.value(QStringLiteral("filter")).toUtf8();
    QList<explore::CompareQuery> queries;
    if (hasQueries) {
        QFile file(invocation.value(QStringLiteral("queries")));
        if (!file.open(QIODevice::ReadOnly))
            return console.fail(Error(ErrorCode::Io,
                                      QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString()),
                                      file.fileName()),
                                ExitUsageOrIo);
        Result<QList<explore::CompareQuery>> parsed = explore::parseQueryFile(file.readAll());
        if (!parsed.ok()) return console.fail(parsed.error());
        queries = parsed.takeValue();
    }
    auto a = openForReading(invocation.arguments.value(0), GraphUse::Off);
    if (!a.ok()) return failOpen(console, a.error());
    auto b = openForReading(invocation.arguments.value(1), GraphUse::Off);
    if (!b.ok()) return failOpen(console, b.error());
    const explore::Task task = progressTask(console);
    int skipped = 0;
    if (hasSample) {
        const auto n = invocation.integerOption(QStringLiteral("sample"), 1, 100000, exitCode);
        if (!n) return exitCode;
        Result<QList<explore::CompareQuery>> sampled =
            explore::sampleItemQueries(**a, **b, int(*n), seed, task, &skipped);
        if (!sampled.ok()) {
            endProgressLine();
            return console.fail(sampled.error());
        }
        queries = sampled.takeValue();
    }
    Result<explore::ComparisonReport> report = explore::compareIndexes(**a, **b, queries, options, task);
    endProgressLine();
    if (!report.ok()) return console.fail(report.error());
    report->skipped = skipped;
    auto number = [](double x) { return std::isnan(x) ? QJsonValue() : QJsonValue(x); };
    if (console.json()) {
        QJsonArray list;
        for (const explore::QueryComparison &c : report->queries) {
            auto hits = [](const QList<explore::ComparedHit> &hs) {
                QJsonArray array;
                for (const explore::ComparedHit &h : hs)
                    array.append(QJsonObject{
                        {QStringLiteral("id"), h.id},
                        {QStringLiteral("key"), h.key},
                        {QStringLiteral("score"), double(h.score)},
                        {QStringLiteral("otherRank"), h.otherRank ? QJsonValue(h.otherRank) : QJsonValue()}});
                return array;
            };
            QJsonObject q{{QStringLiteral("query"), c.query.label()},
                          {QStringLiteral("overlap"), c.overlap},
                          {QStringLiteral("shared"), c.shared},
                          {QStringLiteral("rankCorrelation"), number(c.rankCorrelation)},
                          {QStringLiteral("a"), hits(c.a)},
                          {QStringLiteral("b"), hits(c.b)}};
            if (c.query.line) q.insert(QStringLiteral("line"), c.query.line);
            list.append(q);
        }
        console.printJson(QJsonObject{{QStringLiteral("k"), report->k},
                                      {QStringLiteral("queries"), list},
                                      {QStringLiteral("skipped"), report->skipped},
                                      {QStringLiteral("meanOverlap"), report->meanOverlap},
                                      {QStringLiteral("meanRankCorrelation"), number(report->meanRankCorrelation)},
                                      {QStringLiteral("correlated"), report->correlated}});
    } else {
        for (qsizetype i = 0; i < report->queries.size(); ++i) {
            const explore::QueryComparison &c = report->queries[i];
            console.printLine(QStringLiteral("query %1: %2").arg(i + 1).arg(c.query.label()));
            console.printLine(QStringLiteral("  overlap@%1 %2 (%3 shared), rank correlation %4")
                                  .arg(report->k)
                                  .arg(c.overlap, 0, 'f', 3)
                                  .arg(c.shared)
                                  .arg(std::isnan(c.rankCorrelation) ? QStringLiteral("-")
                                                                     : QString::number(c.rankCorrelation, 'f', 3)));
            const qsizetype rows = std::max(c.a.size(), c.b.size());
            int width = 0;
            for (const explore::ComparedHit &h : c.a)
                width = std::max(width, int(h.id.size()) + 6);
            for (qsizetype r = 0; r < rows; ++r) {
                auto cell = [](const QList<explore::ComparedHit> &hs, qsizetype r) {
                    if (r >= hs.size()) return QString();
                    const explore::ComparedHit &h = hs[r];
                    return h.otherRank ? QStringLiteral("%1 [=%2]").arg(h.id).arg(h.otherRank) : h.id;
                };
                const QString left = cell(c.a, r);
                console.printLine(
                    QStringLiteral("  %1. %2  %3")
                        .arg(r + 1, 2)
                        .arg(left + QString(std::max<qsizetype>(0, width - left.size()), u' '), cell(c.b, r)));
            }
        }
        console.printLine(
            QStringLiteral("%1 queries: mean overlap@%2 %3, mean rank correlation %4%5")
                .arg(report->queries.size())
                .arg(report->k)
                .arg(report->meanOverlap, 0, 'f', 3)
                .arg(std::isnan(report->meanRankCorrelation) ? QStringLiteral("-")
                                                             : QString::number(report->meanRankCorrelation, 'f', 3))
                .arg(skipped ? QStringLiteral(" (%1 sampled items not in the second index skipped)").arg(skipped)
                             : QString()));
    }
    return checkStandardOutput(console, ExitSuccess);
}

} // namespace sextant::cli
