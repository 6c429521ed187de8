// The AVX-512 level: 16 lanes with FMA; tails through zero-masked loads
// (masked-off elements are never read, so no read goes past the end).

// GCC 12's AVX-512 intrinsics (casts, extracts, shuffles) pass _mm*_undefined_*()
// as the unused merge source, which -Wuninitialized flags once inlined (GCC bug
// 105593, fixed in GCC 13). The pragma must precede every include that may pull
// in <immintrin.h>.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "index/Distance_p.h"

#if SEXTANT_DISTANCE_X86

#define SEXTANT_DISTANCE_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx2,fma")))
#include "index/Distance_impl.h"

#include <immintrin.h>

namespace sextant::distance::detail {
namespace {

#include "index/Distance_i8_avx2.h"

struct Avx512Lanes {
    using Reg = __m512;
    static constexpr size_t kLanes = 16;
    SEXTANT_DISTANCE_INLINE static Reg zero() { return _mm512_setzero_ps(); }
    SEXTANT_DISTANCE_INLINE static Reg load(const float *p) { return _mm512_loadu_ps(p); }
    SEXTANT_DISTANCE_INLINE static Reg loadTail(const float *p, size_t rem)
    {
        return _mm512_maskz_loadu_ps(__mmask16((1u << rem) - 1u), p);
    }
    SEXTANT_DISTANCE_INLINE static Reg add(Reg a, Reg b) { return _mm512_add_ps(a, b); }
    SEXTANT_DISTANCE_INLINE static Reg sub(Reg a, Reg b) { return _mm512_sub_ps(a, b); }
    SEXTANT_DISTANCE_INLINE static Reg madd(Reg a, Reg b, Reg acc) { return _mm512_fmadd_ps(a, b, acc); }
    SEXTANT_DISTANCE_INLINE static float sum(Reg v) { return _mm512_reduce_add_ps(v); }
    // Lanes 0-7 plus lanes 8-15.
    SEXTANT_DISTANCE_INLINE static __m256 halves(Reg v)
    {
        return _mm256_add_ps(_mm512_castps512_ps256(v), _mm512_extractf32x8_ps(v, 1));
    }
    SEXTANT_DISTANCE_INLINE static void sum4(Reg a, Reg b, Reg c, Reg d, float *out)
    {
        // Fold each to 8 lanes, then hadd twice: per 128-bit half, [sum a, sum b, sum c, sum d].
        const __m256 abcd = _mm256_hadd_ps(_mm256_hadd_ps(halves(a), halves(b)), _mm256_hadd_ps(halves(c), halves(d)));
        _mm_storeu_ps(out, _mm_add_ps(_mm256_castps256_ps128(abcd), _mm256_extractf128_ps(abcd, 1)));
    }
    // The integer kernel is the AVX2 one (Distance_i8_avx2.h).
    static SEXTANT_DISTANCE_TARGET int32_t dotI8(const int8_t *a, const int8_t *b, size_t n)
    {
        return Avx2Int8::dotI8(a, b, n);
    }
};

} // namespace

const Kernels &avx512Kernels()
{
    static constexpr Kernels k = makeKernels<Avx512Lanes>(SimdLevel::Avx512);
    return k;
}

} // namespace sextant::distance::detail

#endif
