// Fuzz target: archive reading (engine/include/sextant/Archive.h) through libarchive's
// zip and tar readers and the gzip, bzip2, xz and zstd decoders, with small
// limits so that their paths are reachable.
// Properties: a refused or unreadable archive delivers nothing (the first
// pass reads all of it before the second delivers anything); delivered
// paths are clean (relative, no "." or ".." or empty parts, no backslash,
// no control character); delivered entries and bytes stay within the
// limits; errors name the archive and say something.

#include "FuzzSupport.h"

#include "sextant/Archive.h"

#include <QStringList>

using namespace sextant;

namespace {

bool isCleanPath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/') || path.contains(u'\\')) return false;
    for (const QChar c : path)
        if (c.unicode() < 0x20 || c.unicode() == 0x7F) return false;
    for (const QString &part : path.split(u'/'))
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")) return false;
    return !(path.size() >= 2 && path[1] == u':');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    archives::ArchiveLimits limits;
    limits.maxEntries = 200;
    limits.maxEntryBytes = 1 << 20;
    limits.maxTotalBytes = 4 << 20;
    limits.maxRatio = 50;
    limits.ratioFreeBytes = 64 * 1024;
    int delivered = 0;
    qint64 deliveredBytes = 0;
    const Error e = archives::forEachArchiveFileInMemory(
        bytes, limits,
        [&](archives::ArchiveFile &&f) {
            ++delivered;
            deliveredBytes += f.data.size();
            if (!isCleanPath(f.path)) fuzzsupport::propertyFailed("a delivered path is not clean");
            if (f.data.size() > limits.maxEntryBytes)
                fuzzsupport::propertyFailed("an entry over the limit was delivered");
            return true;
        },
        QStringLiteral("fuzz.zip"));
    if (delivered > limits.maxEntries) fuzzsupport::propertyFailed("more entries than the limit");
    if (deliveredBytes > limits.maxTotalBytes) fuzzsupport::propertyFailed("more bytes than the limit");
    if (e) {
        if (delivered > 0) fuzzsupport::propertyFailed("a refused archive delivered entries");
        if (!e.message().startsWith(QLatin1String("fuzz.zip: ")) || e.message().size() < 15)
            fuzzsupport::propertyFailed("an error without the archive's name or a reason");
    }
    return 0;
}
