#pragma once
// The main window: a start page when nothing is open, one tab per open
// index, menus with standard shortcuts, and a status bar with the running
// tasks and the write queue's state.

#include "IndexPage.h"
#include "Preferences.h"
#include "core/Options.h"
#include "core/Schema.h"

#include <QMainWindow>

class QLabel;
class QMimeData;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QUndoGroup;

namespace sextant::ui {

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

    IndexPage *currentPage() const;
    IndexPage *pageFor(const QString &path) const;
    int pageCount() const;
    TaskMonitor *taskMonitor() const { return m_tasks; }
    StartPage *startPage() const { return m_start; }

    // Reopens the indexes that were open when the window last closed.
    void restoreOpenIndexes();

signals:
    void indexOpened(const QString &path);
    void openFailed(const QString &path, const QString &message);
    // A folder that looks like an index could not be opened: its tab shows
    // the Integrity view instead (verify runs at once; repair is offered).
    void damagedIndexShown(const QString &path, const QString &reason);

public slots:
    void newIndex();
    void openIndexDialog();
    void closeCurrentIndex();
    void closeIndex(int tab);
    void showPreferences();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
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
    QStringList droppedFolders(const QMimeData *mime) const;

    QStackedWidget *m_stack;
    StartPage *m_start;
    QTabWidget *m_tabs;
    TaskMonitor *m_tasks;
    QLabel *m_queueLabel;
    QLabel *m_accessLabel;
    QUndoGroup *m_undoGroup;
    QMenu *m_recentMenu;
    QList<QAction *> m_pageActions;  // enabled with any index tab, also one that could not be opened
    QList<QAction *> m_indexActions; // enabled only with an index open
    QList<QAction *> m_writeActions; // ... that is writable
    QStringList m_opening;           // paths being opened now
};

} // namespace sextant::ui
