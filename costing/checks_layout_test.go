package costing

import (
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
)

// mustEstimate loads the concept at path and estimates variant i without
// simulation.
func mustEstimate(tb testing.TB, path string, i int) *Estimate {
	tb.Helper()
	p, err := concepts.LoadProject(path, concepts.LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	m, err := Compile(p, i)
	if err != nil {
		tb.Fatal(err)
	}
	return m.Estimate()
}

// layoutChecks returns the estimate's layout.* checks by id, and their ids
// in order.
func layoutChecks(e *Estimate) (map[string]Check, []string) {
	out := map[string]Check{}
	var ids []string
	for _, c := range e.Checks {
		if len(c.ID) > 7 && c.ID[:7] == "layout." {
			out[c.ID] = c
			ids = append(ids, c.ID)
		}
	}
	return out, ids
}

// TestLayoutChecks_Independent compares the layout checks with the hand
// calculation in app/testdata/independent/layout.yaml.
func TestLayoutChecks_Independent(t *testing.T) {
	e := mustEstimate(t, "../app/testdata/independent/layout.yaml", 0)
	checks, ids := layoutChecks(e)
	want := []string{CheckLayoutInside, CheckLayoutBoundary, CheckLayoutSpacing, CheckLayoutUnits, CheckLayoutArea, CheckLayoutBYA}
	if len(ids) != len(want) {
		t.Fatalf("layout checks %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("layout checks %v, want %v", ids, want)
		}
	}
	if last := e.Checks[len(e.Checks)-1]; last.ID != CheckLayoutBYA {
		t.Errorf("last check %s, want %s", last.ID, CheckLayoutBYA)
	}
	nb := i18n.New("nb")
	type testCase struct {
		id     string
		status Status
		msg    string
	}
	for _, tt := range []testCase{
		{CheckLayoutInside, StatusFail, "Står utenfor tomta eller på tomtegrensen: Lager. Flytt dem inn på tomta."},
		{CheckLayoutBoundary, StatusWarn, "Hus 2 står 2,0\u00a0m fra tomtegrensen og Mikrotun står 1,9\u00a0m fra tomtegrensen; minst 4\u00a0m (plan- og bygningsloven § 29-4), med mindre kommunen samtykker eller planen sier noe annet."},
		{CheckLayoutSpacing, StatusWarn, "Hus 3 og Hus 4 står 5,6\u00a0m fra hverandre; minst 8\u00a0m (TEK17 § 11-6), ellers må brannspredning hindres med brannvegg eller andre tiltak."},
		{CheckLayoutUnits, StatusWarn, "Situasjonsplanen stemmer ikke med enhetsmiksen: Mikrohus: 2 plassert, 3 i enhetsmiksen."},
		{CheckLayoutArea, StatusPass, "Tomtegrensen omslutter 10\u00a0800\u00a0m²; tomtearealet er 10\u00a0600\u00a0m² (avvik 1,9\u00a0%, høyst 2,0\u00a0%)."},
		{CheckLayoutBYA, StatusInfo, "Fotavtrykkene på situasjonsplanen dekker 724\u00a0m² (bygninger 524\u00a0m², parkering 200\u00a0m²); kalkylens BYA er 462\u00a0m² (bygninger 462\u00a0m², parkering 0\u00a0m² for 0 plasser)."},
	} {
		c := checks[tt.id]
		if c.Status != tt.status {
			t.Errorf("%s: status %s, want %s", tt.id, c.Status, tt.status)
		}
		if got := c.Message(nb); got != tt.msg {
			t.Errorf("%s:\n got %q\nwant %q", tt.id, got, tt.msg)
		}
	}

	sp := SitePlanOf(e)
	if len(sp.Breaches) != 3 {
		t.Fatalf("breaches %+v", sp.Breaches)
	}
	// The spacing breach's line runs from Hus 3's corner to Hus 4's edge.
	b := sp.Breaches[2]
	if b.A != 2 || b.B != 3 || !near(b.Line.Dist, 5.607695154586736) || !near(b.Line.A.X, 70.39230484541326) || !near(b.Line.B.X, 76) || !near(b.Line.B.Y, 36) {
		t.Errorf("spacing breach %+v", b)
	}
	for i, want := range []bool{false, true, true, true, true, true, false} {
		if sp.Rects[i].Breach != want {
			t.Errorf("%s: breach %v, want %v", sp.Rects[i].Label, sp.Rects[i].Breach, want)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestLayoutChecks_OnlyWithLayout: a variant without a layout gets none of
// the layout checks, even with a boundary.
func TestLayoutChecks_OnlyWithLayout(t *testing.T) {
	p, err := concepts.LoadProject("../app/testdata/independent/layout.yaml", concepts.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.Concept.Variants[0].Layout = nil
	m, err := Compile(p, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ids := layoutChecks(m.Estimate()); len(ids) != 0 {
		t.Errorf("layout checks without a layout: %v", ids)
	}
	if SitePlanOf(m.Estimate()) != nil {
		t.Error("a site plan without a layout")
	}
}
