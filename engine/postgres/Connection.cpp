#include "sextant/Connection.h"

#include <QRegularExpression>

#include <libpq-fe.h>

#include <vector>

namespace sextant::postgres {

QString redactConninfo(const QString &conninfo)
{
    QString text = conninfo;
    // URI: scheme://user:password@host…
    static const QRegularExpression uriPassword(QStringLiteral("^(postgres(?:ql)?://[^:@/?#]*):[^@/?#]*@"),
                                                QRegularExpression::CaseInsensitiveOption);
    text.replace(uriPassword, QStringLiteral("\\1:***@"));
    // URI query parameter ?password=… or &password=…
    static const QRegularExpression queryPassword(QStringLiteral("([?&]password=)[^&]*"),
                                                  QRegularExpression::CaseInsensitiveOption);
    text.replace(queryPassword, QStringLiteral("\\1***"));
    // key = value form: password = 'quoted \' value' or password=bare
    static const QRegularExpression keyPassword(QStringLiteral("(\\bpassword\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|\\S*)"),
                                                QRegularExpression::CaseInsensitiveOption);
    if (!text.contains(QStringLiteral("://"))) text.replace(keyPassword, QStringLiteral("\\1***"));
    return text;
}

Error checkConninfo(const QString &conninfo)
{
    char *message = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &message);
    if (!options) {
        QString reason = message ? QString::fromUtf8(message).trimmed() : QStringLiteral("out of memory");
        PQfreemem(message);
        // libpq's message may quote a part of the string: never show it when it could hold a password.
        if (conninfo.contains(QLatin1String("password"), Qt::CaseInsensitive) || conninfo.contains(u'@'))
            reason = QStringLiteral("it cannot be parsed");
        return {ErrorCode::InvalidArgument, QStringLiteral("The connection string is not valid: %1.").arg(reason)};
    }
    PQconninfoFree(options);
    return {};
}

Result<TableName> parseTableName(const QString &text)
{
    if (text.isEmpty()) return Error(ErrorCode::InvalidArgument, QStringLiteral("The table name is empty."));
    if (text.contains(QChar(0)) || text.toUtf8().size() > 2 * 63 + 1)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The table name is too long or holds a NUL character."));
    TableName table;
    const qsizetype dot = text.indexOf(u'.');
    if (dot >= 0) {
        table.schema = text.left(dot);
        table.name = text.mid(dot + 1);
        if (table.schema.isEmpty() || table.name.isEmpty() || table.name.contains(u'.'))
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("The table name \"%1\" is not NAME or SCHEMA.NAME.").arg(text));
    } else {
        table.name = text;
    }
    if (table.name.toUtf8().size() > 63 || table.schema.toUtf8().size() > 63)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("PostgreSQL names have at most 63 bytes; \"%1\" has more.").arg(text));
    return table;
}

