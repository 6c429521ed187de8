// isJsonObjectText: accepts exactly the JSON objects, says where the text
// goes wrong, and agrees with QJsonDocument on random mutations of objects.

#include "core/JsonSyntax.h"
#include "core/JsonText.h"
#include "sextant/Schema.h"
#include "sextant/JsonLines.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace sextant;

class TestJsonSyntax : public QObject {
    Q_OBJECT

private slots:
    void cases_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty object") << QByteArray("{}") << true;
        QTest::newRow("spaces") << QByteArray(" \n{ \"a\" : 1 }\t") << true;
        QTest::newRow("nested") << QByteArray("{\"a\":[1,-2.5e+3,true,false,null,{\"b\":\"c\"}],\"d\":{}}") << true;
        QTest::newRow("escapes") << QByteArray("{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"}") << true;
        QTest::newRow("utf-8") << QByteArray("{\"k\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}") << true;
        QTest::newRow("array at top") << QByteArray("[1]") << false;
        QTest::newRow("string at top") << QByteArray("\"a\"") << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}") << false;
        QTest::newRow("unquoted key") << QByteArray("{a:1}") << false;
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << false;
        QTest::newRow("leading zero") << QByteArray("{\"a\":01}") << false;
        QTest::newRow("bare dot") << QByteArray("{\"a\":1.}") << false;
        QTest::newRow("plus sign") << QByteArray("{\"a\":+1}") << false;
        QTest::newRow("NaN") << QByteArray("{\"a\":NaN}") << false;
        QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\x\"}") << false;
        QTest::newRow("short unicode escape") << QByteArray("{\"a\":\"\\u12\"}") << false;
        QTest::newRow("control character") << QByteArray("{\"a\":\"\x01\"}") << false;
        QTest::newRow("unfinished") << QByteArray("{\"a\":[1,2") << false;
        QTest::newRow("text after") << QByteArray("{} x") << false;
        QTest::newRow("two objects") << QByteArray("{}{}") << false;
        QTest::newRow("overlong UTF-8") << QByteArray("{\"a\":\"\xc0\xaf\"}") << false;
        QTest::newRow("surrogate in UTF-8") << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << false;
        QTest::newRow("cut UTF-8") << QByteArray("{\"a\":\"\xe2\x82\"}") << false;
        QTest::newRow("deep") << (QByteArray("{\"a\":") + QByteArray(600, '[') + QByteArray(600, ']') + "}") << false;
    }
    void cases()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QString why;
        QCOMPARE(isJsonObjectText(text, &why), valid);
        QCOMPARE(why.isEmpty(), valid);
        if (!valid) QVERIFY2(why.contains(QStringLiteral("at byte")), qPrintable(why));
    }

    // ASCII mutations (QJsonDocument replaces bad UTF-8 instead of failing,
    // so only ASCII is compared). Qt is more lenient than RFC 8259 (it takes
    // -.25, 1.e3 and unknown escapes such as \q), so the check is one way:
    // whatever this accepts, Qt accepts; and it accepts Qt's own output.
    void agreesWithQJsonDocument()
    {
        const QByteArray seeds[] = {"{\"lang\":\"en\",\"n\":12,\"tags\":[\"a\",\"b\"],\"x\":{\"y\":[1.5e3,null,true]}}",
                                    "{\"a\":\"q\\\"uote\",\"b\":-0.25,\"c\":[],\"d\":{}}"};
        const char alphabet[] = "{}[]\":,.-+e0123456789 tfnrul\\abc";
        QRandomGenerator rng(20261121);
        int disagreements = 0, checked = 0; // accepted here, refused by Qt
        for (int i = 0; i < 20000; ++i) {
            QByteArray t = seeds[i % 2];
            const int edits = 1 + int(rng.bounded(3));
            for (int e = 0; e < edits; ++e) {
                const int at = int(rng.bounded(t.size() + 1));
                switch (rng.bounded(3)) {
                case 0:
                    if (at < t.size()) t.remove(at, 1);
                    break;
                case 1: t.insert(at, alphabet[rng.bounded(int(sizeof alphabet - 1))]); break;
                default:
                    if (at < t.size()) t[at] = alphabet[rng.bounded(int(sizeof alphabet - 1))];
                    break;
                }
            }
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(t, &pe);
            const bool qt = pe.error == QJsonParseError::NoError && doc.isObject();
            ++checked;
            const bool ours = isJsonObjectText(t);
            if (qt) QVERIFY(isJsonObjectText(doc.toJson(QJsonDocument::Compact)));
            if (ours && !qt) {
                ++disagreements;
                qWarning("disagree on %s: Qt %d", t.constData(), int(qt));
            }
        }
        QCOMPARE(disagreements, 0);
        QCOMPARE(checked, 20000);
    }

    // B4 (issue 14): a write accepted metadata nested 512-1023 deep that full
    // verify then called damaged. One limit, kMaxMetadataNesting, for the
    // write side (Schema::validateMetadata, the JSON Lines reader) and the
    // verify side (isJsonObjectText): each accepts exactly the same depths.
    void metadataNestingHasOneLimit_data()
    {
        QTest::addColumn<int>("nesting");
        for (int n : {2, kMaxMetadataNesting - 1, kMaxMetadataNesting, kMaxMetadataNesting + 1, 700, 1000})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }
    void metadataNestingHasOneLimit()
    {
        QFETCH(int, nesting);
        // {"a":[[...[1]...]]}: the object and nesting - 1 arrays.
        QByteArray text = "{\"a\":" + QByteArray(nesting - 1, '[') + "1" + QByteArray(nesting - 1, ']') + "}";
        const bool allowed = nesting <= kMaxMetadataNesting;

        QString why;
        QCOMPARE(isJsonObjectText(text, &why), allowed);
        if (!allowed) QVERIFY2(why.contains(QStringLiteral("nesting too deep")), qPrintable(why));

        // What Qt parses (up to its own, higher, limit) goes through the schema check.
        const QJsonDocument document = QJsonDocument::fromJson(text);
        if (document.isObject()) {
            QCOMPARE(jsonNesting(document.object()), nesting);
            Schema schema;
            schema.dimensions = 1;
            const Error error = schema.validateMetadata(document.object(), text.size());
            QVERIFY2(error.ok() == allowed, qPrintable(error.message()));
            if (!allowed)
                QVERIFY2(error.message().contains(QString::number(kMaxMetadataNesting)), qPrintable(error.message()));
        }

        // The JSON Lines reader (insert, import) says where it went too deep.
        const QByteArray line = "{\"id\":\"x\",\"vector\":[1],\"metadata\":" + text + "}";
        const Result<Item> parsed = formats::parseJsonLine(line);
        QVERIFY2(parsed.ok() == allowed, parsed.ok() ? "accepted" : qPrintable(parsed.error().message()));
        if (!allowed) {
            QVERIFY2(parsed.error().message().contains(QStringLiteral("more than %1 deep").arg(kMaxMetadataNesting)),
                     qPrintable(parsed.error().message()));
            // The column of the first bracket past the limit (the object is at column 35, its first array at 40).
            const int column = 39 + kMaxMetadataNesting;
            QVERIFY2(parsed.error().message().contains(QStringLiteral("column %1").arg(column)),
                     qPrintable(parsed.error().message()));
        }
    }
    // One writer for every JSON string the engine writes by hand (the JSON
    // Lines export and a filter's canonical form used to escape \b and \f
    // differently): the short escapes where JSON has them, \u00XX for the
    // other control characters, every other byte as it is.
    void appendJsonStringEscapes()
    {
        QByteArray all;
        for (int c = 0; c < 0x20; ++c)
            all += char(c);
        all += "\"\\/ a\xc3\xa9\x7f";
        QByteArray out = "x";
        appendJsonString(out, all);
        QCOMPARE(out, QByteArray("x\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                                 "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
                                 "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\\"\\\\/ a\xc3\xa9\x7f\""));
        // What it writes reads back as the same string.
        const QJsonDocument back = QJsonDocument::fromJson("[" + out.mid(1) + "]");
        QVERIFY(back.isArray());
        QCOMPARE(back.array().at(0).toString(), QString::fromUtf8(all));
        QByteArray empty;
        appendJsonString(empty, {});
        QCOMPARE(empty, QByteArray("\"\""));
    }
};

QTEST_GUILESS_MAIN(TestJsonSyntax)
#include "tst_json_syntax.moc"
