#!/usr/bin/env bash
# Reruns every benchmark and rewrites docs/benchmarks.md with the results and the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/benchmarks.md
say() { printf '==> %s\n' "$*"; }

# Release builds, as people run them: debug builds make the app's own Rust code look slower than it is.
say "building IK Desk and the bare Tauri window used as the baseline (release)"
npm --prefix ui run --silent build
cargo build -q --release -p ik-desk -p bare-window
say "building the .deb of IK Desk and of the bare window, to compare their sizes"
bash scripts/package.sh >/dev/null
# The bare window's own configuration keeps bundling off; the same CLI bundles it here only.
(cd bench/bare-window && ../../ui/node_modules/.bin/tauri build --ci --bundles deb \
  --config '{"bundle":{"active":true}}' >/dev/null)
version=$(python3 -c 'import tomllib; print(tomllib.load(open("Cargo.toml","rb"))["workspace"]["package"]["version"])')
sizes=$(python3 - "target/release/bundle/deb/ik-desk_${version}_amd64.deb" target/release/bundle/deb/bare-window_*_amd64.deb <<'PY'
import subprocess, sys, os
def row(path):
    kib = int(subprocess.run(["dpkg-deb", "-f", path, "Installed-Size"], capture_output=True, text=True, check=True).stdout)
    return os.path.getsize(path) / 1048576, kib / 1024
app, bare = row(sys.argv[1]), row(sys.argv[2])
print("| | `.deb` | installed |")
print("|---|---|---|")
print(f"| IK Desk | {app[0]:.1f} MiB | {app[1]:.1f} MiB |")
print(f"| bare Tauri window | {bare[0]:.1f} MiB | {bare[1]:.1f} MiB |")
print(f"| ratio (target ≤ 1.5×) | {app[0] / bare[0]:.2f}× | {app[1] / bare[1]:.2f}× |")
PY
)

say "weighing the UI bundle (what the window loads at start; gzip, the usual measure of a web bundle)"
bundle=$(python3 - ui/dist <<'PY'
import gzip, pathlib, sys
dist = pathlib.Path(sys.argv[1])
# What index.html names is loaded at start; every other chunk (a page, the palette) when first used.
index = (dist / "index.html").read_text()
rows = {}
for f in sorted((dist / "assets").iterdir()):
    if f.suffix not in (".js", ".css"):
        continue
    raw = f.read_bytes()
    when = "loaded at start" if f.name in index else "loaded on first use: a page, a language or the palette"
    key = (f.suffix[1:].upper(), when)
    n, r, g = rows.get(key, (0, 0, 0))
    rows[key] = (n + 1, r + len(raw), g + len(gzip.compress(raw, 9)))
print("| files | raw | gzip |")
print("|---|---:|---:|")
for (kind, when), (n, r, g) in sorted(rows.items(), key=lambda kv: (kv[0][0] != "JS", kv[0][1] != "loaded at start")):
    print(f"| {kind}, {when} ({n} file{'s' if n > 1 else ''}) | {r / 1024:.1f} KiB | {g / 1024:.1f} KiB |")
print(f"| total | {sum(v[1] for v in rows.values()) / 1024:.1f} KiB | {sum(v[2] for v in rows.values()) / 1024:.1f} KiB |")
PY
)

say "building the benchmark drivers"
cargo build -q -p e2e --bin startup-bench --bin users-bench --bin reseller-bench

say "counting requests and simulated minutes of a full sync of the 50- and 500-organisation worlds"
sync=$(cargo run -q -p infomaniak --example sync_budget)

say "measuring start-up and memory under Xvfb (several runs each)"
# NO_AT_BRIDGE: no accessibility bus is started for either app (it also keeps its chatter out).
startup=$(IK_DESK_APP="$PWD/target/release/ik-desk" BARE_WINDOW_APP="$PWD/target/release/bare-window" NO_AT_BRIDGE=1 \
  timeout 900 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- target/debug/startup-bench | grep -E '^(\||$)')
# Like for like: the bare window painting in software too, as IK Desk does on a machine without a
# GPU (src-tauri/src/renderer.rs); WebKit's own switch, read by both.
startup_software=$(WEBKIT_DISABLE_COMPOSITING_MODE=1 IK_DESK_APP="$PWD/target/release/ik-desk" \
  BARE_WINDOW_APP="$PWD/target/release/bare-window" NO_AT_BRIDGE=1 \
  timeout 900 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- target/debug/startup-bench \
  | grep -A4 '^| measure')
gpu=$(if compgen -G '/dev/dri/renderD*' >/dev/null; then echo "a GPU render node"; else echo "no GPU render node"; fi)

say "measuring the Users table of one 10,000-person organisation under Xvfb"
# Signing in stores the token in the keyring: the session gets a throwaway one.
users=$(IK_DESK_APP="$PWD/target/release/ik-desk" NO_AT_BRIDGE=1 \
  timeout 900 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash scripts/with-keyring.sh \
  target/debug/users-bench | grep -E '^(\||Cold open|Warm open)')

