// The write-ahead log's frames: encoding, scanning, and what a scan says
// about every way the end of a log can be damaged.

#include "storage/Binary.h"
#include "base/Checksums.h"
#include "base/FileIo.h"
#include "storage/Record.h"
#include "storage/Wal.h"

#include "TestSupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;
using namespace sextant::storage;
using namespace sextant::base;
using namespace testsupport;

namespace {

Record makeRecord(RecordType type, const QByteArray &id, int dims, quint32 seed, const QByteArray &meta = "{}")
{
    Record r;
    r.type = type;
    r.id = id;
    if (type != RecordType::Delete) {
        r.vector = makeVector(dims, seed);
        r.metadata = meta;
    }
    return r;
}

bool sameRecords(const QList<Record> &a, const QList<Record> &b)
{
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].type != b[i].type || a[i].id != b[i].id || a[i].vector != b[i].vector ||
            a[i].metadata != b[i].metadata)
            return false;
    }
    return true;
}

// Records of frame `n` (1-based): a mix of kinds and sizes.
QList<Record> recordsForFrame(int n)
{
    QList<Record> rs;
    const int count = 1 + n % 3;
    for (int i = 0; i < count; ++i) {
        const QByteArray id = "item-" + QByteArray::number(n) + "-" + QByteArray::number(i);
        const RecordType t =
            (n + i) % 5 == 4 ? RecordType::Delete : ((n + i) % 2 ? RecordType::Upsert : RecordType::Insert);
        rs.append(makeRecord(t, id, 4 + n % 3, quint32(n * 10 + i),
                             "{\"n\":" + QByteArray::number(n) + ",\"tag\":\"" + QByteArray(n % 7, 'x') + "\"}"));
    }
    return rs;
}

QByteArray encodeFrame(uint64_t lsn, const QList<Record> &records, uint8_t type = wal::kFrameBatch)
{
    QByteArray out;
    const qsizetype start = wal::beginFrame(out, type, lsn);
    encodeBatchPayload(out, records);
    wal::endFrame(out, start);
    return out;
}

struct BuiltWal {
    QString path;
    QList<qint64> frameStarts; // offset of each frame
    QList<QList<Record>> frames;
    qint64 size = 0;
    uint64_t firstLsn = 0;
    qint64 frameEnd(int i) const { return i + 1 < frameStarts.size() ? frameStarts[i + 1] : size; }
};

// Writes a WAL of `frameCount` frames with LSNs firstLsn, firstLsn+1, ...
// `lsnOf` may override the LSN of a frame (for gap tests).
BuiltWal buildWal(const QString &path, int frameCount, uint64_t firstLsn = 1,
                  const std::function<uint64_t(int)> &lsnOf = {})
{
    BuiltWal b;
    b.path = path;
    b.firstLsn = firstLsn;
    Result<WalWriter> w = WalWriter::create(path, firstLsn, false);
    if (!w.ok()) {
        qWarning("%s", qPrintable(w.error().message()));
        return b;
    }
    qint64 at = wal::kHeaderSize;
    for (int i = 0; i < frameCount; ++i) {
        const QList<Record> rs = recordsForFrame(i + 1);
        const QByteArray frame = encodeFrame(lsnOf ? lsnOf(i) : firstLsn + uint64_t(i), rs);
        if (Error e = w->append(frame)) qWarning("%s", qPrintable(e.message()));
        b.frameStarts.append(at);
        b.frames.append(rs);
        at += frame.size();
    }
    b.size = at;
    w->close();
    return b;
}

struct Scan {
    Result<WalScanResult> result = Error(ErrorCode::InvalidArgument, QStringLiteral("not scanned"));
    QList<QList<Record>> decoded;
    QList<uint64_t> lsns;
    const WalScanResult &operator*() const { return *result; }
    const WalScanResult *operator->() const { return &*result; }
};

Scan scanFile(const QString &path, qint64 startOffset = 0, uint64_t expectedNextLsn = 0)
{
    Scan s;
    Result<File> f = File::open(path, File::Mode::ReadOnly);
    if (!f.ok()) {
        s.result = f.error();
        return s;
    }
    s.result = scanWal(*f, startOffset, expectedNextLsn, [&](uint64_t lsn, uint8_t, const char *p, size_t n) -> Error {
        Result<QList<Record>> rs = decodeBatchPayload(p, n);
        if (!rs.ok()) return rs.error();
        s.decoded.append(*rs);
        s.lsns.append(lsn);
        return {};
    });
    return s;
}

const char *kindName(WalTail::Kind k)
{
    switch (k) {
    case WalTail::Kind::Clean: return "Clean";
    case WalTail::Kind::Incomplete: return "Incomplete";
    case WalTail::Kind::Corrupt: return "Corrupt";
    }
    return "?";
}

