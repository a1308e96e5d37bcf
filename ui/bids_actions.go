package ui

import (
	"io"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/tender"
)

// evaluationDoc is what the evaluation PDF says besides the evaluation:
// the concept's name, the user's language, the program's version and the
// concept's revision date (so the same bids give the same file).
func (s *bidsScreen) evaluationDoc() tender.EvaluationDoc {
	c := s.ed.concept()
	date, _ := time.Parse(time.DateOnly, c.Revision.Date)
	return tender.EvaluationDoc{Concept: c.Name, Lang: s.l.Lang(), Version: s.host.version, Date: date}
}

// onExportTapped saves the evaluation as an internal PDF, safely: the
// user is asked before a file is replaced, and it is written atomically.
func (s *bidsScreen) onExportTapped() {
	ev := s.shown()
	if ev == nil || s.stale() {
		return
	}
	doc := s.evaluationDoc()
	name := strings.TrimSuffix(fileNameFor(doc.Concept+" "+s.l.T("ui.bids.export_file")+" "+ev.Variant), ".yaml") + ".pdf"
	s.host.save(s.l.T("ui.bids.export_title"), name, ".pdf",
		func(w io.Writer) error { return tender.WriteEvaluationPDF(w, ev, doc) }, s.host.exported)
}

// onPriceBookTapped asks which bid to save as a price book (the one
// chosen in the ranking first) and where, and then offers a new variant
// priced with it.
func (s *bidsScreen) onPriceBookTapped() {
	ev := s.shown()
	if ev == nil || s.stale() {
		return
	}
	l := s.l
	keys := &dialogKeys{}
	names := make([]string, len(s.order))
	selected := 0
	for i, k := range s.order {
		names[i] = l.T("ui.bids.chart_bid", ev.Bids[k].Rank, bidName(ev.Bids[k].Bid))
		if k == s.chosen {
			selected = i
		}
	}
	choice := newDialogSelect(keys, names)
	choice.SetSelectedIndex(selected)
	about := &widget.Label{Text: l.T("ui.bids.pricebook_about"), Wrapping: fyne.TextWrapWord}
	content := container.NewVBox(widget.NewLabel(l.T("ui.bids.which_bid")), choice, about)
	p, e, variant := s.ed.project, s.est, s.variant
	d := newConfirmDialog(s.win, keys, l.T("ui.bids.pricebook_title"), l.T("ui.export.next"), l.T("ui.dialog.cancel"), content, func(ok bool) {
		if !ok || choice.SelectedIndex() < 0 {
			return
		}
		k := s.order[choice.SelectedIndex()]
		b := ev.Bids[k].Bid
		name := tender.BidPriceBookName(k+1, b.File)
		s.host.save(l.T("ui.bids.pricebook_title"), name, ".yaml",
			func(w io.Writer) error { return tender.WriteBidPriceBook(w, p, e, b) },
			func(path string) { s.offerVariant(path, variant, bidName(b)) })
	})
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// offerVariant says where the price book went and offers a new variant,
// a copy of variant named after the tenderer, priced with it.
func (s *bidsScreen) offerVariant(path string, variant int, tenderer string) {
	l := s.l
	q := newQuestionDialog(s.win, l.T("ui.bids.pricebook_saved_title"), l.T("ui.bids.pricebook_saved", path),
		l.T("ui.bids.pricebook_variant"), l.T("ui.dialog.close"), func(ok bool) {
			if ok {
				s.newVariantWith(path, variant, tenderer)
			}
		})
	q.Show()
}

// newVariantWith copies variant, names the copy after the tenderer and
// prices it with the price book at path. The concept refers to the book
// relative to the concept's file.
func (s *bidsScreen) newVariantWith(path string, variant int, tenderer string) {
	pb, err := concepts.LoadPriceBook(path)
	if err != nil {
		showFileError(s.win, s.l, path, err)
		return
	}
	if variant >= len(s.ed.concept().Variants) {
		return
	}
	from := s.ed.concept().Variants[variant].Name
	s.ed.duplicateVariant(variant)
	i := s.ed.selected
	name := uniqueVariantName(s.ed.concept(), s.l.T("ui.bids.variant_name", from, tenderer), i)
	if err := s.ed.renameVariant(i, name); err != nil {
		showError(s.l, err, s.win)
	}
	ref := path
	if p := s.ed.project.Path; p != "" {
		if rel, err := filepath.Rel(filepath.Dir(p), path); err == nil {
			ref = filepath.ToSlash(rel)
		}
	}
	if err := s.ed.setPriceBook(ref, pb); err != nil {
		showFileError(s.win, s.l, path, err)
	}
}
