package ui

import (
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/hallingdal/bokonsept/tender"
)

// bidsHost is what the bids screen asks of the window: where file
// dialogs start, and how a document is saved (safely, as the File menu's
// exports are: files_export.go).
type bidsHost struct {
	// dir is the folder file dialogs start in ("" for the default).
	dir func() string
	// save asks where to save a document named name ending in ext, asks
	// before replacing a file, writes it atomically off the UI goroutine
	// under title and calls done with its path.
	save func(title, name, ext string, write func(io.Writer) error, done func(path string))
	// exported says where a document went and offers to open its folder.
	exported func(path string)
	// version is the program version, written in the evaluation's PDF.
	version string
}

// bidsScreen is the Tilbud tab: the returned price schedules of one
// variant, read and checked by package tender, ranked, flagged and
// compared per post and per line with each other and the estimate
// (docs/FORMATS.md, "Bids"). Every figure is tender's or costing's; the
// screen only formats them.
type bidsScreen struct {
	ed   *editor
	win  fyne.Window
	l    *i18n.Locale
	host bidsHost

	// project is the project the bids are for, variant its variant,
	// paths the files read.
	project *concepts.Project
	variant int
	paths   []string
	// model is the variant's model the bids were read against: another
	// model (an edit) makes them stale until they are read again.
	model *costing.Model
	est   *costing.Estimate
	ev    *tender.Evaluation
	// order holds the indexes of ev.Bids by rank, lowest total first.
	order []int
	// chosen is the bid chosen in the ranking (an index of ev.Bids), or -1.
	chosen int
	// gen counts the reads started: a read's result is dropped when a
	// newer one was started (or the bids were cleared) meanwhile.
	gen     uint64
	reading bool
	// gate skips the refreshes of edits while the tab is hidden.
	gate shownGate
	// showAmounts is true when the line table shows amounts, false for
	// unit prices.
	showAmounts bool

	variantSelect *widget.Select
	addButton     *widget.Button
	rereadButton  *widget.Button
	clearButton   *widget.Button
	exportButton  *widget.Button
	bookButton    *widget.Button
	removeButton  *widget.Button
	status        *widget.Label
	progress      *widget.ProgressBarInfinite
	ranking       *widget.Table
	details       *widget.Label
	posts         *widget.Table
	lines         *widget.Table
	linesLegend   *widget.Label
	chart         *barChart
	sections      *container.AppTabs
	content       fyne.CanvasObject
}

// newBidsScreen builds the Tilbud tab for the editor's concept.
func newBidsScreen(ed *editor, win fyne.Window, host bidsHost) *bidsScreen {
	s := &bidsScreen{ed: ed, win: win, l: ed.l, host: host, chosen: -1}
	s.buildUI()
	ed.onChange(s.onEditorChanged)
	return s
}

// Content returns the tab's content.
func (s *bidsScreen) Content() fyne.CanvasObject { return s.content }

