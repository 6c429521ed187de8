// The distance kernels at every level this CPU runs: each agrees with a
// double-precision reference for every length, offset and row count, never
// reads outside its inputs, and the level chosen at run time follows the CPU
// and SEXTANT_SIMD.

#include "index/Distance.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

using namespace sextant::distance;

namespace {

// Lengths around every block size of every level (4, 8, 16, 32, 64 floats)
// and the dimensions embeddings come in.
const size_t kLengths[] = {0,  1,  2,  3,   4,   5,   7,   8,   9,   15,  16,  17,  31,   32,   33,   47,
                           63, 64, 65, 100, 127, 128, 129, 255, 383, 384, 385, 768, 1000, 1536, 8191, 8192};
const size_t kRowCounts[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 33};
const float kNaN = std::numeric_limits<float>::quiet_NaN();

// Tolerance. Whatever order a kernel sums in, a float dot product of n terms
// satisfies |computed - exact| <= gamma(n+1) * sum |a_i * b_i|, gamma(k) =
// k*u / (1 - k*u), u = 2^-24 (Higham, "Accuracy and Stability of Numerical
// Algorithms", §3.1: one rounding per product, at most n-1 per sum chain;
// FMA only removes roundings). For the squared distance each term carries
// one more rounding from a_i - b_i, squared: gamma(n+3) * sum (a_i - b_i)^2.
// This bound is exact to prove but loose for random data, so the tests that
// catch a dropped or repeated element use integer data (exactExactly), where
// every order gives the exact result and any difference fails.
double gammaBound(size_t k)
{
    const double ku = double(k) * std::ldexp(1.0, -24);
    return ku / (1.0 - ku);
}

struct Reference {
    double dot = 0, dotScale = 0; // dotScale = sum |a_i * b_i|
    double l2 = 0;                // sum (a_i - b_i)^2, its own scale
};

Reference reference(const float *a, const float *b, size_t n)
{
    Reference r;
    for (size_t i = 0; i < n; ++i) {
        const double p = double(a[i]) * double(b[i]);
        const double d = double(a[i]) - double(b[i]);
        r.dot += p;
        r.dotScale += std::abs(p);
        r.l2 += d * d;
    }
    return r;
}

bool withinBound(float got, double exact, double bound)
{
    return std::isfinite(got) && std::abs(double(got) - exact) <= bound * 1.0001 + 1e-300;
}

QString describe(const char *kernel, SimdLevel level, size_t n, float got, double exact, double bound)
{
    return QStringLiteral("%1 at %2, n=%3: got %4, exact %5, allowed error %6")
        .arg(QLatin1String(kernel), levelName(level))
        .arg(n)
        .arg(double(got), 0, 'g', 10)
        .arg(exact, 0, 'g', 10)
        .arg(bound, 0, 'g', 3);
}

// Floats that end exactly where an inaccessible page begins, preceded and
// followed (within the page) by NaN: a kernel that reads one float past the
// end crashes, one that reads before the start or into a row's padding gets NaN.
class GuardedFloats {
public:
    explicit GuardedFloats(size_t count)
    {
        m_page = size_t(sysconf(_SC_PAGESIZE));
        m_bytes = ((count + 64) * sizeof(float) + m_page - 1) / m_page * m_page;
        void *p = mmap(nullptr, m_bytes + m_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) qFatal("mmap failed");
        m_map = static_cast<char *>(p);
        if (mprotect(m_map + m_bytes, m_page, PROT_NONE) != 0) qFatal("mprotect failed");
        std::fill_n(reinterpret_cast<float *>(m_map), m_bytes / sizeof(float), kNaN);
        m_data = reinterpret_cast<float *>(m_map + m_bytes) - count;
    }
    ~GuardedFloats() { munmap(m_map, m_bytes + m_page); }
    GuardedFloats(const GuardedFloats &) = delete;
    GuardedFloats &operator=(const GuardedFloats &) = delete;
    float *data() { return m_data; }

private:
    size_t m_page = 0, m_bytes = 0;
    char *m_map = nullptr;
    float *m_data = nullptr;
};

enum class Fill { Uniform, Integers, Huge };

void fill(float *out, size_t n, QRandomGenerator &g, Fill kind)
{
    for (size_t i = 0; i < n; ++i) {
        switch (kind) {
        case Fill::Uniform: out[i] = float(g.generateDouble() * 2.0 - 1.0); break;
        // |product| <= 64 and |difference|^2 <= 256, so every partial sum of
        // up to 8192 terms is an integer below 2^24: exact in float.
        case Fill::Integers: out[i] = float(int(g.bounded(17)) - 8); break;
        // Products up to 1e30, sums of 8192 of them far below FLT_MAX (3.4e38).
        case Fill::Huge: out[i] = float((g.generateDouble() * 2.0 - 1.0) * 1e15); break;
        }
    }
}

// Checks one kernel result against the reference: exactly for integer data,
// within the bound otherwise.
QString check(const char *kernel, SimdLevel level, size_t n, float got, double exact, double scale, size_t roundings,
              Fill kind)
{
    if (kind == Fill::Integers) {
        if (double(got) != exact) return describe(kernel, level, n, got, exact, 0);
        return {};
    }
    const double bound = gammaBound(roundings) * scale;
    if (!withinBound(got, exact, bound)) return describe(kernel, level, n, got, exact, bound);
    return {};
}

QString checkPair(const Kernels &k, const float *a, const float *b, size_t n, Fill kind)
{
    const Reference r = reference(a, b, n);
    QString e = check("dot", k.level, n, k.dot(a, b, n), r.dot, r.dotScale, n + 1, kind);
    if (e.isEmpty()) e = check("l2sq", k.level, n, k.l2sq(a, b, n), r.l2, r.l2, n + 3, kind);
    return e;
}

// A matrix of `count` rows of `n` floats, `stride` apart, NaN in the padding,
// the last row ending at a guard page.
struct GuardedMatrix {
    GuardedMatrix(size_t count, size_t n, size_t stride, QRandomGenerator &g, Fill kind)
        : stride(stride), floats(count == 0 ? 0 : (count - 1) * stride + n)
    {
        for (size_t i = 0; i < count; ++i) {
            fill(row(i), n, g, kind);
            rows.push_back(row(i));
        }
    }
    float *row(size_t i) { return floats.data() + i * stride; }
    size_t stride;
    GuardedFloats floats;
    std::vector<const float *> rows;
};

// Runs the row kernels of `k` (the Many ones only when `matrix` is given,
// whose rows must be `rows`) and checks every output against the reference;
// `out` has a sentinel after `count` that must stay untouched.
QString checkRows(const Kernels &k, const float *q, const std::vector<const float *> &rows, size_t n, Fill kind,
                  GuardedMatrix *matrix = nullptr)
{
    const size_t count = rows.size();
    std::vector<float> out(count + 1);
    struct Run {
        const char *name;
        bool l2, gather;
    };
    for (const Run run : {Run{"dotMany", false, false}, Run{"l2sqMany", true, false}, Run{"dotGather", false, true},
                          Run{"l2sqGather", true, true}}) {
        std::fill(out.begin(), out.end(), -12345.0f);
        if (run.gather)
            (run.l2 ? k.l2sqGather : k.dotGather)(q, rows.data(), count, n, out.data());
        else if (matrix)
            (run.l2 ? k.l2sqMany : k.dotMany)(q, matrix->floats.data(), matrix->stride, count, n, out.data());
        else
            continue;
        if (out[count] != -12345.0f)
            return QStringLiteral("%1 at %2 wrote past out[count] (count %3)")
                .arg(QLatin1String(run.name), levelName(k.level))
                .arg(count);
        for (size_t i = 0; i < count; ++i) {
            const Reference r = reference(q, rows[i], n);
            const QString e = run.l2 ? check(run.name, k.level, n, out[i], r.l2, r.l2, n + 3, kind)
                                     : check(run.name, k.level, n, out[i], r.dot, r.dotScale, n + 1, kind);
            if (!e.isEmpty()) return e + QStringLiteral(", row %1 of %2").arg(i).arg(count);
        }
    }
    return {};
}

QList<const Kernels *> allKernels()
{
    QList<const Kernels *> all;
    for (SimdLevel l : availableLevels())
        all.append(kernelsFor(l));
    return all;
}

// The data rows shared by the reference comparisons: random reals within the
// bound, and small integers, exactly.
void addFillRows()
{
    QTest::addColumn<int>("fill");
    QTest::newRow("uniform") << int(Fill::Uniform);
    QTest::newRow("integers (exact)") << int(Fill::Integers);
}

SimdLevel expectedCap(SimdLevel named) { return std::min(named, bestSupportedLevel()); }

} // namespace

