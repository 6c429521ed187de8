// Damage every kind of file an index consists of (bit flips at random
// places, truncation, deletion); full verify must find every flip, the repair
// plan must be able to run, and afterwards verify is clean, every item that
// was readable before is there with the same value, and nothing else is
// served. SEXTANT_REPAIR_ROUNDS raises the number of flips per kind (CI: 3);
// SEXTANT_REPAIR_SEED replays a run.

#include "IndexTestSupport.h"
#include "VerifySupport.h"
#include "sextant/Repair.h"
#include "storage/Manifest.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;
using namespace testsupport;

namespace {

enum class Damage { Flip, Truncate, Delete };

quint64 seedFromEnvironment()
{
    bool ok = false;
    const quint64 s = qEnvironmentVariable("SEXTANT_REPAIR_SEED").toULongLong(&ok);
    return ok ? s : QRandomGenerator::global()->generate64();
}

QJsonObject langMeta(int i)
{
    return QJsonObject{{QStringLiteral("lang"), i % 3 ? QStringLiteral("en") : QStringLiteral("de")}};
}

} // namespace

class TestRepair : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanIndexNeedsNoRepair();
    void damageEveryKind_data();
    void damageEveryKind();
    void backupArchiveHoldsEveryFile();
    void planRefusesAChangedFolder();
    void lockedIndexIsABlocker();
    void leftoversOfAKilledRepairAreNotConfusedWithItsOwnFiles();
    void aBulkSegmentIsNotThrownAwayByGoingBack();
    void goingBackPastASupersededGraph();

private:
    QString fileOfKind(const QString &kind) const;
    QString work() const { return m_work->filePath(QStringLiteral("index")); }
    void freshCopy();

    QTemporaryDir m_base;
    std::unique_ptr<QTemporaryDir> m_work;
    QString m_pristine;
    storage::Manifest m_manifest;
    Expected m_expected;
    quint64 m_seed = 0;
};

void TestRepair::initTestCase()
{
    m_seed = seedFromEnvironment();
    qInfo("SEXTANT_REPAIR_SEED=%llu", m_seed);
    const QString live = m_base.filePath(QStringLiteral("live"));
    m_pristine = m_base.filePath(QStringLiteral("pristine"));
    Schema schema = smallSchema(8);
    schema.fields = {FieldSpec{QStringLiteral("lang"), FieldType::String, true}};
    {
        // A graph first (saved at the checkpoint), then segments with deletions.
        Result<std::shared_ptr<Index>> idx = Index::create(live, schema, Durability::Full);
        QVERIFY(idx.ok());
        QList<WriteOp> batch;
        for (int i = 0; i < 3000; ++i) {
            Item it = makeItem(QStringLiteral("a%1").arg(i, 5, 10, QLatin1Char('0')), quint32(i), 8, langMeta(i));
            m_expected[it.id.toUtf8()] = it;
            batch.append(WriteOp::insert(it));
            if (batch.size() == 500) {
                QVERIFY(waitFor((*idx)->write(batch, Priority::Bulk)).error.ok());
                batch.clear();
            }
        }
        QVERIFY((*idx)->waitForGraph(60000));
        QVERIFY(!(*idx)->close()); // saves the graph
    }
    OpenOptions noGraph; // no background saves while the folder is copied
    noGraph.graph = false;
    Result<std::shared_ptr<Index>> idx = Index::open(live, noGraph);
    QVERIFY(idx.ok());
    for (int i = 0; i < 3000; i += 7) {
        const QString id = QStringLiteral("a%1").arg(i, 5, 10, QLatin1Char('0'));
        QVERIFY(waitFor((*idx)->remove(id)).error.ok());
        m_expected.erase(id.toUtf8());
    }
    for (int i = 0; i < 3000; i += 11) {
        Item it = makeItem(QStringLiteral("a%1").arg(i, 5, 10, QLatin1Char('0')), quint32(i + 50000), 8, langMeta(i));
        QVERIFY(waitFor((*idx)->upsert(it)).error.ok());
        m_expected[it.id.toUtf8()] = it;
    }
    QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
    // Acknowledged writes after the checkpoint: frames in the log.
    for (int i = 0; i < 40; ++i) {
        Item it = makeItem(QStringLiteral("w%1").arg(i, 3, 10, QLatin1Char('0')), quint32(i + 90000), 8, langMeta(i));
        QVERIFY(waitFor((*idx)->insert(it)).error.ok());
        m_expected[it.id.toUtf8()] = it;
    }
    QVERIFY(copyFolder(live, m_pristine, {QStringLiteral("LOCK"), QStringLiteral("LOCK.owner")}));
    QVERIFY(!(*idx)->close());

    Result<storage::Manifest> m = storage::Manifest::read(m_pristine + QStringLiteral("/MANIFEST"));
    QVERIFY(m.ok());
    m_manifest = *m;
    for (const char *kind : {"MANIFEST", "MANIFEST.prev", "segment", "deletion", "graph", "wal"})
        QVERIFY2(!fileOfKind(QString::fromLatin1(kind)).isEmpty(), kind);
    QVERIFY(fileSize(m_pristine + u'/' + m_manifest.walFile) > 32);
}

