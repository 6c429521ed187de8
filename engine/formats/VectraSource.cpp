#include "formats/VectraSource.h"

#include "formats/JsonFileReader.h"
#include "formats/VectorSourceBase.h"
#include "formats/VectraFolder.h"

#include <QFileInfo>
#include <QHash>
#include <QUrl>

#include <cmath>

namespace sextant::formats {

namespace {

// A document id names a file in the folder: a bare name, no separators.
bool plainFileName(const QString &name)
{
    return !name.isEmpty() && !name.contains(u'/') && !name.contains(u'\\') && name != u"." && name != u".." &&
           !name.contains(QChar(0));
}

// An offset stored as a JSON number: a whole number within `limit`.
std::optional<qsizetype> offsetValue(const QJsonValue &value)
{
    if (!value.isDouble()) return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || d < 0 || d > 1e15 || d != std::floor(d)) return std::nullopt;
    return qsizetype(d);
}

void insertIfAbsent(QJsonObject &metadata, const QString &key, const QJsonValue &value)
{
    if (!metadata.contains(key)) metadata.insert(key, value);
}

} // namespace

QString uriTitle(const QString &uri)
{
    QString path = uri;
    const QUrl url(uri);
    if (url.isValid() && !url.scheme().isEmpty() && url.scheme().size() > 1) // "C:\x" has a one-letter "scheme"
        path = url.path();
    while (path.endsWith(u'/') || path.endsWith(u'\\'))
        path.chop(1);
    const qsizetype slash = std::max(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    const QString name = path.mid(slash + 1);
    return name.isEmpty() ? uri : name;
}

QString addChunkContext(QJsonObject &metadata, const QString &uri, const QString *documentText)
{
    if (!uri.isEmpty()) {
        insertIfAbsent(metadata, QStringLiteral("uri"), uri);
        insertIfAbsent(metadata, QStringLiteral("title"), uriTitle(uri));
    }
    const std::optional<qsizetype> start = offsetValue(metadata.value(QStringLiteral("startPos")));
    const std::optional<qsizetype> endInclusive = offsetValue(metadata.value(QStringLiteral("endPos")));
    if (!start || !endInclusive)
        return QStringLiteral(
            "The chunk's startPos and endPos are not whole numbers of 0 or more; it was imported without its text.");
    if (*endInclusive < *start)
        return QStringLiteral("The chunk's endPos (%1) is before its startPos (%2); it was imported without its text.")
            .arg(*endInclusive)
            .arg(*start);
    insertIfAbsent(metadata, QStringLiteral("start"), double(*start));
    insertIfAbsent(metadata, QStringLiteral("end"), double(*endInclusive + 1)); // Vectra's endPos is inclusive
    if (!documentText) return {};
    if (*endInclusive >= documentText->size())
        return QStringLiteral(
                   "The chunk's endPos (%1) is beyond its document's text (%2 UTF-16 units); it was imported "
                   "without its text.")
            .arg(*endInclusive)
            .arg(documentText->size());
    insertIfAbsent(metadata, QStringLiteral("text"), documentText->mid(*start, *endInclusive - *start + 1));
    return {};
}

namespace {

class VectraSource final : public VectorSourceBase {
public:
    VectraSource(const QString &folder, const SourceOptions &options)
        : m_folder(QFileInfo(folder).absoluteFilePath()), m_options(options)
    {
    }

    Error open()
    {
        VectraLimits limits;
        limits.maxIndexBytes = m_options.maxJsonBytes;
        limits.maxMetadataFileBytes = std::min<qint64>(limits.maxMetadataFileBytes, m_options.maxFileBytes);
        limits.maxJsonDepth = m_options.maxJsonDepth;
        Result<VectraFolder> read = readVectraFolder(m_folder, limits);
        if (!read.ok()) return read.error();
        m_index = read.takeValue();
        m_dimensions = m_index.dimensions;
        m_total = QFileInfo(m_folder + QStringLiteral("/index.json")).size();
        if (m_index.hasProtobufIndex)
            m_notes << QStringLiteral("index.pb is present and was not read; the items come from index.json.");
        for (const VectraProblem &p : m_index.problems)
            addProblem(p.index >= 0 ? QStringLiteral("items[%1]").arg(p.index) : QStringLiteral("index.json"), p.itemId,
                       p.message);
        if (m_index.metadataFilesRead > 0)
            m_notes << QStringLiteral("%1 items took their full metadata from their own metadata file.")
                           .arg(m_index.metadataFilesRead);
        return openCatalog();
    }

    SourceFormat format() const override { return SourceFormat::Vectra; }
    SourceShape shape() const override
    {
        SourceShape shape;
        shape.dimensions = m_dimensions;
        shape.metric = Metric::Cosine; // Vectra ranks by cosine similarity, always
        shape.items = m_index.items.size();
        shape.indexedKeys = m_index.indexedKeys;
        shape.notes = m_notes;
        return shape;
    }
    qint64 bytesDone() const override
    {
        return m_index.items.isEmpty() ? m_total
                                       : qint64(double(m_total) * double(m_next) / double(m_index.items.size()));
    }
    qint64 bytesTotal() const override { return m_total; }

protected:
    Result<Step> readOne(Item &item) override
    {
        if (m_next >= m_index.items.size()) return Step::End;
        const qsizetype position = m_index.itemPositions.value(m_next, m_next);
        item = std::move(m_index.items[m_next++]);
        if (m_isDocumentIndex) addDocumentContext(item, QStringLiteral("items[%1]").arg(position));
        return Step::Item;
    }

private:
    // A LocalDocumentIndex has catalog.json; without it this is a LocalIndex.
    Error openCatalog()
    {
        const QString path = m_folder + QStringLiteral("/catalog.json");
        if (!QFileInfo(path).isFile()) return {};
        m_isDocumentIndex = true;
        Result<QJsonDocument> catalog = readJsonFile(path, m_options.maxJsonBytes, m_options.maxJsonDepth);
        if (!catalog.ok() || !catalog->isObject()) {
            m_notes << QStringLiteral(
                           "catalog.json could not be read (%1); the chunks were imported without their document's "
                           "uri, title and text.")
                           .arg(catalog.ok() ? QStringLiteral("it is not a JSON object") : catalog.error().message());
            return {};
        }
        m_idToUri = catalog->object().value(QStringLiteral("idToUri")).toObject();
        m_notes << QStringLiteral(
            "This is a Vectra document index: each chunk gets its document's uri and title and its own "
            "text (from <documentId>.txt).");
        return {};
    }

    void addDocumentContext(Item &item, const QString &where)
    {
        const QJsonValue documentId = item.metadata.value(QStringLiteral("documentId"));
        if (!documentId.isString()) return; // not a chunk (a LocalIndex item in the same folder): nothing to add
        const QString docId = documentId.toString();
        const QString uri = m_idToUri.value(docId).toString();
        if (!m_idToUri.contains(docId))
            addProblem(where, item.id,
                       QStringLiteral("Its document %1 is not in catalog.json; it has no uri or title.").arg(docId));
        QString why;
        const QString *text = documentText(docId, why);
        if (!text) addProblem(where, item.id, why);
        const QString problem = addChunkContext(item.metadata, uri, text);
        if (!problem.isEmpty()) addProblem(where, item.id, problem);
    }

    // The text of <docId>.txt, read once for the chunks that follow each
    // other (Vectra adds a document's chunks together); null with `why` when
    // it cannot be read.
    const QString *documentText(const QString &docId, QString &why)
    {
        if (m_haveCache && docId == m_cachedDocument)
            return m_cachedTextOk ? &m_cachedText : (why = m_cachedWhy, nullptr);
        m_haveCache = true;
        m_cachedDocument = docId;
        m_cachedText.clear();
        m_cachedTextOk = false;
        if (!plainFileName(docId)) {
            m_cachedWhy =
                QStringLiteral("Its documentId \"%1\" is not a plain file name; it was imported without its text.")
                    .arg(docId);
        } else {
            Result<QByteArray> bytes =
                readWholeFile(m_folder + u'/' + docId + QStringLiteral(".txt"), m_options.maxFileBytes);
            if (bytes.ok()) {
                m_cachedText = QString::fromUtf8(*bytes);
                m_cachedTextOk = true;
            } else {
                m_cachedWhy =
                    QStringLiteral(
                        "Its document's text %1.txt could not be read (%2); it was imported without its text.")
                        .arg(docId, bytes.error().message());
            }
        }
        why = m_cachedWhy;
        return m_cachedTextOk ? &m_cachedText : nullptr;
    }

    QString m_folder;
    SourceOptions m_options;
    VectraFolder m_index;
    qsizetype m_next = 0;
    qint64 m_total = 0;
    QStringList m_notes;
    bool m_isDocumentIndex = false;
    QJsonObject m_idToUri;
    bool m_haveCache = false;
    QString m_cachedDocument;
    QString m_cachedText;
    QString m_cachedWhy;
    bool m_cachedTextOk = false;
};

} // namespace

Result<std::unique_ptr<VectorSource>> openVectraSource(const QString &folder, const SourceOptions &options)
{
    auto source = std::make_unique<VectraSource>(folder, options);
    if (Error e = source->open()) return e;
    return std::unique_ptr<VectorSource>(std::move(source));
}

} // namespace sextant::formats
