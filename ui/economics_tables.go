package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// The rows of the dwelling-type table: one figure per row, one dwelling
// type per column (as in the matrix below it, whose columns line up with
// these), and a last column with the variant's totals.
const (
	ecoRowCount = iota
	ecoRowCost
	ecoRowSale
	ecoRowMarket
	ecoRowGap
	ecoRowEquity
	ecoRowIncome
	ecoRowCommonDebt
	ecoRowMonthly
	ecoRowStress
	ecoRows
)

// ecoRowKeys are the translation keys of the type table's row labels.
var ecoRowKeys = [ecoRows]string{
	"panel.economics.row.count", "panel.economics.row.cost", "panel.economics.row.sale",
	"panel.economics.row.market", "panel.economics.row.gap", "panel.economics.row.equity", "panel.economics.row.income",
	"panel.economics.row.common_debt", "panel.economics.row.monthly", "panel.economics.row.stress",
}

// buildTables makes the dwelling-type table and the households × types
// matrix, each in a container that fits its columns to the width.
func (s *economicsScreen) buildTables() {
	s.types = &widget.Table{
		Length:            func() (int, int) { return ecoRows, 2 + s.typeRows() },
		CreateCell:        newEconomicsLabel,
		UpdateCell:        s.updateTypeCell,
		ShowHeaderRow:     true,
		CreateHeader:      newHeader,
		UpdateHeader:      s.updateTypeHeader,
		StickyColumnCount: 1,
	}
	s.typeCols = &fitColumns{table: s.types}
	s.typesBox = container.New(s.typeCols, s.types)
	s.gap = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}

	s.matrix = &widget.Table{
		Length:            func() (int, int) { return s.matrixRows(), 2 + s.typeRows() },
		CreateCell:        newMatrixCell,
		UpdateCell:        s.updateMatrixCell,
		ShowHeaderRow:     true,
		CreateHeader:      newHeader,
		UpdateHeader:      s.updateMatrixHeader,
		StickyColumnCount: 1,
	}
	s.matrixCols = &fitColumns{table: s.matrix}
	s.matrixBox = container.New(s.matrixCols, s.matrix)
}

// typeRows is the number of dwelling types shown.
func (s *economicsScreen) typeRows() int {
	if s.x == nil {
		return 0
	}
	return len(s.x.Types)
}

// matrixRows is the number of households shown.
func (s *economicsScreen) matrixRows() int {
	if s.x == nil {
		return 0
	}
	return len(s.x.Households)
}

// newEconomicsLabel is a cell of the type table.
func newEconomicsLabel() fyne.CanvasObject {
	return &widget.Label{Truncation: fyne.TextTruncateEllipsis}
}

// setCell shows text in a label cell, aligned to the end for figures.
func setCell(o fyne.CanvasObject, text string, trailing bool) {
	lbl := o.(*widget.Label)
	align := fyne.TextAlignLeading
	if trailing {
		align = fyne.TextAlignTrailing
	}
	if lbl.Alignment != align {
		lbl.Alignment = align
		lbl.Refresh()
	}
	setText(lbl, text)
}

// nok formats whole kroner.
func (s *economicsScreen) nok(k costing.Kroner) string { return s.l.NOK(k.Decimal()) }

// typeName is a dwelling type's name in the window's language.
func (s *economicsScreen) typeName(t *concepts.UnitType) string {
	if n := t.Name.In(s.l.Lang()); n != "" {
		return n
	}
	return t.ID
}

// updateTypeHeader names the dwelling types above their columns, and the
// totals' column.
func (s *economicsScreen) updateTypeHeader(id widget.TableCellID, o fyne.CanvasObject) {
	n := s.typeRows()
	switch {
	case id.Col == 0:
		setHeader(o, s.l, "panel.economics.col.type", false)
	case id.Col <= n:
		setCell(o, s.typeName(s.x.Types[id.Col-1].Type), true)
	default:
		setHeader(o, s.l, "panel.economics.col.total", true)
	}
}

func (s *economicsScreen) updateTypeCell(id widget.TableCellID, o fyne.CanvasObject) {
	x := s.x
	if id.Col == 0 {
		setCell(o, s.l.T(ecoRowKeys[id.Row]), false)
		return
	}
	if x == nil {
		setCell(o, "", true)
		return
	}
	if id.Col > len(x.Types) {
		setCell(o, s.totalText(id.Row), true)
		return
	}
	t := &x.Types[id.Col-1]
	text := "–"
	switch id.Row {
	case ecoRowCount:
		text = s.l.Int(int64(t.Count))
	case ecoRowCost:
		text = s.l.NOK(t.CostPrice)
	case ecoRowSale:
		text = s.nok(t.SalePrice)
	case ecoRowMarket:
		if x.HasMarketValue {
			text = s.nok(t.MarketValue)
		}
	case ecoRowGap:
		if x.HasMarketValue {
			text = s.nok(t.Gap)
		}
	case ecoRowEquity:
		text = s.nok(t.EquityNeeded)
	case ecoRowIncome:
		text = s.nok(t.IncomeNeeded)
	case ecoRowCommonDebt:
		if x.Tenure == concepts.TenureCooperative {
			text = s.nok(t.CommonDebt)
		}
	case ecoRowMonthly:
		text = s.nok(t.Monthly)
	case ecoRowStress:
		text = s.nok(t.MonthlyStress)
	}
	setCell(o, text, true)
}

