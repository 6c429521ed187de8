#pragma once
// SEXTANT_API marks what the engine library exports. The engine is compiled
// with hidden symbols (-fvisibility=hidden -fvisibility-inlines-hidden), so
// only the classes and functions of include/sextant/ that carry this mark
// can be reached from the shared library libsextant_engine; everything else
// is private to it (the static sextant_engine_internal, for tests of
// internals, has every symbol).

#if defined(__GNUC__) || defined(__clang__)
#define SEXTANT_API __attribute__((visibility("default")))
#else
#define SEXTANT_API
#endif
