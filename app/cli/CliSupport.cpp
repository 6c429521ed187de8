#include "CliSupport.h"

#include "sextant/Filter.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>

#include <QFile>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace sextant::cli {

bool isInputRejection(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::InvalidId:
    case ErrorCode::DimensionMismatch:
    case ErrorCode::NonFiniteValue:
    case ErrorCode::MetadataTooLarge:
    case ErrorCode::SchemaViolation:
    case ErrorCode::MalformedInput:
    case ErrorCode::DuplicateId:
    case ErrorCode::AlreadyExists:
    case ErrorCode::NotFound: return true;
    default: return false;
    }
}

int exitCodeFor(ErrorCode code)
{
    if (code == ErrorCode::None) return ExitSuccess;
    // Damage is "a problem found", like verify's findings; everything else
    // that is not about the input means the index or the disk is unusable.
    if (isInputRejection(code) || code == ErrorCode::Corruption) return ExitProblem;
    return ExitUsageOrIo;
}

QJsonObject errorToJson(const Error &error)
{
    QJsonObject body{{QStringLiteral("code"), error.codeName()}, {QStringLiteral("message"), error.message()}};
    if (!error.path().isEmpty()) body.insert(QStringLiteral("path"), error.path());
    return body;
}

QString humanBytes(qint64 bytes)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024) return QStringLiteral("%1 B").arg(bytes);
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString vectorToText(const QVector<float> &vector)
{
    QByteArray text;
    char number[32];
    for (qsizetype i = 0; i < vector.size(); ++i) {
        if (i > 0) text += ' ';
        const auto result = std::to_chars(number, number + sizeof number, vector[i]);
        text.append(number, result.ptr - number);
    }
    return QString::fromLatin1(text);
}

static bool needsEscape(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

QString escapeControls(const QString &text)
{
    qsizetype first = 0;
    while (first < text.size() && !needsEscape(text.at(first).unicode()))
        ++first;
    if (first == text.size()) return text;
    QString out = text.left(first);
    out.reserve(text.size() + 16);
    for (qsizetype i = first; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (!needsEscape(c)) {
            out += QChar(c);
        } else if (c < 0x80) {
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        } else {
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

QString shown(const QString &value, qsizetype maxChars)
{
    if (value.size() <= maxChars) return escapeControls(value);
    qsizetype cut = std::max<qsizetype>(1, maxChars - 1);
    if (value.at(cut - 1).isHighSurrogate()) --cut;
    return escapeControls(value.left(cut)) + QStringLiteral("… (%1 characters in all)").arg(value.size());
}

qsizetype invalidUtf8Offset(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned highest = 0xBF; // the allowed range of the second byte
        unsigned char secondLow = 0x80;
        if (c >= 0xC2 && c <= 0xDF)
            length = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            length = 3;
        else if (c >= 0xF0 && c <= 0xF4)
            length = 4;
        else
            return i;
        if (c == 0xE0)
            secondLow = 0xA0; // overlong
        else if (c == 0xED)
            highest = 0x9F; // surrogates
        else if (c == 0xF0)
            secondLow = 0x90; // overlong
        else if (c == 0xF4)
            highest = 0x8F; // past U+10FFFF
        if (i + length > n) return i;
        if (p[i + 1] < secondLow || p[i + 1] > highest) return i;
        for (int k = 2; k < length; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += length;
    }
    return -1;
}

static Result<QByteArray> readFdLimited(int fd, qint64 limit, const QString &what)
{
    QByteArray bytes;
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) continue;
            return Error(
                ErrorCode::Io,
                QStringLiteral("Could not read %1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno))));
        }
        if (got == 0) return bytes;
        if (bytes.size() + got > limit)
            return Error(
                ErrorCode::MalformedInput,
                QStringLiteral("%1 is larger than %2; nothing was read from it.").arg(what, humanBytes(limit)));
        bytes.append(buffer, got);
    }
}

Result<QByteArray> readStandardInputLimited(qint64 limit, const QString &what)
{
    return readFdLimited(STDIN_FILENO, limit, what);
}

Result<QByteArray> readFileLimited(const QString &fileName, qint64 limit, const QString &what)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error(ErrorCode::Io, QStringLiteral("Could not open %1: %2").arg(shown(fileName), file.errorString()),
                     fileName);
    return readFdLimited(file.handle(), limit, what);
}

void Console::write(QByteArrayView bytes) { std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout); }

void Console::printLine(const QString &text)
{
    const QByteArray utf8 = escapeControls(text).toUtf8() + '\n';
    write(utf8);
}

void Console::printJson(const QJsonObject &object)
{
    write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}

void Console::printError(const QString &message)
{
    const QByteArray utf8 = QStringLiteral("sextant-cli: %1\n").arg(escapeControls(message)).toUtf8();
    std::fwrite(utf8.data(), 1, size_t(utf8.size()), stderr);
}

void Console::flush()
{
    std::fflush(stdout);
    std::fflush(stderr);
}

int Console::fail(const Error &error) { return fail(error, exitCodeFor(error.code())); }

int Console::fail(const Error &error, int exitCode)
{
    printError(error.toString());
    if (m_json) printJson(QJsonObject{{QStringLiteral("error"), errorToJson(error)}});
    flush();
    return exitCode;
}

int Console::usageError(const QString &message)
{
    printError(message);
    if (m_json)
        printJson(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("usage")},
                                                                    {QStringLiteral("message"), message}}}});
    flush();
    return ExitUsageOrIo;
}

