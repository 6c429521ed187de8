#pragma once
// Archives the tests write with libarchive's own writer: zip or tar, plain or
// compressed, with any kind of entry (hostile ones included), so that the
// reader is tested against what real tools produce.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <archive.h>
#include <archive_entry.h>
#include <functional>
#include <memory>

namespace testsupport {

struct TestEntry {
    TestEntry(QByteArray n = {}, QByteArray d = {}, int t = AE_IFREG, QByteArray l = {}, bool hard = false)
        : name(std::move(n)), data(std::move(d)), type(t), link(std::move(l)), hardlink(hard)
    {
    }
    QByteArray name;
    QByteArray data;
    int type = AE_IFREG; // AE_IFDIR, AE_IFLNK, AE_IFCHR, AE_IFIFO, …
    QByteArray link;     // symlink target, or hard link target with hardlink = true
    bool hardlink = false;
    qint64 zeros = 0;          // when > 0: the data is this many zero bytes, streamed
    qint64 mtime = 1700000000; // seconds
};

struct ArchiveSpec {
    QByteArray format = "tar"; // "tar" (pax restricted), "gnutar", "zip"
    QByteArray filter;         // "", "gzip", "zstd", "xz", "bzip2"
    QByteArray options;        // archive_write_set_options, e.g. "zip:encryption=zipcrypt"
    QByteArray passphrase;
};

// Writes the archive to `path`; returns an empty string or why it failed.
inline QString writeTestArchive(const QString &path, const ArchiveSpec &spec, const QList<TestEntry> &entries)
{
    std::unique_ptr<archive, decltype(&archive_write_free)> a(archive_write_new(), archive_write_free);
    auto fail = [&](const char *what) {
        return QStringLiteral("%1: %2").arg(QString::fromLatin1(what),
                                            QString::fromUtf8(archive_error_string(a.get())));
    };
    if (spec.format == "zip") {
        if (archive_write_set_format_zip(a.get()) != ARCHIVE_OK) return fail("zip");
    } else if (spec.format == "gnutar") {
        if (archive_write_set_format_gnutar(a.get()) != ARCHIVE_OK) return fail("gnutar");
    } else if (archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK) {
        return fail("tar");
    }
    if (spec.filter == "gzip" && archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK) return fail("gzip");
    if (spec.filter == "zstd" && archive_write_add_filter_zstd(a.get()) != ARCHIVE_OK) return fail("zstd");
    if (spec.filter == "xz" && archive_write_add_filter_xz(a.get()) != ARCHIVE_OK) return fail("xz");
    if (spec.filter == "bzip2" && archive_write_add_filter_bzip2(a.get()) != ARCHIVE_OK) return fail("bzip2");
    if (!spec.options.isEmpty() && archive_write_set_options(a.get(), spec.options.constData()) != ARCHIVE_OK)
        return fail("options");
    if (!spec.passphrase.isEmpty() && archive_write_set_passphrase(a.get(), spec.passphrase.constData()) != ARCHIVE_OK)
        return fail("passphrase");
    const QByteArray native = QFile::encodeName(path);
    if (archive_write_open_filename(a.get(), native.constData()) != ARCHIVE_OK) return fail("open");
    const QByteArray zeros(1 << 20, '\0');
    for (const TestEntry &t : entries) {
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname(e.get(), t.name.constData());
        archive_entry_set_filetype(e.get(), unsigned(t.type));
        archive_entry_set_perm(e.get(), t.type == AE_IFDIR ? 0755 : 0644);
        archive_entry_set_mtime(e.get(), t.mtime, 0);
        const qint64 size = t.zeros > 0 ? t.zeros : t.data.size();
        archive_entry_set_size(e.get(), t.type == AE_IFREG && !t.hardlink ? size : 0);
        if (t.type == AE_IFLNK) archive_entry_set_symlink(e.get(), t.link.constData());
        if (t.hardlink) archive_entry_set_hardlink(e.get(), t.link.constData());
        if (t.type == AE_IFCHR) archive_entry_set_rdev(e.get(), 0x0103);
        if (archive_write_header(a.get(), e.get()) < ARCHIVE_WARN) return fail("header");
        if (t.type != AE_IFREG || t.hardlink) continue;
        if (t.zeros > 0) {
            for (qint64 left = t.zeros; left > 0; left -= zeros.size()) {
                const qsizetype n = qsizetype(std::min<qint64>(left, zeros.size()));
                if (archive_write_data(a.get(), zeros.constData(), size_t(n)) != n) return fail("data");
            }
        } else if (!t.data.isEmpty() &&
                   archive_write_data(a.get(), t.data.constData(), size_t(t.data.size())) != t.data.size()) {
            return fail("data");
        }
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK) return fail("close");
    return {};
}

} // namespace testsupport
