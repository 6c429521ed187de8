// The Index facade: the operations a program uses, their errors, and what
// survives a close and reopen.

#include <atomic>
#include <memory>
#include <cstdio>
#include "IndexTestSupport.h"
#include "VerifySupport.h"

#include <QCoreApplication>
#include <QMutex>
#include <QProcess>
#include <QSemaphore>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <thread>

using namespace sextant;
using namespace testsupport;

namespace {

// Holds the index's writer thread inside the completion of a write (a
// synchronous continuation runs on the thread that finishes the promise), so
// that the writes queued meanwhile are taken as one group when it is let go.
class WriterPause {
public:
    explicit WriterPause(Index &idx)
    {
        QThread *testThread = QThread::currentThread();
        for (int attempt = 0; attempt < 50 && !m_paused; ++attempt) {
            QFuture<WriteResult> f =
                idx.insert(makeItem(QStringLiteral("pause-%1-%2").arg(quintptr(this)).arg(attempt), 1));
            // A Sync continuation runs at once on this thread when the write
            // has already finished, else later on the writer thread. Only the
            // first case tries again: waiting with a timeout instead let a slow
            // machine pause the writer in one attempt while the next one's
            // item was still queued, so the test's counts were off by one.
            auto ranHere = std::make_shared<std::atomic<bool>>(false);
            f.then(QtFuture::Launch::Sync, [this, testThread, ranHere](WriteResult) {
                if (QThread::currentThread() == testThread) {
                    *ranHere = true; // already finished: try again
                    return;
                }
                m_entered.release();
                m_release.acquire();
            });
            if (*ranHere) continue;
            m_entered.acquire();
            m_paused = true;
        }
    }
    ~WriterPause() { resume(); }
    bool paused() const { return m_paused; }
    void resume() { m_release.release(1000); }

private:
    QSemaphore m_entered, m_release;
    bool m_paused = false;
};

} // namespace

class TestIndex : public QObject {
    Q_OBJECT
private slots:
    void init();
    void createOpenClose();
    void looksLikeIndex();
    void createRefusesExistingOrNonEmptyFolders();
    void createRejectsInvalidSchema();
    void openMissingIsNotFound();
    void writesAfterCloseFailClosed();
    void insertAndGet();
    void insertExistingIsAlreadyExists();
    void upsertInsertsAndReplaces();
    void removeAndNotFound();
    void insertAfterRemove();
    void batchAppliesTogether();
    void batchIsAllOrNothing();
    void batchRejectsDuplicateIds();
    void emptyBatchIsRejected();
    void getRejectsInvalidIds();
    void listInBytewiseOrderAcrossMemtableAndSegments();
    void listCursorEdges();
    void listIdsPagesAndFilters();
    void compactDropsDeletedRows();
    void compactOfEmptyIndex();
    void checkpointOnDemandAndAutomatic();
    void reopenKeepsEverything();
    void reopenWithoutCheckpointReplaysWal();
    void reopenAfterInterruptedCheckpoint();
    void statsAreSane();
    void durabilityModes_data();
    void durabilityModes();
    void durabilityOverrideOnOpen();
    void concurrentWritersAreAllAcknowledged();
    void interactiveBeforeBulk();
    void readsDuringWritesCheckpointsAndCompactions();
    void sameGroupSeesEarlierWritesOfTheGroup();
    void closeFromContinuationOnWriterThread_data();
    void closeFromContinuationOnWriterThread();
    void secondWriterIsRefusedWithHolder();
    void lockHolderNamesApplication();
    void readOnlyOpenAndRefresh();
    void readOnlyRefreshAfterCheckpointAndCompact();
    void validateChecksWithoutWriting();
    void largeBulkBatchesAreIngestedAsSegments();
    void manySegmentsAreMergedInTheBackground();
    void writesDuringMergesAreCarriedOver();
    void compactionDoesNotHoldUpWrites();
    void folderHoldsOnlyWhatTheManifestsName();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString indexPath() const { return m_dir->filePath(QStringLiteral("idx")); }
    std::shared_ptr<Index> createIndex(Durability d = Durability::Full, const OpenOptions &o = {}, int dims = 4);
};

void TestIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::shared_ptr<Index> TestIndex::createIndex(Durability d, const OpenOptions &o, int dims)
{
    Result<std::shared_ptr<Index>> idx = Index::create(indexPath(), smallSchema(dims), d, o);
    if (!idx.ok()) {
        qWarning("create failed: %s", qPrintable(idx.error().message()));
        return nullptr;
    }
    return *idx;
}

void TestIndex::createOpenClose()
{
    QVERIFY(!Index::exists(indexPath()));
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(Index::exists(indexPath()));
    QCOMPARE(idx->schema(), smallSchema());
    QVERIFY(!idx->isReadOnly());
    QCOMPARE(idx->durability(), Durability::Full);
    QCOMPARE(idx->count(), qint64(0));
    QCOMPARE(QFileInfo(idx->path()).canonicalFilePath(), QFileInfo(indexPath()).canonicalFilePath());
    QVERIFY(QFile::exists(indexPath() + QStringLiteral("/MANIFEST")));
    QVERIFY(QFile::exists(indexPath() + QStringLiteral("/LOCK")));
    QCOMPARE(filesMatching(indexPath(), QStringLiteral("wal-*.log")).size(), 1);
    QVERIFY(Index::lockHolder(indexPath()).has_value());
    QCOMPARE(Index::lockHolder(indexPath())->pid, QCoreApplication::applicationPid());

    QVERIFY(!idx->close());
    QVERIFY(!idx->close()); // twice is harmless
    QVERIFY(!QFile::exists(indexPath() + QStringLiteral("/LOCK")));
    QVERIFY(!Index::lockHolder(indexPath()).has_value());
    idx.reset();

    Result<std::shared_ptr<Index>> again = Index::open(indexPath());
    QVERIFY2(again.ok(), qPrintable(again.error().message()));
    QCOMPARE((*again)->schema(), smallSchema());
    QVERIFY(!(*again)->openReport().tailCut);
}

// The one test the GUI and the importer use to tell an index folder (even a
// damaged one with only MANIFEST.prev) from a folder of files to import.
void TestIndex::looksLikeIndex()
{
    QVERIFY(!Index::looksLikeIndex(indexPath())); // missing
    QVERIFY(QDir().mkpath(indexPath()));
    QVERIFY(!Index::looksLikeIndex(indexPath())); // empty
    {
        auto idx = createIndex();
        QVERIFY(idx);
        QVERIFY(Index::looksLikeIndex(indexPath()));
        QVERIFY(!idx->close());
    }
    // Only the previous manifest left, as in a damaged index.
    QFile::remove(indexPath() + QStringLiteral("/MANIFEST.prev"));
    QVERIFY(QFile::rename(indexPath() + QStringLiteral("/MANIFEST"), indexPath() + QStringLiteral("/MANIFEST.prev")));
    QVERIFY(!Index::exists(indexPath()));
    QVERIFY(Index::looksLikeIndex(indexPath())); // half-written: still an index, for repair
    QVERIFY(!Index::looksLikeIndex(indexPath() + QStringLiteral("/MANIFEST.prev"))); // a file is no folder
}

void TestIndex::createRefusesExistingOrNonEmptyFolders()
{
    {
        auto idx = createIndex();
        QVERIFY(idx);
    }
    Result<std::shared_ptr<Index>> second = Index::create(indexPath(), smallSchema());
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code(), ErrorCode::AlreadyExists);

    const QString other = m_dir->filePath(QStringLiteral("other"));
    QVERIFY(QDir().mkpath(other));
    QVERIFY(writeAll(other + QStringLiteral("/notes.txt"), "mine"));
    Result<std::shared_ptr<Index>> nonEmpty = Index::create(other, smallSchema());
    QVERIFY(!nonEmpty.ok());
    QCOMPARE(nonEmpty.error().code(), ErrorCode::AlreadyExists);
    QCOMPARE(fileNames(other), QStringList{QStringLiteral("notes.txt")}); // untouched

    // An existing empty folder is fine.
    const QString empty = m_dir->filePath(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(empty));
    QVERIFY(Index::create(empty, smallSchema()).ok());
}

void TestIndex::createRejectsInvalidSchema()
{
    for (int dims : {0, -1, 8193}) {
        Result<std::shared_ptr<Index>> idx = Index::create(indexPath(), smallSchema(dims));
        QVERIFY(!idx.ok());
        QCOMPARE(idx.error().code(), ErrorCode::InvalidArgument);
        QVERIFY(!Index::exists(indexPath()));
    }
    Schema dup = smallSchema();
    dup.fields = {FieldSpec{QStringLiteral("a")}, FieldSpec{QStringLiteral("a")}};
    QCOMPARE(Index::create(indexPath(), dup).error().code(), ErrorCode::InvalidArgument);
    for (int dims : {1, 8192}) {
        const QString p = m_dir->filePath(QStringLiteral("d%1").arg(dims));
        Result<std::shared_ptr<Index>> idx = Index::create(p, smallSchema(dims));
        QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
        QVERIFY(waitFor((*idx)->insert(makeItem(QStringLiteral("x"), 1, dims))).error.ok());
    }
}

void TestIndex::openMissingIsNotFound()
{
    Result<std::shared_ptr<Index>> missing = Index::open(m_dir->filePath(QStringLiteral("nothing")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code(), ErrorCode::NotFound);
    Result<std::shared_ptr<Index>> notIndex = Index::open(m_dir->path());
    QVERIFY(!notIndex.ok());
    QCOMPARE(notIndex.error().code(), ErrorCode::NotFound);
    QVERIFY(notIndex.error().message().contains(QStringLiteral("MANIFEST")));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("LOCK"))));
}

