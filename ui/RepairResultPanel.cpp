#include "RepairResultPanel.h"

#include "IntegrityHealth.h"
#include "Theme.h"

#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <climits>

namespace sextant::ui {

namespace {
enum Row { ProblemsRow = 1, ErrorsRow, WarningsRow, ItemsRow, RowCount };

int countOf(const VerifyReport &r, Finding::Severity s)
{
    int n = 0;
    for (const Finding &f : r.findings)
        n += f.severity == s;
    return n;
}

QString itemsText(qint64 items) { return items < 0 ? RepairResultPanel::tr("not counted") : QLocale().toString(items); }
} // namespace

RepairResultPanel::RepairResultPanel(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("repairResult"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_icon = new QLabel(this);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("repairResultHeading"));
    m_heading->setWordWrap(true);
    QFont f = m_heading->font();
    f.setBold(true);
    m_heading->setFont(f);
    top->addWidget(m_icon);
    top->addWidget(m_heading, 1);
    m_openIndex = new QPushButton(tr("Open Index"), this);
    m_openIndex->setObjectName(QStringLiteral("repairOpenIndex"));
    m_openIndex->setToolTip(tr("Open the repaired index in this tab."));
    m_openIndex->hide();
    auto *dismiss = new QToolButton(this);
    dismiss->setText(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    top->addWidget(m_openIndex);
    top->addWidget(dismiss);
    layout->addLayout(top);

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);

    m_table = new QWidget(this);
    m_grid = new QGridLayout(m_table);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(24);
    const QString headers[] = {QString(), tr("Before"), tr("After")};
    for (int c = 0; c < 3; ++c) {
        auto *h = new QLabel(QStringLiteral("<b>%1</b>").arg(headers[c]), m_table);
        m_grid->addWidget(h, 0, c);
    }
    const QString rowNames[] = {{}, tr("Problems:"), tr("Errors:"), tr("Warnings:"), tr("Readable items:")};
    for (int r = ProblemsRow; r < RowCount; ++r) {
        m_grid->addWidget(new QLabel(rowNames[r], m_table), r, 0);
        for (int c = 1; c < 3; ++c) {
            auto *v = new QLabel(m_table);
            v->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_grid->addWidget(v, r, c);
        }
    }
    m_grid->setColumnStretch(3, 1);
    layout->addWidget(m_table);

    m_backup = new QLabel(this);
    m_backup->setObjectName(QStringLiteral("repairResultBackup"));
    m_backup->setWordWrap(true);
    m_backup->setTextFormat(Qt::RichText);
    m_backup->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_quarantine = new QLabel(this);
    m_quarantine->setObjectName(QStringLiteral("repairResultQuarantine"));
    m_quarantine->setWordWrap(true);
    m_quarantine->setTextFormat(Qt::RichText);
    m_quarantine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_backup);
    layout->addWidget(m_quarantine);

