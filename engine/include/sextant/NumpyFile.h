#pragma once
// NumPy .npy files of vectors: a reader (one row per item) and a writer of
// float32 C-order matrices. The format is NumPy's NEP 1: the magic
// "\x93NUMPY", a version, a little-endian header length, and a Python dict
// literal {'descr': ..., 'fortran_order': ..., 'shape': (...)} padded with
// spaces and ended by "\n", then the array's raw bytes (docs/vector-files.md).

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/VectorSource.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <span>

class QIODevice;

namespace sextant::formats {

enum class NpyElement { Float16, Float32, Float64 };

struct SEXTANT_API NpyHeader {
    int majorVersion = 0;
    int minorVersion = 0;
    NpyElement element = NpyElement::Float32;
    int elementBytes = 4;
    bool bigEndian = false;
    bool fortranOrder = false;
    QList<qint64> shape;
    qint64 dataOffset = 0; // where the array's bytes start
};

// The longest header read (NumPy itself refuses more than 10,000 bytes by
// default); the reader never reads more than this many bytes before the data.
constexpr qint64 kMaxNpyHeaderBytes = 1 << 20;

// Parses the start of a .npy file: `start` holds its first bytes, at least
// through the end of the header. Accepts versions 1.0, 2.0 and 3.0, the
// dtypes '<f2', '<f4', '<f8' and their big-endian '>' forms, and any shape
// (the source checks that it is 2-D). Errors name the byte offset.
SEXTANT_API Result<NpyHeader> parseNpyHeader(QByteArrayView start);

// A .npy source over `path` (docs/vector-files.md): a 2-D (rows, dimensions)
// array of floats in C order; items are idPrefix + row.
SEXTANT_API Result<std::unique_ptr<VectorSource>> openNpySource(const QString &path, const SourceOptions &options);

// Writes a float32 C-order 2-D array to a device: version 1.0, the header
// padded so that the data starts at a multiple of 64 bytes, as NumPy does.
// The header is written by the first append() (or by finish() for 0 rows).
class SEXTANT_API NpyWriter {
public:
    NpyWriter(QIODevice *device, qint64 rows, int dimensions);

    // One row of exactly `dimensions` floats, written little-endian.
    Error append(std::span<const float> vector);
    // Checks that exactly `rows` rows were appended. It does not close or
    // commit the device (a QSaveFile is the caller's to commit).
    Error finish();

    qint64 rowsWritten() const { return m_written; }

    // The bytes before the data for a (rows, dimensions) float32 array.
    static QByteArray header(qint64 rows, int dimensions);

private:
    Error start();
    Error write(const char *data, qint64 size);

    QIODevice *m_device;
    qint64 m_rows;
    int m_dimensions;
    qint64 m_written = 0;
    bool m_started = false;
    Error m_error;
};

} // namespace sextant::formats
