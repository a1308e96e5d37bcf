package tender

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// findLine returns the line of s with key, failing when there is none.
func findLine(tb testing.TB, s *schedule, key string) scheduleLine {
	tb.Helper()
	for _, ln := range s.lines() {
		if ln.Key == key {
			return ln
		}
	}
	tb.Fatalf("the schedule has no line %s", key)
	return scheduleLine{}
}

// TestScheduleLiftsPerLift: the price schedule asks for a price per lift,
// counted as the tenderers' document counts them, under the key of the
// first flat type's lift share, and for the sewage plant with its
// capacity in PE. By hand, for the hold-out's main variant (18 flats of
// blokk-3r in 3 storeys, regional factor 1.07, lift share 52 900 a flat):
// ceil(18 / (4 × 3)) = 2 lifts; the estimate prices them at 18 × 1.07 ×
// 52 900 = 1 018 854, so 509 427 a lift; the plant serves 18 × 3 = 54
// persons.
func TestScheduleLiftsPerLift(t *testing.T) {
	in := tenderHoldout(t)
	e := in.Estimates[0]
	l := i18n.New("nb")
	s, err := buildSchedule(l, e)
	if err != nil {
		t.Fatal(err)
	}
	ln := findLine(t, s, "fixed:blokk-3r:62")
	if !ln.Qty.Equal(decimal.NewFromInt(2)) || ln.Unit != unitName(l, concepts.UnitPiece) {
		t.Errorf("lift line %s %s, want 2 stk", ln.Qty, ln.Unit)
	}
	if want := decimal.NewFromInt(509427); !ln.UnitPrice.Equal(want) {
		t.Errorf("lift unit price %s, want %s", ln.UnitPrice, want)
	}
	if want := l.T("tender.schedule.lift", 3, 18); ln.Text != want {
		t.Errorf("lift text %q, want %q", ln.Text, want)
	}
	n := 0
	for _, x := range s.lines() {
		if strings.HasSuffix(x.Key, ":62") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d lift lines, want 1", n)
	}
	// the lifts cost what the estimate's lift shares cost
	var shares decimal.Decimal
	for _, r := range e.Rows {
		for _, c := range r.Codes {
			if c.Fixed && c.Code == "62" {
				shares = shares.Add(c.Exact)
			}
		}
	}
	if got := ln.Qty.Mul(ln.UnitPrice); !got.Equal(shares) {
		t.Errorf("lifts %s, lift shares %s", got, shares)
	}
	rens := findLine(t, s, "site:rens")
	if !strings.HasSuffix(rens.Text, "54\u00a0PE") && !strings.HasSuffix(rens.Text, "54 PE") || !rens.Qty.Equal(decimal.NewFromInt(1)) {
		t.Errorf("sewage plant line %q × %s, want 1 stk sized for 54 PE", rens.Text, rens.Qty)
	}
}

// TestScheduleLiftsSample: Solenga's variant A has 6 + 12 + 6 = 24 flats
// in 3 storeys: ceil(24 / 12) = 2 lifts, priced by the estimate at
// (6 × 83 000 + 12 × 100 000 + 6 × 112 000) / 2 = 1 185 000 a lift at the
// catalogue's 2025-06 prices, brought to 2026-11 by round(159.3 / 151.4,
// 6) = 1.052180: 1 246 833.3 (regional factor 1), under the first flat
// type's key.
func TestScheduleLiftsSample(t *testing.T) {
	in := mustInput(t, samples[0])
	e := in.Estimates[0]
	if rf := in.Project.Concept.Assumptions.RegionalFactor; !rf.Equal(decimal.NewFromInt(1)) {
		t.Skipf("regional factor %s, the figures below assume 1", rf)
	}
	lifts := scheduleLifts(e)
	if len(lifts) != 1 {
		t.Fatalf("%d lift groups, want 1", len(lifts))
	}
	lf := lifts[0]
	if lf.Lifts != 2 || lf.Flats != 24 || lf.Priced != 24 || lf.Storeys != 3 {
		t.Errorf("lifts %+v, want 2 lifts for 24 flats in 3 storeys", lf)
	}
	s, err := buildSchedule(i18n.New("nb"), e)
	if err != nil {
		t.Fatal(err)
	}
	ln := findLine(t, s, lf.Key)
	if !ln.UnitPrice.Equal(decimal.RequireFromString("1246833.3")) || !ln.Qty.Equal(decimal.NewFromInt(2)) {
		t.Errorf("lift line %s × %s, want 2 × 1 246 833,3", ln.Qty, ln.UnitPrice)
	}
}

// TestBidPriceBookLiftShare: a bid's price per lift becomes a lift share
// per flat in its price book, so that estimating the variant with the
// book prices the lifts as the bid did. The hold-out's bid of 509 427 a
// lift for its 2 lifts and 18 flats: 509 427 × 2 / 18 = 56 603 a flat, or
// 56 603 / 1.07 = 52 900 before the regional factor.
func TestBidPriceBookLiftShare(t *testing.T) {
	in := tenderHoldout(t)
	e := in.Estimates[0]
	in.Variants = []int{0}
	var sched bytes.Buffer
	if err := WriteSchedule(&sched, in, ScheduleOptions{}); err != nil {
		t.Fatal(err)
	}
	s, err := buildSchedule(i18n.New("nb"), e)
	if err != nil {
		t.Fatal(err)
	}
	prices := map[string]float64{}
	for _, ln := range s.lines() {
		prices[ln.Key] = ln.UnitPrice.InexactFloat64()
	}
	b, err := ReadBid("bud.xlsx", fill(t, sched.Bytes()).prices(prices).bytes(), e)
	if err != nil {
		t.Fatal(err)
	}
	var book bytes.Buffer
	if err := WriteBidPriceBook(&book, in.Project, e, b); err != nil {
		t.Fatal(err)
	}
	if want := `"62": [52900, 52900, 52900]`; !strings.Contains(book.String(), want) {
		t.Errorf("price book lacks %s:\n%s", want, book.String())
	}
	if _, err := concepts.DecodePriceBook("bud.yaml", book.Bytes()); err != nil {
		t.Errorf("the price book does not read back: %v\n%s", err, book.String())
	}
}
