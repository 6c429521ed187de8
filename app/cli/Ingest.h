#pragma once
// `insert` and `import`: JSON Lines in, writes out, with every line either
// acknowledged once durable or reported with its line number.
//
// The reading thread parses each line and submits it at once, so many
// writes are in flight and the engine's group commit can share one
// fdatasync among them. A second thread waits for the futures in submission
// order and prints each acknowledgement as soon as its write is durable,
// flushing before it waits for anything, so whatever a killed process
// printed is exactly what is stored.

#include "CliSupport.h"
#include "LineReader.h"

namespace sextant::cli {

struct IngestOptions {
    bool upsert = false;
    int batchSize = 0; // 0: every line is its own write; N: groups of N lines, all or nothing
    Priority priority = Priority::Interactive;
    bool acknowledgeEachItem = true; // insert prints "ok ID" lines; import only errors and a summary
    // Without --batch, group valid lines into bulk chunks (import): same
    // per-line outcome, but the engine can ingest them into segments.
    bool chunked = false;
    // import --report: every rejected line also goes here, as from `reportSource`.
    ProblemReport *report = nullptr;
    QString reportSource;
};

struct IngestSummary {
    qint64 lines = 0;      // records read (blank lines are not counted)
    qint64 written = 0;    // records acknowledged
    qint64 rejected = 0;   // records not written because of a problem with them or their batch
    qint64 notWritten = 0; // records left unwritten because the index or the input failed
    Error failure;         // why ingest stopped early, if it did
};

IngestSummary ingestLines(Console &console, Index &index, LineReader &reader, const IngestOptions &options);

int runInsert(Invocation &invocation);
// `import` of one JSON Lines file into the index at invocation.path()
// (ImportCommands.cpp decides when).
int runJsonLinesImport(Invocation &invocation, const QString &fileName);

} // namespace sextant::cli
