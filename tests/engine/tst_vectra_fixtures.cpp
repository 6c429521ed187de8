// Folders that Vectra 0.15.0 itself wrote (tests/fixtures/vectra-0.15):
// every item comes in with its full metadata and exact vector, and a
// LocalDocumentIndex's chunks get their document's uri, title and text.
#include "sextant/VectorSource.h"

#include <QtTest>
#include <cmath>

using namespace sextant;

class TstVectraFixtures : public QObject {
    Q_OBJECT

    static QString fixture(const QString &name) { return QStringLiteral(SEXTANT_FIXTURES_DIR "/vectra-0.15/") + name; }

    static QList<Item> readAll(formats::VectorSource &source)
    {
        QList<Item> all;
        for (;;) {
            Result<QList<Item>> batch = source.next(100);
            if (!batch.ok() || batch->isEmpty()) break;
            all += *batch;
        }
        return all;
    }

private slots:
    void localIndexWithMetadataFiles()
    {
        const QString path = fixture(QStringLiteral("localindex"));
        QCOMPARE(formats::detectSourceFormat(path), formats::SourceFormat::Vectra);
        auto source = formats::openVectorSource(path);
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        QCOMPARE((*source)->shape().dimensions, 4);
        QCOMPARE((*source)->shape().metric, std::optional<Metric>(Metric::Cosine));
        QCOMPARE((*source)->shape().indexedKeys, QStringList{QStringLiteral("category")});
        const QList<Item> items = readAll(**source);
        QVERIFY((*source)->takeProblems().isEmpty());
        QCOMPARE(items.size(), 6);
        for (const Item &item : items) {
            const int i = item.id.mid(5).toInt();
            QCOMPARE(item.id, QStringLiteral("item-%1").arg(i));
            // The full metadata, from the item's own <uuid>.json file.
            QCOMPARE(item.metadata.value(QStringLiteral("text")).toString(), QStringLiteral("item number %1").arg(i));
            QCOMPARE(item.metadata.value(QStringLiteral("n")).toInt(), i);
            QCOMPARE(item.metadata.value(QStringLiteral("category")).toString(),
                     i % 2 ? QStringLiteral("odd") : QStringLiteral("even"));
            QCOMPARE(item.vector[0], float(std::sin(double(i))));
            QCOMPARE(item.vector[1], float(std::cos(double(i))));
            QCOMPARE(item.vector[2], float(i / 8.0));
        }
    }

    void documentIndexChunksGetTheirText()
    {
        auto source = formats::openVectorSource(fixture(QStringLiteral("documentindex")));
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        QCOMPARE((*source)->shape().dimensions, 8);
        const QList<Item> items = readAll(**source);
        QCOMPARE(items.size(), 3);
        const QString harbour = QStringLiteral("The harbour pilot guides ships past the sandbanks at night. "
                                               "Tides turn twice a day. Ünïcode survives.");
        const QString bread = QStringLiteral("# Bread\n\nFlour, water, salt and patience make bread.");
        int seen = 0;
        for (const Item &item : items) {
            const QJsonObject m = item.metadata;
            const QString uri = m.value(QStringLiteral("uri")).toString();
            const QString &text = uri == u"notes/harbour.txt" ? harbour : bread;
            QVERIFY2(uri == u"notes/harbour.txt" || uri == u"notes/bread.md", qPrintable(uri));
            const int start = m.value(QStringLiteral("startPos")).toInt();
            const int endInclusive = m.value(QStringLiteral("endPos")).toInt();
            QCOMPARE(m.value(QStringLiteral("start")).toInt(), start);
            QCOMPARE(m.value(QStringLiteral("end")).toInt(), std::min<int>(endInclusive + 1, int(text.size())));
            QCOMPARE(m.value(QStringLiteral("text")).toString(),
                     text.mid(start, m.value(QStringLiteral("end")).toInt() - start));
            QVERIFY(!m.value(QStringLiteral("title")).toString().isEmpty());
            ++seen;
        }
        QCOMPARE(seen, 3);
    }
};

QTEST_GUILESS_MAIN(TstVectraFixtures)
#include "tst_vectra_fixtures.moc"
