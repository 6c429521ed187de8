#!/usr/bin/env bash
# Checks that every C++ file of the project is formatted as .clang-format says
# (clang-format-14, as Debian 12 ships it). Exits non-zero and lists the files
# that differ. Fix them with: tools/check-format.sh --fix
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=$(command -v clang-format-14 || true)
if [ -z "$formatter" ]; then
  echo "check-format.sh: clang-format-14 is not installed (apt-get install clang-format-14)" >&2
  exit 1
fi
mapfile -t files < <(git ls-files -- '*.cpp' '*.h' ':!:tests/fixtures/**' 2>/dev/null ||
                     find engine ui app tests -name '*.cpp' -o -name '*.h')
if [ "${1:-}" = "--fix" ]; then
  "$formatter" -i --style=file "${files[@]}"
  exit 0
fi
# One run over all files; each file that differs is named in a warning.
mapfile -t bad < <("$formatter" --dry-run --style=file "${files[@]}" 2>&1 |
                   sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning: code should be clang-formatted.*/\1/p' | sort -u)
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format.sh: ${#bad[@]} file(s) are not formatted as .clang-format says:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "Run tools/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format.sh: ${#files[@]} files formatted"
