#include "sextant/Backup.h"
#include "base/FileIo.h"
#include "storage/Manifest.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <archive.h>
#include <archive_entry.h>
#include <algorithm>
#include <memory>
#include <vector>

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

// One file of the backup: its name in the folder, opened before anything is
// written, and the bytes to store (its size when opened: a log a writer
// appends to meanwhile is stored up to there, a consistent prefix).
struct Source {
    QString name;
    std::unique_ptr<QFile> file;
    QByteArray bytes; // instead of a file: the MANIFEST as read
    qint64 size = 0;
};

Error openSource(const QString &dir, const QString &rel, std::vector<Source> *out)
{
    auto f = std::make_unique<QFile>(dir + u'/' + rel);
    if (!f->open(QIODevice::ReadOnly))
        return Error(f->exists() ? ErrorCode::Io : ErrorCode::NotFound,
                     QStringLiteral("Could not read %1 for the backup: %2").arg(f->fileName(), f->errorString()),
                     f->fileName());
    const qint64 size = f->size();
    out->push_back(Source{rel, std::move(f), {}, size});
    return {};
}

// Every regular file of the folder (quarantine/ and publish/ included)
// except the writer lock: what a repair saves before it changes anything.
Error wholeFolder(const QString &dir, std::vector<Source> *out)
{
    QStringList names;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString rel = QDir(dir).relativeFilePath(it.next());
        if (rel == QLatin1String("LOCK") || rel == QLatin1String("LOCK.owner")) continue;
        names.append(rel);
    }
    names.sort();
    for (const QString &rel : names)
        if (Error e = openSource(dir, rel, out)) return e;
    return {};
}

// What the current state needs (docs/format.md, "Backups"): MANIFEST, the
// segment, deletion and graph files it names, and the log it names with the
// chain after it. A writer may publish meanwhile and retire a file of the
// state just read: then MANIFEST is read again.
Error currentState(const QString &dir, std::vector<Source> *out)
{
    using namespace storage;
    const QString manifestPath = dir + u'/' + manifest::currentName();
    static const QRegularExpression walName(QStringLiteral("^wal-(\\d{20})\\.log$"));
    Error last;
    for (int attempt = 0; attempt < 8; ++attempt) {
        out->clear();
        const Result<QByteArray> bytes =
            base::readWholeFile(manifestPath, manifest::kMaxBodyBytes + manifest::kEnvelopeSize);
        const Result<Manifest> m = bytes.ok() ? Manifest::decode(*bytes, manifestPath) : bytes.error();
        if (!m.ok())
            return Error(m.error().code(),
                         QStringLiteral("A backup of %1 needs its MANIFEST, which cannot be read: %2 Run verify; a "
                                        "repair writes a backup of every file of the folder before it changes "
                                        "anything.")
                             .arg(dir, m.error().message()),
                         manifestPath);
        out->push_back(Source{manifest::currentName(), nullptr, *bytes, bytes->size()});
        QStringList names;
        for (const FileRecord &f : m->files)
            names.append(f.name);
        // The log after the checkpoint and the chain that follows it: the
        // records the segments do not hold yet.
        names.append(m->walFile); // a missing one fails below
        for (const QString &log : QDir(dir).entryList({QStringLiteral("wal-*.log")}, QDir::Files, QDir::Name)) {
            const QRegularExpressionMatch mm = walName.match(log);
            if (mm.hasMatch() && mm.captured(1).toULongLong() > m->checkpointLsn && !names.contains(log))
                names.append(log);
        }
        last = {};
        for (const QString &rel : names) {
            if (rel.isEmpty() || rel.contains(u'/') || rel.contains(u'\\'))
                return Error(ErrorCode::Corruption,
                             QStringLiteral("The MANIFEST of %1 names the file \"%2\", which cannot be in the "
                                            "folder; run verify.")
                                 .arg(dir, rel),
                             manifestPath);
            last = openSource(dir, rel, out);
            if (last) break;
        }
        if (!last) return {};
        if (last.code() != ErrorCode::NotFound) return last;
        // Retired by a writer since MANIFEST was read? Then MANIFEST changed.
        const Result<QByteArray> now =
            base::readWholeFile(manifestPath, manifest::kMaxBodyBytes + manifest::kEnvelopeSize);
        if (now.ok() && *now == *bytes) return last;
    }
    return last;
}

} // namespace

QString defaultBackupPath(const QString &indexDir)
{
    const QFileInfo info(QFileInfo(indexDir).absoluteFilePath());
    return info.absolutePath() + u'/' + info.fileName() + QStringLiteral("-backup-") +
           QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".tar.zst");
}

Result<BackupSummary> writeBackupArchive(const QString &indexDir, const QString &archivePath,
                                         const std::function<bool(qint64, qint64)> &progress, BackupScope scope)
{
    const QString dir = QFileInfo(indexDir).absoluteFilePath();
    const QString top = QFileInfo(dir).fileName();
    std::vector<Source> sources;
    if (Error e = scope == BackupScope::WholeFolder ? wholeFolder(dir, &sources) : currentState(dir, &sources))
        return e;
    qint64 total = 0;
    for (const Source &s : sources)
        total += s.size;

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
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (Source &s : sources) {
        std::unique_ptr<archive_entry, EntryFreer> entry(archive_entry_new());
        const QByteArray entryName = (top + u'/' + s.name).toUtf8();
        archive_entry_set_pathname_utf8(entry.get(), entryName.constData());
        archive_entry_set_size(entry.get(), s.size);
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_mtime(entry.get(), s.file ? QFileInfo(*s.file).lastModified().toSecsSinceEpoch() : now, 0);
        if (archive_write_header(a.get(), entry.get()) != ARCHIVE_OK)
            return fail(archiveError(a.get(), target, s.name));
        qint64 left = s.size;
        while (left > 0) {
            const char *data = nullptr;
            qint64 n = 0;
            if (s.file) {
                n = s.file->read(buf.data(), std::min<qint64>(left, buf.size()));
                if (n < 0)
                    return fail(
                        Error(ErrorCode::Io,
                              QStringLiteral("Could not read %1: %2").arg(s.file->fileName(), s.file->errorString())));
                if (n == 0)
                    return fail(Error(ErrorCode::Io,
                                      QStringLiteral("%1 became shorter while it was being backed up; try again.")
                                          .arg(s.file->fileName()),
                                      s.file->fileName()));
                data = buf.constData();
            } else {
                data = s.bytes.constData() + (s.size - left);
                n = left;
            }
            if (archive_write_data(a.get(), data, size_t(n)) != n) return fail(archiveError(a.get(), target, s.name));
            left -= n;
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
