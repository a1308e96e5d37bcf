package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/costing"
)

// curveMarker marks one percentile on an sCurveChart.
type curveMarker struct {
	// Value and Probability place the marker on the curve.
	Value, Probability float64
	// Label is the formatted percentile, such as "P50: 12 345 678 kr".
	Label string
	// Color names the theme colour of the marker.
	Color fyne.ThemeColorName
}

// sCurveChart draws a cumulative distribution (an S-curve) with the value
// along the x axis and the probability along the y axis, and marks
// percentiles on it. The points come from costing.Distribution.Curve; the
// chart only scales them to pixels. Setting a new curve reuses the drawn
// objects, so refreshing it is cheap.
type sCurveChart struct {
	widget.BaseWidget

	points  []costing.CurvePoint
	markers []curveMarker
	// xLabels are the formatted values at the left and right ends of the x axis.
	xLabels [2]string
	// yLabels are the formatted probabilities 0, 50 % and 100 %.
	yLabels [3]string
	// message is shown instead of a curve when there are no points.
	message string
}

func newSCurveChart(yLabels [3]string, message string) *sCurveChart {
	c := &sCurveChart{yLabels: yLabels, message: message}
	c.ExtendBaseWidget(c)
	return c
}

// SetCurve shows points with markers; xLow and xHigh label the ends of the
// value axis.
// The chart is not redrawn when it already shows them.
func (c *sCurveChart) SetCurve(points []costing.CurvePoint, markers []curveMarker, xLow, xHigh string) {
	if c.message == "" && slices.Equal(c.points, points) && slices.Equal(c.markers, markers) && c.xLabels == [2]string{xLow, xHigh} {
		return
	}
	c.points, c.markers, c.xLabels = points, markers, [2]string{xLow, xHigh}
	c.message = ""
	c.Refresh()
}

// SetMessage clears the curve and shows msg instead (the chart is not
// redrawn when it already does).
func (c *sCurveChart) SetMessage(msg string) {
	if c.points == nil && c.message == msg {
		return
	}
	c.points, c.markers, c.xLabels = nil, nil, [2]string{}
	c.message = msg
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *sCurveChart) CreateRenderer() fyne.WidgetRenderer {
	r := &sCurveRenderer{chart: c, xAxis: canvas.NewLine(nil), yAxis: canvas.NewLine(nil), message: canvas.NewText("", nil)}
	r.message.Alignment = fyne.TextAlignCenter
	for i := range r.xTexts {
		r.xTexts[i] = canvas.NewText("", nil)
	}
	r.xTexts[1].Alignment = fyne.TextAlignTrailing
	for i := range r.yTexts {
		r.yTexts[i] = canvas.NewText("", nil)
		r.yTexts[i].Alignment = fyne.TextAlignTrailing
		r.grid[i] = canvas.NewLine(nil)
	}
	r.Refresh()
	return r
}

type sCurveRenderer struct {
	chart        *sCurveChart
	xAxis, yAxis *canvas.Line
	grid         [3]*canvas.Line
	xTexts       [2]*canvas.Text
	yTexts       [3]*canvas.Text
	segments     []*canvas.Line
	markerLines  []*canvas.Line // two per marker: horizontal, vertical
	markerTexts  []*canvas.Text
	message      *canvas.Text
	objects      []fyne.CanvasObject
}

// Destroy implements fyne.WidgetRenderer.
func (r *sCurveRenderer) Destroy() {}

// Objects implements fyne.WidgetRenderer.
func (r *sCurveRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *sCurveRenderer) textHeight() float32 {
	return fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height
}

func (r *sCurveRenderer) yLabelWidth() float32 {
	var w float32
	for _, t := range r.yTexts {
		w = max(w, t.MinSize().Width)
	}
	return w
}

// MinSize implements fyne.WidgetRenderer.
func (r *sCurveRenderer) MinSize() fyne.Size {
	p := theme.Padding()
	w := r.yLabelWidth() + r.xTexts[0].MinSize().Width + r.xTexts[1].MinSize().Width + 4*p
	for _, t := range r.markerTexts {
		w = max(w, r.yLabelWidth()+t.MinSize().Width+4*p)
	}
	w = max(w, r.message.MinSize().Width+2*p)
	return fyne.NewSize(max(w, 200), 6*r.textHeight()+2*p)
}

