package ui

import (
	"errors"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// siteField is one entry of the site form bound to a value of the concept.
type siteField struct {
	entry *formEntry
	// text returns the model's value as the entry shows it.
	text func(c *concepts.Concept) string
	// check parses the entry's text without changing anything.
	check func(s string) error
	// set parses s and stores it in c.
	set func(c *concepts.Concept, s string) error
}

// siteScreen is the form for the site and the assumptions shared by every
// variant: name, municipality, revision, areas, zoning limits (each
// optional), cost percentages, simulation and uncertainty factors.
type siteScreen struct {
	ed  *editor
	l   *i18n.Locale
	in  inputs
	win fyne.Window

	fields       []*siteField
	municipality *widget.Select
	munIDs       []string
	factors      *widget.List
	loading      bool
	content      fyne.CanvasObject
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
		s.item("ui.site.name", s.textField("name", true,
			func(c *concepts.Concept) string { return c.Name },
			func(c *concepts.Concept, v string) { c.Name = v })),
		widget.NewFormItem(l.T("ui.site.municipality"), s.municipality),
		s.item("ui.site.revision", s.textField("revision.id", true,
			func(c *concepts.Concept) string { return c.Revision.ID },
			func(c *concepts.Concept, v string) { c.Revision.ID = v })),
		s.item("ui.site.date", s.dateField()),
		s.item("ui.site.note", s.textField("revision.note", false,
			func(c *concepts.Concept) string { return c.Revision.Note },
			func(c *concepts.Concept, v string) { c.Revision.Note = v })),
	)
	site := widget.NewForm(
		s.item("ui.site.area", s.decimalField("ui.site.area", in.positive,
			func(c *concepts.Concept) decimal.Decimal { return c.Site.AreaM2 },
			func(c *concepts.Concept, d decimal.Decimal) { c.Site.AreaM2 = d })),
		s.item("ui.site.paved", s.decimalField("ui.site.paved", in.nonNegative,
			func(c *concepts.Concept) decimal.Decimal { return c.Site.PavedM2 },
			func(c *concepts.Concept, d decimal.Decimal) { c.Site.PavedM2 = d })),
		s.item("ui.site.land_cost", s.decimalField("ui.site.land_cost", in.nonNegative,
			func(c *concepts.Concept) decimal.Decimal { return c.Site.LandCost },
			func(c *concepts.Concept, d decimal.Decimal) { c.Site.LandCost = d })),
	)
	zoning := widget.NewForm(
		s.item("ui.zoning.max_bya", s.limitField("ui.zoning.max_bya", in.percent,
			func(z *concepts.Zoning) **decimal.Decimal { return &z.MaxBYAPercent })),
		s.item("ui.zoning.max_bra", s.limitField("ui.zoning.max_bra", in.nonNegative,
			func(z *concepts.Zoning) **decimal.Decimal { return &z.MaxBRAPercent })),
		s.item("ui.zoning.min_mua", s.limitField("ui.zoning.min_mua", in.nonNegative,
			func(z *concepts.Zoning) **decimal.Decimal { return &z.MinMUAPerDwelling })),
		s.item("ui.zoning.max_storeys", s.storeysField()),
		s.item("ui.zoning.min_density", s.limitField("ui.zoning.min_density", in.nonNegative,
			func(z *concepts.Zoning) **decimal.Decimal { return &z.MinDwellingsPerDaa })),
		s.item("ui.zoning.parking", s.limitField("ui.zoning.parking", in.nonNegative,
			func(z *concepts.Zoning) **decimal.Decimal { return &z.ParkingPerDwelling })),
	)
	assumptions := widget.NewForm(
		s.item("ui.assumptions.common", s.decimalField("ui.assumptions.common", in.percent,
			func(c *concepts.Concept) decimal.Decimal { return c.Assumptions.CommonCostsPercent },
			func(c *concepts.Concept, d decimal.Decimal) { c.Assumptions.CommonCostsPercent = d })),
		s.item("ui.assumptions.general", s.decimalField("ui.assumptions.general", in.percent,
			func(c *concepts.Concept) decimal.Decimal { return c.Assumptions.GeneralCostsPercent },
			func(c *concepts.Concept, d decimal.Decimal) { c.Assumptions.GeneralCostsPercent = d })),
		s.item("ui.assumptions.regional", s.decimalField("ui.assumptions.regional", in.positive,
			func(c *concepts.Concept) decimal.Decimal { return c.Assumptions.RegionalFactor },
			func(c *concepts.Concept, d decimal.Decimal) { c.Assumptions.RegionalFactor = d })),
		s.item("ui.assumptions.price_adjustment", s.decimalField("ui.assumptions.price_adjustment", in.percent,
			func(c *concepts.Concept) decimal.Decimal { return c.Assumptions.PriceAdjustmentPercent },
			func(c *concepts.Concept, d decimal.Decimal) { c.Assumptions.PriceAdjustmentPercent = d })),
		s.item("ui.assumptions.ftb_limit", s.decimalField("ui.assumptions.ftb_limit", in.nonNegative,
			func(c *concepts.Concept) decimal.Decimal { return c.Assumptions.FirstTimeBuyerLimit },
			func(c *concepts.Concept, d decimal.Decimal) { c.Assumptions.FirstTimeBuyerLimit = d })),
		s.item("ui.assumptions.iterations", s.intField("ui.assumptions.iterations", 0, 1_000_000,
			func(c *concepts.Concept) int64 { return int64(c.Assumptions.Simulation.Iterations) },
			func(c *concepts.Concept, n int64) { c.Assumptions.Simulation.Iterations = int(n) })),
		s.item("ui.assumptions.seed", s.intField("ui.assumptions.seed", 0, 1<<62,
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

	left := container.NewVBox(
		widget.NewCard(l.T("ui.site.card_concept"), "", concept),
		widget.NewCard(l.T("ui.site.card_site"), "", site),
		widget.NewCard(l.T("ui.site.card_zoning"), l.T("ui.site.card_zoning_sub"), zoning),
	)
	right := container.NewVBox(
		widget.NewCard(l.T("ui.site.card_assumptions"), "", assumptions),
		widget.NewCard(l.T("ui.site.card_factors"), "", factorsBox),
	)
	s.content = container.NewVScroll(container.New(&columnsLayout{}, left, right))
}

// item makes a form row with the label and help text of key.
func (s *siteScreen) item(key string, f *siteField) *widget.FormItem {
	it := widget.NewFormItem(s.l.T(key), f.entry)
	if hint := key + ".hint"; s.l.Has(hint) {
		it.HintText = s.l.T(hint)
	}
	return it
}

// bind creates the entry of a field and wires it to the editor.
func (s *siteScreen) bind(key string, f *siteField) *siteField {
	f.entry = newFormEntry()
	f.entry.Validator = f.check
	f.entry.onFocusLost = func() { s.onFieldFocusLost(f) }
	f.entry.OnChanged = func(text string) {
		if s.loading || f.check(text) != nil {
			return
		}
		if err := s.ed.apply("site/"+key, func(c *concepts.Concept) error { return f.set(c, text) }); err != nil {
			f.entry.SetValidationError(err)
		}
	}
	f.entry.OnSubmitted = func(string) { s.ed.breakMerge() }
	s.fields = append(s.fields, f)
	return f
}

// onFieldFocusLost ends the field's undo step and, when its text is
// valid, shows the model's value the way the form writes it ("12000"
// becomes "12 000").
func (s *siteScreen) onFieldFocusLost(f *siteField) {
	s.ed.breakMerge()
	if f.check(f.entry.Text) != nil {
		return
	}
	if want := f.text(s.ed.concept()); f.entry.Text != want {
		s.loading = true
		f.entry.SetText(want)
		s.loading = false
	}
}

// formEntry is an entry that reports when it loses the focus.
type formEntry struct {
	widget.Entry
	onFocusLost func()
}

// newFormEntry returns an entry that always shows its validation error.
func newFormEntry() *formEntry {
	e := &formEntry{}
	e.AlwaysShowValidationError = true
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost implements fyne.Focusable.
func (e *formEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// textField is a free text; required ones may not be empty.
func (s *siteScreen) textField(key string, required bool, get func(*concepts.Concept) string, put func(*concepts.Concept, string)) *siteField {
	check := func(text string) error {
		if required && strings.TrimSpace(text) == "" {
			return errors.New(s.l.T("ui.error.required"))
		}
		return nil
	}
	return s.bind(key, &siteField{
		text:  get,
		check: check,
		set: func(c *concepts.Concept, text string) error {
			if err := check(text); err != nil {
				return err
			}
			put(c, strings.TrimSpace(text))
			return nil
		},
	})
}

// dateField is the revision date, YYYY-MM-DD.
func (s *siteScreen) dateField() *siteField {
	check := func(text string) error { return s.in.date(text) }
	return s.bind("revision.date", &siteField{
		text:  func(c *concepts.Concept) string { return c.Revision.Date },
		check: check,
		set: func(c *concepts.Concept, text string) error {
			if err := check(text); err != nil {
				return err
			}
			c.Revision.Date = strings.TrimSpace(text)
			return nil
		},
	})
}

// decimalField is a required number.
func (s *siteScreen) decimalField(key string, parse func(string) (decimal.Decimal, error), get func(*concepts.Concept) decimal.Decimal, put func(*concepts.Concept, decimal.Decimal)) *siteField {
	return s.bind(key, &siteField{
		text:  func(c *concepts.Concept) string { return s.in.text(get(c)) },
		check: func(text string) error { _, err := parse(text); return err },
		set: func(c *concepts.Concept, text string) error {
			d, err := parse(text)
			if err != nil {
				return err
			}
			put(c, d)
			return nil
		},
	})
}

// intField is a required whole number from lo to hi.
func (s *siteScreen) intField(key string, lo, hi int64, get func(*concepts.Concept) int64, put func(*concepts.Concept, int64)) *siteField {
	parse := func(text string) (int64, error) { return s.in.integer(text, lo, hi) }
	return s.bind(key, &siteField{
		text:  func(c *concepts.Concept) string { return s.in.text(decimal.NewFromInt(get(c))) },
		check: func(text string) error { _, err := parse(text); return err },
		set: func(c *concepts.Concept, text string) error {
			n, err := parse(text)
			if err != nil {
				return err
			}
			put(c, n)
			return nil
		},
	})
}

// limitField is an optional zoning limit: an empty entry removes it.
func (s *siteScreen) limitField(key string, parse func(string) (decimal.Decimal, error), ref func(*concepts.Zoning) **decimal.Decimal) *siteField {
	return s.bind(key, &siteField{
		text: func(c *concepts.Concept) string {
			if c.Site.Zoning == nil {
				return ""
			}
			return s.in.optText(*ref(c.Site.Zoning))
		},
		check: func(text string) error { _, err := s.in.optional(text, parse); return err },
		set: func(c *concepts.Concept, text string) error {
			d, err := s.in.optional(text, parse)
			if err != nil {
				return err
			}
			setZoning(c, func(z *concepts.Zoning) { *ref(z) = d })
			return nil
		},
	})
}

// storeysField is the optional limit on storeys.
func (s *siteScreen) storeysField() *siteField {
	parse := func(text string) (*int, error) {
		if clean(text) == "" {
			return nil, nil
		}
		n, err := s.in.integer(text, 1, 100)
		if err != nil {
			return nil, err
		}
		v := int(n)
		return &v, nil
	}
	return s.bind("ui.zoning.max_storeys", &siteField{
		text: func(c *concepts.Concept) string {
			if c.Site.Zoning == nil || c.Site.Zoning.MaxStoreys == nil {
				return ""
			}
			return s.in.text(decimal.NewFromInt(int64(*c.Site.Zoning.MaxStoreys)))
		},
		check: func(text string) error { _, err := parse(text); return err },
		set: func(c *concepts.Concept, text string) error {
			n, err := parse(text)
			if err != nil {
				return err
			}
			setZoning(c, func(z *concepts.Zoning) { z.MaxStoreys = n })
			return nil
		},
	})
}

// minHeight is an invisible object that keeps its container at least h high.
func minHeight(h float32) fyne.CanvasObject {
	r := &canvas.Rectangle{FillColor: color.Transparent}
	r.SetMinSize(fyne.NewSize(0, h))
	return r
}

// setZoning changes the concept's zoning with f, dropping the zoning
// section when no limit is left.
func setZoning(c *concepts.Concept, f func(z *concepts.Zoning)) {
	z := concepts.Zoning{}
	if c.Site.Zoning != nil {
		z = *c.Site.Zoning
	}
	f(&z)
	if z == (concepts.Zoning{}) {
		c.Site.Zoning = nil
		return
	}
	c.Site.Zoning = &z
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
		// only the factor list can show something new (its dialog).
		s.factors.Refresh()
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
	s.factors.Refresh()
}

func (s *siteScreen) createFactorRow() fyne.CanvasObject {
	edit := &widget.Button{Icon: theme.DocumentCreateIcon(), Importance: widget.LowImportance}
	remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance}
	label := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	return container.NewBorder(nil, nil, nil, container.NewHBox(edit, remove), label)
}

func (s *siteScreen) updateFactorRow(id widget.ListItemID, o fyne.CanvasObject) {
	factors := s.ed.concept().Assumptions.UncertaintyFactors
	if id >= len(factors) {
		return
	}
	f := factors[id]
	row := o.(*fyne.Container)
	label := row.Objects[0].(*widget.Label)
	buttons := row.Objects[1].(*fyne.Container)
	label.SetText(s.l.T("ui.factors.row", f.Name, strings.Join(f.AppliesTo, ", "),
		s.l.Number(f.Range.Low, 3), s.l.Number(f.Range.Likely, 3), s.l.Number(f.Range.High, 3)))
	buttons.Objects[0].(*widget.Button).OnTapped = func() { s.showFactorDialog(id) }
	buttons.Objects[1].(*widget.Button).OnTapped = func() { s.removeFactor(id) }
}

func (s *siteScreen) removeFactor(i int) {
	_ = s.ed.apply("", func(c *concepts.Concept) error {
		f := &c.Assumptions.UncertaintyFactors
		if i < len(*f) {
			*f = append((*f)[:i:i], (*f)[i+1:]...)
		}
		if len(*f) == 0 {
			*f = nil
		}
		return nil
	})
}

// showFactorDialog edits uncertainty factor i, or adds one when i is -1.
func (s *siteScreen) showFactorDialog(i int) {
	l, in := s.l, s.in
	f := concepts.UncertaintyFactor{Name: l.T("ui.factors.default_name"), AppliesTo: []string{"2", "3", "4", "5", "6", "7"},
		Range: concepts.Range{Low: decimal.RequireFromString("0.95"), Likely: decimal.NewFromInt(1), High: decimal.RequireFromString("1.15")}}
	if i >= 0 {
		f = s.ed.concept().Assumptions.UncertaintyFactors[i]
	}
	keys := &dialogKeys{}
	name := newDialogEntry(keys, f.Name, func(t string) error {
		if strings.TrimSpace(t) == "" {
			return errors.New(l.T("ui.error.required"))
		}
		return nil
	})
	applies := newDialogEntry(keys, strings.Join(f.AppliesTo, ", "), func(t string) error { _, err := in.codes(t); return err })
	low := newDialogEntry(keys, in.text(f.Range.Low), func(t string) error { _, err := in.nonNegative(t); return err })
	likely := newDialogEntry(keys, in.text(f.Range.Likely), func(t string) error { _, err := in.nonNegative(t); return err })
	high := newDialogEntry(keys, in.text(f.Range.High), func(t string) error { _, err := in.nonNegative(t); return err })
	items := []*widget.FormItem{
		widget.NewFormItem(l.T("ui.factors.name"), name),
		{Text: l.T("ui.factors.applies_to"), Widget: applies, HintText: l.T("ui.factors.applies_to.hint")},
		widget.NewFormItem(l.T("ui.factors.low"), low),
		widget.NewFormItem(l.T("ui.factors.likely"), likely),
		widget.NewFormItem(l.T("ui.factors.high"), high),
	}
	title := l.T("ui.factors.add")
	if i >= 0 {
		title = l.T("ui.factors.edit")
	}
	d := newFormDialog(s.win, keys, title, l.T("ui.dialog.ok"), l.T("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		codes, _ := in.codes(applies.Text)
		lo, _ := in.nonNegative(low.Text)
		li, _ := in.nonNegative(likely.Text)
		hi, _ := in.nonNegative(high.Text)
		if lo.GreaterThan(li) || li.GreaterThan(hi) {
			showError(l, errors.New(l.T("ui.error.range_order")), s.win)
			return
		}
		nf := concepts.UncertaintyFactor{Name: strings.TrimSpace(name.Text), AppliesTo: codes, Range: concepts.Range{Low: lo, Likely: li, High: hi}}
		_ = s.ed.apply("", func(c *concepts.Concept) error {
			if i >= 0 && i < len(c.Assumptions.UncertaintyFactors) {
				c.Assumptions.UncertaintyFactors[i] = nf
			} else {
				c.Assumptions.UncertaintyFactors = append(c.Assumptions.UncertaintyFactors, nf)
			}
			return nil
		})
	})
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// columnsLayout places its objects side by side in equal columns when
// they fit, and one under the other when the space is narrower.
type columnsLayout struct{}

// Layout implements fyne.Layout.
func (columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	if !columnsFit(objects, size.Width) {
		y := float32(0)
		for _, o := range objects {
			h := o.MinSize().Height
			o.Move(fyne.NewPos(0, y))
			o.Resize(fyne.NewSize(size.Width, h))
			y += h + pad
		}
		return
	}
	n := float32(len(objects))
	w := (size.Width - pad*(n-1)) / n
	for i, o := range objects {
		o.Move(fyne.NewPos(float32(i)*(w+pad), 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// MinSize implements fyne.Layout: the widest object, all stacked.
func (columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for i, o := range objects {
		m := o.MinSize()
		min.Width = max(min.Width, m.Width)
		min.Height += m.Height
		if i > 0 {
			min.Height += theme.Padding()
		}
	}
	return min
}

// columnsFit reports whether the objects fit side by side in width.
func columnsFit(objects []fyne.CanvasObject, width float32) bool {
	widest := float32(0)
	for _, o := range objects {
		widest = max(widest, o.MinSize().Width)
	}
	n := float32(len(objects))
	return widest*n+theme.Padding()*(n-1) <= width
}
