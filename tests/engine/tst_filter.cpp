// The metadata filter language: its typed semantics (one table, every
// operator against every kind of value), its errors and their positions,
// the canonical form, and that the columnar evaluator agrees with the
// reference evaluator on thousands of random filters.

#include "index/Bitmap.h"
#include "sextant/Filter.h"
#include "index/FilterColumns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

using namespace sextant;

namespace {

QJsonObject objectOf(const QByteArray &json) { return QJsonDocument::fromJson(json).object(); }

Filter parseOrFail(const QByteArray &text)
{
    Result<Filter> f = Filter::parse(text);
    if (!f.ok()) qWarning("%s: %s", text.constData(), qPrintable(f.error().message()));
    return f.ok() ? f.value() : Filter();
}

// Every evaluator's answer for one filter on one metadata text, as a string
// such as "1111" (matches, matchesJson, matchesRow, evaluate) to compare at once.
QString answers(const Filter &filter, const QByteArray &metadata)
{
    const FilterColumns columns =
        FilterColumns::build(filter.fields(), 1, [&](qint64) { return QByteArrayView(metadata); });
    Bitmap bits;
    filter.evaluate(columns, bits);
    QString out;
    for (bool b : {filter.matches(objectOf(metadata)), filter.matchesJson(metadata), filter.matchesRow(columns, 0),
                   bits.size() == 1 && bits.test(0)})
        out += b ? u'1' : u'0';
    return out;
}

QString expectedAnswers(bool expected) { return expected ? QStringLiteral("1111") : QStringLiteral("0000"); }

// ---- random filters and metadata for the property test --------------------

struct RandomSource {
    QRandomGenerator rng;
    explicit RandomSource(quint32 seed) : rng(seed) { }
    int below(int n) { return int(rng.bounded(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T, size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[below(int(N))];
    }
};

const char *const kStrings[] = {"\"\"", "\"a\"", "\"b\"", "\"ab\"", "\"B\"", "\"5\"", "\"\\u00e9\"", "\"z\\\"q\""};
const char *const kNumbers[] = {"-3", "-1.5", "0", "1", "2", "2.5", "5", "1e3"};
const char *const kFields[] = {"a", "b", "c", "tags", "d.e", "x.y.z", "missing"};

QByteArray randomScalar(RandomSource &r)
{
    switch (r.below(3)) {
    case 0: return r.pick(kStrings);
    case 1: return r.pick(kNumbers);
    default: return r.chance(50) ? "true" : "false";
    }
}

QByteArray randomMetadataValue(RandomSource &r, int depth)
{
    const int kind = r.below(depth > 1 ? 6 : 8);
    switch (kind) {
    case 0: return "null";
    case 1:
    case 2:
    case 3: return randomScalar(r);
    case 4:
    case 5: {
        QByteArray out = "[";
        const int n = r.below(4);
        for (int i = 0; i < n; ++i) {
            if (i) out += ',';
            out += r.chance(85) ? randomScalar(r) : (r.chance(50) ? QByteArray("null") : QByteArray("[1]"));
        }
        return out + "]";
    }
    default: {
        QByteArray out = "{";
        const char *keys[] = {"e", "y", "z", "y.z"};
        const int n = r.below(3);
        for (int i = 0; i < n; ++i)
            out +=
                (i ? ",\"" : "\"") + QByteArray(keys[(i + r.below(4)) % 4]) + "\":" + randomMetadataValue(r, depth + 1);
        return out + "}";
    }
    }
}

QByteArray randomMetadata(RandomSource &r)
{
    if (r.chance(3)) return r.chance(50) ? QByteArray("not json") : QByteArray("[1,2]");
    QByteArray out = "{";
    const char *keys[] = {"a", "b", "c", "tags", "d", "d.e", "x", "x.y", "other"};
    bool first = true;
    for (const char *key : keys) {
        if (!r.chance(60)) continue;
        // Containers of the dotted paths "d.e" and "x.y.z" mostly lead on to
        // them, by more than one route, so the path rules get exercised.
        QByteArray value = randomMetadataValue(r, 0);
        if (r.chance(60)) {
            const QByteArray k = key;
            if (k == "d")
                value = "{\"e\":" + value + "}";
            else if (k == "x")
                value = r.chance(50) ? "{\"y\":{\"z\":" + value + "}}" : "{\"y.z\":" + value + "}";
            else if (k == "x.y")
                value = "{\"z\":" + value + "}";
        }
        out += (first ? "\"" : ",\"") + QByteArray(key) + "\":" + value;
        first = false;
    }
    return out + "}";
}

QByteArray randomCondition(RandomSource &r)
{
    static const char *const ops[] = {"$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists"};
    const QByteArray op = r.pick(ops);
    QByteArray operand;
    if (op == "$exists") {
        operand = r.chance(50) ? "true" : "false";
    } else if (op == "$in" || op == "$nin") {
        operand = "["; // up to 9 elements: the kernels treat small and large sets apart
        const int n = r.chance(50) ? r.below(4) : r.below(10);
        for (int i = 0; i < n; ++i)
            operand += (i ? "," : "") + randomScalar(r);
        operand += "]";
    } else if (op == "$eq" || op == "$ne") {
        operand = randomScalar(r);
    } else {
        operand = r.chance(60) ? QByteArray(r.pick(kNumbers)) : QByteArray(r.pick(kStrings));
    }
    return "\"" + op + "\":" + operand;
}

QByteArray randomFilter(RandomSource &r, int depth)
{
    QList<QByteArray> members;
    QList<QByteArray> used; // keys, never twice in one object
    const int keys = depth == 0 ? 1 + r.below(3) : r.below(3);
    for (int k = 0; k < keys; ++k) {
        const int kind = r.below(depth < 3 ? 5 : 3);
        const QByteArray key = kind == 3 ? "$and" : kind == 4 ? "$or" : r.pick(kFields);
        if (used.contains(key)) continue;
        used.append(key);
        QByteArray member = "\"" + key + "\":";
        if (kind >= 3) {
            QList<QByteArray> list;
            for (int i = 1 + r.below(3); i > 0; --i)
                list.append(randomFilter(r, depth + 1));
            member += "[" + list.join(',') + "]";
        } else if (kind == 0) {
            member += randomScalar(r);
        } else {
            const QByteArray first = randomCondition(r);
            QByteArray second = kind == 2 ? randomCondition(r) : QByteArray();
            if (second.left(second.indexOf(':')) == first.left(first.indexOf(':'))) second.clear(); // same operator
            member += "{" + first + (second.isEmpty() ? QByteArray() : "," + second) + "}";
        }
        members.append(member);
    }
    return "{" + members.join(',') + "}";
}

// SEXTANT_FILTER_SEED=n runs the random tests with another seed.
quint32 seedOr(quint32 fixed)
{
    return qEnvironmentVariableIsSet("SEXTANT_FILTER_SEED")
               ? quint32(qEnvironmentVariableIntValue("SEXTANT_FILTER_SEED"))
               : fixed;
}

QByteArray mutate(RandomSource &r, const QList<QByteArray> &seeds)
{
    QByteArray text = seeds[r.below(int(seeds.size()))];
    const char alphabet[] = "{}[]\":,$\\ u0123456789eE.-+tfnal\xff\xc3\xa9\x80";
    const int steps = 1 + r.below(4);
    for (int s = 0; s < steps; ++s) {
        const int at = text.isEmpty() ? 0 : r.below(int(text.size()));
        switch (r.below(7)) {
        case 0:
            if (!text.isEmpty()) text[at] = char(r.below(256));
            break;
        case 1: text.insert(at, alphabet[r.below(int(sizeof alphabet) - 1)]); break;
        case 2: text.remove(at, 1 + r.below(4)); break;
        case 3: text.truncate(at); break;
        case 4: { // splice the tail of another seed
            const QByteArray &other = seeds[r.below(int(seeds.size()))];
            text = text.left(at) + other.mid(r.below(int(other.size()) + 1));
            break;
        }
        case 5: text.insert(at, text.mid(at, r.below(12))); break;
        default: {
            QByteArray noise(r.below(8), Qt::Uninitialized);
            for (char &c : noise)
                c = char(r.below(256));
            text.insert(at, noise);
        }
        }
    }
    return text;
}

} // namespace

class TestFilter : public QObject {
    Q_OBJECT

private slots:
    void semantics_data();
    void semantics();
    void noCoercionAndVectraDifferences_data();
    void noCoercionAndVectraDifferences();
    void dottedPaths();
    void emptyFilters();
    void fieldsAreSortedAndDistinct();
    void parseErrors_data();
    void parseErrors();
    void limits();
    void canonicalForm();
    void unparsableMetadataIsAnEmptyObject();
    void bitmapOperations();
    void columnsIncrementallyEqualBuilt();
    void columnarEqualsReference();
    void fuzzedFiltersNeverCrash();
};

// Operator × value type × missing. Columns of `expected`: the metadata
// values below, in order.
void TestFilter::semantics_data()
{
    QTest::addColumn<QByteArray>("filter");
    QTest::addColumn<QByteArray>("metadata");
    QTest::addColumn<bool>("expected");

    const QList<QPair<const char *, QByteArray>> values = {
        {"number", R"({"f":5})"},           {"string", R"({"f":"b"})"},    {"bool", R"({"f":true})"},
        {"array", R"({"f":[5,"b",true]})"}, {"null", R"({"f":null})"},     {"object", R"({"f":{"g":5}})"},
        {"missing", R"({"g":5})"},          {"emptyArray", R"({"f":[]})"}, {"nestedArray", R"({"f":[[5],["b"]]})"},
    };
    const QList<QPair<QByteArray, const char *>> table = {
        //                                  num str bool arr null obj miss []  [[]]
        {R"({"f":5})", "1   0   0    1   0    0   0    0   0"},
        {R"({"f":{"$eq":"b"}})", "0   1   0    1   0    0   0    0   0"},
        {R"({"f":true})", "0   0   1    1   0    0   0    0   0"},
        {R"({"f":false})", "0   0   0    0   0    0   0    0   0"},
        {R"({"f":{"$ne":5}})", "0   1   1    0   1    1   1    1   1"},
        {R"({"f":{"$ne":"b"}})", "1   0   1    0   1    1   1    1   1"},
        {R"({"f":{"$ne":true}})", "1   1   0    0   1    1   1    1   1"},
        {R"({"f":{"$gt":4}})", "1   0   0    1   0    0   0    0   0"},
        {R"({"f":{"$gt":5}})", "0   0   0    0   0    0   0    0   0"},
        {R"({"f":{"$gte":5}})", "1   0   0    1   0    0   0    0   0"},
        {R"({"f":{"$lt":5}})", "0   0   0    0   0    0   0    0   0"},
        {R"({"f":{"$lte":5}})", "1   0   0    1   0    0   0    0   0"},
        {R"({"f":{"$gt":"a"}})", "0   1   0    1   0    0   0    0   0"},
        {R"({"f":{"$gte":"b"}})", "0   1   0    1   0    0   0    0   0"},
        {R"({"f":{"$lt":"b"}})", "0   0   0    0   0    0   0    0   0"},
        {R"({"f":{"$lte":"b"}})", "0   1   0    1   0    0   0    0   0"},
        {R"({"f":{"$gt":4,"$lt":6}})", "1   0   0    1   0    0   0    0   0"},
        {R"({"f":{"$in":[5]}})", "1   0   0    1   0    0   0    0   0"},
        {R"({"f":{"$in":["b",7]}})", "0   1   0    1   0    0   0    0   0"},
        {R"({"f":{"$in":[true]}})", "0   0   1    1   0    0   0    0   0"},
        {R"({"f":{"$in":["5"]}})", "0   0   0    0   0    0   0    0   0"},
        {R"({"f":{"$in":[]}})", "0   0   0    0   0    0   0    0   0"},
        {R"({"f":{"$nin":[5]}})", "0   1   1    0   1    1   1    1   1"},
        {R"({"f":{"$nin":["b",true]}})", "1   0   0    0   1    1   1    1   1"},
        {R"({"f":{"$nin":[]}})", "1   1   1    1   1    1   1    1   1"},
        {R"({"f":{"$exists":true}})", "1   1   1    1   1    1   0    1   1"},
        {R"({"f":{"$exists":false}})", "0   0   0    0   0    0   1    0   0"},
    };
    for (const auto &[filter, row] : table) {
        const QStringList cells = QString::fromLatin1(row).split(u' ', Qt::SkipEmptyParts);
        QCOMPARE(cells.size(), values.size());
        for (int i = 0; i < values.size(); ++i)
            QTest::addRow("%s on %s", filter.constData(), values[i].first)
                << filter << values[i].second << (cells[i] == u"1");
    }
}

void TestFilter::semantics()
{
    QFETCH(QByteArray, filter);
    QFETCH(QByteArray, metadata);
    QFETCH(bool, expected);
    const Result<Filter> parsed = Filter::parse(filter);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
    QCOMPARE(answers(parsed.value(), metadata), expectedAnswers(expected));
}

void TestFilter::noCoercionAndVectraDifferences_data()
{
    QTest::addColumn<QByteArray>("filter");
    QTest::addColumn<QByteArray>("metadata");
    QTest::addColumn<bool>("expected");
    // No coercion between types.
    QTest::newRow("string never equals number") << QByteArray(R"({"f":"5"})") << QByteArray(R"({"f":5})") << false;
    QTest::newRow("number never equals string") << QByteArray(R"({"f":5})") << QByteArray(R"({"f":"5"})") << false;
    QTest::newRow("bool never equals 1") << QByteArray(R"({"f":true})") << QByteArray(R"({"f":1})") << false;
    QTest::newRow("number range skips strings")
        << QByteArray(R"({"f":{"$gt":1}})") << QByteArray(R"({"f":"9"})") << false;
    QTest::newRow("string range skips numbers")
        << QByteArray(R"({"f":{"$lt":"z"}})") << QByteArray(R"({"f":1})") << false;
    QTest::newRow("1 equals 1.0") << QByteArray(R"({"f":1.0})") << QByteArray(R"({"f":1})") << true;
    QTest::newRow("0 equals -0") << QByteArray(R"({"f":0})") << QByteArray(R"({"f":-0.0})") << true;
    QTest::newRow("strings compare bytewise")
        << QByteArray(R"({"f":{"$gt":"Z"}})") << QByteArray(R"({"f":"a"})") << true;
    QTest::newRow("utf-8 order: e-acute after z")
        << QByteArray(R"({"f":{"$gt":"z"}})") << QByteArray(R"({"f":"é"})") << true;
    QTest::newRow("prefix sorts first") << QByteArray(R"({"f":{"$lt":"ab"}})") << QByteArray(R"({"f":"a"})") << true;
    // Where Sextant differs from Vectra 0.15 (docs/filters.md).
    QTest::newRow("vectra: $ne on missing is true") << QByteArray(R"({"f":{"$ne":1}})") << QByteArray("{}") << true;
    QTest::newRow("vectra: $nin on missing is true") << QByteArray(R"({"f":{"$nin":[1]}})") << QByteArray("{}") << true;
    QTest::newRow("vectra: $gt compares strings")
        << QByteArray(R"({"f":{"$gt":"m"}})") << QByteArray(R"({"f":"n"})") << true;
    QTest::newRow("vectra: $in matches numbers")
        << QByteArray(R"({"f":{"$in":[42]}})") << QByteArray(R"({"f":42})") << true;
    QTest::newRow("vectra: 42 in [42]") << QByteArray(R"({"f":42})") << QByteArray(R"({"f":[42]})") << true;
    QTest::newRow("vectra: $in [42] not by substring")
        << QByteArray(R"({"f":{"$in":[42]}})") << QByteArray(R"({"f":["420"]})") << false;
    QTest::newRow("vectra: $in matches bools")
        << QByteArray(R"({"f":{"$in":[true]}})") << QByteArray(R"({"f":[true]})") << true;
    QTest::newRow("vectra: $nin excludes bools")
        << QByteArray(R"({"f":{"$nin":[false]}})") << QByteArray(R"({"f":false})") << false;
    // Arrays: each operator asks "any element?" on its own.
    QTest::newRow("any element per operator")
        << QByteArray(R"({"f":{"$gt":5,"$lt":2}})") << QByteArray(R"({"f":[1,9]})") << true;
    QTest::newRow("$ne: no element equals")
        << QByteArray(R"({"f":{"$ne":"x"}})") << QByteArray(R"({"f":["y","x"]})") << false;
    QTest::newRow("$ne: array without it")
        << QByteArray(R"({"f":{"$ne":"x"}})") << QByteArray(R"({"f":["y"]})") << true;
    QTest::newRow("objects in arrays never equal")
        << QByteArray(R"({"f":{"$in":[1]}})") << QByteArray(R"({"f":[{"g":1}]})") << false;
    QTest::newRow("$exists true on null")
        << QByteArray(R"({"f":{"$exists":true}})") << QByteArray(R"({"f":null})") << true;
}

void TestFilter::noCoercionAndVectraDifferences() { semantics(); }

void TestFilter::dottedPaths()
{
    const auto check = [](const QByteArray &filter, const QByteArray &metadata, bool expected) {
        const Filter f = parseOrFail(filter);
        const QString got = answers(f, metadata);
        if (got != expectedAnswers(expected))
            qWarning("%s on %s: %s", filter.constData(), metadata.constData(), qPrintable(got));
        return got == expectedAnswers(expected);
    };
    QVERIFY(check(R"({"a.b":1})", R"({"a":{"b":1}})", true));
    QVERIFY(check(R"({"a.b.c":1})", R"({"a":{"b":{"c":1}}})", true));
    // The literal key wins over the nested path.
    QVERIFY(check(R"({"a.b":1})", R"({"a.b":1,"a":{"b":2}})", true));
    QVERIFY(check(R"({"a.b":2})", R"({"a.b":1,"a":{"b":2}})", false));
    // Longer literal prefixes first; a dead end falls back to shorter ones.
    QVERIFY(check(R"({"a.b.c":1})", R"({"a.b":{"c":1},"a":{"b":{"c":2}}})", true));
    QVERIFY(check(R"({"a.b.c":2})", R"({"a.b":{"x":1},"a":{"b":{"c":2}}})", true));
    QVERIFY(check(R"({"a.b.c":3})", R"({"a":{"b.c":3}})", true));
    // Paths do not descend into arrays, and scalars have no members.
    QVERIFY(check(R"({"a.b":1})", R"({"a":[{"b":1}]})", false));
    QVERIFY(check(R"({"a.0":1})", R"({"a":[1]})", false));
    QVERIFY(check(R"({"a.b":{"$exists":false}})", R"({"a":5})", true));
    QVERIFY(check(R"({"a":{"$exists":true}})", R"({"a":{"b":1}})", true));
    // Duplicate keys in metadata: the last one counts, as in QJsonDocument.
    QVERIFY(check(R"({"a":2})", R"({"a":1,"a":2})", true));
}

void TestFilter::emptyFilters()
{
    for (const QByteArray &text : {QByteArray(), QByteArray("  \n\t "), QByteArray("{}"), QByteArray(" { } "),
                                   QByteArray(R"({"$and":[{}]})"), QByteArray(R"({"$or":[{},{"a":1}]})")}) {
        const Result<Filter> f = Filter::parse(text);
        QVERIFY2(f.ok(), text.constData());
        QVERIFY2(f->isEmpty(), text.constData());
        QCOMPARE(f->canonical(), QByteArray("{}"));
        QVERIFY(f->matches(QJsonObject()));
        QVERIFY(f->matchesJson("garbage"));
        Bitmap bits;
        f->evaluate(FilterColumns::build({}, 70, [](qint64) { return QByteArrayView("{}"); }), bits);
        QCOMPARE(bits.count(), qint64(70));
    }
    QVERIFY(Filter().isEmpty());
    QVERIFY(!parseOrFail(R"({"a":{"$nin":[]}})").isEmpty()); // always true, but not the empty filter
}

void TestFilter::fieldsAreSortedAndDistinct()
{
    const Filter f = parseOrFail(R"({"z":1,"$or":[{"b.c":{"$gt":1}},{"a":2},{"z":{"$exists":true}}]})");
    QCOMPARE(f.fields(), QStringList({QStringLiteral("a"), QStringLiteral("b.c"), QStringLiteral("z")}));
    QCOMPARE(parseOrFail(R"({"é":1})").fields(), QStringList({QStringLiteral("é")}));
}

void TestFilter::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const QByteArray &text, const char *message) {
        QTest::newRow(name) << text << QString::fromUtf8(message);
    };
    row("unknown operator", R"({"price": {"$regex": "^a"}})",
        R"(Filter: unknown operator "$regex" at character 11 (line 1, column 12); expected one of $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists)");
    row("unknown top-level operator", R"({"$not": {"a": 1}})",
        R"(Filter: unknown operator "$not" at character 1 (line 1, column 2); expected $and, $or or a field name)");
    row("trailing comma", R"({"a": 1,})",
        R"(Filter: unexpected character '}' at character 8 (line 1, column 9); expected a quoted key)");
    row("trailing garbage", R"({"a": 1} x)",
        R"(Filter: unexpected character 'x' after the end of the JSON value at character 9 (line 1, column 10); expected the end of the text)");
    row("null value", R"({"a": null})",
        R"(Filter: null as the value of field "a" at character 6 (line 1, column 7); expected a string, number, bool or operator object (to match a missing field use {"$exists": false}))");
    row("array value", R"({"a": [1,2]})",
        R"(Filter: an array as the value of field "a" at character 6 (line 1, column 7); expected a string, number, bool or operator object (to match any of several values use {"$in": [...]}))");
    row("$and not an array", R"({"$and": {}})",
        R"(Filter: an object as the operand of $and at character 9 (line 1, column 10); expected an array of filter objects)");
    row("$or empty", R"({"$or": []})",
        R"(Filter: empty array as the operand of $or at character 8 (line 1, column 9); expected at least one filter object)");
    row("$and of numbers", R"({"$and": [1]})",
        R"(Filter: a number in the $and array at character 10 (line 1, column 11); expected a filter object {...})");
    row("duplicate key", R"({"a": 1, "a": 2})",
        R"(Filter: duplicate key "a" at character 9 (line 1, column 10); expected each key at most once in an object)");
    row("percent signs in a key", R"({"$%2%1": 1})",
        R"(Filter: unknown operator "$%2%1" at character 1 (line 1, column 2); expected $and, $or or a field name)");
    row("duplicate key by escape", R"({"a": 1, "\u0061": 2})",
        R"(Filter: duplicate key "a" at character 9 (line 1, column 10); expected each key at most once in an object)");
    row("duplicate operator", R"({"a": {"$gt": 1, "$gt": 2}})",
        R"(Filter: duplicate key "$gt" at character 17 (line 1, column 18); expected each key at most once in an object)");
    row("null in $in", R"({"a": {"$in": [1, null]}})",
        R"(Filter: null in the $in array at character 18 (line 1, column 19); expected a string, number or bool)");
    row("bool range, second line", "{\n  \"a\": {\"$gt\": true}\n}",
        R"(Filter: a bool as the operand of $gt at character 17 (line 2, column 16); expected a number or string)");
    row("$exists of a number", R"({"a": {"$exists": 1}})",
        R"(Filter: a number as the operand of $exists at character 18 (line 1, column 19); expected true or false)");
    row("object operand", R"({"a": {"$eq": {"b": 1}}})",
        R"(Filter: an object as the operand of $eq at character 14 (line 1, column 15); expected a string, number or bool)");
    row("nested key", R"({"a": {"b": 1}})",
        R"(Filter: nested key "b" in the condition on field "a" at character 7 (line 1, column 8); expected one of $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists (write "a.b" to reach a nested field))");
    row("empty condition", R"({"a": {}})",
        R"(Filter: empty condition on field "a" at character 6 (line 1, column 7); expected an operator, one of $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists)");
    row("top level array", "[1]",
        R"(Filter: an array at character 0 (line 1, column 1); expected a filter object {...})");
    row("columns count characters", R"({"é": {"$foo": 1}})",
        R"(Filter: unknown operator "$foo" at character 8 (line 1, column 8); expected one of $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists)");
    row("unpaired surrogate", R"({"a": "\ud800"})",
        R"(Filter: unpaired surrogate \uD800 at character 7 (line 1, column 8); expected a high surrogate \uD800-\uDBFF followed by a low surrogate \uDC00-\uDFFF)");
    row("bad escape", R"({"a": "\x"})",
        R"(Filter: invalid escape \x at character 7 (line 1, column 8); expected one of \" \\ \/ \b \f \n \r \t \uXXXX)");
    row("invalid utf-8", "{\"a\": \"\xff\"}",
        R"(Filter: invalid UTF-8 byte 0xff at character 7 (line 1, column 8); expected valid UTF-8 text)");
    row("overlong utf-8", "{\"a\": \"\xc0\xaf\"}",
        R"(Filter: invalid UTF-8 byte 0xc0 at character 7 (line 1, column 8); expected valid UTF-8 text)");
    row("control character", "{\"a\": \"x\ty\"}",
        R"(Filter: unescaped control character 0x09 in a string at character 8 (line 1, column 9); expected printable text or an escape such as \n)");
    row("leading zero", R"({"a": 01})",
        R"(Filter: number with a leading zero at character 6 (line 1, column 7); expected a number such as 7, 0.7 or 7e-1)");
    row("huge number", R"({"a": -1e999})",
        R"(Filter: number out of range at character 6 (line 1, column 7); expected a number between -1.7976931348623157e308 and 1.7976931348623157e308)");
    row("bare minus", R"({"a": -})",
        R"(Filter: unexpected character '}' at character 7 (line 1, column 8); expected a digit after '-')");
    row("bad literal", R"({"a": tru})",
        R"(Filter: unexpected character 't' at character 6 (line 1, column 7); expected a value (string, number, true, false, null, object or array))");
    row("unterminated string", R"({"a": "x)",
        R"(Filter: unterminated string at character 6 (line 1, column 7); expected a closing '"' before the end of the text)");
    row("missing colon", R"({"a" 1})",
        R"(Filter: unexpected character '1' at character 5 (line 1, column 6); expected ':')");
    row("empty field name", R"({"": 1})",
        R"(Filter: empty field name at character 1 (line 1, column 2); expected a field name)");
    row("binary byte", QByteArray("{\"a\": \x01}", 8),
        R"(Filter: unexpected byte 0x01 at character 6 (line 1, column 7); expected a value (string, number, true, false, null, object or array))");
}

