#pragma once
// JSON Lines records for import and export: one item per line,
//   {"id":"doc-1","vector":[0.25,-1,3e-5],"metadata":{"title":"..."}}
//
// Input is untrusted (files from other tools, hand-written lines, damaged
// downloads), so the parser never crashes, never recurses on input, and says
// exactly what is wrong and where. It is also the hot path of bulk import:
// the vector array is scanned by hand with std::from_chars (floats parse
// straight from decimal to float32, correctly rounded), and only metadata,
// which is small and arbitrary, goes through QJsonDocument.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Item.h"

#include <QByteArray>
#include <QByteArrayView>

namespace sextant::formats {

// A line with nothing but spaces, tabs and a carriage return. Readers skip
// such lines (a trailing newline at the end of a file makes one).
SEXTANT_API bool isBlankLine(QByteArrayView line);

// Parses one record. The line may end in "\r" (files written on Windows);
// it must not contain the "\n" that ended it.
//  - "id": a JSON string (required);
//  - "vector": an array of JSON numbers (required), each rounded to the
//    nearest float32; values beyond float32's range, NaN and Infinity are
//    rejected with ErrorCode::NonFiniteValue; more than
//    Schema::kMaxDimensions values with ErrorCode::DimensionMismatch;
//  - "metadata": a JSON object (optional; absent means empty).
// Any other field, a repeated field or anything that is not JSON is
// ErrorCode::MalformedInput. Errors name the field and the 1-based byte
// column. The id, dimension and metadata are checked against an index's
// schema later, by the index.
// A UTF-8 byte order mark is not JSON: readers drop one at the very start
// of a file (dropUtf8ByteOrderMark on line 1); anywhere else it is an error
// that names it.
SEXTANT_API Result<Item> parseJsonLine(QByteArrayView line);

// `line` without a leading UTF-8 byte order mark (EF BB BF).
SEXTANT_API QByteArrayView dropUtf8ByteOrderMark(QByteArrayView line);

// The record for `item` as compact JSON without the trailing newline, in
// the form parseJsonLine reads. Floats are written in the shortest form that
// reads back to the same bits; metadata numbers as Qt writes them (doubles,
// shortest round-trip form).
SEXTANT_API QByteArray itemToJsonLine(const Item &item);
// The same, appended to `out` followed by "\n" (export writes many lines
// into one buffer).
SEXTANT_API void appendJsonLine(QByteArray &out, const Item &item);

} // namespace sextant::formats