QString TestRepair::fileOfKind(const QString &kind) const
{
    if (kind == QLatin1String("MANIFEST") || kind == QLatin1String("MANIFEST.prev")) return kind;
    if (kind == QLatin1String("wal")) return m_manifest.walFile;
    if (kind == QLatin1String("graph")) return m_manifest.graph ? m_manifest.graph->file : QString();
    for (const storage::SegmentEntry &e : m_manifest.segments) {
        if (kind == QLatin1String("segment") && !e.deletionFile.isEmpty()) return e.file;
        if (kind == QLatin1String("deletion") && !e.deletionFile.isEmpty()) return e.deletionFile;
    }
    return {};
}

void TestRepair::freshCopy()
{
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_work->isValid());
    QVERIFY(copyFolder(m_pristine, work()));
}

void TestRepair::cleanIndexNeedsNoRepair()
{
    freshCopy();
    Result<VerifyReport> v = verifyIndex(work(), VerifyOptions{true, {}});
    QVERIFY(v.ok());
    QVERIFY2(v->clean(), qPrintable(findingsText(*v)));
    QCOMPARE(v->liveItems, qint64(m_expected.size()));
    Result<RepairPlan> plan = planRepair(work(), *v);
    QVERIFY(plan.ok());
    QVERIFY2(!plan->needed(), qPrintable(findingsText(*v))); // the fixture is a crash snapshot, but a clean one
}

void TestRepair::damageEveryKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("damage");
    QTest::addColumn<int>("round");
    const int rounds = std::max(1, qEnvironmentVariableIntValue("SEXTANT_REPAIR_ROUNDS"));
    const int flips = qEnvironmentVariableIsSet("SEXTANT_REPAIR_ROUNDS") ? rounds : 3;
    for (const char *kind : {"MANIFEST", "MANIFEST.prev", "segment", "deletion", "graph", "wal"}) {
        for (int r = 0; r < flips; ++r)
            QTest::addRow("%s flip %d", kind, r) << QString::fromLatin1(kind) << int(Damage::Flip) << r;
        QTest::addRow("%s truncated", kind) << QString::fromLatin1(kind) << int(Damage::Truncate) << 0;
        QTest::addRow("%s deleted", kind) << QString::fromLatin1(kind) << int(Damage::Delete) << 0;
    }
}

