#pragma once
// Numbers, sizes and times the way the GUI shows them (locale-aware).

#include "sextant/Query.h"
#include "sextant/TextSearch.h"

#include <QString>

namespace sextant::ui {

QString formatBytes(qint64 bytes);     // "1.4 GB", "512 bytes"
QString formatCount(qint64 n);         // "1,000,000" in the user's locale
QString formatMilliseconds(double ms); // "0.42 ms", "1.3 s"
QString formatScore(float score);      // 4 significant decimals

// How a query was answered, in the user's language, from the result's
// structured fields (the engine's `plan` sentence is English, for logs).
QString queryStrategyText(QueryStrategy strategy); // "HNSW search", "exact scan", ...
QString textPlanText(search::TextSearchMode mode); // "meaning and keywords, fused by rank", ...

} // namespace sextant::ui
