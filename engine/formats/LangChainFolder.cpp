#include "formats/LangChainFolder.h"

#include "formats/HnswlibIndexFile.h"
#include "formats/JsonFileReader.h"
#include "formats/VectorSourceBase.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <QSet>

#include <algorithm>
#include <cmath>

namespace sextant::formats {

namespace {

// The one place the folder's file names are spelled.
const QString kArgsFile = QStringLiteral("args.json");
const QString kDocstoreFile = QStringLiteral("docstore.json");
const QString kIndexFile = QStringLiteral("hnswlib.index");

constexpr qint64 kMaxArgsBytes = 1 << 20; // a handful of keys

std::optional<quint64> parseLabel(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        // Decimal digits only: "+1", " 1" or "1.0" are not what LangChain writes.
        if (text.isEmpty() || text.size() > 20 ||
            !std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
            return std::nullopt;
        bool ok = false;
        const quint64 label = text.toULongLong(&ok);
        return ok ? std::optional<quint64>(label) : std::nullopt;
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d >= 0 && d <= 9007199254740992.0 && d == std::floor(d)) // exact integers of a double
            return quint64(d);
    }
    return std::nullopt;
}

} // namespace

bool isLangChainFolder(const QString &folder)
{
    return QFileInfo(folder + u'/' + kIndexFile).isFile() && QFileInfo(folder + u'/' + kArgsFile).isFile();
}

Result<LangChainArgs> parseLangChainArgs(const QJsonDocument &document)
{
    if (!document.isObject())
        return Error(ErrorCode::MalformedInput, QStringLiteral("args.json is not a JSON object."));
    const QJsonObject args = document.object();
    LangChainArgs out;
    out.space = args.value(QStringLiteral("space")).toString();
    if (out.space == u"cosine")
        out.metric = Metric::Cosine;
    else if (out.space == u"ip")
        out.metric = Metric::Dot;
    else if (out.space == u"l2")
        out.metric = Metric::L2;
    else
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("args.json's \"space\" must be \"cosine\", \"ip\" or \"l2\", not %1.")
                         .arg(!args.contains(QStringLiteral("space")) ? QStringLiteral("missing")
                              : args.value(QStringLiteral("space")).isString()
                                  ? u'"' + out.space.left(40) + u'"'
                                  : QStringLiteral("a value of another type")));
    const QJsonValue dims = args.value(QStringLiteral("numDimensions"));
    const double d = dims.toDouble(-1);
    if (!dims.isDouble() || d != std::floor(d) || d < Schema::kMinDimensions || d > Schema::kMaxDimensions)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("args.json's \"numDimensions\" must be a whole number from %1 to %2.")
                         .arg(Schema::kMinDimensions)
                         .arg(Schema::kMaxDimensions));
    out.dimensions = int(d);
    return out;
}

Result<LangChainDocstore> parseLangChainDocstore(const QJsonDocument &document)
{
    LangChainDocstore out;
    auto take = [&](const QString &where, const QJsonValue &labelValue, const QJsonValue &entry) {
        const std::optional<quint64> label = parseLabel(labelValue);
        if (!label) {
            out.problems.append(
                {where, QString(), QStringLiteral("The docstore entry's label is not a whole number in decimal.")});
            return;
        }
        const QString id = QString::number(*label);
        if (!entry.isObject()) {
            out.problems.append(
                {where, id, QStringLiteral("The docstore entry is not an object with pageContent and metadata.")});
            return;
        }
        if (out.documents.contains(*label)) {
            out.problems.append(
                {where, id,
                 QStringLiteral("The label appears a second time in docstore.json; the first entry is kept.")});
            return;
        }
        const QJsonObject o = entry.toObject();
        const QJsonValue metadata = o.value(QStringLiteral("metadata"));
        if (!metadata.isUndefined() && !metadata.isNull() && !metadata.isObject())
            out.problems.append(
                {where, id, QStringLiteral("The document's metadata is not an object; it was left out.")});
        out.documents.insert(*label,
                             LangChainDocument{o.value(QStringLiteral("pageContent")).toString(), metadata.toObject()});
    };
    if (document.isArray()) {
        const QJsonArray pairs = document.array();
        for (qsizetype i = 0; i < pairs.size(); ++i) {
            const QString where = QStringLiteral("docstore[%1]").arg(i);
            const QJsonArray pair = pairs[i].toArray();
            if (!pairs[i].isArray() || pair.size() != 2) {
                out.problems.append(
                    {where, QString(), QStringLiteral("The docstore entry is not a [label, document] pair.")});
                continue;
            }
            take(where, pair[0], pair[1]);
        }
    } else if (document.isObject()) {
        const QJsonObject byLabel = document.object();
        for (auto it = byLabel.begin(); it != byLabel.end(); ++it)
            take(QStringLiteral("docstore[\"%1\"]").arg(it.key().left(40)), it.key(), it.value());
    } else {
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("docstore.json is neither an array of [label, document] pairs nor an object."));
    }
    return out;
}

