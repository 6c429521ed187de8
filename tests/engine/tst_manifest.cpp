// The manifest: its envelope, its JSON body, what it refuses to believe, and
// how publishing keeps the previous generation.

#include "storage/Binary.h"
#include "base/Checksums.h"
#include "base/FileIo.h"
#include "storage/Manifest.h"

#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace sextant;
using namespace sextant::storage;
using namespace sextant::base;
using namespace testsupport;

namespace {

const QString kSha = QString(64, u'a');

Manifest sampleManifest()
{
    Manifest m;
    m.generation = 7;
    m.schema.dimensions = 384;
    m.schema.metric = Metric::L2;
    m.schema.fields = {FieldSpec{QStringLiteral("title"), FieldType::String, true},
                       FieldSpec{QStringLiteral("year"), FieldType::Number, false},
                       FieldSpec{QStringLiteral("tags"), FieldType::StringList, false},
                       FieldSpec{QStringLiteral("draft"), FieldType::Bool, false}};
    m.schema.maxMetadataBytes = 4096;
    m.schema.ann.targetRecall = 0.98;
    // Format 1 (float graph): the field tests below edit a format-1 body.
    m.schema.ann.quantization = Quantization::None;
    m.tuning = TuningEntry{96, 0.9815, 999};
    m.durability = Durability::Normal;
    m.checkpointLsn = 12345;
    m.walFile = QStringLiteral("wal-00000000000000012346.log");
    m.nextSegmentId = 4;
    m.liveItems = 999;
    m.segments = {
        SegmentEntry{1, QStringLiteral("seg-00000001.sxs"), 600, 10, QStringLiteral("del-00000001-00000007.sxd")},
        SegmentEntry{3, QStringLiteral("seg-00000003.sxs"), 409, 0, QString()}};
    m.files = {FileRecord{QStringLiteral("seg-00000001.sxs"), 123456, kSha},
               FileRecord{QStringLiteral("del-00000001-00000007.sxd"), 123, QString(64, u'b')},
               FileRecord{QStringLiteral("seg-00000003.sxs"), 654321, QString(64, u'c')}};
    m.created = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 123), Qt::UTC);
    m.checkpointed = QDateTime(QDate(2024, 5, 7), QTime(1, 2, 3, 456), Qt::UTC);
    return m;
}

QByteArray envelope(const QByteArray &body, uint32_t version = manifest::kFirstVersion)
{
    QByteArray out;
    out.append(manifest::kMagic, 8);
    appendU32(out, version);
    appendU32(out, uint32_t(body.size()));
    appendU64(out, xxh3(body));
    out.append(body);
    return out;
}

QJsonObject bodyOf(const QByteArray &encoded)
{
    return QJsonDocument::fromJson(encoded.mid(manifest::kEnvelopeSize)).object();
}

QByteArray withBody(const QJsonObject &body) { return envelope(QJsonDocument(body).toJson(QJsonDocument::Compact)); }

Error decodeError(const QByteArray &bytes)
{
    Result<Manifest> m = Manifest::decode(bytes, QStringLiteral("/idx/MANIFEST"));
    return m.ok() ? Error() : m.error();
}

} // namespace

class TestManifest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void envelopeLayout();
    void roundTrip();
    void roundTripEmptyIndex();
    void checksumMismatch();
    void everyBitFlipIsRejected();
    void wrongMagic();
    void wrongVersion();
    void quantizedSchemaIsFormat2();
    void lengthFieldMismatch();
    void truncatedEnvelope();
    void malformedJsonBody_data();
    void malformedJsonBody();
    void badFields_data();
    void badFields();
    void hostileFileNames_data();
    void hostileFileNames();
    void segmentMustNameListedFiles();
    void readFromDisk();
    void publishKeepsPrevious();
    void publishWithoutSyncWorks();
    void publishIntoMissingFolderFails();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestManifest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestManifest::envelopeLayout()
{
    const QByteArray e = sampleManifest().encode();
    QCOMPARE(e.left(8), QByteArray("SXTMANI1"));
    // An index without quantization keeps format 1, which older builds read.
    QCOMPARE(getU32(e.constData() + 8), manifest::kFirstVersion);
    QCOMPARE(qint64(getU32(e.constData() + 12)), qint64(e.size() - manifest::kEnvelopeSize));
    QCOMPARE(getU64(e.constData() + 16), xxh3(e.constData() + 24, size_t(e.size() - 24)));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(e.mid(24), &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object().value(QStringLiteral("generation")).toInt(), 7);
}

