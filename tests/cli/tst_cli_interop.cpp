// sextant-cli import and export across formats: documents into a new index
// and again (unchanged), text queries, Sextant -> Vectra -> Sextant, .npy,
// CSV, a backup and its restore, and a hostile archive that changes nothing.
#include "CliTestSupport.h"

#include "../engine/ArchiveBuilder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

using namespace clitest;
using namespace testsupport;

class TestCliInterop : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static bool write(const QString &file, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(file).path());
        QFile f(file);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }

    QByteArray exportAll(const QString &index) { return runCli({QStringLiteral("export"), index}).out; }

private slots:
    void documentsIntoANewIndexThenUnchanged()
    {
        QVERIFY(write(path(QStringLiteral("docs/harbour.md")),
                      "# Harbour\n\nThe pilot guides the ships past the sandbanks at night.\n"));
        QVERIFY(
            write(path(QStringLiteral("docs/bread.txt")), "Bread\n\nFlour, water, salt and patience make bread.\n"));
        QVERIFY(write(path(QStringLiteral("docs/blob.txt")), QByteArray("\x01\x02\x03\x00\x00binary", 11)));
        const QString index = path(QStringLiteral("docs-idx"));
        Run run = runCli({QStringLiteral("import"), index, path(QStringLiteral("docs")), QStringLiteral("--json")});
        CHECK_EXIT(run, 1); // one document failed
        QJsonObject out = QJsonDocument::fromJson(run.outLines().last()).object();
        QCOMPARE(out.value(QStringLiteral("created")).toBool(), true);
        QJsonObject docs = out.value(QStringLiteral("documents")).toObject();
        QCOMPARE(docs.value(QStringLiteral("added")).toInt(), 2);
        QCOMPARE(docs.value(QStringLiteral("failed")).toInt(), 1);
        bool sawReason = false;
        for (const QJsonValue &d : docs.value(QStringLiteral("documents")).toArray())
            if (d.toObject().value(QStringLiteral("outcome")).toString() == u"failed")
                sawReason = d.toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("binary"));
        QVERIFY(sawReason);

        run = runCli({QStringLiteral("documents"), index, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonArray listed = run.json().value(QStringLiteral("documents")).toArray();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed[0].toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Bread"));
        QCOMPARE(listed[1].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("markdown"));
        QCOMPARE(listed[1].toObject().value(QStringLiteral("ranges")).toArray().size(),
                 listed[1].toObject().value(QStringLiteral("chunks")).toInt());

        run = runCli({QStringLiteral("info"), index});
        QVERIFY(run.out.contains("embedder         sextant-hash-v1/384/pairs/3-5"));

        run = runCli({QStringLiteral("import"), index, path(QStringLiteral("docs/harbour.md")),
                      path(QStringLiteral("docs/bread.txt"))});
        CHECK_EXIT(run, 0);
        QVERIFY2(run.out.contains("0 added, 0 replaced, 2 unchanged, 0 failed"), run.out.constData());

        run = runCli({QStringLiteral("query"), index, QStringLiteral("--text"), QStringLiteral("ships at night"),
                      QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        const QJsonObject top = run.json().value(QStringLiteral("hits")).toArray().first().toObject();
        QCOMPARE(top.value(QStringLiteral("title")).toString(), QStringLiteral("Harbour"));
        QVERIFY(top.value(QStringLiteral("passage")).toString().contains(QStringLiteral("sandbanks")));
        QCOMPARE(top.value(QStringLiteral("vectorRank")).toInt(), 1);

        run = runCli({QStringLiteral("query"), index, QStringLiteral("--text"), QStringLiteral("flour"),
                      QStringLiteral("--mode"), QStringLiteral("keyword")});
        CHECK_EXIT(run, 0);
        QVERIFY(run.out.contains("Bread ("));

        // Another embedder is refused before anything is read.
        run = runCli({QStringLiteral("import"), index, path(QStringLiteral("docs/harbour.md")),
                      QStringLiteral("--embedder"), QStringLiteral("hash:64")});
        QVERIFY(run.exitCode != 0);
        QVERIFY(run.err.contains("sextant-hash-v1/64"));
    }

    void sextantToVectraToSextantKeepsEverything()
    {
        const QString source = path(QStringLiteral("round"));
        QCOMPARE(runCli({QStringLiteral("create"), source, QStringLiteral("--dims"), QStringLiteral("3")}).exitCode, 0);
        QByteArray lines;
        for (int i = 0; i < 50; ++i)
            lines += line(QStringLiteral("item-%1").arg(i),
                          {float(i) * 0.25f + 1, -(float(i) + 0.5f) / 3.0f, 1e-3f * float(i + 1)},
                          QJsonObject{{QStringLiteral("n"), i},
                                      {QStringLiteral("tag"), i % 2 ? QStringLiteral("odd") : QStringLiteral("even")},
                                      {QStringLiteral("ok"), i % 3 == 0}});
        CHECK_EXIT(runCli({QStringLiteral("insert"), source}, lines), 0);
        const QString vectra = path(QStringLiteral("round-vectra"));
        Run run =
            runCli({QStringLiteral("export"), source, vectra, QStringLiteral("--format"), QStringLiteral("vectra")});
        CHECK_EXIT(run, 0);
        QVERIFY(QFile::exists(vectra + QStringLiteral("/index.json")));
        const QString back = path(QStringLiteral("round-back"));
        run = runCli({QStringLiteral("import"), back, vectra});
        CHECK_EXIT(run, 0);
        QVERIFY(run.out.contains("(vectra): imported 50, rejected 0"));
        QCOMPARE(exportAll(back), exportAll(source));
    }

    void npyAndCsv()
    {
        const QString source = path(QStringLiteral("round")); // from the test before
        const QString npy = path(QStringLiteral("vectors.npy"));
        CHECK_EXIT(runCli({QStringLiteral("export"), source, npy, QStringLiteral("--format"), QStringLiteral("npy")}),
                   0);
        QVERIFY(QFile::exists(path(QStringLiteral("vectors.ids.txt"))));
        const QString fromNpy = path(QStringLiteral("from-npy"));
        Run run = runCli({QStringLiteral("import"), fromNpy, npy, QStringLiteral("--json")});
        CHECK_EXIT(run, 0);
        QCOMPARE(runCli({QStringLiteral("count"), fromNpy}).out.trimmed(), QByteArray("50"));
        // Row 0 of the .npy is the first id in id order, bit for bit.
        Run first = runCli({QStringLiteral("get"), fromNpy, QStringLiteral("vectors:0"), QStringLiteral("--json")});
        Run original = runCli({QStringLiteral("get"), source, QStringLiteral("item-0"), QStringLiteral("--json")});
        QCOMPARE(first.json().value(QStringLiteral("vector")), original.json().value(QStringLiteral("vector")));

        QVERIFY(write(path(QStringLiteral("table.csv")),
                      "id,v0,v1,v2,colour\na,1,2,3,red\nb,4,5,6,\"blue, dark\"\nc,7,x,9,green\n"));
        const QString fromCsv = path(QStringLiteral("from-csv"));
        run = runCli({QStringLiteral("import"), fromCsv, path(QStringLiteral("table.csv"))});
        CHECK_EXIT(run, 1); // row c is refused, the others are in
        QVERIFY(run.err.contains("row 4"));
        QCOMPARE(runCli({QStringLiteral("count"), fromCsv}).out.trimmed(), QByteArray("2"));
        QVERIFY(runCli({QStringLiteral("get"), fromCsv, QStringLiteral("b")}).out.contains("blue, dark"));
    }

    void backupAndRestore()
    {
        const QString source = path(QStringLiteral("round"));
        const QString archive = path(QStringLiteral("round.tar.zst"));
        CHECK_EXIT(
            runCli({QStringLiteral("export"), source, archive, QStringLiteral("--format"), QStringLiteral("archive")}),
            0);
        const QString restored = path(QStringLiteral("restored"));
        Run run = runCli(
            {QStringLiteral("import"), restored, archive, QStringLiteral("--format"), QStringLiteral("archive")});
        CHECK_EXIT(run, 0);
        QVERIFY(run.out.contains("verified"));
        QCOMPARE(exportAll(restored), exportAll(source));
        // The current state only: no previous generation, no quarantine/ (issue 18 §16).
        QVERIFY(QFile::exists(source + QStringLiteral("/MANIFEST.prev")));
        QVERIFY(!QFile::exists(restored + QStringLiteral("/MANIFEST.prev")));
        run = runCli(
            {QStringLiteral("import"), restored, archive, QStringLiteral("--format"), QStringLiteral("archive")});
        QVERIFY(run.exitCode != 0);
        QCOMPARE(exportAll(restored), exportAll(source));
    }

    void aHostileArchiveChangesNothing()
    {
        const QString index = path(QStringLiteral("docs-idx")); // from the first test
        const QByteArray before = exportAll(index);
        const QString evil = path(QStringLiteral("evil.zip"));
        QCOMPARE(writeTestArchive(
                     evil, ArchiveSpec{"zip", {}, {}, {}},
                     {TestEntry("good.txt", "Words of a good file."), TestEntry("../../../tmp/pwned.txt", "gotcha")}),
                 QString());
        Run run = runCli({QStringLiteral("import"), index, evil});
        CHECK_EXIT(run, 1);
        QVERIFY2(run.out.contains("failed") && run.out.contains("../../../tmp/pwned.txt"), run.out.constData());
        QCOMPARE(exportAll(index), before);
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/pwned.txt")));
    }
};

QTEST_GUILESS_MAIN(TestCliInterop)
#include "tst_cli_interop.moc"
