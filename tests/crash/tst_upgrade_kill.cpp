// Upgrading an old index survives SIGKILL (issue 16, section 7). Sextant
// reads format 2 segments as they are; the upgrade to format 3 is what any
// compaction does: new segment files under new names, then a new manifest.
// This kills `sextant-cli compact` on copies of the format 2 fixture
// (tests/fixtures/index-format1) at random moments, then checks that the
// folder verifies clean (quick and full), holds exactly the fixture's items,
// and that a second compaction finishes the upgrade.
// SEXTANT_CRASH_ITERATIONS sets the number of kills (default 12);
// SEXTANT_CRASH_SEED replays a run.

#include "IndexTestSupport.h"
#include "kill_support.h"
#include "VerifySupport.h"
#include "sextant/Index.h"
#include "sextant/Verifier.h"
#include "storage/Binary.h"
#include "storage/Manifest.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace sextant;
using namespace testsupport;

namespace {

QString fixture() { return QStringLiteral(SEXTANT_FIXTURES_DIR "/index-format1/index"); }

QList<uint32_t> segmentVersions(const QString &dir)
{
    QList<uint32_t> out;
    Result<storage::Manifest> m = storage::Manifest::read(dir + QStringLiteral("/MANIFEST"));
    if (!m.ok()) return out;
    for (const storage::SegmentEntry &e : m->segments) {
        const QByteArray header = readAll(dir + u'/' + e.file).left(12);
        out.append(header.size() == 12 ? storage::getU32(header.constData() + 8) : 0);
    }
    return out;
}

} // namespace

class TestUpgradeKill : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killDuringUpgrade();

private:
    Expected m_expected;
    quint64 m_seed = 0;
};

void TestUpgradeKill::initTestCase()
{
    m_seed = killtest::seedFromEnvironment();
    qInfo("SEXTANT_CRASH_SEED=%llu", m_seed);
    const QString listed = killtest::readFixtureItems(fixture(), &m_expected);
    QVERIFY2(listed.isEmpty(), qPrintable(listed));
    QCOMPARE(m_expected.size(), size_t(336));
}

void TestUpgradeKill::killDuringUpgrade()
{
    const int iterations = killtest::iterations(12);
    QRandomGenerator rng{quint32(m_seed)};
    // How long a whole `compact` takes here (process start included), so
    // that the kills spread over all of it.
    qint64 wholeUs = 0;
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("index"));
        QVERIFY(copyFolder(fixture(), dir));
        QElapsedTimer t;
        t.start();
        QProcess cli;
        cli.start(QStringLiteral(SEXTANT_CLI_PATH), {QStringLiteral("compact"), dir});
        QVERIFY(cli.waitForFinished(60000));
        wholeUs = t.nsecsElapsed() / 1000;
        QCOMPARE(cli.exitCode(), 0);
        for (uint32_t v : segmentVersions(dir))
            QCOMPARE(v, 3u);
    }
    int finished = 0, mixed = 0, untouched = 0;
    for (int i = 0; i < iterations; ++i) {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("index"));
        QVERIFY(copyFolder(fixture(), dir));
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(QStringLiteral(SEXTANT_CLI_PATH), {QStringLiteral("compact"), dir});
        QVERIFY(cli.waitForStarted());
        // Anywhere from the start to a little after the end.
        const int delayUs = int(rng.bounded(quint32(wholeUs + wholeUs / 10 + 1)));
        QThread::usleep(ulong(delayUs));
        cli.kill(); // SIGKILL
        cli.waitForFinished();
        const QString what = QStringLiteral("compact killed after %1 µs (round %2)").arg(delayUs).arg(i);

        const QList<uint32_t> versions = segmentVersions(dir);
        QVERIFY2(!versions.isEmpty(), qPrintable(what));
        if (!versions.contains(2u))
            ++finished;
        else if (versions.contains(3u))
            ++mixed;
        else
            ++untouched;
        for (bool full : {false, true}) {
            Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{full, {}});
            QVERIFY(v.ok());
            QVERIFY2(v->clean(), qPrintable(what + u'\n' + findingsText(*v)));
        }
        {
            Result<std::shared_ptr<Index>> idx = Index::open(dir);
            QVERIFY2(idx.ok(), qPrintable(what + QStringLiteral(": ") + idx.error().message()));
            QCOMPARE(diffContent(**idx, m_expected), QString());
            // Finish the upgrade.
            QVERIFY(waitFor((*idx)->compact()).error.ok());
            QVERIFY(!(*idx)->close());
        }
        for (uint32_t v : segmentVersions(dir))
            QCOMPARE(v, 3u);
        Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{true, {}});
        QVERIFY(v.ok());
        QVERIFY2(v->clean(), qPrintable(what + u'\n' + findingsText(*v)));
        Result<std::shared_ptr<Index>> again = Index::open(dir);
        QVERIFY(again.ok());
        QCOMPARE(diffContent(**again, m_expected), QString());
        QVERIFY(!(*again)->close());
    }
    qInfo("compact took %lld µs unkilled; %d kills: %d before the upgrade was published, %d with old and new segments, "
          "%d after it",
          wholeUs, iterations, untouched, mixed, finished);
}

QTEST_GUILESS_MAIN(TestUpgradeKill)
#include "tst_upgrade_kill.moc"
