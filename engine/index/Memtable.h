#pragma once
// Changes since the last checkpoint, in id order: the WAL's content as a
// map. A deleted id is kept as a tombstone until the checkpoint that marks
// its row deleted in the segment that holds it.

#include <QByteArray>
#include <QVector>
#include <map>

namespace sextant {

struct MemEntry {
    bool deleted = false;
    QVector<float> vector;
    QByteArray metadata;
    quint64 lsn = 0;
};

struct Memtable {
    std::map<QByteArray, MemEntry> entries;
    qint64 bytes = 0; // approximate memory held, for stats

    const MemEntry *find(const QByteArray &id) const
    {
        const auto it = entries.find(id);
        return it == entries.end() ? nullptr : &it->second;
    }
    void put(const QByteArray &id, MemEntry entry)
    {
        bytes += entry.vector.size() * 4 + entry.metadata.size() + id.size() + 64;
        entries.insert_or_assign(id, std::move(entry));
    }
    void clear()
    {
        entries.clear();
        bytes = 0;
    }
};

} // namespace sextant
