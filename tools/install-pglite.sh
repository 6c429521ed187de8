#!/usr/bin/env bash
# Installs the PGlite test server (tools/pglite: PostgreSQL in WebAssembly with
# pgvector and a socket server, pinned by package-lock.json) into DEST
# (default build/pglite), for the CTest suites labelled "postgres". Needs
# Node 18 or later and npm; prints why and exits 1 without them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:-$root/build/pglite}"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "install-pglite.sh: node and npm are needed for the postgres tests" >&2
  exit 1
fi
mkdir -p "$dest"
cp "$root/tools/pglite/package.json" "$root/tools/pglite/package-lock.json" "$root/tools/pglite/server.mjs" "$dest/"
if ! cmp -s "$dest/package-lock.json" "$dest/node_modules/.package-lock.json.installed" 2>/dev/null; then
  (cd "$dest" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dest/package-lock.json" "$dest/node_modules/.package-lock.json.installed"
fi
echo "PGlite test server installed in $dest"
