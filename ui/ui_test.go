package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/costing"
)

// newTestUI builds the main window in a test app on the Solenga sample,
// without the background simulation; recovery files go to a temporary
// folder.
func newTestUI(tb testing.TB) *mainUI {
	tb.Helper()
	a := test.NewTempApp(tb)
	w := test.NewWindow(nil)
	closed := false
	w.SetOnClosed(func() { closed = true })
	tb.Cleanup(func() {
		if !closed {
			w.Close()
		}
	})
	u := newMainUI(a, w, "test", func(f func()) { f() })
	u.ed.simulateEnabled = false
	u.recoveryDir = tb.TempDir()
	w.SetContent(u.content)
	w.Resize(fyne.NewSize(1600, 1000))
	u.openInitial("")
	return u
}

// engineEstimate is what the engine says about variant i of the project
// now, computed independently of the window.
func engineEstimate(tb testing.TB, u *mainUI, i int) *costing.Estimate {
	tb.Helper()
	m, err := costing.Compile(u.ed.project, i)
	if err != nil {
		tb.Fatal(err)
	}
	return m.Estimate()
}

// assertFigures checks that the key-figure panel shows the engine's
// dwellings and kostnadsramme for the selected variant.
func assertFigures(t *testing.T, u *mainUI) {
	t.Helper()
	e := engineEstimate(t, u, u.ed.selected)
	if got, want := u.figures.values[figDwellings].Text, u.l.Int(int64(e.Dwellings)); got != want {
		t.Errorf("dwellings label = %q, want %q", got, want)
	}
	if got, want := u.figures.values[figKostnadsramme].Text, u.l.NOK(e.Totals.Kostnadsramme); got != want {
		t.Errorf("kostnadsramme label = %q, want %q", got, want)
	}
}

// rendered returns o and every object below it as rendered now (unlike
// test.LaidOutObjects, which makes new renderers and so new table cells).
func rendered(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, rendered(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, rendered(child)...)
		}
	}
	return out
}

// mixCell returns the cell of the unit-mix table that shows the count of row.
func mixCell(t *testing.T, u *mainUI, row int) *tableCell {
	t.Helper()
	for _, o := range rendered(u.variants.mix) {
		if c, ok := o.(*tableCell); ok && c.row == row && c.countBox.Visible() {
			return c
		}
	}
	t.Fatalf("no count cell for row %d", row)
	return nil
}

// mixCountEntry returns the count entry of row of the unit-mix table.
func mixCountEntry(t *testing.T, u *mainUI, row int) *widget.Entry {
	t.Helper()
	return &mixCell(t, u, row).count.Entry
}

