#pragma once
// Vector files and folders (sextant/VectorSource.h) into an index, in bulk
// batches. Each item is checked against the schema first: an item that does
// not fit (wrong dimension, an id already present on insert, metadata over
// the limit) is reported with where it came from and left out, and the rest
// of its batch is written. Runs on the caller's thread, never the GUI's.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Schema.h"
#include "sextant/Index.h"
#include "sextant/DocumentImport.h"
#include "sextant/VectorSource.h"

#include <functional>

namespace sextant::formats {

struct SEXTANT_API VectorImportOptions {
    int batchSize = 1000;
    bool upsert = false;    // replace items whose id is present (else they are reported and left out)
    int maxProblems = 1000; // problems kept in the summary (all are counted)
    // Called for every problem, kept or not (sextant-cli import --report).
    std::function<void(const SourceProblem &)> onProblem;
};

struct SEXTANT_API VectorImportSummary {
    qint64 read = 0; // items the source gave
    qint64 written = 0;
    qint64 rejected = 0;           // read but not written (problems of the item)
    qint64 unreadable = 0;         // records the source could not read (its problems)
    QList<SourceProblem> problems; // both kinds, at most maxProblems
    double seconds = 0;
    bool cancelled = false;
    Error error; // set when the import stopped early (source or index failure)
};

SEXTANT_API VectorImportSummary
importVectors(Index &index, VectorSource &source, const VectorImportOptions &options = {},
              const std::function<bool(const documents::ImportProgress &)> &progress = {});

// The schema of a new index for this source: its dimensions, its metric
// (cosine when it names none) and default everything else.
SEXTANT_API Schema schemaForSource(const SourceShape &shape);

} // namespace sextant::formats
