// Archive reading (sextant/Archive.h) against archives libarchive's writer makes:
// valid zip and tar in every compression, then hostile ones. A hostile
// archive is refused as a whole before `visit` sees any entry, even when
// its first entries are harmless, and the message names the entry.

#include "sextant/Archive.h"
#include "archives/ArchiveEntryRules.h"

#include "ArchiveBuilder.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;
using namespace sextant::archives;
using testsupport::ArchiveSpec;
using testsupport::TestEntry;

Q_DECLARE_METATYPE(testsupport::TestEntry)

namespace {

struct Delivered {
    QList<ArchiveFile> files;
    Error error;
};

Delivered readArchive(const QString &path, const ArchiveLimits &limits = {})
{
    Delivered d;
    d.error = forEachArchiveFile(path, limits, [&](ArchiveFile &&f) {
        d.files.append(std::move(f));
        return true;
    });
    return d;
}

TestEntry file(const char *name, const QByteArray &data) { return TestEntry{name, data}; }

} // namespace

class TestArchive : public QObject {
    Q_OBJECT

private slots:
    void archiveFileNames();
    void entryNamesAreCleanedOrRefused_data();
    void entryNamesAreCleanedOrRefused();
    void validArchives_data();
    void validArchives();
    void sameFromMemory();
    void hostileArchivesAreRefusedWhole_data();
    void hostileArchivesAreRefusedWhole();
    void encryptedZipIsRefused();
    void zstdBombIsRefusedEarly();
    void ratioBombWithLoweredLimit();
    void tooManyEntries();
    void entryOverTheLimit();
    void totalOverTheLimit();
    void truncatedAndGarbageArchives();
    void visitReturningFalseStops();
    void progressCoversBothPassesAndCancels();
    void missingFile();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString make(const QString &name, const ArchiveSpec &spec, const QList<TestEntry> &entries)
    {
        const QString p = path(name);
        const QString why = testsupport::writeTestArchive(p, spec, entries);
        if (!why.isEmpty()) qWarning("could not write %s: %s", qPrintable(name), qPrintable(why));
        return p;
    }
    QTemporaryDir m_dir;
};

void TestArchive::archiveFileNames()
{
    for (const char *yes : {"a.zip", "B.TAR", "x.tar.gz", "x.tgz", "x.tar.xz", "x.txz", "x.tar.zst", "x.tzst",
                            "x.tar.bz2", "x.tbz2", "dir/backup.tar.zst"})
        QVERIFY2(isArchiveFileName(QString::fromUtf8(yes)), yes);
    for (const char *no : {"a.gz", "a.txt", "zip", ".zip", "a.7z", "a.rar", "a.zip.txt", "a.xz"})
        QVERIFY2(!isArchiveFileName(QString::fromUtf8(no)), no);
}

void TestArchive::entryNamesAreCleanedOrRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("cleaned");
    QTest::addColumn<QString>("refusal"); // a fragment of it; empty when accepted
    QTest::newRow("plain") << QStringLiteral("docs/a.md") << QStringLiteral("docs/a.md") << QString();
    QTest::newRow("dots and slashes") << QStringLiteral("./docs//./a.md") << QStringLiteral("docs/a.md") << QString();
    QTest::newRow("folder") << QStringLiteral("docs/") << QStringLiteral("docs") << QString();
    QTest::newRow("root") << QStringLiteral("./") << QString() << QString();
    QTest::newRow("dots in names") << QStringLiteral("a..b/..c/d..") << QStringLiteral("a..b/..c/d..") << QString();
    QTest::newRow("parent") << QStringLiteral("../../etc/passwd") << QString()
                            << QStringLiteral("outside the target folder");
    QTest::newRow("inner parent") << QStringLiteral("docs/../../x") << QString()
                                  << QStringLiteral("outside the target folder");
    QTest::newRow("harmless parent is refused too")
        << QStringLiteral("a/../b") << QString() << QStringLiteral("outside");
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QString() << QStringLiteral("absolute path");
    QTest::newRow("drive") << QStringLiteral("C:/Windows/x") << QString() << QStringLiteral("names a drive");
    QTest::newRow("drive relative") << QStringLiteral("c:x") << QString() << QStringLiteral("names a drive");
    QTest::newRow("backslash") << QStringLiteral("a\\..\\..\\b") << QString() << QStringLiteral("backslash");
    QTest::newRow("control") << QStringLiteral("a\nb") << QString() << QStringLiteral("control characters");
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("no name");
    QTest::newRow("too long") << QString(5000, u'a') << QString() << QStringLiteral("over 4096");
}

void TestArchive::entryNamesAreCleanedOrRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, cleaned);
    QFETCH(QString, refusal);
    QString got;
    const QString why = checkEntryName(name, got);
    if (refusal.isEmpty()) {
        QCOMPARE(why, QString());
        QCOMPARE(got, cleaned);
    } else {
        QVERIFY2(why.contains(refusal), qPrintable(why));
    }
}

void TestArchive::validArchives_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QByteArray>("filter");
    QTest::addColumn<QString>("name");
    QTest::newRow("zip") << QByteArray("zip") << QByteArray() << QStringLiteral("v.zip");
    QTest::newRow("tar") << QByteArray("tar") << QByteArray() << QStringLiteral("v.tar");
    QTest::newRow("tar.gz") << QByteArray("tar") << QByteArray("gzip") << QStringLiteral("v.tar.gz");
    QTest::newRow("tar.zst") << QByteArray("tar") << QByteArray("zstd") << QStringLiteral("v.tar.zst");
    QTest::newRow("tar.xz") << QByteArray("gnutar") << QByteArray("xz") << QStringLiteral("v.tar.xz");
    QTest::newRow("tar.bz2") << QByteArray("tar") << QByteArray("bzip2") << QStringLiteral("v.tar.bz2");
}

void TestArchive::validArchives()
{
    QFETCH(QByteArray, format);
    QFETCH(QByteArray, filter);
    QFETCH(QString, name);
    const QByteArray big = QByteArray("a line of text\n").repeated(20000);
    const QString p = make(name, ArchiveSpec{format, filter, {}, {}},
                           {TestEntry{"docs/", {}, AE_IFDIR}, file("docs/a.md", "# A\n"), file("./b.txt", "bee"),
                            file("empty.txt", {}), file("docs/deep/big.log", big)});
    const Delivered d = readArchive(p);
    QVERIFY2(d.error.ok(), qPrintable(d.error.message()));
    QCOMPARE(d.files.size(), 4);
    QCOMPARE(d.files[0].path, QStringLiteral("docs/a.md"));
    QCOMPARE(d.files[0].data, QByteArray("# A\n"));
    QCOMPARE(d.files[0].modified, qint64(1700000000) * 1000);
    QCOMPARE(d.files[1].path, QStringLiteral("b.txt"));
    QCOMPARE(d.files[1].data, QByteArray("bee"));
    QCOMPARE(d.files[2].path, QStringLiteral("empty.txt"));
    QVERIFY(d.files[2].data.isEmpty());
    QCOMPARE(d.files[3].path, QStringLiteral("docs/deep/big.log"));
    QCOMPARE(d.files[3].data, big);
}

void TestArchive::sameFromMemory()
{
    const QString p = make(QStringLiteral("m.zip"), ArchiveSpec{"zip", {}, {}, {}}, {file("x/y.txt", "why")});
    QList<ArchiveFile> files;
    const Error e = forEachArchiveFileInMemory(testsupport::readAll(p), {}, [&](ArchiveFile &&f) {
        files.append(std::move(f));
        return true;
    });
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QCOMPARE(files.size(), 1);
    QCOMPARE(files[0].path, QStringLiteral("x/y.txt"));
    QCOMPARE(files[0].data, QByteArray("why"));
    const Error bad = forEachArchiveFileInMemory(
        QByteArray("not an archive"), {}, [](ArchiveFile &&) { return true; }, QStringLiteral("inner.zip"));
    QVERIFY(bad.message().startsWith(QLatin1String("inner.zip: could not be read: ")));
}

