// Bad input gets a clear error and changes nothing (docs/design.md, invariant 9):
// every rejected write leaves count, content, LSN and the files on disk as
// they were.

#include "IndexTestSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace sextant;
using namespace testsupport;

namespace {

// Name, size and content hash of every file in the folder.
QMap<QString, QByteArray> snapshotFiles(const QString &dir)
{
    QMap<QString, QByteArray> out;
    for (const QString &n : fileNames(dir))
        out.insert(n, QCryptographicHash::hash(readAll(dir + u'/' + n), QCryptographicHash::Sha256));
    return out;
}

enum class Via { Insert, Upsert, Batch, BatchOfOne };

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void rejected_data();
    void rejected();
    void idLimitsAreExact();
    void metadataLimitIsExact();
    void duplicateIdsInBatch();
    void deleteWithBadIdIsRejected();
    void schemaFieldTypes();
    void badBatchAmongGoodWritesInSameGroup();
    void indexStillWorksAfterRejections();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Index> m_idx;
    Expected m_expected;
    QString path() const { return m_dir->filePath(QStringLiteral("idx")); }
    void expectUnchanged(const QMap<QString, QByteArray> &files, quint64 lsn);
};

void TestBadInput::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Schema s = smallSchema(4);
    s.fields = {FieldSpec{QStringLiteral("title"), FieldType::String, true},
                FieldSpec{QStringLiteral("year"), FieldType::Number, false},
                FieldSpec{QStringLiteral("draft"), FieldType::Bool, false},
                FieldSpec{QStringLiteral("tags"), FieldType::StringList, false}};
    s.maxMetadataBytes = 1000;
    Result<std::shared_ptr<Index>> idx = Index::create(path(), s);
    QVERIFY2(idx.ok(), qPrintable(idx.error().message()));
    m_idx = *idx;
    m_expected.clear();
    // Some content in a segment and some in the WAL.
    for (int i = 0; i < 6; ++i) {
        const Item it = makeItem(QStringLiteral("good%1").arg(i), quint32(i), 4,
                                 QJsonObject{{QStringLiteral("title"), QStringLiteral("t%1").arg(i)}});
        QVERIFY(waitFor(m_idx->insert(it)).error.ok());
        expectPut(m_expected, it);
        if (i == 2) QVERIFY(waitFor(m_idx->checkpoint()).error.ok());
    }
}

void TestBadInput::cleanup()
{
    if (m_idx) m_idx->close();
    m_idx.reset();
}

void TestBadInput::expectUnchanged(const QMap<QString, QByteArray> &files, quint64 lsn)
{
    QCOMPARE(diffContent(*m_idx, m_expected), QString());
    QCOMPARE(m_idx->stats().lastLsn, lsn);
    QCOMPARE(snapshotFiles(path()), files);
}

