package ui

// shownGate remembers whether a screen's tab is shown, so that the screen
// skips its refreshes while hidden (an edit then redraws only what is on
// screen) and does the one it missed when its tab is shown again.
type shownGate struct {
	hidden, stale bool
}

// skip reports whether a refresh is to be skipped now; a skipped refresh
// is remembered, a refresh that runs makes the screen current.
func (g *shownGate) skip() bool {
	g.stale = g.hidden
	return g.hidden
}

// show records whether the tab is shown and reports whether a refresh
// missed while it was hidden is due now (the caller does it: the screen is
// current again).
func (g *shownGate) show(shown bool) (due bool) {
	g.hidden = !shown
	due = shown && g.stale
	if due {
		g.stale = false
	}
	return due
}
