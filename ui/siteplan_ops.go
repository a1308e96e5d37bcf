package ui

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

// The editor's edits of the site plan: the selected variant's layout and
// the site's boundary (docs/FORMATS.md, "Layout"; docs/ESTIMATE.md, "Site
// plan"). Each is one undo step; a drag previews its positions as it goes
// and becomes one step when it ends.

// rotateStep is how far R and Shift+R (and the rotate buttons) turn a
// building, in degrees.
const rotateStep = 15

// preview shows fn's change to the concept at once: computed and
// announced as an edit is (changeEstimate), but no undo step and no
// unsaved change, so that a building being dragged moves the plan, the
// checks and the key figures as it goes. The edit that ends the preview
// calls commitLayout (or endPreview), so that its undo step starts from
// the state before the first preview. The simulation waits as it does
// while typing.
func (e *editor) preview(fn func(c *concepts.Concept)) {
	if e.previewBase == nil {
		s := e.current()
		e.previewBase = &s
	}
	next := e.project.Concept.Clone()
	fn(next)
	e.project.Concept = next
	e.typing = true
	e.recompute()
	e.typing = false
	e.notify(changeEstimate)
}

// endPreview puts back the concept from before the first preview and
// reports whether there was one. The estimates stay those of the preview
// until the next edit or recompute.
func (e *editor) endPreview() bool {
	if e.previewBase == nil {
		return false
	}
	e.project.Concept = e.previewBase.concept
	e.previewBase = nil
	return true
}

// editLayout changes the selected variant's layout as one undo step
// (merged with the previous one when key is the same non-empty key),
// ending a preview first. When the edit changes nothing after a preview,
// the concept from before it is computed and shown again.
func (e *editor) editLayout(key string, fn func(v *concepts.Variant) error) error {
	previewed := e.endPreview()
	id := e.id
	vi := e.selected
	err := e.apply(key, func(c *concepts.Concept) error { return fn(&c.Variants[vi]) })
	if previewed && e.id == id {
		e.recompute()
		e.notify(changeEstimate)
	}
	return err
}

// entryAt returns layout entry i of v, or an error when it is gone.
func (e *editor) entryAt(v *concepts.Variant, i int) (*concepts.LayoutEntry, error) {
	if i < 0 || i >= len(v.Layout) {
		return nil, errors.New(e.l.T("panel.siteplan.error.gone"))
	}
	return &v.Layout[i], nil
}

// metres returns v rounded to d decimals as a decimal, the way a
// position the window sets is stored.
func metres(v float64, d int32) decimal.Decimal {
	return decimal.NewFromFloat(v).Round(d)
}

// previewMove shows layout entry i of the selected variant at (x, y)
// without recording an undo step (a drag in progress).
func (e *editor) previewMove(i int, x, y decimal.Decimal) {
	vi := e.selected
	e.preview(func(c *concepts.Concept) {
		if l := c.Variants[vi].Layout; i >= 0 && i < len(l) {
			l[i].X, l[i].Y = x, y
		}
	})
}

// moveEntry puts layout entry i of the selected variant at (x, y): the
// end of a drag, one undo step whatever the preview showed.
func (e *editor) moveEntry(i int, x, y decimal.Decimal) error {
	return e.editLayout("", func(v *concepts.Variant) error {
		en, err := e.entryAt(v, i)
		if err != nil {
			return err
		}
		en.X, en.Y = x, y
		return nil
	})
}

// nudgeEntry moves layout entry i by (dx, dy) metres; presses of the
// arrow keys in a row are one undo step.
func (e *editor) nudgeEntry(i int, dx, dy decimal.Decimal) error {
	return e.editLayout("nudge/"+strconv.Itoa(e.selected)+"/"+strconv.Itoa(i), func(v *concepts.Variant) error {
		en, err := e.entryAt(v, i)
		if err != nil {
			return err
		}
		x, y := en.X.Add(dx), en.Y.Add(dy)
		if !concepts.LimitCoordinate.Contains(x) || !concepts.LimitCoordinate.Contains(y) {
			return errors.New(e.l.T("panel.siteplan.error.far"))
		}
		en.X, en.Y = x, y
		return nil
	})
}

