#pragma once
// What Sextant needs to know about a pgvector table: its columns, the
// dimensions of its vector column, its ANN indexes, and how an index's items
// map onto its rows (docs/postgres.md, "Mapping").

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Item.h"
#include "sextant/Schema.h"
#include "sextant/Connection.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace sextant::postgres {

// cosine → vector_cosine_ops and <=>, l2 → vector_l2_ops and <->, dot →
// vector_ip_ops and <#> (pgvector's negative inner product).
SEXTANT_API QString operatorClass(Metric metric);
SEXTANT_API QString distanceOperator(Metric metric);
SEXTANT_API std::optional<Metric> metricFromOperatorClass(const QString &opclass);

struct SEXTANT_API Column {
    QString name;
    QString type;        // format_type(): "text", "vector(384)", "jsonb", …
    QString typeName;    // pg_type.typname: "text", "vector", "jsonb", …
    int dimensions = -1; // vector columns: the typmod (-1 when not fixed)
    bool notNull = false;
};

struct SEXTANT_API AnnIndex {
    QString name;
    QString method;  // hnsw or ivfflat
    QString opclass; // vector_cosine_ops, …
    QString definition;
};

struct SEXTANT_API TableInfo {
    bool exists = false;
    quint32 oid = 0;
    QList<Column> columns;
    QList<AnnIndex> annIndexes;
    bool idIsUnique = false; // a primary key or unique index on id alone
    const Column *column(const QString &name) const;
    // The vector column: "embedding", else the only vector column.
    const Column *vectorColumn() const;
};

SEXTANT_API Result<TableInfo> inspectTable(Connection &connection, const TableName &table);

// The table Sextant publishes to: id text primary key, embedding vector(D),
// metadata jsonb, and text and uri when the index holds documents.
SEXTANT_API bool wantsDocumentColumns(const Schema &schema);
SEXTANT_API QByteArray createTableSql(Connection &connection, const TableName &table, const Schema &schema);
// Why `info` cannot take this index's items, naming each difference; empty when it can.
SEXTANT_API QStringList shapeDifferences(const TableInfo &info, const Schema &schema);

// pgvector's text form of a vector ("[1,0.5,-2]"), each float in the
// shortest form that reads back to the same float.
SEXTANT_API QByteArray vectorLiteral(const QVector<float> &vector);
// Parses pgvector's text form; nullopt when it is not one.
SEXTANT_API std::optional<QVector<float>> parseVectorLiteral(const QByteArray &text);
SEXTANT_API QByteArray metadataJson(const QJsonObject &metadata); // compact, keys sorted

// What publish compares: XXH3 of the vector's bytes and the compact metadata.
SEXTANT_API quint64 contentHash(const QVector<float> &vector, const QJsonObject &metadata);

} // namespace sextant::postgres
