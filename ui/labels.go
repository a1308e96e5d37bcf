package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// setText shows text in lbl unless it shows it already: a label's
// SetText lays its text out again even when it is the same, and a truncated
// label measures it, which on a refresh after every keystroke adds up.
func setText(lbl *widget.Label, text string) {
	if lbl.Text != text {
		lbl.SetText(text)
	}
}

// showOnly makes o visible among the objects of stack and hides the others
// (a table cell that shows one of several widgets).
func showOnly(stack *fyne.Container, o fyne.CanvasObject) {
	for _, x := range stack.Objects {
		if x == o {
			x.Show()
		} else {
			x.Hide()
		}
	}
}
