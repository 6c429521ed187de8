#include "IntegrityView.h"

#include "AsyncTask.h"

#include "ErrorText.h"
#include "FindingsModel.h"
#include "Format.h"
#include "HealthMap.h"
#include "IndexSession.h"
#include "IntegrityHealth.h"
#include "RepairDialog.h"
#include "RepairResultPanel.h"
#include "TaskMonitor.h"
#include "Theme.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace sextant::ui {

namespace {
int countOf(const VerifyReport &r, Finding::Severity s)
{
    int n = 0;
    for (const Finding &f : r.findings)
        n += f.severity == s;
    return n;
}
} // namespace

IntegrityView::IntegrityView(const QString &path, IndexSession *session, QWidget *parent)
    : QWidget(parent), m_path(path), m_session(session)
{
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    m_quick = new QPushButton(tr("Quick Verify"), this);
    m_quick->setObjectName(QStringLiteral("integrityQuickVerify"));
    m_quick->setToolTip(tr("Check every log record and data block against its checksum."));
    m_full = new QPushButton(tr("Full Verify"), this);
    m_full->setObjectName(QStringLiteral("integrityFullVerify"));
    m_full->setToolTip(tr("Also check the size and SHA-256 of every file, every vector and metadata document, the id "
                          "map, and the graph's recall."));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("integrityCancel"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(240);
    m_plan = new QPushButton(tr("Plan Repair…"), this);
    m_plan->setObjectName(QStringLiteral("integrityPlanRepair"));
    m_plan->setToolTip(
        tr("Work out what repair would do and show it for approval. Nothing changes before you approve."));
    bar->addWidget(m_quick);
    bar->addWidget(m_full);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    bar->addStretch();
    bar->addWidget(m_plan);
    layout->addLayout(bar);

    auto *summaryRow = new QHBoxLayout;
    m_summaryIcon = new QLabel(this);
    m_summaryIcon->setFixedSize(24, 24);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("integritySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summaryRow->addWidget(m_summaryIcon, 0, Qt::AlignTop);
    summaryRow->addWidget(m_summary, 1);
    layout->addLayout(summaryRow);

    m_result = new RepairResultPanel(this);
    m_result->hide();
    layout->addWidget(m_result);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_model = new FindingsModel(this);
    m_tree = new QTreeView(m_splitter);
    m_tree->setObjectName(QStringLiteral("findingsTree"));
    m_tree->setModel(m_model);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(FindingsModel::ProblemColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(FindingsModel::WhereColumn, 300);
    m_tree->setColumnWidth(FindingsModel::RepairColumn, 190);
    // The tree's empty state: a sentence in the middle of its viewport.
    m_treeEmpty = new QLabel(m_tree->viewport());
    m_treeEmpty->setObjectName(QStringLiteral("findingsEmpty"));
    m_treeEmpty->setAlignment(Qt::AlignCenter);
    m_treeEmpty->setWordWrap(true);
    m_treeEmpty->setForegroundRole(QPalette::PlaceholderText);
    auto *emptyLayout = new QVBoxLayout(m_tree->viewport());
    emptyLayout->addWidget(m_treeEmpty);
    m_map = new HealthMap;
    m_map->setObjectName(QStringLiteral("healthMap"));
    m_mapScroll = new QScrollArea(m_splitter);
    m_mapScroll->setWidget(m_map);
    m_mapScroll->setWidgetResizable(true);
    m_mapScroll->setFrameShape(QFrame::StyledPanel);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_mapScroll);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({240, 360}); // the map needs the room more than a handful of findings
    layout->addWidget(m_splitter, 1);

    connect(m_quick, &QPushButton::clicked, this, [this]() { verify(false); });
    connect(m_full, &QPushButton::clicked, this, [this]() { verify(true); });
    connect(m_cancel, &QPushButton::clicked, this, &IntegrityView::cancel);
    connect(m_plan, &QPushButton::clicked, this, &IntegrityView::planRepair);
    connect(&m_verifyWatcher, &QFutureWatcher<VerifyOutcome>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_verifyWatcher, &QFutureWatcher<VerifyOutcome>::finished, this, &IntegrityView::verifyFinished);
    connect(&m_planWatcher, &QFutureWatcher<PlanOutcome>::finished, this, &IntegrityView::planFinished);
    connect(&m_repairWatcher, &QFutureWatcher<RepairOutcome>::progressTextChanged, this, [this](const QString &text) {
        // "step\tsteps\tsentence" (see runRepair)
        const QStringList parts = text.split(u'\t');
        if (parts.size() < 3) return;
        const int step = parts[0].toInt(), steps = std::max(1, parts[1].toInt());
        m_progress->setRange(0, steps);
        m_progress->setValue(std::min(step + 1, steps));
        setSummary(tr("Repairing, step %1 of %2: %3").arg(step + 1).arg(steps).arg(parts.mid(2).join(u'\t')));
    });
    connect(&m_repairWatcher, &QFutureWatcher<RepairOutcome>::finished, this, &IntegrityView::repairDone);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { m_map->setSelectedFinding(m_model->findingAt(current)); });
    connect(m_map, &HealthMap::findingActivated, this, &IntegrityView::selectFinding);
    connect(m_map, &HealthMap::fileActivated, this, &IntegrityView::selectFile);
    connect(m_result, &RepairResultPanel::openIndexRequested, this, &IntegrityView::openIndexRequested);

    m_treeEmpty->setText(tr("Findings appear here after a verification."));
    setSummary(tr("Not verified yet. Quick Verify checks every checksum; Full Verify also reads every file, vector "
                  "and metadata document."));
    setPhase(Phase::Idle);
}

IntegrityView::~IntegrityView() = default;

QString IntegrityView::summaryText() const { return m_summary->text(); }

RepairDialog *IntegrityView::repairDialog() const { return m_dialog.data(); }

void IntegrityView::changeEvent(QEvent *event)
{
    // The summary's icon is a pixmap in the palette's colours: repaint it
    // when the theme changes (only while it shows a report).
    if (event->type() == QEvent::PaletteChange && m_phase == Phase::Idle && m_report &&
        m_summary->text() == reportSummary(*m_report))
        showReportSummary();
    QWidget::changeEvent(event);
}

void IntegrityView::setSummary(const QString &text, const QIcon &icon)
{
    m_summary->setText(text);
    m_summaryIcon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(24, 24));
}

