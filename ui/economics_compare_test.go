package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/costing"
)

// TestCompareEconomicsRows checks the comparison's buyer-economics rows on
// Solenga with a copy of variant A that has one more dwelling of its
// first type: each variant's subsidy gap, unmarked, and for
// each household the dwellings it can buy, counted by the rule written
// out in canBuyWith.
func TestCompareEconomicsRows(t *testing.T) {
	u := newTestUI(t)
	u.ed.duplicateVariant(0)
	if err := u.ed.setCount(0, u.ed.variant().Units[0].Count+1); err != nil {
		t.Fatal(err)
	}
	cell := func(row, col int) *compareCell {
		c := newCompareCell().(*compareCell)
		u.compare.updateCell(widget.TableCellID{Row: row, Col: col}, c)
		return c
	}
	rows := u.compare.rows
	gapRow, firstHousehold := -1, -1
	for r, row := range rows {
		switch {
		case row.key == "ui.compare.subsidy_gap":
			gapRow = r
		case row.key == "ui.compare.household_dwellings" && firstHousehold < 0:
			firstHousehold = r
		}
	}
	hh := u.ed.concept().Economics.Households
	if gapRow < 0 || firstHousehold < 0 || len(rows) != firstHousehold+len(hh) {
		t.Fatalf("rows: subsidy gap at %d, households from %d, %d rows", gapRow, firstHousehold, len(rows))
	}
	n := len(u.ed.concept().Variants)
	est := make([]*costing.Estimate, n)
	for v := range n {
		est[v] = engineEstimate(t, u, v)
	}
	if a, b := est[0].Economics.SubsidyGap, est[n-1].Economics.SubsidyGap; a >= b {
		t.Fatalf("one more dwelling with a gap does not raise the subsidy gap: %s, %s", a, b)
	}
	for v, e := range est {
		c := cell(gapRow, 1+v)
		if got, want := c.label.Text, u.l.NOK(e.Economics.SubsidyGap.Decimal()); got != want {
			t.Errorf("variant %d: subsidy gap %q, want %q", v, got, want)
		}
		// An absolute amount, as the cost totals: never marked best.
		if c.label.TextStyle.Bold {
			t.Errorf("variant %d: the subsidy gap is marked best", v)
		}
	}
	for h, household := range hh {
		if got, want := cell(firstHousehold+h, 0).label.Text, u.l.T("ui.compare.household_dwellings", household.Name); got != want {
			t.Errorf("label %q, want %q", got, want)
		}
		for v, e := range est {
			n := 0
			for _, ty := range e.Economics.Types {
				if canBuyWith(ty.SalePrice, household.Income.IntPart(), household.Equity.IntPart(), household.Startlan) {
					n += ty.Count
				}
			}
			if got, want := cell(firstHousehold+h, 1+v).label.Text, u.l.T("panel.economics.dwellings", n, e.Dwellings); got != want {
				t.Errorf("%s, variant %d: %q, want %q", household.ID, v, got, want)
			}
		}
	}
}
