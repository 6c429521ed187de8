#include "sextant/Filter.h"
#include "index/Bitmap.h"
#include "index/FilterColumns.h"

#include "core/JsonText.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace sextant {

static_assert(Filter::kMaxDepth == filterjson::Document::kMaxFilterDepth, "the public limit is the parser's");

// ---- The parsed tree ---------------------------------------------------------
// Private to this file (FilterTree is only declared in the header).

namespace {

enum class Op : quint8 { Eq, Ne, Gt, Gte, Lt, Lte, In, Nin, Exists };

struct OperatorName {
    const char *name;
    Op op;
};
constexpr OperatorName kOperators[] = {{"$eq", Op::Eq},   {"$ne", Op::Ne},   {"$gt", Op::Gt},
                                       {"$gte", Op::Gte}, {"$lt", Op::Lt},   {"$lte", Op::Lte},
                                       {"$in", Op::In},   {"$nin", Op::Nin}, {"$exists", Op::Exists}};
const QString kOperatorList = QStringLiteral("one of ") + FilterSyntax::operatorList();

const char *operatorName(Op op) { return kOperators[int(op)].name; }

struct Scalar {
    enum Type : quint8 { Bool, Number, String };
    Type type = Bool;
    bool boolean = false;
    double number = 0;
    QByteArray string; // UTF-8
};

// One field, one operator, one operand.
struct Condition {
    QString path;
    QByteArray pathUtf8;
    Op op = Op::Eq;
    Scalar value; // $eq $ne $gt $gte $lt $lte
    // $in $nin: sorted, without duplicates
    std::vector<double> numbers;
    std::vector<QByteArray> strings;
    bool hasFalse = false, hasTrue = false;
    bool exists = true; // $exists
};

struct FilterNode {
    enum class Kind { All, And, Or, Leaf };
    Kind kind = Kind::All;
    std::vector<FilterNode> children; // And, Or: at least two, none of the same kind
    Condition leaf;
};

} // namespace

struct FilterTree {
    FilterNode root;
    QStringList fields;
    QByteArray canonical;
};

namespace {

// ---- Canonical text ----------------------------------------------------------

void appendNumber(QByteArray &out, double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value); // shortest round trip
    out.append(buffer, result.ptr - buffer);
}

void appendScalar(QByteArray &out, const Scalar &s)
{
    if (s.type == Scalar::Bool)
        out += s.boolean ? "true" : "false";
    else if (s.type == Scalar::Number)
        appendNumber(out, s.number);
    else
        appendJsonString(out, s.string);
}

QByteArray canonicalOf(const FilterNode &node)
{
    switch (node.kind) {
    case FilterNode::Kind::All: return QByteArrayLiteral("{}");
    case FilterNode::Kind::Leaf: {
        const Condition &c = node.leaf;
        QByteArray out = "{";
        appendJsonString(out, c.pathUtf8);
        out += ":{\"";
        out += operatorName(c.op);
        out += "\":";
        if (c.op == Op::Exists) {
            out += c.exists ? "true" : "false";
        } else if (c.op == Op::In || c.op == Op::Nin) {
            out += '[';
            if (c.hasFalse) out += "false,";
            if (c.hasTrue) out += "true,";
            for (double n : c.numbers)
                appendNumber(out, n), out += ',';
            for (const QByteArray &s : c.strings)
                appendJsonString(out, s), out += ',';
            if (out.endsWith(',')) out.chop(1);
            out += ']';
        } else {
            appendScalar(out, c.value);
        }
        out += "}}";
        return out;
    }
    case FilterNode::Kind::And:
    case FilterNode::Kind::Or: {
        // Both are commutative and idempotent: sorted, duplicates dropped.
        std::vector<QByteArray> parts;
        for (const FilterNode &child : node.children)
            parts.push_back(canonicalOf(child));
        std::sort(parts.begin(), parts.end());
        parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
        if (parts.size() == 1) return parts.front();
        QByteArray out = node.kind == FilterNode::Kind::And ? "{\"$and\":[" : "{\"$or\":[";
        for (size_t i = 0; i < parts.size(); ++i)
            out += (i ? "," : "") + parts[i];
        out += "]}";
        return out;
    }
    }
    return {};
}

void collectFields(const FilterNode &node, QStringList &out)
{
    if (node.kind == FilterNode::Kind::Leaf) out.append(node.leaf.path);
    for (const FilterNode &child : node.children)
        collectFields(child, out);
}

// ---- Parsing -----------------------------------------------------------------

using filterjson::Kind;