class TestDistance : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void levelNamesRoundTrip();
    void detectionMatchesTheCompilerRuntime();
    void pairsMatchReference_data();
    void pairsMatchReference();
    void unalignedPairs();
    void rowsMatchReference_data();
    void rowsMatchReference();
    void gatherScatteredRows();
    void int8CodesMatchReference();
    void int8GatherScatteredRows();
    void zeroVectors();
    void hugeMagnitudes();
    void overflowGivesInfinity();
    void normUsesChosenKernels();
    void resolveRespectsOverride_data();
    void resolveRespectsOverride();
    void unknownOverrideWarnsAndUsesBest();
    void environmentVariableCapsLevel_data();
    void environmentVariableCapsLevel();
};

void TestDistance::initTestCase()
{
    QStringList names;
    for (SimdLevel l : availableLevels())
        names << levelName(l);
    qInfo("levels on this machine: %s; kernels() uses %s", qPrintable(names.join(QStringLiteral(", "))),
          qPrintable(levelName(kernels().level)));
    QVERIFY(!availableLevels().isEmpty());
    QCOMPARE(availableLevels().constFirst(), SimdLevel::Scalar);
    for (const Kernels *k : allKernels()) {
        QVERIFY(k);
        QVERIFY(k->dot && k->l2sq && k->dotMany && k->l2sqMany && k->dotGather && k->l2sqGather && k->dotI8 &&
                k->dotI8Gather);
    }
}

