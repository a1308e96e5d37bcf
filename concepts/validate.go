package concepts

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
)

// Bounds the validation enforces beyond DESIGN.md's invariants; they catch
// typing mistakes (an extra zero) and are documented in docs/FORMATS.md.
const (
	// MaxIterations is the most simulation iterations a concept may ask for.
	MaxIterations = 1_000_000
	// MaxCount is the largest count of one unit type in a variant.
	MaxCount = 10_000
	// MaxStoreys is the most storeys a unit type's building may have.
	MaxStoreys = 50
)

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

// at reports a problem with the value at path.
func (k *checker) at(path, c, format string, args ...any) {
	if k.src.isBad(path) {
		return
	}
	p := k.src.at(path)
	k.e.add(p.line, p.col, nil, ctx(c, fmt.Sprintf(format, args...)))
}

// atKey reports a problem with the mapping key at path.
func (k *checker) atKey(path, c, format string, args ...any) {
	if k.src.isBad(path) {
		return
	}
	p := k.src.keyAt(path)
	k.e.add(p.line, p.col, nil, ctx(c, fmt.Sprintf(format, args...)))
}

func (k *checker) text(path, c, name, s string) {
	if s == "" {
		k.at(join(path, name), c, "%s is empty; give it a value", name)
	}
}

