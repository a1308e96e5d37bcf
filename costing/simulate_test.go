package costing_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

func mustSimulate(tb testing.TB, m *costing.Model) *costing.Distribution {
	tb.Helper()
	dist, err := m.Simulate(context.Background(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	return dist
}

// TestSimulation runs the hand-computed variant's simulation and checks
// P50/P85 and everything that follows from them.
func TestSimulation(t *testing.T) {
	m := mustModel(t, handProject(), 0)
	e := m.Estimate()
	dist := mustSimulate(t, m)
	if dist.Iterations != 20000 || len(dist.Sorted) != 20000 || dist.Seed != 7 {
		t.Fatalf("distribution: %d iterations, %d values, seed %d", dist.Iterations, len(dist.Sorted), dist.Seed)
	}
	if !slices.IsSorted(dist.Sorted) {
		t.Fatal("distribution not sorted")
	}
	s := e.WithSimulation(dist)
	if s.P50 == nil || s.P85 == nil {
		t.Fatal("P50/P85 nil after simulation")
	}
	p50 := decimal.NewFromFloat(dist.Sorted[9999]).Round(0) // ceil(0.5 × 20000) − 1
	p85 := decimal.NewFromFloat(dist.Sorted[16999]).Round(0)
	eqp(t, "P50", s.P50, p50.String())
	eqp(t, "P85", s.P85, p85.String())
	if s.P85.LessThan(*s.P50) {
		t.Errorf("P85 %s < P50 %s", s.P85, s.P50)
	}
	// Most ranges are skewed upwards: P50 lies above the likely estimate.
	if !s.P50.GreaterThan(e.Totals.Basiskostnad) {
		t.Errorf("P50 %s not above basiskostnad %s", s.P50, e.Totals.Basiskostnad)
	}
	// Pinned: the same seed and iterations give these on every machine and
	// core count (a change of the sampler, the chunking or the seeding
	// shows here).
	eqp(t, "P50 pinned", s.P50, "26790083")
	eqp(t, "P85 pinned", s.P85, "28350248")
	eq(t, "post 11", s.Posts[11], s.P50.Sub(e.Totals.Basiskostnad).String())
	eq(t, "post 12", s.Posts[12], s.P85.Sub(*s.P50).String())
	eq(t, "prosjektkostnad", s.Totals.Prosjektkostnad, s.P50.String())
	eq(t, "kostnadsramme", s.Totals.Kostnadsramme, s.P85.String())
	eq(t, "post 13", s.Posts[13], s.P85.Mul(d("0.03")).Round(0).String())
	eq(t, "inkl", s.Totals.KostnadsrammeInklPrisregulering, s.P85.Add(s.Posts[13]).String())
	eqp(t, "per dwelling", s.PerDwelling.Kostnadsramme, s.P85.DivRound(d("9"), 0).String())
	eqp(t, "per dwelling prosjekt", s.PerDwelling.Prosjektkostnad, s.P50.DivRound(d("9"), 0).String())
	eqp(t, "per m²", s.PerM2BRAKostnadsramme, s.P85.DivRound(d("490"), 0).String())
	eq(t, "price mini", s.DwellingPrices[1].Price, s.P50.Mul(d("43")).DivRound(d("475"), 0).String())
	// The deterministic estimate is unchanged.
	if e.P50 != nil || !e.Posts[11].IsZero() || e.Distribution != nil {
		t.Error("WithSimulation changed its receiver")
	}
	// Posts 1-10 stay.
	for k := 1; k <= 10; k++ {
		eq(t, "post", s.Posts[k], e.Posts[k].String())
	}
	// Without a distribution: the deterministic estimate again.
	back := s.WithSimulation(nil)
	if back.P50 != nil || !back.Posts[11].IsZero() || !back.Totals.Kostnadsramme.Equal(e.Totals.Kostnadsramme) {
		t.Error("WithSimulation(nil) did not give the deterministic estimate")
	}
}

// TestSimulationCertainRanges: when every range is certain, every iteration
// is the deterministic basiskostnad before rounding (the rows are exact here
// but for 0.3 + 0.5 + 0.5 kr of rounding, and post 10 on top of them).
func TestSimulationCertainRanges(t *testing.T) {
	p := handProject()
	makeCertain(p)
	for i := range p.Concept.Assumptions.UncertaintyFactors {
		p.Concept.Assumptions.UncertaintyFactors[i].Range = rng("1", "1", "1")
	}
	m := mustModel(t, p, 0)
	basis := m.Estimate().Totals.Basiskostnad.InexactFloat64()
	dist := mustSimulate(t, m)
	for _, v := range []float64{dist.Sorted[0], dist.Sorted[len(dist.Sorted)-1]} {
		if math.Abs(v-basis) > 5 {
			t.Errorf("certain simulation gives %f, want %f ± 5", v, basis)
		}
	}
}

// TestSimulationDeterministic: the same seed gives the same distribution
// with 1 and 2 workers; another seed gives another.
func TestSimulationDeterministic(t *testing.T) {
	p := handProject()
	p.Concept.Assumptions.Simulation.Iterations = 10_000 + 37 // a ragged last chunk
	m := mustModel(t, p, 0)
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	one := mustSimulate(t, m)
	runtime.GOMAXPROCS(2)
	two := mustSimulate(t, m)
	runtime.GOMAXPROCS(4)
	four := mustSimulate(t, m)
	if !slices.Equal(one.Sorted, two.Sorted) || !slices.Equal(one.Sorted, four.Sorted) {
		t.Error("distribution depends on GOMAXPROCS")
	}
	p.Concept.Assumptions.Simulation.Seed++
	other := mustSimulate(t, mustModel(t, p, 0))
	if slices.Equal(one.Sorted, other.Sorted) {
		t.Error("another seed gives the same distribution")
	}
}

func TestSimulationNoIterations(t *testing.T) {
	p := handProject()
	p.Concept.Assumptions.Simulation.Iterations = 0
	e, err := costing.Run(context.Background(), p, 0)
	if err != nil {
		t.Fatal(err)
	}
	if e.P50 != nil || e.P85 != nil || e.Distribution != nil || !e.Posts[11].IsZero() || !e.Posts[12].IsZero() {
		t.Errorf("iterations 0: P50 %v, P85 %v, posts 11/12 %s/%s", e.P50, e.P85, e.Posts[11], e.Posts[12])
	}
	if r := e.Report(nil); r.P50 != nil || r.P85 != nil {
		t.Error("report P50/P85 not null")
	}
}

func TestSimulationCancel(t *testing.T) {
	p := handProject()
	p.Concept.Assumptions.Simulation.Iterations = 1_000_000
	m := mustModel(t, p, 0)
	ctx, cancel := context.WithCancel(context.Background())
	// progress is called from the worker goroutines.
	var calls atomic.Int64
	dist, err := m.Simulate(ctx, func(done, total int) {
		if total != 1_000_000 || done > total {
			t.Errorf("progress %d/%d", done, total)
		}
		calls.Add(1)
		cancel()
	})
	if !errors.Is(err, context.Canceled) || dist != nil {
		t.Errorf("cancelled simulation = %v, %v", dist, err)
	}
	if n := calls.Load(); n == 0 || n > int64(runtime.GOMAXPROCS(0)) {
		t.Errorf("progress called %d times after cancel", n)
	}
	// Already cancelled.
	if _, err := costing.Run(ctx, p, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("Run with cancelled context: %v", err)
	}
}

func TestSimulationProgress(t *testing.T) {
	p := handProject()
	p.Concept.Assumptions.Simulation.Iterations = 5000
	var last int
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	if _, err := mustModel(t, p, 0).Simulate(context.Background(), func(done, total int) { last = done }); err != nil {
		t.Fatal(err)
	}
	if last != 5000 {
		t.Errorf("last progress = %d, want 5000", last)
	}
}

// TestTriangularMean: the inverse-CDF sampler's mean is (a+b+c)/3 and its
// mode-side probability is (c−a)/(b−a).
func TestTriangularMean(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range [][3]float64{{0, 1, 2}, {10, 12, 20}, {5, 5, 9}, {1, 4, 4}, {3, 3, 3}} {
		a, c, b := tc[0], tc[1], tc[2]
		const n = 200_000
		sum, below := 0.0, 0
		for range n {
			x := costing.Triangular(a, c, b, r.Float64())
			if x < a || x > b {
				t.Fatalf("%v: draw %f outside", tc, x)
			}
			if x <= c {
				below++
			}
			sum += x
		}
		mean, want := sum/n, (a+b+c)/3
		// The standard deviation of the mean is below (b−a)/√(18n) ≈ 0.0005(b−a).
		if math.Abs(mean-want) > 0.003*(b-a)+1e-12 {
			t.Errorf("%v: mean %f, want %f", tc, mean, want)
		}
		if b > a {
			if p, want := float64(below)/n, (c-a)/(b-a); math.Abs(p-want) > 0.005 {
				t.Errorf("%v: P(x <= c) = %f, want %f", tc, p, want)
			}
		}
	}
	if got := costing.Triangular(0, 1, 2, 0.5); got != 1 {
		t.Errorf("median of (0,1,2) = %f, want 1", got)
	}
	if got := costing.Triangular(0, 1, 2, 0.125); got != 0.5 {
		t.Errorf("F⁻¹(0.125) of (0,1,2) = %f, want 0.5", got) // F(x) = x²/2 below 1
	}
}

func TestPercentileAndCurve(t *testing.T) {
	dist := &costing.Distribution{Iterations: 20, Sorted: make([]float64, 20)}
	for i := range dist.Sorted {
		dist.Sorted[i] = float64(i + 1)
	}
	for _, tc := range []struct{ p, want float64 }{{0.5, 10}, {0.85, 17}, {0.05, 1}, {0.01, 1}, {1, 20}, {0.51, 11}} {
		if got := dist.Percentile(tc.p); got != tc.want {
			t.Errorf("P%v = %v, want %v", tc.p*100, got, tc.want)
		}
	}
	// 0.85 × 20000 in floats is 17000.000000000004: nearest rank must give 17000.
	big := &costing.Distribution{Sorted: make([]float64, 20000)}
	for i := range big.Sorted {
		big.Sorted[i] = float64(i + 1)
	}
	if got := big.Percentile(0.85); got != 17000 {
		t.Errorf("P85 of 1..20000 = %v, want 17000", got)
	}
	c := dist.Curve(5)
	want := []costing.CurvePoint{{1, 0.05}, {6, 0.3}, {11, 0.55}, {15, 0.75}, {20, 1}}
	if len(c) != len(want) {
		t.Fatalf("curve = %v", c)
	}
	for i := range want {
		if c[i].Value != want[i].Value || math.Abs(c[i].Probability-want[i].Probability) > 1e-12 {
			t.Errorf("curve[%d] = %v, want %v", i, c[i], want[i])
		}
	}
	if (*costing.Distribution)(nil).Curve(10) != nil || !math.IsNaN((*costing.Distribution)(nil).Percentile(0.5)) {
		t.Error("nil distribution")
	}
}

// TestSimulationMean: the simulated mean of basiskostnad agrees with the
// exact mean, which is basiskostnad computed from every range's mean
// (low + likely + high)/3 (it is linear in each draw, the draws are
// independent, and the mean of a product of independent factors is the
// product of their means).
func TestSimulationMean(t *testing.T) {
	p := handProject()
	p.Concept.Assumptions.Simulation.Iterations = 50_000
	dist := mustSimulate(t, mustModel(t, p, 0))

	mean := func(r concepts.Range) concepts.Range {
		m := r.Low.Add(r.Likely).Add(r.High).DivRound(d("3"), 12)
		return concepts.Range{Low: m, Likely: m, High: m}
	}
	q := handProject()
	q.Concept.Assumptions.Simulation.Iterations = 1
	for i := range q.Catalogue.UnitTypes {
		ut := &q.Catalogue.UnitTypes[i]
		for k, r := range ut.Rates {
			ut.Rates[k] = mean(r)
		}
		for k, r := range ut.Fixed {
			ut.Fixed[k] = mean(r)
		}
	}
	for i := range q.Catalogue.SiteItems {
		q.Catalogue.SiteItems[i].Rate = mean(q.Catalogue.SiteItems[i].Rate)
	}
	for i := range q.Concept.Assumptions.UncertaintyFactors {
		f := &q.Concept.Assumptions.UncertaintyFactors[i]
		f.Range = mean(f.Range)
	}
	exact := mustSimulate(t, mustModel(t, q, 0)).Sorted[0]
	// The spread of basiskostnad is about 1.4 M here, so the standard error
	// of the mean of 50 000 draws is about 6 000 kr: allow 25 000 kr.
	if got := dist.Mean(); math.Abs(got-exact) > 25_000 {
		t.Errorf("simulated mean %.0f, exact mean %.0f", got, exact)
	}
}
