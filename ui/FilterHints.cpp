#include "FilterHints.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace sextant::ui {

namespace {

QString typeWords(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Double: return QCoreApplication::translate("FilterHints", "numbers");
    case QJsonValue::String: return QCoreApplication::translate("FilterHints", "strings");
    case QJsonValue::Bool: return QCoreApplication::translate("FilterHints", "true or false");
    default: return {};
    }
}

QString operandWords(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Double: return QCoreApplication::translate("FilterHints", "a number");
    case QJsonValue::String: return QCoreApplication::translate("FilterHints", "a string");
    case QJsonValue::Bool: return QCoreApplication::translate("FilterHints", "a boolean");
    default: return {};
    }
}

QString operandText(const QJsonValue &v)
{
    if (v.isString()) return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

void checkOperand(const QString &field, const QJsonValue &operand, const FieldTypes &types, QStringList *notes)
{
    const auto it = types.find(field);
    if (it == types.end() || it.value() == QJsonValue::Undefined) return;
    const QJsonValue::Type have = it.value();
    const QJsonValue::Type given = operand.type();
    if (given == have || typeWords(have).isEmpty() || operandWords(given).isEmpty()) return;
    const QString note = QCoreApplication::translate("FilterHints", "%1 holds %2; %3 is %4, so it matches nothing.")
                             .arg(field, typeWords(have), operandText(operand), operandWords(given));
    if (!notes->contains(note)) notes->append(note);
}

void walk(const QJsonObject &clauses, const FieldTypes &types, QStringList *notes, int depth)
{
    if (depth > 64) return;
    for (auto it = clauses.begin(); it != clauses.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1String("$and") || key == QLatin1String("$or")) {
            for (const QJsonValue &sub : value.toArray())
                if (sub.isObject()) walk(sub.toObject(), types, notes, depth + 1);
            continue;
        }
        if (key.startsWith(QLatin1Char('$'))) continue;
        if (!value.isObject()) {
            checkOperand(key, value, types, notes);
            continue;
        }
        const QJsonObject ops = value.toObject();
        for (auto op = ops.begin(); op != ops.end(); ++op) {
            if (op.key() == QLatin1String("$exists")) continue;
            if (op.value().isArray()) {
                for (const QJsonValue &v : op.value().toArray())
                    checkOperand(key, v, types, notes);
            } else {
                checkOperand(key, op.value(), types, notes);
            }
        }
    }
}

} // namespace

FieldTypes declaredFieldTypes(const Schema &schema)
{
    FieldTypes types;
    for (const FieldSpec &f : schema.fields) {
        switch (f.type) {
        case FieldType::Number: types.insert(f.name, QJsonValue::Double); break;
        case FieldType::String: types.insert(f.name, QJsonValue::String); break;
        case FieldType::Bool: types.insert(f.name, QJsonValue::Bool); break;
        case FieldType::StringList: break;
        }
    }
    return types;
}

void observeFieldTypes(const QJsonObject &metadata, FieldTypes *types)
{
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        const QJsonValue::Type t = it.value().type();
        if (t != QJsonValue::Double && t != QJsonValue::String && t != QJsonValue::Bool) continue;
        auto found = types->find(it.key());
        if (found == types->end())
            types->insert(it.key(), t);
        else if (found.value() != t)
            found.value() = QJsonValue::Undefined;
    }
}

QStringList filterTypeNotes(const QByteArray &filter, const FieldTypes &types)
{
    QStringList notes;
    if (filter.trimmed().isEmpty() || types.isEmpty()) return notes;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(filter, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) return notes;
    walk(doc.object(), types, &notes, 0);
    return notes;
}

} // namespace sextant::ui
