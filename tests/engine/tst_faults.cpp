// I/O errors injected into the storage layer: transient ones are retried,
// permanent ones surface as errors naming the file, and in every case the
// index stays openable with no acknowledged write lost.

#include "IndexTestSupport.h"
#include "base/FaultInjection.h"

#include <QRandomGenerator>
#include <cerrno>

using namespace sextant;
using namespace testsupport;
namespace faults = sextant::base::faults;

class TestFaults : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void transientWriteErrorsAreRetried_data();
    void transientWriteErrorsAreRetried();
    void shortWritesAreContinued();
    void permanentWriteErrorFailsTheWriteOnly_data();
    void permanentWriteErrorFailsTheWriteOnly();
    void failedSyncStopsWritesUntilReopen();
    void failedCheckpointKeepsTheIndexWorking_data();
    void failedCheckpointKeepsTheIndexWorking();
    void failedCutOfAPartialWriteStopsWrites();
    void failedIngestionChangesNothing();
    void logChainOfAnUnpublishedCheckpoint();
    void randomFaultSweep();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(QStringLiteral("idx")); }
    std::shared_ptr<Index> create()
    {
        Result<std::shared_ptr<Index>> idx = Index::create(path(), smallSchema());
        return idx.ok() ? *idx : nullptr;
    }
    std::shared_ptr<Index> reopen()
    {
        Result<std::shared_ptr<Index>> idx = Index::open(path());
        if (!idx.ok()) qWarning("reopen: %s", qPrintable(idx.error().message()));
        return idx.ok() ? *idx : nullptr;
    }
    bool verifiesClean()
    {
        const Result<VerifyReport> v = verifyIndex(path(), VerifyOptions{true, {}});
        return v.ok() && v->clean();
    }
};

void TestFaults::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestFaults::cleanup() { faults::disarm(); }

void TestFaults::transientWriteErrorsAreRetried_data()
{
    QTest::addColumn<int>("error");
    QTest::newRow("EINTR") << EINTR;
    QTest::newRow("EAGAIN") << EAGAIN;
    QTest::newRow("EBUSY") << EBUSY;
}

void TestFaults::transientWriteErrorsAreRetried()
{
    QFETCH(int, error);
    auto idx = create();
    QVERIFY(idx);
    faults::arm({faults::Op::Write, 0, 3, error, false, QStringLiteral("wal-")});
    const WriteResult r = waitFor(idx->insert(makeItem(QStringLiteral("a"), 1)));
    QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
    QCOMPARE(faults::injected(), 3);
    faults::disarm();
    QVERIFY(!idx->close());
    auto again = reopen();
    QVERIFY(again);
    QCOMPARE(again->get(QStringLiteral("a"))->vector, makeVector(4, 1));
}

void TestFaults::shortWritesAreContinued()
{
    auto idx = create();
    QVERIFY(idx);
    faults::arm({faults::Op::Write, 0, -1, 0, true, QStringLiteral("wal-")});
    for (int i = 0; i < 20; ++i)
        QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("s%1").arg(i), quint32(i)))).error.ok());
    QVERIFY(faults::injected() >= 20);
    faults::disarm();
    QVERIFY(!idx->close());
    QVERIFY(verifiesClean());
    auto again = reopen();
    QVERIFY(again);
    QCOMPARE(again->count(), qint64(20));
    QCOMPARE(again->get(QStringLiteral("s19"))->vector, makeVector(4, 19));
}

void TestFaults::permanentWriteErrorFailsTheWriteOnly_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("reason");
    QTest::newRow("EIO") << EIO << QStringLiteral("Input/output error");
    QTest::newRow("ENOSPC") << ENOSPC << QStringLiteral("No space left on device");
    QTest::newRow("EROFS") << EROFS << QStringLiteral("Read-only file system");
}

