#include "MainWindow.h"

#include "AsyncTask.h"

#include "DemoIndex.h"
#include "ErrorText.h"
#include "BrowseView.h"
#include "ExportDialog.h"
#include "PostgresDialogs.h"
#include "Format.h"
#include "GoToIdDialog.h"
#include "InspectorView.h"
#include "ItemTableModel.h"
#include "ImportDialog.h"
#include "IndexSession.h"
#include "IntegrityView.h"
#include "QueryView.h"
#include "NewIndexDialog.h"
#include "PreferencesDialog.h"
#include "StartPage.h"
#include "SummaryView.h"
#include "TaskMonitor.h"
#include "Theme.h"
#include "sextant/Kernels.h"
#include "sextant/Restore.h"

#include <QAction>
#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QPointer>
#include <QPromise>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QtConcurrent>
#include <QUndoGroup>

namespace sextant::ui {

namespace {
QString cleanPath(const QString &path) { return QDir::cleanPath(QFileInfo(path).absoluteFilePath()); }
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Sextant"));
    setAcceptDrops(true);
    m_undoGroup = new QUndoGroup(this);

    m_stack = new QStackedWidget(this);
    m_start = new StartPage(m_stack);
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("indexTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_stack->addWidget(m_start);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    m_tasks = new TaskMonitor(this);
    m_queueLabel = new QLabel(this);
    m_queueLabel->setObjectName(QStringLiteral("queueLabel"));
    m_accessLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_tasks);
    statusBar()->addPermanentWidget(m_accessLabel);
    statusBar()->addPermanentWidget(m_queueLabel);

    createActions();

