package ui

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// economicsScreen is the tab Økonomi: the buyer economics of the selected
// variant (docs/ESTIMATE.md, "Buyer economics"). It shows the dwelling
// types with what they cost a buyer, the subsidy gap, which households
// can buy which types and why not, and a chart of the monthly costs beside
// what each household can carry; beside them the assumptions and the
// households, editable, and the variant's tenure. Every figure comes from
// the estimate; the screen formats them.
type economicsScreen struct {
	ed  *editor
	l   *i18n.Locale
	in  inputs
	win fyne.Window

	// e and x are the shown estimate and its economics (nil when none).
	e *costing.Estimate
	x *costing.Economics
	// loading is true while the screen sets its widgets from the model.
	loading bool
	// hidden is true while another tab is shown; stale while the screen
	// has skipped a refresh because of it, and staleForce when that
	// refresh was to set every entry.
	hidden, stale, staleForce bool

	title         *widget.Label
	variant       *widget.Select
	variantTenure *widget.Select
	tenure        *widget.Select
	add, remove   *widget.Button
	fields        []*econField

	types      *widget.Table
	typeCols   *fitColumns
	typesBox   *fyne.Container
	gap        *widget.Label
	matrix     *widget.Table
	matrixCols *fitColumns
	matrixBox  *fyne.Container
	chart      *barChart
	lower      *container.AppTabs
	chartHelp  *widget.Label
	households *widget.Table
	hhCols     *fitColumns
	addHH      *widget.Button
	hhError    *widget.Label

	// none is shown instead of body while the concept has no economics.
	none    fyne.CanvasObject
	message *widget.Label
	body    fyne.CanvasObject
	content fyne.CanvasObject
}

// householdRowsShown is how many rows, the header included, the household
// table shows before it scrolls: a sample's five households and the header.
const householdRowsShown = 6.3

// newEconomicsScreen builds the economics tab for the editor's concept.
func newEconomicsScreen(ed *editor, win fyne.Window) *economicsScreen {
	s := &economicsScreen{ed: ed, l: ed.l, in: inputs{ed.l}, win: win}
	s.buildUI()
	ed.onChange(s.onEditorChanged)
	return s
}

// Content returns the tab's root object.
func (s *economicsScreen) Content() fyne.CanvasObject { return s.content }

