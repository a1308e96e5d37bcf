package concepts_test

// Review tests: each derives its expectation from docs/FORMATS.md and docs/ESTIMATE.md, sections
// 3b and 4.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
)

func reviewRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func reviewEdit(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q not found", old)
	}
	return strings.Replace(s, old, new, 1)
}

// reviewLoad writes the test catalogue, price book and the given concept
// into a temporary folder and loads the project.
func reviewLoad(t *testing.T, concept, catalogue, pricebook string) (*concepts.Project, error) {
	t.Helper()
	dir := t.TempDir()
	for name, s := range map[string]string{"concept.yaml": concept, "catalogue.yaml": catalogue, "pricebook.yaml": pricebook} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return concepts.LoadProject(filepath.Join(dir, "concept.yaml"), concepts.LoadOptions{})
}

// TestReviewConceptOptionalParts: docs (section 4), "Optional: revision.note,
// paved_m2 and land_cost (0), zoning, uncertainty_factors, a variant's
// site_items and pricebook"; iterations 0 turns the simulation off; a factor
// may apply to site-item accounts "8" and "9" (docs/ESTIMATE.md: "A factor
// multiplies every rate ... whose code starts with one of its applies_to
// codes"; site items of accounts 8 and 9 have rates).
func TestReviewConceptOptionalParts(t *testing.T) {
	con := reviewRead(t, "concept.yaml")
	con = reviewEdit(t, con, "  paved_m2: 800.50 # roads and hard surfaces\n  land_cost: 2500000\n", "")
	con = reviewEdit(t, con, "  zoning:\n    max_bya_percent: 35\n    max_bra_percent: 90\n    min_mua_per_dwelling: 30\n    max_storeys: 3\n    min_dwellings_per_daa: 2\n    parking_per_dwelling: 1.0\n", "")
	con = reviewEdit(t, con, "{iterations: 20000, seed: 1}", "{iterations: 0, seed: 1}")
	con = reviewEdit(t, con, `applies_to: ["2", "3", "4", "5", "6", "7"]`, `applies_to: ["8", "9", "27"]`)
	p, err := reviewLoad(t, con, reviewRead(t, "catalogue.yaml"), reviewRead(t, "pricebook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := p.Concept.Site
	if !s.PavedM2.IsZero() || !s.LandCost.IsZero() || s.Zoning != nil {
		t.Errorf("optional site parts: %+v", s)
	}
}

// TestReviewFactorCodes: applies_to codes are NS 3451 codes of one or two
// digits that can reach a rate: "1" (post 1 is a percentage, no rate) and
// "0" match nothing and are refused.
func TestReviewFactorCodes(t *testing.T) {
	for _, code := range []string{"1", "0", "x"} {
		con := reviewEdit(t, reviewRead(t, "concept.yaml"), `applies_to: ["2", "3",`, `applies_to: ["`+code+`", "3",`)
		if _, err := concepts.DecodeConcept("concept.yaml", []byte(con)); err == nil {
			t.Errorf("applies_to %q accepted", code)
		}
	}
}

// TestReviewMunicipalItemNeedsDerivedUnit: docs (section 5), "A municipality's
// items are added to every variant with derived quantities (so they must
// use a derived unit)".
func TestReviewMunicipalItemNeedsDerivedUnit(t *testing.T) {
	cat := reviewEdit(t, reviewRead(t, "catalogue.yaml"), "items: [gol-va]", "items: [gol-va, vei]")
	_, err := concepts.DecodeCatalogue("catalogue.yaml", []byte(cat))
	if err == nil || !strings.Contains(err.Error(), "vei") {
		t.Errorf("municipal item in m accepted: %v", err)
	}
}

// TestReviewPriceBookOverlay: docs (section 3), "An entry replaces the
// catalogue's [low, likely, high] for that unit type and code (or that site
// item); everything it does not name keeps the catalogue's value. Naming a
// unit type, code or site item the catalogue lacks is an error."
//
//	solenga-2r "2" → [18000, 18500, 20000], "27" fixed → [70000, 72000, 80000],
//	vei → [2800, 2900, 3300]; "31", "36" and va keep [2600, 3000, 3800],
//	[900, 1000, 1300] and [40000, 50000, 70000]; the catalogue itself keeps 19000.
func TestReviewPriceBookOverlay(t *testing.T) {
	cat, err := concepts.DecodeCatalogue("catalogue.yaml", []byte(reviewRead(t, "catalogue.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	pb, err := concepts.DecodePriceBook("pricebook.yaml", []byte(reviewRead(t, "pricebook.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	out, err := cat.WithPriceBook(pb)
	if err != nil {
		t.Fatal(err)
	}
	ut := out.UnitType("solenga-2r")
	for _, c := range []struct {
		what string
		got  concepts.Range
		want [3]int64
	}{
		{"rate 2", ut.Rates["2"], [3]int64{18000, 18500, 20000}},
		{"rate 31", ut.Rates["31"], [3]int64{2600, 3000, 3800}},
		{"rate 36", ut.Rates["36"], [3]int64{900, 1000, 1300}},
		{"fixed 27", ut.Fixed["27"], [3]int64{70000, 72000, 80000}},
		{"vei", out.SiteItem("vei").Rate, [3]int64{2800, 2900, 3300}},
		{"va", out.SiteItem("va").Rate, [3]int64{40000, 50000, 70000}},
		{"catalogue rate 2", cat.UnitType("solenga-2r").Rates["2"], [3]int64{17000, 19000, 23000}},
		{"catalogue fixed 27", cat.UnitType("solenga-2r").Fixed["27"], [3]int64{60000, 75000, 110000}},
		{"catalogue vei", cat.SiteItem("vei").Rate, [3]int64{2500, 3000, 4000}},
	} {
		want := concepts.NewRange(c.want[0], c.want[1], c.want[2])
		if !c.got.Low.Equal(want.Low) || !c.got.Likely.Equal(want.Likely) || !c.got.High.Equal(want.High) {
			t.Errorf("%s = %v, want %v", c.what, c.got, want)
		}
	}
	// A code the unit type lacks (it has "2", "31", "36" and fixed "27").
	for _, bad := range []*concepts.PriceBook{
		{Name: "x", PriceLevel: "2026-11", UnitTypes: map[string]concepts.PriceBookUnitType{"solenga-2r": {Rates: map[string]concepts.Range{"4": concepts.NewRange(1, 2, 3)}}}},
		{Name: "x", PriceLevel: "2026-11", UnitTypes: map[string]concepts.PriceBookUnitType{"solenga-2r": {Fixed: map[string]concepts.Range{"2": concepts.NewRange(1, 2, 3)}}}},
		{Name: "x", PriceLevel: "2026-11", UnitTypes: map[string]concepts.PriceBookUnitType{"nope": {}}},
		{Name: "x", PriceLevel: "2026-11", SiteItems: map[string]concepts.PriceBookSiteItem{"nope": {Rate: concepts.NewRange(1, 2, 3)}}},
	} {
		if _, err := cat.WithPriceBook(bad); err == nil {
			t.Errorf("price book %+v accepted", bad)
		}
	}
}
