// importDocuments: files, folders and archives become chunks with their
// document's uri, title and range; an unchanged document is skipped, a
// changed one replaced in one batch; failures are listed and do not stop the
// others; hostile archives change nothing; the catalog lists what is stored.
#include "sextant/DocumentImport.h"
#include "sextant/HashingEmbedder.h"
#include "sextant/TextSearch.h"

#include "ArchiveBuilder.h"
#include "IndexTestSupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;
using namespace testsupport;

namespace {

QString paragraph(const QString &topic, int sentences)
{
    QString out;
    for (int i = 0; i < sentences; ++i)
        out += QStringLiteral("The %1 keeps note %2 of its logbook in order. ").arg(topic).arg(i);
    return out;
}

bool writeText(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).path());
    return writeAll(path, text.toUtf8());
}

QStringList idsWithPrefix(const Index &index, const QString &prefix)
{
    QStringList out;
    Result<IdPage> page = index.listIds(prefix, 100000);
    for (const QString &id : page->ids)
        if (id.startsWith(prefix)) out << id;
    return out;
}

} // namespace

class TstDocumentImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    embed::HashingEmbedder m_embedder{embed::HashingEmbedderOptions{64, true, 3, 5}};

    std::shared_ptr<Index> makeIndex(const QString &name)
    {
        Schema schema = smallSchema(64, Metric::Cosine);
        schema.embedder = m_embedder.id();
        auto created = Index::create(m_dir.filePath(name), schema);
        if (!created.ok()) qWarning() << created.error().message();
        return created.ok() ? *created : nullptr;
    }

    documents::DocumentImportOptions smallChunks()
    {
        documents::DocumentImportOptions options;
        options.chunkSize = 300;
        options.chunkOverlap = 60;
        return options;
    }

