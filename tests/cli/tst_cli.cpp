// The sextant-cli commands other than insert and import, run through
// QProcess: exit codes, text and --json output, error messages, and reading
// while another process holds the writer lock.

#include "CliTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>

using namespace sextant;
using namespace clitest;

class TestCli : public QObject, public CliFixture {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void versionAndHelp()
    {
        Run run = runCli({QStringLiteral("--version")});
        CHECK_EXIT(run, 0);
        QVERIFY(run.out.startsWith("sextant-cli "));
        run = runCli({QStringLiteral("--help")});
        CHECK_EXIT(run, 0);
        for (const char *command : {"create", "info", "insert", "get", "delete", "list", "count", "verify", "repair",
                                    "compact", "export", "import", "query", "recall"})
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
        QTest::newRow("unknown option") << QStringList{QStringLiteral("count"), path, QStringLiteral("--bogus")}
                                        << "bogus";
        QTest::newRow("missing path") << QStringList{QStringLiteral("count")} << "Usage";
        QTest::newRow("too many arguments") << QStringList{QStringLiteral("count"), path, path} << "Usage";
        QTest::newRow("create without dims") << QStringList{QStringLiteral("create"), path} << "--dims";
        QTest::newRow("dims zero") << QStringList{QStringLiteral("create"), path, QStringLiteral("--dims"),
                                                  QStringLiteral("0")}
                                   << "--dims";
        QTest::newRow("dims text") << QStringList{QStringLiteral("create"), path, QStringLiteral("--dims"),
                                                  QStringLiteral("many")}
                                   << "--dims";
        QTest::newRow("bad metric") << QStringList{QStringLiteral("create"),   path,
                                                   QStringLiteral("--dims"),   QStringLiteral("3"),
                                                   QStringLiteral("--metric"), QStringLiteral("manhattan")}
                                    << "metric";
        QTest::newRow("bad durability") << QStringList{QStringLiteral("create"),       path,
                                                       QStringLiteral("--dims"),       QStringLiteral("3"),
                                                       QStringLiteral("--durability"), QStringLiteral("sometimes")}
                                        << "durability";
        QTest::newRow("bad limit") << QStringList{QStringLiteral("list"), path, QStringLiteral("--limit"),
                                                  QStringLiteral("-5")}
                                   << "--limit";
        QTest::newRow("bad batch") << QStringList{QStringLiteral("insert"), path, QStringLiteral("--batch"),
                                                  QStringLiteral("0")}
                                   << "--batch";
        QTest::newRow("bad format") << QStringList{QStringLiteral("export"), path, QStringLiteral("--format"),
                                                   QStringLiteral("csv")}
                                    << "jsonl";
        QTest::newRow("read-only write") << QStringList{QStringLiteral("--read-only"), QStringLiteral("delete"), path,
                                                        QStringLiteral("x")}
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
        const QJsonObject error =
            QJsonDocument::fromJson(run.outLines().value(0)).object().value(QStringLiteral("error")).toObject();
        QVERIFY2(!error.value(QStringLiteral("code")).toString().isEmpty(), run.out.constData());
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(mentions));
    }

    void createAndInfo()
    {
        const QString path = m_dir.filePath(QStringLiteral("created"));
        Run run = runCli({QStringLiteral("create"), path, QStringLiteral("--dims"), QStringLiteral("4"),
                          QStringLiteral("--metric"), QStringLiteral("l2"), QStringLiteral("--durability"),
                          QStringLiteral("normal"), QStringLiteral("--json")});
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
        QCOMPARE(runCli({QStringLiteral("info"), path, QStringLiteral("--json")})
                     .json()
                     .value(QStringLiteral("dimensions"))
                     .toInt(),
                 4);
    }

    void createWithSchemaFile()
    {
        const QString schemaPath = m_dir.filePath(QStringLiteral("schema.json"));
        QFile schemaFile(schemaPath);
        QVERIFY(schemaFile.open(QIODevice::WriteOnly));
        schemaFile.write("{\"dimensions\": 5, \"metric\": \"dot\", \"fields\": {\"title\": {\"type\": \"string\", "
                         "\"required\": true}}}");
        schemaFile.close();

        // --dims overrides the file; the metric comes from it.
        const QString path = createIndex(2, {QStringLiteral("--schema"), schemaPath});
        Run run = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("dimensions")).toInt(), 2);
        QCOMPARE(run.json().value(QStringLiteral("metric")).toString(), QStringLiteral("dot"));

        run = runCli({QStringLiteral("insert"), path},
                     line(QStringLiteral("untitled"), {1, 2}) +
                         line(QStringLiteral("titled"), {1, 2}, {{QStringLiteral("title"), QStringLiteral("T")}}));
        CHECK_EXIT(run, 1);
        QCOMPARE(run.out, QByteArray("ok titled\n"));
        QVERIFY2(run.err.contains("line 1: item \"untitled\": ") && run.err.contains("\"title\" is required"),
                 run.err.constData());

        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        QFile brokenFile(broken);
        QVERIFY(brokenFile.open(QIODevice::WriteOnly));
        brokenFile.write("{\"fields\": [}");
        brokenFile.close();
        run = runCli({QStringLiteral("create"), m_dir.filePath(QStringLiteral("never")), QStringLiteral("--dims"),
                      QStringLiteral("2"), QStringLiteral("--schema"), broken});
        CHECK_EXIT(run, 1);
        QVERIFY(run.err.contains("not valid JSON"));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("never"))));

        run = runCli({QStringLiteral("create"), m_dir.filePath(QStringLiteral("never")), QStringLiteral("--dims"),
                      QStringLiteral("2"), QStringLiteral("--schema"),
                      m_dir.filePath(QStringLiteral("no-such-schema.json"))});
        CHECK_EXIT(run, 2);
    }

    void getReportsMissingItems()
    {
        const QString path = createIndex();
        Run run = runCli({QStringLiteral("get"), path, QStringLiteral("ghost")});
        CHECK_EXIT(run, 1);
        QVERIFY(run.err.contains("ghost"));
        run = runCli({QStringLiteral("get"), path, QStringLiteral("ghost"), QStringLiteral("--json")});
        CHECK_EXIT(run, 1);
        QCOMPARE(run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("not_found"));
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
        QCOMPARE(
            page({QStringLiteral("--after"), QStringLiteral("id-09"), QStringLiteral("--limit"), QStringLiteral("10")}),
            ids.mid(10, 10));
        QCOMPARE(
            page({QStringLiteral("--after"), QStringLiteral("id-19"), QStringLiteral("--limit"), QStringLiteral("10")}),
            ids.mid(20));
        QCOMPARE(page({QStringLiteral("--after"), QStringLiteral("id-24")}), QStringList{});
        QCOMPARE(page({QStringLiteral("--after"), QStringLiteral("id-1")}), ids.mid(10)); // "id-1" sorts before "id-10"

        const Run json = runCli(
            {QStringLiteral("list"), path, QStringLiteral("--limit"), QStringLiteral("10"), QStringLiteral("--json")});
        CHECK_EXIT(json, 0);
        const QJsonObject object = json.json();
        const QJsonArray items = object.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 10);
        QCOMPARE(items.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("id-00"));
        QCOMPARE(
            items.first().toObject().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("n")).toString(),
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

        run = runCli(
            {QStringLiteral("delete"), path, QStringLiteral("d1"), QStringLiteral("missing"), QStringLiteral("d3")});
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

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    void repairShowsThePlanAndAsksFirst()
    {
        const QString path = createIndex(8);
        QByteArray input;
        for (int i = 0; i < 300; ++i)
            input += line(QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0')), {1, 2, 3, 4, 5, 6, 7, float(i)});
        QCOMPARE(runCli({QStringLiteral("insert"), path}, input).exitCode, 0);
        Run run = runCli({QStringLiteral("repair"), path, QStringLiteral("--dry-run")});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.out.contains("Nothing to repair."), run.out.constData());

        // Damage the first data block of the segment: the ids' rows go.
        QString segment;
        for (const QFileInfo &info : QDir(path).entryInfoList({QStringLiteral("*.sxs")}, QDir::Files))
            segment = info.absoluteFilePath();
        QVERIFY(!segment.isEmpty());
        QFile f(segment);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(200));
        char byte = 0;
        QVERIFY(f.getChar(&byte));
        QVERIFY(f.seek(200));
        QVERIFY(f.putChar(char(byte ^ 0x01)));
        f.close();
        const QByteArray damaged = readAll(segment);

        run = runCli({QStringLiteral("repair"), path, QStringLiteral("--dry-run"), QStringLiteral("--json")});
        CHECK_EXIT(run, 1);
        const QJsonObject plan = run.json().value(QStringLiteral("plan")).toObject();
        QVERIFY(plan.value(QStringLiteral("canRun")).toBool());
        QStringList actions;
        for (const QJsonValue &step : plan.value(QStringLiteral("steps")).toArray())
            actions << step.toObject().value(QStringLiteral("action")).toString();
        // The previous generation (no segment) and the log after it hold all
        // 300 items, so going back to it beats copying what is readable.
        QVERIFY2(actions.contains(QStringLiteral("use-previous-manifest")), qPrintable(actions.join(u' ')));
        QCOMPARE(readAll(segment), damaged); // a dry run changes nothing

        // Without --yes and without a terminal it refuses.
        run = runCli({QStringLiteral("repair"), path});
        CHECK_EXIT(run, 1);
        QVERIFY(run.out.contains("Repair plan"));
        QVERIFY(run.err.contains("--yes"));
        QCOMPARE(readAll(segment), damaged);

        const QString backup = QFileInfo(path).absolutePath() + QStringLiteral("/cli-backup.tar.zst");
        run = runCli({QStringLiteral("repair"), path, QStringLiteral("--yes"), QStringLiteral("--json"),
                      QStringLiteral("--backup"), backup});
        CHECK_EXIT(run, 0);
        const QJsonObject result = run.json().value(QStringLiteral("result")).toObject();
        QCOMPARE(result.value(QStringLiteral("backup")).toString(), backup);
        QVERIFY(QFile::exists(backup));
        QVERIFY(result.value(QStringLiteral("after")).toObject().value(QStringLiteral("clean")).toBool());
        QVERIFY(!result.value(QStringLiteral("quarantined")).toArray().isEmpty());
        QVERIFY(QDir(path + QStringLiteral("/quarantine")).exists());
        CHECK_EXIT(runCli({QStringLiteral("verify"), path, QStringLiteral("--full")}), 0);
        run = runCli({QStringLiteral("count"), path, QStringLiteral("--json")});
        QCOMPARE(run.json().value(QStringLiteral("count")).toInt(), 300);
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
        QCOMPARE(qint64(lock.value(QStringLiteral("holder")).toObject().value(QStringLiteral("pid")).toDouble()),
                 writer.processId());
        QCOMPARE(lock.value(QStringLiteral("holder")).toObject().value(QStringLiteral("application")).toString(),
                 QStringLiteral("sextant-cli"));
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
        QCOMPARE(run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("locked"));

        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(30000));
        QCOMPARE(writer.exitCode(), 0);
        QCOMPARE(count(path), 2);
        QVERIFY(!runCli({QStringLiteral("info"), path, QStringLiteral("--json")})
                     .json()
                     .value(QStringLiteral("lock"))
                     .toObject()
                     .value(QStringLiteral("held"))
                     .toBool());
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
                     .json()
                     .value(QStringLiteral("lock"))
                     .toObject()
                     .value(QStringLiteral("held"))
                     .toBool(),
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

    void readOnlyFlag()
    {
        const QString path = createIndex();
        QCOMPARE(runCli({QStringLiteral("insert"), path}, line(QStringLiteral("r"), {1, 2, 3})).exitCode, 0);
        Run run = runCli({QStringLiteral("--read-only"), QStringLiteral("count"), path});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.out, QByteArray("1\n"));
        run = runCli({QStringLiteral("insert"), path, QStringLiteral("--read-only")},
                     line(QStringLiteral("s"), {1, 2, 3}));
        CHECK_EXIT(run, 2);
        QCOMPARE(count(path), 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
