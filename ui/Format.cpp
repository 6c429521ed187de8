#include "Format.h"

#include <QCoreApplication>
#include <QLocale>

namespace sextant::ui {

QString formatBytes(qint64 bytes) { return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat); }

QString formatCount(qint64 n) { return QLocale().toString(n); }

QString queryStrategyText(QueryStrategy strategy)
{
    switch (strategy) {
    case QueryStrategy::ExactScan: return QCoreApplication::translate("Format", "exact scan of every item");
    case QueryStrategy::ExactFiltered: return QCoreApplication::translate("Format", "exact scan of the matching items");
    case QueryStrategy::Ann: return QCoreApplication::translate("Format", "HNSW graph search");
    case QueryStrategy::AnnPostFiltered:
        return QCoreApplication::translate("Format", "HNSW graph search, keeping the matching items");
    case QueryStrategy::QuantizedFiltered:
        return QCoreApplication::translate("Format",
                                           "scan of the matching items' 8-bit codes, the best reranked exactly");
    }
    return {};
}

QString textPlanText(search::TextSearchMode mode)
{
    switch (mode) {
    case search::TextSearchMode::Hybrid:
        return QCoreApplication::translate("Format", "meaning and keywords, fused by rank");
    case search::TextSearchMode::Vector: return QCoreApplication::translate("Format", "by meaning (vector search)");
    case search::TextSearchMode::Keyword: return QCoreApplication::translate("Format", "by keywords (BM25)");
    }
    return {};
}

QString formatMilliseconds(double ms)
{
    if (ms < 1) return QCoreApplication::translate("Format", "%1 ms").arg(QLocale().toString(ms, 'f', 2));
    if (ms < 1000) return QCoreApplication::translate("Format", "%1 ms").arg(QLocale().toString(ms, 'f', 1));
    return QCoreApplication::translate("Format", "%1 s").arg(QLocale().toString(ms / 1000, 'f', 2));
}

QString formatScore(float score) { return QLocale().toString(double(score), 'f', 4); }

} // namespace sextant::ui
