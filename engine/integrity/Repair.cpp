// Carrying out a repair plan. Order matters for crash safety: everything
// before the new manifest is published only adds files (new segments,
// deletion files, a new log, copies in quarantine/), so a crash or a cancel
// there leaves the index as it was plus orphans. Files the new manifest no
// longer names move to quarantine/ only after it is published.

#include "integrity/Repair.h"
#include "index/Index.h"
#include "integrity/RepairSupport.h"
#include "io/Backup.h"
#include "storage/FileIo.h"
#include "storage/Manifest.h"
#include "storage/Wal.h"
#include "storage/WriterLock.h"

#include <QDateTime>
#include <algorithm>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>

namespace sextant {

using namespace storage;
using namespace integrity;

namespace {

class Repairer {
public:
    Repairer(const RepairPlan &plan, const RepairOptions &options)
        : m_plan(plan), m_options(options), m_dir(plan.path), m_q(plan.path)
    {
    }

    Result<RepairResult> run();

private:
    bool planned(RepairAction a) const
    {
        return std::any_of(m_plan.steps.cbegin(), m_plan.steps.cend(), [a](const RepairStep &s) { return s.action == a; });
    }
    bool plannedFor(RepairAction a, const QString &file) const
    {
        return std::any_of(m_plan.steps.cbegin(), m_plan.steps.cend(),
                           [&](const RepairStep &s) { return s.action == a && s.file == file; });
    }
    // Advances the progress; false when the user cancelled.
    bool step(const QString &what)
    {
        m_result.log << what;
        return !m_options.progress || m_options.progress(m_step++, m_steps, what);
    }
    Error prepareSegments(const Manifest &base);
    Error foldLog(const Manifest &base, Manifest &next);
    void removeNewFiles();

