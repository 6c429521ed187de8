#include "sextant/TextSearch.h"

#include "sextant/Filter.h"
#include "sextant/EmbedderChoice.h"
#include "sextant/HashingEmbedder.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace sextant::search {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kRrfK = 60.0;
constexpr int kWalkPage = 2000;

QString chunkText(const QJsonObject &metadata)
{
    const QJsonValue text = metadata.value(QStringLiteral("text"));
    return text.isString() ? text.toString() : QString();
}

void fillChunkFields(TextHit &hit)
{
    const QJsonObject &m = hit.metadata;
    hit.passage = chunkText(m);
    hit.uri = m.value(QStringLiteral("uri")).toString();
    hit.title = m.value(QStringLiteral("title")).toString();
    const QJsonValue start = m.value(QStringLiteral("start"));
    const QJsonValue end = m.value(QStringLiteral("end"));
    if (start.isDouble() && end.isDouble()) {
        hit.start = qint64(start.toDouble());
        hit.end = qint64(end.toDouble());
    }
}

} // namespace

QString textSearchModeName(TextSearchMode mode)
{
    switch (mode) {
    case TextSearchMode::Vector: return QStringLiteral("vector");
    case TextSearchMode::Keyword: return QStringLiteral("keyword");
    case TextSearchMode::Hybrid: return QStringLiteral("hybrid");
    }
    return {};
}

std::optional<TextSearchMode> textSearchModeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"vector" || n == u"meaning") return TextSearchMode::Vector;
    if (n == u"keyword" || n == u"keywords" || n == u"bm25") return TextSearchMode::Keyword;
    if (n == u"hybrid") return TextSearchMode::Hybrid;
    return std::nullopt;
}

// ---------------------------------------------------------------- BM25

Result<std::shared_ptr<const KeywordIndex>> KeywordIndex::build(const Index &index,
                                                                const std::function<bool()> &cancelled)
{
    auto out = std::make_shared<KeywordIndex>();
    const IndexStats before = index.stats();
    out->m_generation = before.generation;
    out->m_lastLsn = before.lastLsn;
    qint64 totalLength = 0;
    QString after;
    do {
        if (cancelled && cancelled())
            return Error(ErrorCode::Cancelled, QStringLiteral("Building the keyword index was cancelled."));
        Result<ListPage> page = index.list(after, kWalkPage, false);
        if (!page.ok()) return page.error();
        for (const Item &item : page->items) {
            const QString text = chunkText(item.metadata);
            if (text.isEmpty()) continue;
            const QStringList words = embed::HashingEmbedder::words(text);
            if (words.isEmpty()) continue;
            const auto doc = quint32(out->m_ids.size());
            out->m_ids.append(item.id);
            out->m_lengths.push_back(quint32(words.size()));
            totalLength += words.size();
            QHash<QString, quint32> counts;
            for (const QString &w : words)
                ++counts[w];
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                out->m_postings[it.key()].push_back(Posting{doc, it.value()});
        }
        after = page->nextAfter;
    } while (!after.isEmpty());
    out->m_averageLength = out->m_ids.isEmpty() ? 0 : double(totalLength) / double(out->m_ids.size());
    return std::shared_ptr<const KeywordIndex>(std::move(out));
}

QList<KeywordIndex::Match> KeywordIndex::search(const QString &text, int limit,
                                                const std::function<bool(const QString &)> &accept) const
{
    QList<Match> out;
    if (m_ids.isEmpty() || limit <= 0) return out;
    QStringList terms = embed::HashingEmbedder::words(text);
    terms.removeDuplicates();
    const double n = double(m_ids.size());
    std::unordered_map<quint32, double> scores;
    for (const QString &term : std::as_const(terms)) {
        const auto it = m_postings.constFind(term);
        if (it == m_postings.constEnd()) continue;
        const double df = double(it->size());
        const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
        for (const Posting &p : *it) {
            const double tf = p.tf;
            const double norm = 1.0 - kB + kB * double(m_lengths[p.doc]) / std::max(1.0, m_averageLength);
            scores[p.doc] += idf * tf * (kK1 + 1.0) / (tf + kK1 * norm);
        }
    }
    std::vector<std::pair<double, quint32>> ranked;
    ranked.reserve(scores.size());
    for (const auto &[doc, score] : scores)
        ranked.emplace_back(score, doc);
    // Ties go to the smaller id, so a ranking never depends on hash order.
    auto better = [this](const std::pair<double, quint32> &a, const std::pair<double, quint32> &b) {
        if (a.first != b.first) return a.first > b.first;
        return m_ids[a.second] < m_ids[b.second];
    };
    if (!accept && ranked.size() > size_t(limit)) {
        std::partial_sort(ranked.begin(), ranked.begin() + limit, ranked.end(), better);
        ranked.resize(size_t(limit));
    } else {
        std::sort(ranked.begin(), ranked.end(), better);
    }
    for (const auto &[score, doc] : ranked) {
        if (out.size() >= limit) break;
        if (accept && !accept(m_ids[doc])) continue;
        out.append(Match{m_ids[doc], score});
    }
    return out;
}

