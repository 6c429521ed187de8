#include "ErrorText.h"

#include "sextant/Options.h"

#include <QCoreApplication>
#include <cerrno>

namespace sextant::ui {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};

bool fromEmbedder(const Error &e, ErrorContext context)
{
    return context == ErrorContext::Embed || e.source() == ErrorSource::Embedder;
}

bool isFilterError(const Error &e, ErrorContext context)
{
    return context == ErrorContext::Filter || e.source() == ErrorSource::Filter;
}

// Who holds the lock, from the error's fields: "sextant-cli (pid 1234 on host)".
QString holderFromFields(const Error &e)
{
    if (e.holderPid() == 0 && e.holderApplication().isEmpty()) return {};
    LockHolder h;
    h.pid = e.holderPid();
    h.host = e.holderHost();
    h.application = e.holderApplication();
    return h.describe();
}

UserProblem classify(const Error &e, ErrorContext context)
{
    const int err = e.systemError();
    switch (e.code()) {
    case ErrorCode::None: return UserProblem::None;
    case ErrorCode::Locked: return UserProblem::Locked;
    case ErrorCode::Corruption: return UserProblem::Damaged;
    case ErrorCode::DimensionMismatch:
        return fromEmbedder(e, context) ? UserProblem::EmbedderWrongDimensions : UserProblem::WrongDimension;
    case ErrorCode::Network: return UserProblem::EmbedderUnreachable;
    case ErrorCode::AccessDenied: return UserProblem::EmbedderAccessDenied;
    case ErrorCode::NotFound:
        if (fromEmbedder(e, context)) return UserProblem::EmbedderModelNotFound;
        if (err == EACCES) return UserProblem::NoPermission;
        if (context == ErrorContext::Open && err == ENOENT) return UserProblem::FolderMissing;
        return context == ErrorContext::Open ? UserProblem::NotAnIndex : UserProblem::NotFound;
    case ErrorCode::ReadOnly: return UserProblem::ReadOnlyIndex;
    case ErrorCode::Io:
        if (err == ENOSPC || err == EDQUOT) return UserProblem::DiskFull;
        if (err == EROFS) return UserProblem::ReadOnlyFileSystem;
        if (err == EACCES || err == EPERM) return UserProblem::NoPermission;
        if (err == ENOENT) return UserProblem::NotFound;
        return UserProblem::IoFailure;
    case ErrorCode::MalformedInput:
        return isFilterError(e, context) ? UserProblem::MalformedFilter : UserProblem::MalformedInput;
    case ErrorCode::UnsupportedFormat: return UserProblem::UnsupportedFormat;
    case ErrorCode::Cancelled: return UserProblem::Cancelled;
    case ErrorCode::Closed: return UserProblem::Closed;
    case ErrorCode::NotReady: return UserProblem::NotReady;
    case ErrorCode::AlreadyExists: return UserProblem::AlreadyExists;
    case ErrorCode::InvalidArgument:
        if (isFilterError(e, context)) return UserProblem::MalformedFilter;
        // A server that answered with an HTTP error to a request it did not like (400, 413, 422).
        return fromEmbedder(e, context) && e.httpStatus() >= 300 ? UserProblem::EmbedderModelNotFound
                                                                 : UserProblem::InvalidInput;
    case ErrorCode::InvalidId:
    case ErrorCode::NonFiniteValue:
    case ErrorCode::MetadataTooLarge:
    case ErrorCode::SchemaViolation:
    case ErrorCode::DuplicateId: return UserProblem::InvalidInput;
    }
    return UserProblem::Other;
}
} // namespace

QString UserMessage::summary() const
{
    if (advice.isEmpty()) return headline;
    return headline + QLatin1Char(' ') + advice;
}

QString UserMessage::text() const
{
    const QString first = summary();
    if (detail.isEmpty() || detail == first) return first;
    return first + QLatin1Char('\n') + detail;
}

