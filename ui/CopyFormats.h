#pragma once
// What Copy puts on the clipboard: an item as a line of JSON Lines (the
// format sextant-cli import reads back), a vector as a JSON array or a
// Python list, a metadata value as text. Pure functions: the views fetch
// the items on a worker, then call these on the GUI thread.

#include "sextant/Item.h"

#include <QJsonValue>
#include <QString>
#include <QVector>

namespace sextant::ui {

// {"id": ..., "vector": [...], "metadata": {...}} on one line, no newline;
// the vector is left out when `item.vector` is empty.
QString itemAsJsonLine(const Item &item);
// [0.1, -0.5, ...]: shortest round-trip decimal of each float.
QString vectorAsJson(const QVector<float> &vector);
// The same as a Python list literal (nan/inf cannot occur: the engine
// refuses them).
QString vectorAsPythonList(const QVector<float> &vector);
// A metadata value as a user would type it: strings bare, the rest as JSON.
QString valueAsText(const QJsonValue &value);

} // namespace sextant::ui
