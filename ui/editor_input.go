package ui

import (
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// inputs parses what users type into fields, in Norwegian or English
// notation ("1 234,5", "1,234.5", "1234.5"), with messages in the locale.
// Parsing text is not computing figures: every figure still comes from the
// engine.
type inputs struct {
	l *i18n.Locale
}

// clean removes grouping spaces and a trailing unit the field already names.
func clean(s string) string {
	s = strings.TrimSpace(s)
	s = strings.NewReplacer("\u00a0", "", "\u202f", "", " ", "", "\u2212", "-").Replace(s)
	for _, suffix := range []string{"kr", "%", "m²", "m2"} {
		s = strings.TrimSuffix(s, suffix)
	}
	return strings.TrimPrefix(s, "NOK")
}

// decimal parses a number. In bokmål a comma is the decimal mark unless the
// text also has a point; in English, and beside a point, commas group thousands.
func (in inputs) decimal(s string) (decimal.Decimal, error) {
	s = clean(s)
	if s == "" {
		return decimal.Zero, errors.New(in.l.T("ui.error.required"))
	}
	if strings.Contains(s, ".") || in.l.Lang() == "en" {
		s = strings.ReplaceAll(s, ",", "")
	} else {
		s = strings.Replace(s, ",", ".", 1)
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != '-' {
			return decimal.Zero, errors.New(in.l.T("ui.error.not_number"))
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero, errors.New(in.l.T("ui.error.not_number"))
	}
	return d, nil
}

// within parses a number that lies within lim, one of the format's limits
// (concepts.Limit*), so that the window takes exactly what saving takes;
// the message says what is wrong in the user's words ("99 999 er for
// stort tall: høyst 10 000").
func (in inputs) within(s string, lim concepts.Limit) (decimal.Decimal, error) {
	d, err := in.decimal(s)
	if err != nil {
		return d, err
	}
	if err := lim.Check(d); err != nil {
		return d, errors.New(concepts.Localize(err, in.l))
	}
	return d, nil
}

// limit returns a parser of numbers within lim.
func (in inputs) limit(lim concepts.Limit) func(string) (decimal.Decimal, error) {
	return func(s string) (decimal.Decimal, error) { return in.within(s, lim) }
}

// optional parses an optional limit: empty means none (nil).
func (in inputs) optional(s string, parse func(string) (decimal.Decimal, error)) (*decimal.Decimal, error) {
	if clean(s) == "" {
		return nil, nil
	}
	d, err := parse(s)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// integer parses a whole number from lo to hi (the seed, which the
// format does not bound but an int64 does).
func (in inputs) integer(s string, lo, hi int64) (int64, error) {
	d, err := in.decimal(s)
	if err != nil {
		return 0, err
	}
	if !d.IsInteger() {
		return 0, errors.New(in.l.T("ui.error.not_whole"))
	}
	if d.LessThan(decimal.NewFromInt(lo)) || d.GreaterThan(decimal.NewFromInt(hi)) {
		return 0, errors.New(in.l.T("ui.error.range", int(lo), int(hi)))
	}
	return d.IntPart(), nil
}

// whole parses a whole number within lim (a limit of whole numbers, far
// inside int).
func (in inputs) whole(s string, lim concepts.Limit) (int, error) {
	d, err := in.within(s, lim)
	if err != nil {
		return 0, err
	}
	if !d.IsInteger() {
		return 0, errors.New(in.l.T("ui.error.not_whole"))
	}
	return int(d.IntPart()), nil
}

// count parses a unit count: a whole number within concepts.LimitCount.
func (in inputs) count(s string) (int, error) { return in.whole(s, concepts.LimitCount) }

// text formats a number for an entry in the locale's notation with all its
// decimals: "6 200", "2 500 000", "1,15" (bokmål) or "1.15" (English).
// Every text it gives parses back to the same number.
func (in inputs) text(d decimal.Decimal) string {
	places := max(0, -d.Exponent())
	s := in.l.Number(d, places)
	if back, err := in.decimal(s); err != nil || !back.Equal(d) {
		// Beyond float precision: the plain decimal, with the locale's mark.
		s = d.String()
		if in.l.Lang() == "nb" {
			s = strings.Replace(s, ".", ",", 1)
		}
	}
	return s
}

// optText formats an optional number for an entry ("" for none).
func (in inputs) optText(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return in.text(*d)
}

// date checks a date written YYYY-MM-DD.
func (in inputs) date(s string) error {
	if _, err := time.Parse(time.DateOnly, strings.TrimSpace(s)); err != nil {
		return errors.New(in.l.T("ui.error.date"))
	}
	return nil
}

// codes parses a list of NS 3451 codes ("2, 3, 31"): one or two digits each.
func (in inputs) codes(s string) ([]string, error) {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		if len(f) > 2 || strings.Trim(f, "0123456789") != "" || f[0] == '0' {
			return nil, errors.New(in.l.T("ui.error.codes", f))
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, errors.New(in.l.T("ui.error.required"))
	}
	return out, nil
}

// decimalInt returns n as a decimal.
func decimalInt(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

// riskProbability parses a risk's probability in percent.
func (in inputs) riskProbability(s string) (decimal.Decimal, error) {
	return in.within(s, concepts.LimitPercent)
}

// riskCost parses one of a risk's costs in NOK.
func (in inputs) riskCost(s string) (decimal.Decimal, error) {
	return in.within(s, concepts.LimitRiskCost)
}

// textWithin checks a text as the format does: at most max characters and
// no control characters (line breaks and tabs allowed where multiline).
func (in inputs) textWithin(s string, max int, multiline bool) error {
	if n := utf8.RuneCountInString(s); n > max {
		return errors.New(in.l.T("panel.error.too_long", n, max))
	}
	for _, r := range s {
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t' || r == '\r')) {
			return errors.New(in.l.T("panel.error.control"))
		}
	}
	return nil
}

// name checks a required name as the format does: not empty, at most
// concepts.MaxNameLength characters, no control characters, and not taken
// (taken may be nil).
func (in inputs) name(s string, taken func(string) bool) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return errors.New(in.l.T("ui.error.required"))
	}
	if err := in.textWithin(s, concepts.MaxNameLength, false); err != nil {
		return err
	}
	if taken != nil && taken(s) {
		return errors.New(in.l.T("panel.error.name_taken", s))
	}
	return nil
}
