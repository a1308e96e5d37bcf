package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"github.com/hallingdal/bokonsept/costing"
)

// sitePlanRenderer draws a sitePlanView. It keeps its canvas objects and
// only moves and restyles them on a refresh, so that a drag redraws 100
// buildings well within a frame.
type sitePlanRenderer struct {
	v *sitePlanView

	fills      *sitePlanFills
	edges      []*canvas.Line
	edgeLabels []*canvas.Text
	rectLines  []*canvas.Line // four per rectangle
	rectLabels []*canvas.Text
	gapLines   []*canvas.Line
	gapLabels  []*canvas.Text
	north      [3]*canvas.Line // the shaft and the two sides of its head
	northText  *canvas.Text
	scale      [3]*canvas.Line // the bar and its end ticks
	scaleText  *canvas.Text
	emptyText  *canvas.Text
	objects    []fyne.CanvasObject
	// count is how many of each kind objects holds.
	count [3]int
}

func newSitePlanRenderer(v *sitePlanView) *sitePlanRenderer {
	r := &sitePlanRenderer{v: v, fills: newSitePlanFills(), northText: canvas.NewText("", nil),
		scaleText: canvas.NewText("", nil), emptyText: canvas.NewText("", nil)}
	for i := range 3 {
		r.north[i], r.scale[i] = canvas.NewLine(nil), canvas.NewLine(nil)
	}
	r.northText.Alignment = fyne.TextAlignCenter
	r.northText.TextStyle.Bold = true
	r.emptyText.Alignment = fyne.TextAlignCenter
	return r
}

// Destroy implements fyne.WidgetRenderer.
func (r *sitePlanRenderer) Destroy() {}

// Objects implements fyne.WidgetRenderer.
func (r *sitePlanRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize implements fyne.WidgetRenderer.
func (r *sitePlanRenderer) MinSize() fyne.Size { return fyne.NewSize(240, 200) }

// grow returns s with n items, making new ones with mk.
func grow[T any](s []T, n int, mk func() T) []T {
	for len(s) < n {
		s = append(s, mk())
	}
	return s[:n]
}

func newLine() *canvas.Line { return canvas.NewLine(nil) }

func newLabel() *canvas.Text {
	t := canvas.NewText("", nil)
	t.Alignment = fyne.TextAlignCenter
	return t
}

// Refresh implements fyne.WidgetRenderer: it sizes its object lists to the
// plan, styles them from the theme and lays them out.
func (r *sitePlanRenderer) Refresh() {
	v := r.v
	sp := v.plan
	if sp == nil {
		r.emptyText.Text = v.empty
		r.emptyText.Color, r.emptyText.TextSize = theme.Color(theme.ColorNamePlaceHolder), theme.TextSize()
		r.objects = []fyne.CanvasObject{r.emptyText}
		r.count = [3]int{-1, -1, -1}
		r.Layout(v.Size())
		canvas.Refresh(v)
		return
	}
	r.edges = grow(r.edges, len(sp.Edges), newLine)
	r.edgeLabels = grow(r.edgeLabels, len(sp.Edges), newLabel)
	r.rectLines = grow(r.rectLines, 4*len(sp.Rects), newLine)
	r.rectLabels = grow(r.rectLabels, len(sp.Rects), newLabel)
	r.gapLines = grow(r.gapLines, len(sp.Breaches), newLine)
	r.gapLabels = grow(r.gapLabels, len(sp.Breaches), newLabel)
	if n := [3]int{len(sp.Edges), len(sp.Rects), len(sp.Breaches)}; n != r.count {
		r.count = n
		r.objects = r.objectList()
	}
	r.style()
	r.Layout(v.Size())
	canvas.Refresh(v)
}

// objectList returns the objects of a plan, back to front.
func (r *sitePlanRenderer) objectList() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.fills.raster}
	for _, l := range r.edges {
		objs = append(objs, l)
	}
	for _, l := range r.rectLines {
		objs = append(objs, l)
	}
	for _, l := range r.gapLines {
		objs = append(objs, l)
	}
	for _, t := range r.edgeLabels {
		objs = append(objs, t)
	}
	for _, t := range r.rectLabels {
		objs = append(objs, t)
	}
	for _, t := range r.gapLabels {
		objs = append(objs, t)
	}
	for i := range 3 {
		objs = append(objs, r.north[i], r.scale[i])
	}
	return append(objs, r.northText, r.scaleText)
}

