package concepts

import (
	"time"

	"github.com/shopspring/decimal"
)

// Validate checks every rule of the concept format on its own (docs/FORMATS.md,
// "Concept"). References to the catalogue are checked by
// (*Project).Validate.
func (c *Concept) Validate() error {
	return c.check(nil).err()
}

// check validates the concept, and its references against cat when cat is
// not nil.
func (c *Concept) check(cat *Catalogue) *errs {
	k := newChecker(c.src)
	k.text("", nil, "name", c.Name)
	k.text("", nil, "catalogue", c.Catalogue)
	k.text("", nil, "municipality", c.Municipality)
	rc := at("revision")
	k.text("revision", rc, "id", c.Revision.ID)
	k.str("revision", rc, "note", c.Revision.Note, MaxTextLength, true)
	if !dateRe.MatchString(c.Revision.Date) {
		k.at("revision/date", rc, "concepts.revision.date_format", quoted(c.Revision.Date))
	} else if _, err := time.Parse(time.DateOnly, c.Revision.Date); err != nil {
		k.at("revision/date", rc, "concepts.revision.date_invalid", quoted(c.Revision.Date))
	}
	s, sc := c.Site, at("site")
	if !s.AreaM2.IsPositive() {
		k.at("site/area_m2", sc, "concepts.not_positive", "area_m2", num(s.AreaM2))
	} else {
		k.limit("site", sc, "area_m2", s.AreaM2, LimitSiteArea)
	}
	if s.PavedM2.IsNegative() {
		k.at("site/paved_m2", sc, "concepts.negative", "paved_m2", num(s.PavedM2))
	} else if s.AreaM2.IsPositive() && s.PavedM2.GreaterThan(s.AreaM2) {
		k.at("site/paved_m2", sc, "concepts.site.paved_above_area", num(s.PavedM2), num(s.AreaM2))
	}
	if s.LandCost.IsNegative() {
		k.at("site/land_cost", sc, "concepts.negative", "land_cost", num(s.LandCost))
	} else {
		k.limit("site", sc, "land_cost", s.LandCost, LimitLandCost)
	}
	if z := s.Zoning; z != nil {
		p, zc := "site/zoning", sc.field("zoning")
		pct := func(name string, d *decimal.Decimal, hi decimal.Decimal) {
			if d != nil && (!d.IsPositive() || d.GreaterThan(hi)) {
				k.at(join(p, name), zc, "concepts.out_of_range_positive", name, num(*d), num(hi))
			}
		}
		pct("max_bya_percent", z.MaxBYAPercent, hundred)
		pct("max_bra_percent", z.MaxBRAPercent, thousand)
		nonNeg := func(name string, d *decimal.Decimal, hi decimal.Decimal) {
			if d != nil && (d.IsNegative() || d.GreaterThan(hi)) {
				k.at(join(p, name), zc, "concepts.out_of_range", name, num(*d), 0, num(hi))
			}
		}
		nonNeg("min_mua_per_dwelling", z.MinMUAPerDwelling, thousand)
		nonNeg("min_dwellings_per_daa", z.MinDwellingsPerDaa, hundred)
		nonNeg("parking_per_dwelling", z.ParkingPerDwelling, ten)
		if z.MaxStoreys != nil && (*z.MaxStoreys < 1 || *z.MaxStoreys > MaxStoreys) {
			k.at(join(p, "max_storeys"), zc, "concepts.out_of_range", "max_storeys", *z.MaxStoreys, 1, MaxStoreys)
		}
	}
	c.checkAssumptions(k)
	c.checkPriceLevel(k, cat)
	c.checkRisks(k)
	c.checkEconomics(k)
	c.checkTender(k)
	c.checkVariants(k, cat)
	c.checkBoundary(k)
	c.checkLayouts(k, cat)
	if cat != nil && c.Municipality != "" && cat.Municipality(c.Municipality) == nil {
		var ids names
		for _, m := range cat.Municipalities {
			ids = append(ids, m.ID)
		}
		k.at("municipality", nil, "concepts.concept.municipality_unknown", quoted(c.Municipality), quoted(cat.Name), ids)
	}
	return k.e
}

