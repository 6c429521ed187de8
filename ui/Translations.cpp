#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace sextant::ui {

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QLocale translationLocale(const QString &override)
{
    if (availableLanguages().contains(override)) return QLocale(override);
    return QLocale::system();
}

QString installTranslations(const QLocale &locale)
{
    // Sextant's own texts first: QTranslator::load(QLocale, ...) walks the
    // locale's uiLanguages() ("fr-CA", "fr", ...) and takes the first file
    // that exists under :/i18n.
    auto *own = new QTranslator(QCoreApplication::instance());
    QString language;
    if (own->load(locale, QStringLiteral("sextant"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        language = own->language().section(u'_', 0, 0);
    } else if (own->load(QStringLiteral("sextant_en"), QStringLiteral(":/i18n"))) {
        language = QStringLiteral("en");
    } else {
        delete own;
        own = nullptr;
        language = QStringLiteral("en");
    }
    if (own) QCoreApplication::installTranslator(own);

    // Qt's own texts (standard buttons, file dialogs) in the same language,
    // never in a third one: a Spanish system gets English from both.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
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