void TestIndex::writesAfterCloseFailClosed()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(!idx->close());
    QCOMPARE(waitFor(idx->insert(makeItem(QStringLiteral("a"), 1))).error.code(), ErrorCode::Closed);
    QCOMPARE(waitFor(idx->remove(QStringLiteral("a"))).error.code(), ErrorCode::Closed);
    QCOMPARE(waitFor(idx->checkpoint()).error.code(), ErrorCode::Closed);
    QCOMPARE(idx->refresh().error().code(), ErrorCode::Closed);
}

void TestIndex::insertAndGet()
{
    auto idx = createIndex();
    QVERIFY(idx);
    const Item a = makeItem(QStringLiteral("alpha"), 1, 4,
                            QJsonObject{{QStringLiteral("title"), QStringLiteral("A")}, {QStringLiteral("n"), 3}});
    const WriteResult r = waitFor(idx->insert(a));
    QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.items, 1);
    QCOMPARE(r.lsn, quint64(1));
    QCOMPARE(idx->count(), qint64(1));
    QVERIFY(idx->contains(QStringLiteral("alpha")));
    QVERIFY(!idx->contains(QStringLiteral("beta")));
    Result<Item> got = idx->get(QStringLiteral("alpha"));
    QVERIFY(got.ok());
    QCOMPARE(got->id, a.id);
    QCOMPARE(got->vector, a.vector);
    QCOMPARE(got->metadata, a.metadata);
    Result<Item> noVec = idx->get(QStringLiteral("alpha"), false);
    QVERIFY(noVec.ok());
    QVERIFY(noVec->vector.isEmpty());
    QCOMPARE(noVec->metadata, a.metadata);
    // Empty metadata round-trips as an empty object.
    QVERIFY(waitFor(idx->insert(Item{QStringLiteral("bare"), makeVector(4, 2), {}})).error.ok());
    QCOMPARE(idx->get(QStringLiteral("bare"))->metadata, QJsonObject());
    // The same after a checkpoint, when the items come from a segment.
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QCOMPARE(idx->get(QStringLiteral("alpha"))->vector, a.vector);
    QCOMPARE(idx->get(QStringLiteral("alpha"))->metadata, a.metadata);
    QCOMPARE(idx->get(QStringLiteral("bare"))->metadata, QJsonObject());
    QCOMPARE(idx->get(QStringLiteral("nope")).error().code(), ErrorCode::NotFound);
}

void TestIndex::insertExistingIsAlreadyExists()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("a"), 1))).error.ok());
    const WriteResult again = waitFor(idx->insert(makeItem(QStringLiteral("a"), 2)));
    QCOMPARE(again.error.code(), ErrorCode::AlreadyExists);
    QVERIFY(again.error.message().contains(QStringLiteral("\"a\"")));
    QCOMPARE(idx->get(QStringLiteral("a"))->vector, makeVector(4, 1)); // unchanged
    // Also when the existing item lives in a segment.
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QCOMPARE(waitFor(idx->insert(makeItem(QStringLiteral("a"), 3))).error.code(), ErrorCode::AlreadyExists);
    QCOMPARE(idx->count(), qint64(1));
    QCOMPARE(idx->get(QStringLiteral("a"))->vector, makeVector(4, 1));
}

void TestIndex::upsertInsertsAndReplaces()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->upsert(makeItem(QStringLiteral("u"), 1))).error.ok());
    QCOMPARE(idx->count(), qint64(1));
    QVERIFY(waitFor(idx->upsert(makeItem(QStringLiteral("u"), 2))).error.ok());
    QCOMPARE(idx->count(), qint64(1));
    QCOMPARE(idx->get(QStringLiteral("u"))->vector, makeVector(4, 2));
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QVERIFY(waitFor(idx->upsert(makeItem(QStringLiteral("u"), 3))).error.ok());
    QCOMPARE(idx->count(), qint64(1));
    QCOMPARE(idx->get(QStringLiteral("u"))->vector, makeVector(4, 3));
    QCOMPARE(idx->get(QStringLiteral("u"))->metadata.value(QStringLiteral("seed")).toInt(), 3);
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QCOMPARE(idx->count(), qint64(1));
    QCOMPARE(idx->get(QStringLiteral("u"))->vector, makeVector(4, 3));
    const IndexStats s = idx->stats();
    QCOMPARE(s.items, qint64(1));
    QCOMPARE(s.segmentRows - s.deletedRows, qint64(1));
}

void TestIndex::removeAndNotFound()
{
    auto idx = createIndex();
    QVERIFY(idx);
    for (int i = 0; i < 3; ++i)
        QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("r%1").arg(i), quint32(i)))).error.ok());
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("m"), 9))).error.ok());

    const WriteResult seg = waitFor(idx->remove(QStringLiteral("r1"))); // lives in a segment
    QVERIFY2(seg.error.ok(), qPrintable(seg.error.message()));
    const WriteResult mem = waitFor(idx->remove(QStringLiteral("m"))); // lives in the memtable
    QVERIFY(mem.error.ok());
    QCOMPARE(idx->count(), qint64(2));
    QCOMPARE(idx->get(QStringLiteral("r1")).error().code(), ErrorCode::NotFound);
    QCOMPARE(idx->get(QStringLiteral("m")).error().code(), ErrorCode::NotFound);

    const WriteResult missing = waitFor(idx->remove(QStringLiteral("never")));
    QCOMPARE(missing.error.code(), ErrorCode::NotFound);
    QVERIFY(missing.error.message().contains(QStringLiteral("never")));
    QCOMPARE(waitFor(idx->remove(QStringLiteral("r1"))).error.code(), ErrorCode::NotFound);
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QCOMPARE(waitFor(idx->remove(QStringLiteral("r1"))).error.code(), ErrorCode::NotFound);
    QCOMPARE(idx->count(), qint64(2));
    QCOMPARE(idx->get(QStringLiteral("r1")).error().code(), ErrorCode::NotFound);
    QVERIFY(idx->get(QStringLiteral("r0")).ok());
    QVERIFY(idx->get(QStringLiteral("r2")).ok());
}

void TestIndex::insertAfterRemove()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("x"), 1))).error.ok());
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QVERIFY(waitFor(idx->remove(QStringLiteral("x"))).error.ok());
    const WriteResult again = waitFor(idx->insert(makeItem(QStringLiteral("x"), 2)));
    QVERIFY2(again.error.ok(), qPrintable(again.error.message()));
    QCOMPARE(idx->count(), qint64(1));
    QCOMPARE(idx->get(QStringLiteral("x"))->vector, makeVector(4, 2));
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QCOMPARE(idx->count(), qint64(1));
    QCOMPARE(idx->get(QStringLiteral("x"))->vector, makeVector(4, 2));
}

void TestIndex::batchAppliesTogether()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("old"), 1))).error.ok());
    QList<WriteOp> batch{WriteOp::insert(makeItem(QStringLiteral("b1"), 2)),
                         WriteOp::upsert(makeItem(QStringLiteral("b2"), 3)),
                         WriteOp::upsert(makeItem(QStringLiteral("old"), 4)), WriteOp::remove(QStringLiteral("old2"))};
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("old2"), 5))).error.ok());
    const WriteResult r = waitFor(idx->write(batch));
    QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.items, 4);
    QCOMPARE(r.lsn, quint64(3)); // one frame for the whole batch
    QCOMPARE(idx->count(), qint64(3));
    QCOMPARE(idx->get(QStringLiteral("old"))->vector, makeVector(4, 4));
    QVERIFY(!idx->contains(QStringLiteral("old2")));
}

void TestIndex::batchIsAllOrNothing()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("exists"), 1))).error.ok());
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("exists2"), 8))).error.ok());
    const quint64 lsnBefore = idx->stats().lastLsn;
    const qint64 walBefore = idx->stats().walBytes;

    // The third operation fails when applied: nothing of the batch is.
    const WriteResult r = waitFor(idx->write(
        {WriteOp::insert(makeItem(QStringLiteral("n1"), 2)), WriteOp::upsert(makeItem(QStringLiteral("exists"), 9)),
         WriteOp::insert(makeItem(QStringLiteral("exists2"), 3)), WriteOp::insert(makeItem(QStringLiteral("n2"), 4))}));
    QCOMPARE(r.error.code(), ErrorCode::AlreadyExists);
    QVERIFY2(r.error.message().contains(QStringLiteral("3")), qPrintable(r.error.message()));
    QVERIFY(!idx->contains(QStringLiteral("n1")));
    QVERIFY(!idx->contains(QStringLiteral("n2")));
    QCOMPARE(idx->get(QStringLiteral("exists"))->vector, makeVector(4, 1));
    QCOMPARE(idx->get(QStringLiteral("exists2"))->vector, makeVector(4, 8));

    const WriteResult del = waitFor(
        idx->write({WriteOp::insert(makeItem(QStringLiteral("n3"), 5)), WriteOp::remove(QStringLiteral("missing"))}));
    QCOMPARE(del.error.code(), ErrorCode::NotFound);
    QVERIFY(!idx->contains(QStringLiteral("n3")));

    // One invalid vector rejects the whole batch before it is queued.
    QList<WriteOp> badVec{WriteOp::insert(makeItem(QStringLiteral("n4"), 6)),
                          WriteOp::insert(Item{QStringLiteral("n5"), {1, 2}, {}})};
    const WriteResult v = waitFor(idx->write(badVec));
    QCOMPARE(v.error.code(), ErrorCode::DimensionMismatch);
    QVERIFY(v.error.message().contains(QStringLiteral("n5")));
    QVERIFY(!idx->contains(QStringLiteral("n4")));

    QCOMPARE(idx->count(), qint64(2));
    const IndexStats s = idx->stats();
    QCOMPARE(s.lastLsn, lsnBefore);
    QCOMPARE(s.walBytes, walBefore);
    // The next good write continues the LSN sequence without a gap.
    QCOMPARE(waitFor(idx->insert(makeItem(QStringLiteral("n6"), 7))).lsn, lsnBefore + 1);
    idx->close();
    idx.reset();
    Result<std::shared_ptr<Index>> re = Index::open(indexPath());
    QVERIFY(re.ok());
    QCOMPARE((*re)->count(), qint64(3));
    QVERIFY(!(*re)->contains(QStringLiteral("n1")));
    QCOMPARE((*re)->get(QStringLiteral("exists"))->vector, makeVector(4, 1));
}