    m_logToggle = new QToolButton(this);
    m_logToggle->setText(tr("Repair log"));
    m_logToggle->setCheckable(true);
    m_logToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_logToggle->setArrowType(Qt::RightArrow);
    m_logToggle->setAutoRaise(true);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("repairLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumHeight(140);
    m_log->hide();
    layout->addWidget(m_logToggle);
    layout->addWidget(m_log);

    connect(m_logToggle, &QToolButton::toggled, this, [this](bool on) {
        m_log->setVisible(on);
        m_logToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_openIndex, &QPushButton::clicked, this, &RepairResultPanel::openIndexRequested);
    connect(dismiss, &QToolButton::clicked, this, [this]() {
        hide();
        emit dismissed();
    });
}

void RepairResultPanel::setValue(int row, int column, const QString &text)
{
    if (auto *label = qobject_cast<QLabel *>(m_grid->itemAtPosition(row, column)->widget())) label->setText(text);
}

void RepairResultPanel::showResult(const RepairResult &r)
{
    const bool dark = isDarkPalette(palette());
    const bool clean = r.after.clean();
    m_icon->setPixmap((clean ? cleanIcon(dark) : severityIcon(Finding::Severity::Warning, dark)).pixmap(24, 24));
    m_heading->setText(clean ? tr("Repaired: the index verifies clean.")
                             : tr("Repaired, but %n problem(s) remain.", nullptr, r.after.problemCount()));
    m_note->hide();
    // Never let a clean report hide lost items: readable before, neither
    // readable after nor set aside in quarantine/ (docs/design.md, invariant 6).
    const qint64 missing = r.itemsBefore >= 0 && r.itemsAfter >= 0 ? r.itemsBefore - r.itemsAfter - r.itemsSetAside : 0;
    if (missing > 0) {
        m_icon->setPixmap(severityIcon(Finding::Severity::Error, dark).pixmap(24, 24));
        m_heading->setText(tr("Repaired, but %Ln item(s) readable before are neither in the index nor in quarantine/.",
                              nullptr, int(std::min<qint64>(missing, INT_MAX))));
        m_note->setText(r.backupFile.isEmpty() ? tr("No backup archive was written.")
                                               : tr("The backup archive holds the index as it was before the repair."));
        m_note->show();
    }
    m_table->show();
    setValue(ProblemsRow, 1, QLocale().toString(r.before.problemCount()));
    setValue(ProblemsRow, 2, QLocale().toString(r.after.problemCount()));
    setValue(ErrorsRow, 1, QLocale().toString(countOf(r.before, Finding::Severity::Error)));
    setValue(ErrorsRow, 2, QLocale().toString(countOf(r.after, Finding::Severity::Error)));
    setValue(WarningsRow, 1, QLocale().toString(countOf(r.before, Finding::Severity::Warning)));
    setValue(WarningsRow, 2, QLocale().toString(countOf(r.after, Finding::Severity::Warning)));
    setValue(ItemsRow, 1, itemsText(r.itemsBefore));
    setValue(ItemsRow, 2,
             r.itemsSetAside > 0
                 ? tr("%1 (%Ln set aside in quarantine/)", nullptr, int(std::min<qint64>(r.itemsSetAside, INT_MAX)))
                       .arg(itemsText(r.itemsAfter))
                 : itemsText(r.itemsAfter));
    m_backup->setText(r.backupFile.isEmpty()
                          ? tr("Backup: none (declined).")
                          : tr("Backup: %1").arg(QDir::toNativeSeparators(r.backupFile).toHtmlEscaped()));
    m_backup->show();
    QStringList quarantined;
    for (const QString &file : r.quarantined)
        quarantined << QDir::toNativeSeparators(file).toHtmlEscaped();
    m_quarantine->setText(
        r.quarantined.isEmpty()
            ? tr("Quarantine: nothing was set aside.")
            : tr("Quarantine (%n file(s)): %1", nullptr, int(r.quarantined.size()))
                  .arg(QStringLiteral("<br>&nbsp;&nbsp;") + quarantined.join(QStringLiteral("<br>&nbsp;&nbsp;"))));
    m_quarantine->show();
    m_log->setPlainText(r.log.join(u'\n'));
    m_logToggle->setVisible(!r.log.isEmpty());
    show();
}

void RepairResultPanel::showFailure(const QString &message)
{
    m_icon->setPixmap(severityIcon(Finding::Severity::Error, isDarkPalette(palette())).pixmap(24, 24));
    m_heading->setText(tr("The repair did not finish: %1").arg(message));
    m_note->setText(tr("The findings below are a new verification of the folder as it is now."));
    m_note->show();
    m_table->hide();
    m_backup->hide();
    m_quarantine->hide();
    m_logToggle->hide();
    m_log->hide();
    m_openIndex->hide();
    show();
}

void RepairResultPanel::addNote(const QString &note)
{
    m_note->setText(m_note->isHidden() || m_note->text().isEmpty() ? note : m_note->text() + u' ' + note);
    m_note->show();
}

void RepairResultPanel::setOpenIndexOffered(bool offered) { m_openIndex->setVisible(offered); }

QString RepairResultPanel::headingText() const { return m_heading->text(); }

QString RepairResultPanel::comparisonText() const
{
    QStringList lines;
    for (int r = ProblemsRow; r < RowCount; ++r) {
        QStringList cells;
        for (int c = 0; c < 3; ++c)
            if (auto *l = qobject_cast<QLabel *>(m_grid->itemAtPosition(r, c)->widget())) cells << l->text();
        lines << cells.join(u' ');
    }
    return lines.join(u'\n');
}

} // namespace sextant::ui
