package costing

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
)

// SimulationKey identifies the model's simulation by what it computes: the
// compiled variables, factors and risks with their weights, the constant,
// the iterations and the seed. Two models with the same key give the same
// distribution, whatever files or edits they came from, so a cache keyed
// on it never serves a stale result (a price book edited on disk changes
// the key; re-opening an unchanged one does not).
func (m *Model) SimulationKey() string {
	h := sha256.New()
	var b [8]byte
	put := func(x float64) {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(x))
		h.Write(b[:])
	}
	putTri := func(t *triangle) {
		put(t.a)
		put(t.b)
		put(t.fc)
		put(t.k1)
		put(t.k2)
		put(t.w)
	}
	sm := &m.sim
	put(float64(m.assume.Simulation.Iterations))
	binary.LittleEndian.PutUint64(b[:], m.assume.Simulation.Seed)
	h.Write(b[:])
	put(sm.constant)
	put(float64(len(sm.vars)))
	for i := range sm.vars {
		putTri(&sm.vars[i])
	}
	put(float64(len(sm.groups)))
	for _, g := range sm.groups {
		put(float64(g.end))
		put(float64(g.fStart))
		put(float64(g.fEnd))
	}
	put(float64(len(sm.factorIdx)))
	for _, f := range sm.factorIdx {
		put(float64(f))
	}
	put(float64(len(sm.factors)))
	for i := range sm.factors {
		putTri(&sm.factors[i])
	}
	put(float64(len(sm.risks)))
	for i := range sm.risks {
		put(sm.risks[i].p)
		put(sm.risks[i].inv)
		putTri(&sm.risks[i].cost)
	}
	return hex.EncodeToString(h.Sum(nil))
}
