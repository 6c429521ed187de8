#pragma once
// Work off the GUI thread, answered on it. The code that starts the work
// makes the QFuture and so says where it runs (the session's worker, the
// global pool, a pool of its own); whenFinished() then calls back on a
// QObject once the future has finished, unless that object is gone by then.
// One helper for what was a QFutureWatcher, a connect to finished, a
// deleteLater and a setFuture at every call site (KeePassXC's AsyncTask is
// the same idea). Tickets that make stale results wait or go stay with the
// caller: the callback compares its serial as before.

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace sextant::ui {

// Calls done(finished) on `context`'s thread when `future` has finished,
// also when it was cancelled (done checks resultCount() or isCanceled()
// where that can happen). Nothing is called when `context` is destroyed
// first. The watcher belongs to `context` and deletes itself after the
// call; it is returned for progress signals, which are delivered through
// the event loop, so connecting them right after this call misses none.
template <typename T, typename Done>
QFutureWatcher<T> *whenFinished(QObject *context, const QFuture<T> &future, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        done(watcher->future());
    });
    watcher->setFuture(future);
    return watcher;
}

// Shows `watcher`'s progress value on `bar` and its text on `label` while
// `current()` is true (a ticket: the progress of a job that a newer one
// replaced is not shown).
template <typename T, typename Bar, typename Label, typename Current>
void showProgress(QFutureWatcher<T> *watcher, QObject *context, Bar *bar, Label *label, Current current)
{
    QObject::connect(watcher, &QFutureWatcher<T>::progressValueChanged, context, [bar, current](int value) {
        if (current()) bar->setValue(value);
    });
    QObject::connect(watcher, &QFutureWatcher<T>::progressTextChanged, context, [label, current](const QString &text) {
        if (current()) label->setText(text);
    });
}

} // namespace sextant::ui
