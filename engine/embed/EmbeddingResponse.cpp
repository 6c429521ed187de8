// Reading what an OpenAI-compatible server answers to POST /embeddings
// (declared in embed/HttpEmbedder.h). The body is untrusted: every field is
// checked for type and range before it is used, and nothing is indexed by a
// number the server chose until that number has been bounded.

#include "sextant/Schema.h"
#include "embed/HttpEmbedder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace sextant::embed {

namespace {

constexpr int kMaxServerMessageChars = 300;

Error malformed(const QString &message) { return Error(ErrorCode::MalformedInput, message); }

QString item(qsizetype at) { return QStringLiteral("data[%1]").arg(at); }

// Collapses runs of whitespace and control characters into one space and
// cuts the text short: it goes into a one-line error message.
QString tidyMessage(const QString &text)
{
    QString out;
    out.reserve(qMin(text.size(), qsizetype(kMaxServerMessageChars + 1)));
    bool pendingSpace = false;
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) out += u' ';
        pendingSpace = false;
        out += c;
        if (out.size() > kMaxServerMessageChars) {
            out.truncate(kMaxServerMessageChars);
            out += QChar(0x2026); // …
            break;
        }
    }
    return out;
}

// Messages sit at most a few levels down ({"detail":[{"msg":...}]}); the
// depth limit also keeps a hostile nesting of empty objects from costing
// four calls per level.
QString messageFromJson(const QJsonValue &value, int depth = 0)
{
    if (depth > 3) return {};
    if (value.isString()) return value.toString();
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (const auto *key : {"message", "error", "detail", "msg"}) {
            const QJsonValue inner = o.value(QLatin1StringView(key));
            if (inner.isString()) return inner.toString();
            if (inner.isObject() || inner.isArray()) {
                const QString found = messageFromJson(inner, depth + 1);
                if (!found.isEmpty()) return found;
            }
        }
    }
    // FastAPI (vLLM) reports validation errors as {"detail": [{"msg": ...}, ...]}.
    if (value.isArray() && !value.toArray().isEmpty()) return messageFromJson(value.toArray().first(), depth + 1);
    return {};
}

// Whether a body that is not JSON reads as a line of text worth quoting (a
// "404 page not found"), not HTML or binary.
bool looksLikePlainText(const QByteArray &body)
{
    if (body.size() > 1000 || body.trimmed().startsWith('<')) return false;
    for (const char c : body)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t') return false;
    return true;
}

} // namespace

QString serverErrorMessage(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        if (!doc.isObject()) return {};
        return tidyMessage(messageFromJson(doc.object()));
    }
    if (!looksLikePlainText(body)) return {};
    return tidyMessage(QString::fromUtf8(body));
}

