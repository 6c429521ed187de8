#include "ImportDialog.h"

#include "AsyncTask.h"

#include "Format.h"
#include "ImportReportModel.h"
#include "IndexSession.h"
#include "TaskMonitor.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sextant::ui {

namespace {

QLabel *sentenceLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void makeErrorColoured(QLabel *label)
{
    QPalette p = label->palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    p.setColor(QPalette::WindowText, dark ? QColor(255, 130, 130) : QColor(180, 0, 0));
    label->setPalette(p);
}

int countOf(const QList<ImportInput> &inputs, ImportInputKind kind)
{
    return int(std::count_if(inputs.begin(), inputs.end(), [kind](const ImportInput &in) { return in.kind == kind; }));
}

} // namespace

ImportDialog::ImportDialog(IndexSession *session, QWidget *parent) : QDialog(parent), m_session(session) { build(); }

ImportDialog::ImportDialog(QWidget *parent) : QDialog(parent) { build(); }

ImportDialog::~ImportDialog() = default;

void ImportDialog::build()
{
    setWindowTitle(m_session ? tr("Import into %1").arg(m_session->displayName()) : tr("Import into a New Index"));
    setObjectName(QStringLiteral("importDialog"));
    resize(860, 560);
    m_pages = new QStackedWidget(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    // ---- the plan
    auto *plan = new QWidget(m_pages);
    auto *planLayout = new QVBoxLayout(plan);
    planLayout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(plan);
    m_heading->setObjectName(QStringLiteral("importHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setText(m_session ? tr("<b>Import into %1</b>").arg(m_session->displayName().toHtmlEscaped())
                                 : tr("<b>Import into a new index</b>"));
    planLayout->addWidget(m_heading);
    m_looking = new QLabel(tr("Looking at what was chosen…"), plan);
    m_looking->setForegroundRole(QPalette::PlaceholderText);
    planLayout->addWidget(m_looking);
    m_inputList = new QTreeWidget(plan);
    m_inputList->setObjectName(QStringLiteral("importInputs"));
    m_inputList->setHeaderLabels({tr("Path"), tr("What it is")});
    m_inputList->setRootIsDecorated(false);
    m_inputList->setUniformRowHeights(true);
    m_inputList->header()->setStretchLastSection(true);
    planLayout->addWidget(m_inputList, 1);

    m_newIndexBox = new QGroupBox(tr("New index"), plan);
    auto *newForm = new QFormLayout(m_newIndexBox);
    auto *folderRow = new QHBoxLayout;
    m_folderEdit = new QLineEdit(m_newIndexBox);
    m_folderEdit->setObjectName(QStringLiteral("newIndexFolder"));
    m_folderEdit->setToolTip(tr("The folder the new index is created in; it must not exist yet or be empty."));
    auto *browse = new QPushButton(tr("Choose…"), m_newIndexBox);
    folderRow->addWidget(m_folderEdit, 1);
    folderRow->addWidget(browse);
    auto *folderLabel = new QLabel(tr("&Folder:"), m_newIndexBox);
    folderLabel->setBuddy(m_folderEdit);
    newForm->addRow(folderLabel, folderRow);
    m_schemaLabel = sentenceLabel(m_newIndexBox, QStringLiteral("newIndexSchema"));
    newForm->addRow(tr("Shape:"), m_schemaLabel);
    m_newIndexBox->setVisible(!m_session);
    planLayout->addWidget(m_newIndexBox);

    m_documentsBox = new QGroupBox(tr("Documents"), plan);
    auto *docForm = new QFormLayout(m_documentsBox);
    auto *chunkRow = new QHBoxLayout;
    m_chunkSize = new QSpinBox(m_documentsBox);
    m_chunkSize->setObjectName(QStringLiteral("chunkSize"));
    m_chunkSize->setRange(50, 100000);
    // The last import's chunking: documents imported again with the same
    // chunking and unchanged bytes are left as they are ("unchanged").
    QSettings settings;
    const documents::DocumentImportOptions defaults;
    m_chunkSize->setValue(settings.value(QStringLiteral("import/chunkSize"), defaults.chunkSize).toInt());
    m_chunkSize->setToolTip(tr("At most this many characters (or tokens) per chunk; each chunk becomes one item."));
    m_chunkOverlap = new QSpinBox(m_documentsBox);
    m_chunkOverlap->setObjectName(QStringLiteral("chunkOverlap"));
    m_chunkOverlap->setRange(0, m_chunkSize->value() / 4);
    m_chunkOverlap->setValue(settings.value(QStringLiteral("import/chunkOverlap"), defaults.chunkOverlap).toInt());
    m_chunkOverlap->setToolTip(tr("How much of the chunk before each chunk repeats (at most a quarter of the size), "
                                  "so that a sentence cut at a break is still found whole."));
    m_chunkUnit = new QComboBox(m_documentsBox);
    m_chunkUnit->setObjectName(QStringLiteral("chunkUnit"));
    m_chunkUnit->addItem(tr("characters"), int(documents::ChunkUnit::Characters));
    m_chunkUnit->addItem(tr("tokens"), int(documents::ChunkUnit::Tokens));
    m_chunkUnit->setCurrentIndex(
        qMax(0, m_chunkUnit->findData(settings.value(QStringLiteral("import/chunkUnit")).toInt())));
    chunkRow->addWidget(new QLabel(tr("size"), m_documentsBox));
    chunkRow->addWidget(m_chunkSize);
    chunkRow->addSpacing(12);
    chunkRow->addWidget(new QLabel(tr("overlap"), m_documentsBox));
    chunkRow->addWidget(m_chunkOverlap);
    chunkRow->addSpacing(12);
    chunkRow->addWidget(m_chunkUnit);
    chunkRow->addStretch();
    docForm->addRow(tr("Chunks:"), chunkRow);
    m_embedderLabel = sentenceLabel(m_documentsBox, QStringLiteral("embedderLabel"));
    docForm->addRow(tr("Embedder:"), m_embedderLabel);
    planLayout->addWidget(m_documentsBox);

    m_vectorsBox = new QGroupBox(tr("Vectors"), plan);
    auto *vecLayout = new QVBoxLayout(m_vectorsBox);
    m_upsert = new QCheckBox(tr("&Replace items whose id is already in the index (upsert)"), m_vectorsBox);
    m_upsert->setObjectName(QStringLiteral("upsertCheck"));
    m_upsert->setToolTip(tr("Without it, an item whose id is taken is left out and listed in the report."));
    vecLayout->addWidget(m_upsert);
    planLayout->addWidget(m_vectorsBox);

    m_refusalLabel = sentenceLabel(plan, QStringLiteral("importRefusal"));
    makeErrorColoured(m_refusalLabel);
    m_refusalLabel->hide();
    planLayout->addWidget(m_refusalLabel);

    auto *planButtons = new QDialogButtonBox(plan);
    m_importButton = planButtons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setDefault(true);
    m_importButton->setEnabled(false);
    m_planCancelButton = planButtons->addButton(QDialogButtonBox::Cancel);
    planLayout->addWidget(planButtons);
    m_pages->addWidget(plan);

    // ---- the run and its report
    auto *run = new QWidget(m_pages);
    auto *runLayout = new QVBoxLayout(run);
    runLayout->setContentsMargins(0, 0, 0, 0);
    m_phaseLabel = sentenceLabel(run, QStringLiteral("importPhase"));
    m_phaseLabel->setTextInteractionFlags(Qt::NoTextInteraction);
    runLayout->addWidget(m_phaseLabel);
    m_progress = new QProgressBar(run);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 0);
    runLayout->addWidget(m_progress);
    m_countsLabel = sentenceLabel(run, QStringLiteral("importCounts"));
    runLayout->addWidget(m_countsLabel);
    m_report = new ImportReportModel(this);
    m_reportView = new QTableView(run);
    m_reportView->setObjectName(QStringLiteral("importReport"));
    m_reportView->setModel(m_report);
    m_reportView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reportView->setAlternatingRowColors(true);
    m_reportView->setWordWrap(false);
    m_reportView->setTextElideMode(Qt::ElideRight);
    m_reportView->verticalHeader()->hide();
    m_reportView->verticalHeader()->setDefaultSectionSize(m_reportView->fontMetrics().height() + 8);
    m_reportView->horizontalHeader()->setStretchLastSection(true);
    m_reportView->setColumnWidth(ImportReportModel::FileColumn, 190);
    m_reportView->setColumnWidth(ImportReportModel::TitleColumn, 190);
    m_reportView->setColumnWidth(ImportReportModel::OutcomeColumn, 130);
    m_reportView->setColumnWidth(ImportReportModel::CountColumn, 90);
    m_reportView->setColumnWidth(ImportReportModel::SizeColumn, 80);
    runLayout->addWidget(m_reportView, 1);
    m_summaryLabel = sentenceLabel(run, QStringLiteral("importSummary"));
    QFont bold = m_summaryLabel->font();
    bold.setBold(true);
    m_summaryLabel->setFont(bold);
    runLayout->addWidget(m_summaryLabel);
    auto *runButtons = new QDialogButtonBox(run);
    m_cancelButton = runButtons->addButton(tr("Cancel Import"), QDialogButtonBox::RejectRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelImportButton"));
    m_cancelButton->setToolTip(tr("Stop after the current document or batch; what was written stays in the index."));
    m_closeButton = runButtons->addButton(QDialogButtonBox::Close);
    m_closeButton->hide();
    runLayout->addWidget(runButtons);
    m_pages->addWidget(run);

    connect(m_chunkSize, &QSpinBox::valueChanged, this, [this](int size) { m_chunkOverlap->setMaximum(size / 4); });
    // The chunker's floor: 50 characters or 10 tokens.
    connect(m_chunkUnit, &QComboBox::currentIndexChanged, this, [this]() {
        m_chunkSize->setMinimum(
            documents::ChunkUnit(m_chunkUnit->currentData().toInt()) == documents::ChunkUnit::Tokens ? 10 : 50);
    });
    // The remembered size may be in tokens, below the characters' floor.
    if (documents::ChunkUnit(m_chunkUnit->currentData().toInt()) == documents::ChunkUnit::Tokens) {
        m_chunkSize->setMinimum(10);
        m_chunkSize->setValue(settings.value(QStringLiteral("import/chunkSize"), defaults.chunkSize).toInt());
        m_chunkOverlap->setValue(settings.value(QStringLiteral("import/chunkOverlap"), defaults.chunkOverlap).toInt());
    }
    connect(m_folderEdit, &QLineEdit::textChanged, this, &ImportDialog::updatePlanState);
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString folder = QFileDialog::getSaveFileName(this, tr("New Index Folder"), m_folderEdit->text(),
                                                            QString(), nullptr, QFileDialog::ShowDirsOnly);
        if (!folder.isEmpty()) m_folderEdit->setText(QDir::toNativeSeparators(folder));
    });
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_planCancelButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(m_closeButton, &QPushButton::clicked, this, &ImportDialog::accept);
    if (m_session) {
        connect(m_session, &QObject::destroyed, this, [this]() {
            // The index was closed: a plan for it means nothing any more.
            if (!isRunning() && !m_finished) reject();
        });
    }
}