namespace {

class LangChainSource final : public VectorSourceBase {
public:
    LangChainSource(const QString &folder, const SourceOptions &options)
        : m_folder(QFileInfo(folder).absoluteFilePath()), m_options(options), m_indexFile(m_folder + u'/' + kIndexFile)
    {
    }

    Error open()
    {
        const QString argsPath = m_folder + u'/' + kArgsFile;
        Result<QJsonDocument> argsJson =
            readJsonFile(argsPath, std::min(kMaxArgsBytes, m_options.maxJsonBytes), m_options.maxJsonDepth);
        if (!argsJson.ok()) return argsJson.error();
        Result<LangChainArgs> args = parseLangChainArgs(*argsJson);
        if (!args.ok())
            return args.error()
                .rephrased(QStringLiteral("%1: %2").arg(argsPath, args.error().message()))
                .withPath(argsPath);
        m_args = *args;

        const QString docstorePath = m_folder + u'/' + kDocstoreFile;
        if (QFileInfo(docstorePath).isFile()) {
            Result<QJsonDocument> docstoreJson =
                readJsonFile(docstorePath, m_options.maxJsonBytes, m_options.maxJsonDepth);
            if (!docstoreJson.ok()) return docstoreJson.error();
            Result<LangChainDocstore> docstore = parseLangChainDocstore(*docstoreJson);
            if (!docstore.ok())
                return docstore.error()
                    .rephrased(QStringLiteral("%1: %2").arg(docstorePath, docstore.error().message()))
                    .withPath(docstorePath);
            m_docstore = docstore.takeValue();
            m_hasDocstore = true;
            for (const SourceProblem &p : std::as_const(m_docstore.problems))
                addProblem(p.where, p.itemId, p.message);
            m_total += QFileInfo(docstorePath).size();
        } else {
            m_notes << QStringLiteral("The folder has no docstore.json: the items have no text or metadata.");
        }

        const QString indexPath = m_indexFile.fileName();
        if (!m_indexFile.open(QIODevice::ReadOnly))
            return Error(m_indexFile.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                         QStringLiteral("Could not open %1: %2").arg(indexPath, m_indexFile.errorString()), indexPath);
        const qint64 size = m_indexFile.size();
        m_total += size;
        // Mapped, not read: the file is checked against its size before any
        // element is touched, and vectors are then copied one at a time.
        const uchar *mapped = size > 0 ? m_indexFile.map(0, size) : nullptr;
        if (size > 0 && !mapped)
            return Error(ErrorCode::Io,
                         QStringLiteral("Could not map %1: %2").arg(indexPath, m_indexFile.errorString()), indexPath);
        m_bytes = QByteArrayView(reinterpret_cast<const char *>(mapped), size);
        Result<HnswlibIndexLayout> layout = parseHnswlibIndex(m_bytes, m_args.dimensions);
        if (!layout.ok())
            return layout.error()
                .rephrased(QStringLiteral("%1 (%2)").arg(layout.error().message(), indexPath))
                .withPath(indexPath);
        m_layout = *layout;
        m_dimensions = m_layout.dimensions;
        countAhead();
        return {};
    }

