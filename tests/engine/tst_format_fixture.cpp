// Old indexes keep opening (issue 16, section 7): tests/fixtures/index-format1
// was written by sextant-cli before segments carried row checksums (segment
// format 2; see its README). The new code opens it as it is, queries it,
// verifies it clean (quick and full), writes to it, and compaction rewrites
// its segments in the current format. A folder of a format newer than this
// build knows is refused as "made by a newer Sextant (format N)", never
// called damaged, and no repair touches it.

#include "IndexTestSupport.h"
#include "VerifySupport.h"
#include "sextant/Repair.h"
#include "storage/Binary.h"
#include "base/Checksums.h"
#include "storage/Manifest.h"
#include "storage/Segment.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;
using namespace testsupport;

namespace {

QString fixture() { return QStringLiteral(SEXTANT_FIXTURES_DIR "/index-format1/index"); }
// Made by main before quantized graphs (tests/fixtures/index-graph1/README.md).
QString graphFixture() { return QStringLiteral(SEXTANT_FIXTURES_DIR "/index-graph1/index"); }

// The fixture holds item-0000 … item-0339 minus the four deleted ones.
constexpr qint64 kItems = 336;

QList<uint32_t> segmentVersions(const QString &dir)
{
    QList<uint32_t> out;
    Result<storage::Manifest> m = storage::Manifest::read(dir + QStringLiteral("/MANIFEST"));
    if (!m.ok()) return out;
    for (const storage::SegmentEntry &e : m->segments) {
        // The version as the file says it (the header's u32 at byte 8), for
        // segments that open.
        Result<std::shared_ptr<storage::Segment>> s =
            storage::Segment::open(dir + u'/' + e.file, e.id, m->schema.dimensions);
        const QByteArray header = readAll(dir + u'/' + e.file).left(12);
        out.append(s.ok() && header.size() == 12 ? storage::getU32(header.constData() + 8) : 0);
    }
    return out;
}

QString readableFindings(const VerifyReport &r) { return findingsText(r); }

} // namespace

class TestFormatFixture : public QObject {
    Q_OBJECT

private slots:
    void fixtureIsTheOldFormat();
    void opensQueriesAndVerifiesAsItIs();
    void writesAndCompactionUpgradeTheSegments();
    void newerSegmentIsRefusedNotDamaged();
    void newerManifestIsRefusedNotDamaged();
    void floatGraphFixtureKeepsItsFormat();

private:
    QString copy();
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestFormatFixture::floatGraphFixtureKeepsItsFormat()
{
    // An index made before quantized graphs has no quantization in its
    // schema: it opens with a float graph (loaded from its graph file, not
    // rebuilt), answers, verifies clean, and what it writes stays format 1
    // (manifest and graph), so older builds keep reading it.
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("index"));
    QVERIFY(copyFolder(graphFixture(), dir));
    const QString savedGraph = dir + QStringLiteral("/graph-00000000000000000001.sxg");
    QCOMPARE(storage::getU32(readAll(savedGraph).constData() + 8), 1u);
    QCOMPARE(storage::getU32(readAll(dir + QStringLiteral("/MANIFEST")).constData() + 8), 1u);
    for (bool full : {false, true}) {
        Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{full, {}});
        QVERIFY(v.ok());
        QVERIFY2(v->clean(), qPrintable(readableFindings(*v)));
        if (full) QCOMPARE(v->liveItems, kItems);
    }
    {
        Result<std::shared_ptr<Index>> idx = Index::open(dir);
        QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
        QCOMPARE((*idx)->schema().ann.quantization, Quantization::None);
        QVERIFY((*idx)->waitForGraph(30000));
        const GraphStatus g = (*idx)->graphStatus();
        QCOMPARE(g.quantization, Quantization::None);
        QVERIFY2(!g.message.contains(QStringLiteral("could not be used")), qPrintable(g.message));
        QCOMPARE(g.items, kItems);
        Result<Item> probe = (*idx)->get(QStringLiteral("item-0123"));
        QVERIFY(probe.ok());
        QueryRequest q;
        q.vector = probe->vector;
        q.k = 3;
        q.mode = QueryMode::Ann;
        Result<QueryResult> r = (*idx)->query(q);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r->hits.front().id, QStringLiteral("item-0123"));
        QVERIFY2(!r->plan.contains(QStringLiteral("8-bit")), qPrintable(r->plan));
        QVERIFY(waitFor((*idx)->insert(makeItem(QStringLiteral("new-item"), 7, 8,
                                                QJsonObject{{QStringLiteral("lang"), QStringLiteral("en")}})))
                    .error.ok());
        QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
        QVERIFY(!(*idx)->close());
    }
    // The close saved the graph again (a new file) and published a manifest: both still format 1.
    QCOMPARE(storage::getU32(readAll(dir + QStringLiteral("/MANIFEST")).constData() + 8), 1u);
    const QStringList graphs = QDir(dir).entryList({QStringLiteral("graph-*.sxg")}, QDir::Files, QDir::Name);
    QVERIFY(!graphs.isEmpty());
    QCOMPARE(storage::getU32(readAll(dir + u'/' + graphs.constLast()).constData() + 8), 1u);
    Result<VerifyReport> after = verifyIndex(dir, VerifyOptions{true, {}});
    QVERIFY(after.ok());
    QVERIFY2(after->clean(), qPrintable(readableFindings(*after)));
    QCOMPARE(after->liveItems, kItems + 1);
}

