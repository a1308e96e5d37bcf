package tender

import (
	"fmt"
	"strings"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

// optNOK formats an optional amount ("–" when nil).
func (d *doc) optNOK(v *decimal.Decimal) string {
	if v == nil {
		return "–"
	}
	return d.l.NOK(*v)
}

// yesNo translates a boolean.
func (d *doc) yesNo(b bool) string {
	if b {
		return d.l.T("tender.yes")
	}
	return d.l.T("tender.no")
}

// kv is a two-column key-value table without header.
func kv(pairs ...string) *table {
	t := &table{
		cols:     []col{{w: 55, align: "L"}, {w: 45, align: "R"}},
		noHeader: true,
		zebra:    true,
		keep:     true,
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		t.rows = append(t.rows, row{cells: []string{pairs[i], pairs[i+1]}})
	}
	return t
}

// chapterHeading starts the next numbered chapter.
func (d *doc) chapterHeading(title string) string {
	d.chapter++
	num := fmt.Sprint(d.chapter)
	d.heading(0, num, title)
	return num
}

// variantSections calls f once per described variant, each under a section
// numbered from first and titled with the variant (after title when given);
// it returns the next section number.
func (d *doc) variantSections(chapter string, first int, title string, f func(e *costing.Estimate)) int {
	n := first
	for _, e := range d.described() {
		t := e.Variant
		if title != "" {
			t = d.l.T("tender.section.variant", title, e.Variant)
		}
		d.heading(1, fmt.Sprintf("%s.%d", chapter, n), t)
		f(e)
		n++
	}
	return n
}

// chapterOrientation writes chapter 1.
func (d *doc) chapterOrientation() error {
	l := d.l
	c := d.Project.Concept
	ch := d.chapterHeading(l.T("tender.ch1.title"))
	d.heading(1, ch+".1", l.T("tender.ch1.purpose"))
	if d.kind == kindTender {
		d.para(l.T("tender.t.purpose.text", d.muni, c.Name, d.first().Variant))
		d.para(l.T("tender.t.purpose.scope"))
	} else {
		d.para(l.T("tender.report.purpose.text", d.muni, c.Name))
		d.para(l.T("tender.report.purpose.scope"))
	}

	d.heading(1, ch+".2", l.T("tender.ch1.family"))
	if f := d.family; f != nil {
		d.para(l.T("tender.ch1.family.text", f.Name, l.T("setting."+string(f.Setting))))
		if s := f.Summary.In(d.lang); s != "" {
			d.para(s)
		}
		if len(f.TargetGroups) > 0 {
			groups := make([]string, len(f.TargetGroups))
			for i, g := range f.TargetGroups {
				groups[i] = d.targetGroup(g)
			}
			d.para(l.T("tender.ch1.targetgroups"))
			d.bullets(groups)
		}
	} else {
		d.para(l.T("tender.ch1.family.none"))
	}

	d.heading(1, ch+".3", l.T("tender.ch1.site"))
	d.para(l.T("tender.ch1.site.text2", d.muni, d.area(d.first().SiteArea), d.siteChapter()))

	d.heading(1, ch+".4", l.T("tender.ch1.mix"))
	if len(d.Variants) > 1 {
		d.para(l.T("tender.ch1.mix.several", len(d.Variants)))
	}
	for _, e := range d.described() {
		if len(d.Variants) > 1 {
			d.heading(2, "", e.Variant)
		}
		t := &table{
			cols: []col{
				{head: l.T("tender.col.unittype"), w: 60, align: "L"},
				{head: l.T("tender.col.kind"), w: 25, align: "L"},
				{head: l.T("tender.col.form"), w: 25, align: "L"},
				{head: l.T("tender.col.count"), w: 15, align: "R"},
			},
			zebra: true,
		}
		for _, ln := range e.Lines {
			t.rows = append(t.rows, row{cells: []string{
				ln.Type.Name.In(d.lang), l.T("kind." + string(ln.Type.Kind)),
				l.T("form." + string(ln.Type.Form)), l.Int(int64(ln.Count)),
			}})
		}
		d.table(t)
		d.space(1.5)
		d.para(l.T("tender.ch1.mix.sum", e.Dwellings, e.Persons, e.Bedrooms))
	}
	return nil
}

// targetGroup translates a target group id.
func (d *doc) targetGroup(id string) string {
	if key := "tender.target." + id; d.l.Has(key) {
		return d.l.T(key)
	}
	return strings.ReplaceAll(id, "_", " ")
}

// chapterSite writes chapter 2.
func (d *doc) chapterSite() error {
	l := d.l
	c := d.Project.Concept
	e := d.first()
	ch := d.chapterHeading(l.T("tender.ch2.title"))
	d.heading(1, ch+".1", l.T("tender.ch2.site"))
	site := []string{
		l.T("tender.ch2.municipality"), d.muni,
		l.T("tender.ch2.area"), d.area(e.SiteArea),
		l.T("tender.ch2.paved"), d.area(e.PavedArea),
	}
	if d.kind == kindReport {
		site = append(site, l.T("tender.ch2.landcost"), l.NOK(e.LandCost))
	}
	d.table(kv(site...))
	d.space(2)
	d.heading(1, ch+".2", l.T("tender.ch2.zoning"))
	if z := c.Site.Zoning; z != nil && d.zoningRows(z) != nil {
		t := &table{
			cols:  []col{{head: l.T("tender.col.provision"), w: 70, align: "L"}, {head: l.T("tender.col.limit"), w: 30, align: "R"}},
			zebra: true,
			rows:  d.zoningRows(z),
		}
		d.table(t)
	} else {
		d.para(l.T("tender.ch2.zoning.none"))
	}
	d.space(2)
	if d.kind == kindTender {
		return nil
	}
	d.variantSections(ch, 3, l.T("tender.ch2.checks"), func(e *costing.Estimate) {
		if len(e.Checks) == 0 {
			d.para(l.T("tender.ch2.checks.none"))
			return
		}
		t := &table{
			cols: []col{
				{head: l.T("tender.col.check"), w: 34, align: "L"},
				{head: l.T("tender.col.status"), w: 14, align: "L"},
				{head: l.T("tender.col.message"), w: 92, align: "L"},
			},
			zebra: true,
		}
		for _, ck := range e.Checks {
			colour := statusColour(ck.Status)
			t.rows = append(t.rows, row{
				cells:      []string{d.checkName(ck.ID), l.T("status." + string(ck.Status)), ck.Message(l)},
				colour:     &colour,
				colourCell: 1,
			})
		}
		d.table(t)
		d.space(1)
		d.note(l.T("tender.ch2.checks.note"))
	})
	return nil
}

// checkName translates a check id.
func (d *doc) checkName(id string) string {
	if key := "tender.check." + id; d.l.Has(key) {
		return d.l.T(key)
	}
	return id
}

// zoningRows lists the zoning plan's limits that are set.
func (d *doc) zoningRows(z *concepts.Zoning) []row {
	l := d.l
	var rows []row
	add := func(label, limit string) { rows = append(rows, row{cells: []string{label, limit}}) }
	if z.MaxBYAPercent != nil {
		add(l.T("tender.zoning.bya"), "≤ "+l.PercentFixed(*z.MaxBYAPercent, 1))
	}
	if z.MaxBRAPercent != nil {
		add(l.T("tender.zoning.bra"), "≤ "+l.PercentFixed(*z.MaxBRAPercent, 1))
	}
	if z.MinMUAPerDwelling != nil {
		add(l.T("tender.zoning.mua"), "≥ "+d.area(*z.MinMUAPerDwelling))
	}
	if z.MaxStoreys != nil {
		add(l.T("tender.zoning.storeys"), "≤ "+l.Int(int64(*z.MaxStoreys)))
	}
	if z.MinDwellingsPerDaa != nil {
		add(l.T("tender.zoning.density"), "≥ "+l.Fixed(*z.MinDwellingsPerDaa, 2))
	}
	if z.ParkingPerDwelling != nil {
		add(l.T("tender.zoning.parking"), l.Fixed(*z.ParkingPerDwelling, 2))
	}
	return rows
}

// chapterProgramme writes chapter 3.
func (d *doc) chapterProgramme() error {
	l := d.l
	ch := d.chapterHeading(l.T("tender.ch3.title"))
	d.para(l.T("tender.ch3.intro"))
	d.variantSections(ch, 1, "", func(e *costing.Estimate) {
		d.heading(2, "", l.T("tender.ch3.perunit"))
		per := &table{
			cols: []col{
				{head: l.T("tender.col.unittype"), w: 36, align: "L"},
				{head: l.T("tender.col.count"), w: 11, align: "R"},
				{head: l.T("tender.col.bedrooms"), w: 16, align: "R"},
				{head: l.T("tender.col.persons"), w: 16, align: "R"},
				{head: "BRA-i m²", w: 12.5, align: "R"},
				{head: "BRA-e m²", w: 12.5, align: "R"},
				{head: "BRA-b m²", w: 12.5, align: "R"},
				{head: "TBA m²", w: 12.5, align: "R"},
				{head: "BTA m²", w: 12.5, align: "R"},
			},
			zebra: true,
		}
		for _, ln := range e.Lines {
			u := ln.Type
			per.rows = append(per.rows, row{cells: []string{
				u.Name.In(d.lang), l.Int(int64(ln.Count)), l.Int(int64(u.Bedrooms)), l.Int(int64(u.Persons)),
				d.num1(u.Area.BRAi), d.num1(u.Area.BRAe), d.num1(u.Area.BRAb), d.num1(u.Area.TBA), d.num1(u.Area.BTA),
			}})
		}
		d.table(per)
		d.space(2)
		d.heading(2, "", l.T("tender.ch3.total"))
		tot := &table{
			cols: []col{
				{head: l.T("tender.col.unittype"), w: 40, align: "L"},
				{head: l.T("tender.col.count"), w: 11, align: "R"},
				{head: "BRA-i m²", w: 16, align: "R"},
				{head: "BRA-e m²", w: 16, align: "R"},
				{head: "BRA-b m²", w: 16, align: "R"},
				{head: "TBA m²", w: 16, align: "R"},
				{head: "BTA m²", w: 18, align: "R"},
			},
			zebra: true,
		}
		for _, ln := range e.Lines {
			a := ln.Area
			tot.rows = append(tot.rows, row{cells: []string{
				ln.Type.Name.In(d.lang), l.Int(int64(ln.Count)),
				d.num1(a.BRAi), d.num1(a.BRAe), d.num1(a.BRAb), d.num1(a.TBA), d.num1(a.BTA),
			}})
		}
		a := e.Area
		tot.rows = append(tot.rows, row{kind: rowTotal, cells: []string{
			l.T("tender.sum"), "", d.num1(a.BRAi), d.num1(a.BRAe), d.num1(a.BRAb), d.num1(a.TBA), d.num1(a.BTA),
		}})
		d.table(tot)
		d.space(1.5)
		d.para(l.T("tender.ch1.mix.sum", e.Dwellings, e.Persons, e.Bedrooms))
	})
	return nil
}

// chapterRequirements writes chapter 4.
func (d *doc) chapterRequirements() error {
	l := d.l
	ch := d.chapterHeading(l.T("tender.ch4.title"))
	d.para(l.T("tender.ch4.intro"))
	for i, u := range d.unitTypes() {
		reqs := u.Requirements.In(d.lang)
		if len(reqs) == 0 {
			reqs = []string{l.T("tender.ch4.reqs.none")}
		}
		// the table and the plan beside it stay on one page with the heading
		d.heading(1, fmt.Sprintf("%s.%d", ch, i+1), u.Name.In(d.lang))
		d.place(planBoxH+3, planBoxH+3)
		y0 := d.pdf.GetY()
		storeys := l.Int(int64(u.Storeys))
		pairs := []string{
			l.T("tender.col.kind"), l.T("kind." + string(u.Kind)),
			l.T("tender.col.form"), l.T("form." + string(u.Form)),
		}
		if u.Kind == concepts.KindDwelling {
			pairs = append(pairs,
				l.T("tender.col.bedrooms"), l.Int(int64(u.Bedrooms)),
				l.T("tender.col.persons"), l.Int(int64(u.Persons)))
		}
		pairs = append(pairs,
			l.T("tender.ch4.storeys"), storeys,
			l.T("tender.ch4.lift"), d.yesNo(u.Lift))
		if u.Kind == concepts.KindDwelling {
			// only a dwelling can be a tilgjengelig boenhet
			pairs = append(pairs, l.T("tender.ch4.accessible"), d.yesNo(u.Accessible))
		}
		t := kv(append(pairs,
			"BRA-i", d.area(u.Area.BRAi),
			"BRA-e", d.area(u.Area.BRAe),
			"BRA-b", d.area(u.Area.BRAb),
			"TBA", d.area(u.Area.TBA),
			"BTA", d.area(u.Area.BTA),
			"BYA", d.area(u.Area.BYA),
		)...)
		t.left, t.width = marginL, planTableW
		t.cols[0].w, t.cols[1].w = 60, 40
		d.table(t)
		yTable := d.pdf.GetY()
		d.plan(u, marginL+planTableW+6, y0, contentW-planTableW-6, planBoxH)
		y := max(yTable, y0+planBoxH) + 3
		d.pdf.SetXY(marginL, y)
		if len(u.Specification) > 0 {
			d.heading(2, "", l.T("tender.spec.title"))
			d.table(d.specificationTable(u))
			d.space(2)
		}
		d.heading(2, "", l.T("tender.ch4.reqs"))
		d.bullets(reqs)
	}
	return nil
}

// chapterAreas writes chapter 5.
func (d *doc) chapterAreas() error {
	l := d.l
	ch := d.chapterHeading(l.T("tender.ch5.title"))
	d.para(l.T("tender.ch5.intro"))
	z := d.Project.Concept.Site.Zoning
	limit := func(p *decimal.Decimal, sign string, f func(decimal.Decimal) string) string {
		if p == nil {
			return ""
		}
		return sign + " " + f(*p)
	}
	pct := func(v decimal.Decimal) string { return l.PercentFixed(v, 1) }
	num := func(v decimal.Decimal) string { return l.Fixed(v, 2) }
	d.variantSections(ch, 1, "", func(e *costing.Estimate) {
		a, dn := e.Area, e.Density
		mua := "–"
		if dn.MUAPerDwelling != nil {
			mua = d.area(*dn.MUAPerDwelling)
		}
		var zb, zr, zm, zd string
		if z != nil {
			zb = limit(z.MaxBYAPercent, "≤", pct)
			zr = limit(z.MaxBRAPercent, "≤", pct)
			zm = limit(z.MinMUAPerDwelling, "≥", d.area)
			zd = limit(z.MinDwellingsPerDaa, "≥", num)
		}
		t := &table{
			cols: []col{
				{head: l.T("tender.col.measure"), w: 70, align: "L"},
				{head: l.T("tender.col.value"), w: 35, align: "R"},
				{head: l.T("tender.col.limit"), w: 35, align: "R"},
			},
			zebra: true,
			rows: []row{
				{cells: []string{l.T("tender.area.bta"), d.area(a.BTA), ""}},
				{cells: []string{l.T("tender.area.bra"), d.area(a.BRA), ""}},
				{cells: []string{l.T("tender.area.brai"), d.area(a.BRAi), ""}},
				{cells: []string{l.T("tender.area.brae"), d.area(a.BRAe), ""}},
				{cells: []string{l.T("tender.area.brab"), d.area(a.BRAb), ""}},
				{cells: []string{l.T("tender.area.tba"), d.area(a.TBA), ""}},
				{cells: []string{l.T("tender.area.byabuildings"), d.area(a.BYABuildings), ""}},
				{cells: []string{l.T("tender.area.parking"), l.Int(int64(e.ParkingSpaces)), ""}},
				{cells: []string{l.T("tender.area.bya"), d.area(a.BYA), ""}},
				{cells: []string{l.T("tender.area.byapct"), l.PercentFixed(dn.BYAPercent, 1), zb}},
				{cells: []string{l.T("tender.area.brapct"), l.PercentFixed(dn.BRAPercent, 1), zr}},
				{cells: []string{l.T("tender.area.density"), l.Fixed(dn.DwellingsPerDaa, 2), zd}},
				{cells: []string{l.T("tender.area.mua"), mua, zm}},
			},
		}
		d.table(t)
		d.space(1.5)
		d.note(l.T("tender.ch5.note"))
	})
	return nil
}
