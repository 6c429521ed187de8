// A torn or damaged WAL tail: open recovers exactly the frames that are
// intact, reports the cut, and verify tells an interrupted write (a note)
// from a damaged complete frame (a finding).

#include "IndexTestSupport.h"
#include "VerifySupport.h"

#include "storage/Binary.h"
#include "storage/Manifest.h"
#include "storage/Record.h"
#include "storage/Wal.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;
using namespace testsupport;

namespace {

// One write call = one WAL frame.
using Batch = QList<WriteOp>;

QList<Batch> workload()
{
    QList<Batch> b;
    for (int i = 0; i < 8; ++i)
        b.append({WriteOp::insert(makeItem(QStringLiteral("i%1").arg(i), quint32(i)))});
    b.append({WriteOp::upsert(makeItem(QStringLiteral("i0"), 100))});
    b.append({WriteOp::remove(QStringLiteral("i5"))});
    b.append({WriteOp::insert(makeItem(QStringLiteral("j0"), 200)),
              WriteOp::insert(makeItem(QStringLiteral("j1"), 201)), WriteOp::remove(QStringLiteral("i2"))});
    b.append({WriteOp::upsert(
        makeItem(QStringLiteral("i3"), 300, 4, QJsonObject{{QStringLiteral("long"), QString(300, u'L')}}))});
    b.append({WriteOp::insert(makeItem(QStringLiteral("k"), 400))});
    return b;
}

Expected applyBatches(const QList<Batch> &batches, int count)
{
    Expected e;
    for (int i = 0; i < count; ++i) {
        for (const WriteOp &op : batches[i]) {
            if (op.kind == WriteOp::Kind::Delete)
                e.erase(op.item.id.toUtf8());
            else
                expectPut(e, op.item);
        }
    }
    return e;
}

QList<qint64> frameStarts(const QByteArray &wal)
{
    QList<qint64> starts;
    qint64 at = sextant::storage::wal::kHeaderSize;
    while (at + 24 <= wal.size()) {
        starts.append(at);
        at += 24 + sextant::storage::getU32(wal.constData() + at);
    }
    return starts;
}

} // namespace

class TestTornTail : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void pristineCopyRecoversEverything();
    void truncationAtEveryOffsetOfLastFrames();
    void truncatedIndexAcceptsNewWritesAfterRecovery();
    void bitFlipsInLastFrame();
    void damageWithValidFramesAfterIsRefusedByDefault();
    void absoluteConsistencyRefusesTornTail();
    void readOnlyOpenLeavesTornTailAlone();
    void zeroFilledTail();
    void checksummedRecordsOfAnotherShapeAreDamage_data();
    void checksummedRecordsOfAnotherShapeAreDamage();

private:
    QTemporaryDir m_base;
    QString m_pristine; // a copy of the index taken while its writer was open
    QString m_walName;
    QByteArray m_wal;
    QList<qint64> m_frames; // offsets of the WAL frames in m_wal
    QList<Batch> m_batches;
    int m_checkpointed = 4; // batches folded into a segment before the copy
    std::unique_ptr<QTemporaryDir> m_work;

    QString work() const { return m_work->filePath(QStringLiteral("idx")); }
    QString workWal() const { return work() + u'/' + m_walName; }
    // A fresh copy of the pristine index whose WAL is `wal`.
    bool prepare(const QByteArray &wal);
    Expected expectedWithFrames(int frames) const { return applyBatches(m_batches, m_checkpointed + frames); }
    int wholeFramesIn(qint64 size) const;
    qint64 frameEnd(int i) const { return i + 1 < m_frames.size() ? m_frames[i + 1] : m_wal.size(); }
};

