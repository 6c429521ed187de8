#include "index/FilterColumns.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace sextant {

namespace filterjson {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF), or 0.
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    int length;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF)
        length = 2;
    else if (c == 0xE0)
        length = 3, low = 0xA0;
    else if (c == 0xED)
        length = 3, high = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF)
        length = 3;
    else if (c == 0xF0)
        length = 4, low = 0x90;
    else if (c == 0xF4)
        length = 4, high = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3)
        length = 4;
    else
        return 0;
    if (end - p < length || p[1] < low || p[1] > high) return 0;
    for (int i = 2; i < length; ++i)
        if ((p[i] & 0xC0) != 0x80) return 0;
    return length;
}

void appendUtf8(std::string &out, quint32 cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// ASCII that a string holds as it is: not '"', '\\', a control character or a UTF-8 lead byte.
constexpr auto kPlainStringByte = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[size_t(c)] = c != '"' && c != '\\';
    return plain;
}();

using Problem = FilterSyntax::Problem;
using Expected = FilterSyntax::Expected;

// What stands at `p`, as a problem: the end, a character or a byte.
FilterSyntax describeAt(const char *p, const char *end)
{
    FilterSyntax why;
    if (p >= end) {
        why.problem = Problem::UnexpectedEnd;
        why.problemText = QStringLiteral("unexpected end of text");
        return why;
    }
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c < 0x7F) {
        why.problem = Problem::UnexpectedCharacter;
        why.subject = QString(QLatin1Char(char(c)));
        why.problemText = QStringLiteral("unexpected character '%1'").arg(why.subject);
        return why;
    }
    why.problem = Problem::UnexpectedByte;
    why.subject = QStringLiteral("0x%1").arg(c, 2, 16, QChar(u'0'));
    why.problemText = QStringLiteral("unexpected byte %1").arg(why.subject);
    return why;
}

FilterSyntax problemOnly(Problem problem, const QString &text)
{
    FilterSyntax why;
    why.problem = problem;
    why.problemText = text;
    return why;
}

} // namespace

// Recursive descent over the text; depth is bounded by the mode, so the
// stack use is too (a few hundred bytes per level).
class Reader {
public:
    Reader(Document &document, QByteArrayView text, Document::Mode mode, ParseFailure *failure)
        : d(document), b(text.data()), p(text.data()), e(text.data() + text.size()), mode(mode),
          maxDepth(mode == Document::Mode::Filter ? Document::kMaxFilterDepth : Document::kMaxMetadataDepth),
          failure(failure)
    {
    }

    bool run()
    {
        if (e - b > qint64(std::numeric_limits<qint32>::max()))
            return fail(b + std::numeric_limits<qint32>::max(), QStringLiteral("text longer than 2 GiB"),
                        QStringLiteral("a shorter text"));
        qint32 root;
        if (!parseValue(0, root)) return false;
        skipSpace();
        if (p != e) {
            FilterSyntax why = describeAt(p, e);
            why.afterEnd = true;
            why.problemText += QStringLiteral(" after the end of the JSON value");
            return fail(p, why, QStringLiteral("the end of the text"));
        }
        return true;
    }

private:
    bool fail(const char *at, FilterSyntax why, QString expected, Expected expectedKind = Expected::Other)
    {
        if (failure) {
            failure->offset = at - b;
            failure->why = std::move(why);
            failure->why.expected = expectedKind;
            failure->why.expectedText = std::move(expected);
        }
        return false;
    }
    bool fail(const char *at, QString problem, QString expected)
    {
        return fail(at, problemOnly(Problem::Other, problem), std::move(expected));
    }

    void skipSpace()
    {
        while (p < e && isSpace(*p))
            ++p;
    }

    qint32 newNode(Kind kind)
    {
        d.m_nodes.emplace_back();
        Node &n = d.m_nodes.back();
        n.kind = kind;
        n.offset = quint32(p - b);
        return qint32(d.m_nodes.size() - 1);
    }

