package ui

import (
	"fmt"
	"strconv"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/hallingdal/bokonsept/concepts"
)

// screenBench is a window for the benchmarks that draw: the posts of the
// background simulation are queued and run by pump, as fyne.Do would run
// them on the UI goroutine.
type screenBench struct {
	u     *mainUI
	w     fyne.Window
	posts chan func()
	count *formEntry
}

// newScreenBench opens the largest sample, with its variants copied to n
// variants when n is larger, in a 1600×1000 test window drawn by Fyne's
// software painter.
func newScreenBench(b *testing.B, n int, simulate bool) *screenBench {
	b.Helper()
	a := test.NewTempApp(b)
	w := test.NewTempWindow(b, nil)
	sb := &screenBench{w: w, posts: make(chan func(), 1<<16)}
	sb.u = newMainUI(a, w, "bench", func(f func()) { sb.posts <- f })
	sb.u.ed.simulateEnabled = simulate
	sb.u.recoveryDir = b.TempDir()
	w.SetContent(sb.u.content)
	w.Resize(fyne.NewSize(1600, 1000))
	p, data, err := loadSample(largestSample(b))
	if err != nil {
		b.Fatal(err)
	}
	if n > len(p.Concept.Variants) {
		p.Concept = manyVariantsConcept(p.Concept, n)
		data = nil
	}
	sb.u.setProject(p, data, true)
	sb.pump(b)
	for _, o := range rendered(sb.u.variants.mix) {
		if c, ok := o.(*tableCell); ok && c.row == 0 && c.countBox.Visible() {
			sb.count = c.count
		}
	}
	if sb.count == nil {
		b.Fatal("no count cell")
	}
	b.Cleanup(sb.u.ed.stop)
	return sb
}

// manyVariantsConcept returns a copy of c with n variants: copies of its
// variants without a price book, each with another count on its last line
// (a count typed on the first line of the first variant is simulated, not
// found among the other variants').
func manyVariantsConcept(c *concepts.Concept, n int) *concepts.Concept {
	c = c.Clone()
	var base []concepts.Variant
	for _, v := range c.Variants {
		if v.PriceBook == "" {
			base = append(base, v)
		}
	}
	c.Variants = nil
	for k := range n {
		v := base[k%len(base)]
		v.Name = fmt.Sprintf("V%02d – %s", k+1, v.Name)
		v.Units = append([]concepts.UnitLine(nil), v.Units...)
		v.Units[len(v.Units)-1].Count += k / len(base)
		v.SiteItems = append([]concepts.SiteItemLine(nil), v.SiteItems...)
		v.Layout = nil
		c.Variants = append(c.Variants, v)
	}
	return c
}

// pump runs the queued posts until the simulation has ended.
func (sb *screenBench) pump(b *testing.B) {
	deadline := time.After(time.Minute)
	for {
		select {
		case f := <-sb.posts:
			f()
			continue
		default:
		}
		if !sb.u.ed.simRunning {
			return
		}
		select {
		case f := <-sb.posts:
			f()
		case <-deadline:
			b.Fatal("the simulation did not end within a minute")
		}
	}
}

// processCPU is the CPU time the process has used (user and system, all
// threads): on a shared machine it varies much less than the wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// edit types count into the first count entry and runs what it posts to
// the UI goroutine (with the simulation, until it has ended); it returns
// how long that took, in wall and in CPU time.
func (sb *screenBench) edit(b *testing.B, count int) (wall, cpu time.Duration) {
	start, startCPU := time.Now(), processCPU()
	sb.count.SetText(strconv.Itoa(count))
	sb.pump(b)
	return time.Since(start), processCPU() - startCPU
}

// draw draws the whole window with the software painter and returns how
// long that took.
func (sb *screenBench) draw() time.Duration {
	start := time.Now()
	sb.w.Canvas().Capture()
	return time.Since(start)
}

// report adds the edit's share of an operation in wall and CPU time, and
// the drawing's.
func report(b *testing.B, edit, editCPU, draw time.Duration) {
	n := float64(b.N)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / n }
	b.ReportMetric(ms(edit), "edit-ms/op")
	b.ReportMetric(ms(editCPU), "edit-cpu-ms/op")
	b.ReportMetric(ms(draw), "draw-ms/op")
}

// BenchmarkEditToScreen measures a count typed into the unit mix up to the
// whole window drawn again by Fyne's software painter (test canvas
// Capture), on the largest sample and on its variants copied to 50. The
// simulation is off: this is the path to the key figures. edit-ms/op is
// the edit up to the refreshed widgets, draw-ms/op the drawing (about
// the same whatever changed: the painter draws the whole window);
// edit-cpu-ms/op is the edit's CPU time, steadier on a shared machine.
func BenchmarkEditToScreen(b *testing.B) {
	for _, n := range []int{0, 50} {
		b.Run(benchName(n), func(b *testing.B) {
			sb := newScreenBench(b, n, false)
			var edit, editCPU, draw time.Duration
			for i := 0; b.Loop(); i++ {
				w, c := sb.edit(b, 7+i%2)
				edit, editCPU, draw = edit+w, editCPU+c, draw+sb.draw()
			}
			report(b, edit, editCPU, draw)
		})
	}
}

// BenchmarkEditToScreenSimulated is BenchmarkEditToScreen with the
// simulation: every count is new, so the edited variant is simulated
// (20 000 iterations) before the window is drawn with P50 and P85.
func BenchmarkEditToScreenSimulated(b *testing.B) {
	for _, n := range []int{0, 50} {
		b.Run(benchName(n), func(b *testing.B) {
			sb := newScreenBench(b, n, true)
			sb.u.ed.simDelay = 0 // no keystroke follows
			var edit, editCPU, draw time.Duration
			for i := 0; b.Loop(); i++ {
				w, c := sb.edit(b, 10+i%5000)
				edit, editCPU, draw = edit+w, editCPU+c, draw+sb.draw()
			}
			report(b, edit, editCPU, draw)
			if e, _ := sb.u.ed.estimate(); e == nil || e.P50 == nil {
				b.Fatal("no P50 after the simulation")
			}
		})
	}
}

func benchName(variants int) string {
	if variants == 0 {
		return "sample"
	}
	return fmt.Sprintf("variants%d", variants)
}
