#include "sextant/Pull.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonParseError>

#include <mutex>

namespace sextant::postgres {

struct Puller::State {
    std::mutex connectionMutex;
    std::unique_ptr<Connection> connection;
    TableName table;
    PullSource source;
    bool inspected = false;
};

Puller::Puller(PullOptions options) : m_options(std::move(options)), d(std::make_unique<State>()) { }
Puller::~Puller() = default;

void Puller::cancel()
{
    m_cancelled = true;
    std::lock_guard lock(d->connectionMutex);
    if (d->connection) d->connection->cancel();
}

Result<PullSource> Puller::inspect()
{
    Result<TableName> table = parseTableName(m_options.table);
    if (!table.ok()) return table.error();
    d->table = *table;
    if (m_options.batch < 1 || m_options.batch > 10000)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The batch size must be 1-10000 rows."));
    {
        Result<std::unique_ptr<Connection>> connection = Connection::open(m_options.conninfo);
        if (!connection.ok()) return connection.error();
        std::lock_guard lock(d->connectionMutex);
        d->connection = connection.takeValue();
    }
    Connection &c = *d->connection;
    PullSource &source = d->source;
    source.target = c.target();
    source.table = d->table.display();
    Result<TableInfo> info = inspectTable(c, d->table);
    if (!info.ok()) return info.error();
    if (!info->exists)
        return Error(ErrorCode::NotFound,
                     QStringLiteral("There is no table %1 on %2.").arg(source.table, source.target));
    if (!info->column(QStringLiteral("id")))
        return Error(ErrorCode::SchemaViolation, QStringLiteral("The table %1 has no column id.").arg(source.table));
    const Column *vector = info->vectorColumn();
    if (!vector) {
        int vectors = 0;
        for (const Column &column : info->columns)
            vectors += column.typeName == u"vector";
        return Error(
            ErrorCode::SchemaViolation,
            vectors == 0
                ? QStringLiteral("The table %1 has no vector column (pgvector's type vector).").arg(source.table)
                : QStringLiteral("The table %1 has %2 vector columns and none is called embedding; "
                                 "Sextant cannot tell which to pull.")
                      .arg(source.table)
                      .arg(vectors));
    }
    if (vector->dimensions < Schema::kMinDimensions || vector->dimensions > Schema::kMaxDimensions)
        return Error(
            ErrorCode::SchemaViolation,
            vector->dimensions < 0
                ? QStringLiteral("The column %1 of %2 is a vector without fixed dimensions; Sextant needs vector(N).")
                      .arg(vector->name, source.table)
                : QStringLiteral("The column %1 of %2 has %3 dimensions; Sextant takes 1-%4.")
                      .arg(vector->name, source.table)
                      .arg(vector->dimensions)
                      .arg(Schema::kMaxDimensions));
    source.vectorColumn = vector->name;
    source.dimensions = vector->dimensions;
    for (const AnnIndex &ann : info->annIndexes)
        if (!source.metric) source.metric = metricFromOperatorClass(ann.opclass);
    const Column *metadata = info->column(QStringLiteral("metadata"));
    source.hasMetadata = metadata && (metadata->typeName == u"jsonb" || metadata->typeName == u"json");
    const Column *text = info->column(QStringLiteral("text"));
    source.hasText = text && text->typeName == u"text";
    const Column *uri = info->column(QStringLiteral("uri"));
    source.hasUri = uri && uri->typeName == u"text";
    Result<Rows> estimate = c.exec(QStringLiteral("SELECT reltuples::bigint FROM pg_class WHERE oid = $1::oid"),
                                   {QByteArray::number(info->oid)});
    if (estimate.ok() && estimate->count() == 1) source.estimatedRows = estimate->integer(0, 0);
    d->inspected = true;
    return source;
}

Result<PullSummary> Puller::run(Index &index, const PullProgress &progress)
{
    if (!d->inspected) return Error(ErrorCode::InvalidArgument, QStringLiteral("Puller::run() needs inspect() first."));
    const Schema schema = index.schema();
    PullSummary summary;
    summary.source = d->source;
    if (schema.dimensions != d->source.dimensions)
        return Error(ErrorCode::DimensionMismatch,
                     QStringLiteral("The column %1 of %2 has %3 dimensions, the index %4.")
                         .arg(d->source.vectorColumn, d->source.table)
                         .arg(d->source.dimensions)
                         .arg(schema.dimensions));
    QElapsedTimer timer;
    timer.start();
    Connection &c = *d->connection;
    QByteArray select = "SELECT id::text, " + c.identifier(d->source.vectorColumn) + "::text, " +
                        (d->source.hasMetadata ? QByteArray("metadata::text") : QByteArray("NULL")) + ", " +
                        (d->source.hasText ? QByteArray("text") : QByteArray("NULL")) + ", " +
                        (d->source.hasUri ? QByteArray("uri") : QByteArray("NULL")) + " FROM " + c.qualified(d->table);
    if (!m_options.where.trimmed().isEmpty()) select += " WHERE (" + m_options.where.toUtf8() + ")";
    if (Error e = c.run(QStringLiteral("BEGIN READ ONLY"))) return e;
    if (Error e = c.run(QString::fromUtf8("DECLARE sextant_pull NO SCROLL CURSOR FOR " + select))) {
        c.run(QStringLiteral("ROLLBACK"));
        return e;
    }
    const QByteArray fetch = "FETCH " + QByteArray::number(m_options.batch) + " FROM sextant_pull";
    for (;;) {
        if (m_cancelled) {
            c.run(QStringLiteral("ROLLBACK"));
            return Error(ErrorCode::Cancelled,
                         QStringLiteral("Pull cancelled after %1 rows; they are in the index.").arg(summary.items));
        }
        Result<Rows> rows = c.exec(fetch, {});
        if (!rows.ok())
            return m_cancelled
                       ? Error(
                             ErrorCode::Cancelled,
                             QStringLiteral("Pull cancelled after %1 rows; they are in the index.").arg(summary.items))
                       : rows.error();
        if (rows->count() == 0) break;
        QList<WriteOp> ops;
        ops.reserve(rows->count());
        for (int r = 0; r < rows->count(); ++r) {
            Item item;
            if (rows->isNull(r, 0))
                return Error(ErrorCode::InvalidId, QStringLiteral("A row of %1 has a NULL id.").arg(d->source.table));
            item.id = rows->text(r, 0);
            const QByteArray vectorText = rows->bytes(r, 1);
            summary.bytes += vectorText.size() + item.id.size();
            if (rows->isNull(r, 1))
                return Error(ErrorCode::MalformedInput,
                             QStringLiteral("The row %1 of %2 has no vector (NULL).").arg(item.id, d->source.table));
            std::optional<QVector<float>> vector = parseVectorLiteral(vectorText);
            if (!vector)
                return Error(ErrorCode::MalformedInput,
                             QStringLiteral("The vector of row %1 could not be read.").arg(item.id));
            item.vector = std::move(*vector);
            if (!rows->isNull(r, 2)) {
                const QByteArray json = rows->bytes(r, 2);
                summary.bytes += json.size();
                QJsonParseError error;
                const QJsonDocument document = QJsonDocument::fromJson(json, &error);
                if (error.error != QJsonParseError::NoError || !document.isObject())
                    return Error(ErrorCode::MalformedInput,
                                 QStringLiteral(
                                     "The metadata of row %1 is not a JSON object; Sextant keeps metadata as objects.")
                                     .arg(item.id));
                item.metadata = document.object();
            }
            // text and uri columns go into the metadata when it does not have them already.
            for (int column : {3, 4}) {
                const QString key = column == 3 ? QStringLiteral("text") : QStringLiteral("uri");
                if (!rows->isNull(r, column) && !item.metadata.contains(key)) {
                    const QString value = rows->text(r, column);
                    summary.bytes += value.size();
                    item.metadata.insert(key, value);
                }
            }
            ops.append(WriteOp::upsert(std::move(item)));
        }
        const qsizetype count = ops.size();
        QFuture<WriteResult> future = index.write(std::move(ops), Priority::Bulk);
        future.waitForFinished();
        const WriteResult written =
            future.resultCount() ? future.result()
                                 : WriteResult{Error(ErrorCode::Closed, QStringLiteral("The index was closed.")), 0, 0};
        if (written.error) {
            c.run(QStringLiteral("ROLLBACK"));
            return written.error.rephrased(QStringLiteral("A row of %1 was refused by the index: %2")
                                               .arg(d->source.table, written.error.message()));
        }
        summary.items += count;
        if (progress && !progress(summary.items, d->source.estimatedRows, summary.bytes)) m_cancelled = true;
    }
    c.run(QStringLiteral("COMMIT"));
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
}

} // namespace sextant::postgres
