package main

import (
	"encoding/json"
	"math"
	"math/rand"
	"slices"
	"testing"
)

// TestSimulationIndependent compares P50 and P85 of `estimate --json` on
// testdata/independent/simulated.yaml with a second, deliberately naive
// simulation written here from docs/ESTIMATE.md alone (another random
// generator, 200 000 iterations, no shared code). They must agree within
// 0.5 %, and posts 11 and 12 must follow from P50 and P85.
func TestSimulationIndependent(t *testing.T) {
	code, out, errOut := runT(t, "estimate", "--json", "testdata/independent/simulated.yaml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Variants []struct {
			P50, P85 float64
			Posts    map[string]float64
			Totals   map[string]float64
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	v := got.Variants[0]
	p50, p85 := oracle(200000, 1, false)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"p50", v.P50, p50}, {"p85", v.P85, p85}} {
		if rel := math.Abs(c.got-c.want) / c.want; rel > 0.005 {
			t.Errorf("%s = %.0f, independent simulation %.0f (%.2f %% apart)", c.name, c.got, c.want, rel*100)
		}
	}
	if v.Totals["basiskostnad"] != 22353213 {
		t.Errorf("basiskostnad = %.0f, want 22353213 (as without simulation)", v.Totals["basiskostnad"])
	}
	if got, want := v.Posts["11"], math.Round(v.P50)-v.Totals["basiskostnad"]; got != want {
		t.Errorf("post 11 = %.0f, want P50 − basiskostnad = %.0f", got, want)
	}
	if got, want := v.Posts["12"], math.Round(v.P85)-math.Round(v.P50); got != want {
		t.Errorf("post 12 = %.0f, want P85 − P50 = %.0f", got, want)
	}
	if v.P85 < v.P50 {
		t.Errorf("P85 %.0f < P50 %.0f", v.P85, v.P50)
	}
}

// TestSimulationIndependentRisks does the same for
// testdata/independent/risks.yaml: the same concept at price level 2026-11
// (every rate, fees included, × 104/100 = 1.04; land and risks not indexed)
// with two event risks: rock, 25 %, [300 000, 800 000, 2 000 000] plus 25 %
// VAT, and a pumping station, 10 %, [1, 2, 5] M without VAT.
func TestSimulationIndependentRisks(t *testing.T) {
	code, out, errOut := runT(t, "estimate", "--json", "testdata/independent/risks.yaml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Variants []struct {
			P50, P85 float64
			Posts    map[string]float64
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	v := got.Variants[0]
	p50, p85 := oracle(200000, 1.04, true)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"p50", v.P50, p50}, {"p85", v.P85, p85}} {
		if rel := math.Abs(c.got-c.want) / c.want; rel > 0.005 {
			t.Errorf("%s = %.0f, independent simulation %.0f (%.2f %% apart)", c.name, c.got, c.want, rel*100)
		}
	}
	// Post 9 by hand: land 1 500 000 (not indexed) + 7 × 20 000 × 1.04 +
	// 377 m² BRA × 156 × 1.04 = 1 500 000 + 145 600 + 61 164 (61 164.48) = 1 706 764.
	if got := v.Posts["9"]; got != 1706764 {
		t.Errorf("post 9 = %.0f, want 1706764", got)
	}
}

// oracle simulates testdata/independent/simulated.yaml the plain way and
// returns its P50 and P85 by nearest rank: with every rate multiplied by f
// (the price level), and with risks.yaml's two event risks when risks.
func oracle(n int, f float64, risks bool) (p50, p85 float64) {
	rng := rand.New(rand.NewSource(20261127))
	tri := func(a, c, b float64) float64 {
		if a == b {
			return a
		}
		u := rng.Float64()
		if u < (c-a)/(b-a) {
			return a + math.Sqrt(u*(b-a)*(c-a))
		}
		return b - math.Sqrt((1-u)*(b-a)*(b-c))
	}
	const r = 1.1 // regional factor
	res := make([]float64, n)
	for i := range res {
		g := tri(0.95, 1.0, 1.15) // "Marked", applies to codes 2x and 7x
		husR2, husR31, husR4, husF27 := tri(20000, 22000, 26000), tri(2500, 3000, 3500), tri(1800, 2000, 2400), tri(50000, 60000, 70000)
		mikR2, mikR3 := tri(21000, 24000, 28000), tri(3000, 3500, 4000)
		lagR2 := tri(8000, 10000, 12000)
		vei, va, park := tri(2000, 3000, 4000), tri(100000, 120000, 150000), tri(30000, 35000, 40000)
		units := f * (4*r*(husR2*g*72+husF27*g) + 4*r*husR31*72 + 4*r*husR4*72 +
			3*r*mikR2*g*30 + 3*r*mikR3*30 + 1*r*lagR2*g*44)
		post7 := f * (150*r*vei*g + 7*r*va*g + 11*r*park*g)
		post1 := 0.08 * (units + post7)
		entreprise := units + post7 + post1
		pct8 := 0.10 * entreprise
		post8 := pct8 + f*50000
		post9 := 1500000 + f*(7*20000+377*156.0)
		vat := 0.25 * (units + post1 + pct8 + post7 + f*50000)
		res[i] = entreprise + post8 + post9 + vat
		if risks {
			if rng.Float64() < 0.25 {
				res[i] += 1.25 * tri(300000, 800000, 2000000)
			}
			if rng.Float64() < 0.10 {
				res[i] += tri(1000000, 2000000, 5000000)
			}
		}
	}
	slices.Sort(res)
	rank := func(p float64) float64 { return res[int(math.Ceil(p*float64(n)))-1] }
	return rank(0.50), rank(0.85)
}
