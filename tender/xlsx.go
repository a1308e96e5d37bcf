package tender

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/xuri/excelize/v2"
)

// The columns of the price schedule sheet. Column A holds each line's key
// and is hidden.
const (
	xcKey       = "A"
	xcNo        = "B"
	xcCode      = "C"
	xcText      = "D"
	xcQty       = "E"
	xcUnit      = "F"
	xcUnitPrice = "G"
	xcSum       = "H"
	// xlsxTitleCell holds the sheet's title.
	xlsxTitleCell = "B1"
	// xlsxFormatCell holds ScheduleFormat, in the hidden key column.
	xlsxFormatCell = "A1"
	// scheduleHeadRow is the header row; rows above it are the title, the
	// instructions and the tenderer's fields.
	scheduleHeadRow = 10
	// printPagesTall is the most pages a sheet is printed on; the width
	// (one page) decides the scale.
	printPagesTall = 99
	// maxSheetRunes is the longest sheet name Excel accepts.
	maxSheetRunes = 31
)

// ScheduleFormat is written into cell A1 (hidden) of a price schedule.
const ScheduleFormat = "bokonsept/prices@1"

// The keys of the tenderer's fields in column A of the price schedule.
const (
	KeyTenderer     = "field:tenderer"
	KeyOrgNo        = "field:orgno"
	KeyDate         = "field:date"
	KeyReservations = "field:reservations"
)

// tendererFields are the rows of the tenderer's fields: key and label.
var tendererFields = []struct{ key, label string }{
	{KeyTenderer, "tender.xlsx.tenderer.name"},
	{KeyOrgNo, "tender.xlsx.tenderer.orgno"},
	{KeyDate, "tender.xlsx.tenderer.date"},
	{KeyReservations, "tender.xlsx.tenderer.reservations"},
}

// SheetNames returns the name WriteXLSX gives the price schedule sheet of
// the variant at position i of Input.Variants: the variant's name, without
// the characters Excel forbids in a sheet name (: \ / ? * [ ]) and cut to
// 31 characters, "Prisskjema" when nothing is left, and with a number in
// brackets when two variants would get the same name. The second result
// is always "": the workbook has no sheet with the estimate.
func SheetNames(in Input, i int) (schedule, estimate string) {
	if in.Project == nil || in.Project.Concept == nil || i < 0 || i >= len(in.Variants) {
		return "", ""
	}
	names := sheetNames(in)
	if i < len(names) {
		return names[i], ""
	}
	return "", ""
}

// sheetNames names the schedule sheets of in's described variants.
func sheetNames(in Input) []string {
	l := i18n.New(in.Lang)
	vs := in.Project.Concept.Variants
	used := make(map[string]bool)
	var out []string
	for _, v := range in.Variants {
		base := ""
		if v >= 0 && v < len(vs) {
			base = sheetName(vs[v].Name)
		}
		if base == "" {
			base = l.T("tender.xlsx.sheet.schedule")
		}
		name := base
		for n := 2; used[strings.ToLower(name)]; n++ {
			suffix := fmt.Sprintf(" (%d)", n)
			name = clipRunes(base, maxSheetRunes-utf8.RuneCountInString(suffix)) + suffix
		}
		used[strings.ToLower(name)] = true
		out = append(out, name)
	}
	return out
}

// sheetName makes s a sheet name: the forbidden characters and control
// characters become spaces, spaces are collapsed, leading and trailing
// apostrophes and spaces go, and the rest is cut to maxSheetRunes runes
// (a character outside the Basic Multilingual Plane is dropped: Excel
// counts it twice).
func sheetName(s string) string {
	var b strings.Builder
	for _, r := range cleanXLSX(s) {
		switch {
		case strings.ContainsRune(`:\/?*[]`, r), r < 0x20, r == '\uFFFD', r >= 0x10000:
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	name := strings.Join(strings.Fields(b.String()), " ")
	name = strings.Trim(name, "' ")
	name = clipRunes(name, maxSheetRunes)
	return strings.Trim(name, "' ")
}

// clipRunes cuts s to at most n runes.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimRight(s[:j], " ")
		}
		i++
	}
	return s
}

