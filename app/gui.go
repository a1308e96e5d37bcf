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
// heap is about 30 MB with the largest sample open; without a limit the
// collector lets it grow to twice that, which puts the process (with the
// GL driver's own memory) above the 200 MB the issue allows. GOMEMLIMIT in
// the environment overrides it.
const guiMemoryLimit = 48 << 20

// runGUI opens the desktop configurator on file ("" for the Solenga sample)
// and returns the exit code when the window closes.
func runGUI(file string) int {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(guiMemoryLimit)
	}
	a := app.NewWithID(appID)
	a.SetIcon(ui.Icon())
	w := a.NewWindow("Bokonsept")
	w.SetContent(ui.Create(a, w, ui.Options{Version: version, File: file}))
	w.Resize(fyne.NewSize(1440, 900))
	w.SetMaster()
	w.ShowAndRun()
	return 0
}
