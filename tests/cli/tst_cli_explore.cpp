// sextant-cli duplicates, map and compare, run through QProcess: planted
// duplicates found and deleted (or only listed in a dry run), CSV layouts
// that repeat with their seed, comparisons with known answers, and bad
// input refused with nothing changed.

#include "CliTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

#include <random>

using namespace sextant;
using namespace clitest;

namespace {

QVector<float> gaussian(std::mt19937_64 &rng, int dims)
{
    std::normal_distribution<double> normal(0.0, 1.0);
    QVector<float> v(dims);
    for (float &x : v)
        x = float(normal(rng));
    return v;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestCliExplore : public QObject, public CliFixture {
    Q_OBJECT

    // 300 random items in 16 dimensions plus d1/d2 (the same vector), d3
    // (close to d4) and d4; "rank" decides --keep rank.
    QString plantedIndex(QByteArray *lines = nullptr)
    {
        const QString path = m_dir.filePath(QStringLiteral("planted-%1").arg(++m_counter));
        std::mt19937_64 rng(42);
        QByteArray input;
        for (int i = 0; i < 300; ++i)
            input += line(QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0')), gaussian(rng, 16));
        const QVector<float> v = gaussian(rng, 16);
        QVector<float> w = gaussian(rng, 16), w2 = w;
        w2[0] += 0.01f;
        input += line(QStringLiteral("d1"), v, QJsonObject{{QStringLiteral("rank"), 1}});
        input += line(QStringLiteral("d2"), v, QJsonObject{{QStringLiteral("rank"), 5}});
        input += line(QStringLiteral("d3"), w, QJsonObject{{QStringLiteral("rank"), 9}});
        input += line(QStringLiteral("d4"), w2, QJsonObject{{QStringLiteral("rank"), 2}});
        // import (not insert) saves the graph with the index, so every reader
        // loads the same graph rather than building its own.
        const QString file = path + QStringLiteral(".jsonl");
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(input) != input.size())
            qWarning("cannot write %s", qPrintable(file));
        out.close();
        const Run run = runCli({QStringLiteral("import"), path, file});
        if (run.exitCode != 0) qWarning("import failed: %s", qPrintable(describe(run)));
        if (lines) *lines = input;
        return path;
    }

private slots:
    void duplicatesListsGroups()
    {
        const QString path = plantedIndex();
        Run run = runCli({QStringLiteral("duplicates"), path, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject out = run.json();
        QCOMPARE(out.value(QStringLiteral("threshold")).toDouble(), 0.98);
        QCOMPARE(out.value(QStringLiteral("itemsSearched")).toInt(), 304);
        const QJsonArray groups = out.value(QStringLiteral("groups")).toArray();
        QCOMPARE(groups.size(), 2);
        QSet<QString> seen;
        for (const QJsonValue &g : groups) {
            const QJsonArray ids = g.toObject().value(QStringLiteral("ids")).toArray();
            QCOMPARE(ids.size(), 2);
            for (const QJsonValue &id : ids)
                seen.insert(id.toString());
            for (const QJsonValue &p : g.toObject().value(QStringLiteral("pairs")).toArray())
                QVERIFY(p.toObject().value(QStringLiteral("score")).toDouble() >= 0.98);
        }
        QCOMPARE(seen, (QSet<QString>{QStringLiteral("d1"), QStringLiteral("d2"), QStringLiteral("d3"),
                                      QStringLiteral("d4")}));

        run = runCli({QStringLiteral("duplicates"), path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("2 groups, 4 items (cosine similarity at least 0.98"), run.out.constData());

        // A filter restricts the search to the items it matches.
        run = runCli({QStringLiteral("duplicates"), path, QStringLiteral("--filter"),
                      QStringLiteral(R"({"rank": {"$lt": 6}})"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.json().value(QStringLiteral("groups")).toArray().size(), 1);
    }

    void duplicatesBadInputChangesNothing()
    {
        const QString path = plantedIndex();
        const QByteArray before = exportAll(path);
        for (const QString &bad : {QStringLiteral("1.5"), QStringLiteral("-2"), QStringLiteral("abc")}) {
            const Run run = runCli({QStringLiteral("duplicates"), path, QStringLiteral("--threshold"), bad,
                                    QStringLiteral("--delete"), QStringLiteral("--yes")});
            QVERIFY2(run.exitCode != 0, qPrintable(describe(run)));
            QVERIFY2(run.err.contains("threshold"), run.err.constData());
        }
        Run run = runCli({QStringLiteral("duplicates"), path, QStringLiteral("--keep"), QStringLiteral("last")});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(exportAll(path), before);
    }

    void duplicatesDeleteDryRunThenForReal()
    {
        const QString path = plantedIndex();
        const QByteArray before = exportAll(path);
        Run run = runCli({QStringLiteral("duplicates"), path, QStringLiteral("--delete"), QStringLiteral("--keep"),
                          QStringLiteral("rank"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.json().value(QStringLiteral("dryRun")).toBool(), true);
        QStringList toDelete;
        for (const QJsonValue &id : run.json().value(QStringLiteral("toDelete")).toArray())
            toDelete << id.toString();
        QCOMPARE(toDelete, (QStringList{QStringLiteral("d1"), QStringLiteral("d4")}));
        QCOMPARE(exportAll(path), before); // a dry run changes nothing

        run = runCli({QStringLiteral("duplicates"), path, QStringLiteral("--delete"), QStringLiteral("--keep"),
                      QStringLiteral("rank"), QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains("deleted 2 items in one batch"), run.out.constData());
        QCOMPARE(count(path), qint64(302));
        QCOMPARE(runCli({QStringLiteral("get"), path, QStringLiteral("d1")}).exitCode, 1);
        QCOMPARE(runCli({QStringLiteral("get"), path, QStringLiteral("d2")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("get"), path, QStringLiteral("d3")}).exitCode, 0);
        run = runCli({QStringLiteral("duplicates"), path, QStringLiteral("--json")});
        QCOMPARE(run.json().value(QStringLiteral("groups")).toArray().size(), 0);
    }

    void mapWritesCsv()
    {
        const QString path = plantedIndex();
        const QString umap = m_dir.filePath(QStringLiteral("umap.csv"));
        Run run =
            runCli({QStringLiteral("map"), path, QStringLiteral("--method"), QStringLiteral("umap"),
                    QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--epochs"), QStringLiteral("50"),
                    QStringLiteral("--colour"), QStringLiteral("rank"), QStringLiteral("--out"), umap});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QList<QByteArray> rows = readFile(umap).split('\n');
        QCOMPARE(rows.first(), QByteArray("id,x,y,rank"));
        QCOMPARE(rows.size(), 306); // header, 304 rows, the empty piece after the last newline
        QVERIFY2(rows[2].startsWith("d2,") && rows[2].endsWith(",5"),
                 rows[2].constData()); // id order: d1 d2 d3 d4 r000 ...
        for (qsizetype i = 1; i < 305; ++i)
            QCOMPARE(rows[i].count(','), 3);
        // The same seed, the same layout; the file is never replaced.
        const QString again = m_dir.filePath(QStringLiteral("umap2.csv"));
        run = runCli({QStringLiteral("map"), path, QStringLiteral("--seed"), QStringLiteral("3"),
                      QStringLiteral("--epochs"), QStringLiteral("50"), QStringLiteral("--colour"),
                      QStringLiteral("rank"), QStringLiteral("--out"), again});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(readFile(again), readFile(umap));
        run = runCli({QStringLiteral("map"), path, QStringLiteral("--out"), umap});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("already exists"));
        // PCA, with a sample.
        const QString pca = m_dir.filePath(QStringLiteral("pca.csv"));
        run = runCli({QStringLiteral("map"), path, QStringLiteral("--method"), QStringLiteral("pca"),
                      QStringLiteral("--sample"), QStringLiteral("100"), QStringLiteral("--out"), pca,
                      QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.json().value(QStringLiteral("points")).toInt(), 100);
        QCOMPARE(readFile(pca).count('\n'), 101);
        run = runCli({QStringLiteral("map"), path, QStringLiteral("--method"), QStringLiteral("tsne"),
                      QStringLiteral("--out"), pca + u'x'});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!QFile::exists(pca + u'x'));
    }

    void compareIndexes()
    {
        QByteArray lines;
        const QString a = plantedIndex(&lines);
        const QString copy = createIndex(16);
        QCOMPARE(runCli({QStringLiteral("insert"), copy}, lines).exitCode, 0);
        Run run = runCli({QStringLiteral("compare"), a, copy, QStringLiteral("--sample"), QStringLiteral("25"),
                          QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.json().value(QStringLiteral("meanOverlap")).toDouble(), 1.0);
        QCOMPARE(run.json().value(QStringLiteral("queries")).toArray().size(), 25);

        // Disjoint: other ids, so no shared hits.
        const QString other = createIndex(16);
        QByteArray renamed = lines;
        renamed.replace("\"id\":\"", "\"id\":\"other-");
        QCOMPARE(runCli({QStringLiteral("insert"), other}, renamed).exitCode, 0);
        const QString queries = m_dir.filePath(QStringLiteral("queries.txt"));
        std::mt19937_64 rng(1);
        QByteArray file = "# two vectors\n";
        for (int i = 0; i < 2; ++i) {
            QJsonArray v;
            for (float x : gaussian(rng, 16))
                v.append(double(x));
            file += QJsonDocument(v).toJson(QJsonDocument::Compact) + '\n';
        }
        QVERIFY(writeFile(queries, file));
        run = runCli({QStringLiteral("compare"), a, other, QStringLiteral("--queries"), queries, QStringLiteral("-k"),
                      QStringLiteral("5"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.json().value(QStringLiteral("meanOverlap")).toDouble(), 0.0);
        QCOMPARE(run.json().value(QStringLiteral("k")).toInt(), 5);
        run = runCli({QStringLiteral("compare"), a, copy, QStringLiteral("--queries"), queries});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("2 queries: mean overlap@10 1.000"), run.out.constData());

        // Bad lines, by line number; different dimensions for vectors.
        const QString bad = m_dir.filePath(QStringLiteral("bad.txt"));
        QVERIFY(writeFile(bad, "fine words\n[1, oops]\n{\"id\": 3}\n"));
        run = runCli({QStringLiteral("compare"), a, copy, QStringLiteral("--queries"), bad});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("line 2:") && run.err.contains("line 3:") && !run.err.contains("line 1:"),
                 run.err.constData());
        const QString small = createIndex(3);
        QCOMPARE(runCli({QStringLiteral("insert"), small}, line(QStringLiteral("r001"), {1, 0, 0})).exitCode, 0);
        run = runCli({QStringLiteral("compare"), a, small, QStringLiteral("--queries"), queries});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("16 dimensions and the second 3"), run.err.constData());
        run = runCli({QStringLiteral("compare"), a, copy});
        QCOMPARE(run.exitCode, 2);
    }

    void compareTextQueries()
    {
        // Two document indexes of the same texts, each embedding with its own (hash) embedder.
        QDir(m_dir.path()).mkpath(QStringLiteral("docs"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("docs/stars.txt")),
                          "Sailors found their position at night by the stars and a sextant.\n"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("docs/bread.txt")),
                          "Flour, water, salt and patience make bread.\n"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("docs/rain.txt")),
                          "Rain falls when clouds grow heavy with water.\n"));
        const QString a = m_dir.filePath(QStringLiteral("docs-a")), b = m_dir.filePath(QStringLiteral("docs-b"));
        for (const QString &index : {a, b}) {
            const Run run = runCli(
                {QStringLiteral("import"), index, m_dir.filePath(QStringLiteral("docs")), QStringLiteral("--docs")});
            QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        }
        const QString queries = m_dir.filePath(QStringLiteral("text-queries.txt"));
        QVERIFY(writeFile(queries, "how do sailors navigate\nbaking bread\n"));
        Run run = runCli({QStringLiteral("compare"), a, b, QStringLiteral("--queries"), queries, QStringLiteral("-k"),
                          QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.json().value(QStringLiteral("meanOverlap")).toDouble(), 1.0);
        const QJsonObject first = run.json().value(QStringLiteral("queries")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("query")).toString(), QStringLiteral("how do sailors navigate"));
        QVERIFY(first.value(QStringLiteral("a"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QStringLiteral("key"))
                    .toString()
                    .contains(QStringLiteral("stars.txt#")));
        // A vector index has no embedder for text.
        const QString plain = plantedIndex();
        run = runCli({QStringLiteral("compare"), a, plain, QStringLiteral("--queries"), queries});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("second index cannot embed text"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliExplore)
#include "tst_cli_explore.moc"
