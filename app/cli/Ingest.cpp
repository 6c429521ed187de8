#include "Ingest.h"

#include "ParallelLineParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace sextant::cli {

namespace {

// Enough writes in flight for group commit to fill its batches, few enough
// that a slow disk does not pile up gigabytes of parsed vectors.
constexpr qsizetype kMaxItemsInFlight = 8192;

struct LineRecord {
    qint64 line = 0;
    QString id; // empty when the line could not be parsed
};

struct LineProblem {
    qint64 line = 0;
    QString id;
    Error error;
};

// One write, or one line rejected before it could become a write.
struct Submission {
    QList<LineRecord> records;   // in line order; several for a --batch group
    QList<LineProblem> problems; // found before submitting: the write was never made
    QFuture<WriteResult> future; // valid when problems is empty
    bool isBatch = false;
    // A chunk: independent lines written as one bulk batch so the engine can
    // ingest them straight into a segment. If the batch is refused because
    // of one line (an id that exists), its lines are written one by one.
    QList<WriteOp> chunkOps;
};

// Import groups this many valid lines into one bulk write; from 2,048 items
// on the engine writes a bulk batch straight into a segment.
constexpr qsizetype kChunkItems = 4096;

QString describeLine(qint64 line, const QString &id)
{
    if (id.isEmpty()) return QStringLiteral("line %1").arg(line);
    return QStringLiteral("line %1: item \"%2\"").arg(line).arg(shown(id));
}

// Waits for submissions in order and reports each one. Runs on its own
// thread so acknowledgements go out while the reader blocks on input.
class AckReporter {
public:
    AckReporter(Console &console, Index &index, const IngestOptions &options)
        : m_console(console), m_index(index), m_priority(options.priority),
          m_acknowledgeEachItem(options.acknowledgeEachItem), m_report(options.report),
          m_reportSource(options.reportSource), m_thread([this] { run(); })
    {
    }

    ~AckReporter() { finish(); }

    // Blocks while too many items are in flight.
    void push(Submission submission)
    {
        const qsizetype weight = submission.records.size();
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_itemsQueued + weight <= kMaxItemsInFlight || m_queue.empty(); });
        m_itemsQueued += weight;
        m_queue.push_back(std::move(submission));
        lock.unlock();
        m_notEmpty.notify_one();
    }

    // Reports everything queued, then stops the thread.
    void finish()
    {
        if (!m_thread.joinable()) return;
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_notEmpty.notify_one();
        m_thread.join();
    }

    bool indexFailed() const { return m_indexFailed.load(); }
    // Valid after finish().
    const IngestSummary &summary() const { return m_summary; }