FilterSyntax::Kind syntaxKind(Kind kind)
{
    switch (kind) {
    case Kind::Null: return FilterSyntax::Kind::Null;
    case Kind::False:
    case Kind::True: return FilterSyntax::Kind::Bool;
    case Kind::Number: return FilterSyntax::Kind::Number;
    case Kind::String: return FilterSyntax::Kind::String;
    case Kind::Array: return FilterSyntax::Kind::Array;
    case Kind::Object: return FilterSyntax::Kind::Object;
    }
    return FilterSyntax::Kind::None;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Null: return QStringLiteral("null");
    case Kind::False:
    case Kind::True: return QStringLiteral("a bool");
    case Kind::Number: return QStringLiteral("a number");
    case Kind::String: return QStringLiteral("a string");
    case Kind::Array: return QStringLiteral("an array");
    case Kind::Object: return QStringLiteral("an object");
    }
    return {};
}

FilterNode combine(FilterNode::Kind kind, std::vector<FilterNode> parts)
{
    FilterNode node;
    node.kind = kind;
    for (FilterNode &part : parts) {
        if (part.kind == FilterNode::Kind::All) {
            if (kind == FilterNode::Kind::Or) return FilterNode{}; // true OR x
            continue;                                              // true AND x
        }
        if (part.kind == kind) {
            for (FilterNode &grandchild : part.children)
                node.children.push_back(std::move(grandchild));
        } else {
            node.children.push_back(std::move(part));
        }
    }
    if (node.children.empty()) return FilterNode{};
    if (node.children.size() == 1) return std::move(node.children.front());
    return node;
}

class FilterParser {
public:
    FilterParser(QByteArrayView text, FilterSyntax *syntax) : m_text(text), m_syntax(syntax) { }

    Result<std::shared_ptr<const FilterTree>> run()
    {
        auto tree = std::make_shared<FilterTree>();
        if (m_text.size() > Filter::kMaxTextBytes)
            return error(Filter::kMaxTextBytes,
                         said(Problem::Other, QStringLiteral("filter longer than %1 bytes").arg(Filter::kMaxTextBytes),
                              Expected::Other, QStringLiteral("a shorter filter")));
        const bool blank = std::all_of(m_text.begin(), m_text.end(),
                                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
        if (!blank) {
            filterjson::ParseFailure failure;
            if (!m_doc.parse(m_text, filterjson::Document::Mode::Filter, &failure))
                return error(failure.offset, failure.why);
            if (!parseFilterObject(m_doc.root(), QString(), tree->root)) return m_error;
        }
        collectFields(tree->root, tree->fields);
        tree->fields.sort();
        tree->fields.removeDuplicates();
        tree->canonical = canonicalOf(tree->root);
        return std::shared_ptr<const FilterTree>(std::move(tree));
    }

private:
    using Problem = FilterSyntax::Problem;
    using Expected = FilterSyntax::Expected;

    static FilterSyntax said(Problem problem, const QString &problemText, Expected expected,
                             const QString &expectedText)
    {
        FilterSyntax why;
        why.problem = problem;
        why.problemText = problemText;
        why.expected = expected;
        why.expectedText = expectedText;
        return why;
    }

    Error error(qint64 offset, const FilterSyntax &why)
    {
        int line = 1;
        qint64 lineStart = 0;
        for (qint64 i = 0; i < offset && i < m_text.size(); ++i)
            if (m_text[i] == '\n') ++line, lineStart = i + 1;
        qint64 column = 1; // characters, counting each UTF-8 sequence once
        for (qint64 i = lineStart; i < offset && i < m_text.size(); ++i)
            if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++column;
        if (m_syntax) *m_syntax = why;
        // One arg() call: a key such as "$%2" in `problem` must not be substituted again.
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("Filter: %1 at character %2 (line %3, column %4); expected %5")
                         .arg(why.problemText, QString::number(offset), QString::number(line), QString::number(column),
                              why.expectedText))
            .withSource(ErrorSource::Filter)
            .withPosition(offset, line, column);
    }
    bool fail(qint64 offset, const FilterSyntax &why)
    {
        m_error = error(offset, why);
        return false;
    }

    QString keyText(const filterjson::Node &n) const { return QString::fromUtf8(m_doc.key(n)); }

    // Calls fn(index, member) for each member of `object` in order, and
    // refuses a key given twice (compared decoded: "a" and "\u0061" clash).
    template <typename Fn>
    bool forEachMember(const filterjson::Node &object, Fn &&fn)
    {
        QSet<QByteArrayView> seen;
        for (qint32 child = object.firstChild; child >= 0; child = m_doc.node(child).next) {
            const filterjson::Node &member = m_doc.node(child);
            const QByteArrayView key = m_doc.key(member);
            if (seen.contains(key)) {
                FilterSyntax why =
                    said(Problem::DuplicateKey, QStringLiteral("duplicate key \"%1\"").arg(keyText(member)),
                         Expected::EachKeyOnce, QStringLiteral("each key at most once in an object"));
                why.subject = keyText(member);
                return fail(member.keyOffset, why);
            }
            seen.insert(key);
            if (!fn(child, member, key)) return false;
        }
        return true;
    }