void TestBadInput::rejected_data()
{
    QTest::addColumn<Item>("item");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("mustMention");

    const QJsonObject okMeta{{QStringLiteral("title"), QStringLiteral("x")}};
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    QTest::newRow("too few dims") << Item{QStringLiteral("a"), {1, 2, 3}, okMeta} << ErrorCode::DimensionMismatch
                                  << QStringLiteral("3");
    QTest::newRow("too many dims") << Item{QStringLiteral("a"), {1, 2, 3, 4, 5}, okMeta} << ErrorCode::DimensionMismatch
                                   << QStringLiteral("5");
    QTest::newRow("empty vector") << Item{QStringLiteral("a"), {}, okMeta} << ErrorCode::DimensionMismatch
                                  << QStringLiteral("4");
    QTest::newRow("NaN") << Item{QStringLiteral("a"), {1, nan, 3, 4}, okMeta} << ErrorCode::NonFiniteValue
                         << QStringLiteral("NaN");
    QTest::newRow("+inf") << Item{QStringLiteral("a"), {1, 2, 3, inf}, okMeta} << ErrorCode::NonFiniteValue
                          << QStringLiteral("infinity");
    QTest::newRow("-inf") << Item{QStringLiteral("a"), {-inf, 2, 3, 4}, okMeta} << ErrorCode::NonFiniteValue
                          << QStringLiteral("infinity");
    QTest::newRow("empty id") << Item{QString(), {1, 2, 3, 4}, okMeta} << ErrorCode::InvalidId
                              << QStringLiteral("empty");
    QTest::newRow("id 513 bytes") << Item{QString(513, u'x'), {1, 2, 3, 4}, okMeta} << ErrorCode::InvalidId
                                  << QStringLiteral("512");
    // 171 three-byte characters: 171 chars, 513 bytes.
    QTest::newRow("id 513 bytes utf8") << Item{QString(171, QChar(0x20AC)), {1, 2, 3, 4}, okMeta}
                                       << ErrorCode::InvalidId << QStringLiteral("512");
    QTest::newRow("id with NUL") << Item{QStringLiteral("a") + QChar(0) + QStringLiteral("b"), {1, 2, 3, 4}, okMeta}
                                 << ErrorCode::InvalidId << QStringLiteral("NUL");
    QTest::newRow("id lone surrogate") << Item{QString(QChar(0xD800)), {1, 2, 3, 4}, okMeta} << ErrorCode::InvalidId
                                       << QString();
    QJsonObject big = okMeta;
    big.insert(QStringLiteral("blob"), QString(1200, u'b'));
    QTest::newRow("metadata over limit") << Item{QStringLiteral("a"), {1, 2, 3, 4}, big} << ErrorCode::MetadataTooLarge
                                         << QStringLiteral("1000");
    QTest::newRow("required field missing")
        << Item{QStringLiteral("a"), {1, 2, 3, 4}, QJsonObject{{QStringLiteral("year"), 2000}}}
        << ErrorCode::SchemaViolation << QStringLiteral("title");
    QTest::newRow("required field null") << Item{QStringLiteral("a"),
                                                 {1, 2, 3, 4},
                                                 QJsonObject{{QStringLiteral("title"), QJsonValue()}}}
                                         << ErrorCode::SchemaViolation << QStringLiteral("title");
    QTest::newRow("string field is number")
        << Item{QStringLiteral("a"), {1, 2, 3, 4}, QJsonObject{{QStringLiteral("title"), 5}}}
        << ErrorCode::SchemaViolation << QStringLiteral("title");
    QTest::newRow("number field is string") << Item{QStringLiteral("a"),
                                                    {1, 2, 3, 4},
                                                    QJsonObject{{QStringLiteral("title"), QStringLiteral("x")},
                                                                {QStringLiteral("year"), QStringLiteral("1999")}}}
                                            << ErrorCode::SchemaViolation << QStringLiteral("year");
    QTest::newRow("bool field is number")
        << Item{QStringLiteral("a"),
                {1, 2, 3, 4},
                QJsonObject{{QStringLiteral("title"), QStringLiteral("x")}, {QStringLiteral("draft"), 1}}}
        << ErrorCode::SchemaViolation << QStringLiteral("draft");
    QTest::newRow("string list has number")
        << Item{QStringLiteral("a"),
                {1, 2, 3, 4},
                QJsonObject{{QStringLiteral("title"), QStringLiteral("x")},
                            {QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), 2}}}}
        << ErrorCode::SchemaViolation << QStringLiteral("tags");
    QTest::newRow("string list is string") << Item{QStringLiteral("a"),
                                                   {1, 2, 3, 4},
                                                   QJsonObject{{QStringLiteral("title"), QStringLiteral("x")},
                                                               {QStringLiteral("tags"), QStringLiteral("a")}}}
                                           << ErrorCode::SchemaViolation << QStringLiteral("tags");
}

