package ui

import (
	"errors"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// pressKey sends a key to the window as the driver does: to the focused
// widget, else to the canvas's key handler.
func pressKey(u *mainUI, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := u.win.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

// focusedDialogEntry returns the dialog entry that has the focus.
func focusedDialogEntry(t *testing.T, u *mainUI) *dialogEntry {
	t.Helper()
	e, ok := u.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the focus is on %T, not a dialog's entry", u.win.Canvas().Focused())
	}
	return e
}

func TestDialogKeysEscapeCancels(t *testing.T) {
	u := newTestUI(t)
	if err := u.ed.setCount(0, 2); err != nil {
		t.Fatal(err)
	}
	before := u.ed.concept()
	u.onNew()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no unsaved-changes dialog")
	}
	pressKey(u, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the unsaved-changes dialog open")
	}
	if u.ed.concept() != before {
		t.Fatal("Escape dropped the changes")
	}
	if u.win.Canvas().OnTypedKey() != nil {
		t.Error("the dialog's key handler stayed after it closed")
	}
}

func TestDialogKeysReturnConfirms(t *testing.T) {
	u := newTestUI(t)
	u.onNew()
	pressKey(u, fyne.KeyReturn)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Return left the New dialog open")
	}
	if got, want := u.ed.concept().Name, u.l.T("ui.new.default_name"); got != want {
		t.Errorf("after Return the concept is %q, want the new empty %q", got, want)
	}

	u.showAbout()
	pressKey(u, fyne.KeyReturn)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Return left the About dialog open")
	}
}

func TestDialogKeysRenameEntry(t *testing.T) {
	u := newTestUI(t)
	name := u.ed.variant().Name

	u.variants.onRenameTapped()
	e := focusedDialogEntry(t, u)
	e.SetText("Hovedalternativ")
	pressKey(u, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape in the entry left the rename dialog open")
	}
	if got := u.ed.variant().Name; got != name {
		t.Errorf("Escape renamed the variant to %q", got)
	}

	u.variants.onRenameTapped()
	e = focusedDialogEntry(t, u)
	e.SetText("Hovedalternativ")
	pressKey(u, fyne.KeyReturn)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Return in the entry left the rename dialog open")
	}
	if got := u.ed.variant().Name; got != "Hovedalternativ" {
		t.Errorf("after Return the variant is %q, want Hovedalternativ", got)
	}
}

func TestSiteChoicesLeaveOutTakenItems(t *testing.T) {
	u := newTestUI(t)
	cat := u.ed.catalogue()
	m := cat.Municipality(u.ed.concept().Municipality)
	if m == nil || len(m.Items) == 0 || len(u.ed.variant().SiteItems) == 0 {
		t.Fatal("the sample has no municipal or variant site items to test with")
	}
	offered := map[string]bool{}
	for _, id := range u.variants.siteIDs {
		offered[id] = true
	}
	for _, id := range m.Items {
		if offered[id] {
			t.Errorf("the municipality's own item %q is offered", id)
		}
	}
	for _, line := range u.ed.variant().SiteItems {
		if offered[line.Item] {
			t.Errorf("the variant's item %q is offered again", line.Item)
		}
	}
	if got, want := len(u.variants.addSite.Options), len(u.variants.siteIDs); got != want {
		t.Errorf("%d choices for %d items", got, want)
	}
	// Removing a line offers its item again.
	first := u.ed.variant().SiteItems[0].Item
	u.ed.removeSiteItem(0)
	if !slices.Contains(u.variants.siteIDs, first) {
		t.Errorf("%q is not offered after its line was removed", first)
	}
}

// dialogOpeners open each of Bokonsept's dialogs in u.
var dialogOpeners = []struct {
	name string
	open func(t *testing.T, u *mainUI)
}{
	{"about", func(_ *testing.T, u *mainUI) { u.showAbout() }},
	{"settings", func(_ *testing.T, u *mainUI) { u.showSettings() }},
	{"new", func(_ *testing.T, u *mainUI) { u.onNew() }},
	{"unsaved", func(t *testing.T, u *mainUI) {
		if err := u.ed.setCount(0, 2); err != nil {
			t.Fatal(err)
		}
		u.onNew()
	}},
	{"export", func(_ *testing.T, u *mainUI) { u.onExport(exportTender) }},
	{"exported", func(t *testing.T, u *mainUI) { u.showExported(t.TempDir() + "/a.pdf") }},
	{"rename", func(_ *testing.T, u *mainUI) { u.variants.onRenameTapped() }},
	{"delete", func(_ *testing.T, u *mainUI) { u.ed.duplicateVariant(0); u.variants.confirmDelete(1) }},
	{"delete last", func(_ *testing.T, u *mainUI) {
		for len(u.ed.concept().Variants) > 1 {
			_ = u.ed.deleteVariant(1)
		}
		u.variants.confirmDelete(0)
	}},
	{"factor", func(_ *testing.T, u *mainUI) { u.site.showFactorDialog(-1) }},
	{"risk", func(_ *testing.T, u *mainUI) { u.site.risks.showDialog(-1) }},
	{"error", func(_ *testing.T, u *mainUI) { showError(u.l, errors.New("no such file"), u.win) }},
	{"file error", func(_ *testing.T, u *mainUI) { showFileError(u.win, u.l, "a.yaml", errors.New("line 1: bad")) }},
	{"save problems", func(_ *testing.T, u *mainUI) { u.showSaveProblems(errors.New("no name")) }},
}

