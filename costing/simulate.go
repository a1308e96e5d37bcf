package costing

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// ChunkSize is the number of iterations simulated with one random stream.
// The iterations are split into chunks of this size, chunk i drawing from
// a PCG seeded from (seed, i), so that the result does not depend on how
// many goroutines share the work. Changing it changes every P50 and P85.
const ChunkSize = 1024

// triangle is a precompiled triangular(a, c, b) variable with weight w: its
// contribution to basiskostnad per unit drawn.
type triangle struct {
	a, b   float64 // low and high
	fc     float64 // (c − a)/(b − a): the CDF at the mode
	k1, k2 float64 // (b − a)(c − a) and (b − a)(b − c)
	w      float64
}

func newTriangle(r concepts.Range, w float64) triangle {
	a, c, b := toFloat(r.Low), toFloat(r.Likely), toFloat(r.High)
	t := triangle{a: a, b: b, fc: 1, w: w}
	if b > a {
		t.fc = (c - a) / (b - a)
		t.k1 = (b - a) * (c - a)
		t.k2 = (b - a) * (b - c)
	}
	return t
}

// draw returns the triangular variate for u in [0, 1) by the inverse CDF:
// a + √(u·k1) below the mode's probability fc, b − √((1−u)·k2) above it.
//
// Which side u falls on is random, so a branch would mispredict often and
// cost more than the rest of the draw; instead the side is a 0-or-1
// factor lo, taken from the sign of the difference of the bit patterns of
// u and fc (both non-negative, so they order like the numbers; Go compiles
// no conditional move for floats). Multiplying by 0 or 1 and adding 0 are
// exact, so the result is bit for bit the branching formula's (and fusing
// any of it into an FMA changes nothing).
func (t *triangle) draw(u float64) float64 {
	lo := float64(int64((math.Float64bits(u) - math.Float64bits(t.fc)) >> 63)) // 1 when u < fc
	arg := lo*(u*t.k1) + (1-lo)*((1-u)*t.k2)
	return (lo*t.a + (1-lo)*t.b) + (2*lo-1)*math.Sqrt(arg)
}

// Triangular returns the triangular(low, likely, high) variate for u in
// [0, 1) by the inverse CDF: low + √(u(high−low)(likely−low)) below the
// mode's probability (likely−low)/(high−low), high − √((1−u)(high−low)(high−likely))
// above it.
func Triangular(low, likely, high, u float64) float64 {
	t := triangle{a: low, b: high, fc: 1}
	if high > low {
		t.fc = (likely - low) / (high - low)
		t.k1 = (high - low) * (likely - low)
		t.k2 = (high - low) * (high - likely)
	}
	return t.draw(u)
}

// simGroup is a run of variables sharing the same uncertainty factors:
// vars[previous end:end] multiplied by the factors factorIdx[fStart:fEnd].
type simGroup struct {
	end, fStart, fEnd int
}

// simModel is the variant flattened for simulation: basiskostnad is linear
// in every drawn rate, so each variable carries one weight that folds in
// its quantity, the regional factor, post 1, the percentage part of post 8
// and VAT. Per iteration: basiskostnad = constant + Σ_groups Π factors ×
// Σ_vars w × draw.
type simModel struct {
	vars      []triangle
	groups    []simGroup
	factorIdx []int
	factors   []triangle
	constant  float64
	// risks are the event risks, drawn after the variables.
	risks []simRisk
	// max is the largest basiskostnad an iteration can reach: every draw
	// at its high end, every risk happening.
	max float64
}

// simRisk is an event risk: it happens when a uniform draw is below p, and
// then adds a draw of cost (its weight 1 + VAT when liable).
type simRisk struct {
	p, inv float64 // the probability and 1/p (0 when p is 0)
	cost   triangle
}

// belowOne is the largest float64 below 1.
var belowOne = math.Nextafter(1, 0)

