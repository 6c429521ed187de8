// The explore layer (engine/explore): near-duplicates, UMAP and comparing
// two indexes, on seeded data with known answers.

#include "sextant/IndexComparison.h"
#include "sextant/NearDuplicates.h"
#include "sextant/Umap.h"

#include "IndexTestSupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>
#include <set>

using namespace sextant;
using namespace sextant::explore;
using namespace testsupport;

namespace {

QVector<float> gaussian(std::mt19937_64 &rng, int dims, double sigma = 1.0)
{
    std::normal_distribution<double> normal(0.0, sigma);
    QVector<float> v(dims);
    for (float &x : v)
        x = float(normal(rng));
    return v;
}

double cosine(const QVector<float> &a, const QVector<float> &b)
{
    double dot = 0, na = 0, nb = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return dot / std::sqrt(na * nb);
}

// A copy of `v` moved to cosine similarity about `target` from it.
QVector<float> nearCopy(std::mt19937_64 &rng, const QVector<float> &v, double target)
{
    QVector<float> noise = gaussian(rng, int(v.size()));
    double nv = 0, nn = 0, dot = 0;
    for (qsizetype i = 0; i < v.size(); ++i) {
        nv += double(v[i]) * v[i];
        dot += double(v[i]) * noise[i];
    }
    for (qsizetype i = 0; i < v.size(); ++i)
        noise[i] = float(noise[i] - dot / nv * v[i]); // orthogonal to v
    for (float x : noise)
        nn += double(x) * x;
    const double angle = std::acos(target);
    QVector<float> out(v.size());
    for (qsizetype i = 0; i < v.size(); ++i)
        out[i] = float(std::cos(angle) * v[i] / std::sqrt(nv) + std::sin(angle) * noise[i] / std::sqrt(nn));
    return out;
}

std::shared_ptr<Index> makeIndex(const QString &path, const QList<Item> &items, int dims, Metric metric,
                                 bool graph = true)
{
    Schema schema = smallSchema(dims, metric);
    OpenOptions options;
    options.graph = graph;
    auto created = Index::create(path, schema, Durability::Off, options);
    if (!created.ok()) return nullptr;
    QList<WriteOp> batch;
    for (const Item &item : items)
        batch.append(WriteOp::insert(item));
    const WriteResult written = waitFor((*created)->write(batch, Priority::Bulk));
    if (written.error) return nullptr;
    if (graph && !(*created)->waitForGraph(120000)) return nullptr;
    return *created;
}

QString idOf(int i) { return QStringLiteral("item%1").arg(i, 5, 10, QLatin1Char('0')); }

} // namespace

class TestExplore : public QObject {
    Q_OBJECT

private slots:
    void curveFitMatchesKnownValues();
    void duplicatesFindPlantedPairs();
    void duplicatesFilter();
    void duplicatesBadThreshold();
    void duplicatesNeedGraph();
    void duplicatesKeepAndDelete();
    void umapBeatsPcaOnClusters();
    void umapIsDeterministic();
    void compareSelfCopy();
    void compareDisjoint();
    void comparePartialExact();
    void compareDimensionsAndItems();
    void queryFileBadLines();
    void spearmanValues();
};

void TestExplore::curveFitMatchesKnownValues()
{
    // The reference values for min_dist 0.1, spread 1 (a ≈ 1.577, b ≈ 0.895).
    const auto [a, b] = fitUmapCurve(0.1, 1.0);
    QVERIFY2(std::abs(a - 1.577) < 0.01, qPrintable(QString::number(a)));
    QVERIFY2(std::abs(b - 0.895) < 0.01, qPrintable(QString::number(b)));
    // A larger min_dist flattens the curve's start: a smaller a.
    const auto [a2, b2] = fitUmapCurve(0.5, 1.0);
    QVERIFY(a2 < a);
    Q_UNUSED(b2);
}