// typeInto replaces the entry's text by typing, as a user would.
func typeInto(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// topDialogButton returns the button labelled text in the top overlay.
// Dialogs have dialogButtons: a plain button there would keep Escape from
// closing the dialog while it has the focus.
func topDialogButton(t *testing.T, u *mainUI, text string) *dialogButton {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	for _, o := range test.LaidOutObjects(top) {
		switch b := o.(type) {
		case *dialogButton:
			if b.Text == text {
				return b
			}
		case *widget.Button:
			if b.Text == text {
				t.Fatalf("the dialog's button %q is a widget.Button, not a dialogButton", text)
			}
		}
	}
	t.Fatalf("the dialog has no button %q", text)
	return nil
}

func TestAddUnitChangeCountUndo(t *testing.T) {
	u := newTestUI(t)
	assertFigures(t, u)
	before := engineEstimate(t, u, 0)
	dwellings0 := u.figures.values[figDwellings].Text
	ramme0 := u.figures.values[figKostnadsramme].Text
	lines0 := len(u.ed.variant().Units)

	// Add a dwelling type the variant lacks, through the add-unit list.
	var typeID string
	for _, ut := range u.ed.catalogue().UnitTypes {
		used := false
		for _, l := range u.ed.variant().Units {
			used = used || l.Type == ut.ID
		}
		if !used && ut.Kind == "dwelling" && ut.Family == "solenga" {
			typeID = ut.ID
			break
		}
	}
	if typeID == "" {
		t.Fatal("no unused Solenga dwelling type in the catalogue")
	}
	for i, id := range u.variants.unitIDs {
		if id == typeID {
			u.variants.addUnit.SetSelectedIndex(i)
		}
	}
	if got, want := len(u.ed.variant().Units), lines0+1; got != want {
		t.Fatalf("lines = %d, want %d", got, want)
	}
	assertFigures(t, u)
	if got, want := u.figures.values[figDwellings].Text, u.l.Int(int64(before.Dwellings+1)); got != want {
		t.Errorf("dwellings after adding = %q, want %q", got, want)
	}

	// Type a new count into the new line.
	typeInto(mixCountEntry(t, u, lines0), "12")
	if got := u.ed.variant().Units[lines0].Count; got != 12 {
		t.Fatalf("count = %d, want 12", got)
	}
	assertFigures(t, u)
	if got, want := u.figures.values[figDwellings].Text, u.l.Int(int64(before.Dwellings+12)); got != want {
		t.Errorf("dwellings after typing = %q, want %q", got, want)
	}
	if !u.ed.dirty() || u.win.Title() != u.l.T("ui.title_unsaved", u.ed.concept().Name) {
		t.Errorf("title = %q, want the unsaved mark", u.win.Title())
	}

	// The typing is one undo step, adding the line another.
	u.onUndo()
	if got := u.ed.variant().Units[lines0].Count; got != 1 {
		t.Errorf("count after undo = %d, want 1", got)
	}
	assertFigures(t, u)
	u.onUndo()
	if got := len(u.ed.variant().Units); got != lines0 {
		t.Errorf("lines after second undo = %d, want %d", got, lines0)
	}
	if got := u.figures.values[figDwellings].Text; got != dwellings0 {
		t.Errorf("dwellings after undo = %q, want %q", got, dwellings0)
	}
	if got := u.figures.values[figKostnadsramme].Text; got != ramme0 {
		t.Errorf("kostnadsramme after undo = %q, want %q", got, ramme0)
	}
	if u.ed.dirty() {
		t.Error("undone to the opened state, but still marked unsaved")
	}
	u.onRedo()
	u.onRedo()
	if got := u.ed.variant().Units[lines0].Count; got != 12 {
		t.Errorf("count after redo = %d, want 12", got)
	}
	assertFigures(t, u)
}

func TestCountStepButtons(t *testing.T) {
	u := newTestUI(t)
	count := u.ed.variant().Units[0].Count
	c := mixCell(t, u, 0)
	test.Tap(c.plus)
	test.Tap(c.plus)
	test.Tap(c.minus)
	if got, want := u.ed.variant().Units[0].Count, count+1; got != want {
		t.Fatalf("count = %d, want %d", got, want)
	}
	assertFigures(t, u)
	u.onUndo()
	if got, want := u.ed.variant().Units[0].Count, count+2; got != want {
		t.Errorf("each step is an undo step: count = %d, want %d", got, want)
	}
}

func TestInvalidCountKeepsModel(t *testing.T) {
	u := newTestUI(t)
	count := u.ed.variant().Units[0].Count
	e := mixCountEntry(t, u, 0)
	// Typing applies every valid prefix; the model keeps the last valid value.
	for _, tc := range []struct {
		typed string
		want  int
	}{
		{"tolv", count},
		{"-3", count},
		{"0", count},
		{"7,5", 7},
		{"12a", 12},
	} {
		typeInto(e, tc.typed)
		if err := e.Validate(); err == nil {
			t.Errorf("%q: no validation error at the field", tc.typed)
		}
		if got := u.ed.variant().Units[0].Count; got != tc.want {
			t.Errorf("%q: count = %d, want %d", tc.typed, got, tc.want)
		}
		if !u.variants.mixError.Visible() || u.variants.mixError.Text == "" {
			t.Errorf("%q: no explanation under the table", tc.typed)
		}
	}
	typeInto(e, "9")
	if u.variants.mixError.Visible() {
		t.Error("the explanation stays after a valid count")
	}
	assertFigures(t, u)
}

func TestInvalidSiteFieldKeepsModel(t *testing.T) {
	u := newTestUI(t)
	area := u.ed.concept().Site.AreaM2
	var entry *widget.Entry
	for _, f := range u.site.fields {
		if f.text(u.ed.concept()) == u.site.in.text(area) {
			entry = &f.entry.Entry
			break
		}
	}
	if entry == nil {
		t.Fatal("no site area field")
	}
	typeInto(entry, "seks")
	if entry.Validate() == nil {
		t.Error("letters in the site area: no validation error")
	}
	if !u.ed.concept().Site.AreaM2.Equal(area) {
		t.Errorf("site area = %s, want the last valid %s", u.ed.concept().Site.AreaM2, area)
	}
	typeInto(entry, "7 000")
	if got := u.ed.concept().Site.AreaM2.String(); got != "7000" {
		t.Errorf("site area = %s, want 7000", got)
	}
	assertFigures(t, u)
}

func TestDuplicateAndDeleteVariant(t *testing.T) {
	u := newTestUI(t)
	n := len(u.ed.concept().Variants)
	name := u.ed.variant().Name
	u.variants.onDuplicateTapped()
	c := u.ed.concept()
	if got := len(c.Variants); got != n+1 {
		t.Fatalf("variants = %d, want %d", got, n+1)
	}
	if got, want := u.ed.selected, n; got != want {
		t.Errorf("selected = %d, want the copy %d", got, want)
	}
	if got, want := c.Variants[n].Name, u.l.T("ui.variant.copy_name", name); got != want {
		t.Errorf("copy name = %q, want %q", got, want)
	}
	if got := len(u.variants.tabs.Items); got != n+1 {
		t.Errorf("tabs = %d, want %d", got, n+1)
	}
	assertFigures(t, u)

	u.variants.onDeleteTapped()
	test.Tap(topDialogButton(t, u, u.l.T("ui.variant.delete")))
	if got := len(u.ed.concept().Variants); got != n {
		t.Fatalf("variants after delete = %d, want %d", got, n)
	}
	if got := len(u.variants.tabs.Items); got != n {
		t.Errorf("tabs after delete = %d, want %d", got, n)
	}
	if got := u.ed.concept().Variant(u.l.T("ui.variant.copy_name", name)); got >= 0 {
		t.Error("the deleted copy is still there")
	}
	assertFigures(t, u)
	u.onUndo()
	if got := len(u.ed.concept().Variants); got != n+1 {
		t.Errorf("variants after undoing the delete = %d, want %d", got, n+1)
	}
}

func TestDeleteLastVariantRefused(t *testing.T) {
	u := newTestUI(t)
	for len(u.ed.concept().Variants) > 1 {
		if err := u.ed.deleteVariant(0); err != nil {
			t.Fatal(err)
		}
	}
	if err := u.ed.deleteVariant(0); err == nil {
		t.Error("deleted the last variant")
	}
}

func TestRenameVariant(t *testing.T) {
	u := newTestUI(t)
	if err := u.ed.renameVariant(0, "  Hovedalternativ "); err != nil {
		t.Fatal(err)
	}
	if got := u.variants.tabs.Items[0].Text; got != "Hovedalternativ" {
		t.Errorf("tab = %q, want Hovedalternativ", got)
	}
	if len(u.ed.concept().Variants) > 1 {
		if err := u.ed.renameVariant(1, "Hovedalternativ"); err == nil {
			t.Error("two variants got the same name")
		}
	}
	if err := u.ed.renameVariant(0, " "); err == nil {
		t.Error("a variant got an empty name")
	}
}

func TestSelectVariantShowsItsFigures(t *testing.T) {
	u := newTestUI(t)
	if len(u.ed.concept().Variants) < 2 {
		t.Skip("the sample has one variant")
	}
	u.variants.tabs.SelectIndex(1)
	if u.ed.selected != 1 {
		t.Fatalf("selected = %d, want 1", u.ed.selected)
	}
	assertFigures(t, u)
	if got, want := u.figures.title.Text, u.l.T("ui.figures.title", u.ed.concept().Variants[1].Name); got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
}

func TestSimulationPostsResults(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	posted := make(chan func(), 10000)
	u := newMainUI(a, w, "test", func(f func()) { posted <- f })
	u.recoveryDir = t.TempDir()
	u.openInitial("")
	deadline := time.After(60 * time.Second)
	for u.ed.simRunning {
		select {
		case f := <-posted:
			f()
		case <-deadline:
			t.Fatal("the simulation did not finish in 60 s")
		}
	}
	e, _ := u.ed.estimate()
	if e == nil || e.P50 == nil || e.P85 == nil {
		t.Fatal("no P50/P85 after the simulation")
	}
	if got, want := u.figures.values[figP50].Text, u.l.NOK(*e.P50); got != want {
		t.Errorf("P50 label = %q, want %q", got, want)
	}
	if got, want := u.figures.values[figKostnadsramme].Text, u.l.NOK(e.Totals.Kostnadsramme); got != want {
		t.Errorf("kostnadsramme label = %q, want %q", got, want)
	}
	if u.figures.progress.Visible() {
		t.Error("the progress bar is still shown")
	}

	// An edit restarts the simulation; undoing it reuses the earlier one.
	p50 := *e.P50
	if err := u.ed.setCount(0, u.ed.variant().Units[0].Count+1); err != nil {
		t.Fatal(err)
	}
	if !u.ed.simRunning {
		t.Error("the edit did not restart the simulation")
	}
	u.onUndo()
	e, _ = u.ed.estimate()
	if e.P50 == nil || !e.P50.Equal(p50) {
		t.Errorf("after undo P50 = %v, want the earlier %s at once", e.P50, p50)
	}
	u.ed.stop()
}

func TestMenuShortcuts(t *testing.T) {
	u := newTestUI(t)
	want := map[string]string{
		"ui.menu.new":     "CustomDesktop:Control+N",
		"ui.menu.open":    "CustomDesktop:Control+O",
		"ui.menu.save":    "CustomDesktop:Control+S",
		"ui.menu.save_as": "CustomDesktop:Shift+Control+S",
		"ui.menu.quit":    "CustomDesktop:Control+Q",
		"ui.menu.undo":    "Undo",
		"ui.menu.redo":    "CustomDesktop:Shift+Control+Z",
	}
	found := map[string]string{}
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.Shortcut != nil {
				found[it.Label] = it.Shortcut.ShortcutName()
			}
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, m := range u.win.MainMenu().Items {
		walk(m.Items)
	}
	for key, name := range want {
		if got := found[u.l.T(key)]; got != name {
			t.Errorf("%s: shortcut %q, want %q", u.l.T(key), got, name)
		}
	}
	// The Edit menu's items do what they say and follow the history.
	if !u.undoItem.Disabled || !u.redoItem.Disabled {
		t.Error("undo or redo enabled with nothing to undo")
	}
	if err := u.ed.setCount(0, 2); err != nil {
		t.Fatal(err)
	}
	if u.undoItem.Disabled {
		t.Error("undo disabled after an edit")
	}
	u.undoItem.Action()
	if u.ed.dirty() || u.redoItem.Disabled {
		t.Error("the menu's undo did not undo")
	}
	u.redoItem.Action()
	if got := u.ed.variant().Units[0].Count; got != 2 {
		t.Errorf("the menu's redo: count = %d, want 2", got)
	}
}

func TestSameValueIsNoEdit(t *testing.T) {
	u := newTestUI(t)
	count := u.ed.variant().Units[0].Count
	typeInto(mixCountEntry(t, u, 0), u.site.in.text(decimalInt(count)))
	if u.ed.dirty() || u.ed.hist.canUndo() {
		t.Error("typing the same count made an unsaved change")
	}
	if err := u.ed.renameVariant(0, u.ed.variant().Name); err != nil || u.ed.dirty() {
		t.Errorf("renaming to the same name: %v, dirty %v", err, u.ed.dirty())
	}
}

func TestSiteFieldReformatsWhenLeft(t *testing.T) {
	u := newTestUI(t)
	area := u.site.in.text(u.ed.concept().Site.AreaM2)
	for _, f := range u.site.fields {
		if f.entry.Text != area {
			continue
		}
		typeInto(&f.entry.Entry, "13000")
		if got := u.ed.concept().Site.AreaM2.String(); got != "13000" {
			t.Fatalf("site area = %s, want 13000", got)
		}
		f.entry.FocusLost()
		if got, want := f.entry.Text, u.site.in.text(u.ed.concept().Site.AreaM2); got != want {
			t.Errorf("after leaving the field it shows %q, want %q", got, want)
		}
		return
	}
	t.Fatal("no site area field")
}
