// Run-time choice of the distance kernels, and the portable (scalar) level.
//
// Detection follows Intel's SDM (§15.4 "Detection of AVX instructions" and
// §15.3 for AVX-512): the CPU must report the instructions in cpuid AND the
// OS must have enabled saving their registers (XCR0, read with xgetbv, only
// after cpuid says OSXSAVE). A CPU with AVX-512 under an OS or hypervisor
// that does not save ZMM state must not run AVX-512 code.

#define SEXTANT_DISTANCE_TARGET
#include "index/Distance_impl.h"
#include "sextant/Kernels.h"

#include <QDebug>

#include <cmath>

#if SEXTANT_DISTANCE_X86
#include <cpuid.h>
#endif

namespace sextant::distance {

namespace detail {
namespace {

struct ScalarLanes {
    using Reg = float;
    static constexpr size_t kLanes = 1;
    SEXTANT_DISTANCE_INLINE static Reg zero() { return 0.0f; }
    SEXTANT_DISTANCE_INLINE static Reg load(const float *p) { return *p; }
    SEXTANT_DISTANCE_INLINE static Reg loadTail(const float *, size_t) { return 0.0f; } // kLanes == 1: never called
    SEXTANT_DISTANCE_INLINE static Reg add(Reg a, Reg b) { return a + b; }
    SEXTANT_DISTANCE_INLINE static Reg sub(Reg a, Reg b) { return a - b; }
    SEXTANT_DISTANCE_INLINE static Reg madd(Reg a, Reg b, Reg acc) { return acc + a * b; }
    SEXTANT_DISTANCE_INLINE static float sum(Reg a) { return a; }
    SEXTANT_DISTANCE_INLINE static void sum4(Reg a, Reg b, Reg c, Reg d, float *out)
    {
        out[0] = a;
        out[1] = b;
        out[2] = c;
        out[3] = d;
    }
    // The reference for the other levels' integer kernels.
    static int32_t dotI8(const int8_t *a, const int8_t *b, size_t n)
    {
        int32_t s = 0;
        for (size_t i = 0; i < n; ++i)
            s += int32_t(a[i]) * int32_t(b[i]);
        return s;
    }
};

} // namespace

const Kernels &scalarKernels()
{
    static constexpr Kernels k = makeKernels<ScalarLanes>(SimdLevel::Scalar);
    return k;
}

} // namespace detail

#if SEXTANT_DISTANCE_X86
namespace {

struct CpuSupport {
    bool sse = false;
    bool avx2 = false;
    bool avx512 = false;
};

quint64 readXcr0()
{
    quint32 lo = 0, hi = 0;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (quint64(hi) << 32) | lo;
}

CpuSupport detectCpu()
{
    CpuSupport s;
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return s;
    s.sse = edx & bit_SSE2;
    const bool osxsave = ecx & bit_OSXSAVE;
    const bool avxFma = (ecx & bit_AVX) && (ecx & bit_FMA);
    const quint64 xcr0 = osxsave ? readXcr0() : 0;
    constexpr quint64 kYmmState = 0x6;  // XMM (bit 1) and upper YMM (bit 2)
    constexpr quint64 kZmmState = 0xE6; // those, opmask (5), ZMM0-15 upper halves (6), ZMM16-31 (7)
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) ebx = 0;
    s.avx2 = s.sse && osxsave && avxFma && (xcr0 & kYmmState) == kYmmState && (ebx & bit_AVX2);
    const unsigned avx512Bits = bit_AVX512F | bit_AVX512DQ | bit_AVX512BW | bit_AVX512VL;
    s.avx512 = s.avx2 && (xcr0 & kZmmState) == kZmmState && (ebx & avx512Bits) == avx512Bits;
    return s;
}

const CpuSupport &cpu()
{
    static const CpuSupport s = detectCpu();
    return s;
}

} // namespace
#endif

QString levelName(SimdLevel level)
{
    switch (level) {
    case SimdLevel::Scalar: return QStringLiteral("scalar");
    case SimdLevel::Sse: return QStringLiteral("sse");
    case SimdLevel::Avx2: return QStringLiteral("avx2");
    case SimdLevel::Avx512: return QStringLiteral("avx512");
    }
    return QStringLiteral("unknown");
}

std::optional<SimdLevel> levelFromName(QStringView name)
{
    const QStringView n = name.trimmed();
    for (SimdLevel l : {SimdLevel::Scalar, SimdLevel::Sse, SimdLevel::Avx2, SimdLevel::Avx512})
        if (n.compare(levelName(l), Qt::CaseInsensitive) == 0) return l;
    return std::nullopt;
}

const Kernels *kernelsFor(SimdLevel level)
{
    switch (level) {
    case SimdLevel::Scalar: return &detail::scalarKernels();
#if SEXTANT_DISTANCE_X86
    case SimdLevel::Sse: return cpu().sse ? &detail::sseKernels() : nullptr;
    case SimdLevel::Avx2: return cpu().avx2 ? &detail::avx2Kernels() : nullptr;
    case SimdLevel::Avx512: return cpu().avx512 ? &detail::avx512Kernels() : nullptr;
#else
    default: return nullptr;
#endif
    }
    return nullptr;
}

QList<SimdLevel> availableLevels()
{
    QList<SimdLevel> levels;
    for (SimdLevel l : {SimdLevel::Scalar, SimdLevel::Sse, SimdLevel::Avx2, SimdLevel::Avx512})
        if (kernelsFor(l)) levels.append(l);
    return levels;
}

SimdLevel bestSupportedLevel() { return availableLevels().constLast(); }

const Kernels &resolveKernels(QByteArrayView override)
{
    SimdLevel level = bestSupportedLevel();
    const QString name = QString::fromLatin1(override.data(), override.size()).trimmed();
    if (!name.isEmpty()) {
        if (const std::optional<SimdLevel> cap = levelFromName(name)) {
            // Levels are nested (each needs everything the one below needs),
            // so the lower of the two is always runnable here.
            level = std::min(level, *cap);
        } else {
            qWarning("SEXTANT_SIMD=%s is not one of scalar, sse, avx2, avx512; using %s", qPrintable(name),
                     qPrintable(levelName(level)));
        }
    }
    return *kernelsFor(level);
}

const Kernels &kernels()
{
    static const Kernels &chosen = resolveKernels(qgetenv("SEXTANT_SIMD"));
    return chosen;
}

double norm(const float *a, size_t n) { return std::sqrt(double(kernels().dot(a, a, n))); }

} // namespace sextant::distance

namespace sextant {

QString distanceKernelLevel() { return distance::levelName(distance::kernels().level); }

} // namespace sextant
