// Sextant's own insertion of new elements into the HNSW graph (index/Graph.cpp,
// Inserter) against hnswlib's addPoint on the same data: the recall of the
// graph each builds; and, with two threads adding at once and updates,
// deletes and revivals in the same batches, a graph whose every link is valid
// (read back from the saved file by this test's own reader), whose every live
// item is found, and which answers the same after saving and loading, and
// after growing again once loaded.

#include "TestSupport.h"

#include "index/Graph.h"
#include "index/GraphInsertion.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <set>

using namespace sextant;
using namespace testsupport;

Q_DECLARE_METATYPE(sextant::Metric)
Q_DECLARE_METATYPE(sextant::Quantization)

namespace {

using Vectors = std::vector<std::vector<float>>;

// Clustered data of low intrinsic dimension, as embeddings are: 100 random
// centres, each point its centre plus a random mix of 6 directions of its
// cluster, plus a little noise in every dimension.
Vectors clusteredVectors(std::mt19937 &rng, int count, int dims)
{
    std::normal_distribution<float> unit(0.0f, 1.0f), noise(0.0f, 0.1f);
    constexpr int clusters = 100, directions = 12;
    const auto randomVector = [&](float scale) {
        std::vector<float> v(static_cast<size_t>(dims));
        for (float &x : v)
            x = scale * unit(rng);
        return v;
    };
    Vectors centres, basis;
    for (int c = 0; c < clusters; ++c) {
        centres.push_back(randomVector(1.0f));
        for (int d = 0; d < directions; ++d)
            basis.push_back(randomVector(0.3f));
    }
    Vectors out;
    for (int i = 0; i < count; ++i) {
        const int c = int(rng() % clusters);
        std::vector<float> v = centres[size_t(c)];
        for (int d = 0; d < directions; ++d) {
            const float w = unit(rng);
            const std::vector<float> &b = basis[size_t(c * directions + d)];
            for (size_t k = 0; k < v.size(); ++k)
                v[k] += w * b[k];
        }
        for (float &x : v)
            x += noise(rng);
        out.push_back(std::move(v));
    }
    return out;
}

QByteArray itemId(int i) { return "i" + QByteArray::number(i); }

HnswGraph::Change changeFor(int item, const std::vector<float> &v)
{
    return {itemId(item), v, HnswGraph::vectorHash(v.data(), int(v.size()))};
}

float exactDistance(Metric m, const std::vector<float> &a, const std::vector<float> &b)
{
    double dot = 0, aa = 0, bb = 0, l2 = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        aa += double(a[i]) * a[i];
        bb += double(b[i]) * b[i];
        l2 += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
    }
    return m == Metric::L2 ? float(l2) : float(1.0 - dot / std::sqrt(aa * bb));
}

// Adds items [0, count) in batches of 1,000 on two threads, with the given insertion.
Error build(HnswGraph &g, const Vectors &items, GraphInsertion insertion)
{
    setGraphInsertion(insertion);
    const auto restore = qScopeGuard([] { setGraphInsertion(GraphInsertion::Sextant); });
    for (size_t first = 0; first < items.size(); first += 1000) {
        std::vector<HnswGraph::Change> batch;
        for (size_t i = first; i < std::min(items.size(), first + 1000); ++i)
            batch.push_back(changeFor(int(i), items[i]));
        if (Error e = g.apply(batch, 2)) return e;
    }
    return {};
}

// recall@10 of searches at ef 64, the ef candidates reranked exactly as a query's are.
double recallAt10(const HnswGraph &g, Metric metric, const Vectors &items, const Vectors &queries,
                  const std::vector<std::set<int>> &truth)
{
    int found = 0;
    for (size_t q = 0; q < queries.size(); ++q) {
        const std::vector<char> prepared = g.prepareQuery(queries[q].data());
        std::vector<std::pair<float, int>> reranked;
        for (const HnswGraph::Candidate &c : g.search(prepared.data(), 64)) {
            const int item = g.idOf(c.label).sliced(1).toByteArray().toInt();
            reranked.emplace_back(exactDistance(metric, queries[q], items[size_t(item)]), item);
        }
        std::sort(reranked.begin(), reranked.end());
        for (size_t i = 0; i < std::min<size_t>(10, reranked.size()); ++i)
            found += int(truth[q].count(reranked[i].second));
    }
    return double(found) / double(10 * queries.size());
}

