#pragma once
// The findings of one verification as a two-level tree: a row per file
// (the worst severity's icon and how many findings it has), under it a row
// per finding (its severity, where it is, what is wrong, what repair would
// do). Findings about the index as a whole come first.

#include "sextant/Verifier.h"

#include <QAbstractItemModel>
#include <QIcon>

namespace sextant::ui {

class FindingsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { WhereColumn, ProblemColumn, RepairColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(Finding::Severity); the worst one for a file row
        FindingRole,                     // index into report().findings; -1 for a file row
        FileRole,                        // the file's name (empty: the index as a whole)
    };

    explicit FindingsModel(QObject *parent = nullptr);

    void setReport(const VerifyReport &report);
    void clear();
    const VerifyReport &report() const { return m_report; }

    // The row of report().findings[finding] (invalid when out of range).
    QModelIndex indexOfFinding(int finding) const;
    QModelIndex indexOfFile(const QString &file) const;
    int findingAt(const QModelIndex &index) const; // -1 for file rows

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "byte 65,536", "bytes 65,536–131,071", "item doc-1", "whole file".
    static QString locationText(const Finding &finding);

private:
    struct FileGroup {
        QString file;
        QList<int> findings; // indexes into m_report.findings
        Finding::Severity worst = Finding::Severity::Info;
    };
    QVariant groupData(const FileGroup &group, int column, int role) const;
    QVariant findingData(int finding, int column, int role) const;
    QIcon icon(Finding::Severity severity) const;
    mutable QIcon m_iconCache[2][3]; // [dark][severity]

    VerifyReport m_report;
    QList<FileGroup> m_groups;
};

} // namespace sextant::ui
