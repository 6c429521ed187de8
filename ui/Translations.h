#pragma once
// Loads Sextant's translations and Qt's own for the user's language.
// Sextant's are looked for where the package installs them
// (share/sextant/translations, relative to the executable's folder), then
// under :/i18n, where qt_add_translations compiles them into the executable.
// English has a file too: it carries the plural forms of "%n item(s)".

#include <QLocale>

namespace sextant::ui {

// Installs the translators for `locale` on the application; returns the
// language Sextant's texts are shown in ("en" when there is none for it).
QString installTranslations(const QLocale &locale = QLocale());

} // namespace sextant::ui
