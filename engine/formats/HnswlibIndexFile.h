#pragma once
// The file hnswlib's HierarchicalNSW::saveIndex writes (hnswlib 0.6.2, the
// layout LangChain.js's HNSWLib store saves as hnswlib.index), read without
// hnswlib: loadIndex trusts every size in the file and reads out of bounds
// on a damaged one. Layout (x86-64, little-endian, no magic, no checksum):
//
//   96-byte header: offsetLevel0, max_elements, cur_element_count,
//     size_data_per_element, label_offset, offsetData (6 x uint64),
//     maxlevel (int32), enterpoint_node (uint32), maxM, maxM0, M (3 x
//     uint64), mult (double), ef_construction (uint64);
//   cur_element_count level-0 blocks of size_data_per_element bytes: a
//     uint32 link header (low 16 bits: link count; byte 2, bit 0: deleted),
//     maxM0 uint32 links, the vector (dim float32), the label (uint64);
//   for each element, a uint32 byte count of its upper-level links, then
//     that many bytes (levels x (maxM + 1) uint32).
//
// Every size is checked against the file before anything is read.

#include "sextant/Error.h"

#include <QByteArrayView>

namespace sextant::formats {

constexpr qint64 kHnswlibHeaderBytes = 96;

struct HnswlibIndexLayout {
    quint64 offsetLevel0 = 0;
    quint64 maxElements = 0;
    quint64 elementCount = 0;
    quint64 sizeDataPerElement = 0;
    quint64 labelOffset = 0;
    quint64 offsetData = 0;
    qint32 maxLevel = -1;
    quint32 enterPoint = 0;
    quint64 maxM = 0;
    quint64 maxM0 = 0;
    quint64 m = 0;
    double mult = 0;
    quint64 efConstruction = 0;
    int dimensions = 0; // (label_offset - offsetData) / 4
};

// Checks the whole file's structure (header consistency, every level-0
// block and link list within the file, nothing after the last one) and
// returns its layout. `expectedDimensions` > 0 must match the vectors'.
Result<HnswlibIndexLayout> parseHnswlibIndex(QByteArrayView file, int expectedDimensions = 0);

// Element `index` (< elementCount) of a file parseHnswlibIndex accepted.
quint64 hnswlibLabel(QByteArrayView file, const HnswlibIndexLayout &layout, quint64 index);
bool hnswlibIsDeleted(QByteArrayView file, const HnswlibIndexLayout &layout, quint64 index);
// Copies the element's `dimensions` floats to `out`.
void hnswlibVector(QByteArrayView file, const HnswlibIndexLayout &layout, quint64 index, float *out);

} // namespace sextant::formats
