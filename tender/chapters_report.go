package tender

import (
	"fmt"
)

// chapterSources writes the report's last chapter: where the figures come
// from (catalogue, price level and cost index, price books) and the
// assumptions they rest on.
func (d *doc) chapterSources() error {
	l := d.l
	p := d.Project
	cat := p.Catalogue
	a := p.Concept.Assumptions
	ch := d.chapterHeading(l.T("tender.src.title"))
	d.para(l.T("tender.src.intro"))

	d.heading(1, ch+".1", l.T("tender.src.catalogue"))
	index := "–"
	if cat.CostIndex != nil {
		index = cat.CostIndex.Source
	}
	file := cat.Path
	if file == "" || file == "builtin" {
		file = l.T("tender.src.builtin")
	}
	level := a.PriceLevel
	if level == "" {
		level = cat.PriceLevel
	}
	t := kv(
		l.T("tender.src.catalogue.name"), cat.Name,
		l.T("tender.src.catalogue.file"), file,
		l.T("tender.src.catalogue.level"), cat.PriceLevel,
		l.T("tender.src.level"), level,
		l.T("tender.src.index"), index,
		l.T("tender.src.vat"), l.PercentFixed(cat.VATPercent, 1),
	)
	t.cols[0].w, t.cols[1].w = 45, 55
	t.cols[1].align = "L"
	d.table(t)
	d.space(1.5)
	d.note(l.T("tender.src.catalogue.note"))

	d.heading(1, ch+".2", l.T("tender.src.pricebooks"))
	pb := &table{
		cols: []col{
			{head: l.T("tender.cover.variant"), w: 50, align: "L"},
			{head: l.T("tender.src.pricebook"), w: 80, align: "L"},
			{head: l.T("tender.cover.pricelevel"), w: 30, align: "L"},
		},
		zebra: true,
	}
	for i, v := range p.Concept.Variants {
		if v.PriceBook == "" && d.Estimates[i].PriceBook == "" {
			continue
		}
		name, month := d.Estimates[i].PriceBook, "–"
		if b := p.PriceBooks[v.PriceBook]; b != nil {
			name, month = b.Name, b.PriceLevel
		}
		pb.rows = append(pb.rows, row{cells: []string{v.Name, name, month}})
	}
	if len(pb.rows) == 0 {
		d.para(l.T("tender.src.pricebooks.none"))
	} else {
		d.table(pb)
		d.space(1.5)
		d.note(l.T("tender.src.pricebooks.note"))
	}

	d.heading(1, ch+".3", l.T("tender.src.assumptions"))
	d.table(kv(
		l.T("tender.src.common"), l.PercentFixed(a.CommonCostsPercent, 1),
		l.T("tender.src.general"), l.PercentFixed(a.GeneralCostsPercent, 1),
		l.T("tender.src.regional"), l.Fixed(a.RegionalFactor, 2),
		l.T("tender.src.adjustment"), l.PercentFixed(a.PriceAdjustmentPercent, 1),
		l.T("tender.src.limit"), l.NOK(a.FirstTimeBuyerLimit),
		l.T("tender.ch7.iterations"), l.Int(int64(a.Simulation.Iterations)),
		l.T("tender.ch7.seed"), fmt.Sprint(a.Simulation.Seed),
	))
	d.space(1.5)
	d.note(l.T("tender.src.docs"))
	return nil
}

// risksTable writes the concept's event risks, when it has any.
func (d *doc) risksTable() {
	l := d.l
	risks := d.Project.Concept.Risks
	if len(risks) == 0 {
		return
	}
	d.heading(2, "", l.T("tender.ch7.risks"))
	t := &table{
		cols: []col{
			{head: l.T("tender.col.risk"), w: 42, align: "L"},
			{head: l.T("tender.col.probability"), w: 24, align: "R"},
			{head: l.T("tender.col.low"), w: 26, align: "R"},
			{head: l.T("tender.col.likely"), w: 26, align: "R"},
			{head: l.T("tender.col.high"), w: 26, align: "R"},
			{head: l.T("tender.col.vat"), w: 12, align: "L"},
		},
		zebra: true,
	}
	for _, r := range risks {
		t.rows = append(t.rows, row{cells: []string{
			r.Name, l.PercentFixed(r.ProbabilityPercent, 1),
			l.NOK(r.Cost.Low), l.NOK(r.Cost.Likely), l.NOK(r.Cost.High), d.yesNo(r.VATLiable()),
		}})
	}
	d.table(t)
	d.space(1)
	d.note(l.T("tender.ch7.risks.note"))
}
