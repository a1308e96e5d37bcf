#!/usr/bin/env bash
# Windows smoke test under Wine (`make windows-test`, after `make windows`
# and `make build`):
#
#  1. the Windows and Linux builds print the same standard output and
#     standard error and exit with the same code for version, validate,
#     estimate (text, JSON, English), catalogue, a concept file whose name
#     has Norwegian letters and spaces, a missing file and wrong use; they
#     write byte-identical tender PDFs and price-schedule XLSX files, also
#     into a folder whose name has æøå and a space;
#  2. the Linux build says what is missing, and exits 1, where OpenGL 2.1
#     is not offered (Mesa told to offer 1.1);
#  3. the MSI installs silently (per machine), the installed program runs
#     (command line and window), the Start-menu shortcut and the .yaml
#     association are there, and uninstalling removes them all; the same
#     for the per-user installer.
#
# Debian 12's Wine 8.0 lacks ProcessPrng in bcryptprimitives.dll, which Go's
# Windows runtime needs (Windows 10 and 11, and Wine 8.13 and later, have
# it). The test builds a stand-in DLL with MinGW that implements it with
# BCryptGenRandom and puts it into its own throw-away Wine prefix only; it
# is never part of the installers (step 3 checks what they install).
#
# Usage: scripts/windows_smoke.sh ./bokonsept   (the Linux build)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

linux_bin=$(realpath "${1:-./bokonsept}")
out=$repo/dist/windows
exe=$out/Bokonsept.exe
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
msi=$out/Bokonsept-$version-x64.msi
setup=$out/Bokonsept-$version-user-setup.exe
for f in "$linux_bin" "$exe" "$msi" "$setup"; do
	[[ -f $f ]] || { echo "windows_smoke: $f is missing: run make windows and make build first" >&2; exit 2; }
done

# Wine and the window need a display.
if [[ -z ${DISPLAY:-} ]]; then
	exec xvfb-run -a -s '-screen 0 1600x1000x24' bash "$0" "$@"
fi

tmp=$(mktemp -d /tmp/bokonsept-wine.XXXXXX)
export WINEPREFIX=$tmp/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko download prompts; no menu entries on the host's desktop.
export WINEDLLOVERRIDES='mscoree,mshtml=;winemenubuilder.exe=d'
cleanup() {
	wineserver -k >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT

passes=0 failures=0
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }
pass() { printf 'ok   %s\n' "$*"; passes=$((passes + 1)); }
start=$SECONDS
elapsed() { printf '%ds' $((SECONDS - start)); }

# wine runs a Windows program with a UTF-8 locale (so that arguments with
# æøå reach it whole) and waits until every process of the prefix ended.
wine_run() {
	local rc=0
	LC_ALL=C.UTF-8 wine "$@" || rc=$?
	wineserver -w
	return $rc
}

echo "== Wine prefix ($(wine --version))"
LC_ALL=C.UTF-8 wineboot -i >/dev/null 2>&1
wineserver -w
sys32=$WINEPREFIX/drive_c/windows/system32
[[ -d $sys32 ]] || { echo "windows_smoke: wineboot made no prefix" >&2; exit 1; }

if ! [[ -f $sys32/bcryptprimitives.dll ]]; then
	echo "== ProcessPrng stand-in for Wine < 8.13 (test only)"
	cat >"$tmp/processprng.c" <<'C'
