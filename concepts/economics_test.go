package concepts

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// economicsBlock is an economics section put before the variants of the
// test concept (testdata/concept.yaml), whose "variants:" is on line 27:
// the section takes lines 27-35.
const economicsBlock = `economics:
  tenure: cooperative
  developer_margin_percent: 8
  market_value_per_m2: 42000
  loan: {rate_percent: 5.5, years: 30}
  cooperative: {common_debt_percent: 60}
  households:
    - {id: forstegang, name: {nb: Førstegangskjøper, en: First-time buyer}, income: 600000, equity: 150000}
    - {id: senior, name: {nb: Senior 60+, en: Senior 60+}, income: 500000, equity: 2500000, startlan: true}
variants:
`

// withEconomics returns the test concept with economicsBlock.
func withEconomics(tb testing.TB) string {
	tb.Helper()
	return edit(tb, MustRead(tb, "concept.yaml"), "variants:\n", economicsBlock)
}

func TestDecodeConcept_Economics(t *testing.T) {
	c, err := DecodeConcept("konsept.yaml", []byte(withEconomics(t)))
	if err != nil {
		t.Fatal(err)
	}
	e := c.Economics
	if e == nil || len(e.Households) != 2 {
		t.Fatalf("economics not decoded: %+v", e)
	}
	h := e.Households[1]
	if h.ID != "senior" || h.Name.In("en") != "Senior 60+" || !h.Income.Equal(decimal.NewFromInt(500000)) ||
		!h.Equity.Equal(decimal.NewFromInt(2500000)) || !h.Startlan || e.Households[0].Startlan {
		t.Errorf("household 2 = %+v", h)
	}
	// Given keys keep their values; every other key takes its own default,
	// loan and cooperative key by key.
	terms := e.Terms()
	for _, tt := range []struct {
		name      string
		got, want decimal.Decimal
	}{
		{"developer_margin_percent", terms.DeveloperMarginPercent, decimal.NewFromInt(8)},
		{"sales_costs_percent", terms.SalesCostsPercent, decimal.NewFromInt(3)},
		{"market_value_per_m2", *terms.MarketValuePerM2, decimal.NewFromInt(42000)},
		{"operating_per_m2_year", terms.OperatingPerM2Year, decimal.NewFromInt(300)},
		{"loan.rate_percent", terms.LoanRatePercent, decimal.RequireFromString("5.5")},
		{"loan.stress_add_points", terms.StressAddPoints, decimal.NewFromInt(3)},
		{"loan.stress_min_percent", terms.StressMinPercent, decimal.NewFromInt(7)},
		{"loan.equity_percent", terms.EquityPercent, decimal.NewFromInt(10)},
		{"loan.debt_to_income", terms.DebtToIncome, decimal.NewFromInt(5)},
		{"loan.startlan_equity_percent", terms.StartlanEquityPercent, decimal.Zero},
		{"cooperative.common_debt_percent", terms.CommonDebtPercent, decimal.NewFromInt(60)},
		{"cooperative.rate_percent", terms.CooperativeRatePercent, decimal.NewFromInt(5)},
	} {
		if !tt.got.Equal(tt.want) {
			t.Errorf("%s = %s, want %s", tt.name, tt.got, tt.want)
		}
	}
	if terms.LoanYears != 30 || terms.CooperativeYears != 40 || terms.Tenure != TenureCooperative {
		t.Errorf("years %d/%d, tenure %q", terms.LoanYears, terms.CooperativeYears, terms.Tenure)
	}
	if got := c.TenureOf(0); got != TenureCooperative {
		t.Errorf("TenureOf(0) = %q, want cooperative", got)
	}
}

func TestEconomics_TermsDefaults(t *testing.T) {
	// A section with only households: every default, owner tenure, no
	// market value.
	terms := (&Economics{Households: []Household{{ID: "a"}}}).Terms()
	if terms.Tenure != TenureOwner || terms.MarketValuePerM2 != nil || terms.LoanYears != 30 || terms.CooperativeYears != 40 ||
		!terms.LoanRatePercent.Equal(decimal.RequireFromString("5.5")) || !terms.DebtToIncome.Equal(decimal.NewFromInt(5)) {
		t.Errorf("defaults: %+v", terms)
	}
	zero := 0
	c := &Concept{Variants: []Variant{{Name: "A"}, {Name: "B", Tenure: TenureCooperative}}}
	if got := c.TenureOf(0); got != "" {
		t.Errorf("TenureOf without economics = %q, want \"\"", got)
	}
	c.Economics = &Economics{Loan: &Loan{Years: &zero}}
	if got, got1 := c.TenureOf(0), c.TenureOf(1); got != TenureOwner || got1 != TenureCooperative {
		t.Errorf("TenureOf = %q, %q; want owner, cooperative", got, got1)
	}
	if got := c.Economics.Terms().LoanYears; got != 0 {
		t.Errorf("an explicit 0 years is kept (validation refuses it): got %d", got)
	}
}

