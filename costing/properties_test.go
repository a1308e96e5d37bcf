package costing_test

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// checkAddsUp asserts that every printed column adds up: rows to posts,
// lines to posts 2-6, posts to every subtotal.
func checkAddsUp(t *testing.T, e *costing.Estimate) {
	t.Helper()
	var rows [14]decimal.Decimal
	for _, r := range e.Rows {
		rows[r.Post] = rows[r.Post].Add(r.Amount)
		if !r.Amount.Equal(r.Amount.Round(0)) {
			t.Errorf("row %s/%d not whole kroner: %s", r.Ref, r.Post, r.Amount)
		}
		exact := decimal.Zero
		for _, c := range r.Codes {
			exact = exact.Add(c.Exact)
		}
		if r.Source != costing.SourceLand && !exact.Round(0).Equal(r.Amount) {
			t.Errorf("row %s/%d: codes add up to %s, row %s", r.Ref, r.Post, exact, r.Amount)
		}
	}
	rows[8] = rows[8].Add(e.GeneralCostsPercentPart)
	for k := 2; k <= 9; k++ {
		if !rows[k].Equal(e.Posts[k]) {
			t.Errorf("post %d = %s, its rows add up to %s", k, e.Posts[k], rows[k])
		}
	}
	lines := decimal.Zero
	for _, l := range e.Lines {
		lines = lines.Add(l.Cost)
	}
	sum := func(from, to int) decimal.Decimal {
		s := decimal.Zero
		for k := from; k <= to; k++ {
			s = s.Add(e.Posts[k])
		}
		return s
	}
	if !lines.Equal(sum(2, 6)) {
		t.Errorf("lines add up to %s, posts 2-6 to %s", lines, sum(2, 6))
	}
	tt := e.Totals
	for _, c := range []struct {
		name string
		got  decimal.Decimal
		to   int
	}{
		{"huskostnad", tt.Huskostnad, 6}, {"entreprisekostnad", tt.Entreprisekostnad, 7},
		{"byggekostnad", tt.Byggekostnad, 8}, {"basiskostnad", tt.Basiskostnad, 10},
		{"prosjektkostnad", tt.Prosjektkostnad, 11}, {"kostnadsramme", tt.Kostnadsramme, 12},
		{"kostnadsramme inkl. prisregulering", tt.KostnadsrammeInklPrisregulering, 13},
	} {
		if want := sum(1, c.to); !c.got.Equal(want) {
			t.Errorf("%s = %s, posts 1-%d add up to %s", c.name, c.got, c.to, want)
		}
	}
	for k, p := range e.Posts[1:] {
		if !p.Equal(p.Round(0)) {
			t.Errorf("post %d not whole kroner: %s", k+1, p)
		}
	}
	if e.P50 != nil && e.P85.LessThan(*e.P50) {
		t.Errorf("P85 %s < P50 %s", e.P85, e.P50)
	}
}

// TestAddsUp checks the sums on several variants, with and without simulation.
func TestAddsUp(t *testing.T) {
	p := handProject()
	p.Concept.Assumptions.Simulation.Iterations = 3000
	projects := map[string]*concepts.Project{"hand": p, "bench": benchProject(40, 600, 3000)}
	for name, z := range map[string]*concepts.Zoning{"flats": nil, "parking": {ParkingPerDwelling: dp("1.3")}} {
		projects[name] = checkProject(z, u("flat3", 7), u("small3", 3), u("common", 1))
	}
	for _, name := range slices.Sorted(maps.Keys(projects)) {
		t.Run(name, func(t *testing.T) {
			m := mustModel(t, projects[name], 0)
			e := m.Estimate()
			checkAddsUp(t, e)
			dist := mustSimulate(t, m)
			checkAddsUp(t, e.WithSimulation(dist))
		})
	}
}

