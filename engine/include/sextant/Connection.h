#pragma once
// A libpq connection for publishing to and pulling from PostgreSQL with
// pgvector (docs/postgres.md). Passwords come from where libpq takes them
// (the connection string, PGPASSWORD, ~/.pgpass); no message this layer
// makes ever shows one: every connection string is redacted first.

#include "sextant/Api.h"
#include "sextant/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

struct pg_conn;
struct pg_result;
struct pg_cancel;

namespace sextant::postgres {

// The connection string or URI with every password left out (key=value
// "password=…" and the user:password@ of a URI), for messages.
SEXTANT_API QString redactConninfo(const QString &conninfo);

// Checks that libpq can parse `conninfo` (without connecting); the message
// names the problem without repeating the string.
SEXTANT_API Error checkConninfo(const QString &conninfo);

// A table name from the user: "name" or "schema.name", each part one
// identifier (no quotes needed; any characters but NUL allowed).
struct SEXTANT_API TableName {
    QString schema; // empty: the first schema of search_path that has it (or "public" to create)
    QString name;
    QString display() const { return schema.isEmpty() ? name : schema + u'.' + name; }
};
SEXTANT_API Result<TableName> parseTableName(const QString &text);

// One query's rows, as text (NULL is a null QByteArray).
class SEXTANT_API Rows {
public:
    Rows() = default;
    explicit Rows(pg_result *result);
    int count() const;
    int columns() const;
    bool isNull(int row, int column) const;
    QByteArray bytes(int row, int column) const;
    QString text(int row, int column) const { return QString::fromUtf8(bytes(row, column)); }
    qint64 integer(int row, int column) const { return bytes(row, column).toLongLong(); }
    QString commandTuples() const; // "INSERT 0 5" → "5"

private:
    std::shared_ptr<pg_result> m_result;
};

class SEXTANT_API Connection {
public:
    // Connects (libpq's blocking connect, with a 15 s connect_timeout unless
    // the string sets one). Errors: Network when the server cannot be
    // reached, AccessDenied when it refuses the credentials.
    static Result<std::unique_ptr<Connection>> open(const QString &conninfo);
    ~Connection();

    // One statement with text parameters ($1, $2, … ; std::nullopt is NULL).
    Result<Rows> exec(const QString &sql, const QList<std::optional<QByteArray>> &params = {});
    Result<Rows> exec(const QByteArray &sql, const QList<std::optional<QByteArray>> &params);
    // Runs `sql` and fails unless it succeeded (no rows needed).
    Error run(const QString &sql, const QList<std::optional<QByteArray>> &params = {});

    // A quoted identifier ("…" with inner quotes doubled), via libpq.
    QByteArray identifier(const QString &name) const;
    QByteArray qualified(const TableName &table) const; // "schema"."name" or "name"
    // A quoted string literal ('…'), via libpq.
    QByteArray literal(const QString &text) const;

    // "host:port/database" as connected, for messages and bookkeeping keys.
    QString target() const;
    QString serverVersion() const;
    bool isBroken() const; // the connection was lost
    // Asks the server to cancel the statement running now (any thread).
    void cancel();

    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

private:
    explicit Connection(pg_conn *conn);
    Error failure(pg_result *result) const;
    pg_conn *m_conn = nullptr;
    pg_cancel *m_cancel = nullptr; // made at connect, so cancel() never touches m_conn
};

} // namespace sextant::postgres
