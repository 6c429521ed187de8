#pragma once
// A 2-D layout of an index's items: UMAP (McInnes, Healy & Melville 2018),
// written here, on the neighbour lists of the index's own HNSW graph, or
// the first two principal components (PCA). docs/gui-query-map.md describes
// the algorithm and its parameters.
//
// UMAP in five steps:
//   1. neighbours: the k nearest items of each sampled item from the graph
//      (Index::query in ANN mode), never all pairs;
//   2. the fuzzy simplicial set: per item rho (distance to its nearest
//      neighbour) and sigma (binary search until the memberships
//      exp(-(d - rho) / sigma) sum to log2 k), symmetrised with the fuzzy
//      union w = a + b - a b;
//   3. initialisation: the PCA layout, scaled into [0, 10]², plus seeded noise;
//   4. the curve 1 / (1 + a d^(2b)) fitted to min_dist and spread (least squares);
//   5. SGD over the edges, each sampled in proportion to its weight, with
//      negative sampling, the learning rate falling linearly to 0.
// Everything random comes from `seed`, and the optimisation runs on one
// thread, so one index, seed and parameters give one picture.

#include "sextant/Api.h"
#include "sextant/Explore.h"

#include <functional>
#include <vector>

namespace sextant::explore {

struct SEXTANT_API Layout2d {
    QStringList ids;       // the sample, in id order
    std::vector<float> xy; // x0, y0, x1, y1, ...
    qint64 totalItems = 0; // live items when the sample was drawn
    int epochs = 0;        // UMAP: optimisation epochs run
    qint64 edges = 0;      // UMAP: edges of the fuzzy graph (each pair once)
    double a = 0, b = 0;   // UMAP: the fitted curve
    qsizetype count() const { return ids.size(); }
};

struct SEXTANT_API UmapOptions {
    static constexpr qint64 kDefaultSample = 200000;
    qint64 sample = kDefaultSample; // at most this many items (all when fewer)
    quint64 seed = 1;
    int neighbours = 15;  // k (2-200)
    int ef = 0;           // the graph's candidate list per query; 0: max(2k, efSearch)
    double minDist = 0.1; // how tightly points may pack (0-spread)
    double spread = 1.0;
    int epochs = 0;          // 0: 500 below 10,000 items, else 200
    int negativeSamples = 5; // per positive sample
    double learningRate = 1.0;
    // Called on the running thread with the layout so far, every
    // `snapshotEvery` epochs and at the end (for a picture that forms).
    std::function<void(const std::vector<float> &xy, int epoch, int epochs)> snapshot;
    int snapshotEvery = 10;
};

// Up to `limit` live items chosen by a reservoir seeded by `seed`, in id order.
SEXTANT_API Result<QStringList> sampleIds(const Index &index, qint64 limit, quint64 seed, const Task &task,
                                          qint64 *total = nullptr);

// The PCA layout of `ids` (their vectors, normalised first for cosine).
SEXTANT_API Result<Layout2d> pcaLayout(const Index &index, const QStringList &ids, quint64 seed, const Task &task);

// UMAP of `ids`. `init` (2 per id), when given, replaces the PCA start.
// Neighbours outside `ids` are left out (with a sample smaller than the
// index more are asked for, so that about k fall inside it).
SEXTANT_API Result<Layout2d> umapLayout(const Index &index, const QStringList &ids, const UmapOptions &options,
                                        const Task &task, const std::vector<float> &init = {});

// Sampling and UMAP in one (the CLI and the benchmark).
SEXTANT_API Result<Layout2d> umapOfIndex(const Index &index, const UmapOptions &options, const Task &task);

// The a and b of 1 / (1 + a d^(2b)) nearest (least squares on [0, 3 spread])
// to 1 below min_dist and exp(-(d - min_dist) / spread) above it.
SEXTANT_API std::pair<double, double> fitUmapCurve(double minDist, double spread);

// Quality measures (tests, the benchmark). `neighbours[i]` are item i's true
// nearest neighbours (positions), best first. The mean fraction of each
// item's k true neighbours that are among its k nearest in the layout.
SEXTANT_API double neighbourPreservation(const std::vector<float> &xy,
                                         const std::vector<std::vector<qint32>> &neighbours, int k);
// The mean silhouette of the layout under `labels` (Euclidean in 2-D).
SEXTANT_API double silhouette(const std::vector<float> &xy, const std::vector<int> &labels);

} // namespace sextant::explore
