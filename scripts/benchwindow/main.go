// Command benchwindow measures, in Bokonsept's real window, how long an
// edit takes to reach the screen. scripts/bench_window.sh starts the app
// under Xvfb (1600×1000) with a concept open and runs it:
//
//	benchwindow -label Solenga -trials 12
//
// It clicks into the first count entry of the unit mix and times, from an
// XTest keypress to the pixels on the screen, which it reads back every
// 2 ms or so:
//
//   - a new count (a digit typed after a prefix, giving a count not typed
//     before): the first change of the key figures (dwellings down to
//     kostnadsramme) and the moment P50 and P85 show their final values;
//   - the same counts typed again (their simulation is cached);
//   - a bare repaint: Tab, which only moves the keyboard focus, to the
//     first change around the entry.
//
// Before every timed key the screen must have been still for a while, so
// that the simulation of the previous edit has ended. It prints one line
// per measure (median and range of the trials, in ms) and, last, a line
// starting with "row|" for the script's table.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
)

// verbose prints every trial to stderr.
var verbose bool

// pollInterval is the pause between two reads of the screen: short beside
// a frame (16.7 ms), long enough for the reads to take little of the CPU
// the app and the X server need.
const pollInterval = 2 * time.Millisecond

// rect is a rectangle of the screen, in pixels.
type rect struct{ X, Y, W, H int }

// band is the rows [From, To) of the screen.
type band struct{ From, To int }

// The places on the screen at 1600×1000 (the window at 0,0, Varianter tab):
// the key-figure panel on the right, its bands, and the first count entry.
var (
	// Only its right-hand 200 pixels are read, where the values end (they
	// are right-aligned) and the status and progress bar reach: every
	// read is copied by the X server, which shares the CPU with the app.
	panel = rect{X: 1400, Y: 60, W: 200, H: 700}
	// figuresBand holds the rows from Boliger to Kostnadsramme.
	figuresBand = band{From: 65, To: 458}
	// percentilesBand holds the rows P50 and P85.
	percentilesBand = band{From: 458, To: 537}
	// restBand is the rest of the panel: the figures per dwelling, the
	// simulation's progress and status, the first checks.
	restBand = band{From: 537, To: 760}
	// statusBand is where the simulation's progress bar and status are:
	// it looks as before an edit once the simulation has ended.
	statusBand = band{From: 697, To: 745}
	// focusArea is the "−" button left of the first count entry, where
	// Tab moves the focus (the entry's blinking cursor stays outside).
	focusArea = rect{X: 588, Y: 268, W: 40, H: 40}
)

func main() {
	label := flag.String("label", "", "the concept's name in the output")
	trials := flag.Int("trials", 12, "timed keypresses per measure")
	entry := flag.String("entry", "655,288", "where the first count entry is (x,y)")
	quiet := flag.Duration("quiet", time.Second, "how long the screen must be still before and after a timed key")
	flag.BoolVar(&verbose, "v", false, "print every trial")
	pid := flag.Int("pid", 0, "the app's process id: also report its CPU time per edit (from /proc)")
	flag.Parse()
	var ex, ey int
	if _, err := fmt.Sscanf(*entry, "%d,%d", &ex, &ey); err != nil {
		fail(fmt.Errorf("-entry %q: %v", *entry, err))
	}
	x, err := openDisplay(os.Getenv("DISPLAY"))
	if err != nil {
		fail(err)
	}
	defer x.close()
	b := &bench{x: x, quiet: *quiet, pid: *pid}
	if err := b.run(*label, *trials, ex, ey); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchwindow:", err)
	os.Exit(1)
}

// bench drives the window and reads the screen.
type bench struct {
	x     *display
	quiet time.Duration
	// pid is the app's process, 0 when unknown.
	pid int
}

