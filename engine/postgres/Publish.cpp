#include "sextant/Publish.h"

#include "base/Checksums.h"

#include <QDataStream>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <mutex>

namespace sextant::postgres {

std::optional<AnnIndexKind> annIndexKindFromName(const QString &name)
{
    if (name == u"hnsw") return AnnIndexKind::Hnsw;
    if (name == u"ivfflat") return AnnIndexKind::IvfFlat;
    if (name == u"none") return AnnIndexKind::None;
    return std::nullopt;
}

namespace {

constexpr int kListPage = 1000;

using Hashes = QHash<QString, quint64>;

// The local record's binary lists: "SXTPUBL1", u64 count, then per entry
// u32 id length, the id's UTF-8 bytes, u64 hash; then the XXH3 of all the
// bytes before it.
QByteArray encodeList(const Hashes &hashes)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("SXTPUBL1", 8);
    out << quint64(hashes.size());
    QStringList ids = hashes.keys();
    std::sort(ids.begin(), ids.end());
    for (const QString &id : ids) {
        const QByteArray utf8 = id.toUtf8();
        out << quint32(utf8.size());
        out.writeRawData(utf8.constData(), int(utf8.size()));
        out << quint64(hashes.value(id));
    }
    out << quint64(base::xxh3(bytes));
    return bytes;
}

std::optional<Hashes> decodeList(const QByteArray &bytes)
{
    if (bytes.size() < 24 || !bytes.startsWith("SXTPUBL1")) return std::nullopt;
    const QByteArray body = bytes.left(bytes.size() - 8);
    QDataStream in(bytes);
    in.setByteOrder(QDataStream::LittleEndian);
    in.skipRawData(8);
    quint64 count = 0;
    in >> count;
    if (count > quint64(bytes.size())) return std::nullopt;
    Hashes hashes;
    hashes.reserve(qsizetype(count));
    for (quint64 i = 0; i < count; ++i) {
        quint32 length = 0;
        in >> length;
        if (length == 0 || length > 4096 || in.status() != QDataStream::Ok) return std::nullopt;
        QByteArray id(qsizetype(length), Qt::Uninitialized);
        if (in.readRawData(id.data(), int(length)) != int(length)) return std::nullopt;
        quint64 hash = 0;
        in >> hash;
        hashes.insert(QString::fromUtf8(id), hash);
    }
    quint64 checksum = 0;
    in >> checksum;
    if (in.status() != QDataStream::Ok || !in.atEnd() || checksum != base::xxh3(body)) return std::nullopt;
    return hashes;
}

QString safeFileKey(const QString &table)
{
    QString key;
    for (const QChar c : table)
        key += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'_' || c == u'.' ? c : u'_';
    return key.left(60) + u'-' + QString::number(base::xxh3(table.toUtf8()), 16);
}

} // namespace

struct Publisher::State {
    std::mutex connectionMutex; // guards the pointer for cancel()
    std::unique_ptr<Connection> connection;
    TableName table;
    TableInfo info;
    Schema schema;
    QString indexId;
    QByteArray qualifiedTable;
    QByteArray bookTable; // the sextant_publish table, qualified like the table

    bool serverRow = false;
    QString serverIndexId, serverToken, serverState;
    qint64 serverNumber = 0;
    quint64 serverLsn = 0;

    // The local record (publish/<key>.json and its lists).
    QString baseToken, pendingToken;
    quint64 baseLsn = 0;
    Hashes published; // what the table holds as far as we know (content hashes)
    QSet<QString> pendingIds;

    Hashes current; // the index now
    QStringList upserts, deletes;
    PublishPlan plan;
    bool planned = false;
    QString token; // this publish's
};

Publisher::Publisher(std::shared_ptr<Index> index, PublishOptions options)
    : m_index(std::move(index)), m_options(std::move(options)), d(std::make_unique<State>())
{
}

Publisher::~Publisher() = default;

void Publisher::cancel()
{
    m_cancelled = true;
    std::lock_guard lock(d->connectionMutex);
    if (d->connection) d->connection->cancel();
}

