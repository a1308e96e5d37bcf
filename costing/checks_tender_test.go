package costing_test

import (
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// TestTenderCriteria: the check applies only with a tender section, passes
// at 100 in all with climate at least 30 %, and otherwise warns naming what
// is wrong, in both languages.
func TestTenderCriteria(t *testing.T) {
	crit := func(weights ...string) []concepts.AwardCriterion {
		var out []concepts.AwardCriterion
		for i, w := range weights {
			climate := strings.HasSuffix(w, "c")
			out = append(out, concepts.AwardCriterion{Name: concepts.Text{"nb": "K" + string(rune('1'+i))},
				Weight: d(strings.TrimSuffix(w, "c")), Climate: climate})
		}
		return out
	}
	type testCase struct {
		name     string
		weights  []string // "c" marks a climate criterion
		status   costing.Status
		nb, en   string // parts of the message
		notParts []string
	}
	for _, tc := range []testCase{
		// 60 + 30 + 10 = 100; climate 30 of 100 = 30,0 %: passes at the limit
		{"at the limit", []string{"60", "30c", "10"}, costing.StatusPass, "veier 30,0\u00a0%, minst de 30,0\u00a0%", "weigh 30.0%", nil},
		// 50 + 25 + 25 = 100; climate 25 % < 30 %
		{"too little climate", []string{"50", "25c", "25"}, costing.StatusWarn, "veier 25,0\u00a0%, under minstekravet på 30,0\u00a0%", "weigh 25.0%, below the minimum of 30.0%", []string{"summerer til"}},
		// 60 + 30 = 90 ≠ 100; climate 30/90 = 33,3 % ≥ 30 %
		{"sum 90", []string{"60", "30c"}, costing.StatusWarn, "vektene summerer til 90,0\u00a0%, ikke 100\u00a0%", "add up to 90.0%, not 100%", []string{"minstekravet"}},
		// no climate criterion at all, 100 in all: both parts? only climate
		{"no climate", []string{"70", "30"}, costing.StatusWarn, "veier 0,0\u00a0%", "weigh 0.0%", []string{"summerer til"}},
		// 12.5 + 57.5 + 30 = 100 exactly (decimals add exactly)
		{"decimal weights", []string{"12.5", "57.5", "30c"}, costing.StatusPass, "veier 30,0\u00a0%", "weigh 30.0%", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := checkProject(nil, u("flat3", 2))
			p.Concept.Tender = &concepts.Tender{Procedure: concepts.ProcedureOpen, Contract: concepts.ContractNS8407,
				Deadline: "2027-02-15", ValidUntil: "2027-05-15", AwardCriteria: crit(tc.weights...)}
			e := mustEstimate(t, p, 0)
			c := findCheck(e, costing.CheckTenderCriteria)
			if c == nil {
				t.Fatal("tender.criteria does not apply")
			}
			if c.Status != tc.status {
				t.Errorf("status %s, want %s", c.Status, tc.status)
			}
			nb, en := c.Message(i18n.New("nb")), c.Message(i18n.New("en"))
			if !strings.Contains(nb, tc.nb) || !strings.Contains(en, tc.en) {
				t.Errorf("messages\n%s\n%s\nwant %q and %q", nb, en, tc.nb, tc.en)
			}
			for _, not := range tc.notParts {
				if strings.Contains(nb, not) {
					t.Errorf("message %q has %q", nb, not)
				}
			}
			if last := e.Checks[len(e.Checks)-1]; last.ID != costing.CheckTenderCriteria {
				t.Errorf("tender.criteria is not the last check: %s", last.ID)
			}
		})
	}
	if c := findCheck(mustEstimate(t, checkProject(nil, u("flat3", 2)), 0), costing.CheckTenderCriteria); c != nil {
		t.Errorf("tender.criteria applies without a tender section: %+v", c)
	}
}

// TestDensityNoun: one dwelling per decare is singular, any other density
// plural ("Tettheten er 1 bolig per dekar", not "1 boliger").
func TestDensityNoun(t *testing.T) {
	type testCase struct{ v, nb, en string }
	for _, tc := range []testCase{
		{"1", "1 bolig", "1 dwelling"},
		{"1.001", "1 bolig", "1 dwelling"},
		{"0.67", "0,67 boliger", "0.67 dwellings"},
		{"3.87", "3,87 boliger", "3.87 dwellings"},
	} {
		dens := costing.DwellingsPerDaa(d(tc.v))
		if got := dens.Format(i18n.New("nb")); got != tc.nb {
			t.Errorf("%s: nb %q, want %q", tc.v, got, tc.nb)
		}
		if got := dens.Format(i18n.New("en")); got != tc.en {
			t.Errorf("%s: en %q, want %q", tc.v, got, tc.en)
		}
	}
}
