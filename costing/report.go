package costing

import (
	"encoding/json"

	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// Report is the machine-readable output of docs/FORMATS.md, "JSON output" for a concept:
// json.Marshal prints it with the keys in that order.
type Report struct {
	Concept  string          `json:"concept"`
	Variants []VariantReport `json:"variants"`
}

// VariantReport is one variant of a Report. Money is in whole kroner, other
// numbers are rounded to 2 decimals (half away from zero); P50, P85 and the
// figures per dwelling or per m² are null when absent.
type VariantReport struct {
	Name                string                `json:"name"`
	PriceBook           *string               `json:"pricebook"`
	Dwellings           int                   `json:"dwellings"`
	Persons             int                   `json:"persons"`
	Bedrooms            int                   `json:"bedrooms"`
	ParkingSpaces       int                   `json:"parking_spaces"`
	Area                AreaReport            `json:"area"`
	Density             DensityReport         `json:"density"`
	Posts               PostsReport           `json:"posts"`
	Totals              TotalsReport          `json:"totals"`
	P50                 *int64                `json:"p50"`
	P85                 *int64                `json:"p85"`
	PerDwelling         PerDwellingReport     `json:"per_dwelling"`
	PerM2BRA            PerM2BRAReport        `json:"per_m2_bra"`
	AffordableDwellings int                   `json:"affordable_dwellings"`
	DwellingPrices      []DwellingPriceReport `json:"dwelling_prices"`
	CarbonKgPerM2BRA    *json.Number          `json:"carbon_kg_per_m2_bra"`
	Checks              []CheckReport         `json:"checks"`
	// Economics is null when the concept has no economics section.
	Economics *EconomicsReport `json:"economics"`
}

// EconomicsReport is a variant's buyer economics; SubsidyGap is null
// without a market value.
type EconomicsReport struct {
	Tenure     string                `json:"tenure"`
	SubsidyGap *int64                `json:"subsidy_gap"`
	Types      []EconomicsTypeReport `json:"types"`
	Households []HouseholdReport     `json:"households"`
}

// EconomicsTypeReport is one dwelling type's buyer economics in whole
// kroner (Type is the unit type id); MarketValue and Gap are null without
// a market value, CommonDebt is 0 for an owner.
type EconomicsTypeReport struct {
	Type          string `json:"type"`
	Count         int    `json:"count"`
	CostPrice     int64  `json:"cost_price"`
	SalePrice     int64  `json:"sale_price"`
	MarketValue   *int64 `json:"market_value"`
	Gap           *int64 `json:"gap"`
	EquityNeeded  int64  `json:"equity_needed"`
	IncomeNeeded  int64  `json:"income_needed"`
	CommonDebt    int64  `json:"common_debt"`
	Monthly       int64  `json:"monthly"`
	MonthlyStress int64  `json:"monthly_stress"`
}

// HouseholdReport is what one household can buy: how many dwellings, and
// the ids of the types in unit-line order.
type HouseholdReport struct {
	ID        string   `json:"id"`
	Dwellings int      `json:"dwellings"`
	Types     []string `json:"types"`
}

// economicsReport returns x's report, or nil for nil.
func economicsReport(x *Economics) *EconomicsReport {
	if x == nil {
		return nil
	}
	r := &EconomicsReport{Tenure: string(x.Tenure), Types: make([]EconomicsTypeReport, len(x.Types)), Households: make([]HouseholdReport, len(x.Households))}
	opt := func(k Kroner) *int64 {
		if !x.HasMarketValue {
			return nil
		}
		v := int64(k)
		return &v
	}
	r.SubsidyGap = opt(x.SubsidyGap)
	for i := range x.Types {
		t := &x.Types[i]
		r.Types[i] = EconomicsTypeReport{Type: t.Type.ID, Count: t.Count, CostPrice: money(t.CostPrice), SalePrice: int64(t.SalePrice),
			MarketValue: opt(t.MarketValue), Gap: opt(t.Gap), EquityNeeded: int64(t.EquityNeeded), IncomeNeeded: int64(t.IncomeNeeded),
			CommonDebt: int64(t.CommonDebt), Monthly: int64(t.Monthly), MonthlyStress: int64(t.MonthlyStress)}
	}
	for i, h := range x.Households {
		r.Households[i] = HouseholdReport{ID: h.Household.ID, Dwellings: h.Dwellings, Types: x.TypeIDs(i)}
	}
	return r
}

// AreaReport holds a variant's areas in m²; BYA includes parking.
type AreaReport struct {
	BTA  json.Number `json:"bta"`
	BRA  json.Number `json:"bra"`
	BRAi json.Number `json:"bra_i"`
	BRAe json.Number `json:"bra_e"`
	BRAb json.Number `json:"bra_b"`
	TBA  json.Number `json:"tba"`
	BYA  json.Number `json:"bya"`
}

// DensityReport holds a variant's planning metrics.
type DensityReport struct {
	BYAPercent      json.Number  `json:"bya_percent"`
	BRAPercent      json.Number  `json:"bra_percent"`
	DwellingsPerDaa json.Number  `json:"dwellings_per_daa"`
	MUAPerDwelling  *json.Number `json:"mua_per_dwelling"`
}

// PostsReport holds NS 3453 posts 1 to 13 in whole kroner.
type PostsReport struct {
	P1  int64 `json:"1"`
	P2  int64 `json:"2"`
	P3  int64 `json:"3"`
	P4  int64 `json:"4"`
	P5  int64 `json:"5"`
	P6  int64 `json:"6"`
	P7  int64 `json:"7"`
	P8  int64 `json:"8"`
	P9  int64 `json:"9"`
	P10 int64 `json:"10"`
	P11 int64 `json:"11"`
	P12 int64 `json:"12"`
	P13 int64 `json:"13"`
}

// TotalsReport holds the NS 3453 subtotals in whole kroner.
type TotalsReport struct {
	Huskostnad                      int64 `json:"huskostnad"`
	Entreprisekostnad               int64 `json:"entreprisekostnad"`
	Byggekostnad                    int64 `json:"byggekostnad"`
	Basiskostnad                    int64 `json:"basiskostnad"`
	Prosjektkostnad                 int64 `json:"prosjektkostnad"`
	Kostnadsramme                   int64 `json:"kostnadsramme"`
	KostnadsrammeInklPrisregulering int64 `json:"kostnadsramme_inkl_prisregulering"`
}

// PerDwellingReport holds the key figures per dwelling (null without dwellings).
type PerDwellingReport struct {
	Kostnadsramme   *int64 `json:"kostnadsramme"`
	Prosjektkostnad *int64 `json:"prosjektkostnad"`
}

// PerM2BRAReport holds kostnadsramme per m² BRA (null when BRA is 0).
type PerM2BRAReport struct {
	Kostnadsramme *int64 `json:"kostnadsramme"`
}

// DwellingPriceReport is the cost-based price of one dwelling of a unit type
// (Type is the unit type id).
type DwellingPriceReport struct {
	Type  string `json:"type"`
	Count int    `json:"count"`
	Price int64  `json:"price"`
}

// CheckReport is a check with its message in the report's language.
type CheckReport struct {
	ID      string `json:"id"`
	Status  Status `json:"status"`
	Message string `json:"message"`
}

// money returns a whole-krone amount as an integer (rounded half away from
// zero should it carry decimals).
func money(d decimal.Decimal) int64 { return d.Round(0).IntPart() }

func moneyPtr(d *decimal.Decimal) *int64 {
	if d == nil {
		return nil
	}
	v := money(*d)
	return &v
}

// num returns d rounded to 2 decimals, half away from zero, as a JSON number.
func num(d decimal.Decimal) json.Number { return json.Number(d.Round(2).String()) }

func numPtr(d *decimal.Decimal) *json.Number {
	if d == nil {
		return nil
	}
	v := num(*d)
	return &v
}

// Report returns the variant's part of the machine-readable output, with
// the check messages in l's language (bokmål when l is nil). Density
// figures are rounded from their exact fractions.
func (e *Estimate) Report(l *i18n.Locale) VariantReport {
	if l == nil {
		l = i18n.New(i18n.Default)
	}
	r := VariantReport{
		Name:          e.Variant,
		Dwellings:     e.Dwellings,
		Persons:       e.Persons,
		Bedrooms:      e.Bedrooms,
		ParkingSpaces: e.ParkingSpaces,
		Area: AreaReport{
			BTA: num(e.Area.BTA), BRA: num(e.Area.BRA), BRAi: num(e.Area.BRAi), BRAe: num(e.Area.BRAe),
			BRAb: num(e.Area.BRAb), TBA: num(e.Area.TBA), BYA: num(e.Area.BYA),
		},
		Density: DensityReport{
			BYAPercent:      num(e.Density.BYAPercent),
			BRAPercent:      num(e.Density.BRAPercent),
			DwellingsPerDaa: num(e.Density.DwellingsPerDaa),
			MUAPerDwelling:  numPtr(e.Density.MUAPerDwelling),
		},
		P50: moneyPtr(e.P50),
		P85: moneyPtr(e.P85),
		PerDwelling: PerDwellingReport{
			Kostnadsramme:   moneyPtr(e.PerDwelling.Kostnadsramme),
			Prosjektkostnad: moneyPtr(e.PerDwelling.Prosjektkostnad),
		},
		PerM2BRA:            PerM2BRAReport{Kostnadsramme: moneyPtr(e.PerM2BRAKostnadsramme)},
		AffordableDwellings: e.AffordableDwellings,
		DwellingPrices:      make([]DwellingPriceReport, 0, len(e.DwellingPrices)),
		CarbonKgPerM2BRA:    numPtr(e.CarbonKgPerM2BRA),
		Checks:              make([]CheckReport, 0, len(e.Checks)),
	}
	if e.PriceBook != "" {
		pb := e.PriceBook
		r.PriceBook = &pb
	}
	// Exact rounding of the density and carbon figures, straight from their
	// fractions (rounding the stored 12-decimal values again could round
	// twice).
	if e.SiteArea.IsPositive() {
		r.Density.BYAPercent = json.Number(e.Area.BYA.Mul(hundred).DivRound(e.SiteArea, 2).String())
		bra := e.Area.BRA.Add(parkingSpace.Mul(decimal.NewFromInt(int64(e.ParkingSpaces))))
		r.Density.BRAPercent = json.Number(bra.Mul(hundred).DivRound(e.SiteArea, 2).String())
		r.Density.DwellingsPerDaa = json.Number(decimal.NewFromInt(int64(e.Dwellings)).Mul(thousand).DivRound(e.SiteArea, 2).String())
	}
	if e.CarbonKg != nil && e.Area.BRA.IsPositive() {
		c := json.Number(e.CarbonKg.DivRound(e.Area.BRA, 2).String())
		r.CarbonKgPerM2BRA = &c
	}
	if e.Dwellings > 0 {
		mua := json.Number(e.SiteArea.Sub(e.Area.BYA).Sub(e.PavedArea).DivRound(decimal.NewFromInt(int64(e.Dwellings)), 2).String())
		r.Density.MUAPerDwelling = &mua
	}
	p := &e.Posts
	r.Posts = PostsReport{money(p[1]), money(p[2]), money(p[3]), money(p[4]), money(p[5]), money(p[6]), money(p[7]),
		money(p[8]), money(p[9]), money(p[10]), money(p[11]), money(p[12]), money(p[13])}
	t := &e.Totals
	r.Totals = TotalsReport{money(t.Huskostnad), money(t.Entreprisekostnad), money(t.Byggekostnad), money(t.Basiskostnad),
		money(t.Prosjektkostnad), money(t.Kostnadsramme), money(t.KostnadsrammeInklPrisregulering)}
	for _, d := range e.DwellingPrices {
		r.DwellingPrices = append(r.DwellingPrices, DwellingPriceReport{Type: d.Type.ID, Count: d.Count, Price: money(d.Price)})
	}
	for _, c := range e.Checks {
		r.Checks = append(r.Checks, CheckReport{ID: c.ID, Status: c.Status, Message: c.Message(l)})
	}
	r.Economics = economicsReport(e.Economics)
	return r
}
