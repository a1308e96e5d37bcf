package tender

import (
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
)

// planBoxH is the height of the plan diagram in chapter 4, planTableW the
// width of the table beside it.
const (
	planBoxH   = 86.0
	planTableW = 74.0
)

// planScales are the scales a plan is drawn at, the largest that fits.
var planScales = []float64{50, 100, 200, 250, 500, 1000}

// plan draws the illustrative plan of u in the box (x, y, w, h), to scale
// on A4, with its dimensions in metres.
func (d *doc) plan(u *concepts.UnitType, x, y, w, h float64) {
	pdf := d.pdf
	l := d.l
	p := costing.PlanOf(u)
	width, depth, levels := p.Floor.W, p.Floor.H, p.Floors
	d.fillColor(colZebra)
	d.drawColor(colRule)
	pdf.SetLineWidth(0.2)
	pdf.Rect(x, y, w, h, "D")
	if width == 0 {
		return
	}
	tbaW, tbaD := p.Balcony.W, p.Balcony.H
	const padL, padR, padT, padB = 13.0, 4.0, 12.0, 18.0
	availW, availH := w-padL-padR, h-padT-padB
	scale := planScales[len(planScales)-1]
	for _, s := range planScales {
		if width*1000/s <= availW && (depth+tbaD)*1000/s <= availH {
			scale = s
			break
		}
	}
	mm := func(m float64) float64 { return m * 1000 / scale }
	pw, pd, bw, bd := mm(width), mm(depth), mm(tbaW), mm(tbaD)
	left := x + padL + (availW-pw)/2
	top := y + padT + (availH-pd-bd)/2

	// title
	d.setFont("B", 7.5)
	d.textColor(colText)
	pdf.SetXY(x+2, y+1.5)
	title := l.T("tender.plan.title.one", l.Int(int64(scale)))
	if levels > 1 {
		title = l.T("tender.plan.title.many", levels, l.Int(int64(scale)))
	}
	pdf.CellFormat(w-4, 4, title, "", 0, "L", false, 0, "")
	d.setFont("I", 6.8)
	d.textColor(colMuted)
	pdf.SetXY(x+2, y+5.5)
	pdf.CellFormat(w-4, 3.5, l.T("tender.plan.illustration"), "", 0, "L", false, 0, "")

	// the building and the balcony or terrace in front of it
	d.fillColor(colBand)
	d.drawColor(colAccent)
	pdf.SetLineWidth(0.6)
	pdf.Rect(left, top, pw, pd, "FD")
	if bw > 0 {
		pdf.SetLineWidth(0.25)
		pdf.SetDashPattern([]float64{1, 0.8}, 0)
		pdf.Rect(left+(pw-bw)/2, top+pd, bw, bd, "D")
		pdf.SetDashPattern(nil, 0)
		d.setFont("", 6.5)
		d.textColor(colMuted)
		if bd >= 3 {
			pdf.SetXY(left+(pw-bw)/2, top+pd+bd/2-1.5)
			pdf.CellFormat(bw, 3, "TBA", "", 0, "C", false, 0, "")
		}
	}
	d.setFont("B", 7.5)
	d.textColor(colAccent)
	label := l.T("tender.plan.bta", d.area(p.FloorBTA))
	if pdf.GetStringWidth(label) < pw-2 && pd > 9 {
		pdf.SetXY(left, top+pd/2-4)
		pdf.CellFormat(pw, 4, label, "", 0, "C", false, 0, "")
		d.setFont("", 7)
		pdf.SetXY(left, top+pd/2)
		pdf.CellFormat(pw, 4, "BRA-i "+d.area(u.Area.BRAi), "", 0, "C", false, 0, "")
	}

	// dimension lines
	d.drawColor(colText)
	pdf.SetLineWidth(0.15)
	d.setFont("", 7)
	d.textColor(colText)
	dy := top + pd + bd + 4
	pdf.Line(left, dy, left+pw, dy)
	for _, tx := range []float64{left, left + pw} {
		pdf.Line(tx, dy-1.5, tx, dy+1.5)
		pdf.Line(tx, top+pd+bd+0.8, tx, dy+1.5)
	}
	pdf.SetXY(left, dy+0.6)
	pdf.CellFormat(pw, 3.5, l.T("tender.plan.metres", l.Fixed(p.Width, 1)), "", 0, "C", false, 0, "")
	dx := left - 4
	pdf.Line(dx, top, dx, top+pd)
	for _, ty := range []float64{top, top + pd} {
		pdf.Line(dx-1.5, ty, dx+1.5, ty)
		pdf.Line(left-0.8, ty, dx-1.5, ty)
	}
	dt := l.T("tender.plan.metres", l.Fixed(p.Depth, 1))
	tw := pdf.GetStringWidth(dt)
	pdf.TransformBegin()
	pdf.TransformRotate(90, dx-1, top+pd/2+tw/2)
	pdf.Text(dx-1, top+pd/2+tw/2, dt)
	pdf.TransformEnd()

	// scale bar of 5 m (10 m at small scales)
	bar := 5.0
	if scale >= 250 {
		bar = 10
	}
	sx, sy := x+w-padR-mm(bar), y+h-5
	d.fillColor(colText)
	pdf.Rect(sx, sy, mm(bar)/2, 1, "F")
	pdf.SetLineWidth(0.15)
	pdf.Rect(sx, sy, mm(bar), 1, "D")
	d.setFont("", 6.5)
	pdf.SetXY(sx-12, sy-1.3)
	pdf.CellFormat(11, 3.5, "0", "", 0, "R", false, 0, "")
	pdf.SetXY(sx+mm(bar)+0.5, sy-1.3)
	pdf.CellFormat(10, 3.5, l.T("tender.plan.metres", l.Int(int64(bar))), "", 0, "L", false, 0, "")
	d.setFont("", bodySize)
	d.textColor(colText)
}
