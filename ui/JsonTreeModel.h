#pragma once
// A read-only tree over a JSON object (an item's metadata): one row per
// member or array element, with columns key, value and type.

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QJsonValue>
#include <memory>
#include <vector>

namespace sextant::ui {

class JsonTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    // The value as Copy Value puts it on the clipboard (any column): a
    // string bare, anything else as compact JSON (whole arrays and objects).
    static constexpr int ValueTextRole = Qt::UserRole + 1;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setJson(const QJsonObject &object);
    QJsonObject json() const { return m_json; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        QString key;
        QJsonValue value;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    static void build(Node *node);
    Node *nodeOf(const QModelIndex &index) const;

    QJsonObject m_json;
    std::unique_ptr<Node> m_root;
};

} // namespace sextant::ui