// rotateEntry turns layout entry i by deg degrees counter-clockwise about
// its centre (its corner moves so that the centre stays), keeping the
// rotation within [0, 360); turns in a row are one undo step.
func (e *editor) rotateEntry(i int, deg int) error {
	cat := e.catalogue()
	return e.editLayout("rotate/"+strconv.Itoa(e.selected)+"/"+strconv.Itoa(i), func(v *concepts.Variant) error {
		en, err := e.entryAt(v, i)
		if err != nil {
			return err
		}
		w, d, _ := en.Size(cat)
		r := en.Rotation.IntPart()
		if !en.Rotation.Equal(decimal.NewFromInt(r)) {
			r = en.Rotation.Round(0).IntPart()
		}
		next := ((r+int64(deg))%360 + 360) % 360
		before := costing.PlaceRect(en.X.InexactFloat64(), en.Y.InexactFloat64(), w.InexactFloat64(), d.InexactFloat64(), en.Rotation.InexactFloat64())
		turned := costing.PlaceRect(0, 0, w.InexactFloat64(), d.InexactFloat64(), float64(next))
		c, tc := before.Centre(), turned.Centre()
		en.X, en.Y = metres(c.X-tc.X, 2), metres(c.Y-tc.Y, 2)
		en.Rotation = decimal.NewFromInt(next)
		return nil
	})
}

// removeEntry removes layout entry i of the selected variant. The layout
// stays, empty, when it was the last: the variant keeps its site plan.
func (e *editor) removeEntry(i int) error {
	return e.editLayout("", func(v *concepts.Variant) error {
		if _, err := e.entryAt(v, i); err != nil {
			return err
		}
		v.Layout = slices.Delete(v.Layout, i, i+1)
		if v.Layout == nil {
			v.Layout = []concepts.LayoutEntry{}
		}
		return nil
	})
}

// addEntry adds a building of unit type typeID to the selected variant's
// layout with its lower-left corner at (x, y), and returns its index. A
// type whose dwellings share a building (flats, terraced and semi-detached
// houses) puts every unit of it not yet placed in the one building;
// any other type, one unit. The label is the type's name with a number.
func (e *editor) addEntry(typeID string, x, y decimal.Decimal) (int, error) {
	ut := e.catalogue().UnitType(typeID)
	if ut == nil {
		return -1, errors.New(e.l.T("panel.siteplan.error.gone"))
	}
	index := -1
	err := e.editLayout("", func(v *concepts.Variant) error {
		n := 1
		if ut.Kind == concepts.KindDwelling && (ut.Form == concepts.FormFlat || ut.Form == concepts.FormTerraced ||
			ut.Form == concepts.FormSemiDetached || ut.Form == concepts.FormOther) {
			n = max(1, unplaced(v)[typeID])
		}
		if len(v.Layout) >= concepts.MaxLayoutEntries {
			return errors.New(e.l.T("panel.siteplan.error.too_many", concepts.MaxLayoutEntries))
		}
		name := ut.Name.In(e.l.Lang())
		label := name
		for k := 2; labelTaken(v.Layout, label); k++ {
			label = name + " " + strconv.Itoa(k)
		}
		v.Layout = append(v.Layout, concepts.LayoutEntry{Label: label, X: x, Y: y, Units: map[string]int{typeID: n}})
		index = len(v.Layout) - 1
		return nil
	})
	return index, err
}

// labelTaken reports whether a layout entry is called label.
func labelTaken(layout []concepts.LayoutEntry, label string) bool {
	for _, en := range layout {
		if en.Label == label {
			return true
		}
	}
	return false
}

// unplaced returns, per unit type of the variant's unit mix, how many of
// its units no building of the layout holds (only those above 0).
func unplaced(v *concepts.Variant) map[string]int {
	left := map[string]int{}
	for _, u := range v.Units {
		left[u.Type] += u.Count
	}
	for _, en := range v.Layout {
		for id, n := range en.Units {
			left[id] -= n
		}
	}
	for id, n := range left {
		if n <= 0 {
			delete(left, id)
		}
	}
	return left
}

