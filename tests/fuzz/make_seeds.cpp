// Writes the generated part of the fuzz seed corpus: small files made by the
// engine's own writers (WAL, manifest, segment, deletion vector, graph), so
// that each target starts from valid input and near-valid variants of it
// (a torn tail, a zeroed tail, a damaged frame before a good one).
//
//   fuzz_make_seeds tests/fuzz/corpus
//
// Files are named seed-*, except regression inputs that are easiest to make
// with the writers (regress-*); other regression inputs and inputs kept from
// fuzzing runs are added by hand (docs/fuzzing.md).

#include "index/Graph.h"
#include "storage/DeletionVector.h"
#include "storage/Manifest.h"
#include "storage/Record.h"
#include "storage/Segment.h"
#include "storage/Wal.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

using namespace sextant;
using namespace sextant::storage;

namespace {

QString g_root;

void fail(const QString &what)
{
    std::fprintf(stderr, "fuzz_make_seeds: %s\n", qPrintable(what));
    std::exit(1);
}

void writeSeed(const QString &target, const QString &name, const QByteArray &bytes)
{
    const QString dir = g_root + u'/' + target;
    QDir().mkpath(dir);
    QFile f(dir + u'/' + name);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        fail(QStringLiteral("cannot write %1").arg(f.fileName()));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) fail(QStringLiteral("cannot read %1").arg(path));
    return f.readAll();
}

QVector<float> vec(int dims, int seed)
{
    QVector<float> v(dims);
    for (int d = 0; d < dims; ++d)
        v[d] = float(std::sin(double(seed * 7 + d)) * 2.0);
    return v;
}

Record put(RecordType type, const char *id, int dims, int seed, const char *meta)
{
    return Record{type, QByteArray(id), vec(dims, seed), QByteArray(meta)};
}

QByteArray frame(uint64_t lsn, const QList<Record> &records)
{
    QByteArray out;
    const qsizetype start = wal::beginFrame(out, wal::kFrameBatch, lsn);
    encodeBatchPayload(out, records);
    wal::endFrame(out, start);
    return out;
}

void walSeeds()
{
    const QByteArray header = wal::encodeHeader(101);
    const QByteArray f1 = frame(101, {put(RecordType::Insert, "doc-1", 4, 1, R"({"lang":"en","n":1})")});
    const QByteArray f2 = frame(102, {put(RecordType::Upsert, "doc-2", 4, 2, "{}"),
                                      put(RecordType::Insert, "d\xc3\xa9j\xc3\xa0", 4, 3, R"({"tags":["a","b"]})")});
    const QByteArray f3 = frame(103, {Record{RecordType::Delete, QByteArray("doc-1"), {}, {}}});
    const QByteArray f4 = frame(104, {put(RecordType::Upsert, "doc-3", 2, 4, R"({"x":null})")});
    writeSeed(QStringLiteral("wal"), QStringLiteral("seed-header-only"), header);
    writeSeed(QStringLiteral("wal"), QStringLiteral("seed-three-frames"), header + f1 + f2 + f3);
    writeSeed(QStringLiteral("wal"), QStringLiteral("seed-torn-tail"), header + f1 + f2 + f3.left(f3.size() - 5));
    writeSeed(QStringLiteral("wal"), QStringLiteral("seed-zero-tail"), header + f1 + QByteArray(40, '\0'));
    QByteArray damaged = f2;
    damaged[20] = char(damaged[20] ^ 0x10);
    writeSeed(QStringLiteral("wal"), QStringLiteral("seed-damage-before-good-frame"), header + f1 + damaged + f3);
    writeSeed(QStringLiteral("wal"), QStringLiteral("seed-other-dimension"), wal::encodeHeader(104) + f4);
    // A checksummed frame whose record has an empty id: decodeBatchPayload
    // used to accept it, and recovery put it in the memtable.
    writeSeed(QStringLiteral("wal"), QStringLiteral("regress-empty-id-in-checksummed-frame"),
              wal::encodeHeader(101) + frame(101, {put(RecordType::Insert, "", 4, 5, "{}")}));
}