    connect(m_start, &StartPage::newIndexRequested, this, &MainWindow::newIndex);
    connect(m_start, &StartPage::openIndexRequested, this, &MainWindow::openIndexDialog);
    connect(m_start, &StartPage::openPathRequested, this, [this](const QString &path) { openIndex(path); });
    connect(m_start, &StartPage::demoIndexRequested, this, [this]() { openDemoIndex(); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeIndex);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::currentPageChanged);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    currentPageChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New Index…"), this, &MainWindow::newIndex);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open Index…"), this, &MainWindow::openIndexDialog);
    openAction->setShortcut(QKeySequence::Open);
    QAction *openFile = file->addAction(tr("Open &File…"), this, &MainWindow::openFileDialog);
    openFile->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    openFile->setToolTip(
        tr("Open a vector file (imported into a new index or the open one) or a backup archive (restored)"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    QAction *importFiles = file->addAction(tr("&Import Files…"), this, &MainWindow::importFilesDialog);
    importFiles->setShortcut(QKeySequence(tr("Ctrl+I")));
    importFiles->setToolTip(tr("Import documents or vector files into the current index, or into a new one"));
    file->addAction(tr("Import a Fol&der…"), this, &MainWindow::importFolderDialog)
        ->setToolTip(tr("Import every document in a folder, or a Vectra or LangChain index folder"));
    QAction *exportAction = file->addAction(tr("&Export…"), this, &MainWindow::showExportDialog);
    exportAction->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_indexActions << exportAction;
    file->addAction(tr("Restore &Backup…"), this, &MainWindow::restoreBackupDialog)
        ->setToolTip(tr("Make a new index folder from a backup archive (.tar.zst) and open it"));
    QAction *publishAction = file->addAction(tr("Publish to Post&greSQL…"), this, &MainWindow::showPublishDialog);
    publishAction->setToolTip(tr("Send the index to a PostgreSQL table with pgvector; later only what changed"));
    m_indexActions << publishAction;
    file->addAction(tr("Open from Postgre&SQL…"), this, &MainWindow::showOpenFromPostgresDialog)
        ->setToolTip(tr("Read a pgvector table into a new local index and open it"));
    file->addSeparator();
    QAction *closeAction = file->addAction(tr("&Close Index"), this, &MainWindow::closeCurrentIndex);
    closeAction->setShortcut(QKeySequence::Close);
    m_pageActions << closeAction;
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("redoAction"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *copy = edit->addAction(tr("&Copy"), this, &MainWindow::copyFocused);
    copy->setObjectName(QStringLiteral("copyAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setToolTip(tr("Copy what has the focus: text, the selected Browse rows as JSON Lines, or a table's cells"));
    QAction *goTo = edit->addAction(tr("&Go to Id…"), this, &MainWindow::goToIdDialog);
    goTo->setObjectName(QStringLiteral("goToIdAction"));
    goTo->setShortcut(QKeySequence(tr("Ctrl+G")));
    m_indexActions << goTo;
    edit->addSeparator();
    QAction *prefs = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    prefs->setShortcut(QKeySequence::Preferences);
    if (prefs->shortcut().isEmpty()) prefs->setShortcut(QKeySequence(tr("Ctrl+,")));
    prefs->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const std::pair<IndexPage::View, QString> views[] = {
        {IndexPage::View::Summary, tr("&Summary")},     {IndexPage::View::Browse, tr("&Browse")},
        {IndexPage::View::Query, tr("&Query")},         {IndexPage::View::Map, tr("&Map")},
        {IndexPage::View::Integrity, tr("&Integrity")}, {IndexPage::View::Duplicates, tr("&Duplicates")}};
    int n = 1;
    for (const auto &[which, title] : views) {
        QAction *a = view->addAction(title, this, [this, which = which]() {
            if (IndexPage *p = currentPage()) p->showView(which);
        });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + n++)));
        // A page whose index could not be opened has the Integrity view only.
        (which == IndexPage::View::Integrity ? m_pageActions : m_indexActions) << a;
    }
    view->addSeparator();
    // Browse's id column: numbers inside ids compared as numbers.
    m_naturalIds = view->addAction(tr("&Natural Id Order"), this, [this](bool on) {
        if (IndexPage *p = currentPage(); p && p->browseView()) p->browseView()->model()->setNaturalIdOrder(on);
    });
    m_naturalIds->setObjectName(QStringLiteral("naturalIdOrderAction"));
    m_naturalIds->setCheckable(true);
    m_naturalIds->setToolTip(
        tr("Sort Browse's ids with the numbers in them compared as numbers (item2 before item10)"));
    m_indexActions << m_naturalIds;
    QAction *refresh = view->addAction(tr("&Refresh"), this, [this]() {
        if (IndexPage *p = currentPage(); p && p->session()) p->session()->refreshSoon();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    m_indexActions << refresh;

    QMenu *index = menuBar()->addMenu(tr("&Index"));
    QAction *verify = index->addAction(tr("&Verify"), this, [this]() {
        if (IndexPage *p = currentPage()) {
            p->showView(IndexPage::View::Integrity);
            p->integrityView()->verify(false);
        }
    });
    QAction *fullVerify = index->addAction(tr("&Full Verify"), this, [this]() {
        if (IndexPage *p = currentPage()) {
            p->showView(IndexPage::View::Integrity);
            p->integrityView()->verify(true);
        }
    });
    QAction *repair = index->addAction(tr("Plan &Repair…"), this, [this]() {
        if (IndexPage *p = currentPage()) {
            p->showView(IndexPage::View::Integrity);
            p->integrityView()->planRepair();
        }
    });
    QAction *recall = index->addAction(tr("Estimate R&ecall"), this, [this]() {
        if (IndexPage *p = currentPage(); p && p->summaryView()) {
            p->showView(IndexPage::View::Summary);
            p->summaryView()->estimateRecall();
        }
    });
    index->addSeparator();
    QAction *checkpoint = index->addAction(tr("&Checkpoint"), this, [this]() {
        if (IndexPage *p = currentPage(); p && p->summaryView()) p->summaryView()->checkpoint();
    });
    QAction *compact = index->addAction(tr("C&ompact"), this, [this]() {
        if (IndexPage *p = currentPage(); p && p->summaryView()) p->summaryView()->compact();
    });
    // Named for the conversion that applies to the current index when the menu opens.
    QAction *convertGraph = index->addAction(tr("Convert &Graph to 8-bit Codes…"), this, [this]() {
        if (IndexPage *p = currentPage(); p && p->summaryView()) {
            p->showView(IndexPage::View::Summary);
            p->summaryView()->convertGraph();
        }
    });
    connect(index, &QMenu::aboutToShow, this, [this, convertGraph]() {
        if (IndexPage *p = currentPage(); p && p->summaryView())
            convertGraph->setText(p->summaryView()->graphQuantization() == Quantization::Sq8
                                      ? tr("Convert Graph to F&loat Vectors…")
                                      : tr("Convert &Graph to 8-bit Codes…"));
    });
    m_pageActions << verify << fullVerify << repair;
    m_indexActions << recall << checkpoint << compact << convertGraph;
    m_writeActions << checkpoint << compact << convertGraph;

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Open the &Demo Index"), this, [this]() { openDemoIndex(); })
        ->setToolTip(tr("Make an index from short example texts (or open it when it exists) and search it"));
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Sextant"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = Preferences::recentIndexes();
    for (const QString &path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path]() { openIndex(path); });
    if (recent.isEmpty()) m_recentMenu->addAction(tr("No recent indexes"))->setEnabled(false);
}

IndexPage *MainWindow::currentPage() const { return qobject_cast<IndexPage *>(m_tabs->currentWidget()); }

int MainWindow::pageCount() const { return m_tabs->count(); }

IndexPage *MainWindow::pageFor(const QString &path) const
{
    const QString clean = cleanPath(path);
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *page = qobject_cast<IndexPage *>(m_tabs->widget(i));
        if (page && cleanPath(page->path()) == clean) return page;
    }
    return nullptr;
}

void MainWindow::openIndex(const QString &path, OpenOptions options)
{
    const QString clean = cleanPath(path);
    if (IndexPage *page = pageFor(clean)) {
        m_tabs->setCurrentWidget(page);
        return;
    }
    openInto(clean, options, nullptr);
}

void MainWindow::openInto(const QString &path, OpenOptions options, IndexPage *replacing)
{
    const QString clean = cleanPath(path);
    if (m_opening.contains(clean)) return;
    m_opening << clean;
    if (!options.durability) options.durability = Preferences::load().durability;
    QFuture<OpenOutcome> future = IndexSession::openAsync(clean, options);
    m_tasks->track(tr("Opening %1").arg(QFileInfo(clean).fileName()), QFuture<void>(future));
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(clean)));
    QPointer<IndexPage> old = replacing;
    whenFinished(this, future, [this, clean, old](const QFuture<OpenOutcome> &finished) {
        m_opening.removeAll(clean);
        const bool demo = m_demoQueryFor.removeAll(clean) > 0;
        statusBar()->clearMessage();
        const OpenOutcome out = finished.result();
        if (!out.index && demo) emit demoIndexFailed(clean, userMessageText(out.error, ErrorContext::Open));
        if (!out.index && out.isFile) {
            // A file, not a folder: offer what a drop of it offers.
            openFile(clean);
            return;
        }
        if (!out.index && out.looksLikeIndex) {
            // A damaged index: show where, and offer the repair, instead of
            // only an error.
            addPage(new IndexPage(clean, out.error.message(), m_tabs), old);
            emit damagedIndexShown(clean, out.error.message());
            return;
        }
        if (!out.index && out.foreignFormat != formats::SourceFormat::Auto) {
            emit openFailed(clean, out.error.message());
            offerConversion(clean, out.foreignFormat);
            return;
        }
        if (!out.index) {
            emit openFailed(clean, out.error.message());
            // The path once, in the first line; what to do in the second.
            const UserMessage m = userMessage(out.error, ErrorContext::Open);
            const QString where = QDir::toNativeSeparators(clean);
            QString text = tr("Sextant could not open %1.").arg(where);
            QString informative = m.text();
            if (m.problem == UserProblem::NotAnIndex) {
                text = tr("There is no Sextant index in %1.").arg(where);
                informative = m.advice;
            } else if (m.problem == UserProblem::FolderMissing) {
                text = tr("The folder %1 does not exist.").arg(where);
                informative = m.advice;
            }
            QMessageBox box(QMessageBox::Warning, tr("Could Not Open the Index"), text, QMessageBox::Ok, this);
            box.setInformativeText(informative);
            box.exec();
            return;
        }
        Preferences::addRecentIndex(clean);
        m_start->reloadRecent();
        auto *session = new IndexSession(out.index, out.lockHolder);
        session->setOpenOptions(out.options);
        auto *page = new IndexPage(session, m_tabs);
        addPage(page, old);
        emit indexOpened(clean);
        if (demo) showDemoQuery(page);
    });
}