// TestDoubling doubles every count of a variant whose only site items are
// priced per dwelling (here a 7x connection and the VAT-free fee) and
// whose municipal item is per m² BRA, which doubles too.
//
// What holds: every quantity, area and exact (unrounded) row doubles. A
// rounded row doubles exactly when its exact amount is whole kroner;
// otherwise round(2x) and 2·round(x) may differ by 1 krone (mini's post 5
// row: 140 882.5 → 140 883, doubled 281 765, not 281 766). So every post
// 2-7 of the doubled variant is within (its number of rows) kroner of twice
// the original, and exactly twice when all its rows are whole.
func TestDoubling(t *testing.T) {
	mk := func(factor int) *costing.Estimate {
		p := handProject()
		p.Concept.Site.Zoning = nil // no parking spaces (ceil would not double)
		p.Catalogue.SiteItems = append(p.Catalogue.SiteItems, concepts.SiteItem{ID: "stikk", Name: concepts.Text{"nb": "Stikkledning"},
			Account: "73", Unit: concepts.UnitDwelling, Rate: rng("30000", "35000.3", "40000"), VAT: true})
		v := &p.Concept.Variants[0]
		v.SiteItems = []concepts.SiteItemLine{{Item: "stikk"}, {Item: "gebyr"}}
		for i := range v.Units {
			v.Units[i].Count *= factor
		}
		return mustEstimate(t, p, 0)
	}
	one, two := mk(1), mk(2)
	if two.Dwellings != 2*one.Dwellings || two.Persons != 2*one.Persons || !two.Area.BRA.Equal(one.Area.BRA.Mul(d("2"))) ||
		!two.Area.BYA.Equal(one.Area.BYA.Mul(d("2"))) {
		t.Error("quantities do not double")
	}
	for i := range one.Rows {
		r1, r2 := one.Rows[i], two.Rows[i]
		if r1.Source == costing.SourceLand {
			continue
		}
		exact1, exact2 := decimal.Zero, decimal.Zero
		for j := range r1.Codes {
			exact1, exact2 = exact1.Add(r1.Codes[j].Exact), exact2.Add(r2.Codes[j].Exact)
		}
		if !exact2.Equal(exact1.Mul(d("2"))) {
			t.Errorf("row %s/%d: exact %s, doubled %s", r1.Ref, r1.Post, exact1, exact2)
		}
		diff := r2.Amount.Sub(r1.Amount.Mul(d("2"))).Abs()
		whole := exact1.Equal(exact1.Round(0))
		if diff.GreaterThan(d("1")) || (whole && !diff.IsZero()) {
			t.Errorf("row %s/%d: %s doubled is %s", r1.Ref, r1.Post, r1.Amount, r2.Amount)
		}
	}
	// By hand: posts 2, 3, 4 have whole rows and double exactly; post 5
	// (140 882.5) and post 7 (9 × 35 000.3 × 1.1 = 346 502.97) do not.
	want := map[int]string{2: "25674040", 3: "1980000", 4: "1056000", 5: "281765", 6: "0", 7: "693006"}
	for k := 2; k <= 7; k++ {
		eq(t, "doubled post", two.Posts[k], want[k])
		if diff := two.Posts[k].Sub(one.Posts[k].Mul(d("2"))).Abs(); diff.GreaterThan(d("1")) {
			t.Errorf("post %d: %s doubled is %s", k, one.Posts[k], two.Posts[k])
		}
	}
	eq(t, "post 7", one.Posts[7], "346503")
}

// TestPriceBookRepeatingCatalogue: a price book that repeats the
// catalogue's rates changes nothing but the price book's name.
func TestPriceBookRepeatingCatalogue(t *testing.T) {
	p := handProject()
	pb := &concepts.PriceBook{Format: concepts.PriceBookFormat, Name: "Samme priser", PriceLevel: "2025-06",
		UnitTypes: map[string]concepts.PriceBookUnitType{}, SiteItems: map[string]concepts.PriceBookSiteItem{}}
	for _, ut := range p.Catalogue.UnitTypes {
		pb.UnitTypes[ut.ID] = concepts.PriceBookUnitType{Rates: maps.Clone(ut.Rates), Fixed: maps.Clone(ut.Fixed)}
	}
	for _, it := range p.Catalogue.SiteItems {
		pb.SiteItems[it.ID] = concepts.PriceBookSiteItem{Rate: it.Rate}
	}
	v := p.Concept.Variants[0]
	v.PriceBook = "samme.yaml"
	p.Concept.Variants = append(p.Concept.Variants, v)
	p.PriceBooks = map[string]*concepts.PriceBook{"samme.yaml": pb}
	p.Concept.Assumptions.Simulation.Iterations = 4000

	report := func(i int) (costing.VariantReport, *costing.Estimate) {
		e, err := costing.Run(context.Background(), p, i)
		if err != nil {
			t.Fatal(err)
		}
		return e.Report(i18n.New("nb")), e
	}
	plain, e0 := report(0)
	priced, e1 := report(1)
	if priced.PriceBook == nil || *priced.PriceBook != "Samme priser" || e1.PriceBook != "Samme priser" {
		t.Errorf("price book name = %v", priced.PriceBook)
	}
	priced.PriceBook = nil
	// The priced variant adds one check: the book prices every line, and
	// posts 2-7 of entreprisekostnad = 1.1 × posts 2-7 (post 1 at 10 %), so
	// it covers 100 / 1.1 = 90.9 %.
	cov, ok := e1.PriceBookCoverage()
	if !ok || cov.Named != cov.Lines || cov.Lines == 0 {
		t.Errorf("coverage = %+v, want every line", cov)
	}
	if x := cov.Percent.InexactFloat64(); x < 90.90 || x > 90.92 {
		t.Errorf("coverage = %.4f %%, want 90.91", x)
	}
	if last := priced.Checks[len(priced.Checks)-1]; last.ID != "pricebook.coverage" || last.Status != "info" {
		t.Errorf("last check = %+v, want pricebook.coverage info", last)
	} else {
		priced.Checks = priced.Checks[:len(priced.Checks)-1]
	}
	a, _ := json.Marshal(plain)
	b, _ := json.Marshal(priced)
	if string(a) != string(b) {
		t.Errorf("price book repeating the catalogue changes the estimate:\n%s\n%s", a, b)
	}
	if !slices.Equal(e0.Distribution.Sorted, e1.Distribution.Sorted) {
		t.Error("price book repeating the catalogue changes the simulation")
	}
}

