// Text search: BM25 over chunk text, search by meaning with the index's
// embedder, reciprocal-rank fusion, filters, and the embedder an index records.
#include "sextant/EmbedderChoice.h"
#include "sextant/Export.h"
#include "sextant/HashingEmbedder.h"
#include "sextant/JsonLines.h"
#include "sextant/TextSearch.h"

#include "IndexTestSupport.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;
using namespace testsupport;

class TstTextSearch : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<Index> m_index;
    std::unique_ptr<embed::Embedder> m_embedder;

    void addChunk(const QString &id, const QString &text, const QString &lang)
    {
        Result<std::vector<QVector<float>>> v = m_embedder->embed({text});
        QVERIFY(v.ok());
        const QJsonObject meta{{QStringLiteral("text"), text},
                               {QStringLiteral("lang"), lang},
                               {QStringLiteral("uri"), QStringLiteral("file:///docs/") + id},
                               {QStringLiteral("title"), id.toUpper()},
                               {QStringLiteral("start"), 0},
                               {QStringLiteral("end"), text.size()}};
        QVERIFY(!waitFor(m_index->insert(Item{id, v->front(), meta})).error);
    }

private slots:
    void initTestCase()
    {
        m_embedder = std::make_unique<embed::HashingEmbedder>(embed::HashingEmbedderOptions{64, true, 3, 5});
        Schema schema = smallSchema(64, Metric::Cosine);
        schema.embedder = m_embedder->id();
        auto created = Index::create(m_dir.filePath(QStringLiteral("idx")), schema);
        QVERIFY2(created.ok(), qPrintable(created.error().message()));
        m_index = *created;
        addChunk(QStringLiteral("a"), QStringLiteral("The harbour pilot guides ships past the sandbanks at night."),
                 QStringLiteral("en"));
        addChunk(QStringLiteral("b"), QStringLiteral("Sandbanks shift every winter, so the charts are redrawn."),
                 QStringLiteral("en"));
        addChunk(QStringLiteral("c"), QStringLiteral("A recipe for bread: flour, water, salt and patience."),
                 QStringLiteral("en"));
        addChunk(QStringLiteral("d"), QStringLiteral("Le pilote du port guide les navires la nuit."),
                 QStringLiteral("fr"));
        addChunk(QStringLiteral("e"), QStringLiteral("Bread and bread and more bread, baked at night."),
                 QStringLiteral("en"));
        // An item without text takes part in vector search only.
        QVERIFY(!waitFor(m_index->insert(
                             Item{QStringLiteral("f"), m_embedder->embed({QStringLiteral("ships")})->front(), {}}))
                     .error);
    }

    void cleanupTestCase()
    {
        if (m_index) m_index->close();
    }

    void keywordRankingIsBm25()
    {
        Result<std::shared_ptr<const search::KeywordIndex>> keywords = search::KeywordIndex::build(*m_index);
        QVERIFY(keywords.ok());
        QCOMPARE((*keywords)->documents(), 5);
        const auto hits = (*keywords)->search(QStringLiteral("bread"), 10);
        QCOMPARE(hits.size(), 2);
        // Three "bread"s in a short chunk beat one.
        QCOMPARE(hits[0].id, QStringLiteral("e"));
        QCOMPARE(hits[1].id, QStringLiteral("c"));
        QVERIFY(hits[0].score > hits[1].score);
        // A rare word weighs more than a common one: "sandbanks" (2 chunks) and
        // "night" (3): the chunk with both comes first.
        const auto both = (*keywords)->search(QStringLiteral("SANDBANKS at night"), 10);
        QVERIFY(!both.isEmpty());
        QCOMPARE(both[0].id, QStringLiteral("a"));
        QVERIFY((*keywords)->search(QStringLiteral("zeppelin"), 10).isEmpty());
    }

    void hybridFusesByReciprocalRank()
    {
        search::TextQuery q;
        q.text = QStringLiteral("pilot guides ships at night");
        q.k = 4;
        Result<search::TextResult> r = search::searchText(*m_index, m_embedder.get(), q);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QVERIFY(!r->hits.isEmpty());
        const search::TextHit &top = r->hits.first();
        QCOMPARE(top.id, QStringLiteral("a"));
        QCOMPARE(top.vectorRank, 1);
        QCOMPARE(top.keywordRank, 1);
        QCOMPARE(top.score, 2.0 / 61.0);
        QCOMPARE(top.title, QStringLiteral("A"));
        QCOMPARE(top.uri, QStringLiteral("file:///docs/a"));
        QVERIFY(top.passage.startsWith(QStringLiteral("The harbour pilot")));
        QCOMPARE(top.start, 0);
        for (qsizetype i = 1; i < r->hits.size(); ++i) {
            QVERIFY(r->hits[i - 1].score >= r->hits[i].score);
            const search::TextHit &h = r->hits[i];
            const double expected =
                (h.vectorRank ? 1.0 / (60 + h.vectorRank) : 0) + (h.keywordRank ? 1.0 / (60 + h.keywordRank) : 0);
            QCOMPARE(h.score, expected);
        }
        QVERIFY(r->plan.contains(QStringLiteral("fused")));
        QCOMPARE(r->keywordDocuments, 5);
    }

    void keywordOnlyHitsCarryTheirPassage()
    {
        search::TextQuery q;
        q.text = QStringLiteral("flour");
        q.mode = search::TextSearchMode::Keyword;
        Result<search::TextResult> r = search::searchText(*m_index, nullptr, q);
        QVERIFY(r.ok());
        QCOMPARE(r->hits.size(), 1);
        QCOMPARE(r->hits[0].id, QStringLiteral("c"));
        QCOMPARE(r->hits[0].vectorRank, 0);
        QVERIFY(r->hits[0].passage.contains(QStringLiteral("flour")));
    }

    void filterAppliesToBothRankings()
    {
        search::TextQuery q;
        q.text = QStringLiteral("pilote guide navires night");
        q.filter = QByteArrayLiteral("{\"lang\":\"fr\"}");
        Result<search::TextResult> r = search::searchText(*m_index, m_embedder.get(), q);
        QVERIFY(r.ok());
        QCOMPARE(r->hits.size(), 1);
        QCOMPARE(r->hits[0].id, QStringLiteral("d"));
        q.filter = QByteArrayLiteral("{\"lang\":");
        QCOMPARE(search::searchText(*m_index, m_embedder.get(), q).error().code(), ErrorCode::MalformedInput);
    }

    void anotherEmbedderIsRefused()
    {
        embed::HashingEmbedder other(embed::HashingEmbedderOptions{64, false, 3, 5});
        search::TextQuery q;
        q.text = QStringLiteral("ships");
        Result<search::TextResult> r = search::searchText(*m_index, &other, q);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message().contains(other.id()));
        QVERIFY(r.error().message().contains(m_embedder->id()));
        // Keyword search needs no embedder at all.
        q.mode = search::TextSearchMode::Keyword;
        QVERIFY(search::searchText(*m_index, &other, q).ok());
    }

    void cacheRebuildsAfterAWrite()
    {
        search::KeywordIndexCache cache;
        auto first = cache.get(*m_index);
        QVERIFY(first.ok());
        QCOMPARE(cache.get(*m_index)->get(), first->get());
        addChunk(QStringLiteral("g"), QStringLiteral("Zeppelins over the harbour."), QStringLiteral("en"));
        auto second = cache.get(*m_index);
        QVERIFY(second->get() != first->get());
        QCOMPARE((*second)->search(QStringLiteral("zeppelins"), 5).size(), 1);
        QVERIFY(!waitFor(m_index->remove(QStringLiteral("g"))).error);
    }

    void theEmbedderSurvivesReopen()
    {
        const QString path = m_dir.filePath(QStringLiteral("reopen"));
        Schema schema = smallSchema(64, Metric::Cosine);
        schema.embedder = m_embedder->id();
        {
            auto created = Index::create(path, schema);
            QVERIFY(created.ok());
            (*created)->close();
        }
        auto opened = Index::open(path);
        QVERIFY(opened.ok());
        QCOMPARE((*opened)->schema().embedder, m_embedder->id());
        Result<std::unique_ptr<embed::Embedder>> again = embed::embedderForSchema((*opened)->schema());
        QVERIFY2(again.ok(), qPrintable(again.error().message()));
        QCOMPARE((*again)->id(), m_embedder->id());
        QVERIFY(!embed::checkEmbedderMatches((*opened)->schema(), **again));
        (*opened)->close();

        Schema bad = schema;
        bad.embedder = QStringLiteral("line\nbreak");
        QVERIFY(bad.validateSelf());
        Schema none = schema;
        none.embedder.clear();
        QVERIFY(!none.toJson().contains(QStringLiteral("embedder")));
        QVERIFY(!embed::embedderForSchema(none).ok());
    }

    void embedderSpecs()
    {
        QCOMPARE((*embed::embedderFromSpec(QStringLiteral("hash")))->dimensions(), 384);
        QCOMPARE((*embed::embedderFromSpec(QStringLiteral("hash:768")))->dimensions(), 768);
        QVERIFY(!embed::embedderFromSpec(QStringLiteral("hash:7")).ok());
        QVERIFY(!embed::embedderFromSpec(QStringLiteral("word2vec")).ok());
        const QString id = QStringLiteral("sextant-hash-v1/128/words/2-4");
        QCOMPARE((*embed::embedderFromSpec(id))->id(), id);
    }

    void anIndexOnAServerNamesItsModel()
    {
        Schema schema = smallSchema(768, Metric::Cosine);
        schema.embedder = QStringLiteral("openai-compatible:nomic-embed-text/768");
        qunsetenv("SEXTANT_EMBED_URL");
        Result<std::unique_ptr<embed::Embedder>> missing = embed::embedderForSchema(schema);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message().contains(QStringLiteral("nomic-embed-text")));
        QVERIFY(missing.error().message().contains(QStringLiteral("SEXTANT_EMBED_URL")));
        qputenv("SEXTANT_EMBED_URL", "http://127.0.0.1:9/v1");
        qputenv("SEXTANT_EMBED_MODEL", "some-other-model");
        Result<std::unique_ptr<embed::Embedder>> made = embed::embedderForSchema(schema);
        QVERIFY2(made.ok(), qPrintable(made.error().message()));
        // The index's model wins over the environment's, with its dimension.
        QCOMPARE((*made)->id(), schema.embedder);
        QVERIFY(!embed::checkEmbedderMatches(schema, **made));
        Result<std::unique_ptr<embed::Embedder>> spec =
            embed::embedderFromSpec(QStringLiteral("openai:text-embedding-3-small"));
        QVERIFY(spec.ok());
        QVERIFY((*spec)->id().startsWith(QStringLiteral("openai-compatible:text-embedding-3-small/")));
        qunsetenv("SEXTANT_EMBED_URL");
        qunsetenv("SEXTANT_EMBED_MODEL");
    }

    void exportJsonLinesReadsBack()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        qint64 lastDone = 0;
        Result<formats::ExportSummary> s = formats::exportJsonLines(*m_index, buffer, [&](qint64 done, qint64) {
            lastDone = done;
            return true;
        });
        QVERIFY(s.ok());
        QCOMPARE(s->items, m_index->count());
        QCOMPARE(lastDone, m_index->count());
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.size(), m_index->count() + 1); // ends in a newline
        Result<Item> first = formats::parseJsonLine(lines[0]);
        QVERIFY(first.ok());
        QCOMPARE(first->id, QStringLiteral("a"));
        QCOMPARE(first->vector, m_index->get(QStringLiteral("a"))->vector);
        QBuffer cancelled;
        cancelled.open(QIODevice::WriteOnly);
        QCOMPARE(formats::exportJsonLines(*m_index, cancelled, [](qint64, qint64) { return false; }).error().code(),
                 ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TstTextSearch)
#include "tst_text_search.moc"
