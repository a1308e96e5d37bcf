package concepts

// Validate checks the price book on its own (docs/FORMATS.md, "Price book"): codes
// and ranges. Whether the catalogue has what it names is checked by
// (*Project).Validate.
func (pb *PriceBook) Validate() error {
	return pb.check(nil).err()
}

// check validates the price book, and against cat when it is not nil.
func (pb *PriceBook) check(cat *Catalogue) *errs {
	k := newChecker(pb.src)
	k.text("", nil, "name", pb.Name)
	if !monthRe.MatchString(pb.PriceLevel) {
		k.at("price_level", nil, "concepts.price_level", quoted(pb.PriceLevel), "2026-11")
	}
	for _, id := range sortedKeys(pb.UnitTypes) {
		e := pb.UnitTypes[id]
		p, uc := join("unit_types", id), where{entryLabel("unit_types", id)}
		k.codes(p, uc, "rates", e.Rates)
		k.codes(p, uc, "fixed", e.Fixed)
		if cat == nil {
			continue
		}
		ut := cat.UnitType(id)
		if ut == nil {
			k.atKey(p, nil, "concepts.pricebook.unit_type_unknown", quoted(id), quoted(cat.Name))
			continue
		}
		for _, code := range sortedKeys(e.Rates) {
			if _, ok := ut.Rates[code]; !ok && unitCodeRe.MatchString(code) {
				k.atKey(join(p, "rates", code), uc.with(entryLabel("rates", code)), "concepts.pricebook.rate_unknown", quotedList(sortedKeys(ut.Rates)))
			}
		}
		for _, code := range sortedKeys(e.Fixed) {
			if _, ok := ut.Fixed[code]; !ok && unitCodeRe.MatchString(code) {
				k.atKey(join(p, "fixed", code), uc.with(entryLabel("fixed", code)), "concepts.pricebook.fixed_unknown", quotedList(sortedKeys(ut.Fixed)))
			}
		}
	}
	for _, id := range sortedKeys(pb.SiteItems) {
		p, sc := join("site_items", id), where{entryLabel("site_items", id)}
		k.rng(join(p, "rate"), sc.field("rate"), pb.SiteItems[id].Rate, false)
		k.limitRange(join(p, "rate"), sc.field("rate"), pb.SiteItems[id].Rate, LimitRate)
		if cat != nil && cat.SiteItem(id) == nil {
			k.atKey(p, nil, "concepts.pricebook.site_item_unknown", quoted(id), quoted(cat.Name))
		}
	}
	return k.e
}
