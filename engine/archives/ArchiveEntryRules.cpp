#include "archives/ArchiveEntryRules.h"

#include <QStringList>

#include <archive_entry.h>

namespace sextant::archives {

namespace {

constexpr qsizetype kMaxNameChars = 4096;

QString entryName(archive_entry *entry)
{
    if (const char *utf8 = archive_entry_pathname_utf8(entry)) return QString::fromUtf8(utf8);
    // A name libarchive could not convert: decoded leniently, the checks
    // below still see every '/', '.' and '\' in it.
    if (const char *raw = archive_entry_pathname(entry)) return QString::fromUtf8(raw);
    return {};
}

QString linkTarget(const char *target) { return target ? QString::fromUtf8(target) : QStringLiteral("?"); }

} // namespace

QString checkEntryName(const QString &name, QString &cleaned)
{
    cleaned.clear();
    const QString quoted = name.size() > 200 ? name.left(200) + QChar(0x2026) : name;
    if (name.isEmpty()) return QStringLiteral("an entry has no name");
    if (name.size() > kMaxNameChars)
        return QStringLiteral("the entry %1 has a name over %2 characters").arg(quoted).arg(kMaxNameChars);
    for (const QChar c : name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return QStringLiteral("the entry %1 has control characters in its name")
                .arg(QString::fromLatin1(quoted.toUtf8().toPercentEncoding("/. ")));
    // Windows tools read '\' as a separator: "..\x" climbs out there.
    if (name.contains(u'\\')) return QStringLiteral("the entry %1 has a backslash in its name").arg(quoted);
    if (name.startsWith(u'/')) return QStringLiteral("the entry %1 has an absolute path").arg(quoted);
    if (name.size() >= 2 && name[1] == u':' && name[0].unicode() < 128 && name[0].isLetter())
        return QStringLiteral("the entry %1 names a drive").arg(quoted);
    QStringList parts;
    for (const QString &part : name.split(u'/')) {
        if (part.isEmpty() || part == QLatin1String(".")) continue;
        if (part == QLatin1String(".."))
            return QStringLiteral("the entry %1 would be written outside the target folder").arg(quoted);
        parts.append(part);
    }
    cleaned = parts.join(u'/');
    return {};
}

EntryVerdict judgeEntry(archive_entry *entry)
{
    EntryVerdict v;
    const QString name = entryName(entry);
    v.refusal = checkEntryName(name, v.path);
    if (!v.refusal.isEmpty()) return v;
    const QString shown = v.path.isEmpty() ? name : v.path;
    if (archive_entry_is_encrypted(entry)) {
        v.refusal = QStringLiteral("the entry %1 is encrypted").arg(shown);
        return v;
    }
    // A hard link is a header of type "file" pointing at another entry.
    if (const char *target = archive_entry_hardlink(entry)) {
        v.refusal = QStringLiteral("the entry %1 is a hard link (to %2)").arg(shown, linkTarget(target));
        return v;
    }
    switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
        if (v.path.isEmpty()) v.refusal = QStringLiteral("the entry %1 is a file without a name").arg(name);
        return v;
    case AE_IFDIR: v.isFolder = true; return v;
    case AE_IFLNK:
        v.refusal = QStringLiteral("the entry %1 is a symbolic link (to %2)")
                        .arg(shown, linkTarget(archive_entry_symlink(entry)));
        return v;
    case AE_IFCHR:
    case AE_IFBLK: v.refusal = QStringLiteral("the entry %1 is a device").arg(shown); return v;
    case AE_IFIFO: v.refusal = QStringLiteral("the entry %1 is a FIFO").arg(shown); return v;
    case AE_IFSOCK: v.refusal = QStringLiteral("the entry %1 is a socket").arg(shown); return v;
    default: v.refusal = QStringLiteral("the entry %1 is not a regular file").arg(shown); return v;
    }
}

} // namespace sextant::archives
