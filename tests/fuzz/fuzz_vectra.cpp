// Fuzz target: Vectra folders (engine/formats/VectraFolder.h, VectraSource). The
// input is split at NUL bytes into index.json, one item metadata file
// (meta.json), catalog.json and one document's text (doc1.txt) of a
// LocalDocumentIndex; the folder is then read with readVectraFolder and as a
// VectorSource, whose items must keep every promise of a source.

#include "VectorSourceFuzz.h"

#include "formats/VectraFolder.h"

#include <QDir>
#include <QFile>
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
    static QTemporaryDir dir;
    if (!dir.isValid()) std::abort();
    const QList<QByteArray> parts = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    const QStringList names{QStringLiteral("index.json"), QStringLiteral("meta.json"), QStringLiteral("catalog.json"),
                            QStringLiteral("doc1.txt")};
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString path = dir.filePath(names[i]);
        if (i < parts.size())
            writeFile(path, parts[i]);
        else
            QFile::remove(path);
    }

    Result<formats::VectraFolder> folder = formats::readVectraFolder(dir.path());
    if (folder.ok()) {
        for (const Item &item : folder->items)
            if (item.vector.size() != folder->dimensions) fuzzsupport::propertyFailed("an item of another dimension");
        for (const formats::VectraProblem &p : folder->problems)
            if (p.message.isEmpty()) fuzzsupport::propertyFailed("a problem without a sentence");
    } else if (folder.error().message().isEmpty()) {
        fuzzsupport::propertyFailed("an error without a message");
    }

    Result<std::unique_ptr<formats::VectorSource>> source =
        formats::openVectorSource(dir.path(), formats::SourceFormat::Vectra);
    if (!source.ok()) {
        if (source.error().message().isEmpty()) fuzzsupport::propertyFailed("an open error without a message");
        return 0;
    }
    fuzzsupport::drainChecked(**source);
    return 0;
}
