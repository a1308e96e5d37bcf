package costing

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

func TestPlaceRect(t *testing.T) {
	// 12 × 8 m at (60, 30) turned 30°: cos 30° = √3/2, sin 30° = ½
	// (the same rectangle as Hus 3 of app/testdata/independent/layout.yaml).
	q := PlaceRect(60, 30, 12, 8, 30)
	r3 := math.Sqrt(3) / 2
	want := Quad{{60, 30}, {60 + 12*r3, 36}, {60 + 12*r3 - 4, 36 + 8*r3}, {56, 30 + 8*r3}}
	for i := range want {
		if !near(q[i].X, want[i].X) || !near(q[i].Y, want[i].Y) {
			t.Errorf("corner %d = %v, want %v", i, q[i], want[i])
		}
	}
	// A quarter turn is exact: (x, y) + w along y, d along −x.
	if got := PlaceRect(10, 5, 4, 2, 90); got != (Quad{{10, 5}, {10, 9}, {8, 9}, {8, 5}}) {
		t.Errorf("90° = %v", got)
	}
	if a := q.Area(); !near(a, 96) {
		t.Errorf("area %v, want 96", a)
	}
}

func TestSegmentDistance(t *testing.T) {
	type testCase struct {
		name       string
		a, b, c, d XY
		want       float64
	}
	for _, tt := range []testCase{
		{"parallel 3 apart", XY{0, 0}, XY{10, 0}, XY{2, 3}, XY{8, 3}, 3},
		{"crossing", XY{0, 0}, XY{10, 10}, XY{0, 10}, XY{10, 0}, 0},
		{"touching at an end", XY{0, 0}, XY{5, 0}, XY{5, 0}, XY{5, 7}, 0},
		{"end to end, 3-4-5", XY{0, 0}, XY{1, 0}, XY{4, 4}, XY{9, 4}, 5},
		{"collinear gap", XY{0, 0}, XY{2, 0}, XY{5, 0}, XY{9, 0}, 3},
	} {
		if got, _, _ := SegmentDistance(tt.a, tt.b, tt.c, tt.d); !near(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestInside(t *testing.T) {
	square := []XY{{0, 0}, {20, 0}, {20, 20}, {0, 20}}
	type testCase struct {
		name   string
		r      Quad
		inside bool
		dist   float64
	}
	for _, tt := range []testCase{
		{"well inside", PlaceRect(5, 5, 4, 4, 0), true, 5},
		{"touching the boundary", PlaceRect(0, 5, 4, 4, 0), false, 0},
		{"a hair inside", PlaceRect(1e-6, 5, 4, 4, 0), true, 1e-6},
		{"crossing it", PlaceRect(18, 5, 4, 4, 0), false, 0},
		{"outside", PlaceRect(30, 5, 4, 4, 0), false, 10},
		{"turned 45° inside", PlaceRect(10, 2, 4, 4, 45), true, 2},
		{"holding the plot", PlaceRect(-5, -5, 30, 30, 0), false, 5},
	} {
		in, g := Inside(tt.r, square)
		if in != tt.inside || !near(g.Dist, tt.dist) {
			t.Errorf("%s: inside %v at %v, want %v at %v", tt.name, in, g.Dist, tt.inside, tt.dist)
		}
	}
	// A notch: the rectangle's corners are inside, its middle is not.
	u := []XY{{0, 0}, {30, 0}, {30, 20}, {20, 20}, {20, 5}, {10, 5}, {10, 20}, {0, 20}}
	if in, _ := Inside(PlaceRect(2, 8, 26, 4, 0), u); in {
		t.Error("a rectangle across the notch counts as inside")
	}
	if a := PolygonArea(u); !near(a, 30*20-10*15) {
		t.Errorf("area of the U %v, want 450", a)
	}
}

func TestRectDistance(t *testing.T) {
	a := PlaceRect(0, 0, 10, 10, 0)
	type testCase struct {
		name string
		b    Quad
		want float64
	}
	for _, tt := range []testCase{
		{"8 m east", PlaceRect(18, 0, 5, 5, 0), 8},
		{"diagonal 6-8-10", PlaceRect(16, 18, 5, 5, 0), 10},
		{"overlapping", PlaceRect(5, 5, 10, 10, 0), 0},
		{"inside the other", PlaceRect(2, 2, 2, 2, 0), 0},
		// A square turned 45° with its lowest corner 3 m above the top edge.
		{"corner first", PlaceRect(5, 13, 4, 4, 45), 3},
	} {
		if g := RectDistance(a, tt.b); !near(g.Dist, tt.want) || !near(g.A.dist(g.B), tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, g, tt.want)
		}
	}
}

// randomPlan returns a boundary and a layout: a plot of 100 × 80 m with a
// cut corner and buildings at random places, sizes and rotations.
func randomPlan(rng *rand.Rand) ([]concepts.Point, []concepts.LayoutEntry) {
	d := func(f float64) decimal.Decimal { return decimal.NewFromFloat(f).Round(2) }
	b := []concepts.Point{{d(0), d(0)}, {d(100), d(0)}, {d(100), d(60)}, {d(80), d(80)}, {d(0), d(80)}}
	var l []concepts.LayoutEntry
	for i := range 12 {
		w, dp := d(4+rng.Float64()*16), d(4+rng.Float64()*10)
		l = append(l, concepts.LayoutEntry{Label: "B" + string(rune('a'+i)), X: d(rng.Float64() * 100), Y: d(rng.Float64() * 80),
			Width: &w, Depth: &dp, Rotation: d(rng.Float64() * 360), Units: map[string]int{"x": 1}})
	}
	return b, l
}

// planOutcome is what the checks see of a site plan: each rectangle's
// inside and breach flags and the breaches with their shown distances.
func planOutcome(sp *SitePlan) []string {
	var out []string
	for _, r := range sp.Rects {
		out = append(out, r.Label, boolString(r.Inside), boolString(r.Breach))
	}
	for _, b := range sp.Breaches {
		out = append(out, b.Check, sp.Rects[b.A].Label, decimal.Decimal(b.Dist).String())
	}
	return out
}

func boolString(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// TestSitePlan_Translation: moving the plot and every building by the same
// amount changes no check (distances shown to 0.1 m alike).
func TestSitePlan_Translation(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		b, l := randomPlan(rng)
		before := planOutcome(buildSitePlan(b, l, nil))
		dx, dy := decimal.NewFromInt(int64(rng.IntN(20000)-10000)), decimal.NewFromFloat(rng.Float64()*1000).Round(2)
		for i := range b {
			b[i] = concepts.Point{b[i][0].Add(dx), b[i][1].Add(dy)}
		}
		for i := range l {
			l[i].X, l[i].Y = l[i].X.Add(dx), l[i].Y.Add(dy)
		}
		after := buildSitePlan(b, l, nil)
		if got := planOutcome(after); !slices.Equal(got, before) {
			t.Fatalf("translated by (%s, %s):\n%v\n%v", dx, dy, before, got)
		}
	}
}

// TestPlaceRect_FullTurn: a rectangle turned by 360° (or −360°, 720°) is
// the rectangle unturned.
func TestPlaceRect_FullTurn(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		x, y, w, d := rng.Float64()*200-100, rng.Float64()*200-100, 1+rng.Float64()*30, 1+rng.Float64()*30
		deg := rng.Float64() * 360
		q := PlaceRect(x, y, w, d, deg)
		for _, turns := range []float64{360, -360, 720} {
			p := PlaceRect(x, y, w, d, deg+turns)
			for i := range q {
				if math.Abs(p[i].X-q[i].X) > 1e-9 || math.Abs(p[i].Y-q[i].Y) > 1e-9 {
					t.Fatalf("%v° and %v° differ at corner %d: %v, %v", deg, deg+turns, i, q[i], p[i])
				}
			}
		}
	}
}
