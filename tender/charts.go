package tender

import (
	"math"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

// bar is one bar of a bar chart: a label and the engine's amount.
type bar struct {
	label string
	value decimal.Decimal
}

const (
	barRowH     = 6.0
	barLabelW   = 58.0
	barValueW   = 32.0
	sCurveH     = 88.0
	sCurveLeftW = 16.0
)

// barChartHeight is the height of a bar chart of n bars.
func barChartHeight(n int) float64 { return float64(n)*barRowH + 4 }

// barChart draws a horizontal bar chart of amounts at the cursor, with
// each amount printed as the engine has it.
func (d *doc) barChart(bars []bar) {
	pdf := d.pdf
	l := d.l
	d.place(barChartHeight(len(bars)), barChartHeight(len(bars)))
	y0 := pdf.GetY() + 1
	lo, hi := 0.0, 0.0
	for _, b := range bars {
		v := b.value.InexactFloat64()
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if hi == lo {
		hi = lo + 1
	}
	barX := marginL + barLabelW
	barW := contentW - barLabelW - barValueW - 2
	scale := barW / (hi - lo)
	zero := barX - lo*scale
	d.setFont("", 8)
	for i, b := range bars {
		y := y0 + float64(i)*barRowH
		d.textColor(colText)
		pdf.SetXY(marginL, y)
		pdf.CellFormat(barLabelW-2, barRowH, d.fit(b.label, barLabelW-3), "", 0, "L", false, 0, "")
		v := b.value.InexactFloat64()
		x1 := zero + v*scale
		d.fillColor(colBar)
		if v < 0 {
			d.fillColor(colWarn)
		}
		if w := math.Abs(x1 - zero); w > 0.05 {
			pdf.Rect(math.Min(zero, x1), y+1.2, w, barRowH-2.4, "F")
		}
		pdf.SetXY(pageW-marginR-barValueW, y)
		pdf.CellFormat(barValueW, barRowH, l.NOK(b.value), "", 0, "R", false, 0, "")
	}
	d.drawColor(colMuted)
	pdf.SetLineWidth(0.2)
	pdf.Line(zero, y0, zero, y0+float64(len(bars))*barRowH)
	pdf.SetXY(marginL, y0+float64(len(bars))*barRowH+3)
	d.setFont("", bodySize)
}

// niceStep returns a round tick step for a span divided into about n steps.
func niceStep(span float64, n int) float64 {
	raw := span / float64(n)
	if raw <= 0 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*mag {
			return m * mag
		}
	}
	return 10 * mag
}

// sCurve draws the simulated distribution of basiskostnad as a cumulative
// curve (the S-curve) with P50 and P85 marked.
func (d *doc) sCurve(e *costing.Estimate) {
	pdf := d.pdf
	l := d.l
	sorted := e.Distribution.Sorted
	n := len(sorted)
	d.place(sCurveH, sCurveH)
	const curvePoints = 400
	top := pdf.GetY() + 2
	x0 := marginL + sCurveLeftW
	w := contentW - sCurveLeftW - 4
	h := sCurveH - 20
	lo, hi := sorted[0], sorted[n-1]
	step := niceStep(hi-lo, 5)
	lo = math.Floor(lo/step) * step
	hi = math.Ceil(hi/step) * step
	if hi <= lo {
		hi = lo + step
	}
	px := func(v float64) float64 { return x0 + (v-lo)/(hi-lo)*w }
	py := func(p float64) float64 { return top + h - p*h }

	// grid and axes
	pdf.SetLineWidth(0.15)
	d.drawColor(colRule)
	d.setFont("", 7.5)
	d.textColor(colMuted)
	for _, p := range []int{0, 25, 50, 75, 100} {
		y := py(float64(p) / 100)
		pdf.Line(x0, y, x0+w, y)
		pdf.SetXY(marginL, y-2)
		pdf.CellFormat(sCurveLeftW-2, 4, l.PercentFixed(decimal.NewFromInt(int64(p)), 0), "", 0, "R", false, 0, "")
	}
	for v := lo; v <= hi+step/2; v += step {
		x := px(v)
		pdf.Line(x, top, x, top+h)
		pdf.SetXY(x-14, top+h+1)
		pdf.CellFormat(28, 4, l.T("tender.chart.mnok", l.Number(decimal.NewFromFloat(v/1e6), 1)), "", 0, "C", false, 0, "")
	}
	d.drawColor(colMuted)
	pdf.SetLineWidth(0.3)
	pdf.Line(x0, top+h, x0+w, top+h)
	pdf.Line(x0, top, x0, top+h)

	// the curve, as the engine samples it
	d.drawColor(colAccent)
	pdf.SetLineWidth(0.6)
	pdf.SetLineJoinStyle("round")
	for i, pt := range e.Distribution.Curve(curvePoints) {
		x, y := px(pt.Value), py(pt.Probability)
		if i == 0 {
			pdf.MoveTo(x, y)
		} else {
			pdf.LineTo(x, y)
		}
	}
	pdf.DrawPath("D")

	// P50 and P85
	mark := func(label string, v decimal.Decimal, p float64, c [3]int) {
		x, y := px(v.InexactFloat64()), py(p)
		d.drawColor(c)
		pdf.SetLineWidth(0.3)
		pdf.SetDashPattern([]float64{1.2, 1}, 0)
		pdf.Line(x, y, x, top+h)
		pdf.Line(x0, y, x, y)
		pdf.SetDashPattern(nil, 0)
		d.fillColor(c)
		pdf.Circle(x, y, 0.9, "F")
		d.setFont("B", 8)
		d.textColor(c)
		// left of the point and above its line the curve does not pass
		txt := label + ": " + l.NOK(v)
		tw := pdf.GetStringWidth(txt) + 2
		tx := max(x-2.5-tw, x0+1)
		pdf.SetXY(tx, y-4.8)
		pdf.CellFormat(tw, 4, txt, "", 0, "L", false, 0, "")
	}
	mark("P50", *e.P50, 0.5, colAccent)
	mark("P85", *e.P85, 0.85, colFail)

	d.setFont("", 7.5)
	d.textColor(colMuted)
	pdf.SetXY(x0, top+h+6)
	pdf.CellFormat(w, 4, l.T("tender.chart.scurve.x"), "", 0, "C", false, 0, "")
	pdf.SetXY(marginL, top+h+11)
	d.setFont("", bodySize)
	pdf.SetLineJoinStyle("miter")
}
