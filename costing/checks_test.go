package costing_test

import (
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// checkUnit returns a unit type for the check tests: one m² of BYA per
// 10 m² BRA-i, rates that do not matter.
func checkUnit(id, nb, en string, kind concepts.Kind, form concepts.Form, storeys int, lift, accessible bool, brai, brae string) concepts.UnitType {
	return concepts.UnitType{
		ID: id, Family: "test", Kind: kind, Form: form, Name: concepts.Text{"nb": nb, "en": en},
		Bedrooms: 1, Persons: 2, Storeys: storeys, Lift: lift, Accessible: accessible,
		Area:  areas(brai, brae, "0", "0", "100", "20"),
		Rates: map[string]concepts.Range{"2": rng("10000", "20000", "30000")},
	}
}

// checkProject is a 1000 m² site with the given units and zoning. Each unit
// has a BYA of 20 m² and a BTA of 100 m².
func checkProject(z *concepts.Zoning, units ...concepts.UnitLine) *concepts.Project {
	p := handProject()
	dw, sh := concepts.KindDwelling, concepts.KindShared
	p.Catalogue.UnitTypes = []concepts.UnitType{
		checkUnit("flat3", "Leilighet", "Flat", dw, concepts.FormFlat, 3, true, true, "55", "5"),
		checkUnit("flat3-nolift", "Loftsleilighet", "Walk-up flat", dw, concepts.FormFlat, 3, false, true, "55", "5"),
		checkUnit("small3", "Hybel", "Bedsit", dw, concepts.FormFlat, 3, true, false, "45", "2"),
		checkUnit("big3", "Storleilighet", "Large flat", dw, concepts.FormFlat, 4, true, false, "70", "2"),
		checkUnit("bigflat", "Penthouse", "Penthouse", dw, concepts.FormFlat, 3, true, true, "90", "5"),
		checkUnit("house1", "Tun-hus", "Farm house", dw, concepts.FormDetached, 1, false, false, "80", "5"),
		checkUnit("house2", "Familiehus", "Family house", dw, concepts.FormDetached, 2, false, false, "140", "20"),
		checkUnit("terrace", "Rekkehus", "Terraced house", dw, concepts.FormTerraced, 2, false, false, "130", "10"),
		checkUnit("micro", "Mikrohus", "Micro house", dw, concepts.FormMicro, 1, false, false, "26", "2"),
		checkUnit("microbig", "Stort mikrohus", "Large micro house", dw, concepts.FormMicro, 1, false, false, "32", "2"),
		checkUnit("micro3", "Mikroleilighet", "Micro flat", dw, concepts.FormMicro, 3, true, false, "25", "0"),
		checkUnit("tower", "Høyblokk", "Tower flat", dw, concepts.FormFlat, 5, true, true, "55", "5"),
		checkUnit("common", "Fellesbygg", "Common house", sh, concepts.FormOther, 1, false, false, "100", "0"),
		checkUnit("small3a", "Tilgjengelig hybel", "Accessible bedsit", dw, concepts.FormFlat, 3, true, true, "40", "2"),
		checkUnit("house3", "Byhus", "Town house", dw, concepts.FormDetached, 3, false, false, "110", "5"),
		checkUnit("flat130", "Stor leilighet", "Big flat", dw, concepts.FormFlat, 3, true, true, "125", "5"),
		checkUnit("hugeflat", "Storflat", "Huge flat", dw, concepts.FormFlat, 3, true, true, "130", "5"),
		checkUnit("villa", "Villa", "Villa", dw, concepts.FormDetached, 2, false, false, "200", "5"),
		checkUnit("terrace2", "Stort rekkehus", "Large terraced house", dw, concepts.FormTerraced, 2, false, false, "150", "5"),
	}
	p.Catalogue.SiteItems = nil
	p.Catalogue.Municipalities = []concepts.Municipality{{ID: "gol", Name: "Gol"}}
	c := p.Concept
	c.Site = concepts.Site{AreaM2: d("1000"), Zoning: z}
	c.Assumptions.UncertaintyFactors = nil
	c.Variants = []concepts.Variant{{Name: "V", Units: units}}
	return p
}

func u(id string, n int) concepts.UnitLine { return concepts.UnitLine{Type: id, Count: n} }

// TestChecks builds variants that pass and break every check of
// docs/RULES.md and looks at status and message (both languages).
func TestChecks(t *testing.T) {
	nb, en := i18n.New("nb"), i18n.New("en")
	for _, tc := range []struct {
		name   string
		zoning *concepts.Zoning
		units  []concepts.UnitLine
		id     string
		status costing.Status // "" when the check must not apply
		nb, en []string       // the messages contain these
	}{
		// 10 flats: BYA 200 m² = 20 %, BRA 600 m² = 60 %, MUA (1000−200)/10 = 80, 10 per daa.
		{"bya at limit", &concepts.Zoning{MaxBYAPercent: dp("20")}, []concepts.UnitLine{u("flat3", 10)}, "zoning.bya", costing.StatusPass,
			[]string{"20,0 %", "200 m²"}, []string{"20.0%", "within"}},
		{"bya over", &concepts.Zoning{MaxBYAPercent: dp("19.9")}, []concepts.UnitLine{u("flat3", 10)}, "zoning.bya", costing.StatusFail,
			[]string{"20,0 %", "over grensen på 19,9 %"}, []string{"above", "19.9%"}},
		{"bya with parking", &concepts.Zoning{MaxBYAPercent: dp("37.9"), ParkingPerDwelling: dp("0.95")}, []concepts.UnitLine{u("flat3", 10)}, "zoning.bya", costing.StatusFail,
			[]string{"38,0 %", "380 m²"}, []string{"38.0%"}}, // 200 + 18 × ceil(9.5)
		{"no bya limit", &concepts.Zoning{MaxBRAPercent: dp("60")}, []concepts.UnitLine{u("flat3", 10)}, "zoning.bya", "", nil, nil},
		{"bra at limit", &concepts.Zoning{MaxBRAPercent: dp("60")}, []concepts.UnitLine{u("flat3", 10)}, "zoning.bra", costing.StatusPass,
			[]string{"60,0 %", "600 m²"}, []string{"60.0%"}},
		{"bra over", &concepts.Zoning{MaxBRAPercent: dp("59")}, []concepts.UnitLine{u("flat3", 10)}, "zoning.bra", costing.StatusFail,
			[]string{"60,0 %", "59,0 %"}, []string{"above"}},
		{"mua at limit", &concepts.Zoning{MinMUAPerDwelling: dp("80")}, []concepts.UnitLine{u("flat3", 10)}, "zoning.mua", costing.StatusPass,
			[]string{"80 m²"}, []string{"80 m²"}},
		{"mua under", &concepts.Zoning{MinMUAPerDwelling: dp("81")}, []concepts.UnitLine{u("flat3", 10)}, "zoning.mua", costing.StatusFail,
			[]string{"bare 80 m²", "81 m²"}, []string{"only 80 m²", "81 m²"}},
		{"mua without dwellings", &concepts.Zoning{MinMUAPerDwelling: dp("81")}, []concepts.UnitLine{u("common", 1)}, "zoning.mua", "", nil, nil},
		{"storeys at limit", &concepts.Zoning{MaxStoreys: ip(5)}, []concepts.UnitLine{u("flat3", 2), u("tower", 2)}, "zoning.storeys", costing.StatusPass,
			[]string{"den høyeste har 5 av tillatte 5 etasjer"}, []string{"the tallest has 5 of the 5 storeys allowed"}},
		{"storeys over", &concepts.Zoning{MaxStoreys: ip(3)}, []concepts.UnitLine{u("flat3", 2), u("tower", 2), u("big3", 1)}, "zoning.storeys", costing.StatusFail,
			[]string{"høyst 3 etasjer", "Høyblokk og Storleilighet (opptil 5 etasjer)"}, []string{"at most 3 storeys", "Tower flat and Large flat (up to 5 storeys)"}},
		{"density at limit", &concepts.Zoning{MinDwellingsPerDaa: dp("10")}, []concepts.UnitLine{u("flat3", 10)}, "zoning.density", costing.StatusPass,
			[]string{"10 boliger per dekar"}, []string{"10 dwellings per decare"}},
		{"density under", &concepts.Zoning{MinDwellingsPerDaa: dp("10.5")}, []concepts.UnitLine{u("flat3", 10)}, "zoning.density", costing.StatusFail,
			[]string{"bare 10 boliger", "10,5"}, []string{"only 10", "10.5"}},
		{"lift", nil, []concepts.UnitLine{u("flat3", 4), u("house2", 1)}, "tek17.lift", costing.StatusPass,
			[]string{"tre eller flere etasjer: 4, alle med heis"}, []string{"three or more storeys: 4, all with a lift"}},
		{"no lift", nil, []concepts.UnitLine{u("flat3", 4), u("flat3-nolift", 4)}, "tek17.lift", costing.StatusFail,
			[]string{"§ 12-3 (2)", "Loftsleilighet (bygg med 3 etasjer). I en bygning med tre etasjer som betjener høyst 6 boliger, kan en løfteplattform"},
			[]string{"§ 12-3 (2)", "Walk-up flat (building of 3 storeys). In a three-storey building serving at most 6 dwellings a lifting platform"}},
		{"lift n/a", nil, []concepts.UnitLine{u("house2", 4), u("common", 1)}, "tek17.lift", "", nil, nil},
		// A detached house of 3 storeys is a småhus: exempt (§ 12-3 (3)).
		{"lift n/a: småhus of 3 storeys", nil, []concepts.UnitLine{u("house3", 2)}, "tek17.lift", "", nil, nil},
		{"accessible", nil, []concepts.UnitLine{u("flat3", 4), u("house2", 4)}, "tek17.accessible", costing.StatusPass,
			[]string{"tilgjengelige"}, []string{"accessible"}},
		{"accessible n/a: 2 storeys", nil, []concepts.UnitLine{u("house2", 4), u("terrace", 2)}, "tek17.accessible", "", nil, nil},
		{"accessible n/a: 3-storey småhus", nil, []concepts.UnitLine{u("house3", 2)}, "tek17.accessible", "", nil, nil},
		{"accessible n/a: micro exempt", nil, []concepts.UnitLine{u("micro", 4), u("micro3", 2)}, "tek17.accessible", "", nil, nil},
		// Tun-hus: BRA 80 + 5 = 85 m².
		{"one storey not accessible", nil, []concepts.UnitLine{u("house1", 2), u("flat3", 2)}, "tek17.accessible", costing.StatusFail,
			[]string{"hovedfunksjoner på inngangsplanet", "Tun-hus (én etasje, 85 m² BRA)."}, []string{"entrance floor", "Farm house (one storey, 85 m² BRA)."}},
		// Storleilighet: BRA 70 + 2 = 72 m² > 50: must be accessible.
		{"large flat not accessible", nil, []concepts.UnitLine{u("big3", 1), u("flat3", 9)}, "tek17.accessible", costing.StatusFail,
			[]string{"Storleilighet (bygg med 4 etasjer, 72 m² BRA)."}, []string{"Large flat (building of 4 storeys, 72 m² BRA)."}},
		// 6 small dwellings (BRA 47 and 42 m²), 3 accessible: ceil(6/2) = 3 required.
		{"small exception half", nil, []concepts.UnitLine{u("small3", 3), u("small3a", 3), u("flat3", 5)}, "tek17.accessible", costing.StatusPass,
			[]string{"3 av 6 tilgjengelige, minst 3 kreves", "§ 12-2 (2)"}, []string{"3 of 6 are accessible, at least 3 required"}},
		// 5 small, 2 accessible: ceil(5/2) = 3 required, so it fails.
		{"small exception odd", nil, []concepts.UnitLine{u("small3", 3), u("small3a", 2)}, "tek17.accessible", costing.StatusFail,
			[]string{"2 av 5 små boliger tilgjengelige, minst 3 kreves. Ikke tilgjengelige: Hybel (47 m² BRA)."},
			[]string{"2 of 5 small dwellings accessible, at least 3 required. Not accessible: Bedsit (47 m² BRA)."}},
		// The case that passed before: 12 small flats, none accessible, beside 12 large accessible ones.
		{"no small dwelling accessible", nil, []concepts.UnitLine{u("small3", 12), u("flat3", 12)}, "tek17.accessible", costing.StatusFail,
			[]string{"0 av 12 små boliger tilgjengelige, minst 6 kreves"}, []string{"0 of 12 small dwellings accessible, at least 6 required"}},
		// Micro units are exempt and do not count: 2 of 4 small ones.
		{"small exception with micro", nil, []concepts.UnitLine{u("small3", 2), u("small3a", 2), u("micro3", 2)}, "tek17.accessible", costing.StatusPass,
			[]string{"2 av 4 tilgjengelige, minst 2 kreves"}, nil},
		{"over half and one storey", nil, []concepts.UnitLine{u("small3", 6), u("flat3", 4), u("house1", 1)}, "tek17.accessible", costing.StatusFail,
			[]string{"Tun-hus (én etasje, 85 m² BRA). I tillegg", "0 av 6 små boliger tilgjengelige, minst 3 kreves. Ikke tilgjengelige: Hybel (47 m² BRA)."},
			[]string{"Farm house (one storey, 85 m² BRA). Also", "0 of 6 small dwellings accessible, at least 3 required. Not accessible: Bedsit (47 m² BRA)."}},
		{"micro", nil, []concepts.UnitLine{u("micro", 3), u("common", 1)}, "tek17.micro", costing.StatusInfo,
			[]string{"gjelder: Mikrohus."}, []string{"apply: Micro house."}},
		{"micro too big", nil, []concepts.UnitLine{u("micro", 3), u("microbig", 2), u("micro3", 1)}, "tek17.micro", costing.StatusWarn,
			[]string{"Stort mikrohus (34 m² BRA, etasjer: 1) og Mikroleilighet (25 m² BRA, etasjer: 3)"},
			[]string{"Large micro house (34 m² BRA, storeys: 1) and Micro flat (25 m² BRA, storeys: 3)"}},
		{"micro n/a", nil, []concepts.UnitLine{u("flat3", 3)}, "tek17.micro", "", nil, nil},
		// At the caps: flat 125 + 5 = 130, terraced 130 + 10 = 140 <= 150, detached 140 + 20 = 160 <= 200.
		{"husbanken", nil, []concepts.UnitLine{u("flat130", 3), u("house2", 1), u("terrace", 2)}, "husbanken.area", costing.StatusPass,
			[]string{"Husbankens", "leilighet 130 m²", "150 m²", "enebolig 200 m²"}, []string{"Husbanken's", "flat 130 m²"}},
		{"husbanken over", nil, []concepts.UnitLine{u("hugeflat", 1), u("villa", 1), u("terrace2", 1)}, "husbanken.area", costing.StatusWarn,
			[]string{"Storflat (135 m² BRA, grense 130 m²), Villa (205 m² BRA, grense 200 m²) og Stort rekkehus (155 m² BRA, grense 150 m²)"},
			[]string{"Huge flat (135 m² BRA, cap 130 m²), Villa (205 m² BRA, cap 200 m²) and Large terraced house (155 m² BRA, cap 150 m²)"}},
		{"husbanken n/a", nil, []concepts.UnitLine{u("micro", 3)}, "husbanken.area", "", nil, nil},
		{"affordability", nil, []concepts.UnitLine{u("micro", 3)}, "affordability", costing.StatusInfo,
			[]string{"0 av 3 (0,0 %)", "3 000 000 kr"}, []string{"0 of 3 (0.0%)", "NOK 3,000,000"}},
		{"affordability n/a", nil, []concepts.UnitLine{u("common", 1)}, "affordability", "", nil, nil},
		// 15 flats with a norm of 1 need 15 parking spaces; nothing is priced.
		{"completeness: nothing priced", &concepts.Zoning{ParkingPerDwelling: dp("1")}, []concepts.UnitLine{u("flat3", 15)}, "completeness", costing.StatusWarn,
			[]string{"mangler 15 parkeringsplasser", "utendørs VVS (konto 73", "og veier og plasser (konto 76)"},
			[]string{"lacks 15 parking spaces", "outdoor pipework (account 73", "and roads and squares (account 76)"}},
		{"completeness: no norm, no parking needed", nil, []concepts.UnitLine{u("flat3", 15)}, "completeness", costing.StatusWarn,
			[]string{"mangler utendørs VVS"}, []string{"lacks outdoor pipework"}},
		{"completeness n/a", nil, []concepts.UnitLine{u("common", 1)}, "completeness", "", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := mustEstimate(t, checkProject(tc.zoning, tc.units...), 0)
			var found *costing.Check
			for i, c := range e.Checks {
				if c.ID == tc.id {
					if found != nil {
						t.Fatalf("check %s twice", tc.id)
					}
					found = &e.Checks[i]
				}
			}
			if tc.status == "" {
				if found != nil {
					t.Fatalf("check %s applies: %s", tc.id, found.Message(nb))
				}
				return
			}
			if found == nil {
				t.Fatalf("check %s missing", tc.id)
			}
			if found.Status != tc.status {
				t.Errorf("status = %s, want %s (%s)", found.Status, tc.status, found.Message(nb))
			}
			for _, lw := range []struct {
				l    *i18n.Locale
				want []string
			}{{nb, tc.nb}, {en, tc.en}} {
				msg := found.Message(lw.l)
				if strings.Contains(msg, "  ") {
					t.Errorf("%s: double space in %q", lw.l.Lang(), msg)
				}
				if !lw.l.Has(found.Key) || strings.Contains(msg, "%!") {
					t.Errorf("%s: bad message %q for key %s", lw.l.Lang(), msg, found.Key)
				}
				for _, w := range lw.want {
					// Numbers and their units are joined by no-break spaces.
					if !strings.Contains(strings.ReplaceAll(msg, "\u00a0", " "), w) {
						t.Errorf("%s message %q lacks %q", lw.l.Lang(), msg, w)
					}
				}
			}
		})
	}
}