void IntegrityView::setPhase(Phase phase)
{
    m_phase = phase;
    const bool idle = phase == Phase::Idle;
    m_quick->setEnabled(idle);
    m_full->setEnabled(idle);
    const bool cancellable = phase == Phase::Verifying || phase == Phase::Repairing;
    m_cancel->setVisible(cancellable);
    m_progress->setVisible(phase != Phase::Idle && phase != Phase::Reviewing);
    if (phase == Phase::Releasing || phase == Phase::Planning || phase == Phase::Reopening) m_progress->setRange(0, 0);
    const bool problems = m_report && !m_report->clean() && !m_report->cancelled;
    m_plan->setEnabled(idle && problems);
    if (idle) emit this->idle();
}

// ------------------------------------------------------------------ verify

void IntegrityView::verify(bool full)
{
    if (m_phase == Phase::Idle) startVerify(full);
}

void IntegrityView::startVerify(bool full)
{
    const QString path = m_path;
    QFuture<VerifyOutcome> future = startVerifyTask(path, full);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    setPhase(Phase::Verifying);
    setSummary(full ? tr("Full verification running…") : tr("Quick verification running…"));
    m_verifyWatcher.setFuture(future);
    const QString name = QDir(m_path).dirName();
    TaskMonitor::trackGlobal(full ? tr("Full verification of %1").arg(name) : tr("Verification of %1").arg(name),
                             QFuture<void>(future));
}

void IntegrityView::cancel()
{
    if (m_phase == Phase::Verifying)
        m_verifyWatcher.cancel();
    else if (m_phase == Phase::Repairing)
        m_repairWatcher.cancel();
}

void IntegrityView::verifyFinished()
{
    const QFuture<VerifyOutcome> f = m_verifyWatcher.future();
    const bool cancelled =
        f.isCanceled() || f.resultCount() == 0 || (f.result().report && f.result().report->cancelled);
    if (cancelled) {
        setSummary(m_report ? tr("Verification cancelled; the findings below are from the run before.")
                            : tr("Verification cancelled."));
        emit verifyCancelled();
        m_planAfterVerify = false;
        reopenIfClosed();
        return;
    }
    const VerifyOutcome out = f.result();
    if (!out.report) {
        setSummary(tr("Verification failed: %1").arg(out.error),
                   severityIcon(Finding::Severity::Error, isDarkPalette(palette())));
        m_planAfterVerify = false;
        reopenIfClosed();
        return;
    }
    showReport(*out.report);
    updateHealthOfSession(*out.report);
    emit verified(*out.report);
    if (m_planAfterVerify) {
        m_planAfterVerify = false;
        if (!out.report->clean()) {
            startPlanning();
            return;
        }
        m_summary->setText(m_summary->text() + QLatin1Char(' ') +
                           tr("Verified again after closing the index: nothing to repair."));
        reopenIfClosed();
        return;
    }
    reopenIfClosed(); // after a failed repair the index was still closed
}

