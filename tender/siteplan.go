package tender

import (
	"fmt"
	"math"
	"strings"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/jung-kurt/gofpdf"
)

// sitePlanScales are the standard scales a site plan is drawn at: the
// largest that fits the page.
var sitePlanScales = []float64{200, 500, 1000, 2000, 5000, 10000, 20000}

// The site plan's geometry (mm): the space around the plot for the
// boundary's dimensions, the title band above it, the band below it for
// the scale bar, the legend and the north arrow, and the most height the
// plot may take.
const (
	sitePad    = 4.5
	siteTitleH = 9.0
	siteFootH  = 13.0
	siteMaxH   = 175.0
)

// nameW is the most width (mm) a unit type's or household's name takes
// in a cell of the site plan's and the economics' tables: about two
// lines; a longer name ends in an ellipsis.
const nameW = 70.0

// Colours of the site plan.
var (
	colPlot    = [3]int{236, 243, 230}
	colParking = [3]int{228, 228, 228}
)

// chapterSitePlan writes the chapter "Situasjonsplan" with the site plan
// of every described variant that has a layout (costing.SitePlanOf): the
// plot to scale with north arrow, scale bar and the boundary's
// dimensions, the buildings with their labels, and every breach of the
// distance rules drawn in red. It holds no cost figure, so the tenderers'
// document has it too. It writes nothing when no variant has a layout.
func (d *doc) chapterSitePlan() error {
	type planned struct {
		v  int
		e  *costing.Estimate
		sp *costing.SitePlan
	}
	var plans []planned
	for _, v := range d.Variants {
		if sp := costing.SitePlanOf(d.Estimates[v]); sp != nil {
			plans = append(plans, planned{v, d.Estimates[v], sp})
		}
	}
	if len(plans) == 0 {
		return nil
	}
	l := d.l
	title := l.T("tender.site.title")
	ch := d.chapterHeading(title)
	d.para(l.T("tender.site.intro"))
	for i, p := range plans {
		if len(d.Variants) > 1 {
			d.heading(1, fmt.Sprintf("%s.%d", ch, i+1), l.T("tender.section.variant", title, p.e.Variant))
		}
		d.sitePlan(p.v, p.e, p.sp)
	}
	return nil
}

// sitePlanScale returns the scale (the n of 1:n) the plan of w × h metres
// is drawn at to fit availW × availH mm.
func sitePlanScale(w, h, availW, availH float64) float64 {
	for _, s := range sitePlanScales {
		if w*1000/s <= availW && h*1000/s <= availH {
			return s
		}
	}
	s := sitePlanScales[len(sitePlanScales)-1]
	for w*1000/s > availW || h*1000/s > availH {
		s *= 2
	}
	return s
}

// sitePlan draws the plan of variant v at the cursor, with the table of
// its buildings and the layout checks below it.
func (d *doc) sitePlan(v int, e *costing.Estimate, sp *costing.SitePlan) {
	pdf := d.pdf
	l := d.l
	wM, hM := sp.Hi.X-sp.Lo.X, sp.Hi.Y-sp.Lo.Y
	if wM <= 0 || hM <= 0 {
		d.para(l.T("tender.site.empty"))
		return
	}
	scale := sitePlanScale(wM, hM, contentW-2*sitePad, siteMaxH)
	k := 1000 / scale // mm on paper per metre
	frameH := siteTitleH + 2*sitePad + hM*k + siteFootH
	d.place(frameH, frameH)
	y0 := pdf.GetY()
	left := marginL + (contentW-wM*k)/2
	top := y0 + siteTitleH + sitePad
	page := func(p costing.XY) gofpdf.PointType {
		return gofpdf.PointType{X: left + (p.X-sp.Lo.X)*k, Y: top + (sp.Hi.Y-p.Y)*k}
	}

	// frame and title
	d.drawColor(colRule)
	pdf.SetLineWidth(0.2)
	pdf.Rect(marginL, y0, contentW, frameH, "D")
	d.setFont("B", 8)
	d.textColor(colText)
	pdf.SetXY(marginL+2, y0+1.5)
	pdf.CellFormat(contentW/2, 4, l.T("tender.site.scale", l.Int(int64(scale))), "", 0, "L", false, 0, "")
	if sp.BoundaryArea != nil {
		d.setFont("", 7.5)
		pdf.SetXY(marginL+contentW/2, y0+1.5)
		pdf.CellFormat(contentW/2-2, 4, l.T("tender.site.area", d.area(*sp.BoundaryArea)), "", 0, "R", false, 0, "")
	}

	// the plot and its dimensions
	if len(sp.Boundary) >= 3 {
		pts := make([]gofpdf.PointType, len(sp.Boundary))
		for i, p := range sp.Boundary {
			pts[i] = page(p)
		}
		d.fillColor(colPlot)
		d.drawColor(colText)
		pdf.SetLineWidth(0.5)
		pdf.Polygon(pts, "FD")
		d.edgeDimensions(sp, page)
	} else {
		d.setFont("I", 7)
		d.textColor(colMuted)
		pdf.SetXY(marginL+2, y0+5.5)
		pdf.CellFormat(contentW-4, 3.5, l.T("tender.site.noboundary"), "", 0, "L", false, 0, "")
	}

	// buildings and parking areas
	for i := range sp.Rects {
		d.siteRect(&sp.Rects[i], page)
	}

	// breaches: a red line between the nearest points with the distance
	for _, b := range sp.Breaches {
		a, c := page(b.Line.A), page(b.Line.B)
		d.drawColor(colFail)
		d.fillColor(colFail)
		pdf.SetLineWidth(0.5)
		pdf.Line(a.X, a.Y, c.X, c.Y)
		pdf.Circle(a.X, a.Y, 0.6, "F")
		pdf.Circle(c.X, c.Y, 0.6, "F")
		d.setFont("B", 6.5)
		d.textColor(colFail)
		txt := b.Dist.Format(l)
		tw := pdf.GetStringWidth(txt) + 1
		mx, my := (a.X+c.X)/2, (a.Y+c.Y)/2
		pdf.SetFillColor(255, 255, 255)
		pdf.SetXY(mx-tw/2, my-3.8)
		pdf.CellFormat(tw, 3, txt, "", 0, "C", true, 0, "")
	}

	d.siteFoot(sp, k, y0+frameH-siteFootH)
	pdf.SetXY(marginL, y0+frameH+3)
	d.setFont("", bodySize)
	d.textColor(colText)

	d.siteTable(v, sp)
	d.siteChecks(e)
}

