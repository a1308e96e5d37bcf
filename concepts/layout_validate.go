package concepts

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// The limits of the site plan's numbers (docs/FORMATS.md, "Limits").
var (
	// LimitCoordinate is a boundary point's or a layout entry's x and y, m:
	// local coordinates within 100 km of the origin.
	LimitCoordinate = closed(-100_000, 100_000)
	// LimitLength is a footprint's or a layout entry's width and depth, m.
	LimitLength = open(0, 10_000)
	// LimitRotation is a layout entry's rotation, degrees.
	LimitRotation = closed(-360, 360)
)

// Counts the site plan may hold at most.
const (
	// MaxBoundaryPoints is the most points of a site boundary.
	MaxBoundaryPoints = 10_000
	// MaxLayoutEntries is the most buildings and parking areas of one
	// variant's layout.
	MaxLayoutEntries = 5_000
)

// checkBoundary checks site.boundary: at least 3 points within the
// coordinate limit, forming a simple polygon (no edge crosses or touches
// another, except neighbours at their shared point).
func (c *Concept) checkBoundary(k *checker) {
	b := c.Site.Boundary
	if b == nil {
		return
	}
	p, sc := "site/boundary", at("site")
	if len(b) < 3 {
		k.at(p, sc, "concepts.boundary.too_few", len(b))
		return
	}
	k.count("site", sc, "boundary", len(b), MaxBoundaryPoints)
	if len(b) > MaxBoundaryPoints {
		return
	}
	ok := true
	for i, pt := range b {
		for j, v := range pt {
			if pr := LimitCoordinate.problem(v); pr != limitOK {
				k.at(join(p, i, j), sc.field("boundary"), "concepts.boundary.point_limit", i+1, num(v), num(LimitCoordinate.Min), num(LimitCoordinate.Max))
				ok = false
			}
		}
	}
	if !ok {
		return
	}
	if i, j, found := crossingEdges(b); found {
		k.at(join(p, j), sc.field("boundary"), "concepts.boundary.self_intersecting", i+1, (i+1)%len(b)+1, j+1, (j+1)%len(b)+1)
	}
}

// crossingEdges returns the first pair of edges i < j of the closed
// polygon b (edge i runs from point i to point i+1) that cross, touch or
// overlap, other than neighbours meeting at their shared point; found is
// false for a simple polygon. A point repeated (an edge of length 0) or a
// polygon without area counts as crossing. Exact arithmetic on the
// decimals decides, so a point on an edge is found however close.
func crossingEdges(b []Point) (i, j int, found bool) {
	n := len(b)
	pts := make([][2]*big.Rat, n)
	for k, p := range b {
		pts[k] = [2]*big.Rat{p[0].Rat(), p[1].Rat()}
	}
	for k := range n {
		if pts[k][0].Cmp(pts[(k+1)%n][0]) == 0 && pts[k][1].Cmp(pts[(k+1)%n][1]) == 0 {
			return k, (k + 1) % n, true
		}
	}
	if n > 300 {
		// A long boundary (a GeoJSON import) is checked with floats,
		// which is exact enough and keeps n² pairs fast.
		return crossingEdgesFloat(b)
	}
	for a := range n {
		for c := a + 1; c < n; c++ {
			if c == a+1 || (a == 0 && c == n-1) {
				// Neighbours: they cross only by folding back on each other.
				var shared, p, q [2]*big.Rat
				if c == a+1 {
					shared, p, q = pts[c], pts[a], pts[(c+1)%n]
				} else {
					shared, p, q = pts[0], pts[1], pts[n-1]
				}
				if orientRat(shared, p, q) == 0 && dotSign(shared, p, q) > 0 {
					return a, c, true
				}
				continue
			}
			if segmentsMeetRat(pts[a], pts[(a+1)%n], pts[c], pts[(c+1)%n]) {
				return a, c, true
			}
		}
	}
	if zeroArea(pts) {
		return 0, n - 1, true
	}
	return 0, 0, false
}

