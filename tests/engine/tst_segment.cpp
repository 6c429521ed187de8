// Immutable segments and deletion files: what is written reads back, and no
// damaged byte is ever served as data.

#include "storage/Binary.h"
#include "base/Checksums.h"
#include "storage/DeletionVector.h"
#include "storage/Segment.h"

#include "TestSupport.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

using namespace sextant;
using namespace sextant::storage;
using namespace sextant::base;
using namespace testsupport;

namespace {

class VectorRows : public SegmentRowSource {
public:
    QList<QByteArray> ids;
    QList<QVector<float>> vectors;
    QList<QByteArray> metas;
    qint64 rowCount() const override { return ids.size(); }
    QByteArrayView id(qint64 r) const override { return ids[r]; }
    const float *vector(qint64 r) const override { return vectors[r].constData(); }
    QByteArrayView metadata(qint64 r) const override { return metas[r]; }
};

// `n` rows with ids sorted bytewise (some non-ASCII), varied metadata sizes.
VectorRows makeRows(int n, int dims)
{
    QList<QByteArray> ids;
    for (int i = 0; i < n; ++i) {
        QByteArray id = "doc-" + QByteArray::number(i * 7 + 3).rightJustified(6, '0');
        if (i % 11 == 0) id += QString::fromUtf8("-é").toUtf8();
        if (i % 13 == 0) id += QByteArray(i % 50, 'q');
        ids.append(id);
    }
    std::sort(ids.begin(), ids.end(),
              [](const QByteArray &a, const QByteArray &b) { return QByteArrayView(a).compare(b) < 0; });
    VectorRows rows;
    for (int i = 0; i < n; ++i) {
        rows.ids.append(ids[i]);
        rows.vectors.append(makeVector(dims, quint32(i)));
        rows.metas.append(i % 5 == 0
                              ? QByteArray()
                              : "{\"i\":" + QByteArray::number(i) + ",\"pad\":\"" + QByteArray(i % 97, 'm') + "\"}");
    }
    return rows;
}

QString shaOfFile(const QString &path)
{
    return QString::fromLatin1(QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256).toHex());
}

Result<std::shared_ptr<Segment>> openSeg(const QString &path, int dims, uint64_t id = 1)
{
    return Segment::open(path, id, dims);
}

// The Bloom filter as docs/format.md defines it, written from the page and
// sharing no code with the writer: m bits, probe i of an id is
// (h1 + i*h2) mod m with h = XXH3-64(id), h1 = low, h2 = high 32 bits.
qint64 referenceFilterBits(qint64 rows)
{
    if (rows == 0) return 0;
    return std::min<qint64>((rows * 10 + 63) / 64 * 64, qint64(1) << 32);
}

quint64 referenceProbe(const QByteArray &id, int i, quint64 m)
{
    const quint64 h = xxh3(id.constData(), size_t(id.size()));
    const quint64 h1 = h & 0xffffffffu, h2 = h >> 32;
    return (h1 + quint64(i) * h2) % m;
}

QByteArray referenceFilter(const QList<QByteArray> &ids)
{
    const quint64 m = quint64(referenceFilterBits(ids.size()));
    QByteArray f(qsizetype(m / 8), '\0');
    for (const QByteArray &id : ids)
        for (int i = 0; i < 7; ++i) {
            const quint64 p = referenceProbe(id, i, m);
            f[qsizetype(p / 8)] = char(uchar(f[qsizetype(p / 8)]) | (1u << (p % 8)));
        }
    return f;
}

// Rewrites header fields and seals the header with a correct checksum, so that
// only the layout check (not the header XXH3) can catch the change.
bool patchHeader(const QString &path, const std::function<void(char *header)> &change)
{
    QByteArray b = readAll(path);
    if (b.size() < segment::kHeaderSize) return false;
    change(b.data());
    putU64(b.data() + 120, xxh3(b.constData(), 120));
    return writeAll(path, b);
}

} // namespace

class TestSegment : public QObject {
    Q_OBJECT
private slots:
    void init();
    void writeAndReadBack();
    void fileRecordMatchesFile();
    void headerAndFooterLayout();
    void findAndUpperBound();
    void emptySegment();
    void singleRow();
    void dimensionMismatchIsRejected();
    void bitFlipsInHeaderFailOpen();
    void bitFlipsInFooterFailOpen();
    void bitFlipsInBlockTableFailOpen();
    void bitFlipInVectorBlockIsCaught();
    void bitFlipInIdBytesIsCaught();
    void bitFlipInMetadataIsCaught();
    void verifyAllBlocksFindsEachDamagedBlock();
    void truncatedFileFailsOpenCleanly();
    void extendedFileFailsOpen();
    void outOfRangeRowsAreErrors();
    void missingFileIsIoError();
    void bloomFilterSizes();
    void bloomFilterIsReproducibleFromTheFormatPage();
    void bloomNoFalseNegatives_data();
    void bloomNoFalseNegatives();
    void bloomFalsePositiveRate();
    void bloomDamageNeverAnswersAbsent();
    void bloomDamageInOneOfSeveralFilterBlocks();
    void bloomLayoutInHeaderIsChecked();
    void olderSegmentVersionIsUnsupported();
    void newerSegmentVersionIsMadeByANewerSextant();
    void deletionVectorRoundTrip();
    void deletionVectorEmpty();
    void deletionVectorDamageIsDetected();
    void deletionVectorWrongSegment();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    // A multi-block segment (vectors alone span three 64 KiB blocks).
    static constexpr int kDims = 64;
    static constexpr int kRows = 700;
    QString writeBig(VectorRows *rowsOut = nullptr, FileRecord *recOut = nullptr);
};

