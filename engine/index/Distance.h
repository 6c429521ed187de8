#pragma once
// Float32 distance kernels (dot product, squared Euclidean distance) for the
// exact scan and the ANN code, with one implementation per instruction-set
// level and the best one chosen once at run time. The binary itself stays
// baseline x86-64: the AVX2 and AVX-512 code carries per-function target
// attributes and only runs after cpuid and xgetbv say the CPU and the OS
// support it. Other architectures get the portable (scalar) kernels.
//
// Every kernel takes any length n (no alignment or padding needed) and
// accumulates in float; different levels sum in different orders, so their
// results differ in the last bits (see tst_distance for the bound).

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace sextant::distance {

// Ascending: each level's CPU requirements include the previous one's.
enum class SimdLevel {
    Scalar, // portable C++, every architecture
    Sse,    // SSE2, the x86-64 baseline (no FMA)
    Avx2,   // AVX2 + FMA, with the OS saving YMM state
    Avx512, // AVX-512 F/BW/VL/DQ, with the OS saving ZMM and mask state
};

// "scalar", "sse", "avx2", "avx512": the names SEXTANT_SIMD takes.
QString levelName(SimdLevel level);
// The inverse of levelName (case-insensitive, surrounding spaces ignored); nullopt for anything else.
std::optional<SimdLevel> levelFromName(QStringView name);

struct Kernels {
    SimdLevel level;
    float (*dot)(const float *a, const float *b, size_t n);
    float (*l2sq)(const float *a, const float *b, size_t n); // squared Euclidean distance
    // out[i] = dot(q, base + i*stride) for i < count; stride in floats, >= n
    // (the rows of a matrix such as a memory-mapped segment).
    void (*dotMany)(const float *q, const float *base, size_t stride, size_t count, size_t n, float *out);
    void (*l2sqMany)(const float *q, const float *base, size_t stride, size_t count, size_t n, float *out);
    // The same over scattered rows: out[i] = dot(q, rows[i]).
    void (*dotGather)(const float *q, const float *const *rows, size_t count, size_t n, float *out);
    void (*l2sqGather)(const float *q, const float *const *rows, size_t count, size_t n, float *out);
    // 8-bit codes (quantized graphs, index/Graph.cpp): the exact integer dot
    // product of two rows of n int8 values in [-127, 127] (no level may
    // saturate there; -128 is never written), and the same over scattered rows.
    int32_t (*dotI8)(const int8_t *a, const int8_t *b, size_t n);
    void (*dotI8Gather)(const int8_t *q, const int8_t *const *rows, size_t count, size_t n, int32_t *out);
};

// The kernels of the best level this CPU and OS support, capped by the
// environment variable SEXTANT_SIMD (scalar|sse|avx2|avx512). Resolved once,
// on first use; thread-safe.
const Kernels &kernels();

// What kernels() would resolve to with SEXTANT_SIMD set to `override`: the
// lower of the named level and the best supported one. Empty means no cap;
// an unknown name is warned about (qWarning) and ignored. Exposed so tests can
// check the override without restarting the process.
const Kernels &resolveKernels(QByteArrayView override);

// The kernels of one level, or nullptr when this CPU (or build) cannot run it.
const Kernels *kernelsFor(SimdLevel level);

// Every level that runs here, ascending (always starts with Scalar).
QList<SimdLevel> availableLevels();

// The best level this CPU and OS support, ignoring SEXTANT_SIMD.
SimdLevel bestSupportedLevel();

// sqrt(dot(a, a)) with kernels().
double norm(const float *a, size_t n);

} // namespace sextant::distance
