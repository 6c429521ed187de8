#include "sextant/IndexComparison.h"

#include "sextant/QueryVector.h"
#include "sextant/Umap.h"
#include "sextant/EmbedderChoice.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace sextant::explore {

namespace {

constexpr int kMaxReportedBadLines = 20;
constexpr int kMaxK = 10000;

std::optional<QVector<float>> vectorFromJson(const QJsonValue &value, QString *why)
{
    if (!value.isArray()) {
        *why = QStringLiteral("a vector must be a JSON array of numbers");
        return std::nullopt;
    }
    Result<QVector<float>> vector = queryVectorFromJson(value.toArray(), QStringLiteral("the query file"));
    if (vector.ok()) return vector.takeValue();
    *why = vector.error().element() > 0
               ? QStringLiteral("value %1 of the vector is not a finite number").arg(vector.error().element())
               : QStringLiteral("the vector is empty");
    return std::nullopt;
}

// The key of each of `ids` in `index`: a map from key to id.
Result<QHash<QString, QString>> keyedIds(const Index &index, const Task &task)
{
    QHash<QString, QString> out;
    QString after;
    for (;;) {
        if (task.isCancelled()) return cancelledError();
        Result<ListPage> page = index.list(after, 4096, false);
        if (!page.ok()) return page.error();
        for (const Item &item : page->items)
            out.insert(itemKey(item.id, item.metadata), item.id);
        if (page->nextAfter.isEmpty()) break;
        after = page->nextAfter;
    }
    return out;
}

} // namespace

QString CompareQuery::label() const
{
    switch (kind) {
    case Kind::Text: return text;
    case Kind::Item: return QStringLiteral("similar to %1").arg(text);
    case Kind::Vector: return QStringLiteral("vector (%1 dimensions)").arg(vector.size());
    }
    return {};
}

QString itemKey(const QString &id, const QJsonObject &metadata)
{
    const QJsonValue uri = metadata.value(QStringLiteral("uri"));
    const QJsonValue start = metadata.value(QStringLiteral("start"));
    const QJsonValue end = metadata.value(QStringLiteral("end"));
    if (uri.isString() && start.isDouble() && end.isDouble())
        return QStringLiteral("%1#%2-%3").arg(uri.toString()).arg(qint64(start.toDouble())).arg(qint64(end.toDouble()));
    return id;
}

Result<QList<CompareQuery>> parseQueryFile(const QByteArray &contents)
{
    QList<CompareQuery> out;
    QStringList problems;
    int badLines = 0;
    const QList<QByteArray> lines = contents.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QByteArray raw = lines[n];
        if (raw.endsWith('\r')) raw.chop(1);
        const int lineNumber = int(n + 1);
        auto bad = [&](const QString &why) {
            ++badLines;
            if (problems.size() < kMaxReportedBadLines)
                problems << QStringLiteral("line %1: %2").arg(lineNumber).arg(why);
        };
        const QString text = QString::fromUtf8(raw);
        if (text.toUtf8() != raw) {
            bad(QStringLiteral("not valid UTF-8"));
            continue;
        }
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#')) continue;
        CompareQuery query;
        query.line = lineNumber;
        if (trimmed.startsWith(u'[') || trimmed.startsWith(u'{')) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError) {
                bad(QStringLiteral("not valid JSON (%1 at character %2)")
                        .arg(error.errorString())
                        .arg(error.offset + 1));
                continue;
            }
            QJsonValue vector(QJsonValue::Undefined); // the query's vector, when it is one
            if (document.isArray()) {
                vector = document.array();
            } else {
                const QJsonObject object = document.object();
                const int fields = int(object.contains(QStringLiteral("text"))) +
                                   int(object.contains(QStringLiteral("id"))) +
                                   int(object.contains(QStringLiteral("vector")));
                if (fields != 1 || object.size() != 1) {
                    bad(QStringLiteral("an object needs exactly one of \"text\", \"id\" or \"vector\""));
                    continue;
                }
                if (object.contains(QStringLiteral("vector"))) {
                    vector = object.value(QStringLiteral("vector"));
                } else {
                    const bool isText = object.contains(QStringLiteral("text"));
                    const QJsonValue v = object.value(isText ? QStringLiteral("text") : QStringLiteral("id"));
                    if (!v.isString() || v.toString().trimmed().isEmpty()) {
                        bad(QStringLiteral("\"%1\" must be a non-empty string")
                                .arg(isText ? QStringLiteral("text") : QStringLiteral("id")));
                        continue;
                    }
                    query.kind = isText ? CompareQuery::Kind::Text : CompareQuery::Kind::Item;
                    query.text = v.toString();
                }
            }
            if (!vector.isUndefined()) {
                QString why;
                const auto v = vectorFromJson(vector, &why);
                if (!v) {
                    bad(why);
                    continue;
                }
                query.kind = CompareQuery::Kind::Vector;
                query.vector = *v;
            }
        } else {
            query.kind = CompareQuery::Kind::Text;
            query.text = trimmed;
        }
        out.append(query);
    }
    if (badLines > 0) {
        QString message = QStringLiteral("The query file has %1 bad line%2: %3")
                              .arg(badLines)
                              .arg(badLines == 1 ? QString() : QStringLiteral("s"))
                              .arg(problems.join(QStringLiteral("; ")));
        if (badLines > problems.size()) message += QStringLiteral("; …");
        return Error(ErrorCode::MalformedInput, message + u'.');
    }
    if (out.isEmpty()) return Error(ErrorCode::MalformedInput, QStringLiteral("The query file holds no queries."));
    return out;
}

