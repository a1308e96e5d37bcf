package ui

import (
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

// figure names one row of the key-figure panel.
type figure int

// The rows of the key-figure panel, in order.
const (
	figDwellings figure = iota
	figPersons
	figBRA
	figBYAPercent
	figBRAPercent
	figDwellingsPerDaa
	figMUA
	figParking
	figPriceLevel
	figKostnadsramme
	figP50
	figP85
	figPerDwelling
	figPerM2
	figAffordable
	figCarbon
	figCount
)

// figureKeys are the translation keys of the rows' labels.
var figureKeys = [figCount]string{
	"ui.figures.dwellings", "ui.figures.persons", "ui.figures.bra", "ui.figures.bya_percent",
	"ui.figures.bra_percent", "ui.figures.dwellings_per_daa", "ui.figures.mua", "ui.figures.parking",
	"panel.figures.price_level", "ui.figures.kostnadsramme", "ui.figures.p50", "ui.figures.p85", "ui.figures.per_dwelling",
	"ui.figures.per_m2", "ui.figures.affordable", "ui.figures.carbon",
}

// figuresScreen shows the key figures and checks of the selected variant;
// it stays visible beside every other screen.
type figuresScreen struct {
	l *i18n.Locale

	title    *widget.Label
	values   [figCount]*widget.Label
	status   *widget.Label
	progress *widget.ProgressBar
	checks   *fyne.Container
	rows     []*checkRow
	// waiting is true while the shown estimate waits for its simulation.
	waiting bool
	// later, when set, runs a function on the UI goroutine after the
	// current frame (the editor's post) or, in the window, a moment later
	// (checksDelay): the checks, whose wrapped texts take longest to lay
	// out, follow the figures.
	later func(func())
	// checkCount and check are the checks to show next; checksQueued is
	// true while showing them waits for later.
	checkCount   int
	check        func(i int) (fyne.Resource, string)
	checksQueued bool
	content      fyne.CanvasObject
}

// newFiguresScreen builds the key-figure panel.
func newFiguresScreen(l *i18n.Locale) *figuresScreen {
	s := &figuresScreen{l: l}
	s.buildUI()
	return s
}

func (s *figuresScreen) buildUI() {
	s.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	grid := container.New(layout.NewFormLayout())
	for f := range figCount {
		s.values[f] = &widget.Label{Text: "–", Alignment: fyne.TextAlignTrailing}
		if f == figKostnadsramme {
			s.values[f].TextStyle = fyne.TextStyle{Bold: true}
		}
		grid.Add(widget.NewLabel(s.l.T(figureKeys[f])))
		grid.Add(s.values[f])
	}
	s.status = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.checks = container.NewVBox()
	checksTitle := &widget.Label{Text: s.l.T("ui.figures.checks"), TextStyle: fyne.TextStyle{Bold: true}}
	s.content = container.NewVScroll(container.NewVBox(
		s.title,
		grid,
		s.progress,
		s.status,
		widget.NewSeparator(),
		checksTitle,
		s.checks,
	))
}

// Content returns the panel.
func (s *figuresScreen) Content() fyne.CanvasObject { return s.content }

// SetEstimate shows e, the estimate of a variant of c; err says why there is
// no estimate when e is nil.
func (s *figuresScreen) SetEstimate(c *concepts.Concept, e *costing.Estimate, err error) {
	l := s.l
	if e == nil {
		for f := range figCount {
			s.values[f].SetText("–")
		}
		s.title.SetText(l.T("ui.figures.title_none"))
		if err == nil {
			s.queueChecks(0, nil)
			return
		}
		s.queueChecks(1, func(int) (fyne.Resource, string) {
			return theme.NewErrorThemedResource(theme.ErrorIcon()), concepts.Localize(err, l)
		})
		return
	}
	s.title.SetText(l.T("ui.figures.title", e.Variant))
	var z concepts.Zoning
	if c != nil && c.Site.Zoning != nil {
		z = *c.Site.Zoning
	}
	set := func(f figure, text string) { setText(s.values[f], text) }
	set(figDwellings, l.Int(int64(e.Dwellings)))
	set(figPersons, l.Int(int64(e.Persons)))
	set(figBRA, l.Area(e.Area.BRA))
	set(figBYAPercent, s.withLimit(l.PercentFixed(e.Density.BYAPercent, 1), "ui.figures.max", pct(l, z.MaxBYAPercent)))
	set(figBRAPercent, s.withLimit(l.PercentFixed(e.Density.BRAPercent, 1), "ui.figures.max", pct(l, z.MaxBRAPercent)))
	set(figDwellingsPerDaa, s.withLimit(l.Number(e.Density.DwellingsPerDaa, 2), "ui.figures.min", num(l, z.MinDwellingsPerDaa, 2)))
	set(figMUA, s.withLimit(area(l, e.Density.MUAPerDwelling), "ui.figures.min", area(l, z.MinMUAPerDwelling)))
	set(figParking, l.Int(int64(e.ParkingSpaces)))
	set(figPriceLevel, orDash(e.PriceLevel))
	set(figKostnadsramme, l.NOK(e.Totals.Kostnadsramme))
	p50, p85 := nok(l, e.P50), nok(l, e.P85)
	if e.P50 == nil && s.waiting {
		p50, p85 = l.T("ui.figures.pending"), l.T("ui.figures.pending")
	}
	set(figP50, p50)
	set(figP85, p85)
	set(figPerDwelling, nok(l, e.PerDwelling.Kostnadsramme))
	set(figPerM2, nok(l, e.PerM2BRAKostnadsramme))
	set(figAffordable, l.T("ui.figures.affordable_value", e.AffordableDwellings, e.Dwellings))
	set(figCarbon, num(l, e.CarbonKgPerM2BRA, 0))
	s.markBroken(e.Checks)

	s.queueChecks(len(e.Checks), func(i int) (fyne.Resource, string) {
		return statusIcon(e.Checks[i].Status), e.Checks[i].Message(l)
	})
}

// queueChecks shows n checks now, or when later runs them (after the
// current frame, or a moment later in the window); of several edits
// before then only the last one's checks are laid out.
func (s *figuresScreen) queueChecks(n int, check func(i int) (fyne.Resource, string)) {
	s.checkCount, s.check = n, check
	if s.later == nil {
		s.setChecks(n, check)
		return
	}
	if s.checksQueued {
		return
	}
	s.checksQueued = true
	s.later(func() {
		s.checksQueued = false
		s.setChecks(s.checkCount, s.check)
	})
}

// zoningFigures are the figures a zoning check is about.
var zoningFigures = map[string]figure{
	costing.CheckZoningBYA:     figBYAPercent,
	costing.CheckZoningBRA:     figBRAPercent,
	costing.CheckZoningMUA:     figMUA,
	costing.CheckZoningDensity: figDwellingsPerDaa,
}

// markBroken shows in the danger colour the figures whose zoning check fails.
func (s *figuresScreen) markBroken(checks []costing.Check) {
	broken := map[figure]bool{}
	for _, c := range checks {
		if f, ok := zoningFigures[c.ID]; ok && c.Status == costing.StatusFail {
			broken[f] = true
		}
	}
	for _, f := range zoningFigures {
		imp := widget.MediumImportance
		if broken[f] {
			imp = widget.DangerImportance
		}
		if s.values[f].Importance != imp {
			s.values[f].Importance = imp
			s.values[f].Refresh()
		}
	}
}

// setChecks shows n checks, reusing the rows already there, so that an
// edit only changes the texts and icons that differ.
func (s *figuresScreen) setChecks(n int, check func(i int) (fyne.Resource, string)) {
	for len(s.rows) < n {
		row := newCheckRow()
		s.rows = append(s.rows, row)
		s.checks.Add(row.content)
	}
	for i, row := range s.rows {
		if i >= n {
			row.content.Hide()
			continue
		}
		icon, msg := check(i)
		row.set(icon, msg)
		row.content.Show()
	}
}

// SetSimulation shows the background simulation's state: running with its
// progress (0-1; at 0 the bar and the running status stay hidden, so that
// a simulation shorter than a blink only changes P50 and P85), finished,
// off (iterations 0), or failed.
func (s *figuresScreen) SetSimulation(running bool, fraction float64, iterations int, err error) {
	if !running && s.waiting {
		s.waiting = false
		for _, f := range []figure{figP50, figP85} {
			if s.values[f].Text == s.l.T("ui.figures.pending") {
				s.values[f].SetText("–")
			}
		}
	}
	setStatus := func(text string) { setText(s.status, text) }
	switch {
	case err != nil:
		s.progress.Hide()
		setStatus(s.l.T("ui.figures.sim_failed", concepts.Localize(err, s.l)))
	case running:
		if s.values[figP50].Text == "–" {
			s.waiting = true
			s.values[figP50].SetText(s.l.T("ui.figures.pending"))
			s.values[figP85].SetText(s.l.T("ui.figures.pending"))
		}
		// The status says so at once, as P50 and P85 do. The editor
		// reports progress only for a simulation that lasts longer than a
		// blink; a shorter one shows no bar coming and going.
		setStatus(s.l.T("ui.figures.sim_running", iterations))
		if fraction > 0 {
			s.progress.SetValue(fraction)
			s.progress.Show()
		}
	case iterations <= 0:
		s.progress.Hide()
		setStatus(s.l.T("ui.figures.sim_off"))
	default:
		s.progress.Hide()
		setStatus(s.l.T("ui.figures.sim_done", iterations))
	}
}

// withLimit adds a zoning limit to a figure: "23,4 % (maks 35 %)".
func (s *figuresScreen) withLimit(value, key, limit string) string {
	if limit == "–" {
		return value
	}
	return s.l.T(key, value, limit)
}

// checkRow is one check: its status icon and its message.
type checkRow struct {
	icon    *widget.Icon
	text    *widget.Label
	content *fyne.Container
}

func newCheckRow() *checkRow {
	r := &checkRow{icon: widget.NewIcon(nil), text: &widget.Label{Wrapping: fyne.TextWrapWord}}
	r.content = container.NewBorder(nil, nil, container.NewVBox(r.icon), nil, r.text)
	return r
}

// set shows icon and msg, touching only what changed.
func (r *checkRow) set(icon fyne.Resource, msg string) {
	if r.icon.Resource == nil || r.icon.Resource.Name() != icon.Name() {
		r.icon.SetResource(icon)
	}
	if r.text.Text != msg {
		r.text.SetText(msg)
	}
}

// statusIcon returns the coloured icon of a check status.
func statusIcon(st costing.Status) fyne.Resource {
	switch st {
	case costing.StatusPass:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case costing.StatusWarn:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	case costing.StatusFail:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	}
	return theme.NewPrimaryThemedResource(theme.InfoIcon())
}

// nok formats an optional amount ("–" when absent).
func nok(l *i18n.Locale, d *decimal.Decimal) string {
	if d == nil {
		return "–"
	}
	return l.NOK(*d)
}

// pct formats an optional percentage ("–" when absent) with one decimal,
// as the panel's other percentages: "35,0 %" beside "24,4 %".
func pct(l *i18n.Locale, d *decimal.Decimal) string {
	if d == nil {
		return "–"
	}
	return l.PercentFixed(*d, 1)
}

// orDash is s, or "–" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// area formats an optional area ("–" when absent).
func area(l *i18n.Locale, d *decimal.Decimal) string {
	if d == nil {
		return "–"
	}
	return l.Area(*d)
}

// num formats an optional number ("–" when absent).
func num(l *i18n.Locale, d *decimal.Decimal, places int32) string {
	if d == nil {
		return "–"
	}
	return l.Number(*d, places)
}
