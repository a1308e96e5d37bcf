package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/costing"
)

// Legend keys of a plan sketch: the band keys of costing.PlanBand, the
// balcony strip and the wall zone.
const (
	planKeyBRAi  = "bra_i"
	planKeyBRAe  = "bra_e"
	planKeyBRAb  = "bra_b"
	planKeyTBA   = "tba"
	planKeyWalls = "walls"
)

// planColor returns the theme colour that fills a part of the sketch.
func planColor(key string) fyne.ThemeColorName {
	switch key {
	case planKeyBRAi:
		return theme.ColorNameBackground
	case planKeyBRAe:
		return theme.ColorNamePrimary
	case planKeyBRAb:
		return theme.ColorNameWarning
	case planKeyTBA:
		return theme.ColorNameSuccess
	}
	return theme.ColorNameForeground
}

// planLegendItem is one entry of the sketch's legend.
type planLegendItem struct {
	// Key is one of the planKey constants; it picks the colour.
	Key string
	// Text is the formatted entry, such as "BRA-i 48 m²".
	Text string
}

// planTexts are the formatted labels of a plan sketch.
type planTexts struct {
	// Width, Depth and Scale label the floor's width, its depth and the
	// scale bar ("10 m").
	Width, Depth, Scale string
	// Caption says what the sketch shows, such as one floor of two.
	Caption string
	Legend  []planLegendItem
}

// planSketch draws a unit type's schematic floor to scale from its
// costing.Plan: the floor with its wall zone, the usable-area bands, the
// balcony strip, width and depth, a scale bar and a legend. It draws; the
// geometry and every number in its labels come from package costing.
type planSketch struct {
	widget.BaseWidget

	plan  costing.Plan
	texts planTexts
	// empty is shown when there is no plan.
	empty string
}

func newPlanSketch(empty string) *planSketch {
	s := &planSketch{empty: empty}
	s.ExtendBaseWidget(s)
	return s
}

// SetPlan shows plan with its labels and redraws.
func (s *planSketch) SetPlan(plan costing.Plan, texts planTexts) {
	s.plan, s.texts = plan, texts
	s.Refresh()
}