void TestRepair::damageEveryKind()
{
    QFETCH(QString, kind);
    QFETCH(int, damage);
    QFETCH(int, round);
    freshCopy();
    const QString file = fileOfKind(kind);
    const QString path = work() + u'/' + file;
    const qint64 size = fileSize(path);
    QRandomGenerator rng(quint32((m_seed ^ qHash(kind)) + quint64(round) * 2654435761u));
    QString what;
    switch (Damage(damage)) {
    case Damage::Flip: {
        const qint64 offset = qint64(rng.bounded(quint64(size)));
        const int bit = int(rng.bounded(8));
        QVERIFY(flipBit(path, offset, bit));
        what = QStringLiteral("bit %1 of byte %2 of %3").arg(bit).arg(offset).arg(file);
        break;
    }
    case Damage::Truncate: {
        QFile f(path);
        QVERIFY(f.resize(size / 2));
        what = QStringLiteral("%1 cut to %2 bytes").arg(file).arg(size / 2);
        break;
    }
    case Damage::Delete:
        QVERIFY(QFile::remove(path));
        what = QStringLiteral("%1 deleted").arg(file);
        break;
    }

    // What a reader gets from the damaged folder.
    std::map<QByteArray, Item> readableBefore;
    {
        OpenOptions ro;
        ro.readOnly = true;
        ro.graph = false;
        Result<std::shared_ptr<Index>> before = Index::open(work(), ro);
        if (before.ok()) {
            for (const auto &[id, item] : m_expected) {
                Result<Item> got = (*before)->get(item.id);
                if (got.ok()) readableBefore[id] = *got;
            }
            (*before)->close();
        }
    }

    Result<VerifyReport> v = verifyIndex(work(), VerifyOptions{true, {}});
    QVERIFY(v.ok());
    // A flip is always found. A log cut short looks like an interrupted write
    // and a missing MANIFEST.prev like a young index: both are legitimate states.
    const bool mustFind = Damage(damage) == Damage::Flip ||
                          (kind != QLatin1String("wal") && kind != QLatin1String("MANIFEST.prev")) ||
                          (kind == QLatin1String("wal") && Damage(damage) == Damage::Delete);
    if (mustFind) QVERIFY2(!v->clean(), qPrintable(what));

    Result<RepairPlan> plan = planRepair(work(), *v);
    QVERIFY(plan.ok());
    QVERIFY2(plan->blockers.isEmpty(), qPrintable(what + u'\n' + plan->blockers.join(u'\n')));
    if (plan->needed()) {
        RepairOptions o;
        o.backup = false;
        Result<RepairResult> r = runRepair(*plan, o);
        QVERIFY2(r.ok(), qPrintable(what + QStringLiteral(": ") + r.error().message() + u'\n' + findingsText(*v)));
        QVERIFY2(r->after.clean(),
                 qPrintable(what + u'\n' + findingsText(r->after) + QStringLiteral("\nlog:\n") + r->log.join(u'\n')));
    }
    Result<VerifyReport> again = verifyIndex(work(), VerifyOptions{true, {}});
    QVERIFY(again.ok());
    QVERIFY2(again->clean(), qPrintable(what + u'\n' + findingsText(*again)));

    Result<std::shared_ptr<Index>> after = Index::open(work());
    QVERIFY2(after.ok(), qPrintable(what + QStringLiteral(": ") + after.error().message()));
    // Nothing readable before is lost, and nothing served is wrong.
    for (const auto &[id, item] : readableBefore) {
        Result<Item> got = (*after)->get(item.id);
        QVERIFY2(
            got.ok(),
            qPrintable(QStringLiteral("%1: item %2 was readable before the repair, not after").arg(what, item.id)));
        QCOMPARE(got->vector, item.vector);
        QCOMPARE(got->metadata, item.metadata);
    }
    QString cursor;
    qint64 listed = 0;
    for (;;) {
        Result<ListPage> page = (*after)->list(cursor, 1000, true);
        QVERIFY(page.ok());
        for (const Item &it : page->items) {
            const auto want = m_expected.find(it.id.toUtf8());
            QVERIFY2(want != m_expected.end(),
                     qPrintable(QStringLiteral("%1: %2 appeared\n%3").arg(what, it.id, findingsText(*v))));
            QVERIFY2(want->second.vector == it.vector && want->second.metadata == it.metadata,
                     qPrintable(QStringLiteral("%1: %2 has other content").arg(what, it.id)));
        }
        listed += page->items.size();
        if (page->nextAfter.isEmpty()) break;
        cursor = page->nextAfter;
    }
    // Damage to the manifest (the previous generation plus the log chain
    // holds everything) or to derived data loses nothing at all.
    if (kind == QLatin1String("MANIFEST") || kind == QLatin1String("MANIFEST.prev") || kind == QLatin1String("graph"))
        QCOMPARE(diffContent(**after, m_expected), QString());
    QVERIFY(!(*after)->close());
}

