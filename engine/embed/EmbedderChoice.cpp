#include "sextant/EmbedderChoice.h"

#include "sextant/HashingEmbedder.h"
#include "embed/HttpEmbedder.h"

#include <QRegularExpression>

namespace sextant::embed {

namespace {

Result<std::unique_ptr<Embedder>> hashingFromId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^sextant-hash-v1/(\\d{1,5})/(pairs|words)/(\\d)-(\\d)$"));
    const QRegularExpressionMatch m = pattern.match(id);
    if (!m.hasMatch()) return Error(ErrorCode::UnsupportedFormat, QString());
    HashingEmbedderOptions options;
    options.dimensions = m.captured(1).toInt();
    options.wordPairs = m.captured(2) == u"pairs";
    options.minCharGram = m.captured(3).toInt();
    options.maxCharGram = m.captured(4).toInt();
    if (options.dimensions < 8 || options.dimensions > Schema::kMaxDimensions)
        return Error(ErrorCode::UnsupportedFormat, QString());
    auto embedder = std::make_unique<HashingEmbedder>(options);
    if (embedder->id() != id) return Error(ErrorCode::UnsupportedFormat, QString());
    return std::unique_ptr<Embedder>(std::move(embedder));
}

} // namespace

Result<std::unique_ptr<Embedder>> embedderFromSpec(const QString &spec)
{
    const QString s = spec.trimmed();
    if (s.isEmpty() || s == u"hash") return std::unique_ptr<Embedder>(std::make_unique<HashingEmbedder>());
    if (s.startsWith(u"hash:")) {
        bool ok = false;
        const int dims = s.mid(5).toInt(&ok);
        if (!ok || dims < 8 || dims > Schema::kMaxDimensions)
            return Error(
                ErrorCode::InvalidArgument,
                QStringLiteral("The built-in embedder takes 8 to %1 dimensions, as in hash:768; \"%2\" is not that.")
                    .arg(Schema::kMaxDimensions)
                    .arg(s));
        HashingEmbedderOptions options;
        options.dimensions = dims;
        return std::unique_ptr<Embedder>(std::make_unique<HashingEmbedder>(options));
    }
    if (s.startsWith(u"sextant-hash-v1/")) {
        Result<std::unique_ptr<Embedder>> made = hashingFromId(s);
        if (made.ok()) return made;
    }
    if (s == u"openai" || s.startsWith(u"openai:")) {
        Result<HttpEmbedderOptions> options = httpEmbedderOptionsFromEnvironment(s.mid(7));
        if (!options.ok()) return options.error();
        return std::unique_ptr<Embedder>(std::make_unique<HttpEmbedder>(*options));
    }
    return Error(
        ErrorCode::InvalidArgument,
        QStringLiteral("Unknown embedder \"%1\". Use hash, hash:DIMENSIONS, or openai (docs/embedders.md).").arg(s));
}

Result<std::unique_ptr<Embedder>> embedderForSchema(const Schema &schema)
{
    if (schema.embedder.isEmpty())
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("This index holds vectors made elsewhere and records no embedder, so Sextant cannot "
                           "turn text into its vectors. Create a new index for documents, or query it with vectors."));
    if (schema.embedder.startsWith(u"sextant-hash-v1/")) {
        Result<std::unique_ptr<Embedder>> made = hashingFromId(schema.embedder);
        if (made.ok()) return made;
    }
    static const QRegularExpression http(QStringLiteral("^openai-compatible:(.+)/(\\d{1,5})$"));
    const QRegularExpressionMatch m = http.match(schema.embedder);
    if (m.hasMatch()) {
        Result<HttpEmbedderOptions> options = httpEmbedderOptionsFromEnvironment(m.captured(1));
        if (!options.ok())
            return options.error()
                .rephrased(QStringLiteral("This index was made with the model %1 on an OpenAI-compatible server. %2")
                               .arg(m.captured(1), options.error().message()))
                .withSource(ErrorSource::Embedder);
        options->dimensions = m.captured(2).toInt();
        return std::unique_ptr<Embedder>(std::make_unique<HttpEmbedder>(*options));
    }
    return Error(
        ErrorCode::UnsupportedFormat,
        QStringLiteral("This index was made with the embedder \"%1\", which this version of Sextant does not know.")
            .arg(schema.embedder));
}

Error learnDimensions(Embedder &embedder)
{
    if (embedder.dimensions() > 0) return {};
    Result<std::vector<QVector<float>>> probe =
        embedder.embed({QStringLiteral("Sextant asks for one embedding to learn its size.")});
    if (!probe.ok()) return probe.error();
    if (embedder.dimensions() <= 0 || embedder.dimensions() > Schema::kMaxDimensions)
        return Error(ErrorCode::UnsupportedFormat,
                     QStringLiteral("The embedder gives %1-dimensional vectors; an index holds 1 to %2 dimensions.")
                         .arg(embedder.dimensions())
                         .arg(Schema::kMaxDimensions))
            .withSource(ErrorSource::Embedder);
    return {};
}

Error checkEmbedderMatches(const Schema &schema, const Embedder &embedder)
{
    if (schema.embedder.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("This index holds vectors made elsewhere and records no embedder; text embedded by "
                                    "\"%1\" would not be comparable with them. Create a new index for documents.")
                         .arg(embedder.id()));
    if (schema.embedder != embedder.id())
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("This index's vectors were made by \"%1\"; text embedded by \"%2\" would not be "
                                    "comparable with them. Use the index's own embedder, or create a new index.")
                         .arg(schema.embedder, embedder.id()));
    if (schema.dimensions != embedder.dimensions())
        return Error(ErrorCode::DimensionMismatch,
                     QStringLiteral(
                         "The embedder gives %1-dimensional vectors, but this index holds %2-dimensional ones.")
                         .arg(embedder.dimensions())
                         .arg(schema.dimensions))
            .withSource(ErrorSource::Embedder);
    return {};
}

} // namespace sextant::embed