    // `context` names where the object sits, for the message ("in the $and array").
    bool parseFilterObject(qint32 index, const QString &context, FilterNode &out)
    {
        const filterjson::Node &object = m_doc.node(index);
        if (object.kind != Kind::Object)
            return fail(object.offset,
                        said(Problem::Other,
                             kindName(object.kind) + (context.isEmpty() ? QString() : QLatin1Char(' ') + context),
                             Expected::FilterObject, QStringLiteral("a filter object {...}")));
        std::vector<FilterNode> parts;
        const bool parsed =
            forEachMember(object, [&](qint32 child, const filterjson::Node &member, QByteArrayView key) {
                parts.emplace_back();
                if (key == "$and" || key == "$or") return parseList(child, key == "$and", parts.back());
                if (key.startsWith('$')) {
                    FilterSyntax why =
                        said(Problem::UnknownOperator, QStringLiteral("unknown operator \"%1\"").arg(keyText(member)),
                             Expected::AndOrOrField, QStringLiteral("$and, $or or a field name"));
                    why.subject = keyText(member);
                    return fail(member.keyOffset, why);
                }
                if (key.isEmpty())
                    return fail(member.keyOffset, said(Problem::EmptyFieldName, QStringLiteral("empty field name"),
                                                       Expected::FieldName, QStringLiteral("a field name")));
                return parseCondition(child, parts.back());
            });
        if (!parsed) return false;
        out = combine(FilterNode::Kind::And, std::move(parts));
        return true;
    }

    bool parseList(qint32 index, bool isAnd, FilterNode &out)
    {
        const filterjson::Node &list = m_doc.node(index);
        const QString name = isAnd ? QStringLiteral("$and") : QStringLiteral("$or");
        if (list.kind != Kind::Array) {
            FilterSyntax why =
                said(Problem::OperandOf, QStringLiteral("%1 as the operand of %2").arg(kindName(list.kind), name),
                     Expected::FilterObjectArray, QStringLiteral("an array of filter objects"));
            why.kind = syntaxKind(list.kind);
            why.subject = name;
            return fail(list.offset, why);
        }
        if (list.childCount == 0)
            return fail(list.offset,
                        said(Problem::Other, QStringLiteral("empty array as the operand of %1").arg(name),
                             Expected::AtLeastOneFilterObject, QStringLiteral("at least one filter object")));
        std::vector<FilterNode> parts;
        for (qint32 child = list.firstChild; child >= 0; child = m_doc.node(child).next) {
            parts.emplace_back();
            if (!parseFilterObject(child, QStringLiteral("in the %1 array").arg(name), parts.back())) return false;
        }
        out = combine(isAnd ? FilterNode::Kind::And : FilterNode::Kind::Or, std::move(parts));
        return true;
    }

    static bool isScalar(Kind kind)
    {
        return kind == Kind::String || kind == Kind::Number || kind == Kind::True || kind == Kind::False;
    }

    Scalar scalarOf(const filterjson::Node &n) const
    {
        Scalar s;
        if (n.kind == Kind::String)
            s.type = Scalar::String, s.string = m_doc.string(n).toByteArray();
        else if (n.kind == Kind::Number)
            s.type = Scalar::Number, s.number = n.number == 0 ? 0.0 : n.number; // -0 is 0
        else
            s.type = Scalar::Bool, s.boolean = n.kind == Kind::True;
        return s;
    }

