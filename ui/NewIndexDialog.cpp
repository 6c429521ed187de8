#include "NewIndexDialog.h"

#include "Preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace sextant::ui {

namespace {
enum FieldColumn { NameColumn, TypeColumn, RequiredColumn };
}

NewIndexDialog::NewIndexDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New Index"));
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("for example: product-docs"));
    form->addRow(tr("&Name:"), m_name);

    auto *locationRow = new QHBoxLayout;
    m_location = new QLineEdit(this);
    m_location->setText(QDir::toNativeSeparators(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                                 QStringLiteral("/Sextant")));
    auto *browse = new QPushButton(tr("Choose…"), this);
    locationRow->addWidget(m_location, 1);
    locationRow->addWidget(browse);
    form->addRow(tr("Location:"), locationRow);
    m_pathPreview = new QLabel(this);
    m_pathPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pathPreview->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_pathPreview);

    m_dims = new QSpinBox(this);
    m_dims->setRange(Schema::kMinDimensions, Schema::kMaxDimensions);
    m_dims->setValue(384);
    m_dims->setToolTip(tr("The length of every vector: it must match the model that makes the embeddings "
                          "(384 for all-MiniLM-L6-v2, 1536 for text-embedding-3-small)."));
    form->addRow(tr("&Dimensions:"), m_dims);

    m_metric = new QComboBox(this);
    m_metric->addItem(tr("Cosine similarity"), int(Metric::Cosine));
    m_metric->addItem(tr("Euclidean distance (L2)"), int(Metric::L2));
    m_metric->addItem(tr("Dot product"), int(Metric::Dot));
    m_metric->setToolTip(tr("Cosine suits most text embeddings. Dot product suits vectors that are already "
                            "normalised or whose length carries meaning."));
    form->addRow(tr("&Metric:"), m_metric);

    m_durability = new QComboBox(this);
    m_durability->addItem(tr("Full: every write survives a power failure"), int(Durability::Full));
    m_durability->addItem(tr("Normal: writes survive a crash of Sextant, not of the machine"), int(Durability::Normal));
    m_durability->addItem(tr("Off: fastest, for throwaway indexes"), int(Durability::Off));
    m_durability->setCurrentIndex(m_durability->findData(int(Preferences::load().newIndexDurability)));
    form->addRow(tr("D&urability:"), m_durability);
    layout->addLayout(form);

    auto *fieldsBox = new QGroupBox(tr("Metadata fields (optional)"), this);
    auto *fieldsLayout = new QVBoxLayout(fieldsBox);
    auto *fieldsHint = new QLabel(tr("Declared fields are checked on every write and shown as columns. "
                                     "Items may carry other metadata too."),
                                  fieldsBox);
    fieldsHint->setWordWrap(true);
    fieldsLayout->addWidget(fieldsHint);
    m_fields = new QTableWidget(0, 3, fieldsBox);
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Type"), tr("Required")});
    m_fields->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_fields->horizontalHeader()->setSectionResizeMode(TypeColumn, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setSectionResizeMode(RequiredColumn, QHeaderView::ResizeToContents);
    m_fields->verticalHeader()->hide();
    m_fields->setMinimumHeight(110);
    fieldsLayout->addWidget(m_fields);
    auto *fieldButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add Field"), fieldsBox);
    auto *remove = new QPushButton(tr("&Remove Field"), fieldsBox);
    fieldButtons->addWidget(add);
    fieldButtons->addWidget(remove);
    fieldButtons->addStretch();
    fieldsLayout->addLayout(fieldButtons);
    layout->addWidget(fieldsBox);

    auto *annBox = new QGroupBox(tr("Approximate search (HNSW)"), this);
    auto *annForm = new QFormLayout(annBox);
    const AnnParams defaults;
    m_m = new QSpinBox(annBox);
    m_m->setRange(AnnParams::kMinM, AnnParams::kMaxM);
    m_m->setValue(defaults.m);
    m_m->setToolTip(tr("Links per node. More links: better recall, more memory, slower building."));
    m_efConstruction = new QSpinBox(annBox);
    m_efConstruction->setRange(AnnParams::kMinEf, AnnParams::kMaxEf);
    m_efConstruction->setValue(defaults.efConstruction);
    m_efConstruction->setToolTip(tr("Candidates considered while building. Higher: a better graph, slower building."));
    m_efSearch = new QSpinBox(annBox);
    m_efSearch->setRange(AnnParams::kMinEf, AnnParams::kMaxEf);
    m_efSearch->setValue(defaults.efSearch);
    m_efSearch->setToolTip(tr("Default candidates per query. Higher: better recall, slower queries."));
    annForm->addRow(tr("M:"), m_m);
    annForm->addRow(tr("ef construction:"), m_efConstruction);
    m_targetRecall = new QDoubleSpinBox(annBox);
    m_targetRecall->setRange(AnnParams::kMinTargetRecall * 100, AnnParams::kMaxTargetRecall * 100);
    m_targetRecall->setDecimals(1);
    m_targetRecall->setSingleStep(0.5);
    m_targetRecall->setSuffix(QStringLiteral(" %"));
    m_targetRecall->setValue(defaults.targetRecall * 100);
    m_targetRecall->setToolTip(tr("The share of the true 10 nearest neighbours searches should find. The index "
                                  "measures the ef that reaches it and uses that ef instead of ef search."));
    annForm->addRow(tr("ef search:"), m_efSearch);
    annForm->addRow(tr("Target recall@10:"), m_targetRecall);
    m_quantization = new QComboBox(annBox);
    m_quantization->addItem(tr("8-bit codes, reranked exactly (smaller, faster)"), int(Quantization::Sq8));
    m_quantization->addItem(tr("Float vectors"), int(Quantization::None));
    m_quantization->setCurrentIndex(m_quantization->findData(int(defaults.quantization)));
    m_quantization->setToolTip(tr("How the graph holds each vector. 8-bit codes take about a third of the memory and "
                                  "build faster; the best candidates are then scored again with the exact vectors, "
                                  "so results and scores are those of the full vectors."));
    annForm->addRow(tr("Graph vectors:"), m_quantization);
    layout->addWidget(annBox);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    m_error->setPalette(errorPalette);
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewIndexDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewIndexDialog::reject);
    connect(browse, &QPushButton::clicked, this, &NewIndexDialog::chooseLocation);
    connect(add, &QPushButton::clicked, this, &NewIndexDialog::addFieldRow);
    connect(remove, &QPushButton::clicked, this, &NewIndexDialog::removeFieldRow);
    connect(m_name, &QLineEdit::textChanged, this, &NewIndexDialog::updateState);
    connect(m_location, &QLineEdit::textChanged, this, &NewIndexDialog::updateState);
    connect(m_fields, &QTableWidget::itemChanged, this, &NewIndexDialog::updateState);
    updateState();
    resize(560, 640);
}

