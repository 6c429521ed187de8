// sextant-cli query and recall (and the graph options of create, info and
// import), run through QProcess: results checked against a brute-force top k
// computed here, text and --json output, filters, error messages and exit
// codes, and searching while another process holds the writer lock.

#include "CliTestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

using namespace sextant;
using namespace clitest;

namespace {

struct TestItem {
    QString id;
    QVector<float> vector;
    QJsonObject metadata;
};

QVector<float> randomVector(QRandomGenerator &random, int dims)
{
    QVector<float> v(dims);
    for (float &x : v)
        x = float(random.bounded(2.0) - 1.0);
    return v;
}

double cosine(const QVector<float> &a, const QVector<float> &b)
{
    double dot = 0, na = 0, nb = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return dot / std::sqrt(na * nb);
}

// The ids of the k items most cosine-similar to `query` among those `keep` accepts.
template <typename Keep>
QStringList bruteForceTop(const QList<TestItem> &items, const QVector<float> &query, int k, Keep keep)
{
    QList<QPair<double, QString>> scored;
    for (const TestItem &item : items)
        if (keep(item)) scored.append({cosine(item.vector, query), item.id});
    std::sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList ids;
    for (qsizetype i = 0; i < std::min<qsizetype>(k, scored.size()); ++i)
        ids << scored[i].second;
    return ids;
}

QStringList hitIds(const QJsonObject &result)
{
    QStringList ids;
    for (const QJsonValue &hit : result.value(QStringLiteral("hits")).toArray())
        ids << hit.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

QByteArray vectorJson(const QVector<float> &v)
{
    QJsonArray array;
    for (float x : v)
        array.append(double(x));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

const QStringList kLanguages = {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es")};

} // namespace

class TestCliQuery : public QObject, public CliFixture {
    Q_OBJECT

    // A 3,000-item, 8-dimension cosine index filled by import (which keeps
    // and saves the graph): every 4th item is "en", every 500th "rare".
    QString m_large;
    QList<TestItem> m_largeItems;
    static constexpr int kDims = 8;
    static constexpr int kLargeCount = 3000;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString fileName = m_dir.filePath(name);
        QFile file(fileName);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qWarning("could not write %s", qPrintable(fileName));
        return fileName;
    }

    // Three items around the x axis and one far away, in a 3-dimension index.
    QString smallIndex(const QStringList &createOptions = {})
    {
        const QString path = createIndex(3, createOptions);
        const QByteArray input =
            line(QStringLiteral("x"), {1, 0, 0}, {{QStringLiteral("lang"), QStringLiteral("en")}}) +
            line(QStringLiteral("near-x"), {0.9f, 0.1f, 0}, {{QStringLiteral("lang"), QStringLiteral("de")}}) +
            line(QStringLiteral("y"), {0, 1, 0}, {{QStringLiteral("lang"), QStringLiteral("en")}}) +
            line(QStringLiteral("z"), {0, 0, 1});
        const Run run = runCli({QStringLiteral("insert"), path}, input);
        if (run.exitCode != 0) qWarning("insert failed: %s", qPrintable(describe(run)));
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QRandomGenerator random(20261121);
        QByteArray input;
        for (int i = 0; i < kLargeCount; ++i) {
            TestItem item{QStringLiteral("item-%1").arg(i, 4, 10, QLatin1Char('0')),
                          randomVector(random, kDims),
                          {{QStringLiteral("lang"), kLanguages[i % 4]},
                           {QStringLiteral("rare"), i % 500 == 0},
                           {QStringLiteral("n"), i}}};
            input += line(item.id, item.vector, item.metadata);
            m_largeItems.append(item);
        }
        m_large = createIndex(kDims);
        const Run run = runCli({QStringLiteral("import"), m_large, writeFile(QStringLiteral("large.jsonl"), input),
                                QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject summary = run.json();
        QCOMPARE(summary.value(QStringLiteral("imported")).toInt(), kLargeCount);
        // import waited for the graph before closing.
        const QJsonObject graph = summary.value(QStringLiteral("graph")).toObject();
        QCOMPARE(graph.value(QStringLiteral("ready")).toBool(), true);
        QCOMPARE(graph.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(graph.value(QStringLiteral("items")).toInt(), kLargeCount);
    }

    void queryByVectorPrintsATable()
    {
        const QString path = smallIndex();
        const Run run =
            runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), QStringLiteral("[1, 0.05, 0]")});
        CHECK_EXIT(run, 0);
        const QList<QByteArray> lines = run.outLines();
        QCOMPARE(lines.size(), 6); // header, 4 hits, plan
        QVERIFY2(lines[0].contains("rank") && lines[0].contains("id") && lines[0].contains("cosine similarity") &&
                     lines[0].contains("metadata"),
                 lines[0].constData());
        QVERIFY2(lines[1].simplified().startsWith("1 x 0.99"), lines[1].constData());
        QVERIFY2(lines[1].contains("{\"lang\":\"en\"}"), lines[1].constData());
        QVERIFY2(lines[2].simplified().startsWith("2 near-x "), lines[2].constData());
        QVERIFY2(lines[3].simplified().startsWith("3 y "), lines[3].constData());
        QVERIFY2(lines[4].simplified().startsWith("4 z 0 {}"), lines[4].constData());
        QVERIFY2(lines[5].startsWith("plan: exact scan of 4 items; ") && lines[5].endsWith(" ms"),
                 lines[5].constData());
        QVERIFY(run.err.isEmpty());
    }

    void queryByVectorAsJson()
    {
        const QString path = smallIndex({QStringLiteral("--metric"), QStringLiteral("l2")});
        const Run run = runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), QStringLiteral("[1,0,0]"),
                                QStringLiteral("-k"), QStringLiteral("2"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.outLines().size(), 1);
        const QJsonObject result = run.json();
        QCOMPARE(hitIds(result), (QStringList{QStringLiteral("x"), QStringLiteral("near-x")}));
        const QJsonArray hits = result.value(QStringLiteral("hits")).toArray();
        // L2 distance, lower is closer: 0 to itself, sqrt(0.02) to near-x.
        QCOMPARE(hits[0].toObject().value(QStringLiteral("score")).toDouble(), 0.0);
        QVERIFY(qAbs(hits[1].toObject().value(QStringLiteral("score")).toDouble() - std::sqrt(0.02)) < 1e-5);
        QCOMPARE(
            hits[0].toObject().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("lang")).toString(),
            QStringLiteral("en"));
        QVERIFY(!hits[0].toObject().contains(QStringLiteral("vector")));
        QCOMPARE(result.value(QStringLiteral("metric")).toString(), QStringLiteral("l2"));
        QCOMPARE(result.value(QStringLiteral("strategy")).toString(), QStringLiteral("exact"));
        QCOMPARE(result.value(QStringLiteral("plan")).toString(), QStringLiteral("exact scan of 4 items"));
        QCOMPARE(result.value(QStringLiteral("fellBack")).toBool(), false);
        QVERIFY(result.value(QStringLiteral("fallbackReason")).isNull());
        QVERIFY(result.value(QStringLiteral("matching")).isNull());
        QCOMPARE(result.value(QStringLiteral("scanned")).toInt(), 4);
        QCOMPARE(result.value(QStringLiteral("efUsed")).toInt(), 0);
        QVERIFY(result.value(QStringLiteral("milliseconds")).toDouble() >= 0);

        // --with-vectors gives the stored floats back exactly; --no-metadata leaves metadata out.
        const Run withVectors =
            runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), QStringLiteral("[1,0,0]"),
                    QStringLiteral("-k"), QStringLiteral("2"), QStringLiteral("--with-vectors"),
                    QStringLiteral("--no-metadata"), QStringLiteral("--json")});
        CHECK_EXIT(withVectors, 0);
        QVERIFY2(withVectors.out.contains("\"vector\":[0.9,0.1,0]"), withVectors.out.constData());
        QVERIFY(!withVectors.out.contains("metadata"));
        const Run text = runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), QStringLiteral("[1,0,0]"),
                                 QStringLiteral("-k"), QStringLiteral("1"), QStringLiteral("--with-vectors")});
        CHECK_EXIT(text, 0);
        QVERIFY2(text.out.contains("L2 distance"), text.out.constData());
        QVERIFY2(text.out.contains("vector: 1 0 0"), text.out.constData());
    }

    void queryLikeLeavesTheItemOut()
    {
        const QVector<float> &query = m_largeItems[42].vector;
        const QStringList expected = bruteForceTop(
            m_largeItems, query, 5, [](const TestItem &item) { return item.id != QStringLiteral("item-0042"); });
        const Run run = runCli({QStringLiteral("query"), m_large, QStringLiteral("--like"), QStringLiteral("item-0042"),
                                QStringLiteral("-k"), QStringLiteral("5"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(hitIds(run.json()), expected);

        const Run missing = runCli({QStringLiteral("query"), m_large, QStringLiteral("--like"),
                                    QStringLiteral("no-such-item"), QStringLiteral("--json")});
        CHECK_EXIT(missing, 1);
        QCOMPARE(missing.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("not_found"));
    }

    void kLimitsTheResults()
    {
        QRandomGenerator random(7);
        const QVector<float> query = randomVector(random, kDims);
        for (int k : {1, 7, 25}) {
            const Run run = runCli({QStringLiteral("query"), m_large, QStringLiteral("--vector"),
                                    QString::fromUtf8(vectorJson(query)), QStringLiteral("-k"), QString::number(k),
                                    QStringLiteral("--json")});
            CHECK_EXIT(run, 0);
            QCOMPARE(hitIds(run.json()), bruteForceTop(m_largeItems, query, k, [](const TestItem &) { return true; }));
        }
        // The default is 10.
        const Run run = runCli(
            {QStringLiteral("query"), m_large, QStringLiteral("--vector"), QString::fromUtf8(vectorJson(query))});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.outLines().size(), 12);
    }

    void filterSelectiveAndBroad_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("matching");
        QTest::addColumn<bool>("ann");
        QTest::addColumn<QString>("strategy");
        QTest::newRow("selective, exact") << "{\"rare\": true}" << kLargeCount / 500 << false << "exact-filtered";
        QTest::newRow("broad, exact") << "{\"lang\": {\"$in\": [\"en\", \"de\", \"fr\"]}}" << kLargeCount * 3 / 4
                                      << false << "exact-filtered";
        QTest::newRow("broad, ann") << "{\"lang\": {\"$ne\": \"es\"}}" << kLargeCount * 3 / 4 << true
                                    << "ann-post-filtered";
        QTest::newRow("matches nothing") << "{\"lang\": \"xx\"}" << 0 << false << "exact-filtered";
    }

    void filterSelectiveAndBroad()
    {
        QFETCH(QString, filter);
        QFETCH(int, matching);
        QFETCH(bool, ann);
        QFETCH(QString, strategy);
        QRandomGenerator random(11);
        const QVector<float> query = randomVector(random, kDims);
        QStringList arguments{
            QStringLiteral("query"),    m_large, QStringLiteral("--vector"), QString::fromUtf8(vectorJson(query)),
            QStringLiteral("--filter"), filter,  QStringLiteral("-k"),       QStringLiteral("5")};
        if (ann) arguments << QStringLiteral("--ann") << QStringLiteral("--ef") << QStringLiteral("200");
        const Run run = runCli(arguments + QStringList{QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject result = run.json();
        QCOMPARE(result.value(QStringLiteral("matching")).toInt(), matching);
        QCOMPARE(result.value(QStringLiteral("strategy")).toString(), strategy);
        QCOMPARE(result.value(QStringLiteral("fellBack")).toBool(), false);

        // Every hit matches the filter; an exact plan gives the true filtered top k.
        const QJsonObject parsedFilter = QJsonDocument::fromJson(filter.toUtf8()).object();
        auto keep = [&](const TestItem &item) {
            if (parsedFilter.contains(QStringLiteral("rare")))
                return item.metadata.value(QStringLiteral("rare")).toBool();
            const QString lang = item.metadata.value(QStringLiteral("lang")).toString();
            const QJsonValue condition = parsedFilter.value(QStringLiteral("lang"));
            if (condition.isString()) return lang == condition.toString();
            if (condition.toObject().contains(QStringLiteral("$ne")))
                return lang != condition.toObject().value(QStringLiteral("$ne")).toString();
            return lang != QStringLiteral("es");
        };
        const QStringList expected = bruteForceTop(m_largeItems, query, 5, keep);
        const QStringList ids = hitIds(result);
        for (const QJsonValue &hit : result.value(QStringLiteral("hits")).toArray()) {
            const QJsonObject metadata = hit.toObject().value(QStringLiteral("metadata")).toObject();
            QVERIFY2(keep(TestItem{QString(), {}, metadata}),
                     qPrintable(QString::fromUtf8(QJsonDocument(metadata).toJson())));
        }
        if (ann) {
            QCOMPARE(ids.size(), 5);
            QCOMPARE(ids.first(), expected.first()); // ef 200 over 3,000 items finds the nearest
        } else {
            QCOMPARE(ids, expected);
        }

        // The text form says how many items match.
        const Run text = runCli(arguments);
        CHECK_EXIT(text, 0);
        QVERIFY2(text.out.contains(
                     QStringLiteral("; %1 of %2 items match the filter").arg(matching).arg(kLargeCount).toUtf8()),
                 text.out.constData());
        if (matching == 0) QVERIFY(text.out.startsWith("no results\n"));
    }

    void malformedFilterIsRejectedWithItsPosition()
    {
        const Run run = runCli({QStringLiteral("query"), m_large, QStringLiteral("--like"), QStringLiteral("item-0001"),
                                QStringLiteral("--filter"), QStringLiteral("{\"lang\": {\"$eq\" \"en\"}}")});
        CHECK_EXIT(run, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("sextant-cli: Filter: "), run.err.constData());
        // The engine's message as it is: what, where (0-based character, 1-based column), what was expected.
        QVERIFY2(run.err.contains("at character 16 (line 1, column 17); expected ':'"), run.err.constData());

        // Also with --ann: it fails before waiting for any graph.
        const Run json = runCli({QStringLiteral("query"), m_large, QStringLiteral("--like"),
                                 QStringLiteral("item-0001"), QStringLiteral("--ann"), QStringLiteral("--filter"),
                                 QStringLiteral("{\"$bogus\": 1}"), QStringLiteral("--json")});
        CHECK_EXIT(json, 1);
        const QJsonObject error = json.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("malformed_input"));
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("at character")),
                 json.out.constData());
    }

    void badVectorsAreRejected_data()
    {
        QTest::addColumn<QString>("vector");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("wrong dimension") << "[1, 2]"
                                         << "dimension_mismatch"
                                         << "2 dimensions";
        QTest::newRow("empty") << "[]"
                               << "dimension_mismatch"
                               << "empty";
        QTest::newRow("not JSON") << "[1, 2, "
                                  << "malformed_input"
                                  << "not valid JSON";
        QTest::newRow("object") << "{\"v\": [1, 2, 3]}"
                                << "malformed_input"
                                << "array of numbers";
        QTest::newRow("string element") << "[1, \"two\", 3]"
                                        << "malformed_input"
                                        << "Element 2";
        QTest::newRow("null element") << "[1, 2, null]"
                                      << "malformed_input"
                                      << "Element 3";
        QTest::newRow("beyond float") << "[1e39, 0, 0]"
                                      << "non_finite_value"
                                      << "32-bit float";
    }

    void badVectorsAreRejected()
    {
        QFETCH(QString, vector);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const QString path = smallIndex();
        const Run run =
            runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), vector, QStringLiteral("--json")});
        CHECK_EXIT(run, 1);
        const QJsonObject error = run.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(mentions), run.out.constData());
        QVERIFY2(run.err.startsWith("sextant-cli: ") && QString::fromUtf8(run.err).contains(mentions),
                 run.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no query") << QStringList{} << "--vector";
        QTest::newRow("both") << QStringList{QStringLiteral("--vector"), QStringLiteral("[1,0,0]"),
                                             QStringLiteral("--like"), QStringLiteral("x")}
                              << "not both";
        QTest::newRow("exact and ann") << QStringList{QStringLiteral("--like"), QStringLiteral("x"),
                                                      QStringLiteral("--exact"), QStringLiteral("--ann")}
                                       << "exclude";
        QTest::newRow("ef without ann") << QStringList{QStringLiteral("--like"), QStringLiteral("x"),
                                                       QStringLiteral("--ef"), QStringLiteral("10")}
                                        << "--ann";
        QTest::newRow("k zero") << QStringList{QStringLiteral("--like"), QStringLiteral("x"), QStringLiteral("-k"),
                                               QStringLiteral("0")}
                                << "-k";
        QTest::newRow("k too large") << QStringList{QStringLiteral("--like"), QStringLiteral("x"), QStringLiteral("-k"),
                                                    QStringLiteral("10001")}
                                     << "-k";
        QTest::newRow("ef too large") << QStringList{QStringLiteral("--like"), QStringLiteral("x"),
                                                     QStringLiteral("--ann"), QStringLiteral("--ef"),
                                                     QStringLiteral("5000")}
                                      << "--ef";
        QTest::newRow("missing file") << QStringList{QStringLiteral("--vector"), QStringLiteral("@/nonexistent/q.json")}
                                      << "Could not open";
    }

    void usageErrors()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, mentions);
        const QString path = smallIndex();
        const Run run = runCli(QStringList{QStringLiteral("query"), path} + options);
        CHECK_EXIT(run, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void vectorFromStandardInputAndFile()
    {
        const QString path = smallIndex();
        Run run = runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), QStringLiteral("-"),
                          QStringLiteral("-k"), QStringLiteral("1"), QStringLiteral("--json")},
                         "  [0, 0.2, 1]\n");
        CHECK_EXIT(run, 0);
        QCOMPARE(hitIds(run.json()), QStringList{QStringLiteral("z")});

        run = runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), QStringLiteral("-")}, "[0, 1, \n");
        CHECK_EXIT(run, 1);
        QVERIFY2(run.err.contains("standard input") && run.err.contains("not valid JSON"), run.err.constData());

        const QString file = writeFile(QStringLiteral("query.json"), "[0.1, 1, 0]");
        run = runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), QLatin1Char('@') + file,
                      QStringLiteral("-k"), QStringLiteral("1"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(hitIds(run.json()), QStringList{QStringLiteral("y")});
    }

    void exactAndAnnAgreeOnTheNearest()
    {
        QRandomGenerator random(99);
        for (int i = 0; i < 5; ++i) {
            const QString vector = QString::fromUtf8(vectorJson(randomVector(random, kDims)));
            const Run exact =
                runCli({QStringLiteral("query"), m_large, QStringLiteral("--vector"), vector, QStringLiteral("--exact"),
                        QStringLiteral("-k"), QStringLiteral("1"), QStringLiteral("--json")});
            const Run ann =
                runCli({QStringLiteral("query"), m_large, QStringLiteral("--vector"), vector, QStringLiteral("--ann"),
                        QStringLiteral("-k"), QStringLiteral("1"), QStringLiteral("--json")});
            CHECK_EXIT(exact, 0);
            CHECK_EXIT(ann, 0);
            QCOMPARE(exact.json().value(QStringLiteral("strategy")).toString(), QStringLiteral("exact"));
            QCOMPARE(ann.json().value(QStringLiteral("strategy")).toString(), QStringLiteral("ann"));
            QCOMPARE(ann.json().value(QStringLiteral("fellBack")).toBool(), false);
            QCOMPARE(ann.json().value(QStringLiteral("efUsed")).toInt(), 64); // the index's efSearch
            QCOMPARE(hitIds(ann.json()), hitIds(exact.json()));
        }
        // On the small index too, and in text form.
        const QString path = smallIndex();
        const Run ann = runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), QStringLiteral("[0.1,1,0]"),
                                QStringLiteral("--ann"), QStringLiteral("--ef"), QStringLiteral("10")});
        CHECK_EXIT(ann, 0);
        QVERIFY2(ann.outLines().value(1).simplified().startsWith("1 y "), ann.out.constData());
        // New indexes keep 8-bit codes (reranked exactly) by default.
        QVERIFY2(ann.outLines().last().startsWith("plan: HNSW search over 8-bit codes, ef 10, reranked exactly; "),
                 ann.out.constData());
    }

    void annSeesWritesMadeWithoutTheGraph()
    {
        // insert does not keep the graph; the next --ann reconciles it first.
        const QString path = createIndex(kDims);
        QByteArray input;
        QRandomGenerator random(5);
        for (int i = 0; i < 500; ++i)
            input += line(QStringLiteral("old-%1").arg(i), randomVector(random, kDims));
        CHECK_EXIT(runCli({QStringLiteral("import"), path, writeFile(QStringLiteral("old.jsonl"), input)}), 0);
        const QVector<float> fresh = randomVector(random, kDims);
        CHECK_EXIT(runCli({QStringLiteral("insert"), path}, line(QStringLiteral("fresh"), fresh)), 0);
        CHECK_EXIT(runCli({QStringLiteral("delete"), path, QStringLiteral("old-0")}), 0);

        const Run run =
            runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), QString::fromUtf8(vectorJson(fresh)),
                    QStringLiteral("--ann"), QStringLiteral("-k"), QStringLiteral("500"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QStringList ids = hitIds(run.json());
        QCOMPARE(ids.value(0), QStringLiteral("fresh"));
        QVERIFY(!ids.contains(QStringLiteral("old-0")));
        QCOMPARE(run.json().value(QStringLiteral("fellBack")).toBool(), false);
    }

    void queryWorksWhileAnotherProcessWrites()
    {
        const QString path = smallIndex();
        QProcess writer;
        writer.start(QStringLiteral(SEXTANT_CLI_PATH), {QStringLiteral("insert"), path});
        QVERIFY(writer.waitForStarted());
        writer.write(line(QStringLiteral("during"), {-1, -1, 0}));
        QTRY_VERIFY_WITH_TIMEOUT(writer.canReadLine() || writer.state() != QProcess::Running, 20000);
        QCOMPARE(writer.readLine(), QByteArray("ok during\n"));

        for (const QString &mode : {QStringLiteral("--exact"), QStringLiteral("--ann")}) {
            const Run run =
                runCli({QStringLiteral("query"), path, QStringLiteral("--vector"), QStringLiteral("[-1,-1,0]"), mode,
                        QStringLiteral("-k"), QStringLiteral("1"), QStringLiteral("--json")});
            CHECK_EXIT(run, 0);
            QCOMPARE(hitIds(run.json()), QStringList{QStringLiteral("during")}); // the acknowledged write is seen
        }
        const Run recall = runCli(
            {QStringLiteral("recall"), path, QStringLiteral("-k"), QStringLiteral("1"), QStringLiteral("--json")});
        CHECK_EXIT(recall, 0);

        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(30000));
        QCOMPARE(writer.exitCode(), 0);
    }

    void recallReportsAgainstExactSearch()
    {
        Run run = runCli({QStringLiteral("recall"), m_large, QStringLiteral("--sample"), QStringLiteral("50"),
                          QStringLiteral("-k"), QStringLiteral("5"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject estimate = run.json();
        QCOMPARE(estimate.value(QStringLiteral("queries")).toInt(), 50);
        QCOMPARE(estimate.value(QStringLiteral("k")).toInt(), 5);
        QCOMPARE(estimate.value(QStringLiteral("ef")).toInt(), 64);
        QCOMPARE(estimate.value(QStringLiteral("liveItems")).toInt(), kLargeCount);
        QCOMPARE(estimate.value(QStringLiteral("graphItems")).toInt(), kLargeCount);
        // 8 dimensions, 3,000 items, ef 64: the graph finds nearly everything.
        const double recall = estimate.value(QStringLiteral("recall")).toDouble();
        QVERIFY2(recall >= 0.9 && recall <= 1.0, run.out.constData());
        QVERIFY(estimate.value(QStringLiteral("annMilliseconds")).toDouble() > 0);
        QVERIFY(estimate.value(QStringLiteral("exactMilliseconds")).toDouble() > 0);

        run = runCli({QStringLiteral("recall"), m_large, QStringLiteral("--sample"), QStringLiteral("20"),
                      QStringLiteral("--ef"), QStringLiteral("100")});
        CHECK_EXIT(run, 0);
        const QList<QByteArray> lines = run.outLines();
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith("recall@10 ") &&
                     lines[0].contains("(20 sampled items as queries, ef 100; 3000 items, 3000 in the graph)"),
                 lines[0].constData());
        QVERIFY2(lines[1].startsWith("mean query time: HNSW ") && lines[1].contains(" ms, exact "),
                 lines[1].constData());

        // An empty index has nothing to sample.
        run = runCli({QStringLiteral("recall"), createIndex(), QStringLiteral("--json")});
        CHECK_EXIT(run, 1);
        QCOMPARE(run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("not_found"));
        CHECK_EXIT(runCli({QStringLiteral("recall"), m_large, QStringLiteral("--sample"), QStringLiteral("0")}), 2);
    }

    void createTakesHnswParameters()
    {
        const QString path =
            createIndex(4, {QStringLiteral("--m"), QStringLiteral("8"), QStringLiteral("--ef-construction"),
                            QStringLiteral("50"), QStringLiteral("--ef-search"), QStringLiteral("32")});
        Run run = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject graph = run.json().value(QStringLiteral("graph")).toObject();
        QCOMPARE(graph.value(QStringLiteral("loaded")).toBool(), false);
        QCOMPARE(graph.value(QStringLiteral("M")).toInt(), 8);
        QCOMPARE(graph.value(QStringLiteral("efConstruction")).toInt(), 50);
        QCOMPARE(graph.value(QStringLiteral("efSearch")).toInt(), 32);
        QVERIFY(!graph.contains(QStringLiteral("state")));
        run = runCli({QStringLiteral("info"), path});
        QVERIFY2(run.out.contains("hnsw             M 8, efConstruction 50, efSearch 32, 8-bit codes (sq8), reranked "
                                  "with the float vectors\n"),
                 run.out.constData());
        QVERIFY2(run.out.contains("graph            not loaded"), run.out.constData());

        // efSearch is the default ef of --ann.
        CHECK_EXIT(runCli({QStringLiteral("insert"), path}, line(QStringLiteral("a"), {1, 2, 3, 4})), 0);
        run = runCli({QStringLiteral("query"), path, QStringLiteral("--like"), QStringLiteral("a"),
                      QStringLiteral("--ann"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("efUsed")).toInt(), 32);

        const QString bad = m_dir.filePath(QStringLiteral("bad-m"));
        run = runCli({QStringLiteral("create"), bad, QStringLiteral("--dims"), QStringLiteral("4"),
                      QStringLiteral("--m"), QStringLiteral("1")});
        CHECK_EXIT(run, 2);
        QVERIFY2(run.err.contains("from 2 to 128"), run.err.constData());
        run = runCli({QStringLiteral("create"), bad, QStringLiteral("--dims"), QStringLiteral("4"),
                      QStringLiteral("--ef-search"), QStringLiteral("5000")});
        CHECK_EXIT(run, 2);
        QVERIFY(!QFile::exists(bad));

        // --quantization: sq8 is the default, none keeps float vectors, anything else is refused.
        QCOMPARE(graph.value(QStringLiteral("quantization")).toString(), QStringLiteral("sq8"));
        const QString floats = createIndex(4, {QStringLiteral("--quantization"), QStringLiteral("none")});
        run = runCli({QStringLiteral("info"), floats, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("graph")).toObject().value(QStringLiteral("quantization")).toString(),
                 QStringLiteral("none"));
        QVERIFY(!run.json()
                     .value(QStringLiteral("schema"))
                     .toObject()
                     .value(QStringLiteral("ann"))
                     .toObject()
                     .contains(QStringLiteral("quantization")));
        CHECK_EXIT(runCli({QStringLiteral("insert"), floats}, line(QStringLiteral("a"), {1, 2, 3, 4})), 0);
        run = runCli(
            {QStringLiteral("query"), floats, QStringLiteral("--like"), QStringLiteral("a"), QStringLiteral("--ann")});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.outLines().last().startsWith("plan: HNSW search, ef 64; "), run.out.constData());
        run = runCli({QStringLiteral("create"), bad, QStringLiteral("--dims"), QStringLiteral("4"),
                      QStringLiteral("--quantization"), QStringLiteral("pq4")});
        CHECK_EXIT(run, 2);
        QVERIFY2(run.err.contains("Unknown quantization \"pq4\"; use sq8 (8-bit codes) or none (float vectors)."),
                 run.err.constData());
        QVERIFY(!QFile::exists(bad));
    }

    void convertGraph()
    {
        // A float index of 300 items converted to 8-bit codes and back: every
        // item exported the same, the schema and the saved graph follow.
        const QString path = createIndex(4, {QStringLiteral("--quantization"), QStringLiteral("none")});
        QRandomGenerator random(16);
        QByteArray lines;
        for (int i = 0; i < 300; ++i)
            lines += line(QStringLiteral("c%1").arg(i), randomVector(random, 4), QJsonObject{{QStringLiteral("i"), i}});
        CHECK_EXIT(runCli({QStringLiteral("insert"), path}, lines), 0);
        const QByteArray before = exportAll(path);
        QVERIFY(before.count('\n') == 300);
        const QByteArray manifest = [&] {
            QFile f(path + QStringLiteral("/MANIFEST"));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();

        // An unknown kind, or none at all: exit 2, nothing changed.
        Run run =
            runCli({QStringLiteral("convert-graph"), path, QStringLiteral("--quantization"), QStringLiteral("pq4")});
        CHECK_EXIT(run, 2);
        QVERIFY2(run.err.contains("Unknown quantization \"pq4\"; use sq8 (8-bit codes) or none (float vectors)."),
                 run.err.constData());
        CHECK_EXIT(runCli({QStringLiteral("convert-graph"), path}), 2);
        CHECK_EXIT(runCli({QStringLiteral("--read-only"), QStringLiteral("convert-graph"), path,
                           QStringLiteral("--quantization"), QStringLiteral("sq8")}),
                   2);
        {
            QFile f(path + QStringLiteral("/MANIFEST"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), manifest);
        }

        run = runCli({QStringLiteral("convert-graph"), path, QStringLiteral("--quantization"), QStringLiteral("sq8")});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.out.contains(" from float vectors (none) to 8-bit codes (sq8) (manifest generation "),
                 run.out.constData());
        QVERIFY2(run.out.contains("graph memory per item 156 -> 152 bytes"), run.out.constData());
        QVERIFY2(run.out.contains("graph: ready, 300 items, "), run.out.constData());
        QCOMPARE(exportAll(path), before);
        run = runCli({QStringLiteral("info"), path, QStringLiteral("--graph"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QJsonObject graph = run.json().value(QStringLiteral("graph")).toObject();
        QCOMPARE(graph.value(QStringLiteral("quantization")).toString(), QStringLiteral("sq8"));
        QCOMPARE(graph.value(QStringLiteral("loaded")).toBool(), true); // the saved graph, not a rebuild
        QCOMPARE(graph.value(QStringLiteral("items")).toInt(), 300);
        run = runCli(
            {QStringLiteral("query"), path, QStringLiteral("--like"), QStringLiteral("c7"), QStringLiteral("--ann")});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.outLines().last().contains("8-bit codes"), run.out.constData());

        // Again: a no-op that says so.
        run = runCli({QStringLiteral("convert-graph"), path, QStringLiteral("--quantization"), QStringLiteral("SQ8")});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.out.contains("already holds 8-bit codes (sq8); nothing changed"), run.out.constData());
        run = runCli({QStringLiteral("convert-graph"), path, QStringLiteral("--quantization"), QStringLiteral("sq8"),
                      QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("changed")).toBool(), false);
        QVERIFY(!run.json().contains(QStringLiteral("graph")));

        // Back to float vectors, with --json.
        run = runCli({QStringLiteral("convert-graph"), path, QStringLiteral("--quantization"), QStringLiteral("none"),
                      QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QJsonObject out = run.json();
        QCOMPARE(out.value(QStringLiteral("from")).toString(), QStringLiteral("sq8"));
        QCOMPARE(out.value(QStringLiteral("to")).toString(), QStringLiteral("none"));
        QCOMPARE(out.value(QStringLiteral("changed")).toBool(), true);
        QVERIFY(out.value(QStringLiteral("generation")).toDouble() > 1);
        QCOMPARE(out.value(QStringLiteral("bytesPerItemBefore")).toInt(), 152);
        QCOMPARE(out.value(QStringLiteral("bytesPerItemAfter")).toInt(), 156);
        QVERIFY(out.value(QStringLiteral("path")).toString().endsWith(QFileInfo(path).fileName()));
        graph = out.value(QStringLiteral("graph")).toObject();
        QCOMPARE(graph.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(graph.value(QStringLiteral("ready")).toBool(), true);
        QCOMPARE(graph.value(QStringLiteral("items")).toInt(), 300);
        QVERIFY(graph.value(QStringLiteral("memoryBytes")).toDouble() > 300 * 156);
        QCOMPARE(exportAll(path), before);

        // --no-graph only switches: no graph is waited for.
        run = runCli({QStringLiteral("convert-graph"), path, QStringLiteral("--quantization"), QStringLiteral("sq8"),
                      QStringLiteral("--no-graph"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("changed")).toBool(), true);
        QVERIFY(!run.json().contains(QStringLiteral("graph")));
        run = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("graph")).toObject().value(QStringLiteral("quantization")).toString(),
                 QStringLiteral("sq8"));
        QCOMPARE(exportAll(path), before);
        run = runCli({QStringLiteral("verify"), path, QStringLiteral("--full")});
        CHECK_EXIT(run, 0);
    }

    void importSavesTheGraphUnlessToldNot()
    {
        // The import in initTestCase saved the graph: info --graph loads it.
        Run run = runCli({QStringLiteral("info"), m_large, QStringLiteral("--graph"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QJsonObject graph = run.json().value(QStringLiteral("graph")).toObject();
        QCOMPARE(graph.value(QStringLiteral("loaded")).toBool(), true);
        QCOMPARE(graph.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(graph.value(QStringLiteral("items")).toInt(), kLargeCount);
        QCOMPARE(graph.value(QStringLiteral("pending")).toInt(), 0);
        QVERIFY2(graph.value(QStringLiteral("file")).toString().startsWith(QStringLiteral("graph-")),
                 run.out.constData());
        QVERIFY(graph.value(QStringLiteral("memoryBytes")).toDouble() > 0);
        run = runCli({QStringLiteral("info"), m_large, QStringLiteral("--graph")});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.out.contains("graph            ready: 3000 items, 0 deleted, 0 changes to apply, "),
                 run.out.constData());
        QVERIFY2(run.out.contains("graph file       graph-"), run.out.constData());

        // --no-graph leaves no graph file; a reader builds the graph itself.
        const QString path = createIndex(kDims);
        QByteArray input;
        for (int i = 0; i < 100; ++i)
            input += line(m_largeItems[i].id, m_largeItems[i].vector);
        run = runCli({QStringLiteral("import"), path, writeFile(QStringLiteral("hundred.jsonl"), input),
                      QStringLiteral("--no-graph"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QVERIFY(run.json().value(QStringLiteral("graph")).isNull());
        run = runCli({QStringLiteral("info"), path, QStringLiteral("--graph"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        graph = run.json().value(QStringLiteral("graph")).toObject();
        QCOMPARE(graph.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(graph.value(QStringLiteral("items")).toInt(), 100);
        QVERIFY2(graph.value(QStringLiteral("file")).isNull(), run.out.constData());
        // info opens read-only: it did not save what it built.
        QVERIFY(runCli({QStringLiteral("info"), path, QStringLiteral("--graph"), QStringLiteral("--json")})
                    .json()
                    .value(QStringLiteral("graph"))
                    .toObject()
                    .value(QStringLiteral("file"))
                    .isNull());

        // An import (even of nothing) with the graph brings it up to date and saves it.
        run = runCli({QStringLiteral("import"), path, writeFile(QStringLiteral("nothing.jsonl"), QByteArray())});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.out.contains("; HNSW graph ready, 100 items"), run.out.constData());
        graph = runCli({QStringLiteral("info"), path, QStringLiteral("--graph"), QStringLiteral("--json")})
                    .json()
                    .value(QStringLiteral("graph"))
                    .toObject();
        QVERIFY(graph.value(QStringLiteral("file")).toString().startsWith(QStringLiteral("graph-")));
        CHECK_EXIT(runCli({QStringLiteral("verify"), path, QStringLiteral("--full")}), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliQuery)
#include "tst_cli_query.moc"
