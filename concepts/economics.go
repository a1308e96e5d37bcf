package concepts

import (
	"maps"

	"github.com/shopspring/decimal"
)

// Tenure is how the homes of a variant are owned.
type Tenure string

// The tenures a concept or variant may name.
const (
	// TenureOwner is owner-occupied (selveier): the buyer borrows all of
	// the price but the equity.
	TenureOwner Tenure = "owner"
	// TenureCooperative is a housing cooperative (borettslag): part of the
	// price is the cooperative's common debt, paid through the monthly
	// felleskostnader.
	TenureCooperative Tenure = "cooperative"
)

// Valid reports whether t is one of the tenures.
func (t Tenure) Valid() bool { return t == TenureOwner || t == TenureCooperative }

// Economics is the concept's optional buyer economics: what the homes cost
// the people who are to live in them, and who can get the loan
// (docs/ESTIMATE.md, "Buyer economics"). Every field but Households is
// optional; Terms gives the values with their defaults.
type Economics struct {
	// Tenure is the concept's tenure; a variant may override it. "" means
	// owner.
	Tenure Tenure `yaml:"tenure,omitempty"`
	// DeveloperMarginPercent is the developer's margin on the cost price.
	DeveloperMarginPercent *decimal.Decimal `yaml:"developer_margin_percent,omitempty"`
	// SalesCostsPercent is the cost of selling (broker, marketing) on the
	// cost price.
	SalesCostsPercent *decimal.Decimal `yaml:"sales_costs_percent,omitempty"`
	// MarketValuePerM2 is what a finished home sells for here, NOK per m²
	// BRA; nil leaves market value and subsidy gap out.
	MarketValuePerM2 *decimal.Decimal `yaml:"market_value_per_m2,omitempty"`
	// OperatingPerM2Year is the owner's or the cooperative's running
	// costs, NOK per m² BRA and year.
	OperatingPerM2Year *decimal.Decimal `yaml:"operating_per_m2_year,omitempty"`
	Loan               *Loan            `yaml:"loan,omitempty"`
	Cooperative        *CooperativeLoan `yaml:"cooperative,omitempty"`
	// Households are the target groups as households with income and
	// savings; at least one.
	Households []Household `yaml:"households"`
}

// Loan is the buyer's mortgage and the lending regulation's terms; each
// field defaults on its own.
type Loan struct {
	RatePercent *decimal.Decimal `yaml:"rate_percent,omitempty"`
	Years       *int             `yaml:"years,omitempty"`
	// StressAddPoints and StressMinPercent give the stress-test rate:
	// max(rate + points, min).
	StressAddPoints  *decimal.Decimal `yaml:"stress_add_points,omitempty"`
	StressMinPercent *decimal.Decimal `yaml:"stress_min_percent,omitempty"`
	// EquityPercent is the equity a buyer needs, of the price.
	EquityPercent *decimal.Decimal `yaml:"equity_percent,omitempty"`
	// DebtToIncome is the most debt a household may have, times its
	// yearly gross income.
	DebtToIncome *decimal.Decimal `yaml:"debt_to_income,omitempty"`
	// StartlanEquityPercent is the equity a household with the
	// municipality's startlån needs, of the price.
	StartlanEquityPercent *decimal.Decimal `yaml:"startlan_equity_percent,omitempty"`
}

// CooperativeLoan is a housing cooperative's common debt; each field
// defaults on its own.
type CooperativeLoan struct {
	// CommonDebtPercent is the share of the price that is common debt.
	CommonDebtPercent *decimal.Decimal `yaml:"common_debt_percent,omitempty"`
	RatePercent       *decimal.Decimal `yaml:"rate_percent,omitempty"`
	Years             *int             `yaml:"years,omitempty"`
}

// Household is a target group as one household: its yearly gross income
// and its equity (savings, or what a senior gets for the house sold), NOK.
type Household struct {
	ID     string          `yaml:"id"`
	Name   Text            `yaml:"name"`
	Income decimal.Decimal `yaml:"income"`
	Equity decimal.Decimal `yaml:"equity"`
	// Startlan says the household has the municipality's startlån, which
	// tops up its equity.
	Startlan bool `yaml:"startlan,omitempty"`
}

// The defaults of the economics section (docs/FORMATS.md, "Concept").
var (
	DefaultDeveloperMarginPercent = decimal.NewFromInt(8)
	DefaultSalesCostsPercent      = decimal.NewFromInt(3)
	DefaultOperatingPerM2Year     = decimal.NewFromInt(300)
	DefaultLoanRatePercent        = decimal.RequireFromString("5.5")
	DefaultLoanYears              = 30
	DefaultStressAddPoints        = decimal.NewFromInt(3)
	DefaultStressMinPercent       = decimal.NewFromInt(7)
	DefaultEquityPercent          = decimal.NewFromInt(10)
	DefaultDebtToIncome           = decimal.NewFromInt(5)
	DefaultStartlanEquityPercent  = decimal.Zero
	DefaultCommonDebtPercent      = decimal.NewFromInt(60)
	DefaultCooperativeRatePercent = decimal.NewFromInt(5)
	DefaultCooperativeYears       = 40
)

