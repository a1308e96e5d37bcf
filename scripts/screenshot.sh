#!/usr/bin/env bash
# screenshot.sh: regenerates docs/screenshot.png, the main window on the
# Solenga sample at 1600×1000, as shown at the top of the README.
#
#   scripts/screenshot.sh [./bokonsept] [docs/screenshot.png]
#
# Runs the built binary under xvfb-run with temporary XDG folders (so your
# own settings and recent files stay out of the picture), waits for the
# window by its title and for the simulation to finish, and captures it.
# Needs xvfb-run, xdotool and ImageMagick.
set -eu

BIN=${1:-./bokonsept}
OUT=${2:-docs/screenshot.png}
W=${SCREENSHOT_WIDTH:-1600} H=${SCREENSHOT_HEIGHT:-1000}

[ -x "$BIN" ] || { echo "screenshot: no executable at $BIN (build it first: make build)" >&2; exit 1; }
for tool in xvfb-run xdotool import; do
	command -v "$tool" >/dev/null || { echo "screenshot: $tool is not installed (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cat >"$TMP/inner.sh" <<'INNER'
set -eu
mkdir -p "$TMP/config" "$TMP/data" "$TMP/cache"
XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" XDG_CACHE_HOME="$TMP/cache" \
	LANG=en_US.UTF-8 "$BIN" >"$TMP/app.log" 2>&1 &
pid=$!
wid=
for _ in $(seq 1 200); do
	wid=$(xdotool search --name 'Bokonsept' 2>/dev/null | head -1) || true
	[ -n "$wid" ] && break
	sleep 0.05
done
[ -n "$wid" ] || { echo "screenshot: no window appeared" >&2; cat "$TMP/app.log" >&2; kill $pid; exit 1; }
# The program sizes its window when it first shows it: size it after that.
for _ in 1 2 3; do
	sleep 0.7
	xdotool windowmove "$wid" 0 0 windowsize "$wid" "$W" "$H"
done
sleep "${SCREENSHOT_WAIT:-4}"
geometry=$(xdotool getwindowgeometry "$wid" | sed -n 's/.*Geometry: //p')
[ "$geometry" = "${W}x${H}" ] || echo "screenshot: warning: the window is $geometry, not ${W}x${H}" >&2
import -window root -crop "${W}x${H}+0+0" +repage "$OUT"
# SIGTERM, then SIGKILL after 5 s: a program stuck in its shutdown must
# not hang the script.
kill $pid 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -9 $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
INNER
TMP=$TMP BIN=$BIN OUT=$OUT W=$W H=$H xvfb-run -a -s "-screen 0 ${W}x${H}x24" bash "$TMP/inner.sh"
echo "screenshot: wrote $OUT"