Rows::Rows(pg_result *result) : m_result(result, PQclear) { }
int Rows::count() const { return m_result ? PQntuples(m_result.get()) : 0; }
int Rows::columns() const { return m_result ? PQnfields(m_result.get()) : 0; }
bool Rows::isNull(int row, int column) const { return PQgetisnull(m_result.get(), row, column) != 0; }
QByteArray Rows::bytes(int row, int column) const
{
    if (isNull(row, column)) return {};
    return QByteArray(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}
QString Rows::commandTuples() const { return m_result ? QString::fromUtf8(PQcmdTuples(m_result.get())) : QString(); }

namespace {

ErrorCode codeForState(const QByteArray &state, bool broken)
{
    if (broken || state.startsWith("08") || state.startsWith("57P")) return ErrorCode::Network;
    if (state.startsWith("28") || state == "42501") return ErrorCode::AccessDenied;
    return ErrorCode::InvalidArgument;
}

QString cleanMessage(const char *raw)
{
    QString message = QString::fromUtf8(raw ? raw : "").trimmed();
    message.replace(QStringLiteral("\n"), QStringLiteral(" "));
    return message;
}

} // namespace

Connection::Connection(pg_conn *conn) : m_conn(conn), m_cancel(PQgetCancel(conn)) { }
Connection::~Connection()
{
    if (m_cancel) PQfreeCancel(m_cancel);
    if (m_conn) PQfinish(m_conn);
}

Result<std::unique_ptr<Connection>> Connection::open(const QString &conninfo)
{
    if (Error error = checkConninfo(conninfo)) return error;
    // Defaults that the user's string (or PG* variables) override.
    const char *keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const QByteArray info = conninfo.toUtf8();
    const char *values[] = {"15", "sextant", info.constData(), nullptr};
    pg_conn *conn = PQconnectdbParams(keys, values, 1);
    if (!conn) return Error(ErrorCode::Network, QStringLiteral("libpq could not allocate a connection."));
    if (PQstatus(conn) != CONNECTION_OK) {
        QString message = cleanMessage(PQerrorMessage(conn));
        const bool denied = message.contains(QLatin1String("password authentication failed")) ||
                            message.contains(QLatin1String("no password supplied")) ||
                            message.contains(QLatin1String("authentication failed")) ||
                            message.contains(QLatin1String("no pg_hba.conf entry"));
        PQfinish(conn);
        return Error(denied ? ErrorCode::AccessDenied : ErrorCode::Network,
                     QStringLiteral("Could not connect to %1: %2").arg(redactConninfo(conninfo), message));
    }
    PQsetClientEncoding(conn, "UTF8");
    // The server's NOTICEs ("… already exists, skipping") are not for the user.
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    std::unique_ptr<Connection> connection(new Connection(conn));
    // Plain, predictable sessions: no statement timeout surprises from the
    // server's defaults, floats printed exactly.
    if (Error error = connection->run(QStringLiteral("SET extra_float_digits = 3"))) return error;
    return connection;
}

Error Connection::failure(pg_result *result) const
{
    const QByteArray state = result ? QByteArray(PQresultErrorField(result, PG_DIAG_SQLSTATE)) : QByteArray();
    QString message = cleanMessage(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn));
    if (message.isEmpty()) message = cleanMessage(PQerrorMessage(m_conn));
    const bool broken = PQstatus(m_conn) != CONNECTION_OK;
    if (broken && message.isEmpty()) message = QStringLiteral("the connection to the server was lost");
    return {codeForState(state, broken),
            broken ? QStringLiteral("The connection to %1 was lost: %2").arg(target(), message)
                   : QStringLiteral("The server refused a statement: %1").arg(message)};
}

Result<Rows> Connection::exec(const QByteArray &sql, const QList<std::optional<QByteArray>> &params)
{
    std::vector<const char *> values;
    std::vector<int> lengths;
    values.reserve(size_t(params.size()));
    for (const std::optional<QByteArray> &p : params) {
        values.push_back(p ? p->constData() : nullptr);
        lengths.push_back(p ? int(p->size()) : 0);
    }
    pg_result *result =
        PQexecParams(m_conn, sql.constData(), int(params.size()), nullptr, values.data(), lengths.data(), nullptr, 0);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        Error error = failure(result);
        if (result) PQclear(result);
        return error;
    }
    return Rows(result);
}

Result<Rows> Connection::exec(const QString &sql, const QList<std::optional<QByteArray>> &params)
{
    return exec(sql.toUtf8(), params);
}

Error Connection::run(const QString &sql, const QList<std::optional<QByteArray>> &params)
{
    Result<Rows> rows = exec(sql, params);
    return rows.ok() ? Error() : rows.error();
}

QByteArray Connection::identifier(const QString &name) const
{
    const QByteArray utf8 = name.toUtf8();
    char *quoted = PQescapeIdentifier(m_conn, utf8.constData(), size_t(utf8.size()));
    if (!quoted) return {};
    QByteArray result(quoted);
    PQfreemem(quoted);
    return result;
}

QByteArray Connection::qualified(const TableName &table) const
{
    return table.schema.isEmpty() ? identifier(table.name) : identifier(table.schema) + '.' + identifier(table.name);
}

QString Connection::target() const
{
    const char *host = PQhost(m_conn);
    const char *port = PQport(m_conn);
    const char *db = PQdb(m_conn);
    return QStringLiteral("%1:%2/%3")
        .arg(QString::fromUtf8(host ? host : ""), QString::fromUtf8(port ? port : ""), QString::fromUtf8(db ? db : ""));
}

QString Connection::serverVersion() const
{
    const int v = PQserverVersion(m_conn);
    return QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000);
}

bool Connection::isBroken() const { return PQstatus(m_conn) != CONNECTION_OK; }

void Connection::cancel()
{
    if (m_cancel) {
        char buffer[256];
        PQcancel(m_cancel, buffer, sizeof buffer);
    }
}

QByteArray Connection::literal(const QString &text) const
{
    const QByteArray utf8 = text.toUtf8();
    char *quoted = PQescapeLiteral(m_conn, utf8.constData(), size_t(utf8.size()));
    if (!quoted) return {};
    QByteArray result(quoted);
    PQfreemem(quoted);
    return result;
}

} // namespace sextant::postgres