Schema schema(int dims)
{
    Schema s;
    s.dimensions = dims;
    s.metric = Metric::Cosine;
    s.fields = {FieldSpec{QStringLiteral("lang"), FieldType::String, true},
                FieldSpec{QStringLiteral("tags"), FieldType::StringList, false},
                FieldSpec{QStringLiteral("n"), FieldType::Number, false},
                FieldSpec{QStringLiteral("ok"), FieldType::Bool, false}};
    s.ann = AnnParams{8, 100, 32};
    return s;
}

void manifestSeeds()
{
    const QString sha(64, u'a');
    Manifest m;
    m.generation = 7;
    m.schema = schema(4);
    m.checkpointLsn = 1200;
    m.walFile = wal::fileName(1201);
    m.nextSegmentId = 4;
    m.liveItems = 1150;
    m.segments = {SegmentEntry{1, segment::fileName(1), 1000, 50, deletion::fileName(1, 7)},
                  SegmentEntry{3, segment::fileName(3), 200, 0, {}}};
    m.files = {FileRecord{segment::fileName(1), 1607808, sha}, FileRecord{deletion::fileName(1, 7), 173, sha},
               FileRecord{segment::fileName(3), 323456, sha}, FileRecord{graphfile::fileName(2), 262512, sha}};
    m.graph = GraphEntry{graphfile::fileName(2), 2, 1150, 1210};
    m.created = QDateTime::fromString(QStringLiteral("2026-11-21T05:56:01.123Z"), Qt::ISODateWithMs);
    m.checkpointed = QDateTime::fromString(QStringLiteral("2026-11-21T06:10:44.871Z"), Qt::ISODateWithMs);
    writeSeed(QStringLiteral("manifest"), QStringLiteral("seed-full"), m.encode());

    Manifest empty;
    empty.generation = 1;
    empty.schema.dimensions = 3;
    empty.schema.metric = Metric::L2;
    empty.durability = Durability::Normal;
    empty.walFile = wal::fileName(1);
    writeSeed(QStringLiteral("manifest"), QStringLiteral("seed-empty-index"), empty.encode());
}

class Rows : public SegmentRowSource {
public:
    QList<QByteArray> ids, metas;
    QList<QVector<float>> vectors;
    qint64 rowCount() const override { return ids.size(); }
    QByteArrayView id(qint64 r) const override { return ids[r]; }
    const float *vector(qint64 r) const override { return vectors[r].constData(); }
    QByteArrayView metadata(qint64 r) const override { return metas[r]; }
};

void segmentSeeds(const QString &tmp)
{
    auto write = [&](const QString &name, int dims, const Rows &rows) {
        const Result<FileRecord> rec = writeSegment(tmp, 9, dims, rows, false);
        if (!rec.ok()) fail(rec.error().toString());
        writeSeed(QStringLiteral("segment"), name, readFile(tmp + u'/' + rec->name));
    };
    write(QStringLiteral("seed-empty"), 4, Rows{});
    Rows three;
    three.ids = {"a", "doc-1", "d\xc3\xa9j\xc3\xa0"};
    three.metas = {"{}", R"({"lang":"en","n":1})", R"({"tags":["x"]})"};
    for (int i = 0; i < 3; ++i)
        three.vectors.append(vec(4, i));
    write(QStringLiteral("seed-three-rows-dims4"), 4, three);
    Rows five;
    for (int i = 0; i < 5; ++i) {
        five.ids.append("id-" + QByteArray::number(i));
        five.metas.append(i % 2 ? QByteArray() : R"({"i":)" + QByteArray::number(i) + "}");
        five.vectors.append(vec(2, i + 10));
    }
    write(QStringLiteral("seed-five-rows-dims2"), 2, five);
    // Format 3's row checksums at work: one vector byte of a row changed, so
    // its block fails and the other rows of the block are served by theirs.
    const Result<FileRecord> rec = writeSegment(tmp, 9, 4, three, false);
    if (!rec.ok()) fail(rec.error().toString());
    QByteArray damaged = readFile(tmp + u'/' + rec->name);
    damaged[segment::kHeaderSize + 16 + 3] = char(damaged[segment::kHeaderSize + 16 + 3] ^ 0x20); // row 1
    writeSeed(QStringLiteral("segment"), QStringLiteral("seed-three-rows-row1-vector-damaged"), damaged);
}