// totalText is the totals' column of a row: the variant's dwellings and
// its subsidy gap; the other figures are per dwelling and have no total.
func (s *economicsScreen) totalText(row int) string {
	switch row {
	case ecoRowCount:
		return s.l.Int(int64(s.e.Dwellings))
	case ecoRowGap:
		if s.x.HasMarketValue {
			return s.nok(s.x.SubsidyGap)
		}
		return "–"
	}
	return ""
}

// matrixCell is a cell of the households × types matrix: a verdict and
// up to two lines of reasons (or a household's name and facts).
type matrixCell struct {
	widget.BaseWidget
	// row and col are the household and column shown, set by the table.
	row, col           int
	head, line1, line2 *widget.Label
	box                *fyne.Container
}

func newMatrixCell() fyne.CanvasObject {
	c := &matrixCell{
		head:  &widget.Label{Truncation: fyne.TextTruncateEllipsis, TextStyle: fyne.TextStyle{Bold: true}},
		line1: &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText},
		line2: &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText},
	}
	c.box = container.New(tightRows{}, c.head, c.line1, c.line2)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *matrixCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.box) }

// set shows a head line with its importance and two lines below it.
func (c *matrixCell) set(head string, imp widget.Importance, line1, line2 string) {
	if c.head.Importance != imp {
		c.head.Importance = imp
		c.head.Refresh()
	}
	setText(c.head, head)
	setText(c.line1, line1)
	setText(c.line2, line2)
}

// tightRows stacks labels one under the other, each line of text right
// under the one above: the labels overlap in their padding, which is
// transparent, so that a three-line matrix cell is as high as three lines
// of text and not three labels.
type tightRows struct{}

// step is the distance from one label's text to the next one's.
func (tightRows) step(o fyne.CanvasObject) float32 {
	return o.MinSize().Height - 2*theme.InnerPadding() + theme.LineSpacing()
}

// Layout implements fyne.Layout.
func (t tightRows) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for i, o := range objects {
		o.Move(fyne.NewPos(0, float32(i)*t.step(o)))
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
	}
}

// MinSize implements fyne.Layout: the widest label, and the height from
// the first label's top to the last one's bottom.
func (t tightRows) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objects {
		m := o.MinSize()
		w = max(w, m.Width)
		h = max(h, float32(i)*t.step(o)+m.Height)
	}
	return fyne.NewSize(w, h)
}

func (s *economicsScreen) updateMatrixHeader(id widget.TableCellID, o fyne.CanvasObject) {
	n := s.typeRows()
	switch {
	case id.Col == 0:
		setHeader(o, s.l, "panel.economics.col.household", false)
	case id.Col <= n:
		setCell(o, s.typeName(s.x.Types[id.Col-1].Type), false)
	default:
		setHeader(o, s.l, "panel.economics.col.dwellings", true)
	}
}

func (s *economicsScreen) updateMatrixCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*matrixCell)
	c.row, c.col = id.Row, id.Col
	x := s.x
	if x == nil || id.Row >= len(x.Households) {
		c.set("", widget.MediumImportance, "", "")
		return
	}
	hh := &x.Households[id.Row]
	h := hh.Household
	n := len(x.Types)
	switch {
	case id.Col == 0:
		equity := s.l.T("panel.economics.household_equity", i18n.NOK(h.Equity))
		if h.Startlan {
			equity = s.l.T("panel.economics.household_equity_startlan", i18n.NOK(h.Equity))
		}
		c.set(h.Name.In(s.l.Lang()), widget.MediumImportance, s.l.T("panel.economics.household_income", i18n.NOK(h.Income)), equity)
	case id.Col <= n:
		t := id.Col - 1
		if t < len(hh.Can) && hh.Can[t] {
			c.set(s.l.T("panel.economics.can"), widget.SuccessImportance, "", "")
			return
		}
		equity, income := x.Shortfall(id.Row, t)
		var lines []string
		if equity.IsPositive() {
			lines = append(lines, s.l.T("panel.economics.short_equity", s.l.Number(equity, 0)))
		}
		if income.IsPositive() {
			lines = append(lines, s.l.T("panel.economics.short_income", s.l.Number(income, 0)))
		}
		lines = append(lines, "", "")
		c.set(s.l.T("panel.economics.cannot"), widget.DangerImportance, lines[0], lines[1])
	default:
		imp := widget.SuccessImportance
		if hh.Dwellings == 0 {
			imp = widget.DangerImportance
		}
		c.set(s.l.T("panel.economics.dwellings", hh.Dwellings, s.e.Dwellings), imp, "", "")
	}
}

// refreshTables shows the economics in the tables and the subsidy gap,
// and fits the matrix's columns to the number of types.
func (s *economicsScreen) refreshTables() {
	x := s.x
	switch {
	case x == nil:
		setText(s.gap, "")
	case !x.HasMarketValue:
		setText(s.gap, s.l.T("panel.economics.gap_none"))
	default:
		setText(s.gap, s.l.T("panel.economics.gap_total", s.nok(x.SubsidyGap), s.e.Dwellings))
	}
	if n := 2 + s.typeRows(); len(s.matrixCols.base) != n {
		for _, f := range []*fitColumns{s.typeCols, s.matrixCols} {
			f.base, f.min, f.flex = []float32{200}, []float32{160}, []bool{true}
			for range n - 2 {
				f.base, f.min, f.flex = append(f.base, 160), append(f.min, 130), append(f.flex, true)
			}
			f.base, f.min, f.flex = append(f.base, 150), append(f.min, 150), append(f.flex, false)
			f.last = 0
		}
		s.typesBox.Refresh()
		s.matrixBox.Refresh()
	}
	s.types.Refresh()
	s.matrix.Refresh()
}
