#pragma once
// The health states the Integrity view shows (findings tree, health map,
// legend), their colours in the light and the dark palette, and small
// painted severity icons in the same colours, so that the tree and the map
// speak one visual language.

#include "sextant/Verifier.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace sextant::ui {

// Ordered from harmless to worst: a cell covering several blocks shows the
// greatest value among them.
enum class BlockHealth { NotChecked, Good, Note, Warning, Error, Missing };

BlockHealth healthOf(Finding::Severity severity);
QColor healthColour(BlockHealth health, bool dark);
QString healthName(BlockHealth health);            // translated, for the legend and tooltips
QString severityLabel(Finding::Severity severity); // translated: "Error", "Warning", "Note"

// A 16 × 16 (and 32 × 32) painted disc in the severity's colour with a
// glyph; `dark` picks the colours of the dark palette.
QIcon severityIcon(Finding::Severity severity, bool dark);
// The same disc in the "good" colour with a tick: a clean report.
QIcon cleanIcon(bool dark);
// A disc of any colour with a glyph, 16 × 16 and 32 × 32 (the import
// report's outcomes use the same visual language).
QIcon discIcon(const QColor &fill, const QString &glyph);

// A short translated name of a repair action ("Rebuild the graph").
QString repairActionLabel(RepairAction action);

} // namespace sextant::ui