void TestExplore::duplicatesFindPlantedPairs()
{
    QTemporaryDir dir;
    std::mt19937_64 rng(17);
    const int dims = 48;
    QList<Item> items;
    std::set<std::pair<QString, QString>> planted; // pairs that must be found
    std::set<QString> plantedItems;
    int next = 0;
    for (int i = 0; i < 3000; ++i)
        items.append(Item{idOf(next++), gaussian(rng, dims), {}});
    // Exact copies, near copies (0.985-0.999), triples, and near misses (0.95-0.97) that must not be reported.
    std::uniform_real_distribution<double> close(0.985, 0.999), miss(0.95, 0.97);
    for (int i = 0; i < 60; ++i) {
        const QVector<float> base = gaussian(rng, dims);
        const QString a = idOf(next++), b = idOf(next++);
        items.append(Item{a, base, {}});
        items.append(Item{b, i < 20 ? base : nearCopy(rng, base, close(rng)), {}});
        planted.insert({a, b});
        plantedItems.insert(a);
        plantedItems.insert(b);
        if (i % 3 == 0) {
            const QString c = idOf(next++);
            items.append(Item{c, nearCopy(rng, base, 0.999), {}});
            planted.insert({a, c});
            plantedItems.insert(c);
        }
    }
    std::set<QString> misses;
    for (int i = 0; i < 40; ++i) {
        const QVector<float> base = gaussian(rng, dims);
        const QString a = idOf(next++), b = idOf(next++);
        items.append(Item{a, base, {}});
        items.append(Item{b, nearCopy(rng, base, miss(rng)), {}});
        misses.insert(a);
        misses.insert(b);
    }
    QHash<QString, QVector<float>> vectors;
    for (const Item &item : items)
        vectors.insert(item.id, item.vector);
    auto index = makeIndex(dir.path(), items, dims, Metric::Cosine);
    QVERIFY(index);

    int progressCalls = 0;
    Task task;
    task.progress = [&](const QString &, qint64, qint64) { ++progressCalls; };
    Result<DuplicateReport> report = findNearDuplicates(*index, {}, task);
    QVERIFY2(report.ok(), qPrintable(report.error().message()));
    QCOMPARE(report->threshold, 0.98);
    QCOMPARE(report->itemsSearched, qint64(items.size()));
    QVERIFY(progressCalls > 0);

    QHash<QString, int> groupOf;
    for (int g = 0; g < report->groups.size(); ++g) {
        const DuplicateGroup &group = report->groups[g];
        QVERIFY(group.ids.size() >= 2);
        for (const QString &id : group.ids) {
            QVERIFY2(!groupOf.contains(id), qPrintable(id)); // every item in one group at most
            groupOf.insert(id, g);
            QVERIFY2(plantedItems.count(id), qPrintable(QStringLiteral("%1 is not a planted duplicate").arg(id)));
        }
        // Every reported pair passes the threshold, measured here independently.
        for (const DuplicatePair &p : group.pairs) {
            const double c = cosine(vectors[group.ids[p.a]], vectors[group.ids[p.b]]);
            QVERIFY2(c >= 0.98, qPrintable(QStringLiteral("%1 %2 %3").arg(group.ids[p.a], group.ids[p.b]).arg(c)));
            QVERIFY(std::abs(c - p.score) < 1e-9);
        }
    }
    int found = 0;
    for (const auto &[a, b] : planted)
        if (groupOf.contains(a) && groupOf.value(a) == groupOf.value(b, -1)) ++found;
    QVERIFY2(double(found) >= 0.99 * double(planted.size()),
             qPrintable(QStringLiteral("%1 of %2").arg(found).arg(planted.size())));
    for (const QString &id : misses)
        QVERIFY2(!groupOf.contains(id), qPrintable(id));
    // Largest groups first.
    for (int g = 1; g < report->groups.size(); ++g)
        QVERIFY(report->groups[g - 1].ids.size() >= report->groups[g].ids.size());
}

