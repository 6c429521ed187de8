// Recall the user can count on (docs/search.md, "Tuned ef" and "The
// planner"), and the graph's upkeep after deletes ("Background rebuild"):
//   - on uniform random 128-dimension data (20,000 items, M 16,
//     efConstruction 100: hard data, where ef 64 misses many neighbours) the
//     index measures the ef that reaches its target recall@10, keeps it in the
//     manifest, and queries without an ef reach the target, unfiltered and
//     with a filter matching 10 % of the items;
//   - full verify on such data does not offer "Rebuild graph";
//   - after deleting half of 20,000 items the graph is rebuilt in the
//     background and swapped in without a reopen: no deleted entries, memory
//     in proportion, recall@10 at ef 64 >= 0.95, and queries running beside
//     the rebuild never fail or return a deleted item.

#include "IndexTestSupport.h"

#include "index/Graph.h"
#include "storage/Manifest.h"

#include <QDir>
#include <QTemporaryDir>
#include <atomic>
#include <random>
#include <thread>

using namespace sextant;
using namespace testsupport;

namespace {

constexpr int kItems = 20000;
constexpr int kDims = 128;

QString itemId(int i) { return QStringLiteral("item-%1").arg(i, 6, 10, QLatin1Char('0')); }

QVector<float> uniformVector(std::mt19937 &rng, int dims)
{
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    QVector<float> v(dims);
    for (float &x : v)
        x = u(rng);
    return v;
}

// Inserts `n` uniform random vectors with {"bucket": i % 10}.
void fillUniform(Index &index, int n, int dims, quint32 seed)
{
    std::mt19937 rng(seed);
    QList<WriteOp> batch;
    for (int i = 0; i < n; ++i) {
        batch.append(WriteOp::insert(
            Item{itemId(i), uniformVector(rng, dims), QJsonObject{{QStringLiteral("bucket"), i % 10}}}));
        if (batch.size() == 2500 || i == n - 1) {
            const WriteResult r = waitFor(index.write(batch, Priority::Bulk));
            if (r.error) qFatal("write failed: %s", qPrintable(r.error.message()));
            batch.clear();
        }
    }
}

QStringList idsOf(const QueryResult &r)
{
    QStringList out;
    for (const QueryHit &h : r.hits)
        out << h.id;
    return out;
}

// Mean recall@10 of `mode` (ef 0: the index's default) against the exact
// search, on `queries` fresh uniform random vectors.
double measuredRecall(const Index &index, QueryMode mode, int ef, const QByteArray &filter, int queries, quint32 seed,
                      QueryStrategy *strategy = nullptr)
{
    std::mt19937 rng(seed);
    double sum = 0;
    for (int q = 0; q < queries; ++q) {
        QueryRequest r;
        r.vector = uniformVector(rng, index.schema().dimensions);
        r.k = 10;
        r.filter = filter;
        r.withMetadata = false;
        r.mode = QueryMode::Exact;
        const Result<QueryResult> exact = index.query(r);
        if (!exact.ok()) qFatal("exact query failed: %s", qPrintable(exact.error().message()));
        r.mode = mode;
        r.ef = ef;
        const Result<QueryResult> got = index.query(r);
        if (!got.ok()) qFatal("query failed: %s", qPrintable(got.error().message()));
        if (strategy) *strategy = got->strategy;
        const QStringList truth = idsOf(*exact);
        int found = 0;
        for (const QString &id : idsOf(*got))
            found += truth.contains(id);
        sum += double(found) / double(std::max<qsizetype>(truth.size(), 1));
    }
    return sum / queries;
}

Schema uniformSchema(int efSearch)
{
    Schema s = smallSchema(kDims, Metric::L2);
    s.fields = {FieldSpec{QStringLiteral("bucket"), FieldType::Number, false}};
    s.ann.efConstruction = 100;
    s.ann.efSearch = efSearch;
    return s;
}

} // namespace

