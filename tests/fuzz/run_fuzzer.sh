#!/bin/sh
# Runs one fuzz target for a while, from a build made with
# -DSEXTANT_BUILD_FUZZERS=ON (docs/fuzzing.md). New inputs go to
# BUILD/fuzz-work/NAME/corpus (the committed corpus is only read), crashes
# to BUILD/fuzz-work/NAME/, and libFuzzer's log to BUILD/fuzz-work/NAME/fuzz-0.log.
#
#   tests/fuzz/run_fuzzer.sh BUILD NAME [SECONDS] [extra libFuzzer options...]
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 BUILD_DIR TARGET [SECONDS] [libFuzzer options...]" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
name=$2
seconds=${3:-600}
[ $# -ge 3 ] && shift 3 || shift 2
src=$(cd "$(dirname "$0")" && pwd)
work="$build/fuzz-work/$name"
mkdir -p "$work/corpus"
dict=""
[ -f "$src/dict/$name.dict" ] && dict="-dict=$src/dict/$name.dict"
cd "$work"
# -jobs=1 runs one fuzzing process (in the background of this one, logging
# to fuzz-0.log); raise it only on a machine with cores to spare.
exec "$build/tests/fuzz/fuzz_$name" corpus "$src/corpus/$name" $dict \
    -max_total_time="$seconds" -jobs=1 -print_final_stats=1 -rss_limit_mb=2048 \
    -artifact_prefix="$work/" "$@"
