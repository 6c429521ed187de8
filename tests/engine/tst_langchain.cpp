// LangChain.js HNSWLib folders: hnswlib.index files written by hnswlib
// itself (the one test that includes hnswlib.h), with args.json and
// docstore.json written as LangChain.js writes them; then read back by
// Sextant's own parser, and refused when their sizes lie.

#include "VectorFileTestSupport.h"

#include "formats/HnswlibIndexFile.h"
#include "formats/LangChainFolder.h"

#include <hnswlib/hnswlib.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace sextant;
using namespace sextant::formats;
using namespace vectorfiles;

namespace {

constexpr int kDimensions = 8;

quint64 labelOf(int i) { return 1000 + 3 * quint64(i); }

struct Fixture {
    QList<QVector<float>> vectors; // by element
    QList<quint64> labels;
    quint64 deletedLabel = 0;
};

// Builds an index of `count` vectors with hnswlib, deletes one, saves it.
template <typename Space>
Fixture writeIndex(const QString &path, int count, bool normalise)
{
    Fixture f;
    Space space(kDimensions);
    hnswlib::HierarchicalNSW<float> index(&space, size_t(count) + 5, 4 /* M: small, so that upper levels appear */, 50);
    QRandomGenerator rng(42);
    for (int i = 0; i < count; ++i) {
        QVector<float> v(kDimensions);
        double norm = 0;
        for (float &x : v) {
            x = float(rng.generateDouble() * 2 - 1);
            norm += double(x) * x;
        }
        if (normalise)
            for (float &x : v)
                x = float(x / std::sqrt(norm));
        index.addPoint(v.constData(), labelOf(i));
        f.vectors.append(v);
        f.labels.append(labelOf(i));
    }
    if (count > 5) {
        f.deletedLabel = labelOf(5);
        index.markDelete(f.deletedLabel);
    }
    index.saveIndex(path.toStdString());
    return f;
}

QJsonArray docstorePair(quint64 label, const QString &text, const QJsonObject &metadata)
{
    return QJsonArray{QString::number(label),
                      QJsonObject{{QStringLiteral("pageContent"), text}, {QStringLiteral("metadata"), metadata}}};
}

bool writeJson(const QString &path, const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return writeFile(path, doc.toJson(QJsonDocument::Compact));
}

bool writeArgs(const QString &folder, const QString &space, const QJsonValue &dimensions = kDimensions)
{
    return writeJson(folder + QStringLiteral("/args.json"),
                     QJsonObject{{QStringLiteral("space"), space}, {QStringLiteral("numDimensions"), dimensions}});
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void putU64(QByteArray &b, qsizetype at, quint64 v) { qToLittleEndian(v, b.data() + at); }
void putU32(QByteArray &b, qsizetype at, quint32 v) { qToLittleEndian(v, b.data() + at); }
quint64 getU64(const QByteArray &b, qsizetype at) { return qFromLittleEndian<quint64>(b.constData() + at); }

} // namespace

class TestLangChain : public QObject {
    Q_OBJECT

private slots:
    void l2FolderReadsLiveElementsWithTheirDocuments()
    {
        QTemporaryDir dir;
        const QString folder = dir.path();
        const Fixture f = writeIndex<hnswlib::L2Space>(folder + QStringLiteral("/hnswlib.index"), 30, false);
        const quint64 undocumented = labelOf(7);
        QJsonArray docstore;
        for (int i = 0; i < 30; ++i) {
            if (f.labels[i] == undocumented) continue;
            QJsonObject metadata{{QStringLiteral("source"), QStringLiteral("doc-%1.md").arg(i)},
                                 {QStringLiteral("page"), i}};
            if (i == 9) metadata.insert(QStringLiteral("text"), QStringLiteral("replaced by pageContent"));
            docstore.append(docstorePair(f.labels[i], QStringLiteral("Text of %1").arg(i), metadata));
        }
        docstore.append(docstorePair(99999, QStringLiteral("orphan"), {}));
        QVERIFY(writeJson(folder + QStringLiteral("/docstore.json"), docstore));
        QVERIFY(writeArgs(folder, QStringLiteral("l2")));

        QCOMPARE(detectSourceFormat(folder), SourceFormat::LangChain);
        QCOMPARE(detectSourceFormat(folder + QStringLiteral("/hnswlib.index")), SourceFormat::LangChain);
        auto source = openVectorSource(folder);
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        const SourceShape shape = (*source)->shape();
        QCOMPARE((*source)->format(), SourceFormat::LangChain);
        QCOMPARE(shape.metric, std::optional<Metric>(Metric::L2));
        QCOMPARE(shape.dimensions, kDimensions);
        QCOMPARE(shape.items, 29);
        const QString notes = shape.notes.join(u' ');
        QVERIFY2(notes.contains(QStringLiteral("1 elements of hnswlib.index are marked deleted")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("2 documents of docstore.json have no live vector")),
                 qPrintable(notes)); // the deleted one's and the orphan
        QVERIFY2(notes.contains(QStringLiteral("1 documents had a \"text\" key")), qPrintable(notes));

        Drained d = drain(**source, 7);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 29);
        QCOMPARE(d.problems.size(), 1);
        QCOMPARE(d.problems[0].where, QStringLiteral("label %1").arg(undocumented));
        QCOMPARE(d.problems[0].itemId, QString::number(undocumented));
        // hnswlib keeps elements in insertion order; the deleted one is skipped.
        qsizetype k = 0;
        for (int i = 0; i < 30; ++i) {
            if (f.labels[i] == f.deletedLabel) continue;
            const Item &item = d.items[k++];
            QCOMPARE(item.id, QString::number(f.labels[i]));
            QVERIFY(sameBits(item.vector, f.vectors[i]));
            if (f.labels[i] == undocumented) {
                QVERIFY(item.metadata.isEmpty());
                continue;
            }
            QCOMPARE(item.metadata.value(QStringLiteral("text")).toString(), QStringLiteral("Text of %1").arg(i));
            QCOMPARE(item.metadata.value(QStringLiteral("source")).toString(), QStringLiteral("doc-%1.md").arg(i));
            QCOMPARE(item.metadata.value(QStringLiteral("page")).toInt(), i);
        }
        QCOMPARE((*source)->bytesDone(), (*source)->bytesTotal());
    }