void TestExplore::duplicatesFilter()
{
    QTemporaryDir dir;
    std::mt19937_64 rng(5);
    QList<Item> items;
    for (int i = 0; i < 300; ++i)
        items.append(Item{idOf(i), gaussian(rng, 16), QJsonObject{{QStringLiteral("src"), QStringLiteral("x")}}});
    const QVector<float> v1 = gaussian(rng, 16), v2 = gaussian(rng, 16);
    items.append(Item{QStringLiteral("a1"), v1, QJsonObject{{QStringLiteral("src"), QStringLiteral("a")}}});
    items.append(Item{QStringLiteral("a2"), v1, QJsonObject{{QStringLiteral("src"), QStringLiteral("a")}}});
    items.append(Item{QStringLiteral("b1"), v2, QJsonObject{{QStringLiteral("src"), QStringLiteral("b")}}});
    items.append(Item{QStringLiteral("b2"), v2, QJsonObject{{QStringLiteral("src"), QStringLiteral("a")}}});
    auto index = makeIndex(dir.path(), items, 16, Metric::Cosine);
    QVERIFY(index);
    Result<DuplicateReport> all = findNearDuplicates(*index, {});
    QVERIFY(all.ok());
    QCOMPARE(all->groups.size(), 2);
    DuplicateOptions options;
    options.filter = R"({"src": "a"})";
    Result<DuplicateReport> onlyA = findNearDuplicates(*index, options);
    QVERIFY2(onlyA.ok(), qPrintable(onlyA.error().message()));
    QCOMPARE(onlyA->itemsSearched, qint64(3));
    QCOMPARE(onlyA->groups.size(), 1);
    QCOMPARE(onlyA->groups[0].ids, (QStringList{QStringLiteral("a1"), QStringLiteral("a2")}));
}

void TestExplore::duplicatesBadThreshold()
{
    QTemporaryDir dir, dirL2;
    std::mt19937_64 rng(1);
    QList<Item> items;
    for (int i = 0; i < 50; ++i)
        items.append(Item{idOf(i), gaussian(rng, 8), {}});
    auto index = makeIndex(dir.path(), items, 8, Metric::Cosine);
    QVERIFY(index);
    for (double bad : {1.5, -1.01, std::nan("")}) {
        DuplicateOptions options;
        options.threshold = bad;
        Result<DuplicateReport> r = findNearDuplicates(*index, options);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
    }
    auto l2 = makeIndex(dirL2.path(), items, 8, Metric::L2);
    QVERIFY(l2);
    Result<DuplicateReport> noDefault = findNearDuplicates(*l2, {});
    QVERIFY(!noDefault.ok());
    QVERIFY(noDefault.error().message().contains(QStringLiteral("no default threshold")));
    DuplicateOptions negative;
    negative.threshold = -0.5;
    QCOMPARE(findNearDuplicates(*l2, negative).error().code(), ErrorCode::InvalidArgument);
    // L2: distance at most T.
    QList<Item> more;
    more.append(Item{QStringLiteral("p"), QVector<float>(8, 1.0f), {}});
    QVector<float> q(8, 1.0f);
    q[0] = 1.05f;
    more.append(Item{QStringLiteral("q"), q, {}});
    QList<WriteOp> ops;
    for (const Item &item : more)
        ops.append(WriteOp::insert(item));
    QVERIFY(!waitFor(l2->write(ops)).error);
    QVERIFY(l2->waitForGraph(60000));
    DuplicateOptions within;
    within.threshold = 0.06;
    Result<DuplicateReport> found = findNearDuplicates(*l2, within);
    QVERIFY(found.ok());
    QCOMPARE(found->groups.size(), 1);
    QVERIFY(std::abs(found->groups[0].pairs[0].score - 0.05) < 1e-6);
    within.threshold = 0.04;
    QCOMPARE(findNearDuplicates(*l2, within)->groups.size(), 0);
    QCOMPARE(index->count(), qint64(50));
}

void TestExplore::duplicatesNeedGraph()
{
    QTemporaryDir dir;
    std::mt19937_64 rng(2);
    QList<Item> items;
    for (int i = 0; i < 20; ++i)
        items.append(Item{idOf(i), gaussian(rng, 8), {}});
    auto index = makeIndex(dir.path(), items, 8, Metric::Cosine, false);
    QVERIFY(index);
    Result<DuplicateReport> r = findNearDuplicates(*index, {});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::NotReady);
    QVERIFY(r.error().message().contains(QStringLiteral("without its HNSW graph")));
    Result<Layout2d> u = umapOfIndex(*index, {}, {});
    QCOMPARE(u.error().code(), ErrorCode::NotReady);
}