void TestIndex::batchRejectsDuplicateIds()
{
    auto idx = createIndex();
    QVERIFY(idx);
    const WriteResult r =
        waitFor(idx->write({WriteOp::insert(makeItem(QStringLiteral("d"), 1)),
                            WriteOp::insert(makeItem(QStringLiteral("e"), 2)), WriteOp::remove(QStringLiteral("d"))}));
    QCOMPARE(r.error.code(), ErrorCode::DuplicateId);
    QVERIFY(r.error.message().contains(QStringLiteral("\"d\"")));
    QCOMPARE(idx->count(), qint64(0));
}

void TestIndex::emptyBatchIsRejected()
{
    auto idx = createIndex();
    QVERIFY(idx);
    const WriteResult r = waitFor(idx->write({}));
    QCOMPARE(r.error.code(), ErrorCode::InvalidArgument);
    QVERIFY(!r.error.message().isEmpty());
    QCOMPARE(idx->stats().lastLsn, quint64(0));
}

void TestIndex::getRejectsInvalidIds()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QCOMPARE(idx->get(QString()).error().code(), ErrorCode::InvalidId);
    QCOMPARE(idx->get(QString(600, u'x')).error().code(), ErrorCode::InvalidId);
    QVERIFY(!idx->contains(QString()));
}

void TestIndex::listInBytewiseOrderAcrossMemtableAndSegments()
{
    auto idx = createIndex();
    QVERIFY(idx);
    Expected expected;
    QRandomGenerator g(5);
    // Ids whose UTF-8 order differs from their UTF-16 order: U+FFFD sorts
    // before U+1F600 in UTF-8 (EF.. < F0..) but after it in UTF-16.
    const QStringList special{QString::fromUtf8("\xef\xbf\xbd"),
                              QString::fromUtf8("\xf0\x9f\x98\x80"),
                              QStringLiteral("Z"),
                              QStringLiteral("a"),
                              QString::fromUtf8("\xc3\xa9"),
                              QStringLiteral("a b"),
                              QStringLiteral("a-b")};
    int n = 0;
    auto put = [&](const QString &id, bool upsert) {
        const Item it = makeItem(id, quint32(++n));
        const WriteResult r = waitFor(upsert ? idx->upsert(it) : idx->insert(it));
        QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
        expectPut(expected, it);
    };
    for (int round = 0; round < 4; ++round) {
        for (int i = 0; i < 40; ++i)
            put(QStringLiteral("k%1").arg(g.bounded(100000), 5, 10, QLatin1Char('0')) + QString::number(round), false);
        put(special[round], false);
        // Replace and delete some items that are in earlier segments.
        int changed = 0;
        for (auto it = expected.begin(); it != expected.end() && changed < 6; ++it, ++changed) {
            if (changed % 2) put(it->second.id, true);
        }
        auto victim = std::next(expected.begin(), int(g.bounded(int(expected.size()))));
        QVERIFY(waitFor(idx->remove(victim->second.id)).error.ok());
        expected.erase(victim);
        if (round < 3) QVERIFY(waitFor(idx->checkpoint()).error.ok());
    }
    for (int i = 4; i < special.size(); ++i)
        put(special[i], false); // in the memtable only
    QVERIFY(idx->stats().segments >= 2);
    QVERIFY(idx->stats().unflushedItems > 0);
    QCOMPARE(diffContent(*idx, expected, 7), QString());
    QCOMPARE(diffContent(*idx, expected, 1), QString());
    QCOMPARE(diffContent(*idx, expected, 1000), QString());

    // The order is bytewise UTF-8: U+FFFD before U+1F600.
    Result<ListPage> all = idx->list(QString(), 100000);
    QVERIFY(all.ok());
    int fffd = -1, emoji = -1;
    for (int i = 0; i < all->items.size(); ++i) {
        if (all->items[i].id == special[0]) fffd = i;
        if (all->items[i].id == special[1]) emoji = i;
    }
    QVERIFY(fffd >= 0 && emoji >= 0);
    QVERIFY2(fffd < emoji, "list() must order ids by their UTF-8 bytes");
    QVERIFY(all->items.first().vector.isEmpty()); // withVectors defaults to false
    QVERIFY(all->nextAfter.isEmpty());

    // After a checkpoint everything is in segments; the order is the same.
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QCOMPARE(diffContent(*idx, expected, 9), QString());
}

void TestIndex::listCursorEdges()
{
    auto idx = createIndex();
    QVERIFY(idx);
    for (const char *id : {"b", "d", "f"})
        QVERIFY(waitFor(idx->insert(makeItem(QString::fromLatin1(id), 1))).error.ok());
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    for (const char *id : {"a", "c", "e"})
        QVERIFY(waitFor(idx->insert(makeItem(QString::fromLatin1(id), 2))).error.ok());

    auto ids = [](const ListPage &p) {
        QStringList out;
        for (const Item &i : p.items)
            out << i.id;
        return out;
    };
    Result<ListPage> p = idx->list(QStringLiteral("b"), 2);
    QVERIFY(p.ok());
    QCOMPARE(ids(*p), (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
    QCOMPARE(p->nextAfter, QStringLiteral("d"));
    // `after` need not be an id.
    QCOMPARE(ids(*idx->list(QStringLiteral("bb"), 10)),
             (QStringList{QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e"), QStringLiteral("f")}));
    QCOMPARE(ids(*idx->list(QStringLiteral("f"), 10)), QStringList());
    QVERIFY(idx->list(QStringLiteral("f"), 10)->nextAfter.isEmpty());
    QCOMPARE(ids(*idx->list(QStringLiteral("zzz"), 10)), QStringList());
    Result<ListPage> zero = idx->list(QString(), 0);
    QVERIFY(zero.ok());
    QVERIFY(zero->items.isEmpty());
    QCOMPARE(idx->list(QString(), -1).error().code(), ErrorCode::InvalidArgument);
    Result<ListPage> withVec = idx->list(QString(), 2, true);
    QCOMPARE(withVec->items[0].vector, makeVector(4, 2)); // "a" from the memtable
    QCOMPARE(withVec->items[1].vector, makeVector(4, 1)); // "b" from the segment
}

void TestIndex::listIdsPagesAndFilters()
{
    auto idx = createIndex();
    QVERIFY(idx);
    // Items in two segments and in the memtable, some replaced or deleted.
    QSet<QString> live, small;
    for (int i = 0; i < 300; ++i) {
        const QString id = QStringLiteral("i%1").arg(i, 4, 10, QLatin1Char('0'));
        QVERIFY(waitFor(idx->insert(makeItem(id, quint32(i), 4, QJsonObject{{QStringLiteral("n"), i}}))).error.ok());
        live.insert(id);
        if (i == 99 || i == 199) QVERIFY(waitFor(idx->checkpoint()).error.ok());
    }
    for (int i = 0; i < 300; i += 7) {
        const QString id = QStringLiteral("i%1").arg(i, 4, 10, QLatin1Char('0'));
        if (i % 2) {
            QVERIFY(waitFor(idx->remove(id)).error.ok());
            live.remove(id);
        } else { // moves to "big"
            QVERIFY(waitFor(idx->upsert(makeItem(id, 1, 4, QJsonObject{{QStringLiteral("n"), 1000 + i}}))).error.ok());
        }
    }
    for (const QString &id : live) {
        const int n = idx->get(id, false)->metadata.value(QStringLiteral("n")).toInt();
        if (n < 50) small.insert(id);
    }
    auto walk = [&](const QByteArray &filter, int pageSize) {
        QStringList out;
        QString after;
        for (int guard = 0; guard < 10000; ++guard) {
            Result<IdPage> page = idx->listIds(after, pageSize, filter);
            if (!page.ok()) return QStringList{QStringLiteral("error: ") + page.error().message()};
            out += page->ids;
            if (page->nextAfter.isEmpty()) break;
            after = page->nextAfter;
        }
        return out;
    };
    QStringList expectedAll(live.begin(), live.end());
    std::sort(expectedAll.begin(), expectedAll.end());
    QStringList expectedSmall(small.begin(), small.end());
    std::sort(expectedSmall.begin(), expectedSmall.end());
    QCOMPARE(walk({}, 1000), expectedAll);
    QCOMPARE(walk({}, 7), expectedAll);
    const QByteArray filter = R"({"n": {"$lt": 50}})";
    QCOMPARE(walk(filter, 1000), expectedSmall);
    QCOMPARE(walk(filter, 3), expectedSmall);
    // The same ids as list(), in the same order.
    QStringList listed;
    const Result<ListPage> all = idx->list({}, 100000);
    QVERIFY(all.ok());
    for (const Item &it : all->items)
        listed << it.id;
    QCOMPARE(listed, expectedAll);
    // A bad filter is an error, not an empty page.
    QCOMPARE(idx->listIds({}, 10, "{\"n\": {\"$lt\": }").error().code(), ErrorCode::MalformedInput);
    QCOMPARE(idx->listIds({}, -1).error().code(), ErrorCode::InvalidArgument);
}

void TestIndex::compactDropsDeletedRows()
{
    auto idx = createIndex();
    QVERIFY(idx);
    Expected expected;
    for (int i = 0; i < 60; ++i) {
        const Item it = makeItem(QStringLiteral("c%1").arg(i, 3, 10, QLatin1Char('0')), quint32(i));
        QVERIFY(waitFor(idx->insert(it)).error.ok());
        expectPut(expected, it);
    }
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    for (int i = 0; i < 60; i += 3) {
        const QString id = QStringLiteral("c%1").arg(i, 3, 10, QLatin1Char('0'));
        QVERIFY(waitFor(idx->remove(id)).error.ok());
        expected.erase(id.toUtf8());
    }
    for (int i = 1; i < 60; i += 9) {
        const Item it = makeItem(QStringLiteral("c%1").arg(i, 3, 10, QLatin1Char('0')), quint32(1000 + i));
        QVERIFY(waitFor(idx->upsert(it)).error.ok());
        expectPut(expected, it);
    }
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    IndexStats before = idx->stats();
    QVERIFY(before.deletedRows > 0);
    QVERIFY(before.segments >= 2);
    QCOMPARE(diffContent(*idx, expected), QString());

    const WriteResult c = waitFor(idx->compact());
    QVERIFY2(c.error.ok(), qPrintable(c.error.message()));
    const IndexStats after = idx->stats();
    QCOMPARE(after.segments, qint64(1));
    QCOMPARE(after.deletedRows, qint64(0));
    QCOMPARE(after.segmentRows, qint64(expected.size()));
    QCOMPARE(after.items, qint64(expected.size()));
    QVERIFY(after.generation > before.generation);
    QCOMPARE(diffContent(*idx, expected), QString());
    for (int i = 0; i < 60; i += 3)
        QVERIFY(!idx->contains(QStringLiteral("c%1").arg(i, 3, 10, QLatin1Char('0'))));

    // The compacted state is what a reopen sees, and it verifies clean.
    QVERIFY(!idx->close());
    idx.reset();
    Result<VerifyReport> v = verifyIndex(indexPath(), VerifyOptions{true, {}});
    QVERIFY(v.ok());
    QVERIFY(v->clean());
    Result<std::shared_ptr<Index>> re = Index::open(indexPath());
    QVERIFY(re.ok());
    QCOMPARE((*re)->stats().segments, qint64(1));
    QCOMPARE(diffContent(**re, expected), QString());
}

void TestIndex::compactOfEmptyIndex()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->compact()).error.ok());
    QCOMPARE(idx->count(), qint64(0));
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("a"), 1))).error.ok());
    QVERIFY(waitFor(idx->remove(QStringLiteral("a"))).error.ok());
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QVERIFY(waitFor(idx->compact()).error.ok());
    QCOMPARE(idx->count(), qint64(0));
    QCOMPARE(idx->stats().segments, qint64(0));
    Result<ListPage> p = idx->list(QString(), 10);
    QVERIFY(p.ok());
    QVERIFY(p->items.isEmpty());
}

