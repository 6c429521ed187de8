#include "sextant/JsonLines.h"

#include "core/JsonSyntax.h"
#include "core/JsonText.h"

#include "sextant/Schema.h"
#include "formats/JsonNumber.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QString>

#include <algorithm>
#include <charconv> // std::to_chars for export
#include <cmath>
#include <cstring>

namespace sextant::formats {

namespace {

using namespace sextant::formats::json;

// A shortened copy of some input for an error message.
QString quoteInput(const char *begin, const char *end)
{
    constexpr qsizetype kMaxShown = 40;
    const qsizetype length = end - begin;
    QString text = QString::fromUtf8(begin, std::min(length, kMaxShown));
    if (length > kMaxShown) text += QStringLiteral("...");
    return text;
}

bool equalsIgnoringAsciiCase(QByteArrayView a, const char *b)
{
    const size_t n = std::strlen(b);
    if (size_t(a.size()) != n) return false;
    for (size_t i = 0; i < n; ++i) {
        char c = a[qsizetype(i)];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != b[i]) return false;
    }
    return true;
}

void appendUtf8(QByteArray &out, char32_t codePoint)
{
    if (codePoint < 0x80) {
        out += char(codePoint);
    } else if (codePoint < 0x800) {
        out += char(0xC0 | (codePoint >> 6));
        out += char(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += char(0xE0 | (codePoint >> 12));
        out += char(0x80 | ((codePoint >> 6) & 0x3F));
        out += char(0x80 | (codePoint & 0x3F));
    } else {
        out += char(0xF0 | (codePoint >> 18));
        out += char(0x80 | ((codePoint >> 12) & 0x3F));
        out += char(0x80 | ((codePoint >> 6) & 0x3F));
        out += char(0x80 | (codePoint & 0x3F));
    }
}

// Reads one record front to back. Every method that can fail returns false
// after storing the reason in m_error; nothing recurses on the input.
class RecordScanner {
public:
    explicit RecordScanner(QByteArrayView line)
        : m_begin(line.data()), m_pos(line.data()), m_end(line.data() + line.size())
    {
    }

    Result<Item> parse()
    {
        Item item;
        if (!parseRecord(item)) return m_error;
        return item;
    }

private:
    const char *m_begin;
    const char *m_pos;
    const char *m_end;
    Error m_error;
    QByteArray m_scratch; // decoded strings that held escapes

    qsizetype column(const char *at) const { return at - m_begin + 1; }
    bool atEnd() const { return m_pos >= m_end; }

    // `at`: where in the line, for the error's offset() and column() (the
    // reader sees one line; the caller knows its number).
    bool fail(ErrorCode code, const QString &message, const char *at = nullptr)
    {
        m_error = Error(code, message);
        if (at) m_error.withPosition(at - m_begin, 0, column(at));
        return false;
    }
    bool failAt(const char *at, const QString &what)
    {
        return fail(ErrorCode::MalformedInput, QStringLiteral("%1 at column %2.").arg(what).arg(column(at)), at);
    }

    void skipSpace()
    {
        while (m_pos < m_end && isJsonSpace(*m_pos))
            ++m_pos;
    }

    // What kind of JSON value starts at `at`, for "must be X, not Y" messages.
    QString describeValueAt(const char *at) const
    {
        if (at >= m_end) return QStringLiteral("nothing (the line ends there)");
        switch (*at) {
        case '"': return QStringLiteral("a string");
        case '[': return QStringLiteral("an array");
        case '{': return QStringLiteral("an object");
        default: break;
        }
        const QByteArrayView rest(at, m_end - at);
        // A file's first line may start with one (readers drop it there);
        // anywhere else it is named, since an editor does not show it.
        if (rest.startsWith("\xEF\xBB\xBF"))
            return QStringLiteral("a byte order mark (the bytes EF BB BF, invisible in most editors)");
        if (rest.startsWith("true") || rest.startsWith("false")) return QStringLiteral("true or false");
        if (rest.startsWith("null")) return QStringLiteral("null");
        if (*at == '-' || isDigit(*at)) return QStringLiteral("a number");
        return QStringLiteral("something that is not JSON");
    }

    bool parseRecord(Item &item)
    {
        skipSpace();
        if (atEnd())
            return fail(ErrorCode::MalformedInput, QStringLiteral("The line is empty; a record is a JSON object."));
        if (*m_pos != '{')
            return failAt(
                m_pos, QStringLiteral("A record must be a JSON object starting with '{', but the line starts with %1")
                           .arg(describeValueAt(m_pos)));
        ++m_pos;
        bool haveId = false, haveVector = false, haveMetadata = false, haveQuarantine = false;
        skipSpace();
        if (m_pos < m_end && *m_pos == '}') {
            ++m_pos;
        } else {
            for (;;) {
                skipSpace();
                const char *keyStart = m_pos;
                if (atEnd() || *m_pos != '"')
                    return failAt(m_pos, QStringLiteral("Expected a field name in double quotes"));
                QByteArrayView key;
                if (!readString(key, QStringLiteral("a field name"))) return false;
                skipSpace();
                if (atEnd() || *m_pos != ':')
                    return failAt(
                        m_pos, QStringLiteral("Expected ':' after the field name \"%1\"").arg(QString::fromUtf8(key)));
                ++m_pos;
                skipSpace();
                // Name the field from a literal: `key` may view m_scratch,
                // which the value's own strings overwrite.
                const char *fieldName = nullptr;
                bool *seen = nullptr;
                if (key == "id") {
                    fieldName = "id";
                    seen = &haveId;
                } else if (key == "vector") {
                    fieldName = "vector";
                    seen = &haveVector;
                } else if (key == "metadata") {
                    fieldName = "metadata";
                    seen = &haveMetadata;
                } else if (key == "quarantine") {
                    // What a repair wrote about an item it set aside
                    // (quarantine/*-items.jsonl): an object, skipped.
                    fieldName = "quarantine";
                    seen = &haveQuarantine;
                } else {
                    return failAt(keyStart,
                                  QStringLiteral("Unknown field \"%1\" (a record has only \"id\", \"vector\" and "
                                                 "\"metadata\", and \"quarantine\" in a repair's items file)")
                                      .arg(quoteInput(key.data(), key.data() + key.size())));
                }
                if (*seen)
                    return failAt(keyStart,
                                  QStringLiteral("The field \"%1\" appears twice").arg(QLatin1String(fieldName)));
                QJsonObject skipped;
                const bool parsed = seen == &haveId           ? parseId(item.id)
                                    : seen == &haveVector     ? parseVector(item.vector)
                                    : seen == &haveQuarantine ? parseObject(skipped, "quarantine")
                                                              : parseObject(item.metadata, "metadata");
                if (!parsed) return false;
                *seen = true;
                skipSpace();
                if (m_pos < m_end && *m_pos == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_end && *m_pos == '}') {
                    ++m_pos;
                    break;
                }
                return failAt(
                    m_pos,
                    QStringLiteral("Expected ',' or '}' after the value of \"%1\"").arg(QLatin1String(fieldName)));
            }
        }
        skipSpace();
        if (!atEnd()) return failAt(m_pos, QStringLiteral("Unexpected text after the end of the record"));
        if (!haveId) return fail(ErrorCode::MalformedInput, QStringLiteral("The record has no \"id\"."));
        if (!haveVector) return fail(ErrorCode::MalformedInput, QStringLiteral("The record has no \"vector\"."));
        return true;
    }

    // Reads the JSON string at m_pos. `out` views the line itself when the
    // string holds no escapes, or m_scratch (valid until the next string)
    // when it does; either way it is checked to be valid UTF-8.
    bool readString(QByteArrayView &out, const QString &what)
    {
        const char *open = m_pos;
        ++m_pos; // the opening quote
        const char *runStart = m_pos;
        bool hasEscapes = false;
        for (;;) {
            while (m_pos < m_end && *m_pos != '"' && *m_pos != '\\' && static_cast<unsigned char>(*m_pos) >= 0x20)
                ++m_pos;
            if (atEnd()) return failAt(open, QStringLiteral("The line ends inside %1 that starts").arg(what));
            const char c = *m_pos;
            if (static_cast<unsigned char>(c) < 0x20)
                return failAt(m_pos,
                              QStringLiteral("%1 holds a raw control character (write it as an escape such as \\n)")
                                  .arg(capitalised(what)));
            if (c == '"') {
                if (hasEscapes) {
                    m_scratch.append(runStart, m_pos - runStart);
                    out = QByteArrayView(m_scratch);
                } else {
                    out = QByteArrayView(runStart, m_pos - runStart);
                }
                ++m_pos;
                break;
            }
            if (!hasEscapes) {
                m_scratch.clear();
                hasEscapes = true;
            }
            m_scratch.append(runStart, m_pos - runStart);
            if (!readEscape(what)) return false;
            runStart = m_pos;
        }
        if (!out.isValidUtf8())
            return failAt(open, QStringLiteral("%1 is not valid UTF-8 text").arg(capitalised(what)));
        return true;
    }

    static QString capitalised(const QString &text)
    {
        if (text.isEmpty() || !text.at(0).isLower()) return text;
        return text.at(0).toUpper() + text.mid(1);
    }

    // m_pos is at a backslash inside a string; appends what it stands for.
    bool readEscape(const QString &what)
    {
        const char *escape = m_pos;
        ++m_pos;
        if (atEnd()) return failAt(escape, QStringLiteral("The line ends inside %1").arg(what));
        const char c = *m_pos++;
        switch (c) {
        case '"': m_scratch += '"'; return true;
        case '\\': m_scratch += '\\'; return true;
        case '/': m_scratch += '/'; return true;
        case 'b': m_scratch += '\b'; return true;
        case 'f': m_scratch += '\f'; return true;
        case 'n': m_scratch += '\n'; return true;
        case 'r': m_scratch += '\r'; return true;
        case 't': m_scratch += '\t'; return true;
        case 'u': break;
        default:
            return failAt(escape,
                          QStringLiteral("Invalid escape sequence \\%1 in %2").arg(quoteInput(m_pos - 1, m_pos), what));
        }
        char32_t unit = 0;
        if (!readHex4(unit, escape, what)) return false;
        if (unit >= 0xDC00 && unit <= 0xDFFF)
            return failAt(escape, QStringLiteral("%1 holds a lone low surrogate \\u%2")
                                      .arg(capitalised(what))
                                      .arg(unit, 4, 16, QLatin1Char('0')));
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            // A high surrogate must be followed by an escaped low one.
            char32_t low = 0;
            if (m_end - m_pos < 6 || m_pos[0] != '\\' || m_pos[1] != 'u')
                return failAt(escape, QStringLiteral("%1 holds a lone high surrogate \\u%2")
                                          .arg(capitalised(what))
                                          .arg(unit, 4, 16, QLatin1Char('0')));
            const char *lowEscape = m_pos;
            m_pos += 2;
            if (!readHex4(low, lowEscape, what)) return false;
            if (low < 0xDC00 || low > 0xDFFF)
                return failAt(escape, QStringLiteral("%1 holds a lone high surrogate \\u%2")
                                          .arg(capitalised(what))
                                          .arg(unit, 4, 16, QLatin1Char('0')));
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(m_scratch, unit);
        return true;
    }

    bool readHex4(char32_t &value, const char *escape, const QString &what)
    {
        if (m_end - m_pos < 4) return failAt(escape, QStringLiteral("Incomplete \\u escape in %1").arg(what));
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *m_pos++;
            int digit;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            else
                return failAt(escape,
                              QStringLiteral("Invalid \\u escape in %1 (it needs four hexadecimal digits)").arg(what));
            value = value * 16 + char32_t(digit);
        }
        return true;
    }

    bool parseId(QString &id)
    {
        if (atEnd() || *m_pos != '"') {
            QString message = QStringLiteral("\"id\" must be a string, not %1").arg(describeValueAt(m_pos));
            if (m_pos < m_end && (*m_pos == '-' || isDigit(*m_pos)))
                message += QStringLiteral(" (write it in double quotes)");
            return failAt(m_pos, message);
        }
        QByteArrayView utf8;
        if (!readString(utf8, QStringLiteral("the \"id\""))) return false;
        id = QString::fromUtf8(utf8);
        return true;
    }

    bool parseVector(QVector<float> &vector)
    {
        if (atEnd() || *m_pos != '[')
            return failAt(m_pos,
                          QStringLiteral("\"vector\" must be an array of numbers, not %1").arg(describeValueAt(m_pos)));
        ++m_pos;
        // Values go to a per-thread scratch array first, so the vector is
        // allocated once at its exact size: this loop is the hot path of
        // bulk import.
        thread_local float scratch[Schema::kMaxDimensions];
        qsizetype count = 0;

        skipSpace();
        if (m_pos < m_end && *m_pos == ']') {
            ++m_pos;
            vector.clear();
            return true;
        }
        for (;;) {
            skipSpace();
            if (count == Schema::kMaxDimensions)
                return fail(ErrorCode::DimensionMismatch,
                            QStringLiteral("\"vector\" has more than %1 values; no index holds vectors that long.")
                                .arg(Schema::kMaxDimensions));
            if (!readFloat(scratch[count], int(count))) return false;
            ++count;
            skipSpace();
            if (m_pos < m_end && *m_pos == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_end && *m_pos == ']') {
                ++m_pos;
                vector = QVector<float>(scratch, scratch + count);
                return true;
            }
            if (atEnd()) return failAt(m_pos, QStringLiteral("The line ends before \"vector\" is closed with ']'"));
            return failAt(m_pos, QStringLiteral("Expected ',' or ']' after element %1 of \"vector\"").arg(count - 1));
        }
    }

    // One element of the vector, following JSON's number grammar exactly
    // (no "01", ".5", "1.", "+1", hexadecimal, NaN or Infinity).
    bool readFloat(float &value, int element)
    {
        const char *start = m_pos;
        const ScannedFloat number = readFloat32(start, m_end);
        switch (number.status) {
        case ScannedFloat::Status::NotANumber: return describeBadElement(start, element);
        case ScannedFloat::Status::OutOfRange:
            return fail(ErrorCode::NonFiniteValue,
                        QStringLiteral("Element %1 of \"vector\" (%2) is beyond the range of a 32-bit float "
                                       "(about ±3.4e38) at column %3.")
                            .arg(element)
                            .arg(quoteInput(start, number.end))
                            .arg(column(start)),
                        start);
        case ScannedFloat::Status::Ok: break;
        }
        value = number.value;
        m_pos = number.end;
        return true;
    }

    bool describeBadElement(const char *start, int element)
    {
        if (start >= m_end) return failAt(start, QStringLiteral("The line ends before \"vector\" is closed with ']'"));
        const char *tokenEnd = start;
        while (tokenEnd < m_end && !endsToken(*tokenEnd))
            ++tokenEnd;
        QByteArrayView token(start, tokenEnd - start);
        if (!token.isEmpty() && (token.front() == '-' || token.front() == '+')) token = token.sliced(1);
        if (equalsIgnoringAsciiCase(token, "nan"))
            return fail(
                ErrorCode::NonFiniteValue,
                QStringLiteral("Element %1 of \"vector\" is NaN at column %2; vectors must hold finite numbers.")
                    .arg(element)
                    .arg(column(start)),
                start);
        if (equalsIgnoringAsciiCase(token, "inf") || equalsIgnoringAsciiCase(token, "infinity"))
            return fail(
                ErrorCode::NonFiniteValue,
                QStringLiteral("Element %1 of \"vector\" is infinite at column %2; vectors must hold finite numbers.")
                    .arg(element)
                    .arg(column(start)),
                start);
        const QString kind = describeValueAt(start);
        if (kind == u"a number" || kind.startsWith(u"something"))
            return failAt(start, QStringLiteral("Element %1 of \"vector\" is not a valid JSON number (%2)")
                                     .arg(element)
                                     .arg(quoteInput(start, tokenEnd)));
        return failAt(start, QStringLiteral("Element %1 of \"vector\" is %2, not a number").arg(element).arg(kind));
    }

    bool parseObject(QJsonObject &metadata, const char *field)
    {
        const QLatin1String name(field);
        if (atEnd() || *m_pos != '{')
            return failAt(m_pos,
                          QStringLiteral("\"%1\" must be a JSON object, not %2").arg(name, describeValueAt(m_pos)));
        const char *open = m_pos;
        // Find where the object ends by counting brackets outside strings;
        // QJsonDocument then checks everything inside.
        int depth = 0;
        bool inString = false;
        const char *p = m_pos;
        for (; p < m_end; ++p) {
            const char c = *p;
            if (inString) {
                if (c == '\\')
                    ++p; // whatever is escaped cannot end the string
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > kMaxMetadataNesting)
                    return failAt(p, QStringLiteral("\"metadata\" nests objects and arrays more than %1 deep")
                                         .arg(kMaxMetadataNesting));
            } else if (c == '}' || c == ']') {
                if (--depth == 0) break;
            }
        }
        if (p >= m_end)
            return failAt(open, QStringLiteral("The line ends before \"%1\" is closed; it starts").arg(name));
        const char *close = p + 1;
        m_pos = close;
        if (close - open == 2) { // "{}": the common empty case needs no parser
            metadata = QJsonObject();
            return true;
        }
        QJsonParseError parseError;
        const QJsonDocument document =
            QJsonDocument::fromJson(QByteArray::fromRawData(open, close - open), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return failAt(open + std::clamp<qsizetype>(parseError.offset, 0, close - open),
                          QStringLiteral("\"%1\" is not valid JSON: %2").arg(name, parseError.errorString()));
        if (!document.isObject()) return failAt(open, QStringLiteral("\"%1\" must be a JSON object").arg(name));
        metadata = document.object();
        return true;
    }
};

} // namespace