std::optional<qint64> Invocation::integerOption(const QString &option, qint64 minimum, qint64 maximum,
                                                int &exitCode) const
{
    bool ok = false;
    const QString text = parser.value(option);
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        // One-letter options are written -k, the others --limit.
        const QString dashes = option.size() == 1 ? QStringLiteral("-") : QStringLiteral("--");
        exitCode = console.usageError(QStringLiteral("%1%2 must be a whole number from %3 to %4, not \"%5\".")
                                          .arg(dashes, option)
                                          .arg(minimum)
                                          .arg(maximum)
                                          .arg(text));
        return std::nullopt;
    }
    return value;
}

Result<QByteArray> Invocation::filterText() const
{
    const QString value = parser.value(QStringLiteral("filter"));
    if (!value.startsWith(u'@')) return value.toUtf8();
    const QString fileName = value.mid(1);
    // One byte past the limit, so that Filter::parse reports the size in its own words.
    return readFileLimited(fileName, Filter::kMaxTextBytes + 1,
                           QStringLiteral("The filter file %1").arg(shown(fileName)));
}

Error ProblemReport::open(const QString &fileName)
{
    m_fileName = fileName;
    m_file = std::fopen(QFile::encodeName(fileName).constData(), "w");
    if (!m_file)
        return Error(ErrorCode::Io,
                     QStringLiteral("Could not create the report file %1: %2")
                         .arg(shown(fileName), QString::fromLocal8Bit(std::strerror(errno))),
                     fileName);
    return {};
}

void ProblemReport::add(const QString &file, const QString &where, const QString &id, const QString &message,
                        qint64 line, qint64 column)
{
    ++m_count;
    if (!m_file) return;
    QJsonObject object{{QStringLiteral("file"), file},
                       {QStringLiteral("line"), QJsonValue()},
                       {QStringLiteral("column"), QJsonValue()},
                       {QStringLiteral("where"), where},
                       {QStringLiteral("message"), message}};
    if (line > 0) object.insert(QStringLiteral("line"), double(line));
    if (column > 0) object.insert(QStringLiteral("column"), double(column));
    if (!id.isEmpty()) object.insert(QStringLiteral("id"), id);
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    if (std::fwrite(text.constData(), 1, size_t(text.size()), m_file) != size_t(text.size())) m_failed = true;
}

Error ProblemReport::close()
{
    if (!m_file) return {};
    const bool flushed = std::fflush(m_file) == 0 && !std::ferror(m_file);
    const int err = errno;
    const bool closed = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (m_failed || !flushed || !closed)
        return Error(ErrorCode::Io,
                     QStringLiteral("Could not write the report file %1: %2; it is incomplete.")
                         .arg(shown(m_fileName), QString::fromLocal8Bit(std::strerror(err ? err : EIO))),
                     m_fileName);
    return {};
}

ProblemReport::~ProblemReport()
{
    if (m_file) std::fclose(m_file);
}

static Error noIndexAt(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(ErrorCode::NotFound,
                     QStringLiteral("There is no index at %1: the folder does not exist.").arg(path), path);
    if (!info.isDir())
        return Error(ErrorCode::NotFound,
                     QStringLiteral("There is no index at %1: it is a file, not a folder.").arg(path), path);
    return Error(ErrorCode::NotFound,
                 QStringLiteral("There is no index at %1: the folder holds no Sextant manifest.").arg(path), path);
}

static OpenOptions cliOpenOptions(bool readOnly, GraphUse graph)
{
    OpenOptions options;
    options.readOnly = readOnly;
    options.applicationName = QStringLiteral("sextant-cli");
    options.graph = graph == GraphUse::On;
    return options;
}

Result<std::shared_ptr<Index>> openForReading(const QString &path, GraphUse graph)
{
    if (!Index::exists(path)) return noIndexAt(path);
    return Index::open(path, cliOpenOptions(true, graph));
}