void TestFilter::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const Result<Filter> f = Filter::parse(text);
    QVERIFY(!f.ok());
    QCOMPARE(f.error().code(), ErrorCode::MalformedInput);
    QCOMPARE(f.error().message(), message);
}

void TestFilter::limits()
{
    // 64 nested containers parse; 65 do not.
    const auto nested = [](int levels) { // {"$and":[ ... {"a":1} ... ]}: two containers per level
        QByteArray text;
        for (int i = 0; i < levels; ++i)
            text += R"({"$and":[)";
        text += R"({"a":1})";
        for (int i = 0; i < levels; ++i)
            text += "]}";
        return text;
    };
    QVERIFY(Filter::parse(nested(31)).ok());                                             // 63 containers
    QVERIFY(Filter::parse(nested(31).replace(R"({"a":1})", R"({"a":{"$eq":1}})")).ok()); // 64
    const Result<Filter> deep = Filter::parse(nested(32));                               // 65 containers
    QVERIFY(!deep.ok());
    QVERIFY2(deep.error().message().startsWith(u"Filter: nesting deeper than 64 levels at character 288 "),
             qPrintable(deep.error().message()));
    // Hostile depth and size never reach the recursion.
    QVERIFY(!Filter::parse(QByteArray(1'000'000, '[')).ok());
    const Result<Filter> big = Filter::parse(QByteArray(Filter::kMaxTextBytes + 1, ' '));
    QVERIFY(!big.ok());
    QVERIFY(big.error().message().contains(u"filter longer than 1048576 bytes"));
    // Numbers: huge mantissas, tiny and huge exponents.
    QVERIFY(parseOrFail(R"({"a":1e-400})").matches(objectOf(R"({"a":0})")));
    QVERIFY(parseOrFail(R"({"a":123456789012345678901234567890})").matches(objectOf(R"({"a":1.2345678901234568e29})")));
    QVERIFY(!Filter::parse(R"({"a":1e99999999999999999999999})").ok());
    // Escapes and surrogate pairs decode to UTF-8.
    QVERIFY(parseOrFail(R"({"a":"\ud83d\ude00\u00e9\n"})").matchesJson("{\"a\":\"\xf0\x9f\x98\x80\xc3\xa9\\n\"}"));
    // Deep metadata: QJsonDocument's limit (1024 levels) holds here too.
    const Filter exists = parseOrFail(R"({"a":{"$exists":true}})");
    QVERIFY(exists.matchesJson("{\"a\":" + QByteArray(1023, '[') + QByteArray(1023, ']') + "}"));
    QVERIFY(!exists.matchesJson("{\"a\":" + QByteArray(1024, '[') + QByteArray(1024, ']') + "}"));
    QVERIFY(!exists.matchesJson("{\"a\":" + QByteArray(100000, '[')));
}

