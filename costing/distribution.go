package costing

import "math"

// Distribution is the result of a simulation: every iteration's
// basiskostnad, sorted ascending.
type Distribution struct {
	// Iterations is the number of iterations simulated.
	Iterations int
	// Seed is the seed the iterations were drawn with.
	Seed uint64
	// Sorted holds each iteration's basiskostnad in NOK (not rounded),
	// ascending.
	Sorted []float64
}

// CurvePoint is one point of the S-curve (cumulative distribution): the
// probability that basiskostnad is at most Value.
type CurvePoint struct {
	Value       float64
	Probability float64
}

// Percentile returns the p-th quantile (0 < p <= 1) by nearest rank: the
// sorted value at index ceil(p × n) − 1. It returns NaN for an empty
// distribution.
func (d *Distribution) Percentile(p float64) float64 {
	if d == nil || len(d.Sorted) == 0 {
		return math.NaN()
	}
	return d.Sorted[rankIndex(p, len(d.Sorted))]
}

// rankIndex returns ceil(p × n) − 1 clamped to [0, n−1]. p is taken to nine
// decimals and the product computed in integers, so that 0.85 × 20000 is
// 17000 and not the float's 17000.000000000004.
func rankIndex(p float64, n int) int {
	const scale = 1_000_000_000
	pp := int64(math.Round(p * scale))
	var k int64
	if n <= math.MaxInt64/scale {
		prod := pp * int64(n)
		k = prod / scale
		if prod%scale != 0 {
			k++
		}
	} else {
		k = int64(math.Ceil(p * float64(n)))
	}
	return int(min(max(k-1, 0), int64(n-1)))
}

// Mean returns the mean of the simulated values (NaN when empty).
func (d *Distribution) Mean() float64 {
	if d == nil || len(d.Sorted) == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, v := range d.Sorted {
		s += v
	}
	return s / float64(len(d.Sorted))
}

// Curve returns n points of the S-curve for plotting, from the smallest
// value (probability 1/len) to the largest (probability 1), evenly spaced
// by rank. It returns nil for an empty distribution or n < 2.
func (d *Distribution) Curve(n int) []CurvePoint {
	if d == nil || len(d.Sorted) == 0 || n < 2 {
		return nil
	}
	size := len(d.Sorted)
	n = min(n, size)
	if n < 2 {
		return []CurvePoint{{d.Sorted[0], 1}}
	}
	pts := make([]CurvePoint, n)
	for i := range pts {
		idx := int(math.Round(float64(i) * float64(size-1) / float64(n-1)))
		pts[i] = CurvePoint{Value: d.Sorted[idx], Probability: float64(idx+1) / float64(size)}
	}
	return pts
}