Result<std::vector<QVector<float>>> parseEmbeddingResponse(const QByteArray &body, int expected, int dimensions)
{
    if (expected < 0 || dimensions < 0)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The expected count and dimensions cannot be negative."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (body.trimmed().isEmpty()) return malformed(QStringLiteral("The response is empty, not JSON."));
        return malformed(QStringLiteral("The response is not JSON: %1 at byte %2.")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
    }
    if (!doc.isObject()) return malformed(QStringLiteral("The response is JSON but not an object."));
    const QJsonObject root = doc.object();
    const QJsonValue dataValue = root.value(QLatin1StringView("data"));
    if (!dataValue.isArray()) {
        const QString serverMessage = tidyMessage(messageFromJson(root.value(QLatin1StringView("error"))));
        if (!serverMessage.isEmpty())
            return malformed(QStringLiteral("The response is an error, not embeddings: %1").arg(serverMessage));
        return malformed(QStringLiteral("The response has no \"data\" array."));
    }
    const QJsonArray data = dataValue.toArray();
    if (data.size() != expected)
        return malformed(QStringLiteral("The response has %1 embeddings for %2 texts.").arg(data.size()).arg(expected));

    // Either every item says where it belongs or none does (then array order).
    std::vector<QVector<float>> out(static_cast<size_t>(expected));
    std::vector<bool> filled(static_cast<size_t>(expected), false);
    bool sawIndex = false;
    bool sawNoIndex = false;
    int found = dimensions;        // the dimension every vector must have; 0 until the first one
    qsizetype firstWithFound = -1; // which item set it, for the message
    for (qsizetype at = 0; at < data.size(); ++at) {
        if (!data[at].isObject()) return malformed(QStringLiteral("%1 is not an object.").arg(item(at)));
        const QJsonObject entry = data[at].toObject();

        qsizetype slot = at;
        const QJsonValue indexValue = entry.value(QLatin1StringView("index"));
        if (indexValue.isUndefined() || indexValue.isNull()) {
            sawNoIndex = true;
        } else {
            sawIndex = true;
            const double index = indexValue.toDouble(-1);
            if (!indexValue.isDouble() || !(index >= 0 && index < double(expected)) || index != std::floor(index))
                return malformed(QStringLiteral("%1 has an \"index\" that is not a whole number from 0 to %2.")
                                     .arg(item(at))
                                     .arg(expected - 1));
            slot = qsizetype(index);
        }
        if (sawIndex && sawNoIndex)
            return malformed(QStringLiteral("Some embeddings have an \"index\" and others do not."));
        if (filled[size_t(slot)]) return malformed(QStringLiteral("Two embeddings have the index %1.").arg(slot));

        const QJsonValue embeddingValue = entry.value(QLatin1StringView("embedding"));
        if (embeddingValue.isString())
            return malformed(QStringLiteral("%1 holds its embedding as base64 text; Sextant asks for and reads only "
                                            "arrays of numbers (encoding_format \"float\").")
                                 .arg(item(at)));
        if (!embeddingValue.isArray()) return malformed(QStringLiteral("%1 has no \"embedding\" array.").arg(item(at)));
        const QJsonArray numbers = embeddingValue.toArray();
        if (numbers.isEmpty()) return malformed(QStringLiteral("The embedding of %1 is empty.").arg(item(at)));
        if (numbers.size() > Schema::kMaxDimensions)
            return Error(ErrorCode::DimensionMismatch,
                         QStringLiteral("The embedding of %1 has %2 dimensions; an index holds at most %3.")
                             .arg(item(at))
                             .arg(numbers.size())
                             .arg(Schema::kMaxDimensions));
        const int size = int(numbers.size());
        if (found == 0) {
            found = size;
            firstWithFound = at;
        } else if (size != found) {
            if (firstWithFound < 0)
                return Error(ErrorCode::DimensionMismatch,
                             QStringLiteral("The embedding of %1 has %2 dimensions, %3 expected.")
                                 .arg(item(at))
                                 .arg(size)
                                 .arg(found));
            return Error(ErrorCode::DimensionMismatch,
                         QStringLiteral("The embeddings differ in length: %1 has %2 dimensions, %3 has %4.")
                             .arg(item(firstWithFound))
                             .arg(found)
                             .arg(item(at))
                             .arg(size));
        }

        QVector<float> vector(size);
        for (int i = 0; i < size; ++i) {
            const QJsonValue number = numbers[i];
            if (!number.isDouble())
                return malformed(
                    QStringLiteral("Element %1 of the embedding of %2 is not a number.").arg(i).arg(item(at)));
            const double value = number.toDouble();
            // A double beyond float's range becomes infinity in the cast.
            if (!std::isfinite(value) || std::fabs(value) > double(std::numeric_limits<float>::max()))
                return Error(ErrorCode::NonFiniteValue,
                             QStringLiteral("Element %1 of the embedding of %2 is not a finite float32 (%3).")
                                 .arg(i)
                                 .arg(item(at))
                                 .arg(value));
            vector[i] = float(value);
        }
        out[size_t(slot)] = std::move(vector);
        filled[size_t(slot)] = true;
    }
    return out;
}

} // namespace sextant::embed
