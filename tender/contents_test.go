package tender

import (
	"testing"
)

// TestContentsGuess: the contents' lines foreseen from the input are the
// lines the documents of the samples have, so each is laid out once.
func TestContentsGuess(t *testing.T) {
	for _, sample := range samples {
		for _, kind := range []docKind{kindTender, kindReport} {
			for _, variants := range [][]int{{0}, nil} {
				if kind == kindTender && variants == nil {
					continue
				}
				in := mustInput(t, sample)
				if variants != nil {
					in.Variants = variants
				}
				c, err := in.check()
				if err != nil {
					t.Fatal(err)
				}
				c.kind = kind
				d, err := renderPDF(c)
				if err != nil {
					t.Fatal(err)
				}
				if got, want := c.contentsGuess(), len(d.toc); got != want {
					t.Errorf("%s/%d/%v: guessed %d contents lines, the document has %d", sample, kind, variants, got, want)
				}
				if d.passes != 1 {
					t.Errorf("%s/%d/%v: laid out %d times", sample, kind, variants, d.passes)
				}
			}
		}
	}
}
