#include "index/IdTable.h"
#include "base/Checksums.h"

#include <cstring>
#include <stdexcept>

namespace sextant {

namespace {

uint64_t hashOf(QByteArrayView id) { return base::xxh3(id.data(), size_t(id.size())); }

bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace

IdTable::IdTable() = default;
IdTable::~IdTable() = default;

size_t IdTable::slotsFor(size_t ids)
{
    // At most 3/4 full, and at least 16 slots.
    size_t n = 16;
    while (n / 4 * 3 < ids)
        n *= 2;
    return n;
}

std::optional<uint32_t> IdTable::find(QByteArrayView id) const
{
    if (!m_mask) return std::nullopt;
    const uint64_t h = hashOf(id);
    const uint8_t tag = tagOf(h);
    for (size_t i = size_t(h) & m_mask;; i = (i + 1) & m_mask) {
        const uint8_t t = m_tags[i];
        if (t == 0) return std::nullopt;
        if (t == tag && sameBytes(this->id(m_slots[i]), id)) return m_slots[i];
    }
}

uint32_t IdTable::insert(QByteArrayView id, bool *added)
{
    if (added) *added = false;
    const uint64_t h = hashOf(id);
    const uint8_t tag = tagOf(h);
    // Where the id is, or the empty slot that ends its probe.
    const auto probe = [&]() -> size_t {
        for (size_t i = size_t(h) & m_mask;; i = (i + 1) & m_mask)
            if (m_tags[i] == 0 || (m_tags[i] == tag && sameBytes(this->id(m_slots[i]), id))) return i;
    };
    size_t i = 0;
    if (m_mask) {
        i = probe();
        if (m_tags[i] != 0) return m_slots[i];
    }
    if (id.size() > kMaxIdBytes) throw std::length_error("an id is longer than the id table takes");
    const size_t label = m_starts.size();
    if (label >= size_t(UINT32_MAX)) throw std::length_error("the id table is full");
    // Everything that can fail (allocations) comes before anything is
    // written: a failure leaves the table as it was.
    if (label + 1 > slotCount() / 4 * 3) {
        rehash(slotsFor(label + 1));
        i = probe();
    }
    const bool newBlock = (label >> kBlockShift) >= m_bases.size();
    if (newBlock) m_bases.reserve(m_bases.size() + 1);
    if (m_starts.size() == m_starts.capacity()) m_starts.reserve(std::max<size_t>(16, m_starts.capacity() * 2));
    const size_t bytes = m_bytes.size() + size_t(id.size());
    if (bytes > m_bytes.capacity()) m_bytes.reserve(std::max(bytes, m_bytes.capacity() * 2));
    if (newBlock) m_bases.push_back(uint64_t(m_bytes.size()));
    m_starts.push_back(uint32_t(m_bytes.size() - size_t(m_bases.back())));
    m_bytes.insert(m_bytes.end(), id.data(), id.data() + id.size());
    m_tags[i] = tag;
    m_slots[i] = uint32_t(label);
    if (added) *added = true;
    return uint32_t(label);
}

void IdTable::reserve(size_t ids, size_t bytes)
{
    if (slotsFor(ids) > slotCount()) rehash(slotsFor(ids));
    m_starts.reserve(ids);
    m_bases.reserve((ids >> kBlockShift) + 1);
    m_bytes.reserve(bytes);
}

void IdTable::rehash(size_t count)
{
    auto tags = std::make_unique<uint8_t[]>(count); // zeroed: every slot empty
    std::unique_ptr<uint32_t[]> labels(new uint32_t[count]);
    const size_t mask = count - 1;
    for (size_t label = 0; label < m_starts.size(); ++label) {
        const uint64_t h = hashOf(id(uint32_t(label)));
        size_t i = size_t(h) & mask;
        while (tags[i] != 0)
            i = (i + 1) & mask;
        tags[i] = tagOf(h);
        labels[i] = uint32_t(label);
    }
    m_tags = std::move(tags);
    m_slots = std::move(labels);
    m_mask = mask;
}

qint64 IdTable::memoryBytes() const
{
    return qint64(m_bytes.size() + m_starts.size() * sizeof(uint32_t) + m_bases.size() * sizeof(uint64_t) +
                  slotCount() * (sizeof(uint8_t) + sizeof(uint32_t)));
}

} // namespace sextant