    bool parseValue(int depth, qint32 &index)
    {
        skipSpace();
        if (p == e) return fail(p, describeAt(p, e), QStringLiteral("a value"), Expected::Value);
        switch (*p) {
        case '{':
        case '[':
            if (depth >= maxDepth)
                return fail(p, QStringLiteral("nesting deeper than %1 levels").arg(maxDepth),
                            QStringLiteral("fewer nested objects and arrays"));
            return parseContainer(depth, index);
        case '"': {
            index = newNode(Kind::String);
            quint32 begin, length;
            bool inScratch;
            if (!parseString(begin, length, inScratch)) return false;
            Node &n = d.m_nodes[size_t(index)];
            n.textBegin = begin, n.textLength = length, n.textInScratch = inScratch;
            return true;
        }
        case 't': return parseLiteral("true", Kind::True, index);
        case 'f': return parseLiteral("false", Kind::False, index);
        case 'n': return parseLiteral("null", Kind::Null, index);
        default:
            if (*p == '-' || isDigit(*p)) {
                index = newNode(Kind::Number);
                double value;
                if (!parseNumber(value)) return false;
                d.m_nodes[size_t(index)].number = value;
                return true;
            }
            return fail(p, describeAt(p, e),
                        QStringLiteral("a value (string, number, true, false, null, object or array)"));
        }
    }

    bool parseLiteral(const char *word, Kind kind, qint32 &index)
    {
        const qsizetype length = qsizetype(std::strlen(word));
        if (e - p < length || std::memcmp(p, word, size_t(length)) != 0)
            return fail(p, describeAt(p, e),
                        QStringLiteral("a value (string, number, true, false, null, object or array)"));
        index = newNode(kind);
        p += length;
        return true;
    }

    bool parseContainer(int depth, qint32 &index)
    {
        const bool isObject = *p == '{';
        const char close = isObject ? '}' : ']';
        index = newNode(isObject ? Kind::Object : Kind::Array);
        ++p;
        skipSpace();
        if (p < e && *p == close) {
            ++p;
            return true;
        }
        qint32 previous = -1;
        qint32 count = 0;
        for (;;) {
            quint32 keyOffset = 0, keyBegin = 0, keyLength = 0;
            bool keyInScratch = false;
            if (isObject) {
                skipSpace();
                if (p == e || *p != '"')
                    return fail(p, describeAt(p, e),
                                count == 0 ? QStringLiteral("a quoted key or '}'") : QStringLiteral("a quoted key"));
                keyOffset = quint32(p - b);
                if (!parseString(keyBegin, keyLength, keyInScratch)) return false;
                skipSpace();
                if (p == e || *p != ':') return fail(p, describeAt(p, e), QStringLiteral("':'"), Expected::Colon);
                ++p;
            }
            qint32 child;
            if (!parseValue(depth + 1, child)) return false;
            Node &c = d.m_nodes[size_t(child)];
            c.keyOffset = keyOffset, c.keyBegin = keyBegin, c.keyLength = keyLength, c.keyInScratch = keyInScratch;
            if (previous < 0)
                d.m_nodes[size_t(index)].firstChild = child;
            else
                d.m_nodes[size_t(previous)].next = child;
            previous = child;
            ++count;
            skipSpace();
            if (p < e && *p == ',') {
                ++p;
                continue;
            }
            if (p < e && *p == close) {
                ++p;
                d.m_nodes[size_t(index)].childCount = count;
                return true;
            }
            return fail(p, describeAt(p, e), isObject ? QStringLiteral("',' or '}'") : QStringLiteral("',' or ']'"),
                        isObject ? Expected::CommaOrBrace : Expected::CommaOrBracket);
        }
    }