private slots:
    void filesAndFoldersBecomeChunksWithTheirDocument()
    {
        auto index = makeIndex(QStringLiteral("basic"));
        QVERIFY(index);
        const QString docs = m_dir.filePath(QStringLiteral("docs"));
        const QString harbour = QStringLiteral("# Harbour notes\n\n") + paragraph(QStringLiteral("harbour master"), 20);
        QVERIFY(writeText(docs + QStringLiteral("/harbour.md"), harbour));
        QVERIFY(writeText(docs + QStringLiteral("/sub/bakery.txt"),
                          QStringLiteral("Bakery\n\n") + paragraph(QStringLiteral("baker"), 3)));
        QVERIFY(
            writeText(docs + QStringLiteral("/page.html"),
                      QStringLiteral("<html><head><title>Lighthouse</title><script>var x = 'hidden';</script></head>"
                                     "<body><p>The keeper trims the wick &amp; winds the clock.</p></body></html>")));
        QVERIFY(writeAll(docs + QStringLiteral("/broken.txt"), QByteArray("abc\0\0\0\x01\x02", 9)));

        QList<documents::DocumentReport> reported;
        int progressCalls = 0;
        documents::ImportCallbacks callbacks;
        callbacks.progress = [&](const documents::ImportProgress &p) {
            ++progressCalls;
            return p.totalFiles >= 0;
        };
        callbacks.documentDone = [&](const documents::DocumentReport &r) { reported << r; };
        const documents::DocumentImportSummary s =
            documents::importDocuments(*index, m_embedder, {docs}, smallChunks(), callbacks);
        QVERIFY2(!s.error, qPrintable(s.error.message()));
        QCOMPARE(s.added, 3);
        QCOMPARE(s.failed, 1);
        QCOMPARE(reported.size(), 4);
        QVERIFY(progressCalls >= 4);
        const auto failed = std::find_if(reported.begin(), reported.end(), [](const documents::DocumentReport &r) {
            return r.outcome == documents::DocumentOutcome::Failed;
        });
        QVERIFY(failed != reported.end());
        QVERIFY(failed->uri.endsWith(QStringLiteral("broken.txt")));
        QVERIFY(!failed->reason.isEmpty());
        QCOMPARE(index->count(), s.chunksWritten);

        // The Markdown document: chunks cover its text, in order, overlapping.
        const QString uri = documents::documentUri(docs + QStringLiteral("/harbour.md"));
        const QString documentId = documents::documentIdForUri(uri);
        const QStringList ids = idsWithPrefix(*index, documentId + u'#');
        QVERIFY(ids.size() > 3);
        qint64 previousEnd = -1;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            QCOMPARE(ids[i], documents::chunkItemId(documentId, int(i)));
            const Item item = *index->get(ids[i], false);
            const QJsonObject m = item.metadata;
            QCOMPARE(m.value(QStringLiteral("uri")).toString(), uri);
            QCOMPARE(m.value(QStringLiteral("title")).toString(), QStringLiteral("Harbour notes"));
            QCOMPARE(m.value(QStringLiteral("type")).toString(), QStringLiteral("markdown"));
            QCOMPARE(m.value(QStringLiteral("chunk")).toInt(), int(i));
            QCOMPARE(m.value(QStringLiteral("chunks")).toInt(), int(ids.size()));
            const qint64 start = qint64(m.value(QStringLiteral("start")).toDouble());
            const qint64 end = qint64(m.value(QStringLiteral("end")).toDouble());
            QCOMPARE(m.value(QStringLiteral("text")).toString(), harbour.mid(start, end - start));
            if (i > 0) QVERIFY(start < previousEnd);
            previousEnd = end;
        }
        QCOMPARE(previousEnd, harbour.size());

        // The HTML page: visible text only, titled by <title>.
        const QStringList page = idsWithPrefix(
            *index, documents::documentIdForUri(documents::documentUri(docs + QStringLiteral("/page.html"))) + u'#');
        QCOMPARE(page.size(), 1);
        const QJsonObject pageMeta = index->get(page.first(), false)->metadata;
        QCOMPARE(pageMeta.value(QStringLiteral("title")).toString(), QStringLiteral("Lighthouse"));
        QVERIFY(pageMeta.value(QStringLiteral("text")).toString().contains(QStringLiteral("wick & winds")));
        QVERIFY(!pageMeta.value(QStringLiteral("text")).toString().contains(QStringLiteral("hidden")));

        // The catalog lists the three documents with their chunk ranges.
        Result<QList<documents::CatalogEntry>> catalog = documents::listDocuments(*index);
        QVERIFY(catalog.ok());
        QCOMPARE(catalog->size(), 3);
        const auto entry = std::find_if(catalog->begin(), catalog->end(),
                                        [&](const documents::CatalogEntry &e) { return e.uri == uri; });
        QVERIFY(entry != catalog->end());
        QCOMPARE(entry->chunks, int(ids.size()));
        QCOMPARE(entry->ranges.size(), ids.size());
        QCOMPARE(entry->ranges.last().second, harbour.size());
        QCOMPARE(entry->documentHash.size(), 64);

        // A text query finds the passage and names its document.
        search::TextQuery q;
        q.text = QStringLiteral("keeper trims the wick");
        Result<search::TextResult> found = search::searchText(*index, &m_embedder, q);
        QVERIFY(found.ok());
        QCOMPARE(found->hits.first().title, QStringLiteral("Lighthouse"));
        index->close();
    }

    void unchangedIsSkippedAndChangedIsReplacedWhole()
    {
        auto index = makeIndex(QStringLiteral("again"));
        QVERIFY(index);
        const QString file = m_dir.filePath(QStringLiteral("again-docs/log.txt"));
        QVERIFY(writeText(file, QStringLiteral("Log\n\n") + paragraph(QStringLiteral("navigator"), 30)));
        documents::DocumentImportSummary first = documents::importDocuments(*index, m_embedder, {file}, smallChunks());
        QCOMPARE(first.added, 1);
        const qint64 chunks = index->count();
        QVERIFY(chunks > 3);
        const quint64 lsn = index->stats().lastLsn;

        documents::DocumentImportSummary second = documents::importDocuments(*index, m_embedder, {file}, smallChunks());
        QCOMPARE(second.unchanged, 1);
        QCOMPARE(second.chunksWritten, 0);
        QCOMPARE(second.documents.first().chunks, int(chunks));
        QCOMPARE(index->stats().lastLsn, lsn); // nothing was written

        // Shorter: every old chunk beyond the new ones is gone, in one write.
        QVERIFY(writeText(file, QStringLiteral("Log\n\n") + paragraph(QStringLiteral("navigator"), 6)));
        documents::DocumentImportSummary third = documents::importDocuments(*index, m_embedder, {file}, smallChunks());
        QCOMPARE(third.replaced, 1);
        const qint64 shorter = index->count();
        QVERIFY(shorter < chunks);
        QCOMPARE(index->stats().lastLsn, lsn + 1);
        const QString documentId = documents::documentIdForUri(documents::documentUri(file));
        QCOMPARE(idsWithPrefix(*index, documentId + u'#').size(), shorter);
        for (const QString &id : idsWithPrefix(*index, documentId + u'#'))
            QVERIFY(index->get(id, false)
                        ->metadata.value(QStringLiteral("text"))
                        .toString()
                        .contains(QStringLiteral("navigator")) ||
                    index->get(id, false)->metadata.value(QStringLiteral("chunk")).toInt() == 0);

        // Other chunking options make the same bytes "changed".
        documents::DocumentImportOptions other = smallChunks();
        other.chunkSize = 200;
        other.chunkOverlap = 20;
        QCOMPARE(documents::importDocuments(*index, m_embedder, {file}, other).replaced, 1);
        QCOMPARE(documents::importDocuments(*index, m_embedder, {file}, other).unchanged, 1);
        index->close();
    }

    void anotherEmbedderReadsNothing()
    {
        auto index = makeIndex(QStringLiteral("mismatch"));
        QVERIFY(index);
        const QString file = m_dir.filePath(QStringLiteral("mismatch.txt"));
        QVERIFY(writeText(file, paragraph(QStringLiteral("cook"), 3)));
        embed::HashingEmbedder other(embed::HashingEmbedderOptions{64, false, 3, 5});
        const documents::DocumentImportSummary s = documents::importDocuments(*index, other, {file});
        QVERIFY(s.error);
        QVERIFY(s.error.message().contains(other.id()));
        QVERIFY(s.documents.isEmpty());
        QCOMPARE(index->count(), 0);
        index->close();
    }

    void cancelStopsBetweenDocuments()
    {
        auto index = makeIndex(QStringLiteral("cancel"));
        QVERIFY(index);
        const QString folder = m_dir.filePath(QStringLiteral("many"));
        for (int i = 0; i < 10; ++i)
            QVERIFY(writeText(folder + QStringLiteral("/doc%1.txt").arg(i), paragraph(QStringLiteral("clerk"), 4)));
        documents::ImportCallbacks callbacks;
        int done = 0;
        callbacks.documentDone = [&](const documents::DocumentReport &) { ++done; };
        callbacks.progress = [&](const documents::ImportProgress &) { return done < 3; };
        const documents::DocumentImportSummary s =
            documents::importDocuments(*index, m_embedder, {folder}, {}, callbacks);
        QVERIFY(s.cancelled);
        QCOMPARE(s.added, 3);
        QCOMPARE(documents::listDocuments(*index)->size(), 3);
        index->close();
    }

    void archivesAreReadAndHostileOnesChangeNothing()
    {
        auto index = makeIndex(QStringLiteral("archives"));
        QVERIFY(index);
        const QString good = m_dir.filePath(QStringLiteral("bundle.zip"));
        QCOMPARE(writeTestArchive(good, ArchiveSpec{"zip", {}, {}, {}},
                                  {TestEntry("notes/a.md", "# A\n\nAnchors and chains."),
                                   TestEntry("notes/b.txt", "Buoys mark the channel."),
                                   TestEntry("notes/image.png", QByteArray("\x89PNG\r\n", 6))}),
                 QString());
        documents::DocumentImportSummary s = documents::importDocuments(*index, m_embedder, {good});
        QCOMPARE(s.added, 2);
        QCOMPARE(s.skippedNotDocuments, 1);
        QVERIFY(s.documents.first().uri.contains(QStringLiteral("bundle.zip!/notes/")));
        const qint64 before = index->count();
        const quint64 lsn = index->stats().lastLsn;

        const QString hostile = m_dir.filePath(QStringLiteral("evil.tar"));
        QCOMPARE(writeTestArchive(
                     hostile, ArchiveSpec{},
                     {TestEntry("fine.txt", "Harmless words."), TestEntry("../../escape.txt", "Out of bounds.")}),
                 QString());
        s = documents::importDocuments(*index, m_embedder, {hostile});
        QCOMPARE(s.added, 0);
        QCOMPARE(s.failed, 1);
        QVERIFY2(s.documents.first().reason.contains(QStringLiteral("../../escape.txt")),
                 qPrintable(s.documents.first().reason));
        QCOMPARE(index->count(), before);
        QCOMPARE(index->stats().lastLsn, lsn);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("../escape.txt"))));
        index->close();
    }
};

QTEST_GUILESS_MAIN(TstDocumentImport)
#include "tst_document_import.moc"
