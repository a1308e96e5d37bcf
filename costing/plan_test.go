package costing_test

import (
	"math"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

func planUnit(form concepts.Form, storeys int, brai, brae, brab, tba, bta float64) *concepts.UnitType {
	d := decimal.NewFromFloat
	return &concepts.UnitType{
		ID: "u", Form: form, Storeys: storeys,
		Area: concepts.Areas{BRAi: d(brai), BRAe: d(brae), BRAb: d(brab), TBA: d(tba), BTA: d(bta)},
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestPlanOf(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		ut                   *concepts.UnitType
		floors               int
		width, depth, scale  string
		bands                []string
		balconyW, balconyH   float64
		innerArea, floorArea float64
	}{
		{
			name: "flat in a three-storey building keeps its BTA on one floor",
			ut:   planUnit(concepts.FormFlat, 3, 48, 5, 0, 8, 62), floors: 1,
			width: "10", depth: "6.2", scale: "2", bands: []string{"bra_i", "bra_e"},
			balconyW: 4, balconyH: 2, innerArea: 53, floorArea: 62,
		},
		{
			name: "two-storey house spreads its BTA over its storeys",
			ut:   planUnit(concepts.FormDetached, 2, 80, 4, 2, 12, 100), floors: 2,
			width: "8.9", depth: "5.6", scale: "2", bands: []string{"bra_i", "bra_e", "bra_b"},
			balconyW: 6, balconyH: 2, innerArea: 43, floorArea: 50,
		},
		{
			name: "a tiny shed is held at the minimum depth",
			ut:   planUnit(concepts.FormOther, 1, 6, 0, 0, 0, 8), floors: 1,
			width: "3.3", depth: "2.4", scale: "1", bands: []string{"bra_i"},
			innerArea: 6, floorArea: 8,
		},
		{
			name: "a large common house grows in width beyond the maximum depth",
			ut:   planUnit(concepts.FormOther, 1, 300, 0, 0, 40, 360), floors: 1,
			width: "30", depth: "12", scale: "10", bands: []string{"bra_i"},
			balconyW: 20, balconyH: 2, innerArea: 300, floorArea: 360,
		},
		{
			name: "a deep terrace is as wide as the floor",
			ut:   planUnit(concepts.FormMicro, 1, 25, 0, 0, 40, 30), floors: 1,
			width: "6.9", depth: "4.3", scale: "2", bands: []string{"bra_i"},
			balconyW: 30 / math.Sqrt(30/1.6), balconyH: 40 / (30 / math.Sqrt(30/1.6)), innerArea: 25, floorArea: 30,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := costing.PlanOf(tc.ut)
			if got, want := p.Floors, tc.floors; got != want {
				t.Errorf("Floors = %d, want %d", got, want)
			}
			if got, want := p.Width.String(), tc.width; got != want {
				t.Errorf("Width = %s, want %s", got, want)
			}
			if got, want := p.Depth.String(), tc.depth; got != want {
				t.Errorf("Depth = %s, want %s", got, want)
			}
			if got, want := p.ScaleBar.String(), tc.scale; got != want {
				t.Errorf("ScaleBar = %s, want %s", got, want)
			}
			if got, want := p.Floor.Area(), tc.floorArea; !near(got, want) {
				t.Errorf("floor area = %v, want %v", got, want)
			}
			if got, want := p.Inner.Area(), tc.innerArea; !near(got, want) {
				t.Errorf("inner area = %v, want %v", got, want)
			}
			if p.Inner.X < 0 || p.Inner.Y < 0 || p.Inner.X+p.Inner.W > p.Floor.W+1e-9 || p.Inner.Y+p.Inner.H > p.Floor.H+1e-9 {
				t.Errorf("inner %+v is not inside floor %+v", p.Inner, p.Floor)
			}
			if !near(p.Inner.X, p.Inner.Y) {
				t.Errorf("wall zone is uneven: %+v", p.Inner)
			}
			var keys []string
			var sum float64
			for _, b := range p.Bands {
				keys = append(keys, b.Key)
				sum += b.Rect.Area()
			}
			if len(keys) != len(tc.bands) {
				t.Fatalf("bands = %v, want %v", keys, tc.bands)
			}
			for i := range keys {
				if keys[i] != tc.bands[i] {
					t.Errorf("bands = %v, want %v", keys, tc.bands)
				}
			}
			if !near(sum, tc.innerArea) {
				t.Errorf("bands cover %v m², want %v", sum, tc.innerArea)
			}
			if got, want := p.Balcony.W, tc.balconyW; !near(got, want) {
				t.Errorf("balcony width = %v, want %v", got, want)
			}
			if got, want := p.Balcony.H, tc.balconyH; !near(got, want) {
				t.Errorf("balcony depth = %v, want %v", got, want)
			}
			if p.Balcony.H > 0 && !near(p.Balcony.Y, p.Floor.H) {
				t.Errorf("balcony starts at %v, want the front wall %v", p.Balcony.Y, p.Floor.H)
			}
		})
	}
}

func TestPlanOfBandsProportional(t *testing.T) {
	p := costing.PlanOf(planUnit(concepts.FormTerraced, 2, 60, 6, 4, 0, 90))
	if len(p.Bands) != 3 {
		t.Fatalf("got %d bands, want 3", len(p.Bands))
	}
	// Per floor: 30, 3 and 2 m² of usable area.
	for i, want := range []float64{30, 3, 2} {
		if got := p.Bands[i].Rect.Area(); !near(got, want) {
			t.Errorf("band %s covers %v m², want %v", p.Bands[i].Key, got, want)
		}
	}
	if got, want := p.Bands[2].Rect.X+p.Bands[2].Rect.W, p.Inner.X+p.Inner.W; !near(got, want) {
		t.Errorf("bands end at %v, want %v", got, want)
	}
}

func TestPlanOfNoBTA(t *testing.T) {
	p := costing.PlanOf(planUnit(concepts.FormOther, 1, 0, 0, 0, 0, 0))
	if p.Floors != 0 || len(p.Bands) != 0 || !p.Width.IsZero() {
		t.Errorf("got %+v, want a zero Plan", p)
	}
}
