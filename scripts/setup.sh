#!/usr/bin/env bash
# Installs what building and testing IK Desk needs, and only what is missing. Safe to run again.
set -euo pipefail

say() { printf '==> %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# System packages for Tauri on Linux, for testing headless (X virtual framebuffer, WebDriver,
# a Secret Service keyring, D-Bus sessions), and for checking the packages (the .desktop and
# AppStream validators, rpm to read the .rpm), and the hyphenation dictionaries of the app's five
# languages (WebKitGTK hyphenates a table's two-line headers with them; the .deb recommends them).
# SQLite is the system's on Linux (WebKitGTK depends on it already; the distribution patches it).
PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config libdbus-1-dev libsqlite3-dev
  xvfb xauth webkit2gtk-driver gnome-keyring keyutils dbus libglib2.0-bin xdotool
  desktop-file-utils appstream rpm
  hyphen-fr hyphen-de hyphen-it hyphen-es hyphen-en-us
)

if [ "$(uname -s)" = "Linux" ] && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
      fail "these system packages are missing and neither root nor sudo is available: ${missing[*]}"
    fi
    say "installing system packages: ${missing[*]}"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    say "system packages: all present"
  fi
else
  say "not a Debian-like Linux: install Tauri's prerequisites by hand (https://v2.tauri.app/start/prerequisites/)"
fi

command -v cargo >/dev/null 2>&1 || fail "Rust is missing: install it with rustup (https://rustup.rs), then run this again"
command -v node >/dev/null 2>&1 || fail "Node.js is missing: install Node.js 20.19 or newer, then run this again"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || fail "Node.js $(node --version) is too old: the UI's build tools need 20.19 or newer"

# The UI's modules: reinstalled when package.json or the lock file changed since the last install.
stamp=ui/node_modules/.ik-desk-installed
if [ ! -f "$stamp" ] || [ ui/package.json -nt "$stamp" ] || [ ui/package-lock.json -nt "$stamp" ]; then
  say "installing the UI's node modules"
  # `npm ci` installs exactly what the lock file lists (it lists every platform's optional packages)
  # and never rewrites it, so every machine and CI get the same modules.
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  touch "$stamp"
else
  say "node modules: up to date"
fi
