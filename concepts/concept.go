package concepts

import "github.com/shopspring/decimal"

// ConceptFormat is the value of the format line of a concept file.
const ConceptFormat = "bokonsept/concept@1"

// BuiltinCatalogue is the catalogue reference that names the embedded catalogue.
const BuiltinCatalogue = "builtin"

// Concept is a concept file: one site, its zoning, assumptions and variants.
type Concept struct {
	Format       string      `yaml:"format"`
	Name         string      `yaml:"name"`
	Catalogue    string      `yaml:"catalogue"`
	Municipality string      `yaml:"municipality"`
	Revision     Revision    `yaml:"revision"`
	Site         Site        `yaml:"site"`
	Assumptions  Assumptions `yaml:"assumptions"`
	// Risks are events that may or may not happen (hendelsesusikkerhet);
	// they enter the simulation only (docs/ESTIMATE.md, "Event risks").
	Risks []Risk `yaml:"risks,omitempty"`
	// Economics is the optional buyer economics (docs/ESTIMATE.md, "Buyer
	// economics"); nil when the concept has none.
	Economics *Economics `yaml:"economics,omitempty"`
	// Tender is the optional tender section: the competition's facts for
	// the tenderers' documents; nil when the concept has none.
	Tender   *Tender   `yaml:"tender,omitempty"`
	Variants []Variant `yaml:"variants"`

	// src holds the positions of the decoded file; nil when built in memory.
	src *source
}

// Revision identifies one issue of a concept.
type Revision struct {
	ID string `yaml:"id"`
	// Date is the revision date as YYYY-MM-DD.
	Date string `yaml:"date"`
	Note string `yaml:"note,omitempty"`
}

// Site is the plot a concept stands on.
type Site struct {
	AreaM2   decimal.Decimal `yaml:"area_m2"`
	PavedM2  decimal.Decimal `yaml:"paved_m2,omitempty"`
	LandCost decimal.Decimal `yaml:"land_cost,omitempty"`
	Zoning   *Zoning         `yaml:"zoning,omitempty"`
	// Boundary is the plot as a simple polygon in metres, local
	// coordinates; nil when the concept has none (docs/FORMATS.md,
	// "Site plan").
	Boundary []Point `yaml:"boundary,omitempty"`
}

// Zoning holds the zoning plan's limits; every limit is optional (nil).
type Zoning struct {
	MaxBYAPercent      *decimal.Decimal `yaml:"max_bya_percent,omitempty"`
	MaxBRAPercent      *decimal.Decimal `yaml:"max_bra_percent,omitempty"`
	MinMUAPerDwelling  *decimal.Decimal `yaml:"min_mua_per_dwelling,omitempty"`
	MaxStoreys         *int             `yaml:"max_storeys,omitempty"`
	MinDwellingsPerDaa *decimal.Decimal `yaml:"min_dwellings_per_daa,omitempty"`
	ParkingPerDwelling *decimal.Decimal `yaml:"parking_per_dwelling,omitempty"`
}

// Assumptions are the concept's cost assumptions.
type Assumptions struct {
	// CommonCostsPercent gives post 1 as a percentage of posts 2-7.
	CommonCostsPercent decimal.Decimal `yaml:"common_costs_percent"`
	// GeneralCostsPercent gives post 8 as a percentage of entreprisekostnad.
	GeneralCostsPercent decimal.Decimal `yaml:"general_costs_percent"`
	// RegionalFactor multiplies every rate of posts 2-7.
	RegionalFactor decimal.Decimal `yaml:"regional_factor"`
	// PriceAdjustmentPercent gives post 13 as a percentage of kostnadsramme.
	PriceAdjustmentPercent decimal.Decimal `yaml:"price_adjustment_percent"`
	// FirstTimeBuyerLimit is the price in NOK a first-time buyer can afford.
	FirstTimeBuyerLimit decimal.Decimal `yaml:"first_time_buyer_limit"`
	// PriceLevel, when set (YYYY-MM), brings every rate to that month with
	// the catalogue's cost index (docs/ESTIMATE.md, "Price level").
	PriceLevel         string              `yaml:"price_level,omitempty"`
	Simulation         Simulation          `yaml:"simulation"`
	UncertaintyFactors []UncertaintyFactor `yaml:"uncertainty_factors,omitempty"`
}

// Risk is an event that happens with ProbabilityPercent and then costs a
// triangular draw from Cost, NOK excl. VAT.
type Risk struct {
	Name               string          `yaml:"name"`
	ProbabilityPercent decimal.Decimal `yaml:"probability_percent"`
	Cost               Range           `yaml:"cost"`
	// VAT says whether VAT comes on top of the cost; nil means true.
	VAT *bool `yaml:"vat,omitempty"`
}

// VATLiable reports whether VAT comes on top of the risk's cost (the
// default when vat is left out).
func (r Risk) VATLiable() bool { return r.VAT == nil || *r.VAT }

// Simulation sets the Monte Carlo simulation; Iterations 0 turns it off.
type Simulation struct {
	Iterations int    `yaml:"iterations"`
	Seed       uint64 `yaml:"seed"`
}

// UncertaintyFactor is a multiplier drawn once per iteration and shared by
// every rate or fixed amount whose code starts with one of AppliesTo.
type UncertaintyFactor struct {
	Name      string   `yaml:"name"`
	AppliesTo []string `yaml:"applies_to"`
	Range     Range    `yaml:"range"`
}

// Variant is a unit mix plus site-item quantities on the concept's site.
type Variant struct {
	Name string `yaml:"name"`
	// Tenure overrides the economics section's tenure for this variant;
	// "" keeps it. Only a concept with economics may set it.
	Tenure Tenure `yaml:"tenure,omitempty"`
	// PriceBook is a price book path relative to the concept file, or "".
	PriceBook string         `yaml:"pricebook,omitempty"`
	Units     []UnitLine     `yaml:"units"`
	SiteItems []SiteItemLine `yaml:"site_items,omitempty"`
	// Layout is the variant's site plan: its buildings and parking areas
	// placed on the plot; nil when it has none.
	Layout []LayoutEntry `yaml:"layout,omitempty"`
}

// UnitLine is a count of one unit type in a variant.
type UnitLine struct {
	Type  string `yaml:"type"`
	Count int    `yaml:"count"`
}

// SiteItemLine is a site item in a variant; Quantity nil means derived.
type SiteItemLine struct {
	Item     string           `yaml:"item"`
	Quantity *decimal.Decimal `yaml:"quantity,omitempty"`
}

// Variant returns the index of the variant with the name, or -1.
func (c *Concept) Variant(name string) int {
	for i := range c.Variants {
		if c.Variants[i].Name == name {
			return i
		}
	}
	return -1
}