QString describe(const Scan &s)
{
    if (!s.result.ok()) return QStringLiteral("error: ") + s.result.error().message();
    return QStringLiteral("%1 frames=%2 validEnd=%3 tail.offset=%4 tail.bytes=%5 after=%6 reason=%7")
        .arg(QLatin1String(kindName(s->tail.kind)))
        .arg(s->frames)
        .arg(s->validEnd)
        .arg(s->tail.offset)
        .arg(s->tail.bytes)
        .arg(s->tail.validFramesAfter)
        .arg(s->tail.reason);
}

QByteArray payloadOf(const QList<Record> &rs)
{
    QByteArray p;
    encodeBatchPayload(p, rs);
    return p;
}

} // namespace

class TestWal : public QObject {
    Q_OBJECT
private slots:
    void init();
    void headerLayout();
    void frameLayout();
    void fileNameSortsByLsn();
    void batchPayloadRoundTrip();
    void scanRoundTripIsClean();
    void emptyLogIsClean();
    void scanFromOffsetContinues();
    void truncationAtEveryOffsetIsIncomplete();
    void bitFlipInCompleteFrameIsCorrupt();
    void bitFlipInLengthFieldOfMiddleFrameIsNotATornTail();
    void bitFlipInLengthFieldOfLastFrameNeverAcceptsIt();
    void corruptionFollowedByValidFrames();
    void zeroFilledTailIsIncomplete_data();
    void zeroFilledTailIsIncomplete();
    void zerosInPlaceOfLastFrameAreIncomplete();
    void zerosInPlaceOfMiddleFrameAreCorrupt();
    void garbageTailIsNeverClean();
    void lsnGapIsCorrupt();
    void repeatedLsnIsCorrupt();
    void lsnMustStartAtHeaderFirstLsn();
    void unknownFrameTypeIsCorrupt();
    void callbackCorruptionStopsScanAsCorrupt();
    void callbackOtherErrorAbortsScan();
    void damagedHeaderIsRejected();
    void shortHeaderIsRejected();
    void headerVersionIsChecked();
    void writerCreateRefusesExistingFile();
    void writerOpenForAppendCutsTail();
    void decodeRejectsTruncatedPayloads();
    void decodeRejectsStrayBytesAndBadFields();
    void decodeFuzzRandomBytes();
    void decodeFuzzMutatedPayloads();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void TestWal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestWal::headerLayout()
{
    const QByteArray h = wal::encodeHeader(0x1122334455667788ull);
    QCOMPARE(h.size(), qsizetype(wal::kHeaderSize));
    QCOMPARE(h.left(8), QByteArray("SXTWAL01"));
    QCOMPARE(getU32(h.constData() + 8), 1u);
    QCOMPARE(getU32(h.constData() + 12), 0u);
    QCOMPARE(getU64(h.constData() + 16), quint64(0x1122334455667788ull));
    QCOMPARE(getU64(h.constData() + 24), xxh3(h.constData(), 24));

    // What create() writes is exactly this header.
    Result<WalWriter> w = WalWriter::create(path(QStringLiteral("w.log")), 0x1122334455667788ull, true);
    QVERIFY2(w.ok(), qPrintable(w.error().message()));
    QCOMPARE(w->size(), wal::kHeaderSize);
    w->close();
    QCOMPARE(readAll(path(QStringLiteral("w.log"))), h);
}

void TestWal::frameLayout()
{
    const QList<Record> rs = recordsForFrame(2);
    const QByteArray payload = payloadOf(rs);
    const QByteArray f = encodeFrame(0x0102030405060708ull, rs);
    QCOMPARE(f.size(), payload.size() + 24);
    QCOMPARE(qint64(getU32(f.constData())), qint64(payload.size()));
    QCOMPARE(uchar(f[4]), uchar(1));
    QCOMPARE(f.mid(5, 3), QByteArray(3, '\0'));
    QCOMPARE(getU64(f.constData() + 8), quint64(0x0102030405060708ull));
    QCOMPARE(f.mid(16, payload.size()), payload);
    QCOMPARE(getU64(f.constData() + f.size() - 8), xxh3(f.constData(), size_t(f.size() - 8)));

    // Frames appended after other bytes use their own start.
    QByteArray two = "prefix";
    const qsizetype start = wal::beginFrame(two, wal::kFrameBatch, 9);
    encodeBatchPayload(two, rs);
    wal::endFrame(two, start);
    QCOMPARE(two.mid(6), encodeFrame(9, rs));
}

void TestWal::fileNameSortsByLsn()
{
    QCOMPARE(wal::fileName(1), QStringLiteral("wal-00000000000000000001.log"));
    QVERIFY(wal::fileName(9) < wal::fileName(10));
    QVERIFY(wal::fileName(99999) < wal::fileName(100000));
}

void TestWal::batchPayloadRoundTrip()
{
    QList<Record> rs;
    rs.append(makeRecord(RecordType::Insert, "a", 3, 1, "{\"k\":1}"));
    rs.append(makeRecord(RecordType::Delete, "gone", 0, 0));
    rs.append(makeRecord(RecordType::Upsert, QString::fromUtf8("日本語-ü").toUtf8(), 3, 2, ""));
    rs.append(makeRecord(RecordType::Insert, QByteArray(512, 'z'), 8192, 3, QByteArray(10000, ' ')));
    Record special = makeRecord(RecordType::Insert, "special", 4, 4);
    special.vector = {0.0f, -0.0f, 1e-45f, 3.4e38f};
    rs.append(special);
    const QByteArray p = payloadOf(rs);
    Result<QList<Record>> back = decodeBatchPayload(p.constData(), size_t(p.size()));
    QVERIFY2(back.ok(), qPrintable(back.error().message()));
    QVERIFY(sameRecords(*back, rs));
    QCOMPARE(std::signbit(back->at(4).vector[1]), true); // bit-exact floats

    // An empty batch is a valid (if useless) payload.
    const QByteArray empty = payloadOf({});
    QCOMPARE(empty.size(), 4);
    Result<QList<Record>> none = decodeBatchPayload(empty.constData(), size_t(empty.size()));
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

void TestWal::scanRoundTripIsClean()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 12, 100);
    QCOMPARE(fileSize(b.path), b.size);
    const Scan s = scanFile(b.path);
    QVERIFY2(s.result.ok(), qPrintable(describe(s)));
    QCOMPARE(s->tail.kind, WalTail::Kind::Clean);
    QCOMPARE(s->firstLsn, quint64(100));
    QCOMPARE(s->lastLsn, quint64(111));
    QCOMPARE(s->frames, qint64(12));
    QCOMPARE(s->validEnd, b.size);
    QCOMPARE(s.decoded.size(), 12);
    for (int i = 0; i < 12; ++i) {
        QVERIFY(sameRecords(s.decoded[i], b.frames[i]));
        QCOMPARE(s.lsns[i], quint64(100 + i));
    }
}

