#pragma once
// The main window: a start page when nothing is open, one tab per open
// index, menus with standard shortcuts, and a status bar with the running
// tasks and the write queue's state.

#include "ImportTask.h"
#include "IndexPage.h"
#include "Preferences.h"
#include "sextant/Options.h"
#include "sextant/Schema.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QMimeData;
class QMenu;
class QMessageBox;
class QStackedWidget;
class QTabWidget;
class QUndoGroup;

namespace sextant::ui {

class ExportDialog;
class ImportDialog;
class StartPage;
class TaskMonitor;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path` in a new tab (or shows its tab when it is open already).
    // Opening runs on a worker thread; the tab appears when it is done.
    // `options` are the engine's; the durability preference fills in theirs.
    void openIndex(const QString &path, OpenOptions options = {});
    // Creates an index and opens it.
    void createIndex(const QString &path, const Schema &schema, Durability durability);
    // The first-run demo (DemoIndex.h): makes the demo index in `path`
    // (defaultDemoIndexPath() when empty) on a worker, or opens it when it
    // exists, and shows it on the Query view with the example query run.
    void openDemoIndex(const QString &path = {});

    IndexPage *currentPage() const;
    IndexPage *pageFor(const QString &path) const;
    int pageCount() const;
    TaskMonitor *taskMonitor() const { return m_tasks; }
    StartPage *startPage() const { return m_start; }

    // Reopens the indexes that were open when the window last closed.
    void restoreOpenIndexes();

    // What a drop does (File ▸ Import too): the paths are looked at on a
    // worker; folders holding a Sextant index open; the rest goes to the
    // import dialog, into the current index, or from the start page into a
    // new index whose folder the dialog asks for.
    void importPaths(const QStringList &paths);
    // A Vectra or LangChain folder: the import dialog in its "convert" form
    // (a new Sextant index; the folder itself is only read).
    void convertToIndex(const QString &folder, formats::SourceFormat format);
    // A file where an index folder was expected (the command line, Open
    // Recent, File ▸ Open File…): a backup archive (.tar.zst) is offered for
    // restoring; anything else is looked at on a worker and offered for
    // import, into a new index or (when one is open) into the open one.
    void openFile(const QString &path);
    // Restores a backup archive into `folder` (must not exist or be empty)
    // on a worker, then opens it.
    void restoreBackup(const QString &archive, const QString &folder);

    // The import and export dialogs shown last (null once closed).
    ImportDialog *importDialog() const;
    ExportDialog *exportDialog() const;

signals:
    void indexOpened(const QString &path);
    void openFailed(const QString &path, const QString &message);
    // A folder that looks like an index could not be opened: its tab shows
    // the Integrity view instead (verify runs at once; repair is offered).
    void damagedIndexShown(const QString &path, const QString &reason);
    void importDialogShown(ImportDialog *dialog);
    // openFile() asks where to import (an index is open): the box is shown
    // window-modal; its buttons are "intoOpenIndex", "intoNewIndex".
    void importTargetAsked(QMessageBox *box);
    // Edit ▸ Go to Id… found an id and selected it in Browse.
    void wentToId(const QString &id);
    // A restore finished: `error` is empty when `folder` now holds the index.
    void restoreFinished(const QString &folder, const QString &error);
    // openDemoIndex() made a new demo index (`documents` imported in `seconds`).
    void demoIndexCreated(const QString &path, int documents, double seconds);
    // openDemoIndex() could not make or open the demo index.
    void demoIndexFailed(const QString &path, const QString &message);

public slots:
    void newIndex();
    void openIndexDialog();
    void openFileDialog();
    void goToIdDialog();
    // Edit ▸ Copy: whatever has focus (text, the Browse rows, a table's cells).
    void copyFocused();
    void closeCurrentIndex();
    void closeIndex(int tab);
    void importFilesDialog();
    void importFolderDialog();
    void showExportDialog();
    void restoreBackupDialog();
    void showPublishDialog();          // File ▸ Publish to PostgreSQL… (PostgresDialogs.h)
    void showOpenFromPostgresDialog(); // File ▸ Open from PostgreSQL…
    void showPreferences();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    // Opens `path`; the result replaces `replacing` (a damaged page) in its
    // tab when given, else it gets a new tab.
    void openInto(const QString &path, OpenOptions options, IndexPage *replacing);
    void addPage(IndexPage *page, IndexPage *replacing = nullptr);
    void currentPageChanged();
    void updateStatus();
    void rebuildRecentMenu();
    void reopenForWriting(IndexPage *page);
    QStringList droppedPaths(const QMimeData *mime) const;
    void showImportDialog(const QList<ImportInput> &inputs, IndexPage *page);
    void offerConversion(const QString &path, formats::SourceFormat format);
    void showDemoQuery(IndexPage *page);

    QStackedWidget *m_stack;
    StartPage *m_start;
    QTabWidget *m_tabs;
    TaskMonitor *m_tasks;
    QLabel *m_queueLabel;
    QLabel *m_accessLabel;
    QUndoGroup *m_undoGroup;
    QMenu *m_recentMenu;
    QAction *m_naturalIds = nullptr;
    QList<QAction *> m_pageActions;  // enabled with any index tab, also one that could not be opened
    QList<QAction *> m_indexActions; // enabled only with an index open
    QList<QAction *> m_writeActions; // ... that is writable
    QStringList m_opening;           // paths being opened now
    QStringList m_demoQueryFor;      // paths whose page opens on the demo's example query
    QPointer<ImportDialog> m_importDialog;
    QPointer<ExportDialog> m_exportDialog;
};

} // namespace sextant::ui
