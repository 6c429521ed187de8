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
    // The integer kernel is the AVX2 one (AVX-512 CPUs have AVX2): 384 codes
    // are twelve 32-byte steps, and the graph's time goes to memory, not to
    // these instructions. The AVX2 level's tests cover the code.
    // |a| (unsigned) times b with a's sign, 32 bytes at a time: vpmaddubsw
    // sums pairs into 16 bits, which cannot saturate for codes in
    // [-127, 127] (2 * 127 * 127 = 32258), then vpmaddwd widens to 32 bits.
    SEXTANT_DISTANCE_INLINE static __m256i stepI8(const int8_t *a, const int8_t *b, __m256i ones, __m256i acc)
    {
        const __m256i va = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(a));
        const __m256i vb = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(b));
        const __m256i pairs = _mm256_maddubs_epi16(_mm256_sign_epi8(va, va), _mm256_sign_epi8(vb, va));
        return _mm256_add_epi32(acc, _mm256_madd_epi16(pairs, ones));
    }
    static SEXTANT_DISTANCE_TARGET int32_t dotI8(const int8_t *a, const int8_t *b, size_t n)
    {
        const __m256i ones = _mm256_set1_epi16(1);
        __m256i acc0 = _mm256_setzero_si256(), acc1 = _mm256_setzero_si256();
        size_t k = 0;
        for (; k + 64 <= n; k += 64) {
            acc0 = stepI8(a + k, b + k, ones, acc0);
            acc1 = stepI8(a + k + 32, b + k + 32, ones, acc1);
        }
        if (k + 32 <= n) {
            acc0 = stepI8(a + k, b + k, ones, acc0);
            k += 32;
        }
        const __m256i acc = _mm256_add_epi32(acc0, acc1);
        __m128i s4 = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
        s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0x4E));
        s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0xB1));
        int32_t s = _mm_cvtsi128_si32(s4);
        for (; k < n; ++k)
            s += int32_t(a[k]) * int32_t(b[k]);
        return s;
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
