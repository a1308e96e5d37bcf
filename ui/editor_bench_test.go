package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// largestSample returns the built-in sample with the most unit lines.
func largestSample(tb testing.TB) string {
	tb.Helper()
	best, lines := "", -1
	for _, s := range samples() {
		p, _, err := loadSample(s.file)
		if err != nil {
			tb.Fatal(err)
		}
		n := 0
		for _, v := range p.Concept.Variants {
			n += len(v.Units) + len(v.SiteItems)
		}
		if n > lines {
			best, lines = s.file, n
		}
	}
	return best
}

// newBenchUI opens the largest sample in a test window.
func newBenchUI(b *testing.B) *mainUI {
	b.Helper()
	a := test.NewTempApp(b)
	w := test.NewTempWindow(b, nil)
	u := newMainUI(a, w, "bench", func(f func()) {})
	u.ed.simulateEnabled = false
	u.recoveryDir = b.TempDir()
	w.SetContent(u.content)
	w.Resize(fyne.NewSize(1600, 1000))
	p, data, err := loadSample(largestSample(b))
	if err != nil {
		b.Fatal(err)
	}
	u.setProject(p, data, true)
	return u
}

// BenchmarkEditToFigures measures one edit, typed into the unit mix's count
// entry, up to refreshed key figures, on the largest sample. The target is
// at most 16 ms (one frame at 60 Hz). The background simulation is left
// out: it runs on other goroutines and does not hold up the labels.
func BenchmarkEditToFigures(b *testing.B) {
	u := newBenchUI(b)
	entry := func() *tableCell {
		for _, o := range rendered(u.variants.mix) {
			if c, ok := o.(*tableCell); ok && c.row == 0 && c.countBox.Visible() {
				return c
			}
		}
		b.Fatal("no count cell")
		return nil
	}()
	counts := []string{"7", "8"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		entry.count.SetText(counts[i%2])
	}
	b.StopTimer()
	want := u.l.Int(int64(u.ed.estimates[u.ed.selected].Dwellings))
	if got := u.figures.values[figDwellings].Text; got != want {
		b.Fatalf("dwellings label = %q, want %q", got, want)
	}
	if per := b.Elapsed() / time.Duration(b.N); per > 16*time.Millisecond {
		b.Errorf("an edit takes %v to refresh the figures, over the 16 ms target", per)
	}
}

// BenchmarkUndo measures undoing and redoing an edit on the largest sample.
func BenchmarkUndo(b *testing.B) {
	u := newBenchUI(b)
	if err := u.ed.setCount(0, 9); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		u.ed.undo()
		u.ed.redo()
	}
}
