// Fuzz target: NumPy .npy files (engine/include/sextant/NumpyFile.h). parseNpyHeader on
// the raw bytes, then the .npy source to its end (VectorSourceFuzz.h's
// checks), and what it read must come back bit for bit through NpyWriter
// and the reader again.

#include "VectorSourceFuzz.h"

#include "sextant/NumpyFile.h"

#include <QBuffer>

#include <cstring>

using namespace sextant;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<formats::NpyHeader> header = formats::parseNpyHeader(bytes);
    if (header.ok() && (header->dataOffset > bytes.size() || header->dataOffset < 10))
        fuzzsupport::propertyFailed("a header that ends outside the input");

    fuzzsupport::MemFile mem(bytes);
    formats::SourceOptions options;
    options.idPrefix = QStringLiteral("r");
    auto source = formats::openNpySource(mem.path(), options);
    if (!source.ok()) {
        if (source.error().message().isEmpty()) fuzzsupport::propertyFailed("an error without a message");
        return 0;
    }
    const QList<Item> items = fuzzsupport::drainChecked(**source);
    if (items.isEmpty()) return 0;

    // Round trip: write what was read, read it again.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    formats::NpyWriter writer(&buffer, items.size(), (*source)->shape().dimensions);
    for (const Item &item : items)
        if (writer.append(item.vector)) fuzzsupport::propertyFailed("NpyWriter refused a row the reader gave");
    if (writer.finish()) fuzzsupport::propertyFailed("NpyWriter did not finish");
    fuzzsupport::MemFile again(buffer.data());
    auto reread = formats::openNpySource(again.path(), options);
    if (!reread.ok()) fuzzsupport::propertyFailed("a written .npy does not open");
    const QList<Item> back = fuzzsupport::drainChecked(**reread);
    if (back.size() != items.size()) fuzzsupport::propertyFailed("a written .npy has another row count");
    for (qsizetype i = 0; i < items.size(); ++i)
        if (std::memcmp(back[i].vector.constData(), items[i].vector.constData(),
                        size_t(items[i].vector.size()) * sizeof(float)) != 0)
            fuzzsupport::propertyFailed("a row changed through NpyWriter");
    return 0;
}
