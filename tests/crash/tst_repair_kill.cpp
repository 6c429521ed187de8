// SIGKILL during a repair (sextant-cli repair --yes, in its own process), at
// a random moment: afterwards a second repair must succeed, verify clean,
// and every item that was readable before the first one must be there with
// the same value; nothing else may be served. Kinds of damage: a segment
// block (copy the readable rows or go back a generation), a log frame in the
// middle (salvage), the graph (rebuild). SEXTANT_CRASH_ITERATIONS raises the
// number of kills per kind; SEXTANT_CRASH_SEED replays a run.

#include "TestSupport.h"
#include "sextant/Index.h"
#include "sextant/Verifier.h"
#include "storage/Manifest.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <csignal>
#include <map>

using namespace sextant;
using namespace testsupport;

namespace {

constexpr int kDims = 16;

QVector<float> vectorFor(quint32 seed)
{
    QRandomGenerator g(seed * 2654435761u + 7u);
    QVector<float> v(kDims);
    for (float &f : v)
        f = float(g.bounded(2000) - 1000) / 100.0f;
    return v;
}

} // namespace

class TestRepairKill : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killDuringRepair_data();
    void killDuringRepair();

private:
    QTemporaryDir m_base;
    QString m_pristine;
    storage::Manifest m_manifest;
    std::map<QString, Item> m_expected;
    quint64 m_seed = 0;
    int m_iterations = 4;
};

void TestRepairKill::initTestCase()
{
    QVERIFY(QFileInfo::exists(QStringLiteral(SEXTANT_CLI_PATH)));
    const QByteArray seedText = qgetenv("SEXTANT_CRASH_SEED");
    m_seed = seedText.isEmpty() ? QRandomGenerator::global()->generate64() : seedText.toULongLong();
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("SEXTANT_CRASH_ITERATIONS", &ok);
    if (ok) m_iterations = std::max(1, n / 4);
    qInfo("repair kills: %d per kind, SEXTANT_CRASH_SEED=%llu", m_iterations, m_seed);

    const QString live = m_base.filePath(QStringLiteral("live"));
    m_pristine = m_base.filePath(QStringLiteral("pristine"));
    Schema schema;
    schema.dimensions = kDims;
    schema.metric = Metric::L2;
    {
        Result<std::shared_ptr<Index>> idx = Index::create(live, schema, Durability::Full);
        QVERIFY(idx.ok());
        QList<WriteOp> batch;
        for (int i = 0; i < 12000; ++i) {
            Item it{QStringLiteral("k%1").arg(i, 5, 10, QLatin1Char('0')), vectorFor(quint32(i)),
                    QJsonObject{{QStringLiteral("n"), i}}};
            m_expected[it.id] = it;
            batch.append(WriteOp::insert(it));
            if (batch.size() == 3000) {
                QVERIFY(!(*idx)->write(batch, Priority::Bulk).result().error);
                batch.clear();
            }
        }
        QVERIFY((*idx)->waitForGraph(120000));
        QVERIFY(!(*idx)->close());
    }
    OpenOptions noGraph;
    noGraph.graph = false;
    Result<std::shared_ptr<Index>> idx = Index::open(live, noGraph);
    QVERIFY(idx.ok());
    for (int i = 0; i < 12000; i += 13) {
        const QString id = QStringLiteral("k%1").arg(i, 5, 10, QLatin1Char('0'));
        QVERIFY(!(*idx)->remove(id).result().error);
        m_expected.erase(id);
    }
    QVERIFY(!(*idx)->checkpoint().result().error);
    for (int i = 0; i < 60; ++i) {
        Item it{QStringLiteral("w%1").arg(i, 3, 10, QLatin1Char('0')), vectorFor(quint32(100000 + i)), QJsonObject{}};
        QVERIFY(!(*idx)->insert(it).result().error);
        m_expected[it.id] = it;
    }
    QVERIFY(copyFolder(live, m_pristine, {QStringLiteral("LOCK"), QStringLiteral("LOCK.owner")}));
    QVERIFY(!(*idx)->close());
    Result<storage::Manifest> m = storage::Manifest::read(m_pristine + QStringLiteral("/MANIFEST"));
    QVERIFY(m.ok());
    m_manifest = *m;
    QVERIFY(m_manifest.graph.has_value());
}

void TestRepairKill::killDuringRepair_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("backup");
    for (const char *kind : {"segment", "wal", "graph"}) {
        QTest::addRow("%s", kind) << QString::fromLatin1(kind) << false;
        QTest::addRow("%s, with a backup", kind) << QString::fromLatin1(kind) << true;
    }
}

