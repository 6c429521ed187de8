// The Integrity view: the findings model (QAbstractItemModelTester), a
// flipped byte in a segment's data block found, listed under its file and
// drawn as exactly one red block of the health map; clicking that block
// selects its finding; cancel; and the repair flow: plan, approve (with and
// without a backup archive), the report after the repair is clean and every
// item readable before is still there, unchanged.

#include "UiTestSupport.h"

#include "FindingsModel.h"
#include "HealthMap.h"
#include "IntegrityView.h"
#include "RepairDialog.h"
#include "RepairResultPanel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QThreadPool>
#include <QTreeView>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {

constexpr int kItems = 3000;
constexpr int kDims = 16; // 3,000 × 16 × 4 bytes of vectors: blocks 0–2 hold vectors

bool flipByte(const QString &file, qint64 offset)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset)) return false;
    char c = 0;
    if (f.read(&c, 1) != 1 || !f.seek(offset)) return false;
    c = char(c ^ 0x20);
    return f.write(&c, 1) == 1;
}

QString onlySegment(const QString &index)
{
    const QStringList segs = QDir(index).entryList({QStringLiteral("seg-*.sxs")}, QDir::Files);
    return segs.size() == 1 ? segs.first() : QString();
}

// The items that can be read whole (vector and metadata), by id.
QMap<QString, Item> readableItems(const QString &path)
{
    QMap<QString, Item> out;
    OpenOptions ro;
    ro.readOnly = true;
    ro.graph = false;
    Result<std::shared_ptr<Index>> idx = Index::open(path, ro);
    if (!idx.ok()) return out;
    for (int i = 0; i < kItems; ++i) {
        const Result<Item> item = (*idx)->get(testItem(i, kDims).id, true);
        if (item.ok()) out.insert(item->id, *item);
    }
    (*idx)->close();
    return out;
}

Finding finding(Finding::Severity s, const QString &file, qint64 offset, const QString &message,
                RepairAction action = RepairAction::None, qint64 length = 0)
{
    Finding f;
    f.severity = s;
    f.file = file;
    f.offset = offset;
    f.message = message;
    f.action = action;
    f.length = length;
    return f;
}

} // namespace

