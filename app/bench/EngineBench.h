#pragma once
// Pieces shared by the files of `sextant-bench engine`.

#include "BenchSupport.h"

#include "sextant/Index.h"

#include <QFuture>
#include <QJsonObject>
#include <QSet>

#include <chrono>
#include <memory>

namespace sextant::bench {

using Clock = std::chrono::steady_clock;

struct EngineParams {
    int dims = 384;
    Durability durability = Durability::Full;
    int fsyncSamples = 1000;
    int singleWarmup = 50;
    int singleInserts = 2000;
    int writers = 64;
    int perWriter = 100;
    int inflight = 64;
    int inflightTotal = 6400;
    qint64 bulkItems = 200000;
    int batch = 10000; // bulk batches of 2,048 or more items are ingested straight into segments
    int window = 4;    // bulk batches in flight
    qint64 largeItems = 1000000;
    int getSamples = 1000;
    QString existingIndex; // --index: reuse a large index built by an earlier --keep run
    QSet<QString> only;
    bool want(const char *group) const { return only.isEmpty() || only.contains(QLatin1String(group)); }
};

QJsonObject paramsJson(const EngineParams &p, const CommonOptions &c);
QJsonObject errorJson(const Error &e);
QJsonObject scenarioRecord(const QString &name);
// Waits for a write without letting a cancelled or throwing future take the benchmark down.
WriteResult await(QFuture<WriteResult> future);
Item makeItem(quint64 seed, qint64 i, int dims, VectorSource &vectors);
// Bytes an item carries into the engine: vector, id, compact metadata.
qint64 payloadBytes(int dims, qint64 items);
OpenOptions benchOpenOptions();
Result<std::shared_ptr<Index>> createIndex(const QString &path, const EngineParams &p);
// Creates the scenario's index; on failure puts the error in `rec`, prints
// it and returns null.
std::shared_ptr<Index> createIndexOrReport(const QString &path, const EngineParams &p, QJsonObject &rec);
QJsonObject statsJson(const IndexStats &s);
// Closes and times it (into results["close_ms"]); a writer's close checkpoints what is left in the WAL.
double closeIndex(std::shared_ptr<Index> &index, QJsonObject &results);

struct BulkRun {
    bool ok = true;
    double ackMs = 0;        // first submit .. last batch acknowledged
    double checkpointMs = 0; // the explicit checkpoint after that
    double closeMs = 0;
    QJsonObject results;
};
// Imports `items` items through write() batches with Priority::Bulk, keeping
// `window` batches in flight. With `pregenerate`, every batch is built before
// the clock starts; otherwise they are built on the fly (and the figure
// includes making the data, as a real importer's would include parsing).
BulkRun bulkImport(const QString &path, const EngineParams &p, quint64 seed, qint64 items, bool pregenerate);

// EngineWriteBench.cpp
void benchFsyncFloor(const QString &scratch, const EngineParams &p);
bool benchSingleInsert(const QString &scratch, const EngineParams &p, quint64 seed);
bool benchConcurrentWriters(const QString &scratch, const EngineParams &p, quint64 seed);
bool benchInflightFutures(const QString &scratch, const EngineParams &p, quint64 seed);
bool benchBulkImport(const QString &scratch, const EngineParams &p, quint64 seed);
bool benchMixed(const QString &scratch, const EngineParams &p, quint64 seed);

// EngineLargeIndexBench.cpp
bool buildLargeIndex(const QString &path, const EngineParams &p, quint64 seed);
void benchOpen(const QString &path, const EngineParams &p, quint64 seed);
void benchVerify(const QString &path);
void benchRowChecksums(const QString &path);

} // namespace sextant::bench