void MainWindow::createIndex(const QString &path, const Schema &schema, Durability durability)
{
    const QString clean = cleanPath(path);
    QFuture<OpenOutcome> future = IndexSession::createAsync(clean, schema, durability);
    m_tasks->track(tr("Creating %1").arg(QFileInfo(clean).fileName()), QFuture<void>(future));
    whenFinished(this, future, [this, clean](const QFuture<OpenOutcome> &finished) {
        const OpenOutcome out = finished.result();
        if (!out.index) {
            emit openFailed(clean, out.error.message());
            QMessageBox::warning(this, tr("Could Not Create the Index"),
                                 userMessageText(out.error, ErrorContext::Create));
            return;
        }
        Preferences::addRecentIndex(clean);
        m_start->reloadRecent();
        addPage(new IndexPage(new IndexSession(out.index, std::nullopt), m_tabs));
        emit indexOpened(clean);
    });
}

void MainWindow::openDemoIndex(const QString &path)
{
    const QString clean = cleanPath(path.isEmpty() ? defaultDemoIndexPath() : path);
    if (IndexPage *page = pageFor(clean)) {
        m_tabs->setCurrentWidget(page);
        if (page->session()) showDemoQuery(page);
        return;
    }
    if (m_opening.contains(clean)) return;
    m_opening << clean;
    m_start->setDemoBusy(true);
    // Checking the folder, copying the texts, embedding and writing them:
    // all on a worker (docs/design.md, invariant 8), with progress and cancel.
    QFuture<DemoCreation> future = createDemoIndexAsync(clean);
    m_tasks->track(tr("Creating the demo index"), QFuture<void>(future));
    statusBar()->showMessage(tr("Creating the demo index in %1…").arg(QDir::toNativeSeparators(clean)));
    whenFinished(this, future, [this, clean](const QFuture<DemoCreation> &finished) {
        m_opening.removeAll(clean);
        m_start->setDemoBusy(false);
        statusBar()->clearMessage();
        if (finished.isCanceled() || finished.resultCount() == 0) {
            const QString message = userMessageText(Error(ErrorCode::Cancelled, {}), ErrorContext::Create);
            statusBar()->showMessage(message, 10000);
            emit demoIndexFailed(clean, message);
            return;
        }
        const DemoCreation out = finished.result();
        if (out.existed) {
            m_demoQueryFor << clean;
            openInto(clean, {}, nullptr);
            return;
        }
        if (!out.index) {
            const QString message = userMessageText(out.error, ErrorContext::Create);
            emit demoIndexFailed(clean, message);
            if (out.error.code() == ErrorCode::Cancelled) {
                statusBar()->showMessage(message, 10000);
                return;
            }
            QMessageBox::warning(this, tr("Could Not Create the Demo Index"), message);
            return;
        }
        Preferences::addRecentIndex(clean);
        m_start->reloadRecent();
        auto *page = new IndexPage(new IndexSession(out.index, std::nullopt), m_tabs);
        addPage(page);
        statusBar()->showMessage(tr("Made the demo index from %n document(s) in %1 s.", nullptr, out.documents)
                                     .arg(QLocale().toString(out.seconds, 'f', 1)),
                                 10000);
        emit demoIndexCreated(clean, out.documents, out.seconds);
        emit indexOpened(clean);
        showDemoQuery(page);
    });
}

