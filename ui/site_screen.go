package ui

import (
	"errors"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// siteScreen is the form for the site and the assumptions shared by every
// variant: name, municipality, revision, areas, zoning limits (each
// optional), cost percentages, price level, simulation, uncertainty
// factors and event risks.
type siteScreen struct {
	ed  *editor
	l   *i18n.Locale
	in  inputs
	win fyne.Window

	fields       []*siteField
	municipality *widget.Select
	munIDs       []string
	factors      *widget.List
	priceLevel   *priceLevelSelect
	// priceLevelItem is the price level's form row (its hint depends on
	// the catalogue).
	priceLevelItem *widget.FormItem
	assumptions    *widget.Form
	risks          *riskList
	loading        bool
	gate           shownGate
	content        fyne.CanvasObject
}

// newSiteScreen builds the site form for the editor's concept.
func newSiteScreen(ed *editor, win fyne.Window) *siteScreen {
	s := &siteScreen{ed: ed, l: ed.l, in: inputs{ed.l}, win: win}
	s.buildUI()
	ed.onChange(s.onEditorChanged)
	return s
}

// Content returns the form.
func (s *siteScreen) Content() fyne.CanvasObject { return s.content }

func (s *siteScreen) buildUI() {
	l, in := s.l, s.in
	s.municipality = &widget.Select{OnChanged: s.onMunicipalityChanged, PlaceHolder: l.T("ui.site.municipality_choose")}

	concept := widget.NewForm(
		s.item("ui.site.name", s.textField("name", func(t string) error { return in.name(t, nil) },
			func(c *concepts.Concept) string { return c.Name },
			func(c *concepts.Concept, v string) { c.Name = v })),
		widget.NewFormItem(l.T("ui.site.municipality"), s.municipality),
		s.item("ui.site.revision", s.textField("revision.id", func(t string) error { return in.name(t, nil) },
			func(c *concepts.Concept) string { return c.Revision.ID },
			func(c *concepts.Concept, v string) { c.Revision.ID = v })),
		s.item("ui.site.date", s.dateField()),
		s.item("ui.site.note", s.textField("revision.note", func(t string) error { return in.textWithin(t, concepts.MaxTextLength, true) },
			func(c *concepts.Concept) string { return c.Revision.Note },
			func(c *concepts.Concept, v string) { c.Revision.Note = v })),
	)
	site := widget.NewForm(
		s.item("ui.site.area", s.decimalField("ui.site.area", s.parseArea,
			func(c *concepts.Concept) decimal.Decimal { return c.Site.AreaM2 },
			func(c *concepts.Concept, d decimal.Decimal) { c.Site.AreaM2 = d })),
		s.item("ui.site.paved", s.decimalField("ui.site.paved", s.parsePaved,
			func(c *concepts.Concept) decimal.Decimal { return c.Site.PavedM2 },
			func(c *concepts.Concept, d decimal.Decimal) { c.Site.PavedM2 = d })),
		s.item("ui.site.land_cost", s.decimalField("ui.site.land_cost", in.limit(concepts.LimitLandCost),
			func(c *concepts.Concept) decimal.Decimal { return c.Site.LandCost },
			func(c *concepts.Concept, d decimal.Decimal) { c.Site.LandCost = d })),
	)
	zoning := widget.NewForm(
		s.item("ui.zoning.max_bya", s.limitField("ui.zoning.max_bya", in.limit(concepts.LimitMaxBYA),
			func(z *concepts.Zoning) **decimal.Decimal { return &z.MaxBYAPercent })),
		s.item("ui.zoning.max_bra", s.limitField("ui.zoning.max_bra", in.limit(concepts.LimitMaxBRA),
			func(z *concepts.Zoning) **decimal.Decimal { return &z.MaxBRAPercent })),
		s.item("ui.zoning.min_mua", s.limitField("ui.zoning.min_mua", in.limit(concepts.LimitMinMUA),
			func(z *concepts.Zoning) **decimal.Decimal { return &z.MinMUAPerDwelling })),
		s.item("ui.zoning.max_storeys", s.storeysField()),
		s.item("ui.zoning.min_density", s.limitField("ui.zoning.min_density", in.limit(concepts.LimitMinDensity),
			func(z *concepts.Zoning) **decimal.Decimal { return &z.MinDwellingsPerDaa })),
		s.item("ui.zoning.parking", s.limitField("ui.zoning.parking", in.limit(concepts.LimitParking),
			func(z *concepts.Zoning) **decimal.Decimal { return &z.ParkingPerDwelling })),
	)
	s.priceLevel = newPriceLevelSelect(s.ed)
	s.priceLevelItem = &widget.FormItem{Text: l.T("panel.site.price_level"), Widget: s.priceLevel.Widget()}
	s.assumptions = widget.NewForm(
		s.item("ui.assumptions.common", s.decimalField("ui.assumptions.common", in.limit(concepts.LimitPercent),
			func(c *concepts.Concept) decimal.Decimal { return c.Assumptions.CommonCostsPercent },
			func(c *concepts.Concept, d decimal.Decimal) { c.Assumptions.CommonCostsPercent = d })),
		s.item("ui.assumptions.general", s.decimalField("ui.assumptions.general", in.limit(concepts.LimitPercent),
			func(c *concepts.Concept) decimal.Decimal { return c.Assumptions.GeneralCostsPercent },
			func(c *concepts.Concept, d decimal.Decimal) { c.Assumptions.GeneralCostsPercent = d })),
		s.item("ui.assumptions.regional", s.decimalField("ui.assumptions.regional", in.limit(concepts.LimitRegionalFactor),
			func(c *concepts.Concept) decimal.Decimal { return c.Assumptions.RegionalFactor },
			func(c *concepts.Concept, d decimal.Decimal) { c.Assumptions.RegionalFactor = d })),
		s.item("ui.assumptions.price_adjustment", s.decimalField("ui.assumptions.price_adjustment", in.limit(concepts.LimitPercent),
			func(c *concepts.Concept) decimal.Decimal { return c.Assumptions.PriceAdjustmentPercent },
			func(c *concepts.Concept, d decimal.Decimal) { c.Assumptions.PriceAdjustmentPercent = d })),
		s.priceLevelItem,
		s.item("ui.assumptions.ftb_limit", s.decimalField("ui.assumptions.ftb_limit", in.limit(concepts.LimitFirstTimeBuyer),
			func(c *concepts.Concept) decimal.Decimal { return c.Assumptions.FirstTimeBuyerLimit },
			func(c *concepts.Concept, d decimal.Decimal) { c.Assumptions.FirstTimeBuyerLimit = d })),
		s.item("ui.assumptions.iterations", s.intField("ui.assumptions.iterations", func(t string) (int64, error) {
			n, err := in.whole(t, concepts.LimitIterations)
			return int64(n), err
		},
			func(c *concepts.Concept) int64 { return int64(c.Assumptions.Simulation.Iterations) },
			func(c *concepts.Concept, n int64) { c.Assumptions.Simulation.Iterations = int(n) })),
		s.item("ui.assumptions.seed", s.intField("ui.assumptions.seed", func(t string) (int64, error) { return in.integer(t, 0, math.MaxInt64) },
			func(c *concepts.Concept) int64 { return int64(c.Assumptions.Simulation.Seed) },
			func(c *concepts.Concept, n int64) { c.Assumptions.Simulation.Seed = uint64(n) })),
	)

	s.factors = &widget.List{
		Length:     func() int { return len(s.ed.concept().Assumptions.UncertaintyFactors) },
		CreateItem: s.createFactorRow,
		UpdateItem: s.updateFactorRow,
	}
	addFactor := &widget.Button{Text: l.T("ui.factors.add"), Icon: theme.ContentAddIcon(), OnTapped: func() { s.showFactorDialog(-1) }}
	factorsBox := container.NewBorder(
		&widget.Label{Text: l.T("ui.factors.help"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance},
		container.NewHBox(addFactor), nil, nil,
		container.NewStack(minHeight(4*theme.Size(theme.SizeNameText)*2.2), s.factors))

	s.risks = newRiskList(s.ed, s.win)

	left := container.NewVBox(
		widget.NewCard(l.T("ui.site.card_concept"), "", concept),
		widget.NewCard(l.T("ui.site.card_site"), "", site),
		widget.NewCard(l.T("ui.site.card_zoning"), l.T("ui.site.card_zoning_sub"), zoning),
	)
	right := container.NewVBox(
		widget.NewCard(l.T("ui.site.card_assumptions"), "", s.assumptions),
		widget.NewCard(l.T("ui.site.card_factors"), "", factorsBox),
		widget.NewCard(l.T("panel.site.card_risks"), "", s.risks.Content()),
	)
	s.content = container.NewVScroll(container.New(&columnsLayout{}, left, right))
}

func (s *siteScreen) onMunicipalityChanged(name string) {
	if s.loading {
		return
	}
	i := s.municipality.SelectedIndex()
	if i < 0 || i >= len(s.munIDs) {
		return
	}
	id := s.munIDs[i]
	if id == s.ed.concept().Municipality {
		return
	}
	_ = s.ed.apply("", func(c *concepts.Concept) error {
		c.Municipality = id
		return nil
	})
}

func (s *siteScreen) onEditorChanged(ch change) {
	switch {
	case ch&(changeReload|changeCatalogue) != 0:
		s.refresh(ch&changeReload != 0)
	case ch&changeConcept != 0:
		// The form's own entries changed the concept, or the variants did:
		// only the factor and risk lists (their dialogs) and the price
		// level can show something new; while the tab is hidden they wait
		// until it is shown.
		if !s.gate.skip() {
			s.refreshLists()
		}
	}
}

// refreshLists shows the factors, the risks and the price level.
func (s *siteScreen) refreshLists() {
	s.factors.Refresh()
	s.risks.Refresh()
	s.priceLevel.refresh()
}

// setShown tells the screen whether its tab is shown; the lists an edit
// changed while it was hidden are shown then.
func (s *siteScreen) setShown(shown bool) {
	if s.gate.show(shown) {
		s.refreshLists()
	}
}

// refresh shows the model's values. Entries whose text already means the
// model's value keep it (the user is typing) unless force is set.
func (s *siteScreen) refresh(force bool) {
	c := s.ed.concept()
	s.loading = true
	defer func() { s.loading = false }()
	for _, f := range s.fields {
		want := f.text(c)
		if f.entry.Text == want {
			continue
		}
		if !force && f.check(f.entry.Text) == nil {
			probe := c.Clone()
			if f.set(probe, f.entry.Text) == nil && f.text(probe) == want {
				continue
			}
		}
		f.entry.SetText(want)
	}
	cat := s.ed.catalogue()
	s.munIDs = s.munIDs[:0]
	var names []string
	selected := ""
	for _, m := range cat.Municipalities {
		s.munIDs = append(s.munIDs, m.ID)
		names = append(names, m.Name)
		if m.ID == c.Municipality {
			selected = m.Name
		}
	}
	s.municipality.SetOptions(names)
	if selected != "" {
		s.municipality.SetSelected(selected)
	} else {
		s.municipality.ClearSelected()
	}
	s.priceLevel.refresh()
	if hint := s.priceLevel.hint(); s.priceLevelItem.HintText != hint {
		s.priceLevelItem.HintText = hint
		s.assumptions.Refresh()
	}
	s.factors.Refresh()
	s.risks.Refresh()
}

// parseArea reads the site area: within its limit and not below the paved
// area, as the format requires.
func (s *siteScreen) parseArea(t string) (decimal.Decimal, error) {
	d, err := s.in.within(t, concepts.LimitSiteArea)
	if paved := s.ed.concept().Site.PavedM2; err == nil && d.LessThan(paved) {
		err = errors.New(s.l.T("panel.error.area_below_paved", s.l.Area(paved)))
	}
	return d, err
}

// parsePaved reads the paved area: within its limit and not above the
// site area, as the format requires.
func (s *siteScreen) parsePaved(t string) (decimal.Decimal, error) {
	d, err := s.in.within(t, concepts.LimitPaved)
	if area := s.ed.concept().Site.AreaM2; err == nil && d.GreaterThan(area) {
		err = errors.New(s.l.T("panel.error.paved_above_area", s.l.Area(area)))
	}
	return d, err
}
