#include "sextant/QueryVector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cfloat>
#include <cmath>

namespace sextant {

namespace {

QString describeJsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::String: {
        QString text = value.toString();
        if (text.size() > 20) text = text.left(20) + QStringLiteral("...");
        return QStringLiteral("the string \"%1\"").arg(text);
    }
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    default: return QStringLiteral("not a number");
    }
}

Error vectorError(ErrorCode code, const QString &message)
{
    return Error(code, message).withSource(ErrorSource::QueryVector);
}

} // namespace

Result<QVector<float>> parseQueryVector(QByteArrayView text, const QString &source)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return vectorError(ErrorCode::MalformedInput,
                           QStringLiteral("The query vector (%1) is not valid JSON: %2 at byte %3. "
                                          "Write it as an array of numbers, like [0.1, -2, 3e-4].")
                               .arg(source, parseError.errorString())
                               .arg(parseError.offset))
            .withPosition(parseError.offset);
    if (!document.isArray())
        return vectorError(
            ErrorCode::MalformedInput,
            QStringLiteral(
                "The query vector (%1) must be a JSON array of numbers, like [0.1, -2, 3e-4], not an object.")
                .arg(source));
    return queryVectorFromJson(document.array(), source);
}

Result<QVector<float>> queryVectorFromJson(const QJsonArray &array, const QString &source)
{
    if (array.isEmpty())
        return vectorError(ErrorCode::DimensionMismatch, QStringLiteral("The query vector (%1) is empty.").arg(source));
    QVector<float> vector;
    vector.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue value = array.at(i);
        const qint64 element = i + 1;
        if (!value.isDouble())
            return vectorError(ErrorCode::MalformedInput,
                               QStringLiteral(
                                   "Element %1 of the query vector (%2) is %3, not a number (elements count from 1).")
                                   .arg(element)
                                   .arg(source, describeJsonValue(value)))
                .withElement(element);
        const double number = value.toDouble();
        if (!std::isfinite(number) || std::fabs(number) > double(FLT_MAX))
            return vectorError(ErrorCode::NonFiniteValue,
                               QStringLiteral("Element %1 of the query vector (%2) is beyond the range of a 32-bit "
                                              "float (about ±3.4e38).")
                                   .arg(element)
                                   .arg(source))
                .withElement(element);
        vector.append(float(number));
    }
    return vector;
}

} // namespace sextant
