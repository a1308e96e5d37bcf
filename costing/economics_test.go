package costing_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// withEconomics gives the hand project (fixture_test.go) an economics
// section with the households given.
func withEconomics(p *concepts.Project, tenure concepts.Tenure, hh ...concepts.Household) *concepts.Project {
	p.Concept.Economics = &concepts.Economics{Tenure: tenure, MarketValuePerM2: dp("40000"), Households: hh}
	return p
}

func household(id, income, equity string, startlan bool) concepts.Household {
	return concepts.Household{ID: id, Name: concepts.Text{"nb": "H " + id, "en": "H " + id}, Income: d(income), Equity: d(equity), Startlan: startlan}
}

func TestEconomics_None(t *testing.T) {
	e := mustEstimate(t, handProject(), 0)
	if e.Economics != nil {
		t.Errorf("economics without a section: %+v", e.Economics)
	}
	if r := e.Report(nil); r.Economics != nil {
		t.Errorf("report economics = %+v, want null", r.Economics)
	}
	for _, c := range e.Checks {
		if c.ID == costing.CheckEconomics {
			t.Errorf("check %s without an economics section", c.ID)
		}
	}
}

// TestEconomics_Figures checks each figure of one type against the rules
// of docs/ESTIMATE.md applied to the estimate's own dwelling price, with
// the defaults (margin 8 %, sales 3 %, equity 10 %, 5 × income, 60 %
// common debt, 5.5 % over 30 years, 5 % over 40, stress +3 and at least
// 7 %, running costs 300 per m² a year).
func TestEconomics_Figures(t *testing.T) {
	for _, tenure := range []concepts.Tenure{concepts.TenureOwner, concepts.TenureCooperative} {
		t.Run(string(tenure), func(t *testing.T) {
			e := mustEstimate(t, withEconomics(handProject(), tenure, household("a", "600000", "150000", false)), 0)
			x := e.Economics
			if x == nil || len(x.Types) != 2 || x.Tenure != tenure {
				t.Fatalf("economics = %+v", x)
			}
			// The "mini" type: BRA 40 + 2 + 1 = 43 m².
			ty := x.Types[1]
			c := e.DwellingPrices[1].Price
			if ty.Type.ID != "mini" || !ty.CostPrice.Equal(c) || !ty.BRA.Equal(d("43")) {
				t.Fatalf("type = %s, cost %s, BRA %s", ty.Type.ID, ty.CostPrice, ty.BRA)
			}
			s := c.Mul(d("1.11")).Round(0)
			m := d("1720000") // 40 000 × 43
			eq := s.Mul(d("0.1")).Round(0)
			l := s.Sub(eq)
			var debt decimal.Decimal = decimal.Zero
			if tenure == concepts.TenureCooperative {
				debt = s.Mul(d("0.6")).Round(0)
			}
			for _, tt := range []struct {
				name      string
				got, want decimal.Decimal
			}{
				{"sale price", ty.SalePrice.Decimal(), s},
				{"market value", ty.MarketValue.Decimal(), m},
				{"gap", ty.Gap.Decimal(), decimal.Max(decimal.Zero, s.Sub(m))},
				{"equity", ty.EquityNeeded.Decimal(), eq},
				{"startlån equity", ty.StartlanEquityNeeded.Decimal(), decimal.Zero},
				{"loan", ty.Loan.Decimal(), l},
				{"income", ty.IncomeNeeded.Decimal(), l.Div(d("5")).Round(0)},
				{"common debt", ty.CommonDebt.Decimal(), debt},
				{"own loan + common debt", (ty.OwnLoan + ty.CommonDebt).Decimal(), l},
			} {
				if !tt.got.Equal(tt.want) {
					t.Errorf("%s = %s, want %s", tt.name, tt.got, tt.want)
				}
			}
			// Monthly cost: running costs 300 × 43 / 12 = 1 075 plus the
			// annuities, each between the interest alone and the interest
			// plus the loan over the term in equal parts.
			lo, hi := decimal.NewFromInt(1075), decimal.NewFromInt(1075)
			for _, part := range []struct {
				loan  decimal.Decimal
				rate  string
				years int64
			}{{ty.OwnLoan.Decimal(), "5.5", 30}, {ty.CommonDebt.Decimal(), "5", 40}} {
				interest := part.loan.Mul(d(part.rate)).Div(d("1200"))
				lo = lo.Add(interest)
				hi = hi.Add(interest).Add(part.loan.Div(decimal.NewFromInt(12 * part.years)))
			}
			if ty.Monthly.Decimal().LessThan(lo.Floor()) || ty.Monthly.Decimal().GreaterThan(hi.Ceil()) {
				t.Errorf("monthly %s not within [%s, %s]", ty.Monthly, lo, hi)
			}
			if gap := 4*x.Types[0].Gap + 5*ty.Gap; !x.HasMarketValue || x.SubsidyGap != gap || gap <= 0 {
				t.Errorf("subsidy gap %s, want %s", x.SubsidyGap, gap)
			}
		})
	}
}