// TestChecksOrder: every check applies once, in the order of docs/RULES.md.
func TestChecksOrder(t *testing.T) {
	z := &concepts.Zoning{MaxBYAPercent: dp("50"), MaxBRAPercent: dp("100"), MinMUAPerDwelling: dp("10"),
		MaxStoreys: ip(3), MinDwellingsPerDaa: dp("1"), ParkingPerDwelling: dp("1")}
	e := mustEstimate(t, checkProject(z, u("flat3", 4), u("micro", 2)), 0)
	var ids []string
	for _, c := range e.Checks {
		ids = append(ids, c.ID)
	}
	want := "zoning.bya zoning.bra zoning.mua zoning.storeys zoning.density tek17.lift tek17.accessible tek17.micro husbanken.area affordability completeness"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("checks = %s\nwant %s", got, want)
	}
}

// TestFailed checks that Failed returns exactly the failing checks, in order.
func TestFailed(t *testing.T) {
	e := &costing.Estimate{Checks: []costing.Check{
		{ID: "zoning.bya", Status: costing.StatusFail},
		{ID: "zoning.bra", Status: costing.StatusPass},
		{ID: "tek17.micro", Status: costing.StatusWarn},
		{ID: "tek17.lift", Status: costing.StatusFail},
		{ID: "affordability", Status: costing.StatusInfo},
	}}
	var ids []string
	for _, c := range e.Failed() {
		ids = append(ids, c.ID)
	}
	if got, want := strings.Join(ids, " "), "zoning.bya tek17.lift"; got != want {
		t.Errorf("Failed() = %q, want %q", got, want)
	}
}

