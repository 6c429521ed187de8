// Fuzz target: the manifest decoder (envelope, JSON body, schema, segment,
// file and graph entries). A manifest that decodes must encode to bytes that
// decode to the same manifest.

#include "FuzzSupport.h"

#include "base/Checksums.h"
#include "storage/Manifest.h"

using namespace sextant;
using namespace sextant::storage;
using namespace sextant::base;

namespace {

// Sets the body length and checksum to match whatever follows the envelope.
QByteArray withRepairedEnvelope(QByteArray b)
{
    if (b.size() < manifest::kEnvelopeSize) return b;
    const qsizetype body = b.size() - manifest::kEnvelopeSize;
    fuzzsupport::putU32At(b, 12, uint32_t(body));
    fuzzsupport::putU64At(b, 16, xxh3(b.constData() + manifest::kEnvelopeSize, size_t(body)));
    return b;
}

void decode(const QByteArray &bytes)
{
    const QString path = QStringLiteral("MANIFEST");
    const Result<Manifest> m = Manifest::decode(bytes, path);
    if (!m.ok()) {
        if (m.error().message().isEmpty()) fuzzsupport::propertyFailed("an error without a message");
        return;
    }
    const QByteArray encoded = m->encode();
    const Result<Manifest> again = Manifest::decode(encoded, path);
    if (!again.ok()) fuzzsupport::propertyFailed("a decoded manifest does not decode after encoding");
    if (again->encode() != encoded) fuzzsupport::propertyFailed("a manifest changes through encode and decode");
    for (const SegmentEntry &s : m->segments)
        if (!m->fileRecord(s.file)) fuzzsupport::propertyFailed("a segment names a file that is not listed");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    decode(bytes);
    const QByteArray repaired = withRepairedEnvelope(bytes);
    if (repaired != bytes) decode(repaired);
    return 0;
}
