#pragma once
// Parses JSON Lines on a small thread pool and hands the records back in
// input order. Parsing vectors is the CLI's heaviest work (a 384-dimension
// line is about 4.5 KB of numbers), so on a multi-core machine it runs
// beside the thread that submits writes.
//
// It never holds parsed lines back while it waits for input: before a read
// that would block, every line read so far has been returned, so a program
// feeding `insert` one line at a time gets its acknowledgement at once.

#include "LineReader.h"

#include "sextant/Item.h"

#include <QFuture>
#include <QThreadPool>

#include <deque>
#include <optional>
#include <vector>

namespace sextant::cli {

struct ParsedLine {
    qint64 number = 0; // 1-based line number in the input
    Result<Item> item;
};

class ParallelLineParser {
public:
    explicit ParallelLineParser(LineReader &reader);
    ~ParallelLineParser();

    // The next record (blank lines are skipped), or nullopt at the end of
    // input or when reading failed (see error()).
    std::optional<ParsedLine> next();
    const Error &error() const { return m_error; }

private:
    struct Chunk {
        struct Line {
            qint64 number = 0;
            qsizetype offset = 0;
            qsizetype length = 0;
            bool tooLong = false;
        };
        QByteArray bytes;
        std::vector<Line> lines;
    };

    void startChunk();
    static std::vector<ParsedLine> parseChunk(const Chunk &chunk);

    LineReader &m_reader;
    QThreadPool m_pool;
    std::deque<QFuture<std::vector<ParsedLine>>> m_jobs; // in input order
    std::deque<ParsedLine> m_ready;
    qsizetype m_lastChunkBytes = 0;
    bool m_inputEnded = false;
    Error m_error;
};

} // namespace sextant::cli
