package costing_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

func eq(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(d(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

func eqp(t *testing.T, what string, got *decimal.Decimal, want string) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %s", what, want)
		return
	}
	eq(t, what, *got, want)
}

// TestHandComputedVariant checks handProject's variant against this
// calculation by hand (docs/ESTIMATE.md), r = 1.1, VAT 25 %.
//
// Quantities (hus ×4, mini ×5, bu ×1; bu is an outbuilding):
//
//	N = 4 + 5 = 9; persons = 4×3 + 5×2 = 22; bedrooms = 4×2 + 5×1 = 13
//	BTA  = 4×75 + 5×50 + 18 = 568
//	BRA-i = 4×60 + 5×40 + 0 = 440; BRA-e = 4×5 + 5×2 = 30; BRA-b = 5×1 + 15 = 20
//	BRA = 490; TBA = 4×10 + 5×4 = 60
//	BYA_buildings = 4×80 + 5×30 + 25 = 495
//	P = ceil(9 × 1.5) = ceil(13.5) = 14; BYA = 495 + 18×14 = 747
//	%-BYA = 747/5000×100 = 14.94; %-BRA = (490 + 252)/5000×100 = 14.84
//	dwellings per daa = 9/5 = 1.8; MUA = (5000 − 747 − 400)/9 = 3853/9 = 428.111…
//
// Unit rows, count × r × (Σ rates × bta + Σ fixed):
//
//	post 2 hus:  4 × 1.1 × (20000×75 + 60000) = 4.4 × 1 560 000 = 6 864 000
//	post 2 mini: 5 × 1.1 × 21000×50 = 5 775 000
//	post 2 bu:   1 × 1.1 × 10001×18 = 198 019.8 → 198 020
//	post 3 hus:  4 × 1.1 × 3000×75 = 990 000
//	post 4 hus:  4 × 1.1 × 1600×75 = 528 000
//	post 5 mini: 5 × 1.1 × 512.3×50 = 140 882.5 → 140 883 (half away from zero)
//	post 2 = 6 864 000 + 5 775 000 + 198 020 = 12 837 020; post 6 = 0
//
// Site items:
//
//	vei (76, m):              120 × 1.1 × 3000 = 396 000
//	parkering (76, parking):  14 × 1.1 × 20000 = 308 000   → post 7 = 704 000
//	prosjektering (8, piece): 1 × 120000 = 120 000
//	gebyr (9, dwelling, VAT-free): 9 × 9000 = 81 000
//	va (9, bra_m2, VAT-free, municipal): 490 × 156.45 = 76 660.5 → 76 661
//
// Posts and subtotals:
//
//	posts 2-7 = 12 837 020 + 990 000 + 528 000 + 140 883 + 0 + 704 000 = 15 199 903
//	post 1 = round(10 % × 15 199 903 = 1 519 990.3) = 1 519 990
//	huskostnad = 1 519 990 + 14 495 903 = 16 015 893
//	entreprisekostnad = 16 015 893 + 704 000 = 16 719 893
//	post 8 % part = round(12 % × 16 719 893 = 2 006 387.16) = 2 006 387
//	post 8 = 2 006 387 + 120 000 = 2 126 387; byggekostnad = 18 846 280
//	post 9 = 1 500 000 + 81 000 + 76 661 = 1 657 661
//	VAT base = 14 495 903 (units) + 1 519 990 (post 1) + 2 006 387 (post 8 %)
//	         + 396 000 + 308 000 + 120 000 (VAT-liable items) = 18 846 280
//	post 10 = 25 % × 18 846 280 = 4 711 570
//	basiskostnad = 18 846 280 + 1 657 661 + 4 711 570 = 25 215 511
//	posts 11, 12 = 0 (not simulated) → prosjektkostnad = kostnadsramme = 25 215 511
//	post 13 = round(3 % × 25 215 511 = 756 465.33) = 756 465; inkl. = 25 971 976
//
// Key figures:
//
//	per dwelling = 25 215 511 / 9 = 2 801 723.44 → 2 801 723
//	per m² BRA = 25 215 511 / 490 = 51 460.23 → 51 460
//	BRA of dwellings = 4×65 + 5×43 = 475
//	price hus = 25 215 511 × 65/475 = 3 450 543.61 → 3 450 544 (above 3 000 000)
//	price mini = 25 215 511 × 43/475 = 2 282 667.31 → 2 282 667 (affordable: 5)
//	carbon = (300×200 + 250×150 + bu unknown)/490 = 97 500/490 = 198.979…
func TestHandComputedVariant(t *testing.T) {
	e := mustEstimate(t, handProject(), 0)

	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"dwellings", e.Dwellings, 9},
		{"persons", e.Persons, 22},
		{"bedrooms", e.Bedrooms, 13},
		{"parking", e.ParkingSpaces, 14},
		{"affordable", e.AffordableDwellings, 5},
		{"rows", len(e.Rows), 12},
		{"site items", len(e.SiteItems), 5},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.what, c.got, c.want)
		}
	}
	a := e.Area
	eq(t, "BTA", a.BTA, "568")
	eq(t, "BRA", a.BRA, "490")
	eq(t, "BRA-i", a.BRAi, "440")
	eq(t, "BRA-e", a.BRAe, "30")
	eq(t, "BRA-b", a.BRAb, "20")
	eq(t, "TBA", a.TBA, "60")
	eq(t, "BYA buildings", a.BYABuildings, "495")
	eq(t, "BYA", a.BYA, "747")
	eq(t, "%-BYA", e.Density.BYAPercent, "14.94")
	eq(t, "%-BRA", e.Density.BRAPercent, "14.84")
	eq(t, "per daa", e.Density.DwellingsPerDaa, "1.8")
	eqp(t, "MUA", e.Density.MUAPerDwelling, "428.111111111111")

	want := []string{"", "1519990", "12837020", "990000", "528000", "140883", "0", "704000",
		"2126387", "1657661", "4711570", "0", "0", "756465"}
	for k := 1; k <= 13; k++ {
		eq(t, fmt.Sprintf("post %d", k), e.Posts[k], want[k])
	}
	eq(t, "post 8 % part", e.GeneralCostsPercentPart, "2006387")
	eq(t, "VAT base", e.VATBase, "18846280")
	tt := e.Totals
	eq(t, "huskostnad", tt.Huskostnad, "16015893")
	eq(t, "entreprisekostnad", tt.Entreprisekostnad, "16719893")
	eq(t, "byggekostnad", tt.Byggekostnad, "18846280")
	eq(t, "basiskostnad", tt.Basiskostnad, "25215511")
	eq(t, "prosjektkostnad", tt.Prosjektkostnad, "25215511")
	eq(t, "kostnadsramme", tt.Kostnadsramme, "25215511")
	eq(t, "inkl. prisregulering", tt.KostnadsrammeInklPrisregulering, "25971976")
	if e.P50 != nil || e.P85 != nil {
		t.Errorf("P50, P85 = %v, %v, want nil", e.P50, e.P85)
	}
	eqp(t, "per dwelling kostnadsramme", e.PerDwelling.Kostnadsramme, "2801723")
	eqp(t, "per dwelling prosjektkostnad", e.PerDwelling.Prosjektkostnad, "2801723")
	eqp(t, "per m² BRA", e.PerM2BRAKostnadsramme, "51460")
	eqp(t, "carbon", e.CarbonKgPerM2BRA, "198.979591836735")

	if len(e.DwellingPrices) != 2 {
		t.Fatalf("dwelling prices = %d, want 2", len(e.DwellingPrices))
	}
	for i, w := range []struct {
		id         string
		count      int
		price      string
		affordable bool
	}{{"hus", 4, "3450544", false}, {"mini", 5, "2282667", true}} {
		p := e.DwellingPrices[i]
		if p.Type.ID != w.id || p.Count != w.count || !p.Price.Equal(d(w.price)) || p.Affordable != w.affordable {
			t.Errorf("price %d = {%s %d %s %v}, want %+v", i, p.Type.ID, p.Count, p.Price, p.Affordable, w)
		}
	}

	// Rows in post order with their amounts and code breakdowns.
	rows := []struct {
		post   int
		ref    string
		amount string
		vat    bool
	}{
		{2, "hus", "6864000", true}, {2, "mini", "5775000", true}, {2, "bu", "198020", true},
		{3, "hus", "990000", true}, {4, "hus", "528000", true}, {5, "mini", "140883", true},
		{7, "vei", "396000", true}, {7, "parkering", "308000", true}, {8, "prosjektering", "120000", true},
		{9, "gebyr", "81000", false}, {9, "va", "76661", false}, {9, "", "1500000", false},
	}
	for i, w := range rows {
		r := e.Rows[i]
		if r.Post != w.post || r.Ref != w.ref || !r.Amount.Equal(d(w.amount)) || r.VAT != w.vat {
			t.Errorf("row %d = {%d %q %s %v}, want %+v", i, r.Post, r.Ref, r.Amount, r.VAT, w)
		}
	}
	hus := e.Rows[0].Codes
	if len(hus) != 2 || hus[0].Code != "2" || hus[0].Fixed || !hus[0].Quantity.Equal(d("300")) || hus[0].Unit != concepts.UnitM2 ||
		!hus[0].UnitPrice.Equal(d("22000")) || !hus[0].Exact.Equal(d("6600000")) ||
		hus[1].Code != "27" || !hus[1].Fixed || !hus[1].Quantity.Equal(d("4")) || hus[1].Unit != concepts.UnitPiece ||
		!hus[1].UnitPrice.Equal(d("66000")) || !hus[1].Exact.Equal(d("264000")) {
		t.Errorf("hus post 2 codes = %+v", hus)
	}
	if c := e.Rows[5].Codes[0]; !c.UnitPrice.Equal(d("563.53")) || !c.Exact.Equal(d("140882.5")) {
		t.Errorf("mini post 5 code = %+v", c)
	}
	if c := e.Rows[10].Codes[0]; c.Code != "9" || !c.Quantity.Equal(d("490")) || c.Unit != concepts.UnitBRAM2 || !c.Exact.Equal(d("76660.5")) {
		t.Errorf("va code = %+v", c)
	}
	if r := e.Rows[11]; r.Source != costing.SourceLand || r.Name.In("nb") != "Tomtekostnad" {
		t.Errorf("land row = %+v", r)
	}
	// Site items: the variant's, then the municipality's.
	va := e.SiteItems[4]
	if va.Item.ID != "va" || !va.Municipal || !va.Derived || !va.Quantity.Equal(d("490")) || !va.Amount.Equal(d("76661")) {
		t.Errorf("municipal item = %+v", va)
	}
	if p := e.SiteItems[1]; !p.Derived || p.Municipal || !p.Quantity.Equal(d("14")) {
		t.Errorf("parking item = %+v", p)
	}
	if v := e.SiteItems[0]; v.Derived || !v.Quantity.Equal(d("120")) {
		t.Errorf("road item = %+v", v)
	}
	// Lines: totals per unit line.
	for i, w := range []string{"8382000", "5915883", "198020"} {
		eq(t, "line cost "+e.Lines[i].Type.ID, e.Lines[i].Cost, w)
	}
	eq(t, "line BRA mini", e.Lines[1].Area.BRA, "215")

	var ids []string
	for _, c := range e.Checks {
		ids = append(ids, c.ID+":"+string(c.Status))
	}
	if got, want := strings.Join(ids, " "), "zoning.bya:pass zoning.bra:fail zoning.mua:pass zoning.storeys:pass zoning.density:fail tek17.accessible:fail husbanken.area:pass affordability:info completeness:warn"; got != want {
		t.Errorf("checks = %s\nwant     %s", got, want)
	}
}

