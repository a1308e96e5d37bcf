package concepts

import (
	"maps"
	"reflect"
	"slices"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// Point is a point on the plot, [x, y] in metres (x east, y north, local
// coordinates).
type Point = [2]decimal.Decimal

// LayoutKind says what a layout entry is: a building ("") or a parking
// area.
type LayoutKind string

// The kinds of layout entry.
const (
	// LayoutBuilding is a building with units (the default, written as
	// no kind at all).
	LayoutBuilding LayoutKind = ""
	// LayoutParking is a parking area without units: it must lie inside
	// the plot, but it is not a building.
	LayoutParking LayoutKind = "parking"
)

// LayoutEntry is one rectangle of a variant's site plan: a building with
// the units it holds, or a parking area (docs/FORMATS.md, "Layout";
// docs/ESTIMATE.md, "Site plan"). Before rotation it is Width (along x) ×
// Depth (along y) metres with its lower-left corner at (X, Y); it is
// rotated by Rotation degrees counter-clockwise about that corner.
type LayoutEntry struct {
	// Label names the building on the plan and in the checks' messages.
	Label string          `yaml:"label"`
	X     decimal.Decimal `yaml:"x"`
	Y     decimal.Decimal `yaml:"y"`
	// Width and Depth are nil to take the footprint of the first unit type
	// in Units (in the order the file lists them: see UnitOrder).
	Width    *decimal.Decimal `yaml:"width,omitempty"`
	Depth    *decimal.Decimal `yaml:"depth,omitempty"`
	Rotation decimal.Decimal  `yaml:"rotation,omitempty"`
	// Units counts the units of each unit type the building holds; empty
	// for a parking area.
	Units map[string]int `yaml:"units,omitempty"`
	Kind  LayoutKind     `yaml:"kind,omitempty"`
	// First is the unit type listed first in Units in the file (a map
	// keeps no order); "" for an entry built in memory, whose first type
	// is the smallest id. UnitOrder uses it.
	First string `yaml:"-"`
}

// Footprint is the outline of the building a unit type stands in, in
// metres: Width along x, Depth along y before rotation. For a flat it is
// the whole block; how many units one building holds is said by the
// layout entry that places it.
type Footprint struct {
	Width decimal.Decimal `yaml:"width"`
	Depth decimal.Decimal `yaml:"depth"`
}

// UnitOrder returns the entry's unit type ids with First (when set and
// present) first and the rest sorted.
func (e *LayoutEntry) UnitOrder() []string {
	ids := slices.Sorted(maps.Keys(e.Units))
	if i := slices.Index(ids, e.First); i > 0 {
		ids = append([]string{e.First}, slices.Delete(ids, i, i+1)...)
	}
	return ids
}

// Size returns the entry's width and depth: its own, else the footprint
// of its first unit type in cat (UnitOrder). ok is false when neither
// gives a size (a parking area without one, or a unit type without a
// footprint).
func (e *LayoutEntry) Size(cat *Catalogue) (w, d decimal.Decimal, ok bool) {
	if e.Width != nil && e.Depth != nil {
		return *e.Width, *e.Depth, true
	}
	var fp *Footprint
	if ids := e.UnitOrder(); cat != nil && len(ids) > 0 {
		if ut := cat.UnitType(ids[0]); ut != nil {
			fp = ut.Footprint
		}
	}
	if fp == nil {
		return decimal.Decimal{}, decimal.Decimal{}, false
	}
	w, d = fp.Width, fp.Depth
	if e.Width != nil {
		w = *e.Width
	}
	if e.Depth != nil {
		d = *e.Depth
	}
	return w, d, true
}

// cloneLayout returns a deep copy of a layout.
func cloneLayout(l []LayoutEntry) []LayoutEntry {
	if l == nil {
		return nil
	}
	out := make([]LayoutEntry, len(l))
	for i, e := range l {
		e.Width = cloneDecimal(e.Width)
		e.Depth = cloneDecimal(e.Depth)
		e.Units = maps.Clone(e.Units)
		out[i] = e
	}
	return out
}

// cloneBoundary returns a copy of a boundary.
func cloneBoundary(b []Point) []Point { return slices.Clone(b) }

// cloneFootprint returns a copy of a footprint (nil for nil).
func cloneFootprint(f *Footprint) *Footprint {
	if f == nil {
		return nil
	}
	c := *f
	return &c
}

// decodeArray decodes a list of exactly v.Len() items into the array v,
// such as a point [x, y].
func (d *decoder) decodeArray(n *yaml.Node, v reflect.Value, path string, c cx) {
	if n.Kind != yaml.SequenceNode || len(n.Content) != v.Len() {
		what := describe(n)
		if n.Kind == yaml.SequenceNode {
			what = Part{Key: "concepts.node.numbers", Args: []any{len(n.Content)}}
		}
		d.errorf(n, c, "concepts.decode.point", v.Len(), what)
		return
	}
	for i, e := range n.Content {
		d.decode(e, v.Index(i), join(path, i), c)
	}
}

// firstUnitKeys remembers, for every layout entry of the decoded concept
// (root is its top mapping), which unit type its units mapping lists
// first, when that is not the first in sorted order.
func firstUnitKeys(root *yaml.Node, c *Concept) {
	variants := mappingValue(root, "variants")
	if variants == nil || variants.Kind != yaml.SequenceNode {
		return
	}
	for i, vn := range variants.Content {
		if i >= len(c.Variants) {
			return
		}
		layout := mappingValue(vn, "layout")
		if layout == nil || layout.Kind != yaml.SequenceNode {
			continue
		}
		for j, en := range layout.Content {
			if j >= len(c.Variants[i].Layout) {
				break
			}
			e := &c.Variants[i].Layout[j]
			if units := mappingValue(en, "units"); units != nil && units.Kind == yaml.MappingNode && len(units.Content) >= 4 {
				if first := units.Content[0].Value; first != slices.Min(slices.Collect(maps.Keys(e.Units))) {
					e.First = first
				}
			}
		}
	}
}

// unitsFirst moves, in the encoded concept (root is its top mapping), the
// unit type each layout entry lists first (LayoutEntry.First) to the front
// of its units mapping, so that the entry keeps its size on saving.
func unitsFirst(root *yaml.Node, c *Concept) {
	variants := mappingValue(root, "variants")
	if variants == nil {
		return
	}
	for i, vn := range variants.Content {
		layout := mappingValue(vn, "layout")
		if layout == nil || i >= len(c.Variants) {
			continue
		}
		for j, en := range layout.Content {
			if j >= len(c.Variants[i].Layout) || c.Variants[i].Layout[j].First == "" {
				continue
			}
			units := mappingValue(en, "units")
			if units == nil {
				continue
			}
			first := c.Variants[i].Layout[j].First
			for k := 2; k+1 < len(units.Content); k += 2 {
				if units.Content[k].Value == first {
					key, val := units.Content[k], units.Content[k+1]
					units.Content = append(units.Content[:k], units.Content[k+2:]...)
					units.Content = append([]*yaml.Node{key, val}, units.Content...)
					break
				}
			}
		}
	}
}

// mappingValue returns the value of key in mapping n, or nil.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
