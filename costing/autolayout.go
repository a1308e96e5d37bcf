package costing

import (
	"math"
	"strconv"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// autoSlack is what automatic placement keeps beyond each rule's distance,
// in metres, so that rounding the positions to centimetres and the
// rotation to hundredths of a degree never brings a building below it.
const autoSlack = 0.1

// autoTolerance is how much less than its margin or spacing automatic
// placement lets a distance be, in metres: the float error of adding up
// positions, far below autoSlack.
const autoTolerance = 1e-6

// autoStep is the step in metres of automatic placement's search.
const autoStep = 0.5

// autoBuilding is one building automatic placement puts on the plot.
type autoBuilding struct {
	label string
	w, d  float64
	// size is set when the building has no footprint to take its size from.
	size  bool
	units map[string]int
	first string
	// yard is true for outbuildings and shared buildings, which the yard
	// cluster puts first (the barn at the head of the yard).
	yard bool
	// flat is true for a block of flats: a variant with one is set in rows.
	flat bool
}

// autoRect is a placed building in the plan's frame: the rectangle
// [x, x+w] × [y, y+d], axis-aligned.
type autoRect struct {
	b          *autoBuilding
	x, y, w, d float64
	// turned is true when the building's width runs along y.
	turned bool
}

func (r autoRect) quad() Quad { return PlaceRect(r.x, r.y, r.w, r.d, 0) }

// AutoLayout places every unit of the variant's unit mix on the plot
// (docs/ESTIMATE.md, "Site plan"): flats grouped into buildings of their
// footprint, set in rows; other units one building each, around a central
// yard (the småbrukstun), the barn and other shared buildings at its head.
// Everything is placed at least 4 m from the boundary and 8 m apart where
// the plot allows; what does not fit is placed closer, and what finds no
// room inside the plot is set beside it, so that the checks show it. The
// rows follow the boundary's longest edge. Without a boundary the plot is
// taken as SquareBoundary(area_m2). The result is the same for the same
// input. It returns nil for a variant index out of range.
func AutoLayout(p *concepts.Project, variant int) []concepts.LayoutEntry {
	if p == nil || p.Concept == nil || variant < 0 || variant >= len(p.Concept.Variants) {
		return nil
	}
	c := p.Concept
	boundary := c.Site.Boundary
	if len(boundary) < 3 {
		boundary = SquareBoundary(c.Site.AreaM2)
	}
	poly := make([]XY, len(boundary))
	for i, pt := range boundary {
		poly[i] = XY{pt[0].InexactFloat64(), pt[1].InexactFloat64()}
	}
	buildings := autoBuildings(&c.Variants[variant], p.Catalogue)

	// Work in a frame turned so that the longest edge runs along x.
	theta := alignAngle(poly)
	local := make([]XY, len(poly))
	for i, pt := range poly {
		local[i] = rotate(pt, -theta)
	}
	var placed []autoRect
	var flats, others []*autoBuilding
	for i := range buildings {
		if buildings[i].flat {
			flats = append(flats, &buildings[i])
		} else {
			others = append(others, &buildings[i])
		}
	}
	var rest []*autoBuilding
	if len(flats) > 0 {
		placed, rest = packRows(local, append(flats, others...), nil, boundaryDistance+autoSlack, buildingSpacing+autoSlack)
	} else {
		var ok bool
		if placed, ok = yardCluster(local, others); !ok {
			placed, rest = packRows(local, others, nil, boundaryDistance+autoSlack, buildingSpacing+autoSlack)
		}
	}
	// What does not fit: closer to the boundary, then closer together,
	// then beside the plot.
	if len(rest) > 0 {
		placed, rest = packRows(local, rest, placed, autoSlack, buildingSpacing+autoSlack)
	}
	if len(rest) > 0 {
		placed, rest = packRows(local, rest, placed, autoSlack, autoSlack)
	}
	if len(rest) > 0 {
		placed = append(placed, besidePlot(local, rest)...)
	}

	out := make([]concepts.LayoutEntry, 0, len(placed))
	order := make(map[*autoBuilding]int, len(buildings))
	for i := range buildings {
		order[&buildings[i]] = i
	}
	byBuilding := make([]*autoRect, len(buildings))
	for i := range placed {
		byBuilding[order[placed[i].b]] = &placed[i]
	}
	for _, r := range byBuilding {
		if r == nil {
			continue
		}
		out = append(out, r.entry(theta))
	}
	return out
}

// entry returns the layout entry of r in the plot's frame (turned back by
// theta radians), positions rounded to centimetres and the rotation to
// hundredths of a degree.
func (r autoRect) entry(theta float64) concepts.LayoutEntry {
	// The placing corner: the lower-left of an unturned rectangle, the
	// lower-right of a turned one (width along y after a 90° turn).
	corner, rot := XY{r.x, r.y}, 0.0
	if r.turned {
		corner, rot = XY{r.x + r.w, r.y}, 90
	}
	world := rotate(corner, theta)
	deg := math.Mod(rot+theta*180/math.Pi+360, 360)
	e := concepts.LayoutEntry{
		Label:    r.b.label,
		X:        decimal.NewFromFloat(world.X).Round(2),
		Y:        decimal.NewFromFloat(world.Y).Round(2),
		Rotation: decimal.NewFromFloat(deg).Round(2),
		Units:    r.b.units,
		First:    r.b.first,
	}
	if e.Rotation.Equal(decimal.NewFromInt(360)) {
		e.Rotation = decimal.Zero
	}
	if r.b.size {
		w, d := decimal.NewFromFloat(r.b.w).Round(2), decimal.NewFromFloat(r.b.d).Round(2)
		e.Width, e.Depth = &w, &d
	}
	return e
}

// SquareBoundary returns a square plot of the given area with its corner
// at the origin, its side rounded to centimetres: the plot automatic
// placement assumes for a concept without a boundary.
func SquareBoundary(area decimal.Decimal) []concepts.Point {
	side := decimal.NewFromFloat(math.Sqrt(math.Max(area.InexactFloat64(), 0))).Round(2)
	z := decimal.Zero
	return []concepts.Point{{z, z}, {side, z}, {side, side}, {z, side}}
}

// rotate turns p by a radians counter-clockwise about the origin.
func rotate(p XY, a float64) XY {
	if a == 0 {
		return p
	}
	c, s := math.Cos(a), math.Sin(a)
	return XY{c*p.X - s*p.Y, s*p.X + c*p.Y}
}

// alignAngle returns the angle in radians, within ±45°, of the polygon's
// longest edge modulo 90°: the direction the rows follow. Angles within
// 0.01° of a right angle count as 0.
func alignAngle(poly []XY) float64 {
	best, angle := -1.0, 0.0
	for i := range poly {
		a, b := poly[i], poly[(i+1)%len(poly)]
		if l := a.dist(b); l > best+GeomTolerance {
			best, angle = l, math.Atan2(b.Y-a.Y, b.X-a.X)
		}
	}
	q := math.Pi / 2
	angle = math.Mod(angle, q)
	if angle > q/2 {
		angle -= q
	} else if angle < -q/2 {
		angle += q
	}
	if math.Abs(angle) < 0.01*math.Pi/180 {
		return 0
	}
	return angle
}

// autoBuildings groups the variant's units into buildings, in unit-line
// order. Units of the forms that share a building (flat, terraced,
// semi_detached and other dwellings) fill buildings of their footprint as
// far as its floor area (footprint × storeys) holds their BTA, types of
// the same footprint and storeys together, spread evenly over as few
// buildings as hold them; every other unit is a building of its own.
func autoBuildings(v *concepts.Variant, cat *concepts.Catalogue) []autoBuilding {
	type class struct {
		w, d    float64
		storeys int
		size    bool
		flat    bool
		name    string
		bta     []float64 // one per unit, in order
		ids     []string
	}
	var classes []*class
	classOf := map[string]*class{}
	var out []autoBuilding
	letter := 0
	for _, u := range v.Units {
		ut := cat.UnitType(u.Type)
		if ut == nil || u.Count <= 0 {
			continue
		}
		w, d, size := footprintOf(ut)
		shared := ut.Kind == concepts.KindDwelling && (ut.Form == concepts.FormFlat || ut.Form == concepts.FormTerraced ||
			ut.Form == concepts.FormSemiDetached || ut.Form == concepts.FormOther)
		if !shared {
			name := ut.Name.In("nb")
			for i := range u.Count {
				label := name
				if u.Count > 1 {
					label += " " + strconv.Itoa(i+1)
				}
				out = append(out, autoBuilding{label: label, w: w, d: d, size: size, units: map[string]int{ut.ID: 1},
					first: "", yard: ut.Kind != concepts.KindDwelling})
			}
			continue
		}
		key := strconv.FormatFloat(w, 'f', 3, 64) + "x" + strconv.FormatFloat(d, 'f', 3, 64) + "/" + strconv.Itoa(ut.Storeys) + "/" + string(ut.Form)
		cl := classOf[key]
		if cl == nil {
			cl = &class{w: w, d: d, storeys: ut.Storeys, size: size, flat: ut.Form == concepts.FormFlat, name: ut.Name.In("nb")}
			classOf[key] = cl
			classes = append(classes, cl)
		}
		bta := ut.Area.BTA.InexactFloat64()
		for range u.Count {
			cl.bta = append(cl.bta, bta)
			cl.ids = append(cl.ids, ut.ID)
		}
	}
	for _, cl := range classes {
		capacity := cl.w * cl.d * float64(max(cl.storeys, 1))
		total := 0.0
		for _, b := range cl.bta {
			total += b
		}
		n := max(1, int(math.Ceil(total/capacity-1e-9)))
		used := make([]float64, n)
		units := make([]map[string]int, n)
		firsts := make([]string, n)
		for i, b := range cl.bta {
			// The least filled building with room, else a new one.
			best := -1
			for j := range used {
				if (used[j] == 0 || used[j]+b <= capacity+1e-9) && (best < 0 || used[j] < used[best]) {
					best = j
				}
			}
			if best < 0 {
				used, units, firsts = append(used, 0), append(units, nil), append(firsts, "")
				best = len(used) - 1
			}
			used[best] += b
			if units[best] == nil {
				units[best] = map[string]int{}
				firsts[best] = cl.ids[i]
			}
			units[best][cl.ids[i]]++
		}
		for j := range units {
			if units[j] == nil {
				continue
			}
			first := firsts[j]
			if len(units[j]) < 2 || first == sortedIDs(units[j])[0] {
				first = ""
			}
			label := "Hus " + letters(letter)
			if !cl.flat {
				label = cl.name + " " + letters(letter)
			}
			out = append(out, autoBuilding{label: label, w: cl.w, d: cl.d, size: cl.size,
				units: units[j], first: first, flat: cl.flat})
			letter++
		}
	}
	return out
}

// letters names building i: A … Z, AA, AB, ….
func letters(i int) string {
	s := ""
	for i >= 0 {
		s = string(rune('A'+i%26)) + s
		i = i/26 - 1
	}
	return s
}

// footprintOf returns a unit type's footprint in metres, or, without one,
// a square of its BYA (at least its BTA per storey); size is true then.
func footprintOf(ut *concepts.UnitType) (w, d float64, size bool) {
	if f := ut.Footprint; f != nil {
		return f.Width.InexactFloat64(), f.Depth.InexactFloat64(), false
	}
	a := math.Max(ut.Area.BYA.InexactFloat64(), ut.Area.BTA.InexactFloat64()/float64(max(ut.Storeys, 1)))
	side := math.Max(math.Round(math.Sqrt(math.Max(a, 1))*10)/10, 1)
	return side, side, true
}