void deletionSeeds(const QString &tmp)
{
    auto write = [&](const QString &name, uint64_t segment, qint64 rows, const QList<qint64> &deleted) {
        DeletionVector dv(segment, rows);
        for (qint64 r : deleted)
            dv.markDeleted(r);
        const Result<FileRecord> rec = dv.write(tmp, 5, false);
        if (!rec.ok()) fail(rec.error().toString());
        writeSeed(QStringLiteral("deletion"), name, readFile(tmp + u'/' + rec->name));
    };
    write(QStringLiteral("seed-three-rows-one-deleted"), 1, 3, {1});
    write(QStringLiteral("seed-seventeen-rows"), 4, 17, {0, 5, 8, 16});
    write(QStringLiteral("seed-no-rows"), 2, 0, {});
}

void graphSeeds(const QString &tmp)
{
    auto write = [&](const QString &name, Metric metric, int items, int deletes,
                     Quantization quantization = Quantization::None) {
        AnnParams params{4, 20, 16};
        params.quantization = quantization;
        HnswGraph g(4, metric, params, 16);
        std::vector<HnswGraph::Change> changes;
        for (int i = 0; i < items; ++i) {
            const QVector<float> v = vec(4, i);
            changes.push_back({"item-" + QByteArray::number(i), std::vector<float>(v.begin(), v.end()),
                               HnswGraph::vectorHash(v.constData(), 4)});
        }
        if (Error e = g.apply(changes, 1)) fail(e.toString());
        changes.clear();
        for (int i = 0; i < deletes; ++i)
            changes.push_back({"item-" + QByteArray::number(i * 2), {}, 0});
        if (Error e = g.apply(changes, 1)) fail(e.toString());
        const Result<FileRecord> rec = g.save(tmp, name, false);
        if (!rec.ok()) fail(rec.error().toString());
        writeSeed(QStringLiteral("graph"), name, readFile(tmp + u'/' + name));
    };
    write(QStringLiteral("seed-empty-cosine"), Metric::Cosine, 0, 0);
    write(QStringLiteral("seed-ten-items-cosine"), Metric::Cosine, 10, 0);
    write(QStringLiteral("seed-twelve-items-l2-two-deleted"), Metric::L2, 12, 2);
    write(QStringLiteral("seed-three-items-dot"), Metric::Dot, 3, 0);
    // Graph format 2: 8-bit codes.
    write(QStringLiteral("seed-ten-items-cosine-sq8"), Metric::Cosine, 10, 0, Quantization::Sq8);
    write(QStringLiteral("seed-twelve-items-l2-two-deleted-sq8"), Metric::L2, 12, 2, Quantization::Sq8);
    write(QStringLiteral("seed-three-items-dot-sq8"), Metric::Dot, 3, 0, Quantization::Sq8);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_make_seeds CORPUS_ROOT (tests/fuzz/corpus)\n");
        return 2;
    }
    g_root = QFile::decodeName(argv[1]);
    QTemporaryDir tmp;
    if (!tmp.isValid()) fail(QStringLiteral("no temporary folder"));
    walSeeds();
    manifestSeeds();
    segmentSeeds(tmp.path());
    deletionSeeds(tmp.path());
    graphSeeds(tmp.path());
    std::printf("seeds written under %s\n", argv[1]);
    return 0;
}
