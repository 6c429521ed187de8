// sextant-bench text-vectors: a real-text vector data set for `sextant-bench
// search`, rebuilt by anyone from the text files of their own machine.
//
// It walks a folder (default /usr/share/doc) for documents: the files the
// document importer takes (docs/documents.md: text, Markdown, HTML, code,
// README, changelog, ...) and the gzip-compressed ones among them
// (changelog.Debian.gz, README.gz, NEWS.gz, ...; decompressed with
// libarchive, at most 64 MB each), plus the Debian "copyright" files. It
// visits them in an order shuffled with --seed (so a data set smaller than
// the corpus samples every package, not those early in the alphabet), cuts
// each text into chunks exactly as `sextant-cli import --docs` does (1,000
// characters, 150 shared with the chunk before, at the document's own
// breaks), embeds every chunk with the built-in hashing embedder (384
// dimensions), and drops chunks whose vector equals one already taken (the
// same licence text in hundreds of copyright files would otherwise make
// ties that no search can rank), until it has --n vectors. The rows are then
// shuffled with --seed, so the last rows, which `sextant-bench search` holds
// out as queries, are a sample of the whole set, and written as a float32
// .npy. Beside it, FILE.sources.tsv names each row's file and character
// range. The same folder, options and build give the same bytes (its SHA-256
// is printed).

#include "BenchSupport.h"

#include "sextant/Chunker.h"
#include "sextant/DocumentText.h"
#include "sextant/HashingEmbedder.h"
#include "sextant/NumpyFile.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QtConcurrent>

#include <archive.h>
#include <archive_entry.h>

#include <random>

