#pragma once
// Internal to the distance kernels: the per-level kernel tables that
// Distance.cpp dispatches between. Not part of the engine's API.

#include "index/Distance.h"

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define SEXTANT_DISTANCE_X86 1
#else
#define SEXTANT_DISTANCE_X86 0
#endif

namespace sextant::distance::detail {

const Kernels &scalarKernels(); // Distance.cpp
#if SEXTANT_DISTANCE_X86
const Kernels &sseKernels();    // Distance_sse.cpp
const Kernels &avx2Kernels();   // Distance_avx2.cpp
const Kernels &avx512Kernels(); // Distance_avx512.cpp
#endif

} // namespace sextant::distance::detail
