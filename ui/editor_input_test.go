package ui

import (
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

func TestInputsDecimal(t *testing.T) {
	nb, en := inputs{i18n.New("nb")}, inputs{i18n.New("en")}
	for _, tc := range []struct {
		in   inputs
		text string
		want string
		ok   bool
	}{
		{nb, "6200", "6200", true},
		{nb, "6 200", "6200", true},
		{nb, "6\u00a0200,5", "6200.5", true},
		{nb, "1,15", "1.15", true},
		{nb, "1.15", "1.15", true},
		{nb, "1,234.5", "1234.5", true},
		{nb, "2 500 000 kr", "2500000", true},
		{nb, "12,5 %", "12.5", true},
		{en, "NOK 1,234", "1234", true},
		{nb, "1,234", "1.234", true}, // a lone comma is the decimal mark
		{nb, "", "", false},
		{nb, "seks", "", false},
		{nb, "1e5", "", false},
		{nb, "1,2,3", "", false},
	} {
		got, err := tc.in.decimal(tc.text)
		if (err == nil) != tc.ok {
			t.Errorf("%q: err = %v, want ok %v", tc.text, err, tc.ok)
			continue
		}
		if tc.ok && got.String() != tc.want {
			t.Errorf("%q = %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestInputsTextRoundTrip(t *testing.T) {
	for _, lang := range i18n.Languages {
		in := inputs{i18n.New(lang)}
		for _, s := range []string{"0", "6200", "2500000", "1.15", "0.95", "12.50", "123456789.125", "0.0001"} {
			d := decimal.RequireFromString(s)
			text := in.text(d)
			back, err := in.decimal(text)
			if err != nil || !back.Equal(d) {
				t.Errorf("%s: %s → %q → %s (%v)", lang, s, text, back, err)
			}
		}
	}
	if got := (inputs{i18n.New("nb")}).text(decimal.NewFromInt(2500000)); got != "2\u00a0500\u00a0000" {
		t.Errorf("nb text = %q", got)
	}
}

func TestInputsLimits(t *testing.T) {
	in := inputs{i18n.New("nb")}
	// The window's fields take the format's limits: a value inside a
	// limit is taken, one beyond it is refused with the limit's message.
	for _, tc := range []struct {
		text string
		lim  concepts.Limit
		ok   bool
	}{
		{"100", concepts.LimitPercent, true},
		{"101", concepts.LimitPercent, false},
		{"0", concepts.LimitRegionalFactor, false}, // open at 0
		{"10", concepts.LimitRegionalFactor, true},
		{"10,01", concepts.LimitRegionalFactor, false},
		{"-1", concepts.LimitQuantity, false},
		{"0", concepts.LimitMaxBYA, false},
		{"1000", concepts.LimitMaxBRA, true},
		{"1000,5", concepts.LimitMaxBRA, false},
		{"11", concepts.LimitParking, false},
		{"100 000 001", concepts.LimitSiteArea, false},
	} {
		_, err := in.within(tc.text, tc.lim)
		if (err == nil) != tc.ok {
			t.Errorf("%q within %v: err = %v, want ok %v", tc.text, tc.lim, err, tc.ok)
		}
	}
	// 99 999 999 is beyond MaxCount (10 000): the message names the number
	// and the limit, formatted, and says it is too large.
	_, err := in.count("99999999")
	if err == nil || !strings.Contains(err.Error(), "99\u00a0999\u00a0999") || !strings.Contains(err.Error(), "10\u00a0000") {
		t.Errorf("count 99999999: err = %v, want one naming 99 999 999 and 10 000", err)
	}
	if n, err := in.count("10000"); err != nil || n != concepts.MaxCount {
		t.Errorf("count 10000 = %d, %v; want the largest count", n, err)
	}
	if d, err := in.optional(" ", in.limit(concepts.LimitPercent)); err != nil || d != nil {
		t.Errorf("empty optional = %v, %v; want none", d, err)
	}
	if _, err := in.count("2,5"); err == nil {
		t.Error("2,5 accepted as a count")
	}
	if n, err := in.count("12"); err != nil || n != 12 {
		t.Errorf("count 12 = %d, %v", n, err)
	}
	// A whole number reads back as its field shows it, grouped, in
	// either language.
	for _, tc := range []struct {
		lang, text string
		want       int
	}{{"en", "20,000", 20000}, {"en", "1,000,000", 1000000}, {"nb", "20\u00a0000", 20000}, {"nb", "20 000", 20000}} {
		n, err := (inputs{i18n.New(tc.lang)}).integer(tc.text, 0, 1000000)
		if err != nil || n != int64(tc.want) {
			t.Errorf("%s integer %q = %d, %v; want %d", tc.lang, tc.text, n, err, tc.want)
		}
	}
	if _, err := (inputs{i18n.New("en")}).integer("2,000,000", 0, 1000000); err == nil {
		t.Error("en 2,000,000 accepted above the limit 1,000,000")
	}
	if err := in.name("Solenga\x1b[31m", nil); err == nil {
		t.Error("a name with ESC accepted")
	}
	if err := in.name(strings.Repeat("å", concepts.MaxNameLength), nil); err != nil {
		t.Errorf("a name of %d characters refused: %v", concepts.MaxNameLength, err)
	}
	if err := in.name(strings.Repeat("å", concepts.MaxNameLength+1), nil); err == nil {
		t.Error("a name over the limit accepted")
	}
	if err := in.textWithin("linje 1\nlinje 2", concepts.MaxTextLength, true); err != nil {
		t.Errorf("a note with a line break refused: %v", err)
	}
	if _, err := (inputs{i18n.New("en")}).count("2.5"); err == nil {
		t.Error("en 2.5 accepted as a count")
	}
	for _, lang := range i18n.Languages {
		in := inputs{i18n.New(lang)}
		text := in.text(decimal.NewFromInt(20000))
		if n, err := in.integer(text, 0, 1000000); err != nil || n != 20000 {
			t.Errorf("%s: the field's own text %q does not read back: %d, %v", lang, text, n, err)
		}
	}
	if codes, err := in.codes("2, 3 31"); err != nil || len(codes) != 3 {
		t.Errorf("codes = %v, %v", codes, err)
	}
	for _, bad := range []string{"", "123", "x", "02"} {
		if _, err := in.codes(bad); err == nil {
			t.Errorf("codes %q accepted", bad)
		}
	}
	if in.date("2026-02-30") == nil || in.date("2026-11-27") != nil {
		t.Error("date check wrong")
	}
}

func TestFitColumnsWidths(t *testing.T) {
	f := &fitColumns{
		base: []float32{180, 150, 100, 100, 130, 40},
		min:  []float32{90, 150, 95, 85, 110, 40},
		flex: []bool{true, false, true, true, true, false},
	}
	sum := func(ws []float32) (s float32) {
		for _, w := range ws {
			s += w
		}
		return s
	}
	for _, width := range []float32{570, 577, 600, 700, 1000} {
		ws := f.widths(width)
		if got := sum(ws); got > width {
			t.Errorf("width %v: columns take %v (%v)", width, got, ws)
		}
		for i, w := range ws {
			if w < f.min[i] {
				t.Errorf("width %v: column %d is %v, below its minimum %v", width, i, w, f.min[i])
			}
		}
	}
	if got, want := sum(f.widths(400)), sum(f.min); got != want {
		t.Errorf("too narrow: columns take %v, want their minimums %v", got, want)
	}
}