// ScheduleOptions are the options of WriteSchedule.
type ScheduleOptions struct {
	// Force writes the schedule of a variant that Tenderable refuses; the
	// sheet then says why it should not have been sent out.
	Force bool
}

// WriteSchedule writes the price schedule that tenderers fill in for the
// one variant of in.Variants, as an XLSX workbook to w: nothing of the
// municipality's estimate, only the lines with their keys, quantities and
// units, an empty unit price per line for the tenderer and the sums as
// formulas. A variant that Tenderable refuses is refused with its error,
// unless opt.Force. More than one variant is an error wrapping ErrVariant.
// See WriteXLSX for the rest.
func WriteSchedule(w io.Writer, in Input, opt ScheduleOptions) (err error) {
	defer recoverPanic(&err, in.Lang, "xlsx")
	c, err := in.check()
	if err != nil {
		return err
	}
	if len(in.Variants) != 1 {
		return errorIn(c.lang, fmt.Errorf("%w: %d variants for one price schedule", ErrVariant, len(in.Variants)), "tender.err.xlsx.onevariant")
	}
	var forced error
	if terr := Tenderable(c.first()); terr != nil {
		if !opt.Force {
			var e *Error
			if errors.As(terr, &e) {
				e.lang = c.lang
			}
			return terr
		}
		forced = terr
	}
	return c.writeXLSX(w, forced)
}

// WriteXLSX writes the price schedule of each variant in in.Variants as an
// XLSX workbook to w, one sheet per variant named after it (see
// SheetNames), without asking Tenderable (WriteSchedule does). Each sheet
// holds the lines of Vedlegg A with their keys in the hidden column A
// (docs/FORMATS.md, "Price schedule"), an empty unit-price column for the
// tenderer, sum formulas per line (rounded to whole kroner), per group,
// per post and in total, and the tenderer's fields (name, organisation
// number, date, reservations); every other cell is locked, and the sheet
// prints on A4 with margins, a header and a "Side n av m" footer. It
// returns the same input errors as WritePDF, and the error of w, each an
// *Error; a panic inside the XLSX library becomes one too. Nothing is
// written to w before the whole workbook is ready. Control characters in
// the texts become U+FFFD, every other character is written as it is.
func WriteXLSX(w io.Writer, in Input) (err error) {
	defer recoverPanic(&err, in.Lang, "xlsx")
	c, err := in.check()
	if err != nil {
		return err
	}
	return c.writeXLSX(w, nil)
}

