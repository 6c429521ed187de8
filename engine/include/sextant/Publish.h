#pragma once
// Publishing an index to a PostgreSQL table with pgvector, incrementally and
// resumably (docs/postgres.md):
//
// - A plan first: the connection, the table's shape, and what must be sent.
//   The first publish sends everything. Later ones send only what changed
//   since the last completed one: the index's items are compared by id and
//   content hash (XXH3 of vector and metadata) with the list of what was
//   published, kept in the index folder (publish/) and matched with the
//   server's bookkeeping row in `sextant_publish` (index identity, publish
//   number, LSN). Without a matching local list (another machine, a lost
//   folder, a table published by another index with --upsert), the plan
//   compares with the table itself, row by row, and says so.
// - Then batches: each one transaction of a multi-row INSERT … ON CONFLICT
//   and a DELETE, which also counts the batch in `sextant_publish`. The ids
//   of the whole plan are recorded locally before the first batch, so an
//   interrupted publish (network, server restart, SIGKILL) is resumed by the
//   next one, which sends those ids again with their current values.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Index.h"
#include "sextant/Connection.h"
#include "sextant/Table.h"

#include <QHash>
#include <atomic>
#include <functional>

namespace sextant::postgres {

enum class TableMode {
    Existing, // the table must exist and have been published from this index (or be empty)
    Create,   // create the table (and the vector extension) when missing
    Upsert,   // write into any table of the right shape; never delete rows
};
enum class AnnIndexKind { Hnsw, IvfFlat, None };
SEXTANT_API std::optional<AnnIndexKind> annIndexKindFromName(const QString &name);

struct SEXTANT_API PublishOptions {
    QString conninfo;
    QString table;
    TableMode mode = TableMode::Existing;
    AnnIndexKind annIndex = AnnIndexKind::Hnsw;
    int batch = 500;
    static constexpr int kMaxBatch = 10000;
};

struct SEXTANT_API PublishPlan {
    QString target; // host:port/database, no password
    QString table;  // as given (display form)
    bool createTable = false;
    bool full = true; // everything is compared with the table itself (or sent, for a new one)
    QString how;      // one sentence: first publish, incremental since …, full comparison because …
    qint64 localItems = 0;
    qint64 upserts = 0;
    qint64 deletes = 0;
    qint64 unchanged = 0;
    quint64 indexLsn = 0;
    quint64 publishedLsn = 0; // of the last completed publish (0: none)
    qint64 publishNumber = 0; // the number this publish will get
    bool createAnnIndex = false;
    QString annIndexSql; // the CREATE INDEX it will run, if any
    QStringList notes;
};

struct SEXTANT_API PublishSummary {
    PublishPlan plan;
    qint64 upserted = 0;
    qint64 deleted = 0;
    qint64 batches = 0;
    qint64 bytes = 0; // parameter bytes sent
    double seconds = 0;
    bool annIndexCreated = false;
    QString exampleQuery; // SQL to run on the server: the 10 nearest rows to one item
};

// done/total are items (upserts + deletes); return false to cancel (after the current batch).
using PublishProgress = std::function<bool(qint64 done, qint64 total, qint64 bytes)>;

class SEXTANT_API Publisher {
public:
    Publisher(std::shared_ptr<Index> index, PublishOptions options);
    ~Publisher();

    // Connects, checks (or plans to create) the table, and works out what to send.
    // Sends nothing and changes nothing on the server.
    Result<PublishPlan> plan(const std::function<bool(qint64 done, qint64 total)> &progress = {});
    // Sends the plan (plan() first). Cancelling leaves a state the next run resumes.
    Result<PublishSummary> run(const PublishProgress &progress = {});
    // From any thread: stop after the current batch and interrupt a statement running now.
    void cancel();

    // Where the local record of publishes to this target lives (index folder/publish/…).
    QString localStatePath() const;

private:
    struct State;
    Error loadServerRow();
    Error compareWithServer(const std::function<bool(qint64, qint64)> &progress);
    Error sendBatch(const QList<QString> &ids, qint64 &bytes);
    Error writeLocalState(bool pending);

    std::shared_ptr<Index> m_index;
    PublishOptions m_options;
    std::unique_ptr<State> d;
    std::atomic<bool> m_cancelled{false};
};

} // namespace sextant::postgres