void ImportDialog::setPaths(const QStringList &paths)
{
    const quint64 serial = ++m_requestSerial;
    m_planReady = false;
    m_looking->show();
    whenFinished(this, classifyImportInputsAsync(paths), [this, serial](const QFuture<QList<ImportInput>> &finished) {
        if (serial == m_requestSerial) setInputs(finished.result());
    });
}

void ImportDialog::setInputs(const QList<ImportInput> &inputs)
{
    m_inputs = inputs;
    m_looking->hide();
    if (m_folderEdit->text().isEmpty() && !inputs.isEmpty()) {
        QString base = QFileInfo(inputs.first().path).completeBaseName();
        if (base.isEmpty()) base = QStringLiteral("imported");
        setNewIndexFolder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                          QStringLiteral("/Sextant/") + base + QStringLiteral("-index"));
    }
    if (!m_session) {
        // The new index's shape may need a vector source opened: a worker's job.
        m_newSchema.reset();
        m_newSchemaError.clear();
        m_schemaLabel->setText(tr("Reading the shape of the vectors…"));
        const quint64 serial = m_requestSerial;
        whenFinished(this, schemaForNewIndexAsync(inputs), [this, serial](const QFuture<Result<Schema>> &finished) {
            if (serial != m_requestSerial) return;
            const Result<Schema> schema = finished.result();
            if (schema.ok())
                m_newSchema = *schema;
            else
                m_newSchemaError = schema.error().message();
            showPlan();
        });
        return;
    }
    showPlan();
}