void TestFilter::canonicalForm()
{
    const QList<QPair<QByteArray, QByteArray>> same = {
        {R"({"a":1,"b":2})", R"({"b":2,"a":1})"},
        {R"({"a":1})", R"({"a":{"$eq":1}})"},
        {R"({"a":1.0})", R"( { "a" : 1e0 } )"},
        {R"({"a":0})", R"({"a":-0})"},
        {R"({"a":"A"})", R"({"a":"\u0041"})"},
        {R"({"a":{"$in":[3,1,"x",true,2,1]}})", R"({"a":{"$in":[true,"x",1,2,3]}})"},
        {R"({"$and":[{"a":1},{"b":2}]})", R"({"b":2,"a":1})"},
        {R"({"$and":[{"a":1},{"$and":[{"b":2},{"c":3}]}]})", R"({"c":3,"$and":[{"b":2}],"a":1})"},
        {R"({"$or":[{"a":1},{"b":2}]})", R"({"$or":[{"b":2},{"a":1},{"b":2}]})"},
        {R"({"a":{"$gt":1,"$lt":5}})", R"({"$and":[{"a":{"$lt":5}},{"a":{"$gt":1}}]})"},
        {R"({"$or":[{"a":1}]})", R"({"a":1})"},
    };
    for (const auto &[a, b] : same) {
        const QByteArray ca = parseOrFail(a).canonical();
        QCOMPARE(ca, parseOrFail(b).canonical());
        QCOMPARE(parseOrFail(ca).canonical(), ca); // a fixed point
    }
    const QList<QPair<QByteArray, QByteArray>> different = {
        {R"({"a":1})", R"({"a":"1"})"},
        {R"({"a":1})", R"({"b":1})"},
        {R"({"a":1})", R"({"a":true})"},
        {R"({"a":{"$gt":1}})", R"({"a":{"$gte":1}})"},
        {R"({"$or":[{"a":1},{"b":2}]})", R"({"a":1,"b":2})"},
        {R"({"a":{"$in":[1]}})", R"({"a":{"$nin":[1]}})"},
    };
    for (const auto &[a, b] : different)
        QVERIFY2(parseOrFail(a).canonical() != parseOrFail(b).canonical(), a.constData());
    for (const QByteArray &text : {QByteArray(R"({"b":2,"a":1})"), QByteArray(R"({"a":{"$eq":1},"b":2})"),
                                   QByteArray(R"({"$and":[{"b":2},{"a":1.0}]})")})
        QCOMPARE(parseOrFail(text).canonical(), QByteArray(R"({"$and":[{"a":{"$eq":1}},{"b":{"$eq":2}}]})"));
    QCOMPARE(parseOrFail("{\"a\\n\\u0001\":\"\\u00e9\\\"\"}").canonical(),
             QByteArray("{\"a\\n\\u0001\":{\"$eq\":\"\xc3\xa9\\\"\"}}"));
    // The same escapes as the JSON Lines export (one appendJsonString): \b and \f short.
    QCOMPARE(parseOrFail("{\"a\":\"\\u0008\\f\\u001f\"}").canonical(),
             QByteArray("{\"a\":{\"$eq\":\"\\b\\f\\u001f\"}}"));
    QCOMPARE(parseOrFail(R"({"b":{"$in":[2,1,"q\"",false]},"a":1})").canonical(),
             QByteArray(R"({"$and":[{"a":{"$eq":1}},{"b":{"$in":[false,1,2,"q\""]}}]})"));
}