double spearman(const QList<int> &ranksA, const QList<int> &ranksB)
{
    const qsizetype n = ranksA.size();
    if (n < 2 || ranksB.size() != n) return std::nan("");
    double sum = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const double d = double(ranksA[i]) - double(ranksB[i]);
        sum += d * d;
    }
    return 1.0 - 6.0 * sum / (double(n) * (double(n) * double(n) - 1.0));
}

Result<QList<CompareQuery>> sampleItemQueries(const Index &a, const Index &b, int n, quint64 seed, const Task &task,
                                              int *skipped)
{
    if (n < 1 || n > 100000)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The sample must be between 1 and 100000 items, not %1.").arg(n));
    Result<QHash<QString, QString>> keysB = keyedIds(b, task);
    if (!keysB.ok()) return keysB.error();
    Result<QStringList> ids = sampleIds(a, n, seed, task);
    if (!ids.ok()) return ids.error();
    QList<CompareQuery> out;
    int missing = 0;
    for (const QString &id : *ids) {
        Result<Item> item = a.get(id, false);
        if (!item.ok()) return item.error();
        const QString key = itemKey(id, item->metadata);
        if (!keysB->contains(key)) {
            ++missing;
            continue;
        }
        CompareQuery q;
        q.kind = CompareQuery::Kind::Item;
        q.text = key;
        out.append(q);
    }
    if (skipped) *skipped = missing;
    if (out.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("None of the %1 sampled items of the first index is in the "
                                                         "second (matched by id, or by uri and range).")
                                              .arg(ids->size()));
    return out;
}

