package ui

import (
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// comparedRows are the rows of the comparison for the concept being
// edited: compareRows and, when it has buyer economics, the subsidy gap
// and, for each household, how many dwellings it can buy.
func (s *compareScreen) comparedRows() []compareRow {
	ec := s.ed.concept().Economics
	if ec == nil {
		return compareRows
	}
	rows := make([]compareRow, 0, len(compareRows)+2+len(ec.Households))
	rows = append(rows, compareRows...)
	rows = append(rows,
		compareRow{key: "ui.compare.section_economics", section: true},
		// An absolute amount, as the cost totals: no best mark (fewer
		// dwellings need less).
		compareRow{key: "ui.compare.subsidy_gap", value: func(e *costing.Estimate) *decimal.Decimal {
			if x := e.Economics; x != nil && x.HasMarketValue {
				return ref(x.SubsidyGap.Decimal())
			}
			return nil
		}, format: fmtNOK},
	)
	for h := range ec.Households {
		dwellings := func(e *costing.Estimate) (int, bool) {
			if x := e.Economics; x != nil && h < len(x.Households) {
				return x.Households[h].Dwellings, true
			}
			return 0, false
		}
		rows = append(rows, compareRow{key: "ui.compare.household_dwellings", args: []any{ec.Households[h].Name}, better: betterHigher,
			value: func(e *costing.Estimate) *decimal.Decimal {
				if n, ok := dwellings(e); ok {
					return intValue(n)
				}
				return nil
			},
			text: func(l *i18n.Locale, e *costing.Estimate) string {
				if n, ok := dwellings(e); ok {
					return l.T("panel.economics.dwellings", n, e.Dwellings)
				}
				return "–"
			}})
	}
	return rows
}
