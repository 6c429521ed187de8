// Restoring backups (restoreBackupArchive, sextant/Restore.h): a backup comes back
// as the same items; a target that is not new or empty is refused; hostile,
// truncated, corrupted and foreign archives and backups of damaged indexes
// are refused, and every refusal (and a cancel) leaves nothing behind.

#include "sextant/Backup.h"
#include "sextant/Restore.h"
#include "storage/Manifest.h"

#include "ArchiveBuilder.h"
#include "IndexTestSupport.h"

#include <QDirIterator>

#include <atomic>
#include <thread>
#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;
using namespace testsupport;

class TestRestore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void backupRestoresTheSameItems();
    void restoreIntoAnEmptyFolder();
    void targetMustBeNewOrEmpty();
    void hostileArchiveIsRefused();
    void truncatedArchiveIsRefused();
    void corruptedArchiveIsRefused_data();
    void corruptedArchiveIsRefused();
    void notOneTopFolderIsRefused();
    void foreignFolderFailsVerify();
    void backupOfADamagedIndexIsRefused();
    void cancelLeavesNothing();
    void backupHoldsOnlyWhatTheManifestNeeds();
    void wholeFolderBackupKeepsEveryFile();
    void backupBesideAWriter();

private:
    QString place(const QString &name) const { return m_work->filePath(name); }
    // Everything in the work folder, hidden included: a failed restore must add nothing.
    QStringList workListing() const
    {
        return QDir(m_work->path())
            .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    }
    void expectRefusedLeavingNothing(const QString &archive, const QString &messagePart, ErrorCode code);
    // MANIFEST, the files it names, and the logs after its checkpoint.
    static QStringList currentStateFiles(const QString &dir)
    {
        const Result<storage::Manifest> m = storage::Manifest::read(dir + QStringLiteral("/MANIFEST"));
        if (!m.ok()) return {m.error().message()};
        QStringList names{QStringLiteral("MANIFEST")};
        for (const storage::FileRecord &f : m->files)
            names << f.name;
        for (const QString &log : filesMatching(dir, QStringLiteral("wal-*.log")))
            if (log.mid(4, 20).toULongLong() > m->checkpointLsn) names << log;
        names.sort();
        return names;
    }
    // Every file under `dir`, relative, sorted (quarantine/ and publish/ included).
    static QStringList allFiles(const QString &dir)
    {
        QStringList names;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            names << QDir(dir).relativeFilePath(it.next());
        names.sort();
        return names;
    }
    static qint64 bytesOf(const QString &dir, const QStringList &names)
    {
        qint64 total = 0;
        for (const QString &n : names)
            total += fileSize(dir + u'/' + n);
        return total;
    }
    // The index of initTestCase with what a folder gathers beside it: a
    // superseded graph, a leftover segment, quarantine/, publish/, a file of the user's.
    QString indexWithLeftovers(const QString &name);

    QTemporaryDir m_base;
    std::unique_ptr<QTemporaryDir> m_work;
    QString m_index;
    QString m_backup;
    Expected m_expected;
    archives::BackupSummary m_backupSummary;
};

void TestRestore::initTestCase()
{
    m_index = m_base.filePath(QStringLiteral("ix"));
    Result<std::shared_ptr<Index>> idx = Index::create(m_index, smallSchema(8), Durability::Full);
    QVERIFY(idx.ok());
    QList<WriteOp> batch;
    for (int i = 0; i < 600; ++i) {
        Item it = makeItem(QStringLiteral("d%1").arg(i, 4, 10, QLatin1Char('0')), quint32(i), 8);
        expectPut(m_expected, it);
        batch.append(WriteOp::insert(it));
    }
    QVERIFY(waitFor((*idx)->write(batch, Priority::Bulk)).error.ok());
    QVERIFY(waitFor((*idx)->checkpoint()).error.ok());
    for (int i = 0; i < 600; i += 9) {
        const QString id = QStringLiteral("d%1").arg(i, 4, 10, QLatin1Char('0'));
        QVERIFY(waitFor((*idx)->remove(id)).error.ok());
        m_expected.erase(id.toUtf8());
    }
    for (int i = 0; i < 30; ++i) { // acknowledged writes still in the log
        Item it = makeItem(QStringLiteral("w%1").arg(i), quint32(9000 + i), 8);
        QVERIFY(waitFor((*idx)->insert(it)).error.ok());
        expectPut(m_expected, it);
    }
    const Error closed = (*idx)->close();
    QVERIFY2(!closed, qPrintable(closed.toString()));
    m_backup = m_base.filePath(QStringLiteral("ix.tar.zst"));
    Result<archives::BackupSummary> b = archives::writeBackupArchive(m_index, m_backup);
    QVERIFY2(b.ok(), qPrintable(b.error().message()));
    m_backupSummary = *b;
}

