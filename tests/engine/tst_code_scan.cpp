// The filtered scan over the graph's 8-bit codes (docs/search.md, "The
// filtered scan over 8-bit codes"): Auto with a filter matching many items,
// on an index with an sq8 graph, scores the matching rows from their codes
// and reranks the best with their floats.
//   - on small sets its top-k is the float scan's (QueryMode::Exact, which
//     stays the float scan), ids and scores, at several selectivities and
//     every metric, with items in the memtable, changes the graph has not
//     caught up with, deletes, upserts, after checkpoints, a compaction and
//     a reopen, and for "more like this";
//   - the rows of a freshly checkpointed segment are given location hints in
//     the background, so the scan reads every row's code (and scores none of
//     them with floats) once the graph has caught up.

#include "IndexTestSupport.h"

#include <QTemporaryDir>
#include <cmath>
#include <random>

using namespace sextant;
using namespace testsupport;

namespace {

constexpr int kDims = 24;

QString idOf(int i) { return QStringLiteral("c-%1").arg(i, 5, 10, QLatin1Char('0')); }

// Points around one of 12 centres, with lengths that vary (dot and l2 then
// rank differently from cosine).
QVector<float> point(std::mt19937 &rng)
{
    std::uniform_int_distribution<int> centre(0, 11);
    std::normal_distribution<float> spread(0.0f, 0.35f);
    std::uniform_real_distribution<float> scale(0.6f, 1.8f);
    const int c = centre(rng);
    const float s = scale(rng);
    QVector<float> v(kDims);
    for (int d = 0; d < kDims; ++d)
        v[d] = s * (float(std::cos(c * 2.3 + d * 0.61)) + spread(rng));
    return v;
}

// Random metadata: "b" uniform in 0..99, so {"b": {"$lt": x}} matches about x %.
Item itemFor(int i, std::mt19937 &rng)
{
    std::uniform_int_distribution<int> bucket(0, 99);
    return Item{idOf(i), point(rng), QJsonObject{{QStringLiteral("b"), bucket(rng)}}};
}

struct Selectivity {
    const char *name;
    QByteArray filter;
    bool codes; // whether Auto scans it over the codes (it matches at least 4 x 100 items)
};
const Selectivity kSelectivities[] = {
    {"50 %", R"({"b": {"$lt": 50}})", true},
    {"20 %", R"({"b": {"$lt": 20}})", true},
    {"3 %", R"({"b": {"$lt": 3}})", false},
};

// Auto with no budget for the exact scan (on sets this small every scan
// fits the default 2 ms, and the scan over codes is taken only beyond it)
// and the widest ef, which no post-filtered search could widen for a
// filter: the planner scans, whatever the costs it measured.
QueryResult query(const Index &index, const QueryRequest &base, QueryMode mode)
{
    QueryRequest r = base;
    r.mode = mode;
    if (mode == QueryMode::Auto) {
        r.exactBudgetMs = 0;
        r.ef = AnnParams::kMaxEf;
    }
    Result<QueryResult> res = index.query(r);
    if (!res.ok()) qFatal("query failed: %s", qPrintable(res.error().message()));
    return *res;
}

std::shared_ptr<Index> make(const QString &dir, Metric metric, Quantization quantization = Quantization::Sq8)
{
    Schema s = smallSchema(kDims, metric);
    s.ann.m = 12;
    s.ann.efConstruction = 80;
    s.ann.quantization = quantization;
    Result<std::shared_ptr<Index>> created = Index::create(dir, s, Durability::Off);
    if (!created.ok()) qFatal("create failed: %s", qPrintable(created.error().message()));
    return *created;
}

// A top-10 query for `v` with `filter`, without metadata.
QueryRequest filtered(const QVector<float> &v, const QByteArray &filter)
{
    QueryRequest r;
    r.vector = v;
    r.k = 10;
    r.filter = filter;
    r.withMetadata = false;
    return r;
}

// Writes items 0 .. n-1 in one batch.
bool fill(Index &index, int n, std::mt19937 &rng)
{
    QList<WriteOp> ops;
    for (int i = 0; i < n; ++i)
        ops.append(WriteOp::insert(itemFor(i, rng)));
    return !waitFor(index.write(ops)).error;
}

} // namespace

class TestCodeScan : public QObject {
    Q_OBJECT

private slots:
    void sameTopKAsTheFloatScan_data();
    void sameTopKAsTheFloatScan();
    void newSegmentRowsGetHints();
    void withinTheBudgetTheFloatScan();
    void tuningTimesTheFilteredScans();
};

