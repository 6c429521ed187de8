#pragma once
// The Duplicates view's groups as a tree: one row per group (largest
// first), its items below with a check box, their best match within the
// group and their metadata columns.

#include "sextant/NearDuplicates.h"

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QSet>

namespace sextant::ui {

class DuplicatesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    struct Member {
        QString id;
        double best = 0; // the best score with another member (the metric's: similarity, product or distance)
        QJsonObject metadata;
        bool checked = false;
    };
    struct Group {
        QList<Member> members; // in id order
    };

    explicit DuplicatesModel(QObject *parent = nullptr);

    // The groups of a report with their members' metadata; `columns` are the metadata keys shown.
    void setReport(const explore::DuplicateReport &report, const QHash<QString, QJsonObject> &metadata,
                   const QStringList &columns);
    void clear();
    int groupCount() const { return int(m_groups.size()); }
    const Group &group(int g) const { return m_groups[g]; }
    QStringList columns() const { return m_columns; }
    Metric metric() const { return m_metric; }

    // The group and member of an index (member -1 for a group row).
    std::pair<int, int> position(const QModelIndex &index) const;
    QModelIndex memberIndex(int group, int member, int column = 0) const;

    QStringList checkedIds() const;
    void setChecked(const QString &id, bool checked);
    void uncheckAll();
    // Checks every member but the one `keep` keeps, in every group.
    void checkAllButOne(const explore::KeepChoice &keep);
    // Takes deleted items out; groups left with fewer than two go.
    void removeIds(const QSet<QString> &ids);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void checkedChanged();

private:
    QList<Group> m_groups;
    QStringList m_columns;
    Metric m_metric = Metric::Cosine;
};

} // namespace sextant::ui