void TestRepair::backupArchiveHoldsEveryFile()
{
    freshCopy();
    QVERIFY(flipBit(work() + u'/' + fileOfKind(QStringLiteral("segment")), 200, 1));
    Result<VerifyReport> v = verifyIndex(work(), VerifyOptions{false, {}});
    QVERIFY(v.ok());
    Result<RepairPlan> plan = planRepair(work(), *v);
    QVERIFY(plan.ok() && plan->canRun());
    RepairOptions o;
    o.backupPath = m_work->filePath(QStringLiteral("backup.tar.zst"));
    QStringList steps;
    o.progress = [&](int, int, const QString &what) {
        steps << what;
        return true;
    };
    Result<RepairResult> r = runRepair(*plan, o);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QCOMPARE(r->backupFile, o.backupPath);
    QVERIFY(fileSize(o.backupPath) > 1000);
    QVERIFY(!QFile::exists(o.backupPath + QStringLiteral(".part")));
    QVERIFY(steps.size() >= 4);
    // zstd frames start with 28 B5 2F FD.
    QCOMPARE(readAll(o.backupPath).left(4), QByteArray("\x28\xb5\x2f\xfd", 4));
    QVERIFY(r->after.clean());
    QVERIFY(!r->quarantined.isEmpty());
    for (const QString &q : r->quarantined)
        QVERIFY2(QFile::exists(work() + u'/' + q), qPrintable(q));
}

void TestRepair::planRefusesAChangedFolder()
{
    freshCopy();
    QVERIFY(flipBit(work() + u'/' + fileOfKind(QStringLiteral("graph")), 100, 2));
    Result<VerifyReport> v = verifyIndex(work(), VerifyOptions{false, {}});
    Result<RepairPlan> plan = planRepair(work(), *v);
    QVERIFY(plan.ok() && plan->canRun());
    // A writer comes and goes between the plan and the repair.
    {
        OpenOptions o;
        o.graph = false;
        Result<std::shared_ptr<Index>> idx = Index::open(work(), o);
        QVERIFY(idx.ok());
        QVERIFY(waitFor((*idx)->insert(makeItem(QStringLiteral("late"), 1, 8, langMeta(1)))).error.ok());
        QVERIFY(!(*idx)->close());
    }
    RepairOptions ro;
    ro.backup = false;
    Result<RepairResult> r = runRepair(*plan, ro);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message().contains(QStringLiteral("changed")), qPrintable(r.error().message()));
}

void TestRepair::lockedIndexIsABlocker()
{
    freshCopy();
    QVERIFY(flipBit(work() + u'/' + fileOfKind(QStringLiteral("graph")), 100, 2));
    OpenOptions o;
    o.graph = false;
    o.applicationName = QStringLiteral("Holder");
    Result<std::shared_ptr<Index>> idx = Index::open(work(), o);
    QVERIFY(idx.ok());
    Result<VerifyReport> v = verifyIndex(work(), VerifyOptions{false, {}});
    Result<RepairPlan> plan = planRepair(work(), *v);
    QVERIFY(plan.ok());
    QVERIFY(!plan->canRun());
    QVERIFY2(plan->blockers.join(u' ').contains(QStringLiteral("Holder")), qPrintable(plan->blockers.join(u' ')));
    QVERIFY(!runRepair(*plan, {}).ok());
    QVERIFY(!(*idx)->close());
}

