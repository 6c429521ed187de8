// Fuzz target: the query-vector parser of `sextant-cli query --vector` and
// the GUI's Query view (core/QueryVector.h): a JSON array of finite float32
// numbers.

#include "FuzzSupport.h"

#include "sextant/QueryVector.h"

#include <cmath>

using namespace sextant;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<QVector<float>> v = parseQueryVector(text, QStringLiteral("the fuzzer"));
    if (!v.ok()) {
        if (v.error().message().isEmpty()) fuzzsupport::propertyFailed("an error without a message");
        return 0;
    }
    if (v->isEmpty()) fuzzsupport::propertyFailed("an empty vector was accepted");
    for (float f : *v)
        if (!std::isfinite(f)) fuzzsupport::propertyFailed("a non-finite element was accepted");
    return 0;
}