func (s *bidsScreen) buildUI() {
	l := s.l
	s.variantSelect = widget.NewSelect(nil, s.onVariantChanged)
	s.addButton = &widget.Button{Text: l.T("ui.bids.add"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: s.onAddTapped}
	s.rereadButton = &widget.Button{Text: l.T("ui.bids.reread"), Icon: theme.ViewRefreshIcon(), OnTapped: s.onRereadTapped}
	s.clearButton = &widget.Button{Text: l.T("ui.bids.clear"), Icon: theme.DeleteIcon(), OnTapped: s.onClearTapped}
	s.exportButton = &widget.Button{Text: l.T("ui.bids.export"), Icon: theme.DocumentSaveIcon(), OnTapped: s.onExportTapped}
	s.bookButton = &widget.Button{Text: l.T("ui.bids.pricebook"), Icon: theme.DownloadIcon(), OnTapped: s.onPriceBookTapped}
	s.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()

	s.buildTables()
	s.chart = newBarChart(l.T("ui.bids.chart_empty"))
	chartLegend := &widget.Label{Text: l.T("ui.bids.chart_legend"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}

	s.details = &widget.Label{Wrapping: fyne.TextWrapWord}
	details := container.NewBorder(nil, container.NewHBox(s.removeButton), nil, nil, container.NewVScroll(s.details))
	ranking := container.NewVSplit(s.ranking, details)
	ranking.Offset = 0.6
	showPrices, showAmounts := l.T("ui.bids.show_prices"), l.T("ui.bids.show_amounts")
	show := widget.NewRadioGroup([]string{showPrices, showAmounts}, func(v string) {
		s.showAmounts = v == showAmounts
		s.lines.Refresh()
	})
	show.Horizontal = true
	show.Required = true
	show.SetSelected(showPrices)
	lines := container.NewBorder(show, s.linesLegend, nil, nil, s.lines)
	s.sections = container.NewAppTabs(
		container.NewTabItem(l.T("ui.bids.section.ranking"), ranking),
		container.NewTabItem(l.T("ui.bids.section.posts"), s.posts),
		container.NewTabItem(l.T("ui.bids.section.lines"), lines),
		container.NewTabItem(l.T("ui.bids.section.chart"), container.NewBorder(nil, chartLegend, nil, nil, container.NewVScroll(s.chart))),
	)

	variant := container.NewBorder(nil, nil, widget.NewLabel(l.T("ui.bids.variant")), nil, s.variantSelect)
	buttons := container.NewHBox(s.addButton, s.rereadButton, s.clearButton, widget.NewSeparator(), s.exportButton, s.bookButton)
	bar := container.NewBorder(nil, nil, nil, buttons, variant)
	top := container.NewVBox(bar, s.status, s.progress)
	s.content = container.NewBorder(top, nil, nil, nil, s.sections)
	s.updateVariants()
	s.refresh()
}

// onEditorChanged follows the concept's variants and marks the bids stale
// when the variant's estimate was computed again from other inputs.
func (s *bidsScreen) onEditorChanged(ch change) {
	if ch&(changeConcept|changeReload|changeEstimate|changeSelection) == 0 {
		return
	}
	if s.ed.project != s.project {
		// Another concept (new, open, another catalogue): its variants
		// are others.
		s.clear()
		s.project, s.variant = s.ed.project, s.ed.selected
	}
	if s.gate.skip() {
		return
	}
	s.updateVariants()
	s.refresh()
}

// setShown tells the screen whether its tab is shown. While hidden it
// skips the refreshes of edits and catches up when shown again.
func (s *bidsScreen) setShown(shown bool) {
	if s.gate.show(shown) {
		s.updateVariants()
		s.refresh()
	}
}

// updateVariants fills the variant choice with the concept's variants.
func (s *bidsScreen) updateVariants() {
	vs := s.ed.concept().Variants
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.Name
	}
	if s.variant >= len(names) {
		s.clear()
		s.variant = max(0, s.ed.selected)
	}
	s.variantSelect.Options = names
	if len(names) > 0 {
		// Selected directly: no OnChanged, which would clear the bids.
		s.variantSelect.Selected = names[s.variant]
	}
	s.variantSelect.Refresh()
}

// onVariantChanged chooses the variant whose bids are read; the bids of
// another variant are removed (a schedule fits one variant only).
func (s *bidsScreen) onVariantChanged(name string) {
	i := s.ed.concept().Variant(name)
	if i < 0 || i == s.variant {
		return
	}
	had := len(s.paths) > 0
	s.clear()
	s.variant = i
	s.refresh()
	if had {
		s.status.SetText(s.l.T("ui.bids.cleared"))
	}
}

// clear removes the bids (and drops a read under way).
func (s *bidsScreen) clear() {
	s.gen++
	s.paths, s.model, s.est, s.ev, s.order, s.chosen = nil, nil, nil, nil, nil, -1
	s.setReading(false, 0)
}

func (s *bidsScreen) onClearTapped() {
	s.clear()
	s.refresh()
}

// stale reports whether the variant was estimated again from other
// inputs since the bids were read.
func (s *bidsScreen) stale() bool {
	return s.ev != nil && (s.variant >= len(s.ed.models) || s.ed.models[s.variant] != s.model)
}

// refresh shows the state: the status line, the buttons, the tables and
// the chart.
func (s *bidsScreen) refresh() {
	l := s.l
	has := s.ev != nil && len(s.ev.Bids) > 0
	e, err := s.ed.estimateOf(s.variant)
	switch {
	case s.reading:
	case e == nil && err != nil:
		s.status.SetText(l.T("ui.bids.noestimate", tenderMessage(l, err)))
	case !has:
		s.status.SetText(l.T("ui.bids.empty"))
	case s.stale():
		s.status.SetText(l.T("ui.bids.stale"))
	default:
		ev := s.ev
		s.status.SetText(l.T("ui.bids.summary", len(ev.Bids), ev.Variant, l.NOK(ev.Estimate), ev.PriceLevel, l.NOK(ev.Median)))
	}
	s.status.Importance = widget.MediumImportance
	if has && s.stale() {
		s.status.Importance = widget.WarningImportance
	}
	s.status.Refresh()
	s.refreshButtons()
	s.linesLegend.SetText(l.T("ui.bids.lines_legend", tender.UnbalancedLowPercent, tender.UnbalancedHighPercent, tender.UnbalancedShareOfBidPercent))
	s.refreshTables()
	s.refreshChart()
}

// refreshButtons enables what can be done now.
func (s *bidsScreen) refreshButtons() {
	has := s.ev != nil && len(s.ev.Bids) > 0
	e, _ := s.ed.estimateOf(s.variant)
	enable(s.addButton, !s.reading && e != nil)
	enable(s.rereadButton, !s.reading && e != nil && len(s.paths) > 0)
	enable(s.clearButton, len(s.paths) > 0 || s.reading)
	enable(s.exportButton, !s.reading && has && !s.stale())
	enable(s.bookButton, !s.reading && has && !s.stale())
	enable(s.removeButton, !s.reading && has && !s.stale() && s.chosen >= 0)
	enable(s.variantSelect, !s.reading)
}

// enable enables or disables w.
func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// baseName is a file's name without its folder, as the screen shows it.
func baseName(p string) string { return filepath.Base(p) }

// bidName is the tenderer's name, or the file's name when none was filled in.
func bidName(b *tender.Bid) string {
	if b.Tenderer != "" {
		return b.Tenderer
	}
	return baseName(b.File)
}