void TestFilter::unparsableMetadataIsAnEmptyObject()
{
    const Filter ne = parseOrFail(R"({"a":{"$ne":1}})");
    const Filter eq = parseOrFail(R"({"a":1})");
    for (const QByteArray &bad : {QByteArray("not json"), QByteArray("[1,2]"), QByteArray("{\"a\":1"),
                                  QByteArray("\"a\""), QByteArray(), QByteArray("{\"a\":1}x")}) {
        QVERIFY2(ne.matchesJson(bad), bad.constData());
        QVERIFY2(!eq.matchesJson(bad), bad.constData());
        QCOMPARE(answers(ne, bad), QStringLiteral("1111"));
    }
}

void TestFilter::bitmapOperations()
{
    Bitmap a(70, true);
    QCOMPARE(a.count(), qint64(70));
    a.resize(130, true);
    QCOMPARE(a.count(), qint64(130));
    a.resize(100);
    QCOMPARE(a.count(), qint64(100));
    a.reset(5);
    a.reset(99);
    QVERIFY(!a.test(5) && a.test(6));
    a.notInPlace();
    QCOMPARE(a.count(), qint64(2)); // bits past the end stay zero
    QList<qint64> rows;
    a.forEachSet([&](qint64 r) { rows.append(r); });
    QCOMPARE(rows, QList<qint64>({5, 99}));
    Bitmap b(100);
    b.set(5);
    b.set(50);
    Bitmap c = a;
    c.andWith(b);
    QCOMPARE(c.count(), qint64(1));
    c = a;
    c.orWith(b);
    QCOMPARE(c.count(), qint64(3));
    c = a;
    c.andNot(b);
    QCOMPARE(c.count(), qint64(1));
    QVERIFY(c.test(99));
    Bitmap grown(3);
    grown.set(1);
    grown.resize(64, true);
    QCOMPARE(grown.count(), qint64(62));
    QVERIFY(!grown.test(0) && !grown.test(2) && grown.test(63));
}

