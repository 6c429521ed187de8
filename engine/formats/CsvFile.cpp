#include "formats/CsvFile.h"

#include "formats/CsvRecordReader.h"
#include "formats/JsonNumber.h"
#include "formats/VectorSourceBase.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>

namespace sextant::formats {

namespace {

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool isNonFiniteWord(QByteArrayView token)
{
    if (!token.isEmpty() && (token.front() == '-' || token.front() == '+')) token = token.sliced(1);
    const QByteArray lower = token.toByteArray().toLower();
    return lower == "nan" || lower == "inf" || lower == "infinity";
}

} // namespace

Result<QList<CsvColumnRole>> csvColumnRoles(const QStringList &header)
{
    static const QRegularExpression elementName(QStringLiteral("^(v|dim|d|e|x)_?(\\d{1,5})$"),
                                                QRegularExpression::CaseInsensitiveOption);
    QList<CsvColumnRole> roles(header.size());
    QHash<QString, int> seen;
    int idColumn = -1, vectorColumn = -1;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header[i].trimmed();
        roles[i].name = name;
        if (name.isEmpty())
            return Error(ErrorCode::MalformedInput, QStringLiteral("Column %1 of the header has no name.").arg(i + 1));
        if (seen.contains(name))
            return Error(ErrorCode::MalformedInput, QStringLiteral("The header names \"%1\" twice (columns %2 and %3).")
                                                        .arg(name)
                                                        .arg(seen[name] + 1)
                                                        .arg(i + 1));
        seen.insert(name, i);
        const QString lower = name.toLower();
        if (lower == u"id") {
            if (idColumn >= 0)
                return Error(ErrorCode::MalformedInput,
                             QStringLiteral("The header has two id columns (%1 and %2).").arg(idColumn + 1).arg(i + 1));
            idColumn = i;
            roles[i].kind = CsvColumnRole::Kind::Id;
        } else if (lower == u"vector" || lower == u"embedding") {
            if (vectorColumn >= 0)
                return Error(ErrorCode::MalformedInput,
                             QStringLiteral("The header has two vector columns (\"%1\" and \"%2\"); keep one.")
                                 .arg(roles[vectorColumn].name, name));
            vectorColumn = i;
            roles[i].kind = CsvColumnRole::Kind::VectorJson;
        }
    }
    if (vectorColumn >= 0) return roles; // numbered columns stay metadata next to a JSON vector column

    // Numbered columns: one prefix, numbers consecutive from 0 or 1.
    QString prefix;
    QList<std::pair<int, int>> numbered; // (number, column)
    for (int i = 0; i < header.size(); ++i) {
        if (roles[i].kind != CsvColumnRole::Kind::Metadata) continue;
        const QRegularExpressionMatch m = elementName.match(roles[i].name);
        if (!m.hasMatch()) continue;
        const QString p = m.captured(1).toLower() + (roles[i].name.contains(u'_') ? QStringLiteral("_") : QString());
        if (prefix.isEmpty())
            prefix = p;
        else if (p != prefix)
            return Error(
                ErrorCode::MalformedInput,
                QStringLiteral("The header mixes vector column names of two kinds (\"%1…\" and \"%2…\"); name them "
                               "all alike, e.g. v0, v1, v2.")
                    .arg(prefix, p));
        numbered.append({m.captured(2).toInt(), i});
    }
    if (numbered.isEmpty())
        return Error(
            ErrorCode::MalformedInput,
            QStringLiteral("The header has no vector column: name one column \"vector\" or \"embedding\" (a JSON "
                           "array per row), or name one column per dimension v0, v1, v2, …"));
    std::sort(numbered.begin(), numbered.end());
    const int first = numbered.front().first;
    if (first > 1)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("The vector columns start at \"%1\"; they must be numbered from 0 or 1.")
                         .arg(roles[numbered.front().second].name));
    for (int k = 0; k < numbered.size(); ++k) {
        if (numbered[k].first != first + k)
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("The vector columns skip or repeat a number at \"%1\" (expected %2%3).")
                             .arg(roles[numbered[k].second].name, prefix)
                             .arg(first + k));
        roles[numbered[k].second].kind = CsvColumnRole::Kind::VectorElement;
        roles[numbered[k].second].element = k;
    }
    if (numbered.size() > Schema::kMaxDimensions)
        return Error(ErrorCode::DimensionMismatch,
                     QStringLiteral("The header has %1 vector columns; an index holds at most %2 dimensions.")
                         .arg(numbered.size())
                         .arg(Schema::kMaxDimensions));
    return roles;
}

