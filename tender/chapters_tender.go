package tender

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

// The assumptions of the quantities chapter (docs/ESTIMATE.md, "The
// tenderers' document"): how many flats one lift serves on each floor of
// its building, and the account and unit that mark a site item as a small
// shared sewage plant.
const (
	// flatsPerFloorPerLift is the flats one stair and lift core serves
	// on each floor (a core with four flats a floor, "firemannsbolig"
	// layout), so a building of s storeys has one lift per 4 × s flats.
	flatsPerFloorPerLift = 4
	// sewageAccount is NS 3451 73, outdoor pipework (utendørs VVS); a
	// site item of it priced per piece is a sewage plant.
	sewageAccount = "73"
)

// dateOf formats a date YYYY-MM-DD for the document's language, or
// returns it as it is when it is not one.
func (c *checked) dateOf(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	if c.lang == "en" {
		return t.Format("2 January 2006")
	}
	return t.Format("02.01.2006")
}

// chapterCompetition writes the tenderers' chapter on the competition:
// procedure, contract standard, deadlines and award criteria from the
// concept's tender section.
func (d *doc) chapterCompetition() error {
	l := d.l
	ch := d.chapterHeading(l.T("tender.comp.title"))
	t := d.Project.Concept.Tender
	if t == nil {
		d.para(l.T("tender.comp.none"))
		return nil
	}
	d.heading(1, ch+".1", l.T("tender.comp.facts"))
	facts := kv(
		l.T("tender.comp.procedure"), d.procedureText(t.Procedure),
		l.T("tender.comp.contract"), d.contractText(t.Contract),
		l.T("tender.comp.deadline"), d.dateOf(t.Deadline),
		l.T("tender.comp.validuntil"), d.dateOf(t.ValidUntil),
	)
	facts.cols[0].w, facts.cols[1].w = 45, 55
	facts.cols[1].align = "L"
	d.table(facts)
	d.space(2)
	d.para(l.T("tender.comp.deadline.text", d.dateOf(t.Deadline), d.dateOf(t.ValidUntil)))

	d.heading(1, ch+".2", l.T("tender.comp.criteria"))
	ct := &table{
		cols: []col{
			{head: l.T("tender.comp.col.criterion"), w: 90, align: "L"},
			{head: l.T("tender.comp.col.climate"), w: 30, align: "L"},
			{head: l.T("tender.comp.col.weight"), w: 30, align: "R"},
		},
		zebra: true,
		keep:  true,
	}
	var total decimal.Decimal
	for _, a := range t.AwardCriteria {
		total = total.Add(a.Weight)
		climate := "–"
		if a.Climate {
			climate = l.T("tender.yes")
		}
		ct.rows = append(ct.rows, row{cells: []string{a.Name.In(d.lang), climate, l.PercentFixed(a.Weight, 1)}})
	}
	ct.rows = append(ct.rows, row{kind: rowTotal, cells: []string{l.T("tender.sum"), "", l.PercentFixed(total, 1)}})
	d.table(ct)
	d.space(1.5)
	d.note(l.T("tender.comp.criteria.note"))

	d.heading(1, ch+".3", l.T("tender.comp.bid"))
	d.bullets([]string{
		l.T("tender.comp.bid.schedule"),
		l.T("tender.comp.bid.prices"),
		l.T("tender.comp.bid.reservations"),
	})
	return nil
}

// procedureText names a procurement procedure.
func (d *doc) procedureText(p concepts.Procedure) string {
	if key := "tender.procedure." + string(p); d.l.Has(key) {
		return d.l.T(key)
	}
	return string(p)
}

// contractText names a contract standard with what it is.
func (d *doc) contractText(c string) string {
	switch c {
	case concepts.ContractNS8405:
		return d.l.T("tender.contract.ns8405")
	case concepts.ContractNS8407:
		return d.l.T("tender.contract.ns8407")
	}
	return c
}

