package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// reportWidth is the width of the text report in characters.
const reportWidth = 72

// writeReport prints the readable estimate of one variant: quantities,
// areas, density, the NS 3453 posts with their subtotals, key figures and
// checks. Every figure is the estimate's, formatted for the locale.
func writeReport(w io.Writer, l *i18n.Locale, p *concepts.Project, e *costing.Estimate) {
	r := &reporter{w: w, l: l}
	c := p.Concept
	r.title(fmt.Sprintf("%s — %s", c.Name, e.Variant))
	muni := c.Municipality
	if m := p.Catalogue.Municipality(c.Municipality); m != nil {
		muni = m.Name
	}
	r.pair(l.T("cli.report.municipality"), muni)
	r.pair(l.T("cli.report.catalogue"), fmt.Sprintf("%s (%s)", p.Catalogue.Name, l.T("cli.report.price_level", e.PriceLevel)))
	pb := "–"
	if e.PriceBook != "" {
		pb = e.PriceBook
	}
	r.pair(l.T("cli.report.pricebook"), pb)
	r.pair(l.T("cli.report.revision"), strings.TrimSpace(c.Revision.ID+" "+c.Revision.Date+" "+c.Revision.Note))

	r.heading(l.T("cli.report.quantities"))
	r.row(l.T("cli.figure.dwellings"), l.Int(int64(e.Dwellings)))
	r.row(l.T("cli.figure.persons"), l.Int(int64(e.Persons)))
	r.row(l.T("cli.figure.bedrooms"), l.Int(int64(e.Bedrooms)))
	r.row(l.T("cli.figure.parking_spaces"), l.Int(int64(e.ParkingSpaces)))

	r.heading(l.T("cli.report.units"))
	for _, ln := range e.Lines {
		r.row(fmt.Sprintf("%s × %s", l.Int(int64(ln.Count)), ln.Type.Name.In(l.Lang())), fmt.Sprintf("%12s %16s", l.Area(ln.Area.BRA), l.NOK(ln.Cost)))
	}

	r.heading(l.T("cli.report.areas"))
	r.row("BTA", l.Area(e.Area.BTA))
	r.row("BRA", l.Area(e.Area.BRA))
	r.row("BRA-i / BRA-e / BRA-b", fmt.Sprintf("%s / %s / %s", l.Number(e.Area.BRAi, 1), l.Number(e.Area.BRAe, 1), l.Number(e.Area.BRAb, 1)))
	r.row("TBA", l.Area(e.Area.TBA))
	r.row(l.T("cli.figure.bya_incl_parking"), l.Area(e.Area.BYA))

	r.heading(l.T("cli.report.density"))
	r.row("%-BYA", l.Percent(e.Density.BYAPercent, 1))
	r.row("%-BRA", l.Percent(e.Density.BRAPercent, 1))
	r.row(l.T("cli.figure.dwellings_per_daa"), l.Number(e.Density.DwellingsPerDaa, 2))
	r.row(l.T("cli.figure.mua_per_dwelling"), optional(e.Density.MUAPerDwelling, l.Area))

	r.heading(l.T("cli.report.costs"))
	for _, s := range e.Summary() {
		if s.Post > 0 {
			r.row(fmt.Sprintf("%2d %s", s.Post, l.T("post."+strconv.Itoa(s.Post))), l.NOK(s.Amount))
		} else {
			r.total(l.T("total."+s.Subtotal.Key), l.NOK(s.Amount))
		}
	}

	r.heading(l.T("cli.report.uncertainty"))
	if e.P50 == nil {
		r.row("P50 / P85", l.T("cli.report.not_simulated"))
	} else {
		r.row("P50", l.NOK(*e.P50))
		r.row("P85", l.NOK(*e.P85))
		r.row(l.T("cli.report.iterations"), l.T("cli.report.iterations_seed", e.Distribution.Iterations, strconv.FormatUint(e.Distribution.Seed, 10)))
	}

	r.heading(l.T("cli.report.key_figures"))
	r.row(l.T("cli.figure.kostnadsramme_per_dwelling"), optional(e.PerDwelling.Kostnadsramme, l.NOK))
	r.row(l.T("cli.figure.prosjektkostnad_per_dwelling"), optional(e.PerDwelling.Prosjektkostnad, l.NOK))
	r.row(l.T("cli.figure.kostnadsramme_per_m2_bra"), optional(e.PerM2BRAKostnadsramme, l.NOK))
	r.row(l.T("cli.figure.affordable_dwellings"), l.T("cli.figure.affordable_of", e.AffordableDwellings, e.Dwellings))
	for _, dp := range e.DwellingPrices {
		r.row("  "+l.T("cli.report.price_of", dp.Type.Name.In(l.Lang())), l.NOK(dp.Price))
	}
	r.row(l.T("cli.figure.carbon"), optional(e.CarbonKgPerM2BRA, func(d decimal.Decimal) string { return l.Number(d, 0) + " kg CO₂e/m²" }))

	if e.Economics != nil {
		r.economics(e.Economics)
	}

	r.heading(l.T("cli.report.checks"))
	for _, ch := range e.Checks {
		fmt.Fprintf(w, "  %-9s %s\n", "["+l.T("status."+string(ch.Status))+"]", ch.Message(l))
	}
}

