// Quantized graphs (Schema::ann.quantization = Sq8; docs/search.md,
// "Quantized graphs"): the graph holds 8-bit codes, is walked with integer
// kernels, and its candidates are reranked with the float vectors.
//   - on small sets, where the search's ef covers every item, the top-k after
//     the rerank is exactly the exact search's (ids and scores), for every
//     metric, with items in segments and in the memtable;
//   - the codes are saved (graph format 2), reopen without a rebuild, and
//     verify (quick and full) finds them clean;
//   - a damaged code byte is never loaded: verify names the graph file, the
//     open rebuilds from the vectors, and nothing stored is lost;
//   - a graph format from the future is refused as newer, not as damage;
//   - an unknown quantization is refused with a clear error;
//   - the graph's memory is about a third of a float graph's;
//   - the rerank's remembered row of each item is never trusted once the item
//     moved: after upserts, deletes, checkpoints and compactions the results
//     stay exactly the exact search's.

#include "IndexTestSupport.h"
#include "VerifySupport.h"

#include "base/Checksums.h"
#include "index/Graph.h"
#include "storage/Binary.h"
#include "storage/Manifest.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <random>

using namespace sextant;
using namespace testsupport;

namespace {

QString itemId(int i) { return QStringLiteral("q-%1").arg(i, 5, 10, QLatin1Char('0')); }

// Clustered vectors with some spread of lengths (so that dot and l2 differ from cosine).
QVector<float> clustered(std::mt19937 &rng, int dims, int cluster)
{
    std::normal_distribution<float> noise(0.0f, 0.3f);
    std::uniform_real_distribution<float> length(0.5f, 2.0f);
    QVector<float> v(dims);
    for (int d = 0; d < dims; ++d)
        v[d] = float(std::sin(cluster * 1.7 + d * 0.37)) + noise(rng);
    const float l = length(rng);
    for (float &x : v)
        x *= l;
    return v;
}

Schema schemaFor(Metric metric, int dims, Quantization q)
{
    Schema s = smallSchema(dims, metric);
    s.ann.m = 12;
    s.ann.efConstruction = 100;
    s.ann.quantization = q;
    return s;
}

std::shared_ptr<Index> createFilled(const QString &dir, const Schema &schema, int n, quint32 seed)
{
    Result<std::shared_ptr<Index>> created = Index::create(dir, schema, Durability::Off);
    if (!created.ok()) qFatal("create failed: %s", qPrintable(created.error().message()));
    std::shared_ptr<Index> index = *created;
    std::mt19937 rng(seed);
    QList<WriteOp> batch;
    for (int i = 0; i < n; ++i) {
        batch.append(WriteOp::insert(Item{itemId(i), clustered(rng, schema.dimensions, i % 17),
                                          QJsonObject{{QStringLiteral("bucket"), i % 10}}}));
        if (batch.size() == 500 || i == n - 1) {
            const WriteResult r = waitFor(index->write(batch, Priority::Bulk));
            if (r.error) qFatal("write failed: %s", qPrintable(r.error.message()));
            batch.clear();
        }
    }
    return index;
}

QueryResult run(const Index &index, const QVector<float> &q, QueryMode mode, int ef, const QByteArray &filter = {})
{
    QueryRequest r;
    r.vector = q;
    r.k = 10;
    r.mode = mode;
    r.ef = ef;
    r.filter = filter;
    r.withMetadata = false;
    Result<QueryResult> res = index.query(r);
    if (!res.ok()) qFatal("query failed: %s", qPrintable(res.error().message()));
    return *res;
}

double recallOf(const QueryResult &got, const QueryResult &truth)
{
    QSet<QString> ids;
    for (const QueryHit &h : truth.hits)
        ids.insert(h.id);
    int found = 0;
    for (const QueryHit &h : got.hits)
        found += ids.contains(h.id);
    return truth.hits.isEmpty() ? 1.0 : double(found) / double(truth.hits.size());
}

QString graphFile(const QString &dir)
{
    const QStringList files = QDir(dir).entryList({QStringLiteral("graph-*.sxg")}, QDir::Files, QDir::Name);
    return files.isEmpty() ? QString() : dir + u'/' + files.constLast();
}

// Rewrites the graph file's XXH3 after a change, as a writer would have.
void reseal(QByteArray &bytes)
{
    const qint64 footer = bytes.size() - graphfile::kFooterSize;
    storage::putU64(bytes.data() + footer + 8, base::xxh3(bytes.constData(), size_t(footer + 8)));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class TestQuantized : public QObject {
    Q_OBJECT

private slots:
    void topKEqualsExactOnSmallSets_data();
    void topKEqualsExactOnSmallSets();
    void recallOnLargerSetMatchesFloatGraph();
    void codesPersistAndVerifyClean();
    void damagedCodesAreNeverLoaded();
    void newerGraphFormatIsRefusedAsNewer();
    void graphOfTheOtherKindIsRebuilt();
    void unknownQuantizationIsRefused();
    void memoryIsAboutAThird();
    void searchCanLeaveAnElementUnlinked();
    void rerankFollowsItemsThatMove();
};

void TestQuantized::topKEqualsExactOnSmallSets_data()
{
    QTest::addColumn<int>("metric");
    QTest::newRow("cosine") << int(Metric::Cosine);
    QTest::newRow("l2") << int(Metric::L2);
    QTest::newRow("dot") << int(Metric::Dot);
}

void TestQuantized::topKEqualsExactOnSmallSets()
{
    QFETCH(int, metric);
    QTemporaryDir tmp;
    const int n = 1200, dims = 48;
    std::shared_ptr<Index> index =
        createFilled(tmp.filePath(QStringLiteral("i")), schemaFor(Metric(metric), dims, Quantization::Sq8), n, 5);
    QVERIFY(index->waitForGraph(120000));
    QCOMPARE(index->graphStatus().quantization, Quantization::Sq8);
    // Cosine and l2: every item is reachable in graphs of this size, so a
    // search whose ef covers every item returns exactly the exact top-k. The
    // dot metric's graph (inner product is not a metric) may leave an item
    // without links into it, for codes and floats alike: there the rerank
    // must still give exact scores, and nearly every neighbour.
    const bool strict = Metric(metric) != Metric::Dot;
    std::mt19937 rng(77);
    double recall = 0;
    int queries = 0;
    auto check = [&](const QueryResult &ann, const QueryResult &exact, const QString &what) {
        const double r = recallOf(ann, exact);
        recall += r;
        ++queries;
        const QString diff = sameHits(ann, exact);
        if (strict) QVERIFY2(diff.isEmpty(), qPrintable(what + diff));
        for (const QueryHit &h : ann.hits)
            for (const QueryHit &e : exact.hits)
                if (e.id == h.id)
                    QVERIFY2(std::abs(e.score - h.score) <= 1e-5f * std::max(1.0f, std::abs(e.score)),
                             qPrintable(what + diff));
    };
    for (int q = 0; q < 40; ++q) {
        const QVector<float> v = clustered(rng, dims, q % 19);
        // ef covers every item, and the best 100 of them by code distance
        // are reranked with their floats: the result is exact.
        const QueryResult ann = run(*index, v, QueryMode::Ann, 2 * n);
        QCOMPARE(ann.strategy, QueryStrategy::Ann);
        QVERIFY2(ann.plan.contains(QStringLiteral("8-bit codes")), qPrintable(ann.plan));
        QVERIFY2(ann.plan.contains(QStringLiteral("the best 100 reranked exactly")), qPrintable(ann.plan));
        QCOMPARE(ann.scanned, qint64(100));
        check(ann, run(*index, v, QueryMode::Exact, 0), QStringLiteral("query %1").arg(q));
        // With a filter (post-filtered graph search) too.
        const QByteArray filter = R"({"bucket": {"$lt": 3}})";
        const QueryResult annF = run(*index, v, QueryMode::Ann, 2 * n, filter);
        QCOMPARE(annF.strategy, QueryStrategy::AnnPostFiltered);
        check(annF, run(*index, v, QueryMode::Exact, 0, filter), QStringLiteral("filtered query %1").arg(q));
    }
    // Items still in the memtable, an update and a delete: the rerank reads
    // each item's current vector, and never returns a deleted one.
    std::mt19937 more(9);
    QList<WriteOp> ops;
    ops.append(WriteOp::upsert(Item{itemId(3), clustered(more, dims, 2), {}}));
    ops.append(WriteOp::remove(itemId(4)));
    for (int i = n; i < n + 50; ++i)
        ops.append(WriteOp::insert(Item{itemId(i), clustered(more, dims, i % 17), {}}));
    QVERIFY(!waitFor(index->write(ops)).error);
    QVERIFY(index->waitForGraph(60000));
    for (int q = 0; q < 20; ++q) {
        const QVector<float> v = clustered(rng, dims, q % 17);
        const QueryResult ann = run(*index, v, QueryMode::Ann, 2 * n);
        check(ann, run(*index, v, QueryMode::Exact, 0), QStringLiteral("after changes, query %1").arg(q));
        QVERIFY(!hitsText(ann).contains(itemId(4) + u':'));
    }
    qInfo("mean recall@10: %.4f over %d queries", recall / queries, queries);
    QVERIFY(recall / queries >= 0.98);
    QVERIFY(!index->close());
}

void TestQuantized::recallOnLargerSetMatchesFloatGraph()
{
    // 6,000 items of 64 dimensions, ef 64: the quantized graph's recall after
    // the rerank is within 0.02 of the float graph's on the same data.
    QTemporaryDir tmp;
    const int n = 6000, dims = 64;
    double recall[2] = {0, 0};
    for (int kind = 0; kind < 2; ++kind) {
        const Quantization q = kind ? Quantization::Sq8 : Quantization::None;
        std::shared_ptr<Index> index =
            createFilled(tmp.filePath(QStringLiteral("i%1").arg(kind)), schemaFor(Metric::Cosine, dims, q), n, 11);
        QVERIFY(index->waitForGraph(300000));
        std::mt19937 rng(123);
        for (int i = 0; i < 100; ++i) {
            const QVector<float> v = clustered(rng, dims, i % 23);
            const QueryResult ann = run(*index, v, QueryMode::Ann, 64);
            const QueryResult exact = run(*index, v, QueryMode::Exact, 0);
            QSet<QString> truth;
            for (const QueryHit &h : exact.hits)
                truth.insert(h.id);
            int found = 0;
            for (const QueryHit &h : ann.hits)
                found += truth.contains(h.id);
            recall[kind] += found / 10.0 / 100.0;
        }
        QVERIFY(!index->close());
    }
    qInfo("recall@10 at ef 64: float graph %.3f, sq8 graph %.3f", recall[0], recall[1]);
    QVERIFY2(recall[1] >= recall[0] - 0.02, qPrintable(QStringLiteral("%1 vs %2").arg(recall[1]).arg(recall[0])));
    QVERIFY(recall[1] >= 0.9);
}

void TestQuantized::codesPersistAndVerifyClean()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("i"));
    std::shared_ptr<Index> index = createFilled(dir, schemaFor(Metric::Cosine, 32, Quantization::Sq8), 3000, 3);
    QVERIFY(index->waitForGraph(120000));
    std::mt19937 rng(5);
    const QVector<float> v = clustered(rng, 32, 4);
    const QueryResult before = run(*index, v, QueryMode::Ann, 64);
    QVERIFY(!index->close());
    index.reset();