void TestSegment::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestSegment::writeBig(VectorRows *rowsOut, FileRecord *recOut)
{
    const VectorRows rows = makeRows(kRows, kDims);
    Result<FileRecord> rec = writeSegment(m_dir->path(), 1, kDims, rows, false);
    if (!rec.ok()) {
        qWarning("%s", qPrintable(rec.error().message()));
        return {};
    }
    if (rowsOut) *rowsOut = rows;
    if (recOut) *recOut = *rec;
    return m_dir->filePath(rec->name);
}

void TestSegment::writeAndReadBack()
{
    VectorRows rows;
    const QString path = writeBig(&rows);
    QVERIFY(!path.isEmpty());
    Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
    QVERIFY2(seg.ok(), qPrintable(seg.error().message()));
    const Segment &s = **seg;
    QCOMPARE(s.rowCount(), qint64(kRows));
    QCOMPARE(s.dimensions(), kDims);
    QCOMPARE(s.segmentId(), quint64(1));
    QCOMPARE(s.fileSize(), fileSize(path));
    QVERIFY(s.layout().blockCount >= 3);
    for (int r = 0; r < kRows; ++r) {
        const Result<QByteArrayView> id = s.id(r);
        QVERIFY(id.ok());
        QCOMPARE(id->toByteArray(), rows.ids[r]);
        const Result<QByteArray> meta = s.metadata(r);
        QVERIFY(meta.ok());
        QCOMPARE(*meta, rows.metas[r]);
        const Result<std::vector<float>> v = s.vectorChecked(r);
        QVERIFY(v.ok());
        QCOMPARE(QVector<float>(v->begin(), v->end()), rows.vectors[r]);
        QVERIFY(std::memcmp(s.vectorData(r), rows.vectors[r].constData(), kDims * 4) == 0);
        double sum = 0;
        for (float f : rows.vectors[r])
            sum += double(f) * f;
        QVERIFY(std::abs(s.norm(r) - float(std::sqrt(sum))) <= 1e-4f * float(std::sqrt(sum)) + 1e-6f);
    }
    bool anyBad = false;
    s.verifyAllBlocks([&](qint64, qint64) { anyBad = true; });
    QVERIFY(!anyBad);
    QCOMPARE(segment::fileName(1), QStringLiteral("seg-00000001.sxs"));
}

void TestSegment::fileRecordMatchesFile()
{
    FileRecord rec;
    const QString path = writeBig(nullptr, &rec);
    QCOMPARE(rec.name, QStringLiteral("seg-00000001.sxs"));
    QCOMPARE(rec.size, fileSize(path));
    QCOMPARE(rec.sha256, shaOfFile(path));

    // With sync on, the result is the same.
    const VectorRows rows = makeRows(10, 3);
    Result<FileRecord> synced = writeSegment(m_dir->path(), 2, 3, rows, true);
    QVERIFY(synced.ok());
    QCOMPARE(synced->sha256, shaOfFile(m_dir->filePath(synced->name)));
}

void TestSegment::headerAndFooterLayout()
{
    const QString path = writeBig();
    const QByteArray b = readAll(path);
    QCOMPARE(b.left(8), QByteArray("SXTSEG01"));
    QCOMPARE(getU32(b.constData() + 8), segment::kVersion);
    QCOMPARE(getU32(b.constData() + 12), uint32_t(kDims));
    QCOMPARE(getU64(b.constData() + 16), uint64_t(kRows));
    QCOMPARE(segment::kVersion, uint32_t(3));
    QCOMPARE(getU32(b.constData() + 24), segment::kBlockSize);
    QCOMPARE(getU32(b.constData() + 28), uint32_t(0)); // still reserved
    QCOMPARE(getU64(b.constData() + 120), xxh3(b.constData(), 120));
    // The section table: the offsets follow from D, R and the byte lengths.
    auto field = [&](int at) { return qint64(getU64(b.constData() + at)); };
    auto align = [](qint64 v) { return (v + 63) / 64 * 64; };
    QCOMPARE(field(32), qint64(128));
    QCOMPARE(field(40), align(128 + qint64(kRows) * kDims * 4));
    QCOMPARE(field(48), align(field(40) + kRows * 4));
    QCOMPARE(field(56), align(field(48) + (kRows + 1) * 8));
    QCOMPARE(field(72), align(field(56) + field(64)));
    QCOMPARE(field(80), align(field(72) + (kRows + 1) * 8));
    QCOMPARE(field(104), align(field(80) + field(88)));   // bloomOffset
    QCOMPARE(field(112), referenceFilterBits(kRows) / 8); // bloomLength
    // Format 3: the row checksums follow the filter, and end the data.
    const qint64 rowSums = align(field(104) + field(112));
    QCOMPARE(field(96), rowSums + qint64(kRows) * 8); // dataEnd
    // Each is the XXH3 of u64 id length | id | vector | u64 metadata length
    // | metadata, from the bytes of the file as the format page says.
    for (qint64 r = 0; r < kRows; ++r) {
        const qint64 idBegin = field(56) + qint64(getU64(b.constData() + field(48) + 8 * r));
        const qint64 idEnd = field(56) + qint64(getU64(b.constData() + field(48) + 8 * r + 8));
        const qint64 metaBegin = field(80) + qint64(getU64(b.constData() + field(72) + 8 * r));
        const qint64 metaEnd = field(80) + qint64(getU64(b.constData() + field(72) + 8 * r + 8));
        QByteArray hashed;
        appendU64(hashed, uint64_t(idEnd - idBegin));
        hashed += b.mid(idBegin, idEnd - idBegin);
        hashed += b.mid(128 + r * kDims * 4, kDims * 4);
        appendU64(hashed, uint64_t(metaEnd - metaBegin));
        hashed += b.mid(metaBegin, metaEnd - metaBegin);
        QCOMPARE(getU64(b.constData() + rowSums + 8 * r), xxh3(hashed));
    }
    QCOMPARE(b.mid(field(104) + field(112), rowSums - field(104) - field(112)),
             QByteArray(rowSums - field(104) - field(112), '\0')); // padding
    const char *footer = b.constData() + b.size() - segment::kFooterSize;
    QCOMPARE(QByteArray(footer + 24, 8), QByteArray("SXTSEGFT"));
    QCOMPARE(getU64(footer + 32), xxh3(footer, 32));
    const qint64 tableOffset = qint64(getU64(footer));
    const qint64 blocks = qint64(getU64(footer + 8));
    QCOMPARE(tableOffset + blocks * 8 + segment::kFooterSize, qint64(b.size()));
    QCOMPARE(getU64(footer + 16), xxh3(b.constData() + tableOffset, size_t(blocks * 8)));
    // Each table entry is the XXH3 of its 64 KiB block of the data region.
    for (qint64 i = 0; i < blocks; ++i) {
        const qint64 start = i * segment::kBlockSize;
        const qint64 len = std::min<qint64>(segment::kBlockSize, tableOffset - start);
        QCOMPARE(getU64(b.constData() + tableOffset + 8 * i), xxh3(b.constData() + start, size_t(len)));
    }
}