QString Publisher::localStatePath() const
{
    return QDir(m_index->path()).filePath(QStringLiteral("publish/%1.json").arg(safeFileKey(m_options.table)));
}

Error Publisher::loadServerRow()
{
    Connection &c = *d->connection;
    Result<Rows> exists = c.exec(QStringLiteral("SELECT to_regclass($1) IS NOT NULL"), {d->bookTable});
    if (!exists.ok()) return exists.error();
    if (exists->bytes(0, 0) != "t") return {};
    Result<Rows> row = c.exec(QByteArray("SELECT index_id, token, state, publish_no, lsn FROM ") + d->bookTable +
                                  " WHERE table_name = $1",
                              {d->table.display().toUtf8()});
    if (!row.ok()) return row.error();
    if (row->count() == 1) {
        d->serverRow = true;
        d->serverIndexId = row->text(0, 0);
        d->serverToken = row->text(0, 1);
        d->serverState = row->text(0, 2);
        d->serverNumber = row->integer(0, 3);
        d->serverLsn = quint64(row->integer(0, 4));
    }
    return {};
}

Error Publisher::compareWithServer(const std::function<bool(qint64, qint64)> &progress)
{
    Connection &c = *d->connection;
    d->published.clear();
    if (Error e = c.run(QStringLiteral("BEGIN READ ONLY"))) return e;
    const QByteArray declare =
        "DECLARE sextant_compare NO SCROLL CURSOR FOR SELECT id, embedding::text, metadata::text FROM " +
        d->qualifiedTable;
    if (Error e = c.run(QString::fromUtf8(declare))) {
        c.run(QStringLiteral("ROLLBACK"));
        return e;
    }
    qint64 seen = 0;
    for (;;) {
        if (m_cancelled) {
            c.run(QStringLiteral("ROLLBACK"));
            return {ErrorCode::Cancelled, QStringLiteral("Cancelled while comparing with the table.")};
        }
        Result<Rows> rows = c.exec(QStringLiteral("FETCH 1000 FROM sextant_compare"));
        if (!rows.ok()) return rows.error();
        if (rows->count() == 0) break;
        for (int r = 0; r < rows->count(); ++r) {
            const QString id = rows->text(r, 0);
            const std::optional<QVector<float>> vector = parseVectorLiteral(rows->bytes(r, 1));
            const QJsonObject metadata =
                rows->isNull(r, 2) ? QJsonObject() : QJsonDocument::fromJson(rows->bytes(r, 2)).object();
            // A row that does not read back (NULL vector) gets a hash no item has: it is sent again.
            d->published.insert(id, vector ? contentHash(*vector, metadata) : 0);
        }
        seen += rows->count();
        if (progress && !progress(seen, -1)) m_cancelled = true;
    }
    return c.run(QStringLiteral("COMMIT"));
}

