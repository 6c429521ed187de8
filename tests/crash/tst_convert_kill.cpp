// Converting a graph survives SIGKILL. `sextant-cli convert-graph` switches
// the index's quantization with one manifest publish, removes the old graph
// file, then builds and saves the new graph. This kills it at random moments
// on copies of a float index (tests/fixtures/index-graph1, made before
// quantized graphs), then checks that:
//   - the folder verifies clean, quick and full;
//   - the manifest names either the old quantization or the new one, and the
//     graph file it names (if any) is of that kind: format 1 for floats,
//     format 2 for codes, never the other (MANIFEST format likewise);
//   - the index opens with that quantization, holds exactly the fixture's
//     items (ids, vectors, metadata), and builds a graph of that kind;
//   - converting again finishes the job, and verifies clean.
// SEXTANT_CRASH_ITERATIONS sets the number of kills (default 16);
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

QString fixture() { return QStringLiteral(SEXTANT_FIXTURES_DIR "/index-graph1/index"); }

quint32 versionOf(const QString &path)
{
    const QByteArray header = readAll(path).left(12);
    return header.size() == 12 ? storage::getU32(header.constData() + 8) : 0;
}

QStringList convertArguments(const QString &dir)
{
    return {QStringLiteral("convert-graph"), dir, QStringLiteral("--quantization"), QStringLiteral("sq8")};
}

} // namespace

class TestConvertKill : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killDuringConversion();

private:
    Expected m_expected;
    quint64 m_seed = 0;
};

void TestConvertKill::initTestCase()
{
    m_seed = killtest::seedFromEnvironment();
    qInfo("SEXTANT_CRASH_SEED=%llu", m_seed);
    Quantization kind = Quantization::Sq8;
    const QString listed = killtest::readFixtureItems(fixture(), &m_expected, &kind);
    QVERIFY2(listed.isEmpty(), qPrintable(listed));
    QCOMPARE(kind, Quantization::None);
    QCOMPARE(m_expected.size(), size_t(336));
}

void TestConvertKill::killDuringConversion()
{
    const int iterations = killtest::iterations(16);
    QRandomGenerator rng{quint32(m_seed)};
    // How long a whole conversion takes here (process start included), so
    // that the kills spread over all of it.
    qint64 wholeUs = 0;
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("index"));
        QVERIFY(copyFolder(fixture(), dir));
        QElapsedTimer t;
        t.start();
        QProcess cli;
        cli.start(QStringLiteral(SEXTANT_CLI_PATH), convertArguments(dir));
        QVERIFY(cli.waitForFinished(60000));
        wholeUs = t.nsecsElapsed() / 1000;
        QCOMPARE(cli.exitCode(), 0);
    }
    int untouched = 0, switched = 0, saved = 0;
    for (int i = 0; i < iterations; ++i) {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("index"));
        QVERIFY(copyFolder(fixture(), dir));
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(QStringLiteral(SEXTANT_CLI_PATH), convertArguments(dir));
        QVERIFY(cli.waitForStarted());
        // Anywhere from the start to a little after the end.
        const int delayUs = int(rng.bounded(quint32(wholeUs + wholeUs / 10 + 1)));
        QThread::usleep(ulong(delayUs));
        cli.kill(); // SIGKILL
        cli.waitForFinished();
        const QString what = QStringLiteral("convert-graph killed after %1 µs (round %2, SEXTANT_CRASH_SEED=%3)")
                                 .arg(delayUs)
                                 .arg(i)
                                 .arg(m_seed);

        for (bool full : {false, true}) {
            Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{full, {}});
            QVERIFY(v.ok());
            QVERIFY2(v->clean(), qPrintable(what + u'\n' + findingsText(*v)));
        }
        // One kind: the manifest's schema, its format and its graph file agree.
        Result<storage::Manifest> m = storage::Manifest::read(dir + QStringLiteral("/MANIFEST"));
        QVERIFY2(m.ok(), qPrintable(what));
        const Quantization kind = m->schema.ann.quantization;
        const bool codes = kind == Quantization::Sq8;
        QCOMPARE(versionOf(dir + QStringLiteral("/MANIFEST")),
                 codes ? storage::manifest::kQuantizedVersion : storage::manifest::kFirstVersion);
        if (m->graph) QCOMPARE(versionOf(dir + u'/' + m->graph->file), codes ? 2u : 1u);
        if (!codes)
            ++untouched;
        else if (!m->graph)
            ++switched;
        else
            ++saved;
        {
            Result<std::shared_ptr<Index>> idx = Index::open(dir);
            QVERIFY2(idx.ok(), qPrintable(what + QStringLiteral(": ") + idx.error().message()));
            QCOMPARE((*idx)->schema().ann.quantization, kind);
            QCOMPARE(diffContent(**idx, m_expected), QString());
            QVERIFY2((*idx)->waitForGraph(60000), qPrintable(what));
            QCOMPARE((*idx)->graphStatus().quantization, kind);
            QCOMPARE((*idx)->graphStatus().items, qint64(m_expected.size()));
            // Finish the conversion.
            const Result<GraphConversion> c = (*idx)->convertGraph(Quantization::Sq8);
            QVERIFY2(c.ok(), qPrintable(what + QStringLiteral(": ") + c.error().message()));
            QCOMPARE(c->changed, !codes);
            QVERIFY((*idx)->waitForGraph(60000));
            QVERIFY(!(*idx)->close());
        }
        Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{true, {}});
        QVERIFY(v.ok());
        QVERIFY2(v->clean(), qPrintable(what + u'\n' + findingsText(*v)));
        m = storage::Manifest::read(dir + QStringLiteral("/MANIFEST"));
        QVERIFY(m.ok() && m->graph);
        QCOMPARE(m->schema.ann.quantization, Quantization::Sq8);
        QCOMPARE(versionOf(dir + u'/' + m->graph->file), 2u);
        QCOMPARE(folderBeyondTheManifests(dir), QString());
        Result<std::shared_ptr<Index>> again = Index::open(dir);
        QVERIFY(again.ok());
        QCOMPARE(diffContent(**again, m_expected), QString());
        QVERIFY(!(*again)->close());
    }
    qInfo("convert-graph took %lld µs unkilled; %d kills: %d before the switch, %d after it (no graph saved), %d with "
          "the new graph saved",
          wholeUs, iterations, untouched, switched, saved);
}

QTEST_GUILESS_MAIN(TestConvertKill)
#include "tst_convert_kill.moc"
