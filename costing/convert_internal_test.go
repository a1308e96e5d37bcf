package costing

import (
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