// simVar is a variable before grouping.
type simVar struct {
	code string
	rng  concepts.Range
	w    float64
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// toFloat returns the float64 nearest to d, like d.InexactFloat64 but
// without its big.Rat for the usual decimal of at most 15 digits: its
// coefficient and the power of ten are then exact floats, so one
// multiplication or division rounds correctly.
func toFloat(d decimal.Decimal) float64 {
	if d.NumDigits() <= 15 {
		c, e := float64(d.CoefficientInt64()), d.Exponent()
		switch {
		case e == 0:
			return c
		case e < 0 && e >= -22:
			return c / pow10[-e]
		case e > 0 && e <= 22:
			return c * pow10[e]
		}
	}
	return d.InexactFloat64()
}

// compileSim flattens the model for Simulate (see simModel).
//
// With c = common_costs_percent/100, g = general_costs_percent/100 and
// t = vat_percent/100, one krone of a row adds to basiskostnad:
//   - unit-type rows and VAT-liable 7x rows: (1+c)(1+g)(1+t)
//     (post 1 on it, post 8's percentage on both, VAT on all three);
//   - VAT-free 7x rows: (1+c)(1+g)(1+t) − t (no VAT on the row itself);
//   - rows of account 8 or 9: 1+t when VAT-liable, else 1;
//   - land: 1 (certain, the constant).
func (m *Model) compileSim() simModel {
	c := toFloat(m.assume.CommonCostsPercent) / 100
	g := toFloat(m.assume.GeneralCostsPercent) / 100
	t := toFloat(m.cat.VATPercent) / 100
	r := toFloat(m.assume.RegionalFactor)
	wUnit := (1 + c) * (1 + g) * (1 + t)

	// One draw per unit type and code, shared by all its lines: a type's
	// codes come in the same order on each of its lines, so a repeated
	// type adds its weights to the variables of its first line.
	vars := make([]simVar, 0, 6*len(m.lines)+len(m.items))
	first := make(map[*concepts.UnitType]int, len(m.lines))
	for _, l := range m.lines {
		start, seen := first[l.ut]
		if !seen {
			first[l.ut] = len(vars)
		}
		bta, n := toFloat(l.bta), float64(l.count)
		j := start
		for k := 2; k <= 6; k++ {
			for _, cr := range l.codes[k] {
				// float64(…) keeps the product rounded on its own: Go may
				// otherwise fuse it with the addition below into an FMA on
				// some architectures (arm64), and the sums would differ
				// between machines.
				w := float64(bta * r * wUnit)
				if cr.fixed {
					w = float64(n * r * wUnit)
				}
				if seen {
					vars[j].w += w
				} else {
					vars = append(vars, simVar{code: cr.code, rng: cr.rng, w: w})
				}
				j++
			}
		}
	}
	// One draw per site item.
	items := make(map[*concepts.SiteItem]int, len(m.items))
	for _, il := range m.items {
		it := il.item
		var w float64
		switch it.Post() {
		case 7:
			w = r * wUnit
			if !it.VAT {
				w = r * (wUnit - t)
			}
		default:
			w = 1
			if it.VAT {
				w = 1 + t
			}
		}
		w = float64(w * toFloat(il.qty)) // no FMA, as above
		if i, ok := items[it]; ok {
			vars[i].w += w
			continue
		}
		items[it] = len(vars)
		vars = append(vars, simVar{code: it.Account, rng: it.Rate, w: w})
	}

	sm := simModel{constant: toFloat(m.landCost)}
	factors := m.assume.UncertaintyFactors
	for _, uf := range factors {
		sm.factors = append(sm.factors, newTriangle(uf.Range, 1))
	}
	for _, rk := range m.concept.Risks {
		w := 1.0
		if rk.VATLiable() {
			w = 1 + t
		}
		p := toFloat(rk.ProbabilityPercent) / 100
		inv := 0.0
		if p > 0 {
			inv = 1 / p
		}
		sm.risks = append(sm.risks, simRisk{p: p, inv: inv, cost: newTriangle(rk.Cost, w)})
	}
	// Group the variables by the set of factors that apply to them (which
	// depends on the code only), groups in order of first appearance,
	// variables in their order within a group.
	var sets [][]int
	groupOf := make(map[string]int)
	group := make([]int, len(vars))
	for i, v := range vars {
		gi, ok := groupOf[v.code]
		if !ok {
			var set []int
			for fi, uf := range factors {
				if slices.ContainsFunc(uf.AppliesTo, func(p string) bool { return strings.HasPrefix(v.code, p) }) {
					set = append(set, fi)
				}
			}
			gi = slices.IndexFunc(sets, func(s []int) bool { return slices.Equal(s, set) })
			if gi < 0 {
				gi = len(sets)
				sets = append(sets, set)
			}
			groupOf[v.code] = gi
		}
		group[i] = gi
	}
	ends := make([]int, len(sets))
	for i, v := range vars {
		if v.w != 0 {
			ends[group[i]]++
		}
	}
	start := 0
	for gi, set := range sets {
		if ends[gi] == 0 {
			continue
		}
		fs := len(sm.factorIdx)
		sm.factorIdx = append(sm.factorIdx, set...)
		start += ends[gi]
		sm.groups = append(sm.groups, simGroup{end: start, fStart: fs, fEnd: len(sm.factorIdx)})
	}
	sm.vars = make([]triangle, 0, start)
	sm.max = sm.constant
	for gi, set := range sets {
		most := 0.0
		for i, v := range vars {
			if group[i] == gi && v.w != 0 {
				sm.vars = append(sm.vars, newTriangle(v.rng, v.w))
				most += math.Abs(v.w) * toFloat(v.rng.High)
			}
		}
		for _, fi := range set {
			most *= toFloat(factors[fi].Range.High)
		}
		sm.max += most
	}
	for i, rk := range m.concept.Risks {
		sm.max += math.Abs(sm.risks[i].cost.w) * toFloat(rk.Cost.High)
	}
	return sm
}

// run simulates iterations into out, drawing from rng.
func (sm *simModel) run(rng *rand.PCG, out []float64, fv []float64) {
	const toUnit = 1.0 / (1 << 53)
	vars, groups, factorIdx, factors := sm.vars, sm.groups, sm.factorIdx, sm.factors
	for i := range out {
		for f := range factors {
			fv[f] = factors[f].draw(float64(rng.Uint64()>>11) * toUnit)
		}
		total := sm.constant
		start := 0
		for _, g := range groups {
			s := 0.0
			for j := start; j < g.end; j++ {
				v := &vars[j]
				x := v.draw(float64(rng.Uint64()>>11) * toUnit)
				s += float64(v.w * x) // no FMA: the same sums on every architecture
			}
			for _, fi := range factorIdx[g.fStart:g.fEnd] {
				s *= fv[fi]
			}
			total += s
			start = g.end
		}
		// Each risk draws one uniform u: it happens when u < p, and then
		// u/p, uniform on [0, 1) given that, draws its cost. The 0-or-1 hit
		// is taken from the bit patterns as in triangle.draw, so no branch
		// mispredicts; u/p is kept below 1 so the cost of a risk that does
		// not happen is finite, and adding 0 × cost is exact.
		for r := range sm.risks {
			rk := &sm.risks[r]
			u := float64(rng.Uint64()>>11) * toUnit
			hit := float64(int64((math.Float64bits(u) - math.Float64bits(rk.p)) >> 63)) // 1 when u < p
			cost := float64(rk.cost.w * rk.cost.draw(min(u*rk.inv, belowOne)))
			total += hit * cost
		}
		out[i] = total
	}
}

// chunkRNG returns the random stream of chunk i for seed: a PCG whose two
// state words are splitmix64 hashes of the seed and of (seed, i).
func chunkRNG(seed uint64, chunk int) *rand.PCG {
	return rand.NewPCG(splitmix(seed), splitmix(seed^splitmix(uint64(chunk)+0x9e3779b97f4a7c15)))
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Simulate runs the Monte Carlo simulation on every core. progress, when
// not nil, is called from worker goroutines with the iterations done so far.
// It returns ctx.Err() when cancelled. With iterations 0 it returns nil, nil.
//
// Every iteration draws each unit type's rate and fixed amount per code
// (one draw shared by the type's lines), each site item's rate and each
// uncertainty factor from its triangular distribution and computes
// basiskostnad without rounding. The iterations are split into chunks of
// ChunkSize, each with its own random stream, pulled by GOMAXPROCS workers
// and written into place, so the same seed gives the same distribution on
// any machine and core count.
func (m *Model) Simulate(ctx context.Context, progress func(done, total int)) (*Distribution, error) {
	n := m.assume.Simulation.Iterations
	if n <= 0 {
		return nil, nil
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	seed := m.assume.Simulation.Seed
	out := make([]float64, n)
	chunks := (n + ChunkSize - 1) / ChunkSize
	workers := min(runtime.GOMAXPROCS(0), chunks)
	var next, done atomic.Int64
	var wg sync.WaitGroup
	work := func() {
		fv := make([]float64, len(m.sim.factors))
		for ctx.Err() == nil {
			ci := int(next.Add(1) - 1)
			if ci >= chunks {
				return
			}
			lo, hi := ci*ChunkSize, min((ci+1)*ChunkSize, n)
			m.sim.run(chunkRNG(seed, ci), out[lo:hi], fv)
			d := done.Add(int64(hi - lo))
			if progress != nil {
				progress(int(d), n)
			}
		}
	}
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sortFloats(out)
	return &Distribution{Iterations: n, Seed: seed, Sorted: out}, nil
}

// WithSimulation returns a copy of e with P50, P85, posts 11 and 12 and
// every figure that depends on them filled in from d. A nil or empty d
// gives the deterministic estimate (P50 and P85 nil, posts 11 and 12 zero).
func (e *Estimate) WithSimulation(d *Distribution) *Estimate {
	c := *e
	c.P50, c.P85, c.Distribution = nil, nil, nil
	if d != nil && len(d.Sorted) > 0 {
		p50 := decimal.NewFromFloat(d.Percentile(0.50)).Round(0)
		p85 := decimal.NewFromFloat(d.Percentile(0.85)).Round(0)
		c.P50, c.P85, c.Distribution = &p50, &p85, d
	}
	c.finish()
	return &c
}
