package ui

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"github.com/hallingdal/bokonsept/costing"
	"golang.org/x/image/vector"
)

// sitePlanFills paints the plot and the rectangles' areas, turned as they
// are, into one raster behind the plan's lines: Fyne draws no turned
// rectangle, and one image costs less than many objects.
type sitePlanFills struct {
	raster *canvas.Raster
	plan   *costing.SitePlan
	// selected and hover are the highlighted rectangles; t maps the plan
	// to the view.
	selected, hover int
	t               planTransform
	size            fyne.Size
	img             *image.RGBA
	ras             vector.Rasterizer
	// base is img with the plot alone, painted for baseT, baseColor and
	// baseBoundary; nil when it must be painted again.
	base         []uint8
	baseT        planTransform
	baseColor    color.Color
	baseBoundary []costing.XY
}

func newSitePlanFills() *sitePlanFills {
	f := &sitePlanFills{}
	f.raster = canvas.NewRaster(f.draw)
	return f
}

// set gives the fills the plan to paint and which rectangles stand out.
func (f *sitePlanFills) set(sp *costing.SitePlan, selected, hover int) {
	f.plan, f.selected, f.hover = sp, selected, hover
}

// layout places the raster over the whole view with the plan's transform
// and repaints it.
func (f *sitePlanFills) layout(size fyne.Size, t planTransform) {
	f.size, f.t = size, t
	f.raster.Move(fyne.NewPos(0, 0))
	f.raster.Resize(size)
	canvas.Refresh(f.raster)
}

// withAlpha returns c with alpha a (0-255), its colour kept.
func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 255)
	return n
}

// draw paints the fills at w × h pixels.
func (f *sitePlanFills) draw(w, h int) image.Image {
	sp := f.plan
	if f.img == nil || f.img.Rect.Dx() != w || f.img.Rect.Dy() != h {
		f.img = image.NewRGBA(image.Rect(0, 0, w, h))
		f.base = nil
	}
	if sp == nil || f.size.Width <= 0 || f.t.scale <= 0 {
		clear(f.img.Pix)
		return f.img
	}
	k := float32(w) / f.size.Width // device pixels per view unit
	px := func(p costing.XY) (float32, float32) {
		q := f.t.toPx(p)
		return q.X * k, q.Y * k
	}
	// The plot is painted once for the buildings dragged over it.
	plot := theme.Color(theme.ColorNameSuccess)
	if f.base == nil || f.baseT != f.t || f.baseColor != plot || !slices.Equal(f.baseBoundary, sp.Boundary) {
		clear(f.img.Pix)
		if len(sp.Boundary) >= 3 {
			f.fill(sp.Boundary, px, withAlpha(plot, 0x30))
		}
		f.base = slices.Clone(f.img.Pix)
		f.baseT, f.baseColor, f.baseBoundary = f.t, plot, slices.Clone(sp.Boundary)
	} else {
		copy(f.img.Pix, f.base)
	}
	primary, red := theme.Color(theme.ColorNamePrimary), theme.Color(theme.ColorNameError)
	muted := theme.Color(theme.ColorNameDisabled)
	for i, r := range sp.Rects {
		c := withAlpha(primary, 0x50)
		switch {
		case r.Breach:
			c = withAlpha(red, 0x48)
		case i == f.selected:
			c = withAlpha(primary, 0x90)
		case i == f.hover:
			c = withAlpha(primary, 0x70)
		case r.Parking:
			c = withAlpha(muted, 0x40)
		}
		f.fill(r.Corners[:], px, c)
	}
	return f.img
}

// fill paints the polygon pts in colour c, rasterising only its bounding
// box.
func (f *sitePlanFills) fill(pts []costing.XY, px func(costing.XY) (float32, float32), c color.Color) {
	minX, minY := float32(math.Inf(1)), float32(math.Inf(1))
	maxX, maxY := float32(math.Inf(-1)), float32(math.Inf(-1))
	xs, ys := make([]float32, len(pts)), make([]float32, len(pts))
	for i, p := range pts {
		xs[i], ys[i] = px(p)
		minX, minY = min(minX, xs[i]), min(minY, ys[i])
		maxX, maxY = max(maxX, xs[i]), max(maxY, ys[i])
	}
	box := image.Rect(int(math.Floor(float64(minX))), int(math.Floor(float64(minY))),
		int(math.Ceil(float64(maxX)))+1, int(math.Ceil(float64(maxY)))+1).Intersect(f.img.Rect)
	if box.Empty() {
		return
	}
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	f.ras.Reset(box.Dx(), box.Dy())
	f.ras.DrawOp = draw.Over
	f.ras.MoveTo(xs[0]-ox, ys[0]-oy)
	for i := 1; i < len(xs); i++ {
		f.ras.LineTo(xs[i]-ox, ys[i]-oy)
	}
	f.ras.ClosePath()
	f.ras.Draw(f.img, box, image.NewUniform(c), image.Point{})
}
