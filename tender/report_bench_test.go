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

// BenchmarkReportVariants writes the decision makers' report of a concept
// with 20 and with 50 variants, their estimates made. Budget: 300 ms and
// 700 ms.
func BenchmarkReportVariants(b *testing.B) {
	for _, n := range []int{20, 50} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			in := manyVariants(b, n)
			var c countWriter
			b.ReportAllocs()
			for b.Loop() {
				c.n = 0
				if err := WriteReport(&c, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(c.n), "bytes/pdf")
		})
	}
}