Result<PublishPlan> Publisher::plan(const std::function<bool(qint64, qint64)> &progress)
{
    d->planned = false;
    PublishPlan &plan = d->plan;
    plan = {};
    plan.table = m_options.table;
    if (m_options.batch < 1 || m_options.batch > PublishOptions::kMaxBatch)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The batch size must be 1-%1 items.").arg(PublishOptions::kMaxBatch));
    Result<TableName> table = parseTableName(m_options.table);
    if (!table.ok()) return table.error();
    d->table = *table;
    d->schema = m_index->schema();
    const IndexStats stats = m_index->stats();
    d->indexId = QStringLiteral("%1/%2/%3")
                     .arg(stats.created.toUTC().toString(Qt::ISODateWithMs))
                     .arg(d->schema.dimensions)
                     .arg(metricName(d->schema.metric));
    plan.indexLsn = stats.lastLsn;

    {
        Result<std::unique_ptr<Connection>> connection = Connection::open(m_options.conninfo);
        if (!connection.ok()) return connection.error();
        std::lock_guard lock(d->connectionMutex);
        d->connection = connection.takeValue();
    }
    Connection &c = *d->connection;
    plan.target = c.target();
    d->qualifiedTable = c.qualified(d->table);
    d->bookTable = d->table.schema.isEmpty()
                       ? c.identifier(QStringLiteral("sextant_publish"))
                       : c.identifier(d->table.schema) + "." + c.identifier(QStringLiteral("sextant_publish"));

    Result<TableInfo> info = inspectTable(c, d->table);
    if (!info.ok()) return info.error();
    d->info = *info;
    if (!d->info.exists) {
        if (m_options.mode != TableMode::Create)
            return Error(ErrorCode::NotFound, QStringLiteral("There is no table %1 on %2; --create creates it.")
                                                  .arg(d->table.display(), plan.target));
        Result<Rows> vector =
            c.exec(QStringLiteral("SELECT (SELECT count(*) FROM pg_extension WHERE extname = 'vector'), "
                                  "(SELECT count(*) FROM pg_available_extensions WHERE name = 'vector')"));
        if (!vector.ok()) return vector.error();
        if (vector->integer(0, 0) == 0 && vector->integer(0, 1) == 0)
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("The server %1 has no pgvector extension (\"vector\"); install it there first.")
                             .arg(plan.target));
        if (vector->integer(0, 0) == 0)
            plan.notes << QStringLiteral(
                "The pgvector extension will be created in the database (CREATE EXTENSION vector).");
        plan.createTable = true;
    } else {
        const QStringList differences = shapeDifferences(d->info, d->schema);
        if (!differences.isEmpty())
            return Error(ErrorCode::SchemaViolation,
                         QStringLiteral("The table %1 does not fit this index: %2.")
                             .arg(d->table.display(), differences.join(QStringLiteral("; "))));
    }

    // What the server says was published.
    if (d->info.exists)
        if (Error e = loadServerRow()) return e;
    // What the local record says.
    {
        QFile file(localStatePath());
        if (file.open(QIODevice::ReadOnly)) {
            const QJsonObject record = QJsonDocument::fromJson(file.read(1 << 20)).object();
            if (record.value(QStringLiteral("indexId")).toString() == d->indexId &&
                record.value(QStringLiteral("table")).toString() == d->table.display()) {
                d->baseToken = record.value(QStringLiteral("baseToken")).toString();
                d->pendingToken = record.value(QStringLiteral("pendingToken")).toString();
                d->baseLsn = quint64(record.value(QStringLiteral("baseLsn")).toInteger());
                QFile list(localStatePath() + QStringLiteral(".published"));
                std::optional<Hashes> hashes =
                    list.open(QIODevice::ReadOnly) ? decodeList(list.readAll()) : std::nullopt;
                QFile pending(localStatePath() + QStringLiteral(".pending"));
                std::optional<Hashes> pendingIds;
                if (!d->pendingToken.isEmpty())
                    pendingIds = pending.open(QIODevice::ReadOnly) ? decodeList(pending.readAll()) : std::nullopt;
                if (!hashes || (!d->pendingToken.isEmpty() && !pendingIds)) {
                    d->baseToken.clear();
                    d->pendingToken.clear();
                    plan.notes << QStringLiteral("The local record of what was published is damaged; it is rebuilt.");
                } else {
                    d->published = *hashes;
                    if (pendingIds)
                        for (auto it = pendingIds->cbegin(); it != pendingIds->cend(); ++it)
                            d->pendingIds.insert(it.key());
                }
            }
        }
    }

    // Which comparison.
    enum class Base { Nothing, Local, Server } base = Base::Nothing;
    if (plan.createTable) {
        plan.how = QStringLiteral("First publish: the table is created and every item is sent.");
    } else if (!d->serverRow) {
        Result<Rows> any = c.exec(QByteArray("SELECT EXISTS (SELECT 1 FROM ") + d->qualifiedTable + ")", {});
        if (!any.ok()) return any.error();
        if (any->bytes(0, 0) != "t") {
            plan.how = QStringLiteral("First publish: the table is empty and every item is sent.");
        } else if (m_options.mode == TableMode::Upsert) {
            base = Base::Server;
            plan.how = QStringLiteral("Full comparison by id and content hash with the table's rows: it holds rows "
                                      "this index did not publish (--upsert: rows that are not in the index stay).");
        } else {
            return Error(
                ErrorCode::AlreadyExists,
                QStringLiteral("The table %1 already holds rows that were not published from an index (no row in "
                               "sextant_publish); --upsert writes this index's items into it anyway.")
                    .arg(d->table.display()));
        }
    } else if (d->serverIndexId != d->indexId) {
        if (m_options.mode != TableMode::Upsert)
            return Error(ErrorCode::AlreadyExists,
                         QStringLiteral("The table %1 was published from another index (%2); --upsert writes this "
                                        "index's items into it anyway.")
                             .arg(d->table.display(), d->serverIndexId));
        base = Base::Server;
        plan.how = QStringLiteral("Full comparison by id and content hash with the table's rows: they were published "
                                  "from another index (--upsert: rows that are not in this index stay).");
    } else if (!d->serverToken.isEmpty() && (d->serverToken == d->baseToken || d->serverToken == d->pendingToken)) {
        base = Base::Local;
        const bool resume = d->serverToken == d->pendingToken && d->serverState != u"complete";
        plan.full = false;
        plan.publishedLsn = d->serverToken == d->baseToken ? d->baseLsn : d->serverLsn;
        plan.how =
            resume ? QStringLiteral(
                         "Resuming publish #%1, which was interrupted: its items are sent again with their current "
                         "values, with what changed since publish LSN %2 (compared by content hash).")
                         .arg(d->serverNumber)
                         .arg(d->baseLsn)
                   : QStringLiteral(
                         "Incremental: what changed since publish #%1 (index LSN %2; now %3), found by id and content "
                         "hash against the local record of what was published.")
                         .arg(d->serverNumber)
                         .arg(plan.publishedLsn)
                         .arg(plan.indexLsn);
    } else {
        base = Base::Server;
        plan.how = QStringLiteral("Full comparison by id and content hash with the table's rows: the local record of "
                                  "what was published (%1) does not match the server's publish #%2 (LSN %3), so the "
                                  "changes since then cannot be told from the index alone.")
                       .arg(d->baseToken.isEmpty() ? QStringLiteral("none here") : QStringLiteral("another publish"))
                       .arg(d->serverNumber)
                       .arg(d->serverLsn);
    }
    if (base != Base::Local) {
        d->published.clear();
        d->pendingIds.clear();
    }
    if (base == Base::Server)
        if (Error e = compareWithServer(progress)) return e;
    plan.publishNumber = d->serverNumber + 1;

    // The index now.
    d->current.clear();
    QString after;
    for (;;) {
        if (m_cancelled) return Error(ErrorCode::Cancelled, QStringLiteral("Cancelled while reading the index."));
        Result<ListPage> page = m_index->list(after, kListPage, true);
        if (!page.ok()) return page.error();
        for (const Item &item : page->items)
            d->current.insert(item.id, contentHash(item.vector, item.metadata));
        if (progress && !progress(d->current.size(), stats.items)) m_cancelled = true;
        if (page->nextAfter.isEmpty()) break;
        after = page->nextAfter;
    }
    plan.localItems = d->current.size();
    d->upserts.clear();
    d->deletes.clear();
    const bool deletes = m_options.mode != TableMode::Upsert;
    for (auto it = d->current.cbegin(); it != d->current.cend(); ++it) {
        const auto old = d->published.constFind(it.key());
        if (old == d->published.cend() || old.value() != it.value() || d->pendingIds.contains(it.key()))
            d->upserts.append(it.key());
    }
    if (deletes) {
        for (auto it = d->published.cbegin(); it != d->published.cend(); ++it)
            if (!d->current.contains(it.key())) d->deletes.append(it.key());
        for (const QString &id : std::as_const(d->pendingIds))
            if (!d->current.contains(id) && !d->published.contains(id)) d->deletes.append(id);
    }
    std::sort(d->upserts.begin(), d->upserts.end());
    std::sort(d->deletes.begin(), d->deletes.end());
    plan.upserts = d->upserts.size();
    plan.deletes = d->deletes.size();
    plan.unchanged = plan.localItems - plan.upserts;
    plan.full = base != Base::Local;

    // The ANN index.
    if (m_options.annIndex != AnnIndexKind::None) {
        const bool has = !d->info.annIndexes.isEmpty();
        for (const AnnIndex &ann : d->info.annIndexes)
            if (ann.opclass != operatorClass(d->schema.metric))
                plan.notes << QStringLiteral("The table's %1 index %2 uses %3, not %4: queries with %5 do not use it.")
                                  .arg(ann.method, ann.name, ann.opclass, operatorClass(d->schema.metric),
                                       distanceOperator(d->schema.metric));
        if (!has) {
            plan.createAnnIndex = true;
            const QString method =
                m_options.annIndex == AnnIndexKind::Hnsw ? QStringLiteral("hnsw") : QStringLiteral("ivfflat");
            const QString name =
                (d->table.name.left(40) + QStringLiteral("_embedding_") + method + QStringLiteral("_idx"));
            QString with;
            if (m_options.annIndex == AnnIndexKind::Hnsw) {
                // pgvector's ranges: m 2-100, ef_construction 4-1000 and at least 2 m.
                const int m = std::clamp(d->schema.ann.m, 2, 100);
                const int ef = std::clamp(d->schema.ann.efConstruction, std::max(4, 2 * m), 1000);
                if (m != d->schema.ann.m || ef != d->schema.ann.efConstruction)
                    plan.notes << QStringLiteral(
                                      "pgvector's HNSW takes m 2-100 and ef_construction 4-1000 (at least 2 m): "
                                      "the index's M %1 and efConstruction %2 become %3 and %4.")
                                      .arg(d->schema.ann.m)
                                      .arg(d->schema.ann.efConstruction)
                                      .arg(m)
                                      .arg(ef);
                with = QStringLiteral("m = %1, ef_construction = %2").arg(m).arg(ef);
            } else {
                const qint64 lists = std::clamp<qint64>(plan.localItems / 1000, 1, 32768);
                with = QStringLiteral("lists = %1").arg(lists);
            }
            if (d->schema.dimensions > 2000)
                plan.notes << QStringLiteral("pgvector indexes vectors of at most 2,000 dimensions; this index has %1, "
                                             "so creating the ANN index will fail (publish with --index none).")
                                  .arg(d->schema.dimensions);
            plan.annIndexSql = QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 USING %3 (embedding %4) WITH (%5)")
                                   .arg(QString::fromUtf8(c.identifier(name)), QString::fromUtf8(d->qualifiedTable),
                                        method, operatorClass(d->schema.metric), with);
        }
    }
    d->planned = true;
    return plan;
}

