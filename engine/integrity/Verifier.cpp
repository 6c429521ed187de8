#include "integrity/Verifier.h"
#include "index/Graph.h"

#include "storage/Checksums.h"
#include "storage/DeletionVector.h"
#include "storage/FileIo.h"
#include "storage/Manifest.h"
#include "storage/Record.h"
#include "storage/Segment.h"
#include "storage/Wal.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace sextant {

using namespace storage;

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
        return QStringLiteral("Rewrite the log with every record that is still valid; the damaged records go to quarantine/.");
    case RepairAction::RebuildGraph:
        return QStringLiteral("Set the saved HNSW graph aside and build it again from the vectors.");
    case RepairAction::RebuildIdMap:
        return QStringLiteral("Work out again from the segments which row of each id is live (the newest wins).");
    case RepairAction::UsePreviousManifest:
        return QStringLiteral("Go back to the previous manifest generation (MANIFEST.prev) and replay the log on it.");
    case RepairAction::RewriteSegment:
        return QStringLiteral("Copy every readable row to a new segment; the old file and the unreadable rows go to quarantine/.");
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
    for (const Finding &f : findings) n += f.severity != Finding::Severity::Info;
    return n;
}

namespace {

class Run {
public:
    Run(const QString &dir, const VerifyOptions &options) : m_dir(dir), m_options(options) {}

    VerifyReport report;

    void add(Finding::Severity sev, const QString &file, qint64 offset, const QString &message)
    {
        report.findings.append(Finding{sev, file, offset, message, {}});
    }
    // Errors from the storage layer name the byte in their sentence.
    void addError(const QString &file, const Error &e, Finding::Severity sev = Finding::Severity::Error,
                  const QString &message = {})
    {
        static const QRegularExpression atByte(QStringLiteral("at byte (\\d+)"));
        const QRegularExpressionMatch m = atByte.match(e.message());
        add(sev, file, m.hasMatch() ? m.captured(1).toLongLong() : -1, message.isEmpty() ? e.message() : message);
    }
    bool progress(qint64 bytes)
    {
        report.bytesChecked += bytes;
        if (m_options.progress && !m_options.progress(report.bytesChecked, m_total)) {
            report.cancelled = true;
            return false;
        }
        return true;
    }
    QString path(const QString &name) const { return m_dir + u'/' + name; }

    void checkSizeAndHash(const FileRecord &rec, qint64 actualSize, const QString &actualSha)
    {
        if (actualSize != rec.size)
            add(Finding::Severity::Error, rec.name, -1,
                QStringLiteral("The file is %1 bytes; the manifest recorded %2.").arg(actualSize).arg(rec.size));
        else if (actualSha != rec.sha256)
            add(Finding::Severity::Error, rec.name, -1,
                QStringLiteral("The file's SHA-256 differs from the one the manifest recorded: its content changed after it was written."));
    }

    // Whole-file SHA-256 read in chunks (files that are not mapped).
    Result<QString> hashFile(const QString &name)
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

    void verifySegment(const Manifest &m, const SegmentEntry &e)
    {
        ++report.filesChecked;
        const FileRecord *rec = m.fileRecord(e.file);
        if (!QFileInfo::exists(path(e.file))) {
            add(Finding::Severity::Error, e.file, -1, QStringLiteral("The segment file is missing."));
            return;
        }
        Result<std::shared_ptr<Segment>> seg = Segment::open(path(e.file), e.id, m.schema.dimensions);
        if (!seg.ok()) {
            addError(e.file, seg.error());
            if (m_options.full && rec) {
                Result<QString> sha = hashFile(e.file);
                if (sha.ok()) checkSizeAndHash(*rec, QFileInfo(path(e.file)).size(), *sha);
            }
            return;
        }
        const Segment &s = **seg;
        if (s.rowCount() != e.rows)
            add(Finding::Severity::Error, e.file, 16,
                QStringLiteral("The segment holds %1 rows; the manifest says %2.").arg(s.rowCount()).arg(e.rows));
        // SHA-256 runs beside the block checksums on the other core.
        QFuture<QString> sha;
        if (m_options.full)
            sha = QtConcurrent::run([&s] { return sha256Hex(s.mappedData(), size_t(s.fileSize())); });
        qint64 reported = 0;
        s.verifyAllBlocks(
            [&](qint64 offset, qint64 length) {
                add(Finding::Severity::Error, e.file, offset,
                    QStringLiteral("The data block at bytes %1–%2 does not match its XXH3 checksum.")
                        .arg(offset).arg(offset + length - 1));
            },
            [&](qint64 bytes) {
                const bool go = progress(bytes - reported);
                reported = bytes;
                return go;
            });
        progress(s.fileSize() - reported);
        if (m_options.full) {
            sha.waitForFinished();
            if (rec) checkSizeAndHash(*rec, s.fileSize(), sha.result());
        }
    }