/* Test-only bcryptprimitives.dll for Wine < 8.13: ProcessPrng, which Go's
   Windows runtime takes its random bytes from, over BCryptGenRandom. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
C
	x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" "$tmp/processprng.c" -lbcrypt
fi

echo "== 1. the same output from the Windows and the Linux build ($(elapsed))"
# Each build runs in a folder of its own holding the same files, so that
# the same relative paths reach both.
for side in linux windows; do
	mkdir -p "$tmp/$side/Anbud æøå og mer" "$tmp/$side/out"
	cp assets/samples/*.yaml "$tmp/$side/"
	cp assets/samples/solenga-gol.yaml "$tmp/$side/Solenga på Gol – kopi.yaml"
done

# compare NAME ARGS...: runs both builds with ARGS and compares.
compare() {
	local name=$1
	shift
	local lrc=0 wrc=0
	(cd "$tmp/linux" && "$linux_bin" "$@" >"$tmp/l.out" 2>"$tmp/l.err") || lrc=$?
	(cd "$tmp/windows" && wine_run "$exe" "$@" >"$tmp/w.out" 2>"$tmp/w.err") || wrc=$?
	local bad=""
	[[ $lrc == "$wrc" ]] || bad+=" exit code (Linux $lrc, Windows $wrc)"
	cmp -s "$tmp/l.out" "$tmp/w.out" || bad+=" stdout"
	cmp -s "$tmp/l.err" "$tmp/w.err" || bad+=" stderr"
	if [[ -n $bad ]]; then
		fail "$name: differs in$bad"
		diff <(cat "$tmp/l.out" "$tmp/l.err") <(cat "$tmp/w.out" "$tmp/w.err") | head -20 || true
	else
		pass "$name (exit $lrc, $(wc -c <"$tmp/l.out") + $(wc -c <"$tmp/l.err") bytes)"
	fi
}

# same_file NAME PATH: the file PATH the two builds wrote is byte-identical.
same_file() {
	if [[ -s $tmp/linux/$2 ]] && cmp -s "$tmp/linux/$2" "$tmp/windows/$2"; then
		pass "$1: $2 identical ($(wc -c <"$tmp/linux/$2") bytes)"
	else
		fail "$1: $2 missing or different"
	fi
}

A='A – 24 boliger'
compare version version
compare "validate" validate solenga-gol.yaml reveskogen-hemsedal.yaml hallingbygg-2026.yaml
compare "estimate" estimate solenga-gol.yaml
compare "estimate --json" estimate --json reveskogen-hemsedal.yaml
compare "estimate --lang en" estimate --lang en --variant "$A" solenga-gol.yaml
compare "estimate of 'Solenga på Gol – kopi.yaml'" estimate "Solenga på Gol – kopi.yaml"
compare catalogue catalogue
compare "missing file" estimate finnes-ikke.yaml
compare "wrong use: no file" estimate
compare "wrong use: unknown command" tegn solenga-gol.yaml
compare "tender PDF" tender solenga-gol.yaml --variant "$A" -o out/anbud.pdf
same_file "tender PDF" out/anbud.pdf
compare "prices XLSX" prices solenga-gol.yaml --variant "$A" -o out/prisskjema.xlsx
same_file "prices XLSX" out/prisskjema.xlsx
compare "tender PDF into 'Anbud æøå og mer'" tender --lang en "Solenga på Gol – kopi.yaml" --variant "$A" -o "Anbud æøå og mer/anbud.pdf"
same_file "tender PDF" "Anbud æøå og mer/anbud.pdf"

echo "== 2. no OpenGL 2.1 ($(elapsed))"
rc=0
MESA_GL_VERSION_OVERRIDE=1.1 "$linux_bin" >"$tmp/gl.out" 2>"$tmp/gl.err" || rc=$?
if [[ $rc == 1 ]] && grep -q 'OpenGL 2.1' "$tmp/gl.err" && grep -q 'estimate konsept.yaml' "$tmp/gl.err"; then
	pass "Linux build says OpenGL 2.1 is missing and the command line works (exit 1)"
else
	fail "Linux build without OpenGL 2.1: exit $rc, said: $(head -c 300 "$tmp/gl.err")"
fi

# installed_runs NAME EXE: the installed program prints its version and
# opens its window (found by its title within a minute, then closed).
installed_runs() {
	local got
	got=$(wine_run "$2" version 2>&1) || true
	if [[ $got == *"$version"* ]]; then pass "$1: installed program prints version $version"; else fail "$1: installed program said: $got"; fi
	# Wine now and then starts a GUI program without ever mapping its
	# window (seen once in several runs here); a second start tells that
	# from a program that cannot open one.
	local attempt pid win=""
	for attempt in 1 2; do
		LC_ALL=C.UTF-8 wine "$2" >/dev/null 2>&1 &
		pid=$!
		for _ in $(seq 60); do
			win=$(xdotool search --name 'Bokonsept' 2>/dev/null | head -1) || true
			[[ -n $win ]] && break
			sleep 1
		done
		wineserver -k >/dev/null 2>&1 || true
		wait "$pid" 2>/dev/null || true
		[[ -n $win ]] && break
		printf '     %s: no window within 60 s on start %d\n' "$1" "$attempt"
	done
	if [[ -n $win ]]; then pass "$1: installed program opens its window"; else fail "$1: no window within 60 s, twice"; fi
}

# reg_has KEY [VALUE]: the registry has KEY (and its VALUE).
reg_has() {
	local args=("$1")
	[[ $# -gt 1 ]] && args+=(/v "$2")
	LC_ALL=C.UTF-8 wine reg query "${args[@]}" >/dev/null 2>&1
}

# only_files NAME DIR FILE...: DIR holds exactly FILEs (nothing test-only).
only_files() {
	local got want
	got=$(cd "$2" && ls -A | sort | paste -sd ' ')
	want=$(printf '%s\n' "${@:3}" | sort | paste -sd ' ')
	if [[ $got == "$want" ]]; then pass "$1: installs only $want"; else fail "$1: installed [$got], want [$want]"; fi
}

echo "== 3a. MSI, per machine ($(elapsed))"
pf="$WINEPREFIX/drive_c/Program Files/Bokonsept"
user_dir=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData | grep -v /Public/ | head -1)
# Windows puts a per-machine (ALLUSERS=1) shortcut into every user's Start
# menu (ProgramData); Wine 8.0's msiexec into the installing user's.
lnk="$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Bokonsept.lnk"
wine_lnk="$user_dir/Roaming/Microsoft/Windows/Start Menu/Programs/Bokonsept.lnk"
if wine_run msiexec /i "$msi" /qn /l*v "$tmp/msi-install.log" && [[ -f $pf/Bokonsept.exe ]]; then
	pass "MSI installs into Program Files"
	only_files "MSI" "$pf" Bokonsept.exe
	if [[ -f $lnk ]]; then
		pass "MSI: Start-menu shortcut for every user"
	elif [[ -f $wine_lnk ]]; then
		lnk=$wine_lnk
		pass "MSI: Start-menu shortcut (in the user's Start menu, as Wine's msiexec does)"
	else
		fail "MSI: no Start-menu shortcut at $lnk"
	fi
	if reg_has 'HKLM\Software\Classes\Bokonsept.Concept\shell\open\command' && reg_has 'HKLM\Software\Classes\.yaml\OpenWithProgids' Bokonsept.Concept; then
		pass "MSI: .yaml association"
	else
		fail "MSI: no .yaml association"
	fi
	installed_runs "MSI" "$pf/Bokonsept.exe"
	if wine_run msiexec /x "$msi" /qn /l*v "$tmp/msi-remove.log" && [[ ! -e $pf && ! -e $lnk ]] &&
		! reg_has 'HKLM\Software\Classes\Bokonsept.Concept' && ! reg_has 'HKLM\Software\Classes\.yaml\OpenWithProgids' Bokonsept.Concept; then
		pass "MSI uninstalls cleanly (files, shortcut, registry)"
	else
		fail "MSI uninstall left something behind"
		ls -la "$pf" "$lnk" 2>&1 | head
	fi
else
	fail "MSI install"
	iconv -f UTF-16LE -t UTF-8 "$tmp/msi-install.log" 2>/dev/null | grep -i -E 'error|fail' | head -20 || true
fi

echo "== 3b. per-user installer ($(elapsed))"
ud="$user_dir/Local/Programs/Bokonsept"
ulnk="$user_dir/Roaming/Microsoft/Windows/Start Menu/Programs/Bokonsept.lnk"
if wine_run "$setup" /S && [[ -f $ud/Bokonsept.exe ]]; then
	pass "per-user installer installs into %LOCALAPPDATA%\\Programs, without administrator rights"
	only_files "per-user installer" "$ud" Bokonsept.exe Uninstall.exe
	[[ -f $ulnk ]] && pass "per-user installer: Start-menu shortcut" || fail "per-user installer: no Start-menu shortcut at $ulnk"
	if reg_has 'HKCU\Software\Classes\Bokonsept.Concept\shell\open\command' && reg_has 'HKCU\Software\Classes\.yaml\OpenWithProgids' Bokonsept.Concept &&
		reg_has 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Bokonsept' UninstallString; then
		pass "per-user installer: .yaml association and an entry in Apps"
	else
		fail "per-user installer: association or uninstall entry missing"
	fi
	installed_runs "per-user installer" "$ud/Bokonsept.exe"
	# The uninstaller copies itself away and returns at once; wine_run waits
	# for the copy too.
	wine_run "$ud/Uninstall.exe" /S || true
	if [[ ! -e $ud && ! -e $ulnk ]] && ! reg_has 'HKCU\Software\Classes\Bokonsept.Concept' &&
		! reg_has 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Bokonsept'; then
		pass "per-user installer uninstalls cleanly (files, shortcut, registry)"
	else
		fail "per-user uninstall left something behind"
		ls -la "$ud" "$ulnk" 2>&1 | head
	fi
else
	fail "per-user install"
fi

echo "== done in $(elapsed)"
echo "windows-smoke: $passes passed, $failures failed"
((failures == 0))
