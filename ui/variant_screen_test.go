package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
)

// openSample opens the sample file in u as the New dialog does.
func openSample(t *testing.T, u *mainUI, file string) {
	t.Helper()
	p, data, err := loadSample(file)
	if err != nil {
		t.Fatal(err)
	}
	u.setProject(p, data, true)
}

func TestSiteChoicesLeaveOutOtherMunicipalities(t *testing.T) {
	u := newTestUI(t)
	openSample(t, u, "samples/reveskogen-hemsedal.yaml")
	cat := u.ed.catalogue()
	if got, want := u.ed.concept().Municipality, "hemsedal"; got != want {
		t.Fatalf("the sample is in %q, want %q", got, want)
	}
	offered := map[string]bool{}
	for _, id := range u.variants.siteIDs {
		offered[id] = true
	}
	others := 0
	for _, m := range cat.Municipalities {
		for _, id := range m.Items {
			if offered[id] {
				t.Errorf("%q of %s is offered in a Hemsedal concept", id, m.Name)
			}
			others++
		}
	}
	if others == 0 || !slices.Contains(cat.Municipality("gol").Items, "gol-vann") {
		t.Fatal("the catalogue has no other municipality's fees to test with")
	}
	if len(u.variants.siteIDs) == 0 {
		t.Fatal("no site items offered at all")
	}
	for _, o := range u.variants.addSite.Options {
		if o == u.l.T("ui.sites.choice", cat.SiteItem("gol-vann").Name.In(u.l.Lang()), u.l.T("unit."+string(cat.SiteItem("gol-vann").Unit))) {
			t.Errorf("the picker offers %q", o)
		}
	}
}

// TestSiteItemOfOtherMunicipalityStaysInTable checks that a variant that
// already has another municipality's fee keeps it in its table, where it
// can be removed, though the picker does not offer it.
func TestSiteItemOfOtherMunicipalityStaysInTable(t *testing.T) {
	u := newTestUI(t)
	openSample(t, u, "samples/reveskogen-hemsedal.yaml")
	u.ed.addSiteItem("gol-vann")
	v := u.ed.variant()
	row := slices.IndexFunc(v.SiteItems, func(l concepts.SiteItemLine) bool { return l.Item == "gol-vann" })
	if row < 0 {
		t.Fatal("the variant did not take gol-vann")
	}
	if slices.Contains(u.variants.siteIDs, "gol-vann") {
		t.Error("gol-vann is offered while the variant has it")
	}
	if rows := u.variants.siteRowCount(); row >= rows {
		t.Fatalf("the table has %d rows, not the variant's line %d", rows, row)
	}
	cell := u.variants.newCell()
	u.variants.updateSiteCell(widget.TableCellID{Row: row, Col: siteColItem}, cell)
	if got, want := cell.label.Text, u.ed.catalogue().SiteItem("gol-vann").Name.In(u.l.Lang()); got != want {
		t.Errorf("row %d shows %q, want %q", row, got, want)
	}
	u.variants.updateSiteCell(widget.TableCellID{Row: row, Col: siteColRemove}, cell)
	if !cell.remove.Visible() {
		t.Fatal("the line has no remove button")
	}
	cell.remove.OnTapped()
	if slices.ContainsFunc(u.ed.variant().SiteItems, func(l concepts.SiteItemLine) bool { return l.Item == "gol-vann" }) {
		t.Error("the remove button left gol-vann in the variant")
	}
	if slices.Contains(u.variants.siteIDs, "gol-vann") {
		t.Error("gol-vann is offered after its line was removed")
	}
}

// TestSiteChoicesOnlyAvailableInMunicipality checks that the picker offers
// no item that belongs to another municipality (SiteItem.AvailableIn),
// whether or not a municipality lists it among its items.
func TestSiteChoicesOnlyAvailableInMunicipality(t *testing.T) {
	u := newTestUI(t)
	openSample(t, u, "samples/reveskogen-hemsedal.yaml")
	muni := u.ed.concept().Municipality
	foreign := 0
	for _, it := range u.ed.catalogue().SiteItems {
		if it.Municipality != "" && it.Municipality != muni {
			foreign++
		}
	}
	if foreign == 0 {
		t.Fatal("the catalogue has no other municipality's items to test with")
	}
	for _, id := range u.variants.siteIDs {
		if it := u.ed.catalogue().SiteItem(id); !it.AvailableIn(muni) {
			t.Errorf("%q of %s is offered in a %s concept", id, it.Municipality, muni)
		}
	}
}

