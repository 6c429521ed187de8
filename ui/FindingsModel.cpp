#include "FindingsModel.h"

#include "IntegrityHealth.h"
#include "Theme.h"

#include <QApplication>
#include <QHash>
#include <QLocale>

namespace sextant::ui {

namespace {
// File rows have internal id 0; a finding row stores its file row + 1.
constexpr quintptr kFileRowId = 0;

bool worse(Finding::Severity a, Finding::Severity b) { return int(a) > int(b); }
} // namespace

FindingsModel::FindingsModel(QObject *parent) : QAbstractItemModel(parent) { }

void FindingsModel::setReport(const VerifyReport &report)
{
    beginResetModel();
    m_report = report;
    m_groups.clear();
    QHash<QString, int> groupOf;
    // The index as a whole first: such findings (an unreadable manifest, a
    // lock) decide whether anything else can be trusted.
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < m_report.findings.size(); ++i) {
            const Finding &f = m_report.findings[i];
            if ((pass == 0) != f.file.isEmpty()) continue;
            auto it = groupOf.find(f.file);
            if (it == groupOf.end()) {
                it = groupOf.insert(f.file, int(m_groups.size()));
                m_groups.append(FileGroup{f.file, {}, f.severity});
            }
            FileGroup &g = m_groups[*it];
            g.findings.append(i);
            if (worse(f.severity, g.worst)) g.worst = f.severity;
        }
    }
    endResetModel();
}

void FindingsModel::clear() { setReport(VerifyReport()); }

QModelIndex FindingsModel::indexOfFinding(int finding) const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        const int row = int(m_groups[g].findings.indexOf(finding));
        if (row >= 0) return createIndex(row, 0, quintptr(g + 1));
    }
    return {};
}

QModelIndex FindingsModel::indexOfFile(const QString &file) const
{
    for (int g = 0; g < m_groups.size(); ++g)
        if (m_groups[g].file == file) return createIndex(g, 0, kFileRowId);
    return {};
}

int FindingsModel::findingAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kFileRowId) return -1;
    const int g = int(index.internalId()) - 1;
    if (g < 0 || g >= m_groups.size() || index.row() >= m_groups[g].findings.size()) return -1;
    return m_groups[g].findings[index.row()];
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, kFileRowId);
    if (parent.internalId() != kFileRowId) return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex FindingsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kFileRowId) return {};
    return createIndex(int(child.internalId()) - 1, 0, kFileRowId);
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != kFileRowId) return 0;
    return int(m_groups[parent.row()].findings.size());
}

int FindingsModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (index.internalId() == kFileRowId) return groupData(m_groups[index.row()], index.column(), role);
    return findingData(findingAt(index), index.column(), role);
}

QVariant FindingsModel::groupData(const FileGroup &group, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == WhereColumn) return group.file.isEmpty() ? tr("The index as a whole") : group.file;
        if (column == ProblemColumn) {
            const int n = int(group.findings.size());
            return tr("%n finding(s)", nullptr, n);
        }
        return {};
    case Qt::DecorationRole: return column == WhereColumn ? QVariant(icon(group.worst)) : QVariant();
    case Qt::ToolTipRole: return group.file.isEmpty() ? tr("Findings about the index as a whole") : group.file;
    case SeverityRole: return int(group.worst);
    case FindingRole: return -1;
    case FileRole: return group.file;
    default: return {};
    }
}

QVariant FindingsModel::findingData(int finding, int column, int role) const
{
    if (finding < 0) return {};
    const Finding &f = m_report.findings[finding];
    switch (role) {
    case Qt::DisplayRole:
        if (column == WhereColumn) return locationText(f);
        if (column == ProblemColumn) return f.message;
        if (column == RepairColumn) return f.action == RepairAction::None ? QString() : repairActionLabel(f.action);
        return {};
    case Qt::DecorationRole: return column == WhereColumn ? QVariant(icon(f.severity)) : QVariant();
    case Qt::ToolTipRole:
        if (column == RepairColumn && f.action != RepairAction::None) return repairActionDescription(f.action);
        return tr("%1: %2").arg(severityLabel(f.severity), f.message);
    case SeverityRole: return int(f.severity);
    case FindingRole: return finding;
    case FileRole: return f.file;
    default: return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case WhereColumn: return tr("File / location");
    case ProblemColumn: return tr("Finding");
    case RepairColumn: return tr("Repair");
    default: return {};
    }
}

QString FindingsModel::locationText(const Finding &f)
{
    const QLocale locale;
    QString where;
    if (f.offset >= 0 && f.length > 1)
        where = tr("bytes %1–%2").arg(locale.toString(f.offset), locale.toString(f.offset + f.length - 1));
    else if (f.offset >= 0)
        where = tr("byte %1").arg(locale.toString(f.offset));
    if (!f.itemId.isEmpty())
        return where.isEmpty() ? tr("item %1").arg(f.itemId) : tr("item %1 (%2)").arg(f.itemId, where);
    if (!where.isEmpty()) return where;
    return f.file.isEmpty() ? tr("index") : tr("whole file");
}

QIcon FindingsModel::icon(Finding::Severity severity) const
{
    // Painted once per palette kind, so a theme switch gets its colours.
    const bool dark = isDarkPalette(QApplication::palette());
    QIcon &cached = m_iconCache[dark ? 1 : 0][int(severity)];
    if (cached.isNull()) cached = severityIcon(severity, dark);
    return cached;
}

} // namespace sextant::ui
