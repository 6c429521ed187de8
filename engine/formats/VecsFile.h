#pragma once
// The .fvecs and .bvecs files of the ANN benchmarks (TEXMEX: SIFT, GIST):
// each vector is a little-endian int32 dimension d followed by d float32
// (.fvecs) or d uint8 (.bvecs) values. There is no header; every record
// must have the same d (docs/vector-files.md).

#include "sextant/VectorSource.h"

namespace sextant::formats {

enum class VecsElement { Float32, UInt8 };

// Size of one record of `dimensions` values.
qint64 vecsRecordBytes(VecsElement element, int dimensions);

Result<std::unique_ptr<VectorSource>> openVecsSource(const QString &path, VecsElement element,
                                                     const SourceOptions &options);

} // namespace sextant::formats
