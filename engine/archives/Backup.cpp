#include "sextant/Backup.h"
#include "base/FileIo.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace sextant::archives {

namespace {

struct ArchiveCloser {
    void operator()(archive *a) const { archive_write_free(a); }
};
struct EntryFreer {
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};

Error archiveError(archive *a, const QString &path, const QString &what)
{
    return Error(
        ErrorCode::Io,
        QStringLiteral("Could not write the backup archive %1 (%2: %3).")
            .arg(path, what, QString::fromUtf8(archive_error_string(a) ? archive_error_string(a) : "unknown error")),
        path);
}

} // namespace

QString defaultBackupPath(const QString &indexDir)
{
    const QFileInfo info(QFileInfo(indexDir).absoluteFilePath());
    return info.absolutePath() + u'/' + info.fileName() + QStringLiteral("-backup-") +
           QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".tar.zst");
}

Result<BackupSummary> writeBackupArchive(const QString &indexDir, const QString &archivePath,
                                         const std::function<bool(qint64, qint64)> &progress)
{
    const QString dir = QFileInfo(indexDir).absoluteFilePath();
    const QString top = QFileInfo(dir).fileName();
    QStringList names;
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString rel = QDir(dir).relativeFilePath(it.next());
        if (rel == QLatin1String("LOCK") || rel == QLatin1String("LOCK.owner")) continue;
        names.append(rel);
        total += it.fileInfo().size();
    }
    names.sort();

    const QString target = QFileInfo(archivePath).absoluteFilePath();
    const QString temp = target + QStringLiteral(".part");
    std::unique_ptr<archive, ArchiveCloser> a(archive_write_new());
    if (archive_write_add_filter_zstd(a.get()) != ARCHIVE_OK)
        return archiveError(a.get(), target, QStringLiteral("zstd"));
    if (archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK)
        return archiveError(a.get(), target, QStringLiteral("tar format"));
    const QByteArray tempName = QFile::encodeName(temp);
    if (archive_write_open_filename(a.get(), tempName.constData()) != ARCHIVE_OK)
        return archiveError(a.get(), target, QStringLiteral("create"));
    auto fail = [&](const Error &e) {
        archive_write_close(a.get());
        QFile::remove(temp);
        return e;
    };

    BackupSummary summary;
    summary.file = target;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    for (const QString &rel : names) {
        QFile f(dir + u'/' + rel);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error(ErrorCode::Io,
                              QStringLiteral("Could not read %1 for the backup: %2").arg(f.fileName(), f.errorString()),
                              f.fileName()));
        const QFileInfo info(f);
        std::unique_ptr<archive_entry, EntryFreer> entry(archive_entry_new());
        const QByteArray entryName = (top + u'/' + rel).toUtf8();
        archive_entry_set_pathname_utf8(entry.get(), entryName.constData());
        archive_entry_set_size(entry.get(), f.size());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_mtime(entry.get(), info.lastModified().toSecsSinceEpoch(), 0);
        if (archive_write_header(a.get(), entry.get()) != ARCHIVE_OK) return fail(archiveError(a.get(), target, rel));
        for (;;) {
            const qint64 n = f.read(buf.data(), buf.size());
            if (n < 0)
                return fail(
                    Error(ErrorCode::Io, QStringLiteral("Could not read %1: %2").arg(f.fileName(), f.errorString())));
            if (n == 0) break;
            if (archive_write_data(a.get(), buf.constData(), size_t(n)) != n)
                return fail(archiveError(a.get(), target, rel));
            summary.bytes += n;
            if (progress && !progress(summary.bytes, total))
                return fail(Error(ErrorCode::Cancelled, QStringLiteral("The backup was cancelled.")));
        }
        ++summary.files;
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK)
        return fail(archiveError(a.get(), target, QStringLiteral("finish")));
    // Durable before it counts: sync the archive, then rename it into place.
    {
        Result<base::File> f = base::File::open(temp, base::File::Mode::ReadWrite);
        if (!f.ok()) return fail(f.error());
        if (Error e = f->syncData()) return fail(e);
    }
    if (Error e = base::renameFile(temp, target)) return fail(e);
    base::syncDirectory(QFileInfo(target).absolutePath());
    summary.archiveBytes = QFileInfo(target).size();
    return summary;
}

} // namespace sextant::archives