func TestBadInputEconomics(t *testing.T) {
	con := withEconomics(t)
	tests := []struct {
		name      string
		input     string
		line, col int    // position of the expected error (0: none)
		msg       string // part of the expected error's message
	}{
		{"valid", con, 0, 0, ""},
		{"negative income", edit(t, con, "income: 600000", "income: -1"),
			34, 85, `economics: household "forstegang": income -1 is below 0`},
		{"negative equity", edit(t, con, "equity: 2500000", "equity: -2500000"),
			35, 84, `household "senior": equity -2500000 is below 0`},
		{"margin above 100", edit(t, con, "developer_margin_percent: 8", "developer_margin_percent: 108"),
			29, 29, `economics: developer_margin_percent 108 is out of range: a percentage from 0 to 100`},
		{"negative rate", edit(t, con, "rate_percent: 5.5", "rate_percent: -0.5"),
			31, 24, `economics: loan: rate_percent -0.5 is out of range`},
		{"common debt above 100", edit(t, con, "common_debt_percent: 60", "common_debt_percent: 160"),
			32, 38, `cooperative: common_debt_percent 160 is out of range`},
		{"years 0", edit(t, con, "years: 30", "years: 0"),
			31, 36, `economics: loan: years 0 is out of range 1 to 60`},
		{"years 61", edit(t, con, "{common_debt_percent: 60}", "{common_debt_percent: 60, years: 61}"),
			32, 49, `cooperative: years 61 is out of range 1 to 60`},
		{"years 60", edit(t, con, "years: 30", "years: 60"), 0, 0, ""},
		{"debt to income 0", edit(t, con, "years: 30}", "years: 30, debt_to_income: 0}"),
			31, 56, `loan: debt_to_income 0 must be above 0`},
		{"debt to income negative", edit(t, con, "years: 30}", "years: 30, debt_to_income: -5}"),
			31, 56, `debt_to_income -5 must be above 0`},
		{"debt to income tiny", edit(t, con, "years: 30}", "years: 30, debt_to_income: 0.01}"),
			31, 56, `debt_to_income 0.01 is too small: at least 0.1`},
		{"duplicate household", edit(t, con, "{id: senior,", "{id: forstegang,"),
			35, 12, `household "forstegang": id "forstegang" is used twice`},
		{"unknown tenure", edit(t, con, "tenure: cooperative", "tenure: leie"),
			28, 11, `economics: tenure "leie" is not one of owner (selveier) and cooperative (borettslag)`},
		{"unknown variant tenure", edit(t, con, "  - name: A - 24 boliger\n", "  - name: A - 24 boliger\n    tenure: andel\n"),
			39, 13, `variant "A - 24 boliger": tenure "andel" is not one of owner`},
		{"variant tenure without economics", edit(t, MustRead(t, "concept.yaml"), "  - name: A - 24 boliger\n", "  - name: A - 24 boliger\n    tenure: owner\n"),
			30, 13, `variant "A - 24 boliger": tenure "owner" needs an economics section`},
		{"variant tenure", edit(t, con, "  - name: A - 24 boliger\n", "  - name: A - 24 boliger\n    tenure: owner\n"), 0, 0, ""},
		{"no households", edit(t, con, "  households:\n    - {id: forstegang, name: {nb: Førstegangskjøper, en: First-time buyer}, income: 600000, equity: 150000}\n    - {id: senior, name: {nb: Senior 60+, en: Senior 60+}, income: 500000, equity: 2500000, startlan: true}\n", "  households: []\n"),
			33, 15, `economics: households is empty`},
		{"households missing", edit(t, con, "  households:\n    - {id: forstegang, name: {nb: Førstegangskjøper, en: First-time buyer}, income: 600000, equity: 150000}\n    - {id: senior, name: {nb: Senior 60+, en: Senior 60+}, income: 500000, equity: 2500000, startlan: true}\n", ""),
			28, 3, `economics: missing required field "households"`},
		{"unknown loan key", edit(t, con, "years: 30}", "years: 30, stress_points: 3}"),
			31, 40, `economics: loan: unknown field "stress_points"`},
		{"income as text", edit(t, con, "income: 600000", "income: mye"),
			34, 85, `household "forstegang": income: needs a number such as 12.5, not "mye"`},
		{"startlan not a bool", edit(t, con, "startlan: true", "startlan: ja"),
			35, 103, `household "senior": startlan: needs true or false, not "ja"`},
		{"household name too long", edit(t, con, "{nb: Senior 60+, en: Senior 60+}", "{nb: Senior 60+, en: "+strings.Repeat("x", 201)+"}"),
			35, 47, `en has 201 characters; at most 200 are allowed`},
		{"control character in a household name", edit(t, con, "{nb: Senior 60+, en: Senior 60+}", `{nb: "Senior\u0007", en: Senior 60+}`),
			35, 31, `nb has a control character ("\a")`},
		{"household without a name", edit(t, con, "{nb: Senior 60+, en: Senior 60+}", "{}"),
			35, 26, `household "senior": name is empty`},
		{"market value negative", edit(t, con, "market_value_per_m2: 42000", "market_value_per_m2: -42000"),
			30, 24, `market_value_per_m2 -42000 is below 0`},
		{"market value too large", edit(t, con, "market_value_per_m2: 42000", "market_value_per_m2: 420000000"),
			30, 24, `market_value_per_m2 420000000 is too large: at most 10000000`},
		{"income too large", edit(t, con, "income: 600000", "income: 6000000000"),
			34, 85, `income 6000000000 is too large: at most 1000000000`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeConcept("konsept.yaml", []byte(tt.input))
			if tt.msg == "" {
				if err != nil {
					t.Fatalf("want no error, got:\n%v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("want an error with %q, got none", tt.msg)
			}
			if !hasError(err, tt.line, tt.col, tt.msg) {
				t.Errorf("want an error at %d:%d with %q, got:\n%v", tt.line, tt.col, tt.msg, err)
			}
			checkLocalized(t, err)
		})
	}
}

func TestEncodeConcept_EconomicsRoundTrip(t *testing.T) {
	orig := []byte(edit(t, withEconomics(t), "  - name: A - 24 boliger\n", "  - name: A - 24 boliger\n    tenure: owner\n"))
	c1, err := DecodeConcept("konsept.yaml", orig)
	if err != nil {
		t.Fatal(err)
	}
	for _, original := range [][]byte{nil, orig} {
		out, err := EncodeConcept(c1, original)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := DecodeConcept("saved.yaml", out)
		if err != nil {
			t.Fatalf("saved concept does not load: %v\n%s", err, out)
		}
		if !equalDocs(c1, c2) {
			t.Errorf("load → save → load changed the concept:\n%s", out)
		}
		s := string(out)
		// The small records are written in flow style, only the keys that
		// were given, and economics stands between the assumptions and the
		// variants; a variant's tenure right after its name.
		for _, want := range []string{
			"economics:\n  tenure: cooperative\n  developer_margin_percent: 8\n  market_value_per_m2: 42000\n  loan: {rate_percent: 5.5, years: 30}\n  cooperative: {common_debt_percent: 60}\n  households:\n",
			"    - {id: senior, name: {en: Senior 60+, nb: Senior 60+}, income: 500000, equity: 2500000, startlan: true}\n",
			"    - {id: forstegang, name: {en: First-time buyer, nb: Førstegangskjøper}, income: 600000, equity: 150000}\n",
			"  - name: A - 24 boliger\n    tenure: owner\n",
		} {
			if !strings.Contains(s, want) {
				t.Errorf("saved file lacks %q:\n%s", want, s)
			}
		}
		if strings.Index(s, "economics:") > strings.Index(s, "\nvariants:") || strings.Index(s, "economics:") < strings.Index(s, "assumptions:") {
			t.Errorf("economics is not between assumptions and variants:\n%s", s)
		}
	}
}

func TestConcept_CloneEconomics(t *testing.T) {
	c, err := DecodeConcept("konsept.yaml", []byte(withEconomics(t)))
	if err != nil {
		t.Fatal(err)
	}
	cp := c.Clone()
	if !equalDocs(c, cp) {
		t.Fatal("clone differs")
	}
	// Changing every part of the copy leaves the original as it was.
	*cp.Economics.MarketValuePerM2 = decimal.NewFromInt(1)
	*cp.Economics.Loan.RatePercent = decimal.NewFromInt(1)
	*cp.Economics.Loan.Years = 1
	*cp.Economics.Cooperative.CommonDebtPercent = decimal.NewFromInt(1)
	cp.Economics.Households[0].Name["nb"] = "Endret"
	cp.Economics.Households[1].Income = decimal.NewFromInt(1)
	cp.Economics.Tenure = TenureOwner
	orig, _ := DecodeConcept("konsept.yaml", []byte(withEconomics(t)))
	if !equalDocs(c, orig) {
		t.Error("changing the clone changed the original")
	}
}
