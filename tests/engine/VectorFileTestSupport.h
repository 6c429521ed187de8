#pragma once
// Helpers of the vector file suites (tst_vector_files, tst_langchain):
// reading a whole VectorSource and comparing vectors bit for bit.

#include "sextant/VectorSource.h"

#include <QtTest>

#include <cstring>

namespace vectorfiles {

struct Drained {
    QList<sextant::Item> items;
    QList<sextant::formats::SourceProblem> problems;
    sextant::Error error; // the error that stopped the source, if any
};

// Reads the source to its end (or its error) in batches of `batch`.
inline Drained drain(sextant::formats::VectorSource &source, int batch = 3)
{
    Drained out;
    out.problems += source.takeProblems();
    for (;;) {
        sextant::Result<QList<sextant::Item>> items = source.next(batch);
        out.problems += source.takeProblems();
        if (!items.ok()) {
            out.error = items.error();
            return out;
        }
        if (items->isEmpty()) return out;
        if (items->size() > batch) {
            qWarning("a batch larger than asked for");
            out.error = sextant::Error(sextant::ErrorCode::InvalidArgument, QStringLiteral("batch too large"));
            return out;
        }
        out.items += *items;
    }
}

inline Drained drainPath(const QString &path,
                         sextant::formats::SourceFormat format = sextant::formats::SourceFormat::Auto,
                         const sextant::formats::SourceOptions &options = {})
{
    auto source = sextant::formats::openVectorSource(path, format, options);
    if (!source.ok()) {
        Drained out;
        out.error = source.error();
        return out;
    }
    return drain(**source);
}

inline bool sameBits(const QVector<float> &a, const QVector<float> &b)
{
    return a.size() == b.size() &&
           (a.isEmpty() || std::memcmp(a.constData(), b.constData(), size_t(a.size()) * sizeof(float)) == 0);
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline QString wheres(const QList<sextant::formats::SourceProblem> &problems)
{
    QStringList out;
    for (const auto &p : problems)
        out << p.where;
    return out.join(QStringLiteral(", "));
}

} // namespace vectorfiles
