// Runs the real sextant-cli through QProcess and checks what a script sees:
// exit codes, stdout (text and --json), stderr messages, and that the index
// holds exactly what was acknowledged.

#include "io/JsonLines.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace sextant;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QList<QByteArray> outLines() const
    {
        QList<QByteArray> lines = out.split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        return lines;
    }
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(SEXTANT_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return {};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QByteArray line(const QString &id, const QVector<float> &vector, const QJsonObject &metadata = {})
{
    return io::itemToJsonLine(Item{id, vector, metadata}) + '\n';
}

quint32 bitsOf(float f)
{
    quint32 bits;
    std::memcpy(&bits, &f, sizeof bits);
    return bits;
}

QString describe(const Run &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out.left(2000)), QString::fromUtf8(run.err.left(2000)));
}

bool everyLineIsJsonObject(const QByteArray &out)
{
    const QList<QByteArray> lines = out.split('\n');
    int objects = 0;
    for (const QByteArray &text : lines) {
        if (text.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return false;
        ++objects;
    }
    return objects > 0;
}

} // namespace

#define CHECK_EXIT(run, expected) QVERIFY2((run).exitCode == (expected), qPrintable(describe(run)))

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A fresh index folder with `dims` dimensions.
    QString createIndex(int dims = 3, const QStringList &extra = {})
    {
        const QString path = m_dir.filePath(QStringLiteral("index-%1").arg(++m_counter));
        const Run run = runCli(QStringList{QStringLiteral("create"), path, QStringLiteral("--dims"), QString::number(dims)} + extra);
        if (run.exitCode != 0)
            qWarning("create failed: %s", qPrintable(describe(run)));
        return path;
    }

    qint64 count(const QString &path)
    {
        const Run run = runCli({QStringLiteral("count"), path, QStringLiteral("--json")});
        return run.exitCode == 0 ? qint64(run.json().value(QStringLiteral("count")).toDouble()) : -1;
    }

    QByteArray exportAll(const QString &path)
    {
        const Run run = runCli({QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("jsonl")});
        return run.exitCode == 0 ? run.out : QByteArray("export failed");
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void versionAndHelp()
    {
        Run run = runCli({QStringLiteral("--version")});
        CHECK_EXIT(run, 0);
        QVERIFY(run.out.startsWith("sextant-cli "));
        run = runCli({QStringLiteral("--help")});
        CHECK_EXIT(run, 0);
        for (const char *command : {"create", "info", "insert", "get", "delete", "list", "count", "verify", "compact", "export", "import"})
            QVERIFY2(run.out.contains(QByteArray("  ") + command + ' '), command);
        run = runCli({QStringLiteral("insert"), QStringLiteral("--help")});
        CHECK_EXIT(run, 0);
        QVERIFY(run.out.contains("--batch"));
        QVERIFY(run.out.contains("--upsert"));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QString path = QDir::tempPath() + QStringLiteral("/sextant-never-created");
        QTest::newRow("no command") << QStringList{} << "No command";
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << "Unknown command";
        QTest::newRow("unknown option") << QStringList{QStringLiteral("count"), path, QStringLiteral("--bogus")} << "bogus";
        QTest::newRow("missing path") << QStringList{QStringLiteral("count")} << "Usage";
        QTest::newRow("too many arguments") << QStringList{QStringLiteral("count"), path, path} << "Usage";
        QTest::newRow("create without dims") << QStringList{QStringLiteral("create"), path} << "--dims";
        QTest::newRow("dims zero") << QStringList{QStringLiteral("create"), path, QStringLiteral("--dims"), QStringLiteral("0")} << "--dims";
        QTest::newRow("dims text") << QStringList{QStringLiteral("create"), path, QStringLiteral("--dims"), QStringLiteral("many")} << "--dims";
        QTest::newRow("bad metric") << QStringList{QStringLiteral("create"), path, QStringLiteral("--dims"), QStringLiteral("3"),
                                                   QStringLiteral("--metric"), QStringLiteral("manhattan")} << "metric";
        QTest::newRow("bad durability") << QStringList{QStringLiteral("create"), path, QStringLiteral("--dims"), QStringLiteral("3"),
                                                       QStringLiteral("--durability"), QStringLiteral("sometimes")} << "durability";
        QTest::newRow("bad limit") << QStringList{QStringLiteral("list"), path, QStringLiteral("--limit"), QStringLiteral("-5")} << "--limit";
        QTest::newRow("bad batch") << QStringList{QStringLiteral("insert"), path, QStringLiteral("--batch"), QStringLiteral("0")} << "--batch";
        QTest::newRow("bad format") << QStringList{QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("csv")} << "jsonl";
        QTest::newRow("read-only write") << QStringList{QStringLiteral("--read-only"), QStringLiteral("delete"), path, QStringLiteral("x")}
                                         << "--read-only";
        QTest::newRow("missing index") << QStringList{QStringLiteral("count"), path} << "There is no index";
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        Run run = runCli(arguments);
        CHECK_EXIT(run, 2);
        QVERIFY2(run.err.startsWith("sextant-cli: "), run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
        QVERIFY(run.out.isEmpty() || run.out.startsWith("Usage"));

        // With --json the error also arrives on stdout as an object.
        run = runCli(arguments + QStringList{QStringLiteral("--json")});
        CHECK_EXIT(run, 2);
        const QJsonObject error = QJsonDocument::fromJson(run.outLines().value(0)).object().value(QStringLiteral("error")).toObject();
        QVERIFY2(!error.value(QStringLiteral("code")).toString().isEmpty(), run.out.constData());
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(mentions));
    }

    void createAndInfo()
    {
        const QString path = m_dir.filePath(QStringLiteral("created"));
        Run run = runCli({QStringLiteral("create"), path, QStringLiteral("--dims"), QStringLiteral("4"), QStringLiteral("--metric"),
                          QStringLiteral("l2"), QStringLiteral("--durability"), QStringLiteral("normal"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("schema")).toObject().value(QStringLiteral("dimensions")).toInt(), 4);

        run = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject info = run.json();
        QCOMPARE(info.value(QStringLiteral("dimensions")).toInt(), 4);
        QCOMPARE(info.value(QStringLiteral("metric")).toString(), QStringLiteral("l2"));
        QCOMPARE(info.value(QStringLiteral("durability")).toString(), QStringLiteral("normal"));
        QCOMPARE(info.value(QStringLiteral("items")).toInt(), 0);
        QCOMPARE(info.value(QStringLiteral("lock")).toObject().value(QStringLiteral("held")).toBool(), false);
        QVERIFY(!info.value(QStringLiteral("created")).toString().isEmpty());

        run = runCli({QStringLiteral("info"), path});
        CHECK_EXIT(run, 0);
        QVERIFY(run.out.contains("dimensions       4"));
        QVERIFY(run.out.contains("writer lock      free"));

        // A second create in the same folder is refused and changes nothing.
        run = runCli({QStringLiteral("create"), path, QStringLiteral("--dims"), QStringLiteral("8")});
        CHECK_EXIT(run, 1);
        QVERIFY(run.err.contains("already an index"));
        QCOMPARE(runCli({QStringLiteral("info"), path, QStringLiteral("--json")}).json().value(QStringLiteral("dimensions")).toInt(), 4);
    }

    void createWithSchemaFile()
    {
        const QString schemaPath = m_dir.filePath(QStringLiteral("schema.json"));
        QFile schemaFile(schemaPath);
        QVERIFY(schemaFile.open(QIODevice::WriteOnly));
        schemaFile.write("{\"dimensions\": 5, \"metric\": \"dot\", \"fields\": {\"title\": {\"type\": \"string\", \"required\": true}}}");
        schemaFile.close();

        // --dims overrides the file; the metric comes from it.
        const QString path = createIndex(2, {QStringLiteral("--schema"), schemaPath});
        Run run = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("dimensions")).toInt(), 2);
        QCOMPARE(run.json().value(QStringLiteral("metric")).toString(), QStringLiteral("dot"));

        run = runCli({QStringLiteral("insert"), path},
                     line(QStringLiteral("untitled"), {1, 2}) + line(QStringLiteral("titled"), {1, 2}, {{QStringLiteral("title"), QStringLiteral("T")}}));
        CHECK_EXIT(run, 1);
        QCOMPARE(run.out, QByteArray("ok titled\n"));
        QVERIFY2(run.err.contains("line 1: item \"untitled\": ") && run.err.contains("\"title\" is required"), run.err.constData());

        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        QFile brokenFile(broken);
        QVERIFY(brokenFile.open(QIODevice::WriteOnly));
        brokenFile.write("{\"fields\": [}");
        brokenFile.close();
        run = runCli({QStringLiteral("create"), m_dir.filePath(QStringLiteral("never")), QStringLiteral("--dims"), QStringLiteral("2"),
                      QStringLiteral("--schema"), broken});
        CHECK_EXIT(run, 1);
        QVERIFY(run.err.contains("not valid JSON"));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("never"))));

        run = runCli({QStringLiteral("create"), m_dir.filePath(QStringLiteral("never")), QStringLiteral("--dims"), QStringLiteral("2"),
                      QStringLiteral("--schema"), m_dir.filePath(QStringLiteral("no-such-schema.json"))});
        CHECK_EXIT(run, 2);
    }

    void insertAcknowledgesEveryLineInOrder()
    {
        const QString path = createIndex();
        QByteArray input;
        for (int i = 0; i < 50; ++i)
            input += line(QStringLiteral("item-%1").arg(i), {float(i), 1, 2});
        Run run = runCli({QStringLiteral("insert"), path}, input);
        CHECK_EXIT(run, 0);
        const QList<QByteArray> acks = run.outLines();
        QCOMPARE(acks.size(), 50);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(acks[i], QStringLiteral("ok item-%1").arg(i).toUtf8());
        QCOMPARE(count(path), 50);

        QByteArray more;
        for (int i = 50; i < 60; ++i)
            more += line(QStringLiteral("item-%1").arg(i), {float(i), 1, 2});
        run = runCli({QStringLiteral("insert"), path, QStringLiteral("--json")}, more);
        CHECK_EXIT(run, 0);
        QVERIFY(everyLineIsJsonObject(run.out));
        double previousLsn = 0;
        const QList<QByteArray> jsonAcks = run.outLines();
        QCOMPARE(jsonAcks.size(), 10);
        for (int i = 0; i < 10; ++i) {
            const QJsonObject ack = QJsonDocument::fromJson(jsonAcks[i]).object();
            QCOMPARE(ack.value(QStringLiteral("id")).toString(), QStringLiteral("item-%1").arg(50 + i));
            const double lsn = ack.value(QStringLiteral("lsn")).toDouble();
            QVERIFY(lsn > 0 && lsn >= previousLsn);
            previousLsn = lsn;
        }
    }

    void badLinesAreReportedAndTheRestIsWritten()
    {
        const QString path = createIndex();
        const QByteArray input = line(QStringLiteral("good-1"), {1, 2, 3})
            + "{\"id\":\"short\",\"vector\":[1,2]}\n"               // line 2: wrong dimension
            + "{\"id\":\"nan\",\"vector\":[1,NaN,3]}\n"             // line 3: NaN
            + "\n"                                                 // line 4: blank, skipped
            + "{\"id\":\"broken\",\"vector\":[1,2,3]\n"             // line 5: unterminated
            + line(QStringLiteral("good-2"), {4, 5, 6})           // line 6
            + line(QStringLiteral("good-1"), {7, 8, 9})           // line 7: already exists
            + "{\"id\":\"\",\"vector\":[1,2,3]}\n"                  // line 8: empty id
            + "{\"id\":\"big\",\"vector\":[1,1e39,3]}\n";           // line 9: beyond float
        const Run run = runCli({QStringLiteral("insert"), path}, input);
        CHECK_EXIT(run, 1);
        QCOMPARE(run.out, QByteArray("ok good-1\nok good-2\n"));
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(QStringLiteral("line 2: item \"short\": The vector has 2 dimensions, but this index holds 3-dimensional vectors.")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 3: Element 1 of \"vector\" is NaN")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 5: ")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 7: item \"good-1\": ")) && err.contains(QStringLiteral("already exists")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 8: ")) && err.contains(QStringLiteral("must not be empty")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 9: ")) && err.contains(QStringLiteral("32-bit float")), qPrintable(err));
        QVERIFY(!err.contains(QStringLiteral("line 4")));
        QVERIFY(!err.contains(QStringLiteral("line 6")));
        QCOMPARE(count(path), 2);
        // The rejected duplicate did not replace the first good-1.
        const Run get = runCli({QStringLiteral("get"), path, QStringLiteral("good-1"), QStringLiteral("--json")});
        CHECK_EXIT(get, 0);
        QCOMPARE(get.out, line(QStringLiteral("good-1"), {1, 2, 3}));

        // --json reports the same lines as objects on stdout.
        const Run json = runCli({QStringLiteral("insert"), path, QStringLiteral("--json")},
                                "{\"id\":\"x\",\"vector\":[1]}\n" + line(QStringLiteral("good-3"), {1, 1, 1}));
        CHECK_EXIT(json, 1);
        QVERIFY(everyLineIsJsonObject(json.out));
        const QList<QByteArray> lines = json.outLines();
        QCOMPARE(lines.size(), 2);
        const QJsonObject rejected = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(rejected.value(QStringLiteral("line")).toInt(), 1);
        QCOMPARE(rejected.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("dimension_mismatch"));
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QStringLiteral("id")).toString(), QStringLiteral("good-3"));
    }

    void wrongDimensionAndNaNLeaveTheIndexUnchanged()
    {
        const QString path = createIndex();
        Run run = runCli({QStringLiteral("insert"), path}, line(QStringLiteral("keep"), {1, 2, 3}));
        CHECK_EXIT(run, 0);
        const QByteArray before = exportAll(path);

        run = runCli({QStringLiteral("insert"), path, QStringLiteral("--upsert")},
                     "{\"id\":\"keep\",\"vector\":[9,9,9,9]}\n{\"id\":\"keep\",\"vector\":[9,NaN,9]}\n"
                     "{\"id\":\"keep\",\"vector\":[9,-Infinity,9]}\n{\"id\":\"new\",\"vector\":[1,2]}\n");
        CHECK_EXIT(run, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains("line 1: item \"keep\": The vector has 4 dimensions"));
        QVERIFY(run.err.contains("line 2: Element 1 of \"vector\" is NaN"));
        QVERIFY(run.err.contains("line 3: Element 1 of \"vector\" is infinite"));
        QVERIFY(run.err.contains("line 4: item \"new\": The vector has 2 dimensions"));
        QCOMPARE(exportAll(path), before);
    }

    void batchesAreAllOrNothing()
    {
        const QString path = createIndex();
        const QByteArray input = line(QStringLiteral("b1"), {1, 1, 1}) + line(QStringLiteral("b2"), {1, 1, 1})
            + line(QStringLiteral("b3"), {1, 1, 1})                                        // batch 1: lines 1-3, good
            + line(QStringLiteral("b4"), {1, 1, 1}) + "{\"id\":\"b5\",\"vector\":[1,1]}\n"
            + line(QStringLiteral("b6"), {1, 1, 1})                                        // batch 2: lines 4-6, line 5 bad
            + line(QStringLiteral("b7"), {1, 1, 1}) + line(QStringLiteral("b7"), {2, 2, 2})
            + line(QStringLiteral("b9"), {1, 1, 1})                                        // batch 3: lines 7-9, duplicate id
            + line(QStringLiteral("b10"), {1, 1, 1});                                      // batch 4: line 10 alone
        const Run run = runCli({QStringLiteral("insert"), path, QStringLiteral("--batch"), QStringLiteral("3")}, input);
        CHECK_EXIT(run, 1);
        QCOMPARE(run.out, QByteArray("ok b1\nok b2\nok b3\nok b10\n"));
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(QStringLiteral("line 5: item \"b5\": The vector has 2 dimensions")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("lines 4-6: The batch of lines 4-6 (3 records) was not written (a batch is all or nothing): line 5 was rejected.")),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 8: item \"b7\": The id \"b7\" appears twice in one batch (first on line 7).")),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("lines 7-9: ")), qPrintable(err));
        QCOMPARE(count(path), 4);
        for (const char *absent : {"b4", "b6", "b7", "b9"}) {
            const Run get = runCli({QStringLiteral("get"), path, QString::fromLatin1(absent)});
            CHECK_EXIT(get, 1);
        }

        // A batch that the index itself refuses (an id that exists) is reported as a whole.
        const Run again = runCli({QStringLiteral("insert"), path, QStringLiteral("--batch"), QStringLiteral("2")},
                                 line(QStringLiteral("c1"), {1, 1, 1}) + line(QStringLiteral("b1"), {1, 1, 1}));
        CHECK_EXIT(again, 1);
        QVERIFY(again.out.isEmpty());
        QVERIFY2(again.err.contains("lines 1-2: ") && again.err.contains("already exists"), again.err.constData());
        QCOMPARE(count(path), 4);
    }

    void upsertReplaces()
    {
        const QString path = createIndex();
        QCOMPARE(runCli({QStringLiteral("insert"), path}, line(QStringLiteral("u"), {1, 2, 3})).exitCode, 0);
        Run run = runCli({QStringLiteral("insert"), path}, line(QStringLiteral("u"), {4, 5, 6}));
        CHECK_EXIT(run, 1);
        run = runCli({QStringLiteral("insert"), path, QStringLiteral("--upsert")},
                     line(QStringLiteral("u"), {4, 5, 6}, {{QStringLiteral("v"), 2}}));
        CHECK_EXIT(run, 0);
        QCOMPARE(run.out, QByteArray("ok u\n"));
        run = runCli({QStringLiteral("get"), path, QStringLiteral("u")});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.out.contains("vector (3 dimensions): 4 5 6"), run.out.constData());
        QVERIFY(run.out.contains("metadata: {\"v\":2}"));
        QCOMPARE(count(path), 1);
    }

    void getReportsMissingItems()
    {
        const QString path = createIndex();
        Run run = runCli({QStringLiteral("get"), path, QStringLiteral("ghost")});
        CHECK_EXIT(run, 1);
        QVERIFY(run.err.contains("ghost"));
        run = runCli({QStringLiteral("get"), path, QStringLiteral("ghost"), QStringLiteral("--json")});
        CHECK_EXIT(run, 1);
        QCOMPARE(run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
    }

    void listPagesInIdOrder()
    {
        const QString path = createIndex();
        QStringList ids;
        for (int i = 0; i < 25; ++i)
            ids << QStringLiteral("id-%1").arg(i, 2, 10, QLatin1Char('0'));
        QStringList shuffled = ids;
        std::shuffle(shuffled.begin(), shuffled.end(), *QRandomGenerator::global());
        QByteArray input;
        for (const QString &id : shuffled)
            input += line(id, {1, 2, 3}, {{QStringLiteral("n"), id}});
        QCOMPARE(runCli({QStringLiteral("insert"), path}, input).exitCode, 0);

        auto page = [&](const QStringList &options) {
            const Run run = runCli(QStringList{QStringLiteral("list"), path} + options);
            QStringList got;
            for (const QByteArray &text : run.outLines())
                got << QString::fromUtf8(text);
            return run.exitCode == 0 ? got : QStringList{QStringLiteral("failed")};
        };
        QCOMPARE(page({}), ids);
        QCOMPARE(page({QStringLiteral("--limit"), QStringLiteral("10")}), ids.mid(0, 10));
        QCOMPARE(page({QStringLiteral("--after"), QStringLiteral("id-09"), QStringLiteral("--limit"), QStringLiteral("10")}), ids.mid(10, 10));
        QCOMPARE(page({QStringLiteral("--after"), QStringLiteral("id-19"), QStringLiteral("--limit"), QStringLiteral("10")}), ids.mid(20));
        QCOMPARE(page({QStringLiteral("--after"), QStringLiteral("id-24")}), QStringList{});
        QCOMPARE(page({QStringLiteral("--after"), QStringLiteral("id-1")}), ids.mid(10)); // "id-1" sorts before "id-10"

        const Run json = runCli({QStringLiteral("list"), path, QStringLiteral("--limit"), QStringLiteral("10"), QStringLiteral("--json")});
        CHECK_EXIT(json, 0);
        const QJsonObject object = json.json();
        const QJsonArray items = object.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 10);
        QCOMPARE(items.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("id-00"));
        QCOMPARE(items.first().toObject().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("n")).toString(),
                 QStringLiteral("id-00"));
        QCOMPARE(object.value(QStringLiteral("nextAfter")).toString(), QStringLiteral("id-09"));

        const Run all = runCli({QStringLiteral("list"), path, QStringLiteral("--json")});
        QCOMPARE(all.json().value(QStringLiteral("items")).toArray().size(), 25);
        QVERIFY(all.json().value(QStringLiteral("nextAfter")).isNull());
    }

    void deleteAndCount()
    {
        const QString path = createIndex();
        QByteArray input;
        for (int i = 0; i < 5; ++i)
            input += line(QStringLiteral("d%1").arg(i), {1, 2, 3});
        QCOMPARE(runCli({QStringLiteral("insert"), path}, input).exitCode, 0);
        Run run = runCli({QStringLiteral("count"), path});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.out, QByteArray("5\n"));

        run = runCli({QStringLiteral("delete"), path, QStringLiteral("d1"), QStringLiteral("missing"), QStringLiteral("d3")});
        CHECK_EXIT(run, 1);
        QCOMPARE(run.out, QByteArray("deleted d1\ndeleted d3\n"));
        QVERIFY(run.err.contains("item \"missing\": "));
        QCOMPARE(count(path), 3);

        run = runCli({QStringLiteral("delete"), path, QStringLiteral("d0"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("id")).toString(), QStringLiteral("d0"));
        QVERIFY(run.json().value(QStringLiteral("deleted")).toBool());
        QCOMPARE(count(path), 2);
    }

    void compactDropsDeletedRows()
    {
        const QString path = createIndex();
        QByteArray input;
        for (int i = 0; i < 20; ++i)
            input += line(QStringLiteral("c%1").arg(i), {1, 2, float(i)});
        QCOMPARE(runCli({QStringLiteral("insert"), path}, input).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("delete"), path, QStringLiteral("c1"), QStringLiteral("c2")}).exitCode, 0);
        const QByteArray before = exportAll(path);

        const Run run = runCli({QStringLiteral("compact"), path, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject after = run.json().value(QStringLiteral("after")).toObject();
        QCOMPARE(after.value(QStringLiteral("items")).toInt(), 18);
        QCOMPARE(after.value(QStringLiteral("deletedRows")).toInt(), 0);
        QCOMPARE(after.value(QStringLiteral("segments")).toInt(), 1);
        QCOMPARE(exportAll(path), before);
        QCOMPARE(runCli({QStringLiteral("verify"), path}).exitCode, 0);
    }

    void exportImportRoundTripIsExact()
    {
        const QString source = createIndex(16);
        QRandomGenerator random(1234);
        QByteArray input;
        QHash<QString, QVector<float>> vectors;
        for (int i = 0; i < 300; ++i) {
            QVector<float> vector;
            while (vector.size() < 16) {
                const quint32 bits = random.generate();
                float value;
                std::memcpy(&value, &bits, sizeof value);
                if (std::isfinite(value))
                    vector.append(value);
            }
            const QString id = (i % 3 == 0 ? QStringLiteral("caf\u00e9-\u6f22-%1") : QStringLiteral("plain \"quoted\" %1")).arg(i);
            vectors.insert(id, vector);
            input += line(id, vector,
                          {{QStringLiteral("i"), i}, {QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
                           {QStringLiteral("nested"), QJsonObject{{QStringLiteral("x"), 0.1}, {QStringLiteral("ok"), true}}}});
        }
        QCOMPARE(runCli({QStringLiteral("insert"), source}, input).exitCode, 0);

        const QByteArray exported = exportAll(source);
        const QList<QByteArray> lines = exported.split('\n');
        QCOMPARE(lines.size(), 301); // 300 lines and the empty rest after the last newline
        for (qsizetype i = 0; i < 300; ++i) {
            const auto item = io::parseJsonLine(lines[i]);
            QVERIFY2(item.ok(), qPrintable(item.error().message()));
            QVERIFY(vectors.contains(item->id));
            const QVector<float> &expected = vectors[item->id];
            for (int d = 0; d < 16; ++d)
                QCOMPARE(bitsOf(item->vector[d]), bitsOf(expected[d]));
            QCOMPARE(item->metadata.value(QStringLiteral("nested")).toObject().value(QStringLiteral("x")).toDouble(), 0.1);
            QCOMPARE(item->metadata.value(QStringLiteral("tags")).toArray().size(), 2);
        }

        const QString file = m_dir.filePath(QStringLiteral("exported.jsonl"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(exported);
        out.close();
        const QString target = createIndex(16);
        Run run = runCli({QStringLiteral("import"), target, file});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.out.startsWith("imported 300, rejected 0, elapsed "), run.out.constData());
        QCOMPARE(exportAll(target), exported);

        // Importing the same file again rejects every line (the ids exist)...
        run = runCli({QStringLiteral("import"), target, file, QStringLiteral("--json")});
        CHECK_EXIT(run, 1);
        QVERIFY(everyLineIsJsonObject(run.out));
        const QJsonObject summary = QJsonDocument::fromJson(run.outLines().last()).object();
        QCOMPARE(summary.value(QStringLiteral("imported")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("rejected")).toInt(), 300);
        // ...and --upsert accepts them all.
        run = runCli({QStringLiteral("import"), target, file, QStringLiteral("--upsert")});
        CHECK_EXIT(run, 0);
        QCOMPARE(exportAll(target), exported);
    }

    void importReportsRejectedLines()
    {
        const QString path = createIndex();
        const QString file = m_dir.filePath(QStringLiteral("mixed.jsonl"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(line(QStringLiteral("m1"), {1, 2, 3}) + "not json at all\r\n" + line(QStringLiteral("m2"), {1, 2, 3})
                  + "{\"id\":\"m3\",\"vector\":[1,2,3],\"metadata\":[1]}\n" + line(QStringLiteral("m4"), {1, 2, 3}).trimmed());
        out.close();
        Run run = runCli({QStringLiteral("import"), path, file});
        CHECK_EXIT(run, 1);
        QVERIFY2(run.out.startsWith("imported 3, rejected 2, elapsed "), run.out.constData());
        QVERIFY(run.err.contains("line 2: A record must be a JSON object"));
        QVERIFY(run.err.contains("line 4: \"metadata\" must be a JSON object, not an array"));
        QCOMPARE(count(path), 3);

        run = runCli({QStringLiteral("import"), path, m_dir.filePath(QStringLiteral("no-such-file.jsonl"))});
        CHECK_EXIT(run, 2);
        QVERIFY(run.err.contains("no-such-file.jsonl"));
    }

    void verifyFindsDamage()
    {
        const QString path = createIndex(8);
        QByteArray input;
        for (int i = 0; i < 200; ++i)
            input += line(QStringLiteral("v%1").arg(i), {1, 2, 3, 4, 5, 6, 7, float(i)});
        QCOMPARE(runCli({QStringLiteral("insert"), path}, input).exitCode, 0);

        Run run = runCli({QStringLiteral("verify"), path});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.out.contains("quick verify: ") && run.out.contains(": clean"), run.out.constData());
        run = runCli({QStringLiteral("verify"), path, QStringLiteral("--full"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QVERIFY(run.json().value(QStringLiteral("clean")).toBool());
        QVERIFY(run.json().value(QStringLiteral("full")).toBool());

        // Flip one byte in the middle of the largest segment file.
        QString largest;
        qint64 largestSize = 0;
        for (const QFileInfo &info : QDir(path).entryInfoList({QStringLiteral("*.sxs")}, QDir::Files))
            if (info.size() > largestSize) {
                largest = info.absoluteFilePath();
                largestSize = info.size();
            }
        QVERIFY2(!largest.isEmpty(), "no segment file after insert and close");
        QFile segment(largest);
        QVERIFY(segment.open(QIODevice::ReadWrite));
        QVERIFY(segment.seek(largestSize / 2));
        char byte = 0;
        QVERIFY(segment.getChar(&byte));
        QVERIFY(segment.seek(largestSize / 2));
        QVERIFY(segment.putChar(char(byte ^ 0x40)));
        segment.close();

        run = runCli({QStringLiteral("verify"), path});
        CHECK_EXIT(run, 1);
        QVERIFY2(run.out.contains(QFileInfo(largest).fileName().toUtf8()), run.out.constData());
        QVERIFY(run.out.contains("problem"));
        run = runCli({QStringLiteral("verify"), path, QStringLiteral("--json")});
        CHECK_EXIT(run, 1);
        const QJsonObject report = run.json();
        QVERIFY(!report.value(QStringLiteral("clean")).toBool());
        QVERIFY(report.value(QStringLiteral("problems")).toInt() > 0);
        const QJsonObject finding = report.value(QStringLiteral("findings")).toArray().first().toObject();
        QVERIFY(!finding.value(QStringLiteral("severity")).toString().isEmpty());
        QVERIFY(!finding.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(finding.contains(QStringLiteral("file")) && finding.contains(QStringLiteral("offset")));
    }

    void readCommandsWorkWhileAnotherProcessWrites()
    {
        const QString path = createIndex();
        QCOMPARE(runCli({QStringLiteral("insert"), path}, line(QStringLiteral("before"), {1, 1, 1})).exitCode, 0);

        QProcess writer;
        writer.start(QStringLiteral(SEXTANT_CLI_PATH), {QStringLiteral("insert"), path});
        QVERIFY(writer.waitForStarted());
        // The acknowledgement arrives while standard input is still open.
        writer.write(line(QStringLiteral("during"), {2, 2, 2}));
        QTRY_VERIFY_WITH_TIMEOUT(writer.canReadLine() || writer.state() != QProcess::Running, 20000);
        QCOMPARE(writer.readLine(), QByteArray("ok during\n"));

        Run run = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject lock = run.json().value(QStringLiteral("lock")).toObject();
        QVERIFY(lock.value(QStringLiteral("held")).toBool());
        QCOMPARE(qint64(lock.value(QStringLiteral("holder")).toObject().value(QStringLiteral("pid")).toDouble()), writer.processId());
        QCOMPARE(lock.value(QStringLiteral("holder")).toObject().value(QStringLiteral("application")).toString(), QStringLiteral("sextant-cli"));
        run = runCli({QStringLiteral("info"), path});
        QVERIFY(run.out.contains("held by sextant-cli (pid " + QByteArray::number(writer.processId())));

        QCOMPARE(count(path), 2); // the reader sees the acknowledged write
        CHECK_EXIT(runCli({QStringLiteral("get"), path, QStringLiteral("during")}), 0);
        CHECK_EXIT(runCli({QStringLiteral("list"), path}), 0);
        QCOMPARE(exportAll(path).count('\n'), 2);
        CHECK_EXIT(runCli({QStringLiteral("verify"), path}), 0);

        // A second writer is refused, with the holder named.
        run = runCli({QStringLiteral("insert"), path}, line(QStringLiteral("refused"), {3, 3, 3}));
        CHECK_EXIT(run, 2);
        QVERIFY2(run.err.contains("pid " + QByteArray::number(writer.processId())), run.err.constData());
        run = runCli({QStringLiteral("delete"), path, QStringLiteral("before"), QStringLiteral("--json")});
        CHECK_EXIT(run, 2);
        QCOMPARE(run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("locked"));

        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(30000));
        QCOMPARE(writer.exitCode(), 0);
        QCOMPARE(count(path), 2);
        QVERIFY(!runCli({QStringLiteral("info"), path, QStringLiteral("--json")})
                     .json().value(QStringLiteral("lock")).toObject().value(QStringLiteral("held")).toBool());
    }

    void infoTellsAStaleLockFromAHeldOne()
    {
        const QString path = createIndex();
        QProcess writer;
        writer.start(QStringLiteral(SEXTANT_CLI_PATH), {QStringLiteral("insert"), path});
        QVERIFY(writer.waitForStarted());
        writer.write(line(QStringLiteral("x"), {1, 2, 3}));
        QTRY_VERIFY_WITH_TIMEOUT(writer.canReadLine() || writer.state() != QProcess::Running, 20000);
        QCOMPARE(runCli({QStringLiteral("info"), path, QStringLiteral("--json")})
                     .json().value(QStringLiteral("lock")).toObject().value(QStringLiteral("held")).toBool(),
                 true);
        writer.kill();
        QVERIFY(writer.waitForFinished(10000));

        // The killed writer's lock file stays behind; info says it is stale.
        Run run = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject lock = run.json().value(QStringLiteral("lock")).toObject();
        QCOMPARE(lock.value(QStringLiteral("held")).toBool(), false);
        QCOMPARE(lock.value(QStringLiteral("stale")).toBool(), true);
        run = runCli({QStringLiteral("info"), path});
        QVERIFY2(run.out.contains("which is no longer running"), run.out.constData());
        // ...and the next writer takes it over.
        run = runCli({QStringLiteral("insert"), path}, line(QStringLiteral("y"), {1, 2, 3}));
        CHECK_EXIT(run, 0);
        QCOMPARE(count(path), 2);
    }

    void acknowledgedItemsSurviveAKill()
    {
        // The contract behind "ok ID": whatever was printed before the
        // process died is in the index afterwards. Input keeps flowing up to
        // the kill, so writes are in flight when it lands.
        for (const int killAfter : {300, 2500, 9000}) {
            const QString path = createIndex(32);
            const QVector<float> vector(32, 0.5f);
            QProcess writer;
            writer.start(QStringLiteral(SEXTANT_CLI_PATH), {QStringLiteral("insert"), path});
            QVERIFY(writer.waitForStarted());
            QByteArray acknowledged;
            int sent = 0;
            while (acknowledged.count('\n') < killAfter && writer.state() == QProcess::Running && sent < 200000) {
                QByteArray chunk;
                for (int i = 0; i < 100; ++i, ++sent)
                    chunk += line(QStringLiteral("k%1").arg(sent, 6, 10, QLatin1Char('0')), vector);
                writer.write(chunk);
                writer.waitForBytesWritten(1000);
                writer.waitForReadyRead(1);
                acknowledged += writer.readAllStandardOutput();
            }
            QCOMPARE(writer.state(), QProcess::Running);
            writer.kill();
            QVERIFY(writer.waitForFinished(10000));
            acknowledged += writer.readAllStandardOutput();
            // Only complete lines count; a torn last line was never a full acknowledgement.
            acknowledged.truncate(acknowledged.lastIndexOf('\n') + 1);

            QSet<QString> storedIds;
            for (const QByteArray &text : exportAll(path).split('\n')) {
                if (text.isEmpty())
                    continue;
                const auto item = io::parseJsonLine(text);
                QVERIFY2(item.ok(), qPrintable(item.error().message()));
                storedIds.insert(item->id);
            }
            int checked = 0;
            for (const QByteArray &ack : acknowledged.split('\n')) {
                if (ack.isEmpty())
                    continue;
                QVERIFY2(ack.startsWith("ok "), ack.constData());
                QVERIFY2(storedIds.contains(QString::fromUtf8(ack.mid(3))), ack.constData());
                ++checked;
            }
            QVERIFY(checked >= killAfter);
            QVERIFY(storedIds.size() <= sent);
            QCOMPARE(runCli({QStringLiteral("verify"), path}).exitCode, 0);
        }
    }

    void readOnlyFlag()
    {
        const QString path = createIndex();
        QCOMPARE(runCli({QStringLiteral("insert"), path}, line(QStringLiteral("r"), {1, 2, 3})).exitCode, 0);
        Run run = runCli({QStringLiteral("--read-only"), QStringLiteral("count"), path});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.out, QByteArray("1\n"));
        run = runCli({QStringLiteral("insert"), path, QStringLiteral("--read-only")}, line(QStringLiteral("s"), {1, 2, 3}));
        CHECK_EXIT(run, 2);
        QCOMPARE(count(path), 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
