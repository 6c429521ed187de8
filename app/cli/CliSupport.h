#pragma once
// What every sextant-cli command shares: exit codes, output in text or JSON,
// error reporting, and opening an index the right way for reading or writing.

#include "sextant/Error.h"
#include "sextant/Index.h"

#include <QByteArrayView>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdio>
#include <memory>
#include <optional>

namespace sextant::cli {

// The contract with scripts (docs/cli.md): 0 success, 1 a problem found or
// input rejected, 2 a usage or I/O error.
enum ExitCode { ExitSuccess = 0, ExitProblem = 1, ExitUsageOrIo = 2 };

// Errors about one item or one line of input, as opposed to errors about the
// index, the disk or the command line.
bool isInputRejection(ErrorCode code);
int exitCodeFor(ErrorCode code);

QJsonObject errorToJson(const Error &error);
// "1.5 MiB" style sizes for text output.
QString humanBytes(qint64 bytes);
// "0.1 -2 3e-05": each float in the shortest form that reads back to it.
QString vectorToText(const QVector<float> &vector);

// Text from outside (ids, titles, uris, file names, filters, lines of
// input) as it may appear in a message or a text listing: control
// characters (C0, DEL, C1) and the bidirectional overrides a terminal or
// editor would act on are written as escapes (\x1b, \x00, \u202e), so
// nothing read can move the cursor, recolour the terminal or hide a part of
// the line. escapeControls keeps the length; shown also shortens values
// longer than `maxChars` characters to their start and how much was left
// out. JSON output never goes through these: it is exact JSON.
QString escapeControls(const QString &text);
constexpr qsizetype kMaxShownChars = 120;
QString shown(const QString &value, qsizetype maxChars = kMaxShownChars);

// Where the bytes of a --vector -, --vector @FILE or --filter @FILE come
// from. Reads to the end (a pipe delivers its input in pieces), at most
// `limit` bytes; more is an Error(MalformedInput) naming `what` and the limit.
Result<QByteArray> readStandardInputLimited(qint64 limit, const QString &what);
Result<QByteArray> readFileLimited(const QString &fileName, qint64 limit, const QString &what);

// The first byte of `bytes` that is not part of valid UTF-8 (overlong
// forms, surrogates and values past U+10FFFF included), or -1.
qsizetype invalidUtf8Offset(QByteArrayView bytes);

// All output goes through here so that text and --json stay consistent and
// stdout carries only data.
class Console {
public:
    explicit Console(bool json) : m_json(json) { }
    bool json() const { return m_json; }

    void write(QByteArrayView bytes);          // stdout, as is
    void printLine(const QString &text);       // stdout, one line
    void printJson(const QJsonObject &object); // stdout, one compact line
    void printError(const QString &message);   // stderr, "sextant-cli: ..."
    void flush();

    // Reports `error` (stderr; with --json also {"error":...} on stdout) and
    // returns the exit code for it.
    int fail(const Error &error);
    int fail(const Error &error, int exitCode);
    int usageError(const QString &message);

private:
    bool m_json;
};

// import --report FILE: every problem of an import, one JSON object per
// line: {"file", "line", "column", "where", "id", "message"} (line and
// column null when the problem has none, id only when known). Messages on
// standard error stop after a few per file; this file never does.
class ProblemReport {
public:
    // Creates (or empties) FILE. An unusable file is an Io error, before anything is imported.
    Error open(const QString &fileName);
    bool isOpen() const { return m_file != nullptr; }
    const QString &fileName() const { return m_fileName; }
    qint64 count() const { return m_count; }
    // `where` is the source's "line 12", "row 7", "items[3]"; `line` and
    // `column` (1-based, 0 when unknown) are the error's fields.
    void add(const QString &file, const QString &where, const QString &id, const QString &message, qint64 line = 0,
             qint64 column = 0);
    // Flushes and closes; a failed write (a full disk) is an Io error.
    Error close();
    ~ProblemReport();

private:
    std::FILE *m_file = nullptr;
    QString m_fileName;
    qint64 m_count = 0;
    bool m_failed = false;
};

// One run of one command: its positional arguments (after the command name)
// and the parsed options.
struct Invocation {
    Console &console;
    const QCommandLineParser &parser;
    QStringList arguments;

    QString path() const { return arguments.value(0); }
    bool isSet(const QString &option) const { return parser.isSet(option); }
    QString value(const QString &option) const { return parser.value(option); }
    // A whole number option within [minimum, maximum]; nullopt (after
    // reporting a usage error in `exitCode`) when it is not one.
    std::optional<qint64> integerOption(const QString &option, qint64 minimum, qint64 maximum, int &exitCode) const;
    // The bytes of --filter: the JSON itself, or with @FILE the file's
    // bytes (up to the filter language's 1 MiB, which a command line cannot
    // reach). Empty when the option is not set.
    Result<QByteArray> filterText() const;
};

// Whether an open loads (or builds) the index's HNSW graph. A one-shot
// process that does not search leaves it off: loading a graph costs more
// than the command itself, and building one more than one exact scan.
enum class GraphUse { Off, On };

// Commands that only read open the index read-only, so they work while
// another process writes and never change the folder.
Result<std::shared_ptr<Index>> openForReading(const QString &path, GraphUse graph = GraphUse::Off);
// Commands that write take the writer lock; a refusal names the holder.
Result<std::shared_ptr<Index>> openForWriting(Console &console, const QString &path, GraphUse graph = GraphUse::Off);
// The exit code for a failed open: 2 when the folder cannot be used at all.
int failOpen(Console &console, const Error &error);

// Closes a writer, reporting what close() says went wrong (its final
// checkpoint can fail on a full disk). Returns the exit code to use.
int closeIndex(Console &console, Index &index, int exitCode);

// Flushes standard output; a failed write (a full disk, a closed pipe)
// turns `exitCode` into an I/O error. Commands that print data end with it.
int checkStandardOutput(Console &console, int exitCode);

// How long a command waits for the graph to take in every committed change
// (loading a saved one, or building it): generous, since building a large
// graph on a small machine takes minutes; Ctrl-C is always safe meanwhile.
constexpr int kGraphWaitMs = 60 * 60 * 1000;

struct GraphWait {
    bool ready = false; // the graph holds every committed change
    double seconds = 0; // time spent waiting
    GraphStatus status; // as it was when the wait ended
};
// Waits until the index's graph is current. In text mode, when that takes
// over a second, its progress goes to stderr; a graph that failed or is not
// ready in time gets a warning there (the caller decides what follows).
GraphWait waitForGraph(Console &console, const Index &index, int timeoutMs = kGraphWaitMs);

// Waits for a write and returns its result; a future that finished without
// one (cancelled by close) becomes an Error.
WriteResult waitForWrite(QFuture<WriteResult> future);

} // namespace sextant::cli
