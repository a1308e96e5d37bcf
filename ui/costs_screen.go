package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// Tree node ids of the cost tree: "post:<n>" for NS 3453 post n,
// "total:<key>" for a subtotal, "row:<i>" for Estimate.Rows[i],
// "pct8" for the percentage part of post 8, and "p50"/"p85" for the
// simulated percentiles under posts 11 and 12.
const (
	costPostPrefix  = "post:"
	costTotalPrefix = "total:"
	costRowPrefix   = "row:"
	nodePct8        = "pct8"
	nodeP50         = "p50"
	nodeP85         = "p85"
)

// costNodes are the top-level nodes of the cost tree: the posts with each
// subtotal after the last post it sums, in costing's NS 3453 layout.
var costNodes = func() []string {
	var ids []string
	for _, l := range (&costing.Estimate{}).Summary() {
		if l.Post > 0 {
			ids = append(ids, costPostPrefix+strconv.Itoa(l.Post))
		} else {
			ids = append(ids, costTotalPrefix+l.Subtotal.Key)
		}
	}
	return ids
}()

// simulatedTotals are the subtotals that wait for the simulation (they
// include post 11 or 12).
var simulatedTotals = map[string]bool{"prosjektkostnad": true, "kostnadsramme": true, "kostnadsramme_inkl_prisregulering": true}

// costsScreen shows a variant's NS 3453 cost posts 1 to 13 with their
// subtotals in a tree that opens to the rows per unit type and site item,
// a bar chart of the posts, and the simulation's S-curve with P50 and P85.
// It formats what the estimate holds and computes nothing.
type costsScreen struct {
	l *i18n.Locale

	e *costing.Estimate
	// children maps a post node to its child nodes in the current estimate.
	children map[string][]string
	// simOff is true when the concept's simulation is turned off.
	simOff bool
	// done and total are the running simulation's progress; total 0 when unknown.
	done, total int

	// hidden is true while another tab is shown, and stale while the
	// screen has skipped a refresh because of it.
	hidden, stale bool

	title   *widget.Label
	status  *widget.Label
	tree    *widget.Tree
	bars    *barChart
	curve   *sCurveChart
	content fyne.CanvasObject
}

// newCostsScreen returns the costs screen, empty until SetEstimate.
func newCostsScreen(l *i18n.Locale) *costsScreen {
	s := &costsScreen{l: l, children: map[string][]string{}}
	s.buildUI()
	return s
}

