// Carrying out a repair plan. Order matters for crash safety: everything
// before the new manifest is published only adds files (new segments,
// deletion files, a new log, copies in quarantine/), so a crash or a cancel
// there leaves the index as it was plus orphans. Files the new manifest no
// longer names move to quarantine/ only after it is published.

#include "sextant/Repair.h"
#include "sextant/Index.h"
#include "integrity/RepairSupport.h"
#include "sextant/Backup.h"
#include "base/FileIo.h"
#include "storage/Manifest.h"
#include "storage/Wal.h"
#include "storage/WriterLock.h"

#include <QDateTime>
#include <algorithm>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

namespace sextant {

using namespace storage;
using namespace base;
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
        return std::any_of(m_plan.steps.cbegin(), m_plan.steps.cend(),
                           [a](const RepairStep &s) { return s.action == a; });
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
    // One log line per item set aside (the first 100), naming it.
    void nameLost(const QList<SetAsideItem> &items, const QString &writtenTo);
    void removeNewFiles();
    void collectAbandoned(const Manifest &base);
    Error nameDiscarded();
    QStringList m_movedEarly;                        // files of the base moved to quarantine/ before publishing
    QList<QPair<QString, SetAsideItem>> m_abandoned; // rows of the generation gone back from (collectAbandoned)

    const RepairPlan &m_plan;
    const RepairOptions &m_options;
    QString m_dir;
    Quarantine m_q;
    RepairResult m_result;
    int m_step = 0;
    int m_steps = 0;
    std::vector<RepairSegment> m_segments;
    QStringList m_newFiles;                 // written by this repair, removed on cancel
    QList<QPair<QString, QString>> m_after; // files to move to quarantine/ after publishing, with why
    qint64 m_setAside = 0;
    QSet<QByteArray> m_deletedIds; // ids the salvaged log deletes
    uint64_t m_nextSegmentId = 1;
    bool m_changed = false;
};

