#!/usr/bin/env bash
# Builds the release .deb and .rpm with the Tauri CLI that `npm ci` installed (pinned in
# ui/package.json), from the UI built by `make ui`. Needs no network beyond the package registries.
# AppImage is not among the targets: its bundler downloads AppRun and linuxdeploy from GitHub at
# build time (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '==> %s\n' "$*"; }

[ -x ui/node_modules/.bin/tauri ] || { echo "package: the Tauri CLI is missing: run make setup" >&2; exit 2; }
say "building the release app and its .deb and .rpm (a cold build takes several minutes)"
# --ci: no prompts. The UI is already built (tauri.conf.json has no beforeBuildCommand).
ui/node_modules/.bin/tauri build --ci --bundles deb,rpm
# Tauri names the files after the product, with its space ("IK Desk_0.1.0_amd64.deb"); the
# distributions' convention is the package's own name, version and architecture.
for f in target/release/bundle/deb/*.deb; do
  want="$(dpkg-deb -f "$f" Package)_$(dpkg-deb -f "$f" Version)_$(dpkg-deb -f "$f" Architecture).deb"
  [ "$(basename "$f")" = "$want" ] || mv -f "$f" "target/release/bundle/deb/$want"
done
if command -v rpm >/dev/null; then
  for f in target/release/bundle/rpm/*.rpm; do
    want=$(rpm -qp --qf '%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}.rpm' "$f")
    [ "$(basename "$f")" = "$want" ] || mv -f "$f" "target/release/bundle/rpm/$want"
  done
fi
for f in target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm; do
  say "$f ($(du -h "$f" | cut -f1))"
done
