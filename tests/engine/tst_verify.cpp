// verifyIndex: a clean index verifies clean; a flipped bit in any file the
// index consists of is found, with the file and, where it has one, the offset.

#include "IndexTestSupport.h"

#include "storage/Binary.h"
#include "storage/DeletionVector.h"
#include "storage/Manifest.h"
#include "storage/Segment.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;
using namespace testsupport;

namespace {

QString describe(const VerifyReport &r)
{
    QStringList lines;
    for (const Finding &f : r.findings)
        lines << QStringLiteral("[%1] %2 @%3: %4").arg(severityName(f.severity), f.file).arg(f.offset).arg(f.message);
    return lines.join(u'\n');
}

const Finding *findingFor(const VerifyReport &r, const QString &file,
                          Finding::Severity atLeast = Finding::Severity::Warning)
{
    for (const Finding &f : r.findings)
        if (f.file == file && int(f.severity) >= int(atLeast)) return &f;
    return nullptr;
}

class RowsFromSegment : public storage::SegmentRowSource {
public:
    explicit RowsFromSegment(const storage::Segment &s) : m_s(s) { }
    qint64 rowCount() const override { return m_s.rowCount(); }
    QByteArrayView id(qint64 r) const override { return *m_s.id(r); }
    const float *vector(qint64 r) const override
    {
        // Same ids and metadata, other vectors: a valid segment with other content.
        m_buf = *m_s.vectorChecked(r);
        for (float &f : m_buf)
            f += 1.0f;
        return m_buf.data();
    }
    QByteArrayView metadata(qint64 r) const override
    {
        m_meta = *m_s.metadata(r);
        return m_meta;
    }

private:
    const storage::Segment &m_s;
    mutable std::vector<float> m_buf;
    mutable QByteArray m_meta;
};

} // namespace

class TestVerify : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanIndexVerifiesClean();
    void verifyWorksWhileWriterIsOpen();
    void notAnIndexIsNotFound();
    void segmentDataBlockFlip();
    void segmentHeaderFlip();
    void segmentFooterAndTableFlip();
    void segmentReplacedByOtherValidSegmentNeedsFull();
    void deletionFileFlip();
    void deletionFileReplacedByOtherValidOneNeedsFull();
    void manifestFlip();
    void previousManifestFlip();
    void walFrameFlip();
    void walDamagedLengthFieldMidLog();
    void walIncompleteTailIsOnlyANote();
    void missingSegmentFile();
    void progressAndCancel();
    void damagedBlockUnderOpenIndexIsNotServed();
    void previousGenerationFilesAreNotLeftovers();

private:
    QTemporaryDir m_base;
    QString m_pristine;
    storage::Manifest m_manifest;
    QString m_segFile; // a segment that has a deletion file
    QString m_delFile;
    std::unique_ptr<QTemporaryDir> m_work;

    QString work() const { return m_work->filePath(QStringLiteral("idx")); }
    QString workFile(const QString &name) const { return work() + u'/' + name; }
    VerifyReport verify(bool full);
};

