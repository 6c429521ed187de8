#pragma once
// A fixed-size set of row numbers, one bit per row in 64-bit words: what a
// filter's columnar evaluation produces and combines word by word.
//
// Bits past size() in the last word are always zero, so count(), == and the
// word-wise operations never see rows that do not exist.

#include <QtGlobal>

#include <algorithm>
#include <bit>
#include <vector>

namespace sextant {

class Bitmap {
public:
    Bitmap() = default;
    explicit Bitmap(qint64 size, bool value = false) { resize(size, value); }

    qint64 size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    // Rows added by growing take `value`; rows kept keep their bits.
    void resize(qint64 size, bool value = false)
    {
        Q_ASSERT(size >= 0);
        const qint64 oldSize = m_size;
        m_words.resize(size_t(wordsFor(size)), 0);
        m_size = size;
        if (value && size > oldSize) {
            for (qint64 i = oldSize; i < size && (i & 63); ++i)
                set(i);
            for (qint64 w = (oldSize + 63) / 64; w < wordCount(); ++w)
                m_words[size_t(w)] = ~quint64(0);
        }
        clearTail();
    }
    void fill(bool value)
    {
        std::fill(m_words.begin(), m_words.end(), value ? ~quint64(0) : quint64(0));
        clearTail();
    }

    bool test(qint64 row) const { return (m_words[size_t(row >> 6)] >> (row & 63)) & 1; }
    void set(qint64 row) { m_words[size_t(row >> 6)] |= quint64(1) << (row & 63); }
    void reset(qint64 row) { m_words[size_t(row >> 6)] &= ~(quint64(1) << (row & 63)); }
    void set(qint64 row, bool value) { value ? set(row) : reset(row); }

    qint64 count() const
    {
        qint64 n = 0;
        for (quint64 w : m_words)
            n += std::popcount(w);
        return n;
    }
    bool none() const
    {
        for (quint64 w : m_words)
            if (w) return false;
        return true;
    }

    // The word-wise operations require both bitmaps to have the same size.
    void andWith(const Bitmap &other)
    {
        Q_ASSERT(other.m_size == m_size);
        for (size_t i = 0; i < m_words.size(); ++i)
            m_words[i] &= other.m_words[i];
    }
    void orWith(const Bitmap &other)
    {
        Q_ASSERT(other.m_size == m_size);
        for (size_t i = 0; i < m_words.size(); ++i)
            m_words[i] |= other.m_words[i];
    }
    // this = this AND NOT other
    void andNot(const Bitmap &other)
    {
        Q_ASSERT(other.m_size == m_size);
        for (size_t i = 0; i < m_words.size(); ++i)
            m_words[i] &= ~other.m_words[i];
    }
    void notInPlace()
    {
        for (quint64 &w : m_words)
            w = ~w;
        clearTail();
    }

    // Calls fn(row) for every set row in ascending order.
    template <typename Fn>
    void forEachSet(Fn &&fn) const
    {
        for (size_t w = 0; w < m_words.size(); ++w) {
            quint64 bits = m_words[w];
            while (bits) {
                fn(qint64(w) * 64 + std::countr_zero(bits));
                bits &= bits - 1;
            }
        }
    }

    // Raw words for kernels that fill 64 rows at a time; they must leave the
    // bits past size() zero (or call clearTail()).
    quint64 *words() { return m_words.data(); }
    const quint64 *words() const { return m_words.data(); }
    qint64 wordCount() const { return qint64(m_words.size()); }
    void clearTail()
    {
        if (m_size & 63) m_words.back() &= (quint64(1) << (m_size & 63)) - 1;
    }
    qint64 memoryBytes() const { return qint64(m_words.capacity() * sizeof(quint64)); }

    bool operator==(const Bitmap &other) const = default;

private:
    static qint64 wordsFor(qint64 bits) { return (bits + 63) / 64; }

    std::vector<quint64> m_words;
    qint64 m_size = 0;
};

} // namespace sextant
