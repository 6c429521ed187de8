#include "formats/JsonFileReader.h"

#include <QFile>
#include <QJsonParseError>

namespace sextant::formats {

qsizetype findJsonNestingBeyond(QByteArrayView text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // an escaped character never ends the string
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) return i;
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
        }
    }
    return -1;
}

Result<QByteArray> readWholeFile(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                     QStringLiteral("Could not open %1: %2").arg(path, file.errorString()), path);
    const qint64 size = file.size();
    if (size > maxBytes)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("%1 is %2 bytes; at most %3 bytes are read.").arg(path).arg(size).arg(maxBytes),
                     path);
    QByteArray bytes;
    bytes.resize(qsizetype(size));
    qint64 done = 0;
    while (done < size) {
        const qint64 n = file.read(bytes.data() + done, size - done);
        if (n < 0)
            return Error(ErrorCode::Io, QStringLiteral("Could not read %1: %2").arg(path, file.errorString()), path);
        if (n == 0) return Error(ErrorCode::Io, QStringLiteral("%1 became shorter while it was read.").arg(path), path);
        done += n;
    }
    // A file that grew while read (or a pipe) must still respect the bound.
    char extra;
    if (file.read(&extra, 1) > 0)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("%1 grew while it was read; it must not change during import.").arg(path), path);
    return bytes;
}

Result<QJsonDocument> parseJsonBytes(const QByteArray &bytes, const QString &path, int maxDepth)
{
    const qsizetype deep = findJsonNestingBeyond(bytes, maxDepth);
    if (deep >= 0)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("%1 nests arrays and objects more than %2 deep (at byte %3).")
                         .arg(path)
                         .arg(maxDepth)
                         .arg(deep),
                     path);
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("%1 is not valid JSON: %2 at byte %3.")
                         .arg(path, parseError.errorString())
                         .arg(parseError.offset),
                     path);
    return document;
}

Result<QJsonDocument> readJsonFile(const QString &path, qint64 maxBytes, int maxDepth)
{
    Result<QByteArray> bytes = readWholeFile(path, maxBytes);
    if (!bytes.ok()) return bytes.error();
    return parseJsonBytes(*bytes, path, maxDepth);
}

} // namespace sextant::formats
