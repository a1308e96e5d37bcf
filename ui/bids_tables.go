package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/tender"
	"github.com/shopspring/decimal"
)

// The columns of the ranking, in order.
var rankingColumns = []struct {
	key      string
	width    float32
	trailing bool
}{
	{"ui.bids.col.rank", 60, true},
	{"ui.bids.col.tenderer", 220, false},
	{"ui.bids.col.file", 170, false},
	{"ui.bids.col.total", 150, true},
	{"ui.bids.col.ofestimate", 110, true},
	{"ui.bids.col.low", 250, false},
	{"ui.bids.col.arith", 380, false},
	{"ui.bids.col.unbalanced", 320, false},
}

// The fixed columns of the line comparison, before the estimate's.
var lineColumns = []struct {
	key      string
	width    float32
	trailing bool
}{
	{"ui.bids.col.no", 70, false},
	{"ui.bids.col.text", 340, false},
	{"ui.bids.col.qty", 100, true},
	{"ui.bids.col.unit", 70, false},
}

// bidColumnWidth is the width of a bid's (or the estimate's) column in the
// comparisons.
const bidColumnWidth = 170

// newBidCell is a cell of the bids' tables: a label that ends in an
// ellipsis when too long.
func newBidCell() fyne.CanvasObject {
	return &widget.Label{Truncation: fyne.TextTruncateEllipsis}
}

// setBidCell shows text in a cell, aligned to the end for figures, in bold
// with importance imp when marked.
func setBidCell(o fyne.CanvasObject, text string, trailing, marked bool, imp widget.Importance) {
	lbl := o.(*widget.Label)
	lbl.Alignment = fyne.TextAlignLeading
	if trailing {
		lbl.Alignment = fyne.TextAlignTrailing
	}
	lbl.TextStyle = fyne.TextStyle{Bold: marked}
	lbl.Importance = imp
	lbl.Text = text
	lbl.Refresh()
}

// buildTables makes the ranking with its details, and the comparisons
// per post and per line.
func (s *bidsScreen) buildTables() {
	s.ranking = &widget.Table{
		Length:        func() (int, int) { return len(s.order), len(rankingColumns) },
		CreateCell:    newBidCell,
		UpdateCell:    s.updateRankingCell,
		ShowHeaderRow: true,
		CreateHeader:  newHeader,
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			c := rankingColumns[id.Col]
			setHeader(o, s.l, c.key, c.trailing)
		},
		OnSelected: s.onRankingSelected,
	}
	for i, c := range rankingColumns {
		s.ranking.SetColumnWidth(i, c.width)
	}
	s.posts = &widget.Table{
		Length:            func() (int, int) { return s.postRows(), 2 + len(s.order) },
		CreateCell:        newBidCell,
		UpdateCell:        s.updatePostCell,
		ShowHeaderRow:     true,
		CreateHeader:      newHeader,
		UpdateHeader:      s.updateBidHeader(1, "ui.bids.col.post"),
		StickyColumnCount: 1,
	}
	s.lines = &widget.Table{
		Length:            func() (int, int) { return s.lineRows(), len(lineColumns) + 1 + len(s.order) },
		CreateCell:        newBidCell,
		UpdateCell:        s.updateLineCell,
		ShowHeaderRow:     true,
		CreateHeader:      newHeader,
		UpdateHeader:      s.updateBidHeader(len(lineColumns), ""),
		StickyColumnCount: 2,
	}
	for i, c := range lineColumns {
		s.lines.SetColumnWidth(i, c.width)
	}
	s.linesLegend = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	s.removeButton = &widget.Button{Text: s.l.T("ui.bids.remove"), Icon: theme.ContentRemoveIcon(), OnTapped: s.onRemoveTapped}
}

// refreshTables shows the evaluation in the tables and the details.
func (s *bidsScreen) refreshTables() {
	s.posts.SetColumnWidth(0, 260)
	for c := 1; c < 2+len(s.order); c++ {
		s.posts.SetColumnWidth(c, bidColumnWidth)
	}
	for c := len(lineColumns); c < len(lineColumns)+1+len(s.order); c++ {
		s.lines.SetColumnWidth(c, bidColumnWidth)
	}
	s.ranking.Refresh()
	s.posts.Refresh()
	s.lines.Refresh()
	s.refreshDetails()
}