private:
    void run()
    {
        for (;;) {
            std::unique_lock lock(m_mutex);
            if (m_queue.empty() && !m_closed) {
                // Everything printed so far must reach the reader before
                // this thread waits for anything.
                lock.unlock();
                m_console.flush();
                lock.lock();
                m_notEmpty.wait(lock, [&] { return !m_queue.empty() || m_closed; });
            }
            if (m_queue.empty()) break;
            Submission submission = std::move(m_queue.front());
            m_queue.pop_front();
            m_itemsQueued -= submission.records.size();
            lock.unlock();
            m_notFull.notify_one();

            if (submission.problems.isEmpty() && !submission.future.isFinished()) m_console.flush();
            report(submission);
        }
        m_console.flush();
    }

    void report(Submission &submission)
    {
        const qsizetype count = submission.records.size();
        if (!submission.problems.isEmpty()) {
            for (const LineProblem &problem : submission.problems)
                reportLine(problem.line, problem.id, problem.error);
            if (submission.isBatch)
                reportBatchNotWritten(submission,
                                      QStringLiteral("line %1 was rejected.").arg(submission.problems.first().line),
                                      submission.problems.first().error.code());
            m_summary.rejected += count;
            return;
        }

        const WriteResult result = waitForWrite(submission.future);
        if (!result.error.ok() && !submission.chunkOps.isEmpty() && isInputRejection(result.error.code())) {
            writeChunkOneByOne(submission);
            return;
        }
        if (result.error.ok()) {
            m_summary.written += count;
            if (m_acknowledgeEachItem)
                for (const LineRecord &record : submission.records)
                    acknowledge(record.id, result.lsn);
            return;
        }
        if (!isInputRejection(result.error.code())) {
            // The index itself failed (disk, lock, closed): report it once;
            // the reader stops submitting and nothing later is written.
            if (!m_indexFailed.exchange(true)) {
                m_summary.failure = result.error;
                reportLine(submission.records.first().line, QString(), result.error);
            }
            return;
        }
        m_summary.rejected += count;
        if (submission.isBatch)
            reportBatchNotWritten(submission, result.error.message(), result.error.code());
        else
            reportLine(submission.records.first().line, submission.records.first().id, result.error);
    }

    // A refused chunk: each line on its own, so only the lines at fault are
    // rejected, as if the chunk had never been formed.
    void writeChunkOneByOne(const Submission &chunk)
    {
        for (qsizetype i = 0; i < chunk.chunkOps.size(); ++i) {
            const LineRecord &record = chunk.records[i];
            const WriteResult r = waitForWrite(m_index.write({chunk.chunkOps[i]}, m_priority));
            if (r.error.ok()) {
                ++m_summary.written;
                if (m_acknowledgeEachItem) acknowledge(record.id, r.lsn);
            } else if (isInputRejection(r.error.code())) {
                ++m_summary.rejected;
                reportLine(record.line, record.id, r.error);
            } else {
                if (!m_indexFailed.exchange(true)) {
                    m_summary.failure = r.error;
                    reportLine(record.line, QString(), r.error);
                }
                return;
            }
        }
    }

    void acknowledge(const QString &id, quint64 lsn)
    {
        if (m_console.json())
            m_console.printJson(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("lsn"), double(lsn)}});
        else
            m_console.write(QStringLiteral("ok %1\n").arg(escapeControls(id)).toUtf8());
    }

    void reportLine(qint64 line, const QString &id, const Error &error)
    {
        m_console.printError(QStringLiteral("%1: %2").arg(describeLine(line, id), error.toString()));
        if (m_report)
            m_report->add(m_reportSource, QStringLiteral("line %1").arg(line), id, error.message(), line,
                          error.column());
        if (m_console.json()) {
            QJsonObject object{{QStringLiteral("line"), double(line)}, {QStringLiteral("error"), errorToJson(error)}};
            if (!id.isEmpty()) object.insert(QStringLiteral("id"), id);
            m_console.printJson(object);
        }
    }

    void reportBatchNotWritten(const Submission &batch, const QString &reason, ErrorCode code)
    {
        const qint64 first = batch.records.first().line;
        const qint64 last = batch.records.last().line;
        const QString message = QStringLiteral("The batch of lines %1-%2 (%3 records) was not written "
                                               "(a batch is all or nothing): %4")
                                    .arg(first)
                                    .arg(last)
                                    .arg(batch.records.size())
                                    .arg(reason);
        m_console.printError(QStringLiteral("lines %1-%2: %3").arg(first).arg(last).arg(message));
        if (m_report)
            m_report->add(m_reportSource, QStringLiteral("lines %1-%2").arg(first).arg(last), QString(), message);
        if (m_console.json())
            m_console.printJson(QJsonObject{{QStringLiteral("lines"), QJsonArray{double(first), double(last)}},
                                            {QStringLiteral("error"), errorToJson(Error(code, message))}});
    }

    Console &m_console;
    Index &m_index;
    const Priority m_priority;
    const bool m_acknowledgeEachItem;
    ProblemReport *const m_report;
    const QString m_reportSource;
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::deque<Submission> m_queue;
    qsizetype m_itemsQueued = 0;
    bool m_closed = false;
    std::atomic<bool> m_indexFailed{false};
    IngestSummary m_summary;
    std::thread m_thread; // last: starts once everything above exists
};