void TestArchive::hostileArchivesAreRefusedWhole_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<TestEntry>("hostile");
    QTest::addColumn<QString>("message");
    const TestEntry dotdot{"../../etc/passwd", "root:x:0:0"};
    const TestEntry inner{"docs/../../outside.txt", "x"};
    const TestEntry absolute{"/etc/passwd", "root"};
    const TestEntry drive{"C:/Windows/evil.dll", "MZ"};
    const TestEntry backslash{"docs\\..\\..\\evil.txt", "x"};
    const TestEntry symlink{"docs/link", {}, AE_IFLNK, "/etc/passwd"};
    const TestEntry hardlink{"docs/hard", {}, AE_IFREG, "/etc/shadow", true};
    const TestEntry device{"dev/tty", {}, AE_IFCHR};
    const TestEntry fifo{"pipe", {}, AE_IFIFO};
    for (const QByteArray &format : {QByteArray("tar"), QByteArray("zip")}) {
        const char *f = format.constData();
        QTest::addRow("%s ..", f)
            << format << dotdot
            << QStringLiteral("refused: the entry ../../etc/passwd would be written outside the target folder");
        QTest::addRow("%s inner ..", f)
            << format << inner
            << QStringLiteral("refused: the entry docs/../../outside.txt would be written outside the target folder");
        QTest::addRow("%s absolute", f) << format << absolute
                                        << QStringLiteral("refused: the entry /etc/passwd has an absolute path");
        QTest::addRow("%s drive", f) << format << drive
                                     << QStringLiteral("refused: the entry C:/Windows/evil.dll names a drive");
        // libarchive's zip reader turns a Windows tool's backslashes into
        // slashes itself; tar keeps them, and they are refused as such.
        QTest::addRow("%s backslash", f)
            << format << backslash
            << (format == "zip"
                    ? QStringLiteral(
                          "refused: the entry docs/../../evil.txt would be written outside the target folder")
                    : QStringLiteral("refused: the entry docs\\..\\..\\evil.txt has a backslash in its name"));
        QTest::addRow("%s symlink", f) << format << symlink
                                       << QStringLiteral(
                                              "refused: the entry docs/link is a symbolic link (to /etc/passwd)");
    }
    QTest::newRow("tar hardlink") << QByteArray("tar") << hardlink
                                  << QStringLiteral("refused: the entry docs/hard is a hard link (to /etc/shadow)");
    QTest::newRow("tar device") << QByteArray("tar") << device
                                << QStringLiteral("refused: the entry dev/tty is a device");
    QTest::newRow("tar fifo") << QByteArray("tar") << fifo << QStringLiteral("refused: the entry pipe is a FIFO");
}

void TestArchive::hostileArchivesAreRefusedWhole()
{
    QFETCH(QByteArray, format);
    QFETCH(TestEntry, hostile);
    QFETCH(QString, message);
    const QString name = QStringLiteral("bundle.") + QString::fromLatin1(format == "zip" ? "zip" : "tar.gz");
    const QString p =
        make(name, ArchiveSpec{format, format == "zip" ? QByteArray() : QByteArray("gzip"), {}, {}},
             {file("first.txt", "harmless"), file("second.md", "# fine"), hostile, file("last.txt", "after")});
    const Delivered d = readArchive(p);
    QCOMPARE(d.files.size(), 0); // nothing delivered, not even the harmless entries before it
    QCOMPARE(d.error.code(), ErrorCode::MalformedInput);
    QCOMPARE(d.error.message(), name + QStringLiteral(": ") + message);
}

void TestArchive::encryptedZipIsRefused()
{
    const QString p = path(QStringLiteral("secret.zip"));
    const QString why = testsupport::writeTestArchive(p, ArchiveSpec{"zip", {}, "zip:encryption=zipcrypt", "password"},
                                                      {file("secret.txt", "the secret")});
    if (!why.isEmpty()) QSKIP(qPrintable(QStringLiteral("this libarchive cannot write encrypted zips: ") + why));
    QVERIFY(!testsupport::readAll(p).contains("the secret"));
    const Delivered d = readArchive(p);
    QCOMPARE(d.files.size(), 0);
    QCOMPARE(d.error.message(), QStringLiteral("secret.zip: refused: the entry secret.txt is encrypted"));
}

