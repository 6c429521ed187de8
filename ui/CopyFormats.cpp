#include "CopyFormats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sextant::ui {

namespace {
QString floatText(float f)
{
    // 'g' with the shortest representation that reads back as the same float.
    return QString::number(double(f), 'g', QLocale::FloatingPointShortest)
        .replace(QStringLiteral("e+"), QStringLiteral("e"));
}

QString floatList(const QVector<float> &vector)
{
    QString out;
    out.reserve(vector.size() * 10 + 2);
    out += QLatin1Char('[');
    for (qsizetype i = 0; i < vector.size(); ++i) {
        if (i) out += QStringLiteral(", ");
        out += floatText(vector[i]);
    }
    out += QLatin1Char(']');
    return out;
}
} // namespace

QString itemAsJsonLine(const Item &item)
{
    // Written by hand around QJsonDocument's compact pieces so the vector
    // keeps float precision (QJsonDocument would print the double's digits).
    QString line = QStringLiteral("{\"id\":");
    line += QString::fromUtf8(QJsonDocument(QJsonArray{item.id}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    if (!item.vector.isEmpty())
        line += QStringLiteral(",\"vector\":") + floatList(item.vector).remove(QLatin1Char(' '));
    line += QStringLiteral(",\"metadata\":") +
            QString::fromUtf8(QJsonDocument(item.metadata).toJson(QJsonDocument::Compact));
    line += QLatin1Char('}');
    return line;
}

QString vectorAsJson(const QVector<float> &vector) { return floatList(vector); }

QString vectorAsPythonList(const QVector<float> &vector)
{
    // A list of finite floats reads the same in Python as in JSON.
    return floatList(vector);
}

QString valueAsText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Undefined: return {};
    case QJsonValue::Double:
    case QJsonValue::Array:
    case QJsonValue::Object: break;
    }
    if (value.isObject()) return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

} // namespace sextant::ui
