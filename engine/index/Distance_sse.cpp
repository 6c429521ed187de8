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
};

} // namespace

const Kernels &sseKernels()
{
    static constexpr Kernels k = makeKernels<SseLanes>(SimdLevel::Sse);
    return k;
}

} // namespace sextant::distance::detail

#endif
