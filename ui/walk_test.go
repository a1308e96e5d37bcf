package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

// selectUnit adds the unit type through the variant screen's add-unit list.
func selectUnit(t *testing.T, u *mainUI, typeID string) {
	t.Helper()
	for i, id := range u.variants.unitIDs {
		if id == typeID {
			u.variants.addUnit.SetSelectedIndex(i)
			return
		}
	}
	t.Fatalf("unit type %q is not in the add-unit list", typeID)
}

// TestReveskogenWalk is the walk of the "done when": a new user
// builds a Reveskogen concept from an empty file with two variants, prices
// one with a price book, compares them, saves, closes, reopens and sees it
// all again.
func TestReveskogenWalk(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()

	// File → New → empty concept.
	u.onNew()
	test.Tap(topDialogButton(t, u, u.l.T("ui.new.create")))

	// The site form: name and municipality.
	name := &u.site.fields[0].entry.Entry
	typeInto(name, "Reveskogen Hemsedal")
	for i, id := range u.site.munIDs {
		if id == "hemsedal" {
			u.site.municipality.SetSelectedIndex(i)
		}
	}
	if c := u.ed.concept(); c.Name != "Reveskogen Hemsedal" || c.Municipality != "hemsedal" {
		t.Fatalf("concept %q in %q", c.Name, c.Municipality)
	}

	// Variant A: replace the default unit by Reveskogen houses.
	selectUnit(t, u, "reveskogen-smahus")
	selectUnit(t, u, "reveskogen-familiehus")
	test.Tap(func() *tableCell {
		for _, o := range rendered(u.variants.mix) {
			if c, ok := o.(*tableCell); ok && c.row == 0 && c.remove.Visible() {
				return c
			}
		}
		t.Fatal("no remove button on the first line")
		return nil
	}().remove)
	typeInto(mixCountEntry(t, u, 0), "8")
	typeInto(mixCountEntry(t, u, 1), "4")
	assertFigures(t, u)
	if err := u.ed.renameVariant(0, "A – småbruk"); err != nil {
		t.Fatal(err)
	}

	// Variant B: the tabs' + button, micro houses and a barn.
	u.variants.onTabCreate()
	if u.ed.selected != 1 {
		t.Fatalf("the new variant is not selected (%d)", u.ed.selected)
	}
	selectUnit(t, u, "reveskogen-mikrohus")
	selectUnit(t, u, "reveskogen-lave")
	typeInto(mixCountEntry(t, u, 0), "12")
	assertFigures(t, u)

	// Price variant A with a builder's price book.
	book := filepath.Join(dir, "byggmester.yaml")
	if err := os.WriteFile(book, []byte("format: bokonsept/pricebook@1\nname: Byggmester Hallingdal\nprice_level: 2026-11\nunit_types:\n  reveskogen-smahus:\n    rates: {\"2\": [10500, 11000, 12500]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.variants.tabs.SelectIndex(0)
	before := engineEstimate(t, u, 0).Totals.Kostnadsramme
	u.variants.choosePriceBook(book)
	if got := u.ed.concept().Variants[0].PriceBook; got != book {
		t.Fatalf("price book ref = %q, want %q (the concept is not saved yet)", got, book)
	}
	after := engineEstimate(t, u, 0)
	if after.PriceBook != "Byggmester Hallingdal" || !after.Totals.Kostnadsramme.LessThan(before) {
		t.Errorf("priced: book %q, kostnadsramme %s (was %s)", after.PriceBook, after.Totals.Kostnadsramme, before)
	}
	assertFigures(t, u)

	// Compare: both columns, the best values marked.
	if got := len(u.ed.estimates); got != 2 {
		t.Fatalf("estimates = %d, want 2", got)
	}
	marked := 0
	for _, row := range u.compare.best {
		for _, b := range row {
			if b {
				marked++
			}
		}
	}
	if marked == 0 {
		t.Error("the comparison marks no best value")
	}

	// Save, close, reopen.
	path := filepath.Join(dir, "reveskogen.yaml")
	if !u.saveTo(path) {
		t.Fatalf("not saved: %s", dialogText(t, u))
	}
	if got := u.ed.concept().Variants[0].PriceBook; got != "byggmester.yaml" {
		t.Errorf("saved price book ref = %q, want byggmester.yaml (relative)", got)
	}
	u.onCloseRequested()

	v := newTestUI(t)
	if !v.openPath(path) {
		t.Fatalf("does not reopen: %s", dialogText(t, v))
	}
	c := v.ed.concept()
	if c.Name != "Reveskogen Hemsedal" || c.Municipality != "hemsedal" || len(c.Variants) != 2 {
		t.Fatalf("reopened %q in %q with %d variants", c.Name, c.Municipality, len(c.Variants))
	}
	if c.Variants[0].Name != "A – småbruk" || len(c.Variants[0].Units) != 2 || c.Variants[0].Units[0].Count != 8 {
		t.Errorf("variant A = %+v", c.Variants[0])
	}
	if c.Variants[1].Units[0].Count != 12 {
		t.Errorf("variant B = %+v", c.Variants[1])
	}
	if e := engineEstimate(t, v, 0); e.PriceBook != "Byggmester Hallingdal" || !e.Totals.Kostnadsramme.Equal(after.Totals.Kostnadsramme) {
		t.Errorf("reopened A: book %q, kostnadsramme %s, want %s", e.PriceBook, e.Totals.Kostnadsramme, after.Totals.Kostnadsramme)
	}
	assertFigures(t, v)
	v.variants.tabs.SelectIndex(1)
	assertFigures(t, v)
}
