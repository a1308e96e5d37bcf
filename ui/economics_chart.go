package ui

import (
	"fyne.io/fyne/v2/theme"
)

// refreshChart draws the monthly cost of each dwelling type beside what
// each household can carry (costing's Economics.Carry: the payment on the
// largest loan it may get), on one scale, so that a household's bar
// reaching past a type's tells at a glance that the loan would carry it.
func (s *economicsScreen) refreshChart() {
	x := s.x
	if x == nil || len(x.Types) == 0 {
		s.chart.SetBars(nil)
		setText(s.chartHelp, "")
		return
	}
	l := s.l
	setText(s.chartHelp, l.T("panel.economics.chart_help", l.Number(x.Terms.DebtToIncome, 2),
		l.Percent(x.Terms.LoanRatePercent, 2), x.Terms.LoanYears))
	bars := make([]chartBar, 0, len(x.Types)+len(x.Households)+2)
	bars = append(bars, chartBar{Label: l.T("panel.economics.chart_types")})
	for i := range x.Types {
		t := &x.Types[i]
		bars = append(bars, chartBar{
			Label: "  " + s.typeName(t.Type),
			Value: float64(t.Monthly),
			Text:  l.T("panel.economics.chart_type_value", s.nok(t.Monthly), s.nok(t.MonthlyStress)),
			Color: theme.ColorNamePrimary,
		})
	}
	bars = append(bars, chartBar{Label: l.T("panel.economics.chart_households")})
	for h := range x.Households {
		bars = append(bars, chartBar{
			Label: "  " + x.Households[h].Household.Name.In(l.Lang()),
			Value: float64(x.Carry(h)),
			Text:  l.T("panel.economics.chart_carry_value", s.nok(x.Carry(h)), s.nok(x.MaxLoan(h))),
			Color: theme.ColorNameSuccess,
		})
	}
	s.chart.SetBars(bars)
}
