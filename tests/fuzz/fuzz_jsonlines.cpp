// Fuzz target: the JSON Lines item parser used by `import`, `insert` and
// the GUI's drop import (engine/include/sextant/JsonLines.h). Each line of the input is
// one record; a record that parses must come back the same through
// itemToJsonLine (the exporter), bit for bit in its vector.

#include "FuzzSupport.h"

#include "sextant/JsonLines.h"

#include <cstring>

using namespace sextant;

namespace {

bool sameItem(const Item &a, const Item &b)
{
    // Bit for bit, so -0 and 0 differ; memcmp only on data: an empty
    // vector (refused later, by the schema) has none.
    return a.id == b.id && a.vector.size() == b.vector.size() &&
           (a.vector.isEmpty() ||
            std::memcmp(a.vector.constData(), b.vector.constData(), size_t(a.vector.size()) * sizeof(float)) == 0) &&
           a.metadata == b.metadata;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QByteArray exported;
    qsizetype exportedLines = 0;
    for (const QByteArray &line : bytes.split('\n')) {
        if (formats::isBlankLine(line)) continue;
        const Result<Item> item = formats::parseJsonLine(line);
        if (!item.ok()) {
            if (item.error().message().isEmpty()) fuzzsupport::propertyFailed("an error without a message");
            continue;
        }
        const QByteArray written = formats::itemToJsonLine(*item);
        if (written.contains('\n')) fuzzsupport::propertyFailed("an exported record spans lines");
        const Result<Item> back = formats::parseJsonLine(written);
        if (!back.ok()) fuzzsupport::propertyFailed("an exported record does not parse");
        if (!sameItem(*item, *back)) fuzzsupport::propertyFailed("a record changes through export and import");
        formats::appendJsonLine(exported, *item);
        ++exportedLines;
    }
    // The bulk form is the single-record form plus a newline each.
    if (exported.count('\n') != exportedLines) fuzzsupport::propertyFailed("appendJsonLine wrote another line count");
    return 0;
}
