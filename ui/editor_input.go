package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

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

// nonNegative parses a number that is 0 or more.
func (in inputs) nonNegative(s string) (decimal.Decimal, error) {
	d, err := in.decimal(s)
	if err == nil && d.IsNegative() {
		err = errors.New(in.l.T("ui.error.negative"))
	}
	return d, err
}

// positive parses a number above 0.
func (in inputs) positive(s string) (decimal.Decimal, error) {
	d, err := in.decimal(s)
	if err == nil && !d.IsPositive() {
		err = errors.New(in.l.T("ui.error.not_positive"))
	}
	return d, err
}

// percent parses a percentage from 0 to 100.
func (in inputs) percent(s string) (decimal.Decimal, error) {
	d, err := in.nonNegative(s)
	if err == nil && d.GreaterThan(decimal.NewFromInt(100)) {
		err = errors.New(in.l.T("ui.error.percent_range"))
	}
	return d, err
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

// integer parses a whole number from lo to hi.
func (in inputs) integer(s string, lo, hi int64) (int64, error) {
	s = clean(s)
	if s == "" {
		return 0, errors.New(in.l.T("ui.error.required"))
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		// Grouped digits ("20,000" in English, as the field itself shows
		// the number) or a decimal.
		d, derr := in.decimal(s)
		if derr != nil {
			return 0, errors.New(in.l.T("ui.error.not_number"))
		}
		if !d.IsInteger() {
			return 0, errors.New(in.l.T("ui.error.not_whole"))
		}
		if d.LessThan(decimal.NewFromInt(lo)) || d.GreaterThan(decimal.NewFromInt(hi)) {
			return 0, errors.New(in.l.T("ui.error.range", int(lo), int(hi)))
		}
		n = d.IntPart()
	}
	if n < lo || n > hi {
		return 0, errors.New(in.l.T("ui.error.range", int(lo), int(hi)))
	}
	return n, nil
}

// count parses a unit count: a whole number of at least 1.
func (in inputs) count(s string) (int, error) {
	n, err := in.integer(s, 1, 100000)
	return int(n), err
}

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