// TestPriceBook: a price book's rate replaces the catalogue's.
func TestPriceBook(t *testing.T) {
	p := handProject()
	p.Concept.Variants[0].PriceBook = "hb.yaml"
	p.PriceBooks = map[string]*concepts.PriceBook{"hb.yaml": {Name: "Hallingbygg", PriceLevel: "2026-11",
		UnitTypes: map[string]concepts.PriceBookUnitType{"mini": {Rates: map[string]concepts.Range{"2": rng("19000", "20000", "21000")}}},
		SiteItems: map[string]concepts.PriceBookSiteItem{"vei": {Rate: rng("2800", "2900", "3300")}}}}
	e := mustEstimate(t, p, 0)
	// mini post 2: 5 × 1.1 × 20000 × 50 = 5 500 000 (was 5 775 000); vei 120 × 1.1 × 2900 = 382 800.
	eq(t, "post 2", e.Posts[2], "12562020")
	eq(t, "post 7", e.Posts[7], "690800")
	// Without a concept price level the estimate stays at the catalogue's
	// month and says the levels are mixed.
	if e.PriceBook != "Hallingbygg" || e.PriceLevel != "2025-06" {
		t.Errorf("price book %q level %q", e.PriceBook, e.PriceLevel)
	}
	nb := i18n.New("nb")
	mixed, cover := findCheck(e, "pricelevel.mixed"), findCheck(e, "pricebook.coverage")
	if mixed == nil || mixed.Status != costing.StatusWarn || !strings.Contains(mixed.Message(nb), "priset i 2026-11") {
		t.Errorf("pricelevel.mixed = %+v", mixed)
	}
	// It names mini's code 2 and vei: 5 500 000 + 382 800 = 5 882 800 of
	// entreprisekostnad 1.1 × 14 911 703 rounded = 16 402 873: 35.86 % < 50 %.
	if cover == nil || cover.Status != costing.StatusWarn || !strings.Contains(strings.ReplaceAll(cover.Message(nb), "\u00a0", " "), "35,9 % av entreprisekostnaden") {
		t.Errorf("pricebook.coverage = %+v %q", cover, cover.Message(nb))
	}
	if p.Catalogue.UnitType("mini").Rates["2"].Likely.String() != "21000" {
		t.Error("price book changed the catalogue")
	}
}

func TestCompileErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(p *concepts.Project)
		want   string
	}{
		{"unit type", func(p *concepts.Project) { p.Concept.Variants[0].Units[1].Type = "slott" }, `unit type "slott"`},
		{"site item", func(p *concepts.Project) { p.Concept.Variants[0].SiteItems[0].Item = "bro" }, `site item "bro"`},
		{"municipality", func(p *concepts.Project) { p.Concept.Municipality = "oslo" }, `Municipality "oslo"`},
		{"quantity", func(p *concepts.Project) { p.Concept.Variants[0].SiteItems[0].Quantity = nil }, `site item "vei" is priced per m and needs a quantity`},
		{"municipal item unit", func(p *concepts.Project) { p.Catalogue.Municipalities[0].Items = []string{"vei"} }, `site item "vei" is priced per m`},
		{"municipal item missing", func(p *concepts.Project) { p.Catalogue.Municipalities[0].Items = []string{"kloakk"} }, `site item "kloakk"`},
		{"no units", func(p *concepts.Project) { p.Concept.Variants[0].Units = nil }, "has no units"},
		{"price book", func(p *concepts.Project) { p.Concept.Variants[0].PriceBook = "borte.yaml" }, `"borte.yaml"`},
		{"variant", func(p *concepts.Project) { p.Concept.Variants = nil }, "no variant 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := handProject()
			tc.change(p)
			m, err := costing.Compile(p, 0)
			if err == nil || m != nil {
				t.Fatalf("Compile = %v, %v; want an error", m, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q lacks %q", err, tc.want)
			}
		})
	}
}

