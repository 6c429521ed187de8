// What a writer does when its folder is changed under it, and after a failed
// checkpoint (issue 14): a compaction after a checkpoint that failed on a
// full disk folds the whole log chain and the sizes count every log (B6);
// a removed, replaced or moved log, or a removed folder, stops
// acknowledgements at the next group commit (U8, a loop); a segment removed
// while the index is open is never named by a published manifest (U9);
// MANIFEST as a folder is seen by the repair plan and the repair runs (U10);
// a symlinked log is refused by the writer and reported by verify (U11);
// the plan names the deleted items a damaged shared deletion file brings
// back (U7).

#include "IndexTestSupport.h"
#include "VerifySupport.h"
#include "sextant/Repair.h"
#include "base/FaultInjection.h"
#include "storage/Manifest.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>

using namespace sextant;
using namespace testsupport;

namespace {
QString itemId(int i) { return QStringLiteral("g%1").arg(i, 5, 10, QLatin1Char('0')); }

OpenOptions noGraph()
{
    OpenOptions o;
    o.graph = false;
    return o;
}
} // namespace

class TestWriterGuards : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { base::faults::disarm(); }
    void compactFoldsTheChainAfterAFailedCheckpoint();
    void removedLogStopsAcknowledgements_data();
    void removedLogStopsAcknowledgements();
    void removedSegmentIsNeverPublished();
    void manifestFolderIsSeenByThePlan();
    void symlinkedLogIsRefusedAndReported();
    void planNamesItemsADeletionFileBringsBack();
};

// B6: the checkpoint fails (ENOSPC writing the segment) after it started a
// new log; nothing more is written; the next process's compact must fold
// the older log, and info must count it.
void TestWriterGuards::compactFoldsTheChainAfterAFailedCheckpoint()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idx"));
    Expected expected;
    {
        Result<std::shared_ptr<Index>> idx = Index::create(path, smallSchema(8), Durability::Full, noGraph());
        QVERIFY(idx.ok());
        QList<WriteOp> batch;
        for (int i = 0; i < 500; ++i) {
            Item it = makeItem(itemId(i), quint32(i), 8);
            expected[it.id.toUtf8()] = it;
            batch.append(WriteOp::insert(it));
        }
        QVERIFY(waitFor((*idx)->write(batch)).error.ok());
        base::faults::arm({base::faults::Op::Write, 0, -1, ENOSPC, false, QStringLiteral("seg-")});
        QVERIFY(!waitFor((*idx)->checkpoint()).error.ok());
        QVERIFY((*idx)->close()); // its checkpoint fails too
        base::faults::disarm();
    }
    const QStringList logs = filesMatching(path, QStringLiteral("wal-*.log"));
    QCOMPARE(logs.size(), 2); // the full one and the empty one the checkpoint started
    qint64 allLogs = 0;
    for (const QString &l : logs)
        allLogs += fileSize(path + u'/' + l);

    Result<std::shared_ptr<Index>> idx = Index::open(path, noGraph());
    QVERIFY(idx.ok());
    const IndexStats before = (*idx)->stats();
    QCOMPARE(before.checkpointLsn, quint64(0));
    QCOMPARE(before.walBytes, allLogs); // every log of the chain, not only the active one
    QVERIFY(before.diskBytes >= allLogs);
    const WriteResult c = waitFor((*idx)->compact());
    QVERIFY2(c.error.ok(), qPrintable(c.error.message()));
    const IndexStats after = (*idx)->stats();
    QCOMPARE(after.checkpointLsn, before.lastLsn);
    QCOMPARE(after.segments, qint64(1));
    QCOMPARE(after.unflushedItems, qint64(0));
    QCOMPARE(diffContent(**idx, expected), QString());
    QVERIFY(!(*idx)->close());
    Result<storage::Manifest> m = storage::Manifest::read(path + QStringLiteral("/MANIFEST"));
    QVERIFY(m.ok());
    QCOMPARE(m->checkpointLsn, before.lastLsn);
}

void TestWriterGuards::removedLogStopsAcknowledgements_data()
{
    QTest::addColumn<int>("how");
    QTest::addColumn<int>("round");
    const int rounds = qEnvironmentVariableIsSet("SEXTANT_REPAIR_ROUNDS")
                           ? std::max(1, qEnvironmentVariableIntValue("SEXTANT_REPAIR_ROUNDS"))
                           : 2;
    for (int r = 0; r < rounds; ++r) {
        QTest::addRow("log unlinked %d", r) << 0 << r;
        QTest::addRow("log renamed %d", r) << 1 << r;
        QTest::addRow("log replaced %d", r) << 2 << r;
        QTest::addRow("folder moved %d", r) << 3 << r;
    }
}

