package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
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
