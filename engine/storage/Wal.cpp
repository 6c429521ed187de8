#include "storage/Wal.h"

#include "storage/Binary.h"
#include "base/Checksums.h"

#include <vector>

#include <QFile>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace sextant::storage {

namespace wal {

QString fileName(uint64_t firstLsn) { return QStringLiteral("wal-%1.log").arg(firstLsn, 20, 10, QLatin1Char('0')); }

QByteArray encodeHeader(uint64_t firstLsn)
{
    QByteArray h;
    h.append(kMagic, 8);
    appendU32(h, kVersion);
    appendU32(h, 0);
    appendU64(h, firstLsn);
    appendU64(h, base::xxh3(h.constData(), 24));
    return h;
}

qsizetype beginFrame(QByteArray &out, uint8_t type, uint64_t lsn)
{
    const qsizetype start = out.size();
    appendU32(out, 0);
    appendU8(out, type);
    appendU8(out, 0);
    appendU8(out, 0);
    appendU8(out, 0);
    appendU64(out, lsn);
    return start;
}

void endFrame(QByteArray &out, qsizetype frameStart)
{
    const qsizetype payload = out.size() - frameStart - kFrameHeaderSize;
    putU32(out.data() + frameStart, uint32_t(payload));
    appendU64(out, base::xxh3(out.constData() + frameStart, size_t(out.size() - frameStart)));
}

} // namespace wal

namespace {

bool allZero(const char *p, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (p[i]) return false;
    return true;
}

struct FrameView {
    uint32_t payloadLength;
    uint8_t type;
    uint64_t lsn;
};

// The first whole frame with a correct checksum at or after `from`, within
// `maxSearch` bytes, whose LSN `wanted` accepts: its offset and LSN.
template <typename Accept>
std::optional<std::pair<qint64, uint64_t>> findFrame(const base::File &file, qint64 from, qint64 fileSize,
                                                     qint64 maxSearch, Accept wanted)
{
    const qint64 len = std::min(fileSize - from, maxSearch);
    if (len < wal::kFrameOverhead) return std::nullopt;
    QByteArray rest(len, Qt::Uninitialized);
    if (file.readAt(rest.data(), size_t(len), from)) return std::nullopt;
    const char *p = rest.constData();
    for (qint64 at = 0; at + wal::kFrameOverhead <= len; ++at) {
        if (p[at + 4] != char(wal::kFrameBatch) || !wanted(getU64(p + at + 8))) continue;
        const qint64 payload = getU32(p + at);
        if (payload > wal::kMaxPayload || at + wal::kFrameOverhead + payload > len) continue;
        const size_t body = size_t(wal::kFrameHeaderSize + payload);
        if (base::xxh3(p + at, body) == getU64(p + at + body)) return std::make_pair(from + at, getU64(p + at + 8));
    }
    return std::nullopt;
}

// Whether a valid frame carrying `lsn` lies anywhere after `from`. Used when
// a frame is damaged: if a later acknowledged frame survives, the damage is
// in the middle of the log, not a torn tail, and cutting would lose writes.
bool validFrameFollows(const base::File &file, qint64 from, qint64 fileSize, uint64_t lsn)
{
    constexpr qint64 kMaxSearch = 256ll * 1024 * 1024;
    return findFrame(file, from, fileSize, kMaxSearch, [lsn](uint64_t l) { return l == lsn; }).has_value();
}

} // namespace

std::optional<std::pair<qint64, uint64_t>> findValidFrame(const base::File &file, qint64 from, uint64_t minLsn)
{
    const Result<qint64> size = file.size();
    if (!size.ok()) return std::nullopt;
    return findFrame(file, from, *size, *size, [minLsn](uint64_t l) { return l >= minLsn; });
}

