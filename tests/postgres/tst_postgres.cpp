// Publishing to and pulling from a real PostgreSQL with pgvector: PGlite
// (PostgreSQL in WebAssembly) with its pgvector extension, served on a
// loopback port by tools/pglite/server.mjs. Labelled "postgres" in CTest.

#include "PgliteServer.h"

#include "sextant/Index.h"
#include "sextant/JsonLines.h"
#include "sextant/Connection.h"
#include "sextant/Publish.h"
#include "sextant/Pull.h"
#include "sextant/Table.h"

#include <QJsonDocument>
#include <QMap>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace sextant;
using namespace sextant::postgres;
using pgtest::PgliteServer;

namespace {

struct Row {
    QVector<float> vector;
    QJsonObject metadata;
    bool operator==(const Row &) const = default;
};
using RowMap = QMap<QString, Row>;

QVector<float> randomVector(QRandomGenerator &random, int dims)
{
    QVector<float> v(dims);
    for (float &x : v)
        x = float(random.generateDouble() * 2 - 1);
    return v;
}

std::shared_ptr<Index> makeIndex(const QString &path, int dims, Metric metric, int count, quint32 seed)
{
    Schema schema;
    schema.dimensions = dims;
    schema.metric = metric;
    auto created = Index::create(path, schema);
    if (!created.ok()) qFatal("create: %s", qPrintable(created.error().toString()));
    QRandomGenerator random(seed);
    QList<WriteOp> ops;
    for (int i = 0; i < count; ++i)
        ops.append(WriteOp::insert(
            Item{QStringLiteral("item-%1").arg(i, 4, 10, QLatin1Char('0')), randomVector(random, dims),
                 QJsonObject{{QStringLiteral("n"), i}, {QStringLiteral("tag"), QStringLiteral("t%1").arg(i % 7)}}}));
    auto result = (*created)->write(ops).result();
    if (result.error) qFatal("write: %s", qPrintable(result.error.toString()));
    return *created;
}

RowMap indexRows(const Index &index)
{
    RowMap rows;
    QString after;
    for (;;) {
        auto page = index.list(after, 500, true);
        if (!page.ok()) qFatal("list: %s", qPrintable(page.error().toString()));
        for (const Item &item : page->items)
            rows.insert(item.id, {item.vector, item.metadata});
        if (page->nextAfter.isEmpty()) return rows;
        after = page->nextAfter;
    }
}

RowMap tableRows(const QString &conninfo, const QString &table)
{
    RowMap rows;
    auto c = Connection::open(conninfo);
    if (!c.ok()) qFatal("connect: %s", qPrintable(c.error().toString()));
    auto result =
        (*c)->exec(QString::fromUtf8("SELECT id, embedding::text, metadata::text FROM " + (*c)->identifier(table)));
    if (!result.ok()) qFatal("select: %s", qPrintable(result.error().toString()));
    for (int r = 0; r < result->count(); ++r)
        rows.insert(result->text(r, 0), {parseVectorLiteral(result->bytes(r, 1)).value_or(QVector<float>{}),
                                         QJsonDocument::fromJson(result->bytes(r, 2)).object()});
    return rows;
}

QString firstDifference(const RowMap &expected, const RowMap &actual)
{
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (!actual.contains(it.key())) return QStringLiteral("missing %1").arg(it.key());
        if (actual.value(it.key()) != it.value()) return QStringLiteral("differs %1").arg(it.key());
    }
    for (auto it = actual.cbegin(); it != actual.cend(); ++it)
        if (!expected.contains(it.key())) return QStringLiteral("extra %1").arg(it.key());
    return {};
}

Error exec(const QString &conninfo, const QString &sql)
{
    auto c = Connection::open(conninfo);
    if (!c.ok()) return c.error();
    return (*c)->run(sql);
}

QString scalar(const QString &conninfo, const QString &sql)
{
    auto c = Connection::open(conninfo);
    if (!c.ok()) return QStringLiteral("error: ") + c.error().message();
    auto rows = (*c)->exec(sql);
    if (!rows.ok()) return QStringLiteral("error: ") + rows.error().message();
    return rows->count() ? rows->text(0, 0) : QString();
}

