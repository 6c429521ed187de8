// The whole window, as a user meets it: create an index, see items written
// through the engine in the table, query (plain and filtered), edit metadata
// and undo it, open an index another process is writing (read-only, with
// its name) and watch its change appear; open by dropping a folder (a
// folder that is no index is offered for import instead); an
// index that cannot be opened shows the Integrity view, is repaired there
// and opened in the same tab; repairing an index open for writing closes
// and reopens it.

#include "UiTestSupport.h"

#include "BrowseView.h"
#include "FilterEdit.h"
#include "FindingsModel.h"
#include "ImportDialog.h"
#include "IndexPage.h"
#include "IntegrityView.h"
#include "ItemCommands.h"
#include "ItemTableModel.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "QueryView.h"
#include "RepairDialog.h"
#include "RepairResultPanel.h"
#include "StartPage.h"
#include "Theme.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QJsonDocument>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {

// Reads the ids of every row of the browse table (loading pages as needed).
QStringList tableIds(ItemTableModel *model)
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        QString id;
        QElapsedTimer t;
        t.start();
        while ((id = model->data(model->index(row, model->idColumn()), ItemTableModel::IdRole).toString()).isEmpty()) {
            if (t.elapsed() > 10000) return ids << QStringLiteral("<row %1 never loaded>").arg(row);
            model->setViewport(row, row + 50);
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        }
        ids << id;
    }
    return ids;
}

bool flipByte(const QString &file, qint64 offset)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset)) return false;
    char c = 0;
    if (f.read(&c, 1) != 1 || !f.seek(offset)) return false;
    c = char(c ^ 0x10);
    return f.write(&c, 1) == 1;
}

QString onlySegment(const QString &index)
{
    const QStringList segs = QDir(index).entryList({QStringLiteral("seg-*.sxs")}, QDir::Files);
    return segs.size() == 1 ? segs.first() : QString();
}

QAction *menuAction(MainWindow &w, const QString &objectName) { return w.findChild<QAction *>(objectName); }

// A sextant-cli insert process: holds the index's writer lock while its
// standard input is open, and acknowledges each line once it is durable.
class CliWriter {
public:
    bool start(const QString &path)
    {
        m_process.setProgram(QStringLiteral(SEXTANT_CLI));
        m_process.setArguments({QStringLiteral("insert"), path});
        m_process.start();
        return m_process.waitForStarted(10000);
    }
    bool insert(const Item &item)
    {
        QJsonArray v;
        for (float f : item.vector)
            v.append(double(f));
        const QJsonObject line{{QStringLiteral("id"), item.id},
                               {QStringLiteral("vector"), v},
                               {QStringLiteral("metadata"), item.metadata}};
        m_process.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        const QByteArray expected = "ok " + item.id.toUtf8() + '\n';
        QElapsedTimer t;
        t.start();
        while (!m_out.contains(expected)) {
            if (t.elapsed() > 15000 || m_process.state() != QProcess::Running) return false;
            m_process.waitForReadyRead(100);
            m_out += m_process.readAllStandardOutput();
        }
        return true;
    }
    void finish()
    {
        m_process.closeWriteChannel();
        m_process.waitForFinished(15000);
    }

private:
    QProcess m_process;
    QByteArray m_out;
};

// An index of 20 items in `path` that a sextant-cli process holds for
// writing (one insert acknowledged), opened in `w`: the page is read-only.
IndexPage *openWhileAnotherProcessWrites(const QString &path, CliWriter &cli, MainWindow &w)
{
    {
        auto idx = createTestIndex(path, 20);
        if (!idx || !idx->close().ok()) return nullptr;
    }
    if (!cli.start(path) || !cli.insert(testItem(1000))) return nullptr;
    w.resize(1200, 760);
    w.show();
    w.openIndex(path);
    QElapsedTimer t;
    t.start();
    while (w.pageCount() != 1 && t.elapsed() < 15000)
        QTest::qWait(20);
    if (w.pageCount() != 1 || !w.currentPage()->session()->isReadOnly()) return nullptr;
    return w.currentPage();
}

} // namespace

class TestGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sextant-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui"));
        QSettings().clear();
    }

    void createInsertBrowseQueryEditUndo()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/created");
        MainWindow w;
        w.resize(1200, 760);
        w.show();
        QSignalSpy opened(&w, &MainWindow::indexOpened);
        w.createIndex(path, testSchema(), Durability::Full);
        QTRY_COMPARE_WITH_TIMEOUT(w.pageCount(), 1, 15000);
        QCOMPARE(opened.count(), 1);
        IndexPage *page = w.currentPage();
        IndexSession *session = page->session();
        QVERIFY(!session->isReadOnly());
        QVERIFY(Preferences::recentIndexes().contains(QDir::cleanPath(path)));

        // Items written through the engine appear in the table, in id order.
        QList<WriteOp> batch;
        QStringList expected;
        for (int i = 0; i < 300; ++i) {
            batch.append(WriteOp::insert(testItem(i)));
            expected << testItem(i).id;
        }
        QVERIFY(waitForFuture(session->write(batch)));
        page->showView(IndexPage::View::Browse);
        ItemTableModel *model = page->browseView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 300, 15000);
        QCOMPARE(tableIds(model), expected);

        // A query through the Query view equals the engine's answer.
        QueryView *query = page->queryView();
        QSignalSpy finished(query, &QueryView::queryFinished);
        query->findSimilar(QStringLiteral("item-000003"));
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1 && !query->isRunning(), 15000);
        QVERIFY(query->lastResult().has_value());
        QueryRequest request;
        request.likeId = QStringLiteral("item-000003");
        request.k = Preferences::load().defaultK;
        const Result<QueryResult> direct = session->index()->query(request);
        QVERIFY(direct.ok());
        QCOMPARE(query->lastResult()->hits.size(), direct->hits.size());
        for (int i = 0; i < direct->hits.size(); ++i)
            QCOMPARE(query->lastResult()->hits[i].id, direct->hits[i].id);
        QCOMPARE(session->queryHits().size(), direct->hits.size());

        // ... and a filtered one keeps only matching items.
        query->filterEdit()->setPlainText(QStringLiteral(R"({"colour": "red"})"));
        QVERIFY(query->filterEdit()->isValid());
        const int before = int(finished.count());
        query->run();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > before && !query->isRunning(), 15000);
        QVERIFY(!query->lastResult()->hits.isEmpty());
        for (const QueryHit &h : query->lastResult()->hits) {
            const Result<Item> item = session->index()->get(h.id, false);
            QVERIFY(item.ok());
            QCOMPARE(item->metadata.value(QStringLiteral("colour")).toString(), QStringLiteral("red"));
        }

        // Edit metadata, then undo it from the Edit menu.
        const Item old = *session->index()->get(QStringLiteral("item-000007"));
        QJsonObject changed = old.metadata;
        changed[QStringLiteral("title")] = QStringLiteral("Renamed");
        session->undoStack()->push(new EditMetadataCommand(session, old, changed));
        QTRY_COMPARE_WITH_TIMEOUT(session->index()->get(QStringLiteral("item-000007"))->metadata, changed, 10000);
        QAction *undo = menuAction(w, QStringLiteral("undoAction"));
        QVERIFY(undo);
        QTRY_VERIFY(undo->isEnabled());
        undo->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session->index()->get(QStringLiteral("item-000007"))->metadata, old.metadata, 10000);
        QCOMPARE(session->index()->get(QStringLiteral("item-000007"))->vector, old.vector);

        // Closing the tab returns to the start page, which lists the index.
        w.closeCurrentIndex();
        QCOMPARE(w.pageCount(), 0);
        auto *recent = w.startPage()->findChild<QListWidget *>(QStringLiteral("recentList"));
        QVERIFY(recent);
        QVERIFY(recent->count() >= 1);
        QCOMPARE(recent->item(0)->data(Qt::UserRole).toString(), QDir::cleanPath(path));
    }

    void indexWrittenByAnotherProcessOpensReadOnlyAndFollows()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/shared");
        CliWriter cli;
        MainWindow w;
        IndexPage *page = openWhileAnotherProcessWrites(path, cli, w);
        QVERIFY(page);
        auto *banner = page->findChild<QLabel *>(QStringLiteral("readOnlyBannerText"));
        QVERIFY(banner);
        QVERIFY2(banner->text().contains(QLatin1String("sextant-cli")), qPrintable(banner->text()));
        page->showView(IndexPage::View::Browse);
        ItemTableModel *model = page->browseView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 21, 15000);

        // The other process writes; the table follows.
        QVERIFY(cli.insert(testItem(1001)));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 22, 15000);
        QVERIFY(tableIds(model).contains(testItem(1001).id));

        // The view's state before the writer leaves: a filter and a selection.
        page->browseView()->setFilterText(QStringLiteral(R"({"colour": "red"})"));
        QTRY_VERIFY_WITH_TIMEOUT(!model->isCounting() && model->rowCount() > 0 && model->rowCount() < 22, 15000);
        const int filteredRows = model->rowCount();
        const QString chosen = tableIds(model).last();
        page->session()->setCurrentItem(chosen);
        QTRY_VERIFY_WITH_TIMEOUT(page->browseView()->table()->selectionModel()->hasSelection(), 10000);
        auto *bannerWidget = page->findChild<QWidget *>(QStringLiteral("readOnlyBanner"));
        const QColor whileWritten = bannerWidget->palette().color(QPalette::Window);
        cli.finish();

        // The banner follows the lock: once the other process has gone it
        // says so (the session reads the lock twice a second).
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->writerHasLeft(), 5000);
        QVERIFY2(banner->text().contains(QLatin1String("writer has left")), qPrintable(banner->text()));
        QVERIFY(!banner->text().contains(QLatin1String("sextant-cli")));
        QVERIFY(bannerWidget->palette().color(QPalette::Window) != whileWritten); // no longer a warning

        // "Open for Writing" swaps a writable handle in, in the same page:
        // the filter, the rows and the selection stay.
        auto *reopen = page->findChild<QPushButton *>(QStringLiteral("openForWritingButton"));
        QVERIFY(reopen);
        reopen->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isReadOnly(), 15000);
        QCOMPARE(w.pageCount(), 1);
        QCOMPARE(w.currentPage(), page);
        QCOMPARE(page->session()->path(), path);
        QVERIFY(page->findChild<QWidget *>(QStringLiteral("readOnlyBanner"))->isHidden());
        QCOMPARE(page->browseView()->filterEdit()->text(), QStringLiteral(R"({"colour": "red"})"));
        QCOMPARE(model->filter(), QByteArray(R"({"colour": "red"})"));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), filteredRows, 10000);
        QCOMPARE(page->session()->currentItem(), chosen);
        // ... and it writes.
        QVERIFY(waitForFuture(page->session()->write({WriteOp::insert(testItem(2000))})));
        QVERIFY(page->session()->index()->contains(testItem(2000).id));
        w.closeCurrentIndex();
    }

    // Issue 18 §2: Open for Writing while another process writes waits for
    // it (no box in the way) and switches by itself once it has gone, keeping
    // the view's state; "Stay Read-Only" takes the request back.
    void openForWritingWaitsForTheOtherWriterAndSwitches()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/busy");
        CliWriter cli;
        MainWindow w;
        IndexPage *page = openWhileAnotherProcessWrites(path, cli, w);
        QVERIFY(page);
        auto *banner = page->findChild<QLabel *>(QStringLiteral("readOnlyBannerText"));
        auto *button = page->findChild<QPushButton *>(QStringLiteral("openForWritingButton"));
        QVERIFY(banner && button);
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->lockHolder().has_value(), 5000);
        page->showView(IndexPage::View::Browse);
        ItemTableModel *model = page->browseView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 21, 15000);
        page->browseView()->setFilterText(QStringLiteral(R"({"colour": "red"})"));
        QTRY_VERIFY_WITH_TIMEOUT(!model->isCounting() && model->rowCount() > 0 && model->rowCount() < 21, 15000);
        const int filteredRows = model->rowCount();
        const QString chosen = tableIds(model).last();
        page->session()->setCurrentItem(chosen);
        QTRY_VERIFY_WITH_TIMEOUT(page->browseView()->table()->selectionModel()->hasSelection(), 10000);

        // Asked while the other process writes: the page waits, and says so.
        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(page->writeWhenFree(), 10000);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(page->session()->isReadOnly());
        QVERIFY2(banner->text().contains(QLatin1String("as soon as")) &&
                     banner->text().contains(QLatin1String("sextant-cli")),
                 qPrintable(banner->text()));
        QCOMPARE(button->text(), QStringLiteral("Stay Read-Only"));
        button->click(); // taken back
        QVERIFY(!page->writeWhenFree());
        QCOMPARE(button->text(), QStringLiteral("Open for Writing"));
        button->click(); // and asked again
        QTRY_VERIFY_WITH_TIMEOUT(page->writeWhenFree(), 10000);

        // The other process goes: the page switches to writing by itself.
        cli.finish();
        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isReadOnly(), 10000);
        QVERIFY(!page->writeWhenFree());
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(w.pageCount(), 1);
        QCOMPARE(w.currentPage(), page);
        QVERIFY(page->findChild<QWidget *>(QStringLiteral("readOnlyBanner"))->isHidden());
        QCOMPARE(page->browseView()->filterEdit()->text(), QStringLiteral(R"({"colour": "red"})"));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), filteredRows, 10000);
        QCOMPARE(page->session()->currentItem(), chosen);
        QVERIFY(waitForFuture(page->session()->write({WriteOp::insert(testItem(2000))})));
        QVERIFY(page->session()->index()->contains(testItem(2000).id));
        w.closeCurrentIndex();
    }

    void openingAFileOffersAnImport()
    {
        TempDir dir;
        const QString file = dir.path() + QStringLiteral("/vectors.jsonl");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 3; ++i) {
                QJsonArray v;
                for (float x : testItem(i).vector)
                    v.append(double(x));
                f.write(
                    QJsonDocument(QJsonObject{{QStringLiteral("id"), testItem(i).id}, {QStringLiteral("vector"), v}})
                        .toJson(QJsonDocument::Compact) +
                    '\n');
            }
        }
        // With nothing open, as `sextant vectors.jsonl` does: the import
        // dialog for a new index, not "there is no index in this folder".
        {
            MainWindow w;
            w.show();
            QSignalSpy failed(&w, &MainWindow::openFailed);
            QSignalSpy shown(&w, &MainWindow::importDialogShown);
            w.openIndex(file);
            QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 15000);
            auto *dialog = shown.at(0).at(0).value<ImportDialog *>();
            QVERIFY(dialog);
            QTRY_VERIFY_WITH_TIMEOUT(dialog->isPlanReady(), 15000);
            QCOMPARE(dialog->inputs().size(), 1);
            QCOMPARE(dialog->inputs().first().kind, ImportInputKind::Vectors);
            QVERIFY(!dialog->newIndexFolder().isEmpty()); // a new index
            QCOMPARE(failed.count(), 0);
            QCOMPARE(w.pageCount(), 0);
            dialog->close();
        }
        // With an index open: the choice, into it or into a new one.
        const QString path = dir.path() + QStringLiteral("/open");
        {
            auto idx = createTestIndex(path, 5);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        MainWindow w;
        w.show();
        w.openIndex(path);
        QTRY_COMPARE_WITH_TIMEOUT(w.pageCount(), 1, 15000);
        QSignalSpy shown(&w, &MainWindow::importDialogShown);
        w.openFile(file);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = w.findChild<QMessageBox *>(QStringLiteral("importTargetBox"))), 15000);
        auto *into = box->findChild<QPushButton *>(QStringLiteral("intoOpenIndex"));
        QVERIFY(into && box->findChild<QPushButton *>(QStringLiteral("intoNewIndex")));
        into->click();
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 15000);
        auto *dialog = shown.at(0).at(0).value<ImportDialog *>();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isPlanReady(), 15000);
        QVERIFY(dialog->canImport());
        dialog->startImport();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.currentPage()->session()->hasStats() && w.currentPage()->session()->stats().items == 5, 15000);
        dialog->close();
        w.closeCurrentIndex();
    }

    // Issue 18 §15: "The 'not an index' message repeats itself." For a
    // folder that holds no index, and for a path that does not exist, the
    // box names the path once and says each thing once.
    void openingWhatIsNoIndexSaysItOnce_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::newRow("a folder that is no index") << true;
        QTest::newRow("a path that does not exist") << false;
    }

    void openingWhatIsNoIndexSaysItOnce()
    {
        QFETCH(bool, exists);
        TempDir dir;
        const QString path = dir.path() + (exists ? QStringLiteral("/notes") : QStringLiteral("/gone"));
        if (exists) QVERIFY(QDir().mkpath(path));
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        QSignalSpy failed(&w, &MainWindow::openFailed);
        QString text, informative, title;
        bool seen = false;
        // The box is modal (exec): read it, then close it, from a timer.
        std::function<void()> look = [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) {
                QTimer::singleShot(20, &w, look);
                return;
            }
            seen = true;
            title = box->windowTitle();
            text = box->text();
            informative = box->informativeText();
            if (const QString shots = qEnvironmentVariable("SEXTANT_TEST_SCREENSHOTS"); !shots.isEmpty())
                box->grab().save(shots + (exists ? QStringLiteral("/not-an-index.png") : QStringLiteral("/gone.png")));
            box->accept();
        };
        QTimer::singleShot(20, &w, look);
        w.openIndex(path);
        QTRY_VERIFY_WITH_TIMEOUT(seen, 15000);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(w.pageCount(), 0);
        const QString all = text + u'\n' + informative;
        qInfo("%s | %s", qPrintable(text), qPrintable(informative));
        QCOMPARE(all.count(QDir::toNativeSeparators(path)), 1);
        QVERIFY2(all.count(QLatin1String("MANIFEST")) <= 1, qPrintable(all));
        QVERIFY2(all.count(QLatin1String("no Sextant index")) <= 1, qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("is not a Sextant index")), qPrintable(all)); // the engine's sentence
        QVERIFY2(!all.contains(QLatin1String("could not open")), qPrintable(all));
        QVERIFY2(all.count(QLatin1String("not exist")) <= 1, qPrintable(all));
        if (exists) {
            QVERIFY2(all.contains(QLatin1String("no Sextant index")), qPrintable(all));
            QVERIFY2(all.contains(QLatin1String("MANIFEST")), qPrintable(all));
            QVERIFY2(!all.contains(QLatin1String("not exist")), qPrintable(all));
        } else {
            QVERIFY2(all.contains(QLatin1String("does not exist")), qPrintable(all));
            QVERIFY2(!all.contains(QLatin1String("in this folder")), qPrintable(all));
        }
    }

    void droppingAFolderOpensIt()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/dropped");
        {
            auto idx = createTestIndex(path, 5);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        MainWindow w;
        w.show();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(w.pageCount(), 1, 15000);
        QCOMPARE(w.currentPage()->session()->path(), path);

        // A folder that is no index is not opened: dropped on an index's page
        // it is offered for import into that index. This index holds vectors
        // made elsewhere, so the dialog refuses its documents with a sentence.
        QSignalSpy shown(&w, &MainWindow::importDialogShown);
        QSignalSpy failed(&w, &MainWindow::openFailed);
        QMimeData other;
        other.setUrls({QUrl::fromLocalFile(dir.path())});
        QDragEnterEvent enter2(QPoint(10, 10), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter2);
        QVERIFY(enter2.isAccepted());
        QDropEvent drop2(QPointF(10, 10), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop2);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 15000);
        ImportDialog *dialog = w.importDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isPlanReady());
        QCOMPARE(dialog->inputs().size(), 1);
        QCOMPARE(dialog->inputs().first().kind, ImportInputKind::Documents);
        QVERIFY(!dialog->canImport());
        QVERIFY2(dialog->refusal().contains(documentsRefusedSentence()), qPrintable(dialog->refusal()));
        dialog->close();
        QCOMPARE(w.pageCount(), 1);
        QCOMPARE(failed.count(), 0);
    }

    void openingADamagedIndexShowsTheIntegrityView()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/damaged");
        {
            auto idx = createTestIndex(path, 50);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        const QString seg = onlySegment(path);
        QVERIFY(!seg.isEmpty());
        QVERIFY(flipByte(path + u'/' + seg, 20)); // the header's row count: its checksum fails

        MainWindow w;
        w.resize(1200, 760);
        w.show();
        QSignalSpy damaged(&w, &MainWindow::damagedIndexShown);
        QSignalSpy failed(&w, &MainWindow::openFailed);
        QSignalSpy opened(&w, &MainWindow::indexOpened);
        w.openIndex(path);
        QTRY_COMPARE_WITH_TIMEOUT(damaged.count(), 1, 15000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(opened.count(), 0);
        QVERIFY(!QApplication::activeModalWidget()); // no error box in the way
        QCOMPARE(w.pageCount(), 1);
        IndexPage *page = w.currentPage();
        QVERIFY(page->isDamaged());
        QVERIFY(!page->session());
        QCOMPARE(page->path(), path);
        QCOMPARE(page->currentView(), IndexPage::View::Integrity);
        auto *banner = page->findChild<QLabel *>(QStringLiteral("damagedBannerText"));
        QVERIFY(banner);
        QVERIFY2(banner->text().contains(damaged.first().at(1).toString().toHtmlEscaped()), qPrintable(banner->text()));

        // A full verification starts by itself and shows the damaged file.
        IntegrityView *view = page->integrityView();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->hasReport() && !view->isBusy(), 30000);
        QVERIFY(view->report()->full);
        const QModelIndex file = view->findingsModel()->indexOfFile(seg);
        QVERIFY(file.isValid());
        QCOMPARE(file.data(FindingsModel::SeverityRole).toInt(), int(Finding::Severity::Error));

        // Opening it again shows the same tab; "Try Again" replaces the page
        // in place (still damaged: a new page with the reason again).
        w.openIndex(path);
        QCOMPARE(w.pageCount(), 1);
        QCOMPARE(w.currentPage(), page);
        auto *retry = page->findChild<QWidget *>(QStringLiteral("damagedBanner"))->findChild<QPushButton *>();
        QVERIFY(retry);
        retry->click();
        QTRY_COMPARE_WITH_TIMEOUT(damaged.count(), 2, 15000);
        QCOMPARE(w.pageCount(), 1);
        QVERIFY(w.currentPage() != page);
        QVERIFY(w.currentPage()->isDamaged());
        QCOMPARE(failed.count(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!w.currentPage()->integrityView()->isBusy(), 30000);

        // Repair it, then "Open Index" opens it in the same tab.
        view = w.currentPage()->integrityView();
        QSignalSpy shown(view, &IntegrityView::planShown);
        QSignalSpy planFailed(view, &IntegrityView::planFailed);
        QSignalSpy finished(view, &IntegrityView::repairFinished);
        view->planRepair();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() + planFailed.count() > 0, 30000);
        QVERIFY2(planFailed.isEmpty(), qPrintable(planFailed.value(0).value(0).toString()));
        QVERIFY2(view->repairDialog()->plan().canRun(), qPrintable(view->repairDialog()->plan().blockers.join(u'\n')));
        view->repairDialog()->setBackup(false);
        view->repairDialog()->approveButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(finished.first().first().toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 30000);
        QVERIFY2(view->lastRepair()->after.clean(), qPrintable(view->summaryText()));
        auto *openButton = view->resultPanel()->findChild<QPushButton *>(QStringLiteral("repairOpenIndex"));
        QVERIFY(openButton && openButton->isVisible());
        openButton->click();
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 15000);
        QCOMPARE(w.pageCount(), 1);
        QVERIFY(!w.currentPage()->isDamaged());
        QVERIFY(w.currentPage()->session());
        QVERIFY(!w.currentPage()->session()->isReadOnly());
        QCOMPARE(failed.count(), 0);
        w.closeCurrentIndex();
        QCOMPARE(w.pageCount(), 0);
    }

    // The repair needs the writer lock this window holds: planning closes
    // the index, the repair runs, and the index opens again for writing,
    // with every item that was readable before.
    void repairingAnIndexOpenForWritingClosesAndReopensIt()
    {
        TempDir dir;
        const QString path = dir.path() + QStringLiteral("/open");
        const int count = 3000, dims = 16;
        {
            auto idx = createTestIndex(path, count, dims, false);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        QVERIFY(flipByte(path + u'/' + onlySegment(path), 65536 + 1000)); // a block of vectors
        QStringList readable;
        {
            OpenOptions ro;
            ro.readOnly = true;
            ro.graph = false;
            auto idx = Index::open(path, ro);
            QVERIFY(idx.ok());
            for (int i = 0; i < count; ++i)
                if ((*idx)->get(testItem(i, dims).id, true).ok()) readable << testItem(i, dims).id;
        }
        QVERIFY(!readable.isEmpty() && readable.size() < count);

        MainWindow w;
        w.resize(1200, 760);
        w.show();
        w.openIndex(path);
        QTRY_COMPARE_WITH_TIMEOUT(w.pageCount(), 1, 15000);
        IndexPage *page = w.currentPage();
        IndexSession *session = page->session();
        QVERIFY(!session->isReadOnly());
        page->showView(IndexPage::View::Integrity);
        IntegrityView *view = page->integrityView();
        QSignalSpy verified(view, &IntegrityView::verified);
        view->verify(true);
        QVERIFY(verified.wait(30000));
        QVERIFY(!view->report()->clean());

        QSignalSpy shown(view, &IntegrityView::planShown);
        QSignalSpy planFailed(view, &IntegrityView::planFailed);
        QSignalSpy reopened(session, &IndexSession::indexReopened);
        QSignalSpy finished(view, &IntegrityView::repairFinished);
        view->planRepair();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() + planFailed.count() > 0, 30000);
        QVERIFY2(planFailed.isEmpty(), qPrintable(planFailed.value(0).value(0).toString()));
        QVERIFY(session->isReleased()); // closed while the plan is shown
        RepairDialog *dialog = view->repairDialog();
        QVERIFY2(dialog->plan().canRun(), qPrintable(dialog->plan().blockers.join(u'\n')));
        dialog->setBackup(false);
        dialog->approveButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(finished.first().first().toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 30000);
        QCOMPARE(reopened.count(), 1);
        QVERIFY(!session->isReleased());
        QVERIFY(!session->isReadOnly());
        QVERIFY(view->lastRepair()->after.clean());
        QVERIFY(view->resultPanel()->isVisible());
        for (const QString &id : std::as_const(readable))
            QVERIFY2(session->index()->get(id, true).ok(), qPrintable(id));
        // The reopened index takes writes.
        QVERIFY(waitForFuture(session->write({WriteOp::insert(testItem(count + 1, dims))})));
        QVERIFY(session->index()->get(testItem(count + 1, dims).id).ok());
        w.closeCurrentIndex();
    }

    void darkThemeOverride()
    {
        captureSystemPalette();
        applyTheme(Theme::Dark);
        QVERIFY(isDarkPalette(QApplication::palette()));
        applyTheme(Theme::Light);
        QVERIFY(!isDarkPalette(QApplication::palette()));
        applyTheme(Theme::System);
        QCOMPARE(isDarkPalette(QApplication::palette()), systemPrefersDark());
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
