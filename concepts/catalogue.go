package concepts

import "github.com/shopspring/decimal"

// CatalogueFormat is the value of the format line of a catalogue file.
const CatalogueFormat = "bokonsept/catalogue@1"

// Setting says whether a concept family is urban or rural.
type Setting string

// The settings of a family.
const (
	SettingUrban Setting = "urban"
	SettingRural Setting = "rural"
)

// Kind says how a unit type counts: dwellings count as dwellings, shared
// facilities and outbuildings add area and cost only.
type Kind string

// The kinds of unit type.
const (
	KindDwelling    Kind = "dwelling"
	KindShared      Kind = "shared"
	KindOutbuilding Kind = "outbuilding"
)

// Form is the building form of a unit type.
type Form string

// The building forms of a unit type.
const (
	FormFlat         Form = "flat"
	FormDetached     Form = "detached"
	FormSemiDetached Form = "semi_detached"
	FormTerraced     Form = "terraced"
	FormMicro        Form = "micro"
	FormOther        Form = "other"
)

// Unit is the unit a site item is priced in.
type Unit string

// The units of a site item. UnitM, UnitM2 and UnitPiece need a quantity in
// the variant; the others are derived from the variant when left out.
const (
	UnitM        Unit = "m"
	UnitM2       Unit = "m2"
	UnitPiece    Unit = "piece"
	UnitDwelling Unit = "dwelling"
	UnitParking  Unit = "parking"
	UnitSiteM2   Unit = "site_m2"
	UnitBRAM2    Unit = "bra_m2"
)

// Derived reports whether a quantity in this unit can be derived from the
// variant (dwellings, parking spaces, site area or BRA).
func (u Unit) Derived() bool {
	switch u {
	case UnitDwelling, UnitParking, UnitSiteM2, UnitBRAM2:
		return true
	}
	return false
}

// Catalogue is a catalogue file: concept families, unit types, site items
// and municipalities with their rates.
type Catalogue struct {
	Format         string          `yaml:"format"`
	Name           string          `yaml:"name"`
	Currency       string          `yaml:"currency"`
	PriceLevel     string          `yaml:"price_level"`
	VATPercent     decimal.Decimal `yaml:"vat_percent"`
	Families       []Family        `yaml:"families"`
	UnitTypes      []UnitType      `yaml:"unit_types"`
	SiteItems      []SiteItem      `yaml:"site_items"`
	Municipalities []Municipality  `yaml:"municipalities"`
	// CostIndex is a building cost index by month, with which a concept
	// brings every rate to its own price level; nil when the catalogue has
	// none (docs/ESTIMATE.md, "Price level").
	CostIndex *CostIndex `yaml:"cost_index,omitempty"`

	// Path is the file the catalogue was read from, or "builtin".
	Path string `yaml:"-"`

	// src holds the positions of the decoded file; nil when built in memory.
	src *source
}

// Family is a concept family such as Solenga or Reveskogen.
type Family struct {
	ID           string   `yaml:"id"`
	Name         string   `yaml:"name"`
	Setting      Setting  `yaml:"setting"`
	Summary      Text     `yaml:"summary,omitempty"`
	TargetGroups []string `yaml:"target_groups,omitempty"`
}

// Areas are the NS 3940 areas of one unit in m².
type Areas struct {
	BRAi decimal.Decimal `yaml:"bra_i"`
	BRAe decimal.Decimal `yaml:"bra_e"`
	BRAb decimal.Decimal `yaml:"bra_b"`
	TBA  decimal.Decimal `yaml:"tba"`
	BTA  decimal.Decimal `yaml:"bta"`
	BYA  decimal.Decimal `yaml:"bya"`
}

// BRA returns the usable area BRA = BRA-i + BRA-e + BRA-b (TBA is not BRA).
func (a Areas) BRA() decimal.Decimal { return a.BRAi.Add(a.BRAe).Add(a.BRAb) }