    // `{field: value}` or `{field: {$op: operand, ...}}`.
    bool parseCondition(qint32 index, FilterNode &out)
    {
        const filterjson::Node &member = m_doc.node(index);
        const QString field = keyText(member);
        const auto leaf = [&](Op op) {
            FilterNode node;
            node.kind = FilterNode::Kind::Leaf;
            node.leaf.path = field;
            node.leaf.pathUtf8 = m_doc.key(member).toByteArray();
            node.leaf.op = op;
            return node;
        };
        if (isScalar(member.kind)) {
            out = leaf(Op::Eq);
            out.leaf.value = scalarOf(member);
            return true;
        }
        if (member.kind != Kind::Object) {
            FilterSyntax why = said(
                Problem::ValueOfField,
                QStringLiteral("%1 as the value of field \"%2\"").arg(kindName(member.kind), field), Expected::Other,
                member.kind == Kind::Array ? QStringLiteral("a string, number, bool or operator object (to "
                                                            "match any of several values use {\"$in\": [...]})")
                                           : QStringLiteral("a string, number, bool or operator object (to "
                                                            "match a missing field use {\"$exists\": false})"));
            why.kind = syntaxKind(member.kind);
            why.field = field;
            return fail(member.offset, why);
        }
        if (member.childCount == 0) {
            FilterSyntax why =
                said(Problem::EmptyCondition, QStringLiteral("empty condition on field \"%1\"").arg(field),
                     Expected::AnOperator, QStringLiteral("an operator, %1").arg(kOperatorList));
            why.field = field;
            return fail(member.offset, why);
        }
        std::vector<FilterNode> parts;
        const bool parsed = forEachMember(member, [&](qint32 child, const filterjson::Node &operand,
                                                      QByteArrayView key) {
            if (!key.startsWith('$')) {
                FilterSyntax why = said(
                    Problem::NestedKey,
                    QStringLiteral("nested key \"%1\" in the condition on field \"%2\"").arg(keyText(operand), field),
                    Expected::OperatorOrNestedPath,
                    QStringLiteral("%1 (write \"%2.%3\" to reach a nested field)")
                        .arg(kOperatorList, field, keyText(operand)));
                why.subject = keyText(operand);
                why.field = field;
                return fail(operand.keyOffset, why);
            }
            const auto known = std::find_if(std::begin(kOperators), std::end(kOperators),
                                            [&](const OperatorName &o) { return key == o.name; });
            if (known == std::end(kOperators)) {
                FilterSyntax why =
                    said(Problem::UnknownOperator, QStringLiteral("unknown operator \"%1\"").arg(keyText(operand)),
                         Expected::Operator, kOperatorList);
                why.subject = keyText(operand);
                return fail(operand.keyOffset, why);
            }
            parts.push_back(leaf(known->op));
            return parseOperand(child, parts.back().leaf);
        });
        if (!parsed) return false;
        out = combine(FilterNode::Kind::And, std::move(parts));
        return true;
    }

    bool parseOperand(qint32 index, Condition &c)
    {
        const filterjson::Node &operand = m_doc.node(index);
        const QString op = QString::fromLatin1(operatorName(c.op));
        // `where` is "as the operand of $op" (OperandOf) or "in the $op array" (Other).
        const auto wrongType = [&](const filterjson::Node &at, const QString &where, const QString &expected,
                                   Expected expectedKind) {
            FilterSyntax why = said(where.startsWith(QLatin1String("as")) ? Problem::OperandOf : Problem::Other,
                                    QStringLiteral("%1 %2").arg(kindName(at.kind), where), expectedKind, expected);
            why.kind = syntaxKind(at.kind);
            why.subject = op;
            return fail(at.offset, why);
        };
        switch (c.op) {
        case Op::Eq:
        case Op::Ne:
            if (!isScalar(operand.kind))
                return wrongType(operand, QStringLiteral("as the operand of %1").arg(op),
                                 QStringLiteral("a string, number or bool"), Expected::Scalar);
            c.value = scalarOf(operand);
            return true;
        case Op::Gt:
        case Op::Gte:
        case Op::Lt:
        case Op::Lte:
            if (operand.kind != Kind::String && operand.kind != Kind::Number)
                return wrongType(operand, QStringLiteral("as the operand of %1").arg(op),
                                 QStringLiteral("a number or string"), Expected::NumberOrString);
            c.value = scalarOf(operand);
            return true;
        case Op::Exists:
            if (operand.kind != Kind::True && operand.kind != Kind::False)
                return wrongType(operand, QStringLiteral("as the operand of %1").arg(op),
                                 QStringLiteral("true or false"), Expected::TrueOrFalse);
            c.exists = operand.kind == Kind::True;
            return true;
        case Op::In:
        case Op::Nin:
            if (operand.kind != Kind::Array)
                return wrongType(operand, QStringLiteral("as the operand of %1").arg(op),
                                 QStringLiteral("an array of strings, numbers and bools"), Expected::Other);
            for (qint32 child = operand.firstChild; child >= 0; child = m_doc.node(child).next) {
                const filterjson::Node &element = m_doc.node(child);
                if (!isScalar(element.kind))
                    return wrongType(element, QStringLiteral("in the %1 array").arg(op),
                                     QStringLiteral("a string, number or bool"), Expected::Scalar);
                const Scalar s = scalarOf(element);
                if (s.type == Scalar::Bool)
                    (s.boolean ? c.hasTrue : c.hasFalse) = true;
                else if (s.type == Scalar::Number)
                    c.numbers.push_back(s.number);
                else
                    c.strings.push_back(s.string);
            }
            std::sort(c.numbers.begin(), c.numbers.end());
            c.numbers.erase(std::unique(c.numbers.begin(), c.numbers.end()), c.numbers.end());
            std::sort(c.strings.begin(), c.strings.end());
            c.strings.erase(std::unique(c.strings.begin(), c.strings.end()), c.strings.end());
            return true;
        }
        return false;
    }

