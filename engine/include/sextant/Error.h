#pragma once
// Errors are values: a code and fields a program can branch on, and a
// sentence a person can act on (docs/errors.md). Nothing in the engine
// throws across its public API.

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

// Which part of the engine raised an error, where a caller words the same
// code differently (a malformed filter is not a malformed file; NotFound
// from an embedding server is a model, not a path).
enum class ErrorSource {
    General,
    Filter,      // Filter::parse: offset, line and column say where
    Embedder,    // an embedder: serverUrl() and httpStatus() say which server and what it answered
    QueryVector, // parseQueryVector: offset and element() say where
};

// An error is a code, the fields a program needs (docs/errors.md), and a
// sentence for a person. Callers branch on the code and the fields, never
// on the sentence: it may be reworded at any time.
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

    // ---- fields (0, -1 or empty when they do not apply)
    ErrorSource source() const { return m_source; }
    // The errno of the system call that failed (Io errors, some lock errors).
    int systemError() const { return m_systemError; }
    // Parse errors: the byte offset into the input, and the 1-based line and
    // column (columns count characters, a UTF-8 sequence once).
    qint64 offset() const { return m_offset; }
    qint64 line() const { return m_line; }
    qint64 column() const { return m_column; }
    // QueryVector errors: the 1-based number of the element at fault.
    qint64 element() const { return m_element; }
    // Locked errors: who holds the writer lock, as its lock file says
    // (application may be empty; pid 0 when nobody could be read).
    const QString &holderApplication() const { return m_holderApplication; }
    qint64 holderPid() const { return m_holderPid; }
    const QString &holderHost() const { return m_holderHost; }
    // Embedder errors: the server's base URL (never the API key) and the
    // HTTP status of its last answer.
    const QString &serverUrl() const { return m_serverUrl; }
    int httpStatus() const { return m_httpStatus; }

    // Setters for the place that makes the error; each returns *this, so
    // `return Error(...).withSystemError(err);` reads in one line.
    Error &withSource(ErrorSource source);
    Error &withPath(const QString &path);
    Error &withSystemError(int err);
    Error &withPosition(qint64 offset, qint64 line = 0, qint64 column = 0);
    Error &withElement(qint64 element);
    Error &withHolder(const QString &application, qint64 pid, const QString &host);
    Error &withServer(const QString &url, int httpStatus = 0);
    // The same error, fields and all, with another sentence (for a caller
    // that adds context: "Item 3 of the batch: ...").
    Error rephrased(const QString &message) const;

    // Builds an Io error from errno with the operation and the path named;
    // systemError() is `err`.
    static Error fromErrno(int err, const QString &operation, const QString &path);

private:
    ErrorCode m_code = ErrorCode::None;
    ErrorSource m_source = ErrorSource::General;
    int m_systemError = 0;
    int m_httpStatus = 0;
    QString m_message;
    QString m_path;
    qint64 m_offset = -1;
    qint64 m_line = 0;
    qint64 m_column = 0;
    qint64 m_element = 0;
    qint64 m_holderPid = 0;
    QString m_holderApplication;
    QString m_holderHost;
    QString m_serverUrl;
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
