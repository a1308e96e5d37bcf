package tender

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// mustXLSX writes the workbook of in and opens it with excelize.
func mustXLSX(t *testing.T, in Input) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, in); err != nil {
		t.Fatal(err)
	}
	return openXLSX(t, b.Bytes())
}

// openXLSX opens a workbook from its bytes.
func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// scheduleRows maps each key of column A (the lines' and the tenderer's
// fields') to its row in the sheet and returns the row of the grand total
// (the last row with a formula).
func scheduleRows(t *testing.T, f *excelize.File, sheet string) (lines map[string]int, total int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	lines = map[string]int{}
	for i := 1; i < len(rows); i++ {
		r := i + 1
		if len(rows[i]) > 0 && rows[i][0] != "" && i+1 != scheduleHeadRow {
			lines[rows[i][0]] = r
		}
		if fm, _ := f.GetCellFormula(sheet, cell(xcSum, r)); fm != "" {
			total = r
		}
	}
	return lines, total
}

// calc evaluates a cell with excelize's calculation engine.
func calc(t *testing.T, f *excelize.File, sheet, ref string) decimal.Decimal {
	t.Helper()
	v, err := f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	d, err := decimal.NewFromString(v)
	if err != nil {
		t.Fatalf("%s!%s = %q: %v", sheet, ref, v, err)
	}
	return d
}

// TestXLSXFilledTotal fills the engine's likely unit prices into the price
// column and checks the workbook's total and post sums against the sum of
// the lines, each quantity × unit price rounded to whole kroner, computed
// here with decimal.
func TestXLSXFilledTotal(t *testing.T) {
	for _, sample := range samples {
		all := mustInput(t, sample)
		for v, e := range all.Estimates {
			t.Run(fmt.Sprintf("%s/%d", sample, v+1), func(t *testing.T) {
				in := all
				in.Variants = []int{v}
				f := mustXLSX(t, in)
				sheet, _ := SheetNames(in, 0)
				s, err := buildSchedule(i18nFor(in), e)
				if err != nil {
					t.Fatal(err)
				}
				lines, total := scheduleRows(t, f, sheet)
				if total == 0 {
					t.Fatal("no total row")
				}
				if got := calc(t, f, sheet, cell(xcSum, total)); !got.IsZero() {
					t.Errorf("empty schedule totals %s, want 0", got)
				}
				want := decimal.Zero
				n := 0
				for _, ln := range s.lines() {
					r, ok := lines[ln.Key]
					if !ok {
						t.Fatalf("line %s is not in the sheet", ln.Key)
					}
					if err := f.SetCellValue(sheet, cell(xcUnitPrice, r), ln.UnitPrice.InexactFloat64()); err != nil {
						t.Fatal(err)
					}
					want = want.Add(ln.Qty.Mul(ln.UnitPrice).Round(0))
					n++
				}
				if n < 10 {
					t.Fatalf("only %d lines", n)
				}
				if got := calc(t, f, sheet, cell(xcSum, total)); !got.Equal(want) {
					t.Errorf("total %s, want %s", got, want)
				}
				// rounding line by line moves the total by at most half a
				// krone per line from the engine's entreprisekostnad
				if d := want.Sub(e.Totals.Entreprisekostnad).Abs(); d.GreaterThan(decimal.NewFromInt(int64(n))) {
					t.Errorf("total %s is %s from entreprisekostnad %s", want, d, e.Totals.Entreprisekostnad)
				}
			})
		}
	}
}

