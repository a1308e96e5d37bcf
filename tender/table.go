package tender

// col is a column of a table.
type col struct {
	head string
	// w is the column's relative width; the table is scaled to the
	// content width, so it never overflows the page.
	w float64
	// align is "L", "C" or "R".
	align string
}

// rowKind styles a table row.
type rowKind int

const (
	rowNormal  rowKind = iota
	rowBold            // a subtotal
	rowTotal           // a total: bold on a band
	rowSection         // a heading spanning all columns, kept with the next row
	rowSub             // an italic heading spanning all columns, kept with the next row
)

// row is a table row.
type row struct {
	cells []string
	kind  rowKind
	// colour, when set, colours the text of cell colourCell.
	colour     *[3]int
	colourCell int
	// colours, when set, colour the text of the cells they name.
	colours map[int][3]int
	// boxes, in a form table, are the columns drawn as empty boxes for the
	// tenderer to fill in.
	boxes []int
}

// table is a table that breaks across pages and repeats its header.
type table struct {
	cols []col
	rows []row
	// size is the font size in points; tableSize when 0.
	size float64
	// noHeader leaves the header row out (key-value lists).
	noHeader bool
	// zebra shades every second normal row.
	zebra bool
	// grid draws every cell's border (forms such as the price schedule).
	grid bool
	// keep moves the whole table to the next page when it would break
	// but fits on one page.
	keep bool
	// maxLines, when above 0, is the most lines a cell takes; else as
	// many as fit on a page below the header.
	maxLines int
	// left and width place the table; the content width from the left
	// margin when width is 0.
	left, width float64
}

const cellPadX, cellPadY = 1.4, 1.1

// tableHeadLines is the most lines a column heading takes; a longer one
// (a unit type's or variant's name heading a column) ends in an ellipsis.
const tableHeadLines = 4

// widths returns the columns' widths in mm, scaled to the content width.
func (t *table) widths() []float64 {
	sum := 0.0
	for _, c := range t.cols {
		sum += c.w
	}
	out := make([]float64, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.w / sum * t.width
	}
	return out
}

// table draws t at the cursor, breaking pages before rows that do not fit
// and repeating the header row on each new page.
func (d *doc) table(t *table) {
	size := t.size
	if size == 0 {
		size = tableSize
	}
	st, sz := d.style, d.size
	defer func() {
		d.setFont(st, sz)
		d.textColor(colText)
	}()
	if t.width == 0 {
		t.left, t.width = marginL, contentW
	}
	ws := t.widths()
	lh := lineH(size)
	d.pdf.SetLineWidth(0.15)

	headH := 0.0
	var heads [][]string
	if !t.noHeader {
		d.setFont("B", size)
		for i, c := range t.cols {
			lines := d.wrapN(c.head, ws[i]-2*cellPadX, tableHeadLines)
			heads = append(heads, lines)
			if h := float64(len(lines))*lh + 2*cellPadY; h > headH {
				headH = h
			}
		}
	}
	drawHead := func() {
		if t.noHeader {
			return
		}
		pdf := d.pdf
		d.setFont("B", size)
		y := pdf.GetY()
		d.fillColor(colAccent)
		pdf.Rect(t.left, y, t.width, headH, "F")
		pdf.SetTextColor(255, 255, 255)
		x := t.left
		for i, c := range t.cols {
			for j, ln := range heads[i] {
				pdf.SetXY(x+cellPadX, y+cellPadY+float64(j)*lh)
				pdf.CellFormat(ws[i]-2*cellPadX, lh, ln, "", 0, c.align, false, 0, "")
			}
			x += ws[i]
		}
		pdf.SetXY(t.left, y+headH)
	}

	// maxLines is the most lines a cell takes, so that every row fits on
	// a page below the header; a longer text ends in an ellipsis.
	maxLines := max(1, int((bottomLimit-marginTop-headH-2*cellPadY)/lh)-1)
	if t.maxLines > 0 {
		maxLines = min(maxLines, t.maxLines)
	}
	// layout returns the wrapped cells of r and its height.
	layout := func(r row) ([][]string, float64) {
		style := ""
		switch r.kind {
		case rowBold, rowTotal, rowSection:
			style = "B"
		case rowSub:
			style = "I"
		}
		d.setFont(style, size)
		if r.kind == rowSection || r.kind == rowSub {
			lines := d.wrapN(r.cells[0], t.width-2*cellPadX, maxLines)
			return [][]string{lines}, float64(len(lines))*lh + 2*cellPadY
		}
		cells := make([][]string, len(t.cols))
		n := 1
		for i := range t.cols {
			txt := ""
			if i < len(r.cells) {
				txt = r.cells[i]
			}
			cells[i] = d.wrapN(txt, ws[i]-2*cellPadX, maxLines)
			if len(cells[i]) > n {
				n = len(cells[i])
			}
		}
		h := float64(n)*lh + 2*cellPadY
		if len(r.boxes) > 0 && h < 6 {
			h = 6
		}
		return cells, h
	}

	// the header and the first row (with the row a section row heads)
	// stay with the heading before the table; a kept table stays whole
	first := headH
	for i, r := range t.rows {
		_, h := layout(r)
		first += h
		if i >= 1 || (r.kind != rowSection && r.kind != rowSub) {
			break
		}
	}
	whole := first
	if t.keep {
		whole = headH
		for _, r := range t.rows {
			_, h := layout(r)
			whole += h
		}
	}
	d.place(first, whole)
	drawHead()
	zebra := false
	for ri, r := range t.rows {
		cells, h := layout(r)
		need := h
		if (r.kind == rowSection || r.kind == rowSub) && ri+1 < len(t.rows) {
			_, hn := layout(t.rows[ri+1])
			need += hn
		}
		// a row takes the sum rows right after it along, so that no page
		// starts with a sum alone
		if r.kind == rowNormal {
			for j := ri + 1; j < len(t.rows) && j <= ri+3; j++ {
				if k := t.rows[j].kind; k != rowBold && k != rowTotal {
					break
				}
				_, hn := layout(t.rows[j])
				need += hn
			}
		}
		if d.pdf.GetY()+need > bottomLimit && need <= bottomLimit-marginTop-headH {
			d.newPage()
			drawHead()
		}
		layout(r) // restore the row's font
		d.drawRow(t, r, cells, ws, h, lh, zebra)
		if r.kind == rowNormal {
			zebra = !zebra
		} else {
			zebra = false
		}
	}
	d.pdf.SetX(t.left)
}

