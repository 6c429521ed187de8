#pragma once
// Comparing two indexes of the same items or documents (two embedding
// models, or two chunkings): the same queries on both, and per query the two
// result lists, the hits they share, overlap@k and a rank correlation.
//
// Items are matched across the indexes by their document position when they
// have one (metadata `uri`, `start` and `end`: "uri#start-end"), otherwise
// by id. Queries are
//   - texts: each index embeds the text with its own embedder (Schema::embedder);
//   - vectors: used on both as they are, so both indexes need the same dimensions;
//   - items ("similar to"): an item present in both; each index uses its own
//     vector of it, and leaves it out of its results.
// overlap@k = |A ∩ B| / max(|A|, |B|) (k unless an index has fewer matching
// items; 1 when both are empty). The rank correlation is Spearman's rho of the
// shared hits' ranks in A and in B (re-ranked 1..n among themselves); it
// needs two shared hits and is undefined (NaN) with fewer.

#include "sextant/Api.h"
#include "sextant/Explore.h"

#include <QJsonObject>
#include <QVector>
#include <cmath>

namespace sextant::explore {

struct SEXTANT_API CompareQuery {
    enum class Kind { Text, Vector, Item };
    Kind kind = Kind::Text;
    QString text;          // Text: the words; Item: the item's key (its id, or uri#start-end)
    QVector<float> vector; // Vector
    int line = 0;          // in the query file (0: sampled)
    QString label() const; // for lists: the text, "similar to KEY" or "vector (N dimensions)"
};

// A query file: one query a line, UTF-8. Blank lines and lines starting with
// '#' are skipped. A line starting with '[' is a JSON array of numbers (a
// vector); one starting with '{' is a JSON object {"text": "..."},
// {"id": "..."} (an item by id or uri#start-end) or {"vector": [...]};
// anything else is a text. Bad lines are all reported, each by line number.
SEXTANT_API Result<QList<CompareQuery>> parseQueryFile(const QByteArray &contents);

struct SEXTANT_API ComparedHit {
    QString id;        // in its own index
    QString key;       // what matches it across the indexes
    float score = 0;   // its own index's score
    int otherRank = 0; // 1-based rank in the other list; 0: not there
};

struct SEXTANT_API QueryComparison {
    CompareQuery query;
    QList<ComparedHit> a, b;
    int shared = 0;
    double overlap = 0;
    double rankCorrelation = std::nan(""); // NaN: fewer than two shared hits
};

struct SEXTANT_API ComparisonReport {
    int k = 10;
    QList<QueryComparison> queries;
    int skipped = 0; // sampled items of A that B does not hold
    double meanOverlap = 0;
    double meanRankCorrelation = std::nan(""); // over the queries where it is defined
    int correlated = 0;                        // how many those are
};

struct SEXTANT_API CompareOptions {
    int k = 10;
    QueryMode mode = QueryMode::Auto;
    QByteArray filter;
};

// The key that matches an item across indexes (see above).
SEXTANT_API QString itemKey(const QString &id, const QJsonObject &metadata);

// N items of `a` (seeded sample), each as an Item query; `skipped` gets those `b` lacks.
SEXTANT_API Result<QList<CompareQuery>> sampleItemQueries(const Index &a, const Index &b, int n, quint64 seed,
                                                          const Task &task, int *skipped = nullptr);

// Runs every query on both indexes. Fails before running anything when a
// query cannot run on one of them (vectors of the wrong dimensions, text for
// an index without an embedder, an item one of them lacks).
SEXTANT_API Result<ComparisonReport> compareIndexes(const Index &a, const Index &b, const QList<CompareQuery> &queries,
                                                    const CompareOptions &options, const Task &task = {});

// Spearman's rho of two rankings of the same n things (1-based ranks, no ties).
SEXTANT_API double spearman(const QList<int> &ranksA, const QList<int> &ranksB);

} // namespace sextant::explore
