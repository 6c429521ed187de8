#pragma once
// An immutable segment: the items of one checkpoint (or compaction), sorted
// by id, in one file that is memory-mapped on open. Layout (docs/format.md):
//   header (128 B) | vectors | norms | id offsets | id bytes |
//   metadata offsets | metadata bytes | id Bloom filter | row checksums |
//   block checksum table | footer (40 B)
// Every 64 KiB block of everything before the table carries an XXH3-64 in the
// table. Format 3 adds an XXH3-64 per row over its id, vector and metadata,
// so that a damaged block costs only the rows whose bytes changed: a row
// whose blocks fail their checksums is still good when its row checksum
// matches. Format 2 (no row checksums) is still read. Opening checks header, footer and table (a few hundred KiB at most
// for a million rows); blocks are verified the first time a lookup parses
// them, so structure is never parsed unchecked and open stays O(1).
// The Bloom filter answers "certainly absent" for most new ids without the
// binary search; it stays in the mapping and is probed in place.

#include "sextant/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sextant::storage {

namespace segment {
constexpr char kMagic[8] = {'S', 'X', 'T', 'S', 'E', 'G', '0', '1'};
constexpr char kFooterMagic[8] = {'S', 'X', 'T', 'S', 'E', 'G', 'F', 'T'};
// The version written, and the oldest one still read (format 2 has no row
// checksums). A newer version is refused as "made by a newer Sextant".
constexpr uint32_t kVersion = 3;
constexpr uint32_t kOldestVersion = 2;
constexpr qint64 kHeaderSize = 128;
constexpr qint64 kFooterSize = 40;
constexpr uint32_t kBlockSize = 64 * 1024;
constexpr qint64 kAlign = 64;
// Bloom filter of the ids (docs/format.md, "Bloom filter"): 10 bits per row
// rounded up to a multiple of 64, at most 2^32 bits (512 MiB); 7 probes.
constexpr qint64 kBloomBitsPerRow = 10;
constexpr int kBloomProbes = 7;
constexpr qint64 kBloomMaxBits = qint64(1) << 32;
// Size of the filter in bits for a segment of `rows` rows (0 when empty).
qint64 bloomBits(qint64 rows);
QString fileName(uint64_t segmentId);
// The row checksum of format 3 (docs/format.md, "Row checksums"): XXH3-64 of
// u64 id length | id | D x f32 vector (little-endian) | u64 metadata length | metadata.
uint64_t rowChecksum(QByteArrayView id, const char *vectorLe, int dimensions, QByteArrayView metadata);
} // namespace segment

// A file the manifest names, with what full verify checks it against.
struct FileRecord {
    QString name;
    qint64 size = 0;
    QString sha256;
};

// Rows handed to the writer, already sorted by id, ids unique.
class SegmentRowSource {
public:
    virtual ~SegmentRowSource() = default;
    virtual qint64 rowCount() const = 0;
    virtual QByteArrayView id(qint64 row) const = 0;
    virtual const float *vector(qint64 row) const = 0;
    virtual QByteArrayView metadata(qint64 row) const = 0;
};

Result<FileRecord> writeSegment(const QString &dir, uint64_t segmentId, int dimensions, const SegmentRowSource &rows,
                                bool sync);

struct SegmentLayout {
    uint32_t version = 0;
    uint32_t dimensions = 0;
    qint64 rowCount = 0;
    uint32_t blockSize = 0;
    qint64 vectorsOffset = 0, normsOffset = 0, idOffsetsOffset = 0, idBytesOffset = 0, idBytesLength = 0,
           metaOffsetsOffset = 0, metaBytesOffset = 0, metaBytesLength = 0, bloomOffset = 0, bloomLength = 0,
           rowSumsOffset = 0, rowSumsLength = 0, // format 3; both 0 in format 2
        dataEnd = 0;
    qint64 blockCount = 0;
};

class Segment {
public:
    ~Segment();
    // Checks size arithmetic, header, footer and block table before mapping.
    static Result<std::shared_ptr<Segment>> open(const QString &path, uint64_t segmentId, int expectedDimensions);

