// The built-in hashing embedder: deterministic unit vectors, lexical
// similarity (shared words, phrases and stems), and clear errors.

#include "sextant/HashingEmbedder.h"
#include "base/Checksums.h"

#include <QMap>

#include <QtTest>
#include <cmath>

using namespace sextant;

namespace {

double cosine(const QVector<float> &a, const QVector<float> &b)
{
    double dot = 0, na = 0, nb = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return dot / std::sqrt(na * nb);
}

} // namespace

class TestEmbedder : public QObject {
    Q_OBJECT

private:
    QVector<float> one(embed::HashingEmbedder &e, const QString &text)
    {
        Result<std::vector<QVector<float>>> r = e.embed({text});
        if (!r.ok()) qFatal("embed failed: %s", qPrintable(r.error().message()));
        return r->front();
    }

    // docs/embedders.md's definition, written plainly: every feature's bytes,
    // counted, each added to its signed bucket with weight × (1 + ln count).
    static QVector<float> reference(const QString &text, int dims)
    {
        const QStringList ws = embed::HashingEmbedder::words(text);
        QMap<QByteArray, std::pair<int, float>> features;
        auto add = [&](const QByteArray &f, float weight) {
            ++features[f].first;
            features[f].second = weight;
        };
        for (qsizetype i = 0; i < ws.size(); ++i) {
            add("w:" + ws[i].toUtf8(), 1.0f);
            if (i + 1 < ws.size()) add("p:" + ws[i].toUtf8() + ' ' + ws[i + 1].toUtf8(), 0.7f);
            const QString marked = u'<' + ws[i] + u'>';
            for (int n = 3; n <= 5; ++n)
                for (qsizetype at = 0; at + n <= marked.size(); ++at)
                    add("c:" + marked.mid(at, n).toUtf8(), 0.35f);
        }
        std::vector<double> v(size_t(dims), 0.0);
        for (auto it = features.cbegin(); it != features.cend(); ++it) {
            const uint64_t h = base::xxh3(it.key());
            v[h % uint64_t(dims)] += ((h >> 63) ? -1.0 : 1.0) * it->second * (1.0 + std::log(double(it->first)));
        }
        double norm = 0;
        for (double x : v)
            norm += x * x;
        QVector<float> out;
        for (double x : v)
            out.append(float(x / std::sqrt(norm)));
        return out;
    }

private slots:
    void matchesThePlainDefinition()
    {
        const QStringList texts{QStringLiteral("The quick brown fox jumps over the lazy dog, the quick one."),
                                QStringLiteral("Straße, Größe und Maße: café crème à la française"),
                                QStringLiteral("東京の天気は晴れ、明日は雨でしょう"),
                                QStringLiteral("emoji 😀 between words 🚀launch and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters"),
                                QStringLiteral("a b c d e f g a b c")};
        embed::HashingEmbedder embedder(embed::HashingEmbedderOptions{96, true, 3, 5});
        for (const QString &text : texts) {
            const QVector<float> fast = embedder.embed({text})->front();
            const QVector<float> plain = reference(text, 96);
            for (int i = 0; i < 96; ++i)
                QVERIFY2(
                    std::abs(fast[i] - plain[i]) < 1e-6f,
                    qPrintable(QStringLiteral("%1, bucket %2: %3 vs %4").arg(text).arg(i).arg(fast[i]).arg(plain[i])));
        }
    }

    void unitVectorsOfTheChosenDimension()
    {
        for (int dims : {16, 384, 1536}) {
            embed::HashingEmbedder e(embed::HashingEmbedderOptions{dims});
            QCOMPARE(e.dimensions(), dims);
            const QVector<float> v = one(e, QStringLiteral("Vectors of a chosen size, normalised."));
            QCOMPARE(v.size(), dims);
            double norm = 0;
            for (float x : v) {
                QVERIFY(std::isfinite(x));
                norm += double(x) * x;
            }
            QVERIFY(std::abs(norm - 1.0) < 1e-5);
        }
    }

