#pragma once
// Text queries over a document index: the query is embedded with the
// index's embedder and searched as a vector, ranked by BM25 over the chunks'
// text, or both fused by reciprocal-rank fusion (RRF, k = 60): each list
// gives an item 1 / (60 + rank), and the sums rank the result. An item that
// both rankings find high comes first; one that only one finds still counts.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Index.h"
#include "sextant/Embedder.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <memory>

namespace sextant::search {

enum class TextSearchMode { Vector, Keyword, Hybrid };
SEXTANT_API QString textSearchModeName(TextSearchMode mode); // "vector", "keyword", "hybrid"
SEXTANT_API std::optional<TextSearchMode> textSearchModeFromName(const QString &name);

struct SEXTANT_API TextQuery {
    QString text;
    int k = 10;
    QByteArray filter; // the filter language; applies to both rankings
    TextSearchMode mode = TextSearchMode::Hybrid;
    int candidates = 0; // per ranking before fusion; 0 = max(50, 4 k)
    int ef = 0;         // passed to the vector search
};

struct SEXTANT_API TextHit {
    QString id;
    double score = 0;    // RRF score (hybrid), cosine/dot/-l2 score (vector) or BM25 (keyword)
    int vectorRank = 0;  // 1-based place in the vector ranking, 0 when not in it
    int keywordRank = 0; // 1-based place in the BM25 ranking, 0 when not in it
    float vectorScore = 0;
    double keywordScore = 0;
    QJsonObject metadata;
    // From the chunk's metadata (empty for items that are not chunks):
    QString passage; // the chunk's text
    QString uri;
    QString title;
    qint64 start = -1, end = -1;
};

struct SEXTANT_API TextResult {
    QList<TextHit> hits;
    QString plan; // one sentence, e.g. "hybrid: HNSW search, ef 64 + BM25 over 1,234 chunks, fused by RRF"
    qint64 keywordDocuments = 0; // chunks in the BM25 index
    double milliseconds = 0;
};

// BM25 over the "text" metadata field of every item (k1 1.2, b 0.75), with
// the built-in embedder's word splitting. Built by walking the index once.
class SEXTANT_API KeywordIndex {
public:
    static Result<std::shared_ptr<const KeywordIndex>> build(const Index &index,
                                                             const std::function<bool()> &cancelled = {});
    struct Match {
        QString id;
        double score;
    };
    // Best first; at most `limit`. `accept` (may be empty) filters by id.
    QList<Match> search(const QString &text, int limit,
                        const std::function<bool(const QString &id)> &accept = {}) const;
    qint64 documents() const { return qint64(m_ids.size()); }
    quint64 generation() const { return m_generation; }
    quint64 lastLsn() const { return m_lastLsn; }

private:
    struct Posting {
        quint32 doc;
        quint32 tf;
    };
    QStringList m_ids;
    std::vector<quint32> m_lengths;
    double m_averageLength = 0;
    QHash<QString, std::vector<Posting>> m_postings;
    quint64 m_generation = 0;
    quint64 m_lastLsn = 0;
};

// Keeps the last KeywordIndex of one open index and builds a new one when the
// index has changed since (generation or last LSN moved). Thread-safe.
class SEXTANT_API KeywordIndexCache {
public:
    Result<std::shared_ptr<const KeywordIndex>> get(const Index &index, const std::function<bool()> &cancelled = {});
    void clear();

private:
    QMutex m_mutex;
    std::shared_ptr<const KeywordIndex> m_current;
};

// `embedder` may be null for TextSearchMode::Keyword; otherwise it must be the
// index's (Schema::embedder), or the search fails with a sentence saying so.
// `cache` may be null (the keyword index is then built for this query only).
SEXTANT_API Result<TextResult> searchText(const Index &index, embed::Embedder *embedder, const TextQuery &query,
                                          KeywordIndexCache *cache = nullptr);

} // namespace sextant::search
