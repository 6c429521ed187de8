// Fuzz target: the write-ahead log reader (scanWal) and the batch payload
// decoder it feeds, as recovery and verify use them.

#include "FuzzSupport.h"

#include "sextant/Schema.h"

#include "storage/Binary.h"
#include "base/Checksums.h"
#include "storage/Record.h"
#include "storage/Wal.h"

using namespace sextant;
using namespace sextant::storage;
using namespace sextant::base;

namespace {

// Recomputes the header checksum and the checksum of every frame whose
// length field fits the file, so frame contents get past verification.
QByteArray withRepairedChecksums(QByteArray b)
{
    if (b.size() < wal::kHeaderSize) return b;
    fuzzsupport::putU64At(b, 24, xxh3(b.constData(), 24));
    qint64 at = wal::kHeaderSize;
    while (at + wal::kFrameOverhead <= b.size()) {
        const qint64 payload = fuzzsupport::u32At(b, at);
        if (payload > b.size() - at - wal::kFrameOverhead) break;
        const qint64 body = wal::kFrameHeaderSize + payload;
        fuzzsupport::putU64At(b, at + body, xxh3(b.constData() + at, size_t(body)));
        at += body + 8;
    }
    return b;
}

void scan(const QByteArray &bytes)
{
    fuzzsupport::MemFile mem(bytes);
    Result<File> file = File::open(mem.path(), File::Mode::ReadOnly);
    if (!file.ok()) fuzzsupport::propertyFailed("cannot open the memory file");
    qint64 records = 0;
    const FrameCallback decode = [&](uint64_t, uint8_t, const char *payload, size_t size) -> Error {
        Result<QList<Record>> recs = decodeBatchPayload(payload, size);
        if (!recs.ok()) return recs.error();
        for (const Record &rec : *recs) {
            // docs/format.md: ids are 1-512 bytes without NUL; the decoder
            // refuses others, so recovery never applies one.
            if (validateIdBytes(rec.id)) fuzzsupport::propertyFailed("a record with an invalid id was decoded");
            // What recovery does with a record: touch every byte it keeps.
            records += rec.id.size() + rec.vector.size() + rec.metadata.size();
        }
        return {};
    };
    const Result<WalScanResult> r = scanWal(*file, 0, 0, decode);
    if (!r.ok()) return;
    // The scan's own account must describe the file it read.
    if (r->validEnd < 0 || r->validEnd > bytes.size()) fuzzsupport::propertyFailed("validEnd outside the file");
    if (r->tail.kind != WalTail::Kind::Clean &&
        (r->tail.offset != r->validEnd || r->tail.offset + r->tail.bytes != bytes.size()))
        fuzzsupport::propertyFailed("the tail does not cover the rest of the file");
    if (r->tail.kind == WalTail::Kind::Clean && r->validEnd != bytes.size())
        fuzzsupport::propertyFailed("a clean scan that stopped before the end");
    // Continuing from the valid end (what a reader that polls does) finds nothing more.
    const Result<WalScanResult> again = scanWal(*file, r->validEnd, r->lastLsn + 1, decode);
    if (again.ok() && again->frames != 0) fuzzsupport::propertyFailed("frames found after the valid end");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    scan(bytes);
    const QByteArray repaired = withRepairedChecksums(bytes);
    if (repaired != bytes) scan(repaired);
    // The payload decoder on its own, over the raw bytes.
    (void)decodeBatchPayload(bytes.constData(), size_t(bytes.size()));
    return 0;
}