void TestArchive::zstdBombIsRefusedEarly()
{
    // 1 GiB of zeros: about 32 KB as zstd. With the default limits the first
    // pass gives up after a few megabytes, long before 1 GiB is unpacked.
    TestEntry bomb{"zeros.bin"};
    bomb.zeros = 1ll << 30;
    const QString p =
        make(QStringLiteral("bomb.tar.zst"), ArchiveSpec{"tar", "zstd", {}, {}}, {file("a.txt", "ok"), bomb});
    QVERIFY(testsupport::fileSize(p) < (1 << 20));
    // Its header says 1 GiB, over the entry limit: refused at the header.
    Delivered d = readArchive(p);
    QCOMPARE(d.files.size(), 0);
    QCOMPARE(
        d.error.message(),
        QStringLiteral(
            "bomb.tar.zst: refused: the entry zeros.bin unpacks to 1073741824 bytes or more; the limit is 268435456"));
    // With room for it in one entry, the ratio stops it while unpacking.
    ArchiveLimits roomy;
    roomy.maxEntryBytes = 2ll << 30;
    QElapsedTimer timer;
    timer.start();
    d = readArchive(p, roomy);
    QCOMPARE(d.files.size(), 0);
    QVERIFY2(d.error.message().startsWith(QLatin1String(
                 "bomb.tar.zst: refused: it unpacks to over 200 times its size (a zip bomb?), at the entry zeros.bin")),
             qPrintable(d.error.message()));
    QVERIFY2(timer.elapsed() < 5000, "the bomb was unpacked instead of refused early");
}

void TestArchive::ratioBombWithLoweredLimit()
{
    TestEntry zeros{"zeros.bin"};
    zeros.zeros = 200000;
    const QString p = make(QStringLiteral("small.zip"), ArchiveSpec{"zip", {}, {}, {}}, {zeros});
    ArchiveLimits limits;
    limits.ratioFreeBytes = 0;
    limits.maxRatio = 10;
    Delivered d = readArchive(p, limits);
    QCOMPARE(d.files.size(), 0);
    QVERIFY2(d.error.message().contains(QLatin1String("unpacks to over 10 times its size")),
             qPrintable(d.error.message()));
    // Under the default free allowance the same small archive is fine.
    limits = ArchiveLimits{};
    d = readArchive(p, limits);
    QVERIFY2(d.error.ok(), qPrintable(d.error.message()));
    QCOMPARE(d.files.size(), 1);
    QCOMPARE(d.files[0].data.size(), 200000);
}

void TestArchive::tooManyEntries()
{
    QList<TestEntry> entries;
    for (int i = 0; i < 11; ++i)
        entries << TestEntry{QByteArray("f") + QByteArray::number(i) + ".txt", "x"};
    const QString p = make(QStringLiteral("many.tar"), ArchiveSpec{}, entries);
    ArchiveLimits limits;
    limits.maxEntries = 10;
    Delivered d = readArchive(p, limits);
    QCOMPARE(d.files.size(), 0);
    QCOMPARE(d.error.message(), QStringLiteral("many.tar: refused: it has more than 10 entries"));
    limits.maxEntries = 11;
    QCOMPARE(readArchive(p, limits).files.size(), 11);
}

void TestArchive::entryOverTheLimit()
{
    const QString p = make(QStringLiteral("big.zip"), ArchiveSpec{"zip", {}, {}, {}},
                           {file("small.txt", "x"), file("big.txt", QByteArray(5000, 'b'))});
    ArchiveLimits limits;
    limits.maxEntryBytes = 4096;
    const Delivered d = readArchive(p, limits);
    QCOMPARE(d.files.size(), 0);
    QVERIFY2(d.error.message().startsWith(QLatin1String("big.zip: refused: the entry big.txt unpacks to ")),
             qPrintable(d.error.message()));
    QVERIFY(d.error.message().endsWith(QLatin1String("the limit is 4096")));
}