void TestVerify::initTestCase()
{
    QVERIFY(m_base.isValid());
    const QString live = m_base.filePath(QStringLiteral("live"));
    m_pristine = m_base.filePath(QStringLiteral("pristine"));
    // No graph: its background saves would change the folder while it is copied.
    OpenOptions noGraph;
    noGraph.graph = false;
    Result<std::shared_ptr<Index>> idx = Index::create(live, smallSchema(32), Durability::Full, noGraph);
    QVERIFY(idx.ok());
    // Segment 1: 1200 rows of 32 dims (about 150 KiB of vectors: three blocks).
    QList<WriteOp> batch;
    for (int i = 0; i < 1200; ++i) {
        batch.append(WriteOp::insert(makeItem(QStringLiteral("v%1").arg(i, 5, 10, QLatin1Char('0')), quint32(i), 32)));
        if (batch.size() == 200) {
            QVERIFY(waitFor((*idx)->write(batch, Priority::Bulk)).error.ok());
            batch.clear();
        }
    }
    QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
    // Segment 2 and a deletion file for segment 1; then frames in the WAL.
    for (int i = 0; i < 1200; i += 10)
        QVERIFY(waitFor((*idx)->remove(QStringLiteral("v%1").arg(i, 5, 10, QLatin1Char('0')))).error.ok());
    for (int i = 0; i < 50; ++i)
        QVERIFY(waitFor((*idx)->insert(makeItem(QStringLiteral("w%1").arg(i), quint32(i), 32))).error.ok());
    QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
    for (int i = 0; i < 10; ++i)
        QVERIFY(waitFor((*idx)->insert(makeItem(QStringLiteral("x%1").arg(i), quint32(i), 32))).error.ok());
    QVERIFY(copyFolder(live, m_pristine, {QStringLiteral("LOCK")}));
    QVERIFY(!(*idx)->close());

    Result<storage::Manifest> m = storage::Manifest::read(m_pristine + QStringLiteral("/MANIFEST"));
    QVERIFY(m.ok());
    m_manifest = *m;
    QCOMPARE(m_manifest.segments.size(), 2);
    for (const storage::SegmentEntry &e : m_manifest.segments) {
        if (!e.deletionFile.isEmpty()) {
            m_segFile = e.file;
            m_delFile = e.deletionFile;
        }
    }
    QVERIFY(!m_segFile.isEmpty());
    QVERIFY(fileSize(m_pristine + u'/' + m_manifest.walFile) > 32);
    QVERIFY(QFile::exists(m_pristine + QStringLiteral("/MANIFEST.prev")));
}

void TestVerify::init()
{
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_work->isValid());
    QVERIFY(copyFolder(m_pristine, work()));
}

VerifyReport TestVerify::verify(bool full)
{
    VerifyOptions o;
    o.full = full;
    Result<VerifyReport> r = verifyIndex(work(), o);
    if (!r.ok()) {
        qWarning("verify failed: %s", qPrintable(r.error().message()));
        return {};
    }
    return *r;
}

void TestVerify::cleanIndexVerifiesClean()
{
    for (bool full : {false, true}) {
        const VerifyReport r = verify(full);
        QVERIFY2(r.clean(), qPrintable(describe(r)));
        QVERIFY2(r.findings.isEmpty(), qPrintable(describe(r)));
        QCOMPARE(r.problemCount(), 0);
        QCOMPARE(r.full, full);
        QVERIFY(!r.cancelled);
        // MANIFEST, MANIFEST.prev, two segments, a deletion file, the WAL.
        QVERIFY(r.filesChecked >= 6);
        qint64 total = fileSize(workFile(m_manifest.walFile));
        for (const storage::FileRecord &f : m_manifest.files)
            total += f.size;
        QVERIFY2(r.bytesChecked >= total, qPrintable(QStringLiteral("%1 < %2").arg(r.bytesChecked).arg(total)));
    }
}

void TestVerify::verifyWorksWhileWriterIsOpen()
{
    Result<std::shared_ptr<Index>> idx = Index::open(work());
    QVERIFY(idx.ok());
    const VerifyReport r = verify(true);
    QVERIFY2(r.clean(), qPrintable(describe(r)));
}