void TestCodeScan::sameTopKAsTheFloatScan_data()
{
    QTest::addColumn<Metric>("metric");
    QTest::newRow("cosine") << Metric::Cosine;
    QTest::newRow("dot") << Metric::Dot;
    QTest::newRow("l2") << Metric::L2;
}

void TestCodeScan::sameTopKAsTheFloatScan()
{
    QFETCH(Metric, metric);
    QTemporaryDir tmp;
    std::shared_ptr<Index> index = make(tmp.filePath(QStringLiteral("i")), metric);
    const int n = 4000;
    std::mt19937 rng(7);
    QList<WriteOp> ops;
    for (int i = 0; i < n; ++i)
        ops.append(WriteOp::insert(itemFor(i, rng)));
    QVERIFY(!waitFor(index->write(ops)).error);
    QVERIFY(index->waitForGraph(120000));

    std::vector<QVector<float>> queries;
    for (int q = 0; q < 12; ++q)
        queries.push_back(point(rng));
    // `hinted`: every segment row's location is noted, so no matching row is
    // scored from its floats (and only the 100 best by code are reranked).
    auto compare = [&](const QString &when, bool hinted) {
        for (const Selectivity &sel : kSelectivities) {
            for (size_t q = 0; q < queries.size(); ++q) {
                const QueryRequest r = filtered(queries[q], sel.filter);
                const QueryResult exact = query(*index, r, QueryMode::Exact);
                QCOMPARE(exact.strategy, QueryStrategy::ExactFiltered); // Exact stays the float scan
                const QueryResult got = query(*index, r, QueryMode::Auto);
                const QString where = QStringLiteral("%1, %2, query %3").arg(when, QLatin1String(sel.name)).arg(q);
                QVERIFY2(got.strategy == (sel.codes ? QueryStrategy::QuantizedFiltered : QueryStrategy::ExactFiltered),
                         qPrintable(where + QStringLiteral(": ") + got.plan));
                const QString diff = sameHits(got, exact);
                QVERIFY2(diff.isEmpty(), qPrintable(where + diff));
                if (sel.codes && hinted)
                    QVERIFY2(got.scanned == 100 && !got.plan.contains(QStringLiteral("without a current code")),
                             qPrintable(where + QStringLiteral(": ") + got.plan));
            }
        }
        // "More like this" with a filter: the item itself is left out either way.
        for (int i = 0; i < 5; ++i) {
            QueryRequest r;
            r.likeId = idOf(i * 505 + 1); // never deleted
            r.k = 10;
            r.filter = kSelectivities[0].filter;
            r.withMetadata = false;
            const QString diff = sameHits(query(*index, r, QueryMode::Auto), query(*index, r, QueryMode::Exact));
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("%1, like %2%3").arg(when, r.likeId, diff)));
        }
    };
    compare(QStringLiteral("all in the memtable"), false);
    QVERIFY(!waitFor(index->checkpoint()).error);
    QVERIFY(index->waitForGraph(60000));
    compare(QStringLiteral("after a checkpoint"), true);

    // Upserts (new vectors and metadata) and deletes, queried at once: in
    // the memtable, and mostly not yet in the graph (pending).
    ops.clear();
    for (int i = 0; i < 600; ++i)
        ops.append(WriteOp::upsert(itemFor(i * 5, rng)));
    for (int i = 0; i < 300; ++i)
        ops.append(WriteOp::remove(idOf(i * 5 + 2)));
    QVERIFY(!waitFor(index->write(ops)).error);
    compare(QStringLiteral("right after upserts and deletes"), false);
    QVERIFY(!waitFor(index->checkpoint()).error);
    compare(QStringLiteral("right after the second checkpoint"), false);
    QVERIFY(index->waitForGraph(60000));
    compare(QStringLiteral("after the second checkpoint"), true);
    // Deleted ids come back with new vectors; then everything is merged.
    ops.clear();
    for (int i = 0; i < 300; ++i)
        ops.append(WriteOp::insert(itemFor(i * 5 + 2, rng)));
    QVERIFY(!waitFor(index->write(ops)).error);
    QVERIFY(!waitFor(index->compact()).error);
    compare(QStringLiteral("right after a compaction"), false);
    QVERIFY(index->waitForGraph(60000));
    compare(QStringLiteral("after a compaction"), true);

    const QString reopened = reopenWithGraph(index);
    QVERIFY2(reopened.isEmpty(), qPrintable(reopened));
    compare(QStringLiteral("after a reopen"), true);
    QVERIFY(!index->close());
}