void TestTornTail::initTestCase()
{
    QVERIFY(m_base.isValid());
    const QString live = m_base.filePath(QStringLiteral("live"));
    m_pristine = m_base.filePath(QStringLiteral("pristine"));
    m_batches = workload();
    Result<std::shared_ptr<Index>> idx = Index::create(live, smallSchema(4), Durability::Full);
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    for (int i = 0; i < m_batches.size(); ++i) {
        const WriteResult r = waitFor((*idx)->write(m_batches[i]));
        QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
        if (i + 1 == m_checkpointed) QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
    }
    // Every future has completed, so every frame is acknowledged (and, in
    // durability "full", on disk): copy the folder as a crash would leave it.
    QVERIFY(copyFolder(live, m_pristine, {QStringLiteral("LOCK")}));
    QVERIFY(!(*idx)->close());
    // The live WAL is the one the manifest names (the previous one is kept
    // while the previous manifest refers to it).
    Result<storage::Manifest> m = storage::Manifest::read(m_pristine + QStringLiteral("/MANIFEST"));
    QVERIFY2(m.ok(), qPrintable(m.error().message()));
    QCOMPARE(m->checkpointLsn, quint64(m_checkpointed));
    m_walName = m->walFile;
    m_wal = readAll(m_pristine + u'/' + m_walName);
    m_frames = frameStarts(m_wal);
    QCOMPARE(m_frames.size(), m_batches.size() - m_checkpointed);
    QCOMPARE(frameEnd(m_frames.size() - 1), qint64(m_wal.size()));
}

void TestTornTail::init()
{
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_work->isValid());
}

bool TestTornTail::prepare(const QByteArray &wal)
{
    QDir(work()).removeRecursively();
    if (!copyFolder(m_pristine, work())) return false;
    return writeAll(workWal(), wal);
}

int TestTornTail::wholeFramesIn(qint64 size) const
{
    int n = 0;
    while (n < m_frames.size() && frameEnd(n) <= size)
        ++n;
    return n;
}

void TestTornTail::pristineCopyRecoversEverything()
{
    QVERIFY(prepare(m_wal));
    Result<VerifyReport> v = verifyIndex(work(), VerifyOptions{true, {}});
    QVERIFY(v.ok());
    QVERIFY(v->clean());
    QVERIFY(v->findings.isEmpty());
    Result<std::shared_ptr<Index>> idx = Index::open(work());
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    const OpenReport &rep = (*idx)->openReport();
    QVERIFY(!rep.tailCut);
    QCOMPARE(rep.replayedFrames, quint64(m_frames.size()));
    QCOMPARE(rep.lastLsn, quint64(m_batches.size()));
    QCOMPARE(diffContent(**idx, expectedWithFrames(int(m_frames.size()))), QString());
}

void TestTornTail::truncationAtEveryOffsetOfLastFrames()
{
    const int n = int(m_frames.size());
    OpenOptions fast;
    fast.durability = Durability::Off; // the checkpoint on close need not sync
    int cuts = 0;
    for (qint64 cut = m_frames[n - 3]; cut <= m_wal.size(); ++cut) {
        QVERIFY(prepare(m_wal.left(cut)));
        const int whole = wholeFramesIn(cut);
        const qint64 validEnd = whole == 0 ? storage::wal::kHeaderSize : frameEnd(whole - 1);
        const bool torn = cut != validEnd;
        const QString ctx = QStringLiteral("WAL cut at %1 (%2 whole frames)").arg(cut).arg(whole);

        // verify: an unfinished last frame is a note, not a problem.
        Result<VerifyReport> v = verifyIndex(work());
        QVERIFY2(v.ok(), qPrintable(ctx));
        QVERIFY2(v->clean(), qPrintable(ctx));
        int notes = 0;
        for (const Finding &f : v->findings) {
            QCOMPARE(f.severity, Finding::Severity::Info);
            QCOMPARE(f.file, m_walName);
            QCOMPARE(f.offset, validEnd);
            ++notes;
        }
        QVERIFY2(notes == (torn ? 1 : 0), qPrintable(ctx));

        Result<std::shared_ptr<Index>> idx = Index::open(work(), fast);
        QVERIFY2(idx.ok(), qPrintable(ctx + u' ' + idx.error().message()));
        const OpenReport &rep = (*idx)->openReport();
        QVERIFY2(rep.tailCut == torn, qPrintable(ctx));
        QVERIFY2(!rep.tailWasCorrupt, qPrintable(ctx));
        QVERIFY2(rep.replayedFrames == quint64(whole), qPrintable(ctx));
        QVERIFY2(rep.lastLsn == quint64(m_checkpointed + whole), qPrintable(ctx));
        if (torn) {
            QVERIFY2(rep.cutOffset == validEnd, qPrintable(ctx));
            QVERIFY2(rep.cutBytes == cut - validEnd, qPrintable(ctx));
            QVERIFY2(!rep.tailReason.isEmpty(), qPrintable(ctx));
            QVERIFY2(!rep.notes.isEmpty(), qPrintable(ctx));
            QVERIFY2(rep.quarantinedTo.isEmpty(), qPrintable(ctx));     // a torn write is not kept
            QVERIFY2(fileSize(workWal()) == validEnd, qPrintable(ctx)); // the tail was cut on disk
        }
        const QString diff = diffContent(**idx, expectedWithFrames(whole));
        QVERIFY2(diff.isEmpty(), qPrintable(ctx + u' ' + diff));
        ++cuts;
    }
    QVERIFY(cuts > 3 * 24);
}