Error Repairer::prepareSegments(const Manifest &base)
{
    QSet<uint64_t> seenIds;
    QSet<QString> seenFiles;
    for (const SegmentEntry &e : base.segments) {
        const QString path = m_dir + u'/' + e.file;
        const qint64 items = e.rows - e.deletedRows;
        if (seenIds.contains(e.id) || seenFiles.contains(e.file)) {
            // A manifest that names one segment twice (its checksum right,
            // its content not): the first entry stands for the file.
            m_result.log << QStringLiteral("The manifest named segment %1 (%2) twice; the repeated entry was dropped.")
                                .arg(e.id)
                                .arg(e.file);
            m_changed = true;
            continue;
        }
        seenIds.insert(e.id);
        seenFiles.insert(e.file);
        if (!QFileInfo::exists(path)) {
            m_result.log << QStringLiteral("Removed the missing segment %1 from the index (%2 items were in it).")
                                .arg(e.file)
                                .arg(items);
            m_setAside += items;
            m_changed = true;
            continue;
        }
        Result<std::shared_ptr<Segment>> seg = Segment::open(path, e.id, base.schema.dimensions);
        if (!seg.ok()) {
            m_after.append({e.file, QStringLiteral("The segment could not be read (%1); it held %2 items.")
                                        .arg(seg.error().message())
                                        .arg(items)});
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
                m_result.log << QStringLiteral(
                                    "The deletion file %1 could not be read; rows of %2 that a newer row replaces "
                                    "are found again from the segments, but up to %3 rows deleted outright may be "
                                    "live again.")
                                    .arg(e.deletionFile, e.file)
                                    .arg(e.deletedRows);
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
                nameLost(rw->setAside, *report);
            }
            m_after.append({e.file, QStringLiteral("Replaced during a repair%1: %2 items copied, %3 set aside (see the "
                                                   "items report beside this file).")
                                        .arg(rw->rows ? QStringLiteral(" by %1").arg(rw->written.name) : QString())
                                        .arg(rw->rows)
                                        .arg(rw->setAside.size())});
            if (rw->rows == 0)
                m_result.log << QStringLiteral("No item of %1 could be copied; all %2 were set aside.")
                                    .arg(e.file)
                                    .arg(rw->setAside.size());
            else
                m_result.log << QStringLiteral("Copied %1 items of %2 to %3; %4 set aside.")
                                    .arg(rw->rows)
                                    .arg(e.file, rw->written.name)
                                    .arg(rw->setAside.size());
            m_changed = true;
            if (rw->rows == 0) continue;
            Result<std::shared_ptr<Segment>> fresh =
                Segment::open(m_dir + u'/' + rw->written.name, newId, base.schema.dimensions);
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
    // Every record the repair cannot carry over is named: invalid ones, and
    // what the damaged frames held (by id when it reads, else by LSN and offset).
    const QList<SetAsideItem> lost = salvage->setAside + salvage->lost;
    if (!lost.isEmpty()) {
        Result<QString> report = m_q.writeItems(base.walFile, lost);
        if (!report.ok()) return report.error();
        m_result.quarantined << *report;
        m_setAside += lost.size();
        nameLost(lost, *report);
    }
    // The final state of each id the log touches, in id order.
    QMap<QByteArray, const Record *> last;
    for (const Record &r : salvage->records)
        last.insert(r.id, &r);
    RowBuffer puts(base.schema.dimensions);
    for (auto it = last.cbegin(); it != last.cend(); ++it) {
        if ((*it)->isDelete())
            m_deletedIds.insert(it.key());
        else
            puts.append(it.key(), (*it)->vector.constData(), (*it)->metadata);
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
            m_movedEarly << log;
            Result<QString> moved =
                m_q.moveFile(log, QStringLiteral("A log of the chain a repair folded into a segment."));
            if (!moved.ok()) return moved.error();
            m_result.quarantined << *moved;
        } else {
            m_after.append(
                {log, QStringLiteral("A log of the chain a repair folded into a segment (records up to LSN %1).")
                          .arg(next.checkpointLsn)});
        }
    }
    Result<WalWriter> fresh = WalWriter::create(m_dir + u'/' + next.walFile, next.checkpointLsn + 1, true);
    if (!fresh.ok()) return fresh.error();
    fresh->close();
    m_newFiles << next.walFile;
    m_result.log << QStringLiteral(
                        "Folded %1 valid log records (up to LSN %2) into the index; %3 damaged byte ranges, %4 "
                        "invalid records and %5 records of damaged frames went to quarantine/.")
                        .arg(salvage->records.size())
                        .arg(salvage->lastLsn)
                        .arg(salvage->damaged.size())
                        .arg(salvage->setAside.size())
                        .arg(salvage->lost.size());
    m_changed = true;
    return {};
}

void Repairer::nameLost(const QList<SetAsideItem> &items, const QString &writtenTo)
{
    constexpr int kNamed = 100;
    for (qsizetype i = 0; i < items.size() && i < kNamed; ++i) {
        const SetAsideItem &it = items[i];
        QString what =
            it.id.isEmpty()
                ? QStringLiteral("an item whose id cannot be read (LSN %1, byte %2)").arg(it.lsn).arg(it.offset)
                : QStringLiteral("\"%1\"").arg(QString::fromUtf8(it.id.left(200)));
        if (!it.id.isEmpty() && it.lsn) what += QStringLiteral(" (LSN %1)").arg(it.lsn);
        if (!it.id.isEmpty() && it.row >= 0) what += QStringLiteral(" (row %1)").arg(it.row);
        m_result.log << QStringLiteral("Set aside %1: %2").arg(what, it.reason);
    }
    if (items.size() > kNamed)
        m_result.log << QStringLiteral("… and %1 more items set aside; every one is in %2.")
                            .arg(items.size() - kNamed)
                            .arg(writtenTo);
}

