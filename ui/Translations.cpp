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
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral(SEXTANT_INSTALLED_TRANSLATIONS));
    if (QFileInfo(installed).isDir())
        directories << QDir::cleanPath(installed);
#endif
    directories << QStringLiteral(":/i18n");
    return directories;
}

} // namespace

QString installTranslations(const QLocale &locale)
{
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(QCoreApplication::instance());
    const QStringList directories = translationDirectories();
    for (const QString &directory : directories) {
        if (own->load(locale, QStringLiteral("sextant"), QStringLiteral("_"), directory)) {
            QCoreApplication::installTranslator(own);
            return own->language();
        }
    }
    for (const QString &directory : directories) {
        if (own->load(QStringLiteral("sextant_en"), directory)) {
            QCoreApplication::installTranslator(own);
            return QStringLiteral("en");
        }
    }
    delete own;
    return QStringLiteral("en");
}

} // namespace sextant::ui
