package tender

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
)

// bigHoldout writes a concept of 100 unit types with five codes each (500
// lines with post 1 and one site item: 502) into a temporary folder and
// estimates it.
func bigHoldout(b *testing.B) (*concepts.Project, *costing.Estimate) {
	b.Helper()
	dir := b.TempDir()
	cat, err := os.ReadFile("testdata/bids-catalogue.yaml")
	if err != nil {
		b.Fatal(err)
	}
	var types, units strings.Builder
	for i := range 100 {
		fmt.Fprintf(&types, `  - id: t%d
    family: f1
    kind: dwelling
    form: detached
    name: {nb: Type %d, en: Type %d}
    bedrooms: 2
    persons: 3
    storeys: 1
    lift: false
    accessible: true
    area: {bra_i: 80, bra_e: 4, bra_b: 0, tba: 6, bta: 100, bya: 90}
    rates: {"2": [10000, 12000, 15000], "31": [2000, 2500, 3000], "4": [1500, 2000, 2500], "5": [400, 500, 600]}
    fixed: {"27": [50000, 60000, 70000]}
`, i, i, i)
		fmt.Fprintf(&units, "      - {type: t%d, count: %d}\n", i, 1+i%3)
	}
	text := strings.Replace(string(cat), "site_items:\n", types.String()+"site_items:\n", 1)
	if err := os.WriteFile(filepath.Join(dir, "bids-catalogue.yaml"), []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	concept, err := os.ReadFile("testdata/bids-holdout.yaml")
	if err != nil {
		b.Fatal(err)
	}
	c := strings.Replace(string(concept), "      - {type: hus, count: 2}\n", units.String(), 1)
	if err := os.WriteFile(filepath.Join(dir, "c.yaml"), []byte(c), 0o644); err != nil {
		b.Fatal(err)
	}
	p, err := concepts.LoadProject(filepath.Join(dir, "c.yaml"), concepts.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	e, err := costing.Run(context.Background(), p, 0)
	if err != nil {
		b.Fatal(err)
	}
	return p, e
}

// BenchmarkBids reads 10 returned schedules of 502 lines each, evaluates
// them and writes the evaluation PDF. Budget: 1 s.
func BenchmarkBids(b *testing.B) {
	p, e := bigHoldout(b)
	in := Input{Project: p, Estimates: []*costing.Estimate{e}, Variants: []int{0}, Lang: "nb"}
	var sched bytes.Buffer
	if err := WriteSchedule(&sched, in, ScheduleOptions{}); err != nil {
		b.Fatal(err)
	}
	s, err := buildSchedule(i18nFor(in), e)
	if err != nil {
		b.Fatal(err)
	}
	if n := len(s.lines()); n < 500 {
		b.Fatalf("%d lines", n)
	}
	files := make([][]byte, 10)
	for i := range files {
		prices := map[string]float64{}
		for _, ln := range s.lines() {
			prices[ln.Key] = ln.UnitPrice.InexactFloat64() * (0.8 + 0.05*float64(i))
		}
		files[i] = fill(b, sched.Bytes()).prices(prices).bytes()
	}
	b.ResetTimer()
	for b.Loop() {
		bids := make([]*Bid, len(files))
		for i, data := range files {
			bid, err := ReadBid(fmt.Sprintf("bud%d.xlsx", i), data, e)
			if err != nil {
				b.Fatal(err)
			}
			bids[i] = bid
		}
		ev, err := Evaluate(e, bids, "nb")
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteEvaluationPDF(io.Discard, ev, EvaluationDoc{Concept: p.Concept.Name}); err != nil {
			b.Fatal(err)
		}
	}
}