void TestSegment::findAndUpperBound()
{
    VectorRows rows;
    const QString path = writeBig(&rows);
    Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
    QVERIFY(seg.ok());
    const Segment &s = **seg;
    for (int r = 0; r < kRows; ++r) {
        const Result<std::optional<qint64>> f = s.find(rows.ids[r]);
        QVERIFY(f.ok());
        QVERIFY(f->has_value());
        QCOMPARE(**f, qint64(r));
        QCOMPARE(*s.upperBound(rows.ids[r]), qint64(r + 1));
        // Just below and just above each id.
        const QByteArray below = rows.ids[r].left(rows.ids[r].size() - 1);
        QVERIFY(!(*s.find(rows.ids[r] + '\0')).has_value());
        QCOMPARE(*s.upperBound(rows.ids[r] + '\0'), qint64(r + 1));
        if (r == 0 || QByteArrayView(rows.ids[r - 1]).compare(below) < 0) QCOMPARE(*s.upperBound(below), qint64(r));
    }
    QVERIFY(!(*s.find(QByteArray("a"))).has_value());
    QVERIFY(!(*s.find(QByteArray("zzz"))).has_value());
    QVERIFY(!(*s.find(QByteArray())).has_value());
    QCOMPARE(*s.upperBound(QByteArray()), qint64(0));
    QCOMPARE(*s.upperBound(QByteArray("a")), qint64(0));
    QCOMPARE(*s.upperBound(QByteArray("\xff")), qint64(kRows));
}

void TestSegment::emptySegment()
{
    const VectorRows rows;
    Result<FileRecord> rec = writeSegment(m_dir->path(), 5, 16, rows, false);
    QVERIFY2(rec.ok(), qPrintable(rec.error().message()));
    QCOMPARE(rec->sha256, shaOfFile(m_dir->filePath(rec->name)));
    Result<std::shared_ptr<Segment>> seg = openSeg(m_dir->filePath(rec->name), 16, 5);
    QVERIFY2(seg.ok(), qPrintable(seg.error().message()));
    QCOMPARE((*seg)->rowCount(), qint64(0));
    QVERIFY(!(*(*seg)->find(QByteArray("x"))).has_value());
    QVERIFY(!(*seg)->mayContain(QByteArray("x")));
    QVERIFY(!(*seg)->mayContain(QByteArray()));
    QCOMPARE((*seg)->layout().bloomLength, qint64(0));
    QCOMPARE((*seg)->layout().bloomOffset, (*seg)->layout().dataEnd);
    QCOMPARE(*(*seg)->upperBound(QByteArray()), qint64(0));
    QVERIFY(!(*seg)->id(0).ok());
    bool anyBad = false;
    (*seg)->verifyAllBlocks([&](qint64, qint64) { anyBad = true; });
    QVERIFY(!anyBad);
}

void TestSegment::singleRow()
{
    const VectorRows rows = makeRows(1, 1);
    Result<FileRecord> rec = writeSegment(m_dir->path(), 9, 1, rows, false);
    QVERIFY(rec.ok());
    Result<std::shared_ptr<Segment>> seg = openSeg(m_dir->filePath(rec->name), 1, 9);
    QVERIFY(seg.ok());
    QCOMPARE((*seg)->id(0)->toByteArray(), rows.ids[0]);
    QCOMPARE(**(*seg)->find(rows.ids[0]), qint64(0));
    QVERIFY((*seg)->mayContain(rows.ids[0]));
    QCOMPARE((*seg)->layout().bloomLength, qint64(8)); // 10 bits round up to one 64-bit word
}

void TestSegment::dimensionMismatchIsRejected()
{
    const QString path = writeBig();
    Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims + 1);
    QVERIFY(!seg.ok());
    QCOMPARE(seg.error().code(), ErrorCode::Corruption);
    QVERIFY(seg.error().message().contains(path));
}

void TestSegment::bitFlipsInHeaderFailOpen()
{
    const QString path = writeBig();
    for (int bit = 0; bit < segment::kHeaderSize * 8; ++bit) {
        QVERIFY(flipBit(path, bit / 8, bit % 8));
        Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
        QVERIFY(flipBit(path, bit / 8, bit % 8));
        QVERIFY2(!seg.ok(), qPrintable(QStringLiteral("header bit %1 accepted").arg(bit)));
        QVERIFY2(seg.error().code() == ErrorCode::Corruption, qPrintable(seg.error().message()));
        QVERIFY(!seg.error().message().isEmpty());
    }
    QVERIFY(openSeg(path, kDims).ok());
}

