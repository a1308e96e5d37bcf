package tender

import (
	"sync"
	"unicode"

	"github.com/hallingdal/bokonsept/assets"
	"golang.org/x/image/font/sfnt"
)

// fontFiles are the embedded TrueType files of the document font, by
// gofpdf style: DejaVu Sans Condensed, whose zero is not slashed and whose
// hyphen is short, and which covers Latin, Greek, Cyrillic, Hebrew, Arabic
// and many symbols.
var fontFiles = []struct{ style, file string }{
	{"", "fonts/DejaVuSansCondensed.ttf"},
	{"B", "fonts/DejaVuSansCondensed-Bold.ttf"},
	{"I", "fonts/DejaVuSansCondensed-Oblique.ttf"},
}

// substitute is drawn for a character that the fonts lack; fallbackSubstitute
// when the fonts lack the replacement character too.
const (
	substitute         = '\uFFFD'
	fallbackSubstitute = '?'
)

// coverage is the set of characters each style of the document font has
// a glyph for, computed once from the fonts' cmap tables. (The oblique
// style lacks Arabic, which the others have.)
type coverage struct {
	fonts map[string][]byte
	// bits has, by style, bit r set when rune r (in the Basic Multilingual
	// Plane) is drawn as itself.
	bits map[string]*[0x10000 / 64]uint64
	// subst replaces every other rune; every style has it.
	subst rune
	err   error
}

var (
	fontsOnce sync.Once
	fontCover *coverage
)

// loadFonts reads the embedded fonts and their coverage once.
func loadFonts() *coverage {
	fontsOnce.Do(func() {
		c := &coverage{fonts: map[string][]byte{}, bits: map[string]*[0x10000 / 64]uint64{}, subst: substitute}
		fontCover = c
		var b sfnt.Buffer
		for _, ff := range fontFiles {
			data, err := assets.Fonts.ReadFile(ff.file)
			var f *sfnt.Font
			if err == nil {
				f, err = sfnt.Parse(data)
			}
			if err != nil {
				c.err = err
				return
			}
			c.fonts[ff.style] = data
			bits := new([0x10000 / 64]uint64)
			c.bits[ff.style] = bits
			for r := rune(0x20); r < 0x10000; r++ {
				if (r >= 0x7f && r < 0xa0) || unicode.Is(unicode.Cs, r) {
					continue // control characters and surrogates
				}
				if g, err := f.GlyphIndex(&b, r); err == nil && g != 0 {
					bits[r/64] |= 1 << (r % 64)
				}
			}
		}
		for _, ff := range fontFiles {
			if !c.has(ff.style, substitute) {
				c.subst = fallbackSubstitute
			}
		}
	})
	return fontCover
}

// has reports whether the font's style draws r as itself.
func (c *coverage) has(style string, r rune) bool {
	bits := c.bits[style]
	return bits != nil && r >= 0 && r < 0x10000 && bits[r/64]&(1<<(r%64)) != 0
}

// pdfRune returns the character drawn for r in style: r itself when the
// font has it, a space for tab, newline and carriage return, else the
// substitute.
// Characters outside the Basic Multilingual Plane (emoji) are always
// substituted, since gofpdf's Unicode fonts cannot hold them.
func (c *coverage) pdfRune(style string, r rune) rune {
	switch {
	case c.has(style, r):
		return r
	case r == '\t' || r == '\n' || r == '\r':
		return ' '
	}
	return c.subst
}