void TestExplore::duplicatesKeepAndDelete()
{
    QTemporaryDir dir;
    std::mt19937_64 rng(3);
    QList<Item> items;
    for (int i = 0; i < 200; ++i)
        items.append(Item{idOf(i), gaussian(rng, 16), {}});
    const QVector<float> v = gaussian(rng, 16);
    items.append(Item{QStringLiteral("d1"), v, QJsonObject{{QStringLiteral("year"), 2001}}});
    items.append(Item{QStringLiteral("d2"), v, QJsonObject{{QStringLiteral("year"), 2020}}});
    items.append(Item{QStringLiteral("d3"), v, QJsonObject{{QStringLiteral("year"), 2010}}});
    auto index = makeIndex(dir.path(), items, 16, Metric::Cosine);
    QVERIFY(index);
    Result<DuplicateReport> r = findNearDuplicates(*index, {});
    QVERIFY(r.ok());
    QCOMPARE(r->groups.size(), 1);
    QCOMPARE(r->groups[0].ids.size(), 3);
    QCOMPARE(*idsToDelete(*index, *r, keepChoiceFromText(QStringLiteral("first"))),
             (QStringList{QStringLiteral("d2"), QStringLiteral("d3")}));
    QCOMPARE(*idsToDelete(*index, *r, keepChoiceFromText(QStringLiteral("last"))),
             (QStringList{QStringLiteral("d1"), QStringLiteral("d2")}));
    QCOMPARE(*idsToDelete(*index, *r, keepChoiceFromText(QStringLiteral("year"))),
             (QStringList{QStringLiteral("d1"), QStringLiteral("d3")}));
    QCOMPARE(index->count(), qint64(203)); // nothing changed so far
    Result<WriteResult> w = deleteItems(*index, *idsToDelete(*index, *r, keepChoiceFromText(QStringLiteral("year"))));
    QVERIFY(w.ok());
    QCOMPARE(w->items, 2);
    QCOMPARE(index->count(), qint64(201));
    QVERIFY(index->contains(QStringLiteral("d2")));
    QVERIFY(index->waitForGraph(60000));
    QCOMPARE(findNearDuplicates(*index, {})->groups.size(), 0);
}

namespace {

struct Clustered {
    QList<Item> items;
    std::vector<int> labels;
};

Clustered clusteredData(int clusters, int perCluster, int dims, quint64 seed)
{
    // Each cluster is a helix of three turns (radius 1, rising 1.57 a turn,
    // 0.02 noise in every dimension) in random directions around a centre
    // drawn with spread 3: clusters well apart, each a curve whose
    // neighbourhoods a 2-D layout can keep by unrolling it, and that a linear
    // projection folds onto itself.
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> along(0.0, 6.0 * M_PI);
    Clustered out;
    int id = 0;
    auto unit = [&](QVector<float> v) {
        double n = 0;
        for (float x : v)
            n += double(x) * x;
        for (float &x : v)
            x = float(x / std::sqrt(n));
        return v;
    };
    for (int c = 0; c < clusters; ++c) {
        const QVector<float> centre = gaussian(rng, dims, 3.0);
        const QVector<float> u = unit(gaussian(rng, dims)), w = unit(gaussian(rng, dims)),
                             z = unit(gaussian(rng, dims));
        for (int i = 0; i < perCluster; ++i) {
            const double t = along(rng);
            QVector<float> v = gaussian(rng, dims, 0.02);
            for (int d = 0; d < dims; ++d)
                v[d] += float(centre[d] + std::cos(t) * u[d] + std::sin(t) * w[d] + 0.25 * t * z[d]);
            out.items.append(Item{idOf(id++), v, {}});
            out.labels.push_back(c);
        }
    }
    return out;
}

// `clusters` 2-D Gaussian patches (spread 1 along two random directions,
// 0.02 noise in every dimension) around centres drawn with spread 3: far
// apart, compact clusters.
Clustered patchData(int clusters, int perCluster, int dims, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    Clustered out;
    int id = 0;
    for (int c = 0; c < clusters; ++c) {
        const QVector<float> centre = gaussian(rng, dims, 3.0), u = gaussian(rng, dims), w = gaussian(rng, dims);
        double nu = 0, nw = 0;
        for (int d = 0; d < dims; ++d)
            nu += double(u[d]) * u[d], nw += double(w[d]) * w[d];
        for (int i = 0; i < perCluster; ++i) {
            const double a = normal(rng), b = normal(rng);
            QVector<float> v = gaussian(rng, dims, 0.02);
            for (int d = 0; d < dims; ++d)
                v[d] += float(centre[d] + a * u[d] / std::sqrt(nu) + b * w[d] / std::sqrt(nw));
            out.items.append(Item{idOf(id++), v, {}});
            out.labels.push_back(c);
        }
    }
    return out;
}

// The exact 10 nearest neighbours (L2) of each item, as positions in id order.
std::vector<std::vector<qint32>> trueNeighbours(const QList<Item> &items, int k)
{
    std::vector<std::vector<qint32>> out(size_t(items.size()));
    for (qsizetype i = 0; i < items.size(); ++i) {
        std::vector<std::pair<double, qint32>> d;
        for (qsizetype j = 0; j < items.size(); ++j) {
            if (j == i) continue;
            double s = 0;
            for (qsizetype c = 0; c < items[i].vector.size(); ++c) {
                const double x = items[i].vector[c] - items[j].vector[c];
                s += x * x;
            }
            d.emplace_back(s, qint32(j));
        }
        std::partial_sort(d.begin(), d.begin() + k, d.end());
        for (int t = 0; t < k; ++t)
            out[size_t(i)].push_back(d[size_t(t)].second);
    }
    return out;
}

} // namespace

