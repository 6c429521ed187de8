#pragma once
// The item ids of an HNSW graph by label, and the labels by id. Labels are
// dense (0, 1, 2, ... in the order ids were first added) and kept for the
// table's life. Laid out for a small footprint, a few bytes per id besides
// the id's own bytes, where a QByteArray per id and a QHash over them took
// over 100:
//   - one arena holds every id's bytes back to back, in label order;
//   - a 32-bit start per label, relative to its block's 64-bit base (one per
//     kBlock labels, so the arena may pass 4 GiB); an id ends where the next
//     label's begins (the last one's at the arena's end);
//   - an open-addressing table of labels keyed by the XXH3 of their id's
//     bytes: linear probing over a power-of-two number of slots, at most 3/4
//     of them full (doubled before it would be fuller). Each slot has a tag
//     byte beside its 32-bit label (0: empty; else the hash's top 7 bits with
//     the high bit set), so most probes of other ids never read their bytes.
// Thread safety: the const members may run in parallel with each other;
// insert() and reserve() need exclusive access (they may move every array,
// so no view returned by id() outlives them).

#include <QByteArrayView>
#include <QtGlobal>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace sextant {

class IdTable {
public:
    // The longest id insert() takes (a block's ids then always fit a 32-bit start).
    static constexpr qsizetype kMaxIdBytes = 4096;

    IdTable();
    ~IdTable();
    IdTable(const IdTable &) = delete;
    IdTable &operator=(const IdTable &) = delete;

    size_t size() const { return m_starts.size(); }
    // The id of `label` (< size()): a view into the arena.
    QByteArrayView id(uint32_t label) const
    {
        const size_t start = startOf(label);
        const size_t end = size_t(label) + 1 < m_starts.size() ? startOf(label + 1) : m_bytes.size();
        return QByteArrayView(m_bytes.data() + start, qsizetype(end - start));
    }
    std::optional<uint32_t> find(QByteArrayView id) const;
    // The label of `id`, which becomes the next label when it is new
    // (`*added` says whether it was). Throws std::length_error for an id
    // longer than kMaxIdBytes or a table of 2^32 - 1 labels, and
    // std::bad_alloc when memory runs out (the table is then unchanged).
    uint32_t insert(QByteArrayView id, bool *added = nullptr);
    // Room for `ids` ids of `bytes` bytes in all, so that adding them moves
    // nothing (a graph file's loader knows both).
    void reserve(size_t ids, size_t bytes);

    // Resident bytes: the arena and the starts as filled, every slot of the table.
    qint64 memoryBytes() const;
    size_t slotCount() const { return m_mask ? m_mask + 1 : 0; }

private:
    static constexpr unsigned kBlockShift = 16; // 65,536 labels × 4,096 bytes: 256 MiB, well within 32 bits
    size_t startOf(uint32_t label) const { return size_t(m_bases[label >> kBlockShift]) + m_starts[label]; }
    static uint8_t tagOf(uint64_t hash) { return uint8_t(0x80u | (hash >> 57)); }
    // The table with `count` slots (a power of two), every label placed anew.
    void rehash(size_t count);
    static size_t slotsFor(size_t ids);

    std::vector<char> m_bytes;
    std::vector<uint32_t> m_starts;
    std::vector<uint64_t> m_bases;
    std::unique_ptr<uint8_t[]> m_tags;
    std::unique_ptr<uint32_t[]> m_slots;
    size_t m_mask = 0; // slot count - 1; 0 while there is no table
};

} // namespace sextant
