#!/usr/bin/env bash
# Cross-builds Bokonsept for 64-bit Windows on Linux and packages it
# (`make windows` runs it after installing MinGW-w64, msitools, NSIS, zip and
# ImageMagick with apt):
#
#   dist/windows/Bokonsept.exe                      the program (GUI subsystem:
#                                                   no console window; from a
#                                                   console a command prints there)
#   dist/windows/Bokonsept-VERSION-x64.msi          per machine, for IT departments
#   dist/windows/Bokonsept-VERSION-user-setup.exe   per user, no administrator rights
#   dist/windows/Bokonsept-VERSION-windows-x64.zip  the program alone, to try it
#
# The program carries a multi-size icon (16 to 256 pixels, from
# assets/icon.png), version information and a manifest (common controls 6,
# DPI awareness, long paths, no elevation), written as a resource object by
# go-winres from packaging/windows/winres.json. The installers' sources are in packaging/windows/.
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
WIN_CC=${WIN_CC:-x86_64-w64-mingw32-gcc}
OUT=dist/windows # packaging/windows/winres.json names its icon there
WINRES=github.com/tc-hib/go-winres@v0.3.3

version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
build=$(sed -n 's/^Build *= *\([0-9][0-9]*\).*/\1/p' FyneApp.toml)
# Windows Installer and the version resource take numbers only: 0.1.0-rc1 → 0.1.0.
numeric=$(printf '%s' "$version" | sed 's/[^0-9.].*//')
[[ $numeric =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "windows_build: version '$version' in FyneApp.toml is not x.y.z" >&2; exit 1; }
fileversion=$numeric.${build:-0}

work=$OUT/build
mkdir -p "$work"
abs() { printf '%s/%s' "$PWD" "$1"; }

step() { printf '== %s\n' "$*"; }

step "icon: 16, 24, 32, 48, 64, 128 and 256 pixels"
convert assets/icon.png -background none -define icon:auto-resize=256,128,64,48,32,24,16 "$work/Bokonsept.ico"

step "resources: icon, version $fileversion, manifest"
# The resource object must be in the program's package. It goes into a
# copy of the sources (the files git knows and the new ones it does not
# ignore), so that a Linux build or test running at the same time (CI)
# never sees it. The copy has a fixed place, so the Go build cache stays
# warm between builds; it is a module of its own, which ./... leaves out.
src=$OUT/_src
rm -rf "$src"
mkdir -p "$src"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -C "$src" -xf -
"$GO" run "$WINRES" make --in packaging/windows/winres.json --arch amd64 --out "$src/app/rsrc" \
	--product-version "$version" --file-version "$fileversion"

step "program: $OUT/Bokonsept.exe"
exe=$(abs "$OUT/Bokonsept.exe")
(cd "$src" && CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC="$WIN_CC" \
	"$GO" build -tags migrated_fynedo,no_emoji,no_animations \
	-ldflags "-H=windowsgui -s -w -X main.version=$version" \
	-o "$exe" ./app)
rm -rf "$src"

step "MSI (per machine): $OUT/Bokonsept-$version-x64.msi"
# One ProductCode per version, the same in every build of it (a GUID made
# from the version's MD5).
h=$(printf 'Bokonsept %s x64' "$numeric" | md5sum | tr a-f A-F)
productcode="${h:0:8}-${h:8:4}-${h:12:4}-${h:16:4}-${h:20:12}"
# wixl takes the files' paths relative to the current folder only.
wixl -a x64 -D Version="$numeric" -D ProductCode="$productcode" -D ExeFile="$OUT/Bokonsept.exe" \
	-D IconFile="$work/Bokonsept.ico" \
	-o "$OUT/Bokonsept-$version-x64.msi" packaging/windows/Bokonsept.wxs

step "installer (per user): $OUT/Bokonsept-$version-user-setup.exe"
makensis -V2 -DVERSION="$version" -DVIVERSION="$fileversion" \
	-DEXE="$(abs "$OUT/Bokonsept.exe")" -DICON="$(abs "$work/Bokonsept.ico")" \
	-DOUTFILE="$(abs "$OUT/Bokonsept-$version-user-setup.exe")" packaging/windows/Bokonsept.nsi

step "zip: $OUT/Bokonsept-$version-windows-x64.zip"
rm -f "$OUT/Bokonsept-$version-windows-x64.zip"
(cd "$OUT" && zip -q -X "Bokonsept-$version-windows-x64.zip" Bokonsept.exe)

ls -l "$OUT"
