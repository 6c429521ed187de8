#pragma once

#include "sextant/Api.h"
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace sextant {

struct SEXTANT_API Item {
    QString id;
    QVector<float> vector;
    QJsonObject metadata;
};

// The kinds of change the write queue accepts.
struct SEXTANT_API WriteOp {
    enum class Kind { Insert, Upsert, Delete };
    Kind kind = Kind::Insert;
    Item item; // for Delete only item.id is used

    static WriteOp insert(Item item) { return {Kind::Insert, std::move(item)}; }
    static WriteOp upsert(Item item) { return {Kind::Upsert, std::move(item)}; }
    static WriteOp remove(QString id) { return {Kind::Delete, Item{std::move(id), {}, {}}}; }
};

} // namespace sextant