// TestMunicipalItemListed: a municipal item the variant lists itself is
// charged once, with the variant's quantity.
func TestMunicipalItemListed(t *testing.T) {
	p := handProject()
	p.Concept.Variants[0].SiteItems = append(p.Concept.Variants[0].SiteItems, concepts.SiteItemLine{Item: "va", Quantity: dp("100")})
	e := mustEstimate(t, p, 0)
	n := 0
	for _, s := range e.SiteItems {
		if s.Item.ID == "va" {
			n++
			if s.Municipal || !s.Quantity.Equal(d("100")) || !s.Amount.Equal(d("15645")) {
				t.Errorf("va = %+v", s)
			}
		}
	}
	if n != 1 {
		t.Errorf("va charged %d times", n)
	}
}

// TestNoDwellings: a variant of shared units only has no per-dwelling
// figures and no dwelling prices.
func TestNoDwellings(t *testing.T) {
	e := mustEstimate(t, checkProject(&concepts.Zoning{ParkingPerDwelling: dp("1")}, u("common", 2)), 0)
	if e.Dwellings != 0 || e.ParkingSpaces != 0 || e.Density.MUAPerDwelling != nil || e.PerDwelling.Kostnadsramme != nil ||
		e.PerDwelling.Prosjektkostnad != nil || len(e.DwellingPrices) != 0 || e.AffordableDwellings != 0 {
		t.Errorf("no dwellings: %+v", e)
	}
	r := e.Report(i18n.New("en"))
	b, _ := json.Marshal(r)
	for _, want := range []string{`"mua_per_dwelling":null`, `"per_dwelling":{"kostnadsramme":null,"prosjektkostnad":null}`, `"dwelling_prices":[]`, `"carbon_kg_per_m2_bra":null`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("report lacks %s: %s", want, b)
		}
	}
	if e.PerM2BRAKostnadsramme == nil {
		t.Error("per m² BRA nil with BRA 200")
	}
}

// TestEdgeCases: odd but valid inputs give an estimate, not a panic.
func TestEdgeCases(t *testing.T) {
	for name, change := range map[string]func(p *concepts.Project){
		"zero counts":    func(p *concepts.Project) { p.Concept.Variants[0].Units = []concepts.UnitLine{u("flat3", 0)} },
		"zero site area": func(p *concepts.Project) { p.Concept.Site.AreaM2 = decimal.Zero },
		"no rates":       func(p *concepts.Project) { p.Catalogue.UnitTypes[0].Rates = nil },
		"no zoning":      func(p *concepts.Project) { p.Concept.Site.Zoning = nil },
		"certain factor": func(p *concepts.Project) {
			p.Concept.Assumptions.UncertaintyFactors = []concepts.UncertaintyFactor{{Name: "x", AppliesTo: []string{"2"}, Range: rng("1", "1", "1")}}
		},
		"one iteration": func(p *concepts.Project) { p.Concept.Assumptions.Simulation.Iterations = 1 },
		"zero percentages": func(p *concepts.Project) {
			a := &p.Concept.Assumptions
			a.CommonCostsPercent, a.GeneralCostsPercent, a.PriceAdjustmentPercent = decimal.Zero, decimal.Zero, decimal.Zero
		},
	} {
		t.Run(name, func(t *testing.T) {
			p := checkProject(&concepts.Zoning{MaxBYAPercent: dp("30"), MinDwellingsPerDaa: dp("1"), MinMUAPerDwelling: dp("1")}, u("flat3", 3), u("common", 1))
			change(p)
			e, err := costing.Run(context.Background(), p, 0)
			if err != nil {
				t.Fatal(err)
			}
			checkAddsUp(t, e)
			e.Report(i18n.New("en"))
		})
	}
}