void TestCodeScan::newSegmentRowsGetHints()
{
    // Items written in this process reach the graph from the memtable, with
    // no row to note; the checkpoint's segment gets its rows noted in the
    // background once the graph has caught up.
    QTemporaryDir tmp;
    std::shared_ptr<Index> index = make(tmp.filePath(QStringLiteral("i")), Metric::Cosine);
    std::mt19937 rng(3);
    QVERIFY(fill(*index, 3000, rng));
    QVERIFY(index->waitForGraph(120000));
    QVERIFY(!waitFor(index->checkpoint()).error);
    QVERIFY(index->waitForGraph(60000));
    const QueryRequest r = filtered(point(rng), R"({"b": {"$lt": 60}})");
    const QueryResult got = query(*index, r, QueryMode::Auto);
    QCOMPARE(got.strategy, QueryStrategy::QuantizedFiltered);
    QVERIFY2(got.matching > 1000, qPrintable(got.plan));
    // Only the 100 best by code were measured with floats: every other
    // matching row was scored from its code, found through its hint.
    QVERIFY2(got.scanned == 100, qPrintable(got.plan));
    QVERIFY(sameHits(got, query(*index, r, QueryMode::Exact)).isEmpty());
    QVERIFY(!index->close());
}

void TestCodeScan::withinTheBudgetTheFloatScan()
{
    // A broad filter whose float scan fits the budget is answered by it (the
    // true top-k), not over codes; with no budget left, over codes.
    QTemporaryDir tmp;
    std::shared_ptr<Index> index = make(tmp.filePath(QStringLiteral("i")), Metric::Cosine);
    std::mt19937 rng(5);
    QVERIFY(fill(*index, 3000, rng));
    QVERIFY(!waitFor(index->checkpoint()).error);
    QVERIFY(index->waitForGraph(120000));
    QueryRequest r = filtered(point(rng), R"({"b": {"$lt": 50}})");
    r.exactBudgetMs = 2.0; // the default
    Result<QueryResult> within = index->query(r);
    QVERIFY(within.ok());
    QVERIFY2(within->strategy == QueryStrategy::ExactFiltered, qPrintable(within->plan));
    QVERIFY(sameHits(*within, query(*index, r, QueryMode::Exact)).isEmpty());
    r.exactBudgetMs = 0;
    r.ef = AnnParams::kMaxEf;
    Result<QueryResult> beyond = index->query(r);
    QVERIFY(beyond.ok());
    QVERIFY2(beyond->strategy == QueryStrategy::QuantizedFiltered, qPrintable(beyond->plan));
    // A budget that is not a number of milliseconds is refused.
    for (double bad : {-1.0, std::nan(""), 1e9}) {
        r.exactBudgetMs = bad;
        Result<QueryResult> refused = index->query(r);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::InvalidArgument);
    }
    QVERIFY(!index->close());
}

void TestCodeScan::tuningTimesTheFilteredScans()
{
    // The planner prices a filter's scattered rows as the tuning measured
    // them, and the scan over codes only where the graph holds codes.
    for (const Quantization quantization : {Quantization::Sq8, Quantization::None}) {
        QTemporaryDir tmp;
        std::shared_ptr<Index> index = make(tmp.filePath(QStringLiteral("i")), Metric::Cosine, quantization);
        std::mt19937 rng(11);
        QVERIFY(fill(*index, 3000, rng));
        QVERIFY(!waitFor(index->checkpoint()).error);
        QVERIFY(index->waitForGraph(120000));
        const Result<EfTuning> t = index->tuneEf(20, 0.95);
        QVERIFY2(t.ok(), qPrintable(t.error().message()));
        QVERIFY(t->exactNsPerItem > 0);
        QVERIFY(t->filteredNsPerItem > 0);
        if (quantization == Quantization::Sq8) {
            QVERIFY(t->codeNsPerItem > 0);
            QVERIFY(t->rerankNsPerItem > 0);
        } else {
            QCOMPARE(t->codeNsPerItem, 0.0);
            QCOMPARE(t->rerankNsPerItem, 0.0);
        }
        QVERIFY(!index->close());
    }
}

QTEST_GUILESS_MAIN(TestCodeScan)
#include "tst_code_scan.moc"