void TestManifest::roundTrip()
{
    const Manifest m = sampleManifest();
    Result<Manifest> back = Manifest::decode(m.encode(), QStringLiteral("MANIFEST"));
    QVERIFY2(back.ok(), qPrintable(back.error().message()));
    QCOMPARE(back->generation, m.generation);
    QCOMPARE(back->schema, m.schema);
    QCOMPARE(back->durability, m.durability);
    QCOMPARE(back->checkpointLsn, m.checkpointLsn);
    QCOMPARE(back->walFile, m.walFile);
    QCOMPARE(back->nextSegmentId, m.nextSegmentId);
    QCOMPARE(back->liveItems, m.liveItems);
    QCOMPARE(back->schema.ann.targetRecall, 0.98);
    QCOMPARE(back->tuning, m.tuning);
    QCOMPARE(back->segments.size(), m.segments.size());
    for (int i = 0; i < m.segments.size(); ++i) {
        QCOMPARE(back->segments[i].id, m.segments[i].id);
        QCOMPARE(back->segments[i].file, m.segments[i].file);
        QCOMPARE(back->segments[i].rows, m.segments[i].rows);
        QCOMPARE(back->segments[i].deletedRows, m.segments[i].deletedRows);
        QCOMPARE(back->segments[i].deletionFile, m.segments[i].deletionFile);
    }
    QCOMPARE(back->files.size(), m.files.size());
    for (int i = 0; i < m.files.size(); ++i) {
        QCOMPARE(back->files[i].name, m.files[i].name);
        QCOMPARE(back->files[i].size, m.files[i].size);
        QCOMPARE(back->files[i].sha256, m.files[i].sha256);
    }
    QCOMPARE(back->created, m.created);
    QCOMPARE(back->checkpointed, m.checkpointed);
    QVERIFY(back->fileRecord(QStringLiteral("seg-00000003.sxs")));
    QCOMPARE(back->fileRecord(QStringLiteral("seg-00000003.sxs"))->size, qint64(654321));
    QVERIFY(!back->fileRecord(QStringLiteral("seg-00000002.sxs")));
    // Encoding is deterministic.
    QCOMPARE(back->encode(), m.encode());
}

void TestManifest::roundTripEmptyIndex()
{
    Manifest m;
    m.schema.dimensions = 3;
    m.walFile = QStringLiteral("wal-00000000000000000001.log");
    m.created = QDateTime::currentDateTimeUtc();
    Result<Manifest> back = Manifest::decode(m.encode(), QStringLiteral("MANIFEST"));
    QVERIFY2(back.ok(), qPrintable(back.error().message()));
    QVERIFY(back->segments.isEmpty());
    QVERIFY(back->files.isEmpty());
    QCOMPARE(back->schema.dimensions, 3);
    QCOMPARE(back->durability, Durability::Full);
}

void TestManifest::checksumMismatch()
{
    QByteArray e = sampleManifest().encode();
    const int at = e.indexOf("\"generation\"") + 3;
    e[at] = char(e[at] ^ 0x20);
    const Error err = decodeError(e);
    QCOMPARE(err.code(), ErrorCode::Corruption);
    QVERIFY(err.message().contains(QStringLiteral("checksum")));
    QVERIFY(err.message().contains(QStringLiteral("/idx/MANIFEST")));
    QCOMPARE(err.path(), QStringLiteral("/idx/MANIFEST"));

    QByteArray sumFlip = sampleManifest().encode();
    sumFlip[16] = char(sumFlip[16] ^ 1);
    QCOMPARE(decodeError(sumFlip).code(), ErrorCode::Corruption);
}