// id checks an id and that it is unique among seen.
func (k *checker) id(path, c, id string, seen map[string]bool) {
	switch {
	case id == "":
		k.at(join(path, "id"), c, "id is empty; give it a short name such as \"solenga-2r\"")
	case !validID(id):
		k.at(join(path, "id"), c, "id %q may not contain spaces or control characters; use letters, digits and -", id)
	case seen[id]:
		k.at(join(path, "id"), c, "id %q is used twice; ids must be unique", id)
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

// between checks lo <= d <= hi (either bound may be nil).
func (k *checker) between(path, c, name string, d decimal.Decimal, lo, hi *decimal.Decimal, why string) {
	if (lo != nil && d.LessThan(*lo)) || (hi != nil && d.GreaterThan(*hi)) {
		k.at(join(path, name), c, "%s %s is out of range: %s", name, d, why)
	}
}

func decimalPtr(i int64) *decimal.Decimal { d := decimal.NewFromInt(i); return &d }

// rng checks 0 <= low <= likely <= high; positive asks for 0 < low.
func (k *checker) rng(path, c string, r Range, positive bool) {
	switch {
	case positive && !r.Low.IsPositive():
		k.at(path, c, "low %s must be above 0", r.Low)
	case r.Low.IsNegative():
		k.at(path, c, "low %s is below 0; ranges need 0 <= low <= likely <= high", r.Low)
	}
	if r.Low.GreaterThan(r.Likely) {
		k.at(path, c, "low %s is above likely %s", r.Low, r.Likely)
	}
	if r.Likely.GreaterThan(r.High) {
		k.at(path, c, "likely %s is above high %s", r.Likely, r.High)
	}
}

// codes checks a map of NS 3451 codes to ranges.
func (k *checker) codes(path, c, name string, m map[string]Range) {
	for _, code := range sortedKeys(m) {
		p := join(path, name, code)
		ec := ctx(c, entryLabel(name, code))
		if !unitCodeRe.MatchString(code) {
			k.atKey(p, ec, "%q is not an NS 3451 code for posts 2-6: use one or two digits starting with 2-6, such as \"2\" or \"31\"", code)
			continue
		}
		k.rng(p, ec, m[code], false)
	}
}

// Validate checks every rule of the catalogue format (DESIGN.md section 3)
// and returns all problems as an ErrorList, or nil. A catalogue decoded
// from a file reports positions; one built in memory reports paths only.
func (c *Catalogue) Validate() error {
	return c.check().err()
}

func (c *Catalogue) check() *errs {
	k := newChecker(c.src)
	k.text("", "", "name", c.Name)
	if c.Currency == "" {
		k.at("currency", "", "currency is empty; write NOK")
	} else if len(c.Currency) != 3 {
		k.at("currency", "", "currency %q is not a three-letter code such as NOK", c.Currency)
	}
	if !monthRe.MatchString(c.PriceLevel) {
		k.at("price_level", "", "price_level %q is not a month YYYY-MM, such as 2025-06", c.PriceLevel)
	}
	k.between("", "", "vat_percent", c.VATPercent, decimalPtr(0), &hundred, "a percentage from 0 to 100")
	if len(c.Families) == 0 {
		k.at("families", "", "families is empty; a catalogue needs at least one family")
	}
	seen := map[string]bool{}
	for i, f := range c.Families {
		p, fc := join("families", i), itemLabel("families", f.ID, i)
		k.id(p, fc, f.ID, seen)
		k.text(p, fc, "name", f.Name)
		if f.Setting != SettingUrban && f.Setting != SettingRural {
			k.at(join(p, "setting"), fc, "setting %q is not urban or rural", f.Setting)
		}
	}
	if len(c.UnitTypes) == 0 {
		k.at("unit_types", "", "unit_types is empty; a catalogue needs at least one unit type")
	}
	seen = map[string]bool{}
	for i := range c.UnitTypes {
		c.checkUnitType(k, i, seen)
	}
	seen = map[string]bool{}
	for i, s := range c.SiteItems {
		p, sc := join("site_items", i), itemLabel("site_items", s.ID, i)
		k.id(p, sc, s.ID, seen)
		if s.Name.In("nb") == "" {
			k.at(join(p, "name"), sc, "name is empty; give it a name such as {nb: Adkomstvei, en: Access road}")
		}
		if !accountRe.MatchString(s.Account) {
			k.at(join(p, "account"), sc, "account %q is not an NS 3451 code under 7 (two digits, such as \"76\") or \"8\" or \"9\"", s.Account)
		}
		if !validUnit(s.Unit) {
			k.at(join(p, "unit"), sc, "unit %q is not one of m, m2, piece, dwelling, parking, site_m2, bra_m2", s.Unit)
		}
		k.rng(join(p, "rate"), ctx(sc, "rate"), s.Rate, false)
	}
	seen = map[string]bool{}
	for i, m := range c.Municipalities {
		p, mc := join("municipalities", i), itemLabel("municipalities", m.ID, i)
		k.id(p, mc, m.ID, seen)
		k.text(p, mc, "name", m.Name)
		items := map[string]bool{}
		for j, id := range m.Items {
			ip := join(p, "items", j)
			si := c.SiteItem(id)
			switch {
			case items[id]:
				k.at(ip, mc, "items: %q is listed twice", id)
			case si == nil:
				k.at(ip, mc, "items: site item %q is not in the catalogue", id)
			case !si.Unit.Derived():
				k.at(ip, mc, "items: site item %q is priced per %s, but a municipality's items get derived quantities: use a unit of dwelling, parking, site_m2 or bra_m2", id, si.Unit)
			}
			items[id] = true
		}
	}
	return k.e
}

func (c *Catalogue) checkUnitType(k *checker, i int, seen map[string]bool) {
	u := &c.UnitTypes[i]
	p, uc := join("unit_types", i), itemLabel("unit_types", u.ID, i)
	k.id(p, uc, u.ID, seen)
	if u.Family == "" {
		k.at(join(p, "family"), uc, "family is empty; name one of the catalogue's families")
	} else if c.Family(u.Family) == nil {
		k.at(join(p, "family"), uc, "family %q is not in the catalogue's families", u.Family)
	}
	switch u.Kind {
	case KindDwelling, KindShared, KindOutbuilding:
	default:
		k.at(join(p, "kind"), uc, "kind %q is not dwelling, shared or outbuilding", u.Kind)
	}
	switch u.Form {
	case FormFlat, FormDetached, FormSemiDetached, FormTerraced, FormMicro, FormOther:
	default:
		k.at(join(p, "form"), uc, "form %q is not flat, detached, semi_detached, terraced, micro or other", u.Form)
	}
	if u.Name.In("nb") == "" {
		k.at(join(p, "name"), uc, "name is empty; give it a name such as {nb: 2-roms leilighet, en: One-bedroom flat}")
	}
	if u.Bedrooms < 0 || u.Bedrooms > 20 {
		k.at(join(p, "bedrooms"), uc, "bedrooms %d is out of range 0 to 20", u.Bedrooms)
	}
	if u.Persons < 0 || u.Persons > 50 {
		k.at(join(p, "persons"), uc, "persons %d is out of range 0 to 50", u.Persons)
	} else if u.Kind == KindDwelling && u.Persons == 0 {
		k.at(join(p, "persons"), uc, "persons is 0; a dwelling houses at least 1 person")
	}
	if u.Storeys < 1 || u.Storeys > MaxStoreys {
		k.at(join(p, "storeys"), uc, "storeys %d is out of range 1 to %d", u.Storeys, MaxStoreys)
	}
	ap, ac := join(p, "area"), ctx(uc, "area")
	a := u.Area
	for _, f := range []struct {
		name string
		v    decimal.Decimal
	}{{"bra_i", a.BRAi}, {"bra_e", a.BRAe}, {"bra_b", a.BRAb}, {"tba", a.TBA}, {"bta", a.BTA}, {"bya", a.BYA}} {
		if f.v.IsNegative() {
			k.at(join(ap, f.name), ac, "%s %s is below 0", f.name, f.v)
		}
	}
	if u.Kind == KindDwelling && !a.BRAi.IsPositive() && !a.BRAi.IsNegative() {
		k.at(join(ap, "bra_i"), ac, "bra_i is 0; a dwelling needs an internal usable area above 0")
	}
	if a.BRA().GreaterThan(a.BTA) && !k.src.isBad(join(ap, "bta")) {
		k.at(join(ap, "bta"), ac, "BRA %s (bra_i + bra_e + bra_b) is above bta %s; BRA cannot exceed BTA", a.BRA(), a.BTA)
	}
	k.codes(p, uc, "rates", u.Rates)
	k.codes(p, uc, "fixed", u.Fixed)
	if len(u.Rates)+len(u.Fixed) == 0 && !k.src.isBad(join(p, "rates")) {
		k.at(join(p, "rates"), uc, "rates is empty; give at least one rate such as \"2\": [17000, 19000, 23000]")
	}
	if u.CarbonKgPerM2 != nil && u.CarbonKgPerM2.IsNegative() {
		k.at(join(p, "carbon_kg_per_m2"), uc, "carbon_kg_per_m2 %s is below 0", u.CarbonKgPerM2)
	}
}

func validUnit(u Unit) bool {
	switch u {
	case UnitM, UnitM2, UnitPiece, UnitDwelling, UnitParking, UnitSiteM2, UnitBRAM2:
		return true
	}
	return false
}

// Validate checks the price book on its own (DESIGN.md section 3b): codes
// and ranges. Whether the catalogue has what it names is checked by
// (*Project).Validate.
func (pb *PriceBook) Validate() error {
	return pb.check(nil).err()
}

// check validates the price book, and against cat when it is not nil.
func (pb *PriceBook) check(cat *Catalogue) *errs {
	k := newChecker(pb.src)
	k.text("", "", "name", pb.Name)
	if !monthRe.MatchString(pb.PriceLevel) {
		k.at("price_level", "", "price_level %q is not a month YYYY-MM, such as 2026-11", pb.PriceLevel)
	}
	for _, id := range sortedKeys(pb.UnitTypes) {
		e := pb.UnitTypes[id]
		p, uc := join("unit_types", id), entryLabel("unit_types", id)
		k.codes(p, uc, "rates", e.Rates)
		k.codes(p, uc, "fixed", e.Fixed)
		if cat == nil {
			continue
		}
		ut := cat.UnitType(id)
		if ut == nil {
			k.atKey(p, uc, "is not a unit type of catalogue %q; check the spelling", cat.Name)
			continue
		}
		for _, code := range sortedKeys(e.Rates) {
			if _, ok := ut.Rates[code]; !ok && unitCodeRe.MatchString(code) {
				k.atKey(join(p, "rates", code), ctx(uc, entryLabel("rates", code)), "the catalogue has no rate for this code for the unit type; a price book can only replace rates (codes: %s)", codeList(ut.Rates))
			}
		}
		for _, code := range sortedKeys(e.Fixed) {
			if _, ok := ut.Fixed[code]; !ok && unitCodeRe.MatchString(code) {
				k.atKey(join(p, "fixed", code), ctx(uc, entryLabel("fixed", code)), "the catalogue has no fixed amount for this code for the unit type; a price book can only replace fixed amounts (codes: %s)", codeList(ut.Fixed))
			}
		}
	}
	for _, id := range sortedKeys(pb.SiteItems) {
		p, sc := join("site_items", id), entryLabel("site_items", id)
		k.rng(join(p, "rate"), ctx(sc, "rate"), pb.SiteItems[id].Rate, false)
		if cat != nil && cat.SiteItem(id) == nil {
			k.atKey(p, sc, "is not a site item of catalogue %q; check the spelling", cat.Name)
		}
	}
	return k.e
}

func codeList(m map[string]Range) string {
	if len(m) == 0 {
		return "none"
	}
	s := ""
	for i, c := range sortedKeys(m) {
		if i > 0 {
			s += ", "
		}
		s += strconv.Quote(c)
	}
	return s
}

// Validate checks every rule of the concept format on its own (DESIGN.md
// section 4). References to the catalogue are checked by
// (*Project).Validate.
func (c *Concept) Validate() error {
	return c.check(nil).err()
}

// check validates the concept, and its references against cat when cat is
// not nil.
func (c *Concept) check(cat *Catalogue) *errs {
	k := newChecker(c.src)
	k.text("", "", "name", c.Name)
	k.text("", "", "catalogue", c.Catalogue)
	k.text("", "", "municipality", c.Municipality)
	k.text("revision", "revision", "id", c.Revision.ID)
	if !dateRe.MatchString(c.Revision.Date) {
		k.at("revision/date", "revision", "date %q is not a date YYYY-MM-DD, such as 2026-11-27", c.Revision.Date)
	} else if _, err := time.Parse(time.DateOnly, c.Revision.Date); err != nil {
		k.at("revision/date", "revision", "date %q is not a real date", c.Revision.Date)
	}
	s := c.Site
	if !s.AreaM2.IsPositive() {
		k.at("site/area_m2", "site", "area_m2 %s must be above 0", s.AreaM2)
	}
	if s.PavedM2.IsNegative() {
		k.at("site/paved_m2", "site", "paved_m2 %s is below 0", s.PavedM2)
	} else if s.AreaM2.IsPositive() && s.PavedM2.GreaterThan(s.AreaM2) {
		k.at("site/paved_m2", "site", "paved_m2 %s is above the site's area_m2 %s", s.PavedM2, s.AreaM2)
	}
	if s.LandCost.IsNegative() {
		k.at("site/land_cost", "site", "land_cost %s is below 0", s.LandCost)
	}
	if z := s.Zoning; z != nil {
		p, zc := "site/zoning", "site: zoning"
		pct := func(name string, d *decimal.Decimal, hi decimal.Decimal) {
			if d != nil && (!d.IsPositive() || d.GreaterThan(hi)) {
				k.at(join(p, name), zc, "%s %s is out of range: above 0 and at most %s", name, d, hi)
			}
		}
		pct("max_bya_percent", z.MaxBYAPercent, hundred)
		pct("max_bra_percent", z.MaxBRAPercent, thousand)
		nonNeg := func(name string, d *decimal.Decimal, hi decimal.Decimal) {
			if d != nil && (d.IsNegative() || d.GreaterThan(hi)) {
				k.at(join(p, name), zc, "%s %s is out of range 0 to %s", name, d, hi)
			}
		}
		nonNeg("min_mua_per_dwelling", z.MinMUAPerDwelling, thousand)
		nonNeg("min_dwellings_per_daa", z.MinDwellingsPerDaa, hundred)
		nonNeg("parking_per_dwelling", z.ParkingPerDwelling, ten)
		if z.MaxStoreys != nil && (*z.MaxStoreys < 1 || *z.MaxStoreys > MaxStoreys) {
			k.at(join(p, "max_storeys"), zc, "max_storeys %d is out of range 1 to %d", *z.MaxStoreys, MaxStoreys)
		}
	}
	c.checkAssumptions(k)
	c.checkVariants(k, cat)
	if cat != nil && c.Municipality != "" && cat.Municipality(c.Municipality) == nil {
		k.at("municipality", "", "municipality %q is not in catalogue %q (it has %s)", c.Municipality, cat.Name, municipalityList(cat))
	}
	return k.e
}

func municipalityList(cat *Catalogue) string {
	if len(cat.Municipalities) == 0 {
		return "none"
	}
	s := ""
	for i, m := range cat.Municipalities {
		if i > 0 {
			s += ", "
		}
		s += m.ID
	}
	return s
}

func (c *Concept) checkAssumptions(k *checker) {
	a := &c.Assumptions
	p, ac := "assumptions", "assumptions"
	k.between(p, ac, "common_costs_percent", a.CommonCostsPercent, decimalPtr(0), &hundred, "a percentage from 0 to 100")
	k.between(p, ac, "general_costs_percent", a.GeneralCostsPercent, decimalPtr(0), &hundred, "a percentage from 0 to 100")
	k.between(p, ac, "price_adjustment_percent", a.PriceAdjustmentPercent, decimalPtr(0), &hundred, "a percentage from 0 to 100")
	if !a.RegionalFactor.IsPositive() || a.RegionalFactor.GreaterThan(ten) {
		k.at(join(p, "regional_factor"), ac, "regional_factor %s is out of range: above 0 and at most 10 (1 means no adjustment)", a.RegionalFactor)
	}
	if !a.FirstTimeBuyerLimit.IsPositive() {
		k.at(join(p, "first_time_buyer_limit"), ac, "first_time_buyer_limit %s must be above 0", a.FirstTimeBuyerLimit)
	}
	if a.Simulation.Iterations < 0 || a.Simulation.Iterations > MaxIterations {
		k.at(join(p, "simulation", "iterations"), ctx(ac, "simulation"), "iterations %d is out of range 0 to %d (0 turns the simulation off)", a.Simulation.Iterations, MaxIterations)
	}
	names := map[string]bool{}
	for i, f := range a.UncertaintyFactors {
		fp, fc := join(p, "uncertainty_factors", i), ctx(ac, itemLabel("uncertainty_factors", f.Name, i))
		switch {
		case f.Name == "":
			k.at(join(fp, "name"), fc, "name is empty; give the factor a name")
		case names[f.Name]:
			k.at(join(fp, "name"), fc, "name %q is used twice; factor names must be unique", f.Name)
		}
		names[f.Name] = true
		if len(f.AppliesTo) == 0 {
			k.at(join(fp, "applies_to"), fc, "applies_to is empty; list the codes it multiplies, such as [\"2\", \"3\"]")
		}
		for j, code := range f.AppliesTo {
			if !factorRe.MatchString(code) {
				k.at(join(fp, "applies_to", j), fc, "applies_to: %q is not an NS 3451 code of posts 2-9 (one or two digits, such as \"2\" or \"76\")", code)
			}
		}
		k.rng(join(fp, "range"), ctx(fc, "range"), f.Range, true)
		if f.Range.High.GreaterThan(ten) {
			k.at(join(fp, "range"), ctx(fc, "range"), "high %s is above 10; a factor multiplies rates (1 means no change)", f.Range.High)
		}
	}
}

func (c *Concept) checkVariants(k *checker, cat *Catalogue) {
	if len(c.Variants) == 0 {
		k.at("variants", "", "variants is empty; a concept needs at least one variant")
	}
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
		p, vc := join("variants", i), itemLabel("variants", v.Name, i)
		switch {
		case v.Name == "":
			k.at(join(p, "name"), vc, "name is empty; give the variant a name")
		case names[v.Name]:
			k.at(join(p, "name"), vc, "name %q is used twice; variant names must be unique", v.Name)
		}
		names[v.Name] = true
		if len(v.Units) == 0 {
			k.at(join(p, "units"), vc, "units is empty; a variant needs at least one unit line such as {type: solenga-2r, count: 12}")
		}
		types := map[string]bool{}
		for j, u := range v.Units {
			up, uc := join(p, "units", j), ctx(vc, itemLabel("units", u.Type, j))
			switch {
			case u.Type == "":
				k.at(join(up, "type"), uc, "type is empty; name a unit type of the catalogue")
			case types[u.Type]:
				k.at(join(up, "type"), uc, "unit type %q is listed twice in the variant; add the counts together", u.Type)
			case cat != nil && cat.UnitType(u.Type) == nil:
				k.at(join(up, "type"), uc, "unit type %q is not in catalogue %q; check the spelling", u.Type, cat.Name)
			}
			types[u.Type] = true
			if u.Count < 1 || u.Count > MaxCount {
				k.at(join(up, "count"), uc, "count %d is out of range 1 to %d", u.Count, MaxCount)
			}
		}
		items := map[string]bool{}
		for j, s := range v.SiteItems {
			sp, sc := join(p, "site_items", j), ctx(vc, itemLabel("site_items", s.Item, j))
			if s.Quantity != nil && s.Quantity.IsNegative() {
				k.at(join(sp, "quantity"), sc, "quantity %s is below 0", s.Quantity)
			}
			switch {
			case s.Item == "":
				k.at(join(sp, "item"), sc, "item is empty; name a site item of the catalogue")
				continue
			case items[s.Item]:
				k.at(join(sp, "item"), sc, "site item %q is listed twice in the variant; keep one line", s.Item)
				continue
			}
			items[s.Item] = true
			if cat == nil {
				continue
			}
			si := cat.SiteItem(s.Item)
			switch {
			case si == nil:
				k.at(join(sp, "item"), sc, "site item %q is not in catalogue %q; check the spelling", s.Item, cat.Name)
			case muni[s.Item]:
				k.at(join(sp, "item"), sc, "site item %q is already added to every variant by municipality %q; remove this line", s.Item, c.Municipality)
			case s.Quantity == nil && !si.Unit.Derived():
				k.at(sp, sc, "needs a quantity: it is priced per %s, such as {item: %s, quantity: 120}", si.Unit, s.Item)
			}
		}
		if v.PriceBook != "" && !k.src.isBad(join(p, "pricebook")) && len(v.PriceBook) > 4096 {
			k.at(join(p, "pricebook"), vc, "pricebook path is too long")
		}
	}
}