    // Saved as graph format 2 with the quantization field set, and named by a format-2 manifest.
    const QString file = graphFile(dir);
    QVERIFY(!file.isEmpty());
    const QByteArray bytes = readAll(file);
    QCOMPARE(storage::getU32(bytes.constData() + 8), graphfile::kQuantizedVersion);
    QCOMPARE(storage::getU32(bytes.constData() + 28), 1u);
    QCOMPARE(storage::getU32(readAll(dir + QStringLiteral("/MANIFEST")).constData() + 8),
             storage::manifest::kQuantizedVersion);
    for (bool full : {false, true}) {
        Result<VerifyReport> r = verifyIndex(dir, VerifyOptions{full, {}});
        QVERIFY(r.ok());
        QVERIFY2(r->clean(), qPrintable(findingsText(*r)));
    }

    // Reopened: the saved graph is loaded (no rebuild note) and answers the same.
    Result<std::shared_ptr<Index>> reopened = Index::open(dir);
    QVERIFY2(reopened.ok(), qPrintable(reopened.error().message()));
    QVERIFY((*reopened)->waitForGraph(60000));
    const GraphStatus g = (*reopened)->graphStatus();
    QVERIFY2(!g.message.contains(QStringLiteral("rebuilt")), qPrintable(g.message));
    QCOMPARE(g.items, qint64(3000));
    QCOMPARE(g.quantization, Quantization::Sq8);
    const QString diff = sameHits(run(**reopened, v, QueryMode::Ann, 64), before);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE((*reopened)->schema().ann.quantization, Quantization::Sq8);
    QVERIFY(!(*reopened)->close());
}

