// sextant-cli: the command line face of the Sextant engine. This file only
// parses the command line and dispatches; each command lives in
// ReadCommands.cpp, WriteCommands.cpp or Ingest.cpp. docs/cli.md is the
// manual.

#include "Commands.h"
#include "Ingest.h"

#include "sextant/Filter.h"

#include <QCoreApplication>

#include <cstdio>

using namespace sextant;
using namespace sextant::cli;

namespace {

// One command of the table below, written with designated initialisers;
// what an entry leaves out has the default shown here.
struct CommandSpec {
    QString name;
    QString syntax;                         // what follows the name in a usage line
    QString summary;                        // one sentence for --help
    QList<QCommandLineOption> options = {}; // a default, so an entry may leave it out
    int minArguments = 1;                   // positional arguments after the command name
    int maxArguments = 1;                   // -1: no limit
    bool changesIndex = false;
    int (*run)(Invocation &) = nullptr;
};

QCommandLineOption valueOption(const QString &name, const QString &description, const QString &valueName)
{
    return QCommandLineOption(name, description, valueName);
}

QList<CommandSpec> commandTable()
{
    const QCommandLineOption upsert(QStringLiteral("upsert"),
                                    QStringLiteral("Replace items whose id already exists instead of rejecting them."));
    const QCommandLineOption batch =
        valueOption(QStringLiteral("batch"), QStringLiteral("Write groups of N lines as all-or-nothing batches."),
                    QStringLiteral("N"));
    return {
        {.name = QStringLiteral("create"),
         .syntax =
             QStringLiteral("PATH (--dims N | --embedder hash|hash:N|openai) [--metric cosine|l2|dot] [--schema FILE] "
                            "[--durability full|normal|off] [--m N] [--ef-construction N] [--ef-search N] "
                            "[--target-recall R] [--quantization sq8|none]"),
         .summary = QStringLiteral("Create a new, empty index in the folder PATH."),
         .options =
             {valueOption(QStringLiteral("dims"), QStringLiteral("Dimensions of the vectors (1-8192)."),
                          QStringLiteral("N")),
              valueOption(QStringLiteral("embedder"),
                          QStringLiteral("An index for documents and text queries: the embedder that makes its vectors "
                                         "(hash, hash:N or openai; docs/embedders.md)."),
                          QStringLiteral("SPEC")),
              valueOption(QStringLiteral("metric"), QStringLiteral("Distance metric: cosine (default), l2 or dot."),
                          QStringLiteral("METRIC")),
              valueOption(QStringLiteral("schema"),
                          QStringLiteral("JSON file declaring metadata fields (and optionally dimensions and metric)."),
                          QStringLiteral("FILE")),
              valueOption(QStringLiteral("durability"),
                          QStringLiteral("When a write counts as done: full (default), normal or off."),
                          QStringLiteral("MODE")),
              valueOption(QStringLiteral("m"), QStringLiteral("HNSW graph degree M (2-128, default 16)."),
                          QStringLiteral("N")),
              valueOption(QStringLiteral("ef-construction"),
                          QStringLiteral("HNSW candidate list size while building (1-4096, default 200)."),
                          QStringLiteral("N")),
              valueOption(QStringLiteral("ef-search"),
                          QStringLiteral("HNSW candidate list size per query until the index has measured the ef "
                                         "that reaches its target recall (1-4096, default 64)."),
                          QStringLiteral("N")),
              valueOption(QStringLiteral("target-recall"),
                          QStringLiteral("The recall@10 the index keeps its search ef at (0.5-0.999, default 0.95)."),
                          QStringLiteral("R")),
              valueOption(QStringLiteral("quantization"),
                          QStringLiteral("How the HNSW graph holds vectors: sq8 (8-bit codes, reranked with the float "
                                         "vectors; the default) or none (float copies)."),
                          QStringLiteral("KIND"))},
         .changesIndex = true,
         .run = runCreate},
        {.name = QStringLiteral("info"),
         .syntax = QStringLiteral("PATH [--graph]"),
         .summary = QStringLiteral("Show the schema, size, state and lock holder of an index."),
         .options = {QCommandLineOption(
             QStringLiteral("graph"),
             QStringLiteral("Also load the HNSW graph (read-only) and report its state, size and memory."))},
         .run = runInfo},
        {.name = QStringLiteral("insert"),
         .syntax = QStringLiteral("PATH [--upsert] [--batch N]"),
         .summary = QStringLiteral(
             "Insert JSON Lines records from standard input; prints \"ok ID\" once each item is durable."),
         .options = {upsert, batch},
         .changesIndex = true,
         .run = runInsert},
        {.name = QStringLiteral("get"),
         .syntax = QStringLiteral("PATH ID"),
         .summary = QStringLiteral("Show one item: id, metadata and vector."),
         .minArguments = 2,
         .maxArguments = 2,
         .run = runGet},
        {.name = QStringLiteral("delete"),
         .syntax = QStringLiteral("PATH ID..."),
         .summary = QStringLiteral("Delete items by id."),
         .minArguments = 2,
         .maxArguments = -1,
         .changesIndex = true,
         .run = runDelete},
        {.name = QStringLiteral("list"),
         .syntax = QStringLiteral("PATH [--after ID] [--limit N]"),
         .summary = QStringLiteral("List item ids in id order."),
         .options = {valueOption(QStringLiteral("after"),
                                 QStringLiteral("Start after this id (the last id of the previous page)."),
                                 QStringLiteral("ID")),
                     valueOption(QStringLiteral("limit"), QStringLiteral("List at most N items."),
                                 QStringLiteral("N"))},
         .run = runList},
        {.name = QStringLiteral("count"),
         .syntax = QStringLiteral("PATH"),
         .summary = QStringLiteral("Print the number of items."),
         .run = runCount},
        {.name = QStringLiteral("verify"),
         .syntax = QStringLiteral("PATH [--full]"),
         .summary = QStringLiteral("Check an index without opening it; exit status 1 when something is wrong."),
         .options = {QCommandLineOption(
             QStringLiteral("full"),
             QStringLiteral("Also check every file's SHA-256, every vector and metadata document, the "
                            "id map and the graph's recall."))},
         .run = runVerify},
        {.name = QStringLiteral("repair"),
         .syntax = QStringLiteral("PATH [--dry-run] [--yes] [--no-backup] [--backup FILE]"),
         .summary = QStringLiteral(
             "Verify fully, print a repair plan, and carry it out after a backup; what cannot be restored "
             "goes to quarantine/."),
         .options = {QCommandLineOption(QStringLiteral("dry-run"), QStringLiteral("Print the plan; change nothing.")),
                     QCommandLineOption(QStringLiteral("yes"), QStringLiteral("Carry out the plan without asking.")),
                     QCommandLineOption(QStringLiteral("no-backup"),
                                        QStringLiteral("Do not write a backup archive first.")),
                     valueOption(QStringLiteral("backup"),
                                 QStringLiteral("Where the backup archive goes (default: beside the index folder)."),
                                 QStringLiteral("FILE"))},
         .changesIndex = true,
         .run = runRepair},
        {.name = QStringLiteral("compact"),
         .syntax = QStringLiteral("PATH"),
         .summary = QStringLiteral("Fold the write-ahead log into segments and rewrite them without deleted rows."),
         .changesIndex = true,
         .run = runCompact},
        {.name = QStringLiteral("checkpoint"),
         .syntax = QStringLiteral("PATH"),
         .summary = QStringLiteral(
             "Fold the write-ahead log into a new segment and start a fresh log; deleted rows stay until compact."),
         .changesIndex = true,
         .run = runCheckpoint},
        {.name = QStringLiteral("convert-graph"),
         .syntax = QStringLiteral("PATH --quantization sq8|none [--no-graph]"),
         .summary = QStringLiteral("Convert the HNSW graph to 8-bit codes (sq8) or float vectors (none) and rebuild "
                                   "it from the vectors."),
         .options = {valueOption(QStringLiteral("quantization"),
                                 QStringLiteral("How the graph holds vectors: sq8 (8-bit codes) or none (float "
                                                "vectors)."),
                                 QStringLiteral("KIND")),
                     QCommandLineOption(QStringLiteral("no-graph"),
                                        QStringLiteral("Only switch; the next process that keeps a graph builds it."))},
         .changesIndex = true,
         .run = runConvertGraph},
        {.name = QStringLiteral("export"),
         .syntax = QStringLiteral("PATH [DEST] [--format jsonl|npy|vectra|archive]"),
         .summary = QStringLiteral(
             "Write every item to DEST (standard output for jsonl and npy when left out), or back up the folder."),
         .options = {valueOption(
             QStringLiteral("format"),
             QStringLiteral("jsonl (default), npy (vectors; ids beside DEST), vectra (a Vectra folder) or "
                            "archive (a .tar.zst backup)."),
             QStringLiteral("FORMAT"))},
         .maxArguments = 2,
         .run = runExport},
        {.name = QStringLiteral("import"),
         .syntax = QStringLiteral(
             "PATH SOURCE... [--format auto|vectra|langchain|jsonl|csv|npy|fvecs|bvecs|archive] [--docs] [--upsert] "
             "[--batch N] [--no-graph] [--report FILE] [--embedder SPEC] [--chunk-size N] [--chunk-overlap N] "
             "[--chunk-unit characters|tokens]\n"
             "       import PATH CONNINFO --table NAME [--where SQL] [--metric cosine|l2|dot] [--batch N]"),
         .summary = QStringLiteral(
             "Import vector files, Vectra or LangChain folders, documents, a backup, or a PostgreSQL table "
             "(--table); creates the index when PATH holds none."),
         .options =
             {upsert, batch,
              QCommandLineOption(
                  QStringLiteral("no-graph"),
                  QStringLiteral("Do not bring the HNSW graph up to date (the next process that loads it does).")),
              valueOption(QStringLiteral("format"),
                          QStringLiteral(
                              "What the sources are (default auto: by name and content; archive restores a backup)."),
                          QStringLiteral("FORMAT")),
              QCommandLineOption(QStringLiteral("docs"),
                                 QStringLiteral("Read every source as documents (files, folders, zip/tar).")),
              valueOption(QStringLiteral("report"),
                          QStringLiteral("Write every rejected record to FILE, one JSON object per line "
                                         "(file, line, column, where, id, message)."),
                          QStringLiteral("FILE")),
              valueOption(
                  QStringLiteral("embedder"),
                  QStringLiteral("For documents in a new index: hash (default), hash:N or openai (docs/embedders.md)."),
                  QStringLiteral("SPEC")),
              valueOption(QStringLiteral("chunk-size"), QStringLiteral("Chunk size for documents (default 1000)."),
                          QStringLiteral("N")),
              valueOption(
                  QStringLiteral("chunk-overlap"),
                  QStringLiteral(
                      "How much each chunk repeats of the one before (default 150; at most a quarter of the size)."),
                  QStringLiteral("N")),
              valueOption(QStringLiteral("chunk-unit"),
                          QStringLiteral("characters (default) or tokens (words and punctuation)."),
                          QStringLiteral("UNIT")),
              valueOption(QStringLiteral("table"),
                          QStringLiteral("Pull this PostgreSQL table (pgvector) from CONNINFO (docs/postgres.md)."),
                          QStringLiteral("NAME")),
              valueOption(QStringLiteral("where"),
                          QStringLiteral("With --table: only the rows this SQL condition selects."),
                          QStringLiteral("SQL")),
              valueOption(QStringLiteral("metric"),
                          QStringLiteral("With --table, for a new index: cosine, l2 or dot (default: the "
                                         "table's ANN index's, else cosine)."),
                          QStringLiteral("METRIC"))},
         .minArguments = 2,
         .maxArguments = -1,
         .changesIndex = true,
         .run = runImport},
        {.name = QStringLiteral("publish"),
         .syntax =
             QStringLiteral("PATH CONNINFO --table NAME [--create|--upsert] [--index hnsw|ivfflat|none] [--batch N]"),
         .summary = QStringLiteral(
             "Publish the index to a PostgreSQL table with pgvector, sending only what changed since the "
             "last publish."),
         .options = {valueOption(QStringLiteral("table"), QStringLiteral("The table: NAME or SCHEMA.NAME."),
                                 QStringLiteral("NAME")),
                     QCommandLineOption(QStringLiteral("create"),
                                        QStringLiteral("Create the table (and the vector extension) when missing.")),
                     QCommandLineOption(
                         QStringLiteral("upsert"),
                         QStringLiteral("Write into a table that holds other rows too; never delete rows.")),
                     valueOption(QStringLiteral("index"),
                                 QStringLiteral("The ANN index to create when the table has none: hnsw (default, "
                                                "with the index's M and efConstruction), ivfflat or none."),
                                 QStringLiteral("KIND")),
                     valueOption(QStringLiteral("batch"),
                                 QStringLiteral("Rows per INSERT and transaction (1-10000, default 500)."),
                                 QStringLiteral("N"))},
         .minArguments = 2,
         .maxArguments = 2,
         .run = runPublish},
        {.name = QStringLiteral("query"),
         .syntax = QStringLiteral(
             "PATH (--vector JSON|-|@FILE | --like ID | --text WORDS [--mode hybrid|vector|keyword]) [-k N] "
             "[--filter JSON|@FILE] [--exact|--ann] [--ef N] [--with-vectors] [--no-metadata]"),
         .summary = QStringLiteral("Find the k items nearest to a vector, to an item, or to a text."),
         .options =
             {valueOption(QStringLiteral("vector"),
                          QStringLiteral(
                              "The query vector as a JSON array; - reads it from standard input, @FILE from a file."),
                          QStringLiteral("JSON")),
              valueOption(QStringLiteral("like"),
                          QStringLiteral("Use this item's vector (the item itself is left out)."),
                          QStringLiteral("ID")),
              valueOption(
                  QStringLiteral("text"),
                  QStringLiteral("Search a document index for this text, embedded with the index's own embedder."),
                  QStringLiteral("WORDS")),
              valueOption(QStringLiteral("mode"),
                          QStringLiteral(
                              "With --text: hybrid (default: meaning and keywords fused by rank), vector or keyword."),
                          QStringLiteral("MODE")),
              valueOption(QStringLiteral("k"), QStringLiteral("How many results (1-10000, default 10)."),
                          QStringLiteral("N")),
              valueOption(
                  QStringLiteral("filter"),
                  QStringLiteral(
                      "Only items whose metadata match this filter (docs/filters.md); @FILE reads it from a file."),
                  QStringLiteral("JSON")),
              QCommandLineOption(QStringLiteral("exact"),
                                 QStringLiteral("Scan every (matching) item: the true top k (the default).")),
              QCommandLineOption(QStringLiteral("ann"),
                                 QStringLiteral("Search the HNSW graph (loaded or built first; approximate).")),
              valueOption(QStringLiteral("ef"), QStringLiteral("With --ann: the graph's candidate list size (1-4096)."),
                          QStringLiteral("N")),
              QCommandLineOption(QStringLiteral("with-vectors"), QStringLiteral("Also print each result's vector.")),
              QCommandLineOption(QStringLiteral("no-metadata"), QStringLiteral("Leave out the results' metadata."))},
         .run = runQuery},
        {.name = QStringLiteral("documents"),
         .syntax = QStringLiteral("PATH"),
         .summary = QStringLiteral(
             "List the documents a document index holds: uri, title, type, chunks and their character ranges."),
         .run = runDocuments},
        {.name = QStringLiteral("recall"),
         .syntax = QStringLiteral("PATH [--sample N] [-k N] [--ef N]"),
         .summary =
             QStringLiteral("Measure the HNSW graph's recall@k against exact search, using sampled items as queries."),
         .options = {valueOption(QStringLiteral("sample"),
                                 QStringLiteral("How many items to use as queries (1-100000, default 100)."),
                                 QStringLiteral("N")),
                     valueOption(QStringLiteral("k"), QStringLiteral("Recall at k (1-10000, default 10)."),
                                 QStringLiteral("N")),
                     valueOption(
                         QStringLiteral("ef"),
                         QStringLiteral("The graph's candidate list size (1-4096; default: the index's efSearch)."),
                         QStringLiteral("N"))},
         .run = runRecall},
        {.name = QStringLiteral("duplicates"),
         .syntax = QStringLiteral(
             "PATH [--threshold T] [--filter JSON] [--neighbours N] [--delete [--keep first|last|FIELD] [--yes]]"),
         .summary = QStringLiteral(
             "Find groups of near-duplicate items through the HNSW graph; with --delete --yes keep one per group."),
         .options =
             {valueOption(QStringLiteral("threshold"),
                          QStringLiteral("cosine: the least similarity (-1..1, default 0.98); dot: the least inner "
                                         "product; l2: the largest distance."),
                          QStringLiteral("T")),
              valueOption(QStringLiteral("filter"),
                          QStringLiteral("Only items whose metadata match this filter (docs/filters.md)."),
                          QStringLiteral("JSON")),
              valueOption(QStringLiteral("neighbours"),
                          QStringLiteral("Graph neighbours looked at per item at first (1-1024, default 16)."),
                          QStringLiteral("N")),
              QCommandLineOption(
                  QStringLiteral("delete"),
                  QStringLiteral("List the items that keeping one per group would delete (a dry run without --yes).")),
              valueOption(
                  QStringLiteral("keep"),
                  QStringLiteral(
                      "Which item of a group stays: first (default), last (by id) or the greatest value of FIELD."),
                  QStringLiteral("RULE")),
              QCommandLineOption(QStringLiteral("yes"), QStringLiteral("With --delete: delete them, as one batch."))},
         .run = runDuplicates}, // changes the index only with --delete --yes (checked there)
        {.name = QStringLiteral("map"),
         .syntax = QStringLiteral("PATH --out FILE.csv [--method umap|pca] [--sample N] [--seed S] [--colour FIELD] "
                                  "[--neighbours K] [--epochs N] [--min-dist D]"),
         .summary = QStringLiteral(
             "Lay the items out in 2-D (UMAP on the HNSW graph, or PCA) and write id, x, y and a field as CSV."),
         .options =
             {valueOption(QStringLiteral("out"), QStringLiteral("The CSV file to write (must not exist)."),
                          QStringLiteral("FILE")),
              valueOption(QStringLiteral("method"), QStringLiteral("umap (default) or pca."), QStringLiteral("METHOD")),
              valueOption(QStringLiteral("sample"),
                          QStringLiteral("At most N items, a seeded sample (default 200000)."), QStringLiteral("N")),
              valueOption(QStringLiteral("seed"), QStringLiteral("The seed of the sample and the layout (default 1)."),
                          QStringLiteral("S")),
              valueOption(QStringLiteral("colour"), QStringLiteral("A metadata field written as the fourth column."),
                          QStringLiteral("FIELD")),
              valueOption(QStringLiteral("neighbours"),
                          QStringLiteral("UMAP: neighbours per item (2-200, default 15)."), QStringLiteral("K")),
              valueOption(QStringLiteral("epochs"),
                          QStringLiteral("UMAP: optimisation epochs (default 200, 500 below 10000 items)."),
                          QStringLiteral("N")),
              valueOption(QStringLiteral("min-dist"),
                          QStringLiteral("UMAP: how tightly points may pack (0-1, default 0.1)."),
                          QStringLiteral("D"))},
         .run = runMap},
        {.name = QStringLiteral("compare"),
         .syntax = QStringLiteral("A B (--queries FILE | --sample N) [-k K] [--seed S] [--filter JSON]"),
         .summary = QStringLiteral(
             "Run the same queries on two indexes and report overlap@k and rank correlation per query and overall."),
         .options = {valueOption(
                         QStringLiteral("queries"),
                         QStringLiteral("A file of queries: texts, JSON vectors or {\"id\": ...} items, one a line."),
                         QStringLiteral("FILE")),
                     valueOption(QStringLiteral("sample"),
                                 QStringLiteral(
                                     "Use N items of A (seeded sample) that B also holds, as \"similar to\" queries."),
                                 QStringLiteral("N")),
                     valueOption(QStringLiteral("k"), QStringLiteral("Results per query (1-10000, default 10)."),
                                 QStringLiteral("K")),
                     valueOption(QStringLiteral("seed"), QStringLiteral("The seed of --sample (default 1)."),
                                 QStringLiteral("S")),
                     valueOption(QStringLiteral("filter"),
                                 QStringLiteral("Only items whose metadata match this filter, on both."),
                                 QStringLiteral("JSON"))},
         .minArguments = 2,
         .maxArguments = 2,
         .run = runCompare},
    };
}

const QCommandLineOption &jsonOption()
{
    static const QCommandLineOption option(QStringLiteral("json"), QStringLiteral("Print results and errors as JSON."));
    return option;
}

const QCommandLineOption &readOnlyOption()
{
    static const QCommandLineOption option(
        QStringLiteral("read-only"),
        QStringLiteral("Refuse to change the index (reading commands always open it read-only)."));
    return option;
}

void printOverview()
{
    QString text = QStringLiteral("Usage: sextant-cli COMMAND [options] PATH ...\n\n"
                                  "Commands:\n");
    for (const CommandSpec &command : commandTable())
        text += QStringLiteral("  %1 %2\n").arg(command.name, -8).arg(command.summary);
    text += QStringLiteral("\nGlobal options:\n"
                           "  --json       Print results and errors as JSON.\n"
                           "  --read-only  Refuse to change the index.\n"
                           "  --help       Show help (after a command: that command's help).\n"
                           "  --version    Show the version.\n\n"
                           "Exit status: 0 success, 1 a problem found or input rejected, 2 a usage or I/O error.\n"
                           "Run 'sextant-cli COMMAND --help' for a command's options; docs/cli.md is the manual.\n");
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.data(), 1, size_t(utf8.size()), stdout);
}