    void verifyDeletionFile(const Manifest &m, const SegmentEntry &e)
    {
        ++report.filesChecked;
        if (!QFileInfo::exists(path(e.deletionFile))) {
            add(Finding::Severity::Error, e.deletionFile, -1, QStringLiteral("The deletion file is missing."));
            return;
        }
        Result<DeletionVector> dv = DeletionVector::read(path(e.deletionFile), e.id, e.rows);
        if (!dv.ok()) addError(e.deletionFile, dv.error());
        else if (dv->deletedCount() != e.deletedRows)
            add(Finding::Severity::Error, e.deletionFile, -1,
                QStringLiteral("The file marks %1 rows deleted; the manifest says %2.").arg(dv->deletedCount()).arg(e.deletedRows));
        const qint64 size = QFileInfo(path(e.deletionFile)).size();
        if (m_options.full) {
            Result<QString> sha = hashFile(e.deletionFile);
            if (const FileRecord *rec = m.fileRecord(e.deletionFile); rec && sha.ok()) checkSizeAndHash(*rec, size, *sha);
        }
        progress(size);
    }

    // The saved HNSW graph: derived data, so damage is a warning (it is
    // rebuilt from the vectors when the index opens), never an error.
    void verifyGraph(const Manifest &m)
    {
        const GraphEntry &g = *m.graph;
        ++report.filesChecked;
        const FileRecord *rec = m.fileRecord(g.file);
        if (!QFileInfo::exists(path(g.file))) {
            add(Finding::Severity::Warning, g.file, -1,
                QStringLiteral("The saved HNSW graph is missing; it is rebuilt from the vectors when the index opens."));
            return;
        }
        const qint64 size = QFileInfo(path(g.file)).size();
        if (Error e = HnswGraph::check(path(g.file), m.schema.dimensions, m.schema.metric, rec ? rec->size : -1)) {
            addError(g.file, e, Finding::Severity::Warning,
                     QStringLiteral("%1 It is not loaded; the graph is rebuilt from the vectors when the index opens.").arg(e.message()));
        } else if (m_options.full && rec) {
            Result<QString> sha = hashFile(g.file);
            if (sha.ok() && *sha != rec->sha256)
                add(Finding::Severity::Warning, g.file, -1,
                    QStringLiteral("The graph file's SHA-256 differs from the one the manifest recorded; it is rebuilt when the index opens."));
        }
        progress(size);
    }

