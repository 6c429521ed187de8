#pragma once
// One function per sextant-cli command; main.cpp parses the command line
// and calls them. Each returns the process exit code.

#include "CliSupport.h"

namespace sextant::cli {

int runCreate(Invocation &invocation);
int runInfo(Invocation &invocation);
int runGet(Invocation &invocation);
int runDelete(Invocation &invocation);
int runList(Invocation &invocation);
int runCount(Invocation &invocation);
int runVerify(Invocation &invocation); // IntegrityCommands.cpp
int runRepair(Invocation &invocation); // IntegrityCommands.cpp
int runCompact(Invocation &invocation);
int runCheckpoint(Invocation &invocation);
int runConvertGraph(Invocation &invocation);
int runExport(Invocation &invocation);         // ImportCommands.cpp
int runImport(Invocation &invocation);         // ImportCommands.cpp
int runQuery(Invocation &invocation);          // SearchCommands.cpp
int runRecall(Invocation &invocation);         // SearchCommands.cpp
int runTextQuery(Invocation &invocation);      // TextQuery.cpp
int runDocuments(Invocation &invocation);      // TextQuery.cpp
int runPublish(Invocation &invocation);        // PostgresCommands.cpp
int runPostgresImport(Invocation &invocation); // PostgresCommands.cpp: import --table
int runDuplicates(Invocation &invocation);     // ExploreCommands.cpp
int runMap(Invocation &invocation);            // ExploreCommands.cpp
int runCompare(Invocation &invocation);        // ExploreCommands.cpp
// runInsert lives in Ingest.h.

} // namespace sextant::cli