    // At the opening quote. Plain strings stay views into the text; the
    // first escape moves the string into the document's scratch.
    bool parseString(quint32 &begin, quint32 &length, bool &inScratch)
    {
        const char *open = p++;
        const char *run = p; // start of the bytes not yet copied
        std::string &scratch = d.m_scratch;
        size_t scratchBegin = 0;
        inScratch = false;
        for (;;) {
            if (p == e)
                return fail(open, problemOnly(Problem::UnterminatedString, QStringLiteral("unterminated string")),
                            QStringLiteral("a closing '\"' before the end of the text"));
            while (p != e && kPlainStringByte[static_cast<unsigned char>(*p)])
                ++p;
            if (p == e) continue;
            const unsigned char c = static_cast<unsigned char>(*p);
            if (c == '"') break;
            if (c == '\\') {
                if (!inScratch) {
                    inScratch = true;
                    scratchBegin = scratch.size();
                }
                scratch.append(run, size_t(p - run));
                if (!parseEscape(scratch)) return false;
                run = p;
                continue;
            }
            if (c < 0x20)
                return fail(p,
                            QStringLiteral("unescaped control character 0x%1 in a string").arg(c, 2, 16, QChar(u'0')),
                            QStringLiteral("printable text or an escape such as \\n"));
            const int n = utf8SequenceLength(reinterpret_cast<const unsigned char *>(p),
                                             reinterpret_cast<const unsigned char *>(e));
            if (n == 0)
                return fail(p, QStringLiteral("invalid UTF-8 byte 0x%1").arg(c, 2, 16, QChar(u'0')),
                            QStringLiteral("valid UTF-8 text"));
            p += n;
        }
        if (inScratch) {
            scratch.append(run, size_t(p - run));
            begin = quint32(scratchBegin);
            length = quint32(scratch.size() - scratchBegin);
        } else {
            begin = quint32(run - b);
            length = quint32(p - run);
        }
        ++p;
        return true;
    }

