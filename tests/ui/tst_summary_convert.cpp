// The Summary view's "Convert Graph…" button: named for the conversion that
// applies, asks first (cancel changes nothing), converts on the session's
// worker, then shows the new kind; disabled with a reason when read-only.
// The Index menu's action is named the same way and asks the same question.

#include "UiTestSupport.h"

#include "IndexPage.h"
#include "MainWindow.h"
#include "SummaryView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {

// Clicks the button `label` of the next modal message box, keeping its texts in `text`.
void answerNextBox(const QString &label, QString *text)
{
    QTimer::singleShot(20, qApp, [label, text]() {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextBox(label, text);
            return;
        }
        *text = box->windowTitle() + u'\n' + box->text() + u'\n' + box->informativeText();
        for (QAbstractButton *b : box->buttons())
            if (b->text() == label) {
                b->click();
                return;
            }
        box->reject();
    });
}

QPushButton *convertButton(const SummaryView &view)
{
    for (QPushButton *b : view.findChildren<QPushButton *>())
        if (b->text().startsWith(QStringLiteral("Convert Graph"))) return b;
    return nullptr;
}

bool someLabelContains(const SummaryView &view, const QString &text)
{
    for (const QLabel *l : view.findChildren<QLabel *>())
        if (l->text().contains(text)) return true;
    return false;
}

} // namespace

class TestSummaryConvert : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void convertsFromTheSummary()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/ix");
        std::shared_ptr<Index> idx = createTestIndex(path, 300); // sq8, the default
        QVERIFY(idx);
        QCOMPARE(idx->schema().ann.quantization, Quantization::Sq8);
        IndexSession session(idx, std::nullopt);
        SummaryView view(&session);
        view.show();
        QTRY_VERIFY(session.hasStats());
        QPushButton *button = convertButton(view);
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("Convert Graph to Float Vectors…"));
        QVERIFY(button->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(someLabelContains(view, QStringLiteral("8-bit codes, reranked exactly")), 10000);

        // Cancelled: nothing changes.
        QString asked;
        answerNextBox(QStringLiteral("Cancel"), &asked);
        button->click();
        QVERIFY2(asked.contains(QStringLiteral("Convert the search graph of ix to float vectors?")), qPrintable(asked));
        // dims 8, M 16: (2·16·4 + 4) + 8 + 8 + 8 = 156 bytes per item with codes, + 4·8 + 8 = 172 with floats.
        QVERIFY2(
            asked.contains(QStringLiteral("Graph memory per item: 156 bytes now, 172 bytes after (the whole graph: ")),
            qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("queries scan every item exactly")), qPrintable(asked));
        QTest::qWait(200);
        QCOMPARE(idx->schema().ann.quantization, Quantization::Sq8);

        // Confirmed: converted off the GUI thread; the Summary shows float vectors and offers the way back.
        answerNextBox(QStringLiteral("Convert"), &asked);
        button->click();
        QTRY_COMPARE_WITH_TIMEOUT(idx->schema().ann.quantization, Quantization::None, 10000);
        QVERIFY(idx->waitForGraph(30000));
        QCOMPARE(idx->graphStatus().quantization, Quantization::None);
        QCOMPARE(idx->graphStatus().items, qint64(300));
        QTRY_COMPARE_WITH_TIMEOUT(button->text(), QStringLiteral("Convert Graph to 8-bit Codes…"), 10000);
        QVERIFY(button->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(someLabelContains(view, QStringLiteral("float vectors")), 10000);
        QCOMPARE(idx->count(), qint64(300));
        const Result<Item> item = idx->get(testItem(7).id);
        QVERIFY(item.ok());
        QCOMPARE(item->vector, testItem(7).vector);
        QCOMPARE(item->metadata, testItem(7).metadata);
    }

    void indexMenuNamesTheConversion()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/ix");
        {
            std::shared_ptr<Index> idx = createTestIndex(path, 50);
            QVERIFY(idx);
            QVERIFY(!idx->close());
        }
        MainWindow w;
        w.show();
        w.openIndex(path);
        QTRY_COMPARE_WITH_TIMEOUT(w.pageCount(), 1, 15000);
        IndexSession *session = w.currentPage()->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->hasStats(), 10000);
        QMenu *indexMenu = nullptr;
        for (QAction *a : w.menuBar()->actions())
            if (a->text() == QStringLiteral("&Index")) indexMenu = a->menu();
        QVERIFY(indexMenu);
        QAction *convert = nullptr;
        for (QAction *a : indexMenu->actions())
            if (a->text().startsWith(QStringLiteral("Convert"))) convert = a;
        QVERIFY(convert);
        emit indexMenu->aboutToShow();
        QCOMPARE(convert->text(), QStringLiteral("Convert Graph to F&loat Vectors…"));
        QVERIFY(convert->isEnabled());
        QString asked;
        answerNextBox(QStringLiteral("Convert"), &asked);
        convert->trigger();
        QVERIFY2(asked.contains(QStringLiteral("Convert the search graph of ix to float vectors?")), qPrintable(asked));
        QTRY_COMPARE_WITH_TIMEOUT(session->stats().schema.ann.quantization, Quantization::None, 10000);
        emit indexMenu->aboutToShow();
        QCOMPARE(convert->text(), QStringLiteral("Convert &Graph to 8-bit Codes…"));
    }

    void readOnlyDisablesIt()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/ix");
        std::shared_ptr<Index> writer = createTestIndex(path, 20);
        QVERIFY(writer);
        OpenOptions ro;
        ro.readOnly = true;
        Result<std::shared_ptr<Index>> reader = Index::open(path, ro);
        QVERIFY(reader.ok());
        IndexSession session(*reader, std::nullopt);
        SummaryView view(&session);
        QPushButton *button = convertButton(view);
        QVERIFY(button);
        QVERIFY(!button->isEnabled());
        QCOMPARE(button->toolTip(), QStringLiteral("The index is open read-only."));
        view.convertGraph(); // the Index menu's way in: refused without asking
        QCOMPARE((*reader)->schema().ann.quantization, Quantization::Sq8);
        writer->close();
    }
};

QTEST_MAIN(TestSummaryConvert)
#include "tst_summary_convert.moc"
