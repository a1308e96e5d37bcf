package ui

import (
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// unitTypeCard shows one unit type: its facts, areas, rates, fixed amounts,
// carbon, requirements and plan sketch.
type unitTypeCard struct {
	l *i18n.Locale

	title, subtitle *widget.Label
	facts           map[string]*widget.Label
	rates, fixed    *fyne.Container
	ratesHeader     *widget.Label
	fixedHeader     *widget.Label
	requirements    *widget.Label
	sketch          *planSketch
	body            *fyne.Container
	columns         *cardColumns
	empty           *widget.Label
	content         fyne.CanvasObject
}

// cardFacts are the keys of the card's fact rows, in order; each has a
// label "panel.catalogue.<key>".
var cardFacts = []string{"kind", "form", "bedrooms", "persons", "storeys", "lift", "accessible", "carbon"}

// cardAreas are the keys of the card's area rows, in order.
var cardAreas = []string{"bra_i", "bra_e", "bra_b", "bra", "tba", "bta", "bya"}

func newUnitTypeCard(l *i18n.Locale) *unitTypeCard {
	c := &unitTypeCard{l: l, facts: map[string]*widget.Label{}, columns: &cardColumns{}}
	c.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText, Wrapping: fyne.TextWrapWord}
	c.subtitle = &widget.Label{Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
	grid := func(keys []string) *fyne.Container {
		g := container.New(layout.NewFormLayout())
		for _, k := range keys {
			v := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
			c.facts[k] = v
			g.Add(&widget.Label{Text: l.T("panel.catalogue." + k), TextStyle: fyne.TextStyle{Bold: true}})
			g.Add(v)
		}
		return g
	}
	// Each code above its rate, not beside it: side by side they would
	// make the card wider than the catalogue's share of the window and
	// push the split between catalogue and variants.
	c.rates = container.NewVBox()
	c.fixed = container.NewVBox()
	c.ratesHeader = cardHeading(l.T("panel.catalogue.rates"))
	c.fixedHeader = cardHeading(l.T("panel.catalogue.fixed"))
	c.requirements = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.sketch = newPlanSketch(l.T("panel.plan.none"))

	facts := container.NewVBox(
		cardHeading(l.T("panel.catalogue.facts")), grid(cardFacts),
		cardHeading(l.T("panel.catalogue.areas")), grid(cardAreas),
	)
	plan := container.NewBorder(cardHeading(l.T("panel.plan.title")), nil, nil, nil, c.sketch)
	c.body = container.NewVBox(
		c.title, c.subtitle,
		container.New(c.columns, facts, plan),
		widget.NewSeparator(),
		c.ratesHeader, c.rates, c.fixedHeader, c.fixed,
		widget.NewSeparator(),
		cardHeading(l.T("panel.catalogue.requirements")), c.requirements,
	)
	c.empty = &widget.Label{Text: l.T("panel.catalogue.choose"), Alignment: fyne.TextAlignCenter, Importance: widget.LowImportance}
	c.content = container.NewStack(container.NewVScroll(container.NewPadded(c.body)), container.NewCenter(c.empty))
	c.body.Hide()
	return c
}

func panelHeading(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.HighImportance}
}

// cardHeading is a panelHeading that wraps, so that a long heading does
// not widen the unit-type card.
func cardHeading(text string) *widget.Label {
	h := panelHeading(text)
	h.Wrapping = fyne.TextWrapWord
	return h
}

