// readVectraFolder on folders the test writes the way Vectra 0.15 does:
// inline metadata, indexed keys with a separate metadata file, and the
// damage and oddities users' folders have.

#include "formats/VectraFolder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QJsonObject item(const QString &id, const QJsonArray &vector, const QJsonObject &metadata, const QString &file = {})
{
    double norm = 0;
    for (const QJsonValue &x : vector)
        norm += x.toDouble() * x.toDouble();
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("metadata"), metadata},
                  {QStringLiteral("vector"), vector},
                  {QStringLiteral("norm"), 99.0}}; // stale on purpose: never trusted
    if (!file.isEmpty()) o.insert(QStringLiteral("metadataFile"), file);
    return o;
}

QByteArray index(const QJsonArray &items, const QJsonArray &indexed = {})
{
    QJsonObject config;
    if (!indexed.isEmpty()) config.insert(QStringLiteral("indexed"), indexed);
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                     {QStringLiteral("metadata_config"), config},
                                     {QStringLiteral("items"), items}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestVectra : public QObject {
    Q_OBJECT

private slots:
    void plainIndex()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.json")),
                          index({item(QStringLiteral("188749b1-66a5-4b07-9b26-c4bb4f44a38b"), {0.1, 0.2, 0.3, 0.4},
                                      {{QStringLiteral("text"), QStringLiteral("The cat sat on the mat")}})})));
        QVERIFY(formats::isVectraFolder(dir.path()));
        Result<formats::VectraFolder> v = formats::readVectraFolder(dir.path());
        QVERIFY2(v.ok(), qPrintable(v.error().message()));
        QCOMPARE(v->dimensions, 4);
        QCOMPARE(v->items.size(), 1);
        QCOMPARE(v->items[0].vector, (QVector<float>{0.1f, 0.2f, 0.3f, 0.4f}));
        QCOMPARE(v->items[0].metadata.value(QStringLiteral("text")).toString(),
                 QStringLiteral("The cat sat on the mat"));
        QVERIFY(v->problems.isEmpty());
    }

    void indexedKeysReadTheFullMetadataFile()
    {
        QTemporaryDir dir;
        const QString file = QStringLiteral("9b2e4c1d-0000-4000-8000-000000000001.json");
        QVERIFY(writeFile(dir.filePath(file), R"({"category":"food","text":"soup","source":"x"})"));
        QVERIFY(writeFile(
            dir.filePath(QStringLiteral("index.json")),
            index({item(QStringLiteral("a"), {1, 0}, {{QStringLiteral("category"), QStringLiteral("food")}}, file),
                   item(QStringLiteral("b"), {0, 1}, {{QStringLiteral("category"), QStringLiteral("tools")}},
                        QStringLiteral("missing.json"))},
                  {QStringLiteral("category")})));
        Result<formats::VectraFolder> v = formats::readVectraFolder(dir.path());
        QVERIFY(v.ok());
        QCOMPARE(v->indexedKeys, QStringList{QStringLiteral("category")});
        QCOMPARE(v->items.size(), 2);
        QCOMPARE(v->items[0].metadata.value(QStringLiteral("text")).toString(), QStringLiteral("soup"));
        QCOMPARE(v->metadataFilesRead, 1);
        // The missing file is reported; the item keeps its inline metadata.
        QCOMPARE(v->items[1].metadata.value(QStringLiteral("category")).toString(), QStringLiteral("tools"));
        QCOMPARE(v->problems.size(), 1);
        QCOMPARE(v->problems[0].itemId, QStringLiteral("b"));
        QVERIFY(v->problems[0].message.contains(QStringLiteral("missing")));
    }

    void badItemsAreReportedAndSkipped()
    {
        QTemporaryDir dir;
        QJsonArray items{item(QStringLiteral("ok"), {1, 2, 3}, {}),
                         item(QStringLiteral("short"), {1, 2}, {}),
                         item(QStringLiteral("text"), {1, QStringLiteral("x"), 3}, {}),
                         item(QString(), {1, 2, 3}, {}),
                         item(QStringLiteral("ok"), {4, 5, 6}, {}),
                         item(QStringLiteral("escape"), {1, 2, 3}, {}, QStringLiteral("../../etc/passwd")),
                         QJsonValue(42)};
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.json")), index(items)));
        Result<formats::VectraFolder> v = formats::readVectraFolder(dir.path());
        QVERIFY(v.ok());
        QCOMPARE(v->items.size(), 2); // "ok" (the first) and "escape" with its inline metadata
        QCOMPARE(v->items[0].vector, (QVector<float>{1, 2, 3}));
        QCOMPARE(v->problems.size(), 6);
    }

    void sharedMetadataFileOfOldVectraIsNotTrusted()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("shared.json")), R"({"text":"belongs to nobody"})"));
        QVERIFY(writeFile(
            dir.filePath(QStringLiteral("index.json")),
            index({item(QStringLiteral("a"), {1, 0}, {{QStringLiteral("k"), 1}}, QStringLiteral("shared.json")),
                   item(QStringLiteral("b"), {0, 1}, {{QStringLiteral("k"), 2}}, QStringLiteral("shared.json"))})));
        Result<formats::VectraFolder> v = formats::readVectraFolder(dir.path());
        QVERIFY(v.ok());
        QCOMPARE(v->items.size(), 2);
        QCOMPARE(v->items[1].metadata.value(QStringLiteral("k")).toInt(), 2);
        QCOMPARE(v->metadataFilesRead, 0);
        QCOMPARE(v->problems.size(), 2);
    }

    void writeThenReadKeepsIdsVectorsAndMetadata_data()
    {
        QTest::addColumn<QStringList>("indexed");
        QTest::newRow("no indexed keys") << QStringList();
        QTest::newRow("lang indexed") << QStringList{QStringLiteral("lang")};
    }
    void writeThenReadKeepsIdsVectorsAndMetadata()
    {
        QFETCH(QStringList, indexed);
        QList<Item> items;
        for (int i = 0; i < 50; ++i)
            items.append(
                Item{QStringLiteral("id-%1").arg(i),
                     {float(i) * 0.25f, -1.5f, 3.0e-7f, 1e6f},
                     i % 3 ? QJsonObject{{QStringLiteral("lang"), QStringLiteral("en")}, {QStringLiteral("n"), i}}
                           : QJsonObject{{QStringLiteral("lang"), QStringLiteral("de")}}});
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("out"));
        QVERIFY(!formats::writeVectraFolder(folder, items, indexed));
        QVERIFY(formats::writeVectraFolder(folder, items, indexed)); // never over an existing index
        Result<formats::VectraFolder> v = formats::readVectraFolder(folder);
        QVERIFY2(v.ok(), qPrintable(v.error().message()));
        QVERIFY(v->problems.isEmpty());
        QCOMPARE(v->items.size(), items.size());
        for (int i = 0; i < items.size(); ++i) {
            QCOMPARE(v->items[i].id, items[i].id);
            QCOMPARE(v->items[i].vector, items[i].vector); // float -> double -> float is exact
            QCOMPARE(v->items[i].metadata, items[i].metadata);
        }
        // With lang indexed, only items with other keys get a metadata file.
        QCOMPARE(v->metadataFilesRead, indexed.isEmpty() ? 0 : 33);
    }

    void notVectraOrProtobufOrBrokenJson()
    {
        QTemporaryDir dir;
        QVERIFY(!formats::isVectraFolder(dir.path()));
        QCOMPARE(formats::readVectraFolder(dir.path()).error().code(), ErrorCode::NotFound);
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.pb")), "\x0a\x00"));
        QVERIFY(formats::isVectraFolder(dir.path()));
        QCOMPARE(formats::readVectraFolder(dir.path()).error().code(), ErrorCode::UnsupportedFormat);
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.json")), R"({"version":1,"items":[)"));
        Result<formats::VectraFolder> broken = formats::readVectraFolder(dir.path());
        QCOMPARE(broken.error().code(), ErrorCode::MalformedInput);
        QVERIFY(broken.error().message().contains(QStringLiteral("at byte")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.json")), index({})));
        formats::VectraLimits tiny;
        tiny.maxIndexBytes = 10;
        QCOMPARE(formats::readVectraFolder(dir.path(), tiny).error().code(), ErrorCode::MalformedInput);
        Result<formats::VectraFolder> empty = formats::readVectraFolder(dir.path());
        QVERIFY(empty.ok());
        QVERIFY(empty->hasProtobufIndex);
        QVERIFY(empty->items.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVectra)
#include "tst_vectra.moc"
