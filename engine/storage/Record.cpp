#include "storage/Record.h"

#include "storage/Binary.h"

#include "sextant/Schema.h"

namespace sextant::storage {

void encodeBatchPayload(QByteArray &out, const QList<Record> &records)
{
    appendU32(out, uint32_t(records.size()));
    for (const Record &r : records) {
        appendU8(out, uint8_t(r.type));
        appendU8(out, 0);
        appendU8(out, 0);
        appendU8(out, 0);
        appendU32(out, uint32_t(r.id.size()));
        out.append(r.id);
        if (r.isDelete()) continue;
        appendU32(out, uint32_t(r.vector.size()));
        appendF32Array(out, r.vector.constData(), size_t(r.vector.size()));
        appendU32(out, uint32_t(r.metadata.size()));
        out.append(r.metadata);
    }
}

namespace {
// Decodes records into `out` until the first problem, which it returns
// (empty when the payload is whole). `declared` gets the record count field.
QString decodeRecords(const char *data, size_t size, QList<Record> &out, uint32_t *declared)
{
    ByteReader in(data, size);
    const uint32_t count = in.u32();
    if (declared) *declared = in.failed() ? 0 : count;
    // Each record takes at least 8 bytes, which bounds the count.
    if (in.failed() || count > in.remaining() / 8 + 1) return QStringLiteral("record count out of range");
    out.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
        Record r;
        const uint8_t type = in.u8();
        in.take(3);
        if (type < 1 || type > 3) return QStringLiteral("unknown record type %1").arg(type);
        r.type = RecordType(type);
        const uint32_t idLen = in.u32();
        const char *id = in.take(idLen);
        if (!id) return QStringLiteral("id runs past the end");
        r.id = QByteArray(id, int(idLen));
        // The writer only logs valid ids (1-512 bytes, no NUL); anything else
        // is damage, and must not reach the memtable or a segment.
        if (const Error e = validateIdBytes(r.id)) return QStringLiteral("record %1: %2").arg(i).arg(e.message());
        if (!r.isDelete()) {
            const uint32_t dims = in.u32();
            if (in.failed() || dims > 8192) return QStringLiteral("vector length out of range");
            const char *v = in.take(size_t(dims) * 4);
            if (!v) return QStringLiteral("vector runs past the end");
            r.vector.resize(dims);
            readF32Array(v, r.vector.data(), dims);
            const uint32_t metaLen = in.u32();
            const char *meta = in.take(metaLen);
            if (!meta) return QStringLiteral("metadata runs past the end");
            r.metadata = QByteArray(meta, int(metaLen));
        }
        if (in.failed()) return QStringLiteral("record %1 is cut short").arg(i);
        out.append(std::move(r));
    }
    if (!in.atEnd()) return QStringLiteral("%1 stray bytes after the last record").arg(in.remaining());
    return {};
}
} // namespace

Result<QList<Record>> decodeBatchPayload(const char *data, size_t size)
{
    QList<Record> records;
    const QString problem = decodeRecords(data, size, records, nullptr);
    if (!problem.isEmpty()) return Error(ErrorCode::Corruption, QStringLiteral("Malformed WAL batch: %1").arg(problem));
    return records;
}

QList<Record> decodeBatchPrefix(const char *data, size_t size, uint32_t *declaredCount)
{
    QList<Record> records;
    decodeRecords(data, size, records, declaredCount);
    return records;
}

} // namespace sextant::storage
