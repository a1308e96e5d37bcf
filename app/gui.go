package main

import (
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"github.com/hallingdal/bokonsept/ui"
)

// appID is Bokonsept's application id, as in FyneApp.toml.
const appID = "no.hallingdal.bokonsept"

// guiMemoryLimit is the Go heap's soft limit in the desktop app. The live
// heap is about 25-35 MB with 50 variants open; without a limit the
// collector lets it grow to twice that, which puts the process (with the
// GL driver's own memory) above the 200 MB docs/PERFORMANCE.md sets as the
// target. A limit close to the live heap makes the collector run almost
// without pause (48 MB took more CPU than drawing the window), so the
// limit leaves about as much again. GOMEMLIMIT in the environment
// overrides it.
const guiMemoryLimit = 64 << 20

// runGUI opens the desktop configurator on file ("" for the Solenga sample)
// and returns the exit code when the window closes.
func runGUI(file string) int {
	sampleHeapOnlyForProfile()
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(guiMemoryLimit)
	}
	a := app.NewWithID(appID)
	a.SetIcon(ui.Icon())
	w := a.NewWindow("Bokonsept")
	w.SetContent(ui.Create(a, w, ui.Options{Version: version, File: file}))
	w.Resize(fyne.NewSize(1440, 900))
	w.SetMaster()
	stop := startProfile()
	defer stop()
	w.ShowAndRun()
	return 0
}
