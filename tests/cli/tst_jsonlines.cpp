// The JSON Lines reader sees untrusted input: every malformed shape must come
// back as an Error with a useful sentence, never a crash or a wrong item.

#include "sextant/JsonLines.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstring>

using namespace sextant;
using namespace sextant::formats;

namespace {

quint32 bitsOf(float f)
{
    quint32 bits;
    std::memcpy(&bits, &f, sizeof bits);
    return bits;
}

bool sameBits(const QVector<float> &a, const QVector<float> &b)
{
    if (a.size() != b.size()) return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (bitsOf(a[i]) != bitsOf(b[i])) return false;
    return true;
}

} // namespace

class TestJsonLines : public QObject {
    Q_OBJECT

private slots:
    void parsesAFullRecord()
    {
        const auto item = parseJsonLine(
            "{\"id\":\"doc-1\",\"vector\":[0.25,-1,3e-5,0],\"metadata\":{\"title\":\"A\",\"n\":2,\"tags\":[\"x\"]}}");
        QVERIFY2(item.ok(), qPrintable(item.error().message()));
        QCOMPARE(item->id, QStringLiteral("doc-1"));
        QCOMPARE(item->vector, (QVector<float>{0.25f, -1.0f, 3e-5f, 0.0f}));
        QCOMPARE(item->metadata.value(QStringLiteral("title")).toString(), QStringLiteral("A"));
        QCOMPARE(item->metadata.value(QStringLiteral("n")).toDouble(), 2.0);
        QCOMPARE(item->metadata.value(QStringLiteral("tags")).toArray().first().toString(), QStringLiteral("x"));
    }

    void acceptsWhitespaceFieldOrderAndCarriageReturn()
    {
        const auto item = parseJsonLine(" \t{ \"metadata\" : { } , \"vector\" : [ 1 , 2 ] , \"id\" : \"b\" }  \r");
        QVERIFY2(item.ok(), qPrintable(item.error().message()));
        QCOMPARE(item->id, QStringLiteral("b"));
        QCOMPARE(item->vector, (QVector<float>{1.0f, 2.0f}));
        QVERIFY(item->metadata.isEmpty());
    }

    void metadataIsOptional()
    {
        const auto item = parseJsonLine("{\"id\":\"c\",\"vector\":[]}");
        QVERIFY2(item.ok(), qPrintable(item.error().message()));
        QVERIFY(item->vector.isEmpty()); // the index rejects the dimension, not the parser
        QVERIFY(item->metadata.isEmpty());
    }

    void decodesStringEscapes()
    {
        const auto item = parseJsonLine("{\"id\":\"q\\\"b\\\\s\\/\\n\\t\\u00e9\\ud83d\\ude00z\",\"vector\":[1]}");
        QVERIFY2(item.ok(), qPrintable(item.error().message()));
        QCOMPARE(item->id,
                 QStringLiteral("q\"b\\s/\n\t\u00e9") + QString::fromUcs4(U"\U0001F600") + QStringLiteral("z"));
    }

    void rawUtf8IdIsKept()
    {
        const QByteArray line =
            QByteArray("{\"id\":\"") + QStringLiteral("caf\u00e9-\u6f22").toUtf8() + "\",\"vector\":[1]}";
        const auto item = parseJsonLine(line);
        QVERIFY2(item.ok(), qPrintable(item.error().message()));
        QCOMPARE(item->id, QStringLiteral("caf\u00e9-\u6f22"));
    }

    void rejectsMalformedInput_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");

