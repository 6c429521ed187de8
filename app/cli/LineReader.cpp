#include "LineReader.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace sextant::cli {

namespace {
constexpr qsizetype kReadChunk = 1024 * 1024;

// Input begins with a UTF-8 byte order mark when a Windows editor saved it;
// it is dropped there (and only there: elsewhere the parser names it).
QByteArrayView dropByteOrderMark(QByteArrayView line)
{
    return line.startsWith("\xEF\xBB\xBF") ? line.sliced(3) : line;
}
} // namespace

LineReader::LineReader(int fd, qsizetype maxLineBytes) : m_fd(fd), m_maxLineBytes(maxLineBytes)
{
    m_buffer.resize(kReadChunk);
}

bool LineReader::fill()
{
    if (m_endOfInput) return false;
    // Move the unfinished line to the front, and grow only when one line
    // needs more room than the buffer has.
    if (m_start > 0) {
        std::memmove(m_buffer.data(), m_buffer.constData() + m_start, size_t(m_filled - m_start));
        m_filled -= m_start;
        m_start = 0;
    }
    if (m_buffer.size() - m_filled < kReadChunk / 2) m_buffer.resize(m_buffer.size() + kReadChunk);
    for (;;) {
        const ssize_t got = ::read(m_fd, m_buffer.data() + m_filled, size_t(m_buffer.size() - m_filled));
        if (got > 0) {
            m_filled += got;
            return true;
        }
        if (got == 0) {
            m_endOfInput = true;
            return false;
        }
        if (errno == EINTR) continue;
        m_error = Error::fromErrno(errno, QStringLiteral("read"), QStringLiteral("the input"));
        m_endOfInput = true;
        return false;
    }
}

bool LineReader::hasBufferedLine() const
{
    if (m_endOfInput) return true;
    const char *from = m_buffer.constData() + m_start + m_scanned;
    return std::memchr(from, '\n', size_t(m_filled - m_start - m_scanned)) != nullptr;
}

LineReader::Status LineReader::next(QByteArrayView &line)
{
    bool skipping = false; // inside a line that is too long
    for (;;) {
        const char *from = m_buffer.constData() + m_start + m_scanned;
        const qsizetype available = m_filled - m_start - m_scanned;
        const char *newline = static_cast<const char *>(std::memchr(from, '\n', size_t(available)));
        if (newline) {
            const qsizetype length = newline - (m_buffer.constData() + m_start);
            const qsizetype lineStart = m_start;
            m_start += length + 1;
            m_scanned = 0;
            ++m_lineNumber;
            if (skipping) return Status::TooLong;
            line = QByteArrayView(m_buffer.constData() + lineStart, length);
            if (m_lineNumber == 1) line = dropByteOrderMark(line);
            return Status::Line;
        }
        m_scanned += available;
        if (m_scanned > m_maxLineBytes) {
            // Drop what we have of the oversized line and keep looking for
            // its end, so the next line is read normally.
            skipping = true;
            m_start = m_filled;
            m_scanned = 0;
        }
        if (!fill()) {
            if (!m_error.ok()) return Status::Failed;
            if (m_filled > m_start || skipping) {
                // The last line had no "\n".
                const qsizetype lineStart = m_start;
                const qsizetype length = m_filled - m_start;
                m_start = m_filled;
                m_scanned = 0;
                ++m_lineNumber;
                if (skipping) return Status::TooLong;
                line = QByteArrayView(m_buffer.constData() + lineStart, length);
                if (m_lineNumber == 1) line = dropByteOrderMark(line);
                return Status::Line;
            }
            return Status::End;
        }
    }
}

} // namespace sextant::cli