void TestWal::emptyLogIsClean()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 0, 42);
    const Scan s = scanFile(b.path);
    QVERIFY2(s.result.ok(), qPrintable(describe(s)));
    QCOMPARE(s->tail.kind, WalTail::Kind::Clean);
    QCOMPARE(s->frames, qint64(0));
    QCOMPARE(s->firstLsn, quint64(42));
    QCOMPARE(s->lastLsn, quint64(41));
    QCOMPARE(s->validEnd, wal::kHeaderSize);
}

void TestWal::scanFromOffsetContinues()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 6, 1);
    const Scan s = scanFile(b.path, b.frameStarts[4], 5);
    QVERIFY2(s.result.ok(), qPrintable(describe(s)));
    QCOMPARE(s->tail.kind, WalTail::Kind::Clean);
    QCOMPARE(s->frames, qint64(2));
    QCOMPARE(s->lastLsn, quint64(6));
    QCOMPARE(s.lsns, (QList<uint64_t>{5, 6}));
    QVERIFY(sameRecords(s.decoded[0], b.frames[4]));

    // Starting there while expecting another LSN is corruption, not success.
    const Scan wrong = scanFile(b.path, b.frameStarts[4], 4);
    QVERIFY(wrong.result.ok());
    QCOMPARE(wrong->tail.kind, WalTail::Kind::Corrupt);
    QCOMPARE(wrong->frames, qint64(0));
}

