#!/usr/bin/env bash
# window_test.sh: the real-window test of Bokonsept.
#
#   scripts/window_test.sh [./bokonsept]
#
# Starts the built binary under Xvfb with temporary XDG folders, waits for
# the window by its title, takes a screenshot and checks it is not blank,
# types a new count into the unit mix, checks that a second screenshot
# differs and that the title gets the unsaved mark "•", waits for the
# autosave to write the recovery file, undoes the edit (Ctrl+Z), quits
# with Ctrl+Q and checks that the program exits cleanly and leaves no
# recovery file. Needs Xvfb, xdotool and ImageMagick; when no X server can
# be started the test is SKIPPED with a message saying so (exit code 0).
# Any failure exits 1. Screenshots are kept in $WINDOW_TEST_OUT (default:
# a temporary folder, printed at the end and kept when the test fails).
set -u

BIN=${1:-./bokonsept}
W=1600 H=1000
APP_ID=no.hallingdal.bokonsept
# Where the first row's count entry is, relative to the window's top left
# corner, at 1600×1000 (Varianter tab, Solenga sample, variant A).
COUNT_X=655 COUNT_Y=288

skip() { echo "window test SKIPPED: $*" >&2; exit 0; }
fail() { echo "window test FAILED: $*" >&2; KEEP=1; exit 1; }
say()  { echo "window test: $*"; }

[ -x "$BIN" ] || fail "no executable at $BIN (build it first: make build)"
for tool in Xvfb xdotool import convert compare; do
	command -v "$tool" >/dev/null || skip "$tool is not installed (apt-get install xvfb xdotool imagemagick)"
done

TMP=$(mktemp -d)
OUT=${WINDOW_TEST_OUT:-$TMP/shots}
mkdir -p "$OUT" "$TMP/config" "$TMP/data" "$TMP/cache"
XVFB_PID= APP_PID=
# stop ends a process: SIGTERM, up to 5 s to exit, then SIGKILL, so that a
# program stuck in its shutdown can never hang the test (or CI).
stop() {
	kill "$1" 2>/dev/null || return 0
	for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
	kill -9 "$1" 2>/dev/null
	wait "$1" 2>/dev/null
}
cleanup() {
	[ -n "$APP_PID" ] && stop "$APP_PID"
	[ -n "$XVFB_PID" ] && stop "$XVFB_PID"
	[ -z "${WINDOW_TEST_OUT:-}" ] && [ "${KEEP:-}" != 1 ] && rm -rf "$TMP"
}
trap cleanup EXIT