void TestManifest::everyBitFlipIsRejected()
{
    const QByteArray good = sampleManifest().encode();
    QByteArray e = good;
    for (qint64 bit = 0; bit < qint64(e.size()) * 8; ++bit) {
        e[bit / 8] = char(uchar(e[bit / 8]) ^ (1u << (bit % 8)));
        const Error err = decodeError(e);
        e[bit / 8] = char(uchar(e[bit / 8]) ^ (1u << (bit % 8)));
        QVERIFY2(err.code() == ErrorCode::Corruption || err.code() == ErrorCode::UnsupportedFormat,
                 qPrintable(QStringLiteral("bit %1 of %2 accepted").arg(bit).arg(e.size() * 8)));
    }
    QVERIFY(!decodeError(good));
}

void TestManifest::wrongMagic()
{
    QByteArray e = sampleManifest().encode();
    e[7] = '2';
    QCOMPARE(decodeError(e).code(), ErrorCode::Corruption);
    QCOMPARE(decodeError(QByteArray(200, 'x')).code(), ErrorCode::Corruption);
}

void TestManifest::wrongVersion()
{
    const QByteArray body = sampleManifest().encode().mid(manifest::kEnvelopeSize);
    const Error err = decodeError(envelope(body, manifest::kVersion + 1));
    QCOMPARE(err.code(), ErrorCode::UnsupportedFormat);
    QVERIFY(err.message().contains(QStringLiteral("newer Sextant (format %1)").arg(manifest::kVersion + 1)));

    // The body's own format number is checked too, and must be the envelope's.
    QJsonObject o = bodyOf(sampleManifest().encode());
    o.insert(QStringLiteral("format"), 2);
    QVERIFY(decodeError(withBody(o)));
    o.insert(QStringLiteral("format"), int(manifest::kVersion + 1));
    QCOMPARE(decodeError(withBody(o)).code(), ErrorCode::UnsupportedFormat);
}

void TestManifest::quantizedSchemaIsFormat2()
{
    Manifest m = sampleManifest();
    m.schema.ann.quantization = Quantization::Sq8;
    const QByteArray e = m.encode();
    QCOMPARE(getU32(e.constData() + 8), manifest::kQuantizedVersion);
    QCOMPARE(bodyOf(e).value(QStringLiteral("format")).toInt(), int(manifest::kQuantizedVersion));
    QCOMPARE(bodyOf(e)
                 .value(QStringLiteral("schema"))
                 .toObject()
                 .value(QStringLiteral("ann"))
                 .toObject()
                 .value(QStringLiteral("quantization"))
                 .toString(),
             QStringLiteral("sq8"));
    Result<Manifest> back = Manifest::decode(e, QStringLiteral("MANIFEST"));
    QVERIFY2(back.ok(), qPrintable(back.error().message()));
    QCOMPARE(back->schema.ann.quantization, Quantization::Sq8);
    QCOMPARE(back->schema, m.schema);
    // A format-1 manifest has no quantization member: float vectors, not the default for new indexes.
    Result<Manifest> old = Manifest::decode(sampleManifest().encode(), QStringLiteral("MANIFEST"));
    QVERIFY(old.ok());
    QCOMPARE(old->schema.ann.quantization, Quantization::None);
    QVERIFY(!bodyOf(sampleManifest().encode())
                 .value(QStringLiteral("schema"))
                 .toObject()
                 .value(QStringLiteral("ann"))
                 .toObject()
                 .contains(QStringLiteral("quantization")));

    // A format-1 manifest that names a quantization was not written by Sextant.
    QJsonObject o = bodyOf(e);
    o.insert(QStringLiteral("format"), 1);
    QCOMPARE(decodeError(withBody(o)).code(), ErrorCode::Corruption);
    // An unknown quantization in a format-2 manifest is damage, with the reason.
    QJsonObject schema = o.value(QStringLiteral("schema")).toObject();
    QJsonObject ann = schema.value(QStringLiteral("ann")).toObject();
    ann.insert(QStringLiteral("quantization"), QStringLiteral("pq4"));
    schema.insert(QStringLiteral("ann"), ann);
    o.insert(QStringLiteral("schema"), schema);
    o.insert(QStringLiteral("format"), 2);
    const Error unknown = decodeError(envelope(QJsonDocument(o).toJson(QJsonDocument::Compact), 2));
    QCOMPARE(unknown.code(), ErrorCode::Corruption);
    QVERIFY2(unknown.message().contains(QStringLiteral("pq4")), qPrintable(unknown.message()));
}

