#pragma once
// `sextant-bench kernels`: the distance kernels of engine/index/Distance.h at
// every SIMD level this CPU runs.

#include <QStringList>

namespace sextant::bench {

int runKernels(const QStringList &args);

} // namespace sextant::bench
