package costing_test

import (
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
)

// TestEconomics_Carry checks the largest loan and its monthly payment
// against annuities worked out by hand (to 50 digits, then rounded):
//
//   - 5 × 600 000 = 3 000 000 at 5,5 % over 30 years (the defaults):
//     3 000 000 × i / (1 − (1 + i)^−360), i = 5,5/1200, is 17 033,670…
//   - 4,5 × 500 000 = 2 250 000 at 4 % over 25 years: 11 876,328…
//   - 5 × 246 913,5 = 1 234 567,5, rounded down to 1 234 567, at 0 % over
//     20 years: 1 234 567 / 240 = 5 144,029…
func TestEconomics_Carry(t *testing.T) {
	type testCase struct {
		name             string
		loan             *concepts.Loan
		income           string
		maxLoan, monthly costing.Kroner
	}
	for _, tc := range []testCase{
		{name: "defaults", income: "600000", maxLoan: 3_000_000, monthly: 17_034},
		{name: "terms", loan: &concepts.Loan{RatePercent: dp("4"), Years: ip(25), DebtToIncome: dp("4.5")}, income: "500000", maxLoan: 2_250_000, monthly: 11_876},
		{name: "no interest", loan: &concepts.Loan{RatePercent: dp("0"), Years: ip(20)}, income: "246913.5", maxLoan: 1_234_567, monthly: 5_144},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := withEconomics(handProject(), "", household("a", tc.income, "0", false))
			p.Concept.Economics.Loan = tc.loan
			x := mustEstimate(t, p, 0).Economics
			if got := x.MaxLoan(0); got != tc.maxLoan {
				t.Errorf("max loan = %s, want %s", got, tc.maxLoan)
			}
			if got := x.Carry(0); got != tc.monthly {
				t.Errorf("carry = %s, want %s", got, tc.monthly)
			}
		})
	}
}

// TestEconomics_CarryGrowsWithIncome checks that more income never
// carries less, and that a household without income carries nothing.
func TestEconomics_CarryGrowsWithIncome(t *testing.T) {
	incomes := []string{"0", "1", "250000", "250001", "600000", "2000000"}
	var hh []concepts.Household
	for i, in := range incomes {
		hh = append(hh, household(string(rune('a'+i)), in, "0", false))
	}
	x := mustEstimate(t, withEconomics(handProject(), concepts.TenureCooperative, hh...), 0).Economics
	if x.Carry(0) != 0 || x.MaxLoan(0) != 0 {
		t.Errorf("no income carries %s on a loan of %s", x.Carry(0), x.MaxLoan(0))
	}
	for h := 1; h < len(incomes); h++ {
		if x.Carry(h) < x.Carry(h-1) || x.MaxLoan(h) < x.MaxLoan(h-1) {
			t.Errorf("income %s carries %s (loan %s), below %s (loan %s) of income %s",
				incomes[h], x.Carry(h), x.MaxLoan(h), x.Carry(h-1), x.MaxLoan(h-1), incomes[h-1])
		}
	}
}