void TestTornTail::truncatedIndexAcceptsNewWritesAfterRecovery()
{
    const int n = int(m_frames.size());
    for (qint64 cut : {m_frames[n - 1] + 1, m_frames[n - 1] + 17, m_frames[n - 2] + 30, qint64(m_wal.size()) - 1}) {
        QVERIFY(prepare(m_wal.left(cut)));
        const int whole = wholeFramesIn(cut);
        Expected expected = expectedWithFrames(whole);
        {
            Result<std::shared_ptr<Index>> idx = Index::open(work());
            QVERIFY(idx.ok());
            const Item fresh = makeItem(QStringLiteral("fresh"), 999);
            const WriteResult r = waitFor((*idx)->insert(fresh));
            QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
            // The new frame continues right after the last intact one.
            QCOMPARE(r.lsn, quint64(m_checkpointed + whole + 1));
            expectPut(expected, fresh);
            // A copy taken now holds the new frame right after the cut.
            const QString again = m_work->filePath(QStringLiteral("again%1").arg(cut));
            QVERIFY(copyFolder(work(), again, {QStringLiteral("LOCK")}));
            Result<std::shared_ptr<Index>> re = Index::open(again);
            QVERIFY2(re.ok(), qPrintable(re.error().message()));
            QVERIFY(!(*re)->openReport().tailCut);
            QCOMPARE(diffContent(**re, expected), QString());
        }
        Result<std::shared_ptr<Index>> reopened = Index::open(work());
        QVERIFY(reopened.ok());
        QCOMPARE(diffContent(**reopened, expected), QString());
        QVERIFY(!(*reopened)->close()); // an open writer is itself a note in the report
        Result<VerifyReport> v = verifyIndex(work(), VerifyOptions{true, {}});
        QVERIFY2(v->findings.isEmpty(), qPrintable(testsupport::findingsText(*v)));
    }
}

void TestTornTail::bitFlipsInLastFrame()
{
    const int n = int(m_frames.size());
    const qint64 last = m_frames[n - 1];
    OpenOptions fast;
    fast.durability = Durability::Off;
    int flips = 0;
    for (qint64 at = last; at < m_wal.size(); ++at) {
        for (int bit = 0; bit < 8; ++bit) {
            if (at >= last + 4 && bit % 3 != (at % 3)) continue; // a third of the bits outside the length field
            QByteArray wal = m_wal;
            wal[at] = char(uchar(wal[at]) ^ (1u << bit));
            QVERIFY(prepare(wal));
            const bool lengthField = at < last + 4;
            const QString ctx = QStringLiteral("bit %1 of byte %2 of the last frame").arg(bit).arg(at - last);

            Result<VerifyReport> v = verifyIndex(work());
            QVERIFY2(v.ok(), qPrintable(ctx));
            const Finding *walFinding = nullptr;
            for (const Finding &f : v->findings)
                if (f.file == m_walName) walFinding = &f;
            QVERIFY2(walFinding, qPrintable(ctx));
            QVERIFY2(walFinding->offset == last, qPrintable(ctx));
            if (!lengthField) {
                // A complete frame that fails its checksum is corruption.
                QVERIFY2(walFinding->severity == Finding::Severity::Error, qPrintable(ctx));
                QVERIFY2(!v->clean(), qPrintable(ctx));
            }

            Result<std::shared_ptr<Index>> idx = Index::open(work(), fast);
            QVERIFY2(idx.ok(), qPrintable(ctx + u' ' + idx.error().message()));
            const OpenReport &rep = (*idx)->openReport();
            QVERIFY2(rep.tailCut, qPrintable(ctx));
            QVERIFY2(rep.cutOffset == last, qPrintable(ctx));
            QVERIFY2(rep.cutBytes == m_wal.size() - last, qPrintable(ctx));
            if (!lengthField) {
                QVERIFY2(rep.tailWasCorrupt, qPrintable(ctx));
                // The damaged bytes are kept for inspection, not thrown away.
                QVERIFY2(!rep.quarantinedTo.isEmpty() && QFile::exists(rep.quarantinedTo), qPrintable(ctx));
                QVERIFY2(readAll(rep.quarantinedTo) == wal.mid(last), qPrintable(ctx));
            }
            const QString diff = diffContent(**idx, expectedWithFrames(n - 1));
            QVERIFY2(diff.isEmpty(), qPrintable(ctx + u' ' + diff));
            ++flips;
        }
    }
    QVERIFY(flips > 100);
}

