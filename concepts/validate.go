package concepts

import (
	"regexp"
	"strconv"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
)

// Bounds the validation enforces beyond the formats' invariants; they catch
// typing mistakes (an extra zero) and are documented in docs/FORMATS.md.
const (
	// MaxIterations is the most simulation iterations a concept may ask for.
	MaxIterations = 1_000_000
	// MaxCount is the largest count of one unit type in a variant.
	MaxCount = 10_000
	// MaxStoreys is the most storeys a unit type's building may have.
	MaxStoreys = 50
)

// MaxIndexValue is the largest value a cost index may hold.
var MaxIndexValue = decimal.NewFromInt(1_000_000)

var (
	hundred    = decimal.NewFromInt(100)
	thousand   = decimal.NewFromInt(1000)
	ten        = decimal.NewFromInt(10)
	monthRe    = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)
	dateRe     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	unitCodeRe = regexp.MustCompile(`^[2-6][0-9]?$`)
	factorRe   = regexp.MustCompile(`^[2-9][0-9]?$`)
	accountRe  = regexp.MustCompile(`^(7[0-9]|8|9)$`)
)

// checker collects the validation errors of one document, positioned by
// the document's source when it has one.
type checker struct {
	e   *errs
	src *source
}

func newChecker(src *source) *checker {
	return &checker{e: &errs{file: src.fileName()}, src: src}
}

// at reports a problem with the value at path, in context w: the text key
// takes args.
func (k *checker) at(path string, w where, key string, args ...any) {
	if k.src.isBad(path) {
		return
	}
	p := k.src.at(path)
	k.e.add(p.line, p.col, nil, w, key, args...)
}

// atKey reports a problem with the mapping key at path.
func (k *checker) atKey(path string, w where, key string, args ...any) {
	if k.src.isBad(path) {
		return
	}
	p := k.src.keyAt(path)
	k.e.add(p.line, p.col, nil, w, key, args...)
}

// text checks a required name: not empty, at most MaxNameLength
// characters (a catalogue path 4096), no control characters.
func (k *checker) text(path string, w where, name, s string) {
	if s == "" {
		k.at(join(path, name), w, "concepts.empty", name)
		return
	}
	most := MaxNameLength
	if name == "catalogue" {
		most = maxPathLength
	}
	k.str(path, w, name, s, most, false)
}

// count reports a list at path/name with more than most entries.
func (k *checker) count(path string, w where, name string, n, most int) {
	if n > most {
		k.at(join(path, name), w, "concepts.concept.too_many", name, n, most)
	}
}

// strconvItoa numbers a list entry in messages.
func strconvItoa(i int) string { return strconv.Itoa(i) }

// maxPathLength is the longest file reference (catalogue, price book).
const maxPathLength = 4096

// id checks an id and that it is unique among seen.
func (k *checker) id(path string, w where, id string, seen map[string]bool) {
	switch {
	case id == "":
		k.at(join(path, "id"), w, "concepts.id.empty")
	case !validID(id):
		k.at(join(path, "id"), w, "concepts.id.invalid", quoted(id))
	case seen[id]:
		k.at(join(path, "id"), w, "concepts.id.duplicate", quoted(id))
	}
	seen[id] = true
}

func validID(id string) bool {
	for _, r := range id {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// between checks lo <= d <= hi (either bound may be nil); why says what
// the value is, such as "a percentage from 0 to 100".
func (k *checker) between(path string, w where, name string, d decimal.Decimal, lo, hi *decimal.Decimal, why Part) {
	if (lo != nil && d.LessThan(*lo)) || (hi != nil && d.GreaterThan(*hi)) {
		k.at(join(path, name), w, "concepts.out_of_range_why", name, num(d), why)
	}
}

// percentage is the why of between for percentages.
var percentage = Part{Key: "concepts.why.percentage"}

func decimalPtr(i int64) *decimal.Decimal { d := decimal.NewFromInt(i); return &d }

// rng checks 0 <= low <= likely <= high; positive asks for 0 < low.
func (k *checker) rng(path string, w where, r Range, positive bool) {
	switch {
	case positive && !r.Low.IsPositive():
		k.at(path, w, "concepts.range.low_not_positive", num(r.Low))
	case r.Low.IsNegative():
		k.at(path, w, "concepts.range.low_negative", num(r.Low))
	}
	if r.Low.GreaterThan(r.Likely) {
		k.at(path, w, "concepts.range.low_above_likely", num(r.Low), num(r.Likely))
	}
	if r.Likely.GreaterThan(r.High) {
		k.at(path, w, "concepts.range.likely_above_high", num(r.Likely), num(r.High))
	}
}

// codes checks a map of NS 3451 codes to ranges.
func (k *checker) codes(path string, w where, name string, m map[string]Range) {
	for _, code := range sortedKeys(m) {
		p := join(path, name, code)
		ec := w.with(entryLabel(name, code))
		if !unitCodeRe.MatchString(code) {
			k.atKey(p, ec, "concepts.code.post_2_6", quoted(code))
			continue
		}
		k.rng(p, ec, m[code], false)
		lim := LimitRate
		if name == "fixed" {
			lim = LimitFixed
		}
		k.limitRange(p, ec, m[code], lim)
	}
}

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
		switch {
		case f.Name == "":
			k.at(join(fp, "name"), fc, "concepts.factor.name_empty")
		default:
			k.str(fp, fc, "name", f.Name, MaxNameLength, false)
		case seen[f.Name]:
			k.at(join(fp, "name"), fc, "concepts.factor.name_twice", quoted(f.Name))
		}
		seen[f.Name] = true
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
		switch {
		case r.Name == "":
			k.at(join(p, "name"), rc, "concepts.risk.name_empty")
		default:
			k.str(p, rc, "name", r.Name, MaxNameLength, false)
		case seen[r.Name]:
			k.at(join(p, "name"), rc, "concepts.risk.name_twice", quoted(r.Name))
		}
		seen[r.Name] = true
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
		switch {
		case v.Name == "":
			k.at(join(p, "name"), vc, "concepts.variant.name_empty")
		default:
			k.str(p, vc, "name", v.Name, MaxNameLength, false)
		case names[v.Name]:
			k.at(join(p, "name"), vc, "concepts.variant.name_twice", quoted(v.Name))
		}
		names[v.Name] = true
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
