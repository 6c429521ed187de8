#include "formats/HnswlibIndexFile.h"

#include "sextant/Schema.h"

#include <QtEndian>

#include <cstring>

namespace sextant::formats {

namespace {

constexpr quint64 kLinkBytes = 4;            // tableint and linklistsizeint are uint32
constexpr quint64 kLabelBytes = 8;           // labeltype is size_t
constexpr quint64 kMaxLinksPerLevel = 65535; // the link count is 16 bits

Error malformed(const QString &message)
{
    return Error(ErrorCode::MalformedInput,
                 QStringLiteral("hnswlib.index is not a valid hnswlib index: %1").arg(message));
}

quint64 u64(QByteArrayView file, quint64 at) { return qFromLittleEndian<quint64>(file.data() + at); }

quint32 u32(QByteArrayView file, quint64 at) { return qFromLittleEndian<quint32>(file.data() + at); }

quint64 blockStart(const HnswlibIndexLayout &layout, quint64 index)
{
    return quint64(kHnswlibHeaderBytes) + index * layout.sizeDataPerElement;
}

} // namespace

Result<HnswlibIndexLayout> parseHnswlibIndex(QByteArrayView file, int expectedDimensions)
{
    const quint64 size = quint64(file.size());
    if (size < quint64(kHnswlibHeaderBytes))
        return malformed(QStringLiteral("the file has %1 bytes, fewer than the 96 of its header.").arg(size));
    HnswlibIndexLayout l;
    l.offsetLevel0 = u64(file, 0);
    l.maxElements = u64(file, 8);
    l.elementCount = u64(file, 16);
    l.sizeDataPerElement = u64(file, 24);
    l.labelOffset = u64(file, 32);
    l.offsetData = u64(file, 40);
    l.maxLevel = qint32(u32(file, 48));
    l.enterPoint = u32(file, 52);
    l.maxM = u64(file, 56);
    l.maxM0 = u64(file, 64);
    l.m = u64(file, 72);
    std::memcpy(&l.mult, file.data() + 80, sizeof l.mult); // a double; only reported, never used
    l.efConstruction = u64(file, 88);

    // The level-0 block as hnswlib builds it: links, then data, then label.
    if (l.offsetLevel0 != 0)
        return malformed(QStringLiteral("offsetLevel0 is %1; hnswlib always writes 0.").arg(l.offsetLevel0));
    if (l.maxM0 < 1 || l.maxM0 > kMaxLinksPerLevel || l.maxM < 1 || l.maxM > l.maxM0)
        return malformed(
            QStringLiteral("its link counts maxM %1 and maxM0 %2 are impossible.").arg(l.maxM).arg(l.maxM0));
    if (l.offsetData != kLinkBytes + l.maxM0 * kLinkBytes)
        return malformed(QStringLiteral("offsetData is %1; with maxM0 %2 the links take %3 bytes.")
                             .arg(l.offsetData)
                             .arg(l.maxM0)
                             .arg(kLinkBytes + l.maxM0 * kLinkBytes));
    if (l.labelOffset <= l.offsetData || (l.labelOffset - l.offsetData) % sizeof(float) != 0 ||
        (l.labelOffset - l.offsetData) / sizeof(float) > quint64(Schema::kMaxDimensions))
        return malformed(
            QStringLiteral("label_offset %1 and offsetData %2 do not frame a vector of 1 to %3 float32 values.")
                .arg(l.labelOffset)
                .arg(l.offsetData)
                .arg(Schema::kMaxDimensions));
    l.dimensions = int((l.labelOffset - l.offsetData) / sizeof(float));
    if (l.sizeDataPerElement != l.labelOffset + kLabelBytes)
        return malformed(QStringLiteral("size_data_per_element is %1; links, vector and label take %2.")
                             .arg(l.sizeDataPerElement)
                             .arg(l.labelOffset + kLabelBytes));
    if (expectedDimensions > 0 && l.dimensions != expectedDimensions)
        return Error(
            ErrorCode::DimensionMismatch,
            QStringLiteral("hnswlib.index holds vectors of %1 dimensions, but args.json says numDimensions %2.")
                .arg(l.dimensions)
                .arg(expectedDimensions));
    if (l.elementCount > l.maxElements)
        return malformed(
            QStringLiteral("it counts %1 elements in room for %2.").arg(l.elementCount).arg(l.maxElements));
    // elementCount * sizeDataPerElement could overflow: compare by division.
    const quint64 afterHeader = size - quint64(kHnswlibHeaderBytes);
    if (l.elementCount > afterHeader / l.sizeDataPerElement)
        return malformed(
            QStringLiteral("%1 elements of %2 bytes do not fit in the %3 bytes after the header (the file is "
                           "truncated or its header is damaged).")
                .arg(l.elementCount)
                .arg(l.sizeDataPerElement)
                .arg(afterHeader));
    if (l.elementCount > 0 && (l.maxLevel < 0 || l.enterPoint >= l.elementCount))
        return malformed(QStringLiteral("its entry point %1 or top level %2 does not fit its %3 elements.")
                             .arg(l.enterPoint)
                             .arg(l.maxLevel)
                             .arg(l.elementCount));

    // Each element's level-0 link count must fit its block; then the upper
    // levels' link lists follow the blocks, one after the other.
    for (quint64 i = 0; i < l.elementCount; ++i) {
        const quint32 header = u32(file, blockStart(l, i));
        if ((header & 0xFFFF) > l.maxM0)
            return malformed(QStringLiteral("element %1 claims %2 level-0 links; at most %3 fit.")
                                 .arg(i)
                                 .arg(header & 0xFFFF)
                                 .arg(l.maxM0));
    }
    const quint64 upperListBytes = kLinkBytes + l.maxM * kLinkBytes; // one level's list
    quint64 at = blockStart(l, l.elementCount);
    for (quint64 i = 0; i < l.elementCount; ++i) {
        if (size - at < 4)
            return malformed(QStringLiteral("the file ends at byte %1, before the link lists of element %2 of %3.")
                                 .arg(size)
                                 .arg(i)
                                 .arg(l.elementCount));
        const quint32 bytes = u32(file, at);
        at += 4;
        if (bytes % upperListBytes != 0 || bytes / upperListBytes > quint64(std::max(l.maxLevel, 0)))
            return malformed(
                QStringLiteral("element %1 has %2 bytes of upper-level links at byte %3, not a whole number "
                               "of levels (of %4 bytes) up to the top level %5.")
                    .arg(i)
                    .arg(bytes)
                    .arg(at - 4)
                    .arg(upperListBytes)
                    .arg(l.maxLevel));
        if (size - at < bytes)
            return malformed(
                QStringLiteral("the upper-level links of element %1 (%2 bytes at byte %3) run past the end of "
                               "the file (%4 bytes).")
                    .arg(i)
                    .arg(bytes)
                    .arg(at)
                    .arg(size));
        at += bytes;
    }
    if (at != size)
        return malformed(
            QStringLiteral("%1 bytes follow the last element's links (at byte %2).").arg(size - at).arg(at));
    return l;
}

quint64 hnswlibLabel(QByteArrayView file, const HnswlibIndexLayout &layout, quint64 index)
{
    return u64(file, blockStart(layout, index) + layout.labelOffset);
}

bool hnswlibIsDeleted(QByteArrayView file, const HnswlibIndexLayout &layout, quint64 index)
{
    // hnswlib's DELETE_MARK: bit 0 of the third byte of the level-0 link header.
    return (static_cast<unsigned char>(file[qsizetype(blockStart(layout, index) + 2)]) & 0x01) != 0;
}

void hnswlibVector(QByteArrayView file, const HnswlibIndexLayout &layout, quint64 index, float *out)
{
    const char *p = file.data() + blockStart(layout, index) + layout.offsetData;
    for (int d = 0; d < layout.dimensions; ++d) {
        const quint32 bits = qFromLittleEndian<quint32>(p + 4 * d);
        std::memcpy(out + d, &bits, sizeof(float));
    }
}

} // namespace sextant::formats