// Collects up to --batch N lines and submits them as one write.
class BatchBuilder {
public:
    BatchBuilder(Index &index, const IngestOptions &options) : m_index(index), m_options(options) { }

    bool isFull() const { return m_batch.records.size() >= m_options.batchSize; }
    bool isEmpty() const { return m_batch.records.isEmpty(); }

    void addProblem(qint64 line, const Error &error)
    {
        m_batch.records.append({line, QString()});
        m_batch.problems.append({line, QString(), error});
    }

    void addItem(qint64 line, Item item)
    {
        const QString id = item.id;
        m_batch.records.append({line, id});
        WriteOp op = m_options.upsert ? WriteOp::upsert(std::move(item)) : WriteOp::insert(std::move(item));
        // Checked here, not only by the write, so the report can name the line.
        if (Error error = m_index.validate(op)) {
            m_batch.problems.append({line, id, error});
            return;
        }
        const auto seen = m_lineOfId.constFind(id);
        if (seen != m_lineOfId.constEnd()) {
            m_batch.problems.append(
                {line, id,
                 Error(ErrorCode::DuplicateId,
                       QStringLiteral("The id \"%1\" appears twice in one batch (first on line %2).")
                           .arg(id)
                           .arg(*seen))});
            return;
        }
        m_lineOfId.insert(id, line);
        m_ops.append(std::move(op));
    }

    // Hands the batch over, submitting it when every line was good.
    Submission take()
    {
        Submission batch = std::move(m_batch);
        batch.isBatch = true;
        if (batch.problems.isEmpty()) batch.future = m_index.write(std::move(m_ops), m_options.priority);
        m_batch = Submission();
        m_ops.clear();
        m_lineOfId.clear();
        return batch;
    }

private:
    Index &m_index;
    const IngestOptions &m_options;
    Submission m_batch;
    QList<WriteOp> m_ops;
    QHash<QString, qint64> m_lineOfId;
};

// Groups independent lines into chunks for import (see Submission::chunkOps).
// A line that fails validation is rejected on its own; an id already in the
// chunk closes it first, so the later line still comes after the earlier.
class ChunkBuilder {
public:
    ChunkBuilder(Index &index, const IngestOptions &options) : m_index(index), m_options(options) { }

    // Returns a finished chunk when this line closed one.
    std::optional<Submission> addItem(qint64 line, Item item, Submission *rejected)
    {
        WriteOp op = m_options.upsert ? WriteOp::upsert(std::move(item)) : WriteOp::insert(std::move(item));
        if (Error error = m_index.validate(op)) {
            rejected->records.append({line, op.item.id});
            rejected->problems.append({line, op.item.id, error});
            return std::nullopt;
        }
        std::optional<Submission> done;
        if (m_ids.contains(op.item.id)) done = take();
        m_ids.insert(op.item.id);
        m_chunk.records.append({line, op.item.id});
        m_chunk.chunkOps.append(std::move(op));
        if (m_chunk.chunkOps.size() >= kChunkItems) done = take();
        return done;
    }

    bool isEmpty() const { return m_chunk.chunkOps.isEmpty(); }

    Submission take()
    {
        Submission chunk = std::move(m_chunk);
        chunk.future = m_index.write(chunk.chunkOps, m_options.priority);
        m_chunk = Submission();
        m_ids.clear();
        return chunk;
    }

private:
    Index &m_index;
    const IngestOptions &m_options;
    Submission m_chunk;
    QSet<QString> m_ids;
};

} // namespace

