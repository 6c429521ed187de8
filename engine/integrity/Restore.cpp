// Restoring a backup archive (sextant/Restore.h). The archive may come from
// anywhere, so it goes through sextant/Archive.h's two passes (nothing is written
// before the whole archive is accepted) and the extracted folder must pass a
// full verify before it gets the name the user chose: a restore either
// produces an index that verifies, or nothing at all.

#include "sextant/Verifier.h"
#include "sextant/Archive.h"
#include "sextant/Restore.h"
#include "base/FileIo.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

namespace sextant {

namespace {

// Removes the temporary folder unless the restore succeeded.
class TemporaryFolder {
public:
    ~TemporaryFolder()
    {
        if (!m_path.isEmpty() && !m_keep) QDir(m_path).removeRecursively();
    }
    Error create(const QString &parent, const QString &name)
    {
        for (int attempt = 0; attempt < 16; ++attempt) {
            const QString candidate = QStringLiteral(".%1.restore-%2")
                                          .arg(name)
                                          .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
            if (QDir(parent).mkdir(candidate)) {
                m_path = parent + u'/' + candidate;
                return {};
            }
        }
        return Error(ErrorCode::Io,
                     QStringLiteral("Could not create a temporary folder in %1 for the restore.").arg(parent), parent);
    }
    const QString &path() const { return m_path; }
    void keep() { m_keep = true; }

private:
    QString m_path;
    bool m_keep = false;
};

// Writes the archive's files under the temporary folder, checking that they
// form one top folder, and syncs each one.
class BackupExtractor {
public:
    BackupExtractor(const QString &archiveName, const QString &into) : m_archiveName(archiveName), m_into(into) { }

    archives::ArchiveStreamVisitor visitor()
    {
        archives::ArchiveStreamVisitor v;
        v.begin = [this](const QString &path, qint64) { return begin(path); };
        v.data = [this](const char *data, qsizetype size) { return write(data, size); };
        v.end = [this] { return end(); };
        return v;
    }

    // An error of ours that stopped the archive reading, if any.
    const Error &error() const { return m_error; }
    int files() const { return m_files; }
    qint64 bytes() const { return m_bytes; }
    const QSet<QString> &folders() const { return m_folders; }
    const QString &top() const { return m_top; }

private:
    bool refuse(const QString &why)
    {
        m_error = Error(ErrorCode::MalformedInput, QStringLiteral("%1: refused: %2").arg(m_archiveName, why));
        return false;
    }

    bool fail(const Error &e)
    {
        m_error = e;
        return false;
    }

    bool begin(const QString &path)
    {
        const qsizetype slash = path.indexOf(u'/');
        if (slash < 0)
            return refuse(
                QStringLiteral("the file %1 is not inside the index folder (a backup holds one top folder)").arg(path));
        const QString top = path.left(slash);
        if (m_top.isEmpty()) m_top = top;
        if (top != m_top)
            return refuse(
                QStringLiteral("it holds more than one top folder (%1 and %2); a backup holds one").arg(m_top, top));
        const QString rel = path.mid(slash + 1);
        const QString target = m_into + u'/' + rel;
        const QString folder = QFileInfo(target).absolutePath();
        if (!QDir().mkpath(folder))
            return fail(Error(ErrorCode::Io,
                              QStringLiteral("Could not create the folder %1 for the restore.").arg(folder), folder));
        m_folders.insert(folder);
        // CreateNew: an entry that appears twice, or a file where a folder
        // of the same name was, is refused instead of overwritten.
        Result<base::File> f = base::File::open(target, base::File::Mode::CreateNew);
        if (!f.ok()) {
            if (QFileInfo::exists(target)) return refuse(QStringLiteral("the entry %1 appears twice").arg(path));
            return fail(f.error());
        }
        m_file = std::move(*f);
        m_offset = 0;
        return true;
    }

    bool write(const char *data, qsizetype size)
    {
        if (Error e = m_file.writeAt(data, size_t(size), m_offset)) return fail(e);
        m_offset += size;
        return true;
    }

    bool end()
    {
        if (Error e = m_file.syncData()) return fail(e);
        m_file.close();
        ++m_files;
        m_bytes += m_offset;
        return true;
    }

