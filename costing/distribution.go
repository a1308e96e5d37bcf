package costing

import (
	"math"
	"slices"
)

// Distribution is the result of a simulation: every iteration's
// basiskostnad, sorted ascending, or a summary of it (Summary) that keeps
// the values at some ranks only.
type Distribution struct {
	// Iterations is the number of iterations simulated.
	Iterations int
	// Seed is the seed the iterations were drawn with.
	Seed uint64
	// Sorted holds each iteration's basiskostnad in NOK (not rounded),
	// ascending; in a summary, the values at the ranks it kept, the
	// smallest and the largest among them.
	Sorted []float64

	// ranks are the 0-based ranks of Sorted's values in a summary (nil in
	// a whole distribution); mean is the whole distribution's mean.
	ranks []int32
	mean  float64
}

// SummaryPoints is the number of evenly ranked values a summary keeps
// besides P50 and P85: an S-curve drawn from it is off by at most half a
// step of 1/SummaryPoints in probability, less than a line's width.
const SummaryPoints = 1000

// Summary returns d reduced to the values an S-curve and the estimate
// need: the smallest and the largest, SummaryPoints+1 evenly ranked
// values in all, and the exact P50 and P85. Its Percentile is exact for
// P50, P85 and the kept ranks and gives the nearest kept rank's value
// otherwise; its Mean is d's. A window keeps summaries of many variants
// (160 kB each for 20 000 iterations, 12 kB summarised). A summary of a
// summary, or of a distribution with no more values than a summary keeps,
// is d itself.
func (d *Distribution) Summary() *Distribution {
	n := len(d.Sorted)
	if d.ranks != nil || n <= SummaryPoints+3 {
		return d
	}
	ranks := make([]int32, 0, SummaryPoints+3)
	for i := range SummaryPoints + 1 {
		ranks = append(ranks, int32(math.Round(float64(i)*float64(n-1)/SummaryPoints)))
	}
	ranks = append(ranks, int32(rankIndex(0.50, n)), int32(rankIndex(0.85, n)))
	slices.Sort(ranks)
	ranks = slices.Compact(ranks)
	values := make([]float64, len(ranks))
	for i, r := range ranks {
		values[i] = d.Sorted[r]
	}
	return &Distribution{Iterations: d.Iterations, Seed: d.Seed, Sorted: values, ranks: ranks, mean: d.Mean()}
}

// size is the number of iterations the values stand for.
func (d *Distribution) size() int {
	if d.ranks != nil {
		return d.Iterations
	}
	return len(d.Sorted)
}

// at returns the value at rank r (0-based), or in a summary the value of
// the kept rank nearest to r (the lower of two as near), and that rank.
func (d *Distribution) at(r int) (float64, int) {
	if d.ranks == nil {
		return d.Sorted[r], r
	}
	j, found := slices.BinarySearch(d.ranks, int32(r))
	switch {
	case found:
	case j == len(d.ranks):
		j--
	case j > 0 && r-int(d.ranks[j-1]) <= int(d.ranks[j])-r:
		j--
	}
	return d.Sorted[j], int(d.ranks[j])
}

// CurvePoint is one point of the S-curve (cumulative distribution): the
// probability that basiskostnad is at most Value.
type CurvePoint struct {
	Value       float64
	Probability float64
}

// Percentile returns the p-th quantile (0 < p <= 1) by nearest rank: the
// sorted value at index ceil(p × n) − 1 (in a summary, see Summary). It
// returns NaN for an empty distribution.
func (d *Distribution) Percentile(p float64) float64 {
	if d == nil || len(d.Sorted) == 0 {
		return math.NaN()
	}
	v, _ := d.at(rankIndex(p, d.size()))
	return v
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
	if d.ranks != nil {
		return d.mean
	}
	s := 0.0
	for _, v := range d.Sorted {
		s += v
	}
	return s / float64(len(d.Sorted))
}

// Curve returns n points of the S-curve for plotting, from the smallest
// value (probability 1/len) to the largest (probability 1), evenly spaced
// by rank (in a summary, each at the kept rank nearest to its place). It
// returns nil for an empty distribution or n < 2.
func (d *Distribution) Curve(n int) []CurvePoint {
	if d == nil || len(d.Sorted) == 0 || n < 2 {
		return nil
	}
	size := d.size()
	n = min(n, size)
	if n < 2 {
		return []CurvePoint{{d.Sorted[0], 1}}
	}
	pts := make([]CurvePoint, n)
	for i := range pts {
		v, idx := d.at(int(math.Round(float64(i) * float64(size-1) / float64(n-1))))
		pts[i] = CurvePoint{Value: v, Probability: float64(idx+1) / float64(size)}
	}
	return pts
}