// orientRat is the sign of the cross product (b − a) × (c − a).
func orientRat(a, b, c [2]*big.Rat) int {
	x1 := new(big.Rat).Sub(b[0], a[0])
	y1 := new(big.Rat).Sub(b[1], a[1])
	x2 := new(big.Rat).Sub(c[0], a[0])
	y2 := new(big.Rat).Sub(c[1], a[1])
	return new(big.Rat).Sub(new(big.Rat).Mul(x1, y2), new(big.Rat).Mul(y1, x2)).Sign()
}

// dotSign is the sign of the dot product (b − a) · (c − a).
func dotSign(a, b, c [2]*big.Rat) int {
	x1 := new(big.Rat).Sub(b[0], a[0])
	y1 := new(big.Rat).Sub(b[1], a[1])
	x2 := new(big.Rat).Sub(c[0], a[0])
	y2 := new(big.Rat).Sub(c[1], a[1])
	return new(big.Rat).Add(new(big.Rat).Mul(x1, x2), new(big.Rat).Mul(y1, y2)).Sign()
}

// onSegmentRat reports whether c, collinear with a and b, lies between them.
func onSegmentRat(a, b, c [2]*big.Rat) bool {
	return minRat(a[0], b[0]).Cmp(c[0]) <= 0 && c[0].Cmp(maxRat(a[0], b[0])) <= 0 &&
		minRat(a[1], b[1]).Cmp(c[1]) <= 0 && c[1].Cmp(maxRat(a[1], b[1])) <= 0
}

func minRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) < 0 {
		return a
	}
	return b
}

func maxRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) > 0 {
		return a
	}
	return b
}

// segmentsMeetRat reports whether segments ab and cd share a point.
func segmentsMeetRat(a, b, c, d [2]*big.Rat) bool {
	o1, o2 := orientRat(a, b, c), orientRat(a, b, d)
	o3, o4 := orientRat(c, d, a), orientRat(c, d, b)
	if o1*o2 < 0 && o3*o4 < 0 {
		return true
	}
	return (o1 == 0 && onSegmentRat(a, b, c)) || (o2 == 0 && onSegmentRat(a, b, d)) ||
		(o3 == 0 && onSegmentRat(c, d, a)) || (o4 == 0 && onSegmentRat(c, d, b))
}

// zeroArea reports whether the polygon encloses no area (all points on
// one line).
func zeroArea(pts [][2]*big.Rat) bool {
	for k := 2; k < len(pts); k++ {
		if orientRat(pts[0], pts[1], pts[k]) != 0 {
			return false
		}
	}
	return true
}