std::vector<std::set<int>> exactTop10(Metric metric, const Vectors &items, const Vectors &queries)
{
    std::vector<std::set<int>> truth;
    for (const auto &q : queries) {
        std::vector<std::pair<float, int>> all;
        for (size_t i = 0; i < items.size(); ++i)
            all.emplace_back(exactDistance(metric, q, items[i]), int(i));
        std::partial_sort(all.begin(), all.begin() + 10, all.end());
        std::set<int> top;
        for (int i = 0; i < 10; ++i)
            top.insert(all[size_t(i)].second);
        truth.push_back(top);
    }
    return truth;
}

// Reads a saved graph file's links (docs/format.md, "Graph file") and says
// what is wrong with them: a link to an element that does not exist or not on
// that level, a link to itself, a link twice in one list, a list longer than
// its level allows, an entry point off the top level. Empty when all is well.
QString linkProblems(const QString &path)
{
    const QByteArray b = readAll(path);
    if (b.size() < 64 + 96) return QStringLiteral("the file is too short");
    const auto at = [&](qint64 offset, auto value) {
        std::memcpy(&value, b.constData() + offset, sizeof value);
        return value;
    };
    const qint64 h = 64;
    const uint64_t n = at(h + 16, uint64_t()), size = at(h + 24, uint64_t());
    const int32_t maxLevel = at(h + 48, int32_t());
    const uint32_t entry = at(h + 52, uint32_t());
    const uint64_t maxM = at(h + 56, uint64_t()), maxM0 = at(h + 64, uint64_t());
    const qint64 elements = h + 96;
    // Upper levels: each element's byte length, then its lists.
    std::vector<qint64> upper(n);
    std::vector<int> level(n);
    qint64 pos = elements + qint64(n * size);
    for (uint64_t i = 0; i < n; ++i) {
        if (pos + 4 > b.size()) return QStringLiteral("the upper levels are cut short");
        const uint32_t bytes = at(pos, uint32_t());
        level[i] = int(bytes / (maxM * 4 + 4));
        upper[i] = pos + 4;
        pos += 4 + bytes;
    }
    if (n > 0 && level[entry] != maxLevel) return QStringLiteral("the entry point is not on the top level");
    for (uint64_t i = 0; i < n; ++i) {
        for (int lv = 0; lv <= level[i]; ++lv) {
            const qint64 list = lv == 0 ? elements + qint64(i * size) : upper[i] + (lv - 1) * qint64(maxM * 4 + 4);
            const uint16_t count = at(list, uint16_t());
            if (count > (lv == 0 ? maxM0 : maxM))
                return QStringLiteral("element %1 has %2 links on level %3").arg(i).arg(count).arg(lv);
            std::set<uint32_t> seen;
            for (uint16_t j = 0; j < count; ++j) {
                const uint32_t t = at(list + 4 + 4 * j, uint32_t());
                if (t >= n || level[t] < lv)
                    return QStringLiteral("element %1 links to %2, missing on level %3").arg(i).arg(t).arg(lv);
                if (t == i) return QStringLiteral("element %1 links to itself on level %2").arg(i).arg(lv);
                if (!seen.insert(t).second)
                    return QStringLiteral("element %1 links to %2 twice on level %3").arg(i).arg(t).arg(lv);
            }
        }
    }
    return {};
}

