// Converting an index's graph between float vectors and 8-bit codes
// (Index::convertGraph; docs/search.md, "Quantized graphs"):
//   - a float index (a copy of the checked-in fixture made before quantized
//     graphs) converted to sq8 keeps every item (ids, vectors, metadata),
//     says sq8 in its schema, saves its new graph as graph format 2 under a
//     format-2 manifest, answers ANN top-10 = exact top-10 when ef covers
//     every item, verifies clean (quick and full) and reopens as sq8 without
//     a rebuild; converted back to none it is format 1 again, just as clean;
//   - converting to the quantization it has is a no-op that writes nothing;
//   - a read-only opener is refused, and follows the writer's conversion on refresh;
//   - writes queued before and after a conversion all land, and the new graph holds them;
//   - queries, status polls and graph waits on other threads keep working
//     through conversions back and forth (the graph manager is replaced under them).

#include "IndexTestSupport.h"
#include "VerifySupport.h"

#include "index/Graph.h"
#include "storage/Binary.h"
#include "storage/Manifest.h"

#include <QDir>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

using namespace sextant;
using namespace testsupport;

namespace {

QString graphFixture() { return QStringLiteral(SEXTANT_FIXTURES_DIR "/index-graph1/index"); }

QStringList graphFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("graph-*.sxg")}, QDir::Files, QDir::Name);
}

// The format version a file's header names (the u32 at byte 8, for the manifest and graph files alike).
quint32 versionOf(const QString &path)
{
    const QByteArray header = readAll(path).left(12);
    return header.size() == 12 ? storage::getU32(header.constData() + 8) : 0;
}

// Every item of the index (id, vector, metadata), as an export would hold them.
Expected contentOf(const Index &index)
{
    Expected out;
    QString after;
    for (;;) {
        Result<ListPage> page = index.list(after, 100, true);
        if (!page.ok()) qFatal("list failed: %s", qPrintable(page.error().message()));
        for (const Item &item : page->items)
            expectPut(out, item);
        if (page->nextAfter.isEmpty()) break;
        after = page->nextAfter;
    }
    return out;
}

QueryResult run(const Index &index, const QVector<float> &q, QueryMode mode, int ef)
{
    QueryRequest r;
    r.vector = q;
    r.k = 10;
    r.mode = mode;
    r.ef = ef;
    r.withMetadata = false;
    Result<QueryResult> res = index.query(r);
    if (!res.ok()) qFatal("query failed: %s", qPrintable(res.error().message()));
    return *res;
}

QString verifyText(const QString &dir, bool full)
{
    Result<VerifyReport> r = verifyIndex(dir, VerifyOptions{full, {}});
    if (!r.ok()) return QStringLiteral("verify failed: ") + r.error().message();
    return r->clean() ? QString() : findingsText(*r);
}

std::shared_ptr<Index> openIndex(const QString &dir, bool readOnly = false)
{
    OpenOptions o;
    o.readOnly = readOnly;
    Result<std::shared_ptr<Index>> opened = Index::open(dir, o);
    if (!opened.ok()) qFatal("open failed: %s", qPrintable(opened.error().message()));
    return *opened;
}

} // namespace

class TestGraphConversion : public QObject {
    Q_OBJECT

private slots:
    void floatFixtureToCodesAndBack();
    void sameQuantizationIsANoOp();
    void readOnlyIsRefusedAndFollows();
    void writesAroundTheConversionAllLand();
    void queriesRunThroughConversions();
    void queriesWhileALargerGraphIsBuilt();
};

