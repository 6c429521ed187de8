#pragma once
// Preferences: durability, query defaults, the theme and the language.

#include "Preferences.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace sextant::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences &current, QWidget *parent = nullptr);
    Preferences preferences() const;

private:
    QComboBox *m_durability;
    QComboBox *m_newDurability;
    QSpinBox *m_k;
    QSpinBox *m_ef;
    QComboBox *m_theme;
    QComboBox *m_language;
};

} // namespace sextant::ui
