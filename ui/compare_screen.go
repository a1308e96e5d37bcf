package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// better says which value of a compared row is best.
type better int

// The directions of a compared row.
const (
	betterNone better = iota
	betterLower
	betterHigher
)

// compareRow is one row of the comparison: a label and how to read the
// value of an estimate (nil when it has none).
type compareRow struct {
	key    string
	better better
	value  func(e *costing.Estimate) *decimal.Decimal
	format func(l *i18n.Locale, d decimal.Decimal) string
	// text, when set, replaces format (the failed checks).
	text func(l *i18n.Locale, e *costing.Estimate) string
	// section marks a heading row without values.
	section bool
	// args are the label's arguments (a household's name).
	args []any
}

func ref(d decimal.Decimal) *decimal.Decimal { return &d }

func intValue(n int) *decimal.Decimal { return ref(decimal.NewFromInt(int64(n))) }

// The formats of the comparison's values. Percentages and dwellings per
// daa keep a fixed number of decimals, so that a column reads "5,0 %"
// beside "8,2 %" and its numbers line up.
func fmtInt(l *i18n.Locale, d decimal.Decimal) string    { return l.Number(d, 0) }
func fmtNOK(l *i18n.Locale, d decimal.Decimal) string    { return l.NOK(d) }
func fmtArea(l *i18n.Locale, d decimal.Decimal) string   { return l.Area(d) }
func fmtPct(l *i18n.Locale, d decimal.Decimal) string    { return l.PercentFixed(d, 1) }
func fmtFixed2(l *i18n.Locale, d decimal.Decimal) string { return l.Fixed(d, 2) }
func fmtCarbon(l *i18n.Locale, d decimal.Decimal) string { return l.Number(d, 0) }

// compareRows are the rows of the comparison, in order. Absolute cost
// totals carry no "best" mark: a cheaper variant with fewer dwellings is not
// the better one; the per-dwelling and per-m² rows below them are compared.
var compareRows = []compareRow{
	{key: "ui.compare.section_figures", section: true},
	{key: "ui.figures.dwellings", better: betterHigher, value: func(e *costing.Estimate) *decimal.Decimal { return intValue(e.Dwellings) }, format: fmtInt},
	{key: "ui.figures.persons", better: betterHigher, value: func(e *costing.Estimate) *decimal.Decimal { return intValue(e.Persons) }, format: fmtInt},
	{key: "ui.figures.bra", value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Area.BRA) }, format: fmtArea},
	{key: "ui.figures.bya_percent", value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Density.BYAPercent) }, format: fmtPct},
	{key: "ui.figures.bra_percent", value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Density.BRAPercent) }, format: fmtPct},
	{key: "ui.figures.dwellings_per_daa", better: betterHigher, value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Density.DwellingsPerDaa) }, format: fmtFixed2},
	{key: "ui.figures.mua", better: betterHigher, value: func(e *costing.Estimate) *decimal.Decimal { return e.Density.MUAPerDwelling }, format: fmtArea},
	{key: "ui.figures.parking", value: func(e *costing.Estimate) *decimal.Decimal { return intValue(e.ParkingSpaces) }, format: fmtInt},
	{key: "ui.figures.affordable", better: betterHigher, value: func(e *costing.Estimate) *decimal.Decimal { return intValue(e.AffordableDwellings) }, format: fmtInt},
	{key: "ui.figures.carbon", better: betterLower, value: func(e *costing.Estimate) *decimal.Decimal { return e.CarbonKgPerM2BRA }, format: fmtCarbon},
	{key: "ui.compare.section_costs", section: true},
	{key: "ui.compare.pricebook", text: func(l *i18n.Locale, e *costing.Estimate) string {
		if e.PriceBook == "" {
			return l.T("ui.compare.pricebook_none")
		}
		return e.PriceBook
	}},
	{key: "total.huskostnad", value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Totals.Huskostnad) }, format: fmtNOK},
	{key: "total.entreprisekostnad", value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Totals.Entreprisekostnad) }, format: fmtNOK},
	{key: "total.byggekostnad", value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Totals.Byggekostnad) }, format: fmtNOK},
	{key: "total.basiskostnad", value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Totals.Basiskostnad) }, format: fmtNOK},
	{key: "ui.compare.p50", value: func(e *costing.Estimate) *decimal.Decimal { return e.P50 }, format: fmtNOK},
	{key: "ui.compare.p85", value: func(e *costing.Estimate) *decimal.Decimal { return e.P85 }, format: fmtNOK},
	{key: "total.prosjektkostnad", value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Totals.Prosjektkostnad) }, format: fmtNOK},
	{key: "total.kostnadsramme", value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Totals.Kostnadsramme) }, format: fmtNOK},
	{key: "total.kostnadsramme_inkl_prisregulering", value: func(e *costing.Estimate) *decimal.Decimal { return ref(e.Totals.KostnadsrammeInklPrisregulering) }, format: fmtNOK},
	{key: "ui.figures.per_dwelling", better: betterLower, value: func(e *costing.Estimate) *decimal.Decimal { return e.PerDwelling.Kostnadsramme }, format: fmtNOK},
	{key: "ui.figures.per_m2", better: betterLower, value: func(e *costing.Estimate) *decimal.Decimal { return e.PerM2BRAKostnadsramme }, format: fmtNOK},
	{key: "ui.compare.section_checks", section: true},
	{key: "ui.compare.failed", better: betterLower, value: func(e *costing.Estimate) *decimal.Decimal { return intValue(len(e.Failed())) },
		text: func(l *i18n.Locale, e *costing.Estimate) string {
			var ids []string
			for _, c := range e.Failed() {
				ids = append(ids, c.ID)
			}
			if len(ids) == 0 {
				return l.T("ui.compare.none_failed")
			}
			return l.T("ui.compare.failed_list", len(ids), strings.Join(ids, ", "))
		}},
}

