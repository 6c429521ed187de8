#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace sextant::ui {

namespace {

// Where Sextant's .qm files are looked for, in order: the installed ones
// (share/sextant/translations beside the executable's bin/, where the
// package puts them, so that a translation can be replaced without a
// rebuild), then the copies compiled into the executable (:/i18n), which
// are all a build tree has.
QStringList translationDirectories()
{
    QStringList directories;
#ifdef SEXTANT_INSTALLED_TRANSLATIONS
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral(SEXTANT_INSTALLED_TRANSLATIONS));
    if (QFileInfo(installed).isDir()) directories << QDir::cleanPath(installed);
#endif
    directories << QStringLiteral(":/i18n");
    return directories;
}

// Loads the first of `directories` that has a file for `locale` (or, with
// `englishOnly`, sextant_en.qm).
bool loadFromFirst(QTranslator *translator, const QStringList &directories, const QLocale &locale, bool englishOnly)
{
    for (const QString &directory : directories) {
        if (englishOnly ? translator->load(QStringLiteral("sextant_en"), directory)
                        : translator->load(locale, QStringLiteral("sextant"), QStringLiteral("_"), directory))
            return true;
    }
    return false;
}

} // namespace

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}; }

QLocale translationLocale(const QString &override)
{
    if (availableLanguages().contains(override)) return QLocale(override);
    return QLocale::system();
}

QString installTranslations(const QLocale &locale)
{
    // Sextant's own texts first: QTranslator::load(QLocale, ...) walks the
    // locale's uiLanguages() ("fr-CA", "fr", ...) and takes the first file
    // that exists in a folder of translationDirectories().
    auto *own = new QTranslator(QCoreApplication::instance());
    QString language;
    const QStringList directories = translationDirectories();
    if (loadFromFirst(own, directories, locale, false)) {
        language = own->language().section(u'_', 0, 0);
    } else if (loadFromFirst(own, directories, locale, true)) {
        language = QStringLiteral("en");
    } else {
        delete own;
        own = nullptr;
        language = QStringLiteral("en");
    }
    if (own) QCoreApplication::installTranslator(own);

    // Qt's own texts (standard buttons, file dialogs) in the same language,
    // never in a third one: a Spanish system gets English from both.
    // Looked for where this Qt keeps them, then beside Sextant's own (a
    // tarball or package may ship them there). Without any, the standard
    // buttons still speak the language: sextant_<lang>.ts carries their
    // texts (ui/QtStrings.cpp).
    auto *qt = new QTranslator(QCoreApplication::instance());
    QStringList qtDirectories{QLibraryInfo::path(QLibraryInfo::TranslationsPath)};
    qtDirectories += directories;
    bool qtLoaded = false;
    for (const QString &directory : std::as_const(qtDirectories)) {
        if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"), directory)) {
            qtLoaded = true;
            break;
        }
    }
    if (qtLoaded)
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return language;
}

QString installTranslations(const QString &override)
{
    const QLocale locale = translationLocale(override);
    if (availableLanguages().contains(override)) QLocale::setDefault(locale);
    return installTranslations(locale);
}

} // namespace sextant::ui
