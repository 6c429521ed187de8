#pragma once
// Shared by the kill tests that start from a checked-in fixture
// (tst_upgrade_kill, tst_convert_kill): the seed and number of kills, and the
// items a fixture copy holds before any kill, to compare with after each.

#include "IndexTestSupport.h"
#include "sextant/Index.h"

#include <QRandomGenerator>
#include <QString>
#include <QTemporaryDir>

#include <algorithm>

namespace killtest {

// SEXTANT_CRASH_SEED replays a run; otherwise a fresh seed.
inline quint64 seedFromEnvironment()
{
    bool ok = false;
    const quint64 s = qEnvironmentVariable("SEXTANT_CRASH_SEED").toULongLong(&ok);
    return ok ? s : QRandomGenerator::global()->generate64();
}

// SEXTANT_CRASH_ITERATIONS, else `fallback`.
inline int iterations(int fallback)
{
    return qEnvironmentVariableIsSet("SEXTANT_CRASH_ITERATIONS")
               ? std::max(1, qEnvironmentVariableIntValue("SEXTANT_CRASH_ITERATIONS"))
               : fallback;
}

// Every item of `index` with its vector, by id; an error text when listing fails.
inline QString readAllItems(const sextant::Index &index, testsupport::Expected *out)
{
    QString cursor;
    for (;;) {
        sextant::Result<sextant::ListPage> page = index.list(cursor, 100, true);
        if (!page.ok()) return page.error().message();
        for (const sextant::Item &it : page->items)
            (*out)[it.id.toUtf8()] = it;
        if (page->nextAfter.isEmpty()) return {};
        cursor = page->nextAfter;
    }
}

// The items of a copy of the fixture folder `fixture`, opened read-only
// without its graph; `quantization` gets the schema's. An error text when
// the copy or the open fails.
inline QString readFixtureItems(const QString &fixture, testsupport::Expected *out,
                                sextant::Quantization *quantization = nullptr)
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("index"));
    if (!testsupport::copyFolder(fixture, dir)) return QStringLiteral("cannot copy %1").arg(fixture);
    sextant::OpenOptions ro;
    ro.readOnly = true;
    ro.graph = false;
    sextant::Result<std::shared_ptr<sextant::Index>> idx = sextant::Index::open(dir, ro);
    if (!idx.ok()) return idx.error().message();
    if (quantization) *quantization = (*idx)->schema().ann.quantization;
    return readAllItems(**idx, out);
}

} // namespace killtest