QString TestFormatFixture::copy()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    const QString to = m_tmp->filePath(QStringLiteral("index"));
    if (!copyFolder(fixture(), to)) return {};
    return to;
}

void TestFormatFixture::fixtureIsTheOldFormat()
{
    const QList<uint32_t> versions = segmentVersions(fixture());
    QVERIFY(versions.size() >= 3);
    for (uint32_t v : versions)
        QCOMPARE(v, 2u);
    Result<storage::Manifest> m = storage::Manifest::read(fixture() + QStringLiteral("/MANIFEST"));
    QVERIFY(m.ok());
    QVERIFY(m->graph.has_value());
    bool deletions = false;
    for (const storage::SegmentEntry &e : m->segments)
        deletions = deletions || !e.deletionFile.isEmpty();
    QVERIFY(deletions);
    QVERIFY(fileSize(fixture() + u'/' + m->walFile) > 32); // a WAL tail after the checkpoint
    QVERIFY(QFileInfo::exists(fixture() + QStringLiteral("/MANIFEST.prev")));
}

void TestFormatFixture::opensQueriesAndVerifiesAsItIs()
{
    const QString dir = copy();
    QVERIFY(!dir.isEmpty());
    for (bool full : {false, true}) {
        Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{full, {}});
        QVERIFY(v.ok());
        QVERIFY2(v->clean(), qPrintable(readableFindings(*v)));
        if (full) QCOMPARE(v->liveItems, kItems);
    }
    OpenOptions ro;
    ro.readOnly = true;
    Result<std::shared_ptr<Index>> idx = Index::open(dir, ro);
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    QCOMPARE((*idx)->count(), kItems);
    // Values from each place the fixture keeps them: a segment, a deletion,
    // an upsert that was checkpointed, and the log tail.
    Result<Item> first = (*idx)->get(QStringLiteral("item-0000"));
    QVERIFY(first.ok());
    QCOMPARE(first->metadata.value(QStringLiteral("lang")).toString(), QStringLiteral("en"));
    QCOMPARE(first->metadata.value(QStringLiteral("public")).toBool(), false);
    Result<Item> fifth = (*idx)->get(QStringLiteral("item-0005"));
    QVERIFY(fifth.ok());
    QCOMPARE(fifth->metadata.value(QStringLiteral("nested")).toObject().value(QStringLiteral("n")).toInt(), -5);
    QVERIFY(fifth->metadata.value(QStringLiteral("nested"))
                .toObject()
                .value(QStringLiteral("a"))
                .toArray()
                .at(2)
                .toObject()
                .value(QStringLiteral("b"))
                .isNull());
    QCOMPARE(first->vector.size(), 8);
    QVERIFY(!(*idx)->get(QStringLiteral("item-0010")).ok());
    QVERIFY(!(*idx)->get(QStringLiteral("item-0250")).ok());
    QCOMPARE((*idx)->get(QStringLiteral("item-0150"))->metadata.value(QStringLiteral("lang")).toString(),
             QStringLiteral("en"));
    QCOMPARE((*idx)->get(QStringLiteral("item-0020"))->metadata.value(QStringLiteral("lang")).toString(),
             QStringLiteral("fr"));
    QCOMPARE((*idx)->get(QStringLiteral("item-0210"))->metadata.value(QStringLiteral("lang")).toString(),
             QStringLiteral("de"));
    Result<Item> tail = (*idx)->get(QStringLiteral("item-0339"));
    QVERIFY(tail.ok());
    QCOMPARE(tail->metadata.value(QStringLiteral("tags")).toArray().size(), 2);
    QCOMPARE(tail->metadata.value(QStringLiteral("public")).toBool(), true);

    // A query by an item's own vector finds it first, exactly and through the graph.
    Result<Item> probe = (*idx)->get(QStringLiteral("item-0123"));
    QVERIFY(probe.ok());
    for (QueryMode mode : {QueryMode::Exact, QueryMode::Ann}) {
        QueryRequest q;
        q.vector = probe->vector;
        q.k = 3;
        q.mode = mode;
        if (mode == QueryMode::Ann) QVERIFY((*idx)->waitForGraph(30000));
        Result<QueryResult> r = (*idx)->query(q);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QVERIFY(!r->hits.isEmpty());
        QCOMPARE(r->hits.front().id, QStringLiteral("item-0123"));
    }
    // A filter on a declared field.
    QueryRequest filtered;
    filtered.vector = probe->vector;
    filtered.k = 500;
    filtered.mode = QueryMode::Exact;
    filtered.filter = QByteArrayLiteral("{\"lang\": \"fr\"}");
    Result<QueryResult> fr = (*idx)->query(filtered);
    QVERIFY2(fr.ok(), qPrintable(fr.error().message()));
    // item-0200 … 0299 are fr, minus item-0250 (deleted) and item-0210 (upserted as de), plus item-0020.
    QCOMPARE(fr->hits.size(), qsizetype(99));
    QVERIFY(!(*idx)->close());
    // Reading changed nothing: the segments are still format 2.
    for (uint32_t v : segmentVersions(dir))
        QCOMPARE(v, 2u);
}