    QByteArrayView m_text;
    FilterSyntax *m_syntax;
    filterjson::Document m_doc;
    Error m_error;
};

} // namespace

// ---- Semantics (docs/filters.md, "Semantics") ---------------------------------

namespace {

// One value as the evaluators see it, whatever it was read from.
struct Value {
    enum Kind : quint8 { Missing, Null, Bool, Number, String, Array, Object };
    Kind kind = Missing;
    bool boolean = false;
    double number = 0;
    QByteArrayView string; // UTF-8
};

int compareBytes(QByteArrayView a, QByteArrayView b)
{
    const qsizetype common = std::min(a.size(), b.size());
    const int c = common ? std::memcmp(a.data(), b.data(), size_t(common)) : 0;
    return c != 0 ? c : (a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0);
}

template <typename T>
bool ordered(Op op, const T &value, const T &operand)
{
    switch (op) {
    case Op::Gt: return value > operand;
    case Op::Gte: return value >= operand;
    case Op::Lt: return value < operand;
    case Op::Lte: return value <= operand;
    default: return false;
    }
}

// Not std::binary_search: it finds NaN (the columns' "no number") in any set.
bool containsNumber(const std::vector<double> &sorted, double n)
{
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), n);
    return it != sorted.end() && *it == n;
}

// A positive operator ($eq, ranges, $in) on one scalar: same type or false.
bool satisfies(const Condition &c, Op positive, const Value &v)
{
    switch (positive) {
    case Op::Eq:
        switch (c.value.type) {
        case Scalar::Bool: return v.kind == Value::Bool && v.boolean == c.value.boolean;
        case Scalar::Number: return v.kind == Value::Number && v.number == c.value.number;
        case Scalar::String: return v.kind == Value::String && v.string == QByteArrayView(c.value.string);
        }
        return false;
    case Op::Gt:
    case Op::Gte:
    case Op::Lt:
    case Op::Lte:
        if (c.value.type == Scalar::Number)
            return v.kind == Value::Number && ordered(positive, v.number, c.value.number);
        return v.kind == Value::String && ordered(positive, compareBytes(v.string, c.value.string), 0);
    case Op::In:
        switch (v.kind) {
        case Value::Bool: return v.boolean ? c.hasTrue : c.hasFalse;
        case Value::Number: return containsNumber(c.numbers, v.number);
        case Value::String:
            return std::binary_search(c.strings.begin(), c.strings.end(), v.string,
                                      [](QByteArrayView a, QByteArrayView b) { return compareBytes(a, b) < 0; });
        default: return false;
        }
    default: return false;
    }
}

Op positiveOf(Op op) { return op == Op::Ne ? Op::Eq : op == Op::Nin ? Op::In : op; }

bool isNegated(Op op) { return op == Op::Ne || op == Op::Nin; }

// `anyElement(pred)`: whether pred holds for an element of the array `v`.
template <typename AnyElement>
bool holds(const Condition &c, const Value &v, AnyElement &&anyElement)
{
    if (c.op == Op::Exists) return (v.kind != Value::Missing) == c.exists;
    const Op positive = positiveOf(c.op);
    const bool hit = v.kind == Value::Array ? anyElement([&](const Value &e) { return satisfies(c, positive, e); })
                                            : satisfies(c, positive, v);
    return isNegated(c.op) ? !hit : hit;
}

template <typename LeafFn>
bool evaluateTree(const FilterNode &node, const LeafFn &leaf)
{
    switch (node.kind) {
    case FilterNode::Kind::All: return true;
    case FilterNode::Kind::Leaf: return leaf(node.leaf);
    case FilterNode::Kind::And:
        return std::all_of(node.children.begin(), node.children.end(),
                           [&](const FilterNode &n) { return evaluateTree(n, leaf); });
    case FilterNode::Kind::Or:
        return std::any_of(node.children.begin(), node.children.end(),
                           [&](const FilterNode &n) { return evaluateTree(n, leaf); });
    }
    return false;
}

// -- QJsonObject (the reference)

QJsonValue resolveJson(const QJsonObject &object, const QString &path)
{
    const auto exact = object.constFind(path);
    if (exact != object.constEnd()) return *exact;
    for (qsizetype dot = path.size() - 1; dot >= 0; --dot) {
        if (path[dot] != u'.') continue;
        const QJsonValue inner = object.value(path.left(dot));
        if (!inner.isObject()) continue;
        const QJsonValue found = resolveJson(inner.toObject(), path.mid(dot + 1));
        if (!found.isUndefined()) return found;
    }
    return QJsonValue(QJsonValue::Undefined);
}