void TestFilter::columnsIncrementallyEqualBuilt()
{
    RandomSource r(7);
    QList<QByteArray> metas;
    for (int i = 0; i < 300; ++i)
        metas.append(randomMetadata(r));
    const auto metaOf = [&](qint64 row) { return QByteArrayView(metas[row]); };
    const QStringList fields = {QStringLiteral("a"), QStringLiteral("tags"), QStringLiteral("d.e")};
    const FilterColumns built = FilterColumns::build(fields, metas.size(), metaOf);
    FilterColumns incremental(QStringList{QStringLiteral("a")});
    for (const QByteArray &m : metas)
        incremental.appendRow(m);
    incremental.addFields(fields, metaOf);
    QCOMPARE(incremental.rowCount(), built.rowCount());
    QVERIFY(incremental.hasField(QStringLiteral("d.e")) && !incremental.hasField(QStringLiteral("b")));
    QVERIFY(built.memoryBytes() > 300);
    const Filter f = parseOrFail(R"({"$or":[{"a":{"$gt":1}},{"tags":"a"},{"d.e":{"$exists":true}}]})");
    QVERIFY(f.canEvaluate(built) && !parseOrFail(R"({"b":1})").canEvaluate(built));
    Bitmap x, y;
    f.evaluate(built, x);
    f.evaluate(incremental, y);
    QCOMPARE(x, y);
    QVERIFY(x.count() > 0 && x.count() < 300);
    // A field the columns lack reads as missing in every row.
    const Filter absent = parseOrFail(R"({"b":{"$ne":1}})");
    absent.evaluate(built, x);
    QCOMPARE(x.count(), qint64(300));
    QVERIFY(absent.matchesRow(built, 17) && !parseOrFail(R"({"b":1})").matchesRow(built, 17));
}

