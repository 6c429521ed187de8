#!/usr/bin/env bash
# tst_bench_search_recall (see CMakeLists.txt). Usage: check_search_recall.sh SEXTANT_BENCH PEER
set -euo pipefail
bench=$1 peer=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 3,000 clustered rows of 32 dimensions, each scaled to a length between 0.1
# and 10: under cosine the scale does not matter, under a raw inner product
# it decides the ranking. The last 50 rows are the queries.
python3 - "$work/data.fvecs" <<'PY'
import math, random, struct, sys
rng = random.Random(7)
dims, rows = 32, 3000
centres = [[rng.gauss(0, 1) for _ in range(dims)] for _ in range(20)]
with open(sys.argv[1], "wb") as f:
    for _ in range(rows):
        c = rng.choice(centres)
        v = [x + rng.gauss(0, 0.6) for x in c]
        n = math.sqrt(sum(x * x for x in v))
        scale = 10 ** rng.uniform(-1, 1) / n
        f.write(struct.pack("<i", dims) + struct.pack("<%df" % dims, *(x * scale for x in v)))
PY

problems=0
fail() { echo "FAIL: $*"; problems=$((problems + 1)); }

# The peer alone, computing its own truth by brute force.
if ! "$peer" --base "$work/data.fvecs" --queries 50 --efs 16,256 --warmup 0 > "$work/peer.json" 2> "$work/peer.log"; then
  cat "$work/peer.log"; fail "sextant-hnswlib-peer failed"
fi

# Both sides through sextant-bench search, one run, scored against Sextant's exact search.
if ! "$bench" search --base "$work/data.fvecs" --queries 50 --runs 1 --efs 16,256 --no-extras \
     --peer "$peer" --dir "$work" > "$work/search.json" 2> "$work/search.log"; then
  cat "$work/search.log"; fail "sextant-bench search failed"
fi

# The same, with Sextant's index built by sextant-cli create + import as child
# programs: their output must not reach the bench's JSON, and the items they
# name (v:ROW) must score as the in-process ones do.
if ! "$bench" search --base "$work/data.fvecs" --queries 50 --runs 1 --efs 16,256 --no-extras --cli-import \
     --peer "$peer" --dir "$work" > "$work/cli.json" 2> "$work/cli.log"; then
  cat "$work/cli.log"; fail "sextant-bench search --cli-import failed"
fi

python3 - "$work/peer.json" "$work/search.json" "$work/cli.json" <<'PY' || problems=$((problems + 1))
import json, sys
peer = json.load(open(sys.argv[1]))
search = json.load(open(sys.argv[2]))
bad = []
def check(what, value, low):
    print(f"{what}: {value:.3f} (at least {low})")
    if not value >= low:
        bad.append(what)
check("peer alone, recall@10 at ef 256", peer["ann"][-1]["recall_at_k"], 0.95)
run = search["runs"][0]
check("search, hnswlib recall@10 at ef 256", run["hnswlib"]["ann"][-1]["recall_at_k"], 0.95)
check("search, Sextant recall@10 at ef 256", run["sextant"]["ann"][-1]["recall_at_10"], 0.95)
check("search, the peer's exact top-10 agreeing with Sextant's", search["peer"]["truth"]["agreement"], 0.99)
cli = json.load(open(sys.argv[3]))
check("search --cli-import, Sextant recall@10 at ef 256", cli["runs"][0]["sextant"]["ann"][-1]["recall_at_10"], 0.95)
check("search --cli-import, hnswlib recall@10 at ef 256", cli["runs"][0]["hnswlib"]["ann"][-1]["recall_at_k"], 0.95)
build = cli["summary"]["build_medians"]
for key in ("sextant_cli_import_peak_rss_MiB", "hnswlib_peak_rss_MiB", "sextant_open_and_graph_load_rss_anon_growth_MiB"):
    if not build.get(key, 0) > 0:
        bad.append("--cli-import " + key)
rows = search["summary"]["per_ef_medians"]
if [r["ef"] for r in rows] != [16, 256] or not all("hnswlib" in r and "sextant" in r for r in rows):
    bad.append("per-ef medians of both sides")
if bad:
    print("FAIL: " + ", ".join(bad))
    sys.exit(1)
PY

[ $problems -eq 0 ] || exit 1
echo "ok"