func (c *Concept) checkAssumptions(k *checker) {
	a := &c.Assumptions
	p, ac := "assumptions", at("assumptions")
	k.between(p, ac, "common_costs_percent", a.CommonCostsPercent, decimalPtr(0), &hundred, percentage)
	k.between(p, ac, "general_costs_percent", a.GeneralCostsPercent, decimalPtr(0), &hundred, percentage)
	k.between(p, ac, "price_adjustment_percent", a.PriceAdjustmentPercent, decimalPtr(0), &hundred, percentage)
	if !a.RegionalFactor.IsPositive() || a.RegionalFactor.GreaterThan(ten) {
		k.at(join(p, "regional_factor"), ac, "concepts.assumptions.regional_factor", num(a.RegionalFactor))
	}
	if !a.FirstTimeBuyerLimit.IsPositive() {
		k.at(join(p, "first_time_buyer_limit"), ac, "concepts.not_positive", "first_time_buyer_limit", num(a.FirstTimeBuyerLimit))
	} else {
		k.limit(p, ac, "first_time_buyer_limit", a.FirstTimeBuyerLimit, LimitFirstTimeBuyer)
	}
	k.count(p, ac, "uncertainty_factors", len(a.UncertaintyFactors), MaxLines)
	if a.PriceLevel != "" && !monthRe.MatchString(a.PriceLevel) {
		k.at(join(p, "price_level"), ac, "concepts.price_level", quoted(a.PriceLevel), "2026-11")
	}
	if a.Simulation.Iterations < 0 || a.Simulation.Iterations > MaxIterations {
		k.at(join(p, "simulation", "iterations"), ac.field("simulation"), "concepts.assumptions.iterations", a.Simulation.Iterations, MaxIterations)
	}
	seen := map[string]bool{}
	for i, f := range a.UncertaintyFactors {
		fp, fc := join(p, "uncertainty_factors", i), ac.with(itemLabel("uncertainty_factors", f.Name, i))
		k.uniqueName(fp, fc, f.Name, seen, "concepts.factor.name_empty", "concepts.factor.name_twice")
		if len(f.AppliesTo) == 0 {
			k.at(join(fp, "applies_to"), fc, "concepts.factor.applies_to_empty")
		}
		for j, code := range f.AppliesTo {
			if !factorRe.MatchString(code) {
				k.at(join(fp, "applies_to", j), fc.field("applies_to"), "concepts.factor.code", quoted(code))
			}
		}
		k.rng(join(fp, "range"), fc.field("range"), f.Range, true)
		if f.Range.High.GreaterThan(ten) {
			k.at(join(fp, "range"), fc.field("range"), "concepts.factor.high", num(f.Range.High))
		}
	}
}

// checkRisks checks the event risks: a unique name, a probability from 0
// to 100 % and an ordered, non-negative cost range.
func (c *Concept) checkRisks(k *checker) {
	k.count("", nil, "risks", len(c.Risks), MaxLines)
	seen := map[string]bool{}
	for i, r := range c.Risks {
		p, rc := join("risks", i), where{itemLabel("risks", r.Name, i)}
		k.uniqueName(p, rc, r.Name, seen, "concepts.risk.name_empty", "concepts.risk.name_twice")
		k.between(p, rc, "probability_percent", r.ProbabilityPercent, decimalPtr(0), &hundred, percentage)
		k.rng(join(p, "cost"), rc.field("cost"), r.Cost, false)
		k.limitRange(join(p, "cost"), rc.field("cost"), r.Cost, LimitRiskCost)
	}
}

// checkPriceLevel checks that the catalogue's cost index has both the
// concept's price level and the catalogue's own (docs/ESTIMATE.md, "Price
// level").
func (c *Concept) checkPriceLevel(k *checker, cat *Catalogue) {
	pl := c.Assumptions.PriceLevel
	path, ac := "assumptions/price_level", at("assumptions")
	if cat == nil || pl == "" || !monthRe.MatchString(pl) {
		return
	}
	switch {
	case cat.CostIndex == nil:
		k.at(path, ac, "concepts.price_level.no_index", quoted(cat.Name))
	case !hasMonth(cat.CostIndex, pl):
		k.at(path, ac, "concepts.price_level.missing", quoted(pl), quoted(cat.Name), indexSpan(cat.CostIndex))
	}
}

// hasMonth reports whether the index has a value for month.
func hasMonth(ci *CostIndex, month string) bool {
	_, ok := ci.Values[month]
	return ok
}

// indexSpan says which months an index covers, "2025-06 – 2026-10".
func indexSpan(ci *CostIndex) string {
	months := sortedKeys(ci.Values)
	if len(months) == 0 {
		return "–"
	}
	return months[0] + " – " + months[len(months)-1]
}

