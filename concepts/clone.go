package concepts

import (
	"maps"
	"slices"

	"github.com/shopspring/decimal"
)

// Clone returns a deep copy of the concept: changing the copy never changes
// the original (the GUI's undo stack keeps such copies). The copy keeps no
// file positions, so its validation errors name paths, not lines.
func (c *Concept) Clone() *Concept {
	if c == nil {
		return nil
	}
	out := *c
	out.src = nil
	if c.Site.Zoning != nil {
		z := *c.Site.Zoning
		z.MaxBYAPercent = cloneDecimal(z.MaxBYAPercent)
		z.MaxBRAPercent = cloneDecimal(z.MaxBRAPercent)
		z.MinMUAPerDwelling = cloneDecimal(z.MinMUAPerDwelling)
		z.MinDwellingsPerDaa = cloneDecimal(z.MinDwellingsPerDaa)
		z.ParkingPerDwelling = cloneDecimal(z.ParkingPerDwelling)
		if z.MaxStoreys != nil {
			n := *z.MaxStoreys
			z.MaxStoreys = &n
		}
		out.Site.Zoning = &z
	}
	out.Site.Boundary = cloneBoundary(c.Site.Boundary)
	if c.Assumptions.UncertaintyFactors != nil {
		out.Assumptions.UncertaintyFactors = make([]UncertaintyFactor, len(c.Assumptions.UncertaintyFactors))
		for i, f := range c.Assumptions.UncertaintyFactors {
			f.AppliesTo = slices.Clone(f.AppliesTo)
			out.Assumptions.UncertaintyFactors[i] = f
		}
	}
	if c.Risks != nil {
		out.Risks = make([]Risk, len(c.Risks))
		for i, r := range c.Risks {
			if r.VAT != nil {
				v := *r.VAT
				r.VAT = &v
			}
			out.Risks[i] = r
		}
	}
	out.Economics = c.Economics.Clone()
	out.Tender = c.Tender.Clone()
	if c.Variants != nil {
		out.Variants = make([]Variant, len(c.Variants))
		for i, v := range c.Variants {
			v.Units = slices.Clone(v.Units)
			if v.SiteItems != nil {
				items := make([]SiteItemLine, len(v.SiteItems))
				for j, s := range v.SiteItems {
					s.Quantity = cloneDecimal(s.Quantity)
					items[j] = s
				}
				v.SiteItems = items
			}
			v.Layout = cloneLayout(v.Layout)
			out.Variants[i] = v
		}
	}
	return &out
}

// Clone returns a deep copy of the catalogue, without file positions.
func (c *Catalogue) Clone() *Catalogue {
	if c == nil {
		return nil
	}
	out := *c
	out.src = nil
	if c.Families != nil {
		out.Families = make([]Family, len(c.Families))
		for i, f := range c.Families {
			f.Summary = maps.Clone(f.Summary)
			f.TargetGroups = slices.Clone(f.TargetGroups)
			out.Families[i] = f
		}
	}
	if c.UnitTypes != nil {
		out.UnitTypes = make([]UnitType, len(c.UnitTypes))
		for i, u := range c.UnitTypes {
			u.Name = maps.Clone(u.Name)
			u.Rates = maps.Clone(u.Rates)
			u.Fixed = maps.Clone(u.Fixed)
			u.CarbonKgPerM2 = cloneDecimal(u.CarbonKgPerM2)
			u.Footprint = cloneFootprint(u.Footprint)
			u.Specification = cloneSpecification(u.Specification)
			if u.Requirements != nil {
				r := make(Texts, len(u.Requirements))
				for lang, s := range u.Requirements {
					r[lang] = slices.Clone(s)
				}
				u.Requirements = r
			}
			out.UnitTypes[i] = u
		}
	}
	if c.SiteItems != nil {
		out.SiteItems = make([]SiteItem, len(c.SiteItems))
		for i, s := range c.SiteItems {
			s.Name = maps.Clone(s.Name)
			out.SiteItems[i] = s
		}
	}
	if c.Municipalities != nil {
		out.Municipalities = make([]Municipality, len(c.Municipalities))
		for i, m := range c.Municipalities {
			m.Items = slices.Clone(m.Items)
			out.Municipalities[i] = m
		}
	}
	if c.CostIndex != nil {
		ci := *c.CostIndex
		ci.Values = maps.Clone(ci.Values)
		out.CostIndex = &ci
	}
	return &out
}

// Clone returns a deep copy of the price book, without file positions.
func (pb *PriceBook) Clone() *PriceBook {
	if pb == nil {
		return nil
	}
	out := *pb
	out.src = nil
	if pb.UnitTypes != nil {
		out.UnitTypes = make(map[string]PriceBookUnitType, len(pb.UnitTypes))
		for id, e := range pb.UnitTypes {
			out.UnitTypes[id] = PriceBookUnitType{Rates: maps.Clone(e.Rates), Fixed: maps.Clone(e.Fixed)}
		}
	}
	out.SiteItems = maps.Clone(pb.SiteItems)
	return &out
}

func cloneDecimal(d *decimal.Decimal) *decimal.Decimal {
	if d == nil {
		return nil
	}
	v := *d
	return &v
}