void TestWal::truncationAtEveryOffsetIsIncomplete()
{
    const BuiltWal b = buildWal(path(QStringLiteral("full.log")), 8, 1);
    const QByteArray full = readAll(b.path);
    const int n = b.frameStarts.size();
    const QString cutPath = path(QStringLiteral("cut.log"));
    int checked = 0;
    // Every byte offset inside the last three frames, and the exact end.
    for (qint64 cut = b.frameStarts[n - 3]; cut <= b.size; ++cut) {
        QVERIFY(writeAll(cutPath, full.left(cut)));
        const Scan s = scanFile(cutPath);
        QVERIFY2(s.result.ok(), qPrintable(QStringLiteral("cut %1: %2").arg(cut).arg(describe(s))));
        int whole = 0;
        while (whole < n && b.frameEnd(whole) <= cut)
            ++whole;
        const qint64 validEnd = whole == 0 ? wal::kHeaderSize : b.frameEnd(whole - 1);
        const QString ctx = QStringLiteral("cut at %1: %2").arg(cut).arg(describe(s));
        QVERIFY2(s->frames == whole, qPrintable(ctx));
        QVERIFY2(s->validEnd == validEnd, qPrintable(ctx));
        QVERIFY2(s->lastLsn == uint64_t(whole), qPrintable(ctx));
        QVERIFY2(s.decoded.size() == whole, qPrintable(ctx));
        for (int i = 0; i < whole; ++i)
            QVERIFY2(sameRecords(s.decoded[i], b.frames[i]), qPrintable(ctx));
        if (cut == validEnd) {
            QVERIFY2(s->tail.kind == WalTail::Kind::Clean, qPrintable(ctx));
        } else {
            QVERIFY2(s->tail.kind == WalTail::Kind::Incomplete, qPrintable(ctx));
            QVERIFY2(s->tail.offset == validEnd, qPrintable(ctx));
            QVERIFY2(s->tail.bytes == cut - validEnd, qPrintable(ctx));
            QVERIFY2(!s->tail.reason.isEmpty(), qPrintable(ctx));
            QVERIFY2(!s->tail.validFramesAfter, qPrintable(ctx));
        }
        ++checked;
    }
    QVERIFY(checked > 3 * 24);
}

void TestWal::bitFlipInCompleteFrameIsCorrupt()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 4, 1);
    const int n = b.frameStarts.size();
    int flips = 0;
    for (int f = 0; f < n; ++f) {
        // Every bit after the 4-byte length field (see the length tests below).
        for (qint64 at = b.frameStarts[f] + 4; at < b.frameEnd(f); ++at) {
            for (int bit = 0; bit < 8; ++bit) {
                QVERIFY(flipBit(b.path, at, bit));
                const Scan s = scanFile(b.path);
                QVERIFY(flipBit(b.path, at, bit));
                const QString ctx = QStringLiteral("frame %1 byte %2 bit %3: %4")
                                        .arg(f)
                                        .arg(at - b.frameStarts[f])
                                        .arg(bit)
                                        .arg(describe(s));
                QVERIFY2(s.result.ok(), qPrintable(ctx));
                QVERIFY2(s->tail.kind == WalTail::Kind::Corrupt, qPrintable(ctx));
                QVERIFY2(s->frames == f, qPrintable(ctx));
                QVERIFY2(s->validEnd == b.frameStarts[f], qPrintable(ctx));
                QVERIFY2(s->tail.offset == b.frameStarts[f], qPrintable(ctx));
                QVERIFY2(s->tail.bytes == b.size - b.frameStarts[f], qPrintable(ctx));
                QVERIFY2(s->tail.validFramesAfter == (f < n - 1), qPrintable(ctx));
                QVERIFY2(!s->tail.reason.isEmpty(), qPrintable(ctx));
                QVERIFY2(s.decoded.size() == f, qPrintable(ctx));
                ++flips;
            }
        }
    }
    QVERIFY(flips > 1000);
    QCOMPARE(scanFile(b.path)->tail.kind, WalTail::Kind::Clean);
}

void TestWal::bitFlipInLengthFieldOfMiddleFrameIsNotATornTail()
{
    // A damaged length field in a frame that has complete, valid frames after
    // it is corruption, not an interrupted write: calling it "Incomplete"
    // would let recovery silently drop the acknowledged frames after it.
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 4, 1);
    QStringList wrong;
    for (int f = 0; f < 3; ++f) {
        for (int bit = 0; bit < 32; ++bit) {
            QVERIFY(flipBit(b.path, b.frameStarts[f] + bit / 8, bit % 8));
            const Scan s = scanFile(b.path);
            QVERIFY(flipBit(b.path, b.frameStarts[f] + bit / 8, bit % 8));
            QVERIFY(s.result.ok());
            QVERIFY2(s->frames == f && s->validEnd == b.frameStarts[f], qPrintable(describe(s)));
            if (s->tail.kind != WalTail::Kind::Corrupt || !s->tail.validFramesAfter)
                wrong << QStringLiteral("frame %1 length bit %2 -> %3 (validFramesAfter %4)")
                             .arg(f)
                             .arg(bit)
                             .arg(QLatin1String(kindName(s->tail.kind)))
                             .arg(s->tail.validFramesAfter);
        }
    }
    QVERIFY2(wrong.isEmpty(),
             qPrintable(
                 QStringLiteral("%1 of 96 length-field flips in middle frames were not reported as corruption, e.g. %2")
                     .arg(wrong.size())
                     .arg(wrong.value(0))));
}

