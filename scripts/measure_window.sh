#!/usr/bin/env bash
# Measures the built app's cold start (process start to the window being
# mapped, by xdotool) and its resident memory with the largest sample open.
# Usage: scripts/measure_window.sh ./bokonsept [runs]
set -euo pipefail
bin=$(realpath "${1:-./bokonsept}")
runs=${2:-3}
export GOCACHE=${GOCACHE:-$(go env GOCACHE)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
Xvfb :91 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
sleep 1
for i in $(seq "$runs"); do
	rm -rf "$tmp/cfg" "$tmp/data"
	start=$(date +%s.%N)
	DISPLAY=:91 XDG_CONFIG_HOME="$tmp/cfg" XDG_DATA_HOME="$tmp/data" LANG=en_US.UTF-8 "$bin" assets/samples/solenga-gol.yaml >/dev/null 2>&1 &
	app=$!
	DISPLAY=:91 xdotool search --sync --onlyvisible --name "Bokonsept" >/dev/null
	up=$(date +%s.%N)
	sleep 5 # let the first simulation finish and the frame settle
	rss=$(ps -o rss= -p "$app")
	printf 'run %d: window after %.2f s, resident %d MB\n' "$i" "$(awk "BEGIN{print $up - $start}")" "$((rss / 1024))"
	kill "$app"; wait "$app" 2>/dev/null || true
done