func TestEconomics_NoMarketValue(t *testing.T) {
	p := withEconomics(handProject(), "", household("a", "600000", "150000", false))
	p.Concept.Economics.MarketValuePerM2 = nil
	e := mustEstimate(t, p, 0)
	if x := e.Economics; x.HasMarketValue || x.SubsidyGap != 0 || x.Types[0].MarketValue != 0 || x.Types[0].Gap != 0 || x.Tenure != concepts.TenureOwner {
		t.Errorf("without a market value: gap %v, value %v, tenure %q", x.SubsidyGap, x.Types[0].MarketValue, x.Tenure)
	}
	r := e.Report(nil).Economics
	if r == nil || r.SubsidyGap != nil || r.Types[0].MarketValue != nil || r.Types[0].Gap != nil || r.Types[0].CommonDebt != 0 {
		t.Errorf("report: %+v", r)
	}
}

// TestEconomics_Properties checks, for random households and terms, what
// must hold whatever the numbers: more income or more equity never buys
// less, the stress-test cost is at least the normal one, a cooperative's
// own loan and common debt make up the loan, and the types a household can
// buy are exactly those it passes both tests for.
func TestEconomics_Properties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	money := func(max int) string { return fmt.Sprint(r.IntN(max)) }
	var cans, cannots int // both must occur, or the test proves little
	for n := range 200 {
		p := handProject()
		tenure := concepts.TenureOwner
		if n%2 == 1 {
			tenure = concepts.TenureCooperative
		}
		base := household("base", money(2_000_000), money(3_000_000), n%3 == 0)
		richer, saver := base, base
		richer.ID, saver.ID = "richer", "saver"
		richer.Income = base.Income.Add(d(money(500_000)))
		saver.Equity = base.Equity.Add(d(money(1_000_000)))
		withEconomics(p, tenure, base, richer, saver)
		ec := p.Concept.Economics
		ec.Loan = &concepts.Loan{RatePercent: dp(fmt.Sprint(r.IntN(120)) + ".5"), StressAddPoints: dp(money(5)),
			EquityPercent: dp(money(40)), DebtToIncome: dp("4.5"), StartlanEquityPercent: dp(money(5))}
		ec.Cooperative = &concepts.CooperativeLoan{CommonDebtPercent: dp(money(100)), RatePercent: dp(money(8)), Years: ip(1 + r.IntN(60))}
		e := mustEstimate(t, p, 0)
		x := e.Economics
		for i, ty := range x.Types {
			if ty.MonthlyStress < ty.Monthly {
				t.Errorf("%d %s: stress %s below %s", n, ty.Type.ID, ty.MonthlyStress, ty.Monthly)
			}
			if tenure == concepts.TenureCooperative && ty.CommonDebt <= ty.Loan && ty.OwnLoan+ty.CommonDebt != ty.Loan {
				t.Errorf("%d %s: own loan %s + common debt %s != loan %s", n, ty.Type.ID, ty.OwnLoan, ty.CommonDebt, ty.Loan)
			}
			if tenure == concepts.TenureOwner && ty.CommonDebt != 0 {
				t.Errorf("%d: owner with common debt %s", n, ty.CommonDebt)
			}
			for h, he := range x.Households {
				hh := he.Household
				need := ty.EquityNeeded
				if hh.Startlan {
					need = ty.StartlanEquityNeeded
				}
				loan := ty.SalePrice.Decimal().Sub(decimal.Min(hh.Equity, ty.SalePrice.Decimal()))
				want := hh.Equity.GreaterThanOrEqual(need.Decimal()) && loan.LessThanOrEqual(hh.Income.Mul(d("4.5")))
				if want {
					cans++
				} else {
					cannots++
				}
				if he.Can[i] != want {
					t.Errorf("%d: household %s, type %s: can %v, want %v", n, hh.ID, ty.Type.ID, he.Can[i], want)
				}
				eqShort, incShort := x.Shortfall(h, i)
				if want != (eqShort.IsZero() && incShort.IsZero()) {
					t.Errorf("%d: household %s, type %s: can %v but short %s equity, %s income", n, hh.ID, ty.Type.ID, want, eqShort, incShort)
				}
			}
		}
		b, rich, save := x.Households[0], x.Households[1], x.Households[2]
		if rich.Dwellings < b.Dwellings || save.Dwellings < b.Dwellings {
			t.Errorf("%d: more income buys %d, more equity %d, base %d", n, rich.Dwellings, save.Dwellings, b.Dwellings)
		}
		for i := range x.Types {
			if b.Can[i] && (!rich.Can[i] || !save.Can[i]) {
				t.Errorf("%d: base can buy %s, a richer household cannot", n, x.Types[i].Type.ID)
			}
		}
	}
	if cans < 100 || cannots < 100 {
		t.Errorf("households could buy %d times and not %d times: choose other ranges", cans, cannots)
	}
}

