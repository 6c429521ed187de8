#include "DemoIndex.h"

#include "sextant/DocumentImport.h"
#include "sextant/EmbedderChoice.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QSaveFile>
#include <QtConcurrent>

namespace sextant::ui {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DemoIndex)
};
} // namespace

QString defaultDemoIndexPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("demo"));
}

QString demoTextsFolder(const QString &indexPath) { return QDir::cleanPath(indexPath) + QStringLiteral("-texts"); }

QStringList demoTextResources()
{
    QStringList names;
    QDirIterator it(QStringLiteral(":/demo"), QDir::Files);
    while (it.hasNext())
        names << it.next();
    names.sort();
    return names;
}

QString demoExampleQuery() { return Text::tr("how do sailors find their position at night"); }

DemoCreation createDemoIndex(const QString &path, QPromise<DemoCreation> *promise)
{
    QElapsedTimer timer;
    timer.start();
    DemoCreation out;
    auto cancelled = [promise]() { return promise && promise->isCanceled(); };
    if (promise) promise->setProgressRange(0, 1000);

    const QDir dir(path);
    const bool folderWasEmpty =
        !dir.exists() || dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    if (!folderWasEmpty && Index::looksLikeIndex(path)) {
        out.existed = true;
        return out;
    }

    // The texts as files beside the index (the importer reads files, and a
    // document's uri is its file URL): in a folder of their own that stays,
    // so the uris lead to real files and the ids are the same every time.
    const QString textsPath = demoTextsFolder(path);
    const bool textsFolderIsNew = !QFileInfo::exists(textsPath);
    auto removeWhatWasMade = [&]() {
        if (folderWasEmpty) QDir(path).removeRecursively();
        if (textsFolderIsNew) QDir(textsPath).removeRecursively();
    };
    if (!QDir().mkpath(textsPath)) {
        out.error = Error(ErrorCode::Io, Text::tr("Could not make the folder %1 for the demo texts.").arg(textsPath),
                          textsPath);
        return out;
    }
    QStringList files;
    for (const QString &resource : demoTextResources()) {
        const QString target = QDir(textsPath).filePath(QFileInfo(resource).fileName());
        QFile in(resource);
        QSaveFile file(target);
        if (!in.open(QIODevice::ReadOnly) || !file.open(QIODevice::WriteOnly) || file.write(in.readAll()) < 0 ||
            !file.commit()) {
            out.error = Error(ErrorCode::Io,
                              Text::tr("Could not write the demo text %1: %2").arg(target, file.errorString()), target);
            removeWhatWasMade();
            return out;
        }
        files << target;
    }
    if (files.isEmpty()) {
        out.error = Error(ErrorCode::NotFound, Text::tr("This build of Sextant carries no demo texts."));
        return out;
    }

    Result<std::unique_ptr<embed::Embedder>> embedder = embed::embedderFromSpec(QStringLiteral("hash"));
    if (!embedder.ok()) {
        out.error = embedder.error();
        return out;
    }
    Schema schema;
    schema.dimensions = (*embedder)->dimensions();
    schema.metric = Metric::Cosine;
    schema.embedder = (*embedder)->id();
    OpenOptions options;
    options.applicationName = QStringLiteral("sextant");
    Result<std::shared_ptr<Index>> created = Index::create(path, schema, Durability::Full, options);
    if (!created.ok()) {
        out.error = created.error();
        return out;
    }
    std::shared_ptr<Index> index = created.takeValue();

    documents::ImportCallbacks callbacks;
    callbacks.progress = [&](const documents::ImportProgress &p) {
        if (promise) {
            int value = 0;
            if (p.totalBytes > 0)
                value = int(std::min<qint64>(1000, p.doneBytes * 1000 / p.totalBytes));
            else if (p.totalFiles > 0)
                value = std::min(1000, p.doneFiles * 1000 / p.totalFiles);
            promise->setProgressValue(value);
        }
        return !cancelled();
    };
    const documents::DocumentImportSummary summary =
        documents::importDocuments(*index, **embedder, files, {}, callbacks);
    out.documents = summary.added + summary.replaced;
    out.chunks = summary.chunksWritten;
    out.cancelled = summary.cancelled || cancelled();
    if (!summary.error.ok())
        out.error = summary.error;
    else if (summary.failed > 0) {
        for (const documents::DocumentReport &d : summary.documents)
            if (d.outcome == documents::DocumentOutcome::Failed) {
                out.error = Error(ErrorCode::MalformedInput,
                                  Text::tr("The demo text %1 could not be imported: %2").arg(d.uri, d.reason));
                break;
            }
    }
    if (out.cancelled && out.error.ok())
        out.error = Error(ErrorCode::Cancelled, Text::tr("Creating the demo index was cancelled."));

    if (!out.error.ok()) {
        // A half-made demo would be taken for the demo next time: remove it.
        index->close();
        index.reset();
        removeWhatWasMade();
        return out;
    }
    if (promise) promise->setProgressValue(1000);
    out.index = std::move(index);
    out.seconds = double(timer.nsecsElapsed()) / 1e9;
    return out;
}

QFuture<DemoCreation> createDemoIndexAsync(const QString &path)
{
    return QtConcurrent::run(
        [path](QPromise<DemoCreation> &promise) { promise.addResult(createDemoIndex(path, &promise)); });
}

} // namespace sextant::ui
