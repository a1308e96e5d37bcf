package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// An edit of one variant compiles that variant again and keeps the other
// variants' models; an edit of what every variant shares (the site)
// compiles them all. Every estimate equals the engine's, computed afresh.
func TestRecomputeOnlyChangedVariants(t *testing.T) {
	u := newTestUI(t)
	if len(u.ed.models) < 3 {
		t.Fatalf("the sample has %d variants, want at least 3", len(u.ed.models))
	}
	before := append(u.ed.models[:0:0], u.ed.models...)
	if err := u.ed.setCount(0, u.ed.variant().Units[0].Count+1); err != nil {
		t.Fatal(err)
	}
	if u.ed.models[0] == before[0] {
		t.Error("the edited variant was not compiled again")
	}
	for i := 1; i < len(before); i++ {
		if u.ed.models[i] != before[i] {
			t.Errorf("variant %d was compiled again, though only variant 1 changed", i+1)
		}
	}
	assertEngineEstimates(t, u)

	// The site is every variant's: all are compiled again.
	before = append(before[:0], u.ed.models...)
	if err := u.ed.apply("", func(c *concepts.Concept) error {
		c.Site.AreaM2 = c.Site.AreaM2.Add(decimal.NewFromInt(100))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i := range before {
		if u.ed.models[i] == before[i] {
			t.Errorf("variant %d kept its model after the site changed", i+1)
		}
	}
	assertEngineEstimates(t, u)

	// Undo gives back the concept before: the estimates are the engine's again.
	u.onUndo()
	u.onUndo()
	assertEngineEstimates(t, u)
}

// assertEngineEstimates checks every variant's kostnadsramme against the
// engine's, compiled from the project as it is now.
func assertEngineEstimates(t *testing.T, u *mainUI) {
	t.Helper()
	for i := range u.ed.estimates {
		got, want := u.ed.estimates[i], engineEstimate(t, u, i)
		if got == nil || !got.Totals.Kostnadsramme.Equal(want.Totals.Kostnadsramme) || got.Dwellings != want.Dwellings {
			t.Errorf("variant %d: window's estimate %v, engine's kostnadsramme %s", i+1, got, want.Totals.Kostnadsramme)
		}
	}
}

// A number typed quickly is simulated once, for its last value: every
// keystroke shows its key figures at once, but the simulation waits for
// the next keystroke (the timer here fires only when the test says so).
func TestTypingSimulatesOnce(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	posted := make(chan func(), 10000)
	u := newMainUI(a, w, "test", func(f func()) { posted <- f })
	u.recoveryDir = t.TempDir()
	w.SetContent(u.content)
	u.openInitial("")
	pump := func() {
		deadline := time.After(60 * time.Second)
		for u.ed.simRunning {
			select {
			case f := <-posted:
				f()
			case <-deadline:
				t.Fatal("the simulation did not finish in 60 s")
			}
		}
	}
	pump()
	type timer struct {
		f       func()
		stopped bool
	}
	var timers []*timer
	u.ed.afterFunc = func(_ time.Duration, f func()) func() {
		tm := &timer{f: f}
		timers = append(timers, tm)
		return func() { tm.stopped = true }
	}
	cached := len(u.ed.dists)
	for _, n := range []int{1, 12, 120} {
		if err := u.ed.setCount(0, n); err != nil {
			t.Fatal(err)
		}
		assertFigures(t, u)
		if !u.ed.simRunning {
			t.Errorf("count %d: the window does not say the simulation is coming", n)
		}
	}
	if len(timers) != 3 || !timers[0].stopped || !timers[1].stopped || timers[2].stopped {
		t.Fatalf("timers: %d, want 3 of which the first two stopped", len(timers))
	}
	if len(u.ed.dists) != cached {
		t.Fatalf("simulated before the last keystroke's timer: %d cached, want %d", len(u.ed.dists), cached)
	}
	timers[2].f()
	pump()
	if got := len(u.ed.dists); got != cached+1 {
		t.Errorf("%d simulations after typing 120, want 1", got-cached)
	}
	e, _ := u.ed.estimate()
	if e == nil || e.P50 == nil || e.Dwellings != engineEstimate(t, u, 0).Dwellings {
		t.Errorf("after the simulation: %+v", e)
	}
	// A step (the + button) is no keystroke: it simulates at once.
	u.ed.breakMerge()
	if err := u.ed.apply("", func(c *concepts.Concept) error { c.Variants[0].Units[0].Count++; return nil }); err != nil {
		t.Fatal(err)
	}
	if len(timers) != 3 {
		t.Error("a step waited for a keystroke")
	}
	pump()
	if got := len(u.ed.dists); got != cached+2 {
		t.Errorf("%d simulations after the step, want 2", got-cached)
	}
	u.ed.stop()
}
