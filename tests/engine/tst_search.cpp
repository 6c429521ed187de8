// Queries through the public API: exact results against a brute-force
// reference, ANN recall on a seeded clustered set, the planner with
// selective filters, queries beside writes, and the graph file's life
// (saved, reloaded, damaged and rebuilt, never loaded when damaged).

#include "IndexTestSupport.h"

#include "index/Graph.h"
#include "base/Checksums.h"

#include <cstring>

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QScopeGuard>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <cmath>
#include <random>

using namespace sextant;
using namespace testsupport;

namespace {

// Clustered data: `clusters` random centres, points spread around them.
QVector<float> clusteredVector(std::mt19937 &rng, const std::vector<std::vector<float>> &centres, int dims)
{
    std::normal_distribution<float> noise(0.0f, 0.35f);
    const auto &c = centres[rng() % centres.size()];
    QVector<float> v(dims);
    for (int i = 0; i < dims; ++i)
        v[i] = c[size_t(i)] + noise(rng);
    return v;
}

std::vector<std::vector<float>> makeCentres(std::mt19937 &rng, int count, int dims)
{
    std::normal_distribution<float> n(0.0f, 1.0f);
    std::vector<std::vector<float>> out(static_cast<size_t>(count), std::vector<float>(static_cast<size_t>(dims)));
    for (auto &c : out)
        for (float &x : c)
            x = n(rng);
    return out;
}

double refDistance(Metric m, const QVector<float> &a, const QVector<float> &b)
{
    double dot = 0, na = 0, nb = 0, l2 = 0;
    for (int i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
        l2 += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
    }
    if (m == Metric::L2) return l2;
    if (m == Metric::Dot) return -dot;
    return 1.0 - dot / std::sqrt(na * nb);
}

// Brute force: ids of the k nearest among `items` that `keep` accepts.
QStringList referenceTopK(Metric m, const std::map<QString, Item> &items, const QVector<float> &q, int k,
                          const std::function<bool(const Item &)> &keep = {})
{
    std::vector<std::pair<double, QString>> all;
    for (const auto &[id, item] : items)
        if (!keep || keep(item)) all.emplace_back(refDistance(m, q, item.vector), id);
    std::sort(all.begin(), all.end());
    QStringList out;
    for (int i = 0; i < k && i < int(all.size()); ++i)
        out << all[size_t(i)].second;
    return out;
}

QStringList ids(const QueryResult &r)
{
    QStringList out;
    for (const QueryHit &h : r.hits)
        out << h.id;
    return out;
}

double recallOf(const QStringList &got, const QStringList &truth)
{
    if (truth.isEmpty()) return 1.0;
    int found = 0;
    for (const QString &id : got)
        found += truth.contains(id);
    return double(found) / truth.size();
}

QString graphFileIn(const QString &dir)
{
    const QStringList files = QDir(dir).entryList({QStringLiteral("graph-*.sxg")}, QDir::Files, QDir::Name);
    return files.isEmpty() ? QString() : dir + u'/' + files.last();
}

} // namespace