void TestIndex::checkpointOnDemandAndAutomatic()
{
    OpenOptions o;
    o.checkpointWalBytes = 2048;
    auto idx = createIndex(Durability::Normal, o);
    QVERIFY(idx);
    for (int i = 0; i < 100; ++i)
        QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("auto%1").arg(i), quint32(i)))).error.ok());
    const IndexStats s = idx->stats();
    QVERIFY2(s.checkpointLsn > 0, "writing well past checkpointWalBytes never checkpointed");
    QVERIFY(s.segments >= 1);
    // The log may grow to twice the threshold while a background checkpoint
    // runs (then the writer waits for it), plus the group that crossed it.
    // walBytes counts every log of the chain: the active one and the one a
    // checkpoint in flight is folding, each within that bound.
    QVERIFY2(s.walBytes < 2 * (2 * 2048 + 1024), qPrintable(QString::number(s.walBytes)));
    QCOMPARE(s.items, qint64(100));
    for (int i = 0; i < 100; ++i)
        QVERIFY(idx->contains(QStringLiteral("auto%1").arg(i)));
    // Retired files do not pile up: at most the current and previous generation's.
    // Old logs are retired: what stays is the previous generation's log, the
    // current one's, and the active log of a checkpoint still in flight.
    QVERIFY(filesMatching(indexPath(), QStringLiteral("wal-*.log")).size() <= 3);
}

void TestIndex::reopenKeepsEverything()
{
    Expected expected;
    {
        auto idx = createIndex();
        QVERIFY(idx);
        for (int i = 0; i < 30; ++i) {
            const Item it = makeItem(QStringLiteral("p%1").arg(i), quint32(i));
            QVERIFY(waitFor(idx->insert(it)).error.ok());
            expectPut(expected, it);
            if (i == 10) QVERIFY(waitFor(idx->checkpoint()).error.ok());
        }
        QVERIFY(waitFor(idx->remove(QStringLiteral("p3"))).error.ok());
        expected.erase("p3");
        QVERIFY(!idx->close());
    }
    for (int round = 0; round < 2; ++round) {
        Result<std::shared_ptr<Index>> idx = Index::open(indexPath());
        QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
        QCOMPARE(diffContent(**idx, expected), QString());
        QCOMPARE((*idx)->stats().lastLsn, quint64(31));
        QVERIFY(!(*idx)->close());
    }
}

void TestIndex::reopenWithoutCheckpointReplaysWal()
{
    // A copy of the folder taken while the writer is open holds un-checkpointed
    // frames: opening the copy replays them.
    Expected expected;
    const QString copy = m_dir->filePath(QStringLiteral("copy"));
    {
        auto idx = createIndex();
        QVERIFY(idx);
        for (int i = 0; i < 20; ++i) {
            const Item it = makeItem(QStringLiteral("w%1").arg(i), quint32(i));
            QVERIFY(waitFor(idx->insert(it)).error.ok());
            expectPut(expected, it);
        }
        QVERIFY(copyFolder(indexPath(), copy, {QStringLiteral("LOCK")}));
    }
    Result<std::shared_ptr<Index>> idx = Index::open(copy);
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    QCOMPARE((*idx)->openReport().replayedFrames, quint64(20));
    QCOMPARE((*idx)->openReport().lastLsn, quint64(20));
    QVERIFY(!(*idx)->openReport().tailCut);
    QCOMPARE(diffContent(**idx, expected), QString());
}

void TestIndex::reopenAfterInterruptedCheckpoint()
{
    // A checkpoint that stopped after writing its segment and new WAL but
    // before replacing the manifest: the old manifest and WAL still describe
    // everything, and the half-made files must not confuse the next open.
    Expected expected;
    const QString copy = m_dir->filePath(QStringLiteral("copy"));
    {
        auto idx = createIndex();
        QVERIFY(idx);
        for (int i = 0; i < 12; ++i) {
            const Item it = makeItem(QStringLiteral("ic%1").arg(i), quint32(i));
            QVERIFY(waitFor(idx->insert(it)).error.ok());
            expectPut(expected, it);
        }
        QVERIFY(waitFor(idx->remove(QStringLiteral("ic4"))).error.ok());
        expected.erase("ic4");
        QVERIFY(waitFor(idx->checkpoint()).error.ok());
        QVERIFY(copyFolder(indexPath(), copy, {QStringLiteral("LOCK")}));
    }
    // Roll the copy back to the generation before the checkpoint.
    const QByteArray previous = readAll(copy + QStringLiteral("/MANIFEST.prev"));
    QVERIFY(!previous.isEmpty());
    QVERIFY(writeAll(copy + QStringLiteral("/MANIFEST"), previous));
    QVERIFY(QFile::remove(copy + QStringLiteral("/MANIFEST.prev")));
    QCOMPARE(filesMatching(copy, QStringLiteral("seg-*.sxs")).size(), 1); // the orphan
    {
        Result<std::shared_ptr<Index>> idx = Index::open(copy);
        QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
        QCOMPARE((*idx)->openReport().replayedFrames, quint64(13));
        QCOMPARE(diffContent(**idx, expected), QString());
        QCOMPARE((*idx)->stats().segments, qint64(0));
        // Writing and checkpointing again reuses the segment number safely.
        const Item more = makeItem(QStringLiteral("more"), 77);
        QVERIFY(waitFor((*idx)->insert(more)).error.ok());
        expectPut(expected, more);
        QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
        QCOMPARE(diffContent(**idx, expected), QString());
    }
    Result<std::shared_ptr<Index>> re = Index::open(copy);
    QVERIFY(re.ok());
    QCOMPARE(diffContent(**re, expected), QString());
    Result<VerifyReport> v = verifyIndex(copy, VerifyOptions{true, {}});
    QVERIFY(v.ok());
    QVERIFY(v->clean());
}

