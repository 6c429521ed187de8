#include "QueryVector.h"

#include "CliSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cfloat>
#include <cmath>
#include <cstdio>

namespace sextant::cli {

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

} // namespace

Result<QVector<float>> parseQueryVector(QByteArrayView text, const QString &source)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("The query vector (%1) is not valid JSON: %2 at byte %3. "
                                    "Write it as an array of numbers, like [0.1, -2, 3e-4].")
                         .arg(source, parseError.errorString())
                         .arg(parseError.offset));
    if (!document.isArray())
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral(
                         "The query vector (%1) must be a JSON array of numbers, like [0.1, -2, 3e-4], not an object.")
                         .arg(source));
    const QJsonArray array = document.array();
    if (array.isEmpty())
        return Error(ErrorCode::DimensionMismatch, QStringLiteral("The query vector (%1) is empty.").arg(source));
    QVector<float> vector;
    vector.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue value = array.at(i);
        if (!value.isDouble())
            return Error(
                ErrorCode::MalformedInput,
                QStringLiteral("Element %1 of the query vector (%2) is %3, not a number (elements count from 0).")
                    .arg(i)
                    .arg(source, describeJsonValue(value)));
        const double number = value.toDouble();
        if (!std::isfinite(number) || std::fabs(number) > double(FLT_MAX))
            return Error(
                ErrorCode::NonFiniteValue,
                QStringLiteral(
                    "Element %1 of the query vector (%2) is beyond the range of a 32-bit float (about ±3.4e38).")
                    .arg(i)
                    .arg(source));
        vector.append(float(number));
    }
    return vector;
}

Result<QVector<float>> readQueryVector(const QString &argument)
{
    // Both read to the end: a pipe hands over its input in pieces (B7).
    if (argument == u"-") {
        const QString source = QStringLiteral("standard input");
        Result<QByteArray> bytes =
            readStandardInputLimited(kMaxQueryVectorBytes, QStringLiteral("The query vector from standard input"));
        if (!bytes.ok()) return bytes.error();
        return parseQueryVector(*bytes, source);
    }
    if (argument.startsWith(u'@')) {
        const QString fileName = argument.mid(1);
        const QString source = QStringLiteral("the file %1").arg(shown(fileName));
        Result<QByteArray> bytes =
            readFileLimited(fileName, kMaxQueryVectorBytes, QStringLiteral("The query vector from %1").arg(source));
        if (!bytes.ok()) return bytes.error();
        return parseQueryVector(*bytes, source);
    }
    return parseQueryVector(argument.toUtf8(), QStringLiteral("--vector"));
}

} // namespace sextant::cli
