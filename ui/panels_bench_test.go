package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/hallingdal/bokonsept/i18n"
)

// BenchmarkCostsSetEstimate measures how long the costs screen takes to
// show a new simulated estimate: the tree, the bar chart and the S-curve.
func BenchmarkCostsSetEstimate(b *testing.B) {
	test.NewTempApp(b)
	s := newCostsScreen(i18n.New("nb"))
	w := test.NewTempWindow(b, s.Content())
	w.Resize(fyne.NewSize(1100, 700))
	s.tree.OpenAllBranches()
	e1, e2 := panelTestEstimate(true), panelTestEstimate(false)
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			s.SetEstimate(e1)
		} else {
			s.SetEstimate(e2)
		}
	}
}

// BenchmarkCatalogueSearch measures one keystroke in the catalogue search.
func BenchmarkCatalogueSearch(b *testing.B) {
	test.NewTempApp(b)
	s := newCatalogueScreen(i18n.New("nb"), nil)
	s.SetCatalogue(panelTestCatalogue())
	w := test.NewTempWindow(b, s.Content())
	w.Resize(fyne.NewSize(1000, 700))
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			s.search.SetText("mikro")
		} else {
			s.search.SetText("")
		}
	}
}