// UnitType is a dwelling, shared facility or outbuilding with its areas and
// its rates per unit.
type UnitType struct {
	ID         string `yaml:"id"`
	Family     string `yaml:"family"`
	Kind       Kind   `yaml:"kind"`
	Form       Form   `yaml:"form"`
	Name       Text   `yaml:"name"`
	Bedrooms   int    `yaml:"bedrooms"`
	Persons    int    `yaml:"persons"`
	Storeys    int    `yaml:"storeys"`
	Lift       bool   `yaml:"lift"`
	Accessible bool   `yaml:"accessible"`
	Area       Areas  `yaml:"area"`
	// Rates are NOK per m² BTA excl. VAT, keyed by NS 3451 code ("2", "31").
	Rates map[string]Range `yaml:"rates"`
	// Fixed are NOK per unit excl. VAT, keyed by NS 3451 code.
	Fixed map[string]Range `yaml:"fixed,omitempty"`
	// CarbonKgPerM2 is kg CO2e per m² BTA; nil when unknown.
	CarbonKgPerM2 *decimal.Decimal `yaml:"carbon_kg_per_m2,omitempty"`
	// Footprint is the outline of the building the unit stands in, for the
	// site plan; nil when unknown.
	Footprint    *Footprint `yaml:"footprint,omitempty"`
	Requirements Texts      `yaml:"requirements,omitempty"`
	// Specification says how the unit is built, keyed by NS 3451 code of
	// one or two digits ("21", "23"); nil when the catalogue gives none.
	Specification map[string]Text `yaml:"specification,omitempty"`
}

// SiteItem is outdoor works, infrastructure or a fee, priced per Unit.
type SiteItem struct {
	ID   string `yaml:"id"`
	Name Text   `yaml:"name"`
	// Account is an NS 3451 code under 7 ("76"), or "8" or "9" for NS 3453
	// posts 8 and 9.
	Account string `yaml:"account"`
	Unit    Unit   `yaml:"unit"`
	Rate    Range  `yaml:"rate"`
	// VAT is false for VAT-free costs such as fees.
	VAT bool `yaml:"vat"`
	// Municipality, when set, is the one municipality whose concepts may
	// use the item (its fees); "" offers it everywhere.
	Municipality string `yaml:"municipality,omitempty"`
}

// AvailableIn reports whether a concept in municipality muni may use the item.
func (s *SiteItem) AvailableIn(muni string) bool {
	return s.Municipality == "" || s.Municipality == muni
}

// CostIndex is a building cost index by month, such as SSB's
// byggekostnadsindeks for boliger.
type CostIndex struct {
	// Source names the index and where it was read.
	Source string `yaml:"source"`
	// Values maps a month (YYYY-MM) to the index value.
	Values map[string]decimal.Decimal `yaml:"values"`
}

// Factor returns index[to] / index[from] rounded to 6 decimals half away
// from zero, and false when either month is missing (docs/ESTIMATE.md,
// "Price level"). Equal months give exactly 1.
func (ci *CostIndex) Factor(from, to string) (decimal.Decimal, bool) {
	if ci == nil {
		return decimal.Decimal{}, false
	}
	a, okA := ci.Values[from]
	b, okB := ci.Values[to]
	if !okA || !okB || !a.IsPositive() {
		return decimal.Decimal{}, false
	}
	if from == to {
		return decimal.NewFromInt(1), true
	}
	return b.DivRound(a, 6), true
}

// Post returns the NS 3453 post the item belongs to: 7, 8 or 9.
func (s *SiteItem) Post() int { return int(s.Account[0] - '0') }

// Municipality is a municipality with the site items every concept in it gets.
type Municipality struct {
	ID    string   `yaml:"id"`
	Name  string   `yaml:"name"`
	Items []string `yaml:"items"`
}

// UnitType returns the unit type with the id, or nil.
func (c *Catalogue) UnitType(id string) *UnitType {
	for i := range c.UnitTypes {
		if c.UnitTypes[i].ID == id {
			return &c.UnitTypes[i]
		}
	}
	return nil
}

// SiteItem returns the site item with the id, or nil.
func (c *Catalogue) SiteItem(id string) *SiteItem {
	for i := range c.SiteItems {
		if c.SiteItems[i].ID == id {
			return &c.SiteItems[i]
		}
	}
	return nil
}

// Family returns the family with the id, or nil.
func (c *Catalogue) Family(id string) *Family {
	for i := range c.Families {
		if c.Families[i].ID == id {
			return &c.Families[i]
		}
	}
	return nil
}

// Municipality returns the municipality with the id, or nil.
func (c *Catalogue) Municipality(id string) *Municipality {
	for i := range c.Municipalities {
		if c.Municipalities[i].ID == id {
			return &c.Municipalities[i]
		}
	}
	return nil
}
