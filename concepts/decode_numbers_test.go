package concepts

import (
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/i18n"
)

// TestDecodeCountSizes checks the whole numbers of a count however they
// are written: a whole number with a point or an exponent is a whole
// number, and one beyond what a whole number may be is "too large", not
// "not a whole number", with the bound written the language's way.
func TestDecodeCountSizes(t *testing.T) {
	con := MustRead(t, "concept.yaml")
	const at = "count: 12} # twelve" // line 31, the value at column 35
	decode := func(v string) (*Concept, error) {
		return DecodeConcept("k.yaml", []byte(edit(t, con, at, "count: "+v+"} # twelve")))
	}
	// Written with a point or an exponent, a whole number reads as one.
	for v, want := range map[string]int{"12.0": 12, "1e1": 10, "1.2e1": 12, "12": 12} {
		c, err := decode(v)
		if err != nil || c.Variants[0].Units[0].Count != want {
			t.Errorf("count %s: %v, want %d", v, err, want)
		}
	}
	// 1e12 is the same count as 1000000000000, with the same message (the
	// count's own range, from validation), never "needs a whole number".
	_, plain := decode("1000000000000")
	_, exp := decode("1e12")
	if p, e := Errors(plain), Errors(exp); len(p) != 1 || len(e) != 1 || p[0].Msg != e[0].Msg || e[0].Line != 31 || e[0].Column != 35 {
		t.Errorf("1e12: got\n%v\nwant as 1000000000000:\n%v", exp, plain)
	}
	if strings.Contains(Localize(exp, i18n.New("nb")), "heltall") {
		t.Errorf("1e12 called no whole number: %s", Localize(exp, i18n.New("nb")))
	}
	// 2⁴⁰ = 1 099 511 627 776 is the largest whole number the decoder takes.
	for _, tc := range []struct{ v, en, nb string }{
		{"1e13", "number too large: at most 1099511627776", "for stort tall: høyst 1\u00a0099\u00a0511\u00a0627\u00a0776"},
		{"1099511627777", "number too large: at most 1099511627776", "for stort tall: høyst 1\u00a0099\u00a0511\u00a0627\u00a0776"},
		// Beyond int64, YAML calls it a float.
		{"99999999999999999999", "number too large: at most 1099511627776", "for stort tall: høyst 1\u00a0099\u00a0511\u00a0627\u00a0776"},
		{"1e1000000000", "number too large: at most 1099511627776", "for stort tall: høyst 1\u00a0099\u00a0511\u00a0627\u00a0776"},
		{strings.Repeat("9", 150), "number too large: at most 1099511627776", "for stort tall: høyst 1\u00a0099\u00a0511\u00a0627\u00a0776"},
		{"-1e13", "number too small: at least -1099511627776", "for lite tall: minst −1\u00a0099\u00a0511\u00a0627\u00a0776"},
		{"2.5", "needs a whole number, not 2.5", "trenger et heltall, ikke 2,5"},
	} {
		_, err := decode(tc.v)
		l := Errors(err)
		if len(l) != 1 || l[0].Line != 31 || l[0].Column != 35 {
			t.Errorf("count %s: want one error at 31:35, got\n%v", tc.v, err)
			continue
		}
		if want := `variant "A - 24 boliger": unit "solenga-2r": count: ` + tc.en; l[0].Msg != want {
			t.Errorf("count %s:\n got %s\nwant %s", tc.v, l[0].Msg, want)
		}
		if got := l[0].Text(i18n.New("nb")); !strings.HasSuffix(got, ": count: "+tc.nb) {
			t.Errorf("count %s in Norwegian: %s, want it to end %q", tc.v, got, "count: "+tc.nb)
		}
	}
}

