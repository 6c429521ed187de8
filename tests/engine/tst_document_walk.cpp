// Walking document inputs (sextant/DocumentWalk.h): folders in name order, hidden
// folders and files skipped, symlinks skipped or followed (cycles once),
// archives opened, failures reported while the walk goes on, cancel.

#include "sextant/DocumentWalk.h"

#include "ArchiveBuilder.h"
#include "TestSupport.h"

#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace sextant;
using namespace sextant::documents;

namespace {

struct WalkResult {
    QStringList uris; // delivered, in order
    QMap<QString, QByteArray> bytes;
    QStringList failures; // "uri: reason"
    DocumentWalkSummary summary;
};

WalkResult walk(const QStringList &inputs, const DocumentWalkOptions &options = {}, int stopAfter = -1,
                int stopAfterFailures = -1)
{
    WalkResult r;
    r.summary = forEachDocument(
        inputs, options,
        [&](DocumentFile &&f) {
            r.uris << f.uri;
            r.bytes[f.uri] = f.bytes;
            if (f.name != f.uri.section(u'/', -1))
                qWarning("name %s does not end the uri %s", qPrintable(f.name), qPrintable(f.uri));
            return stopAfter < 0 || r.uris.size() < stopAfter;
        },
        [&](const DocumentFailure &f) {
            r.failures << f.uri + QStringLiteral(": ") + f.reason;
            return stopAfterFailures < 0 || r.failures.size() < stopAfterFailures;
        });
    return r;
}

} // namespace

class TestDocumentWalk : public QObject {
    Q_OBJECT

private slots:
    void init();
    void folderInNameOrderWithoutHiddenOrLinks();
    void followingSymlinksVisitsCyclesOnce();
    void failuresAreReportedAndTheWalkGoesOn();
    void archivesDeliverTheirDocuments();
    void explicitInputs();
    void namedFilesAreDecidedByContent();
    void cancelFromVisit();
    void cancelFromFailed();
    void countIsCheap();
    void unreadableFileFails();

private:
    QString root() const { return m_dir->filePath(QStringLiteral("root")); }
    QString uri(const QString &rel) const { return QUrl::fromLocalFile(root() + u'/' + rel).toString(); }
    void put(const QString &rel, const QByteArray &bytes)
    {
        const QString p = root() + u'/' + rel;
        QDir().mkpath(QFileInfo(p).absolutePath());
        QVERIFY(testsupport::writeAll(p, bytes));
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDocumentWalk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    put(QStringLiteral("b.md"), "# B");
    put(QStringLiteral("a.txt"), "A");
    put(QStringLiteral("image.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    put(QStringLiteral("sub/c.html"), "<p>C</p>");
    put(QStringLiteral("sub/deeper/d.py"), "print('d')");
    put(QStringLiteral(".git/config.txt"), "hidden folder");
    put(QStringLiteral(".hidden.md"), "hidden file");
    put(QStringLiteral("sub/.cache/e.txt"), "hidden deeper");
    QDir().mkpath(m_dir->filePath(QStringLiteral("outside/inner")));
    QVERIFY(testsupport::writeAll(m_dir->filePath(QStringLiteral("outside/o.txt")), "outside"));
    QVERIFY(testsupport::writeAll(m_dir->filePath(QStringLiteral("outside/inner/i.md")), "inner"));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("outside/o.txt")), root() + QStringLiteral("/link.txt")));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("outside")), root() + QStringLiteral("/linkdir")));
    QVERIFY(QFile::link(root(), root() + QStringLiteral("/sub/loop"))); // a cycle when followed
}

void TestDocumentWalk::folderInNameOrderWithoutHiddenOrLinks()
{
    const WalkResult r = walk({root()});
    QCOMPARE(r.uris, (QStringList{uri(QStringLiteral("a.txt")), uri(QStringLiteral("b.md")),
                                  uri(QStringLiteral("sub/c.html")), uri(QStringLiteral("sub/deeper/d.py"))}));
    QCOMPARE(r.bytes[uri(QStringLiteral("sub/c.html"))], QByteArray("<p>C</p>"));
    QVERIFY(r.failures.isEmpty());
    QCOMPARE(r.summary.files, 4);
    QCOMPARE(r.summary.skippedNotDocuments, 4); // image.png and the three links
    QCOMPARE(r.summary.failed, 0);
    QVERIFY(!r.summary.cancelled);
    QVERIFY(uri(QStringLiteral("a.txt")).startsWith(QLatin1String("file:///")));
}

void TestDocumentWalk::followingSymlinksVisitsCyclesOnce()
{
    DocumentWalkOptions o;
    o.followSymlinks = true;
    const WalkResult r = walk({root()}, o);
    QCOMPARE(r.uris,
             (QStringList{uri(QStringLiteral("a.txt")), uri(QStringLiteral("b.md")), uri(QStringLiteral("link.txt")),
                          uri(QStringLiteral("linkdir/inner/i.md")), uri(QStringLiteral("linkdir/o.txt")),
                          uri(QStringLiteral("sub/c.html")), uri(QStringLiteral("sub/deeper/d.py"))}));
    QCOMPARE(r.bytes[uri(QStringLiteral("link.txt"))], QByteArray("outside"));
}

