package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// TestTextStylesRegularAndBold: every text of every tab is regular or bold.
// Fyne parses two fonts for each text style the window uses (its own face
// and a system face for the language), about 3.3 MB of heap for italic
// alone, so secondary texts are told apart by colour (low importance)
// instead (docs/PERFORMANCE.md, "Memory").
func TestTextStylesRegularAndBold(t *testing.T) {
	u := newTestUI(t)
	ok := func(s fyne.TextStyle) bool {
		return !s.Italic && !s.Monospace && !s.Symbol
	}
	texts := 0
	for _, tab := range u.tabs.Items {
		for _, o := range rendered(tab.Content) {
			switch x := o.(type) {
			case *widget.Label:
				if !ok(x.TextStyle) {
					t.Errorf("tab %q: label %q has style %+v", tab.Text, x.Text, x.TextStyle)
				}
			case *canvas.Text:
				texts++
				if !ok(x.TextStyle) {
					t.Errorf("tab %q: text %q has style %+v", tab.Text, x.Text, x.TextStyle)
				}
			}
		}
	}
	if texts < 100 {
		t.Fatalf("found only %d texts in the tabs; the walk misses the window", texts)
	}
}