QString NewIndexDialog::indexPath() const
{
    return QDir::cleanPath(QDir::fromNativeSeparators(m_location->text().trimmed()) + u'/' + m_name->text().trimmed());
}

Schema NewIndexDialog::schema() const
{
    Schema s;
    s.dimensions = m_dims->value();
    s.metric = Metric(m_metric->currentData().toInt());
    s.ann.m = m_m->value();
    s.ann.efConstruction = m_efConstruction->value();
    s.ann.efSearch = m_efSearch->value();
    s.ann.targetRecall = m_targetRecall->value() / 100.0;
    s.ann.quantization = Quantization(m_quantization->currentData().toInt());
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        const QTableWidgetItem *name = m_fields->item(row, NameColumn);
        const auto *type = qobject_cast<QComboBox *>(m_fields->cellWidget(row, TypeColumn));
        const auto *required = qobject_cast<QCheckBox *>(m_fields->cellWidget(row, RequiredColumn));
        if (!name || name->text().trimmed().isEmpty() || !type) continue;
        s.fields.append(FieldSpec{name->text().trimmed(), FieldType(type->currentData().toInt()),
                                  required && required->isChecked()});
    }
    return s;
}

Durability NewIndexDialog::durability() const { return Durability(m_durability->currentData().toInt()); }

void NewIndexDialog::setName(const QString &name) { m_name->setText(name); }
void NewIndexDialog::setLocation(const QString &folder) { m_location->setText(QDir::toNativeSeparators(folder)); }
void NewIndexDialog::setDimensions(int dims) { m_dims->setValue(dims); }
void NewIndexDialog::setMetric(Metric metric) { m_metric->setCurrentIndex(m_metric->findData(int(metric))); }

void NewIndexDialog::addField(const QString &name, FieldType type, bool required)
{
    addFieldRow();
    const int row = m_fields->rowCount() - 1;
    m_fields->item(row, NameColumn)->setText(name);
    auto *typeBox = qobject_cast<QComboBox *>(m_fields->cellWidget(row, TypeColumn));
    typeBox->setCurrentIndex(typeBox->findData(int(type)));
    qobject_cast<QCheckBox *>(m_fields->cellWidget(row, RequiredColumn))->setChecked(required);
    updateState();
}

void NewIndexDialog::addFieldRow()
{
    const int row = m_fields->rowCount();
    m_fields->insertRow(row);
    m_fields->setItem(row, NameColumn, new QTableWidgetItem);
    auto *type = new QComboBox(m_fields);
    type->addItem(tr("Text"), int(FieldType::String));
    type->addItem(tr("Number"), int(FieldType::Number));
    type->addItem(tr("Yes/no"), int(FieldType::Bool));
    type->addItem(tr("List of texts"), int(FieldType::StringList));
    m_fields->setCellWidget(row, TypeColumn, type);
    auto *required = new QCheckBox(m_fields);
    m_fields->setCellWidget(row, RequiredColumn, required);
    m_fields->setCurrentCell(row, NameColumn);
    m_fields->editItem(m_fields->item(row, NameColumn));
}

void NewIndexDialog::removeFieldRow()
{
    const int row = m_fields->currentRow();
    if (row >= 0) m_fields->removeRow(row);
    updateState();
}

void NewIndexDialog::chooseLocation()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Choose Where to Create the Index"), m_location->text());
    if (!dir.isEmpty()) m_location->setText(QDir::toNativeSeparators(dir));
}

QString NewIndexDialog::validationError() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) return tr("Give the index a name: it becomes the name of its folder.");
    if (name.contains(u'/') || name.contains(u'\\') || name == QLatin1String(".") || name == QLatin1String(".."))
        return tr("The name must not contain slashes.");
    if (m_location->text().trimmed().isEmpty()) return tr("Choose the folder to create the index in.");
    QStringList seen;
    for (const FieldSpec &f : schema().fields) {
        if (seen.contains(f.name)) return tr("The field \"%1\" is declared twice.").arg(f.name);
        seen << f.name;
    }
    if (const Error e = schema().validateSelf()) return e.message();
    return {};
}

void NewIndexDialog::updateState()
{
    const QString error = validationError();
    m_error->setText(m_name->text().isEmpty() ? QString() : error);
    m_pathPreview->setText(
        m_name->text().trimmed().isEmpty() ? QString() : tr("Creates %1").arg(QDir::toNativeSeparators(indexPath())));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

void NewIndexDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_error->setText(error);
        return;
    }
    QDialog::accept();
}

} // namespace sextant::ui
