#!/usr/bin/env bash
# Builds the Debian package from ./build (cpack -G DEB) and checks it: the
# desktop file (desktop-file-validate), the AppStream metainfo (appstreamcli
# validate) and the whole package (lintian). Exits non-zero on any error or
# warning. Prints the package's path last.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
rm -f build/sextant_*.deb
(cd build && cpack -G DEB > cpack.log 2>&1) || { cat build/cpack.log; exit 1; }
deb=$(ls build/sextant_*.deb)
echo "== $deb"
dpkg-deb --field "$deb" Package Version Architecture Section Priority Depends Recommends
dpkg-deb --contents "$deb" | awk '{ print $1, $6, $7, $8 }'

contents=$(mktemp -d)
trap 'rm -rf "$contents"' EXIT
dpkg-deb --extract "$deb" "$contents"
echo "== desktop-file-validate"
desktop-file-validate "$contents"/usr/share/applications/*.desktop
echo "ok"
echo "== appstreamcli validate --no-net --pedantic"
appstreamcli validate --no-net --pedantic "$contents"/usr/share/metainfo/*.metainfo.xml
echo "== lintian (fails on errors and warnings; info and pedantic tags shown)"
lintian --fail-on error,warning --display-info --pedantic "$deb"
echo "lintian: no errors or warnings"
echo "$deb"