void ImportDialog::setNewIndexFolder(const QString &folder) { m_folderEdit->setText(QDir::toNativeSeparators(folder)); }

QString ImportDialog::newIndexFolder() const { return QDir::fromNativeSeparators(m_folderEdit->text().trimmed()); }

void ImportDialog::setHeading(const QString &text)
{
    m_heading->setText(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
}

void ImportDialog::showPlan()
{
    m_inputList->clear();
    for (const ImportInput &in : std::as_const(m_inputs)) {
        auto *item = new QTreeWidgetItem(m_inputList, {QDir::toNativeSeparators(in.path), describeImportInput(in)});
        item->setToolTip(0, QDir::toNativeSeparators(in.path));
        const bool unreadable = in.kind == ImportInputKind::Missing || in.kind == ImportInputKind::NotDocument;
        const QStyle::StandardPixmap icon = unreadable    ? QStyle::SP_MessageBoxWarning
                                            : in.isFolder ? QStyle::SP_DirIcon
                                                          : QStyle::SP_FileIcon;
        item->setIcon(0, style()->standardIcon(icon));
    }
    m_inputList->resizeColumnToContents(0);
    m_inputList->setColumnWidth(0, qMin(m_inputList->columnWidth(0), 520));

    const Schema schema = m_session ? m_session->schema() : m_newSchema.value_or(Schema{});
    if (!m_session) {
        if (m_newSchema) {
            QString shape = tr("%n dimension(s), %1", nullptr, schema.dimensions).arg(metricName(schema.metric));
            if (!schema.embedder.isEmpty()) shape += tr(", made for documents (embedder %1)").arg(schema.embedder);
            m_schemaLabel->setText(shape);
        } else {
            m_schemaLabel->setText(m_newSchemaError);
        }
    }
    m_embedderLabel->setText(schema.embedder.isEmpty() ? tr("none") : schema.embedder);
    m_documentsBox->setVisible(countOf(m_inputs, ImportInputKind::Documents) > 0);
    m_vectorsBox->setVisible(countOf(m_inputs, ImportInputKind::Vectors) > 0 && m_session);
    m_planReady = true;
    updatePlanState();
    if (m_importButton->isEnabled()) m_importButton->setFocus();
    emit planReady();
}

void ImportDialog::updatePlanState()
{
    if (!m_planReady) return;
    const int documents = countOf(m_inputs, ImportInputKind::Documents);
    const int vectors = countOf(m_inputs, ImportInputKind::Vectors);
    const int indexes = countOf(m_inputs, ImportInputKind::SextantIndex);
    const int unreadable =
        countOf(m_inputs, ImportInputKind::NotDocument) + countOf(m_inputs, ImportInputKind::Missing);
    QStringList problems;
    bool possible = documents + vectors > 0;
    if (m_session && m_session->isReadOnly()) {
        problems << tr("This index is open read-only, so nothing can be imported into it.");
        possible = false;
    } else if (m_session && m_session->schema().embedder.isEmpty() && documents > 0) {
        problems << documentsRefusedSentence();
        if (vectors == 0)
            possible = false;
        else
            problems << tr("Only the vector files will be imported.");
    }
    if (!m_session) {
        if (!m_newSchema) {
            if (!m_newSchemaError.isEmpty()) problems << m_newSchemaError;
            possible = false;
        }
        if (newIndexFolder().isEmpty()) {
            problems << tr("Choose the folder of the new index.");
            possible = false;
        }
    }
    if (indexes > 0) problems << tr("%n folder(s) hold a Sextant index; they are not imported.", nullptr, indexes);
    if (documents + vectors == 0 && indexes == 0)
        problems << tr("Nothing here can be imported: Sextant reads documents (text, Markdown, HTML, PDF, source code, "
                       "zip or tar archives) and vector files (JSON Lines, CSV, .npy, .fvecs, .bvecs, Vectra and "
                       "LangChain folders).");
    else if (unreadable > 0)
        problems << tr("%n path(s) cannot be imported and will be listed as failed.", nullptr, unreadable);
    m_refusal = problems.join(QLatin1Char(' '));
    m_refusalLabel->setText(m_refusal);
    m_refusalLabel->setVisible(!m_refusal.isEmpty());
    m_importButton->setEnabled(possible);
}

bool ImportDialog::canImport() const { return m_planReady && m_importButton->isEnabled(); }

ImportRequest ImportDialog::request() const
{
    ImportRequest req;
    const bool refuseDocuments = m_session && m_session->schema().embedder.isEmpty();
    for (const ImportInput &in : m_inputs) {
        if (in.kind == ImportInputKind::SextantIndex) continue;
        if (in.kind == ImportInputKind::Documents && refuseDocuments) continue;
        req.inputs.append(in);
    }
    req.documents.chunkSize = m_chunkSize->value();
    req.documents.chunkOverlap = m_chunkOverlap->value();
    req.documents.unit = documents::ChunkUnit(m_chunkUnit->currentData().toInt());
    req.vectors.upsert = m_upsert->isChecked();
    if (!m_session) {
        req.createPath = newIndexFolder();
        if (m_newSchema) req.createSchema = *m_newSchema;
    }
    return req;
}

bool ImportDialog::isRunning() const { return m_task && m_task->isRunning(); }

void ImportDialog::startImport()
{
    if (!canImport() || m_task) return;
    const ImportRequest req = request();
    if (countOf(m_inputs, ImportInputKind::Documents) > 0) {
        QSettings settings;
        settings.setValue(QStringLiteral("import/chunkSize"), req.documents.chunkSize);
        settings.setValue(QStringLiteral("import/chunkOverlap"), req.documents.chunkOverlap);
        settings.setValue(QStringLiteral("import/chunkUnit"), int(req.documents.unit));
    }
    std::shared_ptr<Index> index = m_session ? m_session->index() : nullptr;
    m_task = new ImportTask(index, req, this);
    m_pages->setCurrentIndex(1);
    m_phaseLabel->setText(tr("Starting…"));
    connect(m_task, &ImportTask::progressChanged, this, &ImportDialog::updateProgress);
    connect(m_task, &ImportTask::rowsAdded, this, [this](const QList<ImportReportRow> &rows) {
        m_report->appendRows(rows);
        m_reportView->scrollToBottom();
        if (m_session) m_session->refreshSoon();
    });
    connect(m_task, &ImportTask::finished, this, &ImportDialog::finish);
    const QString target = m_session ? m_session->displayName() : QFileInfo(req.createPath).fileName();
    TaskMonitor::trackGlobal(tr("Importing into %1").arg(target), m_task->future());
    emit importStarted();
}

QString ImportDialog::progressText() const { return m_countsLabel->text(); }

void ImportDialog::updateProgress()
{
    if (!m_task) return;
    const ImportProgressSnapshot snap = m_task->progress();
    const documents::ImportProgress &p = snap.progress;
    QString phase = snap.phase.isEmpty() ? tr("Importing") : snap.phase;
    if (!p.current.isEmpty()) phase = tr("%1: %2").arg(phase, QDir::toNativeSeparators(p.current));
    m_phaseLabel->setText(fontMetrics().elidedText(phase, Qt::ElideMiddle, qMax(200, m_phaseLabel->width())));
    if (p.totalBytes > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::min<qint64>(1000, p.doneBytes * 1000 / p.totalBytes)));
    } else if (p.totalFiles > 0) {
        m_progress->setRange(0, p.totalFiles);
        m_progress->setValue(std::min(p.doneFiles, p.totalFiles));
    }
    QStringList parts;
    if (p.totalFiles > 0)
        parts
            << tr("file %1 of %2").arg(formatCount(std::min(p.doneFiles + 1, p.totalFiles)), formatCount(p.totalFiles));
    if (p.totalBytes > 0)
        parts << tr("%1 of %2").arg(formatBytes(p.doneBytes), formatBytes(p.totalBytes));
    else if (p.doneBytes > 0)
        parts << tr("%1 read").arg(formatBytes(p.doneBytes));
    parts << tr("%n item(s) written", nullptr, int(std::min<qint64>(p.itemsWritten, INT_MAX)));
    m_countsLabel->setText(parts.join(QStringLiteral("  ·  ")));
}

