#pragma once
// "New index…": name and place, vector shape, metric, declared metadata
// fields, durability and the HNSW parameters.

#include "sextant/Options.h"
#include "sextant/Schema.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace sextant::ui {

class NewIndexDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewIndexDialog(QWidget *parent = nullptr);

    QString indexPath() const;
    Schema schema() const;
    Durability durability() const;

    // For tests and the demo: fill the form.
    void setName(const QString &name);
    void setLocation(const QString &folder);
    void setDimensions(int dims);
    void setMetric(Metric metric);
    void addField(const QString &name, FieldType type, bool required);

    void accept() override;

private:
    void updateState();
    void addFieldRow();
    void removeFieldRow();
    void chooseLocation();
    QString validationError() const;

    QLineEdit *m_name;
    QLineEdit *m_location;
    QSpinBox *m_dims;
    QComboBox *m_metric;
    QComboBox *m_durability;
    QTableWidget *m_fields;
    QSpinBox *m_m;
    QSpinBox *m_efConstruction;
    QSpinBox *m_efSearch;
    QDoubleSpinBox *m_targetRecall;
    QComboBox *m_quantization;
    QLabel *m_pathPreview;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace sextant::ui