void TestVerify::notAnIndexIsNotFound()
{
    Result<VerifyReport> r = verifyIndex(m_work->filePath(QStringLiteral("nothing")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::NotFound);
}

void TestVerify::segmentDataBlockFlip()
{
    const QString seg = workFile(m_segFile);
    const qint64 at = storage::segment::kBlockSize + 4321; // inside block 1
    QVERIFY(flipBit(seg, at, 5));
    const VerifyReport quick = verify(false);
    QVERIFY(!quick.clean());
    const Finding *f = findingFor(quick, m_segFile);
    QVERIFY2(f, qPrintable(describe(quick)));
    QCOMPARE(f->severity, Finding::Severity::Error);
    QCOMPARE(f->offset, qint64(storage::segment::kBlockSize)); // the damaged block
    QVERIFY(f->message.contains(QStringLiteral("XXH3")));
    QCOMPARE(quick.problemCount(), 1);

    const VerifyReport full = verify(true);
    QVERIFY(!full.clean());
    bool sha = false;
    for (const Finding &g : full.findings)
        sha |= g.file == m_segFile && g.message.contains(QStringLiteral("SHA-256"));
    QVERIFY2(sha, qPrintable(describe(full)));
}

void TestVerify::segmentHeaderFlip()
{
    for (qint64 at : {qint64(0), qint64(12), qint64(40), qint64(127)}) {
        QVERIFY(copyFolder(m_pristine, work()));
        QVERIFY(flipBit(workFile(m_segFile), at, 0));
        const VerifyReport r = verify(false);
        const Finding *f = findingFor(r, m_segFile);
        QVERIFY2(f, qPrintable(describe(r)));
        QCOMPARE(f->severity, Finding::Severity::Error);
        QVERIFY2(f->offset >= 0 && f->offset < storage::segment::kHeaderSize, qPrintable(describe(r)));
        QVERIFY(!r.clean());
    }
}

void TestVerify::segmentFooterAndTableFlip()
{
    const qint64 size = fileSize(workFile(m_segFile));
    for (qint64 at : {size - 1, size - 20, size - storage::segment::kFooterSize - 3}) {
        QVERIFY(copyFolder(m_pristine, work()));
        QVERIFY(flipBit(workFile(m_segFile), at, 3));
        const VerifyReport r = verify(false);
        const Finding *f = findingFor(r, m_segFile);
        QVERIFY2(f, qPrintable(describe(r)));
        QCOMPARE(f->severity, Finding::Severity::Error);
        QVERIFY2(f->offset >= 0 && f->offset < size, qPrintable(describe(r)));
    }
}

void TestVerify::segmentReplacedByOtherValidSegmentNeedsFull()
{
    // Every checksum inside the file is right; only the manifest's SHA-256
    // knows it is not the file that was written.
    const storage::SegmentEntry *entry = nullptr;
    for (const storage::SegmentEntry &e : m_manifest.segments)
        if (e.file == m_segFile) entry = &e;
    QVERIFY(entry);
    {
        Result<std::shared_ptr<storage::Segment>> seg = storage::Segment::open(workFile(m_segFile), entry->id, 32);
        QVERIFY(seg.ok());
        const RowsFromSegment rows(**seg);
        QTemporaryDir tmp;
        Result<storage::FileRecord> rec = storage::writeSegment(tmp.path(), entry->id, 32, rows, false);
        QVERIFY(rec.ok());
        QVERIFY(QFile::remove(workFile(m_segFile)));
        QVERIFY(QFile::copy(tmp.filePath(rec->name), workFile(m_segFile)));
    }
    const VerifyReport quick = verify(false);
    QVERIFY2(quick.clean(), qPrintable(describe(quick)));
    const VerifyReport full = verify(true);
    QVERIFY(!full.clean());
    const Finding *f = findingFor(full, m_segFile);
    QVERIFY2(f, qPrintable(describe(full)));
    QVERIFY(f->message.contains(QStringLiteral("SHA-256")));
}

void TestVerify::deletionFileFlip()
{
    const qint64 size = fileSize(workFile(m_delFile));
    for (qint64 at : {qint64(0), qint64(20), storage::deletion::kHeaderSize + 2, size - 1}) {
        QVERIFY(copyFolder(m_pristine, work()));
        QVERIFY(flipBit(workFile(m_delFile), at, 1));
        const VerifyReport r = verify(false);
        QVERIFY(!r.clean());
        const Finding *f = findingFor(r, m_delFile);
        QVERIFY2(f, qPrintable(describe(r)));
        QCOMPARE(f->severity, Finding::Severity::Error);
        // A deletion file has one checksum for the whole file: no finer offset.
        QVERIFY(f->offset >= -1 && f->offset < size);
    }
}

void TestVerify::deletionFileReplacedByOtherValidOneNeedsFull()
{
    const storage::SegmentEntry *entry = nullptr;
    for (const storage::SegmentEntry &e : m_manifest.segments)
        if (e.file == m_segFile) entry = &e;
    QVERIFY(entry);
    // Same number of deleted rows, other rows.
    storage::DeletionVector other(entry->id, entry->rows);
    for (qint64 r = 1; other.deletedCount() < entry->deletedRows; r += 10)
        other.markDeleted(r);
    QTemporaryDir tmp;
    Result<storage::FileRecord> rec = other.write(tmp.path(), 1, false);
    QVERIFY(rec.ok());
    QVERIFY(QFile::remove(workFile(m_delFile)));
    QVERIFY(QFile::copy(tmp.filePath(rec->name), workFile(m_delFile)));
    QVERIFY2(verify(false).clean(), qPrintable(describe(verify(false))));
    const VerifyReport full = verify(true);
    QVERIFY(!full.clean());
    QVERIFY2(findingFor(full, m_delFile), qPrintable(describe(full)));
}

void TestVerify::manifestFlip()
{
    QVERIFY(flipBit(workFile(QStringLiteral("MANIFEST")), 100, 2));
    const VerifyReport r = verify(false);
    QVERIFY(!r.clean());
    const Finding *f = findingFor(r, QStringLiteral("MANIFEST"));
    QVERIFY2(f, qPrintable(describe(r)));
    QCOMPARE(f->severity, Finding::Severity::Error);
    // An index whose manifest is damaged does not open either.
    Result<std::shared_ptr<Index>> idx = Index::open(work());
    QVERIFY(!idx.ok());
    QCOMPARE(idx.error().code(), ErrorCode::Corruption);
}

void TestVerify::previousManifestFlip()
{
    QVERIFY(flipBit(workFile(QStringLiteral("MANIFEST.prev")), 60, 0));
    const VerifyReport r = verify(false);
    QVERIFY(!r.clean());
    QVERIFY2(findingFor(r, QStringLiteral("MANIFEST.prev")), qPrintable(describe(r)));
}

void TestVerify::walFrameFlip()
{
    const QString wal = workFile(m_manifest.walFile);
    const QByteArray bytes = readAll(wal);
    // Frame starts, from the length fields.
    QList<qint64> starts;
    for (qint64 at = 32; at + 24 <= bytes.size(); at += 24 + storage::getU32(bytes.constData() + at))
        starts << at;
    QCOMPARE(starts.size(), 10);
    for (int frame : {0, 5, 9}) {
        QVERIFY(copyFolder(m_pristine, work()));
        QVERIFY(flipBit(wal, starts[frame] + 30, 4));
        const VerifyReport r = verify(false);
        QVERIFY(!r.clean());
        const Finding *f = findingFor(r, m_manifest.walFile);
        QVERIFY2(f, qPrintable(describe(r)));
        QCOMPARE(f->severity, Finding::Severity::Error);
        QCOMPARE(f->offset, starts[frame]);
    }
    // The WAL header too.
    QVERIFY(copyFolder(m_pristine, work()));
    QVERIFY(flipBit(wal, 17, 0));
    const VerifyReport h = verify(false);
    QVERIFY(!h.clean());
    QVERIFY2(findingFor(h, m_manifest.walFile), qPrintable(describe(h)));
}

void TestVerify::walDamagedLengthFieldMidLog()
{
    // A damaged length field that makes a middle frame "run past the end"
    // must not pass as an interrupted write: acknowledged frames follow it.
    const QString wal = workFile(m_manifest.walFile);
    const QByteArray bytes = readAll(wal);
    const qint64 second = 32 + 24 + storage::getU32(bytes.constData() + 32);
    QVERIFY(flipBit(wal, second + 2, 6));
    const VerifyReport r = verify(false);
    QVERIFY2(!r.clean(), qPrintable(describe(r)));
    const Finding *f = findingFor(r, m_manifest.walFile);
    QVERIFY2(f, qPrintable(describe(r)));
    QCOMPARE(f->offset, second);
}

void TestVerify::walIncompleteTailIsOnlyANote()
{
    const QString wal = workFile(m_manifest.walFile);
    QVERIFY(truncateTo(wal, fileSize(wal) - 3));
    const VerifyReport r = verify(true);
    QVERIFY2(r.clean(), qPrintable(describe(r)));
    QCOMPARE(r.findings.size(), 1);
    QCOMPARE(r.findings[0].severity, Finding::Severity::Info);
    QCOMPARE(r.findings[0].file, m_manifest.walFile);
    QVERIFY(r.findings[0].offset > 32);
}

void TestVerify::missingSegmentFile()
{
    QVERIFY(QFile::remove(workFile(m_segFile)));
    const VerifyReport r = verify(false);
    QVERIFY(!r.clean());
    const Finding *f = findingFor(r, m_segFile);
    QVERIFY2(f, qPrintable(describe(r)));
    QVERIFY(f->message.contains(QStringLiteral("missing")));
}

void TestVerify::progressAndCancel()
{
    qint64 lastDone = -1, total = 0;
    int calls = 0;
    VerifyOptions o;
    o.full = true;
    o.progress = [&](qint64 done, qint64 t) {
        ++calls;
        if (done < lastDone) return false; // never goes backwards
        lastDone = done;
        total = t;
        return true;
    };
    Result<VerifyReport> r = verifyIndex(work(), o);
    QVERIFY(r.ok());
    QVERIFY(r->clean());
    QVERIFY(calls > 0);
    QVERIFY(total > 0);
    QVERIFY(lastDone <= total);
    QVERIFY(!r->cancelled);

    VerifyOptions stop;
    stop.progress = [](qint64, qint64) { return false; };
    Result<VerifyReport> c = verifyIndex(work(), stop);
    QVERIFY(c.ok());
    QVERIFY(c->cancelled);
}

void TestVerify::damagedBlockUnderOpenIndexIsNotServed()
{
    // docs/design.md, invariant 3, at the Index level: a damaged block is reported, never
    // parsed or returned as data, and the rest of the index keeps working.
    Result<std::shared_ptr<storage::Segment>> probe = storage::Segment::open(workFile(m_segFile), 1, 32);
    QVERIFY(probe.ok());
    const storage::SegmentLayout l = (*probe)->layout();
    // Damage the vector of one row that is not deleted (every tenth row is).
    const qint64 row = 601;
    const QString id = QString::fromUtf8((*probe)->id(row)->toByteArray());
    const qint64 at = l.vectorsOffset + row * 32 * 4 + 9;
    const qint64 block = at / storage::segment::kBlockSize;
    probe = Error();
    QVERIFY(flipBit(workFile(m_segFile), at, 2));

    Result<std::shared_ptr<Index>> idx = Index::open(work());
    QVERIFY2(idx.ok(), qPrintable(idx.error().message())); // open does not read blocks
    Index &index = **idx;
    Result<Item> damaged = index.get(id);
    QVERIFY2(!damaged.ok(), "an item from a damaged block was returned");
    QCOMPARE(damaged.error().code(), ErrorCode::Corruption);
    // Metadata lives in another block: a get without the vector still works.
    QVERIFY(index.get(id, false).ok());
    // An item in another block is fine.
    const qint64 otherRow = block == 0 ? 1199 : 1;
    QVERIFY(otherRow * 32 * 4 / storage::segment::kBlockSize != block);
    QVERIFY(index.get(QStringLiteral("v%1").arg(otherRow, 5, 10, QLatin1Char('0'))).ok());
    // Compaction refuses to copy the damage.
    const WriteResult c = waitFor(index.compact());
    QCOMPARE(c.error.code(), ErrorCode::Corruption);
    QVERIFY(c.error.message().contains(m_segFile));
    // Writes still work.
    QVERIFY(waitFor(index.insert(makeItem(QStringLiteral("after-damage"), 1, 32))).error.ok());
    QVERIFY(index.contains(QStringLiteral("after-damage")));
}

// Issue 18 §16: the health map called files the fallback generation still
// needs "leftover file", and an old folder's superseded graph one too.
void TestVerify::previousGenerationFilesAreNotLeftovers()
{
    {
        Result<std::shared_ptr<Index>> idx = Index::open(work());
        QVERIFY(idx.ok());
        QVERIFY((*idx)->waitForGraph(30000));
        QVERIFY(!(*idx)->close()); // saves a graph
    }
    const Result<storage::Manifest> withGraph = storage::Manifest::read(workFile(QStringLiteral("MANIFEST")));
    QVERIFY(withGraph.ok() && withGraph->graph);
    const QString oldGraph = withGraph->graph->file;
    const QByteArray oldGraphBytes = readAll(workFile(oldGraph));
    {
        Result<std::shared_ptr<Index>> idx = Index::open(work());
        QVERIFY(idx.ok());
        QVERIFY(waitFor((*idx)->insert(makeItem(QStringLiteral("late"), 7, 32))).error.ok());
        QVERIFY((*idx)->waitForGraph(30000));
        QVERIFY(!(*idx)->close()); // a checkpoint, then a newer graph: the old one goes
    }
    QVERIFY(!QFileInfo::exists(workFile(oldGraph)));
    const Result<storage::Manifest> prevWithOldGraph =
        storage::Manifest::read(workFile(QStringLiteral("MANIFEST.prev")));
    QVERIFY(prevWithOldGraph.ok() && prevWithOldGraph->graph);
    QCOMPARE(prevWithOldGraph->graph->file, oldGraph);

    // A folder a Sextant before the fix left: MANIFEST.prev's superseded graph still there.
    QVERIFY(writeAll(workFile(oldGraph), oldGraphBytes));
    VerifyReport r = verify(false);
    QCOMPARE(r.findings.size(), 1);
    QCOMPARE(r.findings.first().file, oldGraph);
    QCOMPARE(r.findings.first().severity, Finding::Severity::Info);
    QVERIFY2(r.findings.first().message.contains(QLatin1String("a newer one replaced it")),
             qPrintable(r.findings.first().message));

    // The writer removes it when it opens; a compaction leaves MANIFEST.prev
    // segments of its own, which are the fallback's, not leftovers.
    {
        OpenOptions noGraph;
        noGraph.graph = false;
        Result<std::shared_ptr<Index>> idx = Index::open(work(), noGraph);
        QVERIFY(idx.ok());
        QVERIFY(!QFileInfo::exists(workFile(oldGraph)));
        QVERIFY(waitFor((*idx)->compact()).error.ok());
        QVERIFY(!(*idx)->close());
    }
    const Result<storage::Manifest> cur = storage::Manifest::read(workFile(QStringLiteral("MANIFEST")));
    const Result<storage::Manifest> prev = storage::Manifest::read(workFile(QStringLiteral("MANIFEST.prev")));
    QVERIFY(cur.ok() && prev.ok());
    QStringList prevOnly;
    for (const storage::FileRecord &f : prev->files)
        if (!cur->fileRecord(f.name)) prevOnly << f.name;
    QVERIFY2(!prevOnly.isEmpty(), "the compaction left the previous generation no files of its own");
    r = verify(false);
    QVERIFY2(r.findings.isEmpty(), qPrintable(describe(r)));
    for (const FileHealth &f : r.files)
        QVERIFY2(f.kind != FileKind::Orphan, qPrintable(f.name));
    for (const QString &name : prevOnly) {
        const FileKind want = name.startsWith(QLatin1String("seg-"))   ? FileKind::Segment
                              : name.startsWith(QLatin1String("del-")) ? FileKind::Deletion
                                                                       : FileKind::Graph;
        bool listed = false;
        for (const FileHealth &f : r.files)
            listed = listed || (f.name == name && f.kind == want);
        QVERIFY2(listed, qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
