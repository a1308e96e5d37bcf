package tender

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/hallingdal/bokonsept/i18n"
	"github.com/jung-kurt/gofpdf"
	"github.com/shopspring/decimal"
)

// EvaluationDoc is what the evaluation PDF says besides the evaluation.
type EvaluationDoc struct {
	// Concept is the concept's name.
	Concept string
	// Lang is "nb" (the default when empty) or "en".
	Lang string
	// Version is the program version written in the PDF creator field.
	Version string
	// Date is the document's date (creation and modification), so that
	// the same input gives the same file.
	Date time.Time
}

// The evaluation PDF's page: A4 landscape, in millimetres.
const (
	evFont      = "dejavu"
	evPageW     = 297.0
	evPageH     = 210.0
	evMargin    = 14.0
	evWidth     = evPageW - 2*evMargin
	evBottom    = evPageH - 16
	evRowH      = 4.6
	evTableSize = 7.5
)

// WriteEvaluationPDF writes the internal evaluation of ev to w, marked
// "Internt – ikke del av konkurransegrunnlaget" on every page: the
// ranking, the abnormally low bids, the arithmetic errors, the
// reservations, a comparison per post and one per line with the
// unbalanced lines marked. Nothing is written to w before the document is
// ready; errors are *Error.
func WriteEvaluationPDF(w io.Writer, ev *Evaluation, d EvaluationDoc) (err error) {
	lang := d.Lang
	if lang == "" {
		lang = i18n.Default
	}
	defer recoverPanic(&err, lang, "pdf")
	if !i18n.Supported(lang) {
		return errorIn(lang, fmt.Errorf("%w: %q", ErrLang, d.Lang), "tender.err.lang", d.Lang)
	}
	l := i18n.New(lang)
	raw := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "L", UnitStr: "mm", SizeStr: "A4"})
	raw.SetCatalogSort(true)
	raw.SetCreationDate(d.Date)
	raw.SetModificationDate(d.Date)
	raw.SetCompression(true)
	raw.SetMargins(evMargin, 20, evMargin)
	raw.SetAutoPageBreak(false, 0)
	fonts := loadFonts()
	if fonts.err != nil {
		return libraryError(lang, "pdf", fonts.err)
	}
	for _, ff := range fontFiles {
		raw.AddUTF8FontFromBytes(evFont, ff.style, fonts.fonts[ff.style])
	}
	p := newPDFWriter(raw, fonts)
	creator := creatorName(d.Version)
	p.SetTitle(l.T("bids.pdf.title")+" – "+d.Concept, true)
	p.SetSubject(l.T("bids.pdf.subtitle", d.Concept, ev.Variant), true)
	p.SetCreator(creator, true)
	p.SetProducer(creator, true)
	e := &evDoc{p: p, l: l, ev: ev}
	raw.SetHeaderFuncMode(e.header, true)
	raw.AliasNbPages("{nb}")
	raw.SetFooterFunc(e.footer)
	e.write(d.Concept, creator)
	if err := raw.Error(); err != nil {
		return libraryError(lang, "pdf", err)
	}
	var buf strings.Builder
	if err := raw.Output(&buf); err != nil {
		return libraryError(lang, "pdf", err)
	}
	if _, err := io.WriteString(w, buf.String()); err != nil {
		return writeError(lang, err)
	}
	return nil
}

// evDoc is the evaluation PDF being written.
type evDoc struct {
	p  *pdfWriter
	l  *i18n.Locale
	ev *Evaluation
	// head repeats a table's header after a page break.
	head func()
}

func (e *evDoc) header() {
	p := e.p
	p.SetFont(evFont, "B", 8)
	p.SetTextColor(156, 0, 6)
	p.SetXY(evMargin, 8)
	p.CellFormat(evWidth/2, 5, e.l.T("bids.pdf.internal"), "", 0, "L", false, 0, "")
	p.SetTextColor(80, 80, 80)
	p.SetFont(evFont, "", 8)
	p.CellFormat(evWidth/2, 5, e.p.clean(clip(e.l.T("bids.pdf.title")+" – "+e.ev.Variant, 120)), "", 0, "R", false, 0, "")
	p.SetDrawColor(170, 178, 189)
	p.Line(evMargin, 14, evPageW-evMargin, 14)
	p.SetTextColor(0, 0, 0)
	p.SetXY(evMargin, 18)
}