Result<WalScanResult> scanWal(const base::File &file, qint64 startOffset, uint64_t expectedNextLsn,
                              const FrameCallback &onFrame)
{
    WalScanResult r;
    const Result<qint64> sizeR = file.size();
    if (!sizeR.ok()) return sizeR.error();
    const qint64 fileSize = *sizeR;
    const QString &path = file.path();

    qint64 offset = startOffset;
    if (startOffset == 0) {
        char hdr[wal::kHeaderSize];
        if (fileSize < wal::kHeaderSize)
            return Error(ErrorCode::Corruption,
                         QStringLiteral("The write-ahead log %1 is shorter than its 32-byte header.").arg(path), path);
        if (Error e = file.readAt(hdr, sizeof hdr, 0)) return e;
        if (std::memcmp(hdr, wal::kMagic, 8) != 0 || base::xxh3(hdr, 24) != getU64(hdr + 24))
            return Error(ErrorCode::Corruption,
                         QStringLiteral("The write-ahead log %1 has a damaged header.").arg(path), path);
        if (getU32(hdr + 8) > wal::kVersion)
            return Error(
                ErrorCode::UnsupportedFormat,
                QStringLiteral("The write-ahead log %1 was made by a newer Sextant (format %2); this version reads "
                               "format %3. Open the index with a newer Sextant.")
                    .arg(path)
                    .arg(getU32(hdr + 8))
                    .arg(wal::kVersion),
                path);
        if (getU32(hdr + 8) != wal::kVersion)
            return Error(ErrorCode::UnsupportedFormat,
                         QStringLiteral(
                             "The write-ahead log %1 has format version %2, which this version of Sextant cannot read.")
                             .arg(path)
                             .arg(getU32(hdr + 8)),
                         path);
        r.firstLsn = getU64(hdr + 16);
        offset = wal::kHeaderSize;
        if (expectedNextLsn == 0) expectedNextLsn = r.firstLsn;
    }
    r.lastLsn = expectedNextLsn ? expectedNextLsn - 1 : 0;

    // Frames are read in chunks to keep the number of system calls low.
    std::vector<char> buf;
    for (;;) {
        r.validEnd = offset;
        const qint64 left = fileSize - offset;
        if (left == 0) break;
        auto stopIncomplete = [&](const QString &why) {
            // A damaged length field looks like a frame running past the end;
            // a surviving later frame tells the two apart.
            if (left >= 2 * wal::kFrameOverhead && validFrameFollows(file, offset + 1, fileSize, expectedNextLsn + 1))
                r.tail = {WalTail::Kind::Corrupt, offset, left, QStringLiteral("damaged frame header (%1)").arg(why),
                          true};
            else
                r.tail = {WalTail::Kind::Incomplete, offset, left, why, false};
        };
        if (left < wal::kFrameOverhead) {
            stopIncomplete(QStringLiteral("%1 bytes of an unfinished frame").arg(left));
            break;
        }
        char hdr[wal::kFrameHeaderSize];
        if (Error e = file.readAt(hdr, sizeof hdr, offset)) return e;
        const FrameView fv{getU32(hdr), uint8_t(hdr[4]), getU64(hdr + 8)};
        if (fv.payloadLength > wal::kMaxPayload || left < wal::kFrameOverhead + qint64(fv.payloadLength)) {
            // Either a frame cut short by a crash, or a damaged length field.
            // Zeros (a size update without its data) and short tails are torn writes.
            stopIncomplete(QStringLiteral("a frame of %1 bytes was cut short after %2 bytes")
                               .arg(wal::kFrameOverhead + qint64(fv.payloadLength))
                               .arg(left));
            break;
        }
        const size_t frameSize = size_t(wal::kFrameOverhead + fv.payloadLength);
        buf.resize(frameSize);
        if (Error e = file.readAt(buf.data(), frameSize, offset)) return e;
        const bool checksumOk = base::xxh3(buf.data(), frameSize - 8) == getU64(buf.data() + frameSize - 8);
        QString problem;
        if (!checksumOk) {
            if (allZero(buf.data(), frameSize)) {
                // A run of zeros where the frame should be: the file size was
                // extended but the data never reached the disk.
                QByteArray rest(left, Qt::Uninitialized);
                if (!file.readAt(rest.data(), size_t(left), offset) && allZero(rest.constData(), size_t(left))) {
                    stopIncomplete(
                        QStringLiteral("%1 zero bytes where an unfinished frame was being written").arg(left));
                    break;
                }
            }
            problem = QStringLiteral("frame checksum mismatch");
        } else if (fv.type != wal::kFrameBatch) {
            problem = QStringLiteral("unknown frame type %1").arg(fv.type);
        } else if (expectedNextLsn && fv.lsn != expectedNextLsn) {
            problem = QStringLiteral("LSN %1 where %2 was expected").arg(fv.lsn).arg(expectedNextLsn);
        }
        if (!problem.isEmpty()) {
            r.tail = {WalTail::Kind::Corrupt, offset, left, problem,
                      validFrameFollows(file, offset + 1, fileSize, expectedNextLsn + 1)};
            break;
        }
        if (onFrame) {
            if (Error e = onFrame(fv.lsn, fv.type, buf.data() + wal::kFrameHeaderSize, fv.payloadLength)) {
                if (e.code() == ErrorCode::Corruption) {
                    r.tail = {WalTail::Kind::Corrupt, offset, left, e.message(), false};
                    break;
                }
                return e;
            }
        }
        r.lastLsn = fv.lsn;
        expectedNextLsn = fv.lsn + 1;
        ++r.frames;
        offset += qint64(frameSize);
    }
    return r;
}

