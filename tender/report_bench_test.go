package tender

import (
	"context"
	"fmt"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
)

// manyVariants returns the Solenga sample with n variants: copies of its
// first, each with its own name and first count, estimated and simulated.
func manyVariants(tb testing.TB, n int) Input {
	tb.Helper()
	in := mustInput(tb, "solenga-gol")
	p := *in.Project
	c := p.Concept.Clone()
	base := c.Variants[0]
	c.Variants = c.Variants[:0]
	for i := range n {
		v := base
		v.Name = fmt.Sprintf("Variant %d", i+1)
		v.Units = append([]concepts.UnitLine(nil), base.Units...)
		v.Units[0].Count += i
		c.Variants = append(c.Variants, v)
	}
	p.Concept = c
	in = Input{Project: &p, Lang: "nb", Version: "1.0.0-test"}
	for i := range n {
		e, err := costing.Run(context.Background(), &p, i)
		if err != nil {
			tb.Fatal(err)
		}
		in.Estimates = append(in.Estimates, e)
		in.Variants = append(in.Variants, i)
	}
	return in
}

// BenchmarkDocumentsVariants writes the decision makers' report of a
// concept with 20 and with 50 variants, and the tenderers' PDF of its
// first variant, the estimates made. Budget: 300 ms with 20 variants,
// 700 ms with 50.
func BenchmarkDocumentsVariants(b *testing.B) {
	for _, n := range []int{20, 50} {
		in := manyVariants(b, n)
		one := in
		one.Variants = []int{0}
		for _, kind := range []struct {
			name  string
			write func(*countWriter) error
		}{
			{"report", func(c *countWriter) error { return WriteReport(c, in) }},
			{"tender", func(c *countWriter) error { return WriteTender(c, one, TenderOptions{Force: true}) }},
		} {
			b.Run(fmt.Sprintf("%s/%d", kind.name, n), func(b *testing.B) {
				var c countWriter
				b.ReportAllocs()
				for b.Loop() {
					c.n = 0
					if err := kind.write(&c); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(c.n), "bytes/pdf")
			})
		}
	}
}
