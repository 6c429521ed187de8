// Fuzz target: the CLI's input path for `insert` and `import` without the
// index: LineReader splitting a file into lines (with its line-length
// limit), and ParallelLineParser parsing them on a thread pool. The lines
// must be exactly the input's, and the parallel parser must give the same
// records, in the same order and with the same line numbers, as parsing
// the lines one by one.

#include "FuzzSupport.h"

#include "LineReader.h"
#include "ParallelLineParser.h"

#include "sextant/JsonLines.h"

#include <QFile>

#include <fcntl.h>

using namespace sextant;
using namespace sextant::cli;

namespace {

// Small, so that the fuzzer reaches the too-long path with small inputs.
constexpr qsizetype kLineLimit = 256;

struct ExpectedLine {
    qint64 number;
    bool tooLong;
    QByteArray text;
};

// A second descriptor on the memory file, reading from its start.
int openForReading(const fuzzsupport::MemFile &file)
{
    const int fd = ::open(QFile::encodeName(file.path()).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fuzzsupport::propertyFailed("cannot reopen the memory file");
    return fd;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArray> pieces = bytes.split('\n');
    if (pieces.last().isEmpty()) pieces.removeLast(); // a final "\n" ends a line, it does not start one
    const fuzzsupport::MemFile file(bytes);

    std::vector<ExpectedLine> lines;
    {
        const int fd = openForReading(file);
        LineReader reader(fd, kLineLimit);
        for (;;) {
            QByteArrayView line;
            const LineReader::Status status = reader.next(line);
            if (status == LineReader::Status::End) break;
            if (status == LineReader::Status::Failed) fuzzsupport::propertyFailed("reading a memory file failed");
            const qsizetype i = qsizetype(lines.size());
            if (i >= pieces.size()) fuzzsupport::propertyFailed("more lines than the input has");
            if (reader.lineNumber() != i + 1) fuzzsupport::propertyFailed("a wrong line number");
            if (status == LineReader::Status::TooLong) {
                if (pieces[i].size() <= kLineLimit) fuzzsupport::propertyFailed("a short line reported as too long");
                lines.push_back({reader.lineNumber(), true, {}});
            } else {
                if (line != pieces[i]) fuzzsupport::propertyFailed("a line differs from the input");
                lines.push_back({reader.lineNumber(), false, line.toByteArray()});
            }
        }
        ::close(fd);
    }
    if (qsizetype(lines.size()) != pieces.size()) fuzzsupport::propertyFailed("fewer lines than the input has");

    const int fd = openForReading(file);
    LineReader reader(fd, kLineLimit);
    {
        ParallelLineParser parser(reader);
        size_t at = 0;
        while (std::optional<ParsedLine> parsed = parser.next()) {
            while (at < lines.size() && !lines[at].tooLong && formats::isBlankLine(lines[at].text))
                ++at;
            if (at == lines.size()) fuzzsupport::propertyFailed("the parallel parser returned an extra record");
            const ExpectedLine &want = lines[at++];
            if (parsed->number != want.number) fuzzsupport::propertyFailed("the parallel parser changed the order");
            if (want.tooLong) {
                if (parsed->item.ok()) fuzzsupport::propertyFailed("a too-long line parsed");
                continue;
            }
            const Result<Item> direct = formats::parseJsonLine(want.text);
            if (direct.ok() != parsed->item.ok()) fuzzsupport::propertyFailed("parallel and direct parsing disagree");
            if (direct.ok() && (direct->id != parsed->item->id || direct->vector != parsed->item->vector ||
                                direct->metadata != parsed->item->metadata))
                fuzzsupport::propertyFailed("parallel and direct parsing give other items");
            if (!direct.ok() && direct.error().message() != parsed->item.error().message())
                fuzzsupport::propertyFailed("parallel and direct parsing give other errors");
        }
        while (at < lines.size() && !lines[at].tooLong && formats::isBlankLine(lines[at].text))
            ++at;
        if (at != lines.size()) fuzzsupport::propertyFailed("the parallel parser lost records");
        if (!parser.error().ok()) fuzzsupport::propertyFailed("the parallel parser failed on a memory file");
    }
    ::close(fd);
    return 0;
}