void IntegrityView::showReport(const VerifyReport &report)
{
    if (report.cancelled) return;
    m_report = report;
    m_model->setReport(report);
    m_map->setReport(report);
    m_tree->expandAll();
    m_treeEmpty->setText(tr("No findings: every check passed."));
    m_treeEmpty->setVisible(report.findings.isEmpty());
    showReportSummary();
    setPhase(m_phase); // Plan Repair follows the report
}

void IntegrityView::showReportSummary()
{
    if (!m_report) return;
    const VerifyReport &report = *m_report;
    const bool dark = isDarkPalette(palette());
    if (report.clean()) {
        setSummary(reportSummary(report), cleanIcon(dark));
    } else {
        const Finding::Severity worst =
            countOf(report, Finding::Severity::Error) > 0 ? Finding::Severity::Error : Finding::Severity::Warning;
        setSummary(reportSummary(report), severityIcon(worst, dark));
    }
}

QString IntegrityView::reportSummary(const VerifyReport &r) const
{
    const QString kind = r.full ? tr("Full verification") : tr("Quick verification");
    QString checked = tr("%1 in %Ln file(s) checked in %2", nullptr, r.filesChecked)
                          .arg(formatBytes(r.bytesChecked), formatMilliseconds(double(r.elapsedMs)));
    if (r.elapsedMs > 0 && r.bytesChecked > 0)
        checked += QLatin1Char(' ') +
                   tr("(%1 GB/s)").arg(QLocale().toString(double(r.bytesChecked) / double(r.elapsedMs) / 1e6, 'f', 2));
    const int notes = countOf(r, Finding::Severity::Info);
    QString head;
    if (r.clean()) {
        head = notes > 0 ? tr("No problems (%n note(s)).", nullptr, notes) : tr("No problems.");
    } else {
        QStringList parts;
        if (const int e = countOf(r, Finding::Severity::Error)) parts << tr("%n error(s)", nullptr, e);
        if (const int w = countOf(r, Finding::Severity::Warning)) parts << tr("%n warning(s)", nullptr, w);
        if (notes) parts << tr("%n note(s)", nullptr, notes);
        head = tr("%n problem(s): %1.", nullptr, r.problemCount()).arg(parts.join(QStringLiteral(", ")));
    }
    QString items;
    if (r.liveItems >= 0)
        items = QLatin1Char(' ') + tr("%Ln readable item(s).", nullptr, int(std::min<qint64>(r.liveItems, INT_MAX)));
    return tr("%1 %2: %3.%4").arg(head, kind, checked, items);
}

void IntegrityView::updateHealthOfSession(const VerifyReport &report)
{
    if (m_session) m_session->setHealthFrom(report);
}

void IntegrityView::selectFinding(int finding)
{
    const QModelIndex index = m_model->indexOfFinding(finding);
    if (!index.isValid()) return;
    m_tree->expand(index.parent());
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void IntegrityView::selectFile(const QString &file)
{
    const QModelIndex index = m_model->indexOfFile(file);
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    } else {
        m_tree->clearSelection();
    }
}

// ------------------------------------------------------------------ repair

void IntegrityView::planRepair()
{
    if (m_phase != Phase::Idle || !m_report || m_report->clean()) return;
    m_result->hide();
    if (m_session && !m_session->isReadOnly() && !m_session->isReleased()) {
        // This window holds the writer lock the repair needs: close the index,
        // then verify again, since closing checkpoints and changes the folder.
        setPhase(Phase::Releasing);
        setSummary(tr("Closing the index for the repair…"));
        whenFinished(this, m_session->releaseIndex(), [this](const QFuture<Error> &) {
            m_closedForRepair = true;
            m_planAfterVerify = true;
            startVerify(m_report->full);
        });
        return;
    }
    startPlanning();
}

