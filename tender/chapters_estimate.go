package tender

import (
	"fmt"
	"strings"

	"github.com/hallingdal/bokonsept/costing"
)

// postRows lists posts 1 to 13 with the subtotals of NS 3453.
func (d *doc) postRows(e *costing.Estimate) []row {
	var rows []row
	for _, p := range postLines(d.l, e) {
		rows = append(rows, row{kind: p.Kind, cells: []string{p.Posts, p.Name, d.l.NOK(p.Value)}})
	}
	return rows
}

// chapterCosts writes chapter 6.
func (d *doc) chapterCosts() error {
	l := d.l
	ch := d.chapterHeading(l.T("tender.ch6.title"))
	d.variantSections(ch, 1, "", func(e *costing.Estimate) {
		d.para(l.T("tender.ch6.intro", e.PriceLevel, e.Currency))
		t := &table{
			cols: []col{
				{head: l.T("tender.col.post"), w: 14, align: "L"},
				{head: l.T("tender.col.name"), w: 96, align: "L"},
				{head: l.T("tender.col.amount"), w: 40, align: "R"},
			},
			rows: d.postRows(e),
			keep: true,
		}
		d.table(t)
		d.space(1.5)
		d.note(l.T("tender.ch6.vat", l.PercentFixed(e.VATPercent, 1)))

		d.heading(2, "", l.T("tender.ch6.keyfigures"))
		co2 := "–"
		if e.CarbonKgPerM2BRA != nil {
			co2 = l.T("tender.ch6.co2.value", l.Number(*e.CarbonKgPerM2BRA, 1))
		}
		d.table(kv(
			l.T("tender.ch6.perdwelling.kostnadsramme"), d.optNOK(e.PerDwelling.Kostnadsramme),
			l.T("tender.ch6.perdwelling.prosjektkostnad"), d.optNOK(e.PerDwelling.Prosjektkostnad),
			l.T("tender.ch6.perm2"), d.optNOK(e.PerM2BRAKostnadsramme),
			l.T("tender.ch6.affordable"), l.T("tender.ch6.affordable.value", e.AffordableDwellings, e.Dwellings),
			l.T("tender.ch6.co2"), co2,
		))
		if len(e.DwellingPrices) > 0 {
			d.space(2)
			d.heading(2, "", l.T("tender.ch6.prices"))
			limit := e.FirstTimeBuyerLimit
			pt := &table{
				cols: []col{
					{head: l.T("tender.col.unittype"), w: 60, align: "L"},
					{head: l.T("tender.col.count"), w: 15, align: "R"},
					{head: l.T("tender.col.price"), w: 35, align: "R"},
					{head: l.T("tender.col.withinlimit", l.NOK(limit)), w: 40, align: "R"},
				},
				zebra: true,
			}
			for _, p := range e.DwellingPrices {
				pt.rows = append(pt.rows, row{cells: []string{
					p.Type.Name.In(d.lang), l.Int(int64(p.Count)), l.NOK(p.Price), d.yesNo(p.Affordable),
				}})
			}
			d.table(pt)
			d.space(1)
			d.note(l.T("tender.ch6.prices.note"))
		}
		d.space(2)
		d.heading(2, "", l.T("tender.ch6.chart"))
		bars := make([]bar, 0, 13)
		for p := 1; p <= 13; p++ {
			bars = append(bars, bar{label: fmt.Sprintf("%d %s", p, l.T(fmt.Sprintf("post.%d", p))), value: e.Posts[p]})
		}
		d.barChart(bars)
	})
	return nil
}

// chapterUncertainty writes chapter 7.
func (d *doc) chapterUncertainty() error {
	l := d.l
	a := d.Project.Concept.Assumptions
	ch := d.chapterHeading(l.T("tender.ch7.title"))
	d.heading(1, ch+".1", l.T("tender.ch7.method"))
	d.para(l.T("tender.ch7.method.text"))
	d.table(kv(
		l.T("tender.ch7.iterations"), l.Int(int64(a.Simulation.Iterations)),
		l.T("tender.ch7.seed"), fmt.Sprint(a.Simulation.Seed),
	))
	d.space(2)
	if len(a.UncertaintyFactors) > 0 {
		d.heading(2, "", l.T("tender.ch7.factors"))
		t := &table{
			cols: []col{
				{head: l.T("tender.col.factor"), w: 50, align: "L"},
				{head: l.T("tender.col.appliesto"), w: 44, align: "L"},
				{head: l.T("tender.col.low"), w: 16, align: "R"},
				{head: l.T("tender.col.likely"), w: 20, align: "R"},
				{head: l.T("tender.col.high"), w: 16, align: "R"},
			},
			zebra: true,
		}
		for _, f := range a.UncertaintyFactors {
			t.rows = append(t.rows, row{cells: []string{
				f.Name, strings.Join(f.AppliesTo, ", "),
				l.Fixed(f.Range.Low, 2), l.Fixed(f.Range.Likely, 2), l.Fixed(f.Range.High, 2),
			}})
		}
		d.table(t)
		d.space(1)
	} else {
		d.para(l.T("tender.ch7.factors.none"))
	}
	d.risksTable()
	d.variantSections(ch, 2, "", func(e *costing.Estimate) {
		if e.P50 == nil || e.P85 == nil {
			d.para(l.T("tender.ch7.nosim"))
			return
		}
		d.table(kv(
			l.T("total.basiskostnad"), l.NOK(e.Totals.Basiskostnad),
			"P50", l.NOK(*e.P50),
			"P85", l.NOK(*e.P85),
			l.T("post.11"), l.NOK(e.Posts[11]),
			l.T("post.12"), l.NOK(e.Posts[12]),
			l.T("total.kostnadsramme"), l.NOK(e.Totals.Kostnadsramme),
		))
		d.space(2)
		if e.Distribution != nil && len(e.Distribution.Sorted) > 1 {
			d.heading(2, "", l.T("tender.ch7.chart"))
			d.sCurve(e)
		}
		d.note(l.T("tender.ch7.note"))
	})
	return nil
}