IngestSummary ingestLines(Console &console, Index &index, LineReader &reader, const IngestOptions &options)
{
    AckReporter reporter(console, index, options);
    BatchBuilder batch(index, options);
    ChunkBuilder chunks(index, options);
    const bool chunked = options.batchSize == 0 && options.chunked;
    ParallelLineParser parser(reader);
    qint64 lines = 0;

    while (!reporter.indexFailed()) {
        std::optional<ParsedLine> parsed = parser.next();
        if (!parsed) break;
        ++lines;
        const qint64 lineNumber = parsed->number;
        Result<Item> &item = parsed->item;

        if (options.batchSize > 0) {
            if (item.ok())
                batch.addItem(lineNumber, item.takeValue());
            else
                batch.addProblem(lineNumber, item.error());
            if (batch.isFull()) reporter.push(batch.take());
            continue;
        }

        if (chunked) {
            Submission rejected;
            std::optional<Submission> done;
            if (item.ok()) {
                done = chunks.addItem(lineNumber, item.takeValue(), &rejected);
            } else {
                rejected.records.append({lineNumber, QString()});
                rejected.problems.append({lineNumber, QString(), item.error()});
            }
            if (done) reporter.push(std::move(*done));
            if (!rejected.records.isEmpty()) reporter.push(std::move(rejected));
            continue;
        }

        Submission single;
        if (!item.ok()) {
            single.records.append({lineNumber, QString()});
            single.problems.append({lineNumber, QString(), item.error()});
        } else {
            single.records.append({lineNumber, item->id});
            single.future = options.upsert ? index.upsert(item.takeValue(), options.priority)
                                           : index.insert(item.takeValue(), options.priority);
        }
        reporter.push(std::move(single));
    }
    if (!batch.isEmpty() && !reporter.indexFailed()) reporter.push(batch.take());
    if (!chunks.isEmpty() && !reporter.indexFailed()) reporter.push(chunks.take());
    reporter.finish();

    IngestSummary summary = reporter.summary();
    summary.lines = lines;
    // Lines read but never submitted because the index failed midway.
    summary.notWritten = lines - summary.written - summary.rejected;
    if (summary.failure.ok() && !parser.error().ok()) summary.failure = parser.error();
    return summary;
}

namespace {

std::optional<IngestOptions> ingestOptions(Invocation &invocation, int &exitCode)
{
    IngestOptions options;
    options.upsert = invocation.isSet(QStringLiteral("upsert"));
    if (invocation.isSet(QStringLiteral("batch"))) {
        const auto size = invocation.integerOption(QStringLiteral("batch"), 1, 1000000, exitCode);
        if (!size) return std::nullopt;
        options.batchSize = int(*size);
    }
    return options;
}

int exitCodeForSummary(const IngestSummary &summary)
{
    if (!summary.failure.ok()) return std::max<int>(exitCodeFor(summary.failure.code()), ExitProblem);
    return summary.rejected > 0 ? ExitProblem : ExitSuccess;
}

void reportFailure(Console &console, const IngestSummary &summary)
{
    if (summary.failure.ok()) return;
    QString reason = summary.failure.message();
    if (!reason.endsWith(u'.')) reason += u'.';
    console.fail(Error(summary.failure.code(),
                       QStringLiteral("Stopped early: %1 Of the %2 records read, %3 were not written.")
                           .arg(reason)
                           .arg(summary.lines)
                           .arg(summary.notWritten),
                       summary.failure.path()));
}

} // namespace

int runInsert(Invocation &invocation)
{
    Console &console = invocation.console;
    int exitCode = ExitSuccess;
    auto options = ingestOptions(invocation, exitCode);
    if (!options) return exitCode;
    auto opened = openForWriting(console, invocation.path());
    if (!opened.ok()) return failOpen(console, opened.error());
    Index &index = **opened;

    LineReader reader(0); // standard input
    const IngestSummary summary = ingestLines(console, index, reader, *options);
    reportFailure(console, summary);
    return closeIndex(console, index, exitCodeForSummary(summary));
}

