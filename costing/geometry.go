package costing

import "math"

// The site plan's geometry, in metres and float64: plain Euclidean
// geometry on the plot's local coordinates (docs/ESTIMATE.md, "Site
// plan"). Every comparison allows GeomTolerance.

// GeomTolerance is the tolerance of every distance comparison, in metres.
const GeomTolerance = 1e-9

// XY is a point on the plot, metres.
type XY struct{ X, Y float64 }

func (a XY) sub(b XY) XY             { return XY{a.X - b.X, a.Y - b.Y} }
func (a XY) add(b XY) XY             { return XY{a.X + b.X, a.Y + b.Y} }
func (a XY) scale(f float64) XY      { return XY{a.X * f, a.Y * f} }
func (a XY) dot(b XY) float64        { return a.X*b.X + a.Y*b.Y }
func (a XY) cross(b XY) float64      { return a.X*b.Y - a.Y*b.X }
func (a XY) dist(b XY) float64       { return math.Hypot(a.X-b.X, a.Y-b.Y) }
func (a XY) lerp(b XY, t float64) XY { return a.add(b.sub(a).scale(t)) }

// Quad is a rectangle placed and rotated on the plot: its corners
// counter-clockwise from the placing corner (the lower-left before
// rotation).
type Quad [4]XY

// PlaceRect returns the corners of a rectangle w × d metres whose
// lower-left corner before rotation is (x, y), rotated by deg degrees
// counter-clockwise about that corner. Multiples of 90° are exact.
func PlaceRect(x, y, w, d, deg float64) Quad {
	c, s := cosSin(deg)
	o := XY{x, y}
	along := XY{c * w, s * w}
	up := XY{-s * d, c * d}
	return Quad{o, o.add(along), o.add(along).add(up), o.add(up)}
}

// cosSin returns the cosine and sine of deg degrees, exact at multiples
// of 90°.
func cosSin(deg float64) (float64, float64) {
	r := math.Mod(deg, 360)
	if r < 0 {
		r += 360
	}
	switch r {
	case 0:
		return 1, 0
	case 90:
		return 0, 1
	case 180:
		return -1, 0
	case 270:
		return 0, -1
	}
	rad := r * math.Pi / 180
	return math.Cos(rad), math.Sin(rad)
}

// Area returns the rectangle's area in m².
func (q Quad) Area() float64 { return math.Abs(PolygonArea(q[:])) }

// Centre returns the middle of the rectangle.
func (q Quad) Centre() XY { return q[0].lerp(q[2], 0.5) }

// PolygonArea returns the signed area of the polygon (shoelace formula):
// positive when its points run counter-clockwise.
func PolygonArea(p []XY) float64 {
	var s float64
	for i := range p {
		j := (i + 1) % len(p)
		s += p[i].X*p[j].Y - p[j].X*p[i].Y
	}
	return s / 2
}

// PointInPolygon reports whether pt lies inside the polygon (even-odd
// rule). A point on an edge may go either way: callers that care ask
// for its distance to the edges too.
func PointInPolygon(pt XY, poly []XY) bool {
	in := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		a, b := poly[i], poly[j]
		if (a.Y > pt.Y) != (b.Y > pt.Y) && pt.X < (b.X-a.X)*(pt.Y-a.Y)/(b.Y-a.Y)+a.X {
			in = !in
		}
	}
	return in
}

// pointSegment returns the distance from p to segment ab and the nearest
// point of the segment.
func pointSegment(p, a, b XY) (float64, XY) {
	ab := b.sub(a)
	l2 := ab.dot(ab)
	if l2 == 0 {
		return p.dist(a), a
	}
	t := min(1, max(0, p.sub(a).dot(ab)/l2))
	q := a.add(ab.scale(t))
	return p.dist(q), q
}

