// XXH3-64 and SHA-256 as the engine computes them: the same values as the
// reference libraries and the published test vectors, one-shot or streamed.

#include "base/Checksums.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QtTest>
#include <openssl/evp.h>
#include <xxhash.h>

#include <vector>

using namespace sextant::base;

namespace {
// The pseudo-random buffer of xxHash's own sanity check (xsum_sanity_check.c).
std::vector<uint8_t> xxhSanityBuffer(size_t len)
{
    const uint64_t prime32 = 2654435761u;
    const uint64_t prime64 = 11400714785074694797ull;
    std::vector<uint8_t> b(len);
    uint64_t gen = prime32;
    for (size_t i = 0; i < len; ++i) {
        b[i] = uint8_t(gen >> 56);
        gen *= prime64;
    }
    return b;
}

QByteArray randomBytes(quint32 seed, int n)
{
    QRandomGenerator g(seed);
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char(g.bounded(256));
    return b;
}

QString hexOf(const QByteArray &digest) { return QString::fromLatin1(digest.toHex()); }
} // namespace

class TestChecksums : public QObject {
    Q_OBJECT
private slots:
    void xxh3KnownVectors_data();
    void xxh3KnownVectors();
    void xxh3MatchesLibxxhash();
    void xxh3StreamEqualsOneShot();
    void xxh3StreamReset();
    void xxh3QByteArrayOverload();
    void xxh3DetectsEverySingleBitFlip();
    void sha256KnownVectors_data();
    void sha256KnownVectors();
    void sha256MillionA();
    void sha256StreamEqualsOneShot();
    void sha256MatchesQtAndOpenSsl();
};

void TestChecksums::xxh3KnownVectors_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<quint64>("expected");
    // XXH3_64bits with seed 0, from xxHash's xsum_sanity_check.c.
    QTest::newRow("0") << 0 << quint64(0x2D06800538D394C2ull);
    QTest::newRow("1") << 1 << quint64(0xC44BDFF4074EECDBull);
    QTest::newRow("6") << 6 << quint64(0x27B56A84CD2D7325ull);
    QTest::newRow("12") << 12 << quint64(0xA713DAF0DFBB77E7ull);
    QTest::newRow("24") << 24 << quint64(0xA3FE70BF9D3510EBull);
    QTest::newRow("48") << 48 << quint64(0x397DA259ECBA1F11ull);
    QTest::newRow("80") << 80 << quint64(0xBCDEFBBB2C47C90Aull);
    QTest::newRow("195") << 195 << quint64(0xCD94217EE362EC3Aull);
    QTest::newRow("403") << 403 << quint64(0xCDEB804D65C6DEA4ull);
    QTest::newRow("512") << 512 << quint64(0x617E49599013CB6Bull);
    QTest::newRow("2048") << 2048 << quint64(0xDD59E2C3A5F038E0ull);
    QTest::newRow("2240") << 2240 << quint64(0x6E73A90539CF2948ull);
    QTest::newRow("2367") << 2367 << quint64(0xCB37AEB9E5D361EDull);
}

void TestChecksums::xxh3KnownVectors()
{
    QFETCH(int, length);
    QFETCH(quint64, expected);
    const std::vector<uint8_t> buf = xxhSanityBuffer(4096 + 64 + 1);
    QCOMPARE(quint64(xxh3(buf.data(), size_t(length))), expected);

    Xxh3Stream s;
    s.update(buf.data(), size_t(length));
    QCOMPARE(quint64(s.digest()), expected);

    // Byte by byte, as xxHash's own check does.
    Xxh3Stream bytewise;
    for (int i = 0; i < length; ++i)
        bytewise.update(buf.data() + i, 1);
    QCOMPARE(quint64(bytewise.digest()), expected);
}

void TestChecksums::xxh3MatchesLibxxhash()
{
    // Every length up to 1 KiB and a few large ones, at odd alignments.
    const QByteArray data = randomBytes(42, 300 * 1024 + 7);
    for (int len = 0; len <= 1024; ++len) {
        for (int offset : {0, 1, 3}) {
            const char *p = data.constData() + offset;
            if (xxh3(p, size_t(len)) != XXH3_64bits(p, size_t(len)))
                QFAIL(qPrintable(QStringLiteral("mismatch at length %1 offset %2").arg(len).arg(offset)));
        }
    }
    for (int len : {4095, 4096, 65535, 65536, 65537, 300 * 1024})
        QCOMPARE(xxh3(data.constData(), size_t(len)), XXH3_64bits(data.constData(), size_t(len)));
}