void TestFaults::permanentWriteErrorFailsTheWriteOnly()
{
    QFETCH(int, error);
    QFETCH(QString, reason);
    auto idx = create();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("before"), 1))).error.ok());
    faults::arm({faults::Op::Write, 0, 1, error, false, QStringLiteral("wal-")});
    const WriteResult failed = waitFor(idx->insert(makeItem(QStringLiteral("lost"), 2)));
    QCOMPARE(failed.error.code(), ErrorCode::Io);
    QVERIFY2(failed.error.message().contains(reason), qPrintable(failed.error.message()));
    QVERIFY2(failed.error.message().contains(QStringLiteral("wal-")), qPrintable(failed.error.message()));
    QCOMPARE(faults::injected(), 1); // permanent errors are not retried
    QVERIFY(!idx->contains(QStringLiteral("lost")));
    // The index goes on working once the disk does.
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("after"), 3))).error.ok());
    faults::disarm();
    QVERIFY(!idx->close());
    QVERIFY(verifiesClean());
    auto again = reopen();
    QVERIFY(again);
    QVERIFY(again->contains(QStringLiteral("before")));
    QVERIFY(again->contains(QStringLiteral("after")));
    QVERIFY(!again->contains(QStringLiteral("lost")));
}

void TestFaults::failedSyncStopsWritesUntilReopen()
{
    auto idx = create();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("safe"), 1))).error.ok());
    faults::arm({faults::Op::Sync, 0, 1, EIO, false, QStringLiteral("wal-")});
    const WriteResult r = waitFor(idx->insert(makeItem(QStringLiteral("doubt"), 2)));
    QCOMPARE(r.error.code(), ErrorCode::Io);
    faults::disarm();
    // After a failed fdatasync nothing since the last good one can be trusted:
    // the index refuses further writes rather than acknowledging on top of it.
    const WriteResult next = waitFor(idx->insert(makeItem(QStringLiteral("refused"), 3)));
    QCOMPARE(next.error.code(), ErrorCode::Io);
    QVERIFY2(next.error.message().contains(QStringLiteral("reopen")), qPrintable(next.error.message()));
    QVERIFY(idx->close()); // reports the failure
    idx.reset();
    auto again = reopen();
    QVERIFY(again);
    QVERIFY(again->contains(QStringLiteral("safe")));
    QVERIFY(!again->contains(QStringLiteral("refused")));
    QVERIFY(waitFor(again->insert(makeItem(QStringLiteral("later"), 4))).error.ok());
    QVERIFY(!again->close());
    QVERIFY(verifiesClean());
}

void TestFaults::failedCheckpointKeepsTheIndexWorking_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<QString>("file");
    QTest::newRow("segment write") << int(faults::Op::Write) << QStringLiteral("seg-");
    QTest::newRow("segment sync") << int(faults::Op::Sync) << QStringLiteral("seg-");
    QTest::newRow("new log") << int(faults::Op::Write) << QStringLiteral(".log.tmp");
    QTest::newRow("manifest sync") << int(faults::Op::Sync) << QStringLiteral("MANIFEST");
    QTest::newRow("manifest replace") << int(faults::Op::Rename) << QStringLiteral("MANIFEST");
}

void TestFaults::failedCheckpointKeepsTheIndexWorking()
{
    QFETCH(int, op);
    QFETCH(QString, file);
    auto idx = create();
    QVERIFY(idx);
    for (int i = 0; i < 30; ++i)
        QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("k%1").arg(i, 2, 10, QLatin1Char('0')), quint32(i))))
                    .error.ok());
    faults::arm({faults::Op(op), 0, 1, ENOSPC, false, file});
    const WriteResult cp = waitFor(idx->checkpoint());
    QCOMPARE(faults::injected(), 1);
    QCOMPARE(cp.error.code(), ErrorCode::Io);
    QVERIFY2(cp.error.message().contains(QStringLiteral("No space left")), qPrintable(cp.error.message()));
    faults::disarm();
    // Reads and writes go on; a later checkpoint succeeds.
    QCOMPARE(idx->count(), qint64(30));
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("k30"), 30))).error.ok());
    QVERIFY(waitFor(idx->remove(QStringLiteral("k05"))).error.ok());
    const WriteResult again = waitFor(idx->checkpoint());
    QVERIFY2(again.error.ok(), qPrintable(again.error.message()));
    QVERIFY(!idx->close());
    QVERIFY(verifiesClean());
    auto reopened = reopen();
    QVERIFY(reopened);
    QCOMPARE(reopened->count(), qint64(30));
    QVERIFY(!reopened->contains(QStringLiteral("k05")));
    QCOMPARE(reopened->get(QStringLiteral("k29"))->vector, makeVector(4, 29));
}