    static bool readHex4(const char *at, const char *end, quint32 &value)
    {
        if (end - at < 4) return false;
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(at[i]);
            if (h < 0) return false;
            value = value * 16 + quint32(h);
        }
        return true;
    }

    // At the backslash; appends the decoded character.
    bool parseEscape(std::string &out)
    {
        const char *at = p;
        if (e - p < 2)
            return fail(p + 1, QStringLiteral("unexpected end of text inside an escape"),
                        QStringLiteral("an escape character"));
        const char kind = p[1];
        static constexpr char simple[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
        for (size_t i = 0; i + 1 < sizeof simple; i += 2) {
            if (kind == simple[i]) {
                out += simple[i + 1];
                p += 2;
                return true;
            }
        }
        if (kind != 'u')
            return fail(at,
                        kind >= 0x20 && kind < 0x7F ? QStringLiteral("invalid escape \\%1").arg(QLatin1Char(kind))
                                                    : QStringLiteral("invalid escape: a backslash before byte 0x%1")
                                                          .arg(uchar(kind), 2, 16, QChar(u'0')),
                        QStringLiteral("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"));
        quint32 cp;
        if (!readHex4(p + 2, e, cp))
            return fail(at, QStringLiteral("invalid \\u escape"), QStringLiteral("four hexadecimal digits after \\u"));
        p += 6;
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            quint32 low;
            if (cp <= 0xDBFF && e - p >= 6 && p[0] == '\\' && p[1] == 'u' && readHex4(p + 2, e, low) && low >= 0xDC00 &&
                low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            } else if (mode == Document::Mode::Filter) {
                return fail(
                    at, QStringLiteral("unpaired surrogate \\u%1").arg(QString::number(cp, 16).toUpper()),
                    QStringLiteral("a high surrogate \\uD800-\\uDBFF followed by a low surrogate \\uDC00-\\uDFFF"));
            } else {
                cp = '?'; // what QJsonDocument's string gives in UTF-8
            }
        }
        appendUtf8(out, cp);
        return true;
    }

    bool parseNumber(double &value)
    {
        const char *start = p;
        const bool negative = *p == '-';
        if (negative) ++p;
        if (p == e || !isDigit(*p)) return fail(p, describeAt(p, e), QStringLiteral("a digit after '-'"));
        constexpr int kMaxMantissaDigits = 19;
        quint64 mantissa = 0;
        int digits = 0; // significant digits in mantissa
        bool truncated = false;
        long long exponent = 0;
        if (*p == '0') {
            ++p;
            if (p < e && isDigit(*p))
                return fail(start, problemOnly(Problem::LeadingZero, QStringLiteral("number with a leading zero")),
                            QStringLiteral("a number such as 7, 0.7 or 7e-1"));
        } else {
            for (; p < e && isDigit(*p); ++p) {
                if (digits < kMaxMantissaDigits) {
                    mantissa = mantissa * 10 + quint64(*p - '0');
                    ++digits;
                } else {
                    ++exponent;
                    truncated |= *p != '0';
                }
            }
        }
        if (p < e && *p == '.') {
            ++p;
            if (p == e || !isDigit(*p)) return fail(p, describeAt(p, e), QStringLiteral("a digit after '.'"));
            for (; p < e && isDigit(*p); ++p) {
                if (digits == 0 && *p == '0') {
                    --exponent; // a leading zero of 0.00123 only scales the value
                } else if (digits < kMaxMantissaDigits) {
                    mantissa = mantissa * 10 + quint64(*p - '0');
                    ++digits;
                    --exponent;
                } else {
                    truncated |= *p != '0';
                }
            }
        }
        if (p < e && (*p == 'e' || *p == 'E')) {
            ++p;
            bool negativeExponent = false;
            if (p < e && (*p == '+' || *p == '-')) negativeExponent = *p++ == '-';
            if (p == e || !isDigit(*p)) return fail(p, describeAt(p, e), QStringLiteral("a digit in the exponent"));
            long long written = 0;
            for (; p < e && isDigit(*p); ++p)
                if (written < 1'000'000'000) written = written * 10 + (*p - '0'); // saturates
            exponent += negativeExponent ? -written : written;
        }
        // Clinger's fast path: both factors exact doubles, one rounding.
        static constexpr double powersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        if (mantissa == 0) {
            value = negative ? -0.0 : 0.0;
            return true;
        }
        if (!truncated && mantissa <= (quint64(1) << 53) && exponent >= -22 && exponent <= 22) {
            double magnitude = double(mantissa);
            magnitude = exponent < 0 ? magnitude / powersOfTen[-exponent] : magnitude * powersOfTen[exponent];
            value = negative ? -magnitude : magnitude;
            return true;
        }
        const auto [end, error] = std::from_chars(start, p, value);
        if (error == std::errc() && end == p) return true;
        if (digits + exponent - 1 > 0) // beyond the largest double: QJsonDocument refuses these too
            return fail(start, problemOnly(Problem::NumberOutOfRange, QStringLiteral("number out of range")),
                        QStringLiteral("a number between -1.7976931348623157e308 and 1.7976931348623157e308"));
        value = negative ? -0.0 : 0.0; // below the least subnormal
        return true;
    }

    Document &d;
    const char *b, *p, *e;
    Document::Mode mode;
    int maxDepth;
    ParseFailure *failure;
};

bool Document::parse(QByteArrayView text, Mode mode, ParseFailure *failure)
{
    m_text = text;
    m_nodes.clear();
    m_scratch.clear();
    Reader reader(*this, text, mode, failure);
    if (reader.run()) return true;
    m_nodes.clear();
    return false;
}

qint32 Document::member(qint32 object, QByteArrayView name) const
{
    qint32 found = -1;
    for (qint32 child = node(object).firstChild; child >= 0; child = node(child).next) {
        const Node &n = node(child);
        if (n.keyLength == quint32(name.size()) && std::memcmp(key(n).data(), name.data(), size_t(name.size())) == 0)
            found = child;
    }
    return found;
}

// The exact key first, then each split at a dot, longest first: "a.b.c" is
// key "a.b.c", else "c" inside key "a.b", else "b.c" inside key "a" (by the
// same rule). Each call descends into a distinct value, so the work is
// bounded by the metadata's size times the path's dots.
qint32 Document::resolve(qint32 object, QByteArrayView path) const
{
    if (object < 0 || node(object).kind != Kind::Object) return -1;
    const qint32 exact = member(object, path);
    if (exact >= 0) return exact;
    for (qsizetype dot = path.size() - 1; dot >= 0; --dot) {
        if (path[dot] != '.') continue;
        const qint32 inner = member(object, path.first(dot));
        if (inner < 0 || node(inner).kind != Kind::Object) continue;
        const qint32 found = resolve(inner, path.sliced(dot + 1));
        if (found >= 0) return found;
    }
    return -1;
}

} // namespace filterjson

