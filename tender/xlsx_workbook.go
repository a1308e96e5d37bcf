package tender

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// workbook is the XLSX being written.
type workbook struct {
	*checked
	f *excelize.File
	// style ids
	title, info, note, warn, head, section, sub, text, key, qty, input, field, label, sum, sumBold, total, totalLabel, bold int
	err                                                                                                                     error
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
	yellow := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	nok, nokDec := x.nokFormat(false), x.nokFormat(true)
	qty := "#,##0.00"
	unlocked := &excelize.Protection{Locked: false}
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
	x.warn = x.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "9C0006"},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	x.section = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: band, Border: thin})
	x.sub = x.style(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "1F4E79"}, Border: thin})
	x.text = x.style(&excelize.Style{Border: thin, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	x.key = x.style(&excelize.Style{Font: &excelize.Font{Color: "808080", Size: 8}})
	x.bold = x.style(&excelize.Style{Border: thin, Font: &excelize.Font{Bold: true}})
	x.label = x.style(&excelize.Style{Border: thin, Font: &excelize.Font{Bold: true}, Fill: band, Alignment: &excelize.Alignment{Vertical: "top"}})
	x.qty = x.style(&excelize.Style{Border: thin, CustomNumFmt: &qty})
	x.input = x.style(&excelize.Style{Border: thin, CustomNumFmt: &nokDec, Fill: yellow, Protection: unlocked})
	x.field = x.style(&excelize.Style{
		Border: thin, Fill: yellow, Protection: unlocked,
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top", Horizontal: "left"},
	})
	x.sum = x.style(&excelize.Style{Border: thin, CustomNumFmt: &nok})
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

func (s *sheetWriter) merge(from, to string) {
	if s.err == nil {
		s.err = s.f.MergeCell(s.sheet, from, to)
	}
}

func (s *sheetWriter) height(row int, h float64) {
	if s.err == nil {
		s.err = s.f.SetRowHeight(s.sheet, row, h)
	}
}

func cell(col string, row int) string { return fmt.Sprintf("%s%d", col, row) }

// printSetup sets A4 portrait fitted to the page width, page margins, the
// header row repeated on every page, a header with the concept and the
// sheet, and a footer with the revision and "Side n av m". The height
// allows printPagesTall pages rather than "any" (0): LibreOffice reads 0
// as one page.
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
	// inches: 1.5 cm left and right, 2 cm top and bottom, header and
	// footer 0.8 cm from the edge
	side, edge, hf := 0.6, 0.8, 0.3
	if s.err = x.f.SetPageMargins(s.sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &hf, Footer: &hf,
	}); s.err != nil {
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
			Name: "_xlnm.Print_Titles", RefersTo: "'" + strings.ReplaceAll(s.sheet, "'", "''") + "'!" + titleRows, Scope: s.sheet,
		})
	}
}
