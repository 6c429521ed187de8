#pragma once
// An index out to other tools' formats. Each export pages through the items
// in id order on the caller's thread (a worker's); writes made while it runs
// may or may not be in it, as with `sextant-cli export`.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Index.h"

#include <QIODevice>
#include <QString>
#include <functional>

namespace sextant::formats {

enum class ExportFormat { JsonLines, Vectra, Npy, Archive };
SEXTANT_API QString exportFormatName(ExportFormat format); // "jsonl", "vectra", "npy", "archive"
SEXTANT_API std::optional<ExportFormat> exportFormatFromName(const QString &name);
// JSON Lines and .npy are one stream each (they can go to standard output).
SEXTANT_API bool exportFormatIsStream(ExportFormat format);

struct SEXTANT_API ExportSummary {
    qint64 items = 0;
    qint64 bytes = 0;
    QString destination;
    QStringList notes; // e.g. where the ids of an .npy went
};

using ExportProgress = std::function<bool(qint64 done, qint64 total)>; // false cancels

// One JSON line per item (sextant/JsonLines.h), in id order.
SEXTANT_API Result<ExportSummary> exportJsonLines(const Index &index, QIODevice &out,
                                                  const ExportProgress &progress = {});
// The vectors as a float32 (items × dimensions) .npy, in id order; the ids,
// one per line in the same order, to `ids` when it is not null.
SEXTANT_API Result<ExportSummary> exportNpy(const Index &index, QIODevice &out, QIODevice *ids,
                                            const ExportProgress &progress = {});
// A Vectra LocalIndex folder (must not hold an index yet) that Vectra opens
// and queries: the schema's declared fields become metadata_config.indexed.
SEXTANT_API Result<ExportSummary> exportVectra(const Index &index, const QString &folder,
                                               const ExportProgress &progress = {});

} // namespace sextant::formats
