#include "formats/VectraFolder.h"
#include "sextant/Schema.h"
#include "formats/JsonFileReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

#include <charconv>
#include <cfloat>
#include <cmath>

namespace sextant::formats {

bool isVectraFolder(const QString &folder)
{
    return QFileInfo(folder + QStringLiteral("/index.json")).isFile() ||
           QFileInfo(folder + QStringLiteral("/index.pb")).isFile();
}

namespace {

Result<QByteArray> readLimited(const QString &path, qint64 limit, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QStringLiteral("Could not read %1 (%2): %3").arg(what, path, f.errorString()),
                     path);
    if (f.size() > limit)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("%1 is %2 bytes; at most %3 are read.").arg(path).arg(f.size()).arg(limit), path);
    return f.readAll();
}

// A metadata file name must stay in the folder: a bare name, no separators.
bool safeFileName(const QString &name)
{
    return !name.isEmpty() && !name.contains(u'/') && !name.contains(u'\\') && name != QLatin1String(".") &&
           name != QLatin1String("..") && !name.contains(QChar(0));
}

} // namespace

Result<VectraFolder> readVectraFolder(const QString &folder, const VectraLimits &limits)
{
    VectraFolder out;
    const QString dir = QFileInfo(folder).absoluteFilePath();
    out.hasProtobufIndex = QFileInfo(dir + QStringLiteral("/index.pb")).isFile();
    if (!QFileInfo(dir + QStringLiteral("/index.json")).isFile())
        return Error(
            out.hasProtobufIndex ? ErrorCode::UnsupportedFormat : ErrorCode::NotFound,
            out.hasProtobufIndex
                ? QStringLiteral("%1 is a Vectra index in its protobuf form (index.pb), which Sextant does not read. "
                                 "Save it as JSON with Vectra first.")
                      .arg(folder)
                : QStringLiteral("%1 is not a Vectra index: it has no index.json.").arg(folder),
            folder);
    Result<QByteArray> bytes =
        readLimited(dir + QStringLiteral("/index.json"), limits.maxIndexBytes, QStringLiteral("the Vectra index"));
    if (!bytes.ok()) return bytes.error();
    if (const qsizetype deep = formats::findJsonNestingBeyond(*bytes, limits.maxJsonDepth); deep >= 0)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("index.json in %1 nests arrays and objects more than %2 deep (at byte %3).")
                         .arg(folder)
                         .arg(limits.maxJsonDepth)
                         .arg(deep),
                     folder);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error(
            ErrorCode::MalformedInput,
            QStringLiteral("index.json in %1 is not a JSON object (%2 at byte %3).")
                .arg(folder, pe.error != QJsonParseError::NoError ? pe.errorString() : QStringLiteral("another value"))
                .arg(pe.offset),
            folder);
    const QJsonObject root = doc.object();
    if (!root.value(QStringLiteral("items")).isArray())
        return Error(ErrorCode::MalformedInput, QStringLiteral("index.json in %1 has no \"items\" array.").arg(folder),
                     folder);
    for (const QJsonValue &k :
         root.value(QStringLiteral("metadata_config")).toObject().value(QStringLiteral("indexed")).toArray())
        if (k.isString()) out.indexedKeys << k.toString();

    const QJsonArray items = root.value(QStringLiteral("items")).toArray();
    // Vectra up to 0.9 pointed every item at one shared, meaningless name.
    QHash<QString, int> fileUses;
    for (const QJsonValue &v : items) {
        const QString f = v.toObject().value(QStringLiteral("metadataFile")).toString();
        if (!f.isEmpty()) ++fileUses[f];
    }
    QSet<QString> seen;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items[i].toObject();
        const QString id = o.value(QStringLiteral("id")).toString();
        auto problem = [&](const QString &message) { out.problems.append(VectraProblem{id, i, message}); };
        if (!items[i].isObject()) {
            problem(QStringLiteral("Item %1 is not a JSON object.").arg(i));
            continue;
        }
        if (Error e = validateId(id)) {
            problem(QStringLiteral("Item %1: %2").arg(i).arg(e.message()));
            continue;
        }
        if (seen.contains(id)) {
            problem(QStringLiteral("The id appears a second time (item %1); the first one is kept.").arg(i));
            continue;
        }
        const QJsonArray vector = o.value(QStringLiteral("vector")).toArray();
        if (vector.isEmpty()) {
            problem(QStringLiteral("The item has no vector."));
            continue;
        }
        if (out.dimensions == 0) out.dimensions = int(vector.size());
        if (vector.size() != out.dimensions) {
            problem(QStringLiteral("The vector has %1 numbers; the index's first item has %2.")
                        .arg(vector.size())
                        .arg(out.dimensions));
            continue;
        }
        Item item;
        item.id = id;
        item.vector.reserve(vector.size());
        bool numbers = true;
        for (const QJsonValue &x : vector) {
            const double d = x.toDouble(std::nan(""));
            // A double beyond float's range must not be converted (undefined behaviour).
            if (!x.isDouble() || !std::isfinite(d) || std::fabs(d) > double(FLT_MAX)) {
                numbers = false;
                break;
            }
            item.vector.append(float(d));
        }
        if (!numbers) {
            problem(QStringLiteral("The vector holds something other than finite numbers."));
            continue;
        }
        item.metadata = o.value(QStringLiteral("metadata")).toObject();
        const QString file = o.value(QStringLiteral("metadataFile")).toString();
        if (!file.isEmpty()) {
            if (fileUses.value(file) > 1) {
                problem(QStringLiteral(
                            "Its metadataFile \"%1\" is shared by %2 items (old Vectra versions wrote one name for "
                            "all); only the inline metadata was taken.")
                            .arg(file)
                            .arg(fileUses.value(file)));
            } else if (!safeFileName(file)) {
                problem(QStringLiteral(
                            "Its metadataFile \"%1\" is not a plain file name; only the inline metadata was taken.")
                            .arg(file));
            } else {
                Result<QByteArray> meta =
                    readLimited(dir + u'/' + file, limits.maxMetadataFileBytes, QStringLiteral("a metadata file"));
                const QJsonDocument md = meta.ok() ? QJsonDocument::fromJson(*meta) : QJsonDocument();
                if (md.isObject()) {
                    item.metadata = md.object();
                    ++out.metadataFilesRead;
                } else {
                    problem(meta.ok()
                                ? QStringLiteral(
                                      "Its metadata file %1 is not a JSON object; only the inline metadata was taken.")
                                      .arg(file)
                                : QStringLiteral("Its metadata file %1 is missing; only the inline metadata was taken.")
                                      .arg(file));
                }
            }
        }
        seen.insert(id);
        out.items.append(item);
        out.itemPositions.append(i);
    }
    return out;
}

