package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"
)

// TestEconomicsHouseholds adds a household, renames it, marks it as
// having startlån and removes it; the last household cannot be removed.
func TestEconomicsHouseholds(t *testing.T) {
	u := newTestUI(t)
	showEconomics(t, u)
	s := u.economics
	test.Tap(s.addHH)
	hh := u.ed.concept().Economics.Households
	if len(hh) != 6 || hh[5].ID != "husholdning-6" || hh[5].Name["nb"] != "Husholdning 6" || hh[5].Name["en"] != "Household 6" {
		t.Fatalf("added household: %+v", hh[len(hh)-1])
	}
	if got := s.households.Length; func() int { r, _ := got(); return r }() != 6 {
		t.Error("the table does not show the new household")
	}
	typeInto(&householdEntry(t, u, 5, hhColName).Entry, "Enslig forsørger")
	if got := u.ed.concept().Economics.Households[5].Name; got["nb"] != "Enslig forsørger" || got["en"] != "Household 6" {
		t.Errorf("renamed: %v", got)
	}
	c := newMatrixCell().(*matrixCell)
	s.updateMatrixCell(widget.TableCellID{Row: 5, Col: 0}, c)
	if got := c.head.Text; got != "Enslig forsørger" {
		t.Errorf("the matrix names the household %q", got)
	}
	for _, o := range rendered(s.households) {
		if c, ok := o.(*householdCell); ok && c.row == 5 && c.col == hhColStartlan {
			test.Tap(c.check)
		}
	}
	if !u.ed.concept().Economics.Households[5].Startlan {
		t.Error("startlån not set")
	}
	if err := u.ed.removeHousehold(5); err != nil {
		t.Fatal(err)
	}
	for len(u.ed.concept().Economics.Households) > 1 {
		if err := u.ed.removeHousehold(0); err != nil {
			t.Fatal(err)
		}
	}
	if err := u.ed.removeHousehold(0); err == nil {
		t.Error("the last household was removed")
	}
	for _, o := range rendered(s.households) {
		if c, ok := o.(*householdCell); ok && c.row == 0 && c.col == hhColRemove && !c.remove.Disabled() {
			t.Error("the last household's remove button is enabled")
		}
	}
}

// TestEconomicsHouseholdRefusesBadIncome types a negative income: the
// model keeps the old one and the table says why.
func TestEconomicsHouseholdRefusesBadIncome(t *testing.T) {
	u := newTestUI(t)
	showEconomics(t, u)
	e := householdEntry(t, u, 0, hhColIncome)
	typeInto(&e.Entry, "-5")
	if got := u.ed.concept().Economics.Households[0].Income; !got.Equal(decimal.NewFromInt(540_000)) {
		t.Errorf("income = %s, want the sample's 540 000", got)
	}
	if !u.economics.hhError.Visible() || u.economics.hhError.Text == "" {
		t.Error("no message for a negative income")
	}
	e.FocusLost()
	if got, want := e.Text, "540\u00a0000"; got != want {
		t.Errorf("after leaving the entry it shows %q, want %q", got, want)
	}
}
