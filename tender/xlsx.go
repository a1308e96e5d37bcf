package tender

import (
	"fmt"
	"io"
	"strings"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// The columns of the price schedule sheet.
const (
	xcNo        = "A"
	xcCode      = "B"
	xcText      = "C"
	xcQty       = "D"
	xcUnit      = "E"
	xcUnitPrice = "F"
	xcSum       = "G"
	// scheduleHeadRow is the header row; rows above it are the title.
	scheduleHeadRow = 4
	// printPagesTall is the most pages a sheet is printed on; the width
	// (one page) decides the scale.
	printPagesTall = 99
)

// SheetNames returns the names WriteXLSX gives the price schedule and
// estimate sheets of the variant at position i of Input.Variants: in
// Norwegian "Prisskjema" and "Kalkyle" when the workbook holds one variant,
// and with the variant's number ("Prisskjema 2") when it holds several.
func SheetNames(in Input, i int) (schedule, estimate string) {
	l := i18n.New(in.Lang)
	schedule, estimate = l.T("tender.xlsx.sheet.schedule"), l.T("tender.xlsx.sheet.estimate")
	if len(in.Variants) > 1 && i >= 0 && i < len(in.Variants) {
		n := fmt.Sprint(in.Variants[i] + 1)
		schedule, estimate = schedule+" "+n, estimate+" "+n
	}
	return schedule, estimate
}

// WriteXLSX writes the price schedule of in as an XLSX workbook to w: for
// each described variant a sheet "Prisskjema" with the lines of Vedlegg A,
// an empty unit-price column for the tenderer and sum formulas per line,
// per group, per post and in total, and a sheet "Kalkyle" with the engine's
// estimate as a reference (see SheetNames). It returns the same input
// errors as WritePDF, and the error of w, each an *Error; a panic inside
// the XLSX library becomes one too. Nothing is written to w before the
// whole workbook is ready. Control characters in the texts become U+FFFD,
// every other character is written as it is.
func WriteXLSX(w io.Writer, in Input) (err error) {
	defer recoverPanic(&err, in.Lang, "xlsx")
	c, err := in.check()
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &workbook{checked: c, f: f}
	if err := x.styles(); err != nil {
		return libraryError(c.lang, "xlsx", err)
	}
	for i, v := range c.Variants {
		e := c.Estimates[v]
		s, err := buildSchedule(c.l, e)
		if err != nil {
			return err
		}
		sched, est := SheetNames(in, i)
		if i == 0 {
			err = f.SetSheetName("Sheet1", sched)
		} else {
			_, err = f.NewSheet(sched)
		}
		if err == nil {
			err = x.scheduleSheet(sched, s, e)
		}
		if err == nil {
			_, err = f.NewSheet(est)
		}
		if err == nil {
			err = x.estimateSheet(est, e)
		}
		if err != nil {
			return libraryError(c.lang, "xlsx", err)
		}
	}
	f.SetActiveSheet(0)
	date := c.date.Format("2006-01-02T15:04:05Z")
	concept := c.Project.Concept.Name
	meta := func(s string) string { return clip(cleanXLSX(s), maxMetaRunes) }
	if err := f.SetDocProps(&excelize.DocProperties{
		Created:        date,
		Modified:       date,
		Creator:        meta(c.l.T("tender.cover.municipality", c.muni)),
		LastModifiedBy: meta(creatorName(c.Version)),
		Title:          meta(c.l.T("tender.xlsx.title", concept)),
		Subject:        meta(c.l.T("tender.subject", concept, c.variantNames())),
		Keywords:       meta(c.l.T("tender.keywords")),
		Revision:       meta(c.Project.Concept.Revision.ID),
		Language:       c.lang,
	}); err != nil {
		return libraryError(c.lang, "xlsx", err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return libraryError(c.lang, "xlsx", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return writeError(c.lang, err)
	}
	return nil
}

// creatorName is "Bokonsept" with the version.
func creatorName(version string) string {
	if version == "" {
		return "Bokonsept"
	}
	return "Bokonsept " + version
}

// workbook is the XLSX being written.
type workbook struct {
	*checked
	f *excelize.File
	// style ids
	title, info, note, head, band, section, sub, text, num, qty, input, sum, sumBold, total, totalLabel, bold int
	err                                                                                                       error
}

func (x *workbook) nokFormat(decimals bool) string {
	n := "#,##0"
	if decimals {
		n = "#,##0.00"
	}
	if x.lang == "en" {
		return `"NOK "` + n
	}
	return n + `\ "kr"`
}

// style registers a style, keeping the first error.
func (x *workbook) style(s *excelize.Style) int {
	if x.err != nil {
		return 0
	}
	id, err := x.f.NewStyle(s)
	if err != nil {
		x.err = err
	}
	return id
}

func (x *workbook) styles() error {
	thin := []excelize.Border{
		{Type: "left", Color: "AAB2BD", Style: 1}, {Type: "right", Color: "AAB2BD", Style: 1},
		{Type: "top", Color: "AAB2BD", Style: 1}, {Type: "bottom", Color: "AAB2BD", Style: 1},
	}
	band := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE6F0"}}
	nok, nokDec := x.nokFormat(false), x.nokFormat(true)
	qty := "#,##0.00"
	x.title = x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: "1F4E79"}})
	x.info = x.style(&excelize.Style{Font: &excelize.Font{Color: "555555"}})
	x.head = x.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    thin,
	})
	x.note = x.style(&excelize.Style{
		Font:      &excelize.Font{Color: "555555"},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	x.band = x.style(&excelize.Style{
		Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}},
	})
	x.section = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: band, Border: thin})
	x.sub = x.style(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "1F4E79"}, Border: thin})
	x.text = x.style(&excelize.Style{Border: thin, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	x.bold = x.style(&excelize.Style{Border: thin, Font: &excelize.Font{Bold: true}})
	x.qty = x.style(&excelize.Style{Border: thin, CustomNumFmt: &qty})
	x.num = x.style(&excelize.Style{Border: thin, CustomNumFmt: &nok})
	x.input = x.style(&excelize.Style{
		Border:       thin,
		CustomNumFmt: &nokDec,
		Fill:         excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
		Protection:   &excelize.Protection{Locked: false},
	})
	x.sum = x.style(&excelize.Style{Border: thin, CustomNumFmt: &nokDec})
	x.sumBold = x.style(&excelize.Style{Border: thin, CustomNumFmt: &nok, Font: &excelize.Font{Bold: true}})
	x.total = x.style(&excelize.Style{Border: thin, CustomNumFmt: &nok, Font: &excelize.Font{Bold: true}, Fill: band})
	x.totalLabel = x.style(&excelize.Style{Border: thin, Font: &excelize.Font{Bold: true}, Fill: band})
	return x.err
}

// sheetWriter writes cells into one sheet, keeping the first error.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

func (s *sheetWriter) val(cell string, v any) {
	if t, ok := v.(string); ok {
		v = cleanXLSX(t)
	}
	if s.err == nil {
		s.err = s.f.SetCellValue(s.sheet, cell, v)
	}
}

func (s *sheetWriter) formula(cell, formula string) {
	if s.err == nil {
		s.err = s.f.SetCellFormula(s.sheet, cell, formula)
	}
}

func (s *sheetWriter) style(from, to string, id int) {
	if s.err == nil {
		s.err = s.f.SetCellStyle(s.sheet, from, to, id)
	}
}

func (s *sheetWriter) width(col string, w float64) {
	if s.err == nil {
		s.err = s.f.SetColWidth(s.sheet, col, col, w)
	}
}

// num writes a decimal as a number.
func (s *sheetWriter) num(cell string, d decimal.Decimal) { s.val(cell, d.InexactFloat64()) }

func cell(col string, row int) string { return fmt.Sprintf("%s%d", col, row) }

// printSetup sets A4 portrait fitted to the page width, repeated title
// rows and a footer with the page number. The height allows printPagesTall
// pages rather than "any" (0): LibreOffice reads 0 as one page.
func (x *workbook) printSetup(s *sheetWriter, titleRows string) {
	if s.err != nil {
		return
	}
	size, orient, wide, tall, fit := 9, "portrait", 1, printPagesTall, true // 9 is A4
	if s.err = x.f.SetPageLayout(s.sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}); s.err != nil {
		return
	}
	if s.err = x.f.SetSheetProps(s.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); s.err != nil {
		return
	}
	m := 0.6
	if s.err = x.f.SetPageMargins(s.sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m}); s.err != nil {
		return
	}
	rev := x.Project.Concept.Revision
	if s.err = x.f.SetHeaderFooter(s.sheet, &excelize.HeaderFooterOptions{
		OddHeader: headerFooter(x.Project.Concept.Name, escapeHF(s.sheet)),
		OddFooter: headerFooter(x.l.T("tender.footer.revision", rev.ID, x.dateText()), pageField(x.l)),
	}); s.err != nil {
		return
	}
	if titleRows != "" {
		s.err = x.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: "'" + s.sheet + "'!" + titleRows, Scope: s.sheet,
		})
	}
}

