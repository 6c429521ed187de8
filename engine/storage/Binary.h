#pragma once
// Little-endian encoding helpers. Every on-disk integer is little-endian
// (docs/format.md); the reader never trusts a length it has not bounded.

#include <QByteArray>
#include <QtEndian>
#include <cstdint>
#include <cstring>

namespace sextant::storage {

inline void appendU8(QByteArray &out, uint8_t v) { out.append(char(v)); }
inline void appendU32(QByteArray &out, uint32_t v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}
inline void appendU64(QByteArray &out, uint64_t v)
{
    char b[8];
    qToLittleEndian(v, b);
    out.append(b, 8);
}
inline void putU32(char *p, uint32_t v) { qToLittleEndian(v, p); }
inline void putU64(char *p, uint64_t v) { qToLittleEndian(v, p); }
inline uint32_t getU32(const char *p) { return qFromLittleEndian<uint32_t>(p); }
inline uint64_t getU64(const char *p) { return qFromLittleEndian<uint64_t>(p); }
inline float getF32(const char *p)
{
    const uint32_t bits = getU32(p);
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

// Arrays of f32: a plain copy on little-endian machines.
inline void appendF32Array(QByteArray &out, const float *v, size_t n)
{
    if (n == 0) return;
    const qsizetype at = out.size();
    out.resize(at + qsizetype(n * 4));
    char *p = out.data() + at;
    if constexpr (Q_BYTE_ORDER == Q_LITTLE_ENDIAN) {
        std::memcpy(p, v, n * 4);
    } else {
        for (size_t i = 0; i < n; ++i) {
            uint32_t bits;
            std::memcpy(&bits, &v[i], 4);
            qToLittleEndian(bits, p + 4 * i);
        }
    }
}
inline void readF32Array(const char *p, float *out, size_t n)
{
    if (n == 0) return;
    if constexpr (Q_BYTE_ORDER == Q_LITTLE_ENDIAN) {
        std::memcpy(out, p, n * 4);
    } else {
        for (size_t i = 0; i < n; ++i)
            out[i] = getF32(p + 4 * i);
    }
}

// Bounded reader over a byte range: every read checks what is left and
// sets failed() instead of reading past the end.
class ByteReader {
public:
    ByteReader(const char *data, size_t size) : m_p(data), m_end(data + size) { }
    bool failed() const { return m_failed; }
    size_t remaining() const { return size_t(m_end - m_p); }
    bool atEnd() const { return m_p == m_end; }

    uint8_t u8()
    {
        if (!need(1)) return 0;
        return uint8_t(*m_p++);
    }
    uint32_t u32()
    {
        if (!need(4)) return 0;
        const uint32_t v = getU32(m_p);
        m_p += 4;
        return v;
    }
    uint64_t u64()
    {
        if (!need(8)) return 0;
        const uint64_t v = getU64(m_p);
        m_p += 8;
        return v;
    }
    const char *take(size_t n)
    {
        if (!need(n)) return nullptr;
        const char *p = m_p;
        m_p += n;
        return p;
    }

private:
    bool need(size_t n)
    {
        if (m_failed || remaining() < n) {
            m_failed = true;
            return false;
        }
        return true;
    }
    const char *m_p;
    const char *m_end;
    bool m_failed = false;
};

} // namespace sextant::storage
