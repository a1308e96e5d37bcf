package tender

import (
	"math"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/jung-kurt/gofpdf"
)

// Page geometry in millimetres (A4 portrait).
const (
	pageW        = 210.0
	pageH        = 297.0
	marginL      = 20.0
	marginR      = 20.0
	marginTop    = 26.0
	bottomLimit  = 279.0 // content ends here; the footer sits below
	contentW     = pageW - marginL - marginR
	fontFamily   = "dejavu"
	bodySize     = 9.5
	tableSize    = 8.5
	headerTop    = 12.0
	footerBase   = 288.0
	tocLineH     = 6.2
	tocFirstPage = 2
	tocHeadH     = 9.0 // the contents' heading and the space below it
	// coverNameLines, coverVariantLines, coverCellLines and headingLines
	// are the most lines a text takes on the cover (the concept's name,
	// the variants' names, a cell of the cover's table) and in a heading,
	// so that the cover stays one page; a longer text ends in an ellipsis.
	coverNameLines    = 3
	coverVariantLines = 2
	coverCellLines    = 2
	headingLines      = 3
)

// Colours of the document (RGB).
var (
	colAccent = [3]int{31, 78, 121}
	colText   = [3]int{33, 33, 33}
	colMuted  = [3]int{105, 105, 105}
	colRule   = [3]int{170, 178, 189}
	colZebra  = [3]int{243, 246, 249}
	colBand   = [3]int{221, 230, 240}
	colBar    = [3]int{74, 127, 176}
	colPass   = [3]int{46, 125, 50}
	colWarn   = [3]int{178, 106, 0}
	colFail   = [3]int{198, 40, 40}
	colInfo   = [3]int{69, 90, 100}
)

// tocEntry is a heading: a line of the table of contents and a bookmark.
type tocEntry struct {
	Num, Title string
	Level      int
	Page       int
	Y          float64
}

// doc is one rendering pass of the PDF.
type doc struct {
	*checked
	pdf *pdfWriter
	// tocPages is the number of pages reserved for the table of contents.
	tocPages int
	toc      []tocEntry
	// splits counts words that had to be broken inside because they were
	// wider than their column, splitWords holds them; the tests want none.
	splits     int
	splitWords []string
	// chapter numbers the chapters as they are written.
	chapter int
	// tocTop is where the contents start on page 2.
	tocTop float64
	// passes is how many times the document was laid out (see renderPDF).
	passes int
	// style and size of the current font, to restore it after a table or
	// a page break.
	style string
	size  float64
	// pending are the section headings written but not drawn yet: they
	// are drawn by the next block, on the page where it starts, so that
	// no heading stands alone at the foot of a page (keep with next).
	pending []pendingHeading
	// fill is, by page, how far down the content reaches (mm);
	// chapterStart marks the pages a chapter starts on.
	fill         map[int]float64
	chapterStart map[int]bool
}

// pendingHeading is a section heading waiting for the block after it.
type pendingHeading struct {
	level      int
	num, title string
}

// renderPDF lays the document out with the pages for the table of
// contents that contentsGuess foresees, and again with as many as it
// needs when the guess was wrong (a wrong guess costs time, never a
// wrong document).
func renderPDF(c *checked) (*doc, error) {
	reserve := tocPages(tocTopGuess, c.contentsGuess())
	for pass := 1; pass <= 4; pass++ {
		d, err := newDoc(c, reserve)
		if err != nil {
			return nil, err
		}
		d.passes = pass
		if err := d.body(); err != nil {
			return nil, err
		}
		if need := d.tocPagesFor(len(d.toc)); need != reserve {
			reserve = need
			continue
		}
		d.finish()
		if err := d.pdf.Error(); err != nil {
			return nil, libraryError(c.lang, "pdf", err)
		}
		return d, nil
	}
	return nil, errorIn(c.lang, nil, "tender.err.contents")
}

// tocPagesFor returns how many pages n contents lines need: the rest of
// page 2 below the revision table and the contents' heading, then whole
// pages.
func (d *doc) tocPagesFor(n int) int { return tocPages(d.tocTop, n) }

// tocPages returns how many pages n contents lines need when they start
// at top on page 2.
func tocPages(top float64, n int) int {
	first := int((bottomLimit - top - tocHeadH) / tocLineH)
	more := int(math.Floor((bottomLimit - marginTop) / tocLineH))
	if n <= first {
		return 1
	}
	return 1 + (n-first+more-1)/more
}

