// Fuzz target: reading a deletion vector file (size, checksum, header,
// bitmap and its count).

#include "FuzzSupport.h"

#include "base/Checksums.h"
#include "storage/DeletionVector.h"

using namespace sextant;
using namespace sextant::storage;
using namespace sextant::base;

namespace {

// The manifest's row counts are JSON numbers below 2^53.
constexpr uint64_t kMaxManifestCount = uint64_t(1) << 53;

QByteArray withRepairedChecksum(QByteArray b)
{
    if (b.size() < 8) return b;
    fuzzsupport::putU64At(b, b.size() - 8, xxh3(b.constData(), size_t(b.size() - 8)));
    return b;
}

void readAs(const QString &path, uint64_t segmentId, qint64 rows)
{
    const Result<DeletionVector> dv = DeletionVector::read(path, segmentId, rows);
    if (!dv.ok()) return;
    if (dv->rows() != rows) fuzzsupport::propertyFailed("the vector has another row count");
    qint64 deleted = 0;
    for (qint64 r = 0; r < rows; ++r)
        deleted += dv->isDeleted(r);
    if (deleted != dv->deletedCount()) fuzzsupport::propertyFailed("the deleted count disagrees with the bits");
}

void read(const QByteArray &bytes)
{
    fuzzsupport::MemFile mem(bytes);
    // As the opener calls it: with the segment id and row count the manifest
    // gives, here the ones the file claims (so valid files read) ...
    const uint64_t segmentId = fuzzsupport::u64At(bytes, 16);
    const uint64_t claimed = fuzzsupport::u64At(bytes, 24);
    readAs(mem.path(), segmentId, qint64(claimed % (kMaxManifestCount + 1)));
    // ... and with a row count that fits the file's size, so the bitmap is
    // read whatever the header says.
    if (bytes.size() >= deletion::kHeaderSize + 8) {
        const qint64 bitmapBytes = bytes.size() - deletion::kHeaderSize - 8;
        const qint64 rows = bitmapBytes * 8 - qint64(claimed % 8);
        if (rows >= 0) readAs(mem.path(), segmentId, rows);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    read(bytes);
    const QByteArray repaired = withRepairedChecksum(bytes);
    if (repaired != bytes) read(repaired);
    return 0;
}
