# Bokonsept: `make run` opens the app, `make test` runs every test.
# Both install what is missing first (system packages for Fyne, Go modules).

GO        ?= go
# no_emoji leaves Fyne's colour emoji font (4 MB) out: the window shows no
# emoji, and Fyne parses that font once per text style, about 14 MB of the
# window's heap (docs/PERFORMANCE.md, "Memory"). no_animations keeps the
# text cursor still instead of fading: with a software renderer (Mesa, or
# a remote desktop without a GPU) the fade repaints the whole window about
# 12 times a second, a fifth of a core while a field has the focus
# (docs/PERFORMANCE.md, "The edit path").
TAGS      := -tags migrated_fynedo,no_emoji,no_animations
BIN       := bokonsept
VERSION   := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml 2>/dev/null)
LDFLAGS   := -X main.version=$(VERSION)
# Fuzzing runs a fixed number of inputs, not a fixed time: a time limit that
# runs out while a worker is busy fails with "context deadline exceeded" on a
# loaded machine, which says nothing about the decoders.
FUZZTIME  ?= 20000x
# The apt line from docs/PLATFORM facts: building, running headless,
# screenshots, clicking and PDF->PNG/text.
APT_PKGS  := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
             libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev xvfb xauth \
             libgl1-mesa-dri xdotool imagemagick poppler-utils
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Fyne logs a harmless error at start for a locale it cannot parse (C.UTF-8).
# bokonsept keeps it off stderr (app/internal/quietlocale); the test binaries
# of the other packages do not, so make gives them a locale Fyne can parse.
# The app's language is its own setting (bokmål by default), so any UTF-8
# locale name will do.
ifneq ($(filter-out C C.UTF-8 C.utf8 POSIX,$(LANG)),)
else
export LANG := en_US.UTF-8
endif

.PHONY: run test build deps deps-system deps-go lint vet race fuzz window-test screenshot package bench bench-window clean windows windows-test windows-deps

run: deps build
	./$(BIN)

build: deps-go
	$(GO) build $(TAGS) -ldflags '$(LDFLAGS)' -o $(BIN) ./app

test: deps vet
	$(GO) test $(TAGS) -count=1 ./...
	$(MAKE) --no-print-directory race
	$(MAKE) --no-print-directory fuzz
	$(MAKE) --no-print-directory build
	bash scripts/window_test.sh ./$(BIN)

deps: deps-system deps-go

# Installs the system packages Fyne needs when one is missing (apt, with sudo
# when not root). On a machine without apt it says what to install instead.
deps-system:
	@missing=$$(for p in $(APT_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if ! command -v apt-get >/dev/null; then echo "Install these packages (or your system's equivalents): $$missing" >&2; exit 1; fi; \
		echo "Installing system packages: $$missing"; \
		$(SUDO) apt-get update -qq -o DPkg::Lock::Timeout=300 && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 $$missing; \
	fi
	@command -v $(GO) >/dev/null || { echo "Go is missing: install Go 1.22 or later (https://go.dev/doc/install); it fetches Go 1.26 by itself." >&2; exit 1; }

deps-go:
	$(GO) mod download

vet:
	$(GO) vet $(TAGS) ./...

lint: vet
	@command -v staticcheck >/dev/null || $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2
	staticcheck $(TAGS) ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }

# The decoders and the engine (whose simulation runs on every core) under
# the race detector, which needs cgo.
race:
	CGO_ENABLED=1 $(GO) test $(TAGS) -race -count=1 ./concepts ./costing

# Short fuzz runs of the decoders (seed corpora in concepts/testdata/fuzz).
fuzz:
	$(GO) test $(TAGS) -run '^$$' -fuzz '^FuzzDecodeCatalogue$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 100x ./concepts
	$(GO) test $(TAGS) -run '^$$' -fuzz '^FuzzDecodeConcept$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 100x ./concepts

window-test: build
	bash scripts/window_test.sh ./$(BIN)

screenshot: build
	bash scripts/screenshot.sh ./$(BIN)

bench:
	$(GO) test $(TAGS) -run '^$$' -bench . -benchmem ./costing ./tender ./ui

# The time from a keypress to the figures in the real window, under Xvfb
# (scripts/bench_window.sh; the figures are in docs/PERFORMANCE.md).
bench-window: deps-system build
	bash scripts/bench_window.sh ./$(BIN)

package: build
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux --exe ./$(BIN) --name Bokonsept --icon assets/icon.png --release

# Windows: `make windows` cross-builds dist/windows/Bokonsept.exe (icon,
# version, manifest), the per-machine MSI, the per-user installer and a zip
# (scripts/windows_build.sh); `make windows-test` compares it with the Linux
# build under Wine and installs and uninstalls both installers
# (scripts/windows_smoke.sh).
WIN_APT_PKGS  := gcc-mingw-w64-x86-64 msitools wixl nsis zip imagemagick
WINE_APT_PKGS := wine wine64 xvfb xauth xdotool imagemagick

windows: deps-go
	@$(MAKE) --no-print-directory deps-system APT_PKGS='$(WIN_APT_PKGS)'
	bash scripts/windows_build.sh

windows-test: deps windows build
	@$(MAKE) --no-print-directory deps-system APT_PKGS='$(WINE_APT_PKGS)'
	bash scripts/windows_smoke.sh ./$(BIN)

# The system packages of make windows and make windows-test, without
# building (CI installs every package before it builds two things at once).
windows-deps:
	@$(MAKE) --no-print-directory deps-system APT_PKGS='$(WIN_APT_PKGS) $(WINE_APT_PKGS)'

clean:
	rm -f $(BIN) *.tar.xz
	rm -rf dist