void TestManifest::lengthFieldMismatch()
{
    QByteArray e = sampleManifest().encode();
    putU32(e.data() + 12, getU32(e.constData() + 12) - 1);
    QCOMPARE(decodeError(e).code(), ErrorCode::Corruption);
    QByteArray longer = sampleManifest().encode() + ' ';
    QCOMPARE(decodeError(longer).code(), ErrorCode::Corruption);
}

void TestManifest::truncatedEnvelope()
{
    const QByteArray e = sampleManifest().encode();
    for (int len = 0; len < e.size(); len += (len < 64 ? 1 : 37)) {
        const QByteArray cut = e.left(len);
        QCOMPARE(decodeError(cut).code(), ErrorCode::Corruption);
    }
}

void TestManifest::malformedJsonBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("{not json");
    QTest::newRow("array") << QByteArray("[1,2,3]");
    QTest::newRow("string") << QByteArray("\"manifest\"");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("nul bytes") << QByteArray("{\"format\":1,\0\0}", 15);
    QTest::newRow("trailing garbage") << QByteArray("{\"format\":1} trailing");
}

void TestManifest::malformedJsonBody()
{
    QFETCH(QByteArray, body);
    const Error err = decodeError(envelope(body));
    QCOMPARE(err.code(), ErrorCode::Corruption);
    QVERIFY(!err.message().isEmpty());
}

void TestManifest::badFields_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("generation negative") << QStringLiteral("generation") << QJsonValue(-1);
    QTest::newRow("generation fraction") << QStringLiteral("generation") << QJsonValue(1.5);
    QTest::newRow("generation string") << QStringLiteral("generation") << QJsonValue(QStringLiteral("7"));
    QTest::newRow("generation missing") << QStringLiteral("generation") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("checkpointLsn huge") << QStringLiteral("checkpointLsn") << QJsonValue(1e300);
    QTest::newRow("liveItems missing") << QStringLiteral("liveItems") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("nextSegmentId null") << QStringLiteral("nextSegmentId") << QJsonValue(QJsonValue::Null);
    QTest::newRow("durability unknown") << QStringLiteral("durability") << QJsonValue(QStringLiteral("sometimes"));
    QTest::newRow("schema missing") << QStringLiteral("schema") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("schema zero dims") << QStringLiteral("schema")
                                      << QJsonValue(QJsonObject{{QStringLiteral("dimensions"), 0},
                                                                {QStringLiteral("metric"), QStringLiteral("l2")}});
    QTest::newRow("schema bad metric") << QStringLiteral("schema")
                                       << QJsonValue(
                                              QJsonObject{{QStringLiteral("dimensions"), 3},
                                                          {QStringLiteral("metric"), QStringLiteral("hamming")}});
    QTest::newRow("walFile missing") << QStringLiteral("walFile") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("walFile empty") << QStringLiteral("walFile") << QJsonValue(QString());
    const QJsonObject tuning{
        {QStringLiteral("ef"), 96}, {QStringLiteral("recall"), 0.98}, {QStringLiteral("items"), 9}};
    auto tuningWith = [&](const char *key, const QJsonValue &v) {
        QJsonObject t = tuning;
        if (v.isUndefined())
            t.remove(QLatin1String(key));
        else
            t.insert(QLatin1String(key), v);
        return QJsonValue(t);
    };
    QTest::newRow("tuning not an object") << QStringLiteral("tuning") << QJsonValue(96);
    QTest::newRow("tuning ef 0") << QStringLiteral("tuning") << tuningWith("ef", 0);
    QTest::newRow("tuning ef huge") << QStringLiteral("tuning") << tuningWith("ef", 5000);
    QTest::newRow("tuning ef missing") << QStringLiteral("tuning") << tuningWith("ef", QJsonValue::Undefined);
    QTest::newRow("tuning recall above 1") << QStringLiteral("tuning") << tuningWith("recall", 1.5);
    QTest::newRow("tuning recall string") << QStringLiteral("tuning") << tuningWith("recall", QStringLiteral("0.9"));
    QTest::newRow("tuning items negative") << QStringLiteral("tuning") << tuningWith("items", -1);
    QTest::newRow("schema target recall 1")
        << QStringLiteral("schema")
        << QJsonValue(QJsonObject{{QStringLiteral("dimensions"), 3},
                                  {QStringLiteral("metric"), QStringLiteral("l2")},
                                  {QStringLiteral("ann"), QJsonObject{{QStringLiteral("targetRecall"), 1}}}});
}

