#pragma once
// Shared by crash_child and the crash suites: the deterministic content of an
// item written with a given seed, so the parent can recompute exactly what an
// acknowledged write stored (vector bit for bit, metadata value for value).

#include "sextant/Item.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <bit>
#include <cstdint>

namespace crashtest {

constexpr int kDims = 16;
// The child's acknowledged state must fit in a double exactly (metadata "seed").
constexpr quint64 kSeedsPerChild = 1ull << 24;

inline quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Finite values only, but with the awkward ones a careless encoder would
// change: negative zero, subnormals, large magnitudes.
inline QVector<float> vectorFor(quint64 seed)
{
    QVector<float> v(kDims);
    quint64 s = seed * 0x2545F4914F6CDD1Dull + 1;
    for (int i = 0; i < kDims; ++i) {
        const quint64 x = splitmix64(s);
        switch (x & 31) {
        case 0: v[i] = -0.0f; break;
        case 1: v[i] = std::bit_cast<float>(quint32((x >> 40) & 0x7fffff) | 1u); break; // subnormal
        case 2: v[i] = (x & 64) ? 1.0e6f : -1.0e6f; break;
        default: v[i] = float((x >> 40) * (1.0 / 16777216.0)) * 2.0f - 1.0f; break;
        }
    }
    return v;
}

inline QJsonObject metadataFor(const QString &id, quint64 seed)
{
    if (seed % 7 == 3) return {}; // some items carry no metadata at all
    QJsonObject m;
    m.insert(QStringLiteral("seed"), double(seed));
    m.insert(QStringLiteral("id"), id);
    m.insert(QStringLiteral("even"), seed % 2 == 0);
    QJsonArray tags;
    for (quint64 k = 0; k < seed % 4; ++k)
        tags.append(QStringLiteral("t%1").arg((seed >> (k * 3)) & 0xff));
    m.insert(QStringLiteral("tags"), tags);
    m.insert(QStringLiteral("nested"),
             QJsonObject{{QStringLiteral("eighths"), double(seed % 1000) / 8.0},
                         {QStringLiteral("list"), QJsonArray{1, QStringLiteral("two"), QJsonValue(QJsonValue::Null)}}});
    // Padding makes the WAL grow fast enough for frequent checkpoints.
    m.insert(QStringLiteral("pad"), QString(int(seed % 601), QChar(u'a' + int(seed % 26))));
    return m;
}

inline sextant::Item itemFor(const QString &id, quint64 seed)
{
    return sextant::Item{id, vectorFor(seed), metadataFor(id, seed)};
}

// Ids the crash child writes. A small pool, so upserts overwrite and deletes
// hit; some are not ASCII. None contains a space or a colon (line format).
inline QStringList idPool()
{
    QStringList ids;
    for (int i = 0; i < 200; ++i)
        ids << QStringLiteral("id-%1").arg(i, 5, 10, QChar(u'0'));
    for (int i = 0; i < 15; ++i)
        ids << QStringLiteral("ключ-%1").arg(i);
    for (int i = 0; i < 15; ++i)
        ids << QStringLiteral("键-%1").arg(i);
    for (int i = 0; i < 10; ++i)
        ids << QStringLiteral("\U0001F511-%1").arg(i);
    return ids;
}

inline bool bitEqual(const QVector<float> &a, const QVector<float> &b)
{
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); ++i)
        if (std::bit_cast<quint32>(a[i]) != std::bit_cast<quint32>(b[i])) return false;
    return true;
}

} // namespace crashtest