// shown is the evaluation the tables show: none while there is none.
func (s *bidsScreen) shown() *tender.Evaluation {
	if s.ev == nil || len(s.ev.Bids) == 0 {
		return nil
	}
	return s.ev
}

// updateBidHeader returns the header of a comparison whose first columns
// are fixed (only the first, key, is named when it is not lineColumns),
// then the estimate's column, then one column per bid in rank order.
func (s *bidsScreen) updateBidHeader(fixed int, key string) func(widget.TableCellID, fyne.CanvasObject) {
	return func(id widget.TableCellID, o fyne.CanvasObject) {
		switch {
		case id.Col < fixed && key != "":
			setHeader(o, s.l, key, false)
		case id.Col < fixed:
			c := lineColumns[id.Col]
			setHeader(o, s.l, c.key, c.trailing)
		case id.Col == fixed:
			setHeader(o, s.l, "ui.bids.col.estimate", true)
		default:
			lbl := o.(*widget.Label)
			lbl.Alignment = fyne.TextAlignTrailing
			if k := id.Col - fixed - 1; k < len(s.order) && s.ev != nil {
				b := s.ev.Bids[s.order[k]]
				lbl.SetText(s.l.T("ui.bids.chart_bid", b.Rank, bidName(b.Bid)))
			}
		}
	}
}

func (s *bidsScreen) updateRankingCell(id widget.TableCellID, o fyne.CanvasObject) {
	ev := s.shown()
	if ev == nil || id.Row >= len(s.order) {
		setBidCell(o, "", false, false, widget.MediumImportance)
		return
	}
	l := s.l
	b := ev.Bids[s.order[id.Row]]
	c := rankingColumns[id.Col]
	imp := widget.MediumImportance
	var text string
	switch id.Col {
	case 0:
		text = l.Int(int64(b.Rank))
	case 1:
		text = bidName(b.Bid)
	case 2:
		text = baseName(b.File)
	case 3:
		text = l.NOK(b.Total)
	case 4:
		text = l.PercentFixed(b.PercentOfEstimate, 1)
	case 5:
		text = s.lowText(b)
		if b.AbnormallyLow {
			imp = widget.DangerImportance
		}
	case 6:
		text = l.T("ui.bids.none")
		if len(b.ArithmeticErrors) > 0 {
			text = strings.Join(s.arithTexts(b), "; ")
			imp = widget.WarningImportance
		}
	case 7:
		text = l.T("ui.bids.none")
		if len(b.Unbalanced) > 0 {
			text = strings.Join(s.lineNames(b.Unbalanced), "; ")
			imp = widget.WarningImportance
		}
	}
	setBidCell(o, text, c.trailing, imp != widget.MediumImportance, imp)
}

// lowText says whether a bid is abnormally low, and below what.
func (s *bidsScreen) lowText(b *tender.EvaluatedBid) string {
	l := s.l
	switch {
	case b.BelowEstimate && b.BelowMedian:
		return l.T("ui.bids.low.both", tender.AbnormallyLowOfEstimatePercent, tender.AbnormallyLowOfMedianPercent)
	case b.BelowEstimate:
		return l.T("ui.bids.low.estimate", tender.AbnormallyLowOfEstimatePercent)
	case b.BelowMedian:
		return l.T("ui.bids.low.median", tender.AbnormallyLowOfMedianPercent)
	}
	return l.T("ui.bids.low.no")
}

// lineName names the line of key by its number and text.
func (s *bidsScreen) lineName(key string) string {
	for _, ln := range s.ev.Lines {
		if ln.Key == key {
			return ln.No + " " + ln.Text
		}
	}
	return key
}

// lineNames names the lines of keys.
func (s *bidsScreen) lineNames(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = s.lineName(k)
	}
	return out
}