void MainWindow::showDemoQuery(IndexPage *page)
{
    if (!page || !page->session() || !page->queryView()) return;
    page->showView(IndexPage::View::Query);
    // An index without an embedder (not the demo after all) keeps its form.
    if (page->session()->schema().embedder.isEmpty()) return;
    page->queryView()->setTextQuery(demoExampleQuery(), search::TextSearchMode::Hybrid);
    page->queryView()->run();
}

void MainWindow::addPage(IndexPage *page, IndexPage *replacing)
{
    int tab = -1;
    if (replacing && m_tabs->indexOf(replacing) >= 0) {
        // Same place in the tab bar: the user asked to open it here.
        tab = m_tabs->indexOf(replacing);
        m_tabs->removeTab(tab);
        replacing->deleteLater();
        tab = m_tabs->insertTab(tab, page, page->displayName());
    } else {
        tab = m_tabs->addTab(page, page->displayName());
    }
    m_tabs->setTabToolTip(tab, QDir::toNativeSeparators(page->path()));
    const QString path = page->path();
    connect(page, &IndexPage::openRequested, this, [this, page, path]() { openInto(path, {}, page); });
    IndexSession *session = page->session();
    if (!session) {
        m_tabs->setTabIcon(tab, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        m_tabs->setCurrentIndex(tab);
        currentPageChanged();
        return;
    }
    m_undoGroup->addStack(session->undoStack());
    connect(session, &IndexSession::statsChanged, this, [this, page]() {
        if (page == currentPage()) updateStatus();
    });
    connect(session, &IndexSession::writeFailed, this, [this](const QString &message) {
        statusBar()->showMessage(
            tr("A write failed: %1").arg(QString(message).replace(QLatin1Char('\n'), QLatin1Char(' '))), 10000);
    });
    connect(page, &IndexPage::reopenRequested, this, [this, page]() { reopenForWriting(page); });
    connect(session, &IndexSession::accessChanged, this, [this, page]() {
        if (page == currentPage()) currentPageChanged();
    });
    QSettings settings;
    page->splitter()->restoreState(settings.value(QStringLiteral("window/indexSplitter")).toByteArray());
    m_tabs->setTabIcon(tab, QIcon());
    m_tabs->setCurrentIndex(tab);
    currentPageChanged();
}

void MainWindow::reopenForWriting(IndexPage *page)
{
    // The session opens a writable handle on a worker and swaps it in: the
    // views keep their filter, selection, scroll position and query.
    IndexSession *session = page->session();
    if (!session || !session->isReadOnly()) return;
    QPointer<IndexPage> guard = page;
    whenFinished(this, session->switchToWriting(), [this, guard](const QFuture<OpenOutcome> &finished) {
        const OpenOutcome out = finished.result();
        if (out.index && !out.index->isReadOnly()) {
            if (guard && guard == currentPage()) currentPageChanged();
            return;
        }
        if (out.index || out.error.code() == ErrorCode::Locked) {
            // Another program still writes it: no box in the way; the banner
            // says who, and the page switches once that program is done.
            if (guard) guard->setWriteWhenFree(true);
            return;
        }
        QMessageBox::warning(this, tr("Could Not Open for Writing"), userMessageText(out.error, ErrorContext::Open));
    });
}

void MainWindow::closeCurrentIndex() { closeIndex(m_tabs->currentIndex()); }

void MainWindow::closeIndex(int tab)
{
    auto *page = qobject_cast<IndexPage *>(m_tabs->widget(tab));
    if (!page) return;
    if (page->splitter()) QSettings().setValue(QStringLiteral("window/indexSplitter"), page->splitter()->saveState());
    if (page->session()) m_undoGroup->removeStack(page->session()->undoStack());
    m_tabs->removeTab(tab);
    delete page; // the session closes its index on a worker thread
    currentPageChanged();
}

void MainWindow::currentPageChanged()
{
    IndexPage *page = currentPage();
    m_stack->setCurrentWidget(page ? static_cast<QWidget *>(m_tabs) : m_start);
    IndexSession *session = page ? page->session() : nullptr;
    m_undoGroup->setActiveStack(session ? session->undoStack() : nullptr);
    for (QAction *a : std::as_const(m_pageActions))
        a->setEnabled(page);
    for (QAction *a : std::as_const(m_indexActions))
        a->setEnabled(session);
    for (QAction *a : std::as_const(m_writeActions))
        a->setEnabled(session && !session->isReadOnly());
    setWindowTitle(page ? tr("%1 — Sextant").arg(page->displayName()) : tr("Sextant"));
    m_naturalIds->setChecked(page && page->browseView() && page->browseView()->model()->naturalIdOrder());
    updateStatus();
}

void MainWindow::updateStatus()
{
    IndexPage *page = currentPage();
    if (!page || !page->session()) {
        m_queueLabel->clear();
        m_accessLabel->setText(page ? tr("Could not be opened") : QString());
        return;
    }
    IndexSession *s = page->session();
    // "Read-only · 200,000 items · following changes": one line, one separator style.
    m_accessLabel->setText(s->isReadOnly() ? tr("Read-only") + QStringLiteral("  ·") : QString());
    if (!s->hasStats()) {
        m_queueLabel->setText(tr("Reading…"));
        return;
    }
    const IndexStats &st = s->stats();
    const QString items = tr("%Ln item(s)", nullptr, int(std::min<qint64>(st.items, INT_MAX)));
    const QString queue = s->isReadOnly() ? tr("following changes")
                          : st.pendingWrites == 0
                              ? tr("writes: idle")
                              : tr("writes: %Ln queued", nullptr, int(std::min<qint64>(st.pendingWrites, INT_MAX)));
    m_queueLabel->setText(tr("%1 · %2").arg(items, queue));
}

void MainWindow::newIndex()
{
    NewIndexDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) return;
    createIndex(dialog.indexPath(), dialog.schema(), dialog.durability());
}