    uint64_t segmentId() const { return m_id; }
    // Unique among the segments this process has opened, starting at 1 and
    // never reused: the same file opened twice gets two numbers. Rows never
    // change, so (instance, row) names one row's content for good.
    uint64_t instance() const { return m_instance; }
    qint64 rowCount() const { return m_layout.rowCount; }
    int dimensions() const { return int(m_layout.dimensions); }
    qint64 fileSize() const { return m_fileSize; }
    const QString &path() const { return m_path; }
    const SegmentLayout &layout() const { return m_layout; }
    uint32_t formatVersion() const { return m_layout.version; }
    bool hasRowChecksums() const { return m_layout.rowSumsLength > 0; }

    // Id, vector and metadata of a row are served when the blocks they sit
    // in match their checksums, or else (format 3) when the row's own
    // checksum matches its bytes: damage elsewhere in a block does not make
    // an intact row unreadable.

    // Id of a row (blocks verified on first use).
    Result<QByteArrayView> id(qint64 row) const;
    // Raw mapped vector of a row: for scans. Verified by verify(), not here.
    const float *vectorData(qint64 row) const;
    float norm(qint64 row) const;
    // Vector and metadata with their blocks verified: for get().
    Result<std::vector<float>> vectorChecked(qint64 row) const;
    Result<QByteArray> metadata(qint64 row) const;
    // The same, as a view into the mapping (valid while the Segment lives).
    Result<QByteArrayView> metadataView(qint64 row) const;
    // False only when `id` is certainly not in this segment (Bloom filter).
    // True when it may be, and also when a filter block fails its checksum:
    // damage never turns into a false "absent" (find() then reports it).
    bool mayContain(QByteArrayView id) const;
    // Row of `id`, or nullopt. Consults the filter first; a damaged filter
    // block that the probe reads is a Corruption error, like any other block.
    Result<std::optional<qint64>> find(QByteArrayView id) const;
    // First row whose id is greater than `id` (strictly).
    Result<qint64> upperBound(QByteArrayView id) const;

    // Format 3: does the row's checksum match its bytes as they are now?
    // False for format 2 and for a row whose offsets point out of bounds.
    bool rowChecksumMatches(qint64 row) const;
    // What can be read of a row without any check, for quarantine reports:
    // ids, metadata and vector as the bytes are (empty/null when the offsets
    // point outside their section). `idVerified` etc. say which parts were
    // confirmed by a block or row checksum.
    struct UncheckedRow {
        QByteArrayView id, metadata;
        const char *vector = nullptr; // D x f32 little-endian, in the mapping
        bool idVerified = false, vectorVerified = false, metadataVerified = false;
    };
    UncheckedRow readUnchecked(qint64 row) const;

    // Full check of every block against the table. Calls `onBadBlock` with the
    // block's offset and length for each mismatch; `onProgress` with bytes done.
    void verifyAllBlocks(const std::function<void(qint64 offset, qint64 length)> &onBadBlock,
                         const std::function<bool(qint64 bytes)> &onProgress = {}) const;
    const uchar *mappedData() const { return m_map; }

private:
    Segment() = default;
    Error ensureVerified(qint64 offset, qint64 length) const;
    // The row's id and metadata slices as the offsets say, bounds-checked
    // but not verified; false when an offset is out of bounds.
    bool rawRow(qint64 row, QByteArrayView *id, QByteArrayView *metadata) const;
    // The error for a row whose block failed and (format 3) whose row
    // checksum does too; names the block (so "at byte N" stays first).
    Error rowDamaged(qint64 row, const Error &blockError) const;
    // The filter's answer; sets `damage` (and answers true) when a block it
    // had to read does not match its checksum.
    bool probeFilter(QByteArrayView id, Error *damage) const;
    Error corrupt(qint64 offset, const QString &what) const;

    uint64_t m_id = 0;
    uint64_t m_instance = 0;
    QString m_path;
    QFile m_file;
    uchar *m_map = nullptr;
    qint64 m_fileSize = 0;
    SegmentLayout m_layout;
    std::vector<uint64_t> m_blockSums;
    // 0 = not checked yet, 1 = good, 2 = bad
    std::unique_ptr<std::atomic<uint8_t>[]> m_blockState;
};

} // namespace sextant::storage
