package concepts

import (
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Limit is the range one number of the formats must lie in. The limits are
// far beyond any housing project; they catch typing mistakes (an extra
// zero, a pasted account number) and keep every figure exact. The window
// checks its fields against the same values. docs/FORMATS.md, "Limits",
// lists them.
type Limit struct {
	Min, Max decimal.Decimal
	// Open says the value must be above Min, not equal to it.
	Open bool
	// Whole says the value must be a whole number.
	Whole bool
}

func closed(lo, hi int64) Limit {
	return Limit{Min: decimal.NewFromInt(lo), Max: decimal.NewFromInt(hi)}
}
func open(lo, hi int64) Limit {
	return Limit{Min: decimal.NewFromInt(lo), Max: decimal.NewFromInt(hi), Open: true}
}
func whole(lo, hi int64) Limit {
	return Limit{Min: decimal.NewFromInt(lo), Max: decimal.NewFromInt(hi), Whole: true}
}

// The limits of the numbers in the formats.
var (
	// LimitPercent is every percentage: 0 to 100.
	LimitPercent = closed(0, 100)
	// LimitSiteArea is site.area_m2: above 0, at most 100 km².
	LimitSiteArea = open(0, 100_000_000)
	// LimitPaved is site.paved_m2 (and at most area_m2).
	LimitPaved = closed(0, 100_000_000)
	// LimitLandCost is site.land_cost, NOK.
	LimitLandCost = closed(0, 100_000_000_000)
	// LimitMaxBYA is zoning.max_bya_percent.
	LimitMaxBYA = open(0, 100)
	// LimitMaxBRA is zoning.max_bra_percent.
	LimitMaxBRA = open(0, 1000)
	// LimitMinMUA is zoning.min_mua_per_dwelling, m².
	LimitMinMUA = closed(0, 1000)
	// LimitMinDensity is zoning.min_dwellings_per_daa.
	LimitMinDensity = closed(0, 100)
	// LimitParking is zoning.parking_per_dwelling.
	LimitParking = closed(0, 10)
	// LimitStoreys is a unit type's storeys and zoning.max_storeys.
	LimitStoreys = whole(1, MaxStoreys)
	// LimitRegionalFactor is assumptions.regional_factor.
	LimitRegionalFactor = open(0, 10)
	// LimitFirstTimeBuyer is assumptions.first_time_buyer_limit, NOK.
	LimitFirstTimeBuyer = open(0, 1_000_000_000)
	// LimitIterations is assumptions.simulation.iterations.
	LimitIterations = whole(0, MaxIterations)
	// LimitFactor is an uncertainty factor's low, likely and high.
	LimitFactor = open(0, 10)
	// LimitCount is a unit line's count.
	LimitCount = whole(1, MaxCount)
	// LimitQuantity is a site-item line's quantity.
	LimitQuantity = closed(0, 10_000_000)
	// LimitUnitArea is each area of a unit type, m² per unit.
	LimitUnitArea = closed(0, 100_000)
	// LimitRate is a rate per m² BTA or per unit of measure, NOK.
	LimitRate = closed(0, 10_000_000)
	// LimitFixed is a fixed amount per unit, NOK.
	LimitFixed = closed(0, 1_000_000_000)
	// LimitCarbon is carbon_kg_per_m2.
	LimitCarbon = closed(0, 100_000)
	// LimitRiskCost is an event risk's cost, NOK.
	LimitRiskCost = closed(0, 100_000_000_000)
	// LimitBedrooms is a unit type's bedrooms.
	LimitBedrooms = whole(0, 20)
	// LimitPersons is a unit type's persons.
	LimitPersons = whole(0, 50)
)

// Length limits of texts, in characters.
const (
	// MaxNameLength is the longest name, id or short text.
	MaxNameLength = 200
	// MaxTextLength is the longest sentence: a note, a summary, a requirement.
	MaxTextLength = 2000
	// MaxVariants is the most variants a concept may have.
	MaxVariants = 200
	// MaxLines is the most unit lines or site-item lines of one variant,
	// and the most uncertainty factors or risks of a concept.
	MaxLines = 500
)

// Contains reports whether d lies within the limit.
func (l Limit) Contains(d decimal.Decimal) bool {
	return l.problem(d) == limitOK
}

// What can be wrong with a number, as an index into limitKeys.
const (
	limitOK = iota
	limitTooLarge
	limitNotAbove
	limitTooSmall
	limitNotWhole
)

// limitKeys are the message keys of each problem: for a value alone (the
// window's fields), for a named field, and for a value of a range.
var limitKeys = [...][3]string{
	limitTooLarge: {"concepts.limit.too_large", "concepts.limit.too_large_field", "concepts.limit.too_large_range"},
	limitNotAbove: {"concepts.limit.not_above", "concepts.limit.not_above_field", ""},
	limitTooSmall: {"concepts.limit.too_small", "concepts.limit.too_small_field", "concepts.limit.too_small_range"},
	limitNotWhole: {"concepts.limit.not_whole", "concepts.limit.not_whole_field", "concepts.limit.not_whole_range"},
}

// problem returns what is wrong with d, or limitOK.
func (l Limit) problem(d decimal.Decimal) int {
	switch {
	case d.GreaterThan(l.Max):
		return limitTooLarge
	case l.Open && !d.GreaterThan(l.Min):
		return limitNotAbove
	case d.LessThan(l.Min):
		return limitTooSmall
	case l.Whole && !d.IsInteger():
		return limitNotWhole
	}
	return limitOK
}

// Check returns nil when d lies within the limit, else an *Error whose
// message says what is wrong in the user's words ("for stort tall: høyst
// 10 000"), for the window's fields.
func (l Limit) Check(d decimal.Decimal) error {
	pr := l.problem(d)
	if pr == limitOK {
		return nil
	}
	return newError("", 0, 0, nil, nil, limitKeys[pr][0], num(d), num(l.Min), num(l.Max))
}

// limit reports a value at path outside its limit, naming the field.
func (k *checker) limit(path string, w where, name string, d decimal.Decimal, l Limit) {
	if pr := l.problem(d); pr != limitOK {
		k.at(join(path, name), w, limitKeys[pr][1], name, num(d), num(l.Min), num(l.Max))
	}
}

// limitRange checks low, likely and high of a range against l.
func (k *checker) limitRange(path string, w where, r Range, l Limit) {
	for _, v := range []decimal.Decimal{r.Low, r.Likely, r.High} {
		if pr := l.problem(v); pr != limitOK && limitKeys[pr][2] != "" {
			k.at(path, w, limitKeys[pr][2], num(v), num(l.Min), num(l.Max))
			return
		}
	}
}

// str checks a text: at most max characters and no control characters
// (a line break is allowed where multiline is true).
func (k *checker) str(path string, w where, name, s string, max int, multiline bool) {
	if n := utf8.RuneCountInString(s); n > max {
		k.at(join(path, name), w, "concepts.text.too_long", name, n, max)
		return
	}
	for _, r := range s {
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t' || r == '\r')) {
			k.at(join(path, name), w, "concepts.text.control", name, quoted(string(r)))
			return
		}
	}
}

// strText checks every language of a Text as str does.
func (k *checker) strText(path string, w where, name string, t Text, max int) {
	for _, lang := range sortedKeys(t) {
		k.str(join(path, name), w, lang, t[lang], max, false)
	}
}
