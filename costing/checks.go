package costing

import (
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// Status is the outcome of a check.
type Status string

// The statuses of a check.
const (
	StatusPass Status = "pass"
	StatusWarn Status = "warn"
	StatusFail Status = "fail"
	StatusInfo Status = "info"
)

// The ids of the checks, in the order docs/RULES.md lists them.
const (
	CheckZoningBYA       = "zoning.bya"
	CheckZoningBRA       = "zoning.bra"
	CheckZoningMUA       = "zoning.mua"
	CheckZoningStoreys   = "zoning.storeys"
	CheckZoningDensity   = "zoning.density"
	CheckTEK17Lift       = "tek17.lift"
	CheckTEK17Accessible = "tek17.accessible"
	CheckTEK17Micro      = "tek17.micro"
	CheckHusbankenArea   = "husbanken.area"
	CheckAffordability   = "affordability"
	CheckEconomics       = "economics.households"
	CheckCompleteness    = "completeness"
	CheckPriceBookCover  = "pricebook.coverage"
	CheckPriceLevelMixed = "pricelevel.mixed"
)

// Check is the outcome of one rule of docs/RULES.md for a variant.
type Check struct {
	// ID is the check's stable id, such as "zoning.bya".
	ID string
	// Status is pass, warn, fail or info.
	Status Status
	// Key and Args give the message: a translation key and its arguments.
	Key  string
	Args []any
}

// Message returns the check's message in the locale's language.
func (c Check) Message(l *i18n.Locale) string { return l.T(c.Key, c.Args...) }

// Names is a check argument: unit type names, listed the locale's way
// ("a, b og c").
type Names []concepts.Text

// Format implements i18n.Formatter.
func (n Names) Format(l *i18n.Locale) string {
	s := make([]string, len(n))
	for i, t := range n {
		s[i] = t.In(l.Lang())
	}
	return l.List(s)
}

// DwellingsPerDaa is a check argument: a density, formatted with its noun
// in the right number ("1 bolig", "3,87 boliger").
type DwellingsPerDaa decimal.Decimal

// Format implements i18n.Formatter.
func (d DwellingsPerDaa) Format(l *i18n.Locale) string {
	v := decimal.Decimal(d)
	if v.Round(2).Equal(decimal.NewFromInt(1)) {
		return l.T("check.dwellings.one", l.Number(v, 2))
	}
	return l.T("check.dwellings.many", l.Number(v, 2))
}

// Offender is a unit type that breaks a rule, with the figures that break
// it: formatted as the translation Key with the name and then Args.
type Offender struct {
	Name concepts.Text
	Key  string
	Args []any
}

// Offenders is a check argument: offending unit types with their figures,
// listed the locale's way.
type Offenders []Offender

// Format implements i18n.Formatter.
func (o Offenders) Format(l *i18n.Locale) string {
	s := make([]string, len(o))
	for i, x := range o {
		s[i] = l.T(x.Key, append([]any{x.Name}, x.Args...)...)
	}
	return l.List(s)
}

func newCheck(id string, ok bool, broken Status, args ...any) Check {
	st, suffix := StatusPass, ".pass"
	if !ok {
		st, suffix = broken, "."+string(broken)
	}
	return Check{ID: id, Status: st, Key: "check." + id + suffix, Args: args}
}

// checks returns every check of docs/RULES.md that applies, in order.
// Lines with count 0 are not built and take part in no check.
func (e *Estimate) checks() []Check {
	z := e.model.zoning
	var out []Check
	dec := func(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

	// Zoning, compared exactly (cross-multiplied, not on the rounded figures).
	if z.MaxBYAPercent != nil {
		ok := e.Area.BYA.Mul(hundred).LessThanOrEqual(z.MaxBYAPercent.Mul(e.SiteArea))
		out = append(out, newCheck(CheckZoningBYA, ok, StatusFail, i18n.Pct(e.Density.BYAPercent), i18n.M2(e.Area.BYA), i18n.Pct(*z.MaxBYAPercent)))
	}
	if z.MaxBRAPercent != nil {
		bra := e.Area.BRA.Add(parkingSpace.Mul(dec(e.ParkingSpaces)))
		ok := bra.Mul(hundred).LessThanOrEqual(z.MaxBRAPercent.Mul(e.SiteArea))
		out = append(out, newCheck(CheckZoningBRA, ok, StatusFail, i18n.Pct(e.Density.BRAPercent), i18n.M2(bra), i18n.Pct(*z.MaxBRAPercent)))
	}
	if z.MinMUAPerDwelling != nil && e.Dwellings > 0 {
		mua := e.SiteArea.Sub(e.Area.BYA).Sub(e.PavedArea)
		ok := mua.GreaterThanOrEqual(z.MinMUAPerDwelling.Mul(dec(e.Dwellings)))
		out = append(out, newCheck(CheckZoningMUA, ok, StatusFail, i18n.M2(*e.Density.MUAPerDwelling), i18n.M2(*z.MinMUAPerDwelling)))
	}
	if z.MaxStoreys != nil {
		var offenders Names
		seen := map[string]bool{}
		highest := 0
		for _, l := range e.Lines {
			if l.Count == 0 {
				continue
			}
			highest = max(highest, l.Type.Storeys)
			if l.Type.Storeys > *z.MaxStoreys && !seen[l.Type.ID] {
				seen[l.Type.ID] = true
				offenders = append(offenders, l.Type.Name)
			}
		}
		if len(offenders) == 0 {
			out = append(out, newCheck(CheckZoningStoreys, true, StatusFail, highest, *z.MaxStoreys))
		} else {
			out = append(out, newCheck(CheckZoningStoreys, false, StatusFail, *z.MaxStoreys, offenders, highest))
		}
	}
	if z.MinDwellingsPerDaa != nil {
		ok := dec(e.Dwellings).Mul(thousand).GreaterThanOrEqual(z.MinDwellingsPerDaa.Mul(e.SiteArea))
		out = append(out, newCheck(CheckZoningDensity, ok, StatusFail, DwellingsPerDaa(e.Density.DwellingsPerDaa), *z.MinDwellingsPerDaa))
	}

	if c, ok := e.checkLift(); ok {
		out = append(out, c)
	}
	if c, ok := e.checkAccessible(); ok {
		out = append(out, c)
	}
	if c, ok := e.checkMicro(); ok {
		out = append(out, c)
	}
	if c, ok := e.checkHusbanken(); ok {
		out = append(out, c)
	}
	if e.Dwellings > 0 {
		share := dec(e.AffordableDwellings).Mul(hundred).DivRound(dec(e.Dwellings), densityPlaces)
		out = append(out, Check{ID: CheckAffordability, Status: StatusInfo, Key: "check.affordability.info",
			Args: []any{e.AffordableDwellings, e.Dwellings, i18n.Pct(share), i18n.NOK(e.FirstTimeBuyerLimit)}})
	}
	out = e.withEconomics(out)
	if c, ok := e.checkCompleteness(); ok {
		out = append(out, c)
	}
	if c, ok := e.checkPriceBookCoverage(); ok {
		out = append(out, c)
	}
	if c, ok := e.checkPriceLevelMixed(); ok {
		out = append(out, c)
	}
	if c, ok := e.checkTenderCriteria(); ok {
		out = append(out, c)
	}
	out = e.withLayout(out)
	return out
}

// dwellingLines calls f for every built dwelling line.
func (e *Estimate) dwellingLines(f func(l Line)) {
	for _, l := range e.Lines {
		if l.Count > 0 && l.Type.Kind == concepts.KindDwelling {
			f(l)
		}
	}
}

// addName appends t's name to n unless seen holds its id.
func addName(n Names, seen map[string]bool, t *concepts.UnitType) Names {
	if seen[t.ID] {
		return n
	}
	seen[t.ID] = true
	return append(n, t.Name)
}

// addOffender appends t to o with its figures (formatted by key), once per
// unit type.
func addOffender(o Offenders, seen map[string]bool, t *concepts.UnitType, key string, args ...any) Offenders {
	if seen[t.ID] {
		return o
	}
	seen[t.ID] = true
	return append(o, Offender{Name: t.Name, Key: key, Args: args})
}

// needsLift reports whether a dwelling of type ut stands in a building that
// needs a lift: a flat (or other non-småhus form) in 3 or more storeys.
// Småhus forms are exempt (TEK17 § 12-3 (3)).
func needsLift(ut *concepts.UnitType) bool {
	return (ut.Form == concepts.FormFlat || ut.Form == concepts.FormOther) && ut.Storeys >= liftStoreys
}

// checkLift: TEK17 § 12-3, a flat in a building of 3 or more storeys needs
// a lift; the message says when a lifting platform may do instead.
func (e *Estimate) checkLift() (Check, bool) {
	applies, covered := false, 0
	var offenders Offenders
	seen := map[string]bool{}
	e.dwellingLines(func(l Line) {
		if !needsLift(l.Type) {
			return
		}
		applies = true
		covered += l.Count
		if !l.Type.Lift {
			offenders = addOffender(offenders, seen, l.Type, "check.tek17.lift.offender", l.Type.Storeys)
		}
	})
	if !applies {
		return Check{}, false
	}
	if len(offenders) > 0 {
		return newCheck(CheckTEK17Lift, false, StatusFail, offenders, liftStoreys, liftPlatformDwellings), true
	}
	return newCheck(CheckTEK17Lift, true, StatusFail, covered), true
}

// checkAccessible applies TEK17 § 12-2 as docs/RULES.md words it:
//
//   - A dwelling must be accessible when its building needs a lift
//     (needsLift) or when it has one storey, all its main functions on
//     the entrance floor (a flat always has: it lies on one floor of its
//     building). Micro units are exempt. The check applies when the
//     variant builds at least one such dwelling.
//   - Exception (§ 12-2 (2)), counted over all the variant's lift
//     buildings together: of the dwellings there with BRA (BRA-i + BRA-e +
//     BRA-b) of at most 50 m², at least half, rounded up, must be
//     accessible; the larger ones must all be.
//   - Every other covered dwelling (one storey, no lift needed) must be
//     accessible.
func (e *Estimate) checkAccessible() (Check, bool) {
	applies := false
	small, smallOK := 0, 0 // small dwellings in lift buildings; of them accessible
	var offenders, smallNames Offenders
	seen, seenSmall := map[string]bool{}, map[string]bool{}
	e.dwellingLines(func(l Line) {
		ut := l.Type
		if ut.Form == concepts.FormMicro {
			return
		}
		lift := needsLift(ut)
		if !lift && dwellingStoreys(ut) != accessibleOneStorey {
			return
		}
		applies = true
		if lift && l.unitBRA.LessThanOrEqual(accessibleSmallBRA) {
			small += l.Count
			if ut.Accessible {
				smallOK += l.Count
			} else {
				smallNames = addOffender(smallNames, seenSmall, ut, "check.tek17.accessible.small", i18n.M2(l.unitBRA))
			}
			return
		}
		if ut.Accessible {
			return
		}
		if lift {
			offenders = addOffender(offenders, seen, ut, "check.tek17.accessible.offender_tall", ut.Storeys, i18n.M2(l.unitBRA))
		} else {
			offenders = addOffender(offenders, seen, ut, "check.tek17.accessible.offender_one", i18n.M2(l.unitBRA))
		}
	})
	if !applies {
		return Check{}, false
	}
	required := (small + accessibleSmallShare - 1) / accessibleSmallShare
	tooFew := smallOK < required
	switch {
	case tooFew && len(offenders) > 0:
		return Check{ID: CheckTEK17Accessible, Status: StatusFail, Key: "check.tek17.accessible.fail_both",
			Args: []any{offenders, smallNames, smallOK, small, required}}, true
	case tooFew:
		return Check{ID: CheckTEK17Accessible, Status: StatusFail, Key: "check.tek17.accessible.fail_half",
			Args: []any{smallNames, smallOK, small, required}}, true
	case len(offenders) > 0:
		return newCheck(CheckTEK17Accessible, false, StatusFail, offenders), true
	case small > 0:
		return Check{ID: CheckTEK17Accessible, Status: StatusPass, Key: "check.tek17.accessible.pass_exception",
			Args: []any{smallOK, small, required}}, true
	}
	return newCheck(CheckTEK17Accessible, true, StatusFail), true
}

// dwellingStoreys returns the storeys of the dwelling itself: 1 for a flat
// (it lies on one floor of its building), else its building's storeys.
func dwellingStoreys(ut *concepts.UnitType) int {
	if ut.Form == concepts.FormFlat {
		return 1
	}
	return ut.Storeys
}

// checkMicro: a micro unit has BRA <= 30 m² and one storey, so that the
// eased mikrohus rules apply.
func (e *Estimate) checkMicro() (Check, bool) {
	var used Names
	var offenders Offenders
	seen, seenOff := map[string]bool{}, map[string]bool{}
	for _, l := range e.Lines {
		ut := l.Type
		if l.Count == 0 || ut.Form != concepts.FormMicro {
			continue
		}
		used = addName(used, seen, ut)
		bra := l.unitBRA
		if (bra.GreaterThan(microMaxBRA) || ut.Storeys != 1) && !seenOff[ut.ID] {
			seenOff[ut.ID] = true
			offenders = append(offenders, Offender{Name: ut.Name, Key: "check.tek17.micro.offender", Args: []any{i18n.M2(bra), ut.Storeys}})
		}
	}
	if len(used) == 0 {
		return Check{}, false
	}
	if len(offenders) > 0 {
		return Check{ID: CheckTEK17Micro, Status: StatusWarn, Key: "check.tek17.micro.warn", Args: []any{offenders}}, true
	}
	return Check{ID: CheckTEK17Micro, Status: StatusInfo, Key: "check.tek17.micro.info", Args: []any{used}}, true
}

// husbankenCap returns Husbanken's BRA cap for the form (lån til
// boligkvalitet), or 0 when the form has none.
func husbankenCap(f concepts.Form) (decimal.Decimal, bool) {
	switch f {
	case concepts.FormFlat:
		return husbankenFlatMax, true
	case concepts.FormTerraced, concepts.FormSemiDetached:
		return husbankenSmallMax, true
	case concepts.FormDetached:
		return husbankenDetachedMax, true
	}
	return decimal.Decimal{}, false
}

// checkHusbanken: dwellings of a capped form within Husbanken's BRA caps.
func (e *Estimate) checkHusbanken() (Check, bool) {
	applies := false
	var offenders Offenders
	seen := map[string]bool{}
	e.dwellingLines(func(l Line) {
		limit, capped := husbankenCap(l.Type.Form)
		if !capped {
			return
		}
		applies = true
		bra := l.unitBRA
		if bra.GreaterThan(limit) && !seen[l.Type.ID] {
			seen[l.Type.ID] = true
			offenders = append(offenders, Offender{Name: l.Type.Name, Key: "check.husbanken.area.offender",
				Args: []any{i18n.M2(bra), i18n.M2(limit)}})
		}
	})
	if !applies {
		return Check{}, false
	}
	if len(offenders) > 0 {
		return newCheck(CheckHusbankenArea, false, StatusWarn, offenders), true
	}
	return newCheck(CheckHusbankenArea, true, StatusWarn, i18n.M2(husbankenFlatMax), i18n.M2(husbankenSmallMax), i18n.M2(husbankenDetachedMax)), true
}

// Failed returns the checks the variant breaks (status fail), in order.
func (e *Estimate) Failed() []Check {
	var out []Check
	for _, c := range e.Checks {
		if c.Status == StatusFail {
			out = append(out, c)
		}
	}
	return out
}
