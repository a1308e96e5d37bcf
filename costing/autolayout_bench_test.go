package costing

import (
	"testing"

	"github.com/shopspring/decimal"
)

// BenchmarkAutoLayout100 places 100 houses (target: 200 ms).
func BenchmarkAutoLayout100(b *testing.B) {
	p := manyHouses(b, 100)
	b.ResetTimer()
	for b.Loop() {
		if len(AutoLayout(p, 0)) != 100 {
			b.Fatal("not 100 buildings")
		}
	}
}

// BenchmarkLayoutUpdate100 moves one of 100 buildings and recomputes the
// estimate with its checks and site plan, as dragging does (target: 33 ms).
func BenchmarkLayoutUpdate100(b *testing.B) {
	p := manyHouses(b, 100)
	p.Concept.Variants[0].Layout = AutoLayout(p, 0)
	layout := p.Concept.Variants[0].Layout
	x0 := layout[37].X
	b.ResetTimer()
	i := 0
	for b.Loop() {
		i++
		layout[37].X = x0.Add(decimalTenth(i % 10))
		m, err := Compile(p, 0)
		if err != nil {
			b.Fatal(err)
		}
		e := m.Estimate()
		if SitePlanOf(e) == nil || len(e.Checks) == 0 {
			b.Fatal("no site plan")
		}
	}
}

func decimalTenth(i int) decimal.Decimal { return decimal.New(int64(i), -1) }