// show fills the card with ut of family fam, or shows the hint to choose
// one when ut is nil.
func (c *unitTypeCard) show(ut *concepts.UnitType, fam *concepts.Family) {
	if ut == nil {
		c.body.Hide()
		c.empty.Show()
		c.sketch.Clear()
		return
	}
	l := c.l
	c.empty.Hide()
	c.title.SetText(ut.Name.In(l.Lang()))
	family := ut.Family
	if fam != nil {
		family = fam.Name
	}
	c.subtitle.SetText(l.T("panel.catalogue.subtitle", family, ut.ID))

	yesNo := func(b bool) string {
		if b {
			return l.T("panel.yes")
		}
		return l.T("panel.no")
	}
	carbon := l.T("panel.catalogue.carbon_unknown")
	if ut.CarbonKgPerM2 != nil {
		carbon = l.T("panel.catalogue.carbon_value", *ut.CarbonKgPerM2)
	}
	a := ut.Area
	for k, v := range map[string]string{
		"kind":       l.T("kind." + string(ut.Kind)),
		"form":       l.T("form." + string(ut.Form)),
		"bedrooms":   l.Int(int64(ut.Bedrooms)),
		"persons":    l.Int(int64(ut.Persons)),
		"storeys":    l.Int(int64(ut.Storeys)),
		"lift":       yesNo(ut.Lift),
		"accessible": yesNo(ut.Accessible),
		"carbon":     carbon,
		"bra_i":      l.Area(a.BRAi),
		"bra_e":      l.Area(a.BRAe),
		"bra_b":      l.Area(a.BRAb),
		"bra":        l.Area(a.BRA()),
		"tba":        l.Area(a.TBA),
		"bta":        l.Area(a.BTA),
		"bya":        l.Area(a.BYA),
	} {
		c.facts[k].SetText(v)
	}

	fillRanges(l, c.rates, ut.Rates, "panel.catalogue.rate")
	c.ratesHeader.Show()
	if len(ut.Rates) == 0 {
		c.ratesHeader.Hide()
	}
	fillRanges(l, c.fixed, ut.Fixed, "panel.catalogue.fixed_amount")
	c.fixedHeader.Show()
	if len(ut.Fixed) == 0 {
		c.fixedHeader.Hide()
	}

	reqs := ut.Requirements.In(l.Lang())
	if len(reqs) == 0 {
		c.requirements.SetText(l.T("panel.catalogue.no_requirements"))
	} else {
		c.requirements.SetText("• " + strings.Join(reqs, "\n• "))
	}

	plan := costing.PlanOf(ut)
	c.sketch.SetPlan(plan, planTextsOf(l, ut, plan))
	c.body.Show()
	c.body.Refresh()
}

// fillRanges replaces the rows of g with one per NS 3451 code of ranges, in
// code order: the code with its NS 3453 post, and the likely value with
// low–high through the key.
func fillRanges(l *i18n.Locale, g *fyne.Container, ranges map[string]concepts.Range, key string) {
	g.RemoveAll()
	for _, code := range slices.Sorted(maps.Keys(ranges)) {
		r := ranges[code]
		g.Add(&widget.Label{Text: l.T("panel.catalogue.code", code, l.T("post."+code[:min(len(code), 1)])), TextStyle: fyne.TextStyle{Bold: true}})
		g.Add(&widget.Label{Text: l.T(key, i18n.NOK(r.Likely), r.Low, r.High)})
	}
}

// planTextsOf formats the labels of p, the plan sketch of ut.
func planTextsOf(l *i18n.Locale, ut *concepts.UnitType, p costing.Plan) planTexts {
	t := planTexts{
		Width: l.T("panel.plan.metres", l.Number(p.Width, 1)),
		Depth: l.T("panel.plan.metres", l.Number(p.Depth, 1)),
		Scale: l.T("panel.plan.metres", l.Number(p.ScaleBar, 0)),
	}
	if p.Floors > 1 {
		t.Caption = l.T("panel.plan.caption_floors", p.Floors)
	} else {
		t.Caption = l.T("panel.plan.caption_one")
	}
	a := ut.Area
	for _, b := range []struct {
		key  string
		area decimal.Decimal
	}{{planKeyBRAi, a.BRAi}, {planKeyBRAe, a.BRAe}, {planKeyBRAb, a.BRAb}, {planKeyTBA, a.TBA}} {
		if b.area.IsPositive() {
			t.Legend = append(t.Legend, planLegendItem{Key: b.key, Text: l.T("panel.plan.legend."+b.key, i18n.M2(b.area))})
		}
	}
	t.Legend = append(t.Legend, planLegendItem{Key: planKeyWalls, Text: l.T("panel.plan.legend.walls")})
	return t
}

// Widths at which the catalogue screen changes its arrangement.
const (
	// catalogueWideWidth is the least width that puts the tree beside the
	// card; a narrower screen (such as a side panel) puts it above.
	catalogueWideWidth = 860
	// catalogueTreeShare is the tree's share of the width beside the card,
	// or of the height above it.
	catalogueTreeShare = 0.36
	// cardColumnsWidth is the least card width for facts and sketch side by side.
	cardColumnsWidth = 620
)