void TestIndex::statsAreSane()
{
    auto idx = createIndex();
    QVERIFY(idx);
    IndexStats s = idx->stats();
    QCOMPARE(s.schema, smallSchema());
    QCOMPARE(s.durability, Durability::Full);
    QVERIFY(!s.readOnly);
    QCOMPARE(s.items, qint64(0));
    QCOMPARE(s.segments, qint64(0));
    QCOMPARE(s.walBytes, qint64(32));
    QCOMPARE(s.lastLsn, quint64(0));
    QCOMPARE(s.generation, quint64(1));
    QVERIFY(s.created.isValid());
    QVERIFY(std::abs(s.created.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
    QCOMPARE(s.pendingWrites, qint64(0));

    for (int i = 0; i < 10; ++i)
        QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("s%1").arg(i), quint32(i)))).error.ok());
    s = idx->stats();
    QCOMPARE(s.items, qint64(10));
    QCOMPARE(s.unflushedItems, qint64(10));
    QCOMPARE(s.lastLsn, quint64(10));
    QCOMPARE(s.checkpointLsn, quint64(0));
    const QString wal = indexPath() + u'/' + filesMatching(indexPath(), QStringLiteral("wal-*.log")).value(0);
    QCOMPARE(s.walBytes, fileSize(wal));
    QVERIFY(s.diskBytes >= s.walBytes);

    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    s = idx->stats();
    QCOMPARE(s.items, qint64(10));
    QCOMPARE(s.segments, qint64(1));
    QCOMPARE(s.segmentRows, qint64(10));
    QCOMPARE(s.deletedRows, qint64(0));
    QCOMPARE(s.unflushedItems, qint64(0));
    QCOMPARE(s.checkpointLsn, quint64(10));
    QCOMPARE(s.lastLsn, quint64(10));
    QCOMPARE(s.generation, quint64(2));
    QCOMPARE(s.walBytes, qint64(32));
    QVERIFY(s.lastCheckpoint.isValid());
    QVERIFY(s.lastCheckpoint >= s.created);
    const qint64 segBytes =
        fileSize(indexPath() + u'/' + filesMatching(indexPath(), QStringLiteral("seg-*.sxs")).value(0));
    QVERIFY(s.diskBytes >= segBytes + s.walBytes);

    QVERIFY(waitFor(idx->remove(QStringLiteral("s0"))).error.ok());
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    s = idx->stats();
    QCOMPARE(s.items, qint64(9));
    QCOMPARE(s.deletedRows, qint64(1));
    QCOMPARE(s.segmentRows, qint64(10));
}

void TestIndex::durabilityModes_data()
{
    QTest::addColumn<Durability>("durability");
    QTest::newRow("full") << Durability::Full;
    QTest::newRow("normal") << Durability::Normal;
    QTest::newRow("off") << Durability::Off;
}

void TestIndex::durabilityModes()
{
    QFETCH(Durability, durability);
    Expected expected;
    {
        auto idx = createIndex(durability);
        QVERIFY(idx);
        QCOMPARE(idx->durability(), durability);
        QCOMPARE(idx->stats().durability, durability);
        for (int i = 0; i < 25; ++i) {
            const Item it = makeItem(QStringLiteral("d%1").arg(i), quint32(i));
            QVERIFY(waitFor(idx->insert(it)).error.ok());
            expectPut(expected, it);
        }
        QVERIFY(waitFor(idx->checkpoint()).error.ok());
        QVERIFY(waitFor(idx->remove(QStringLiteral("d7"))).error.ok());
        expected.erase("d7");
        QVERIFY(!idx->close());
    }
    Result<std::shared_ptr<Index>> re = Index::open(indexPath());
    QVERIFY(re.ok());
    QCOMPARE((*re)->durability(), durability); // stored in the manifest
    QCOMPARE(diffContent(**re, expected), QString());
    Result<VerifyReport> v = verifyIndex(indexPath(), VerifyOptions{true, {}});
    QVERIFY(v.ok());
    QVERIFY(v->clean());
}

void TestIndex::durabilityOverrideOnOpen()
{
    {
        auto idx = createIndex(Durability::Full);
        QVERIFY(idx);
    }
    OpenOptions o;
    o.durability = Durability::Off;
    Result<std::shared_ptr<Index>> idx = Index::open(indexPath(), o);
    QVERIFY(idx.ok());
    QCOMPARE((*idx)->durability(), Durability::Off);
    QVERIFY(waitFor((*idx)->insert(makeItem(QStringLiteral("a"), 1))).error.ok());
    QVERIFY(!(*idx)->close());
    idx = Index::open(indexPath());
    QCOMPARE((*idx)->durability(), Durability::Full); // the override was for that session only
    QVERIFY((*idx)->contains(QStringLiteral("a")));
}

void TestIndex::concurrentWritersAreAllAcknowledged()
{
    auto idx = createIndex(Durability::Full);
    QVERIFY(idx);
    constexpr int kThreads = 8, kPerThread = 200;
    std::vector<std::vector<WriteResult>> results(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            // Each thread keeps several writes in flight, as a real client would.
            QList<QFuture<WriteResult>> futures;
            for (int i = 0; i < kPerThread; ++i) {
                futures.append(idx->insert(makeItem(QStringLiteral("t%1-%2").arg(t).arg(i), quint32(t * 1000 + i))));
                if (futures.size() == 8) {
                    for (auto &f : futures)
                        results[size_t(t)].push_back(waitFor(f));
                    futures.clear();
                }
            }
            for (auto &f : futures)
                results[size_t(t)].push_back(waitFor(f));
        });
    }
    for (auto &th : threads)
        th.join();
    QSet<quint64> lsns;
    for (int t = 0; t < kThreads; ++t) {
        QCOMPARE(int(results[size_t(t)].size()), kPerThread);
        for (const WriteResult &r : results[size_t(t)]) {
            QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
            QCOMPARE(r.items, 1);
            lsns.insert(r.lsn);
        }
    }
    QCOMPARE(lsns.size(), kThreads * kPerThread); // every write has its own frame
    QCOMPARE(*std::max_element(lsns.begin(), lsns.end()), quint64(kThreads * kPerThread));
    QCOMPARE(idx->count(), qint64(kThreads * kPerThread));
    for (int t = 0; t < kThreads; ++t)
        for (int i = 0; i < kPerThread; i += 37)
            QCOMPARE(idx->get(QStringLiteral("t%1-%2").arg(t).arg(i))->vector, makeVector(4, quint32(t * 1000 + i)));
    QCOMPARE(idx->stats().pendingWrites, qint64(0));
    QVERIFY(!idx->close());
    Result<std::shared_ptr<Index>> re = Index::open(indexPath());
    QVERIFY(re.ok());
    QCOMPARE((*re)->count(), qint64(kThreads * kPerThread));
}

void TestIndex::interactiveBeforeBulk()
{
    auto idx = createIndex(Durability::Full);
    QVERIFY(idx);
    WriterPause pause(*idx);
    QVERIFY2(pause.paused(), "could not pause the writer thread");

    QList<QFuture<WriteResult>> bulk, interactive;
    for (int i = 0; i < 5; ++i)
        bulk.append(idx->insert(makeItem(QStringLiteral("bulk%1").arg(i), 2), Priority::Bulk));
    for (int i = 0; i < 5; ++i)
        interactive.append(idx->insert(makeItem(QStringLiteral("inter%1").arg(i), 3), Priority::Interactive));
    QVERIFY(idx->stats().pendingWrites >= 10);
    for (auto &f : bulk)
        QVERIFY(!f.isFinished());
    pause.resume();

    quint64 maxInteractive = 0, minBulk = ~quint64(0), prev = 0;
    for (auto &f : interactive) {
        const WriteResult r = waitFor(f);
        QVERIFY(r.error.ok());
        QVERIFY(r.lsn > prev); // first in, first out within a priority
        prev = r.lsn;
        maxInteractive = std::max(maxInteractive, r.lsn);
    }
    prev = 0;
    for (auto &f : bulk) {
        const WriteResult r = waitFor(f);
        QVERIFY(r.error.ok());
        QVERIFY(r.lsn > prev);
        prev = r.lsn;
        minBulk = std::min(minBulk, r.lsn);
    }
    QVERIFY2(maxInteractive < minBulk,
             qPrintable(QStringLiteral("interactive writes got LSNs up to %1, bulk writes from %2")
                            .arg(maxInteractive)
                            .arg(minBulk)));
}

