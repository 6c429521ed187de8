#pragma once
// Which distance kernels this process uses, for people (the About box). The
// kernels themselves are private to the engine (index/Distance.h).

#include "sextant/Api.h"

#include <QString>

namespace sextant {

// "scalar", "sse", "avx2" or "avx512": the best level this CPU and OS run,
// capped by SEXTANT_SIMD (docs/architecture.md, "Distance kernels").
SEXTANT_API QString distanceKernelLevel();

} // namespace sextant