void TestDocumentWalk::failuresAreReportedAndTheWalkGoesOn()
{
    put(QStringLiteral("a0-big.txt"), QByteArray(2000, 'x'));
    put(QStringLiteral("a1-evil.tar"), {});
    QVERIFY(testsupport::writeTestArchive(
                root() + QStringLiteral("/a1-evil.tar"), {},
                {testsupport::TestEntry{"ok.txt", "fine"}, testsupport::TestEntry{"../escape.txt", "x"}})
                .isEmpty());
    DocumentWalkOptions o;
    o.limits.maxFileBytes = 1000;
    const WalkResult r = walk({root(), m_dir->filePath(QStringLiteral("missing"))}, o);
    QCOMPARE(r.failures,
             (QStringList{
                 uri(QStringLiteral("a0-big.txt")) + QStringLiteral(": too large (2.0 KB; the limit is 1000 bytes)"),
                 uri(QStringLiteral("a1-evil.tar")) +
                     QStringLiteral(
                         ": a1-evil.tar: refused: the entry ../escape.txt would be written outside the target folder"),
                 QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("missing"))).toString() +
                     QStringLiteral(": there is no such file or folder")}));
    QCOMPARE(r.summary.failed, 3);
    QCOMPARE(r.summary.files, 4); // everything else still came
    QCOMPARE(r.uris.last(), uri(QStringLiteral("sub/deeper/d.py")));
}

void TestDocumentWalk::archivesDeliverTheirDocuments()
{
    const QString zip = root() + QStringLiteral("/bundle.zip");
    QVERIFY(testsupport::writeTestArchive(
                zip, testsupport::ArchiveSpec{"zip", {}, {}, {}},
                {testsupport::TestEntry{"docs/guide.md", "# Guide"}, testsupport::TestEntry{"docs/photo.jpg", "jpeg"},
                 testsupport::TestEntry{"docs/my notes.txt", "notes"},
                 testsupport::TestEntry{"__MACOSX/docs/._guide.md", "resource fork"},
                 testsupport::TestEntry{".git/HEAD.txt", "ref"}, testsupport::TestEntry{"nested.zip", "PK"},
                 testsupport::TestEntry{"huge.txt", QByteArray(3000, 'h')}})
                .isEmpty());
    DocumentWalkOptions o;
    o.limits.maxFileBytes = 2000;
    const WalkResult r = walk({zip}, o);
    const QString base = QUrl::fromLocalFile(zip).toString();
    QCOMPARE(r.uris, (QStringList{base + QStringLiteral("!/docs/guide.md"),
                                  QUrl::fromLocalFile(zip + QStringLiteral("!/docs/my notes.txt")).toString()}));
    QCOMPARE(r.bytes[base + QStringLiteral("!/docs/guide.md")], QByteArray("# Guide"));
    QCOMPARE(r.failures, QStringList{base + QStringLiteral("!/huge.txt: too large (2.9 KB; the limit is 2.0 KB)")});
    QCOMPARE(r.summary.skippedNotDocuments, 2); // photo.jpg, nested.zip
    QCOMPARE(archiveEntryUri(zip, QStringLiteral("docs/guide.md")), base + QStringLiteral("!/docs/guide.md"));
}

void TestDocumentWalk::explicitInputs()
{
    // Named inputs are taken as named: a hidden file, a link. A named file
    // that is no document is never skipped silently (B8, issue 14): it
    // fails, saying what its content is.
    const WalkResult r = walk({root() + QStringLiteral("/.hidden.md"), root() + QStringLiteral("/link.txt"),
                               root() + QStringLiteral("/image.png")});
    QCOMPARE(r.uris, (QStringList{uri(QStringLiteral(".hidden.md")), uri(QStringLiteral("link.txt"))}));
    QCOMPARE(r.summary.skippedNotDocuments, 0);
    QCOMPARE(r.failures.size(), 1);
    QVERIFY2(r.failures.first().startsWith(uri(QStringLiteral("image.png")) + QStringLiteral(": not a document")) &&
                 r.failures.first().contains(QStringLiteral("image/png")),
             qPrintable(r.failures.first()));
}

