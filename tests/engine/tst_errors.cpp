// Errors carry what callers need as fields (docs/errors.md): the errno, the
// position of a parse error, the element of a query vector, why a filter was
// refused. These tests assert the fields, never the wording.

#include "sextant/Error.h"
#include "sextant/QueryVector.h"
#include "sextant/Filter.h"
#include "sextant/JsonLines.h"
#include "base/FileIo.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>

using namespace sextant;

class TestErrors : public QObject {
    Q_OBJECT

private slots:
    void fromErrnoKeepsTheErrno()
    {
        const Error e = Error::fromErrno(ENOSPC, QStringLiteral("write to"), QStringLiteral("/x/y"));
        QCOMPARE(e.code(), ErrorCode::Io);
        QCOMPARE(e.systemError(), ENOSPC);
        QCOMPARE(e.path(), QStringLiteral("/x/y"));
        QCOMPARE(e.source(), ErrorSource::General);
        QCOMPARE(e.offset(), qint64(-1));
        QCOMPARE(Error().systemError(), 0);
    }

    void fileErrorsCarryTheErrno()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(QStringLiteral("no/such/file"));
        const Result<base::File> file = base::File::open(missing, base::File::Mode::ReadOnly);
        QVERIFY(!file.ok());
        const Error &e = file.error();
        QCOMPARE(e.code(), ErrorCode::Io);
        QCOMPARE(e.systemError(), ENOENT);
        QCOMPARE(e.path(), missing);
    }

    void rephrasedKeepsTheFields()
    {
        Error e = Error(ErrorCode::Locked, QStringLiteral("x"), QStringLiteral("/idx"))
                      .withHolder(QStringLiteral("app"), 42, QStringLiteral("host"));
        e.withServer(QStringLiteral("http://s/v1/embeddings"), 404).withPosition(7, 2, 3).withSystemError(EACCES);
        const Error r = e.rephrased(QStringLiteral("Item 3 of the batch: x"));
        QCOMPARE(r.message(), QStringLiteral("Item 3 of the batch: x"));
        QCOMPARE(r.code(), ErrorCode::Locked);
        QCOMPARE(r.path(), QStringLiteral("/idx"));
        QCOMPARE(r.holderApplication(), QStringLiteral("app"));
        QCOMPARE(r.holderPid(), qint64(42));
        QCOMPARE(r.holderHost(), QStringLiteral("host"));
        QCOMPARE(r.serverUrl(), QStringLiteral("http://s/v1/embeddings"));
        QCOMPARE(r.httpStatus(), 404);
        QCOMPARE(r.source(), ErrorSource::Embedder);
        QCOMPARE(r.offset(), qint64(7));
        QCOMPARE(r.line(), qint64(2));
        QCOMPARE(r.column(), qint64(3));
        QCOMPARE(r.systemError(), EACCES);
    }

    void filterErrorsSayWhereAndWhat_data()
    {
        using P = FilterSyntax::Problem;
        using X = FilterSyntax::Expected;
        using K = FilterSyntax::Kind;
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("at"); // the text from the offending byte on
        QTest::addColumn<qint64>("line");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("afterEnd");
        QTest::addColumn<int>("expected");
        QTest::newRow("missing comma") << QByteArray(R"({"lang": {"$in": ["en" "de"]}})") << QByteArray(R"("de"]}})")
                                       << qint64(1) << int(P::UnexpectedCharacter) << "\""
                                       << "" << int(K::None) << false << int(X::CommaOrBracket);
        QTest::newRow("second line") << QByteArray("{\"a\": 1,\n  \"n\": {\"$gt\" 5}}") << QByteArray("5}}")
                                     << qint64(2) << int(P::UnexpectedCharacter) << "5"
                                     << "" << int(K::None) << false << int(X::Colon);
        QTest::newRow("end") << QByteArray(R"({"a": )") << QByteArray() << qint64(1) << int(P::UnexpectedEnd) << ""
                             << "" << int(K::None) << false << int(X::Value);
        QTest::newRow("byte") << QByteArray("{\"a\": \x01}") << QByteArray("\x01}") << qint64(1)
                              << int(P::UnexpectedByte) << "0x01"
                              << "" << int(K::None) << false << int(X::Other);
        QTest::newRow("after the end") << QByteArray(R"({"a": 1} x)") << QByteArray("x") << qint64(1)
                                       << int(P::UnexpectedCharacter) << "x"
                                       << "" << int(K::None) << true << int(X::Other);
        QTest::newRow("unknown operator") << QByteArray(R"({"a": {"$regex": "x"}})") << QByteArray(R"("$regex": "x"}})")
                                          << qint64(1) << int(P::UnknownOperator) << "$regex"
                                          << "" << int(K::None) << false << int(X::Operator);
        QTest::newRow("unknown top operator") << QByteArray(R"({"$not": {}})") << QByteArray(R"("$not": {}})")
                                              << qint64(1) << int(P::UnknownOperator) << "$not"
                                              << "" << int(K::None) << false << int(X::AndOrOrField);
        QTest::newRow("array as value") << QByteArray(R"({"tags": [1, 2]})") << QByteArray("[1, 2]}") << qint64(1)
                                        << int(P::ValueOfField) << ""
                                        << "tags" << int(K::Array) << false << int(X::Other);
        QTest::newRow("nested key") << QByteArray(R"({"a": {"b": 1}})") << QByteArray(R"("b": 1}})") << qint64(1)
                                    << int(P::NestedKey) << "b"
                                    << "a" << int(K::None) << false << int(X::OperatorOrNestedPath);
        QTest::newRow("empty condition") << QByteArray(R"({"a": {}})") << QByteArray("{}}") << qint64(1)
                                         << int(P::EmptyCondition) << ""
                                         << "a" << int(K::None) << false << int(X::AnOperator);
        QTest::newRow("operand of $and") << QByteArray(R"({"$and": 3})") << QByteArray("3}") << qint64(1)
                                         << int(P::OperandOf) << "$and"
                                         << "" << int(K::Number) << false << int(X::FilterObjectArray);
        QTest::newRow("operand of $gt") << QByteArray(R"({"a": {"$gt": true}})") << QByteArray("true}}") << qint64(1)
                                        << int(P::OperandOf) << "$gt"
                                        << "" << int(K::Bool) << false << int(X::NumberOrString);
        QTest::newRow("duplicate key") << QByteArray(R"({"a": 1, "a": 2})") << QByteArray(R"("a": 2})") << qint64(1)
                                       << int(P::DuplicateKey) << "a"
                                       << "" << int(K::None) << false << int(X::EachKeyOnce);
        QTest::newRow("leading zero") << QByteArray(R"({"a": 01})") << QByteArray("01}") << qint64(1)
                                      << int(P::LeadingZero) << ""
                                      << "" << int(K::None) << false << int(X::Other);
        QTest::newRow("empty field") << QByteArray(R"({"": 1})") << QByteArray(R"("": 1})") << qint64(1)
                                     << int(P::EmptyFieldName) << ""
                                     << "" << int(K::None) << false << int(X::FieldName);
    }
    void filterErrorsSayWhereAndWhat()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, at);
        QFETCH(qint64, line);
        QFETCH(int, problem);
        QFETCH(QString, subject);
        QFETCH(QString, field);
        QFETCH(int, kind);
        QFETCH(bool, afterEnd);
        QFETCH(int, expected);
        FilterSyntax why;
        const Result<Filter> parsed = Filter::parse(text, &why);
        QVERIFY(!parsed.ok());
        const Error &e = parsed.error();
        QCOMPARE(e.code(), ErrorCode::MalformedInput);
        QCOMPARE(e.source(), ErrorSource::Filter);
        const qint64 offset = text.size() - at.size();
        QCOMPARE(e.offset(), offset);
        QCOMPARE(e.line(), line);
        const qint64 lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        QCOMPARE(e.column(), offset - lineStart + 1);
        QCOMPARE(int(why.problem), problem);
        QCOMPARE(why.subject, subject);
        QCOMPARE(why.field, field);
        QCOMPARE(int(why.kind), kind);
        QCOMPARE(why.afterEnd, afterEnd);
        QCOMPARE(int(why.expected), expected);
        QVERIFY(!why.problemText.isEmpty());
        QVERIFY(!why.expectedText.isEmpty());
    }

    void filterColumnsCountCharacters()
    {
        // "é" is two bytes and one character: the offset counts bytes, the column characters.
        const QByteArray text = "{\"\xc3\xa9\": {\"$eq\" 1}}";
        const Result<Filter> parsed = Filter::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().offset(), qint64(text.indexOf('1')));
        QCOMPARE(parsed.error().column(), qint64(text.indexOf('1')));
    }

    void queryVectorErrorsNameTheElement_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("code");
        QTest::addColumn<qint64>("element");
        QTest::addColumn<qint64>("offset");
        QTest::newRow("string") << QByteArray(R"([1, "x", 3])") << int(ErrorCode::MalformedInput) << qint64(2)
                                << qint64(-1);
        QTest::newRow("first") << QByteArray("[null]") << int(ErrorCode::MalformedInput) << qint64(1) << qint64(-1);
        QTest::newRow("too large") << QByteArray("[1, 2, 1e39]") << int(ErrorCode::NonFiniteValue) << qint64(3)
                                   << qint64(-1);
        QTest::newRow("not JSON") << QByteArray("[1, 2,") << int(ErrorCode::MalformedInput) << qint64(0) << qint64(6);
        QTest::newRow("object") << QByteArray(R"({"v": [1]})") << int(ErrorCode::MalformedInput) << qint64(0)
                                << qint64(-1);
        QTest::newRow("empty") << QByteArray("[]") << int(ErrorCode::DimensionMismatch) << qint64(0) << qint64(-1);
    }
    void queryVectorErrorsNameTheElement()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, code);
        QFETCH(qint64, element);
        QFETCH(qint64, offset);
        const Result<QVector<float>> v = parseQueryVector(text, QStringLiteral("the test"));
        QVERIFY(!v.ok());
        QCOMPARE(int(v.error().code()), code);
        QCOMPARE(v.error().source(), ErrorSource::QueryVector);
        QCOMPARE(v.error().element(), element); // from 1: the first number is element 1
        if (offset >= 0)
            QVERIFY2(v.error().offset() >= 0 && v.error().offset() <= offset, qPrintable(v.error().message()));
        else
            QCOMPARE(v.error().offset(), qint64(-1));
    }

    void queryVectorParses()
    {
        const Result<QVector<float>> v = parseQueryVector(" [0.5, -2, 3e-4] ", QStringLiteral("the test"));
        QVERIFY(v.ok());
        QCOMPARE(*v, (QVector<float>{0.5f, -2.0f, 3e-4f}));
    }

    void jsonLineErrorsHaveAColumn()
    {
        // The CLI's --report file reads the column from here, not from the sentence.
        for (const QByteArray &line : {QByteArray(R"({"id":"a","vector":[1,]})"),
                                       QByteArray(R"({"id":"a","vector":[1,NaN]})"), QByteArray(R"({"id":"a",x})")}) {
            const Result<Item> parsed = formats::parseJsonLine(line);
            QVERIFY(!parsed.ok());
            const qint64 at = line.indexOf(line.contains("NaN") ? "NaN" : line.contains(",]") ? "]" : "x");
            QCOMPARE(parsed.error().column(), at + 1);
            QCOMPARE(parsed.error().offset(), at);
        }
    }
};

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