void TestFaults::failedCutOfAPartialWriteStopsWrites()
{
    // A write fails and so does cutting what of it landed: the log's end is
    // unknown, so the index must not append after it.
    auto idx = create();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("safe"), 1))).error.ok());
    faults::arm({{faults::Op::Write, 0, 1, EIO, false, QStringLiteral("wal-")},
                 {faults::Op::Truncate, 0, -1, EIO, false, QStringLiteral("wal-")}});
    const WriteResult r = waitFor(idx->insert(makeItem(QStringLiteral("x"), 2)));
    QCOMPARE(r.error.code(), ErrorCode::Io);
    QVERIFY2(r.error.message().contains(QStringLiteral("cutting the partial write also failed")),
             qPrintable(r.error.message()));
    faults::disarm();
    const WriteResult next = waitFor(idx->insert(makeItem(QStringLiteral("y"), 3)));
    QCOMPARE(next.error.code(), ErrorCode::Io);
    QVERIFY(idx->close());
    idx.reset();
    auto again = reopen();
    QVERIFY(again);
    QVERIFY(again->contains(QStringLiteral("safe")));
    QVERIFY(!again->contains(QStringLiteral("x")));
    QVERIFY(!again->contains(QStringLiteral("y")));
    QVERIFY(!again->close());
    QVERIFY(verifiesClean());
}

void TestFaults::failedIngestionChangesNothing()
{
    auto idx = create();
    QVERIFY(idx);
    auto bulk = [](const QString &prefix) {
        QList<WriteOp> ops;
        for (int i = 0; i < 3000; ++i)
            ops.append(WriteOp::insert(makeItem(prefix + QString::number(i), quint32(i))));
        return ops;
    };
    QVERIFY(waitFor(idx->write(bulk(QStringLiteral("a")), Priority::Bulk)).error.ok());
    const qint64 generation = idx->stats().generation;
    faults::arm({faults::Op::Sync, 0, 1, ENOSPC, false, QStringLiteral("seg-")});
    const WriteResult r = waitFor(idx->write(bulk(QStringLiteral("b")), Priority::Bulk));
    QCOMPARE(faults::injected(), 1);
    QCOMPARE(r.error.code(), ErrorCode::Io);
    faults::disarm();
    QCOMPARE(idx->count(), qint64(3000));
    QVERIFY(!idx->contains(QStringLiteral("b0")));
    QCOMPARE(idx->stats().generation, quint64(generation));
    QVERIFY(waitFor(idx->write(bulk(QStringLiteral("c")), Priority::Bulk)).error.ok());
    QVERIFY(!idx->close());
    QVERIFY(verifiesClean());
    auto again = reopen();
    QVERIFY(again);
    QCOMPARE(again->count(), qint64(6000));
    QVERIFY(!again->contains(QStringLiteral("b0")));
    // The unpublished segment of the failed batch was removed as a leftover.
    QCOMPARE(filesMatching(path(), QStringLiteral("seg-*.sxs")).size(), 2);
}

