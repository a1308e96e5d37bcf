package costing_test

import (
	"math"
	"testing"

	"github.com/hallingdal/bokonsept/costing"
)

// linearDistribution is n iterations whose sorted values are 3 × rank
// (rank 0 to n−1): a value tells its rank.
func linearDistribution(n int) *costing.Distribution {
	d := &costing.Distribution{Iterations: n, Seed: 7, Sorted: make([]float64, n)}
	for i := range d.Sorted {
		d.Sorted[i] = 3 * float64(i)
	}
	return d
}

// A summary keeps the extremes, the exact P50 and P85 and the mean, and an
// S-curve of real samples whose probabilities are within half a step of
// 1/SummaryPoints of the whole distribution's.
func TestDistributionSummary(t *testing.T) {
	const n = 20_000
	full := linearDistribution(n)
	sum := full.Summary()
	if len(sum.Sorted) > costing.SummaryPoints+3 || len(sum.Sorted) < costing.SummaryPoints+1 {
		t.Fatalf("a summary keeps %d values, want %d to %d", len(sum.Sorted), costing.SummaryPoints+1, costing.SummaryPoints+3)
	}
	if sum.Iterations != n || sum.Seed != 7 {
		t.Errorf("iterations %d, seed %d: want %d and 7", sum.Iterations, sum.Seed, n)
	}
	// P50 is rank ceil(0.5 × 20000) − 1 = 9999, value 29 997; P85 rank
	// 16 999, value 50 997. 9 999 is no multiple of the step of 20 ranks
	// (19 999 / 1 000 = 19.999): only an exact kept rank gives it.
	if got := sum.Percentile(0.5); got != 29_997 {
		t.Errorf("P50 = %v, want 29997", got)
	}
	if got := sum.Percentile(0.85); got != 50_997 {
		t.Errorf("P85 = %v, want 50997", got)
	}
	// The mean of 3 × (0 … 19 999) is 3 × 19 999 / 2.
	if got := sum.Mean(); got != 29_998.5 {
		t.Errorf("mean = %v, want 29998.5", got)
	}
	if sum.Sorted[0] != 0 || sum.Sorted[len(sum.Sorted)-1] != 3*(n-1) {
		t.Errorf("extremes %v and %v, want 0 and %d", sum.Sorted[0], sum.Sorted[len(sum.Sorted)-1], 3*(n-1))
	}
	// Any other percentile: the nearest kept rank, at most half a step
	// (10 ranks) away.
	for _, p := range []float64{0.01, 0.1, 0.3, 0.777, 0.95, 1} {
		want := full.Percentile(p) / 3
		if got := sum.Percentile(p) / 3; math.Abs(got-want) > 10 {
			t.Errorf("P%v: rank %v, want within 10 of %v", p*100, got, want)
		}
	}
	fc, sc := full.Curve(400), sum.Curve(400)
	if len(sc) != len(fc) {
		t.Fatalf("%d points, want %d", len(sc), len(fc))
	}
	for i, pt := range sc {
		// A real sample at its own rank: value 3 × rank, probability
		// (rank + 1) / n.
		if rank := pt.Value / 3; math.Abs(pt.Probability-(rank+1)/n) > 1e-12 {
			t.Errorf("point %d: value %v with probability %v is not a sample at its rank", i, pt.Value, pt.Probability)
		}
		if math.Abs(pt.Probability-fc[i].Probability) > 0.5/costing.SummaryPoints+1.0/n {
			t.Errorf("point %d: probability %v, the whole distribution's %v", i, pt.Probability, fc[i].Probability)
		}
	}
	if sc[0] != fc[0] || sc[len(sc)-1] != fc[len(fc)-1] {
		t.Errorf("the curve's ends %v, %v differ from %v, %v", sc[0], sc[len(sc)-1], fc[0], fc[len(fc)-1])
	}
	if sum.Summary() != sum {
		t.Error("a summary of a summary is a new distribution")
	}
	if small := linearDistribution(50); small.Summary() != small {
		t.Error("a distribution of 50 values was summarised")
	}
}

// An estimate with a simulation's summary has the same P50, P85 and every
// figure after them as with the whole simulation.
func TestEstimateWithSummary(t *testing.T) {
	p := handProject()
	m := mustModel(t, p, 0)
	d := mustSimulate(t, m)
	whole, summed := m.Estimate().WithSimulation(d), m.Estimate().WithSimulation(d.Summary())
	if whole.P50 == nil || !whole.P50.Equal(*summed.P50) || !whole.P85.Equal(*summed.P85) {
		t.Fatalf("P50 %v / %v, P85 %v / %v", whole.P50, summed.P50, whole.P85, summed.P85)
	}
	if !whole.Totals.Kostnadsramme.Equal(summed.Totals.Kostnadsramme) || !whole.Posts[11].Equal(summed.Posts[11]) || !whole.Posts[12].Equal(summed.Posts[12]) {
		t.Errorf("kostnadsramme %v / %v", whole.Totals.Kostnadsramme, summed.Totals.Kostnadsramme)
	}
}