void TestSegment::bitFlipsInFooterFailOpen()
{
    const QString path = writeBig();
    const qint64 size = fileSize(path);
    for (int bit = 0; bit < segment::kFooterSize * 8; ++bit) {
        const qint64 at = size - segment::kFooterSize + bit / 8;
        QVERIFY(flipBit(path, at, bit % 8));
        Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
        QVERIFY(flipBit(path, at, bit % 8));
        QVERIFY2(!seg.ok(), qPrintable(QStringLiteral("footer bit %1 accepted").arg(bit)));
        QCOMPARE(seg.error().code(), ErrorCode::Corruption);
    }
}

void TestSegment::bitFlipsInBlockTableFailOpen()
{
    const QString path = writeBig();
    const QByteArray b = readAll(path);
    const qint64 tableOffset = qint64(getU64(b.constData() + b.size() - segment::kFooterSize));
    const qint64 tableEnd = b.size() - segment::kFooterSize;
    QVERIFY(tableEnd - tableOffset >= 24);
    for (qint64 bit = 0; bit < (tableEnd - tableOffset) * 8; ++bit) {
        QVERIFY(flipBit(path, tableOffset + bit / 8, int(bit % 8)));
        Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
        QVERIFY(flipBit(path, tableOffset + bit / 8, int(bit % 8)));
        QVERIFY2(!seg.ok(), qPrintable(QStringLiteral("table bit %1 accepted").arg(bit)));
        QCOMPARE(seg.error().code(), ErrorCode::Corruption);
    }
}

void TestSegment::bitFlipInVectorBlockIsCaught()
{
    VectorRows rows;
    const QString path = writeBig(&rows);
    Result<std::shared_ptr<Segment>> clean = openSeg(path, kDims);
    QVERIFY(clean.ok());
    const SegmentLayout l = (*clean)->layout();
    clean = Error();
    // A row whose vector lies wholly inside block 1.
    const qint64 rowBytes = kDims * 4;
    qint64 row = (segment::kBlockSize + 1000 - l.vectorsOffset) / rowBytes;
    const qint64 at = l.vectorsOffset + row * rowBytes + 5;
    QCOMPARE(at / segment::kBlockSize, qint64(1));
    QVERIFY(flipBit(path, at, 2));

    Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims); // open is O(1): does not read blocks
    QVERIFY2(seg.ok(), qPrintable(seg.error().message()));
    const Segment &s = **seg;
    const Result<std::vector<float>> v = s.vectorChecked(row);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().code(), ErrorCode::Corruption);
    QVERIFY2(v.error().message().contains(QString::number(segment::kBlockSize)), qPrintable(v.error().message()));
    // Only the damaged row fails: the other rows of block 1 match their row
    // checksums (format 3; in format 2 every row of the block failed).
    int failing = 0;
    for (qint64 r = 0; r < kRows; ++r) {
        QCOMPARE(s.vectorChecked(r).ok(), r != row);
        QCOMPARE(s.rowChecksumMatches(r), r != row);
        QVERIFY(s.id(r).ok() && s.metadata(r).ok());
        failing += !s.vectorChecked(r).ok();
    }
    QCOMPARE(failing, 1);
    // What a repair can still read of it: the stored bytes, flagged unverified.
    const Segment::UncheckedRow raw = s.readUnchecked(row);
    QVERIFY(raw.idVerified && raw.metadataVerified && !raw.vectorVerified);
    QCOMPARE(QByteArray(raw.vector, rowBytes).left(5),
             QByteArray(reinterpret_cast<const char *>(rows.vectors[row].constData()), 5));
    QVERIFY(QByteArray(raw.vector, rowBytes) !=
            QByteArray(reinterpret_cast<const char *>(rows.vectors[row].constData()), rowBytes));
    // Asking again gives the same answer (the verdict is cached, not forgotten).
    QVERIFY(!s.vectorChecked(row).ok());
}

void TestSegment::bitFlipInIdBytesIsCaught()
{
    VectorRows rows;
    const QString path = writeBig(&rows);
    Result<std::shared_ptr<Segment>> clean = openSeg(path, kDims);
    const SegmentLayout l = (*clean)->layout();
    clean = Error();
    const qint64 at = l.idBytesOffset + 3; // in the first row's id
    QVERIFY(flipBit(path, at, 0));
    Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
    QVERIFY(seg.ok());
    const Segment &s = **seg;
    const Result<QByteArrayView> id = s.id(0);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().code(), ErrorCode::Corruption);
    // Lookups that have to read that block fail rather than answer wrongly.
    const Result<std::optional<qint64>> f = s.find(rows.ids[0]);
    QVERIFY(!f.ok());
    QCOMPARE(f.error().code(), ErrorCode::Corruption);
    QVERIFY(!s.upperBound(rows.ids[0]).ok());
}

void TestSegment::bitFlipInMetadataIsCaught()
{
    VectorRows rows;
    const QString path = writeBig(&rows);
    Result<std::shared_ptr<Segment>> clean = openSeg(path, kDims);
    const SegmentLayout l = (*clean)->layout();
    clean = Error();
    QVERIFY(l.metaBytesLength > 100);
    const qint64 at = l.metaBytesOffset + l.metaBytesLength - 2; // in the last row's metadata
    QVERIFY(flipBit(path, at, 6));
    Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
    QVERIFY(seg.ok());
    const Result<QByteArray> meta = (*seg)->metadata(kRows - 1);
    QVERIFY(!meta.ok());
    QCOMPARE(meta.error().code(), ErrorCode::Corruption);
    // The same damage through a fresh mapping, read via the view accessor.
    Result<std::shared_ptr<Segment>> seg2 = openSeg(path, kDims);
    QVERIFY(!(*seg2)->metadataView(kRows - 1).ok());
}

