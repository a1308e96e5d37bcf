package tender

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// holdout loads the hold-out concept of testdata and estimates its one
// variant. By hand (testdata/bids-catalogue.yaml, 2 × hus of 100 m² BTA,
// 100 m of road, regional factor 1):
//
//	unit:hus:2   200 m² × 12 000 = 2 400 000
//	fixed:hus:27   2 stk × 60 000 =   120 000
//	unit:hus:31  200 m² ×  2 500 =   500 000
//	site:vei     100 m  ×  3 000 =   300 000
//	posts 2-7                      3 320 000
//	post:1       10 %             =   332 000
//	entreprisekostnad             3 652 000
func holdout(tb testing.TB) (*concepts.Project, *costing.Estimate) {
	tb.Helper()
	p, err := concepts.LoadProject("testdata/bids-holdout.yaml", concepts.LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	e, err := costing.Run(context.Background(), p, 0)
	if err != nil {
		tb.Fatal(err)
	}
	return p, e
}

// holdoutSchedule writes the hold-out's price schedule.
func holdoutSchedule(tb testing.TB, lang string) (*concepts.Project, *costing.Estimate, []byte) {
	tb.Helper()
	p, e := holdout(tb)
	in := Input{Project: p, Estimates: []*costing.Estimate{e}, Variants: []int{0}, Lang: lang, Version: "test"}
	var b bytes.Buffer
	if err := WriteSchedule(&b, in, ScheduleOptions{}); err != nil {
		tb.Fatal(err)
	}
	return p, e, b.Bytes()
}

// filler edits a written schedule as a tenderer would, with excelize.
type filler struct {
	tb    testing.TB
	f     *excelize.File
	sheet string
	rows  map[string]int
}

func fill(tb testing.TB, schedule []byte) *filler {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(schedule))
	if err != nil {
		tb.Fatal(err)
	}
	x := &filler{tb: tb, f: f, sheet: f.GetSheetList()[0], rows: map[string]int{}}
	rows, err := f.GetRows(x.sheet)
	if err != nil {
		tb.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] != "" {
			x.rows[r[0]] = i + 1
		}
	}
	return x
}

func (x *filler) set(col, key string, v any) *filler {
	x.tb.Helper()
	r, ok := x.rows[key]
	if !ok {
		x.tb.Fatalf("no row %s", key)
	}
	if err := x.f.SetCellValue(x.sheet, cell(col, r), v); err != nil {
		x.tb.Fatal(err)
	}
	return x
}

func (x *filler) prices(m map[string]float64) *filler {
	for k, v := range m {
		x.set(xcUnitPrice, k, v)
	}
	return x
}

func (x *filler) bytes() []byte {
	x.tb.Helper()
	var b bytes.Buffer
	if err := x.f.Write(&b); err != nil {
		x.tb.Fatal(err)
	}
	x.f.Close()
	return b.Bytes()
}

