#include "storage/DeletionVector.h"

#include "storage/Binary.h"
#include "base/Checksums.h"
#include "base/FileIo.h"

namespace sextant::storage {

QString deletion::fileName(uint64_t segmentId, uint64_t generation)
{
    return QStringLiteral("del-%1-%2.sxd")
        .arg(segmentId, 8, 10, QLatin1Char('0'))
        .arg(generation, 8, 10, QLatin1Char('0'));
}

Result<FileRecord> DeletionVector::write(const QString &dir, uint64_t generation, bool sync) const
{
    QByteArray out;
    out.append(deletion::kMagic, 8);
    appendU32(out, deletion::kVersion);
    appendU32(out, 0);
    appendU64(out, m_segmentId);
    appendU64(out, uint64_t(m_rows));
    appendU64(out, uint64_t(m_deleted));
    out.append(m_bits.isEmpty() ? QByteArray((m_rows + 7) / 8, '\0') : m_bits);
    appendU64(out, base::xxh3(out));
    const QString name = deletion::fileName(m_segmentId, generation);
    Result<base::File> f = base::File::open(dir + u'/' + name, base::File::Mode::CreateNew);
    if (!f.ok()) return f.error();
    if (Error e = f->writeAt(out.constData(), size_t(out.size()), 0)) return e;
    if (sync)
        if (Error e = f->syncData()) return e;
    return FileRecord{name, out.size(), base::sha256Hex(out.constData(), size_t(out.size()))};
}

Result<DeletionVector> DeletionVector::read(const QString &path, uint64_t segmentId, qint64 rows)
{
    const qint64 expected = deletion::kHeaderSize + (rows + 7) / 8 + 8;
    Result<QByteArray> data = base::readWholeFile(path, expected);
    if (!data.ok()) return data.error();
    const QByteArray &b = *data;
    auto bad = [&](const QString &why) {
        return Error(ErrorCode::Corruption, QStringLiteral("Deletion file %1 is damaged: %2").arg(path, why), path);
    };
    if (b.size() != expected) return bad(QStringLiteral("it is %1 bytes, expected %2").arg(b.size()).arg(expected));
    if (base::xxh3(b.constData(), size_t(b.size() - 8)) != getU64(b.constData() + b.size() - 8))
        return bad(QStringLiteral("checksum mismatch"));
    if (std::memcmp(b.constData(), deletion::kMagic, 8) != 0) return bad(QStringLiteral("wrong magic"));
    if (getU32(b.constData() + 8) > deletion::kVersion)
        return Error(
            ErrorCode::UnsupportedFormat,
            QStringLiteral("Deletion file %1 was made by a newer Sextant (format %2); this version reads format %3. "
                           "Open the index with a newer Sextant.")
                .arg(path)
                .arg(getU32(b.constData() + 8))
                .arg(deletion::kVersion),
            path);
    if (getU32(b.constData() + 8) != deletion::kVersion)
        return Error(ErrorCode::UnsupportedFormat, QStringLiteral("Deletion file %1 has an unknown version.").arg(path),
                     path);
    if (getU64(b.constData() + 16) != segmentId || qint64(getU64(b.constData() + 24)) != rows)
        return bad(QStringLiteral("it belongs to another segment"));
    DeletionVector dv(segmentId, rows);
    dv.m_bits = b.mid(deletion::kHeaderSize, (rows + 7) / 8);
    qint64 count = 0;
    for (qint64 r = 0; r < rows; ++r)
        count += dv.isDeleted(r);
    if (count != qint64(getU64(b.constData() + 32)))
        return bad(QStringLiteral("deleted count does not match the bitmap"));
    dv.m_deleted = count;
    return dv;
}

} // namespace sextant::storage