void TestSegment::verifyAllBlocksFindsEachDamagedBlock()
{
    const QString path = writeBig();
    Result<std::shared_ptr<Segment>> clean = openSeg(path, kDims);
    const SegmentLayout l = (*clean)->layout();
    clean = Error();
    QVERIFY(l.blockCount >= 4);
    // One flip in block 0 (past the header), one in the last block.
    const qint64 a = 200, b = (l.blockCount - 1) * segment::kBlockSize + 17;
    QVERIFY(b < l.dataEnd);
    QVERIFY(flipBit(path, a, 1));
    QVERIFY(flipBit(path, b, 7));
    Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
    QVERIFY(seg.ok());
    QList<QPair<qint64, qint64>> bad;
    (*seg)->verifyAllBlocks([&](qint64 offset, qint64 length) { bad.append({offset, length}); });
    QCOMPARE(bad.size(), 2);
    QCOMPARE(bad[0].first, qint64(0));
    QCOMPARE(bad[0].second, qint64(segment::kBlockSize));
    QCOMPARE(bad[1].first, (l.blockCount - 1) * segment::kBlockSize);
    QCOMPARE(bad[1].first + bad[1].second, l.dataEnd);

    // A bit flip in padding between sections is still a damaged block.
    QVERIFY(flipBit(path, a, 1));
    QVERIFY(flipBit(path, b, 7));
    if (l.normsOffset > l.vectorsOffset + qint64(kRows) * kDims * 4) {
        const qint64 pad = l.normsOffset - 1;
        QVERIFY(flipBit(path, pad, 0));
        Result<std::shared_ptr<Segment>> seg3 = openSeg(path, kDims);
        int count = 0;
        (*seg3)->verifyAllBlocks([&](qint64 offset, qint64) {
            ++count;
            QCOMPARE(offset, pad / segment::kBlockSize * segment::kBlockSize);
        });
        QCOMPARE(count, 1);
    }
}

void TestSegment::truncatedFileFailsOpenCleanly()
{
    const QString path = writeBig();
    const QByteArray full = readAll(path);
    const QString cut = m_dir->filePath(QStringLiteral("cut.sxs"));
    QList<qint64> sizes;
    for (qint64 s = 0; s < 300; ++s)
        sizes << s;
    for (qint64 s = 300; s < full.size(); s += 4093)
        sizes << s;
    for (qint64 s = full.size() - 300; s < full.size(); ++s)
        sizes << s;
    for (qint64 s : sizes) {
        QVERIFY(writeAll(cut, full.left(s)));
        Result<std::shared_ptr<Segment>> seg = openSeg(cut, kDims);
        QVERIFY2(!seg.ok(),
                 qPrintable(QStringLiteral("a segment cut to %1 of %2 bytes opened").arg(s).arg(full.size())));
        QCOMPARE(seg.error().code(), ErrorCode::Corruption);
    }
}

void TestSegment::extendedFileFailsOpen()
{
    const QString path = writeBig();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray(64, '\0'));
    }
    Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
    QVERIFY(!seg.ok());
    QCOMPARE(seg.error().code(), ErrorCode::Corruption);
}

void TestSegment::outOfRangeRowsAreErrors()
{
    const QString path = writeBig();
    Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
    QVERIFY(seg.ok());
    const Segment &s = **seg;
    for (qint64 r : {qint64(-1), qint64(kRows), qint64(kRows) + 1, qint64(1) << 40}) {
        QVERIFY2(!s.id(r).ok(), qPrintable(QStringLiteral("id(%1)").arg(r)));
        QVERIFY2(!s.metadata(r).ok(), qPrintable(QStringLiteral("metadata(%1)").arg(r)));
        QVERIFY2(!s.vectorChecked(r).ok(),
                 qPrintable(QStringLiteral("vectorChecked(%1) returned data for a row that does not exist").arg(r)));
    }
}

void TestSegment::missingFileIsIoError()
{
    Result<std::shared_ptr<Segment>> seg = openSeg(m_dir->filePath(QStringLiteral("seg-00000042.sxs")), 4);
    QVERIFY(!seg.ok());
    QCOMPARE(seg.error().code(), ErrorCode::Io);
    QVERIFY(seg.error().message().contains(QStringLiteral("seg-00000042.sxs")));
}

void TestSegment::bloomFilterSizes()
{
    QCOMPARE(segment::bloomBits(0), qint64(0));
    QCOMPARE(segment::bloomBits(1), qint64(64));
    QCOMPARE(segment::bloomBits(6), qint64(64));
    QCOMPARE(segment::bloomBits(7), qint64(128));
    QCOMPARE(segment::bloomBits(1000), qint64(10048));
    QCOMPARE(segment::bloomBits(1000000), qint64(10000000));
    // The cap: 2^32 bits (512 MiB) from 429,496,730 rows on.
    QCOMPARE(segment::bloomBits(429496729), qint64(4294967296));
    QCOMPARE(segment::bloomBits(429496730), qint64(1) << 32);
    QCOMPARE(segment::bloomBits(qint64(1) << 40), qint64(1) << 32);
    QCOMPARE(segment::bloomBits(std::numeric_limits<qint64>::max() / 20), qint64(1) << 32);
    for (qint64 r : {0, 1, 2, 63, 64, 65, 640, 641, 99999, 100000})
        QCOMPARE(segment::bloomBits(r), referenceFilterBits(r));
}