// edgeDimensions writes each boundary edge's length outside the plot,
// along the edge.
func (d *doc) edgeDimensions(sp *costing.SitePlan, page func(costing.XY) gofpdf.PointType) {
	pdf := d.pdf
	// counter-clockwise boundaries have the outside on the right of each
	// edge
	out := 1.0
	if costing.PolygonArea(sp.Boundary) < 0 {
		out = -1
	}
	d.setFont("", 6.5)
	d.textColor(colText)
	for _, ed := range sp.Edges {
		a, b := page(ed.A), page(ed.B)
		dx, dy := b.X-a.X, b.Y-a.Y
		n := math.Hypot(dx, dy)
		if n < 1e-6 {
			continue
		}
		// the right of the edge in plan coordinates, (ey, −ex), is on
		// paper (y down) (−dy, dx) / n
		nx, ny := -dy/n*out, dx/n*out
		txt := ed.Length.Format(d.l)
		tw := pdf.GetStringWidth(txt)
		cx, cy := (a.X+b.X)/2+nx*2.6, (a.Y+b.Y)/2+ny*2.6
		ang := math.Atan2(-dy, dx) * 180 / math.Pi
		if ang > 90 {
			ang -= 180
		} else if ang <= -90 {
			ang += 180
		}
		pdf.TransformBegin()
		pdf.TransformRotate(ang, cx, cy)
		pdf.Text(cx-tw/2, cy+0.9, txt)
		pdf.TransformEnd()
	}
}

// siteRect draws one building or parking area with its label: the label
// when it fits, else its number in the table below the plan.
func (d *doc) siteRect(r *costing.PlacedRect, page func(costing.XY) gofpdf.PointType) {
	pdf := d.pdf
	pts := make([]gofpdf.PointType, 4)
	lo, hi := gofpdf.PointType{X: math.Inf(1), Y: math.Inf(1)}, gofpdf.PointType{X: math.Inf(-1), Y: math.Inf(-1)}
	for i, c := range r.Corners {
		p := page(c)
		pts[i] = p
		lo.X, lo.Y = math.Min(lo.X, p.X), math.Min(lo.Y, p.Y)
		hi.X, hi.Y = math.Max(hi.X, p.X), math.Max(hi.Y, p.Y)
	}
	if r.Parking {
		d.fillColor(colParking)
		d.drawColor(colMuted)
		pdf.SetLineWidth(0.25)
		pdf.SetDashPattern([]float64{1, 0.7}, 0)
	} else {
		d.fillColor(colBand)
		d.drawColor(colAccent)
		pdf.SetLineWidth(0.35)
	}
	if r.Breach {
		d.drawColor(colFail)
		pdf.SetLineWidth(0.7)
	}
	pdf.Polygon(pts, "FD")
	pdf.SetDashPattern(nil, 0)

	c := page(r.Corners.Centre())
	w, h := hi.X-lo.X, hi.Y-lo.Y
	textColour := colAccent
	if r.Parking {
		textColour = colMuted
	}
	if r.Breach {
		textColour = colFail
	}
	d.textColor(textColour)
	label := r.Label
	for _, size := range []float64{7, 5.8} {
		d.setFont("B", size)
		if pdf.GetStringWidth(label) <= w-1 && h >= 2.8 {
			pdf.Text(c.X-pdf.GetStringWidth(label)/2, c.Y+size*0.13, label)
			return
		}
	}
	num := fmt.Sprint(r.Index + 1)
	pdf.Text(c.X-pdf.GetStringWidth(num)/2, c.Y+5.8*0.13, num)
}