void TestIndex::readsDuringWritesCheckpointsAndCompactions()
{
    // Readers run on snapshots while the writer inserts, checkpoints and
    // compacts: what they see only ever grows, is always in order, and an
    // item once seen stays readable with its data.
    OpenOptions o;
    o.checkpointWalBytes = 16 * 1024; // automatic checkpoints along the way
    auto idx = createIndex(Durability::Normal, o);
    QVERIFY(idx);
    constexpr int kItems = 1500;
    std::atomic<bool> done{false};
    QMutex problemsMutex;
    QStringList problems;
    auto problem = [&](const QString &p) {
        QMutexLocker l(&problemsMutex);
        if (problems.size() < 20) problems << p;
    };
    auto itemId = [](int i) { return QStringLiteral("c%1").arg(i, 5, 10, QLatin1Char('0')); };

    std::vector<std::thread> readers;
    for (int t = 0; t < 3; ++t) {
        readers.emplace_back([&, t] {
            qint64 lastCount = 0;
            int rounds = 0;
            while (!done.load() || rounds < 3) {
                ++rounds;
                const qint64 c = idx->count();
                if (c < lastCount) problem(QStringLiteral("count went from %1 to %2").arg(lastCount).arg(c));
                lastCount = c;
                Result<ListPage> page = idx->list(t == 0 ? QString() : itemId(int(c / 2)), 200, t == 1);
                if (!page.ok()) {
                    problem(QStringLiteral("list failed: ") + page.error().message());
                    continue;
                }
                for (int i = 1; i < page->items.size(); ++i)
                    if (page->items[i - 1].id.toUtf8() >= page->items[i].id.toUtf8())
                        problem(QStringLiteral("list out of order: %1 then %2")
                                    .arg(page->items[i - 1].id, page->items[i].id));
                if (c > 0) {
                    // Items are inserted in id order, so every id below the count exists.
                    const int i = int(QRandomGenerator::global()->bounded(int(c)));
                    Result<Item> got = idx->get(itemId(i));
                    if (!got.ok())
                        problem(QStringLiteral("get(%1) with count %2 failed: %3")
                                    .arg(itemId(i))
                                    .arg(c)
                                    .arg(got.error().message()));
                    else if (got->vector != makeVector(4, quint32(i)))
                        problem(QStringLiteral("get(%1) returned another vector").arg(itemId(i)));
                }
                if (page->items.size() > c + 200) problem(QStringLiteral("a page larger than the index"));
            }
        });
    }
    for (int i = 0; i < kItems; i += 25) {
        QList<WriteOp> batch;
        for (int j = i; j < i + 25; ++j)
            batch.append(WriteOp::insert(makeItem(itemId(j), quint32(j))));
        const WriteResult r = waitFor(idx->write(batch, Priority::Bulk));
        if (!r.error.ok()) problem(r.error.message());
        if (i % 300 == 275) {
            const WriteResult c = waitFor(i % 600 == 575 ? idx->compact() : idx->checkpoint());
            if (!c.error.ok()) problem(c.error.message());
        }
    }
    done = true;
    for (auto &th : readers)
        th.join();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(idx->count(), qint64(kItems));
    QVERIFY(idx->stats().segments >= 1);
}

void TestIndex::sameGroupSeesEarlierWritesOfTheGroup()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("old"), 1))).error.ok());
    WriterPause pause(*idx);
    QVERIFY2(pause.paused(), "could not pause the writer thread");
    const qint64 base = idx->count();
    // All of these are taken as one group, in this order.
    QFuture<WriteResult> insertA = idx->insert(makeItem(QStringLiteral("a"), 2));
    QFuture<WriteResult> insertAAgain = idx->insert(makeItem(QStringLiteral("a"), 3));
    QFuture<WriteResult> removeA = idx->remove(QStringLiteral("a"));
    QFuture<WriteResult> insertAThird = idx->insert(makeItem(QStringLiteral("a"), 4));
    QFuture<WriteResult> removeOld = idx->remove(QStringLiteral("old"));
    QFuture<WriteResult> removeOldAgain = idx->remove(QStringLiteral("old"));
    QFuture<WriteResult> upsertOld = idx->upsert(makeItem(QStringLiteral("old"), 5));
    QFuture<WriteResult> batch = idx->write(
        {WriteOp::insert(makeItem(QStringLiteral("b"), 6)), WriteOp::insert(makeItem(QStringLiteral("a"), 7))});
    QFuture<WriteResult> insertB = idx->insert(makeItem(QStringLiteral("b"), 8));
    pause.resume();
    QVERIFY(waitFor(insertA).error.ok());
    QCOMPARE(waitFor(insertAAgain).error.code(), ErrorCode::AlreadyExists);
    QVERIFY(waitFor(removeA).error.ok());
    QVERIFY(waitFor(insertAThird).error.ok());
    QVERIFY(waitFor(removeOld).error.ok());
    QCOMPARE(waitFor(removeOldAgain).error.code(), ErrorCode::NotFound);
    QVERIFY(waitFor(upsertOld).error.ok());
    QCOMPARE(waitFor(batch).error.code(), ErrorCode::AlreadyExists); // "a" exists again
    QVERIFY(waitFor(insertB).error.ok());                            // the failed batch left no "b"
    QCOMPARE(idx->get(QStringLiteral("a"))->vector, makeVector(4, 4));
    QCOMPARE(idx->get(QStringLiteral("old"))->vector, makeVector(4, 5));
    QCOMPARE(idx->get(QStringLiteral("b"))->vector, makeVector(4, 8));
    QCOMPARE(idx->count(), base + 2);
    QVERIFY(!idx->close());
    idx.reset();
    Result<std::shared_ptr<Index>> re = Index::open(indexPath());
    QVERIFY(re.ok());
    QCOMPARE((*re)->count(), base + 2);
    QCOMPARE((*re)->get(QStringLiteral("a"))->vector, makeVector(4, 4));
}

void TestIndex::closeFromContinuationOnWriterThread_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("close()") << QStringLiteral("close");
    QTest::newRow("last reference released") << QStringLiteral("release");
}

void TestIndex::closeFromContinuationOnWriterThread()
{
    // A continuation that closes the index, or drops the last reference to
    // it, may run on the writer thread. That must not crash the program, so
    // the scenario runs in a child process and the parent checks how it ended.
    QFETCH(QString, how);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SEXTANT_TEST_CHILD_DIR"), m_dir->path());
    env.insert(QStringLiteral("QTEST_DISABLE_STACK_DUMP"), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--close-from-continuation"), how});
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForFinished(60000));
    const QString out = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit,
             qPrintable(QStringLiteral("the child crashed:\n") + out.right(1500)));
    QVERIFY2(child.exitCode() == 0, qPrintable(out.right(1500)));
    QVERIFY2(out.contains(QStringLiteral("child finished")), qPrintable(out.right(1500)));
    // What the child acknowledged is there.
    Result<std::shared_ptr<Index>> idx = Index::open(m_dir->filePath(QStringLiteral("child")));
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    QVERIFY((*idx)->contains(QStringLiteral("last")));
}

void TestIndex::secondWriterIsRefusedWithHolder()
{
    auto idx = createIndex();
    QVERIFY(idx);
    Result<std::shared_ptr<Index>> second = Index::open(indexPath());
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code(), ErrorCode::Locked);
    QVERIFY2(second.error().message().contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(second.error().message()));
    // The refused open left the first writer working.
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("still"), 1))).error.ok());
    QVERIFY(!idx->close());
    QVERIFY(Index::open(indexPath()).ok());
}

void TestIndex::lockHolderNamesApplication()
{
    // OpenOptions::applicationName is documented as "shown to other
    // processes in the lock file".
    OpenOptions o;
    o.applicationName = QStringLiteral("SextantTestApp");
    auto idx = createIndex(Durability::Full, o);
    QVERIFY(idx);
    const std::optional<LockHolder> h = Index::lockHolder(indexPath());
    QVERIFY(h.has_value());
    QCOMPARE(h->application, QStringLiteral("SextantTestApp"));
}

void TestIndex::readOnlyOpenAndRefresh()
{
    auto writer = createIndex();
    QVERIFY(writer);
    Expected expected;
    for (int i = 0; i < 5; ++i) {
        const Item it = makeItem(QStringLiteral("r%1").arg(i), quint32(i));
        QVERIFY(waitFor(writer->insert(it)).error.ok());
        expectPut(expected, it);
    }
    OpenOptions ro;
    ro.readOnly = true;
    Result<std::shared_ptr<Index>> reader = Index::open(indexPath(), ro);
    QVERIFY2(reader.ok(), qPrintable(reader.error().message()));
    Index &r = **reader;
    QVERIFY(r.isReadOnly());
    QVERIFY(r.stats().readOnly);
    QCOMPARE(diffContent(r, expected), QString());
    QCOMPARE(waitFor(r.insert(makeItem(QStringLiteral("no"), 1))).error.code(), ErrorCode::ReadOnly);
    QCOMPARE(waitFor(r.remove(QStringLiteral("r1"))).error.code(), ErrorCode::ReadOnly);
    QCOMPARE(waitFor(r.checkpoint()).error.code(), ErrorCode::ReadOnly);
    QCOMPARE(waitFor(r.compact()).error.code(), ErrorCode::ReadOnly);

    // Nothing new: refresh says so.
    Result<bool> nothing = r.refresh();
    QVERIFY(nothing.ok());
    QCOMPARE(*nothing, false);

    for (int i = 5; i < 12; ++i) {
        const Item it = makeItem(QStringLiteral("r%1").arg(i), quint32(i));
        QVERIFY(waitFor(writer->insert(it)).error.ok());
        expectPut(expected, it);
    }
    QVERIFY(waitFor(writer->remove(QStringLiteral("r0"))).error.ok());
    expected.erase("r0");
    QCOMPARE(r.count(), qint64(5)); // a snapshot until refreshed
    Result<bool> changed = r.refresh();
    QVERIFY2(changed.ok(), qPrintable(changed.error().message()));
    QCOMPARE(*changed, true);
    QCOMPARE(diffContent(r, expected), QString());
    QCOMPARE(r.stats().lastLsn, writer->stats().lastLsn);
    QCOMPARE(*r.refresh(), false);
    // The reader did not take the lock; the writer still holds it.
    QCOMPARE(Index::lockHolder(indexPath())->pid, QCoreApplication::applicationPid());
    QVERIFY(waitFor(writer->insert(makeItem(QStringLiteral("after"), 1))).error.ok());
}

