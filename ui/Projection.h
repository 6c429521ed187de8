#pragma once
// A 2-D map of an index: a seeded sample of its items projected onto their
// first two principal components. Runs on a worker thread with a QPromise
// for progress and cancel; never builds a d×d matrix (d goes up to 8192):
// the principal directions come from subspace iteration with X^T(X V)
// products, one pass over the sample per iteration.
//
// The metadata of the sampled items comes along (reading a vector reads its
// item anyway) as compact columns, so colouring the map by a field needs no
// second pass over the index.

#include "sextant/Error.h"

#include <QFuture>
#include <QPromise>
#include <QStringList>
#include <memory>
#include <vector>

namespace sextant {
class Index;
}

namespace sextant::ui {

// One top-level metadata key over the sample: numbers where the value is a
// number (NaN elsewhere), and a code into `values` where it is a string, a
// bool or an array of them (joined), -1 where missing, -2 for strings beyond
// the dictionary's cap.
struct MetadataColumn {
    static constexpr int kMaxDistinct = 5000;
    QString key;
    qint64 present = 0;         // rows that have the key
    qint64 numberRows = 0;      // rows whose value is a number
    std::vector<float> numbers; // empty when no row holds a number
    std::vector<qint32> codes;  // empty when no row holds a string/bool
    QStringList values;
    bool isNumeric() const { return numberRows * 2 > present; }
};

struct ProjectionResult {
    Error error;
    QStringList ids;         // the sample, in id order
    std::vector<float> x, y; // the projected coordinates, parallel to ids
    qint64 totalItems = 0;   // live items when the sample was drawn
    int sampleLimit = 0;     // asked for
    int effectiveLimit = 0;  // after the memory cap (large dimensions)
    quint64 seed = 0;
    int dimensions = 0;
    bool normalised = false;      // cosine: vectors scaled to unit length first
    double explained[2] = {0, 0}; // fraction of the sample's variance along each axis
    int iterations = 0;
    std::vector<float> axis[2];    // the principal directions (unit length, d values)
    std::vector<float> mean;       // the sample's mean (after normalising)
    QList<MetadataColumn> columns; // schema fields first, then common keys

    int count() const { return int(ids.size()); }
};

class Projection {
public:
    static constexpr int kDefaultSampleLimit = 100000;
    // At most this many floats of vectors in memory (512 MB): with many
    // dimensions the sample shrinks (d = 8192 → 16,384 items).
    static constexpr qint64 kMaxSampleFloats = qint64(128) * 1024 * 1024;
    static constexpr int kMaxMetadataColumns = 24;

    // Samples up to `sampleLimit` live items (all when fewer) with a
    // reservoir seeded by `seed`, reads their vectors and projects them.
    // Reports progress 0..1000 with a phase text; returns without a result
    // when cancelled.
    static void compute(QPromise<ProjectionResult> &promise, const Index &index, int sampleLimit, quint64 seed);
    // compute() on the global thread pool.
    static QFuture<ProjectionResult> start(std::shared_ptr<Index> index, int sampleLimit, quint64 seed);

    // The sampling step alone: ids in id order. `total` gets the live items walked.
    static QStringList sampleIds(const Index &index, int limit, quint64 seed, qint64 *total,
                                 QPromise<ProjectionResult> *promise = nullptr);
};

} // namespace sextant::ui