// ---- StringDictionary ------------------------------------------------------

// A slot holds the code in its low half and the string's hash in its high
// half, so most probes that do not match never touch the strings.
size_t StringDictionary::slotOf(QByteArrayView text, quint32 hash) const
{
    const size_t mask = m_slots.size() - 1;
    size_t slot = hash & mask;
    for (;; slot = (slot + 1) & mask) {
        const quint64 entry = m_slots[slot];
        if (entry == 0) return slot;
        if (quint32(entry >> 32) == hash && at(quint32(entry)) == text) return slot;
    }
}

quint32 StringDictionary::hashOf(QByteArrayView text) { return quint32(qHash(text, QHashSeed::globalSeed())); }

void StringDictionary::grow()
{
    std::vector<quint64> old(std::max<size_t>(16, m_slots.size() * 2), 0);
    old.swap(m_slots);
    const size_t mask = m_slots.size() - 1;
    for (quint64 entry : old) {
        if (entry == 0) continue;
        size_t slot = (entry >> 32) & mask;
        while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = entry;
    }
}

quint32 StringDictionary::intern(QByteArrayView text)
{
    if ((size_t(size()) + 1) * 2 > m_slots.size()) grow();
    const quint32 hash = hashOf(text);
    const size_t slot = slotOf(text, hash);
    if (m_slots[slot] != 0) return quint32(m_slots[slot]);
    m_bytes.insert(m_bytes.end(), text.begin(), text.end());
    m_ends.push_back(m_bytes.size());
    m_slots[slot] = (quint64(hash) << 32) | size();
    return size();
}

quint32 StringDictionary::find(QByteArrayView text) const
{
    return m_slots.empty() ? 0 : quint32(m_slots[slotOf(text, hashOf(text))]);
}

qint64 StringDictionary::memoryBytes() const
{
    return qint64(m_bytes.capacity() + m_ends.capacity() * sizeof(quint64) + m_slots.capacity() * sizeof(quint64));
}

// ---- FilterColumn ------------------------------------------------------------

qint64 FilterColumn::arrayIndexOf(qint64 row) const
{
    const auto it = std::lower_bound(arrayRows.begin(), arrayRows.end(), quint32(row));
    return it != arrayRows.end() && *it == quint32(row) ? qint64(it - arrayRows.begin()) : -1;
}

qint64 FilterColumn::memoryBytes() const
{
    return qint64(sizeof(FilterColumn) + tags.capacity() + numbers.capacity() * sizeof(double) +
                  codes.capacity() * sizeof(quint32) + dictionary.memoryBytes() +
                  arrayRows.capacity() * sizeof(quint32) + arrayEnds.capacity() * sizeof(quint32) +
                  elementTags.capacity() + elementNumbers.capacity() * sizeof(double) +
                  elementCodes.capacity() * sizeof(quint32));
}

// ---- FilterColumns -----------------------------------------------------------

namespace {

constexpr double kNoNumber = std::numeric_limits<double>::quiet_NaN();

FilterColumn::Tag tagOf(filterjson::Kind kind)
{
    using filterjson::Kind;
    switch (kind) {
    case Kind::Null: return FilterColumn::Null;
    case Kind::False: return FilterColumn::False;
    case Kind::True: return FilterColumn::True;
    case Kind::Number: return FilterColumn::Number;
    case Kind::String: return FilterColumn::String;
    case Kind::Array: return FilterColumn::Array;
    case Kind::Object: return FilterColumn::Object;
    }
    return FilterColumn::Missing;
}

} // namespace

FilterColumns::FilterColumns(const QStringList &fields) { addColumns(fields); }

FilterColumns FilterColumns::build(const QStringList &fields, qint64 rows,
                                   const std::function<QByteArrayView(qint64)> &metadataOf)
{
    FilterColumns columns(fields);
    columns.reserve(rows);
    for (qint64 row = 0; row < rows; ++row)
        columns.appendRow(metadataOf(row));
    return columns;
}