// arithTexts gives each arithmetic error of b with its cell and both
// figures: the tenderer's sum and the computed one.
func (s *bidsScreen) arithTexts(b *tender.EvaluatedBid) []string {
	out := make([]string, len(b.ArithmeticErrors))
	for i, a := range b.ArithmeticErrors {
		where := s.lineName(a.Key)
		if a.Cell != "" {
			where += " (" + a.Cell + ")"
		}
		out[i] = s.l.T("ui.bids.arith.item", where, s.l.Number(a.Stated, 2), s.l.Number(a.Computed, 2))
	}
	return out
}

// postRows is the number of rows of the post comparison: the posts and
// the total.
func (s *bidsScreen) postRows() int {
	if ev := s.shown(); ev != nil {
		return len(ev.Posts) + 1
	}
	return 0
}

func (s *bidsScreen) updatePostCell(id widget.TableCellID, o fyne.CanvasObject) {
	ev := s.shown()
	if ev == nil || id.Row > len(ev.Posts) {
		setBidCell(o, "", false, false, widget.MediumImportance)
		return
	}
	l := s.l
	total := id.Row == len(ev.Posts)
	var text string
	switch {
	case id.Col == 0 && total:
		text = l.T("ui.bids.total_row")
	case id.Col == 0:
		p := ev.Posts[id.Row]
		text = l.Int(int64(p.Post)) + " " + p.Name
	case id.Col == 1 && total:
		text = l.NOK(ev.Estimate)
	case id.Col == 1:
		text = l.NOK(ev.Posts[id.Row].Estimate)
	case id.Col-2 < len(s.order) && total:
		text = l.NOK(ev.Bids[s.order[id.Col-2]].Total)
	case id.Col-2 < len(s.order):
		text = l.NOK(ev.Posts[id.Row].Bids[s.order[id.Col-2]])
	}
	setBidCell(o, text, id.Col > 0, total, widget.MediumImportance)
}

// lineRows is the number of rows of the line comparison.
func (s *bidsScreen) lineRows() int {
	if ev := s.shown(); ev != nil {
		return len(ev.Lines)
	}
	return 0
}

func (s *bidsScreen) updateLineCell(id widget.TableCellID, o fyne.CanvasObject) {
	ev := s.shown()
	if ev == nil || id.Row >= len(ev.Lines) {
		setBidCell(o, "", false, false, widget.MediumImportance)
		return
	}
	l := s.l
	ln := ev.Lines[id.Row]
	money := func(price, amount decimal.Decimal) string {
		if s.showAmounts {
			return l.NOK(amount)
		}
		return l.Fixed(price, 2)
	}
	fixed := len(lineColumns)
	switch {
	case id.Col == 0:
		setBidCell(o, ln.No, false, false, widget.MediumImportance)
	case id.Col == 1:
		setBidCell(o, ln.Text, false, false, widget.MediumImportance)
	case id.Col == 2:
		setBidCell(o, l.Number(ln.Qty, 2), true, false, widget.MediumImportance)
	case id.Col == 3:
		setBidCell(o, ln.Unit, false, false, widget.MediumImportance)
	case id.Col == fixed:
		setBidCell(o, money(ln.EstimatePrice, ln.EstimateAmount), true, false, widget.MediumImportance)
	case id.Col-fixed-1 < len(s.order):
		k := s.order[id.Col-fixed-1]
		imp := widget.MediumImportance
		if ln.Unbalanced[k] {
			imp = widget.WarningImportance
		}
		setBidCell(o, money(ln.Prices[k], ln.Amounts[k]), true, ln.Unbalanced[k], imp)
	default:
		setBidCell(o, "", false, false, widget.MediumImportance)
	}
}

// onRankingSelected shows the details of the bid in row id.Row.
func (s *bidsScreen) onRankingSelected(id widget.TableCellID) {
	if id.Row >= 0 && id.Row < len(s.order) {
		s.chosen = s.order[id.Row]
	}
	s.refreshDetails()
	s.refreshButtons()
}
