#include "base/FileIo.h"

#include "base/FaultInjection.h"

#include <QFile>
#include <QSaveFile>
#include <QThread>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sextant::base {

bool isTransientErrno(int err) { return err == EINTR || err == EAGAIN || err == EBUSY; }

namespace {
constexpr int kMaxTransientRetries = 6;

// Runs `call` until it succeeds or fails permanently. EINTR retries at once;
// EAGAIN/EBUSY sleep 1, 2, 4, ... ms between attempts.
template <typename Call>
auto retrying(Call call) -> decltype(call())
{
    int attempt = 0;
    for (;;) {
        auto r = call();
        if (r >= 0) return r;
        const int err = errno;
        if (err == EINTR) continue;
        if (!isTransientErrno(err) || ++attempt > kMaxTransientRetries) {
            errno = err;
            return r;
        }
        QThread::msleep(1u << (attempt - 1));
        errno = err;
    }
}
} // namespace

File::~File() { close(); }

File::File(File &&other) noexcept : m_fd(other.m_fd), m_path(std::move(other.m_path)) { other.m_fd = -1; }

File &File::operator=(File &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = other.m_fd;
        m_path = std::move(other.m_path);
        other.m_fd = -1;
    }
    return *this;
}

Result<File> File::open(const QString &path, Mode mode)
{
    int flags = O_CLOEXEC;
    switch (mode) {
    case Mode::ReadOnly: flags |= O_RDONLY; break;
    // Nothing is written through a symbolic link: an index file that is one
    // could point anywhere outside the folder.
    case Mode::ReadWrite: flags |= O_RDWR | O_NOFOLLOW; break;
    case Mode::CreateNew: flags |= O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW; break;
    case Mode::CreateOrTruncate: flags |= O_RDWR | O_CREAT | O_TRUNC | O_NOFOLLOW; break;
    }
    const QByteArray native = QFile::encodeName(path);
    const int fd = retrying([&] { return ::open(native.constData(), flags, 0644); });
    if (fd < 0 && mode == Mode::CreateNew && errno == EEXIST)
        return Error(
            ErrorCode::AlreadyExists,
            QStringLiteral("Refusing to create %1: a file of that name already exists, and Sextant never replaces "
                           "a file that exists.")
                .arg(path),
            path);
    if (fd < 0 && mode != Mode::ReadOnly && errno == ELOOP)
        return Error(
            ErrorCode::Io,
            QStringLiteral("Refusing to write to %1: it is a symbolic link, and Sextant writes only to files in "
                           "the index folder itself. Replace the link with the file it points to.")
                .arg(path),
            path);
    if (fd < 0) return Error::fromErrno(errno, QStringLiteral("open"), path);
    File f;
    f.m_fd = fd;
    f.m_path = path;
    return f;
}

Error File::writeAt(const void *data, size_t size, qint64 offset)
{
    const char *p = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = retrying([&]() -> ssize_t {
            bool shorten = false;
            if (const int err = faults::maybeFail(faults::Op::Write, m_path, &shorten)) {
                errno = err;
                return -1;
            }
            return ::pwrite(m_fd, p, shorten ? std::max<size_t>(size / 2, 1) : size, offset);
        });
        if (n < 0) return Error::fromErrno(errno, QStringLiteral("write to"), m_path);
        if (n == 0) return Error::fromErrno(EIO, QStringLiteral("write to"), m_path);
        p += n;
        size -= size_t(n);
        offset += n;
    }
    return {};
}

Result<qint64> File::readSomeAt(void *data, size_t size, qint64 offset) const
{
    char *p = static_cast<char *>(data);
    qint64 total = 0;
    while (size > 0) {
        const ssize_t n = retrying([&] { return ::pread(m_fd, p, size, offset); });
        if (n < 0) return Error::fromErrno(errno, QStringLiteral("read"), m_path);
        if (n == 0) break;
        p += n;
        size -= size_t(n);
        offset += n;
        total += n;
    }
    return total;
}

Error File::readAt(void *data, size_t size, qint64 offset) const
{
    const Result<qint64> got = readSomeAt(data, size, offset);
    if (!got.ok()) return got.error();
    if (*got != qint64(size))
        return Error(ErrorCode::Corruption,
                     QStringLiteral("%1 ends early: expected %2 bytes at offset %3, found %4.")
                         .arg(m_path)
                         .arg(size)
                         .arg(offset)
                         .arg(*got),
                     m_path);
    return {};
}

Result<qint64> File::size() const
{
    struct stat st { };
    if (retrying([&] { return ::fstat(m_fd, &st); }) < 0)
        return Error::fromErrno(errno, QStringLiteral("inspect"), m_path);
    return qint64(st.st_size);
}

Error File::truncate(qint64 size)
{
    if (retrying([&] {
            if (const int err = faults::maybeFail(faults::Op::Truncate, m_path)) {
                errno = err;
                return -1;
            }
            return ::ftruncate(m_fd, size);
        }) < 0)
        return Error::fromErrno(errno, QStringLiteral("truncate"), m_path);
    return {};
}

