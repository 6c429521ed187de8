#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
# The postgres suites run against PGlite under Node (tools/install-pglite.sh,
# which CTest's pglite_install runs); without Node they are left out.
skip=()
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "run-tests.sh: node/npm not found; skipping the tests labelled postgres" >&2
  skip=(-LE postgres)
fi
ctest --test-dir build --output-on-failure -j2 "${skip[@]}" "$@"