void TestSegment::bloomFilterIsReproducibleFromTheFormatPage()
{
    for (int n : {0, 1, 2, 7, kRows, 1000}) {
        const VectorRows rows = makeRows(n, 3);
        Result<FileRecord> rec = writeSegment(m_dir->path(), 20 + n, 3, rows, false);
        QVERIFY(rec.ok());
        const QByteArray b = readAll(m_dir->filePath(rec->name));
        const qint64 metaEnd = qint64(getU64(b.constData() + 80) + getU64(b.constData() + 88));
        const qint64 bloomOffset = qint64(getU64(b.constData() + 104));
        const qint64 bloomLength = qint64(getU64(b.constData() + 112));
        QCOMPARE(bloomOffset, (metaEnd + 63) / 64 * 64);
        QCOMPARE(bloomLength, referenceFilterBits(n) / 8);
        const qint64 rowSums = (bloomOffset + bloomLength + 63) / 64 * 64;
        QCOMPARE(qint64(getU64(b.constData() + 96)), rowSums + qint64(n) * 8);
        QCOMPARE(b.mid(metaEnd, bloomOffset - metaEnd), QByteArray(bloomOffset - metaEnd, '\0')); // padding
        QCOMPARE(b.mid(bloomOffset, bloomLength), referenceFilter(rows.ids));
        // The table and footer follow it.
        QCOMPARE(qint64(getU64(b.constData() + b.size() - segment::kFooterSize)), rowSums + qint64(n) * 8);
        Result<std::shared_ptr<Segment>> seg = openSeg(m_dir->filePath(rec->name), 3, 20 + n);
        QVERIFY2(seg.ok(), qPrintable(seg.error().message()));
        QCOMPARE((*seg)->layout().bloomOffset, bloomOffset);
        QCOMPARE((*seg)->layout().bloomLength, bloomLength);
    }
}

void TestSegment::bloomNoFalseNegatives_data()
{
    QTest::addColumn<int>("rows");
    QTest::newRow("empty") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("thousand") << 1000;
    QTest::newRow("hundred-thousand") << 100000;
}

void TestSegment::bloomNoFalseNegatives()
{
    QFETCH(int, rows);
    const VectorRows data = makeRows(rows, 2);
    Result<FileRecord> rec = writeSegment(m_dir->path(), 3, 2, data, false);
    QVERIFY(rec.ok());
    Result<std::shared_ptr<Segment>> seg = openSeg(m_dir->filePath(rec->name), 2, 3);
    QVERIFY2(seg.ok(), qPrintable(seg.error().message()));
    const Segment &s = **seg;
    for (int r = 0; r < rows; ++r) {
        QVERIFY2(s.mayContain(data.ids[r]), data.ids[r].constData());
        const Result<std::optional<qint64>> f = s.find(data.ids[r]);
        QVERIFY(f.ok());
        QCOMPARE(f->value_or(-1), qint64(r));
    }
    if (rows == 0) {
        QVERIFY(!s.mayContain(QByteArray("doc-000003")));
        QVERIFY(!s.mayContain(QByteArray()));
    }
    bool anyBad = false;
    s.verifyAllBlocks([&](qint64, qint64) { anyBad = true; });
    QVERIFY(!anyBad);
}

void TestSegment::bloomFalsePositiveRate()
{
    const int n = 100000;
    const VectorRows data = makeRows(n, 2);
    Result<FileRecord> rec = writeSegment(m_dir->path(), 4, 2, data, false);
    QVERIFY(rec.ok());
    Result<std::shared_ptr<Segment>> seg = openSeg(m_dir->filePath(rec->name), 2, 4);
    QVERIFY(seg.ok());
    const Segment &s = **seg;
    // 100,000 absent ids: half unrelated, half near misses of present ids
    // (same prefix, a number no present id has).
    int falsePositives = 0, findAbsent = 0;
    for (int i = 0; i < n; ++i) {
        const QByteArray id = i % 2 ? "absent-" + QByteArray::number(i)
                                    : "doc-" + QByteArray::number(i / 2 * 7 + 5).rightJustified(6, '0');
        if (s.mayContain(id)) ++falsePositives;
        const Result<std::optional<qint64>> f = s.find(id);
        QVERIFY(f.ok());
        if (!f->has_value()) ++findAbsent;
    }
    QCOMPARE(findAbsent, n);
    const double rate = double(falsePositives) / n;
    qInfo("Bloom filter: %d rows, %lld bits, false positives %d of %d absent ids (%.3f%%)", n,
          s.layout().bloomLength * 8, falsePositives, n, rate * 100);
    QVERIFY2(rate < 0.02, qPrintable(QString::number(rate)));
    QVERIFY(falsePositives > 0); // a Bloom filter at 10 bits per key is not exact: the count is real
}

