package tender

import "fmt"

// heading writes a numbered heading: level 0 a chapter on a new page,
// level 1 a section, level 2 a subsection (not in the contents). A
// section heading is drawn by the block that follows it (see place), so
// that it stays with that block.
func (d *doc) heading(level int, num, title string) {
	if level > 0 {
		d.pending = append(d.pending, pendingHeading{level, num, title})
		return
	}
	d.flushHeadings(0)
	d.newPage()
	d.chapterStart[d.pdf.PageNo()] = true
	d.drawHeading(level, num, title)
}

// headingStyle is the font size of a heading level and the space above it.
func headingStyle(level int) (size, before float64) {
	switch level {
	case 0:
		return 15, 0
	case 1:
		return 11.5, 4
	}
	return 10, 2.5
}

// pendingHeight is the height the pending headings take.
func (d *doc) pendingHeight() float64 {
	h := 0.0
	st, sz := d.style, d.size
	for i, p := range d.pending {
		size, before := headingStyle(p.level)
		if i == 0 && d.pdf.GetY() <= marginTop+0.1 {
			before = 0
		}
		d.setFont("B", size)
		h += before + float64(len(d.wrapN(d.headingText(p.num, p.title), contentW, headingLines)))*(lineH(size)+0.6) + 1.5
	}
	d.setFont(st, sz)
	return h
}

// headingText is a heading's number and title.
func (d *doc) headingText(num, title string) string {
	if num == "" {
		return title
	}
	return num + "  " + title
}

// place makes room for a block below the pending headings: first is the
// height of its start that must not be parted from them (a table's header
// and first row, two lines of a paragraph), whole its height when it should
// stay on one page (first when it may break anywhere). The block goes to a
// new page when its start does not fit, or when the whole does not fit but
// would on a page of its own and this page is at least a third full (a
// page less full breaks the block instead). Then the headings are drawn.
func (d *doc) place(first, whole float64) {
	h := d.pendingHeight()
	y := d.pdf.GetY()
	atTop := y <= marginTop+0.1
	third := marginTop + (bottomLimit-marginTop)/3
	switch {
	case y+h+whole <= bottomLimit || atTop:
	case whole <= bottomLimit-marginTop-h && y >= third:
		d.newPage()
	case y+h+first > bottomLimit:
		d.newPage()
	}
	d.flushHeadings(0)
}

// flushHeadings draws the pending headings at the cursor (breaking the
// page first when they and need mm do not fit).
func (d *doc) flushHeadings(need float64) {
	if len(d.pending) == 0 {
		return
	}
	if d.pdf.GetY()+d.pendingHeight()+need > bottomLimit {
		d.newPage()
	}
	p := d.pending
	d.pending = nil
	st, sz := d.style, d.size
	for _, h := range p {
		d.drawHeading(h.level, h.num, h.title)
	}
	d.setFont(st, sz)
}

// drawHeading draws a heading at the cursor.
func (d *doc) drawHeading(level int, num, title string) {
	pdf := d.pdf
	size, before := headingStyle(level)
	if pdf.GetY() <= marginTop+0.1 {
		before = 0
	}
	if before > 0 {
		pdf.SetXY(marginL, pdf.GetY()+before)
	}
	y := pdf.GetY()
	d.setFont("B", size)
	if level <= 1 {
		d.toc = append(d.toc, tocEntry{Num: num, Title: title, Level: level, Page: pdf.PageNo(), Y: y})
		bm := title
		if num != "" {
			bm = num + " " + title
		}
		pdf.Bookmark(bm, level, y)
	}
	d.textColor(colAccent)
	lh := lineH(size) + 0.6
	for _, ln := range d.wrapN(d.headingText(num, title), contentW, headingLines) {
		pdf.SetX(marginL)
		pdf.CellFormat(contentW, lh, ln, "", 2, "L", false, 0, "")
	}
	if level == 0 {
		d.drawColor(colAccent)
		pdf.SetLineWidth(0.5)
		pdf.Line(marginL, pdf.GetY()+0.8, pageW-marginR, pdf.GetY()+0.8)
		d.space(4)
	} else {
		pdf.SetXY(marginL, pdf.GetY()+1.5)
	}
	d.setFont("", bodySize)
	d.textColor(colText)
}

