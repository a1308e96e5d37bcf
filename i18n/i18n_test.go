package i18n_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// TestLanguagesInStep checks that every language has the same keys and that
// each text takes the same fmt verbs in the same order, so that no argument
// is lost or misplaced in a translation.
func TestLanguagesInStep(t *testing.T) {
	// A verb may name its argument ("%[2]s"), so that a translation can
	// take the arguments in another order.
	verbs := regexp.MustCompile(`%(\[\d+\])?[-+# 0-9.]*[a-zA-Z%]`)
	index := regexp.MustCompile(`\[\d+\]`)
	// Every % starts %s, %q, %v (each perhaps indexed) or %% (a literal
	// percent sign).
	valid := regexp.MustCompile(`%%|%(\[\d+\])?[sqv]`)
	nb, err := i18n.Table("nb")
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range nb {
		// Arguments reach fmt already formatted as strings (ints grouped
		// as "1 234"), so a %d would print "%!d(string=…)".
		if rest := valid.ReplaceAllString(v, ""); strings.Contains(rest, "%") {
			t.Errorf("nb: %q has a stray %%; write a literal percent sign as %%%%", k)
		}
		for _, verb := range verbs.FindAllString(v, -1) {
			verb = index.ReplaceAllString(verb, "")
			if verb != "%s" && verb != "%q" && verb != "%v" && verb != "%%" {
				t.Errorf("nb: %q uses %s; use %%s (arguments arrive formatted)", k, verb)
			}
		}
	}
	for _, lang := range i18n.Languages[1:] {
		other, err := i18n.Table(lang)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range nb {
			o, ok := other[k]
			if !ok {
				t.Errorf("%s: key %q missing", lang, k)
				continue
			}
			if got, want := verbs.FindAllString(o, -1), verbs.FindAllString(v, -1); !slices.Equal(got, want) {
				t.Errorf("%s: %q takes %v, nb takes %v", lang, k, got, want)
			}
		}
		for k := range other {
			if _, ok := nb[k]; !ok {
				t.Errorf("%s: key %q is not in nb", lang, k)
			}
		}
	}
}

func TestFormats(t *testing.T) {
	d := decimal.RequireFromString
	nb, en := i18n.New("nb"), i18n.New("en")
	for _, tc := range []struct{ got, want string }{
		{nb.NOK(d("1234567")), "1\u00a0234\u00a0567\u00a0kr"},
		{nb.NOK(d("1234567.5")), "1\u00a0234\u00a0568\u00a0kr"}, // half away from zero
		{nb.NOK(d("-2.5")), "\u22123\u00a0kr"},                  // half away from zero, CLDR minus sign
		{en.NOK(d("1234567")), "NOK 1,234,567"},
		{nb.Percent(d("12.5"), 1), "12,5\u00a0%"},
		{nb.Percent(d("12.25"), 1), "12,3\u00a0%"},
		{en.Percent(d("12.5"), 1), "12.5%"},
		{nb.Percent(d("5"), 1), "5\u00a0%"},
		{nb.PercentFixed(d("5"), 1), "5,0\u00a0%"},
		{nb.PercentFixed(d("8.25"), 1), "8,3\u00a0%"}, // half away from zero
		{nb.PercentFixed(d("1234.5"), 2), "1\u00a0234,50\u00a0%"},
		{en.PercentFixed(d("5"), 1), "5.0%"},
		{en.PercentFixed(d("-0.04"), 1), "0.0%"}, // no minus sign on a rounded zero
		{nb.Number(d("0.125"), 2), "0,13"},       // decimal rounds half away from zero, not the float's half-even
		{nb.Fixed(d("12.5"), 2), "12,50"},
		{nb.Area(d("1234.56")), "1\u00a0234,6\u00a0m²"},
		{nb.List([]string{"a", "b", "c"}), "a, b og c"},
		{en.List([]string{"a", "b"}), "a and b"},
		{nb.T("post.10"), "Merverdiavgift"},
		{en.T("post.10"), "Value added tax"},
		{i18n.New("de").Lang(), "nb"},
		{nb.T("no.such.key"), "no.such.key"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