void TestWal::bitFlipInLengthFieldOfLastFrameNeverAcceptsIt()
{
    // For the last frame a longer length is indistinguishable from a torn
    // write; whatever the verdict, the frame must not be accepted.
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 3, 1);
    const qint64 last = b.frameStarts.last();
    for (int bit = 0; bit < 32; ++bit) {
        QVERIFY(flipBit(b.path, last + bit / 8, bit % 8));
        const Scan s = scanFile(b.path);
        QVERIFY(flipBit(b.path, last + bit / 8, bit % 8));
        QVERIFY(s.result.ok());
        QVERIFY2(s->tail.kind != WalTail::Kind::Clean, qPrintable(describe(s)));
        QCOMPARE(s->frames, qint64(2));
        QCOMPARE(s->validEnd, last);
    }
}

void TestWal::corruptionFollowedByValidFrames()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 6, 1);
    // Damage the payload of the third frame: three valid frames follow.
    QVERIFY(flipBit(b.path, b.frameStarts[2] + 20, 3));
    const Scan s = scanFile(b.path);
    QVERIFY(s.result.ok());
    QCOMPARE(s->tail.kind, WalTail::Kind::Corrupt);
    QCOMPARE(s->tail.validFramesAfter, true);
    QCOMPARE(s->frames, qint64(2));
    QCOMPARE(s->validEnd, b.frameStarts[2]);
    QCOMPARE(s->tail.offset, b.frameStarts[2]);
    QVERIFY(s->tail.reason.contains(QStringLiteral("checksum")));

    // Damage in the last frame only: nothing valid after it.
    QVERIFY(flipBit(b.path, b.frameStarts[2] + 20, 3));
    QVERIFY(flipBit(b.path, b.size - 1, 0));
    const Scan t = scanFile(b.path);
    QCOMPARE(t->tail.kind, WalTail::Kind::Corrupt);
    QCOMPARE(t->tail.validFramesAfter, false);
    QCOMPARE(t->frames, qint64(5));
}

void TestWal::zeroFilledTailIsIncomplete_data()
{
    QTest::addColumn<int>("zeros");
    for (int z : {1, 8, 16, 23, 24, 25, 40, 100, 4096, 70000})
        QTest::newRow(qPrintable(QString::number(z))) << z;
}

void TestWal::zeroFilledTailIsIncomplete()
{
    QFETCH(int, zeros);
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 3, 1);
    {
        QFile f(b.path);
        QVERIFY(f.open(QIODevice::Append));
        QCOMPARE(f.write(QByteArray(zeros, '\0')), qint64(zeros));
    }
    const Scan s = scanFile(b.path);
    QVERIFY(s.result.ok());
    QVERIFY2(s->tail.kind == WalTail::Kind::Incomplete, qPrintable(describe(s)));
    QCOMPARE(s->frames, qint64(3));
    QCOMPARE(s->validEnd, b.size);
    QCOMPARE(s->tail.offset, b.size);
    QCOMPARE(s->tail.bytes, qint64(zeros));
    QCOMPARE(s->tail.validFramesAfter, false);
}

void TestWal::zerosInPlaceOfLastFrameAreIncomplete()
{
    // The file grew but the frame's data never reached the disk.
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 3, 1);
    QByteArray bytes = readAll(b.path);
    const qint64 last = b.frameStarts.last();
    bytes.replace(last, b.size - last, QByteArray(b.size - last, '\0'));
    QVERIFY(writeAll(b.path, bytes));
    const Scan s = scanFile(b.path);
    QVERIFY2(s->tail.kind == WalTail::Kind::Incomplete, qPrintable(describe(s)));
    QCOMPARE(s->frames, qint64(2));
    QCOMPARE(s->validEnd, last);
}

void TestWal::zerosInPlaceOfMiddleFrameAreCorrupt()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 4, 1);
    QByteArray bytes = readAll(b.path);
    const qint64 at = b.frameStarts[1];
    bytes.replace(at, b.frameEnd(1) - at, QByteArray(b.frameEnd(1) - at, '\0'));
    QVERIFY(writeAll(b.path, bytes));
    const Scan s = scanFile(b.path);
    QVERIFY2(s->tail.kind == WalTail::Kind::Corrupt, qPrintable(describe(s)));
    QCOMPARE(s->frames, qint64(1));
    QCOMPARE(s->validEnd, at);
    QVERIFY2(s->tail.validFramesAfter, qPrintable(describe(s)));
}

