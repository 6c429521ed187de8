// Text queries in the Query view: on an index made for documents the view
// starts with the text box; typing words and pressing Enter runs searchText
// on a worker, and the hits show the passage (query words in bold), the
// document, the range and both ranks; each mode ranks as it should; the
// filter applies; the session's keyword index is reused until the index
// changes. An index without an embedder explains why text search is off,
// and allows Keywords only when its items carry "text".

#include "UiTestSupport.h"

#include "QueryView.h"
#include "TextResultsModel.h"
#include "FilterEdit.h"
#include "sextant/EmbedderChoice.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {

struct Passage {
    const char *document;
    const char *title;
    const char *text;
};

// Three documents of two or three chunks each, as importDocuments stores them.
const Passage kPassages[] = {
    {"file:///notes/herons.md", "Herons", "The grey heron stands motionless in the shallows, waiting for fish."},
    {"file:///notes/herons.md", "Herons",
     "Herons nest in heronries, high in old trees by the river; a heron returns to its nest each spring."},
    {"file:///notes/kestrels.txt", "Kestrels", "A kestrel hovers over the verge, tail fanned, watching for voles."},
    {"file:///notes/kestrels.txt", "Kestrels",
     "Kestrels nest on ledges and in old crow nests; they lay four or five eggs."},
    {"file:///notes/rivers.html", "Rivers",
     "The river slows on the plain and drops its silt, building a delta of reeds."},
    {"file:///notes/rivers.html", "Rivers", "Otters hunt along the river bank at dusk, fish and frogs mostly."},
    {"file:///notes/rivers.html", "Rivers", "Floods bring fresh gravel where salmon lay their eggs each winter."},
};

Schema documentSchema(embed::Embedder &embedder)
{
    Schema s;
    s.dimensions = embedder.dimensions();
    s.metric = Metric::Cosine;
    s.embedder = embedder.id();
    return s;
}

std::shared_ptr<Index> createDocumentIndex(const QString &path)
{
    Result<std::unique_ptr<embed::Embedder>> embedder = embed::embedderFromSpec(QStringLiteral("hash"));
    if (!embedder.ok()) return {};
    Result<std::shared_ptr<Index>> idx = Index::create(path, documentSchema(**embedder), Durability::Off);
    if (!idx.ok()) return {};
    QStringList texts;
    for (const Passage &p : kPassages)
        texts << QString::fromUtf8(p.text);
    Result<std::vector<QVector<float>>> vectors = (*embedder)->embed(texts);
    if (!vectors.ok()) return {};
    QList<WriteOp> batch;
    QHash<QString, int> chunkOf;
    QHash<QString, qint64> offsetOf;
    for (int i = 0; i < int(std::size(kPassages)); ++i) {
        const QString uri = QString::fromUtf8(kPassages[i].document);
        const int chunk = chunkOf[uri]++;
        const qint64 start = offsetOf[uri];
        const qint64 end = start + texts[i].size();
        offsetOf[uri] = end + 1;
        Item it;
        it.id = QStringLiteral("%1#%2")
                    .arg(QString::fromUtf8(kPassages[i].title).toLower())
                    .arg(chunk, 5, 10, QLatin1Char('0'));
        it.vector = (*vectors)[size_t(i)];
        it.metadata = QJsonObject{{QStringLiteral("uri"), uri},
                                  {QStringLiteral("title"), QString::fromUtf8(kPassages[i].title)},
                                  {QStringLiteral("type"), QStringLiteral("text")},
                                  {QStringLiteral("start"), start},
                                  {QStringLiteral("end"), end},
                                  {QStringLiteral("chunk"), chunk},
                                  {QStringLiteral("text"), texts[i]}};
        batch << WriteOp::insert(it);
    }
    if (!(*idx)->write(batch).result().error.ok()) return {};
    return idx.takeValue();
}

} // namespace