// TestReportJSON checks the machine-readable output of docs/FORMATS.md,
// keys in order, for the hand-computed variant.
func TestReportJSON(t *testing.T) {
	e := mustEstimate(t, handProject(), 0)
	b, err := json.MarshalIndent(costing.Report{Concept: "Håndregnet", Variants: []costing.VariantReport{e.Report(i18n.New("en"))}}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	want := `{
 "concept": "Håndregnet",
 "variants": [
  {
   "name": "A - 9 boliger",
   "pricebook": null,
   "dwellings": 9,
   "persons": 22,
   "bedrooms": 13,
   "parking_spaces": 14,
   "area": {
    "bta": 568,
    "bra": 490,
    "bra_i": 440,
    "bra_e": 30,
    "bra_b": 20,
    "tba": 60,
    "bya": 747
   },
   "density": {
    "bya_percent": 14.94,
    "bra_percent": 14.84,
    "dwellings_per_daa": 1.8,
    "mua_per_dwelling": 428.11
   },
   "posts": {
    "1": 1519990,
    "2": 12837020,
    "3": 990000,
    "4": 528000,
    "5": 140883,
    "6": 0,
    "7": 704000,
    "8": 2126387,
    "9": 1657661,
    "10": 4711570,
    "11": 0,
    "12": 0,
    "13": 756465
   },
   "totals": {
    "huskostnad": 16015893,
    "entreprisekostnad": 16719893,
    "byggekostnad": 18846280,
    "basiskostnad": 25215511,
    "prosjektkostnad": 25215511,
    "kostnadsramme": 25215511,
    "kostnadsramme_inkl_prisregulering": 25971976
   },
   "p50": null,
   "p85": null,
   "per_dwelling": {
    "kostnadsramme": 2801723,
    "prosjektkostnad": 2801723
   },
   "per_m2_bra": {
    "kostnadsramme": 51460
   },
   "affordable_dwellings": 5,
   "dwelling_prices": [
    {
     "type": "hus",
     "count": 4,
     "price": 3450544
    },
    {
     "type": "mini",
     "count": 5,
     "price": 2282667
    }
   ],
   "carbon_kg_per_m2_bra": 198.98,
   "checks": [
    {
     "id": "zoning.bya",
     "status": "pass",
     "message": "Built-up area is 14.9% of the site (747 m² including parking), within the zoning plan's limit of 35.0% BYA."
    },
    {
     "id": "zoning.bra",
     "status": "fail",
     "message": "Usable floor area is 14.8% of the site (742 m² including parking), above the zoning plan's limit of 14.0% BRA."
    },
    {
     "id": "zoning.mua",
     "status": "pass",
     "message": "There is 428.1 m² of outdoor living space per dwelling, at least the 30 m² the zoning plan requires."
    },
    {
     "id": "zoning.storeys",
     "status": "pass",
     "message": "No building is taller than the zoning plan allows: the tallest has 2 of the 2 storeys allowed."
    },
    {
     "id": "zoning.density",
     "status": "fail",
     "message": "Density is only 1.8 dwellings per decare, below the zoning plan's minimum of 2."
    },
    {
     "id": "tek17.accessible",
     "status": "fail",
     "message": "Must be accessible dwellings (TEK17 § 12-2: the dwelling stands in a building that needs a lift, or has all main functions on its entrance floor – every flat does): Mini flat (one storey, 43 m² BRA)."
    },
    {
     "id": "husbanken.area",
     "status": "pass",
     "message": "Every dwelling is within Husbanken's area caps for the housing-quality loan (flat 130 m², småhus – terraced and semi-detached – 150 m², detached 200 m² BRA)."
    },
    {
     "id": "affordability",
     "status": "info",
     "message": "Dwellings with a cost-based price within the first-time buyer limit of NOK 3,000,000: 5 of 9 (55.6%)."
    },
    {
     "id": "completeness",
     "status": "warn",
     "message": "The estimate lacks outdoor pipework (account 73: water and sewage). Add the site items, or note why they are not needed."
    }
   ],
   "economics": null
  }
 ]
}`
	// Numbers and units in messages are joined by no-break spaces.
	if got := strings.ReplaceAll(string(b), "\u00a0", " "); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
}
