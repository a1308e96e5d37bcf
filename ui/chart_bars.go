package ui

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chartBar is one bar of a barChart.
type chartBar struct {
	// Label stands left of the bar.
	Label string
	// Value sets the bar's length relative to the others; it is only drawn,
	// never shown as a number.
	Value float64
	// Text is the formatted figure shown right of the bar.
	Text string
	// Color names the theme colour of the bar; "" is the primary colour.
	Color fyne.ThemeColorName
}

// barChart draws labelled horizontal bars, one row each, scaled to the
// largest magnitude; negative values extend left of a zero line. Setting
// new bars reuses the drawn objects, so refreshing it after every edit is
// cheap.
type barChart struct {
	widget.BaseWidget

	bars []chartBar
	// empty is shown when there are no bars.
	empty string
}

func newBarChart(empty string) *barChart {
	c := &barChart{empty: empty}
	c.ExtendBaseWidget(c)
	return c
}

// SetBars replaces the bars and redraws the chart, unless they are the
// bars it shows.
func (c *barChart) SetBars(bars []chartBar) {
	if slices.Equal(c.bars, bars) {
		return
	}
	c.bars = slices.Clone(bars)
	c.Refresh()
}

// SetEmpty sets the text shown when there are no bars.
func (c *barChart) SetEmpty(text string) {
	c.empty = text
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{chart: c, axis: canvas.NewLine(theme.Color(theme.ColorNameForeground)), empty: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))}
	r.axis.StrokeWidth = 1
	r.empty.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type barChartRenderer struct {
	chart   *barChart
	labels  []*canvas.Text
	rects   []*canvas.Rectangle
	values  []*canvas.Text
	axis    *canvas.Line
	empty   *canvas.Text
	objects []fyne.CanvasObject
}

// Destroy implements fyne.WidgetRenderer.
func (r *barChartRenderer) Destroy() {}

// Objects implements fyne.WidgetRenderer.
func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *barChartRenderer) textSize() float32 { return theme.TextSize() }

func (r *barChartRenderer) rowHeight() float32 {
	return fyne.MeasureText("Ag", r.textSize(), fyne.TextStyle{}).Height + theme.Padding()
}

// columns returns the widths of the label and value columns.
func (r *barChartRenderer) columns() (label, value float32) {
	for i := range r.labels {
		label = max(label, r.labels[i].MinSize().Width)
		value = max(value, r.values[i].MinSize().Width)
	}
	return label, value
}

// MinSize implements fyne.WidgetRenderer.
func (r *barChartRenderer) MinSize() fyne.Size {
	if len(r.labels) == 0 {
		return r.empty.MinSize().Add(fyne.NewSquareSize(2 * theme.Padding()))
	}
	label, value := r.columns()
	p := theme.Padding()
	return fyne.NewSize(label+value+6*p+60, float32(len(r.labels))*r.rowHeight()+2*p)
}

// Layout implements fyne.WidgetRenderer.
func (r *barChartRenderer) Layout(size fyne.Size) {
	p := theme.Padding()
	r.empty.Move(fyne.NewPos(0, (size.Height-r.empty.MinSize().Height)/2))
	r.empty.Resize(fyne.NewSize(size.Width, r.empty.MinSize().Height))
	if len(r.labels) == 0 {
		return
	}
	labelW, valueW := r.columns()
	x0 := p + labelW + 2*p
	plotW := max(size.Width-x0-valueW-3*p, 1)
	rowH := r.rowHeight()
	lo, hi := 0.0, 0.0
	for _, b := range r.chart.bars {
		lo, hi = math.Min(lo, b.Value), math.Max(hi, b.Value)
	}
	span := hi - lo
	if span == 0 {
		span = 1
	}
	scale := float64(plotW) / span
	zero := x0 + float32(-lo*scale)
	barH := rowH * 0.7
	for i, b := range r.chart.bars {
		y := p + float32(i)*rowH
		r.labels[i].Move(fyne.NewPos(p, y))
		r.labels[i].Resize(fyne.NewSize(labelW, rowH))
		left, width := zero, float32(b.Value*scale)
		if b.Value < 0 {
			left, width = zero+width, -width
		}
		r.rects[i].Move(fyne.NewPos(left, y+(rowH-barH)/2))
		r.rects[i].Resize(fyne.NewSize(width, barH))
		r.values[i].Move(fyne.NewPos(x0+plotW+2*p, y))
		r.values[i].Resize(fyne.NewSize(valueW, rowH))
	}
	r.axis.Position1 = fyne.NewPos(zero, p)
	r.axis.Position2 = fyne.NewPos(zero, p+float32(len(r.labels))*rowH)
}

// Refresh implements fyne.WidgetRenderer: it reuses its objects and restyles them from the theme.
func (r *barChartRenderer) Refresh() {
	bars := r.chart.bars
	for len(r.labels) < len(bars) {
		l := canvas.NewText("", nil)
		v := canvas.NewText("", nil)
		v.Alignment = fyne.TextAlignTrailing
		r.labels = append(r.labels, l)
		r.values = append(r.values, v)
		r.rects = append(r.rects, canvas.NewRectangle(nil))
	}
	r.labels, r.values, r.rects = r.labels[:len(bars)], r.values[:len(bars)], r.rects[:len(bars)]
	fg := theme.Color(theme.ColorNameForeground)
	size := r.textSize()
	objects := make([]fyne.CanvasObject, 0, 3*len(bars)+2)
	for i, b := range bars {
		r.labels[i].Text, r.labels[i].Color, r.labels[i].TextSize = b.Label, fg, size
		r.values[i].Text, r.values[i].Color, r.values[i].TextSize = b.Text, fg, size
		col := b.Color
		if col == "" {
			col = theme.ColorNamePrimary
		}
		r.rects[i].FillColor = theme.Color(col)
		objects = append(objects, r.rects[i], r.labels[i], r.values[i])
	}
	r.axis.StrokeColor = fg
	r.empty.Color, r.empty.TextSize = theme.Color(theme.ColorNamePlaceHolder), size
	r.empty.Text = ""
	if len(bars) == 0 {
		r.empty.Text = r.chart.empty
	} else {
		objects = append(objects, r.axis)
	}
	r.objects = append(objects, r.empty)
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}
