package tender

import (
	"fmt"
	"math"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

// matrixTypesPerTable is how many dwelling types the households × types
// matrix shows side by side; more types continue in another table.
const matrixTypesPerTable = 4

// chapterEconomics writes the report's chapter "Hvem har råd?" (buyer
// economics, docs/ESTIMATE.md "Buyer economics") when the concept has an
// economics section: the terms, then for every described variant the
// dwelling types' prices and what a buyer needs, the subsidy gap, which
// household can buy which type and why not, and the monthly costs beside
// what each household can carry. Every figure is the engine's
// (Estimate.Economics); this only formats. It is never part of the
// tenderers' document.
func (d *doc) chapterEconomics() error {
	if d.kind != kindReport || d.Project.Concept.Economics == nil {
		return nil
	}
	var first *costing.Economics
	for _, e := range d.described() {
		if e.Economics != nil {
			first = e.Economics
			break
		}
	}
	if first == nil {
		return nil
	}
	l := d.l
	ch := d.chapterHeading(l.T("tender.econ.title"))
	d.para(l.T("tender.econ.intro"))
	d.heading(1, ch+".1", l.T("tender.econ.terms"))
	d.table(d.economicsTerms(first.Terms))
	d.space(1.5)
	d.note(l.T("tender.econ.terms.note"))
	n := 2
	for _, e := range d.described() {
		x := e.Economics
		if x == nil {
			continue
		}
		d.heading(1, fmt.Sprintf("%s.%d", ch, n), e.Variant)
		n++
		d.economicsVariant(e, x)
	}
	return nil
}

// economicsTerms is the table of the terms the figures rest on.
func (d *doc) economicsTerms(t concepts.Terms) *table {
	l := d.l
	pct := func(v decimal.Decimal) string { return l.PercentFixed(v, 1) }
	market := "–"
	if t.MarketValuePerM2 != nil {
		market = l.T("tender.econ.perm2", l.NOK(*t.MarketValuePerM2))
	}
	pairs := []string{
		l.T("tender.econ.margin"), pct(t.DeveloperMarginPercent),
		l.T("tender.econ.sales"), pct(t.SalesCostsPercent),
		l.T("tender.econ.market"), market,
		l.T("tender.econ.operating"), l.T("tender.econ.perm2year", l.NOK(t.OperatingPerM2Year)),
		l.T("tender.econ.rate"), l.T("tender.econ.years", pct(t.LoanRatePercent), t.LoanYears),
		l.T("tender.econ.stress"), l.T("tender.econ.stress.value", l.Fixed(t.StressAddPoints, 1), pct(t.StressMinPercent)),
		l.T("tender.econ.equity"), pct(t.EquityPercent),
		l.T("tender.econ.dti"), l.Number(t.DebtToIncome, 2),
		l.T("tender.econ.startlan"), pct(t.StartlanEquityPercent),
		l.T("tender.econ.coop"), l.T("tender.econ.coop.value", pct(t.CommonDebtPercent),
			l.T("tender.econ.years", pct(t.CooperativeRatePercent), t.CooperativeYears)),
	}
	tb := kv(pairs...)
	tb.cols[0].w, tb.cols[1].w = 55, 60
	tb.cols[1].align = "L"
	return tb
}

// tenureText names a tenure.
func (d *doc) tenureText(t concepts.Tenure) string {
	if key := "tender.econ.tenure." + string(t); d.l.Has(key) {
		return d.l.T(key)
	}
	return string(t)
}

// economicsVariant writes one variant's buyer economics.
func (d *doc) economicsVariant(e *costing.Estimate, x *costing.Economics) {
	l := d.l
	if len(x.Types) == 0 {
		d.para(l.T("tender.econ.nodwellings"))
		return
	}
	nok := func(k costing.Kroner) string { return l.NOK(k.Decimal()) }
	market := func(k costing.Kroner) string {
		if !x.HasMarketValue {
			return "–"
		}
		return nok(k)
	}

	d.heading(2, "", l.T("tender.econ.prices"))
	pt := &table{
		cols: []col{
			{head: l.T("tender.col.unittype"), w: 44, align: "L"},
			{head: l.T("tender.col.count"), w: 12, align: "R"},
			{head: l.T("tender.econ.col.cost"), w: 28, align: "R"},
			{head: l.T("tender.econ.col.sale"), w: 28, align: "R"},
			{head: l.T("tender.econ.col.market"), w: 28, align: "R"},
			{head: l.T("tender.econ.col.gap"), w: 28, align: "R"},
		},
		zebra: true,
	}
	for _, t := range x.Types {
		pt.rows = append(pt.rows, row{cells: []string{
			d.fit(t.Type.Name.In(d.lang), nameW), l.Int(int64(t.Count)), l.NOK(t.CostPrice), nok(t.SalePrice),
			market(t.MarketValue), market(t.Gap),
		}})
	}
	pt.rows = append(pt.rows, row{kind: rowTotal, cells: []string{
		l.T("tender.econ.gap.total"), l.Int(int64(e.Dwellings)), "", "", "", market(x.SubsidyGap),
	}})
	d.table(pt)
	d.space(1)
	gap := l.T("tender.econ.gap.note")
	if !x.HasMarketValue {
		gap = l.T("tender.econ.nomarket")
	}
	d.note(l.T("tender.econ.tenure.text", d.tenureText(x.Tenure)) + " " + gap)

	d.heading(2, "", l.T("tender.econ.buyer"))
	bt := &table{
		cols: []col{
			{head: l.T("tender.col.unittype"), w: 40, align: "L"},
			{head: l.T("tender.econ.col.equity"), w: 26, align: "R"},
			{head: l.T("tender.econ.col.income"), w: 26, align: "R"},
			{head: l.T("tender.econ.col.commondebt"), w: 26, align: "R"},
			{head: l.T("tender.econ.col.monthly"), w: 24, align: "R"},
			{head: l.T("tender.econ.col.stress"), w: 26, align: "R"},
		},
		zebra: true,
	}
	for _, t := range x.Types {
		bt.rows = append(bt.rows, row{cells: []string{
			d.fit(t.Type.Name.In(d.lang), nameW), nok(t.EquityNeeded), nok(t.IncomeNeeded), nok(t.CommonDebt),
			nok(t.Monthly), nok(t.MonthlyStress),
		}})
	}
	d.table(bt)
	d.space(1)
	note := "tender.econ.buyer.note.owner"
	if x.Tenure == concepts.TenureCooperative {
		note = "tender.econ.buyer.note.cooperative"
	}
	d.note(l.T(note))

	d.heading(2, "", l.T("tender.econ.households"))
	ht := &table{
		cols: []col{
			{head: l.T("tender.econ.col.household"), w: 48, align: "L"},
			{head: l.T("tender.econ.col.hincome"), w: 26, align: "R"},
			{head: l.T("tender.econ.col.hequity"), w: 26, align: "R"},
			{head: l.T("tender.econ.col.startlan"), w: 16, align: "L"},
			{head: l.T("tender.econ.col.carry"), w: 24, align: "R"},
			{head: l.T("tender.econ.col.can"), w: 30, align: "R"},
		},
		zebra: true,
	}
	for h, he := range x.Households {
		hh := he.Household
		ht.rows = append(ht.rows, row{cells: []string{
			d.fit(hh.Name.In(d.lang), nameW), l.NOK(hh.Income), l.NOK(hh.Equity), d.yesNo(hh.Startlan), nok(x.Carry(h)),
			l.T("tender.econ.can.value", he.Dwellings, e.Dwellings),
		}})
	}
	d.table(ht)
	d.space(1)
	d.note(l.T("tender.econ.carry.note"))

	d.heading(2, "", l.T("tender.econ.matrix"))
	for start := 0; start < len(x.Types); start += matrixTypesPerTable {
		end := min(start+matrixTypesPerTable, len(x.Types))
		d.table(d.economicsMatrix(x, start, end))
		d.space(1.5)
	}
	d.note(l.T("tender.econ.matrix.note"))

	d.heading(2, "", l.T("tender.econ.chart"))
	d.monthlyChart(x)
}

// economicsMatrix is the households × types matrix for types start to
// end: "Ja" in green where a household can buy a type, else what it lacks
// (equity, income or both, by how much) in red.
func (d *doc) economicsMatrix(x *costing.Economics, start, end int) *table {
	l := d.l
	t := &table{
		cols:  []col{{head: l.T("tender.econ.col.household"), w: 44, align: "L"}},
		zebra: true,
	}
	for i := start; i < end; i++ {
		t.cols = append(t.cols, col{head: d.fit(x.Types[i].Type.Name.In(d.lang), nameW), w: 31.5, align: "L"})
	}
	for h, he := range x.Households {
		r := row{cells: []string{d.fit(he.Household.Name.In(d.lang), nameW)}, colours: map[int][3]int{}}
		for i := start; i < end; i++ {
			c := len(r.cells)
			if he.Can[i] {
				r.cells = append(r.cells, l.T("tender.econ.can.yes"))
				r.colours[c] = colPass
				continue
			}
			equity, income := x.Shortfall(h, i)
			var why []string
			if equity.IsPositive() {
				why = append(why, l.T("tender.econ.short.equity", l.NOK(equity)))
			}
			if income.IsPositive() {
				why = append(why, l.T("tender.econ.short.income", l.NOK(income)))
			}
			if len(why) == 0 {
				why = []string{l.T("tender.econ.can.no")}
			}
			r.cells = append(r.cells, l.List(why))
			r.colours[c] = colFail
		}
		t.rows = append(t.rows, r)
	}
	return t
}

// The monthly chart's geometry (mm).
const (
	monthRowH    = 5.2
	monthLabelW  = 58.0
	monthValueW  = 24.0
	monthLegendH = 9.0
)

// monthlyChartHeight is the height of the monthly chart of x.
func monthlyChartHeight(x *costing.Economics) float64 {
	return float64(len(x.Types)*2+len(x.Households))*monthRowH + 8 + monthLegendH + 12
}

// monthlyChart draws, on one scale, each dwelling type's monthly cost
// (and at the stress-test rate) beside what each household can carry a
// month (Economics.Carry), with every amount printed as the engine has
// it.
func (d *doc) monthlyChart(x *costing.Economics) {
	pdf := d.pdf
	l := d.l
	h := monthlyChartHeight(x)
	d.place(h, h)
	type item struct {
		label  string
		value  costing.Kroner
		colour [3]int
		gap    bool // a space above: the first household
	}
	var items []item
	hi := 0.0
	for _, t := range x.Types {
		name := t.Type.Name.In(d.lang)
		items = append(items,
			item{label: name, value: t.Monthly, colour: colBar},
			item{label: l.T("tender.econ.chart.atstress"), value: t.MonthlyStress, colour: colWarn})
	}
	for i, he := range x.Households {
		items = append(items, item{label: he.Household.Name.In(d.lang), value: x.Carry(i), colour: colPass, gap: i == 0})
	}
	for _, it := range items {
		hi = math.Max(hi, float64(it.value))
	}
	if hi <= 0 {
		hi = 1
	}
	step := niceStep(hi, 5)
	hi = math.Ceil(hi/step) * step
	y0 := pdf.GetY() + 1
	barX := marginL + monthLabelW
	barW := contentW - monthLabelW - monthValueW - 2
	scale := barW / hi
	rows := float64(len(items))*monthRowH + 1
	if len(x.Households) > 0 {
		rows += 4
	}
	// grid with the amounts at the foot
	pdf.SetLineWidth(0.15)
	d.drawColor(colRule)
	d.setFont("", 6.8)
	d.textColor(colMuted)
	for v := 0.0; v <= hi+step/2; v += step {
		gx := barX + v*scale
		pdf.Line(gx, y0, gx, y0+rows)
		pdf.SetXY(gx-12, y0+rows+0.5)
		pdf.CellFormat(24, 3.5, l.NOK(decimal.NewFromFloat(v)), "", 0, "C", false, 0, "")
	}
	y := y0
	for _, it := range items {
		if it.gap {
			y += 4
		}
		d.setFont("", 7.8)
		d.textColor(colText)
		pdf.SetXY(marginL, y)
		pdf.CellFormat(monthLabelW-2, monthRowH, d.fit(it.label, monthLabelW-3), "", 0, "L", false, 0, "")
		d.fillColor(it.colour)
		if w := float64(it.value) * scale; w > 0.05 {
			pdf.Rect(barX, y+0.9, w, monthRowH-1.8, "F")
		}
		pdf.SetXY(pageW-marginR-monthValueW, y)
		pdf.CellFormat(monthValueW, monthRowH, l.NOK(it.value.Decimal()), "", 0, "R", false, 0, "")
		y += monthRowH
	}
	d.drawColor(colMuted)
	pdf.SetLineWidth(0.25)
	pdf.Line(barX, y0, barX, y0+rows)
	// legend
	ly := y0 + rows + 6
	lx := marginL
	for _, lg := range []struct {
		key    string
		colour [3]int
	}{{"tender.econ.chart.monthly", colBar}, {"tender.econ.chart.stress", colWarn}, {"tender.econ.chart.carry", colPass}} {
		d.fillColor(lg.colour)
		pdf.Rect(lx, ly+0.8, 3, 2.4, "F")
		d.setFont("", 7.2)
		d.textColor(colText)
		txt := l.T(lg.key)
		tw := pdf.GetStringWidth(txt)
		pdf.SetXY(lx+4, ly)
		pdf.CellFormat(tw+1, 4, txt, "", 0, "L", false, 0, "")
		lx += tw + 10
	}
	pdf.SetXY(marginL, ly+monthLegendH-3)
	d.setFont("", bodySize)
	d.textColor(colText)
	d.note(l.T("tender.econ.chart.note"))
}
