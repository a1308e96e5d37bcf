package concepts

import (
	"maps"
	"sync"

	"github.com/shopspring/decimal"
)

// one is the factor that leaves a price unchanged.
var one = decimal.NewFromInt(1)

// AtPriceLevel returns a copy of the catalogue with every unit type's rates
// and fixed amounts and every site item's rate (low, likely and high)
// multiplied by the cost index factor from the catalogue's price level to
// level, and level as its price level (docs/ESTIMATE.md, "Price level").
// The receiver is not changed; the same catalogue comes back when level is
// its own. A missing index or month is an error naming the month.
//
// The copy is shared: the last catalogue and level asked for are
// remembered, so every variant of a concept, and every compile after an
// edit, uses one copy (50 variants kept 50 copies, a seventh of the
// window's heap). A catalogue is not changed once loaded, and neither is
// the copy, which makes sharing it safe.
func (c *Catalogue) AtPriceLevel(level string) (*Catalogue, error) {
	if level == c.PriceLevel {
		return c, nil
	}
	lastLevel.Lock()
	defer lastLevel.Unlock()
	if lastLevel.from == c && lastLevel.level == level {
		return lastLevel.to, nil
	}
	out, err := c.atPriceLevel(level)
	if err != nil {
		return nil, err
	}
	lastLevel.from, lastLevel.level, lastLevel.to = c, level, out
	return out, nil
}

// lastLevel is the catalogue AtPriceLevel made last, from which catalogue
// and for which level.
var lastLevel struct {
	sync.Mutex
	from  *Catalogue
	level string
	to    *Catalogue
}

// atPriceLevel makes the copy AtPriceLevel returns.
func (c *Catalogue) atPriceLevel(level string) (*Catalogue, error) {
	f, err := c.indexFactor(c.PriceLevel, level)
	if err != nil {
		return nil, err
	}
	out := *c
	out.PriceLevel = level
	out.UnitTypes = make([]UnitType, len(c.UnitTypes))
	for i, u := range c.UnitTypes {
		u.Rates = scaleRanges(u.Rates, f)
		u.Fixed = scaleRanges(u.Fixed, f)
		out.UnitTypes[i] = u
	}
	out.SiteItems = make([]SiteItem, len(c.SiteItems))
	for i, s := range c.SiteItems {
		s.Rate = s.Rate.Mul(f)
		out.SiteItems[i] = s
	}
	return &out, nil
}

// PriceBookAt returns a copy of the price book with every entry brought
// from the book's price level to level with the catalogue's cost index.
// The price book is returned as it is when the levels are the same.
func (c *Catalogue) PriceBookAt(pb *PriceBook, level string) (*PriceBook, error) {
	if pb == nil || pb.PriceLevel == level {
		return pb, nil
	}
	f, err := c.indexFactor(pb.PriceLevel, level)
	if err != nil {
		return nil, err
	}
	out := *pb
	out.UnitTypes = make(map[string]PriceBookUnitType, len(pb.UnitTypes))
	for id, e := range pb.UnitTypes {
		out.UnitTypes[id] = PriceBookUnitType{Rates: scaleRanges(e.Rates, f), Fixed: scaleRanges(e.Fixed, f)}
	}
	out.SiteItems = make(map[string]PriceBookSiteItem, len(pb.SiteItems))
	for id, e := range pb.SiteItems {
		out.SiteItems[id] = PriceBookSiteItem{Rate: e.Rate.Mul(f)}
	}
	return &out, nil
}

// indexFactor is the cost index factor from one month to another, or an
// error naming the month the index lacks.
func (c *Catalogue) indexFactor(from, to string) (decimal.Decimal, error) {
	if c.CostIndex == nil {
		return decimal.Decimal{}, newError("", 0, 0, nil, nil, "concepts.price_level.no_index", quoted(c.Name))
	}
	f, ok := c.CostIndex.Factor(from, to)
	if !ok {
		missing := to
		if !hasMonth(c.CostIndex, from) {
			missing = from
		}
		return decimal.Decimal{}, newError("", 0, 0, nil, nil, "concepts.price_level.missing", quoted(missing), quoted(c.Name), indexSpan(c.CostIndex))
	}
	return f, nil
}

// scaleRanges returns a copy of m with every range multiplied by f; nil
// stays nil and a factor of 1 shares the map.
func scaleRanges(m map[string]Range, f decimal.Decimal) map[string]Range {
	if m == nil || f.Equal(one) {
		return m
	}
	out := maps.Clone(m)
	for k, r := range out {
		out[k] = r.Mul(f)
	}
	return out
}