Value valueOfJson(const QJsonValue &json, QByteArray &storage)
{
    Value v;
    switch (json.type()) {
    case QJsonValue::Undefined: v.kind = Value::Missing; break;
    case QJsonValue::Null: v.kind = Value::Null; break;
    case QJsonValue::Bool: v.kind = Value::Bool, v.boolean = json.toBool(); break;
    case QJsonValue::Double: v.kind = Value::Number, v.number = json.toDouble(); break;
    case QJsonValue::String:
        storage = json.toString().toUtf8();
        v.kind = Value::String, v.string = storage;
        break;
    case QJsonValue::Array: v.kind = Value::Array; break;
    case QJsonValue::Object: v.kind = Value::Object; break;
    }
    return v;
}

// -- filterjson::Document (matchesJson)

Value valueOfNode(const filterjson::Document &doc, qint32 index)
{
    Value v;
    if (index < 0) return v;
    const filterjson::Node &n = doc.node(index);
    switch (n.kind) {
    case Kind::Null: v.kind = Value::Null; break;
    case Kind::False:
    case Kind::True: v.kind = Value::Bool, v.boolean = n.kind == Kind::True; break;
    case Kind::Number: v.kind = Value::Number, v.number = n.number; break;
    case Kind::String: v.kind = Value::String, v.string = doc.string(n); break;
    case Kind::Array: v.kind = Value::Array; break;
    case Kind::Object: v.kind = Value::Object; break;
    }
    return v;
}

// -- FilterColumn cells (matchesRow)

Value valueOfCell(const FilterColumn &column, quint8 tag, double number, quint32 code)
{
    Value v;
    switch (tag) {
    case FilterColumn::Missing: break;
    case FilterColumn::Null: v.kind = Value::Null; break;
    case FilterColumn::False:
    case FilterColumn::True: v.kind = Value::Bool, v.boolean = tag == FilterColumn::True; break;
    case FilterColumn::Number: v.kind = Value::Number, v.number = number; break;
    case FilterColumn::String: v.kind = Value::String, v.string = column.dictionary.at(code); break;
    case FilterColumn::Array: v.kind = Value::Array; break;
    default: v.kind = Value::Object; break;
    }
    return v;
}

bool holdsForRow(const Condition &c, const FilterColumn *column, qint64 row)
{
    const auto noElements = [](auto &&) { return false; };
    if (!column || row < 0 || row >= column->rowCount()) return holds(c, Value{}, noElements);
    const size_t r = size_t(row);
    const Value v = valueOfCell(*column, column->tags[r], column->numbers.empty() ? 0 : column->numbers[r],
                                column->codes.empty() ? 0 : column->codes[r]);
    return holds(c, v, [&](auto &&pred) {
        const qint64 k = column->arrayIndexOf(row);
        for (quint32 e = column->arrayEnds[size_t(k)]; e < column->arrayEnds[size_t(k) + 1]; ++e)
            if (pred(valueOfCell(*column, column->elementTags[e], column->elementNumbers[e], column->elementCodes[e])))
                return true;
        return false;
    });
}

} // namespace

// ---- Columnar evaluation -------------------------------------------------------

namespace {

// Fills bits 0..rows-1 of `out` with pred(row), 64 rows per word, or ORs
// them in. pred must be cheap and branch-free: this is the inner loop.
template <bool Accumulate, typename Pred>
void fillBits(Bitmap &out, qint64 rows, const Pred &pred)
{
    quint64 *words = out.words();
    const qint64 fullWords = rows >> 6;
    for (qint64 w = 0; w < fullWords; ++w) {
        const qint64 base = w << 6;
        quint64 word = 0;
        for (int j = 0; j < 64; ++j)
            word |= quint64(pred(base + j)) << j;
        words[w] = Accumulate ? (words[w] | word) : word;
    }
    if (rows & 63) {
        const qint64 base = fullWords << 6;
        quint64 word = 0;
        for (int j = 0; j < int(rows & 63); ++j)
            word |= quint64(pred(base + j)) << j;
        words[fullWords] = Accumulate ? (words[fullWords] | word) : word;
    }
}

// One positive operator compiled against one column: which numbers,
// dictionary codes and bools satisfy it.
class ScalarTest {
public:
    ScalarTest(const Condition &c, const FilterColumn &column) : m_c(c), m_op(positiveOf(c.op))
    {
        if (m_op == Op::In) {
            m_numbers = !c.numbers.empty();
            m_strings = !c.strings.empty();
            m_tagHits[FilterColumn::True] = c.hasTrue;
            m_tagHits[FilterColumn::False] = c.hasFalse;
        } else if (c.value.type == Scalar::Bool) { // $eq only: the parser gives ranges numbers or strings
            m_tagHits[c.value.boolean ? FilterColumn::True : FilterColumn::False] = true;
        } else {
            m_numbers = c.value.type == Scalar::Number;
            m_strings = c.value.type == Scalar::String;
        }
        m_bools = m_tagHits[FilterColumn::True] || m_tagHits[FilterColumn::False];
        if (!m_strings) return;
        if (m_op == Op::Eq) {
            m_code = column.dictionary.find(c.value.string);
            m_strings = m_code != 0;
            return;
        }
        // Ranges and $in: decided once per distinct string, then per row by code.
        m_lut.assign(size_t(column.dictionary.size()) + 1, 0);
        for (quint32 code = 1; code <= column.dictionary.size(); ++code) {
            Value v;
            v.kind = Value::String;
            v.string = column.dictionary.at(code);
            m_lut[code] = satisfies(c, m_op, v);
        }
    }

