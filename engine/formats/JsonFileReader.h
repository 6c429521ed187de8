#pragma once
// Whole JSON files from other tools (Vectra's index.json, LangChain's
// docstore.json and args.json), read with a size bound and a nesting bound
// checked before Qt's parser sees the bytes. Internal to engine/io.

#include "sextant/Error.h"

#include <QByteArrayView>
#include <QJsonDocument>
#include <QString>

namespace sextant::formats {

// The byte offset where `text` first nests arrays and objects deeper than
// `maxDepth` (brackets inside strings do not count), or -1 when it never
// does. Only the nesting is looked at; the syntax is the parser's job.
qsizetype findJsonNestingBeyond(QByteArrayView text, int maxDepth);

// Reads `path` whole (at most maxBytes), checks the nesting and parses it.
// Errors name the file and, for bad JSON, the byte offset.
Result<QJsonDocument> readJsonFile(const QString &path, qint64 maxBytes, int maxDepth);

// The same checks on bytes already read; `path` only names the file in errors.
Result<QJsonDocument> parseJsonBytes(const QByteArray &bytes, const QString &path, int maxDepth);

// Reads `path` whole when it has at most maxBytes.
Result<QByteArray> readWholeFile(const QString &path, qint64 maxBytes);

} // namespace sextant::formats
