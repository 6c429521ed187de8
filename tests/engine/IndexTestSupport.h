#pragma once
// Helpers for suites that drive the engine through the Index facade.

#include "sextant/Index.h"
#include "sextant/Verifier.h"

#include "TestSupport.h"

#include <QFuture>
#include <QJsonObject>
#include <QtTest>

#include <map>

namespace testsupport {

inline sextant::Schema smallSchema(int dims = 4, sextant::Metric metric = sextant::Metric::L2)
{
    sextant::Schema s;
    s.dimensions = dims;
    s.metric = metric;
    return s;
}

inline sextant::Item makeItem(const QString &id, quint32 seed, int dims = 4, QJsonObject meta = {})
{
    if (meta.isEmpty()) meta = QJsonObject{{QStringLiteral("seed"), double(seed)}, {QStringLiteral("id"), id}};
    return sextant::Item{id, makeVector(dims, seed), meta};
}

inline sextant::WriteResult waitFor(QFuture<sextant::WriteResult> f)
{
    f.waitForFinished();
    if (f.resultCount() < 1) {
        sextant::WriteResult r;
        r.error = sextant::Error(sextant::ErrorCode::Cancelled, QStringLiteral("the future finished without a result"));
        return r;
    }
    return f.result();
}

// What an index should hold: id -> item.
using Expected = std::map<QByteArray, sextant::Item>;

// Compares the whole content of `index` (count, list in pages, get of each
// item) with `expected`; returns a description of the first difference.
inline QString diffContent(const sextant::Index &index, const Expected &expected, int pageSize = 17)
{
    if (index.count() != qint64(expected.size()))
        return QStringLiteral("count() is %1, expected %2").arg(index.count()).arg(expected.size());
    QList<sextant::Item> listed;
    QString after;
    for (int guard = 0; guard < 100000; ++guard) {
        sextant::Result<sextant::ListPage> page = index.list(after, pageSize, true);
        if (!page.ok()) return QStringLiteral("list failed: ") + page.error().message();
        listed += page->items;
        if (page->nextAfter.isEmpty()) break;
        after = page->nextAfter;
    }
    if (listed.size() != qsizetype(expected.size()))
        return QStringLiteral("list() returned %1 items, expected %2").arg(listed.size()).arg(expected.size());
    auto it = expected.begin();
    for (int i = 0; i < listed.size(); ++i, ++it) {
        const sextant::Item &got = listed[i];
        const sextant::Item &want = it->second;
        if (got.id != want.id)
            return QStringLiteral("list() item %1 is \"%2\", expected \"%3\"").arg(i).arg(got.id, want.id);
        if (got.vector != want.vector) return QStringLiteral("list() vector of \"%1\" differs").arg(got.id);
        if (got.metadata != want.metadata) return QStringLiteral("list() metadata of \"%1\" differs").arg(got.id);
        sextant::Result<sextant::Item> g = index.get(want.id);
        if (!g.ok()) return QStringLiteral("get(\"%1\") failed: %2").arg(want.id, g.error().message());
        if (g->vector != want.vector || g->metadata != want.metadata)
            return QStringLiteral("get(\"%1\") returned other data").arg(want.id);
    }
    return {};
}

inline void expectPut(Expected &e, const sextant::Item &item) { e[item.id.toUtf8()] = item; }

} // namespace testsupport