    Op op() const { return m_op; }
    bool testsNumbers() const { return m_numbers; }
    bool testsStrings() const { return m_strings; }
    bool testsBools() const { return m_bools; }
    const quint8 *lut() const { return m_lut.empty() ? nullptr : m_lut.data(); }
    quint32 code() const { return m_code; }
    const bool *tagHits() const { return m_tagHits; }

    bool number(double n) const
    {
        switch (m_op) {
        case Op::Eq: return n == m_c.value.number;
        case Op::In: return containsNumber(m_c.numbers, n);
        default: return ordered(m_op, n, m_c.value.number);
        }
    }
    bool code(quint32 code) const { return m_lut.empty() ? code == m_code : m_lut[code] != 0; }

    // An array element (or any cell) by its stored parts.
    bool cell(quint8 tag, double n, quint32 code) const
    {
        if (tag == FilterColumn::Number) return m_numbers && number(n);
        if (tag == FilterColumn::String) return m_strings && this->code(code);
        return m_tagHits[tag];
    }

private:
    const Condition &m_c;
    Op m_op;
    bool m_numbers = false, m_strings = false, m_bools = false;
    bool m_tagHits[8] = {};
    quint32 m_code = 0;
    std::vector<quint8> m_lut;
};

// Numbers: one kernel per operator, so the loop body is a compare and a shift.
void fillNumbers(const ScalarTest &test, const Condition &c, const FilterColumn &column, Bitmap &out, qint64 rows)
{
    const double *n = column.numbers.data();
    const double x = c.value.number;
    switch (test.op()) {
    case Op::Eq: fillBits<true>(out, rows, [=](qint64 i) { return n[i] == x; }); break;
    case Op::Gt: fillBits<true>(out, rows, [=](qint64 i) { return n[i] > x; }); break;
    case Op::Gte: fillBits<true>(out, rows, [=](qint64 i) { return n[i] >= x; }); break;
    case Op::Lt: fillBits<true>(out, rows, [=](qint64 i) { return n[i] < x; }); break;
    case Op::Lte: fillBits<true>(out, rows, [=](qint64 i) { return n[i] <= x; }); break;
    default: {
        const std::vector<double> &set = c.numbers;
        if (set.size() <= 4) {
            const double a = set[0], b = set[set.size() > 1 ? 1 : 0], d = set[set.size() > 2 ? 2 : 0],
                         e = set[set.size() - 1];
            fillBits<true>(out, rows, [=](qint64 i) { return (n[i] == a) | (n[i] == b) | (n[i] == d) | (n[i] == e); });
        } else { // a binary search without branches: the last element <= n[i] (NaN: the first)
            const double *sorted = set.data();
            const size_t size = set.size();
            fillBits<true>(out, rows, [=](qint64 i) {
                const double *first = sorted;
                for (size_t length = size; length > 1;) {
                    const size_t half = length / 2;
                    first = first[half] <= n[i] ? first + half : first;
                    length -= half;
                }
                return *first == n[i];
            });
        }
    }
    }
}

void evaluateCondition(const Condition &c, const FilterColumn *column, qint64 rows, Bitmap &out)
{
    if (!column || column->rowCount() != rows) { // a field the columns lack reads as missing
        out.fill(holds(c, Value{}, [](auto &&) { return false; }));
        return;
    }
    const quint8 *tags = column->tags.data();
    if (c.op == Op::Exists) {
        fillBits<false>(out, rows, [=](qint64 i) { return tags[i] != FilterColumn::Missing; });
        if (!c.exists) out.notInPlace();
        return;
    }
    const ScalarTest test(c, *column);
    out.fill(false);
    if (test.testsNumbers() && !column->numbers.empty()) fillNumbers(test, c, *column, out, rows);
    if (test.testsStrings() && !column->codes.empty()) {
        const quint32 *codes = column->codes.data();
        if (const quint8 *lut = test.lut()) {
            fillBits<true>(out, rows, [=](qint64 i) { return lut[codes[i]] != 0; });
        } else {
            const quint32 code = test.code();
            fillBits<true>(out, rows, [=](qint64 i) { return codes[i] == code; });
        }
    }
    if (test.testsBools()) {
        const bool *hits = test.tagHits();
        fillBits<true>(out, rows, [=](qint64 i) { return hits[tags[i]]; });
    }
    // Array rows read as NaN / code 0 above, which never match: decide them here.
    for (size_t k = 0; k < column->arrayRows.size(); ++k) {
        for (quint32 e = column->arrayEnds[k]; e < column->arrayEnds[k + 1]; ++e) {
            if (test.cell(column->elementTags[e], column->elementNumbers[e], column->elementCodes[e])) {
                out.set(column->arrayRows[k]);
                break;
            }
        }
    }
    if (isNegated(c.op)) out.notInPlace();
}

void evaluateNode(const FilterNode &node, const FilterColumns &columns, Bitmap &out)
{
    const qint64 rows = columns.rowCount();
    switch (node.kind) {
    case FilterNode::Kind::All: out.fill(true); return;
    case FilterNode::Kind::Leaf: evaluateCondition(node.leaf, columns.column(node.leaf.path), rows, out); return;
    case FilterNode::Kind::And:
    case FilterNode::Kind::Or: {
        const bool isAnd = node.kind == FilterNode::Kind::And;
        evaluateNode(node.children.front(), columns, out);
        Bitmap part(rows);
        for (size_t i = 1; i < node.children.size(); ++i) {
            if (isAnd && out.none()) return; // nothing left to narrow
            evaluateNode(node.children[i], columns, part);
            isAnd ? out.andWith(part) : out.orWith(part);
        }
        return;
    }
    }
}

} // namespace

