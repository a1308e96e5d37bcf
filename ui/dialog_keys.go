package ui

import (
	"slices"

	"fyne.io/fyne/v2"
)

// closable is what dialogKeys.answer needs of a dialog: Fyne's dialogs
// and its file dialog both have it.
type closable interface {
	Hide()
	SetOnClosed(func())
}

// dialogKeys are what the keyboard does in one dialog: Escape cancels it
// and Return or Enter confirms it. The dialog's own widgets (dialogSelect,
// dialogRadio, dialogButton, dialogEntry) pass those keys to it while they
// have the focus; the canvas's key handler passes them while nothing has.
type dialogKeys struct {
	// cancel closes the dialog without an answer.
	cancel func()
	// confirm answers it as its main button does; nil does nothing.
	confirm func()
}

// typedKey answers ev when it is Escape, Return or Enter, and reports
// whether it was one of those.
func (k *dialogKeys) typedKey(ev *fyne.KeyEvent) bool {
	if k == nil {
		return false
	}
	switch ev.Name {
	case fyne.KeyEscape:
		if k.cancel != nil {
			k.cancel()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if k.confirm != nil {
			k.confirm()
		}
	default:
		return false
	}
	return true
}

// openDialogs are a canvas's open dialogs that answer keys, the last on
// top, and the key handler the canvas had before the first of them.
type openDialogs struct {
	keys []*dialogKeys
	prev func(*fyne.KeyEvent)
}

// typedKey is the canvas's key handler while dialogs are open: the top
// dialog answers the key, or the previous handler gets it.
func (o *openDialogs) typedKey(ev *fyne.KeyEvent) {
	if len(o.keys) > 0 && o.keys[len(o.keys)-1].typedKey(ev) {
		return
	}
	if o.prev != nil {
		o.prev(ev)
	}
}

// dialogsOn holds the open dialogs of each canvas. Only the UI goroutine
// touches it.
var dialogsOn = map[fyne.Canvas]*openDialogs{}

// answer lets the keyboard answer d, a dialog shown in win, through k:
// Escape hides d and Return or Enter calls confirm (nothing when confirm
// is nil), wherever the focus is as long as d's focusable widgets are the
// dialog widgets that know k. A dialog opened while d is open answers
// the keys until it closes; the window's own key handler comes back when
// the last dialog closes, whatever order they close in.
func (k *dialogKeys) answer(win fyne.Window, d closable, confirm func()) {
	k.cancel, k.confirm = d.Hide, confirm
	c := win.Canvas()
	open := dialogsOn[c]
	if open == nil {
		open = &openDialogs{prev: c.OnTypedKey()}
		dialogsOn[c] = open
		c.SetOnTypedKey(open.typedKey)
	}
	open.keys = append(open.keys, k)
	d.SetOnClosed(func() {
		open.keys = slices.DeleteFunc(open.keys, func(o *dialogKeys) bool { return o == k })
		if len(open.keys) == 0 && dialogsOn[c] == open {
			delete(dialogsOn, c)
			c.SetOnTypedKey(open.prev)
		}
	})
}

// answerKeys lets the keyboard answer d, a dialog shown in win, that has
// no focusable widgets of its own (such as Fyne's file dialog, whose
// widgets keep their keys): Escape hides it and Return or Enter calls
// confirm while nothing in it has the focus.
func answerKeys(win fyne.Window, d closable, confirm func()) {
	(&dialogKeys{}).answer(win, d, confirm)
}