namespace sextant::bench {

namespace {

constexpr qint64 kMaxDocumentBytes = 64ll << 20;

// The name a document goes by for the importer's type rules: "changelog.gz"
// is a changelog; "changelog.Debian", "NEWS.Debian" and "copyright" are
// plain text whatever their extension says.
QString documentName(const QString &fileName)
{
    QString name = fileName;
    if (name.endsWith(QLatin1String(".gz"))) name.chop(3);
    if (documents::isDocumentFileName(name)) return name;
    const QString lower = name.toLower();
    for (const char *prefix : {"changelog", "news", "readme", "copyright", "changes"})
        if (lower.startsWith(QLatin1String(prefix))) return name + QStringLiteral(".txt");
    return {};
}

// The bytes of a gzip file, decompressed; empty with *error set when it is
// not one or is over the limit.
QByteArray gunzip(const QString &path, QString *error)
{
    archive *a = archive_read_new();
    archive_read_support_filter_gzip(a);
    archive_read_support_format_raw(a);
    QByteArray out;
    archive_entry *entry = nullptr;
    if (archive_read_open_filename(a, QFile::encodeName(path).constData(), 1 << 16) != ARCHIVE_OK ||
        archive_read_next_header(a, &entry) != ARCHIVE_OK || archive_filter_code(a, 0) != ARCHIVE_FILTER_GZIP) {
        *error = QStringLiteral("not a gzip file");
        archive_read_free(a);
        return {};
    }
    char buf[1 << 16];
    for (;;) {
        const la_ssize_t got = archive_read_data(a, buf, sizeof buf);
        if (got < 0) {
            *error = QString::fromLocal8Bit(archive_error_string(a));
            out.clear();
            break;
        }
        if (got == 0) break;
        if (out.size() + got > kMaxDocumentBytes) {
            *error = QStringLiteral("over 64 MB decompressed");
            out.clear();
            break;
        }
        out.append(buf, got);
    }
    archive_read_free(a);
    return out;
}

struct Piece {
    QString file;
    qsizetype start = 0, end = 0;
    QString text;
};

} // namespace

int runTextVectors(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Text vectors: chunks of the documents under a folder (default /usr/share/doc, .gz included), embedded with "
        "the built-in hashing embedder, duplicates dropped, shuffled, written as .npy for `sextant-bench search "
        "--base`."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("out"), QStringLiteral("The .npy file to write (required; an existing file is not replaced)."),
         QStringLiteral("file")},
        {QStringLiteral("docs"), QStringLiteral("Folder of documents (default /usr/share/doc)."),
         QStringLiteral("folder")},
        {QStringLiteral("n"),
         QStringLiteral("Rows to write (default 101000: 100,000 items and 1,000 queries; --quick 5000)."),
         QStringLiteral("count")},
        {QStringLiteral("chunk-size"), QStringLiteral("Characters per chunk (default 1000, as import --docs)."),
         QStringLiteral("chars")},
        {QStringLiteral("overlap"),
         QStringLiteral("Characters shared with the chunk before (default 150, as import --docs)."),
         QStringLiteral("chars")},
    });
    parser.process(args);
    const CommonOptions common = commonOptions(parser);
    setPrettyOutput(common.pretty);
    auto intOpt = [&](const char *name, qint64 def, qint64 min) -> qint64 {
        const QString v = parser.value(QLatin1String(name));
        if (v.isEmpty()) return def;
        bool ok = false;
        const qint64 x = v.toLongLong(&ok);
        if (!ok || x < min) {
            std::fprintf(stderr,
                         "sextant-bench text-vectors: --%s: expected a whole number of at least %lld, got '%s'\n", name,
                         qlonglong(min), qPrintable(v));
            std::exit(2);
        }
        return x;
    };
    const QString outPath = parser.value(QStringLiteral("out"));
    if (outPath.isEmpty() || !outPath.endsWith(QLatin1String(".npy"))) {
        std::fprintf(stderr, "sextant-bench text-vectors: --out FILE.npy is required\n");
        return 2;
    }
    if (QFileInfo::exists(outPath)) {
        std::fprintf(stderr, "sextant-bench text-vectors: %s exists; it is not replaced\n", qPrintable(outPath));
        return 2;
    }
    const QString docs = parser.value(QStringLiteral("docs")).isEmpty() ? QStringLiteral("/usr/share/doc")
                                                                        : parser.value(QStringLiteral("docs"));
    const qint64 rows = intOpt("n", common.quick ? 5000 : 101000, 1);
    documents::ChunkOptions chunking;
    chunking.size = int(intOpt("chunk-size", 1000, 50));
    chunking.overlap = int(intOpt("overlap", 150, 0));

    Stopwatch watch;
    // ---- the documents, in a seeded shuffled order
    QStringList files;
    {
        QDirIterator it(docs, QDir::Files | QDir::NoSymLinks | QDir::Readable, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!documentName(QFileInfo(path).fileName()).isEmpty()) files << path;
        }
    }
    files.sort();
    std::mt19937_64 rng(common.seed);
    std::shuffle(files.begin(), files.end(), rng);
    progress(QStringLiteral("%1 document files under %2").arg(files.size()).arg(docs));

    embed::HashingEmbedder embedder;
    const int dims = embedder.dimensions();
    QSet<QByteArray> seenTexts, seenVectors;
    std::vector<float> vectors;
    vectors.reserve(size_t(rows) * size_t(dims));
    std::vector<Piece> pieces;
    qint64 filesUsed = 0, filesFailed = 0, chunks = 0, duplicateTexts = 0, duplicateVectors = 0, noWords = 0,
           bytesRead = 0;
    QMap<QString, int> failures;
    for (const QString &path : std::as_const(files)) {
        if (qint64(pieces.size()) >= rows) break;
        const QString fileName = QFileInfo(path).fileName();
        QByteArray bytes;
        QString error;
        if (fileName.endsWith(QLatin1String(".gz"))) {
            bytes = gunzip(path, &error);
        } else if (QFileInfo(path).size() > kMaxDocumentBytes) {
            error = QStringLiteral("over 64 MB");
        } else {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                bytes = f.readAll();
            else
                error = f.errorString();
        }
        Result<documents::DocumentText> doc =
            error.isEmpty() ? documents::extractDocumentText(bytes, documentName(fileName))
                            : Result<documents::DocumentText>(Error(ErrorCode::MalformedInput, error));
        if (!doc.ok()) {
            ++filesFailed;
            failures[doc.error().message().left(40)] += 1;
            continue;
        }
        ++filesUsed;
        bytesRead += bytes.size();
        chunking.kind = doc->kind;
        std::vector<Piece> fresh;
        for (const documents::Chunk &c : documents::chunkText(doc->text, chunking)) {
            ++chunks;
            const QByteArray key = QCryptographicHash::hash(c.text.toUtf8(), QCryptographicHash::Sha256);
            if (seenTexts.contains(key)) {
                ++duplicateTexts;
                continue;
            }
            seenTexts.insert(key);
            fresh.push_back(Piece{path, c.start, c.end, c.text});
        }
        // Embedded on every core; each call has its own embedder (it holds no state but its options).
        const std::vector<Result<QVector<float>>> embedded =
            QtConcurrent::blockingMapped<std::vector<Result<QVector<float>>>>(
                fresh, [](const Piece &p) -> Result<QVector<float>> {
                    embed::HashingEmbedder e;
                    Result<std::vector<QVector<float>>> r = e.embed({p.text});
                    if (!r.ok()) return r.error();
                    return r->front();
                });
        for (size_t i = 0; i < fresh.size() && qint64(pieces.size()) < rows; ++i) {
            if (!embedded[i].ok()) {
                ++noWords;
                continue;
            }
            const QVector<float> &v = *embedded[i];
            const QByteArray key = QCryptographicHash::hash(
                QByteArrayView(reinterpret_cast<const char *>(v.constData()), v.size() * qsizetype(sizeof(float))),
                QCryptographicHash::Sha256);
            if (seenVectors.contains(key)) {
                ++duplicateVectors;
                continue;
            }
            seenVectors.insert(key);
            vectors.insert(vectors.end(), v.begin(), v.end());
            fresh[i].text.clear();
            pieces.push_back(std::move(fresh[i]));
        }
        if (filesUsed % 200 == 0)
            progress(QStringLiteral("%1 files, %2 of %3 vectors").arg(filesUsed).arg(pieces.size()).arg(rows));
    }
    if (qint64(pieces.size()) < rows) {
        std::fprintf(
            stderr,
            "sextant-bench text-vectors: the documents under %s give only %lld distinct chunks of %d characters; "
            "ask for fewer (--n) or smaller chunks (--chunk-size)\n",
            qPrintable(docs), qlonglong(pieces.size()), chunking.size);
        return 1;
    }

    // ---- shuffle the rows, write the .npy and the sources beside it
    std::vector<qint64> order(static_cast<size_t>(rows));
    for (qint64 i = 0; i < rows; ++i)
        order[size_t(i)] = i;
    std::shuffle(order.begin(), order.end(), rng);
    QSaveFile npy(outPath), sources(outPath + QStringLiteral(".sources.tsv"));
    if (!npy.open(QIODevice::WriteOnly) || !sources.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "sextant-bench text-vectors: cannot write %s\n", qPrintable(outPath));
        return 1;
    }
    formats::NpyWriter writer(&npy, rows, dims);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    sources.write("row\tfile\tstart\tend\n");
    for (qint64 r = 0; r < rows; ++r) {
        const qint64 from = order[size_t(r)];
        const std::span<const float> v(&vectors[size_t(from) * size_t(dims)], size_t(dims));
        if (Error e = writer.append(v)) {
            std::fprintf(stderr, "sextant-bench text-vectors: %s\n", qPrintable(e.message()));
            return 1;
        }
        const Piece &p = pieces[size_t(from)];
        sources.write(QStringLiteral("%1\t%2\t%3\t%4\n").arg(r).arg(p.file).arg(p.start).arg(p.end).toUtf8());
    }
    if (Error e = writer.finish()) {
        std::fprintf(stderr, "sextant-bench text-vectors: %s\n", qPrintable(e.message()));
        return 1;
    }
    if (!npy.commit() || !sources.commit()) {
        std::fprintf(stderr, "sextant-bench text-vectors: cannot write %s\n", qPrintable(outPath));
        return 1;
    }
    {
        QFile f(outPath);
        if (f.open(QIODevice::ReadOnly)) sha.addData(&f);
    }

    QJsonObject failed;
    for (auto it = failures.begin(); it != failures.end(); ++it)
        failed.insert(it.key(), it.value());
    QJsonObject out{{QStringLiteral("bench"), QStringLiteral("text-vectors")},
                    {QStringLiteral("out"), QFileInfo(outPath).absoluteFilePath()},
                    {QStringLiteral("sources"), QFileInfo(outPath + QStringLiteral(".sources.tsv")).absoluteFilePath()},
                    {QStringLiteral("sha256"), QString::fromLatin1(sha.result().toHex())},
                    {QStringLiteral("rows"), double(rows)},
                    {QStringLiteral("dims"), dims},
                    {QStringLiteral("embedder"), embedder.id()},
                    {QStringLiteral("folder"), docs},
                    {QStringLiteral("seed"), QString::number(common.seed)},
                    {QStringLiteral("chunk_size"), chunking.size},
                    {QStringLiteral("overlap"), chunking.overlap},
                    {QStringLiteral("document_files"), int(files.size())},
                    {QStringLiteral("files_read"), double(filesUsed)},
                    {QStringLiteral("files_failed"), double(filesFailed)},
                    {QStringLiteral("failure_reasons"), failed},
                    {QStringLiteral("mb_read"), double(bytesRead) / 1e6},
                    {QStringLiteral("chunks"), double(chunks)},
                    {QStringLiteral("duplicate_texts_dropped"), double(duplicateTexts)},
                    {QStringLiteral("duplicate_vectors_dropped"), double(duplicateVectors)},
                    {QStringLiteral("chunks_without_words"), double(noWords)},
                    {QStringLiteral("seconds"), watch.elapsedSeconds()}};
    emitJson(out);
    return 0;
}

} // namespace sextant::bench
