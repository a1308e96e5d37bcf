package costing_test

import (
	"fmt"

	"github.com/hallingdal/bokonsept/concepts"
)

// benchProject returns a variant of lines unit lines (each its own unit
// type with 4 rates and a fixed amount) holding dwellings dwellings in all,
// 10 site items (2 municipal) and 2 uncertainty factors, simulated with
// iterations iterations.
func benchProject(lines, dwellings, iterations int) *concepts.Project {
	p := handProject()
	cat := p.Catalogue
	cat.UnitTypes = nil
	v := &p.Concept.Variants[0]
	v.Units = nil
	left := dwellings
	for i := range lines {
		id := fmt.Sprintf("type-%02d", i)
		kind, form := concepts.KindDwelling, concepts.FormFlat
		if i%8 == 7 {
			kind, form = concepts.KindShared, concepts.FormOther
		}
		ut := concepts.UnitType{
			ID: id, Family: "test", Kind: kind, Form: form, Name: concepts.Text{"nb": "Type " + id, "en": "Type " + id},
			Bedrooms: 1 + i%3, Persons: 2 + i%3, Storeys: 3, Lift: true, Accessible: true,
			Area: areas(fmt.Sprint(40+i), "3", "1.5", "6", fmt.Sprint(60+i), "22.5"),
			Rates: map[string]concepts.Range{
				"2":  rng("17000", "19000.5", "23000"),
				"31": rng("2600", "3000", "3800"),
				"4":  rng("1500", "1700", "2100"),
				"5":  rng("300", "450.25", "600"),
			},
			Fixed:         map[string]concepts.Range{"62": rng("40000", "52000", "70000")},
			CarbonKgPerM2: dp("210"),
		}
		cat.UnitTypes = append(cat.UnitTypes, ut)
		n := 1
		if kind == concepts.KindDwelling {
			n = left / max(1, (lines-i)*7/8)
			left -= n
		}
		v.Units = append(v.Units, concepts.UnitLine{Type: id, Count: n})
	}
	v.Units[0].Count += left
	cat.SiteItems = cat.SiteItems[:5]
	for i := range 5 {
		cat.SiteItems = append(cat.SiteItems, concepts.SiteItem{ID: fmt.Sprintf("item-%d", i), Name: concepts.Text{"nb": "Element"},
			Account: fmt.Sprint(71 + i), Unit: concepts.UnitDwelling, Rate: rng("10000", "12000", "16000"), VAT: true})
		if i < 4 {
			v.SiteItems = append(v.SiteItems, concepts.SiteItemLine{Item: fmt.Sprintf("item-%d", i)})
		}
	}
	cat.Municipalities[0].Items = []string{"va", "item-4"}
	p.Concept.Site.AreaM2 = d("60000")
	p.Concept.Site.Zoning = &concepts.Zoning{MaxBYAPercent: dp("35"), MaxBRAPercent: dp("90"), MinMUAPerDwelling: dp("30"),
		MaxStoreys: ip(3), MinDwellingsPerDaa: dp("2"), ParkingPerDwelling: dp("1")}
	p.Concept.Assumptions.Simulation.Iterations = iterations
	return p
}