void TestManifest::badFields()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QJsonObject o = bodyOf(sampleManifest().encode());
    QVERIFY(o.contains(key));
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    const Error err = decodeError(withBody(o));
    QCOMPARE(err.code(), ErrorCode::Corruption);
    QVERIFY(!err.message().isEmpty());
    // The unmodified body is fine, so the field made the difference.
    QVERIFY(!decodeError(withBody(bodyOf(sampleManifest().encode()))));
}

void TestManifest::hostileFileNames_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("name");
    const QStringList hostile{QStringLiteral("../x"),      QStringLiteral("/etc/passwd"), QStringLiteral("a/b"),
                              QStringLiteral("..\\x"),     QStringLiteral(".."),          QStringLiteral("."),
                              QStringLiteral("seg\0x.sxs")};
    for (const QString &where : {QStringLiteral("walFile"), QStringLiteral("files"), QStringLiteral("segment"),
                                 QStringLiteral("deletionFile")}) {
        for (int i = 0; i < hostile.size(); ++i)
            QTest::newRow(qPrintable(where + u' ' + QString::number(i))) << where << hostile[i];
    }
    QTest::newRow("files empty") << QStringLiteral("files") << QString();
}

void TestManifest::hostileFileNames()
{
    QFETCH(QString, where);
    QFETCH(QString, name);
    QJsonObject o = bodyOf(sampleManifest().encode());
    if (where == u"walFile") {
        o.insert(QStringLiteral("walFile"), name);
    } else {
        // Rename consistently in the file list and the segment entry, so the
        // only thing wrong is the name itself.
        QJsonArray files = o.value(QStringLiteral("files")).toArray();
        QJsonArray segs = o.value(QStringLiteral("segments")).toArray();
        const int fileIndex = where == u"deletionFile" ? 1 : 0;
        QJsonObject f = files[fileIndex].toObject();
        f.insert(QStringLiteral("name"), name);
        files[fileIndex] = f;
        QJsonObject s = segs[0].toObject();
        if (where == u"segment") s.insert(QStringLiteral("file"), name);
        if (where == u"deletionFile") s.insert(QStringLiteral("deletionFile"), name);
        segs[0] = s;
        if (where == u"files") {
            // A listed file that no segment uses still must have a plain name.
            files.append(QJsonObject{
                {QStringLiteral("name"), name}, {QStringLiteral("size"), 1}, {QStringLiteral("sha256"), kSha}});
            files[0] = QJsonObject{{QStringLiteral("name"), QStringLiteral("seg-00000001.sxs")},
                                   {QStringLiteral("size"), 123456},
                                   {QStringLiteral("sha256"), kSha}};
        }
        o.insert(QStringLiteral("files"), files);
        o.insert(QStringLiteral("segments"), segs);
    }
    const Error err = decodeError(withBody(o));
    QVERIFY2(err.code() == ErrorCode::Corruption,
             qPrintable(QStringLiteral("name \"%1\" in %2 was accepted").arg(name, where)));
}

