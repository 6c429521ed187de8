#include "storage/Segment.h"

#include "storage/Binary.h"
#include "base/Checksums.h"
#include "base/FileIo.h"

#include <cmath>
#include <sys/mman.h>

namespace sextant::storage {

QString segment::fileName(uint64_t segmentId)
{
    return QStringLiteral("seg-%1.sxs").arg(segmentId, 8, 10, QLatin1Char('0'));
}

qint64 segment::bloomBits(qint64 rows)
{
    if (rows <= 0) return 0;
    if (rows >= kBloomMaxBits / kBloomBitsPerRow) return kBloomMaxBits; // also keeps the product below from overflowing
    return (rows * kBloomBitsPerRow + 63) / 64 * 64;
}

uint64_t segment::rowChecksum(QByteArrayView id, const char *vectorLe, int dimensions, QByteArrayView metadata)
{
    // One buffer and one XXH3 call for the common small row; a stream only
    // for rows too large for it.
    constexpr size_t kSmall = 4096;
    const size_t vectorBytes = size_t(dimensions) * 4;
    const size_t total = 16 + size_t(id.size()) + vectorBytes + size_t(metadata.size());
    char lengths[16];
    putU64(lengths, uint64_t(id.size()));
    putU64(lengths + 8, uint64_t(metadata.size()));
    if (total <= kSmall) {
        char buf[kSmall];
        char *p = buf;
        std::memcpy(p, lengths, 8);
        p += 8;
        if (!id.isEmpty()) std::memcpy(p, id.data(), size_t(id.size()));
        p += id.size();
        std::memcpy(p, vectorLe, vectorBytes);
        p += vectorBytes;
        std::memcpy(p, lengths + 8, 8);
        p += 8;
        if (!metadata.isEmpty()) std::memcpy(p, metadata.data(), size_t(metadata.size()));
        p += metadata.size();
        return base::xxh3(buf, size_t(p - buf));
    }
    base::Xxh3Stream h;
    h.update(lengths, 8);
    h.update(id.data(), size_t(id.size()));
    h.update(vectorLe, vectorBytes);
    h.update(lengths + 8, 8);
    h.update(metadata.data(), size_t(metadata.size()));
    return h.digest();
}

namespace {

// The bit positions an id sets in (writer) or tests in (reader) a filter of
// m bits: with h = XXH3-64 of the id bytes, h1 = its low and h2 its high 32
// bits, probe i is (h1 + i*h2) mod m. Stepped by addition so that only two
// divisions are needed per id; pos and step stay below m <= 2^32, so the
// sum never overflows.
class BloomProbe {
public:
    BloomProbe(QByteArrayView id, uint64_t bits) : m_bits(bits)
    {
        const uint64_t h = base::xxh3(id.data(), size_t(id.size()));
        m_pos = (h & 0xffffffffu) % bits;
        m_step = (h >> 32) % bits;
    }
    uint64_t next()
    {
        const uint64_t p = m_pos;
        m_pos += m_step;
        if (m_pos >= m_bits) m_pos -= m_bits;
        return p;
    }

private:
    uint64_t m_bits, m_pos, m_step;
};

qint64 alignUp(qint64 v) { return (v + segment::kAlign - 1) / segment::kAlign * segment::kAlign; }

SegmentLayout computeLayout(uint32_t version, uint32_t dims, qint64 rows, qint64 idBytes, qint64 metaBytes)
{
    SegmentLayout l;
    l.version = version;
    l.dimensions = dims;
    l.rowCount = rows;
    l.blockSize = segment::kBlockSize;
    l.vectorsOffset = segment::kHeaderSize;
    l.normsOffset = alignUp(l.vectorsOffset + rows * qint64(dims) * 4);
    l.idOffsetsOffset = alignUp(l.normsOffset + rows * 4);
    l.idBytesOffset = alignUp(l.idOffsetsOffset + (rows + 1) * 8);
    l.idBytesLength = idBytes;
    l.metaOffsetsOffset = alignUp(l.idBytesOffset + idBytes);
    l.metaBytesOffset = alignUp(l.metaOffsetsOffset + (rows + 1) * 8);
    l.metaBytesLength = metaBytes;
    l.bloomOffset = alignUp(l.metaBytesOffset + metaBytes);
    l.bloomLength = segment::bloomBits(rows) / 8;
    l.dataEnd = l.bloomOffset + l.bloomLength;
    if (version >= 3) {
        l.rowSumsOffset = alignUp(l.dataEnd);
        l.rowSumsLength = rows * 8;
        l.dataEnd = l.rowSumsOffset + l.rowSumsLength;
    }
    l.blockCount = (l.dataEnd + l.blockSize - 1) / l.blockSize;
    return l;
}

QByteArray encodeHeader(const SegmentLayout &l)
{
    QByteArray h;
    h.append(segment::kMagic, 8);
    appendU32(h, l.version);
    appendU32(h, l.dimensions);
    appendU64(h, uint64_t(l.rowCount));
    appendU32(h, l.blockSize);
    appendU32(h, 0);
    for (qint64 v :
         {l.vectorsOffset, l.normsOffset, l.idOffsetsOffset, l.idBytesOffset, l.idBytesLength, l.metaOffsetsOffset,
          l.metaBytesOffset, l.metaBytesLength, l.dataEnd, l.bloomOffset, l.bloomLength})
        appendU64(h, uint64_t(v));
    h.append(QByteArray(segment::kHeaderSize - 8 - h.size(), '\0'));
    appendU64(h, base::xxh3(h.constData(), size_t(h.size())));
    return h;
}

// Streams bytes to a file through a buffer, computing the XXH3 of every
// block and the SHA-256 of the whole file on the way.
class ChecksummingWriter {
public:
    ChecksummingWriter(base::File &file, uint32_t blockSize) : m_file(file), m_blockSize(blockSize)
    {
        m_buf.reserve(kBuf);
    }

