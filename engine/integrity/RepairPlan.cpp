// Making a repair plan: reads the folder and a verify report, changes nothing.

#include "sextant/Repair.h"
#include "base/Checksums.h"
#include "storage/DeletionVector.h"
#include "base/FileIo.h"
#include "storage/Manifest.h"
#include "storage/Segment.h"
#include "storage/WriterLock.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace sextant {

using namespace storage;
using namespace base;

QString folderFingerprint(const QString &path)
{
    const QString dir = QFileInfo(path).absoluteFilePath();
    Xxh3Stream h;
    for (const QString &name : {manifest::currentName(), manifest::previousName()}) {
        const Result<QByteArray> bytes =
            readWholeFile(dir + u'/' + name, manifest::kMaxBodyBytes + manifest::kEnvelopeSize);
        const QByteArray b = bytes.ok() ? *bytes : QByteArray("-");
        h.update(b.constData(), size_t(b.size()));
    }
    for (const QFileInfo &log : QDir(dir).entryInfoList({QStringLiteral("wal-*.log")}, QDir::Files, QDir::Name)) {
        const QByteArray line = QStringLiteral("%1:%2;").arg(log.fileName()).arg(log.size()).toUtf8();
        h.update(line.constData(), size_t(line.size()));
    }
    return QString::number(h.digest(), 16);
}

namespace {

// The order steps run in; it is also the order the plan shows them.
int actionOrder(RepairAction a)
{
    switch (a) {
    case RepairAction::RemoveStaleLock: return 0;
    case RepairAction::UsePreviousManifest: return 1;
    case RepairAction::SalvageWal: return 2;
    case RepairAction::QuarantineFile: return 3;
    case RepairAction::RewriteSegment: return 4;
    case RepairAction::RebuildIdMap: return 5;
    case RepairAction::CutWalTail: return 6;
    case RepairAction::RebuildGraph: return 7;
    case RepairAction::None: return 8;
    }
    return 8;
}

// The live rows a rewrite of the segment sets aside: those whose id, vector
// or metadata cannot be read (a damaged block, and in format 3 a row
// checksum that does not match either), plus the readable rows that
// findings name (`named`: ids already counted). Rows deleted by a readable
// deletion file do not count.
qint64 itemsSetAside(const QString &dir, const Manifest &m, const SegmentEntry &e, QSet<QString> named)
{
    Result<std::shared_ptr<Segment>> seg = Segment::open(dir + u'/' + e.file, e.id, m.schema.dimensions);
    if (!seg.ok()) return e.rows - e.deletedRows;
    std::optional<DeletionVector> deletions;
    if (!e.deletionFile.isEmpty())
        if (Result<DeletionVector> dv = DeletionVector::read(dir + u'/' + e.deletionFile, e.id, e.rows); dv.ok())
            deletions = *dv;
    qint64 unnamed = 0;
    const Segment &s = **seg;
    s.verifyAllBlocks({});
    for (qint64 r = 0; r < s.rowCount(); ++r) {
        if (deletions && deletions->isDeleted(r)) continue;
        if (s.id(r).ok() && s.vectorChecked(r).ok() && s.metadataView(r).ok()) continue;
        const Segment::UncheckedRow raw = s.readUnchecked(r);
        if (raw.idVerified)
            named.insert(QString::fromUtf8(raw.id.data(), raw.id.size()));
        else
            ++unnamed;
    }
    return named.size() + unnamed;
}

// The items a damaged deletion file of `owner` deleted outright (no newer
// segment holds their id): those come back when the id map is rebuilt
// without it. Read from the file's bitmap, unverified, when it still has
// the right size; nullopt when that cannot be read.
std::optional<QStringList> itemsComingBack(const QString &dir, const Manifest &m, const SegmentEntry &owner)
{
    const qint64 expected = deletion::kHeaderSize + (owner.rows + 7) / 8 + 8;
    Result<QByteArray> bytes = readWholeFile(dir + u'/' + owner.deletionFile, expected);
    if (!bytes.ok() || bytes->size() != expected) return std::nullopt;
    Result<std::shared_ptr<Segment>> seg = Segment::open(dir + u'/' + owner.file, owner.id, m.schema.dimensions);
    if (!seg.ok()) return std::nullopt;
    std::vector<std::shared_ptr<Segment>> newer;
    bool after = false;
    for (const SegmentEntry &e : m.segments) {
        if (after) {
            Result<std::shared_ptr<Segment>> n = Segment::open(dir + u'/' + e.file, e.id, m.schema.dimensions);
            if (n.ok()) newer.push_back(*n);
        }
        after = after || e.id == owner.id;
    }
    QStringList out;
    const char *bits = bytes->constData() + deletion::kHeaderSize;
    for (qint64 r = 0; r < owner.rows; ++r) {
        if (!((uchar(bits[r >> 3]) >> (r & 7)) & 1)) continue;
        const Result<QByteArrayView> id = (*seg)->id(r);
        if (!id.ok()) continue;
        bool replaced = false;
        for (const auto &n : newer) {
            const Result<std::optional<qint64>> row = n->find(id->toByteArray());
            replaced = replaced || (row.ok() && row->has_value());
        }
        if (!replaced) out << QString::fromUtf8(*id);
    }
    return out;
}

} // namespace