// TestCountBeyondLimitKeepsLastValid types 99999999 into a count: every
// prefix up to 9 999 is a valid count (concepts.MaxCount is 10 000), so
// the model keeps 9 999; the explanation names the kept count, and when
// the field loses the focus it shows 9 999 again and the explanation goes.
func TestCountBeyondLimitKeepsLastValid(t *testing.T) {
	u := newTestUI(t)
	cell := mixCell(t, u, 0)
	typeInto(&cell.count.Entry, "99999999")
	if got, want := u.ed.variant().Units[0].Count, 9999; got != want {
		t.Fatalf("count = %d, want %d (the last valid prefix)", got, want)
	}
	if cell.count.Validate() == nil {
		t.Error("the field shows no error for 99 999 999")
	}
	if msg := u.variants.mixError.Text; !u.variants.mixError.Visible() || !strings.Contains(msg, "9\u00a0999") {
		t.Errorf("explanation %q does not name the kept count 9 999", msg)
	}
	assertFigures(t, u)
	cell.count.FocusLost()
	if got, want := cell.count.Text, u.variants.in.text(decimalInt(9999)); got != want {
		t.Errorf("after focus lost the field shows %q, want %q", got, want)
	}
	if cell.count.Validate() != nil {
		t.Error("the field keeps its error after showing the kept count")
	}
	if u.variants.mixError.Visible() {
		t.Error("a stale explanation stays under the table")
	}
}

// TestStaleInputErrorGoesWithStep checks that the explanation of a refused
// count goes when the count is changed with + (the field shows the model's
// count again).
func TestStaleInputErrorGoesWithStep(t *testing.T) {
	u := newTestUI(t)
	cell := mixCell(t, u, 0)
	count := u.ed.variant().Units[0].Count
	typeInto(&cell.count.Entry, "tolv")
	if !u.variants.mixError.Visible() {
		t.Fatal("no explanation for tolv")
	}
	cell.plus.OnTapped()
	if got := u.ed.variant().Units[0].Count; got != count+1 {
		t.Errorf("count = %d, want %d", got, count+1)
	}
	if u.variants.mixError.Visible() {
		t.Errorf("the explanation %q stays after +", u.variants.mixError.Text)
	}
}

// TestPriceBookChosenAgainIsReadFromDisk chooses a price book, edits it on
// disk and chooses it again: the estimate follows the new rates.
func TestPriceBookChosenAgainIsReadFromDisk(t *testing.T) {
	u := newTestUI(t)
	book := func(likely int) []byte {
		return fmt.Appendf(nil, "format: bokonsept/pricebook@1\nname: Testbok\nprice_level: %s\n"+
			"unit_types:\n  solenga-2r:\n    rates: {\"2\": [10000, %d, 30000]}\n", u.ed.catalogue().PriceLevel, likely)
	}
	path := filepath.Join(t.TempDir(), "bok.yaml")
	if err := os.WriteFile(path, book(11000), 0o644); err != nil {
		t.Fatal(err)
	}
	u.variants.choosePriceBook(path)
	ref := u.ed.variant().PriceBook
	if ref == "" {
		t.Fatal("the variant took no price book")
	}
	first, _ := u.ed.estimate()
	// Double the likely rate of solenga-2r's code 2 on disk.
	if err := os.WriteFile(path, book(22000), 0o644); err != nil {
		t.Fatal(err)
	}
	u.variants.choosePriceBook(path)
	if got := u.ed.project.PriceBooks[ref].UnitTypes["solenga-2r"].Rates["2"].Likely; !got.Equal(decimalInt(22000)) {
		t.Fatalf("the project's price book has likely %s, want 22000 from disk", got)
	}
	second, err := u.ed.estimate()
	if err != nil {
		t.Fatal(err)
	}
	if !second.Totals.Huskostnad.GreaterThan(first.Totals.Huskostnad) {
		t.Errorf("huskostnad %s after doubling a rate, was %s", second.Totals.Huskostnad, first.Totals.Huskostnad)
	}
	assertFigures(t, u)
}

// shownMixCell returns the unit mix's cell that shows row and col.
func shownMixCell(t *testing.T, s *variantScreen, row, col int) *tableCell {
	t.Helper()
	for _, c := range s.mixCells {
		if c.row == row && c.col == col && c.Visible() {
			return c
		}
	}
	t.Fatalf("no cell shows row %d, column %d", row, col)
	return nil
}

// A count typed updates the shown cells of its line in place (the table
// keeps its rows), and a line added makes the table one row longer.
func TestMixCellsFollowCount(t *testing.T) {
	u := newTestUI(t)
	s := u.variants
	u.win.Canvas().Capture() // the first frame: the table makes its cells
	cost, area := shownMixCell(t, s, 0, mixColCost), shownMixCell(t, s, 0, mixColBRATotal)
	before := cost.label.Text
	if err := u.ed.setCount(0, u.ed.variant().Units[0].Count+3); err != nil {
		t.Fatal(err)
	}
	e, _ := u.ed.estimate()
	if got, want := cost.label.Text, u.l.NOK(e.Lines[0].Cost); got != want || got == before {
		t.Errorf("the cost cell shows %q (before %q), want %q", got, before, want)
	}
	if got, want := area.label.Text, u.l.Area(e.Lines[0].Area.BRA); got != want {
		t.Errorf("the area cell shows %q, want %q", got, want)
	}
	rows := s.mixRows
	for _, ut := range u.ed.catalogue().UnitTypes {
		if !slices.ContainsFunc(u.ed.variant().Units, func(l concepts.UnitLine) bool { return l.Type == ut.ID }) {
			u.ed.addUnit(ut.ID)
			break
		}
	}
	if s.mixRows != rows+1 {
		t.Errorf("after adding a line the table has %d rows, want %d", s.mixRows, rows+1)
	}
}

