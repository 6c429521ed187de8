#pragma once
// Which rows of an immutable segment are deleted (or replaced by a newer
// version). Written whole at each checkpoint that changes it, under a new
// name, so a segment plus its deletion vector is a consistent pair.

#include "sextant/Error.h"
#include "storage/Segment.h"

#include <QByteArray>

namespace sextant::storage {

namespace deletion {
constexpr char kMagic[8] = {'S', 'X', 'T', 'D', 'E', 'L', '0', '1'};
constexpr uint32_t kVersion = 1;
constexpr qint64 kHeaderSize = 40;
QString fileName(uint64_t segmentId, uint64_t generation);
} // namespace deletion

class DeletionVector {
public:
    DeletionVector() = default;
    DeletionVector(uint64_t segmentId, qint64 rows) : m_segmentId(segmentId), m_rows(rows), m_bits((rows + 7) / 8, '\0')
    {
    }

    bool isDeleted(qint64 row) const { return !m_bits.isEmpty() && (uchar(m_bits[row >> 3]) >> (row & 7)) & 1; }
    void markDeleted(qint64 row)
    {
        if (m_bits.isEmpty()) m_bits = QByteArray((m_rows + 7) / 8, '\0');
        if (!isDeleted(row)) {
            m_bits[row >> 3] = char(uchar(m_bits[row >> 3]) | (1u << (row & 7)));
            ++m_deleted;
        }
    }
    qint64 deletedCount() const { return m_deleted; }
    qint64 rows() const { return m_rows; }
    uint64_t segmentId() const { return m_segmentId; }

    Result<FileRecord> write(const QString &dir, uint64_t generation, bool sync) const;
    static Result<DeletionVector> read(const QString &path, uint64_t segmentId, qint64 rows);

private:
    uint64_t m_segmentId = 0;
    qint64 m_rows = 0;
    qint64 m_deleted = 0;
    QByteArray m_bits;
};

} // namespace sextant::storage
