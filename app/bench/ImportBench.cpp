// sextant-bench import: documents per second and MB/s with the built-in
// embedder over a folder of real text (default /usr/share/doc), the same
// folder again (every document unchanged), and vectors per second from a
// generated .npy file.

#include "BenchSupport.h"

#include "sextant/Index.h"
#include "sextant/DocumentImport.h"
#include "sextant/DocumentText.h"
#include "sextant/HashingEmbedder.h"
#include "sextant/NumpyFile.h"
#include "sextant/VectorImport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace sextant::bench {

namespace {

// The first `limit` document files under `folder`, in name order, so that
// two runs read the same files.
QStringList documentFiles(const QString &folder, int limit, qint64 *bytes)
{
    QStringList all;
    QDirIterator it(folder, QDir::Files | QDir::NoSymLinks | QDir::Readable, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (documents::isDocumentFileName(QFileInfo(path).fileName())) all << path;
    }
    all.sort();
    if (all.size() > limit) all.resize(limit);
    *bytes = 0;
    for (const QString &path : std::as_const(all))
        *bytes += QFileInfo(path).size();
    return all;
}

QJsonObject documentsRun(Index &index, embed::Embedder &embedder, const QStringList &files, const QString &label)
{
    Stopwatch watch;
    const documents::DocumentImportSummary s = documents::importDocuments(index, embedder, files);
    const double seconds = watch.elapsedSeconds();
    const double documents = double(s.added + s.replaced + s.unchanged);
    const double mb = double(s.bytesRead) / 1e6;
    QJsonObject out{{QStringLiteral("run"), label},
                    {QStringLiteral("files"), int(files.size())},
                    {QStringLiteral("added"), s.added},
                    {QStringLiteral("replaced"), s.replaced},
                    {QStringLiteral("unchanged"), s.unchanged},
                    {QStringLiteral("failed"), s.failed},
                    {QStringLiteral("chunks_written"), double(s.chunksWritten)},
                    {QStringLiteral("mb_read"), mb},
                    {QStringLiteral("seconds"), seconds},
                    {QStringLiteral("documents_per_s"), seconds > 0 ? documents / seconds : 0},
                    {QStringLiteral("mb_per_s"), seconds > 0 ? mb / seconds : 0},
                    {QStringLiteral("chunks_per_s"), seconds > 0 ? double(s.chunksWritten) / seconds : 0},
                    {QStringLiteral("cpu"), watch.cpuJson()}};
    if (s.error) out.insert(QStringLiteral("error"), s.error.message());
    QJsonObject reasons;
    for (const documents::DocumentReport &r : s.documents)
        if (r.outcome == documents::DocumentOutcome::Failed) {
            const QString key = r.reason.left(60);
            reasons.insert(key, reasons.value(key).toInt() + 1);
        }
    if (!reasons.isEmpty()) out.insert(QStringLiteral("failure_reasons"), reasons);
    return out;
}

} // namespace

int runImportBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Import: documents/s and MB/s with the built-in embedder; vectors/s from .npy."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("docs"), QStringLiteral("Folder of documents (default /usr/share/doc)."),
         QStringLiteral("folder")},
        {QStringLiteral("max-files"), QStringLiteral("At most this many documents (default 3000; --quick 300)."),
         QStringLiteral("n")},
        {QStringLiteral("n"), QStringLiteral("Vectors in the generated .npy (default 200000; --quick 50000)."),
         QStringLiteral("count")},
        {QStringLiteral("dims"), QStringLiteral("Their dimensions (default 384)."), QStringLiteral("d")},
    });
    parser.process(args);
    const CommonOptions common = commonOptions(parser);
    setPrettyOutput(common.pretty);
    const QString docs = parser.value(QStringLiteral("docs")).isEmpty() ? QStringLiteral("/usr/share/doc")
                                                                        : parser.value(QStringLiteral("docs"));
    const int maxFiles = parser.value(QStringLiteral("max-files")).isEmpty()
                             ? (common.quick ? 300 : 3000)
                             : parser.value(QStringLiteral("max-files")).toInt();
    const qint64 n = parser.value(QStringLiteral("n")).isEmpty() ? (common.quick ? 50000 : 200000)
                                                                 : parser.value(QStringLiteral("n")).toLongLong();
    const int dims =
        parser.value(QStringLiteral("dims")).isEmpty() ? 384 : parser.value(QStringLiteral("dims")).toInt();

    QTemporaryDir scratch((common.dir.isEmpty() ? QDir::tempPath() : common.dir) +
                          QStringLiteral("/sextant-bench-import-XXXXXX"));
    scratch.setAutoRemove(!common.keep);
    QJsonObject out{{QStringLiteral("bench"), QStringLiteral("import")},
                    {QStringLiteral("machine"), machineInfo(scratch.path())}};

    // ---- documents
    qint64 bytes = 0;
    const QStringList files = documentFiles(docs, maxFiles, &bytes);
    progress(QStringLiteral("documents: %1 files, %2 MB under %3")
                 .arg(files.size())
                 .arg(double(bytes) / 1e6, 0, 'f', 1)
                 .arg(docs));
    warmPageCache(docs);
    embed::HashingEmbedder embedder;
    Schema schema;
    schema.dimensions = embedder.dimensions();
    schema.embedder = embedder.id();
    {
        auto index = Index::create(scratch.filePath(QStringLiteral("docs")), schema);
        if (!index.ok()) {
            progress(index.error().message());
            return 2;
        }
        QJsonArray runs;
        runs.append(documentsRun(**index, embedder, files, QStringLiteral("first import")));
        progress(QStringLiteral("documents: again, unchanged"));
        runs.append(documentsRun(**index, embedder, files, QStringLiteral("again, unchanged")));
        out.insert(QStringLiteral("documents"), QJsonObject{{QStringLiteral("folder"), docs},
                                                            {QStringLiteral("embedder"), embedder.id()},
                                                            {QStringLiteral("runs"), runs}});
        (*index)->close();
    }

    // ---- vectors from .npy
    const QString npy = scratch.filePath(QStringLiteral("vectors.npy"));
    {
        progress(QStringLiteral("npy: writing %1 x %2").arg(n).arg(dims));
        QFile file(npy);
        file.open(QIODevice::WriteOnly);
        formats::NpyWriter writer(&file, n, dims);
        bench::VectorSource data(common.seed);
        for (qint64 i = 0; i < n; ++i) {
            const QVector<float> v = data.next(dims);
            writer.append(std::span<const float>(v.constData(), size_t(v.size())));
        }
        writer.finish();
    }
    {
        Schema vectors;
        vectors.dimensions = dims;
        auto index = Index::create(scratch.filePath(QStringLiteral("npy")), vectors);
        auto source = formats::openVectorSource(npy);
        if (!index.ok() || !source.ok()) {
            progress(QStringLiteral("npy: could not start"));
            return 2;
        }
        progress(QStringLiteral("npy: importing"));
        Stopwatch watch;
        formats::VectorImportOptions options;
        options.batchSize = 10000;
        const formats::VectorImportSummary s = formats::importVectors(**index, **source, options);
        const double seconds = watch.elapsedSeconds();
        const double mb = double(QFileInfo(npy).size()) / 1e6;
        out.insert(QStringLiteral("npy"),
                   QJsonObject{{QStringLiteral("vectors"), double(n)},
                               {QStringLiteral("dims"), dims},
                               {QStringLiteral("file_mb"), mb},
                               {QStringLiteral("imported"), double(s.written)},
                               {QStringLiteral("seconds"), seconds},
                               {QStringLiteral("vectors_per_s"), seconds > 0 ? double(s.written) / seconds : 0},
                               {QStringLiteral("mb_per_s"), seconds > 0 ? mb / seconds : 0},
                               {QStringLiteral("cpu"), watch.cpuJson()}});
        (*index)->close();
    }
    if (common.keep) out.insert(QStringLiteral("scratch"), scratch.path());
    emitJson(out);
    return 0;
}

} // namespace sextant::bench