func (s *economicsScreen) buildUI() {
	l := s.l
	s.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	s.variant = &widget.Select{OnChanged: s.onVariantChanged}
	s.variantTenure = &widget.Select{OnChanged: s.onVariantTenureChanged}
	s.tenure = &widget.Select{Options: []string{s.tenureName(concepts.TenureOwner), s.tenureName(concepts.TenureCooperative)}, OnChanged: s.onTenureChanged}
	s.add = &widget.Button{Text: l.T("panel.economics.add"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: s.ed.addEconomics}
	s.remove = &widget.Button{Text: l.T("panel.economics.remove"), Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: s.ed.removeEconomics}

	s.buildTables()
	s.chart = newBarChart(l.T("panel.economics.chart_empty"))
	s.chartHelp = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	s.buildHouseholds()
	general, loan, coop := s.buildFields()

	typesPanel := container.NewBorder(
		container.NewVBox(panelHeading(l.T("panel.economics.types")),
			&widget.Label{Text: l.T("panel.economics.types_help"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}),
		s.gap, nil, nil, s.typesBox)
	matrixPanel := container.NewBorder(
		&widget.Label{Text: l.T("panel.economics.matrix_help"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance},
		nil, nil, nil, s.matrixBox)
	chartPanel := container.NewBorder(s.chartHelp, nil, nil, nil, container.NewVScroll(s.chart))
	// Who can buy and the chart share the lower half, one at a time, so
	// that the type table above keeps room for its ten rows.
	s.lower = container.NewAppTabs(
		container.NewTabItem(l.T("panel.economics.matrix"), matrixPanel),
		container.NewTabItem(l.T("panel.economics.chart"), chartPanel),
	)
	figures := container.NewVSplit(typesPanel, s.lower)
	figures.Offset = 0.56

	hhPanel := container.NewBorder(
		&widget.Label{Text: l.T("panel.economics.households_help"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance},
		container.NewVBox(s.hhError, container.NewHBox(s.addHH)), nil, nil,
		container.NewStack(minHeight(householdRowsShown*(widget.NewEntry().MinSize().Height+theme.Padding())), s.hhBox()))
	side := container.NewScroll(container.NewVBox(
		widget.NewCard(l.T("panel.economics.households"), "", hhPanel),
		widget.NewCard(l.T("panel.economics.assumptions"), l.T("panel.economics.assumptions_help"), general),
		widget.NewCard(l.T("panel.economics.card_loan"), "", loan),
		widget.NewCard(l.T("panel.economics.card_coop"), "", coop),
		container.NewHBox(s.remove),
	))
	split := container.NewHSplit(figures, side)
	split.Offset = 0.62
	s.body = split

	s.message = &widget.Label{Text: l.T("panel.economics.none"), Wrapping: fyne.TextWrapWord}
	s.none = container.NewVBox(s.message, container.NewHBox(s.add))

	header := container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewLabel(l.T("panel.economics.variant")), widthOf(260, s.variant),
			widget.NewLabel(l.T("panel.economics.tenure_variant")), widthOf(300, s.variantTenure)),
		s.title)
	s.content = container.NewBorder(header, nil, nil, nil, container.NewStack(s.body, container.NewPadded(s.none)))
	s.refresh(true)
}

func (s *economicsScreen) onEditorChanged(ch change) {
	if ch&(changeConcept|changeEstimate|changeSelection|changeReload|changeCatalogue) == 0 {
		return
	}
	s.refresh(ch&(changeReload|changeSelection) != 0)
}

// setShown tells the screen whether its tab is shown. While hidden it
// skips its refreshes and draws what it missed when shown again.
func (s *economicsScreen) setShown(shown bool) {
	s.hidden = !shown
	if shown && s.stale {
		s.refresh(s.staleForce)
	}
}

// refresh shows the selected variant's economics; force sets every entry
// from the model, even one the user is typing into.
func (s *economicsScreen) refresh(force bool) {
	if s.hidden {
		s.stale, s.staleForce = true, s.staleForce || force
		return
	}
	s.stale, s.staleForce = false, false
	s.loading = true
	defer func() { s.loading = false }()
	c := s.ed.concept()
	e, err := s.ed.estimate()
	s.e, s.x = e, nil
	if e != nil {
		s.x = e.Economics
	}
	s.refreshHeader(c)
	if c.Economics == nil {
		s.body.Hide()
		setText(s.message, s.l.T("panel.economics.none"))
		s.none.Show()
		return
	}
	s.none.Hide()
	s.body.Show()
	switch {
	case err != nil:
		setText(s.title, s.l.T("panel.economics.no_estimate", concepts.Localize(err, s.l)))
	case e != nil:
		setText(s.title, s.l.T("panel.economics.title", e.Variant))
	}
	s.refreshFields(force)
	s.refreshTables()
	s.refreshChart()
	s.refreshHouseholds()
}

// refreshHeader shows the variants to choose from, the variant's tenure
// and the concept's.
func (s *economicsScreen) refreshHeader(c *concepts.Concept) {
	names := make([]string, len(c.Variants))
	for i, v := range c.Variants {
		names[i] = v.Name
	}
	selectOption(s.variant, names, s.ed.selected)
	if c.Economics == nil {
		setText(s.title, s.l.T("panel.economics.heading"))
		s.variantTenure.Disable()
		if s.variantTenure.SelectedIndex() >= 0 {
			s.variantTenure.ClearSelected()
		}
		return
	}
	s.variantTenure.Enable()
	i := 0
	switch c.Variants[s.ed.selected].Tenure {
	case concepts.TenureOwner:
		i = 1
	case concepts.TenureCooperative:
		i = 2
	}
	selectOption(s.variantTenure, []string{
		s.l.T("panel.economics.tenure_inherit", s.tenureName(c.Economics.Tenure)),
		s.tenureName(concepts.TenureOwner),
		s.tenureName(concepts.TenureCooperative),
	}, i)
	i = 0
	if c.Economics.Tenure == concepts.TenureCooperative {
		i = 1
	}
	selectOption(s.tenure, s.tenure.Options, i)
}

// selectOption gives sel the options and selects option i, refreshing it
// only when something changed (a select draws itself again on every
// SetSelectedIndex).
func selectOption(sel *widget.Select, options []string, i int) {
	if slices.Equal(sel.Options, options) && sel.SelectedIndex() == i {
		return
	}
	sel.Options = options
	sel.SetSelectedIndex(i)
}

func (s *economicsScreen) onVariantChanged(string) {
	if !s.loading {
		s.ed.selectVariant(s.variant.SelectedIndex())
	}
}

// variantTenures are the variant tenure select's options in order: the
// concept's, owner, cooperative.
var variantTenures = []concepts.Tenure{"", concepts.TenureOwner, concepts.TenureCooperative}

func (s *economicsScreen) onVariantTenureChanged(string) {
	i := s.variantTenure.SelectedIndex()
	if s.loading || i < 0 || i >= len(variantTenures) {
		return
	}
	if err := s.ed.setVariantTenure(s.ed.selected, variantTenures[i]); err != nil {
		showError(s.l, err, s.win)
	}
}

func (s *economicsScreen) onTenureChanged(string) {
	if s.loading {
		return
	}
	t := concepts.TenureOwner
	if s.tenure.SelectedIndex() == 1 {
		t = concepts.TenureCooperative
	}
	_ = s.ed.setEconomics("", func(ec *concepts.Economics) error {
		// Owner is the default: a section without a tenure keeps none.
		if t != concepts.TenureOwner || ec.Tenure != "" {
			ec.Tenure = t
		}
		return nil
	})
}

// widthOf holds o at least w wide, so that a select shows its choice whole.
func widthOf(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	r := &canvas.Rectangle{FillColor: color.Transparent}
	r.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(r, o)
}
