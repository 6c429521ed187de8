#include "DuplicatesModel.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace sextant::ui {

namespace {

constexpr quintptr kGroupRow = 0; // internalId of group rows; members carry group + 1

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: {
        // Whole numbers as they are (a year is 2001, not 2,001).
        const double d = value.toDouble();
        if (d == std::floor(d) && std::abs(d) < 1e15) return QString::number(qint64(d));
        return QLocale().toString(d, 'g', 10);
    }
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default: return {};
    }
}

} // namespace

DuplicatesModel::DuplicatesModel(QObject *parent) : QAbstractItemModel(parent) { }

void DuplicatesModel::setReport(const explore::DuplicateReport &report, const QHash<QString, QJsonObject> &metadata,
                                const QStringList &columns)
{
    beginResetModel();
    m_metric = report.metric;
    m_columns = columns;
    m_groups.clear();
    for (const explore::DuplicateGroup &g : report.groups) {
        Group group;
        for (const QString &id : g.ids)
            group.members.append({id, report.metric == Metric::L2 ? 1e300 : -1e300, metadata.value(id), false});
        for (const explore::DuplicatePair &p : g.pairs) {
            for (int end : {p.a, p.b}) {
                double &best = group.members[end].best;
                best = report.metric == Metric::L2 ? std::min(best, p.score) : std::max(best, p.score);
            }
        }
        m_groups.append(group);
    }
    endResetModel();
    emit checkedChanged();
}

void DuplicatesModel::clear()
{
    beginResetModel();
    m_groups.clear();
    endResetModel();
    emit checkedChanged();
}

std::pair<int, int> DuplicatesModel::position(const QModelIndex &index) const
{
    if (!index.isValid()) return {-1, -1};
    if (index.internalId() == kGroupRow) return {index.row(), -1};
    return {int(index.internalId() - 1), index.row()};
}

QModelIndex DuplicatesModel::memberIndex(int group, int member, int column) const
{
    if (group < 0 || group >= m_groups.size() || member < 0 || member >= m_groups[group].members.size()) return {};
    return createIndex(member, column, quintptr(group + 1));
}

QStringList DuplicatesModel::checkedIds() const
{
    QStringList ids;
    for (const Group &g : m_groups)
        for (const Member &m : g.members)
            if (m.checked) ids.append(m.id);
    return ids;
}

void DuplicatesModel::setChecked(const QString &id, bool checked)
{
    for (int g = 0; g < m_groups.size(); ++g)
        for (int i = 0; i < m_groups[g].members.size(); ++i)
            if (m_groups[g].members[i].id == id && m_groups[g].members[i].checked != checked) {
                m_groups[g].members[i].checked = checked;
                const QModelIndex at = memberIndex(g, i);
                emit dataChanged(at, at, {Qt::CheckStateRole});
            }
    emit checkedChanged();
}

void DuplicatesModel::uncheckAll()
{
    for (Group &g : m_groups)
        for (Member &m : g.members)
            m.checked = false;
    if (!m_groups.isEmpty()) emit dataChanged(index(0, 0), index(int(m_groups.size()) - 1, columnCount() - 1));
    for (int g = 0; g < m_groups.size(); ++g)
        emit dataChanged(memberIndex(g, 0), memberIndex(g, int(m_groups[g].members.size()) - 1), {Qt::CheckStateRole});
    emit checkedChanged();
}

void DuplicatesModel::checkAllButOne(const explore::KeepChoice &keep)
{
    for (int g = 0; g < m_groups.size(); ++g) {
        QStringList ids;
        QList<QJsonObject> metadata;
        for (const Member &m : m_groups[g].members) {
            ids.append(m.id);
            metadata.append(m.metadata);
        }
        const qsizetype kept = explore::keptMember(ids, metadata, keep);
        for (int i = 0; i < m_groups[g].members.size(); ++i)
            m_groups[g].members[i].checked = i != kept;
        emit dataChanged(memberIndex(g, 0), memberIndex(g, int(m_groups[g].members.size()) - 1), {Qt::CheckStateRole});
    }
    emit checkedChanged();
}

void DuplicatesModel::removeIds(const QSet<QString> &ids)
{
    beginResetModel();
    QList<Group> kept;
    for (Group &g : m_groups) {
        Group left;
        for (const Member &m : g.members)
            if (!ids.contains(m.id)) left.members.append(m);
        if (left.members.size() >= 2) kept.append(left);
    }
    m_groups = kept;
    endResetModel();
    emit checkedChanged();
}

QModelIndex DuplicatesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= columnCount()) return {};
    if (!parent.isValid())
        return row >= 0 && row < m_groups.size() ? createIndex(row, column, kGroupRow) : QModelIndex();
    if (parent.internalId() != kGroupRow) return {};
    return memberIndex(parent.row(), row, column);
}

QModelIndex DuplicatesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow) return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupRow);
}

int DuplicatesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) return int(m_groups.size());
    if (parent.internalId() == kGroupRow && parent.column() == 0) return int(m_groups[parent.row()].members.size());
    return 0;
}

int DuplicatesModel::columnCount(const QModelIndex &) const { return 2 + int(m_columns.size()); }

QVariant DuplicatesModel::data(const QModelIndex &index, int role) const
{
    const auto [g, i] = position(index);
    if (g < 0 || g >= m_groups.size()) return {};
    const Group &group = m_groups[g];
    if (i < 0) {
        if (role == Qt::DisplayRole && index.column() == 0)
            return tr("Group %1: %Ln item(s)", nullptr, int(group.members.size())).arg(g + 1);
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    if (i >= group.members.size()) return {};
    const Member &m = group.members[i];
    if (role == Qt::CheckStateRole && index.column() == 0) return m.checked ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        if (index.column() == 0) return m.id;
        if (index.column() == 1) return QLocale().toString(m.best, 'f', 4);
        return valueText(m.metadata.value(m_columns.value(index.column() - 2)));
    }
    if (role == Qt::TextAlignmentRole && index.column() == 1) return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

bool DuplicatesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const auto [g, i] = position(index);
    if (role != Qt::CheckStateRole || i < 0 || index.column() != 0) return false;
    m_groups[g].members[i].checked = value.toInt() == Qt::Checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedChanged();
    return true;
}

Qt::ItemFlags DuplicatesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != kGroupRow && index.column() == 0) f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant DuplicatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    if (section == 0) return tr("Item");
    if (section == 1) {
        switch (m_metric) {
        case Metric::Cosine: return tr("Best similarity");
        case Metric::Dot: return tr("Best inner product");
        case Metric::L2: return tr("Closest distance");
        }
    }
    return m_columns.value(section - 2);
}

} // namespace sextant::ui
