package tender

import (
	"strings"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// maxMetaRunes is the most characters of a text written to the document's
// metadata or a bookmark; a longer text is cut with an ellipsis.
const maxMetaRunes = 300

// pdfWriter is a gofpdf document whose text methods draw every character
// the document font has and a visible substitute (U+FFFD) for every other,
// so that no text reaches gofpdf that it cannot draw: it panics on a
// character outside the Basic Multilingual Plane and draws a box for one
// its font lacks. Control characters are substituted too. It measures
// text with cached character widths, in time linear in the text's length.
type pdfWriter struct {
	*gofpdf.Fpdf
	cover *coverage
	// style is the current font style; widths caches each style's
	// character widths in glyph units (1/1000 of the font size), cur
	// those of the current style.
	style  string
	widths map[string]*runeWidths
	cur    *runeWidths
}

// runeWidths caches the widths of one style: ASCII in an array, the rest
// in a map.
type runeWidths struct {
	ascii [128]int32 // the width plus one; 0 when not known yet
	other map[rune]int
}

// newPDFWriter wraps pdf, which uses the fonts of cover.
func newPDFWriter(pdf *gofpdf.Fpdf, cover *coverage) *pdfWriter {
	return &pdfWriter{Fpdf: pdf, cover: cover, widths: map[string]*runeWidths{}}
}

// clean returns s with every character the font cannot draw replaced, and
// s itself when there is none.
func (p *pdfWriter) clean(s string) string {
	ok := true
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				ok = false
				break
			}
		}
		if p.cover.pdfRune(p.style, r) != r {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(p.cover.pdfRune(p.style, r))
	}
	return b.String()
}

// SetFont selects a font and remembers its style for the widths.
func (p *pdfWriter) SetFont(family, style string, size float64) {
	p.Fpdf.SetFont(family, style, size)
	if p.cur == nil || style != p.style {
		p.style = style
		p.cur = p.widths[style]
		if p.cur == nil {
			p.cur = &runeWidths{other: map[rune]int{}}
			p.widths[style] = p.cur
		}
	}
}

// runeWidth returns the width of r as drawn (substituted) in the current
// style, in glyph units.
func (p *pdfWriter) runeWidth(r rune) int {
	c := p.cur
	if r >= 0 && r < 128 {
		if w := c.ascii[r]; w > 0 {
			return int(w - 1)
		}
		w := p.Fpdf.GetStringSymbolWidth(string(p.cover.pdfRune(p.style, r)))
		c.ascii[r] = int32(w + 1)
		return w
	}
	w, ok := c.other[r]
	if !ok {
		w = p.Fpdf.GetStringSymbolWidth(string(p.cover.pdfRune(p.style, r)))
		c.other[r] = w
	}
	return w
}

// symbolWidth returns the width of s as drawn in glyph units.
func (p *pdfWriter) symbolWidth(s string) int {
	w := 0
	for _, r := range s {
		w += p.runeWidth(r)
	}
	return w
}

// unitsToWidth converts glyph units of the current font to millimetres,
// exactly as gofpdf does.
func (p *pdfWriter) unitsToWidth(units int) float64 {
	_, size := p.Fpdf.GetFontSize()
	return float64(units) * size / 1000
}

// GetStringWidth returns the width of s as drawn in the current font.
func (p *pdfWriter) GetStringWidth(s string) float64 {
	if p.Fpdf.Err() {
		return 0
	}
	return p.unitsToWidth(p.symbolWidth(s))
}

// CellFormat draws a cell with txtStr cleaned.
func (p *pdfWriter) CellFormat(w, h float64, txtStr, borderStr string, ln int, alignStr string, fill bool, link int, linkStr string) {
	p.Fpdf.CellFormat(w, h, p.clean(txtStr), borderStr, ln, alignStr, fill, link, linkStr)
}

// Text draws txtStr cleaned at x, y.
func (p *pdfWriter) Text(x, y float64, txtStr string) { p.Fpdf.Text(x, y, p.clean(txtStr)) }

// Bookmark adds a bookmark with txtStr cleaned and shortened.
func (p *pdfWriter) Bookmark(txtStr string, level int, y float64) {
	p.Fpdf.Bookmark(p.meta(txtStr), level, y)
}

// meta cleans s for the metadata and bookmarks and shortens it to
// maxMetaRunes characters.
func (p *pdfWriter) meta(s string) string {
	return clip(p.clean(s), maxMetaRunes)
}

// SetTitle sets the document title, cleaned and shortened.
func (p *pdfWriter) SetTitle(s string, isUTF8 bool) { p.Fpdf.SetTitle(p.meta(s), isUTF8) }

// SetSubject sets the document subject, cleaned and shortened.
func (p *pdfWriter) SetSubject(s string, isUTF8 bool) { p.Fpdf.SetSubject(p.meta(s), isUTF8) }

// SetAuthor sets the document author, cleaned and shortened.
func (p *pdfWriter) SetAuthor(s string, isUTF8 bool) { p.Fpdf.SetAuthor(p.meta(s), isUTF8) }

// SetKeywords sets the document keywords, cleaned and shortened.
func (p *pdfWriter) SetKeywords(s string, isUTF8 bool) { p.Fpdf.SetKeywords(p.meta(s), isUTF8) }

// clip shortens s to at most n characters, the last an ellipsis.
func clip(s string, n int) string {
	count, cut := 0, 0
	for j := range s {
		if count == n-1 {
			cut = j
		}
		if count == n {
			return strings.TrimSpace(s[:cut]) + "…"
		}
		count++
	}
	return s
}