// compareScreen shows every variant side by side, one column each, with
// the best value of each row marked.
type compareScreen struct {
	ed      *editor
	l       *i18n.Locale
	table   *widget.Table
	columns *fitColumns
	content *fyne.Container
	// best[r][v] is true when variant v has row r's best value.
	best [][]bool
	// rows are the rows shown: compareRows and the concept's own.
	rows []compareRow
	// hidden is true while another tab is shown, and stale while the
	// table has skipped a refresh because of it.
	hidden, stale bool
}

// newCompareScreen builds the comparison.
func newCompareScreen(ed *editor) *compareScreen {
	s := &compareScreen{ed: ed, l: ed.l}
	s.table = &widget.Table{
		Length:            func() (int, int) { return len(s.rows), 1 + len(s.ed.estimates) },
		CreateCell:        newCompareCell,
		UpdateCell:        s.updateCell,
		ShowHeaderRow:     true,
		CreateHeader:      newHeader,
		UpdateHeader:      s.updateHeader,
		StickyColumnCount: 1,
	}
	s.columns = &fitColumns{table: s.table}
	s.content = container.New(s.columns, s.table)
	ed.onChange(s.onEditorChanged)
	return s
}

// Content returns the table.
func (s *compareScreen) Content() fyne.CanvasObject { return s.content }

// setColumns gives the label column and one column per variant their widths.
func (s *compareScreen) setColumns(variants int) {
	if len(s.columns.base) == variants+1 {
		return
	}
	s.columns.base = []float32{280}
	s.columns.min = []float32{220}
	s.columns.flex = []bool{true}
	for range variants {
		s.columns.base = append(s.columns.base, 190)
		s.columns.min = append(s.columns.min, 160)
		s.columns.flex = append(s.columns.flex, true)
	}
	s.columns.last = 0
	s.content.Refresh()
}

// compareCell is a value with a mark for the best value.
type compareCell struct {
	widget.BaseWidget
	label *widget.Label
	mark  *widget.Icon
}

func newCompareCell() fyne.CanvasObject {
	c := &compareCell{label: &widget.Label{Truncation: fyne.TextTruncateEllipsis}, mark: widget.NewIcon(nil)}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *compareCell) CreateRenderer() fyne.WidgetRenderer {
	return &compareCellRenderer{c: c}
}

// compareCellRenderer lays the mark over the start of the value.
type compareCellRenderer struct{ c *compareCell }

