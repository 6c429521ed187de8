#pragma once
// CSV and TSV files of vectors (docs/vector-files.md). The first record is
// the header. Columns:
//  - "id" (optional, any letter case): the item's id; without it, ids are
//    idPrefix + data row from 0;
//  - "vector" or "embedding": the vector as a JSON array of numbers; or,
//    without such a column, the columns named like v0, v1, ... (one prefix
//    of v, dim, d, e or x, an optional "_", then consecutive numbers from 0
//    or 1), read in the order of their numbers, one number per cell;
//  - every other column: metadata, as a string (empty cells are left out).

#include "sextant/VectorSource.h"

#include <QByteArrayView>

namespace sextant::formats {

// How one header cell is read.
struct CsvColumnRole {
    enum class Kind { Id, VectorJson, VectorElement, Metadata };
    Kind kind = Kind::Metadata;
    int element = -1; // for VectorElement: position in the vector
    QString name;
};

// The roles of the header's cells, or an error saying what is missing or
// ambiguous (no vector column, two id columns, a gap in v0..vN, ...).
Result<QList<CsvColumnRole>> csvColumnRoles(const QStringList &header);

// A number in one CSV cell: a decimal, optionally signed, with spaces
// around it allowed ("0.25", " -1e-3", "+.5"). NaN and infinity are read as
// such (and refused later as non-finite); false when the cell is not a
// number at all or is beyond float32's range (`outOfRange` then says so).
bool parseCsvNumber(QByteArrayView cell, float &value, bool *outOfRange = nullptr);

// A JSON array of numbers ("[0.1, -2, 3e5]") as a vector; an error sentence
// in `why` when it is not one.
bool parseJsonVector(QByteArrayView text, QVector<float> &vector, QString &why);

// `delimiter` ',' for CSV, '\t' for TSV.
Result<std::unique_ptr<VectorSource>> openCsvSource(const QString &path, char delimiter, const SourceOptions &options);

} // namespace sextant::formats