void TestExplore::umapBeatsPcaOnClusters()
{
    // 10 helices in 32 dimensions: PCA shows where the clusters are, but folds
    // each helix's turns onto each other; UMAP should unroll them and keep
    // the clusters apart.
    QTemporaryDir dir;
    const Clustered data = clusteredData(10, 150, 32, 2024);
    auto index = makeIndex(dir.path(), data.items, 32, Metric::L2);
    QVERIFY(index);
    UmapOptions options;
    options.seed = 7;
    int snapshots = 0;
    std::vector<float> last;
    options.snapshot = [&](const std::vector<float> &xy, int epoch, int epochs) {
        ++snapshots;
        QVERIFY(epoch <= epochs);
        last = xy;
    };
    Result<Layout2d> umap = umapOfIndex(*index, options, {});
    QVERIFY2(umap.ok(), qPrintable(umap.error().message()));
    QCOMPARE(umap->count(), qsizetype(data.items.size()));
    QCOMPARE(umap->epochs, 500);
    QVERIFY(snapshots >= 10);
    QVERIFY(last == umap->xy);
    for (float x : umap->xy)
        QVERIFY(std::isfinite(x));
    QStringList ids;
    for (const Item &item : data.items)
        ids << item.id;
    QCOMPARE(umap->ids, ids);
    Result<Layout2d> pca = pcaLayout(*index, ids, 7, {});
    QVERIFY(pca.ok());

    const auto truth = trueNeighbours(data.items, 10);
    const double keptUmap = neighbourPreservation(umap->xy, truth, 10);
    const double keptPca = neighbourPreservation(pca->xy, truth, 10);
    qInfo("helices, 10-NN preservation: UMAP %.3f, PCA %.3f", keptUmap, keptPca);
    // "Clearly above": at least 0.15 more of each item's true neighbours kept.
    QVERIFY2(keptUmap > keptPca + 0.15, qPrintable(QStringLiteral("%1 vs %2").arg(keptUmap).arg(keptPca)));

    // Clusters separate: 12 compact patches, silhouette of the layout under
    // the true labels above 0.7, the lower end of Kaufman and Rousseeuw's
    // "strong structure" (0.71-1). The patches are far apart in the original
    // space (centres about 3 x sqrt(2 x 32) = 24 apart, each about 4 across),
    // so a layout that keeps them apart scores well above it, and one that
    // merges any two falls towards 0.5 and below.
    QTemporaryDir patchDir;
    const Clustered patches = patchData(12, 120, 32, 2024);
    auto patchIndex = makeIndex(patchDir.path(), patches.items, 32, Metric::L2);
    QVERIFY(patchIndex);
    options.snapshot = {};
    Result<Layout2d> separated = umapOfIndex(*patchIndex, options, {});
    QVERIFY(separated.ok());
    const double sil = silhouette(separated->xy, patches.labels);
    qInfo("patches, silhouette: UMAP %.3f", sil);
    QVERIFY2(sil > 0.7, qPrintable(QString::number(sil)));
}