// A repair killed before publishing leaves the segment it wrote, under the
// next segment id; the next repair's own new segment must not take that
// name and then be moved to quarantine as the orphan (found by
// tst_repair_kill).
void TestRepair::leftoversOfAKilledRepairAreNotConfusedWithItsOwnFiles()
{
    freshCopy();
    const QString segment = fileOfKind(QStringLiteral("segment"));
    const QString leftover = QStringLiteral("seg-%1.sxs").arg(m_manifest.nextSegmentId, 8, 10, QLatin1Char('0'));
    QVERIFY(QFile::copy(work() + u'/' + segment, work() + u'/' + leftover));
    // Damage the segment's id offsets: its rows must be copied to a new segment.
    QVERIFY(flipBit(work() + u'/' + segment, fileSize(work() + u'/' + segment) - 4000, 0));
    Result<VerifyReport> v = verifyIndex(work(), VerifyOptions{true, {}});
    QVERIFY(v.ok());
    Result<RepairPlan> plan = planRepair(work(), *v);
    QVERIFY(plan.ok() && plan->canRun());
    RepairOptions o;
    o.backup = false;
    Result<RepairResult> r = runRepair(*plan, o);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QVERIFY2(r->after.clean(), qPrintable(findingsText(r->after)));
    Result<std::shared_ptr<Index>> idx = Index::open(work());
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    QVERIFY(!(*idx)->close());
}

// A bulk batch goes straight into a segment, so the log never holds its
// items: going back to the previous generation would lose all of them
// (found by the GUI's repair test; verify offered the fallback and the
// repair published an empty index that verified clean).
void TestRepair::aBulkSegmentIsNotThrownAwayByGoingBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bulk"));
    {
        OpenOptions o;
        o.graph = false;
        Result<std::shared_ptr<Index>> idx = Index::create(path, smallSchema(32), Durability::Full, o);
        QVERIFY(idx.ok());
        QList<WriteOp> batch;
        for (int i = 0; i < 3000; ++i)
            batch.append(
                WriteOp::insert(makeItem(QStringLiteral("b%1").arg(i, 4, 10, QLatin1Char('0')), quint32(i), 32)));
        QVERIFY(waitFor((*idx)->write(batch, Priority::Bulk)).error.ok());
        QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
        QVERIFY(!(*idx)->close());
    }
    QString segment;
    for (const QString &name : QDir(path).entryList({QStringLiteral("seg-*.sxs")}))
        segment = name;
    QVERIFY(flipBit(path + u'/' + segment, 65536 + 1000, 3)); // vectors of rows 512-1023: the ids stay readable
    Result<VerifyReport> v = verifyIndex(path, VerifyOptions{true, {}});
    QVERIFY(v.ok());
    for (const Finding &f : v->findings)
        QVERIFY2(f.action != RepairAction::UsePreviousManifest, qPrintable(findingsText(*v)));
    const qint64 readable = v->liveItems;
    QVERIFY2(readable > 0, qPrintable(QString::number(readable) + u'\n' + findingsText(*v)));
    Result<RepairPlan> plan = planRepair(path, *v);
    QVERIFY(plan.ok() && plan->canRun());
    RepairOptions o;
    o.backup = false;
    Result<RepairResult> r = runRepair(*plan, o);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QVERIFY(r->after.clean());
    QCOMPARE(r->itemsAfter, readable);
    QCOMPARE(r->itemsAfter + r->itemsSetAside, qint64(3000));
}