func (s *costsScreen) buildUI() {
	l := s.l
	s.title = &widget.Label{Text: l.T("panel.costs.none"), TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	s.status = &widget.Label{Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis}
	s.tree = &widget.Tree{
		ChildUIDs:  s.childUIDs,
		IsBranch:   s.isBranch,
		CreateNode: s.createNode,
		UpdateNode: s.updateNode,
	}
	s.tree.ExtendBaseWidget(s.tree)
	s.bars = newBarChart(l.T("panel.costs.none"))
	pct := func(n int64) string { return l.Percent(decimal.NewFromInt(n), 0) }
	s.curve = newSCurveChart([3]string{pct(0), pct(50), pct(100)}, l.T("panel.costs.none"))

	barsPanel := container.NewBorder(panelHeading(l.T("panel.costs.bars")), nil, nil, nil, s.bars)
	curvePanel := container.NewBorder(container.NewVBox(panelHeading(l.T("panel.costs.scurve")), s.status), nil, nil, nil, s.curve)
	charts := container.NewVSplit(barsPanel, curvePanel)
	charts.Offset = 0.5
	split := container.NewHSplit(s.tree, charts)
	split.Offset = 0.5
	s.content = container.NewBorder(s.title, nil, nil, nil, split)
}

// Content returns the screen's root object.
func (s *costsScreen) Content() fyne.CanvasObject { return s.content }

// SetEstimate shows e (nil shows nothing). It runs on the UI goroutine.
// While e has no P50 and P85 the simulation is taken to be running, and
// posts 11 to 13 and the subtotals that include them read "simulerer …",
// unless SetProgress said the simulation is off.
func (s *costsScreen) SetEstimate(e *costing.Estimate) {
	s.e = e
	s.children = map[string][]string{}
	if e != nil {
		for i, r := range e.Rows {
			uid := costPostPrefix + strconv.Itoa(r.Post)
			s.children[uid] = append(s.children[uid], costRowPrefix+strconv.Itoa(i))
		}
		if !e.GeneralCostsPercentPart.IsZero() || len(s.children["post:8"]) > 0 {
			s.children["post:8"] = append([]string{nodePct8}, s.children["post:8"]...)
		}
		if e.P50 != nil {
			s.children["post:11"] = []string{nodeP50}
		}
		if e.P85 != nil {
			s.children["post:12"] = []string{nodeP85}
		}
	}
	s.refresh()
}

// SetProgress tells the screen how far the running simulation has come:
// done of total iterations. A total of 0 means the concept's simulation is
// off (0 iterations), so an estimate without P50 and P85 is final. It runs
// on the UI goroutine: a simulation worker posts it with fyne.Do.
func (s *costsScreen) SetProgress(done, total int) {
	off := total == 0
	changed := off != s.simOff
	s.done, s.total, s.simOff = done, total, off
	if s.e == nil || s.e.P50 != nil {
		return
	}
	if changed {
		s.refresh()
		return
	}
	if s.simulating() && !s.hidden {
		// Only the progress changed: leave the tree and the charts alone.
		s.status.SetText(s.simulatingText())
	}
}

// setShown tells the screen whether its tab is shown. While hidden it
// keeps the estimate and progress it is given and draws them when shown.
func (s *costsScreen) setShown(shown bool) {
	s.hidden = !shown
	if shown && s.stale {
		s.refresh()
	}
}

// simulating reports whether the shown estimate waits for the simulation.
func (s *costsScreen) simulating() bool {
	return s.e != nil && s.e.P50 == nil && !s.simOff
}

func (s *costsScreen) refresh() {
	if s.hidden {
		s.stale = true
		return
	}
	s.stale = false
	l, e := s.l, s.e
	s.tree.Refresh()
	if e == nil {
		s.title.SetText(l.T("panel.costs.none"))
		s.status.SetText("")
		s.bars.SetBars(nil)
		s.curve.SetMessage(l.T("panel.costs.none"))
		return
	}
	s.title.SetText(l.T("panel.costs.title", e.Concept, e.Variant))

	bars := make([]chartBar, 0, 13)
	for k := 1; k <= 13; k++ {
		col := theme.ColorNamePrimary
		if k >= 11 {
			col = theme.ColorNameWarning
		}
		bars = append(bars, chartBar{Label: s.postName(k), Value: e.Posts[k].InexactFloat64(), Text: s.postAmount(k), Color: col})
	}
	s.bars.SetBars(bars)

	switch {
	case e.P50 != nil && e.P85 != nil:
		s.status.SetText(l.T("panel.costs.percentiles", i18n.NOK(*e.P50), i18n.NOK(*e.P85)))
	case s.simulating():
		s.status.SetText(s.simulatingText())
	default:
		s.status.SetText(l.T("panel.costs.sim_off"))
	}
	if e.Distribution == nil || e.P50 == nil || e.P85 == nil {
		msg := l.T("panel.costs.sim_off")
		if s.simulating() {
			msg = l.T("panel.costs.curve_waiting")
		}
		s.curve.SetMessage(msg)
		return
	}
	points := e.Distribution.Curve(costCurvePoints)
	if len(points) == 0 {
		s.curve.SetMessage(l.T("panel.costs.sim_off"))
		return
	}
	markers := []curveMarker{
		{Value: e.P50.InexactFloat64(), Probability: 0.50, Label: l.T("panel.costs.p50", i18n.NOK(*e.P50)), Color: theme.ColorNamePrimary},
		{Value: e.P85.InexactFloat64(), Probability: 0.85, Label: l.T("panel.costs.p85", i18n.NOK(*e.P85)), Color: theme.ColorNameError},
	}
	low, high := points[0].Value, points[len(points)-1].Value
	s.curve.SetCurve(points, markers, l.NOK(decimal.NewFromFloat(low)), l.NOK(decimal.NewFromFloat(high)))
}

// costCurvePoints is how many points of the distribution the S-curve draws.
const costCurvePoints = 120

func (s *costsScreen) simulatingText() string {
	if s.total > 0 {
		return s.l.T("panel.costs.simulating_progress", s.done, s.total)
	}
	return s.l.T("panel.costs.simulating")
}

// postPending reports whether post k waits for the simulation.
func (s *costsScreen) postPending(k int) bool {
	return k >= 11 && s.simulating()
}

func (s *costsScreen) postName(k int) string {
	return s.l.T("panel.costs.post", strconv.Itoa(k), s.l.T("post."+strconv.Itoa(k)))
}

func (s *costsScreen) postAmount(k int) string {
	if s.postPending(k) {
		return s.l.T("panel.costs.simulating")
	}
	return s.l.NOK(s.e.Posts[k])
}

func (s *costsScreen) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	if uid == "" {
		if s.e == nil {
			return nil
		}
		return costNodes
	}
	return s.children[uid]
}

