package concepts

import (
	"testing"

	"github.com/hallingdal/bokonsept/assets"
)

// The seed corpora are in testdata/fuzz; run a target for a while with
//
//	go test -tags migrated_fynedo -run '^$' -fuzz FuzzDecodeConcept -fuzztime 30s ./concepts/

// FuzzDecodeCatalogue checks that no input makes the catalogue decoder
// panic, and that a catalogue it accepts passes validation as a copy too.
func FuzzDecodeCatalogue(f *testing.F) {
	f.Add([]byte(MustRead(f, "catalogue.yaml")))
	f.Add(assets.CatalogueYAML)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCatalogue("fuzz.yaml", data)
		if err != nil {
			if len(Errors(err)) == 0 || len(Errors(err)) > MaxErrors+1 {
				t.Fatalf("error list of %d errors", len(Errors(err)))
			}
			checkLocalized(t, err)
			return
		}
		if err := c.Clone().Validate(); err != nil {
			t.Fatalf("accepted catalogue fails Validate: %v", err)
		}
	})
}

// FuzzDecodeConcept checks that no input makes the concept decoder panic,
// and that a concept it accepts survives a save and load unchanged.
func FuzzDecodeConcept(f *testing.F) {
	f.Add([]byte(MustRead(f, "concept.yaml")))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeConcept("fuzz.yaml", data)
		if err != nil {
			if len(Errors(err)) == 0 || len(Errors(err)) > MaxErrors+1 {
				t.Fatalf("error list of %d errors", len(Errors(err)))
			}
			checkLocalized(t, err)
			return
		}
		out, err := EncodeConcept(c, data)
		if err != nil {
			t.Fatalf("accepted concept does not encode: %v", err)
		}
		c2, err := DecodeConcept("saved.yaml", out)
		if err != nil {
			t.Fatalf("saved concept does not load: %v\n%s", err, out)
		}
		if !equalDocs(c, c2) {
			t.Fatalf("save and load changed the concept:\n%s", out)
		}
	})
}
