#include "Format.h"

#include <QCoreApplication>
#include <QLocale>

namespace sextant::ui {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString formatCount(qint64 n) { return QLocale().toString(n); }

QString formatMilliseconds(double ms)
{
    if (ms < 1) return QCoreApplication::translate("Format", "%1 ms").arg(QLocale().toString(ms, 'f', 2));
    if (ms < 1000) return QCoreApplication::translate("Format", "%1 ms").arg(QLocale().toString(ms, 'f', 1));
    return QCoreApplication::translate("Format", "%1 s").arg(QLocale().toString(ms / 1000, 'f', 2));
}

QString formatScore(float score) { return QLocale().toString(double(score), 'f', 4); }

} // namespace sextant::ui