// Shows bytes that are not all UTF-8: the valid runs as text, each invalid
// byte as \xHH, cut like every other value in a message.
QString bytesForDisplay(QByteArrayView bytes)
{
    QString text;
    while (!bytes.isEmpty()) {
        const qsizetype bad = invalidUtf8Offset(bytes);
        if (bad < 0) {
            text += QString::fromUtf8(bytes);
            break;
        }
        text += QString::fromUtf8(bytes.first(bad));
        text += QStringLiteral("\\x%1").arg(uint(uchar(bytes[bad])), 2, 16, QLatin1Char('0'));
        bytes = bytes.sliced(bad + 1);
    }
    return text;
}

// Qt turns the bytes of the command line into text by replacing what is not
// UTF-8 with U+FFFD, so `delete idx $'a\xfeb'` would name another item
// (a\ufffdb). Every argument is checked as bytes first: a filter gets the
// filter language's own error (as --filter @FILE does), anything else (an
// id, a vector, a path, a name) a usage error naming the argument and the
// byte. Returns the exit code, or -1 when every argument is UTF-8.
int checkArgumentBytes(Console &console, const QList<QByteArray> &raw)
{
    for (qsizetype i = 1; i < raw.size(); ++i) {
        const QByteArray &argument = raw[i];
        const qsizetype bad = invalidUtf8Offset(argument);
        if (bad < 0) continue;
        QByteArrayView filterText;
        if (argument.startsWith("--filter="))
            filterText = QByteArrayView(argument).sliced(9);
        else if (i > 1 && raw[i - 1] == "--filter")
            filterText = argument;
        if (filterText.data() != nullptr) {
            const Result<Filter> filter = Filter::parse(filterText);
            if (!filter.ok()) return console.fail(filter.error());
        }
        return console.usageError(
            QStringLiteral("Argument %1 (\"%2\") is not valid UTF-8: byte %3 is 0x%4. "
                           "Ids, filters, vectors, names and paths are taken as UTF-8 text; nothing was done.")
                .arg(i)
                .arg(shown(bytesForDisplay(argument)))
                .arg(bad)
                .arg(uint(uchar(argument[bad])), 2, 16, QLatin1Char('0')));
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QList<QByteArray> rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments.append(QByteArray(argv[i]));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sextant-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
    const QStringList arguments = QCoreApplication::arguments();

    // Global options take no value, so the first word that is not an option
    // names the command.
    QString commandName;
    bool wantsHelp = false, wantsVersion = false, wantsJson = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == u"--") break;
        if (argument == u"--help" || argument == u"-h")
            wantsHelp = true;
        else if (argument == u"--version")
            wantsVersion = true;
        else if (argument == u"--json")
            wantsJson = true;
        else if (!argument.startsWith(u'-') && commandName.isEmpty())
            commandName = argument;
    }

    Console console(wantsJson);
    if (const int exitCode = checkArgumentBytes(console, rawArguments); exitCode >= 0) return exitCode;
    if (commandName.isEmpty()) {
        if (wantsVersion) {
            console.printLine(QStringLiteral("sextant-cli %1").arg(QCoreApplication::applicationVersion()));
            console.flush();
            return ExitSuccess;
        }
        if (wantsHelp) {
            printOverview();
            return ExitSuccess;
        }
        return console.usageError(
            QStringLiteral("No command given. Run 'sextant-cli --help' for the list of commands."));
    }

    const QList<CommandSpec> commands = commandTable();
    const auto spec =
        std::find_if(commands.begin(), commands.end(), [&](const CommandSpec &c) { return c.name == commandName; });
    if (spec == commands.end())
        return console.usageError(
            QStringLiteral("Unknown command \"%1\". Run 'sextant-cli --help' for the list.").arg(shown(commandName)));

    QCommandLineParser parser;
    parser.setApplicationDescription(spec->summary);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    const QCommandLineOption versionOption(QStringLiteral("version"), QStringLiteral("Show the version."));
    parser.addOption(helpOption);
    parser.addOption(versionOption);
    parser.addOption(jsonOption());
    parser.addOption(readOnlyOption());
    parser.addOptions(spec->options);
    parser.addPositionalArgument(spec->name, spec->summary, QStringLiteral("%1 %2").arg(spec->name, spec->syntax));

    if (!parser.parse(arguments)) {
        QString problem = parser.errorText();
        if (!problem.endsWith(u'.')) problem += u'.';
        return console.usageError(
            QStringLiteral("%1 Run 'sextant-cli %2 --help' for its options.").arg(problem, spec->name));
    }
    if (parser.isSet(helpOption)) {
        console.write(parser.helpText().toUtf8());
        console.flush();
        return ExitSuccess;
    }
    if (parser.isSet(versionOption)) {
        console.printLine(QStringLiteral("sextant-cli %1").arg(QCoreApplication::applicationVersion()));
        console.flush();
        return ExitSuccess;
    }

    QStringList positional = parser.positionalArguments();
    positional.removeFirst(); // the command name
    const qsizetype count = positional.size();
    if (count < spec->minArguments || (spec->maxArguments >= 0 && count > spec->maxArguments))
        return console.usageError(
            QStringLiteral("Wrong arguments for %1. Usage: sextant-cli %1 %2").arg(spec->name, spec->syntax));
    const bool readOnly = parser.isSet(readOnlyOption());
    if (readOnly && spec->changesIndex)
        return console.usageError(QStringLiteral("%1 changes the index, which --read-only forbids.").arg(spec->name));

    Invocation invocation{console, parser, positional};
    const int exitCode = spec->run(invocation);
    console.flush();
    return exitCode;
}