void TestQuantized::damagedCodesAreNeverLoaded()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("i"));
    std::shared_ptr<Index> index = createFilled(dir, schemaFor(Metric::L2, 32, Quantization::Sq8), 2000, 8);
    QVERIFY(index->waitForGraph(120000));
    QVERIFY(!index->close());
    index.reset();
    const QString file = graphFile(dir);
    QByteArray bytes = readAll(file);
    // A code byte of element 0: header 64, hnswlib header 96, links 2M*4+4 = 100, code header 8.
    const qint64 at = 64 + 96 + 100 + 8 + 5;
    bytes[at] = char(bytes[at] ^ 0x40);
    QVERIFY(writeFile(file, bytes));

    Result<VerifyReport> r = verifyIndex(dir, VerifyOptions{false, {}});
    QVERIFY(r.ok());
    QVERIFY(!r->clean());
    QVERIFY2(!r->findingsFor(QFileInfo(file).fileName()).isEmpty(), qPrintable(findingsText(*r)));

    const Error direct = HnswGraph::check(file, 32, Metric::L2, Quantization::Sq8, -1);
    QCOMPARE(direct.code(), ErrorCode::Corruption);

    // The open does not load it: it rebuilds from the vectors, and every item is there.
    Result<std::shared_ptr<Index>> reopened = Index::open(dir);
    QVERIFY(reopened.ok());
    QVERIFY((*reopened)->waitForGraph(120000));
    const GraphStatus g = (*reopened)->graphStatus();
    QVERIFY2(g.message.contains(QStringLiteral("could not be used")), qPrintable(g.message));
    QCOMPARE(g.items, qint64(2000));
    QCOMPARE((*reopened)->count(), qint64(2000));
    std::mt19937 rng(1);
    const QVector<float> v = clustered(rng, 32, 1);
    const QString diff = sameHits(run(**reopened, v, QueryMode::Ann, 4000), run(**reopened, v, QueryMode::Exact, 0));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(!(*reopened)->close());
}

