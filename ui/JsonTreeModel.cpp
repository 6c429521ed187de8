#include "JsonTreeModel.h"

#include "CopyFormats.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sextant::ui {

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) { }

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::build(Node *node)
{
    auto add = [node](const QString &key, const QJsonValue &value) {
        auto child = std::make_unique<Node>();
        child->key = key;
        child->value = value;
        child->parent = node;
        child->row = int(node->children.size());
        build(child.get());
        node->children.push_back(std::move(child));
    };
    if (node->value.isObject()) {
        const QJsonObject o = node->value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            add(it.key(), it.value());
    } else if (node->value.isArray()) {
        const QJsonArray a = node->value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            add(QStringLiteral("[%1]").arg(i), a.at(i));
    }
}

void JsonTreeModel::setJson(const QJsonObject &object)
{
    beginResetModel();
    m_json = object;
    m_root = std::make_unique<Node>();
    m_root->value = object;
    build(m_root.get());
    endResetModel();
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0)) return {};
    Node *p = nodeOf(parent);
    if (row < 0 || row >= int(p->children.size())) return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) return {};
    Node *p = static_cast<Node *>(child.internalPointer())->parent;
    if (!p || p == m_root.get()) return {};
    return createIndex(p->row, 0, p);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0) return 0;
    return int(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (role == ValueTextRole) return valueAsText(nodeOf(index)->value);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    const Node *n = nodeOf(index);
    switch (index.column()) {
    case KeyColumn: return n->key;
    case ValueColumn:
        switch (n->value.type()) {
        case QJsonValue::Null: return QStringLiteral("null");
        case QJsonValue::Bool: return n->value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Double: return QString::number(n->value.toDouble(), 'g', 15);
        case QJsonValue::String: return n->value.toString();
        case QJsonValue::Array: return tr("%n element(s)", nullptr, int(n->children.size()));
        case QJsonValue::Object: return tr("%n member(s)", nullptr, int(n->children.size()));
        case QJsonValue::Undefined: return {};
        }
        return {};
    case TypeColumn:
        switch (n->value.type()) {
        case QJsonValue::Null: return tr("null");
        case QJsonValue::Bool: return tr("boolean");
        case QJsonValue::Double: return tr("number");
        case QJsonValue::String: return tr("string");
        case QJsonValue::Array: return tr("array");
        case QJsonValue::Object: return tr("object");
        case QJsonValue::Undefined: return {};
        }
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case KeyColumn: return tr("Key");
    case ValueColumn: return tr("Value");
    case TypeColumn: return tr("Type");
    }
    return {};
}

} // namespace sextant::ui