Result<PublishSummary> publish(const std::shared_ptr<Index> &index, const QString &conninfo, const QString &table,
                               TableMode mode = TableMode::Create, AnnIndexKind ann = AnnIndexKind::None,
                               int batch = 100, PublishPlan *planOut = nullptr)
{
    Publisher publisher(index, {conninfo, table, mode, ann, batch});
    auto plan = publisher.plan();
    if (!plan.ok()) return plan.error();
    if (planOut) *planOut = *plan;
    return publisher.run();
}

struct CliRun {
    int exitCode = -1;
    QByteArray out, err;
};

QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), pgtest::kPassword);
    return env;
}

CliRun runCli(const QStringList &arguments, const QProcessEnvironment &env = cliEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SEXTANT_CLI_PATH), arguments);
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

// Starts a publish and SIGKILLs it once it has reported its first committed batch.
// Returns whether it was killed before it finished.
bool killDuringPublish(const QStringList &arguments, QByteArray *err)
{
    QProcess process;
    process.setProcessEnvironment(cliEnvironment());
    process.start(QStringLiteral(SEXTANT_CLI_PATH), arguments);
    if (!process.waitForStarted(10000)) return false;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000 && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        *err += process.readAllStandardError();
        if (err->contains("published ")) {
            process.kill();
            process.waitForFinished(10000);
            return process.exitStatus() == QProcess::CrashExit;
        }
    }
    process.waitForFinished(10000);
    return false;
}

} // namespace

