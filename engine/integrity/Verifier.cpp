#include "sextant/Verifier.h"
#include "index/Graph.h"
#include "integrity/VerifyRun.h"

#include "base/Checksums.h"
#include "core/WorkerPool.h"
#include "storage/DeletionVector.h"
#include "base/FileIo.h"
#include "storage/Manifest.h"
#include "storage/Record.h"
#include "storage/Segment.h"
#include "storage/Wal.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace sextant {

using namespace storage;
using namespace base;
using integrity::Run;

QString severityName(Finding::Severity s)
{
    switch (s) {
    case Finding::Severity::Info: return QStringLiteral("info");
    case Finding::Severity::Warning: return QStringLiteral("warning");
    case Finding::Severity::Error: return QStringLiteral("error");
    }
    return {};
}

QString repairActionName(RepairAction action)
{
    switch (action) {
    case RepairAction::None: return QStringLiteral("none");
    case RepairAction::CutWalTail: return QStringLiteral("cut-wal-tail");
    case RepairAction::SalvageWal: return QStringLiteral("salvage-wal");
    case RepairAction::RebuildGraph: return QStringLiteral("rebuild-graph");
    case RepairAction::RebuildIdMap: return QStringLiteral("rebuild-id-map");
    case RepairAction::UsePreviousManifest: return QStringLiteral("use-previous-manifest");
    case RepairAction::RewriteSegment: return QStringLiteral("rewrite-segment");
    case RepairAction::QuarantineFile: return QStringLiteral("quarantine-file");
    case RepairAction::RemoveStaleLock: return QStringLiteral("remove-stale-lock");
    }
    return {};
}

QString repairActionDescription(RepairAction action)
{
    switch (action) {
    case RepairAction::None: return QStringLiteral("Nothing to repair.");
    case RepairAction::CutWalTail:
        return QStringLiteral("Copy the unfinished bytes at the end of the log to quarantine/ and cut them off.");
    case RepairAction::SalvageWal:
        return QStringLiteral(
            "Rewrite the log with every record that is still valid; the damaged records go to quarantine/.");
    case RepairAction::RebuildGraph:
        return QStringLiteral("Set the saved HNSW graph aside and build it again from the vectors.");
    case RepairAction::RebuildIdMap:
        return QStringLiteral("Work out again from the segments which row of each id is live (the newest wins).");
    case RepairAction::UsePreviousManifest:
        return QStringLiteral("Go back to the previous manifest generation (MANIFEST.prev) and replay the log on it.");
    case RepairAction::RewriteSegment:
        return QStringLiteral(
            "Copy every readable row to a new segment; the old file and the unreadable rows go to quarantine/.");
    case RepairAction::QuarantineFile: return QStringLiteral("Move the file to quarantine/.");
    case RepairAction::RemoveStaleLock:
        return QStringLiteral("Take over the lock left by a process that no longer runs.");
    }
    return {};
}

QString fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Manifest: return QStringLiteral("manifest");
    case FileKind::PreviousManifest: return QStringLiteral("previous-manifest");
    case FileKind::Wal: return QStringLiteral("wal");
    case FileKind::Segment: return QStringLiteral("segment");
    case FileKind::Deletion: return QStringLiteral("deletion");
    case FileKind::Graph: return QStringLiteral("graph");
    case FileKind::Lock: return QStringLiteral("lock");
    case FileKind::Quarantine: return QStringLiteral("quarantine");
    case FileKind::Orphan: return QStringLiteral("orphan");
    case FileKind::Unexpected: return QStringLiteral("unexpected");
    }
    return {};
}

QList<Finding> VerifyReport::findingsFor(const QString &file) const
{
    QList<Finding> out;
    for (const Finding &f : findings)
        if (f.file == file) out.append(f);
    return out;
}

bool VerifyReport::clean() const { return problemCount() == 0; }

int VerifyReport::problemCount() const
{
    int n = 0;
    for (const Finding &f : findings)
        n += f.severity != Finding::Severity::Info;
    return n;
}

