package ui

import (
	"testing"

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
	if _, err := in.percent("101"); err == nil {
		t.Error("101 % accepted")
	}
	if _, err := in.positive("0"); err == nil {
		t.Error("0 accepted as positive")
	}
	if _, err := in.nonNegative("-1"); err == nil {
		t.Error("-1 accepted as non-negative")
	}
	if d, err := in.optional(" ", in.percent); err != nil || d != nil {
		t.Errorf("empty optional = %v, %v; want none", d, err)
	}
	if _, err := in.count("2,5"); err == nil {
		t.Error("2,5 accepted as a count")
	}
	if n, err := in.count("12"); err != nil || n != 12 {
		t.Errorf("count 12 = %d, %v", n, err)
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
