#include "sextant/DocumentWalk.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QUrl>
#include <vector>

namespace sextant::documents {

namespace {

bool isHiddenName(const QString &name) { return name.startsWith(u'.'); }

// Any part of an archive entry's path hidden (".git/x", "__MACOSX/._a.md"
// starts its last part with a dot too).
bool isHiddenEntry(const QString &path)
{
    for (const QString &part : path.split(u'/'))
        if (isHiddenName(part) || part == QLatin1String("__MACOSX")) return true;
    return false;
}

// What the traversal found; each returns false to stop.
struct WalkHandlers {
    std::function<bool(const QFileInfo &, bool named)> file; // named: given as an input, not found in a folder
    std::function<bool(const QString &path, const QString &reason)> problem;
    std::function<void()> skipped;
};

// Depth first in name order, without recursion (a deep tree costs a list
// per level, not stack frames). Returns false when a handler stopped it.
bool walkFolder(const QString &root, bool followSymlinks, const WalkHandlers &h)
{
    struct Level {
        QFileInfoList entries;
        qsizetype next = 0;
    };
    const QDir::Filters filters = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System;
    QSet<QString> visited{QFileInfo(root).canonicalFilePath()};
    std::vector<Level> stack;
    stack.push_back(Level{QDir(root).entryInfoList(filters, QDir::Name), 0});
    while (!stack.empty()) {
        Level &level = stack.back();
        if (level.next >= level.entries.size()) {
            stack.pop_back();
            continue;
        }
        const QFileInfo info = level.entries[level.next++];
        if (isHiddenName(info.fileName())) continue;
        if (info.isSymLink() && !followSymlinks) {
            h.skipped();
            continue;
        }
        if (info.isDir()) {
            // Followed links can lead back up: each real folder once.
            if (!info.isReadable() || !info.isExecutable()) {
                if (!h.problem(info.absoluteFilePath(),
                               QStringLiteral("the folder could not be read (permission denied)")))
                    return false;
                continue;
            }
            const QString canonical = info.canonicalFilePath();
            if (canonical.isEmpty() || visited.contains(canonical)) continue;
            visited.insert(canonical);
            stack.push_back(Level{QDir(info.absoluteFilePath()).entryInfoList(filters, QDir::Name), 0});
            continue;
        }
        if (!info.isFile()) { // a device, FIFO, socket or broken link
            h.skipped();
            continue;
        }
        if (!h.file(info, false)) return false;
    }
    return true;
}

bool walkInputs(const QStringList &inputs, bool followSymlinks, const WalkHandlers &h)
{
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (!info.exists()) {
            if (!h.problem(info.absoluteFilePath(), QStringLiteral("there is no such file or folder"))) return false;
        } else if (info.isDir()) {
            if (!info.isReadable() || !info.isExecutable()) {
                if (!h.problem(info.absoluteFilePath(),
                               QStringLiteral("the folder could not be read (permission denied)")))
                    return false;
            } else if (!walkFolder(info.absoluteFilePath(), followSymlinks, h)) {
                return false;
            }
        } else if (info.isFile()) {
            if (!h.file(info, true)) return false;
        } else {
            // A FIFO, a device or a socket named explicitly: never read (a
            // FIFO would block), but said, not counted away.
            if (!h.problem(info.absoluteFilePath(),
                           QStringLiteral("not a regular file (a device, FIFO or socket); name a file or a folder")))
                return false;
        }
    }
    return true;
}

Result<QByteArray> readDocumentFile(const QFileInfo &info, qint64 maxBytes)
{
    QFile f(info.absoluteFilePath());
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, QStringLiteral("could not be read: %1").arg(f.errorString()), f.fileName());
    // The size may have changed since the listing: check what is there now.
    if (f.size() > maxBytes) return Error(ErrorCode::MalformedInput, tooLargeMessage(f.size(), maxBytes), f.fileName());
    QByteArray bytes = f.read(maxBytes + 1);
    if (f.error() != QFileDevice::NoError)
        return Error(ErrorCode::Io, QStringLiteral("could not be read: %1").arg(f.errorString()), f.fileName());
    if (bytes.size() > maxBytes)
        return Error(ErrorCode::MalformedInput, tooLargeMessage(bytes.size(), maxBytes), f.fileName());
    return bytes;
}

class DocumentWalker {
public:
    DocumentWalker(const DocumentWalkOptions &options, const std::function<bool(DocumentFile &&)> &visit,
                   const std::function<bool(const DocumentFailure &)> &failed)
        : m_options(options), m_visit(visit), m_failed(failed)
    {
    }