void TestDistance::levelNamesRoundTrip()
{
    for (SimdLevel l : {SimdLevel::Scalar, SimdLevel::Sse, SimdLevel::Avx2, SimdLevel::Avx512})
        QCOMPARE(levelFromName(levelName(l)), std::optional<SimdLevel>(l));
    QCOMPARE(levelName(SimdLevel::Avx512), QStringLiteral("avx512"));
    QCOMPARE(levelFromName(u" AVX2 "), std::optional<SimdLevel>(SimdLevel::Avx2));
    QVERIFY(!levelFromName(u"avx").has_value());
    QVERIFY(!levelFromName(u"").has_value());
}

void TestDistance::detectionMatchesTheCompilerRuntime()
{
#if defined(__x86_64__) && defined(__GNUC__)
    // libgcc's __builtin_cpu_supports checks cpuid and the OS's XCR0 state too.
    QVERIFY(kernelsFor(SimdLevel::Sse));
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    const bool avx512 = avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
                        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl");
    QCOMPARE(kernelsFor(SimdLevel::Avx2) != nullptr, avx2);
    QCOMPARE(kernelsFor(SimdLevel::Avx512) != nullptr, avx512);
#elif !defined(__i386__)
    QCOMPARE(availableLevels(), QList<SimdLevel>{SimdLevel::Scalar});
#endif
    for (SimdLevel l : availableLevels())
        QCOMPARE(kernelsFor(l)->level, l);
}

void TestDistance::pairsMatchReference_data() { addFillRows(); }

void TestDistance::pairsMatchReference()
{
    QFETCH(int, fill);
    const Fill kind = Fill(fill);
    QRandomGenerator g(1234);
    for (size_t n : kLengths) {
        GuardedFloats a(n), b(n);
        ::fill(a.data(), n, g, kind);
        ::fill(b.data(), n, g, kind);
        for (const Kernels *k : allKernels()) {
            const QString e = checkPair(*k, a.data(), b.data(), n, kind);
            QVERIFY2(e.isEmpty(), qPrintable(e));
        }
    }
}

void TestDistance::unalignedPairs()
{
    // Sixteen start offsets (0 to 15 floats, so every position within a
    // 64-byte line), for both operands independently, NaN around them.
    QRandomGenerator g(99);
    for (size_t n : {size_t(1), size_t(7), size_t(17), size_t(385)}) {
        std::vector<float> pool(n + 40, kNaN);
        std::vector<float> other(n + 40, kNaN);
        for (size_t offA = 0; offA < 16; ++offA) {
            const size_t offB = (offA * 7 + 3) % 16;
            std::fill(pool.begin(), pool.end(), kNaN);
            std::fill(other.begin(), other.end(), kNaN);
            fill(pool.data() + offA, n, g, Fill::Integers);
            fill(other.data() + offB, n, g, Fill::Integers);
            for (const Kernels *k : allKernels()) {
                const QString e = checkPair(*k, pool.data() + offA, other.data() + offB, n, Fill::Integers);
                QVERIFY2(e.isEmpty(), qPrintable(e + QStringLiteral(", offsets %1/%2").arg(offA).arg(offB)));
            }
        }
    }
}

