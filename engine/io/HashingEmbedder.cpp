#include "io/HashingEmbedder.h"
#include "storage/Checksums.h"

#include <QHash>
#include <cmath>

namespace sextant {

namespace {

// Feature kinds weigh differently: a shared word says more than a shared
// three-letter fragment.
constexpr float kWordWeight = 1.0f;
constexpr float kPairWeight = 0.7f;
constexpr float kCharGramWeight = 0.35f;

} // namespace

HashingEmbedder::HashingEmbedder(HashingEmbedderOptions options) : m_options(options) {}

QString HashingEmbedder::id() const
{
    return QStringLiteral("sextant-hash-v1/%1/%2/%3-%4")
        .arg(m_options.dimensions)
        .arg(m_options.wordPairs ? QStringLiteral("pairs") : QStringLiteral("words"))
        .arg(m_options.minCharGram)
        .arg(m_options.maxCharGram);
}

QStringList HashingEmbedder::words(const QString &text)
{
    QStringList out;
    QString current;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            current += c;
        } else if (!current.isEmpty()) {
            out << current.toCaseFolded();
            current.clear();
        }
    }
    if (!current.isEmpty()) out << current.toCaseFolded();
    return out;
}

Result<QVector<float>> HashingEmbedder::embedOne(const QString &text) const
{
    const QStringList ws = words(text);
    if (ws.isEmpty()) return Error(ErrorCode::InvalidArgument, QStringLiteral("The text has no words to embed."));
    // Feature -> (count, weight); the kind is part of the hashed bytes, so a
    // word and a character n-gram with the same letters stay apart.
    QHash<QByteArray, std::pair<int, float>> features;
    auto add = [&](const QByteArray &feature, float weight) {
        auto &slot = features[feature];
        ++slot.first;
        slot.second = weight;
    };
    for (qsizetype i = 0; i < ws.size(); ++i) {
        const QByteArray w = ws[i].toUtf8();
        add("w:" + w, kWordWeight);
        if (m_options.wordPairs && i + 1 < ws.size()) add("p:" + w + ' ' + ws[i + 1].toUtf8(), kPairWeight);
        if (m_options.maxCharGram > 0) {
            const QString marked = u'<' + ws[i] + u'>';
            for (int n = m_options.minCharGram; n <= m_options.maxCharGram; ++n)
                for (qsizetype at = 0; at + n <= marked.size(); ++at) add("c:" + marked.mid(at, n).toUtf8(), kCharGramWeight);
        }
    }
    QVector<float> v(m_options.dimensions, 0.0f);
    for (auto it = features.cbegin(); it != features.cend(); ++it) {
        const uint64_t h = storage::xxh3(it.key());
        const auto bucket = qsizetype(h % uint64_t(m_options.dimensions));
        const float sign = (h >> 63) ? -1.0f : 1.0f; // signed buckets: collisions cancel instead of piling up
        v[bucket] += sign * it->second * (1.0f + std::log(float(it->first)));
    }
    double norm = 0;
    for (float x : v) norm += double(x) * x;
    if (norm == 0) return Error(ErrorCode::InvalidArgument, QStringLiteral("The text's features cancel out; it cannot be embedded."));
    const float inv = float(1.0 / std::sqrt(norm));
    for (float &x : v) x *= inv;
    return v;
}

Result<std::vector<QVector<float>>> HashingEmbedder::embed(const QStringList &texts)
{
    if (m_options.dimensions < 8 || m_options.dimensions > 8192)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The built-in embedder makes vectors of 8 to 8,192 dimensions."));
    std::vector<QVector<float>> out;
    out.reserve(size_t(texts.size()));
    for (qsizetype i = 0; i < texts.size(); ++i) {
        Result<QVector<float>> v = embedOne(texts[i]);
        if (!v.ok()) return Error(v.error().code(), QStringLiteral("Text %1: %2").arg(i + 1).arg(v.error().message()));
        out.push_back(v.takeValue());
    }
    return out;
}

} // namespace sextant
