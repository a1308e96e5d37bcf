package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/costing"
)

// sitePlanTexts are the formatted labels of a site plan: every number in
// them comes from the costing.SitePlan drawn.
type sitePlanTexts struct {
	// Edges label the boundary's edges with their lengths, in its order.
	Edges []string
	// Breaches label the breaches with their distances, in their order.
	Breaches []string
	// Scale labels the scale bar ("20 m"); North the north arrow.
	Scale, North string
}

// planTransform maps metres on the plot to pixels in the view: x east to
// the right, y north up.
type planTransform struct {
	// scale is pixels per metre; left and top are the pixel position of
	// (lo.X, hi.Y).
	scale     float32
	left, top float32
	lo, hi    costing.XY
}

// toPx returns the view position of a point on the plot.
func (t planTransform) toPx(p costing.XY) fyne.Position {
	return fyne.NewPos(t.left+float32(p.X-t.lo.X)*t.scale, t.top+float32(t.hi.Y-p.Y)*t.scale)
}

// toPlot returns the point on the plot at a view position.
func (t planTransform) toPlot(p fyne.Position) costing.XY {
	return costing.XY{X: t.lo.X + float64((p.X-t.left)/t.scale), Y: t.hi.Y - float64((p.Y-t.top)/t.scale)}
}

// sitePlanView draws a variant's site plan to scale from its
// costing.SitePlan: the plot with its edge lengths, the buildings and
// parking areas with their labels, the breaches as red lines with their
// distances and red outlines, a north arrow and a scale bar. A building
// is selected by a click and moved by dragging it, or by the keys when the
// view has the focus: arrows move it 1 m (0.1 m with Shift), R and Shift+R
// turn it. It draws and reports; the screen edits the concept.
type sitePlanView struct {
	widget.BaseWidget

	plan  *costing.SitePlan
	texts sitePlanTexts
	// empty is shown when there is no plan.
	empty string
	// selected and hover index plan.Rects; -1 for none.
	selected, hover int

	// onSelect is called when a click selects a building (-1: none).
	onSelect func(i int)
	// onDrag is called as building i is dragged dx, dy metres from where
	// it was when the drag began: first with start true, last with done
	// true.
	onDrag func(i int, dx, dy float64, start, done bool)
	// onNudge moves the selected building by steps of 0.1 m east and north.
	onNudge func(dx, dy int)
	// onRotate turns the selected building by deg degrees counter-clockwise.
	onRotate func(deg int)

	// view is the transform the last layout used; during a drag it stays
	// the one the drag began with, so the plan does not rescale under the
	// pointer.
	view     planTransform
	dragging int
	// dragMoved is how far the pointer has moved since the drag began.
	dragMoved fyne.Delta
	// pressAt is where the primary button was pressed, when pressed.
	pressAt fyne.Position
	pressed bool
	shift   bool
	focused bool
}

var (
	_ fyne.Draggable     = (*sitePlanView)(nil)
	_ fyne.Tappable      = (*sitePlanView)(nil)
	_ fyne.Focusable     = (*sitePlanView)(nil)
	_ desktop.Hoverable  = (*sitePlanView)(nil)
	_ desktop.Mouseable  = (*sitePlanView)(nil)
	_ desktop.Keyable    = (*sitePlanView)(nil)
	_ desktop.Cursorable = (*sitePlanView)(nil)
)

// dragNone and dragIgnored are the drag states without a building: none
// in progress, and a drag that began beside every building.
const (
	dragNone    = -1
	dragIgnored = -2
)

func newSitePlanView(empty string) *sitePlanView {
	v := &sitePlanView{empty: empty, selected: -1, hover: -1, dragging: dragNone}
	v.ExtendBaseWidget(v)
	return v
}

// SetPlan shows plan (nil for none) with its labels and redraws.
func (v *sitePlanView) SetPlan(plan *costing.SitePlan, texts sitePlanTexts) {
	v.plan, v.texts = plan, texts
	if plan == nil || v.selected >= len(plan.Rects) {
		v.selected = -1
	}
	if plan == nil || v.hover >= len(plan.Rects) {
		v.hover = -1
	}
	v.Refresh()
}

// SetSelected selects building i (-1 for none) and redraws.
func (v *sitePlanView) SetSelected(i int) {
	if v.selected != i {
		v.selected = i
		v.Refresh()
	}
}

// Dragging reports whether a building is being dragged.
func (v *sitePlanView) Dragging() bool { return v.dragging >= 0 }

// cancelDrag forgets a drag in progress (the concept was replaced).
func (v *sitePlanView) cancelDrag() { v.dragging = dragNone }

// at returns the index of the topmost rectangle under the view position
// p, or -1.
func (v *sitePlanView) at(p fyne.Position) int {
	if v.plan == nil || v.view.scale <= 0 {
		return -1
	}
	pt := v.view.toPlot(p)
	for i := len(v.plan.Rects) - 1; i >= 0; i-- {
		if costing.PointInPolygon(pt, v.plan.Rects[i].Corners[:]) {
			return i
		}
	}
	return -1
}

