#include "formats/RowChunkReader.h"

#include <algorithm>

namespace sextant::formats {

RowChunkReader::RowChunkReader(QFile *file, qint64 dataOffset, qint64 rowBytes, qint64 rows)
    : m_file(file), m_dataOffset(dataOffset), m_rowBytes(rowBytes), m_rows(rows)
{
}

Result<const char *> RowChunkReader::nextRow()
{
    if (m_rowsRead >= m_rows) return static_cast<const char *>(nullptr);
    if (m_chunkIndex == m_chunkRows) {
        if (!m_positioned) {
            if (!m_file->seek(m_dataOffset))
                return Error(ErrorCode::Io,
                             QStringLiteral("Could not seek to byte %1 of %2: %3")
                                 .arg(m_dataOffset)
                                 .arg(m_file->fileName(), m_file->errorString()),
                             m_file->fileName());
            m_positioned = true;
        }
        constexpr qint64 kChunkBytes = 1 << 20;
        const qint64 rows = std::min(m_rows - m_rowsRead, std::max<qint64>(1, kChunkBytes / m_rowBytes));
        const qint64 bytes = rows * m_rowBytes; // at most max(1 MiB, one row): the caller bounded rowBytes
        m_chunk.resize(qsizetype(bytes));
        qint64 done = 0;
        while (done < bytes) {
            const qint64 n = m_file->read(m_chunk.data() + done, bytes - done);
            if (n < 0)
                return Error(ErrorCode::Io,
                             QStringLiteral("Could not read %1: %2").arg(m_file->fileName(), m_file->errorString()),
                             m_file->fileName());
            if (n == 0)
                return Error(ErrorCode::Io,
                             QStringLiteral("%1 ends at byte %2, inside row %3; it was longer when the import began.")
                                 .arg(m_file->fileName())
                                 .arg(bytesDone() + done)
                                 .arg(m_rowsRead + done / m_rowBytes),
                             m_file->fileName());
            done += n;
        }
        m_chunkRows = rows;
        m_chunkIndex = 0;
    }
    const char *row = m_chunk.constData() + m_chunkIndex * m_rowBytes;
    ++m_chunkIndex;
    ++m_rowsRead;
    return row;
}

} // namespace sextant::formats
