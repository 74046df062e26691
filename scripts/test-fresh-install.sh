#!/usr/bin/env bash
# Installs the .deb on a freshly made Debian 12 system (a minimal root built from Debian's own
# packages with mmdebstrap, nothing else in it) with apt, as a person would: `apt install
# ./ik-desk_*.deb` must pull every library the app needs. Then every library the installed binary
# links must resolve there, and `ik-desk --version` must run. Not part of `make test` (it
# downloads a few hundred megabytes); `make test-fresh-install` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '==> %s\n' "$*"; }
fail() { printf 'test-fresh-install: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (it builds a root file system and chroots into it)"
command -v mmdebstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q mmdebstrap

version=$(python3 -c 'import tomllib; print(tomllib.load(open("Cargo.toml","rb"))["workspace"]["package"]["version"])')
deb=$(ls -t target/release/bundle/deb/*_"$version"_*.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] || { bash scripts/package.sh; deb=$(ls -t target/release/bundle/deb/*_"$version"_*.deb | head -1); }

root=$(mktemp -d /tmp/ik-desk-fresh-XXXXXX)
cleanup() {
  for m in proc dev; do umount -l "$root/$m" 2>/dev/null || true; done
  rm -rf "$root"
}
trap cleanup EXIT
mirror=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
say "a fresh Debian 12 (bookworm, variant apt) from ${mirror:-the default mirror}"
mmdebstrap --variant=apt --quiet bookworm "$root" ${mirror:+"$mirror"} >/dev/null
cp "$deb" "$root/tmp/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
name=$(basename "$deb")

say "apt install ./$name"
# mmdebstrap leaves no package lists behind, as a fresh install before its first update.
chroot "$root" apt-get update -q > "$root/tmp/update.log" 2>&1 || { tail -20 "$root/tmp/update.log"; fail "apt-get update failed"; }
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "/tmp/$name" \
  > "$root/tmp/install.log" 2>&1 || { tail -30 "$root/tmp/install.log"; fail "apt could not install $name"; }
installed=$(chroot "$root" dpkg-query -W -f '${Installed-Size}' "$(dpkg-deb -f "$deb" Package)")
pulled=$(grep -c '^Setting up' "$root/tmp/install.log" || true)
say "installed; it pulled $pulled packages"

say "every library of the installed binary resolves"
missing=$(chroot "$root" ldd /usr/bin/ik-desk | grep 'not found' || true)
[ -z "$missing" ] || fail "libraries missing on a fresh system: $missing"
# The tray's library is opened at run time, not linked: it must be there too.
chroot "$root" sh -c 'ls /usr/lib/*/libayatana-appindicator3.so.1' >/dev/null \
  || fail "the tray library is not installed"
out=$(chroot "$root" /usr/bin/ik-desk --version)
[ "$out" = "ik-desk $version" ] || fail "ik-desk --version said: $out"
say "fresh install passed: $name, $pulled packages pulled, installed size ${installed} KiB"
