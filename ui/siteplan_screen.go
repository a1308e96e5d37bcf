package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// sitePlanScreen is the tab Situasjonsplan: the selected variant's site
// plan drawn to scale (docs/ESTIMATE.md, "Site plan"), where buildings
// are added from the unit mix, dragged, nudged and turned, or placed
// automatically, beside the plan's figures, its checks and the plot's
// boundary as a table of points. Every figure comes from costing.SitePlan
// and the estimate's checks; the screen formats them.
type sitePlanScreen struct {
	ed  *editor
	l   *i18n.Locale
	win fyne.Window

	// plan is the plan shown (nil when none); selected indexes its Rects.
	plan     *costing.SitePlan
	selected int
	// dragBase is where the dragged building's corner was when the drag
	// began; dragAt where the last preview put it.
	dragBase, dragAt [2]decimal.Decimal
	// typeIDs are the unit types the add select offers, in its order.
	typeIDs []string
	loading bool
	gate    shownGate

	title      *widget.Label
	variant    *widget.Select
	addType    *widget.Select
	add        *widget.Button
	remove     *widget.Button
	turnLeft   *widget.Button
	turnRight  *widget.Button
	auto       *widget.Button
	view       *sitePlanView
	figures    *widget.Form
	figLabels  []*widget.Label
	checkRows  []*checkRow
	checks     *fyne.Container
	selection  *widget.Label
	boundary   *boundaryPanel
	content    fyne.CanvasObject
	figureKeys []string
}

// The figures beside the plan, by their label keys.
var sitePlanFigures = []string{
	"panel.siteplan.fig.plot_area",
	"panel.siteplan.fig.site_area",
	"panel.siteplan.fig.bya_buildings",
	"panel.siteplan.fig.bya_parking",
	"panel.siteplan.fig.buildings",
}

// newSitePlanScreen builds the site plan tab for the editor's concept.
func newSitePlanScreen(ed *editor, win fyne.Window) *sitePlanScreen {
	s := &sitePlanScreen{ed: ed, l: ed.l, win: win, selected: -1, figureKeys: sitePlanFigures}
	s.buildUI()
	ed.onChange(s.onEditorChanged)
	return s
}

// Content returns the tab's root object.
func (s *sitePlanScreen) Content() fyne.CanvasObject { return s.content }