void TestManifest::segmentMustNameListedFiles()
{
    QJsonObject o = bodyOf(sampleManifest().encode());
    QJsonArray files = o.value(QStringLiteral("files")).toArray();
    files.removeAt(2); // seg-00000003.sxs
    o.insert(QStringLiteral("files"), files);
    QCOMPARE(decodeError(withBody(o)).code(), ErrorCode::Corruption);

    QJsonObject p = bodyOf(sampleManifest().encode());
    QJsonArray segs = p.value(QStringLiteral("segments")).toArray();
    QJsonObject s = segs[0].toObject();
    s.insert(QStringLiteral("deletedRows"), 601); // more deleted than rows
    segs[0] = s;
    p.insert(QStringLiteral("segments"), segs);
    QCOMPARE(decodeError(withBody(p)).code(), ErrorCode::Corruption);

    QJsonObject q = bodyOf(sampleManifest().encode());
    QJsonArray fs = q.value(QStringLiteral("files")).toArray();
    QJsonObject f = fs[0].toObject();
    f.insert(QStringLiteral("sha256"), QStringLiteral("abc")); // not a SHA-256
    fs[0] = f;
    q.insert(QStringLiteral("files"), fs);
    QCOMPARE(decodeError(withBody(q)).code(), ErrorCode::Corruption);
}

void TestManifest::readFromDisk()
{
    const QString p = m_dir->filePath(QStringLiteral("MANIFEST"));
    QVERIFY(writeAll(p, sampleManifest().encode()));
    Result<Manifest> m = Manifest::read(p);
    QVERIFY2(m.ok(), qPrintable(m.error().message()));
    QCOMPARE(m->generation, quint64(7));

    Result<Manifest> missing = Manifest::read(m_dir->filePath(QStringLiteral("nothing")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code(), ErrorCode::Io);

    QVERIFY(writeAll(p, QByteArray()));
    QCOMPARE(Manifest::read(p).error().code(), ErrorCode::Corruption);
}

void TestManifest::publishKeepsPrevious()
{
    const QString dir = m_dir->path();
    Manifest first = sampleManifest();
    first.generation = 1;
    QVERIFY(!publishManifest(dir, first, QByteArray(), true));
    QCOMPARE(readAll(dir + QStringLiteral("/MANIFEST")), first.encode());
    QVERIFY(!QFile::exists(dir + QStringLiteral("/MANIFEST.prev")));

    Manifest second = first;
    second.generation = 2;
    second.checkpointLsn = 99999;
    QVERIFY(!publishManifest(dir, second, first.encode(), true));
    QCOMPARE(readAll(dir + QStringLiteral("/MANIFEST")), second.encode());
    QCOMPARE(readAll(dir + QStringLiteral("/MANIFEST.prev")), first.encode());
    QCOMPARE(Manifest::read(dir + QStringLiteral("/MANIFEST.prev"))->generation, quint64(1));
    QCOMPARE(Manifest::read(dir + QStringLiteral("/MANIFEST"))->generation, quint64(2));

    Manifest third = second;
    third.generation = 3;
    QVERIFY(!publishManifest(dir, third, second.encode(), true));
    QCOMPARE(Manifest::read(dir + QStringLiteral("/MANIFEST.prev"))->generation, quint64(2));
    QCOMPARE(Manifest::read(dir + QStringLiteral("/MANIFEST"))->generation, quint64(3));
    // No temporary files are left behind.
    QCOMPARE(fileNames(dir), (QStringList{QStringLiteral("MANIFEST"), QStringLiteral("MANIFEST.prev")}));
}

void TestManifest::publishWithoutSyncWorks()
{
    const QString dir = m_dir->path();
    const Manifest m = sampleManifest();
    QVERIFY(!publishManifest(dir, m, QByteArray(), false));
    QCOMPARE(Manifest::read(dir + QStringLiteral("/MANIFEST"))->generation, m.generation);
}

void TestManifest::publishIntoMissingFolderFails()
{
    const QString dir = m_dir->filePath(QStringLiteral("no/such/folder"));
    const Error e = publishManifest(dir, sampleManifest(), QByteArray(), true);
    QCOMPARE(e.code(), ErrorCode::Io);
    QVERIFY(e.message().contains(QStringLiteral("MANIFEST")));
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
