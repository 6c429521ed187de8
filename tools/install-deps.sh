#!/usr/bin/env bash
# Installs every Debian 12 package Sextant needs to build, test and package.
# Keep this list in step with the table in README.md.
set -euo pipefail
packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libhnswlib-dev libssl-dev libxxhash-dev libarchive-dev libpoppler-qt6-dev libpq-dev
  librsvg2-bin clang-format-14
  dpkg-dev file lintian desktop-file-utils appstream
  python3-numpy
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
