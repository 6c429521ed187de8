#include "io/VecsFile.h"

#include "io/RowChunkReader.h"
#include "io/VectorSourceBase.h"

#include <QFile>
#include <QtEndian>

#include <cstring>

namespace sextant::io {

qint64 vecsRecordBytes(VecsElement element, int dimensions)
{
    return 4 + qint64(dimensions) * (element == VecsElement::Float32 ? 4 : 1);
}

namespace {

class VecsSource final : public VectorSourceBase {
public:
    VecsSource(const QString &path, VecsElement element, const SourceOptions &options)
        : m_file(path), m_element(element), m_prefix(generatedIdPrefix(path, options))
    {
    }

    Error open()
    {
        const QString path = m_file.fileName();
        const QString kind = m_element == VecsElement::Float32 ? QStringLiteral(".fvecs") : QStringLiteral(".bvecs");
        if (!m_file.open(QIODevice::ReadOnly))
            return Error(m_file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                         QStringLiteral("Could not open %1: %2").arg(path, m_file.errorString()), path);
        m_total = m_file.size();
        if (m_total == 0) {
            m_rows = 0; // an empty file is an empty set of vectors
            m_reader.emplace(&m_file, 0, 1, 0);
            return {};
        }
        char first[4];
        if (m_total < 4 || m_file.read(first, 4) != 4)
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("%1 is %2 bytes long, too short for the 4-byte dimension of its first %3 record.")
                             .arg(path).arg(m_total).arg(kind),
                         path);
        const qint32 dimensions = qFromLittleEndian<qint32>(first);
        if (dimensions < Schema::kMinDimensions || dimensions > Schema::kMaxDimensions)
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("%1 does not look like a %2 file: its first record claims %3 dimensions (an index "
                                        "holds %4 to %5).")
                             .arg(path, kind).arg(dimensions).arg(Schema::kMinDimensions).arg(Schema::kMaxDimensions),
                         path);
        m_dimensions = dimensions;
        m_recordBytes = vecsRecordBytes(m_element, dimensions);
        m_rows = m_total / m_recordBytes;
        const qint64 partial = m_total % m_recordBytes;
        if (partial != 0) {
            m_partialAt = m_rows * m_recordBytes;
            m_notes << QStringLiteral("%1 ends with an incomplete record at byte %2 (%3 of %4 bytes); the %5 whole records "
                                      "before it are read, then the import stops with an error.")
                           .arg(path).arg(m_partialAt).arg(partial).arg(m_recordBytes).arg(m_rows);
        }
        if (Error e = validateId(m_prefix + QString::number(std::max<qint64>(m_rows - 1, 0))))
            return Error(ErrorCode::InvalidId, QStringLiteral("The ids made for %1 are not valid: %2").arg(path, e.message()), path);
        m_reader.emplace(&m_file, 0, m_recordBytes, m_rows);
        m_vector.resize(dimensions);
        return {};
    }

    SourceFormat format() const override { return m_element == VecsElement::Float32 ? SourceFormat::Fvecs : SourceFormat::Bvecs; }
    SourceShape shape() const override
    {
        SourceShape shape;
        shape.dimensions = m_dimensions;
        shape.items = m_rows;
        shape.notes = m_notes;
        return shape;
    }
    qint64 bytesDone() const override { return m_reader ? m_reader->bytesDone() : 0; }
    qint64 bytesTotal() const override { return m_total; }

protected:
    Result<Step> readOne(Item &item) override
    {
        const qint64 row = m_reader->rowsRead();
        Result<const char *> bytes = m_reader->nextRow();
        if (!bytes.ok())
            return bytes.error();
        if (!*bytes) {
            if (m_partialAt >= 0)
                return Error(ErrorCode::MalformedInput,
                             QStringLiteral("%1 ends with an incomplete record: the record at byte %2 needs %3 bytes but "
                                            "only %4 remain.")
                                 .arg(m_file.fileName()).arg(m_partialAt).arg(m_recordBytes).arg(m_total - m_partialAt),
                             m_file.fileName());
            return Step::End;
        }
        const char *p = *bytes;
        const qint32 dimensions = qFromLittleEndian<qint32>(p);
        if (dimensions != m_dimensions)
            // With another dimension the records after this one no longer
            // line up: nothing after it can be trusted.
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("%1: the record at byte %2 (vector %3) claims %4 dimensions; the first record has %5. "
                                        "Every record of the file must have the same dimension.")
                             .arg(m_file.fileName()).arg(row * m_recordBytes).arg(row).arg(dimensions).arg(m_dimensions),
                         m_file.fileName());
        p += 4;
        const QString id = m_prefix + QString::number(row);
        if (m_element == VecsElement::UInt8) {
            for (int i = 0; i < m_dimensions; ++i)
                m_vector[i] = float(static_cast<unsigned char>(p[i]));
        } else {
            for (int i = 0; i < m_dimensions; ++i) {
                const quint32 bits = qFromLittleEndian<quint32>(p + 4 * i);
                std::memcpy(&m_vector[i], &bits, 4);
            }
            if (!acceptFinite(m_vector, QStringLiteral("row %1").arg(row), id))
                return Step::Skipped;
        }
        item.id = id;
        item.vector = m_vector;
        return Step::Item;
    }

private:
    QFile m_file;
    VecsElement m_element;
    QString m_prefix;
    qint64 m_total = 0;
    qint64 m_rows = 0;
    qint64 m_recordBytes = 0;
    qint64 m_partialAt = -1; // where an incomplete last record starts
    QStringList m_notes;
    std::optional<RowChunkReader> m_reader;
    QVector<float> m_vector;
};

} // namespace

Result<std::unique_ptr<VectorSource>> openVecsSource(const QString &path, VecsElement element, const SourceOptions &options)
{
    auto source = std::make_unique<VecsSource>(path, element, options);
    if (Error e = source->open())
        return e;
    return std::unique_ptr<VectorSource>(std::move(source));
}

} // namespace sextant::io
