#include "core/JsonText.h"

namespace sextant {

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static const char hexDigits[] = "0123456789abcdef";
    out += '"';
    const char *runStart = utf8.data();
    const char *end = utf8.data() + utf8.size();
    for (const char *p = runStart; p < end; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(runStart, p - runStart);
        runStart = p + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            out += "\\u00";
            out += hexDigits[c >> 4];
            out += hexDigits[c & 0xF];
        }
    }
    out.append(runStart, end - runStart);
    out += '"';
}

} // namespace sextant