say "the reseller's 500 organisations in the app: requests to the first paint, memory, the store (about 15 minutes)"
reseller=$(IK_DESK_APP="$PWD/target/release/ik-desk" NO_AT_BRIDGE=1 \
  timeout 2400 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash scripts/with-keyring.sh \
  target/debug/reseller-bench | grep "^|")

{
  echo "# Benchmarks"
  echo
  echo "Rerun with \`make bench\`. Figures from $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), release builds."
  echo
  echo "## Start-up and memory"
  echo
  echo "Timed from the WebDriver session request (which launches the binary) to the first element that"
  echo "proves the page is ready: for IK Desk in demo mode, an organisation's name in the table (so the"
  echo "in-process API, the client, the store, the command and the page all ran); for the baseline, a bare"
  echo "Tauri window's one static line, looked for every 10 ms; then the frame drawn after it, from each"
  echo "window's own timeline (its marks, placed against the launch; the steps follow the first table)."
  echo "Memory is the resident set of every process of the app (the app and WebKit's web and network"
  echo "processes), two seconds after it was ready."
  echo
  echo "This machine has $gpu. Each window paints as it would for a person: IK Desk in software"
  echo "where no GPU is found (\`src-tauri/src/renderer.rs\`), the bare window as WebKit decides."
  echo
  echo "$startup"
  echo
  echo "Like for like, both windows painting in software (\`WEBKIT_DISABLE_COMPOSITING_MODE=1\`):"
  echo
  echo "$startup_software"
  echo
  echo "The machine's load matters for these figures: rerun on a quiet machine before comparing."
  echo
  echo "$sync"
  echo
  echo "The API allows 60 requests per minute per user. Requests are counted by the local API itself"
  echo "(its request log), on a virtual clock: what matters is how many requests a task costs and how"
  echo "long the budget makes it wait, not the machine's speed."
  echo
  echo "## Package size"
  echo
  echo "The release \`.deb\` built by \`make package\`, and its installed size (the package's"
  echo "\`Installed-Size\`), next to the bare Tauri window's \`.deb\` built by the same CLI. Both"
  echo "binaries are stripped; WebKitGTK is a dependency of both, not inside either."
  echo
  echo "$sizes"
  echo
  echo "## UI bundle"
  echo
  echo "The JavaScript and CSS the window loads at start (\`ui/dist/assets\`), raw and gzip-compressed"
  echo "(level 9). Icons are imported one module each, so only those used are in it."
  echo
  echo "$bundle"
  echo
  echo "## Users table at 10,000 people"
  echo
  echo "One organisation of 10,000 people (9,900 members, 100 pending invitations; the local API's"
  echo "\`--scale 10000 --one-organisation\` world), signed in through the form with a fresh home, the"
  echo "release app under Xvfb. Requests are the local API's own count, from the click on Users until"
  echo "it has heard nothing for three seconds (background refreshes included); warm is Organisations"
  echo "and back inside the five-minute freshness window."
  echo
  echo "Keystrokes are timed in the page: 50 of them (\"sophie müller\" typed and deleted, \"bluewin\","
  echo "\"reto favre\"), each setting the search box's value and sending \`input\` as typing does; the"
  echo "time runs to when the next frame has been painted (a message posted from that frame's"
  echo "\`requestAnimationFrame\` callback). It includes waiting for the frame itself, so the floor is"
  echo "measured too: the same wait after changing the box's value without telling the page. Typing"
  echo "starts once the page paints at the Organisations page's cadence."
  echo
  echo "$users" | grep '^|'
  echo
  echo "$users" | grep -v '^|'
  echo
  echo "Only the rows in view (and ten either side) are in the page. The painted figures include the"
  echo "wait for the frame, which the floor line measures alone; the time the page itself spends (the"
  echo "\"updated and laid out\" line) is what a keystroke costs on top of it."
  echo
  echo "## A reseller's 500 organisations in the app"
  echo
  echo "The local API's \`--world reseller\` (500 organisations, 50,000 people, 20,000 products, the"
  echo "renewals route present, so each organisation's renewals cost a request) beside its 50-organisation"
  echo "world, each signed in through the form with a fresh home, the release app under Xvfb. Requests are"
  echo "the local API's own count since the app started: when WebDriver first sees the organisations'"
  echo "names, and when the page itself painted the board after a click on Products (a script in the page"
  echo "notes the wall-clock time of the frame that first shows the board's view switch; the local API's"
  echo "count is sampled every two milliseconds meanwhile; WebDriver's own, later, sighting is given too)."
  echo "The board's first read then goes on in the background, landing as it goes, until its progress"
  echo "note is gone. Memory is the highest resident set of every process of the app, sampled twice a"
  echo "second from start to that point, and each process's own high-water mark (\`VmHWM\`) by name; the"
  echo "store is every file in the app's data folder then."
  echo
  echo "$reseller"
} > "$out"
say "wrote $out"