// Terms are the economics section's values with every default filled in.
type Terms struct {
	Tenure                 Tenure
	DeveloperMarginPercent decimal.Decimal
	SalesCostsPercent      decimal.Decimal
	// MarketValuePerM2 is nil when the concept gives none.
	MarketValuePerM2       *decimal.Decimal
	OperatingPerM2Year     decimal.Decimal
	LoanRatePercent        decimal.Decimal
	LoanYears              int
	StressAddPoints        decimal.Decimal
	StressMinPercent       decimal.Decimal
	EquityPercent          decimal.Decimal
	DebtToIncome           decimal.Decimal
	StartlanEquityPercent  decimal.Decimal
	CommonDebtPercent      decimal.Decimal
	CooperativeRatePercent decimal.Decimal
	CooperativeYears       int
}

func orDecimal(d *decimal.Decimal, def decimal.Decimal) decimal.Decimal {
	if d == nil {
		return def
	}
	return *d
}

func orInt(i *int, def int) int {
	if i == nil {
		return def
	}
	return *i
}

// Terms returns the section's values with the defaults filled in; the
// tenure is the concept's (owner when left out).
func (e *Economics) Terms() Terms {
	t := Terms{
		Tenure:                 TenureOwner,
		DeveloperMarginPercent: orDecimal(e.DeveloperMarginPercent, DefaultDeveloperMarginPercent),
		SalesCostsPercent:      orDecimal(e.SalesCostsPercent, DefaultSalesCostsPercent),
		MarketValuePerM2:       e.MarketValuePerM2,
		OperatingPerM2Year:     orDecimal(e.OperatingPerM2Year, DefaultOperatingPerM2Year),
	}
	if e.Tenure != "" {
		t.Tenure = e.Tenure
	}
	var a Loan
	if e.Loan != nil {
		a = *e.Loan
	}
	t.LoanRatePercent = orDecimal(a.RatePercent, DefaultLoanRatePercent)
	t.LoanYears = orInt(a.Years, DefaultLoanYears)
	t.StressAddPoints = orDecimal(a.StressAddPoints, DefaultStressAddPoints)
	t.StressMinPercent = orDecimal(a.StressMinPercent, DefaultStressMinPercent)
	t.EquityPercent = orDecimal(a.EquityPercent, DefaultEquityPercent)
	t.DebtToIncome = orDecimal(a.DebtToIncome, DefaultDebtToIncome)
	t.StartlanEquityPercent = orDecimal(a.StartlanEquityPercent, DefaultStartlanEquityPercent)
	var k CooperativeLoan
	if e.Cooperative != nil {
		k = *e.Cooperative
	}
	t.CommonDebtPercent = orDecimal(k.CommonDebtPercent, DefaultCommonDebtPercent)
	t.CooperativeRatePercent = orDecimal(k.RatePercent, DefaultCooperativeRatePercent)
	t.CooperativeYears = orInt(k.Years, DefaultCooperativeYears)
	return t
}

// TenureOf returns the tenure of variant i: its own, else the economics
// section's, else owner. It is "" when the concept has no economics.
func (c *Concept) TenureOf(i int) Tenure {
	if c.Economics == nil {
		return ""
	}
	if i >= 0 && i < len(c.Variants) && c.Variants[i].Tenure != "" {
		return c.Variants[i].Tenure
	}
	if c.Economics.Tenure != "" {
		return c.Economics.Tenure
	}
	return TenureOwner
}

// The limits of the economics section's numbers (docs/FORMATS.md, "Limits").
var (
	// LimitLoanYears is loan.years and cooperative.years.
	LimitLoanYears = whole(1, MaxLoanYears)
	// LimitDebtToIncome is loan.debt_to_income: at least 0.1 (a lower
	// value is surely a typing mistake, and keeps the income needed within
	// whole kroner that costing can hold), at most 100.
	LimitDebtToIncome = Limit{Min: decimal.New(1, -1), Max: decimal.NewFromInt(100)}
	// LimitMarketValue is market_value_per_m2, NOK per m² BRA.
	LimitMarketValue = closed(0, 10_000_000)
	// LimitOperating is operating_per_m2_year, NOK per m² BRA and year.
	LimitOperating = closed(0, 1_000_000)
	// LimitIncome is a household's yearly income, NOK.
	LimitIncome = closed(0, 1_000_000_000)
	// LimitEquity is a household's equity, NOK.
	LimitEquity = closed(0, 100_000_000_000)
)

// MaxLoanYears is the longest loan term, in years.
const MaxLoanYears = 60

