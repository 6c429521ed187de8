#pragma once
// The per-file report of an import: one row per document or vector source
// with its outcome (an icon in the report's colours), how many chunks or
// items it now has in the index, its size and, when it failed or was only
// partly imported, why. Rows arrive while the import runs.

#include "ImportTask.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace sextant::ui {

class ImportReportModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FileColumn, TitleColumn, OutcomeColumn, CountColumn, SizeColumn, ReasonColumn, ColumnCount };
    enum Role { OutcomeRole = Qt::UserRole + 1, UriRole };

    explicit ImportReportModel(QObject *parent = nullptr);

    void appendRows(const QList<ImportReportRow> &rows);
    void clear();
    const ImportReportRow &rowAt(int row) const { return m_rows.at(row); }
    // The row of `uri` (the last one when an import named it twice), or -1.
    int rowOf(const QString &uri) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QIcon outcomeIcon(ImportOutcome outcome, bool dark);

private:
    // The file's name, or "archive.zip ▸ docs/a.md" for an archive's entry.
    static QString shownName(const QString &uri);
    // The full path (local files) or the uri, for tooltips.
    static QString fullLocation(const QString &uri);

    QList<ImportReportRow> m_rows;
};

} // namespace sextant::ui