    void ourParserAgreesWithHnswlibOnAValidFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hnswlib.index"));
        const Fixture f = writeIndex<hnswlib::L2Space>(path, 200, false);
        const QByteArray bytes = readBytes(path);
        Result<HnswlibIndexLayout> layout = parseHnswlibIndex(bytes, kDimensions);
        QVERIFY2(layout.ok(), qPrintable(layout.error().message()));
        QCOMPARE(layout->elementCount, 200u);
        QCOMPARE(layout->maxElements, 205u);
        QCOMPARE(layout->m, 4u);
        QCOMPARE(layout->maxM0, 8u);
        QVERIFY(layout->maxLevel >= 1); // the file has upper-level link lists to walk
        hnswlib::L2Space space(kDimensions);
        hnswlib::HierarchicalNSW<float> loaded(&space, path.toStdString());
        QVector<float> ours(kDimensions);
        int deleted = 0;
        for (quint64 i = 0; i < layout->elementCount; ++i) {
            const quint64 label = hnswlibLabel(bytes, *layout, i);
            QCOMPARE(label, f.labels[int(i)]);
            if (hnswlibIsDeleted(bytes, *layout, i)) {
                ++deleted;
                QCOMPARE(label, f.deletedLabel);
                continue;
            }
            hnswlibVector(bytes, *layout, i, ours.data());
            const std::vector<float> theirs = loaded.getDataByLabel<float>(label);
            QVERIFY(sameBits(ours, QVector<float>(theirs.begin(), theirs.end())));
        }
        QCOMPARE(deleted, 1);
    }

    void cosineAndIpSpacesAndTheOlderObjectDocstore()
    {
        QTemporaryDir dir;
        const QString folder = dir.path();
        const Fixture f = writeIndex<hnswlib::InnerProductSpace>(folder + QStringLiteral("/hnswlib.index"), 4, true);
        QVERIFY(writeArgs(folder, QStringLiteral("cosine")));
        QJsonObject byLabel;
        for (quint64 label : f.labels)
            byLabel.insert(QString::number(label),
                           QJsonObject{{QStringLiteral("pageContent"), QStringLiteral("t%1").arg(label)},
                                       {QStringLiteral("metadata"), QJsonObject{}}});
        QVERIFY(writeJson(folder + QStringLiteral("/docstore.json"), byLabel));
        auto source = openVectorSource(folder);
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        QCOMPARE((*source)->shape().metric, std::optional<Metric>(Metric::Cosine));
        Drained d = drain(**source);
        QVERIFY(d.problems.isEmpty());
        QCOMPARE(d.items.size(), 4); // no deletion with 4 elements
        QCOMPARE(d.items[2].metadata.value(QStringLiteral("text")).toString(), QStringLiteral("t%1").arg(f.labels[2]));
        QVERIFY(sameBits(d.items[2].vector, f.vectors[2]));

        QVERIFY(writeArgs(folder, QStringLiteral("ip")));
        source = openVectorSource(folder, SourceFormat::LangChain);
        QVERIFY(source.ok());
        QCOMPARE((*source)->shape().metric, std::optional<Metric>(Metric::Dot));
    }

    void withoutDocstoreTheVectorsStillCome()
    {
        QTemporaryDir dir;
        writeIndex<hnswlib::L2Space>(dir.filePath(QStringLiteral("hnswlib.index")), 3, false);
        QVERIFY(writeArgs(dir.path(), QStringLiteral("l2")));
        auto source = openVectorSource(dir.path());
        QVERIFY(source.ok());
        QVERIFY((*source)->shape().notes.join(u' ').contains(QStringLiteral("no docstore.json")));
        Drained d = drain(**source);
        QCOMPARE(d.items.size(), 3);
        QVERIFY(d.problems.isEmpty()); // said once in the notes, not per item
        QVERIFY(d.items[0].metadata.isEmpty());
    }

    void emptyIndex()
    {
        QTemporaryDir dir;
        writeIndex<hnswlib::L2Space>(dir.filePath(QStringLiteral("hnswlib.index")), 0, false);
        QVERIFY(writeArgs(dir.path(), QStringLiteral("l2")));
        QVERIFY(writeJson(dir.filePath(QStringLiteral("docstore.json")), QJsonArray{}));
        auto source = openVectorSource(dir.path());
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        QCOMPARE((*source)->shape().items, 0);
        QVERIFY(drain(**source).items.isEmpty());
    }

    void badArgs_data()
    {
        QTest::addColumn<QByteArray>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        const int m = int(ErrorCode::MalformedInput);
        QTest::newRow("unknown space") << QByteArray(R"({"space":"hamming","numDimensions":8})") << m
                                       << QStringLiteral("\"hamming\"");
        QTest::newRow("no space") << QByteArray(R"({"numDimensions":8})") << m << QStringLiteral("missing");
        QTest::newRow("space not a string")
            << QByteArray(R"({"space":3,"numDimensions":8})") << m << QStringLiteral("another type");
        QTest::newRow("no dimensions") << QByteArray(R"({"space":"l2"})") << m << QStringLiteral("numDimensions");
        QTest::newRow("fractional dimensions")
            << QByteArray(R"({"space":"l2","numDimensions":7.5})") << m << QStringLiteral("whole number");
        QTest::newRow("string dimensions")
            << QByteArray(R"({"space":"l2","numDimensions":"8"})") << m << QStringLiteral("whole number");
        QTest::newRow("other dimensions") << QByteArray(R"({"space":"l2","numDimensions":9})")
                                          << int(ErrorCode::DimensionMismatch) << QStringLiteral("numDimensions 9");
        QTest::newRow("not an object") << QByteArray("[1]") << m << QStringLiteral("not a JSON object");
        QTest::newRow("not JSON") << QByteArray("{space") << m << QStringLiteral("not valid JSON");
    }
    void badArgs()
    {
        QFETCH(QByteArray, args);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        writeIndex<hnswlib::L2Space>(dir.filePath(QStringLiteral("hnswlib.index")), 3, false);
        QVERIFY(writeFile(dir.filePath(QStringLiteral("args.json")), args));
        auto source = openVectorSource(dir.path());
        QVERIFY(!source.ok());
        QCOMPARE(int(source.error().code()), code);
        QVERIFY2(source.error().message().contains(fragment), qPrintable(source.error().message()));
    }

    void badDocstores()
    {
        QTemporaryDir dir;
        const QString folder = dir.path();
        const Fixture f = writeIndex<hnswlib::L2Space>(folder + QStringLiteral("/hnswlib.index"), 3, false);
        QVERIFY(writeArgs(folder, QStringLiteral("l2")));
        const QString docstore = folder + QStringLiteral("/docstore.json");

        QVERIFY(writeFile(docstore, "42"));
        auto source = openVectorSource(folder);
        QVERIFY(!source.ok());
        QVERIFY2(source.error().message().contains(QStringLiteral("not valid JSON")),
                 qPrintable(source.error().message())); // Qt reads only arrays and objects

        QVERIFY(writeFile(docstore, QByteArray(100, '[') + QByteArray(100, ']')));
        source = openVectorSource(folder);
        QVERIFY(!source.ok());
        QVERIFY(source.error().message().contains(QStringLiteral("more than 64 deep")));

        SourceOptions small;
        small.maxJsonBytes = 100;
        QVERIFY(writeFile(docstore, "[" + QByteArray(200, ' ') + "]"));
        source = openVectorSource(folder, SourceFormat::LangChain, small);
        QVERIFY(!source.ok());
        QVERIFY(source.error().message().contains(QStringLiteral("at most 100 bytes")));

        const QJsonArray entries{
            docstorePair(f.labels[0], QStringLiteral("zero"), {}),
            QJsonArray{QString::number(f.labels[1])},               // not a pair
            docstorePair(f.labels[0], QStringLiteral("again"), {}), // a second time
            QJsonArray{QStringLiteral("x1"), QJsonObject{}},        // not a label
            QJsonArray{QString::number(f.labels[2]),
                       QJsonObject{{QStringLiteral("pageContent"), QStringLiteral("two")},
                                   {QStringLiteral("metadata"), 5}}}, // metadata not an object
        };
        QVERIFY(writeJson(docstore, entries));
        source = openVectorSource(folder);
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        Drained d = drain(**source);
        QCOMPARE(d.items.size(), 3);
        QCOMPARE(d.items[0].metadata.value(QStringLiteral("text")).toString(), QStringLiteral("zero"));
        QCOMPARE(d.items[2].metadata, (QJsonObject{{QStringLiteral("text"), QStringLiteral("two")}}));
        QCOMPARE(wheres(d.problems),
                 QStringLiteral("docstore[1], docstore[2], docstore[3], docstore[4], label %1").arg(f.labels[1]));
    }

    void sizeArithmeticLies_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("one byte short") << QStringLiteral("truncate-1") << QStringLiteral("run past the end");
        QTest::newRow("cut in the blocks") << QStringLiteral("truncate-300") << QStringLiteral("do not fit");
        QTest::newRow("cut in the header") << QStringLiteral("truncate-header") << QStringLiteral("fewer than the 96");
        QTest::newRow("a byte too many") << QStringLiteral("append") << QStringLiteral("1 bytes follow");
        QTest::newRow("huge element count") << QStringLiteral("count-huge") << QStringLiteral("in room for");
        QTest::newRow("count over max_elements") << QStringLiteral("count-over-max") << QStringLiteral("in room for");
        QTest::newRow("count and max huge") << QStringLiteral("count-and-max-huge") << QStringLiteral("do not fit");
        QTest::newRow("size_data_per_element")
            << QStringLiteral("size-data") << QStringLiteral("size_data_per_element");
        QTest::newRow("label_offset") << QStringLiteral("label-offset") << QStringLiteral("size_data_per_element");
        QTest::newRow("label_offset unaligned") << QStringLiteral("label-offset-odd") << QStringLiteral("do not frame");
        QTest::newRow("offsetData") << QStringLiteral("offset-data") << QStringLiteral("offsetData");
        QTest::newRow("offsetLevel0") << QStringLiteral("offset-level0") << QStringLiteral("offsetLevel0");
        QTest::newRow("maxM0 zero") << QStringLiteral("maxm0-zero") << QStringLiteral("impossible");
        QTest::newRow("link list size") << QStringLiteral("linklist-huge") << QStringLiteral("upper-level links");
        QTest::newRow("link list too high") << QStringLiteral("linklist-levels") << QStringLiteral("top level");
        QTest::newRow("level-0 link count") << QStringLiteral("level0-count") << QStringLiteral("level-0 links");
        QTest::newRow("entry point") << QStringLiteral("enterpoint") << QStringLiteral("entry point");
    }
    void sizeArithmeticLies()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hnswlib.index"));
        writeIndex<hnswlib::L2Space>(path, 30, false);
        QVERIFY(writeArgs(dir.path(), QStringLiteral("l2")));
        QByteArray b = readBytes(path);
        QVERIFY(parseHnswlibIndex(b, kDimensions).ok());
        const quint64 count = getU64(b, 16), sizeData = getU64(b, 24);
        const qsizetype firstLinkList = qsizetype(96 + count * sizeData);
        if (mutation == u"truncate-1")
            b.chop(1);
        else if (mutation == u"truncate-300")
            b.truncate(300);
        else if (mutation == u"truncate-header")
            b.truncate(50);
        else if (mutation == u"append")
            b.append('\0');
        else if (mutation == u"count-huge")
            putU64(b, 16, quint64(1) << 60);
        else if (mutation == u"count-over-max")
            putU64(b, 16, getU64(b, 8) + 1);
        else if (mutation == u"count-and-max-huge") {
            putU64(b, 8, ~quint64(0));
            putU64(b, 16, ~quint64(0) / 2);
        } else if (mutation == u"size-data")
            putU64(b, 24, sizeData + 4);
        else if (mutation == u"label-offset")
            putU64(b, 32, getU64(b, 32) - 4);
        else if (mutation == u"label-offset-odd")
            putU64(b, 32, getU64(b, 32) + 1);
        else if (mutation == u"offset-data")
            putU64(b, 40, getU64(b, 40) + 4);
        else if (mutation == u"offset-level0")
            putU64(b, 0, 8);
        else if (mutation == u"maxm0-zero")
            putU64(b, 64, 0);
        else if (mutation == u"linklist-huge") {
            // Find an element with upper-level links and make its size lie.
            qsizetype at = firstLinkList;
            for (quint64 i = 0; i < count; ++i) {
                const quint32 n = qFromLittleEndian<quint32>(b.constData() + at);
                if (n > 0) break;
                at += 4;
            }
            putU32(b, at, 0xFFFFFFF0u - 0xFFFFFFF0u % 20); // whole levels of (maxM 4 + 1) * 4 bytes, far past the end
        } else if (mutation == u"linklist-levels") {
            putU32(b, 48, 0); // maxlevel 0, while elements have upper levels
        } else if (mutation == u"level0-count")
            putU32(b, 96, 0xFFFF);
        else if (mutation == u"enterpoint")
            putU32(b, 52, quint32(count));
        QVERIFY(writeFile(path, b));
        auto source = openVectorSource(dir.path());
        QVERIFY(!source.ok());
        QCOMPARE(source.error().code(), ErrorCode::MalformedInput);
        QVERIFY2(source.error().message().contains(fragment), qPrintable(source.error().message()));
        QVERIFY(source.error().message().contains(path));
    }

    void dimensionsOfTheFileMustMatchArgs()
    {
        QTemporaryDir dir;
        writeIndex<hnswlib::L2Space>(dir.filePath(QStringLiteral("hnswlib.index")), 3, false);
        QVERIFY(writeArgs(dir.path(), QStringLiteral("l2"), 4));
        auto source = openVectorSource(dir.path());
        QVERIFY(!source.ok());
        QCOMPARE(source.error().code(), ErrorCode::DimensionMismatch);
        QVERIFY(source.error().message().contains(QStringLiteral("8 dimensions")));
    }

    void nonFiniteVectorsAreProblems()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hnswlib.index"));
        writeIndex<hnswlib::L2Space>(path, 3, false);
        QVERIFY(writeArgs(dir.path(), QStringLiteral("l2")));
        QByteArray b = readBytes(path);
        const Result<HnswlibIndexLayout> layout = parseHnswlibIndex(b);
        QVERIFY(layout.ok());
        const float nan = std::numeric_limits<float>::quiet_NaN();
        std::memcpy(b.data() + 96 + layout->sizeDataPerElement + layout->offsetData, &nan, 4); // element 1, value 0
        QVERIFY(writeFile(path, b));
        Drained d = drainPath(dir.path());
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 2);
        QCOMPARE(d.problems.size(), 1);
        QCOMPARE(d.problems[0].where, QStringLiteral("label %1").arg(labelOf(1)));
        QVERIFY(d.problems[0].message.contains(QStringLiteral("NaN")));
    }
};

QTEST_GUILESS_MAIN(TestLangChain)
#include "tst_langchain.moc"
