#pragma once
// Loads Sextant's translations (compiled into the executable under
// :/i18n by qt_add_translations) and Qt's own (qtbase_<lang>.qm from
// QLibraryInfo's translations folder) for the same language, so that
// standard dialogs speak it too. English has a file too: it carries the
// plural forms of "%n item(s)".

#include <QLocale>
#include <QStringList>

namespace sextant::ui {

// The languages Sextant's texts exist in ("en", "de", "fr").
QStringList availableLanguages();

// The locale to translate for: the system's (its uiLanguages(), in order)
// when `override` is empty or not an available language, else that language.
QLocale translationLocale(const QString &override);

// Installs the translators for `locale` on the application; returns the
// language Sextant's texts are shown in ("en" when there is none for it).
// When `override` names an available language, it also becomes the default
// QLocale, so numbers and dates match the texts.
QString installTranslations(const QLocale &locale = QLocale::system());
QString installTranslations(const QString &override);

} // namespace sextant::ui
