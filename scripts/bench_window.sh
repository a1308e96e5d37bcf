#!/usr/bin/env bash
# bench_window.sh: how long an edit takes to reach Bokonsept's real window.
#
#   scripts/bench_window.sh [./bokonsept] [trials]
#
# Starts the built binary under Xvfb (1600×1000, Mesa's software OpenGL)
# with three concepts in turn: the Solenga sample, a generated concept of
# 5 000 dwellings on 100 unit lines with 200 site items, and a generated
# concept of 50 variants (scripts/genconcepts writes both into a temporary
# folder). For each, scripts/benchwindow types counts into the unit mix
# with XTest and reads the screen back: from the keypress to the first
# changed pixel of the key figures, to P50/P85 showing their new values,
# the same for a count typed before (cached simulation), and a bare
# repaint (Tab). It prints the median and range of the trials (12 by
# default), the resident memory of the app after the edits (from /proc),
# the machine and its load average before and after, which moves the
# figures: the machine may be shared. BENCH_VERBOSE=1 prints every trial;
# BENCH_PROFILE=DIR writes the app's Go CPU profile of each concept's run
# into DIR (solenga.pprof, big.pprof, variants50.pprof) and its heap at the
# end (solenga.heap.pprof, …) for `go tool pprof`;
# BENCH_ONLY=solenga|big|variants50 runs one concept.
set -euo pipefail

BIN=$(realpath "${1:-./bokonsept}")
TRIALS=${2:-12}
W=1600 H=1000
cd "$(dirname "$0")/.."
export GOCACHE=${GOCACHE:-$(go env GOCACHE)}
for tool in Xvfb xdotool; do
	command -v "$tool" >/dev/null || { echo "bench_window: $tool is not installed (make deps-system)" >&2; exit 1; }
done

TMP=$(mktemp -d)
XVFB_PID= APP_PID=
stop() {
	kill "$1" 2>/dev/null || return 0
	for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
	kill -9 "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}
cleanup() {
	[ -n "$APP_PID" ] && stop "$APP_PID"
	[ -n "$XVFB_PID" ] && stop "$XVFB_PID"
	rm -rf "$TMP"
}
trap cleanup EXIT

go build -o "$TMP/benchwindow" ./scripts/benchwindow
go run ./scripts/genconcepts -out "$TMP/concepts"

for n in $(seq 131 160); do
	[ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
	Xvfb ":$n" -screen 0 "${W}x${H}x24" -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
	XVFB_PID=$!
	export DISPLAY=":$n"
	for _ in $(seq 1 50); do
		xdotool getdisplaygeometry >/dev/null 2>&1 && break
		sleep 0.1
	done
	xdotool getdisplaygeometry >/dev/null 2>&1 && break
	stop "$XVFB_PID"; XVFB_PID=
done
[ -n "$XVFB_PID" ] || { echo "bench_window: no X server could be started" >&2; exit 1; }

cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
echo "machine: $(nproc) cores, $cpu, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# resident prints the resident memory of process $1 and how it splits
# (anonymous, mapped files, shared memory), with its peak when $2 is "peak".
resident() {
	awk -v peak="${2:-}" '
		/^VmRSS/ {r = $2} /^VmHWM/ {h = $2}
		/^RssAnon/ {a = $2} /^RssFile/ {f = $2} /^RssShmem/ {s = $2}
		END {
			printf "%.0f MB", r / 1024
			if (peak == "peak") printf ", peak %.0f MB", h / 1024
			printf " (anonymous %.0f MB, files %.0f MB, shared %.0f MB)", a / 1024, f / 1024, s / 1024
		}' "/proc/$1/status"
}

# bench runs the app with one concept and measures it.
# An empty file name opens the built-in Solenga sample.
bench() {
	local name=$1 label=$2 file=$3
	[ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = "$name" ] || return 0
	rm -rf "$TMP/config" "$TMP/data"
	local profile= heap=
	if [ -n "${BENCH_PROFILE:-}" ]; then
		mkdir -p "$BENCH_PROFILE"
		profile=$(realpath "$BENCH_PROFILE")/$name.pprof heap=$(realpath "$BENCH_PROFILE")/$name.heap.pprof
	fi
	XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" LANG=en_US.UTF-8 \
		BOKONSEPT_CPUPROFILE="$profile" BOKONSEPT_HEAPPROFILE="$heap" "$BIN" ${file:+"$file"} >"$TMP/app.log" 2>&1 &
	APP_PID=$!
	local wid=
	for _ in $(seq 1 200); do
		wid=$(xdotool search --name 'Bokonsept' 2>/dev/null | head -1) && [ -n "$wid" ] && break
		kill -0 "$APP_PID" 2>/dev/null || { echo "bench_window: the app exited: $(tail -3 "$TMP/app.log")" >&2; exit 1; }
		sleep 0.05
	done
	[ -n "$wid" ] || { echo "bench_window: no window" >&2; exit 1; }
	# The program sizes its window when it first shows it: size it after
	# that (the first window found may be gone by then: look again).
	local sized=0
	for _ in $(seq 1 20); do
		sleep 0.7
		wid=$(xdotool search --onlyvisible --name 'Bokonsept' 2>/dev/null | head -1) || true
		[ -n "$wid" ] || continue
		xdotool windowmove "$wid" 0 0 windowsize "$wid" "$W" "$H" 2>/dev/null || true
		if [ "$(xdotool getwindowgeometry "$wid" 2>/dev/null | sed -n 's/.*Geometry: //p')" = "${W}x${H}" ]; then
			sized=$((sized + 1))
			[ "$sized" -ge 3 ] && break
		fi
	done
	[ "$sized" -ge 3 ] || { echo "bench_window: the window is not ${W}x${H}" >&2; exit 1; }
	sleep 2
	"$TMP/benchwindow" -label "$label" -trials "$TRIALS" -pid "$APP_PID" ${BENCH_VERBOSE:+-v} | tee -a "$TMP/rows"
	sleep 1
	echo "$label: resident 1 s after $((4 * TRIALS)) edits: $(resident "$APP_PID" peak)"
	# The window hands unused heap memory back 5 s after its last change.
	sleep 5
	echo "$label: resident 6 s after them: $(resident "$APP_PID")"
	stop "$APP_PID"; APP_PID=
}

bench solenga "Solenga sample" ""
bench big "5 000 dwellings, 100 lines, 200 site items" "$TMP/concepts/big.yaml"
bench variants50 "50 variants" "$TMP/concepts/variants50.yaml"

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| concept | new count: figures | new count: P50/P85 | a count typed before | a bare repaint (Tab) |"
echo "| --- | --- | --- | --- | --- |"
grep '^row|' "$TMP/rows" | cut -d'|' -f2- | sed 's/|/ | /g; s/^/| /; s/$/ |/'