void TestWal::garbageTailIsNeverClean()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 3, 1);
    const QByteArray good = readAll(b.path);
    QRandomGenerator g(1234);
    for (int round = 0; round < 300; ++round) {
        QByteArray junk(1 + int(g.bounded(300)), Qt::Uninitialized);
        for (auto &c : junk)
            c = char(g.bounded(256));
        QVERIFY(writeAll(b.path, good + junk));
        const Scan s = scanFile(b.path);
        QVERIFY2(s.result.ok(), qPrintable(describe(s)));
        QVERIFY2(s->tail.kind != WalTail::Kind::Clean, qPrintable(describe(s)));
        QCOMPARE(s->frames, qint64(3));
        QCOMPARE(s->validEnd, b.size);
        QCOMPARE(s->tail.bytes, qint64(junk.size()));
    }
}

void TestWal::lsnGapIsCorrupt()
{
    const BuiltWal b =
        buildWal(path(QStringLiteral("w.log")), 4, 1, [](int i) { return i < 2 ? uint64_t(i + 1) : uint64_t(i + 2); });
    const Scan s = scanFile(b.path);
    QVERIFY(s.result.ok());
    QCOMPARE(s->tail.kind, WalTail::Kind::Corrupt);
    QCOMPARE(s->frames, qint64(2));
    QCOMPARE(s->lastLsn, quint64(2));
    QCOMPARE(s->validEnd, b.frameStarts[2]);
    QVERIFY2(s->tail.reason.contains(QStringLiteral("LSN")), qPrintable(s->tail.reason));
}

void TestWal::repeatedLsnIsCorrupt()
{
    const BuiltWal b =
        buildWal(path(QStringLiteral("w.log")), 3, 1, [](int i) { return uint64_t(i == 2 ? 2 : i + 1); });
    const Scan s = scanFile(b.path);
    QCOMPARE(s->tail.kind, WalTail::Kind::Corrupt);
    QCOMPARE(s->frames, qint64(2));
}

void TestWal::lsnMustStartAtHeaderFirstLsn()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 2, 10, [](int i) { return uint64_t(11 + i); });
    const Scan s = scanFile(b.path);
    QCOMPARE(s->tail.kind, WalTail::Kind::Corrupt);
    QCOMPARE(s->frames, qint64(0));
    QCOMPARE(s->validEnd, wal::kHeaderSize);
}

void TestWal::unknownFrameTypeIsCorrupt()
{
    const QString p = path(QStringLiteral("w.log"));
    Result<WalWriter> w = WalWriter::create(p, 1, false);
    QVERIFY(w.ok());
    QVERIFY(!w->append(encodeFrame(1, recordsForFrame(1))));
    const qint64 second = w->size();
    QVERIFY(!w->append(encodeFrame(2, recordsForFrame(2), 7)));
    w->close();
    const Scan s = scanFile(p);
    QCOMPARE(s->tail.kind, WalTail::Kind::Corrupt);
    QCOMPARE(s->frames, qint64(1));
    QCOMPARE(s->validEnd, second);
    QVERIFY2(s->tail.reason.contains(QStringLiteral("type")), qPrintable(s->tail.reason));
}

void TestWal::callbackCorruptionStopsScanAsCorrupt()
{
    // A frame whose checksum is right but whose payload does not parse.
    const QString p = path(QStringLiteral("w.log"));
    Result<WalWriter> w = WalWriter::create(p, 1, false);
    QVERIFY(w.ok());
    QVERIFY(!w->append(encodeFrame(1, recordsForFrame(1))));
    const qint64 second = w->size();
    QByteArray bad;
    const qsizetype start = wal::beginFrame(bad, wal::kFrameBatch, 2);
    bad.append("\x05\x00\x00\x00garbage", 11);
    wal::endFrame(bad, start);
    QVERIFY(!w->append(bad));
    QVERIFY(!w->append(encodeFrame(3, recordsForFrame(3))));
    w->close();
    const Scan s = scanFile(p);
    QVERIFY2(s.result.ok(), qPrintable(describe(s)));
    QCOMPARE(s->tail.kind, WalTail::Kind::Corrupt);
    QCOMPARE(s->frames, qint64(1));
    QCOMPARE(s->validEnd, second);
    QVERIFY(!s->tail.reason.isEmpty());
}

void TestWal::callbackOtherErrorAbortsScan()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 3, 1);
    Result<File> f = File::open(b.path, File::Mode::ReadOnly);
    QVERIFY(f.ok());
    int calls = 0;
    Result<WalScanResult> r = scanWal(*f, 0, 0, [&](uint64_t, uint8_t, const char *, size_t) -> Error {
        if (++calls == 2) return Error(ErrorCode::Io, QStringLiteral("disk on fire"));
        return {};
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::Io);
    QCOMPARE(r.error().message(), QStringLiteral("disk on fire"));
    QCOMPARE(calls, 2);
}