// siteFoot draws the scale bar, the legend and the north arrow in the
// band at y.
func (d *doc) siteFoot(sp *costing.SitePlan, k, y float64) {
	pdf := d.pdf
	l := d.l
	// scale bar in four parts, filled and empty by turns
	bar := sp.ScaleBar.InexactFloat64() * k
	x := marginL + 4
	by := y + 6
	if bar > 0 {
		d.drawColor(colText)
		d.fillColor(colText)
		pdf.SetLineWidth(0.2)
		for i := range 4 {
			style := "D"
			if i%2 == 0 {
				style = "FD"
			}
			pdf.Rect(x+float64(i)*bar/4, by, bar/4, 1.4, style)
		}
		d.setFont("", 6.5)
		d.textColor(colText)
		pdf.Text(x-0.8, by-1, "0")
		end := l.T("tender.plan.metres", l.Number(sp.ScaleBar, 1))
		pdf.Text(x+bar-pdf.GetStringWidth(end)/2, by-1, end)
	}

	// legend
	lx := x + math.Max(bar, 20) + 12
	for _, lg := range []struct {
		key          string
		fill, stroke [3]int
	}{
		{"tender.site.legend.building", colBand, colAccent},
		{"tender.site.legend.parking", colParking, colMuted},
		{"tender.site.legend.breach", [3]int{255, 255, 255}, colFail},
	} {
		d.fillColor(lg.fill)
		d.drawColor(lg.stroke)
		pdf.SetLineWidth(0.4)
		pdf.Rect(lx, by-1.5, 4, 2.8, "FD")
		d.setFont("", 6.8)
		d.textColor(colText)
		txt := l.T(lg.key)
		pdf.Text(lx+5, by+0.8, txt)
		lx += 5 + pdf.GetStringWidth(txt) + 6
	}

	// north arrow: plot y points north
	nx := marginL + contentW - 8
	d.fillColor(colText)
	d.drawColor(colText)
	pdf.SetLineWidth(0.25)
	pdf.Polygon([]gofpdf.PointType{{X: nx, Y: y + 3.5}, {X: nx + 2.2, Y: y + 10}, {X: nx, Y: y + 8.6}}, "FD")
	pdf.Polygon([]gofpdf.PointType{{X: nx, Y: y + 3.5}, {X: nx - 2.2, Y: y + 10}, {X: nx, Y: y + 8.6}}, "D")
	d.setFont("B", 7)
	d.textColor(colText)
	n := l.T("tender.site.north")
	pdf.Text(nx-pdf.GetStringWidth(n)/2, y+3, n)
}

// siteTable lists the buildings and parking areas of variant v's plan:
// number, label, what it holds and its size.
func (d *doc) siteTable(v int, sp *costing.SitePlan) {
	l := d.l
	if len(sp.Rects) == 0 {
		return
	}
	layout := d.Project.Concept.Variants[v].Layout
	t := &table{
		cols: []col{
			{head: l.T("tender.site.col.no"), w: 10, align: "R"},
			{head: l.T("tender.site.col.label"), w: 36, align: "L"},
			{head: l.T("tender.site.col.holds"), w: 88, align: "L"},
			{head: l.T("tender.site.col.size"), w: 36, align: "R"},
		},
		zebra: true,
	}
	for _, r := range sp.Rects {
		holds := l.T("tender.site.parking")
		if !r.Parking && r.Index < len(layout) {
			entry := &layout[r.Index]
			var parts []string
			for _, id := range entry.UnitOrder() {
				name := id
				if u := d.Project.Catalogue.UnitType(id); u != nil {
					name = u.Name.In(d.lang)
				}
				name = d.fit(name, nameW)
				parts = append(parts, l.T("tender.site.units", entry.Units[id], name))
			}
			holds = strings.Join(parts, ", ")
		}
		size := "–"
		if r.Sized {
			size = l.T("tender.site.size", l.Fixed(r.Width, 1), l.Fixed(r.Depth, 1))
		}
		var colour *[3]int
		if r.Breach {
			c := colFail
			colour = &c
		}
		t.rows = append(t.rows, row{cells: []string{fmt.Sprint(r.Index + 1), r.Label, holds, size}, colour: colour, colourCell: 1})
	}
	d.table(t)
	d.space(2)
}

// siteChecks lists the variant's layout checks with their status, as the
// engine words them.
func (d *doc) siteChecks(e *costing.Estimate) {
	l := d.l
	t := &table{
		cols: []col{
			{head: l.T("tender.col.check"), w: 34, align: "L"},
			{head: l.T("tender.col.status"), w: 14, align: "L"},
			{head: l.T("tender.col.message"), w: 92, align: "L"},
		},
		zebra: true,
	}
	for _, ck := range e.Checks {
		if !strings.HasPrefix(ck.ID, "layout.") {
			continue
		}
		colour := statusColour(ck.Status)
		t.rows = append(t.rows, row{
			cells:      []string{d.checkName(ck.ID), l.T("status." + string(ck.Status)), ck.Message(l)},
			colour:     &colour,
			colourCell: 1,
		})
	}
	if len(t.rows) == 0 {
		return
	}
	d.heading(2, "", l.T("tender.site.checks"))
	d.table(t)
	d.space(1)
	d.note(l.T("tender.site.checks.note"))
}