void TestQuantized::newerGraphFormatIsRefusedAsNewer()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("i"));
    std::shared_ptr<Index> index = createFilled(dir, schemaFor(Metric::Cosine, 16, Quantization::Sq8), 600, 2);
    QVERIFY(index->waitForGraph(60000));
    QVERIFY(!index->close());
    index.reset();
    const QString file = graphFile(dir);
    QByteArray bytes = readAll(file);
    storage::putU32(bytes.data() + 8, graphfile::kQuantizedVersion + 1);
    reseal(bytes);
    const QString copy = tmp.filePath(QStringLiteral("newer.sxg"));
    QVERIFY(writeFile(copy, bytes));
    const Error e = HnswGraph::check(copy, 16, Metric::Cosine, Quantization::Sq8, -1);
    QCOMPARE(e.code(), ErrorCode::UnsupportedFormat);
    QVERIFY2(e.message().contains(QStringLiteral("made by a newer Sextant (graph format 3)")), qPrintable(e.message()));

    // A version-1 header with the quantization field set is damage, not a format.
    bytes = readAll(file);
    storage::putU32(bytes.data() + 8, graphfile::kVersion);
    reseal(bytes);
    QVERIFY(writeFile(copy, bytes));
    QCOMPARE(HnswGraph::check(copy, 16, Metric::Cosine, Quantization::Sq8, -1).code(), ErrorCode::Corruption);
}

void TestQuantized::graphOfTheOtherKindIsRebuilt()
{
    // A float graph file where the index keeps codes (or the reverse) is not
    // used as it is: check says why, and the loader refuses it.
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("i"));
    std::shared_ptr<Index> index = createFilled(dir, schemaFor(Metric::Cosine, 16, Quantization::None), 600, 2);
    QVERIFY(index->waitForGraph(60000));
    QVERIFY(!index->close());
    index.reset();
    const QString file = graphFile(dir);
    QVERIFY(!HnswGraph::check(file, 16, Metric::Cosine, Quantization::None, -1));
    const Error e = HnswGraph::check(file, 16, Metric::Cosine, Quantization::Sq8, -1);
    QCOMPARE(e.code(), ErrorCode::Corruption);
    QVERIFY2(e.message().contains(QStringLiteral("float vectors")), qPrintable(e.message()));
    AnnParams p;
    p.quantization = Quantization::Sq8;
    QVERIFY(!HnswGraph::load(file, 16, Metric::Cosine, p, -1).ok());
}