// TestXLSXLayout checks the sheet a tenderer gets: named after the variant,
// keys in the hidden column A, the header row, numbers as numbers, every
// cell locked but the unit prices and the tenderer's fields, print setup.
func TestXLSXLayout(t *testing.T) {
	in := mustInput(t, samples[0])
	in.Variants = []int{0}
	f := mustXLSX(t, in)
	e := in.Estimates[0]
	if got := f.GetSheetList(); len(got) != 1 || got[0] != sheetName(e.Variant) {
		t.Fatalf("sheets %v, want one named after %q", got, e.Variant)
	}
	sheet := f.GetSheetList()[0]
	if vis, err := f.GetColVisible(sheet, xcKey); err != nil || vis {
		t.Errorf("column A visible %v (%v), want hidden", vis, err)
	}
	if v, _ := f.GetCellValue(sheet, xlsxFormatCell); v != ScheduleFormat {
		t.Errorf("A1 %q", v)
	}
	head, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(head[scheduleHeadRow-1], "|"), "Nøkkel|Nr.|NS 3451|Beskrivelse|Mengde|Enhet|Enhetspris|Sum"; got != want {
		t.Errorf("header %q, want %q", got, want)
	}
	lines, _ := scheduleRows(t, f, sheet)
	for _, key := range []string{KeyPost1, "unit:solenga-2r:2", "site:vei"} {
		if lines[key] == 0 {
			t.Errorf("no line %s", key)
		}
	}
	r := lines[KeyPost1]
	if fm, _ := f.GetCellFormula(sheet, cell(xcSum, r)); fm != fmt.Sprintf("ROUND(E%d*G%d,0)", r, r) {
		t.Errorf("post 1 formula %q", fm)
	}
	// quantities are numbers
	for key, r := range lines {
		if typ, _ := f.GetCellType(sheet, cell(xcQty, r)); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s: quantity of type %v", key, typ)
		}
	}
	// protection: the sheet is protected, and exactly the unit prices and
	// the four tenderer's fields are unlocked
	unlocked := map[string]bool{}
	for key, r := range lines {
		if strings.HasPrefix(key, "field:") {
			for _, col := range []string{xcText, xcQty, xcUnit, xcUnitPrice, xcSum} { // merged
				unlocked[cell(col, r)] = true
			}
		} else {
			unlocked[cell(xcUnitPrice, r)] = true
		}
	}
	fields := 0
	for key := range lines {
		if strings.HasPrefix(key, "field:") {
			fields++
		}
	}
	if fields != 4 {
		t.Errorf("%d tenderer's fields, want 4", fields)
	}
	for i := range head {
		for c := 1; c <= 8; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, i+1)
			id, err := f.GetCellStyle(sheet, ref)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			open := st.Protection != nil && !st.Protection.Locked
			if open != unlocked[ref] {
				t.Errorf("%s unlocked %v, want %v", ref, open, unlocked[ref])
			}
		}
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if layout.Size == nil || *layout.Size != 9 {
		t.Errorf("paper size %v, want 9 (A4)", layout.Size)
	}
	m, err := f.GetPageMargins(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if m.Top == nil || *m.Top < 0.5 || m.Bottom == nil || *m.Bottom < 0.5 {
		t.Errorf("margins %+v, want top and bottom at least 0.5 in", m)
	}
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(hf.OddFooter, "&RSide &P av &N") || !strings.HasPrefix(hf.OddHeader, "&L"+in.Project.Concept.Name) {
		t.Errorf("header %q, footer %q", hf.OddHeader, hf.OddFooter)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != scheduleHeadRow {
		t.Errorf("panes %+v, want the header frozen", panes)
	}
}

// TestXLSXProtected checks that the sheet and the workbook's structure are
// protected, in the file's XML.
func TestXLSXProtected(t *testing.T) {
	in := mustInput(t, samples[1])
	in.Variants = []int{0}
	f := mustXLSX(t, in)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	sheetXML, ok := f.Pkg.Load("xl/worksheets/sheet1.xml")
	if !ok || !bytes.Contains(sheetXML.([]byte), []byte("<sheetProtection")) {
		t.Error("the sheet is not protected")
	}
	wb, ok := f.Pkg.Load("xl/workbook.xml")
	if !ok || !bytes.Contains(wb.([]byte), []byte(`lockStructure="true"`)) && !bytes.Contains(wb.([]byte), []byte(`lockStructure="1"`)) {
		t.Error("the workbook's structure is not locked")
	}
}

// TestXLSXNoEstimate checks that no number of the municipality's estimate
// is in the schedule: every number written is a quantity of a line.
func TestXLSXNoEstimate(t *testing.T) {
	for _, sample := range samples {
		all := mustInput(t, sample)
		for v, e := range all.Estimates {
			in := all
			in.Variants = []int{v}
			f := mustXLSX(t, in)
			sheet := f.GetSheetList()[0]
			s, err := buildSchedule(i18nFor(in), e)
			if err != nil {
				t.Fatal(err)
			}
			qty := map[string]bool{}
			for _, ln := range s.lines() {
				qty[ln.Qty.String()] = true
			}
			rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for i, row := range rows {
				for j, val := range row {
					ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
					typ, _ := f.GetCellType(sheet, ref)
					if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
						continue
					}
					d, err := decimal.NewFromString(val)
					if err != nil {
						continue
					}
					if !qty[d.String()] {
						t.Errorf("%s %d: %s holds %s, not a quantity", sample, v+1, ref, val)
					}
				}
			}
		}
	}
}