// crossingEdgesFloat is crossingEdges in float64, for long boundaries.
func crossingEdgesFloat(b []Point) (int, int, bool) {
	n := len(b)
	f := make([][2]float64, n)
	for k, p := range b {
		f[k] = [2]float64{p[0].InexactFloat64(), p[1].InexactFloat64()}
	}
	orient := func(a, b, c [2]float64) float64 {
		return (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
	}
	sign := func(x float64) int {
		switch {
		case x > 0:
			return 1
		case x < 0:
			return -1
		}
		return 0
	}
	on := func(a, b, c [2]float64) bool {
		return min(a[0], b[0]) <= c[0] && c[0] <= max(a[0], b[0]) && min(a[1], b[1]) <= c[1] && c[1] <= max(a[1], b[1])
	}
	for a := range n {
		p, q := f[a], f[(a+1)%n]
		for c := a + 2; c < n; c++ {
			if a == 0 && c == n-1 {
				continue
			}
			r, s := f[c], f[(c+1)%n]
			if max(p[0], q[0]) < min(r[0], s[0]) || max(r[0], s[0]) < min(p[0], q[0]) ||
				max(p[1], q[1]) < min(r[1], s[1]) || max(r[1], s[1]) < min(p[1], q[1]) {
				continue
			}
			o1, o2 := sign(orient(p, q, r)), sign(orient(p, q, s))
			o3, o4 := sign(orient(r, s, p)), sign(orient(r, s, q))
			if (o1*o2 < 0 && o3*o4 < 0) || (o1 == 0 && on(p, q, r)) || (o2 == 0 && on(p, q, s)) ||
				(o3 == 0 && on(r, s, p)) || (o4 == 0 && on(r, s, q)) {
				return a, c, true
			}
		}
	}
	return 0, 0, false
}

// checkLayouts checks every variant's layout: labels, sizes, positions,
// kinds and units, and the unit types against cat when it is not nil.
func (c *Concept) checkLayouts(k *checker, cat *Catalogue) {
	for i := range c.Variants {
		v := &c.Variants[i]
		if v.Layout == nil {
			continue
		}
		p, vc := join("variants", i), where{itemLabel("variants", v.Name, i)}
		k.count(p, vc, "layout", len(v.Layout), MaxLayoutEntries)
		labels := map[string]bool{}
		for j := range v.Layout {
			checkLayoutEntry(k, join(p, "layout", j), vc, j, &v.Layout[j], labels, cat)
		}
	}
}

// checkLayoutEntry checks one layout entry.
func checkLayoutEntry(k *checker, p string, vc where, j int, e *LayoutEntry, labels map[string]bool, cat *Catalogue) {
	ec := vc.with(itemLabel("layout", e.Label, j))
	switch {
	case e.Label == "":
		k.at(join(p, "label"), ec, "concepts.layout.label_empty")
	case labels[e.Label]:
		k.at(join(p, "label"), ec, "concepts.layout.label_twice", quoted(e.Label))
	default:
		k.str(p, ec, "label", e.Label, MaxNameLength, false)
	}
	labels[e.Label] = true
	k.limit(p, ec, "x", e.X, LimitCoordinate)
	k.limit(p, ec, "y", e.Y, LimitCoordinate)
	k.limit(p, ec, "rotation", e.Rotation, LimitRotation)
	size := func(name string, d *decimal.Decimal) {
		switch {
		case d == nil:
		case !d.IsPositive():
			k.at(join(p, name), ec, "concepts.not_positive", name, num(*d))
		default:
			k.limit(p, ec, name, *d, LimitLength)
		}
	}
	size("width", e.Width)
	size("depth", e.Depth)
	switch e.Kind {
	case LayoutBuilding:
		if len(e.Units) == 0 {
			k.at(p, ec, "concepts.layout.no_units")
		}
	case LayoutParking:
		if len(e.Units) > 0 {
			k.at(join(p, "units"), ec, "concepts.layout.parking_units")
		}
		if e.Width == nil || e.Depth == nil {
			k.at(p, ec, "concepts.layout.parking_size")
		}
	default:
		k.at(join(p, "kind"), ec, "concepts.layout.kind", quoted(string(e.Kind)))
	}
	for _, id := range sortedKeys(e.Units) {
		up := join(p, "units", id)
		if n := e.Units[id]; n < 1 || n > MaxCount {
			k.at(up, ec.field("units"), "concepts.out_of_range", id, n, 1, MaxCount)
		}
		if cat != nil && cat.UnitType(id) == nil {
			k.atKey(up, ec.field("units"), "concepts.variant.type_unknown", quoted(id), quoted(cat.Name))
		}
	}
	if cat != nil && e.Kind == LayoutBuilding && len(e.Units) > 0 && (e.Width == nil || e.Depth == nil) {
		first := e.UnitOrder()[0]
		if ut := cat.UnitType(first); ut != nil && ut.Footprint == nil {
			k.at(p, ec, "concepts.layout.no_footprint", quoted(first))
		}
	}
}

// checkFootprint checks a unit type's footprint: width and depth above 0
// and within LimitLength.
func checkFootprint(k *checker, p string, uc where, f *Footprint) {
	if f == nil {
		return
	}
	fp, fc := join(p, "footprint"), uc.field("footprint")
	for _, x := range []struct {
		name string
		v    decimal.Decimal
	}{{"width", f.Width}, {"depth", f.Depth}} {
		if !x.v.IsPositive() {
			k.at(join(fp, x.name), fc, "concepts.not_positive", x.name, num(x.v))
		} else {
			k.limit(fp, fc, x.name, x.v, LimitLength)
		}
	}
}