# An X server on the first free display.
for n in $(seq 91 120); do
	[ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
	Xvfb ":$n" -screen 0 "${W}x${H}x24" -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
	XVFB_PID=$!
	export DISPLAY=":$n"
	for _ in $(seq 1 50); do
		xdotool getdisplaygeometry >/dev/null 2>&1 && break
		kill -0 "$XVFB_PID" 2>/dev/null || break
		sleep 0.1
	done
	xdotool getdisplaygeometry >/dev/null 2>&1 && break
	stop "$XVFB_PID"; XVFB_PID=
done
[ -n "$XVFB_PID" ] || skip "no X server could be started (Xvfb failed: $(tail -1 "$TMP/xvfb.log" 2>/dev/null))"

# The window's recovery copy: one per document and window in recovery/.
RECOVERY_DIR="$TMP/config/fyne/$APP_ID/recovery"
recovery() { ls "$RECOVERY_DIR"/*.yaml 2>/dev/null | head -1; }
start=$(date +%s.%N)
XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" XDG_CACHE_HOME="$TMP/cache" \
	LANG=en_US.UTF-8 BOKONSEPT_AUTOSAVE_SECONDS=1 "$BIN" >"$TMP/app.log" 2>&1 &
APP_PID=$!

WID=
for _ in $(seq 1 200); do
	WID=$(xdotool search --name 'Bokonsept' 2>/dev/null | head -1)
	[ -n "$WID" ] && break
	kill -0 "$APP_PID" 2>/dev/null || fail "the program exited before its window appeared: $(tail -20 "$TMP/app.log")"
	sleep 0.05
done
[ -n "$WID" ] || fail "no window titled Bokonsept within 10 s"
say "window $WID \"$(xdotool getwindowname "$WID")\" after $(awk "BEGIN{printf \"%.2f\", $(date +%s.%N) - $start}") s"
# The program sizes its window when it first shows it: size it after that.
for _ in 1 2 3; do
	sleep 0.7
	xdotool windowmove "$WID" 0 0 windowsize "$WID" "$W" "$H"
done
sleep 1
geometry=$(xdotool getwindowgeometry "$WID" | sed -n 's/.*Geometry: //p')
[ "$geometry" = "${W}x${H}" ] || fail "the window is $geometry, not ${W}x${H}: the click positions would be wrong"

shot() { import -window root -crop "${W}x${H}+0+0" "$OUT/$1"; }
shot 1-start.png
colours=$(convert "$OUT/1-start.png" -format '%k' info:)
spread=$(convert "$OUT/1-start.png" -format '%[fx:standard_deviation]' info:)
say "first screenshot: $colours colours, standard deviation $spread"
[ "$colours" -gt 50 ] || fail "the window looks blank ($colours colours; no GL?): $OUT/1-start.png"
awk "BEGIN{exit !($spread > 0.05)}" || fail "the window looks blank (deviation $spread): $OUT/1-start.png"
case "$(xdotool getwindowname "$WID")" in
	•*) fail "the title has the unsaved mark before any edit" ;;
esac

# Type a new count into the first line of the unit mix.
xdotool mousemove --window "$WID" "$COUNT_X" "$COUNT_Y" click 1
sleep 0.3
xdotool key ctrl+a
xdotool type --delay 80 "19"
sleep 1
shot 2-edited.png
diff=$(compare -metric AE "$OUT/1-start.png" "$OUT/2-edited.png" /dev/null 2>&1 | cut -d' ' -f1)
say "second screenshot differs in $diff pixels"
awk "BEGIN{exit !($diff > 500)}" || fail "typing a count did not change the window ($diff pixels); if the layout changed, update COUNT_X/COUNT_Y from $OUT/1-start.png"
title=$(xdotool getwindowname "$WID")
case "$title" in
	•*) say "title after the edit: \"$title\"" ;;
	*) fail "no unsaved mark in the title after the edit: \"$title\"" ;;
esac

# The autosave writes the recovery file.
for _ in $(seq 1 50); do [ -n "$(recovery)" ] && break; sleep 0.1; done
RECOVERY=$(recovery)
[ -f "$RECOVERY" ] || fail "no recovery file after the autosave interval (in $RECOVERY_DIR)"
grep -q 'count: 19' "$RECOVERY" || fail "the recovery file lacks the new count: the click at $COUNT_X,$COUNT_Y missed the first count entry? (see $OUT/2-edited.png)"
say "autosave wrote $RECOVERY"

# Undo the edit (the mark goes), then quit through the window.
xdotool key ctrl+z
sleep 0.5
case "$(xdotool getwindowname "$WID")" in
	•*) fail "the unsaved mark stays after undoing the only edit" ;;
esac
shot 3-undone.png
xdotool key ctrl+q
for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$APP_PID" 2>/dev/null; then
	shot 4-not-closed.png
	fail "the program did not exit after Ctrl+Q (see $OUT/4-not-closed.png)"
fi
wait "$APP_PID"; rc=$?; APP_PID=
[ "$rc" = 0 ] || fail "the program exited with code $rc: $(tail -5 "$TMP/app.log")"
[ -n "$(recovery)" ] && fail "a recovery file is left after a clean exit: $(recovery)"
say "closed cleanly, no recovery file left"
if [ -n "${WINDOW_TEST_OUT:-}" ] || [ "${KEEP:-}" = 1 ]; then say "PASSED (screenshots in $OUT)"; else say "PASSED"; fi
