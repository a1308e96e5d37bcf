package costing_test

import (
	"context"
	"fmt"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// Example estimates the variant computed by hand in
// TestHandComputedVariant and prints its posts and checks.
func Example() {
	p := handProject()
	p.Concept.Assumptions.Simulation.Iterations = 0 // deterministic: no P50/P85
	e, err := costing.Run(context.Background(), p, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	nb := i18n.New("nb")
	for k := 1; k <= 10; k++ {
		fmt.Printf("%2d %-24s %12s\n", k, nb.T(fmt.Sprintf("post.%d", k)), e.Posts[k])
	}
	fmt.Printf("   %-24s %12s\n", nb.T("total.basiskostnad"), e.Totals.Basiskostnad)
	for _, c := range e.Checks[:2] {
		fmt.Printf("%s %s\n", c.ID, c.Status)
	}
	// Output:
	//  1 Felleskostnader               1519990
	//  2 Bygning                      12837020
	//  3 VVS-installasjoner             990000
	//  4 Elkraftinstallasjoner          528000
	//  5 Tele og automatisering         140883
	//  6 Andre installasjoner                0
	//  7 Utendørs                       704000
	//  8 Generelle kostnader           2126387
	//  9 Spesielle kostnader           1657661
	// 10 Merverdiavgift                4711570
	//    Basiskostnad                 25215511
	// zoning.bya pass
	// zoning.bra fail
}

// ExampleDistribution_Curve shows the nearest-rank percentiles (P85 of 8
// values is the 7th, ceil(0.85 × 8) = 7) and the points of the S-curve a
// chart draws.
func ExampleDistribution_Curve() {
	d := &costing.Distribution{Iterations: 8, Sorted: []float64{90, 95, 100, 102, 105, 110, 120, 140}}
	fmt.Println("P50:", d.Percentile(0.50), "P85:", d.Percentile(0.85))
	for _, pt := range d.Curve(4) {
		fmt.Printf("%.0f %.3f\n", pt.Value, pt.Probability)
	}
	// Output:
	// P50: 102 P85: 120
	// 90 0.125
	// 100 0.375
	// 110 0.750
	// 140 1.000
}