void TestExplore::umapIsDeterministic()
{
    QTemporaryDir dir;
    const Clustered data = clusteredData(4, 100, 16, 99);
    auto index = makeIndex(dir.path(), data.items, 16, Metric::Cosine);
    QVERIFY(index);
    UmapOptions options;
    options.seed = 11;
    options.epochs = 100;
    Task oneThread;
    oneThread.threads = 1;
    Task twoThreads;
    twoThreads.threads = 2;
    Result<Layout2d> first = umapOfIndex(*index, options, oneThread);
    Result<Layout2d> second = umapOfIndex(*index, options, twoThreads);
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first->xy == second->xy);
    options.seed = 12;
    Result<Layout2d> other = umapOfIndex(*index, options, oneThread);
    QVERIFY(other.ok());
    QVERIFY(other->xy != first->xy);
    // A sample smaller than the index: seeded, the same ids each time.
    options.sample = 150;
    Result<Layout2d> sampled = umapOfIndex(*index, options, oneThread);
    QVERIFY2(sampled.ok(), qPrintable(sampled.error().message()));
    QCOMPARE(sampled->count(), 150);
    QCOMPARE(sampled->totalItems, qint64(400));
    QCOMPARE(umapOfIndex(*index, options, oneThread)->ids, sampled->ids);
    // Cancelled: an error, no layout.
    Task cancel;
    cancel.cancelled = [] { return true; };
    QCOMPARE(umapOfIndex(*index, options, cancel).error().code(), ErrorCode::Cancelled);
}

namespace {

QList<Item> pointsOnALine(const QList<std::pair<QString, float>> &points)
{
    QList<Item> out;
    for (const auto &[id, x] : points)
        out.append(Item{id, QVector<float>{x, 0.0f}, {}});
    return out;
}

} // namespace

void TestExplore::compareSelfCopy()
{
    QTemporaryDir a, b;
    std::mt19937_64 rng(8);
    QList<Item> items;
    for (int i = 0; i < 300; ++i)
        items.append(Item{idOf(i), gaussian(rng, 12), {}});
    auto ia = makeIndex(a.path(), items, 12, Metric::Cosine, false);
    auto ib = makeIndex(b.path(), items, 12, Metric::Cosine, false);
    QVERIFY(ia && ib);
    int skipped = -1;
    Result<QList<CompareQuery>> queries = sampleItemQueries(*ia, *ib, 40, 1, {}, &skipped);
    QVERIFY(queries.ok());
    QCOMPARE(queries->size(), 40);
    QCOMPARE(skipped, 0);
    for (int i = 0; i < 5; ++i) {
        CompareQuery q;
        q.kind = CompareQuery::Kind::Vector;
        q.vector = gaussian(rng, 12);
        queries->append(q);
    }
    Result<ComparisonReport> report = compareIndexes(*ia, *ib, *queries, {});
    QVERIFY2(report.ok(), qPrintable(report.error().message()));
    QCOMPARE(report->queries.size(), 45);
    QCOMPARE(report->meanOverlap, 1.0);
    QCOMPARE(report->meanRankCorrelation, 1.0);
    for (const QueryComparison &c : report->queries) {
        QCOMPARE(c.shared, 10);
        for (int r = 0; r < c.a.size(); ++r)
            QCOMPARE(c.a[r].otherRank, r + 1);
    }
}