Error File::syncData()
{
    // fdatasync is not retried on EIO: after a failed sync the page cache may
    // have dropped the dirty pages (the "fsyncgate" lesson), so the caller
    // must treat the file as suspect instead of trying again.
    if (retrying([&] {
            if (const int err = faults::maybeFail(faults::Op::Sync, m_path)) {
                errno = err;
                return -1;
            }
            return ::fdatasync(m_fd);
        }) < 0)
        return Error::fromErrno(errno, QStringLiteral("flush to disk"), m_path);
    return {};
}

void File::close()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

Error syncDirectory(const QString &dirPath)
{
    const QByteArray native = QFile::encodeName(dirPath);
    const int fd = retrying([&] { return ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); });
    if (fd < 0) return Error::fromErrno(errno, QStringLiteral("open folder"), dirPath);
    const int rc = retrying([&] { return ::fsync(fd); });
    const int err = errno;
    ::close(fd);
    if (rc < 0) return Error::fromErrno(err, QStringLiteral("flush folder"), dirPath);
    return {};
}

Error removeFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    if (retrying([&] { return ::unlink(native.constData()); }) < 0 && errno != ENOENT)
        return Error::fromErrno(errno, QStringLiteral("remove"), path);
    return {};
}

Error renameFile(const QString &from, const QString &to)
{
    const QByteArray a = QFile::encodeName(from), b = QFile::encodeName(to);
    if (retrying([&] {
            if (const int err = faults::maybeFail(faults::Op::Rename, to)) {
                errno = err;
                return -1;
            }
            return ::rename(a.constData(), b.constData());
        }) < 0)
        return Error::fromErrno(errno, QStringLiteral("rename"), from);
    return {};
}

Error renameNoReplace(const QString &from, const QString &to)
{
    const QByteArray a = QFile::encodeName(from), b = QFile::encodeName(to);
    const int rc = retrying([&] {
        if (const int err = faults::maybeFail(faults::Op::Rename, to)) {
            errno = err;
            return -1;
        }
        int r = ::renameat2(AT_FDCWD, a.constData(), AT_FDCWD, b.constData(), RENAME_NOREPLACE);
        if (r < 0 && (errno == EINVAL || errno == ENOSYS)) {
            // A file system without RENAME_NOREPLACE: link() fails on an
            // existing name as well; then the old name goes.
            r = ::link(a.constData(), b.constData());
            if (r == 0) ::unlink(a.constData());
        }
        return r;
    });
    if (rc < 0 && errno == EEXIST)
        return Error(
            ErrorCode::AlreadyExists,
            QStringLiteral("Refusing to rename %1 to %2: a file of that name already exists, and Sextant never "
                           "replaces a file that exists.")
                .arg(from, to),
            to);
    if (rc < 0) return Error::fromErrno(errno, QStringLiteral("rename"), from);
    return {};
}

bool isSymlink(const QString &path)
{
    struct stat st { };
    const QByteArray native = QFile::encodeName(path);
    return ::lstat(native.constData(), &st) == 0 && S_ISLNK(st.st_mode);
}

Result<QByteArray> readWholeFile(const QString &path, qint64 maxBytes)
{
    Result<File> f = File::open(path, File::Mode::ReadOnly);
    if (!f.ok()) return f.error();
    const Result<qint64> size = f->size();
    if (!size.ok()) return size.error();
    if (*size > maxBytes)
        return Error(ErrorCode::Corruption,
                     QStringLiteral("%1 is %2 bytes, more than the %3 bytes such a file can be.")
                         .arg(path)
                         .arg(*size)
                         .arg(maxBytes),
                     path);
    QByteArray data(*size, Qt::Uninitialized);
    if (Error e = f->readAt(data.data(), size_t(data.size()), 0)) return e;
    return data;
}

Error saveFileAtomically(const QString &path, const QByteArray &contents, bool sync)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io,
                     QStringLiteral("Could not create a temporary file for %1: %2").arg(path, file.errorString()),
                     path);
    if (file.write(contents) != contents.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return Error(ErrorCode::Io, QStringLiteral("Could not write %1: %2").arg(path, reason), path);
    }
    if (sync && retrying([&] {
                    if (const int err = faults::maybeFail(faults::Op::Sync, path)) {
                        errno = err;
                        return -1;
                    }
                    return ::fdatasync(file.handle());
                }) < 0) {
        const int err = errno;
        file.cancelWriting();
        return Error::fromErrno(err, QStringLiteral("flush to disk"), path);
    }
    if (const int err = faults::maybeFail(faults::Op::Rename, path)) {
        file.cancelWriting();
        return Error::fromErrno(err, QStringLiteral("replace"), path);
    }
    if (!file.commit())
        return Error(ErrorCode::Io, QStringLiteral("Could not replace %1: %2").arg(path, file.errorString()), path);
    if (sync) {
        const int slash = path.lastIndexOf(u'/');
        return syncDirectory(slash > 0 ? path.left(slash) : QStringLiteral("."));
    }
    return {};
}

} // namespace sextant::base
