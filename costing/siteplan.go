package costing

import (
	"math"
	"strconv"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// SitePlan is a variant's site plan worked out for drawing and checking:
// the plot, every layout entry as a placed rectangle, and the breaches of
// the layout checks with the lines to draw (docs/ESTIMATE.md, "Site
// plan"). The window and the documents draw it and compute nothing.
type SitePlan struct {
	// Boundary is the plot polygon in metres as given; nil without one.
	Boundary []XY
	// Edges are the boundary's edges with their lengths, for dimensions.
	Edges []PlanEdge
	// BoundaryArea is the area the boundary encloses, m², exact; nil
	// without a boundary.
	BoundaryArea *decimal.Decimal
	// Rects are the layout entries in layout order, buildings and parking
	// areas alike.
	Rects []PlacedRect
	// Breaches are the distances that break a rule, each with its line:
	// buildings too close to the boundary, then pairs too close together.
	Breaches []Breach
	// Lo and Hi bound the plot and every rectangle, for fitting a view.
	Lo, Hi XY
	// ScaleBar is a round length in metres (1, 2 or 5 times a power of
	// ten) of about a fifth of the plan's width.
	ScaleBar decimal.Decimal
	// BYABuildings and BYAParking are the summed areas of the placed
	// buildings and parking areas, m², exact.
	BYABuildings, BYAParking decimal.Decimal
}

// PlanEdge is one edge of the boundary, from point I to the next.
type PlanEdge struct {
	I      int
	A, B   XY
	Length Metres
}

// PlacedRect is one layout entry placed on the plot.
type PlacedRect struct {
	// Index is the entry's index in the variant's layout.
	Index int
	// Label is the entry's label (its number "#3" when it has none).
	Label   string
	Parking bool
	// Corners run counter-clockwise from the placing corner (X, Y).
	Corners Quad
	// Width and Depth are the size used: the entry's own or its first
	// unit type's footprint; Sized is false when neither gives one (the
	// rectangle is then a point).
	Width, Depth decimal.Decimal
	Sized        bool
	// Inside reports whether the rectangle lies inside the plot, not
	// touching its boundary.
	Inside bool
	// ToBoundary is the shortest distance to the boundary with its line;
	// Dist is +Inf without a boundary.
	ToBoundary Span
	// Breach is true when the rectangle breaks a layout check: outside
	// the plot, or (a building) too close to the boundary or to another
	// building. Draw its outline red.
	Breach bool
}

// Breach is a distance that breaks a layout check, with the line to draw.
type Breach struct {
	// Check is CheckLayoutBoundary or CheckLayoutSpacing.
	Check string
	// A and B index Rects; B is -1 for the boundary.
	A, B int
	// Line runs between the nearest points.
	Line Span
	// Dist is the distance shown (rounded down to 0.1 m), Min the rule's.
	Dist, Min Metres
}

// Metres is a length in metres, shown with one decimal: "2,0 m".
type Metres decimal.Decimal

// Format implements i18n.Formatter.
func (m Metres) Format(l *i18n.Locale) string {
	return l.Fixed(decimal.Decimal(m), 1) + "\u00a0m"
}

// String returns the length as "2.0 m".
func (m Metres) String() string { return decimal.Decimal(m).StringFixed(1) + " m" }

// metresDown returns d rounded down to 0.1 m (after GeomTolerance), so a
// breach never shows as the rule's own value.
func metresDown(d float64) Metres {
	if math.IsInf(d, 0) || math.IsNaN(d) {
		return Metres(decimal.Zero)
	}
	return Metres(decimal.NewFromFloat(math.Floor((d+GeomTolerance)*10) / 10).Round(1))
}

// SitePlanOf returns the site plan of the estimate's variant, or nil when
// the variant has no layout.
func SitePlanOf(e *Estimate) *SitePlan {
	if e == nil || e.model == nil || e.model.variant.Layout == nil {
		return nil
	}
	return buildSitePlan(e.model.concept.Site.Boundary, e.model.variant.Layout, e.model.cat)
}

// buildSitePlan places the layout on the boundary and finds the breaches.
func buildSitePlan(boundary []concepts.Point, layout []concepts.LayoutEntry, cat *concepts.Catalogue) *SitePlan {
	sp := &SitePlan{BYABuildings: decimal.Zero, BYAParking: decimal.Zero}
	if len(boundary) >= 3 {
		sp.Boundary = make([]XY, len(boundary))
		for i, p := range boundary {
			sp.Boundary[i] = XY{p[0].InexactFloat64(), p[1].InexactFloat64()}
		}
		a := exactArea(boundary)
		sp.BoundaryArea = &a
		for i := range sp.Boundary {
			p, q := sp.Boundary[i], sp.Boundary[(i+1)%len(sp.Boundary)]
			sp.Edges = append(sp.Edges, PlanEdge{I: i, A: p, B: q, Length: Metres(decimal.NewFromFloat(p.dist(q)).Round(1))})
		}
	}
	sp.Rects = make([]PlacedRect, len(layout))
	var pts []XY
	pts = append(pts, sp.Boundary...)
	for i := range layout {
		e := &layout[i]
		w, d, ok := e.Size(cat)
		r := PlacedRect{Index: i, Label: e.Label, Parking: e.Kind == concepts.LayoutParking, Width: w, Depth: d, Sized: ok}
		if r.Label == "" {
			r.Label = "#" + strconv.Itoa(i+1)
		}
		r.Corners = PlaceRect(e.X.InexactFloat64(), e.Y.InexactFloat64(), w.InexactFloat64(), d.InexactFloat64(), e.Rotation.InexactFloat64())
		r.ToBoundary = Span{Dist: math.Inf(1)}
		if sp.Boundary != nil {
			r.Inside, r.ToBoundary = Inside(r.Corners, sp.Boundary)
		}
		r.Breach = !r.Inside
		if r.Parking {
			sp.BYAParking = sp.BYAParking.Add(w.Mul(d))
		} else {
			sp.BYABuildings = sp.BYABuildings.Add(w.Mul(d))
		}
		pts = append(pts, r.Corners[:]...)
		sp.Rects[i] = r
	}
	if len(pts) > 0 {
		sp.Lo, sp.Hi = bounds(pts)
		sp.ScaleBar = decimal.NewFromFloat(niceLength((sp.Hi.X - sp.Lo.X) / 5))
	}
	// Buildings inside the plot closer to the boundary than the rule.
	for i := range sp.Rects {
		r := &sp.Rects[i]
		if r.Parking || !r.Inside || r.ToBoundary.Dist >= boundaryDistance-GeomTolerance {
			continue
		}
		r.Breach = true
		sp.Breaches = append(sp.Breaches, Breach{Check: CheckLayoutBoundary, A: i, B: -1, Line: r.ToBoundary,
			Dist: metresDown(r.ToBoundary.Dist), Min: Metres(decimal.NewFromFloat(boundaryDistance))})
	}
	// Pairs of buildings closer than the rule; a box test skips the far ones.
	type box struct{ lo, hi XY }
	boxes := make([]box, len(sp.Rects))
	for i := range sp.Rects {
		boxes[i].lo, boxes[i].hi = bounds(sp.Rects[i].Corners[:])
	}
	reach := buildingSpacing - GeomTolerance
	for i := range sp.Rects {
		a := &sp.Rects[i]
		if a.Parking {
			continue
		}
		for j := i + 1; j < len(sp.Rects); j++ {
			b := &sp.Rects[j]
			if b.Parking || boxes[j].lo.X-boxes[i].hi.X >= reach || boxes[i].lo.X-boxes[j].hi.X >= reach ||
				boxes[j].lo.Y-boxes[i].hi.Y >= reach || boxes[i].lo.Y-boxes[j].hi.Y >= reach {
				continue
			}
			g := RectDistance(a.Corners, b.Corners)
			if g.Dist >= reach {
				continue
			}
			a.Breach, b.Breach = true, true
			sp.Breaches = append(sp.Breaches, Breach{Check: CheckLayoutSpacing, A: i, B: j, Line: g,
				Dist: metresDown(g.Dist), Min: Metres(decimal.NewFromFloat(buildingSpacing))})
		}
	}
	return sp
}

// exactArea returns the area the polygon encloses, exactly (shoelace on
// the decimals).
func exactArea(p []concepts.Point) decimal.Decimal {
	s := decimal.Zero
	for i := range p {
		j := (i + 1) % len(p)
		s = s.Add(p[i][0].Mul(p[j][1])).Sub(p[j][0].Mul(p[i][1]))
	}
	return s.Abs().Div(decimal.NewFromInt(2))
}
