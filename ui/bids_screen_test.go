package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/hallingdal/bokonsept/tender"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// The hold-out concept of the bids engine's tests; its estimate is
// computed by hand in tender/bids_test.go: entreprisekostnad 3 652 000.
const bidsHoldout = "../tender/testdata/bids-holdout.yaml"

// The three bids on the hold-out, as tender/bids_test.go fills them, with
// their totals by hand:
//
//	Alfa Bygg AS: 300 000 + 200 × 11 500 + 2 × 55 000 + 200 × 2 400
//	  + 100 × 2 900 = 3 480 000; its sum cell of site:vei overwritten with
//	  209 000 (computed: 100 × 2 900 = 290 000).
//	Beta Entreprenør AS: 350 000 + 2 500 000 + 130 000 + 520 000 + 310 000
//	  = 3 810 000.
//	Gamma Lavpris AS: 100 000 + 1 800 000 + 80 000 + 200 000 + 200 000
//	  = 2 380 000.
//
// Ranking Gamma 1, Alfa 2, Beta 3. 80 % of the estimate is 2 921 600 and
// 85 % of the median (Alfa's 3 480 000) is 2 958 000: Gamma is abnormally
// low (below both), Alfa and Beta are not.
var uiHoldoutBids = []struct {
	file, name string
	prices     map[string]float64
}{
	{"alfa.xlsx", "Alfa Bygg AS", map[string]float64{"post:1": 300000, "unit:hus:2": 11500, "fixed:hus:27": 55000, "unit:hus:31": 2400, "site:vei": 2900}},
	{"beta.xlsx", "Beta Entreprenør AS", map[string]float64{"post:1": 350000, "unit:hus:2": 12500, "fixed:hus:27": 65000, "unit:hus:31": 2600, "site:vei": 3100}},
	{"gamma.xlsx", "Gamma Lavpris AS", map[string]float64{"post:1": 100000, "unit:hus:2": 9000, "fixed:hus:27": 40000, "unit:hus:31": 1000, "site:vei": 2000}},
}

// holdoutUI opens the hold-out concept in a window whose background work
// is posted to a channel that pumpUntil runs.
func holdoutUI(t *testing.T) (*mainUI, chan func()) {
	t.Helper()
	u := newTestUI(t)
	if !u.openPath(bidsHoldout) {
		t.Fatalf("the hold-out does not open: %s", dialogText(t, u))
	}
	posted := make(chan func(), 1000)
	u.ed.post = func(f func()) { posted <- f }
	return u, posted
}

// pumpUntil runs what was posted until done holds, for at most a minute.
func pumpUntil(t *testing.T, posted chan func(), done func() bool) {
	t.Helper()
	deadline := time.After(60 * time.Second)
	for !done() {
		select {
		case f := <-posted:
			f()
		case <-deadline:
			t.Fatal("nothing came back in 60 s")
		}
	}
}

