package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/tender"
	"github.com/xuri/excelize/v2"
)

// holdoutConcept is the hold-out concept of the bids tests; its
// entreprisekostnad is 3 652 000 (computed by hand in tender/bids_test.go).
const holdoutConcept = "../tender/testdata/bids-holdout.yaml"

// writeBids writes the hold-out's price schedule filled with each price
// list (keyed by line), the first with its road sum overwritten, and
// returns the files.
func writeBids(t *testing.T, dir string, names []string, prices []map[string]float64) []string {
	t.Helper()
	p, err := concepts.LoadProject(holdoutConcept, concepts.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := costing.Run(context.Background(), p, 0)
	if err != nil {
		t.Fatal(err)
	}
	var sched bytes.Buffer
	in := tender.Input{Project: p, Estimates: []*costing.Estimate{e}, Variants: []int{0}, Lang: "nb"}
	if err := tender.WriteSchedule(&sched, in, tender.ScheduleOptions{}); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i, pr := range prices {
		f, err := excelize.OpenReader(bytes.NewReader(sched.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetList()[0]
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			if len(row) == 0 {
				continue
			}
			ref := func(col string) string { return col + itoa(r+1) }
			if v, ok := pr[row[0]]; ok {
				_ = f.SetCellValue(sheet, ref("G"), v)
			}
			if row[0] == tender.KeyTenderer {
				_ = f.SetCellValue(sheet, ref("D"), names[i])
			}
			if i == 0 && row[0] == "site:vei" {
				_ = f.SetCellValue(sheet, ref("H"), 209000)
			}
		}
		path := filepath.Join(dir, "bud"+itoa(i+1)+".xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		f.Close()
		paths = append(paths, path)
	}
	return paths
}

func itoa(i int) string { return strconv.Itoa(i) }

// The three bids: totals by hand (tender/bids_test.go) 3 480 000,
// 3 810 026 and 2 380 000; the third is below 80 % of 3 652 000.
var cliBids = []map[string]float64{
	{"post:1": 300000, "unit:hus:2": 11500, "fixed:hus:27": 55000, "unit:hus:31": 2400, "site:vei": 2900},
	{"post:1": 350000, "unit:hus:2": 12500.0025, "fixed:hus:27": 65000, "unit:hus:31": 2600, "site:vei": 3100.25},
	{"post:1": 100000, "unit:hus:2": 9000, "fixed:hus:27": 40000, "unit:hus:31": 1000, "site:vei": 2000},
}

func TestBidsCommand(t *testing.T) {
	dir := t.TempDir()
	paths := writeBids(t, dir, []string{"Alfa Bygg AS", "Beta Entreprenør AS", "Gamma Lavpris AS"}, cliBids)
	pdf := filepath.Join(dir, "evaluering.pdf")
	books := filepath.Join(dir, "prisbøker")
	args := append([]string{"bids", holdoutConcept, "--variant", "V1", "--json", "-o", pdf, "--pricebook-out", books}, paths...)
	code, out, errOut := runT(t, args...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	want := `{"bids":[` +
		`{"abnormally_low":false,"arithmetic_errors":[{"computed":290000,"key":"site:vei","stated":209000}],"file":"` + paths[0] + `","rank":2,"tenderer":"Alfa Bygg AS","total":3480000,"unbalanced":[]},` +
		`{"abnormally_low":false,"arithmetic_errors":[],"file":"` + paths[1] + `","rank":3,"tenderer":"Beta Entreprenør AS","total":3810026,"unbalanced":[]},` +
		`{"abnormally_low":true,"arithmetic_errors":[],"file":"` + paths[2] + `","rank":1,"tenderer":"Gamma Lavpris AS","total":2380000,"unbalanced":["post:1","unit:hus:31"]}` +
		`],"estimate":3652000,"variant":"V1"}`
	if b, _ := json.Marshal(got); string(b) != want {
		t.Errorf("JSON\n%s\nwant\n%s", b, want)
	}
	if data, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("no evaluation PDF: %v", err)
	}
	entries, err := os.ReadDir(books)
	if err != nil || len(entries) != 3 {
		t.Fatalf("price books %v, %v", entries, err)
	}
	for _, en := range entries {
		if _, err := concepts.LoadPriceBook(filepath.Join(books, en.Name())); err != nil {
			t.Errorf("%s: %v", en.Name(), err)
		}
	}

	// text output names the abnormally low bid and the arithmetic error
	code, out, _ = runT(t, append([]string{"bids", holdoutConcept}, paths...)...)
	if code != exitOK || !strings.Contains(out, "1. Gamma Lavpris AS") || !strings.Contains(out, "unormalt lavt") || !strings.Contains(out, "regnefeil site:vei") {
		t.Errorf("exit %d, text:\n%s", code, out)
	}
}

// TestBidsCommandBadInput: the same file twice is refused, naming it, and
// nothing is written.
func TestBidsCommandBadInput(t *testing.T) {
	dir := t.TempDir()
	paths := writeBids(t, dir, []string{"Alfa"}, cliBids[:1])
	pdf := filepath.Join(dir, "evaluering.pdf")
	code, out, errOut := runT(t, "bids", holdoutConcept, "-o", pdf, paths[0], paths[0])
	if code != exitInvalid || out != "" || !strings.Contains(errOut, paths[0]) || !strings.Contains(errOut, "samme fil") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, err := os.Stat(pdf); !os.IsNotExist(err) {
		t.Errorf("the evaluation was written: %v", err)
	}
	if code, _, _ := runT(t, "bids", holdoutConcept); code != exitUsage {
		t.Errorf("no bids: exit %d, want %d", code, exitUsage)
	}
}
