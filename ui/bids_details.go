package ui

import (
	"strings"

	"fyne.io/fyne/v2/theme"
)

// refreshDetails shows the chosen bid: the tenderer's fields, whether it
// is abnormally low, its arithmetic errors with both figures, its
// unbalanced lines and its reservations.
func (s *bidsScreen) refreshDetails() {
	l := s.l
	ev := s.shown()
	if ev == nil || s.chosen < 0 || s.chosen >= len(ev.Bids) {
		s.details.SetText(l.T("ui.bids.detail.choose"))
		return
	}
	b := ev.Bids[s.chosen]
	parts := []string{l.T("ui.bids.detail.head", bidName(b.Bid), baseName(b.File))}
	if b.OrgNo != "" || b.Date != "" {
		parts = append(parts, l.T("ui.bids.detail.orgno", dash(b.OrgNo), dash(b.Date)))
	}
	if b.AbnormallyLow {
		parts = append(parts, l.T("ui.bids.detail.low"))
	}
	if len(b.ArithmeticErrors) > 0 {
		parts = append(parts, l.T("ui.bids.detail.arith", strings.Join(s.arithTexts(b), "; ")))
	}
	if len(b.Unbalanced) > 0 {
		parts = append(parts, l.T("ui.bids.detail.unbalanced", strings.Join(s.lineNames(b.Unbalanced), "; ")))
	}
	if b.Reservations != "" {
		parts = append(parts, l.T("ui.bids.detail.reservations", b.Reservations))
	}
	if !b.AbnormallyLow && len(b.ArithmeticErrors) == 0 && len(b.Unbalanced) == 0 && b.Reservations == "" {
		parts = append(parts, l.T("ui.bids.detail.clean"))
	}
	s.details.SetText(strings.Join(parts, "\n"))
}

// dash is s, or a dash when it is empty.
func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// refreshChart draws the estimate and the bids in rank order, the
// abnormally low ones in the error colour.
func (s *bidsScreen) refreshChart() {
	ev := s.shown()
	if ev == nil {
		s.chart.SetBars(nil)
		return
	}
	l := s.l
	bars := []chartBar{{
		Label: l.T("ui.bids.chart_estimate"), Value: ev.Estimate.InexactFloat64(),
		Text: l.NOK(ev.Estimate), Color: theme.ColorNameDisabled,
	}}
	for _, k := range s.order {
		b := ev.Bids[k]
		bar := chartBar{
			Label: l.T("ui.bids.chart_bid", b.Rank, bidName(b.Bid)),
			Value: b.Total.InexactFloat64(),
			Text:  l.T("ui.bids.chart_value", l.NOK(b.Total), l.PercentFixed(b.PercentOfEstimate, 1)),
		}
		if b.AbnormallyLow {
			bar.Color = theme.ColorNameError
		}
		bars = append(bars, bar)
	}
	s.chart.SetBars(bars)
}