class TestTunedRecall : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // One hard index for the tuning tests: made with ef 16, which
        // finds far fewer than 95 % of the neighbours on this data.
        auto index = Index::create(m_dir.path() + "/uniform", uniformSchema(16), Durability::Off);
        QVERIFY2(index.ok(), qPrintable(index.error().message()));
        fillUniform(**index, kItems, kDims, 7);
        QVERIFY((*index)->waitForGraph(300000));
        m_uniform = *index;
    }

    void tunedEfReachesTheTarget()
    {
        const GraphStatus g = m_uniform->graphStatus();
        QCOMPARE(g.targetRecall, 0.95);
        QVERIFY2(g.tunedEf > 16, qPrintable(QString::number(g.tunedEf)));
        QVERIFY2(g.tunedRecall >= 0.95, qPrintable(QString::number(g.tunedRecall)));
        QCOMPARE(g.tunedItems, qint64(kItems));
        // What the made-with ef gives: far below the target.
        const double atMadeWith = measuredRecall(*m_uniform, QueryMode::Ann, 16, {}, 100, 11);
        qInfo("recall@10 at ef 16: %.3f; tuned ef %d (%.3f measured)", atMadeWith, g.tunedEf, g.tunedRecall);
        QVERIFY2(atMadeWith < 0.9, qPrintable(QString::number(atMadeWith)));
        // Queries that set no ef use the tuned one: the graph alone reaches
        // the target on fresh queries (within the sample's noise) ...
        const double ann = measuredRecall(*m_uniform, QueryMode::Ann, 0, {}, 200, 12);
        qInfo("recall@10 of ANN at the tuned ef: %.3f", ann);
        QVERIFY2(ann >= 0.93, qPrintable(QString::number(ann)));
        // ... and auto reaches it.
        const double autoRecall = measuredRecall(*m_uniform, QueryMode::Auto, 0, {}, 100, 13);
        qInfo("recall@10 of auto: %.3f", autoRecall);
        QVERIFY2(autoRecall >= 0.95, qPrintable(QString::number(autoRecall)));
        // The tuned ef is in the manifest.
        const Result<storage::Manifest> m = storage::Manifest::read(m_dir.path() + "/uniform/MANIFEST");
        QVERIFY(m.ok());
        QVERIFY(m->tuning.has_value());
        QCOMPARE(m->tuning->ef, g.tunedEf);
    }

    void sampleDoesNotWalkThroughTheItemItself()
    {
        // Items in tight groups of ten (near-duplicates: chunks that share a
        // passage, say) on a sparse graph (M 4). A sampled item's own links
        // lead straight to its group, where a query the graph has never seen
        // must find the group through other elements. The tuning searches
        // without the item's own element, as such a query would, so the
        // tuned ef reaches the target on fresh queries too.
        QTemporaryDir dir;
        constexpr int dims = 24, groups = 2000, perGroup = 10;
        Schema s = smallSchema(dims, Metric::L2);
        s.ann.m = 4;
        s.ann.efConstruction = 40;
        s.ann.efSearch = 10;
        auto index = Index::create(dir.path() + "/groups", s, Durability::Off);
        QVERIFY2(index.ok(), qPrintable(index.error().message()));
        std::mt19937 rng(31);
        std::vector<QVector<float>> centres;
        for (int g = 0; g < groups; ++g)
            centres.push_back(uniformVector(rng, dims));
        std::normal_distribution<float> noise(0.0f, 0.02f);
        auto near = [&](int g) {
            QVector<float> v = centres[size_t(g)];
            for (float &x : v)
                x += noise(rng);
            return v;
        };
        QList<WriteOp> batch;
        for (int i = 0; i < groups * perGroup; ++i) {
            batch.append(WriteOp::insert(Item{itemId(i), near(i % groups), {}}));
            if (batch.size() == 2500) {
                QVERIFY(!waitFor((*index)->write(batch, Priority::Bulk)).error);
                batch.clear();
            }
        }
        QVERIFY((*index)->waitForGraph(300000));
        const Result<EfTuning> t = (*index)->tuneEf(200, 0.95, 5);
        QVERIFY2(t.ok(), qPrintable(t.error().message()));
        QueryRequest r;
        double sum = 0;
        const int queries = 300;
        std::uniform_int_distribution<int> pick(0, groups - 1);
        for (int q = 0; q < queries; ++q) {
            r.vector = near(pick(rng));
            r.k = 10;
            r.withMetadata = false;
            r.mode = QueryMode::Exact;
            r.ef = 0;
            const Result<QueryResult> exact = (*index)->query(r);
            r.mode = QueryMode::Ann;
            r.ef = t->ef;
            const Result<QueryResult> ann = (*index)->query(r);
            QVERIFY(exact.ok() && ann.ok());
            QSet<QString> truth;
            for (const QueryHit &h : exact->hits)
                truth.insert(h.id);
            int found = 0;
            for (const QueryHit &h : ann->hits)
                found += truth.contains(h.id);
            sum += found / 10.0;
        }
        qInfo("grouped items, sparse graph: tuned ef %d (%.3f on the sample); fresh queries at it: %.3f", t->ef,
              t->recall, sum / queries);
        // The tuned ef is the smallest that reaches 0.95 on its 200 sampled
        // items, so fresh queries land around 0.95, give or take sampling
        // error (both means have a standard error near 0.01 here, and the
        // two-thread build makes each run's graph a little different: 0.936
        // to 0.97 seen). Walking through the item itself overestimated by far
        // more (0.90 at the tuned ef on real text).
        QVERIFY2(sum / queries >= 0.92, qPrintable(QString::number(sum / queries)));
        QVERIFY(!(*index)->close());
    }

    void filteredQueriesReachTheTarget()
    {
        // {"bucket": 3} matches 10 % of the items.
        const QByteArray filter = R"({"bucket": 3})";
        QueryStrategy strategy = QueryStrategy::ExactScan;
        const double autoRecall = measuredRecall(*m_uniform, QueryMode::Auto, 0, filter, 100, 21, &strategy);
        qInfo("filtered 10 %%: recall@10 of auto %.3f (%s)", autoRecall, qPrintable(queryStrategyName(strategy)));
        QVERIFY2(autoRecall >= 0.95, qPrintable(QString::number(autoRecall)));
        // The graph with post-filtering widens ef by the selectivity.
        const double ann = measuredRecall(*m_uniform, QueryMode::Ann, 0, filter, 100, 22, &strategy);
        qInfo("filtered 10 %%: recall@10 of ANN %.3f", ann);
        QCOMPARE(strategy, QueryStrategy::AnnPostFiltered);
        QVERIFY2(ann >= 0.93, qPrintable(QString::number(ann)));
    }

    void verifyDoesNotOfferARebuildForHardData()
    {
        VerifyOptions o;
        o.full = true;
        o.recallSample = 100;
        const Result<VerifyReport> r = verifyIndex(m_dir.path() + "/uniform", o);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        bool saysEf = false;
        for (const Finding &f : r->findings) {
            QVERIFY2(f.action != RepairAction::RebuildGraph, qPrintable(f.message));
            saysEf = saysEf || f.message.contains(QStringLiteral("needs a higher ef"));
        }
        QVERIFY2(saysEf, "verify does not say which ef the data needs");
        QVERIFY2(r->measuredRecall >= 0.9, qPrintable(QString::number(r->measuredRecall)));
    }

    void tunedEfSurvivesAReopen()
    {
        const int ef = m_uniform->graphStatus().tunedEf;
        QVERIFY(!m_uniform->close());
        m_uniform.reset();
        OpenOptions o;
        o.graph = false;
        auto reopened = Index::open(m_dir.path() + "/uniform", o);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error().message()));
        QCOMPARE((*reopened)->graphStatus().tunedEf, ef);
    }

    void deletingHalfRebuildsTheGraph()
    {
        // Clustered-free, easy-to-judge data: 20,000 uniform 16-dimension items.
        QTemporaryDir dir;
        Schema s = smallSchema(16, Metric::L2);
        s.ann.efConstruction = 100;
        auto index = Index::create(dir.path() + "/i", s, Durability::Off);
        QVERIFY(index.ok());
        fillUniform(**index, kItems, 16, 31);
        QVERIFY((*index)->waitForGraph(300000));
        const GraphStatus before = (*index)->graphStatus();
        QCOMPARE(before.items, qint64(kItems));
        QCOMPARE(before.rebuilds, 0);
        const QString fileBefore = before.file;

        // Queries run beside the deletes and the rebuild.
        QSet<QString> deleted;
        for (int i = 0; i < kItems; i += 2)
            deleted.insert(itemId(i));
        std::atomic<bool> stop{false}, bad{false};
        std::atomic<int> queries{0};
        QString badWhy;
        std::thread reader([&] {
            std::mt19937 rng(41);
            while (!stop) {
                QueryRequest r;
                r.vector = uniformVector(rng, 16);
                r.k = 10;
                r.mode = QueryMode::Ann;
                r.withMetadata = false;
                const Result<QueryResult> res = (*index)->query(r);
                if (!res.ok()) {
                    badWhy = res.error().message();
                    bad = true;
                    return;
                }
                ++queries;
            }
        });
        QList<WriteOp> batch;
        for (const QString &id : std::as_const(deleted)) {
            batch.append(WriteOp::remove(id));
            if (batch.size() == 2500) {
                QVERIFY(!waitFor((*index)->write(batch, Priority::Bulk)).error);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) QVERIFY(!waitFor((*index)->write(batch, Priority::Bulk)).error);
        QVERIFY((*index)->waitForGraph(300000));
        stop = true;
        reader.join();
        QVERIFY2(!bad, qPrintable(badWhy));
        qInfo("%d queries ran beside the deletes and the rebuild", queries.load());

        const GraphStatus after = (*index)->graphStatus();
        QCOMPARE(after.rebuilds, 1);
        QVERIFY(!after.rebuilding);
        QCOMPARE(after.items, qint64(kItems / 2));
        QCOMPARE(after.deleted, qint64(0));
        // Less the part a graph takes before its first item (mostly hnswlib's
        // 65,536 locks for updates, 2.5 MiB), the same before and after.
        const qint64 fixed = HnswGraph(16, Metric::L2, s.ann).memoryBytes();
        qInfo("graph memory %lld -> %lld bytes, %lld of them before the first item",
              static_cast<long long>(before.memoryBytes), static_cast<long long>(after.memoryBytes),
              static_cast<long long>(fixed));
        QVERIFY2(after.memoryBytes - fixed <= (before.memoryBytes - fixed) * 6 / 10,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.memoryBytes).arg(after.memoryBytes)));
        // The rebuilt graph was saved as a new file; the superseded one is gone.
        QVERIFY(!after.file.isEmpty());
        QVERIFY(after.file != fileBefore);
        QVERIFY(fileBefore.isEmpty() || !QFile::exists(dir.path() + "/i/" + fileBefore));
        QVERIFY(QFile::exists(dir.path() + "/i/" + after.file));

        // Recall at ef 64 on the remaining items, and never a deleted item.
        std::mt19937 rng(43);
        double sum = 0;
        constexpr int kQueries = 100;
        for (int q = 0; q < kQueries; ++q) {
            QueryRequest r;
            r.vector = uniformVector(rng, 16);
            r.k = 10;
            r.withMetadata = false;
            r.mode = QueryMode::Exact;
            const Result<QueryResult> exact = (*index)->query(r);
            QVERIFY(exact.ok());
            r.mode = QueryMode::Ann;
            r.ef = 64;
            const Result<QueryResult> ann = (*index)->query(r);
            QVERIFY(ann.ok());
            QCOMPARE(ann->strategy, QueryStrategy::Ann);
            const QStringList truth = idsOf(*exact);
            int found = 0;
            for (const QString &id : idsOf(*ann)) {
                QVERIFY2(!deleted.contains(id), qPrintable(id));
                found += truth.contains(id);
            }
            sum += found / 10.0;
        }
        qInfo("recall@10 at ef 64 after the rebuild: %.3f", sum / kQueries);
        QVERIFY2(sum / kQueries >= 0.95, qPrintable(QString::number(sum / kQueries)));
    }

    void cleanupTestCase()
    {
        if (m_uniform) m_uniform->close();
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Index> m_uniform;
};

QTEST_GUILESS_MAIN(TestTunedRecall)
#include "tst_tuned_recall.moc"
