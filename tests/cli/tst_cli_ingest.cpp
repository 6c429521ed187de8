// sextant-cli insert and import through QProcess: acknowledgements only for
// durable items, bad lines reported by number, all-or-nothing batches, the
// export/import round trip, and what a killed writer leaves behind.

#include "CliTestSupport.h"
#include "storage/Manifest.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>

using namespace sextant;
using namespace clitest;

class TestCliIngest : public QObject, public CliFixture {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

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
        const QByteArray input = line(QStringLiteral("good-1"), {1, 2, 3}) +
                                 "{\"id\":\"short\",\"vector\":[1,2]}\n"       // line 2: wrong dimension
                                 + "{\"id\":\"nan\",\"vector\":[1,NaN,3]}\n"   // line 3: NaN
                                 + "\n"                                        // line 4: blank, skipped
                                 + "{\"id\":\"broken\",\"vector\":[1,2,3]\n"   // line 5: unterminated
                                 + line(QStringLiteral("good-2"), {4, 5, 6})   // line 6
                                 + line(QStringLiteral("good-1"), {7, 8, 9})   // line 7: already exists
                                 + "{\"id\":\"\",\"vector\":[1,2,3]}\n"        // line 8: empty id
                                 + "{\"id\":\"big\",\"vector\":[1,1e39,3]}\n"; // line 9: beyond float
        const Run run = runCli({QStringLiteral("insert"), path}, input);
        CHECK_EXIT(run, 1);
        QCOMPARE(run.out, QByteArray("ok good-1\nok good-2\n"));
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(
            err.contains(QStringLiteral(
                "line 2: item \"short\": The vector has 2 dimensions, but this index holds 3-dimensional vectors.")),
            qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 3: Element 1 of \"vector\" is NaN")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 5: ")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 7: item \"good-1\": ")) &&
                     err.contains(QStringLiteral("already exists")),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 8: ")) && err.contains(QStringLiteral("must not be empty")),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("line 9: ")) && err.contains(QStringLiteral("32-bit float")),
                 qPrintable(err));
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
        QCOMPARE(rejected.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("dimension_mismatch"));
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QStringLiteral("id")).toString(),
                 QStringLiteral("good-3"));
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
        const QByteArray input = line(QStringLiteral("b1"), {1, 1, 1}) + line(QStringLiteral("b2"), {1, 1, 1}) +
                                 line(QStringLiteral("b3"), {1, 1, 1}) // batch 1: lines 1-3, good
                                 + line(QStringLiteral("b4"), {1, 1, 1}) + "{\"id\":\"b5\",\"vector\":[1,1]}\n" +
                                 line(QStringLiteral("b6"), {1, 1, 1}) // batch 2: lines 4-6, line 5 bad
                                 + line(QStringLiteral("b7"), {1, 1, 1}) + line(QStringLiteral("b7"), {2, 2, 2}) +
                                 line(QStringLiteral("b9"), {1, 1, 1})     // batch 3: lines 7-9, duplicate id
                                 + line(QStringLiteral("b10"), {1, 1, 1}); // batch 4: line 10 alone
        const Run run = runCli({QStringLiteral("insert"), path, QStringLiteral("--batch"), QStringLiteral("3")}, input);
        CHECK_EXIT(run, 1);
        QCOMPARE(run.out, QByteArray("ok b1\nok b2\nok b3\nok b10\n"));
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(QStringLiteral("line 5: item \"b5\": The vector has 2 dimensions")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("lines 4-6: The batch of lines 4-6 (3 records) was not written (a batch "
                                             "is all or nothing): line 5 was rejected.")),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral(
                     "line 8: item \"b7\": The id \"b7\" appears twice in one batch (first on line 7).")),
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
                if (std::isfinite(value)) vector.append(value);
            }
            const QString id =
                (i % 3 == 0 ? QStringLiteral("caf\u00e9-\u6f22-%1") : QStringLiteral("plain \"quoted\" %1")).arg(i);
            vectors.insert(id, vector);
            input += line(
                id, vector,
                {{QStringLiteral("i"), i},
                 {QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
                 {QStringLiteral("nested"), QJsonObject{{QStringLiteral("x"), 0.1}, {QStringLiteral("ok"), true}}}});
        }
        QCOMPARE(runCli({QStringLiteral("insert"), source}, input).exitCode, 0);

        const QByteArray exported = exportAll(source);
        const QList<QByteArray> lines = exported.split('\n');
        QCOMPARE(lines.size(), 301); // 300 lines and the empty rest after the last newline
        for (qsizetype i = 0; i < 300; ++i) {
            const auto item = formats::parseJsonLine(lines[i]);
            QVERIFY2(item.ok(), qPrintable(item.error().message()));
            QVERIFY(vectors.contains(item->id));
            const QVector<float> &expected = vectors[item->id];
            for (int d = 0; d < 16; ++d)
                QCOMPARE(bitsOf(item->vector[d]), bitsOf(expected[d]));
            QCOMPARE(item->metadata.value(QStringLiteral("nested")).toObject().value(QStringLiteral("x")).toDouble(),
                     0.1);
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

    void importIntoANewIndexLeavesNoSupersededGraph()
    {
        // Issue 18 §16: a CLI import of 58 items into a new index left the
        // empty graph-…0001.sxg (184 bytes) of the create step behind.
        const QString path = m_dir.filePath(QStringLiteral("fresh-import"));
        const QString file = m_dir.filePath(QStringLiteral("fifty-eight.jsonl"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (int i = 0; i < 58; ++i)
            out.write(line(QStringLiteral("f%1").arg(i), {float(i), 1, float(i % 7)}));
        out.close();
        const Run run = runCli({QStringLiteral("import"), path, file});
        CHECK_EXIT(run, 0);
        const Result<storage::Manifest> m = storage::Manifest::read(path + QStringLiteral("/MANIFEST"));
        QVERIFY2(m.ok() && m->graph, "the import saved no graph");
        const QStringList graphs = QDir(path).entryList({QStringLiteral("graph-*.sxg")}, QDir::Files);
        QCOMPARE(graphs, QStringList{m->graph->file});
        const Run verify = runCli({QStringLiteral("verify"), path});
        CHECK_EXIT(verify, 0);
        QVERIFY2(verify.out.contains("clean"), verify.out.constData());
    }

    void importReportsRejectedLines()
    {
        const QString path = createIndex();
        const QString file = m_dir.filePath(QStringLiteral("mixed.jsonl"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(line(QStringLiteral("m1"), {1, 2, 3}) + "not json at all\r\n" +
                  line(QStringLiteral("m2"), {1, 2, 3}) + "{\"id\":\"m3\",\"vector\":[1,2,3],\"metadata\":[1]}\n" +
                  line(QStringLiteral("m4"), {1, 2, 3}).trimmed());
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

    void largeImportsRejectOnlyTheLinesAtFault()
    {
        // Import writes lines in bulk chunks; a chunk refused because of one
        // line (an id already stored, or repeated in the file) is written
        // line by line, so only that line is rejected.
        const QString path = createIndex();
        QCOMPARE(runCli({QStringLiteral("insert"), path}, line(QStringLiteral("c05000"), {9, 9, 9})).exitCode, 0);
        const QString file = m_dir.filePath(QStringLiteral("large.jsonl"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (int i = 0; i < 10000; ++i)
            out.write(line(QStringLiteral("c%1").arg(i, 5, 10, QLatin1Char('0')), {float(i), 1, 2}));
        out.write(line(QStringLiteral("c00007"), {7, 7, 7})); // line 10001 repeats an id
        out.close();
        const Run run = runCli({QStringLiteral("import"), path, file});
        CHECK_EXIT(run, 1);
        QVERIFY2(run.out.startsWith("imported 9999, rejected 2, elapsed "), run.out.constData());
        QVERIFY2(run.err.contains("line 5001: item \"c05000\""), run.err.constData());
        QVERIFY2(run.err.contains("line 10001: item \"c00007\""), run.err.constData());
        QCOMPARE(count(path), 10000);
        const Run get = runCli({QStringLiteral("get"), path, QStringLiteral("c05000"), QStringLiteral("--json")});
        QVERIFY2(get.out.contains("[9,9,9]"), get.out.constData());
        const Run again = runCli({QStringLiteral("get"), path, QStringLiteral("c00007"), QStringLiteral("--json")});
        QVERIFY2(again.out.contains("[7,1,2]"), again.out.constData());
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
                if (text.isEmpty()) continue;
                const auto item = formats::parseJsonLine(text);
                QVERIFY2(item.ok(), qPrintable(item.error().message()));
                storedIds.insert(item->id);
            }
            int checked = 0;
            for (const QByteArray &ack : acknowledged.split('\n')) {
                if (ack.isEmpty()) continue;
                QVERIFY2(ack.startsWith("ok "), ack.constData());
                QVERIFY2(storedIds.contains(QString::fromUtf8(ack.mid(3))), ack.constData());
                ++checked;
            }
            QVERIFY(checked >= killAfter);
            QVERIFY(storedIds.size() <= sent);
            QCOMPARE(runCli({QStringLiteral("verify"), path}).exitCode, 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliIngest)
#include "tst_cli_ingest.moc"