// economics prints the buyer economics: each dwelling type's prices,
// what a buyer needs and pays a month, the subsidy gap, and what each
// household can buy.
func (r *reporter) economics(x *costing.Economics) {
	l := r.l
	r.heading(l.T("cli.economics.heading", l.T("cli.economics.tenure."+string(x.Tenure))))
	nok := func(k costing.Kroner) string { return l.NOK(k.Decimal()) }
	sub := func(label, value string) { r.line("    ", label, value) }
	for _, t := range x.Types {
		r.row(fmt.Sprintf("%s × %s", l.Int(int64(t.Count)), t.Type.Name.In(l.Lang())), l.T("cli.economics.bra", l.Area(t.BRA)))
		sub(l.T("cli.economics.cost_price"), l.NOK(t.CostPrice))
		sub(l.T("cli.economics.sale_price"), nok(t.SalePrice))
		if x.HasMarketValue {
			sub(l.T("cli.economics.market_value"), nok(t.MarketValue))
			sub(l.T("cli.economics.gap"), nok(t.Gap))
		}
		sub(l.T("cli.economics.equity_needed"), nok(t.EquityNeeded))
		sub(l.T("cli.economics.income_needed"), nok(t.IncomeNeeded))
		if x.Tenure == concepts.TenureCooperative {
			sub(l.T("cli.economics.common_debt"), nok(t.CommonDebt))
		}
		sub(l.T("cli.economics.monthly"), l.T("cli.economics.monthly_value", nok(t.Monthly), nok(t.MonthlyStress)))
	}
	if x.HasMarketValue {
		r.total(l.T("cli.economics.subsidy_gap"), nok(x.SubsidyGap))
	}
	fmt.Fprintf(r.w, "  %s\n", l.T("cli.economics.households"))
	dwellings := 0
	for _, t := range x.Types {
		dwellings += t.Count
	}
	for _, h := range x.Households {
		var names []string
		for j, ok := range h.Can {
			if ok {
				names = append(names, x.Types[j].Type.Name.In(l.Lang()))
			}
		}
		what := l.T("cli.economics.none")
		if len(names) > 0 {
			what = l.List(names)
		}
		name := h.Household.Name.In(l.Lang())
		if h.Household.Startlan {
			name = l.T("cli.economics.with_startlan", name)
		}
		sub(name+": "+what, l.T("cli.economics.can_buy", h.Dwellings, dwellings))
	}
}

// optional formats d, or a dash when it is nil (a figure that does not apply).
func optional(d *decimal.Decimal, format func(decimal.Decimal) string) string {
	if d == nil {
		return "–"
	}
	return format(*d)
}

// reporter lays out the text report: labels left, figures right-aligned.
type reporter struct {
	w io.Writer
	l *i18n.Locale
}

func (r *reporter) title(s string) {
	fmt.Fprintln(r.w, s)
	fmt.Fprintln(r.w, strings.Repeat("=", min(reportWidth, utf8.RuneCountInString(s))))
}

func (r *reporter) heading(s string) {
	fmt.Fprintf(r.w, "\n%s\n", s)
}

func (r *reporter) pair(label, value string) {
	fmt.Fprintf(r.w, "%-14s %s\n", label+":", value)
}

func (r *reporter) row(label, value string) {
	r.line("  ", label, value)
}

func (r *reporter) total(label, value string) {
	r.line("  = ", label, value)
}

func (r *reporter) line(indent, label, value string) {
	pad := reportWidth - utf8.RuneCountInString(indent+label) - utf8.RuneCountInString(value)
	if pad < 1 {
		pad = 1
	}
	fmt.Fprintf(r.w, "%s%s%s%s\n", indent, label, strings.Repeat(" ", pad), value)
}

// writeCatalogue lists a catalogue's families and unit types.
func writeCatalogue(w io.Writer, l *i18n.Locale, cat *concepts.Catalogue) {
	r := &reporter{w: w, l: l}
	r.title(cat.Name)
	r.pair(l.T("cli.catalogue.price_level"), cat.PriceLevel)
	r.pair(l.T("cli.catalogue.source"), cat.Path)
	for _, f := range cat.Families {
		r.heading(fmt.Sprintf("%s (%s, %s)", f.Name, f.ID, l.T("setting."+string(f.Setting))))
		if s := f.Summary.In(l.Lang()); s != "" {
			fmt.Fprintf(w, "  %s\n", s)
		}
		for _, ut := range cat.UnitTypes {
			if ut.Family != f.ID {
				continue
			}
			fmt.Fprintf(w, "  %-24s %-28s %-13s %s\n", ut.ID, ut.Name.In(l.Lang()), l.T("kind."+string(ut.Kind)), l.T("cli.catalogue.bra_bta", l.Number(ut.Area.BRA(), 1), l.Number(ut.Area.BTA, 1)))
		}
	}
	r.heading(l.T("cli.catalogue.site_items"))
	for _, si := range cat.SiteItems {
		fmt.Fprintf(w, "  %-24s %-34s %s  %s/%s\n", si.ID, si.Name.In(l.Lang()), si.Account, l.NOK(si.Rate.Likely), l.T("unit."+string(si.Unit)))
	}
	r.heading(l.T("cli.catalogue.municipalities"))
	for _, m := range cat.Municipalities {
		fmt.Fprintf(w, "  %-12s %-12s %s\n", m.ID, m.Name, strings.Join(m.Items, ", "))
	}
}