// specificationTable lists a unit type's specification by NS 3451 part,
// in the order of the codes.
func (d *doc) specificationTable(u *concepts.UnitType) *table {
	l := d.l
	t := &table{
		cols: []col{
			{head: "NS 3451", w: 16, align: "L"},
			{head: l.T("tender.spec.col.part"), w: 40, align: "L"},
			{head: l.T("tender.spec.col.text"), w: 114, align: "L"},
		},
		zebra: true,
	}
	codes := make([]string, 0, len(u.Specification))
	for code := range u.Specification {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		t.rows = append(t.rows, row{cells: []string{code, d.partName(code), u.Specification[code].In(d.lang)}})
	}
	return t
}

// partName names an NS 3451 building part ("23" Yttervegger), or "" for
// a code without a name.
func (d *doc) partName(code string) string {
	if key := "tender.ns3451." + code; d.l.Has(key) {
		return d.l.T(key)
	}
	return ""
}

// liftBuildings is how many lifts the variant's flats need: the dwellings
// with a lift are grouped by their buildings' storeys, and each group of n
// flats in buildings of s storeys needs ceil(n / (flatsPerFloorPerLift ×
// s)) lifts; each lift has s stops.
type liftGroup struct {
	storeys, flats, lifts int
}

func liftGroups(e *costing.Estimate) []liftGroup {
	flats := map[int]int{}
	for _, ln := range e.Lines {
		u := ln.Type
		if ln.Count > 0 && u.Kind == concepts.KindDwelling && u.Lift {
			flats[u.Storeys] += ln.Count
		}
	}
	var out []liftGroup
	for s, n := range flats {
		per := flatsPerFloorPerLift * s
		out = append(out, liftGroup{storeys: s, flats: n, lifts: (n + per - 1) / per})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].storeys < out[j].storeys })
	return out
}

// chapterQuantities writes the tenderers' chapter of quantities: units
// and areas per type, lifts per lift, the sewage plant with its capacity
// and the outdoor works with their lengths and areas.
func (d *doc) chapterQuantities() error {
	l := d.l
	e := d.first()
	ch := d.chapterHeading(l.T("tender.qty.title"))
	d.para(l.T("tender.qty.intro"))

	d.heading(1, ch+".1", l.T("tender.qty.units"))
	ut := &table{
		cols: []col{
			{head: l.T("tender.col.unittype"), w: 50, align: "L"},
			{head: l.T("tender.col.kind"), w: 24, align: "L"},
			{head: l.T("tender.col.count"), w: 14, align: "R"},
			{head: l.T("tender.qty.col.btaunit"), w: 26, align: "R"},
			{head: l.T("tender.qty.col.bta"), w: 28, align: "R"},
			{head: l.T("tender.qty.col.bra"), w: 28, align: "R"},
		},
		zebra: true,
	}
	for _, ln := range e.Lines {
		ut.rows = append(ut.rows, row{cells: []string{
			ln.Type.Name.In(d.lang), l.T("kind." + string(ln.Type.Kind)), l.Int(int64(ln.Count)),
			d.area(ln.Type.Area.BTA), d.area(ln.Area.BTA), d.area(ln.Area.BRA),
		}})
	}
	ut.rows = append(ut.rows, row{kind: rowTotal, cells: []string{
		l.T("tender.sum"), "", "", "", d.area(e.Area.BTA), d.area(e.Area.BRA),
	}})
	d.table(ut)
	d.space(2)

	d.heading(1, ch+".2", l.T("tender.qty.installations"))
	it := &table{
		cols: []col{
			{head: l.T("tender.qty.col.what"), w: 50, align: "L"},
			{head: "NS 3451", w: 16, align: "L"},
			{head: l.T("tender.col.qty"), w: 20, align: "R"},
			{head: l.T("tender.qty.col.capacity"), w: 84, align: "L"},
		},
		zebra: true,
	}
	groups := liftGroups(e)
	for _, g := range groups {
		it.rows = append(it.rows, row{cells: []string{
			l.T("tender.qty.lift"), "62", l.T("tender.qty.pieces", l.Int(int64(g.lifts))),
			l.T("tender.qty.lift.capacity", g.storeys, g.flats),
		}})
	}
	for _, s := range e.SiteItems {
		if !isSewagePlant(s.Item.Account, s.Item.Unit, s.Quantity) {
			continue
		}
		it.rows = append(it.rows, row{cells: []string{
			s.Item.Name.In(d.lang), s.Item.Account, l.T("tender.qty.pieces", l.Number(s.Quantity, 0)),
			l.T("tender.qty.sewage.capacity", l.Int(int64(e.Persons))),
		}})
	}
	if len(it.rows) == 0 {
		d.para(l.T("tender.qty.installations.none"))
	} else {
		d.table(it)
		d.space(1.5)
	}
	if len(groups) > 0 {
		d.note(l.T("tender.qty.lift.note", flatsPerFloorPerLift))
	}

	d.heading(1, ch+".3", l.T("tender.qty.site"))
	st := &table{
		cols: []col{
			{head: l.T("tender.qty.col.what"), w: 70, align: "L"},
			{head: "NS 3451", w: 16, align: "L"},
			{head: l.T("tender.col.qty"), w: 30, align: "R"},
			{head: l.T("tender.col.unit"), w: 24, align: "L"},
		},
		zebra: true,
	}
	for _, s := range e.SiteItems {
		if s.Item.Post() != 7 || !s.Quantity.IsPositive() {
			continue
		}
		st.rows = append(st.rows, row{cells: []string{
			s.Item.Name.In(d.lang), s.Item.Account, d.quantity(s.Quantity, s.Item.Unit), d.unitName(s.Item.Unit),
		}})
	}
	if len(st.rows) == 0 {
		d.para(l.T("tender.qty.site.none"))
	} else {
		d.table(st)
		d.space(1.5)
		d.note(l.T("tender.qty.site.note"))
	}

	d.heading(1, ch+".4", l.T("tender.qty.areas"))
	a := e.Area
	d.table(kv(
		l.T("tender.ch2.area"), d.area(e.SiteArea),
		l.T("tender.ch2.paved"), d.area(e.PavedArea),
		l.T("tender.area.bta"), d.area(a.BTA),
		l.T("tender.area.bra"), d.area(a.BRA),
		l.T("tender.area.tba"), d.area(a.TBA),
		l.T("tender.area.byabuildings"), d.area(a.BYABuildings),
		l.T("tender.area.parking"), l.Int(int64(e.ParkingSpaces)),
	))
	return nil
}

