// chunkText: chunks cover the text, stay within the size, really overlap,
// start on words, and break where the document's structure allows.

#include "sextant/Chunker.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace sextant;

namespace {

QString prose(int words, quint32 seed)
{
    static const QStringList vocabulary{
        QStringLiteral("vector"),  QStringLiteral("index"),      QStringLiteral("query"),
        QStringLiteral("segment"), QStringLiteral("a"),          QStringLiteral("the"),
        QStringLiteral("recall"),  QStringLiteral("checkpoint"), QStringLiteral("of")};
    QRandomGenerator g(seed);
    QString out;
    for (int i = 0; i < words; ++i) {
        out += vocabulary[g.bounded(vocabulary.size())];
        const quint32 r = g.bounded(40);
        out += r == 0   ? QStringLiteral(".\n\n")
               : r < 4  ? QStringLiteral(". ")
               : r == 4 ? QStringLiteral("\n")
                        : QStringLiteral(" ");
    }
    return out;
}

} // namespace

class TestChunker : public QObject {
    Q_OBJECT

private slots:
    void invariants_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("overlap");
        QTest::newRow("1000/100") << 1000 << 100;
        QTest::newRow("200/0") << 200 << 0;
        QTest::newRow("300/75") << 300 << 75;
        QTest::newRow("overlap clamped") << 100 << 90;
    }
    void invariants()
    {
        QFETCH(int, size);
        QFETCH(int, overlap);
        const QString text = prose(3000, 7);
        const QList<documents::Chunk> chunks = documents::chunkText(text, documents::ChunkOptions{size, overlap});
        QVERIFY(chunks.size() > 3);
        const int effectiveOverlap = std::min(overlap, size / 4);
        QCOMPARE(chunks.first().start, qsizetype(0));
        QCOMPARE(chunks.last().end, text.size());
        for (int i = 0; i < chunks.size(); ++i) {
            const documents::Chunk &c = chunks[i];
            QCOMPARE(c.text, text.mid(c.start, c.end - c.start));
            QVERIFY2(c.end - c.start <= size, qPrintable(QString::number(c.end - c.start)));
            QVERIFY(c.end > c.start);
            if (i == 0) continue;
            const documents::Chunk &p = chunks[i - 1];
            QVERIFY(c.start > p.start);
            QVERIFY2(c.start <= p.end || text.mid(p.end, c.start - p.end).trimmed().isEmpty(), "text between chunks");
            // The overlap is real: at least what was asked, and it starts on a word.
            QVERIFY2(p.end - c.start >= effectiveOverlap || effectiveOverlap == 0,
                     qPrintable(QStringLiteral("chunk %1 repeats %2 characters").arg(i).arg(p.end - c.start)));
            QVERIFY(!text[c.start].isSpace());
            QVERIFY(c.start == 0 || text[c.start - 1].isSpace());
        }
    }

    void breaksAtParagraphsFirst()
    {
        const QString para = QStringLiteral("word ").repeated(30).trimmed() + QStringLiteral(".\n\n");
        const QString text = para.repeated(6);
        const QList<documents::Chunk> chunks = documents::chunkText(text, documents::ChunkOptions{400, 0});
        for (int i = 0; i + 1 < chunks.size(); ++i)
            QVERIFY2(text.mid(chunks[i].end - 1, 2) == QStringLiteral("\n\n"), qPrintable(chunks[i].text.right(10)));
    }

    void markdownBreaksBeforeHeadings()
    {
        QString text;
        for (int s = 0; s < 5; ++s)
            text += QStringLiteral("# Section %1\n").arg(s) + QStringLiteral("Some text here. ").repeated(12) + u'\n';
        const QList<documents::Chunk> chunks =
            documents::chunkText(text, documents::ChunkOptions{300, 0, documents::DocumentKind::Markdown});
        for (int i = 1; i < chunks.size(); ++i)
            QVERIFY2(chunks[i].text.startsWith(QStringLiteral("# Section")), qPrintable(chunks[i].text.left(20)));
    }

    void aHugeWordStillMovesOn()
    {
        const QString text = QString(20000, u'x');
        const QList<documents::Chunk> chunks = documents::chunkText(text, documents::ChunkOptions{1000, 200});
        QVERIFY2(chunks.size() < 40, qPrintable(QString::number(chunks.size())));
        QCOMPARE(chunks.last().end, text.size());
    }

    // A large document whose separators are rare: each chunk used to search
    // for every missing separator back to the start of the whole text, so
    // 8 MB took hours (a quadratic scan: sextant-bench text-vectors stalled
    // on /usr/share/doc). Now it finishes within the test's time limit.
    void aLargeTextWithRareSeparatorsIsLinear()
    {
        QString text(8 << 20, u'x');
        for (qsizetype i = 100000; i < text.size(); i += 100000)
            text[i] = u' '; // one word break per 100,000 characters
        documents::ChunkOptions options{200, 0};
        const QList<documents::Chunk> chunks = documents::chunkText(text, options);
        QCOMPARE(chunks.first().start, qsizetype(0));
        QCOMPARE(chunks.last().end, text.size());
        for (qsizetype i = 1; i < chunks.size(); ++i)
            QVERIFY(chunks[i].start >= chunks[i - 1].end); // no overlap asked for
        QVERIFY(chunks.size() >= text.size() / 200);
    }

    void tokensCountWordsAndPunctuation()
    {
        const QString text = prose(3000, 7);
        auto tokens = [](const QString &t) {
            int count = 0;
            for (qsizetype i = 0; i < t.size();) {
                if (t[i].isSpace()) {
                    ++i;
                    continue;
                }
                ++count;
                if (t[i].isLetterOrNumber())
                    while (i < t.size() && t[i].isLetterOrNumber())
                        ++i;
                else
                    ++i;
            }
            return count;
        };
        documents::ChunkOptions options;
        options.unit = documents::ChunkUnit::Tokens;
        options.size = 120;
        options.overlap = 20;
        const QList<documents::Chunk> chunks = documents::chunkText(text, options);
        QVERIFY(chunks.size() > 10);
        QCOMPARE(chunks.first().start, 0);
        QCOMPARE(chunks.last().end, text.size());
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            const documents::Chunk &c = chunks[i];
            QVERIFY2(tokens(c.text) <= 120, qPrintable(QString::number(tokens(c.text))));
            if (i == 0) continue;
            const documents::Chunk &before = chunks[i - 1];
            QVERIFY(c.start < before.end);   // they overlap ...
            QVERIFY(c.start > before.start); // ... and move on
            QVERIFY(tokens(text.mid(c.start, before.end - c.start)) >= 20);
            QVERIFY(c.start == 0 || text[c.start - 1].isSpace() || !text[c.start].isLetterOrNumber());
        }
        // In characters the same text needs far fewer, larger chunks per token count.
        options.unit = documents::ChunkUnit::Characters;
        QVERIFY(documents::chunkText(text, options).size() > chunks.size());
    }

    void emptyAndBlankTextHaveNoChunks()
    {
        QVERIFY(documents::chunkText(QString(), {}).isEmpty());
        QVERIFY(documents::chunkText(QStringLiteral(" \n\t "), {}).isEmpty());
        const QList<documents::Chunk> one = documents::chunkText(QStringLiteral("  short text"), {});
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.first().text, QStringLiteral("short text"));
    }
};

QTEST_GUILESS_MAIN(TestChunker)
#include "tst_chunker.moc"