UserMessage userMessage(const Error &error, ErrorContext context, const QString &lockHolder)
{
    UserMessage u;
    u.problem = classify(error, context);
    u.detail = error.toString();
    switch (u.problem) {
    case UserProblem::None: u.detail.clear(); break;
    case UserProblem::Locked: {
        const QString holder = lockHolder.isEmpty() ? holderFromFields(error) : lockHolder;
        u.headline = holder.isEmpty() ? Text::tr("Another program is writing to this index.")
                                      : Text::tr("%1 is writing to this index.").arg(holder);
        u.advice = Text::tr("Close the index there, or open it read-only to look at it meanwhile.");
        break;
    }
    case UserProblem::Damaged:
        u.headline = Text::tr("The index is damaged: a checksum or a structure check failed.");
        u.advice = Text::tr("Open it in the Integrity view: Full Verify shows what is damaged, and Plan Repair… mends "
                            "it after making a backup.");
        break;
    case UserProblem::WrongDimension:
        u.headline = Text::tr("The vector has the wrong number of dimensions for this index.");
        u.advice = Text::tr("Give exactly as many numbers as the index has dimensions (its Summary shows them).");
        break;
    case UserProblem::EmbedderUnreachable:
        u.headline = Text::tr("The embedding server could not be reached, or kept failing.");
        u.advice = Text::tr("Check that the server is running and that SEXTANT_EMBED_URL names it, then try again.");
        break;
    case UserProblem::EmbedderAccessDenied:
        u.headline = Text::tr("The embedding server refused access.");
        u.advice = Text::tr("Set SEXTANT_EMBED_API_KEY to a key the server accepts (and check the account's credit), "
                            "then start Sextant again.");
        break;
    case UserProblem::EmbedderModelNotFound:
        u.headline = Text::tr("The embedding server does not offer that model.");
        u.advice = Text::tr("Check SEXTANT_EMBED_MODEL and that the model is loaded on the server; the base URL "
                            "usually ends with /v1.");
        break;
    case UserProblem::EmbedderWrongDimensions:
        u.headline = Text::tr("The embedder's vectors do not fit this index: their number of dimensions differs.");
        u.advice = Text::tr("Use the embedder and model the index was made with, or create a new index for this one.");
        break;
    case UserProblem::DiskFull:
        u.headline = Text::tr("The disk is full.");
        u.advice = Text::tr("Free some space on the disk that holds the index, or choose a folder on another disk, "
                            "then try again. Writes that were acknowledged are safe.");
        break;
    case UserProblem::NoPermission:
        u.headline = Text::tr("Sextant is not allowed to use this file or folder.");
        u.advice = Text::tr("Check its permissions, or choose a folder of your own.");
        break;
    case UserProblem::ReadOnlyFileSystem:
        u.headline = Text::tr("The disk is mounted read-only.");
        u.advice = Text::tr("Open the index read-only, or copy it to a disk you can write to.");
        break;
    case UserProblem::ReadOnlyIndex:
        u.headline = Text::tr("This index is open read-only, so it cannot be changed here.");
        u.advice = Text::tr("Close it in the program that writes it, then choose Open for Writing.");
        break;
    case UserProblem::NotAnIndex:
        // The engine's sentence says the same again: the headline and the
        // advice say it once (the caller names the folder).
        u.headline = Text::tr("There is no Sextant index in this folder.");
        u.advice = Text::tr("It has no MANIFEST file, which every index keeps. Choose another folder, or create a new "
                            "index.");
        u.detail.clear();
        break;
    case UserProblem::FolderMissing:
        u.headline = Text::tr("The folder does not exist.");
        u.advice = Text::tr("It may have been moved, renamed or deleted. Choose another folder, or create a new "
                            "index.");
        u.detail.clear();
        break;
    case UserProblem::NotFound:
        u.headline = Text::tr("Sextant could not find what it was asked for.");
        u.advice = Text::tr("It may have been moved, renamed or deleted; check the path or the id.");
        break;
    case UserProblem::AlreadyExists:
        u.headline = Text::tr("That already exists.");
        u.advice = context == ErrorContext::Create || context == ErrorContext::Restore
                       ? Text::tr("Choose an empty or new folder, or open the index that is there.")
                       : Text::tr("Choose another name, or change the one that exists.");
        break;
    case UserProblem::MalformedInput:
        u.headline = Text::tr("The input could not be read.");
        u.advice = Text::tr("The line below says where; correct it and try again. Nothing was changed.");
        break;
    case UserProblem::MalformedFilter:
        u.headline = Text::tr("The filter is not valid.");
        u.advice = Text::tr("Correct it where the line below says; the filter language is described in "
                            "docs/filters.md.");
        break;
    case UserProblem::UnsupportedFormat:
        u.headline = Text::tr("Sextant cannot read this format.");
        u.advice = Text::tr("It may come from a newer Sextant or another program: update Sextant, or convert it to "
                            "a format Sextant reads.");
        break;
    case UserProblem::Cancelled:
        u.headline = Text::tr("Cancelled.");
        u.advice = Text::tr("What was finished before stays as it is; start again to do the rest.");
        break;
    case UserProblem::Closed:
        u.headline = Text::tr("The index has been closed.");
        u.advice = Text::tr("Open it again; if it closed after an error, verify it in the Integrity view.");
        break;
    case UserProblem::NotReady:
        u.headline = Text::tr("The search graph is still being built.");
        u.advice = Text::tr("Try again in a moment, or search exactly meanwhile.");
        break;
    case UserProblem::InvalidInput:
        u.headline = Text::tr("The input was refused; nothing was changed.");
        u.advice = Text::tr("The line below says what to correct.");
        break;
    case UserProblem::IoFailure:
        u.headline = Text::tr("The operating system refused to read or write a file.");
        u.advice = Text::tr("Check that the disk is connected and working, then try again; Full Verify checks the "
                            "index's files.");
        break;
    case UserProblem::Other: u.headline = Text::tr("Something went wrong."); break;
    }
    return u;
}

QString userMessageText(const Error &error, ErrorContext context) { return userMessage(error, context).text(); }

} // namespace sextant::ui