// Going back a generation: the rows of the generation gone back from (its
// segments, which the previous one does not name) whose id no log record
// after the previous checkpoint touches. Those the repaired index does not
// hold the same way had a newer state that going back discards.
void Repairer::collectAbandoned(const Manifest &base)
{
    QSet<QByteArray> logged;
    if (Result<LogSalvage> log = salvageLog(m_dir, base); log.ok()) {
        for (const Record &r : log->records)
            logged.insert(r.id);
        for (const SetAsideItem &it : log->setAside + log->lost)
            logged.insert(it.id);
    }
    static const QRegularExpression segName(QStringLiteral("^seg-(\\d+)\\.sxs$"));
    static const QRegularExpression delName(QStringLiteral("^del-(\\d+)-(\\d+)\\.sxd$"));
    const QStringList dels = QDir(m_dir).entryList({QStringLiteral("del-*.sxd")}, QDir::Files, QDir::Name);
    for (const QString &name : QDir(m_dir).entryList({QStringLiteral("seg-*.sxs")}, QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch mm = segName.match(name);
        if (!mm.hasMatch() || base.fileRecord(name)) continue;
        const uint64_t id = mm.captured(1).toULongLong();
        Result<std::shared_ptr<Segment>> seg = Segment::open(m_dir + u'/' + name, id, base.schema.dimensions);
        if (!seg.ok()) {
            m_result.log << QStringLiteral(
                                "The segment %1 of the generation gone back from cannot be read (%2); the newer "
                                "states it may have held cannot be listed.")
                                .arg(name, seg.error().message());
            continue;
        }
        // Its newest readable deletion file says which rows were live then.
        std::optional<DeletionVector> deleted;
        for (qsizetype i = dels.size() - 1; i >= 0 && !deleted; --i) {
            const QRegularExpressionMatch dm = delName.match(dels[i]);
            if (!dm.hasMatch() || dm.captured(1).toULongLong() != id) continue;
            Result<DeletionVector> dv = DeletionVector::read(m_dir + u'/' + dels[i], id, (*seg)->rowCount());
            if (dv.ok()) deleted = *dv;
        }
        for (qint64 r = 0; r < (*seg)->rowCount(); ++r) {
            if (deleted && deleted->isDeleted(r)) continue;
            const Result<QByteArrayView> rid = (*seg)->id(r);
            const Result<std::vector<float>> vec = (*seg)->vectorChecked(r);
            const Result<QByteArray> meta = (*seg)->metadata(r);
            if (!rid.ok() || !vec.ok() || !meta.ok()) continue; // damaged rows: the generation's own findings name them
            if (logged.contains(rid->toByteArray())) continue;
            SetAsideItem it;
            it.id = rid->toByteArray();
            it.row = r;
            it.vector = QVector<float>(vec->begin(), vec->end());
            it.metadata = *meta;
            it.reason =
                QStringLiteral("Row %1 of %2, a segment of the generation a repair went back from; the previous "
                               "generation holds this item differently or not at all, so going back discarded this "
                               "state.")
                    .arg(r)
                    .arg(name);
            m_abandoned.append({name, it});
        }
    }
}

Error Repairer::nameDiscarded()
{
    if (m_abandoned.isEmpty()) return {};
    OpenOptions ro;
    ro.readOnly = true;
    ro.graph = false;
    Result<std::shared_ptr<Index>> index = Index::open(m_dir, ro);
    if (!index.ok()) return index.error();
    QMap<QString, QList<SetAsideItem>> byFile;
    for (const auto &[file, it] : m_abandoned) {
        const Result<Item> now = (*index)->get(QString::fromUtf8(it.id));
        if (now.ok()) {
            const QVector<float> v = now->vector;
            const QJsonDocument doc =
                QJsonDocument::fromJson(it.metadata.isEmpty() ? QByteArrayLiteral("{}") : it.metadata);
            if (v == it.vector && doc.isObject() && doc.object() == now->metadata) continue;
        }
        byFile[file].append(it);
    }
    (*index)->close();
    for (auto f = byFile.cbegin(); f != byFile.cend(); ++f) {
        Result<QString> report = m_q.writeItems(f.key(), *f);
        if (!report.ok()) return report.error();
        m_result.quarantined << *report;
        m_setAside += f->size();
        nameLost(*f, *report);
    }
    return {};
}

void Repairer::removeNewFiles()
{
    for (const QString &name : m_newFiles)
        removeFile(m_dir + u'/' + name);
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
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The repair cannot run: %1").arg(m_plan.blockers.join(u' ')));
    if (!m_plan.needed()) return Error(ErrorCode::InvalidArgument, QStringLiteral("The plan has nothing to repair."));
    m_steps = 5 + int(m_plan.steps.size());

    if (!step(QStringLiteral("Taking the writer lock.")))
        return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
    Result<std::unique_ptr<WriterLock>> lock = WriterLock::acquire(m_dir, QStringLiteral("Sextant repair"));
    if (!lock.ok()) return lock.error();
    if (folderFingerprint(m_dir) != m_plan.fingerprint)
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("The index changed after the repair plan was made. Verify it again and make a new plan."));

    if (m_options.backup) {
        if (!step(QStringLiteral("Writing a backup archive of the index.")))
            return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
        const QString target =
            m_options.backupPath.isEmpty() ? archives::defaultBackupPath(m_dir) : m_options.backupPath;
        Result<archives::BackupSummary> backup =
            archives::writeBackupArchive(m_dir, target, {}, archives::BackupScope::WholeFolder);
        if (!backup.ok()) return backup.error();
        m_result.backupFile = backup->file;
        m_result.log << QStringLiteral("Backed up %1 files (%2 bytes) to %3.")
                            .arg(backup->files)
                            .arg(backup->bytes)
                            .arg(backup->file);
    }

    // The generation to repair from.
    const bool fallback = planned(RepairAction::UsePreviousManifest);
    const QString baseName = fallback ? manifest::previousName() : manifest::currentName();
    Result<QByteArray> baseBytes =
        readWholeFile(m_dir + u'/' + baseName, manifest::kMaxBodyBytes + manifest::kEnvelopeSize);
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
        for (const SegmentEntry &e : base.segments)
            isSegment = isSegment || e.file == s.file;
        if (isSegment || !QFileInfo::exists(m_dir + u'/' + s.file)) continue;
        Result<QString> moved =
            m_q.moveFile(s.file, QStringLiteral("Left over: neither manifest named it when a repair ran."));
        if (!moved.ok()) return moved.error();
        m_result.quarantined << *moved;
    }
    // New segments take ids no file in the folder has.
    m_nextSegmentId = base.nextSegmentId;
    static const QRegularExpression segName(QStringLiteral("^seg-(\\d+)\\.sxs$"));
    for (const QString &name : QDir(m_dir).entryList({QStringLiteral("seg-*.sxs")}, QDir::Files))
        if (const QRegularExpressionMatch mm = segName.match(name); mm.hasMatch())
            m_nextSegmentId = std::max<uint64_t>(m_nextSegmentId, mm.captured(1).toULongLong() + 1);
    if (fallback) collectAbandoned(base);
    if (fallback) {
        if (!step(QStringLiteral("Going back to the previous manifest generation.")))
            return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
        const QFileInfo currentInfo(m_dir + u'/' + manifest::currentName());
        if (currentInfo.exists() || currentInfo.isSymLink()) {
            // A folder (or anything but a plain file) cannot be copied and
            // stands where the new MANIFEST goes: it is moved aside whole.
            const bool plain = currentInfo.isFile() && !currentInfo.isSymLink();
            Result<QString> saved =
                plain
                    ? m_q.copyWholeFile(
                          manifest::currentName(),
                          QStringLiteral(
                              "A repair went back to the previous generation (MANIFEST.prev) from this one."))
                    : m_q.moveFile(manifest::currentName(),
                                   QStringLiteral(
                                       "MANIFEST was not a plain file (a folder or a link); a repair moved it here and "
                                       "went back to the previous generation (MANIFEST.prev)."));
            if (!saved.ok()) return saved.error();
            m_result.quarantined << *saved;
        }
        // Damaged files only the abandoned generation used go to quarantine/.
        for (const RepairStep &s : m_plan.steps)
            if (s.action == RepairAction::UsePreviousManifest && s.file != manifest::currentName() && !s.file.isEmpty())
                m_after.append(
                    {s.file, QStringLiteral("Damaged; used only by the manifest generation a repair went back from.")});
        m_changed = true;
    }
    if (plannedFor(RepairAction::QuarantineFile, manifest::previousName()) && !fallback) {
        Result<QString> saved = m_q.copyWholeFile(
            manifest::previousName(), QStringLiteral("MANIFEST.prev could not be read; a repair replaced it."));
        if (!saved.ok()) return saved.error();
        m_result.quarantined << *saved;
    }

    if (!step(QStringLiteral("Checking and copying the segments.")))
        return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
    if (Error e = prepareSegments(base)) {
        removeNewFiles();
        return e;
    }
    // A damaged last record is cut by the open below; it may hold an
    // acknowledged write (a complete frame failing its checksum is damage,
    // not a torn write), so what it held is named now.
    if (!planned(RepairAction::SalvageWal)) {
        for (const Finding &f : m_plan.before.findings) {
            if (f.action != RepairAction::CutWalTail || f.severity != Finding::Severity::Error || f.offset < 0 ||
                f.length <= 0 || !QFileInfo::exists(m_dir + u'/' + f.file))
                continue;
            const QList<SetAsideItem> lost =
                itemsInDamagedLog(m_dir, f.file, f.offset, f.offset + f.length, 0, 0, f.message);
            Result<QString> report = m_q.writeItems(f.file, lost);
            if (!report.ok()) return report.error();
            m_result.quarantined << *report;
            m_setAside += lost.size();
            nameLost(lost, *report);
        }
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

    if (m_options.progress &&
        !m_options.progress(m_step, m_steps, QStringLiteral("Publishing the repaired manifest."))) {
        removeNewFiles();
        return Error(ErrorCode::Cancelled, QStringLiteral("The repair was cancelled."));
    }
    m_result.log << QStringLiteral("Published manifest generation %1 (%2 segments, %3 items at the checkpoint).")
                        .arg(next.generation)
                        .arg(next.segments.size())
                        .arg(next.liveItems);
    // MANIFEST.prev must stay a fallback that works: the generation repaired
    // from is one only when every file it needs stays in place. Otherwise
    // (a log folded, a segment rewritten or missing) the repaired generation
    // is its own fallback, and verify does not report a lost one.
    bool baseStays = base.inconsistencies().isEmpty();
    for (const SegmentEntry &e : base.segments)
        baseStays = baseStays && QFileInfo::exists(m_dir + u'/' + e.file) &&
                    (e.deletionFile.isEmpty() || QFileInfo::exists(m_dir + u'/' + e.deletionFile));
    QStringList leaving = m_movedEarly;
    for (const auto &[name, why] : m_after)
        leaving << name;
    for (const QString &name : leaving)
        baseStays =
            baseStays && !base.fileRecord(name) && name != base.walFile && !name.startsWith(QLatin1String("wal-"));
    const QByteArray nextBytes = next.encode();
    if (!baseStays)
        m_result.log << QStringLiteral("The generation repaired from needs files the repair set aside, so the "
                                       "repaired generation is also kept as MANIFEST.prev.");
    if (Error e = publishManifest(m_dir, next, baseStays ? *baseBytes : nextBytes, true)) {
        removeNewFiles();
        return e;
    }
    ++m_step;

    // From here on the repair runs to its end.
    for (const auto &[name, why] : m_after) {
        if (!QFileInfo::exists(m_dir + u'/' + name)) continue;
        Result<QString> moved = m_q.moveFile(name, why);
        if (moved.ok())
            m_result.quarantined << *moved;
        else
            m_result.log << moved.error().message();
    }
    lock->reset(); // the open below takes the lock itself

    // Opening for writing cuts a torn log tail (into quarantine/) and, when
    // the graph was dropped, builds it; closing saves it.
    // A kept graph is reconciled with the changed items and saved again.
    if (planned(RepairAction::CutWalTail) || planned(RepairAction::RebuildGraph) || (m_changed && next.graph)) {
        const bool graph = planned(RepairAction::RebuildGraph) || next.graph.has_value();
        m_options.progress &&m_options.progress(m_step, m_steps,
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
            m_result.log << (next.graph
                                 ? QStringLiteral("Brought the saved HNSW graph up to date with the repaired items.")
                                 : QStringLiteral("Built the HNSW graph from the vectors."));
        }
        if (Error e = (*index)->close()) return e;
    }
    ++m_step;

    if (fallback)
        if (Error e = nameDiscarded()) m_result.log << e.message();
    m_result.itemsSetAside = m_setAside;
    if (m_options.verifyAfter) {
        m_options.progress &&m_options.progress(m_step, m_steps, QStringLiteral("Verifying the repaired index."));
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
