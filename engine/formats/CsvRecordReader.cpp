#include "formats/CsvRecordReader.h"

namespace sextant::formats {

CsvRecordReader::CsvRecordReader(QFile *file, char delimiter, qint64 maxRecordBytes)
    : m_path(file->fileName()), m_lines(file, maxRecordBytes), m_delimiter(delimiter), m_maxRecordBytes(maxRecordBytes)
{
}

Result<bool> CsvRecordReader::read(CsvRecord &record)
{
    record.fields.clear();
    record.problem.clear();

    QByteArrayView line;
    // Skip empty lines between records (a trailing newline makes one).
    for (;;) {
        Result<bool> more = m_lines.readLine(line);
        if (!more.ok()) return more.error();
        if (!*more) return false;
        if (line.endsWith('\r')) line.chop(1);
        if (!line.isEmpty()) break;
    }
    record.firstLine = record.lastLine = m_lines.lineNumber();

    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State state = State::FieldStart;
    QByteArray field;
    qint64 recordBytes = 0;
    qint64 quoteOpenedLine = 0;
    for (;;) {
        recordBytes += line.size() + 1;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const char c = line[i];
            switch (state) {
            case State::FieldStart:
                if (c == '"') {
                    state = State::Quoted;
                    quoteOpenedLine = m_lines.lineNumber();
                } else if (c == m_delimiter) {
                    record.fields.append(QByteArray());
                } else {
                    field.append(c);
                    state = State::Unquoted;
                }
                break;
            case State::Unquoted:
                if (c == m_delimiter) {
                    record.fields.append(std::exchange(field, QByteArray()));
                    state = State::FieldStart;
                } else if (c == '"') {
                    record.problem =
                        QStringLiteral("A double quote appears inside an unquoted field (line %1, column %2); "
                                       "a field holding quotes must be quoted as a whole, with each quote doubled.")
                            .arg(m_lines.lineNumber())
                            .arg(i + 1);
                    return true;
                } else {
                    field.append(c);
                }
                break;
            case State::Quoted:
                if (c == '"')
                    state = State::QuoteInQuoted;
                else
                    field.append(c);
                break;
            case State::QuoteInQuoted:
                if (c == '"') {
                    field.append('"');
                    state = State::Quoted;
                } else if (c == m_delimiter) {
                    record.fields.append(std::exchange(field, QByteArray()));
                    state = State::FieldStart;
                } else {
                    record.problem = QStringLiteral("Text follows the closing quote of a field (line %1, column %2).")
                                         .arg(m_lines.lineNumber())
                                         .arg(i + 1);
                    return true;
                }
                break;
            }
        }
        if (state != State::Quoted) {
            record.fields.append(field); // the last field (empty after a trailing delimiter)
            return true;
        }
        // A line break inside quotes belongs to the field.
        Result<bool> more = m_lines.readLine(line);
        if (!more.ok()) return more.error();
        if (!*more) {
            record.problem =
                QStringLiteral("A quoted field opened on line %1 is never closed; the file ends inside it.")
                    .arg(quoteOpenedLine);
            return true;
        }
        record.lastLine = m_lines.lineNumber();
        if (line.endsWith('\r')) line.chop(1);
        if (recordBytes + line.size() > m_maxRecordBytes)
            return Error(
                ErrorCode::MalformedInput,
                QStringLiteral("A quoted field opened on line %1 is not closed within %2 bytes, the longest record "
                               "that is read; its quotes are probably unbalanced.")
                    .arg(quoteOpenedLine)
                    .arg(m_maxRecordBytes));
        field.append('\n');
    }
}

} // namespace sextant::formats