Error writeVectraFolder(const QString &folder, const QList<Item> &items, const QStringList &indexedKeys)
{
    const QString dir = QFileInfo(folder).absoluteFilePath();
    if (!QDir().mkpath(dir))
        return Error(ErrorCode::Io, QStringLiteral("Could not create the folder %1.").arg(dir), dir);
    if (QFileInfo::exists(dir + QStringLiteral("/index.json")))
        return Error(ErrorCode::AlreadyExists, QStringLiteral("%1 already holds a Vectra index (index.json).").arg(dir),
                     dir);
    // index.json is written as text, item by item: a float goes out in the
    // shortest form that reads back to the same float32 (negative zero
    // included, which QJsonDocument would write as 0), and no JSON tree of
    // the whole index is ever held.
    auto jsonString = [](const QString &text) {
        const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    };
    auto compact = [](const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); };
    QJsonObject config;
    if (!indexedKeys.isEmpty()) config.insert(QStringLiteral("indexed"), QJsonArray::fromStringList(indexedKeys));
    QByteArray bytes = "{\"version\":1,\"metadata_config\":" + compact(config) + ",\"items\":[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        if (i > 0) bytes += ',';
        bytes += "{\"id\":" + jsonString(item.id) + ",\"metadata\":";
        QJsonObject inline_ = item.metadata;
        QString metadataFile;
        if (!indexedKeys.isEmpty()) {
            bool others = false;
            for (auto it = item.metadata.constBegin(); it != item.metadata.constEnd(); ++it)
                if (!indexedKeys.contains(it.key())) {
                    inline_.remove(it.key());
                    others = true;
                }
            if (others) {
                metadataFile = QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".json");
                QFile f(dir + u'/' + metadataFile);
                const QByteArray full = compact(item.metadata);
                if (!f.open(QIODevice::WriteOnly) || f.write(full) != full.size())
                    return Error(ErrorCode::Io,
                                 QStringLiteral("Could not write %1: %2").arg(f.fileName(), f.errorString()),
                                 f.fileName());
            }
        }
        bytes += compact(inline_);
        if (!metadataFile.isEmpty()) bytes += ",\"metadataFile\":" + jsonString(metadataFile);
        bytes += ",\"vector\":[";
        double norm = 0;
        for (qsizetype j = 0; j < item.vector.size(); ++j) {
            const float x = item.vector[j];
            char text[32];
            const auto written = std::to_chars(text, text + sizeof text, x);
            if (j > 0) bytes += ',';
            bytes.append(text, written.ptr - text);
            norm += double(x) * double(x);
        }
        char normText[32];
        const auto normEnd = std::to_chars(normText, normText + sizeof normText, std::sqrt(norm));
        bytes += "],\"norm\":";
        bytes.append(normText, normEnd.ptr - normText);
        bytes += '}';
    }
    bytes += "]}";
    QSaveFile f(dir + QStringLiteral("/index.json"));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return Error(ErrorCode::Io, QStringLiteral("Could not write %1: %2").arg(f.fileName(), f.errorString()),
                     f.fileName());
    return {};
}

} // namespace sextant::formats