Result<WalWriter> WalWriter::create(const QString &path, uint64_t firstLsn, bool sync)
{
    // Written under a temporary name and renamed, so a reader that sees the
    // log (as the next in the chain) never sees it without its header.
    const QString temp = path + QStringLiteral(".tmp");
    Result<base::File> f = base::File::open(temp, base::File::Mode::CreateOrTruncate);
    if (!f.ok()) return f.error();
    const QByteArray header = wal::encodeHeader(firstLsn);
    if (Error e = f->writeAt(header.constData(), size_t(header.size()), 0)) return e;
    if (sync)
        if (Error e = f->syncData()) return e;
    if (Error e = base::renameNoReplace(temp, path)) {
        base::removeFile(temp);
        return e;
    }
    f->rename(path);
    WalWriter w;
    w.m_file = f.takeValue();
    w.m_end = header.size();
    return w;
}

Result<WalWriter> WalWriter::openForAppend(const QString &path, qint64 validEnd, bool sync)
{
    Result<base::File> f = base::File::open(path, base::File::Mode::ReadWrite);
    if (!f.ok()) return f.error();
    const Result<qint64> size = f->size();
    if (!size.ok()) return size.error();
    if (*size != validEnd) {
        if (Error e = f->truncate(validEnd)) return e;
        if (sync)
            if (Error e = f->syncData()) return e;
    }
    WalWriter w;
    w.m_file = f.takeValue();
    w.m_end = validEnd;
    return w;
}

Error WalWriter::checkStillInPlace() const
{
    struct stat open { };
    struct stat named { };
    if (::fstat(m_file.fd(), &open) < 0) return Error::fromErrno(errno, QStringLiteral("inspect"), path());
    const QByteArray native = QFile::encodeName(path());
    QString why;
    if (open.st_nlink == 0)
        why = QStringLiteral("it was removed from the folder");
    else if (::lstat(native.constData(), &named) < 0)
        why = errno == ENOENT ? QStringLiteral("it is no longer in the folder (moved, or the folder was removed)")
                              : QString::fromLocal8Bit(std::strerror(errno));
    else if (named.st_dev != open.st_dev || named.st_ino != open.st_ino)
        why = QStringLiteral("another file took its name");
    if (why.isEmpty()) return {};
    return Error(ErrorCode::Io,
                 QStringLiteral("The write-ahead log %1 is not where the index keeps it: %2. Nothing written now would "
                                "survive a restart, so the index stopped accepting writes; close it, then verify and "
                                "repair.")
                     .arg(path(), why),
                 path());
}

Error WalWriter::append(const QByteArray &frames)
{
    if (Error e = m_file.writeAt(frames.constData(), size_t(frames.size()), m_end)) {
        // Cut whatever part of the write landed; if even that fails the
        // caller must stop writing to this log.
        if (Error t = m_file.truncate(m_end))
            return Error(ErrorCode::Io,
                         QStringLiteral("%1; cutting the partial write also failed: %2").arg(e.message(), t.message()),
                         e.path());
        return e;
    }
    m_end += frames.size();
    return {};
}

} // namespace sextant::storage
