// Restoring backups (restoreBackupArchive, sextant/Restore.h): a backup comes back
// as the same items; a target that is not new or empty is refused; hostile,
// truncated, corrupted and foreign archives and backups of damaged indexes
// are refused, and every refusal (and a cancel) leaves nothing behind.

#include "sextant/Backup.h"
#include "sextant/Restore.h"
#include "storage/Manifest.h"

#include "ArchiveBuilder.h"
#include "IndexTestSupport.h"

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

private:
    QString place(const QString &name) const { return m_work->filePath(name); }
    // Everything in the work folder, hidden included: a failed restore must add nothing.
    QStringList workListing() const
    {
        return QDir(m_work->path())
            .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    }
    void expectRefusedLeavingNothing(const QString &archive, const QString &messagePart, ErrorCode code);

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
    QCOMPARE(fileNames(target), fileNames(m_index));

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

QTEST_GUILESS_MAIN(TestRestore)
#include "tst_restore.moc"
