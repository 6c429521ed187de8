#pragma once
// A query vector typed by a person: a JSON array of numbers, from the
// command line (sextant-cli query --vector) or the GUI's Query view. One
// parser for both, so both say the same about the same text.
//
// Elements are numbered from 1 (the first number is element 1), as lines
// and columns are: that is how a person counts what they typed.

#include "sextant/Api.h"
#include "sextant/Error.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QString>
#include <QVector>

namespace sextant {

// Parses `text`: a JSON array of finite numbers within float32's range. The
// dimension is not checked (the index does that against its schema).
// `source` names where the text came from in messages ("--vector", "the
// file q.json"). Errors have source() QueryVector and:
// - MalformedInput with offset() (the byte where the JSON goes wrong) when
//   the text is not JSON; with offset() -1 and element() 0 when it is JSON
//   but not an array;
// - MalformedInput with element() when an element is not a number;
// - NonFiniteValue with element() when a number is beyond float32's range;
// - DimensionMismatch when the array is empty.
SEXTANT_API Result<QVector<float>> parseQueryVector(QByteArrayView text, const QString &source);
// The same checks on an array already parsed (a line of a comparison's
// query file), with the same errors but for the JSON syntax ones.
SEXTANT_API Result<QVector<float>> queryVectorFromJson(const QJsonArray &array, const QString &source);

} // namespace sextant