void TestIndex::readOnlyRefreshAfterCheckpointAndCompact()
{
    auto writer = createIndex();
    QVERIFY(writer);
    Expected expected;
    auto add = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            const Item it = makeItem(QStringLiteral("q%1").arg(i, 3, 10, QLatin1Char('0')), quint32(i));
            QVERIFY(waitFor(writer->upsert(it)).error.ok());
            expectPut(expected, it);
        }
    };
    add(0, 10);
    OpenOptions ro;
    ro.readOnly = true;
    Result<std::shared_ptr<Index>> reader = Index::open(indexPath(), ro);
    QVERIFY(reader.ok());
    Index &r = **reader;

    QVERIFY(waitFor(writer->checkpoint()).error.ok());
    add(10, 15);
    QCOMPARE(*r.refresh(), true);
    QCOMPARE(diffContent(r, expected), QString());

    QVERIFY(waitFor(writer->remove(QStringLiteral("q003"))).error.ok());
    expected.erase("q003");
    QVERIFY(waitFor(writer->checkpoint()).error.ok());
    QVERIFY(waitFor(writer->compact()).error.ok());
    add(5, 20);
    QCOMPARE(*r.refresh(), true);
    QCOMPARE(diffContent(r, expected), QString());

    // The writer goes away (checkpointing on close); the reader still refreshes.
    QVERIFY(!writer->close());
    QCOMPARE(*r.refresh(), true);
    QCOMPARE(diffContent(r, expected), QString());
}

void TestIndex::validateChecksWithoutWriting()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(!idx->validate(WriteOp::insert(makeItem(QStringLiteral("ok"), 1))));
    QCOMPARE(idx->validate(WriteOp::insert(Item{QStringLiteral("v"), {1, 2, 3}, {}})).code(),
             ErrorCode::DimensionMismatch);
    QCOMPARE(idx->validate(WriteOp::remove(QString())).code(), ErrorCode::InvalidId);
    QVERIFY(!idx->validate(WriteOp::remove(QStringLiteral("whatever"))));
    QCOMPARE(idx->stats().lastLsn, quint64(0));
    QCOMPARE(idx->count(), qint64(0));
}

void TestIndex::largeBulkBatchesAreIngestedAsSegments()
{
    auto idx = createIndex();
    QVERIFY(idx);
    QVERIFY(waitFor(idx->insert(makeItem(QStringLiteral("m1"), 1))).error.ok()); // in the memtable
    const int n = 3000;
    auto batch = [&](const QString &prefix, quint32 seed, WriteOp::Kind kind) {
        QList<WriteOp> ops;
        for (int i = 0; i < n; ++i) {
            Item it = makeItem(QStringLiteral("%1%2").arg(prefix).arg(i, 4, 10, QLatin1Char('0')), seed + quint32(i));
            ops.append(kind == WriteOp::Kind::Delete ? WriteOp::remove(it.id) : WriteOp{kind, it});
        }
        return ops;
    };
    const qint64 walBefore = idx->stats().walBytes;

    // Inserts go straight to a segment: the log does not grow.
    WriteResult r = waitFor(idx->write(batch(QStringLiteral("b"), 0, WriteOp::Kind::Insert), Priority::Bulk));
    QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.items, n);
    QCOMPARE(idx->count(), qint64(n + 1));
    QCOMPARE(idx->stats().walBytes, walBefore);
    QCOMPARE(idx->stats().segments, qint64(1));
    QCOMPARE(idx->get(QStringLiteral("b0042"))->vector, makeVector(4, 42));

    // Upserts over them replace every row: the old segment is dropped.
    r = waitFor(idx->write(batch(QStringLiteral("b"), 100000, WriteOp::Kind::Upsert), Priority::Bulk));
    QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
    QCOMPARE(idx->count(), qint64(n + 1));
    QCOMPARE(idx->stats().segments, qint64(1));
    QCOMPARE(idx->get(QStringLiteral("b0042"))->vector, makeVector(4, 100042));

    // An insert of one present id fails the whole batch and changes nothing.
    QList<WriteOp> clash = batch(QStringLiteral("c"), 0, WriteOp::Kind::Insert);
    clash[2000] = WriteOp::insert(makeItem(QStringLiteral("b0007"), 7));
    r = waitFor(idx->write(clash, Priority::Bulk));
    QCOMPARE(r.error.code(), ErrorCode::AlreadyExists);
    QVERIFY2(r.error.message().contains(QStringLiteral("b0007")), qPrintable(r.error.message()));
    QCOMPARE(idx->count(), qint64(n + 1));
    QVERIFY(!idx->contains(QStringLiteral("c0000")));

    // A batch that touches an id in the memtable goes through the log.
    QList<WriteOp> mixed = batch(QStringLiteral("d"), 0, WriteOp::Kind::Upsert);
    mixed[5] = WriteOp::upsert(makeItem(QStringLiteral("m1"), 99));
    r = waitFor(idx->write(mixed, Priority::Bulk));
    QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
    QVERIFY(idx->stats().walBytes > walBefore);
    QCOMPARE(idx->get(QStringLiteral("m1"))->vector, makeVector(4, 99));
    QCOMPARE(idx->count(), qint64(2 * n)); // b*, d* without d0005 (now m1), m1

    // Deletes of ingested ids.
    r = waitFor(idx->write(batch(QStringLiteral("b"), 0, WriteOp::Kind::Delete), Priority::Bulk));
    QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
    QCOMPARE(idx->count(), qint64(n));
    QVERIFY(!idx->contains(QStringLiteral("b0000")));

    // Everything survives a reopen, in order, and verifies clean.
    QVERIFY(!idx->close());
    Result<std::shared_ptr<Index>> again = Index::open(indexPath());
    QVERIFY2(again.ok(), qPrintable(again.error().message()));
    QCOMPARE((*again)->count(), qint64(n));
    QCOMPARE((*again)->get(QStringLiteral("m1"))->vector, makeVector(4, 99));
    QCOMPARE((*again)->get(QStringLiteral("d2999"))->vector, makeVector(4, 2999));
    Result<ListPage> page = (*again)->list({}, 3);
    QVERIFY(page.ok());
    QCOMPARE(page->items.size(), 3);
    QCOMPARE(page->items[0].id, QStringLiteral("d0000"));
    QVERIFY(!(*again)->close());
    Result<VerifyReport> v = verifyIndex(indexPath(), VerifyOptions{true, {}});
    QVERIFY(v.ok());
    QVERIFY(v->clean());
}

void TestIndex::manySegmentsAreMergedInTheBackground()
{
    auto idx = createIndex();
    QVERIFY(idx);
    const int batches = 30, perBatch = 2048;
    int maxSegments = 0;
    for (int b = 0; b < batches; ++b) {
        QList<WriteOp> ops;
        for (int i = 0; i < perBatch; ++i)
            ops.append(WriteOp::upsert(
                makeItem(QStringLiteral("s%1-%2").arg(b, 2, 10, QLatin1Char('0')).arg(i), quint32(b * perBatch + i))));
        // Every third batch replaces half of the previous one's ids.
        if (b % 3 == 2)
            for (int i = 0; i < perBatch / 2; ++i)
                ops[i] =
                    WriteOp::upsert(makeItem(QStringLiteral("s%1-%2").arg(b - 1, 2, 10, QLatin1Char('0')).arg(i), 7));
        const WriteResult r = waitFor(idx->write(ops, Priority::Bulk));
        QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
        maxSegments = std::max<int>(maxSegments, int(idx->stats().segments));
    }
    QVERIFY(waitFor(idx->checkpoint()).error.ok()); // waits for a merge in flight
    const qint64 expected = qint64(batches) * perBatch - (batches / 3) * (perBatch / 2);
    QCOMPARE(idx->count(), expected);
    // Without merging there would be one segment per batch. Batches do not
    // wait for a merge in flight, so how many segments exist at a moment
    // depends on timing; the bound is loose on purpose.
    QVERIFY2(maxSegments <= 20, qPrintable(QString::number(maxSegments)));
    QCOMPARE(idx->get(QStringLiteral("s00-5"))->vector, makeVector(4, 5));
    QCOMPARE(idx->get(QStringLiteral("s28-3"))->vector, makeVector(4, 7));
    QCOMPARE(idx->get(QStringLiteral("s29-2047"))->vector, makeVector(4, 29 * perBatch + 2047));
    qint64 listed = 0;
    QString after;
    for (;;) {
        Result<ListPage> page = idx->list(after, 5000);
        QVERIFY(page.ok());
        listed += page->items.size();
        if (page->nextAfter.isEmpty()) break;
        after = page->nextAfter;
    }
    QCOMPARE(listed, expected);
    QVERIFY(!idx->close());
    Result<VerifyReport> v = verifyIndex(indexPath(), VerifyOptions{true, {}});
    QVERIFY(v.ok());
    Result<std::shared_ptr<Index>> again = Index::open(indexPath());
    QVERIFY(again.ok());
    QVERIFY2(v->clean(), qPrintable(testsupport::findingsText(*v)));
    QCOMPARE((*again)->count(), expected);
    // close() waited for the last merge: few segments are left.
    QVERIFY2((*again)->stats().segments <= 12, qPrintable(QString::number((*again)->stats().segments)));
}