// The three bids on the hold-out, with their totals by hand:
//
//	A (Alfa Bygg AS): 300 000 + 200 × 11 500 + 2 × 55 000 + 200 × 2 400
//	  + 100 × 2 900 = 300 000 + 2 300 000 + 110 000 + 480 000 + 290 000
//	  = 3 480 000; its sum cell of site:vei overwritten with 209 000.
//	B (Beta Entreprenør AS): 350 000 + 200 × 12 500.0025 (2 500 000.5,
//	  rounded half away from zero: 2 500 001) + 2 × 65 000 + 200 × 2 600
//	  + 100 × 3 100.25 = 350 000 + 2 500 001 + 130 000 + 520 000 + 310 025
//	  = 3 810 026.
//	C (Gamma Lavpris AS): 100 000 + 200 × 9 000 + 2 × 40 000 + 200 × 1 000
//	  + 100 × 2 000 = 100 000 + 1 800 000 + 80 000 + 200 000 + 200 000
//	  = 2 380 000.
//
// Ranking C 1, A 2, B 3. The median is A's 3 480 000; 85 % of it is
// 2 958 000 and 80 % of the estimate 2 921 600: C is abnormally low, A and
// B are not. C's unbalanced lines: post:1 (100 000 < 50 % of 332 000 =
// 166 000, and 100 000 >= 2 % of 2 380 000 = 47 600) and unit:hus:31
// (1 000 < 1 250, line 200 000); its 9 000 for unit:hus:2 is above 6 000.
var holdoutBids = []struct {
	name   string
	prices map[string]float64
}{
	{"Alfa Bygg AS", map[string]float64{"post:1": 300000, "unit:hus:2": 11500, "fixed:hus:27": 55000, "unit:hus:31": 2400, "site:vei": 2900}},
	{"Beta Entreprenør AS", map[string]float64{"post:1": 350000, "unit:hus:2": 12500.0025, "fixed:hus:27": 65000, "unit:hus:31": 2600, "site:vei": 3100.25}},
	{"Gamma Lavpris AS", map[string]float64{"post:1": 100000, "unit:hus:2": 9000, "fixed:hus:27": 40000, "unit:hus:31": 1000, "site:vei": 2000}},
}

