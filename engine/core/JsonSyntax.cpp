#include "core/JsonSyntax.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

namespace sextant {

namespace {

class Checker {
public:
    Checker(QByteArrayView text, int maxDepth)
        : p(text.data()), end(text.data() + text.size()), begin(text.data()), maxDepth(maxDepth)
    {
    }

    bool document()
    {
        skipSpace();
        if (p == end || *p != '{') return fail("a JSON object must start with {");
        if (!value(0)) return false;
        skipSpace();
        return p == end || fail("text follows the object");
    }

    QString problem;

private:
    bool fail(const char *what)
    {
        if (problem.isEmpty()) problem = QStringLiteral("%1 at byte %2").arg(QLatin1String(what)).arg(p - begin);
        return false;
    }
    void skipSpace()
    {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            ++p;
    }
    bool literal(const char *word, int n)
    {
        if (end - p < n) return fail("an unfinished literal");
        for (int i = 0; i < n; ++i)
            if (p[i] != word[i]) return fail("an unknown literal");
        p += n;
        return true;
    }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
    bool number()
    {
        if (p < end && *p == '-') ++p;
        if (p == end || !isDigit(*p)) return fail("a number without digits");
        if (*p == '0')
            ++p;
        else
            while (p < end && isDigit(*p))
                ++p;
        if (p < end && *p == '.') {
            ++p;
            if (p == end || !isDigit(*p)) return fail("no digit after a decimal point");
            while (p < end && isDigit(*p))
                ++p;
        }
        if (p < end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < end && (*p == '+' || *p == '-')) ++p;
            if (p == end || !isDigit(*p)) return fail("no digit in an exponent");
            while (p < end && isDigit(*p))
                ++p;
        }
        return true;
    }
    // UTF-8 as RFC 3629 allows it: no overlongs, no surrogates, at most U+10FFFF.
    bool utf8()
    {
        const auto c = uchar(*p);
        int n = 0;
        uint cp = 0;
        if (c >= 0xc2 && c <= 0xdf)
            n = 1, cp = c & 0x1f;
        else if (c >= 0xe0 && c <= 0xef)
            n = 2, cp = c & 0x0f;
        else if (c >= 0xf0 && c <= 0xf4)
            n = 3, cp = c & 0x07;
        else
            return fail("invalid UTF-8");
        if (end - p <= n) return fail("invalid UTF-8");
        for (int i = 1; i <= n; ++i) {
            const auto b = uchar(p[i]);
            if ((b & 0xc0) != 0x80) return fail("invalid UTF-8");
            cp = (cp << 6) | (b & 0x3f);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
            return fail("invalid UTF-8");
        p += n + 1;
        return true;
    }
    bool string()
    {
        ++p; // the opening quote
        while (p < end) {
            const char c = *p;
            if (c == '"') {
                ++p;
                return true;
            }
            if (uchar(c) < 0x20) return fail("a control character in a string");
            if (c == '\\') {
                if (end - p < 2) return fail("an unfinished escape");
                const char e = p[1];
                if (e == 'u') {
                    if (end - p < 6 || !isHex(p[2]) || !isHex(p[3]) || !isHex(p[4]) || !isHex(p[5]))
                        return fail("a \\u escape without four hex digits");
                    p += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
                           e == 't') {
                    p += 2;
                } else {
                    return fail("an unknown escape");
                }
                continue;
            }
            if (uchar(c) >= 0x80) {
                if (!utf8()) return false;
                continue;
            }
            ++p;
        }
        return fail("an unfinished string");
    }
    bool value(int depth)
    {
        skipSpace();
        if (p == end) return fail("a missing value");
        switch (*p) {
        case '{': {
            if (depth >= maxDepth) return fail("nesting too deep");
            ++p;
            skipSpace();
            if (p < end && *p == '}') {
                ++p;
                return true;
            }
            for (;;) {
                skipSpace();
                if (p == end || *p != '"') return fail("a key that is not a string");
                if (!string()) return false;
                skipSpace();
                if (p == end || *p != ':') return fail("a missing colon");
                ++p;
                if (!value(depth + 1)) return false;
                skipSpace();
                if (p < end && *p == ',') {
                    ++p;
                    continue;
                }
                if (p < end && *p == '}') {
                    ++p;
                    return true;
                }
                return fail("a missing comma or closing brace");
            }
        }
        case '[': {
            if (depth >= maxDepth) return fail("nesting too deep");
            ++p;
            skipSpace();
            if (p < end && *p == ']') {
                ++p;
                return true;
            }
            for (;;) {
                if (!value(depth + 1)) return false;
                skipSpace();
                if (p < end && *p == ',') {
                    ++p;
                    continue;
                }
                if (p < end && *p == ']') {
                    ++p;
                    return true;
                }
                return fail("a missing comma or closing bracket");
            }
        }
        case '"': return string();
        case 't': return literal("true", 4);
        case 'f': return literal("false", 5);
        case 'n': return literal("null", 4);
        default: return number();
        }
    }

    const char *p;
    const char *end;
    const char *begin;
    int maxDepth;
};

} // namespace

static int nestingOf(const QJsonValue &value)
{
    int deepest = 0;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            deepest = std::max(deepest, nestingOf(it.value()));
        return deepest + 1;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            deepest = std::max(deepest, nestingOf(element));
        return deepest + 1;
    }
    return 0;
}

int jsonNesting(const QJsonObject &object) { return nestingOf(QJsonValue(object)); }

bool isJsonObjectText(QByteArrayView text, QString *why, int maxDepth)
{
    Checker c(text, maxDepth);
    const bool ok = c.document();
    if (!ok && why) *why = c.problem;
    return ok;
}

} // namespace sextant