    void deterministicAcrossInstancesAndBatches()
    {
        embed::HashingEmbedder a, b;
        const QStringList texts{QStringLiteral("alpha beta"), QStringLiteral("gamma delta epsilon")};
        Result<std::vector<QVector<float>>> batch = a.embed(texts);
        QVERIFY(batch.ok());
        QCOMPARE(batch->size(), size_t(2));
        QCOMPARE(batch->at(0), one(b, texts[0]));
        QCOMPARE(batch->at(1), one(b, texts[1]));
    }

    void sharedWordsAreClose()
    {
        embed::HashingEmbedder e;
        const QVector<float> fox = one(e, QStringLiteral("The quick brown fox jumps over the lazy dog"));
        const QVector<float> fox2 = one(e, QStringLiteral("A quick brown fox leaped over a sleeping dog"));
        const QVector<float> db = one(e, QStringLiteral("Checkpoints fold the write-ahead log into segments"));
        QVERIFY2(cosine(fox, fox2) > 0.4, qPrintable(QString::number(cosine(fox, fox2))));
        QVERIFY2(cosine(fox, db) < 0.15, qPrintable(QString::number(cosine(fox, db))));
    }

    void caseAndPunctuationDoNotMatter()
    {
        embed::HashingEmbedder e;
        QCOMPARE(one(e, QStringLiteral("Hello, World!")), one(e, QStringLiteral("hello world")));
        // Simple case folding: ß stays as it is.
        QCOMPARE(embed::HashingEmbedder::words(QStringLiteral("Straße — ÉTÉ, 42nd")),
                 (QStringList{QStringLiteral("straße"), QStringLiteral("été"), QStringLiteral("42nd")}));
    }

    void stemsShareCharacterGrams()
    {
        embed::HashingEmbedder e;
        const QVector<float> running = one(e, QStringLiteral("running"));
        QVERIFY(cosine(running, one(e, QStringLiteral("runner"))) >
                cosine(running, one(e, QStringLiteral("table"))) + 0.2);
        const QVector<float> db = one(e, QStringLiteral("Datenbank"));
        QVERIFY(cosine(db, one(e, QStringLiteral("Datenbanken"))) > cosine(db, one(e, QStringLiteral("Tisch"))) + 0.2);
        // Without character n-grams, different words share nothing.
        embed::HashingEmbedder wordsOnly(embed::HashingEmbedderOptions{384, true, 3, 0});
        QVERIFY(std::abs(cosine(one(wordsOnly, QStringLiteral("running")), one(wordsOnly, QStringLiteral("runner")))) <
                0.2);
    }

    void wordOrderMattersThroughPairs()
    {
        embed::HashingEmbedder e;
        const QVector<float> a = one(e, QStringLiteral("dog bites man"));
        QVERIFY(cosine(a, one(e, QStringLiteral("man bites dog"))) < 0.999);
        embed::HashingEmbedder noPairs(embed::HashingEmbedderOptions{384, false});
        QVERIFY(cosine(one(noPairs, QStringLiteral("dog bites man")), one(noPairs, QStringLiteral("man bites dog"))) >
                0.9999);
    }

    void idNamesWhatChangesTheVectors()
    {
        QCOMPARE(embed::HashingEmbedder().id(), QStringLiteral("sextant-hash-v1/384/pairs/3-5"));
        QVERIFY(embed::HashingEmbedder(embed::HashingEmbedderOptions{256}).id() != embed::HashingEmbedder().id());
        QVERIFY(embed::HashingEmbedder(embed::HashingEmbedderOptions{384, false}).id() !=
                embed::HashingEmbedder().id());
    }

    void textWithoutWordsIsAnError()
    {
        embed::HashingEmbedder e;
        Result<std::vector<QVector<float>>> r = e.embed({QStringLiteral("fine"), QStringLiteral(" -- !! ")});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
        QVERIFY2(r.error().message().startsWith(QStringLiteral("Text 2:")), qPrintable(r.error().message()));
        embed::HashingEmbedder tiny(embed::HashingEmbedderOptions{4});
        QVERIFY(!tiny.embed({QStringLiteral("x")}).ok());
    }
};

QTEST_GUILESS_MAIN(TestEmbedder)
#include "tst_embedder.moc"