// topFocusables returns the widgets of the top dialog that can take the focus.
func topFocusables(t *testing.T, u *mainUI) []fyne.Focusable {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	var out []fyne.Focusable
	for _, o := range test.LaidOutObjects(top) {
		if f, ok := o.(fyne.Focusable); ok && o.Visible() {
			out = append(out, f)
		}
	}
	return out
}

// TestDialogKeysEscapeWhateverHasFocus opens every dialog once for each of
// its focusable widgets, gives that widget the focus and presses Escape:
// the dialog must close, change nothing, and give the window its key
// handler back. (A RadioGroup's or Select's focus used to swallow it.)
func TestDialogKeysEscapeWhateverHasFocus(t *testing.T) {
	for _, d := range dialogOpeners {
		t.Run(d.name, func(t *testing.T) {
			u := newTestUI(t)
			d.open(t, u)
			n := len(topFocusables(t, u))
			if n == 0 {
				t.Fatal("the dialog has nothing to focus, not even a button")
			}
			pressKey(u, fyne.KeyEscape)
			if u.win.Canvas().Overlays().Top() != nil {
				t.Fatal("Escape with nothing focused left the dialog open")
			}
			for i := range n {
				u := newTestUI(t)
				d.open(t, u)
				before := u.ed.concept()
				f := topFocusables(t, u)[i]
				u.win.Canvas().Focus(f)
				if u.win.Canvas().Focused() != f {
					t.Fatalf("%T did not take the focus", f)
				}
				pressKey(u, fyne.KeyEscape)
				if u.win.Canvas().Overlays().Top() != nil {
					t.Fatalf("Escape left the dialog open while %T had the focus", f)
				}
				if u.ed.concept() != before {
					t.Errorf("Escape while %T had the focus changed the concept", f)
				}
				if u.win.Canvas().OnTypedKey() != nil {
					t.Errorf("the dialog's key handler stayed after it closed (%T had the focus)", f)
				}
			}
		})
	}
}

// TestDialogKeysRadioAndSelect checks the keys on the dialogs' own radio
// buttons and select: Return confirms, the arrows move the selection.
func TestDialogKeysRadioAndSelect(t *testing.T) {
	u := newTestUI(t)
	u.onNew()
	var items []*dialogRadioItem
	for _, f := range topFocusables(t, u) {
		if it, ok := f.(*dialogRadioItem); ok {
			items = append(items, it)
		}
	}
	if len(items) < 2 {
		t.Fatalf("the New dialog has %d radio buttons, want one per choice", len(items))
	}
	radio := items[0].radio
	u.win.Canvas().Focus(items[0])
	pressKey(u, fyne.KeyDown)
	if got, want := radio.Selected, radio.Options[1]; got != want {
		t.Errorf("after Down %q is selected, want %q", got, want)
	}
	if u.win.Canvas().Focused() != items[1] {
		t.Error("Down did not move the focus to the selected button")
	}
	pressKey(u, fyne.KeyUp)
	pressKey(u, fyne.KeyUp)
	if got, want := radio.Selected, radio.Options[len(radio.Options)-1]; got != want {
		t.Errorf("Up from the first wraps to %q, want %q", got, want)
	}
	test.Tap(items[0])
	if got, want := radio.Selected, radio.Options[0]; got != want {
		t.Errorf("after a tap %q is selected, want %q", got, want)
	}
	pressKey(u, fyne.KeyReturn)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Return on a radio button left the New dialog open")
	}
	if got, want := u.ed.concept().Name, u.l.T("ui.new.default_name"); got != want {
		t.Errorf("after Return the concept is %q, want the new empty %q", got, want)
	}

	u.showSettings()
	var sel *dialogSelect
	for _, f := range topFocusables(t, u) {
		if s, ok := f.(*dialogSelect); ok {
			sel = s
		}
	}
	if sel == nil {
		t.Fatal("the settings have no dialogSelect")
	}
	u.win.Canvas().Focus(sel)
	pressKey(u, fyne.KeyReturn)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Return on the language select left the settings open")
	}
}

// TestDialogKeysNestedDialog checks that a dialog opened by another's answer
// gets the keys: the factor dialog reports a wrong range in an error
// dialog, which Escape must close.
func TestDialogKeysNestedDialog(t *testing.T) {
	u := newTestUI(t)
	u.site.showFactorDialog(-1)
	var entries []*dialogEntry
	for _, f := range topFocusables(t, u) {
		if e, ok := f.(*dialogEntry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) != 5 {
		t.Fatalf("the factor dialog has %d entries, want 5", len(entries))
	}
	low := entries[2]
	low.SetText("2")
	u.win.Canvas().Focus(low)
	pressKey(u, fyne.KeyReturn)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no error dialog for a low value above the high one")
	}
	u.win.Canvas().Unfocus()
	pressKey(u, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the error dialog open")
	}
	if u.win.Canvas().OnTypedKey() != nil {
		t.Error("a key handler stayed after both dialogs closed")
	}
}
