#!/usr/bin/env bash
# First command of the README: install, build, create a demo index in the
# user's data folder and open it in the desktop GUI (sextant). Without a
# display, it shows the same index through sextant-cli instead.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
cli=build/app/cli/sextant-cli
demo="${SEXTANT_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/sextant/demo}"

if [ ! -f "$demo/MANIFEST" ]; then
  echo "Creating a demo index in $demo"
  mkdir -p "$(dirname "$demo")"
  "$cli" create "$demo" --dims 64 --metric cosine
  # 5,000 seeded items in five topics: each topic is a cluster of vectors.
  awk 'BEGIN {
    srand(42); split("astronomy biology chemistry geology physics", topics, " ");
    for (i = 1; i <= 5000; i++) {
      t = (i % 5) + 1;
      printf "{\"id\":\"doc-%05d\",\"vector\":[", i;
      for (d = 0; d < 64; d++) {
        v = (d % 5 == t - 1 ? 1.0 : 0.0) + (rand() - 0.5) * 0.6;
        printf "%s%.5f", (d ? "," : ""), v;
      }
      printf "],\"metadata\":{\"topic\":\"%s\",\"year\":%d,\"title\":\"Note %d on %s\"}}\n",
        topics[t], 1990 + (i % 35), i, topics[t];
    }
  }' > "$demo.jsonl"
  "$cli" import "$demo" "$demo.jsonl"
  rm -f "$demo.jsonl"
fi

gui=build/app/gui/sextant
if [ -x "$gui" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  echo "Starting the Sextant GUI on $demo"
  exec "$gui" "$demo"
fi
echo "(No display: showing the demo index through sextant-cli. On a desktop, this"
echo " command opens it in the GUI: $gui \"$demo\")"

echo; echo "== sextant-cli info $demo"; "$cli" info "$demo"
echo; echo "== sextant-cli list $demo --limit 3"; "$cli" list "$demo" --limit 3
echo; echo "== sextant-cli get $demo doc-00042"; "$cli" get "$demo" doc-00042 | cut -c1-300
echo; echo "== sextant-cli query $demo --like doc-00042 -k 5 --filter '{\"year\": {\"\$gte\": 2010}}'"
"$cli" query "$demo" --like doc-00042 -k 5 --filter '{"year": {"$gte": 2010}}'
echo; echo "== sextant-cli recall $demo --sample 100"; "$cli" recall "$demo" --sample 100
echo; echo "== sextant-cli verify $demo --full"; "$cli" verify "$demo" --full
echo; echo "The demo index is in $demo; see docs/cli.md for every command."