        const int malformed = int(ErrorCode::MalformedInput);
        const int nonFinite = int(ErrorCode::NonFiniteValue);
        QTest::newRow("empty") << QByteArray("") << malformed << "empty";
        QTest::newRow("not an object") << QByteArray("[1,2]") << malformed << "must be a JSON object";
        QTest::newRow("plain text") << QByteArray("hello") << malformed << "something that is not JSON";
        QTest::newRow("word like a literal") << QByteArray("fals") << malformed << "something that is not JSON";
        QTest::newRow("boolean record") << QByteArray("true") << malformed << "true or false";
        QTest::newRow("unterminated object")
            << QByteArray("{\"id\":\"a\",\"vector\":[1]") << malformed << "Expected ',' or '}'";
        QTest::newRow("missing id") << QByteArray("{\"vector\":[1]}") << malformed << "no \"id\"";
        QTest::newRow("missing vector") << QByteArray("{\"id\":\"a\"}") << malformed << "no \"vector\"";
        QTest::newRow("numeric id") << QByteArray("{\"id\":42,\"vector\":[1]}") << malformed << "double quotes";
        QTest::newRow("null id") << QByteArray("{\"id\":null,\"vector\":[1]}") << malformed << "not null";
        QTest::newRow("vector string") << QByteArray("{\"id\":\"a\",\"vector\":\"1,2\"}") << malformed
                                       << "array of numbers";
        QTest::newRow("vector object") << QByteArray("{\"id\":\"a\",\"vector\":{\"x\":1}}") << malformed
                                       << "array of numbers";
        QTest::newRow("string element") << QByteArray("{\"id\":\"a\",\"vector\":[1,\"2\"]}") << malformed
                                        << "Element 1";
        QTest::newRow("null element") << QByteArray("{\"id\":\"a\",\"vector\":[1,null]}") << malformed << "is null";
        QTest::newRow("nested array element")
            << QByteArray("{\"id\":\"a\",\"vector\":[[1],2]}") << malformed << "an array";
        QTest::newRow("leading zero") << QByteArray("{\"id\":\"a\",\"vector\":[01]}") << malformed
                                      << "not a valid JSON number (01)";
        QTest::newRow("bare fraction") << QByteArray("{\"id\":\"a\",\"vector\":[.5]}") << malformed
                                       << "not a valid JSON number";
        QTest::newRow("trailing point") << QByteArray("{\"id\":\"a\",\"vector\":[1.]}") << malformed
                                        << "not a valid JSON number";
        QTest::newRow("plus sign") << QByteArray("{\"id\":\"a\",\"vector\":[+1]}") << malformed
                                   << "not a valid JSON number";
        QTest::newRow("hex") << QByteArray("{\"id\":\"a\",\"vector\":[0x10]}") << malformed
                             << "not a valid JSON number";
        QTest::newRow("empty exponent") << QByteArray("{\"id\":\"a\",\"vector\":[1e]}") << malformed
                                        << "not a valid JSON number";
        QTest::newRow("trailing comma") << QByteArray("{\"id\":\"a\",\"vector\":[1,]}") << malformed << "Element 1";
        QTest::newRow("missing comma") << QByteArray("{\"id\":\"a\",\"vector\":[1 2]}") << malformed
                                       << "Expected ',' or ']'";
        QTest::newRow("unclosed vector") << QByteArray("{\"id\":\"a\",\"vector\":[1,2") << malformed
                                         << "before \"vector\" is closed";
        QTest::newRow("NaN") << QByteArray("{\"id\":\"a\",\"vector\":[1,NaN]}") << nonFinite << "NaN";
        QTest::newRow("nan lower") << QByteArray("{\"id\":\"a\",\"vector\":[nan]}") << nonFinite << "NaN";
        QTest::newRow("Infinity") << QByteArray("{\"id\":\"a\",\"vector\":[Infinity]}") << nonFinite << "infinite";
        QTest::newRow("-Infinity") << QByteArray("{\"id\":\"a\",\"vector\":[-Infinity]}") << nonFinite << "infinite";
        QTest::newRow("overflows float") << QByteArray("{\"id\":\"a\",\"vector\":[3.5e38]}") << nonFinite
                                         << "32-bit float";
        QTest::newRow("huge exponent") << QByteArray("{\"id\":\"a\",\"vector\":[1e99999999999999999999999]}")
                                       << nonFinite << "32-bit float";
        QTest::newRow("huge integer") << (QByteArray("{\"id\":\"a\",\"vector\":[") + QByteArray(400, '9') + "]}")
                                      << nonFinite << "32-bit float";
        QTest::newRow("metadata array") << QByteArray("{\"id\":\"a\",\"vector\":[1],\"metadata\":[1]}") << malformed
                                        << "must be a JSON object, not an array";
        QTest::newRow("metadata null") << QByteArray("{\"id\":\"a\",\"vector\":[1],\"metadata\":null}") << malformed
                                       << "not null";
        QTest::newRow("metadata string") << QByteArray("{\"id\":\"a\",\"vector\":[1],\"metadata\":\"x\"}") << malformed
                                         << "not a string";
        QTest::newRow("metadata bad json") << QByteArray("{\"id\":\"a\",\"vector\":[1],\"metadata\":{\"a\":}}")
                                           << malformed << "\"metadata\" is not valid JSON";
        QTest::newRow("metadata mismatched brackets")
            << QByteArray("{\"id\":\"a\",\"vector\":[1],\"metadata\":{\"a\":[}}") << malformed << "metadata";
        QTest::newRow("metadata unclosed")
            << QByteArray("{\"id\":\"a\",\"vector\":[1],\"metadata\":{\"a\":\"}\"}") << malformed << "metadata";
        QTest::newRow("unknown field") << QByteArray("{\"id\":\"a\",\"vectors\":[1]}") << malformed
                                       << "Unknown field \"vectors\"";
        QTest::newRow("duplicate field") << QByteArray("{\"id\":\"a\",\"id\":\"b\",\"vector\":[1]}") << malformed
                                         << "appears twice";
        QTest::newRow("trailing text") << QByteArray("{\"id\":\"a\",\"vector\":[1]} x") << malformed
                                       << "after the end of the record";
        QTest::newRow("two records") << QByteArray("{\"id\":\"a\",\"vector\":[1]}{\"id\":\"b\",\"vector\":[1]}")
                                     << malformed << "after the end";
        QTest::newRow("unquoted key") << QByteArray("{id:\"a\",\"vector\":[1]}") << malformed
                                      << "field name in double quotes";
        QTest::newRow("missing colon") << QByteArray("{\"id\" \"a\",\"vector\":[1]}") << malformed << "Expected ':'";
        QTest::newRow("unterminated id") << QByteArray("{\"id\":\"abc") << malformed << "ends inside";
        QTest::newRow("bad escape") << QByteArray("{\"id\":\"a\\qb\",\"vector\":[1]}") << malformed << "Invalid escape";
        QTest::newRow("short unicode escape")
            << QByteArray("{\"id\":\"a\\u12\",\"vector\":[1]}") << malformed << "\\u escape";
        QTest::newRow("non-hex unicode escape")
            << QByteArray("{\"id\":\"a\\u12zz\",\"vector\":[1]}") << malformed << "hexadecimal";
        QTest::newRow("lone high surrogate")
            << QByteArray("{\"id\":\"a\\ud800\",\"vector\":[1]}") << malformed << "surrogate";
        QTest::newRow("lone low surrogate")
            << QByteArray("{\"id\":\"a\\udc00\",\"vector\":[1]}") << malformed << "surrogate";
        QTest::newRow("raw control character")
            << QByteArray("{\"id\":\"a\tb\",\"vector\":[1]}") << malformed << "control character";
        QTest::newRow("invalid utf-8 id")
            << QByteArray("{\"id\":\"a\xff\xfe\",\"vector\":[1]}") << malformed << "UTF-8";
        QTest::newRow("overlong utf-8 id")
            << QByteArray("{\"id\":\"\xc0\xaf\",\"vector\":[1]}") << malformed << "UTF-8";
        QTest::newRow("invalid utf-8 metadata")
            << QByteArray("{\"id\":\"a\",\"vector\":[1],\"metadata\":{\"k\":\"\xff\"}}") << malformed << "metadata";
        QTest::newRow("nul byte") << (QByteArray("{\"id\":\"a\",") + '\0' + QByteArray("\"vector\":[1]}")) << malformed
                                  << "field name";
        QTest::newRow("too many values") << (QByteArray("{\"id\":\"a\",\"vector\":[") +
                                             QByteArray("1,").repeated(8192) + "1]}")
                                         << int(ErrorCode::DimensionMismatch) << "more than 8192";
    }

    void rejectsMalformedInput()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        const auto item = parseJsonLine(line);
        QVERIFY2(!item.ok(), "the line was accepted");
        QVERIFY2(
            item.error().message().contains(mentions),
            qPrintable(QStringLiteral("message \"%1\" does not mention \"%2\"").arg(item.error().message(), mentions)));
        QCOMPARE(int(item.error().code()), code);
        QVERIFY(item.error().message().endsWith(u'.'));
    }

    void messagesGiveTheColumn()
    {
        const auto item = parseJsonLine("{\"id\":\"a\",\"vector\":[1,true]}");
        QVERIFY(!item.ok());
        QVERIFY2(item.error().message().contains(QStringLiteral("column 23")), qPrintable(item.error().message()));
    }

    void tinyNumbersRoundToZero()
    {
        const auto item = parseJsonLine(
            "{\"id\":\"a\",\"vector\":[1e-50,-1e-400,0.0000000000000000000000000000000000000000000000000001,1e-45]}");
        QVERIFY2(item.ok(), qPrintable(item.error().message()));
        QCOMPARE(bitsOf(item->vector[0]), bitsOf(0.0f));
        QCOMPARE(bitsOf(item->vector[1]), bitsOf(-0.0f));
        QCOMPARE(bitsOf(item->vector[2]), bitsOf(0.0f));
        QCOMPARE(item->vector[3], FLT_TRUE_MIN);
    }

    void longDigitStringsRoundCorrectly()
    {
        // More digits than any float needs still round to the nearest float.
        const QByteArray digits = "0.1" + QByteArray(300, '0') + "1";
        const auto item = parseJsonLine("{\"id\":\"a\",\"vector\":[" + digits + "," + QByteArray(30, '1') + "]}");
        QVERIFY2(item.ok(), qPrintable(item.error().message()));
        QCOMPARE(item->vector[0], 0.1f);
        QCOMPARE(item->vector[1], 1.11111111e29f);
    }

    void deepNestingInMetadataIsRejectedWithoutCrashing()
    {
        const QByteArray deep = QByteArray(200000, '[') + QByteArray(200000, ']');
        const auto item = parseJsonLine("{\"id\":\"a\",\"vector\":[1],\"metadata\":{\"x\":" + deep + "}}");
        QVERIFY(!item.ok());
        QCOMPARE(item.error().code(), ErrorCode::MalformedInput);

        // Past the metadata nesting limit the reader stops at once and says so
        // (the limit full verify applies too); below it, an unclosed object is named.
        const QByteArray open = QByteArray(100000, '{');
        const auto tooDeep = parseJsonLine("{\"id\":\"a\",\"vector\":[1],\"metadata\":" + open);
        QVERIFY(!tooDeep.ok());
        QVERIFY2(tooDeep.error().message().contains(QStringLiteral("more than 512 deep")),
                 qPrintable(tooDeep.error().message()));
        const auto unclosed = parseJsonLine("{\"id\":\"a\",\"vector\":[1],\"metadata\":" + QByteArray(100, '{'));
        QVERIFY(!unclosed.ok());
        QVERIFY(unclosed.error().message().contains(QStringLiteral("closed")));
    }

    void modestNestingInMetadataIsKept()
    {
        const auto item =
            parseJsonLine("{\"id\":\"a\",\"vector\":[1],\"metadata\":{\"a\":{\"b\":[{\"c\":\"]}\\\"[\"}]}}}");
        QVERIFY2(item.ok(), qPrintable(item.error().message()));
        QCOMPARE(item->metadata.value(QStringLiteral("a"))
                     .toObject()
                     .value(QStringLiteral("b"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("c"))
                     .toString(),
                 QStringLiteral("]}\"["));
    }

    void everyProperPrefixIsRejected()
    {
        const QByteArray line = "{\"id\":\"d\\u00e9\",\"vector\":[1.5,-2e-3,7],\"metadata\":{\"k\":[1,{\"z\":null}]}}";
        QVERIFY(parseJsonLine(line).ok());
        for (qsizetype cut = 0; cut < line.size(); ++cut) {
            const auto item = parseJsonLine(QByteArrayView(line).first(cut));
            QVERIFY2(!item.ok(), qPrintable(QStringLiteral("prefix of %1 bytes was accepted").arg(cut)));
        }
    }

    void mutatedLinesNeverCrashAndReparseConsistently()
    {
        // Random byte edits of a valid line: whatever parses must survive a
        // write-and-read round trip unchanged.
        const QByteArray original = "{\"id\":\"doc-\\u00e9\",\"vector\":[0.5,-1.25e-3,3,1e10],\"metadata\":{\"t\":"
                                    "\"x\",\"n\":[1,2,{\"q\":true}]}}";
        QRandomGenerator random(20240611);
        const char alphabet[] = "{}[]\",:\\u0123456789eE.-+ tfnalsx\xff\xc3\xa9";
        int accepted = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray line = original;
            const int edits = 1 + int(random.bounded(4));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = random.bounded(line.size());
                switch (random.bounded(3)) {
                case 0: line[at] = alphabet[random.bounded(int(sizeof alphabet - 1))]; break;
                case 1: line.remove(at, 1 + random.bounded(3)); break;
                default: line.insert(at, alphabet[random.bounded(int(sizeof alphabet - 1))]); break;
                }
            }
            const auto item = parseJsonLine(line);
            if (!item.ok()) {
                QVERIFY(!item.error().message().isEmpty());
                continue;
            }
            ++accepted;
            const auto again = parseJsonLine(itemToJsonLine(*item));
            QVERIFY2(again.ok(), qPrintable(again.error().message()));
            QCOMPARE(again->id, item->id);
            QVERIFY(sameBits(again->vector, item->vector));
            QCOMPARE(again->metadata, item->metadata);
        }
        QVERIFY(accepted > 0); // some edits (e.g. digit changes) stay valid
    }

    void writesCompactJson()
    {
        Item item{QStringLiteral("a\"b\\c\n\x01"), {1.0f, 0.5f, -0.0f, 1e-7f}, {}};
        QCOMPARE(itemToJsonLine(item),
                 QByteArray("{\"id\":\"a\\\"b\\\\c\\n\\u0001\",\"vector\":[1,0.5,-0,1e-07],\"metadata\":{}}"));
        item.metadata.insert(QStringLiteral("k"), QStringLiteral("v"));
        QCOMPARE(
            itemToJsonLine(item),
            QByteArray("{\"id\":\"a\\\"b\\\\c\\n\\u0001\",\"vector\":[1,0.5,-0,1e-07],\"metadata\":{\"k\":\"v\"}}"));
        QByteArray buffer = "x";
        appendJsonLine(buffer, item);
        QCOMPARE(buffer, "x" + itemToJsonLine(item) + "\n");
    }

    void floatsRoundTripBitExactly()
    {
        QVector<float> values{0.0f,          -0.0f,       1.0f,          -1.0f,          0.1f,
                              1.0f / 3.0f,   FLT_MAX,     -FLT_MAX,      FLT_MIN,        FLT_TRUE_MIN,
                              -FLT_TRUE_MIN, 16777217.0f, 3.4028233e38f, 1.17549421e-38f};
        QRandomGenerator random(7);
        while (values.size() < 8192) {
            const quint32 bits = random.generate();
            float f;
            std::memcpy(&f, &bits, sizeof f);
            if (std::isfinite(f)) values.append(f);
        }
        const Item item{QStringLiteral("bits"), values, {}};
        const auto parsed = parseJsonLine(itemToJsonLine(item));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        QVERIFY(sameBits(parsed->vector, values));
    }

    void numbersMatchStdFromChars()
    {
        // The parser has a fast path of its own; every kind of decimal must
        // still round exactly as std::from_chars does.
        QRandomGenerator random(99);
        for (int round = 0; round < 40; ++round) {
            QList<QByteArray> texts;
            while (texts.size() < 8000) {
                QByteArray text;
                if (random.bounded(2)) text += '-';
                const int integerDigits = int(random.bounded(12));
                if (integerDigits == 0) {
                    text += '0';
                } else {
                    text += char('1' + random.bounded(9));
                    for (int i = 1; i < integerDigits; ++i)
                        text += char('0' + random.bounded(10));
                }
                const int fractionDigits = int(random.bounded(26));
                if (fractionDigits > 0) {
                    text += '.';
                    for (int i = 0; i < fractionDigits; ++i)
                        text += char('0' + random.bounded(10));
                }
                if (random.bounded(3) == 0) text += 'e' + QByteArray::number(int(random.bounded(80)) - 45);
                // Values from_chars reports as out of range are covered elsewhere.
                float expected;
                const auto result = std::from_chars(text.constData(), text.constData() + text.size(), expected);
                if (result.ec != std::errc()) continue;
                texts.append(text);
            }
            // Shortest forms of random floats are what export writes.
            while (texts.size() < 16000) {
                const quint32 bits = random.generate();
                float f;
                std::memcpy(&f, &bits, sizeof f);
                if (!std::isfinite(f)) continue;
                char buffer[32];
                const auto written = std::to_chars(buffer, buffer + sizeof buffer, f);
                texts.append(QByteArray(buffer, written.ptr - buffer));
            }
            for (qsizetype start = 0; start < texts.size(); start += 8192) {
                const QList<QByteArray> chunk = texts.mid(start, 8192);
                const auto item = parseJsonLine("{\"id\":\"n\",\"vector\":[" + chunk.join(',') + "]}");
                QVERIFY2(item.ok(), qPrintable(item.error().message()));
                QCOMPARE(item->vector.size(), chunk.size());
                for (qsizetype i = 0; i < chunk.size(); ++i) {
                    float expected;
                    std::from_chars(chunk[i].constData(), chunk[i].constData() + chunk[i].size(), expected);
                    if (bitsOf(item->vector[i]) != bitsOf(expected))
                        QFAIL(qPrintable(QStringLiteral("%1 parsed as %2, std::from_chars gives %3")
                                             .arg(QString::fromLatin1(chunk[i]))
                                             .arg(double(item->vector[i]), 0, 'g', 9)
                                             .arg(double(expected), 0, 'g', 9)));
                }
            }
        }
    }

    void halfwayCasesRoundToEven()
    {
        // 1 + 2^-24 lies exactly halfway between two floats; ties go to even.
        // Its neighbours one digit away must round to the nearer float. These
        // are the inputs where a double detour could round twice.
        const auto item = parseJsonLine("{\"id\":\"h\",\"vector\":[1.000000059604644775390625,"
                                        "1.000000059604644775390626,1.000000059604644775390624,"
                                        "1.000000178813934326171875,16777217,16777219]}");
        QVERIFY2(item.ok(), qPrintable(item.error().message()));
        QCOMPARE(bitsOf(item->vector[0]), bitsOf(1.0f));
        QCOMPARE(bitsOf(item->vector[1]), bitsOf(std::nextafter(1.0f, 2.0f)));
        QCOMPARE(bitsOf(item->vector[2]), bitsOf(1.0f));
        QCOMPARE(bitsOf(item->vector[3]), bitsOf(std::nextafter(std::nextafter(1.0f, 2.0f), 2.0f)));
        QCOMPARE(bitsOf(item->vector[4]), bitsOf(16777216.0f));
        QCOMPARE(bitsOf(item->vector[5]), bitsOf(16777220.0f));
    }

    void idsRoundTrip()
    {
        const QStringList ids{QStringLiteral("plain"), QStringLiteral("tab\there"), QStringLiteral("quote\"slash\\"),
                              QStringLiteral("\u00e9\u6f22") + QString::fromUcs4(U"\U0001F600"),
                              QString(QChar(0x7f)) + QStringLiteral("\x1f")};
        for (const QString &id : ids) {
            const auto parsed = parseJsonLine(itemToJsonLine(Item{id, {1.0f}, {}}));
            QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
            QCOMPARE(parsed->id, id);
        }
    }

    void blankLines()
    {
        QVERIFY(isBlankLine(""));
        QVERIFY(isBlankLine(" \t\r"));
        QVERIFY(!isBlankLine(" x "));
    }
};

QTEST_GUILESS_MAIN(TestJsonLines)
#include "tst_jsonlines.moc"