namespace integrity {

void Run::add(Finding::Severity sev, const QString &file, qint64 offset, const QString &message, RepairAction action,
              const QString &itemId, qint64 length)
{
    report.findings.append(Finding{sev, file, offset, message, itemId, action, length});
}

// Errors from the storage layer name the byte in their sentence.
void Run::addError(const QString &file, const Error &e, Finding::Severity sev, RepairAction action,
                   const QString &message)
{
    static const QRegularExpression atByte(QStringLiteral("at byte (\\d+)"));
    const QRegularExpressionMatch m = atByte.match(e.message());
    // A file of a newer format is not damage: no repair may touch it.
    if (e.code() == ErrorCode::UnsupportedFormat) {
        add(Finding::Severity::Error, file, -1, e.message(), RepairAction::None);
        return;
    }
    add(sev, file, m.hasMatch() ? m.captured(1).toLongLong() : -1, message.isEmpty() ? e.message() : message, action);
}

bool Run::progress(qint64 bytes)
{
    report.bytesChecked += bytes;
    if (m_options.progress && !m_options.progress(report.bytesChecked, m_total)) {
        report.cancelled = true;
        return false;
    }
    return true;
}

void Run::checkSizeAndHash(const FileRecord &rec, qint64 actualSize, const QString &actualSha, Finding::Severity sev,
                           RepairAction action)
{
    if (actualSize != rec.size)
        add(sev, rec.name, -1,
            QStringLiteral("The file is %1 bytes; the manifest recorded %2.").arg(actualSize).arg(rec.size), action);
    else if (actualSha != rec.sha256)
        add(sev, rec.name, -1,
            QStringLiteral("The file's SHA-256 differs from the one the manifest recorded: its content changed after "
                           "it was written."),
            action);
}

// Whole-file SHA-256 read in chunks (files that are not mapped).
Result<QString> Run::hashFile(const QString &name)
{
    Result<File> f = File::open(path(name), File::Mode::ReadOnly);
    if (!f.ok()) return f.error();
    Sha256 sha;
    QByteArray buf(4 * 1024 * 1024, Qt::Uninitialized);
    qint64 at = 0;
    for (;;) {
        Result<qint64> n = f->readSomeAt(buf.data(), size_t(buf.size()), at);
        if (!n.ok()) return n.error();
        if (*n == 0) break;
        sha.update(buf.constData(), size_t(*n));
        at += *n;
    }
    return sha.finalHex();
}

void Run::verifyManifests()
{
    Result<Manifest> cur = Manifest::read(path(manifest::currentName()));
    ++report.filesChecked;
    std::optional<Manifest> prev;
    if (QFileInfo::exists(path(manifest::previousName()))) {
        ++report.filesChecked;
        Result<Manifest> p = Manifest::read(path(manifest::previousName()));
        if (p.ok())
            prev = *p;
        else
            add(Finding::Severity::Warning, manifest::previousName(), -1,
                QStringLiteral("%1 The previous generation is a fallback only; the index works without it, but repair "
                               "could not go back to it.")
                    .arg(p.error().message()),
                RepairAction::QuarantineFile);
    }
    previous = prev;
    if (prev) checkCounters(*prev, true);
    if (cur.ok()) {
        current = *cur;
        currentReadable = true;
        checkCounters(*cur, false);
        return;
    }
    if (cur.error().code() == ErrorCode::UnsupportedFormat) {
        // Made by a newer Sextant: neither damaged nor a reason to go back
        // to the previous generation. Nothing else can be checked.
        addError(manifest::currentName(), cur.error(), Finding::Severity::Error, RepairAction::None);
        return;
    }
    if (prev) {
        addError(
            manifest::currentName(), cur.error(), Finding::Severity::Error, RepairAction::UsePreviousManifest,
            QStringLiteral("%1 The previous generation (MANIFEST.prev) is readable: the files it names were checked "
                           "instead, and repair can go back to it.")
                .arg(cur.error().message()));
        current = prev;
    } else {
        addError(manifest::currentName(), cur.error(), Finding::Severity::Error, RepairAction::None,
                 QStringLiteral("%1 No readable previous generation exists, so the index cannot be opened or repaired "
                                "automatically; its files were not changed.")
                     .arg(cur.error().message()));
    }
}

// The counters and ids of a manifest against each other and against the
// files both generations use: a checksum only says the bytes are the ones
// written, not that the next file the writer makes will not take the name
// of a live one (docs/integrity.md).
void Run::checkCounters(const Manifest &m, bool isPrevious)
{
    const QString name = isPrevious ? manifest::previousName() : manifest::currentName();
    QStringList wrong = m.inconsistencies();
    if (m.graph && m.graph->file != graphfile::fileName(m.graph->number))
        wrong << QStringLiteral("the graph names the file %1; graph number %2 is %3")
                     .arg(m.graph->file)
                     .arg(m.graph->number)
                     .arg(graphfile::fileName(m.graph->number));
    if (!isPrevious && previous) {
        for (const SegmentEntry &e : previous->segments)
            if (e.id >= m.nextSegmentId && !m.fileRecord(e.file))
                wrong << QStringLiteral("nextSegmentId is %1, but MANIFEST.prev still uses segment %2 (%3): the next "
                                        "checkpoint would take its name")
                             .arg(m.nextSegmentId)
                             .arg(e.id)
                             .arg(e.file);
        if (previous->graph && m.graph && previous->graph->number > m.graph->number)
            wrong << QStringLiteral(
                         "the graph number %1 is below the %2 of MANIFEST.prev: the next saved graph would take "
                         "the name of one in use")
                         .arg(m.graph->number)
                         .arg(previous->graph->number);
    }
    for (const QString &w : wrong) {
        if (isPrevious)
            add(Finding::Severity::Warning, name, -1,
                QStringLiteral(
                    "The previous manifest is inconsistent although its checksum is right: %1. The fallback is "
                    "lost: repair could not safely go back to it.")
                    .arg(w),
                RepairAction::QuarantineFile);
        else
            add(Finding::Severity::Error, name, -1,
                QStringLiteral(
                    "The manifest is inconsistent although its checksum is right: %1. A writer refuses to open "
                    "the index, since its next file could replace a live one; repair writes a manifest with "
                    "counters above every file in the folder.")
                    .arg(w),
                w.startsWith(QLatin1String("the graph")) ? RepairAction::RebuildGraph : RepairAction::RebuildIdMap);
    }
}

void Run::verifySegment(const Manifest &m, const SegmentEntry &e)
{
    ++report.filesChecked;
    const FileRecord *rec = m.fileRecord(e.file);
    const qint64 items = e.rows - e.deletedRows;
    if (!QFileInfo::exists(path(e.file))) {
        add(Finding::Severity::Error, e.file, -1,
            QStringLiteral("The segment file is missing; the %1 items it held cannot be read.").arg(items),
            RepairAction::QuarantineFile);
        return;
    }
    Result<std::shared_ptr<Segment>> seg = Segment::open(path(e.file), e.id, m.schema.dimensions);
    if (!seg.ok() && seg.error().code() == ErrorCode::UnsupportedFormat) {
        // Made by a newer Sextant: not damage, and nothing this version may
        // judge or repair (its SHA-256 is not compared either).
        addError(e.file, seg.error(), Finding::Severity::Error, RepairAction::None);
        progress(rec ? rec->size : 0);
        return;
    }
    if (!seg.ok()) {
        addError(e.file, seg.error(), Finding::Severity::Error, RepairAction::QuarantineFile,
                 QStringLiteral("%1 The segment cannot be read at all (it held %2 items).")
                     .arg(seg.error().message())
                     .arg(items));
        if (m_options.full && rec) {
            Result<QString> sha = hashFile(e.file);
            if (sha.ok())
                checkSizeAndHash(*rec, QFileInfo(path(e.file)).size(), *sha, Finding::Severity::Error,
                                 RepairAction::QuarantineFile);
        }
        progress(rec ? rec->size : 0);
        return;
    }
    const Segment &s = **seg;
    if (s.rowCount() != e.rows)
        add(Finding::Severity::Error, e.file, 16,
            QStringLiteral("The segment holds %1 rows; the manifest says %2.").arg(s.rowCount()).arg(e.rows),
            RepairAction::RebuildIdMap);
    // SHA-256 runs on the pool beside the block and row checks (collectHashes).
    QFuture<QString> sha;
    if (m_options.full)
        sha = QtConcurrent::run(engineThreadPool(), [&s] { return sha256Hex(s.mappedData(), size_t(s.fileSize())); });
    qint64 reported = 0;
    int badBlocks = 0;
    s.verifyAllBlocks(
        [&](qint64 offset, qint64 length) {
            ++badBlocks;
            add(Finding::Severity::Error, e.file, offset,
                s.hasRowChecksums()
                    ? QStringLiteral(
                          "The data block at bytes %1–%2 does not match its XXH3 checksum; the rows stored in "
                          "it whose row checksums still match are kept, the others cannot be read (full "
                          "verify names them).")
                          .arg(offset)
                          .arg(offset + length - 1)
                    : QStringLiteral(
                          "The data block at bytes %1–%2 does not match its XXH3 checksum; the rows stored in "
                          "it cannot be read.")
                          .arg(offset)
                          .arg(offset + length - 1),
                RepairAction::RewriteSegment, {}, length);
        },
        [&](qint64 bytes) {
            const bool go = progress(bytes - reported);
            reported = bytes;
            return go;
        });
    progress(s.fileSize() - reported);
    segments.push_back(OpenedSegment{e, *seg, std::nullopt, true, badBlocks, {}, {}, sha});
}

void Run::finishSegment(const Manifest &m, OpenedSegment &s)
{
    // The rows are checked while SHA-256s run on the pool's threads.
    if (m_options.full && !report.cancelled) checkSegmentRows(m, s);
}

void Run::collectHashes(const Manifest &m)
{
    // Each segment's SHA-256 was started when it was opened; the pool runs
    // as many at once as there are cores, beside the checks above.
    for (OpenedSegment &s : segments) {
        if (!s.sha.isValid()) continue;
        s.sha.waitForFinished();
        if (const FileRecord *rec = m.fileRecord(s.entry.file); rec && !report.cancelled)
            checkSizeAndHash(*rec, s.segment->fileSize(), s.sha.result(), Finding::Severity::Error,
                             RepairAction::RewriteSegment);
        s.sha = {};
    }
}

void Run::verifyDeletionFile(const Manifest &m, const SegmentEntry &e)
{
    ++report.filesChecked;
    OpenedSegment *opened = nullptr;
    for (OpenedSegment &s : segments)
        if (s.entry.id == e.id) opened = &s;
    if (opened) opened->deletionsKnown = false;
    if (!QFileInfo::exists(path(e.deletionFile))) {
        add(Finding::Severity::Error, e.deletionFile, -1,
            QStringLiteral("The deletion file is missing: which of the segment's %1 rows were deleted is unknown.")
                .arg(e.rows),
            RepairAction::RebuildIdMap);
        return;
    }
    const qint64 size = QFileInfo(path(e.deletionFile)).size();
    Result<DeletionVector> dv = DeletionVector::read(path(e.deletionFile), e.id, e.rows);
    bool good = dv.ok();
    if (!dv.ok()) {
        addError(e.deletionFile, dv.error(), Finding::Severity::Error, RepairAction::RebuildIdMap);
    } else if (dv->deletedCount() != e.deletedRows) {
        good = false;
        add(Finding::Severity::Error, e.deletionFile, -1,
            QStringLiteral("The file marks %1 rows deleted; the manifest says %2.")
                .arg(dv->deletedCount())
                .arg(e.deletedRows),
            RepairAction::RebuildIdMap);
    }
    if (m_options.full) {
        Result<QString> sha = hashFile(e.deletionFile);
        if (const FileRecord *rec = m.fileRecord(e.deletionFile); rec && sha.ok() && good) {
            const int before = report.findings.size();
            checkSizeAndHash(*rec, size, *sha, Finding::Severity::Error, RepairAction::RebuildIdMap);
            good = report.findings.size() == before;
        }
    }
    if (opened && good) {
        opened->deletions = *dv;
        opened->deletionsKnown = true;
    }
    progress(size);
}

// The saved HNSW graph: derived data, so damage is a warning (it is
// rebuilt from the vectors), never an error.
void Run::verifyGraphFile(const Manifest &m)
{
    const GraphEntry &g = *m.graph;
    ++report.filesChecked;
    const FileRecord *rec = m.fileRecord(g.file);
    if (!QFileInfo::exists(path(g.file))) {
        add(Finding::Severity::Warning, g.file, -1,
            QStringLiteral(
                "The saved HNSW graph is missing; until it is rebuilt, every open builds it again from the vectors."),
            RepairAction::RebuildGraph);
        return;
    }
    const qint64 size = QFileInfo(path(g.file)).size();
    if (Error e = HnswGraph::check(path(g.file), m.schema.dimensions, m.schema.metric, m.schema.ann.quantization,
                                   rec ? rec->size : -1)) {
        addError(
            g.file, e, Finding::Severity::Warning, RepairAction::RebuildGraph,
            QStringLiteral("%1 It is not loaded; the graph is rebuilt from the vectors instead.").arg(e.message()));
    } else if (m_options.full && rec) {
        Result<QString> sha = hashFile(g.file);
        if (sha.ok() && *sha != rec->sha256)
            add(Finding::Severity::Warning, g.file, -1,
                QStringLiteral("The graph file's SHA-256 differs from the one the manifest recorded."),
                RepairAction::RebuildGraph);
        else
            graphFileGood = true;
    } else {
        graphFileGood = true;
    }
    progress(size);
}

// The manifest's log and the chain of logs after it (docs/format.md):
// those hold acknowledged writes a background checkpoint has not yet
// published.
void Run::verifyWal(const Manifest &m)
{
    QString file = m.walFile;
    quint64 expected = m.checkpointLsn + 1;
    const bool full = m_options.full;
    const Schema &schema = m.schema;
    for (;;) {
        ++report.filesChecked;
        walChain.append(file);
        Result<File> f = File::open(path(file), File::Mode::ReadOnly);
        if (!f.ok()) {
            add(Finding::Severity::Error, file, -1,
                QStringLiteral("The write-ahead log cannot be opened: %1 Writes acknowledged after the last checkpoint "
                               "are in it.")
                    .arg(f.error().message()),
                RepairAction::SalvageWal);
            return;
        }
        QString currentFile = file;
        Result<WalScanResult> scan =
            scanWal(*f, 0, expected, [&](uint64_t lsn, uint8_t, const char *payload, size_t size) -> Error {
                Result<QList<Record>> r = decodeBatchPayload(payload, size);
                if (!r.ok()) return r.error();
                // Open treats a record of another dimension as a damaged frame; so does verify.
                for (const Record &rec : *r)
                    if (!rec.isDelete() && rec.vector.size() != schema.dimensions)
                        return Error(
                            ErrorCode::Corruption,
                            QStringLiteral("record %1 holds a vector of %2 dimensions in a %3-dimensional index")
                                .arg(lsn)
                                .arg(rec.vector.size())
                                .arg(schema.dimensions));
                if (!full) return {};
                for (Record &rec : *r) {
                    if (!rec.isDelete()) {
                        QString problem;
                        if (Error e = schema.validateVector(rec.vector))
                            problem = e.message();
                        else {
                            QJsonParseError pe;
                            const QJsonDocument doc = QJsonDocument::fromJson(rec.metadata, &pe);
                            if (!doc.isObject())
                                problem = QStringLiteral("its metadata is not a JSON object");
                            else if (Error e2 = schema.validateMetadata(doc.object(), rec.metadata.size()))
                                problem = e2.message();
                        }
                        if (!problem.isEmpty()) {
                            if (underCap(currentFile + QStringLiteral("/record")))
                                add(Finding::Severity::Error, currentFile, -1,
                                    QStringLiteral("Log record %1 for this item is invalid: %2").arg(lsn).arg(problem),
                                    RepairAction::SalvageWal, QString::fromUtf8(rec.id));
                            continue;
                        }
                    }
                    walChanges.push_back(WalChange{rec.id, rec.isDelete(), rec.vector});
                }
                return {};
            });
        if (!scan.ok()) {
            addError(file, scan.error(), Finding::Severity::Error, RepairAction::SalvageWal);
            return;
        }
        if (scan->firstLsn != expected)
            add(Finding::Severity::Error, file, 16,
                QStringLiteral("The log starts at record %1; record %2 comes next.").arg(scan->firstLsn).arg(expected),
                RepairAction::SalvageWal);
        const QString next = wal::fileName(scan->lastLsn + 1);
        const bool hasNext = next != file && QFileInfo::exists(path(next));
        const WalTail &t = scan->tail;
        // A later log after a log whose end is damaged: the chain breaks at
        // the damage, and an open would stop there, leaving the later log's
        // acknowledged records unread. Only a salvage reads on.
        QString later;
        if (t.kind != WalTail::Kind::Clean && !hasNext)
            for (const QString &log : QDir(m_dir).entryList({QStringLiteral("wal-*.log")}, QDir::Files, QDir::Name))
                if (log > file) {
                    later = log;
                    break;
                }
        if (!later.isEmpty())
            add(Finding::Severity::Error, file, t.offset,
                QStringLiteral("The log ends in a damaged or unfinished record (%1) and the later log %2 follows it: "
                               "opening would stop at the damage and leave the later log's records unread.")
                    .arg(t.reason, later),
                RepairAction::SalvageWal, {}, t.bytes);
        else if (t.kind == WalTail::Kind::Incomplete && !hasNext)
            add(Finding::Severity::Info, file, t.offset,
                QStringLiteral("The log ends in an unfinished record (%1 bytes: %2). An interrupted write leaves this; "
                               "it was never acknowledged and is cut when the index is next opened for writing.")
                    .arg(t.bytes)
                    .arg(t.reason),
                RepairAction::CutWalTail, {}, t.bytes);
        else if (t.kind == WalTail::Kind::Incomplete)
            add(Finding::Severity::Error, file, t.offset,
                QStringLiteral("The log ends in an unfinished record (%1) although the log %2 follows it.")
                    .arg(t.reason, next),
                RepairAction::SalvageWal, {}, t.bytes);
        else if (t.kind == WalTail::Kind::Corrupt && !t.validFramesAfter && !hasNext)
            add(Finding::Severity::Error, file, t.offset,
                QStringLiteral("The last log record is damaged (%1); no valid record follows it.").arg(t.reason),
                RepairAction::CutWalTail, {}, t.bytes);
        else if (t.kind == WalTail::Kind::Corrupt)
            add(Finding::Severity::Error, file, t.offset,
                QStringLiteral(
                    "A complete log record is damaged (%1); valid records follow it, so the index refuses to "
                    "open rather than lose them.")
                    .arg(t.reason),
                RepairAction::SalvageWal, {}, t.bytes);
        progress(scan->validEnd + t.bytes);
        if (!hasNext || t.kind != WalTail::Kind::Clean) return;
        file = next;
        expected = scan->lastLsn + 1;
    }
}

// The files only the previous generation uses (MANIFEST.prev's segments,
// deletion files and the logs from its checkpoint to the current one). The
// index works without them, but repair goes back to that generation when
// MANIFEST is lost: damage there is the fallback lost, a warning.
void Run::verifyPreviousGeneration()
{
    if (!currentReadable || !previous) return;
    const Manifest &cur = *current;
    const Manifest &prev = *previous;
    auto lost = [&](const QString &file, qint64 offset, const QString &what) {
        add(Finding::Severity::Warning, file, offset,
            QStringLiteral(
                "%1 Only the previous generation (MANIFEST.prev) uses this file, so the index works, but the "
                "fallback is lost: if MANIFEST were damaged, going back a generation would lose data. Repair "
                "sets the file aside and makes the current generation the fallback.")
                .arg(what),
            RepairAction::QuarantineFile);
    };
    auto usedByCurrent = [&](const QString &name) { return cur.fileRecord(name) || cur.walFile == name; };
    for (const SegmentEntry &e : prev.segments) {
        if (report.cancelled) return;
        if (!usedByCurrent(e.file)) {
            ++report.filesChecked;
            if (!QFileInfo::exists(path(e.file))) {
                lost(e.file, -1, QStringLiteral("The segment is missing."));
            } else {
                Result<std::shared_ptr<Segment>> seg = Segment::open(path(e.file), e.id, prev.schema.dimensions);
                if (!seg.ok()) {
                    lost(e.file, -1, seg.error().message());
                } else {
                    qint64 firstBad = -1;
                    int bad = 0;
                    (*seg)->verifyAllBlocks([&](qint64 offset, qint64) {
                        if (!bad++) firstBad = offset;
                    });
                    if (bad)
                        lost(e.file, firstBad,
                             QStringLiteral("%1 data blocks do not match their XXH3 checksums (the first at byte %2).")
                                 .arg(bad)
                                 .arg(firstBad));
                    progress((*seg)->fileSize());
                }
            }
        }
        if (!e.deletionFile.isEmpty() && !usedByCurrent(e.deletionFile)) {
            ++report.filesChecked;
            if (!QFileInfo::exists(path(e.deletionFile))) {
                lost(e.deletionFile, -1, QStringLiteral("The deletion file is missing."));
            } else {
                Result<DeletionVector> dv = DeletionVector::read(path(e.deletionFile), e.id, e.rows);
                if (!dv.ok())
                    lost(e.deletionFile, -1, dv.error().message());
                else if (dv->deletedCount() != e.deletedRows)
                    lost(e.deletionFile, -1,
                         QStringLiteral("The file marks %1 rows deleted; MANIFEST.prev says %2.")
                             .arg(dv->deletedCount())
                             .arg(e.deletedRows));
            }
        }
    }
    // The logs from the previous checkpoint up to the current one.
    QString file = prev.walFile;
    quint64 expected = prev.checkpointLsn + 1;
    while (!report.cancelled && file != cur.walFile && !walChain.contains(file) && expected <= cur.checkpointLsn) {
        ++report.filesChecked;
        Result<File> f = File::open(path(file), File::Mode::ReadOnly);
        if (!f.ok()) {
            lost(file, -1, QStringLiteral("The log cannot be opened: %1").arg(f.error().message()));
            return;
        }
        Result<WalScanResult> scan =
            scanWal(*f, 0, expected, [&](uint64_t, uint8_t, const char *payload, size_t size) -> Error {
                Result<QList<Record>> r = decodeBatchPayload(payload, size);
                if (!r.ok()) return r.error();
                for (const Record &rec : *r)
                    if (!rec.isDelete() && rec.vector.size() != prev.schema.dimensions)
                        return Error(ErrorCode::Corruption,
                                     QStringLiteral("a record holds a vector of another dimension"));
                return {};
            });
        if (!scan.ok()) {
            lost(file, -1, scan.error().message());
            return;
        }
        progress(scan->validEnd + scan->tail.bytes);
        if (scan->firstLsn != expected) {
            lost(
                file, 16,
                QStringLiteral("The log starts at record %1; record %2 comes next.").arg(scan->firstLsn).arg(expected));
            return;
        }
        if (scan->tail.kind != WalTail::Kind::Clean && scan->lastLsn < cur.checkpointLsn) {
            lost(file, scan->tail.offset,
                 QStringLiteral("A log record the previous generation needs is damaged at byte %1 (%2).")
                     .arg(scan->tail.offset)
                     .arg(scan->tail.reason));
            return;
        }
        const QString next = wal::fileName(scan->lastLsn + 1);
        if (next == file) return;
        if (!QFileInfo::exists(path(next))) {
            if (scan->lastLsn < cur.checkpointLsn)
                lost(next, -1,
                     QStringLiteral(
                         "The log holding records %1 and on, which the previous generation needs, is missing.")
                         .arg(scan->lastLsn + 1));
            return;
        }
        file = next;
        expected = scan->lastLsn + 1;
    }
}

void Run::setTotal(const Manifest &m)
{
    for (const FileRecord &f : m.files)
        m_total += f.size;
    // The previous generation's own files are checked too (verifyPreviousGeneration).
    QString firstLog = m.walFile;
    if (currentReadable && previous) {
        for (const FileRecord &f : previous->files)
            if (!m.fileRecord(f.name) && !(previous->graph && f.name == previous->graph->file))
                m_total += f.size; // (its own graph is not checked: superseded, or the current one)
        firstLog = std::min(firstLog, previous->walFile);
    }
    for (const QString &log : QDir(m_dir).entryList({QStringLiteral("wal-*.log")}, QDir::Files))
        if (log >= firstLog) m_total += QFileInfo(path(log)).size();
}

bool Run::underCap(const QString &key) { return ++m_capCounts[key] <= kItemFindingCap; }

void Run::reportCapped()
{
    for (auto it = m_capCounts.cbegin(); it != m_capCounts.cend(); ++it) {
        if (it.value() <= kItemFindingCap) continue;
        const QString file = it.key().section(u'/', 0, 0);
        add(Finding::Severity::Error, file, -1,
            QStringLiteral("%1 more items of this file have the same kind of problem (only the first %2 are listed).")
                .arg(it.value() - kItemFindingCap)
                .arg(kItemFindingCap),
            RepairAction::None);
    }
}

} // namespace integrity

