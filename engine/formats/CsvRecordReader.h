#pragma once
// RFC 4180 records from a CSV or TSV file: fields separated by one
// delimiter character; a field in double quotes may hold delimiters, line
// breaks and doubled quotes (""); records end at LF or CRLF. Internal to
// engine/io (the CSV source).
//
// A record that breaks the quoting rules (a quote inside an unquoted field,
// text after a closing quote, a quote that is never closed) is returned
// with `problem` set, so that the caller can skip it and go on: it ends at
// the end of the physical line where the problem was found, which is where
// the next record most likely starts.

#include "sextant/Error.h"
#include "formats/BufferedLineReader.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace sextant::formats {

struct CsvRecord {
    QList<QByteArray> fields;
    qint64 firstLine = 0; // 1-based physical lines the record spans
    qint64 lastLine = 0;
    QString problem; // empty when the record is well formed
};

class CsvRecordReader {
public:
    // `file` must be open and outlive the reader. A record (all its
    // physical lines together) longer than maxRecordBytes is an Error.
    CsvRecordReader(QFile *file, char delimiter, qint64 maxRecordBytes);

    // Fills `record` with the next record; false at the end of the file.
    // Lines holding nothing (or only "\r") between records are skipped.
    Result<bool> read(CsvRecord &record);

    qint64 bytesConsumed() const { return m_lines.bytesConsumed(); }

private:
    QString m_path;
    BufferedLineReader m_lines;
    char m_delimiter;
    qint64 m_maxRecordBytes;
};

} // namespace sextant::formats
