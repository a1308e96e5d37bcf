package ui

import (
	"context"
	"reflect"
	"sync/atomic"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// change tells listeners what changed in the editor.
type change uint

// The kinds of change an editor reports; a notification may combine several.
const (
	// changeConcept: the user edited the concept; entries keep their text.
	changeConcept change = 1 << iota
	// changeReload: the concept was replaced (new, open, undo, redo);
	// every form shows the model's values again.
	changeReload
	// changeSelection: another variant was selected.
	changeSelection
	// changeEstimate: an estimate changed (recomputed or simulated).
	changeEstimate
	// changeSimulation: the background simulation progressed, started or ended.
	changeSimulation
	// changeFile: the file path or the unsaved state changed.
	changeFile
	// changeCatalogue: the project's catalogue was replaced.
	changeCatalogue
)

// changeAll is every kind of change, for a new project.
const changeAll = changeConcept | changeReload | changeSelection | changeEstimate | changeSimulation | changeFile | changeCatalogue

// maxCachedDistributions bounds the simulations kept for undo and redo.
const maxCachedDistributions = 32

// editor is the editing state: the project being edited, the selected
// variant, the estimate of every variant and the background simulation.
// Every method runs on the UI goroutine; the simulation goroutine reports
// back through post.
type editor struct {
	l *i18n.Locale
	// post runs f on the UI goroutine (fyne.Do; tests replace it).
	post func(f func())

	project *concepts.Project
	// original is the file's text as opened or last saved, so that saving
	// keeps hand-written comments; nil for a new concept.
	original []byte
	selected int

	estimates    []*costing.Estimate
	models       []*costing.Model
	errs         []error
	fingerprints []string

	hist            history
	id, savedID     uint64
	nextID          uint64
	listeners       []func(change)
	simulateEnabled bool

	simCancel   context.CancelFunc
	simGen      uint64
	simRunning  bool
	simFraction float64
	simErr      error
	dists       map[string]*costing.Distribution
}

// newEditor returns an editor with no project; post runs a function on the
// UI goroutine.
func newEditor(l *i18n.Locale, post func(f func())) *editor {
	return &editor{l: l, post: post, simulateEnabled: true, dists: make(map[string]*costing.Distribution)}
}

// onChange adds a listener, called on the UI goroutine after every change.
func (e *editor) onChange(f func(change)) { e.listeners = append(e.listeners, f) }

func (e *editor) notify(c change) {
	for _, f := range e.listeners {
		f(c)
	}
}

// concept returns the concept being edited.
func (e *editor) concept() *concepts.Concept { return e.project.Concept }

// catalogue returns the project's catalogue.
func (e *editor) catalogue() *concepts.Catalogue { return e.project.Catalogue }

// variant returns the selected variant.
func (e *editor) variant() *concepts.Variant { return &e.project.Concept.Variants[e.selected] }

// estimate returns the selected variant's estimate, or nil and the reason
// it could not be computed.
func (e *editor) estimate() (*costing.Estimate, error) {
	return e.estimateOf(e.selected)
}

// estimateOf returns variant i's estimate, or nil and the reason.
func (e *editor) estimateOf(i int) (*costing.Estimate, error) {
	if i < 0 || i >= len(e.estimates) {
		return nil, nil
	}
	return e.estimates[i], e.errs[i]
}

// dirty reports whether the concept has unsaved changes.
func (e *editor) dirty() bool { return e.id != e.savedID }

// setProject replaces the project; original is the file's text (nil for a
// new concept). A saved project starts clean; a recovered or new one
// starts dirty when clean is false.
func (e *editor) setProject(p *concepts.Project, original []byte, clean bool) {
	e.project = p
	e.original = original
	e.selected = 0
	e.hist.clear()
	e.id = e.newID()
	if clean {
		e.savedID = e.id
	} else {
		e.savedID = 0
	}
	e.recompute()
	e.notify(changeAll)
}

// replaceProject puts p in place of the project, as an unsaved change that
// cannot be undone (another catalogue: the undo history would refer to the
// old one).
func (e *editor) replaceProject(p *concepts.Project) {
	e.project = p
	e.hist.clear()
	e.id = e.newID()
	e.selected = max(0, min(e.selected, len(p.Concept.Variants)-1))
	e.recompute()
	e.notify(changeAll)
}

func (e *editor) newID() uint64 {
	e.nextID++
	return e.nextID
}

// apply edits the concept: fn changes a copy, and when it succeeds and the
// copy is valid the copy becomes the concept, one undo step (merged with
// the previous step when key is the same non-empty key). The concept is
// untouched when fn fails; its error is returned for the field to show.
// An edit that changes nothing is no step and leaves the concept saved.
func (e *editor) apply(key string, fn func(c *concepts.Concept) error) error {
	before := e.current()
	next := e.project.Concept.Clone()
	if err := fn(next); err != nil {
		e.selected = before.selected
		return err
	}
	if e.selected == before.selected && reflect.DeepEqual(next, e.project.Concept.Clone()) {
		return nil // nothing changed (the same count typed again): no undo step
	}
	e.hist.record(key, before)
	e.project.Concept = next
	e.id = e.newID()
	e.selected = max(0, min(e.selected, len(next.Variants)-1))
	e.recompute()
	c := changeConcept | changeEstimate | changeFile | changeSimulation
	if e.selected != before.selected {
		c |= changeSelection
	}
	e.notify(c)
	return nil
}

// current returns the current state for the undo history. The concept is
// not copied: apply replaces it rather than changing it.
func (e *editor) current() snapshot {
	return snapshot{concept: e.project.Concept, selected: e.selected, id: e.id}
}

// breakMerge makes the next edit an undo step of its own (a field lost focus).
func (e *editor) breakMerge() { e.hist.breakMerge() }

// undo goes back one step; it reports whether there was one.
func (e *editor) undo() bool {
	s, ok := e.hist.undo(e.current())
	if ok {
		e.restore(s)
	}
	return ok
}

// redo goes forward one step; it reports whether there was one.
func (e *editor) redo() bool {
	s, ok := e.hist.redo(e.current())
	if ok {
		e.restore(s)
	}
	return ok
}

func (e *editor) restore(s snapshot) {
	e.project.Concept = s.concept
	e.id = s.id
	e.selected = min(s.selected, len(s.concept.Variants)-1)
	e.recompute()
	e.notify(changeConcept | changeReload | changeSelection | changeEstimate | changeFile | changeSimulation)
}

// selectVariant selects variant i (not an undo step).
func (e *editor) selectVariant(i int) {
	if i < 0 || i >= len(e.project.Concept.Variants) || i == e.selected {
		return
	}
	e.selected = i
	e.notify(changeSelection)
}

// markSaved records that the concept was saved as path with data.
func (e *editor) markSaved(path string, data []byte) {
	e.project.Path = path
	e.original = data
	e.savedID = e.id
	e.notify(changeFile)
}

// recompute compiles and estimates every variant at once and restarts the
// background simulation of those whose inputs changed.
func (e *editor) recompute() {
	n := len(e.project.Concept.Variants)
	e.estimates = make([]*costing.Estimate, n)
	e.models = make([]*costing.Model, n)
	e.errs = make([]error, n)
	e.fingerprints = make([]string, n)
	for i := range n {
		m, err := costing.Compile(e.project, i)
		if err != nil {
			e.errs[i] = err
			continue
		}
		// The cache keys on what the simulation computes, never on file
		// paths: a price book or catalogue edited on disk gets a new key.
		e.fingerprints[i] = m.SimulationKey()
		est := m.Estimate()
		if d, ok := e.dists[e.fingerprints[i]]; ok {
			est = est.WithSimulation(d)
		}
		e.models[i], e.estimates[i] = m, est
	}
	e.restartSimulation()
}

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
	ctx, cancel := context.WithCancel(context.Background())
	e.simCancel, e.simRunning = cancel, true
	go e.simulate(ctx, e.simGen, jobs)
}

// simulate runs on its own goroutine: it simulates the jobs in turn and
// posts progress and results to the UI goroutine, where they are dropped if
// a newer edit has restarted the simulation.
func (e *editor) simulate(ctx context.Context, gen uint64, jobs []simJob) {
	for k, job := range jobs {
		var posted atomic.Int64
		posted.Store(-1)
		progress := func(done, total int) {
			if total <= 0 {
				return
			}
			permille := int64((k*1000 + done*1000/total) / len(jobs))
			last := posted.Load()
			if permille < last+10 || !posted.CompareAndSwap(last, permille) {
				return
			}
			e.post(func() {
				if e.simGen == gen {
					e.simFraction = float64(permille) / 1000
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

// addSimulation lays a finished simulation over every variant it belongs to.
func (e *editor) addSimulation(fp string, d *costing.Distribution) {
	if len(e.dists) >= maxCachedDistributions {
		keep := make(map[string]*costing.Distribution)
		for _, f := range e.fingerprints {
			if dd, ok := e.dists[f]; ok {
				keep[f] = dd
			}
		}
		e.dists = keep
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
