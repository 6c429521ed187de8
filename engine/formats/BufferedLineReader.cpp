#include "formats/BufferedLineReader.h"

#include <cstring>

namespace sextant::formats {

namespace {
constexpr qint64 kChunkBytes = 1 << 20;
}

BufferedLineReader::BufferedLineReader(QFile *file, qint64 maxLineBytes)
    : m_file(file), m_maxLineBytes(maxLineBytes) { }

Error BufferedLineReader::fill()
{
    // Move the unread part to the front, then append one chunk after it.
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + kChunkBytes);
    const qint64 n = m_file->read(m_buffer.data() + old, kChunkBytes);
    if (n < 0) {
        m_buffer.resize(old);
        return Error(ErrorCode::Io,
                     QStringLiteral("Could not read %1: %2").arg(m_file->fileName(), m_file->errorString()),
                     m_file->fileName());
    }
    m_buffer.resize(old + qsizetype(n));
    if (n == 0) m_eof = true;
    return {};
}

Result<bool> BufferedLineReader::readLine(QByteArrayView &line)
{
    for (;;) {
        const qsizetype available = m_buffer.size() - m_pos;
        const char *start = m_buffer.constData() + m_pos;
        const void *newline =
            available > m_scanned ? std::memchr(start + m_scanned, '\n', size_t(available - m_scanned)) : nullptr;
        if (newline) {
            const qsizetype length = static_cast<const char *>(newline) - start;
            if (length > m_maxLineBytes) break;
            line = QByteArrayView(start, length);
            m_pos += length + 1;
            m_scanned = 0;
            m_consumed += length + 1;
            ++m_lineNumber;
            return true;
        }
        m_scanned = available;
        if (available > m_maxLineBytes) break;
        if (m_eof) {
            if (available == 0) return false;
            line = QByteArrayView(start, available); // the last line has no "\n"
            m_pos += available;
            m_scanned = 0;
            m_consumed += available;
            ++m_lineNumber;
            return true;
        }
        if (Error e = fill()) return e;
    }
    return Error(ErrorCode::MalformedInput,
                 QStringLiteral("Line %1 of %2 is longer than %3 bytes, the most that is read as one line.")
                     .arg(m_lineNumber + 1)
                     .arg(m_file->fileName())
                     .arg(m_maxLineBytes),
                 m_file->fileName());
}

} // namespace sextant::formats
