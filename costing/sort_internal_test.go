package costing

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortFloats compares the radix sort with slices.Sort.
func TestSortFloats(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 10, 511, 512, 1000, 20000, 100_001} {
		for _, gen := range []func() float64{
			func() float64 { return 2e7 + r.Float64()*1e7 },
			func() float64 { return r.NormFloat64() * 1e6 },
			func() float64 { return float64(r.IntN(5)) },
			func() float64 { return math.Ldexp(r.Float64(), r.IntN(200)-100) },
		} {
			a := make([]float64, n)
			for i := range a {
				a[i] = gen()
			}
			want := slices.Clone(a)
			slices.Sort(want)
			sortFloats(a)
			if !slices.Equal(a, want) {
				t.Fatalf("n=%d: radix sort differs from slices.Sort", n)
			}
		}
	}
}
