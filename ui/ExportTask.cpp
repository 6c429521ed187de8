#include "ExportTask.h"

#include "ErrorText.h"
#include "Format.h"
#include "sextant/Backup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace sextant::ui {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ExportTask)
};

QString cannotWrite(const QString &path, const QString &why)
{
    return Text::tr("Sextant could not write %1: %2").arg(QDir::toNativeSeparators(path), why);
}

// A stream export into `path` through QSaveFile: committed only when the
// export succeeded and was not cancelled.
Result<formats::ExportSummary> exportStream(const Index &index, const ExportRequest &request,
                                            const formats::ExportProgress &progress)
{
    QSaveFile out(request.destination);
    if (!out.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, cannotWrite(request.destination, out.errorString()));
    std::unique_ptr<QSaveFile> ids;
    if (request.format == formats::ExportFormat::Npy && !request.idsFile.isEmpty()) {
        ids = std::make_unique<QSaveFile>(request.idsFile);
        if (!ids->open(QIODevice::WriteOnly))
            return Error(ErrorCode::Io, cannotWrite(request.idsFile, ids->errorString()));
    }
    Result<formats::ExportSummary> summary = request.format == formats::ExportFormat::Npy
                                                 ? formats::exportNpy(index, out, ids.get(), progress)
                                                 : formats::exportJsonLines(index, out, progress);
    if (!summary.ok()) {
        out.cancelWriting();
        if (ids) ids->cancelWriting();
        return summary;
    }
    if (ids && !ids->commit()) return Error(ErrorCode::Io, cannotWrite(request.idsFile, ids->errorString()));
    if (!out.commit()) return Error(ErrorCode::Io, cannotWrite(request.destination, out.errorString()));
    if (ids)
        summary->notes << Text::tr("The ids, one per line in the order of the rows, are in %1.")
                              .arg(QDir::toNativeSeparators(request.idsFile));
    return summary;
}

} // namespace

QFuture<ExportOutcome> startExportTask(std::shared_ptr<Index> index, const ExportRequest &request)
{
    return QtConcurrent::run([index, request](QPromise<ExportOutcome> &promise) {
        promise.setProgressRange(0, 1000);
        const formats::ExportProgress progress = [&promise](qint64 done, qint64 total) {
            if (total > 0) promise.setProgressValue(int(std::min<qint64>(1000, done * 1000 / total)));
            return !promise.isCanceled();
        };
        ExportOutcome out;
        switch (request.format) {
        case formats::ExportFormat::JsonLines:
        case formats::ExportFormat::Npy:
        case formats::ExportFormat::Vectra: {
            Result<formats::ExportSummary> r = request.format == formats::ExportFormat::Vectra
                                                   ? formats::exportVectra(*index, request.destination, progress)
                                                   : exportStream(*index, request, progress);
            out.ok = r.ok();
            if (r.ok())
                out.summary = r.takeValue();
            else
                out.error = userMessageText(r.error(), ErrorContext::Export);
            break;
        }
        case formats::ExportFormat::Archive: {
            Result<archives::BackupSummary> r =
                archives::writeBackupArchive(index->path(), request.destination, progress);
            out.ok = r.ok();
            if (r.ok()) {
                out.summary.destination = r->file;
                out.summary.bytes = r->archiveBytes;
                out.summary.notes << Text::tr("%n file(s) of the index folder, %1 before compression.", nullptr,
                                              r->files)
                                         .arg(formatBytes(r->bytes));
            } else {
                out.error = userMessageText(r.error(), ErrorContext::Export);
            }
            break;
        }
        }
        if (out.summary.destination.isEmpty()) out.summary.destination = request.destination;
        promise.addResult(out);
    });
}

QString exportFormatTitle(formats::ExportFormat format)
{
    switch (format) {
    case formats::ExportFormat::JsonLines: return Text::tr("JSON Lines (.jsonl)");
    case formats::ExportFormat::Npy: return Text::tr("NumPy array (.npy) and its ids");
    case formats::ExportFormat::Vectra: return Text::tr("Vectra index folder");
    case formats::ExportFormat::Archive: return Text::tr("Backup archive (.tar.zst)");
    }
    return {};
}

QString defaultExportPath(const QString &indexPath, formats::ExportFormat format)
{
    const QString base = QDir::cleanPath(indexPath);
    switch (format) {
    case formats::ExportFormat::JsonLines: return base + QStringLiteral(".jsonl");
    case formats::ExportFormat::Npy: return base + QStringLiteral(".npy");
    case formats::ExportFormat::Vectra: return base + QStringLiteral("-vectra");
    case formats::ExportFormat::Archive: return archives::defaultBackupPath(indexPath);
    }
    return base;
}

QString idsFileFor(const QString &npyPath)
{
    QString stem = npyPath;
    if (stem.endsWith(QLatin1String(".npy"), Qt::CaseInsensitive)) stem.chop(4);
    return stem + QStringLiteral(".ids.txt");
}

QString exportResultSentence(const ExportOutcome &outcome)
{
    if (!outcome.ok) return Text::tr("The export failed: %1").arg(outcome.error);
    const formats::ExportSummary &s = outcome.summary;
    QString text = s.items > 0 || s.bytes == 0
                       ? Text::tr("Exported %n item(s) (%1) to %2.", nullptr, int(std::min<qint64>(s.items, INT_MAX)))
                             .arg(formatBytes(s.bytes), QDir::toNativeSeparators(s.destination))
                       : Text::tr("Wrote %1 to %2.").arg(formatBytes(s.bytes), QDir::toNativeSeparators(s.destination));
    for (const QString &note : s.notes)
        text += QLatin1Char(' ') + note;
    return text;
}

} // namespace sextant::ui
