package i18n_test

import (
	"testing"

	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// TestNumberExact checks that numbers longer than a float64 keeps are
// written digit for digit, grouped the language's way, and that shorter
// ones read as before.
func TestNumberExact(t *testing.T) {
	nb, en := i18n.New("nb"), i18n.New("en")
	for _, tc := range []struct {
		in     string
		places int32
		nb, en string
	}{
		// 2⁶⁴ − 1: as a float64 it would end in …616.
		{"18446744073709551615", 0, "18\u00a0446\u00a0744\u00a0073\u00a0709\u00a0551\u00a0615", "18,446,744,073,709,551,615"},
		{"-99999999999999999999", 0, "−99\u00a0999\u00a0999\u00a0999\u00a0999\u00a0999\u00a0999", "-99,999,999,999,999,999,999"},
		{"1234567890123456.78", 2, "1\u00a0234\u00a0567\u00a0890\u00a0123\u00a0456,78", "1,234,567,890,123,456.78"},
		// Rounded to two places first: 16 digits, exact.
		{"12345678901234.567", 2, "12\u00a0345\u00a0678\u00a0901\u00a0234,57", "12,345,678,901,234.57"},
		// Short numbers as before.
		{"1099511627776", 0, "1\u00a0099\u00a0511\u00a0627\u00a0776", "1,099,511,627,776"},
		{"-1234.5", 1, "−1\u00a0234,5", "-1,234.5"},
		{"100", 0, "100", "100"},
	} {
		d := decimal.RequireFromString(tc.in)
		if got := nb.Number(d, tc.places); got != tc.nb {
			t.Errorf("nb Number(%s, %d) = %q, want %q", tc.in, tc.places, got, tc.nb)
		}
		if got := en.Number(d, tc.places); got != tc.en {
			t.Errorf("en Number(%s, %d) = %q, want %q", tc.in, tc.places, got, tc.en)
		}
	}
	// Fixed keeps its zeros when exact too.
	if got, want := nb.Fixed(decimal.RequireFromString("1234567890123456.5"), 2), "1\u00a0234\u00a0567\u00a0890\u00a0123\u00a0456,50"; got != want {
		t.Errorf("Fixed = %q, want %q", got, want)
	}
}
