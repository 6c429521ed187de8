#pragma once
// What a valid filter cannot mean: a comparison whose operand has another
// JSON type than the field holds ({"year": {"$gt": "2000"}} on numbers)
// matches nothing, since types never convert (docs/filters.md). The views
// say so beside the result. The field types come from the schema and from
// the values seen in rows already on display.

#include "sextant/Schema.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace sextant::ui {

// A field's JSON type (Double, String or Bool); a field holding several
// types, or none seen, is left out.
using FieldTypes = QHash<QString, QJsonValue::Type>;

// The declared fields of `schema` (StringList fields are left out: they
// hold arrays).
FieldTypes declaredFieldTypes(const Schema &schema);
// Adds the top-level scalar fields of `metadata` to `types`: a field seen
// with two types is marked Undefined (and so never named in a note).
void observeFieldTypes(const QJsonObject &metadata, FieldTypes *types);

// One translated sentence per comparison in `filter` whose operand's type
// differs from the field's ("year holds numbers; "2000" is a string.").
// Empty when the filter is blank, invalid, or every type agrees.
QStringList filterTypeNotes(const QByteArray &filter, const FieldTypes &types);

} // namespace sextant::ui