// checkEconomics checks the economics section and the variants' tenures.
func (c *Concept) checkEconomics(k *checker) {
	for i, v := range c.Variants {
		if v.Tenure == "" {
			continue
		}
		p, vc := join("variants", i, "tenure"), where{itemLabel("variants", v.Name, i)}
		switch {
		case c.Economics == nil:
			k.at(p, vc, "concepts.variant.tenure_without_economics", quoted(string(v.Tenure)))
		case !v.Tenure.Valid():
			k.at(p, vc, "concepts.economics.tenure", quoted(string(v.Tenure)))
		}
	}
	e := c.Economics
	if e == nil {
		return
	}
	p, ec := "economics", at("economics")
	if e.Tenure != "" && !e.Tenure.Valid() {
		k.at(join(p, "tenure"), ec, "concepts.economics.tenure", quoted(string(e.Tenure)))
	}
	pct := func(path string, w where, name string, d *decimal.Decimal) {
		if d != nil {
			k.between(path, w, name, *d, decimalPtr(0), &hundred, percentage)
		}
	}
	nonNeg := func(path string, w where, name string, d *decimal.Decimal, l Limit) {
		switch {
		case d == nil:
		case d.IsNegative():
			k.at(join(path, name), w, "concepts.negative", name, num(*d))
		default:
			k.limit(path, w, name, *d, l)
		}
	}
	years := func(path string, w where, y *int) {
		if y != nil && (*y < 1 || *y > MaxLoanYears) {
			k.at(join(path, "years"), w, "concepts.out_of_range", "years", *y, 1, MaxLoanYears)
		}
	}
	pct(p, ec, "developer_margin_percent", e.DeveloperMarginPercent)
	pct(p, ec, "sales_costs_percent", e.SalesCostsPercent)
	nonNeg(p, ec, "market_value_per_m2", e.MarketValuePerM2, LimitMarketValue)
	nonNeg(p, ec, "operating_per_m2_year", e.OperatingPerM2Year, LimitOperating)
	if a := e.Loan; a != nil {
		lp, lc := join(p, "loan"), ec.field("loan")
		pct(lp, lc, "rate_percent", a.RatePercent)
		years(lp, lc, a.Years)
		pct(lp, lc, "stress_add_points", a.StressAddPoints)
		pct(lp, lc, "stress_min_percent", a.StressMinPercent)
		pct(lp, lc, "equity_percent", a.EquityPercent)
		pct(lp, lc, "startlan_equity_percent", a.StartlanEquityPercent)
		if d := a.DebtToIncome; d != nil && !d.IsPositive() {
			k.at(join(lp, "debt_to_income"), lc, "concepts.not_positive", "debt_to_income", num(*d))
		} else if d != nil {
			k.limit(lp, lc, "debt_to_income", *d, LimitDebtToIncome)
		}
	}
	if co := e.Cooperative; co != nil {
		cp, cc := join(p, "cooperative"), ec.field("cooperative")
		pct(cp, cc, "common_debt_percent", co.CommonDebtPercent)
		pct(cp, cc, "rate_percent", co.RatePercent)
		years(cp, cc, co.Years)
	}
	if len(e.Households) == 0 {
		k.at(join(p, "households"), ec, "concepts.economics.no_households")
	}
	k.count(p, ec, "households", len(e.Households), MaxLines)
	seen := map[string]bool{}
	for i, h := range e.Households {
		hp, hc := join(p, "households", i), ec.with(itemLabel("households", h.ID, i))
		k.id(hp, hc, h.ID, seen)
		if h.ID != "" {
			k.str(hp, hc, "id", h.ID, MaxNameLength, false)
		}
		if h.Name.In("nb") == "" {
			k.at(join(hp, "name"), hc, "concepts.economics.household_name_empty")
		}
		k.strText(hp, hc, "name", h.Name, MaxNameLength)
		nonNeg(hp, hc, "income", &h.Income, LimitIncome)
		nonNeg(hp, hc, "equity", &h.Equity, LimitEquity)
	}
}

// Clone returns a deep copy of the economics section (nil for nil).
func (e *Economics) Clone() *Economics {
	if e == nil {
		return nil
	}
	out := *e
	out.DeveloperMarginPercent = cloneDecimal(e.DeveloperMarginPercent)
	out.SalesCostsPercent = cloneDecimal(e.SalesCostsPercent)
	out.MarketValuePerM2 = cloneDecimal(e.MarketValuePerM2)
	out.OperatingPerM2Year = cloneDecimal(e.OperatingPerM2Year)
	if e.Loan != nil {
		a := *e.Loan
		a.RatePercent = cloneDecimal(a.RatePercent)
		a.Years = cloneInt(a.Years)
		a.StressAddPoints = cloneDecimal(a.StressAddPoints)
		a.StressMinPercent = cloneDecimal(a.StressMinPercent)
		a.EquityPercent = cloneDecimal(a.EquityPercent)
		a.DebtToIncome = cloneDecimal(a.DebtToIncome)
		a.StartlanEquityPercent = cloneDecimal(a.StartlanEquityPercent)
		out.Loan = &a
	}
	if e.Cooperative != nil {
		k := *e.Cooperative
		k.CommonDebtPercent = cloneDecimal(k.CommonDebtPercent)
		k.RatePercent = cloneDecimal(k.RatePercent)
		k.Years = cloneInt(k.Years)
		out.Cooperative = &k
	}
	if e.Households != nil {
		out.Households = make([]Household, len(e.Households))
		for i, h := range e.Households {
			h.Name = maps.Clone(h.Name)
			out.Households[i] = h
		}
	}
	return &out
}

func cloneInt(i *int) *int {
	if i == nil {
		return nil
	}
	v := *i
	return &v
}
