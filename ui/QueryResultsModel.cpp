#include "QueryResultsModel.h"

#include "Format.h"

#include <QBrush>
#include <QFont>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPalette>
#include <QGuiApplication>

namespace sextant::ui {

QueryResultsModel::QueryResultsModel(QObject *parent) : QAbstractTableModel(parent) { }

void QueryResultsModel::setResult(const QList<QueryHit> &hits, Metric metric, const QList<FieldSpec> &fields)
{
    beginResetModel();
    m_hits = hits;
    m_missed.clear();
    m_missedRanks.clear();
    m_exactIds.clear();
    m_compared = false;
    m_metric = metric;
    m_keys.clear();
    for (const FieldSpec &f : fields)
        m_keys.append(f.name);
    // Other keys most hits carry, most common first.
    QHash<QString, int> counts;
    QStringList order;
    for (const QueryHit &h : hits)
        for (auto it = h.metadata.begin(); it != h.metadata.end(); ++it)
            if (counts[it.key()]++ == 0) order.append(it.key());
    std::stable_sort(order.begin(), order.end(),
                     [&](const QString &a, const QString &b) { return counts[a] > counts[b]; });
    for (const QString &k : order) {
        if (m_keys.size() >= 16) break;
        if (!m_keys.contains(k) && counts[k] * 2 >= hits.size()) m_keys.append(k);
    }
    endResetModel();
}

void QueryResultsModel::setExactHits(const QList<QueryHit> &exact)
{
    beginResetModel();
    m_compared = true;
    m_exactIds.clear();
    m_missed.clear();
    m_missedRanks.clear();
    QSet<QString> own;
    for (const QueryHit &h : m_hits)
        own.insert(h.id);
    for (qsizetype i = 0; i < exact.size(); ++i) {
        m_exactIds.insert(exact[i].id);
        if (!own.contains(exact[i].id)) {
            m_missed.append(exact[i]);
            m_missedRanks.append(int(i) + 1);
        }
    }
    endResetModel();
}

void QueryResultsModel::clear()
{
    beginResetModel();
    m_hits.clear();
    m_missed.clear();
    m_missedRanks.clear();
    m_exactIds.clear();
    m_keys.clear();
    m_compared = false;
    endResetModel();
}

const QueryHit *QueryResultsModel::hitAt(int row) const
{
    if (row < 0) return nullptr;
    if (row < m_hits.size()) return &m_hits[row];
    row -= int(m_hits.size());
    return row < m_missed.size() ? &m_missed[row] : nullptr;
}

QString QueryResultsModel::idAt(int row) const
{
    const QueryHit *h = hitAt(row);
    return h ? h->id : QString();
}

int QueryResultsModel::rowOf(const QString &id) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (hitAt(r)->id == id) return r;
    return -1;
}

int QueryResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size() + m_missed.size());
}

int QueryResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : metadataColumnStart() + int(m_keys.size());
}

QString QueryResultsModel::valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: { // no group separators: years and codes read wrong with them
        QLocale locale;
        locale.setNumberOptions(QLocale::OmitGroupSeparator);
        return locale.toString(value.toDouble(), 'g', 12);
    }
    case QJsonValue::Bool: return value.toBool() ? tr("true") : tr("false");
    case QJsonValue::Null: return tr("null");
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts.append(valueText(v));
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined: break;
    }
    return {};
}

QVariant QueryResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const int row = index.row(), column = index.column();
    const QueryHit *hit = hitAt(row);
    const bool missed = row >= m_hits.size();
    if (role == IdRole) return hit->id;
    if (role == MissedRole) return missed;
    if (role == Qt::FontRole && missed) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::ForegroundRole && missed) return QGuiApplication::palette().brush(QPalette::PlaceholderText);
    if (role == Qt::TextAlignmentRole) {
        if (column == RankColumn || column == ScoreColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
        if (column >= metadataColumnStart() && hit->metadata.value(m_keys[column - metadataColumnStart()]).isDouble())
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (missed)
            return tr("In the exact top-k at rank %1, but missed by this query")
                .arg(m_missedRanks[row - m_hits.size()]);
        if (column == IdColumn) return QString::fromUtf8(QJsonDocument(hit->metadata).toJson(QJsonDocument::Indented));
        if (column == ScoreColumn) return QString::number(double(hit->score), 'g', 9);
    }
    if (role != Qt::DisplayRole) return {};
    switch (column) {
    case RankColumn: return missed ? tr("(%1)").arg(m_missedRanks[row - m_hits.size()]) : QString::number(row + 1);
    case IdColumn: return hit->id;
    case ScoreColumn: return formatScore(hit->score);
    default: break;
    }
    if (m_compared && column == FixedColumns) {
        if (missed) return tr("missed");
        return m_exactIds.contains(hit->id) ? tr("yes") : tr("no");
    }
    const int k = column - metadataColumnStart();
    if (k < 0 || k >= m_keys.size()) return {};
    return valueText(hit->metadata.value(m_keys[k]));
}

QVariant QueryResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RankColumn: return tr("Rank");
        case IdColumn: return tr("Id");
        case ScoreColumn:
            switch (m_metric) {
            case Metric::Cosine: return tr("Similarity");
            case Metric::Dot: return tr("Dot product");
            case Metric::L2: return tr("Distance");
            }
            return tr("Score");
        default: break;
        }
        if (m_compared && section == FixedColumns) return tr("In exact top-k");
        return m_keys.value(section - metadataColumnStart());
    }
    if (role == Qt::ToolTipRole) {
        if (section == ScoreColumn) {
            switch (m_metric) {
            case Metric::Cosine: return tr("Cosine similarity to the query: higher is closer (1 = same direction)");
            case Metric::Dot: return tr("Inner product with the query: higher is closer");
            case Metric::L2: return tr("Euclidean (L2) distance to the query: lower is closer (0 = identical)");
            }
        }
        if (m_compared && section == FixedColumns)
            return tr(
                "Whether the hit is among the exact search's top-k; rows in italics are exact hits this query missed");
        if (section == RankColumn)
            return tr("Position in the results, best first; (n) is the rank in the exact results of a missed hit");
    }
    return {};
}

} // namespace sextant::ui
