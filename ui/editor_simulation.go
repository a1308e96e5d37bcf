package ui

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hallingdal/bokonsept/costing"
)

// A simulation reports its progress to the window only once it has run
// for progressDelay, and then at most every progressInterval: most end
// within a few tens of milliseconds, a concept of thousands of dwellings
// within about 200, and every report costs the window a frame (with a
// software renderer, a frame takes as much CPU as the Solenga simulation,
// CPU the simulation then waits for). Until then P50 and P85 say that they
// are being simulated.
const (
	progressDelay    = 250 * time.Millisecond
	progressInterval = 100 * time.Millisecond
)

// simJob is one variant model to simulate.
type simJob struct {
	model *costing.Model
	fp    string
}

// restartSimulation cancels the running simulation and starts one for
// every variant that lacks one, the selected variant first.
func (e *editor) restartSimulation() {
	if e.simCancel != nil {
		e.simCancel()
		e.simCancel = nil
	}
	e.simGen++
	e.simRunning, e.simFraction, e.simErr = false, 0, nil
	if !e.simulateEnabled || e.project.Concept.Assumptions.Simulation.Iterations <= 0 {
		return
	}
	order := []int{e.selected}
	for i := range e.estimates {
		if i != e.selected {
			order = append(order, i)
		}
	}
	var jobs []simJob
	seen := map[string]bool{}
	for _, i := range order {
		fp := e.fingerprints[i]
		if e.models[i] == nil || fp == "" || seen[fp] {
			continue
		}
		if _, ok := e.dists[fp]; ok {
			continue
		}
		seen[fp] = true
		jobs = append(jobs, simJob{model: e.models[i], fp: fp})
	}
	if len(jobs) == 0 {
		return
	}
	models := make([]*costing.Model, len(jobs))
	for i, j := range jobs {
		models[i] = j.model
	}
	if err := costing.CheckWork(models); err != nil {
		e.simErr = err
		e.notify(changeSimulation)
		return
	}
	e.simRunning = true
	gen := e.simGen
	if !e.typing || e.simDelay <= 0 {
		e.startSimulation(gen, jobs)
		return
	}
	// A keystroke: wait for the next one before simulating. The timer
	// fires on its own goroutine and simulates there at once, without
	// waiting for the UI goroutine (busy drawing the keystroke's figures);
	// a newer edit stops the timer or cancels the simulation, and the
	// results of an old one are dropped by their generation.
	ctx, cancel := context.WithCancel(context.Background())
	stop := e.afterFunc(e.simDelay, func() { e.simulate(ctx, gen, jobs) })
	e.simCancel = func() { stop(); cancel() }
}

// startSimulation starts the simulation of jobs on its own goroutine.
func (e *editor) startSimulation(gen uint64, jobs []simJob) {
	ctx, cancel := context.WithCancel(context.Background())
	e.simCancel = cancel
	go e.simulate(ctx, gen, jobs)
}

// simulate runs on its own goroutine: it simulates the jobs in turn and
// posts progress and results to the UI goroutine, where they are dropped if
// a newer edit has restarted the simulation.
func (e *editor) simulate(ctx context.Context, gen uint64, jobs []simJob) {
	// next is when progress may be posted next, in nanoseconds since start.
	start := time.Now()
	var next atomic.Int64
	next.Store(int64(progressDelay))
	for k, job := range jobs {
		progress := func(done, total int) {
			if total <= 0 {
				return
			}
			now, due := int64(time.Since(start)), next.Load()
			if now < due || !next.CompareAndSwap(due, now+int64(progressInterval)) {
				return
			}
			permille := int64((k*1000 + done*1000/total) / len(jobs))
			e.post(func() {
				if e.simGen == gen {
					e.simFraction = float64(max(permille, 1)) / 1000
					e.notify(changeSimulation)
				}
			})
		}
		d, err := job.model.Simulate(ctx, progress)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			e.post(func() {
				if e.simGen == gen {
					e.simRunning, e.simErr = false, err
					e.notify(changeSimulation)
				}
			})
			return
		}
		if d != nil {
			// The window keeps what it draws and the documents need: the
			// exact P50 and P85 and the S-curve (costing.Distribution.Summary).
			d = d.Summary()
		}
		e.post(func() {
			if e.simGen == gen && d != nil {
				e.addSimulation(job.fp, d)
			}
		})
	}
	e.post(func() {
		if e.simGen == gen {
			e.simRunning, e.simFraction, e.simCancel = false, 1, nil
			e.notify(changeSimulation)
		}
	})
}

// selectedSimulating reports whether the selected variant waits for its
// simulation.
func (e *editor) selectedSimulating() bool {
	est, _ := e.estimate()
	return e.simRunning && est != nil && est.P50 == nil
}

// whenSimulated runs f on the UI goroutine once the selected variant no
// longer waits for its simulation: at once when it does not, else in a
// post after the listeners have been told of the change that ends the wait
// (its result, its failure, or an edit that needs none). So f's changes
// come in the frame after that change's: the frame with P50 and P85 has
// only their texts to draw.
func (e *editor) whenSimulated(f func()) {
	if !e.selectedSimulating() {
		f()
		return
	}
	e.simWaiters = append(e.simWaiters, f)
}

// addSimulation lays a finished simulation over every variant it belongs to.
func (e *editor) addSimulation(fp string, d *costing.Distribution) {
	shown := make(map[string]bool, len(e.fingerprints))
	for _, f := range e.fingerprints {
		shown[f] = true
	}
	cached := 0
	for f, dd := range e.dists {
		if !shown[f] {
			cached += len(dd.Sorted)
		}
	}
	if cached >= maxCachedSamples {
		for f := range e.dists {
			if !shown[f] {
				delete(e.dists, f)
			}
		}
	}
	e.dists[fp] = d
	for i, f := range e.fingerprints {
		if f == fp && e.estimates[i] != nil && e.estimates[i].P50 == nil {
			e.estimates[i] = e.estimates[i].WithSimulation(d)
		}
	}
	e.notify(changeEstimate | changeSimulation)
}

// stop cancels the background simulation (the window closes).
func (e *editor) stop() {
	if e.simCancel != nil {
		e.simCancel()
		e.simCancel = nil
	}
	e.simGen++
}
