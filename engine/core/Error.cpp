#include "sextant/Error.h"

#include <cstring>

namespace sextant {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None: return QStringLiteral("ok");
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid_argument");
    case ErrorCode::InvalidId: return QStringLiteral("invalid_id");
    case ErrorCode::DimensionMismatch: return QStringLiteral("dimension_mismatch");
    case ErrorCode::NonFiniteValue: return QStringLiteral("non_finite_value");
    case ErrorCode::MetadataTooLarge: return QStringLiteral("metadata_too_large");
    case ErrorCode::SchemaViolation: return QStringLiteral("schema_violation");
    case ErrorCode::MalformedInput: return QStringLiteral("malformed_input");
    case ErrorCode::DuplicateId: return QStringLiteral("duplicate_id");
    case ErrorCode::AlreadyExists: return QStringLiteral("already_exists");
    case ErrorCode::NotFound: return QStringLiteral("not_found");
    case ErrorCode::Locked: return QStringLiteral("locked");
    case ErrorCode::ReadOnly: return QStringLiteral("read_only");
    case ErrorCode::Io: return QStringLiteral("io_error");
    case ErrorCode::Corruption: return QStringLiteral("corruption");
    case ErrorCode::UnsupportedFormat: return QStringLiteral("unsupported_format");
    case ErrorCode::Closed: return QStringLiteral("closed");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::NotReady: return QStringLiteral("not_ready");
    case ErrorCode::Network: return QStringLiteral("network_error");
    case ErrorCode::AccessDenied: return QStringLiteral("access_denied");
    }
    return QStringLiteral("unknown");
}

QString Error::toString() const
{
    if (m_path.isEmpty() || m_message.contains(m_path)) return m_message;
    return QStringLiteral("%1 (%2)").arg(m_message, m_path);
}

Error Error::fromErrno(int err, const QString &operation, const QString &path)
{
    const QString reason = QString::fromLocal8Bit(std::strerror(err));
    return Error(ErrorCode::Io, QStringLiteral("Could not %1 %2: %3").arg(operation, path, reason), path)
        .withSystemError(err);
}

Error &Error::withSource(ErrorSource source)
{
    m_source = source;
    return *this;
}

Error &Error::withPath(const QString &path)
{
    m_path = path;
    return *this;
}

Error &Error::withSystemError(int err)
{
    m_systemError = err;
    return *this;
}

Error &Error::withPosition(qint64 offset, qint64 line, qint64 column)
{
    m_offset = offset;
    m_line = line;
    m_column = column;
    return *this;
}

Error &Error::withElement(qint64 element)
{
    m_element = element;
    return *this;
}

Error &Error::withHolder(const QString &application, qint64 pid, const QString &host)
{
    m_holderApplication = application;
    m_holderPid = pid;
    m_holderHost = host;
    return *this;
}

Error &Error::withServer(const QString &url, int httpStatus)
{
    m_source = ErrorSource::Embedder;
    m_serverUrl = url;
    m_httpStatus = httpStatus;
    return *this;
}

Error Error::rephrased(const QString &message) const
{
    Error e = *this;
    e.m_message = message;
    return e;
}

} // namespace sextant
