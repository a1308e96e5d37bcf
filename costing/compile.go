package costing

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// Model is a variant compiled for fast estimating and simulation. It is
// immutable and safe for concurrent use.
type Model struct {
	concept  *concepts.Concept
	variant  *concepts.Variant
	index    int
	cat      *concepts.Catalogue
	pb       *concepts.PriceBook
	zoning   concepts.Zoning
	assume   concepts.Assumptions
	lines    []unitLine
	items    []itemLine
	q        quantities
	landCost decimal.Decimal
	sim      simModel
	// exactExp is the exponent of every unit code's exact amount and
	// exactDiv 10^−exactExp, for the int64 fast path (exact.go); fastRows
	// is false when exactDiv does not fit.
	exactExp int32
	exactDiv int64
	fastRows bool
	// braDwellings is the BRA of all dwellings; carbon the sum of count ×
	// BTA × kg CO2e per m² over the lines that know it (carbonKnown).
	braDwellings, carbon decimal.Decimal
	carbonKnown          bool
}

// unitLine is a unit line resolved against the catalogue, with the unit
// type's codes sorted per post.
type unitLine struct {
	ut    *concepts.UnitType
	count int
	// area is count × the unit's areas; n the count and bta count × BTA
	// as decimals: the quantities of the line's codes.
	area   Areas
	n, bta decimal.Decimal
	// unitBRA is the BRA of one unit.
	unitBRA decimal.Decimal
	// btaC and nC are the coefficients of bta and n at the model's
	// quantity exponent; fast is false when they do not fit an int64.
	btaC, nC int64
	fast     bool
	// codes[k] are the rate and fixed codes whose first digit is k (2-6),
	// sorted by code, rates before fixed amounts of the same code.
	codes [10][]codeRef
}

// codeRef is one rate or fixed amount of a unit type.
type codeRef struct {
	code  string
	fixed bool
	rng   concepts.Range
	// price is the unit price: regional factor × likely.
	price decimal.Decimal
	// priceC is price's coefficient at the model's price exponent; fast
	// is false when it does not fit an int64.
	priceC int64
	fast   bool
}

// itemLine is a site item of the variant with its resolved quantity.
type itemLine struct {
	item      *concepts.SiteItem
	qty       decimal.Decimal
	derived   bool
	municipal bool
}

// quantities are the counts and areas of a variant (docs/ESTIMATE.md).
type quantities struct {
	dwellings, persons, bedrooms, parking int
	area                                  Areas
	site, paved                           decimal.Decimal
}

var (
	hundred  = decimal.NewFromInt(100)
	thousand = decimal.NewFromInt(1000)
)