void TestExplore::compareDisjoint()
{
    QTemporaryDir a, b;
    auto ia = makeIndex(
        a.path(), pointsOnALine({{QStringLiteral("a1"), 1}, {QStringLiteral("a2"), 2}, {QStringLiteral("a3"), 3}}), 2,
        Metric::L2, false);
    auto ib = makeIndex(
        b.path(), pointsOnALine({{QStringLiteral("b1"), 1}, {QStringLiteral("b2"), 2}, {QStringLiteral("b3"), 3}}), 2,
        Metric::L2, false);
    QVERIFY(ia && ib);
    CompareQuery q;
    q.kind = CompareQuery::Kind::Vector;
    q.vector = {0, 0};
    CompareOptions options;
    options.k = 3;
    Result<ComparisonReport> report = compareIndexes(*ia, *ib, {q}, options);
    QVERIFY(report.ok());
    QCOMPARE(report->meanOverlap, 0.0);
    QCOMPARE(report->queries[0].shared, 0);
    QVERIFY(std::isnan(report->queries[0].rankCorrelation));
    QCOMPARE(report->correlated, 0);
    // No item of A is in B: sampling finds nothing to compare.
    QCOMPARE(sampleItemQueries(*ia, *ib, 3, 1, {}).error().code(), ErrorCode::NotFound);
}

void TestExplore::comparePartialExact()
{
    // Query (0, 0), k 4. A ranks x1 x2 x3 x4; B ranks x3 x1 x2 y1. Shared:
    // x1, x2, x3 -> overlap 3/4. Their ranks in A 1 2 3, in B 2 3 1:
    // Spearman 1 - 6 (1 + 1 + 4) / (3 (9 - 1)) = -0.5.
    QTemporaryDir a, b;
    auto ia = makeIndex(a.path(),
                        pointsOnALine({{QStringLiteral("x1"), 1},
                                       {QStringLiteral("x2"), 2},
                                       {QStringLiteral("x3"), 3},
                                       {QStringLiteral("x4"), 4},
                                       {QStringLiteral("far1"), 100},
                                       {QStringLiteral("far2"), 101}}),
                        2, Metric::L2, false);
    auto ib = makeIndex(b.path(),
                        pointsOnALine({{QStringLiteral("x3"), 1},
                                       {QStringLiteral("x1"), 2},
                                       {QStringLiteral("x2"), 3},
                                       {QStringLiteral("y1"), 4},
                                       {QStringLiteral("x4"), 50}}),
                        2, Metric::L2, false);
    QVERIFY(ia && ib);
    CompareQuery q;
    q.kind = CompareQuery::Kind::Vector;
    q.vector = {0, 0};
    CompareOptions options;
    options.k = 4;
    Result<ComparisonReport> report = compareIndexes(*ia, *ib, {q}, options);
    QVERIFY(report.ok());
    const QueryComparison &c = report->queries[0];
    QCOMPARE(c.shared, 3);
    QCOMPARE(c.overlap, 0.75);
    QCOMPARE(c.rankCorrelation, -0.5);
    QCOMPARE(c.a[0].id, QStringLiteral("x1"));
    QCOMPARE(c.a[0].otherRank, 2);
    QCOMPARE(c.a[3].otherRank, 0); // x4 is 5th in B
    QCOMPARE(c.b[0].otherRank, 3);
    QCOMPARE(c.b[3].otherRank, 0);
    // "Similar to x1": A ranks x2 x3 x4 far1 (x1 left out), B (x1 at 2) ranks x3, x2 (both 1 away), y1, x4.
    CompareQuery item;
    item.kind = CompareQuery::Kind::Item;
    item.text = QStringLiteral("x1");
    Result<ComparisonReport> byItem = compareIndexes(*ia, *ib, {item}, options);
    QVERIFY(byItem.ok());
    QCOMPARE(byItem->queries[0].shared, 3); // x2, x3, x4
    QCOMPARE(byItem->queries[0].overlap, 0.75);
}

