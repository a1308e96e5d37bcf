package ui

import (
	"regexp"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// TestCompareFixedDecimals checks that the percentages and the dwellings
// per daa of every column have the same number of decimals, so that "5 %"
// does not stand beside "8,2 %".
func TestCompareFixedDecimals(t *testing.T) {
	u := newTestUI(t)
	u.ed.duplicateVariant(0)
	pattern := map[string]*regexp.Regexp{
		"ui.figures.bya_percent":       regexp.MustCompile(`^\d[\d\x{a0}]*,\d\x{a0}%$`),
		"ui.figures.bra_percent":       regexp.MustCompile(`^\d[\d\x{a0}]*,\d\x{a0}%$`),
		"ui.figures.dwellings_per_daa": regexp.MustCompile(`^\d[\d\x{a0}]*,\d\d$`),
	}
	found := 0
	for r, row := range compareRows {
		re, ok := pattern[row.key]
		if !ok {
			continue
		}
		found++
		for col := 1; col <= len(u.ed.concept().Variants); col++ {
			c := newCompareCell().(*compareCell)
			u.compare.updateCell(widget.TableCellID{Row: r, Col: col}, c)
			if got := c.label.Text; !re.MatchString(got) {
				t.Errorf("%s of variant %d reads %q, want it to match %s", row.key, col, got, re)
			}
		}
	}
	if found != len(pattern) {
		t.Errorf("found %d of the %d rows", found, len(pattern))
	}
	// Whole numbers keep their decimals too.
	for _, tc := range []struct{ got, want string }{
		{fmtPct(u.l, dec("5")), "5,0\u00a0%"},
		{fmtFixed2(u.l, dec("4")), "4,00"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