void TestDistance::rowsMatchReference_data() { addFillRows(); }

void TestDistance::rowsMatchReference()
{
    QFETCH(int, fill);
    const Fill kind = Fill(fill);
    QRandomGenerator g(777);
    for (size_t n : {size_t(1), size_t(3), size_t(7), size_t(15), size_t(16), size_t(17), size_t(33), size_t(100),
                     size_t(383), size_t(384), size_t(385), size_t(1000)}) {
        GuardedFloats q(n);
        ::fill(q.data(), n, g, kind);
        for (size_t count : kRowCounts) {
            for (size_t stride : {n, n + 1, n + 5, (n + 15) / 16 * 16 + 16}) {
                GuardedMatrix m(count, n, stride, g, kind);
                for (const Kernels *k : allKernels()) {
                    const QString e = checkRows(*k, q.data(), m.rows, n, kind, &m);
                    QVERIFY2(e.isEmpty(), qPrintable(e + QStringLiteral(", stride %1").arg(stride)));
                }
            }
        }
    }
}

void TestDistance::gatherScatteredRows()
{
    // Rows in shuffled order, repeated, at odd offsets; the pool's last row ends at the guard page.
    QRandomGenerator g(4242);
    for (size_t n : {size_t(5), size_t(16), size_t(129), size_t(384)}) {
        const size_t poolRows = 23;
        GuardedFloats pool(poolRows * (n + 3));
        fill(pool.data(), poolRows * (n + 3), g, Fill::Integers);
        GuardedFloats q(n);
        fill(q.data(), n, g, Fill::Integers);
        for (size_t count : {size_t(1), size_t(4), size_t(5), size_t(31), size_t(64)}) {
            std::vector<const float *> rows;
            for (size_t i = 0; i < count; ++i) {
                const size_t r = g.bounded(quint32(poolRows));
                rows.push_back(pool.data() + r * (n + 3) + (r == poolRows - 1 ? 3 : r % 4));
            }
            rows.back() = pool.data() + poolRows * (n + 3) - n; // ends at the guard
            for (const Kernels *k : allKernels()) {
                const QString e = checkRows(*k, q.data(), rows, n, Fill::Integers);
                QVERIFY2(e.isEmpty(), qPrintable(e));
            }
        }
    }
}

namespace {

// n int8 codes that end exactly where an inaccessible page begins (a read
// past the end crashes).
struct GuardedCodes {
    explicit GuardedCodes(size_t n) : floats(n / 4 + 2), data(reinterpret_cast<int8_t *>(floats.data() + n / 4 + 2) - n)
    {
    }
    GuardedFloats floats;
    int8_t *data;
};

int64_t dotI8Reference(const int8_t *a, const int8_t *b, size_t n)
{
    int64_t s = 0;
    for (size_t i = 0; i < n; ++i)
        s += int64_t(a[i]) * int64_t(b[i]);
    return s;
}

// Random codes in [-127, 127]; every fourth set all at the extremes (the
// largest products, where a 16-bit intermediate would saturate).
void fillCodes(int8_t *out, size_t n, QRandomGenerator &g, int kind)
{
    for (size_t i = 0; i < n; ++i) {
        if (kind == 3)
            out[i] = int8_t(g.bounded(2) ? 127 : -127);
        else if (kind == 2)
            out[i] = int8_t(127);
        else
            out[i] = int8_t(int(g.bounded(255u)) - 127);
    }
}

} // namespace

