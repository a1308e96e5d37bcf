package concepts

import "github.com/shopspring/decimal"

// Validate checks every rule of the catalogue format (docs/FORMATS.md, "Catalogue")
// and returns all problems as an ErrorList, or nil. A catalogue decoded
// from a file reports positions; one built in memory reports paths only.
func (c *Catalogue) Validate() error {
	return c.check().err()
}

func (c *Catalogue) check() *errs {
	k := newChecker(c.src)
	k.text("", nil, "name", c.Name)
	if c.Currency == "" {
		k.at("currency", nil, "concepts.catalogue.currency_empty")
	} else if len(c.Currency) != 3 {
		k.at("currency", nil, "concepts.catalogue.currency_code", quoted(c.Currency))
	}
	if !monthRe.MatchString(c.PriceLevel) {
		k.at("price_level", nil, "concepts.price_level", quoted(c.PriceLevel), "2025-06")
	}
	k.between("", nil, "vat_percent", c.VATPercent, decimalPtr(0), &hundred, percentage)
	if len(c.Families) == 0 {
		k.at("families", nil, "concepts.catalogue.no_families")
	}
	seen := map[string]bool{}
	for i, f := range c.Families {
		p, fc := join("families", i), where{itemLabel("families", f.ID, i)}
		k.id(p, fc, f.ID, seen)
		k.text(p, fc, "name", f.Name)
		if f.Setting != SettingUrban && f.Setting != SettingRural {
			k.at(join(p, "setting"), fc, "concepts.family.setting", quoted(string(f.Setting)))
		}
	}
	if len(c.UnitTypes) == 0 {
		k.at("unit_types", nil, "concepts.catalogue.no_unit_types")
	}
	seen = map[string]bool{}
	for i := range c.UnitTypes {
		c.checkUnitType(k, i, seen)
	}
	seen = map[string]bool{}
	for i, s := range c.SiteItems {
		p, sc := join("site_items", i), where{itemLabel("site_items", s.ID, i)}
		k.id(p, sc, s.ID, seen)
		if s.Name.In("nb") == "" {
			k.at(join(p, "name"), sc, "concepts.site_item.name_empty")
		}
		k.strText(p, sc, "name", s.Name, MaxNameLength)
		if !accountRe.MatchString(s.Account) {
			k.at(join(p, "account"), sc, "concepts.site_item.account", quoted(s.Account))
		}
		if !validUnit(s.Unit) {
			k.at(join(p, "unit"), sc, "concepts.site_item.unit", quoted(string(s.Unit)))
		}
		k.rng(join(p, "rate"), sc.field("rate"), s.Rate, false)
		k.limitRange(join(p, "rate"), sc.field("rate"), s.Rate, LimitRate)
		if s.Municipality != "" && c.Municipality(s.Municipality) == nil {
			k.at(join(p, "municipality"), sc, "concepts.site_item.municipality_unknown", quoted(s.Municipality))
		}
	}
	seen = map[string]bool{}
	for i, m := range c.Municipalities {
		p, mc := join("municipalities", i), where{itemLabel("municipalities", m.ID, i)}
		k.id(p, mc, m.ID, seen)
		k.text(p, mc, "name", m.Name)
		items := map[string]bool{}
		for j, id := range m.Items {
			ip := join(p, "items", j)
			si := c.SiteItem(id)
			switch {
			case items[id]:
				k.at(ip, mc.field("items"), "concepts.municipality.item_twice", quoted(id))
			case si == nil:
				k.at(ip, mc.field("items"), "concepts.municipality.item_unknown", quoted(id))
			case !si.Unit.Derived():
				k.at(ip, mc.field("items"), "concepts.municipality.item_not_derived", quoted(id), string(si.Unit))
			case !si.AvailableIn(m.ID):
				k.at(ip, mc.field("items"), "concepts.municipality.item_of_other", quoted(id), quoted(si.Municipality))
			}
			items[id] = true
		}
	}
	c.checkCostIndex(k)
	return k.e
}

// checkCostIndex checks the catalogue's cost index: a source, months as
// YYYY-MM with positive values, and the catalogue's own price level among
// them.
func (c *Catalogue) checkCostIndex(k *checker) {
	ci := c.CostIndex
	if ci == nil {
		return
	}
	p, cc := "cost_index", at("cost_index")
	k.text(p, cc, "source", ci.Source)
	if len(ci.Values) == 0 {
		k.at(join(p, "values"), cc, "concepts.cost_index.empty")
		return
	}
	for _, month := range sortedKeys(ci.Values) {
		vp := join(p, "values", month)
		if !monthRe.MatchString(month) {
			k.atKey(vp, cc.field("values"), "concepts.cost_index.month", quoted(month))
			continue
		}
		if v := ci.Values[month]; !v.IsPositive() || v.GreaterThan(MaxIndexValue) {
			k.at(vp, cc.field("values"), "concepts.cost_index.value", quoted(month), num(v), num(MaxIndexValue))
		}
	}
	if monthRe.MatchString(c.PriceLevel) {
		if _, ok := ci.Values[c.PriceLevel]; !ok {
			k.at(join(p, "values"), cc, "concepts.cost_index.own_level_missing", quoted(c.PriceLevel))
		}
	}
}