void TestChecksums::xxh3StreamEqualsOneShot()
{
    const QByteArray data = randomBytes(7, 200 * 1024 + 13);
    QRandomGenerator g(99);
    for (int round = 0; round < 50; ++round) {
        const int len = round == 0 ? 0 : int(g.bounded(data.size() + 1));
        Xxh3Stream s;
        int at = 0;
        while (at < len) {
            const int chunk = std::min(len - at, int(g.bounded(5000)) + 1);
            s.update(data.constData() + at, size_t(chunk));
            at += chunk;
        }
        QCOMPARE(s.digest(), xxh3(data.constData(), size_t(len)));
        // digest() does not consume the state
        QCOMPARE(s.digest(), xxh3(data.constData(), size_t(len)));
    }
}

void TestChecksums::xxh3StreamReset()
{
    const QByteArray a = randomBytes(1, 1000), b = randomBytes(2, 777);
    Xxh3Stream s;
    s.update(a.constData(), size_t(a.size()));
    s.reset();
    s.update(b.constData(), size_t(b.size()));
    QCOMPARE(s.digest(), xxh3(b));
    s.reset();
    QCOMPARE(s.digest(), quint64(0x2D06800538D394C2ull));
}

void TestChecksums::xxh3QByteArrayOverload()
{
    const QByteArray a = randomBytes(3, 4321);
    QCOMPARE(xxh3(a), XXH3_64bits(a.constData(), size_t(a.size())));
    QCOMPARE(xxh3(QByteArray()), quint64(0x2D06800538D394C2ull));
}

void TestChecksums::xxh3DetectsEverySingleBitFlip()
{
    // Not a property XXH3 promises in general, but one the WAL relies on for
    // its frame sizes in practice: check it on a frame-sized buffer.
    QByteArray data = randomBytes(5, 257);
    const uint64_t good = xxh3(data);
    for (int i = 0; i < data.size() * 8; ++i) {
        data[i / 8] = char(uchar(data[i / 8]) ^ (1u << (i % 8)));
        QVERIFY2(xxh3(data) != good, qPrintable(QStringLiteral("bit %1").arg(i)));
        data[i / 8] = char(uchar(data[i / 8]) ^ (1u << (i % 8)));
    }
    QCOMPARE(xxh3(data), good);
}

void TestChecksums::sha256KnownVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    // FIPS 180-2 / NIST examples.
    QTest::newRow("empty") << QByteArray()
                           << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("896 bits") << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjk"
                                            "lmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                              << QStringLiteral("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

void TestChecksums::sha256KnownVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(sha256Hex(input.constData(), size_t(input.size())), expected);
    Sha256 h;
    h.update(input.constData(), size_t(input.size()));
    QCOMPARE(h.finalHex(), expected);
}

void TestChecksums::sha256MillionA()
{
    const QByteArray chunk(1000, 'a');
    Sha256 h;
    for (int i = 0; i < 1000; ++i)
        h.update(chunk.constData(), size_t(chunk.size()));
    QCOMPARE(h.finalHex(), QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

void TestChecksums::sha256StreamEqualsOneShot()
{
    const QByteArray data = randomBytes(11, 150 * 1024 + 3);
    QRandomGenerator g(12);
    for (int round = 0; round < 30; ++round) {
        const int len = round == 0 ? 0 : int(g.bounded(data.size() + 1));
        Sha256 h;
        int at = 0;
        while (at < len) {
            const int chunk = std::min(len - at, int(g.bounded(9000)) + 1);
            h.update(data.constData() + at, size_t(chunk));
            at += chunk;
        }
        QCOMPARE(h.finalHex(), sha256Hex(data.constData(), size_t(len)));
    }
}

void TestChecksums::sha256MatchesQtAndOpenSsl()
{
    for (int len : {1, 55, 56, 63, 64, 65, 1000, 65536, 100001}) {
        const QByteArray data = randomBytes(quint32(len), len);
        const QString ours = sha256Hex(data.constData(), size_t(data.size()));
        QCOMPARE(ours.size(), 64);
        QCOMPARE(ours, ours.toLower());
        QCOMPARE(ours, hexOf(QCryptographicHash::hash(data, QCryptographicHash::Sha256)));
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int mdLen = 0;
        QVERIFY(EVP_Digest(data.constData(), size_t(data.size()), md, &mdLen, EVP_sha256(), nullptr) == 1);
        QCOMPARE(ours, hexOf(QByteArray(reinterpret_cast<const char *>(md), int(mdLen))));
    }
}

QTEST_GUILESS_MAIN(TestChecksums)
#include "tst_checksums.moc"
