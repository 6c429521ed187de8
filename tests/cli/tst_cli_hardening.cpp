// sextant-cli against hostile input (issue 14): arguments that are not
// UTF-8, a query vector arriving through a slow pipe, documents named
// without a known extension, byte order marks, imports with many problems,
// filters too long for a command line, and control characters or huge
// values echoed back. Runs the real binary; arguments with raw bytes go
// through /bin/sh, since QProcess can only pass text.

#include "CliTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QSet>

using namespace sextant;
using namespace clitest;

namespace {

// Runs `script` with sh -c; $CLI is the binary, and `variables` are set too.
Run runShell(const QString &script, const QMap<QString, QString> &variables = {}, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CLI"), QStringLiteral(SEXTANT_CLI_PATH));
    for (auto it = variables.constBegin(); it != variables.constEnd(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
    if (!process.waitForStarted()) return {};
    if (!input.isEmpty()) process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// {"a":[[...[1]...]]}: an object and nesting - 1 arrays.
QByteArray nestedMetadataLine(const QString &id, int nesting)
{
    return "{\"id\":\"" + id.toUtf8() + "\",\"vector\":[1,0],\"metadata\":{\"a\":" + QByteArray(nesting - 1, '[') +
           "1" + QByteArray(nesting - 1, ']') + "}}\n";
}

} // namespace

class TestCliHardening : public QObject, public CliFixture {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // B4: what insert accepts, full verify accepts; deeper metadata is refused at insert.
    void metadataNestingHasOneLimit()
    {
        const QString index = createIndex(2);
        Run run = runCli({QStringLiteral("insert"), index}, nestedMetadataLine(QStringLiteral("at-limit"), 512));
        CHECK_EXIT(run, 0);
        for (int nesting : {513, 600, 1000}) {
            run = runCli({QStringLiteral("insert"), index}, nestedMetadataLine(QStringLiteral("deep"), nesting));
            CHECK_EXIT(run, 1);
            QVERIFY2(run.err.contains("more than 512 deep"), run.err.constData());
        }
        QCOMPARE(count(index), qint64(1));
        // Folded into a segment, where full verify checks every metadata document.
        CHECK_EXIT(runCli({QStringLiteral("compact"), index}), 0);
        run = runCli({QStringLiteral("verify"), index, QStringLiteral("--full")});
        CHECK_EXIT(run, 0);
    }

    // B5: argument bytes that are not UTF-8 are refused, never replaced by U+FFFD.
    void argumentsMustBeUtf8()
    {
        const QString index = createIndex(2);
        // "a\ufffdb" is what Qt made of a\xfeb; "ab" is its neighbour.
        Run run = runCli({QStringLiteral("insert"), index},
                         line(QStringLiteral("a\uFFFDb"), {1, 0}, QJsonObject{{QStringLiteral("k"), 1}}) +
                             line(QStringLiteral("ab"), {0, 1}));
        CHECK_EXIT(run, 0);
        const QMap<QString, QString> vars{{QStringLiteral("IDX"), index}};

        run = runShell(QStringLiteral("\"$CLI\" delete \"$IDX\" \"$(printf 'a\\376b')\""), vars);
        CHECK_EXIT(run, 2);
        QVERIFY2(run.err.contains("not valid UTF-8") && run.err.contains("0xfe") && run.err.contains("a\\xfeb"),
                 run.err.constData());
        QCOMPARE(count(index), qint64(2));

        for (const QString &script : {QStringLiteral("\"$CLI\" get \"$IDX\" \"$(printf 'a\\376b')\""),
                                      QStringLiteral("\"$CLI\" query \"$IDX\" --like \"$(printf 'a\\376b')\""),
                                      QStringLiteral("\"$CLI\" list \"$IDX\" --after \"$(printf '\\377')\""),
                                      QStringLiteral("\"$CLI\" query \"$IDX\" --vector \"$(printf '[1,\\3770]')\"")}) {
            run = runShell(script, vars);
            CHECK_EXIT(run, 2);
            QVERIFY2(run.err.contains("not valid UTF-8"), run.err.constData());
            QVERIFY2(!run.err.contains("\xEF\xBF\xBD"), run.err.constData());
        }

        // A filter gets the filter language's documented error, in both spellings.
        for (const QString &script :
             {QStringLiteral("\"$CLI\" query \"$IDX\" --like ab --filter \"$(printf '{\"k\": \"\\377\"}')\""),
              QStringLiteral("\"$CLI\" query \"$IDX\" --like ab \"--filter=$(printf '{\"k\": \"\\377\"}')\"")}) {
            run = runShell(script, vars);
            CHECK_EXIT(run, 1);
            QVERIFY2(run.err.contains("invalid UTF-8 byte 0xff"), run.err.constData());
        }
        QCOMPARE(count(index), qint64(2));
        // The stored item is still reachable by its real name.
        CHECK_EXIT(runCli({QStringLiteral("get"), index, QStringLiteral("a\uFFFDb")}), 0);
    }

    // B7: --vector - reads standard input to its end, however it arrives.
    void queryVectorFromSlowPipe()
    {
        const QString index = createIndex(4);
        CHECK_EXIT(runCli({QStringLiteral("insert"), index},
                          line(QStringLiteral("x"), {1, 0, 0, 0}) + line(QStringLiteral("y"), {0, 1, 0, 0})),
                   0);
        Run run = runShell(
            QStringLiteral("(printf '[1,0,'; sleep 1; printf '0,0]') | \"$CLI\" query \"$IDX\" --vector - -k 1 --json"),
            {{QStringLiteral("IDX"), index}});
        CHECK_EXIT(run, 0);
        QCOMPARE(
            run.json().value(QStringLiteral("hits")).toArray().at(0).toObject().value(QStringLiteral("id")).toString(),
            QStringLiteral("x"));

        // 8,192 dimensions written long: about 170 KB, well past one pipe buffer.
        const QString big = createIndex(8192);
        QByteArray vector = "[";
        for (int i = 0; i < 8192; ++i)
            vector += (i ? "," : "") + QByteArray(i == 0 ? "1.00000000000000000" : "0.00000000000000001");
        vector += "]";
        QVERIFY(vector.size() > 160 * 1024);
        QVector<float> stored(8192, 0.0f);
        stored[0] = 1;
        CHECK_EXIT(runCli({QStringLiteral("insert"), big}, line(QStringLiteral("only"), stored)), 0);
        const QString file = m_dir.filePath(QStringLiteral("big-vector.json"));
        QVERIFY(writeFile(file, vector));
        run = runShell(QStringLiteral("(head -c 70000 \"$F\"; sleep 0.5; tail -c +70001 \"$F\") | \"$CLI\" query "
                                      "\"$IDX\" --vector - -k 1 --json"),
                       {{QStringLiteral("IDX"), big}, {QStringLiteral("F"), file}});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("hits")).toArray().size(), 1);
    }

    // B8: files named explicitly are decided by content; none is skipped silently.
    void namedDocumentsWithoutKnownExtension()
    {
        const QString folder = m_dir.filePath(QStringLiteral("licenses"));
        QVERIFY(QDir().mkpath(folder));
        const QString gpl = folder + QStringLiteral("/GPL-3");
        const QString apache = folder + QStringLiteral("/Apache-2.0");
        const QString blob = folder + QStringLiteral("/blob");
        QVERIFY(writeFile(
            gpl,
            "GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n\nEveryone is permitted to copy and distribute.\n"));
        QVERIFY(writeFile(apache, "Apache License\nVersion 2.0, January 2004\n\nTERMS AND CONDITIONS FOR USE.\n"));
        QByteArray binary("\x7f"
                          "ELF\x02\x01\x01",
                          7);
        binary += QByteArray(400, '\0');
        QVERIFY(writeFile(blob, binary));

        const QString index = m_dir.filePath(QStringLiteral("named-docs"));
        Run run =
            runCli({QStringLiteral("import"), index, gpl, apache, QStringLiteral("--docs"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject documents = run.json().value(QStringLiteral("documents")).toObject();
        QCOMPARE(documents.value(QStringLiteral("added")).toInt(), 2);
        run = runCli({QStringLiteral("documents"), index, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("documents")).toArray().size(), 2);

        // A named file that is no document is named, with why, and the run fails.
        const QString index2 = m_dir.filePath(QStringLiteral("named-blob"));
        run = runCli({QStringLiteral("import"), index2, blob, QStringLiteral("--docs")});
        QVERIFY2(run.exitCode != 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains("blob") && run.out.contains("failed"), qPrintable(describe(run)));

        // Inside a named folder the names still decide: the binary file is left out, counted.
        const QString index3 = m_dir.filePath(QStringLiteral("folder-docs"));
        QVERIFY(writeFile(folder + QStringLiteral("/notes.txt"), "Some notes.\n"));
        run = runCli({QStringLiteral("import"), index3, folder, QStringLiteral("--docs"), QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("documents")).toObject().value(QStringLiteral("added")).toInt(), 1);
    }

    // U3: a byte order mark starts a file harmlessly; anywhere else it is named.
    void byteOrderMarks()
    {
        const QString index = createIndex(2);
        const QByteArray bom("\xEF\xBB\xBF");
        Run run = runCli({QStringLiteral("insert"), index},
                         bom + line(QStringLiteral("first"), {1, 0}) + bom + line(QStringLiteral("second"), {0, 1}));
        CHECK_EXIT(run, 1);
        QVERIFY2(run.out.contains("ok first"), qPrintable(describe(run)));
        QVERIFY2(run.err.contains("line 2") && run.err.contains("byte order mark"), run.err.constData());

        // Files: the one-file import and the multi-file import read them alike.
        const QString a = m_dir.filePath(QStringLiteral("bom-a.jsonl"));
        const QString b = m_dir.filePath(QStringLiteral("bom-b.jsonl"));
        QVERIFY(writeFile(a, bom + line(QStringLiteral("a1"), {1, 0}) + line(QStringLiteral("a2"), {0, 1})));
        QVERIFY(writeFile(b, bom + line(QStringLiteral("b1"), {1, 1})));
        const QString one = createIndex(2);
        CHECK_EXIT(runCli({QStringLiteral("import"), one, a, QStringLiteral("--no-graph")}), 0);
        QCOMPARE(count(one), qint64(2));
        const QString two = createIndex(2);
        run = runCli({QStringLiteral("import"), two, a, b, QStringLiteral("--no-graph")});
        CHECK_EXIT(run, 0);
        QCOMPARE(count(two), qint64(3));
    }

    // U4: --report FILE lists every problem of a multi-file import.
    void importReportListsEveryProblem()
    {
        QByteArray first, second;
        for (int i = 0; i < 30; ++i) {
            first += line(QStringLiteral("f%1").arg(i), {1, 0, 0}); // three dimensions in a two-dimension index
            second += "{\"id\":\"s" + QByteArray::number(i) + "\",\"vector\":[1,0],\"bogus\":1}\n";
        }
        first.prepend(line(QStringLiteral("good"), {1, 0}));
        const QString a = m_dir.filePath(QStringLiteral("report-a.jsonl"));
        const QString b = m_dir.filePath(QStringLiteral("report-b.jsonl"));
        QVERIFY(writeFile(a, first));
        QVERIFY(writeFile(b, second));
        const QString index = createIndex(2);
        const QString report = m_dir.filePath(QStringLiteral("problems.jsonl"));
        Run run = runCli(
            {QStringLiteral("import"), index, a, b, QStringLiteral("--no-graph"), QStringLiteral("--report"), report});
        CHECK_EXIT(run, 1);
        QVERIFY2(run.err.contains("and 10 more problems") && run.err.contains(report.toUtf8()), run.err.constData());
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 60);
        QSet<qint64> linesOfSecond;
        for (const QByteArray &text : lines) {
            const QJsonObject problem = QJsonDocument::fromJson(text).object();
            QVERIFY2(!problem.value(QStringLiteral("message")).toString().isEmpty(), text.constData());
            const QString source = problem.value(QStringLiteral("file")).toString();
            QVERIFY2(source == a || source == b, text.constData());
            QVERIFY2(problem.value(QStringLiteral("line")).isDouble(), text.constData());
            QVERIFY(problem.contains(QStringLiteral("column")));
            if (source == b) {
                linesOfSecond.insert(qint64(problem.value(QStringLiteral("line")).toDouble()));
                QVERIFY2(problem.value(QStringLiteral("column")).isDouble(),
                         text.constData()); // "bogus" is at a column
            }
        }
        QCOMPARE(linesOfSecond.size(), 30);
        QCOMPARE(count(index), qint64(1));

        // Without --report the truncated message says how to get the rest.
        run = runCli({QStringLiteral("import"), createIndex(2), a, b, QStringLiteral("--no-graph")});
        CHECK_EXIT(run, 1);
        QVERIFY2(run.err.contains("--report FILE"), run.err.constData());
    }

    // U5: --filter @FILE reaches the 1 MiB filter limit a command line cannot.
    void filterFromFile()
    {
        const QString index = createIndex(2);
        Run run = runCli(
            {QStringLiteral("insert"), index},
            line(QStringLiteral("en"), {1, 0}, QJsonObject{{QStringLiteral("lang"), QStringLiteral("en")}}) +
                line(QStringLiteral("de"), {1, 0.1f}, QJsonObject{{QStringLiteral("lang"), QStringLiteral("de")}}));
        CHECK_EXIT(run, 0);
        // {"lang": {"$in": ["x0", ..., "de"]}}: about 300 KB.
        QByteArray filter = "{\"lang\": {\"$in\": [";
        for (int i = 0; i < 30000; ++i)
            filter += "\"lang-" + QByteArray::number(i) + "\", ";
        filter += "\"de\"]}}";
        QVERIFY(filter.size() > 256 * 1024 && filter.size() < 1024 * 1024);
        const QString file = m_dir.filePath(QStringLiteral("filter.json"));
        QVERIFY(writeFile(file, filter));
        run = runCli({QStringLiteral("query"), index, QStringLiteral("--vector"), QStringLiteral("[1,0]"),
                      QStringLiteral("--filter"), QLatin1Char('@') + file, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonArray hits = run.json().value(QStringLiteral("hits")).toArray();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("de"));

        // Past the limit: the filter's own error; a missing file: an I/O error.
        QVERIFY(writeFile(file, "{\"lang\": \"" + QByteArray(1024 * 1024 + 10, 'x') + "\"}"));
        run = runCli({QStringLiteral("query"), index, QStringLiteral("--vector"), QStringLiteral("[1,0]"),
                      QStringLiteral("--filter"), QLatin1Char('@') + file});
        CHECK_EXIT(run, 1);
        run = runCli({QStringLiteral("query"), index, QStringLiteral("--vector"), QStringLiteral("[1,0]"),
                      QStringLiteral("--filter"),
                      QStringLiteral("@") + m_dir.filePath(QStringLiteral("no-such-filter.json"))});
        CHECK_EXIT(run, 2);
    }

    // U5: checkpoint folds the log into a segment. Every writer checkpoints
    // as it closes, so the log is left unfolded by a writer killed after
    // its acknowledgements.
    void checkpointCommand()
    {
        const QString index = createIndex(2);
        Run run = runShell(
            QStringLiteral(
                "(printf '%s\\n' '{\"id\":\"a\",\"vector\":[1,0]}' '{\"id\":\"b\",\"vector\":[0,1]}'; sleep 5) "
                "| \"$CLI\" insert \"$IDX\" & P=$!; sleep 1.5; kill -9 $P; wait $P; exit 0"),
            {{QStringLiteral("IDX"), index}});
        QVERIFY2(run.out.contains("ok a\nok b\n"), qPrintable(describe(run)));
        run = runCli({QStringLiteral("info"), index, QStringLiteral("--json")});
        QCOMPARE(run.json().value(QStringLiteral("unflushedItems")).toInt(), 2);

        CHECK_EXIT(runCli({QStringLiteral("--read-only"), QStringLiteral("checkpoint"), index}), 2);
        run = runCli({QStringLiteral("checkpoint"), index, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.json().value(QStringLiteral("items")).toInt(), 2);
        QCOMPARE(run.json().value(QStringLiteral("unflushedItemsBefore")).toInt(), 2);
        run = runCli({QStringLiteral("info"), index, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject info = run.json();
        QCOMPARE(info.value(QStringLiteral("checkpointLsn")).toDouble(),
                 info.value(QStringLiteral("lastLsn")).toDouble());
        QCOMPARE(info.value(QStringLiteral("unflushedItems")).toInt(), 0);
        QCOMPARE(info.value(QStringLiteral("segments")).toInt(), 1);
        QCOMPARE(count(index), qint64(2));
        run = runCli({QStringLiteral("checkpoint"), index});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.out.startsWith("checkpoint: 2 items; 0 changes folded"), run.out.constData());
    }

    // U12: control characters are escaped and long values cut in messages and
    // listings; JSON output stays exact.
    void controlCharactersAndLongValues()
    {
        const QString index = createIndex(2);
        const QString red = QStringLiteral("id\x1b[31mred\x07");
        Run run = runCli({QStringLiteral("insert"), index},
                         line(red, {1, 0}, QJsonObject{{QStringLiteral("title"), QStringLiteral("\x1b]0;owned\x07")}}));
        CHECK_EXIT(run, 0);
        QVERIFY2(!run.out.contains('\x1b') && run.out.contains("ok id\\x1b[31mred\\x07"), run.out.constData());

        run = runCli({QStringLiteral("list"), index});
        CHECK_EXIT(run, 0);
        QCOMPARE(run.out, QByteArray("id\\x1b[31mred\\x07\n"));
        run = runCli({QStringLiteral("get"), index, red});
        CHECK_EXIT(run, 0);
        QVERIFY2(!run.out.contains('\x1b') && !run.out.contains('\x07'), run.out.constData());
        run = runCli({QStringLiteral("query"), index, QStringLiteral("--vector"), QStringLiteral("[1,0]")});
        CHECK_EXIT(run, 0);
        QVERIFY2(!run.out.contains('\x1b') && run.out.contains("id\\x1b[31mred\\x07"), run.out.constData());
        // JSON is exact: the id comes back as it was.
        run = runCli({QStringLiteral("list"), index, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(
            run.json().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("id")).toString(),
            red);

        // A NUL and a 10 KB id in rejected lines: escaped, and cut.
        const QByteArray nul = "{\"id\":\"a\\u0000b\",\"vector\":[1,0]}\n";
        const QByteArray huge = "{\"id\":\"" + QByteArray(10000, 'h') + "\",\"vector\":[1,0]}\n";
        run = runCli({QStringLiteral("insert"), index}, nul + huge);
        CHECK_EXIT(run, 1);
        QVERIFY2(!run.err.contains('\0'), run.err.constData());
        QVERIFY2(run.err.contains("a\\x00b"), run.err.constData());
        QVERIFY2(run.err.size() < 2000, run.err.left(300).constData());
        QVERIFY2(run.err.contains("10000 characters in all"), run.err.constData());
        // With --json the rejection carries the whole id, exactly.
        run = runCli({QStringLiteral("insert"), index, QStringLiteral("--json")}, huge);
        CHECK_EXIT(run, 1);
        QVERIFY(everyLineIsJsonObject(run.out));
        QCOMPARE(run.json().value(QStringLiteral("id")).toString().size(), 10000);

        // An id argument with an escape sequence, echoed by delete.
        run = runCli({QStringLiteral("delete"), index, red, QStringLiteral("nope\x1b[2J")});
        CHECK_EXIT(run, 1);
        QVERIFY2(!run.out.contains('\x1b') && !run.err.contains('\x1b'), qPrintable(describe(run)));
        QVERIFY2(run.err.contains("nope\\x1b[2J"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliHardening)
#include "tst_cli_hardening.moc"
