package costing_test

import (
	"math/rand/v2"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// referencePosts computes posts 1-10 of variant 0 straight from docs/ESTIMATE.md
// section 5 with plain decimal arithmetic, sharing no code with costing:
// the yardstick for the fast paths of the estimate.
func referencePosts(p *concepts.Project) [11]decimal.Decimal {
	c, cat := p.Concept, p.Catalogue
	v := c.Variants[0]
	r := c.Assumptions.RegionalFactor
	var posts [11]decimal.Decimal
	for i := range posts {
		posts[i] = decimal.Zero
	}
	vat := decimal.Zero
	n, bra := 0, decimal.Zero
	for _, ul := range v.Units {
		ut := cat.UnitType(ul.Type)
		count := decimal.NewFromInt(int64(ul.Count))
		bra = bra.Add(count.Mul(ut.Area.BRAi.Add(ut.Area.BRAe).Add(ut.Area.BRAb)))
		if ut.Kind == concepts.KindDwelling {
			n += ul.Count
		}
		for k := 2; k <= 6; k++ {
			rates, fixed := decimal.Zero, decimal.Zero
			any := false
			for code, rg := range ut.Rates {
				if int(code[0]-'0') == k {
					rates, any = rates.Add(rg.Likely), true
				}
			}
			for code, rg := range ut.Fixed {
				if int(code[0]-'0') == k {
					fixed, any = fixed.Add(rg.Likely), true
				}
			}
			if !any {
				continue
			}
			row := count.Mul(r).Mul(rates.Mul(ut.Area.BTA).Add(fixed)).Round(0)
			posts[k] = posts[k].Add(row)
			vat = vat.Add(row)
		}
	}
	parking := int64(0)
	if z := c.Site.Zoning; z != nil && z.ParkingPerDwelling != nil {
		parking = decimal.NewFromInt(int64(n)).Mul(*z.ParkingPerDwelling).Ceil().IntPart()
	}
	qty := func(it *concepts.SiteItem, q *decimal.Decimal) decimal.Decimal {
		if q != nil {
			return *q
		}
		switch it.Unit {
		case concepts.UnitDwelling:
			return decimal.NewFromInt(int64(n))
		case concepts.UnitParking:
			return decimal.NewFromInt(parking)
		case concepts.UnitSiteM2:
			return c.Site.AreaM2
		}
		return bra
	}
	items := map[int][]decimal.Decimal{}
	addItem := func(it *concepts.SiteItem, q decimal.Decimal) {
		price := it.Rate.Likely
		if it.Post() == 7 {
			price = price.Mul(r)
		}
		row := q.Mul(price).Round(0)
		posts[it.Post()] = posts[it.Post()].Add(row)
		if it.VAT {
			vat = vat.Add(row)
		}
		items[it.Post()] = append(items[it.Post()], row)
	}
	listed := map[string]bool{}
	for _, sl := range v.SiteItems {
		it := cat.SiteItem(sl.Item)
		listed[it.ID] = true
		addItem(it, qty(it, sl.Quantity))
	}
	for _, id := range cat.Municipality(c.Municipality).Items {
		if !listed[id] {
			it := cat.SiteItem(id)
			addItem(it, qty(it, nil))
		}
	}
	posts[9] = posts[9].Add(c.Site.LandCost.Round(0))
	a := decimal.Zero
	for k := 2; k <= 7; k++ {
		a = a.Add(posts[k])
	}
	hundred := decimal.NewFromInt(100)
	posts[1] = a.Mul(c.Assumptions.CommonCostsPercent).Div(hundred).Round(0)
	pct8 := posts[1].Add(a).Mul(c.Assumptions.GeneralCostsPercent).Div(hundred).Round(0)
	posts[8] = posts[8].Add(pct8)
	posts[10] = vat.Add(posts[1]).Add(pct8).Mul(cat.VATPercent).Div(hundred).Round(0)
	return posts
}

// randomDecimal returns a decimal with up to places decimals below max.
func randomDecimal(r *rand.Rand, max int64, places int32) decimal.Decimal {
	return decimal.New(r.Int64N(max*pow10(places)), -places)
}

func pow10(k int32) int64 {
	p := int64(1)
	for range k {
		p *= 10
	}
	return p
}

// TestAgainstReference compares the estimate's posts with referencePosts
// on random variants: random counts, areas with decimals, rates with up to
// three decimals, odd regional factors and percentages, and a few rates
// with 12 decimals that overflow the int64 fast path (while staying within
// MaxAmount, as Compile requires).
func TestAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for trial := range 300 {
		p := handProject()
		c := p.Concept
		c.Assumptions.RegionalFactor = randomDecimal(r, 2, 3).Add(d("0.5"))
		c.Assumptions.CommonCostsPercent = randomDecimal(r, 15, 2)
		c.Assumptions.GeneralCostsPercent = randomDecimal(r, 15, 1)
		c.Site.LandCost = randomDecimal(r, 5_000_000, 2)
		c.Site.Zoning.ParkingPerDwelling = dp(randomDecimal(r, 3, 2).String())
		for i := range p.Catalogue.UnitTypes {
			ut := &p.Catalogue.UnitTypes[i]
			ut.Area.BTA = randomDecimal(r, 200, int32(r.IntN(3))).Add(d("10"))
			ut.Area.BRAi = randomDecimal(r, 150, 1).Add(d("1"))
			for code := range ut.Rates {
				likely := randomDecimal(r, 30000, int32(r.IntN(4)))
				if r.IntN(20) == 0 {
					likely = randomDecimal(r, 100_000, 12) // overflows the int64 path
				}
				ut.Rates[code] = concepts.Range{Low: decimal.Zero, Likely: likely, High: likely.Mul(d("2"))}
			}
		}
		for i := range p.Catalogue.SiteItems {
			it := &p.Catalogue.SiteItems[i]
			likely := randomDecimal(r, 50000, int32(r.IntN(3)))
			it.Rate = concepts.Range{Low: decimal.Zero, Likely: likely, High: likely}
		}
		v := &c.Variants[0]
		for i := range v.Units {
			v.Units[i].Count = r.IntN(200)
		}
		v.Units[0].Count++ // at least one dwelling
		want := referencePosts(p)
		e := mustEstimate(t, p, 0)
		for k := 1; k <= 10; k++ {
			if !e.Posts[k].Equal(want[k]) {
				t.Fatalf("trial %d: post %d = %s, reference %s", trial, k, e.Posts[k], want[k])
			}
		}
		checkAddsUp(t, e)
	}
}
