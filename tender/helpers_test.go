package tender

import (
	"context"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// samples are the sample concepts the documents are tested with.
var samples = []string{"solenga-gol", "reveskogen-hemsedal"}

// mustInput loads a sample concept, estimates and simulates every variant
// with the engine, and returns an Input describing all variants.
func mustInput(tb testing.TB, sample string) Input {
	tb.Helper()
	p, err := concepts.LoadProject("../assets/samples/"+sample+".yaml", concepts.LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	in := Input{Project: p, Lang: "nb", Version: "1.0.0-test"}
	for i := range p.Concept.Variants {
		e, err := costing.Run(context.Background(), p, i)
		if err != nil {
			tb.Fatal(err)
		}
		in.Estimates = append(in.Estimates, e)
		in.Variants = append(in.Variants, i)
	}
	return in
}

// i18nFor returns the locale of in.
func i18nFor(in Input) *i18n.Locale { return i18n.New(in.Lang) }
