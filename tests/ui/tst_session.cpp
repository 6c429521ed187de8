// IndexSession: opening off the GUI thread, writes through the queue,
// statistics and change notification, read-only when another process writes.

#include "UiTestSupport.h"

#include <QProcess>
#include <QSignalSpy>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void openWriteAndSeeChange()
    {
        TempDir dir;
        {
            auto idx = createTestIndex(dir.path() + QStringLiteral("/ix"), 20);
            QVERIFY(idx);
            idx->close();
        }
        QFuture<OpenOutcome> f = IndexSession::openAsync(dir.path() + QStringLiteral("/ix"));
        QVERIFY(waitForFuture(f));
        OpenOutcome out = f.result();
        QVERIFY2(out.index, qPrintable(out.error.message()));
        IndexSession session(out.index, out.lockHolder);
        QVERIFY(!session.isReadOnly());
        QCOMPARE(session.schema().dimensions, 8);
        QCOMPARE(session.displayName(), QStringLiteral("ix"));
        QSignalSpy stats(&session, &IndexSession::statsChanged);
        QVERIFY(stats.wait(5000));
        QCOMPARE(session.stats().items, 20);

        QSignalSpy changed(&session, &IndexSession::contentChanged);
        const quint64 before = session.contentVersion();
        QFuture<WriteResult> w = session.write({WriteOp::insert(testItem(100))});
        QVERIFY(waitForFuture(w));
        QVERIFY(w.result().error.ok());
        QTRY_VERIFY(changed.count() >= 1);
        QVERIFY(session.contentVersion() > before);
        QTRY_COMPARE(session.stats().items, 21);

        // A failed write is announced, not swallowed.
        QSignalSpy failed(&session, &IndexSession::writeFailed);
        QVERIFY(waitForFuture(session.write({WriteOp::insert(testItem(100))}))); // duplicate id
        QTRY_COMPARE(failed.count(), 1);

        // A big batch goes through a worker and lands as one write.
        QList<WriteOp> big;
        for (int i = 1000; i < 1600; ++i)
            big.append(WriteOp::insert(testItem(i)));
        QFuture<WriteResult> bw = session.write(big, Priority::Bulk);
        QVERIFY(waitForFuture(bw));
        QVERIFY(bw.result().error.ok());
        QCOMPARE(bw.result().items, 600);
        QTRY_COMPARE(session.stats().items, 621);
    }

    void openFailureIsAnError()
    {
        TempDir dir;
        QFuture<OpenOutcome> f = IndexSession::openAsync(dir.path() + QStringLiteral("/missing"));
        QVERIFY(waitForFuture(f));
        QVERIFY(!f.result().index);
        QVERIFY(!f.result().error.ok());
        QVERIFY(!f.result().error.message().isEmpty());
    }

    void lockedIndexOpensReadOnlyAndFollows()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/ix");
        auto writer = createTestIndex(path, 10);
        QVERIFY(writer);
        // Another Index in this process holds the writer lock, as another
        // process would (the lock is per open, not per process).
        QFuture<OpenOutcome> f = IndexSession::openAsync(path);
        QVERIFY(waitForFuture(f));
        OpenOutcome out = f.result();
        QVERIFY2(out.index, qPrintable(out.error.message()));
        QVERIFY(out.index->isReadOnly());
        IndexSession session(out.index, out.lockHolder);
        QVERIFY(session.isReadOnly());
        QVERIFY(session.lockHolder().has_value());
        QTRY_COMPARE(session.stats().items, 10);
        QSignalSpy changed(&session, &IndexSession::contentChanged);
        QVERIFY(writer->insert(testItem(500)).result().error.ok());
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 10000);
        QTRY_COMPARE(session.stats().items, 11);
        // Writes through a read-only session fail with a message.
        QSignalSpy failed(&session, &IndexSession::writeFailed);
        QVERIFY(waitForFuture(session.write({WriteOp::insert(testItem(501))})));
        QTRY_COMPARE(failed.count(), 1);
        writer->close();
    }

    void healthIsRemembered()
    {
        TempDir dir;
        auto idx = createTestIndex(dir.path() + QStringLiteral("/ix"), 1);
        QVERIFY(idx);
        IndexSession session(idx, std::nullopt);
        QCOMPARE(session.health().problems, -1);
        IndexSession::Health h;
        h.checked = QDateTime::currentDateTimeUtc();
        h.full = true;
        h.problems = 0;
        h.summary = QStringLiteral("clean");
        QSignalSpy spy(&session, &IndexSession::healthChanged);
        session.setHealth(h);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(session.health().problems, 0);
        QVERIFY(session.health().full);
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
