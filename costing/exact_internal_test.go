package costing

import (
	"math"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

func TestIntHelpers(t *testing.T) {
	for _, tc := range []struct {
		a, b int64
		ok   bool
	}{{3, 4, true}, {math.MaxInt64, 1, true}, {math.MaxInt64, 2, false}, {-1, math.MinInt64, false}, {1 << 32, 1 << 31, false}, {1 << 31, 1 << 31, true}} {
		if _, ok := mulInt(tc.a, tc.b); ok != tc.ok {
			t.Errorf("mulInt(%d, %d) ok = %v", tc.a, tc.b, ok)
		}
	}
	if _, ok := addInt(math.MaxInt64, 1); ok {
		t.Error("addInt overflow not seen")
	}
	if _, ok := addInt(math.MinInt64, -1); ok {
		t.Error("addInt underflow not seen")
	}
	for _, tc := range [][3]int64{{15, 10, 2}, {14, 10, 1}, {-15, 10, -2}, {-14, 10, -1}, {25, 10, 3}, {5, 10, 1}, {4, 10, 0}, {1, 3, 0}, {2, 3, 1}} {
		if got := roundDiv(tc[0], tc[1]); got != tc[2] {
			t.Errorf("roundDiv(%d, %d) = %d, want %d", tc[0], tc[1], got, tc[2])
		}
	}
	d := decimal.RequireFromString
	for _, tc := range [][4]string{
		{"25215511", "65", "475", "3450544"},
		{"25215511", "43", "475", "2282667"},
		{"1", "1", "2", "1"},
		{"-1", "1", "2", "-1"},
		{"123456789012345678", "98765.4321", "0.000123", "99132220426689862782418405"}, // overflows: decimal path
	} {
		if got := mulDivRound(d(tc[0]), d(tc[1]), d(tc[2])); !got.Equal(d(tc[3])) {
			t.Errorf("mulDivRound(%s) = %s, want %s", tc[:3], got, tc[3])
		}
	}
	for _, tc := range [][3]string{{"1.5", "2.25", "3.75"}, {"99999999999999999", "99999999999999999.9", "199999999999999998.9"}, {"0", "-0.001", "-0.001"}} {
		if got := addDec(d(tc[0]), d(tc[1])); !got.Equal(d(tc[2])) {
			t.Errorf("addDec(%s, %s) = %s", tc[0], tc[1], got)
		}
		if got, want := mulDec(d(tc[0]), d(tc[1])), d(tc[0]).Mul(d(tc[1])); !got.Equal(want) {
			t.Errorf("mulDec(%s, %s) = %s, want %s", tc[0], tc[1], got, want)
		}
	}
	for _, tc := range []struct {
		add  []string
		want string
	}{
		{nil, "0"},
		{[]string{"1.5", "2.25", "-0.125"}, "3.625"},
		{[]string{"9000000000000000000", "9000000000000000000", "0.5"}, "18000000000000000000.5"},
		{[]string{"0.000000000000000001", "1000"}, "1000.000000000000000001"},
		{[]string{"123456789012345678901234", "1"}, "123456789012345678901235"},
	} {
		var s decSum
		for _, x := range tc.add {
			s.add(d(x))
		}
		if got := s.value(); !got.Equal(d(tc.want)) {
			t.Errorf("sum of %v = %s, want %s", tc.add, got, tc.want)
		}
	}
}

// TestUnitRowPaths: the int64 fast path and the decimal path give the
// same rows, also when the fast path overflows.
func TestUnitRowPaths(t *testing.T) {
	ut := &concepts.UnitType{ID: "x", Kind: concepts.KindDwelling, Area: concepts.Areas{BTA: decimal.RequireFromString("75.25")},
		Rates: map[string]concepts.Range{
			"2":  concepts.NewRange(1, 20000, 30000),
			"21": {Low: decimal.Zero, Likely: decimal.RequireFromString("1234.567"), High: decimal.RequireFromString("2000")},
		},
		Fixed: map[string]concepts.Range{"27": concepts.NewRange(1, 60000, 70000)}}
	for _, count := range []int{1, 7, 1 << 40} {
		l := unitLine{ut: ut, count: count, area: lineAreas(ut, count), n: decimal.NewFromInt(int64(count))}
		l.bta = l.area.BTA
		for code, r := range ut.Rates {
			if err := addCode(&l, code, false, r, newScale(decimal.RequireFromString("1.13"))); err != nil {
				t.Fatal(err)
			}
		}
		if err := addCode(&l, "27", true, ut.Fixed["27"], newScale(decimal.RequireFromString("1.13"))); err != nil {
			t.Fatal(err)
		}
		m := &Model{lines: []unitLine{l}}
		m.alignExponents()
		fastCodes, fast, _, _ := m.unitRow(&m.lines[0], 2)
		m.fastRows = false
		slowCodes, slow, _, _ := m.unitRow(&m.lines[0], 2)
		if !fast.Equal(slow) {
			t.Errorf("count %d: fast %s, decimal %s", count, fast, slow)
		}
		for j := range fastCodes {
			if !fastCodes[j].Exact.Equal(slowCodes[j].Exact) {
				t.Errorf("count %d code %s: fast %s, decimal %s", count, fastCodes[j].Code, fastCodes[j].Exact, slowCodes[j].Exact)
			}
		}
		// By hand for one unit: 75.25 × 1.13 × (20000 + 1234.567) + 1.13 × 60000
		// = 85.0325 × 21234.567 + 67800 = 1 873 428.318… → 1 873 428.
		if count == 1 && !fast.Equal(decimal.NewFromInt(1873428)) {
			t.Errorf("one unit: %s", fast)
		}
	}
}