class TestIntegrity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void findingsModelGroupsByFile()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        VerifyReport r;
        r.findings << finding(Finding::Severity::Warning, QStringLiteral("seg-00000001.sxs"), 65536,
                              QStringLiteral("a"), RepairAction::RewriteSegment, 65536)
                   << finding(Finding::Severity::Info, QStringLiteral("wal-1.log"), 100, QStringLiteral("b"))
                   << finding(Finding::Severity::Error, QStringLiteral("seg-00000001.sxs"), -1, QStringLiteral("c"))
                   << finding(Finding::Severity::Error, QString(), -1, QStringLiteral("d"));
        r.findings[1].itemId = QStringLiteral("doc-7");
        model.setReport(r);

        // The index as a whole first, then files in the order first named.
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data(FindingsModel::FileRole).toString(), QString());
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("seg-00000001.sxs"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("wal-1.log"));
        // A file row carries its worst severity and how many findings it has.
        const QModelIndex seg = model.index(1, 0);
        QCOMPARE(model.rowCount(seg), 2);
        QCOMPARE(seg.data(FindingsModel::SeverityRole).toInt(), int(Finding::Severity::Error));
        QCOMPARE(model.index(2, 0).data(FindingsModel::SeverityRole).toInt(), int(Finding::Severity::Info));
        QVERIFY(model.index(1, FindingsModel::ProblemColumn).data().toString().contains(QLatin1String("2")));
        QVERIFY(!seg.data(Qt::DecorationRole).value<QIcon>().isNull());
        // Finding rows: location, message, repair action.
        const QModelIndex first = model.index(0, 0, seg);
        QCOMPARE(model.findingAt(first), 0);
        QVERIFY(first.data().toString().contains(QLatin1String("65")));
        QCOMPARE(model.index(0, FindingsModel::ProblemColumn, seg).data().toString(), QStringLiteral("a"));
        QVERIFY(!model.index(0, FindingsModel::RepairColumn, seg).data().toString().isEmpty());
        QVERIFY(model.index(1, FindingsModel::RepairColumn, seg).data().toString().isEmpty());
        QVERIFY(model.index(0, 0, model.index(2, 0)).data().toString().contains(QLatin1String("doc-7")));
        QCOMPARE(model.indexOfFinding(3), model.index(0, 0, model.index(0, 0)));
        QCOMPARE(model.indexOfFinding(2), model.index(1, 0, seg));
        QCOMPARE(model.findingAt(seg), -1);
        QVERIFY(!model.indexOfFinding(9).isValid());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // A segment of a 1M-row index (1.6 GB, 24,000 blocks) fits in a few
    // lines of cells, each standing for consecutive blocks and showing the
    // worst of them; a finding about a whole file colours the whole row.
    void mapCompressesBigFilesAndColoursWholeFiles()
    {
        const qint64 blocks = 24000;
        VerifyReport r;
        r.files << FileHealth{QStringLiteral("seg-00000001.sxs"), FileKind::Segment, blocks * 65536, 65536, true}
                << FileHealth{QStringLiteral("graph-1.sxg"), FileKind::Graph, 300 * 65536, 0, true}
                << FileHealth{QStringLiteral("seg-00000002.sxs"), FileKind::Segment, 4 * 65536, 65536, false};
        r.findings << finding(Finding::Severity::Error, QStringLiteral("seg-00000001.sxs"), 10 * 65536 + 5,
                              QStringLiteral("a"))
                   << finding(Finding::Severity::Warning, QStringLiteral("seg-00000001.sxs"), 20000 * 65536,
                              QStringLiteral("b"))
                   << finding(Finding::Severity::Warning, QStringLiteral("graph-1.sxg"), -1, QStringLiteral("c"));
        HealthMap map;
        map.resize(900, 400);
        map.setReport(r);
        const QString seg = QStringLiteral("seg-00000001.sxs");
        const QRect first = map.cellRect(seg, 0), last = map.cellRect(seg, blocks - 1);
        QVERIFY(!first.isEmpty() && !last.isEmpty());
        QVERIFY(last.bottom() - first.top() < (HealthMap::kMaxCellLines + 1) * first.height() * 2);
        QCOMPARE(map.cellRect(seg, 10), map.cellRect(seg, 11)); // one cell, several blocks
        QVERIFY(map.cellRect(seg, 10) != map.cellRect(seg, 20000));
        QCOMPARE(map.blockHealth(seg, 10), BlockHealth::Error);
        QCOMPARE(map.blockHealth(seg, 11), BlockHealth::Good);
        QCOMPARE(map.blockHealth(seg, 20000), BlockHealth::Warning);
        QCOMPARE(map.blocksWith(BlockHealth::Error), (QList<QPair<QString, qint64>>{{seg, 10}}));
        // Whole file: every block of the graph shows the warning.
        QCOMPARE(map.filesWith(BlockHealth::Warning), QStringList{QStringLiteral("graph-1.sxg")});
        QCOMPARE(map.unitOf(QStringLiteral("graph-1.sxg")), HealthMap::kNominalUnit);
        QCOMPARE(map.blockHealth(QStringLiteral("graph-1.sxg"), 0), BlockHealth::Warning);
        QCOMPARE(map.blockHealth(QStringLiteral("graph-1.sxg"), 299), BlockHealth::Warning);
        // A file this run did not check is grey, not green.
        QCOMPARE(map.blockHealth(QStringLiteral("seg-00000002.sxs"), 0), BlockHealth::NotChecked);
        QCOMPARE(map.files().size(), 3);
    }

    void flippedSegmentByteIsOneRedBlock()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/ix");
        {
            auto idx = createTestIndex(path, kItems, kDims, false);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        const QString seg = onlySegment(path);
        QVERIFY(!seg.isEmpty());
        QVERIFY(flipByte(path + u'/' + seg, 65536 + 1000)); // block 1, in the vectors

        IntegrityView view(path, nullptr);
        view.resize(1000, 700);
        view.show();
        QSignalSpy verified(&view, &IntegrityView::verified);
        QVERIFY(!view.planButton()->isEnabled());
        view.verify(false);
        QVERIFY(verified.wait(30000));
        QVERIFY(view.report());
        QVERIFY(!view.report()->clean());

        // The tree: an error under the segment's file.
        FindingsModel *model = view.findingsModel();
        const QModelIndex file = model->indexOfFile(seg);
        QVERIFY(file.isValid());
        QCOMPARE(file.data(FindingsModel::SeverityRole).toInt(), int(Finding::Severity::Error));
        QVERIFY(model->rowCount(file) >= 1);
        int blockFinding = -1;
        for (int i = 0; i < model->rowCount(file); ++i) {
            const int f = model->findingAt(model->index(i, 0, file));
            if (view.report()->findings[f].offset >= 0) blockFinding = f;
        }
        QVERIFY(blockFinding >= 0);
        QCOMPARE(view.report()->findings[blockFinding].severity, Finding::Severity::Error);
        QVERIFY(view.summaryText().contains(QLatin1String("error")));
        QVERIFY(view.planButton()->isEnabled());
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("findingsEmpty"))->isHidden());

        // The map: exactly block 1 of that segment is red, nothing else.
        HealthMap *map = view.healthMap();
        QVERIFY(map->files().contains(seg));
        QCOMPARE(map->unitOf(seg), qint64(65536));
        const QList<QPair<QString, qint64>> red = map->blocksWith(BlockHealth::Error);
        QCOMPARE(red, (QList<QPair<QString, qint64>>{{seg, 1}}));
        QVERIFY(map->filesWith(BlockHealth::Error).isEmpty());
        QCOMPARE(map->blockHealth(seg, 1), BlockHealth::Error);
        QCOMPARE(map->blockHealth(seg, 0), BlockHealth::Good);
        QCOMPARE(map->blockHealth(seg, 2), BlockHealth::Good);
        for (const QString &other : map->files())
            if (other != seg) QVERIFY2(map->blockHealth(other, 0) != BlockHealth::Error, qPrintable(other));

        // Clicking the red cell selects its finding in the tree.
        QTRY_VERIFY(map->isVisible());
        const QRect cell = map->cellRect(seg, 1);
        QVERIFY(!cell.isEmpty());
        QVERIFY(cell != map->cellRect(seg, 0));
        view.findingsView()->clearSelection();
        view.findingsView()->setCurrentIndex({});
        QTest::mouseClick(map, Qt::LeftButton, {}, cell.center());
        QCOMPARE(model->findingAt(view.findingsView()->currentIndex()), blockFinding);
    }

    void cancelKeepsTheViewUsable()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/ix");
        {
            auto idx = createTestIndex(path, 200, kDims, false);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        IntegrityView view(path, nullptr);
        QSignalSpy cancelled(&view, &IntegrityView::verifyCancelled);
        QSignalSpy verified(&view, &IntegrityView::verified);

        // Hold every pool thread so the verification is queued, not running,
        // when Cancel is pressed: the outcome does not depend on timing.
        QThreadPool *pool = QThreadPool::globalInstance();
        QSemaphore release, started;
        const int threads = pool->maxThreadCount();
        for (int i = 0; i < threads; ++i)
            pool->start([&]() {
                started.release();
                release.acquire();
            });
        started.acquire(threads);
        view.verify(true);
        QVERIFY(view.isBusy());
        view.cancel();
        release.release(threads);
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 30000);
        QCOMPARE(verified.count(), 0);
        QVERIFY(!view.isBusy());
        QVERIFY(!view.hasReport());
        QVERIFY(view.summaryText().contains(QLatin1String("cancelled")));

        // ... and the next verification runs normally.
        view.verify(false);
        QVERIFY(verified.wait(30000));
        QVERIFY(view.report()->clean());
        QVERIFY(!view.planButton()->isEnabled());
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("findingsEmpty"))->isHidden()); // "No findings"
    }

    void repairWithoutBackup() { repair(false); }
    void repairWithBackup() { repair(true); }

