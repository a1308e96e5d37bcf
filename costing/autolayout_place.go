package costing

import "math"

// fits reports whether r lies inside the plot at least margin from its
// boundary and at least spacing from every rectangle placed.
func fits(r autoRect, poly []XY, placed []autoRect, margin, spacing float64) bool {
	q := r.quad()
	in, gap := Inside(q, poly)
	if !in || gap.Dist < margin-autoTolerance {
		return false
	}
	for _, o := range placed {
		if o.x-(r.x+r.w) >= spacing || r.x-(o.x+o.w) >= spacing || o.y-(r.y+r.d) >= spacing || r.y-(o.y+o.d) >= spacing {
			continue
		}
		if RectDistance(q, o.quad()).Dist < spacing-autoTolerance {
			return false
		}
	}
	return true
}

// packRows places the buildings in rows from the plot's lower edge up,
// each row left to right, keeping margin from the boundary and spacing
// between buildings (and from those already placed). A building that does
// not fit its own way is tried turned. It returns everything placed and
// the buildings it found no room for.
func packRows(poly []XY, buildings []*autoBuilding, placed []autoRect, margin, spacing float64) ([]autoRect, []*autoBuilding) {
	lo, hi := bounds(poly)
	var rest []*autoBuilding
	y, x := lo.Y+margin, lo.X+margin
	rowDepth := 0.0
	for _, b := range buildings {
		r, ok := scanFrom(poly, placed, b, &x, &y, &rowDepth, lo, hi, margin, spacing)
		if !ok {
			rest = append(rest, b)
			continue
		}
		placed = append(placed, r)
	}
	return placed, rest
}

// scanFrom searches for a place for b from the row cursor (x, y) on, row by
// row, and moves the cursor past the place found. A building is tried as
// it is and turned at each position.
func scanFrom(poly []XY, placed []autoRect, b *autoBuilding, x, y, rowDepth *float64, lo, hi XY, margin, spacing float64) (autoRect, bool) {
	cx, cy, depth := *x, *y, *rowDepth
	for cy+math.Min(b.w, b.d) <= hi.Y-margin+GeomTolerance {
		for ; cx+math.Min(b.w, b.d) <= hi.X-margin+GeomTolerance; cx += autoStep {
			for _, turned := range []bool{false, true} {
				w, d := b.w, b.d
				if turned {
					w, d = d, w
				}
				r := autoRect{b: b, x: cx, y: cy, w: w, d: d, turned: turned}
				if fits(r, poly, placed, margin, spacing) {
					*x, *y, *rowDepth = cx+w+spacing, cy, math.Max(depth, d)
					return r, true
				}
			}
		}
		// Next row: above the deepest building of this one.
		cy += math.Max(depth, autoStep) + spacing
		if depth == 0 {
			cy -= spacing
		}
		cx, depth = lo.X+margin, 0
	}
	return autoRect{}, false
}

// yardCluster places the buildings around a square yard in the middle of
// the plot, the yard's buildings (barn, greenhouse, common house) first
// at its head (north in the plan's frame), the houses along the other
// sides facing it; the yard grows until everything fits. ok is false when
// no yard makes everything fit.
func yardCluster(poly []XY, buildings []*autoBuilding) ([]autoRect, bool) {
	if len(buildings) == 0 {
		return nil, true
	}
	lo, hi := bounds(poly)
	centre := polygonCentroid(poly)
	margin, spacing := boundaryDistance+autoSlack, buildingSpacing+autoSlack
	ordered := make([]*autoBuilding, 0, len(buildings))
	for _, b := range buildings {
		if b.yard {
			ordered = append(ordered, b)
		}
	}
	for _, b := range buildings {
		if !b.yard {
			ordered = append(ordered, b)
		}
	}
	maxW := 0.0
	for _, b := range ordered {
		maxW = math.Max(maxW, math.Max(b.w, b.d))
	}
	limit := math.Max(hi.X-lo.X, hi.Y-lo.Y)
	for a := math.Max(maxW, 12); a <= limit; a += 2 {
		placed, ok := aroundYard(ordered, centre, a, spacing)
		if !ok {
			continue
		}
		good := true
		for i, r := range placed {
			if !fits(r, poly, placed[:i], margin, spacing) {
				good = false
				break
			}
		}
		if good {
			return placed, true
		}
	}
	return nil, false
}

// aroundYard sets the buildings along the sides of a yard of side a
// centred on c: the head (top) and the foot (bottom) across its whole
// width, the two flanks between them, each side's row centred. ok is
// false when they do not all find a side.
func aroundYard(buildings []*autoBuilding, c XY, a, spacing float64) ([]autoRect, bool) {
	xl, xr, yb, yt := c.X-a/2, c.X+a/2, c.Y-a/2, c.Y+a/2
	type side struct {
		length float64
		items  []*autoBuilding
		used   float64
	}
	// Head and foot run along x; the flanks along y, kept spacing clear of
	// the head's and foot's rows.
	sides := []*side{{length: a}, {length: a - 2*spacing}, {length: a}, {length: a - 2*spacing}}
	s := 0
	for _, b := range buildings {
		for s < 4 {
			long := math.Max(b.w, b.d)
			need := long
			if len(sides[s].items) > 0 {
				need += spacing
			}
			if sides[s].used+need <= sides[s].length+GeomTolerance {
				sides[s].items = append(sides[s].items, b)
				sides[s].used += need
				break
			}
			s++
		}
		if s == 4 {
			return nil, false
		}
	}
	var out []autoRect
	for i, sd := range sides {
		pos := (sd.length - sd.used) / 2
		for _, b := range sd.items {
			long, short := math.Max(b.w, b.d), math.Min(b.w, b.d)
			turnedLong := b.d > b.w // the building's long side is its depth
			var r autoRect
			switch i {
			case 0: // head: above the yard, long side along x
				r = autoRect{b: b, x: xl + pos, y: yt, w: long, d: short, turned: turnedLong}
			case 2: // foot: below the yard
				r = autoRect{b: b, x: xl + pos, y: yb - short, w: long, d: short, turned: turnedLong}
			case 1: // east flank: long side along y
				r = autoRect{b: b, x: xr, y: yt - spacing - pos - long, w: short, d: long, turned: !turnedLong}
			case 3: // west flank
				r = autoRect{b: b, x: xl - short, y: yb + spacing + pos, w: short, d: long, turned: !turnedLong}
			}
			out = append(out, r)
			pos += long + spacing
		}
	}
	return out, true
}

// polygonCentroid returns the centroid of the polygon's area (its first
// point for a polygon without area).
func polygonCentroid(p []XY) XY {
	a := PolygonArea(p)
	if math.Abs(a) < GeomTolerance {
		return p[0]
	}
	var cx, cy float64
	for i := range p {
		j := (i + 1) % len(p)
		f := p[i].X*p[j].Y - p[j].X*p[i].Y
		cx += (p[i].X + p[j].X) * f
		cy += (p[i].Y + p[j].Y) * f
	}
	return XY{cx / (6 * a), cy / (6 * a)}
}

// besidePlot sets the buildings in a row to the right of the plot, where
// the checks report them as outside.
func besidePlot(poly []XY, buildings []*autoBuilding) []autoRect {
	lo, hi := bounds(poly)
	x, y := hi.X+buildingSpacing+autoSlack, lo.Y
	var out []autoRect
	for _, b := range buildings {
		out = append(out, autoRect{b: b, x: x, y: y, w: b.w, d: b.d})
		y += b.d + buildingSpacing + autoSlack
	}
	return out
}