Result<std::shared_ptr<const KeywordIndex>> KeywordIndexCache::get(const Index &index,
                                                                   const std::function<bool()> &cancelled)
{
    QMutexLocker lock(&m_mutex);
    const IndexStats stats = index.stats();
    if (m_current && m_current->generation() == stats.generation && m_current->lastLsn() == stats.lastLsn)
        return m_current;
    Result<std::shared_ptr<const KeywordIndex>> built = KeywordIndex::build(index, cancelled);
    if (!built.ok()) return built.error();
    m_current = *built;
    return m_current;
}

void KeywordIndexCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_current.reset();
}

// ---------------------------------------------------------------- search

Result<TextResult> searchText(const Index &index, embed::Embedder *embedder, const TextQuery &query,
                              KeywordIndexCache *cache)
{
    QElapsedTimer timer;
    timer.start();
    if (query.text.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("Type some words to search for."));
    if (query.k < 1 || query.k > 10000)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("k must be between 1 and 10,000, not %1.").arg(query.k));
    const bool wantVector = query.mode != TextSearchMode::Keyword;
    const bool wantKeyword = query.mode != TextSearchMode::Vector;
    const int candidates = query.mode == TextSearchMode::Hybrid
                               ? std::max(query.candidates > 0 ? query.candidates : std::max(50, 4 * query.k), query.k)
                               : query.k;

    Result<Filter> filter = Filter::parse(query.filter);
    if (!filter.ok()) return filter.error();

    TextResult result;
    QStringList plan;
    QList<QueryHit> vectorHits;
    if (wantVector) {
        if (!embedder)
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("A text search by meaning needs the index's embedder."));
        if (Error e = embed::checkEmbedderMatches(index.schema(), *embedder)) return e;
        Result<std::vector<QVector<float>>> vectors = embedder->embed({query.text});
        if (!vectors.ok()) return vectors.error();
        QueryRequest request;
        request.vector = vectors->front();
        request.k = candidates;
        request.filter = query.filter;
        request.ef = query.ef;
        Result<QueryResult> found = index.query(request);
        if (!found.ok()) return found.error();
        vectorHits = found->hits;
        plan << found->plan;
    }
    QList<KeywordIndex::Match> keywordHits;
    if (wantKeyword) {
        Result<std::shared_ptr<const KeywordIndex>> keywords = cache ? cache->get(index) : KeywordIndex::build(index);
        if (!keywords.ok()) return keywords.error();
        result.keywordDocuments = (*keywords)->documents();
        std::function<bool(const QString &)> accept;
        if (!filter->isEmpty()) {
            accept = [&](const QString &id) {
                Result<Item> item = index.get(id, false);
                return item.ok() && filter->matches(item->metadata);
            };
        }
        keywordHits = (*keywords)->search(query.text, candidates, accept);
        plan << QStringLiteral("BM25 over %1 chunks").arg(QLocale::c().toString(result.keywordDocuments));
    }

    // Fuse: every item either ranking found, scored by RRF (hybrid) or by its
    // one ranking's own score.
    QHash<QString, TextHit> byId;
    QStringList order;
    auto slot = [&](const QString &id) -> TextHit & {
        auto it = byId.find(id);
        if (it == byId.end()) {
            order << id;
            it = byId.insert(id, TextHit{});
            it->id = id;
        }
        return *it;
    };
    const Metric metric = index.schema().metric;
    for (qsizetype i = 0; i < vectorHits.size(); ++i) {
        TextHit &hit = slot(vectorHits[i].id);
        hit.vectorRank = int(i) + 1;
        hit.vectorScore = vectorHits[i].score;
        hit.metadata = vectorHits[i].metadata;
        if (query.mode == TextSearchMode::Vector)
            hit.score = metric == Metric::L2 ? -double(vectorHits[i].score) : double(vectorHits[i].score);
    }
    for (qsizetype i = 0; i < keywordHits.size(); ++i) {
        TextHit &hit = slot(keywordHits[i].id);
        hit.keywordRank = int(i) + 1;
        hit.keywordScore = keywordHits[i].score;
        if (query.mode == TextSearchMode::Keyword) hit.score = keywordHits[i].score;
    }
    QList<TextHit> hits;
    hits.reserve(order.size());
    for (const QString &id : std::as_const(order)) {
        TextHit hit = byId.value(id);
        if (query.mode == TextSearchMode::Hybrid)
            hit.score = (hit.vectorRank ? 1.0 / (kRrfK + hit.vectorRank) : 0.0) +
                        (hit.keywordRank ? 1.0 / (kRrfK + hit.keywordRank) : 0.0);
        hits.append(std::move(hit));
    }
    std::stable_sort(hits.begin(), hits.end(), [](const TextHit &a, const TextHit &b) {
        if (a.score != b.score) return a.score > b.score;
        return a.id < b.id;
    });
    if (hits.size() > query.k) hits.resize(query.k);
    for (TextHit &hit : hits) {
        if (hit.metadata.isEmpty()) { // a keyword-only hit: its metadata was not read yet
            Result<Item> item = index.get(hit.id, false);
            if (item.ok()) hit.metadata = item->metadata;
        }
        fillChunkFields(hit);
    }
    result.hits = std::move(hits);
    result.plan =
        textSearchModeName(query.mode) + QStringLiteral(": ") + plan.join(QStringLiteral(" + ")) +
        (query.mode == TextSearchMode::Hybrid ? QStringLiteral(", fused by reciprocal rank (k 60)") : QString());
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace sextant::search
