// The shape of every distance kernel, written once over a "lanes" type that
// each level supplies (float, __m128, __m256, __m512). Included by exactly
// one .cpp per level (Distance.cpp, Distance_sse.cpp, Distance_avx2.cpp,
// Distance_avx512.cpp), after it has defined SEXTANT_DISTANCE_TARGET (that
// level's function attribute, e.g. target("avx2,fma"); empty for scalar)
// and its lanes type.
//
// Everything here sits in an anonymous namespace on purpose: each including
// file gets its own copy, compiled for its own instruction set only. Shared
// (inline, external-linkage) code would let the linker pick an AVX copy for
// callers that run on any CPU.
//
// A lanes type V provides:
//   using Reg; static constexpr size_t kLanes;
//   zero(), load(p), loadTail(p, rem) (the first rem < kLanes floats, zeros
//   after them; never reads past p + rem), add, sub, madd(a, b, acc) =
//   acc + a*b, sum(r) (horizontal), sum4(a, b, c, d, out) (out[0..3] =
//   the horizontal sums of a, b, c, d), and dotI8(a, b, n) (the exact
//   integer dot product of n int8 codes in [-127, 127]).

#ifndef SEXTANT_DISTANCE_TARGET
#error "define SEXTANT_DISTANCE_TARGET before including Distance_impl.h"
#endif

#include "index/Distance_p.h"

#include <cstddef>
#include <cstdint>

#define SEXTANT_DISTANCE_INLINE SEXTANT_DISTANCE_TARGET __attribute__((always_inline)) inline