// holdoutFiles writes the three filled schedules into a folder.
func holdoutFiles(t *testing.T, dir string) (*concepts.Project, *costing.Estimate, []string) {
	t.Helper()
	p, e, sched := holdoutSchedule(t, "nb")
	var paths []string
	for i, hb := range holdoutBids {
		x := fill(t, sched).prices(hb.prices).set(xcText, KeyTenderer, hb.name).set(xcText, KeyOrgNo, "99988877"+string(rune('1'+i)))
		if i == 0 {
			x.set(xcSum, "site:vei", 209000)
			x.set(xcText, KeyReservations, "Forbehold om vinterdrift")
		}
		path := filepath.Join(dir, []string{"alfa.xlsx", "beta.xlsx", "gamma.xlsx"}[i])
		if err := os.WriteFile(path, x.bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return p, e, paths
}

// TestBidRoundTrip writes a schedule, fills it (unit prices, one
// overwritten sum, one changed quantity) and reads it back.
func TestBidRoundTrip(t *testing.T) {
	_, e, sched := holdoutSchedule(t, "nb")
	if got := e.Totals.Entreprisekostnad; !got.Equal(decimal.NewFromInt(3652000)) {
		t.Fatalf("entreprisekostnad %s, want 3 652 000 (by hand)", got)
	}
	x := fill(t, sched).prices(holdoutBids[0].prices).set(xcSum, "site:vei", 209000).set(xcQty, "unit:hus:31", 180)
	qtyRow := x.rows["unit:hus:31"]
	_, err := ReadBid("alfa.xlsx", x.bytes(), e)
	if !errors.Is(err, ErrBidQuantity) {
		t.Fatalf("changed quantity: %v, want ErrBidQuantity", err)
	}
	var be BidErrors
	if !errors.As(err, &be) || len(be) != 1 || be[0].File != "alfa.xlsx" || be[0].Sheet != "V1" || be[0].Cell != cell(xcQty, qtyRow) {
		t.Errorf("error %#v does not name alfa.xlsx, V1, %s", err, cell(xcQty, qtyRow))
	}
	if msg := err.Error(); !strings.Contains(msg, "alfa.xlsx") || !strings.Contains(msg, cell(xcQty, qtyRow)) || !strings.Contains(msg, "180") {
		t.Errorf("message %q", msg)
	}

	x = fill(t, sched).prices(holdoutBids[0].prices).set(xcSum, "site:vei", 209000).set(xcText, KeyTenderer, " Alfa Bygg AS ")
	b, err := ReadBid("alfa.xlsx", x.bytes(), e)
	if err != nil {
		t.Fatal(err)
	}
	if b.Tenderer != "Alfa Bygg AS" || b.Sheet != "V1" {
		t.Errorf("tenderer %q, sheet %q", b.Tenderer, b.Sheet)
	}
	if want := decimal.NewFromInt(3480000); !b.Total.Equal(want) {
		t.Errorf("total %s, want %s", b.Total, want)
	}
	if len(b.ArithmeticErrors) != 1 {
		t.Fatalf("arithmetic errors %+v, want one", b.ArithmeticErrors)
	}
	a := b.ArithmeticErrors[0]
	if a.Key != "site:vei" || !a.Stated.Equal(decimal.NewFromInt(209000)) || !a.Computed.Equal(decimal.NewFromInt(290000)) {
		t.Errorf("arithmetic error %+v, want site:vei stated 209 000, computed 290 000", a)
	}
}

// TestBidsHoldout reads the three bids of holdoutBids and evaluates them.
func TestBidsHoldout(t *testing.T) {
	p, e, paths := holdoutFiles(t, t.TempDir())
	bids, err := ReadBidFiles(paths, e)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := Evaluate(e, bids, "nb")
	if err != nil {
		t.Fatal(err)
	}
	var got BidsReport
	data, _ := json.Marshal(ev.Report())
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	want := BidsReport{Variant: "V1", Estimate: 3652000, Bids: []BidReportItem{
		{File: paths[0], Tenderer: "Alfa Bygg AS", Total: 3480000, Rank: 2,
			ArithmeticErrors: []ArithmeticErrorReport{{Key: "site:vei", Stated: 209000, Computed: 290000}}, Unbalanced: []string{}},
		{File: paths[1], Tenderer: "Beta Entreprenør AS", Total: 3810026, Rank: 3,
			ArithmeticErrors: []ArithmeticErrorReport{}, Unbalanced: []string{}},
		{File: paths[2], Tenderer: "Gamma Lavpris AS", Total: 2380000, Rank: 1, AbnormallyLow: true,
			ArithmeticErrors: []ArithmeticErrorReport{}, Unbalanced: []string{"post:1", "unit:hus:31"}},
	}}
	wantJSON, _ := json.Marshal(want)
	gotJSON, _ := json.Marshal(got)
	if string(gotJSON) != string(wantJSON) {
		t.Errorf("report\n%s\nwant\n%s", gotJSON, wantJSON)
	}
	if !ev.Median.Equal(decimal.NewFromInt(3480000)) {
		t.Errorf("median %s", ev.Median)
	}
	c := ev.Bids[2]
	if !c.BelowEstimate || !c.BelowMedian {
		t.Errorf("C below estimate %v, below median %v; want both", c.BelowEstimate, c.BelowMedian)
	}
	// per post: the posts add up to each bid's total
	for i, b := range ev.Bids {
		sum := decimal.Zero
		for _, pc := range ev.Posts {
			sum = sum.Add(pc.Bids[i])
		}
		if !sum.Equal(b.Total) {
			t.Errorf("bid %d: posts add up to %s, total %s", i+1, sum, b.Total)
		}
	}
	// post 2 of B: 2 500 001 + 130 000
	for _, pc := range ev.Posts {
		if pc.Post == 2 && (!pc.Bids[1].Equal(decimal.NewFromInt(2630001)) || !pc.Estimate.Equal(decimal.NewFromInt(2520000))) {
			t.Errorf("post 2: B %s, estimate %s", pc.Bids[1], pc.Estimate)
		}
	}

	// the evaluation PDF
	var pdf bytes.Buffer
	if err := WriteEvaluationPDF(&pdf, ev, EvaluationDoc{Concept: p.Concept.Name, Lang: "nb", Version: "test"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) || pdf.Len() < 5000 {
		t.Errorf("PDF of %d bytes", pdf.Len())
	}
	if dir := os.Getenv("BIDS_PDF_DIR"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "evaluering.pdf"), pdf.Bytes(), 0o644)
	}

	// a bid as a price book loads and prices the variant at its prices:
	// A's entreprisekostnad with post 1 at the catalogue's 10 % is
	// 200 × 11 500 + 2 × 55 000 + 200 × 2 400 + 100 × 2 900 = 3 180 000,
	// + 318 000 = 3 498 000
	var book bytes.Buffer
	if err := WriteBidPriceBook(&book, p, e, bids[0]); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bookPath := filepath.Join(dir, "alfa.yaml")
	if err := os.WriteFile(bookPath, book.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pp, err := concepts.LoadProject("testdata/bids-holdout.yaml", concepts.LoadOptions{PriceBook: bookPath})
	if err != nil {
		t.Fatalf("%v\n%s", err, book.String())
	}
	ea, err := costing.Run(context.Background(), pp, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := ea.Totals.Entreprisekostnad; !got.Equal(decimal.NewFromInt(3498000)) {
		t.Errorf("entreprisekostnad at A's prices %s, want 3 498 000\n%s", got, book.String())
	}
}

// TestBidBadInput gives ReadBid and ReadBidFiles each kind of bad input.
func TestBidBadInput(t *testing.T) {
	_, e, sched := holdoutSchedule(t, "nb")
	good := holdoutBids[0].prices
	edit := func(f func(x *filler)) []byte {
		x := fill(t, sched).prices(good)
		f(x)
		return x.bytes()
	}
	other := excelize.NewFile()
	_ = other.SetCellValue("Sheet1", "A1", "Navn")
	_ = other.SetCellValue("Sheet1", "B2", 12)
	var otherBuf bytes.Buffer
	_ = other.Write(&otherBuf)
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CompressedSize64: 5, UncompressedSize64: 4 << 30})
	_, _ = w.Write([]byte{3, 0, 0, 0, 0})
	_ = zw.Close()
	for _, tc := range []struct {
		name string
		data []byte
		want error
		cell string // the cell the error names, by key and column
	}{
		{"Missing", edit(func(x *filler) { x.set(xcKey, "unit:hus:31", "") }), ErrBidMissingLine, ""},
		{"Unknown", edit(func(x *filler) { x.set(xcKey, "unit:hus:31", "unit:hus:99") }), ErrBidUnknownLine, "A:unit:hus:31"},
		{"Twice", edit(func(x *filler) { x.set(xcKey, "unit:hus:31", "unit:hus:2") }), ErrBidLineTwice, "A:unit:hus:31"},
		{"Quantity", edit(func(x *filler) { x.set(xcQty, "site:vei", 101) }), ErrBidQuantity, "E:site:vei"},
		{"Unit", edit(func(x *filler) { x.set(xcUnit, "site:vei", "km") }), ErrBidUnit, "F:site:vei"},
		{"PriceText", edit(func(x *filler) { x.set(xcUnitPrice, "site:vei", "2 900 kr") }), ErrBidPriceText, "G:site:vei"},
		{"PriceNumberAsText", edit(func(x *filler) { x.set(xcUnitPrice, "site:vei", "2900") }), ErrBidPriceText, "G:site:vei"},
		{"PriceNegative", edit(func(x *filler) { x.set(xcUnitPrice, "site:vei", -1) }), ErrBidPriceNegative, "G:site:vei"},
		{"PriceFormula", edit(func(x *filler) {
			if err := x.f.SetCellFormula(x.sheet, cell(xcUnitPrice, x.rows["site:vei"]), `HYPERLINK("http://x","1")`); err != nil {
				t.Fatal(err)
			}
		}), ErrBidPriceFormula, "G:site:vei"},
		{"PriceInjection", edit(func(x *filler) { x.set(xcUnitPrice, "site:vei", "=cmd|' /C calc'!A0") }), ErrBidPriceText, "G:site:vei"},
		{"PriceEmpty", edit(func(x *filler) { x.set(xcUnitPrice, "site:vei", "") }), ErrBidPriceEmpty, "G:site:vei"},
		{"NotSchedule", otherBuf.Bytes(), ErrBidNotSchedule, ""},
		{"Corrupt", sched[:len(sched)/2], ErrBidCorrupt, ""},
		{"Garbage", []byte("this is not a workbook"), ErrBidCorrupt, ""},
		{"Encrypted", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), ErrBidEncrypted, ""},
		{"ZipBomb", bomb.Bytes(), ErrBidZipBomb, ""},
		{"TooLarge", make([]byte, MaxBidFileBytes+1), ErrBidTooLarge, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := fill(t, sched) // for the rows
			b, err := ReadBid("bud.xlsx", tc.data, e)
			if !errors.Is(err, tc.want) || b != nil {
				t.Fatalf("got %v, %v; want %v", b, err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "bud.xlsx") {
				t.Errorf("%q does not name the file", err)
			}
			if tc.cell != "" {
				col, key, _ := strings.Cut(tc.cell, ":")
				want := cell(col, x.rows[key])
				var be BidErrors
				errors.As(err, &be)
				if be[0].Sheet != "V1" || be[0].Cell != want {
					t.Errorf("error at %s!%s, want V1!%s", be[0].Sheet, be[0].Cell, want)
				}
			}
		})
	}
	t.Run("EmptyPriceOfNoQuantity", func(t *testing.T) {
		// a line of quantity 0 may be left empty; the schedule of the
		// hold-out has none, so the check is on unitPrice directly
		r := &bidReader{name: "bud.xlsx", f: fill(t, sched).f}
		if d, ok := r.unitPrice("V1", 99, "site:x", "", decimal.Zero); !ok || !d.IsZero() || len(r.errs) != 0 {
			t.Errorf("got %s, %v, %v", d, ok, r.errs)
		}
	})
	t.Run("Files", func(t *testing.T) {
		dir := t.TempDir()
		_, _, paths := holdoutFiles(t, dir)
		copyPath := filepath.Join(dir, "kopi.xlsx")
		data, _ := os.ReadFile(paths[0])
		_ = os.WriteFile(copyPath, data, 0o644)
		big := filepath.Join(dir, "stor.xlsx")
		f, _ := os.Create(big)
		_ = f.Truncate(MaxBidFileBytes + 1) // sparse: refused by its size, never read
		f.Close()
		for _, tc := range []struct {
			name  string
			paths []string
			want  error
		}{
			{"SamePath", []string{paths[0], paths[1], paths[0]}, ErrBidSameFile},
			{"SameBytes", []string{paths[0], copyPath}, ErrBidSameFile},
			{"TooLarge", []string{paths[0], big}, ErrBidTooLarge},
			{"Missing", []string{filepath.Join(dir, "borte.xlsx")}, ErrBidCorrupt},
		} {
			bids, err := ReadBidFiles(tc.paths, e)
			if !errors.Is(err, tc.want) || bids != nil {
				t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
			}
		}
	})
}

// TestBidEnglishSchedule reads a schedule written in English.
func TestBidEnglishSchedule(t *testing.T) {
	_, e, sched := holdoutSchedule(t, "en")
	b, err := ReadBid("en.xlsx", fill(t, sched).prices(holdoutBids[2].prices).bytes(), e)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Total.Equal(decimal.NewFromInt(2380000)) {
		t.Errorf("total %s, want 2 380 000", b.Total)
	}
}

func TestMedian(t *testing.T) {
	d := func(v ...int64) []decimal.Decimal {
		out := make([]decimal.Decimal, len(v))
		for i, x := range v {
			out[i] = decimal.NewFromInt(x)
		}
		return out
	}
	for _, tc := range []struct {
		in   []decimal.Decimal
		want string
	}{{nil, "0"}, {d(5), "5"}, {d(9, 1, 5), "5"}, {d(4, 1, 3, 2), "2.5"}} {
		if got := median(tc.in).String(); got != tc.want {
			t.Errorf("median(%v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