void TestGraphConversion::floatFixtureToCodesAndBack()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("i"));
    QVERIFY(copyFolder(graphFixture(), dir));
    QCOMPARE(versionOf(dir + QStringLiteral("/MANIFEST")), storage::manifest::kFirstVersion);

    std::shared_ptr<Index> index = openIndex(dir);
    QCOMPARE(index->schema().ann.quantization, Quantization::None);
    QVERIFY(index->waitForGraph(60000));
    const Expected before = contentOf(*index);
    const qint64 items = qint64(before.size());
    QVERIFY(items > 300);
    const QVector<float> probe = before.begin()->second.vector;
    const quint64 generation = index->stats().generation;

    Result<GraphConversion> r = index->convertGraph(Quantization::Sq8);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QVERIFY(r->changed);
    QCOMPARE(r->from, Quantization::None);
    QCOMPARE(r->to, Quantization::Sq8);
    QCOMPARE(r->generation, generation + 1);
    QCOMPARE(index->schema().ann.quantization, Quantization::Sq8);
    QCOMPARE(index->stats().schema.ann.quantization, Quantization::Sq8);
    QCOMPARE(index->graphStatus().quantization, Quantization::Sq8);
    // Queries answer at once (exactly while the graph is built).
    QCOMPARE(run(*index, probe, QueryMode::Auto, 0).hits.size(), 10);
    // The old float graph file is gone once the switch is published.
    for (const QString &name : graphFiles(dir))
        QCOMPARE(versionOf(dir + u'/' + name), graphfile::kQuantizedVersion);

    QVERIFY(index->waitForGraph(60000));
    QCOMPARE(index->graphStatus().items, items);
    for (const auto &[id, item] : before) {
        const QueryResult ann = run(*index, item.vector, QueryMode::Ann, 4 * int(items));
        QVERIFY2(ann.plan.contains(QStringLiteral("8-bit codes")), qPrintable(ann.plan));
        const QString diff = sameHits(ann, run(*index, item.vector, QueryMode::Exact, 0));
        QVERIFY2(diff.isEmpty(), qPrintable(QString::fromUtf8(id) + diff));
    }
    QString diff = diffContent(*index, before);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(!index->close());
    index.reset();

    // On disk: one graph, format 2, named by a format-2 manifest; nothing else left over.
    QStringList graphs = graphFiles(dir);
    QCOMPARE(graphs.size(), 1);
    QCOMPARE(versionOf(dir + u'/' + graphs.first()), graphfile::kQuantizedVersion);
    QCOMPARE(versionOf(dir + QStringLiteral("/MANIFEST")), storage::manifest::kQuantizedVersion);
    QVERIFY2(folderBeyondTheManifests(dir).isEmpty(), qPrintable(folderBeyondTheManifests(dir)));
    for (bool full : {false, true}) {
        const QString findings = verifyText(dir, full);
        QVERIFY2(findings.isEmpty(), qPrintable(findings));
    }

    // Reopened: still sq8, the saved graph loads without a rebuild.
    index = openIndex(dir);
    QCOMPARE(index->schema().ann.quantization, Quantization::Sq8);
    QVERIFY(index->waitForGraph(60000));
    GraphStatus g = index->graphStatus();
    QCOMPARE(g.quantization, Quantization::Sq8);
    QCOMPARE(g.items, items);
    QVERIFY2(g.message.isEmpty(), qPrintable(g.message));
    diff = diffContent(*index, before);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // And back to float vectors: format 1 again.
    r = index->convertGraph(Quantization::None);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QVERIFY(r->changed);
    QCOMPARE(r->from, Quantization::Sq8);
    QCOMPARE(index->schema().ann.quantization, Quantization::None);
    QVERIFY(index->waitForGraph(60000));
    const QueryResult ann = run(*index, probe, QueryMode::Ann, 4 * int(items));
    QVERIFY2(!ann.plan.contains(QStringLiteral("8-bit codes")), qPrintable(ann.plan));
    diff = sameHits(ann, run(*index, probe, QueryMode::Exact, 0));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(!index->close());
    index.reset();
    graphs = graphFiles(dir);
    QCOMPARE(graphs.size(), 1);
    QCOMPARE(versionOf(dir + u'/' + graphs.first()), graphfile::kVersion);
    QCOMPARE(versionOf(dir + QStringLiteral("/MANIFEST")), storage::manifest::kFirstVersion);
    QVERIFY2(folderBeyondTheManifests(dir).isEmpty(), qPrintable(folderBeyondTheManifests(dir)));
    for (bool full : {false, true}) {
        const QString findings = verifyText(dir, full);
        QVERIFY2(findings.isEmpty(), qPrintable(findings));
    }
    index = openIndex(dir);
    QCOMPARE(index->schema().ann.quantization, Quantization::None);
    diff = diffContent(*index, before);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(!index->close());
}

