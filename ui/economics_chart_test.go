package ui

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestEconomicsChartCarry checks the chart's bars: the first-time buyer
// of Solenga (540 000 a year) may borrow 5 × 540 000 = 2 700 000, whose
// annuity at 5,4 % over 30 years is 2 700 000 × i / (1 − (1 + i)^−360),
// i = 5,4/1200: 15 161,33, so 15 161 kr a month.
func TestEconomicsChartCarry(t *testing.T) {
	u := newTestUI(t)
	showEconomics(t, u)
	x := u.economics.x
	bars := u.economics.chart.bars
	if got, want := len(bars), 2+len(x.Types)+len(x.Households); got != want {
		t.Fatalf("%d bars, want %d", got, want)
	}
	h := householdIndex(t, u, "forstegang")
	bar := bars[2+len(x.Types)+h]
	if bar.Value != 15161 {
		t.Errorf("first-time buyer carries %v a month, want 15161", bar.Value)
	}
	if want := u.l.T("panel.economics.chart_carry_value", u.l.NOK(decimal.NewFromInt(15161)), u.l.NOK(decimal.NewFromInt(2_700_000))); bar.Text != want {
		t.Errorf("bar text %q, want %q", bar.Text, want)
	}
	for i, ty := range x.Types {
		if got := bars[1+i].Value; got != float64(ty.Monthly) {
			t.Errorf("type %s: bar %v, monthly %s", ty.Type.ID, got, ty.Monthly)
		}
	}
}
