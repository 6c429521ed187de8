#include "documents/TextEncoding.h"

#include <QStringDecoder>

namespace sextant::documents {

namespace {

// C0 controls a text file may hold: tab, line feed, vertical tab, form feed,
// carriage return, and escape (ANSI colours in logs). Any other one, NUL
// above all, means the bytes are not text.
bool isTextControl(char16_t c) { return c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x1B; }
bool isForbiddenControl(char16_t c) { return c < 0x20 && !isTextControl(c); }

Error binaryAt(qsizetype byteOffset)
{
    return Error(ErrorCode::MalformedInput, QStringLiteral("not text: binary data at byte %1").arg(byteOffset));
}

Error notText() { return Error(ErrorCode::MalformedInput, QStringLiteral("not valid UTF-8 or UTF-16 text")); }

// Old DOS editors ended files with Ctrl-Z; that one byte is not binary data.
QByteArrayView withoutDosEnd(QByteArrayView bytes) { return bytes.endsWith('\x1a') ? bytes.chopped(1) : bytes; }

qsizetype firstForbiddenByte(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i)
        if (isForbiddenControl(uchar(bytes[i]))) return i;
    return -1;
}

Result<QString> decodeUtf16(QByteArrayView body, QStringDecoder::Encoding encoding, qsizetype bomSize)
{
    if (body.size() % 2 != 0) return notText();
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(body);
    if (decoder.hasError()) return notText();
    // Qt's decoder lets unpaired surrogates through; text files have none.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate()) return notText();
        if (isForbiddenControl(c.unicode()) && !(c.unicode() == 0x1a && i + 1 == text.size()))
            return binaryAt(bomSize + 2 * i);
    }
    if (text.endsWith(QChar(0x1a))) text.chop(1);
    return text;
}

Result<QString> decodeUtf8OrWindows1252(QByteArrayView bytes, qsizetype bomSize)
{
    const QByteArrayView body = withoutDosEnd(bytes);
    if (const qsizetype at = firstForbiddenByte(body); at >= 0) return binaryAt(bomSize + at);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(body);
    if (!utf8.hasError()) return text;
    if (bomSize > 0) return notText(); // it said UTF-8 and is not
    text.clear();
    text.reserve(body.size());
    for (const char ch : body) {
        const uchar b = uchar(ch);
        if (b < 0x80 || b >= 0xA0) {
            text.append(QChar(char16_t(b)));
            continue;
        }
        const QChar c = windows1252Char(b);
        if (c.isNull()) return notText();
        text.append(c);
    }
    return text;
}

} // namespace

QChar windows1252Char(uchar byte)
{
    static const char16_t table[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
    };
    if (byte < 0x80 || byte > 0x9F) return QChar();
    return QChar(table[byte - 0x80]);
}

Result<QString> decodeDocumentBytes(const QByteArray &bytes)
{
    const QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF")) return decodeUtf8OrWindows1252(view.sliced(3), 3);
    if (view.startsWith("\xFF\xFE")) return decodeUtf16(view.sliced(2), QStringDecoder::Utf16LE, 2);
    if (view.startsWith("\xFE\xFF")) return decodeUtf16(view.sliced(2), QStringDecoder::Utf16BE, 2);
    return decodeUtf8OrWindows1252(view, 0);
}

QString normalizeLineEnds(QString text)
{
    if (!text.contains(u'\r')) return text;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    return text;
}

QString sizeText(qint64 bytes)
{
    if (bytes < 1024) return QStringLiteral("%1 bytes").arg(bytes);
    const double kb = double(bytes) / 1024.0;
    if (kb < 1024.0) return QStringLiteral("%1 KB").arg(kb, 0, 'f', kb < 10 ? 1 : 0);
    const double mb = kb / 1024.0;
    if (mb < 10240.0) return QStringLiteral("%1 MB").arg(mb, 0, 'f', mb < 10 ? 1 : 0);
    return QStringLiteral("%1 GB").arg(mb / 1024.0, 0, 'f', 1);
}

} // namespace sextant::documents