// style sets every object's colour, width and text.
func (r *sitePlanRenderer) style() {
	v := r.v
	sp := v.plan
	fg := theme.Color(theme.ColorNameForeground)
	red := theme.Color(theme.ColorNameError)
	primary := theme.Color(theme.ColorNamePrimary)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	size := theme.TextSize()
	small := size * 0.85
	setText := func(t *canvas.Text, text string, c color.Color, sz float32) {
		t.Text, t.Color, t.TextSize = text, c, sz
	}
	for i, l := range r.edges {
		l.StrokeColor, l.StrokeWidth = fg, 2
		setText(r.edgeLabels[i], textAt(v.texts.Edges, i), muted, small)
	}
	for i, rect := range sp.Rects {
		c, w := fg, float32(1.5)
		switch {
		case rect.Breach:
			c, w = red, 2
		case i == v.selected || i == v.hover:
			c = primary
		case rect.Parking:
			c, w = muted, 1
		}
		if i == v.selected {
			w = 3
		}
		for k := range 4 {
			r.rectLines[4*i+k].StrokeColor, r.rectLines[4*i+k].StrokeWidth = c, w
		}
		lc := fg
		if rect.Parking {
			lc = muted
		}
		setText(r.rectLabels[i], rect.Label, lc, small)
		r.rectLabels[i].TextStyle.Bold = i == v.selected
	}
	for i, l := range r.gapLines {
		l.StrokeColor, l.StrokeWidth = red, 2
		setText(r.gapLabels[i], textAt(v.texts.Breaches, i), red, small)
		r.gapLabels[i].TextStyle.Bold = true
	}
	for i := range 3 {
		r.north[i].StrokeColor, r.north[i].StrokeWidth = fg, 2
		r.scale[i].StrokeColor, r.scale[i].StrokeWidth = fg, 2
	}
	setText(r.northText, v.texts.North, fg, size)
	setText(r.scaleText, v.texts.Scale, fg, size)
	r.fills.set(sp, v.selected, v.hover)
}

func abs32(x float32) float32 { return float32(math.Abs(float64(x))) }

// textAt returns texts[i], or "" beyond its end.
func textAt(texts []string, i int) string {
	if i < len(texts) {
		return texts[i]
	}
	return ""
}

// Layout implements fyne.WidgetRenderer: it fits the plan into size,
// north up, and places every object.
func (r *sitePlanRenderer) Layout(size fyne.Size) {
	v := r.v
	th := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height
	r.emptyText.Move(fyne.NewPos(0, (size.Height-th)/2))
	r.emptyText.Resize(fyne.NewSize(size.Width, th))
	sp := v.plan
	if sp == nil {
		return
	}
	if v.dragging < 0 {
		v.view = fitPlan(sp, size, th)
	}
	t := v.view
	r.fills.layout(size, t)
	ccw := costing.PolygonArea(sp.Boundary) >= 0
	for i, e := range sp.Edges {
		a, b := t.toPx(e.A), t.toPx(e.B)
		r.edges[i].Position1, r.edges[i].Position2 = a, b
		// The length stands outside the plot, halfway along the edge.
		dx, dy := b.X-a.X, b.Y-a.Y
		n := float32(math.Hypot(float64(dx), float64(dy)))
		lbl := r.edgeLabels[i]
		lw := lbl.MinSize().Width
		if n < lw+th || n == 0 {
			lbl.Hide()
			continue
		}
		// On screen y runs down, which turns the orientation round.
		nx, ny := -dy/n, dx/n
		if !ccw {
			nx, ny = -nx, -ny
		}
		off := th*0.3 + abs32(nx)*lw/2 + abs32(ny)*th/2
		mid := fyne.NewPos((a.X+b.X)/2+nx*off, (a.Y+b.Y)/2+ny*off)
		lbl.Move(fyne.NewPos(mid.X-lw/2, mid.Y-th/2))
		lbl.Resize(fyne.NewSize(lw, th))
		lbl.Show()
	}
	for i, rect := range sp.Rects {
		for k := range 4 {
			l := r.rectLines[4*i+k]
			l.Position1, l.Position2 = t.toPx(rect.Corners[k]), t.toPx(rect.Corners[(k+1)%4])
		}
		c := t.toPx(rect.Corners.Centre())
		lbl := r.rectLabels[i]
		lw := lbl.MinSize().Width
		lbl.Move(fyne.NewPos(c.X-lw/2, c.Y-th/2))
		lbl.Resize(fyne.NewSize(lw, th))
	}
	for i, b := range sp.Breaches {
		a, c := t.toPx(b.Line.A), t.toPx(b.Line.B)
		r.gapLines[i].Position1, r.gapLines[i].Position2 = a, c
		lbl := r.gapLabels[i]
		lw := lbl.MinSize().Width
		lbl.Move(fyne.NewPos((a.X+c.X)/2-lw/2+th/2, (a.Y+c.Y)/2-th))
		lbl.Resize(fyne.NewSize(lw, th))
	}
	r.layoutNorth(size, th)
	r.layoutScale(size, th)
}

