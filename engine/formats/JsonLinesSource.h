#pragma once
// JSON Lines files as a VectorSource: one parseJsonLine record per line,
// streamed (docs/vector-files.md). Internal to engine/io.

#include "sextant/VectorSource.h"

namespace sextant::formats {

Result<std::unique_ptr<VectorSource>> openJsonLinesSource(const QString &path, const SourceOptions &options);

} // namespace sextant::formats