Error Publisher::writeLocalState(bool pending)
{
    const QString path = localStatePath();
    if (!QDir().mkpath(QFileInfo(path).path()))
        return Error::fromErrno(errno, QStringLiteral("create the folder"), QFileInfo(path).path());
    auto save = [](const QString &name, const QByteArray &bytes) -> Error {
        QSaveFile file(name);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return {ErrorCode::Io,
                    QStringLiteral("Could not write the local publish record: %1").arg(file.errorString()), name};
        return {};
    };
    if (!pending || d->plan.full) {
        // After a full comparison the list is what the table held then (empty for a new table).
        if (Error e = save(path + QStringLiteral(".published"), encodeList(d->published))) return e;
    }
    if (pending) {
        Hashes ids;
        for (const QString &id : std::as_const(d->upserts))
            ids.insert(id, 0);
        for (const QString &id : std::as_const(d->deletes))
            ids.insert(id, 0);
        for (const QString &id : std::as_const(d->pendingIds)) // an earlier interrupted publish's, not yet known done
            ids.insert(id, 0);
        if (Error e = save(path + QStringLiteral(".pending"), encodeList(ids))) return e;
    }
    QJsonObject record{{QStringLiteral("format"), 1},
                       {QStringLiteral("what"),
                        QStringLiteral("sextant-cli publish: what this index last published to a PostgreSQL table")},
                       {QStringLiteral("table"), d->table.display()},
                       {QStringLiteral("target"), d->plan.target},
                       {QStringLiteral("indexId"), d->indexId},
                       {QStringLiteral("baseToken"), d->baseToken},
                       {QStringLiteral("baseLsn"), qint64(d->baseLsn)},
                       {QStringLiteral("pendingToken"), pending ? d->token : QString()}};
    return save(path, QJsonDocument(record).toJson());
}

