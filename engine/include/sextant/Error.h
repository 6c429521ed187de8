#pragma once
// Errors are values: a code a program can branch on, and a sentence a person
// can act on. Nothing in the engine throws across its public API.

#include "sextant/Api.h"
#include <QString>
#include <optional>
#include <utility>

namespace sextant {

enum class ErrorCode {
    None = 0,
    InvalidArgument,   // a parameter outside its documented range
    InvalidId,         // empty, too long, or not valid text
    DimensionMismatch, // vector length differs from the schema
    NonFiniteValue,    // NaN or infinity in a vector
    MetadataTooLarge,
    SchemaViolation, // metadata does not match the declared fields
    MalformedInput,  // unparsable JSON, schema file, or command input
    DuplicateId,     // the same id twice in one batch
    AlreadyExists,   // insert of an id that is present
    NotFound,
    Locked,            // another writer holds the index
    ReadOnly,          // a write on an index opened read-only
    Io,                // the operating system refused a file operation
    Corruption,        // a checksum or structural check failed
    UnsupportedFormat, // a newer or foreign format version
    Closed,            // the index was closed or has failed
    Cancelled,
    NotReady,     // derived data (the HNSW graph) is not available yet
    Network,      // a remote server could not be reached, timed out or kept failing
    AccessDenied, // a remote server refused the credentials (an API key)
};

// Stable, lower-case names used in JSON output and docs/cli.md.
SEXTANT_API QString errorCodeName(ErrorCode code);

class SEXTANT_API Error {
public:
    Error() = default;
    Error(ErrorCode code, QString message, QString path = {})
        : m_code(code), m_message(std::move(message)), m_path(std::move(path))
    {
    }

    bool ok() const { return m_code == ErrorCode::None; }
    explicit operator bool() const { return !ok(); } // true when there is an error
    ErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QString &path() const { return m_path; }
    QString codeName() const { return errorCodeName(m_code); }
    // "message (path)" for logs and the CLI.
    QString toString() const;

    // Builds an Io error from errno with the operation and the path named.
    static Error fromErrno(int err, const QString &operation, const QString &path);

private:
    ErrorCode m_code = ErrorCode::None;
    QString m_message;
    QString m_path;
};

// A value or an error, for functions that produce something.
template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(Error error) : m_error(std::move(error)) { }

    bool ok() const { return m_error.ok(); }
    const Error &error() const { return m_error; }
    T &value() { return *m_value; }
    const T &value() const { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T takeValue() { return std::move(*m_value); }

private:
    std::optional<T> m_value;
    Error m_error;
};

} // namespace sextant