void TestFaults::logChainOfAnUnpublishedCheckpoint()
{
    // A checkpoint that froze the memtable and started the next log but
    // could not publish its manifest: the writes after it are only in the
    // new log, which follows the manifest's log in the chain.
    auto idx = create();
    QVERIFY(idx);
    for (int i = 0; i < 10; ++i)
        QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("a%1").arg(i), quint32(i)))).error.ok());
    faults::arm({faults::Op::Rename, 0, -1, EIO, false, QStringLiteral("MANIFEST")});
    QCOMPARE(waitFor(idx->checkpoint()).error.code(), ErrorCode::Io);
    for (int i = 0; i < 10; ++i)
        QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("b%1").arg(i), quint32(100 + i)))).error.ok());
    QVERIFY(waitFor(idx->remove(QStringLiteral("a3"))).error.ok());
    QCOMPARE(filesMatching(path(), QStringLiteral("wal-*.log")).size(), 2);

    // What a crash now would leave behind.
    const QString copy = m_dir->filePath(QStringLiteral("copy"));
    QVERIFY(copyFolder(path(), copy, {QStringLiteral("LOCK"), QStringLiteral("LOCK.owner")}));
    faults::disarm();
    Result<VerifyReport> v = verifyIndex(copy, VerifyOptions{true, {}});
    QVERIFY(v.ok());
    QVERIFY(v->clean());
    QCOMPARE(v->filesChecked, 3); // MANIFEST and both logs
    {
        Result<std::shared_ptr<Index>> reopened = Index::open(copy);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error().message()));
        QCOMPARE((*reopened)->count(), qint64(19));
        QVERIFY(!(*reopened)->contains(QStringLiteral("a3")));
        QCOMPARE((*reopened)->get(QStringLiteral("b9"))->vector, makeVector(4, 109));
        QVERIFY(!(*reopened)->close());
    }
    QVERIFY(verifyIndex(copy, VerifyOptions{true, {}})->clean());

    // Damage in the second log of the chain is found by verify.
    const QString copy2 = m_dir->filePath(QStringLiteral("copy2"));
    QVERIFY(copyFolder(path(), copy2, {QStringLiteral("LOCK"), QStringLiteral("LOCK.owner")}));
    const QStringList logs = filesMatching(copy2, QStringLiteral("wal-*.log"));
    QVERIFY(flipBit(copy2 + u'/' + logs.last(), 40, 3));
    v = verifyIndex(copy2, VerifyOptions{false, {}});
    QVERIFY(v.ok());
    QVERIFY(!v->clean());
    QCOMPARE(v->findings.first().file, logs.last());
    QVERIFY(!idx->close());
}

