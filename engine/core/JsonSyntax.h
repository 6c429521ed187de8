#pragma once
// A syntax check of JSON text (RFC 8259) that builds nothing: full verify
// runs it over every item's metadata, where building a QJsonDocument per
// row costs more than reading the bytes.

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace sextant {

// How deeply an item's metadata may nest objects and arrays, the outer
// object counting as 1. One limit for every side: what a write accepts
// (Schema::validateMetadata, the JSON Lines reader) is exactly what full
// verify and repair accept (isJsonObjectText), so an acknowledged item can
// never be called damaged for its depth.
constexpr int kMaxMetadataNesting = 512;

// True when `text` is exactly one JSON object (whitespace around it
// allowed), nested at most `maxDepth` deep. Otherwise false, and `why`
// (when given) says what is wrong and at which byte.
bool isJsonObjectText(QByteArrayView text, QString *why = nullptr, int maxDepth = kMaxMetadataNesting);

// The nesting of `object`'s deepest object or array, `object` itself counting as 1.
int jsonNesting(const QJsonObject &object);

} // namespace sextant
