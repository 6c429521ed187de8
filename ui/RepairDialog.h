#pragma once
// The repair plan, shown for approval before anything changes (docs/design.md, invariant 6):
// each step with what it will do and how many items it sets aside in
// quarantine/, the reasons it cannot run (if any), and whether to write a
// backup archive first (on by default; the path can be changed). Approve
// accepts the dialog; the Integrity view then runs the repair.

#include "sextant/Repair.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace sextant::ui {

class RepairDialog : public QDialog {
    Q_OBJECT
public:
    // `indexClosed`: the index was open for writing in this window and has
    // been closed for the repair (Cancel opens it again).
    RepairDialog(const RepairPlan &plan, const QString &defaultBackupPath, bool indexClosed, QWidget *parent = nullptr);

    const RepairPlan &plan() const { return m_plan; }
    // The options the user chose (backup or not, and where).
    RepairOptions options() const;
    void setBackup(bool backup);
    void setBackupPath(const QString &path);
    QPushButton *approveButton() const { return m_approve; }

    // <folder>-backup-YYYYMMDD-HHMMSS.tar.zst beside the index folder (what
    // the engine would pick, shown so the user knows where it goes).
    static QString defaultBackupPath(const QString &indexPath, const QDateTime &now);

private:
    QString stepsHtml() const;
    void chooseBackupPath();
    void updateState();

    RepairPlan m_plan;
    QCheckBox *m_backup;
    QLineEdit *m_backupPath;
    QPushButton *m_changePath;
    QPushButton *m_approve;
};

} // namespace sextant::ui
