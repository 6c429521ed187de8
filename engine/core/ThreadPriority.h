#pragma once
// Background threads (the HNSW graph's maintenance) run at a lower
// scheduling priority than the threads a user waits on.

namespace sextant {

// Lowers the calling thread's priority (Linux: nice +10 for this thread
// only; threads it creates afterwards inherit it). Best effort: a failure
// is ignored.
void lowerCurrentThreadPriority();

} // namespace sextant