// fillSchedule writes the hold-out's price schedule and fills it as a
// tenderer would (docs/FORMATS.md, "Price schedule": keys in column A, the
// tenderer's fields in D, unit prices in G, sums in H); edit may change
// more cells by key and column. It returns the file's path.
func fillSchedule(t *testing.T, u *mainUI, dir, file, name string, prices map[string]float64, edit func(set func(col, key string, v any))) string {
	t.Helper()
	e, err := u.ed.estimate()
	if e == nil {
		t.Fatal(err)
	}
	in := tender.Input{Project: u.ed.project, Estimates: u.ed.estimates, Variants: []int{0}, Lang: "nb", Version: "test"}
	var b bytes.Buffer
	if err := tender.WriteSchedule(&b, in, tender.ScheduleOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	rowOf := map[string]int{}
	for i, r := range rows {
		if len(r) > 0 && r[0] != "" {
			rowOf[r[0]] = i + 1
		}
	}
	set := func(col, key string, v any) {
		r, ok := rowOf[key]
		if !ok {
			t.Fatalf("the schedule has no line %s", key)
		}
		cell, _ := excelize.JoinCellName(col, r)
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	for k, v := range prices {
		set("G", k, v)
	}
	set("D", tender.KeyTenderer, name)
	if edit != nil {
		edit(set)
	}
	path := filepath.Join(dir, file)
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// holdoutBidFiles writes the three filled schedules of uiHoldoutBids.
func holdoutBidFiles(t *testing.T, u *mainUI) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, hb := range uiHoldoutBids {
		var edit func(set func(col, key string, v any))
		if i == 0 {
			edit = func(set func(col, key string, v any)) { set("H", "site:vei", 209000) }
		}
		paths = append(paths, fillSchedule(t, u, dir, hb.file, hb.name, hb.prices, edit))
	}
	return paths
}

// cellText is what the bids screen shows in a cell of one of its tables.
func cellText(update func(widget.TableCellID, fyne.CanvasObject), row, col int) *widget.Label {
	o := newBidCell()
	update(widget.TableCellID{Row: row, Col: col}, o)
	return o.(*widget.Label)
}

// bidNOK is n kroner as the window shows money.
func bidNOK(l *i18n.Locale, n int64) string { return l.NOK(decimal.NewFromInt(n)) }

// The Tilbud tab reads three filled schedules, ranks them, flags the
// abnormally low bid and the arithmetic error with both figures, and
// draws them beside the estimate.
func TestBidsTabRanksThreeBids(t *testing.T) {
	u, posted := holdoutUI(t)
	s := u.bids
	showTab(t, u, s.Content())
	paths := holdoutBidFiles(t, u)
	// Added one at a time, as the open-file dialog gives them.
	for i := range paths {
		s.read(paths[:i+1])
		if !s.reading {
			t.Fatal("the files are not read in the background")
		}
		pumpUntil(t, posted, func() bool { return !s.reading })
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("reading %d files: %s", i+1, dialogText(t, u))
		}
	}
	l := u.l
	want := []struct {
		name, total, low string
		danger           bool
	}{
		{"Gamma Lavpris AS", bidNOK(l, 2380000), l.T("ui.bids.low.both", 80, 85), true},
		{"Alfa Bygg AS", bidNOK(l, 3480000), l.T("ui.bids.low.no"), false},
		{"Beta Entreprenør AS", bidNOK(l, 3810000), l.T("ui.bids.low.no"), false},
	}
	rows, _ := s.ranking.Length()
	if rows != len(want) {
		t.Fatalf("%d rows in the ranking, want %d", rows, len(want))
	}
	for r, w := range want {
		if got := cellText(s.updateRankingCell, r, 0).Text; got != l.Int(int64(r+1)) {
			t.Errorf("row %d: rank %q, want %d", r, got, r+1)
		}
		if got := cellText(s.updateRankingCell, r, 1).Text; got != w.name {
			t.Errorf("row %d: tenderer %q, want %q", r, got, w.name)
		}
		if got := cellText(s.updateRankingCell, r, 3).Text; got != w.total {
			t.Errorf("row %d (%s): total %q, want %q", r, w.name, got, w.total)
		}
		low := cellText(s.updateRankingCell, r, 5)
		if low.Text != w.low || (low.Importance == widget.DangerImportance) != w.danger {
			t.Errorf("row %d (%s): abnormally low %q (importance %d), want %q", r, w.name, low.Text, low.Importance, w.low)
		}
	}
	// Alfa's overwritten sum: both figures.
	if got := cellText(s.updateRankingCell, 1, 6).Text; !strings.Contains(got, l.Int(209000)) || !strings.Contains(got, l.Int(290000)) {
		t.Errorf("Alfa's arithmetic error %q does not give 209 000 and 290 000", got)
	}
	if got := cellText(s.updateRankingCell, 0, 6).Text; got != l.T("ui.bids.none") {
		t.Errorf("Gamma's arithmetic errors %q, want none", got)
	}
	// Gamma's unbalanced lines (tender/bids_test.go): post 1 and hus's 31.
	if got := cellText(s.updateRankingCell, 0, 7).Text; !strings.Contains(got, "1.1 ") || strings.Count(got, ";") != 1 {
		t.Errorf("Gamma's unbalanced lines %q, want post 1 and one more", got)
	}

	// The post comparison's total row: the estimate, then the bids by rank.
	prow, pcols := s.posts.Length()
	if pcols != 2+3 {
		t.Fatalf("%d columns in the post comparison, want post, estimate and 3 bids", pcols)
	}
	total := prow - 1
	for col, w := range []string{bidNOK(l, 3652000), bidNOK(l, 2380000), bidNOK(l, 3480000), bidNOK(l, 3810000)} {
		if got := cellText(s.updatePostCell, total, col+1).Text; got != w {
			t.Errorf("post total, column %d: %q, want %q", col+1, got, w)
		}
	}
	// The post sums of each bid add up to its total: the rows are the
	// engine's, not a share of it.
	if lrows, _ := s.lines.Length(); lrows != 5 {
		t.Errorf("%d lines compared, want 5 (post:1, unit:hus:2, fixed:hus:27, unit:hus:31, site:vei)", lrows)
	}

	// The chart: the estimate, then the bids by rank, Gamma in red.
	bars := s.chart.bars
	if len(bars) != 4 || bars[0].Label != l.T("ui.bids.chart_estimate") || !strings.Contains(bars[1].Label, "Gamma") {
		t.Fatalf("bars %+v", bars)
	}
	if bars[1].Color != theme.ColorNameError || bars[2].Color == theme.ColorNameError {
		t.Errorf("bar colours %q, %q: want only the abnormally low bid in the error colour", bars[1].Color, bars[2].Color)
	}
	if !strings.Contains(s.details.Text, "§ 24-8") {
		t.Errorf("the details of the lowest bid do not ask for an explanation:\n%s", s.details.Text)
	}

	// An edit of the variant makes the bids stale: they are compared
	// with an estimate that is no more, until they are read again.
	if s.stale() || s.exportButton.Disabled() {
		t.Fatal("stale before any edit")
	}
	if err := u.ed.setCount(0, 3); err != nil {
		t.Fatal(err)
	}
	if !s.stale() || !s.exportButton.Disabled() || !s.bookButton.Disabled() || s.status.Text != l.T("ui.bids.stale") {
		t.Errorf("after an edit: stale %v, export disabled %v, status %q", s.stale(), s.exportButton.Disabled(), s.status.Text)
	}
}

// A tampered schedule is refused naming file, sheet and cell, and the
// bids read before stay as they were.
func TestBidsTabRefusesTamperedSchedule(t *testing.T) {
	u, posted := holdoutUI(t)
	s := u.bids
	showTab(t, u, s.Content())
	paths := holdoutBidFiles(t, u)
	s.read(paths[:2])
	pumpUntil(t, posted, func() bool { return !s.reading })
	bad := fillSchedule(t, u, t.TempDir(), "endret.xlsx", "Delta AS", uiHoldoutBids[1].prices, func(set func(col, key string, v any)) {
		set("E", "unit:hus:31", 180)
	})
	s.read(append(paths[:2:2], bad))
	pumpUntil(t, posted, func() bool { return !s.reading })
	msg := dialogText(t, u)
	// The quantity's cell, column E (docs/FORMATS.md), of sheet V1.
	if want := u.l.T("bids.err.where.cell", "endret.xlsx", "V1", "E"); !strings.Contains(msg, want) {
		t.Errorf("the error does not name file, sheet and cell (%q …):\n%s", want, msg)
	}
	if strings.Contains(msg, filepath.Dir(bad)) {
		t.Errorf("the error names the file's folder:\n%s", msg)
	}
	if len(s.paths) != 2 || len(s.ev.Bids) != 2 {
		t.Errorf("after a refused file: %d files, want the 2 read before", len(s.paths))
	}
}