// drawRow draws one laid-out row at the cursor.
func (d *doc) drawRow(t *table, r row, cells [][]string, ws []float64, h, lh float64, zebra bool) {
	pdf := d.pdf
	y := pdf.GetY()
	switch {
	case r.kind == rowSection:
		d.fillColor(colBand)
		pdf.Rect(t.left, y, t.width, h, "F")
	case r.kind == rowTotal:
		d.fillColor(colBand)
		pdf.Rect(t.left, y, t.width, h, "F")
	case zebra && t.zebra && r.kind == rowNormal:
		d.fillColor(colZebra)
		pdf.Rect(t.left, y, t.width, h, "F")
	}
	d.textColor(colText)
	if r.kind == rowSection || r.kind == rowSub {
		if r.kind == rowSub {
			d.textColor(colAccent)
		}
		for j, ln := range cells[0] {
			pdf.SetXY(t.left+cellPadX, y+cellPadY+float64(j)*lh)
			pdf.CellFormat(t.width-2*cellPadX, lh, ln, "", 0, "L", false, 0, "")
		}
	} else {
		x := t.left
		for i, c := range t.cols {
			if c, ok := r.colours[i]; ok {
				d.textColor(c)
			} else if r.colour != nil && i == r.colourCell {
				d.textColor(*r.colour)
			} else {
				d.textColor(colText)
			}
			for j, ln := range cells[i] {
				pdf.SetXY(x+cellPadX, y+cellPadY+float64(j)*lh)
				pdf.CellFormat(ws[i]-2*cellPadX, lh, ln, "", 0, c.align, false, 0, "")
			}
			x += ws[i]
		}
	}
	d.drawColor(colRule)
	if t.grid {
		x := t.left
		for i := range t.cols {
			if r.kind != rowSection && r.kind != rowSub {
				pdf.Line(x, y, x, y+h)
			}
			x += ws[i]
		}
		pdf.Line(t.left+t.width, y, t.left+t.width, y+h)
		pdf.Line(t.left, y+h, t.left+t.width, y+h)
		pdf.Line(t.left, y, t.left, y+h)
		if len(r.boxes) > 0 {
			// white boxes with a stronger border for the tenderer's entries
			for _, bi := range r.boxes {
				bx := t.left
				for i := 0; i < bi; i++ {
					bx += ws[i]
				}
				pdf.SetFillColor(255, 255, 255)
				d.drawColor(colAccent)
				pdf.Rect(bx+0.6, y+0.6, ws[bi]-1.2, h-1.2, "FD")
				d.drawColor(colRule)
			}
		}
	} else {
		if r.kind == rowBold || r.kind == rowTotal {
			d.drawColor(colText)
			pdf.Line(t.left, y, t.left+t.width, y)
			d.drawColor(colRule)
		}
		pdf.Line(t.left, y+h, t.left+t.width, y+h)
	}
	pdf.SetXY(t.left, y+h)
}
