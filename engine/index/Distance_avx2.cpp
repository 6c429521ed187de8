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

const Kernels &avx2Kernels()
{
    static constexpr Kernels k = makeKernels<Avx2Lanes>(SimdLevel::Avx2);
    return k;
}

} // namespace sextant::distance::detail

#endif
