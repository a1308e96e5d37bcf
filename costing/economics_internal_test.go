package costing

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestMonthly checks the annuity against values worked out by hand and the
// float path against the 256-bit one.
func TestMonthly(t *testing.T) {
	dec := decimal.RequireFromString
	tests := []struct {
		name                   string
		own, common, operating string // loans in NOK, running costs a year
		rate, coopRate         string
		years, coopYears       int
		want                   string
	}{
		// 1 000 000 at 6 % over 30 years: i = 0.005, n = 360,
		// 1.005^360 = 6.022575212…, pmt = 5 000 × 6.022575/5.022575 = 5 995.505…
		{"standard annuity", "1000000", "0", "0", "6", "0", 30, 0, "5996"},
		// Rate 0: 1 200 000 / 120 = 10 000, plus 1 200/12 = 100.
		{"rate zero", "1200000", "0", "1200", "0", "0", 10, 0, "10100"},
		// No loan: only running costs, 300 × 43 / 12 = 1 075.
		{"no loan", "0", "0", "12900", "5.5", "0", 30, 0, "1075"},
		// A loan below 0 costs nothing.
		{"negative own loan", "-500000", "0", "0", "5.5", "0", 30, 0, "0"},
		// Own loan 100 000 at 0 % over 10 years = 833.33…; common debt
		// 240 000 at 0 % over 20 years = 1 000; running 6/12 = 0.5:
		// 1 833.83… → 1 834.
		{"cooperative", "100000", "240000", "6", "0", "0", 10, 20, "1834"},
		// Exactly half a krone: 600/12 = 50 + 0.5 → 51 (half away from zero).
		{"half krone", "600", "0", "6", "0", "0", 1, 0, "51"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, k := newAnnuity(dec(tt.rate), tt.years), newAnnuity(dec(tt.coopRate), tt.coopYears)
			run := monthlyRun{own: kronerOf(dec(tt.own)), common: kronerOf(dec(tt.common)), operating: toFloat64(dec(tt.operating)), bra: one, perM2: dec(tt.operating)}
			got := run.cost(&a, &k).Decimal()
			if !got.Equal(dec(tt.want)) {
				t.Errorf("monthly = %s, want %s", got, tt.want)
			}
			if ex := monthlyExact(dec(tt.own), dec(tt.common), dec(tt.operating), &a, &k); !ex.Equal(dec(tt.want)) {
				t.Errorf("monthlyExact = %s, want %s", ex, tt.want)
			}
		})
	}
	// The float path and the 256-bit path agree on random loans.
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		own := decimal.NewFromInt(r.Int64N(10_000_000))
		common := decimal.NewFromInt(r.Int64N(5_000_000))
		op := decimal.NewFromInt(r.Int64N(100_000))
		a := newAnnuity(decimal.New(r.Int64N(2000), -2), 1+r.IntN(60))
		k := newAnnuity(decimal.New(r.Int64N(1500), -2), 1+r.IntN(60))
		run := monthlyRun{own: kronerOf(own), common: kronerOf(common), operating: toFloat64(op), bra: one, perM2: op}
		if f, x := run.cost(&a, &k).Decimal(), monthlyExact(own, common, op, &a, &k); !f.Equal(x) {
			t.Fatalf("own %s common %s op %s rates %s/%s: float %s, exact %s", own, common, op, a.rate, k.rate, f, x)
		}
	}
}

func TestReachOf(t *testing.T) {
	dec := decimal.RequireFromString
	tests := []struct {
		q, dti, income string
		want1, want2   Kroner
	}{
		// 150 000.7 + 4.5 × 600 000.5 = 150 000.7 + 2 700 002.25 = 2 850 002.95
		{"150000.7", "4.5", "600000.5", 150000, 2850002},
		{"0", "5", "0", 0, 0},
		{"2500000", "5", "500000", 2500000, 5000000},
		// Beyond int64 on the fast path: 9e18 equity falls back to decimal.
		{"9000000000000000000", "5", "1", 9000000000000000000, 0},
	}
	for _, tt := range tests {
		q, r := reachOf(dec(tt.q), dec(tt.dti), dec(tt.income))
		if q != tt.want1 || (tt.want2 != 0 && r != tt.want2) {
			t.Errorf("reachOf(%s, %s, %s) = %d, %d; want %d, %d", tt.q, tt.dti, tt.income, q, r, tt.want1, tt.want2)
		}
	}
	for _, tt := range []struct {
		a, b string
		want Kroner
	}{{"42000", "48.5", 2037000}, {"42000.5", "0.5", 21000}, {"0.25", "2", 1}, {"1e2", "3", 300}} {
		if got := mulRound(dec(tt.a), dec(tt.b)); got != tt.want {
			t.Errorf("mulRound(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
