package costing

import (
	"context"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// Estimate (kalkyle) is everything computed for one variant: quantities,
// areas, density, checks, NS 3453 cost posts with their rows and subtotals,
// key figures and, after simulation, P50 and P85. It is a plain value: the
// UI, the tender documents and the JSON output read it and compute nothing.
type Estimate struct {
	Concept      string
	Variant      string
	VariantIndex int
	// PriceBook is the name of the variant's price book, or "".
	PriceBook  string
	Currency   string
	PriceLevel string
	VATPercent decimal.Decimal

	Dwellings     int
	Persons       int
	Bedrooms      int
	ParkingSpaces int

	Area    Areas
	Density Density

	// Lines are the variant's unit lines in order, with their totals.
	Lines []Line
	// SiteItems are the variant's site items followed by the municipality's.
	SiteItems []SiteItemLine
	// Rows are the cost rows of posts 2 to 9 in post order: one per unit
	// line and post (2-6), one per site item (7-9), and the land cost (9).
	// Each post's amount is the sum of its rows (plus, for posts 8, the
	// percentage part).
	Rows []Row

	// Posts holds NS 3453 posts 1 to 13 at indexes 1 to 13 (index 0 unused),
	// in whole kroner.
	Posts  [14]decimal.Decimal
	Totals Totals
	// GeneralCostsPercentPart is the percentage part of post 8.
	GeneralCostsPercentPart decimal.Decimal

	// P50 and P85 are the simulated basiskostnad percentiles in whole
	// kroner; nil until simulated or when iterations is 0.
	P50, P85 *decimal.Decimal
	// Distribution is the simulation behind P50 and P85, or nil.
	Distribution *Distribution

	PerDwelling PerDwelling
	// PerM2BRAKostnadsramme is kostnadsramme per m² BRA; nil when BRA is 0.
	PerM2BRAKostnadsramme *decimal.Decimal
	AffordableDwellings   int
	DwellingPrices        []DwellingPrice
	// CarbonKgPerM2BRA is kg CO2e per m² BRA; nil when BRA is 0.
	CarbonKgPerM2BRA *decimal.Decimal

	// Checks are the checks that apply, in the order of DESIGN section 6.
	Checks []Check
}

// Areas are the summed NS 3940 areas of a variant in m².
type Areas struct {
	BTA, BRA, BRAi, BRAe, BRAb, TBA decimal.Decimal
	// BYABuildings is the footprint of the units; BYA adds 18 m² per parking space.
	BYABuildings, BYA decimal.Decimal
}

// Density holds the planning metrics of H-2300 (exact, not rounded).
type Density struct {
	BYAPercent      decimal.Decimal
	BRAPercent      decimal.Decimal
	DwellingsPerDaa decimal.Decimal
	// MUAPerDwelling is nil when the variant has no dwellings.
	MUAPerDwelling *decimal.Decimal
}

// Line is one unit line of a variant with its totals.
type Line struct {
	Type  *concepts.UnitType
	Count int
	// Area is the unit line's total area (count × area per unit).
	Area Areas
	// Cost is the sum of the line's rows in posts 2 to 6.
	Cost decimal.Decimal
}

// SiteItemLine is one site item of a variant with its quantity and cost.
type SiteItemLine struct {
	Item *concepts.SiteItem
	// Quantity is the given or derived quantity.
	Quantity decimal.Decimal
	// Derived is true when the quantity was derived from the variant.
	Derived bool
	// Municipal is true when the municipality added the item.
	Municipal bool
	Amount    decimal.Decimal
}

// RowSource tells what a cost row comes from.
type RowSource int

// The sources of a cost row.
const (
	SourceUnit RowSource = iota
	SourceSiteItem
	SourceLand
)

// Row is one cost row: a unit line's share of a post (2-6), a site item
// (7-9), or the land cost (9).
type Row struct {
	Post   int
	Source RowSource
	// Ref is the unit type or site item id ("" for land).
	Ref  string
	Name concepts.Text
	// Count is the unit count for unit rows.
	Count int
	// Amount is the row in whole kroner.
	Amount decimal.Decimal
	VAT    bool
	// Codes break a unit row or site-item row down per NS 3451 code, for
	// price schedules. Their exact amounts add up to the row before rounding.
	Codes []CodeLine
}

// CodeLine is one NS 3451 code of a cost row: a quantity in a unit at a
// unit price (the likely rate, regional factor included where it applies).
type CodeLine struct {
	Code string
	// Fixed is true for a fixed amount per unit (quantity in pieces).
	Fixed     bool
	Quantity  decimal.Decimal
	Unit      concepts.Unit
	UnitPrice decimal.Decimal
	// Exact is Quantity × UnitPrice, not rounded.
	Exact decimal.Decimal
}

// Totals are the NS 3453 subtotals in whole kroner.
type Totals struct {
	Huskostnad                      decimal.Decimal // posts 1-6
	Entreprisekostnad               decimal.Decimal // posts 1-7
	Byggekostnad                    decimal.Decimal // posts 1-8
	Basiskostnad                    decimal.Decimal // posts 1-10
	Prosjektkostnad                 decimal.Decimal // posts 1-11
	Kostnadsramme                   decimal.Decimal // posts 1-12
	KostnadsrammeInklPrisregulering decimal.Decimal // posts 1-13
}

// PerDwelling holds key figures per dwelling; nil when there are no dwellings.
type PerDwelling struct {
	Kostnadsramme   *decimal.Decimal
	Prosjektkostnad *decimal.Decimal
}

// DwellingPrice is the cost-based price of one dwelling of a unit type.
type DwellingPrice struct {
	Type  *concepts.UnitType
	Count int
	Price decimal.Decimal
	// Affordable is true when Price <= the first-time buyer limit.
	Affordable bool
}

// Distribution is the result of a simulation: every iteration's
// basiskostnad, sorted ascending.
type Distribution struct {
	Iterations int
	Seed       uint64
	Sorted     []float64
}

// Model is a variant compiled for fast estimating and simulation. It is
// immutable and safe for concurrent use.
type Model struct {
	// filled by Compile
}

// Compile prepares variant i of the project for estimating. It fails when
// the variant refers to what the catalogue lacks.
func Compile(p *concepts.Project, variant int) (*Model, error) {
	panic("costing: Compile not yet implemented")
}

// Estimate computes the deterministic estimate (no simulation: P50 and P85
// nil, posts 11 and 12 zero).
func (m *Model) Estimate() *Estimate {
	panic("costing: Estimate not yet implemented")
}

// Simulate runs the Monte Carlo simulation on every core. progress, when
// not nil, is called from worker goroutines with the iterations done so far.
// It returns ctx.Err() when cancelled. With iterations 0 it returns nil, nil.
func (m *Model) Simulate(ctx context.Context, progress func(done, total int)) (*Distribution, error) {
	panic("costing: Simulate not yet implemented")
}

// WithSimulation returns a copy of e with P50, P85, posts 11 and 12 and
// every figure that depends on them filled in from d.
func (e *Estimate) WithSimulation(d *Distribution) *Estimate {
	panic("costing: WithSimulation not yet implemented")
}

// Run compiles variant i, estimates it and simulates it: the whole estimate.
func Run(ctx context.Context, p *concepts.Project, variant int) (*Estimate, error) {
	m, err := Compile(p, variant)
	if err != nil {
		return nil, err
	}
	d, err := m.Simulate(ctx, nil)
	if err != nil {
		return nil, err
	}
	e := m.Estimate()
	if d == nil {
		return e, nil
	}
	return e.WithSimulation(d), nil
}