// The columnar evaluator, the row evaluator and the JSON-text evaluator all
// agree with the reference evaluator on random filters over random rows.
void TestFilter::columnarEqualsReference()
{
    RandomSource r(seedOr(20240601));
    QList<QByteArray> metas;
    QList<QJsonObject> objects;
    for (int i = 0; i < 260; ++i) {
        metas.append(randomMetadata(r));
        objects.append(objectOf(metas.back()));
    }
    const QStringList allFields = {QStringLiteral("a"),      QStringLiteral("b"),   QStringLiteral("c"),
                                   QStringLiteral("tags"),   QStringLiteral("d.e"), QStringLiteral("x.y.z"),
                                   QStringLiteral("missing")};
    const FilterColumns columns =
        FilterColumns::build(allFields, metas.size(), [&](qint64 row) { return QByteArrayView(metas[row]); });
    qint64 totalMatches = 0, nonTrivial = 0;
    for (int n = 0; n < 3000; ++n) {
        const QByteArray text = randomFilter(r, 0);
        const Result<Filter> parsed = Filter::parse(text);
        QVERIFY2(parsed.ok(), (text + ": " + parsed.error().message().toUtf8()).constData());
        const Filter &f = parsed.value();
        const Result<Filter> again = Filter::parse(f.canonical());
        QVERIFY2(again.ok() && again->canonical() == f.canonical(), f.canonical().constData());
        Bitmap bits;
        f.evaluate(columns, bits);
        QCOMPARE(bits.size(), qint64(metas.size()));
        qint64 matches = 0;
        for (int row = 0; row < metas.size(); ++row) {
            const bool expected = f.matches(objects[row]);
            matches += expected;
            if (bits.test(row) != expected || f.matchesRow(columns, row) != expected ||
                f.matchesJson(metas[row]) != expected || again->matches(objects[row]) != expected)
                QFAIL(qPrintable(QStringLiteral("filter %1 on row %2 %3: reference %4, columnar %5, row %6, json %7")
                                     .arg(QString::fromUtf8(text))
                                     .arg(row)
                                     .arg(QString::fromUtf8(metas[row]))
                                     .arg(int(expected))
                                     .arg(int(bits.test(row)))
                                     .arg(int(f.matchesRow(columns, row)))
                                     .arg(int(f.matchesJson(metas[row])))));
        }
        totalMatches += matches;
        nonTrivial += matches > 0 && matches < metas.size();
    }
    // The generator must produce filters that tell rows apart, or the test proves nothing.
    QVERIFY2(nonTrivial > 1000, qPrintable(QString::number(nonTrivial)));
    QVERIFY(totalMatches > 0);
}