// TestEconomics_Check checks the check's place (after affordability,
// before completeness) and that its message names every household with
// its count and the cheapest type's monthly costs.
func TestEconomics_Check(t *testing.T) {
	p := withEconomics(handProject(), concepts.TenureOwner,
		household("rik", "5000000", "10000000", false), household("fattig", "100000", "0", false))
	e := mustEstimate(t, p, 0)
	var ids []string
	var msg string
	for _, c := range e.Checks {
		ids = append(ids, c.ID)
		if c.ID == costing.CheckEconomics {
			if c.Status != costing.StatusInfo {
				t.Errorf("status %s, want info", c.Status)
			}
			msg = strings.ReplaceAll(c.Message(i18n.New("en")), "\u00a0", " ")
		}
	}
	a, x, c := slices.Index(ids, costing.CheckAffordability), slices.Index(ids, costing.CheckEconomics), slices.Index(ids, costing.CheckCompleteness)
	if !(a >= 0 && x == a+1 && c == x+1) {
		t.Errorf("check order %v", ids)
	}
	ec := e.Economics
	cheap := ec.Cheapest()
	for _, want := range []string{
		"H rik: 9 of 9 dwellings", "H fattig: none of 9 dwellings",
		"Mini flat", i18n.New("en").NOK(ec.Types[cheap].Monthly.Decimal()), i18n.New("en").NOK(ec.Types[cheap].MonthlyStress.Decimal()),
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if ec.Types[cheap].Type.ID != "mini" || ec.Types[cheap].SalePrice >= ec.Types[0].SalePrice {
		t.Errorf("cheapest = %s", ec.Types[cheap].Type.ID)
	}
	if got := ec.TypeIDs(0); !slices.Equal(got, []string{"hus", "mini"}) {
		t.Errorf("TypeIDs(rik) = %v", got)
	}
	if got := ec.TypeIDs(1); len(got) != 0 {
		t.Errorf("TypeIDs(fattig) = %v", got)
	}
}

// TestEconomics_Simulated checks that the economics follow the simulated
// cost price: WithSimulation computes them again from P50.
func TestEconomics_Simulated(t *testing.T) {
	p := withEconomics(handProject(), concepts.TenureOwner, household("a", "600000", "150000", false))
	p.Concept.Assumptions.Simulation.Iterations = 2000
	m := mustModel(t, p, 0)
	dist, err := m.Simulate(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	e0 := m.Estimate()
	e := e0.WithSimulation(dist)
	if e.Economics == e0.Economics || !e.Economics.Types[0].CostPrice.Equal(e.DwellingPrices[0].Price) ||
		e.Economics.Types[0].CostPrice.Equal(e0.Economics.Types[0].CostPrice) {
		t.Errorf("simulated economics cost price %s, dwelling price %s, deterministic %s",
			e.Economics.Types[0].CostPrice, e.DwellingPrices[0].Price, e0.Economics.Types[0].CostPrice)
	}
}
