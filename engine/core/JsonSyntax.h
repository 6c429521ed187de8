#pragma once
// A syntax check of JSON text (RFC 8259) that builds nothing: full verify
// runs it over every item's metadata, where building a QJsonDocument per
// row costs more than reading the bytes.

#include <QByteArrayView>
#include <QString>

namespace sextant {

// True when `text` is exactly one JSON object (whitespace around it
// allowed), nested at most `maxDepth` deep. Otherwise false, and `why`
// (when given) says what is wrong and at which byte.
bool isJsonObjectText(QByteArrayView text, QString *why = nullptr, int maxDepth = 512);

} // namespace sextant