// The Nth write, fdatasync or rename of a random kind of file fails with EIO
// or ENOSPC, or writes short, in the middle of a workload of inserts,
// batches, deletes, checkpoints and compactions. Every fault surfaces as an
// error of the call it hit (short writes are continued, never errors); the
// index reopens; every acknowledged write is there; full verify is clean.
// SEXTANT_FAULT_ITERATIONS runs more (CI: 24); SEXTANT_FAULT_SEED replays.
void TestFaults::randomFaultSweep()
{
    bool ok = false;
    const int iterations = std::max(24, qEnvironmentVariableIntValue("SEXTANT_FAULT_ITERATIONS", &ok));
    const quint64 seed = qEnvironmentVariableIsSet("SEXTANT_FAULT_SEED")
                             ? qEnvironmentVariable("SEXTANT_FAULT_SEED").toULongLong()
                             : QRandomGenerator::global()->generate64();
    qInfo("fault sweep: %d iterations, SEXTANT_FAULT_SEED=%llu", iterations, seed);
    QRandomGenerator rng(quint32(seed ^ (seed >> 32)));
    int faultedRuns = 0, surfaced = 0;
    const QString kinds[] = {QString(), QStringLiteral("wal-"), QStringLiteral("seg-"), QStringLiteral("MANIFEST"),
                             QStringLiteral("del-")};
    for (int it = 0; it < iterations; ++it) {
        m_dir = std::make_unique<QTemporaryDir>();
        OpenOptions o;
        o.graph = false;
        Result<std::shared_ptr<Index>> created = Index::create(path(), smallSchema(), Durability::Full, o);
        QVERIFY(created.ok());
        std::shared_ptr<Index> idx = *created;
        faults::Rule rule;
        const int kind = int(rng.bounded(4));
        rule.op = kind == 1 ? faults::Op::Sync : kind == 2 ? faults::Op::Rename : faults::Op::Write;
        rule.shortWrite = kind == 3;
        rule.error = rng.bounded(2) ? EIO : ENOSPC;
        rule.skip = int(rng.bounded(30));
        rule.times = 1;
        rule.pathContains = kinds[rng.bounded(5)];
        const QString where =
            QStringLiteral("iteration %1, SEXTANT_FAULT_SEED=%2: op %3, skip %4, errno %5, short %6, files \"%7\"")
                .arg(it)
                .arg(seed)
                .arg(int(rule.op))
                .arg(rule.skip)
                .arg(rule.error)
                .arg(rule.shortWrite)
                .arg(rule.pathContains);
        faults::arm(rule);

        std::map<QString, QVector<float>> acked; // id -> vector, acknowledged present
        QSet<QString> uncertain;                 // a failed call touched it: present or absent
        int errors = 0, next = 0;
        for (int step = 0; step < 40; ++step) {
            const int what = int(rng.bounded(10));
            if (what < 4) {
                const int n = next++;
                const Item item = makeItem(QStringLiteral("s%1").arg(n, 4, 10, QLatin1Char('0')), quint32(n + 1));
                const WriteResult r = waitFor(idx->insert(item));
                if (r.error)
                    ++errors, uncertain.insert(item.id);
                else
                    acked[item.id] = item.vector;
            } else if (what < 7) {
                QList<WriteOp> batch;
                QStringList ids;
                for (int i = 0; i < 20; ++i) {
                    const int n = next++;
                    const Item item = makeItem(QStringLiteral("s%1").arg(n, 4, 10, QLatin1Char('0')), quint32(n + 1));
                    batch.append(WriteOp::insert(item));
                    ids << item.id;
                }
                const WriteResult r =
                    waitFor(idx->write(batch, rng.bounded(2) ? Priority::Bulk : Priority::Interactive));
                for (int i = 0; i < batch.size(); ++i) {
                    if (r.error)
                        uncertain.insert(ids[i]);
                    else
                        acked[ids[i]] = batch[i].item.vector;
                }
                if (r.error) ++errors;
            } else if (what < 8 && !acked.empty()) {
                auto victim = acked.begin();
                std::advance(victim, rng.bounded(int(acked.size())));
                const QString id = victim->first;
                const WriteResult r = waitFor(idx->remove(id));
                if (r.error) ++errors, uncertain.insert(id);
                acked.erase(id);
                if (!r.error) uncertain.remove(id);
            } else if (what < 9) {
                if (waitFor(idx->checkpoint()).error) ++errors;
            } else {
                if (waitFor(idx->compact()).error) ++errors;
            }
        }
        const int injected = faults::injected();
        faults::disarm();
        faultedRuns += injected > 0;
        surfaced += injected > 0 && errors > 0;
        if (injected > 0 && !rule.shortWrite)
            QVERIFY2(errors > 0, qPrintable(where + QStringLiteral(": a fault did not surface")));
        idx->close();
        idx.reset();
        Result<std::shared_ptr<Index>> again = Index::open(path(), o);
        QVERIFY2(again.ok(), qPrintable(where + QStringLiteral(": ") + again.error().message()));
        for (const auto &[id, vector] : acked) {
            if (uncertain.contains(id)) continue;
            Result<Item> got = (*again)->get(id);
            QVERIFY2(got.ok() && got->vector == vector,
                     qPrintable(where + QStringLiteral(": acknowledged %1 lost").arg(id)));
        }
        QVERIFY(!(*again)->close());
        const Result<VerifyReport> v = verifyIndex(path(), VerifyOptions{true, {}});
        QVERIFY2(v.ok() && v->clean(), qPrintable(where));
    }
    qInfo("%d of %d runs hit a fault; %d of them saw it as an error", faultedRuns, iterations, surfaced);
    QVERIFY(faultedRuns >= iterations / 5); // the sweep must exercise faults to mean anything (about half do)
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
