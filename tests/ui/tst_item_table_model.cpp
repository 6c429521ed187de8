// ItemTableModel and BrowseView: the row map and paged loading over segments
// and the memtable, filters (also changed rapidly, and malformed), writes
// appearing, the shared current item, and the empty states.

#include "BrowseView.h"
#include "Format.h"
#include "ItemTableModel.h"
#include "UiTestSupport.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QScrollBar>
#include <QTableView>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {

constexpr int kSegmentItems = 3000;

// Waits until `row`'s page is loaded and returns its id (empty on timeout).
QString loadedId(ItemTableModel &model, int row)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000) {
        const QString id = model.data(model.index(row, 0), ItemTableModel::IdRole).toString();
        if (!id.isEmpty()) return id;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return {};
}

QStringList allLoadedIds(ItemTableModel &model)
{
    QStringList ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.append(loadedId(model, r));
    return ids;
}

bool waitCounted(ItemTableModel &model)
{
    QElapsedTimer t;
    t.start();
    while (model.isCounting()) {
        if (t.elapsed() > 30000) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    QCoreApplication::processEvents();
    return true;
}

// The first row (or -1) whose id in the current row map is not expected.at(row),
// after waiting for each page to be loaded with that map (a page of an
// older map shows until its fresh copy arrives; loadedId() takes either).
int firstWrongRow(ItemTableModel &model, const QStringList &expected)
{
    if (model.rowCount() != expected.size()) return 0;
    for (int first = 0; first < expected.size(); first += ItemTableModel::kPageSize) {
        QElapsedTimer t;
        t.start();
        while (model.loadedRowOf(expected.at(first)) != first && t.elapsed() < 20000) {
            (void)model.data(model.index(first, 0), ItemTableModel::IdRole); // asks for the page
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            QThread::msleep(1);
        }
        const int end = std::min<int>(int(expected.size()), first + ItemTableModel::kPageSize);
        for (int r = first; r < end; ++r)
            if (model.loadedRowOf(expected.at(r)) != r) return r;
    }
    return -1;
}

QStringList sortedIds(QStringList ids)
{
    // Ids here are ASCII: QString order is the engine's byte order.
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestItemTableModel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<IndexSession> m_session;
    QMap<QString, Item> m_items; // everything written, by id

    QStringList expectedIds(const std::function<bool(const Item &)> &keep = {}) const
    {
        QStringList ids;
        for (const Item &it : m_items)
            if (!keep || keep(it)) ids.append(it.id);
        return sortedIds(ids);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto idx = createTestIndex(m_dir.path() + QStringLiteral("/ix"), kSegmentItems, 8, false);
        QVERIFY(idx);
        for (int i = 0; i < kSegmentItems; ++i)
            m_items.insert(testItem(i).id, testItem(i));
        // After the checkpoint: items in the memtable, some sorting between
        // the segment's ids, some after them.
        QList<WriteOp> batch;
        for (int i = 0; i < 400; ++i) {
            Item it = testItem(kSegmentItems + i);
            if (i % 2 == 0) it.id = testItem(i * 7).id + QStringLiteral("m");
            batch.append(WriteOp::insert(it));
            m_items.insert(it.id, it);
        }
        // ... and deletions of segment rows.
        for (int i = 10; i < 3000; i += 97) {
            batch.append(WriteOp::remove(testItem(i).id));
            m_items.remove(testItem(i).id);
        }
        const WriteResult r = idx->write(batch).result();
        QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
        m_session = std::make_unique<IndexSession>(idx, std::nullopt);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        QThreadPool::globalInstance()->waitForDone();
    }

    void rowsMatchTheEngine()
    {
        ItemTableModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(waitCounted(model));
        const QStringList expected = expectedIds();
        // The engine's own view agrees with what the test wrote.
        Result<IdPage> engine = m_session->index()->listIds(QString(), 1000000);
        QVERIFY(engine.ok());
        QCOMPARE(engine->ids, expected);
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(model.columnCount(), 5); // id, title, n, norm, vector
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("title"));
        const QList<int> samples = {0,
                                    1,
                                    255,
                                    256,
                                    257,
                                    1000,
                                    2047,
                                    2048,
                                    int(expected.size() / 2),
                                    int(expected.size() - 257),
                                    int(expected.size() - 1)};
        for (int row : samples)
            QCOMPARE(loadedId(model, row), expected.at(row));
        // Cells: metadata fields, the norm, and the sparkline's bins.
        const int row = 256;
        const Item &item = m_items.value(expected.at(row));
        QCOMPARE(model.data(model.index(row, 1)).toString(), item.metadata.value(QStringLiteral("title")).toString());
        QCOMPARE(model.data(model.index(row, 2)).toString(),
                 QString::number(item.metadata.value(QStringLiteral("n")).toDouble()));
        double sq = 0;
        for (float x : item.vector)
            sq += double(x) * x;
        QCOMPARE(model.data(model.index(row, model.normColumn())).toString(), formatScore(float(std::sqrt(sq))));
        const QVector<float> bins = model.data(model.index(row, model.sparklineColumn()), ItemTableModel::SparklineRole)
                                        .value<QVector<float>>();
        QCOMPARE(bins, item.vector); // 8 dimensions: one bin each
        QCOMPARE(model.loadedRowOf(expected.at(row)), row);
    }

    void filterGivesExactlyTheMatches()
    {
        ItemTableModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(waitCounted(model));
        model.setFilter(R"({"colour": "red", "n": {"$gt": 500}})");
        QVERIFY(waitCounted(model));
        const QStringList expected = expectedIds([](const Item &it) {
            return it.metadata.value(QStringLiteral("colour")).toString() == QLatin1String("red") &&
                   it.metadata.value(QStringLiteral("n")).toDouble() > 500;
        });
        QVERIFY(expected.size() > ItemTableModel::kPageSize * 2); // several pages
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(allLoadedIds(model), expected);

        // A filter nothing matches: no rows.
        model.setFilter(R"({"colour": "purple"})");
        QVERIFY(waitCounted(model));
        QCOMPARE(model.rowCount(), 0);
    }

    void rapidFilterChangesEndWithTheLast()
    {
        ItemTableModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        // Ask for pages under each filter before it is replaced: their
        // results must not land in the last filter's rows.
        const QList<QByteArray> filters = {R"({"colour": "green"})", R"({"n": {"$lt": 100}})", R"({"colour": "blue"})",
                                           R"({"tags": "t1"})", R"({"colour": "red", "n": {"$lte": 1500}})"};
        for (const QByteArray &f : filters) {
            model.setFilter(f);
            QCoreApplication::processEvents();
            for (int r = 0; r < model.rowCount(); r += 300)
                (void)model.data(model.index(r, 0));
            QCoreApplication::processEvents();
        }
        QVERIFY(waitCounted(model));
        QCOMPARE(model.filter(), filters.last());
        const QStringList expected = expectedIds([](const Item &it) {
            return it.metadata.value(QStringLiteral("colour")).toString() == QLatin1String("red") &&
                   it.metadata.value(QStringLiteral("n")).toDouble() <= 1500;
        });
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(allLoadedIds(model), expected);
    }

    void badFilterLeavesTheRows()
    {
        ItemTableModel model(m_session.get());
        QVERIFY(waitCounted(model));
        model.setFilter(R"({"colour": "green"})");
        QVERIFY(waitCounted(model));
        const int rows = model.rowCount();
        QVERIFY(rows > 0);
        QSignalSpy failed(&model, &ItemTableModel::scanFailed);
        model.setFilter(R"({"n": {"$gt": }})");
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("column")));
        QCOMPARE(model.filter(), QByteArray(R"({"colour": "green"})"));
        QVERIFY(!model.isCounting());
        QCOMPARE(model.rowCount(), rows);
        QVERIFY(!loadedId(model, 0).isEmpty());
    }

    void writeThroughSessionAppears()
    {
        ItemTableModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(waitCounted(model));
        const int before = model.rowCount();
        const QString oldRow1 = loadedId(model, 1);
        const QString oldLast = loadedId(model, before - 1);
        Item added = testItem(90000);
        added.id = QStringLiteral("item-000000-new");
        QFuture<WriteResult> w = m_session->write({WriteOp::insert(added)});
        QVERIFY(waitForFuture(w));
        QVERIFY(w.result().error.ok());
        m_items.insert(added.id, added);
        QTRY_COMPARE(model.rowCount(), before + 1);
        QVERIFY(waitCounted(model));
        // The new id sorts second: the rows after it moved down by one.
        QTRY_COMPARE(loadedId(model, 1), added.id);
        QCOMPARE(loadedId(model, 2), oldRow1);
        QCOMPARE(loadedId(model, before), oldLast);
        QCOMPARE(allLoadedIds(model), expectedIds());
    }

    void browseViewFollowsTheCurrentItem()
    {
        BrowseView view(m_session.get());
        view.resize(1200, 750);
        view.show();
        QVERIFY(waitCounted(*view.model()));
        const QStringList expected = expectedIds();
        QTRY_VERIFY(!view.model()->idAt(0).isEmpty());
        QVERIFY(view.countText().startsWith(formatCount(expected.size()) + QLatin1Char(' ')));

        // Another view makes a far item current: browse finds and selects its row.
        const int far = int(expected.size()) - 300;
        m_session->setCurrentItem(expected.at(far));
        QTRY_COMPARE(view.table()->selectionModel()->currentIndex().row(), far);
        QVERIFY(view.table()->selectionModel()->isRowSelected(far, {}));

        // Selecting a row makes its item current.
        view.table()->selectRow(5);
        QTRY_COMPARE(m_session->currentItem(), expected.at(5));

        // A write before the selected row: the selection follows the item.
        Item added = testItem(90001);
        added.id = QStringLiteral("item-000000-aaa");
        QVERIFY(waitForFuture(m_session->write({WriteOp::insert(added)})));
        m_items.insert(added.id, added);
        QTRY_COMPARE(view.model()->rowCount(), expected.size() + 1);
        QTRY_COMPARE(view.table()->selectionModel()->currentIndex().row(), 6);
        QCOMPARE(m_session->currentItem(), expected.at(5));

        // Filter bar: a malformed filter shows where it is wrong and keeps the rows.
        const int rows = view.model()->rowCount();
        view.setFilterText(QStringLiteral(R"({"colour": "red", "n": {"$gt" 5}})"));
        QVERIFY(!view.filterError().ok());
        QCOMPARE(view.filterError().source(), ErrorSource::Filter);
        const FilterErrorPosition pos = filterErrorPosition(view.filterError(), view.filterEdit()->text().toUtf8());
        QCOMPARE(pos.line, 1);
        QCOMPARE(view.filterEdit()->text().at(pos.offset), QLatin1Char('5')); // where ":" was expected
        QCOMPARE(view.model()->rowCount(), rows);
        QVERIFY(view.findChildren<QLabel *>().size() > 0);
        QTest::qWait(50);
        view.grab().save(QDir::tempPath() + QStringLiteral("/browse-error.png"));

        // A good filter: "N of M items".
        view.setFilterText(QStringLiteral(R"({"colour": "red", "n": {"$gt": 5}})"));
        QVERIFY(view.filterError().ok());
        QVERIFY(waitCounted(*view.model()));
        const QStringList red = expectedIds([](const Item &it) {
            return it.metadata.value(QStringLiteral("colour")).toString() == QLatin1String("red") &&
                   it.metadata.value(QStringLiteral("n")).toDouble() > 5;
        });
        QCOMPARE(view.model()->rowCount(), red.size());
        QTRY_COMPARE(view.countText(),
                     tr("%1 of %Ln item(s)", nullptr, int(m_items.size())).arg(formatCount(red.size())));
        QTRY_VERIFY(!view.model()->idAt(0).isEmpty());
        QTest::qWait(100);
        view.grab().save(QDir::tempPath() + QStringLiteral("/browse.png"));

        view.setFilterText(QStringLiteral(R"({"colour": "purple"})"));
        QVERIFY(waitCounted(*view.model()));
        QCOMPARE(view.emptyStateText(), tr("No items match this filter."));
    }

    // After a change the pages on screen are fetched again, but one that
    // comes back the same repaints nothing: an import that appends after
    // the rows on screen leaves them alone (it used to repaint every row).
    void unchangedPagesRepaintNothing()
    {
        ItemTableModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(waitCounted(model));
        model.setViewport(0, 20);
        const QString first = loadedId(model, 0);
        QCOMPARE(first, expectedIds().first());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto touchesRow0 = [&]() {
            for (const QList<QVariant> &args : std::as_const(changed))
                if (args.at(0).toModelIndex().row() <= 0 && args.at(1).toModelIndex().row() >= 0) return true;
            return false;
        };
        const int before = model.rowCount();
        const qint64 loaded = model.pagesLoaded();
        Item appended = testItem(90002);
        appended.id = QStringLiteral("zzz-appended");
        QVERIFY(waitForFuture(m_session->write({WriteOp::insert(appended)})));
        m_items.insert(appended.id, appended);
        QTRY_COMPARE(model.rowCount(), before + 1);
        QVERIFY(waitCounted(model));
        QTRY_VERIFY(model.pagesLoaded() > loaded); // the page on screen came again ...
        QTest::qWait(50);
        QVERIFY(!touchesRow0()); // ... and was the same
        QCOMPARE(model.idAt(0), first);

        // A change to a row on screen repaints it with the new values.
        Item edited = m_items.value(first);
        edited.metadata.insert(QStringLiteral("title"), QStringLiteral("Edited title"));
        QVERIFY(waitForFuture(m_session->write({WriteOp::upsert(edited)})));
        m_items.insert(first, edited);
        QTRY_VERIFY(touchesRow0());
        QCOMPARE(model.metadataAt(0).value(QStringLiteral("title")).toString(), QStringLiteral("Edited title"));
        model.setViewport(0, model.rowCount() - 1); // pages far from the viewport are not loaded
        QCOMPARE(firstWrongRow(model, expectedIds()), -1);
    }

    // Writes in quick succession (as an import makes them) while the
    // browse view shows a selected row: the rescans are spaced, yet right
    // after the last write the rows, the count and the selection are right.
    void rowMapFollowsABurstOfWrites()
    {
        constexpr int kBase = 20000, kBatches = 40, kPerBatch = 250;
        QTemporaryDir dir;
        auto idx = createTestIndex(dir.path() + QStringLiteral("/burst"), kBase, 8, false);
        QVERIFY(idx);
        IndexSession session(idx, std::nullopt);
        BrowseView view(&session);
        view.resize(1200, 750);
        view.show();
        ItemTableModel &model = *view.model();
        QVERIFY(waitCounted(model));
        QStringList expected;
        for (int i = 0; i < kBase; ++i)
            expected.append(testItem(i).id);
        const QString selected = testItem(15000).id;
        session.setCurrentItem(selected);
        QTRY_COMPARE(view.table()->selectionModel()->currentIndex().row(), 15000);

        // Each batch puts 250 ids between the rows before the selected one
        // ("item-000123" < "item-000123-b"), so it moves down every time.
        const qint64 scansBefore = model.scansStarted();
        for (int b = 0; b < kBatches; ++b) {
            QList<WriteOp> batch;
            for (int k = 0; k < kPerBatch; ++k) {
                Item it = testItem(b * kPerBatch + k);
                it.id += QStringLiteral("-b");
                expected.append(it.id);
                batch.append(WriteOp::insert(it));
            }
            QVERIFY(waitForFuture(session.write(batch)));
        }
        std::sort(expected.begin(), expected.end());
        QTRY_VERIFY_WITH_TIMEOUT(!model.isCounting() && model.rowCount() == expected.size(), 30000);
        qInfo("%lld row map scans for %d writes", model.scansStarted() - scansBefore, kBatches);
        QCOMPARE(view.countText(), tr("%Ln item(s)", nullptr, int(expected.size())));
        const int row = int(expected.indexOf(selected));
        QCOMPARE(row, 15000 + kBatches * kPerBatch);
        QTRY_COMPARE(view.table()->selectionModel()->currentIndex().row(), row);
        QVERIFY(view.table()->selectionModel()->isRowSelected(row, {}));
        QCOMPARE(session.currentItem(), selected);
        model.setViewport(0, model.rowCount() - 1); // pages far from the viewport are not loaded
        QCOMPARE(firstWrongRow(model, expected), -1);
    }

    // Scrolling a big index loads only the pages on screen, also when the
    // scrollbar is dragged across many positions before any page arrives.
    // SEXTANT_BROWSE_ITEMS sets the size (default 50,000); the times are
    // printed for a look, never asserted.
    void scrollingLoadsOnlyVisiblePages()
    {
        const int count = qEnvironmentVariableIntValue("SEXTANT_BROWSE_ITEMS") > 0
                              ? qEnvironmentVariableIntValue("SEXTANT_BROWSE_ITEMS")
                              : 50000;
        QTemporaryDir dir;
        QElapsedTimer t;
        t.start();
        auto idx = createTestIndex(dir.path() + QStringLiteral("/big"), count, 64, false);
        QVERIFY(idx);
        qInfo("created %d items in %lld ms", count, t.elapsed());
        IndexSession session(idx, std::nullopt);
        t.restart();
        BrowseView view(&session);
        view.resize(1200, 750);
        view.show();
        ItemTableModel &model = *view.model();
        while (model.idAt(0).isEmpty() && t.elapsed() < 20000) {
            view.grab(); // paints: asks for the visible rows
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        QVERIFY(!model.idAt(0).isEmpty());
        qInfo("first rows after %lld ms (%d rows counted by then)", t.elapsed(), model.rowCount());
        QVERIFY(waitCounted(model));
        qInfo("counted %d rows after %lld ms", model.rowCount(), t.elapsed());
        QCOMPARE(model.rowCount(), count);
        QVERIFY(model.pagesLoaded() <= 2);

        // Drag the scrollbar through 40 positions without letting a page
        // arrive in between, then stop in the middle.
        const qint64 before = model.pagesLoaded();
        QScrollBar *bar = view.table()->verticalScrollBar();
        for (int i = 1; i <= 40; ++i) {
            bar->setValue(bar->maximum() * i / 41);
            view.grab();
        }
        const int middle = count / 2;
        view.table()->scrollTo(model.index(middle, 0), QAbstractItemView::PositionAtTop);
        view.grab();
        const int firstVisible = view.table()->rowAt(0);
        QVERIFY(firstVisible >= middle - 1 && firstVisible <= middle + 1);
        t.restart();
        while (model.idAt(firstVisible).isEmpty() && t.elapsed() < 20000) {
            view.grab();
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        qInfo("middle rows after %lld ms", t.elapsed());
        QCOMPARE(model.idAt(firstVisible), testItem(firstVisible).id); // ids sort like their numbers
        const int lastVisible = view.table()->rowAt(view.table()->viewport()->height() - 1);
        QVERIFY(!model.idAt(lastVisible).isEmpty());
        QTest::qWait(50);
        // Only the pages on screen were loaded, not the 40 passed over.
        const qint64 loaded = model.pagesLoaded() - before;
        qInfo("pages loaded for the drag: %lld", loaded);
        QVERIFY(loaded >= 1);
        QVERIFY(loaded <= 3);
        view.grab().save(QDir::tempPath() + QStringLiteral("/browse-big.png"));
    }

    // Without declared fields the columns are the commonest metadata keys.
    void schemaWithoutFieldsShowsCommonKeys()
    {
        QTemporaryDir dir;
        Schema schema = testSchema(8);
        schema.fields.clear();
        Result<std::shared_ptr<Index>> idx =
            Index::create(dir.path() + QStringLiteral("/nofields"), schema, Durability::Off);
        QVERIFY(idx.ok());
        QList<WriteOp> batch;
        for (int i = 0; i < 50; ++i) {
            Item it = testItem(i);
            if (i % 10 == 0) it.metadata.insert(QStringLiteral("rare"), true);
            batch.append(WriteOp::insert(it));
        }
        QVERIFY((*idx)->write(batch).result().error.ok());
        IndexSession session(*idx, std::nullopt);
        ItemTableModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(waitCounted(model));
        QCOMPARE(loadedId(model, 0), testItem(0).id);
        // Items carrying a title show it first (issue 18), the rest by how common.
        QCOMPARE(model.fieldColumns(),
                 (QStringList{QStringLiteral("title"), QStringLiteral("colour"), QStringLiteral("n"),
                              QStringLiteral("tags"), QStringLiteral("rare")}));
        QCOMPARE(model.columnCount(), 8);
        QCOMPARE(model.data(model.index(0, 4)).toString(), QStringLiteral("t0"));   // tags
        QCOMPARE(model.data(model.index(0, 5)).toString(), QStringLiteral("true")); // rare
    }

    void emptyIndexShowsTheEmptyState()
    {
        QTemporaryDir dir;
        auto idx = createTestIndex(dir.path() + QStringLiteral("/empty"), 0, 8, false);
        QVERIFY(idx);
        IndexSession session(idx, std::nullopt);
        BrowseView view(&session);
        view.resize(1200, 750);
        QVERIFY(waitCounted(*view.model()));
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(view.emptyStateText().startsWith(QLatin1String("This index has no items yet.")));
        view.grab().save(QDir::tempPath() + QStringLiteral("/browse-empty.png"));
        // The first item appears.
        QVERIFY(waitForFuture(session.write({WriteOp::insert(testItem(1))})));
        QTRY_COMPARE(view.model()->rowCount(), 1);
        QTRY_VERIFY(view.emptyStateText().isEmpty());
    }
};

QTEST_MAIN(TestItemTableModel)
#include "tst_item_table_model.moc"
