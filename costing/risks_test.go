package costing_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// TestRisks: an event risk moves P50 and P85, never basiskostnad. On a
// certain project (no spread) every iteration's basiskostnad is the same,
// so a risk that always happens adds its cost, VAT included when liable,
// and one that never happens adds nothing.
func TestRisks(t *testing.T) {
	no := false
	for _, tc := range []struct {
		name string
		risk concepts.Risk
		add  int64 // added to P50 and P85
	}{
		// 1 000 000 + 25 % VAT (the default).
		{"certain with VAT", concepts.Risk{Name: "Fjell", ProbabilityPercent: d("100"), Cost: rng("1000000", "1000000", "1000000")}, 1_250_000},
		{"certain without VAT", concepts.Risk{Name: "Fjell", ProbabilityPercent: d("100"), Cost: rng("1000000", "1000000", "1000000"), VAT: &no}, 1_000_000},
		{"never", concepts.Risk{Name: "Fjell", ProbabilityPercent: d("0"), Cost: rng("1000000", "1000000", "1000000")}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := handProject()
			makeCertain(p)
			p.Concept.Assumptions.UncertaintyFactors = nil
			p.Concept.Assumptions.Simulation.Iterations = 2000
			base, err := costing.Run(context.Background(), p, 0)
			if err != nil {
				t.Fatal(err)
			}
			p.Concept.Risks = []concepts.Risk{tc.risk}
			e, err := costing.Run(context.Background(), p, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !e.Totals.Basiskostnad.Equal(base.Totals.Basiskostnad) {
				t.Errorf("basiskostnad %s, want %s: risks are not planned costs", e.Totals.Basiskostnad, base.Totals.Basiskostnad)
			}
			for _, pc := range []struct{ name, got, base string }{
				{"P50", e.P50.String(), base.P50.String()}, {"P85", e.P85.String(), base.P85.String()},
			} {
				if got, want := d(pc.got), d(pc.base).Add(decimalInt(tc.add)); !got.Equal(want) {
					t.Errorf("%s = %s, want %s + %d", pc.name, got, pc.base, tc.add)
				}
			}
		})
	}
}

// TestRiskSpread: a 25 % risk lifts P85 more than P50 on a certain project:
// with it P50 stays at basiskostnad (the risk happens in fewer than half
// the iterations) while P85 does not (it happens in more than 15 %).
func TestRiskSpread(t *testing.T) {
	p := handProject()
	makeCertain(p)
	p.Concept.Assumptions.UncertaintyFactors = nil
	p.Concept.Assumptions.Simulation.Iterations = 20000
	base, err := costing.Run(context.Background(), p, 0)
	if err != nil {
		t.Fatal(err)
	}
	p.Concept.Risks = []concepts.Risk{{Name: "Fjell", ProbabilityPercent: d("25"), Cost: rng("300000", "800000", "2000000")}}
	e, err := costing.Run(context.Background(), p, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !e.P50.Equal(*base.P50) {
		t.Errorf("P50 = %s, want %s as without the risk", e.P50, base.P50)
	}
	// P85 is a draw of the risk: at least 300 000 × 1.25 above.
	if e.P85.Sub(*base.P85).LessThan(d("375000")) {
		t.Errorf("P85 = %s, want at least %s + 375 000", e.P85, base.P85)
	}
}

// TestCompileRefusesHugeAmounts: an estimate that could overflow is
// refused with a message that says what to look for, never printed wrong.
func TestCompileRefusesHugeAmounts(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(p *concepts.Project)
	}{
		{"land cost", func(p *concepts.Project) { p.Concept.Site.LandCost = d("9300000000000000000") }},
		{"25-digit rate", func(p *concepts.Project) {
			p.Catalogue.UnitTypes[0].Rates["2"] = rng("1", "1000000000000000000000000", "1000000000000000000000000")
		}},
		// 12 factors of [9, 10, 10] multiply the high end by 10^12.
		{"twelve factors", func(p *concepts.Project) {
			for i := range 12 {
				p.Concept.Assumptions.UncertaintyFactors = append(p.Concept.Assumptions.UncertaintyFactors,
					concepts.UncertaintyFactor{Name: string(rune('a' + i)), AppliesTo: []string{"2"}, Range: rng("9", "10", "10")})
			}
		}},
		{"risk", func(p *concepts.Project) {
			p.Concept.Risks = []concepts.Risk{{Name: "Alt", ProbabilityPercent: d("1"), Cost: rng("1", "1", "2000000000000000")}}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := handProject()
			tc.change(p)
			_, err := costing.Compile(p, 0)
			if err == nil {
				t.Fatal("want an error")
			}
			if msg := concepts.Localize(err, i18n.New("nb")); !strings.Contains(msg, "ekstra null") {
				t.Errorf("message %q does not say what to look for", msg)
			}
		})
	}
}

// TestCheckWork: the simulation work of several variants is capped.
func TestCheckWork(t *testing.T) {
	p := handProject()
	p.Concept.Assumptions.Simulation.Iterations = 1_000_000
	m, err := costing.Compile(p, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := costing.CheckWork([]*costing.Model{m}); err != nil {
		t.Errorf("one variant: %v", err)
	}
	models := make([]*costing.Model, 50)
	for i := range models {
		models[i] = m
	}
	// 50 × 1 000 000 × (at least 10 draws) > 500 000 000.
	if m.Work() < 10_000_000 {
		t.Fatalf("work of one variant = %d, want at least 10 000 000", m.Work())
	}
	if err := costing.CheckWork(models); err == nil {
		t.Error("50 variants of 1 000 000 iterations: want an error")
	}
}

func decimalInt(n int64) decimal.Decimal { return decimal.NewFromInt(n) }
