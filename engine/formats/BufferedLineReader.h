#pragma once
// Reads a file line by line in large chunks, with a bound on the length of
// a line so that a file without newlines cannot make the reader hold all of
// it. Internal to engine/io (JSON Lines and CSV sources).

#include "sextant/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>

namespace sextant::formats {

class BufferedLineReader {
public:
    // `file` must be open for reading and outlive the reader.
    BufferedLineReader(QFile *file, qint64 maxLineBytes);

    // The next line without its "\n" (a "\r" before it is kept: the callers
    // decide). The view is valid until the next call. Returns false at the
    // end of the file; an Error when the file cannot be read or a line is
    // longer than maxLineBytes.
    Result<bool> readLine(QByteArrayView &line);

    qint64 lineNumber() const { return m_lineNumber; }  // 1-based number of the line last returned
    qint64 bytesConsumed() const { return m_consumed; } // through the end of the line last returned

private:
    Error fill();

    QFile *m_file;
    qint64 m_maxLineBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;     // start of the unread part of m_buffer
    qsizetype m_scanned = 0; // bytes after m_pos already known to hold no "\n"
    bool m_eof = false;
    qint64 m_lineNumber = 0;
    qint64 m_consumed = 0;
};

} // namespace sextant::formats
