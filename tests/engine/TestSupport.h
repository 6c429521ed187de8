#pragma once
// Small helpers shared by the engine test suites: raw file surgery (bit
// flips, truncation, copies) and deterministic test data.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QtTest>

namespace testsupport {

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("cannot read %s", qPrintable(path));
        return {};
    }
    return f.readAll();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    return f.write(bytes) == bytes.size();
}

inline bool flipBit(const QString &path, qint64 offset, int bit)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite)) return false;
    if (!f.seek(offset)) return false;
    char c = 0;
    if (f.read(&c, 1) != 1) return false;
    c = char(uchar(c) ^ (1u << bit));
    if (!f.seek(offset)) return false;
    return f.write(&c, 1) == 1;
}

inline bool truncateTo(const QString &path, qint64 size)
{
    QFile f(path);
    return f.resize(size);
}

inline qint64 fileSize(const QString &path) { return QFileInfo(path).size(); }

// Copies the regular files of `from` (not recursively) into `to`, which is created.
inline bool copyFolder(const QString &from, const QString &to, const QStringList &skip = {})
{
    QDir().mkpath(to);
    const QStringList names = QDir(from).entryList(QDir::Files | QDir::Hidden);
    for (const QString &n : names) {
        if (skip.contains(n)) continue;
        QFile::remove(to + u'/' + n);
        if (!QFile::copy(from + u'/' + n, to + u'/' + n)) return false;
    }
    return true;
}

inline QStringList fileNames(const QString &dir)
{
    QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    return names;
}

inline QStringList filesMatching(const QString &dir, const QString &glob)
{
    return QDir(dir).entryList(QStringList{glob}, QDir::Files, QDir::Name);
}

// A deterministic vector: the same (seed, dims) always gives the same values.
inline QVector<float> makeVector(int dims, quint32 seed)
{
    QRandomGenerator g(seed * 2654435761u + 17u);
    QVector<float> v(dims);
    for (int i = 0; i < dims; ++i)
        v[i] = float(g.bounded(2000) - 1000) / 100.0f;
    return v;
}

} // namespace testsupport
