#include "sextant/Archive.h"
#include "archives/ArchiveEntryRules.h"

#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace sextant::archives {

namespace {

struct ArchiveFree {
    void operator()(archive *a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

// Where the archive's bytes come from: a file (read by libarchive) or memory.
struct ArchiveSource {
    QString path; // empty for memory
    const QByteArray *bytes = nullptr;
    qint64 size = 0;
    QString displayName; // how errors name it
};

// The entry's time in ms since the epoch; 0 when unset or absurd (a
// hostile header's time must not overflow the multiplication).
qint64 modifiedMs(archive_entry *entry)
{
    if (!archive_entry_mtime_is_set(entry)) return 0;
    const qint64 seconds = qint64(archive_entry_mtime(entry));
    if (seconds < -(1ll << 40) || seconds > (1ll << 40)) return 0;
    const long nsec = archive_entry_mtime_nsec(entry);
    return seconds * 1000 + (nsec >= 0 && nsec < 1000000000 ? nsec / 1000000 : 0);
}

class ArchivePass {
public:
    ArchivePass(const ArchiveSource &source, const ArchiveLimits &limits) : m_source(source), m_limits(limits) { }

    // `visitor` is null for the checking pass.
    Error run(const ArchiveStreamVisitor *visitor, const std::function<bool(qint64)> &progress)
    {
        if (Error e = open()) return e;
        qint64 entries = 0, total = 0;
        for (;;) {
            archive_entry *entry = nullptr;
            const int r = archive_read_next_header(m_archive.get(), &entry);
            if (r == ARCHIVE_EOF) break;
            // ARCHIVE_WARN is a name libarchive could not convert and the
            // like: the entry is still there and gets checked like any other.
            if (r < ARCHIVE_WARN) return unreadable();
            if (++entries > m_limits.maxEntries)
                return refused(QStringLiteral("it has more than %1 entries").arg(m_limits.maxEntries));
            const EntryVerdict verdict = judgeEntry(entry);
            if (!verdict.refusal.isEmpty()) return refused(verdict.refusal);
            if (verdict.isFolder) {
                if (progress && !progress(archive_filter_bytes(m_archive.get(), -1))) return cancelled();
                continue;
            }
            if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > m_limits.maxEntryBytes)
                return tooLarge(verdict.path, archive_entry_size(entry));
            const qint64 modified = modifiedMs(entry);
            if (visitor && !visitor->begin(verdict.path, modified)) return cancelled();
            if (Error e = readData(verdict.path, total, visitor, progress)) return e;
            if (visitor && !visitor->end()) return cancelled();
        }
        return {};
    }

private:
    Error open()
    {
        m_archive.reset(archive_read_new());
        archive *a = m_archive.get();
        // Only what Sextant reads: zip and the tar family, optionally
        // compressed. Every other format libarchive knows is more code
        // that hostile bytes could reach.
        archive_read_support_format_zip(a);
        archive_read_support_format_tar(a);
        archive_read_support_filter_gzip(a);
        archive_read_support_filter_bzip2(a);
        archive_read_support_filter_xz(a);
        archive_read_support_filter_lzma(a);
        archive_read_support_filter_zstd(a);
        int r;
        if (m_source.bytes) {
            r = archive_read_open_memory(a, m_source.bytes->constData(), size_t(m_source.bytes->size()));
        } else {
            const QByteArray native = QFile::encodeName(m_source.path);
            r = archive_read_open_filename(a, native.constData(), 256 * 1024);
        }
        if (r != ARCHIVE_OK) return unreadable();
        return {};
    }

    // Decompresses one entry, counting every byte against the limits
    // before the visitor (if any) sees it.
    Error readData(const QString &path, qint64 &total, const ArchiveStreamVisitor *visitor,
                   const std::function<bool(qint64)> &progress)
    {
        static constexpr qsizetype kBlock = 256 * 1024;
        if (m_buffer.isEmpty()) m_buffer.resize(kBlock);
        qint64 entryBytes = 0;
        for (;;) {
            const la_ssize_t n = archive_read_data(m_archive.get(), m_buffer.data(), size_t(kBlock));
            if (n < 0) return unreadable(path);
            if (n == 0) break;
            entryBytes += n;
            total += n;
            if (entryBytes > m_limits.maxEntryBytes) return tooLarge(path, entryBytes);
            if (total > m_limits.maxTotalBytes)
                return refused(QStringLiteral("it unpacks to more than %1 bytes (at the entry %2)")
                                   .arg(m_limits.maxTotalBytes)
                                   .arg(path));
            if (total > m_limits.ratioFreeBytes &&
                double(total) > m_limits.maxRatio * double(std::max<qint64>(m_source.size, 1)))
                return refused(QStringLiteral("it unpacks to over %1 times its size (a zip bomb?), at the entry %2")
                                   .arg(m_limits.maxRatio)
                                   .arg(path));
            if (visitor && !visitor->data(m_buffer.constData(), qsizetype(n))) return cancelled();
            if (progress && !progress(archive_filter_bytes(m_archive.get(), -1))) return cancelled();
        }
        return {};
    }

    Error refused(const QString &why) const
    {
        return Error(ErrorCode::MalformedInput, QStringLiteral("%1: refused: %2").arg(m_source.displayName, why),
                     m_source.path);
    }

    Error tooLarge(const QString &path, qint64 bytes) const
    {
        return refused(QStringLiteral("the entry %1 unpacks to %2 bytes or more; the limit is %3")
                           .arg(path)
                           .arg(bytes)
                           .arg(m_limits.maxEntryBytes));
    }

    Error unreadable(const QString &entry = {}) const
    {
        const char *why = archive_error_string(m_archive.get());
        const QString reason = why ? QString::fromLocal8Bit(why) : QStringLiteral("not a zip or tar archive");
        const QString where = entry.isEmpty() ? QString() : QStringLiteral(" (at the entry %1)").arg(entry);
        if (!m_source.bytes && !QFileInfo(m_source.path).isReadable())
            return Error(ErrorCode::Io, QStringLiteral("%1: could not be opened: %2").arg(m_source.displayName, reason),
                         m_source.path);
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("%1: could not be read: %2%3").arg(m_source.displayName, reason, where),
                     m_source.path);
    }