func TestSheetName(t *testing.T) {
	type testCase struct {
		in, want string
	}
	for _, tc := range []testCase{
		{"A – 24 boliger", "A – 24 boliger"},
		{"B: 32/40 [mikro]?*\\", "B 32 40 mikro"},
		{"'Sitert'", "Sitert"},
		{strings.Repeat("æ", 40), strings.Repeat("æ", 31)},
		{"Hus 😀 og\x00hage", "Hus og hage"},
		{"[]:*", ""},
	} {
		if got := sheetName(tc.in); got != tc.want {
			t.Errorf("sheetName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	in := mustInput(t, samples[0])
	c := *in.Project.Concept
	c.Variants = append(c.Variants[:0:0], c.Variants...)
	c.Variants[1].Name = c.Variants[0].Name + "?"
	c.Variants[2].Name = "***"
	p := *in.Project
	p.Concept = &c
	in.Project = &p
	got := []string{}
	for i := range in.Variants {
		s, e := SheetNames(in, i)
		if e != "" {
			t.Errorf("estimate sheet %q", e)
		}
		got = append(got, s)
	}
	if want := []string{"A – 24 boliger", "A – 24 boliger (2)", "Prisskjema"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("names %q, want %q", got, want)
	}
}

func TestWriteSchedule(t *testing.T) {
	in := mustInput(t, samples[0])
	var b bytes.Buffer
	if err := WriteSchedule(&b, in, ScheduleOptions{}); !errors.Is(err, ErrVariant) {
		t.Errorf("three variants: %v, want ErrVariant", err)
	}
	in.Variants = []int{2} // priced with the Hallingbygg price book
	if err := WriteSchedule(&b, in, ScheduleOptions{}); !errors.Is(err, ErrPriceBook) {
		t.Errorf("price book: %v, want ErrPriceBook", err)
	}
	if b.Len() != 0 {
		t.Errorf("%d bytes written on error", b.Len())
	}
	if err := WriteSchedule(&b, in, ScheduleOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, b.Bytes())
	note, _ := f.GetCellValue(f.GetSheetList()[0], "B4")
	if !strings.Contains(note, "Hallingbygg") {
		t.Errorf("forced schedule's note %q does not say why", note)
	}
	in.Variants = []int{0}
	b.Reset()
	if err := WriteSchedule(&b, in, ScheduleOptions{}); err != nil {
		t.Fatal(err)
	}
	if note, _ := openXLSX(t, b.Bytes()).GetCellValue(sheetName(in.Estimates[0].Variant), "B4"); note != "" {
		t.Errorf("B4 %q", note)
	}
}

func TestXLSXDeterministic(t *testing.T) {
	in := mustInput(t, samples[1])
	var a, b bytes.Buffer
	if err := WriteXLSX(&a, in); err != nil {
		t.Fatal(err)
	}
	if err := WriteXLSX(&b, in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs differ")
	}
}
