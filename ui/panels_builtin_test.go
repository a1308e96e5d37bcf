package ui

import (
	"context"
	"strconv"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// TestPanelsOnBuiltinData shows the built-in catalogue and the engine's
// estimate of the Solenga sample: the panels show what the engine computed.
func TestPanelsOnBuiltinData(t *testing.T) {
	cat, err := concepts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	s, _ := newTestCatalogueScreen(t, "nb")
	s.SetCatalogue(cat)
	if got, want := len(shownTypes(s)), len(cat.UnitTypes); got != want {
		t.Errorf("the tree shows %d unit types, the catalogue has %d", got, want)
	}
	for _, ut := range cat.UnitTypes {
		s.tree.Select(catTypePrefix + ut.ID)
		if got, want := s.card.title.Text, ut.Name.In("nb"); got != want {
			t.Errorf("card of %s: title %q, want %q", ut.ID, got, want)
		}
		if got, want := s.card.facts["bta"].Text, s.l.Area(ut.Area.BTA); got != want {
			t.Errorf("card of %s: BTA %q, want %q", ut.ID, got, want)
		}
	}

	p, err := concepts.LoadProject("../assets/samples/solenga-gol.yaml", concepts.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := costing.Run(context.Background(), p, 0)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := newTestCostsScreen(t, "nb", e)
	l := i18n.New("nb")
	for k := 1; k <= 13; k++ {
		if _, amount := costNodeText(c, "post:"+strconv.Itoa(k)); amount != l.NOK(e.Posts[k]) {
			t.Errorf("post %d: %q, want %q", k, amount, l.NOK(e.Posts[k]))
		}
	}
	if e.P50 != nil && len(c.curve.points) < 2 {
		t.Error("a simulated estimate shows no S-curve")
	}
}