void TestQuantized::unknownQuantizationIsRefused()
{
    QJsonObject json{{QStringLiteral("dimensions"), 8},
                     {QStringLiteral("metric"), QStringLiteral("cosine")},
                     {QStringLiteral("ann"), QJsonObject{{QStringLiteral("quantization"), QStringLiteral("pq4")}}}};
    Result<Schema> s = Schema::fromJson(json);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message().contains(QStringLiteral("unknown quantization \"pq4\"")),
             qPrintable(s.error().message()));
    json.insert(QStringLiteral("ann"), QJsonObject{{QStringLiteral("quantization"), 8}});
    QVERIFY(!Schema::fromJson(json).ok());
    json.insert(QStringLiteral("ann"), QJsonObject{{QStringLiteral("quantization"), QStringLiteral("SQ8")}});
    s = Schema::fromJson(json);
    QVERIFY(s.ok());
    QCOMPARE(s->ann.quantization, Quantization::Sq8);
    QCOMPARE(quantizationFromName(QStringLiteral("none")), std::optional<Quantization>(Quantization::None));
    QCOMPARE(quantizationFromName(QStringLiteral("int8")), std::optional<Quantization>());
}

void TestQuantized::memoryIsAboutAThird()
{
    // 384 dimensions, M 16: a float element holds 1,536 bytes of vector, a
    // quantized one 392, beside 132 bytes of links and an 8-byte label.
    QTemporaryDir tmp;
    qint64 bytes[2] = {0, 0};
    for (int kind = 0; kind < 2; ++kind) {
        Schema s = schemaFor(Metric::Cosine, 384, kind ? Quantization::Sq8 : Quantization::None);
        s.ann.m = 16;
        std::shared_ptr<Index> index = createFilled(tmp.filePath(QStringLiteral("m%1").arg(kind)), s, 3000, 4);
        QVERIFY(index->waitForGraph(300000));
        bytes[kind] = index->graphStatus().memoryBytes;
        QVERIFY(!index->close());
    }
    // What a graph takes before its first item (hnswlib's 65,536 locks for
    // updates, 2.5 MiB, are most of it) is the same for both kinds: the
    // ratio is of the rest.
    const qint64 fixed = HnswGraph(384, Metric::Cosine, AnnParams{}).memoryBytes();
    qInfo("graph memory: float %lld bytes, sq8 %lld bytes, %lld of each before the first item (%.2f)", bytes[0],
          bytes[1], fixed, double(bytes[1] - fixed) / double(bytes[0] - fixed));
    // The capacity (which grows by doubling) adds the same slack to both; 0.45 leaves room for it.
    QVERIFY(bytes[1] - fixed < (bytes[0] - fixed) * 0.45);
}

void TestQuantized::searchCanLeaveAnElementUnlinked()
{
    // The tuning of ef searches for a sampled item's neighbours without
    // walking through the item's own element (HnswGraph::search's
    // `unlinked`): the item is never returned, and its neighbours are still found.
    for (Quantization q : {Quantization::None, Quantization::Sq8}) {
        AnnParams p;
        p.m = 8;
        p.efConstruction = 64;
        p.quantization = q;
        HnswGraph g(16, Metric::L2, p, 64);
        std::mt19937 rng(4);
        std::vector<std::vector<float>> vectors;
        std::vector<HnswGraph::Change> changes;
        for (int i = 0; i < 800; ++i) {
            const QVector<float> v = clustered(rng, 16, i % 9);
            vectors.emplace_back(v.begin(), v.end());
            changes.push_back({QByteArray::number(i), vectors.back(), HnswGraph::vectorHash(v.constData(), 16)});
        }
        QVERIFY(!g.apply(changes, 2));
        int found = 0, total = 0;
        for (int item = 0; item < 800; item += 40) {
            const uint32_t label = *g.labelOf(QByteArray::number(item));
            const std::vector<char> prepared = g.prepareQuery(vectors[size_t(item)].data());
            const std::vector<HnswGraph::Candidate> linked = g.search(prepared.data(), 64);
            QVERIFY(!linked.empty());
            QCOMPARE(linked.front().label, label); // itself, first
            const std::vector<HnswGraph::Candidate> unlinked = g.search(prepared.data(), 64, label);
            for (const HnswGraph::Candidate &c : unlinked)
                QVERIFY(c.label != label);
            // Its true 10 nearest others, by brute force, against the unlinked search's first 10.
            std::vector<std::pair<float, int>> all;
            for (int j = 0; j < 800; ++j) {
                if (j == item) continue;
                float d = 0;
                for (int k = 0; k < 16; ++k)
                    d += (vectors[size_t(j)][size_t(k)] - vectors[size_t(item)][size_t(k)]) *
                         (vectors[size_t(j)][size_t(k)] - vectors[size_t(item)][size_t(k)]);
                all.emplace_back(d, j);
            }
            std::partial_sort(all.begin(), all.begin() + 10, all.end());
            QSet<QByteArray> truth;
            for (int t = 0; t < 10; ++t)
                truth.insert(QByteArray::number(all[size_t(t)].second));
            for (size_t c = 0; c < std::min<size_t>(10, unlinked.size()); ++c)
                found += truth.contains(g.idOf(unlinked[c].label).toByteArray());
            total += 10;
        }
        qInfo("%s: recall@10 of the unlinked searches: %.3f", qPrintable(quantizationName(q)), double(found) / total);
        QVERIFY(double(found) / total >= 0.9);
    }
}