void TestDistance::int8CodesMatchReference()
{
    // Exact: integer sums have no rounding, so every level must give the
    // reference's value for every length (around the 16-, 32- and 64-byte
    // blocks) and every start offset within a 64-byte line.
    QRandomGenerator g(8);
    for (size_t n : kLengths) {
        for (int kind = 0; kind < 4; ++kind) {
            GuardedCodes a(n), b(n);
            fillCodes(a.data, n, g, kind);
            fillCodes(b.data, n, g, kind == 2 ? 2 : kind);
            if (kind == 2)
                for (size_t i = 0; i < n; i += 2)
                    b.data[i] = -127;
            const int64_t want = dotI8Reference(a.data, b.data, n);
            for (const Kernels *k : allKernels()) {
                const int32_t got = k->dotI8(a.data, b.data, n);
                QVERIFY2(got == want, qPrintable(QStringLiteral("%1: dotI8 n=%2 kind %3: %4, want %5")
                                                     .arg(levelName(k->level))
                                                     .arg(n)
                                                     .arg(kind)
                                                     .arg(got)
                                                     .arg(want)));
            }
        }
    }
    for (size_t n : {size_t(1), size_t(31), size_t(33), size_t(384), size_t(385)}) {
        std::vector<int8_t> pa(n + 64), pb(n + 64);
        for (size_t off = 0; off < 64; off += 5) {
            fillCodes(pa.data() + off, n, g, 0);
            fillCodes(pb.data() + (off * 7) % 64, n, g, 0);
            const int64_t want = dotI8Reference(pa.data() + off, pb.data() + (off * 7) % 64, n);
            for (const Kernels *k : allKernels())
                QCOMPARE(int64_t(k->dotI8(pa.data() + off, pb.data() + (off * 7) % 64, n)), want);
        }
    }
}

void TestDistance::int8GatherScatteredRows()
{
    QRandomGenerator g(31);
    for (size_t n : {size_t(5), size_t(64), size_t(129), size_t(384)}) {
        const size_t poolRows = 23;
        GuardedCodes pool(poolRows * (n + 3));
        fillCodes(pool.data, poolRows * (n + 3), g, 0);
        std::vector<int8_t> q(n);
        fillCodes(q.data(), n, g, 0);
        for (size_t count : kRowCounts) {
            std::vector<const int8_t *> rows;
            for (size_t i = 0; i < count; ++i) {
                const size_t r = g.bounded(quint32(poolRows));
                rows.push_back(pool.data + r * (n + 3) + r % 3);
            }
            if (count) rows.back() = pool.data + poolRows * (n + 3) - n; // ends at the guard
            for (const Kernels *k : allKernels()) {
                std::vector<int32_t> out(count + 1, -1);
                k->dotI8Gather(q.data(), rows.data(), count, n, out.data());
                for (size_t i = 0; i < count; ++i)
                    QCOMPARE(int64_t(out[i]), dotI8Reference(q.data(), rows[i], n));
                QCOMPARE(out[count], -1); // nothing written past count
            }
        }
    }
}

void TestDistance::zeroVectors()
{
    QRandomGenerator g(5);
    for (size_t n : {size_t(1), size_t(17), size_t(384)}) {
        const std::vector<float> zero(n, 0.0f);
        std::vector<float> x(n);
        fill(x.data(), n, g, Fill::Uniform);
        const Reference r = reference(zero.data(), x.data(), n);
        std::vector<const float *> rows(6, zero.data());
        rows[2] = x.data();
        std::vector<float> out(rows.size());
        for (const Kernels *k : allKernels()) {
            QCOMPARE(k->dot(zero.data(), zero.data(), n), 0.0f);
            QCOMPARE(k->l2sq(zero.data(), zero.data(), n), 0.0f);
            QCOMPARE(k->dot(zero.data(), x.data(), n), 0.0f);
            QCOMPARE(k->l2sq(x.data(), x.data(), n), 0.0f); // every difference is exactly zero
            const QString e =
                check("l2sq", k->level, n, k->l2sq(zero.data(), x.data(), n), r.l2, r.l2, n + 3, Fill::Uniform);
            QVERIFY2(e.isEmpty(), qPrintable(e));
            k->dotGather(zero.data(), rows.data(), rows.size(), n, out.data());
            for (float v : out)
                QCOMPARE(v, 0.0f);
            k->l2sqGather(x.data(), rows.data(), rows.size(), n, out.data());
            QCOMPARE(out[2], 0.0f);
        }
    }
    QCOMPARE(norm(std::vector<float>(9, 0.0f).data(), 9), 0.0);
}

void TestDistance::hugeMagnitudes()
{
    QRandomGenerator g(31337);
    for (size_t n : {size_t(3), size_t(384), size_t(8192)}) {
        GuardedFloats q(n);
        fill(q.data(), n, g, Fill::Huge);
        GuardedMatrix m(5, n, n, g, Fill::Huge);
        for (const Kernels *k : allKernels()) {
            const QString pair = checkPair(*k, q.data(), m.row(0), n, Fill::Huge);
            QVERIFY2(pair.isEmpty(), qPrintable(pair));
            const QString rows = checkRows(*k, q.data(), m.rows, n, Fill::Huge, &m);
            QVERIFY2(rows.isEmpty(), qPrintable(rows));
        }
    }
}