    const QString m_archiveName;
    const QString m_into;
    Error m_error;
    QString m_top;
    base::File m_file;
    qint64 m_offset = 0;
    int m_files = 0;
    qint64 m_bytes = 0;
    QSet<QString> m_folders;
};

Error checkTarget(const QString &target)
{
    const QFileInfo info(target);
    if (info.exists() || info.isSymLink()) {
        if (!info.isDir() || info.isSymLink())
            return Error(
                ErrorCode::AlreadyExists,
                QStringLiteral("%1 exists and is not a folder; restore into a new or empty folder.").arg(target),
                target);
        if (!QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
            return Error(ErrorCode::AlreadyExists,
                         QStringLiteral("The folder %1 is not empty; restore into a new or empty folder.").arg(target),
                         target);
    }
    const QString parent = info.absolutePath();
    if (!QFileInfo(parent).isDir())
        return Error(ErrorCode::NotFound, QStringLiteral("The folder %1 does not exist.").arg(parent), parent);
    return {};
}

// Limits for backups: index files are large and compress little, so the
// per-entry and total limits are the disk's; the entry count and the ratio
// still stop bombs.
archives::ArchiveLimits backupLimits()
{
    archives::ArchiveLimits limits;
    limits.maxEntryBytes = 1ll << 40;
    limits.maxTotalBytes = 1ll << 40;
    return limits;
}

QString verifyFailure(const VerifyReport &report)
{
    QStringList errors;
    for (const Finding &f : report.findings)
        if (f.severity == Finding::Severity::Error)
            errors << (f.file.isEmpty() ? f.message : f.file + QStringLiteral(": ") + f.message);
    if (errors.isEmpty()) return {};
    QString text = errors.first();
    if (errors.size() > 1) text += QStringLiteral(" (and %1 more)").arg(errors.size() - 1);
    return text;
}

} // namespace

Result<RestoreSummary> restoreBackupArchive(const QString &archivePath, const QString &targetDir,
                                            const std::function<bool(qint64, qint64)> &progress)
{
    const QString target = QFileInfo(targetDir).absoluteFilePath();
    if (Error e = checkTarget(target)) return e;
    const QFileInfo archiveInfo(archivePath);
    const qint64 archiveSize = archiveInfo.size();
    const qint64 total = 3 * std::max<qint64>(archiveSize, 1);

    TemporaryFolder temp;
    if (Error e = temp.create(QFileInfo(target).absolutePath(), QFileInfo(target).fileName())) return e;

    BackupExtractor extractor(archiveInfo.fileName(), temp.path());
    const Error read =
        archives::streamArchiveFiles(archivePath, backupLimits(), extractor.visitor(),
                                     [&](qint64 done, qint64) { return !progress || progress(done, total); });
    if (extractor.error()) return extractor.error();
    if (read) return read;
    if (extractor.files() == 0)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("%1: refused: it holds no files; it is no backup").arg(archiveInfo.fileName()));

    // Durable before verify looks and before the rename publishes it.
    for (const QString &folder : extractor.folders())
        if (Error e = base::syncDirectory(folder)) return e;
    if (Error e = base::syncDirectory(temp.path())) return e;

    VerifyOptions verify;
    verify.full = true;
    verify.progress = [&](qint64 done, qint64 verifyTotal) {
        if (!progress) return true;
        const qint64 part = verifyTotal > 0 ? qint64(double(total / 3) * double(done) / double(verifyTotal)) : 0;
        return progress(std::min(2 * (total / 3) + part, total), total);
    };
    Result<VerifyReport> report = verifyIndex(temp.path(), verify);
    if (!report.ok())
        return Error(report.error().code() == ErrorCode::Cancelled ? ErrorCode::Cancelled : ErrorCode::Corruption,
                     QStringLiteral("%1: the restored folder is not an index that verifies: %2")
                         .arg(archiveInfo.fileName(), report.error().message()));
    if (report->cancelled) return Error(ErrorCode::Cancelled, QStringLiteral("The restore was cancelled."));
    if (const QString why = verifyFailure(*report); !why.isEmpty())
        return Error(ErrorCode::Corruption,
                     QStringLiteral("%1: the restored index fails verification: %2").arg(archiveInfo.fileName(), why));

    // rename(2) replaces an empty folder, and fails on one that was filled
    // in the meantime: then the temporary folder goes and nothing changed.
    if (Error e = checkTarget(target)) return e;
    if (Error e = base::renameFile(temp.path(), target)) return e;
    temp.keep();
    base::syncDirectory(QFileInfo(target).absolutePath());

    RestoreSummary summary;
    summary.folder = target;
    summary.files = extractor.files();
    summary.bytes = extractor.bytes();
    summary.liveItems = std::max<qint64>(report->liveItems, 0);
    for (const Finding &f : report->findings)
        if (f.severity == Finding::Severity::Warning) summary.warnings << f.message;
    if (progress) progress(total, total);
    return summary;
}

} // namespace sextant
