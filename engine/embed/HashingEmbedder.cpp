#include "sextant/HashingEmbedder.h"
#include "base/Checksums.h"

#include <QHash>

#include <algorithm>
#include <vector>
#include <cmath>

namespace sextant::embed {

namespace {

// Feature kinds weigh differently: a shared word says more than a shared
// three-letter fragment.
constexpr float kWordWeight = 1.0f;
constexpr float kPairWeight = 0.7f;
constexpr float kCharGramWeight = 0.35f;

} // namespace

HashingEmbedder::HashingEmbedder(HashingEmbedderOptions options) : m_options(options) { }

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
    // Every feature is hashed as it is made, into one reusable buffer: a
    // feature's bytes start with its kind ("w:", "p:", "c:"), so a word and a
    // character n-gram with the same letters stay apart. The hashes are then
    // sorted, so equal features sit together (their count is the run length)
    // and the buckets are summed in one fixed order, the same in every process.
    struct Feature {
        uint64_t hash;
        float weight;
    };
    std::vector<Feature> features;
    features.reserve(size_t(ws.size()) * 16);
    QByteArray buffer;
    buffer.reserve(256);
    auto add = [&](float weight) { features.push_back(Feature{base::xxh3(buffer), weight}); };
    QList<QByteArray> utf8;
    utf8.reserve(ws.size());
    for (const QString &w : ws)
        utf8.append(w.toUtf8());
    std::vector<qsizetype> offsets;
    for (qsizetype i = 0; i < ws.size(); ++i) {
        buffer = "w:";
        buffer += utf8[i];
        add(kWordWeight);
        if (m_options.wordPairs && i + 1 < ws.size()) {
            buffer = "p:";
            buffer += utf8[i];
            buffer += ' ';
            buffer += utf8[i + 1];
            add(kPairWeight);
        }
        if (m_options.maxCharGram <= 0) continue;
        const QString marked = u'<' + ws[i] + u'>';
        bool surrogates = false;
        for (const QChar c : marked)
            surrogates = surrogates || c.isSurrogate();
        if (surrogates) {
            // A gram may split a surrogate pair; its bytes are what toUtf8 makes of that.
            for (int n = m_options.minCharGram; n <= m_options.maxCharGram; ++n)
                for (qsizetype at = 0; at + n <= marked.size(); ++at) {
                    buffer = "c:";
                    buffer += marked.mid(at, n).toUtf8();
                    add(kCharGramWeight);
                }
            continue;
        }
        // Without surrogates each UTF-16 unit is one code point: a gram's
        // UTF-8 is a slice of the word's, found through byte offsets.
        const QByteArray markedUtf8 = marked.toUtf8();
        offsets.assign(size_t(marked.size()) + 1, 0);
        for (qsizetype k = 0; k < marked.size(); ++k) {
            const char16_t u = marked[k].unicode();
            offsets[size_t(k) + 1] = offsets[size_t(k)] + (u < 0x80 ? 1 : u < 0x800 ? 2 : 3);
        }
        for (int n = m_options.minCharGram; n <= m_options.maxCharGram; ++n)
            for (qsizetype at = 0; at + n <= marked.size(); ++at) {
                buffer = "c:";
                buffer.append(markedUtf8.constData() + offsets[size_t(at)],
                              offsets[size_t(at + n)] - offsets[size_t(at)]);
                add(kCharGramWeight);
            }
    }
    std::sort(features.begin(), features.end(), [](const Feature &x, const Feature &y) { return x.hash < y.hash; });
    QVector<float> v(m_options.dimensions, 0.0f);
    for (size_t at = 0; at < features.size();) {
        size_t end = at + 1;
        while (end < features.size() && features[end].hash == features[at].hash)
            ++end;
        const uint64_t h = features[at].hash;
        const auto bucket = qsizetype(h % uint64_t(m_options.dimensions));
        const float sign = (h >> 63) ? -1.0f : 1.0f; // signed buckets: collisions cancel instead of piling up
        v[bucket] += sign * features[at].weight * (1.0f + std::log(float(end - at)));
        at = end;
    }
    double norm = 0;
    for (float x : v)
        norm += double(x) * x;
    if (norm == 0)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The text's features cancel out; it cannot be embedded."));
    const float inv = float(1.0 / std::sqrt(norm));
    for (float &x : v)
        x *= inv;
    return v;
}

Result<std::vector<QVector<float>>> HashingEmbedder::embed(const QStringList &texts)
{
    if (m_options.dimensions < 8 || m_options.dimensions > 8192)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The built-in embedder makes vectors of 8 to 8,192 dimensions."));
    std::vector<QVector<float>> out;
    out.reserve(size_t(texts.size()));
    for (qsizetype i = 0; i < texts.size(); ++i) {
        Result<QVector<float>> v = embedOne(texts[i]);
        if (!v.ok()) return v.error().rephrased(QStringLiteral("Text %1: %2").arg(i + 1).arg(v.error().message()));
        out.push_back(v.takeValue());
    }
    return out;
}

} // namespace sextant::embed
