package ui

import "testing"

// A gate skips refreshes only while hidden, and asks for one on showing
// only when one was skipped since the last that ran.
func TestShownGate(t *testing.T) {
	var g shownGate
	if g.skip() {
		t.Fatal("a screen never hidden skipped a refresh")
	}
	if g.show(true) {
		t.Error("shown with nothing missed, yet a refresh is due")
	}
	g.show(false)
	if g.show(true) {
		t.Error("hidden and shown again without an edit, yet a refresh is due")
	}
	g.show(false)
	for range 2 {
		if !g.skip() {
			t.Fatal("a hidden screen refreshed")
		}
	}
	if !g.show(true) {
		t.Error("a refresh was skipped, yet none is due when shown")
	}
	if g.skip() {
		t.Error("a shown screen skipped its refresh")
	}
	if g.show(true) {
		t.Error("the refresh that ran did not make the screen current")
	}
}