// The rerank remembers where it last found each candidate (a row of one
// opened segment file) and trusts that row while it is live. Upserts leave
// the old row deleted, compaction moves every row to a new file, and a
// deleted and re-inserted id gets a new row: in each case the answer must
// stay exactly the exact search's, scored with the item's current vector.
void TestQuantized::rerankFollowsItemsThatMove()
{
    QTemporaryDir tmp;
    const int n = 1200, dims = 32;
    std::shared_ptr<Index> index =
        createFilled(tmp.filePath(QStringLiteral("i")), schemaFor(Metric::Cosine, dims, Quantization::Sq8), n, 11);
    QVERIFY(!waitFor(index->checkpoint()).error);
    QVERIFY(index->waitForGraph(120000));
    std::mt19937 rng(5);
    std::vector<QVector<float>> queries;
    for (int q = 0; q < 25; ++q)
        queries.push_back(clustered(rng, dims, q % 17));
    auto compare = [&](const QString &when) {
        for (size_t q = 0; q < queries.size(); ++q) {
            const QueryResult ann = run(*index, queries[q], QueryMode::Ann, 2 * n);
            QCOMPARE(ann.strategy, QueryStrategy::Ann);
            const QString diff = sameHits(ann, run(*index, queries[q], QueryMode::Exact, 0));
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("%1, query %2%3").arg(when).arg(q).arg(diff)));
        }
    };
    compare(QStringLiteral("first")); // every candidate's row is remembered now
    // Each query's nearest items get new vectors (from another cluster), and
    // another item takes the old vector's place: a stale row would score it.
    std::mt19937 more(23);
    QList<WriteOp> ops;
    for (int i = 0; i < 400; ++i)
        ops.append(WriteOp::upsert(Item{itemId(i * 3), clustered(more, dims, (i + 7) % 17), {}}));
    QVERIFY(!waitFor(index->write(ops)).error);
    QVERIFY(!waitFor(index->checkpoint()).error);
    QVERIFY(index->waitForGraph(60000));
    compare(QStringLiteral("after 400 upserts and a checkpoint"));
    ops.clear();
    for (int i = 0; i < 300; ++i)
        ops.append(WriteOp::remove(itemId(i * 4 + 1)));
    QVERIFY(!waitFor(index->write(ops)).error);
    QVERIFY(!waitFor(index->compact()).error);
    QVERIFY(index->waitForGraph(60000));
    compare(QStringLiteral("after 300 deletes and a compaction"));
    // Deleted ids come back with new vectors (new rows; the graph keeps their labels).
    ops.clear();
    for (int i = 0; i < 300; ++i)
        ops.append(WriteOp::insert(Item{itemId(i * 4 + 1), clustered(more, dims, i % 17), {}}));
    QVERIFY(!waitFor(index->write(ops)).error);
    QVERIFY(!waitFor(index->checkpoint()).error);
    QVERIFY(index->waitForGraph(60000));
    compare(QStringLiteral("after re-inserting the deleted ids"));
    // Reopened: the saved graph is loaded, and the walk that checks it against
    // the items also notes where each item is, for the rerank.
    const QString reopened = reopenWithGraph(index);
    QVERIFY2(reopened.isEmpty(), qPrintable(reopened));
    compare(QStringLiteral("after a reopen"));
    QVERIFY(!index->close());
}

QTEST_GUILESS_MAIN(TestQuantized)
#include "tst_quantized.moc"