// findCheck returns the estimate's check with the id, or nil.
func findCheck(e *costing.Estimate, id string) *costing.Check {
	for i := range e.Checks {
		if e.Checks[i].ID == id {
			return &e.Checks[i]
		}
	}
	return nil
}

// TestCompletenessPass: with parking, pipework (73) and roads (76) priced
// nothing lacks; an item with quantity 0 prices nothing.
func TestCompletenessPass(t *testing.T) {
	p := handProject()
	p.Catalogue.SiteItems = append(p.Catalogue.SiteItems, concepts.SiteItem{ID: "ledning", Name: concepts.Text{"nb": "VA-ledning"},
		Account: "73", Unit: concepts.UnitM, Rate: rng("1000", "1200", "1500"), VAT: true})
	v := &p.Concept.Variants[0]
	v.SiteItems = append(v.SiteItems, concepts.SiteItemLine{Item: "ledning", Quantity: dp("80")})
	if c := findCheck(mustEstimate(t, p, 0), "completeness"); c == nil || c.Status != costing.StatusPass {
		t.Errorf("completeness = %+v, want pass", c)
	}
	v.SiteItems[len(v.SiteItems)-1].Quantity = dp("0")
	if c := findCheck(mustEstimate(t, p, 0), "completeness"); c == nil || c.Status != costing.StatusWarn {
		t.Errorf("completeness with 0 m of pipe = %+v, want warn", c)
	}
}