void TestIndex::writesDuringMergesAreCarriedOver()
{
    // Bulk batches that replace and delete rows of segments a background
    // merge is rewriting at the same time, plus logged writes and
    // checkpoints: nothing may come back and nothing may be lost.
    OpenOptions o;
    o.checkpointWalBytes = 16 * 1024;
    const int dims = 512; // big enough that merges take a while
    auto idx = createIndex(Durability::Normal, o, dims);
    QVERIFY(idx);
    Expected expected;
    QRandomGenerator rng(1234);
    QList<QFuture<WriteResult>> inFlight;
    quint32 seed = 1;
    for (int round = 0; round < 40; ++round) {
        QList<WriteOp> ops;
        QSet<QString> used;
        while (ops.size() < 2100) {
            const QString id = QStringLiteral("p%1").arg(rng.bounded(8000), 4, 10, QLatin1Char('0'));
            if (used.contains(id)) continue;
            used.insert(id);
            const bool remove = expected.count(id.toUtf8()) && rng.bounded(5) == 0;
            if (remove) {
                ops.append(WriteOp::remove(id));
                expected.erase(id.toUtf8());
            } else {
                const Item it = makeItem(id, seed++, dims);
                ops.append(WriteOp::upsert(it));
                expectPut(expected, it);
            }
        }
        inFlight.append(idx->write(ops, Priority::Bulk));
        // Logged writes to other ids between the batches.
        for (int i = 0; i < 20; ++i) {
            const Item it = makeItem(QStringLiteral("w%1-%2").arg(round).arg(i), seed++, dims);
            inFlight.append(idx->upsert(it));
            expectPut(expected, it);
        }
        // Waiting lets the queue run empty, which is when merges start; the
        // next round's batch then publishes while the merge is running.
        for (auto &f : inFlight)
            QVERIFY2(waitFor(f).error.ok(), qPrintable(waitFor(f).error.message()));
        inFlight.clear();
    }
    for (auto &f : inFlight)
        QVERIFY2(waitFor(f).error.ok(), qPrintable(waitFor(f).error.message()));
    QCOMPARE(diffContent(*idx, expected), QString());
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QCOMPARE(diffContent(*idx, expected), QString());
    QVERIFY(!idx->close());
    Result<VerifyReport> v = verifyIndex(indexPath(), VerifyOptions{true, {}});
    QVERIFY(v.ok());
    QVERIFY2(v->clean(), qPrintable(testsupport::findingsText(*v)));
    Result<std::shared_ptr<Index>> again = Index::open(indexPath());
    QVERIFY(again.ok());
    QCOMPARE(diffContent(**again, expected), QString());
}

void TestIndex::compactionDoesNotHoldUpWrites()
{
    const int dims = 256;
    auto idx = createIndex(Durability::Full, {}, dims);
    QVERIFY(idx);
    for (int b = 0; b < 6; ++b) {
        QList<WriteOp> ops;
        for (int i = 0; i < 10000; ++i)
            ops.append(WriteOp::insert(makeItem(QStringLiteral("c%1-%2").arg(b).arg(i), quint32(b * 10000 + i), dims)));
        QVERIFY(waitFor(idx->write(ops, Priority::Bulk)).error.ok());
    }
    QVERIFY(waitFor(idx->remove(QStringLiteral("c0-0"))).error.ok());
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QVERIFY(idx->stats().segments >= 6);

    // The merge runs on its own thread: a write queued behind the compaction
    // is acknowledged before the compaction finishes.
    QFuture<WriteResult> compaction = idx->compact();
    const WriteResult during = waitFor(idx->insert(makeItem(QStringLiteral("during"), 7, dims)));
    QVERIFY(during.error.ok());
    QVERIFY2(!compaction.isFinished(), "the compaction finished before a single insert did");
    QVERIFY(waitFor(idx->remove(QStringLiteral("c5-9999"))).error.ok()); // a row being merged
    QVERIFY(waitFor(compaction).error.ok());
    QCOMPARE(idx->count(), qint64(60000 - 2 + 1));
    QVERIFY(!idx->contains(QStringLiteral("c5-9999")));
    QVERIFY(waitFor(idx->checkpoint()).error.ok());
    QVERIFY(!idx->contains(QStringLiteral("c5-9999")));
    QCOMPARE(idx->get(QStringLiteral("during"))->vector, makeVector(dims, 7));
    QVERIFY(!idx->close());
    Result<std::shared_ptr<Index>> again = Index::open(indexPath());
    QVERIFY(again.ok());
    QCOMPARE((*again)->count(), qint64(60000 - 2 + 1));
    QVERIFY(!(*again)->contains(QStringLiteral("c5-9999")));
    QVERIFY(verifyIndex(indexPath(), VerifyOptions{true, {}})->clean());
}

// The child process of closeFromContinuationOnWriterThread: closes the index
// (or drops its last reference) in a continuation on the writer thread.
// Exits 0 and prints "child finished" when the program survived it.
static int closeFromContinuationChild(const QString &dir, const QString &how)
{
    auto fail = [](const char *what) {
        std::fprintf(stderr, "child failed: %s\n", what);
        return 1;
    };
    Result<std::shared_ptr<Index>> created = Index::create(dir + QStringLiteral("/child"), smallSchema());
    if (!created.ok()) return fail("create");
    std::shared_ptr<Index> idx = created.takeValue(); // the only reference
    std::unique_ptr<WriterPause> pause = std::make_unique<WriterPause>(*idx);
    if (!pause->paused()) return fail("could not pause the writer thread");
    QFuture<WriteResult> last = idx->insert(makeItem(QStringLiteral("last"), 1));
    QSemaphore ran;
    QFuture<void> cont;
    if (how == u"close") {
        cont = last.then(QtFuture::Launch::Sync, [raw = idx.get(), &ran](WriteResult) {
            raw->close();
            ran.release();
        });
    } else {
        cont = last.then(QtFuture::Launch::Sync, [keep = idx, &ran](WriteResult) mutable {
            keep.reset(); // the test has dropped its own reference: this is the last one
            ran.release();
        });
        idx.reset();
    }
    pause->resume();
    if (!ran.tryAcquire(1, 30000)) return fail("the continuation never ran");
    cont.waitForFinished();
    QThread::msleep(200); // let whatever the writer thread does next happen
    std::printf("child finished\n");
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == u"--close-from-continuation")
        return closeFromContinuationChild(qEnvironmentVariable("SEXTANT_TEST_CHILD_DIR"), args[2]);
    TestIndex test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
void TestIndex::folderHoldsOnlyWhatTheManifestsName()
{
    // Issue 18 §16: every path that publishes a graph (at close, at drift, after
    // a rebuild) leaves no superseded graph file; a read-only opener removes nothing.
    // As sextant-cli import does: create and close (saving an empty graph),
    // open again, write, close. That left the empty graph-…0001.sxg behind.
    auto created = createIndex(Durability::Full, {}, 8);
    QVERIFY(created);
    QVERIFY(created->waitForGraph(30000));
    QVERIFY(!created->close());
    QVERIFY(!filesMatching(indexPath(), QStringLiteral("graph-*.sxg")).isEmpty());
    Result<std::shared_ptr<Index>> idx = Index::open(indexPath());
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    QList<WriteOp> batch;
    for (int i = 0; i < 58; ++i)
        batch.append(WriteOp::insert(makeItem(QStringLiteral("a%1").arg(i), quint32(i), 8)));
    QVERIFY(waitFor((*idx)->write(batch)).error.ok());
    QVERIFY((*idx)->waitForGraph(30000));
    QVERIFY(!(*idx)->close());
    QString beyond = folderBeyondTheManifests(indexPath());
    QVERIFY2(beyond.isEmpty(), qPrintable(QStringLiteral("after a close: ") + beyond));

    // A graph saved when it drifted (1,000 changes), then at close.
    Result<std::shared_ptr<Index>> again = Index::open(indexPath());
    QVERIFY2(again.ok(), qPrintable(again.error().message()));
    batch.clear();
    for (int i = 0; i < 1500; ++i)
        batch.append(WriteOp::insert(makeItem(QStringLiteral("b%1").arg(i), quint32(1000 + i), 8)));
    QVERIFY(waitFor((*again)->write(batch)).error.ok());
    QVERIFY((*again)->waitForGraph(60000));
    QVERIFY((*again)->graphStatus().file != QStringLiteral("graph-00000000000000000001.sxg"));
    beyond = folderBeyondTheManifests(indexPath());
    QVERIFY2(beyond.isEmpty(), qPrintable(QStringLiteral("after a save at drift: ") + beyond));

    // A rebuild (40 % of the graph deleted) saves a new graph.
    batch.clear();
    for (int i = 0; i < 600; ++i)
        batch.append(WriteOp::remove(QStringLiteral("b%1").arg(i)));
    QVERIFY(waitFor((*again)->write(batch)).error.ok());
    QVERIFY((*again)->waitForGraph(60000));
    QVERIFY((*again)->graphStatus().rebuilds >= 1);
    beyond = folderBeyondTheManifests(indexPath());
    QVERIFY2(beyond.isEmpty(), qPrintable(QStringLiteral("after a rebuild: ") + beyond));

    // A reader beside the writer changes nothing.
    const QStringList before = fileNames(indexPath());
    OpenOptions ro;
    ro.readOnly = true;
    Result<std::shared_ptr<Index>> reader = Index::open(indexPath(), ro);
    QVERIFY2(reader.ok(), qPrintable(reader.error().message()));
    QVERIFY((*reader)->waitForGraph(60000));
    QVERIFY(!(*reader)->close());
    QCOMPARE(fileNames(indexPath()), before);

    QVERIFY(!(*again)->close());
    beyond = folderBeyondTheManifests(indexPath());
    QVERIFY2(beyond.isEmpty(), qPrintable(QStringLiteral("after the last close: ") + beyond));
    const Result<VerifyReport> report = verifyIndex(indexPath(), VerifyOptions{});
    QVERIFY2(report.ok(), qPrintable(report.error().message()));
    for (const Finding &f : report->findings)
        QVERIFY2(f.action != RepairAction::QuarantineFile, qPrintable(f.file + QStringLiteral(": ") + f.message));
}

#include "tst_index.moc"
