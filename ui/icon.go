package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"sync"

	"fyne.io/fyne/v2"
	"golang.org/x/image/vector"
)

// IconSize is the width and height of the application icon in pixels.
const IconSize = 512

var icon struct {
	once sync.Once
	res  fyne.Resource
}

// Icon returns Bokonsept's application icon: three houses with gabled roofs
// in front of the valley's mountains, as a 512×512 PNG. The same picture is
// in assets/icon.png (scripts/icon writes it) for packaging.
func Icon() fyne.Resource {
	icon.once.Do(func() {
		var buf bytes.Buffer
		if err := png.Encode(&buf, drawIcon()); err != nil {
			fyne.LogError("icon", err)
		}
		icon.res = fyne.NewStaticResource("bokonsept.png", buf.Bytes())
	})
	return icon.res
}

// pt is a point of a shape in icon pixels.
type pt struct{ x, y float32 }

// fill draws the closed polygon with colour c, anti-aliased.
func fill(dst *image.RGBA, c color.RGBA, pts ...pt) {
	r := vector.NewRasterizer(IconSize, IconSize)
	r.MoveTo(pts[0].x, pts[0].y)
	for _, p := range pts[1:] {
		r.LineTo(p.x, p.y)
	}
	r.ClosePath()
	r.Draw(dst, dst.Bounds(), image.NewUniform(c), image.Point{})
}

// roundedRect draws a rectangle with round corners of radius rad.
func roundedRect(dst *image.RGBA, c color.RGBA, x0, y0, x1, y1, rad float32) {
	r := vector.NewRasterizer(IconSize, IconSize)
	const k = 0.5523 // control distance of a quarter circle as a cubic
	r.MoveTo(x0+rad, y0)
	r.LineTo(x1-rad, y0)
	r.CubeTo(x1-rad+rad*k, y0, x1, y0+rad-rad*k, x1, y0+rad)
	r.LineTo(x1, y1-rad)
	r.CubeTo(x1, y1-rad+rad*k, x1-rad+rad*k, y1, x1-rad, y1)
	r.LineTo(x0+rad, y1)
	r.CubeTo(x0+rad-rad*k, y1, x0, y1-rad+rad*k, x0, y1-rad)
	r.LineTo(x0, y0+rad)
	r.CubeTo(x0, y0+rad-rad*k, x0+rad-rad*k, y0, x0+rad, y0)
	r.ClosePath()
	r.Draw(dst, dst.Bounds(), image.NewUniform(c), image.Point{})
}

// house draws a house: walls from x0 to x1 standing on the ground at y1,
// eaves at ye, ridge at yr, with a door and a window.
func house(dst *image.RGBA, x0, x1, ye, yr, y1 float32, wall, roof, opening color.RGBA) {
	over := (x1 - x0) * 0.08
	fill(dst, wall, pt{x0, ye}, pt{x1, ye}, pt{x1, y1}, pt{x0, y1})
	fill(dst, wall, pt{x0, ye + 1}, pt{(x0 + x1) / 2, yr + 12}, pt{x1, ye + 1})
	fill(dst, roof, pt{x0 - over, ye + 6}, pt{(x0 + x1) / 2, yr}, pt{x1 + over, ye + 6}, pt{x1 + over, ye + 22}, pt{(x0 + x1) / 2, yr + 22}, pt{x0 - over, ye + 22})
	w := x1 - x0
	dx0, dx1 := x0+w*0.18, x0+w*0.40
	fill(dst, opening, pt{dx0, y1 - (y1-ye)*0.62}, pt{dx1, y1 - (y1-ye)*0.62}, pt{dx1, y1}, pt{dx0, y1})
	wx0, wx1 := x0+w*0.56, x0+w*0.82
	wy0, wy1 := ye+(y1-ye)*0.28, ye+(y1-ye)*0.55
	fill(dst, opening, pt{wx0, wy0}, pt{wx1, wy0}, pt{wx1, wy1}, pt{wx0, wy1})
}

// drawIcon paints the icon.
func drawIcon() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, IconSize, IconSize))
	draw.Draw(img, img.Bounds(), image.Transparent, image.Point{}, draw.Src)
	var (
		sky      = color.RGBA{0x1d, 0x5c, 0x63, 0xff}
		mountain = color.RGBA{0x3f, 0x86, 0x8a, 0xff}
		snow     = color.RGBA{0xdc, 0xee, 0xec, 0xff}
		ground   = color.RGBA{0xe9, 0xe4, 0xd4, 0xff}
		wall     = color.RGBA{0xf7, 0xf4, 0xea, 0xff}
		wallDark = color.RGBA{0xe2, 0xb8, 0x6b, 0xff}
		roof     = color.RGBA{0xb8, 0x43, 0x32, 0xff}
		roofDark = color.RGBA{0x5b, 0x3a, 0x29, 0xff}
		opening  = color.RGBA{0x2a, 0x3b, 0x45, 0xff}
	)
	roundedRect(img, sky, 16, 16, 496, 496, 96)
	// Mountains of the valley, with snow on the tops.
	fill(img, mountain, pt{16, 330}, pt{150, 150}, pt{250, 270}, pt{350, 120}, pt{496, 310}, pt{496, 400}, pt{16, 400})
	fill(img, snow, pt{150, 150}, pt{186, 198}, pt{166, 190}, pt{150, 206}, pt{132, 186}, pt{118, 194})
	fill(img, snow, pt{350, 120}, pt{392, 177}, pt{370, 168}, pt{352, 186}, pt{334, 166}, pt{312, 172})
	// Ground, inside the rounded square's lower corners.
	r := vector.NewRasterizer(IconSize, IconSize)
	r.MoveTo(16, 380)
	r.LineTo(496, 380)
	r.LineTo(496, 400)
	r.CubeTo(496, 453, 453, 496, 400, 496)
	r.LineTo(112, 496)
	r.CubeTo(59, 496, 16, 453, 16, 400)
	r.ClosePath()
	r.Draw(img, img.Bounds(), image.NewUniform(ground), image.Point{})
	// Three houses: a small one each side of a taller one.
	house(img, 62, 172, 300, 236, 404, wallDark, roofDark, opening)
	house(img, 340, 450, 300, 236, 404, wallDark, roofDark, opening)
	house(img, 178, 334, 262, 160, 404, wall, roof, opening)
	return img
}