void TestGraphConversion::sameQuantizationIsANoOp()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("i"));
    Schema schema = smallSchema(8, Metric::Cosine);
    schema.ann.quantization = Quantization::Sq8;
    Result<std::shared_ptr<Index>> created = Index::create(dir, schema, Durability::Off);
    QVERIFY(created.ok());
    std::shared_ptr<Index> index = *created;
    QList<WriteOp> batch;
    for (int i = 0; i < 200; ++i)
        batch.append(WriteOp::insert(makeItem(QStringLiteral("n-%1").arg(i), quint32(i + 1), 8)));
    QVERIFY(!waitFor(index->write(batch)).error);
    QVERIFY(index->waitForGraph(60000));
    QVERIFY(!waitFor(index->checkpoint()).error);
    const quint64 generation = index->stats().generation;
    const QByteArray manifest = readAll(dir + QStringLiteral("/MANIFEST"));

    const Result<GraphConversion> r = index->convertGraph(Quantization::Sq8);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QVERIFY(!r->changed);
    QCOMPARE(r->from, Quantization::Sq8);
    QCOMPARE(r->to, Quantization::Sq8);
    QCOMPARE(r->generation, generation);
    QCOMPARE(index->stats().generation, generation);
    QCOMPARE(readAll(dir + QStringLiteral("/MANIFEST")), manifest);
    // The graph it had goes on serving (no rebuild).
    QCOMPARE(index->graphStatus().state, GraphStatus::State::Ready);
    QCOMPARE(index->graphStatus().items, qint64(200));
    QVERIFY(!index->close());
}

void TestGraphConversion::readOnlyIsRefusedAndFollows()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("i"));
    QVERIFY(copyFolder(graphFixture(), dir));
    std::shared_ptr<Index> writer = openIndex(dir);
    std::shared_ptr<Index> reader = openIndex(dir, true);
    const QByteArray manifest = readAll(dir + QStringLiteral("/MANIFEST"));
    const Result<GraphConversion> refused = reader->convertGraph(Quantization::Sq8);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), ErrorCode::ReadOnly);
    QCOMPARE(readAll(dir + QStringLiteral("/MANIFEST")), manifest);
    QCOMPARE(reader->schema().ann.quantization, Quantization::None);

    // A second writer cannot even open it: the lock says who holds it.
    Result<std::shared_ptr<Index>> second = Index::open(dir);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code(), ErrorCode::Locked);

    QVERIFY(writer->convertGraph(Quantization::Sq8).ok());
    const Result<bool> refreshed = reader->refresh();
    QVERIFY2(refreshed.ok(), qPrintable(refreshed.error().message()));
    QVERIFY(*refreshed);
    QCOMPARE(reader->schema().ann.quantization, Quantization::Sq8);
    QVERIFY(reader->waitForGraph(60000));
    QCOMPARE(reader->graphStatus().quantization, Quantization::Sq8);
    QCOMPARE(reader->graphStatus().items, writer->count());
    const Expected content = contentOf(*writer);
    const QString diff = diffContent(*reader, content);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(!reader->close());
    QVERIFY(!writer->close());
}

void TestGraphConversion::writesAroundTheConversionAllLand()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("i"));
    Schema schema = smallSchema(8, Metric::L2);
    schema.ann.quantization = Quantization::None;
    Result<std::shared_ptr<Index>> created = Index::create(dir, schema, Durability::Off);
    QVERIFY(created.ok());
    std::shared_ptr<Index> index = *created;
    Expected expected;
    QList<QFuture<WriteResult>> writes;
    for (int i = 0; i < 300; ++i) {
        const Item item = makeItem(QStringLiteral("w-%1").arg(i, 4, 10, QLatin1Char('0')), quint32(i + 7), 8);
        expectPut(expected, item);
        writes.append(index->insert(item, i % 2 ? Priority::Bulk : Priority::Interactive));
    }
    // Submitted while those are still queued: it runs after them.
    const Result<GraphConversion> r = index->convertGraph(Quantization::Sq8);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QVERIFY(r->changed);
    for (int i = 300; i < 400; ++i) {
        const Item item = makeItem(QStringLiteral("w-%1").arg(i, 4, 10, QLatin1Char('0')), quint32(i + 7), 8);
        expectPut(expected, item);
        writes.append(index->insert(item));
    }
    for (QFuture<WriteResult> &w : writes)
        QVERIFY(!waitFor(w).error);
    QVERIFY(index->waitForGraph(60000));
    QCOMPARE(index->graphStatus().items, qint64(400));
    QCOMPARE(index->graphStatus().quantization, Quantization::Sq8);
    const QString diff = diffContent(*index, expected);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const QVector<float> probe = expected.begin()->second.vector;
    const QString hits = sameHits(run(*index, probe, QueryMode::Ann, 1000), run(*index, probe, QueryMode::Exact, 0));
    QVERIFY2(hits.isEmpty(), qPrintable(hits));
    QVERIFY(!index->close());
    for (bool full : {false, true}) {
        const QString findings = verifyText(dir, full);
        QVERIFY2(findings.isEmpty(), qPrintable(findings));
    }
}

