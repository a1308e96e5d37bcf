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

// cover writes page 1.
func (d *doc) cover() {
	pdf := d.pdf
	l := d.l
	c := d.Project.Concept
	d.newPage()
	pdf.Bookmark(l.T("tender.cover.bookmark"), 0, 0)
	d.fillColor(colAccent)
	pdf.Rect(0, 0, pageW, 12, "F")
	pdf.SetXY(marginL, 30)
	d.setFont("B", 13)
	d.textColor(colAccent)
	pdf.CellFormat(contentW, 6, l.T("tender.cover.municipality", d.muni), "", 2, "L", false, 0, "")
	pdf.SetXY(marginL, 75)
	if d.kind == kindReport {
		d.internalMark(18)
	}
	pdf.SetXY(marginL, 75)
	d.setFont("B", 24)
	d.textColor(colText)
	for _, ln := range d.wrap(d.title(), contentW) {
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, 11, ln, "", 2, "L", false, 0, "")
	}
	d.space(4)
	d.setFont("", 17)
	d.textColor(colAccent)
	for _, ln := range d.wrapN(c.Name, contentW, coverNameLines) {
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, 8, ln, "", 2, "L", false, 0, "")
	}
	d.space(2)
	d.setFont("", 12)
	d.textColor(colMuted)
	for _, ln := range d.wrapN(d.variantNames(), contentW, coverVariantLines) {
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, 6, ln, "", 2, "L", false, 0, "")
	}
	if d.kind == kindTender {
		d.space(1)
		d.setFont("I", 11)
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, 6, l.T("tender.subtitle"), "", 2, "L", false, 0, "")
	}
	d.drawColor(colAccent)
	pdf.SetLineWidth(0.6)
	pdf.Line(marginL, 150, marginL+40, 150)

	family := "–"
	if d.family != nil {
		family = d.family.Name
	}
	note := c.Revision.Note
	if note == "" {
		note = "–"
	}
	e := d.first()
	pairs := []string{
		l.T("tender.cover.concept"), c.Name,
		l.T("tender.cover.municipality.label"), d.muni,
		l.T("tender.cover.family"), family,
		l.T("tender.cover.variant"), d.variantNames(),
		l.T("tender.cover.revision"), c.Revision.ID,
		l.T("tender.cover.date"), d.dateText(),
		l.T("tender.cover.note"), note,
	}
	if d.kind == kindReport {
		pairs = append(pairs, l.T("tender.cover.pricelevel"), e.PriceLevel)
	} else if td := c.Tender; td != nil {
		pairs = append(pairs, l.T("tender.comp.contract"), d.contractText(td.Contract),
			l.T("tender.comp.deadline"), d.dateOf(td.Deadline))
	}
	pairs = append(pairs, l.T("tender.cover.prepared"), l.T("tender.cover.prepared.value", d.creator()))
	t := kv(pairs...)
	t.cols[0].w, t.cols[1].w = 35, 65
	t.cols[1].align = "L"
	t.size = 9.5
	t.maxLines = coverCellLines
	pdf.SetXY(marginL, 160)
	d.table(t)
	if msg := d.forcedNote(); msg != "" {
		d.space(4)
		d.setFont("B", 9.5)
		lines := d.wrapN(msg, contentW-6, 6)
		h := float64(len(lines))*lineH(9.5) + 4
		y := pdf.GetY()
		d.drawColor(colFail)
		pdf.SetLineWidth(0.6)
		pdf.Rect(marginL, y, contentW, h, "D")
		d.textColor(colFail)
		for i, ln := range lines {
			pdf.SetXY(marginL+3, y+2+float64(i)*lineH(9.5))
			pdf.CellFormat(contentW-6, lineH(9.5), ln, "", 0, "L", false, 0, "")
		}
	}
	disclaimer := l.T("tender.cover.disclaimer")
	if d.kind == kindTender {
		disclaimer = l.T("tender.cover.disclaimer.tender")
	}
	d.setFont("I", 8)
	d.textColor(colMuted)
	pdf.SetXY(marginL, 262)
	for _, ln := range d.wrap(disclaimer, contentW) {
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, lineH(8), ln, "", 2, "L", false, 0, "")
	}
	d.setFont("", bodySize)
}

// creator is "Bokonsept" with the version.
func (d *doc) creator() string {
	if d.Version == "" {
		return "Bokonsept"
	}
	return "Bokonsept " + d.Version
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