Result<std::shared_ptr<Index>> openForWriting(Console &console, const QString &path, GraphUse graph)
{
    if (!Index::exists(path)) return noIndexAt(path);
    auto opened = Index::open(path, cliOpenOptions(false, graph));
    if (!opened.ok()) {
        if (opened.error().code() == ErrorCode::Locked)
            return Error(
                ErrorCode::Locked,
                opened.error().message() +
                    QStringLiteral(
                        " Commands that only read (info, get, list, count, export, verify, query, recall) still work."),
                opened.error().path());
        return opened;
    }
    // What recovery did (a torn tail cut after a crash, say) is worth a line
    // on stderr; it never changes what this command does.
    for (const QString &note : (*opened)->openReport().notes)
        console.printError(QStringLiteral("note: %1").arg(note));
    return opened;
}

int failOpen(Console &console, const Error &error)
{
    // A missing index is an I/O problem with the arguments, not a rejected item.
    if (error.code() == ErrorCode::NotFound) return console.fail(error, ExitUsageOrIo);
    return console.fail(error);
}

int closeIndex(Console &console, Index &index, int exitCode)
{
    const Error error = index.close();
    if (error.ok()) return exitCode;
    const int closeCode =
        console.fail(error.rephrased(QStringLiteral("Closing the index failed: %1").arg(error.message())));
    return std::max(exitCode, closeCode);
}

int checkStandardOutput(Console &console, int exitCode)
{
    console.flush();
    if (std::ferror(stdout))
        return console.fail(Error(ErrorCode::Io, QStringLiteral("Could not write to standard output.")));
    return exitCode;
}

static QString graphProgressText(const GraphStatus &status, qint64 items, qint64 elapsedMs)
{
    const qint64 seconds = elapsedMs / 1000;
    if (status.state == GraphStatus::State::Loading)
        return QStringLiteral("loading the HNSW graph%1 (%2 s)")
            .arg(status.file.isEmpty() ? QString() : QStringLiteral(" from %1").arg(status.file))
            .arg(seconds);
    return QStringLiteral("building the HNSW graph: %1 of %2 items in it, %3 changes to apply (%4 s)")
        .arg(status.items)
        .arg(items)
        .arg(status.pending)
        .arg(seconds);
}

GraphWait waitForGraph(Console &console, const Index &index, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    const bool showProgress = !console.json();
    // On a terminal one line is rewritten in place; in a log, a line now and then.
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    qint64 nextReport = 1000;
    bool reported = false;
    GraphWait wait;
    for (;;) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (index.waitForGraph(int(std::clamp<qint64>(left, 0, 250)))) {
            wait.ready = true;
            break;
        }
        wait.status = index.graphStatus();
        if (wait.status.state == GraphStatus::State::Failed || wait.status.state == GraphStatus::State::Disabled ||
            timer.elapsed() >= timeoutMs)
            break;
        if (showProgress && timer.elapsed() >= nextReport) {
            const QString text = graphProgressText(wait.status, index.count(), timer.elapsed());
            if (terminal) {
                const QByteArray line = QStringLiteral("\rsextant-cli: %1\x1b[K").arg(text).toUtf8();
                std::fwrite(line.data(), 1, size_t(line.size()), stderr);
                std::fflush(stderr);
            } else {
                console.printError(text);
                console.flush();
            }
            reported = true;
            nextReport = timer.elapsed() + (terminal ? 250 : 5000);
        }
    }
    wait.seconds = double(timer.elapsed()) / 1000;
    wait.status = index.graphStatus();
    if (reported && terminal) std::fputc('\n', stderr);
    if (wait.ready) {
        if (reported)
            console.printError(QStringLiteral("the HNSW graph is ready: %1 items (%2 s)")
                                   .arg(wait.status.items)
                                   .arg(wait.seconds, 0, 'f', 1));
    } else if (wait.status.state == GraphStatus::State::Failed) {
        console.printError(QStringLiteral("warning: the HNSW graph failed: %1").arg(wait.status.message));
    } else if (wait.status.state == GraphStatus::State::Disabled) {
        console.printError(QStringLiteral("warning: the index keeps no HNSW graph."));
    } else {
        console.printError(QStringLiteral("warning: the HNSW graph was not ready after %1 s (%2, %3 changes to apply).")
                               .arg(wait.seconds, 0, 'f', 0)
                               .arg(graphStateName(wait.status.state))
                               .arg(wait.status.pending));
    }
    console.flush();
    return wait;
}

WriteResult waitForWrite(QFuture<WriteResult> future)
{
    future.waitForFinished();
    if (future.resultCount() == 0) {
        WriteResult cancelled;
        cancelled.error =
            Error(ErrorCode::Cancelled,
                  QStringLiteral("The write was cancelled before it was acknowledged; it may not be stored."));
        return cancelled;
    }
    return future.result();
}

} // namespace sextant::cli
