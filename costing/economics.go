package costing

import (
	"math"
	"strconv"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// Kroner is an amount in whole kroner. The buyer economics round every
// figure to whole kroner, and every such figure is bounded by MaxAmount
// times a few, far inside int64; they are kept as Kroner so that a
// variant's economics cost microseconds, not the allocations of hundreds
// of decimals. The arithmetic before rounding is exact (int64, or decimal
// where the operands do not fit).
type Kroner int64

// Decimal returns the amount as a decimal.
func (k Kroner) Decimal() decimal.Decimal { return decimal.NewFromInt(int64(k)) }

// String returns the amount as digits, as the JSON output writes it.
func (k Kroner) String() string { return strconv.FormatInt(int64(k), 10) }

// Economics is the buyer economics of a variant (docs/ESTIMATE.md, "Buyer
// economics"): what each dwelling type costs a buyer to buy and to live
// in, the subsidy gap to the market value, and which of the concept's
// households can buy which types.
type Economics struct {
	// Tenure is the variant's tenure (its own, or the concept's).
	Tenure concepts.Tenure
	// Terms are the economics section's values with the defaults filled in
	// and the variant's tenure.
	Terms concepts.Terms
	// Types are the variant's dwelling types in unit-line order.
	Types []EconomicsType
	// Households are the concept's households in their order.
	Households []HouseholdEconomics
	// HasMarketValue is true when the concept gives a market value per
	// m²; without it, market values, gaps and SubsidyGap are 0 and shown
	// as absent.
	HasMarketValue bool
	// SubsidyGap is the sum of count × gap over the types.
	SubsidyGap Kroner
}

// EconomicsType is one dwelling type's buyer economics.
type EconomicsType struct {
	Type  *concepts.UnitType
	Count int
	// BRA is the BRA of one dwelling, m².
	BRA decimal.Decimal
	// CostPrice is the cost-based price (Estimate.DwellingPrices).
	CostPrice decimal.Decimal
	// SalePrice is the cost price with developer margin and sales costs.
	SalePrice Kroner
	// MarketValue is market_value_per_m2 × BRA and Gap max(0, sale price −
	// market value), per dwelling (both 0 without a market value).
	MarketValue, Gap Kroner
	// EquityNeeded is the equity a buyer needs; StartlanEquityNeeded the
	// equity a buyer with startlån needs.
	EquityNeeded, StartlanEquityNeeded Kroner
	// Loan is the debt of a buyer with exactly EquityNeeded (the common
	// debt included for a cooperative); IncomeNeeded the yearly income
	// that debt needs under the debt-to-income limit.
	Loan, IncomeNeeded Kroner
	// CommonDebt is the cooperative's common debt per dwelling (0 for an
	// owner); OwnLoan is Loan − CommonDebt (0 when that is below 0).
	CommonDebt, OwnLoan Kroner
	// Monthly is that buyer's monthly cost (loan, the cooperative's
	// felleskostnader, running costs); MonthlyStress the same at the
	// stress-test rates.
	Monthly, MonthlyStress Kroner
}

// HouseholdEconomics says what one household can buy.
type HouseholdEconomics struct {
	Household *concepts.Household
	// Dwellings is how many dwellings (the sum of the counts of the types
	// it can buy) the household can buy.
	Dwellings int
	// Can holds, for each of Economics.Types, whether the household can
	// buy it.
	Can []bool
}

// TypeIDs returns the ids of the types household h can buy, in unit-line
// order.
func (x *Economics) TypeIDs(h int) []string {
	out := []string{}
	for t, ok := range x.Households[h].Can {
		if ok {
			out = append(out, x.Types[t].Type.ID)
		}
	}
	return out
}

// Shortfall returns how much equity household h lacks for type t, and how
// much more yearly income the loan it would need asks for (both 0 when
// it has enough), in whole kroner rounded up.
func (x *Economics) Shortfall(h, t int) (equity, income decimal.Decimal) {
	hh, ty := x.Households[h].Household, &x.Types[t]
	need := ty.EquityNeeded
	if hh.Startlan {
		need = ty.StartlanEquityNeeded
	}
	equity = decimal.Max(decimal.Zero, need.Decimal().Sub(hh.Equity)).Ceil()
	sale := ty.SalePrice.Decimal()
	loan := sale.Sub(decimal.Min(hh.Equity, sale))
	income = decimal.Max(decimal.Zero, loan.Div(x.Terms.DebtToIncome).Sub(hh.Income)).Ceil()
	return equity, income
}

// Cheapest returns the index of the type with the lowest sale price (the
// first of equals), or -1 when there is none.
func (x *Economics) Cheapest() int {
	best := -1
	for i := range x.Types {
		if best < 0 || x.Types[i].SalePrice < x.Types[best].SalePrice {
			best = i
		}
	}
	return best
}

// ratio is a factor p/q with p and q whole (q > 0), applied to whole
// kroner with rounding half away from zero: in int64 when the product
// fits, else in decimal.
type ratio struct {
	p, q   int64
	fits   bool
	pd, qd decimal.Decimal
}

// newRatio returns the ratio num/den (den > 0).
func newRatio(num, den decimal.Decimal) ratio {
	r := ratio{pd: num, qd: den}
	// num/den = cn×10^en / (cd×10^ed): scale the smaller exponent's side.
	cn, ok1 := coef(num)
	cd, ok2 := coef(den)
	if !ok1 || !ok2 {
		return r
	}
	en, ed := num.Exponent(), den.Exponent()
	var ok bool
	if en >= ed {
		cn, _, ok = scaleInt(cn, en, ed)
	} else {
		cd, _, ok = scaleInt(cd, ed, en)
	}
	r.p, r.q, r.fits = cn, cd, ok && cd > 0 && cd <= 1e18
	return r
}

// of returns round(a × p / q).
func (r *ratio) of(a Kroner) Kroner {
	if r.fits {
		if n, ok := mulInt(int64(a), r.p); ok {
			return Kroner(roundDiv(n, r.q))
		}
	}
	return Kroner(a.Decimal().Mul(r.pd).DivRound(r.qd, 0).IntPart())
}

// toFloat64 returns d as a float64, cheaply: within an ulp or two, which
// is all the monthly costs' float path needs (see economics).
func toFloat64(d decimal.Decimal) float64 {
	if c, ok := coef(d); ok {
		if e := d.Exponent(); e >= 0 {
			return float64(c) * math.Pow10(int(e))
		} else {
			return float64(c) / math.Pow10(int(-e))
		}
	}
	return d.InexactFloat64()
}

// economics computes the variant's buyer economics from its dwelling
// prices, or returns nil when the concept has no economics section.
//
// Every figure is rounded to whole kroner, half away from zero (Kroner).
// The monthly annuities are computed in float64: pmt = L × i / (1 −
// (1+i)^−n) with the factor i / (1 − (1+i)^−n) formed once per rate from
// log1p and expm1, whose relative error (below 1e-15) moves a monthly cost
// of less than NOK 10 million by less than 1e-8 kroner. Rounding to whole
// kroner can only go wrong when the exact value lies that close to a half
// krone; when the float sum lies within 1e-6 kroner of one, the monthly
// cost is computed again in 256-bit big.Float arithmetic, exact far beyond
// the krone.
func (e *Estimate) economics() *Economics {
	m := e.model
	ec := m.concept.Economics
	if ec == nil {
		return nil
	}
	terms := ec.Terms()
	terms.Tenure = m.concept.TenureOf(m.index)
	coop := terms.Tenure == concepts.TenureCooperative
	x := &Economics{Tenure: terms.Tenure, Terms: terms, Types: make([]EconomicsType, len(e.DwellingPrices)),
		HasMarketValue: terms.MarketValuePerM2 != nil}

	markup := newRatio(hundred.Add(terms.DeveloperMarginPercent).Add(terms.SalesCostsPercent), hundred)
	equity := newRatio(terms.EquityPercent, hundred)
	startlan := newRatio(terms.StartlanEquityPercent, hundred)
	common := newRatio(terms.CommonDebtPercent, hundred)
	income := newRatio(one, terms.DebtToIncome)
	rate := newAnnuity(terms.LoanRatePercent, terms.LoanYears)
	stress := newAnnuity(stressRate(terms.LoanRatePercent, terms), terms.LoanYears)
	var coopRate, coopStress annuity
	if coop {
		coopRate = newAnnuity(terms.CooperativeRatePercent, terms.CooperativeYears)
		coopStress = newAnnuity(stressRate(terms.CooperativeRatePercent, terms), terms.CooperativeYears)
	}
	operating := toFloat64(terms.OperatingPerM2Year)

	bra := e.dwellingBRA()
	for i, d := range e.DwellingPrices {
		t := &x.Types[i]
		t.Type, t.Count, t.CostPrice, t.BRA = d.Type, d.Count, d.Price, bra[i]
		t.SalePrice = markup.of(kronerOf(d.Price))
		if mv := terms.MarketValuePerM2; mv != nil {
			t.MarketValue = mulRound(*mv, t.BRA)
			t.Gap = max(0, t.SalePrice-t.MarketValue)
			x.SubsidyGap += Kroner(t.Count) * t.Gap
		}
		t.EquityNeeded = equity.of(t.SalePrice)
		t.StartlanEquityNeeded = startlan.of(t.SalePrice)
		t.Loan = t.SalePrice - t.EquityNeeded
		t.IncomeNeeded = income.of(t.Loan)
		t.OwnLoan = t.Loan
		if coop {
			t.CommonDebt = common.of(t.SalePrice)
			t.OwnLoan = max(0, t.Loan-t.CommonDebt)
		}
		run := monthlyRun{own: t.OwnLoan, common: t.CommonDebt, operating: operating * toFloat64(t.BRA), bra: t.BRA, perM2: terms.OperatingPerM2Year}
		t.Monthly = run.cost(&rate, &coopRate)
		t.MonthlyStress = run.cost(&stress, &coopStress)
	}

	// Households: h can buy u when its equity Q reaches the equity needed
	// and the loan S − min(Q, S) is at most debt_to_income × income I, that
	// is S <= Q + debt_to_income × I. With S and the equity needed whole,
	// both compare against whole kroner: floor(Q) and floor(Q + dti × I).
	x.Households = make([]HouseholdEconomics, len(ec.Households))
	n := len(x.Types)
	can := make([]bool, len(ec.Households)*n)
	for h := range ec.Households {
		hh := &ec.Households[h]
		he := &x.Households[h]
		he.Household, he.Can = hh, can[h*n:(h+1)*n:(h+1)*n]
		q, reach := reachOf(hh.Equity, terms.DebtToIncome, hh.Income)
		for i := range x.Types {
			t := &x.Types[i]
			need := t.EquityNeeded
			if hh.Startlan {
				need = t.StartlanEquityNeeded
			}
			if q >= need && t.SalePrice <= reach {
				he.Can[i] = true
				he.Dwellings += t.Count
			}
		}
	}
	return x
}

// dwellingBRA returns the BRA of one unit of each of e.DwellingPrices,
// from the variant's lines: the prices follow the dwelling lines in order,
// one per type.
func (e *Estimate) dwellingBRA() []decimal.Decimal {
	out := make([]decimal.Decimal, len(e.DwellingPrices))
	j := 0
	for i := range e.Lines {
		if l := &e.Lines[i]; j < len(out) && l.Type.ID == e.DwellingPrices[j].Type.ID {
			out[j] = l.unitBRA
			j++
		}
	}
	for ; j < len(out); j++ {
		out[j] = e.DwellingPrices[j].Type.Area.BRA()
	}
	return out
}

var one = decimal.NewFromInt(1)

// mulRound returns round(a × b), half away from zero, in int64 when the
// coefficients allow.
func mulRound(a, b decimal.Decimal) Kroner {
	if ca, ok := coef(a); ok {
		if cb, ok := coef(b); ok {
			if c, ok := mulInt(ca, cb); ok {
				if e := a.Exponent() + b.Exponent(); e <= 0 {
					if p, ok := pow10Int(-e); ok {
						return Kroner(roundDiv(c, p))
					}
				} else if p, ok := pow10Int(e); ok {
					if c, ok := mulInt(c, p); ok {
						return Kroner(c)
					}
				}
			}
		}
	}
	return kronerOf(a.Mul(b).Round(0))
}

// reachOf returns floor(q) and floor(q + dti × income), in int64 when the
// coefficients allow (all three are at least 0).
func reachOf(q, dti, income decimal.Decimal) (Kroner, Kroner) {
	cq, ok1 := coef(q)
	cd, ok2 := coef(dti)
	ci, ok3 := coef(income)
	if ok1 && ok2 && ok3 {
		if m, ok := mulInt(cd, ci); ok {
			eq, em := q.Exponent(), dti.Exponent()+income.Exponent()
			e := min(eq, em, 0)
			a, _, okA := scaleInt(cq, eq, e)
			b, _, okB := scaleInt(m, em, e)
			p, okP := pow10Int(-e)
			if okA && okB && okP {
				if sum, ok := addInt(a, b); ok {
					return Kroner(a / p), Kroner(sum / p)
				}
			}
		}
	}
	return Kroner(q.Floor().IntPart()), Kroner(q.Add(dti.Mul(income)).Floor().IntPart())
}

// kronerOf returns the whole amount d (rounded should it carry decimals).
func kronerOf(d decimal.Decimal) Kroner {
	if d.Exponent() == 0 {
		if c, ok := coef(d); ok {
			return Kroner(c)
		}
	}
	return Kroner(d.Round(0).IntPart())
}

// HouseholdCounts is a check argument: each household with the dwellings
// it can buy out of all, listed the locale's way.
type HouseholdCounts struct {
	Names  []concepts.Text
	Counts []int
	Of     int
}

// Format implements i18n.Formatter.
func (h HouseholdCounts) Format(l *i18n.Locale) string {
	s := make([]string, len(h.Names))
	for i, n := range h.Names {
		key := "check.economics.households.can"
		if h.Counts[i] == 0 {
			key = "check.economics.households.none"
		}
		s[i] = l.T(key, n, h.Counts[i], h.Of)
	}
	return l.List(s)
}

// withEconomics computes the buyer economics into e.Economics and, when
// the concept has an economics section, appends the check
// economics.households to out.
func (e *Estimate) withEconomics(out []Check) []Check {
	e.Economics = e.economics()
	x := e.Economics
	if x == nil {
		return out
	}
	counts := HouseholdCounts{Names: make([]concepts.Text, len(x.Households)), Counts: make([]int, len(x.Households)), Of: e.Dwellings}
	for i, h := range x.Households {
		counts.Names[i], counts.Counts[i] = h.Household.Name, h.Dwellings
	}
	c := Check{ID: CheckEconomics, Status: StatusInfo, Key: "check.economics.households.no_dwellings", Args: []any{counts}}
	if i := x.Cheapest(); i >= 0 {
		t := &x.Types[i]
		c.Key, c.Args = "check.economics.households.info", []any{counts, t.Type.Name, i18n.NOK(t.Monthly.Decimal()), i18n.NOK(t.MonthlyStress.Decimal())}
	}
	return append(out, c)
}
