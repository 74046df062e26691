#!/usr/bin/env bash
# Proves the packages install properly: builds them, validates the .desktop entry and the AppStream
# metainfo, checks the icons and the declared dependencies, installs the .deb with apt, starts the
# INSTALLED app from its .desktop entry in demo mode under Xvfb until the organisations are painted,
# purges it and checks nothing of it is left. The .rpm is checked with rpm's own queries.
set -euo pipefail
# (With pipefail, `printf … | grep -q` can fail when grep stops reading early: here-strings instead.)
cd "$(dirname "$0")/.."
say() { printf '==> %s\n' "$*"; }
fail() { printf 'test-package: %s\n' "$*" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
apt_get() { "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q "$@"; }

for tool in desktop-file-validate appstreamcli rpm dpkg-deb xvfb-run; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run make setup"
done

version=$(python3 -c 'import tomllib; print(tomllib.load(open("Cargo.toml","rb"))["workspace"]["package"]["version"])')
bash scripts/package.sh
deb=$(ls -t target/release/bundle/deb/*_"$version"_*.deb | head -1)
rpm=$(ls -t target/release/bundle/rpm/*-"$version"-*.rpm | head -1)
[ -f "$deb" ] || fail "no .deb of version $version"
[ -f "$rpm" ] || fail "no .rpm of version $version"

say "the .deb's contents: version, desktop entry, metainfo, icons"
package=$(dpkg-deb -f "$deb" Package)
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the .deb says version $(dpkg-deb -f "$deb" Version), Cargo.toml $version"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
dpkg-deb -x "$deb" "$tree"
desktop=$(find "$tree/usr/share/applications" -name '*.desktop')
[ "$(printf '%s\n' "$desktop" | grep -c .)" -eq 1 ] || fail "expected one .desktop entry, found: $desktop"
desktop-file-validate "$desktop" || fail "desktop-file-validate refused $(basename "$desktop")"
metainfo=$(find "$tree/usr/share/metainfo" -name '*.metainfo.xml')
[ -n "$metainfo" ] || fail "no AppStream metainfo in the .deb"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli refused $(basename "$metainfo")"
grep -q "<launchable type=\"desktop-id\">$(basename "$desktop")</launchable>" "$metainfo" \
  || fail "the metainfo does not launch $(basename "$desktop")"
newest=$(python3 -c 'import sys, xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).find("releases/release").get("version"))' "$metainfo")
[ "$newest" = "$version" ] || fail "the metainfo's newest release is $newest, Cargo.toml says $version: add a <release>"
icon=$(sed -n 's/^Icon=//p' "$desktop")
for size in 16 22 24 32 48 64 128 256 512; do
  png="$tree/usr/share/icons/hicolor/${size}x${size}/apps/$icon.png"
  [ -f "$png" ] || fail "no ${size}x${size} icon ($icon.png)"
  file "$png" | grep -q "$size x $size" || fail "the ${size}x${size} icon is $(file -b "$png")"
done
[ -x "$tree/usr/bin/ik-desk" ] || fail "no /usr/bin/ik-desk in the .deb"

say "every library the binary links comes with a declared dependency (on a fresh Debian 12 too)"
# The tray's library is loaded at run time (not linked): only the declaration brings it.
dpkg-deb -f "$deb" Depends | grep -q 'libayatana-appindicator3-1' || fail "the .deb does not depend on the tray library"
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/([^)]*)//; s/ //g' | grep .)
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances $depends | grep -v '^ ' | sed 's/:.*//' | sort -u)
for lib in $(ldd "$tree/usr/bin/ik-desk" | awk '/=> \// {print $3}'); do
  owner=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -1 | cut -d: -f1) || true
  [ -n "$owner" ] || owner=$(dpkg -S "$lib" 2>/dev/null | head -1 | cut -d: -f1) || true
  [ -n "$owner" ] || fail "$lib belongs to no package"
  grep -qxF "$owner" <<< "$closure" || fail "$lib comes from $owner, which the .deb's Depends ($depends) do not pull"
done

say "installing $deb with apt"
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
  # The test owns the package while it runs (your data in ~/.local/share stays untouched).
  say "removing the $package already installed here first"
  apt_get purge -y "$package" >/dev/null
fi
apt_get install -y --no-install-recommends "./$deb" >/dev/null
installed_files=$(dpkg -L "$package")
entry=$(printf '%s\n' "$installed_files" | grep '^/usr/share/applications/.*\.desktop$')

say "starting the installed app from $entry (Exec line, --demo) under Xvfb"
cargo build -q -p e2e --bin installed-app --locked
NO_AT_BRIDGE=1 timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  target/debug/installed-app "$entry" || { apt_get purge -y "$package" >/dev/null; fail "the installed app did not show the demo"; }

say "purging $package and looking for anything left"
apt_get purge -y "$package" >/dev/null
left=()
while IFS= read -r path; do
  [ "$path" = "/." ] && continue
  if [ -d "$path" ] && [ ! -L "$path" ]; then
    # A folder others own stays (/usr/bin); one nobody owns any more must be gone.
    dpkg -S "$path" >/dev/null 2>&1 || left+=("$path")
  elif [ -e "$path" ] || [ -L "$path" ]; then
    left+=("$path")
  fi
done <<< "$installed_files"
[ ${#left[@]} -eq 0 ] || fail "left after purge: ${left[*]}"
say "$(printf '%s\n' "$installed_files" | grep -c .) paths installed, none left after purge"

say "the .rpm: header and file list"
rpm -qip "$rpm"
[ "$(rpm -qp --qf '%{VERSION}' "$rpm")" = "$version" ] || fail "the .rpm's version is not $version"
files=$(rpm -qlp "$rpm")
for want in /usr/bin/ik-desk "/usr/share/applications/$(basename "$desktop")" \
  "/usr/share/metainfo/$(basename "$metainfo")" "/usr/share/icons/hicolor/512x512/apps/$icon.png"; do
  grep -qxF "$want" <<< "$files" || fail "the .rpm lacks $want"
done
requires=$(rpm -qp --requires "$rpm")
# The CLI requires WebKitGTK itself; SQLite is required by its library's name (which every RPM
# distribution's package provides), and the tray library, loaded at run time, by its package.
for want in 'libwebkit2gtk-4.1.so.0' 'libsqlite3.so.0' 'libayatana-appindicator-gtk3'; do
  grep -q "^$want" <<< "$requires" || fail "the .rpm does not require $want"
done
say "packages checked: $deb, $rpm"
