#pragma once
// Fixed-size rows of a binary file (.npy data, .fvecs/.bvecs records) read
// many at a time: one read() per chunk of about 1 MiB instead of one per
// row. The caller has checked the row count against the file size; a short
// read therefore means the file changed under the import, an Error naming
// the byte offset. Internal to engine/io.

#include "sextant/Error.h"

#include <QByteArray>
#include <QFile>

namespace sextant::formats {

class RowChunkReader {
public:
    // Rows start at `dataOffset`; `file` must be open and outlive the reader.
    RowChunkReader(QFile *file, qint64 dataOffset, qint64 rowBytes, qint64 rows);

    // The next row's bytes (rowBytes of them, valid until the next call), or
    // nullptr after the last row.
    Result<const char *> nextRow();

    qint64 rowsRead() const { return m_rowsRead; }
    qint64 bytesDone() const { return m_dataOffset + m_rowsRead * m_rowBytes; }

private:
    QFile *m_file;
    qint64 m_dataOffset;
    qint64 m_rowBytes;
    qint64 m_rows;
    qint64 m_rowsRead = 0;
    QByteArray m_chunk;
    qint64 m_chunkRows = 0;  // rows in m_chunk
    qint64 m_chunkIndex = 0; // next row of m_chunk to hand out
    bool m_positioned = false;
};

} // namespace sextant::formats
