// Format names, detection, and the dispatch to each format's source.

#include "sextant/VectorSource.h"

#include "formats/CsvFile.h"
#include "formats/JsonLinesSource.h"
#include "formats/LangChainFolder.h"
#include "sextant/NumpyFile.h"
#include "formats/VecsFile.h"
#include "formats/VectraFolder.h"
#include "formats/VectraSource.h"

#include <QFile>
#include <QFileInfo>

namespace sextant::formats {

namespace {

struct FormatName {
    SourceFormat format;
    const char16_t *name;
};
constexpr FormatName kFormatNames[] = {
    {SourceFormat::Auto, u"auto"},       {SourceFormat::Vectra, u"vectra"}, {SourceFormat::LangChain, u"langchain"},
    {SourceFormat::JsonLines, u"jsonl"}, {SourceFormat::Csv, u"csv"},       {SourceFormat::Npy, u"npy"},
    {SourceFormat::Fvecs, u"fvecs"},     {SourceFormat::Bvecs, u"bvecs"},
};

bool startsWithNumpyMagic(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return false;
    return file.read(6) == QByteArrayView("\x93NUMPY");
}

// A folder that a file of it stands for: index.json of a Vectra folder,
// hnswlib.index/args.json/docstore.json of a LangChain folder.
QString folderOf(const QString &path) { return QFileInfo(path).absolutePath(); }

} // namespace

QString sourceFormatName(SourceFormat format)
{
    for (const FormatName &entry : kFormatNames)
        if (entry.format == format) return QString::fromUtf16(entry.name);
    return {};
}

std::optional<SourceFormat> sourceFormatFromName(const QString &name)
{
    for (const FormatName &entry : kFormatNames)
        if (name == QStringView(entry.name)) return entry.format;
    return std::nullopt;
}

SourceFormat detectSourceFormat(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        if (isVectraFolder(path)) return SourceFormat::Vectra;
        if (isLangChainFolder(path)) return SourceFormat::LangChain;
        return SourceFormat::Auto;
    }
    if (!info.exists()) return SourceFormat::Auto;
    const QString name = info.fileName();
    if ((name == u"index.json" || name == u"index.pb") && isVectraFolder(folderOf(path))) return SourceFormat::Vectra;
    if ((name == u"hnswlib.index" || name == u"args.json" || name == u"docstore.json") &&
        isLangChainFolder(folderOf(path)))
        return SourceFormat::LangChain;
    // The magic wins over the name: a .npy saved under another name is still one.
    if (startsWithNumpyMagic(path)) return SourceFormat::Npy;
    const QString suffix = info.suffix().toLower();
    if (suffix == u"jsonl" || suffix == u"ndjson") return SourceFormat::JsonLines;
    if (suffix == u"csv" || suffix == u"tsv") return SourceFormat::Csv;
    if (suffix == u"npy") return SourceFormat::Npy;
    if (suffix == u"fvecs") return SourceFormat::Fvecs;
    if (suffix == u"bvecs") return SourceFormat::Bvecs;
    return SourceFormat::Auto;
}

QString generatedIdPrefix(const QString &path, const SourceOptions &options)
{
    if (!options.idPrefix.isEmpty()) return options.idPrefix;
    return QFileInfo(path).completeBaseName() + u':';
}

Result<std::unique_ptr<VectorSource>> openVectorSource(const QString &path, SourceFormat format,
                                                       const SourceOptions &options)
{
    if (format == SourceFormat::Auto) {
        format = detectSourceFormat(path);
        if (format == SourceFormat::Auto) {
            if (!QFileInfo::exists(path))
                return Error(ErrorCode::NotFound, QStringLiteral("%1 does not exist.").arg(path), path);
            return Error(
                ErrorCode::UnsupportedFormat,
                QStringLiteral("Sextant cannot tell what %1 holds. Vector files are read by their extension (.jsonl, "
                               ".ndjson, .csv, .tsv, .npy, .fvecs, .bvecs) or as a Vectra or LangChain HNSWLib folder; "
                               "name the format to read it anyway.")
                    .arg(path),
                path);
        }
    }
    const bool isDir = QFileInfo(path).isDir();
    const bool folderFormat = format == SourceFormat::Vectra || format == SourceFormat::LangChain;
    if (isDir && !folderFormat)
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 is a folder; the %2 format is read from a file.").arg(path, sourceFormatName(format)),
            path);
    // A folder format given one of the folder's files reads the folder.
    const QString target = folderFormat && !isDir && QFileInfo(path).isFile() ? folderOf(path) : path;
    switch (format) {
    case SourceFormat::Vectra: return openVectraSource(target, options);
    case SourceFormat::LangChain:
        if (!isLangChainFolder(target))
            return Error(ErrorCode::NotFound,
                         QStringLiteral("%1 is not a LangChain HNSWLib folder: it needs hnswlib.index and args.json.")
                             .arg(target),
                         target);
        return openLangChainSource(target, options);
    case SourceFormat::JsonLines: return openJsonLinesSource(path, options);
    case SourceFormat::Csv: {
        const QString suffix = QFileInfo(path).suffix().toLower();
        return openCsvSource(path, suffix == u"tsv" || suffix == u"tab" ? '\t' : ',', options);
    }
    case SourceFormat::Npy: return openNpySource(path, options);
    case SourceFormat::Fvecs: return openVecsSource(path, VecsElement::Float32, options);
    case SourceFormat::Bvecs: return openVecsSource(path, VecsElement::UInt8, options);
    case SourceFormat::Auto: break;
    }
    return Error(ErrorCode::InvalidArgument, QStringLiteral("Unknown vector file format."), path);
}

} // namespace sextant::formats