bool parseCsvNumber(QByteArrayView cell, float &value, bool *outOfRange)
{
    if (outOfRange) *outOfRange = false;
    QByteArrayView text = trimmed(cell);
    if (text.startsWith('+')) text = text.sliced(1);
    if (text.isEmpty() || text.front() == '+' || text.front() == ' ') return false;
    const char *begin = text.data(), *end = text.data() + text.size();
    auto [ptr, error] = std::from_chars(begin, end, value);
    if (ptr != end) return false;
    if (error == std::errc()) return true;
    if (error != std::errc::result_out_of_range) return false;
    // Beyond float's range, or so small that it rounds to zero or a
    // subnormal (libstdc++ reports both as out of range): decide by the
    // double, which is converted only when it fits a float.
    double wide = 0;
    auto [widePtr, wideError] = std::from_chars(begin, end, wide);
    if (widePtr == end && wideError == std::errc() && std::fabs(wide) <= double(FLT_MAX)) {
        value = float(wide);
        return true;
    }
    const bool negativeExponent = text.contains("e-") || text.contains("E-");
    if (widePtr == end && wideError == std::errc::result_out_of_range && negativeExponent) {
        value = text.startsWith('-') ? -0.0f : 0.0f; // smaller than the least double
        return true;
    }
    if (outOfRange) *outOfRange = true;
    return false;
}

bool parseJsonVector(QByteArrayView text, QVector<float> &vector, QString &why)
{
    using namespace json;
    vector.clear();
    const char *p = text.data(), *end = text.data() + text.size();
    auto skip = [&] {
        while (p < end && isJsonSpace(*p))
            ++p;
    };
    skip();
    if (p == end || *p != '[') {
        why = QStringLiteral("The vector is not a JSON array (it must look like [0.1, -0.2, 0.3]).");
        return false;
    }
    ++p;
    skip();
    if (p < end && *p == ']') {
        ++p;
    } else {
        for (;;) {
            skip();
            if (vector.size() == Schema::kMaxDimensions) {
                why = QStringLiteral("The vector has more than %1 numbers; an index holds at most %1 dimensions.")
                          .arg(Schema::kMaxDimensions);
                return false;
            }
            const ScannedFloat number = readFloat32(p, end);
            if (number.status != ScannedFloat::Status::Ok) {
                const char *tokenEnd = p;
                while (tokenEnd < end && !endsToken(*tokenEnd))
                    ++tokenEnd;
                const QByteArrayView token(p, tokenEnd - p);
                if (number.status == ScannedFloat::Status::OutOfRange)
                    why = QStringLiteral(
                              "Element %1 of the vector is beyond the range of a 32-bit float (about ±3.4e38).")
                              .arg(vector.size());
                else if (isNonFiniteWord(token))
                    why = QStringLiteral("Element %1 of the vector is %2; vectors must hold finite numbers.")
                              .arg(vector.size())
                              .arg(QString::fromUtf8(token.first(std::min<qsizetype>(token.size(), 20))));
                else if (p == end)
                    why = QStringLiteral("The vector's array is not closed with ']'.");
                else
                    why = QStringLiteral("Element %1 of the vector (%2) is not a JSON number.")
                              .arg(vector.size())
                              .arg(QString::fromUtf8(token.first(std::min<qsizetype>(token.size(), 40))));
                return false;
            }
            vector.append(number.value);
            p = number.end;
            skip();
            if (p < end && *p == ',') {
                ++p;
                continue;
            }
            if (p < end && *p == ']') {
                ++p;
                break;
            }
            why = p == end
                      ? QStringLiteral("The vector's array is not closed with ']'.")
                      : QStringLiteral("Expected ',' or ']' after element %1 of the vector.").arg(vector.size() - 1);
            return false;
        }
    }
    skip();
    if (p != end) {
        why = QStringLiteral("Text follows the vector's closing ']'.");
        return false;
    }
    return true;
}

namespace {

class CsvSource final : public VectorSourceBase {
public:
    CsvSource(const QString &path, char delimiter, const SourceOptions &options)
        : m_file(path), m_records(&m_file, delimiter, options.maxLineBytes), m_prefix(generatedIdPrefix(path, options))
    {
    }