void TestTornTail::damageWithValidFramesAfterIsRefusedByDefault()
{
    const int n = int(m_frames.size());
    const int damaged = n - 3;
    // A payload bit, and a high bit of the length field (which makes the
    // frame look like it runs past the end of the file).
    for (qint64 at : {m_frames[damaged] + 20, m_frames[damaged] + 2}) {
        QByteArray wal = m_wal;
        wal[at] = char(uchar(wal[at]) ^ 0x10);
        QVERIFY(prepare(wal));
        const QString ctx = QStringLiteral("byte %1").arg(at - m_frames[damaged]);

        Result<VerifyReport> v = verifyIndex(work());
        QVERIFY(v.ok());
        QVERIFY2(!v->clean(), qPrintable(ctx));
        bool found = false;
        for (const Finding &f : v->findings)
            found |= f.file == m_walName && f.offset == m_frames[damaged] && f.severity == Finding::Severity::Error;
        QVERIFY2(found, qPrintable(ctx));

        // Default recovery will not silently drop the acknowledged frames after the damage.
        Result<std::shared_ptr<Index>> refused = Index::open(work());
        QVERIFY2(!refused.ok(), qPrintable(ctx));
        QCOMPARE(refused.error().code(), ErrorCode::Corruption);
        QVERIFY(refused.error().message().contains(QStringLiteral("point-in-time")));
        QCOMPARE(readAll(workWal()), wal); // and it changed nothing
        QVERIFY(!Index::lockHolder(work()).has_value());

        // Point-in-time recovery keeps what precedes the damage.
        OpenOptions pit;
        pit.recovery = RecoveryMode::PointInTime;
        Result<std::shared_ptr<Index>> idx = Index::open(work(), pit);
        QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
        QVERIFY((*idx)->openReport().tailCut);
        QVERIFY((*idx)->openReport().tailWasCorrupt);
        QCOMPARE((*idx)->openReport().cutOffset, m_frames[damaged]);
        QCOMPARE(diffContent(**idx, expectedWithFrames(damaged)), QString());
    }
}

void TestTornTail::absoluteConsistencyRefusesTornTail()
{
    OpenOptions strict;
    strict.recovery = RecoveryMode::AbsoluteConsistency;
    QVERIFY(prepare(m_wal.left(m_wal.size() - 5)));
    Result<std::shared_ptr<Index>> refused = Index::open(work(), strict);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), ErrorCode::Corruption);
    QCOMPARE(fileSize(workWal()), qint64(m_wal.size() - 5));

    QVERIFY(prepare(m_wal));
    Result<std::shared_ptr<Index>> ok = Index::open(work(), strict);
    QVERIFY2(ok.ok(), qPrintable(ok.error().message()));
    QCOMPARE(diffContent(**ok, expectedWithFrames(int(m_frames.size()))), QString());
}