class TestSearch : public QObject {
    Q_OBJECT

private:
    // Inserts `n` clustered items with metadata {"group": i % 20, "tag": "t<i % 3>", "even": bool}.
    std::map<QString, Item> fill(Index &index, int n, int dims, quint32 seed, bool bulk = true)
    {
        std::mt19937 rng(seed);
        const auto centres = makeCentres(rng, 16, dims);
        std::map<QString, Item> items;
        QList<WriteOp> batch;
        for (int i = 0; i < n; ++i) {
            Item it;
            it.id = QStringLiteral("item-%1").arg(i, 6, 10, QLatin1Char('0'));
            it.vector = clusteredVector(rng, centres, dims);
            it.metadata = QJsonObject{{QStringLiteral("group"), i % 20},
                                      {QStringLiteral("tag"), QStringLiteral("t%1").arg(i % 3)},
                                      {QStringLiteral("even"), i % 2 == 0}};
            items[it.id] = it;
            batch.append(WriteOp::insert(it));
            if (batch.size() == 2500) {
                const WriteResult r = waitFor(index.write(batch, bulk ? Priority::Bulk : Priority::Interactive));
                if (r.error) qFatal("write failed: %s", qPrintable(r.error.message()));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            const WriteResult r = waitFor(index.write(batch, bulk ? Priority::Bulk : Priority::Interactive));
            if (r.error) qFatal("write failed: %s", qPrintable(r.error.message()));
        }
        return items;
    }

    // An 8-dimension L2 index opened without an HNSW graph.
    static Result<std::shared_ptr<Index>> createWithoutGraph(const QString &path)
    {
        OpenOptions o;
        o.graph = false;
        return Index::create(path, smallSchema(8, Metric::L2), Durability::Off, o);
    }

private slots:
    void exactMatchesBruteForce_data()
    {
        QTest::addColumn<int>("metric");
        QTest::newRow("cosine") << int(Metric::Cosine);
        QTest::newRow("l2") << int(Metric::L2);
        QTest::newRow("dot") << int(Metric::Dot);
    }
    void exactMatchesBruteForce()
    {
        QFETCH(int, metric);
        const Metric m = Metric(metric);
        QTemporaryDir dir;
        auto index = Index::create(dir.path() + "/i", smallSchema(13, m), Durability::Off);
        QVERIFY(index.ok());
        // Half in segments (checkpointed), half in the memtable, some updated and deleted.
        auto items = fill(**index, 3000, 13, 7);
        QVERIFY(!waitFor((*index)->checkpoint()).error);
        std::mt19937 rng(99);
        for (int i = 0; i < 200; ++i) {
            const QString id = QStringLiteral("item-%1").arg(int(rng() % 3000), 6, 10, QLatin1Char('0'));
            if (!items.count(id)) continue;
            if (i % 2) {
                QVERIFY(!waitFor((*index)->remove(id)).error);
                items.erase(id);
            } else {
                Item it = items[id];
                it.vector = makeVector(13, 5000 + i);
                QVERIFY(!waitFor((*index)->upsert(it)).error);
                items[id] = it;
            }
        }
        for (int qi = 0; qi < 20; ++qi) {
            QueryRequest r;
            r.vector = makeVector(13, 9000 + qi);
            r.k = 10;
            r.mode = QueryMode::Exact;
            const Result<QueryResult> res = (*index)->query(r);
            QVERIFY2(res.ok(), qPrintable(res.error().message()));
            QCOMPARE(res->strategy, QueryStrategy::ExactScan);
            QCOMPARE(ids(*res), referenceTopK(m, items, r.vector, 10));
            // Scores follow the metric's definition and come best first.
            for (int i = 0; i < res->hits.size(); ++i) {
                const double ref = refDistance(m, r.vector, items[res->hits[i].id].vector);
                const double want = m == Metric::L2 ? std::sqrt(ref) : m == Metric::Dot ? -ref : 1.0 - ref;
                QVERIFY2(std::abs(res->hits[i].score - want) < 1e-3 * std::max(1.0, std::abs(want)),
                         qPrintable(QStringLiteral("score %1, expected %2").arg(res->hits[i].score).arg(want)));
                QCOMPARE(res->hits[i].metadata, items[res->hits[i].id].metadata);
            }
        }
    }

    // The engine splits a large exact scan across its own pool, and runs
    // queryAsync there, never on QThreadPool::globalInstance(): Qt's raster
    // engine waits on the GUI thread for fills it gives that pool, so a
    // window stalled behind engine work queued there (60-126 ms per Page
    // Down while the Summary view estimated the recall).
    void queriesDoNotUseTheGlobalPool()
    {
        QTemporaryDir dir;
        auto index = createWithoutGraph(dir.path() + "/i");
        QVERIFY(index.ok());
        const auto items = fill(**index, 40000, 8, 21); // over the 32,768 rows a scan splits from
        QVERIFY(!waitFor((*index)->checkpoint()).error);
        QueryRequest r;
        r.vector = makeVector(8, 77);
        r.k = 10;
        r.mode = QueryMode::Exact;
        const QStringList want = referenceTopK(Metric::L2, items, r.vector, 10);

        // Every thread of the global pool held, and the work the engine gives
        // it counted: none may be queued there.
        QThreadPool *global = QThreadPool::globalInstance();
        QSemaphore gate, started;
        const int threads = global->maxThreadCount();
        for (int i = 0; i < threads; ++i)
            global->start([&] {
                started.release();
                gate.acquire();
            });
        started.acquire(threads);
        const auto release = qScopeGuard([&] {
            gate.release(threads);
            global->waitForDone();
        });
        const Result<QueryResult> direct = (*index)->query(r);
        QVERIFY2(direct.ok(), qPrintable(direct.error().message()));
        QCOMPARE(ids(*direct), want);
        QFuture<Result<QueryResult>> async = (*index)->queryAsync(r);
        QDeadlineTimer deadline(20000);
        while (!async.isFinished() && !deadline.hasExpired())
            QThread::msleep(5);
        QVERIFY2(async.isFinished(), "queryAsync waited for the global thread pool");
        QVERIFY(async.result().ok());
        QCOMPARE(ids(async.result().value()), want);
    }

    void likeIdExcludesItself()
    {
        QTemporaryDir dir;
        auto index = Index::create(dir.path() + "/i", smallSchema(8, Metric::Cosine), Durability::Off);
        QVERIFY(index.ok());
        auto items = fill(**index, 500, 8, 3);
        QueryRequest r;
        r.likeId = QStringLiteral("item-000042");
        r.k = 5;
        r.mode = QueryMode::Exact;
        const Result<QueryResult> res = (*index)->query(r);
        QVERIFY(res.ok());
        QVERIFY(!ids(*res).contains(r.likeId));
        std::map<QString, Item> others = items;
        others.erase(r.likeId);
        QCOMPARE(ids(*res), referenceTopK(Metric::Cosine, others, items[r.likeId].vector, 5));
        r.likeId = QStringLiteral("nope");
        QCOMPARE((*index)->query(r).error().code(), ErrorCode::NotFound);
    }

    void badRequestsAreRejected()
    {
        QTemporaryDir dir;
        auto index = Index::create(dir.path() + "/i", smallSchema(4), Durability::Off);
        QVERIFY(index.ok());
        QueryRequest r;
        r.vector = makeVector(4, 1);
        r.k = 0;
        QCOMPARE((*index)->query(r).error().code(), ErrorCode::InvalidArgument);
        r.k = 5;
        r.vector = makeVector(5, 1);
        QCOMPARE((*index)->query(r).error().code(), ErrorCode::DimensionMismatch);
        r.vector = makeVector(4, 1);
        r.vector[2] = std::nanf("");
        QCOMPARE((*index)->query(r).error().code(), ErrorCode::NonFiniteValue);
        r.vector = makeVector(4, 1);
        r.filter = R"({"a": {"$regex": "x"}})";
        const Result<QueryResult> bad = (*index)->query(r);
        QCOMPARE(bad.error().code(), ErrorCode::MalformedInput);
        QVERIFY2(bad.error().message().contains(QStringLiteral("character 7")), qPrintable(bad.error().message()));
        r.filter.clear();
        r.likeId = QStringLiteral("x");
        QCOMPARE((*index)->query(r).error().code(), ErrorCode::InvalidArgument); // both vector and id
        // An empty index answers with no hits.
        r.likeId.clear();
        const Result<QueryResult> empty = (*index)->query(r);
        QVERIFY(empty.ok());
        QVERIFY(empty->hits.isEmpty());
    }

    void annRecallOnClusteredData()
    {
        QTemporaryDir dir;
        Schema s = smallSchema(32, Metric::Cosine);
        auto index = Index::create(dir.path() + "/i", s, Durability::Off);
        QVERIFY(index.ok());
        auto items = fill(**index, 8000, 32, 11);
        QVERIFY((*index)->waitForGraph(120000));
        double recall = 0;
        const int queries = 50;
        // Queries from the data's distribution: items moved a little.
        std::mt19937 rng(5);
        std::normal_distribution<float> noise(0.0f, 0.6f);
        for (int qi = 0; qi < queries; ++qi) {
            QueryRequest r;
            r.vector = items[QStringLiteral("item-%1").arg(int(rng() % 8000), 6, 10, QLatin1Char('0'))].vector;
            for (float &x : r.vector)
                x += noise(rng);
            r.k = 10;
            r.mode = QueryMode::Ann;
            r.ef = 64; // the index's tuned ef is measured on its items; these queries are off them
            const Result<QueryResult> res = (*index)->query(r);
            QVERIFY(res.ok());
            QCOMPARE(res->strategy, QueryStrategy::Ann);
            QVERIFY(!res->fellBack);
            recall += recallOf(ids(*res), referenceTopK(Metric::Cosine, items, r.vector, 10));
        }
        recall /= queries;
        qInfo("recall@10 at ef 64 on 8,000 x 32: %.3f", recall);
        QVERIFY2(recall >= 0.9, qPrintable(QString::number(recall)));
        const Result<RecallEstimate> est = (*index)->estimateRecall(30, 10);
        QVERIFY2(est.ok(), qPrintable(est.error().message()));
        QCOMPARE(est->queries, 30);
        QVERIFY(est->recall >= 0.9);
    }

    void selectiveFilterGivesExactTopK()
    {
        QTemporaryDir dir;
        auto index = Index::create(dir.path() + "/i", smallSchema(16, Metric::L2), Durability::Off);
        QVERIFY(index.ok());
        auto items = fill(**index, 6000, 16, 21);
        QVERIFY(!waitFor((*index)->checkpoint()).error);
        QVERIFY((*index)->waitForGraph(120000));
        // group 7 and tag t1: 1 in 60 items.
        const QByteArray filter = R"({"group": 7, "tag": {"$in": ["t1"]}})";
        auto keep = [](const Item &it) {
            return it.metadata.value("group").toInt() == 7 && it.metadata.value("tag").toString() == "t1";
        };
        for (int qi = 0; qi < 20; ++qi) {
            QueryRequest r;
            r.vector = makeVector(16, 300 + qi);
            r.k = 10;
            r.filter = filter;
            const Result<QueryResult> res = (*index)->query(r);
            QVERIFY2(res.ok(), qPrintable(res.error().message()));
            QCOMPARE(res->strategy, QueryStrategy::ExactFiltered);
            QCOMPARE(ids(*res), referenceTopK(Metric::L2, items, r.vector, 10, keep));
            QCOMPARE(res->matching, 100);
        }
        // A broad filter on an index this small: its float scan fits the
        // planner's budget, so Auto answers with the true top-k.
        QueryRequest r;
        r.vector = makeVector(16, 1);
        r.k = 10;
        r.filter = R"({"even": true})";
        auto evenOnly = [](const Item &it) { return it.metadata.value("even").toBool(); };
        const Result<QueryResult> broadAuto = (*index)->query(r);
        QVERIFY(broadAuto.ok());
        QCOMPARE(broadAuto->strategy, QueryStrategy::ExactFiltered);
        QCOMPARE(ids(*broadAuto), referenceTopK(Metric::L2, items, r.vector, 10, evenOnly));
        // With no budget, and an ef no post-filtered search could widen,
        // the 3,000 matching items are scanned over the graph's 8-bit codes,
        // and reranking the best 100 exactly gives the true top-k here.
        r.exactBudgetMs = 0;
        r.ef = AnnParams::kMaxEf;
        const Result<QueryResult> overCodes = (*index)->query(r);
        QVERIFY(overCodes.ok());
        QCOMPARE(overCodes->strategy, QueryStrategy::QuantizedFiltered);
        QCOMPARE(ids(*overCodes), referenceTopK(Metric::L2, items, r.vector, 10, evenOnly));
        r.exactBudgetMs = 2.0;
        r.ef = 0;
        // Through the graph it still finds k matches.
        r.mode = QueryMode::Ann;
        const Result<QueryResult> broad = (*index)->query(r);
        QVERIFY(broad.ok());
        QCOMPARE(broad->strategy, QueryStrategy::AnnPostFiltered);
        QCOMPARE(broad->hits.size(), 10);
        for (const QueryHit &h : broad->hits)
            QCOMPARE(h.metadata.value("even").toBool(), true);
        const QStringList truth = referenceTopK(Metric::L2, items, r.vector, 10,
                                                [](const Item &it) { return it.metadata.value("even").toBool(); });
        QVERIFY(recallOf(ids(*broad), truth) >= 0.8);
        // Forced ANN with a rare filter grows ef until it finds them.
        r.filter = R"({"group": 3, "tag": "t0"})";
        r.mode = QueryMode::Ann;
        const Result<QueryResult> rare = (*index)->query(r);
        QVERIFY(rare.ok());
        QCOMPARE(rare->strategy, QueryStrategy::AnnPostFiltered);
        QCOMPARE(rare->hits.size(), 10);
        QVERIFY(rare->efUsed > 64);
    }

    void readsItsOwnWrites()
    {
        // An item inserted a moment ago is found by ANN queries before the
        // graph has it (it is searched exactly meanwhile).
        QTemporaryDir dir;
        auto index = Index::create(dir.path() + "/i", smallSchema(16, Metric::Cosine), Durability::Off);
        QVERIFY(index.ok());
        fill(**index, 4000, 16, 2);
        QVERIFY((*index)->waitForGraph(120000));
        for (int i = 0; i < 50; ++i) {
            Item it{QStringLiteral("new-%1").arg(i), makeVector(16, 100000 + i), {}};
            QVERIFY(!waitFor((*index)->insert(it)).error);
            QueryRequest r;
            r.vector = it.vector;
            r.k = 1;
            r.mode = QueryMode::Ann;
            const Result<QueryResult> res = (*index)->query(r);
            QVERIFY(res.ok());
            QCOMPARE(res->hits.value(0).id, it.id);
            // ... and a deleted one is gone at once.
            QVERIFY(!waitFor((*index)->remove(it.id)).error);
            const Result<QueryResult> after = (*index)->query(r);
            QVERIFY(after.ok());
            QVERIFY(after->hits.value(0).id != it.id);
        }
    }

    void queriesBesideWrites()
    {
        QTemporaryDir dir;
        auto index = Index::create(dir.path() + "/i", smallSchema(16, Metric::L2), Durability::Off);
        QVERIFY(index.ok());
        fill(**index, 3000, 16, 4);
        Index &ix = **index;
        std::atomic<bool> stop{false};
        std::atomic<int> bad{0}, done{0};
        // Writers change vectors and delete; readers check every hit is a
        // real item whose returned score matches its stored vector.
        auto reader = [&](int seed) {
            std::mt19937 rng(seed);
            while (!stop) {
                QueryRequest r;
                r.vector = makeVector(16, rng());
                r.k = 10;
                r.withVectors = true;
                r.mode = (rng() % 2) ? QueryMode::Ann : QueryMode::Exact;
                if (rng() % 3 == 0) r.filter = R"({"group": {"$lt": 10}})";
                const Result<QueryResult> res = ix.query(r);
                if (!res.ok()) {
                    ++bad;
                    continue;
                }
                float last = -1;
                for (const QueryHit &h : res->hits) {
                    const float d = float(std::sqrt(refDistance(Metric::L2, r.vector, h.vector)));
                    if (std::abs(d - h.score) > 1e-3f * std::max(1.0f, d) || h.score + 1e-4f < last) ++bad;
                    last = h.score;
                }
                ++done;
            }
        };
        auto f1 = QtConcurrent::run(reader, 1);
        auto f2 = QtConcurrent::run(reader, 2);
        for (int round = 0; round < 30; ++round) {
            QList<WriteOp> batch;
            for (int i = 0; i < 100; ++i) {
                const QString id = QStringLiteral("item-%1").arg((round * 100 + i) % 3000, 6, 10, QLatin1Char('0'));
                if (i % 5 == 0)
                    batch.append(WriteOp::remove(id));
                else
                    batch.append(WriteOp::upsert(Item{id, makeVector(16, round * 1000 + i), {{"group", i % 20}}}));
            }
            // A removal of an already removed id fails the batch; ignore that.
            waitFor(ix.write(batch));
            if (round % 10 == 9) waitFor(ix.checkpoint());
        }
        stop = true;
        f1.waitForFinished();
        f2.waitForFinished();
        QCOMPARE(bad.load(), 0);
        QVERIFY(done.load() > 10);
    }

    void graphIsSavedAndReloaded()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/i";
        {
            auto index = Index::create(path, smallSchema(16, Metric::Cosine), Durability::Off);
            QVERIFY(index.ok());
            fill(**index, 3000, 16, 8);
            QVERIFY((*index)->waitForGraph(120000));
            QVERIFY(!(*index)->close());
        }
        const QString file = graphFileIn(path);
        QVERIFY2(!file.isEmpty(), "close() saved no graph");
        QVERIFY(HnswGraph::check(file, 16, Metric::Cosine, AnnParams::kDefaultQuantization, -1).ok());
        auto index = Index::open(path);
        QVERIFY(index.ok());
        QVERIFY((*index)->waitForGraph(60000));
        const GraphStatus st = (*index)->graphStatus();
        QCOMPARE(st.items, 3000);
        QVERIFY(st.message.isEmpty());
        QCOMPARE(QFileInfo(path + u'/' + st.file).absoluteFilePath(), QFileInfo(file).absoluteFilePath());
        // Full verify checks the graph file's SHA-256 like every other file.
        (*index)->close();
        VerifyOptions vo;
        vo.full = true;
        const Result<VerifyReport> rep = verifyIndex(path, vo);
        QVERIFY(rep.ok());
        QString problems;
        for (const Finding &f : rep->findings)
            problems += f.file + ": " + f.message + "\n";
        QVERIFY2(rep->clean(), qPrintable(problems));
        QVERIFY(rep->filesChecked >= 2);
    }

