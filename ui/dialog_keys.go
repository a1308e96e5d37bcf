package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// closable is what answerKeys needs of a dialog: Fyne's dialogs and its
// file dialog both have it.
type closable interface {
	Hide()
	SetOnClosed(func())
}

// answerKeys lets the keyboard answer d, a dialog shown in win: Escape
// dismisses it and Return or Enter calls confirm (nothing when confirm is
// nil). Fyne's dialogs take no keys of their own, so without this a dialog
// can only be closed with the mouse. The keys reach d while no widget in
// it has the focus (a dialog's entries answer them through dialogEntry).
// The window's previous key handler comes back when d closes, so dialogs
// opened from dialogs work too.
func answerKeys(win fyne.Window, d closable, confirm func()) {
	c := win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			d.Hide()
		case fyne.KeyReturn, fyne.KeyEnter:
			if confirm != nil {
				confirm()
			}
		default:
			if prev != nil {
				prev(ev)
			}
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}

// showError shows err in a dialog that Escape or Return closes.
func showError(err error, win fyne.Window) {
	d := dialog.NewError(err, win)
	answerKeys(win, d, d.Hide)
	d.Show()
}

// showInformation shows a message in a dialog that Escape or Return closes.
func showInformation(title, message string, win fyne.Window) {
	d := dialog.NewInformation(title, message, win)
	answerKeys(win, d, d.Hide)
	d.Show()
}

// dialogEntry is an entry for a dialog's form: Return submits the dialog
// and Escape cancels it, as they do when no entry has the focus.
type dialogEntry struct {
	widget.Entry
	onEscape func()
}

// newDialogEntry returns an entry with text and validator for a dialog.
func newDialogEntry(text string, validator fyne.StringValidator) *dialogEntry {
	e := &dialogEntry{}
	e.Text = text
	e.Validator = validator
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable: Escape cancels the dialog.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// answerFormKeys makes Return in any of entries submit the form dialog d
// (when its fields are valid) and Escape cancel it, and lets the keyboard
// answer d when no entry has the focus.
func answerFormKeys(win fyne.Window, d *dialog.FormDialog, entries ...*dialogEntry) {
	for _, e := range entries {
		e.OnSubmitted = func(string) { d.Submit() }
		e.onEscape = d.Hide
	}
	answerKeys(win, d, d.Submit)
}