func (s *costsScreen) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || len(s.children[uid]) > 0
}

// costNode is the template of a cost tree node: a name and an amount.
type costNode struct {
	name, amount *widget.Label
}

func (s *costsScreen) createNode(bool) fyne.CanvasObject {
	name := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	amount := &widget.Label{Alignment: fyne.TextAlignTrailing}
	return container.NewBorder(nil, nil, nil, amount, name)
}

// costNodeLabels returns the name and amount labels of a node made by createNode.
func costNodeLabels(o fyne.CanvasObject) costNode {
	c := o.(*fyne.Container)
	return costNode{name: c.Objects[0].(*widget.Label), amount: c.Objects[1].(*widget.Label)}
}

func (s *costsScreen) updateNode(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	n := costNodeLabels(o)
	name, amount, bold := s.nodeText(uid)
	n.name.TextStyle.Bold, n.amount.TextStyle.Bold = bold, bold
	n.name.SetText(name)
	n.amount.SetText(amount)
}

// nodeText returns the name and the formatted amount of a cost tree node,
// and whether it is a subtotal.
func (s *costsScreen) nodeText(uid string) (name, amount string, total bool) {
	l, e := s.l, s.e
	if e == nil {
		return "", "", false
	}
	switch {
	case strings.HasPrefix(uid, costPostPrefix):
		k, err := strconv.Atoi(strings.TrimPrefix(uid, costPostPrefix))
		if err != nil || k < 1 || k > 13 {
			return uid, "", false
		}
		return s.postName(k), s.postAmount(k), false
	case strings.HasPrefix(uid, costTotalPrefix):
		key := strings.TrimPrefix(uid, costTotalPrefix)
		amount := l.T("panel.costs.simulating")
		if !simulatedTotals[key] || !s.simulating() {
			v, _ := e.Totals.Get(key)
			amount = l.NOK(v)
		}
		return l.T("total." + key), amount, true
	case strings.HasPrefix(uid, costRowPrefix):
		i, err := strconv.Atoi(strings.TrimPrefix(uid, costRowPrefix))
		if err != nil || i < 0 || i >= len(e.Rows) {
			return uid, "", false
		}
		return s.rowName(e.Rows[i]), l.NOK(e.Rows[i].Amount), false
	case uid == nodePct8:
		return l.T("panel.costs.row_general_percent"), l.NOK(e.GeneralCostsPercentPart), false
	case uid == nodeP50 && e.P50 != nil:
		return l.T("panel.costs.row_p50"), l.NOK(*e.P50), false
	case uid == nodeP85 && e.P85 != nil:
		return l.T("panel.costs.row_p85"), l.NOK(*e.P85), false
	}
	return uid, "", false
}

func (s *costsScreen) rowName(r costing.Row) string {
	l := s.l
	name := r.Name.In(l.Lang())
	if name == "" {
		name = r.Ref
	}
	switch r.Source {
	case costing.SourceUnit:
		return l.T("panel.costs.row_unit", r.Count, name)
	case costing.SourceLand:
		return l.T("panel.costs.row_land")
	}
	return name
}
