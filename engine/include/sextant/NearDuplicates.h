#pragma once
// Near-duplicates: groups of items whose vectors are at least as similar as a
// threshold. Each item's nearest neighbours come from the index's HNSW graph
// (no all-pairs comparison); every pair that passes is checked exactly
// against the stored vectors (in double precision) before it is reported;
// union-find joins the pairs into groups.
//
// Threshold semantics by metric (docs/cli.md, "duplicates"):
//   cosine: cosine similarity >= T, T in [-1, 1] (default 0.98);
//   dot:    inner product >= T, any finite T (no default: it depends on the vectors' scale);
//   l2:     Euclidean distance <= T, T >= 0 (no default, likewise).
// A group is a connected set: every member is within the threshold of at
// least one other member (single linkage), not necessarily of all of them.

#include "sextant/Api.h"
#include "sextant/Explore.h"

#include <QJsonObject>
#include <optional>

namespace sextant::explore {

struct SEXTANT_API DuplicateOptions {
    std::optional<double> threshold; // unset: the metric's default (cosine only)
    QByteArray filter;               // only items the filter matches (and only among them)
    int neighbours = 16;             // graph neighbours asked per item; grown while all pass
    int ef = 0;                      // 0: max(2 x neighbours, the index's efSearch)
};

struct SEXTANT_API DuplicatePair {
    qint32 a = 0, b = 0; // positions in DuplicateGroup::ids
    double score = 0;    // exact: similarity, inner product or distance (the metric's)
};

struct SEXTANT_API DuplicateGroup {
    QStringList ids;            // in id order
    QList<DuplicatePair> pairs; // the checked pairs that joined the group
};

struct SEXTANT_API DuplicateReport {
    Metric metric = Metric::Cosine;
    double threshold = 0;
    qint64 itemsSearched = 0;
    qint64 pairsChecked = 0;       // candidate pairs checked exactly
    qint64 pairsRejected = 0;      // candidates the exact check turned down
    QList<DuplicateGroup> groups;  // largest first, then by first id
    qint64 duplicateItems() const; // items in groups
};

// The default threshold of a metric, or nullopt when it has none (dot, l2).
SEXTANT_API std::optional<double> defaultDuplicateThreshold(Metric metric);
// Checks a threshold for a metric: an InvalidArgument error naming the range.
SEXTANT_API Error validateDuplicateThreshold(Metric metric, double threshold);
// "cosine similarity at least 0.98" for reports.
SEXTANT_API QString describeThreshold(Metric metric, double threshold);

SEXTANT_API Result<DuplicateReport> findNearDuplicates(const Index &index, const DuplicateOptions &options,
                                                       const Task &task = {});

// Which items to delete so that one per group is kept.
enum class KeepRule { First, Last, Field };
struct SEXTANT_API KeepChoice {
    KeepRule rule = KeepRule::First;
    QString field; // KeepRule::Field: keep the item with the greatest value of this metadata field
};
// "first" (the smallest id), "last" (the greatest id), or a metadata field
// name (the item whose value of it is greatest: numbers by value, strings
// bytewise; items without it lose; ties go to the smaller id).
SEXTANT_API KeepChoice keepChoiceFromText(const QString &text);
// Which member of a group (ids in id order, their metadata beside them) stays.
SEXTANT_API qsizetype keptMember(const QStringList &ids, const QList<QJsonObject> &metadata, const KeepChoice &keep);
// The ids to delete: all but one of every group. Reads metadata for KeepRule::Field.
SEXTANT_API Result<QStringList> idsToDelete(const Index &index, const DuplicateReport &report, const KeepChoice &keep);
// Deletes `ids` as one batch through the write queue and waits for it.
SEXTANT_API Result<WriteResult> deleteItems(Index &index, const QStringList &ids);

} // namespace sextant::explore