func (s *sitePlanScreen) buildUI() {
	l := s.l
	s.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	s.variant = &widget.Select{OnChanged: s.onVariantChanged}
	s.addType = &widget.Select{PlaceHolder: l.T("panel.siteplan.add_choose")}
	s.add = &widget.Button{Text: l.T("panel.siteplan.add"), Icon: theme.ContentAddIcon(), OnTapped: s.onAddTapped}
	s.remove = &widget.Button{Text: l.T("panel.siteplan.remove"), Icon: theme.DeleteIcon(), OnTapped: s.onRemoveTapped}
	s.turnLeft = &widget.Button{Text: l.T("panel.siteplan.turn_left"), Icon: theme.MediaReplayIcon(), OnTapped: func() { s.onRotate(rotateStep) }}
	s.turnRight = &widget.Button{Text: l.T("panel.siteplan.turn_right"), Icon: theme.ViewRefreshIcon(), OnTapped: func() { s.onRotate(-rotateStep) }}
	s.auto = &widget.Button{Text: l.T("panel.siteplan.auto"), Icon: theme.GridIcon(), Importance: widget.HighImportance, OnTapped: s.onAutoTapped}

	s.view = newSitePlanView(l.T("panel.siteplan.empty"))
	s.view.onSelect = s.onSelect
	s.view.onDrag = s.onDrag
	s.view.onNudge = s.onNudge
	s.view.onRotate = s.onRotate

	s.figures = widget.NewForm()
	for _, k := range s.figureKeys {
		lbl := widget.NewLabel("")
		s.figLabels = append(s.figLabels, lbl)
		s.figures.Append(l.T(k), lbl)
	}
	s.selection = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.checks = container.NewVBox()
	s.boundary = newBoundaryPanel(s.ed, s.win)

	help := &widget.Label{Text: l.T("panel.siteplan.help"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	side := container.NewVScroll(container.NewVBox(
		panelHeading(l.T("panel.siteplan.figures")), s.figures, s.selection, widget.NewSeparator(),
		panelHeading(l.T("panel.siteplan.checks")), s.checks, widget.NewSeparator(),
		panelHeading(l.T("panel.siteplan.boundary")),
		&widget.Label{Text: l.T("panel.siteplan.boundary_help"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance},
		s.boundary.Content(),
	))
	tools := container.NewHBox(s.addType, s.add, s.remove, s.turnLeft, s.turnRight)
	plan := container.NewBorder(container.NewVBox(container.NewHScroll(tools), help), nil, nil, nil, s.view)
	split := container.NewHSplit(plan, side)
	split.Offset = 0.66
	header := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.auto, widget.NewLabel(l.T("panel.siteplan.variant")), s.variant), s.title)
	s.content = container.NewBorder(header, nil, nil, nil, split)
	s.refresh()
}

func (s *sitePlanScreen) onEditorChanged(ch change) {
	if ch&(changeConcept|changeEstimate|changeSelection|changeReload|changeCatalogue) == 0 {
		return
	}
	if ch&(changeReload|changeSelection) != 0 && s.view.Dragging() {
		// Undone or another variant chosen in the middle of a drag: the
		// drag is dropped.
		s.ed.endPreview()
		s.view.cancelDrag()
	}
	if ch&changeSelection != 0 {
		s.selected = -1
	}
	s.refresh()
}

// setShown tells the screen whether its tab is shown. While hidden it
// skips its refreshes and draws what it missed when shown again.
func (s *sitePlanScreen) setShown(shown bool) {
	if s.gate.show(shown) {
		s.refresh()
	}
}

// refresh shows the selected variant's plan, figures and checks.
func (s *sitePlanScreen) refresh() {
	if s.gate.skip() {
		return
	}
	s.loading = true
	defer func() { s.loading = false }()
	l := s.l
	e, err := s.ed.estimate()
	s.plan = costing.SitePlanOf(e)
	if s.view.Dragging() && s.plan != nil {
		// A drag moves one building: the plan, its figures and checks
		// change, the variant, its mix and the boundary do not.
		s.view.SetPlan(s.plan, s.planTexts(s.plan))
		s.refreshFigures()
		s.refreshChecks(e)
		return
	}
	c := s.ed.concept()
	names := make([]string, len(c.Variants))
	for i, v := range c.Variants {
		names[i] = v.Name
	}
	s.variant.Options = names
	s.variant.SetSelectedIndex(s.ed.selected)
	switch {
	case err != nil:
		s.title.SetText(l.T("panel.siteplan.no_estimate", concepts.Localize(err, l)))
	case e != nil:
		s.title.SetText(l.T("panel.siteplan.title", e.Variant))
	}
	if s.plan == nil || s.selected >= len(s.plan.Rects) {
		s.selected = -1
	}
	s.view.SetPlan(s.plan, s.planTexts(s.plan))
	s.view.SetSelected(s.selected)
	s.refreshTools()
	s.refreshFigures()
	s.refreshChecks(e)
	s.boundary.refresh()
}

// planTexts formats the plan's labels.
func (s *sitePlanScreen) planTexts(sp *costing.SitePlan) sitePlanTexts {
	l := s.l
	t := sitePlanTexts{North: l.T("panel.siteplan.north")}
	if sp == nil {
		return t
	}
	t.Scale = l.T("panel.plan.metres", l.Number(sp.ScaleBar, 0))
	t.Edges = make([]string, len(sp.Edges))
	for i, e := range sp.Edges {
		t.Edges[i] = e.Length.Format(l)
	}
	t.Breaches = make([]string, len(sp.Breaches))
	for i, b := range sp.Breaches {
		t.Breaches[i] = b.Dist.Format(l)
	}
	return t
}

// refreshTools offers the unit types not yet fully placed and enables
// the buttons that apply.
func (s *sitePlanScreen) refreshTools() {
	v := s.ed.variant()
	left := unplaced(v)
	s.typeIDs = s.typeIDs[:0]
	var options []string
	for _, u := range v.Units {
		if left[u.Type] > 0 && !containsString(s.typeIDs, u.Type) {
			if ut := s.ed.catalogue().UnitType(u.Type); ut != nil {
				s.typeIDs = append(s.typeIDs, u.Type)
				options = append(options, ut.Name.In(s.l.Lang()))
			}
		}
	}
	prev := s.addType.Selected
	s.addType.Options = options
	if len(options) == 0 {
		s.addType.ClearSelected()
		s.addType.PlaceHolder = s.l.T("panel.siteplan.add_none")
		s.addType.Disable()
		s.add.Disable()
	} else {
		s.addType.PlaceHolder = s.l.T("panel.siteplan.add_choose")
		s.addType.Enable()
		if containsString(options, prev) {
			s.addType.SetSelected(prev)
		} else {
			s.addType.SetSelectedIndex(0)
		}
		s.add.Enable()
	}
	s.addType.Refresh()
	for _, b := range []*widget.Button{s.remove, s.turnLeft, s.turnRight} {
		if s.selected >= 0 {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// refreshFigures shows the plan's areas and the selected building.
func (s *sitePlanScreen) refreshFigures() {
	l := s.l
	sp := s.plan
	vals := make([]string, len(s.figLabels))
	for i := range vals {
		vals[i] = "–"
	}
	vals[1] = l.Area(s.ed.concept().Site.AreaM2)
	if sp != nil {
		if sp.BoundaryArea != nil {
			vals[0] = l.Area(*sp.BoundaryArea)
		}
		vals[2], vals[3] = l.Area(sp.BYABuildings), l.Area(sp.BYAParking)
		vals[4] = l.Int(int64(len(sp.Rects)))
	}
	for i, lbl := range s.figLabels {
		if lbl.Text != vals[i] {
			lbl.SetText(vals[i])
		}
	}
	sel := l.T("panel.siteplan.select_hint")
	if sp != nil && s.selected >= 0 {
		r := sp.Rects[s.selected]
		en := s.ed.variant().Layout[r.Index]
		sel = l.T("panel.siteplan.selected", r.Label, costing.Metres(r.Width).Format(l), costing.Metres(r.Depth).Format(l),
			l.Number(en.Rotation, 2))
		if !r.Sized {
			sel = l.T("panel.siteplan.selected_unsized", r.Label)
		}
	}
	if s.selection.Text != sel {
		s.selection.SetText(sel)
	}
}

// refreshChecks shows the layout checks of the estimate.
func (s *sitePlanScreen) refreshChecks(e *costing.Estimate) {
	var checks []costing.Check
	if e != nil {
		for _, c := range e.Checks {
			if strings.HasPrefix(c.ID, "layout.") {
				checks = append(checks, c)
			}
		}
	}
	for len(s.checkRows) < max(len(checks), 1) {
		row := newCheckRow()
		s.checkRows = append(s.checkRows, row)
		s.checks.Add(row.content)
	}
	for i, row := range s.checkRows {
		switch {
		case i < len(checks):
			row.set(statusIcon(checks[i].Status), checks[i].Message(s.l))
			row.content.Show()
		case i == 0:
			row.set(theme.NewPrimaryThemedResource(theme.InfoIcon()), s.l.T("panel.siteplan.no_checks"))
			row.content.Show()
		default:
			row.content.Hide()
		}
	}
}

func (s *sitePlanScreen) onVariantChanged(string) {
	if !s.loading {
		s.ed.selectVariant(s.variant.SelectedIndex())
	}
}

// onSelect remembers the building the view selected.
func (s *sitePlanScreen) onSelect(i int) {
	s.selected = i
	s.refreshTools()
	s.refreshFigures()
}

// index returns the layout index of the selected building, or -1.
func (s *sitePlanScreen) index() int {
	if s.plan == nil || s.selected < 0 || s.selected >= len(s.plan.Rects) {
		return -1
	}
	return s.plan.Rects[s.selected].Index
}

// onDrag moves building i with the pointer, in steps of 0.1 m: a preview
// while the drag lasts, one undo step when it ends.
func (s *sitePlanScreen) onDrag(i int, dx, dy float64, start, done bool) {
	if s.plan == nil || i < 0 || i >= len(s.plan.Rects) {
		return
	}
	li := s.plan.Rects[i].Index
	if start {
		en := s.ed.variant().Layout[li]
		s.dragBase = [2]decimal.Decimal{en.X, en.Y}
		s.dragAt = s.dragBase
	}
	at := [2]decimal.Decimal{s.dragBase[0].Add(metres(dx, 1)), s.dragBase[1].Add(metres(dy, 1))}
	if done {
		s.report(s.ed.moveEntry(li, at[0], at[1]))
		return
	}
	if at[0].Equal(s.dragAt[0]) && at[1].Equal(s.dragAt[1]) && !start {
		return
	}
	s.dragAt = at
	s.ed.previewMove(li, at[0], at[1])
}

// onNudge moves the selected building by dx, dy tenths of a metre.
func (s *sitePlanScreen) onNudge(dx, dy int) {
	if i := s.index(); i >= 0 {
		s.report(s.ed.nudgeEntry(i, decimal.New(int64(dx), -1), decimal.New(int64(dy), -1)))
	}
}

// onRotate turns the selected building by deg degrees.
func (s *sitePlanScreen) onRotate(deg int) {
	if i := s.index(); i >= 0 {
		s.report(s.ed.rotateEntry(i, deg))
	}
}

func (s *sitePlanScreen) onAddTapped() {
	k := s.addType.SelectedIndex()
	if k < 0 || k >= len(s.typeIDs) {
		return
	}
	id := s.typeIDs[k]
	var w, d float64
	if ut := s.ed.catalogue().UnitType(id); ut != nil && ut.Footprint != nil {
		w, d = ut.Footprint.Width.InexactFloat64(), ut.Footprint.Depth.InexactFloat64()
	}
	x, y := centreOf(s.plan, w, d)
	i, err := s.ed.addEntry(id, x, y)
	if err != nil {
		s.report(err)
		return
	}
	s.selected = i // a new entry is last, in the plan as in the layout
	s.refresh()
}

func (s *sitePlanScreen) onRemoveTapped() {
	if i := s.index(); i >= 0 {
		s.selected = -1
		s.report(s.ed.removeEntry(i))
	}
}

func (s *sitePlanScreen) onAutoTapped() {
	s.selected = -1
	s.report(s.ed.autoLayout())
}

// report shows an edit's error, if any.
func (s *sitePlanScreen) report(err error) {
	if err != nil {
		showError(s.l, err, s.win)
	}
}
