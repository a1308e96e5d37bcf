// Package costing computes the estimate (kalkyle) of a concept variant:
// quantities, NS 3940 areas and H-2300 density, the checks of zoning,
// TEK17 and Husbanken, NS 3453 cost posts 1-13 with their subtotals and key
// figures, and the Monte Carlo simulation behind P50 and P85 (docs/ESTIMATE.md
// sections 5 to 7).
//
// A variant is compiled once into a Model, which gives the deterministic
// estimate at once and the simulation on every core:
//
//	m, err := costing.Compile(project, 0)
//	if err != nil {
//		return err // the variant names what the catalogue lacks
//	}
//	e := m.Estimate()                            // P50/P85 nil, posts 11 and 12 zero
//	dist, err := m.Simulate(ctx, progress)       // ctx.Err() when cancelled
//	e = e.WithSimulation(dist)                   // posts 11-13 and all that follows
//	json.MarshalIndent(costing.Report{Concept: name, Variants: []costing.VariantReport{e.Report(locale)}}, "", "  ")
//
// Run does the three steps. Money is decimal.Decimal, every row and post in
// whole kroner (half away from zero) and every subtotal the sum of the
// rounded posts; floats appear only inside the simulation, which is
// deterministic for a seed whatever the number of cores.
//
// The package never imports Fyne or a document writer; it builds and tests
// with CGO_ENABLED=0.
package costing