void IntegrityView::startPlanning()
{
    setPhase(Phase::Planning);
    setSummary(tr("Planning the repair…"));
    const QString path = m_path;
    const VerifyReport report = *m_report;
    m_planWatcher.setFuture(QtConcurrent::run([path, report]() {
        PlanOutcome out;
        Result<RepairPlan> r = sextant::planRepair(path, report);
        if (r.ok())
            out.plan = r.takeValue();
        else
            out.error = userMessageText(r.error(), ErrorContext::Repair);
        return out;
    }));
}

void IntegrityView::planFinished()
{
    const PlanOutcome out = m_planWatcher.result();
    showReportSummary();
    if (!out.plan) {
        setSummary(tr("The repair could not be planned: %1").arg(out.error),
                   severityIcon(Finding::Severity::Error, isDarkPalette(palette())));
        emit planFailed(out.error);
        reopenIfClosed();
        return;
    }
    setPhase(Phase::Reviewing);
    if (m_dialog) m_dialog->deleteLater();
    m_dialog = new RepairDialog(*out.plan, RepairDialog::defaultBackupPath(m_path, QDateTime::currentDateTime()),
                                m_closedForRepair, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this,
            [this, dialog = m_dialog]() { runRepair(dialog->plan(), dialog->options()); });
    connect(m_dialog, &QDialog::rejected, this, [this]() { reopenIfClosed(); });
    m_dialog->open();
    emit planShown();
}

void IntegrityView::runRepair(const RepairPlan &plan, RepairOptions options)
{
    setPhase(Phase::Repairing);
    m_progress->setRange(0, std::max<int>(1, int(plan.steps.size())));
    m_progress->setValue(0);
    setSummary(tr("Repairing…"));
    QFuture<RepairOutcome> future = QtConcurrent::run([plan, options](QPromise<RepairOutcome> &promise) mutable {
        // Progress goes through the future's text ("step\tsteps\tsentence")
        // with an ever-growing value: QFuture drops a value that does not
        // grow, and a step may report several sentences.
        int reports = 0;
        options.progress = [&promise, &reports](int step, int steps, const QString &what) {
            promise.setProgressValueAndText(++reports, QStringLiteral("%1\t%2\t%3").arg(step).arg(steps).arg(what));
            return !promise.isCanceled();
        };
        RepairOutcome out;
        Result<RepairResult> r = sextant::runRepair(plan, options);
        if (r.ok())
            out.result = r.takeValue();
        else
            out.error = userMessageText(r.error(), ErrorContext::Repair);
        promise.addResult(out);
    });
    m_repairWatcher.setFuture(future);
    TaskMonitor::trackGlobal(tr("Repair of %1").arg(QDir(m_path).dirName()), QFuture<void>(future));
}

void IntegrityView::repairDone()
{
    const QFuture<RepairOutcome> f = m_repairWatcher.future();
    if (f.isCanceled() || f.resultCount() == 0 || !f.result().result) {
        // Cancelled (the engine stops before it publishes anything) or failed:
        // say so, and show the folder as it is now.
        const QString why = f.resultCount() > 0 && !f.result().error.isEmpty() ? f.result().error : tr("cancelled");
        m_result->showFailure(why);
        emit repairFinished(false);
        m_planAfterVerify = false;
        startVerify(m_report ? m_report->full : true); // its end reopens the index
        return;
    }
    m_lastRepair = f.result().result;
    const RepairResult &r = *m_lastRepair;
    m_result->showResult(r);
    m_result->setOpenIndexOffered(!m_session);
    showReport(r.after);
    updateHealthOfSession(r.after);
    emit repairFinished(true);
    reopenIfClosed();
}

void IntegrityView::reopenIfClosed()
{
    if (!m_closedForRepair || !m_session) {
        m_closedForRepair = false;
        setPhase(Phase::Idle);
        return;
    }
    setPhase(Phase::Reopening);
    const QString before = m_summary->text();
    const QPixmap beforeIcon = m_summaryIcon->pixmap();
    setSummary(tr("Opening the index again…"));
    whenFinished(this, m_session->reopenIndex(), [this, before, beforeIcon](const QFuture<OpenOutcome> &finished) {
        m_closedForRepair = false;
        const OpenOutcome out = finished.result();
        m_summary->setText(out.index ? before
                                     : before + QLatin1Char(' ') + tr("The index could not be opened again.") +
                                           QLatin1Char('\n') + userMessageText(out.error, ErrorContext::Open));
        m_summaryIcon->setPixmap(beforeIcon);
        setPhase(Phase::Idle);
    });
}

} // namespace sextant::ui
