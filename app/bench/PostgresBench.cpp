// sextant-bench postgres: publish throughput to a PostgreSQL server with
// pgvector (docs/postgres.md). For reference only: against the PGlite test
// server (WebAssembly) it measures mostly PGlite.

#include "BenchSupport.h"

#include "sextant/Index.h"
#include "sextant/Connection.h"
#include "sextant/Publish.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTemporaryDir>

#include <chrono>

namespace sextant::bench {

int runPostgresBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Publish throughput to PostgreSQL + pgvector: a full publish, then an "
                       "incremental one after 1% of the items changed."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("conninfo"), QStringLiteral("The server (libpq connection string or URI; required)."),
         QStringLiteral("conninfo")},
        {QStringLiteral("n"), QStringLiteral("Items (default 100000; --quick 10000)."), QStringLiteral("count")},
        {QStringLiteral("dims"), QStringLiteral("Their dimensions (default 384)."), QStringLiteral("d")},
        {QStringLiteral("batch"), QStringLiteral("Rows per INSERT and transaction (default 500)."),
         QStringLiteral("n")},
        {QStringLiteral("index"),
         QStringLiteral("ANN index to build after the full publish: none (default), hnsw or ivfflat."),
         QStringLiteral("kind")},
    });
    parser.process(args);
    const CommonOptions common = commonOptions(parser);
    setPrettyOutput(common.pretty);
    const QString conninfo = parser.value(QStringLiteral("conninfo"));
    if (conninfo.isEmpty()) {
        progress(
            QStringLiteral("postgres: --conninfo is required (for PGlite: node build/pglite/server.mjs --port 5433)"));
        return 2;
    }
    const qint64 n = parser.value(QStringLiteral("n")).isEmpty() ? (common.quick ? 10000 : 100000)
                                                                 : parser.value(QStringLiteral("n")).toLongLong();
    const int dims =
        parser.value(QStringLiteral("dims")).isEmpty() ? 384 : parser.value(QStringLiteral("dims")).toInt();
    const int batch =
        parser.value(QStringLiteral("batch")).isEmpty() ? 500 : parser.value(QStringLiteral("batch")).toInt();
    const auto ann = postgres::annIndexKindFromName(parser.value(QStringLiteral("index")).isEmpty()
                                                        ? QStringLiteral("none")
                                                        : parser.value(QStringLiteral("index")));
    if (!ann) {
        progress(QStringLiteral("postgres: --index is none, hnsw or ivfflat"));
        return 2;
    }

    QTemporaryDir scratch((common.dir.isEmpty() ? QDir::tempPath() : common.dir) +
                          QStringLiteral("/sextant-bench-postgres-XXXXXX"));
    scratch.setAutoRemove(!common.keep);
    QJsonObject out{{QStringLiteral("bench"), QStringLiteral("postgres")},
                    {QStringLiteral("machine"), machineInfo(scratch.path())}};

    Schema schema;
    schema.dimensions = dims;
    auto created = Index::create(scratch.filePath(QStringLiteral("index")), schema);
    if (!created.ok()) {
        progress(created.error().message());
        return 2;
    }
    std::shared_ptr<Index> index = *created;
    progress(QStringLiteral("postgres: writing %1 x %2 locally").arg(n).arg(dims));
    VectorSource data(common.seed);
    for (qint64 i = 0; i < n;) {
        QList<WriteOp> ops;
        for (int k = 0; k < 5000 && i < n; ++k, ++i)
            ops.append(WriteOp::insert(
                Item{itemId(common.seed, i), data.next(dims), QJsonObject{{QStringLiteral("i"), double(i)}}}));
        if (WriteResult r = index->write(ops, Priority::Bulk).result(); r.error) {
            progress(r.error.message());
            return 2;
        }
    }

    const QString table = QStringLiteral("sextant_bench_%1").arg(common.seed);
    {
        auto c = postgres::Connection::open(conninfo);
        if (!c.ok()) {
            progress(c.error().message());
            return 2;
        }
        out.insert(QStringLiteral("server"), (*c)->serverVersion());
        (*c)->run(QString::fromUtf8("DROP TABLE IF EXISTS " + (*c)->identifier(table)));
        (*c)->run(QStringLiteral("DELETE FROM sextant_publish WHERE table_name = $1"), {table.toUtf8()});
    }

    auto publishOnce = [&](const QString &what, postgres::TableMode mode) -> QJsonObject {
        progress(QStringLiteral("postgres: %1").arg(what));
        postgres::Publisher publisher(index, {conninfo, table, mode, *ann, batch});
        const auto t0 = std::chrono::steady_clock::now();
        auto plan = publisher.plan();
        if (!plan.ok()) return {{QStringLiteral("error"), plan.error().message()}};
        const double planMs = msSince(t0);
        qint64 lastReport = 0;
        auto summary = publisher.run([&](qint64 done, qint64 total, qint64) {
            if (done - lastReport >= 10000 || done == total) {
                lastReport = done;
                progress(QStringLiteral("postgres: %1 / %2").arg(done).arg(total));
            }
            return true;
        });
        if (!summary.ok()) return {{QStringLiteral("error"), summary.error().message()}};
        const double seconds = msSince(t0) / 1000.0;
        return {{QStringLiteral("what"), what},
                {QStringLiteral("how"), plan->how},
                {QStringLiteral("upserted"), double(summary->upserted)},
                {QStringLiteral("deleted"), double(summary->deleted)},
                {QStringLiteral("planMs"), planMs},
                {QStringLiteral("seconds"), seconds},
                {QStringLiteral("itemsPerSecond"), double(summary->upserted + summary->deleted) / seconds},
                {QStringLiteral("megabytesSent"), double(summary->bytes) / 1e6},
                {QStringLiteral("megabytesPerSecond"), double(summary->bytes) / 1e6 / seconds},
                {QStringLiteral("annIndexCreated"), summary->annIndexCreated}};
    };
    QJsonArray runs;
    runs.append(publishOnce(QStringLiteral("full publish"), postgres::TableMode::Create));
    // 1% changed: half updated, half deleted.
    {
        QList<WriteOp> ops;
        for (qint64 i = 0; i < n / 100; ++i)
            ops.append(i % 2 ? WriteOp::remove(itemId(common.seed, i * 97 % n))
                             : WriteOp::upsert(Item{itemId(common.seed, i * 97 % n), data.next(dims), {}}));
        index->write(ops).result();
    }
    runs.append(publishOnce(QStringLiteral("incremental publish, 1% changed"), postgres::TableMode::Existing));
    out.insert(QStringLiteral("items"), double(n));
    out.insert(QStringLiteral("dimensions"), dims);
    out.insert(QStringLiteral("batch"), batch);
    out.insert(QStringLiteral("runs"), runs);
    emitJson(out);
    if (!common.keep) {
        auto c = postgres::Connection::open(conninfo);
        if (c.ok()) {
            (*c)->run(QString::fromUtf8("DROP TABLE IF EXISTS " + (*c)->identifier(table)));
            (*c)->run(QStringLiteral("DELETE FROM sextant_publish WHERE table_name = $1"), {table.toUtf8()});
        }
    }
    return 0;
}

} // namespace sextant::bench
