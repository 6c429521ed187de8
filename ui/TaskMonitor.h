#pragma once
// The status bar's view of long-running work: any task that runs longer
// than 200 ms shows its title, its progress (or a busy bar when it reports
// none) and a Cancel button. Views hand their QFutures to track(); the
// futures come from QtConcurrent::run with a QPromise, so progress and
// cancellation reach the worker.

#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace sextant::ui {

class TaskMonitor : public QWidget {
    Q_OBJECT
public:
    explicit TaskMonitor(QWidget *parent = nullptr);
    ~TaskMonitor() override;

    // The monitor of the main window, if one exists (tests may have none).
    static TaskMonitor *global();
    // Tracks `future` on the global monitor; does nothing without one.
    static void trackGlobal(const QString &title, QFuture<void> future);

    void track(const QString &title, QFuture<void> future);
    int runningTasks() const { return m_tasks.size(); }

    static constexpr int kShowAfterMs = 200;

signals:
    void tasksChanged();

private:
    struct Task {
        QString title;
        QFutureWatcher<void> *watcher = nullptr;
        qint64 startedMs = 0;
    };
    void update();
    void cancelCurrent();

    QList<Task> m_tasks;
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};

} // namespace sextant::ui
