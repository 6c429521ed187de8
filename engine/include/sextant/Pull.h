#pragma once
// Pulling a pgvector table into a local index (docs/postgres.md): id,
// vector, metadata (jsonb) and, when the table has them, text and uri. The
// rows come through a cursor in a read-only transaction, a page at a time,
// so memory stays bounded whatever the table's size.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Schema.h"
#include "sextant/Index.h"
#include "sextant/Table.h"

#include <atomic>
#include <functional>

namespace sextant::postgres {

struct SEXTANT_API PullSource {
    QString target;               // host:port/database
    QString table;                // display name
    QString vectorColumn;         // "embedding" or the table's only vector column
    int dimensions = 0;           // from the column's type
    std::optional<Metric> metric; // from the table's ANN index, when it has one
    bool hasMetadata = false, hasText = false, hasUri = false;
    qint64 estimatedRows = -1; // the planner's estimate (-1 when unknown)
};

struct SEXTANT_API PullOptions {
    QString conninfo;
    QString table;
    QString where; // an SQL condition, run as is inside a READ ONLY transaction
    int batch = 1000;
};

struct SEXTANT_API PullSummary {
    PullSource source;
    qint64 items = 0;
    qint64 bytes = 0; // text received
    double seconds = 0;
};

using PullProgress = std::function<bool(qint64 items, qint64 estimatedTotal, qint64 bytes)>; // false cancels

class SEXTANT_API Puller {
public:
    explicit Puller(PullOptions options);
    ~Puller();
    // Connects and checks the table: it needs an id column and one vector column.
    Result<PullSource> inspect();
    // Pulls into `index` (its dimensions must be the column's), upserting.
    Result<PullSummary> run(Index &index, const PullProgress &progress = {});
    void cancel();

private:
    struct State;
    PullOptions m_options;
    std::unique_ptr<State> d;
    std::atomic<bool> m_cancelled{false};
};

} // namespace sextant::postgres
