// sextant-bench gui-sort: how long Browse takes to build the ordering of a
// column sort (ItemTableModel::buildOrdering, run on a worker by the model)
// on an existing index: natural id order, the id column descending, a
// field both ways and the norm. docs/gui-browse.md ("Sorting") records a run.

#include "BenchSupport.h"

#include "ItemTableModel.h"
#include "sextant/Index.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>

namespace sextant::bench {

using namespace sextant::ui;

int runGuiSort(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Browse column sorts: time to build the ordering (ItemTableModel::buildOrdering) of an "
                       "existing index, opened read-only without its graph."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("index"), QStringLiteral("The index to sort (required)."), QStringLiteral("path")},
        {QStringLiteral("field"), QStringLiteral("A metadata field to sort by (default year)."),
         QStringLiteral("name")},
        {QStringLiteral("filter"), QStringLiteral("Sort only the items this filter matches."), QStringLiteral("json")},
        {QStringLiteral("repeat"), QStringLiteral("Runs of each sort (default 3; the median is reported)."),
         QStringLiteral("count")},
    });
    parser.process(args);
    const CommonOptions common = commonOptions(parser);
    setPrettyOutput(common.pretty);
    const QString path = parser.value(QStringLiteral("index"));
    if (path.isEmpty() || !QFileInfo(path).isDir()) {
        progress(QStringLiteral("--index PATH (an index folder) is required"));
        return 2;
    }
    const QString field = parser.value(QStringLiteral("field")).isEmpty() ? QStringLiteral("year")
                                                                          : parser.value(QStringLiteral("field"));
    const QByteArray filter = parser.value(QStringLiteral("filter")).toUtf8();
    const int repeat =
        std::max(1, parser.value(QStringLiteral("repeat")).isEmpty() ? (common.quick ? 1 : 3)
                                                                     : parser.value(QStringLiteral("repeat")).toInt());

    OpenOptions options;
    options.readOnly = true;
    options.graph = false;
    QElapsedTimer openClock;
    openClock.start();
    Result<std::shared_ptr<Index>> opened = Index::open(path, options);
    if (!opened.ok()) {
        progress(opened.error().toString());
        return 1;
    }
    const Index &index = **opened;
    QJsonObject out;
    out[QStringLiteral("bench")] = QStringLiteral("gui-sort");
    out[QStringLiteral("machine")] = machineInfo(QFileInfo(path).absolutePath());
    out[QStringLiteral("index")] = QFileInfo(path).absoluteFilePath();
    out[QStringLiteral("items")] = double(index.count());
    out[QStringLiteral("dims")] = index.schema().dimensions;
    out[QStringLiteral("open_ms")] = double(openClock.nsecsElapsed()) / 1e6;
    if (!filter.isEmpty()) out[QStringLiteral("filter")] = QString::fromUtf8(filter);
    out[QStringLiteral("repeat")] = repeat;

    using Spec = ItemTableModel::SortSpec;
    using Key = ItemTableModel::SortKey;
    const std::pair<QString, Spec> sorts[] = {
        {QStringLiteral("natural_id_ascending"), Spec{Key::NaturalId, {}, Qt::AscendingOrder}},
        {QStringLiteral("id_descending"), Spec{Key::Id, {}, Qt::DescendingOrder}},
        {QStringLiteral("field_ascending"), Spec{Key::Field, field, Qt::AscendingOrder}},
        {QStringLiteral("field_descending"), Spec{Key::Field, field, Qt::DescendingOrder}},
        {QStringLiteral("norm_ascending"), Spec{Key::Norm, {}, Qt::AscendingOrder}},
    };
    QJsonObject results;
    for (const auto &[name, spec] : sorts) {
        std::vector<double> ms;
        qint64 rows = 0;
        QString error, first, last;
        for (int r = 0; r < repeat; ++r) {
            progress(QStringLiteral("%1, run %2 of %3").arg(name).arg(r + 1).arg(repeat));
            const ItemTableModel::Ordering o = ItemTableModel::buildOrdering(index, filter, spec);
            if (!o.error.isEmpty()) {
                error = o.error;
                break;
            }
            ms.push_back(o.milliseconds);
            rows = o.ids.size();
            if (!o.ids.isEmpty()) {
                first = o.ids.first();
                last = o.ids.last();
            }
        }
        QJsonObject s;
        if (!error.isEmpty()) {
            s[QStringLiteral("error")] = error;
        } else {
            std::sort(ms.begin(), ms.end());
            s[QStringLiteral("rows")] = double(rows);
            s[QStringLiteral("median_ms")] = ms[ms.size() / 2];
            s[QStringLiteral("min_ms")] = ms.front();
            s[QStringLiteral("max_ms")] = ms.back();
            s[QStringLiteral("first")] = first;
            s[QStringLiteral("last")] = last;
            progress(QStringLiteral("%1: %2 rows, median %3 ms").arg(name).arg(rows).arg(ms[ms.size() / 2], 0, 'f', 0));
        }
        results[name] = s;
    }
    out[QStringLiteral("sorts")] = results;
    (*opened)->close();
    emitJson(out);
    return 0;
}

} // namespace sextant::bench