void TestRestore::init() { m_work = std::make_unique<QTemporaryDir>(); }

void TestRestore::backupRestoresTheSameItems()
{
    const QString target = place(QStringLiteral("restored"));
    qint64 lastDone = -1, lastTotal = 0;
    bool monotonic = true;
    Result<RestoreSummary> r = restoreBackupArchive(m_backup, target, [&](qint64 done, qint64 total) {
        monotonic = monotonic && done >= lastDone && done <= total;
        lastDone = done;
        lastTotal = total;
        return true;
    });
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QCOMPARE(r->folder, target);
    QCOMPARE(r->files, m_backupSummary.files);
    QCOMPARE(r->bytes, m_backupSummary.bytes);
    QCOMPARE(r->liveItems, qint64(m_expected.size()));
    QVERIFY(monotonic);
    QCOMPARE(lastDone, lastTotal);
    QCOMPARE(workListing(), QStringList{QStringLiteral("restored")}); // no temporary folder left
    QCOMPARE(fileNames(target), currentStateFiles(m_index));

    Result<std::shared_ptr<Index>> idx = Index::open(target);
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    const QString diff = diffContent(**idx, m_expected);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(!(*idx)->close());
}

void TestRestore::restoreIntoAnEmptyFolder()
{
    const QString target = place(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(target));
    Result<RestoreSummary> r = restoreBackupArchive(m_backup, target);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QCOMPARE(r->liveItems, qint64(m_expected.size()));
    QVERIFY(QFileInfo::exists(target + QStringLiteral("/MANIFEST")));
}

void TestRestore::targetMustBeNewOrEmpty()
{
    const QString full = place(QStringLiteral("full"));
    QVERIFY(QDir().mkpath(full));
    QVERIFY(writeAll(full + QStringLiteral("/.keep"), "mine"));
    Result<RestoreSummary> r = restoreBackupArchive(m_backup, full);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::AlreadyExists);
    QVERIFY(r.error().message().contains(QLatin1String("is not empty")));
    QCOMPARE(fileNames(full), QStringList{QStringLiteral(".keep")});

    const QString file = place(QStringLiteral("file"));
    QVERIFY(writeAll(file, "x"));
    r = restoreBackupArchive(m_backup, file);
    QCOMPARE(r.error().code(), ErrorCode::AlreadyExists);
    QCOMPARE(readAll(file), QByteArray("x"));

    r = restoreBackupArchive(m_backup, place(QStringLiteral("no/such/parent")));
    QCOMPARE(r.error().code(), ErrorCode::NotFound);
    QCOMPARE(workListing(), (QStringList{QStringLiteral("file"), QStringLiteral("full")}));
}

void TestRestore::expectRefusedLeavingNothing(const QString &archive, const QString &messagePart, ErrorCode code)
{
    const QStringList before = workListing();
    const QString target = place(QStringLiteral("target"));
    const Result<RestoreSummary> r = restoreBackupArchive(archive, target);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message().contains(messagePart), qPrintable(r.error().message()));
    QCOMPARE(r.error().code(), code);
    QCOMPARE(workListing(), before);
    QVERIFY(!QFileInfo::exists(target));
}

