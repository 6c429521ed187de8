// Fuzz target: LangChain.js HNSWLib folders (engine/formats/LangChainFolder.h,
// HnswlibIndexFile.h). The input is parsed as hnswlib.index (every element
// of an accepted file is then read: out-of-bounds reads stop ASan), and as
// docstore.json and args.json; then it is put in a folder as hnswlib.index,
// with args.json naming the dimension its header implies and a docstore
// made of the first labels, and the whole folder is read as a source.

#include "VectorSourceFuzz.h"

#include "formats/HnswlibIndexFile.h"
#include "formats/JsonFileReader.h"
#include "formats/LangChainFolder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace sextant;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // The JSON files' parsers on the same bytes.
    Result<QJsonDocument> json = formats::parseJsonBytes(bytes, QStringLiteral("fuzz.json"), 64);
    if (json.ok()) {
        formats::parseLangChainArgs(*json);
        Result<formats::LangChainDocstore> docstore = formats::parseLangChainDocstore(*json);
        if (docstore.ok())
            for (const formats::SourceProblem &p : docstore->problems)
                if (p.message.isEmpty()) fuzzsupport::propertyFailed("a docstore problem without a sentence");
    }

    Result<formats::HnswlibIndexLayout> layout = formats::parseHnswlibIndex(bytes);
    if (!layout.ok()) {
        if (layout.error().message().isEmpty()) fuzzsupport::propertyFailed("an error without a message");
        return 0;
    }
    QVector<float> vector(layout->dimensions);
    QJsonArray docstore;
    for (quint64 i = 0; i < layout->elementCount; ++i) {
        const quint64 label = formats::hnswlibLabel(bytes, *layout, i);
        formats::hnswlibIsDeleted(bytes, *layout, i);
        formats::hnswlibVector(bytes, *layout, i, vector.data());
        if (i < 4)
            docstore.append(
                QJsonArray{QString::number(label), QJsonObject{{QStringLiteral("pageContent"), QStringLiteral("p")}}});
    }

    static QTemporaryDir folder; // one per process: written again for each input
    if (!folder.isValid()) std::abort();
    writeFile(folder.filePath(QStringLiteral("hnswlib.index")), bytes);
    writeFile(folder.filePath(QStringLiteral("args.json")),
              QJsonDocument(QJsonObject{{QStringLiteral("space"), QStringLiteral("l2")},
                                        {QStringLiteral("numDimensions"), layout->dimensions}})
                  .toJson(QJsonDocument::Compact));
    writeFile(folder.filePath(QStringLiteral("docstore.json")), QJsonDocument(docstore).toJson(QJsonDocument::Compact));
    auto source = formats::openLangChainSource(folder.path(), {});
    if (!source.ok()) fuzzsupport::propertyFailed("a folder around an accepted hnswlib.index does not open");
    fuzzsupport::drainChecked(**source);
    return 0;
}
