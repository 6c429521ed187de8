// The SSE level: SSE2 only (the x86-64 baseline; no FMA, no masked loads).

#include "index/Distance_p.h"

#if SEXTANT_DISTANCE_X86

#define SEXTANT_DISTANCE_TARGET __attribute__((target("sse2")))
#include "index/Distance_impl.h"

#include <immintrin.h>

namespace sextant::distance::detail {
namespace {

struct SseLanes {
    using Reg = __m128;
    static constexpr size_t kLanes = 4;
    SEXTANT_DISTANCE_INLINE static Reg zero() { return _mm_setzero_ps(); }
    SEXTANT_DISTANCE_INLINE static Reg load(const float *p) { return _mm_loadu_ps(p); }
    SEXTANT_DISTANCE_INLINE static Reg loadTail(const float *p, size_t rem)
    {
        float t[4] = {0.0f, 0.0f, 0.0f, 0.0f};
        for (size_t i = 0; i < rem; ++i)
            t[i] = p[i];
        return _mm_loadu_ps(t);
    }
    SEXTANT_DISTANCE_INLINE static Reg add(Reg a, Reg b) { return _mm_add_ps(a, b); }
    SEXTANT_DISTANCE_INLINE static Reg sub(Reg a, Reg b) { return _mm_sub_ps(a, b); }
    SEXTANT_DISTANCE_INLINE static Reg madd(Reg a, Reg b, Reg acc) { return _mm_add_ps(acc, _mm_mul_ps(a, b)); }
    SEXTANT_DISTANCE_INLINE static float sum(Reg v)
    {
        const __m128 pairs = _mm_add_ps(v, _mm_movehl_ps(v, v));
        return _mm_cvtss_f32(_mm_add_ss(pairs, _mm_shuffle_ps(pairs, pairs, 1)));
    }
    SEXTANT_DISTANCE_INLINE static void sum4(Reg a, Reg b, Reg c, Reg d, float *out)
    {
        _MM_TRANSPOSE4_PS(a, b, c, d);
        _mm_storeu_ps(out, _mm_add_ps(_mm_add_ps(a, b), _mm_add_ps(c, d)));
    }
    // SSE2 has no byte multiply: widen to 16 bits (unpack with itself, then
    // an arithmetic shift keeps the sign) and multiply-add pairs into 32 bits.
    static SEXTANT_DISTANCE_TARGET int32_t dotI8(const int8_t *a, const int8_t *b, size_t n)
    {
        __m128i acc0 = _mm_setzero_si128(), acc1 = _mm_setzero_si128();
        size_t k = 0;
        for (; k + 16 <= n; k += 16) {
            const __m128i va = _mm_loadu_si128(reinterpret_cast<const __m128i *>(a + k));
            const __m128i vb = _mm_loadu_si128(reinterpret_cast<const __m128i *>(b + k));
            const __m128i alo = _mm_srai_epi16(_mm_unpacklo_epi8(va, va), 8);
            const __m128i ahi = _mm_srai_epi16(_mm_unpackhi_epi8(va, va), 8);
            const __m128i blo = _mm_srai_epi16(_mm_unpacklo_epi8(vb, vb), 8);
            const __m128i bhi = _mm_srai_epi16(_mm_unpackhi_epi8(vb, vb), 8);
            acc0 = _mm_add_epi32(acc0, _mm_madd_epi16(alo, blo));
            acc1 = _mm_add_epi32(acc1, _mm_madd_epi16(ahi, bhi));
        }
        __m128i acc = _mm_add_epi32(acc0, acc1);
        acc = _mm_add_epi32(acc, _mm_shuffle_epi32(acc, 0x4E));
        acc = _mm_add_epi32(acc, _mm_shuffle_epi32(acc, 0xB1));
        int32_t s = _mm_cvtsi128_si32(acc);
        for (; k < n; ++k)
            s += int32_t(a[k]) * int32_t(b[k]);
        return s;
    }
};

} // namespace

const Kernels &sseKernels()
{
    static constexpr Kernels k = makeKernels<SseLanes>(SimdLevel::Sse);
    return k;
}

} // namespace sextant::distance::detail

#endif
