#pragma once
// Exports on the thread pool: JSON Lines, NumPy .npy (with an ids file),
// a Vectra folder, or a backup archive of the index folder (.tar.zst).
// Progress 0–1000 and cancel go through the future; a stream export writes
// through QSaveFile, so a cancelled or failed one leaves no file behind.

#include "sextant/Index.h"
#include "sextant/Export.h"

#include <QFuture>
#include <QString>
#include <memory>

namespace sextant::ui {

struct ExportRequest {
    formats::ExportFormat format = formats::ExportFormat::JsonLines;
    QString destination; // a file (jsonl, npy, archive) or a folder to create (vectra)
    QString idsFile;     // npy: where the ids go, one per line
};

struct ExportOutcome {
    bool ok = false;
    formats::ExportSummary summary;
    QString error; // a sentence
};

QFuture<ExportOutcome> startExportTask(std::shared_ptr<Index> index, const ExportRequest &request);

// "JSON Lines", "NumPy array (.npy) and ids", "Vectra index folder", "Backup archive (.tar.zst)"
QString exportFormatTitle(formats::ExportFormat format);
// The default destination beside `indexPath` for a format, and the ids
// file that goes with an .npy.
QString defaultExportPath(const QString &indexPath, formats::ExportFormat format);
QString idsFileFor(const QString &npyPath);
// "Exported 5,000 items (1.2 MB) to /path." and its notes.
QString exportResultSentence(const ExportOutcome &outcome);

} // namespace sextant::ui