// The writer removes a graph once a newer manifest replaces it, so
// MANIFEST.prev may name a graph that is gone (issue 18 §16). Going back to
// that generation must not publish a manifest naming it: verify finds the
// graph missing, and the plan builds it again.
void TestRepair::goingBackPastASupersededGraph()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("superseded"));
    Expected expected;
    auto writeSome = [&](Index &idx, int from, int count) {
        QList<WriteOp> batch;
        for (int i = from; i < from + count; ++i) {
            Item it = makeItem(QStringLiteral("g%1").arg(i, 5, 10, QLatin1Char('0')), quint32(i), 8);
            expected[it.id.toUtf8()] = it;
            batch.append(WriteOp::insert(it));
        }
        return waitFor(idx.write(batch)).error.ok();
    };
    {
        Result<std::shared_ptr<Index>> idx = Index::create(path, smallSchema(8), Durability::Full);
        QVERIFY(idx.ok());
        QVERIFY(writeSome(**idx, 0, 1200));
        QVERIFY((*idx)->waitForGraph(60000));
        QVERIFY(!(*idx)->close()); // checkpoint, then the graph
    }
    {
        Result<std::shared_ptr<Index>> idx = Index::open(path);
        QVERIFY(idx.ok());
        QVERIFY(writeSome(**idx, 1200, 1200)); // saved when it drifts
        QVERIFY((*idx)->waitForGraph(60000));
        QVERIFY(writeSome(**idx, 2400, 10));
        QVERIFY((*idx)->waitForGraph(60000));
        QVERIFY(!(*idx)->close()); // a checkpoint, then a newer graph: the last manifest only changes the graph
    }
    const Result<storage::Manifest> cur = storage::Manifest::read(path + QStringLiteral("/MANIFEST"));
    const Result<storage::Manifest> prev = storage::Manifest::read(path + QStringLiteral("/MANIFEST.prev"));
    QVERIFY(cur.ok() && prev.ok() && cur->graph && prev->graph);
    QVERIFY(cur->graph->file != prev->graph->file);
    QVERIFY(!QFileInfo::exists(path + u'/' + prev->graph->file));

    QVERIFY(flipBit(path + QStringLiteral("/MANIFEST"), 40, 1)); // the body: its XXH3 fails
    Result<VerifyReport> v = verifyIndex(path, VerifyOptions{false, {}});
    QVERIFY(v.ok());
    Result<RepairPlan> plan = planRepair(path, *v);
    QVERIFY(plan.ok() && plan->canRun());
    bool goesBack = false, rebuildsGraph = false;
    for (const RepairStep &s : plan->steps) {
        goesBack = goesBack || s.action == RepairAction::UsePreviousManifest;
        rebuildsGraph = rebuildsGraph || s.action == RepairAction::RebuildGraph;
    }
    QVERIFY(goesBack);
    QVERIFY(rebuildsGraph);
    RepairOptions o;
    o.backup = false;
    // Once the repaired manifest is published, every file it names is there.
    QStringList namedButMissing;
    o.progress = [&](int, int, const QString &) {
        const Result<storage::Manifest> m = storage::Manifest::read(path + QStringLiteral("/MANIFEST"));
        if (m.ok() && m->generation > cur->generation)
            for (const storage::FileRecord &f : m->files)
                if (!QFileInfo::exists(path + u'/' + f.name)) namedButMissing << f.name;
        return true;
    };
    Result<RepairResult> r = runRepair(*plan, o);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QVERIFY2(namedButMissing.isEmpty(), qPrintable(namedButMissing.join(u' ')));
    QVERIFY2(r->after.clean(), qPrintable(findingsText(r->after)));
    Result<std::shared_ptr<Index>> idx = Index::open(path);
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    QCOMPARE(diffContent(**idx, expected), QString());
    QVERIFY((*idx)->waitForGraph(60000));
    QVERIFY(!(*idx)->graphStatus().file.isEmpty());
    QVERIFY(!(*idx)->close());
    const QString beyond = folderBeyondTheManifests(path);
    QVERIFY2(beyond.isEmpty(), qPrintable(beyond));
}

QTEST_GUILESS_MAIN(TestRepair)
#include "tst_repair.moc"
