// The HNSW graph's id table (index/IdTable.h): labels dense and stable
// across the table's growth, lookups of present and absent ids (long ones,
// ones a byte apart), its footprint; and through HnswGraph, the graph file's
// label table read back into it (a repeated or invalid id refused).

#include "TestSupport.h"

#include "index/Graph.h"
#include "index/IdTable.h"
#include "base/Checksums.h"

#include <QTemporaryDir>
#include <cstring>
#include <random>
#include <stdexcept>

using namespace sextant;
using namespace testsupport;

namespace {

QByteArray shortId(int i) { return "v:" + QByteArray::number(i).rightJustified(6, '0'); }

// Ids of many shapes: short ones, long ones sharing a long prefix and
// differing in their last byte or one byte in the middle, and odd lengths.
std::vector<QByteArray> mixedIds(int count)
{
    std::vector<QByteArray> ids;
    std::mt19937 rng(11);
    const QByteArray prefix(300, 'p');
    for (int i = 0; int(ids.size()) < count; ++i) {
        switch (i % 5) {
        case 0:
        case 1: ids.push_back(shortId(i)); break;
        case 2: ids.push_back(prefix + QByteArray::number(i)); break;
        case 3: {
            QByteArray middle(64, 'm');
            std::memcpy(middle.data() + 20, &i, sizeof i); // differs in a byte or two in the middle
            ids.push_back(middle);
            break;
        }
        default: ids.push_back(QByteArray(1 + int(rng() % 40), 'x') + QByteArray::number(i)); break;
        }
    }
    ids.push_back(QByteArray(IdTable::kMaxIdBytes, 'L'));
    ids.push_back(QByteArray(IdTable::kMaxIdBytes - 1, 'L') + 'M');
    ids.push_back(QByteArray(1, 'a'));
    ids.push_back(QByteArray(1, 'b'));
    return ids;
}

void resum(QByteArray &file)
{
    const quint64 sum = base::xxh3(file.constData(), size_t(file.size() - 16));
    std::memcpy(file.data() + file.size() - 16, &sum, 8);
}

HnswGraph::Change changeFor(const QByteArray &id, quint32 seed, int dims)
{
    const QVector<float> v = makeVector(dims, seed);
    return {id, std::vector<float>(v.begin(), v.end()), HnswGraph::vectorHash(v.constData(), dims)};
}

} // namespace

class TestIdTable : public QObject {
    Q_OBJECT

private slots:
    void labelsAreDenseAndStableAcrossGrowth()
    {
        IdTable t;
        QCOMPARE(t.size(), size_t(0));
        QVERIFY(!t.find("anything"));
        const std::vector<QByteArray> ids = mixedIds(100000);
        size_t doublings = 0, tableSize = t.slotCount();
        for (size_t i = 0; i < ids.size(); ++i) {
            bool added = false;
            QCOMPARE(t.insert(ids[i], &added), uint32_t(i));
            QVERIFY(added);
            QCOMPARE(t.size(), i + 1);
            // Never more than 3/4 full.
            QVERIFY(t.size() * 4 <= t.slotCount() * 3);
            if (t.slotCount() != tableSize) {
                if (tableSize) QCOMPARE(t.slotCount(), tableSize * 2);
                tableSize = t.slotCount();
                ++doublings;
                // Every label found again right after the table moved.
                for (size_t j = 0; j <= i; j += 1 + j / 8)
                    QCOMPARE(t.find(ids[j]), std::optional<uint32_t>(uint32_t(j)));
            }
        }
        QVERIFY2(doublings >= 10, qPrintable(QString::number(doublings)));
        for (size_t i = 0; i < ids.size(); ++i) {
            QCOMPARE(t.id(uint32_t(i)), QByteArrayView(ids[i]));
            QCOMPARE(t.find(ids[i]), std::optional<uint32_t>(uint32_t(i)));
            // Again: the same label, nothing added.
            bool added = true;
            QCOMPARE(t.insert(ids[i], &added), uint32_t(i));
            QVERIFY(!added);
        }
        QCOMPARE(t.size(), ids.size());
    }