Result<ComparisonReport> compareIndexes(const Index &a, const Index &b, const QList<CompareQuery> &queries,
                                        const CompareOptions &options, const Task &task)
{
    if (options.k < 1 || options.k > kMaxK)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("k must be between 1 and %1, not %2.").arg(kMaxK).arg(options.k));
    if (queries.isEmpty()) return Error(ErrorCode::InvalidArgument, QStringLiteral("There are no queries to compare."));
    const Schema sa = a.schema(), sb = b.schema();
    bool needText = false, needItems = false;
    for (const CompareQuery &q : queries) {
        if (q.kind == CompareQuery::Kind::Text) needText = true;
        if (q.kind == CompareQuery::Kind::Item) needItems = true;
        if (q.kind == CompareQuery::Kind::Vector) {
            if (sa.dimensions != sb.dimensions)
                return Error(ErrorCode::DimensionMismatch,
                             QStringLiteral("Vector queries are used on both indexes as they are, but the first has %1 "
                                            "dimensions and the second %2"
                                            "%3: compare them with text queries or items instead.")
                                 .arg(sa.dimensions)
                                 .arg(sb.dimensions)
                                 .arg(q.line ? QStringLiteral(" (line %1)").arg(q.line) : QString()));
            if (q.vector.size() != sa.dimensions)
                return Error(ErrorCode::DimensionMismatch,
                             QStringLiteral("The vector%1 has %2 values; the indexes have %3 dimensions.")
                                 .arg(q.line ? QStringLiteral(" on line %1").arg(q.line) : QString())
                                 .arg(q.vector.size())
                                 .arg(sa.dimensions));
        }
    }
    std::unique_ptr<embed::Embedder> embedA, embedB;
    if (needText) {
        Result<std::unique_ptr<embed::Embedder>> ea = embed::embedderForSchema(sa);
        if (!ea.ok())
            return ea.error().rephrased(
                QStringLiteral("The first index cannot embed text queries: %1").arg(ea.error().message()));
        Result<std::unique_ptr<embed::Embedder>> eb = embed::embedderForSchema(sb);
        if (!eb.ok())
            return eb.error().rephrased(
                QStringLiteral("The second index cannot embed text queries: %1").arg(eb.error().message()));
        embedA = ea.takeValue();
        embedB = eb.takeValue();
    }
    QHash<QString, QString> keysA, keysB;
    if (needItems) {
        Result<QHash<QString, QString>> ka = keyedIds(a, task);
        if (!ka.ok()) return ka.error();
        Result<QHash<QString, QString>> kb = keyedIds(b, task);
        if (!kb.ok()) return kb.error();
        keysA = ka.takeValue();
        keysB = kb.takeValue();
        for (const CompareQuery &q : queries) {
            if (q.kind != CompareQuery::Kind::Item) continue;
            const bool inA = keysA.contains(q.text), inB = keysB.contains(q.text);
            if (!inA || !inB)
                return Error(ErrorCode::NotFound,
                             QStringLiteral("The item \"%1\"%2 is not in the %3 index.")
                                 .arg(q.text)
                                 .arg(q.line ? QStringLiteral(" (line %1)").arg(q.line) : QString())
                                 .arg(!inA ? QStringLiteral("first") : QStringLiteral("second")));
        }
    }

    ComparisonReport report;
    report.k = options.k;
    double overlapSum = 0, rhoSum = 0;
    for (qsizetype qi = 0; qi < queries.size(); ++qi) {
        if (task.isCancelled()) return cancelledError();
        task.report(QStringLiteral("queries"), qi, queries.size());
        const CompareQuery &q = queries[qi];
        QueryComparison c;
        c.query = q;
        QList<ComparedHit> *lists[2] = {&c.a, &c.b};
        const Index *indexes[2] = {&a, &b};
        embed::Embedder *embedders[2] = {embedA.get(), embedB.get()};
        const QHash<QString, QString> *keys[2] = {&keysA, &keysB};
        for (int side = 0; side < 2; ++side) {
            QueryRequest request;
            request.k = options.k;
            request.mode = options.mode;
            request.filter = options.filter;
            request.withMetadata = true;
            if (q.kind == CompareQuery::Kind::Vector) {
                request.vector = q.vector;
            } else if (q.kind == CompareQuery::Kind::Item) {
                request.likeId = keys[side]->value(q.text);
            } else {
                Result<std::vector<QVector<float>>> v = embedders[side]->embed({q.text});
                if (!v.ok()) return v.error();
                request.vector = v->front();
            }
            Result<QueryResult> result = indexes[side]->query(request);
            if (!result.ok())
                return result.error().rephrased(QStringLiteral("The %1 index could not answer \"%2\": %3")
                                                    .arg(side == 0 ? QStringLiteral("first") : QStringLiteral("second"),
                                                         q.label(), result.error().message()));
            for (const QueryHit &hit : result->hits)
                lists[side]->append({hit.id, itemKey(hit.id, hit.metadata), hit.score, 0});
        }
        QHash<QString, int> rankB;
        for (qsizetype i = 0; i < c.b.size(); ++i)
            rankB.insert(c.b[i].key, int(i + 1));
        QHash<QString, int> rankA;
        for (qsizetype i = 0; i < c.a.size(); ++i)
            rankA.insert(c.a[i].key, int(i + 1));
        QList<int> sharedA, sharedB;
        for (ComparedHit &h : c.a) {
            h.otherRank = rankB.value(h.key, 0);
            if (h.otherRank) sharedB.append(h.otherRank);
        }
        for (ComparedHit &h : c.b)
            h.otherRank = rankA.value(h.key, 0);
        c.shared = int(sharedB.size());
        const qsizetype denominator = std::max(c.a.size(), c.b.size());
        c.overlap = denominator ? double(c.shared) / double(denominator) : 1.0;
        // Re-rank the shared hits 1..n in each list.
        for (int i = 0; i < c.shared; ++i)
            sharedA.append(i + 1);
        QList<int> order = sharedB;
        std::sort(order.begin(), order.end());
        QList<int> reRankedB;
        for (int r : sharedB)
            reRankedB.append(int(std::lower_bound(order.begin(), order.end(), r) - order.begin()) + 1);
        c.rankCorrelation = spearman(sharedA, reRankedB);
        overlapSum += c.overlap;
        if (!std::isnan(c.rankCorrelation)) {
            rhoSum += c.rankCorrelation;
            ++report.correlated;
        }
        report.queries.append(c);
    }
    task.report(QStringLiteral("queries"), queries.size(), queries.size());
    report.meanOverlap = overlapSum / double(report.queries.size());
    if (report.correlated) report.meanRankCorrelation = rhoSum / report.correlated;
    return report;
}

} // namespace sextant::explore