void TestGraphConversion::queriesRunThroughConversions()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("i"));
    QVERIFY(copyFolder(graphFixture(), dir));
    std::shared_ptr<Index> index = openIndex(dir);
    QVERIFY(index->waitForGraph(60000));
    const Expected before = contentOf(*index);
    std::vector<QVector<float>> probes;
    for (const auto &[id, item] : before)
        if (probes.size() < 16) probes.push_back(item.vector);

    std::atomic<bool> stop{false};
    std::atomic<int> queries{0}, failures{0};
    QString firstFailure;
    std::mutex failureMutex;
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; !stop.load(); ++i) {
                QueryRequest r;
                r.vector = probes[size_t(i + t) % probes.size()];
                r.k = 10;
                r.mode = i % 2 ? QueryMode::Ann : QueryMode::Auto;
                r.withMetadata = false;
                const Result<QueryResult> res = index->query(r);
                index->graphStatus();
                index->waitForGraph(1);
                if (!res.ok() || res->hits.size() != 10) {
                    ++failures;
                    std::lock_guard lock(failureMutex);
                    if (firstFailure.isEmpty())
                        firstFailure = res.ok() ? QStringLiteral("%1 hits (%2)").arg(res->hits.size()).arg(res->plan)
                                                : res.error().message();
                }
                ++queries;
            }
        });
    for (int round = 0; round < 6; ++round) {
        const Quantization to = round % 2 ? Quantization::None : Quantization::Sq8;
        const Result<GraphConversion> r = index->convertGraph(to);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QVERIFY(r->changed);
        if (round % 3 == 2) QVERIFY(index->waitForGraph(60000));
    }
    QVERIFY(index->waitForGraph(60000));
    stop = true;
    for (std::thread &t : threads)
        t.join();
    QVERIFY2(failures.load() == 0, qPrintable(QStringLiteral("%1 of %2 queries failed; first: %3")
                                                  .arg(failures.load())
                                                  .arg(queries.load())
                                                  .arg(firstFailure)));
    QVERIFY(queries.load() > 0);
    QCOMPARE(index->schema().ann.quantization, Quantization::None);
    QCOMPARE(index->graphStatus().quantization, Quantization::None);
    QCOMPARE(index->graphStatus().items, qint64(before.size()));
    const QString diff = diffContent(*index, before);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(!index->close());
    for (bool full : {false, true}) {
        const QString findings = verifyText(dir, full);
        QVERIFY2(findings.isEmpty(), qPrintable(findings));
    }
}

void TestGraphConversion::queriesWhileALargerGraphIsBuilt()
{
    // The new graph starts empty, and learns which items it lacks by reading
    // them all: a query meanwhile must not take the empty graph for a
    // complete one (it scans exactly until every item is queued).
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("i"));
    Schema schema = smallSchema(8, Metric::L2);
    schema.ann.quantization = Quantization::None;
    schema.ann.efConstruction = 16;
    schema.ann.m = 4;
    Result<std::shared_ptr<Index>> created = Index::create(dir, schema, Durability::Off);
    QVERIFY(created.ok());
    std::shared_ptr<Index> index = *created;
    QList<WriteOp> batch;
    for (int i = 0; i < 20000; ++i)
        batch.append(WriteOp::insert(makeItem(QStringLiteral("l-%1").arg(i), quint32(i + 3), 8, QJsonObject{})));
    QVERIFY(!waitFor(index->write(batch, Priority::Bulk)).error);
    QVERIFY(index->waitForGraph(120000));
    const QVector<float> probe = makeVector(8, 12345);
    std::atomic<bool> stop{false};
    std::atomic<int> queries{0}, failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
        threads.emplace_back([&] {
            while (!stop.load()) {
                QueryRequest r;
                r.vector = probe;
                r.k = 10;
                r.mode = QueryMode::Ann;
                r.withMetadata = false;
                const Result<QueryResult> res = index->query(r);
                if (!res.ok() || res->hits.size() != 10) ++failures;
                ++queries;
            }
        });
    QVERIFY(index->convertGraph(Quantization::Sq8).ok());
    QVERIFY(index->waitForGraph(120000));
    stop = true;
    for (std::thread &t : threads)
        t.join();
    QVERIFY2(failures.load() == 0,
             qPrintable(QStringLiteral("%1 of %2 queries failed").arg(failures.load()).arg(queries.load())));
    QVERIFY(!index->close());
}

QTEST_GUILESS_MAIN(TestGraphConversion)
#include "tst_graph_conversion.moc"