// chapterComparison writes chapter 8 when the concept has several variants.
func (d *doc) chapterComparison() error {
	if len(d.Estimates) < 2 {
		return nil
	}
	l := d.l
	d.chapterHeading(l.T("tender.ch8.title"))
	d.para(l.T("tender.ch8.intro", len(d.Estimates)))
	const per = 4
	for start := 0; start < len(d.Estimates); start += per {
		ests := d.Estimates[start:min(start+per, len(d.Estimates))]
		cols := []col{{head: l.T("tender.col.figure"), w: 46, align: "L"}}
		for _, e := range ests {
			cols = append(cols, col{head: e.Variant, w: 26, align: "R"})
		}
		t := &table{cols: cols, zebra: true}
		add := func(label string, f func(e *costing.Estimate) string) {
			r := row{cells: []string{label}}
			for _, e := range ests {
				r.cells = append(r.cells, f(e))
			}
			t.rows = append(t.rows, r)
		}
		add(l.T("tender.cmp.dwellings"), func(e *costing.Estimate) string { return l.Int(int64(e.Dwellings)) })
		add(l.T("tender.cmp.persons"), func(e *costing.Estimate) string { return l.Int(int64(e.Persons)) })
		add("BTA", func(e *costing.Estimate) string { return d.area(e.Area.BTA) })
		add("BRA", func(e *costing.Estimate) string { return d.area(e.Area.BRA) })
		add("%-BYA", func(e *costing.Estimate) string { return l.PercentFixed(e.Density.BYAPercent, 1) })
		add("%-BRA", func(e *costing.Estimate) string { return l.PercentFixed(e.Density.BRAPercent, 1) })
		add(l.T("total.entreprisekostnad"), func(e *costing.Estimate) string { return l.NOK(e.Totals.Entreprisekostnad) })
		add(l.T("total.basiskostnad"), func(e *costing.Estimate) string { return l.NOK(e.Totals.Basiskostnad) })
		add("P50", func(e *costing.Estimate) string { return d.optNOK(e.P50) })
		add("P85", func(e *costing.Estimate) string { return d.optNOK(e.P85) })
		add(l.T("total.kostnadsramme"), func(e *costing.Estimate) string { return l.NOK(e.Totals.Kostnadsramme) })
		add(l.T("tender.ch6.perdwelling.kostnadsramme"), func(e *costing.Estimate) string { return d.optNOK(e.PerDwelling.Kostnadsramme) })
		add(l.T("tender.ch6.perm2"), func(e *costing.Estimate) string { return d.optNOK(e.PerM2BRAKostnadsramme) })
		add(l.T("tender.cmp.affordable"), func(e *costing.Estimate) string {
			return l.T("tender.ch6.affordable.value", e.AffordableDwellings, e.Dwellings)
		})
		add(l.T("tender.cmp.fails"), d.failedChecks)
		d.table(t)
		d.space(3)
	}
	var bars []bar
	for _, e := range d.Estimates {
		if e.PerDwelling.Kostnadsramme != nil {
			bars = append(bars, bar{label: e.Variant, value: *e.PerDwelling.Kostnadsramme})
		}
	}
	if len(bars) > 0 {
		d.heading(2, "", l.T("tender.ch8.chart"))
		d.barChart(bars)
	}
	return nil
}

// failedChecks names the checks a variant breaks, or "–".
func (d *doc) failedChecks(e *costing.Estimate) string {
	var names []string
	for _, c := range e.Failed() {
		names = append(names, d.checkName(c.ID))
	}
	if len(names) == 0 {
		return "–"
	}
	return strings.Join(names, ", ")
}