// cpu returns the CPU time the app has used (user and system, all its
// threads), in clock ticks of 10 ms, from /proc; 0 when unknown.
func (b *bench) cpu() time.Duration {
	if b.pid == 0 {
		return 0
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", b.pid))
	if err != nil {
		return 0
	}
	// The fields after the command name (in parentheses, which may hold spaces).
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	var user, system int64
	if len(f) > 12 {
		fmt.Sscan(f[11], &user)
		fmt.Sscan(f[12], &system)
	}
	return time.Duration(user+system) * 10 * time.Millisecond
}

// measure is the result of one timed key: when each band first changed and
// when it reached the state it ended in (negative when it did not change).
type measure struct {
	first, final []time.Duration
}

func (b *bench) run(label string, trials, ex, ey int) error {
	bands := []band{figuresBand, percentilesBand, restBand, statusBand}
	// The simulations of the opened concept end first.
	b.settle(panel, bands)
	b.x.click(ex, ey)
	time.Sleep(300 * time.Millisecond)
	// Counts 10, 11, … not typed before: a prefix, then a timed digit.
	counts := make([]string, trials)
	for i := range counts {
		counts[i] = fmt.Sprint(10 + i)
	}
	var newFig, newPct, oldFig, oldPct, tab []time.Duration
	var newCPU, oldCPU time.Duration
	for pass := range 2 {
		for _, c := range counts {
			if err := b.keys("Control_L+a"); err != nil {
				return err
			}
			before := b.x.bands(panel, bands)
			if err := b.keys(c[:len(c)-1]); err != nil {
				return err
			}
			b.waitChange(panel, bands[:1], before[:1])
			b.settle(panel, bands)
			cpu := b.cpu()
			m, err := b.timed(c[len(c)-1:], panel, bands, 3)
			if err != nil {
				return err
			}
			cpu = b.cpu() - cpu
			if m.first[0] < 0 {
				return fmt.Errorf("typing %s did not change the key figures: is the count entry at %d,%d?", c, ex, ey)
			}
			if verbose {
				fmt.Fprintf(os.Stderr, "count %s: figures %v, P50/P85 %v\n", c, m.first[0], m.final[1])
			}
			if pass == 0 {
				newFig, newPct, newCPU = append(newFig, m.first[0]), append(newPct, m.final[1]), newCPU+cpu
			} else {
				oldFig, oldPct, oldCPU = append(oldFig, m.first[0]), append(oldPct, m.final[1]), oldCPU+cpu
			}
		}
	}
	focus := []band{{From: focusArea.Y, To: focusArea.Y + focusArea.H}}
	for range trials {
		b.settle(focusArea, focus)
		m, err := b.timed("Tab", focusArea, focus, -1)
		if err != nil {
			return err
		}
		tab = append(tab, m.first[0])
		if verbose {
			fmt.Fprintf(os.Stderr, "Tab: %v\n", m.first[0])
		}
		b.settle(focusArea, focus)
		if err := b.keys("Shift_L+Tab"); err != nil {
			return err
		}
	}
	fmt.Printf("%s: new count, figures:   %s\n", label, summary(newFig))
	fmt.Printf("%s: new count, P50/P85:   %s\n", label, summary(newPct))
	fmt.Printf("%s: typed before, figures: %s\n", label, summary(oldFig))
	fmt.Printf("%s: typed before, P50/P85: %s\n", label, summary(oldPct))
	fmt.Printf("%s: bare repaint (Tab):   %s\n", label, summary(tab))
	if b.pid != 0 {
		fmt.Printf("%s: the app's CPU time per edit (mean): new count %.0f ms, typed before %.0f ms\n", label,
			float64(newCPU)/float64(time.Millisecond)/float64(trials), float64(oldCPU)/float64(time.Millisecond)/float64(trials))
	}
	fmt.Printf("row|%s|%s|%s|%s|%s\n", label, summary(newFig), summary(newPct), summary(oldFig), summary(tab))
	return nil
}

// keys types a sequence of keys: each character of s, or one chord such
// as "Control_L+a" or a key name such as "Tab".
func (b *bench) keys(s string) error {
	var chords [][]string
	switch {
	case strings.Contains(s, "+"):
		chords = [][]string{strings.Split(s, "+")}
	case len(s) > 1 && !strings.ContainsAny(s, "0123456789"):
		chords = [][]string{{s}}
	default:
		for _, r := range s {
			chords = append(chords, []string{string(r)})
		}
	}
	for _, c := range chords {
		for _, k := range c {
			if err := b.x.keyEvent(k, true); err != nil {
				return err
			}
		}
		for _, k := range slices.Backward(c) {
			if err := b.x.keyEvent(k, false); err != nil {
				return err
			}
		}
		time.Sleep(30 * time.Millisecond)
	}
	return nil
}

// settle waits until the bands of r have not changed for b.quiet (at most a minute).
func (b *bench) settle(r rect, bands []band) {
	last := b.x.bands(r, bands)
	since, deadline := time.Now(), time.Now().Add(time.Minute)
	for time.Since(since) < b.quiet && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		if h := b.x.bands(r, bands); !slices.Equal(h, last) {
			last, since = h, time.Now()
		}
	}
}

// waitChange waits until the bands of r differ from before (at most 10 s).
func (b *bench) waitChange(r rect, bands []band, before []uint64) {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && slices.Equal(b.x.bands(r, bands), before) {
		time.Sleep(2 * time.Millisecond)
	}
}

// timed presses key and reads the bands of r until they have been still
// for b.quiet and band done (unless -1) looks as it did before the key;
// it returns when each band first changed and when it reached its final
// state.
func (b *bench) timed(key string, r rect, bands []band, done int) (measure, error) {
	type sample struct {
		at time.Duration
		h  []uint64
	}
	base := b.x.bands(r, bands)
	t0 := time.Now()
	if err := b.x.keyEvent(key, true); err != nil {
		return measure{}, err
	}
	if err := b.x.keyEvent(key, false); err != nil {
		return measure{}, err
	}
	samples := []sample{{0, base}}
	lastChange := time.Duration(0)
	for {
		time.Sleep(pollInterval)
		h := b.x.bands(r, bands)
		at := time.Since(t0)
		if !slices.Equal(h, samples[len(samples)-1].h) {
			samples = append(samples, sample{at, h})
			lastChange = at
		}
		still := lastChange > 0 && at-lastChange > b.quiet && (done < 0 || h[done] == base[done])
		if still || at > 30*time.Second {
			break
		}
	}
	m := measure{first: make([]time.Duration, len(bands)), final: make([]time.Duration, len(bands))}
	end := samples[len(samples)-1].h
	for i := range bands {
		m.first[i], m.final[i] = -1, -1
		for _, s := range samples {
			if s.h[i] != base[i] {
				m.first[i] = s.at
				break
			}
		}
		if end[i] == base[i] {
			continue
		}
		// The first sample from which the band no longer changed.
		for k := len(samples) - 1; k >= 0 && samples[k].h[i] == end[i]; k-- {
			m.final[i] = samples[k].at
		}
	}
	return m, nil
}

// summary is "median ms [min-max]" of the durations that were measured.
func summary(ds []time.Duration) string {
	var ms []float64
	for _, d := range ds {
		if d >= 0 {
			ms = append(ms, float64(d)/float64(time.Millisecond))
		}
	}
	if len(ms) == 0 {
		return "–"
	}
	slices.Sort(ms)
	med := ms[len(ms)/2]
	if len(ms)%2 == 0 {
		med = (ms[len(ms)/2-1] + ms[len(ms)/2]) / 2
	}
	return fmt.Sprintf("%.0f ms [%.0f-%.0f]", med, ms[0], ms[len(ms)-1])
}
