// QueryView, QueryResultsModel and FilterEdit: queries through the view give
// the engine's answer, filters are validated with the error's position,
// bad vectors are refused inline, the comparison with the exact search
// reports recall, and the view shares its selection and hits through the
// session.

#include "FilterEdit.h"
#include "Format.h"
#include "TextResultsModel.h"
#include "QueryResultsModel.h"
#include "QueryView.h"
#include "TaskMonitor.h"
#include "UiTestSupport.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {

QString vectorJson(const QVector<float> &v)
{
    QStringList parts;
    for (float x : v)
        parts.append(QString::number(double(x), 'g', 9));
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QStringList idsOf(const QList<QueryHit> &hits)
{
    QStringList ids;
    for (const QueryHit &h : hits)
        ids.append(h.id);
    return ids;
}

QStringList modelIds(const QueryResultsModel *model, int rows)
{
    QStringList ids;
    for (int r = 0; r < rows; ++r)
        ids.append(model->idAt(r));
    return ids;
}

QueryHit hit(const QString &id, float score, QJsonObject metadata = {})
{
    QueryHit h;
    h.id = id;
    h.score = score;
    h.metadata = std::move(metadata);
    return h;
}

} // namespace

class TestQueryView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_index = createTestIndex(m_dir.path() + QStringLiteral("/ix"), 600);
        QVERIFY(m_index);
        QVERIFY(m_index->waitForGraph(30000));
        m_session = new IndexSession(m_index, std::nullopt);
    }
    void cleanupTestCase()
    {
        delete m_session; // closes the index on a worker
        QThreadPool::globalInstance()->waitForDone();
        m_index.reset();
    }

    void modelPassesTheTester()
    {
        QueryResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QList<FieldSpec> fields = testSchema().fields;
        model.setResult({hit(QStringLiteral("a"), 0.9f,
                             {{QStringLiteral("title"), QStringLiteral("A")}, {QStringLiteral("extra"), 1}}),
                         hit(QStringLiteral("b"), 0.8f, {{QStringLiteral("extra"), 2}}),
                         hit(QStringLiteral("c"), 0.7f)},
                        Metric::Cosine, fields);
        QCOMPARE(model.rowCount(), 3);
        // title, n (schema), extra (two of three hits carry it)
        QCOMPARE(model.metadataColumns(),
                 (QStringList{QStringLiteral("title"), QStringLiteral("n"), QStringLiteral("extra")}));
        QCOMPARE(model.columnCount(), 6);
        QCOMPARE(model.data(model.index(0, 3)).toString(), QStringLiteral("A"));
        QVERIFY(model.headerData(QueryResultsModel::ScoreColumn, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("higher is closer")));

        model.setExactHits(
            {hit(QStringLiteral("a"), 0.9f), hit(QStringLiteral("x"), 0.85f), hit(QStringLiteral("b"), 0.8f)});
        QVERIFY(model.hasComparison());
        QCOMPARE(model.rowCount(), 4); // three hits and the missed "x"
        const int cmp = model.comparisonColumn();
        QCOMPARE(model.data(model.index(0, cmp)).toString(), QStringLiteral("yes"));
        QCOMPARE(model.data(model.index(2, cmp)).toString(), QStringLiteral("no"));
        QCOMPARE(model.data(model.index(3, cmp)).toString(), QStringLiteral("missed"));
        QCOMPARE(model.idAt(3), QStringLiteral("x"));
        QCOMPARE(model.data(model.index(3, QueryResultsModel::RankColumn)).toString(), QStringLiteral("(2)"));

        model.setResult({hit(QStringLiteral("z"), 3.5f)}, Metric::L2, {});
        QVERIFY(model.headerData(QueryResultsModel::ScoreColumn, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("lower is closer")));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void runGivesTheEnginesHits()
    {
        QueryView view(m_session);
        QSignalSpy finished(&view, &QueryView::queryFinished);
        const QVector<float> q = testItem(12345).vector;
        view.findChild<QPlainTextEdit *>(QStringLiteral("vectorEdit"))->setPlainText(vectorJson(q));
        auto *mode = view.findChild<QComboBox *>(QStringLiteral("modeCombo"));
        mode->setCurrentIndex(mode->findData(int(QueryMode::Exact)));
        view.findChild<QSpinBox *>(QStringLiteral("kSpin"))->setValue(7);
        auto *runButton = view.findChild<QPushButton *>(QStringLiteral("runButton"));
        QVERIFY(runButton->isEnabled());
        runButton->click();
        QVERIFY(finished.wait(30000));

        QueryRequest req;
        // The view parses the text it shows, so compare against the same floats.
        req.vector = QueryView::parseVector(vectorJson(q), 8).value();
        req.k = 7;
        req.mode = QueryMode::Exact;
        const Result<QueryResult> expected = m_index->query(req);
        QVERIFY(expected.ok());
        QCOMPARE(view.resultsModel()->rowCount(), 7);
        QCOMPARE(modelIds(view.resultsModel(), 7), idsOf(expected->hits));
        QCOMPARE(m_session->queryHits(), idsOf(expected->hits));
        // How it was answered, in the GUI's words (the engine's plan is English, for logs).
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("summaryLabel"))
                    ->text()
                    .contains(queryStrategyText(expected->strategy)));
        QVERIFY(view.lastResult().has_value());
    }

    void filteredQuery()
    {
        QueryView view(m_session);
        QSignalSpy finished(&view, &QueryView::queryFinished);
        const QVector<float> q = QueryView::parseVector(vectorJson(testItem(3).vector), 8).value();
        view.findChild<QPlainTextEdit *>(QStringLiteral("vectorEdit"))->setPlainText(vectorJson(q));
        view.filterEdit()->setPlainText(QStringLiteral("{\"colour\": \"red\", \"n\": {\"$lt\": 300}}"));
        QVERIFY(view.filterEdit()->isValid());
        view.run();
        QVERIFY(finished.wait(30000));
        QueryRequest req;
        req.vector = q;
        req.k = 10;
        req.filter = "{\"colour\": \"red\", \"n\": {\"$lt\": 300}}";
        const Result<QueryResult> expected = m_index->query(req);
        QVERIFY(expected.ok());
        QCOMPARE(expected->matching, 100);
        QCOMPARE(view.lastResult()->matching, 100);
        QCOMPARE(modelIds(view.resultsModel(), view.resultsModel()->rowCount()), idsOf(expected->hits));
        for (const QueryHit &h : view.lastResult()->hits) {
            QCOMPARE(h.metadata.value(QStringLiteral("colour")).toString(), QStringLiteral("red"));
            QVERIFY(h.metadata.value(QStringLiteral("n")).toDouble() < 300);
        }
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("100")));

        // A filter nothing matches says so instead of showing an empty table.
        view.filterEdit()->setPlainText(QStringLiteral("{\"colour\": \"purple\"}"));
        view.run();
        QVERIFY(finished.wait(30000));
        QCOMPARE(view.resultsModel()->rowCount(), 0);
        auto *stack = view.findChild<QTableView *>(QStringLiteral("resultsTable"))->parentWidget();
        auto *empty = view.findChild<QLabel *>(QStringLiteral("emptyLabel"));
        QCOMPARE(qobject_cast<QStackedWidget *>(stack)->currentWidget(), empty);
        QVERIFY(empty->text().contains(QStringLiteral("filter matches no items")));
    }

    void invalidFilterMarksItsPositionAndDisablesRun()
    {
        QueryView view(m_session);
        view.findChild<QPlainTextEdit *>(QStringLiteral("vectorEdit"))->setPlainText(vectorJson(testItem(1).vector));
        auto *runButton = view.findChild<QPushButton *>(QStringLiteral("runButton"));
        QVERIFY(runButton->isEnabled());
        FilterEdit *f = view.filterEdit();
        QSignalSpy validity(f, &FilterEdit::validityChanged);
        f->setPlainText(QStringLiteral("{\"a\": 1,}"));
        QVERIFY(!f->isValid());
        QCOMPARE(validity.count(), 1);
        QCOMPARE(f->errorPosition(), 8);
        QVERIFY2(f->errorMessage().startsWith(QStringLiteral("Line 1, column 9: ")), qPrintable(f->errorMessage()));
        QVERIFY(!runButton->isEnabled());
        // The position is marked with a wavy underline at that character.
        const QList<QTextEdit::ExtraSelection> marks = f->extraSelections();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks[0].cursor.selectionStart(), 8);
        QCOMPARE(marks[0].format.underlineStyle(), QTextCharFormat::WaveUnderline);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("filterError"))->text().contains(QStringLiteral("column 9")));

        // Second line, after a multi-byte character: line/column from the
        // engine, the position in characters.
        f->setPlainText(QStringLiteral("{\"é\": 1,\n  \"p\": {\"$regex\": \"^a\"}}"));
        QVERIFY(!f->isValid());
        QVERIFY2(f->errorMessage().startsWith(QStringLiteral("Line 2, column 9: unknown operator")),
                 qPrintable(f->errorMessage()));
        QCOMPARE(f->toPlainText().mid(f->errorPosition(), 7), QStringLiteral("\"$regex"));

        f->setPlainText(QStringLiteral("{\"a\": {\"$in\": [1, 2]}}"));
        QVERIFY(f->isValid());
        QCOMPARE(validity.count(), 2);
        QVERIFY(f->errorMessage().isEmpty());
        QVERIFY(f->extraSelections().isEmpty());
        QVERIFY(runButton->isEnabled());
        f->setPlainText(QString());
        QVERIFY(f->isValid());
        QVERIFY(f->filterJson().isEmpty());
    }

    void badVectorsAreRefusedInline()
    {
        QueryView view(m_session);
        view.show();
        auto *edit = view.findChild<QPlainTextEdit *>(QStringLiteral("vectorEdit"));
        auto *error = view.findChild<QLabel *>(QStringLiteral("vectorError"));
        auto *runButton = view.findChild<QPushButton *>(QStringLiteral("runButton"));
        QVERIFY(!runButton->isEnabled()); // nothing entered yet
        QVERIFY(!error->isVisible());
        edit->setPlainText(QStringLiteral("[1, 2, 3]"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("has 3 number")) &&
                     error->text().contains(QStringLiteral("8 dimensions")),
                 qPrintable(error->text()));
        QVERIFY(!runButton->isEnabled());
        edit->setPlainText(QStringLiteral("[1, 2, 3, NaN, 5, 6, 7, 8]"));
        QVERIFY(error->text().contains(QStringLiteral("NaN")));
        QVERIFY(!runButton->isEnabled());
        edit->setPlainText(QStringLiteral("[1, 2, 3, 1e39, 5, 6, 7, 8]")); // a double, too large for a float
        QVERIFY2(error->text().contains(QStringLiteral("finite")), qPrintable(error->text()));
        edit->setPlainText(QStringLiteral("[1, 2, \"x\", 4, 5, 6, 7, 8]"));
        QVERIFY(error->text().contains(QStringLiteral("Element 3")));
        edit->setPlainText(QStringLiteral("[1, 2,"));
        QVERIFY(error->text().contains(QStringLiteral("JSON")));
        edit->setPlainText(QStringLiteral("1 2 3 4 5 6 7 8")); // not JSON: commas missing
        QVERIFY(error->isVisible());
        edit->setPlainText(QStringLiteral("1, 2, 3, 4, 5, 6, 7, 8")); // brackets may be left out
        QVERIFY(!error->isVisible());
        QVERIFY(runButton->isEnabled());
    }

    void compareWithExactShowsRecall()
    {
        QueryView view(m_session);
        QSignalSpy finished(&view, &QueryView::queryFinished);
        QSignalSpy compared(&view, &QueryView::comparisonFinished);
        view.findChild<QPlainTextEdit *>(QStringLiteral("vectorEdit"))->setPlainText(vectorJson(testItem(777).vector));
        auto *mode = view.findChild<QComboBox *>(QStringLiteral("modeCombo"));
        mode->setCurrentIndex(mode->findData(int(QueryMode::Ann)));
        view.findChild<QSpinBox *>(QStringLiteral("efSpin"))->setValue(10); // a small ef may miss some
        auto *compare = view.findChild<QPushButton *>(QStringLiteral("compareButton"));
        QVERIFY(!compare->isEnabled()); // nothing to compare yet
        view.run();
        QVERIFY(finished.wait(30000));
        QVERIFY(compare->isEnabled());
        compare->click();
        QVERIFY(compared.wait(30000));

        QueryRequest exact;
        exact.vector = QueryView::parseVector(vectorJson(testItem(777).vector), 8).value();
        exact.mode = QueryMode::Exact;
        const Result<QueryResult> truth = m_index->query(exact);
        QVERIFY(truth.ok());
        const QStringList truthList = idsOf(truth->hits);
        const QSet<QString> truthIds(truthList.begin(), truthList.end());
        int found = 0;
        for (const QueryHit &h : view.lastResult()->hits)
            found += truthIds.contains(h.id);
        const QString expected = QStringLiteral("Recall %1/10 = %2 against the exact top-10")
                                     .arg(found)
                                     .arg(QLocale().toString(found / 10.0, 'f', 2));
        QCOMPARE(view.recallText(), expected);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("recallLabel"))->text().startsWith(expected));
        QueryResultsModel *model = view.resultsModel();
        QVERIFY(model->hasComparison());
        QCOMPARE(model->missedCount(), 10 - found);
        int yes = 0;
        for (int r = 0; r < model->hitCount(); ++r)
            yes += model->data(model->index(r, model->comparisonColumn())).toString() == QStringLiteral("yes");
        QCOMPARE(yes, found);
        for (int r = model->hitCount(); r < model->rowCount(); ++r)
            QVERIFY(truthIds.contains(model->idAt(r)));
    }

    void findSimilarLeavesTheItemOut()
    {
        QueryView view(m_session);
        QSignalSpy finished(&view, &QueryView::queryFinished);
        const QString id = testItem(42).id;
        view.findSimilar(id);
        QVERIFY(finished.wait(30000));
        QCOMPARE(view.findChild<QComboBox *>(QStringLiteral("sourceCombo"))->currentIndex(), 1);
        QCOMPARE(view.findChild<QLineEdit *>(QStringLiteral("likeIdEdit"))->text(), id);
        QueryRequest req;
        req.likeId = id;
        const Result<QueryResult> expected = m_index->query(req);
        QVERIFY(expected.ok());
        QCOMPARE(view.resultsModel()->rowCount(), 10);
        const QStringList got = modelIds(view.resultsModel(), 10);
        QVERIFY(!got.contains(id));
        QCOMPARE(got, idsOf(expected->hits));

        // An unknown id is an error on display, not a crash or stale hits.
        view.findSimilar(QStringLiteral("no-such-item"));
        QVERIFY(finished.wait(30000));
        auto *error = view.findChild<QLabel *>(QStringLiteral("queryError"));
        QVERIFY(error->text().contains(QStringLiteral("no-such-item")));
    }

    void errorsHaveOnePlaceAndGoWithTheirInput()
    {
        QueryView view(m_session);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy finished(&view, &QueryView::queryFinished);
        auto *queryError = view.findChild<QLabel *>(QStringLiteral("queryError"));
        auto *filterError = view.findChild<QLabel *>(QStringLiteral("filterError"));
        auto *results = view.findChild<QWidget *>(QStringLiteral("resultsStack"));
        QVERIFY(queryError && filterError && results);
        const QRect resultsBefore = results->geometry();

        // An engine error goes to the status line; editing the input clears it.
        view.findSimilar(QStringLiteral("no-such-item"));
        QVERIFY(finished.wait(30000));
        QVERIFY(queryError->isVisible());
        QCOMPARE(results->geometry(), resultsBefore); // nothing moved
        auto *idEdit = view.findChild<QLineEdit *>(QStringLiteral("likeIdEdit"));
        idEdit->setText(testItem(3).id);
        QVERIFY(!queryError->isVisible());

        // A bad filter: said once, under the filter (not again above the
        // hits when Run is tried), and gone when the filter is cleared.
        view.filterEdit()->setPlainText(QStringLiteral(R"({"n": {"$regex": "^a"}})"));
        QVERIFY(filterError->isVisible());
        QVERIFY(filterError->text().contains(QLatin1String("unknown operator")));
        QCOMPARE(results->geometry(), resultsBefore);
        view.run();
        QVERIFY(!queryError->isVisible());
        QVERIFY(view.errorText().isEmpty());
        view.filterEdit()->setPlainText(QString());
        QVERIFY(!filterError->isVisible());
        QVERIFY(filterError->text().isEmpty());
        QCOMPARE(results->geometry(), resultsBefore);
    }

    void changingTheKindOfQueryClearsTheResults()
    {
        QueryView view(m_session);
        QSignalSpy finished(&view, &QueryView::queryFinished);
        view.findSimilar(testItem(8).id);
        QVERIFY(finished.wait(30000));
        QCOMPARE(view.resultsModel()->rowCount(), 10);
        QVERIFY(!view.summaryText().isEmpty());
        // From "similar to item" to plain Vector: the same kind, the hits stay.
        view.setSource(QueryView::Source::Vector);
        QCOMPARE(view.resultsModel()->rowCount(), 10);
        // To Text: the vector hits answer another question; they go.
        view.setSource(QueryView::Source::Text);
        QVERIFY(!view.lastResult().has_value());
        QCOMPARE(view.resultsModel()->rowCount(), 0);
        QCOMPARE(view.textResultsModel()->rowCount(), 0);
        QVERIFY(view.summaryText().isEmpty());
        QVERIFY(m_session->queryHits().isEmpty());
    }

    void stringComparedWithANumberIsNamedBesideTheResult()
    {
        QueryView view(m_session);
        QSignalSpy finished(&view, &QueryView::queryFinished);
        view.filterEdit()->setPlainText(QStringLiteral(R"({"n": {"$gt": "2000"}})"));
        view.findSimilar(testItem(8).id);
        QVERIFY(finished.wait(30000));
        QCOMPARE(view.resultsModel()->rowCount(), 0);
        QVERIFY2(view.filterNoteText().contains(QLatin1String("n holds numbers")), qPrintable(view.filterNoteText()));
        QVERIFY(view.summaryText().contains(view.filterNoteText()));
        view.filterEdit()->setPlainText(QStringLiteral(R"({"n": {"$gt": 2000}})"));
        view.run();
        QVERIFY(finished.wait(30000));
        QVERIFY(view.filterNoteText().isEmpty());
    }

    void clickingAHitSelectsIt()
    {
        QueryView view(m_session);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy finished(&view, &QueryView::queryFinished);
        view.findSimilar(testItem(5).id);
        QVERIFY(finished.wait(30000));
        auto *table = view.findChild<QTableView *>(QStringLiteral("resultsTable"));
        QVERIFY(table->isVisible());
        const QString third = view.resultsModel()->idAt(2);
        QSignalSpy current(m_session, &IndexSession::currentItemChanged);
        const QRect cell = table->visualRect(view.resultsModel()->index(2, QueryResultsModel::IdColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(m_session->currentItem(), third);
        QCOMPARE(current.count(), 1);
        QCOMPARE(current.at(0).at(0).toString(), third);
        // And the other way: the session's current item selects its row.
        const QString fifth = view.resultsModel()->idAt(4);
        m_session->setCurrentItem(fifth);
        QCOMPARE(table->currentIndex().row(), 4);
        QCOMPARE(m_session->queryHits(), modelIds(view.resultsModel(), 10));
    }

    void newerRunWins()
    {
        QueryView view(m_session);
        QSignalSpy finished(&view, &QueryView::queryFinished);
        view.findSimilar(testItem(10).id);
        view.findSimilar(testItem(20).id); // supersedes the first before it can land
        QVERIFY(finished.wait(30000));
        QTest::qWait(200); // the first one's result, if it came, must have been dropped
        QCOMPARE(finished.count(), 1);
        QVERIFY(!modelIds(view.resultsModel(), view.resultsModel()->rowCount()).isEmpty());
        QueryRequest req;
        req.likeId = testItem(20).id;
        QCOMPARE(modelIds(view.resultsModel(), 10), idsOf(m_index->query(req)->hits));
    }

    void cancelDropsTheResult()
    {
        TaskMonitor monitor; // the global monitor while it lives
        QueryView view(m_session);
        QSignalSpy finished(&view, &QueryView::queryFinished);
        // Hold every pool thread so the query cannot finish before the cancel.
        QSemaphore gate;
        const int threads = QThreadPool::globalInstance()->maxThreadCount();
        for (int i = 0; i < threads; ++i)
            QThreadPool::globalInstance()->start([&gate] { gate.acquire(); });
        view.findSimilar(testItem(8).id);
        QVERIFY(view.isRunning());
        QCOMPARE(monitor.runningTasks(), 1);
        view.cancel();
        QVERIFY(!view.isRunning());
        gate.release(threads);
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(50); // let a (wrongly) delivered result arrive
        QCOMPARE(finished.count(), 0);
        QCOMPARE(view.resultsModel()->rowCount(), 0);
        QVERIFY(!view.lastResult());
        QTRY_COMPARE(monitor.runningTasks(), 0);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("cancelled")));
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Index> m_index;
    IndexSession *m_session = nullptr;
};

QTEST_MAIN(TestQueryView)
#include "tst_query_view.moc"
