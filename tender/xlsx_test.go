package tender

import (
	"bytes"
	"fmt"
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
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// scheduleRows maps each schedule line number to its row in the sheet
// and returns the row of the grand total (the last row with a formula).
func scheduleRows(t *testing.T, f *excelize.File, sheet string) (lines map[string]int, total int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	lines = map[string]int{}
	for i := scheduleHeadRow; i < len(rows); i++ {
		r := i + 1
		if len(rows[i]) > 0 && rows[i][0] != "" {
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

// TestXLSXFilledTotalIsEntreprisekostnad fills the engine's likely unit
// prices (and post 1 as the lump sum) into the price column and checks that
// the workbook's formulas give the estimate's entreprisekostnad, and every
// post its post amount.
func TestXLSXFilledTotalIsEntreprisekostnad(t *testing.T) {
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
				n := 0
				for _, p := range s.Posts {
					for _, g := range p.Groups {
						for _, ln := range g.Lines {
							r, ok := lines[ln.No]
							if !ok {
								t.Fatalf("line %s is not in the sheet", ln.No)
							}
							if err := f.SetCellValue(sheet, cell(xcUnitPrice, r), ln.UnitPrice.InexactFloat64()); err != nil {
								t.Fatal(err)
							}
							n++
						}
					}
				}
				if n < 10 {
					t.Fatalf("only %d lines", n)
				}
				if got, want := calc(t, f, sheet, cell(xcSum, total)), e.Totals.Entreprisekostnad; !got.Equal(want) {
					t.Errorf("total %s, want entreprisekostnad %s", got, want)
				}
			})
		}
	}
}

// TestXLSXPostSums checks each post's sum formula against the engine's
// post amount with the engine's unit prices filled in.
func TestXLSXPostSums(t *testing.T) {
	in := mustInput(t, samples[0])
	in.Variants = []int{0}
	e := in.Estimates[0]
	f := mustXLSX(t, in)
	sheet, _ := SheetNames(in, 0)
	s, err := buildSchedule(i18nFor(in), e)
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := scheduleRows(t, f, sheet)
	for _, p := range s.Posts {
		for _, g := range p.Groups {
			for _, ln := range g.Lines {
				if err := f.SetCellValue(sheet, cell(xcUnitPrice, lines[ln.No]), ln.UnitPrice.InexactFloat64()); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	l := i18nFor(in)
	found := 0
	for _, p := range s.Posts {
		label := l.T("tender.schedule.postsum", p.Post, p.Name)
		for i, r := range rows {
			if len(r) > 2 && r[2] == label {
				found++
				if got := calc(t, f, sheet, cell(xcSum, i+1)); !got.Equal(p.Amount) {
					t.Errorf("post %d: %s, want %s", p.Post, got, p.Amount)
				}
			}
		}
	}
	if found != len(s.Posts) {
		t.Errorf("found %d post sums, want %d", found, len(s.Posts))
	}
}

func TestXLSXLayout(t *testing.T) {
	in := mustInput(t, samples[0])
	f := mustXLSX(t, in)
	var want []string
	for i := range in.Variants {
		s, e := SheetNames(in, i)
		want = append(want, s, e)
	}
	if got := f.GetSheetList(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sheets %v, want %v", got, want)
	}
	sheet := want[0]
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != scheduleHeadRow {
		t.Errorf("panes %+v, want the header frozen", panes)
	}
	if fm, _ := f.GetCellFormula(sheet, cell(xcSum, scheduleHeadRow+2)); fm != "ROUND(D6*F6,0)" {
		t.Errorf("lump-sum formula %q", fm)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if layout.Size == nil || *layout.Size != 9 {
		t.Errorf("paper size %v, want 9 (A4)", layout.Size)
	}
	one := in
	one.Variants = []int{2}
	s, e := SheetNames(one, 0)
	if s != "Prisskjema" || e != "Kalkyle" {
		t.Errorf("sheet names %q, %q", s, e)
	}
	if got := mustXLSX(t, one).GetSheetList(); fmt.Sprint(got) != "[Prisskjema Kalkyle]" {
		t.Errorf("one variant: sheets %v", got)
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