    Error open()
    {
        const QString path = m_file.fileName();
        if (Error e = openSourceFile(m_file)) return e;
        m_total = m_file.size();
        CsvRecord header;
        Result<bool> any = m_records.read(header);
        if (!any.ok()) return any.error();
        if (!*any)
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("%1 is empty; a CSV file needs a header row.").arg(path), path);
        if (!header.problem.isEmpty())
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("The header row of %1 is not valid CSV: %2").arg(path, header.problem), path);
        if (header.fields.front().startsWith("\xEF\xBB\xBF"))
            header.fields.front().remove(0, 3); // the byte order mark spreadsheets write
        QStringList names;
        for (const QByteArray &field : header.fields)
            names << QString::fromUtf8(field);
        Result<QList<CsvColumnRole>> roles = csvColumnRoles(names);
        if (!roles.ok())
            return roles.error().rephrased(QStringLiteral("%1: %2").arg(path, roles.error().message())).withPath(path);
        m_roles = *roles;
        for (qsizetype c = 0; c < m_roles.size(); ++c) {
            const CsvColumnRole &role = m_roles[c];
            if (role.kind == CsvColumnRole::Kind::Id) m_idColumn = int(c);
            if (role.kind == CsvColumnRole::Kind::VectorElement)
                m_elementColumns = std::max(m_elementColumns, role.element + 1);
        }
        if (m_elementColumns > 0) m_dimensions = m_elementColumns;
        return readAhead();
    }

    SourceFormat format() const override { return SourceFormat::Csv; }
    SourceShape shape() const override
    {
        SourceShape shape;
        shape.dimensions = m_dimensions;
        return shape;
    }
    qint64 bytesDone() const override { return m_records.bytesConsumed(); }
    qint64 bytesTotal() const override { return m_total; }

protected:
    Result<Step> readOne(Item &item) override
    {
        Result<bool> more = m_records.read(m_record);
        if (!more.ok()) return more.error();
        if (!*more) return Step::End;
        const qint64 dataRow = m_dataRows++;
        // Rows as a spreadsheet shows them: the header is row 1.
        const QString where = QStringLiteral("row %1").arg(dataRow + 2);
        QString id = m_idColumn >= 0 ? QString() : m_prefix + QString::number(dataRow);
        if (!m_record.problem.isEmpty()) {
            addProblem(where, QString(), m_record.problem);
            return Step::Skipped;
        }
        if (m_record.fields.size() != m_roles.size()) {
            addProblem(where, QString(),
                       QStringLiteral("The row has %1 fields; the header has %2 (line %3).")
                           .arg(m_record.fields.size())
                           .arg(m_roles.size())
                           .arg(m_record.firstLine));
            return Step::Skipped;
        }
        if (m_idColumn >= 0)
            id = QString::fromUtf8(m_record.fields[m_idColumn]); // first, so that every problem can name it
        item.vector.resize(m_elementColumns);
        for (qsizetype c = 0; c < m_roles.size(); ++c) {
            const CsvColumnRole &role = m_roles[c];
            const QByteArray &cell = m_record.fields[c];
            switch (role.kind) {
            case CsvColumnRole::Kind::Id: break;
            case CsvColumnRole::Kind::VectorJson: {
                QString why;
                if (!parseJsonVector(cell, item.vector, why)) {
                    addProblem(where, id, QStringLiteral("Column \"%1\": %2").arg(role.name, why));
                    return Step::Skipped;
                }
                break;
            }
            case CsvColumnRole::Kind::VectorElement: {
                bool outOfRange = false;
                if (!parseCsvNumber(cell, item.vector[role.element], &outOfRange)) {
                    addProblem(where, id,
                               outOfRange
                                   ? QStringLiteral(
                                         "Column \"%1\" (%2) is beyond the range of a 32-bit float (about ±3.4e38).")
                                         .arg(role.name, QString::fromUtf8(cell.left(40)))
                                   : QStringLiteral("Column \"%1\" holds \"%2\", which is not a number.")
                                         .arg(role.name, QString::fromUtf8(cell.left(40))));
                    return Step::Skipped;
                }
                break;
            }
            case CsvColumnRole::Kind::Metadata:
                if (!cell.isEmpty()) item.metadata.insert(role.name, QString::fromUtf8(cell));
                break;
            }
        }
        if (!acceptDimensions(item.vector.size(), where, id) || !acceptFinite(item.vector, where, id) ||
            !acceptId(id, where))
            return Step::Skipped;
        item.id = id;
        return Step::Item;
    }

private:
    QFile m_file;
    CsvRecordReader m_records;
    QString m_prefix;
    QList<CsvColumnRole> m_roles;
    int m_idColumn = -1;
    int m_elementColumns = 0;
    qint64 m_total = 0;
    qint64 m_dataRows = 0;
    CsvRecord m_record;
};

} // namespace

Result<std::unique_ptr<VectorSource>> openCsvSource(const QString &path, char delimiter, const SourceOptions &options)
{
    auto source = std::make_unique<CsvSource>(path, delimiter, options);
    if (Error e = source->open()) return e;
    return std::unique_ptr<VectorSource>(std::move(source));
}

} // namespace sextant::formats