void TestRestore::hostileArchiveIsRefused()
{
    const QString archive = place(QStringLiteral("evil.tar.zst"));
    QVERIFY(writeTestArchive(archive, ArchiveSpec{"tar", "zstd", {}, {}},
                             {TestEntry{"ix/MANIFEST", "m"}, TestEntry{"ix/../../escaped", "x"}})
                .isEmpty());
    expectRefusedLeavingNothing(
        archive,
        QStringLiteral("evil.tar.zst: refused: the entry ix/../../escaped would be written outside the target folder"),
        ErrorCode::MalformedInput);
    QVERIFY(!QFileInfo::exists(m_work->filePath(QStringLiteral("../escaped"))));
    QVERIFY(writeTestArchive(archive, ArchiveSpec{"tar", "zstd", {}, {}},
                             {TestEntry{"ix/MANIFEST", "m"}, TestEntry{"ix/link", {}, AE_IFLNK, "/etc"}})
                .isEmpty());
    expectRefusedLeavingNothing(archive, QStringLiteral("the entry ix/link is a symbolic link"),
                                ErrorCode::MalformedInput);
}

void TestRestore::truncatedArchiveIsRefused()
{
    const QString archive = place(QStringLiteral("cut.tar.zst"));
    const QByteArray whole = readAll(m_backup);
    QVERIFY(writeAll(archive, whole.left(whole.size() * 2 / 3)));
    expectRefusedLeavingNothing(archive, QStringLiteral("cut.tar.zst: could not be read: "), ErrorCode::MalformedInput);
}

void TestRestore::corruptedArchiveIsRefused_data()
{
    QTest::addColumn<double>("where"); // fraction of the archive
    QTest::newRow("near the start") << 0.05;
    QTest::newRow("middle") << 0.5;
    QTest::newRow("near the end") << 0.95;
}

void TestRestore::corruptedArchiveIsRefused()
{
    // A flipped bit inside the zstd stream: the tar structure or the index's
    // own checksums catch it wherever it changes the index. A flip that only
    // lands in what no reader uses (a tar header's time, the padding after a
    // file) changes nothing, and then the restore must give the same items.
    QFETCH(double, where);
    const QString archive = place(QStringLiteral("flipped.tar.zst"));
    QVERIFY(QFile::copy(m_backup, archive));
    QVERIFY(flipBit(archive, qint64(double(fileSize(archive)) * where), 3));
    const QStringList before = workListing();
    const QString target = place(QStringLiteral("target"));
    const Result<RestoreSummary> r = restoreBackupArchive(archive, target);
    if (r.ok()) {
        auto idx = Index::open(target, OpenOptions{.readOnly = true});
        QVERIFY(idx.ok());
        const QString diff = diffContent(**idx, m_expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        (*idx)->close();
        QVERIFY(QDir(target).removeRecursively());
        return;
    }
    QVERIFY2(r.error().message().startsWith(QLatin1String("flipped.tar.zst: ")), qPrintable(r.error().message()));
    QCOMPARE(workListing(), before);
}

void TestRestore::notOneTopFolderIsRefused()
{
    const QString archive = place(QStringLiteral("flat.tar"));
    QVERIFY(writeTestArchive(archive, {}, {TestEntry{"MANIFEST", "m"}}).isEmpty());
    expectRefusedLeavingNothing(archive, QStringLiteral("the file MANIFEST is not inside the index folder"),
                                ErrorCode::MalformedInput);
    QVERIFY(writeTestArchive(archive, {}, {TestEntry{"a/MANIFEST", "m"}, TestEntry{"b/MANIFEST", "m"}}).isEmpty());
    expectRefusedLeavingNothing(archive, QStringLiteral("more than one top folder (a and b)"),
                                ErrorCode::MalformedInput);
    QVERIFY(writeTestArchive(archive, {}, {TestEntry{"a/", {}, AE_IFDIR}}).isEmpty());
    expectRefusedLeavingNothing(archive, QStringLiteral("holds no files"), ErrorCode::MalformedInput);
}

void TestRestore::foreignFolderFailsVerify()
{
    const QString archive = place(QStringLiteral("photos.tar.gz"));
    QVERIFY(
        writeTestArchive(archive, ArchiveSpec{"tar", "gzip", {}, {}}, {TestEntry{"photos/a.jpg", "jpeg"}}).isEmpty());
    expectRefusedLeavingNothing(archive, QStringLiteral("photos.tar.gz: the restored"), ErrorCode::Corruption);
}

void TestRestore::backupOfADamagedIndexIsRefused()
{
    // Backups are taken of damaged indexes on purpose (before a repair);
    // restoring one must not pass it off as healthy.
    const QString damaged = place(QStringLiteral("damaged"));
    QVERIFY(copyFolder(m_index, damaged));
    Result<storage::Manifest> m = storage::Manifest::read(damaged + QStringLiteral("/MANIFEST"));
    QVERIFY(m.ok());
    QVERIFY(!m->segments.isEmpty());
    const QString segment = damaged + u'/' + m->segments.first().file;
    QVERIFY(flipBit(segment, fileSize(segment) / 3, 5));
    const QString archive = place(QStringLiteral("damaged.tar.zst"));
    Result<archives::BackupSummary> b = archives::writeBackupArchive(damaged, archive);
    QVERIFY2(b.ok(), qPrintable(b.error().message()));
    expectRefusedLeavingNothing(archive, QStringLiteral("damaged.tar.zst: the restored index fails verification: "),
                                ErrorCode::Corruption);
}

void TestRestore::cancelLeavesNothing()
{
    for (const qint64 stopAt : {qint64(1), qint64(-1)}) { // while extracting; while verifying
        const QStringList before = workListing();
        const qint64 archiveSize = fileSize(m_backup);
        const Result<RestoreSummary> r =
            restoreBackupArchive(m_backup, place(QStringLiteral("target")), [&](qint64 done, qint64) {
                return stopAt > 0 ? done < stopAt : done <= 2 * archiveSize;
            });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Cancelled);
        QCOMPARE(workListing(), before);
    }
}

