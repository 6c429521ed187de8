#include "QueryVector.h"

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
        if (text.size() > 20)
            text = text.left(20) + QStringLiteral("...");
        return QStringLiteral("the string \"%1\"").arg(text);
    }
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    default: return QStringLiteral("not a number");
    }
}

Result<QByteArray> readAllLimited(QFile &file, const QString &source)
{
    const QByteArray bytes = file.read(kMaxQueryVectorBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return Error(ErrorCode::Io, QStringLiteral("Could not read the query vector from %1: %2").arg(source, file.errorString()));
    if (bytes.size() > kMaxQueryVectorBytes)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("The query vector from %1 is larger than 16 MiB; a vector is one JSON array of numbers.")
                         .arg(source));
    return bytes;
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
                     QStringLiteral("The query vector (%1) must be a JSON array of numbers, like [0.1, -2, 3e-4], not an object.")
                         .arg(source));
    const QJsonArray array = document.array();
    if (array.isEmpty())
        return Error(ErrorCode::DimensionMismatch, QStringLiteral("The query vector (%1) is empty.").arg(source));
    QVector<float> vector;
    vector.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue value = array.at(i);
        if (!value.isDouble())
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("Element %1 of the query vector (%2) is %3, not a number (elements count from 0).")
                             .arg(i).arg(source, describeJsonValue(value)));
        const double number = value.toDouble();
        if (!std::isfinite(number) || std::fabs(number) > double(FLT_MAX))
            return Error(ErrorCode::NonFiniteValue,
                         QStringLiteral("Element %1 of the query vector (%2) is beyond the range of a 32-bit float (about ±3.4e38).")
                             .arg(i).arg(source));
        vector.append(float(number));
    }
    return vector;
}

Result<QVector<float>> readQueryVector(const QString &argument)
{
    if (argument == u"-") {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return Error(ErrorCode::Io, QStringLiteral("Could not read standard input: %1").arg(in.errorString()));
        const QString source = QStringLiteral("standard input");
        Result<QByteArray> bytes = readAllLimited(in, source);
        if (!bytes.ok())
            return bytes.error();
        return parseQueryVector(*bytes, source);
    }
    if (argument.startsWith(u'@')) {
        const QString fileName = argument.mid(1);
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Io, QStringLiteral("Could not open %1: %2").arg(fileName, file.errorString()), fileName);
        const QString source = QStringLiteral("the file %1").arg(fileName);
        Result<QByteArray> bytes = readAllLimited(file, source);
        if (!bytes.ok())
            return bytes.error();
        return parseQueryVector(*bytes, source);
    }
    return parseQueryVector(argument.toUtf8(), QStringLiteral("--vector"));
}

} // namespace sextant::cli
