#pragma once
// The row a view shows while a long job runs on a worker: what it is doing,
// a bar (0..1000, no text) and a Cancel button. Built hidden; the caller
// connects the button and shows the row when the job starts.

#include <QString>

class QLabel;
class QProgressBar;
class QPushButton;
class QWidget;

namespace sextant::ui {

struct ProgressRow {
    QWidget *row = nullptr;
    QLabel *label = nullptr;
    QProgressBar *bar = nullptr;
    QPushButton *cancel = nullptr; // object name "cancelButton"
};

// `cancelText` comes from the caller's tr(), so each view keeps its own
// translation context.
ProgressRow makeProgressRow(QWidget *parent, const QString &cancelText);

} // namespace sextant::ui
