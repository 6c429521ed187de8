#pragma once
// Vectra folders as a VectorSource: a LocalIndex (readVectraFolder), and a
// LocalDocumentIndex, whose chunks get their document's uri, title and text
// back (docs/vector-files.md).

#include "sextant/VectorSource.h"

#include <QJsonObject>

namespace sextant::formats {

// What a LocalDocumentIndex chunk's metadata gains: "uri", "title" (the
// uri's last path segment), "start" and "end" (UTF-16 offsets into the
// document, end exclusive) and "text" (that slice of `documentText`). Keys
// the chunk already has are kept as they are. `documentText` null means the
// document's text could not be read; then only uri and title are added.
// Returns an error sentence for offsets that do not fit the text (the
// other keys are still added), or an empty string.
QString addChunkContext(QJsonObject &metadata, const QString &uri, const QString *documentText);

// The last path segment of a uri or file path ("https://x.org/a/b.md?q" -> "b.md").
QString uriTitle(const QString &uri);

Result<std::unique_ptr<VectorSource>> openVectraSource(const QString &folder, const SourceOptions &options);

} // namespace sextant::formats
