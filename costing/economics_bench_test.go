package costing_test

import (
	"fmt"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
)

// BenchmarkEstimateEconomics is the deterministic estimate of the
// 600-dwelling, 40-line variant of BenchmarkEstimate without and with buyer
// economics for 10 households under cooperative tenure: the difference is
// what the economics add (target: at most 20 µs).
func BenchmarkEstimateEconomics(b *testing.B) {
	for _, with := range []bool{false, true} {
		name := "without"
		p := benchProject(40, 600, 20000)
		if with {
			name = "with"
			var hh []concepts.Household
			for i := range 10 {
				hh = append(hh, concepts.Household{ID: fmt.Sprintf("h%d", i), Name: concepts.Text{"nb": fmt.Sprintf("Husholdning %d", i)},
					Income: d(fmt.Sprint(400_000 + 100_000*i)), Equity: d(fmt.Sprint(100_000 + 250_000*i)), Startlan: i%4 == 0})
			}
			p.Concept.Economics = &concepts.Economics{Tenure: concepts.TenureCooperative, MarketValuePerM2: dp("42000"), Households: hh}
		}
		b.Run(name, func(b *testing.B) {
			m := mustModel(b, p, 0)
			if e := m.Estimate(); len(e.Lines) != 40 || (e.Economics != nil) != with || with && len(e.Economics.Types) != 35 {
				b.Fatalf("%d lines, economics %v", len(e.Lines), e.Economics != nil)
			}
			reportCPU(b, func() { m.Estimate() })
		})
	}
}