    DocumentWalkSummary run(const QStringList &inputs)
    {
        WalkHandlers h;
        h.file = [this](const QFileInfo &info, bool named) { return file(info, named); };
        h.problem = [this](const QString &path, const QString &reason) { return fail(documentUri(path), reason); };
        h.skipped = [this] { ++m_summary.skippedNotDocuments; };
        m_summary.cancelled = !walkInputs(inputs, m_options.followSymlinks, h);
        return m_summary;
    }

private:
    bool fail(const QString &uri, const QString &reason)
    {
        ++m_summary.failed;
        return !m_failed || m_failed(DocumentFailure{uri, reason});
    }

    bool deliver(DocumentFile &&doc)
    {
        ++m_summary.files;
        return m_visit(std::move(doc));
    }

    bool file(const QFileInfo &info, bool named)
    {
        const QString path = info.absoluteFilePath();
        if (archives::isArchiveFileName(info.fileName())) return archive(path);
        const bool documentName = isDocumentFileName(info.fileName());
        if (!documentName && !named) {
            ++m_summary.skippedNotDocuments;
            return true;
        }
        const QString uri = documentUri(path);
        if (info.size() > m_options.limits.maxFileBytes)
            return fail(uri, tooLargeMessage(info.size(), m_options.limits.maxFileBytes));
        Result<QByteArray> bytes = readDocumentFile(info, m_options.limits.maxFileBytes);
        if (!bytes.ok()) return fail(uri, bytes.error().message());
        QString type;
        if (!documentName) {
            // Named, but the name says nothing: the content decides.
            Result<QString> byContent = documentTypeForContent(*bytes);
            if (!byContent.ok()) return fail(uri, byContent.error().message());
            type = *byContent;
        }
        return deliver(
            DocumentFile{uri, info.fileName(), bytes.takeValue(), info.lastModified().toMSecsSinceEpoch(), type});
    }

    bool archive(const QString &path)
    {
        bool stopped = false;
        const Error e = archives::forEachArchiveFile(path, m_options.archiveLimits, [&](archives::ArchiveFile &&entry) {
            const QString name = entry.path.section(u'/', -1);
            if (isHiddenEntry(entry.path)) return true;
            if (!isDocumentFileName(name)) {
                ++m_summary.skippedNotDocuments;
                return true;
            }
            const QString uri = archiveEntryUri(path, entry.path);
            const bool goOn = entry.data.size() > m_options.limits.maxFileBytes
                                  ? fail(uri, tooLargeMessage(entry.data.size(), m_options.limits.maxFileBytes))
                                  : deliver(DocumentFile{uri, name, std::move(entry.data), entry.modified, {}});
            stopped = !goOn;
            return goOn;
        });
        if (stopped) return false;
        if (e) return fail(documentUri(path), e.message());
        return true;
    }

    const DocumentWalkOptions &m_options;
    const std::function<bool(DocumentFile &&)> &m_visit;
    const std::function<bool(const DocumentFailure &)> &m_failed;
    DocumentWalkSummary m_summary;
};

} // namespace

QString documentUri(const QString &path) { return QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(); }

QString archiveEntryUri(const QString &archivePath, const QString &entryPath)
{
    // One QUrl over both parts, so the entry's characters are written the
    // way the archive's are.
    return QUrl::fromLocalFile(QFileInfo(archivePath).absoluteFilePath() + QStringLiteral("!/") + entryPath).toString();
}

DocumentWalkSummary forEachDocument(const QStringList &inputs, const DocumentWalkOptions &options,
                                    const std::function<bool(DocumentFile &&)> &visit,
                                    const std::function<bool(const DocumentFailure &)> &failed)
{
    return DocumentWalker(options, visit, failed).run(inputs);
}

bool isWalkedFileName(const QString &fileName)
{
    return archives::isArchiveFileName(fileName) || isDocumentFileName(fileName);
}

DocumentCount countDocuments(const QStringList &inputs, const DocumentWalkOptions &options)
{
    DocumentCount count;
    WalkHandlers h;
    h.file = [&](const QFileInfo &info, bool named) {
        if (named || isWalkedFileName(info.fileName())) {
            ++count.files;
            count.bytes += info.size();
        }
        return true;
    };
    h.problem = [](const QString &, const QString &) { return true; };
    h.skipped = [] {};
    walkInputs(inputs, options.followSymlinks, h);
    return count;
}

} // namespace sextant::documents