func newDoc(c *checked, tocPages int) (*doc, error) {
	raw := gofpdf.NewCustom(&gofpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           gofpdf.SizeType{Wd: pageW, Ht: pageH},
	})
	raw.SetCatalogSort(true)
	raw.SetCreationDate(c.date)
	raw.SetModificationDate(c.date)
	raw.SetCompression(true)
	raw.SetMargins(marginL, marginTop, marginR)
	raw.SetAutoPageBreak(false, 0)
	fonts := loadFonts()
	if fonts.err != nil {
		return nil, libraryError(c.lang, "pdf", fonts.err)
	}
	for _, ff := range fontFiles {
		raw.AddUTF8FontFromBytes(fontFamily, ff.style, fonts.fonts[ff.style])
	}
	if err := raw.Error(); err != nil {
		return nil, libraryError(c.lang, "pdf", err)
	}
	l := c.l
	concept := c.Project.Concept
	pdf := newPDFWriter(raw, fonts)
	pdf.SetTitle(c.title()+" – "+concept.Name, true)
	pdf.SetSubject(l.T("tender.subject", concept.Name, c.variantNames()), true)
	pdf.SetAuthor(l.T("tender.cover.municipality", c.muni), true)
	pdf.SetKeywords(l.T("tender.keywords"), true)
	creator := "Bokonsept"
	if c.Version != "" {
		creator += " " + c.Version
	}
	pdf.SetCreator(creator, true)
	pdf.SetProducer(creator, true)
	d := &doc{checked: c, pdf: pdf, tocPages: tocPages, fill: map[int]float64{}, chapterStart: map[int]bool{}}
	d.setFont("", bodySize)
	return d, nil
}

// variantNames lists the described variants' names.
func (c *checked) variantNames() string {
	names := make([]string, len(c.Variants))
	for i, v := range c.Variants {
		names[i] = c.Estimates[v].Variant
	}
	return c.l.List(names)
}

// body writes every page but the table of contents, the running header
// and the footer.
func (d *doc) body() error {
	d.cover()
	d.contentsPages()
	for _, step := range d.chapters() {
		if err := step(); err != nil {
			return err
		}
		if err := d.pdf.Error(); err != nil {
			return libraryError(d.lang, "pdf", err)
		}
	}
	d.flushHeadings(0)
	d.fill[d.pdf.PageNo()] = d.pdf.GetY()
	return nil
}

// chapters are the chapters of the document, in order, for its reader.
func (d *doc) chapters() []func() error {
	if d.kind == kindTender {
		return []func() error{
			d.chapterOrientation,
			d.chapterCompetition,
			d.chapterSite,
			d.chapterSitePlan,
			d.chapterProgramme,
			d.chapterRequirements,
			d.chapterQuantities,
			d.appendixSchedule,
		}
	}
	steps := []func() error{
		d.chapterOrientation,
		d.chapterSite,
		d.chapterProgramme,
		d.chapterRequirements,
		d.chapterAreas,
		d.chapterCosts,
		d.chapterUncertainty,
		d.chapterComparison,
	}
	// Optional chapters of the report go here, each a func() error that
	// writes nothing when the concept lacks its section: buyer economics
	// (economics) and the site plan (a variant's layout).
	steps = append(steps, d.optionalChapters()...)
	return append(steps, d.chapterSources)
}

// optionalChapters are the report's chapters that only some concepts
// have: buyer economics ("Hvem har råd?") when the concept has an
// economics section, and the site plans of the variants with a layout.
func (d *doc) optionalChapters() []func() error {
	return []func() error{d.chapterEconomics, d.chapterSitePlan}
}

// finish draws the table of contents, headers and footers once the page
// count is known.
func (d *doc) finish() {
	d.drawContents()
	total := d.pdf.PageCount()
	for p := 2; p <= total; p++ {
		d.pdf.SetPage(p)
		d.pageFrame(p, total)
	}
	d.pdf.SetPage(total)
}

// pageFrame draws the running header and the footer of page p.
func (d *doc) pageFrame(p, total int) {
	pdf := d.pdf
	l := d.l
	d.forceFont("", 7.5)
	d.textColor(colMuted)
	title := l.T("tender.header.title")
	if d.kind == kindReport {
		title = l.T("tender.report.header")
	}
	tw := pdf.GetStringWidth(title)
	name := d.fit(d.Project.Concept.Name, contentW-tw-8)
	pdf.SetXY(marginL, headerTop)
	pdf.CellFormat(contentW-tw-4, 4, name, "", 0, "L", false, 0, "")
	pdf.SetXY(pageW-marginR-tw-2, headerTop)
	pdf.CellFormat(tw+2, 4, title, "", 0, "R", false, 0, "")
	d.drawColor(colRule)
	pdf.SetLineWidth(0.2)
	pdf.SetDashPattern(nil, 0)
	pdf.Line(marginL, headerTop+5, pageW-marginR, headerTop+5)
	pdf.Line(marginL, footerBase-4, pageW-marginR, footerBase-4)
	rev := d.Project.Concept.Revision
	pdf.SetXY(marginL, footerBase-3)
	pdf.CellFormat(contentW/2, 4, l.T("tender.footer.revision", rev.ID, d.dateText()), "", 0, "L", false, 0, "")
	pdf.SetXY(marginL+contentW/2, footerBase-3)
	pdf.CellFormat(contentW/2, 4, l.T("tender.footer.page", p, total), "", 0, "R", false, 0, "")
	if d.kind == kindReport {
		d.internalMark(footerBase + 1)
	}
}

