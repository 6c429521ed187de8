// The first run: with no recent indexes the start page offers the demo
// index; one click makes it on a worker (progress in the task monitor) from
// the texts shipped in the executable, with the built-in embedder, opens it
// on the Query view and runs the example query. A second request opens the
// existing index instead of importing again. A cancelled creation leaves
// nothing behind.

#include "DemoIndex.h"
#include "IndexPage.h"
#include "MainWindow.h"
#include "QueryView.h"
#include "StartPage.h"
#include "TaskMonitor.h"
#include "TextResultsModel.h"
#include "UiTestSupport.h"
#include "sextant/DocumentImport.h"
#include "sextant/EmbedderChoice.h"

#include <QPushButton>
#include <QTableView>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {
QString clean(const QString &path) { return QDir::cleanPath(QFileInfo(path).absoluteFilePath()); }

// The index's documents (uri, hash, chunks) and its items' count, read on a worker.
struct Contents {
    QStringList documents;
    qint64 items = 0;
    quint64 lastLsn = 0;
    QStringList chunkProblems; // chunks missing uri, title or text
};

Contents contentsOf(IndexSession *session)
{
    QFuture<Contents> f = session->run([](Index &index) {
        Contents c;
        Result<QList<documents::CatalogEntry>> docs = documents::listDocuments(index);
        if (docs.ok())
            for (const documents::CatalogEntry &d : *docs)
                c.documents << QStringLiteral("%1 %2 %3").arg(d.uri, d.documentHash).arg(d.chunks);
        const IndexStats stats = index.stats();
        c.items = stats.items;
        c.lastLsn = stats.lastLsn;
        QString after;
        for (;;) {
            Result<ListPage> page = index.list(after, 500);
            if (!page.ok()) {
                c.chunkProblems << page.error().toString();
                break;
            }
            for (const Item &it : page->items)
                for (const char *key : {"uri", "title", "text"})
                    if (it.metadata.value(QLatin1String(key)).toString().isEmpty())
                        c.chunkProblems << QStringLiteral("%1 has no %2").arg(it.id, QLatin1String(key));
            if (page->nextAfter.isEmpty()) break;
            after = page->nextAfter;
        }
        return c;
    });
    waitForFuture(f);
    return f.result();
}
} // namespace

