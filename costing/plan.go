package costing

import (
	"math"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// PlanAspect is the assumed ratio of width to depth of a unit's floor
// (assumption: a compact, slightly elongated timber body, 1.6 : 1).
const PlanAspect = 1.6

// PlanMinDepth and PlanMaxDepth bound a floor's depth in metres (assumption:
// below 2.4 m a room cannot be furnished; beyond 12 m a dwelling gets no
// daylight in its middle, so large floors grow in width instead).
const (
	PlanMinDepth = 2.4
	PlanMaxDepth = 12.0
)

// PlanBalconyDepth is the assumed depth in metres of the open balcony or
// terrace (TBA) strip along the front; a small TBA gets a shorter strip, a
// large one a deeper strip as wide as the floor.
const PlanBalconyDepth = 2.0

// Rect is an axis-aligned rectangle in metres; X runs along the width, Y
// along the depth from the back wall (Y = 0) towards the front.
type Rect struct {
	X, Y, W, H float64
}

// Area returns the rectangle's area in m².
func (r Rect) Area() float64 { return r.W * r.H }

// PlanBand is one band of a floor's usable area: BRA-i, BRA-e or BRA-b.
type PlanBand struct {
	// Key names the area: "bra_i", "bra_e" or "bra_b" (the catalogue's field names).
	Key  string
	Rect Rect
}

// Plan is a schematic, to-scale floor sketch of one unit type, derived from
// its areas only. It is not a floor plan: it shows how big the unit is and
// how its area divides, for a catalogue card or a tender document.
//
// The geometry follows from these assumptions:
//
//   - The sketch shows one floor. A flat lies on one floor of its building, so
//     its floor area is its BTA; any other form spreads its BTA evenly over
//     its storeys.
//   - The floor is a rectangle of width/depth = PlanAspect, so depth =
//     sqrt(floor / PlanAspect), clamped to [PlanMinDepth, PlanMaxDepth];
//     width = floor / depth.
//   - The usable area of the floor (BRA / floors) is a rectangle inset by an
//     even wall zone, so the difference BTA − BRA shows as wall thickness.
//     The inner rectangle is split across the width into bands proportional
//     to BRA-i, BRA-e and BRA-b (empty bands are left out).
//   - The TBA is a strip in front of the floor, centred, PlanBalconyDepth
//     deep (shorter when it would be wider than the floor, deeper when the
//     TBA does not fit in that depth).
type Plan struct {
	// Floors is the number of floors the BTA is spread over (1 for flats).
	Floors int
	// Floor is the outline of one floor (BTA / Floors) at the origin.
	Floor Rect
	// Inner is the usable area of one floor (BRA / Floors), inside Floor;
	// zero when the unit has no BRA.
	Inner Rect
	// Bands divide Inner in the order BRA-i, BRA-e, BRA-b.
	Bands []PlanBand
	// Balcony is the TBA strip below Floor; zero when TBA is 0.
	Balcony Rect
	// Width and Depth are the floor's outer dimensions in metres, rounded
	// to 0.1 m: the numbers a sketch labels.
	Width, Depth decimal.Decimal
	// FloorBTA is the BTA of one floor in m² (BTA / Floors), exact.
	FloorBTA decimal.Decimal
	// ScaleBar is a round length in metres (1, 2 or 5 times a power of
	// ten) of about a third of the width, for a scale bar.
	ScaleBar decimal.Decimal
}

// PlanOf returns the schematic floor sketch of ut. A unit type without BTA
// gets a zero Plan.
func PlanOf(ut *concepts.UnitType) Plan {
	bta, _ := ut.Area.BTA.Float64()
	if bta <= 0 {
		return Plan{}
	}
	floors := 1
	if ut.Form != concepts.FormFlat && ut.Storeys > 1 {
		floors = ut.Storeys
	}
	area := bta / float64(floors)
	depth := math.Sqrt(area / PlanAspect)
	depth = math.Max(PlanMinDepth, math.Min(PlanMaxDepth, depth))
	width := area / depth
	p := Plan{
		Floors:   floors,
		Floor:    Rect{W: width, H: depth},
		Width:    decimal.NewFromFloat(width).Round(1),
		Depth:    decimal.NewFromFloat(depth).Round(1),
		FloorBTA: ut.Area.BTA.Div(decimal.NewFromInt(int64(floors))),
		ScaleBar: decimal.NewFromFloat(niceLength(width / 3)),
	}

	bra, _ := ut.Area.BRA().Float64()
	inner := math.Min(bra/float64(floors), area)
	if inner > 0 {
		// Solve (W − 2t)(D − 2t) = inner for the wall zone t.
		s := width + depth
		t := (s - math.Sqrt(s*s-4*(width*depth-inner))) / 4
		p.Inner = Rect{X: t, Y: t, W: width - 2*t, H: depth - 2*t}
		x := p.Inner.X
		for _, b := range []struct {
			key string
			d   decimal.Decimal
		}{{"bra_i", ut.Area.BRAi}, {"bra_e", ut.Area.BRAe}, {"bra_b", ut.Area.BRAb}} {
			v, _ := b.d.Float64()
			if v <= 0 {
				continue
			}
			w := p.Inner.W * v / bra
			p.Bands = append(p.Bands, PlanBand{Key: b.key, Rect: Rect{X: x, Y: p.Inner.Y, W: w, H: p.Inner.H}})
			x += w
		}
	}

	if tba, _ := ut.Area.TBA.Float64(); tba > 0 {
		w, h := tba/PlanBalconyDepth, PlanBalconyDepth
		if w > width {
			w, h = width, tba/width
		}
		p.Balcony = Rect{X: (width - w) / 2, Y: depth, W: w, H: h}
	}
	return p
}

// Extent returns the width and depth in metres the whole sketch covers:
// the floor with its balcony strip.
func (p Plan) Extent() (w, h float64) {
	return p.Floor.W, p.Floor.H + p.Balcony.H
}

// niceLength returns the largest of 1, 2 or 5 times a power of ten that is
// at most x (at least 1 m).
func niceLength(x float64) float64 {
	if x <= 1 {
		return 1
	}
	pow := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{5, 2, 1} {
		if m*pow <= x {
			return m * pow
		}
	}
	return pow
}