// contentsPages writes page 2 (revision table and the contents' heading)
// and reserves the pages the contents need.
func (d *doc) contentsPages() {
	l := d.l
	d.newPage()
	d.pdf.Bookmark(l.T("tender.revisions.title"), 0, d.pdf.GetY())
	d.setFont("B", 13)
	d.textColor(colAccent)
	d.pdf.CellFormat(contentW, 7, l.T("tender.revisions.title"), "", 2, "L", false, 0, "")
	d.space(2)
	rev := d.Project.Concept.Revision
	note := rev.Note
	if note == "" {
		note = "–"
	}
	t := &table{
		cols: []col{
			{head: l.T("tender.revisions.id"), w: 12, align: "L"},
			{head: l.T("tender.revisions.date"), w: 26, align: "L"},
			{head: l.T("tender.revisions.note"), w: 72, align: "L"},
			{head: l.T("tender.revisions.by"), w: 40, align: "L"},
		},
		rows: []row{{cells: []string{rev.ID, d.dateText(), note, l.T("tender.cover.municipality", d.muni)}}},
	}
	d.table(t)
	d.space(8)
	d.tocTop = d.pdf.GetY()
	for i := 1; i < d.tocPages; i++ {
		d.newPage()
	}
}

// drawContents fills the reserved pages with the table of contents.
func (d *doc) drawContents() {
	pdf := d.pdf
	l := d.l
	page := tocFirstPage
	pdf.SetPage(page)
	pdf.SetY(d.tocTop)
	pdf.Bookmark(l.T("tender.contents.title"), 0, d.tocTop)
	d.forceFont("B", 13)
	d.textColor(colAccent)
	pdf.SetX(marginL)
	pdf.CellFormat(contentW, 7, l.T("tender.contents.title"), "", 2, "L", false, 0, "")
	d.space(2)
	d.forceFont("", bodySize)
	d.drawColor(colRule)
	pdf.SetLineWidth(0.15)
	for _, e := range d.toc {
		if pdf.GetY()+tocLineH > bottomLimit {
			page++
			pdf.SetPage(page)
			pdf.SetXY(marginL, marginTop)
			d.forceFont("", bodySize)
		}
		y := pdf.GetY()
		indent := 0.0
		style := "B"
		if e.Level > 0 {
			indent, style = 10, ""
		}
		d.setFont(style, bodySize)
		d.textColor(colText)
		num := fmt.Sprint(e.Page)
		nw := pdf.GetStringWidth(num)
		numW := max(12, pdf.GetStringWidth(e.Num)+3)
		title := d.fit(e.Title, contentW-indent-numW-nw-10)
		pdf.SetXY(marginL+indent, y)
		pdf.CellFormat(numW, tocLineH, e.Num, "", 0, "L", false, 0, "")
		tw := pdf.GetStringWidth(title)
		pdf.CellFormat(tw+1, tocLineH, title, "", 0, "L", false, 0, "")
		// dotted leader
		x0 := marginL + indent + numW + tw + 3
		x1 := pageW - marginR - nw - 2
		if x1 > x0 {
			pdf.SetDashPattern([]float64{0.3, 1.2}, 0)
			pdf.Line(x0, y+tocLineH*0.7, x1, y+tocLineH*0.7)
			pdf.SetDashPattern(nil, 0)
		}
		pdf.SetXY(pageW-marginR-nw-1, y)
		pdf.CellFormat(nw+1, tocLineH, num, "", 0, "R", false, 0, "")
		link := pdf.AddLink()
		pdf.SetLink(link, e.Y, e.Page)
		pdf.Link(marginL+indent, y, contentW-indent, tocLineH, link)
		pdf.SetXY(marginL, y+tocLineH)
	}
}