void TestFormatFixture::writesAndCompactionUpgradeTheSegments()
{
    const QString dir = copy();
    QVERIFY(!dir.isEmpty());
    Expected expected;
    {
        OpenOptions noGraph;
        noGraph.graph = false;
        Result<std::shared_ptr<Index>> idx = Index::open(dir, noGraph);
        QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
        Item extra =
            makeItem(QStringLiteral("new-item"), 7, 8, QJsonObject{{QStringLiteral("lang"), QStringLiteral("en")}});
        QVERIFY(waitFor((*idx)->insert(extra)).error.ok());
        QVERIFY(waitFor((*idx)->remove(QStringLiteral("item-0001"))).error.ok());
        // Old (format 2) and new (format 3) segments side by side.
        QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
        QList<uint32_t> mixed = segmentVersions(dir);
        QVERIFY(mixed.contains(2u) && mixed.contains(3u));
        Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{true, {}});
        QVERIFY(v.ok());
        QVERIFY2(v->clean(), qPrintable(readableFindings(*v)));
        // Compaction rewrites every segment in the current format.
        QVERIFY(waitFor((*idx)->compact()).error.ok());
        QString cursor;
        for (;;) {
            Result<ListPage> page = (*idx)->list(cursor, 100, true);
            QVERIFY(page.ok());
            for (const Item &it : page->items)
                expected[it.id.toUtf8()] = it;
            if (page->nextAfter.isEmpty()) break;
            cursor = page->nextAfter;
        }
        QVERIFY(!(*idx)->close());
    }
    QCOMPARE(qint64(expected.size()), kItems); // one added, one deleted
    const QList<uint32_t> versions = segmentVersions(dir);
    QVERIFY(!versions.isEmpty());
    for (uint32_t v : versions)
        QCOMPARE(v, storage::segment::kVersion);
    for (bool full : {false, true}) {
        Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{full, {}});
        QVERIFY(v.ok());
        QVERIFY2(v->clean(), qPrintable(readableFindings(*v)));
    }
    Result<std::shared_ptr<Index>> again = Index::open(dir);
    QVERIFY(again.ok());
    QCOMPARE(diffContent(**again, expected), QString());
    QVERIFY(!(*again)->close());
}

