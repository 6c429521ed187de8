#include "TaskMonitor.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

namespace sextant::ui {

namespace {
QPointer<TaskMonitor> g_monitor;
}

TaskMonitor::TaskMonitor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setMaximumWidth(160);
    m_bar->setMaximumHeight(16);
    m_bar->setTextVisible(false);
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel this task"));
    m_cancel->setAutoRaise(true);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &TaskMonitor::cancelCurrent);
    auto *tick = new QTimer(this);
    tick->setInterval(100);
    connect(tick, &QTimer::timeout, this, &TaskMonitor::update);
    tick->start();
    if (!g_monitor) g_monitor = this;
    update();
}

TaskMonitor::~TaskMonitor()
{
    if (g_monitor == this) g_monitor = nullptr;
}

TaskMonitor *TaskMonitor::global() { return g_monitor; }

void TaskMonitor::trackGlobal(const QString &title, QFuture<void> future)
{
    if (g_monitor) g_monitor->track(title, std::move(future));
}

void TaskMonitor::track(const QString &title, QFuture<void> future)
{
    if (future.isFinished()) return;
    auto *watcher = new QFutureWatcher<void>(this);
    m_tasks.append(Task{title, watcher, QDateTime::currentMSecsSinceEpoch()});
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher]() {
        for (qsizetype i = 0; i < m_tasks.size(); ++i)
            if (m_tasks[i].watcher == watcher) m_tasks.removeAt(i--);
        watcher->deleteLater();
        update();
        emit tasksChanged();
    });
    connect(watcher, &QFutureWatcher<void>::progressValueChanged, this, &TaskMonitor::update);
    watcher->setFuture(future);
    emit tasksChanged();
}

void TaskMonitor::update()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Task *shown = nullptr;
    int visibleCount = 0;
    for (const Task &t : m_tasks) {
        if (now - t.startedMs < kShowAfterMs) continue;
        ++visibleCount;
        shown = &t; // the newest long task
    }
    const bool visible = shown != nullptr;
    m_label->setVisible(visible);
    m_bar->setVisible(visible);
    m_cancel->setVisible(visible);
    if (!visible) return;
    const QFuture<void> f = shown->watcher->future();
    QString text = shown->title;
    if (visibleCount > 1) text = tr("%1 (and %n more)", nullptr, visibleCount - 1).arg(shown->title);
    if (f.isCanceled()) text = tr("Cancelling: %1").arg(text);
    m_label->setText(text);
    if (f.progressMaximum() > f.progressMinimum()) {
        m_bar->setRange(f.progressMinimum(), f.progressMaximum());
        m_bar->setValue(f.progressValue());
    } else {
        m_bar->setRange(0, 0); // busy
    }
    m_cancel->setEnabled(!f.isCanceled());
}

void TaskMonitor::cancelCurrent()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = m_tasks.size() - 1; i >= 0; --i) {
        if (now - m_tasks[i].startedMs < kShowAfterMs) continue;
        m_tasks[i].watcher->future().cancel();
        break;
    }
    update();
}

} // namespace sextant::ui