namespace sextant::distance::detail {
namespace {

// How far ahead (in rows of each of the four streams) the gather kernels
// prefetch scattered rows: 8 x 4 rows of 384 floats is 48 KiB ahead, enough
// to cover DRAM latency, little enough to stay in L2 until used. Distances of
// 1 to 16 measured within noise of each other; none was worst.
constexpr size_t kPrefetchRows = 8;
constexpr size_t kFloatsPerLine = 16; // 64-byte cache lines

struct DotStep {
    template <class V>
    SEXTANT_DISTANCE_INLINE static typename V::Reg apply(typename V::Reg q, typename V::Reg r, typename V::Reg acc)
    {
        return V::madd(q, r, acc);
    }
};

struct L2Step {
    template <class V>
    SEXTANT_DISTANCE_INLINE static typename V::Reg apply(typename V::Reg q, typename V::Reg r, typename V::Reg acc)
    {
        const typename V::Reg d = V::sub(q, r);
        return V::madd(d, d, acc);
    }
};

// A matrix needs no software prefetch: read as four sequential streams, the
// hardware prefetchers keep up (measured: prefetching 2 to 16 rows ahead cost
// 10-20% of the bandwidth). Scattered rows get it.
struct StridedRows {
    static constexpr bool kPrefetch = false;
    const float *base;
    size_t stride;
    const float *row(size_t i) const { return base + i * stride; }
};

struct GatheredRows {
    static constexpr bool kPrefetch = true;
    const float *const *rows;
    const float *row(size_t i) const { return rows[i]; }
};

inline void prefetchRead(const float *p) { __builtin_prefetch(p, 0, 3); }

// One pair: four independent accumulators hide the add/FMA latency.
template <class V, class Step>
SEXTANT_DISTANCE_TARGET float onePair(const float *a, const float *b, size_t n)
{
    constexpr size_t L = V::kLanes;
    typename V::Reg s0 = V::zero(), s1 = V::zero(), s2 = V::zero(), s3 = V::zero();
    size_t k = 0;
    for (; k + 4 * L <= n; k += 4 * L) {
        s0 = Step::template apply<V>(V::load(a + k), V::load(b + k), s0);
        s1 = Step::template apply<V>(V::load(a + k + L), V::load(b + k + L), s1);
        s2 = Step::template apply<V>(V::load(a + k + 2 * L), V::load(b + k + 2 * L), s2);
        s3 = Step::template apply<V>(V::load(a + k + 3 * L), V::load(b + k + 3 * L), s3);
    }
    for (; k + L <= n; k += L)
        s0 = Step::template apply<V>(V::load(a + k), V::load(b + k), s0);
    if constexpr (L > 1) {
        if (k < n) s1 = Step::template apply<V>(V::loadTail(a + k, n - k), V::loadTail(b + k, n - k), s1);
    }
    return V::sum(V::add(V::add(s0, s1), V::add(s2, s3)));
}

// Four rows at a time share each load of the query; two accumulators per
// row give eight independent chains. The four rows come from the four
// quarters of the range (j, j + Q, j + 2Q, j + 3Q), not from four neighbours:
// on a matrix that makes four long sequential streams, which the hardware
// prefetchers follow, where four neighbouring rows would interleave within
// the same pages and defeat them (measured: about half the bandwidth).
// For scattered rows, which the hardware cannot predict, the rows
// kPrefetchRows ahead in each stream are prefetched, one cache line per line
// consumed.
template <class V, class Step, class Rows>
SEXTANT_DISTANCE_TARGET void rowBlocks(const float *q, Rows rows, size_t count, size_t n, float *out)
{
    using Reg = typename V::Reg;
    constexpr size_t L = V::kLanes;
    const size_t quarter = count / 4;
    for (size_t j = 0; j < quarter; ++j) {
        const size_t i0 = j, i1 = j + quarter, i2 = j + 2 * quarter, i3 = j + 3 * quarter;
        const float *r0 = rows.row(i0), *r1 = rows.row(i1), *r2 = rows.row(i2), *r3 = rows.row(i3);
        const size_t ahead = Rows::kPrefetch && j + kPrefetchRows < quarter ? kPrefetchRows : 0;
        const float *p0 = rows.row(i0 + ahead), *p1 = rows.row(i1 + ahead), *p2 = rows.row(i2 + ahead),
                    *p3 = rows.row(i3 + ahead);
        Reg a0 = V::zero(), a1 = V::zero(), a2 = V::zero(), a3 = V::zero();
        Reg b0 = V::zero(), b1 = V::zero(), b2 = V::zero(), b3 = V::zero();
        size_t k = 0;
        for (; k + 2 * L <= n; k += 2 * L) {
            if (Rows::kPrefetch && (2 * L >= kFloatsPerLine || k % kFloatsPerLine == 0)) {
                for (size_t line = 0; line < 2 * L; line += kFloatsPerLine) {
                    prefetchRead(p0 + k + line);
                    prefetchRead(p1 + k + line);
                    prefetchRead(p2 + k + line);
                    prefetchRead(p3 + k + line);
                }
            }
            const Reg qa = V::load(q + k), qb = V::load(q + k + L);
            a0 = Step::template apply<V>(qa, V::load(r0 + k), a0);
            b0 = Step::template apply<V>(qb, V::load(r0 + k + L), b0);
            a1 = Step::template apply<V>(qa, V::load(r1 + k), a1);
            b1 = Step::template apply<V>(qb, V::load(r1 + k + L), b1);
            a2 = Step::template apply<V>(qa, V::load(r2 + k), a2);
            b2 = Step::template apply<V>(qb, V::load(r2 + k + L), b2);
            a3 = Step::template apply<V>(qa, V::load(r3 + k), a3);
            b3 = Step::template apply<V>(qb, V::load(r3 + k + L), b3);
        }
        if (k + L <= n) {
            const Reg qa = V::load(q + k);
            a0 = Step::template apply<V>(qa, V::load(r0 + k), a0);
            a1 = Step::template apply<V>(qa, V::load(r1 + k), a1);
            a2 = Step::template apply<V>(qa, V::load(r2 + k), a2);
            a3 = Step::template apply<V>(qa, V::load(r3 + k), a3);
            k += L;
        }
        if constexpr (L > 1) {
            if (k < n) {
                const size_t rem = n - k;
                const Reg qt = V::loadTail(q + k, rem);
                b0 = Step::template apply<V>(qt, V::loadTail(r0 + k, rem), b0);
                b1 = Step::template apply<V>(qt, V::loadTail(r1 + k, rem), b1);
                b2 = Step::template apply<V>(qt, V::loadTail(r2 + k, rem), b2);
                b3 = Step::template apply<V>(qt, V::loadTail(r3 + k, rem), b3);
            }
        }
        float sums[4];
        V::sum4(V::add(a0, b0), V::add(a1, b1), V::add(a2, b2), V::add(a3, b3), sums);
        out[i0] = sums[0];
        out[i1] = sums[1];
        out[i2] = sums[2];
        out[i3] = sums[3];
    }
    for (size_t i = 4 * quarter; i < count; ++i)
        out[i] = onePair<V, Step>(q, rows.row(i), n);
}

template <class V, class Step>
SEXTANT_DISTANCE_TARGET void manyRows(const float *q, const float *base, size_t stride, size_t count, size_t n,
                                      float *out)
{
    rowBlocks<V, Step>(q, StridedRows{base, stride}, count, n, out);
}

template <class V, class Step>
SEXTANT_DISTANCE_TARGET void gatherRows(const float *q, const float *const *rows, size_t count, size_t n, float *out)
{
    rowBlocks<V, Step>(q, GatheredRows{rows}, count, n, out);
}

// Codes of scattered rows (graph neighbours): each row is one short
// sequential read; the next rows are prefetched while one is scored.
template <class V>
SEXTANT_DISTANCE_TARGET void gatherI8(const int8_t *q, const int8_t *const *rows, size_t count, size_t n, int32_t *out)
{
    constexpr size_t kAhead = 2;
    for (size_t i = 0; i < count && i < kAhead; ++i)
        for (size_t line = 0; line < n; line += 64)
            __builtin_prefetch(rows[i] + line, 0, 3);
    for (size_t i = 0; i < count; ++i) {
        if (i + kAhead < count)
            for (size_t line = 0; line < n; line += 64)
                __builtin_prefetch(rows[i + kAhead] + line, 0, 3);
        out[i] = V::dotI8(q, rows[i], n);
    }
}

template <class V>
constexpr Kernels makeKernels(SimdLevel level)
{
    return Kernels{level,
                   &onePair<V, DotStep>,
                   &onePair<V, L2Step>,
                   &manyRows<V, DotStep>,
                   &manyRows<V, L2Step>,
                   &gatherRows<V, DotStep>,
                   &gatherRows<V, L2Step>,
                   &V::dotI8,
                   &gatherI8<V>};
}

} // namespace
} // namespace sextant::distance::detail
