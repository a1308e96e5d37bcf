package costing

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// sampleProject loads a sample concept from assets/samples.
func sampleProject(tb testing.TB, name string) *concepts.Project {
	tb.Helper()
	p, err := concepts.LoadProject(filepath.Join("..", "assets", "samples", name), concepts.LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// placedChecks lays variant i out automatically, estimates it and returns
// its layout checks.
func placedChecks(tb testing.TB, p *concepts.Project, i int) map[string]Check {
	tb.Helper()
	p.Concept.Variants[i].Layout = AutoLayout(p, i)
	if err := p.Validate(); err != nil {
		tb.Fatalf("the automatic layout does not validate: %v", err)
	}
	m, err := Compile(p, i)
	if err != nil {
		tb.Fatal(err)
	}
	checks, _ := layoutChecks(m.Estimate())
	return checks
}

// TestAutoLayout_Samples: on both samples' plots, with their boundaries
// and without (a square of the site area), every variant's units are
// placed inside the plot, 4 m from the boundary and 8 m apart.
func TestAutoLayout_Samples(t *testing.T) {
	for _, name := range []string{"solenga-gol.yaml", "reveskogen-hemsedal.yaml"} {
		for _, square := range []bool{false, true} {
			p := sampleProject(t, name)
			if square {
				p.Concept.Site.Boundary = SquareBoundary(p.Concept.Site.AreaM2)
			}
			for i, v := range p.Concept.Variants {
				checks := placedChecks(t, p, i)
				for _, id := range []string{CheckLayoutInside, CheckLayoutBoundary, CheckLayoutSpacing, CheckLayoutUnits} {
					if c := checks[id]; c.Status != StatusPass {
						t.Errorf("%s, square %v, %s: %s is %s: %v", name, square, v.Name, id, c.Status, c.Args)
					}
				}
			}
		}
	}
}

// TestAutoLayout_Deterministic: the same input gives the same layout.
func TestAutoLayout_Deterministic(t *testing.T) {
	p := sampleProject(t, "reveskogen-hemsedal.yaml")
	a, b := AutoLayout(p, 1), AutoLayout(p, 1)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("two runs differ:\n%v\n%v", a, b)
	}
}

// TestAutoLayout_Groups: flats fill blocks of their footprint as far as
// the block's floors (26 × 14 m × 3 storeys = 1 092 m² BTA) hold them:
// Solenga A's 6 × 62 + 12 × 86 + 6 × 104 = 2 028 m² go in two blocks, B's
// 6 × 46 + 6 × 49 + 6 × 62 + 10 × 86 + 4 × 104 = 2 218 m² in three; the
// common house and the bicycle store stand on their own.
func TestAutoLayout_Groups(t *testing.T) {
	p := sampleProject(t, "solenga-gol.yaml")
	type testCase struct {
		variant int
		blocks  int
		others  int
	}
	for _, tt := range []testCase{{0, 2, 2}, {1, 3, 3}} {
		blocks, others, flats := 0, 0, 0
		for _, e := range AutoLayout(p, tt.variant) {
			ut := p.Catalogue.UnitType(e.UnitOrder()[0])
			if ut.Form == concepts.FormFlat {
				blocks++
				for _, n := range e.Units {
					flats += n
				}
			} else {
				others++
			}
		}
		want := 0
		for _, u := range p.Concept.Variants[tt.variant].Units {
			if p.Catalogue.UnitType(u.Type).Form == concepts.FormFlat {
				want += u.Count
			}
		}
		if blocks != tt.blocks || others != tt.others || flats != want {
			t.Errorf("variant %d: %d blocks with %d flats and %d other buildings; want %d, %d, %d", tt.variant, blocks, flats, others, tt.blocks, want, tt.others)
		}
	}
}

// TestAutoLayout_TooSmall: on a plot too small for the mix every unit is
// still placed (layout.units passes) and what does not fit is reported.
func TestAutoLayout_TooSmall(t *testing.T) {
	p := sampleProject(t, "reveskogen-hemsedal.yaml")
	p.Concept.Site.AreaM2 = decimal.NewFromInt(900)
	p.Concept.Site.PavedM2 = decimal.Zero
	p.Concept.Site.Boundary = SquareBoundary(p.Concept.Site.AreaM2)
	checks := placedChecks(t, p, 1)
	if checks[CheckLayoutUnits].Status != StatusPass {
		t.Errorf("layout.units: %v", checks[CheckLayoutUnits])
	}
	if checks[CheckLayoutInside].Status != StatusFail {
		t.Errorf("layout.inside on a 30 × 30 m plot: %v", checks[CheckLayoutInside])
	}
}

// manyHouses returns the Reveskogen sample with one variant of n small
// houses and no boundary (a square of 600 m² per house).
func manyHouses(tb testing.TB, n int) *concepts.Project {
	tb.Helper()
	p := sampleProject(tb, "reveskogen-hemsedal.yaml")
	c := p.Concept
	c.Variants = c.Variants[:1]
	c.Variants[0].Units = []concepts.UnitLine{{Type: "reveskogen-smahus", Count: n}}
	c.Site.AreaM2 = decimal.NewFromInt(int64(600 * n))
	c.Site.Boundary = SquareBoundary(c.Site.AreaM2)
	return p
}

// TestAutoLayout_Hundred: 100 houses on a plot with room for them all
// pass every distance.
func TestAutoLayout_Hundred(t *testing.T) {
	p := manyHouses(t, 100)
	checks := placedChecks(t, p, 0)
	for _, id := range []string{CheckLayoutInside, CheckLayoutBoundary, CheckLayoutSpacing, CheckLayoutUnits} {
		if c := checks[id]; c.Status != StatusPass {
			t.Errorf("%s is %s: %v", id, c.Status, fmt.Sprint(c.Args))
		}
	}
}