void TestWal::damagedHeaderIsRejected()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 2, 1);
    for (int bit = 0; bit < 32 * 8; ++bit) {
        QVERIFY(flipBit(b.path, bit / 8, bit % 8));
        const Scan s = scanFile(b.path);
        QVERIFY(flipBit(b.path, bit / 8, bit % 8));
        QVERIFY2(!s.result.ok(), qPrintable(QStringLiteral("header bit %1 accepted").arg(bit)));
        QCOMPARE(s.result.error().code(), ErrorCode::Corruption);
        QVERIFY(!s.result.error().message().isEmpty());
    }
    QVERIFY(scanFile(b.path).result.ok());
}

void TestWal::shortHeaderIsRejected()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 0, 1);
    const QByteArray header = readAll(b.path);
    for (int len = 0; len < 32; ++len) {
        QVERIFY(writeAll(b.path, header.left(len)));
        const Scan s = scanFile(b.path);
        QVERIFY(!s.result.ok());
        QCOMPARE(s.result.error().code(), ErrorCode::Corruption);
    }
}

void TestWal::headerVersionIsChecked()
{
    QByteArray h = wal::encodeHeader(1);
    putU32(h.data() + 8, 2);
    putU64(h.data() + 24, xxh3(h.constData(), 24));
    const QString p = path(QStringLiteral("w.log"));
    QVERIFY(writeAll(p, h));
    const Scan s = scanFile(p);
    QVERIFY(!s.result.ok());
    QCOMPARE(s.result.error().code(), ErrorCode::UnsupportedFormat);
}

void TestWal::writerCreateRefusesExistingFile()
{
    // The writer never replaces a file that exists (issue 14, B1).
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 3, 1);
    const QByteArray before = readAll(b.path);
    Result<WalWriter> w = WalWriter::create(b.path, 50, false);
    QVERIFY(!w.ok());
    QCOMPARE(w.error().code(), ErrorCode::AlreadyExists);
    QCOMPARE(readAll(b.path), before);
    QVERIFY(!QFileInfo::exists(b.path + QStringLiteral(".tmp")));
}

void TestWal::writerOpenForAppendCutsTail()
{
    const BuiltWal b = buildWal(path(QStringLiteral("w.log")), 3, 1);
    {
        QFile f(b.path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(encodeFrame(4, recordsForFrame(4)).left(30)); // a torn frame
    }
    const Scan torn = scanFile(b.path);
    QCOMPARE(torn->tail.kind, WalTail::Kind::Incomplete);
    Result<WalWriter> w = WalWriter::openForAppend(b.path, torn->validEnd, true);
    QVERIFY2(w.ok(), qPrintable(w.error().message()));
    QCOMPARE(w->size(), b.size);
    QCOMPARE(fileSize(b.path), b.size);
    QVERIFY(!w->append(encodeFrame(4, recordsForFrame(4))));
    QVERIFY(!w->append(encodeFrame(5, recordsForFrame(5))));
    QVERIFY(!w->sync());
    w->close();
    const Scan s = scanFile(b.path);
    QCOMPARE(s->tail.kind, WalTail::Kind::Clean);
    QCOMPARE(s->frames, qint64(5));
    QCOMPARE(s->lastLsn, quint64(5));
    QVERIFY(sameRecords(s.decoded[3], recordsForFrame(4)));

    // Nothing to cut: the file is left alone.
    Result<WalWriter> again = WalWriter::openForAppend(b.path, s->validEnd, false);
    QVERIFY(again.ok());
    QCOMPARE(again->size(), s->validEnd);

    // A missing file is an I/O error naming the path.
    Result<WalWriter> missing = WalWriter::openForAppend(path(QStringLiteral("nope.log")), 32, false);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code(), ErrorCode::Io);
    QVERIFY(missing.error().message().contains(QStringLiteral("nope.log")));
}

void TestWal::decodeRejectsTruncatedPayloads()
{
    QList<Record> rs = recordsForFrame(2);
    rs.append(makeRecord(RecordType::Delete, "deleted-one", 0, 0));
    rs.append(makeRecord(RecordType::Insert, "last", 5, 9, "{\"a\":[1,2,3]}"));
    const QByteArray p = payloadOf(rs);
    for (int len = 0; len < p.size(); ++len) {
        const QByteArray cut = p.left(len); // own buffer so tools like ASan see overreads
        Result<QList<Record>> r = decodeBatchPayload(cut.constData(), size_t(cut.size()));
        QVERIFY2(!r.ok(),
                 qPrintable(QStringLiteral("a payload cut at %1 of %2 bytes was accepted").arg(len).arg(p.size())));
        QCOMPARE(r.error().code(), ErrorCode::Corruption);
    }
    QVERIFY(decodeBatchPayload(p.constData(), size_t(p.size())).ok());
}

