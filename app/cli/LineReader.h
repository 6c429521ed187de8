#pragma once
// Reads lines from a file descriptor (standard input or an import file) with
// one large buffer and no copies per line. A read returns as soon as the
// operating system hands over a complete line, so a program that writes one
// line to `sextant-cli insert` and waits for its acknowledgement is served
// at once instead of waiting for a buffer to fill.

#include "sextant/Error.h"

#include <QByteArray>
#include <QByteArrayView>

namespace sextant::cli {

class LineReader {
public:
    // Longer lines are skipped and reported: the largest valid record
    // (64 MiB of metadata plus 8192 numbers) is well below this.
    static constexpr qsizetype kMaxLineBytes = 96 * 1024 * 1024;

    explicit LineReader(int fd, qsizetype maxLineBytes = kMaxLineBytes);

    enum class Status {
        Line,    // `line` holds the next line, without "\n"
        TooLong, // a line longer than the limit was skipped
        End,     // no more input
        Failed,  // the read failed: see error()
    };
    // `line` stays valid until the next call.
    Status next(QByteArrayView &line);

    // Whether next() can return without waiting for input: a complete line
    // (or the end of input) is already in the buffer.
    bool hasBufferedLine() const;

    // 1-based number of the line last returned (or skipped).
    qint64 lineNumber() const { return m_lineNumber; }
    const Error &error() const { return m_error; }

private:
    bool fill(); // reads more; false at end of input or on failure

    int m_fd;
    qsizetype m_maxLineBytes;
    QByteArray m_buffer;
    qsizetype m_start = 0;   // first unread byte
    qsizetype m_filled = 0;  // bytes of m_buffer holding input
    qsizetype m_scanned = 0; // bytes after m_start known to hold no "\n"
    bool m_endOfInput = false;
    qint64 m_lineNumber = 0;
    Error m_error;
};

} // namespace sextant::cli