// internalMark writes "Internt – ikke del av konkurransegrunnlaget" in
// bold red across the page at y.
func (d *doc) internalMark(y float64) {
	d.forceFont("B", 7.5)
	d.textColor(colFail)
	d.pdf.SetXY(marginL, y)
	d.pdf.CellFormat(contentW, 4, d.l.T("tender.report.internal"), "", 0, "C", false, 0, "")
	d.textColor(colText)
}

// setFont selects the document font in style ("", "B", "I") and size.
func (d *doc) setFont(style string, size float64) {
	d.style, d.size = style, size
	d.pdf.SetFont(fontFamily, style, size)
}

// forceFont selects a font even when gofpdf believes it is current: after
// SetPage the page's stream may have ended in another font.
func (d *doc) forceFont(style string, size float64) {
	d.pdf.SetFont(fontFamily, style, size+1)
	d.setFont(style, size)
}

func (d *doc) textColor(c [3]int) { d.pdf.SetTextColor(c[0], c[1], c[2]) }
func (d *doc) drawColor(c [3]int) { d.pdf.SetDrawColor(c[0], c[1], c[2]) }
func (d *doc) fillColor(c [3]int) { d.pdf.SetFillColor(c[0], c[1], c[2]) }

// lineH is the line height in mm for a font size in points.
func lineH(size float64) float64 { return size * 0.45 }

// newPage starts a page and puts the cursor at the top of the content.
func (d *doc) newPage() {
	if n := d.pdf.PageNo(); n > 0 {
		d.fill[n] = max(d.fill[n], d.pdf.GetY())
	}
	d.pdf.AddPage()
	d.pdf.SetXY(marginL, marginTop)
	d.forceFont(d.style, d.size)
}

// ensure starts a new page unless h mm fit below the cursor.
func (d *doc) ensure(h float64) {
	if d.pdf.GetY()+h > bottomLimit {
		d.newPage()
	}
}

// space moves the cursor down by h mm (not past the page's end).
func (d *doc) space(h float64) {
	y := d.pdf.GetY() + h
	if y > bottomLimit {
		d.newPage()
		return
	}
	d.pdf.SetXY(marginL, y)
}

// para writes a paragraph across the content width.
func (d *doc) para(s string) {
	d.paraAt(s, marginL, contentW)
	d.space(1.8)
}

// paraAt writes wrapped text at x within w mm, breaking pages as needed:
// a paragraph of up to four lines stays on one page, a longer one keeps
// at least two lines together.
func (d *doc) paraAt(s string, x, w float64) {
	lh := lineH(d.size)
	lines := d.wrap(s, w)
	whole := float64(len(lines)) * lh
	if len(lines) > 4 {
		whole = 2 * lh
	}
	d.place(min(whole, 2*lh), whole)
	d.textColor(colText)
	for _, ln := range lines {
		if d.pdf.GetY()+lh > bottomLimit {
			d.newPage()
		}
		d.pdf.SetX(x)
		d.pdf.CellFormat(w, lh, ln, "", 2, "L", false, 0, "")
	}
}

// bullets writes a bulleted list.
func (d *doc) bullets(items []string) {
	lh := lineH(d.size)
	for _, it := range items {
		lines := d.wrap(it, contentW-6)
		first := lh * math.Min(float64(len(lines)), 2)
		d.place(first, first)
		y := d.pdf.GetY()
		d.textColor(colText)
		d.pdf.SetXY(marginL+1, y)
		d.pdf.CellFormat(4, lh, "•", "", 0, "L", false, 0, "")
		d.pdf.SetXY(marginL+6, y)
		d.paraAt(it, marginL+6, contentW-6)
		d.space(0.8)
	}
	d.space(1)
}

// note writes a small muted paragraph.
func (d *doc) note(s string) {
	st, sz := d.style, d.size
	d.setFont("I", 8)
	lh := lineH(8)
	d.textColor(colMuted)
	lines := d.wrap(s, contentW)
	d.place(min(float64(len(lines)), 2)*lh, float64(len(lines))*lh)
	d.textColor(colMuted)
	for _, ln := range lines {
		d.ensure(lh)
		d.pdf.SetX(marginL)
		d.pdf.CellFormat(contentW, lh, ln, "", 2, "L", false, 0, "")
	}
	d.setFont(st, sz)
	d.space(1.5)
}

// statusColour is the colour of a check's status.
func statusColour(s costing.Status) [3]int {
	switch s {
	case costing.StatusPass:
		return colPass
	case costing.StatusWarn:
		return colWarn
	case costing.StatusFail:
		return colFail
	}
	return colInfo
}