// How many live items a search with the item's own vector (ef 64) misses;
// -1 when a search returns a deleted item.
int missedItems(const HnswGraph &g, const std::map<int, std::vector<float>> &live, const std::set<int> &deleted)
{
    int missed = 0;
    for (const auto &[item, v] : live) {
        const std::vector<char> prepared = g.prepareQuery(v.data());
        bool found = false;
        for (const HnswGraph::Candidate &c : g.search(prepared.data(), 64)) {
            const int other = g.idOf(c.label).sliced(1).toByteArray().toInt();
            if (deleted.count(other)) return -1;
            found = found || other == item;
        }
        missed += !found;
    }
    qInfo("%d of %zu live items not found by their own vector", missed, live.size());
    return missed;
}

// An HNSW graph can leave an item unreachable when pruning takes away every
// link to it: on the data of concurrentAddsKeepTheGraphValid (seeded 8 to
// 10 instead of 7), hnswlib's own insertion missed up to 5 of the 11,700
// items, Sextant's up to 6 (once 19). One in 400 is above both and far below
// what a broken insertion misses.
bool fewMissed(int missed, size_t live) { return missed >= 0 && size_t(missed) <= live / 400; }

} // namespace

class TestGraphInsert : public QObject {
    Q_OBJECT
private slots:
    void recallAsHnswlibs_data();
    void recallAsHnswlibs();
    void concurrentAddsKeepTheGraphValid_data();
    void concurrentAddsKeepTheGraphValid();
};

void TestGraphInsert::recallAsHnswlibs_data()
{
    QTest::addColumn<Metric>("metric");
    QTest::addColumn<Quantization>("quantization");
    QTest::newRow("cosine, sq8") << Metric::Cosine << Quantization::Sq8;
    QTest::newRow("l2, sq8") << Metric::L2 << Quantization::Sq8;
    QTest::newRow("cosine, none") << Metric::Cosine << Quantization::None;
    QTest::newRow("l2, none") << Metric::L2 << Quantization::None;
}

void TestGraphInsert::recallAsHnswlibs()
{
    // The same 20,000 × 64 clustered items added by each insertion (two
    // threads, batches of 1,000); recall@10 at ef 64 over 300 other points.
    QFETCH(Metric, metric);
    QFETCH(Quantization, quantization);
    constexpr int dims = 64;
    std::mt19937 rng(16);
    Vectors items = clusteredVectors(rng, 20300, dims);
    const Vectors queries(items.begin() + 20000, items.end());
    items.resize(20000);
    const std::vector<std::set<int>> truth = exactTop10(metric, items, queries);
    AnnParams p;
    p.m = 16;
    p.efConstruction = 100;
    p.quantization = quantization;
    double recall[2] = {0, 0};
    for (GraphInsertion insertion : {GraphInsertion::Sextant, GraphInsertion::Hnswlib}) {
        HnswGraph g(dims, metric, p, 1024); // grows while it is built
        QVERIFY(!build(g, items, insertion));
        QCOMPARE(g.liveCount(), qint64(items.size()));
        recall[int(insertion)] = recallAt10(g, metric, items, queries, truth);
    }
    qInfo("recall@10 at ef 64: Sextant's insertion %.4f, hnswlib's %.4f", recall[0], recall[1]);
    QVERIFY(recall[0] >= recall[1] - 0.01);
    QVERIFY(recall[1] >= 0.9); // both graphs are good ones, so the comparison means something
}

void TestGraphInsert::concurrentAddsKeepTheGraphValid_data()
{
    QTest::addColumn<Metric>("metric");
    QTest::addColumn<Quantization>("quantization");
    QTest::newRow("cosine, sq8") << Metric::Cosine << Quantization::Sq8;
    QTest::newRow("l2, none") << Metric::L2 << Quantization::None;
}

