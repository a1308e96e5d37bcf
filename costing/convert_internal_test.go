package costing

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestToFloat: the fast conversion gives exactly InexactFloat64's float.
func TestToFloat(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	cases := []string{"0", "1", "-1", "0.1", "19000.5", "156.45", "1.1", "0.95", "123456789012345", "1234567890123456789", "1e30", "1e-30", "0.000000000000000000000123"}
	for range 100000 {
		cases = append(cases, decimal.New(r.Int64N(1_000_000_000_000_000)-r.Int64N(1_000_000), int32(r.IntN(50)-25)).String())
	}
	for _, s := range cases {
		d := decimal.RequireFromString(s)
		if got, want := toFloat(d), d.InexactFloat64(); got != want {
			t.Errorf("toFloat(%s) = %v, want %v", s, got, want)
		}
	}
}

// TestMulIntOverflow checks the overflow cases of mulInt, including the
// one a quotient test alone misses (MinInt64 × -1).
func TestMulIntOverflow(t *testing.T) {
	for _, tc := range []struct {
		a, b int64
		ok   bool
	}{
		{3, 4, true},
		{-1, 1, true},
		{-1, math.MaxInt64, true},
		{math.MinInt64, 1, true},
		{math.MinInt64, -1, false},
		{-1, math.MinInt64, false},
		{math.MaxInt64, 2, false},
		{1 << 32, 1 << 30, true},  // 2^62 fits
		{1 << 32, 1 << 31, false}, // 2^63 does not
		{1 << 32, 1 << 32, false},
	} {
		if _, ok := mulInt(tc.a, tc.b); ok != tc.ok {
			t.Errorf("mulInt(%d, %d) ok = %v, want %v", tc.a, tc.b, ok, tc.ok)
		}
	}
}
