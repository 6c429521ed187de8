#pragma once
// The built-in embedder: no model, no network, deterministic. It hashes the
// words, word pairs and character n-grams of a text into a fixed number of
// signed buckets (the "hashing trick"), weights them by 1 + ln(count), and
// normalises the vector to length 1. Texts that share words, phrases or word
// stems come out close under cosine; texts that say the same thing in other
// words do not (docs/embedders.md).

#include "sextant/Api.h"
#include "sextant/Embedder.h"

namespace sextant::embed {

struct SEXTANT_API HashingEmbedderOptions {
    int dimensions = 384;
    bool wordPairs = true; // "quick brown" as a feature of its own
    int minCharGram = 3;   // character n-grams of each word, with < and > at its ends
    int maxCharGram = 5;   // 0 turns them off
};

class SEXTANT_API HashingEmbedder : public Embedder {
public:
    explicit HashingEmbedder(HashingEmbedderOptions options = {});
    QString id() const override;
    int dimensions() const override { return m_options.dimensions; }
    Result<std::vector<QVector<float>>> embed(const QStringList &texts) override;

    // The words of a text as the embedder sees them: case-folded, split at
    // everything that is not a letter or a digit.
    static QStringList words(const QString &text);

private:
    Result<QVector<float>> embedOne(const QString &text) const;
    HashingEmbedderOptions m_options;
};

} // namespace sextant::embed
