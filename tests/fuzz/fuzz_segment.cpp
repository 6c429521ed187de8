// Fuzz target: opening a segment file (header, footer, block table, size
// arithmetic) and reading every row through the checked accessors, the
// Bloom filter and the binary search, as get() and verify do.

#include "FuzzSupport.h"

#include "sextant/Schema.h"
#include "base/Checksums.h"
#include "storage/Segment.h"

using namespace sextant;
using namespace sextant::storage;
using namespace sextant::base;

namespace {

constexpr qint64 kMaxRowsRead = 2048;
volatile double g_sink = 0;

// Recomputes the header checksum, the block checksums, the table checksum
// and the footer from the header's dataEnd, so that the structure behind the
// checks is what the fuzzer explores.
QByteArray withRepairedChecksums(QByteArray b)
{
    if (b.size() < segment::kHeaderSize + segment::kFooterSize) return b;
    fuzzsupport::putU64At(b, 120, xxh3(b.constData(), 120));
    const uint64_t dataEnd = fuzzsupport::u64At(b, 96);
    if (dataEnd < uint64_t(segment::kHeaderSize) || dataEnd > uint64_t(b.size())) return b;
    const qint64 blocks = qint64((dataEnd + segment::kBlockSize - 1) / segment::kBlockSize);
    const qint64 size = qint64(dataEnd) + blocks * 8 + segment::kFooterSize;
    if (size > b.size()) return b;
    b.truncate(size);
    QByteArray table;
    for (qint64 i = 0; i < blocks; ++i) {
        const qint64 start = i * segment::kBlockSize;
        const qint64 len = std::min<qint64>(segment::kBlockSize, qint64(dataEnd) - start);
        const uint64_t sum = xxh3(b.constData() + start, size_t(len));
        table.append(reinterpret_cast<const char *>(&sum), 8);
    }
    std::memcpy(b.data() + dataEnd, table.constData(), size_t(table.size()));
    const qint64 footer = size - segment::kFooterSize;
    fuzzsupport::putU64At(b, footer, dataEnd);
    fuzzsupport::putU64At(b, footer + 8, uint64_t(blocks));
    fuzzsupport::putU64At(b, footer + 16, xxh3(table));
    std::memcpy(b.data() + footer + 24, segment::kFooterMagic, 8);
    fuzzsupport::putU64At(b, footer + 32, xxh3(b.constData() + footer, 32));
    return b;
}

void readSegment(const QByteArray &bytes)
{
    // The opener is given the manifest's dimension, which the schema bounds;
    // take the file's own when it is in that range, so valid files open.
    const uint32_t fileDims = fuzzsupport::u32At(bytes, 12);
    const int dims = fileDims >= 1 && fileDims <= uint32_t(Schema::kMaxDimensions) ? int(fileDims) : 4;
    fuzzsupport::MemFile mem(bytes);
    const Result<std::shared_ptr<Segment>> opened = Segment::open(mem.path(), 1, dims);
    if (!opened.ok()) return;
    const Segment &s = **opened;
    if (s.dimensions() != dims) fuzzsupport::propertyFailed("the segment opened with another dimension");

    qint64 bad = 0;
    s.verifyAllBlocks([&](qint64, qint64) { ++bad; });
    double sink = 0;
    const qint64 rows = std::min(s.rowCount(), kMaxRowsRead);
    for (qint64 r = 0; r < rows; ++r) {
        const Result<QByteArrayView> id = s.id(r);
        if (id.ok()) {
            const QByteArray key = id->toByteArray();
            // Fuzzed ids need not be sorted nor in the filter: these only
            // must not read outside the file.
            (void)s.find(key);
            (void)s.mayContain(key);
            (void)s.upperBound(key);
        }
        const Result<std::vector<float>> v = s.vectorChecked(r);
        if (v.ok()) {
            if (int(v->size()) != dims) fuzzsupport::propertyFailed("a vector of the wrong length");
            for (float f : *v)
                sink += double(f);
        }
        const float *raw = s.vectorData(r);
        for (int d = 0; d < dims; ++d)
            sink += double(raw[d]);
        sink += double(s.norm(r));
        const Result<QByteArray> meta = s.metadata(r);
        if (meta.ok()) sink += double(meta->size());
        // Format 3: a row whose own checksum matches is served whatever
        // its blocks say; what repair reads of a row stays in the file.
        if (s.rowChecksumMatches(r) && (!s.vectorChecked(r).ok() || !s.metadata(r).ok() || !s.id(r).ok()))
            fuzzsupport::propertyFailed("a row that matches its row checksum was refused");
        const Segment::UncheckedRow unchecked = s.readUnchecked(r);
        if (unchecked.vector)
            for (int d = 0; d < dims; ++d)
                sink += double(unchecked.vector[4 * d]);
        sink += double(unchecked.id.size() + unchecked.metadata.size());
        for (char c : unchecked.id)
            sink += double(c);
        for (char c : unchecked.metadata)
            sink += double(c);
    }
    if (s.rowChecksumMatches(-1) || s.rowChecksumMatches(s.rowCount()))
        fuzzsupport::propertyFailed("a row outside the segment matched a checksum");
    // Lookups of ids the segment does not hold, and out-of-range rows.
    (void)s.find(QByteArrayView("\xff\xff\xff", 3));
    (void)s.find(QByteArrayView("", 0));
    (void)s.upperBound(QByteArrayView("m", 1));
    if (s.id(-1).ok() || s.id(s.rowCount()).ok()) fuzzsupport::propertyFailed("a row outside the segment was served");
    if (s.metadata(s.rowCount()).ok() || s.vectorChecked(s.rowCount()).ok())
        fuzzsupport::propertyFailed("a row outside the segment was served");
    g_sink = sink + double(bad); // keeps the reads from being optimised away
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    readSegment(bytes);
    const QByteArray repaired = withRepairedChecksums(bytes);
    if (repaired != bytes) readSegment(repaired);
    return 0;
}