// layoutNorth puts the north arrow in the top right corner.
func (r *sitePlanRenderer) layoutNorth(size fyne.Size, th float32) {
	p := theme.Padding()
	x, top := size.Width-p-th, p
	tip, foot := fyne.NewPos(x, top+th+p), fyne.NewPos(x, top+th+p+2*th)
	r.north[0].Position1, r.north[0].Position2 = foot, tip
	r.north[1].Position1, r.north[1].Position2 = tip, fyne.NewPos(x-th/3, tip.Y+th/2)
	r.north[2].Position1, r.north[2].Position2 = tip, fyne.NewPos(x+th/3, tip.Y+th/2)
	r.northText.Move(fyne.NewPos(x-th, top))
	r.northText.Resize(fyne.NewSize(2*th, th))
}

// layoutScale puts the scale bar in the bottom left corner.
func (r *sitePlanRenderer) layoutScale(size fyne.Size, th float32) {
	p := theme.Padding()
	bar, _ := r.v.plan.ScaleBar.Float64()
	w := float32(bar) * r.v.view.scale
	x, y := 2*p, size.Height-p-th/2
	r.scale[0].Position1, r.scale[0].Position2 = fyne.NewPos(x, y), fyne.NewPos(x+w, y)
	r.scale[1].Position1, r.scale[1].Position2 = fyne.NewPos(x, y-th/3), fyne.NewPos(x, y+th/3)
	r.scale[2].Position1, r.scale[2].Position2 = fyne.NewPos(x+w, y-th/3), fyne.NewPos(x+w, y+th/3)
	r.scaleText.Move(fyne.NewPos(x+w+p, y-th/2))
	r.scaleText.Resize(r.scaleText.MinSize())
}

// fitPlan returns the transform that fits the plan's extent into size,
// centred, leaving room for the edge labels, the north arrow and the
// scale bar.
func fitPlan(sp *costing.SitePlan, size fyne.Size, th float32) planTransform {
	lo, hi := sp.Lo, sp.Hi
	if math.IsInf(lo.X, 0) || math.IsInf(hi.X, 0) {
		lo, hi = costing.XY{}, costing.XY{X: 10, Y: 10}
	}
	w, h := max(hi.X-lo.X, 1), max(hi.Y-lo.Y, 1)
	// Edge lengths stand beside the plot: "100,0 m" beside a side edge
	// needs about four text heights.
	margin, marginX := 2*th+2*theme.Padding(), 4*th+theme.Padding()
	availW, availH := max(size.Width-2*marginX, 1), max(size.Height-2*margin-th, 1)
	scale := min(availW/float32(w), availH/float32(h))
	left := (size.Width - float32(w)*scale) / 2
	top := margin + (availH-float32(h)*scale)/2
	return planTransform{scale: scale, left: left, top: top, lo: lo, hi: costing.XY{X: lo.X + w, Y: lo.Y + h}}
}
