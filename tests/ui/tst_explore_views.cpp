// The explore views end to end, offscreen: the Map view's UMAP (forming on
// screen, colour, click, true neighbours, cancel, no graph), the Duplicates
// view (find, keep one per group, delete as one batch, undo) with its model
// and its marked differences, and the Query view's comparison with another
// open index.

#include "CompareDialog.h"
#include "DuplicatesModel.h"
#include "DuplicatesView.h"
#include "MapView.h"
#include "QueryView.h"
#include "UiTestSupport.h"

#include <QLabel>
#include <QLineF>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTreeView>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {

// `clusters` tight clusters of `per` items in 8 dimensions, a "colour" per cluster.
std::shared_ptr<Index> clusteredIndex(const QString &path, int clusters, int per, bool graph = true)
{
    OpenOptions options;
    options.graph = graph;
    Result<std::shared_ptr<Index>> idx = Index::create(path, testSchema(8, Metric::L2), Durability::Off, options);
    if (!idx.ok()) return {};
    QRandomGenerator g(5);
    QList<WriteOp> batch;
    for (int c = 0; c < clusters; ++c) {
        QVector<float> centre(8);
        for (float &x : centre)
            x = float(g.generateDouble() * 20 - 10);
        for (int i = 0; i < per; ++i) {
            Item it;
            it.id = QStringLiteral("c%1-%2").arg(c).arg(i, 4, 10, QLatin1Char('0'));
            it.vector = centre;
            for (float &x : it.vector)
                x += float(g.generateDouble() - 0.5);
            it.metadata =
                QJsonObject{{QStringLiteral("colour"), QStringLiteral("cluster %1").arg(c)}, {QStringLiteral("n"), i}};
            batch.append(WriteOp::insert(it));
        }
    }
    if ((*idx)->write(batch, Priority::Bulk).result().error) return {};
    if (graph && !(*idx)->waitForGraph(60000)) return {};
    return *idx;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
    return true;
}

} // namespace

class TestExploreViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    void mapUmapFormsAndKeepsInteractions()
    {
        TempDir dir;
        auto index = clusteredIndex(dir.path() + QStringLiteral("/ix"), 4, 150);
        QVERIFY(index);
        IndexSession session(index, std::nullopt);
        MapView view(&session);
        view.resize(900, 640);
        view.setMethod(QStringLiteral("umap"));
        QCOMPARE(view.sampleLimit(), 200000);
        QSignalSpy finished(&view, &MapView::projectionFinished);
        view.show();
        QVERIFY(finished.wait(60000));
        QVERIFY(view.showsUmap());
        QVERIFY2(view.framesShown() > 0, "the layout was never drawn while it formed");
        QVERIFY2(view.description().startsWith(QStringLiteral("UMAP of all 600 item")), qPrintable(view.description()));
        QCOMPARE(view.plot()->pointCount(), 600);

        // Colour by a field: one legend entry per cluster.
        view.setColourField(QStringLiteral("colour"));
        QCOMPARE(view.legend().size(), 4);

        // Click a point: its item becomes current, and its true neighbours are joined to it.
        // A point that no other point lies within 2 pixels of, so the click
        // (rounded to a pixel) cannot land nearer a neighbour (the layout
        // comes from a graph built with two threads, so it differs a little
        // between runs).
        QString clicked;
        int point = -1;
        for (int i = 0; i < 600 && point < 0; ++i) {
            const QString id = QStringLiteral("c%1-%2").arg(i / 150).arg(i % 150, 4, 10, QLatin1Char('0'));
            const int p = view.pointOf(id);
            QVERIFY(p >= 0);
            const QPointF at = view.plot()->pixelOf(p);
            bool alone = true;
            for (int j = 0; j < view.plot()->pointCount() && alone; ++j)
                alone = j == p || QLineF(at, view.plot()->pixelOf(j)).length() >= 2.0;
            if (alone) {
                clicked = id;
                point = p;
            }
        }
        QVERIFY2(point >= 0, "every point has another within 2 pixels");
        QSignalSpy neighbours(&view, &MapView::neighboursShown);
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, view.plot()->pixelOf(point).toPoint());
        QCOMPARE(session.currentItem(), clicked);
        QVERIFY(neighbours.wait(10000));
        QCOMPARE(view.trueNeighbours().size(), 10);
        // They are true neighbours in the original space: all of the same cluster.
        Result<Item> me = index->get(clicked);
        for (int i : view.trueNeighbours()) {
            QVERIFY(i >= 0 && i < 600);
            QVERIFY(view.projection()->ids[i].startsWith(clicked.left(3))); // "cN-": the same cluster
        }
        Q_UNUSED(me);

        // Back to PCA.
        view.setMethod(QStringLiteral("pca"));
        QVERIFY(finished.wait(60000));
        QVERIFY(!view.showsUmap());
        QVERIFY(view.description().startsWith(QStringLiteral("PCA")));
    }

    void mapUmapCancelAndNoGraph()
    {
        TempDir dir;
        auto index = clusteredIndex(dir.path() + QStringLiteral("/ix"), 3, 100);
        QVERIFY(index);
        IndexSession session(index, std::nullopt);
        MapView view(&session);
        view.resize(800, 600);
        view.setMethod(QStringLiteral("umap"));
        QSignalSpy finished(&view, &MapView::projectionFinished);
        view.show();
        // Cancel as soon as the UMAP part runs: the PCA map stays.
        QVERIFY(waitFor([&] { return view.projection() != nullptr; }));
        view.cancel();
        QVERIFY(waitFor([&] { return !view.isComputing(); }));
        QVERIFY(!view.showsUmap());
        QCOMPARE(view.plot()->pointCount(), 300);

        // An index opened without its graph: UMAP refuses with the reason, PCA stays.
        TempDir other;
        auto noGraph = clusteredIndex(other.path() + QStringLiteral("/ix"), 2, 50, false);
        QVERIFY(noGraph);
        IndexSession plain(noGraph, std::nullopt);
        MapView map(&plain);
        map.setMethod(QStringLiteral("umap"));
        QSignalSpy done(&map, &MapView::projectionFinished);
        map.show();
        QVERIFY(done.wait(30000));
        QVERIFY(!map.showsUmap());
        QVERIFY(map.findChild<QLabel *>(QStringLiteral("mapStatus"))
                    ->text()
                    .contains(QStringLiteral("UMAP could not be computed")));
        QVERIFY(map.description().startsWith(QStringLiteral("PCA")));
    }

    void duplicatesModelKeepsOnePerGroup()
    {
        explore::DuplicateReport report;
        report.metric = Metric::Cosine;
        explore::DuplicateGroup big{{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                                    {{0, 1, 0.99}, {1, 2, 0.985}}};
        explore::DuplicateGroup small{{QStringLiteral("x"), QStringLiteral("y")}, {{0, 1, 1.0}}};
        report.groups = {big, small};
        QHash<QString, QJsonObject> metadata{{QStringLiteral("a"), {{QStringLiteral("year"), 1999}}},
                                             {QStringLiteral("b"), {{QStringLiteral("year"), 2024}}},
                                             {QStringLiteral("c"), {}},
                                             {QStringLiteral("x"), {{QStringLiteral("year"), 3}}},
                                             {QStringLiteral("y"), {{QStringLiteral("year"), 2}}}};
        DuplicatesModel model;
        model.setReport(report, metadata, {QStringLiteral("year")});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowCount(model.index(0, 0)), 3);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.data(model.memberIndex(0, 1, 1)).toString(), QLocale().toString(0.99, 'f', 4)); // b's best
        QCOMPARE(model.data(model.memberIndex(0, 2, 1)).toString(), QLocale().toString(0.985, 'f', 4));
        model.checkAllButOne(explore::keepChoiceFromText(QStringLiteral("first")));
        QCOMPARE(model.checkedIds(), (QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("y")}));
        model.checkAllButOne(explore::keepChoiceFromText(QStringLiteral("year")));
        QCOMPARE(model.checkedIds(), (QStringList{QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("y")}));
        model.checkAllButOne(explore::keepChoiceFromText(QStringLiteral("last")));
        QCOMPARE(model.checkedIds(), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("x")}));
        QVERIFY(model.setData(model.memberIndex(0, 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.checkedIds(), (QStringList{QStringLiteral("b"), QStringLiteral("x")}));
        model.removeIds({QStringLiteral("x"), QStringLiteral("c")});
        QCOMPARE(model.groupCount(), 1); // x's group is down to one item
        QCOMPARE(model.group(0).members.size(), 2);
    }

    void markDifferencesMarksOnlyChangedWords()
    {
        const auto [left, right] = DuplicatesView::markDifferences(
            QStringLiteral("the heron waits in the reeds"), QStringLiteral("the heron waited in the reeds"), false);
        QVERIFY(left.contains(QStringLiteral(">waits</span>")));
        QVERIFY(right.contains(QStringLiteral(">waited</span>")));
        QCOMPARE(left.count(QStringLiteral("<span")), 1);
        QCOMPARE(right.count(QStringLiteral("<span")), 1);
        const auto [same, same2] =
            DuplicatesView::markDifferences(QStringLiteral("a <b> c"), QStringLiteral("a <b> c"), true);
        QVERIFY(!same.contains(QStringLiteral("<span")));
        QVERIFY(same.contains(QStringLiteral("&lt;b&gt;")));
        Q_UNUSED(same2);
    }

    void duplicatesViewFindDeleteUndo()
    {
        TempDir dir;
        OpenOptions options;
        // 32 dimensions: random test items are then never 0.98 alike by chance.
        Result<std::shared_ptr<Index>> created =
            Index::create(dir.path() + QStringLiteral("/ix"), testSchema(32), Durability::Off, options);
        QVERIFY(created.ok());
        std::shared_ptr<Index> index = *created;
        QList<WriteOp> batch;
        for (int i = 0; i < 300; ++i)
            batch.append(WriteOp::insert(testItem(i, 32)));
        Item a = testItem(1000, 32), b = testItem(1001, 32), c = testItem(1002, 32);
        b.vector = a.vector;
        c.vector = a.vector;
        c.vector[0] += 0.001f;
        a.metadata.insert(QStringLiteral("text"), QStringLiteral("The heron waits in the reeds."));
        b.metadata.insert(QStringLiteral("text"), QStringLiteral("The heron waited in the reeds."));
        batch << WriteOp::insert(a) << WriteOp::insert(b) << WriteOp::insert(c);
        QVERIFY(!index->write(batch).result().error);
        QVERIFY(index->waitForGraph(60000));
        IndexSession session(index, std::nullopt);
        DuplicatesView view(&session);
        view.resize(1000, 700);
        view.show();
        QCOMPARE(view.threshold(), 0.98);
        QSignalSpy finished(&view, &DuplicatesView::searchFinished);
        view.findChild<QPushButton *>(QStringLiteral("findButton"))->click();
        QVERIFY(finished.wait(60000));
        QCOMPARE(view.model()->groupCount(), 1);
        QCOMPARE(view.model()->group(0).members.size(), 3);
        QVERIFY2(view.summary().startsWith(QStringLiteral("1 group(s) of near-duplicates, 3 items in all")) ||
                     view.summary().startsWith(QStringLiteral("1 group of near-duplicates, 3 items in all")),
                 qPrintable(view.summary()));
        // The first member against the second, with the changed word marked.
        QVERIFY(view.leftHtml().contains(QStringLiteral("waits")));
        QVERIFY(view.rightHtml().contains(QStringLiteral("waited")));

        view.keepOnePerGroup();
        QCOMPARE(view.model()->checkedIds().size(), 2);
        QPushButton *remove = view.findChild<QPushButton *>(QStringLiteral("deleteButton"));
        QVERIFY(remove->isEnabled());
        QSignalSpy deleted(&view, &DuplicatesView::deleted);
        remove->click();
        QVERIFY(deleted.wait(10000));
        QVERIFY(waitFor([&] { return index->count() == 301; }));
        QCOMPARE(view.model()->groupCount(), 0);
        QVERIFY(index->contains(a.id));
        QVERIFY(!index->contains(b.id));
        // One undo step puts both back, vectors and all.
        QCOMPARE(session.undoStack()->count(), 1);
        session.undoStack()->undo();
        QVERIFY(waitFor([&] { return index->count() == 303; }));
        QCOMPARE(index->get(b.id)->vector, b.vector);
        QCOMPARE(index->get(c.id)->metadata, c.metadata);

        // A threshold outside the range cannot be entered; a bad filter disables Find.
        view.setThreshold(1.5);
        QCOMPARE(view.threshold(), 1.0);
        view.setFilter(QByteArray("{\"n\": {\"$gt\": }"));
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("findButton"))->isEnabled());
    }

    void compareWithAnotherOpenIndex()
    {
        TempDir dir;
        auto a = createTestIndex(dir.path() + QStringLiteral("/a"), 200);
        auto b = createTestIndex(dir.path() + QStringLiteral("/b"), 200);
        QVERIFY(a && b);
        IndexSession sa(a, std::nullopt), sb(b, std::nullopt);
        explore::CompareQuery query;
        query.kind = explore::CompareQuery::Kind::Item;
        query.text = testItem(5).id;
        CompareDialog dialog(&sa, {&sb}, query, 5);
        dialog.show();
        QSignalSpy finished(&dialog, &CompareDialog::comparisonFinished);
        dialog.compare();
        QVERIFY(finished.wait(30000));
        QVERIFY(dialog.report());
        QCOMPARE(dialog.report()->meanOverlap, 1.0);
        QCOMPARE(dialog.leftTable()->rowCount(), 5);
        QVERIFY2(dialog.summaryText().startsWith(QStringLiteral("Mean overlap@5: 1.00 over 1 query")),
                 qPrintable(dialog.summaryText()));
        // Selecting a shared hit on the left selects the same item on the right.
        dialog.leftTable()->setCurrentCell(2, 1);
        const QList<QTableWidgetItem *> selected = dialog.rightTable()->selectedItems();
        QVERIFY(!selected.isEmpty());
        QCOMPARE(dialog.rightTable()->item(selected.first()->row(), 1)->text(), dialog.leftTable()->item(2, 1)->text());

        dialog.useSample(20);
        dialog.compare();
        QVERIFY(finished.wait(30000));
        QCOMPARE(dialog.report()->queries.size(), 20);
        QCOMPARE(dialog.queryList()->count(), 20);

        // A query file with a bad line: said by line number, nothing compared.
        const QString file = dir.path() + QStringLiteral("/queries.txt");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[1, 2, 3, 4, 5, 6, 7, 8]\n[1, x]\n");
        f.close();
        dialog.useQueryFile(file);
        dialog.compare();
        QVERIFY(finished.wait(30000));
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("line 2")), qPrintable(dialog.summaryText()));

        // The Query view opens the dialog with the other open index offered.
        QueryView queryView(&sa);
        CompareDialog *opened = queryView.compareWithIndex();
        QVERIFY(opened);
        opened->close();
    }
};

QTEST_MAIN(TestExploreViews)
#include "tst_explore_views.moc"
