package tender

// cover writes page 1.
func (d *doc) cover() {
	pdf := d.pdf
	l := d.l
	c := d.Project.Concept
	d.newPage()
	pdf.Bookmark(l.T("tender.cover.bookmark"), 0, 0)
	d.fillColor(colAccent)
	pdf.Rect(0, 0, pageW, 12, "F")
	pdf.SetXY(marginL, 30)
	d.setFont("B", 13)
	d.textColor(colAccent)
	pdf.CellFormat(contentW, 6, l.T("tender.cover.municipality", d.muni), "", 2, "L", false, 0, "")
	pdf.SetXY(marginL, 75)
	if d.kind == kindReport {
		d.internalMark(18)
	}
	pdf.SetXY(marginL, 75)
	d.setFont("B", 24)
	d.textColor(colText)
	for _, ln := range d.wrap(d.title(), contentW) {
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, 11, ln, "", 2, "L", false, 0, "")
	}
	d.space(4)
	d.setFont("", 17)
	d.textColor(colAccent)
	for _, ln := range d.wrapN(c.Name, contentW, coverNameLines) {
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, 8, ln, "", 2, "L", false, 0, "")
	}
	d.space(2)
	d.setFont("", 12)
	d.textColor(colMuted)
	for _, ln := range d.wrapN(d.variantNames(), contentW, coverVariantLines) {
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, 6, ln, "", 2, "L", false, 0, "")
	}
	if d.kind == kindTender {
		d.space(1)
		d.setFont("I", 11)
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, 6, l.T("tender.subtitle"), "", 2, "L", false, 0, "")
	}
	d.drawColor(colAccent)
	pdf.SetLineWidth(0.6)
	pdf.Line(marginL, 150, marginL+40, 150)

	family := "–"
	if d.family != nil {
		family = d.family.Name
	}
	note := c.Revision.Note
	if note == "" {
		note = "–"
	}
	e := d.first()
	pairs := []string{
		l.T("tender.cover.concept"), c.Name,
		l.T("tender.cover.municipality.label"), d.muni,
		l.T("tender.cover.family"), family,
		l.T("tender.cover.variant"), d.variantNames(),
		l.T("tender.cover.revision"), c.Revision.ID,
		l.T("tender.cover.date"), d.dateText(),
		l.T("tender.cover.note"), note,
	}
	if d.kind == kindReport {
		pairs = append(pairs, l.T("tender.cover.pricelevel"), e.PriceLevel)
	} else if td := c.Tender; td != nil {
		pairs = append(pairs, l.T("tender.comp.contract"), d.contractText(td.Contract),
			l.T("tender.comp.deadline"), d.dateOf(td.Deadline))
	}
	pairs = append(pairs, l.T("tender.cover.prepared"), l.T("tender.cover.prepared.value", d.creator()))
	t := kv(pairs...)
	t.cols[0].w, t.cols[1].w = 35, 65
	t.cols[1].align = "L"
	t.size = 9.5
	t.maxLines = coverCellLines
	pdf.SetXY(marginL, 160)
	d.table(t)
	if msg := d.forcedNote(); msg != "" {
		d.space(4)
		d.setFont("B", 9.5)
		lines := d.wrapN(msg, contentW-6, 6)
		h := float64(len(lines))*lineH(9.5) + 4
		y := pdf.GetY()
		d.drawColor(colFail)
		pdf.SetLineWidth(0.6)
		pdf.Rect(marginL, y, contentW, h, "D")
		d.textColor(colFail)
		for i, ln := range lines {
			pdf.SetXY(marginL+3, y+2+float64(i)*lineH(9.5))
			pdf.CellFormat(contentW-6, lineH(9.5), ln, "", 0, "L", false, 0, "")
		}
	}
	disclaimer := l.T("tender.cover.disclaimer")
	if d.kind == kindTender {
		disclaimer = l.T("tender.cover.disclaimer.tender")
	}
	d.setFont("I", 8)
	d.textColor(colMuted)
	pdf.SetXY(marginL, 262)
	for _, ln := range d.wrap(disclaimer, contentW) {
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, lineH(8), ln, "", 2, "L", false, 0, "")
	}
	d.setFont("", bodySize)
}

// creator is "Bokonsept" with the version.
func (d *doc) creator() string {
	if d.Version == "" {
		return "Bokonsept"
	}
	return "Bokonsept " + d.Version
}
