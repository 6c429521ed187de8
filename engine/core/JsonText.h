#pragma once
// Writing JSON text by hand, where building a QJsonDocument costs too much
// (the JSON Lines export, a filter's canonical form). One writer, so every
// JSON the engine writes escapes a string the same way.

#include <QByteArray>
#include <QByteArrayView>

namespace sextant {

// Appends `utf8` as a JSON string literal, quotes included. Escapes only
// what RFC 8259 requires: `"` and `\` with a backslash; \b \f \n \r \t by
// their short escapes; the other control characters below 0x20 as \u00XX
// (lower-case hex). Every other byte, UTF-8 included, is copied as it is
// (the caller passes valid UTF-8).
void appendJsonString(QByteArray &out, QByteArrayView utf8);

} // namespace sextant