void ImportDialog::finish()
{
    m_finished = true;
    const ImportResult &r = m_task->result();
    // Rows that came with the result only (the poll hands over the rest).
    if (m_report->rowCount() < r.rows.size()) {
        m_report->clear();
        m_report->appendRows(r.rows);
    }
    m_progress->setRange(0, 1);
    m_progress->setValue(r.cancelled || !r.error.isEmpty() ? 0 : 1);
    m_phaseLabel->setText(r.cancelled          ? tr("Import cancelled.")
                          : !r.error.isEmpty() ? tr("The import stopped.")
                                               : tr("Import finished."));
    m_countsLabel->setText(tr("%1 read  ·  %n item(s) written", nullptr, int(std::min<qint64>(r.itemsWritten, INT_MAX)))
                               .arg(formatBytes(r.bytesRead)));
    m_summaryLabel->setText(importSummarySentence(r));
    if (r.failed > 0 || !r.error.isEmpty()) makeErrorColoured(m_summaryLabel);
    m_reportView->resizeColumnToContents(ImportReportModel::OutcomeColumn);
    m_cancelButton->hide();
    m_closeButton->show();
    m_closeButton->setDefault(true);
    if (m_session) m_session->refreshSoon();
    emit importFinished();
    if (r.created) emit newIndexCreated(m_task->request().createPath);
}

QString ImportDialog::summaryText() const { return m_summaryLabel->text(); }

void ImportDialog::cancelImport()
{
    if (isRunning()) {
        m_task->cancel();
        m_phaseLabel->setText(tr("Cancelling after the current document or batch…"));
        m_cancelButton->setEnabled(false);
    }
}

void ImportDialog::reject()
{
    // Escape while it runs cancels instead of hiding a running import.
    if (isRunning()) {
        cancelImport();
        return;
    }
    QDialog::reject();
}

void ImportDialog::closeEvent(QCloseEvent *event)
{
    if (isRunning()) {
        cancelImport();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

} // namespace sextant::ui
