#include "RepairDialog.h"

#include "IntegrityHealth.h"
#include "Theme.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <climits>

namespace sextant::ui {

namespace {
QString folderName(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    return clean.section(u'/', -1);
}
} // namespace

QString RepairDialog::defaultBackupPath(const QString &indexPath, const QDateTime &now)
{
    // String work only: the GUI thread does not look at the disk.
    const QString clean = QDir::cleanPath(indexPath);
    const QString parent = clean.section(u'/', 0, -2);
    return (parent.isEmpty() ? QStringLiteral("/") : parent + u'/') + folderName(clean) + QStringLiteral("-backup-") +
           now.toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".tar.zst");
}

RepairDialog::RepairDialog(const RepairPlan &plan, const QString &defaultBackup, bool indexClosed, QWidget *parent)
    : QDialog(parent), m_plan(plan)
{
    setWindowTitle(tr("Repair %1").arg(folderName(plan.path)));
    setObjectName(QStringLiteral("repairDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *heading = new QLabel(tr("<b>Repair plan for %1</b>").arg(folderName(plan.path).toHtmlEscaped()), this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    heading->setFont(f);
    layout->addWidget(heading);

    QString intro = plan.canRun()
                        ? tr("Nothing has been changed yet. Approve to carry out these %n step(s); afterwards the "
                             "index is verified again and you see the result before and after.",
                             nullptr, int(plan.steps.size()))
                    : plan.needed() ? tr("Nothing has been changed. The repair below cannot run now.")
                                    : tr("Nothing has been changed. The last report gives repair nothing to do.");
    if (indexClosed)
        intro += QLatin1Char(' ') + tr("The index is closed in this window while you decide; Cancel opens it again.");
    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    layout->addWidget(introLabel);

    auto *steps = new QTextBrowser(this);
    steps->setObjectName(QStringLiteral("repairSteps"));
    steps->setOpenLinks(false);
    steps->setHtml(stepsHtml());
    steps->setMinimumHeight(160);
    layout->addWidget(steps, 1);

    qint64 setAside = 0;
    for (const RepairStep &s : plan.steps)
        setAside += s.itemsSetAside;
    auto *total =
        new QLabel(setAside > 0 ? tr("In all, %Ln item(s) will be set aside in quarantine/, with whatever of them "
                                     "could be read. Every other item stays in the index.",
                                     nullptr, int(std::min<qint64>(setAside, INT_MAX)))
                                : tr("No item will be set aside: every item readable now stays in the index."),
                   this);
    total->setObjectName(QStringLiteral("repairSetAside"));
    total->setWordWrap(true);
    layout->addWidget(total);

    if (!plan.blockers.isEmpty()) {
        auto *blockers = new QLabel(this);
        blockers->setObjectName(QStringLiteral("repairBlockers"));
        blockers->setWordWrap(true);
        blockers->setTextFormat(Qt::RichText);
        QString html = tr("<b>The repair cannot run:</b>") + QStringLiteral("<ul style=\"margin-left:-20px\">");
        for (const QString &b : plan.blockers)
            html += QStringLiteral("<li>%1</li>").arg(b.toHtmlEscaped());
        html += QStringLiteral("</ul>");
        blockers->setText(html);
        blockers->setAutoFillBackground(true);
        QPalette p = blockers->palette();
        const bool dark = isDarkPalette(p);
        const QColor red = healthColour(BlockHealth::Error, dark);
        p.setColor(QPalette::Window, dark ? red.darker(300) : red.lighter(185));
        p.setColor(QPalette::WindowText, dark ? QColor(0xf0, 0xf0, 0xf0) : QColor(0x20, 0x20, 0x20));
        blockers->setPalette(p);
        blockers->setContentsMargins(10, 8, 10, 8);
        layout->addWidget(blockers);
    }

    m_backup = new QCheckBox(tr("Write a backup archive first"), this);
    m_backup->setObjectName(QStringLiteral("repairBackup"));
    m_backup->setChecked(true);
    m_backup->setToolTip(
        tr("A .tar.zst archive of the whole index folder as it is now, written before anything changes."));
    layout->addWidget(m_backup);
    auto *pathRow = new QHBoxLayout;
    pathRow->setContentsMargins(24, 0, 0, 0);
    m_backupPath = new QLineEdit(defaultBackup, this);
    m_backupPath->setObjectName(QStringLiteral("repairBackupPath"));
    m_changePath = new QPushButton(tr("Change…"), this);
    pathRow->addWidget(m_backupPath, 1);
    pathRow->addWidget(m_changePath);
    layout->addLayout(pathRow);

    auto *buttons = new QDialogButtonBox(this);
    m_approve = buttons->addButton(tr("Approve and Repair"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("repairApprove"));
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_backup, &QCheckBox::toggled, this, &RepairDialog::updateState);
    connect(m_backupPath, &QLineEdit::textChanged, this, &RepairDialog::updateState);
    connect(m_changePath, &QPushButton::clicked, this, &RepairDialog::chooseBackupPath);
    updateState();
    resize(680, 520);
}

QString RepairDialog::stepsHtml() const
{
    if (m_plan.steps.isEmpty()) return QStringLiteral("<p><i>%1</i></p>").arg(tr("No steps.").toHtmlEscaped());
    QString html;
    int n = 1;
    for (const RepairStep &s : m_plan.steps) {
        html += QStringLiteral("<p><b>%1. %2</b>").arg(n++).arg(repairActionLabel(s.action).toHtmlEscaped());
        if (!s.file.isEmpty()) html += QStringLiteral(" &nbsp;<code>%1</code>").arg(s.file.toHtmlEscaped());
        html += QStringLiteral("<br>%1").arg(s.description.toHtmlEscaped());
        if (s.itemsSetAside > 0)
            html += QStringLiteral("<br><i>%1</i>")
                        .arg(tr("%Ln item(s) set aside to quarantine/", nullptr,
                                int(std::min<qint64>(s.itemsSetAside, INT_MAX)))
                                 .toHtmlEscaped());
        html += QStringLiteral("</p>");
    }
    return html;
}

RepairOptions RepairDialog::options() const
{
    RepairOptions o;
    o.backup = m_backup->isChecked();
    o.backupPath = o.backup ? m_backupPath->text().trimmed() : QString();
    return o;
}

void RepairDialog::setBackup(bool backup) { m_backup->setChecked(backup); }

void RepairDialog::setBackupPath(const QString &path) { m_backupPath->setText(path); }

void RepairDialog::chooseBackupPath()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Backup Archive"), m_backupPath->text(),
                                                        tr("Zstandard tar archives (*.tar.zst)"));
    if (!chosen.isEmpty()) m_backupPath->setText(chosen);
}

void RepairDialog::updateState()
{
    const bool backup = m_backup->isChecked();
    m_backupPath->setEnabled(backup);
    m_changePath->setEnabled(backup);
    m_approve->setEnabled(m_plan.canRun() && (!backup || !m_backupPath->text().trimmed().isEmpty()));
    m_approve->setToolTip(m_plan.canRun() ? QString() : tr("The plan cannot run; see why above."));
}

} // namespace sextant::ui