// segmentsCross reports whether segments ab and cd share a point.
func segmentsCross(a, b, c, d XY) bool {
	d1 := b.sub(a).cross(c.sub(a))
	d2 := b.sub(a).cross(d.sub(a))
	d3 := d.sub(c).cross(a.sub(c))
	d4 := d.sub(c).cross(b.sub(c))
	if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
		return true
	}
	on := func(p, q, r XY) bool {
		return min(p.X, q.X) <= r.X && r.X <= max(p.X, q.X) && min(p.Y, q.Y) <= r.Y && r.Y <= max(p.Y, q.Y)
	}
	return (d1 == 0 && on(a, b, c)) || (d2 == 0 && on(a, b, d)) || (d3 == 0 && on(c, d, a)) || (d4 == 0 && on(c, d, b))
}

// SegmentDistance returns the shortest distance between segments ab and
// cd with the two nearest points, one on each (0 when they cross).
func SegmentDistance(a, b, c, d XY) (dist float64, p, q XY) {
	if segmentsCross(a, b, c, d) {
		// The crossing point, for drawing: where ab meets cd.
		r, s := b.sub(a), d.sub(c)
		if den := r.cross(s); den != 0 {
			x := a.add(r.scale(c.sub(a).cross(s) / den))
			return 0, x, x
		}
		return 0, c, c
	}
	dist = math.Inf(1)
	try := func(dd float64, pp, qq XY) {
		if dd < dist {
			dist, p, q = dd, pp, qq
		}
	}
	dd, n := pointSegment(a, c, d)
	try(dd, a, n)
	dd, n = pointSegment(b, c, d)
	try(dd, b, n)
	dd, n = pointSegment(c, a, b)
	try(dd, n, c)
	dd, n = pointSegment(d, a, b)
	try(dd, n, d)
	return dist, p, q
}

// Span is a shortest distance with its two nearest points, one on each
// shape: the line a plan draws for it.
type Span struct {
	Dist float64
	A, B XY
}

// RectDistance returns the shortest distance between the edges of two
// rectangles, 0 when they overlap or one holds the other.
func RectDistance(a, b Quad) Span {
	if PointInPolygon(a[0], b[:]) {
		return Span{0, a[0], a[0]}
	}
	if PointInPolygon(b[0], a[:]) {
		return Span{0, b[0], b[0]}
	}
	g := Span{Dist: math.Inf(1)}
	for i := range 4 {
		for j := range 4 {
			d, p, q := SegmentDistance(a[i], a[(i+1)%4], b[j], b[(j+1)%4])
			if d < g.Dist {
				g = Span{d, p, q}
			}
		}
	}
	return g
}

// BoundaryDistance returns the shortest distance between the rectangle's
// edges and the polygon's, with the nearest points (A on the rectangle).
func BoundaryDistance(r Quad, poly []XY) Span {
	g := Span{Dist: math.Inf(1)}
	for i := range 4 {
		for j := range poly {
			d, p, q := SegmentDistance(r[i], r[(i+1)%4], poly[j], poly[(j+1)%len(poly)])
			if d < g.Dist {
				g = Span{d, p, q}
			}
		}
	}
	return g
}

// Inside reports whether the rectangle lies inside the polygon, not
// touching its boundary: a corner inside and no edge within GeomTolerance
// of the boundary. gap is the rectangle's distance to the boundary.
func Inside(r Quad, poly []XY) (inside bool, gap Span) {
	if len(poly) < 3 {
		return false, Span{}
	}
	gap = BoundaryDistance(r, poly)
	return gap.Dist > GeomTolerance && PointInPolygon(r[0], poly), gap
}

// bounds returns the smallest and largest x and y of the points.
func bounds(pts []XY) (lo, hi XY) {
	lo, hi = XY{math.Inf(1), math.Inf(1)}, XY{math.Inf(-1), math.Inf(-1)}
	for _, p := range pts {
		lo = XY{min(lo.X, p.X), min(lo.Y, p.Y)}
		hi = XY{max(hi.X, p.X), max(hi.Y, p.Y)}
	}
	return lo, hi
}