func (v *sitePlanView) pick(p fyne.Position) {
	i := v.at(p)
	v.SetSelected(i)
	if v.onSelect != nil {
		v.onSelect(i)
	}
}

// Tapped implements fyne.Tappable: it selects the building under the
// pointer and takes the focus for the keys.
func (v *sitePlanView) Tapped(ev *fyne.PointEvent) {
	v.pick(ev.Position)
	v.focus()
}

func (v *sitePlanView) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
}

// MouseDown implements desktop.Mouseable: a press selects the building
// under the pointer at once, so that dragging it moves the one selected.
func (v *sitePlanView) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button == desktop.MouseButtonPrimary && v.dragging < 0 {
		v.pressed, v.pressAt = true, ev.Position
		v.pick(ev.Position)
		v.focus()
	}
}

// MouseUp implements desktop.Mouseable.
func (v *sitePlanView) MouseUp(*desktop.MouseEvent) {}

// Dragged implements fyne.Draggable: the first event picks the building
// where the button was pressed (MouseDown; without one, where the event
// is); every event adds its movement to the drag's and reports it.
func (v *sitePlanView) Dragged(ev *fyne.DragEvent) {
	if v.dragging == dragIgnored {
		return
	}
	start := v.dragging == dragNone
	if start {
		from := ev.Position
		if v.pressed {
			from = v.pressAt
		}
		i := v.at(from)
		if i < 0 {
			v.dragging = dragIgnored
			return
		}
		v.dragging, v.dragMoved = i, fyne.Delta{}
		v.SetSelected(i)
		if v.onSelect != nil {
			v.onSelect(i)
		}
	}
	v.dragMoved.DX += ev.Dragged.DX
	v.dragMoved.DY += ev.Dragged.DY
	v.report(start, false)
}

// report tells onDrag how far the drag has moved, in metres.
func (v *sitePlanView) report(start, done bool) {
	if v.onDrag != nil && v.view.scale > 0 {
		v.onDrag(v.dragging, float64(v.dragMoved.DX/v.view.scale), -float64(v.dragMoved.DY/v.view.scale), start, done)
	}
}

// DragEnd implements fyne.Draggable: the move is done.
func (v *sitePlanView) DragEnd() {
	if v.dragging >= 0 {
		v.report(false, true)
	}
	v.dragging, v.pressed = dragNone, false
	v.Refresh()
}

// MouseIn implements desktop.Hoverable.
func (v *sitePlanView) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

// MouseMoved implements desktop.Hoverable: the building under the pointer
// is highlighted.
func (v *sitePlanView) MouseMoved(ev *desktop.MouseEvent) {
	if v.dragging >= 0 {
		return
	}
	if i := v.at(ev.Position); i != v.hover {
		v.hover = i
		v.Refresh()
	}
}

// MouseOut implements desktop.Hoverable.
func (v *sitePlanView) MouseOut() {
	if v.hover >= 0 {
		v.hover = -1
		v.Refresh()
	}
}

// Cursor implements desktop.Cursorable.
func (v *sitePlanView) Cursor() desktop.Cursor {
	if v.hover >= 0 || v.dragging >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// FocusGained implements fyne.Focusable.
func (v *sitePlanView) FocusGained() { v.focused = true; v.Refresh() }

// FocusLost implements fyne.Focusable.
func (v *sitePlanView) FocusLost() { v.focused, v.shift = false, false; v.Refresh() }

// TypedRune implements fyne.Focusable: R turns the selected building
// 15° counter-clockwise, Shift+R (an upper-case R) clockwise.
func (v *sitePlanView) TypedRune(r rune) {
	if v.selected < 0 || v.onRotate == nil {
		return
	}
	switch r {
	case 'r':
		v.onRotate(rotateStep)
	case 'R':
		v.onRotate(-rotateStep)
	}
}

// TypedKey implements fyne.Focusable: the arrows move the selected
// building 1 m, or 0.1 m with Shift held.
func (v *sitePlanView) TypedKey(ev *fyne.KeyEvent) {
	if v.selected < 0 || v.onNudge == nil {
		return
	}
	step := 10
	if v.shift {
		step = 1
	}
	switch ev.Name {
	case fyne.KeyLeft:
		v.onNudge(-step, 0)
	case fyne.KeyRight:
		v.onNudge(step, 0)
	case fyne.KeyUp:
		v.onNudge(0, step)
	case fyne.KeyDown:
		v.onNudge(0, -step)
	}
}

// KeyDown implements desktop.Keyable: it tracks Shift.
func (v *sitePlanView) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (v *sitePlanView) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = false
	}
}

// CreateRenderer implements fyne.Widget.
func (v *sitePlanView) CreateRenderer() fyne.WidgetRenderer {
	r := newSitePlanRenderer(v)
	r.Refresh()
	return r
}