// A count typed shows the key figures at once and the tables' cells after
// that frame: the cells wait for the editor's next post, and two counts
// typed within a frame update them once, to the last count.
func TestMixCellsFollowAfterFigures(t *testing.T) {
	u := newTestUI(t)
	s := u.variants
	var posted []func()
	u.ed.post = func(f func()) { posted = append(posted, f) }
	// The checks come later still, on a timer of their own: left out here.
	u.ed.afterFunc = func(time.Duration, func()) func() { return func() {} }
	u.win.Canvas().Capture()
	cost := shownMixCell(t, s, 0, mixColCost)
	before := cost.label.Text
	n := u.ed.variant().Units[0].Count
	for _, count := range []int{n + 3, n + 5} {
		if err := u.ed.setCount(0, count); err != nil {
			t.Fatal(err)
		}
	}
	assertFigures(t, u)
	if cost.label.Text != before {
		t.Errorf("the cost cell changed to %q in the key figures' frame", cost.label.Text)
	}
	if len(posted) != 1 {
		t.Fatalf("%d updates of the cells posted for two counts within a frame, want 1", len(posted))
	}
	posted[0]()
	e, _ := u.ed.estimate()
	if got, want := cost.label.Text, u.l.NOK(e.Lines[0].Cost); got != want || got == before {
		t.Errorf("after the next frame the cost cell shows %q (before %q), want %q", got, before, want)
	}
	if e.Lines[0].Count != n+5 {
		t.Errorf("the estimate counts %d dwellings on the first line, want %d", e.Lines[0].Count, n+5)
	}
}

// While the selected variant's simulation runs, a count typed leaves the
// tables' cells for the simulation's result: they come in the frame after
// the one that shows P50 and P85, not in one of their own before it.
func TestMixCellsComeWithSimulation(t *testing.T) {
	u := newTestUI(t)
	s := u.variants
	posts := make(chan func(), 1024)
	u.ed.post = func(f func()) { posts <- f }
	// The typed count's simulation starts on its timer's goroutine, as in
	// the window; the other timers (the cells' fallback) are kept.
	var timers []func()
	u.ed.afterFunc = func(d time.Duration, f func()) func() {
		if d == u.ed.simDelay {
			go f()
		} else {
			timers = append(timers, f)
		}
		return func() {}
	}
	u.ed.simulateEnabled = true
	u.win.Canvas().Capture()
	cost := shownMixCell(t, s, 0, mixColCost)
	before := cost.label.Text
	if err := u.ed.setCount(0, u.ed.variant().Units[0].Count+4); err != nil {
		t.Fatal(err)
	}
	if !u.ed.selectedSimulating() {
		t.Fatal("the edit started no simulation of the selected variant")
	}
	if len(u.ed.simWaiters) == 0 || len(timers) == 0 {
		t.Fatalf("the cells do not wait for the simulation (%d waiting, %d timers)", len(u.ed.simWaiters), len(timers))
	}
	// Run what the simulation posts, as the UI goroutine would, until the
	// selected variant has its P50: the cells must not change before, so
	// that the frame showing P50 and P85 comes without them, and must
	// change in the post their result queues (the next frame), not on the
	// fallback timer.
	deadline := time.After(30 * time.Second)
	for u.ed.selectedSimulating() {
		select {
		case f := <-posts:
			if cost.label.Text != before {
				t.Fatalf("the cost cell changed to %q before the simulation ended", cost.label.Text)
			}
			f()
		case <-deadline:
			t.Fatal("the simulation did not end within 30 s")
		}
	}
	e, _ := u.ed.estimate()
	if e.P50 == nil {
		t.Fatal("the selected variant has no P50 after its simulation")
	}
	if cost.label.Text != before {
		t.Errorf("the cost cell changed in the frame of P50 and P85, not after it")
	}
	for len(posts) > 0 {
		(<-posts)()
	}
	if got, want := cost.label.Text, u.l.NOK(e.Lines[0].Cost); got != want || got == before {
		t.Errorf("after P50 the cost cell shows %q (before %q), want %q", got, before, want)
	}
	if s.cellsLater || len(u.ed.simWaiters) > 0 {
		t.Errorf("an update of the cells still waits after the simulation's result")
	}
}