    // The manifest's log and the chain of logs after it (docs/format.md):
    // those hold acknowledged writes a background checkpoint has not yet
    // published.
    void verifyWal(const Manifest &m)
    {
        QString file = m.walFile;
        quint64 expected = m.checkpointLsn + 1;
        for (;;) {
            ++report.filesChecked;
            Result<File> f = File::open(path(file), File::Mode::ReadOnly);
            if (!f.ok()) {
                add(Finding::Severity::Error, file, -1,
                    QStringLiteral("The write-ahead log cannot be opened: %1").arg(f.error().message()));
                return;
            }
            Result<WalScanResult> scan = scanWal(*f, 0, expected,
                                                 [](uint64_t, uint8_t, const char *payload, size_t size) -> Error {
                                                     const Result<QList<Record>> r = decodeBatchPayload(payload, size);
                                                     return r.ok() ? Error() : r.error();
                                                 });
            if (!scan.ok()) {
                addError(file, scan.error());
                return;
            }
            if (scan->firstLsn != expected)
                add(Finding::Severity::Error, file, 16,
                    QStringLiteral("The log starts at record %1; record %2 comes next.").arg(scan->firstLsn).arg(expected));
            const QString next = wal::fileName(scan->lastLsn + 1);
            const bool hasNext = next != file && QFileInfo::exists(path(next));
            const WalTail &t = scan->tail;
            if (t.kind == WalTail::Kind::Incomplete && !hasNext)
                add(Finding::Severity::Info, file, t.offset,
                    QStringLiteral("The log ends in an unfinished record (%1 bytes: %2). An interrupted write leaves this; "
                                   "it is cut when the index is next opened for writing.").arg(t.bytes).arg(t.reason));
            else if (t.kind == WalTail::Kind::Incomplete)
                add(Finding::Severity::Error, file, t.offset,
                    QStringLiteral("The log ends in an unfinished record (%1) although the log %2 follows it.").arg(t.reason, next));
            else if (t.kind == WalTail::Kind::Corrupt)
                add(Finding::Severity::Error, file, t.offset,
                    QStringLiteral("A complete log record is damaged (%1)%2.")
                        .arg(t.reason, t.validFramesAfter || hasNext ? QStringLiteral("; valid records follow it") : QString()));
            progress(scan->validEnd + t.bytes);
            if (!hasNext || t.kind != WalTail::Kind::Clean) return;
            file = next;
            expected = scan->lastLsn + 1;
        }
    }

    void setTotal(const Manifest &m)
    {
        for (const FileRecord &f : m.files) m_total += f.size;
        for (const QString &log : QDir(m_dir).entryList({QStringLiteral("wal-*.log")}, QDir::Files))
            if (log >= m.walFile) m_total += QFileInfo(path(log)).size();
    }

private:
    QString m_dir;
    VerifyOptions m_options;
    qint64 m_total = 0;
};

} // namespace

Result<VerifyReport> verifyIndex(const QString &path, const VerifyOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    const QString dir = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo(dir + u'/' + manifest::currentName()).exists() && !QFileInfo(dir + u'/' + manifest::previousName()).exists())
        return Error(ErrorCode::NotFound, QStringLiteral("%1 is not a Sextant index: it has no MANIFEST file.").arg(path), path);
    Run run(dir, options);
    run.report.full = options.full;

    std::optional<Manifest> current;
    Result<Manifest> cur = Manifest::read(dir + u'/' + manifest::currentName());
    ++run.report.filesChecked;
    if (cur.ok()) current = *cur;
    else run.addError(manifest::currentName(), cur.error());
    if (QFileInfo::exists(dir + u'/' + manifest::previousName())) {
        ++run.report.filesChecked;
        Result<Manifest> prev = Manifest::read(dir + u'/' + manifest::previousName());
        if (!prev.ok()) {
            Finding f{Finding::Severity::Warning, manifest::previousName(), -1, prev.error().message(), {}};
            run.report.findings.append(f);
        } else if (!current) {
            run.add(Finding::Severity::Info, manifest::previousName(), -1,
                    QStringLiteral("The current manifest is unreadable; the files of the previous generation were checked instead."));
            current = *prev;
        }
    }
    if (current) {
        const Manifest &m = *current;
        run.setTotal(m);
        for (const SegmentEntry &e : m.segments) {
            if (run.report.cancelled) break;
            run.verifySegment(m, e);
            if (!e.deletionFile.isEmpty() && !run.report.cancelled) run.verifyDeletionFile(m, e);
        }
        if (!run.report.cancelled && m.graph) run.verifyGraph(m);
        if (!run.report.cancelled) run.verifyWal(m);
    }
    run.report.elapsedMs = timer.elapsed();
    return run.report;
}

} // namespace sextant