bool isBlankLine(QByteArrayView line)
{
    return std::all_of(line.begin(), line.end(), [](char c) { return isJsonSpace(c); });
}

QByteArrayView dropUtf8ByteOrderMark(QByteArrayView line)
{
    return line.startsWith("\xEF\xBB\xBF") ? line.sliced(3) : line;
}

Result<Item> parseJsonLine(QByteArrayView line) { return RecordScanner(line).parse(); }

void appendJsonLine(QByteArray &out, const Item &item)
{
    out += "{\"id\":";
    appendJsonString(out, item.id.toUtf8());
    out += ",\"vector\":[";
    char number[32];
    for (qsizetype i = 0; i < item.vector.size(); ++i) {
        if (i > 0) out += ',';
        const float value = item.vector[i];
        if (!std::isfinite(value)) {
            out += "null"; // an index never holds these; null makes re-import fail loudly
            continue;
        }
        const auto result = std::to_chars(number, number + sizeof number, value);
        out.append(number, result.ptr - number);
    }
    out += "],\"metadata\":";
    if (item.metadata.isEmpty())
        out += "{}";
    else
        out += QJsonDocument(item.metadata).toJson(QJsonDocument::Compact);
    out += "}\n";
}

QByteArray itemToJsonLine(const Item &item)
{
    QByteArray line;
    line.reserve(64 + item.vector.size() * 12);
    appendJsonLine(line, item);
    line.chop(1);
    return line;
}

} // namespace sextant::formats
