#include "formats/JsonLinesSource.h"

#include "formats/BufferedLineReader.h"
#include "sextant/JsonLines.h"
#include "formats/VectorSourceBase.h"

#include <QFile>

namespace sextant::formats {

namespace {

class JsonLinesSource final : public VectorSourceBase {
public:
    JsonLinesSource(const QString &path, const SourceOptions &options)
        : m_file(path), m_lines(&m_file, options.maxLineBytes)
    {
    }

    Error open()
    {
        if (Error e = openSourceFile(m_file)) return e;
        m_total = m_file.size();
        return readAhead();
    }

    SourceFormat format() const override { return SourceFormat::JsonLines; }
    SourceShape shape() const override
    {
        SourceShape shape;
        shape.dimensions = m_dimensions;
        return shape;
    }
    qint64 bytesDone() const override { return m_lines.bytesConsumed(); }
    qint64 bytesTotal() const override { return m_total; }

protected:
    Result<Step> readOne(Item &item) override
    {
        QByteArrayView line;
        Result<bool> more = m_lines.readLine(line);
        if (!more.ok()) return more.error();
        if (!*more) return Step::End;
        if (m_lines.lineNumber() == 1) line = dropUtf8ByteOrderMark(line); // Windows editors start files with one
        if (isBlankLine(line)) return Step::Skipped;
        const QString where = QStringLiteral("line %1").arg(m_lines.lineNumber());
        m_problemLine = m_lines.lineNumber();
        Result<Item> parsed = parseJsonLine(line);
        if (!parsed.ok()) {
            addProblem(where, QString(), parsed.error().message(), parsed.error().column());
            return Step::Skipped;
        }
        item = parsed.takeValue();
        // parseJsonLine already refuses NaN and infinity.
        if (!acceptDimensions(item.vector.size(), where, item.id) || !acceptId(item.id, where)) return Step::Skipped;
        return Step::Item;
    }

private:
    QFile m_file;
    BufferedLineReader m_lines;
    qint64 m_total = 0;
};

} // namespace

Result<std::unique_ptr<VectorSource>> openJsonLinesSource(const QString &path, const SourceOptions &options)
{
    auto source = std::make_unique<JsonLinesSource>(path, options);
    if (Error e = source->open()) return e;
    return std::unique_ptr<VectorSource>(std::move(source));
}

} // namespace sextant::formats