Error Publisher::sendBatch(const QList<QString> &ids, qint64 &bytes)
{
    Connection &c = *d->connection;
    const bool documents = wantsDocumentColumns(d->schema);
    const int perRow = documents ? 5 : 3;
    QList<std::optional<QByteArray>> params;
    QList<std::optional<QByteArray>> gone;
    QByteArray values;
    Hashes sent;
    int row = 0;
    for (const QString &id : ids) {
        Result<Item> item = m_index->get(id, true);
        if (!item.ok()) {
            if (item.error().code() != ErrorCode::NotFound) return item.error();
            gone.append(id.toUtf8()); // deleted since the plan
            continue;
        }
        const int p = row * perRow;
        if (row) values += ',';
        values += "($" + QByteArray::number(p + 1) + ",$" + QByteArray::number(p + 2) + "::vector,$" +
                  QByteArray::number(p + 3) + "::jsonb";
        if (documents) values += ",$" + QByteArray::number(p + 4) + ",$" + QByteArray::number(p + 5);
        values += ')';
        params.append(id.toUtf8());
        params.append(vectorLiteral(item->vector));
        params.append(metadataJson(item->metadata));
        if (documents) {
            const QJsonValue text = item->metadata.value(QStringLiteral("text"));
            const QJsonValue uri = item->metadata.value(QStringLiteral("uri"));
            params.append(text.isString() ? std::optional<QByteArray>(text.toString().toUtf8()) : std::nullopt);
            params.append(uri.isString() ? std::optional<QByteArray>(uri.toString().toUtf8()) : std::nullopt);
        }
        sent.insert(id, contentHash(item->vector, item->metadata));
        ++row;
    }
    if (Error e = c.run(QStringLiteral("BEGIN"))) return e;
    auto rollback = [&](const Error &e) {
        if (!c.isBroken()) c.run(QStringLiteral("ROLLBACK"));
        return e;
    };
    if (row) {
        QByteArray sql = "INSERT INTO " + d->qualifiedTable + " (id, embedding, metadata";
        sql += documents ? ", text, uri) VALUES " : ") VALUES ";
        sql += values;
        sql += " ON CONFLICT (id) DO UPDATE SET embedding = EXCLUDED.embedding, metadata = EXCLUDED.metadata";
        if (documents) sql += ", text = EXCLUDED.text, uri = EXCLUDED.uri";
        for (const std::optional<QByteArray> &p : std::as_const(params))
            bytes += p ? p->size() : 0;
        Result<Rows> done = c.exec(sql, params);
        if (!done.ok()) return rollback(done.error());
    }
    if (!gone.isEmpty() && m_options.mode != TableMode::Upsert) {
        QByteArray sql = "DELETE FROM " + d->qualifiedTable + " WHERE id IN (";
        for (qsizetype i = 0; i < gone.size(); ++i)
            sql += (i ? ",$" : "$") + QByteArray::number(i + 1);
        sql += ')';
        Result<Rows> done = c.exec(sql, gone);
        if (!done.ok()) return rollback(done.error());
    }
    Result<Rows> counted =
        c.exec(QByteArray("UPDATE ") + d->bookTable +
                   " SET batches = batches + 1, updated = now() WHERE table_name = $1 AND token = $2",
               {d->table.display().toUtf8(), d->token.toUtf8()});
    if (!counted.ok()) return rollback(counted.error());
    if (counted->commandTuples() != u"1")
        return rollback(Error(
            ErrorCode::Locked,
            QStringLiteral("Another publish to %1 started meanwhile; this one stopped.").arg(d->table.display())));
    if (Error e = c.run(QStringLiteral("COMMIT"))) return e;
    for (auto it = sent.cbegin(); it != sent.cend(); ++it)
        d->published.insert(it.key(), it.value());
    for (const std::optional<QByteArray> &id : std::as_const(gone))
        if (m_options.mode != TableMode::Upsert) d->published.remove(QString::fromUtf8(*id));
    return {};
}