// Compile prepares variant i of the project for estimating. It fails when
// the variant refers to what the catalogue lacks.
func Compile(p *concepts.Project, variant int) (*Model, error) {
	if p == nil || p.Concept == nil {
		return nil, errorf("costing.err.no_concept")
	}
	cat, pb, err := p.VariantCatalogue(variant)
	if err != nil {
		return nil, err
	}
	c := p.Concept
	v := &c.Variants[variant]
	m := &Model{
		concept:  c,
		variant:  v,
		index:    variant,
		cat:      cat,
		pb:       pb,
		assume:   c.Assumptions,
		landCost: c.Site.LandCost,
	}
	if c.Site.Zoning != nil {
		m.zoning = *c.Site.Zoning
	}
	if len(v.Units) == 0 {
		return nil, errorf("costing.err.no_units", v.Name)
	}
	muni := cat.Municipality(c.Municipality)
	if muni == nil {
		return nil, errorf("costing.err.municipality", c.Municipality, cat.Name)
	}

	// Unit lines and quantities.
	q := &m.q
	q.site, q.paved = c.Site.AreaM2, c.Site.PavedM2
	var area areaSum
	var braDwellings, carbon decSum
	var keys []string
	factor := newScale(c.Assumptions.RegionalFactor)
	for _, ul := range v.Units {
		ut := cat.UnitType(ul.Type)
		if ut == nil {
			return nil, errorf("costing.err.unit_type", v.Name, ul.Type, cat.Name)
		}
		if ul.Count < 0 {
			return nil, errorf("costing.err.count", v.Name, ul.Type, ul.Count)
		}
		l := unitLine{ut: ut, count: ul.Count, area: lineAreas(ut, ul.Count), n: decimal.NewFromInt(int64(ul.Count))}
		l.bta, l.unitBRA = l.area.BTA, addDec(addDec(ut.Area.BRAi, ut.Area.BRAe), ut.Area.BRAb)
		keys = sortedKeys(keys, ut.Rates)
		for _, code := range keys {
			if err := addCode(&l, code, false, ut.Rates[code], factor); err != nil {
				return nil, errorf("costing.err.code", v.Name, ut.ID, err.Error())
			}
		}
		keys = sortedKeys(keys, ut.Fixed)
		for _, code := range keys {
			if err := addCode(&l, code, true, ut.Fixed[code], factor); err != nil {
				return nil, errorf("costing.err.code", v.Name, ut.ID, err.Error())
			}
		}
		for k := range l.codes {
			slices.SortStableFunc(l.codes[k], func(a, b codeRef) int { return strings.Compare(a.code, b.code) })
		}
		m.lines = append(m.lines, l)
		area.add(&l.area)
		if ut.CarbonKgPerM2 != nil {
			carbon.add(mulDec(l.area.BTA, *ut.CarbonKgPerM2))
			m.carbonKnown = true
		}
		if ut.Kind == concepts.KindDwelling {
			braDwellings.add(l.area.BRA)
			q.dwellings += ul.Count
			q.persons += ul.Count * ut.Persons
			q.bedrooms += ul.Count * ut.Bedrooms
		}
	}
	q.area = area.value()
	m.braDwellings, m.carbon = braDwellings.value(), carbon.value()
	if norm := m.zoning.ParkingPerDwelling; norm != nil {
		q.parking = int(decimal.NewFromInt(int64(q.dwellings)).Mul(*norm).Ceil().IntPart())
	}
	q.area.BYA = q.area.BYABuildings.Add(parkingSpace.Mul(decimal.NewFromInt(int64(q.parking))))

	// Site items: the variant's, then the municipality's.
	listed := make(map[string]bool)
	for _, sl := range v.SiteItems {
		it := cat.SiteItem(sl.Item)
		if it == nil {
			return nil, errorf("costing.err.site_item", v.Name, sl.Item, cat.Name)
		}
		if err := checkAccount(it); err != nil {
			return nil, errorf("costing.err.account", v.Name, it.ID, it.Account)
		}
		il := itemLine{item: it}
		if sl.Quantity != nil {
			il.qty = *sl.Quantity
		} else {
			if !it.Unit.Derived() {
				return nil, errorf("costing.err.quantity", v.Name, it.ID, string(it.Unit))
			}
			il.qty, il.derived = q.derive(it.Unit), true
		}
		listed[it.ID] = true
		m.items = append(m.items, il)
	}
	for _, id := range muni.Items {
		it := cat.SiteItem(id)
		if it == nil {
			return nil, errorf("costing.err.municipal_item", muni.ID, id, cat.Name)
		}
		if err := checkAccount(it); err != nil {
			return nil, errorf("costing.err.account", muni.ID, it.ID, it.Account)
		}
		if !it.Unit.Derived() {
			return nil, errorf("costing.err.municipal_unit", muni.ID, it.ID, string(it.Unit))
		}
		if listed[it.ID] {
			// The variant lists the item itself (perhaps with its own
			// quantity): charge it once.
			continue
		}
		m.items = append(m.items, itemLine{item: it, qty: q.derive(it.Unit), derived: true, municipal: true})
	}
	m.alignExponents()
	m.sim = m.compileSim()
	if most := m.sim.max * (1 + toFloat(m.assume.PriceAdjustmentPercent)/100); !(most <= MaxAmount) {
		return nil, errorf("costing.err.too_large", v.Name, i18n.NOK(decimal.NewFromInt(MaxAmount)))
	}
	return m, nil
}

// MaxAmount is the largest kostnadsramme inkl. prisregulering, NOK, that an
// estimate may reach with every rate, factor and risk at its high end. Far
// above any housing project, it keeps every amount exact in int64 kroner
// and in the simulation's float64 (docs/FORMATS.md, "Limits"); Compile
// refuses a variant that could exceed it rather than print a wrong figure.
const MaxAmount = 1_000_000_000_000_000

// MaxSimulationWork is the most draws a simulation of several variants may
// make in all: iterations × (variables, factors and risks) summed over the
// variants. It keeps a run within seconds and memory within reason.
const MaxSimulationWork = 500_000_000

// Work returns the draws the model's simulation makes: iterations × (one
// per variable and factor, two per risk).
func (m *Model) Work() int64 {
	per := int64(len(m.sim.vars) + len(m.sim.factors) + 2*len(m.sim.risks))
	return int64(max(m.assume.Simulation.Iterations, 0)) * max(per, 1)
}

// CheckWork returns an error when simulating all the models would make
// more than MaxSimulationWork draws.
func CheckWork(models []*Model) error {
	var work int64
	for _, m := range models {
		if m != nil {
			work += m.Work()
		}
	}
	if work > MaxSimulationWork {
		return errorf("costing.err.too_much_work", int(work), MaxSimulationWork)
	}
	return nil
}