void TestGraphInsert::concurrentAddsKeepTheGraphValid()
{
    // Batches of 2,000 on two threads: new items, and from the second batch
    // on 100 updates of earlier items, 100 deletes and 50 revivals of
    // deleted ones (updates and revivals go hnswlib's way after the new
    // items). Then: every link valid, (nearly) every live item found by its
    // vector, no deleted one returned;
    // saved and loaded, the same answers; the loaded graph grown by 3,000
    // more items (past its capacity), valid and found again.
    QFETCH(Metric, metric);
    QFETCH(Quantization, quantization);
    constexpr int dims = 32;
    std::mt19937 rng(7);
    const Vectors pool = clusteredVectors(rng, 20000, dims);
    size_t nextVector = 0;
    AnnParams p;
    p.m = 12;
    p.efConstruction = 100;
    p.quantization = quantization;
    HnswGraph g(dims, metric, p, 1024);
    std::map<int, std::vector<float>> live;
    std::set<int> deleted;
    int nextItem = 0;
    for (int round = 0; round < 6; ++round) {
        std::vector<HnswGraph::Change> batch;
        std::set<int> touched; // ids are distinct within a batch
        if (round > 0) {
            std::vector<int> liveItems;
            for (const auto &entry : live)
                liveItems.push_back(entry.first);
            std::shuffle(liveItems.begin(), liveItems.end(), rng);
            for (int k = 0; k < 200; ++k) {
                const int item = liveItems[size_t(k)];
                touched.insert(item);
                if (k < 100) {
                    live[item] = pool[nextVector++];
                    batch.push_back(changeFor(item, live[item]));
                } else {
                    batch.push_back({itemId(item), {}, 0});
                    live.erase(item);
                    deleted.insert(item);
                }
            }
            std::vector<int> revive;
            for (int item : deleted)
                if (!touched.count(item) && revive.size() < 50) revive.push_back(item);
            for (int item : revive) {
                deleted.erase(item);
                live[item] = pool[nextVector++];
                batch.push_back(changeFor(item, live[item]));
            }
        }
        for (int k = 0; k < 2000; ++k) {
            live[nextItem] = pool[nextVector++];
            batch.push_back(changeFor(nextItem, live[nextItem]));
            ++nextItem;
        }
        std::shuffle(batch.begin(), batch.end(), rng);
        QVERIFY(!g.apply(batch, 2));
    }
    QCOMPARE(g.liveCount(), qint64(live.size()));
    QCOMPARE(g.deletedCount(), qint64(deleted.size()));
    QVERIFY(fewMissed(missedItems(g, live, deleted), live.size()));

    QTemporaryDir dir;
    const auto saved = g.save(dir.path(), "a.sxg", false);
    QVERIFY(saved.ok());
    const QString file = dir.path() + "/a.sxg";
    QCOMPARE(linkProblems(file), QString());
    QVERIFY(!HnswGraph::check(file, dims, metric, quantization, saved->size));
    auto loaded = HnswGraph::load(file, dims, metric, p, saved->size);
    QVERIFY(loaded.ok());
    HnswGraph &l = **loaded;
    for (size_t q = 0; q < 200; ++q) {
        const std::vector<char> prepared = g.prepareQuery(pool[pool.size() - 1 - q].data());
        const std::vector<HnswGraph::Candidate> before = g.search(prepared.data(), 32);
        const std::vector<HnswGraph::Candidate> after = l.search(prepared.data(), 32);
        QCOMPARE(after.size(), before.size());
        for (size_t i = 0; i < before.size(); ++i) {
            QCOMPARE(after[i].label, before[i].label);
            QCOMPARE(after[i].distance, before[i].distance);
        }
    }

    std::vector<HnswGraph::Change> more;
    for (int k = 0; k < 3000; ++k) {
        live[nextItem] = pool[nextVector++];
        more.push_back(changeFor(nextItem, live[nextItem]));
        ++nextItem;
    }
    QVERIFY(l.capacity() < qint64(l.elementCount()) + 3000);
    QVERIFY(!l.apply(more, 2));
    QCOMPARE(l.liveCount(), qint64(live.size()));
    QVERIFY(fewMissed(missedItems(l, live, deleted), live.size()));
    const auto again = l.save(dir.path(), "b.sxg", false);
    QVERIFY(again.ok());
    QCOMPARE(linkProblems(dir.path() + "/b.sxg"), QString());
}

QTEST_GUILESS_MAIN(TestGraphInsert)
#include "tst_graph_insert.moc"
