#pragma once
// What the GUI tells a person about an engine error: a translated sentence
// that says what happened and one that says what to do, with the engine's
// own sentence (paths, numbers, the server's words) kept as a second line.
// The engine's messages are English and written for logs and the CLI; the
// kind of problem comes from the Error's fields only (docs/errors.md): the
// code, the source, the errno (ENOSPC, EROFS, EACCES), the lock holder and
// the embedding server's HTTP status. No engine sentence is read.

#include "sextant/Error.h"

#include <QString>

namespace sextant::ui {

// What the user was doing; it picks the words where one code means
// different things (NotFound opening a folder, or from an embedding server).
enum class ErrorContext { General, Open, Create, Write, Query, Filter, Import, Embed, Export, Verify, Repair, Restore };

// The kinds of problem a user can meet, each with its own advice.
enum class UserProblem {
    None,
    Locked,              // another program writes the index
    Damaged,             // Corruption
    WrongDimension,      // a vector of the wrong length
    EmbedderUnreachable, // Network
    EmbedderAccessDenied,
    EmbedderModelNotFound,
    EmbedderWrongDimensions,
    DiskFull,           // ENOSPC, EDQUOT
    NoPermission,       // EACCES, EPERM
    ReadOnlyFileSystem, // EROFS
    ReadOnlyIndex,      // ErrorCode::ReadOnly
    NotFound,
    NotAnIndex,    // NotFound while opening a folder
    FolderMissing, // the same, and the folder does not exist (ENOENT)
    AlreadyExists,
    MalformedInput,
    MalformedFilter,
    UnsupportedFormat,
    Cancelled,
    Closed,
    NotReady,
    InvalidInput, // a value the engine refused (id, metadata, number)
    IoFailure,    // any other refusal of the operating system
    Other,
};

struct UserMessage {
    UserProblem problem = UserProblem::None;
    QString headline; // what happened (translated)
    QString advice;   // what to do (translated)
    QString detail;   // the engine's sentence, with the path when it names none
    // "headline advice" and, on a line of its own, the detail.
    QString text() const;
    // headline and advice without the detail.
    QString summary() const;
};

// `lockHolder`: who writes the index (LockHolder::describe()), when known;
// otherwise it comes from the error's holder fields.
UserMessage userMessage(const Error &error, ErrorContext context = ErrorContext::General,
                        const QString &lockHolder = {});
// userMessage(...).text()
QString userMessageText(const Error &error, ErrorContext context = ErrorContext::General);

} // namespace sextant::ui