// checkPriceLevel checks, for a concept with a price level, that the
// catalogue's cost index has the price book's price level.
func (pb *PriceBook) checkPriceLevel(c *Concept, cat *Catalogue) *errs {
	k := newChecker(pb.src)
	if c == nil || cat == nil || c.Assumptions.PriceLevel == "" || cat.CostIndex == nil || !monthRe.MatchString(pb.PriceLevel) {
		return k.e
	}
	if !hasMonth(cat.CostIndex, pb.PriceLevel) {
		k.at("price_level", nil, "concepts.pricebook.level_missing", quoted(pb.PriceLevel), quoted(cat.Name), indexSpan(cat.CostIndex))
	}
	return k.e
}

func (c *Concept) checkVariants(k *checker, cat *Catalogue) {
	if len(c.Variants) == 0 {
		k.at("variants", nil, "concepts.concept.no_variants")
	}
	k.count("", nil, "variants", len(c.Variants), MaxVariants)
	var muni map[string]bool
	if cat != nil {
		if m := cat.Municipality(c.Municipality); m != nil {
			muni = map[string]bool{}
			for _, id := range m.Items {
				muni[id] = true
			}
		}
	}
	names := map[string]bool{}
	for i, v := range c.Variants {
		p, vc := join("variants", i), where{itemLabel("variants", v.Name, i)}
		k.uniqueName(p, vc, v.Name, names, "concepts.variant.name_empty", "concepts.variant.name_twice")
		if len(v.Units) == 0 {
			k.at(join(p, "units"), vc, "concepts.variant.no_units")
		}
		k.count(p, vc, "units", len(v.Units), MaxLines)
		k.count(p, vc, "site_items", len(v.SiteItems), MaxLines)
		types := map[string]bool{}
		for j, u := range v.Units {
			up, uc := join(p, "units", j), vc.with(itemLabel("units", u.Type, j))
			switch {
			case u.Type == "":
				k.at(join(up, "type"), uc, "concepts.variant.type_empty")
			case types[u.Type]:
				k.at(join(up, "type"), uc, "concepts.variant.type_twice", quoted(u.Type))
			case cat != nil && cat.UnitType(u.Type) == nil:
				k.at(join(up, "type"), uc, "concepts.variant.type_unknown", quoted(u.Type), quoted(cat.Name))
			}
			types[u.Type] = true
			if u.Count < 1 || u.Count > MaxCount {
				k.at(join(up, "count"), uc, "concepts.out_of_range", "count", u.Count, 1, MaxCount)
			}
		}
		items := map[string]bool{}
		for j, s := range v.SiteItems {
			sp, sc := join(p, "site_items", j), vc.with(itemLabel("site_items", s.Item, j))
			if s.Quantity != nil && s.Quantity.IsNegative() {
				k.at(join(sp, "quantity"), sc, "concepts.negative", "quantity", num(*s.Quantity))
			} else if s.Quantity != nil {
				k.limit(sp, sc, "quantity", *s.Quantity, LimitQuantity)
			}
			switch {
			case s.Item == "":
				k.at(join(sp, "item"), sc, "concepts.variant.item_empty")
				continue
			case items[s.Item]:
				k.at(join(sp, "item"), sc, "concepts.variant.item_twice", quoted(s.Item))
				continue
			}
			items[s.Item] = true
			if cat == nil {
				continue
			}
			si := cat.SiteItem(s.Item)
			switch {
			case si == nil:
				k.at(join(sp, "item"), sc, "concepts.variant.item_unknown", quoted(s.Item), quoted(cat.Name))
			case !si.AvailableIn(c.Municipality):
				k.at(join(sp, "item"), sc, "concepts.variant.item_other_municipality", quoted(s.Item), quoted(si.Municipality), quoted(c.Municipality))
			case muni[s.Item]:
				k.at(join(sp, "item"), sc, "concepts.variant.item_from_municipality", quoted(s.Item), quoted(c.Municipality))
			case s.Quantity == nil && !si.Unit.Derived():
				k.at(sp, sc, "concepts.variant.quantity_needed", string(si.Unit), s.Item)
			}
		}
		if v.PriceBook != "" && !k.src.isBad(join(p, "pricebook")) && len(v.PriceBook) > 4096 {
			k.at(join(p, "pricebook"), vc, "concepts.variant.pricebook_too_long")
		}
	}
}
