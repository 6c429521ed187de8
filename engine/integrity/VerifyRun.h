#pragma once
// One run of verifyIndex (internal to integrity/). The checks are split over
// Verifier.cpp (manifests, segment blocks, deletion files, the log),
// VerifyContent.cpp (rows, id map, graph labels and recall; full verify
// only) and VerifyFolder.cpp (the file list, orphans, the lock).

#include "sextant/Verifier.h"
#include "storage/DeletionVector.h"
#include "storage/Manifest.h"
#include "storage/Record.h"
#include "storage/Segment.h"

#include <QFuture>
#include <QHash>
#include <QSet>
#include <memory>
#include <optional>
#include <vector>

namespace sextant::integrity {

// A segment that opened, kept for the content checks.
struct OpenedSegment {
    storage::SegmentEntry entry;
    std::shared_ptr<storage::Segment> segment;
    std::optional<storage::DeletionVector> deletions; // absent when the file is damaged or missing
    bool deletionsKnown = true;                       // false: the deletion file could not be read
    int badBlocks = 0;
    std::vector<QByteArrayView> liveIds; // filled by the content check, in id order
    std::vector<qint64> liveRows;        // the rows of liveIds
    QFuture<QString> sha;                // full verify: the file's SHA-256, computed beside the other checks
};

// What the log holds after the checkpoint, in order (content check).
struct WalChange {
    QByteArray id;
    bool deleted = false;
    QVector<float> vector;
};

class Run {
public:
    Run(const QString &dir, const VerifyOptions &options) : m_dir(dir), m_options(options) { }

    VerifyReport report;

    // Verifier.cpp
    void add(Finding::Severity sev, const QString &file, qint64 offset, const QString &message,
             RepairAction action = RepairAction::None, const QString &itemId = {}, qint64 length = 0);
    void addError(const QString &file, const Error &e, Finding::Severity sev, RepairAction action,
                  const QString &message = {});
    bool progress(qint64 bytes);
    QString path(const QString &name) const { return m_dir + u'/' + name; }
    Result<QString> hashFile(const QString &name);
    void checkSizeAndHash(const storage::FileRecord &rec, qint64 actualSize, const QString &actualSha,
                          Finding::Severity sev, RepairAction action);
    void verifyManifests();
    void checkCounters(const storage::Manifest &m, bool isPrevious);
    void verifySegment(const storage::Manifest &m, const storage::SegmentEntry &e);
    void verifyDeletionFile(const storage::Manifest &m, const storage::SegmentEntry &e);
    // Full verify: the rows (VerifyContent.cpp), then the SHA-256 started by verifySegment.
    void finishSegment(const storage::Manifest &m, OpenedSegment &s);
    void collectHashes(const storage::Manifest &m);
    void checkSegmentRows(const storage::Manifest &m, OpenedSegment &s);
    void verifyGraphFile(const storage::Manifest &m);
    void verifyWal(const storage::Manifest &m);
    void verifyPreviousGeneration();
    void setTotal(const storage::Manifest &m);

    // VerifyContent.cpp (full verify)
    void verifyContent(const storage::Manifest &m);

    // VerifyFolder.cpp
    void verifyFolder();
    // Damage to files only the current generation uses: when the previous
    // generation and the logs after it hold the same items, going back to it
    // restores everything, so that becomes the repair action.
    void considerFallback();

    // Per-item findings are capped per file and kind (key "file/kind"); the
    // rest are counted and reported once by reportCapped().
    bool underCap(const QString &key);
    void reportCapped();

    std::optional<storage::Manifest> current;  // the manifest whose files were checked
    std::optional<storage::Manifest> previous; // MANIFEST.prev, when readable
    bool currentReadable = false;
    std::vector<OpenedSegment> segments;
    std::vector<WalChange> walChanges;
    QStringList walChain; // the logs read, in order
    bool graphFileGood = false;
    qint64 graphBehind = -1; // live items the saved graph lacks or holds stale, plus removed ones it holds

private:
    void checkIdMap(const storage::Manifest &m);
    void checkGraph(const storage::Manifest &m);
    void measureRecall(const storage::Manifest &m);

    QString m_dir;
    VerifyOptions m_options;
    qint64 m_total = 0;
    QHash<QString, int> m_capCounts;
};

constexpr int kItemFindingCap = 50;

} // namespace sextant::integrity
