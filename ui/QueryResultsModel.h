#pragma once
// The hits of one query as a table: rank, id, score, then metadata columns.
// After a comparison with the exact search, a column says whether each hit
// is in the exact top-k, and the exact hits the ANN search missed follow as
// extra rows.

#include "sextant/Schema.h"
#include "sextant/Query.h"

#include <QAbstractTableModel>
#include <QSet>

namespace sextant::ui {

class QueryResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RankColumn, IdColumn, ScoreColumn, FixedColumns };
    enum Role { IdRole = Qt::UserRole + 1, MissedRole };

    explicit QueryResultsModel(QObject *parent = nullptr);

    // Metadata columns: the schema's fields, then keys that at least half of
    // the hits carry (at most 16 columns in all).
    void setResult(const QList<QueryHit> &hits, Metric metric, const QList<FieldSpec> &fields = {});
    // The exact top-k of the same request: marks each hit and appends the
    // exact hits missing from the results.
    void setExactHits(const QList<QueryHit> &exact);
    void clear();

    bool hasComparison() const { return m_compared; }
    int hitCount() const { return int(m_hits.size()); }      // the query's own hits
    int missedCount() const { return int(m_missed.size()); } // exact hits the query missed
    QString idAt(int row) const;
    int rowOf(const QString &id) const; // -1 when absent
    QStringList metadataColumns() const { return m_keys; }
    int comparisonColumn() const { return m_compared ? FixedColumns : -1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A metadata value as one line of text (arrays joined, objects as JSON).
    static QString valueText(const QJsonValue &value);

private:
    const QueryHit *hitAt(int row) const;
    int metadataColumnStart() const { return FixedColumns + (m_compared ? 1 : 0); }

    QList<QueryHit> m_hits;
    QList<QueryHit> m_missed;
    QList<int> m_missedRanks; // 1-based rank in the exact results
    QSet<QString> m_exactIds;
    QStringList m_keys;
    Metric m_metric = Metric::Cosine;
    bool m_compared = false;
};

} // namespace sextant::ui
