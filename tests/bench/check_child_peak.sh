#!/usr/bin/env bash
# tst_bench_child_peak (see CMakeLists.txt): the peak memory sextant-bench
# reports for a child program (sextant-cli import in `search --cli-import`)
# is the program's own, not the bench's. Linux puts the high-water mark of
# the address space a child was started from into the child's wait4()
# figure, so a bench holding 3.6 GB read 3.6 GB for every sextant-cli it
# ran. Usage: check_child_peak.sh SEXTANT_BENCH
set -euo pipefail
bench=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
problems=0
fail() { echo "FAIL: $*"; problems=$((problems + 1)); }
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

# A bench holding 512 MiB runs /bin/true: the child's peak is a few MiB.
"$bench" _measure-child --hold-mib 512 /bin/true > "$work/small.json"
cat "$work/small.json"
parent=$(field "$work/small.json" parent_rss_MiB)
child=$(field "$work/small.json" child_peak_rss_MiB)
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 512 else 1)" "$parent" ||
  fail "the parent did not hold its 512 MiB ($parent MiB)"
python3 -c "import sys; sys.exit(0 if 0 < float(sys.argv[1]) < 128 else 1)" "$child" ||
  fail "/bin/true started from a 512 MiB bench reported $child MiB"

# A child that itself holds 300 MiB (the bench again) is reported with them.
"$bench" _measure-child "$bench" _measure-child --hold-mib 300 /bin/true > "$work/big.json" 2> "$work/big.log"
cat "$work/big.json"
child=$(field "$work/big.json" child_peak_rss_MiB)
python3 -c "import sys; sys.exit(0 if 300 <= float(sys.argv[1]) < 512 else 1)" "$child" ||
  fail "a child holding 300 MiB reported $child MiB"

# A failing program's exit status and a missing one are reported, not a figure.
if "$bench" _measure-child /bin/sh -c 'exit 3' > "$work/fail.json"; then fail "exit status 3 was reported as success"; fi
[ "$(field "$work/fail.json" exit_code)" = 3 ] || fail "exit status 3 not reported: $(cat "$work/fail.json")"
if "$bench" _measure-child "$work/no-such-program" > "$work/missing.json"; then fail "a missing program ran"; fi
grep -q 'did not run' "$work/missing.json" || fail "a missing program: $(cat "$work/missing.json")"

[ "$problems" -eq 0 ] && echo "child peak: all checks passed"
exit "$problems"
