// Fuzz target: .fvecs and .bvecs files (engine/formats/VecsFile.h). Each input
// is read as both; VectorSourceFuzz.h's checks hold for every source.

#include "VectorSourceFuzz.h"

#include "formats/VecsFile.h"

using namespace sextant;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    fuzzsupport::MemFile mem(bytes);
    for (formats::VecsElement element : {formats::VecsElement::Float32, formats::VecsElement::UInt8}) {
        auto source = formats::openVecsSource(mem.path(), element, {});
        if (!source.ok()) {
            if (source.error().message().isEmpty()) fuzzsupport::propertyFailed("an error without a message");
            continue;
        }
        const QList<Item> items = fuzzsupport::drainChecked(**source);
        // Every record is whole and of one size: the count is the file's.
        const int d = (*source)->shape().dimensions;
        if (d > 0 && (*source)->shape().items != bytes.size() / formats::vecsRecordBytes(element, d))
            fuzzsupport::propertyFailed("the announced count is not the file size over the record size");
    }
    return 0;
}
