package ui

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/i18n"
)

// Bokonsept's dialogs. They are Fyne's custom dialogs with buttons of our
// own (dialogButton), because the buttons of Fyne's ready-made dialogs
// keep Escape to themselves once Tab has given them the focus; so Escape
// closes every one of these dialogs wherever the focus is in it.

// newCloseDialog returns a dialog of content with one button, closeText,
// that closes it; Escape, Return and Enter close it too. keys are the
// dialog's keys that content's widgets were made with.
func newCloseDialog(win fyne.Window, keys *dialogKeys, title, closeText string, content fyne.CanvasObject) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	d.SetButtons([]fyne.CanvasObject{newDialogButton(keys, closeText, nil, widget.MediumImportance, d.Hide)})
	keys.answer(win, d, d.Hide)
	return d
}

// confirmDialog is a dialog with a dismiss and a confirm button, as Fyne's
// ConfirmDialog: it calls its callback once, with true when confirmed and
// false when dismissed (by the button or Escape). Return or Enter confirms it.
type confirmDialog struct {
	*dialog.CustomDialog
	confirmButton       *dialogButton
	confirmed, answered bool
}

// newConfirmDialog returns a confirmDialog of content; keys are the
// dialog's keys that content's widgets were made with.
func newConfirmDialog(win fyne.Window, keys *dialogKeys, title, confirmText, dismissText string, content fyne.CanvasObject, callback func(bool)) *confirmDialog {
	d := &confirmDialog{CustomDialog: dialog.NewCustomWithoutButtons(title, content, win)}
	d.confirmButton = newDialogButton(keys, confirmText, theme.ConfirmIcon(), widget.HighImportance, d.Confirm)
	dismiss := newDialogButton(keys, dismissText, theme.CancelIcon(), widget.MediumImportance, d.Hide)
	d.SetButtons([]fyne.CanvasObject{dismiss, d.confirmButton})
	// The keys first: a dialog that callback opens answers the keys next.
	keys.answer(win, d, d.Confirm)
	d.SetOnClosed(func() {
		if d.answered {
			return
		}
		d.answered = true
		if callback != nil {
			callback(d.confirmed)
		}
	})
	return d
}

// Confirm closes the dialog with the answer yes, unless its confirm button
// is disabled (a form with an invalid field).
func (d *confirmDialog) Confirm() {
	if d.confirmButton.Disabled() {
		return
	}
	d.confirmed = true
	d.Hide()
}

// newFormDialog returns a confirmDialog of a form of items, as Fyne's
// FormDialog: the confirm button (and Return in a field) works only while
// every field is valid.
func newFormDialog(win fyne.Window, keys *dialogKeys, title, confirmText, dismissText string, items []*widget.FormItem, callback func(bool)) *confirmDialog {
	form := widget.NewForm(items...)
	d := newConfirmDialog(win, keys, title, confirmText, dismissText, form, callback)
	valid := func(err error) {
		if err != nil {
			d.confirmButton.Disable()
		} else {
			d.confirmButton.Enable()
		}
	}
	valid(form.Validate())
	form.SetOnValidationChanged(valid)
	return d
}

// Text dialogs are as wide as their message, up to these limits (as
// Fyne's information dialogs).
const (
	textDialogMaxWidth   = 600
	textDialogMaxShare   = 0.9
	textDialogSideMargin = 32
)

// messageLabel is the centred, wrapped message of a text dialog.
func messageLabel(message string) *widget.Label {
	return &widget.Label{Text: message, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
}

// fitMessage makes d, a dialog showing message, as wide as the message on
// one line, up to the limits.
func fitMessage(d dialog.Dialog, win fyne.Window, message string) {
	w := widget.NewLabel(message).MinSize().Width + textDialogSideMargin + 2*theme.Padding()
	w = min(w, textDialogMaxWidth)
	if cw := win.Canvas().Size().Width; cw > 0 {
		w = min(w, cw*textDialogMaxShare)
	}
	d.Resize(fyne.NewSize(w, 0))
}

// newMessageDialog returns a dialog with icon that shows message and closes
// with its OK button, Escape, Return or Enter.
func newMessageDialog(win fyne.Window, l *i18n.Locale, icon fyne.Resource, title, message string) *dialog.CustomDialog {
	d := newCloseDialog(win, &dialogKeys{}, title, l.T("ui.dialog.ok"), messageLabel(message))
	d.SetIcon(icon)
	fitMessage(d, win, message)
	return d
}

// newQuestionDialog returns a confirmDialog that asks question, with a
// question icon.
func newQuestionDialog(win fyne.Window, title, question, confirmText, dismissText string, callback func(bool)) *confirmDialog {
	d := newConfirmDialog(win, &dialogKeys{}, title, confirmText, dismissText, messageLabel(question), callback)
	d.SetIcon(theme.QuestionIcon())
	fitMessage(d, win, question)
	return d
}

// showError shows err in a dialog that Escape or Return closes; the
// message starts with a capital letter.
func showError(l *i18n.Locale, err error, win fyne.Window) {
	text := err.Error()
	if r, size := utf8.DecodeRuneInString(text); r != utf8.RuneError {
		text = string(unicode.ToUpper(r)) + text[size:]
	}
	newMessageDialog(win, l, theme.ErrorIcon(), l.T("ui.dialog.error_title"), text).Show()
}

// showInformation shows a message in a dialog that Escape or Return closes.
func showInformation(l *i18n.Locale, title, message string, win fyne.Window) {
	newMessageDialog(win, l, theme.InfoIcon(), title, message).Show()
}
