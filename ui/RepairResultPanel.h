#pragma once
// What a repair did, before and after: problems, errors, warnings and
// readable items in both reports, the backup archive, the files written to
// quarantine/, and the repair's log (folded away until asked for). In a tab
// whose index could not be opened it offers "Open Index".

#include "sextant/Repair.h"

#include <QFrame>

class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace sextant::ui {

class RepairResultPanel : public QFrame {
    Q_OBJECT
public:
    explicit RepairResultPanel(QWidget *parent = nullptr);

    void showResult(const RepairResult &result);
    // The repair did not finish: the error, and what the folder holds now.
    void showFailure(const QString &message);
    // Adds a sentence under the heading (e.g. the index could not be reopened).
    void addNote(const QString &note);
    void setOpenIndexOffered(bool offered);

    QString headingText() const;
    QString comparisonText() const; // the table as plain text, for tests

signals:
    void openIndexRequested();
    void dismissed();

private:
    void setValue(int row, int column, const QString &text);

    QLabel *m_icon;
    QLabel *m_heading;
    QLabel *m_note;
    QWidget *m_table;
    QGridLayout *m_grid;
    QLabel *m_backup;
    QLabel *m_quarantine;
    QToolButton *m_logToggle;
    QPlainTextEdit *m_log;
    QPushButton *m_openIndex;
};

} // namespace sextant::ui
