#pragma once
// Queries: the public types of Index::query() and Index::estimateRecall().

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Schema.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVector>

namespace sextant {

enum class QueryMode {
    Auto,  // the planner chooses (default)
    Exact, // scan every (matching) item: the true top-k
    Ann,   // the HNSW graph, post-filtered; waits for nothing: without a graph it falls back to exact
};
SEXTANT_API QString queryModeName(QueryMode mode);

struct SEXTANT_API QueryRequest {
    // Either a query vector (schema's dimensions) ...
    QVector<float> vector;
    // ... or "more like this": the vector of this item; the item itself is left out of the results.
    QString likeId;
    int k = 10;        // 1 .. 10,000
    QByteArray filter; // the filter language (docs/filters.md); empty matches everything
    QueryMode mode = QueryMode::Auto;
    int ef = 0; // HNSW candidate list size; 0 = the index's efSearch. Grows for post-filtering.
    // Auto: the true top-k whenever the exact scan of the (matching) items is
    // estimated to take at most this long (milliseconds, 0 .. 60,000).
    double exactBudgetMs = 2.0;
    bool withMetadata = true; // read the metadata of the final hits (only of those)
    bool withVectors = false;
};

// How the planner answered, for the user and the benchmarks.
enum class QueryStrategy {
    ExactScan,       // every live item
    ExactFiltered,   // the items the filter matches (a selective filter)
    Ann,             // the HNSW graph
    AnnPostFiltered, // the graph, keeping matching items, ef grown until k were found
    // The items the filter matches scored from the graph's 8-bit codes, the
    // best few times k of them reranked with their float vectors (a filter
    // too broad for the float scan's budget, on an index with an sq8 graph):
    // the top-k up to the codes' error.
    QuantizedFiltered,
};
SEXTANT_API QString queryStrategyName(QueryStrategy strategy);

struct SEXTANT_API QueryHit {
    QString id;
    // Best first. cosine: cosine similarity (higher is closer); dot: the inner
    // product (higher is closer); l2: Euclidean distance (lower is closer).
    float score = 0;
    QJsonObject metadata;
    QVector<float> vector;
};

struct SEXTANT_API QueryResult {
    QList<QueryHit> hits;
    QueryStrategy strategy = QueryStrategy::ExactScan;
    QString plan;           // one sentence, e.g. "HNSW search, ef 64"
    bool fellBack = false;  // ANN was wanted but the graph was unavailable
    QString fallbackReason; // why, when fellBack
    qint64 liveItems = 0;   // items in the index when the query ran
    qint64 matching = -1;   // items the filter matches (-1: no filter)
    qint64 scanned = 0;     // exact distance computations over stored vectors
    int efUsed = 0;         // the final ef of an ANN search
    double milliseconds = 0;
};

struct SEXTANT_API RecallEstimate {
    double recall = 0; // mean recall@k of ANN against the exact top-k
    int queries = 0;   // sampled items used as queries
    int k = 0;
    int ef = 0;
    double annMilliseconds = 0;   // mean per query
    double exactMilliseconds = 0; // mean per query
};

// The smallest ef (from the index's efSearch up) that reaches a target
// recall@k, measured on sampled items (each searched with itself left out,
// as "more like this" does): the exact top-k once per sample, then the
// graph at rising ef.
struct EfTuning {
    double targetRecall = 0;
    int ef = 0;            // the smallest ef tried that reached the target (the largest tried when none did)
    double recall = 0;     // recall@k at `ef`
    bool reached = false;  // whether `recall` >= targetRecall
    int highEf = 0;        // the largest ef tried ...
    double highRecall = 0; // ... and its recall: low here means the graph, not ef, is the problem
    int queries = 0;
    qint64 items = 0;          // live items when measured
    double exactNsPerItem = 0; // exact scan time per item, from the sample's exact searches
    // The exact scan of a filter's matching rows, per matching row, timed on
    // a random sixteenth of the rows (scattered rows cost more than a scan
    // of every row).
    double filteredNsPerItem = 0;
    // The filtered scan over 8-bit codes (sq8 graphs; 0 otherwise), timed on
    // a random sixteenth of the rows: per item scored from its code, and
    // per item of the float rerank that follows.
    double codeNsPerItem = 0;
    double rerankNsPerItem = 0;
    double graphMilliseconds = 0; // mean graph search time at `ef`
};

// The HNSW graph's state, for stats and the GUI's health display.
struct SEXTANT_API GraphStatus {
    enum class State { Disabled, Loading, Building, Ready, Failed };
    State state = State::Disabled;
    qint64 items = 0;   // live items in the graph
    qint64 deleted = 0; // marked deleted, still linked
    qint64 pending = 0; // committed changes not yet in the graph (searched exactly)
    qint64 capacity = 0;
    int m = 0, efConstruction = 0, efSearch = 0;
    Quantization quantization = Quantization::None; // how the graph holds vectors (Schema::ann)
    qint64 memoryBytes = 0;
    QString file;    // the saved graph the manifest names, if any
    QString message; // why Failed, or what Loading/Building is doing
    // Recall the user can count on: the ef that reaches the index's target
    // recall@10 (0: not measured yet; queries use efSearch meanwhile).
    double targetRecall = 0;
    int tunedEf = 0;
    double tunedRecall = 0; // recall@10 measured at tunedEf
    qint64 tunedItems = 0;  // live items when it was measured
    bool tuning = false;    // being measured now
    // The graph rebuilt in the background (deleted entries past a share, or
    // low recall): searches use the old graph until the new one is swapped in.
    bool rebuilding = false;
    qint64 rebuildDone = 0, rebuildTotal = 0; // items added to the new graph, of
    QString rebuildReason;
    int rebuilds = 0; // background rebuilds since the index was opened
};
SEXTANT_API QString graphStateName(GraphStatus::State state);

} // namespace sextant
