package costing

import (
	"context"
	"slices"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// Estimate (kalkyle) is everything computed for one variant: quantities,
// areas, density, checks, NS 3453 cost posts with their rows and subtotals,
// key figures and, after simulation, P50 and P85. It is a plain value: the
// UI, the tender documents and the JSON output read it and compute nothing.
type Estimate struct {
	Concept      string
	Variant      string
	VariantIndex int
	// PriceBook is the name of the variant's price book, or "".
	PriceBook string
	Currency  string
	// PriceLevel is the month the estimate is priced at: the concept's
	// price level when it sets one (every rate indexed to it), else the
	// catalogue's (a price book at another month is then reported by the
	// pricelevel.mixed check, not relabelled).
	PriceLevel string
	VATPercent decimal.Decimal

	Dwellings     int
	Persons       int
	Bedrooms      int
	ParkingSpaces int

	Area    Areas
	Density Density

	// Lines are the variant's unit lines in order, with their totals.
	Lines []Line
	// SiteItems are the variant's site items followed by the municipality's.
	SiteItems []SiteItemLine
	// Rows are the cost rows of posts 2 to 9 in post order: one per unit
	// line and post (2-6) in which its unit type has a rate or fixed
	// amount, one per site item (7-9), and the land cost (9) when not 0.
	// Each post's amount is the sum of its rows (plus, for post 8, the
	// percentage part).
	Rows []Row

	// Posts holds NS 3453 posts 1 to 13 at indexes 1 to 13 (index 0 unused),
	// in whole kroner.
	Posts  [14]decimal.Decimal
	Totals Totals
	// GeneralCostsPercentPart is the percentage part of post 8.
	GeneralCostsPercentPart decimal.Decimal

	// P50 and P85 are the simulated basiskostnad percentiles in whole
	// kroner; nil until simulated or when iterations is 0.
	P50, P85 *decimal.Decimal
	// Distribution is the simulation behind P50 and P85, or nil.
	Distribution *Distribution

	PerDwelling PerDwelling
	// PerM2BRAKostnadsramme is kostnadsramme per m² BRA; nil when BRA is 0.
	PerM2BRAKostnadsramme *decimal.Decimal
	AffordableDwellings   int
	DwellingPrices        []DwellingPrice
	// CarbonKgPerM2BRA is kg CO2e per m² BRA (to 12 decimals); nil when
	// BRA is 0 or when no unit type of the variant gives carbon_kg_per_m2
	// (a unit type without it counts as 0).
	CarbonKgPerM2BRA *decimal.Decimal
	// CarbonKg is the variant's kg CO2e (count × BTA × kg per m² summed),
	// exact; nil when no unit type gives carbon_kg_per_m2.
	CarbonKg *decimal.Decimal

	// Economics is the buyer economics (docs/ESTIMATE.md, "Buyer
	// economics"); nil when the concept has no economics section.
	Economics *Economics

	// Checks are the checks that apply, in the order of docs/RULES.md.
	Checks []Check

	// SiteArea and PavedArea are the site's area and its paved area in m².
	SiteArea, PavedArea decimal.Decimal
	// LandCost is the land cost in NOK (no VAT), part of post 9.
	LandCost decimal.Decimal
	// FirstTimeBuyerLimit is the price a first-time buyer can afford.
	FirstTimeBuyerLimit decimal.Decimal
	// VATBase is the VAT-liable base of post 10 in whole kroner.
	VATBase decimal.Decimal

	model *Model
}

// landName names the land-cost row.
var landName = concepts.Text{"nb": "Tomtekostnad", "en": "Land cost"}

// pct returns p % of x, exactly.
func pct(x, p decimal.Decimal) decimal.Decimal { return x.Mul(p).Shift(-2) }

// densityPlaces is the precision of the density figures (they are exact
// fractions, most of which do not terminate).
const densityPlaces = 12

// Estimate computes the deterministic estimate (no simulation: P50 and P85
// nil, posts 11 and 12 zero).
func (m *Model) Estimate() *Estimate {
	c, q := m.concept, &m.q
	e := &Estimate{
		Concept:             c.Name,
		Variant:             m.variant.Name,
		VariantIndex:        m.index,
		Currency:            m.cat.Currency,
		PriceLevel:          m.cat.PriceLevel,
		VATPercent:          m.cat.VATPercent,
		Dwellings:           q.dwellings,
		Persons:             q.persons,
		Bedrooms:            q.bedrooms,
		ParkingSpaces:       q.parking,
		Area:                q.area,
		SiteArea:            q.site,
		PavedArea:           q.paved,
		LandCost:            m.landCost,
		FirstTimeBuyerLimit: m.assume.FirstTimeBuyerLimit,
		model:               m,
	}
	if m.pb != nil {
		e.PriceBook = m.pb.Name
	}
	e.Density = m.density()

	r := m.assume.RegionalFactor
	for i := range e.Posts {
		e.Posts[i] = decimal.Zero
	}

	// Unit lines: one row per line and post 2-6.
	e.Lines = make([]Line, len(m.lines))
	n := 0
	for i, l := range m.lines {
		e.Lines[i] = Line{Type: l.ut, Count: l.count, Area: l.area, unitBRA: l.unitBRA}
		for k := 2; k <= 6; k++ {
			if len(l.codes[k]) > 0 {
				n++
			}
		}
	}
	e.Rows = make([]Row, 0, n+len(m.items)+1)
	var posts [14]decSum
	var vat decSum
	lineCost := make([]decSum, len(m.lines))
	for k := 2; k <= 6; k++ {
		for i := range m.lines {
			l := &m.lines[i]
			if len(l.codes[k]) == 0 {
				continue
			}
			codes, amount, whole, fast := m.unitRow(l, k)
			e.Rows = append(e.Rows, Row{Post: k, Source: SourceUnit, Ref: l.ut.ID, Name: l.ut.Name, Count: l.count, Amount: amount, VAT: true, Codes: codes})
			posts[k].addAmount(amount, whole, fast)
			lineCost[i].addAmount(amount, whole, fast)
			vat.addAmount(amount, whole, fast)
		}
	}
	for i := range e.Lines {
		e.Lines[i].Cost = lineCost[i].value()
	}

	// Site items, in post order (7, 8, 9), each post in the variant's order.
	e.SiteItems = make([]SiteItemLine, len(m.items))
	for i, il := range m.items {
		e.SiteItems[i] = SiteItemLine{Item: il.item, Quantity: il.qty, Derived: il.derived, Municipal: il.municipal}
	}
	for post := 7; post <= 9; post++ {
		for i, il := range m.items {
			it := il.item
			if it.Post() != post {
				continue
			}
			price := it.Rate.Likely
			if post == 7 {
				price = r.Mul(price)
			}
			cl := CodeLine{Code: it.Account, Quantity: il.qty, Unit: it.Unit, UnitPrice: price}
			cl.Exact = cl.Quantity.Mul(cl.UnitPrice)
			amount := cl.Exact.Round(0)
			e.Rows = append(e.Rows, Row{Post: post, Source: SourceSiteItem, Ref: it.ID, Name: it.Name, Amount: amount, VAT: it.VAT, Codes: []CodeLine{cl}})
			e.SiteItems[i].Amount = amount
			posts[post].add(amount)
			if it.VAT {
				vat.add(amount)
			}
		}
		if post == 9 && !m.landCost.IsZero() {
			land := m.landCost.Round(0)
			e.Rows = append(e.Rows, Row{Post: 9, Source: SourceLand, Name: landName, Amount: land})
			posts[9].add(land)
		}
	}
	for k := 2; k <= 9; k++ {
		e.Posts[k] = posts[k].value()
	}
	vatBase := vat.value()

	// Post 1 on posts 2-7; post 8's percentage part on entreprisekostnad.
	posts27 := decimal.Zero
	for k := 2; k <= 7; k++ {
		posts27 = posts27.Add(e.Posts[k])
	}
	e.Posts[1] = pct(posts27, m.assume.CommonCostsPercent).Round(0)
	entreprise := e.Posts[1].Add(posts27)
	e.GeneralCostsPercentPart = pct(entreprise, m.assume.GeneralCostsPercent).Round(0)
	e.Posts[8] = e.Posts[8].Add(e.GeneralCostsPercentPart)
	vatBase = vatBase.Add(e.Posts[1]).Add(e.GeneralCostsPercentPart)
	e.VATBase = vatBase
	e.Posts[10] = pct(vatBase, m.cat.VATPercent).Round(0)

	e.finish()
	return e
}

// unitRow returns the code lines of line l in post k and the row amount:
// round(Σ quantity × unit price), in int64 when it fits (exact.go); then
// fast is true and whole is the amount as an int64.
func (m *Model) unitRow(l *unitLine, k int) (codes []CodeLine, amount decimal.Decimal, whole int64, fast bool) {
	codes = make([]CodeLine, len(l.codes[k]))
	ok := m.fastRows && l.fast
	var sum int64
	for j, cr := range l.codes[k] {
		cl := CodeLine{Code: cr.code, Fixed: cr.fixed, Quantity: l.bta, Unit: concepts.UnitM2, UnitPrice: cr.price}
		qc := l.btaC
		if cr.fixed {
			cl.Quantity, cl.Unit, qc = l.n, concepts.UnitPiece, l.nC
		}
		if ok = ok && cr.fast; ok {
			var p int64
			if p, ok = mulInt(qc, cr.priceC); ok {
				sum, ok = addInt(sum, p)
				cl.Exact = decimal.New(p, m.exactExp)
			}
		}
		codes[j] = cl
	}
	if ok {
		whole = roundDiv(sum, m.exactDiv)
		return codes, decimal.New(whole, 0), whole, true
	}
	exact := decimal.Zero
	for j := range codes {
		codes[j].Exact = codes[j].Quantity.Mul(codes[j].UnitPrice)
		exact = exact.Add(codes[j].Exact)
	}
	return codes, exact.Round(0), 0, false
}

// density computes the H-2300 metrics of section 5.
func (m *Model) density() Density {
	q := &m.q
	d := Density{BYAPercent: decimal.Zero, BRAPercent: decimal.Zero, DwellingsPerDaa: decimal.Zero}
	if q.site.IsPositive() {
		d.BYAPercent = q.area.BYA.Mul(hundred).DivRound(q.site, densityPlaces)
		d.BRAPercent = q.area.BRA.Add(parkingSpace.Mul(decimal.NewFromInt(int64(q.parking)))).Mul(hundred).DivRound(q.site, densityPlaces)
		d.DwellingsPerDaa = decimal.NewFromInt(int64(q.dwellings)).Mul(thousand).DivRound(q.site, densityPlaces)
	}
	if q.dwellings > 0 {
		mua := q.site.Sub(q.area.BYA).Sub(q.paved).DivRound(decimal.NewFromInt(int64(q.dwellings)), densityPlaces)
		d.MUAPerDwelling = &mua
	}
	return d
}

// finish computes everything that follows posts 1-10 and P50/P85: posts
// 11-13, the subtotals, the key figures, the dwelling prices and the
// checks. Estimate and WithSimulation both end here.
func (e *Estimate) finish() {
	m := e.model
	p := &e.Posts
	p[11], p[12] = decimal.Zero, decimal.Zero
	t := &e.Totals
	t.Huskostnad = sum(p[1:7])
	t.Entreprisekostnad = t.Huskostnad.Add(p[7])
	t.Byggekostnad = t.Entreprisekostnad.Add(p[8])
	t.Basiskostnad = t.Byggekostnad.Add(p[9]).Add(p[10])
	if e.P50 != nil && e.P85 != nil {
		p[11] = e.P50.Sub(t.Basiskostnad)
		p[12] = e.P85.Sub(*e.P50)
	}
	t.Prosjektkostnad = t.Basiskostnad.Add(p[11])
	t.Kostnadsramme = t.Prosjektkostnad.Add(p[12])
	if m == nil {
		// Not made by (*Model).Estimate: only the posts and totals follow.
		p[13] = decimal.Zero
		t.KostnadsrammeInklPrisregulering = t.Kostnadsramme
		return
	}
	p[13] = pct(t.Kostnadsramme, m.assume.PriceAdjustmentPercent).Round(0)
	t.KostnadsrammeInklPrisregulering = t.Kostnadsramme.Add(p[13])

	// Key figures.
	e.PerDwelling = PerDwelling{}
	if e.Dwellings > 0 {
		n := decimal.NewFromInt(int64(e.Dwellings))
		kr, pk := t.Kostnadsramme.DivRound(n, 0), t.Prosjektkostnad.DivRound(n, 0)
		e.PerDwelling = PerDwelling{Kostnadsramme: &kr, Prosjektkostnad: &pk}
	}
	e.PerM2BRAKostnadsramme, e.CarbonKgPerM2BRA, e.CarbonKg = nil, nil, nil
	if m.carbonKnown {
		c := m.carbon
		e.CarbonKg = &c
	}
	if e.Area.BRA.IsPositive() {
		v := t.Kostnadsramme.DivRound(e.Area.BRA, 0)
		e.PerM2BRAKostnadsramme = &v
		if m.carbonKnown {
			c := m.carbon.DivRound(e.Area.BRA, densityPlaces)
			e.CarbonKgPerM2BRA = &c
		}
	}

	// Dwelling prices: prosjektkostnad shared by BRA among the dwellings,
	// one entry per dwelling unit type (lines of the same type merged).
	e.DwellingPrices, e.AffordableDwellings = nil, 0
	if braDwellings := m.braDwellings; braDwellings.IsPositive() {
		for _, l := range e.Lines {
			if l.Type.Kind != concepts.KindDwelling || l.Count == 0 {
				continue
			}
			if i := slices.IndexFunc(e.DwellingPrices, func(d DwellingPrice) bool { return d.Type.ID == l.Type.ID }); i >= 0 {
				e.DwellingPrices[i].Count += l.Count
				continue
			}
			price := mulDivRound(t.Prosjektkostnad, l.unitBRA, braDwellings)
			e.DwellingPrices = append(e.DwellingPrices, DwellingPrice{Type: l.Type, Count: l.Count, Price: price,
				Affordable: price.LessThanOrEqual(e.FirstTimeBuyerLimit)})
		}
		for _, d := range e.DwellingPrices {
			if d.Affordable {
				e.AffordableDwellings += d.Count
			}
		}
	}

	e.Checks = e.checks()
}

func sum(ds []decimal.Decimal) decimal.Decimal {
	s := decimal.Zero
	for _, d := range ds {
		s = s.Add(d)
	}
	return s
}

// Run compiles variant i, estimates it and simulates it: the whole estimate.
func Run(ctx context.Context, p *concepts.Project, variant int) (*Estimate, error) {
	m, err := Compile(p, variant)
	if err != nil {
		return nil, err
	}
	d, err := m.Simulate(ctx, nil)
	if err != nil {
		return nil, err
	}
	e := m.Estimate()
	if d == nil {
		return e, nil
	}
	return e.WithSimulation(d), nil
}