// scheduleSheet writes the price schedule s of e into sheet.
func (x *workbook) scheduleSheet(sheet string, s *schedule, e *costing.Estimate) error {
	l := x.l
	w := &sheetWriter{f: x.f, sheet: sheet}
	for _, cw := range []struct {
		col string
		w   float64
	}{{xcNo, 8}, {xcCode, 9}, {xcText, 48}, {xcQty, 12}, {xcUnit, 9}, {xcUnitPrice, 15}, {xcSum, 17}} {
		w.width(cw.col, cw.w)
	}
	w.val("A1", l.T("tender.xlsx.schedule.title", x.Project.Concept.Name, e.Variant))
	w.style("A1", "A1", x.title)
	rev := x.Project.Concept.Revision
	w.val("A2", l.T("tender.xlsx.schedule.info", x.muni, rev.ID, x.dateText(), e.PriceLevel))
	w.val("A3", l.T("tender.xlsx.schedule.instructions"))
	w.style("A2", "A2", x.info)
	w.style("A3", "G3", x.note)
	if w.err == nil {
		w.err = x.f.MergeCell(sheet, "A3", "G3")
	}
	if w.err == nil {
		w.err = x.f.SetRowHeight(sheet, 3, 30)
	}
	if w.err == nil {
		w.err = x.f.SetRowHeight(sheet, scheduleHeadRow, 30)
	}
	heads := []string{
		l.T("tender.col.no"), "NS 3451", l.T("tender.col.description"), l.T("tender.col.qty"),
		l.T("tender.col.unit"), l.T("tender.xlsx.col.unitprice"), l.T("tender.xlsx.col.sum"),
	}
	for i, h := range heads {
		w.val(cell(string(rune('A'+i)), scheduleHeadRow), h)
	}
	w.style(cell(xcNo, scheduleHeadRow), cell(xcSum, scheduleHeadRow), x.head)

	r := scheduleHeadRow + 1
	var postSums []string
	for _, p := range s.Posts {
		w.val(cell(xcNo, r), l.T("tender.xlsx.post", p.Post))
		w.val(cell(xcText, r), p.Name)
		w.style(cell(xcNo, r), cell(xcSum, r), x.section)
		r++
		var parts []string
		for _, g := range p.Groups {
			if g.Title != "" {
				w.val(cell(xcText, r), g.Title)
				w.style(cell(xcNo, r), cell(xcSum, r), x.sub)
				r++
			}
			first := r
			for _, ln := range g.Lines {
				w.val(cell(xcNo, r), ln.No)
				w.val(cell(xcCode, r), ln.Code)
				w.val(cell(xcText, r), ln.Text)
				w.num(cell(xcQty, r), ln.Qty)
				w.val(cell(xcUnit, r), ln.Unit)
				w.style(cell(xcNo, r), cell(xcText, r), x.text)
				w.style(cell(xcQty, r), cell(xcQty, r), x.qty)
				w.style(cell(xcUnit, r), cell(xcUnit, r), x.text)
				w.style(cell(xcUnitPrice, r), cell(xcUnitPrice, r), x.input)
				prod := fmt.Sprintf("%s*%s", cell(xcQty, r), cell(xcUnitPrice, r))
				if g.RoundEach {
					w.formula(cell(xcSum, r), "ROUND("+prod+",0)")
					w.style(cell(xcSum, r), cell(xcSum, r), x.num)
				} else {
					w.formula(cell(xcSum, r), prod)
					w.style(cell(xcSum, r), cell(xcSum, r), x.sum)
				}
				r++
			}
			last := r - 1
			if g.RoundEach {
				parts = append(parts, fmt.Sprintf("%s:%s", cell(xcSum, first), cell(xcSum, last)))
				continue
			}
			w.val(cell(xcText, r), l.T("tender.schedule.groupsum", g.Name))
			w.formula(cell(xcSum, r), fmt.Sprintf("ROUND(SUM(%s:%s),0)", cell(xcSum, first), cell(xcSum, last)))
			w.style(cell(xcNo, r), cell(xcUnitPrice, r), x.bold)
			w.style(cell(xcSum, r), cell(xcSum, r), x.sumBold)
			parts = append(parts, cell(xcSum, r))
			r++
		}
		w.val(cell(xcText, r), l.T("tender.schedule.postsum", p.Post, p.Name))
		w.formula(cell(xcSum, r), "SUM("+strings.Join(parts, ",")+")")
		w.style(cell(xcNo, r), cell(xcUnitPrice, r), x.bold)
		w.style(cell(xcSum, r), cell(xcSum, r), x.sumBold)
		postSums = append(postSums, cell(xcSum, r))
		r += 2
	}
	w.val(cell(xcText, r), l.T("tender.schedule.total"))
	w.formula(cell(xcSum, r), "SUM("+strings.Join(postSums, ",")+")")
	w.style(cell(xcNo, r), cell(xcUnitPrice, r), x.totalLabel)
	w.style(cell(xcSum, r), cell(xcSum, r), x.total)
	if w.err == nil {
		w.err = x.f.SetPanes(sheet, &excelize.Panes{
			Freeze: true, YSplit: scheduleHeadRow, TopLeftCell: cell("A", scheduleHeadRow+1), ActivePane: "bottomLeft",
		})
	}
	x.printSetup(w, fmt.Sprintf("$%d:$%d", scheduleHeadRow, scheduleHeadRow))
	return w.err
}

