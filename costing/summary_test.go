package costing_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestSummary checks the layout of NS 3453 (each subtotal after the last
// post it sums) and that every subtotal line carries its Totals value and
// equals the sum of the posts it covers.
func TestSummary(t *testing.T) {
	e := mustEstimate(t, handProject(), 0)
	var got []string
	for _, s := range e.Summary() {
		if s.Post > 0 {
			got = append(got, fmt.Sprint(s.Post))
			continue
		}
		got = append(got, s.Subtotal.Key)
		v, ok := e.Totals.Get(s.Subtotal.Key)
		if !ok || !v.Equal(s.Amount) {
			t.Errorf("%s: line %s, Totals %s (%v)", s.Subtotal.Key, s.Amount, v, ok)
		}
		sum := e.Posts[1]
		for p := 2; p <= s.Subtotal.Through; p++ {
			sum = sum.Add(e.Posts[p])
		}
		if !sum.Equal(s.Amount) {
			t.Errorf("%s = %s, posts 1-%d add up to %s", s.Subtotal.Key, s.Amount, s.Subtotal.Through, sum)
		}
	}
	want := "1 2 3 4 5 6 huskostnad 7 entreprisekostnad 8 byggekostnad 9 10 basiskostnad " +
		"11 prosjektkostnad 12 kostnadsramme 13 kostnadsramme_inkl_prisregulering"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("summary\n got %s\nwant %s", g, want)
	}
	if _, ok := e.Totals.Get("nope"); ok {
		t.Error(`Get("nope") found a subtotal`)
	}
}
