package ui

import (
	"context"
	"reflect"
	"time"

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

// maxCachedSamples bounds the simulated values kept for undo and redo
// beyond the simulations of the variants shown: 640 000 values, 5 MB, which
// is about 600 simulations as the window keeps them (summaries of about
// 1 000 values, costing.Distribution.Summary).
const maxCachedSamples = 32 * 20_000

// typingDelay is how long the simulation waits after a typed edit for the
// next keystroke: a number typed quickly or pasted ("120", keys 12 ms
// apart as xdotool types them) is simulated once, for its last value,
// while the key figures follow every keystroke. It is short, since P50 and
// P85 are to follow the edit within 100 ms; a simulation still running
// when the next key comes is cancelled.
const typingDelay = 25 * time.Millisecond

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
	// inputs is what each variant was last compiled from, so that an edit
	// recompiles only the variants whose inputs changed.
	inputs computedInputs

	hist            history
	id, savedID     uint64
	nextID          uint64
	listeners       []func(change)
	simulateEnabled bool
	// simDelay is typingDelay; tests and benchmarks set it to 0.
	simDelay time.Duration
	// afterFunc calls f on another goroutine after d and returns a function
	// that stops it (time.AfterFunc; tests replace it).
	afterFunc func(d time.Duration, f func()) (stop func())
	// typing is true while apply runs an edit typed into a field.
	typing bool
	// previewBase is the state before an edit being previewed (a building
	// being dragged: siteplan_ops.go); nil when none.
	previewBase *snapshot

	simCancel   context.CancelFunc
	simGen      uint64
	simRunning  bool
	simFraction float64
	simErr      error
	dists       map[string]*costing.Distribution
	// simWaiters run once the selected variant no longer waits for its
	// simulation (whenSimulated).
	simWaiters []func()
}

// newEditor returns an editor with no project; post runs a function on the
// UI goroutine.
func newEditor(l *i18n.Locale, post func(f func())) *editor {
	return &editor{l: l, post: post, simulateEnabled: true, simDelay: typingDelay, afterFunc: afterFunc,
		dists: make(map[string]*costing.Distribution)}
}

// afterFunc is time.AfterFunc, returning only the timer's stop.
func afterFunc(d time.Duration, f func()) (stop func()) {
	t := time.AfterFunc(d, f)
	return func() { t.Stop() }
}

// onChange adds a listener, called on the UI goroutine after every change.
func (e *editor) onChange(f func(change)) { e.listeners = append(e.listeners, f) }

func (e *editor) notify(c change) {
	for _, f := range e.listeners {
		f(c)
	}
	if len(e.simWaiters) > 0 && !e.selectedSimulating() {
		ws := e.simWaiters
		e.simWaiters = nil
		e.post(func() {
			for _, f := range ws {
				f()
			}
		})
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
	// A key names a field being typed into: its simulation waits for the
	// next keystroke (typingDelay).
	e.typing = key != ""
	e.recompute()
	e.typing = false
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

// computedInputs is what the variants were last compiled from. The
// concept is never changed in place (apply replaces it), so comparing a
// variant with the one compiled before tells whether it changed.
type computedInputs struct {
	project   *concepts.Project
	catalogue *concepts.Catalogue
	// shared is the concept without its variants: the site, assumptions,
	// risks and everything else every variant is computed with.
	shared concepts.Concept
	// variants are the variants compiled, and books the price books they
	// were compiled with (nil when none).
	variants []*concepts.Variant
	books    []*concepts.PriceBook
}

// sharedInputs returns a copy of the concept without its variants (and
// without where in a file it was read from, which Clone leaves out).
func sharedInputs(c *concepts.Concept) concepts.Concept {
	s := *c
	s.Variants = nil
	return *s.Clone()
}

// unchanged reports whether variant i of p was compiled from the same
// inputs as the last time: the same project, catalogue and shared part of
// the concept, an equal variant at the same index, and the same price book.
func (in *computedInputs) unchanged(p *concepts.Project, sharedSame bool, i int) bool {
	if !sharedSame || i >= len(in.variants) || in.variants[i] == nil {
		return false
	}
	v := &p.Concept.Variants[i]
	return in.books[i] == p.PriceBooks[v.PriceBook] && reflect.DeepEqual(in.variants[i], v)
}

// recompute compiles and estimates the variants whose inputs changed since
// the last time, keeps the others' models and estimates, and restarts the
// background simulation of those that have none.
func (e *editor) recompute() {
	p := e.project
	c := p.Concept
	n := len(c.Variants)
	shared := sharedInputs(c)
	in := &e.inputs
	sharedSame := in.project == p && in.catalogue == p.Catalogue && reflect.DeepEqual(&in.shared, &shared)
	estimates := make([]*costing.Estimate, n)
	models := make([]*costing.Model, n)
	errs := make([]error, n)
	fingerprints := make([]string, n)
	variants := make([]*concepts.Variant, n)
	books := make([]*concepts.PriceBook, n)
	for i := range n {
		v := &c.Variants[i]
		variants[i], books[i] = v, p.PriceBooks[v.PriceBook]
		if in.unchanged(p, sharedSame, i) {
			estimates[i], models[i], errs[i], fingerprints[i] = e.estimates[i], e.models[i], e.errs[i], e.fingerprints[i]
			continue
		}
		m, err := costing.Compile(p, i)
		if err != nil {
			errs[i] = err
			continue
		}
		// The cache keys on what the simulation computes, never on file
		// paths: a price book or catalogue edited on disk gets a new key.
		fingerprints[i] = m.SimulationKey()
		est := m.Estimate()
		if d, ok := e.dists[fingerprints[i]]; ok {
			est = est.WithSimulation(d)
		}
		models[i], estimates[i] = m, est
	}
	e.estimates, e.models, e.errs, e.fingerprints = estimates, models, errs, fingerprints
	*in = computedInputs{project: p, catalogue: p.Catalogue, shared: shared, variants: variants, books: books}
	e.restartSimulation()
}
