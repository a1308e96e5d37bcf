package costing

import (
	"context"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/hallingdal/bokonsept/concepts"
)

// CPUTime is processCPU for the package's external tests.
var CPUTime = processCPU

// processCPU is the CPU time the process has used so far (user and
// system, every thread).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// plainSimulation is the simplest loop that does the simulation's
// arithmetic for sm: per iteration one uniform and one triangular draw
// per factor, variable and risk, their weighted sum, then the values
// sorted; on one goroutine, from one stream, without grouping, progress
// or cancelling. It is the yardstick of BenchmarkSimulateVsPlainSolenga.
func plainSimulation(sm *simModel, seed uint64, out []float64) {
	const toUnit = 1.0 / (1 << 53)
	rng := chunkRNG(seed, 0)
	for i := range out {
		total := sm.constant
		for f := range sm.factors {
			total += sm.factors[f].draw(float64(rng.Uint64()>>11) * toUnit)
		}
		for j := range sm.vars {
			total += sm.vars[j].w * sm.vars[j].draw(float64(rng.Uint64()>>11)*toUnit)
		}
		for r := range sm.risks {
			total += sm.risks[r].cost.w * sm.risks[r].cost.draw(float64(rng.Uint64()>>11)*toUnit)
		}
		out[i] = total
	}
	slices.Sort(out)
}

// BenchmarkSimulateVsPlainSolenga simulates the first variant of the
// Solenga sample 20 000 times and runs plainSimulation with the same
// draws, one after the other in each round, and reports the CPU time of
// each and their ratio (x-plain; target: at most 1.15).
func BenchmarkSimulateVsPlainSolenga(b *testing.B) {
	p, err := concepts.LoadProject("../assets/samples/solenga-gol.yaml", concepts.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	p.Concept.Assumptions.Simulation.Iterations = 20_000
	m, err := Compile(p, 0)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]float64, 20_000)
	var simCPU, plainCPU time.Duration
	for b.Loop() {
		t0 := processCPU()
		if _, err := m.Simulate(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
		t1 := processCPU()
		plainSimulation(&m.sim, 1, out)
		simCPU, plainCPU = simCPU+t1-t0, plainCPU+processCPU()-t1
	}
	n := float64(b.N)
	b.ReportMetric(float64(simCPU.Microseconds())/n, "sim-cpu-µs/op")
	b.ReportMetric(float64(plainCPU.Microseconds())/n, "plain-cpu-µs/op")
	if plainCPU > 0 {
		b.ReportMetric(float64(simCPU)/float64(plainCPU), "x-plain")
	}
}
