#pragma once
// The one place the engine talks to the operating system about files.
// Transient errors (EINTR, EAGAIN, EBUSY) are retried with exponential
// backoff; every other failure comes back at once as an Error naming the
// path and the reason. Short writes are continued, never ignored.

#include "sextant/Error.h"

#include <QByteArray>
#include <QString>

namespace sextant::base {

bool isTransientErrno(int err);

class File {
public:
    // CreateNew fails with ErrorCode::AlreadyExists when the file exists.
    enum class Mode { ReadOnly, ReadWrite, CreateNew /* fails if it exists */, CreateOrTruncate };

    File() = default;
    ~File();
    File(File &&other) noexcept;
    File &operator=(File &&other) noexcept;
    File(const File &) = delete;
    File &operator=(const File &) = delete;

    static Result<File> open(const QString &path, Mode mode);

    bool isOpen() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    const QString &path() const { return m_path; }

    Error writeAt(const void *data, size_t size, qint64 offset);
    // Reads exactly `size` bytes, or fails (a short file is an Io error).
    Error readAt(void *data, size_t size, qint64 offset) const;
    // Reads up to `size` bytes; returns how many were read.
    Result<qint64> readSomeAt(void *data, size_t size, qint64 offset) const;
    Result<qint64> size() const;
    Error truncate(qint64 size);
    Error syncData(); // fdatasync
    void close();
    // Records a new name after the file was renamed on disk.
    void rename(const QString &newPath) { m_path = newPath; }

private:
    int m_fd = -1;
    QString m_path;
};

// fsync of a directory, so that created, renamed and removed entries persist.
Error syncDirectory(const QString &dirPath);
Error removeFile(const QString &path);
Error renameFile(const QString &from, const QString &to);
// Like renameFile, but fails (ErrorCode::AlreadyExists) when `to` exists:
// new files of an index are put in place with it, never over another.
Error renameNoReplace(const QString &from, const QString &to);
// Whether `path` itself is a symbolic link (not followed).
bool isSymlink(const QString &path);
// Reads a whole (small) file; refuses files larger than `maxBytes`.
Result<QByteArray> readWholeFile(const QString &path, qint64 maxBytes);

// Durable replacement of a small file (manifest): QSaveFile, flushed and
// checked, fdatasync'd through its handle, committed, then the directory
// fsync'd. `sync` false skips both syncs (durability "off").
Error saveFileAtomically(const QString &path, const QByteArray &contents, bool sync = true);

} // namespace sextant::base
