#!/usr/bin/env bash
# tst_bench_text_vectors: `sextant-bench text-vectors` reads plain and
# gzip-compressed documents, drops chunks whose vector it already has, writes
# exactly the rows asked for as a float32 .npy with a sources table beside it,
# gives the same bytes twice, never replaces a file, and says so when the
# folder holds too little text. Usage: check_text_vectors.sh SEXTANT_BENCH
set -uo pipefail
bench=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
problems=0
fail() { echo "FAIL: $*"; problems=$((problems + 1)); }

docs=$work/doc
mkdir -p "$docs/alpha" "$docs/beta" "$docs/gamma"
python3 - "$docs" <<'PY'
import gzip, random, sys
rng = random.Random(3)
words = "graph vector index search query recall segment manifest journal checksum cosine cluster".split()
def text(paragraphs):
    return "\n\n".join(" ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(60)) for _ in range(paragraphs))
open(f"{sys.argv[1]}/alpha/README", "w").write(text(30))
licence = text(20)
open(f"{sys.argv[1]}/alpha/copyright", "w").write(licence)
open(f"{sys.argv[1]}/beta/copyright", "w").write(licence)        # the same licence twice: one set of chunks
with gzip.open(f"{sys.argv[1]}/gamma/changelog.Debian.gz", "wt") as f:
    f.write(text(30))
open(f"{sys.argv[1]}/gamma/picture.png", "wb").write(bytes(range(256)) * 4)  # not a document
PY

# Distinct chunks: README, one copyright, the changelog; the second copyright adds none.
"$bench" text-vectors --docs "$docs" --n 5000 --chunk-size 300 --overlap 0 --out "$work/too-many.npy" > /dev/null 2> "$work/too-many.log"
status=$?
[ $status -ne 0 ] || fail "asking for more rows than the folder gives succeeded"
grep -q "give only" "$work/too-many.log" || fail "no clear message when the folder gives too few chunks: $(cat "$work/too-many.log")"
[ ! -e "$work/too-many.npy" ] || fail "a file was written although the run failed"
# The second copy of the licence adds no chunk: the count without it is the same.
mv "$docs/beta/copyright" "$work/copyright.moved"
"$bench" text-vectors --docs "$docs" --n 5000 --chunk-size 300 --overlap 0 --out "$work/too-many.npy" > /dev/null 2> "$work/without-copy.log"
mv "$work/copyright.moved" "$docs/beta/copyright"
[ "$(sed -n 's/.* give only \([0-9]*\) distinct.*/\1/p' "$work/too-many.log")" = \
  "$(sed -n 's/.* give only \([0-9]*\) distinct.*/\1/p' "$work/without-copy.log")" ] ||
  fail "a second copy of the same text added chunks: $(cat "$work/too-many.log" "$work/without-copy.log")"
# All of them, so that every document must have been read.
rows=$(sed -n 's/.* give only \([0-9]*\) distinct chunks.*/\1/p' "$work/too-many.log")
[ -n "$rows" ] && [ "$rows" -gt 10 ] || { fail "no count of distinct chunks in: $(cat "$work/too-many.log")"; rows=40; }

"$bench" text-vectors --docs "$docs" --n "$rows" --chunk-size 300 --overlap 0 --out "$work/a.npy" > "$work/a.json" 2> "$work/a.log" ||
  { cat "$work/a.log"; fail "text-vectors failed"; }
"$bench" text-vectors --docs "$docs" --n "$rows" --chunk-size 300 --overlap 0 --out "$work/b.npy" > "$work/b.json" 2> /dev/null ||
  fail "text-vectors failed the second time"
cmp -s "$work/a.npy" "$work/b.npy" || fail "two runs over the same folder wrote different files"
echo "x" > "$work/exists.npy"
if "$bench" text-vectors --docs "$docs" --n 10 --out "$work/exists.npy" > /dev/null 2>&1; then fail "an existing file was replaced"; fi
[ "$(cat "$work/exists.npy")" = "x" ] || fail "an existing file was changed"

python3 - "$work/a.npy" "$work/a.npy.sources.tsv" "$work/a.json" "$rows" <<'PY' || problems=$((problems + 1))
import ast, json, math, struct, sys
data = open(sys.argv[1], "rb").read()
n = int(sys.argv[4])
bad = []
if data[:6] != b"\x93NUMPY":
    bad.append("not a .npy file")
hlen = struct.unpack("<H", data[8:10])[0]
header = ast.literal_eval(data[10:10 + hlen].decode("latin1"))
if header["descr"] != "<f4" or header["fortran_order"] or header["shape"] != (n, 384):
    bad.append(f"header {header}")
body = data[10 + hlen:]
rows = [struct.unpack_from("<384f", body, 384 * 4 * r) for r in range(n)]
if len(set(rows)) != n:
    bad.append("duplicate rows")
if any(abs(math.sqrt(sum(x * x for x in r)) - 1) > 1e-3 for r in rows):
    bad.append("rows are not unit vectors (the embedder normalises)")
sources = open(sys.argv[2]).read().splitlines()
if len(sources) != n + 1:
    bad.append(f"{len(sources) - 1} source rows")
files = {line.split("\t")[1].split("/doc/")[1] for line in sources[1:]}
if "gamma/changelog.Debian.gz" not in files:
    bad.append(f"nothing from the .gz changelog: {sorted(files)}")
if any("picture.png" in f for f in files):
    bad.append("the PNG was read")
summary = json.load(open(sys.argv[3]))
print(json.dumps({k: summary[k] for k in ("rows", "files_read", "chunks", "duplicate_texts_dropped")}))
if bad:
    print("FAIL: " + "; ".join(bad))
    sys.exit(1)
PY
[ $problems -eq 0 ] || exit 1
echo "ok"
