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
    return Error(ErrorCode::Io, QStringLiteral("Could not %1 %2: %3").arg(operation, path, reason), path);
}

} // namespace sextant
