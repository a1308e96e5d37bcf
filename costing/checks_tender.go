package costing

import (
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// CheckTenderCriteria is the id of the check of the tender section's award
// criteria (docs/RULES.md).
const CheckTenderCriteria = "tender.criteria"

// checkTenderCriteria checks the concept's award criteria: their weights
// add up to 100 and those marked climate weigh at least 30 % of the total
// (anskaffelsesforskriften § 7-9). It applies when the concept has a
// tender section; a broken rule is a warning.
func (e *Estimate) checkTenderCriteria() (Check, bool) {
	if e.model == nil || e.model.concept.Tender == nil {
		return Check{}, false
	}
	var total, climate decimal.Decimal
	for _, a := range e.model.concept.Tender.AwardCriteria {
		total = total.Add(a.Weight)
		if a.Climate {
			climate = climate.Add(a.Weight)
		}
	}
	share := decimal.Zero
	if total.IsPositive() {
		share = climate.Mul(hundred).DivRound(total, densityPlaces)
	}
	var gaps Gaps
	if !total.Equal(tenderWeightTotal) {
		gaps = append(gaps, Gap{Key: "check.tender.criteria.sum", Args: []any{i18n.Pct(total)}})
	}
	// compared exactly: climate / total >= 30 %
	if climate.Mul(hundred).LessThan(tenderClimateMinPercent.Mul(total)) || !total.IsPositive() {
		gaps = append(gaps, Gap{Key: "check.tender.criteria.climate", Args: []any{i18n.Pct(share), i18n.Pct(tenderClimateMinPercent)}})
	}
	if len(gaps) > 0 {
		return newCheck(CheckTenderCriteria, false, StatusWarn, gaps), true
	}
	return newCheck(CheckTenderCriteria, true, StatusWarn, i18n.Pct(share), i18n.Pct(tenderClimateMinPercent)), true
}
