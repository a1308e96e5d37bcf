package costing_test

import (
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

// d parses a decimal literal.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// dp returns a pointer to a decimal literal.
func dp(s string) *decimal.Decimal { v := d(s); return &v }

func ip(n int) *int { return &n }

func rng(low, likely, high string) concepts.Range {
	return concepts.Range{Low: d(low), Likely: d(likely), High: d(high)}
}

func areas(brai, brae, brab, tba, bta, bya string) concepts.Areas {
	return concepts.Areas{BRAi: d(brai), BRAe: d(brae), BRAb: d(brab), TBA: d(tba), BTA: d(bta), BYA: d(bya)}
}

// handProject is the variant computed by hand in TestHandComputedVariant:
// two dwelling types and a shed, four site items of the variant (two 7x, an
// account-8 item and a VAT-free fee) and one municipal, VAT-free item,
// regional factor 1.1, parking norm 1.5 and land cost.
func handProject() *concepts.Project {
	cat := &concepts.Catalogue{
		Format:     concepts.CatalogueFormat,
		Name:       "Testkatalog",
		Currency:   "NOK",
		PriceLevel: "2025-06",
		VATPercent: d("25"),
		Families:   []concepts.Family{{ID: "test", Name: "Test", Setting: concepts.SettingRural}},
		UnitTypes: []concepts.UnitType{
			{
				ID: "hus", Family: "test", Kind: concepts.KindDwelling, Form: concepts.FormDetached,
				Name:     concepts.Text{"nb": "Småhus", "en": "Small house"},
				Bedrooms: 2, Persons: 3, Storeys: 1, Accessible: true,
				Area: areas("60", "5", "0", "10", "75", "80"),
				Rates: map[string]concepts.Range{
					"2":  rng("18000", "20000", "24000"),
					"31": rng("2500", "3000", "3600"),
					"4":  rng("1500", "1600", "2000"),
				},
				Fixed:         map[string]concepts.Range{"27": rng("50000", "60000", "80000")},
				CarbonKgPerM2: dp("200"),
			},
			{
				ID: "mini", Family: "test", Kind: concepts.KindDwelling, Form: concepts.FormFlat,
				Name:     concepts.Text{"nb": "Minileilighet", "en": "Mini flat"},
				Bedrooms: 1, Persons: 2, Storeys: 2,
				Area: areas("40", "2", "1", "4", "50", "30"),
				Rates: map[string]concepts.Range{
					"2": rng("19000", "21000", "25000"),
					"5": rng("400", "512.3", "600"),
				},
				CarbonKgPerM2: dp("150"),
			},
			{
				ID: "bu", Family: "test", Kind: concepts.KindOutbuilding, Form: concepts.FormOther,
				Name:    concepts.Text{"nb": "Bod", "en": "Shed"},
				Storeys: 1,
				Area:    areas("0", "0", "15", "0", "18", "25"),
				Rates:   map[string]concepts.Range{"2": rng("8000", "10001", "12000")},
			},
		},
		SiteItems: []concepts.SiteItem{
			{ID: "vei", Name: concepts.Text{"nb": "Adkomstvei", "en": "Access road"}, Account: "76", Unit: concepts.UnitM, Rate: rng("2500", "3000", "4000"), VAT: true},
			{ID: "parkering", Name: concepts.Text{"nb": "Parkeringsplass", "en": "Parking space"}, Account: "76", Unit: concepts.UnitParking, Rate: rng("15000", "20000", "30000"), VAT: true},
			{ID: "prosjektering", Name: concepts.Text{"nb": "Prosjektering", "en": "Design"}, Account: "8", Unit: concepts.UnitPiece, Rate: rng("100000", "120000", "150000"), VAT: true},
			{ID: "gebyr", Name: concepts.Text{"nb": "Byggesaksgebyr", "en": "Permit fee"}, Account: "9", Unit: concepts.UnitDwelling, Rate: rng("8000", "9000", "12000")},
			{ID: "va", Name: concepts.Text{"nb": "Tilknytning vann", "en": "Water connection"}, Account: "9", Unit: concepts.UnitBRAM2, Rate: rng("150", "156.45", "170")},
		},
		Municipalities: []concepts.Municipality{{ID: "gol", Name: "Gol", Items: []string{"va"}}},
	}
	one := d("1")
	c := &concepts.Concept{
		Format:       concepts.ConceptFormat,
		Name:         "Håndregnet",
		Catalogue:    "test.yaml",
		Municipality: "gol",
		Revision:     concepts.Revision{ID: "A", Date: "2026-11-27"},
		Site: concepts.Site{
			AreaM2: d("5000"), PavedM2: d("400"), LandCost: d("1500000"),
			Zoning: &concepts.Zoning{
				MaxBYAPercent:      dp("35"),
				MaxBRAPercent:      dp("14"),
				MinMUAPerDwelling:  dp("30"),
				MaxStoreys:         ip(2),
				MinDwellingsPerDaa: dp("2"),
				ParkingPerDwelling: dp("1.5"),
			},
		},
		Assumptions: concepts.Assumptions{
			CommonCostsPercent:     d("10"),
			GeneralCostsPercent:    d("12"),
			RegionalFactor:         d("1.1"),
			PriceAdjustmentPercent: d("3"),
			FirstTimeBuyerLimit:    d("3000000"),
			Simulation:             concepts.Simulation{Iterations: 20000, Seed: 7},
			UncertaintyFactors: []concepts.UncertaintyFactor{
				{Name: "Marked", AppliesTo: []string{"2", "3", "4", "5", "6", "7"}, Range: rng("0.95", "1", "1.15")},
				{Name: "Grunnforhold", AppliesTo: []string{"7"}, Range: rng("0.9", "1", "1.3")},
			},
		},
		Variants: []concepts.Variant{{
			Name: "A - 9 boliger",
			Units: []concepts.UnitLine{
				{Type: "hus", Count: 4},
				{Type: "mini", Count: 5},
				{Type: "bu", Count: 1},
			},
			SiteItems: []concepts.SiteItemLine{
				{Item: "vei", Quantity: dp("120")},
				{Item: "parkering"},
				{Item: "prosjektering", Quantity: &one},
				{Item: "gebyr"},
			},
		}},
	}
	return &concepts.Project{Concept: c, Catalogue: cat}
}

// mustEstimate compiles variant i and returns its deterministic estimate.
func mustEstimate(tb testing.TB, p *concepts.Project, i int) *costing.Estimate {
	tb.Helper()
	m, err := costing.Compile(p, i)
	if err != nil {
		tb.Fatal(err)
	}
	return m.Estimate()
}

// mustModel compiles variant i.
func mustModel(tb testing.TB, p *concepts.Project, i int) *costing.Model {
	tb.Helper()
	m, err := costing.Compile(p, i)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// makeCertain makes every rate, fixed amount and site-item rate of p
// certain (low = likely = high = the likely value).
func makeCertain(p *concepts.Project) {
	certain := func(r concepts.Range) concepts.Range {
		return concepts.Range{Low: r.Likely, Likely: r.Likely, High: r.Likely}
	}
	for i := range p.Catalogue.UnitTypes {
		ut := &p.Catalogue.UnitTypes[i]
		for k, r := range ut.Rates {
			ut.Rates[k] = certain(r)
		}
		for k, r := range ut.Fixed {
			ut.Fixed[k] = certain(r)
		}
	}
	for i := range p.Catalogue.SiteItems {
		p.Catalogue.SiteItems[i].Rate = certain(p.Catalogue.SiteItems[i].Rate)
	}
}
