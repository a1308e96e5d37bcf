package ui

import (
	"strings"

	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// econField is one entry of the economics assumptions, bound to a value
// of the economics section that may be left out: an empty entry leaves
// it out, and its placeholder shows the default the estimate then uses.
type econField struct {
	entry *formEntry
	// text returns the model's value as the entry shows it ("" when left out).
	text func(ec *concepts.Economics) string
	// check parses the entry's text without changing anything.
	check func(s string) error
	// set parses s and stores it in ec.
	set func(ec *concepts.Economics, s string) error
}

// econItem makes a form row with the label and help text of key.
func (s *economicsScreen) econItem(key string, f *econField) *widget.FormItem {
	it := widget.NewFormItem(s.l.T(key), f.entry)
	if hint := key + ".hint"; s.l.Has(hint) {
		it.HintText = s.l.T(hint)
	}
	return it
}

// bindEcon creates the entry of a field and wires it to the editor.
func (s *economicsScreen) bindEcon(key string, placeholder string, f *econField) *econField {
	f.entry = newFormEntry()
	f.entry.PlaceHolder = placeholder
	f.entry.Validator = f.check
	f.entry.onFocusLost = func() { s.onEconFocusLost(f) }
	f.entry.OnChanged = func(text string) {
		if s.loading || f.check(text) != nil {
			return
		}
		if err := s.ed.setEconomics(key, func(ec *concepts.Economics) error { return f.set(ec, text) }); err != nil {
			f.entry.SetValidationError(err)
		}
	}
	f.entry.OnSubmitted = func(string) { s.ed.breakMerge() }
	s.fields = append(s.fields, f)
	return f
}

// onEconFocusLost ends the field's undo step and shows the model's value
// the way the form writes it; a text the field refused gives way to the
// value the estimate computes with.
func (s *economicsScreen) onEconFocusLost(f *econField) {
	s.ed.breakMerge()
	ec := s.ed.concept().Economics
	if ec == nil {
		return
	}
	if want := f.text(ec); f.entry.Text != want {
		s.loading = true
		f.entry.SetText(want)
		s.loading = false
	}
}

// decimalField is an optional number within lim; def is its default (nil
// when leaving it out means none, as for the market value).
func (s *economicsScreen) decimalField(key string, lim concepts.Limit, def *decimal.Decimal,
	get func(*concepts.Economics) *decimal.Decimal, put func(*concepts.Economics, *decimal.Decimal)) *econField {
	parse := func(t string) (*decimal.Decimal, error) { return s.in.optional(t, s.in.limit(lim)) }
	placeholder := s.l.T("panel.economics.no_value")
	if def != nil {
		placeholder = s.in.text(*def)
	}
	return s.bindEcon(key, placeholder, &econField{
		text:  func(ec *concepts.Economics) string { return s.in.optText(get(ec)) },
		check: func(t string) error { _, err := parse(t); return err },
		set: func(ec *concepts.Economics, t string) error {
			d, err := parse(t)
			if err != nil {
				return err
			}
			put(ec, d)
			return nil
		},
	})
}

// yearsField is an optional loan term in whole years, def by default.
func (s *economicsScreen) yearsField(key string, def int, get func(*concepts.Economics) *int, put func(*concepts.Economics, *int)) *econField {
	parse := func(t string) (*int, error) {
		if clean(t) == "" {
			return nil, nil
		}
		n, err := s.in.whole(t, concepts.LimitLoanYears)
		if err != nil {
			return nil, err
		}
		return &n, nil
	}
	return s.bindEcon(key, s.in.text(decimalInt(def)), &econField{
		text: func(ec *concepts.Economics) string {
			if y := get(ec); y != nil {
				return s.in.text(decimalInt(*y))
			}
			return ""
		},
		check: func(t string) error { _, err := parse(t); return err },
		set: func(ec *concepts.Economics, t string) error {
			n, err := parse(t)
			if err != nil {
				return err
			}
			put(ec, n)
			return nil
		},
	})
}

// loanOf returns ec's loan block, made when it has none (on the editor's
// copy of the concept only).
func loanOf(ec *concepts.Economics) *concepts.Loan {
	if ec.Loan == nil {
		ec.Loan = &concepts.Loan{}
	}
	return ec.Loan
}

// loanIn returns ec's loan block, empty when it has none, without
// changing ec.
func loanIn(ec *concepts.Economics) concepts.Loan {
	if ec.Loan == nil {
		return concepts.Loan{}
	}
	return *ec.Loan
}

// coopOf returns ec's cooperative block, made when it has none.
func coopOf(ec *concepts.Economics) *concepts.CooperativeLoan {
	if ec.Cooperative == nil {
		ec.Cooperative = &concepts.CooperativeLoan{}
	}
	return ec.Cooperative
}

// coopIn returns ec's cooperative block, empty when it has none.
func coopIn(ec *concepts.Economics) concepts.CooperativeLoan {
	if ec.Cooperative == nil {
		return concepts.CooperativeLoan{}
	}
	return *ec.Cooperative
}

// buildFields makes the assumption fields: the section's own values, the
// loan's and the cooperative's, in the format's order.
func (s *economicsScreen) buildFields() (general, loan, coop *widget.Form) {
	pct := concepts.LimitPercent
	general = widget.NewForm(
		widget.NewFormItem(s.l.T("panel.economics.tenure"), s.tenure),
		s.econItem("panel.economics.margin", s.decimalField("margin", pct, &concepts.DefaultDeveloperMarginPercent,
			func(ec *concepts.Economics) *decimal.Decimal { return ec.DeveloperMarginPercent },
			func(ec *concepts.Economics, d *decimal.Decimal) { ec.DeveloperMarginPercent = d })),
		s.econItem("panel.economics.sales", s.decimalField("sales", pct, &concepts.DefaultSalesCostsPercent,
			func(ec *concepts.Economics) *decimal.Decimal { return ec.SalesCostsPercent },
			func(ec *concepts.Economics, d *decimal.Decimal) { ec.SalesCostsPercent = d })),
		s.econItem("panel.economics.market", s.decimalField("market", concepts.LimitMarketValue, nil,
			func(ec *concepts.Economics) *decimal.Decimal { return ec.MarketValuePerM2 },
			func(ec *concepts.Economics, d *decimal.Decimal) { ec.MarketValuePerM2 = d })),
		s.econItem("panel.economics.operating", s.decimalField("operating", concepts.LimitOperating, &concepts.DefaultOperatingPerM2Year,
			func(ec *concepts.Economics) *decimal.Decimal { return ec.OperatingPerM2Year },
			func(ec *concepts.Economics, d *decimal.Decimal) { ec.OperatingPerM2Year = d })),
	)
	loanField := func(key string, lim concepts.Limit, def decimal.Decimal, ref func(a *concepts.Loan) **decimal.Decimal) *widget.FormItem {
		return s.econItem("panel.economics."+key, s.decimalField("loan."+key, lim, &def,
			func(ec *concepts.Economics) *decimal.Decimal { a := loanIn(ec); return *ref(&a) },
			func(ec *concepts.Economics, d *decimal.Decimal) { *ref(loanOf(ec)) = d }))
	}
	loan = widget.NewForm(
		loanField("rate", pct, concepts.DefaultLoanRatePercent, func(a *concepts.Loan) **decimal.Decimal { return &a.RatePercent }),
		s.econItem("panel.economics.years", s.yearsField("loan.years", concepts.DefaultLoanYears,
			func(ec *concepts.Economics) *int { return loanIn(ec).Years },
			func(ec *concepts.Economics, n *int) { loanOf(ec).Years = n })),
		loanField("stress_add", pct, concepts.DefaultStressAddPoints, func(a *concepts.Loan) **decimal.Decimal { return &a.StressAddPoints }),
		loanField("stress_min", pct, concepts.DefaultStressMinPercent, func(a *concepts.Loan) **decimal.Decimal { return &a.StressMinPercent }),
		loanField("equity_pct", pct, concepts.DefaultEquityPercent, func(a *concepts.Loan) **decimal.Decimal { return &a.EquityPercent }),
		loanField("dti", concepts.LimitDebtToIncome, concepts.DefaultDebtToIncome, func(a *concepts.Loan) **decimal.Decimal { return &a.DebtToIncome }),
		loanField("startlan_pct", pct, concepts.DefaultStartlanEquityPercent, func(a *concepts.Loan) **decimal.Decimal { return &a.StartlanEquityPercent }),
	)
	coopField := func(key string, def decimal.Decimal, ref func(k *concepts.CooperativeLoan) **decimal.Decimal) *widget.FormItem {
		return s.econItem("panel.economics."+key, s.decimalField("cooperative."+key, pct, &def,
			func(ec *concepts.Economics) *decimal.Decimal { k := coopIn(ec); return *ref(&k) },
			func(ec *concepts.Economics, d *decimal.Decimal) { *ref(coopOf(ec)) = d }))
	}
	coop = widget.NewForm(
		coopField("common_debt_pct", concepts.DefaultCommonDebtPercent, func(k *concepts.CooperativeLoan) **decimal.Decimal { return &k.CommonDebtPercent }),
		coopField("coop_rate", concepts.DefaultCooperativeRatePercent, func(k *concepts.CooperativeLoan) **decimal.Decimal { return &k.RatePercent }),
		s.econItem("panel.economics.coop_years", s.yearsField("cooperative.years", concepts.DefaultCooperativeYears,
			func(ec *concepts.Economics) *int { return coopIn(ec).Years },
			func(ec *concepts.Economics, n *int) { coopOf(ec).Years = n })),
	)
	return general, loan, coop
}

// refreshFields shows the model's values. Entries whose text already
// means the model's value keep it (the user is typing) unless force is set.
func (s *economicsScreen) refreshFields(force bool) {
	ec := s.ed.concept().Economics
	for _, f := range s.fields {
		want := ""
		if ec != nil {
			want = f.text(ec)
		}
		if f.entry.Text == want {
			continue
		}
		if !force && ec != nil && f.check(f.entry.Text) == nil {
			probe := ec.Clone()
			if f.set(probe, f.entry.Text) == nil && f.text(probe) == want {
				continue
			}
		}
		f.entry.SetText(want)
	}
}

// tenureName is the name of tenure t in the window's language.
func (s *economicsScreen) tenureName(t concepts.Tenure) string {
	if t == "" {
		t = concepts.TenureOwner
	}
	return s.l.T("panel.economics.tenure." + strings.ToLower(string(t)))
}