void TestBadInput::rejected()
{
    QFETCH(Item, item);
    QFETCH(ErrorCode, code);
    QFETCH(QString, mustMention);
    const auto files = snapshotFiles(path());
    const quint64 lsn = m_idx->stats().lastLsn;

    for (Via via : {Via::Insert, Via::Upsert, Via::BatchOfOne, Via::Batch}) {
        QFuture<WriteResult> f;
        switch (via) {
        case Via::Insert: f = m_idx->insert(item); break;
        case Via::Upsert: f = m_idx->upsert(item); break;
        case Via::BatchOfOne: f = m_idx->write({WriteOp::insert(item)}); break;
        case Via::Batch:
            f = m_idx->write({WriteOp::insert(makeItem(QStringLiteral("fine"), 1, 4,
                                                       QJsonObject{{QStringLiteral("title"), QStringLiteral("f")}})),
                              WriteOp::upsert(item)});
            break;
        }
        const WriteResult r = waitFor(f);
        const QString ctx = QStringLiteral("via %1: %2 (%3)").arg(int(via)).arg(r.error.message(), r.error.codeName());
        QVERIFY2(r.error.code() == code, qPrintable(ctx));
        QVERIFY2(r.error.message().size() > 20, qPrintable(ctx));
        QVERIFY2(r.error.message().endsWith(u'.'), qPrintable(ctx)); // a sentence
        if (!mustMention.isEmpty()) QVERIFY2(r.error.message().contains(mustMention), qPrintable(ctx));
        if (via == Via::Batch) QVERIFY2(r.error.message().contains(QStringLiteral("2")), qPrintable(ctx)); // which item
        QCOMPARE(r.lsn, quint64(0));
        // validate() agrees with write().
        QCOMPARE(m_idx->validate(WriteOp::insert(item)).code(), code);
        expectUnchanged(files, lsn);
    }
}

void TestBadInput::idLimitsAreExact()
{
    const QJsonObject meta{{QStringLiteral("title"), QStringLiteral("x")}};
    QVERIFY(waitFor(m_idx->insert(Item{QString(512, u'x'), makeVector(4, 1), meta})).error.ok());
    QVERIFY(waitFor(m_idx->insert(Item{QString(1, u'y'), makeVector(4, 1), meta})).error.ok());
    // 170 three-byte characters + 2 ASCII = 512 bytes.
    QVERIFY(waitFor(m_idx->insert(Item{QString(170, QChar(0x20AC)) + QStringLiteral("ab"), makeVector(4, 1), meta}))
                .error.ok());
    QCOMPARE(waitFor(m_idx->insert(Item{QString(170, QChar(0x20AC)) + QStringLiteral("abc"), makeVector(4, 1), meta}))
                 .error.code(),
             ErrorCode::InvalidId);
    QVERIFY(m_idx->get(QString(512, u'x')).ok());
    QCOMPARE(m_idx->count(), qint64(m_expected.size() + 3));
}

void TestBadInput::metadataLimitIsExact()
{
    // Compact JSON {"title":"…"} is 12 bytes plus the string.
    const QJsonObject atLimit{{QStringLiteral("title"), QString(1000 - 12, u'm')}};
    const QJsonObject overLimit{{QStringLiteral("title"), QString(1000 - 11, u'm')}};
    const WriteResult ok = waitFor(m_idx->insert(Item{QStringLiteral("edge"), makeVector(4, 1), atLimit}));
    QVERIFY2(ok.error.ok(), qPrintable(ok.error.message()));
    const WriteResult over = waitFor(m_idx->insert(Item{QStringLiteral("edge2"), makeVector(4, 1), overLimit}));
    QCOMPARE(over.error.code(), ErrorCode::MetadataTooLarge);
    QVERIFY(over.error.message().contains(QStringLiteral("1001")));
    QCOMPARE(m_idx->get(QStringLiteral("edge"))->metadata, atLimit);
}

void TestBadInput::duplicateIdsInBatch()
{
    const auto files = snapshotFiles(path());
    const quint64 lsn = m_idx->stats().lastLsn;
    const QJsonObject meta{{QStringLiteral("title"), QStringLiteral("x")}};
    const QList<QList<WriteOp>> batches{
        {WriteOp::insert(makeItem(QStringLiteral("n1"), 1, 4, meta)),
         WriteOp::insert(makeItem(QStringLiteral("n1"), 2, 4, meta))},
        {WriteOp::upsert(makeItem(QStringLiteral("good1"), 1, 4, meta)), WriteOp::remove(QStringLiteral("good1"))},
        {WriteOp::remove(QStringLiteral("good2")), WriteOp::insert(makeItem(QStringLiteral("x"), 1, 4, meta)),
         WriteOp::remove(QStringLiteral("good2"))},
        // Same id spelled with the same UTF-8 bytes.
        {WriteOp::insert(makeItem(QString::fromUtf8("caf\xc3\xa9"), 1, 4, meta)),
         WriteOp::insert(makeItem(QStringLiteral("caf") + QChar(0xE9), 2, 4, meta))},
    };
    for (const QList<WriteOp> &b : batches) {
        const WriteResult r = waitFor(m_idx->write(b));
        QCOMPARE(r.error.code(), ErrorCode::DuplicateId);
        QVERIFY(r.error.message().contains(QStringLiteral("more than once")));
        expectUnchanged(files, lsn);
    }
}

