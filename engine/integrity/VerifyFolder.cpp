// The folder as a whole: which files belong to the index, which are left
// over (orphans: Sextant's names, named by neither manifest), which are
// someone else's, and whether the writer lock is stale. Builds the file list
// of the report, in the order the health map shows it.

#include "integrity/VerifyRun.h"
#include "base/FileIo.h"
#include "storage/Wal.h"
#include "storage/WriterLock.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

namespace sextant::integrity {

using namespace storage;
using namespace base;

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
    if (QFileInfo::exists(path(manifest::previousName())))
        addFile(manifest::previousName(), FileKind::PreviousManifest, true);
    QSet<QString> keep;
    quint64 keepLogsAfter = ~quint64(0);
    if (current) {
        const Manifest &m = *current;
        for (const SegmentEntry &e : m.segments) {
            addFile(e.file, FileKind::Segment, true);
            if (!e.deletionFile.isEmpty()) addFile(e.deletionFile, FileKind::Deletion, true);
        }
        if (m.graph) addFile(m.graph->file, FileKind::Graph, true);
        for (const QString &log : walChain)
            addFile(log, FileKind::Wal, true);
    }
    // What either manifest still needs (docs/format.md, "The folder").
    for (const std::optional<Manifest> &m : {current, previous}) {
        if (!m) continue;
        keep.insert(m->walFile);
        for (const FileRecord &f : m->files)
            keep.insert(f.name);
        for (const SegmentEntry &e : m->segments)
            keep.insert(e.file);
        keepLogsAfter = std::min<quint64>(keepLogsAfter, m->checkpointLsn);
    }
    // Except a graph only MANIFEST.prev names: superseded, the writer removes it.
    QString supersededGraph;
    if (previous && previous->graph && current && (!current->graph || current->graph->file != previous->graph->file)) {
        supersededGraph = previous->graph->file;
        keep.remove(supersededGraph);
    }

