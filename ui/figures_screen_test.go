package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decPtr(s string) *decimal.Decimal {
	d := dec(s)
	return &d
}

// figuresFixture is a hand-made estimate and its concept, so that the
// golden file changes only when the panel does.
func figuresFixture(simulated bool) (*concepts.Concept, *costing.Estimate) {
	storeys := 3
	c := &concepts.Concept{Name: "Testkonsept", Site: concepts.Site{
		AreaM2: dec("6200"),
		Zoning: &concepts.Zoning{MaxBYAPercent: decPtr("25"), MaxBRAPercent: decPtr("60"), MinMUAPerDwelling: decPtr("40"),
			MaxStoreys: &storeys, MinDwellingsPerDaa: decPtr("3")},
	}}
	e := &costing.Estimate{
		Concept: "Testkonsept", Variant: "A – 24 boliger", PriceLevel: "2026-11",
		Dwellings: 24, Persons: 90, ParkingSpaces: 29,
		Area:                  costing.Areas{BRA: dec("1954"), BYA: dec("1514")},
		Density:               costing.Density{BYAPercent: dec("24.419"), BRAPercent: dec("39.935"), DwellingsPerDaa: dec("3.871"), MUAPerDwelling: decPtr("157.75")},
		Totals:                costing.Totals{Kostnadsramme: dec("86576116")},
		PerDwelling:           costing.PerDwelling{Kostnadsramme: decPtr("3607338")},
		PerM2BRAKostnadsramme: decPtr("44307"),
		AffordableDwellings:   6,
		CarbonKgPerM2BRA:      decPtr("255.4"),
		// The checks' own wording is the checks' business (and tested
		// there): these messages go through a plain "%s: %s" text so that
		// the golden files change only when the panel does.
		Checks: []costing.Check{
			{ID: "zoning.bya", Status: costing.StatusPass, Key: "ui.error.in_line", Args: []any{"BYA", "24,4 % av tomta, innenfor grensen på 25 %"}},
			{ID: "zoning.storeys", Status: costing.StatusFail, Key: "ui.error.in_line", Args: []any{"Høyblokk", "5 etasjer, over grensen på 3 etasjer i reguleringsplanen"}},
			{ID: "husbanken.area", Status: costing.StatusWarn, Key: "ui.error.in_line", Args: []any{"Familiehus", "152 m² BRA, over Husbankens grense på 150 m²"}},
			{ID: "affordability", Status: costing.StatusInfo, Key: "ui.error.in_line", Args: []any{"Førstegangskjøpere", "6 av 24 boliger innenfor 3 000 000 kr"}},
		},
	}
	if simulated {
		e.P50, e.P85 = decPtr("92854929"), decPtr("96796806")
		e.Totals.Kostnadsramme = dec("96796806")
	}
	return c, e
}

func TestFiguresPanelMarkup(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		golden    string
		lang      string
		simulated bool
	}{
		{"figures_nb_simulating.xml", "nb", false},
		{"figures_nb.xml", "nb", true},
		{"figures_en.xml", "en", true},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			s := newFiguresScreen(i18n.New(tc.lang))
			c, e := figuresFixture(tc.simulated)
			s.SetEstimate(c, e, nil)
			s.SetSimulation(!tc.simulated, 0.4, 20000, nil)
			w := test.NewTempWindow(t, s.Content())
			w.Resize(fyne.NewSize(420, 900))
			test.AssertObjectRendersToMarkup(t, tc.golden, s.Content())
		})
	}
}

func TestFiguresPanelWithoutEstimate(t *testing.T) {
	test.NewTempApp(t)
	s := newFiguresScreen(i18n.New("nb"))
	s.SetEstimate(nil, nil, errTest)
	if got := s.values[figDwellings].Text; got != "–" {
		t.Errorf("dwellings = %q, want –", got)
	}
	if len(s.checks.Objects) != 1 {
		t.Errorf("the reason is not shown")
	}
}

var errTest = &concepts.Error{File: "x.yaml", Line: 3, Column: 5, Msg: "unit type \"x\" is not in the catalogue"}

// In the window the checks wait while the selected variant's simulation
// runs, and are laid out once it has ended.
func TestChecksWaitForSimulation(t *testing.T) {
	u := newTestUI(t) // no simulation: the estimate has no P50
	u.ed.afterFunc = func(_ time.Duration, f func()) func() { f(); return func() {} }
	calls := 0
	u.ed.simRunning = true
	u.laterChecks(func() { calls++ })
	if calls != 0 || len(u.ed.simWaiters) == 0 {
		t.Fatalf("laid out %d times while the simulation runs", calls)
	}
	u.ed.notify(changeSimulation) // still running
	if calls != 0 {
		t.Fatal("laid out before the simulation ended")
	}
	u.ed.simRunning = false
	u.ed.notify(changeSimulation)
	if calls != 1 || len(u.ed.simWaiters) > 0 {
		t.Errorf("laid out %d times after the simulation, want 1", calls)
	}
	u.laterChecks(func() { calls++ })
	if calls != 2 {
		t.Error("no simulation running, yet the checks waited")
	}
}

// While a simulation runs the status line says so from its start, as P50
// and P85 do; the progress bar shows only once progress is reported, and
// the status says the simulation is done when it has ended.
func TestSimulationStatusFromStart(t *testing.T) {
	test.NewTempApp(t)
	l := i18n.New("nb")
	s := newFiguresScreen(l)
	s.SetSimulation(false, 1, 20000, nil)
	done := s.status.Text
	if done != "Usikkerhet simulert med 20\u00a0000 trekk." {
		t.Fatalf("status after a simulation = %q", done)
	}
	s.SetSimulation(true, 0, 20000, nil)
	if got, want := s.status.Text, "Simulerer usikkerhet (20\u00a0000 trekk) …"; got != want {
		t.Errorf("status when a simulation starts = %q, want %q", got, want)
	}
	if s.progress.Visible() {
		t.Errorf("the progress bar shows before any progress is reported")
	}
	s.SetSimulation(true, 0.4, 20000, nil)
	if !s.progress.Visible() || s.progress.Value != 0.4 {
		t.Errorf("progress bar visible %v at %v, want visible at 0.4", s.progress.Visible(), s.progress.Value)
	}
	s.SetSimulation(false, 1, 20000, nil)
	if s.status.Text != done || s.progress.Visible() {
		t.Errorf("after the simulation: status %q, bar visible %v", s.status.Text, s.progress.Visible())
	}
}