    SourceFormat format() const override { return SourceFormat::LangChain; }
    SourceShape shape() const override
    {
        SourceShape shape;
        shape.dimensions = m_dimensions;
        shape.metric = m_args.metric;
        shape.items = m_liveElements;
        shape.notes = m_notes;
        return shape;
    }
    qint64 bytesDone() const override
    {
        return m_layout.elementCount == 0 ? m_total
                                          : qint64(double(m_total) * double(m_next) / double(m_layout.elementCount));
    }
    qint64 bytesTotal() const override { return m_total; }

protected:
    Result<Step> readOne(Item &item) override
    {
        if (m_next >= m_layout.elementCount) return Step::End;
        const quint64 element = m_next++;
        if (hnswlibIsDeleted(m_bytes, m_layout, element)) return Step::Skipped; // counted in the notes at open
        const quint64 label = hnswlibLabel(m_bytes, m_layout, element);
        const QString id = QString::number(label);
        const QString where = QStringLiteral("label %1").arg(label);
        QVector<float> vector(m_dimensions);
        hnswlibVector(m_bytes, m_layout, element, vector.data());
        if (!acceptFinite(vector, where, id) || !acceptId(id, where)) return Step::Skipped;
        item.id = id;
        item.vector = std::move(vector);
        const auto document = m_docstore.documents.constFind(label);
        if (document == m_docstore.documents.constEnd()) {
            // The vector is the valuable part: keep it, and say what is
            // missing (once in the notes when there is no docstore at all).
            if (m_hasDocstore)
                addProblem(where, id,
                           QStringLiteral("docstore.json has no document for this label; the item was imported "
                                          "with empty metadata."));
            return Step::Item;
        }
        item.metadata = document->metadata;
        item.metadata.insert(QStringLiteral("text"), document->pageContent);
        return Step::Item;
    }

private:
    // Counts at open what the notes tell: deleted elements, documents
    // whose label has no live element, and metadata "text" that
    // pageContent replaces.
    void countAhead()
    {
        QSet<quint64> live;
        qint64 deleted = 0;
        for (quint64 i = 0; i < m_layout.elementCount; ++i) {
            if (hnswlibIsDeleted(m_bytes, m_layout, i))
                ++deleted;
            else
                live.insert(hnswlibLabel(m_bytes, m_layout, i));
        }
        m_liveElements = qint64(m_layout.elementCount) - deleted;
        if (deleted > 0)
            m_notes << QStringLiteral("%1 elements of hnswlib.index are marked deleted and were skipped.").arg(deleted);
        qint64 orphans = 0, replacedText = 0;
        for (auto it = m_docstore.documents.constBegin(); it != m_docstore.documents.constEnd(); ++it) {
            if (!live.contains(it.key()))
                ++orphans;
            else if (it->metadata.contains(QStringLiteral("text")))
                ++replacedText;
        }
        if (orphans > 0)
            m_notes << QStringLiteral(
                           "%1 documents of docstore.json have no live vector in hnswlib.index and were not imported.")
                           .arg(orphans);
        if (replacedText > 0)
            m_notes << QStringLiteral(
                           "%1 documents had a \"text\" key in their metadata; it was replaced by their pageContent.")
                           .arg(replacedText);
    }

    QString m_folder;
    SourceOptions m_options;
    QFile m_indexFile;
    QByteArrayView m_bytes;
    HnswlibIndexLayout m_layout;
    LangChainArgs m_args;
    LangChainDocstore m_docstore;
    QStringList m_notes;
    quint64 m_next = 0;
    qint64 m_liveElements = 0;
    qint64 m_total = 0;
    bool m_hasDocstore = false;
};

} // namespace

Result<std::unique_ptr<VectorSource>> openLangChainSource(const QString &folder, const SourceOptions &options)
{
    auto source = std::make_unique<LangChainSource>(folder, options);
    if (Error e = source->open()) return e;
    return std::unique_ptr<VectorSource>(std::move(source));
}

} // namespace sextant::formats
