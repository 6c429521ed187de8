#pragma once
// The query vector of `sextant-cli query --vector`: a JSON array of numbers
// given on the command line, on standard input (-) or in a file (@FILE).
// Errors say where the text came from and what is wrong with it; the
// dimension is checked later, by the index, against its schema.

#include "sextant/Error.h"
#include "sextant/QueryVector.h"

#include <QByteArrayView>
#include <QString>
#include <QVector>

namespace sextant::cli {

// A vector of 8,192 dimensions written out in full is about 200 KB; a
// megabyte more than that is the wrong input.
constexpr qint64 kMaxQueryVectorBytes = 16 * 1024 * 1024;

// The value of --vector: "-" reads standard input, "@FILE" a file, anything
// else is the JSON itself.
Result<QVector<float>> readQueryVector(const QString &argument);

} // namespace sextant::cli
