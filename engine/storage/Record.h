#pragma once
// A record is one change to one item, as the WAL stores it and the memtable
// holds it. Ids are UTF-8 bytes; metadata is compact JSON bytes.

#include "sextant/Error.h"

#include <QByteArray>
#include <QList>
#include <QVector>
#include <cstdint>

namespace sextant::storage {

enum class RecordType : uint8_t { Insert = 1, Upsert = 2, Delete = 3 };

struct Record {
    RecordType type = RecordType::Insert;
    QByteArray id;
    QVector<float> vector; // empty for Delete
    QByteArray metadata;   // compact JSON object; empty for Delete

    bool isDelete() const { return type == RecordType::Delete; }
};

// Payload of a WAL batch frame (frame type 1): see docs/format.md.
void encodeBatchPayload(QByteArray &out, const QList<Record> &records);
// Parses a payload whose checksum has already been verified. Still bounds-
// checks every length: a correct checksum over a buggy writer's bytes must
// not crash the reader.
Result<QList<Record>> decodeBatchPayload(const char *data, size_t size);
// For a payload that failed its checksum (repair names what it held): the
// records that decode, in order, up to the first that does not; none of them
// is verified. `declaredCount` gets the payload's record count field (0 when
// unreadable; it may itself be damaged).
QList<Record> decodeBatchPrefix(const char *data, size_t size, uint32_t *declaredCount);

} // namespace sextant::storage