Result<VerifyReport> verifyIndex(const QString &path, const VerifyOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    const QString dir = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo(dir + u'/' + manifest::currentName()).exists() &&
        !QFileInfo(dir + u'/' + manifest::previousName()).exists())
        return Error(ErrorCode::NotFound,
                     QStringLiteral("%1 is not a Sextant index: it has no MANIFEST file.").arg(path), path);
    Run run(dir, options);
    run.report.full = options.full;

    run.verifyManifests();
    if (run.current) {
        const Manifest &m = *run.current;
        run.setTotal(m);
        for (const SegmentEntry &e : m.segments) {
            if (run.report.cancelled) break;
            const size_t opened = run.segments.size();
            run.verifySegment(m, e);
            if (!e.deletionFile.isEmpty() && !run.report.cancelled) run.verifyDeletionFile(m, e);
            if (run.segments.size() > opened) run.finishSegment(m, run.segments.back());
        }
        run.collectHashes(m);
        if (!run.report.cancelled && m.graph) run.verifyGraphFile(m);
        if (!run.report.cancelled) run.verifyWal(m);
        if (!run.report.cancelled) run.verifyPreviousGeneration();
        if (!run.report.cancelled && options.full) run.verifyContent(m);
    }
    if (!run.report.cancelled) run.considerFallback();
    if (!run.report.cancelled) run.verifyFolder();
    run.reportCapped();
    run.report.elapsedMs = timer.elapsed();
    return run.report;
}

} // namespace sextant