void FilterColumns::addColumns(const QStringList &fields)
{
    for (const QString &path : fields) {
        if (m_byPath.contains(path)) continue;
        FilterColumn column;
        column.path = path;
        column.pathUtf8 = path.toUtf8();
        m_byPath.insert(path, int(m_columns.size()));
        m_columns.push_back(std::move(column));
    }
}

void FilterColumns::reserve(qint64 rows)
{
    for (FilterColumn &column : m_columns)
        column.tags.reserve(size_t(rows));
}

void FilterColumns::appendValue(FilterColumn &column, qint32 index)
{
    const filterjson::Document &doc = m_document;
    const quint32 row = quint32(column.tags.size());
    const FilterColumn::Tag tag = index < 0 ? FilterColumn::Missing : tagOf(doc.node(index).kind);
    column.tags.push_back(tag);
    if (tag == FilterColumn::Number || !column.numbers.empty()) {
        if (column.numbers.empty()) column.numbers.assign(row, kNoNumber);
        column.numbers.push_back(tag == FilterColumn::Number ? doc.node(index).number : kNoNumber);
    }
    if (tag == FilterColumn::String || !column.codes.empty()) {
        if (column.codes.empty()) column.codes.assign(row, 0);
        column.codes.push_back(tag == FilterColumn::String ? column.dictionary.intern(doc.string(doc.node(index))) : 0);
    }
    if (tag != FilterColumn::Array) return;
    column.arrayRows.push_back(row);
    for (qint32 child = doc.node(index).firstChild; child >= 0; child = doc.node(child).next) {
        const filterjson::Node &element = doc.node(child);
        const FilterColumn::Tag elementTag = tagOf(element.kind);
        column.elementTags.push_back(elementTag);
        column.elementNumbers.push_back(elementTag == FilterColumn::Number ? element.number : kNoNumber);
        column.elementCodes.push_back(elementTag == FilterColumn::String ? column.dictionary.intern(doc.string(element))
                                                                         : 0);
    }
    column.arrayEnds.push_back(quint32(column.elementTags.size()));
}

qint32 FilterColumns::parseRow(QByteArrayView metadataJson)
{
    const bool parsed = m_document.parse(metadataJson, filterjson::Document::Mode::Metadata);
    return parsed && m_document.node(0).kind == filterjson::Kind::Object ? 0 : -1;
}

void FilterColumns::appendRow(QByteArrayView metadataJson)
{
    const qint32 root = parseRow(metadataJson);
    for (FilterColumn &column : m_columns)
        appendValue(column, root < 0 ? -1 : m_document.resolve(root, column.pathUtf8));
    ++m_rows;
}

void FilterColumns::addFields(const QStringList &fields, const std::function<QByteArrayView(qint64)> &metadataOf)
{
    const size_t firstNew = m_columns.size();
    addColumns(fields);
    if (firstNew == m_columns.size()) return;
    for (size_t c = firstNew; c < m_columns.size(); ++c)
        m_columns[c].tags.reserve(size_t(m_rows));
    for (qint64 row = 0; row < m_rows; ++row) {
        const qint32 root = parseRow(metadataOf(row));
        for (size_t c = firstNew; c < m_columns.size(); ++c)
            appendValue(m_columns[c], root < 0 ? -1 : m_document.resolve(root, m_columns[c].pathUtf8));
    }
}

QStringList FilterColumns::fieldNames() const
{
    QStringList names;
    for (const FilterColumn &column : m_columns)
        names.append(column.path);
    return names;
}

const FilterColumn *FilterColumns::column(const QString &path) const
{
    const auto it = m_byPath.constFind(path);
    return it == m_byPath.constEnd() ? nullptr : &m_columns[size_t(*it)];
}

qint64 FilterColumns::memoryBytes() const
{
    qint64 total = sizeof(FilterColumns);
    for (const FilterColumn &column : m_columns)
        total += column.memoryBytes();
    return total;
}

} // namespace sextant