Result<PublishSummary> Publisher::run(const PublishProgress &progress)
{
    if (!d->planned || !d->connection)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("Publisher::run() needs a plan() first."));
    d->planned = false;
    QElapsedTimer timer;
    timer.start();
    PublishSummary summary;
    summary.plan = d->plan;
    Connection &c = *d->connection;
    const QString table = d->table.display();
    auto interrupted = [&](const Error &e) {
        return e.rephrased(QStringLiteral("%1 The table holds every batch committed so far; the next publish resumes.")
                               .arg(e.message()));
    };

    // Tables first (nothing is sent before they exist).
    if (Error e = c.run(QStringLiteral("BEGIN"))) return e;
    if (d->plan.createTable) {
        if (Error e = c.run(QStringLiteral("CREATE EXTENSION IF NOT EXISTS vector"))) return e;
        if (Error e = c.run(QString::fromUtf8(createTableSql(c, d->table, d->schema)))) return e;
    }
    if (Error e = c.run(QString::fromUtf8(
            "CREATE TABLE IF NOT EXISTS " + d->bookTable +
            " (table_name text PRIMARY KEY, index_id text NOT NULL, publish_no bigint NOT NULL, token text NOT NULL, "
            "state text NOT NULL, lsn bigint NOT NULL, items bigint NOT NULL, batches bigint NOT NULL DEFAULT 0, "
            "updated timestamptz NOT NULL DEFAULT now())")))
        return e;
    if (Error e = c.run(QStringLiteral("COMMIT"))) return e;

    // The plan's ids go on record here before anything is sent, then on the server.
    d->token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (d->plan.full) d->baseToken.clear(); // the list written now is the table as compared, not a publish of ours
    if (Error e = writeLocalState(true)) return e;
    const QByteArray number = QByteArray::number(d->plan.publishNumber);
    if (Error e = c.run(
            QString::fromUtf8("INSERT INTO " + d->bookTable +
                              " (table_name, index_id, publish_no, token, state, lsn, items) "
                              "VALUES ($1, $2, $3, $4, 'in progress', $5, $6) ON CONFLICT (table_name) DO UPDATE SET "
                              "index_id = EXCLUDED.index_id, publish_no = EXCLUDED.publish_no, token = EXCLUDED.token, "
                              "state = EXCLUDED.state, lsn = EXCLUDED.lsn, items = EXCLUDED.items, batches = 0, "
                              "updated = now()"),
            {table.toUtf8(), d->indexId.toUtf8(), number, d->token.toUtf8(), QByteArray::number(d->plan.indexLsn),
             QByteArray::number(d->plan.localItems)}))
        return e;

    const qint64 total = d->upserts.size() + d->deletes.size();
    qint64 done = 0;
    const int batch = m_options.batch;
    for (qsizetype i = 0; i < d->upserts.size(); i += batch) {
        if (m_cancelled)
            return interrupted(Error(ErrorCode::Cancelled,
                                     QStringLiteral("Publish cancelled after %1 of %2 changes.").arg(done).arg(total)));
        const QList<QString> ids = d->upserts.mid(i, batch);
        if (Error e = sendBatch(ids, summary.bytes))
            return interrupted(
                m_cancelled ? Error(ErrorCode::Cancelled,
                                    QStringLiteral("Publish cancelled after %1 of %2 changes.").arg(done).arg(total))
                            : e);
        done += ids.size();
        summary.upserted += ids.size();
        ++summary.batches;
        if (progress && !progress(done, total, summary.bytes)) m_cancelled = true;
    }
    for (qsizetype i = 0; i < d->deletes.size(); i += batch) {
        if (m_cancelled)
            return interrupted(Error(ErrorCode::Cancelled,
                                     QStringLiteral("Publish cancelled after %1 of %2 changes.").arg(done).arg(total)));
        const QList<QString> ids = d->deletes.mid(i, batch);
        QList<std::optional<QByteArray>> params;
        QByteArray sql = "DELETE FROM " + d->qualifiedTable + " WHERE id IN (";
        for (qsizetype k = 0; k < ids.size(); ++k) {
            sql += (k ? ",$" : "$") + QByteArray::number(k + 1);
            params.append(ids[k].toUtf8());
            summary.bytes += ids[k].toUtf8().size();
        }
        sql += ')';
        Error e = c.run(QStringLiteral("BEGIN"));
        if (!e) {
            Result<Rows> deleted = c.exec(sql, params);
            e = deleted.ok() ? Error() : deleted.error();
        }
        if (!e) {
            Result<Rows> counted =
                c.exec(QByteArray("UPDATE ") + d->bookTable +
                           " SET batches = batches + 1, updated = now() WHERE table_name = $1 AND token = $2",
                       {table.toUtf8(), d->token.toUtf8()});
            e = !counted.ok() ? counted.error()
                : counted->commandTuples() != u"1"
                    ? Error(ErrorCode::Locked,
                            QStringLiteral("Another publish to %1 started meanwhile; this one stopped.").arg(table))
                    : Error();
        }
        if (!e) e = c.run(QStringLiteral("COMMIT"));
        if (e) {
            if (!c.isBroken()) c.run(QStringLiteral("ROLLBACK"));
            return interrupted(e);
        }
        for (const QString &id : ids)
            d->published.remove(id);
        done += ids.size();
        summary.deleted += ids.size();
        ++summary.batches;
        if (progress && !progress(done, total, summary.bytes)) m_cancelled = true;
    }

    // Done: the server first, then the local record (a crash between the two
    // only makes the next publish send the same ids again).
    Result<Rows> finished = c.exec(QByteArray("UPDATE ") + d->bookTable +
                                       " SET state = 'complete', updated = now() WHERE table_name = $1 AND token = $2",
                                   {table.toUtf8(), d->token.toUtf8()});
    if (!finished.ok()) return interrupted(finished.error());
    d->baseToken = d->token;
    d->baseLsn = d->plan.indexLsn;
    d->pendingIds.clear();
    if (Error e = writeLocalState(false)) return e;
    QFile::remove(localStatePath() + QStringLiteral(".pending"));

    if (d->plan.createAnnIndex && !m_cancelled) {
        if (Error e = c.run(d->plan.annIndexSql))
            summary.plan.notes << QStringLiteral("The ANN index was not created: %1").arg(e.message());
        else
            summary.annIndexCreated = true;
    }

    // A query to run on the server: the ten rows nearest to one of them.
    QString example;
    if (Result<ListPage> first = m_index->list({}, 1, false); first.ok() && !first->items.isEmpty()) {
        const QString op = distanceOperator(d->schema.metric);
        const QString probe =
            QStringLiteral("(SELECT embedding FROM %1 WHERE id = %2)")
                .arg(QString::fromUtf8(d->qualifiedTable), QString::fromUtf8(c.literal(first->items.first().id)));
        if (m_options.annIndex == AnnIndexKind::Hnsw)
            example = QStringLiteral("SET hnsw.ef_search = %1;\n").arg(std::max(d->schema.ann.efSearch, 10));
        example += QStringLiteral(
                       "SELECT id, metadata, embedding %1 %2 AS distance\nFROM %3\nORDER BY embedding %1 %2\nLIMIT 10;")
                       .arg(op, probe, QString::fromUtf8(d->qualifiedTable));
    }
    summary.exampleQuery = example;
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
}

} // namespace sextant::postgres