// B8 (issue 14): README.Debian, GPL-3, Apache-2.0 named on the command
// line were left out as "not documents" and the import exited 0, empty.
void TestDocumentWalk::namedFilesAreDecidedByContent()
{
    QTemporaryDir named;
    QVERIFY(named.isValid());
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(named.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    };
    write(QStringLiteral("GPL-3"), "GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n");
    write(QStringLiteral("Apache-2.0"), "Apache License\nVersion 2.0, January 2004\n");
    write(QStringLiteral("page"),
          "<!DOCTYPE html>\n<html><head><title>A page</title></head><body><p>Hello</p></body></html>\n");
    write(QStringLiteral("data.bin"), QByteArray("\x01\x02\x00\x00\xff\xfe\x00\x10", 8) + QByteArray(200, '\0'));
    QVERIFY(::mkfifo(QFile::encodeName(named.filePath(QStringLiteral("pipe"))).constData(), 0600) == 0);
    const auto uriOf = [&](const QString &name) { return QUrl::fromLocalFile(named.filePath(name)).toString(); };

    QStringList types;
    QStringList delivered;
    const DocumentWalkSummary summary = forEachDocument(
        {named.filePath(QStringLiteral("GPL-3")), named.filePath(QStringLiteral("Apache-2.0")),
         named.filePath(QStringLiteral("page")), named.filePath(QStringLiteral("data.bin")),
         named.filePath(QStringLiteral("pipe"))},
        {},
        [&](DocumentFile &&f) {
            delivered << f.uri;
            types << f.type;
            return true;
        },
        [&](const DocumentFailure &f) {
            delivered << f.uri + QStringLiteral(": ") + f.reason;
            return true;
        });
    QCOMPARE(delivered.size(), 5);
    QCOMPARE(delivered.mid(0, 3), (QStringList{uriOf(QStringLiteral("GPL-3")), uriOf(QStringLiteral("Apache-2.0")),
                                               uriOf(QStringLiteral("page"))}));
    QCOMPARE(types, (QStringList{QStringLiteral("text"), QStringLiteral("text"), QStringLiteral("html")}));
    QVERIFY2(delivered[3].startsWith(uriOf(QStringLiteral("data.bin")) + QStringLiteral(": ")),
             qPrintable(delivered[3]));
    QVERIFY2(delivered[4].startsWith(uriOf(QStringLiteral("pipe")) + QStringLiteral(": not a regular file")),
             qPrintable(delivered[4]));
    QCOMPARE(summary.files, 3);
    QCOMPARE(summary.failed, 2);
    QCOMPARE(summary.skippedNotDocuments, 0);

    // The same files inside a named folder: their names decide, and they are counted, not read.
    const WalkResult inFolder = walk({named.path()});
    QVERIFY(inFolder.uris.isEmpty());
    QCOMPARE(inFolder.summary.skippedNotDocuments, 5);

    // The type found by content reaches the text extraction.
    const Result<DocumentText> html = extractDocumentText(
        "<!DOCTYPE html>\n<html><head><title>A page</title></head><body><p>Hello</p></body></html>\n",
        QStringLiteral("page"), {}, QStringLiteral("html"));
    QVERIFY(html.ok());
    QCOMPARE(html->title, QStringLiteral("A page"));
    QCOMPARE(html->text.trimmed(), QStringLiteral("Hello"));
}

void TestDocumentWalk::cancelFromVisit()
{
    const WalkResult r = walk({root(), root()}, {}, 2);
    QCOMPARE(r.uris.size(), 2);
    QCOMPARE(r.summary.files, 2);
    QVERIFY(r.summary.cancelled);
    // Inside an archive too.
    const QString zip = root() + QStringLiteral("/0.zip");
    QVERIFY(testsupport::writeTestArchive(zip, testsupport::ArchiveSpec{"zip", {}, {}, {}},
                                          {testsupport::TestEntry{"1.txt", "1"}, testsupport::TestEntry{"2.txt", "2"}})
                .isEmpty());
    const WalkResult z = walk({root()}, {}, 1);
    QCOMPARE(z.uris, QStringList{QUrl::fromLocalFile(zip).toString() + QStringLiteral("!/1.txt")});
    QVERIFY(z.summary.cancelled);
    QVERIFY(z.failures.isEmpty()); // stopping is not a failure of the archive
}

void TestDocumentWalk::cancelFromFailed()
{
    const WalkResult r =
        walk({QStringLiteral("/nonexistent/one"), QStringLiteral("/nonexistent/two"), root()}, {}, -1, 1);
    QCOMPARE(r.failures.size(), 1);
    QVERIFY(r.uris.isEmpty());
    QVERIFY(r.summary.cancelled);
}

void TestDocumentWalk::countIsCheap()
{
    const QString zip = root() + QStringLiteral("/sub/x.tar.gz");
    QVERIFY(testsupport::writeAll(zip, "not even read"));
    const DocumentCount c = countDocuments({root()}, {});
    QCOMPARE(c.files, 5); // four documents and the archive, unopened
    QCOMPARE(c.bytes, qint64(3 + 1 + 8 + 10 + 13));
}

void TestDocumentWalk::unreadableFileFails()
{
    if (::geteuid() == 0) QSKIP("root reads files whatever their mode");
    put(QStringLiteral("a0.txt"), "secret");
    QVERIFY(QFile::setPermissions(root() + QStringLiteral("/a0.txt"), QFileDevice::Permissions()));
    const WalkResult r = walk({root()});
    QCOMPARE(r.failures.size(), 1);
    QVERIFY2(r.failures[0].startsWith(uri(QStringLiteral("a0.txt")) + QStringLiteral(": could not be read: ")),
             qPrintable(r.failures[0]));
    QCOMPARE(r.summary.files, 4);
}

QTEST_GUILESS_MAIN(TestDocumentWalk)
#include "tst_document_walk.moc"