// U8: after the log stops being the file at its path, no write is
// acknowledged; before it, every acknowledged write survives.
void TestWriterGuards::removedLogStopsAcknowledgements()
{
    QFETCH(int, how);
    QFETCH(int, round);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idx"));
    Result<std::shared_ptr<Index>> idx = Index::create(path, smallSchema(4), Durability::Full, noGraph());
    QVERIFY(idx.ok());
    QRandomGenerator rng(quint32(how * 1000 + round));
    const int before = 1 + int(rng.bounded(60));
    for (int i = 0; i < before; ++i)
        QVERIFY(waitFor((*idx)->insert(makeItem(itemId(i), quint32(i)))).error.ok());
    const QString log = path + u'/' + filesMatching(path, QStringLiteral("wal-*.log")).constFirst();
    switch (how) {
    case 0: QVERIFY(QFile::remove(log)); break;
    case 1: QVERIFY(QFile::rename(log, log + QStringLiteral(".moved"))); break;
    case 2:
        QVERIFY(QFile::copy(log, log + QStringLiteral(".copy")));
        QVERIFY(QFile::remove(log));
        QVERIFY(QFile::rename(log + QStringLiteral(".copy"), log));
        break;
    case 3: QVERIFY(QDir().rename(path, path + QStringLiteral("-moved"))); break;
    }
    int acknowledged = 0;
    QString message;
    for (int i = before; i < before + 10; ++i) {
        const WriteResult w = waitFor((*idx)->insert(makeItem(itemId(i), quint32(i))));
        if (w.error.ok())
            ++acknowledged;
        else
            message = w.error.message();
    }
    QCOMPARE(acknowledged, 0);
    QVERIFY2(message.contains(QLatin1String("stopped accepting writes")), qPrintable(message));
    (*idx)->close();
}

// U9: a segment removed while the index is open.
void TestWriterGuards::removedSegmentIsNeverPublished()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idx"));
    Result<std::shared_ptr<Index>> idx = Index::create(path, smallSchema(4), Durability::Full, noGraph());
    QVERIFY(idx.ok());
    for (int i = 0; i < 50; ++i)
        QVERIFY(waitFor((*idx)->insert(makeItem(itemId(i), quint32(i)))).error.ok());
    QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
    const QString seg = filesMatching(path, QStringLiteral("seg-*.sxs")).constFirst();
    QVERIFY(QFile::remove(path + u'/' + seg));
    for (int i = 50; i < 60; ++i)
        QVERIFY(waitFor((*idx)->insert(makeItem(itemId(i), quint32(i)))).error.ok());
    const WriteResult c = waitFor((*idx)->checkpoint());
    QVERIFY(!c.error.ok());
    QVERIFY2(c.error.message().contains(seg), qPrintable(c.error.message()));
    QVERIFY((*idx)->close()); // its checkpoint fails as well: not a success
    Result<storage::Manifest> m = storage::Manifest::read(path + QStringLiteral("/MANIFEST"));
    QVERIFY(m.ok());
    QCOMPARE(m->generation, quint64(2)); // nothing published after the removal
}

// U10
void TestWriterGuards::manifestFolderIsSeenByThePlan()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idx"));
    Expected expected;
    {
        Result<std::shared_ptr<Index>> idx = Index::create(path, smallSchema(4), Durability::Full, noGraph());
        QVERIFY(idx.ok());
        for (int i = 0; i < 30; ++i) {
            Item it = makeItem(itemId(i), quint32(i));
            expected[it.id.toUtf8()] = it;
            QVERIFY(waitFor((*idx)->insert(it)).error.ok());
        }
        QVERIFY(!(*idx)->close());
    }
    QVERIFY(QFile::remove(path + QStringLiteral("/MANIFEST")));
    QVERIFY(QDir().mkdir(path + QStringLiteral("/MANIFEST")));
    Result<VerifyReport> v = verifyIndex(path, VerifyOptions{true, {}});
    QVERIFY(v.ok());
    Result<RepairPlan> plan = planRepair(path, *v);
    QVERIFY(plan.ok());
    QVERIFY2(plan->canRun(), qPrintable(plan->blockers.join(u'\n') + findingsText(*v)));
    bool said = false;
    for (const RepairStep &s : plan->steps)
        said = said || s.description.contains(QLatin1String("MANIFEST is a folder"));
    QVERIFY(said);
    RepairOptions o;
    o.backupPath = dir.filePath(QStringLiteral("backup.tar.zst"));
    Result<RepairResult> r = runRepair(*plan, o);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
    QVERIFY2(r->after.clean(), qPrintable(findingsText(r->after)));
    Result<std::shared_ptr<Index>> idx = Index::open(path, noGraph());
    QVERIFY(idx.ok());
    QCOMPARE(diffContent(**idx, expected), QString());
}

