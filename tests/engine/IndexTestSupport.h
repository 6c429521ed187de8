#pragma once
// Helpers for suites that drive the engine through the Index facade.

#include "sextant/Index.h"
#include "sextant/Verifier.h"
#include "storage/Manifest.h"

#include "TestSupport.h"

#include <QDir>
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

// A query's hits as "id:score" (for messages).
inline QString hitsText(const sextant::QueryResult &r)
{
    QStringList out;
    for (const sextant::QueryHit &h : r.hits)
        out << QStringLiteral("%1:%2").arg(h.id).arg(double(h.score), 0, 'g', 9);
    return out.join(u' ');
}

// Empty when `a` and `b` hold the same ids in the same order with the same
// scores: equal up to float rounding (a rerank scores an item with other
// kernels than the exact scan, summing in another order, so the last bits
// may differ); otherwise both lists, for the failure message.
inline QString sameHits(const sextant::QueryResult &a, const sextant::QueryResult &b)
{
    bool same = a.hits.size() == b.hits.size();
    for (qsizetype i = 0; same && i < a.hits.size(); ++i)
        same = a.hits[i].id == b.hits[i].id &&
               std::abs(a.hits[i].score - b.hits[i].score) <= 1e-5f * std::max(1.0f, std::abs(b.hits[i].score));
    return same ? QString() : QStringLiteral("\n  got  %1\n  want %2").arg(hitsText(a), hitsText(b));
}

// Closes `index` and opens its folder again, waiting until the graph is
// current. Empty on success, else what failed.
inline QString reopenWithGraph(std::shared_ptr<sextant::Index> &index, int timeoutMs = 60000)
{
    const QString path = index->path();
    if (const sextant::Error e = index->close()) return QStringLiteral("close: ") + e.message();
    index.reset();
    sextant::Result<std::shared_ptr<sextant::Index>> reopened = sextant::Index::open(path);
    if (!reopened.ok()) return QStringLiteral("open: ") + reopened.error().message();
    index = *reopened;
    return index->waitForGraph(timeoutMs) ? QString() : QStringLiteral("the graph did not become current");
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

// What an index folder may hold besides the lock (docs/format.md, "The
// folder"): the two manifests, every file MANIFEST names, the segments and
// deletion files of MANIFEST.prev, both logs and the chain after the older
// checkpoint, but no graph besides the current one (a superseded graph is
// removed once the manifest replacing it is durable). Returns a description
// of every file too many or missing; empty when the folder holds exactly that.
inline QString folderBeyondTheManifests(const QString &dir)
{
    using namespace sextant::storage;
    const sextant::Result<Manifest> cur = Manifest::read(dir + QStringLiteral("/MANIFEST"));
    if (!cur.ok()) return QStringLiteral("MANIFEST: ") + cur.error().message();
    QSet<QString> needed{QStringLiteral("MANIFEST"), QStringLiteral("LOCK"), QStringLiteral("LOCK.owner"),
                         cur->walFile};
    for (const FileRecord &f : cur->files)
        needed.insert(f.name);
    std::uint64_t logsAfter = cur->checkpointLsn;
    if (QFileInfo::exists(dir + QStringLiteral("/MANIFEST.prev"))) {
        const sextant::Result<Manifest> prev = Manifest::read(dir + QStringLiteral("/MANIFEST.prev"));
        if (!prev.ok()) return QStringLiteral("MANIFEST.prev: ") + prev.error().message();
        needed << QStringLiteral("MANIFEST.prev") << prev->walFile;
        for (const SegmentEntry &e : prev->segments)
            needed << e.file << e.deletionFile;
        logsAfter = std::min(logsAfter, prev->checkpointLsn);
    }
    QStringList problems;
    const QStringList present = QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &name : present) {
        const bool laterLog = name.startsWith(QLatin1String("wal-")) && name.endsWith(QLatin1String(".log")) &&
                              name.mid(4, 20).toULongLong() > logsAfter;
        if (!needed.contains(name) && !laterLog) problems << name + QStringLiteral(" is there but not needed");
    }
    for (const FileRecord &f : cur->files)
        if (!present.contains(f.name)) problems << f.name + QStringLiteral(" is named by MANIFEST but missing");
    return problems.join(QStringLiteral("; "));
}

} // namespace testsupport