// Clear removes the plan and shows the empty text.
func (s *planSketch) Clear() {
	s.plan, s.texts = costing.Plan{}, planTexts{}
	s.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (s *planSketch) CreateRenderer() fyne.WidgetRenderer {
	r := &planRenderer{sketch: s}
	r.floor = canvas.NewRectangle(nil)
	r.balcony = canvas.NewRectangle(nil)
	r.width, r.depth, r.caption, r.emptyText = canvas.NewText("", nil), canvas.NewText("", nil), canvas.NewText("", nil), canvas.NewText("", nil)
	r.width.Alignment = fyne.TextAlignCenter
	r.depth.Alignment = fyne.TextAlignTrailing
	r.emptyText.Alignment = fyne.TextAlignCenter
	r.scale = canvas.NewText("", nil)
	for i := range r.scaleLines {
		r.scaleLines[i] = canvas.NewLine(nil)
	}
	r.Refresh()
	return r
}

type planRenderer struct {
	sketch     *planSketch
	floor      *canvas.Rectangle
	bands      []*canvas.Rectangle
	balcony    *canvas.Rectangle
	width      *canvas.Text
	depth      *canvas.Text
	caption    *canvas.Text
	scale      *canvas.Text
	scaleLines [3]*canvas.Line // the bar and its two end ticks
	swatches   []*canvas.Rectangle
	// legend holds the legend's lines: an entry wraps onto more lines when
	// the sketch is narrower than its text, so that the legend never
	// widens the card. lines says how many lines each entry has.
	legend    []*canvas.Text
	lines     []int
	emptyText *canvas.Text
	objects   []fyne.CanvasObject
}

// Destroy implements fyne.WidgetRenderer.
func (r *planRenderer) Destroy() {}

// Objects implements fyne.WidgetRenderer.
func (r *planRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *planRenderer) textHeight() float32 {
	return fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height
}

// drawingMinHeight is the least height of the drawing itself.
const drawingMinHeight = 120

// MinSize implements fyne.WidgetRenderer.
func (r *planRenderer) MinSize() fyne.Size {
	p, th := theme.Padding(), r.textHeight()
	w := r.depth.MinSize().Width + 2*p + 160
	w = max(w, r.caption.MinSize().Width+2*p, r.emptyText.MinSize().Width+2*p)
	// The legend wraps: it needs only its longest word on a line, and as
	// many lines as it takes at the sketch's present width.
	size := theme.TextSize()
	for _, item := range r.sketch.texts.Legend {
		for _, word := range strings.Split(item.Text, " ") {
			w = max(w, th+2*p+fyne.MeasureText(word, size, fyne.TextStyle{}).Width)
		}
	}
	// caption, width label, drawing, scale bar, legend
	h := p + th + p + th + p + drawingMinHeight + p + th + p + r.legendHeight(r.wrapLegend(r.sketch.Size().Width)) + p
	return fyne.NewSize(w, h)
}

// legendTextWidth is the width left for the legend's text in a sketch
// width wide: the swatch and the paddings take the rest.
func (r *planRenderer) legendTextWidth(width float32) float32 {
	return width - r.textHeight() - 2*theme.Padding()
}

// wrapLegend returns the legend's entries broken into lines that fit a
// sketch width wide; a width of 0 (not laid out yet) leaves each entry on
// one line.
func (r *planRenderer) wrapLegend(width float32) [][]string {
	items := r.sketch.texts.Legend
	lines := make([][]string, len(items))
	for i, item := range items {
		if width <= 0 {
			lines[i] = []string{item.Text}
			continue
		}
		lines[i] = wrapWords(item.Text, r.legendTextWidth(width), theme.TextSize())
	}
	return lines
}

// legendHeight is the height of a legend of lines.
func (r *planRenderer) legendHeight(lines [][]string) float32 {
	th, p := r.textHeight(), theme.Padding()
	var h float32
	for _, l := range lines {
		h += float32(len(l))*th + p/2
	}
	return h
}

// wrapWords breaks text into lines no wider than width at its spaces (not
// at the no-break spaces that hold a number to its unit); a word wider
// than width gets a line of its own.
func wrapWords(text string, width, size float32) []string {
	var lines []string
	line := ""
	for _, word := range strings.Split(text, " ") {
		if word == "" {
			continue
		}
		next := word
		if line != "" {
			next = line + " " + word
		}
		if line != "" && fyne.MeasureText(next, size, fyne.TextStyle{}).Width > width {
			lines = append(lines, line)
			next = word
		}
		line = next
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// Layout implements fyne.WidgetRenderer.
func (r *planRenderer) Layout(size fyne.Size) {
	p, th := theme.Padding(), r.textHeight()
	r.emptyText.Move(fyne.NewPos(0, (size.Height-th)/2))
	r.emptyText.Resize(fyne.NewSize(size.Width, th))
	plan := r.sketch.plan
	extW, extH := plan.Extent()
	if extW <= 0 || extH <= 0 {
		return
	}
	r.caption.Move(fyne.NewPos(p, p))
	r.caption.Resize(fyne.NewSize(size.Width-2*p, th))

	wrapped := r.wrapLegend(size.Width)
	if r.setLegendLines(wrapped) {
		r.objects = r.objectList()
	}
	legendH := r.legendHeight(wrapped)
	left := p + r.depth.MinSize().Width + p
	top := p + th + p + th + p
	availW := max(size.Width-left-p, 1)
	availH := max(size.Height-top-p-th-p-legendH-p, 1)
	scale := min(availW/float32(extW), availH/float32(extH)) // pixels per metre
	at := func(rect costing.Rect, o *canvas.Rectangle) {
		o.Move(fyne.NewPos(left+float32(rect.X)*scale, top+float32(rect.Y)*scale))
		o.Resize(fyne.NewSize(float32(rect.W)*scale, float32(rect.H)*scale))
	}
	at(plan.Floor, r.floor)
	for i, b := range plan.Bands {
		at(b.Rect, r.bands[i])
	}
	at(plan.Balcony, r.balcony)
	floorW, floorH := float32(plan.Floor.W)*scale, float32(plan.Floor.H)*scale

	r.width.Move(fyne.NewPos(left, top-th-p/2))
	r.width.Resize(fyne.NewSize(floorW, th))
	r.depth.Move(fyne.NewPos(p, top+(floorH-th)/2))
	r.depth.Resize(fyne.NewSize(r.depth.MinSize().Width, th))

	y := top + float32(extH)*scale + p + th/2
	bar, _ := plan.ScaleBar.Float64()
	barW := float32(bar) * scale
	r.scaleLines[0].Position1, r.scaleLines[0].Position2 = fyne.NewPos(left, y), fyne.NewPos(left+barW, y)
	r.scaleLines[1].Position1, r.scaleLines[1].Position2 = fyne.NewPos(left, y-th/4), fyne.NewPos(left, y+th/4)
	r.scaleLines[2].Position1, r.scaleLines[2].Position2 = fyne.NewPos(left+barW, y-th/4), fyne.NewPos(left+barW, y+th/4)
	r.scale.Move(fyne.NewPos(left+barW+p, y-th/2))
	r.scale.Resize(r.scale.MinSize())

	y += th/2 + p
	line := 0
	for i, n := range r.lines {
		r.swatches[i].Move(fyne.NewPos(p, y+th/6))
		r.swatches[i].Resize(fyne.NewSquareSize(th * 2 / 3))
		for range n {
			t := r.legend[line]
			t.Move(fyne.NewPos(p+th, y))
			t.Resize(fyne.NewSize(max(r.legendTextWidth(size.Width), 0), th))
			y += th
			line++
		}
		y += p / 2
	}
}

// setLegendLines shows the legend as lines, styled from the theme, and
// reports whether the number of lines changed (and so the objects).
func (r *planRenderer) setLegendLines(lines [][]string) bool {
	fg, size := theme.Color(theme.ColorNameForeground), theme.TextSize()
	changed := len(r.lines) != len(lines)
	r.lines = r.lines[:0]
	n := 0
	for _, l := range lines {
		r.lines = append(r.lines, len(l))
		for _, text := range l {
			if n == len(r.legend) {
				r.legend = append(r.legend, canvas.NewText("", nil))
				changed = true
			}
			t := r.legend[n]
			if t.Text != text || t.Color != fg || t.TextSize != size {
				t.Text, t.Color, t.TextSize = text, fg, size
				t.Refresh()
			}
			n++
		}
	}
	if n != len(r.legend) {
		r.legend = r.legend[:n]
		changed = true
	}
	return changed
}

// Refresh implements fyne.WidgetRenderer: it reuses its objects and restyles them from the theme.
func (r *planRenderer) Refresh() {
	s := r.sketch
	fg := theme.Color(theme.ColorNameForeground)
	size := theme.TextSize()
	texts := s.texts
	for len(r.bands) < len(s.plan.Bands) {
		r.bands = append(r.bands, canvas.NewRectangle(nil))
	}
	r.bands = r.bands[:len(s.plan.Bands)]
	for len(r.swatches) < len(texts.Legend) {
		r.swatches = append(r.swatches, canvas.NewRectangle(nil))
	}
	r.swatches = r.swatches[:len(texts.Legend)]

	r.emptyText.Text, r.emptyText.Color, r.emptyText.TextSize = "", theme.Color(theme.ColorNamePlaceHolder), size
	if w, _ := s.plan.Extent(); w <= 0 {
		r.emptyText.Text = s.empty
		r.objects = []fyne.CanvasObject{r.emptyText}
		canvas.Refresh(s)
		return
	}
	r.floor.FillColor, r.floor.StrokeColor, r.floor.StrokeWidth = theme.Color(planColor(planKeyWalls)), fg, 1
	for i, b := range s.plan.Bands {
		r.bands[i].FillColor = theme.Color(planColor(b.Key))
		r.bands[i].StrokeColor, r.bands[i].StrokeWidth = theme.Color(theme.ColorNameSeparator), 1
	}
	r.balcony.FillColor, r.balcony.StrokeColor, r.balcony.StrokeWidth = theme.Color(planColor(planKeyTBA)), fg, 1
	for _, t := range []struct {
		o    *canvas.Text
		text string
	}{{r.width, texts.Width}, {r.depth, texts.Depth}, {r.caption, texts.Caption}, {r.scale, texts.Scale}} {
		t.o.Text, t.o.Color, t.o.TextSize = t.text, fg, size
	}
	for _, l := range r.scaleLines {
		l.StrokeColor, l.StrokeWidth = fg, 2
	}
	for i, item := range texts.Legend {
		r.swatches[i].FillColor = theme.Color(planColor(item.Key))
		r.swatches[i].StrokeColor, r.swatches[i].StrokeWidth = fg, 1
	}
	r.setLegendLines(r.wrapLegend(s.Size().Width))
	r.objects = r.objectList()
	r.Layout(s.Size())
	canvas.Refresh(s)
}

// objectList returns the objects of a sketch with a plan, back to front.
func (r *planRenderer) objectList() []fyne.CanvasObject {
	s := r.sketch
	objects := []fyne.CanvasObject{r.floor}
	for _, b := range r.bands {
		objects = append(objects, b)
	}
	if s.plan.Balcony.W > 0 {
		objects = append(objects, r.balcony)
	}
	objects = append(objects, r.width, r.depth, r.caption, r.scale)
	for _, l := range r.scaleLines {
		objects = append(objects, l)
	}
	for _, sw := range r.swatches {
		objects = append(objects, sw)
	}
	for _, t := range r.legend {
		objects = append(objects, t)
	}
	return objects
}