// quantity formats a site item's quantity: whole pieces, dwellings and
// parking spaces without decimals, metres and square metres with one.
func (d *doc) quantity(q decimal.Decimal, u concepts.Unit) string {
	switch u {
	case concepts.UnitPiece, concepts.UnitDwelling, concepts.UnitParking:
		return d.l.Fixed(q, 0)
	}
	if q.Exponent() < -1 && !q.Equal(q.Round(1)) {
		return d.l.Fixed(q, 2)
	}
	return d.l.Fixed(q, 1)
}

// unitName names a site item's unit ("m", "m²", "stk").
func (d *doc) unitName(u concepts.Unit) string { return unitName(d.l, u) }

// forcedNote is the cover's warning of a tenderers' document written for
// a variant that Tenderable refused.
func (d *doc) forcedNote() string {
	if d.forced == nil {
		return ""
	}
	msg := d.forced.Error()
	var e *Error
	if errors.As(d.forced, &e) {
		msg = e.Message(d.l)
	}
	return d.l.T("tender.forced", msg)
}

// num1 formats an area in a column whose heading gives the unit, with
// one decimal like area.
func (d *doc) num1(v decimal.Decimal) string { return d.l.Fixed(v, 1) }

// area formats an area with one decimal, so that every area in the
// document has the same number of decimals: "1 276,0 m²" ("1,276.0 m²").
func (d *doc) area(v decimal.Decimal) string {
	return d.l.Fixed(v, 1) + "\u00a0m²"
}

// chapterRef is the number of the chapter with the site and zoning, for
// the texts that refer to it.
func (d *doc) siteChapter() string {
	if d.kind == kindTender {
		return fmt.Sprint(3)
	}
	return fmt.Sprint(2)
}