func (c *Catalogue) checkUnitType(k *checker, i int, seen map[string]bool) {
	u := &c.UnitTypes[i]
	p, uc := join("unit_types", i), where{itemLabel("unit_types", u.ID, i)}
	k.id(p, uc, u.ID, seen)
	if u.Family == "" {
		k.at(join(p, "family"), uc, "concepts.unit_type.family_empty")
	} else if c.Family(u.Family) == nil {
		k.at(join(p, "family"), uc, "concepts.unit_type.family_unknown", quoted(u.Family))
	}
	switch u.Kind {
	case KindDwelling, KindShared, KindOutbuilding:
	default:
		k.at(join(p, "kind"), uc, "concepts.unit_type.kind", quoted(string(u.Kind)))
	}
	switch u.Form {
	case FormFlat, FormDetached, FormSemiDetached, FormTerraced, FormMicro, FormOther:
	default:
		k.at(join(p, "form"), uc, "concepts.unit_type.form", quoted(string(u.Form)))
	}
	if u.Name.In("nb") == "" {
		k.at(join(p, "name"), uc, "concepts.unit_type.name_empty")
	}
	k.strText(p, uc, "name", u.Name, MaxNameLength)
	for _, lang := range sortedKeys(u.Requirements) {
		for j, r := range u.Requirements[lang] {
			k.str(join(p, "requirements", lang), uc.field("requirements"), strconvItoa(j+1), r, MaxTextLength, false)
		}
	}
	if u.Bedrooms < 0 || u.Bedrooms > 20 {
		k.at(join(p, "bedrooms"), uc, "concepts.out_of_range", "bedrooms", u.Bedrooms, 0, 20)
	}
	if u.Persons < 0 || u.Persons > 50 {
		k.at(join(p, "persons"), uc, "concepts.out_of_range", "persons", u.Persons, 0, 50)
	} else if u.Kind == KindDwelling && u.Persons == 0 {
		k.at(join(p, "persons"), uc, "concepts.unit_type.persons_zero")
	}
	if u.Storeys < 1 || u.Storeys > MaxStoreys {
		k.at(join(p, "storeys"), uc, "concepts.out_of_range", "storeys", u.Storeys, 1, MaxStoreys)
	}
	ap, ac := join(p, "area"), uc.field("area")
	a := u.Area
	for _, f := range []struct {
		name string
		v    decimal.Decimal
	}{{"bra_i", a.BRAi}, {"bra_e", a.BRAe}, {"bra_b", a.BRAb}, {"tba", a.TBA}, {"bta", a.BTA}, {"bya", a.BYA}} {
		if f.v.IsNegative() {
			k.at(join(ap, f.name), ac, "concepts.negative", f.name, num(f.v))
		} else {
			k.limit(ap, ac, f.name, f.v, LimitUnitArea)
		}
	}
	if u.Kind == KindDwelling && !a.BRAi.IsPositive() && !a.BRAi.IsNegative() {
		k.at(join(ap, "bra_i"), ac, "concepts.unit_type.bra_i_zero")
	}
	if a.BRA().GreaterThan(a.BTA) && !k.src.isBad(join(ap, "bta")) {
		k.at(join(ap, "bta"), ac, "concepts.unit_type.bra_above_bta", num(a.BRA()), num(a.BTA))
	}
	k.codes(p, uc, "rates", u.Rates)
	k.codes(p, uc, "fixed", u.Fixed)
	k.checkSpecification(p, uc, u.Specification)
	if len(u.Rates)+len(u.Fixed) == 0 && !k.src.isBad(join(p, "rates")) {
		k.at(join(p, "rates"), uc, "concepts.unit_type.no_rates")
	}
	if u.CarbonKgPerM2 != nil && u.CarbonKgPerM2.IsNegative() {
		k.at(join(p, "carbon_kg_per_m2"), uc, "concepts.negative", "carbon_kg_per_m2", num(*u.CarbonKgPerM2))
	} else if u.CarbonKgPerM2 != nil {
		k.limit(p, uc, "carbon_kg_per_m2", *u.CarbonKgPerM2, LimitCarbon)
	}
	checkFootprint(k, p, uc, u.Footprint)
}

func validUnit(u Unit) bool {
	switch u {
	case UnitM, UnitM2, UnitPiece, UnitDwelling, UnitParking, UnitSiteM2, UnitBRAM2:
		return true
	}
	return false
}