// writeXLSX writes the workbook; forced, when not nil, is why the variant
// should not have been tendered.
func (c *checked) writeXLSX(w io.Writer, forced error) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &workbook{checked: c, f: f}
	if err := x.styles(); err != nil {
		return libraryError(c.lang, "xlsx", err)
	}
	names := sheetNames(c.Input)
	for i, v := range c.Variants {
		e := c.Estimates[v]
		s, err := buildSchedule(c.l, e)
		if err != nil {
			return err
		}
		if i == 0 {
			err = f.SetSheetName("Sheet1", names[i])
		} else {
			_, err = f.NewSheet(names[i])
		}
		if err == nil {
			err = x.scheduleSheet(names[i], s, e, forced)
		}
		if err != nil {
			return libraryError(c.lang, "xlsx", err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}); err != nil {
		return libraryError(c.lang, "xlsx", err)
	}
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

// scheduleSheet writes the price schedule s of e into sheet; forced, when
// not nil, is why the variant should not have been tendered.
func (x *workbook) scheduleSheet(sheet string, s *schedule, e *costing.Estimate, forced error) error {
	l := x.l
	w := &sheetWriter{f: x.f, sheet: sheet}
	for _, cw := range []struct {
		col string
		w   float64
	}{{xcKey, 22}, {xcNo, 8}, {xcCode, 8}, {xcText, 46}, {xcQty, 12}, {xcUnit, 9}, {xcUnitPrice, 15}, {xcSum, 16}} {
		w.width(cw.col, cw.w)
	}
	if w.err == nil {
		w.err = x.f.SetColVisible(sheet, xcKey, false)
	}
	w.val(xlsxFormatCell, ScheduleFormat)
	w.val(xlsxTitleCell, l.T("tender.xlsx.schedule.title", x.Project.Concept.Name, e.Variant))
	w.style(xlsxTitleCell, xlsxTitleCell, x.title)
	rev := x.Project.Concept.Revision
	w.val("B2", l.T("tender.xlsx.schedule.info", x.muni, rev.ID, x.dateText(), e.PriceLevel))
	w.style("B2", "B2", x.info)
	w.val("B3", l.T("tender.xlsx.schedule.instructions"))
	w.style("B3", cell(xcSum, 3), x.note)
	w.merge("B3", cell(xcSum, 3))
	w.height(3, 45)
	if forced != nil {
		var msg string
		if te, ok := forced.(*Error); ok {
			msg = te.Message(l)
		} else {
			msg = forced.Error()
		}
		w.val("B4", l.T("tender.xlsx.forced", msg))
		w.style("B4", cell(xcSum, 4), x.warn)
		w.merge("B4", cell(xcSum, 4))
		w.height(4, 45)
	}
	r := 5
	for _, fld := range tendererFields {
		w.val(cell(xcKey, r), fld.key)
		w.val(cell(xcNo, r), l.T(fld.label))
		w.style(cell(xcNo, r), cell(xcCode, r), x.label)
		w.merge(cell(xcNo, r), cell(xcCode, r))
		w.style(cell(xcText, r), cell(xcSum, r), x.field)
		w.merge(cell(xcText, r), cell(xcSum, r))
		if fld.key == KeyReservations {
			w.height(r, 48)
		} else {
			w.height(r, 18)
		}
		r++
	}
	w.height(scheduleHeadRow, 30)
	heads := []string{
		l.T("tender.xlsx.col.key"), l.T("tender.col.no"), "NS 3451", l.T("tender.col.description"), l.T("tender.col.qty"),
		l.T("tender.col.unit"), l.T("tender.xlsx.col.unitprice"), l.T("tender.xlsx.col.sum"),
	}
	for i, h := range heads {
		w.val(cell(string(rune('A'+i)), scheduleHeadRow), h)
	}
	w.style(cell(xcKey, scheduleHeadRow), cell(xcSum, scheduleHeadRow), x.head)

	r = scheduleHeadRow + 1
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
				w.val(cell(xcKey, r), ln.Key)
				w.style(cell(xcKey, r), cell(xcKey, r), x.key)
				w.val(cell(xcNo, r), ln.No)
				w.val(cell(xcCode, r), ln.Code)
				w.val(cell(xcText, r), ln.Text)
				w.val(cell(xcQty, r), ln.Qty.InexactFloat64())
				w.val(cell(xcUnit, r), ln.Unit)
				w.style(cell(xcNo, r), cell(xcText, r), x.text)
				w.style(cell(xcQty, r), cell(xcQty, r), x.qty)
				w.style(cell(xcUnit, r), cell(xcUnit, r), x.text)
				w.style(cell(xcUnitPrice, r), cell(xcUnitPrice, r), x.input)
				w.formula(cell(xcSum, r), fmt.Sprintf("ROUND(%s*%s,0)", cell(xcQty, r), cell(xcUnitPrice, r)))
				w.style(cell(xcSum, r), cell(xcSum, r), x.sum)
				r++
			}
			last := r - 1
			if g.RoundEach {
				parts = append(parts, fmt.Sprintf("%s:%s", cell(xcSum, first), cell(xcSum, last)))
				continue
			}
			w.val(cell(xcText, r), l.T("tender.schedule.groupsum", g.Name))
			w.formula(cell(xcSum, r), fmt.Sprintf("SUM(%s:%s)", cell(xcSum, first), cell(xcSum, last)))
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
			Freeze: true, YSplit: scheduleHeadRow, TopLeftCell: cell(xcKey, scheduleHeadRow+1), ActivePane: "bottomLeft",
		})
	}
	if w.err == nil {
		w.err = x.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
			SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
		})
	}
	x.printSetup(w, fmt.Sprintf("$%d:$%d", scheduleHeadRow, scheduleHeadRow))
	return w.err
}
