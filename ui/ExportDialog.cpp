#include "ExportDialog.h"

#include "IndexSession.h"
#include "TaskMonitor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace sextant::ui {

ExportDialog::ExportDialog(IndexSession *session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Export %1").arg(session->displayName()));
    setObjectName(QStringLiteral("exportDialog"));
    resize(640, 300);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    for (formats::ExportFormat f : {formats::ExportFormat::JsonLines, formats::ExportFormat::Npy,
                                    formats::ExportFormat::Vectra, formats::ExportFormat::Archive})
        m_format->addItem(exportFormatTitle(f), int(f));
    form->addRow(tr("&Format:"), m_format);
    auto *destRow = new QHBoxLayout;
    m_destination = new QLineEdit(this);
    m_destination->setObjectName(QStringLiteral("exportDestination"));
    auto *choose = new QPushButton(tr("Choose…"), this);
    destRow->addWidget(m_destination, 1);
    destRow->addWidget(choose);
    auto *destLabel = new QLabel(tr("&Destination:"), this);
    destLabel->setBuddy(m_destination);
    form->addRow(destLabel, destRow);
    m_idsLabel = new QLabel(this);
    m_idsLabel->setWordWrap(true);
    m_idsLabel->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_idsLabel);
    layout->addLayout(form);
    m_noteLabel = new QLabel(this);
    m_noteLabel->setWordWrap(true);
    layout->addWidget(m_noteLabel);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("exportResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    layout->addStretch();
    auto *buttons = new QDialogButtonBox(this);
    m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    m_cancelButton = buttons->addButton(tr("Cancel Export"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelExportButton"));
    // Shown always (the button box shows its buttons again on every
    // relayout), enabled only while an export runs.
    m_cancelButton->setEnabled(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_destination, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(choose, &QPushButton::clicked, this, &ExportDialog::chooseDestination);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(m_closeButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(&m_watcher, &QFutureWatcher<ExportOutcome>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<ExportOutcome>::finished, this, &ExportDialog::finish);
    formatChanged();
}

ExportDialog::~ExportDialog()
{
    // The worker keeps the index alive; a cancelled stream export commits nothing.
    if (m_running) m_watcher.future().cancel();
}

void ExportDialog::setFormat(formats::ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

formats::ExportFormat ExportDialog::format() const { return formats::ExportFormat(m_format->currentData().toInt()); }

void ExportDialog::setDestination(const QString &path) { m_destination->setText(QDir::toNativeSeparators(path)); }

QString ExportDialog::destination() const { return QDir::fromNativeSeparators(m_destination->text().trimmed()); }

ExportRequest ExportDialog::request() const
{
    ExportRequest req;
    req.format = format();
    req.destination = destination();
    if (req.format == formats::ExportFormat::Npy) req.idsFile = idsFileFor(req.destination);
    return req;
}

void ExportDialog::formatChanged()
{
    if (m_session) setDestination(defaultExportPath(m_session->path(), format()));
    switch (format()) {
    case formats::ExportFormat::JsonLines:
        m_noteLabel->setText(tr("One JSON object per line with id, vector and metadata, in id order: what "
                                "\"sextant-cli insert\" and most tools read."));
        break;
    case formats::ExportFormat::Npy:
        m_noteLabel->setText(tr("The vectors as a float32 matrix (items × dimensions) for NumPy; the metadata is not "
                                "exported."));
        break;
    case formats::ExportFormat::Vectra:
        m_noteLabel->setText(tr("A Vectra LocalIndex folder (index.json) that Vectra opens and queries. The folder "
                                "must not hold an index yet."));
        break;
    case formats::ExportFormat::Archive:
        m_noteLabel->setText(tr("The index as it is now (its manifest, segments, graph and log) in one compressed "
                                "archive; File ▸ Restore Backup… turns it into an index again."));
        break;
    }
    updateState();
}

void ExportDialog::chooseDestination()
{
    QString path;
    switch (format()) {
    case formats::ExportFormat::Vectra:
        path = QFileDialog::getSaveFileName(this, tr("New Vectra Folder"), destination(), QString(), nullptr,
                                            QFileDialog::ShowDirsOnly);
        break;
    case formats::ExportFormat::JsonLines:
        path =
            QFileDialog::getSaveFileName(this, tr("Export to JSON Lines"), destination(), tr("JSON Lines (*.jsonl)"));
        break;
    case formats::ExportFormat::Npy:
        path = QFileDialog::getSaveFileName(this, tr("Export to NumPy"), destination(), tr("NumPy arrays (*.npy)"));
        break;
    case formats::ExportFormat::Archive:
        path = QFileDialog::getSaveFileName(this, tr("Backup Archive"), destination(), tr("Archives (*.tar.zst)"));
        break;
    }
    if (!path.isEmpty()) setDestination(path);
}

void ExportDialog::updateState()
{
    const bool npy = format() == formats::ExportFormat::Npy;
    m_idsLabel->setVisible(npy && !destination().isEmpty());
    if (npy) m_idsLabel->setText(tr("The ids go to %1.").arg(QDir::toNativeSeparators(idsFileFor(destination()))));
    m_exportButton->setEnabled(!m_running && !destination().isEmpty() && m_session);
    m_format->setEnabled(!m_running);
    m_destination->setEnabled(!m_running);
}

void ExportDialog::startExport()
{
    if (m_running || !m_session || destination().isEmpty()) return;
    m_running = true;
    m_cancelled = false;
    m_outcome.reset();
    m_result->clear();
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->setEnabled(true);
    updateState();
    QFuture<ExportOutcome> future = startExportTask(m_session->index(), request());
    m_watcher.setFuture(future);
    TaskMonitor::trackGlobal(tr("Exporting %1").arg(m_session->displayName()), QFuture<void>(future));
}

void ExportDialog::cancelExport()
{
    if (!m_running) return;
    m_cancelled = true;
    m_watcher.future().cancel();
    m_cancelButton->setEnabled(false);
    m_result->setText(tr("Cancelling…"));
}

void ExportDialog::finish()
{
    m_running = false;
    m_cancelButton->setEnabled(false);
    if (m_watcher.future().resultCount() > 0 && !m_watcher.future().isCanceled()) {
        m_outcome = m_watcher.future().result();
    } else {
        ExportOutcome cancelled;
        cancelled.error = tr("Export cancelled: no export was completed.");
        m_outcome = cancelled;
    }
    m_progress->setValue(m_outcome->ok ? 1000 : 0);
    m_result->setText(m_cancelled ? m_outcome->error : exportResultSentence(*m_outcome));
    updateState();
    emit exportFinished();
}

QString ExportDialog::resultText() const { return m_result->text(); }

void ExportDialog::reject()
{
    if (m_running) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

} // namespace sextant::ui
