// The .npy VectorSource (declared in NumpyFile.h).

#include "sextant/NumpyFile.h"

#include "formats/RowChunkReader.h"
#include "formats/VectorSourceBase.h"

#include <QFile>
#include <QtEndian>
#include <QFloat16>

#include <cfloat>
#include <cmath>
#include <cstring>

namespace sextant::formats {

namespace {

QString shapeText(const QList<qint64> &shape)
{
    QStringList parts;
    for (qint64 n : shape)
        parts << QString::number(n);
    return QStringLiteral("(%1%2)").arg(parts.join(QStringLiteral(", ")),
                                        shape.size() == 1 ? QStringLiteral(",") : QString());
}

class NpySource final : public RowFileSource {
public:
    NpySource(const QString &path, const SourceOptions &options) : RowFileSource(path, options) { }

    Error open()
    {
        const QString path = m_file.fileName();
        if (Error e = openSourceFile(m_file)) return e;
        m_total = m_file.size();
        const QByteArray start = m_file.read(std::min<qint64>(m_total, 12 + kMaxNpyHeaderBytes));
        Result<NpyHeader> parsed = parseNpyHeader(start);
        if (!parsed.ok())
            return parsed.error()
                .rephrased(QStringLiteral("%1: %2").arg(path, parsed.error().message()))
                .withPath(path);
        m_header = *parsed;
        const QList<qint64> &shape = m_header.shape;
        if (shape.size() != 2)
            return Error(
                ErrorCode::UnsupportedFormat,
                QStringLiteral("%1 holds an array of shape %2; Sextant reads 2-D arrays of shape (rows, dimensions)%3.")
                    .arg(path, shapeText(shape),
                         shape.size() == 1 ? QStringLiteral(" (reshape a single vector with a.reshape(1, -1))")
                                           : QString()),
                path);
        const qint64 rows = shape[0], columns = shape[1];
        if (columns < Schema::kMinDimensions || columns > Schema::kMaxDimensions)
            return Error(ErrorCode::DimensionMismatch,
                         QStringLiteral("%1 holds vectors of %2 dimensions; an index holds %3 to %4.")
                             .arg(path)
                             .arg(columns)
                             .arg(Schema::kMinDimensions)
                             .arg(Schema::kMaxDimensions),
                         path);
        // In Fortran order a (rows, d) array is stored column by column;
        // only when one side is 1 is that the same as row by row.
        if (m_header.fortranOrder && rows > 1 && columns > 1)
            return Error(ErrorCode::UnsupportedFormat,
                         QStringLiteral("%1 is stored in Fortran (column) order; save it in C order with "
                                        "np.save(path, np.ascontiguousarray(a)).")
                             .arg(path),
                         path);
        m_rowBytes = columns * m_header.elementBytes; // at most 8192 * 8
        const qint64 available = m_total - m_header.dataOffset;
        // rows * m_rowBytes could overflow: compare by division.
        if (rows > available / m_rowBytes)
            return Error(
                ErrorCode::MalformedInput,
                QStringLiteral("%1 is truncated: shape %2 needs %3 rows of %4 bytes after its %5-byte header, but the "
                               "file holds %6 bytes there (%7 whole rows).")
                    .arg(path, shapeText(shape))
                    .arg(rows)
                    .arg(m_rowBytes)
                    .arg(m_header.dataOffset)
                    .arg(available)
                    .arg(available / m_rowBytes),
                path);
        const qint64 extra = available - rows * m_rowBytes;
        if (extra > 0)
            m_notes
                << QStringLiteral("%1 has %2 bytes after its array's data; they were not read.").arg(path).arg(extra);
        m_dimensions = int(columns);
        m_rows = rows;
        if (Error e = checkIdsFor(rows)) return e;
        m_reader.emplace(&m_file, m_header.dataOffset, m_rowBytes, rows);
        m_vector.resize(m_dimensions);
        return {};
    }

    SourceFormat format() const override { return SourceFormat::Npy; }

protected:
    Result<Step> readOne(Item &item) override
    {
        const qint64 row = m_reader->rowsRead();
        Result<const char *> bytes = m_reader->nextRow();
        if (!bytes.ok()) return bytes.error();
        if (!*bytes) return Step::End;
        const QString id = m_prefix + QString::number(row);
        if (!convertRow(*bytes, id, row)) return Step::Skipped;
        item.id = id;
        item.vector = m_vector;
        return Step::Item;
    }

private:
    // Decodes one row into m_vector; false (with a problem) when an element
    // is not a finite float32.
    bool convertRow(const char *p, const QString &id, qint64 row)
    {
        const bool big = m_header.bigEndian;
        for (int i = 0; i < m_dimensions; ++i) {
            const char *at = p + qsizetype(i) * m_header.elementBytes;
            float value = 0;
            switch (m_header.element) {
            case NpyElement::Float16: {
                const quint16 bits = big ? qFromBigEndian<quint16>(at) : qFromLittleEndian<quint16>(at);
                qfloat16 half;
                std::memcpy(static_cast<void *>(&half), &bits, sizeof bits); // qfloat16 is two bytes of IEEE half
                value = float(half);
                break;
            }
            case NpyElement::Float32: {
                const quint32 bits = big ? qFromBigEndian<quint32>(at) : qFromLittleEndian<quint32>(at);
                std::memcpy(&value, &bits, sizeof value);
                break;
            }
            case NpyElement::Float64: {
                const quint64 bits = big ? qFromBigEndian<quint64>(at) : qFromLittleEndian<quint64>(at);
                double wide;
                std::memcpy(&wide, &bits, sizeof wide);
                // Converting a double beyond float's range is undefined
                // behaviour in C++: check first.
                if (std::isfinite(wide) && std::fabs(wide) > double(FLT_MAX)) {
                    addProblem(QStringLiteral("row %1").arg(row), id,
                               QStringLiteral("Element %1 (%2) is beyond the range of a 32-bit float (about ±3.4e38).")
                                   .arg(i)
                                   .arg(wide));
                    return false;
                }
                value = float(wide); // NaN and infinity convert as themselves; acceptFinite reports them
                break;
            }
            }
            m_vector[i] = value;
        }
        return acceptFinite(m_vector, QStringLiteral("row %1").arg(row), id);
    }

    NpyHeader m_header;
    qint64 m_rowBytes = 0;
};

} // namespace

Result<std::unique_ptr<VectorSource>> openNpySource(const QString &path, const SourceOptions &options)
{
    auto source = std::make_unique<NpySource>(path, options);
    if (Error e = source->open()) return e;
    return std::unique_ptr<VectorSource>(std::move(source));
}

} // namespace sextant::formats