QString TestRestore::indexWithLeftovers(const QString &name)
{
    const QString dir = place(name);
    if (!copyFolder(m_index, dir)) return {};
    const Result<storage::Manifest> m = storage::Manifest::read(dir + QStringLiteral("/MANIFEST"));
    if (!m.ok() || !m->graph || m->segments.isEmpty()) return {};
    const QString graph = dir + u'/' + m->graph->file;
    const QString segment = dir + u'/' + m->segments.first().file;
    QDir(dir).mkpath(QStringLiteral("quarantine"));
    QDir(dir).mkpath(QStringLiteral("publish"));
    const bool made = QFile::copy(graph, dir + QStringLiteral("/graph-00000000000000000099.sxg")) &&
                      QFile::copy(segment, dir + QStringLiteral("/seg-00000099.sxs")) &&
                      writeAll(dir + QStringLiteral("/quarantine/wal-00000000000000000007.log-offset32-x.bin"), "x") &&
                      writeAll(dir + QStringLiteral("/publish/items-0123.json"), "{}") &&
                      writeAll(dir + QStringLiteral("/notes.txt"), "mine");
    return made ? dir : QString();
}

void TestRestore::backupHoldsOnlyWhatTheManifestNeeds()
{
    // Issue 18 §16: "A backup of a 249 MB index was 326 MB." A backup holds
    // what the current manifest needs: not MANIFEST.prev and its files,
    // superseded graphs, leftovers, quarantine/ or publish/.
    const QString dir = indexWithLeftovers(QStringLiteral("cluttered"));
    QVERIFY(!dir.isEmpty());
    QVERIFY(QFileInfo::exists(dir + QStringLiteral("/MANIFEST.prev")));
    const QStringList needed = currentStateFiles(dir);
    QVERIFY(needed.size() >= 3);
    QVERIFY(allFiles(dir).size() > needed.size() + 5);
    const QString archive = place(QStringLiteral("cluttered.tar.zst"));
    Result<archives::BackupSummary> b = archives::writeBackupArchive(dir, archive);
    QVERIFY2(b.ok(), qPrintable(b.error().message()));
    QCOMPARE(b->files, int(needed.size()));
    QCOMPARE(b->bytes, bytesOf(dir, needed));

    const QString target = place(QStringLiteral("restored"));
    Result<RestoreSummary> r = restoreBackupArchive(archive, target);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QCOMPARE(allFiles(target), needed);
    QVERIFY2(r->warnings.isEmpty(), qPrintable(r->warnings.join(u'\n')));
    for (const QString &n : needed) // byte for byte
        QVERIFY2(readAll(target + u'/' + n) == readAll(dir + u'/' + n), qPrintable(n));
    // Every item comes back, the same (the items of before: m_expected).
    Result<std::shared_ptr<Index>> idx = Index::open(target);
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    const QString diff = diffContent(**idx, m_expected);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(!(*idx)->close());
}