void TestFormatFixture::newerSegmentIsRefusedNotDamaged()
{
    const QString dir = copy();
    QVERIFY(!dir.isEmpty());
    Result<storage::Manifest> m = storage::Manifest::read(dir + QStringLiteral("/MANIFEST"));
    QVERIFY(m.ok());
    const QString seg = dir + u'/' + m->segments.front().file;
    // Format 9, with a header checksum that holds: a file a later Sextant wrote.
    QByteArray bytes = readAll(seg);
    storage::putU32(bytes.data() + 8, 9);
    storage::putU64(bytes.data() + 120, base::xxh3(bytes.constData(), 120));
    QVERIFY(writeAll(seg, bytes));

    Result<std::shared_ptr<storage::Segment>> s = storage::Segment::open(seg, m->segments.front().id, 8);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code(), ErrorCode::UnsupportedFormat);
    QVERIFY2(s.error().message().contains(QStringLiteral("made by a newer Sextant (format 9)")),
             qPrintable(s.error().message()));
    QVERIFY(!s.error().message().contains(QStringLiteral("damaged")));

    Result<std::shared_ptr<Index>> idx = Index::open(dir);
    QVERIFY(!idx.ok());
    QVERIFY2(idx.error().message().contains(QStringLiteral("made by a newer Sextant (format 9)")),
             qPrintable(idx.error().message()));

    Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{true, {}});
    QVERIFY(v.ok());
    bool named = false;
    for (const Finding &f : v->findings) {
        QVERIFY2(!f.message.contains(QStringLiteral("damaged")), qPrintable(f.message));
        if (f.message.contains(QStringLiteral("made by a newer Sextant (format 9)"))) {
            named = true;
            QCOMPARE(f.action, RepairAction::None);
        }
    }
    QVERIFY2(named, qPrintable(readableFindings(*v)));
    Result<RepairPlan> plan = planRepair(dir, *v);
    QVERIFY(plan.ok());
    QVERIFY(!plan->blockers.isEmpty());
    QVERIFY(plan->blockers.join(u' ').contains(QStringLiteral("made by a newer Sextant")));
    for (const RepairStep &step : plan->steps)
        QVERIFY(step.file != m->segments.front().file);
    QCOMPARE(readAll(seg), bytes); // untouched
}

void TestFormatFixture::newerManifestIsRefusedNotDamaged()
{
    const QString dir = copy();
    QVERIFY(!dir.isEmpty());
    const QString path = dir + QStringLiteral("/MANIFEST");
    QByteArray bytes = readAll(path);
    // An envelope version above what this build reads, checksum of the body still right.
    const uint32_t newer = storage::manifest::kVersion + 1;
    const QString newerText = QStringLiteral("made by a newer Sextant (format %1)").arg(newer);
    storage::putU32(bytes.data() + 8, newer);
    QVERIFY(writeAll(path, bytes));
    Result<storage::Manifest> m = storage::Manifest::read(path);
    QVERIFY(!m.ok());
    QCOMPARE(m.error().code(), ErrorCode::UnsupportedFormat);
    QVERIFY2(m.error().message().contains(newerText), qPrintable(m.error().message()));

    Result<std::shared_ptr<Index>> idx = Index::open(dir);
    QVERIFY(!idx.ok());
    QVERIFY2(idx.error().message().contains(newerText), qPrintable(idx.error().message()));
    QVERIFY(!idx.error().message().contains(QStringLiteral("damaged")));

    Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{false, {}});
    QVERIFY(v.ok());
    QVERIFY(!v->clean());
    for (const Finding &f : v->findings) {
        QVERIFY2(!f.message.contains(QStringLiteral("damaged")), qPrintable(f.message));
        QVERIFY(f.action != RepairAction::UsePreviousManifest);
    }
    Result<RepairPlan> plan = planRepair(dir, *v);
    QVERIFY(plan.ok());
    QVERIFY(plan->blockers.join(u' ').contains(newerText));

    // A damaged version field is damage, not a newer format: the checksum
    // of the body does not hold with a changed body.
    bytes[30] = char(bytes[30] ^ 0x10);
    QVERIFY(writeAll(path, bytes));
    m = storage::Manifest::read(path);
    QVERIFY(!m.ok());
    QCOMPARE(m.error().code(), ErrorCode::Corruption);
}

QTEST_GUILESS_MAIN(TestFormatFixture)
#include "tst_format_fixture.moc"
