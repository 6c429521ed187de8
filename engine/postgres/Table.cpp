#include "sextant/Table.h"

#include "base/Checksums.h"

#include <QJsonDocument>

#include <charconv>

namespace sextant::postgres {

QString operatorClass(Metric metric)
{
    switch (metric) {
    case Metric::Cosine: return QStringLiteral("vector_cosine_ops");
    case Metric::L2: return QStringLiteral("vector_l2_ops");
    case Metric::Dot: return QStringLiteral("vector_ip_ops");
    }
    return {};
}

QString distanceOperator(Metric metric)
{
    switch (metric) {
    case Metric::Cosine: return QStringLiteral("<=>");
    case Metric::L2: return QStringLiteral("<->");
    case Metric::Dot: return QStringLiteral("<#>");
    }
    return {};
}

std::optional<Metric> metricFromOperatorClass(const QString &opclass)
{
    if (opclass == u"vector_cosine_ops") return Metric::Cosine;
    if (opclass == u"vector_l2_ops") return Metric::L2;
    if (opclass == u"vector_ip_ops") return Metric::Dot;
    return std::nullopt;
}

const Column *TableInfo::column(const QString &name) const
{
    for (const Column &c : columns)
        if (c.name == name) return &c;
    return nullptr;
}

const Column *TableInfo::vectorColumn() const
{
    if (const Column *c = column(QStringLiteral("embedding")); c && c->typeName == u"vector") return c;
    const Column *found = nullptr;
    for (const Column &c : columns) {
        if (c.typeName != u"vector") continue;
        if (found) return nullptr; // ambiguous
        found = &c;
    }
    return found;
}

Result<TableInfo> inspectTable(Connection &connection, const TableName &table)
{
    TableInfo info;
    Result<Rows> oid = connection.exec(QStringLiteral("SELECT to_regclass($1)::oid"), {connection.qualified(table)});
    if (!oid.ok()) return oid.error();
    if (oid->count() != 1 || oid->isNull(0, 0)) return info; // no such table
    info.exists = true;
    info.oid = quint32(oid->integer(0, 0));
    const QByteArray oidText = QByteArray::number(info.oid);
    Result<Rows> columns = connection.exec(
        QStringLiteral("SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typname, a.atttypmod, a.attnotnull "
                       "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                       "WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"),
        {oidText});
    if (!columns.ok()) return columns.error();
    for (int r = 0; r < columns->count(); ++r) {
        Column c;
        c.name = columns->text(r, 0);
        c.type = columns->text(r, 1);
        c.typeName = columns->text(r, 2);
        if (c.typeName == u"vector") c.dimensions = int(columns->integer(r, 3));
        c.notNull = columns->bytes(r, 4) == "t";
        info.columns.append(c);
    }
    Result<Rows> unique = connection.exec(
        QStringLiteral(
            "SELECT count(*) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
            "WHERE i.indrelid = $1::oid AND i.indisunique AND i.indnkeyatts = 1 AND i.indpred IS NULL "
            "AND a.attname = 'id'"),
        {oidText});
    if (!unique.ok()) return unique.error();
    info.idIsUnique = unique->integer(0, 0) > 0;
    Result<Rows> indexes = connection.exec(
        QStringLiteral("SELECT c.relname, am.amname, opc.opcname, pg_get_indexdef(i.indexrelid) "
                       "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
                       "JOIN pg_opclass opc ON opc.oid = i.indclass[0] "
                       "WHERE i.indrelid = $1::oid AND am.amname IN ('hnsw', 'ivfflat') ORDER BY c.relname"),
        {oidText});
    if (!indexes.ok()) return indexes.error();
    for (int r = 0; r < indexes->count(); ++r)
        info.annIndexes.append({indexes->text(r, 0), indexes->text(r, 1), indexes->text(r, 2), indexes->text(r, 3)});
    return info;
}

bool wantsDocumentColumns(const Schema &schema) { return !schema.embedder.isEmpty(); }

QByteArray createTableSql(Connection &connection, const TableName &table, const Schema &schema)
{
    QByteArray sql = "CREATE TABLE " + connection.qualified(table) + " (id text PRIMARY KEY, embedding vector(" +
                     QByteArray::number(schema.dimensions) + ") NOT NULL, metadata jsonb NOT NULL DEFAULT '{}'";
    if (wantsDocumentColumns(schema)) sql += ", text text, uri text";
    return sql + ")";
}

QStringList shapeDifferences(const TableInfo &info, const Schema &schema)
{
    QStringList differences;
    auto expect = [&](const QString &name, const QString &typeName, const QString &wanted) {
        const Column *c = info.column(name);
        if (!c)
            differences << QStringLiteral("it has no column %1 (%2)").arg(name, wanted);
        else if (c->typeName != typeName)
            differences << QStringLiteral("its column %1 is %2, not %3").arg(name, c->type, wanted);
        return c;
    };
    expect(QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("text"));
    const QString vectorType = QStringLiteral("vector(%1)").arg(schema.dimensions);
    if (const Column *c = expect(QStringLiteral("embedding"), QStringLiteral("vector"), vectorType);
        c && c->typeName == u"vector" && c->dimensions != schema.dimensions)
        differences
            << (c->dimensions < 0
                    ? QStringLiteral("its column embedding is vector without dimensions, not %1").arg(vectorType)
                    : QStringLiteral("its column embedding has %1 dimensions, the index %2")
                          .arg(c->dimensions)
                          .arg(schema.dimensions));
    expect(QStringLiteral("metadata"), QStringLiteral("jsonb"), QStringLiteral("jsonb"));
    if (wantsDocumentColumns(schema)) {
        expect(QStringLiteral("text"), QStringLiteral("text"), QStringLiteral("text, for the documents' chunks"));
        expect(QStringLiteral("uri"), QStringLiteral("text"), QStringLiteral("text, for the documents' uris"));
    }
    if (info.column(QStringLiteral("id")) && !info.idIsUnique)
        differences << QStringLiteral("its column id is neither its primary key nor unique");
    return differences;
}

QByteArray vectorLiteral(const QVector<float> &vector)
{
    QByteArray out;
    out.reserve(vector.size() * 12 + 2);
    out += '[';
    char buffer[32];
    for (qsizetype i = 0; i < vector.size(); ++i) {
        if (i) out += ',';
        const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, vector[i]);
        out.append(buffer, int(r.ptr - buffer));
    }
    out += ']';
    return out;
}

std::optional<QVector<float>> parseVectorLiteral(const QByteArray &text)
{
    const QByteArray t = text.trimmed();
    if (t.size() < 2 || t.front() != '[' || t.back() != ']') return std::nullopt;
    QVector<float> values;
    const char *p = t.constData() + 1;
    const char *end = t.constData() + t.size() - 1;
    while (p < end) {
        while (p < end && *p == ' ')
            ++p;
        float value = 0;
        const std::from_chars_result r = std::from_chars(p, end, value);
        if (r.ec != std::errc()) return std::nullopt;
        values.append(value);
        p = r.ptr;
        while (p < end && *p == ' ')
            ++p;
        if (p < end) {
            if (*p != ',') return std::nullopt;
            ++p;
        }
    }
    return values;
}

QByteArray metadataJson(const QJsonObject &metadata) { return QJsonDocument(metadata).toJson(QJsonDocument::Compact); }

quint64 contentHash(const QVector<float> &vector, const QJsonObject &metadata)
{
    QByteArray bytes(reinterpret_cast<const char *>(vector.constData()), vector.size() * qsizetype(sizeof(float)));
    bytes += '\0';
    bytes += metadataJson(metadata);
    return base::xxh3(bytes);
}

} // namespace sextant::postgres
