// The AVX2 level: 8 lanes with FMA; tails through masked loads (vmaskmovps
// does not fault on the masked-off elements, so no read goes past the end).

#include "index/Distance_p.h"

#if SEXTANT_DISTANCE_X86

#define SEXTANT_DISTANCE_TARGET __attribute__((target("avx2,fma")))
#include "index/Distance_impl.h"

#include <immintrin.h>

namespace sextant::distance::detail {
namespace {

// kTailMask + 8 - rem: the first rem lanes on, the rest off.
alignas(64) constexpr qint32 kTailMask[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};

#include "index/Distance_i8_avx2.h"

struct Avx2Lanes {
    using Reg = __m256;
    static constexpr size_t kLanes = 8;
    SEXTANT_DISTANCE_INLINE static Reg zero() { return _mm256_setzero_ps(); }
    SEXTANT_DISTANCE_INLINE static Reg load(const float *p) { return _mm256_loadu_ps(p); }
    SEXTANT_DISTANCE_INLINE static Reg loadTail(const float *p, size_t rem)
    {
        const __m256i mask = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(kTailMask + 8 - rem));
        return _mm256_maskload_ps(p, mask);
    }
    SEXTANT_DISTANCE_INLINE static Reg add(Reg a, Reg b) { return _mm256_add_ps(a, b); }
    SEXTANT_DISTANCE_INLINE static Reg sub(Reg a, Reg b) { return _mm256_sub_ps(a, b); }
    SEXTANT_DISTANCE_INLINE static Reg madd(Reg a, Reg b, Reg acc) { return _mm256_fmadd_ps(a, b, acc); }
    SEXTANT_DISTANCE_INLINE static float sum(Reg v)
    {
        const __m128 quad = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
        const __m128 pairs = _mm_add_ps(quad, _mm_movehl_ps(quad, quad));
        return _mm_cvtss_f32(_mm_add_ss(pairs, _mm_shuffle_ps(pairs, pairs, 1)));
    }
    SEXTANT_DISTANCE_INLINE static void sum4(Reg a, Reg b, Reg c, Reg d, float *out)
    {
        // hadd twice leaves, per 128-bit half, [sum a, sum b, sum c, sum d] of that half.
        const __m256 abcd = _mm256_hadd_ps(_mm256_hadd_ps(a, b), _mm256_hadd_ps(c, d));
        _mm_storeu_ps(out, _mm_add_ps(_mm256_castps256_ps128(abcd), _mm256_extractf128_ps(abcd, 1)));
    }
    static SEXTANT_DISTANCE_TARGET int32_t dotI8(const int8_t *a, const int8_t *b, size_t n)
    {
        return Avx2Int8::dotI8(a, b, n);
    }
};

} // namespace

const Kernels &avx2Kernels()
{
    static constexpr Kernels k = makeKernels<Avx2Lanes>(SimdLevel::Avx2);
    return k;
}

} // namespace sextant::distance::detail

#endif