Result<RepairPlan> planRepair(const QString &path, const VerifyReport &report)
{
    RepairPlan plan;
    plan.path = QFileInfo(path).absoluteFilePath();
    plan.before = report;
    plan.fingerprint = folderFingerprint(plan.path);
    const QString dir = plan.path;
    if (report.cancelled)
        plan.blockers << QStringLiteral(
            "The verification was cancelled before it finished; verify again, then plan the repair.");
    if (const std::optional<LockHolder> holder = WriterLock::holder(dir); holder && !holder->stale)
        plan.blockers << QStringLiteral("%1 has the index open for writing. Close it there, then repair.")
                             .arg(holder->describe());

    for (const Finding &f : report.findings)
        if (f.severity == Finding::Severity::Error && f.action == RepairAction::None &&
            f.message.contains(QStringLiteral("made by a newer Sextant")))
            plan.blockers << QStringLiteral("%1 This version of Sextant does not repair it.").arg(f.message);

    std::optional<Manifest> m;
    bool fallback = false;
    for (const Finding &f : report.findings)
        fallback = fallback || f.action == RepairAction::UsePreviousManifest;
    Result<Manifest> read =
        Manifest::read(dir + u'/' + (fallback ? manifest::previousName() : manifest::currentName()));
    if (read.ok())
        m = *read;
    else if (read.error().code() != ErrorCode::UnsupportedFormat) // a newer format is named above
        plan.blockers << QStringLiteral(
            "Neither the manifest nor its previous generation can be read, so what the index "
            "holds is unknown. Restore a backup; the files were not changed.");

    auto entryFor = [&](const QString &file) -> const SegmentEntry * {
        if (!m) return nullptr;
        for (const SegmentEntry &e : m->segments)
            if (e.file == file) return &e;
        return nullptr;
    };

    QSet<QString> seen;
    for (const Finding &f : report.findings) {
        if (f.action == RepairAction::None) continue;
        const QString key = repairActionName(f.action) + u'|' + f.file;
        if (seen.contains(key)) continue;
        seen.insert(key);
        RepairStep step;
        step.action = f.action;
        step.file = f.file;
        const SegmentEntry *seg = entryFor(f.file);
        switch (f.action) {
        case RepairAction::RemoveStaleLock:
            step.description = QStringLiteral("Take over the writer lock left by a process that no longer runs.");
            break;
        case RepairAction::UsePreviousManifest:
            if (f.file == manifest::currentName() && QFileInfo(dir + u'/' + f.file).isDir())
                step.description =
                    QStringLiteral("MANIFEST is a folder, not a file: move it whole to quarantine/ and go back "
                                   "to the previous generation (MANIFEST.prev); the logs after it are replayed "
                                   "on it.");
            else if (f.file == manifest::currentName())
                step.description =
                    QStringLiteral("Set the damaged MANIFEST aside in quarantine/ and go back to the previous "
                                   "generation (MANIFEST.prev); the logs after it are replayed on it.");
            else
                step.description =
                    QStringLiteral("Go back to the previous generation (MANIFEST.prev), which does not use the "
                                   "damaged %1; the logs after it hold every change since, so nothing is lost. "
                                   "The damaged file goes to quarantine/.")
                        .arg(f.file);
            break;
        case RepairAction::SalvageWal:
            step.description =
                QStringLiteral("Read every valid record of the log chain starting at %1, including the ones "
                               "after the damage, and fold them into a new segment; the damaged bytes and "
                               "the old logs go to quarantine/.")
                    .arg(m ? m->walFile : f.file);
            break;
        case RepairAction::CutWalTail:
            step.description =
                QStringLiteral("Copy the unfinished or damaged bytes at the end of %1 to quarantine/ and cut "
                               "them off (no acknowledged write is in them).")
                    .arg(f.file);
            break;
        case RepairAction::QuarantineFile:
            if (seg) {
                step.itemsSetAside = seg->rows - seg->deletedRows;
                step.description =
                    QFileInfo::exists(dir + u'/' + f.file)
                        ? QStringLiteral(
                              "The segment cannot be read: move %1 to quarantine/ and remove it from the index "
                              "(its %2 items are lost to the index; the raw file is kept).")
                              .arg(f.file)
                              .arg(step.itemsSetAside)
                        : QStringLiteral("Remove the missing segment %1 from the index (its %2 items are gone).")
                              .arg(f.file)
                              .arg(step.itemsSetAside);
            } else if (f.file == manifest::previousName()) {
                step.description =
                    QStringLiteral("Move the damaged MANIFEST.prev to quarantine/; the repair writes a new one.");
            } else {
                step.description = QStringLiteral("Move %1, which the index does not use, to quarantine/.").arg(f.file);
            }
            break;
        case RepairAction::RewriteSegment:
            if (seg) {
                QSet<QString> named;
                for (const Finding &g : report.findings)
                    if (g.file == f.file && g.action == RepairAction::RewriteSegment && !g.itemId.isEmpty())
                        named.insert(g.itemId);
                step.itemsSetAside = itemsSetAside(dir, *m, *seg, named);
            }
            step.description =
                QStringLiteral("Copy every readable, valid item of %1 to a new segment; %2 the old file goes to "
                               "quarantine/ with a report of each item set aside.")
                    .arg(f.file, step.itemsSetAside
                                     ? QStringLiteral("%1 items that cannot be read or are invalid are set aside, and")
                                           .arg(step.itemsSetAside)
                                     : QString());
            break;
        case RepairAction::RebuildIdMap: {
            step.description =
                QStringLiteral("Work out again from the segments which row of each id is live (the newest "
                               "wins), write new deletion files and record the counts in a new manifest.");
            const SegmentEntry *owner = nullptr;
            if (m)
                for (const SegmentEntry &e : m->segments)
                    if (!e.deletionFile.isEmpty() && e.deletionFile == f.file) owner = &e;
            if (owner && owner->deletedRows > 0) {
                // Say it before approval: a lost deletion file brings back
                // what it deleted outright (docs/integrity.md).
                const Result<Manifest> prev = Manifest::read(dir + u'/' + manifest::previousName());
                const bool shared = prev.ok() && prev->fileRecord(f.file);
                const std::optional<QStringList> back = itemsComingBack(dir, *m, *owner);
                QString which;
                if (back && back->isEmpty())
                    which =
                        QStringLiteral(" Its bitmap still reads, and every row it marks is replaced by a newer one: no "
                                       "deleted item comes back.");
                else if (back)
                    which =
                        QStringLiteral(
                            " Read from its damaged bitmap (unverified), these %1 deleted items come back: %2%3.")
                            .arg(back->size())
                            .arg(QStringList(back->mid(0, 20)).join(QStringLiteral(", ")))
                            .arg(back->size() > 20 ? QStringLiteral(" and %1 more").arg(back->size() - 20) : QString());
                else
                    which = QStringLiteral(" Which ones cannot be read.");
                step.description +=
                    QStringLiteral(" The deletion file %1 is damaged%2: rows of %3 that a newer row replaces "
                                   "are found again, but items it deleted outright COME BACK (up to %4).%5")
                        .arg(f.file,
                             shared ? QStringLiteral(" and the previous generation uses it too, so going back "
                                                     "a generation cannot restore it")
                                    : QString(),
                             owner->file)
                        .arg(owner->deletedRows)
                        .arg(which);
            }
            break;
        }
        case RepairAction::RebuildGraph:
            step.description =
                QStringLiteral("Drop the saved HNSW graph and build it again from the vectors, then save it.");
            break;
        case RepairAction::None: break;
        }
        plan.steps.append(step);
    }
    // The id map is recomputed whenever segments change; say so once.
    const bool segmentsChange = std::any_of(plan.steps.cbegin(), plan.steps.cend(), [&](const RepairStep &s) {
        return s.action == RepairAction::RewriteSegment || s.action == RepairAction::SalvageWal ||
               (s.action == RepairAction::QuarantineFile && entryFor(s.file));
    });
    const bool hasIdMap = std::any_of(plan.steps.cbegin(), plan.steps.cend(),
                                      [](const RepairStep &s) { return s.action == RepairAction::RebuildIdMap; });
    if (segmentsChange && !hasIdMap)
        plan.steps.append(
            RepairStep{RepairAction::RebuildIdMap,
                       {},
                       QStringLiteral("Work out again which row of each id is live over the changed segments "
                                      "and record the counts in a new manifest."),
                       0});
    std::stable_sort(plan.steps.begin(), plan.steps.end(), [](const RepairStep &a, const RepairStep &b) {
        return actionOrder(a.action) < actionOrder(b.action);
    });
    return plan;
}

} // namespace sextant