void TestRestore::wholeFolderBackupKeepsEveryFile()
{
    // What a repair saves first: every file but the lock.
    const QString dir = indexWithLeftovers(QStringLiteral("whole"));
    QVERIFY(!dir.isEmpty());
    QVERIFY(writeAll(dir + QStringLiteral("/LOCK"), "12345\n"));
    const QString archive = place(QStringLiteral("whole.tar.zst"));
    Result<archives::BackupSummary> b =
        archives::writeBackupArchive(dir, archive, {}, archives::BackupScope::WholeFolder);
    QVERIFY2(b.ok(), qPrintable(b.error().message()));
    QStringList expected = allFiles(dir);
    expected.removeAll(QStringLiteral("LOCK"));
    QCOMPARE(b->files, int(expected.size()));
    const QString target = place(QStringLiteral("restored"));
    Result<RestoreSummary> r = restoreBackupArchive(archive, target);
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QCOMPARE(allFiles(target), expected);
}

// A backup taken while a writer checkpoints, merges and retires files: each
// restores to an index that verifies and holds a prefix of the acknowledged
// writes, every item as written.
void TestRestore::backupBesideAWriter()
{
    const QString dir = place(QStringLiteral("busy"));
    OpenOptions o;
    o.checkpointWalBytes = 16 * 1024; // a checkpoint every few batches: files come and go
    o.graph = false;
    Result<std::shared_ptr<Index>> idx = Index::create(dir, smallSchema(8), Durability::Normal, o);
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    std::atomic<int> acknowledged{0};
    std::atomic<bool> stop{false};
    QString writeError;
    std::thread writer([&] {
        for (int b = 0; !stop && b < 4000; ++b) {
            QList<WriteOp> batch;
            for (int i = 0; i < 20; ++i)
                batch.append(WriteOp::insert(
                    makeItem(QStringLiteral("b%1").arg(b * 20 + i, 6, 10, QLatin1Char('0')), quint32(b * 20 + i), 8)));
            const WriteResult r = waitFor((*idx)->write(batch));
            if (r.error) {
                writeError = r.error.toString();
                return;
            }
            acknowledged = (b + 1) * 20;
        }
    });
    QList<int> before, after;
    QStringList archives;
    for (int round = 0; round < 6; ++round) {
        QTest::qWait(80);
        before << acknowledged.load();
        const QString archive = place(QStringLiteral("busy-%1.tar.zst").arg(round));
        Result<archives::BackupSummary> b = archives::writeBackupArchive(dir, archive);
        after << acknowledged.load();
        QVERIFY2(b.ok(), qPrintable(b.error().message()));
        archives << archive;
    }
    stop = true;
    writer.join();
    QVERIFY2(writeError.isEmpty(), qPrintable(writeError));
    QVERIFY(!(*idx)->close());
    for (int round = 0; round < archives.size(); ++round) {
        const QString target = place(QStringLiteral("busy-restored-%1").arg(round));
        Result<RestoreSummary> r = restoreBackupArchive(archives[round], target);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        OpenOptions reader;
        reader.readOnly = true;
        reader.graph = false;
        Result<std::shared_ptr<Index>> restored = Index::open(target, reader);
        QVERIFY2(restored.ok(), qPrintable(restored.error().message()));
        const qint64 n = (*restored)->count();
        QVERIFY2(n >= before[round] && n <= after[round] + 20,
                 qPrintable(QStringLiteral("round %1: %2 items, acknowledged %3 before and %4 after")
                                .arg(round)
                                .arg(n)
                                .arg(before[round])
                                .arg(after[round])));
        Expected prefix;
        for (int i = 0; i < n; ++i)
            expectPut(prefix, makeItem(QStringLiteral("b%1").arg(i, 6, 10, QLatin1Char('0')), quint32(i), 8));
        const QString diff = diffContent(**restored, prefix, 997);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("round %1: ").arg(round) + diff));
        QVERIFY(!(*restored)->close());
    }
}

QTEST_GUILESS_MAIN(TestRestore)
#include "tst_restore.moc"
