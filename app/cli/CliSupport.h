#pragma once
// What every sextant-cli command shares: exit codes, output in text or JSON,
// error reporting, and opening an index the right way for reading or writing.

#include "core/Error.h"
#include "index/Index.h"

#include <QByteArrayView>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

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

// All output goes through here so that text and --json stay consistent and
// stdout carries only data.
class Console {
public:
    explicit Console(bool json) : m_json(json) {}
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
    std::optional<qint64> integerOption(const QString &option, qint64 minimum, qint64 maximum,
                                        int &exitCode) const;
};

// Commands that only read open the index read-only, so they work while
// another process writes and never change the folder.
Result<std::shared_ptr<Index>> openForReading(const QString &path);
// Commands that write take the writer lock; a refusal names the holder.
Result<std::shared_ptr<Index>> openForWriting(Console &console, const QString &path);
// The exit code for a failed open: 2 when the folder cannot be used at all.
int failOpen(Console &console, const Error &error);

// Closes a writer, reporting what close() says went wrong (its final
// checkpoint can fail on a full disk). Returns the exit code to use.
int closeIndex(Console &console, Index &index, int exitCode);

// Waits for a write and returns its result; a future that finished without
// one (cancelled by close) becomes an Error.
WriteResult waitForWrite(QFuture<WriteResult> future);

} // namespace sextant::cli
