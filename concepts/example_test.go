package concepts_test

import (
	"errors"
	"fmt"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
)

// Every problem of a file is reported together, each with its file, line
// and column, where in the document it is, and what to do.
func ExampleDecodeCatalogue() {
	data := []byte(`format: bokonsept/catalogue@1
name: Eksempel
currency: NOK
price_level: 2025-06
vat_percent: 25
families:
  - {id: solenga, name: Solenga, setting: urban}
unit_types:
  - id: solenga-2r
    family: solenga
    kind: dwelling
    form: flat
    name: {nb: 2-roms leilighet}
    bedrooms: 1
    persons: 2
    storeys: many
    lift: true
    accessible: true
    area: {bra_i: 48, bra_e: 5, bra_b: 0, tba: 8, bta: 62, bya: 21}
    rates:
      "2": [21000, 19000, 23000]
    colour: red
site_items: []
municipalities: []
`)
	_, err := concepts.DecodeCatalogue("katalog.yaml", data)
	fmt.Println(err)

	// The errors can also be taken one by one.
	var list concepts.ErrorList
	if errors.As(err, &list) {
		fmt.Println(len(list), "errors, the first on line", list[0].Line)
	}
	// Output:
	// katalog.yaml:16:14: unit type "solenga-2r": storeys: needs a whole number, not "many"
	// katalog.yaml:21:12: unit type "solenga-2r": rates "2": low 21000 is above likely 19000
	// katalog.yaml:22:5: unit type "solenga-2r": unknown field "colour"; known fields are id, family, kind, form, name, bedrooms, persons, storeys, lift, accessible, area, rates, fixed, carbon_kg_per_m2, footprint, requirements, specification
	// 3 errors, the first on line 16
}

// A concept file written by a newer Bokonsept is refused with a clear
// message.
func ExampleDecodeConcept() {
	_, err := concepts.DecodeConcept("konsept.yaml", []byte("format: bokonsept/concept@2\nname: Ny\n"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, concepts.ErrVersion))
	// Output:
	// konsept.yaml:1:9: bokonsept/concept@2 was made by a newer Bokonsept; this version reads @1: update Bokonsept
	// true
}

// Localize renders the problems in the user's language: bokmål, the
// default, or English. Names from the file keep their spelling; numbers
// are grouped the language's way.
func ExampleLocalize() {
	data := []byte(`format: bokonsept/concept@1
name: Solenga Gol
catalogue: builtin
municipality: gol
revision: {id: A, date: 2026-02-30}
site: {area_m2: 0}
assumptions:
  common_costs_percent: 10
  general_costs_percent: 12
  regional_factor: 1
  price_adjustment_percent: 0
  first_time_buyer_limit: 3000000
  simulation: {iterations: 20000, seed: 1}
variants:
  - name: A
    units: [{type: solenga-2r, count: many}]
`)
	_, err := concepts.DecodeConcept("konsept.yaml", data)
	fmt.Println(concepts.Localize(err, i18n.New("nb")))
	// Output:
	// konsept.yaml:5:25: revision: date «2026-02-30» er ikke en dato som finnes
	// konsept.yaml:6:17: site: area_m2 0 må være over 0
	// konsept.yaml:16:39: variant «A»: enhet «solenga-2r»: count: trenger et heltall, ikke «many»
}
