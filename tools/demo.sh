#!/usr/bin/env bash
# First command of the README: install, build, make the demo index in the
# user's data folder and open it in the desktop GUI (sextant) on the Query
# view with an example question. The index is made by the GUI's own
# first-run code (ui/DemoIndex.cpp, the start page's "Create a Demo Index"):
# the texts of resources/demo, embedded with the built-in embedder. Without
# a display, it shows the same index through sextant-cli instead.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
cli=build/app/cli/sextant-cli
gui=build/app/gui/sextant
# Where the GUI keeps it (QStandardPaths::AppLocalDataLocation + /demo).
demo="${SEXTANT_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/Sextant/Sextant/demo}"
question="how do sailors find their position at night"

mkdir -p "$(dirname "$demo")"
if [ -x "$gui" ]; then
  # No window: makes the index (unless it is there already) and exits.
  "$gui" --create-demo "$demo"
elif [ ! -f "$demo/MANIFEST" ]; then
  # A build without the GUI: the same texts through the CLI's importer.
  "$cli" import "$demo" resources/demo/*.md resources/demo/*.txt resources/demo/*.html
fi

if [ -x "$gui" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  echo "Starting the Sextant GUI on $demo"
  exec "$gui" --demo "$demo"
fi
echo "(No display: showing the demo index through sextant-cli. On a desktop, this"
echo " command opens it in the GUI: $gui --demo \"$demo\")"

echo; echo "== sextant-cli info $demo"; "$cli" info "$demo"
echo; echo "== sextant-cli documents $demo"; "$cli" documents "$demo"
echo; echo "== sextant-cli query $demo --text \"$question\" -k 5"
"$cli" query "$demo" --text "$question" -k 5
echo; echo "== sextant-cli query $demo --text \"sourdough\" --mode keyword -k 3"
"$cli" query "$demo" --text "sourdough" --mode keyword -k 3
echo; echo "== sextant-cli verify $demo --full"; "$cli" verify "$demo" --full
echo; echo "The demo index is in $demo; see docs/cli.md for every command."