// Layout implements fyne.WidgetRenderer.
func (r *sCurveRenderer) Layout(size fyne.Size) {
	p := theme.Padding()
	th := r.textHeight()
	left := p + r.yLabelWidth() + p
	top := p + th/2
	right := size.Width - p
	bottom := size.Height - p - th - p
	plotW, plotH := max(right-left, 1), max(bottom-top, 1)
	r.xAxis.Position1, r.xAxis.Position2 = fyne.NewPos(left, bottom), fyne.NewPos(right, bottom)
	r.yAxis.Position1, r.yAxis.Position2 = fyne.NewPos(left, top), fyne.NewPos(left, bottom)
	for i, t := range r.yTexts {
		y := bottom - plotH*float32(i)/2
		t.Move(fyne.NewPos(p, y-th/2))
		t.Resize(fyne.NewSize(r.yLabelWidth(), th))
		r.grid[i].Position1, r.grid[i].Position2 = fyne.NewPos(left, y), fyne.NewPos(right, y)
	}
	r.xTexts[0].Move(fyne.NewPos(left, bottom+p))
	r.xTexts[0].Resize(fyne.NewSize(plotW/2, th))
	r.xTexts[1].Move(fyne.NewPos(left+plotW/2, bottom+p))
	r.xTexts[1].Resize(fyne.NewSize(plotW/2, th))
	r.message.Move(fyne.NewPos(left, top+(plotH-th)/2))
	r.message.Resize(fyne.NewSize(plotW, th))

	pts := r.chart.points
	if len(pts) < 2 {
		return
	}
	lo, hi := pts[0].Value, pts[len(pts)-1].Value
	span := hi - lo
	if span <= 0 {
		span = 1
	}
	pos := func(v, prob float64) fyne.Position {
		return fyne.NewPos(left+float32((v-lo)/span)*plotW, bottom-float32(prob)*plotH)
	}
	for i, s := range r.segments {
		s.Position1 = pos(pts[i].Value, pts[i].Probability)
		s.Position2 = pos(pts[i+1].Value, pts[i+1].Probability)
	}
	for i, m := range r.chart.markers {
		at := pos(m.Value, m.Probability)
		h, v := r.markerLines[2*i], r.markerLines[2*i+1]
		h.Position1, h.Position2 = fyne.NewPos(left, at.Y), at
		v.Position1, v.Position2 = at, fyne.NewPos(at.X, bottom)
		t := r.markerTexts[i]
		w := t.MinSize().Width
		x := min(at.X+p, right-w)
		t.Move(fyne.NewPos(x, at.Y+p/2))
		t.Resize(fyne.NewSize(w, th))
	}
}

// Refresh implements fyne.WidgetRenderer: it reuses its objects and restyles them from the theme.
func (r *sCurveRenderer) Refresh() {
	c := r.chart
	fg := theme.Color(theme.ColorNameForeground)
	size := theme.TextSize()
	nSeg := max(len(c.points)-1, 0)
	for len(r.segments) < nSeg {
		r.segments = append(r.segments, canvas.NewLine(nil))
	}
	r.segments = r.segments[:nSeg]
	for len(r.markerTexts) < len(c.markers) {
		r.markerTexts = append(r.markerTexts, canvas.NewText("", nil))
		r.markerLines = append(r.markerLines, canvas.NewLine(nil), canvas.NewLine(nil))
	}
	r.markerTexts, r.markerLines = r.markerTexts[:len(c.markers)], r.markerLines[:2*len(c.markers)]

	r.message.Text, r.message.Color, r.message.TextSize = c.message, theme.Color(theme.ColorNamePlaceHolder), size
	if nSeg == 0 {
		r.objects = []fyne.CanvasObject{r.message}
		r.Layout(c.Size())
		canvas.Refresh(c)
		return
	}
	objects := make([]fyne.CanvasObject, 0, 12+nSeg+3*len(c.markers))
	for i := range r.grid {
		r.grid[i].StrokeColor, r.grid[i].StrokeWidth = theme.Color(theme.ColorNameSeparator), 1
		r.yTexts[i].Text, r.yTexts[i].Color, r.yTexts[i].TextSize = c.yLabels[i], fg, size
		objects = append(objects, r.grid[i], r.yTexts[i])
	}
	for i, t := range r.xTexts {
		t.Text, t.Color, t.TextSize = c.xLabels[i], fg, size
		objects = append(objects, t)
	}
	for _, a := range []*canvas.Line{r.xAxis, r.yAxis} {
		a.StrokeColor, a.StrokeWidth = fg, 1
		objects = append(objects, a)
	}
	primary := theme.Color(theme.ColorNamePrimary)
	for _, s := range r.segments {
		s.StrokeColor, s.StrokeWidth = primary, 2
		objects = append(objects, s)
	}
	for i, m := range c.markers {
		col := theme.Color(m.Color)
		for _, l := range r.markerLines[2*i : 2*i+2] {
			l.StrokeColor, l.StrokeWidth = col, 1
			objects = append(objects, l)
		}
		t := r.markerTexts[i]
		t.Text, t.Color, t.TextSize, t.TextStyle = m.Label, col, size, fyne.TextStyle{Bold: true}
		objects = append(objects, t)
	}
	r.objects = objects
	r.Layout(c.Size())
	canvas.Refresh(c)
}
