#pragma once
// Private state of an open Index. Only the writer thread (or refresh() on a
// read-only index) changes it, and only while holding `stateMutex`
// exclusively; readers hold it shared.

#include "index/Index.h"
#include "index/Memtable.h"
#include "index/WriteQueue.h"
#include "storage/DeletionVector.h"
#include "storage/Manifest.h"
#include "storage/Segment.h"
#include "storage/Wal.h"
#include "storage/WriterLock.h"

#include <QHash>
#include <mutex>
#include <shared_mutex>

namespace sextant {

struct LoadedSegment {
    storage::SegmentEntry entry;
    std::shared_ptr<storage::Segment> segment;
    std::shared_ptr<const storage::DeletionVector> deletions; // never null
};

// Where the live version of an id is.
struct Location {
    const MemEntry *mem = nullptr;
    int segmentIndex = -1;
    qint64 row = -1;
    bool found() const { return mem || segmentIndex >= 0; }
};

struct Index::Impl {
    QString dir;
    OpenOptions options;
    Schema schema; // fixed for the index's life; readable without stateMutex
    Durability durability = Durability::Full;
    OpenReport openReport;
    std::unique_ptr<storage::WriterLock> lock;

    mutable std::shared_mutex stateMutex;
    storage::Manifest manifest;
    QByteArray manifestBytes;
    std::vector<LoadedSegment> segments;
    Memtable mem;
    qint64 liveCount = 0;
    quint64 lastLsn = 0;

    // Writer only.
    std::optional<storage::WalWriter> wal;
    std::unique_ptr<WriteQueue> queue;
    Error failure; // set when a write could not be undone: the index must be reopened

    // Read-only only.
    std::mutex refreshMutex;
    qint64 walReadOffset = 0;

    bool closed = false;

    bool syncWal() const { return durability == Durability::Full; }
    bool syncFiles() const { return durability != Durability::Off; }
    QString filePath(const QString &name) const { return dir + u'/' + name; }

    // ---- Index.cpp
    Error loadFromManifest(bool writer);
    Result<Location> locate(const QByteArray &id) const; // caller holds stateMutex
    Error replayWal(storage::WalScanResult *scan, Memtable *into, qint64 *liveDelta, quint64 *lastLsnOut,
                    const QString &walPath, qint64 startOffset, quint64 expectedLsn);
    Error handleWalTail(const storage::WalScanResult &scan, const QString &walPath);
    Error quarantineBytes(const QString &walPath, qint64 offset, qint64 bytes, const QString &reason,
                          QString *savedTo);

    // ---- IndexWriter.cpp
    void processGroup(WriteGroup &group);
    WriteResult processWrites(WriteGroup &group);
    Error checkpointLocked();
    Error compactLocked();
    Error publish(storage::Manifest next, std::vector<LoadedSegment> nextSegments);
    void retireUnreferencedFiles();
};

// Compact JSON of an item's metadata, the form stored everywhere.
QByteArray metadataBytes(const QJsonObject &metadata);
QJsonObject parseMetadata(const QByteArray &bytes, Error *error);

} // namespace sextant