void TestSegment::bloomDamageNeverAnswersAbsent()
{
    VectorRows rows;
    const QString path = writeBig(&rows);
    Result<std::shared_ptr<Segment>> clean = openSeg(path, kDims);
    QVERIFY(clean.ok());
    const SegmentLayout l = (*clean)->layout();
    clean = Error();
    // The whole filter lies in one block here.
    QCOMPARE(l.bloomOffset / segment::kBlockSize, (l.dataEnd - 1) / segment::kBlockSize);
    // Clear a bit that the first row's id set: without the block check, that
    // row would be answered "certainly absent".
    const quint64 bit = referenceProbe(rows.ids[0], 3, quint64(l.bloomLength) * 8);
    const qint64 at = l.bloomOffset + qint64(bit / 8);
    QVERIFY(uchar(readAll(path)[at]) & (1u << (bit % 8)));
    QVERIFY(flipBit(path, at, int(bit % 8)));

    Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims); // open does not read the filter
    QVERIFY2(seg.ok(), qPrintable(seg.error().message()));
    const Segment &s = **seg;
    for (int r = 0; r < kRows; ++r) {
        QVERIFY(s.mayContain(rows.ids[r]));
        const Result<std::optional<qint64>> f = s.find(rows.ids[r]);
        QVERIFY2(!f.ok(), rows.ids[r].constData());
        QCOMPARE(f.error().code(), ErrorCode::Corruption);
        QVERIFY2(f.error().message().contains(path), qPrintable(f.error().message()));
    }
    // Absent ids fall back too: the damaged block cannot prove absence.
    QVERIFY(s.mayContain(QByteArray("not-there")));
    QCOMPARE(s.find(QByteArray("not-there")).error().code(), ErrorCode::Corruption);
    // Verify sees the same block.
    QList<qint64> bad;
    s.verifyAllBlocks([&](qint64 offset, qint64) { bad.append(offset); });
    QCOMPARE(bad, QList<qint64>{at / segment::kBlockSize * segment::kBlockSize});
    // Reads that do not need the filter still work when their blocks are good.
    if (l.vectorsOffset / segment::kBlockSize != at / segment::kBlockSize) QVERIFY(s.vectorChecked(0).ok());
}

void TestSegment::bloomDamageInOneOfSeveralFilterBlocks()
{
    const int n = 100000; // a 125,000-byte filter: it spans three 64 KiB blocks
    const VectorRows data = makeRows(n, 2);
    Result<FileRecord> rec = writeSegment(m_dir->path(), 6, 2, data, false);
    QVERIFY(rec.ok());
    const QString path = m_dir->filePath(rec->name);
    Result<std::shared_ptr<Segment>> clean = openSeg(path, 2, 6);
    QVERIFY(clean.ok());
    const SegmentLayout l = (*clean)->layout();
    clean = Error();
    const qint64 bs = segment::kBlockSize;
    const qint64 firstBlock = l.bloomOffset / bs, lastBlock = (l.dataEnd - 1) / bs;
    QVERIFY(lastBlock - firstBlock >= 2);
    // Damage a set bit in the middle block, which holds filter bytes only.
    const qint64 damagedBlock = firstBlock + 1;
    const quint64 m = quint64(l.bloomLength) * 8;
    qint64 at = -1;
    int bitInByte = 0;
    for (int r = 0; r < n && at < 0; ++r) {
        const quint64 p = referenceProbe(data.ids[r], 0, m);
        if ((l.bloomOffset + qint64(p / 8)) / bs == damagedBlock) {
            at = l.bloomOffset + qint64(p / 8);
            bitInByte = int(p % 8);
        }
    }
    QVERIFY(at >= 0);
    QVERIFY(flipBit(path, at, bitInByte));
    Result<std::shared_ptr<Segment>> seg = openSeg(path, 2, 6);
    QVERIFY(seg.ok());
    const Segment &s = **seg;
    int failed = 0, served = 0;
    for (int r = 0; r < n; ++r) {
        QVERIFY(s.mayContain(data.ids[r])); // never a false "absent"
        bool touches = false;
        for (int i = 0; i < 7; ++i)
            touches |= (l.bloomOffset + qint64(referenceProbe(data.ids[r], i, m) / 8)) / bs == damagedBlock;
        const Result<std::optional<qint64>> f = s.find(data.ids[r]);
        if (touches) {
            QVERIFY(!f.ok());
            QCOMPARE(f.error().code(), ErrorCode::Corruption);
            ++failed;
        } else {
            // Ids whose probes stay in good blocks are still found.
            QVERIFY(f.ok());
            QCOMPARE(f->value_or(-1), qint64(r));
            ++served;
        }
    }
    QVERIFY(failed > 0);
    QVERIFY(served > 0);
}

void TestSegment::bloomLayoutInHeaderIsChecked()
{
    const QString path = writeBig();
    const QByteArray pristine = readAll(path);
    // Each section field moved by 64 bytes (header checksum resealed): the
    // layout check, not the checksum, must refuse it.
    for (int at = 32; at < 120; at += 8) {
        QVERIFY(patchHeader(path, [&](char *h) { putU64(h + at, getU64(h + at) + 64); }));
        Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
        QVERIFY2(!seg.ok(), qPrintable(QStringLiteral("field at %1 moved and accepted").arg(at)));
        QCOMPARE(seg.error().code(), ErrorCode::Corruption);
        QVERIFY(writeAll(path, pristine));
    }
    // A filter one word longer, with dataEnd moved to match: still not the
    // length the row count implies.
    QVERIFY(patchHeader(path, [](char *h) {
        putU64(h + 112, getU64(h + 112) + 8);
        putU64(h + 96, getU64(h + 96) + 8);
    }));
    QCOMPARE(openSeg(path, kDims).error().code(), ErrorCode::Corruption);
    // A zero-length filter claimed for a segment with rows.
    QVERIFY(writeAll(path, pristine));
    QVERIFY(patchHeader(path, [](char *h) {
        putU64(h + 96, getU64(h + 104));
        putU64(h + 112, 0);
    }));
    QCOMPARE(openSeg(path, kDims).error().code(), ErrorCode::Corruption);
    QVERIFY(writeAll(path, pristine));
    QVERIFY(openSeg(path, kDims).ok());
}