void TestBadInput::deleteWithBadIdIsRejected()
{
    const auto files = snapshotFiles(path());
    const quint64 lsn = m_idx->stats().lastLsn;
    for (const QString &id : {QString(), QString(600, u'z'), QStringLiteral("a") + QChar(0)}) {
        const WriteResult r = waitFor(m_idx->remove(id));
        QCOMPARE(r.error.code(), ErrorCode::InvalidId);
        expectUnchanged(files, lsn);
    }
    const WriteResult nf = waitFor(m_idx->remove(QStringLiteral("unknown")));
    QCOMPARE(nf.error.code(), ErrorCode::NotFound);
    expectUnchanged(files, lsn);
}

void TestBadInput::schemaFieldTypes()
{
    // Undeclared fields are free; declared optional fields may be absent.
    const QJsonObject extra{{QStringLiteral("title"), QStringLiteral("x")},
                            {QStringLiteral("other"), QJsonArray{1, QStringLiteral("two")}},
                            {QStringLiteral("tags"), QJsonArray{}},
                            {QStringLiteral("draft"), false},
                            {QStringLiteral("year"), 1.5}};
    const WriteResult r = waitFor(m_idx->insert(Item{QStringLiteral("typed"), makeVector(4, 1), extra}));
    QVERIFY2(r.error.ok(), qPrintable(r.error.message()));
    QCOMPARE(m_idx->get(QStringLiteral("typed"))->metadata, extra);
}

void TestBadInput::badBatchAmongGoodWritesInSameGroup()
{
    // Writes queued together share a group; one failing request must not
    // take the others down or leak into them.
    const QJsonObject meta{{QStringLiteral("title"), QStringLiteral("x")}};
    QList<QFuture<WriteResult>> good, bad;
    for (int i = 0; i < 20; ++i) {
        good.append(m_idx->insert(makeItem(QStringLiteral("g%1").arg(i), quint32(i), 4, meta)));
        bad.append(m_idx->write({WriteOp::insert(makeItem(QStringLiteral("b%1").arg(i), 1, 4, meta)),
                                 WriteOp::insert(makeItem(QStringLiteral("good0"), 1, 4, meta))}));
    }
    for (auto &f : good)
        QVERIFY(waitFor(f).error.ok());
    for (auto &f : bad)
        QCOMPARE(waitFor(f).error.code(), ErrorCode::AlreadyExists);
    for (int i = 0; i < 20; ++i) {
        QVERIFY(m_idx->contains(QStringLiteral("g%1").arg(i)));
        QVERIFY(!m_idx->contains(QStringLiteral("b%1").arg(i)));
    }
    QCOMPARE(m_idx->count(), qint64(m_expected.size() + 20));
    QCOMPARE(m_idx->get(QStringLiteral("good0"))->vector, m_expected["good0"].vector);
}

void TestBadInput::indexStillWorksAfterRejections()
{
    for (int i = 0; i < 50; ++i) {
        waitFor(m_idx->insert(Item{QStringLiteral("bad%1").arg(i), {float(i)}, {}}));
        waitFor(m_idx->insert(
            makeItem(QStringLiteral("good0"), 1, 4, QJsonObject{{QStringLiteral("title"), QStringLiteral("t")}})));
    }
    const Item it =
        makeItem(QStringLiteral("later"), 7, 4, QJsonObject{{QStringLiteral("title"), QStringLiteral("L")}});
    const WriteResult r = waitFor(m_idx->insert(it));
    QVERIFY(r.error.ok());
    expectPut(m_expected, it);
    QVERIFY(!m_idx->close());
    m_idx.reset();
    Result<std::shared_ptr<Index>> re = Index::open(path());
    QVERIFY(re.ok());
    QCOMPARE(diffContent(**re, m_expected), QString());
    Result<VerifyReport> v = verifyIndex(path());
    QVERIFY(v.ok());
    QVERIFY(v->clean());
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