// estimateSheet writes the engine's estimate e into sheet as a reference.
func (x *workbook) estimateSheet(sheet string, e *costing.Estimate) error {
	l := x.l
	w := &sheetWriter{f: x.f, sheet: sheet}
	for _, cw := range []struct {
		col string
		w   float64
	}{{"A", 9}, {"B", 40}, {"C", 9}, {"D", 12}, {"E", 9}, {"F", 15}, {"G", 17}} {
		w.width(cw.col, cw.w)
	}
	w.val("A1", l.T("tender.xlsx.estimate.title", x.Project.Concept.Name, e.Variant))
	w.style("A1", "A1", x.title)
	w.val("A2", l.T("tender.xlsx.estimate.info", e.PriceLevel, creatorName(x.Version)))
	w.style("A2", "A2", x.info)
	r := 4
	heading := func(text string) {
		w.val(cell("A", r), text)
		w.style(cell("A", r), cell("G", r), x.band)
		r++
	}
	labelValue := func(label string, v any, style int) {
		w.val(cell("B", r), label)
		w.style(cell("A", r), cell("B", r), x.text)
		if d, ok := v.(decimal.Decimal); ok {
			w.num(cell("G", r), d)
		} else {
			w.val(cell("G", r), v)
		}
		w.style(cell("G", r), cell("G", r), style)
		r++
	}

	heading(l.T("tender.xlsx.estimate.posts"))
	for _, p := range postLines(l, e) {
		w.val(cell("A", r), p.Posts)
		w.val(cell("B", r), p.Name)
		w.num(cell("G", r), p.Value)
		switch p.Kind {
		case rowNormal:
			w.style(cell("A", r), cell("B", r), x.text)
			w.style(cell("G", r), cell("G", r), x.num)
		case rowTotal:
			w.style(cell("A", r), cell("F", r), x.totalLabel)
			w.style(cell("G", r), cell("G", r), x.total)
		default:
			w.style(cell("A", r), cell("F", r), x.bold)
			w.style(cell("G", r), cell("G", r), x.sumBold)
		}
		r++
	}
	if e.P50 != nil && e.P85 != nil {
		labelValue("P50", *e.P50, x.num)
		labelValue("P85", *e.P85, x.num)
	}
	r++
	heading(l.T("tender.ch6.keyfigures"))
	opt := func(label string, v *decimal.Decimal) {
		if v != nil {
			labelValue(label, *v, x.num)
		}
	}
	opt(l.T("tender.ch6.perdwelling.kostnadsramme"), e.PerDwelling.Kostnadsramme)
	opt(l.T("tender.ch6.perdwelling.prosjektkostnad"), e.PerDwelling.Prosjektkostnad)
	opt(l.T("tender.ch6.perm2"), e.PerM2BRAKostnadsramme)
	labelValue(l.T("tender.cmp.dwellings"), e.Dwellings, x.text)
	labelValue(l.T("tender.cmp.persons"), e.Persons, x.text)
	labelValue(l.T("tender.ch6.affordable"), e.AffordableDwellings, x.text)
	r++
	heading(l.T("tender.ch5.title"))
	area := func(label string, v decimal.Decimal) { labelValue(label, l.Area(v), x.text) }
	area(l.T("tender.area.bta"), e.Area.BTA)
	area(l.T("tender.area.bra"), e.Area.BRA)
	area(l.T("tender.area.brai"), e.Area.BRAi)
	area(l.T("tender.area.brae"), e.Area.BRAe)
	area(l.T("tender.area.brab"), e.Area.BRAb)
	area(l.T("tender.area.tba"), e.Area.TBA)
	area(l.T("tender.area.bya"), e.Area.BYA)
	labelValue(l.T("tender.area.byapct"), l.Percent(e.Density.BYAPercent, 1), x.text)
	labelValue(l.T("tender.area.brapct"), l.Percent(e.Density.BRAPercent, 1), x.text)
	r++
	heading(l.T("tender.xlsx.estimate.rows"))
	for i, h := range []string{
		l.T("tender.col.post"), l.T("tender.col.name"), "NS 3451", l.T("tender.col.qty"),
		l.T("tender.col.unit"), l.T("tender.xlsx.col.likelyprice"), l.T("tender.col.amount"),
	} {
		w.val(cell(string(rune('A'+i)), r), h)
	}
	w.style(cell("A", r), cell("G", r), x.bold)
	r++
	for _, row := range e.Rows {
		name := row.Name.In(x.lang)
		if row.Source == costing.SourceUnit {
			name = l.T("tender.schedule.group", name, row.Count)
		}
		w.val(cell("A", r), row.Post)
		w.val(cell("B", r), name)
		w.num(cell("G", r), row.Amount)
		w.style(cell("A", r), cell("B", r), x.bold)
		w.style(cell("G", r), cell("G", r), x.sumBold)
		r++
		for _, c := range row.Codes {
			w.val(cell("C", r), c.Code)
			w.num(cell("D", r), c.Quantity)
			w.val(cell("E", r), unitName(l, c.Unit))
			w.num(cell("F", r), c.UnitPrice)
			w.num(cell("G", r), c.Exact)
			w.style(cell("A", r), cell("C", r), x.text)
			w.style(cell("D", r), cell("D", r), x.qty)
			w.style(cell("E", r), cell("E", r), x.text)
			w.style(cell("F", r), cell("G", r), x.sum)
			r++
		}
	}
	x.printSetup(w, "")
	return w.err
}
