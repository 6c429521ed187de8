#include "ParallelLineParser.h"

#include "CliSupport.h"

#include "sextant/JsonLines.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace sextant::cli {

namespace {
// Large enough that handing a chunk to a thread costs little next to
// parsing it, small enough that a slow stream is not held up.
constexpr size_t kChunkLines = 128;
constexpr qsizetype kChunkBytes = 4 * 1024 * 1024;
} // namespace

ParallelLineParser::ParallelLineParser(LineReader &reader) : m_reader(reader)
{
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

ParallelLineParser::~ParallelLineParser() { m_pool.waitForDone(); }

std::optional<ParsedLine> ParallelLineParser::next()
{
    // Two chunks per thread keep the pool busy while this thread submits.
    const size_t maxJobs = size_t(2 * m_pool.maxThreadCount());
    for (;;) {
        if (!m_ready.empty()) {
            ParsedLine line = std::move(m_ready.front());
            m_ready.pop_front();
            return line;
        }
        // Collect the oldest chunk when it is done, when enough are in
        // flight, or when reading more could block: nothing read may wait
        // on input that has not arrived.
        if (!m_jobs.empty() &&
            (m_jobs.front().isFinished() || m_jobs.size() >= maxJobs || m_inputEnded || !m_reader.hasBufferedLine())) {
            std::vector<ParsedLine> parsed = m_jobs.front().takeResult();
            m_jobs.pop_front();
            for (ParsedLine &line : parsed)
                m_ready.push_back(std::move(line));
            continue;
        }
        if (m_inputEnded) return std::nullopt;
        startChunk();
    }
}

void ParallelLineParser::startChunk()
{
    Chunk chunk;
    // Chunks are alike: reserving what the last one needed saves the
    // reallocations (and fresh page faults) of growing a megabyte by appends.
    chunk.bytes.reserve(m_lastChunkBytes);
    chunk.lines.reserve(kChunkLines);
    do {
        QByteArrayView text;
        const LineReader::Status status = m_reader.next(text);
        if (status == LineReader::Status::End || status == LineReader::Status::Failed) {
            m_inputEnded = true;
            m_error = m_reader.error();
            break;
        }
        if (status == LineReader::Status::TooLong) {
            chunk.lines.push_back({m_reader.lineNumber(), 0, 0, true});
            continue;
        }
        if (formats::isBlankLine(text)) continue;
        chunk.lines.push_back({m_reader.lineNumber(), chunk.bytes.size(), text.size(), false});
        chunk.bytes.append(text);
    } while (chunk.lines.size() < kChunkLines && chunk.bytes.size() < kChunkBytes && m_reader.hasBufferedLine());

    if (chunk.lines.empty()) return;
    m_lastChunkBytes = std::min(chunk.bytes.size() + chunk.bytes.size() / 8, kChunkBytes + kChunkBytes / 8);
    m_jobs.push_back(QtConcurrent::run(&m_pool, [chunk = std::move(chunk)] { return parseChunk(chunk); }));
}

std::vector<ParsedLine> ParallelLineParser::parseChunk(const Chunk &chunk)
{
    std::vector<ParsedLine> parsed;
    parsed.reserve(chunk.lines.size());
    for (const Chunk::Line &line : chunk.lines) {
        if (line.tooLong) {
            parsed.push_back({line.number, Error(ErrorCode::MalformedInput,
                                                 QStringLiteral("The line is longer than %1 and was skipped.")
                                                     .arg(humanBytes(LineReader::kMaxLineBytes)))});
            continue;
        }
        parsed.push_back(
            {line.number, formats::parseJsonLine(QByteArrayView(chunk.bytes).sliced(line.offset, line.length))});
    }
    return parsed;
}

} // namespace sextant::cli