void TestDistance::overflowGivesInfinity()
{
    // Each product fits in a float (1e38 < FLT_MAX), their sum does not: every
    // level must say +inf, not NaN or a wrapped value.
    const size_t n = 384;
    const std::vector<float> big(n, 1e19f), negBig(n, -1e19f);
    for (const Kernels *k : allKernels()) {
        const float dot = k->dot(big.data(), big.data(), n);
        const float l2 = k->l2sq(big.data(), negBig.data(), n);
        QVERIFY2(std::isinf(dot) && dot > 0, qPrintable(levelName(k->level)));
        QVERIFY2(std::isinf(l2) && l2 > 0, qPrintable(levelName(k->level)));
    }
}

void TestDistance::normUsesChosenKernels()
{
    QRandomGenerator g(8);
    std::vector<float> a(385);
    fill(a.data(), a.size(), g, Fill::Uniform);
    const Reference r = reference(a.data(), a.data(), a.size());
    QCOMPARE(norm(a.data(), a.size()), std::sqrt(double(kernels().dot(a.data(), a.data(), a.size()))));
    QVERIFY(std::abs(norm(a.data(), a.size()) - std::sqrt(r.dot)) <= gammaBound(a.size() + 1) * std::sqrt(r.dot));
    const std::vector<float> threeFour{3.0f, 4.0f};
    QCOMPARE(norm(threeFour.data(), 2), 5.0);
}

void TestDistance::resolveRespectsOverride_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected");
    const SimdLevel best = bestSupportedLevel();
    QTest::newRow("unset") << QByteArray() << int(best);
    QTest::newRow("blank") << QByteArray("  ") << int(best);
    QTest::newRow("scalar") << QByteArray("scalar") << int(SimdLevel::Scalar);
    QTest::newRow("sse") << QByteArray("sse") << int(expectedCap(SimdLevel::Sse));
    QTest::newRow("avx2") << QByteArray("avx2") << int(expectedCap(SimdLevel::Avx2));
    QTest::newRow("AVX512 with spaces") << QByteArray(" AVX512\n") << int(expectedCap(SimdLevel::Avx512));
}

void TestDistance::resolveRespectsOverride()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    const Kernels &k = resolveKernels(value);
    QCOMPARE(int(k.level), expected);
    QCOMPARE(&k, kernelsFor(SimdLevel(expected)));
    QCOMPARE(int(kernels().level), int(resolveKernels(qgetenv("SEXTANT_SIMD")).level));
}

void TestDistance::unknownOverrideWarnsAndUsesBest()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("SEXTANT_SIMD=neon is not one of")));
    QCOMPARE(resolveKernels("neon").level, bestSupportedLevel());
}

void TestDistance::environmentVariableCapsLevel_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    const QString best = levelName(bestSupportedLevel());
    QTest::newRow("unset") << QString() << best;
    QTest::newRow("scalar") << QStringLiteral("scalar") << QStringLiteral("scalar");
    QTest::newRow("sse") << QStringLiteral("sse") << levelName(expectedCap(SimdLevel::Sse));
    QTest::newRow("avx2") << QStringLiteral("avx2") << levelName(expectedCap(SimdLevel::Avx2));
    QTest::newRow("avx512") << QStringLiteral("avx512") << levelName(expectedCap(SimdLevel::Avx512));
    QTest::newRow("unknown") << QStringLiteral("altivec") << best;
}

void TestDistance::environmentVariableCapsLevel()
{
    // kernels() reads SEXTANT_SIMD once per process, so each value runs in a child.
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SEXTANT_SIMD"));
    if (!value.isNull()) env.insert(QStringLiteral("SEXTANT_SIMD"), value);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--print-kernels-level")});
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    QCOMPARE(QString::fromLatin1(child.readAllStandardOutput()).trimmed(), expected);
}

int main(int argc, char **argv)
{
    if (argc == 2 && qstrcmp(argv[1], "--print-kernels-level") == 0) {
        // The child of environmentVariableCapsLevel: the level, then a kernel call that must run.
        const Kernels &k = kernels();
        const float v[3] = {1.0f, 2.0f, 2.0f};
        if (k.dot(v, v, 3) != 9.0f || norm(v, 3) != 3.0) return 3;
        std::printf("%s\n", qPrintable(levelName(k.level)));
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestDistance test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_distance.moc"