class TestPostgres : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PgliteServer> m_server;
    QString conninfo() const { return m_server->conninfo(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<PgliteServer>(path(QStringLiteral("pgdata")));
        const QString problem = m_server->start();
        if (!problem.isEmpty())
            QFAIL(qPrintable(QStringLiteral("The PGlite server did not start (run tools/install-pglite.sh, or skip the "
                                            "postgres label): %1")
                                 .arg(problem)));
    }

    void cleanupTestCase() { m_server.reset(); }

    void redactsPasswords()
    {
        QVERIFY(!redactConninfo(QStringLiteral("postgresql://alice:s3cret@db.example/app")).contains(u"s3cret"));
        QVERIFY(redactConninfo(QStringLiteral("postgresql://alice:s3cret@db.example/app")).contains(u"alice"));
        QVERIFY(
            !redactConninfo(QStringLiteral("postgres://h/app?sslmode=require&password=s3cret")).contains(u"s3cret"));
        QVERIFY(!redactConninfo(QStringLiteral("host=h password='two words' user=x")).contains(u"two words"));
        QVERIFY(!redactConninfo(QStringLiteral("host=h PASSWORD = s3cret user=x")).contains(u"s3cret"));
        QVERIFY(redactConninfo(QStringLiteral("host=h password=s3cret user=x")).contains(u"user=x"));
        QVERIFY(!parseTableName(QStringLiteral("a.b.c")).ok());
        QCOMPARE(parseTableName(QStringLiteral("s.t"))->schema, QStringLiteral("s"));
        const QVector<float> v{0.1f, -2.5f, 3e-7f, 1.0f / 3};
        QCOMPARE(parseVectorLiteral(vectorLiteral(v)).value(), v);
        QVERIFY(!parseVectorLiteral("[1,,2]"));
        QVERIFY(!parseVectorLiteral("1,2"));
    }

    void serverTopTenEqualsExactTopTen_data()
    {
        QTest::addColumn<int>("metric");
        QTest::newRow("cosine") << int(Metric::Cosine);
        QTest::newRow("l2") << int(Metric::L2);
        QTest::newRow("dot") << int(Metric::Dot);
    }

    void serverTopTenEqualsExactTopTen()
    {
        QFETCH(int, metric);
        const Metric m = Metric(metric);
        const QString name = QStringLiteral("top_") + metricName(m);
        auto index = makeIndex(path(name), 12, m, 400, 7 + quint32(metric));
        auto summary = publish(index, conninfo(), name);
        QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
        QCOMPARE(summary->upserted, 400);

        auto c = Connection::open(conninfo());
        QVERIFY2(c.ok(), qPrintable(c.error().toString()));
        QRandomGenerator random(99);
        for (int q = 0; q < 20; ++q) {
            const QVector<float> vector = randomVector(random, 12);
            QueryRequest request;
            request.vector = vector;
            request.k = 10;
            request.mode = QueryMode::Exact;
            auto local = index->query(request);
            QVERIFY(local.ok());
            QStringList localIds;
            for (const QueryHit &hit : local->hits)
                localIds << hit.id;
            auto server = (*c)->exec(QStringLiteral("SELECT id FROM %1 ORDER BY embedding %2 $1::vector LIMIT 10")
                                         .arg(QString::fromUtf8((*c)->identifier(name)), distanceOperator(m)),
                                     {vectorLiteral(vector)});
            QVERIFY2(server.ok(), qPrintable(server.error().toString()));
            QStringList serverIds;
            for (int r = 0; r < server->count(); ++r)
                serverIds << server->text(r, 0);
            QCOMPARE(serverIds, localIds);
        }
    }

    void incrementalPublishFollowsInsertsUpdatesDeletes()
    {
        const QString table = QStringLiteral("incremental");
        auto index = makeIndex(path(table), 8, Metric::Cosine, 200, 3);
        PublishPlan plan;
        auto first = publish(index, conninfo(), table, TableMode::Create, AnnIndexKind::Hnsw, 64, &plan);
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        QVERIFY(plan.createTable);
        QVERIFY(first->annIndexCreated);
        const QString def =
            scalar(conninfo(), QStringLiteral("SELECT indexdef FROM pg_indexes WHERE tablename = 'incremental' "
                                              "AND indexdef LIKE '%hnsw%'"));
        QVERIFY2(def.contains(u"vector_cosine_ops") && def.contains(u"m='16'") &&
                     def.contains(u"ef_construction='200'"),
                 qPrintable(def));
        QVERIFY(first->exampleQuery.contains(u"<=>"));
        QCOMPARE(scalar(conninfo(), first->exampleQuery.section(u'\n', 1)).isEmpty(), false); // the printed query runs

        // Updates, inserts and deletes.
        QRandomGenerator random(5);
        QList<WriteOp> ops;
        for (int i = 0; i < 20; ++i)
            ops.append(WriteOp::upsert(Item{QStringLiteral("item-%1").arg(i * 3, 4, 10, QLatin1Char('0')),
                                            randomVector(random, 8), QJsonObject{{QStringLiteral("changed"), true}}}));
        for (int i = 0; i < 30; ++i)
            ops.append(WriteOp::insert(Item{QStringLiteral("new-%1").arg(i), randomVector(random, 8), {}}));
        for (int i = 0; i < 25; ++i)
            ops.append(WriteOp::remove(QStringLiteral("item-%1").arg(100 + i, 4, 10, QLatin1Char('0'))));
        QVERIFY(!index->write(ops).result().error);

        auto second = publish(index, conninfo(), table, TableMode::Existing, AnnIndexKind::Hnsw, 64, &plan);
        QVERIFY2(second.ok(), qPrintable(second.error().toString()));
        QVERIFY2(!plan.full, qPrintable(plan.how));
        QCOMPARE(plan.upserts, 50);
        QCOMPARE(plan.deletes, 25);
        QCOMPARE(firstDifference(indexRows(*index), tableRows(conninfo(), table)), QString());

        // Nothing changed: nothing is sent; compaction changes nothing either.
        QVERIFY(!index->compact().result().error);
        auto third = publish(index, conninfo(), table, TableMode::Existing, AnnIndexKind::Hnsw, 64, &plan);
        QVERIFY2(third.ok(), qPrintable(third.error().toString()));
        QVERIFY(!plan.full);
        QCOMPARE(plan.upserts + plan.deletes, 0);

        // Without the local record, a full comparison that says so, and finds nothing to send.
        QVERIFY(QDir(path(table) + QStringLiteral("/publish")).removeRecursively());
        QVERIFY(!index->write({WriteOp::remove(QStringLiteral("new-0"))}).result().error);
        auto fourth = publish(index, conninfo(), table, TableMode::Existing, AnnIndexKind::Hnsw, 64, &plan);
        QVERIFY2(fourth.ok(), qPrintable(fourth.error().toString()));
        QVERIFY(plan.full);
        QVERIFY2(plan.how.startsWith(u"Full comparison"), qPrintable(plan.how));
        QCOMPARE(plan.upserts, 0);
        QCOMPARE(plan.deletes, 1);
        QCOMPARE(firstDifference(indexRows(*index), tableRows(conninfo(), table)), QString());
        QCOMPARE(scalar(conninfo(),
                        QStringLiteral(
                            "SELECT state || ' ' || publish_no FROM sextant_publish WHERE table_name = 'incremental'")),
                 QStringLiteral("complete 4"));
    }

    void sigkillDuringPublishThenResume()
    {
        const QString table = QStringLiteral("killed");
        {
            auto index = makeIndex(path(table), 16, Metric::L2, 1500, 11);
            QVERIFY(!index->close());
        }
        QByteArray err;
        const QStringList args{QStringLiteral("publish"),
                               path(table),
                               m_server->conninfoWithoutPassword(),
                               QStringLiteral("--table"),
                               table,
                               QStringLiteral("--create"),
                               QStringLiteral("--batch"),
                               QStringLiteral("3"),
                               QStringLiteral("--index"),
                               QStringLiteral("none")};
        QVERIFY2(killDuringPublish(args, &err), err.constData());
        QCOMPARE(scalar(conninfo(), QStringLiteral("SELECT state FROM sextant_publish WHERE table_name = 'killed'")),
                 QStringLiteral("in progress"));
        const int partial = scalar(conninfo(), QStringLiteral("SELECT count(*) FROM killed")).toInt();
        QVERIFY2(partial > 0 && partial < 1500, qPrintable(QString::number(partial)));

        // Change the index meanwhile: the resume sends those too.
        {
            auto index = Index::open(path(table));
            QVERIFY(index.ok());
            QVERIFY(!(*index)
                         ->write({WriteOp::remove(QStringLiteral("item-0001")),
                                  WriteOp::upsert(Item{QStringLiteral("item-1400"), QVector<float>(16, 0.5f), {}})})
                         .result()
                         .error);
            QVERIFY(!(*index)->close());
        }
        const CliRun resumed = runCli({QStringLiteral("publish"), path(table), m_server->conninfoWithoutPassword(),
                                       QStringLiteral("--table"), table, QStringLiteral("--batch"),
                                       QStringLiteral("500"), QStringLiteral("--index"), QStringLiteral("none")});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QVERIFY2(resumed.out.contains("Resuming publish #1"), resumed.out.constData());
        auto index = Index::open(path(table));
        QVERIFY(index.ok());
        QCOMPARE(firstDifference(indexRows(**index), tableRows(conninfo(), table)), QString());
        QCOMPARE(scalar(conninfo(), QStringLiteral("SELECT state FROM sextant_publish WHERE table_name = 'killed'")),
                 QStringLiteral("complete"));
    }

    void serverStoppedMidPublishIsResumable()
    {
        // A server of its own, stopped while the publish runs, then started again on the same data.
        const QString data = path(QStringLiteral("pgdata-stop"));
        auto server = std::make_unique<PgliteServer>(data);
        QString problem = server->start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString table = QStringLiteral("stopped");
        {
            auto index = makeIndex(path(table), 16, Metric::Dot, 1500, 13);
            QVERIFY(!index->close());
        }
        QProcess process;
        process.setProcessEnvironment(cliEnvironment());
        process.start(QStringLiteral(SEXTANT_CLI_PATH),
                      {QStringLiteral("publish"), path(table), server->conninfoWithoutPassword(),
                       QStringLiteral("--table"), table, QStringLiteral("--create"), QStringLiteral("--batch"),
                       QStringLiteral("3"), QStringLiteral("--index"), QStringLiteral("none")});
        QVERIFY(process.waitForStarted(10000));
        QByteArray err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("published ") && timer.elapsed() < 120000 && process.state() == QProcess::Running) {
            process.waitForReadyRead(100);
            err += process.readAllStandardError();
        }
        QVERIFY2(err.contains("published "), err.constData());
        server->stop();
        QVERIFY(process.waitForFinished(60000));
        err += process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        QVERIFY2(err.contains("the next publish resumes"), err.constData());
        QVERIFY2(err.contains("connection") || err.contains("server"), err.constData());
        QVERIFY2(!err.contains(pgtest::kPassword.toUtf8()), err.constData());

        server = std::make_unique<PgliteServer>(data);
        problem = server->start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(scalar(server->conninfo(), QStringLiteral("SELECT state FROM sextant_publish")),
                 QStringLiteral("in progress"));
        const CliRun resumed =
            runCli({QStringLiteral("publish"), path(table), server->conninfoWithoutPassword(),
                    QStringLiteral("--table"), table, QStringLiteral("--batch"), QStringLiteral("500"),
                    QStringLiteral("--index"), QStringLiteral("none"), QStringLiteral("--json")});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        const QJsonObject plan = QJsonDocument::fromJson(resumed.out).object().value(QStringLiteral("plan")).toObject();
        QVERIFY2(plan.value(QStringLiteral("how")).toString().startsWith(u"Resuming"), resumed.out.constData());
        auto index = Index::open(path(table));
        QVERIFY(index.ok());
        QCOMPARE(firstDifference(indexRows(**index), tableRows(server->conninfo(), table)), QString());
    }

    void pullGivesAnIndexWhoseExportEqualsTheTable()
    {
        const QString table = QStringLiteral("pulled");
        QVERIFY(!exec(conninfo(),
                      QStringLiteral("CREATE TABLE pulled (id text PRIMARY KEY, embedding vector(4), metadata jsonb, "
                                     "text text, uri text, extra int)")));
        QVERIFY(!exec(
            conninfo(),
            QStringLiteral("INSERT INTO pulled SELECT 'r' || lpad(i::text, 3, '0'), "
                           "ARRAY[i, i * 0.5, -i, 1.0 / (i + 1)]::real[]::vector, "
                           "CASE WHEN i % 5 = 0 THEN NULL ELSE jsonb_build_object('n', i, 'even', i % 2 = 0) END, "
                           "CASE WHEN i % 3 = 0 THEN 'text ' || i END, 'file:///doc' || i, i "
                           "FROM generate_series(0, 59) AS i")));
        QVERIFY(!exec(conninfo(), QStringLiteral("CREATE INDEX ON pulled USING hnsw (embedding vector_l2_ops)")));
        const CliRun pulled =
            runCli({QStringLiteral("import"), path(QStringLiteral("from-pg")), m_server->conninfoWithoutPassword(),
                    QStringLiteral("--table"), table, QStringLiteral("--batch"), QStringLiteral("7")});
        QVERIFY2(pulled.exitCode == 0, pulled.err.constData());
        QVERIFY2(pulled.out.contains("pulled 60 rows"), pulled.out.constData());
        QVERIFY2(pulled.out.contains(", l2 (from the table's ANN index)"), pulled.out.constData());

        const CliRun exported = runCli({QStringLiteral("export"), path(QStringLiteral("from-pg"))});
        QCOMPARE(exported.exitCode, 0);
        RowMap fromExport;
        for (const QByteArray &line : exported.out.split('\n')) {
            if (line.isEmpty()) continue;
            auto item = formats::parseJsonLine(line);
            QVERIFY(item.ok());
            fromExport.insert(item->id, {item->vector, item->metadata});
        }
        // The table as Sextant reads it: metadata plus text and uri.
        RowMap expected;
        auto c = Connection::open(conninfo());
        QVERIFY(c.ok());
        auto rows = (*c)->exec(
            QStringLiteral("SELECT id, embedding::text, coalesce(metadata, '{}'::jsonb) "
                           "|| jsonb_strip_nulls(jsonb_build_object('text', text, 'uri', uri)) FROM pulled"));
        QVERIFY(rows.ok());
        for (int r = 0; r < rows->count(); ++r)
            expected.insert(rows->text(r, 0), {*parseVectorLiteral(rows->bytes(r, 1)),
                                               QJsonDocument::fromJson(rows->bytes(r, 2)).object()});
        QCOMPARE(expected.size(), 60);
        QCOMPARE(firstDifference(expected, fromExport), QString());

        // --where pulls a part, into an existing index too.
        const CliRun part =
            runCli({QStringLiteral("import"), path(QStringLiteral("part")), m_server->conninfoWithoutPassword(),
                    QStringLiteral("--table"), table, QStringLiteral("--where"), QStringLiteral("extra < 10")});
        QVERIFY2(part.exitCode == 0, part.err.constData());
        QVERIFY2(part.out.contains("pulled 10 rows"), part.out.constData());
    }

    void badInputIsRefusedClearly()
    {
        // A wrong password.
        auto denied = Connection::open(m_server->conninfo(QStringLiteral("not-the-right-one")));
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().code(), ErrorCode::AccessDenied);
        QVERIFY2(denied.error().message().contains(u"password authentication failed"),
                 qPrintable(denied.error().message()));
        QVERIFY(!denied.error().message().contains(u"not-the-right-one"));
        QProcessEnvironment wrong = cliEnvironment();
        wrong.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("not-the-right-one"));
        auto index = makeIndex(path(QStringLiteral("bad")), 4, Metric::Cosine, 5, 1);
        QVERIFY(!index->close());
        index.reset();
        CliRun run =
            runCli({QStringLiteral("publish"), path(QStringLiteral("bad")), m_server->conninfoWithoutPassword(),
                    QStringLiteral("--table"), QStringLiteral("bad"), QStringLiteral("--create")},
                   wrong);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("password authentication failed"), run.err.constData());
        QVERIFY(!run.err.contains("not-the-right-one"));

        // A wrong host (nothing listens there); the password in the string is not shown.
        run = runCli({QStringLiteral("publish"), path(QStringLiteral("bad")),
                      QStringLiteral("postgresql://postgres:hidden-secret@127.0.0.1:1/postgres?connect_timeout=5"),
                      QStringLiteral("--table"), QStringLiteral("bad"), QStringLiteral("--create")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("Could not connect to postgresql://postgres:***@127.0.0.1:1/"), run.err.constData());
        QVERIFY(!run.err.contains("hidden-secret"));

        // A table of another dimension.
        QVERIFY(!exec(conninfo(),
                      QStringLiteral("CREATE TABLE dims3 (id text PRIMARY KEY, embedding vector(3), metadata jsonb)")));
        run = runCli({QStringLiteral("publish"), path(QStringLiteral("bad")), m_server->conninfoWithoutPassword(),
                      QStringLiteral("--table"), QStringLiteral("dims3")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("its column embedding has 3 dimensions, the index 4"), run.err.constData());

        // A table without a vector column: publish and pull both refuse it.
        QVERIFY(!exec(conninfo(),
                      QStringLiteral("CREATE TABLE novector (id text PRIMARY KEY, embedding real[], metadata jsonb)")));
        run = runCli({QStringLiteral("publish"), path(QStringLiteral("bad")), m_server->conninfoWithoutPassword(),
                      QStringLiteral("--table"), QStringLiteral("novector")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("its column embedding is real[], not vector(4)"), run.err.constData());
        run = runCli({QStringLiteral("import"), path(QStringLiteral("nothing")), m_server->conninfoWithoutPassword(),
                      QStringLiteral("--table"), QStringLiteral("novector")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("has no vector column"), run.err.constData());
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("nothing"))));

        // A table that is not there, and a name that needs quoting.
        run = runCli({QStringLiteral("publish"), path(QStringLiteral("bad")), m_server->conninfoWithoutPassword(),
                      QStringLiteral("--table"), QStringLiteral("no\"such; table")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("There is no table no\"such; table"), run.err.constData());
        run = runCli({QStringLiteral("publish"), path(QStringLiteral("bad")), m_server->conninfoWithoutPassword(),
                      QStringLiteral("--table"), QStringLiteral("Odd \"Name\"; DROP"), QStringLiteral("--create")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(scalar(conninfo(), QStringLiteral("SELECT count(*) FROM \"Odd \"\"Name\"\"; DROP\"")),
                 QStringLiteral("5"));

        // RowMap published from another index are not overwritten without --upsert.
        auto other = makeIndex(path(QStringLiteral("other")), 4, Metric::Cosine, 3, 2);
        auto refused = publish(other, conninfo(), QStringLiteral("Odd \"Name\"; DROP"), TableMode::Existing);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(u"was published from another index"),
                 qPrintable(refused.error().message()));
        auto merged = publish(other, conninfo(), QStringLiteral("Odd \"Name\"; DROP"), TableMode::Upsert);
        QVERIFY2(merged.ok(), qPrintable(merged.error().toString()));
        QVERIFY(merged->plan.full);
        QCOMPARE(scalar(conninfo(), QStringLiteral("SELECT count(*) FROM \"Odd \"\"Name\"\"; DROP\"")),
                 QStringLiteral("5"));
    }
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