class TestFirstRun : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_first_run"));
        QSettings().clear(); // no recent indexes: a first run
        QDir(defaultDemoIndexPath()).removeRecursively();
        QDir(demoTextsFolder(defaultDemoIndexPath())).removeRecursively();
    }

    void cleanupTestCase()
    {
        IndexSession::waitForClosing();
        QDir(defaultDemoIndexPath()).removeRecursively();
        QDir(demoTextsFolder(defaultDemoIndexPath())).removeRecursively();
        QSettings().clear();
    }

    void theShippedTextsAreAllInTheExecutable()
    {
        // resources/demo/DemoTexts.cmake lists them; the folder holds them.
        const QStringList resources = demoTextResources();
        QCOMPARE(resources.size(), SEXTANT_DEMO_TEXT_COUNT);
        QStringList names;
        for (const QString &r : resources)
            names << QFileInfo(r).fileName();
        QStringList onDisk = QDir(QStringLiteral(SEXTANT_DEMO_SOURCE_DIR)).entryList(QDir::Files, QDir::Name);
        onDisk.removeIf([](const QString &n) { return n.endsWith(QLatin1String(".cmake")); });
        QCOMPARE(names, onDisk);
        for (const QString &r : resources) {
            QFile f(r);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const qint64 size = f.size();
            QVERIFY2(size >= 1000 && size <= 4096, qPrintable(QStringLiteral("%1: %2 bytes").arg(r).arg(size)));
        }
    }

    void theStartPageOffersTheDemoAndOneClickMakesIt()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        StartPage *start = w.startPage();
        QVERIFY(start->isVisible());
        QVERIFY(start->isDemoOffered());
        auto *button = start->findChild<QPushButton *>(QStringLiteral("demoIndexButton"));
        QVERIFY(button && button->isVisible() && button->isEnabled());

        QSignalSpy created(&w, &MainWindow::demoIndexCreated);
        QSignalSpy failed(&w, &MainWindow::demoIndexFailed);
        QElapsedTimer clickToHits;
        clickToHits.start();
        QTest::mouseClick(button, Qt::LeftButton);
        // The work is on a worker, tracked by the task monitor; the button waits.
        QCOMPARE(w.taskMonitor()->runningTasks(), 1);
        QVERIFY(!button->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(created.count() + failed.count() > 0, 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
        const QString path = clean(defaultDemoIndexPath());
        QCOMPARE(created.first().at(0).toString(), path);
        const int shipped = int(demoTextResources().size());
        QCOMPARE(created.first().at(1).toInt(), shipped);
        qInfo("demo index made from %d documents in %.2f s", created.first().at(1).toInt(),
              created.first().at(2).toDouble());

        // Opened, on the Query view, with the example query run.
        IndexPage *page = w.currentPage();
        QVERIFY(page && page->session());
        QCOMPARE(clean(page->path()), path);
        QCOMPARE(page->currentView(), IndexPage::View::Query);
        QueryView *query = page->queryView();
        QTRY_VERIFY_WITH_TIMEOUT(query->lastTextResult().has_value() && !query->isRunning(), 30000);
        QVERIFY2(query->errorText().isEmpty(), qPrintable(query->errorText()));
        QVERIFY(query->textResultsModel()->rowCount() > 0);
        QVERIFY(query->textResultsView()->isVisible());
        qInfo("from the click to the example query's hits on screen: %lld ms", qint64(clickToHits.elapsed()));
        // The example is about navigation at night: the best hit comes from
        // one of the navigation texts.
        const search::TextHit &best = query->lastTextResult()->hits.first();
        QVERIFY2(best.uri.contains(QLatin1String("navigation")) || best.uri.contains(QLatin1String("sextant")) ||
                     best.uri.contains(QLatin1String("reckoning")) || best.uri.contains(QLatin1String("wayfinding")),
                 qPrintable(best.uri));

        // The index: the built-in embedder, cosine, every text a document,
        // every chunk with uri, title and text.
        IndexSession *session = page->session();
        Result<std::unique_ptr<embed::Embedder>> builtIn = embed::embedderFromSpec(QStringLiteral("hash"));
        QVERIFY(builtIn.ok());
        QCOMPARE(session->schema().embedder, (*builtIn)->id());
        QCOMPARE(session->schema().metric, Metric::Cosine);
        QCOMPARE(session->schema().dimensions, (*builtIn)->dimensions());
        const Contents first = contentsOf(session);
        QCOMPARE(first.documents.size(), shipped);
        QVERIFY(first.items >= shipped);
        QVERIFY2(first.chunkProblems.isEmpty(), qPrintable(first.chunkProblems.join(QLatin1Char('\n'))));
        // Each document's uri leads to its text, kept beside the index.
        for (const QString &doc : first.documents) {
            const QString file = QUrl(doc.section(QLatin1Char(' '), 0, 0)).toLocalFile();
            QVERIFY2(file.startsWith(demoTextsFolder(path)) && QFileInfo::exists(file), qPrintable(doc));
        }

        // Now it is a recent index: the start page no longer offers the demo.
        QVERIFY(!start->isDemoOffered());

        // A second request (Help ▸ Open the Demo Index) opens the same index
        // again without importing: the documents and the log are unchanged.
        w.closeIndex(0);
        QCOMPARE(w.pageCount(), 0);
        IndexSession::waitForClosing();
        QSignalSpy opened(&w, &MainWindow::indexOpened);
        w.openDemoIndex();
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
        QCOMPARE(created.count(), 1);
        QCOMPARE(clean(opened.first().at(0).toString()), path);
        page = w.currentPage();
        QVERIFY(page && page->session());
        QCOMPARE(page->currentView(), IndexPage::View::Query);
        QTRY_VERIFY_WITH_TIMEOUT(page->queryView()->lastTextResult().has_value() && !page->queryView()->isRunning(),
                                 30000);
        QVERIFY(page->queryView()->textResultsModel()->rowCount() > 0);
        const Contents again = contentsOf(page->session());
        QCOMPARE(again.documents, first.documents);
        QCOMPARE(again.items, first.items);
        w.close();
    }

    void aCancelledCreationLeavesNothingBehind()
    {
        TempDir dir;
        const QString path = dir.filePath(QStringLiteral("demo"));
        QPromise<DemoCreation> promise;
        promise.start();
        promise.future().cancel();
        const DemoCreation out = createDemoIndex(path, &promise);
        QVERIFY(!out.index);
        QVERIFY(!out.existed);
        QCOMPARE(out.error.code(), ErrorCode::Cancelled);
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(demoTextsFolder(path)));
    }

    void aFolderHoldingAnIndexIsOpenedNotMadeAgain()
    {
        TempDir dir;
        const QString path = dir.filePath(QStringLiteral("demo"));
        const DemoCreation made = createDemoIndex(path);
        QVERIFY2(made.index, qPrintable(made.error.toString()));
        QCOMPARE(made.documents, int(demoTextResources().size()));
        QVERIFY(made.chunks >= made.documents);
        // The documents' uris lead to the texts, which stay beside the index.
        const QStringList written = QDir(demoTextsFolder(path)).entryList(QDir::Files);
        QCOMPARE(written.size(), made.documents);
        made.index->close();
        const DemoCreation again = createDemoIndex(path);
        QVERIFY(again.existed);
        QVERIFY(!again.index);
        QVERIFY(again.error.ok());
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_first_run.moc"