void TestRepairKill::killDuringRepair()
{
    QFETCH(QString, kind);
    QFETCH(bool, backup);
    QRandomGenerator rng(quint32(m_seed ^ (m_seed >> 32) ^ qHash(kind) ^ (backup ? 0x55u : 0u)));
    for (int i = 0; i < m_iterations; ++i) {
        QTemporaryDir work;
        QVERIFY(work.isValid());
        const QString dir = work.filePath(QStringLiteral("index"));
        QVERIFY(copyFolder(m_pristine, dir));
        QString file;
        qint64 offset = 0;
        if (kind == QLatin1String("segment")) {
            file = m_manifest.segments.first().file;
            offset =
                128 + qint64(rng.bounded(quint32(m_manifest.segments.first().rows * kDims * 4))); // among the vectors
        } else if (kind == QLatin1String("wal")) {
            file = m_manifest.walFile;
            offset = 32 + qint64(rng.bounded(quint32(QFileInfo(dir + u'/' + file).size() / 2)));
        } else {
            file = m_manifest.graph->file;
            offset = qint64(rng.bounded(quint32(QFileInfo(dir + u'/' + file).size())));
        }
        QVERIFY(flipBit(dir + u'/' + file, offset, 5));
        const QString where =
            QStringLiteral("%1 byte %2, iteration %3, SEXTANT_CRASH_SEED=%4").arg(file).arg(offset).arg(i).arg(m_seed);

        std::map<QString, Item> readable;
        {
            OpenOptions ro;
            ro.readOnly = true;
            ro.graph = false;
            Result<std::shared_ptr<Index>> before = Index::open(dir, ro);
            if (before.ok()) {
                for (const auto &[id, item] : m_expected)
                    if (Result<Item> got = (*before)->get(id); got.ok()) readable[id] = *got;
                (*before)->close();
            }
        }

        QStringList args{QStringLiteral("repair"), dir, QStringLiteral("--yes")};
        if (backup)
            args << QStringLiteral("--backup") << work.filePath(QStringLiteral("b.tar.zst"));
        else
            args << QStringLiteral("--no-backup");
        QProcess child;
        child.start(QStringLiteral(SEXTANT_CLI_PATH), args);
        QVERIFY(child.waitForStarted());
        const int delayMs = int(rng.bounded(20, 400));
        QThread::msleep(ulong(delayMs));
        ::kill(pid_t(child.processId()), SIGKILL);
        child.waitForFinished();

        // Whatever moment the kill hit, a second repair finishes the job.
        QProcess again;
        again.start(QStringLiteral(SEXTANT_CLI_PATH),
                    {QStringLiteral("repair"), dir, QStringLiteral("--yes"), QStringLiteral("--no-backup")});
        QVERIFY(again.waitForFinished(120000));
        const QByteArray out = again.readAllStandardOutput() + again.readAllStandardError();
        QVERIFY2(again.exitCode() == 0,
                 qPrintable(where + QStringLiteral(", killed after %1 ms:\n").arg(delayMs) + QString::fromUtf8(out)));

        Result<VerifyReport> v = verifyIndex(dir, VerifyOptions{true, {}});
        QVERIFY(v.ok());
        QVERIFY2(v->clean(), qPrintable(where));
        Result<std::shared_ptr<Index>> after = Index::open(dir);
        QVERIFY2(after.ok(), qPrintable(where));
        for (const auto &[id, item] : readable) {
            Result<Item> got = (*after)->get(id);
            QVERIFY2(got.ok() && got->vector == item.vector && got->metadata == item.metadata,
                     qPrintable(QStringLiteral("%1: %2 was readable before, not the same after").arg(where, id)));
        }
        QString cursor;
        for (;;) {
            Result<ListPage> page = (*after)->list(cursor, 2000, true);
            QVERIFY(page.ok());
            for (const Item &it : page->items) {
                const auto want = m_expected.find(it.id);
                QVERIFY2(want != m_expected.end() && want->second.vector == it.vector,
                         qPrintable(QStringLiteral("%1: %2 is served wrong").arg(where, it.id)));
            }
            if (page->nextAfter.isEmpty()) break;
            cursor = page->nextAfter;
        }
        QVERIFY(!(*after)->close());
    }
}

QTEST_GUILESS_MAIN(TestRepairKill)
#include "tst_repair_kill.moc"