void TestSegment::olderSegmentVersionIsUnsupported()
{
    const QString path = writeBig();
    for (uint32_t version : {uint32_t(0), uint32_t(1)}) {
        QVERIFY(patchHeader(path, [&](char *h) { putU32(h + 8, version); }));
        Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
        QVERIFY(!seg.ok());
        QCOMPARE(seg.error().code(), ErrorCode::UnsupportedFormat);
        QVERIFY2(seg.error().message().contains(QStringLiteral("version %1").arg(version)),
                 qPrintable(seg.error().message()));
        QVERIFY(!seg.error().message().contains(QStringLiteral("damaged")));
    }
    // Format 2 lays the data out without row checksums: a format 3 file
    // labelled 2 does not add up, which is damage.
    QVERIFY(patchHeader(path, [&](char *h) { putU32(h + 8, 2); }));
    QCOMPARE(openSeg(path, kDims).error().code(), ErrorCode::Corruption);
}

void TestSegment::newerSegmentVersionIsMadeByANewerSextant()
{
    const QString path = writeBig();
    for (uint32_t version : {uint32_t(4), uint32_t(77), uint32_t(0xffffffff)}) {
        QVERIFY(patchHeader(path, [&](char *h) { putU32(h + 8, version); }));
        Result<std::shared_ptr<Segment>> seg = openSeg(path, kDims);
        QVERIFY(!seg.ok());
        QCOMPARE(seg.error().code(), ErrorCode::UnsupportedFormat);
        QVERIFY2(seg.error().message().contains(QStringLiteral("made by a newer Sextant (format %1)").arg(version)),
                 qPrintable(seg.error().message()));
        QVERIFY(!seg.error().message().contains(QStringLiteral("damaged")));
    }
    // A damaged version field is damage: the header checksum no longer holds.
    QByteArray b = readAll(path);
    putU32(b.data() + 8, 3);
    putU64(b.data() + 120, xxh3(b.constData(), 120));
    b[8] = char(b[8] ^ 0x04); // version 7, checksum of version 3
    QVERIFY(writeAll(path, b));
    QCOMPARE(openSeg(path, kDims).error().code(), ErrorCode::Corruption);
}

void TestSegment::deletionVectorRoundTrip()
{
    DeletionVector dv(3, 1001);
    for (qint64 r : {0, 7, 8, 500, 1000})
        dv.markDeleted(r);
    dv.markDeleted(7); // twice counts once
    QCOMPARE(dv.deletedCount(), qint64(5));
    Result<FileRecord> rec = dv.write(m_dir->path(), 12, true);
    QVERIFY2(rec.ok(), qPrintable(rec.error().message()));
    QCOMPARE(rec->name, QStringLiteral("del-00000003-00000012.sxd"));
    const QString path = m_dir->filePath(rec->name);
    QCOMPARE(rec->size, fileSize(path));
    QCOMPARE(rec->sha256, shaOfFile(path));
    QCOMPARE(rec->size, deletion::kHeaderSize + (1001 + 7) / 8 + 8);
    Result<DeletionVector> back = DeletionVector::read(path, 3, 1001);
    QVERIFY2(back.ok(), qPrintable(back.error().message()));
    QCOMPARE(back->deletedCount(), qint64(5));
    QCOMPARE(back->rows(), qint64(1001));
    for (qint64 r = 0; r < 1001; ++r)
        QCOMPARE(back->isDeleted(r), r == 0 || r == 7 || r == 8 || r == 500 || r == 1000);
}

void TestSegment::deletionVectorEmpty()
{
    const DeletionVector none(4, 10);
    QCOMPARE(none.deletedCount(), qint64(0));
    QVERIFY(!none.isDeleted(3));
    Result<FileRecord> rec = none.write(m_dir->path(), 1, false);
    QVERIFY(rec.ok());
    Result<DeletionVector> back = DeletionVector::read(m_dir->filePath(rec->name), 4, 10);
    QVERIFY(back.ok());
    QCOMPARE(back->deletedCount(), qint64(0));
}

void TestSegment::deletionVectorDamageIsDetected()
{
    DeletionVector dv(2, 100);
    dv.markDeleted(42);
    Result<FileRecord> rec = dv.write(m_dir->path(), 5, false);
    QVERIFY(rec.ok());
    const QString path = m_dir->filePath(rec->name);
    for (qint64 bit = 0; bit < rec->size * 8; ++bit) {
        QVERIFY(flipBit(path, bit / 8, int(bit % 8)));
        Result<DeletionVector> back = DeletionVector::read(path, 2, 100);
        QVERIFY(flipBit(path, bit / 8, int(bit % 8)));
        QVERIFY2(!back.ok(), qPrintable(QStringLiteral("bit %1 accepted").arg(bit)));
        QVERIFY(back.error().code() == ErrorCode::Corruption || back.error().code() == ErrorCode::UnsupportedFormat);
    }
    const QByteArray good = readAll(path);
    for (int len : {0, 8, 39, 40, int(good.size() - 1)}) {
        QVERIFY(writeAll(path, good.left(len)));
        Result<DeletionVector> back = DeletionVector::read(path, 2, 100);
        QVERIFY(!back.ok());
        QCOMPARE(back.error().code(), ErrorCode::Corruption);
    }
    QVERIFY(writeAll(path, good + 'x'));
    QVERIFY(!DeletionVector::read(path, 2, 100).ok());
}

void TestSegment::deletionVectorWrongSegment()
{
    DeletionVector dv(2, 100);
    Result<FileRecord> rec = dv.write(m_dir->path(), 5, false);
    QVERIFY(rec.ok());
    const QString path = m_dir->filePath(rec->name);
    QCOMPARE(DeletionVector::read(path, 3, 100).error().code(), ErrorCode::Corruption);
    QCOMPARE(DeletionVector::read(path, 2, 101).error().code(), ErrorCode::Corruption);
    QVERIFY(DeletionVector::read(path, 2, 100).ok());
}

QTEST_GUILESS_MAIN(TestSegment)
#include "tst_segment.moc"
