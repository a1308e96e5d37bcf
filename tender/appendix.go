package tender

import (
	"fmt"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// appendixSchedule writes Vedlegg A, the price schedule of each described
// variant, with empty unit-price and sum boxes for the tenderer.
func (d *doc) appendixSchedule() error {
	l := d.l
	d.heading(0, l.T("tender.appendix.num"), l.T("tender.appendix.title"))
	d.para(l.T("tender.appendix.intro"))
	d.bullets([]string{
		l.T("tender.appendix.rule.prices"),
		l.T("tender.appendix.rule.lines"),
		l.T("tender.appendix.rule.rounding"),
		l.T("tender.appendix.rule.scope"),
	})
	for i, e := range d.described() {
		s, err := buildSchedule(l, e)
		if err != nil {
			return err
		}
		num := fmt.Sprintf("A.%d", i+1)
		if i > 0 {
			d.newPage()
		}
		d.heading(1, num, e.Variant)
		d.table(d.scheduleTable(s))
	}
	return nil
}

// scheduleTable lays a schedule out as a form table.
func (d *doc) scheduleTable(s *schedule) *table {
	l := d.l
	t := &table{
		cols: []col{
			{head: l.T("tender.col.no"), w: 12, align: "L"},
			{head: "NS 3451", w: 14, align: "L"},
			{head: l.T("tender.col.description"), w: 54, align: "L"},
			{head: l.T("tender.col.qty"), w: 17, align: "R"},
			{head: l.T("tender.col.unit"), w: 14, align: "L"},
			{head: l.T("tender.col.unitprice"), w: 20, align: "R"},
			{head: l.T("tender.col.sum"), w: 22, align: "R"},
		},
		grid: true,
		size: 8,
	}
	const priceCol, sumCol = 5, 6
	for _, p := range s.Posts {
		t.rows = append(t.rows, row{kind: rowSection, cells: []string{l.T("tender.schedule.post", p.Post, p.Name)}})
		for _, g := range p.Groups {
			if g.Title != "" {
				t.rows = append(t.rows, row{kind: rowSub, cells: []string{g.Title}})
			}
			for _, ln := range g.Lines {
				t.rows = append(t.rows, row{
					cells: []string{ln.No, ln.Code, ln.Text, d.scheduleQty(ln.Qty, ln.Unit), ln.Unit, "", ""},
					boxes: []int{priceCol, sumCol},
				})
			}
			if !g.RoundEach {
				t.rows = append(t.rows, row{
					kind:  rowBold,
					cells: []string{"", "", l.T("tender.schedule.groupsum", g.Name), "", "", "", ""},
					boxes: []int{sumCol},
				})
			}
		}
		t.rows = append(t.rows, row{
			kind:  rowBold,
			cells: []string{"", "", l.T("tender.schedule.postsum", p.Post, p.Name), "", "", "", ""},
			boxes: []int{sumCol},
		})
	}
	t.rows = append(t.rows, row{
		kind:  rowTotal,
		cells: []string{"", "", l.T("tender.schedule.total"), "", "", "", ""},
		boxes: []int{sumCol},
	})
	return t
}

// scheduleQty formats a quantity of the price schedule: areas and lengths
// with one decimal (two when the quantity has them), counts and lump sums
// without, so that one kind of figure has one number of decimals.
func (d *doc) scheduleQty(q decimal.Decimal, unit string) string {
	l := d.l
	switch unit {
	case unitName(l, concepts.UnitPiece), unitName(l, concepts.UnitDwelling), unitName(l, concepts.UnitParking), l.T("unit.lump_sum"):
		if q.Equal(q.Round(0)) {
			return l.Fixed(q, 0)
		}
	}
	if !q.Equal(q.Round(1)) {
		return l.Fixed(q, 2)
	}
	return l.Fixed(q, 1)
}