// U11
void TestWriterGuards::symlinkedLogIsRefusedAndReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idx"));
    {
        Result<std::shared_ptr<Index>> idx = Index::create(path, smallSchema(4), Durability::Full, noGraph());
        QVERIFY(idx.ok());
        QVERIFY(waitFor((*idx)->insert(makeItem(itemId(0), 0))).error.ok());
        QVERIFY(!(*idx)->close());
    }
    Result<storage::Manifest> m = storage::Manifest::read(path + QStringLiteral("/MANIFEST"));
    QVERIFY(m.ok());
    const QString logName = m->walFile; // the log a writer appends to
    const QString outside = dir.filePath(QStringLiteral("outside.log"));
    QVERIFY(QFile::rename(path + u'/' + logName, outside));
    QVERIFY(QFile::link(outside, path + u'/' + logName));
    const QByteArray outsideBefore = readAll(outside);
    Result<std::shared_ptr<Index>> idx = Index::open(path, noGraph());
    QVERIFY(!idx.ok());
    QVERIFY2(idx.error().message().contains(QLatin1String("symbolic link")), qPrintable(idx.error().message()));
    QCOMPARE(readAll(outside), outsideBefore);
    Result<VerifyReport> v = verifyIndex(path, VerifyOptions{false, {}});
    QVERIFY(v.ok());
    bool reported = false;
    for (const Finding &f : v->findings)
        reported = reported || (f.file == logName && f.severity == Finding::Severity::Error &&
                                f.message.contains(QLatin1String("symbolic link")));
    QVERIFY2(reported, qPrintable(findingsText(*v)));
}

// U7: a deletion file both generations use is damaged.
void TestWriterGuards::planNamesItemsADeletionFileBringsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idx"));
    {
        Result<std::shared_ptr<Index>> idx = Index::create(path, smallSchema(4), Durability::Full, noGraph());
        QVERIFY(idx.ok());
        QList<WriteOp> batch;
        for (int i = 0; i < 100; ++i)
            batch.append(WriteOp::insert(makeItem(itemId(i), quint32(i))));
        QVERIFY(waitFor((*idx)->write(batch)).error.ok());
        QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
        QVERIFY(waitFor((*idx)->remove(itemId(7))).error.ok());
        QVERIFY(waitFor((*idx)->remove(itemId(42))).error.ok());
        QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
        QVERIFY(waitFor((*idx)->insert(makeItem(itemId(500), 500))).error.ok());
        QVERIFY(waitFor((*idx)->checkpoint()).error.ok()); // the deletion file is now in both generations
        QVERIFY(!(*idx)->close());
    }
    Result<storage::Manifest> cur = storage::Manifest::read(path + QStringLiteral("/MANIFEST"));
    Result<storage::Manifest> prev = storage::Manifest::read(path + QStringLiteral("/MANIFEST.prev"));
    QVERIFY(cur.ok() && prev.ok());
    QString del;
    for (const storage::SegmentEntry &e : cur->segments)
        if (!e.deletionFile.isEmpty() && prev->fileRecord(e.deletionFile)) del = e.deletionFile;
    QVERIFY(!del.isEmpty());
    QVERIFY(flipBit(path + u'/' + del, fileSize(path + u'/' + del) - 3, 1)); // in its checksum: the bitmap still reads
    Result<VerifyReport> v = verifyIndex(path, VerifyOptions{true, {}});
    QVERIFY(v.ok());
    Result<RepairPlan> plan = planRepair(path, *v);
    QVERIFY(plan.ok());
    QString text;
    for (const RepairStep &s : plan->steps)
        text += s.description + u'\n';
    QVERIFY2(text.contains(QLatin1String("COME BACK")) && text.contains(itemId(7)) && text.contains(itemId(42)),
             qPrintable(text));
}

QTEST_GUILESS_MAIN(TestWriterGuards)
#include "tst_writer_guards.moc"
