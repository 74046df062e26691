#!/usr/bin/env bash
# Installs the .deb on a freshly made system (a minimal root built from the distribution's own
# packages with mmdebstrap, nothing else in it) with apt, as a person would: `apt install
# ./ik-desk_*.deb` must pull every library the app needs. Then every library the installed binary
# links must resolve there, `ik-desk --version` must run, and the installed app, started from its
# menu entry in demo mode under Xvfb, must paint the organisations (the same check as `make
# test-package`, run inside the fresh system; only the test's own tools are added to it, after the
# app's install). Not part of `make test` (it downloads a few hundred megabytes); `make
# test-fresh-install` runs it on all three systems.
#
# Usage: test-fresh-install.sh [debian12|ubuntu24.04|ubuntu22.04]   (default debian12)
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '==> %s\n' "$*"; }
fail() { printf 'test-fresh-install: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (it builds a root file system and chroots into it)"
command -v mmdebstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q mmdebstrap

version=$(python3 -c 'import tomllib; print(tomllib.load(open("Cargo.toml","rb"))["workspace"]["package"]["version"])')
deb=$(ls -t target/release/bundle/deb/*_"$version"_*.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] || { bash scripts/package.sh; deb=$(ls -t target/release/bundle/deb/*_"$version"_*.deb | head -1); }
cargo build -q -p e2e --bin installed-app --locked

system=${1:-debian12}
root=$(mktemp -d /tmp/ik-desk-fresh-XXXXXX)
keys=""
cleanup() {
  for m in proc dev; do umount -l "$root/$m" 2>/dev/null || true; done
  rm -rf "$root" ${keys:+"$keys"}
}
trap cleanup EXIT
case "$system" in
  debian12)
    mirror=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
    say "a fresh Debian 12 (bookworm, variant apt) from ${mirror:-the default mirror}"
    mmdebstrap --variant=apt --quiet bookworm "$root" ${mirror:+"$mirror"} >/dev/null
    ;;
  ubuntu24.04 | ubuntu22.04)
    mirror=${UBUNTU_MIRROR:-http://archive.ubuntu.com/ubuntu}
    case "$system" in ubuntu24.04) suite=noble ;; *) suite=jammy ;; esac
    # Ubuntu's archive key is not on a Debian system: it comes from Ubuntu's own ubuntu-keyring
    # package, checked against the SHA-256 pinned here (noble's, from its main Packages index; its
    # archive key signs jammy too).
    keyring_deb=pool/main/u/ubuntu-keyring/ubuntu-keyring_2023.11.28.1_all.deb
    keyring_sha=36de43b15853ccae0028e9a767613770c704833f82586f28eb262f0311adb8a8
    keys=$(mktemp -d /tmp/ik-desk-ubuntu-keys-XXXXXX)
    curl -fsS -o "$keys/keyring.deb" "$mirror/$keyring_deb" || fail "could not download $keyring_deb"
    echo "$keyring_sha  $keys/keyring.deb" | sha256sum --check --quiet - || fail "ubuntu-keyring: wrong checksum"
    dpkg-deb -x "$keys/keyring.deb" "$keys/x"
    say "a fresh Ubuntu ${system#ubuntu} ($suite, main and universe, variant apt) from $mirror"
    mmdebstrap --variant=apt --quiet --components=main,universe \
      --keyring="$keys/x/usr/share/keyrings/ubuntu-archive-keyring.gpg" \
      "$suite" "$root" "deb $mirror $suite main universe" "deb $mirror $suite-updates main universe" >/dev/null
    ;;
  *) fail "unknown system $system: debian12, ubuntu24.04 or ubuntu22.04" ;;
esac
made=$(. "$root/etc/os-release" && echo "$ID $VERSION_ID")
case "$system/$made" in
  "debian12/debian 12" | "ubuntu24.04/ubuntu 24.04" | "ubuntu22.04/ubuntu 22.04") say "the root is $made" ;;
  *) fail "asked for $system, the root is $made" ;;
esac
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
mkdir -p target && cp "$root/tmp/install.log" "target/fresh-install-$system.log"
say "installed; it pulled $pulled packages"

say "every library of the installed binary resolves"
missing=$(chroot "$root" ldd /usr/bin/ik-desk | grep 'not found' || true)
[ -z "$missing" ] || fail "libraries missing on a fresh system: $missing"
# The tray's library is opened at run time, not linked: it must be there too.
chroot "$root" sh -c 'ls /usr/lib/*/libayatana-appindicator3.so.1' >/dev/null \
  || fail "the tray library is not installed"
out=$(chroot "$root" /usr/bin/ik-desk --version)
[ "$out" = "ik-desk $version" ] || fail "ik-desk --version said: $out"
say "starting the installed app from its menu entry (--demo) under Xvfb"
# The test's tools, not the app's: a virtual display, a session bus, WebDriver, and OpenSSL for the
# WebDriver client (the check built here).
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  xvfb xauth dbus webkit2gtk-driver openssl > "$root/tmp/tools.log" 2>&1 \
  || { tail -20 "$root/tmp/tools.log"; fail "could not install the test's tools"; }
cp target/debug/installed-app "$root/tmp/"
entry=$(chroot "$root" dpkg -L "$(dpkg-deb -f "$deb" Package)" | grep '^/usr/share/applications/.*\.desktop$')
mkdir -p "$root/tmp/home"
shown=0
chroot "$root" env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp/home NO_AT_BRIDGE=1 \
  timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- /tmp/installed-app "$entry" \
  || shown=$?
# Its picture, to look at, whether it passed or not: target/fresh-install-<system>.png.
shot=$(find "$root" -xdev -name installed-app-demo.png -newer "$root/tmp/installed-app" | head -1)
[ -z "$shot" ] || cp "$shot" "target/fresh-install-$system.png"
[ "$shown" -eq 0 ] || fail "the installed app did not show the demo on $system (exit $shown${shot:+; its picture: target/fresh-install-$system.png})"

say "fresh install on $system passed: $name, $pulled packages pulled, installed size ${installed} KiB"