    void absentIdsAreNotFound()
    {
        IdTable t;
        const std::vector<QByteArray> ids = mixedIds(20000);
        for (const QByteArray &id : ids)
            t.insert(id);
        for (size_t i = 0; i < ids.size(); i += 7) {
            const QByteArray &id = ids[i];
            QByteArray flipped = id;
            flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x40);
            QByteArray last = id;
            last[last.size() - 1] = char(last[last.size() - 1] ^ 0x01);
            for (const QByteArray &absent : {flipped, last, id + 'z', id.left(id.size() - 1)}) {
                const auto found = t.find(absent);
                // A variant may happen to be another id of the set.
                if (found)
                    QCOMPARE(t.id(*found), QByteArrayView(absent));
                else
                    QVERIFY(std::find(ids.begin(), ids.end(), absent) == ids.end());
            }
        }
        QVERIFY(!t.find(QByteArray(IdTable::kMaxIdBytes + 1, 'L')));
        QVERIFY(!t.find("v:"));
        QVERIFY(!t.find(""));
        QCOMPARE(t.size(), ids.size());
    }

    void refusesWhatItCannotHold()
    {
        IdTable t;
        t.insert("first");
        bool threw = false;
        try {
            t.insert(QByteArray(IdTable::kMaxIdBytes + 1, 'x'));
        } catch (const std::length_error &) {
            threw = true;
        }
        QVERIFY(threw);
        QCOMPARE(t.size(), size_t(1));
        QCOMPARE(t.insert("second"), uint32_t(1));
        QCOMPARE(t.id(0), QByteArrayView("first"));
    }

    void reserveMovesNothingAfterwards()
    {
        // What the graph file's loader relies on: with the count and bytes
        // known, adding them neither moves the arena nor grows the table.
        const int n = 50000;
        size_t bytes = 0;
        for (int i = 0; i < n; ++i)
            bytes += size_t(shortId(i).size());
        IdTable t;
        t.reserve(size_t(n), bytes);
        const size_t tableSize = t.slotCount();
        QVERIFY(size_t(n) * 4 <= tableSize * 3);
        t.insert(shortId(0));
        const char *arena = t.id(0).data();
        for (int i = 1; i < n; ++i)
            t.insert(shortId(i));
        QCOMPARE(t.slotCount(), tableSize);
        QCOMPARE(t.id(0).data(), arena);
        QCOMPARE(t.id(uint32_t(n - 1)), QByteArrayView(shortId(n - 1)));
    }

    void footprintIsSmall()
    {
        // The point of the table: ids like "v:123456" in at most ~30 bytes
        // each, their own 8 bytes included (a QByteArray per id and a QHash
        // over them took over 100).
        IdTable t;
        const int n = 100000;
        for (int i = 0; i < n; ++i)
            t.insert(shortId(i));
        const double perId = double(t.memoryBytes()) / n;
        QVERIFY2(perId <= 30.0, qPrintable(QString::number(perId)));
        QVERIFY(perId >= 8.0 + 4.0); // the bytes and starts at least: memoryBytes counts them
    }

    void graphKeepsIdsThroughItsFile()
    {
        const int dims = 8;
        AnnParams params;
        params.quantization = Quantization::Sq8;
        HnswGraph g(dims, Metric::Cosine, params, 16);
        std::vector<QByteArray> ids;
        for (int i = 0; i < 600; ++i)
            ids.push_back(shortId(i));
        const QByteArray longPrefix(Schema::kMaxIdBytes - 1, 'q');
        ids.push_back(longPrefix + 'a'); // the longest ids the index takes, a byte apart
        ids.push_back(longPrefix + 'b');
        ids.push_back(QByteArray("\xc3\xa9t\xc3\xa9"));
        std::vector<HnswGraph::Change> changes;
        for (size_t i = 0; i < ids.size(); ++i)
            changes.push_back(changeFor(ids[i], quint32(i), dims));
        QVERIFY(!g.apply(changes, 2));
        QVERIFY(!g.apply({{shortId(5), {}, 0}}, 1)); // a delete keeps its label
        QCOMPARE(g.labelCount(), qint64(ids.size()));
        for (size_t i = 0; i < ids.size(); ++i) {
            QCOMPARE(g.labelOf(ids[i]), std::optional<uint32_t>(uint32_t(i)));
            QCOMPARE(g.idOf(uint32_t(i)), QByteArrayView(ids[i]));
        }
        QVERIFY(!g.labelOf(longPrefix + 'c'));
        QVERIFY(!g.labelOf(QByteArray("v:00000")));

        QTemporaryDir dir;
        const Result<storage::FileRecord> a = g.save(dir.path(), "a.sxg", false);
        QVERIFY(a.ok());
        auto loaded = HnswGraph::load(dir.path() + "/a.sxg", dims, Metric::Cosine, params, a->size);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message()));
        const HnswGraph &l = **loaded;
        QCOMPARE(l.labelCount(), qint64(ids.size()));
        QCOMPARE(l.liveCount(), qint64(ids.size() - 1));
        for (size_t i = 0; i < ids.size(); ++i) {
            QCOMPARE(l.labelOf(ids[i]), std::optional<uint32_t>(uint32_t(i)));
            QCOMPARE(l.idOf(uint32_t(i)), QByteArrayView(ids[i]));
        }
        QVERIFY(!l.isLive(5));
        QVERIFY(!l.labelOf(longPrefix + 'c'));
        // The same bytes when saved again: the label table is unchanged.
        const Result<storage::FileRecord> b = l.save(dir.path(), "b.sxg", false);
        QVERIFY(b.ok());
        QCOMPARE(b->sha256, a->sha256);

        // A loaded graph takes new ids after its own, and revives a deleted one under its label.
        HnswGraph &m = **loaded;
        QVERIFY(!m.apply({changeFor("new-one", 9999, dims), changeFor(shortId(5), 5, dims)}, 1));
        QCOMPARE(m.labelOf("new-one"), std::optional<uint32_t>(uint32_t(ids.size())));
        QCOMPARE(m.labelOf(shortId(5)), std::optional<uint32_t>(5u));
        QVERIFY(m.isLive(5));
        QCOMPARE(m.idOf(uint32_t(ids.size())), QByteArrayView("new-one"));
    }

    void graphFileWithBadIdsIsRefused_data()
    {
        QTest::addColumn<QByteArray>("replacement");
        QTest::newRow("repeated id") << QByteArray("dup-one");
        QTest::newRow("NUL in an id") << QByteArray("dup-\0wo", 7);
    }

    void graphFileWithBadIdsIsRefused()
    {
        // A graph file whose checksum is right but whose label table repeats
        // an id (or holds an invalid one): refused as damaged, not loaded
        // with two labels for one id.
        QFETCH(QByteArray, replacement);
        const int dims = 8;
        for (const Quantization q : {Quantization::None, Quantization::Sq8}) {
            AnnParams params;
            params.quantization = q;
            HnswGraph g(dims, Metric::Cosine, params, 16);
            std::vector<HnswGraph::Change> changes;
            for (int i = 0; i < 40; ++i)
                changes.push_back(changeFor(shortId(i), quint32(i), dims));
            changes.push_back(changeFor("dup-one", 100, dims));
            changes.push_back(changeFor("dup-two", 101, dims));
            QVERIFY(!g.apply(changes, 1));
            QTemporaryDir dir;
            QVERIFY(g.save(dir.path(), "a.sxg", false).ok());
            QByteArray bytes = readAll(dir.path() + "/a.sxg");
            quint64 labelsOffset = 0;
            std::memcpy(&labelsOffset, bytes.constData() + 56, 8);
            const qsizetype at = bytes.indexOf("dup-two", qsizetype(labelsOffset));
            QVERIFY(at > 0);
            bytes.replace(at, replacement.size(), replacement);
            resum(bytes);
            QVERIFY(writeAll(dir.path() + "/bad.sxg", bytes));
            const auto loaded = HnswGraph::load(dir.path() + "/bad.sxg", dims, Metric::Cosine, params, -1);
            QVERIFY(!loaded.ok());
            QCOMPARE(loaded.error().code(), ErrorCode::Corruption);
            // Label 41 is "dup-two"'s, the one changed.
            QVERIFY2(loaded.error().message().contains(QStringLiteral("label 41 has an invalid or repeated id")),
                     qPrintable(loaded.error().message()));
            // The untouched file loads.
            QVERIFY(HnswGraph::load(dir.path() + "/a.sxg", dims, Metric::Cosine, params, -1).ok());
        }
    }
};

QTEST_GUILESS_MAIN(TestIdTable)
#include "tst_idtable.moc"