    const RepairPlan &m_plan;
    const RepairOptions &m_options;
    QString m_dir;
    Quarantine m_q;
    RepairResult m_result;
    int m_step = 0;
    int m_steps = 0;
    std::vector<RepairSegment> m_segments;
    QStringList m_newFiles;               // written by this repair, removed on cancel
    QList<QPair<QString, QString>> m_after; // files to move to quarantine/ after publishing, with why
    qint64 m_setAside = 0;
    QSet<QByteArray> m_deletedIds;        // ids the salvaged log deletes
    uint64_t m_nextSegmentId = 1;
    bool m_changed = false;
};

Error Repairer::prepareSegments(const Manifest &base)
{
    for (const SegmentEntry &e : base.segments) {
        const QString path = m_dir + u'/' + e.file;
        const qint64 items = e.rows - e.deletedRows;
        if (!QFileInfo::exists(path)) {
            m_result.log << QStringLiteral("Removed the missing segment %1 from the index (%2 items were in it).").arg(e.file).arg(items);
            m_setAside += items;
            m_changed = true;
            continue;
        }
        Result<std::shared_ptr<Segment>> seg = Segment::open(path, e.id, base.schema.dimensions);
        if (!seg.ok()) {
            m_after.append({e.file, QStringLiteral("The segment could not be read (%1); it held %2 items.").arg(seg.error().message()).arg(items)});
            m_setAside += items;
            m_changed = true;
            continue;
        }
        RepairSegment rs;
        rs.entry = e;
        rs.segment = *seg;
        rs.record = base.fileRecord(e.file) ? *base.fileRecord(e.file) : FileRecord{e.file, (*seg)->fileSize(), {}};
        rs.deletions = DeletionVector(e.id, e.rows);
        if (!e.deletionFile.isEmpty()) {
            Result<DeletionVector> dv = DeletionVector::read(m_dir + u'/' + e.deletionFile, e.id, e.rows);
            if (dv.ok() && dv->deletedCount() == e.deletedRows) {
                rs.deletions = *dv;
                if (const FileRecord *r = base.fileRecord(e.deletionFile)) rs.deletionRecord = *r;
            } else {
                rs.deletionsChanged = true;
                m_changed = true;
                m_result.log << QStringLiteral("The deletion file %1 could not be read; rows of %2 that a newer row replaces "
                                               "are found again from the segments, but up to %3 rows deleted outright may be "
                                               "live again.").arg(e.deletionFile, e.file).arg(e.deletedRows);
            }
        }
        if (plannedFor(RepairAction::RewriteSegment, e.file)) {
            const uint64_t newId = m_nextSegmentId++;
            Result<SegmentRewrite> rw = rewriteSegment(m_dir, base.schema, rs, newId);
            if (!rw.ok()) return rw.error();
            m_newFiles << rw->written.name;
            if (!rw->setAside.isEmpty()) {
                Result<QString> report = m_q.writeItems(e.file, rw->setAside);
                if (!report.ok()) return report.error();
                m_result.quarantined << *report;
                m_setAside += rw->setAside.size();
            }
            m_after.append({e.file, QStringLiteral("Replaced during a repair%1: %2 items copied, %3 set aside (see the "
                                                   "items report beside this file).")
                                        .arg(rw->rows ? QStringLiteral(" by %1").arg(rw->written.name) : QString())
                                        .arg(rw->rows).arg(rw->setAside.size())});
            if (rw->rows == 0)
                m_result.log << QStringLiteral("No item of %1 could be copied; all %2 were set aside.").arg(e.file).arg(rw->setAside.size());
            else
                m_result.log << QStringLiteral("Copied %1 items of %2 to %3; %4 set aside.").arg(rw->rows).arg(e.file, rw->written.name).arg(rw->setAside.size());
            m_changed = true;
            if (rw->rows == 0) continue;
            Result<std::shared_ptr<Segment>> fresh = Segment::open(m_dir + u'/' + rw->written.name, newId, base.schema.dimensions);
            if (!fresh.ok()) return fresh.error();
            rs = RepairSegment{};
            rs.entry = SegmentEntry{newId, rw->written.name, rw->rows, 0, {}};
            rs.segment = *fresh;
            rs.record = rw->written;
            rs.deletions = DeletionVector(newId, rw->rows);
        }
        m_segments.push_back(std::move(rs));
    }
    return {};
}

Error Repairer::foldLog(const Manifest &base, Manifest &next)
{
    Result<LogSalvage> salvage = salvageLog(m_dir, base);
    if (!salvage.ok()) return salvage.error();
    for (const DamagedRange &d : salvage->damaged) {
        Result<QString> saved = m_q.copyBytes(d.file, d.offset, d.bytes, d.reason);
        if (!saved.ok()) return saved.error();
        m_result.quarantined << *saved;
    }
    if (!salvage->setAside.isEmpty()) {
        Result<QString> report = m_q.writeItems(base.walFile, salvage->setAside);
        if (!report.ok()) return report.error();
        m_result.quarantined << *report;
        m_setAside += salvage->setAside.size();
    }
    // The final state of each id the log touches, in id order.
    QMap<QByteArray, const Record *> last;
    for (const Record &r : salvage->records) last.insert(r.id, &r);
    RowBuffer puts(base.schema.dimensions);
    for (auto it = last.cbegin(); it != last.cend(); ++it) {
        if ((*it)->isDelete()) m_deletedIds.insert(it.key());
        else puts.append(it.key(), (*it)->vector.constData(), (*it)->metadata);
    }
    if (puts.rowCount() > 0) {
        const uint64_t id = m_nextSegmentId++;
        Result<FileRecord> written = writeSegment(m_dir, id, base.schema.dimensions, puts, true);
        if (!written.ok()) return written.error();
        m_newFiles << written->name;
        Result<std::shared_ptr<Segment>> seg = Segment::open(m_dir + u'/' + written->name, id, base.schema.dimensions);
        if (!seg.ok()) return seg.error();
        RepairSegment rs;
        rs.entry = SegmentEntry{id, written->name, puts.rowCount(), 0, {}};
        rs.segment = *seg;
        rs.record = *written;
        rs.deletions = DeletionVector(id, puts.rowCount());
        m_segments.push_back(std::move(rs)); // the newest: the log's values win
    }
    next.checkpointLsn = std::max<uint64_t>(base.checkpointLsn, salvage->lastLsn);
    next.walFile = wal::fileName(next.checkpointLsn + 1);
    for (const QString &log : salvage->chain) {
        if (!QFileInfo::exists(m_dir + u'/' + log)) continue;
        if (log == next.walFile) {
            // It holds no record after the new checkpoint (those would have
            // been salvaged): set it aside now so the new log can take its name.
            Result<QString> moved = m_q.moveFile(log, QStringLiteral("A log of the chain a repair folded into a segment."));
            if (!moved.ok()) return moved.error();
            m_result.quarantined << *moved;
        } else {
            m_after.append({log, QStringLiteral("A log of the chain a repair folded into a segment (records up to LSN %1).")
                                     .arg(next.checkpointLsn)});
        }
    }
    Result<WalWriter> fresh = WalWriter::create(m_dir + u'/' + next.walFile, next.checkpointLsn + 1, true);
    if (!fresh.ok()) return fresh.error();
    fresh->close();
    m_newFiles << next.walFile;
    m_result.log << QStringLiteral("Folded %1 valid log records (up to LSN %2) into the index; %3 damaged byte ranges and %4 "
                                   "invalid records went to quarantine/.")
                        .arg(salvage->records.size()).arg(salvage->lastLsn).arg(salvage->damaged.size()).arg(salvage->setAside.size());
    m_changed = true;
    return {};
}

void Repairer::removeNewFiles()
{
    for (const QString &name : m_newFiles) removeFile(m_dir + u'/' + name);
}

// The items a reader of the folder is given (opened read-only, no graph), or
// -1 when it does not open. Used when a quick verify did not count them.
qint64 countItems(const QString &dir)
{
    OpenOptions o;
    o.readOnly = true;
    o.graph = false;
    Result<std::shared_ptr<Index>> index = Index::open(dir, o);
    if (!index.ok()) return -1;
    const qint64 n = (*index)->count();
    (*index)->close();
    return n;
}

Result<RepairResult> Repairer::run()
{
    m_result.before = m_plan.before;
    m_result.itemsBefore = m_plan.before.liveItems;
    if (m_result.itemsBefore < 0 && m_plan.blockers.isEmpty()) m_result.itemsBefore = countItems(m_dir);
    if (!m_plan.blockers.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The repair cannot run: %1").arg(m_plan.blockers.join(u' ')));
    if (!m_plan.needed()) return Error(ErrorCode::InvalidArgument, QStringLiteral("The plan has nothing to repair."));
    m_steps = 5 + int(m_plan.steps.size());

    if (!step(QStringLiteral("Taking the writer lock."))) return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir, QStringLiteral("Sextant repair"));
    if (!lock.ok()) return lock.error();
    if (folderFingerprint(m_dir) != m_plan.fingerprint)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The index changed after the repair plan was made. Verify it again and make a new plan."));

    if (m_options.backup) {
        if (!step(QStringLiteral("Writing a backup archive of the index."))) return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
        const QString target = m_options.backupPath.isEmpty() ? defaultBackupPath(m_dir) : m_options.backupPath;
        Result<BackupSummary> backup = writeBackupArchive(m_dir, target);
        if (!backup.ok()) return backup.error();
        m_result.backupFile = backup->file;
        m_result.log << QStringLiteral("Backed up %1 files (%2 bytes) to %3.").arg(backup->files).arg(backup->bytes).arg(backup->file);
    }

    // The generation to repair from.
    const bool fallback = planned(RepairAction::UsePreviousManifest);
    const QString baseName = fallback ? manifest::previousName() : manifest::currentName();
    Result<QByteArray> baseBytes = readWholeFile(m_dir + u'/' + baseName, manifest::kMaxBodyBytes + manifest::kEnvelopeSize);
    if (!baseBytes.ok()) return baseBytes.error();
    Result<Manifest> baseRead = Manifest::decode(*baseBytes, m_dir + u'/' + baseName);
    if (!baseRead.ok()) return baseRead.error();
    const Manifest base = *baseRead;
    Manifest next = base;
    next.generation = base.generation + 1;
    if (fallback) {
        // Above the generation gone back from, when it can still be read.
        const Result<Manifest> current = Manifest::read(m_dir + u'/' + manifest::currentName());
        next.generation = std::max(base.generation, current.ok() ? current->generation : base.generation + 1) + 1;
    }
    // Orphans go first: no manifest names them, and a new file of this
    // repair may take the name of one (a repair killed earlier leaves some).
    for (const RepairStep &s : m_plan.steps) {
        if (s.action != RepairAction::QuarantineFile || s.file == manifest::previousName()) continue;
        bool isSegment = false;
        for (const SegmentEntry &e : base.segments) isSegment = isSegment || e.file == s.file;
        if (isSegment || !QFileInfo::exists(m_dir + u'/' + s.file)) continue;
        Result<QString> moved = m_q.moveFile(s.file, QStringLiteral("Left over: neither manifest named it when a repair ran."));
        if (!moved.ok()) return moved.error();
        m_result.quarantined << *moved;
    }
    // New segments take ids no file in the folder has.
    m_nextSegmentId = base.nextSegmentId;
    static const QRegularExpression segName(QStringLiteral("^seg-(\\d+)\\.sxs$"));
    for (const QString &name : QDir(m_dir).entryList({QStringLiteral("seg-*.sxs")}, QDir::Files))
        if (const QRegularExpressionMatch mm = segName.match(name); mm.hasMatch())
            m_nextSegmentId = std::max<uint64_t>(m_nextSegmentId, mm.captured(1).toULongLong() + 1);
    if (fallback) {
        if (!step(QStringLiteral("Going back to the previous manifest generation."))) return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
        if (QFileInfo::exists(m_dir + u'/' + manifest::currentName())) {
            Result<QString> saved = m_q.copyWholeFile(manifest::currentName(),
                                                      QStringLiteral("A repair went back to the previous generation (MANIFEST.prev) from this one."));
            if (!saved.ok()) return saved.error();
            m_result.quarantined << *saved;
        }
        // Damaged files only the abandoned generation used go to quarantine/.
        for (const RepairStep &s : m_plan.steps)
            if (s.action == RepairAction::UsePreviousManifest && s.file != manifest::currentName() && !s.file.isEmpty())
                m_after.append({s.file, QStringLiteral("Damaged; used only by the manifest generation a repair went back from.")});
        m_changed = true;
    }
    if (plannedFor(RepairAction::QuarantineFile, manifest::previousName()) && !fallback) {
        Result<QString> saved = m_q.copyWholeFile(manifest::previousName(), QStringLiteral("MANIFEST.prev could not be read; a repair replaced it."));
        if (!saved.ok()) return saved.error();
        m_result.quarantined << *saved;
    }

    if (!step(QStringLiteral("Checking and copying the segments."))) return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
    if (Error e = prepareSegments(base)) {
        removeNewFiles();
        return e;
    }
    if (planned(RepairAction::SalvageWal)) {
        if (!step(QStringLiteral("Salvaging the valid records of the log."))) {
            removeNewFiles();
            return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
        }
        if (Error e = foldLog(base, next)) {
            removeNewFiles();
            return e;
        }
    }
    if (m_changed || planned(RepairAction::RebuildIdMap)) {
        if (!step(QStringLiteral("Working out which row of each id is live."))) {
            removeNewFiles();
            return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
        }
        Result<qint64> live = rebuildIdMap(m_dir, m_segments, m_deletedIds, next.generation, &m_newFiles);
        if (!live.ok()) {
            removeNewFiles();
            return live.error();
        }
        next.liveItems = *live;
    }
    next.segments.clear();
    next.files.clear();
    for (const RepairSegment &s : m_segments) {
        if (s.entry.rows == s.entry.deletedRows) continue; // every row deleted: the segment is dropped
        next.segments.append(s.entry);
        next.files.append(s.record);
        if (!s.entry.deletionFile.isEmpty()) next.files.append(s.deletionRecord);
    }
    next.nextSegmentId = m_nextSegmentId;
    if (planned(RepairAction::RebuildGraph)) next.graph.reset();
    if (next.graph)
        if (const FileRecord *g = base.fileRecord(next.graph->file)) next.files.append(*g);
    next.checkpointed = QDateTime::currentDateTimeUtc();

    if (m_options.progress && !m_options.progress(m_step, m_steps, QStringLiteral("Publishing the repaired manifest."))) {
        removeNewFiles();
        return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
    }
    m_result.log << QStringLiteral("Published manifest generation %1 (%2 segments, %3 items at the checkpoint).")
                        .arg(next.generation).arg(next.segments.size()).arg(next.liveItems);
    if (Error e = publishManifest(m_dir, next, *baseBytes, true)) {
        removeNewFiles();
        return e;
    }
    ++m_step;

    // From here on the repair runs to its end.
    for (const auto &[name, why] : m_after) {
        if (!QFileInfo::exists(m_dir + u'/' + name)) continue;
        Result<QString> moved = m_q.moveFile(name, why);
        if (moved.ok()) m_result.quarantined << *moved;
        else m_result.log << moved.error().message();
    }
    lock->reset(); // the open below takes the lock itself

    // Opening for writing cuts a torn log tail (into quarantine/) and, when
    // the graph was dropped, builds it; closing saves it.
    // A kept graph is reconciled with the changed items and saved again.
    if (planned(RepairAction::CutWalTail) || planned(RepairAction::RebuildGraph) || (m_changed && next.graph)) {
        const bool graph = planned(RepairAction::RebuildGraph) || next.graph.has_value();
        m_options.progress && m_options.progress(m_step, m_steps,
                                                 graph ? QStringLiteral("Building the HNSW graph from the vectors.")
                                                       : QStringLiteral("Cutting the unfinished end of the log."));
        OpenOptions o;
        o.applicationName = QStringLiteral("Sextant repair");
        o.graph = graph;
        Result<std::shared_ptr<Index>> index = Index::open(m_dir, o);
        if (!index.ok()) return index.error();
        const OpenReport &r = (*index)->openReport();
        m_result.log << r.notes;
        if (!r.quarantinedTo.isEmpty()) m_result.quarantined << QDir(m_dir).relativeFilePath(r.quarantinedTo);
        if (graph) {
            while (!(*index)->waitForGraph(500)) {
                const GraphStatus g = (*index)->graphStatus();
                if (g.state == GraphStatus::State::Failed) {
                    m_result.log << QStringLiteral("Building the graph failed: %1").arg(g.message);
                    break;
                }
            }
            m_result.log << (next.graph ? QStringLiteral("Brought the saved HNSW graph up to date with the repaired items.")
                                        : QStringLiteral("Built the HNSW graph from the vectors."));
        }
        if (Error e = (*index)->close()) return e;
    }
    ++m_step;

    m_result.itemsSetAside = m_setAside;
    if (m_options.verifyAfter) {
        m_options.progress && m_options.progress(m_step, m_steps, QStringLiteral("Verifying the repaired index."));
        VerifyOptions vo;
        vo.full = m_plan.before.full;
        Result<VerifyReport> after = verifyIndex(m_dir, vo);
        if (!after.ok()) return after.error();
        m_result.after = *after;
        m_result.itemsAfter = after->liveItems >= 0 ? after->liveItems : countItems(m_dir);
    }
    m_result.quarantined.removeDuplicates();
    return m_result;
}

} // namespace

Result<RepairResult> runRepair(const RepairPlan &plan, const RepairOptions &options)
{
    Repairer r(plan, options);
    return r.run();
}

} // namespace sextant
