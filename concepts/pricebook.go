package concepts

// PriceBookFormat is the value of the format line of a price book file.
const PriceBookFormat = "bokonsept/pricebook@1"

// PriceBook is a builder's own rates, laid over a catalogue's. An entry
// replaces the catalogue's range for that unit type and code (or that site
// item); everything it does not name keeps the catalogue's value.
type PriceBook struct {
	Format     string                       `yaml:"format"`
	Name       string                       `yaml:"name"`
	PriceLevel string                       `yaml:"price_level"`
	UnitTypes  map[string]PriceBookUnitType `yaml:"unit_types,omitempty"`
	SiteItems  map[string]PriceBookSiteItem `yaml:"site_items,omitempty"`

	// Path is the file the price book was read from.
	Path string `yaml:"-"`

	// src holds the positions of the decoded file; nil when built in memory.
	src *source
}

// PriceBookUnitType holds a builder's rates and fixed amounts for one unit type.
type PriceBookUnitType struct {
	Rates map[string]Range `yaml:"rates,omitempty"`
	Fixed map[string]Range `yaml:"fixed,omitempty"`
}

// PriceBookSiteItem holds a builder's rate for one site item.
type PriceBookSiteItem struct {
	Rate Range `yaml:"rate"`
}