    void damagedGraphIsRebuiltNotLoaded_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("bit flip in links") << "flip";
        QTest::newRow("truncated") << "truncate";
        QTest::newRow("deleted") << "delete";
    }
    void damagedGraphIsRebuiltNotLoaded()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const QString path = dir.path() + "/i";
        std::map<QString, Item> items;
        {
            auto index = Index::create(path, smallSchema(16, Metric::L2), Durability::Off);
            QVERIFY(index.ok());
            items = fill(**index, 2500, 16, 9);
            QVERIFY((*index)->waitForGraph(120000));
            QVERIFY(!(*index)->close());
        }
        const QString file = graphFileIn(path);
        QVERIFY(!file.isEmpty());
        const qint64 size = QFileInfo(file).size();
        if (damage == "flip")
            QVERIFY(flipBit(file, 64 + 96 + 20, 3)); // inside the first element's links
        else if (damage == "truncate")
            QVERIFY(QFile::resize(file, size / 2));
        else
            QVERIFY(QFile::remove(file));
        if (damage != "delete")
            QVERIFY(!HnswGraph::check(file, 16, Metric::L2, AnnParams::kDefaultQuantization, size).ok());
        // Verify reports it as a warning (derived data: rebuilt, nothing lost).
        const Result<VerifyReport> rep = verifyIndex(path);
        QVERIFY(rep.ok());
        bool reported = false;
        for (const Finding &f : rep->findings)
            reported |= f.file == QFileInfo(file).fileName() && f.severity == Finding::Severity::Warning;
        QVERIFY(reported);
        auto index = Index::open(path);
        QVERIFY(index.ok());
        QVERIFY((*index)->waitForGraph(120000));
        const GraphStatus st = (*index)->graphStatus();
        QCOMPARE(st.items, 2500);
        if (damage != "delete")
            QVERIFY2(st.message.contains("rebuilt") || st.file != QFileInfo(file).fileName(), qPrintable(st.message));
        // The rebuilt graph answers correctly.
        QueryRequest r;
        r.vector = makeVector(16, 5);
        r.k = 10;
        r.mode = QueryMode::Ann;
        const Result<QueryResult> res = (*index)->query(r);
        QVERIFY(res.ok());
        QVERIFY(!res->fellBack);
        QVERIFY(recallOf(ids(*res), referenceTopK(Metric::L2, items, r.vector, 10)) >= 0.8);
    }

    void withoutGraphQueriesFallBack()
    {
        QTemporaryDir dir;
        auto index = createWithoutGraph(dir.path() + "/i");
        QVERIFY(index.ok());
        auto items = fill(**index, 3000, 8, 1);
        QueryRequest r;
        r.vector = makeVector(8, 3);
        r.mode = QueryMode::Ann;
        const Result<QueryResult> res = (*index)->query(r);
        QVERIFY(res.ok());
        QVERIFY(res->fellBack);
        QVERIFY(!res->fallbackReason.isEmpty());
        QCOMPARE(res->strategy, QueryStrategy::ExactScan);
        QCOMPARE(ids(*res), referenceTopK(Metric::L2, items, r.vector, 10));
        QCOMPARE((*index)->estimateRecall(5).error().code(), ErrorCode::NotReady);
        QCOMPARE(errorCodeName(ErrorCode::NotReady), QStringLiteral("not_ready"));
        // Auto on an index opened without a graph is exact by choice, not a fallback.
        r.mode = QueryMode::Auto;
        const Result<QueryResult> autoRes = (*index)->query(r);
        QVERIFY(autoRes.ok());
        QVERIFY(!autoRes->fellBack);
        QVERIFY(autoRes->fallbackReason.isEmpty());
        QCOMPARE(ids(*autoRes), referenceTopK(Metric::L2, items, r.vector, 10));
    }

    // Duplicate vectors tie: which of the tied ids the exact top k holds is
    // arbitrary, so an ANN hit as close as the exact k-th counts as found.
    void recallCountsTiesAsFound_data()
    {
        QTest::addColumn<int>("metric");
        QTest::newRow("cosine") << int(Metric::Cosine);
        QTest::newRow("l2") << int(Metric::L2);
    }
    void recallCountsTiesAsFound()
    {
        QFETCH(int, metric);
        QTemporaryDir dir;
        auto index = Index::create(dir.path() + "/i", smallSchema(8, Metric(metric)), Durability::Off);
        QVERIFY(index.ok());
        QList<WriteOp> batch;
        for (int i = 0; i < 400; ++i) {
            Item it;
            it.id = QStringLiteral("dup-%1").arg(i, 4, 10, QLatin1Char('0'));
            it.vector = makeVector(8, quint32(i % 8)); // 8 vectors, 50 ids each
            batch.append(WriteOp::insert(it));
        }
        QVERIFY(!waitFor((*index)->write(batch)).error);
        QVERIFY((*index)->waitForGraph(60000));
        const Result<RecallEstimate> est = (*index)->estimateRecall(40, 10);
        QVERIFY2(est.ok(), qPrintable(est.error().message()));
        QCOMPARE(est->recall, 1.0);
    }

    void reportsWhatItDid()
    {
        QTemporaryDir dir;
        auto index = Index::create(dir.path() + "/i", smallSchema(16, Metric::L2), Durability::Off);
        QVERIFY(index.ok());
        fill(**index, 3000, 16, 12);
        QVERIFY((*index)->waitForGraph(120000));
        // The ef reported is the one searched with: at least k.
        const Result<RecallEstimate> est = (*index)->estimateRecall(5, 20, 16);
        QVERIFY(est.ok());
        QCOMPARE(est->ef, 20);
        // Without a filter the ef asked for is the ef searched with.
        QueryRequest r;
        r.vector = makeVector(16, 2);
        r.mode = QueryMode::Ann;
        r.ef = 64;
        const Result<QueryResult> plain = (*index)->query(r);
        QVERIFY(plain.ok());
        QCOMPARE(plain->efUsed, 64);
        QVERIFY2(!plain->plan.contains("grown"), qPrintable(plain->plan));
        // A filter matching half the items widens it to ef over the
        // selectivity, and the plan says so.
        r.filter = R"({"even": true})";
        const Result<QueryResult> res = (*index)->query(r);
        QVERIFY(res.ok());
        QCOMPARE(res->efUsed, 128);
        QVERIFY2(res->plan.contains(QStringLiteral("ef 128 (grown from 64")), qPrintable(res->plan));
        r.filter = R"({"group": 3, "tag": "t0"})";
        const Result<QueryResult> rare = (*index)->query(r);
        QVERIFY(rare.ok());
        QVERIFY(rare->efUsed > 128);
        QVERIFY2(rare->plan.contains(QStringLiteral("grown from 64")), qPrintable(rare->plan));
    }

    void graphFileRoundTripsExactly_data()
    {
        QTest::addColumn<int>("quantization");
        QTest::newRow("float") << int(Quantization::None);
        QTest::newRow("sq8") << int(Quantization::Sq8);
    }

    void graphFileRoundTripsExactly()
    {
        QFETCH(int, quantization);
        AnnParams params;
        params.quantization = Quantization(quantization);
        // Saving a loaded graph gives the same bytes: the loader keeps everything.
        QTemporaryDir dir;
        HnswGraph g(8, Metric::Cosine, params, 16);
        std::vector<HnswGraph::Change> changes;
        for (int i = 0; i < 500; ++i) {
            const QVector<float> v = makeVector(8, i);
            changes.push_back({QByteArray::number(i), std::vector<float>(v.begin(), v.end()),
                               HnswGraph::vectorHash(v.constData(), 8)});
        }
        QVERIFY(!g.apply(changes, 2));
        QVERIFY(!g.apply({{QByteArray("7"), {}, 0}}, 1)); // a delete
        QCOMPARE(g.liveCount(), 499);
        QCOMPARE(g.deletedCount(), 1);
        const Result<storage::FileRecord> a = g.save(dir.path(), "a.sxg", false);
        QVERIFY(a.ok());
        auto loaded = HnswGraph::load(dir.path() + "/a.sxg", 8, Metric::Cosine, params, a->size);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message()));
        QCOMPARE((*loaded)->liveCount(), 499);
        const Result<storage::FileRecord> b = (*loaded)->save(dir.path(), "b.sxg", false);
        QVERIFY(b.ok());
        QCOMPARE(b->sha256, a->sha256);
        // Every single-byte change anywhere is caught before parsing.
        const QByteArray bytes = readAll(dir.path() + "/a.sxg");
        std::mt19937 rng(3);
        for (int i = 0; i < 200; ++i) {
            QByteArray bad = bytes;
            bad[int(rng() % bad.size())] ^= char(1 << (rng() % 8));
            QVERIFY(writeAll(dir.path() + "/c.sxg", bad));
            QVERIFY(!HnswGraph::load(dir.path() + "/c.sxg", 8, Metric::Cosine, params, -1).ok());
        }
        QVERIFY(!HnswGraph::load(dir.path() + "/a.sxg", 9, Metric::Cosine, params, -1).ok()); // wrong shape

        // Damage behind a valid checksum (a file written by a buggy or hostile
        // program): the structural checks refuse it or load something that
        // searches without reading out of bounds. Run under ASan to see reads.
        auto resum = [](QByteArray &b) {
            const quint64 sum = base::xxh3(b.constData(), size_t(b.size() - 16));
            std::memcpy(b.data() + b.size() - 16, &sum, 8);
        };
        int refused = 0, loadedOk = 0;
        for (int i = 0; i < 3000; ++i) {
            QByteArray bad = bytes;
            const int flips = 1 + int(rng() % 4);
            for (int f = 0; f < flips; ++f) {
                // Mostly the header and the hnswlib section, where the structure is.
                const int at = int(rng() % 2 ? rng() % 200 : rng() % quint64(bad.size() - 24));
                bad[at] = char(rng() % 3 == 0 ? rng() : bad[at] ^ char(1 << (rng() % 8)));
            }
            resum(bad);
            QVERIFY(writeAll(dir.path() + "/d.sxg", bad));
            auto g2 = HnswGraph::load(dir.path() + "/d.sxg", 8, Metric::Cosine, params, -1);
            if (!g2.ok()) {
                ++refused;
                QVERIFY(g2.error().code() == ErrorCode::Corruption ||
                        g2.error().code() == ErrorCode::UnsupportedFormat);
                continue;
            }
            ++loadedOk; // a flip in a vector or a flag: still a well-formed graph
            const QVector<float> qv = makeVector(8, i);
            const std::vector<char> pq = (*g2)->prepareQuery(qv.constData());
            for (const HnswGraph::Candidate &c : (*g2)->search(pq.data(), 32))
                QVERIFY(c.label < (*g2)->labelCount());
        }
        qInfo("checksum-valid damaged %s graph files: %d refused, %d loaded and searched safely",
              qPrintable(quantizationName(params.quantization)), refused, loadedOk);
        QVERIFY(refused > 0);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
