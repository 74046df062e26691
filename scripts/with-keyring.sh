#!/usr/bin/env bash
# Runs a command inside the current (private) D-Bus session with a Secret Service keyring
# unlocked by a throwaway password, as tests need. Call it under `dbus-run-session --`.
set -euo pipefail
export XDG_DATA_HOME="${XDG_DATA_HOME:-$(mktemp -d)}"
if command -v gnome-keyring-daemon >/dev/null 2>&1; then
  eval "$(printf 'throwaway' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
fi
exec "$@"
