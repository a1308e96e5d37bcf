package concepts

import (
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
	pbc := where{{Key: "concepts.ctx.pricebook", Args: []any{quoted(pb.Name)}}}
	out := *c
	out.UnitTypes = slices.Clone(c.UnitTypes)
	out.SiteItems = slices.Clone(c.SiteItems)
	for _, id := range slices.Sorted(maps.Keys(pb.UnitTypes)) {
		entry := pb.UnitTypes[id]
		ut := out.UnitType(id)
		if ut == nil {
			return nil, newError("", 0, 0, nil, pbc, "concepts.overlay.unit_type_unknown", quoted(id), quoted(c.Name))
		}
		ut.Rates = maps.Clone(ut.Rates)
		ut.Fixed = maps.Clone(ut.Fixed)
		for _, code := range slices.Sorted(maps.Keys(entry.Rates)) {
			if _, ok := ut.Rates[code]; !ok {
				return nil, newError("", 0, 0, nil, pbc, "concepts.overlay.rate_unknown", quoted(id), quoted(code), quoted(c.Name))
			}
			ut.Rates[code] = entry.Rates[code]
		}
		for _, code := range slices.Sorted(maps.Keys(entry.Fixed)) {
			if _, ok := ut.Fixed[code]; !ok {
				return nil, newError("", 0, 0, nil, pbc, "concepts.overlay.fixed_unknown", quoted(id), quoted(code), quoted(c.Name))
			}
			ut.Fixed[code] = entry.Fixed[code]
		}
	}
	for _, id := range slices.Sorted(maps.Keys(pb.SiteItems)) {
		si := out.SiteItem(id)
		if si == nil {
			return nil, newError("", 0, 0, nil, pbc, "concepts.overlay.site_item_unknown", quoted(id), quoted(c.Name))
		}
		si.Rate = pb.SiteItems[id].Rate
	}
	return &out, nil
}
