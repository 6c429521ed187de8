// Character references of HTML text: numeric ones, and the named ones pages
// actually use (all of Latin-1, typography, arrows, maths, Greek). The full
// HTML list has 2,231 names; an unknown name stays as written, which is
// what a reader would see in a page with a typo too.

#include "documents/HtmlText.h"
#include "documents/TextEncoding.h"

#include <QHash>

namespace sextant::documents {

namespace {

// Named references for U+00A0 to U+00FF, in code point order.
const char *const kLatin1Names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

// Lower-case Greek letters, U+03B1 to U+03C9 in order.
const char *const kGreekNames[25] = {
    "alpha", "beta",    "gamma", "delta", "epsilon", "zeta",  "eta", "theta",   "iota", "kappa", "lambda", "mu",   "nu",
    "xi",    "omicron", "pi",    "rho",   "sigmaf",  "sigma", "tau", "upsilon", "phi",  "chi",   "psi",    "omega"};

struct NamedReference {
    const char *name;
    char32_t codePoint;
};
const NamedReference kOtherNames[] = {
    {"amp", 0x26},      {"lt", 0x3C},       {"gt", 0x3E},       {"quot", 0x22},     {"apos", 0x27},
    {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},
    {"fnof", 0x192},    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"Delta", 0x394},   {"Pi", 0x3A0},
    {"Sigma", 0x3A3},   {"Omega", 0x3A9},   {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009},
    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},    {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},
    {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},  {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122},  {"larr", 0x2190},   {"uarr", 0x2191},
    {"rarr", 0x2192},   {"darr", 0x2193},   {"harr", 0x2194},   {"lArr", 0x21D0},   {"rArr", 0x21D2},
    {"hArr", 0x21D4},   {"forall", 0x2200}, {"part", 0x2202},   {"exist", 0x2203},  {"nabla", 0x2207},
    {"isin", 0x2208},   {"prod", 0x220F},   {"sum", 0x2211},    {"minus", 0x2212},  {"radic", 0x221A},
    {"infin", 0x221E},  {"asymp", 0x2248},  {"ne", 0x2260},     {"equiv", 0x2261},  {"le", 0x2264},
    {"ge", 0x2265},     {"hyphen", 0x2010}, {"check", 0x2713},  {"star", 0x2606},   {"nbhy", 0x2011},
};

const QHash<QString, char32_t> &namedReferences()
{
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> t;
        for (int i = 0; i < 96; ++i)
            t.insert(QString::fromLatin1(kLatin1Names[i]), char32_t(0xA0 + i));
        for (int i = 0; i < 25; ++i)
            t.insert(QString::fromLatin1(kGreekNames[i]), char32_t(0x3B1 + i));
        for (const NamedReference &r : kOtherNames)
            t.insert(QString::fromLatin1(r.name), r.codePoint);
        return t;
    }();
    return table;
}

bool isAsciiAlnum(QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'); }

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9') return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f') return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F') return c.unicode() - u'A' + 10;
    return -1;
}

// The character a numeric reference stands for, as browsers map it.
char32_t numericReferenceChar(char32_t value)
{
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
    if (value >= 0x80 && value <= 0x9F) {
        const QChar c = windows1252Char(uchar(value));
        return c.isNull() ? char32_t(0xFFFD) : char32_t(c.unicode());
    }
    return value;
}

void appendCodePoint(QString &out, char32_t c)
{
    const char32_t ucs4[1] = {c};
    out.append(QString::fromUcs4(ucs4, 1));
}

// Decodes the reference at text[at] == '&'; returns the characters it used
// (0 when it is no reference).
qsizetype decodeReferenceAt(QStringView text, qsizetype at, QString &out)
{
    const qsizetype n = text.size();
    qsizetype i = at + 1;
    if (i < n && text[i] == u'#') {
        ++i;
        const bool hex = i < n && (text[i] == u'x' || text[i] == u'X');
        if (hex) ++i;
        const qsizetype digitsStart = i;
        quint64 value = 0;
        // Eight digits reach past U+10FFFF; more only cost time (and overflow).
        for (; i < n && i - digitsStart < 8; ++i) {
            const int d = hex ? hexValue(text[i])
                              : (text[i].isDigit() && text[i].unicode() < 128 ? text[i].unicode() - u'0' : -1);
            if (d < 0) break;
            value = value * (hex ? 16 : 10) + quint64(d);
        }
        if (i == digitsStart) return 0;
        while (i < n && (hex ? hexValue(text[i]) >= 0 : (text[i] >= u'0' && text[i] <= u'9'))) {
            value = 0x110000; // too long: out of range
            ++i;
        }
        if (i < n && text[i] == u';') ++i;
        appendCodePoint(out, numericReferenceChar(char32_t(value)));
        return i - at;
    }
    const qsizetype nameStart = i;
    while (i < n && i - nameStart <= 32 && isAsciiAlnum(text[i]))
        ++i;
    if (i == nameStart || i >= n || text[i] != u';') return 0;
    const auto found = namedReferences().constFind(text.sliced(nameStart, i - nameStart).toString());
    if (found == namedReferences().constEnd()) return 0;
    appendCodePoint(out, *found);
    return i + 1 - at;
}

} // namespace

QString decodeHtmlEntities(QStringView text)
{
    if (!text.contains(u'&')) return text.toString();
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (text[i] == u'&') {
            if (const qsizetype used = decodeReferenceAt(text, i, out)) {
                i += used;
                continue;
            }
        }
        out.append(text[i]);
        ++i;
    }
    return out;
}

} // namespace sextant::documents