// TestDecodeNumberDigits checks a decimal field with more digits than any
// amount needs, and one written with an exponent.
func TestDecodeNumberDigits(t *testing.T) {
	con := MustRead(t, "concept.yaml")
	for _, tc := range []struct{ v, en, nb string }{
		{strings.Repeat("9", 41), "too many digits: at most 40", "for mange sifre: høyst 40"},
		{"1" + strings.Repeat("0", 20) + "." + strings.Repeat("5", 20), "too many digits: at most 40", "for mange sifre: høyst 40"},
		{"2.5e6", `write the number in digits, with a decimal point if needed, without an exponent: not "2.5e6"`,
			"skriv tallet med sifre og eventuelt desimalpunktum, uten eksponent: ikke «2.5e6»"},
	} {
		_, err := DecodeConcept("k.yaml", []byte(edit(t, con, "  land_cost: 2500000\n", "  land_cost: "+tc.v+"\n")))
		if !hasError(err, 10, 14, "site: land_cost: "+tc.en) {
			t.Errorf("land_cost %s: got %v", tc.v, err)
			continue
		}
		if got := Errors(err)[0].Text(i18n.New("nb")); !strings.HasSuffix(got, tc.nb) {
			t.Errorf("land_cost %s in Norwegian: %s", tc.v, got)
		}
	}
	c, err := DecodeConcept("k.yaml", []byte(edit(t, con, "  land_cost: 2500000\n", "  land_cost: "+strings.Repeat("9", 40)+"\n")))
	if err == nil || c != nil {
		// 40 digits decode; validation then refuses the amount.
		if l := Errors(err); len(l) == 0 || strings.Contains(l[0].Msg, "digits") {
			t.Errorf("40 digits: %v", err)
		}
	}
}

// TestYAMLProblems checks that what the YAML parser finds wrong reaches
// the user in words of the language, with the line, never in the parser's
// English.
func TestYAMLProblems(t *testing.T) {
	const head = "format: bokonsept/concept@1\n"
	for _, tc := range []struct {
		name, body string
		line       int
		key        string
		nb         string
	}{
		{"deep", "name: " + strings.Repeat("[", 10001) + "\n", 0, "concepts.yaml.depth",
			"feil i YAML-syntaksen: for dypt nøstet: mer enn 10\u00a0000 nivåer inne i hverandre; en Bokonsept-fil trenger bare noen få"},
		{"control character", "name: a\x1bb\n", 0, "concepts.yaml.control",
			"feil i YAML-syntaksen: kontrolltegn (som ESC) er ikke tillatt i filen; fjern dem"},
		{"at sign", "name: @x\n", 2, "concepts.yaml.token", ""},
		{"colon", "name: a: b\n", 2, "concepts.yaml.colon_here", ""},
		{"open list", "name: x\nsite: {area_m2: [1, 2}\n", 3, "concepts.yaml.flow_list", ""},
		{"unknown alias", "name: *x\n", 0, "concepts.yaml.unknown_anchor",
			"feil i YAML-syntaksen: aliaset *x viser til et anker som ikke finnes; Bokonsept-filer bruker ikke YAML-ankere og -alias: skriv verdien ut"},
		{"escape", "name: \"a\\qb\"\n", 2, "concepts.yaml.escape", ""},
		{"open quote", "name: \"abc\n", 2, "concepts.yaml.end", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeConcept("k.yaml", []byte(head+tc.body))
			l := Errors(err)
			if len(l) != 1 || l[0].Key != "concepts.syntax.yaml" || len(l[0].Args) != 1 {
				t.Fatalf("want one YAML syntax error, got\n%v", err)
			}
			p, ok := l[0].Args[0].(Part)
			if !ok || p.Key == "concepts.yaml.other" || tc.key != "" && p.Key != tc.key {
				t.Errorf("problem %v, want %s: %v", l[0].Args[0], tc.key, err)
			}
			if tc.line != 0 && l[0].Line != tc.line {
				t.Errorf("line %d, want %d: %v", l[0].Line, tc.line, err)
			}
			if tc.nb != "" {
				if got := l[0].Text(i18n.New("nb")); got != tc.nb {
					t.Errorf("Norwegian:\n got %s\nwant %s", got, tc.nb)
				}
			}
			checkLocalized(t, err)
		})
	}
}

// TestYAMLProblemKeys checks that every problem the parser can report has
// its text in every language, and that an unknown one keeps its words.
func TestYAMLProblemKeys(t *testing.T) {
	for _, lang := range i18n.Languages {
		l := i18n.New(lang)
		for _, p := range yamlProblems {
			if !l.Has(p.key) {
				t.Errorf("%s: no text for %s", lang, p.key)
			}
		}
	}
	if p := yamlProblem("something new"); p.Key != "concepts.yaml.other" || p.String() != "the YAML reader says: something new" {
		t.Errorf("unknown problem: %v", p)
	}
	if p := yamlProblem("exceeded max depth of 10000"); p.Key != "concepts.yaml.depth" || p.Format(i18n.New("nb")) != "for dypt nøstet: mer enn 10\u00a0000 nivåer inne i hverandre; en Bokonsept-fil trenger bare noen få" {
		t.Errorf("depth: %v", p)
	}
}
