// The vector file sources of engine/io (VectorSource.h): format names and
// detection, then each format on files the tests write: a valid file read
// back exactly, and every way the reader refuses or skips bad input.

#include "VectorFileTestSupport.h"

#include "formats/CsvFile.h"
#include "formats/JsonFileReader.h"
#include "sextant/JsonLines.h"
#include "sextant/NumpyFile.h"
#include "formats/VecsFile.h"
#include "formats/VectraFolder.h"
#include "formats/VectraSource.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <cfloat>
#include <cmath>

using namespace sextant;
using namespace sextant::formats;
using namespace vectorfiles;

namespace {

QVector<float> randomVector(QRandomGenerator &rng, int dimensions)
{
    QVector<float> v(dimensions);
    for (float &x : v)
        x = float(rng.generateDouble() * 2 - 1) * 1e3f / float(1 + rng.bounded(1000));
    return v;
}

// A .npy file with a hand-written header dict and raw data.
QByteArray npyFile(const QByteArray &dict, const QByteArray &data, int major = 1)
{
    QByteArray header = dict + '\n';
    QByteArray out("\x93NUMPY", 6);
    out.append(char(major));
    out.append(char(0));
    if (major == 1) {
        const quint16 n = qToLittleEndian(quint16(header.size()));
        out.append(reinterpret_cast<const char *>(&n), 2);
    } else {
        const quint32 n = qToLittleEndian(quint32(header.size()));
        out.append(reinterpret_cast<const char *>(&n), 4);
    }
    return out + header + data;
}

QByteArray floatBytes(std::initializer_list<float> values)
{
    QByteArray out;
    for (float v : values) {
        const quint32 bits = qToLittleEndian(std::bit_cast<quint32>(v));
        out.append(reinterpret_cast<const char *>(&bits), 4);
    }
    return out;
}

QByteArray fvecsRecord(const QVector<float> &v, std::optional<qint32> claimedDimensions = std::nullopt)
{
    const qint32 d = qToLittleEndian(claimedDimensions.value_or(qint32(v.size())));
    QByteArray out(reinterpret_cast<const char *>(&d), 4);
    for (float x : v) {
        const quint32 bits = qToLittleEndian(std::bit_cast<quint32>(x));
        out.append(reinterpret_cast<const char *>(&bits), 4);
    }
    return out;
}

bool hasProblem(const Drained &d, const QString &where, const QString &fragment)
{
    for (const SourceProblem &p : d.problems)
        if (p.where == where && p.message.contains(fragment, Qt::CaseInsensitive)) return true;
    return false;
}

// The first Python that has NumPy (a pyenv python3 may shadow the
// system's), or empty.
QString pythonWithNumpy()
{
    for (const QString &candidate : {QStringLiteral("python3"), QStringLiteral("/usr/bin/python3")}) {
        QProcess probe;
        probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import numpy")});
        if (probe.waitForFinished(30000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return candidate;
    }
    return {};
}

} // namespace

class TestVectorFiles : public QObject {
    Q_OBJECT

private slots:
    // ---- names and detection -------------------------------------------------

    void formatNamesRoundTrip()
    {
        const QList<SourceFormat> all{SourceFormat::Auto,      SourceFormat::Vectra, SourceFormat::LangChain,
                                      SourceFormat::JsonLines, SourceFormat::Csv,    SourceFormat::Npy,
                                      SourceFormat::Fvecs,     SourceFormat::Bvecs};
        const QStringList names{QStringLiteral("auto"),  QStringLiteral("vectra"), QStringLiteral("langchain"),
                                QStringLiteral("jsonl"), QStringLiteral("csv"),    QStringLiteral("npy"),
                                QStringLiteral("fvecs"), QStringLiteral("bvecs")};
        for (qsizetype i = 0; i < all.size(); ++i) {
            QCOMPARE(sourceFormatName(all[i]), names[i]);
            QCOMPARE(sourceFormatFromName(names[i]), std::optional<SourceFormat>(all[i]));
        }
        QCOMPARE(sourceFormatFromName(QStringLiteral("json-lines")), std::nullopt);
        QCOMPARE(sourceFormatFromName(QStringLiteral("CSV")), std::nullopt);
        QCOMPARE(sourceFormatFromName(QString()), std::nullopt);
    }

    void detectionByFolderExtensionAndMagic()
    {
        QTemporaryDir dir;
        auto path = [&](const QString &name) { return dir.filePath(name); };
        QDir(dir.path()).mkdir(QStringLiteral("vectra"));
        QVERIFY(writeFile(path(QStringLiteral("vectra/index.json")), R"({"items":[]})"));
        QDir(dir.path()).mkdir(QStringLiteral("pb"));
        QVERIFY(writeFile(path(QStringLiteral("pb/index.pb")), "x"));
        QDir(dir.path()).mkdir(QStringLiteral("lc"));
        QVERIFY(writeFile(path(QStringLiteral("lc/hnswlib.index")), "x"));
        QVERIFY(writeFile(path(QStringLiteral("lc/args.json")), "{}"));
        QDir(dir.path()).mkdir(QStringLiteral("half"));
        QVERIFY(writeFile(path(QStringLiteral("half/hnswlib.index")), "x")); // no args.json
        QDir(dir.path()).mkdir(QStringLiteral("empty"));
        for (const char *name : {"a.jsonl", "a.NDJSON", "a.csv", "a.tsv", "a.npy", "a.fvecs", "a.bvecs", "a.txt"})
            QVERIFY(writeFile(path(QString::fromLatin1(name)), "1"));
        QVERIFY(writeFile(path(QStringLiteral("disguised.bin")), NpyWriter::header(0, 3)));

        QCOMPARE(detectSourceFormat(path(QStringLiteral("vectra"))), SourceFormat::Vectra);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("vectra/index.json"))), SourceFormat::Vectra);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("pb"))), SourceFormat::Vectra);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("lc"))), SourceFormat::LangChain);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("lc/hnswlib.index"))), SourceFormat::LangChain);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("half"))), SourceFormat::Auto);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("empty"))), SourceFormat::Auto);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("a.jsonl"))), SourceFormat::JsonLines);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("a.NDJSON"))), SourceFormat::JsonLines);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("a.csv"))), SourceFormat::Csv);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("a.tsv"))), SourceFormat::Csv);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("a.npy"))), SourceFormat::Npy);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("a.fvecs"))), SourceFormat::Fvecs);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("a.bvecs"))), SourceFormat::Bvecs);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("a.txt"))), SourceFormat::Auto);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("disguised.bin"))), SourceFormat::Npy);
        QCOMPARE(detectSourceFormat(path(QStringLiteral("missing.jsonl"))), SourceFormat::Auto);

        auto unknown = openVectorSource(path(QStringLiteral("a.txt")));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code(), ErrorCode::UnsupportedFormat);
        auto missing = openVectorSource(path(QStringLiteral("missing.jsonl")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        auto folderAsFile = openVectorSource(path(QStringLiteral("empty")), SourceFormat::Csv);
        QVERIFY(!folderAsFile.ok());
        QCOMPARE(folderAsFile.error().code(), ErrorCode::InvalidArgument);
    }

    void generatedIdsUseTheBaseNameOrThePrefix()
    {
        QCOMPARE(generatedIdPrefix(QStringLiteral("/data/sift_base.fvecs"), {}), QStringLiteral("sift_base:"));
        QCOMPARE(generatedIdPrefix(QStringLiteral("/data/emb.v2.npy"), {}), QStringLiteral("emb.v2:"));
        SourceOptions options;
        options.idPrefix = QStringLiteral("doc-");
        QCOMPARE(generatedIdPrefix(QStringLiteral("/data/x.npy"), options), QStringLiteral("doc-"));
    }

    // ---- JSON Lines ----------------------------------------------------------

    void jsonLinesRoundTrip()
    {
        QRandomGenerator rng(7);
        QList<Item> items;
        QByteArray bytes;
        for (int i = 0; i < 10; ++i) {
            items.append(Item{QStringLiteral("doc-%1").arg(i), randomVector(rng, 5),
                              QJsonObject{{QStringLiteral("n"), i}, {QStringLiteral("t"), QStringLiteral("ü \"q\"")}}});
            appendJsonLine(bytes, items.last());
            if (i == 4) bytes += "   \r\n\n"; // blank lines are skipped silently
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.jsonl"));
        QVERIFY(writeFile(path, bytes));
        auto source = openVectorSource(path);
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        QCOMPARE((*source)->format(), SourceFormat::JsonLines);
        QCOMPARE((*source)->shape().dimensions, 5);
        QCOMPARE((*source)->shape().items, -1);
        QVERIFY(!(*source)->shape().metric);
        QCOMPARE((*source)->bytesTotal(), bytes.size());
        Drained d = drain(**source, 4);
        QVERIFY(d.error.ok());
        QVERIFY2(d.problems.isEmpty(), qPrintable(wheres(d.problems)));
        QCOMPARE(d.items.size(), items.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            QCOMPARE(d.items[i].id, items[i].id);
            QVERIFY(sameBits(d.items[i].vector, items[i].vector));
            QCOMPARE(d.items[i].metadata, items[i].metadata);
        }
        QCOMPARE((*source)->bytesDone(), bytes.size());
        // The end stays the end.
        auto again = (*source)->next(5);
        QVERIFY(again.ok() && again->isEmpty());
        auto zero = (*source)->next(0);
        QCOMPARE(zero.error().code(), ErrorCode::InvalidArgument);
    }

    void jsonLinesBadLinesAreProblems()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.jsonl"));
        QVERIFY(writeFile(path, "not json\n"                             // 1
                                "{\"id\":\"a\",\"vector\":[1,2,3]}\n"    // 2
                                "{\"id\":\"b\",\"vector\":[1,2]}\n"      // 3: wrong length
                                "{\"id\":\"a\",\"vector\":[4,5,6]}\n"    // 4: duplicate
                                "{\"id\":\"c\",\"vector\":[1,NaN,3]}\n"  // 5: NaN
                                "{\"id\":\"\",\"vector\":[1,2,3]}\n"     // 6: empty id
                                "{\"id\":\"d\",\"vector\":[1,2,3e39]}\n" // 7: beyond float
                                "{\"id\":\"e\",\"vector\":[7,8,9]}"));   // 8: no final newline
        auto source = openVectorSource(path);
        QVERIFY(source.ok());
        QCOMPARE((*source)->shape().dimensions, 3); // known at open although line 1 is bad
        Drained d = drain(**source);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 2);
        QCOMPARE(d.items[0].id, QStringLiteral("a"));
        QCOMPARE(d.items[0].vector, (QVector<float>{1, 2, 3}));
        QCOMPARE(d.items[1].id, QStringLiteral("e"));
        QCOMPARE(wheres(d.problems), QStringLiteral("line 1, line 3, line 4, line 5, line 6, line 7"));
        QVERIFY(hasProblem(d, QStringLiteral("line 3"), QStringLiteral("first vector has 3")));
        QVERIFY(hasProblem(d, QStringLiteral("line 4"), QStringLiteral("appeared before")));
        QCOMPARE(d.problems[2].itemId, QStringLiteral("a"));
        QVERIFY(hasProblem(d, QStringLiteral("line 5"), QStringLiteral("NaN")));
    }

    void jsonLinesLineTooLongStopsTheSource()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.jsonl"));
        QByteArray bytes = "{\"id\":\"a\",\"vector\":[1,2]}\n{\"id\":\"b\",\"vector\":[1,2],\"metadata\":{\"t\":\"";
        bytes += QByteArray(300, 'x') + "\"}}\n{\"id\":\"c\",\"vector\":[1,2]}\n";
        QVERIFY(writeFile(path, bytes));
        SourceOptions options;
        options.maxLineBytes = 100;
        auto source = openVectorSource(path, SourceFormat::Auto, options);
        QVERIFY(source.ok());
        auto first = (*source)->next(10);
        QVERIFY(first.ok()); // what came before the error is delivered
        QCOMPARE(first->size(), 1);
        auto second = (*source)->next(10);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code(), ErrorCode::MalformedInput);
        QVERIFY(second.error().message().contains(QStringLiteral("Line 2")));
        QVERIFY(second.error().message().contains(path));
        QCOMPARE((*source)->next(10).error().message(), second.error().message()); // stays stopped
    }

    void jsonLinesAcrossReadChunks()
    {
        // The reader takes 1 MiB at a time: lines cross chunk boundaries,
        // and one line is longer than two chunks.
        QByteArray bytes;
        QList<Item> items;
        for (int i = 0; i < 20000; ++i) {
            items.append(Item{QStringLiteral("n%1").arg(i), {float(i), 0.5f}, {}});
            if (i == 7000) items.last().metadata.insert(QStringLiteral("long"), QString(2'500'000, u'x'));
            appendJsonLine(bytes, items.last());
        }
        QVERIFY(bytes.size() > 3 * 1024 * 1024);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.jsonl"));
        QVERIFY(writeFile(path, bytes));
        Drained d = drainPath(path);
        QVERIFY(d.error.ok());
        QVERIFY(d.problems.isEmpty());
        QCOMPARE(d.items.size(), items.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            QCOMPARE(d.items[i].id, items[i].id);
            QCOMPARE(d.items[i].vector, items[i].vector);
        }
        QCOMPARE(d.items[7000].metadata.value(QStringLiteral("long")).toString().size(), 2'500'000);
    }

    void jsonNestingIsCountedOutsideStrings()
    {
        QCOMPARE(findJsonNestingBeyond("{\"a\":\"[[[[{{{\"}", 1), -1);
        QCOMPARE(findJsonNestingBeyond("{\"a\":\"\\\"[[[[\"}", 1), -1); // an escaped quote does not end the string
        QCOMPARE(findJsonNestingBeyond("{\"a\":[[1]]}", 3), -1);
        QCOMPARE(findJsonNestingBeyond("{\"a\":[[1]]}", 2), 6); // the second "["
        QCOMPARE(findJsonNestingBeyond("]]]][", 1), -1);        // stray closers do not go below zero
    }

    void jsonLinesEmptyFileHasNoItems()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.jsonl"));
        QVERIFY(writeFile(path, ""));
        Drained d = drainPath(path);
        QVERIFY(d.error.ok());
        QVERIFY(d.items.isEmpty());
    }

    // ---- CSV -----------------------------------------------------------------

    void csvWithIdVectorAndQuotedMetadata()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.csv"));
        QVERIFY(writeFile(path, "\xEF\xBB\xBFid,title,embedding,note\r\n"
                                "a,\"Hello, world\",\"[0.5, -1, 3e-5]\",\"say \"\"hi\"\"\"\r\n"
                                "b,plain,\"[1,2,3]\",\"two\nlines\"\r\n"
                                "c,,\" [4 ,5, 6] \",\r\n"));
        auto source = openVectorSource(path);
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        QCOMPARE((*source)->format(), SourceFormat::Csv);
        QCOMPARE((*source)->shape().dimensions, 3);
        Drained d = drain(**source);
        QVERIFY(d.error.ok());
        QVERIFY2(d.problems.isEmpty(), qPrintable(d.problems.isEmpty() ? QString() : d.problems[0].message));
        QCOMPARE(d.items.size(), 3);
        QCOMPARE(d.items[0].id, QStringLiteral("a"));
        QVERIFY(sameBits(d.items[0].vector, QVector<float>{0.5f, -1.0f, 3e-5f}));
        QCOMPARE(d.items[0].metadata.value(QStringLiteral("title")).toString(), QStringLiteral("Hello, world"));
        QCOMPARE(d.items[0].metadata.value(QStringLiteral("note")).toString(), QStringLiteral("say \"hi\""));
        QCOMPARE(d.items[1].metadata.value(QStringLiteral("note")).toString(), QStringLiteral("two\nlines"));
        QCOMPARE(d.items[2].vector, (QVector<float>{4, 5, 6}));
        QVERIFY(d.items[2].metadata.isEmpty()); // empty cells are left out
        QCOMPARE((*source)->bytesDone(), (*source)->bytesTotal());
    }

    void csvNumberedColumnsInNumberOrderWithGeneratedIds()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("points.csv"));
        QVERIFY(writeFile(path, "v2,label,v0,v1\n3,x,1,2\n6, y ,4,+5\n"));
        Drained d = drainPath(path);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 2);
        QCOMPARE(d.items[0].id, QStringLiteral("points:0"));
        QCOMPARE(d.items[1].id, QStringLiteral("points:1"));
        QCOMPARE(d.items[0].vector, (QVector<float>{1, 2, 3}));
        QCOMPARE(d.items[1].vector, (QVector<float>{4, 5, 6}));
        QCOMPARE(d.items[1].metadata.value(QStringLiteral("label")).toString(),
                 QStringLiteral(" y ")); // strings as written

        SourceOptions options;
        options.idPrefix = QStringLiteral("p");
        Drained prefixed = drainPath(path, SourceFormat::Csv, options);
        QCOMPARE(prefixed.items.value(1).id, QStringLiteral("p1"));
    }

    void tsvWithDimColumnsFromOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.tsv"));
        QVERIFY(writeFile(path, "id\tdim_1\tdim_2\tcomment\nq\t0.25\t-0.5\thas, comma\n"));
        Drained d = drainPath(path);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 1);
        QCOMPARE(d.items[0].id, QStringLiteral("q"));
        QCOMPARE(d.items[0].vector, (QVector<float>{0.25f, -0.5f}));
        QCOMPARE(d.items[0].metadata.value(QStringLiteral("comment")).toString(), QStringLiteral("has, comma"));
    }

    void csvHeaderErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("header row");
        QTest::newRow("no vector column") << QByteArray("id,text\na,b\n") << QStringLiteral("no vector column");
        QTest::newRow("mixed prefixes") << QByteArray("v0,e1\n1,2\n") << QStringLiteral("two kinds");
        QTest::newRow("gap") << QByteArray("v0,v1,v3\n1,2,3\n") << QStringLiteral("skip or repeat");
        QTest::newRow("starts at 2") << QByteArray("v2,v3\n1,2\n") << QStringLiteral("from 0 or 1");
        QTest::newRow("duplicate name") << QByteArray("id,vector,id\n") << QStringLiteral("twice");
        QTest::newRow("two vector columns") << QByteArray("vector,embedding\n") << QStringLiteral("two vector columns");
        QTest::newRow("unnamed column") << QByteArray("id,,vector\n") << QStringLiteral("no name");
        QTest::newRow("bad quoting in header") << QByteArray("id,\"vec\"tor\n") << QStringLiteral("closing quote");
    }
    void csvHeaderErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.csv"));
        QVERIFY(writeFile(path, bytes));
        auto source = openVectorSource(path);
        QVERIFY(!source.ok());
        QCOMPARE(source.error().code(), ErrorCode::MalformedInput);
        QVERIFY2(source.error().message().contains(fragment, Qt::CaseInsensitive),
                 qPrintable(source.error().message()));
        QVERIFY(source.error().message().contains(path));
    }

    void csvBadRowsAreProblemsAndReadingGoesOn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.csv"));
        QVERIFY(writeFile(path, "id,v0,v1\n"   // row 1
                                "a,1,2\n"      // row 2
                                "b,1\n"        // row 3: too few fields
                                "c,1,x\n"      // row 4: not a number
                                "d,nan,1\n"    // row 5: NaN
                                "e,1e39,1\n"   // row 6: beyond float
                                "f,1,2\"3\n"   // row 7: quote inside unquoted field
                                "g,\"1\"2,3\n" // row 8: text after closing quote
                                "a,5,6\n"      // row 9: duplicate id
                                ",5,6\n"       // row 10: empty id
                                "h,1e-50,-0\n" // row 11: fine (underflow to 0)
                                "i,3,\"4\n")); // row 12: quote never closed
        Drained d = drainPath(path);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 2);
        QCOMPARE(d.items[0].id, QStringLiteral("a"));
        QCOMPARE(d.items[1].id, QStringLiteral("h"));
        QCOMPARE(d.items[1].vector[0], 0.0f);
        QCOMPARE(wheres(d.problems), QStringLiteral("row 3, row 4, row 5, row 6, row 7, row 8, row 9, row 10, row 12"));
        QVERIFY(hasProblem(d, QStringLiteral("row 3"), QStringLiteral("2 fields; the header has 3")));
        QVERIFY(hasProblem(d, QStringLiteral("row 4"), QStringLiteral("not a number")));
        QVERIFY(hasProblem(d, QStringLiteral("row 5"), QStringLiteral("NaN")));
        QVERIFY(hasProblem(d, QStringLiteral("row 6"), QStringLiteral("range")));
        QVERIFY(hasProblem(d, QStringLiteral("row 7"), QStringLiteral("inside an unquoted field")));
        QVERIFY(hasProblem(d, QStringLiteral("row 8"), QStringLiteral("follows the closing quote")));
        QVERIFY(hasProblem(d, QStringLiteral("row 9"), QStringLiteral("appeared before")));
        QVERIFY(hasProblem(d, QStringLiteral("row 12"), QStringLiteral("never closed")));
        QCOMPARE(d.problems[1].itemId, QStringLiteral("c"));
    }

    void csvJsonVectorProblems()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.csv"));
        QVERIFY(writeFile(path, "vector,id\n"
                                "\"[1,2]\",a\n"
                                "\"[1,2,3]\",b\n" // another length
                                "\"[1,NaN]\",c\n"
                                "\"1,2\",d\n"     // no brackets
                                "\"[1,2\",e\n"    // not closed
                                "\"[1,2] x\",f\n" // text after
                                "\"[]\",g\n"));   // empty
        Drained d = drainPath(path);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 1);
        QCOMPARE(wheres(d.problems), QStringLiteral("row 3, row 4, row 5, row 6, row 7, row 8"));
        QCOMPARE(d.problems[0].itemId, QStringLiteral("b")); // the id column comes after the vector, and is still named
        QVERIFY(hasProblem(d, QStringLiteral("row 4"), QStringLiteral("NaN")));
        QVERIFY(hasProblem(d, QStringLiteral("row 5"), QStringLiteral("not a JSON array")));
        QVERIFY(hasProblem(d, QStringLiteral("row 6"), QStringLiteral("not closed")));
        QVERIFY(hasProblem(d, QStringLiteral("row 7"), QStringLiteral("follows")));
    }

    void csvQuotedFieldBeyondTheRecordLimitStops()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.csv"));
        QByteArray bytes = "id,vector\na,\"[1]\"\nb,\"[2";
        for (int i = 0; i < 50; ++i)
            bytes += "\n,0";
        QVERIFY(writeFile(path, bytes));
        SourceOptions options;
        options.maxLineBytes = 64;
        auto source = openVectorSource(path, SourceFormat::Auto, options);
        QVERIFY(source.ok());
        Drained d = drain(**source);
        QCOMPARE(d.items.size(), 1);
        QCOMPARE(d.error.code(), ErrorCode::MalformedInput);
        QVERIFY2(d.error.message().contains(QStringLiteral("line 3")), qPrintable(d.error.message()));
    }

    void csvNumbers()
    {
        float v = -1;
        bool outOfRange = false;
        QVERIFY(parseCsvNumber("0.25", v));
        QCOMPARE(v, 0.25f);
        QVERIFY(parseCsvNumber(" -1e-3 ", v));
        QCOMPARE(v, -1e-3f);
        QVERIFY(parseCsvNumber("+.5", v));
        QCOMPARE(v, 0.5f);
        QVERIFY(parseCsvNumber("1e-50", v));
        QCOMPARE(v, 0.0f);
        QVERIFY(parseCsvNumber("1e-400", v));
        QCOMPARE(v, 0.0f);
        QVERIFY(parseCsvNumber("1.0e-40", v)); // a float subnormal
        QVERIFY(v > 0 && v < FLT_MIN);
        QVERIFY(parseCsvNumber("NaN", v));
        QVERIFY(std::isnan(v));
        QVERIFY(!parseCsvNumber("1e39", v, &outOfRange));
        QVERIFY(outOfRange);
        QVERIFY(!parseCsvNumber("abc", v, &outOfRange));
        QVERIFY(!outOfRange);
        QVERIFY(!parseCsvNumber("", v));
        QVERIFY(!parseCsvNumber("++1", v));
        QVERIFY(!parseCsvNumber("1 2", v));
    }

    // ---- NumPy ---------------------------------------------------------------

    void npyWriterThenReaderBitForBit()
    {
        QRandomGenerator rng(11);
        QList<QVector<float>> rows;
        for (int i = 0; i < 300; ++i)
            rows.append(randomVector(rng, 7));
        rows[3][2] = -0.0f;
        rows[4][0] = FLT_MIN / 4; // subnormal
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("emb.npy"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            NpyWriter writer(&file, rows.size(), 7);
            for (const QVector<float> &row : rows)
                QVERIFY(!writer.append(row));
            QVERIFY(!writer.finish());
            QCOMPARE(writer.rowsWritten(), rows.size());
        }
        const QByteArray header = NpyWriter::header(rows.size(), 7);
        QCOMPARE(header.size() % 64, 0);
        QVERIFY(header.endsWith('\n'));
        QCOMPARE(QFileInfo(path).size(), header.size() + qint64(rows.size()) * 7 * 4);

        auto source = openVectorSource(path);
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        QCOMPARE((*source)->format(), SourceFormat::Npy);
        QCOMPARE((*source)->shape().dimensions, 7);
        QCOMPARE((*source)->shape().items, rows.size());
        Drained d = drain(**source, 64);
        QVERIFY(d.error.ok());
        QVERIFY(d.problems.isEmpty());
        QCOMPARE(d.items.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(d.items[i].id, QStringLiteral("emb:%1").arg(i));
            QVERIFY2(sameBits(d.items[i].vector, rows[i]), qPrintable(QString::number(i)));
        }
        QCOMPARE((*source)->bytesDone(), (*source)->bytesTotal());

        Result<NpyHeader> parsed = parseNpyHeader(header);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->majorVersion, 1);
        QCOMPARE(parsed->shape, (QList<qint64>{300, 7}));
        QCOMPARE(parsed->dataOffset, header.size());
    }

    void npyWriterRefusesWrongUse()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        NpyWriter writer(&buffer, 2, 3);
        QCOMPARE(writer.append(QVector<float>{1, 2}).code(), ErrorCode::DimensionMismatch);
        QVERIFY(!writer.append(QVector<float>{1, 2, 3}));
        QCOMPARE(writer.finish().code(), ErrorCode::InvalidArgument); // one row missing
        QVERIFY(!writer.append(QVector<float>{4, 5, 6}));
        QCOMPARE(writer.append(QVector<float>{7, 8, 9}).code(), ErrorCode::InvalidArgument); // one too many
        QVERIFY(!writer.finish());

        NpyWriter bad(&buffer, 1, 0);
        QCOMPARE(bad.finish().code(), ErrorCode::InvalidArgument);

        QBuffer readOnly;
        readOnly.open(QIODevice::ReadOnly);
        NpyWriter cannotWrite(&readOnly, 1, 1);
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): ReadOnly device");
        QCOMPARE(cannotWrite.append(QVector<float>{1}).code(), ErrorCode::Io);
    }

    void npyWithZeroRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("none.npy"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        NpyWriter writer(&file, 0, 4);
        QVERIFY(!writer.finish());
        file.close();
        auto source = openVectorSource(path);
        QVERIFY(source.ok());
        QCOMPARE((*source)->shape().dimensions, 4);
        QCOMPARE((*source)->shape().items, 0);
        QVERIFY(drain(**source).items.isEmpty());
    }

    void npyOtherFloatTypesAndVersions()
    {
        QTemporaryDir dir;
        auto read = [&](const QByteArray &bytes) {
            const QString path = dir.filePath(QStringLiteral("x.npy"));
            writeFile(path, bytes);
            return drainPath(path);
        };
        // float64, with a value beyond float32 and a NaN row.
        QByteArray f8;
        for (double x : {0.1, -2.5, 1e300, 4.0, std::nan(""), 6.0, 7.0, 8.0}) {
            const quint64 bits = qToLittleEndian(std::bit_cast<quint64>(x));
            f8.append(reinterpret_cast<const char *>(&bits), 8);
        }
        Drained d = read(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (4, 2), }", f8));
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 2);
        QCOMPARE(d.items[0].vector, (QVector<float>{0.1f, -2.5f}));
        QCOMPARE(d.items[1].id, QStringLiteral("x:3"));
        QCOMPARE(wheres(d.problems), QStringLiteral("row 1, row 2"));
        QVERIFY(hasProblem(d, QStringLiteral("row 1"), QStringLiteral("range")));
        QVERIFY(hasProblem(d, QStringLiteral("row 2"), QStringLiteral("NaN")));

        // Big-endian float32, version 2.0, double quotes, Python 2 longs.
        QByteArray be;
        for (float x : {1.5f, -3.0f}) {
            const quint32 bits = qToBigEndian(std::bit_cast<quint32>(x));
            be.append(reinterpret_cast<const char *>(&bits), 4);
        }
        d = read(npyFile("{\"descr\": \">f4\", \"fortran_order\": False, \"shape\": (1L, 2L)}  ", be, 2));
        QVERIFY2(d.error.ok(), qPrintable(d.error.message()));
        QCOMPARE(d.items.value(0).vector, (QVector<float>{1.5f, -3.0f}));

        // float16, version 3.0.
        QByteArray f2;
        for (quint16 half : {quint16(0x3C00), quint16(0xC000), quint16(0x7C00)}) { // 1, -2, +inf
            const quint16 bits = qToLittleEndian(half);
            f2.append(reinterpret_cast<const char *>(&bits), 2);
        }
        d = read(npyFile("{'descr': '<f2', 'fortran_order': False, 'shape': (3, 1), }", f2, 3));
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 2);
        QCOMPARE(d.items[1].vector, (QVector<float>{-2.0f}));
        QVERIFY(hasProblem(d, QStringLiteral("row 2"), QStringLiteral("infinite")));

        // Fortran order is the same as C order when a side is 1.
        d = read(npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 3), }", floatBytes({1, 2, 3})));
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.value(0).vector, (QVector<float>{1, 2, 3}));

        // Bytes after the data: read, and said in the notes.
        const QString path = dir.filePath(QStringLiteral("extra.npy"));
        QVERIFY(writeFile(path,
                          npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1), }", floatBytes({1, 2}))));
        auto source = openVectorSource(path);
        QVERIFY(source.ok());
        QCOMPARE((*source)->shape().notes.size(), 1);
        QVERIFY((*source)->shape().notes[0].contains(QStringLiteral("4 bytes after")));
    }

    void npyRefusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        const auto m = int(ErrorCode::MalformedInput), u = int(ErrorCode::UnsupportedFormat);
        const QByteArray two = floatBytes({1, 2, 3, 4, 5, 6});
        QTest::newRow("no magic") << QByteArray("NUMPY\x01\x00") << m << QStringLiteral("magic");
        QTest::newRow("cut in the magic") << QByteArray("\x93NUM") << m << QStringLiteral("magic");
        QTest::newRow("cut in the length")
            << QByteArray("\x93NUMPY\x01\x00\x10", 9) << m << QStringLiteral("ends at byte 9");
        QTest::newRow("version 4") << npyFile("{}", {}, 4) << u << QStringLiteral("version 4.0");
        QTest::newRow("header past the end")
            << QByteArray("\x93NUMPY\x01\x00\xff\x00{'descr'", 18) << m << QStringLiteral("claims 255 bytes");
        QTest::newRow("header too long") << QByteArray("\x93NUMPY\x02\x00\x00\x00\x20\x00{", 13) << m
                                         << QStringLiteral("at most");
        QTest::newRow("int32") << npyFile("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }", two) << u
                               << QStringLiteral("'<i4'");
        QTest::newRow("structured") << npyFile("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }",
                                               two)
                                    << u << QStringLiteral("structured");
        QTest::newRow("fortran") << npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", two) << u
                                 << QStringLiteral("Fortran");
        QTest::newRow("1-D") << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (6,), }", two) << u
                             << QStringLiteral("(6,)");
        QTest::newRow("3-D") << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 3), }", two) << u
                             << QStringLiteral("(1, 2, 3)");
        QTest::newRow("0 dimensions") << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 0), }", {})
                                      << int(ErrorCode::DimensionMismatch) << QStringLiteral("0 dimensions");
        QTest::newRow("9000 dimensions") << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 9000), }",
                                                    {})
                                         << int(ErrorCode::DimensionMismatch) << QStringLiteral("9000 dimensions");
        QTest::newRow("truncated") << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 3), }", two) << m
                                   << QStringLiteral("truncated");
        QTest::newRow("rows overflow")
            << npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 8192), }", two) << m
            << QStringLiteral("truncated");
        QTest::newRow("shape entry too large")
            << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999, 2), }", two) << m
            << QStringLiteral("too large");
        QTest::newRow("unknown key") << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'x': 1}",
                                                two)
                                     << m << QStringLiteral("unknown key");
        QTest::newRow("missing shape") << npyFile("{'descr': '<f4', 'fortran_order': False}", two) << m
                                       << QStringLiteral("lacks 'shape'");
        QTest::newRow("repeated key")
            << npyFile("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)}", two) << m
            << QStringLiteral("twice");
        QTest::newRow("not a dict") << npyFile("('<f4', False, (2, 3))", two) << m << QStringLiteral("dict");
        QTest::newRow("unclosed") << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3", two) << m
                                  << QStringLiteral("expected");
        QTest::newRow("order not bool") << npyFile("{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 3)}", two) << m
                                        << QStringLiteral("True or False");
        QTest::newRow("negative shape") << npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (-2, 3)}", two)
                                        << m << QStringLiteral("non-negative");
    }
    void npyRefusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.npy"));
        QVERIFY(writeFile(path, bytes));
        auto source = openVectorSource(path, SourceFormat::Npy);
        QVERIFY(!source.ok());
        QCOMPARE(int(source.error().code()), code);
        QVERIFY2(source.error().message().contains(fragment), qPrintable(source.error().message()));
        QVERIFY(source.error().message().contains(path));
    }

    void npyReadsBackInNumPy()
    {
        const QString python = pythonWithNumpy();
        if (python.isEmpty()) QSKIP("python3 with numpy is not installed here");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("check.npy"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        NpyWriter writer(&file, 2, 3);
        QVERIFY(!writer.append(QVector<float>{0.1f, -2.0f, 3e-5f}));
        QVERIFY(!writer.append(QVector<float>{4.0f, 5.5f, -6.25f}));
        QVERIFY(!writer.finish());
        file.close();
        QProcess numpy;
        numpy.start(
            python,
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import sys, numpy as np\n"
                 "a = np.load(sys.argv[1])\n"
                 "assert a.dtype == np.float32 and a.shape == (2, 3) and a.flags['C_CONTIGUOUS'], (a.dtype, a.shape)\n"
                 "assert (a == np.array([[0.1, -2, 3e-5], [4, 5.5, -6.25]], dtype=np.float32)).all(), a\n"
                 "print('ok')\n"),
             path});
        QVERIFY(numpy.waitForFinished(30000));
        QVERIFY2(numpy.exitCode() == 0, numpy.readAllStandardError().constData());
        QCOMPARE(numpy.readAllStandardOutput().trimmed(), QByteArray("ok"));
    }

    void npyWrittenByNumPyReads()
    {
        const QString python = pythonWithNumpy();
        if (python.isEmpty()) QSKIP("python3 with numpy is not installed here");
        QTemporaryDir dir;
        QProcess numpy;
        numpy.start(python, {QStringLiteral("-c"),
                             QStringLiteral("import sys, numpy as np\n"
                                            "d = sys.argv[1]\n"
                                            "a = (np.arange(12).reshape(4, 3) - 5) / 8\n"
                                            "np.save(d + '/f8.npy', a)\n"
                                            "np.save(d + '/f4be.npy', a.astype('>f4'))\n"
                                            "np.save(d + '/f2.npy', a.astype('<f2'))\n"
                                            "with open(d + '/v2.npy', 'wb') as f:\n"
                                            "    np.lib.format.write_array(f, a.astype('<f4'), version=(2, 0))\n"),
                             dir.path()});
        QVERIFY(numpy.waitForFinished(30000));
        QVERIFY2(numpy.exitCode() == 0, numpy.readAllStandardError().constData());
        for (const char *name : {"f8.npy", "f4be.npy", "f2.npy", "v2.npy"}) {
            Drained d = drainPath(dir.filePath(QString::fromLatin1(name)));
            QVERIFY2(d.error.ok(), qPrintable(d.error.message()));
            QVERIFY(d.problems.isEmpty());
            QCOMPARE(d.items.size(), 4);
            for (int r = 0; r < 4; ++r)
                for (int c = 0; c < 3; ++c)
                    QCOMPARE(d.items[r].vector[c], float(r * 3 + c - 5) / 8); // all exact in float16 too
        }
    }

    // ---- .fvecs / .bvecs -----------------------------------------------------

    void fvecsRoundTrip()
    {
        QRandomGenerator rng(3);
        QList<QVector<float>> rows;
        QByteArray bytes;
        for (int i = 0; i < 1000; ++i) {
            rows.append(randomVector(rng, 12));
            bytes += fvecsRecord(rows.last());
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sift_base.fvecs"));
        QVERIFY(writeFile(path, bytes));
        auto source = openVectorSource(path);
        QVERIFY(source.ok());
        QCOMPARE((*source)->format(), SourceFormat::Fvecs);
        QCOMPARE((*source)->shape().dimensions, 12);
        QCOMPARE((*source)->shape().items, 1000);
        Drained d = drain(**source, 100);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 1000);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(sameBits(d.items[i].vector, rows[i]));
        QCOMPARE(d.items[999].id, QStringLiteral("sift_base:999"));
        QCOMPARE((*source)->bytesDone(), bytes.size());
    }

    void bvecsRoundTrip()
    {
        const QList<QByteArray> rows{QByteArray("\x00\x01\x02\x03", 4), QByteArray("\xff\x80\x7f\x10", 4)};
        QByteArray bytes;
        for (const QByteArray &row : rows) {
            const qint32 d = qToLittleEndian(qint32(4));
            bytes.append(reinterpret_cast<const char *>(&d), 4);
            bytes.append(row);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b.bvecs"));
        QVERIFY(writeFile(path, bytes));
        auto source = openVectorSource(path);
        QVERIFY(source.ok());
        QCOMPARE((*source)->format(), SourceFormat::Bvecs);
        QCOMPARE((*source)->shape().items, 2);
        Drained d = drain(**source);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 2);
        QCOMPARE(d.items[0].vector, (QVector<float>{0, 1, 2, 3}));
        QCOMPARE(d.items[1].vector, (QVector<float>{255, 128, 127, 16})); // unsigned bytes
        QCOMPARE(d.items[1].id, QStringLiteral("b:1"));
    }

    void vecsDamage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.fvecs"));
        // A NaN is a problem; the records around it are read.
        QVERIFY(writeFile(path, fvecsRecord({1, 2}) + fvecsRecord({NAN, 2}) + fvecsRecord({3, 4})));
        Drained d = drainPath(path);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 2);
        QCOMPARE(d.items[1].id, QStringLiteral("v:2"));
        QVERIFY(hasProblem(d, QStringLiteral("row 1"), QStringLiteral("NaN")));

        // Another dimension in the middle: the records before it, then an error naming the byte.
        QVERIFY(writeFile(path, fvecsRecord({1, 2}) + fvecsRecord({1, 2}, 1) + fvecsRecord({3, 4})));
        d = drainPath(path);
        QCOMPARE(d.items.size(), 1);
        QCOMPARE(d.error.code(), ErrorCode::MalformedInput);
        QVERIFY2(d.error.message().contains(QStringLiteral("byte 12")), qPrintable(d.error.message()));
        QVERIFY(d.error.message().contains(QStringLiteral("claims 1 dimensions")));

        // A partial last record: the whole ones, then an error naming where the partial one starts.
        QVERIFY(writeFile(path, fvecsRecord({1, 2}) + fvecsRecord({3, 4}) + fvecsRecord({5, 6}).left(7)));
        auto source = openVectorSource(path);
        QVERIFY(source.ok());
        QCOMPARE((*source)->shape().items, 2);
        QCOMPARE((*source)->shape().notes.size(), 1);
        d = drain(**source);
        QCOMPARE(d.items.size(), 2);
        QCOMPARE(d.error.code(), ErrorCode::MalformedInput);
        QVERIFY2(d.error.message().contains(QStringLiteral("byte 24")), qPrintable(d.error.message()));

        // Headers that cannot be a dimension.
        for (const QByteArray &bytes :
             {fvecsRecord({1, 2}, 0), fvecsRecord({1, 2}, -5), fvecsRecord({1, 2}, 100000), QByteArray("ab")}) {
            QVERIFY(writeFile(path, bytes));
            auto refused = openVectorSource(path);
            QVERIFY2(!refused.ok(), bytes.toHex().constData());
            QCOMPARE(refused.error().code(), ErrorCode::MalformedInput);
            QVERIFY(refused.error().message().contains(path));
        }
        // An empty file is an empty set.
        QVERIFY(writeFile(path, {}));
        d = drainPath(path);
        QVERIFY(d.error.ok());
        QVERIFY(d.items.isEmpty());
    }

    // ---- Vectra --------------------------------------------------------------

    void vectraLocalIndex()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.json")),
                          R"({"version":1,"metadata_config":{"indexed":["lang"]},"items":[
                             {"id":"a","metadata":{"lang":"en"},"vector":[0.5,0.25],"norm":9},
                             {"id":"b","metadata":{},"vector":[1],"norm":1},
                             {"id":"c","metadata":{"lang":"de"},"vector":[1e39,1],"norm":1},
                             {"id":"d","metadata":{"lang":"fr"},"vector":[0.125,-1],"norm":1}]})"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.pb")), "x"));
        auto source = openVectorSource(dir.path());
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        const SourceShape shape = (*source)->shape();
        QCOMPARE((*source)->format(), SourceFormat::Vectra);
        QCOMPARE(shape.metric, std::optional<Metric>(Metric::Cosine));
        QCOMPARE(shape.dimensions, 2);
        QCOMPARE(shape.items, 2);
        QCOMPARE(shape.indexedKeys, QStringList{QStringLiteral("lang")});
        QVERIFY(shape.notes.join(u' ').contains(QStringLiteral("index.pb is present and was not read")));
        Drained d = drain(**source);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 2);
        QCOMPARE(d.items[1].id, QStringLiteral("d"));
        QVERIFY(sameBits(d.items[1].vector, QVector<float>{0.125f, -1.0f}));
        QCOMPARE(wheres(d.problems), QStringLiteral("items[1], items[2]"));
        QCOMPARE(d.problems[1].itemId, QStringLiteral("c")); // 1e39 does not fit a float
        QCOMPARE((*source)->bytesDone(), (*source)->bytesTotal());
    }

    void vectraLimits()
    {
        QTemporaryDir dir;
        QByteArray deep = R"({"items":[{"id":"a","vector":[1],"metadata":{"x":)";
        deep += QByteArray(70, '[') + QByteArray(70, ']') + "}}]}";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.json")), deep));
        auto source = openVectorSource(dir.path());
        QVERIFY(!source.ok());
        QVERIFY2(source.error().message().contains(QStringLiteral("more than 64 deep")),
                 qPrintable(source.error().message()));
        SourceOptions options;
        options.maxJsonDepth = 100;
        QVERIFY(openVectorSource(dir.path(), SourceFormat::Vectra, options).ok());
        options.maxJsonBytes = 50;
        source = openVectorSource(dir.path(), SourceFormat::Vectra, options);
        QVERIFY(!source.ok());
        QVERIFY(source.error().message().contains(QStringLiteral("at most 50")));
    }

    void vectraDocumentIndexChunksGetTheirText()
    {
        QTemporaryDir dir;
        // UTF-16 offsets: the emoji is two units, as in JavaScript.
        const QString text = QStringLiteral("Grüße 😀 aus Köln. Zweiter Satz.");
        QVERIFY(writeFile(dir.filePath(QStringLiteral("doc1.txt")), text.toUtf8()));
        QVERIFY(writeFile(
            dir.filePath(QStringLiteral("catalog.json")),
            QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                      {QStringLiteral("count"), 3},
                                      {QStringLiteral("uriToId"), QJsonObject{}},
                                      {QStringLiteral("idToUri"),
                                       QJsonObject{{QStringLiteral("doc1"),
                                                    QStringLiteral("https://example.org/notes/gruss.md?x=1")},
                                                   {QStringLiteral("doc2"), QStringLiteral("C:\\docs\\b.txt")},
                                                   {QStringLiteral("doc3"), QStringLiteral("/tmp/c.txt")}}}})
                .toJson()));
        const qsizetype firstEnd = text.indexOf(u'.');
        const QJsonArray items{
            QJsonObject{{QStringLiteral("id"), QStringLiteral("c1")},
                        {QStringLiteral("vector"), QJsonArray{1, 0}},
                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("documentId"), QStringLiteral("doc1")},
                                                                 {QStringLiteral("startPos"), 0},
                                                                 {QStringLiteral("endPos"), firstEnd},
                                                                 {QStringLiteral("lang"), QStringLiteral("de")}}}},
            QJsonObject{{QStringLiteral("id"), QStringLiteral("c2")},
                        {QStringLiteral("vector"), QJsonArray{0, 1}},
                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("documentId"), QStringLiteral("doc1")},
                                                                 {QStringLiteral("startPos"), firstEnd + 2},
                                                                 {QStringLiteral("endPos"), text.size() - 1}}}},
            QJsonObject{
                {QStringLiteral("id"), QStringLiteral("c3")},
                {QStringLiteral("vector"), QJsonArray{1, 1}},
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("documentId"), QStringLiteral("doc1")},
                                                         {QStringLiteral("startPos"), 5},
                                                         {QStringLiteral("endPos"), text.size()}}}}, // one past the end
            QJsonObject{
                {QStringLiteral("id"), QStringLiteral("c4")},
                {QStringLiteral("vector"), QJsonArray{1, 2}},
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("documentId"), QStringLiteral("doc2")},
                                                         {QStringLiteral("startPos"), 0},
                                                         {QStringLiteral("endPos"), 3}}}}, // doc2.txt is missing
            QJsonObject{{QStringLiteral("id"), QStringLiteral("c5")},
                        {QStringLiteral("vector"), QJsonArray{2, 1}},
                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("documentId"), QStringLiteral("doc9")},
                                                                 {QStringLiteral("startPos"), 0},
                                                                 {QStringLiteral("endPos"), 1}}}}, // not in the catalog
            QJsonObject{
                {QStringLiteral("id"), QStringLiteral("c6")},
                {QStringLiteral("vector"), QJsonArray{2, 2}},
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("documentId"), QStringLiteral("../doc1")},
                                                         {QStringLiteral("startPos"), 0},
                                                         {QStringLiteral("endPos"), 1}}}}, // escapes the folder
        };
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.json")),
                          QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                    {QStringLiteral("metadata_config"), QJsonObject{}},
                                                    {QStringLiteral("items"), items}})
                              .toJson()));
        auto source = openVectorSource(dir.path());
        QVERIFY2(source.ok(), qPrintable(source.error().message()));
        Drained d = drain(**source, 2);
        QVERIFY(d.error.ok());
        QCOMPARE(d.items.size(), 6); // every chunk is imported; those without text too
        const QJsonObject c1 = d.items[0].metadata;
        QCOMPARE(c1.value(QStringLiteral("text")).toString(), QStringLiteral("Grüße 😀 aus Köln."));
        QCOMPARE(c1.value(QStringLiteral("start")).toInteger(), 0);
        QCOMPARE(c1.value(QStringLiteral("end")).toInteger(), firstEnd + 1);
        QCOMPARE(c1.value(QStringLiteral("uri")).toString(), QStringLiteral("https://example.org/notes/gruss.md?x=1"));
        QCOMPARE(c1.value(QStringLiteral("title")).toString(), QStringLiteral("gruss.md"));
        QCOMPARE(c1.value(QStringLiteral("lang")).toString(), QStringLiteral("de"));
        QCOMPARE(c1.value(QStringLiteral("endPos")).toInteger(), firstEnd); // the original keys stay
        QCOMPARE(d.items[1].metadata.value(QStringLiteral("text")).toString(), QStringLiteral("Zweiter Satz."));
        QVERIFY(!d.items[2].metadata.contains(QStringLiteral("text")));
        QCOMPARE(d.items[3].metadata.value(QStringLiteral("title")).toString(), QStringLiteral("b.txt"));
        QVERIFY(!d.items[3].metadata.contains(QStringLiteral("text")));
        QVERIFY(!d.items[4].metadata.contains(QStringLiteral("uri")));
        QCOMPARE(wheres(d.problems), QStringLiteral("items[2], items[3], items[4], items[4], items[5], items[5]"));
        QVERIFY(hasProblem(d, QStringLiteral("items[2]"), QStringLiteral("beyond its document")));
        QVERIFY(hasProblem(d, QStringLiteral("items[3]"), QStringLiteral("doc2.txt could not be read")));
        QVERIFY(hasProblem(d, QStringLiteral("items[4]"), QStringLiteral("not in catalog.json")));
        QVERIFY(hasProblem(d, QStringLiteral("items[5]"), QStringLiteral("not a plain file name")));
    }

    void chunkContextKeepsExistingKeys()
    {
        QJsonObject metadata{{QStringLiteral("startPos"), 1},
                             {QStringLiteral("endPos"), 2},
                             {QStringLiteral("title"), QStringLiteral("Mine")}};
        const QString text = QStringLiteral("abcd");
        QVERIFY(addChunkContext(metadata, QStringLiteral("/a/b/"), &text).isEmpty());
        QCOMPARE(metadata.value(QStringLiteral("title")).toString(), QStringLiteral("Mine"));
        QCOMPARE(metadata.value(QStringLiteral("text")).toString(), QStringLiteral("bc"));
        QCOMPARE(uriTitle(QStringLiteral("/a/b/")), QStringLiteral("b"));
        QCOMPARE(uriTitle(QStringLiteral("https://example.org/")), QStringLiteral("https://example.org/"));

        QJsonObject reversed{{QStringLiteral("startPos"), 3}, {QStringLiteral("endPos"), 2}};
        QVERIFY(addChunkContext(reversed, QString(), &text).contains(QStringLiteral("before")));
        QJsonObject fractional{{QStringLiteral("startPos"), 0.5}, {QStringLiteral("endPos"), 2}};
        QVERIFY(!addChunkContext(fractional, QString(), &text).isEmpty());
        QVERIFY(!fractional.contains(QStringLiteral("text")));
    }
};

QTEST_GUILESS_MAIN(TestVectorFiles)
#include "tst_vector_files.moc"
