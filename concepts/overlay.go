package concepts

import (
	"fmt"
	"maps"
	"slices"
)

// WithPriceBook returns a copy of the catalogue with the price book's rates
// laid over it. The receiver is not changed. Naming a unit type, code or
// site item the catalogue lacks is an error.
func (c *Catalogue) WithPriceBook(pb *PriceBook) (*Catalogue, error) {
	if pb == nil {
		return c, nil
	}
	out := *c
	out.UnitTypes = slices.Clone(c.UnitTypes)
	out.SiteItems = slices.Clone(c.SiteItems)
	for _, id := range slices.Sorted(maps.Keys(pb.UnitTypes)) {
		entry := pb.UnitTypes[id]
		ut := out.UnitType(id)
		if ut == nil {
			return nil, fmt.Errorf("price book %q: unit type %q is not in catalogue %q", pb.Name, id, c.Name)
		}
		ut.Rates = maps.Clone(ut.Rates)
		ut.Fixed = maps.Clone(ut.Fixed)
		for _, code := range slices.Sorted(maps.Keys(entry.Rates)) {
			if _, ok := ut.Rates[code]; !ok {
				return nil, fmt.Errorf("price book %q: unit type %q has no rate for code %q in catalogue %q", pb.Name, id, code, c.Name)
			}
			ut.Rates[code] = entry.Rates[code]
		}
		for _, code := range slices.Sorted(maps.Keys(entry.Fixed)) {
			if _, ok := ut.Fixed[code]; !ok {
				return nil, fmt.Errorf("price book %q: unit type %q has no fixed amount for code %q in catalogue %q", pb.Name, id, code, c.Name)
			}
			ut.Fixed[code] = entry.Fixed[code]
		}
	}
	for _, id := range slices.Sorted(maps.Keys(pb.SiteItems)) {
		si := out.SiteItem(id)
		if si == nil {
			return nil, fmt.Errorf("price book %q: site item %q is not in catalogue %q", pb.Name, id, c.Name)
		}
		si.Rate = pb.SiteItems[id].Rate
	}
	return &out, nil
}
