#pragma once
// The Integrity tab: verify (quick or full) with progress and cancel, the
// findings grouped by file, the health map of files and blocks, and the
// repair: plan on a worker, show it for approval (RepairDialog), run it with
// progress and cancel, then show before and after (RepairResultPanel) and
// the new report. Works with an open index (a session) or without one, on
// a folder that could not be opened.
//
// A repair needs the writer lock. When this window holds it (the session is
// open for writing), planning first closes the index (IndexSession::
// releaseIndex) and verifies again, so the plan is made from the folder as
// the repair will find it; the index is opened again when the repair is
// done or the plan is declined.

#include "VerifyTask.h"
#include "sextant/Repair.h"
#include "sextant/Verifier.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTreeView;

namespace sextant::ui {

class FindingsModel;
class HealthMap;
class IndexSession;
class RepairDialog;
class RepairResultPanel;

class IntegrityView : public QWidget {
    Q_OBJECT
public:
    // `session` may be null: the index could not be opened.
    IntegrityView(const QString &path, IndexSession *session, QWidget *parent = nullptr);
    ~IntegrityView() override;

    QString path() const { return m_path; }
    bool isBusy() const { return m_phase != Phase::Idle; }
    bool hasReport() const { return m_report.has_value(); }
    const VerifyReport *report() const { return m_report ? &*m_report : nullptr; }
    std::optional<RepairResult> lastRepair() const { return m_lastRepair; }
    QString summaryText() const;

    FindingsModel *findingsModel() const { return m_model; }
    QTreeView *findingsView() const { return m_tree; }
    HealthMap *healthMap() const { return m_map; }
    RepairDialog *repairDialog() const;
    RepairResultPanel *resultPanel() const { return m_result; }
    QPushButton *planButton() const { return m_plan; }

public slots:
    void verify(bool full);
    void cancel();
    // Makes the plan from the last report and shows it for approval.
    void planRepair();
    // Shows a report made elsewhere (the Summary's Verify).
    void showReport(const sextant::VerifyReport &report);

signals:
    void verified(const sextant::VerifyReport &report);
    void verifyCancelled();
    void planShown(); // repairDialog() is open
    void planFailed(const QString &message);
    void repairFinished(bool succeeded); // the result panel shows it
    void idle();                         // nothing runs any more
    // The repaired folder should be opened (a tab without an index).
    void openIndexRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Phase { Idle, Verifying, Releasing, Planning, Reviewing, Repairing, Reopening };
    struct PlanOutcome {
        std::optional<RepairPlan> plan;
        QString error;
    };
    struct RepairOutcome {
        std::optional<RepairResult> result;
        QString error;
    };

    void setPhase(Phase phase);
    void setSummary(const QString &text, const QIcon &icon = {});
    void startVerify(bool full);
    void verifyFinished();
    void showReportSummary();
    void startPlanning();
    void planFinished();
    void runRepair(const RepairPlan &plan, RepairOptions options);
    void repairDone();
    // Opens the index again if planning closed it; then idle.
    void reopenIfClosed();
    void updateHealthOfSession(const VerifyReport &report);
    QString reportSummary(const VerifyReport &report) const;
    void selectFinding(int finding);
    void selectFile(const QString &file);

    QString m_path;
    QPointer<IndexSession> m_session;
    Phase m_phase = Phase::Idle;
    std::optional<VerifyReport> m_report;
    std::optional<RepairResult> m_lastRepair;
    bool m_closedForRepair = false; // this view released the session's index
    bool m_planAfterVerify = false; // verify again, then plan (the index was just closed)

    QPushButton *m_quick, *m_full, *m_cancel, *m_plan;
    QProgressBar *m_progress;
    QLabel *m_summaryIcon, *m_summary;
    RepairResultPanel *m_result;
    FindingsModel *m_model;
    QTreeView *m_tree;
    QLabel *m_treeEmpty;
    HealthMap *m_map;
    QScrollArea *m_mapScroll;
    QSplitter *m_splitter;
    QPointer<RepairDialog> m_dialog;

    QFutureWatcher<VerifyOutcome> m_verifyWatcher;
    QFutureWatcher<PlanOutcome> m_planWatcher;
    QFutureWatcher<RepairOutcome> m_repairWatcher;
};

} // namespace sextant::ui
