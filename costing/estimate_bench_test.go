package costing_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// cpuTime returns the CPU time the process has used (user + system, all
// threads).
var cpuTime = costing.CPUTime

// reportCPU runs f b.N times and reports, besides the wall time, the CPU
// time per operation ("cpu-ns/op"): on a machine shared with other work
// the wall time varies with the load, the CPU time much less.
func reportCPU(b *testing.B, f func()) {
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
}

// BenchmarkEstimate is the deterministic estimate of a 600-dwelling,
// 40-line variant (target: at most 200 µs).
func BenchmarkEstimate(b *testing.B) {
	p := benchProject(40, 600, 20000)
	m := mustModel(b, p, 0)
	if e := m.Estimate(); e.Dwellings != 600 || len(e.Lines) != 40 {
		b.Fatalf("%d dwellings, %d lines", e.Dwellings, len(e.Lines))
	}
	reportCPU(b, func() { m.Estimate() })
}

// BenchmarkCompileEstimate is Compile and Estimate of the same variant:
// what the UI pays after each edit, before simulating.
func BenchmarkCompileEstimate(b *testing.B) {
	p := benchProject(40, 600, 20000)
	reportCPU(b, func() {
		m, err := costing.Compile(p, 0)
		if err != nil {
			b.Fatal(err)
		}
		m.Estimate()
	})
}

// BenchmarkReport is the JSON report of the same variant.
func BenchmarkReport(b *testing.B) {
	e := mustEstimate(b, benchProject(40, 600, 20000), 0)
	l := i18n.New("nb")
	reportCPU(b, func() { e.Report(l) })
}

func benchSimulate(b *testing.B, iterations int) {
	p := benchProject(10, 40, iterations)
	for i := range 10 {
		p.Concept.Risks = append(p.Concept.Risks, concepts.Risk{Name: fmt.Sprintf("Risiko %d", i),
			ProbabilityPercent: d(fmt.Sprint(5 + 5*i)), Cost: rng("100000", "500000", "2000000")})
	}
	m := mustModel(b, p, 0)
	reportCPU(b, func() {
		if _, err := m.Simulate(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkSimulate20k simulates a Solenga-sized model (10 unit types with
// 5 codes each, 10 site items, 2 factors, 10 event risks) 20 000 times
// (target: 10 ms).
func BenchmarkSimulate20k(b *testing.B) { benchSimulate(b, 20_000) }

// BenchmarkSimulate100k is the same with 100 000 iterations (target: 50 ms).
func BenchmarkSimulate100k(b *testing.B) { benchSimulate(b, 100_000) }

func benchSimulateSolenga(b *testing.B, iterations int) {
	p := loadSample(b, "solenga-gol.yaml")
	p.Concept.Assumptions.Simulation.Iterations = iterations
	m := mustModel(b, p, 0)
	reportCPU(b, func() {
		if _, err := m.Simulate(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkSimulateSolenga20k simulates the first variant of the Solenga
// sample (assets/samples/solenga-gol.yaml) 20 000 times (target: 10 ms).
func BenchmarkSimulateSolenga20k(b *testing.B) { benchSimulateSolenga(b, 20_000) }

// BenchmarkSimulateSolenga100k is the same with 100 000 iterations (target: 50 ms).
func BenchmarkSimulateSolenga100k(b *testing.B) { benchSimulateSolenga(b, 100_000) }
