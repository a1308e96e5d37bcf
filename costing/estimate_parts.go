package costing

import (
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// Areas are the summed NS 3940 areas of a variant in m².
type Areas struct {
	BTA, BRA, BRAi, BRAe, BRAb, TBA decimal.Decimal
	// BYABuildings is the footprint of the units; BYA adds 18 m² per parking space.
	BYABuildings, BYA decimal.Decimal
}

// Density holds the planning metrics of H-2300, not rounded for display:
// exact, or to 12 decimals where the fraction does not terminate.
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

	unitBRA decimal.Decimal // BRA of one unit
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
