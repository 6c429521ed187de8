#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace sextant::ui {

QString installTranslations(const QLocale &locale)
{
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(locale, QStringLiteral("sextant"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return own->language();
    }
    if (own->load(QStringLiteral("sextant_en"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return QStringLiteral("en");
    }
    delete own;
    return QStringLiteral("en");
}

} // namespace sextant::ui