void TestTornTail::readOnlyOpenLeavesTornTailAlone()
{
    const qint64 cut = m_wal.size() - 7;
    QVERIFY(prepare(m_wal.left(cut)));
    OpenOptions ro;
    ro.readOnly = true;
    Result<std::shared_ptr<Index>> idx = Index::open(work(), ro);
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    QVERIFY(!(*idx)->openReport().tailCut); // a reader never cuts: the writer may still be writing
    QVERIFY(!(*idx)->openReport().notes.isEmpty());
    QCOMPARE(diffContent(**idx, expectedWithFrames(int(m_frames.size()) - 1)), QString());
    QCOMPARE(fileSize(workWal()), cut);

    // The writer finishes the frame: the reader picks it up on refresh.
    QVERIFY(writeAll(workWal(), m_wal));
    Result<bool> changed = (*idx)->refresh();
    QVERIFY2(changed.ok(), qPrintable(changed.error().message()));
    QCOMPARE(*changed, true);
    QCOMPARE(diffContent(**idx, expectedWithFrames(int(m_frames.size()))), QString());
}

void TestTornTail::zeroFilledTail()
{
    // The file grew but the last frame's data never reached the disk.
    QByteArray wal = m_wal;
    const qint64 last = m_frames.last();
    wal.replace(last, wal.size() - last, QByteArray(wal.size() - last, '\0'));
    wal.append(QByteArray(4096, '\0'));
    QVERIFY(prepare(wal));
    Result<VerifyReport> v = verifyIndex(work());
    QVERIFY(v->clean());
    Result<std::shared_ptr<Index>> idx = Index::open(work());
    QVERIFY(idx.ok());
    QVERIFY((*idx)->openReport().tailCut);
    QVERIFY(!(*idx)->openReport().tailWasCorrupt);
    QCOMPARE((*idx)->openReport().cutOffset, last);
    QCOMPARE(diffContent(**idx, expectedWithFrames(int(m_frames.size()) - 1)), QString());
}

void TestTornTail::checksummedRecordsOfAnotherShapeAreDamage_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<int>("dims");
    QTest::newRow("2-dimensional vector in a 4-dimensional index") << QByteArray("short") << 2;
    QTest::newRow("9-dimensional vector") << QByteArray("long") << 9;
    QTest::newRow("empty id") << QByteArray() << 4;
    QTest::newRow("id with a NUL byte") << QByteArray("a\0b", 3) << 4;
    QTest::newRow("id of 513 bytes") << QByteArray(513, 'x') << 4;
}

// A frame whose checksum is right but whose record the index could never
// have written (a buggy or foreign writer): recovery must treat it as
// damage, never put it in the memtable, where a vector of the wrong length
// would be read past its end by search and checkpoint. (Found while writing
// the WAL fuzz target, reading what recovery does with decoded records.)
void TestTornTail::checksummedRecordsOfAnotherShapeAreDamage()
{
    QFETCH(QByteArray, id);
    QFETCH(int, dims);
    const quint64 nextLsn = quint64(m_batches.size()) + 1;
    QVector<float> vector(dims);
    for (int d = 0; d < dims; ++d)
        vector[d] = float(d + 1);
    QByteArray wal = m_wal;
    const qsizetype start = storage::wal::beginFrame(wal, storage::wal::kFrameBatch, nextLsn);
    storage::encodeBatchPayload(wal, {storage::Record{storage::RecordType::Insert, id, vector, QByteArray("{}")}});
    storage::wal::endFrame(wal, start);
    QVERIFY(prepare(wal));

    // Quick verify calls it damage too, where open will cut it.
    const Result<VerifyReport> v = verifyIndex(work());
    QVERIFY(v.ok());
    QVERIFY2(!v->clean(), qPrintable(findingsText(*v)));

    Result<std::shared_ptr<Index>> idx = Index::open(work());
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    QVERIFY((*idx)->openReport().tailCut);
    QVERIFY((*idx)->openReport().tailWasCorrupt);
    QCOMPARE((*idx)->openReport().cutOffset, qint64(m_wal.size()));
    QCOMPARE(diffContent(**idx, expectedWithFrames(int(m_frames.size()))), QString());
}

QTEST_GUILESS_MAIN(TestTornTail)
#include "tst_torn_tail.moc"