private:
    void repair(bool backup)
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/ix");
        {
            auto idx = createTestIndex(path, kItems, kDims, false);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        const QString seg = onlySegment(path);
        QVERIFY(flipByte(path + u'/' + seg, 65536 + 1000));
        const QMap<QString, Item> readable = readableItems(path);
        QVERIFY(readable.size() > 0);
        QVERIFY(readable.size() < kItems); // the flipped block's rows cannot be read

        IntegrityView view(path, nullptr);
        view.show();
        QSignalSpy verified(&view, &IntegrityView::verified);
        view.verify(true);
        QVERIFY(verified.wait(30000));
        QVERIFY(!view.report()->clean());

        QSignalSpy shown(&view, &IntegrityView::planShown);
        QSignalSpy planFailed(&view, &IntegrityView::planFailed);
        QSignalSpy finished(&view, &IntegrityView::repairFinished);
        view.planRepair();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() + planFailed.count() > 0, 30000);
        QVERIFY2(planFailed.isEmpty(), qPrintable(planFailed.value(0).value(0).toString()));
        RepairDialog *dialog = view.repairDialog();
        QVERIFY(dialog);
        QVERIFY2(dialog->plan().canRun(), qPrintable(dialog->plan().blockers.join(u'\n')));
        // Nothing changed while the plan was shown.
        QCOMPARE(readableItems(path).size(), readable.size());
        const QString archive = dir.path() + QStringLiteral("/backups/ix.tar.zst");
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/backups")));
        dialog->setBackup(backup);
        if (backup) dialog->setBackupPath(archive);
        QVERIFY(dialog->approveButton()->isEnabled());
        dialog->approveButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), true);
        QTRY_VERIFY(!view.isBusy());

        const RepairResult result = *view.lastRepair();
        QVERIFY2(result.after.clean(), qPrintable(view.summaryText()));
        QVERIFY(view.report()->clean());
        QCOMPARE(view.healthMap()->blocksWith(BlockHealth::Error).size(), 0);
        QVERIFY(view.resultPanel()->isVisible());
        if (backup) {
            QCOMPARE(result.backupFile, archive);
            QVERIFY(QFileInfo(archive).size() > 0);
        } else {
            QVERIFY(result.backupFile.isEmpty());
            QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.tar.zst")}, QDir::Files).isEmpty());
        }

        // Every item readable before is still there, unchanged.
        const QMap<QString, Item> after = readableItems(path);
        for (auto it = readable.begin(); it != readable.end(); ++it) {
            QVERIFY2(after.contains(it.key()), qPrintable(it.key()));
            QCOMPARE(after[it.key()].vector, it->vector);
            QCOMPARE(after[it.key()].metadata, it->metadata);
        }
    }
};

QTEST_MAIN(TestIntegrity)
#include "tst_integrity.moc"
