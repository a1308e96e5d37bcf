package ui

import (
	"slices"

	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
)

// priceLevelSelect chooses the concept's price level (assumptions.price_level):
// the catalogue's own level, which indexes nothing, or a month of the
// catalogue's cost index, to which every rate is then brought
// (docs/ESTIMATE.md, "Price level"). A choice is one undo step.
type priceLevelSelect struct {
	ed     *editor
	sel    *widget.Select
	months []string // months[i] is option i's price level; "" is the catalogue's
	// loading is true while the select shows the model's value.
	loading bool
}

// newPriceLevelSelect returns the select for the editor's concept.
func newPriceLevelSelect(ed *editor) *priceLevelSelect {
	p := &priceLevelSelect{ed: ed}
	p.sel = &widget.Select{OnChanged: p.onChanged}
	return p
}

// Widget returns the select.
func (p *priceLevelSelect) Widget() *widget.Select { return p.sel }

// refresh lists the catalogue's months and selects the concept's level.
// A level the index lacks stays listed, so that the select shows what the
// file says (the estimate explains the error).
func (p *priceLevelSelect) refresh() {
	cat, c := p.ed.catalogue(), p.ed.concept()
	p.loading = true
	defer func() { p.loading = false }()
	p.months = append(p.months[:0], "")
	if cat.CostIndex != nil {
		for m := range cat.CostIndex.Values {
			p.months = append(p.months, m)
		}
	}
	level := c.Assumptions.PriceLevel
	if level != "" && !slices.Contains(p.months, level) {
		p.months = append(p.months, level)
	}
	slices.Sort(p.months[1:])
	options := make([]string, len(p.months))
	options[0] = p.ed.l.T("panel.site.price_level_catalogue", cat.PriceLevel)
	copy(options[1:], p.months[1:])
	if !slices.Equal(options, p.sel.Options) {
		p.sel.SetOptions(options)
	}
	if i := slices.Index(p.months, level); p.sel.SelectedIndex() != i {
		p.sel.SetSelectedIndex(i)
	}
	if len(p.months) == 1 {
		p.sel.Disable()
	} else {
		p.sel.Enable()
	}
}

// hint is the help text under the select.
func (p *priceLevelSelect) hint() string {
	if cat := p.ed.catalogue(); cat.CostIndex == nil {
		return p.ed.l.T("panel.site.price_level_no_index", cat.PriceLevel)
	}
	return p.ed.l.T("panel.site.price_level.hint")
}

func (p *priceLevelSelect) onChanged(string) {
	i := p.sel.SelectedIndex()
	if p.loading || i < 0 || i >= len(p.months) {
		return
	}
	level := p.months[i]
	if level == p.ed.concept().Assumptions.PriceLevel {
		return
	}
	_ = p.ed.apply("", func(c *concepts.Concept) error {
		c.Assumptions.PriceLevel = level
		return nil
	})
}
