#pragma once
// Loads Sextant's translations (compiled into the executable under
// :/i18n by qt_add_translations) and Qt's own for the user's language.
// English has a file too: it carries the plural forms of "%n item(s)".

#include <QLocale>

namespace sextant::ui {

// Installs the translators for `locale` on the application; returns the
// language Sextant's texts are shown in ("en" when there is none for it).
QString installTranslations(const QLocale &locale = QLocale());

} // namespace sextant::ui