// alignExponents gives every quantity of the unit lines' codes one decimal
// exponent and every unit price another, without changing their values, so
// that all the codes' exact amounts share an exponent and add up without
// decimal's costly rescaling (its powers of ten are big.Int exponentiations).
func (m *Model) alignExponents() {
	eq, ep := int32(0), int32(0)
	for _, l := range m.lines {
		eq = min(eq, l.bta.Exponent(), l.n.Exponent())
		for _, codes := range l.codes {
			for _, cr := range codes {
				ep = min(ep, cr.price.Exponent())
			}
		}
	}
	m.exactExp = eq + ep
	m.exactDiv, m.fastRows = pow10Int(-m.exactExp)
	for i := range m.lines {
		l := &m.lines[i]
		l.bta, l.n = withExp(l.bta, eq), withExp(l.n, eq)
		var ok1, ok2 bool
		l.btaC, ok1 = coef(l.bta)
		l.nC, ok2 = coef(l.n)
		l.fast = ok1 && ok2
		for k := range l.codes {
			for j := range l.codes[k] {
				cr := &l.codes[k][j]
				cr.price = withExp(cr.price, ep)
				cr.priceC, cr.fast = coef(cr.price)
			}
		}
	}
}

// scale is a decimal multiplier with its coefficient, when that fits an
// int64, taken once.
type scale struct {
	d  decimal.Decimal
	c  int64
	ok bool
}

func newScale(d decimal.Decimal) scale {
	c, ok := coef(d)
	return scale{d, c, ok}
}

// times returns s × x.
func (s scale) times(x decimal.Decimal) decimal.Decimal {
	if s.ok {
		return mulCoefDec(s.c, s.d.Exponent(), x)
	}
	return s.d.Mul(x)
}

func addCode(l *unitLine, code string, fixed bool, r concepts.Range, factor scale) error {
	if code == "" || code[0] < '2' || code[0] > '6' {
		return fmt.Errorf("%q", code)
	}
	k := code[0] - '0'
	l.codes[k] = append(l.codes[k], codeRef{code: code, fixed: fixed, rng: r, price: factor.times(r.Likely)})
	return nil
}

// errBadAccount says a site item's account is neither a code under 7 nor
// "8" or "9"; the caller names the item.
var errBadAccount = errors.New("bad account")

func checkAccount(it *concepts.SiteItem) error {
	if it.Account == "" || (it.Account[0] != '7' && it.Account != "8" && it.Account != "9") {
		return errBadAccount
	}
	return nil
}

// derive returns the quantity of a derived unit.
func (q *quantities) derive(u concepts.Unit) decimal.Decimal {
	switch u {
	case concepts.UnitDwelling:
		return decimal.NewFromInt(int64(q.dwellings))
	case concepts.UnitParking:
		return decimal.NewFromInt(int64(q.parking))
	case concepts.UnitSiteM2:
		return q.site
	case concepts.UnitBRAM2:
		return q.area.BRA
	}
	return decimal.Zero
}

// lineAreas returns count × the unit type's areas (BYA is the buildings' footprint).
func lineAreas(ut *concepts.UnitType, count int) Areas {
	n := int64(count)
	a := Areas{
		BTA:  mulCoefDec(n, 0, ut.Area.BTA),
		BRAi: mulCoefDec(n, 0, ut.Area.BRAi),
		BRAe: mulCoefDec(n, 0, ut.Area.BRAe),
		BRAb: mulCoefDec(n, 0, ut.Area.BRAb),
		TBA:  mulCoefDec(n, 0, ut.Area.TBA),
	}
	a.BRA = addDec(addDec(a.BRAi, a.BRAe), a.BRAb)
	a.BYABuildings = mulCoefDec(n, 0, ut.Area.BYA)
	a.BYA = a.BYABuildings
	return a
}

// areaSum sums Areas field by field.
type areaSum struct {
	bta, bra, brai, brae, brab, tba, byaBuildings decSum
}

func (s *areaSum) add(a *Areas) {
	s.bta.add(a.BTA)
	s.bra.add(a.BRA)
	s.brai.add(a.BRAi)
	s.brae.add(a.BRAe)
	s.brab.add(a.BRAb)
	s.tba.add(a.TBA)
	s.byaBuildings.add(a.BYABuildings)
}

// value returns the sums; BYA is BYABuildings (parking is added later).
func (s *areaSum) value() Areas {
	a := Areas{BTA: s.bta.value(), BRA: s.bra.value(), BRAi: s.brai.value(), BRAe: s.brae.value(),
		BRAb: s.brab.value(), TBA: s.tba.value(), BYABuildings: s.byaBuildings.value()}
	a.BYA = a.BYABuildings
	return a
}

// sortedKeys returns m's keys sorted, reusing buf's array.
func sortedKeys(buf []string, m map[string]concepts.Range) []string {
	buf = buf[:0]
	for k := range m {
		buf = append(buf, k)
	}
	slices.Sort(buf)
	return buf
}
