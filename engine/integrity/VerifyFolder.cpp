// The folder as a whole: which files belong to the index, which are left
// over (orphans: Sextant's names, named by neither manifest), which are
// someone else's, and whether the writer lock is stale. Builds the file list
// of the report, in the order the health map shows it.

#include "integrity/VerifyRun.h"
#include "storage/Wal.h"
#include "storage/WriterLock.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

namespace sextant::integrity {

using namespace storage;

void Run::verifyFolder()
{
    QList<FileHealth> &files = report.files;
    QSet<QString> listed;
    auto addFile = [&](const QString &name, FileKind kind, bool checked) {
        if (listed.contains(name)) return;
        listed.insert(name);
        const QFileInfo info(path(name));
        files.append(FileHealth{name, kind, info.exists() ? info.size() : -1,
                                kind == FileKind::Segment ? qint64(segment::kBlockSize) : 0, checked});
    };

    addFile(manifest::currentName(), FileKind::Manifest, true);
    if (QFileInfo::exists(path(manifest::previousName()))) addFile(manifest::previousName(), FileKind::PreviousManifest, true);
    QSet<QString> keep;
    quint64 keepLogsAfter = ~quint64(0);
    if (current) {
        const Manifest &m = *current;
        for (const SegmentEntry &e : m.segments) {
            addFile(e.file, FileKind::Segment, true);
            if (!e.deletionFile.isEmpty()) addFile(e.deletionFile, FileKind::Deletion, true);
        }
        if (m.graph) addFile(m.graph->file, FileKind::Graph, true);
        for (const QString &log : walChain) addFile(log, FileKind::Wal, true);
    }
    // What either manifest still needs (docs/format.md, "The folder").
    for (const std::optional<Manifest> &m : {current, previous}) {
        if (!m) continue;
        keep.insert(m->walFile);
        for (const FileRecord &f : m->files) keep.insert(f.name);
        for (const SegmentEntry &e : m->segments) keep.insert(e.file);
        keepLogsAfter = std::min<quint64>(keepLogsAfter, m->checkpointLsn);
    }

    static const QRegularExpression ours(QStringLiteral("^(seg-\\d+\\.sxs|del-\\d+-\\d+\\.sxd|graph-\\d+\\.sxg|wal-\\d+\\.log(\\.tmp)?|MANIFEST.+)$"));
    static const QRegularExpression walName(QStringLiteral("^wal-(\\d{20})\\.log$"));
    const QFileInfoList entries = QDir(m_dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    QList<QFileInfo> unexpected, orphans;
    for (const QFileInfo &info : entries) {
        const QString name = info.fileName();
        if (listed.contains(name)) continue;
        if (name == QLatin1String("quarantine") && info.isDir()) continue;
        if (name == QLatin1String("LOCK") || name == QLatin1String("LOCK.owner")) continue;
        if (keep.contains(name)) {
            addFile(name, name.startsWith(QLatin1String("wal-")) ? FileKind::Wal : FileKind::Orphan, false);
            continue;
        }
        const QRegularExpressionMatch log = walName.match(name);
        if (log.hasMatch() && current && log.captured(1).toULongLong() > keepLogsAfter) {
            addFile(name, FileKind::Wal, false); // a later log of the chain, or one a checkpoint is starting
            continue;
        }
        if (info.isFile() && ours.match(name).hasMatch() && current) orphans.append(info);
        else unexpected.append(info);
    }
    for (const QFileInfo &info : orphans) {
        addFile(info.fileName(), FileKind::Orphan, true);
        add(Finding::Severity::Info, info.fileName(), -1,
            QStringLiteral("The file is left over (for example by a checkpoint a crash interrupted): neither manifest names "
                           "it, so the index does not use it."),
            RepairAction::QuarantineFile);
    }
    if (QFileInfo::exists(WriterLock::lockPath(m_dir))) {
        addFile(QStringLiteral("LOCK"), FileKind::Lock, true);
        if (const std::optional<LockHolder> holder = WriterLock::holder(m_dir)) {
            if (holder->stale)
                add(Finding::Severity::Info, QStringLiteral("LOCK"), -1,
                    QStringLiteral("The writer lock was left by %1, which no longer runs (it stopped without closing the "
                                   "index). The next writer takes it over.")
                        .arg(holder->describe()),
                    RepairAction::RemoveStaleLock);
            else
                add(Finding::Severity::Info, QStringLiteral("LOCK"), -1,
                    QStringLiteral("%1 has the index open for writing; what it has not checkpointed yet is in the log.")
                        .arg(holder->describe()));
        }
    }
    for (const QFileInfo &info : unexpected) {
        addFile(info.fileName(), FileKind::Unexpected, false);
        add(Finding::Severity::Info, info.fileName(), -1,
            info.isDir() ? QStringLiteral("A folder Sextant did not make; it is left alone.")
                         : QStringLiteral("A file Sextant did not write; it is left alone."));
    }
    QDirIterator q(path(QStringLiteral("quarantine")), QDir::Files, QDirIterator::Subdirectories);
    QStringList quarantined;
    while (q.hasNext()) quarantined.append(QDir(m_dir).relativeFilePath(q.next()));
    quarantined.sort();
    for (const QString &name : quarantined) addFile(name, FileKind::Quarantine, false);
}

} // namespace sextant::integrity
