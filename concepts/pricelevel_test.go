package concepts

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestCostIndexFactor(t *testing.T) {
	type testCase struct {
		name     string
		values   map[string]string
		from, to string
		want     string // "" when the factor is missing
	}
	tests := []testCase{
		// 104.1 / 100 = 1.041 exactly.
		{"up", map[string]string{"2025-06": "100.0", "2026-11": "104.1"}, "2025-06", "2026-11", "1.041"},
		// 100 / 104.1 = 0.96061479… → 0.960615.
		{"down", map[string]string{"2025-06": "100.0", "2026-11": "104.1"}, "2026-11", "2025-06", "0.960615"},
		// 2 / 3 = 0.6666666… → 0.666667.
		{"repeating", map[string]string{"a": "3", "b": "2"}, "a", "b", "0.666667"},
		// 0.1 / 200000 = 0.0000005 exactly: half away from zero → 0.000001.
		{"half away from zero", map[string]string{"a": "200000", "b": "0.1"}, "a", "b", "0.000001"},
		{"same month", map[string]string{"a": "117.3"}, "a", "a", "1"},
		{"missing month", map[string]string{"a": "100"}, "a", "b", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ci := &CostIndex{Source: "test", Values: map[string]decimal.Decimal{}}
			for k, v := range tt.values {
				ci.Values[k] = decimal.RequireFromString(v)
			}
			f, ok := ci.Factor(tt.from, tt.to)
			if tt.want == "" {
				if ok {
					t.Fatalf("Factor = %s, want missing", f)
				}
				return
			}
			if !ok || !f.Equal(decimal.RequireFromString(tt.want)) {
				t.Errorf("Factor = %s, %v; want %s", f, ok, tt.want)
			}
		})
	}
}

func TestProjectPriceLevel(t *testing.T) {
	path := writeProject(t, edit(t, MustRead(t, "concept.yaml"), "  simulation: {", "  price_level: 2025-06\n  simulation: {"))
	p, err := LoadProject(path, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Variant 1 is at the catalogue's own level: rates unchanged.
	cat, pb, err := p.VariantCatalogue(0)
	if err != nil {
		t.Fatal(err)
	}
	if pb != nil || cat != p.Catalogue {
		t.Errorf("variant 1 at the catalogue's level should use the catalogue as it is")
	}
	// Variant 2's price book is at 2026-11: f = 100 / 104.1 → 0.960615, so
	// its "2" rate [18000, 18500, 20000] becomes [17291.07, 17771.3775,
	// 19212.3] while the codes it does not name keep the catalogue's.
	cat, pb, err = p.VariantCatalogue(1)
	if err != nil {
		t.Fatal(err)
	}
	got := cat.UnitType("solenga-2r").Rates["2"]
	want := Range{decimal.RequireFromString("17291.07"), decimal.RequireFromString("17771.3775"), decimal.RequireFromString("19212.3")}
	if !got.Low.Equal(want.Low) || !got.Likely.Equal(want.Likely) || !got.High.Equal(want.High) {
		t.Errorf("indexed price-book rate = %v, want %v", got, want)
	}
	if r := cat.UnitType("solenga-2r").Rates["31"]; !r.Likely.Equal(decimal.NewFromInt(3000)) {
		t.Errorf("catalogue rate 31 = %v, want unchanged 3000", r)
	}
	if r := pb.UnitTypes["solenga-2r"].Rates["2"]; !r.Likely.Equal(want.Likely) {
		t.Errorf("returned price book holds %v, want the indexed %v", r, want.Likely)
	}
	if p.PriceBooks["pricebook.yaml"].UnitTypes["solenga-2r"].Rates["2"].Likely.IntPart() != 18500 {
		t.Errorf("indexing changed the loaded price book")
	}

	// At 2026-11 the catalogue's rates rise by 1.041: 19000 → 19779, and a
	// site item's 3000 → 3123; the price book at its own level is unchanged.
	p.Concept.Assumptions.PriceLevel = "2026-11"
	cat, _, err = p.VariantCatalogue(0)
	if err != nil {
		t.Fatal(err)
	}
	if got := cat.UnitType("solenga-2r").Rates["2"].Likely; !got.Equal(decimal.NewFromInt(19779)) {
		t.Errorf("indexed rate = %s, want 19779", got)
	}
	if got := cat.SiteItem("vei").Rate.High; !got.Equal(decimal.NewFromInt(4164)) {
		t.Errorf("indexed site item high = %s, want 4164", got)
	}
	if cat.PriceLevel != "2026-11" || p.Catalogue.PriceLevel != "2025-06" {
		t.Errorf("price levels %s / %s, want 2026-11 for the indexed copy and 2025-06 for the original", cat.PriceLevel, p.Catalogue.PriceLevel)
	}
	cat, _, err = p.VariantCatalogue(1)
	if err != nil {
		t.Fatal(err)
	}
	if got := cat.UnitType("solenga-2r").Rates["2"].Likely; !got.Equal(decimal.NewFromInt(18500)) {
		t.Errorf("price book at the concept's level = %s, want 18500", got)
	}

	// A month the index lacks is an error naming it.
	p.Concept.Assumptions.PriceLevel = "2031-01"
	if _, _, err := p.VariantCatalogue(0); err == nil || !strings.Contains(err.Error(), `"2031-01"`) {
		t.Errorf("want an error naming 2031-01, got %v", err)
	}
}

// AtPriceLevel shares the copy it made last: asked again for the same
// catalogue and level it returns the same catalogue, and another level or
// another catalogue gets its own, with its own rates.
func TestAtPriceLevelShared(t *testing.T) {
	p, err := LoadProject(writeProject(t, MustRead(t, "concept.yaml")), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cat := p.Catalogue // at 2025-06; the index has 2026-11 at 104.1 (factor 1.041)
	up, err := cat.AtPriceLevel("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	again, err := cat.AtPriceLevel("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	if again != up {
		t.Errorf("the same catalogue and level gave a second copy")
	}
	// Another catalogue at the same level is not the first one's copy: a
	// clone with the same rates, whose own copy is equal but not the same.
	other := cat.Clone()
	otherUp, err := other.AtPriceLevel("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	if otherUp == up {
		t.Errorf("another catalogue got the first catalogue's copy")
	}
	// 19000 × 1.041 = 19779 in both.
	for _, c := range []*Catalogue{up, otherUp} {
		if got := c.UnitType("solenga-2r").Rates["2"].Likely; !got.Equal(decimal.NewFromInt(19779)) {
			t.Errorf("indexed rate = %s, want 19779", got)
		}
	}
	// Back at its own level the catalogue is itself; a level the index
	// lacks is still an error, after a shared copy was made.
	if same, err := cat.AtPriceLevel("2025-06"); err != nil || same != cat {
		t.Errorf("AtPriceLevel(own level) = %p, %v; want the catalogue itself", same, err)
	}
	if _, err := cat.AtPriceLevel("2031-01"); err == nil {
		t.Errorf("a month the index lacks gave no error")
	}
	if again, _ := cat.AtPriceLevel("2026-11"); again.UnitType("solenga-2r").Rates["2"].Likely.IntPart() != 19779 {
		t.Errorf("after another catalogue's copy, the first one's rate is %s", again.UnitType("solenga-2r").Rates["2"].Likely)
	}
}
