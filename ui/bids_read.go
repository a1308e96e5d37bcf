package ui

import (
	"errors"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/tender"
)

// bidExts are the endings of a returned price schedule.
var bidExts = []string{".xlsx"}

// onAddTapped asks for a returned schedule and reads it with those read
// before; the dialog may be opened again for the next one.
func (s *bidsScreen) onAddTapped() {
	showOpenFile(s.l, s.win, s.host.dir(), bidExts, func(p string) {
		s.read(append(slices.Clone(s.paths), p))
	})
}

// onRereadTapped reads the same files again (after an edit of the
// concept, or a file replaced on disk).
func (s *bidsScreen) onRereadTapped() { s.read(slices.Clone(s.paths)) }

// onRemoveTapped removes the chosen bid and evaluates the others again.
func (s *bidsScreen) onRemoveTapped() {
	if s.ev == nil || s.chosen < 0 || s.chosen >= len(s.ev.Bids) {
		return
	}
	paths := slices.Delete(slices.Clone(s.paths), s.chosen, s.chosen+1)
	if len(paths) == 0 {
		s.onClearTapped()
		return
	}
	s.read(paths)
}

// read reads and checks the schedules at paths against the variant's
// estimate and evaluates them, off the UI goroutine, showing that it
// reads; the result reaches the screen through the editor's post. Only
// when every file is good do the bids become paths': any problem is shown
// (naming file, sheet and cell) and the bids stay as they were.
func (s *bidsScreen) read(paths []string) {
	e, _ := s.ed.estimateOf(s.variant)
	if e == nil || len(paths) == 0 {
		return
	}
	m := s.ed.models[s.variant]
	s.gen++
	gen := s.gen
	s.setReading(true, len(paths))
	lang := s.l.Lang()
	post := s.ed.post
	go func() {
		bids, err := tender.ReadBidFiles(paths, e)
		var ev *tender.Evaluation
		if err == nil {
			for _, b := range bids {
				// Named by the file's name, in the window and in the
				// evaluation PDF, without the user's folders.
				b.File = baseName(b.File)
			}
			ev, err = tender.Evaluate(e, bids, lang)
		}
		post(func() {
			if gen != s.gen {
				return // cleared, or read again, meanwhile
			}
			s.setReading(false, 0)
			if err != nil {
				s.refresh()
				s.showReadErrors(err)
				return
			}
			s.paths, s.model, s.est, s.ev = paths, m, e, ev
			s.order = rankOrder(ev)
			s.chosen = -1
			s.ranking.UnselectAll()
			s.refresh()
			s.ranking.ScrollToTop()
			if len(s.order) > 0 {
				s.ranking.Select(widget.TableCellID{Row: 0, Col: 1}) // the lowest bid's details
			}
		})
	}()
}

// setReading shows or hides that n files are being read.
func (s *bidsScreen) setReading(on bool, n int) {
	s.reading = on
	if on {
		s.status.SetText(s.l.T("ui.bids.reading", n))
		s.progress.Show()
		s.progress.Start()
	} else {
		s.progress.Stop()
		s.progress.Hide()
	}
	if s.addButton != nil {
		s.refreshButtons()
	}
}

// rankOrder returns the indexes of ev.Bids by rank; equal ranks keep the
// order the files were given in.
func rankOrder(ev *tender.Evaluation) []int {
	order := make([]int, len(ev.Bids))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ev.Bids[order[a]].Rank < ev.Bids[order[b]].Rank })
	return order
}

// readErrorLines are the problems of err in the user's language, one per
// file, sheet and cell, each naming the file without its folder.
func (s *bidsScreen) readErrorLines(err error) []string {
	var be tender.BidErrors
	if !errors.As(err, &be) {
		return []string{upperFirst(tenderMessage(s.l, err))}
	}
	lines := make([]string, len(be))
	for i, e := range be {
		c := *e
		c.File = baseName(c.File)
		if errors.Is(c.Err, tender.ErrBidSameFile) && len(c.Args) == 1 {
			if other, ok := c.Args[0].(string); ok {
				c.Args = []any{baseName(other)}
			}
		}
		lines[i] = c.Message(s.l)
	}
	return lines
}

// showReadErrors lists why the schedules cannot be read.
func (s *bidsScreen) showReadErrors(err error) {
	l := s.l
	msg := &widget.Label{Text: strings.Join(s.readErrorLines(err), "\n"), Wrapping: fyne.TextWrapWord}
	intro := &widget.Label{Text: l.T("ui.bids.errors_intro"), Wrapping: fyne.TextWrapWord}
	content := container.NewBorder(intro, nil, nil, nil, container.NewGridWrap(fyne.NewSize(680, 260), container.NewVScroll(msg)))
	d := newCloseDialog(s.win, &dialogKeys{}, l.T("ui.bids.errors_title"), l.T("ui.dialog.close"), content)
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
}