void TestExplore::compareDimensionsAndItems()
{
    QTemporaryDir a, b;
    std::mt19937_64 rng(4);
    QList<Item> small, large;
    for (int i = 0; i < 30; ++i) {
        small.append(Item{idOf(i), gaussian(rng, 4), {}});
        large.append(Item{idOf(i), gaussian(rng, 6), {}});
    }
    auto ia = makeIndex(a.path(), small, 4, Metric::Cosine, false);
    auto ib = makeIndex(b.path(), large, 6, Metric::Cosine, false);
    QVERIFY(ia && ib);
    CompareQuery v;
    v.kind = CompareQuery::Kind::Vector;
    v.vector = {1, 0, 0, 0};
    v.line = 3;
    Result<ComparisonReport> r = compareIndexes(*ia, *ib, {v}, {});
    QCOMPARE(r.error().code(), ErrorCode::DimensionMismatch);
    QVERIFY(r.error().message().contains(QStringLiteral("line 3")));
    // Items work across dimensions: each index uses its own vector.
    Result<QList<CompareQuery>> sampled = sampleItemQueries(*ia, *ib, 5, 2, {});
    QVERIFY(sampled.ok());
    QVERIFY(compareIndexes(*ia, *ib, *sampled, {}).ok());
    CompareQuery missing;
    missing.kind = CompareQuery::Kind::Item;
    missing.text = QStringLiteral("nope");
    QCOMPARE(compareIndexes(*ia, *ib, {missing}, {}).error().code(), ErrorCode::NotFound);
    // Text needs an embedder on both.
    CompareQuery text;
    text.text = QStringLiteral("hello");
    QVERIFY(!compareIndexes(*ia, *ib, {text}, {}).ok());
    // Document items match by uri and range, whatever their ids.
    QCOMPARE(itemKey(QStringLiteral("x"), QJsonObject{{QStringLiteral("uri"), QStringLiteral("file:///a.txt")},
                                                      {QStringLiteral("start"), 0},
                                                      {QStringLiteral("end"), 120}}),
             QStringLiteral("file:///a.txt#0-120"));
}

void TestExplore::queryFileBadLines()
{
    const QByteArray good = "# comment\nhow do sailors navigate\n\n[1, 2, 3]\n{\"id\": \"item7\"}\n{\"text\": "
                            "\"stars\"}\n{\"vector\": [0.5]}\n";
    Result<QList<CompareQuery>> parsed = parseQueryFile(good);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
    QCOMPARE(parsed->size(), 5);
    QCOMPARE(parsed->at(0).kind, CompareQuery::Kind::Text);
    QCOMPARE(parsed->at(0).line, 2);
    QCOMPARE(parsed->at(1).kind, CompareQuery::Kind::Vector);
    QCOMPARE(parsed->at(1).vector, (QVector<float>{1, 2, 3}));
    QCOMPARE(parsed->at(2).kind, CompareQuery::Kind::Item);
    QCOMPARE(parsed->at(2).text, QStringLiteral("item7"));
    QCOMPARE(parsed->at(3).kind, CompareQuery::Kind::Text);
    QCOMPARE(parsed->at(4).kind, CompareQuery::Kind::Vector);

    const QByteArray bad =
        "fine\n[1, \"x\"]\nalso fine\n{\"id\": 5}\n[1, 2\n{\"text\": \"a\", \"id\": \"b\"}\n\xff\xfe\n[1e999]\n";
    Result<QList<CompareQuery>> rejected = parseQueryFile(bad);
    QVERIFY(!rejected.ok());
    QCOMPARE(rejected.error().code(), ErrorCode::MalformedInput);
    const QString message = rejected.error().message();
    for (int line : {2, 4, 5, 6, 7, 8})
        QVERIFY2(message.contains(QStringLiteral("line %1:").arg(line)), qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("line 1:")));
    QVERIFY(!message.contains(QStringLiteral("line 3:")));
    QVERIFY(message.contains(QStringLiteral("6 bad lines")));
    QCOMPARE(parseQueryFile("\n# nothing\n").error().code(), ErrorCode::MalformedInput);
}

void TestExplore::spearmanValues()
{
    QCOMPARE(spearman({1, 2, 3, 4}, {1, 2, 3, 4}), 1.0);
    QCOMPARE(spearman({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
    QCOMPARE(spearman({1, 2, 3}, {2, 3, 1}), -0.5);
    QVERIFY(std::isnan(spearman({1}, {1})));
}

QTEST_GUILESS_MAIN(TestExplore)
#include "tst_explore.moc"