void TestArchive::totalOverTheLimit()
{
    const QString p = make(QStringLiteral("total.tar"), ArchiveSpec{},
                           {file("a.txt", QByteArray(3000, 'a')), file("b.txt", QByteArray(3000, 'b'))});
    ArchiveLimits limits;
    limits.maxTotalBytes = 5000;
    const Delivered d = readArchive(p, limits);
    QCOMPARE(d.files.size(), 0);
    QCOMPARE(d.error.message(),
             QStringLiteral("total.tar: refused: it unpacks to more than 5000 bytes (at the entry b.txt)"));
}

void TestArchive::truncatedAndGarbageArchives()
{
    const QString p = make(QStringLiteral("t.tar.gz"), ArchiveSpec{"tar", "gzip", {}, {}},
                           {file("a.txt", "first"), file("b.txt", QByteArray("xyz").repeated(50000))});
    const QByteArray whole = testsupport::readAll(p);
    QVERIFY(testsupport::writeAll(p, whole.left(whole.size() / 2)));
    Delivered d = readArchive(p);
    QCOMPARE(d.files.size(), 0); // the first pass found the cut before anything was delivered
    QVERIFY2(d.error.message().startsWith(QLatin1String("t.tar.gz: could not be read: ")),
             qPrintable(d.error.message()));

    QVERIFY(testsupport::writeAll(p, QByteArray("PK\x03\x04 this is no zip at all")));
    d = readArchive(p);
    QCOMPARE(d.files.size(), 0);
    QVERIFY2(d.error.message().startsWith(QLatin1String("t.tar.gz: could not be read: ")),
             qPrintable(d.error.message()));

    QVERIFY(testsupport::writeAll(p, QByteArray()));
    d = readArchive(p);
    QCOMPARE(d.files.size(), 0);
    QVERIFY(!d.error.ok());
}

void TestArchive::visitReturningFalseStops()
{
    const QString p =
        make(QStringLiteral("stop.zip"), ArchiveSpec{"zip", {}, {}, {}}, {file("1.txt", "1"), file("2.txt", "2")});
    int seen = 0;
    const Error e = forEachArchiveFile(p, {}, [&](ArchiveFile &&) {
        ++seen;
        return false;
    });
    QCOMPARE(seen, 1);
    QCOMPARE(e.code(), ErrorCode::Cancelled);
}

void TestArchive::progressCoversBothPassesAndCancels()
{
    const QString p = make(QStringLiteral("p.tar"), ArchiveSpec{}, {file("a.txt", QByteArray(600000, 'a'))});
    const qint64 size = testsupport::fileSize(p);
    qint64 last = 0, total = 0;
    bool monotonic = true;
    int visits = 0;
    Error e = forEachArchiveFile(
        p, {}, [&](ArchiveFile &&) { return ++visits > 0; },
        [&](qint64 done, qint64 t) {
            monotonic = monotonic && done >= last;
            last = done;
            total = t;
            return true;
        });
    QVERIFY(e.ok());
    QCOMPARE(visits, 1);
    QVERIFY(monotonic);
    QCOMPARE(total, 2 * size);
    QVERIFY2(last > size, "the second pass reported no progress");
    e = forEachArchiveFile(
        p, {}, [&](ArchiveFile &&) { return ++visits > 0; }, [](qint64, qint64) { return false; });
    QCOMPARE(e.code(), ErrorCode::Cancelled);
    QCOMPARE(visits, 1);
}

void TestArchive::missingFile()
{
    const Error e = forEachArchiveFile(path(QStringLiteral("nope.zip")), {}, [](ArchiveFile &&) { return true; });
    QCOMPARE(e.code(), ErrorCode::NotFound);
    QVERIFY(e.message().startsWith(QLatin1String("nope.zip: ")));
}

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