void TestFilter::fuzzedFiltersNeverCrash()
{
    RandomSource r(seedOr(99));
    QList<QByteArray> seeds = {
        R"({"price": {"$gte": 10, "$lt": 20.5}, "category": "c7"})",
        R"({"$or": [{"tags": {"$in": ["a", "b", 3, true]}}, {"year": {"$nin": []}}]})",
        R"({"$and": [{"a.b": {"$exists": false}}, {"t": "\u00e9\ud83d\ude00\n"}]})",
        R"({"x": {"$ne": -1.5e-3}, "y": false})",
        "{}",
    };
    for (int i = 0; i < 40; ++i)
        seeds.append(randomFilter(r, 0));
    int accepted = 0;
    for (int n = 0; n < 40000; ++n) {
        const QByteArray text = mutate(r, seeds);
        const Result<Filter> f = Filter::parse(text);
        if (f.ok()) {
            ++accepted;
            const Result<Filter> again = Filter::parse(f->canonical());
            QVERIFY2(again.ok() && again->canonical() == f->canonical(), text.toHex().constData());
            f->matchesJson(text); // the filter text as hostile metadata
        } else {
            QCOMPARE(f.error().code(), ErrorCode::MalformedInput);
            QVERIFY2(f.error().message().startsWith(u"Filter: ") && f.error().message().contains(u" at character "),
                     qPrintable(f.error().message()));
        }
        if (n % 8 == 0) { // the metadata reader on the same hostile bytes
            FilterColumns columns(QStringList{QStringLiteral("price"), QStringLiteral("a.b")});
            columns.appendRow(text);
            QCOMPARE(columns.rowCount(), 1);
        }
    }
    QVERIFY2(accepted > 1000, qPrintable(QString::number(accepted))); // mutations keep some valid filters
}

QTEST_GUILESS_MAIN(TestFilter)
#include "tst_filter.moc"