    Error cancelled() const
    {
        return Error(ErrorCode::Cancelled, QStringLiteral("%1: reading was stopped.").arg(m_source.displayName),
                     m_source.path);
    }

    const ArchiveSource &m_source;
    const ArchiveLimits &m_limits;
    ArchivePtr m_archive;
    QByteArray m_buffer;
};

Error readTwice(const ArchiveSource &source, const ArchiveLimits &limits, const ArchiveStreamVisitor &visitor,
                const std::function<bool(qint64, qint64)> &progress)
{
    const qint64 total = 2 * source.size;
    auto progressFrom = [&](qint64 base) -> std::function<bool(qint64)> {
        if (!progress) return {};
        return [&progress, base, total](qint64 done) { return progress(std::min(base + done, total), total); };
    };
    if (Error e = ArchivePass(source, limits).run(nullptr, progressFrom(0))) return e;
    return ArchivePass(source, limits).run(&visitor, progressFrom(source.size));
}

// Collects each entry into an ArchiveFile for forEachArchiveFile's visit.
ArchiveStreamVisitor collectingVisitor(ArchiveFile &current, const std::function<bool(ArchiveFile &&)> &visit)
{
    ArchiveStreamVisitor v;
    v.begin = [&current](const QString &path, qint64 modified) {
        current = ArchiveFile{path, {}, modified};
        return true;
    };
    v.data = [&current](const char *data, qsizetype size) {
        current.data.append(data, size);
        return true;
    };
    v.end = [&current, &visit] { return visit(std::move(current)); };
    return v;
}

Error sourceFromPath(const QString &archivePath, ArchiveSource &source)
{
    const QFileInfo info(archivePath);
    source.path = info.absoluteFilePath();
    source.displayName = info.fileName();
    if (!info.exists())
        return Error(ErrorCode::NotFound, QStringLiteral("%1: there is no such file.").arg(source.displayName),
                     source.path);
    if (!info.isFile())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("%1: not a file.").arg(source.displayName),
                     source.path);
    source.size = info.size();
    return {};
}

} // namespace

bool isArchiveFileName(const QString &fileName)
{
    static const char *const suffixes[] = {".zip",     ".tar",  ".tar.gz",  ".tgz",  ".tar.xz",  ".txz",
                                           ".tar.zst", ".tzst", ".tar.bz2", ".tbz2", ".tar.zstd"};
    const QString lower = QFileInfo(fileName).fileName().toLower();
    for (const char *s : suffixes)
        if (lower.endsWith(QLatin1String(s)) && lower.size() > qsizetype(qstrlen(s))) return true;
    return false;
}

Error forEachArchiveFile(const QString &archivePath, const ArchiveLimits &limits,
                         const std::function<bool(ArchiveFile &&)> &visit,
                         const std::function<bool(qint64, qint64)> &progress)
{
    ArchiveSource source;
    if (Error e = sourceFromPath(archivePath, source)) return e;
    ArchiveFile current;
    return readTwice(source, limits, collectingVisitor(current, visit), progress);
}

Error streamArchiveFiles(const QString &archivePath, const ArchiveLimits &limits, const ArchiveStreamVisitor &visitor,
                         const std::function<bool(qint64, qint64)> &progress)
{
    ArchiveSource source;
    if (Error e = sourceFromPath(archivePath, source)) return e;
    return readTwice(source, limits, visitor, progress);
}

Error forEachArchiveFileInMemory(const QByteArray &archive, const ArchiveLimits &limits,
                                 const std::function<bool(ArchiveFile &&)> &visit, const QString &displayName)
{
    ArchiveSource source;
    source.bytes = &archive;
    source.size = archive.size();
    source.displayName = displayName;
    ArchiveFile current;
    return readTwice(source, limits, collectingVisitor(current, visit), {});
}

} // namespace sextant::archives