// ---- Filter --------------------------------------------------------------------

namespace {
std::shared_ptr<const FilterTree> emptyTree()
{
    static const auto tree = [] {
        auto t = std::make_shared<FilterTree>();
        t->canonical = canonicalOf(t->root);
        return std::shared_ptr<const FilterTree>(t);
    }();
    return tree;
}
} // namespace

Filter::Filter() : m_tree(emptyTree()) { }

Filter::Filter(std::shared_ptr<const FilterTree> tree) : m_tree(std::move(tree)) { }

QString FilterSyntax::operatorList()
{
    QStringList names;
    for (const OperatorName &o : kOperators)
        names << QLatin1String(o.name);
    return names.join(QLatin1String(", "));
}

Result<Filter> Filter::parse(QByteArrayView json, FilterSyntax *syntax)
{
    Result<std::shared_ptr<const FilterTree>> tree = FilterParser(json, syntax).run();
    if (!tree.ok()) return tree.error();
    return Filter(tree.takeValue());
}

bool Filter::isEmpty() const { return m_tree->root.kind == FilterNode::Kind::All; }

QStringList Filter::fields() const { return m_tree->fields; }

QByteArray Filter::canonical() const { return m_tree->canonical; }

bool Filter::matches(const QJsonObject &metadata) const
{
    return evaluateTree(m_tree->root, [&](const Condition &c) {
        QByteArray storage;
        const QJsonValue json = resolveJson(metadata, c.path);
        return holds(c, valueOfJson(json, storage), [&](auto &&pred) {
            const QJsonArray array = json.toArray();
            for (const QJsonValue &element : array) {
                QByteArray elementStorage;
                if (pred(valueOfJson(element, elementStorage))) return true;
            }
            return false;
        });
    });
}

bool Filter::matchesJson(QByteArrayView compactJson) const
{
    if (isEmpty()) return true;
    filterjson::Document doc;
    const bool parsed = doc.parse(compactJson, filterjson::Document::Mode::Metadata);
    const qint32 root = parsed && doc.node(0).kind == Kind::Object ? 0 : -1;
    return evaluateTree(m_tree->root, [&](const Condition &c) {
        const qint32 index = root < 0 ? -1 : doc.resolve(root, c.pathUtf8);
        return holds(c, valueOfNode(doc, index), [&](auto &&pred) {
            for (qint32 child = doc.node(index).firstChild; child >= 0; child = doc.node(child).next)
                if (pred(valueOfNode(doc, child))) return true;
            return false;
        });
    });
}

bool Filter::canEvaluate(const FilterColumns &columns) const
{
    return std::all_of(m_tree->fields.begin(), m_tree->fields.end(),
                       [&](const QString &f) { return columns.hasField(f); });
}

void Filter::evaluate(const FilterColumns &columns, Bitmap &out) const
{
    out.resize(columns.rowCount());
    evaluateNode(m_tree->root, columns, out);
}

bool Filter::matchesRow(const FilterColumns &columns, qint64 row) const
{
    return evaluateTree(m_tree->root, [&](const Condition &c) { return holdsForRow(c, columns.column(c.path), row); });
}

} // namespace sextant
