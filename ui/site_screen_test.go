package ui

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// TestPriceLevelSelect chooses a month of the catalogue's cost index,
// sees the estimate priced at it, and undoes the choice.
func TestPriceLevelSelect(t *testing.T) {
	u := newTestUI(t)
	showTab(t, u, u.site.Content())
	cat := u.ed.catalogue()
	if cat.CostIndex == nil || len(cat.CostIndex.Values) < 2 {
		t.Fatal("the built-in catalogue has no cost index to choose from")
	}
	// Start from a concept without a price level: the catalogue's.
	u.ed.apply("", func(c *concepts.Concept) error { c.Assumptions.PriceLevel = ""; return nil })
	u.ed.hist.clear()
	sel := u.site.priceLevel.sel
	if got, want := sel.Selected, u.l.T("panel.site.price_level_catalogue", cat.PriceLevel); got != want {
		t.Fatalf("select shows %q, want %q", got, want)
	}
	// One option for the catalogue's level and one per month of the index.
	if got, want := len(sel.Options), 1+len(cat.CostIndex.Values); got != want {
		t.Errorf("%d options, want %d", got, want)
	}
	if !slices.IsSorted(sel.Options[1:]) {
		t.Errorf("months not in order: %v", sel.Options[1:])
	}
	before, _ := u.ed.estimate()
	month := sel.Options[len(sel.Options)-1]
	if month == cat.PriceLevel {
		t.Fatal("the index ends at the catalogue's own month")
	}
	sel.SetSelected(month)
	if got := u.ed.concept().Assumptions.PriceLevel; got != month {
		t.Fatalf("price level = %q, want %q", got, month)
	}
	after, err := u.ed.estimate()
	if err != nil {
		t.Fatal(err)
	}
	if after.PriceLevel != month {
		t.Errorf("estimate priced at %q, want %q", after.PriceLevel, month)
	}
	if got := u.figures.values[figPriceLevel].Text; got != month {
		t.Errorf("key figures show price level %q, want %q", got, month)
	}
	// Every rate is multiplied by index[month] / index[catalogue] > 1 (the
	// index rises), so posts 2-6 rise by that factor, rounded per row.
	f := cat.CostIndex.Values[month].Div(cat.CostIndex.Values[cat.PriceLevel])
	if !f.GreaterThan(decimal.NewFromInt(1)) {
		t.Fatalf("index factor %s, want above 1", f)
	}
	if !after.Totals.Huskostnad.GreaterThan(before.Totals.Huskostnad) {
		t.Errorf("huskostnad %s at %s is not above %s at %s", after.Totals.Huskostnad, month, before.Totals.Huskostnad, cat.PriceLevel)
	}
	if !u.ed.undo() {
		t.Fatal("the choice is not an undo step")
	}
	if got := u.ed.concept().Assumptions.PriceLevel; got != "" {
		t.Errorf("after undo the price level is %q, want none", got)
	}
	if got := sel.SelectedIndex(); got != 0 {
		t.Errorf("after undo the select shows option %d, want the catalogue's", got)
	}
	assertFigures(t, u)
}

// TestRiskListEdits adds, edits and removes an event risk, each one undo
// step, and checks that the risk moves P50 only through the simulation.
func TestRiskListEdits(t *testing.T) {
	u := newTestUI(t)
	r := u.site.risks
	n := len(u.ed.concept().Risks)
	if got := r.list.Length(); got != n {
		t.Fatalf("list has %d rows, the concept %d risks", got, n)
	}
	no := false
	k := concepts.Risk{Name: "Pumpestasjon", ProbabilityPercent: decimal.NewFromInt(30),
		Cost: concepts.Range{Low: decimal.NewFromInt(1), Likely: decimal.NewFromInt(2), High: decimal.NewFromInt(3)}, VAT: &no}
	if err := r.set(-1, k); err != nil {
		t.Fatal(err)
	}
	if got := u.ed.concept().Risks; len(got) != n+1 || got[n].Name != "Pumpestasjon" {
		t.Fatalf("risks after add: %+v", got)
	}
	if got := r.list.Length(); got != n+1 {
		t.Errorf("list has %d rows after add, want %d", got, n+1)
	}
	// "Pumpestasjon · 30,0 % · 1 / 2 / 3 kr uten mva"
	if got, want := r.rowText(u.ed.concept().Risks[n]), "Pumpestasjon · 30,0\u00a0% · 1 / 2 / 3 kr uten mva"; got != want {
		t.Errorf("row = %q, want %q", got, want)
	}
	k.Name = "Pumpestasjon, større"
	if err := r.set(n, k); err != nil {
		t.Fatal(err)
	}
	if got := u.ed.concept().Risks[n].Name; got != k.Name {
		t.Errorf("edited name = %q", got)
	}
	r.remove(n)
	if got := len(u.ed.concept().Risks); got != n {
		t.Errorf("%d risks after remove, want %d", got, n)
	}
	// Three steps back: before the add.
	for range 3 {
		if !u.ed.undo() {
			t.Fatal("a risk edit is not an undo step")
		}
	}
	if got := len(u.ed.concept().Risks); got != n {
		t.Errorf("%d risks after undoing all, want %d", got, n)
	}
	// Risks are not in basiskostnad (they enter the simulation only).
	assertFigures(t, u)
}

// TestRiskDialogRefusesWhatSavingRefuses opens the add dialog and types a
// probability over 100 % and a cost beyond the format's limit.
func TestRiskDialogRefusesWhatSavingRefuses(t *testing.T) {
	u := newTestUI(t)
	u.site.risks.showDialog(-1)
	var entries []*dialogEntry
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*dialogEntry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) != 5 {
		t.Fatalf("%d entries in the risk dialog, want 5", len(entries))
	}
	name, prob, high := entries[0], entries[1], entries[4]
	if strings.TrimSpace(name.Text) == "" {
		t.Error("a new risk has no name")
	}
	for _, tc := range []struct {
		e    *dialogEntry
		text string
		ok   bool
	}{
		{prob, "100", true},
		{prob, "100,5", false},
		{high, "100 000 000 000", true},
		{high, "100 000 000 001", false},
		{name, "", false},
		{name, strings.Repeat("x", concepts.MaxNameLength+1), false},
	} {
		tc.e.SetText(tc.text)
		if err := tc.e.Validate(); (err == nil) != tc.ok {
			t.Errorf("%q: err = %v, want ok %v", tc.text, err, tc.ok)
		}
	}
}

// A price level changed while the Tomt tab is hidden (by undo, say) is
// in its select once the tab is shown.
func TestSiteScreenCatchesUpWhenShown(t *testing.T) {
	u := newTestUI(t) // the Varianter tab is shown
	cat := u.ed.catalogue()
	months := slices.Sorted(maps.Keys(cat.CostIndex.Values))
	month := months[0]
	if month == u.ed.concept().Assumptions.PriceLevel {
		month = months[1]
	}
	if err := u.ed.apply("", func(c *concepts.Concept) error { c.Assumptions.PriceLevel = month; return nil }); err != nil {
		t.Fatal(err)
	}
	showTab(t, u, u.site.Content())
	if got := u.site.priceLevel.sel.Selected; got != month {
		t.Errorf("the select shows %q, want %q", got, month)
	}
}