    Error write(const void *data, size_t n)
    {
        const char *p = static_cast<const char *>(data);
        while (n > 0) {
            const size_t room = m_blockSize - m_inBlock;
            const size_t take = std::min(room, n);
            m_block.update(p, take);
            m_inBlock += take;
            if (m_inBlock == m_blockSize) closeBlock();
            m_buf.insert(m_buf.end(), p, p + take);
            if (m_buf.size() >= kBuf)
                if (Error e = flush()) return e;
            p += take;
            n -= take;
        }
        return {};
    }
    Error padTo(qint64 offset)
    {
        static const char zeros[segment::kAlign] = {};
        while (position() < offset) {
            const size_t n = size_t(std::min<qint64>(offset - position(), segment::kAlign));
            if (Error e = write(zeros, n)) return e;
        }
        return {};
    }
    qint64 position() const { return m_written + qint64(m_buf.size()); }
    // Ends the checksummed data region; later writes (table, footer) only feed SHA-256.
    void endBlocks()
    {
        if (m_inBlock) closeBlock();
        m_blocksClosed = true;
    }
    Error writeRaw(const QByteArray &bytes)
    {
        m_buf.insert(m_buf.end(), bytes.begin(), bytes.end());
        return flush();
    }
    Error flush()
    {
        if (m_buf.empty()) return {};
        m_sha.update(m_buf.data(), m_buf.size());
        if (Error e = m_file.writeAt(m_buf.data(), m_buf.size(), m_written)) return e;
        m_written += qint64(m_buf.size());
        m_buf.clear();
        return {};
    }
    const std::vector<uint64_t> &blockSums() const { return m_sums; }
    QString shaHex() { return m_sha.finalHex(); }

private:
    static constexpr size_t kBuf = 4 * 1024 * 1024;
    void closeBlock()
    {
        m_sums.push_back(m_block.digest());
        m_block.reset();
        m_inBlock = 0;
    }
    base::File &m_file;
    uint32_t m_blockSize;
    std::vector<char> m_buf;
    qint64 m_written = 0;
    size_t m_inBlock = 0;
    base::Xxh3Stream m_block;
    base::Sha256 m_sha;
    std::vector<uint64_t> m_sums;
    bool m_blocksClosed = false;
};

} // namespace

Result<FileRecord> writeSegment(const QString &dir, uint64_t segmentId, int dimensions, const SegmentRowSource &rows,
                                bool sync)
{
    const qint64 n = rows.rowCount();
    qint64 idBytes = 0, metaBytes = 0;
    // Bit p of the filter is bit p mod 64 of word p div 64, written as u64 LE:
    // that is bit p mod 8 of byte p div 8, as the reader tests it.
    const uint64_t filterBits = uint64_t(segment::bloomBits(n));
    std::vector<uint64_t> filter(size_t(filterBits / 64));
    std::vector<uint64_t> rowSums(static_cast<size_t>(n));
    QByteArray le;
    le.reserve(dimensions * 4);
    for (qint64 r = 0; r < n; ++r) {
        const QByteArrayView id = rows.id(r);
        const QByteArrayView meta = rows.metadata(r);
        idBytes += id.size();
        metaBytes += meta.size();
        le.resize(0);
        appendF32Array(le, rows.vector(r), size_t(dimensions));
        rowSums[size_t(r)] = segment::rowChecksum(id, le.constData(), dimensions, meta);
        BloomProbe probe(id, filterBits);
        for (int i = 0; i < segment::kBloomProbes; ++i) {
            const uint64_t bit = probe.next();
            filter[size_t(bit / 64)] |= uint64_t(1) << (bit % 64);
        }
    }
    const SegmentLayout l = computeLayout(segment::kVersion, uint32_t(dimensions), n, idBytes, metaBytes);
    const QString name = segment::fileName(segmentId);
    const QString path = dir + u'/' + name;
    // Never over an existing file: a manifest whose next segment id is at or
    // below one in use must become an error, not an overwrite of live rows.
    Result<base::File> file = base::File::open(path, base::File::Mode::CreateNew);
    if (!file.ok()) return file.error();
    ChecksummingWriter w(*file, l.blockSize);

    const QByteArray header = encodeHeader(l);
    if (Error e = w.write(header.constData(), size_t(header.size()))) return e;
    std::vector<float> norms(static_cast<size_t>(n)); // not norms(size_t(n)): that declares a function
    for (qint64 r = 0; r < n; ++r) {
        const float *v = rows.vector(r);
        double sum = 0;
        for (int d = 0; d < dimensions; ++d)
            sum += double(v[d]) * double(v[d]);
        norms[size_t(r)] = float(std::sqrt(sum));
        le.resize(0);
        appendF32Array(le, v, size_t(dimensions));
        if (Error e = w.write(le.constData(), size_t(le.size()))) return e;
    }
    if (Error e = w.padTo(l.normsOffset)) return e;
    for (float f : norms) {
        char b[4];
        uint32_t bits;
        std::memcpy(&bits, &f, 4);
        putU32(b, bits);
        if (Error e = w.write(b, 4)) return e;
    }
    auto writeOffsets = [&](bool ids) -> Error {
        uint64_t at = 0;
        char b[8];
        putU64(b, 0);
        if (Error e = w.write(b, 8)) return e;
        for (qint64 r = 0; r < n; ++r) {
            at += uint64_t(ids ? rows.id(r).size() : rows.metadata(r).size());
            putU64(b, at);
            if (Error e = w.write(b, 8)) return e;
        }
        return {};
    };
    if (Error e = w.padTo(l.idOffsetsOffset)) return e;
    if (Error e = writeOffsets(true)) return e;
    if (Error e = w.padTo(l.idBytesOffset)) return e;
    for (qint64 r = 0; r < n; ++r) {
        const QByteArrayView id = rows.id(r);
        if (Error e = w.write(id.data(), size_t(id.size()))) return e;
    }
    if (Error e = w.padTo(l.metaOffsetsOffset)) return e;
    if (Error e = writeOffsets(false)) return e;
    if (Error e = w.padTo(l.metaBytesOffset)) return e;
    for (qint64 r = 0; r < n; ++r) {
        const QByteArrayView m = rows.metadata(r);
        if (Error e = w.write(m.data(), size_t(m.size()))) return e;
    }
    // Little-endian u64 words, written through a small buffer.
    auto writeWords = [&](const std::vector<uint64_t> &words) -> Error {
        char chunk[4096];
        size_t fill = 0;
        for (uint64_t word : words) {
            putU64(chunk + fill, word);
            fill += 8;
            if (fill == sizeof chunk) {
                if (Error e = w.write(chunk, fill)) return e;
                fill = 0;
            }
        }
        return fill ? w.write(chunk, fill) : Error{};
    };
    if (Error e = w.padTo(l.bloomOffset)) return e;
    if (Error e = writeWords(filter)) return e;
    if (Error e = w.padTo(l.rowSumsOffset)) return e;
    if (Error e = writeWords(rowSums)) return e;
    Q_ASSERT(w.position() == l.dataEnd);
    w.endBlocks();

    QByteArray table;
    for (uint64_t s : w.blockSums())
        appendU64(table, s);
    QByteArray footer;
    appendU64(footer, uint64_t(l.dataEnd));
    appendU64(footer, uint64_t(w.blockSums().size()));
    appendU64(footer, base::xxh3(table));
    footer.append(segment::kFooterMagic, 8);
    appendU64(footer, base::xxh3(footer));
    if (Error e = w.writeRaw(table + footer)) return e;
    if (sync)
        if (Error e = file->syncData()) return e;
    const qint64 size = w.position();
    return FileRecord{name, size, w.shaHex()};
}

// ---------------------------------------------------------------- reading

Segment::~Segment()
{
    if (m_map) m_file.unmap(m_map);
}

Error Segment::corrupt(qint64 offset, const QString &what) const
{
    return Error(ErrorCode::Corruption,
                 QStringLiteral("Segment %1 is damaged at byte %2: %3").arg(m_path).arg(offset).arg(what), m_path);
}

Result<std::shared_ptr<Segment>> Segment::open(const QString &path, uint64_t segmentId, int expectedDimensions)
{
    std::shared_ptr<Segment> s(new Segment);
    static std::atomic<uint64_t> opened{0};
    s->m_instance = opened.fetch_add(1, std::memory_order_relaxed) + 1;
    s->m_id = segmentId;
    s->m_path = path;
    Result<base::File> f = base::File::open(path, base::File::Mode::ReadOnly);
    if (!f.ok()) return f.error();
    const Result<qint64> size = f->size();
    if (!size.ok()) return size.error();
    s->m_fileSize = *size;
    if (*size < segment::kHeaderSize + segment::kFooterSize)
        return s->corrupt(0, QStringLiteral("the file is too short (%1 bytes) to be a segment").arg(*size));

    char footer[segment::kFooterSize];
    if (Error e = f->readAt(footer, sizeof footer, *size - segment::kFooterSize)) return e;
    if (std::memcmp(footer + 24, segment::kFooterMagic, 8) != 0 || base::xxh3(footer, 32) != getU64(footer + 32))
        return s->corrupt(*size - segment::kFooterSize, QStringLiteral("the footer does not match its checksum"));
    char header[segment::kHeaderSize];
    if (Error e = f->readAt(header, sizeof header, 0)) return e;
    if (std::memcmp(header, segment::kMagic, 8) != 0)
        return s->corrupt(0, QStringLiteral("the file does not start with the segment magic"));
    if (base::xxh3(header, segment::kHeaderSize - 8) != getU64(header + segment::kHeaderSize - 8))
        return s->corrupt(0, QStringLiteral("the header does not match its checksum"));
    const uint32_t version = getU32(header + 8);
    if (version > segment::kVersion)
        return Error(ErrorCode::UnsupportedFormat,
                     QStringLiteral("Segment %1 was made by a newer Sextant (format %2); this version reads segment "
                                    "formats %3 to %4. Open the index with a newer Sextant.")
                         .arg(path)
                         .arg(version)
                         .arg(segment::kOldestVersion)
                         .arg(segment::kVersion),
                     path);
    if (version < segment::kOldestVersion)
        return Error(
            ErrorCode::UnsupportedFormat,
            QStringLiteral("Segment %1 has format version %2, which no released Sextant wrote and this version "
                           "cannot read.")
                .arg(path)
                .arg(version),
            path);

    const uint32_t dims = getU32(header + 12);
    const uint64_t rows = getU64(header + 16);
    if (int(dims) != expectedDimensions)
        return s->corrupt(
            12,
            QStringLiteral("it holds %1-dimensional vectors, the manifest says %2").arg(dims).arg(expectedDimensions));
    // Bound the row count by the file size before any arithmetic with it.
    if (rows > uint64_t(*size) / 20)
        return s->corrupt(16, QStringLiteral("its row count %1 cannot fit in %2 bytes").arg(rows).arg(*size));
    // Bytes 32-119: eleven u64 fields, every one of them implied by D, R and
    // the two byte lengths; all must equal what computeLayout derives.
    qint64 fields[11];
    for (int i = 0; i < 11; ++i)
        fields[i] = qint64(getU64(header + 32 + 8 * i));
    const qint64 idBytes = fields[4], metaBytes = fields[7];
    if (idBytes < 0 || metaBytes < 0 || idBytes > *size || metaBytes > *size)
        return s->corrupt(32, QStringLiteral("section lengths exceed the file"));
    const SegmentLayout expect = computeLayout(version, dims, qint64(rows), idBytes, metaBytes);
    const qint64 got[11] = {expect.vectorsOffset,   expect.normsOffset,     expect.idOffsetsOffset,
                            expect.idBytesOffset,   expect.idBytesLength,   expect.metaOffsetsOffset,
                            expect.metaBytesOffset, expect.metaBytesLength, expect.dataEnd,
                            expect.bloomOffset,     expect.bloomLength};
    static_assert(sizeof got == segment::kHeaderSize - 32 - 8);
    if (getU32(header + 24) != segment::kBlockSize || std::memcmp(fields, got, sizeof got) != 0)
        return s->corrupt(24, QStringLiteral("the section table is inconsistent"));
    const qint64 tableOffset = qint64(getU64(footer));
    const qint64 blockCount = qint64(getU64(footer + 8));
    if (tableOffset != expect.dataEnd || blockCount != expect.blockCount ||
        *size != expect.dataEnd + blockCount * 8 + segment::kFooterSize)
        return s->corrupt(*size - segment::kFooterSize,
                          QStringLiteral("the file size %1 does not match its layout").arg(*size));
    QByteArray table(blockCount * 8, Qt::Uninitialized);
    if (Error e = f->readAt(table.data(), size_t(table.size()), tableOffset)) return e;
    if (base::xxh3(table) != getU64(footer + 16))
        return s->corrupt(tableOffset, QStringLiteral("the block checksum table does not match its checksum"));

    s->m_layout = expect;
    s->m_blockSums.resize(size_t(blockCount));
    for (qint64 i = 0; i < blockCount; ++i)
        s->m_blockSums[size_t(i)] = getU64(table.constData() + 8 * i);
    s->m_blockState.reset(new std::atomic<uint8_t>[size_t(blockCount)]);
    for (qint64 i = 0; i < blockCount; ++i)
        s->m_blockState[size_t(i)].store(0, std::memory_order_relaxed);

    s->m_file.setFileName(path);
    if (!s->m_file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, QStringLiteral("Could not open %1: %2").arg(path, s->m_file.errorString()), path);
    s->m_map = s->m_file.map(0, *size);
    if (!s->m_map)
        return Error(ErrorCode::Io,
                     QStringLiteral("Could not map %1 into memory: %2").arg(path, s->m_file.errorString()), path);
    s->m_file.close(); // the mapping outlives the descriptor
    // Lookups touch a few scattered 64 KiB blocks: without this the kernel's
    // read-ahead (often several MiB) reads most of a cold index for a handful
    // of gets. Blocks are prefetched whole when they are first verified.
    ::madvise(s->m_map, size_t(*size), MADV_RANDOM);
    return s;
}

Error Segment::ensureVerified(qint64 offset, qint64 length) const
{
    if (offset < 0 || length < 0 || offset + length > m_layout.dataEnd)
        return corrupt(offset, QStringLiteral("a reference points outside the data"));
    if (length == 0) return {};
    const qint64 bs = m_layout.blockSize;
    for (qint64 b = offset / bs; b <= (offset + length - 1) / bs; ++b) {
        uint8_t state = m_blockState[size_t(b)].load(std::memory_order_acquire);
        if (state == 0) {
            const qint64 start = b * bs;
            const qint64 len = std::min(bs, m_layout.dataEnd - start);
            ::madvise(m_map + start, size_t(len), MADV_WILLNEED); // one read for the block, not 16 faults
            state = base::xxh3(m_map + start, size_t(len)) == m_blockSums[size_t(b)] ? 1 : 2;
            m_blockState[size_t(b)].store(state, std::memory_order_release);
        }
        if (state == 2) return corrupt(b * bs, QStringLiteral("block %1 does not match its checksum").arg(b));
    }
    return {};
}

bool Segment::rawRow(qint64 row, QByteArrayView *id, QByteArrayView *metadata) const
{
    if (row < 0 || row >= m_layout.rowCount) return false;
    auto slice = [&](qint64 offsetsAt, qint64 bytesAt, qint64 length, QByteArrayView *out) {
        const qint64 begin = qint64(getU64(reinterpret_cast<const char *>(m_map + offsetsAt)));
        const qint64 end = qint64(getU64(reinterpret_cast<const char *>(m_map + offsetsAt + 8)));
        if (begin < 0 || end < begin || end > length) return false;
        *out = QByteArrayView(reinterpret_cast<const char *>(m_map + bytesAt + begin), end - begin);
        return true;
    };
    return slice(m_layout.idOffsetsOffset + row * 8, m_layout.idBytesOffset, m_layout.idBytesLength, id) &&
           slice(m_layout.metaOffsetsOffset + row * 8, m_layout.metaBytesOffset, m_layout.metaBytesLength, metadata);
}

Error Segment::rowDamaged(qint64 row, const Error &blockError) const
{
    if (!hasRowChecksums()) return blockError;
    return Error(
        ErrorCode::Corruption,
        QStringLiteral("%1, and row %2 does not match its row checksum either").arg(blockError.message()).arg(row),
        m_path);
}

bool Segment::rowChecksumMatches(qint64 row) const
{
    if (!hasRowChecksums()) return false;
    QByteArrayView id, meta;
    if (!rawRow(row, &id, &meta)) return false;
    const char *vector =
        reinterpret_cast<const char *>(m_map + m_layout.vectorsOffset + row * qint64(m_layout.dimensions) * 4);
    const uint64_t stored = getU64(reinterpret_cast<const char *>(m_map + m_layout.rowSumsOffset + row * 8));
    return segment::rowChecksum(id, vector, int(m_layout.dimensions), meta) == stored;
}

Segment::UncheckedRow Segment::readUnchecked(qint64 row) const
{
    UncheckedRow out;
    if (row < 0 || row >= m_layout.rowCount) return out;
    out.vector = reinterpret_cast<const char *>(m_map + m_layout.vectorsOffset + row * qint64(m_layout.dimensions) * 4);
    const qint64 idAt = m_layout.idOffsetsOffset + row * 8;
    const qint64 metaAt = m_layout.metaOffsetsOffset + row * 8;
    auto slice = [&](qint64 offsetsAt, qint64 bytesAt, qint64 length, QByteArrayView *view) {
        const qint64 begin = qint64(getU64(reinterpret_cast<const char *>(m_map + offsetsAt)));
        const qint64 end = qint64(getU64(reinterpret_cast<const char *>(m_map + offsetsAt + 8)));
        if (begin < 0 || end < begin || end > length) return false;
        *view = QByteArrayView(reinterpret_cast<const char *>(m_map + bytesAt + begin), end - begin);
        return ensureVerified(offsetsAt, 16).ok() && ensureVerified(bytesAt + begin, end - begin).ok();
    };
    out.idVerified = slice(idAt, m_layout.idBytesOffset, m_layout.idBytesLength, &out.id);
    out.metadataVerified = slice(metaAt, m_layout.metaBytesOffset, m_layout.metaBytesLength, &out.metadata);
    const qint64 vectorBytes = qint64(m_layout.dimensions) * 4;
    out.vectorVerified = ensureVerified(m_layout.vectorsOffset + row * vectorBytes, vectorBytes).ok();
    if (rowChecksumMatches(row)) out.idVerified = out.vectorVerified = out.metadataVerified = true;
    return out;
}

Result<QByteArrayView> Segment::id(qint64 row) const
{
    if (row < 0 || row >= m_layout.rowCount) return corrupt(0, QStringLiteral("row %1 out of range").arg(row));
    const qint64 at = m_layout.idOffsetsOffset + row * 8;
    Error failed = ensureVerified(at, 16);
    if (!failed) {
        const qint64 begin = qint64(getU64(reinterpret_cast<const char *>(m_map + at)));
        const qint64 end = qint64(getU64(reinterpret_cast<const char *>(m_map + at + 8)));
        if (begin < 0 || end < begin || end > m_layout.idBytesLength)
            return corrupt(at, QStringLiteral("id offsets of row %1 are out of order").arg(row));
        failed = ensureVerified(m_layout.idBytesOffset + begin, end - begin);
        if (!failed)
            return QByteArrayView(reinterpret_cast<const char *>(m_map + m_layout.idBytesOffset + begin), end - begin);
    }
    // A damaged block: the row is still good when its own checksum matches.
    QByteArrayView id, meta;
    if (rowChecksumMatches(row) && rawRow(row, &id, &meta)) return id;
    return rowDamaged(row, failed);
}

const float *Segment::vectorData(qint64 row) const
{
    return reinterpret_cast<const float *>(m_map + m_layout.vectorsOffset + row * qint64(m_layout.dimensions) * 4);
}

float Segment::norm(qint64 row) const
{
    return getF32(reinterpret_cast<const char *>(m_map + m_layout.normsOffset + row * 4));
}

Result<std::vector<float>> Segment::vectorChecked(qint64 row) const
{
    if (row < 0 || row >= m_layout.rowCount) return corrupt(0, QStringLiteral("row %1 out of range").arg(row));
    const qint64 bytes = qint64(m_layout.dimensions) * 4;
    if (Error e = ensureVerified(m_layout.vectorsOffset + row * bytes, bytes))
        if (!rowChecksumMatches(row)) return rowDamaged(row, e);
    std::vector<float> v(m_layout.dimensions);
    readF32Array(reinterpret_cast<const char *>(vectorData(row)), v.data(), m_layout.dimensions);
    return v;
}

Result<QByteArray> Segment::metadata(qint64 row) const
{
    const Result<QByteArrayView> view = metadataView(row);
    if (!view.ok()) return view.error();
    return view->toByteArray();
}

Result<QByteArrayView> Segment::metadataView(qint64 row) const
{
    if (row < 0 || row >= m_layout.rowCount) return corrupt(0, QStringLiteral("row %1 out of range").arg(row));
    const qint64 at = m_layout.metaOffsetsOffset + row * 8;
    Error failed = ensureVerified(at, 16);
    if (!failed) {
        const qint64 begin = qint64(getU64(reinterpret_cast<const char *>(m_map + at)));
        const qint64 end = qint64(getU64(reinterpret_cast<const char *>(m_map + at + 8)));
        if (begin < 0 || end < begin || end > m_layout.metaBytesLength)
            return corrupt(at, QStringLiteral("metadata offsets of row %1 are out of order").arg(row));
        failed = ensureVerified(m_layout.metaBytesOffset + begin, end - begin);
        if (!failed)
            return QByteArrayView(reinterpret_cast<const char *>(m_map + m_layout.metaBytesOffset + begin),
                                  end - begin);
    }
    QByteArrayView id, meta;
    if (rowChecksumMatches(row) && rawRow(row, &id, &meta)) return meta;
    return rowDamaged(row, failed);
}

bool Segment::probeFilter(QByteArrayView id, Error *damage) const
{
    if (m_layout.bloomLength == 0) return false; // only an empty segment has none
    BloomProbe probe(id, uint64_t(m_layout.bloomLength) * 8);
    for (int i = 0; i < segment::kBloomProbes; ++i) {
        const uint64_t bit = probe.next();
        const qint64 at = m_layout.bloomOffset + qint64(bit / 8);
        // Fast path: the block was checked before. Otherwise check it now,
        // and never draw "absent" from bytes that failed their checksum.
        if (m_blockState[size_t(at / segment::kBlockSize)].load(std::memory_order_acquire) != 1) {
            if (Error e = ensureVerified(at, 1)) {
                *damage = std::move(e);
                return true;
            }
        }
        if (((m_map[at] >> (bit % 8)) & 1) == 0) return false;
    }
    return true;
}

bool Segment::mayContain(QByteArrayView id) const
{
    Error damage;
    return probeFilter(id, &damage);
}

Result<std::optional<qint64>> Segment::find(QByteArrayView key) const
{
    Error damage;
    if (!probeFilter(key, &damage)) return std::optional<qint64>();
    if (damage) return damage;
    qint64 lo = 0, hi = m_layout.rowCount;
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        const Result<QByteArrayView> id = this->id(mid);
        if (!id.ok()) return id.error();
        const int c = QByteArrayView(*id).compare(key);
        if (c == 0) return std::optional<qint64>(mid);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return std::optional<qint64>();
}

Result<qint64> Segment::upperBound(QByteArrayView key) const
{
    qint64 lo = 0, hi = m_layout.rowCount;
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        const Result<QByteArrayView> id = this->id(mid);
        if (!id.ok()) return id.error();
        if (QByteArrayView(*id).compare(key) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void Segment::verifyAllBlocks(const std::function<void(qint64, qint64)> &onBadBlock,
                              const std::function<bool(qint64)> &onProgress) const
{
    const qint64 bs = m_layout.blockSize;
    constexpr qint64 kPrefetchBlocks = 64; // 4 MiB ahead: the mapping is MADV_RANDOM
    for (qint64 b = 0; b < m_layout.blockCount; ++b) {
        const qint64 start = b * bs;
        const qint64 len = std::min(bs, m_layout.dataEnd - start);
        if (b % kPrefetchBlocks == 0)
            ::madvise(m_map + start, size_t(std::min(kPrefetchBlocks * bs, m_layout.dataEnd - start)), MADV_WILLNEED);
        const bool good = base::xxh3(m_map + start, size_t(len)) == m_blockSums[size_t(b)];
        m_blockState[size_t(b)].store(good ? 1 : 2, std::memory_order_release);
        if (!good && onBadBlock) onBadBlock(start, len);
        if (onProgress && (b % 256 == 255) && !onProgress(start + len)) return;
    }
}

} // namespace sextant::storage
