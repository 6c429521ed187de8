#!/usr/bin/env bash
# Configures (once) and builds Sextant in ./build with two jobs.
# RelWithDebInfo with line tables only (-g1): backtraces, perf and gdb keep
# file and line, and compiling takes about a quarter less CPU than with full
# debug information (-g: 16.7 against 11.6 CPU s for engine/index/Search.cpp).
# The package is stripped either way. For full debug information configure
# the build yourself, e.g. -DCMAKE_BUILD_TYPE=Debug.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
fi
cmake --build build -j2