void TestWal::decodeRejectsStrayBytesAndBadFields()
{
    const QList<Record> rs{makeRecord(RecordType::Insert, "a", 2, 1)};
    const QByteArray p = payloadOf(rs);
    auto rejects = [](const QByteArray &bytes) {
        Result<QList<Record>> r = decodeBatchPayload(bytes.constData(), size_t(bytes.size()));
        return !r.ok() && r.error().code() == ErrorCode::Corruption;
    };
    QVERIFY(rejects(p + '\0'));
    QVERIFY(rejects(p + "xyz"));
    for (uchar type : {uchar(0), uchar(4), uchar(255)}) {
        QByteArray bad = p;
        bad[4] = char(type);
        QVERIFY2(rejects(bad), qPrintable(QStringLiteral("type %1").arg(type)));
    }
    QByteArray hugeCount = p;
    putU32(hugeCount.data(), 0xFFFFFFFFu);
    QVERIFY(rejects(hugeCount));
    QByteArray moreRecords = p;
    putU32(moreRecords.data(), 2);
    QVERIFY(rejects(moreRecords));
    QByteArray fewerRecords = p;
    putU32(fewerRecords.data(), 0);
    QVERIFY(rejects(fewerRecords));
    QByteArray hugeId = p;
    putU32(hugeId.data() + 8, 0xFFFFFFF0u);
    QVERIFY(rejects(hugeId));
    QByteArray hugeDims = p;
    putU32(hugeDims.data() + 13, 8193);
    QVERIFY(rejects(hugeDims));
    QByteArray maxDims = p;
    putU32(maxDims.data() + 13, 0xFFFFFFFFu);
    QVERIFY(rejects(maxDims));
    QByteArray hugeMeta = p;
    putU32(hugeMeta.data() + 13 + 4 + 8, 0x7FFFFFFFu);
    QVERIFY(rejects(hugeMeta));
}

void TestWal::decodeFuzzRandomBytes()
{
    QRandomGenerator g(20240601);
    int accepted = 0;
    for (int round = 0; round < 30000; ++round) {
        QByteArray b(int(g.bounded(160)), Qt::Uninitialized);
        for (auto &c : b)
            c = char(g.bounded(256));
        // Make plausible structure likely: a small count and small lengths.
        if (b.size() >= 4 && round % 2) putU32(b.data(), g.bounded(4));
        if (b.size() >= 12 && round % 3 == 0) {
            b[4] = char(1 + g.bounded(3));
            putU32(b.data() + 8, g.bounded(8));
        }
        Result<QList<Record>> r = decodeBatchPayload(b.constData(), size_t(b.size()));
        if (!r.ok()) {
            QCOMPARE(r.error().code(), ErrorCode::Corruption);
            continue;
        }
        ++accepted;
        // Whatever is accepted is well-formed: it re-encodes to the same size
        // and decodes to the same records.
        QByteArray again;
        encodeBatchPayload(again, *r);
        QCOMPARE(again.size(), b.size());
        Result<QList<Record>> r2 = decodeBatchPayload(again.constData(), size_t(again.size()));
        QVERIFY(r2.ok());
        QVERIFY(sameRecords(*r, *r2));
        for (const Record &rec : *r) {
            QVERIFY(rec.vector.size() <= 8192);
            QVERIFY(int(rec.type) >= 1 && int(rec.type) <= 3);
        }
    }
    QVERIFY(accepted > 0); // the generator does reach the success path
}

void TestWal::decodeFuzzMutatedPayloads()
{
    QRandomGenerator g(77);
    QList<QByteArray> seeds;
    for (int n = 1; n <= 6; ++n)
        seeds.append(payloadOf(recordsForFrame(n)));
    for (int round = 0; round < 20000; ++round) {
        QByteArray b = seeds[int(g.bounded(seeds.size()))];
        const int edits = 1 + int(g.bounded(4));
        for (int e = 0; e < edits; ++e) {
            const int at = int(g.bounded(b.size()));
            switch (g.bounded(4)) {
            case 0: b[at] = char(uchar(b[at]) ^ (1u << g.bounded(8))); break;
            case 1: b[at] = char(g.bounded(256)); break;
            case 2: b.truncate(at); break;
            default: b.insert(at, char(g.bounded(256))); break;
            }
            if (b.isEmpty()) break;
        }
        Result<QList<Record>> r = decodeBatchPayload(b.constData(), size_t(b.size()));
        if (r.ok()) {
            for (const Record &rec : *r)
                QVERIFY(rec.vector.size() <= 8192);
        } else {
            QCOMPARE(r.error().code(), ErrorCode::Corruption);
        }
    }
}

QTEST_GUILESS_MAIN(TestWal)
#include "tst_wal.moc"
