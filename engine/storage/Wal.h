#pragma once
// Write-ahead log: a 32-byte file header, then frames
//   u32 payloadLength | u8 type | u8[3] zero | u64 lsn | payload | u64 xxh3
// where the checksum covers everything before it in the frame.
// docs/format.md is the byte-exact description.

#include "sextant/Error.h"
#include "base/FileIo.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

namespace sextant::storage {

namespace wal {
constexpr char kMagic[8] = {'S', 'X', 'T', 'W', 'A', 'L', '0', '1'};
constexpr uint32_t kVersion = 1;
constexpr qint64 kHeaderSize = 32;
constexpr qint64 kFrameHeaderSize = 16;
constexpr qint64 kFrameOverhead = 24; // header + trailing checksum
constexpr uint32_t kMaxPayload = 256u * 1024 * 1024;
constexpr uint8_t kFrameBatch = 1;

QString fileName(uint64_t firstLsn);
QByteArray encodeHeader(uint64_t firstLsn);

// Appends a frame to `out`. Use beginFrame, append the payload to `out`,
// then endFrame to fill in the length and checksum.
qsizetype beginFrame(QByteArray &out, uint8_t type, uint64_t lsn);
void endFrame(QByteArray &out, qsizetype frameStart);
} // namespace wal

// What a scan of a WAL file found at its end.
struct WalTail {
    enum class Kind {
        Clean,      // the file ends exactly after a valid frame
        Incomplete, // a frame was being written when the writer stopped: normal after a crash
        Corrupt,    // a complete frame failed its checksum or structure check
    };
    Kind kind = Kind::Clean;
    qint64 offset = 0;             // where the valid prefix ends
    qint64 bytes = 0;              // bytes after the valid prefix
    QString reason;                // human explanation for Incomplete/Corrupt
    bool validFramesAfter = false; // corruption in the middle, not at the tail
};

struct WalScanResult {
    uint64_t firstLsn = 0; // from the header
    uint64_t lastLsn = 0;  // LSN of the last valid frame (firstLsn - 1 if none)
    qint64 frames = 0;
    qint64 validEnd = 0; // offset just after the last valid frame
    WalTail tail;
};

// Reads frames from `startOffset` (the header is checked when it is 0) and
// hands each verified frame's payload to `onFrame`; stops at the first frame
// that is incomplete or corrupt. `expectedNextLsn` 0 means "take the first".
// A callback error aborts the scan and is returned.
using FrameCallback = std::function<Error(uint64_t lsn, uint8_t type, const char *payload, size_t size)>;
Result<WalScanResult> scanWal(const base::File &file, qint64 startOffset, uint64_t expectedNextLsn,
                              const FrameCallback &onFrame);

// The first frame at or after `from` that is whole, carries a correct
// checksum and an LSN of at least `minLsn`: where reading can go on after
// damage (repair salvages the records behind a damaged one). Returns its
// offset and LSN, or nothing.
std::optional<std::pair<qint64, uint64_t>> findValidFrame(const base::File &file, qint64 from, uint64_t minLsn);

class WalWriter {
public:
    // Creates a new WAL file holding only its header, synced.
    static Result<WalWriter> create(const QString &path, uint64_t firstLsn, bool sync);
    // Continues an existing WAL whose valid prefix ends at `validEnd`; cuts anything after it.
    static Result<WalWriter> openForAppend(const QString &path, qint64 validEnd, bool sync);

    // Writes already-encoded frames at the end; on failure restores the old
    // end so a half-written frame never precedes later ones.
    Error append(const QByteArray &frames);
    Error sync() { return m_file.syncData(); }
    qint64 size() const { return m_end; }
    const QString &path() const { return m_file.path(); }
    void close() { m_file.close(); }
    // An error when the log open here is no longer the file at its path: it
    // was removed (its link count is 0), renamed, or replaced, or its folder
    // is gone. Writes acknowledged then would be lost at the next open.
    Error checkStillInPlace() const;

private:
    base::File m_file;
    qint64 m_end = 0;
};

} // namespace sextant::storage