class TestTextQuery : public QObject {
    Q_OBJECT
    TempDir m_dir;
    std::shared_ptr<Index> m_index;
    IndexSession *m_session = nullptr;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_index = createDocumentIndex(m_dir.filePath(QStringLiteral("notes")));
        QVERIFY(m_index);
        m_session = new IndexSession(m_index, std::nullopt);
    }
    void cleanupTestCase()
    {
        delete m_session;
        m_index.reset();
    }

    void typingWordsFindsPassages()
    {
        QueryView view(m_session);
        view.resize(1100, 600);
        view.show();
        QAbstractItemModelTester tester(view.textResultsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *text = view.findChild<QLineEdit *>(QStringLiteral("textQueryEdit"));
        auto *mode = view.findChild<QComboBox *>(QStringLiteral("textModeCombo"));
        auto *run = view.findChild<QPushButton *>(QStringLiteral("runButton"));
        QVERIFY(text && mode && run);
        // An index made for documents starts with the text box.
        QVERIFY(text->isVisible());
        QVERIFY(text->isEnabled());
        QCOMPARE(text->placeholderText(), QStringLiteral("Search the documents…"));
        QVERIFY(!run->isEnabled()); // nothing typed yet
        QCOMPARE(mode->currentText(), QStringLiteral("Hybrid"));

        QSignalSpy finished(&view, &QueryView::queryFinished);
        QTest::keyClicks(text, QStringLiteral("heron river"));
        QVERIFY(run->isEnabled());
        QTest::keyClick(text, Qt::Key_Return);
        QVERIFY(view.isRunning() || finished.count() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        const TextResultsModel *hits = view.textResultsModel();
        QVERIFY(hits->rowCount() > 0);
        QVERIFY(view.textResultsView()->isVisible());
        // The passage that has both words comes first.
        const search::TextHit &best = hits->hits().first();
        QCOMPARE(best.uri, QStringLiteral("file:///notes/herons.md"));
        QVERIFY(best.passage.contains(QStringLiteral("heronries")));
        QVERIFY(best.keywordRank >= 1 && best.vectorRank >= 1);
        const QString passage = hits->data(hits->index(0, TextResultsModel::PassageColumn)).toString();
        QVERIFY(passage.contains(QStringLiteral("river")));
        const QString html =
            hits->data(hits->index(0, TextResultsModel::PassageColumn), TextResultsModel::PassageHtmlRole).toString();
        QVERIFY2(html.contains(QStringLiteral("<b>river</b>")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("<b>heronries</b>")), qPrintable(html)); // whole words only
        QCOMPARE(hits->data(hits->index(0, TextResultsModel::DocumentColumn)).toString(),
                 QStringLiteral("Herons — herons.md"));
        QVERIFY(hits->data(hits->index(0, TextResultsModel::DocumentColumn), Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("/notes/herons.md")));
        QVERIFY(!hits->data(hits->index(0, TextResultsModel::RangeColumn)).toString().isEmpty());
        const QString ranks = hits->data(hits->index(0, TextResultsModel::RanksColumn)).toString();
        QVERIFY2(ranks.contains(QStringLiteral("vector #")) && ranks.contains(QStringLiteral("keyword #")),
                 qPrintable(ranks));
        QVERIFY(hits->data(hits->index(0, TextResultsModel::RanksColumn), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("BM25")));
        QVERIFY2(view.summaryText().contains(QStringLiteral("hit")), qPrintable(view.summaryText()));
        // The hits are the session's query hits; selecting one makes it current.
        QCOMPARE(m_session->queryHits().size(), hits->rowCount());
        view.textResultsView()->setCurrentIndex(hits->index(1, TextResultsModel::PassageColumn));
        QCOMPARE(m_session->currentItem(), hits->idAt(1));

        // Keywords only: passages without the words are not hits at all.
        view.setTextQuery(QStringLiteral("kestrel"), search::TextSearchMode::Keyword);
        view.run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(hits->rowCount(), 1);
        QCOMPARE(hits->hits().first().vectorRank, 0);
        QCOMPARE(hits->hits().first().keywordRank, 1);
        QCOMPARE(hits->data(hits->index(0, TextResultsModel::RanksColumn)).toString(),
                 QStringLiteral("vector – · keyword #1"));

        // Meaning: every passage is a candidate; k bounds the hits.
        view.findChild<QSpinBox *>(QStringLiteral("kSpin"))->setValue(3);
        view.setTextQuery(QStringLiteral("kestrel"), search::TextSearchMode::Vector);
        view.run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
        QCOMPARE(hits->rowCount(), 3);
        QVERIFY(hits->hits().first().title == QStringLiteral("Kestrels"));
        QCOMPARE(hits->hits().first().keywordRank, 0);

        // The filter applies to text queries too.
        view.findChild<QSpinBox *>(QStringLiteral("kSpin"))->setValue(10);
        view.filterEdit()->setPlainText(QStringLiteral(R"({"title": "Rivers"})"));
        QTRY_VERIFY(view.filterEdit()->isValid());
        view.setTextQuery(QStringLiteral("river fish eggs"), search::TextSearchMode::Hybrid);
        view.run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 30000);
        QVERIFY(hits->rowCount() >= 1);
        for (const search::TextHit &h : hits->hits())
            QCOMPARE(h.title, QStringLiteral("Rivers"));
        view.filterEdit()->setPlainText(QString());
    }

    void anIndexWithoutAnEmbedderExplainsTextSearch()
    {
        TempDir dir;
        auto idx = createTestIndex(dir.filePath(QStringLiteral("vectors")), 30);
        QVERIFY(idx);
        IndexSession session(idx, std::nullopt);
        QueryView view(&session);
        view.show();
        QSignalSpy availability(&view, &QueryView::textAvailabilityChanged);
        auto *note = view.findChild<QLabel *>(QStringLiteral("textNote"));
        auto *text = view.findChild<QLineEdit *>(QStringLiteral("textQueryEdit"));
        // The worker finds no item with "text".
        QTRY_VERIFY_WITH_TIMEOUT(
            availability.count() >= 1 && note->text().contains(QStringLiteral("made for documents")), 10000);
        view.setSource(QueryView::Source::Text);
        QVERIFY(note->isVisible());
        QVERIFY(!text->isEnabled());
        for (search::TextSearchMode mode :
             {search::TextSearchMode::Hybrid, search::TextSearchMode::Vector, search::TextSearchMode::Keyword})
            QVERIFY(!view.isTextModeAvailable(mode));
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("runButton"))->isEnabled());
    }

    void keywordsWorkWhenItemsCarryText()
    {
        TempDir dir;
        auto idx = createTestIndex(dir.filePath(QStringLiteral("texts")), 40);
        QVERIFY(idx);
        QVERIFY(idx->write(itemsCarryingText()).result().error.ok());
        IndexSession session(idx, std::nullopt);
        QueryView view(&session);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.isTextModeAvailable(search::TextSearchMode::Keyword), 10000);
        QVERIFY(!view.isTextModeAvailable(search::TextSearchMode::Hybrid));
        QVERIFY(!view.isTextModeAvailable(search::TextSearchMode::Vector));
        QVERIFY(view.textAvailabilityNote().contains(QStringLiteral("Keywords (BM25) works")));
        auto *text = view.findChild<QLineEdit *>(QStringLiteral("textQueryEdit"));
        QVERIFY(text->isEnabled());
        QSignalSpy finished(&view, &QueryView::queryFinished);
        view.setTextQuery(QStringLiteral("heron"), search::TextSearchMode::Keyword);
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("runButton"))->isEnabled());
        view.run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        QCOMPARE(view.textResultsModel()->rowCount(), 2);
        for (int r = 0; r < 2; ++r)
            QVERIFY(view.textResultsModel()
                        ->data(view.textResultsModel()->index(r, TextResultsModel::PassageColumn))
                        .toString()
                        .contains(QStringLiteral("heron")));
        // An item that is no document's chunk shows its title (or its id).
        QCOMPARE(view.textResultsModel()
                     ->data(view.textResultsModel()->index(0, TextResultsModel::DocumentColumn))
                     .toString(),
                 view.textResultsModel()->hits().first().metadata.value(QStringLiteral("title")).toString());
        // Hybrid needs the embedder this index does not have: Run is off.
        view.setTextQuery(QStringLiteral("heron"), search::TextSearchMode::Hybrid);
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("runButton"))->isEnabled());
    }

    void passageLineStartsNearTheFirstMatch()
    {
        const QRegularExpression words = TextResultsModel::wordsPattern(QStringLiteral("needle, hay!"));
        QVERIFY(words.isValid());
        QString text;
        for (int i = 0; i < 60; ++i)
            text += QStringLiteral("straw ");
        text += QStringLiteral("the needle is here");
        const QString line = TextResultsModel::passageLine(text, words, 120);
        QVERIFY2(line.startsWith(QChar(0x2026)), qPrintable(line));
        QVERIFY(line.contains(QStringLiteral("needle")));
        QVERIFY(line.size() <= 122);
        // The lead-in starts on a word.
        const QString cut = TextResultsModel::passageLine(
            QStringLiteral("Heights are measured from chart datum, so a negative height means the water falls below."),
            TextResultsModel::wordsPattern(QStringLiteral("water")), 120);
        QVERIFY2(cut.startsWith(QStringLiteral("…negative height")) || cut.startsWith(QStringLiteral("…a negative")),
                 qPrintable(cut));
        QCOMPARE(TextResultsModel::passageLine(QStringLiteral("negative height means the water falls"),
                                               TextResultsModel::wordsPattern(QStringLiteral("water")), 120),
                 QStringLiteral("negative height means the water falls"));
        // A short passage is shown whole, its line breaks folded.
        QCOMPARE(TextResultsModel::passageLine(QStringLiteral("a needle\n\nin hay"), words, 120),
                 QStringLiteral("a needle in hay"));
        QVERIFY(!TextResultsModel::wordsPattern(QStringLiteral("  !! ")).isValid());
    }
};

QTEST_MAIN(TestTextQuery)
#include "tst_text_query.moc"
