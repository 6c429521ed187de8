#pragma once
// Verification of an index folder without opening it for writing (it works
// on indexes that are damaged, locked by another process, or both).
// Quick: the manifest envelopes, every WAL frame's and every segment block's
// XXH3, deletion files, the graph file's checksum and structure, orphans and
// the lock. Full: also the size and SHA-256 of every file the manifest names,
// every vector (finite) and metadata document (JSON, schema), the id map
// (each id live in at most one row; the counts the manifest records), the
// graph's labels against the live ids and its recall on a sample.

#include "sextant/Api.h"
#include "sextant/Error.h"

#include <QList>
#include <QString>
#include <functional>

namespace sextant {

// What repair would do about a finding (sextant/Repair.h carries it out).
enum class RepairAction {
    None,                // nothing to repair (a note, or only the user can act)
    CutWalTail,          // copy the bytes after the last valid log record to quarantine/ and cut them off
    SalvageWal,          // rewrite the log chain with every valid record; damaged records to quarantine/
    RebuildGraph,        // set the saved graph aside and build it again from the vectors
    RebuildIdMap,        // recompute which rows are live from the segments (newest row of an id wins)
    UsePreviousManifest, // the current manifest is unreadable: go back to MANIFEST.prev
    RewriteSegment,      // copy the readable rows to a new segment; the rest, with the old file, to quarantine/
    QuarantineFile,      // move the file to quarantine/ (orphans, files that cannot be read at all)
    RemoveStaleLock,     // the lock's process is gone: take the lock over
};
SEXTANT_API QString repairActionName(RepairAction action);        // stable, for JSON: "cut-wal-tail", …
SEXTANT_API QString repairActionDescription(RepairAction action); // a sentence for people

struct SEXTANT_API Finding {
    enum class Severity { Info, Warning, Error };
    Severity severity = Severity::Error;
    QString file;       // relative to the index folder; empty when about the index as a whole
    qint64 offset = -1; // byte offset in the file, -1 when not about a position
    QString message;    // what is wrong, in plain words
    QString itemId;     // when the finding is about one item
    RepairAction action = RepairAction::None;
    qint64 length = 0; // bytes from `offset` the finding covers (0: one position or the whole file)
};
SEXTANT_API QString severityName(Finding::Severity s);

// What a file of the folder is, for the health map.
enum class FileKind { Manifest, PreviousManifest, Wal, Segment, Deletion, Graph, Lock, Quarantine, Orphan, Unexpected };
SEXTANT_API QString fileKindName(FileKind kind);

struct SEXTANT_API FileHealth {
    QString name; // relative to the index folder
    FileKind kind = FileKind::Unexpected;
    qint64 size = 0;      // on disk; -1 when the file is missing
    qint64 blockSize = 0; // the unit its checksums cover (segments: 64 KiB); 0 when checked whole
    bool checked = false; // this run read it (a cancelled run leaves some unchecked)
};

struct SEXTANT_API VerifyOptions {
    bool full = false;
    // Called with bytes checked so far and the total; return false to cancel.
    std::function<bool(qint64 done, qint64 total)> progress;
    // Full verify measures the graph's recall@10 against the exact search on
    // this many sampled items (0: skip); below `minRecall` it is a finding.
    int recallSample = 200;
    double minRecall = 0.8;
};

struct SEXTANT_API VerifyReport {
    bool full = false;
    bool cancelled = false;
    QList<Finding> findings; // Info entries are notes, not problems
    QList<FileHealth> files; // every file of the folder (and the missing ones the manifest names)
    qint64 bytesChecked = 0;
    int filesChecked = 0;
    qint64 elapsedMs = 0;
    qint64 liveItems = -1;      // items readable in the state verified (-1: not counted; full verify counts)
    double measuredRecall = -1; // full verify with a graph: recall@10 on the sample
    // No finding of severity Warning or Error.
    bool clean() const;
    int problemCount() const;
    // Findings about one file (empty name: about the whole index).
    QList<Finding> findingsFor(const QString &file) const;
};

SEXTANT_API Result<VerifyReport> verifyIndex(const QString &path, const VerifyOptions &options = {});

} // namespace sextant
