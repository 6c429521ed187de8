#!/usr/bin/env bash
# tst_package_contents: installs the build (`cmake --install`, which copies
# what is built and builds nothing) into a temporary prefix, as CPack does
# for the .deb, and checks that everything the package must hold is there
# and usable. Fails with the list of what is missing or wrong.
#
# Usage: check_package_contents.sh BUILD_DIR SOURCE_DIR APP_ID VERSION DEBIAN_VERSION PRIVATE_LIBDIR SOVERSION
set -uo pipefail
build=$1 source=$2 app_id=$3 version=$4 debian_version=$5 private_libdir=$6 soversion=$7

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
prefix=$root/usr
if ! cmake --install "$build" --prefix "$prefix" > "$root.install.log" 2>&1; then
  cat "$root.install.log"; rm -f "$root.install.log"
  echo "FAIL: cmake --install failed"; exit 1
fi
rm -f "$root.install.log"

problems=0
fail() { echo "FAIL: $*"; problems=$((problems + 1)); }
need_file() { [ -f "$prefix/$1" ] && [ ! -L "$prefix/$1" ] || fail "missing file /usr/$1"; }
# The width and height a PNG's IHDR chunk declares.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'; }

# Programs: sextant and sextant-cli; sextant-bench stays out (a developer's tool).
for program in sextant sextant-cli; do
  need_file "bin/$program"
  [ -x "$prefix/bin/$program" ] || fail "/usr/bin/$program is not executable"
  runpath=$(readelf -d "$prefix/bin/$program" 2>/dev/null | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p')
  [ "$runpath" = "\$ORIGIN/../$private_libdir" ] || fail "/usr/bin/$program has RUNPATH '$runpath', not '\$ORIGIN/../$private_libdir'"
done
[ ! -e "$prefix/bin/sextant-bench" ] || fail "/usr/bin/sextant-bench is installed; it is not part of the package"
[ ! -e "$prefix/bin/sextant-hnswlib-peer" ] || fail "/usr/bin/sextant-hnswlib-peer (built with -march=native) is installed"

# The engine library, privately: the file, its SONAME link, no development link.
lib=$private_libdir/libsextant_engine.so
need_file "$lib.$version"
[ "$(readlink "$prefix/$lib.$soversion")" = "libsextant_engine.so.$version" ] || fail "/usr/$lib.$soversion is not a link to libsextant_engine.so.$version"
soname=$(readelf -d "$prefix/$lib.$version" 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libsextant_engine.so.$soversion" ] || fail "the engine library's SONAME is '$soname'"
[ ! -e "$prefix/$lib" ] || fail "/usr/$lib (a development link) is installed without headers"
lib_runpath=$(readelf -d "$prefix/$lib.$version" 2>/dev/null | grep -E '\((RUNPATH|RPATH)\)')
[ -z "$lib_runpath" ] || fail "the engine library has a search path of its own: $lib_runpath"

# The installed command line runs from the installed library alone.
if [ -x "$prefix/bin/sextant-cli" ]; then
  out=$(env -u LD_LIBRARY_PATH "$prefix/bin/sextant-cli" --version 2>&1)
  [ "$out" = "sextant-cli $version" ] || fail "installed sextant-cli --version printed '$out'"
  loaded=$(env -u LD_LIBRARY_PATH ldd "$prefix/bin/sextant-cli" | awk '$1 ~ /^libsextant_engine/ { print $3 }')
  [ -n "$loaded" ] && [ "$(readlink -f "$loaded")" = "$(readlink -f "$prefix/$lib.$version")" ] ||
    fail "installed sextant-cli loads the engine library from '$loaded', not from /usr/$private_libdir"
fi

# Desktop integration.
need_file "share/applications/$app_id.desktop"
need_file "share/metainfo/$app_id.metainfo.xml"
need_file "share/icons/hicolor/scalable/apps/$app_id.svg"
for size in 16 32 48 64 128 256; do
  png=share/icons/hicolor/${size}x${size}/apps/$app_id.png
  need_file "$png"
  [ -f "$prefix/$png" ] && { [ "$(png_size "$prefix/$png")" = "${size}x${size}" ] || fail "/usr/$png is $(png_size "$prefix/$png"), not ${size}x${size}"; }
done
if [ -f "$prefix/share/applications/$app_id.desktop" ]; then
  grep -qx "Icon=$app_id" "$prefix/share/applications/$app_id.desktop" || fail "the desktop file does not name the icon $app_id"
  grep -qx 'Exec=sextant %F' "$prefix/share/applications/$app_id.desktop" || fail "the desktop file does not start sextant"
fi
metainfo=$prefix/share/metainfo/$app_id.metainfo.xml
if [ -f "$metainfo" ]; then
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || fail "the metainfo does not launch $app_id.desktop"
  first_release=$(grep -o '<release version="[^"]*"' "$metainfo" | head -1 | cut -d'"' -f2)
  [ "$first_release" = "$version" ] || fail "the metainfo's newest release is '$first_release', not $version"
  ! grep -q '@[A-Z_]*@' "$metainfo" || fail "the metainfo holds an unconfigured @VARIABLE@"
fi

# Translations: one .qm for every .ts in translations/ and every .qm built.
shopt -s nullglob
ts_files=("$source"/translations/sextant_*.ts)
[ ${#ts_files[@]} -gt 0 ] || fail "no translations/sextant_*.ts found in $source"
for ts in "${ts_files[@]}"; do
  need_file "share/sextant/translations/$(basename "${ts%.ts}").qm"
done
for qm in "$build"/app/gui/sextant_*.qm; do
  need_file "share/sextant/translations/$(basename "$qm")"
done

# The first-run demo's texts: every file of resources/demo but its list.
demo_files=0
for text in "$source"/resources/demo/*; do
  [ "$(basename "$text")" = DemoTexts.cmake ] && continue
  need_file "share/sextant/demo/$(basename "$text")"
  demo_files=$((demo_files + 1))
done
[ $demo_files -gt 0 ] || fail "no demo texts found in $source/resources/demo"

# Manual pages, gzipped.
for page in sextant-cli sextant; do
  need_file "share/man/man1/$page.1.gz"
  [ -f "$prefix/share/man/man1/$page.1.gz" ] && { gzip -t "$prefix/share/man/man1/$page.1.gz" 2>/dev/null || fail "$page.1.gz is not gzip"; }
done
# Every command of sextant-cli's --help has a section in its manual page.
if [ -x "$prefix/bin/sextant-cli" ] && [ -f "$prefix/share/man/man1/sextant-cli.1.gz" ]; then
  commands=$("$prefix/bin/sextant-cli" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
  [ -n "$commands" ] || fail "sextant-cli --help lists no commands"
  for command in $commands; do
    zcat "$prefix/share/man/man1/sextant-cli.1.gz" | grep -qx "\.SS $command" || fail "sextant-cli.1 has no section for the command '$command'"
  done
fi

# Debian's documentation files.
need_file share/doc/sextant/copyright
need_file share/doc/sextant/changelog.Debian.gz
if [ -f "$prefix/share/doc/sextant/changelog.Debian.gz" ]; then
  top=$(zcat "$prefix/share/doc/sextant/changelog.Debian.gz" | head -1)
  case "$top" in
    "sextant ($debian_version) "*) ;;
    *) fail "changelog.Debian.gz starts with '$top', not the version $debian_version" ;;
  esac
fi

# The validators, when installed (CI installs them: tools/install-deps.sh).
if command -v desktop-file-validate > /dev/null; then
  desktop-file-validate "$prefix/share/applications/$app_id.desktop" || fail "desktop-file-validate"
else
  echo "note: desktop-file-validate is not installed; not run"
fi
if command -v appstreamcli > /dev/null; then
  appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli validate"
else
  echo "note: appstreamcli is not installed; not run"
fi

echo "installed files:"
(cd "$root" && find usr \( -type f -o -type l \) | sort | sed 's/^/  \//')
if [ $problems -gt 0 ]; then
  echo "$problems problem(s) with the package contents"
  exit 1
fi
echo "PASS: the package contents are complete"
