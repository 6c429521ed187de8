#include "ImportReportModel.h"

#include "Format.h"
#include "IntegrityHealth.h"
#include "Theme.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QPalette>
#include <QUrl>

namespace sextant::ui {

ImportReportModel::ImportReportModel(QObject *parent) : QAbstractTableModel(parent) { }

void ImportReportModel::appendRows(const QList<ImportReportRow> &rows)
{
    if (rows.isEmpty()) return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows += rows;
    endInsertRows();
}

void ImportReportModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ImportReportModel::rowOf(const QString &uri) const
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i)
        if (m_rows[i].uri == uri) return int(i);
    return -1;
}

int ImportReportModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int ImportReportModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QIcon ImportReportModel::outcomeIcon(ImportOutcome outcome, bool dark)
{
    switch (outcome) {
    case ImportOutcome::Added: return discIcon(healthColour(BlockHealth::Good, dark), QStringLiteral("+"));
    case ImportOutcome::Replaced: return discIcon(healthColour(BlockHealth::Note, dark), QStringLiteral("\u21bb"));
    case ImportOutcome::Unchanged:
        return discIcon(healthColour(BlockHealth::NotChecked, dark).darker(dark ? 70 : 130), QStringLiteral("="));
    case ImportOutcome::Incomplete: return discIcon(healthColour(BlockHealth::Warning, dark), QStringLiteral("!"));
    case ImportOutcome::Failed: return discIcon(healthColour(BlockHealth::Error, dark), QStringLiteral("\u00d7"));
    }
    return {};
}

QString ImportReportModel::fullLocation(const QString &uri)
{
    // Documents have file URLs ("file:///a/b.md", "file:///a/c.zip!/d/e.md");
    // vector sources have paths.
    if (!uri.startsWith(QLatin1String("file:"))) return QDir::toNativeSeparators(uri);
    const qsizetype bang = uri.indexOf(QLatin1String("!/"));
    const QString file = QUrl(bang < 0 ? uri : uri.left(bang)).toLocalFile();
    if (bang < 0) return QDir::toNativeSeparators(file);
    return tr("%1 ▸ %2").arg(QDir::toNativeSeparators(file), QUrl::fromPercentEncoding(uri.mid(bang + 2).toUtf8()));
}

QString ImportReportModel::shownName(const QString &uri)
{
    const qsizetype bang = uri.startsWith(QLatin1String("file:")) ? uri.indexOf(QLatin1String("!/")) : -1;
    if (bang >= 0) {
        const QString archive = QFileInfo(QUrl(uri.left(bang)).toLocalFile()).fileName();
        return tr("%1 ▸ %2").arg(archive, QUrl::fromPercentEncoding(uri.mid(bang + 2).toUtf8()));
    }
    const QString path = uri.startsWith(QLatin1String("file:")) ? QUrl(uri).toLocalFile() : uri;
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? QDir::toNativeSeparators(path) : name;
}

QVariant ImportReportModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) return {};
    const ImportReportRow &row = m_rows[index.row()];
    if (role == OutcomeRole) return int(row.outcome);
    if (role == UriRole) return row.uri;
    switch (index.column()) {
    case FileColumn:
        if (role == Qt::DisplayRole) return shownName(row.uri);
        if (role == Qt::ToolTipRole) return fullLocation(row.uri);
        break;
    case TitleColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return row.title == shownName(row.uri) ? QString() : row.title;
        break;
    case OutcomeColumn:
        if (role == Qt::DisplayRole) return importOutcomeLabel(row.outcome);
        if (role == Qt::DecorationRole) return outcomeIcon(row.outcome, isDarkPalette(QApplication::palette()));
        break;
    case CountColumn:
        if (role == Qt::DisplayRole) {
            if (row.outcome == ImportOutcome::Failed && row.count == 0) return QString();
            return row.vectors ? tr("%n item(s)", nullptr, int(std::min<qint64>(row.count, INT_MAX)))
                               : tr("%n chunk(s)", nullptr, int(row.count));
        }
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SizeColumn:
        if (role == Qt::DisplayRole) return row.bytes >= 0 ? formatBytes(row.bytes) : QString();
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ReasonColumn: {
        // The engine's reasons may start in lower case ("the PDF could not be read: …").
        QString reason = row.reason;
        if (!reason.isEmpty()) reason[0] = reason[0].toUpper();
        if (role == Qt::DisplayRole) return reason;
        if (role == Qt::ToolTipRole) {
            if (row.details.isEmpty()) return reason.isEmpty() ? QVariant() : QVariant(reason);
            return QStringList{reason, row.details.join(QLatin1Char('\n'))}.join(QStringLiteral("\n\n"));
        }
        break;
    }
    default: break;
    }
    return {};
}

QVariant ImportReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case FileColumn: return tr("File");
    case TitleColumn: return tr("Title");
    case OutcomeColumn: return tr("Outcome");
    case CountColumn: return tr("In the index");
    case SizeColumn: return tr("Size");
    case ReasonColumn: return tr("Reason");
    default: return {};
    }
}

} // namespace sextant::ui