// autoLayout replaces the selected variant's layout with
// costing.AutoLayout's: every unit of the mix placed.
func (e *editor) autoLayout() error {
	p := &concepts.Project{Concept: e.concept(), Catalogue: e.catalogue(), PriceBooks: e.project.PriceBooks}
	layout := costing.AutoLayout(p, e.selected)
	if layout == nil {
		layout = []concepts.LayoutEntry{}
	}
	return e.editLayout("", func(v *concepts.Variant) error {
		v.Layout = layout
		return nil
	})
}

// removeLayout drops the selected variant's site plan altogether.
func (e *editor) removeLayout() error {
	return e.editLayout("", func(v *concepts.Variant) error {
		v.Layout = nil
		return nil
	})
}

// setBoundary replaces the site's boundary (nil for none), refusing one
// the format refuses (fewer than 3 points, crossing itself, out of
// limits) with the format's message; key merges typing into one step.
func (e *editor) setBoundary(key string, b []concepts.Point) error {
	e.endPreview()
	return e.apply(key, func(c *concepts.Concept) error {
		c.Site.Boundary = b
		return boundaryError(c)
	})
}

// boundaryError returns the first problem the format finds with c's
// boundary, or nil.
func boundaryError(c *concepts.Concept) error {
	for _, pe := range concepts.Errors(c.Validate()) {
		if strings.HasPrefix(pe.Key, "concepts.boundary.") {
			return pe
		}
	}
	return nil
}

// setBoundaryCoordinate sets coordinate j (0 = x, 1 = y) of boundary point
// i; typing into one field is one undo step.
func (e *editor) setBoundaryCoordinate(i, j int, v decimal.Decimal) error {
	b := slices.Clone(e.concept().Site.Boundary)
	if i < 0 || i >= len(b) {
		return errors.New(e.l.T("panel.siteplan.error.gone"))
	}
	b[i][j] = v
	return e.setBoundary("boundary/"+strconv.Itoa(i)+"/"+strconv.Itoa(j), b)
}

// insertBoundaryPoint adds a point after point i, halfway along the edge
// to the next point, so that the boundary stays a simple polygon.
func (e *editor) insertBoundaryPoint(i int) error {
	b := e.concept().Site.Boundary
	if i < 0 || i >= len(b) {
		return errors.New(e.l.T("panel.siteplan.error.gone"))
	}
	p, q := b[i], b[(i+1)%len(b)]
	two := decimal.NewFromInt(2)
	mid := concepts.Point{p[0].Add(q[0]).Div(two).Round(2), p[1].Add(q[1]).Div(two).Round(2)}
	return e.setBoundary("", slices.Insert(slices.Clone(b), i+1, mid))
}

// removeBoundaryPoint removes boundary point i; a boundary keeps at least
// three points (the format's own message says so).
func (e *editor) removeBoundaryPoint(i int) error {
	b := e.concept().Site.Boundary
	if i < 0 || i >= len(b) {
		return errors.New(e.l.T("panel.siteplan.error.gone"))
	}
	return e.setBoundary("", slices.Delete(slices.Clone(b), i, i+1))
}

// squareBoundary gives the site a square boundary of its area at the
// origin (costing.SquareBoundary), to draw a plan before the real one is
// known.
func (e *editor) squareBoundary() error {
	return e.setBoundary("", costing.SquareBoundary(e.concept().Site.AreaM2))
}

// importBoundary sets the boundary from a GeoJSON polygon in UTM metres
// (concepts.BoundaryFromGeoJSON), refusing anything else with its message.
func (e *editor) importBoundary(data []byte) error {
	b, err := concepts.BoundaryFromGeoJSON(data)
	if err != nil {
		return err
	}
	return e.setBoundary("", b)
}

// centreOf returns the lower-left corner that puts a w × d building's
// centre at the middle of the plan's extent (the origin without a plan).
func centreOf(sp *costing.SitePlan, w, d float64) (decimal.Decimal, decimal.Decimal) {
	if sp == nil || math.IsInf(sp.Lo.X, 0) || sp.Hi.X < sp.Lo.X {
		return decimal.Zero, decimal.Zero
	}
	return metres((sp.Lo.X+sp.Hi.X-w)/2, 1), metres((sp.Lo.Y+sp.Hi.Y-d)/2, 1)
}