void MainWindow::openIndexDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Index Folder"));
    if (!dir.isEmpty()) openIndex(dir);
}

void MainWindow::openFileDialog()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open a File"), QString(),
        tr("Vector files and backups (*.jsonl *.ndjson *.csv *.tsv *.npy *.fvecs *.bvecs *.tar.zst);;All files (*)"));
    if (!file.isEmpty()) openFile(file);
}

void MainWindow::openFile(const QString &path)
{
    const QString clean = cleanPath(path);
    if (clean.endsWith(QLatin1String(".tar.zst"))) {
        QString suggested = clean;
        suggested.chop(8);
        suggested += QStringLiteral("-restored");
        const QString folder = QFileDialog::getSaveFileName(this, tr("New Folder for the Restored Index"), suggested,
                                                            QString(), nullptr, QFileDialog::ShowDirsOnly);
        if (!folder.isEmpty()) restoreBackup(clean, folder);
        return;
    }
    QPointer<IndexPage> page = m_stack->currentWidget() == m_tabs ? currentPage() : nullptr;
    statusBar()->showMessage(tr("Looking at %1…").arg(QDir::toNativeSeparators(clean)));
    whenFinished(
        this, classifyImportInputsAsync({clean}), [this, page, clean](const QFuture<QList<ImportInput>> &finished) {
            statusBar()->clearMessage();
            const QList<ImportInput> inputs = finished.result();
            if (inputs.size() == 1 && inputs.first().kind == ImportInputKind::SextantIndex) {
                openIndex(inputs.first().path);
                return;
            }
            IndexPage *target = page && page->session() && !page->session()->isReadOnly() ? page.data() : nullptr;
            if (!target) {
                showImportDialog(inputs, nullptr);
                return;
            }
            // An index is open: into it, or into a new one?
            auto *box = new QMessageBox(
                QMessageBox::Question, tr("Import a File"),
                tr("%1 is not an index but a file Sextant can import.").arg(QDir::toNativeSeparators(clean)),
                QMessageBox::Cancel, this);
            box->setObjectName(QStringLiteral("importTargetBox"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setInformativeText(tr("Import its items into the open index %1, or make a new index from them?")
                                        .arg(target->displayName()));
            QPushButton *into =
                box->addButton(tr("Import into %1").arg(target->displayName()), QMessageBox::AcceptRole);
            into->setObjectName(QStringLiteral("intoOpenIndex"));
            QPushButton *fresh = box->addButton(tr("New Index…"), QMessageBox::AcceptRole);
            fresh->setObjectName(QStringLiteral("intoNewIndex"));
            box->setDefaultButton(into);
            QPointer<IndexPage> into_ = target;
            connect(box, &QMessageBox::buttonClicked, this,
                    [this, box, into, fresh, into_, inputs](QAbstractButton *b) {
                        if (b == into && into_)
                            showImportDialog(inputs, into_);
                        else if (b == fresh)
                            showImportDialog(inputs, nullptr);
                        box->close();
                    });
            box->setWindowModality(Qt::WindowModal);
            box->show();
            emit importTargetAsked(box);
        });
}

void MainWindow::goToIdDialog()
{
    IndexPage *page = currentPage();
    if (!page || !page->session() || !page->browseView()) return;
    auto *dialog = new GoToIdDialog(page->session(), this);
    dialog->setObjectName(QStringLiteral("goToIdDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<IndexPage> guard = page;
    connect(dialog, &QDialog::accepted, this, [this, dialog, guard]() {
        if (!guard) return;
        guard->showView(IndexPage::View::Browse);
        guard->browseView()->goToId(dialog->resolvedId());
        emit wentToId(dialog->resolvedId());
    });
    dialog->open();
}

void MainWindow::copyFocused()
{
    QWidget *w = QApplication::focusWidget();
    if (!w) return;
    if (auto *line = qobject_cast<QLineEdit *>(w)) return line->copy();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) return plain->copy();
    if (auto *text = qobject_cast<QTextEdit *>(w)) return text->copy();
    if (auto *label = qobject_cast<QLabel *>(w)) {
        if (label->hasSelectedText()) QApplication::clipboard()->setText(label->selectedText());
        return;
    }
    IndexPage *page = currentPage();
    if (page && page->browseView() && w == static_cast<QWidget *>(page->browseView()->table())) {
        page->browseView()->copySelection(BrowseView::CopyFormat::JsonLines);
        return;
    }
    if (page && page->inspectorView() && page->inspectorView()->isAncestorOf(w) && page->inspectorView()->copyFocused())
        return;
    if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
        // Any other table or tree: the selected cells, tab-separated rows.
        QModelIndexList cells = view->selectionModel() ? view->selectionModel()->selectedIndexes() : QModelIndexList();
        if (cells.isEmpty() && view->currentIndex().isValid()) cells << view->currentIndex();
        std::sort(cells.begin(), cells.end(), [](const QModelIndex &a, const QModelIndex &b) {
            return a.row() != b.row() ? a.row() < b.row() : a.column() < b.column();
        });
        QString out;
        int row = -1;
        for (const QModelIndex &c : std::as_const(cells)) {
            if (row >= 0) out += c.row() == row ? QLatin1Char('\t') : QLatin1Char('\n');
            row = c.row();
            out += c.data(Qt::DisplayRole).toString();
        }
        if (!out.isEmpty()) QApplication::clipboard()->setText(out);
    }
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(Preferences::load(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    const Preferences p = dialog.preferences();
    p.save();
    applyTheme(p.theme);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Sextant"),
        tr("<h3>Sextant %1</h3>"
           "<p>A workbench and embedded engine for local vector indexes: create, browse, query, verify and "
           "repair them.</p>"
           "<p>Every write is checksummed and, by default, on stable storage before it is acknowledged.</p>"
           "<p>Distance kernels: %2. Qt %3.</p>")
            .arg(QApplication::applicationVersion(), distanceKernelLevel(), QString::fromLatin1(qVersion())));
}

void MainWindow::restoreOpenIndexes()
{
    const QStringList paths = QSettings().value(QStringLiteral("window/openIndexes")).toStringList();
    for (const QString &p : paths)
        openIndex(p);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QStringList open;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *page = qobject_cast<IndexPage *>(m_tabs->widget(i))) open << page->path();
    settings.setValue(QStringLiteral("window/openIndexes"), open);
    if (IndexPage *page = currentPage(); page && page->splitter())
        settings.setValue(QStringLiteral("window/indexSplitter"), page->splitter()->saveState());
    while (m_tabs->count() > 0)
        closeIndex(0);
    event->accept();
}

QStringList MainWindow::droppedPaths(const QMimeData *mime) const
{
    QStringList paths;
    if (!mime || !mime->hasUrls()) return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    return paths;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (droppedPaths(event->mimeData()).isEmpty()) return;
    event->acceptProposedAction();
    IndexPage *page = m_stack->currentWidget() == m_tabs ? currentPage() : nullptr;
    statusBar()->showMessage(
        page && page->session() ? tr("Drop to import into %1 (an index folder opens instead)").arg(page->displayName())
                                : tr("Drop to open an index folder, or to make a new index from documents or vectors"));
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent *event)
{
    statusBar()->clearMessage();
    QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedPaths(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    importPaths(paths);
}

void MainWindow::importPaths(const QStringList &paths)
{
    // The page the drop landed on, remembered now: the user may switch tabs
    // while the paths are looked at.
    QPointer<IndexPage> page = m_stack->currentWidget() == m_tabs ? currentPage() : nullptr;
    statusBar()->showMessage(tr("Looking at %n dropped item(s)…", nullptr, int(paths.size())));
    whenFinished(this, classifyImportInputsAsync(paths), [this, page](const QFuture<QList<ImportInput>> &finished) {
        statusBar()->clearMessage();
        QList<ImportInput> toImport;
        for (const ImportInput &in : finished.result()) {
            if (in.kind == ImportInputKind::SextantIndex)
                openIndex(in.path);
            else
                toImport << in;
        }
        if (toImport.isEmpty()) return;
        IndexPage *target = page && page->session() ? page.data() : nullptr;
        if (!target && toImport.size() == 1 && toImport.first().isFolder &&
            (toImport.first().format == formats::SourceFormat::Vectra ||
             toImport.first().format == formats::SourceFormat::LangChain)) {
            convertToIndex(toImport.first().path, toImport.first().format);
            return;
        }
        showImportDialog(toImport, target);
    });
}

ImportDialog *MainWindow::importDialog() const { return m_importDialog; }

ExportDialog *MainWindow::exportDialog() const { return m_exportDialog; }

void MainWindow::showImportDialog(const QList<ImportInput> &inputs, IndexPage *page)
{
    auto *dialog = page ? new ImportDialog(page->session(), this) : new ImportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::newIndexCreated, this, [this](const QString &path) { openIndex(path); });
    connect(dialog, &ImportDialog::importFinished, this, [this, dialog]() {
        if (!dialog->task()) return;
        statusBar()->showMessage(importSummarySentence(dialog->task()->result()), 10000);
    });
    dialog->setInputs(inputs);
    m_importDialog = dialog;
    dialog->show();
    emit importDialogShown(dialog);
}

void MainWindow::convertToIndex(const QString &folder, formats::SourceFormat format)
{
    ImportInput input;
    input.path = cleanPath(folder);
    input.kind = ImportInputKind::Vectors;
    input.format = format;
    input.isFolder = true;
    auto *dialog = new ImportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Convert to a Sextant Index"));
    dialog->setHeading(tr("Convert the %1 in %2 to a Sextant index. The folder itself is only read.")
                           .arg(sourceFormatTitle(format), QDir::toNativeSeparators(input.path)));
    dialog->setNewIndexFolder(input.path + QStringLiteral("-sextant"));
    connect(dialog, &ImportDialog::newIndexCreated, this, [this](const QString &path) { openIndex(path); });
    dialog->setInputs({input});
    m_importDialog = dialog;
    dialog->show();
    emit importDialogShown(dialog);
}

void MainWindow::offerConversion(const QString &path, formats::SourceFormat format)
{
    QMessageBox box(
        QMessageBox::Question, tr("Not a Sextant Index"),
        tr("%1 holds a %2, not a Sextant index.").arg(QDir::toNativeSeparators(path), sourceFormatTitle(format)),
        QMessageBox::Cancel, this);
    box.setInformativeText(tr("Sextant can make a new Sextant index from its items, with their ids, vectors and "
                              "metadata. The folder itself is left as it is."));
    QPushButton *convert = box.addButton(tr("Convert to a Sextant Index…"), QMessageBox::AcceptRole);
    box.setDefaultButton(convert);
    box.exec();
    if (box.clickedButton() == convert) convertToIndex(path, format);
}

void MainWindow::importFilesDialog()
{
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Import Files"), QString(),
                                      tr("Documents and vectors (*.txt *.md *.markdown *.html *.htm *.pdf *.zip *.tar "
                                         "*.tgz *.tar.gz *.jsonl *.ndjson "
                                         "*.csv *.tsv *.npy *.fvecs *.bvecs);;All files (*)"));
    if (!files.isEmpty()) importPaths(files);
}

void MainWindow::importFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a Folder"));
    if (!folder.isEmpty()) importPaths({folder});
}