    static const QRegularExpression ours(
        QStringLiteral("^(seg-\\d+\\.sxs|del-\\d+-\\d+\\.sxd|graph-\\d+\\.sxg|wal-\\d+\\.log(\\.tmp)?|MANIFEST.+)$"));
    static const QRegularExpression walName(QStringLiteral("^wal-(\\d{20})\\.log$"));
    const QFileInfoList entries =
        QDir(m_dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    QList<QFileInfo> unexpected, orphans;
    // A file of the index that is a symbolic link can point outside the
    // folder: a writer refuses to write through one (docs/integrity.md).
    for (const QFileInfo &info : entries) {
        if (!info.isSymLink()) continue;
        const QString name = info.fileName();
        const bool ours = listed.contains(name) || keep.contains(name) || name == QLatin1String("LOCK") ||
                          name == QLatin1String("LOCK.owner") || name == QLatin1String("quarantine") ||
                          name.startsWith(QLatin1String("MANIFEST")) || name.startsWith(QLatin1String("wal-"));
        if (ours)
            add(Finding::Severity::Error, name, -1,
                QStringLiteral(
                    "The file is a symbolic link (to %1). Sextant writes only to files in the index folder itself "
                    "and refuses to write through it; replace the link with the file it points to.")
                    .arg(info.symLinkTarget()));
    }
    for (const QFileInfo &info : entries) {
        const QString name = info.fileName();
        if (listed.contains(name)) continue;
        if (name == QLatin1String("quarantine") && info.isDir()) continue;
        if (name == QLatin1String("publish") && info.isDir())
            continue; // sextant-cli publish's record (docs/postgres.md)
        if (name == QLatin1String("LOCK") || name == QLatin1String("LOCK.owner")) continue;
        if (keep.contains(name)) {
            // A file of the previous generation (the fallback): listed as
            // what it is, not as a leftover.
            const FileKind kind = name.startsWith(QLatin1String("wal-"))   ? FileKind::Wal
                                  : name.startsWith(QLatin1String("seg-")) ? FileKind::Segment
                                  : name.startsWith(QLatin1String("del-")) ? FileKind::Deletion
                                                                           : FileKind::Orphan;
            addFile(name, kind, false);
            continue;
        }
        const QRegularExpressionMatch log = walName.match(name);
        if (log.hasMatch() && current && log.captured(1).toULongLong() > keepLogsAfter) {
            addFile(name, FileKind::Wal, false); // a later log of the chain, or one a checkpoint is starting
            continue;
        }
        if (info.isFile() && ours.match(name).hasMatch() && current)
            orphans.append(info);
        else
            unexpected.append(info);
    }
    for (const QFileInfo &info : orphans) {
        addFile(info.fileName(), FileKind::Orphan, true);
        add(Finding::Severity::Info, info.fileName(), -1,
            info.fileName() == supersededGraph
                ? QStringLiteral("The search graph is left over: a newer one replaced it and only MANIFEST.prev still "
                                 "names it, so the index does not use it. The writer removes it when it next opens "
                                 "the index.")
                : QStringLiteral("The file is left over (for example by a checkpoint a crash interrupted): neither "
                                 "manifest names it, so the index does not use it."),
            RepairAction::QuarantineFile);
    }
    if (QFileInfo::exists(WriterLock::lockPath(m_dir))) {
        addFile(QStringLiteral("LOCK"), FileKind::Lock, true);
        if (const std::optional<LockHolder> holder = WriterLock::holder(m_dir)) {
            if (holder->stale)
                add(Finding::Severity::Info, QStringLiteral("LOCK"), -1,
                    QStringLiteral(
                        "The writer lock was left by %1, which no longer runs (it stopped without closing the "
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
    while (q.hasNext())
        quarantined.append(QDir(m_dir).relativeFilePath(q.next()));
    quarantined.sort();
    for (const QString &name : quarantined)
        addFile(name, FileKind::Quarantine, false);
}

void Run::considerFallback()
{
    if (!currentReadable || !previous) return;
    const Manifest &cur = *current;
    const Manifest &prev = *previous;
    QSet<QString> prevFiles;
    for (const FileRecord &f : prev.files)
        prevFiles.insert(f.name);
    for (const SegmentEntry &e : prev.segments)
        prevFiles << e.file << e.deletionFile;
    QSet<QString> curData;
    for (const SegmentEntry &e : cur.segments)
        curData << e.file << e.deletionFile;
    QList<qsizetype> switchable;
    for (qsizetype i = 0; i < report.findings.size(); ++i) {
        const Finding &f = report.findings[i];
        if (f.severity != Finding::Severity::Error) continue;
        const bool dataAction = f.action == RepairAction::RewriteSegment || f.action == RepairAction::RebuildIdMap ||
                                f.action == RepairAction::QuarantineFile;
        if (!dataAction) continue;
        if (!curData.contains(f.file) || prevFiles.contains(f.file)) return; // going back would not help with this one
        switchable.append(i);
    }
    if (switchable.isEmpty()) return;
    // The previous generation's own files must be whole.
    struct PrevSegment {
        std::shared_ptr<Segment> segment;
        std::optional<DeletionVector> deletions;
    };
    std::vector<PrevSegment> prevSegments;
    for (const SegmentEntry &e : prev.segments) {
        const FileRecord *rec = prev.fileRecord(e.file);
        if (!rec || QFileInfo(path(e.file)).size() != rec->size) return;
        Result<std::shared_ptr<Segment>> seg = Segment::open(path(e.file), e.id, prev.schema.dimensions);
        if (!seg.ok()) return;
        bool bad = false;
        (*seg)->verifyAllBlocks([&](qint64, qint64) { bad = true; });
        if (bad) return;
        PrevSegment ps{*seg, std::nullopt};
        if (!e.deletionFile.isEmpty()) {
            Result<DeletionVector> dv = DeletionVector::read(path(e.deletionFile), e.id, e.rows);
            if (!dv.ok()) return;
            ps.deletions = *dv;
        }
        prevSegments.push_back(std::move(ps));
    }
    // The log chain after it must reach the current checkpoint intact; what
    // it says about each id up to there, the last record winning.
    QHash<QByteArray, bool> logged; // id -> put (true) or deleted (false)
    QString file = prev.walFile;
    quint64 expected = prev.checkpointLsn + 1;
    quint64 reached = prev.checkpointLsn;
    const quint64 until = cur.checkpointLsn;
    while (reached < until) {
        Result<File> f = File::open(path(file), File::Mode::ReadOnly);
        if (!f.ok()) return;
        Result<WalScanResult> scan =
            scanWal(*f, 0, expected, [&](uint64_t lsn, uint8_t, const char *payload, size_t size) -> Error {
                if (lsn > until) return {};
                Result<QList<Record>> records = decodeBatchPayload(payload, size);
                if (!records.ok()) return records.error();
                for (const Record &r : *records)
                    logged.insert(r.id, !r.isDelete());
                return {};
            });
        if (!scan.ok()) return;
        reached = std::max<quint64>(reached, scan->lastLsn);
        if (reached >= until) break;
        if (scan->tail.kind != WalTail::Kind::Clean) return;
        const QString next = wal::fileName(scan->lastLsn + 1);
        if (next == file || !QFileInfo::exists(path(next))) return;
        file = next;
        expected = scan->lastLsn + 1;
    }
    auto liveInPrev = [&](const QByteArray &id) {
        for (const PrevSegment &ps : prevSegments) {
            const Result<std::optional<qint64>> row = ps.segment->find(id);
            if (row.ok() && *row && !(ps.deletions && ps.deletions->isDeleted(**row))) return true;
        }
        return false;
    };
    // A generation can add a segment the log never saw (a bulk batch goes
    // straight into one): then the previous generation plus the log do not
    // hold the same items. The count at the checkpoint tells, and every
    // readable live id of the current generation's own segments must be
    // accounted for.
    qint64 count = prev.liveItems;
    for (auto it = logged.cbegin(); it != logged.cend(); ++it) {
        const bool before = liveInPrev(it.key());
        count += (*it && !before) - (!*it && before);
    }
    if (count != cur.liveItems) return;
    for (const OpenedSegment &s : segments) {
        if (prevFiles.contains(s.entry.file) || s.badBlocks || !s.deletionsKnown) continue;
        for (qint64 r = 0; r < s.segment->rowCount(); ++r) {
            if (s.deletions && s.deletions->isDeleted(r)) continue;
            const Result<QByteArrayView> id = s.segment->id(r);
            if (!id.ok()) return;
            const QByteArray key = id->toByteArray();
            const auto it = logged.constFind(key);
            if (it != logged.cend() ? !*it : !liveInPrev(key)) return;
        }
    }
    for (qsizetype i : switchable) {
        Finding &f = report.findings[i];
        f.action = RepairAction::UsePreviousManifest;
        f.message +=
            QStringLiteral(" The previous generation (MANIFEST.prev) does not use this file, and with the log after "
                           "it holds every item: going back to it loses nothing.");
    }
}

} // namespace sextant::integrity
