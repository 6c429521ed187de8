#include "PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sextant::ui {

PreferencesDialog::PreferencesDialog(const Preferences &current, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);

    auto *writes = new QGroupBox(tr("Writes"), this);
    auto *writesForm = new QFormLayout(writes);
    m_durability = new QComboBox(writes);
    m_durability->addItem(tr("As each index was created"), QString());
    m_durability->addItem(tr("Full (survives power failure)"), durabilityName(Durability::Full));
    m_durability->addItem(tr("Normal (survives a crash of Sextant)"), durabilityName(Durability::Normal));
    m_durability->addItem(tr("Off (no syncs: fastest, unsafe)"), durabilityName(Durability::Off));
    m_durability->setCurrentIndex(
        m_durability->findData(current.durability ? durabilityName(*current.durability) : QString()));
    m_durability->setToolTip(tr("When a write counts as done. Applies to indexes opened from now on."));
    writesForm->addRow(tr("&Durability of open indexes:"), m_durability);
    m_newDurability = new QComboBox(writes);
    for (Durability d : {Durability::Full, Durability::Normal, Durability::Off})
        m_newDurability->addItem(m_durability->itemText(m_durability->findData(durabilityName(d))), int(d));
    m_newDurability->setCurrentIndex(m_newDurability->findData(int(current.newIndexDurability)));
    writesForm->addRow(tr("Default for &new indexes:"), m_newDurability);
    layout->addWidget(writes);

    auto *queries = new QGroupBox(tr("Queries"), this);
    auto *queryForm = new QFormLayout(queries);
    m_k = new QSpinBox(queries);
    m_k->setRange(1, 10000);
    m_k->setValue(current.defaultK);
    queryForm->addRow(tr("Default &k (results):"), m_k);
    m_ef = new QSpinBox(queries);
    m_ef->setRange(0, 4096);
    m_ef->setSpecialValueText(tr("The index's own"));
    m_ef->setValue(current.defaultEf);
    m_ef->setToolTip(tr("Candidates an approximate query considers. Higher: better recall, slower."));
    queryForm->addRow(tr("Default &ef:"), m_ef);
    layout->addWidget(queries);

    auto *look = new QGroupBox(tr("Appearance"), this);
    auto *lookForm = new QFormLayout(look);
    m_theme = new QComboBox(look);
    m_theme->addItem(tr("Follow the system"), int(Theme::System));
    m_theme->addItem(tr("Light"), int(Theme::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(current.theme)));
    lookForm->addRow(tr("&Theme:"), m_theme);
    m_language = new QComboBox(look);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("Follow the system"), QString());
    // Each language in its own words: whoever reads it can find theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Fran\u00e7ais"), QStringLiteral("fr"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    lookForm->addRow(tr("&Language:"), m_language);
    auto *restartNote = new QLabel(tr("A new language takes effect the next time Sextant starts."), look);
    restartNote->setWordWrap(true);
    restartNote->setEnabled(false); // the muted colour of a hint
    lookForm->addRow(QString(), restartNote);
    layout->addWidget(look);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.durability = durabilityFromName(m_durability->currentData().toString());
    p.newIndexDurability = Durability(m_newDurability->currentData().toInt());
    p.defaultK = m_k->value();
    p.defaultEf = m_ef->value();
    p.theme = Theme(m_theme->currentData().toInt());
    p.language = m_language->currentData().toString();
    return p;
}

} // namespace sextant::ui
