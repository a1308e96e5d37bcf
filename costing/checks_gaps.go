package costing

import (
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// Gap is a check argument: what an estimate evidently lacks, as a
// translation key with its arguments.
type Gap struct {
	Key  string
	Args []any
}

// Gaps is a check argument: a list of Gap, listed the locale's way.
type Gaps []Gap

// Format implements i18n.Formatter.
func (g Gaps) Format(l *i18n.Locale) string {
	s := make([]string, len(g))
	for i, x := range g {
		s[i] = l.T(x.Key, x.Args...)
	}
	return l.List(s)
}

// checkCompleteness names what the estimate evidently lacks: parking spaces
// required but none priced, no outdoor pipework (account 73) and no roads
// (account 76). It applies when the variant has dwellings. A site item with
// quantity 0 prices nothing and does not count.
func (e *Estimate) checkCompleteness() (Check, bool) {
	if e.Dwellings == 0 {
		return Check{}, false
	}
	var parking, pipes, roads bool
	for _, s := range e.SiteItems {
		if !s.Quantity.IsPositive() {
			continue
		}
		parking = parking || s.Item.Unit == concepts.UnitParking
		pipes = pipes || s.Item.Account == accountOutdoorPipework
		roads = roads || s.Item.Account == accountRoads
	}
	var gaps Gaps
	if e.ParkingSpaces > 0 && !parking {
		gaps = append(gaps, Gap{Key: "check.completeness.parking", Args: []any{e.ParkingSpaces}})
	}
	if !pipes {
		gaps = append(gaps, Gap{Key: "check.completeness.pipes", Args: []any{accountOutdoorPipework}})
	}
	if !roads {
		gaps = append(gaps, Gap{Key: "check.completeness.roads", Args: []any{accountRoads}})
	}
	if len(gaps) > 0 {
		return newCheck(CheckCompleteness, false, StatusWarn, gaps), true
	}
	return newCheck(CheckCompleteness, true, StatusWarn), true
}

// Coverage is what a variant's price book prices (the pricebook.coverage
// check): Named of Lines lines, and Percent of entreprisekostnad.
type Coverage struct {
	// Lines counts the unit-type codes of the built unit lines and the
	// site-item lines of the variant; Named how many of them the book names.
	Lines, Named int
	// Priced is the sum, over the unit-type codes and account-7 site items
	// the book names, of their exact amounts (count × regional factor ×
	// likely × BTA, or × the fixed amount; quantity × regional factor ×
	// likely rate), with the book's (indexed) values.
	Priced decimal.Decimal
	// Percent is 100 × Priced / entreprisekostnad (12 decimals); 0 when
	// entreprisekostnad is 0.
	Percent decimal.Decimal
}

// PriceBookCoverage returns what the variant's price book prices, and false
// when the variant has no price book.
func (e *Estimate) PriceBookCoverage() (Coverage, bool) {
	if e.model == nil || e.model.pb == nil {
		return Coverage{}, false
	}
	pb := e.model.pb
	var c Coverage
	var priced decSum
	for _, row := range e.Rows {
		switch row.Source {
		case SourceUnit:
			entry, ok := pb.UnitTypes[row.Ref]
			for _, cl := range row.Codes {
				c.Lines++
				named := cl.Fixed && hasCode(entry.Fixed, cl.Code) || !cl.Fixed && hasCode(entry.Rates, cl.Code)
				if ok && named {
					c.Named++
					priced.add(cl.Exact)
				}
			}
		case SourceSiteItem:
			c.Lines++
			if _, ok := pb.SiteItems[row.Ref]; ok {
				c.Named++
				if row.Post == 7 {
					priced.add(row.Codes[0].Exact)
				}
			}
		}
	}
	c.Priced, c.Percent = priced.value(), decimal.Zero
	if ent := e.Totals.Entreprisekostnad; ent.IsPositive() {
		c.Percent = c.Priced.Mul(hundred).DivRound(ent, densityPlaces)
	}
	return c, true
}

func hasCode(m map[string]concepts.Range, code string) bool {
	_, ok := m[code]
	return ok
}

// checkPriceBookCoverage reports what the price book prices; a book that
// prices less than half of entreprisekostnad is a warning.
func (e *Estimate) checkPriceBookCoverage() (Check, bool) {
	c, ok := e.PriceBookCoverage()
	if !ok {
		return Check{}, false
	}
	args := []any{e.PriceBook, c.Named, c.Lines, i18n.Pct(c.Percent)}
	if c.Priced.Mul(hundred).LessThan(coverageWarnPercent.Mul(e.Totals.Entreprisekostnad)) {
		return Check{ID: CheckPriceBookCover, Status: StatusWarn, Key: "check.pricebook.coverage.warn",
			Args: append(args, i18n.Pct(coverageWarnPercent))}, true
	}
	return Check{ID: CheckPriceBookCover, Status: StatusInfo, Key: "check.pricebook.coverage.info", Args: args}, true
}

// checkPriceLevelMixed warns when the variant's price book is priced at
// another month than the catalogue and the concept sets no price level to
// bring both to one month (docs/ESTIMATE.md, "Price level").
func (e *Estimate) checkPriceLevelMixed() (Check, bool) {
	m := e.model
	if m == nil || m.pb == nil || m.concept.Assumptions.PriceLevel != "" || m.pb.PriceLevel == m.cat.PriceLevel {
		return Check{}, false
	}
	return Check{ID: CheckPriceLevelMixed, Status: StatusWarn, Key: "check.pricelevel.mixed.warn",
		Args: []any{e.PriceBook, m.pb.PriceLevel, m.cat.PriceLevel}}, true
}