// Layout implements fyne.WidgetRenderer.
func (r *compareCellRenderer) Layout(size fyne.Size) {
	iconSize := theme.IconInlineSize()
	r.c.mark.Resize(fyne.NewSquareSize(iconSize))
	r.c.mark.Move(fyne.NewPos(theme.Padding(), (size.Height-iconSize)/2))
	r.c.label.Resize(size)
	r.c.label.Move(fyne.NewPos(0, 0))
}

// MinSize implements fyne.WidgetRenderer.
func (r *compareCellRenderer) MinSize() fyne.Size { return r.c.label.MinSize() }

// Refresh implements fyne.WidgetRenderer.
func (r *compareCellRenderer) Refresh() {
	r.c.label.Refresh()
	r.c.mark.Refresh()
}

// Objects implements fyne.WidgetRenderer.
func (r *compareCellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.label, r.c.mark}
}

// Destroy implements fyne.WidgetRenderer.
func (r *compareCellRenderer) Destroy() {}

func (s *compareScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	lbl := o.(*widget.Label)
	if id.Col == 0 {
		lbl.SetText("")
		return
	}
	lbl.Alignment = fyne.TextAlignTrailing
	if v := id.Col - 1; v < len(s.ed.concept().Variants) {
		lbl.SetText(s.ed.concept().Variants[v].Name)
	}
}

func (s *compareScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*compareCell)
	row := s.rows[id.Row]
	c.mark.SetResource(nil)
	c.label.Importance = widget.MediumImportance
	c.label.TextStyle = fyne.TextStyle{}
	if id.Col == 0 {
		c.label.Alignment = fyne.TextAlignLeading
		c.label.TextStyle.Bold = row.section
		c.label.SetText(s.l.T(row.key, row.args...))
		return
	}
	c.label.Alignment = fyne.TextAlignTrailing
	v := id.Col - 1
	e, _ := s.ed.estimateOf(v)
	if row.section {
		c.label.SetText("")
		return
	}
	text := "–"
	if e != nil {
		if row.text != nil {
			text = row.text(s.l, e)
		} else if d := row.value(e); d != nil {
			text = row.format(s.l, *d)
		}
	}
	if id.Row < len(s.best) && v < len(s.best[id.Row]) && s.best[id.Row][v] {
		c.label.TextStyle.Bold = true
		c.label.Importance = widget.SuccessImportance
		c.mark.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	}
	c.label.SetText(text)
}

func (s *compareScreen) onEditorChanged(ch change) {
	if ch&(changeConcept|changeEstimate|changeReload) == 0 {
		return
	}
	s.markBest()
	if s.hidden {
		s.stale = true
		return
	}
	s.refresh()
}

// refresh draws the table again.
func (s *compareScreen) refresh() {
	s.stale = false
	s.setColumns(len(s.ed.estimates))
	s.table.Refresh()
}

// setShown tells the screen whether its tab is shown; a table hidden
// through edits is drawn again when shown.
func (s *compareScreen) setShown(shown bool) {
	s.hidden = !shown
	if shown && s.stale {
		s.refresh()
	}
}

// markBest finds the best value of every row: the lowest or highest, when
// at least two variants have a value and not all of them are equal.
func (s *compareScreen) markBest() {
	s.rows = s.comparedRows()
	s.best = make([][]bool, len(s.rows))
	for r, row := range s.rows {
		s.best[r] = make([]bool, len(s.ed.estimates))
		if row.better == betterNone || row.value == nil {
			continue
		}
		var vals []*decimal.Decimal
		for _, e := range s.ed.estimates {
			if e == nil {
				vals = append(vals, nil)
				continue
			}
			vals = append(vals, row.value(e))
		}
		var best *decimal.Decimal
		n, allEqual := 0, true
		for _, d := range vals {
			if d == nil {
				continue
			}
			n++
			if best != nil && !d.Equal(*best) {
				allEqual = false
			}
			if best == nil || (row.better == betterLower && d.LessThan(*best)) || (row.better == betterHigher && d.GreaterThan(*best)) {
				best = d
			}
		}
		if n < 2 || allEqual {
			continue
		}
		for v, d := range vals {
			s.best[r][v] = d != nil && d.Equal(*best)
		}
	}
}