func (e *evDoc) footer() {
	p := e.p
	p.SetFont(evFont, "", 8)
	p.SetTextColor(80, 80, 80)
	p.SetXY(evMargin, evPageH-10)
	p.CellFormat(evWidth, 5, e.l.T("tender.footer.page", p.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
	p.SetTextColor(0, 0, 0)
}

// need starts a new page unless h millimetres are left.
func (e *evDoc) need(h float64) {
	if e.p.GetY()+h > evBottom {
		e.p.AddPage()
		if e.head != nil {
			e.head()
		}
	}
}

func (e *evDoc) heading(s string) {
	e.head = nil
	e.need(18)
	e.p.Ln(3)
	e.p.SetFont(evFont, "B", 12)
	e.p.SetTextColor(31, 78, 121)
	e.p.CellFormat(evWidth, 7, s, "", 1, "L", false, 0, "")
	e.p.SetTextColor(0, 0, 0)
}

func (e *evDoc) para(s string) {
	e.p.SetFont(evFont, "", 9)
	lines := e.p.SplitText(e.p.clean(s), evWidth)
	for _, ln := range lines {
		e.need(4.5)
		e.p.CellFormat(evWidth, 4.5, ln, "", 1, "L", false, 0, "")
	}
	e.p.Ln(1)
}

// evCol is a column of a table.
type evCol struct {
	head  string
	w     float64
	align string
}

// table writes rows under the header of cols; a row whose first cell
// starts with "\x01" is bold.
func (e *evDoc) table(cols []evCol, rows [][]string) {
	p := e.p
	head := func() {
		p.SetFont(evFont, "B", evTableSize)
		p.SetFillColor(31, 78, 121)
		p.SetTextColor(255, 255, 255)
		for _, c := range cols {
			p.CellFormat(c.w, evRowH+1, e.fit(c.head, c.w), "1", 0, c.align, true, 0, "")
		}
		p.Ln(-1)
		p.SetTextColor(0, 0, 0)
	}
	e.need(3 * evRowH)
	head()
	e.head = head
	for _, r := range rows {
		e.need(evRowH)
		style := ""
		if len(r) > 0 && strings.HasPrefix(r[0], "\x01") {
			style, r[0] = "B", strings.TrimPrefix(r[0], "\x01")
		}
		p.SetFont(evFont, style, evTableSize)
		for i, c := range cols {
			v := ""
			if i < len(r) {
				v = r[i]
			}
			p.CellFormat(c.w, evRowH, e.fit(v, c.w), "1", 0, c.align, false, 0, "")
		}
		p.Ln(-1)
	}
	e.head = nil
	p.Ln(2)
}

// fit cuts s with an ellipsis to the width w less padding.
func (e *evDoc) fit(s string, w float64) string {
	s = e.p.clean(s)
	if e.p.GetStringWidth(s) <= w-2 {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && e.p.GetStringWidth(string(r)+ellipsis) > w-2 {
		r = r[:len(r)-1]
	}
	return string(r) + ellipsis
}

func (e *evDoc) money(d decimal.Decimal) string { return e.l.Number(d.Round(0), 0) }

// bidCols returns a column per bid sharing width w.
func (e *evDoc) bidCols(w float64) []evCol {
	n := len(e.ev.Bids)
	if n == 0 {
		return nil
	}
	cols := make([]evCol, n)
	for i, b := range e.ev.Bids {
		cols[i] = evCol{head: fmt.Sprintf("%d %s", i+1, b.Name()), w: w / float64(n), align: "R"}
	}
	return cols
}

func (e *evDoc) write(concept, creator string) {
	l, ev, p := e.l, e.ev, e.p
	p.AddPage()
	p.SetFont(evFont, "B", 18)
	p.SetTextColor(31, 78, 121)
	p.CellFormat(evWidth, 10, l.T("bids.pdf.title"), "", 1, "L", false, 0, "")
	p.SetFont(evFont, "", 11)
	p.SetTextColor(0, 0, 0)
	p.CellFormat(evWidth, 6, e.fit(l.T("bids.pdf.subtitle", concept, ev.Variant), evWidth), "", 1, "L", false, 0, "")
	p.SetFont(evFont, "B", 10)
	p.SetTextColor(156, 0, 6)
	p.CellFormat(evWidth, 6, l.T("bids.pdf.internal"), "", 1, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.Ln(2)
	e.para(l.T("bids.pdf.intro", e.money(ev.Estimate), ev.PriceLevel, e.money(ev.Median)))

	// ranking, lowest first
	e.heading(l.T("bids.pdf.ranking"))
	order := make([]*EvaluatedBid, len(ev.Bids))
	copy(order, ev.Bids)
	for i := 1; i < len(order); i++ { // stable insertion sort by rank
		for j := i; j > 0 && order[j].Rank < order[j-1].Rank; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	var rows [][]string
	for _, b := range order {
		var flags []string
		if b.AbnormallyLow {
			flags = append(flags, l.T("bids.pdf.flag.low"))
		}
		if n := len(b.ArithmeticErrors); n > 0 {
			flags = append(flags, l.T("bids.pdf.flag.arith", n))
		}
		if n := len(b.Unbalanced); n > 0 {
			flags = append(flags, l.T("bids.pdf.flag.unbalanced", n))
		}
		rows = append(rows, []string{
			fmt.Sprint(b.Rank), b.Name(), b.OrgNo, b.File, e.money(b.Total),
			l.Number(b.PercentOfEstimate, 1) + " %", strings.Join(flags, "; "),
		})
	}
	rows = append(rows, []string{"\x01", l.T("bids.pdf.col.estimate"), "", "", e.money(ev.Estimate), "100 %", ""})
	e.table([]evCol{
		{l.T("bids.pdf.col.rank"), 12, "C"}, {l.T("bids.pdf.col.tenderer"), 60, "L"}, {l.T("bids.pdf.col.orgno"), 24, "L"},
		{"XLSX", 55, "L"}, {l.T("bids.pdf.col.total"), 30, "R"}, {l.T("bids.pdf.col.ofestimate"), 20, "R"},
		{l.T("bids.pdf.col.flags"), evWidth - 201, "L"},
	}, rows)

	// abnormally low
	e.heading(l.T("bids.pdf.lowtitle"))
	e.para(l.T("bids.pdf.low.text", AbnormallyLowOfEstimatePercent, AbnormallyLowOfMedianPercent))
	low := 0
	for _, b := range ev.Bids {
		if !b.AbnormallyLow {
			continue
		}
		low++
		med := ""
		if b.BelowMedian {
			med = l.T("bids.pdf.low.median", AbnormallyLowOfMedianPercent)
		}
		e.para("• " + l.T("bids.pdf.low.item", b.Name(), e.money(b.Total), l.Number(b.PercentOfEstimate, 1), med))
	}
	if low == 0 {
		e.para(l.T("bids.pdf.low.none"))
	}

	// arithmetic errors
	e.heading(l.T("bids.pdf.arithtitle"))
	rows = rows[:0]
	for _, b := range ev.Bids {
		for _, a := range b.ArithmeticErrors {
			rows = append(rows, []string{b.Name(), a.Key, a.Cell, l.Number(a.Stated, 2), e.money(a.Computed)})
		}
	}
	if len(rows) == 0 {
		e.para(l.T("bids.pdf.arith.none"))
	} else {
		e.para(l.T("bids.pdf.arith.text"))
		e.table([]evCol{
			{l.T("bids.pdf.col.tenderer"), 70, "L"}, {l.T("bids.pdf.col.line"), 80, "L"}, {"", 20, "L"},
			{l.T("bids.pdf.col.stated"), 40, "R"}, {l.T("bids.pdf.col.computed"), 40, "R"},
		}, rows)
	}

	// reservations
	e.heading(l.T("bids.pdf.reservations"))
	reserved := false
	for _, b := range ev.Bids {
		if b.Reservations != "" {
			reserved = true
			e.para(b.Name() + ": " + b.Reservations)
		}
	}
	if !reserved {
		e.para(l.T("bids.pdf.reservations.none"))
	}

	// per post
	e.heading(l.T("bids.pdf.posts"))
	fixed := 90.0 + 28
	cols := append([]evCol{{l.T("tender.col.post"), 90, "L"}, {l.T("bids.pdf.col.estimate"), 28, "R"}}, e.bidCols(evWidth-fixed)...)
	rows = rows[:0]
	sum := make([]decimal.Decimal, len(ev.Bids))
	var est decimal.Decimal
	for _, pc := range ev.Posts {
		r := []string{fmt.Sprintf("%d %s", pc.Post, pc.Name), e.money(pc.Estimate)}
		est = est.Add(pc.Estimate)
		for i, a := range pc.Bids {
			r = append(r, e.money(a))
			sum[i] = sum[i].Add(a)
		}
		rows = append(rows, r)
	}
	r := []string{"\x01" + l.T("bids.pdf.total"), e.money(est)}
	for _, s := range sum {
		r = append(r, e.money(s))
	}
	e.table(cols, append(rows, r))

	// per line
	e.heading(l.T("bids.pdf.lines"))
	e.para(l.T("bids.pdf.lines.text", UnbalancedLowPercent, UnbalancedHighPercent, UnbalancedShareOfBidPercent))
	fixed = 12 + 78 + 18 + 14 + 24
	cols = append([]evCol{
		{l.T("tender.col.no"), 12, "L"}, {l.T("tender.col.description"), 78, "L"}, {l.T("tender.col.qty"), 18, "R"},
		{l.T("tender.col.unit"), 14, "L"}, {l.T("bids.pdf.col.estimate"), 24, "R"},
	}, e.bidCols(evWidth-fixed)...)
	rows = rows[:0]
	for _, lc := range ev.Lines {
		r := []string{lc.No, lc.Text, l.Number(lc.Qty, 2), lc.Unit, l.Number(lc.EstimatePrice, 2)}
		for i, pr := range lc.Prices {
			s := l.Number(pr, 2)
			if lc.Unbalanced[i] {
				s = "* " + s
			}
			r = append(r, s)
		}
		rows = append(rows, r)
	}
	e.table(cols, rows)
	e.para(l.T("bids.pdf.generated", creator))
}
