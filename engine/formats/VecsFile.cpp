#include "formats/VecsFile.h"

#include "formats/RowChunkReader.h"
#include "formats/VectorSourceBase.h"

#include <QFile>
#include <QtEndian>

#include <cstring>

namespace sextant::formats {

qint64 vecsRecordBytes(VecsElement element, int dimensions)
{
    return 4 + qint64(dimensions) * (element == VecsElement::Float32 ? 4 : 1);
}

namespace {

class VecsSource final : public RowFileSource {
public:
    VecsSource(const QString &path, VecsElement element, const SourceOptions &options)
        : RowFileSource(path, options), m_element(element)
    {
    }

    Error open()
    {
        const QString path = m_file.fileName();
        const QString kind = m_element == VecsElement::Float32 ? QStringLiteral(".fvecs") : QStringLiteral(".bvecs");
        if (Error e = openSourceFile(m_file)) return e;
        m_total = m_file.size();
        if (m_total == 0) {
            m_rows = 0; // an empty file is an empty set of vectors
            m_reader.emplace(&m_file, 0, 1, 0);
            return {};
        }
        char first[4];
        if (m_total < 4 || m_file.read(first, 4) != 4)
            return Error(
                ErrorCode::MalformedInput,
                QStringLiteral("%1 is %2 bytes long, too short for the 4-byte dimension of its first %3 record.")
                    .arg(path)
                    .arg(m_total)
                    .arg(kind),
                path);
        const qint32 dimensions = qFromLittleEndian<qint32>(first);
        if (dimensions < Schema::kMinDimensions || dimensions > Schema::kMaxDimensions)
            return Error(
                ErrorCode::MalformedInput,
                QStringLiteral("%1 does not look like a %2 file: its first record claims %3 dimensions (an index "
                               "holds %4 to %5).")
                    .arg(path, kind)
                    .arg(dimensions)
                    .arg(Schema::kMinDimensions)
                    .arg(Schema::kMaxDimensions),
                path);
        m_dimensions = dimensions;
        m_recordBytes = vecsRecordBytes(m_element, dimensions);
        m_rows = m_total / m_recordBytes;
        const qint64 partial = m_total % m_recordBytes;
        if (partial != 0) {
            m_partialAt = m_rows * m_recordBytes;
            m_notes << QStringLiteral(
                           "%1 ends with an incomplete record at byte %2 (%3 of %4 bytes); the %5 whole records "
                           "before it are read, then the import stops with an error.")
                           .arg(path)
                           .arg(m_partialAt)
                           .arg(partial)
                           .arg(m_recordBytes)
                           .arg(m_rows);
        }
        if (Error e = checkIdsFor(m_rows)) return e;
        m_reader.emplace(&m_file, 0, m_recordBytes, m_rows);
        m_vector.resize(dimensions);
        return {};
    }

    SourceFormat format() const override
    {
        return m_element == VecsElement::Float32 ? SourceFormat::Fvecs : SourceFormat::Bvecs;
    }

protected:
    Result<Step> readOne(Item &item) override
    {
        const qint64 row = m_reader->rowsRead();
        Result<const char *> bytes = m_reader->nextRow();
        if (!bytes.ok()) return bytes.error();
        if (!*bytes) {
            if (m_partialAt >= 0)
                return Error(
                    ErrorCode::MalformedInput,
                    QStringLiteral("%1 ends with an incomplete record: the record at byte %2 needs %3 bytes but "
                                   "only %4 remain.")
                        .arg(m_file.fileName())
                        .arg(m_partialAt)
                        .arg(m_recordBytes)
                        .arg(m_total - m_partialAt),
                    m_file.fileName());
            return Step::End;
        }
        const char *p = *bytes;
        const qint32 dimensions = qFromLittleEndian<qint32>(p);
        if (dimensions != m_dimensions)
            // With another dimension the records after this one no longer
            // line up: nothing after it can be trusted.
            return Error(
                ErrorCode::MalformedInput,
                QStringLiteral("%1: the record at byte %2 (vector %3) claims %4 dimensions; the first record has %5. "
                               "Every record of the file must have the same dimension.")
                    .arg(m_file.fileName())
                    .arg(row * m_recordBytes)
                    .arg(row)
                    .arg(dimensions)
                    .arg(m_dimensions),
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
            if (!acceptFinite(m_vector, QStringLiteral("row %1").arg(row), id)) return Step::Skipped;
        }
        item.id = id;
        item.vector = m_vector;
        return Step::Item;
    }

private:
    VecsElement m_element;
    qint64 m_recordBytes = 0;
    qint64 m_partialAt = -1; // where an incomplete last record starts
};

} // namespace

Result<std::unique_ptr<VectorSource>> openVecsSource(const QString &path, VecsElement element,
                                                     const SourceOptions &options)
{
    auto source = std::make_unique<VecsSource>(path, element, options);
    if (Error e = source->open()) return e;
    return std::unique_ptr<VectorSource>(std::move(source));
}

} // namespace sextant::formats