int runJsonLinesImport(Invocation &invocation, const QString &fileName)
{
    Console &console = invocation.console;
    int exitCode = ExitSuccess;
    auto options = ingestOptions(invocation, exitCode);
    if (!options) return exitCode;
    options->priority = Priority::Bulk;
    options->acknowledgeEachItem = false;
    options->chunked = true;
    ProblemReport report;
    if (invocation.isSet(QStringLiteral("report"))) {
        if (Error e = report.open(invocation.value(QStringLiteral("report")))) return console.fail(e);
        options->report = &report;
        options->reportSource = fileName;
    }

    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return console.fail(
            Error(ErrorCode::Io, QStringLiteral("Could not open %1: %2").arg(fileName, file.errorString()), fileName));

    // The graph is kept by default so that the index is ready to search when
    // import ends, and close() saves it (a reader then loads it instead of
    // building it).
    const bool keepGraph = !invocation.isSet(QStringLiteral("no-graph"));
    auto opened = openForWriting(console, invocation.path(), keepGraph ? GraphUse::On : GraphUse::Off);
    if (!opened.ok()) return failOpen(console, opened.error());
    Index &index = **opened;

    QElapsedTimer timer;
    timer.start();
    LineReader reader(file.handle());
    const IngestSummary summary = ingestLines(console, index, reader, *options);
    reportFailure(console, summary);
    std::optional<GraphWait> graph;
    if (keepGraph && summary.failure.ok()) graph = waitForGraph(console, index);
    // The summary counts the time to close too: the final checkpoint (and the
    // graph's save) is part of getting the data into the index.
    exitCode = closeIndex(console, index, exitCodeForSummary(summary));
    if (Error e = report.close()) exitCode = std::max(exitCode, console.fail(e));
    const double seconds = timer.nsecsElapsed() / 1e9;
    // A rate over a few milliseconds says nothing; leave it out.
    const bool rateIsMeaningful = seconds >= 0.1;
    const qint64 itemsPerSecond = rateIsMeaningful ? qint64(std::round(summary.written / seconds)) : 0;

    if (console.json()) {
        console.printJson(QJsonObject{
            {QStringLiteral("imported"), double(summary.written)},
            {QStringLiteral("rejected"), double(summary.rejected)},
            {QStringLiteral("notWritten"), double(summary.notWritten)},
            {QStringLiteral("records"), double(summary.lines)},
            {QStringLiteral("elapsedMs"), std::round(seconds * 1000)},
            {QStringLiteral("itemsPerSecond"), rateIsMeaningful ? QJsonValue(double(itemsPerSecond)) : QJsonValue()},
            {QStringLiteral("graph"),
             graph ? QJsonValue(QJsonObject{{QStringLiteral("state"), graphStateName(graph->status.state)},
                                            {QStringLiteral("ready"), graph->ready},
                                            {QStringLiteral("items"), double(graph->status.items)},
                                            {QStringLiteral("waitMs"), std::round(graph->seconds * 1000)}})
                   : QJsonValue()}});
    } else {
        QString text = QStringLiteral("imported %1, rejected %2").arg(summary.written).arg(summary.rejected);
        if (summary.notWritten > 0) text += QStringLiteral(", not written %1").arg(summary.notWritten);
        text += QStringLiteral(", elapsed %1 s").arg(seconds, 0, 'f', 3);
        if (rateIsMeaningful) text += QStringLiteral(" (%1 items/s)").arg(itemsPerSecond);
        if (graph)
            text += graph->ready
                        ? QStringLiteral("; HNSW graph ready, %1 items (waited %2 s for it after the last write)")
                              .arg(graph->status.items)
                              .arg(graph->seconds, 0, 'f', 3)
                        : QStringLiteral("; HNSW graph not ready (%1)").arg(graphStateName(graph->status.state));
        console.printLine(text);
    }
    console.flush();
    return exitCode;
}

} // namespace sextant::cli
