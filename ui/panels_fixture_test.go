package ui

import (
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

// Hand-made fixtures for the catalogue and costs panels, independent of the
// built-in catalogue, so that golden files change only when the panels do.

func panelDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func panelDecPtr(s string) *decimal.Decimal {
	d := panelDec(s)
	return &d
}

func panelArea(brai, brae, brab, tba, bta, bya string) concepts.Areas {
	return concepts.Areas{BRAi: panelDec(brai), BRAe: panelDec(brae), BRAb: panelDec(brab), TBA: panelDec(tba), BTA: panelDec(bta), BYA: panelDec(bya)}
}

// panelTestCatalogue returns a small catalogue with two families.
func panelTestCatalogue() *concepts.Catalogue {
	return &concepts.Catalogue{
		Format: concepts.CatalogueFormat, Name: "Testkatalog", Currency: "NOK", PriceLevel: "2025-06", VATPercent: panelDec("25"),
		Families: []concepts.Family{
			{ID: "solenga", Name: "Solenga", Setting: concepts.SettingUrban},
			{ID: "reveskogen", Name: "Reveskogen", Setting: concepts.SettingRural},
		},
		UnitTypes: []concepts.UnitType{
			{
				ID: "solenga-mikro", Family: "solenga", Kind: concepts.KindDwelling, Form: concepts.FormFlat,
				Name: concepts.Text{"nb": "Mikroleilighet", "en": "Micro flat"}, Bedrooms: 0, Persons: 1, Storeys: 3, Lift: true, Accessible: true,
				Area:  panelArea("35", "3", "0", "5", "44", "15"),
				Rates: map[string]concepts.Range{"2": concepts.NewRange(17000, 19000, 23000), "31": concepts.NewRange(2600, 3000, 3800)},
			},
			{
				ID: "solenga-2r", Family: "solenga", Kind: concepts.KindDwelling, Form: concepts.FormFlat,
				Name: concepts.Text{"nb": "2-roms leilighet", "en": "One-bedroom flat"}, Bedrooms: 1, Persons: 2, Storeys: 3, Lift: true, Accessible: true,
				Area: panelArea("48", "5", "0", "8", "62", "21"),
				Rates: map[string]concepts.Range{
					"2": concepts.NewRange(17000, 19000, 23000), "31": concepts.NewRange(2600, 3000, 3800), "36": concepts.NewRange(900, 1000, 1300),
					"4": concepts.NewRange(1500, 1700, 2100), "5": concepts.NewRange(400, 450, 600), "6": concepts.NewRange(700, 800, 1000),
				},
				Fixed:         map[string]concepts.Range{"27": concepts.NewRange(60000, 75000, 110000)},
				CarbonKgPerM2: panelDecPtr("210"),
				Requirements: concepts.Texts{
					"nb": {"Boenheten skal være tilgjengelig etter TEK17 § 12-2.", "Bod på minst 5 m² BRA-e i kjeller."},
					"en": {"The dwelling shall be accessible under TEK17 § 12-2.", "A storage room of at least 5 m² BRA-e in the basement."},
				},
			},
			{
				ID: "solenga-fellesbygg", Family: "solenga", Kind: concepts.KindShared, Form: concepts.FormOther,
				Name: concepts.Text{"nb": "Fellesbygg", "en": "Common house"}, Storeys: 1,
				Area:  panelArea("120", "0", "0", "30", "140", "150"),
				Rates: map[string]concepts.Range{"2": concepts.NewRange(18000, 20000, 25000)},
			},
			{
				ID: "reveskogen-mikrohus", Family: "reveskogen", Kind: concepts.KindDwelling, Form: concepts.FormMicro,
				Name: concepts.Text{"nb": "Mikrohus", "en": "Micro house"}, Bedrooms: 1, Persons: 1, Storeys: 1, Accessible: true,
				Area:  panelArea("28", "0", "0", "10", "34", "40"),
				Rates: map[string]concepts.Range{"2": concepts.NewRange(20000, 22000, 27000)},
			},
			{
				ID: "reveskogen-familiehus", Family: "reveskogen", Kind: concepts.KindDwelling, Form: concepts.FormDetached,
				Name: concepts.Text{"nb": "Familiehus", "en": "Family house"}, Bedrooms: 3, Persons: 5, Storeys: 2,
				Area:  panelArea("84", "6", "0", "14", "104", "60"),
				Rates: map[string]concepts.Range{"2": concepts.NewRange(19000, 21000, 26000)},
			},
		},
	}
}

// panelTestEstimate returns an estimate of the form costing.Estimate takes,
// with made-up but consistent figures: every subtotal is the sum of its
// posts and every post the sum of its rows. simulated adds P50, P85 and
// their distribution.
func panelTestEstimate(simulated bool) *costing.Estimate {
	cat := panelTestCatalogue()
	twoRoom, common := cat.UnitType("solenga-2r"), cat.UnitType("solenga-fellesbygg")
	e := &costing.Estimate{
		Concept: "Solenga Gol sentrum", Variant: "A – 12 boliger", Currency: "NOK", PriceLevel: "2025-06", VATPercent: panelDec("25"),
		Dwellings: 12, Persons: 24, Bedrooms: 12,
		Rows: []costing.Row{
			{Post: 2, Source: costing.SourceUnit, Ref: twoRoom.ID, Name: twoRoom.Name, Count: 12, Amount: panelDec("15036000"), VAT: true},
			{Post: 2, Source: costing.SourceUnit, Ref: common.ID, Name: common.Name, Count: 1, Amount: panelDec("2800000"), VAT: true},
			{Post: 3, Source: costing.SourceUnit, Ref: twoRoom.ID, Name: twoRoom.Name, Count: 12, Amount: panelDec("2976000"), VAT: true},
			{Post: 4, Source: costing.SourceUnit, Ref: twoRoom.ID, Name: twoRoom.Name, Count: 12, Amount: panelDec("1264800"), VAT: true},
			{Post: 5, Source: costing.SourceUnit, Ref: twoRoom.ID, Name: twoRoom.Name, Count: 12, Amount: panelDec("334800"), VAT: true},
			{Post: 6, Source: costing.SourceUnit, Ref: twoRoom.ID, Name: twoRoom.Name, Count: 12, Amount: panelDec("595200"), VAT: true},
			{Post: 7, Source: costing.SourceSiteItem, Ref: "vei", Name: concepts.Text{"nb": "Adkomstvei", "en": "Access road"}, Amount: panelDec("360000"), VAT: true},
			{Post: 7, Source: costing.SourceSiteItem, Ref: "va", Name: concepts.Text{"nb": "Vann og avløp", "en": "Water and sewage"}, Amount: panelDec("540000"), VAT: true},
			{Post: 8, Source: costing.SourceSiteItem, Ref: "gebyr", Name: concepts.Text{"nb": "Byggesaksgebyr", "en": "Building permit fee"}, Amount: panelDec("85000")},
			{Post: 9, Source: costing.SourceLand, Amount: panelDec("2500000")},
			{Post: 9, Source: costing.SourceSiteItem, Ref: "gol-vann", Name: concepts.Text{"nb": "Tilknytning vann, Gol", "en": "Water connection, Gol"}, Amount: panelDec("99216")},
		},
		GeneralCostsPercentPart: panelDec("3155698"),
	}
	posts := []string{"0", "2390680", "17836000", "2976000", "1264800", "334800", "595200", "900000", "3240698", "2599216", "7363295", "0", "0", "0"}
	for i, p := range posts {
		e.Posts[i] = panelDec(p)
	}
	e.Totals = costing.Totals{
		Huskostnad:                      panelDec("25397480"),
		Entreprisekostnad:               panelDec("26297480"),
		Byggekostnad:                    panelDec("29538178"),
		Basiskostnad:                    panelDec("39500689"),
		Prosjektkostnad:                 panelDec("39500689"),
		Kostnadsramme:                   panelDec("39500689"),
		KostnadsrammeInklPrisregulering: panelDec("39500689"),
	}
	if !simulated {
		return e
	}
	// A right-skewed made-up distribution around the base cost.
	d := &costing.Distribution{Iterations: 400, Seed: 1}
	for i := range 400 {
		u := float64(i) / 399
		d.Sorted = append(d.Sorted, 38_000_000+4_000_000*u+3_500_000*u*u*u)
	}
	p50 := decimal.NewFromFloat(d.Percentile(0.50)).Round(0)
	p85 := decimal.NewFromFloat(d.Percentile(0.85)).Round(0)
	e.P50, e.P85, e.Distribution = &p50, &p85, d
	e.Posts[11] = p50.Sub(e.Totals.Basiskostnad)
	e.Posts[12] = p85.Sub(p50)
	e.Posts[13] = panelDec("0")
	e.Totals.Prosjektkostnad = p50
	e.Totals.Kostnadsramme = p85
	e.Totals.KostnadsrammeInklPrisregulering = p85
	return e
}