void MainWindow::showExportDialog()
{
    IndexPage *page = currentPage();
    if (!page || !page->session()) return;
    auto *dialog = new ExportDialog(page->session(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_exportDialog = dialog;
    dialog->show();
}

void MainWindow::showPublishDialog()
{
    IndexPage *page = currentPage();
    if (!page || !page->session()) return;
    auto *dialog = new PublishDialog(page->session(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showOpenFromPostgresDialog()
{
    auto *dialog = new OpenFromPostgresDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OpenFromPostgresDialog::indexReady, this, [this](const QString &path) { openIndex(path); });
    dialog->show();
}

void MainWindow::restoreBackupDialog()
{
    const QString archive = QFileDialog::getOpenFileName(this, tr("Restore a Backup"), QString(),
                                                         tr("Backup archives (*.tar.zst);;All files (*)"));
    if (archive.isEmpty()) return;
    QString suggested = archive;
    if (suggested.endsWith(QLatin1String(".tar.zst"))) suggested.chop(8);
    suggested += QStringLiteral("-restored");
    const QString folder = QFileDialog::getSaveFileName(this, tr("New Folder for the Restored Index"), suggested,
                                                        QString(), nullptr, QFileDialog::ShowDirsOnly);
    if (!folder.isEmpty()) restoreBackup(archive, folder);
}

void MainWindow::restoreBackup(const QString &archive, const QString &folder)
{
    const QString target = cleanPath(folder);
    QFuture<Result<RestoreSummary>> future =
        QtConcurrent::run([archive, target](QPromise<Result<RestoreSummary>> &promise) {
            promise.setProgressRange(0, 1000);
            Result<RestoreSummary> restored =
                restoreBackupArchive(archive, target, [&promise](qint64 done, qint64 total) {
                    if (total > 0) promise.setProgressValue(int(std::min<qint64>(1000, done * 1000 / total)));
                    return !promise.isCanceled();
                });
            promise.addResult(std::move(restored));
        });
    m_tasks->track(tr("Restoring %1").arg(QFileInfo(archive).fileName()), QFuture<void>(future));
    statusBar()->showMessage(tr("Restoring %1…").arg(QDir::toNativeSeparators(archive)));
    whenFinished(this, future, [this, archive, target](const QFuture<Result<RestoreSummary>> &finished) {
        statusBar()->clearMessage();
        if (finished.isCanceled() || finished.resultCount() == 0) {
            statusBar()->showMessage(tr("The restore was cancelled."), 10000);
            emit restoreFinished(target, tr("The restore was cancelled."));
            return;
        }
        const Result<RestoreSummary> r = finished.result();
        if (!r.ok()) {
            emit restoreFinished(target, r.error().message());
            QMessageBox::warning(this, tr("Could Not Restore the Backup"),
                                 tr("Sextant could not restore %1.").arg(QDir::toNativeSeparators(archive)) +
                                     QLatin1Char('\n') + userMessageText(r.error(), ErrorContext::Restore));
            return;
        }
        statusBar()->showMessage(tr("Restored %n file(s) (%1) into %2.", nullptr, r->files)
                                     .arg(formatBytes(r->bytes), QDir::toNativeSeparators(r->folder)),
                                 10000);
        emit restoreFinished(r->folder, QString());
        openIndex(r->folder);
    });
}

} // namespace sextant::ui
